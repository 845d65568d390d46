/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-store-packet.h"
#include "sam-workshop-file-private.h"
#include "sam-text.h"

/* Merging a team's contribution into the coach's workshop.  Rows are known
 * by their uuid, so a second merge of the same file adds nothing.  A row
 * changed on both sides since the team packet was written is never lost:
 * the coach's version stays and the team's is added next to it, marked as
 * coming from the team's laptop.  A row only the team changed takes the
 * team's version; one only the coach changed keeps the coach's. */

typedef struct
{
  ImportContext  ctx;
  SamMergePlan  *plan;
  gboolean       apply;
  gboolean       catch_up;  /* a newer packet of the coach's, on the team's laptop */
  SamWorkshop   *workshop;
} Merge;

/* A conflict copy gets a uuid derived from the team's row, so merging the
 * same file again finds it instead of adding it twice. */
static char *
derive_uuid (JsonObject *row)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), row);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);

  return g_strdup_printf ("%.8s-%.4s-5%.3s-8%.3s-%.12s", sum, sum + 8, sum + 13, sum + 17, sum + 20);
}

typedef enum
{
  ITEM_NEW,
  ITEM_CHANGED,
  ITEM_BOTH,
} ItemKind;

static void
add_item (Merge        *merge,
          ItemKind      kind,
          SamFileTable *table,
          JsonObject   *row)
{
  const char *label = table->desc->label_column
                    ? json_object_get_string_member_with_default (row, table->desc->label_column, "")
                    : "";
  const char *noun = _sam_file_table_noun (table->desc->name);
  g_autofree char *shortened = NULL;
  char *item;

  shortened = sam_text_excerpt (label, 90);
  label = shortened;

  /* Translators: the first %s is what it is (“card”), the second its text */
  if (kind == ITEM_NEW)
    item = g_strdup_printf (_("New %s: “%s”"), noun, label);
  else if (kind == ITEM_CHANGED)
    item = g_strdup_printf (_("Changed by the team: %s “%s”"), noun, label);
  else
    item = g_strdup_printf (_("Changed on both sides, both kept: %s “%s”"), noun, label);

  g_ptr_array_add (merge->plan->items, item);
}

static SamMergeCount *
count_for (Merge        *merge,
           SamFileTable *table)
{
  GArray *counts = merge->plan->counts;
  SamMergeCount count = { table->desc->name, _sam_file_table_noun (table->desc->name), 0, 0, 0, 0 };

  for (guint i = 0; i < counts->len; i++)
    if (g_str_equal (g_array_index (counts, SamMergeCount, i).table, table->desc->name))
      return &g_array_index (counts, SamMergeCount, i);

  g_array_append_val (counts, count);
  return &g_array_index (counts, SamMergeCount, counts->len - 1);
}

static gboolean
update_row (Merge         *merge,
            SamFileTable  *table,
            JsonObject    *row,
            gint64         id,
            const char    *path,
            GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int index = 0;

  g_string_printf (sql, "UPDATE \"%s\" SET ", table->desc->name);
  for (guint i = 0; i < table->columns->len; i++)
    {
      SamFileColumn *column = g_ptr_array_index (table->columns, i);

      if (!column->skipped && !column->coach_only && !g_str_equal (column->name, "uuid") &&
          json_object_has_member (row, column->key))
        g_string_append_printf (sql, "%s\"%s\" = ?", index++ > 0 ? ", " : "", column->name);
    }

  if (index == 0)
    return TRUE;

  g_string_append (sql, " WHERE id = ?");
  if ((stmt = _sam_store_prepare (merge->ctx.store, sql->str, error)) == NULL)
    return FALSE;

  index = 0;
  for (guint i = 0; i < table->columns->len; i++)
    {
      SamFileColumn *column = g_ptr_array_index (table->columns, i);
      g_autofree char *where = g_strdup_printf ("%s.%s", path, column->key);
      gboolean defer = FALSE;

      if (column->skipped || column->coach_only || g_str_equal (column->name, "uuid") ||
          !json_object_has_member (row, column->key))
        continue;

      if (!_sam_import_bind_value (&merge->ctx, table, column, stmt, ++index,
                                   json_object_get_member (row, column->key), where, &defer, error))
        return FALSE;

      /* A new row later in the file: written once it exists. */
      if (defer)
        _sam_import_defer (&merge->ctx, table, column, row, id, g_steal_pointer (&where));
    }

  sqlite3_bind_int64 (stmt, ++index, id);
  return _sam_import_step_statement (&merge->ctx, stmt, path, error);
}

