/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-live-message.h"
#include "sam-live-private.h"
#include "sam-store-private.h"
#include "sam-workshop-file-private.h"

/* Deleted cards in the live room (docs/live-room.md, "Deletions").  A file
 * merge never removes a row, so deletions travel beside the file:
 *  - a laptop's trigger notes every card its team puts in the trash
 *    (`live_deletion`, schema 14); `edits` carries the team's notes, and the
 *    coach's `ack` ends them;
 *  - the coach checks them like edits (the team's own cards only) and puts
 *    the cards in its trash through the store, where its trigger notes them
 *    in turn;
 *  - every `packet` carries the coach's notes of cards that are not back,
 *    and a laptop puts those in its trash too. */

/* The team's local id, 0 if @workshop has no such team. */
static gint64
team_id_of (SamStore    *store,
            SamWorkshop *workshop,
            const char  *team_uuid)
{
  sqlite3_stmt *stmt = _sam_store_prepare (store, "SELECT id FROM team WHERE workshop_id = ?1 AND "
                                           "uuid = ?2 COLLATE NOCASE", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  sqlite3_bind_text (stmt, 2, team_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* ---- The laptop -------------------------------------------------------- */

/**
 * _sam_live_pending_deletions:
 * @store: the laptop's database
 * @workshop: the team's workshop
 * @team_uuid: the laptop's team
 * @uuids: (out): the uuids in the result, for _sam_live_forget_deletions()
 *
 * The cards of the team (named in a team column) the laptop deleted and the
 * coach has not acknowledged yet, oldest first, at most
 * %SAM_LIVE_MAX_DELETED: the `deleted` member of `edits`.
 *
 * Returns: (transfer full): the array, empty when there is none
 */
JsonArray *
_sam_live_pending_deletions (SamStore    *store,
                             SamWorkshop *workshop,
                             const char  *team_uuid,
                             GStrv       *uuids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *deleted = json_array_new ();
  gint64 team_id = team_id_of (store, workshop, team_uuid);
  sqlite3_stmt *stmt;

  stmt = _sam_store_prepare (store, "SELECT uuid, deleted FROM live_deletion WHERE workshop_id = ?1 "
                             "AND (team_id = ?2 OR about_team_id = ?2) ORDER BY deleted, id LIMIT ?3", NULL);
  if (stmt != NULL && team_id != 0)
    {
      sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
      sqlite3_bind_int64 (stmt, 2, team_id);
      sqlite3_bind_int (stmt, 3, SAM_LIVE_MAX_DELETED);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          JsonObject *row = json_object_new ();
          const char *uuid = (const char *) sqlite3_column_text (stmt, 0);

          json_object_set_string_member (row, "table", "card");
          json_object_set_string_member (row, "uuid", uuid);
          json_object_set_int_member (row, "at", sqlite3_column_int64 (stmt, 1));
          json_array_add_object_element (deleted, row);
          g_strv_builder_add (builder, uuid);
        }
      sqlite3_reset (stmt);
    }

  *uuids = g_strv_builder_end (builder);
  return deleted;
}

/* Deletes the notes of @uuids made at or before @until (all: G_MAXINT64). */
static gboolean
forget (SamStore           *store,
        SamWorkshop        *workshop,
        const char *const  *uuids,
        gint64              until,
        GError            **error)
{
  sqlite3_stmt *stmt;

  if (uuids == NULL || uuids[0] == NULL)
    return TRUE;
  if (!_sam_store_begin (store, error))
    return FALSE;

  stmt = _sam_store_prepare (store, "DELETE FROM live_deletion WHERE workshop_id = ?1 AND uuid = ?2 "
                             "AND deleted <= ?3", error);
  for (guint i = 0; stmt != NULL && uuids[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
      sqlite3_bind_text (stmt, 2, uuids[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, until);
      if (!_sam_store_step_done (store, stmt, error))
        stmt = NULL;
    }
  if (stmt == NULL)
    {
      _sam_store_rollback (store);
      return FALSE;
    }
  return _sam_store_commit (store, error);
}

/**
 * _sam_live_forget_deletions:
 * @store: the laptop's database
 * @workshop: the team's workshop
 * @uuids: the deletions the acknowledged `edits` carried
 * @mark: the acknowledged mark (when the laptop sent them)
 * @error: return location for a #GError
 *
 * The coach acknowledged these deletions: they are not sent again.  A card
 * deleted again after the edits went (an Undo, then a delete) keeps its
 * newer note.
 *
 * Returns: %TRUE on success
 */
gboolean
_sam_live_forget_deletions (SamStore           *store,
                            SamWorkshop        *workshop,
                            const char *const  *uuids,
                            gint64              mark,
                            GError            **error)
{
  return forget (store, workshop, uuids, mark, error);
}

/* The "uuid" members of @rows' objects: a table's rows, a `deleted` array. */
static GStrv
uuids_of (JsonArray *rows)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    g_strv_builder_add (builder, json_object_get_string_member (json_array_get_object_element (rows, i), "uuid"));
  return g_strv_builder_end (builder);
}

/* The card rows of @file, %NULL without any. */
static JsonArray *
file_cards (SamWorkshopFile *file)
{
  JsonObject *root = json_node_get_object (file->root);
  JsonObject *tables = json_object_has_member (root, "tables") ? json_object_get_object_member (root, "tables")
                                                               : NULL;

  return tables != NULL && json_object_has_member (tables, "card")
         ? json_object_get_array_member (tables, "card") : NULL;
}

/**
 * _sam_live_revive_cards:
 * @store: the laptop's database
 * @workshop: the team's workshop
 * @packet: the coach's packet, before the catch-up
 * @error: return location for a #GError
 *
 * A card the packet carries that is in the laptop's trash without a
 * deletion still to send: the coach has it live again (its Undo), so it
 * comes back here too, and the catch-up then brings its content up to
 * date.
 *
 * Returns: %TRUE on success
 */
gboolean
_sam_live_revive_cards (SamStore         *store,
                        SamWorkshop      *workshop,
                        SamWorkshopFile  *packet,
                        GError          **error)
{
  g_auto(GStrv) uuids = uuids_of (file_cards (packet));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) revive = NULL;
  sqlite3_stmt *stmt;

  stmt = _sam_store_prepare (store, "SELECT 1 FROM card c WHERE c.uuid = ?1 AND c.workshop_id = ?2 AND "
                             "c.trash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM live_deletion d WHERE "
                             "d.workshop_id = ?2 AND d.uuid = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, uuids[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, sam_workshop_get_id (workshop));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, uuids[i]);
      sqlite3_reset (stmt);
    }

  revive = g_strv_builder_end (builder);
  return revive[0] == NULL ||
         _sam_store_restore_cards_by_uuid (store, sam_workshop_get_id (workshop),
                                           (const char *const *) revive, error);
}

/**
 * _sam_live_apply_deleted:
 * @store: the laptop's database
 * @workshop: the team's workshop
 * @deleted: (nullable): the `deleted` member of the coach's packet
 * @error: return location for a #GError
 *
 * After the catch-up: the cards the coach deleted go to the laptop's
 * trash (nothing is left to send about them), and a card the laptop
 * deleted that a catch-up brought back (its trash was purged at a
 * restart) goes again until the coach has the deletion.
 *
 * Returns: %TRUE on success
 */
gboolean
_sam_live_apply_deleted (SamStore     *store,
                         SamWorkshop  *workshop,
                         JsonArray    *deleted,
                         GError      **error)
{
  g_auto(GStrv) gone = uuids_of (deleted);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) again = NULL;
  sqlite3_stmt *stmt;

  if (gone[0] != NULL &&
      (!_sam_store_trash_cards_by_uuid (store, sam_workshop_get_id (workshop), (const char *const *) gone,
                                        NULL, NULL, error) ||
       !forget (store, workshop, (const char *const *) gone, G_MAXINT64, error)))
    return FALSE;

  stmt = _sam_store_prepare (store, "SELECT d.uuid FROM live_deletion d JOIN card c ON c.uuid = d.uuid "
                             "AND c.workshop_id = d.workshop_id WHERE d.workshop_id = ?1 AND c.trash IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  again = g_strv_builder_end (builder);
  return again[0] == NULL ||
         _sam_store_trash_cards_by_uuid (store, sam_workshop_get_id (workshop), (const char *const *) again,
                                         NULL, NULL, error);
}

/* ---- The coach --------------------------------------------------------- */

static gboolean
refuse (GError     **error,
        const char  *problem,
        guint        index)
{
  /* Translators: the first %s is one of the reasons below, then the
   * deletion's number in the laptop's message */
  g_set_error (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL,
               _("A laptop sent deletions that cannot be made: %s ($.deleted[%u])"), problem, index);
  return FALSE;
}

/**
 * _sam_live_check_deletions:
 * @store: the coach's database
 * @workshop: the room's workshop
 * @team_uuid: the team of the laptop's token
 * @deleted: (nullable): the `deleted` member of the laptop's `edits`
 * @take: (element-type utf8): the uuids of the cards to put in the trash
 *   are added here (owned by @deleted)
 * @error: return location for a #GError
 *
 * Checks a laptop's deletions with the same rights as its edits: a card
 * of this workshop that names the team in a team column here may go.
 * Another team's card, or a row of another workshop, is an error (the
 * connection closes, nothing changes).  A uuid not here, or a card already
 * in the trash, is skipped (deleting twice is harmless).  The deletion
 * wins over a change the coach made after it: the merge moves change times
 * forward (its tie-break), so a change time here does not tell when the
 * coach changed the card; the coach's Undo brings the card back.
 *
 * Returns: %TRUE if the deletions may be made
 */
gboolean
_sam_live_check_deletions (SamStore     *store,
                           SamWorkshop  *workshop,
                           const char   *team_uuid,
                           JsonArray    *deleted,
                           GPtrArray    *take,
                           GError      **error)
{
  gint64 team_id = team_id_of (store, workshop, team_uuid);
  sqlite3_stmt *stmt;

  if (deleted == NULL || json_array_get_length (deleted) == 0)
    return TRUE;

  stmt = _sam_store_prepare (store, "SELECT workshop_id, COALESCE (team_id, 0), COALESCE (about_team_id, 0), "
                             "trash IS NOT NULL FROM card WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (deleted); i++)
    {
      JsonObject *row = json_array_get_object_element (deleted, i);
      const char *uuid = json_object_get_string_member (row, "uuid");
      gboolean found, ours, own, trashed;

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      ours = found && sqlite3_column_int64 (stmt, 0) == sam_workshop_get_id (workshop);
      own = ours && team_id != 0 &&
            (sqlite3_column_int64 (stmt, 1) == team_id || sqlite3_column_int64 (stmt, 2) == team_id);
      trashed = found && sqlite3_column_int (stmt, 3) != 0;
      sqlite3_reset (stmt);

      if (found && !ours)
        return refuse (error, _("they delete something of another workshop"), i);
      if (found && !own)
        return refuse (error, _("they delete another team’s work"), i);
      if (found && !trashed)
        g_ptr_array_add (take, (gpointer) uuid);
    }

  return TRUE;
}

/**
 * _sam_live_packet_message:
 * @store: the coach's database
 * @workshop: the room's workshop
 * @packet: (transfer full): the team packet, whole or of what changed
 *
 * The `packet` message: @packet, and the cards deleted here since the
 * room opened that are not back (newest first, at most
 * %SAM_LIVE_MAX_DELETED; uuids only, so another team's deleted card says
 * nothing about its text).
 *
 * Returns: (transfer full): the message
 */
JsonObject *
_sam_live_packet_message (SamStore     *store,
                          SamWorkshop  *workshop,
                          JsonObject   *packet)
{
  JsonArray *deleted;
  JsonObject *message;
  sqlite3_stmt *stmt;

  message = sam_live_message_new (SAM_LIVE_MESSAGE_PACKET);
  json_object_set_object_member (message, "file", packet);

  stmt = _sam_store_prepare (store, "SELECT d.uuid FROM live_deletion d WHERE d.workshop_id = ?1 AND NOT EXISTS "
                             "(SELECT 1 FROM card c WHERE c.uuid = d.uuid AND c.trash IS NULL) "
                             "ORDER BY d.deleted DESC, d.id DESC LIMIT ?2", NULL);
  if (stmt == NULL)
    return message;

  deleted = json_array_new ();
  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  sqlite3_bind_int (stmt, 2, SAM_LIVE_MAX_DELETED);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonObject *row = json_object_new ();

      json_object_set_string_member (row, "table", "card");
      json_object_set_string_member (row, "uuid", (const char *) sqlite3_column_text (stmt, 0));
      json_array_add_object_element (deleted, row);
    }
  sqlite3_reset (stmt);

  if (json_array_get_length (deleted) > 0)
    json_object_set_array_member (message, "deleted", deleted);
  else
    json_array_unref (deleted);
  return message;
}
