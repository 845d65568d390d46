/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-store-map.h"
#include "sam-store-private.h"

/* The relationship map's rows: node placements, relations and snapshots.
 * Every edit is one transaction that touches the workshop. */

void
sam_map_relation_record_free (SamMapRelationRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->uuid);
  g_free (record->note);
  g_free (record);
}

void
sam_map_snapshot_record_free (SamMapSnapshotRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->uuid);
  g_free (record->label);
  g_free (record->json);
  g_free (record);
}

static void
bind_team (sqlite3_stmt *stmt,
           int           column,
           gint64        team_id)
{
  if (team_id > 0)
    sqlite3_bind_int64 (stmt, column, team_id);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
finish_rows (SamStore      *self,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Runs @stmt in the open transaction, touches the workshop and commits;
 * rolls back when that fails.  @out_id (optional) gets the id of the row
 * an INSERT made. */
static gboolean
run_and_commit (SamStore      *self,
                sqlite3_stmt  *stmt,
                gint64         workshop_id,
                gint64        *out_id,
                GError       **error)
{
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, workshop_id, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (_sam_store_get_db (self));

  return _sam_store_commit (self, error);
}

typedef gpointer (*RecordFunc) (sqlite3_stmt *stmt);

/* The records @sql selects for the workshop (bound to ?1), one per row. */
static GPtrArray *
list_records (SamStore        *self,
              SamWorkshop     *workshop,
              const char      *sql,
              RecordFunc       from_row,
              GDestroyNotify   free_func,
              GError         **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (free_func);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sam_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, from_row (stmt));

  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&records);
}

/* The id of the live row @uuid of @table in the workshop; 0 with @gone
 * as the error when it is not there (any more). */
static gint64
find_uuid (SamStore    *self,
           const char  *table,
           gint64       workshop_id,
           const char  *uuid,
           const char  *gone,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1 AND workshop_id = ?2 "
                                          "AND trash IS NULL", table);
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, workshop_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (id == 0)
    g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND, gone);

  return id;
}

/* Moves the live row @uuid of @table to the trash. */
static gboolean
trash_uuid (SamStore     *self,
            const char   *table,
            SamWorkshop  *workshop,
            const char   *uuid,
            const char   *gone,
            gint64       *out_batch,
            GError      **error)
{
  gint64 id = find_uuid (self, table, sam_workshop_get_id (workshop), uuid, gone, error);

  if (id == 0)
    return FALSE;

  return _sam_store_trash_rows (self, table, id, NULL, out_batch, error);
}

/* Placements ------------------------------------------------------------ */

/**
 * sam_store_list_map_placements:
 * @self: a #SamStore
 * @workshop: a workshop
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SamMapPlacement) (nullable): where
 *   the map's nodes were put, for every node that has been placed
 */
GArray *
sam_store_list_map_placements (SamStore     *self,
                               SamWorkshop  *workshop,
                               GError      **error)
{
  g_autoptr(GArray) placements = g_array_new (FALSE, TRUE, sizeof (SamMapPlacement));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  stmt = _sam_store_prepare (self,
                             "SELECT COALESCE(team_id, 0), x, y, pinned FROM map_node "
                             "WHERE workshop_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamMapPlacement p = {
        .team_id = sqlite3_column_int64 (stmt, 0),
        .x = sqlite3_column_double (stmt, 1),
        .y = sqlite3_column_double (stmt, 2),
        .pinned = sqlite3_column_int (stmt, 3) != 0,
      };

      g_array_append_val (placements, p);
    }

  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&placements);
}

