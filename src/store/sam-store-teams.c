/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-store-private.h"

/* The teams of a workshop, kept per workshop in the "teams" cache. */

#define TEAM_COLUMNS "id, uuid, workshop_id, name, colour, people, position"

static gpointer
team_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _sam_store_dup_column (stmt, 1);
  g_autofree char *name = _sam_store_dup_column (stmt, 3);

  return g_object_new (SAM_TYPE_TEAM,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "workshop-id", sqlite3_column_int64 (stmt, 2),
                       "name", name,
                       "colour", (guint) sqlite3_column_int (stmt, 4),
                       "people", (guint) sqlite3_column_int (stmt, 5),
                       "position", (guint) sqlite3_column_int (stmt, 6),
                       NULL);
}

static const SamListKind teams_kind = {
  "teams", sam_team_get_type,
  "SELECT " TEAM_COLUMNS " FROM team WHERE workshop_id = ?1 AND trash IS NULL ORDER BY position, id",
  team_from_row,
};

void
_sam_store_reload_teams (SamStore *self)
{
  _sam_store_reload_lists (self, &teams_kind);
}

/**
 * sam_store_get_teams:
 * @self: a #SamStore
 * @workshop: a live workshop
 *
 * Returns: (transfer none): the live list of the workshop's #SamTeam, in
 *   their order
 */
GListModel *
sam_store_get_teams (SamStore    *self,
                     SamWorkshop *workshop)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  return G_LIST_MODEL (_sam_store_get_list (self, &teams_kind, sam_workshop_get_id (workshop)));
}

/**
 * sam_store_find_team:
 * @self: a #SamStore
 * @workshop: a live workshop
 * @team_id: the team's id
 *
 * Returns: (transfer none) (nullable): the live team
 */
SamTeam *
sam_store_find_team (SamStore    *self,
                     SamWorkshop *workshop,
                     gint64       team_id)
{
  GListModel *teams = sam_store_get_teams (self, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (sam_team_get_id (team) == team_id)
        return team;
    }

  return NULL;
}

static void
update_team_count (SamStore    *self,
                   SamWorkshop *workshop)
{
  g_object_set (workshop, "n-teams", g_list_model_get_n_items (sam_store_get_teams (self, workshop)), NULL);
}

/* Picks the first colour no team of the workshop has yet. */
static guint
free_colour (GListModel *teams)
{
  guint n = g_list_model_get_n_items (teams);

  for (guint colour = 0; colour < 8; colour++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);
          used = sam_team_get_colour (team) == colour;
        }

      if (!used)
        return colour;
    }

  return n % 8;
}

/**
 * sam_store_add_team:
 * @self: a #SamStore
 * @workshop: a live workshop
 * @name: the team's name; not empty
 * @error: return location for a #GError
 *
 * Adds a team at the end, with a colour no other team has yet.
 *
 * Returns: (transfer none) (nullable): the new team
 */
SamTeam *
sam_store_add_team (SamStore     *self,
                    SamWorkshop  *workshop,
                    const char   *name,
                    GError      **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *stripped = NULL;
  g_autoptr(SamTeam) team = NULL;
  GListModel *teams;
  sqlite3_stmt *stmt;
  guint position, colour;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  if (!_sam_store_validate_name (name, error))
    return NULL;

  stripped = g_strstrip (g_strdup (name));
  teams = sam_store_get_teams (self, workshop);
  position = g_list_model_get_n_items (teams);
  colour = free_colour (teams);

  if (!_sam_store_begin (self, error))
    return NULL;

  stmt = _sam_store_prepare (self,
                             "INSERT INTO team (uuid, workshop_id, name, colour, position) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_workshop_get_id (workshop));
  sqlite3_bind_text (stmt, 3, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, colour);
  sqlite3_bind_int (stmt, 5, position);
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, sam_workshop_get_id (workshop), error))
    goto failed;

  team = g_object_new (SAM_TYPE_TEAM,
                       "id", sqlite3_last_insert_rowid (_sam_store_get_db (self)),
                       "uuid", uuid,
                       "workshop-id", sam_workshop_get_id (workshop),
                       "name", stripped,
                       "colour", colour,
                       "position", position,
                       NULL);

  if (!_sam_store_commit (self, error))
    return NULL;

  g_list_store_append (G_LIST_STORE (teams), team);
  update_team_count (self, workshop);
  return team;

failed:
  _sam_store_rollback (self);
  return NULL;
}

static gboolean
update_team_column (SamStore    *self,
                    SamTeam     *team,
                    const char  *sql,
                    GValue      *value,
                    const char  *property,
                    GError     **error)
{
  return _sam_store_update_column (self, "team", team, sql, value, property, error);
}