/* Whether any value the team sent differs from ours.  Values we do not
 * send to teams (coach notes) or do not know (a newer minor version) are
 * left out of the comparison. */
static gboolean
differs (JsonObject *local,
         JsonObject *incoming)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_iter_init (&iter, incoming);
  while (json_object_iter_next (&iter, &member, &value))
    {
      JsonNode *ours = json_object_get_member (local, member);

      if (ours != NULL && !json_node_equal (ours, value))
        return TRUE;
    }

  return FALSE;
}

static gboolean
add_conflict_copy (Merge         *merge,
                   SamFileTable  *table,
                   JsonObject    *row,
                   const char    *path,
                   SamMergeCount *count,
                   GError       **error)
{
  const char *label = table->desc->label_column;
  g_autofree char *uuid = derive_uuid (row);
  g_autoptr(JsonObject) copy = NULL;
  g_autofree char *text = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (label == NULL || _sam_import_lookup_local_id (merge->ctx.store, table->desc->name, uuid) != 0)
    {
      count->n_unchanged++;
      return TRUE;
    }

  count->n_conflicts++;
  add_item (merge, ITEM_BOTH, table, row);
  if (!merge->apply)
    return TRUE;

  copy = json_object_new ();
  json_object_iter_init (&iter, row);
  while (json_object_iter_next (&iter, &member, &value))
    json_object_set_member (copy, member, json_node_copy (value));

  /* Translators: marks the team's version of a card that the coach also
   * changed; the first %s is the team's name, the second the text */
  text = g_strdup_printf (_("From %s’s laptop: %s"), merge->plan->team_name,
                          json_object_get_string_member_with_default (row, label, ""));
  json_object_set_string_member (copy, label, text);
  json_object_set_string_member (copy, "uuid", uuid);
  g_hash_table_insert (merge->ctx.file_uuids, g_strdup (uuid), (gpointer) table->desc->name);

  return _sam_import_insert_row (&merge->ctx, table, copy, path, FALSE, error);
}

/* On the team's laptop a newer packet of the coach's brings the room's
 * state: the agenda and the teams (no change time) as the coach has them,
 * so the step the room is on and what the coach revealed; a card takes the
 * coach's version only when it is newer than the laptop's, so what the
 * team typed since stays. */
static gboolean
catch_up_existing (Merge          *merge,
                   SamFileTable   *table,
                   JsonObject     *row,
                   JsonObject     *local,
                   gint64          id,
                   const char     *path,
                   SamMergeCount  *count,
                   GError        **error)
{
  if (table->has_modified && json_object_has_member (row, "modified") &&
      json_object_get_int_member (row, "modified") <= json_object_get_int_member_with_default (local, "modified", 0))
    {
      count->n_unchanged++;
      return TRUE;
    }

  count->n_updated++;
  add_item (merge, ITEM_CHANGED, table, row);
  return !merge->apply || update_row (merge, table, row, id, path, error);
}