static gboolean
put_placement (SamStore              *self,
               gint64                 workshop_id,
               const SamMapPlacement *p,
               GError               **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *uuid = NULL;

  stmt = _sam_store_prepare (self,
                             "UPDATE map_node SET x = ?3, y = ?4, pinned = ?5 "
                             "WHERE workshop_id = ?1 AND COALESCE(team_id, 0) = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, workshop_id);
  sqlite3_bind_int64 (stmt, 2, MAX (p->team_id, 0));
  sqlite3_bind_double (stmt, 3, p->x);
  sqlite3_bind_double (stmt, 4, p->y);
  sqlite3_bind_int (stmt, 5, p->pinned ? 1 : 0);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_sam_store_get_db (self)) > 0)
    return TRUE;

  uuid = g_uuid_string_random ();
  stmt = _sam_store_prepare (self,
                             "INSERT INTO map_node (uuid, workshop_id, team_id, x, y, pinned) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, workshop_id);
  bind_team (stmt, 3, p->team_id);
  sqlite3_bind_double (stmt, 4, p->x);
  sqlite3_bind_double (stmt, 5, p->y);
  sqlite3_bind_int (stmt, 6, p->pinned ? 1 : 0);

  return _sam_store_step_done (self, stmt, error);
}

/**
 * sam_store_set_map_placements:
 * @self: a #SamStore
 * @workshop: a workshop
 * @placements: (array length=n_placements): where the nodes are now
 * @n_placements: how many
 * @error: return location for a #GError
 *
 * Stores node positions and pinned flags in one transaction (after a drag,
 * a keyboard move or an auto-layout).
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_map_placements (SamStore               *self,
                              SamWorkshop            *workshop,
                              const SamMapPlacement  *placements,
                              guint                   n_placements,
                              GError                **error)
{
  gint64 workshop_id;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (placements != NULL || n_placements == 0, FALSE);

  workshop_id = sam_workshop_get_id (workshop);
  if (!_sam_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_placements; i++)
    if (!put_placement (self, workshop_id, &placements[i], error))
      goto failed;

  if (!_sam_store_touch_workshop (self, workshop_id, error))
    goto failed;

  return _sam_store_commit (self, error);

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/* Relations ------------------------------------------------------------- */

static gpointer
relation_from_row (sqlite3_stmt *stmt)
{
  SamMapRelationRecord *r = g_new0 (SamMapRelationRecord, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->uuid = _sam_store_dup_column (stmt, 1);
  r->team_a = sqlite3_column_int64 (stmt, 2);
  r->team_b = sqlite3_column_int64 (stmt, 3);
  r->quality = CLAMP (sqlite3_column_int (stmt, 4), 0, 5);
  r->tension = CLAMP (sqlite3_column_int (stmt, 5), 0, 2);
  r->note = _sam_store_dup_column (stmt, 6);

  return r;
}

#define RELATION_COLUMNS \
  "id, uuid, COALESCE(team_a_id, 0), COALESCE(team_b_id, 0), quality, tension, note"

/**
 * sam_store_list_map_relations:
 * @self: a #SamStore
 * @workshop: a workshop
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SamMapRelationRecord) (nullable):
 *   the live relations of @workshop, oldest first
 */
GPtrArray *
sam_store_list_map_relations (SamStore     *self,
                              SamWorkshop  *workshop,
                              GError      **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  return list_records (self, workshop,
                       "SELECT " RELATION_COLUMNS " FROM map_relation "
                       "WHERE workshop_id = ?1 AND trash IS NULL ORDER BY id",
                       relation_from_row, (GDestroyNotify) sam_map_relation_record_free, error);
}

static gboolean
check_team (SamStore  *self,
            gint64     workshop_id,
            gint64     team_id,
            GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (team_id <= 0)
    return TRUE;

  stmt = _sam_store_prepare (self, "SELECT 1 FROM team WHERE id = ?1 AND workshop_id = ?2 "
                             "AND trash IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, team_id);
  sqlite3_bind_int64 (stmt, 2, workshop_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!found)
    g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                         _("This team is no longer part of the workshop"));

  return found;
}

static gboolean
check_values (guint        quality,
              guint        tension,
              const char  *note,
              GError     **error)
{
  if (quality > 5 || tension > 2)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A relation is rated from 1 to 5, with no, some or high tension"));
      return FALSE;
    }

  return _sam_store_validate_text (note ? note : "", SAM_MAP_NOTE_MAX_TEXT, TRUE, error);
}

