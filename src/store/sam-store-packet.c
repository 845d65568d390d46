/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-pin.h"
#include "sam-store-packet.h"
#include "sam-store-private.h"

/* A team's laptop (schema version 9): the PIN that leaves team mode, the
 * team mode itself (kept across a restart) and the packets a laptop should
 * no longer keep.  See docs/team-mode.md. */

/**
 * sam_store_get_packet_pin:
 * @store: the database
 * @workshop: a workshop that came as a team packet
 * @salt: (out) (optional) (transfer full): the salt
 * @hash: (out) (optional) (transfer full): the PIN's hash
 * @rounds: (out) (optional): the rounds of the hash
 *
 * Returns: %TRUE when @workshop is a team packet with a PIN
 */
gboolean
sam_store_get_packet_pin (SamStore     *store,
                          SamWorkshop  *workshop,
                          char        **salt,
                          char        **hash,
                          guint        *rounds)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);

  stmt = _sam_store_prepare (store,
                             "SELECT pin_salt, pin_hash, pin_rounds FROM packet "
                             "WHERE workshop_id = ?1 AND pin_hash != '' AND pin_rounds > 0", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (salt != NULL)
        *salt = _sam_store_dup_column (stmt, 0);
      if (hash != NULL)
        *hash = _sam_store_dup_column (stmt, 1);
      if (rounds != NULL)
        *rounds = (guint) sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return found;
}

/**
 * sam_store_check_packet_pin:
 * @store: the database
 * @workshop: a workshop that came as a team packet
 * @pin: what was typed
 *
 * Returns: %TRUE when @pin is the coach's PIN of @workshop's packet; a
 *   packet without a PIN accepts none
 */
gboolean
sam_store_check_packet_pin (SamStore    *store,
                            SamWorkshop *workshop,
                            const char  *pin)
{
  g_autofree char *salt = NULL;
  g_autofree char *hash = NULL;
  guint rounds = 0;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if (!sam_store_get_packet_pin (store, workshop, &salt, &hash, &rounds))
    return FALSE;

  return sam_pin_check (salt, hash, rounds, pin);
}

/**
 * sam_store_set_team_mode:
 * @store: the database
 * @workshop: a workshop that came as a team packet
 * @team_mode: whether the laptop shows only the team's window
 * @error: return location for a #GError
 *
 * Remembers team mode, so that the next start opens the team's window
 * again.  At most one workshop is in team mode.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_team_mode (SamStore     *store,
                         SamWorkshop  *workshop,
                         gboolean      team_mode,
                         GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);

  if (!_sam_store_begin (store, error))
    return FALSE;

  stmt = _sam_store_prepare (store,
                             "UPDATE packet SET team_mode = (workshop_id = ?1 AND ?2) "
                             "WHERE team_mode != (workshop_id = ?1 AND ?2)", error);
  if (stmt == NULL)
    {
      _sam_store_rollback (store);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  sqlite3_bind_int (stmt, 2, team_mode ? 1 : 0);
  if (!_sam_store_step_done (store, stmt, error))
    {
      _sam_store_rollback (store);
      return FALSE;
    }

  return _sam_store_commit (store, error);
}

/**
 * sam_store_get_packet_shared:
 * @store: the database
 * @workshop: a workshop
 *
 * Returns: whether @workshop came to this laptop as a packet for the whole
 *   room, passed from team to team
 */
gboolean
sam_store_get_packet_shared (SamStore    *store,
                             SamWorkshop *workshop)
{
  sqlite3_stmt *stmt;
  gboolean shared = FALSE;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);

  stmt = _sam_store_prepare (store, "SELECT shared FROM packet WHERE workshop_id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    shared = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return shared;
}

/**
 * sam_store_set_packet_team:
 * @store: the database
 * @workshop: a workshop that came as a packet for the whole room
 * @team: the team the laptop is handed to
 * @error: return location for a #GError
 *
 * Remembers which team has the shared laptop now, so a restart comes back
 * to that team's window.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_packet_team (SamStore     *store,
                           SamWorkshop  *workshop,
                           SamTeam      *team,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (SAM_IS_TEAM (team), FALSE);

  if (!sam_store_get_packet_shared (store, workshop) ||
      sam_team_get_workshop_id (team) != sam_workshop_get_id (workshop))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("Only a packet for the whole room is passed from team to team"));
      return FALSE;
    }

  stmt = _sam_store_prepare (store, "UPDATE packet SET team_id = ?2 WHERE workshop_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  sqlite3_bind_int64 (stmt, 2, sam_team_get_id (team));
  return _sam_store_step_done (store, stmt, error);
}

/**
 * sam_store_find_team_mode:
 * @store: the database
 *
 * Returns: (transfer none) (nullable): the workshop this laptop shows in
 *   team mode, or %NULL
 */
SamWorkshop *
sam_store_find_team_mode (SamStore *store)
{
  sqlite3_stmt *stmt;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  stmt = _sam_store_prepare (store,
                             "SELECT w.uuid FROM packet p JOIN workshop w ON w.id = p.workshop_id "
                             "WHERE p.team_mode = 1 AND w.trash IS NULL AND p.team_id IS NOT NULL", NULL);
  if (stmt == NULL)
    return NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = _sam_store_dup_column (stmt, 0);
  sqlite3_reset (stmt);

  return uuid != NULL ? sam_store_find_workshop (store, uuid) : NULL;
}

/**
 * sam_store_list_past_packets:
 * @store: the database
 * @today: today's date, `YYYY-MM-DD`
 *
 * A team's laptop keeps only the packets of workshops in progress: these
 * are the ones whose workshop day lies before @today.
 *
 * Returns: (transfer full) (element-type SamWorkshop): the workshops
 */
GPtrArray *
sam_store_list_past_packets (SamStore   *store,
                             const char *today)
{
  GPtrArray *past = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (store), past);
  g_return_val_if_fail (today != NULL, past);

  stmt = _sam_store_prepare (store,
                             "SELECT w.uuid FROM packet p JOIN workshop w ON w.id = p.workshop_id "
                             "WHERE w.trash IS NULL AND w.date != '' AND w.date < ?1 ORDER BY w.date", NULL);
  if (stmt == NULL)
    return past;

  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *uuid = _sam_store_dup_column (stmt, 0);
      SamWorkshop *workshop = sam_store_find_workshop (store, uuid);

      if (workshop != NULL)
        g_ptr_array_add (past, g_object_ref (workshop));
    }
  sqlite3_reset (stmt);
  return past;
}

/**
 * sam_store_forget_workshop:
 * @store: the database
 * @workshop: a workshop
 * @error: return location for a #GError
 *
 * Removes @workshop with everything in it for good, without Undo, from the
 * database and its backups (see sam_store_purge_trash()).  Meant for a
 * team's laptop done with a workshop.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_forget_workshop (SamStore     *store,
                           SamWorkshop  *workshop,
                           GError      **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);

  if (!sam_store_trash_workshop (store, workshop, NULL, error))
    return FALSE;

  return sam_store_purge_trash (store, error);
}