static gboolean
merge_existing (Merge          *merge,
                SamFileTable   *table,
                JsonObject     *row,
                sqlite3_stmt   *stmt,
                const char     *path,
                SamMergeCount  *count,
                GError        **error)
{
  g_autoptr(JsonObject) local = _sam_file_row_to_json (merge->ctx.store, table, stmt, TRUE);
  gint64 base = merge->ctx.file->packet_exported;
  gint64 theirs, ours;

  if (!differs (local, row))
    {
      count->n_unchanged++;
      return TRUE;
    }

  if (merge->catch_up)
    return catch_up_existing (merge, table, row, local, sqlite3_column_int64 (stmt, 0), path, count, error);

  /* Without a change time the coach's version is the one kept. */
  if (!table->has_modified || !json_object_has_member (row, "modified"))
    {
      count->n_unchanged++;
      return TRUE;
    }

  theirs = json_object_get_int_member (row, "modified");
  ours = json_object_get_int_member_with_default (local, "modified", 0);
  /* Changed on a side: touched at or after the packet was written (the
   * same second counts, so a doubt ends in keeping both, never in losing
   * one). */
  if (theirs < base)
    {
      count->n_unchanged++;
      return TRUE;
    }

  if (ours >= base)
    return add_conflict_copy (merge, table, row, path, count, error);

  count->n_updated++;
  add_item (merge, ITEM_CHANGED, table, row);
  return !merge->apply || update_row (merge, table, row, sqlite3_column_int64 (stmt, 0), path, error);
}

/* A team's own contribution writes only rows of its own, or of no team:
 * a new row that names other teams only (another team's dots, say) is
 * not the team's to add.  A room's shared laptop writes every team's. */