/**
 * sam_store_add_map_relation:
 * @self: a #SamStore
 * @workshop: a workshop
 * @uuid: (nullable): the id to give it (the map model's), or %NULL for a new one
 * @team_a: a team of @workshop, or 0 for the customer
 * @team_b: another team of @workshop, or 0 for the customer
 * @quality: 0 (not rated) to 5
 * @tension: 0 none, 1 some, 2 high
 * @note: (nullable): what the group said about it
 * @error: return location for a #GError
 *
 * Stores a new relation between two nodes.  A node cannot relate to itself.
 *
 * Returns: (transfer full) (nullable): the stored relation
 */
SamMapRelationRecord *
sam_store_add_map_relation (SamStore     *self,
                            SamWorkshop  *workshop,
                            const char   *uuid,
                            gint64        team_a,
                            gint64        team_b,
                            guint         quality,
                            guint         tension,
                            const char   *note,
                            GError      **error)
{
  g_autofree char *fresh = NULL;
  sqlite3_stmt *stmt;
  SamMapRelationRecord *record;
  gint64 workshop_id, id, now = _sam_store_now ();

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  workshop_id = sam_workshop_get_id (workshop);
  if (MAX (team_a, 0) == MAX (team_b, 0))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A relation needs two different teams"));
      return NULL;
    }

  if (!check_values (quality, tension, note, error))
    return NULL;

  if (uuid == NULL)
    uuid = fresh = g_uuid_string_random ();

  if (!_sam_store_begin (self, error))
    return NULL;

  if (!check_team (self, workshop_id, team_a, error) ||
      !check_team (self, workshop_id, team_b, error))
    goto failed;

  stmt = _sam_store_prepare (self,
                             "INSERT INTO map_relation (uuid, workshop_id, team_a_id, team_b_id, "
                             "quality, tension, note, created, modified) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, workshop_id);
  bind_team (stmt, 3, team_a);
  bind_team (stmt, 4, team_b);
  sqlite3_bind_int (stmt, 5, (int) quality);
  sqlite3_bind_int (stmt, 6, (int) tension);
  sqlite3_bind_text (stmt, 7, note ? note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!run_and_commit (self, stmt, workshop_id, &id, error))
    return NULL;

  record = g_new0 (SamMapRelationRecord, 1);
  record->id = id;
  record->uuid = g_strdup (uuid);
  record->team_a = MAX (team_a, 0);
  record->team_b = MAX (team_b, 0);
  record->quality = quality;
  record->tension = tension;
  record->note = g_strdup (note ? note : "");

  return record;

failed:
  _sam_store_rollback (self);
  return NULL;
}

/**
 * sam_store_set_map_relation:
 * @self: a #SamStore
 * @workshop: its workshop
 * @uuid: the relation's uuid
 * @quality: 0 (not rated) to 5
 * @tension: 0 none, 1 some, 2 high
 * @note: (nullable): what the group said about it
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_map_relation (SamStore     *self,
                            SamWorkshop  *workshop,
                            const char   *uuid,
                            guint         quality,
                            guint         tension,
                            const char   *note,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 workshop_id, id;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!check_values (quality, tension, note, error))
    return FALSE;

  workshop_id = sam_workshop_get_id (workshop);
  if (!_sam_store_begin (self, error))
    return FALSE;

  id = find_uuid (self, "map_relation", workshop_id, uuid,
                  _("This relation was removed in the meantime"), error);
  if (id == 0)
    goto failed;

  stmt = _sam_store_prepare (self, "UPDATE map_relation SET quality = ?2, tension = ?3, "
                             "note = ?4, modified = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, (int) quality);
  sqlite3_bind_int (stmt, 3, (int) tension);
  sqlite3_bind_text (stmt, 4, note ? note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, _sam_store_now ());

  return run_and_commit (self, stmt, workshop_id, NULL, error);

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/**
 * sam_store_trash_map_relation:
 * @self: a #SamStore
 * @workshop: its workshop
 * @uuid: the relation's uuid
 * @out_batch: (out) (optional): the number to pass to sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_map_relation (SamStore     *self,
                              SamWorkshop  *workshop,
                              const char   *uuid,
                              gint64       *out_batch,
                              GError      **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return trash_uuid (self, "map_relation", workshop, uuid, _("This relation was removed in the meantime"),
                     out_batch, error);
}

/* Snapshots ------------------------------------------------------------- */