/**
 * sam_store_set_team_name:
 * @self: a #SamStore
 * @team: a live team
 * @name: the new name; not empty
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure nothing changed.
 */
gboolean
sam_store_set_team_name (SamStore    *self,
                         SamTeam     *team,
                         const char  *name,
                         GError     **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_TEAM (team), FALSE);

  if (!_sam_store_validate_name (name, error))
    return FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, g_strstrip (g_strdup (name)));
  return update_team_column (self, team, "UPDATE team SET name = ?1 WHERE id = ?2",
                             &value, "name", error);
}

/**
 * sam_store_set_team_colour:
 * @self: a #SamStore
 * @team: a live team
 * @colour: an index into the palette
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_team_colour (SamStore  *self,
                           SamTeam   *team,
                           guint      colour,
                           GError   **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_TEAM (team), FALSE);

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, colour % 8);
  return update_team_column (self, team, "UPDATE team SET colour = ?1 WHERE id = ?2",
                             &value, "colour", error);
}

/**
 * sam_store_set_team_people:
 * @self: a #SamStore
 * @team: a live team
 * @people: how many people the team has (at most 10,000)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_team_people (SamStore  *self,
                           SamTeam   *team,
                           guint      people,
                           GError   **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_TEAM (team), FALSE);

  if (people > 10000)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A team can have at most 10,000 people"));
      return FALSE;
    }

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, people);
  return update_team_column (self, team, "UPDATE team SET people = ?1 WHERE id = ?2",
                             &value, "people", error);
}

/**
 * sam_store_move_team:
 * @self: a #SamStore
 * @team: a live team
 * @position: the new place in the order, clamped to the last
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_move_team (SamStore  *self,
                     SamTeam   *team,
                     guint      position,
                     GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_TEAM (team), FALSE);

  return _sam_store_move_in_list (self, "team",
                                  _sam_store_get_list (self, &teams_kind, sam_team_get_workshop_id (team)),
                                  team, position, error);
}

/**
 * sam_store_trash_team:
 * @self: a #SamStore
 * @team: a live team
 * @out_batch: (out) (optional): the number to pass to sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Deletes the team, and with it what the team wrote, such that Undo brings
 * all of it back.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_team (SamStore  *self,
                      SamTeam   *team,
                      gint64    *out_batch,
                      GError   **error)
{
  g_autoptr(SamTeam) keep = g_object_ref (team);
  GHashTable *lists;
  GListStore *teams;
  sqlite3_stmt *stmt;
  gint64 workshop_id;
  gint64 batch;
  guint position;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_TEAM (team), FALSE);

  workshop_id = sam_team_get_workshop_id (team);
  if (!_sam_store_begin (self, error))
    return FALSE;

  batch = _sam_store_next_batch (self);
  stmt = _sam_store_prepare (self, "UPDATE team SET trash = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, batch);
  sqlite3_bind_int64 (stmt, 2, sam_team_get_id (team));
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, workshop_id, error))
    goto failed;

  for (const char *const *sql = _sam_store_get_team_cascade (); *sql != NULL; sql++)
    if (!_sam_store_bind_run (self, *sql, batch, sam_team_get_id (team), error))
      goto failed;

  if (!_sam_store_commit (self, error))
    return FALSE;

  _sam_store_reload_cards (self);
  _sam_store_reload_card_links (self);
  lists = _sam_store_get_cache (self, "teams");
  teams = g_hash_table_lookup (lists, &workshop_id);
  if (teams != NULL && g_list_store_find (teams, team, &position))
    {
      SamWorkshop *workshop = _sam_store_lookup_workshop (self, workshop_id);

      g_list_store_remove (teams, position);
      if (workshop != NULL)
        update_team_count (self, workshop);
    }

  if (out_batch != NULL)
    *out_batch = batch;

  return TRUE;

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/**
 * sam_store_count_team_content:
 * @self: a #SamStore
 * @team: a live team
 *
 * Returns: how many cards and other contributions go when @team is removed
 */
guint
sam_store_count_team_content (SamStore *self,
                              SamTeam  *team)
{
  guint total = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  g_return_val_if_fail (SAM_IS_TEAM (team), 0);

  for (const char *const *sql = _sam_store_get_team_content_count (); *sql != NULL; sql++)
    {
      sqlite3_stmt *stmt = _sam_store_prepare (self, *sql, NULL);

      if (stmt == NULL)
        continue;

      sqlite3_bind_int64 (stmt, 1, sam_team_get_id (team));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        total += sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }

  return total;
}