static gboolean
is_other_teams_row (Merge        *merge,
                    SamFileTable *table,
                    JsonObject   *row)
{
  const char *const *teams = table->desc->team_columns;
  const char *own = merge->ctx.file->team_uuid;

  if (merge->catch_up || merge->ctx.file->shared || own == NULL || teams == NULL || teams[0] == NULL)
    return FALSE;

  for (guint i = 0; teams[i] != NULL; i++)
    {
      g_autofree char *key = _sam_file_ref_key (teams[i]);
      const char *value = json_object_get_string_member_with_default (row, key, NULL);

      if (value == NULL || g_ascii_strcasecmp (value, own) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
merge_row (Merge          *merge,
           SamFileTable   *table,
           JsonObject     *row,
           const char     *path,
           GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE uuid = ?1", table->desc->name);
  const char *uuid = json_object_get_string_member (row, "uuid");
  SamMergeCount *count = count_for (merge, table);
  sqlite3_stmt *stmt = _sam_store_prepare (merge->ctx.store, sql, error);
  gboolean ok = TRUE;
  int workshop_column = -1;
  int trash_column = -1;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < table->columns->len; i++)
    {
      SamFileColumn *column = g_ptr_array_index (table->columns, i);

      if (g_str_equal (column->name, table->desc->workshop_column))
        workshop_column = i;
      else if (g_str_equal (column->name, "trash"))
        trash_column = i;
    }

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (is_other_teams_row (merge, table, row))
        return TRUE;
      count->n_new++;
      add_item (merge, ITEM_NEW, table, row);
      return _sam_import_insert_row (&merge->ctx, table, row, path, !merge->apply, error);
    }

  _sam_import_remember_id (&merge->ctx, uuid, sqlite3_column_int64 (stmt, 0));
  if (workshop_column >= 0 && sqlite3_column_int64 (stmt, workshop_column) != merge->ctx.workshop_id)
    {
      sqlite3_reset (stmt);
      _sam_file_set_error (error, merge->ctx.file->display_name, SAM_FILE_ERROR_DUPLICATE, path,
                           _("this object belongs to another workshop on this computer"));
      return FALSE;
    }

  /* Deleted here after the packet was written: the coach's choice stands. */
  if (trash_column >= 0 && sqlite3_column_type (stmt, trash_column) != SQLITE_NULL)
    count->n_unchanged++;
  else
    ok = merge_existing (merge, table, row, stmt, path, count, error);

  sqlite3_reset (stmt);
  return ok;
}

/* Dots are rows without a change time: one the team took back on its
 * laptop is simply missing from its contribution.  So a live dot of the
 * team (of every team, from the room's shared laptop) that the packet
 * carried (cast by the second the packet was written, on a live idea)
 * and that the contribution no longer has, the team took back: it goes
 * here too.  Dots the coach cast since stay; merging again removes
 * nothing more. */
static gboolean
take_back_votes (Merge      *merge,
                 JsonArray  *rows,
                 GError    **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  SamWorkshopFile *file = merge->ctx.file;
  sqlite3_stmt *stmt;

  /* A file without the table says nothing about dots. */
  if (rows == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      const char *uuid = json_object_get_string_member_with_default (json_array_get_object_element (rows, i),
                                                                     "uuid", NULL);

      if (uuid != NULL)
        g_hash_table_add (kept, (gpointer) uuid);
    }

  stmt = _sam_store_prepare (merge->ctx.store,
                             "SELECT v.id, v.uuid FROM vote v "
                             "JOIN card c ON c.id = v.card_id AND c.trash IS NULL "
                             "JOIN step s ON s.id = v.step_id AND s.trash IS NULL "
                             "JOIN team t ON t.id = v.team_id AND t.trash IS NULL "
                             "WHERE v.workshop_id = ?1 AND v.trash IS NULL AND v.created <= ?2 "
                             "AND (?3 IS NULL OR lower (t.uuid) = ?3)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, merge->ctx.workshop_id);
  sqlite3_bind_int64 (stmt, 2, file->packet_exported);
  if (file->shared || file->team_uuid == NULL)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_text (stmt, 3, file->team_uuid, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *lower = g_ascii_strdown (uuid, -1);

      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (kept, uuid) && !g_hash_table_contains (kept, lower))
        g_array_append_val (gone, id);
    }
  sqlite3_reset (stmt);

  if (gone->len == 0)
    return TRUE;

  stmt = _sam_store_prepare (merge->ctx.store, "DELETE FROM vote WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < gone->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (gone, gint64, i));
      if (!_sam_store_step_done (merge->ctx.store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
merge_tables (Merge   *merge,
              GError **error)
{
  const SamExportTable *const *exports = _sam_store_get_exports ();

  for (guint t = 0; exports[t] != NULL; t++)
    {
      g_autoptr(SamFileTable) table = NULL;
      JsonArray *rows = _sam_workshop_file_get_rows (merge->ctx.file, exports[t]->name);

      if (g_str_equal (exports[t]->name, "workshop") || rows == NULL ||
          (table = _sam_file_table_load (merge->ctx.store, exports[t])) == NULL)
        continue;

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          g_autofree char *path = g_strdup_printf ("$.tables.%s[%u]", exports[t]->name, i);

          if (!merge_row (merge, table, json_array_get_object_element (rows, i), path, error))
            return FALSE;
        }
    }

  if (merge->apply && !merge->catch_up &&
      !take_back_votes (merge, _sam_workshop_file_get_rows (merge->ctx.file, "vote"), error))
    return FALSE;

  return !merge->apply || _sam_import_apply_deferred (&merge->ctx, error);
}

static SamMergePlan *
run_merge (SamWorkshopFile  *self,
           SamStore         *store,
           gboolean          apply,
           gboolean          catch_up,
           GError          **error)
{
  g_autoptr(SamMergePlan) plan = g_new0 (SamMergePlan, 1);
  Merge merge = { { 0 }, plan, apply, catch_up, NULL };
  gboolean began = FALSE;
  gboolean ok;

  if (self->kind != (catch_up ? SAM_FILE_KIND_TEAM_PACKET : SAM_FILE_KIND_TEAM_CONTRIBUTION))
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_WRONG_KIND, NULL,
                           _("only a team’s contribution can be merged; open this file to import it"));
      return NULL;
    }

  merge.workshop = sam_store_find_workshop (store, self->workshop_uuid);
  if (merge.workshop == NULL)
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_WRONG_KIND, NULL,
                           _("it belongs to the workshop “%s”, which is not on this computer"),
                           sam_workshop_file_get_workshop_name (self));
      return NULL;
    }

  plan->workshop = g_object_ref (merge.workshop);
  plan->team_name = sam_workshop_file_dup_team_name (self);
  plan->counts = g_array_new (FALSE, TRUE, sizeof (SamMergeCount));
  plan->items = g_ptr_array_new_with_free_func (g_free);

  _sam_import_context_init (&merge.ctx, self, store, FALSE);
  merge.ctx.workshop_id = sam_workshop_get_id (merge.workshop);
  _sam_import_remember_id (&merge.ctx, self->workshop_uuid, merge.ctx.workshop_id);

  ok = _sam_import_check_rows (&merge.ctx, error);
  if (ok && apply)
    began = ok = _sam_store_begin (store, error);
  if (ok)
    ok = merge_tables (&merge, error);
  if (ok && apply && sam_merge_plan_get_n_changes (plan) > 0)
    ok = _sam_store_touch_workshop (store, merge.ctx.workshop_id, error);
  if (began && ok)
    ok = _sam_store_commit (store, error);
  else if (began)
    _sam_store_rollback (store);
  _sam_import_context_clear (&merge.ctx);

  return ok ? g_steal_pointer (&plan) : NULL;
}