static gpointer
snapshot_from_row (sqlite3_stmt *stmt)
{
  SamMapSnapshotRecord *s = g_new0 (SamMapSnapshotRecord, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->uuid = _sam_store_dup_column (stmt, 1);
  s->label = _sam_store_dup_column (stmt, 2);
  s->created = sqlite3_column_int64 (stmt, 3);
  s->json = _sam_store_dup_column (stmt, 4);

  return s;
}

/**
 * sam_store_list_map_snapshots:
 * @self: a #SamStore
 * @workshop: a workshop
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SamMapSnapshotRecord) (nullable):
 *   the live snapshots of the map, oldest first
 */
GPtrArray *
sam_store_list_map_snapshots (SamStore     *self,
                              SamWorkshop  *workshop,
                              GError      **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  return list_records (self, workshop,
                       "SELECT id, uuid, label, created, map FROM map_snapshot "
                       "WHERE workshop_id = ?1 AND trash IS NULL ORDER BY created, id",
                       snapshot_from_row, (GDestroyNotify) sam_map_snapshot_record_free, error);
}

/**
 * sam_store_add_map_snapshot:
 * @self: a #SamStore
 * @workshop: a workshop
 * @label: what to call it; must not be empty
 * @json: the map as sam_map_model_to_json() wrote it
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the stored snapshot
 */
SamMapSnapshotRecord *
sam_store_add_map_snapshot (SamStore     *self,
                            SamWorkshop  *workshop,
                            const char   *label,
                            const char   *json,
                            GError      **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *clean = NULL;
  SamMapSnapshotRecord *record;
  sqlite3_stmt *stmt;
  gint64 workshop_id, id, now = _sam_store_now ();

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (json != NULL, NULL);

  if (label == NULL || !g_utf8_validate (label, -1, NULL) ||
      *(clean = g_strstrip (g_strdup (label))) == '\0')
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("Give the snapshot a name first"));
      return NULL;
    }

  if (!_sam_store_validate_text (clean, SAM_MAP_LABEL_MAX_TEXT, FALSE, error))
    return NULL;

  workshop_id = sam_workshop_get_id (workshop);
  if (!_sam_store_begin (self, error))
    return NULL;

  stmt = _sam_store_prepare (self, "INSERT INTO map_snapshot (uuid, workshop_id, label, created, map) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, workshop_id);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_text (stmt, 5, json, -1, SQLITE_TRANSIENT);
  if (!run_and_commit (self, stmt, workshop_id, &id, error))
    return NULL;

  record = g_new0 (SamMapSnapshotRecord, 1);
  record->id = id;
  record->uuid = g_steal_pointer (&uuid);
  record->label = g_steal_pointer (&clean);
  record->created = now;
  record->json = g_strdup (json);

  return record;

failed:
  _sam_store_rollback (self);
  return NULL;
}

/**
 * sam_store_trash_map_snapshot:
 * @self: a #SamStore
 * @workshop: its workshop
 * @uuid: the snapshot's uuid
 * @out_batch: (out) (optional): the number to pass to sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_map_snapshot (SamStore     *self,
                              SamWorkshop  *workshop,
                              const char   *uuid,
                              gint64       *out_batch,
                              GError      **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return trash_uuid (self, "map_snapshot", workshop, uuid, _("This snapshot was removed in the meantime"),
                     out_batch, error);
}