/**
 * _sam_workshop_file_reload_after_merge:
 * @store: a database a merge or catch-up changed
 *
 * Reloads the store's live lists, as after an Undo.
 */
void
_sam_workshop_file_reload_after_merge (SamStore *store)
{
  _sam_store_load_workshops (store, NULL);
  _sam_store_reload_teams (store);
  _sam_store_reload_steps (store);
  _sam_store_reload_cards (store);
  _sam_store_reload_card_links (store);
  /* Views that keep lists of their own reload them on this signal, as
   * after an Undo. */
  g_signal_emit_by_name (store, "restored", (gint64) 0);
}

/**
 * _sam_workshop_file_refresh_after_merge:
 * @store: a database merges changed
 * @changes: what _sam_store_take_changes() returned for them
 *
 * _sam_workshop_file_reload_after_merge(), but only the lists of the
 * tables in @changes, and the cards' lists read only the cards of
 * @changes.
 */
void
_sam_workshop_file_refresh_after_merge (SamStore   *store,
                                        GHashTable *changes)
{
  GHashTable *cards = g_hash_table_lookup (changes, "card");

  /* A list whose table did not change stays as it is: a batch of a live
   * room's laptops is mostly cards.  The workshops count their teams, and
   * a card link shows only while both its cards are live. */
  if (g_hash_table_contains (changes, "workshop") || g_hash_table_contains (changes, "team"))
    _sam_store_load_workshops (store, NULL);
  if (g_hash_table_contains (changes, "team"))
    _sam_store_reload_teams (store);
  if (g_hash_table_contains (changes, "step"))
    _sam_store_reload_steps (store);
  if (cards != NULL)
    _sam_store_refresh_cards (store, cards);
  if (cards != NULL || g_hash_table_contains (changes, "card_link"))
    _sam_store_reload_card_links (store);
  /* Views that keep lists of their own reload them on this signal, as
   * after an Undo. */
  g_signal_emit_by_name (store, "restored", (gint64) 0);
}

/* Runs the merge (or the catch-up) in one transaction and, when it changed
 * anything, reloads the store's live lists (or only says so in @changed,
 * for a caller that merges several files in one go and reloads once).  An
 * error that is not already about the file (SQLite's, say) is told as one,
 * naming the file. */
static gboolean
apply_merge (SamWorkshopFile  *self,
             SamStore         *store,
             gboolean          catch_up,
             gboolean         *changed,
             GError          **error)
{
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) changes = NULL;
  gboolean tracking = changed == NULL && _sam_store_track_changes (store);

  plan = run_merge (self, store, TRUE, catch_up, &local_error);
  if (tracking)
    changes = _sam_store_take_changes (store);
  if (plan == NULL)
    {
      if (local_error->domain != SAM_FILE_ERROR)
        _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_FAILED, NULL, "%s", local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (changed != NULL)
    *changed = sam_merge_plan_get_n_changes (plan) > 0;
  else if (sam_merge_plan_get_n_changes (plan) > 0 && changes != NULL)
    _sam_workshop_file_refresh_after_merge (store, changes);
  else if (sam_merge_plan_get_n_changes (plan) > 0)
    _sam_workshop_file_reload_after_merge (store);

  return TRUE;
}

/**
 * sam_workshop_file_plan_merge:
 * @self: a team's contribution
 * @store: the coach's database
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * Works out what sam_workshop_file_merge() would do, changing nothing, so
 * the coach can read it before confirming.
 *
 * Returns: (transfer full) (nullable): the plan
 */
SamMergePlan *
sam_workshop_file_plan_merge (SamWorkshopFile  *self,
                              SamStore         *store,
                              GError          **error)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return run_merge (self, store, FALSE, FALSE, error);
}

/**
 * sam_workshop_file_merge:
 * @self: a team's contribution
 * @store: the coach's database
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * Merges what a team wrote on its laptop into the workshop it came from, in
 * one transaction.  Merging the same file twice adds nothing the second time.
 *
 * Returns: %TRUE on success; on failure nothing was changed
 */
gboolean
sam_workshop_file_merge (SamWorkshopFile  *self,
                         SamStore         *store,
                         GError          **error)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return apply_merge (self, store, FALSE, NULL, error);
}

/**
 * _sam_workshop_file_merge_quietly:
 * @self: a team's contribution
 * @store: the coach's database
 * @changed: (out): whether the merge changed anything
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * sam_workshop_file_merge() without reloading the store's live lists: the
 * caller merges several files in one transaction and then calls
 * _sam_workshop_file_reload_after_merge() once if any of them changed
 * something.
 *
 * Returns: %TRUE on success; on failure nothing was changed
 */
gboolean
_sam_workshop_file_merge_quietly (SamWorkshopFile  *self,
                                  SamStore         *store,
                                  gboolean         *changed,
                                  GError          **error)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  return apply_merge (self, store, FALSE, changed, error);
}

/* The laptop must hold this workshop as the packet of the same team, from
 * a packet no newer than this one. */
static gboolean
check_catch_up (SamWorkshopFile  *self,
                SamStore         *store,
                GError          **error)
{
  SamWorkshop *workshop = sam_store_find_workshop (store, self->workshop_uuid);
  g_autofree char *team_uuid = NULL;
  sqlite3_stmt *stmt;
  gint64 exported = G_MAXINT64;

  /* A room's shared laptop follows the room's packet, whichever team has
   * the laptop now; a team's laptop only its own team's. */
  if (workshop == NULL || !sam_store_get_packet_team (store, workshop, &team_uuid) ||
      sam_store_get_packet_shared (store, workshop) != self->shared ||
      (!self->shared && g_ascii_strcasecmp (team_uuid, self->team_uuid) != 0))
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_WRONG_KIND, NULL,
                           _("this is the packet of another team or workshop than the one on this laptop"));
      return FALSE;
    }

  stmt = _sam_store_prepare (store, "SELECT exported FROM packet WHERE workshop_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    exported = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (self->packet_exported < exported)
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_WRONG_KIND, NULL,
                           _("this packet is older than the one this laptop started from"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_workshop_file_catch_up:
 * @self: a team packet, newer than the one the laptop started from
 * @store: the database of the team's laptop
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * Brings the workshop on a team's laptop up to the coach's newer packet of
 * the same team, in one transaction: steps and teams take the coach's
 * version (the step the room is on, which answers are revealed); new rows
 * (the other teams' answers about this team, once merged at the coach's)
 * are added; a card changed on both sides keeps the newer version.
 * Nothing is removed, and the laptop keeps the time of its first packet,
 * so the coach's merge of its contribution still sees every change the
 * team made.
 *
 * Returns: %TRUE on success; on failure nothing was changed
 */
gboolean
sam_workshop_file_catch_up (SamWorkshopFile  *self,
                            SamStore         *store,
                            GError          **error)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if (self->kind != SAM_FILE_KIND_TEAM_PACKET)
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_WRONG_KIND, NULL,
                           _("only a team packet brings a team’s laptop up to date"));
      return FALSE;
    }

  if (!check_catch_up (self, store, error))
    return FALSE;

  return apply_merge (self, store, TRUE, NULL, error);
}
