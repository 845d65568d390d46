/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-store-private.h"

/* The cards an exercise collects, kept per step in the "cards" cache.  One
 * generic table serves every exercise; docs/architecture.md says what its
 * columns mean for each kind. */

#define CARD_COLUMNS \
  "id, uuid, step_id, kind, COALESCE(team_id, 0), COALESCE(about_team_id, 0), " \
  "COALESCE(parent_id, 0), prompt, text, detail, value, response, position"

/* A card's own cards (impacts of a change, ...) go with it. */
static const char *const card_cascade[] = {
  "UPDATE card SET trash = ?1 WHERE trash IS NULL AND parent_id = ?2",
  NULL
};

static gpointer
card_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _sam_store_dup_column (stmt, 1);
  g_autofree char *kind = _sam_store_dup_column (stmt, 3);
  g_autofree char *prompt = _sam_store_dup_column (stmt, 7);
  g_autofree char *text = _sam_store_dup_column (stmt, 8);
  g_autofree char *detail = _sam_store_dup_column (stmt, 9);

  return g_object_new (SAM_TYPE_CARD,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "step-id", sqlite3_column_int64 (stmt, 2),
                       "kind", kind,
                       "team-id", sqlite3_column_int64 (stmt, 4),
                       "about-team-id", sqlite3_column_int64 (stmt, 5),
                       "parent-id", sqlite3_column_int64 (stmt, 6),
                       "prompt", prompt,
                       "text", text,
                       "detail", detail,
                       "value", sqlite3_column_int (stmt, 10),
                       "response", sqlite3_column_int (stmt, 11),
                       "position", (guint) sqlite3_column_int (stmt, 12),
                       NULL);
}

static gint64
card_get_id (gpointer item)
{
  return sam_card_get_id (item);
}

static gint64
card_get_step_id (gpointer item)
{
  return sam_card_get_step_id (item);
}

static guint
card_get_position (gpointer item)
{
  return sam_card_get_position (item);
}

static const SamListKind cards_kind = {
  "cards", sam_card_get_type,
  "SELECT " CARD_COLUMNS " FROM card WHERE step_id = ?1 AND trash IS NULL ORDER BY position, id",
  card_from_row,
  "SELECT id FROM card WHERE step_id = ?1 AND trash IS NULL ORDER BY position, id",
  "SELECT " CARD_COLUMNS " FROM card WHERE id = ?1 AND trash IS NULL",
  card_get_id,
  card_get_step_id,
  card_get_position,
};

void
_sam_store_reload_cards (SamStore *self)
{
  _sam_store_reload_lists (self, &cards_kind);
}

/* After a change of the cards with ids @changed only (a live room's
 * merge): reads those, not every card of the step. */
void
_sam_store_refresh_cards (SamStore   *self,
                          GHashTable *changed)
{
  _sam_store_refresh_lists (self, &cards_kind, changed);
}

static GListStore *
cards_of (SamStore *self,
          gint64    step_id)
{
  return _sam_store_get_list (self, &cards_kind, step_id);
}

/**
 * sam_store_get_cards:
 * @self: a #SamStore
 * @step: a live step
 *
 * Returns: (transfer none): the live list of every #SamCard of @step, in
 *   their order; pages filter it by kind and team
 */
GListModel *
sam_store_get_cards (SamStore *self,
                     SamStep  *step)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  return G_LIST_MODEL (cards_of (self, sam_step_get_id (step)));
}

/**
 * sam_store_find_card:
 * @self: a #SamStore
 * @step: a live step
 * @card_id: the card's id
 *
 * Returns: (transfer none) (nullable): the live card
 */
SamCard *
sam_store_find_card (SamStore *self,
                     SamStep  *step,
                     gint64    card_id)
{
  GListModel *cards = sam_store_get_cards (self, step);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (sam_card_get_id (card) == card_id)
        return card;
    }

  return NULL;
}

static void
bind_optional_id (sqlite3_stmt *stmt,
                  int           column,
                  gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

/**
 * sam_store_add_card:
 * @self: a #SamStore
 * @step: the live step it belongs to
 * @init: what the card holds; its text must not be empty
 * @error: return location for a #GError
 *
 * Stores a new card at the end of the step's cards.  An empty text is
 * refused (%SAM_STORE_ERROR_INVALID), so empty cards never exist.
 *
 * Returns: (transfer none) (nullable): the new card
 */
SamCard *
sam_store_add_card (SamStore           *self,
                    SamStep            *step,
                    const SamCardInit  *init,
                    GError            **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *text = NULL;
  GListStore *list;
  sqlite3_stmt *stmt;
  SamCard *card;
  gint64 now = _sam_store_now ();
  guint n;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);
  g_return_val_if_fail (init != NULL && init->kind != NULL, NULL);

  if (!_sam_store_validate_text (init->text, SAM_CARD_MAX_TEXT, FALSE, error) ||
      !_sam_store_validate_text (init->detail ? init->detail : "", SAM_CARD_MAX_TEXT, TRUE, error) ||
      !_sam_store_validate_text (init->prompt ? init->prompt : "", 200, TRUE, error))
    return NULL;

  text = g_strstrip (g_strdup (init->text));
  list = cards_of (self, sam_step_get_id (step));

  if (!_sam_store_begin (self, error))
    return NULL;

  /* After every card of the step, also those merged with a laptop's
   * places: the list stays in the order of its query. */
  stmt = _sam_store_prepare (self, "SELECT COALESCE(MAX(position) + 1, 0) FROM card "
                                   "WHERE step_id = ?1 AND trash IS NULL", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  rc = sqlite3_step (stmt);
  n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _sam_store_set_error (self, error, rc);
      goto failed;
    }

  stmt = _sam_store_prepare (self,
                             "INSERT INTO card (uuid, workshop_id, step_id, kind, team_id, about_team_id, "
                             "  parent_id, prompt, text, detail, value, response, position, created, modified) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_step_get_workshop_id (step));
  sqlite3_bind_int64 (stmt, 3, sam_step_get_id (step));
  sqlite3_bind_text (stmt, 4, init->kind, -1, SQLITE_TRANSIENT);
  bind_optional_id (stmt, 5, init->team_id);
  bind_optional_id (stmt, 6, init->about_team_id);
  bind_optional_id (stmt, 7, init->parent_id);
  sqlite3_bind_text (stmt, 8, init->prompt ? init->prompt : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, init->detail ? init->detail : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 11, init->value);
  sqlite3_bind_int (stmt, 12, init->response);
  sqlite3_bind_int (stmt, 13, n);
  sqlite3_bind_int64 (stmt, 14, now);
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, sam_step_get_workshop_id (step), error))
    goto failed;

  if (!_sam_store_commit (self, error))
    return NULL;

  card = g_object_new (SAM_TYPE_CARD,
                       "id", sqlite3_last_insert_rowid (_sam_store_get_db (self)),
                       "uuid", uuid,
                       "step-id", sam_step_get_id (step),
                       "kind", init->kind,
                       "team-id", MAX (init->team_id, 0),
                       "about-team-id", MAX (init->about_team_id, 0),
                       "parent-id", MAX (init->parent_id, 0),
                       "prompt", init->prompt ? init->prompt : "",
                       "text", text,
                       "detail", init->detail ? init->detail : "",
                       "value", init->value,
                       "response", init->response,
                       "position", n,
                       NULL);
  g_list_store_append (list, card);
  g_object_unref (card);
  return card;

failed:
  _sam_store_rollback (self);
  return NULL;
}

static gboolean
update_card (SamStore      *self,
             SamCard       *card,
             const char    *sql,
             const GValue  *value,
             const char    *property,
             GError       **error)
{
  return _sam_store_update_column (self, "card", card, sql, value, property, error);
}

/**
 * sam_store_set_card_text:
 * @self: a #SamStore
 * @card: a live card
 * @field: which text
 * @value: the new text; the main text must not be empty
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_set_card_text (SamStore          *self,
                         SamCard           *card,
                         SamCardTextField   field,
                         const char        *value,
                         GError           **error)
{
  static const struct {
    const char *sql;
    const char *property;
    glong max;
  } fields[] = {
    [SAM_CARD_FIELD_TEXT] = { "UPDATE card SET text = ?1, modified = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = ?2", "text", SAM_CARD_MAX_TEXT },
    [SAM_CARD_FIELD_DETAIL] = { "UPDATE card SET detail = ?1, modified = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = ?2", "detail", SAM_CARD_MAX_TEXT },
    [SAM_CARD_FIELD_PROMPT] = { "UPDATE card SET prompt = ?1, modified = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = ?2", "prompt", 200 },
  };
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CARD (card), FALSE);
  g_return_val_if_fail (field <= SAM_CARD_FIELD_PROMPT, FALSE);

  if (!_sam_store_validate_text (value, fields[field].max, field != SAM_CARD_FIELD_TEXT, error))
    return FALSE;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return update_card (self, card, fields[field].sql, &gvalue, fields[field].property, error);
}

/**
 * sam_store_set_card_int:
 * @self: a #SamStore
 * @card: a live card
 * @field: which number
 * @value: the new number; for a team or parent, 0 means none
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_card_int (SamStore         *self,
                        SamCard          *card,
                        SamCardIntField   field,
                        gint64            value,
                        GError          **error)
{
  static const struct {
    const char *sql;
    const char *property;
    gboolean is_id;
  } fields[] = {
    [SAM_CARD_FIELD_VALUE] = { "UPDATE card SET value = ?1, modified = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = ?2", "value", FALSE },
    [SAM_CARD_FIELD_RESPONSE] = { "UPDATE card SET response = ?1, modified = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = ?2", "response", FALSE },
    [SAM_CARD_FIELD_TEAM] = { "UPDATE card SET team_id = ?1, modified = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = ?2", "team-id", TRUE },
    [SAM_CARD_FIELD_ABOUT_TEAM] = { "UPDATE card SET about_team_id = ?1, modified = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = ?2", "about-team-id", TRUE },
    [SAM_CARD_FIELD_PARENT] = { "UPDATE card SET parent_id = ?1, modified = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = ?2", "parent-id", TRUE },
  };
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CARD (card), FALSE);
  g_return_val_if_fail (field <= SAM_CARD_FIELD_PARENT, FALSE);

  if (fields[field].is_id)
    {
      g_value_init (&gvalue, G_TYPE_INT64);
      g_value_set_int64 (&gvalue, MAX (value, 0));
    }
  else
    {
      g_value_init (&gvalue, G_TYPE_INT);
      g_value_set_int (&gvalue, (int) CLAMP (value, G_MININT, G_MAXINT));
    }

  return update_card (self, card, fields[field].sql, &gvalue, fields[field].property, error);
}

/**
 * sam_store_move_card:
 * @self: a #SamStore
 * @card: a live card
 * @position: its new place among the step's cards
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_move_card (SamStore  *self,
                     SamCard   *card,
                     guint      position,
                     GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CARD (card), FALSE);

  return _sam_store_move_in_list (self, "card", cards_of (self, sam_card_get_step_id (card)),
                                  card, position, error);
}

/**
 * sam_store_trash_card:
 * @self: a #SamStore
 * @card: a live card
 * @out_batch: (out) (optional): the number for sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Removes the card, and the cards that belong to it, such that Undo
 * brings them back.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_card (SamStore  *self,
                      SamCard   *card,
                      gint64    *out_batch,
                      GError   **error)
{
  g_autoptr(SamCard) keep = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CARD (card), FALSE);

  keep = g_object_ref (card);
  if (!_sam_store_trash_rows (self, "card", sam_card_get_id (card), card_cascade, out_batch, error))
    return FALSE;

  _sam_store_reload_cards (self);
  _sam_store_reload_card_links (self);

  return TRUE;
}

/* Links between cards ("a strength of Sales can help IT's challenge"). */

#define LINK_COLUMNS "id, uuid, step_id, kind, from_card_id, to_card_id, note"

static gpointer
link_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _sam_store_dup_column (stmt, 1);
  g_autofree char *kind = _sam_store_dup_column (stmt, 3);
  g_autofree char *note = _sam_store_dup_column (stmt, 6);

  return g_object_new (SAM_TYPE_CARD_LINK,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "step-id", sqlite3_column_int64 (stmt, 2),
                       "kind", kind,
                       "from-card-id", sqlite3_column_int64 (stmt, 4),
                       "to-card-id", sqlite3_column_int64 (stmt, 5),
                       "note", note,
                       NULL);
}

/* A link whose card is in the trash is hidden with it. */
static const SamListKind links_kind = {
  "card-links", sam_card_link_get_type,
  "SELECT " LINK_COLUMNS " FROM card_link l WHERE step_id = ?1 AND trash IS NULL "
  "AND EXISTS (SELECT 1 FROM card c WHERE c.id = l.from_card_id AND c.trash IS NULL) "
  "AND EXISTS (SELECT 1 FROM card c WHERE c.id = l.to_card_id AND c.trash IS NULL) "
  "ORDER BY id",
  link_from_row,
};

static GListStore *
links_of (SamStore *self,
          gint64    step_id)
{
  return _sam_store_get_list (self, &links_kind, step_id);
}

void
_sam_store_reload_card_links (SamStore *self)
{
  _sam_store_reload_lists (self, &links_kind);
}

/**
 * sam_store_get_card_links:
 * @self: a #SamStore
 * @step: a live step
 *
 * Returns: (transfer none): the live list of #SamCardLink between the
 *   step's cards
 */
GListModel *
sam_store_get_card_links (SamStore *self,
                          SamStep  *step)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  return G_LIST_MODEL (links_of (self, sam_step_get_id (step)));
}

/**
 * sam_store_add_card_link:
 * @self: a #SamStore
 * @step: the live step both cards belong to
 * @kind: what the link means, e.g. "potential"
 * @from: the first card (a strength)
 * @to: the second card (a challenge)
 * @note: (nullable): why they belong together
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the new link
 */
SamCardLink *
sam_store_add_card_link (SamStore    *self,
                         SamStep     *step,
                         const char  *kind,
                         SamCard     *from,
                         SamCard     *to,
                         const char  *note,
                         GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;
  SamCardLink *link;
  GListStore *list;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);
  g_return_val_if_fail (SAM_IS_CARD (from) && SAM_IS_CARD (to), NULL);

  /* Loaded before the insert, so the new row is appended exactly once. */
  list = links_of (self, sam_step_get_id (step));

  if (from == to)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A card cannot be linked to itself"));
      return NULL;
    }

  if (!_sam_store_validate_text (note ? note : "", SAM_CARD_MAX_TEXT, TRUE, error) ||
      !_sam_store_begin (self, error))
    return NULL;

  stmt = _sam_store_prepare (self, "INSERT INTO card_link (uuid, workshop_id, step_id, kind, from_card_id, to_card_id, note) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_step_get_workshop_id (step));
  sqlite3_bind_int64 (stmt, 3, sam_step_get_id (step));
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, sam_card_get_id (from));
  sqlite3_bind_int64 (stmt, 6, sam_card_get_id (to));
  sqlite3_bind_text (stmt, 7, note ? note : "", -1, SQLITE_TRANSIENT);
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, sam_step_get_workshop_id (step), error))
    goto failed;

  if (!_sam_store_commit (self, error))
    return NULL;

  link = g_object_new (SAM_TYPE_CARD_LINK,
                       "id", sqlite3_last_insert_rowid (_sam_store_get_db (self)),
                       "uuid", uuid,
                       "step-id", sam_step_get_id (step),
                       "kind", kind,
                       "from-card-id", sam_card_get_id (from),
                       "to-card-id", sam_card_get_id (to),
                       "note", note ? note : "",
                       NULL);
  g_list_store_append (list, link);
  g_object_unref (link);
  return link;

failed:
  _sam_store_rollback (self);
  return NULL;
}

/**
 * sam_store_trash_card_link:
 * @self: a #SamStore
 * @link: a live link
 * @out_batch: (out) (optional): the number for sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_card_link (SamStore     *self,
                           SamCardLink  *link,
                           gint64       *out_batch,
                           GError      **error)
{
  g_autoptr(SamCardLink) keep = NULL;
  GListStore *list;
  guint position;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CARD_LINK (link), FALSE);

  keep = g_object_ref (link);
  if (!_sam_store_trash_rows (self, "card_link", sam_card_link_get_id (link), NULL, out_batch, error))
    return FALSE;

  list = links_of (self, sam_card_link_get_step_id (link));
  if (g_list_store_find (list, link, &position))
    g_list_store_remove (list, position);

  return TRUE;
}

/* Runs @sql (?1 the batch, ?2 a uuid, ?3 the workshop) for each of @uuids;
 * adds to *n_changed how many rows it changed. */
static gboolean
run_per_uuid (SamStore           *self,
              const char         *sql,
              gint64              batch,
              gint64              workshop_id,
              const char *const  *uuids,
              guint              *n_changed,
              GError            **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, batch);
      sqlite3_bind_text (stmt, 2, uuids[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, workshop_id);
      if (!_sam_store_step_done (self, stmt, error))
        return FALSE;
      *n_changed += sqlite3_changes (_sam_store_get_db (self));
    }
  return TRUE;
}

/**
 * _sam_store_trash_cards_by_uuid:
 * @self: a #SamStore
 * @workshop_id: the workshop the cards belong to
 * @uuids: the cards' uuids; those not here, of another workshop or
 *   already in the trash are left alone
 * @out_batch: (out) (optional): the number for sam_store_restore_trash(),
 *   0 when no card went
 * @out_n: (out) (optional): how many of @uuids went to the trash
 * @error: return location for a #GError
 *
 * Removes the cards, and the cards that belong to them, in one batch, so
 * that one Undo brings all of them back (the live room's deletions,
 * docs/live-room.md).
 *
 * Returns: %TRUE on success
 */
gboolean
_sam_store_trash_cards_by_uuid (SamStore           *self,
                                gint64              workshop_id,
                                const char *const  *uuids,
                                gint64             *out_batch,
                                guint              *out_n,
                                GError            **error)
{
  guint n = 0, n_children = 0;
  gint64 batch;

  if (!_sam_store_begin (self, error))
    return FALSE;

  batch = _sam_store_next_batch (self);
  if (!run_per_uuid (self, "UPDATE card SET trash = ?1 WHERE uuid = ?2 AND workshop_id = ?3 AND trash IS NULL",
                     batch, workshop_id, uuids, &n, error) ||
      !run_per_uuid (self, "UPDATE card SET trash = ?1 WHERE trash IS NULL AND parent_id = "
                     "(SELECT id FROM card WHERE uuid = ?2 AND workshop_id = ?3 AND trash = ?1)",
                     batch, workshop_id, uuids, &n_children, error) ||
      (n > 0 && !_sam_store_touch_workshop (self, workshop_id, error)))
    {
      _sam_store_rollback (self);
      return FALSE;
    }
  if (!_sam_store_commit (self, error))
    return FALSE;

  if (n > 0)
    {
      _sam_store_reload_cards (self);
      _sam_store_reload_card_links (self);
    }
  if (out_batch != NULL)
    *out_batch = n > 0 ? batch : 0;
  if (out_n != NULL)
    *out_n = n;
  return TRUE;
}

/**
 * _sam_store_restore_cards_by_uuid:
 * @self: a #SamStore
 * @workshop_id: the workshop the cards belong to
 * @uuids: the cards' uuids; those not in the trash are left alone
 * @error: return location for a #GError
 *
 * Takes the cards out of the trash, each with the cards that went with it.
 *
 * Returns: %TRUE on success
 */
gboolean
_sam_store_restore_cards_by_uuid (SamStore           *self,
                                  gint64              workshop_id,
                                  const char *const  *uuids,
                                  GError            **error)
{
  guint n = 0;

  if (!_sam_store_begin (self, error))
    return FALSE;

  /* The cards that went with it share its batch (?1 unused). */
  if (!run_per_uuid (self, "UPDATE card SET trash = NULL WHERE trash IS NOT NULL AND ?1 = ?1 AND parent_id = "
                     "(SELECT id FROM card WHERE uuid = ?2 AND workshop_id = ?3) AND trash = "
                     "(SELECT trash FROM card WHERE uuid = ?2 AND workshop_id = ?3)",
                     0, workshop_id, uuids, &n, error) ||
      !run_per_uuid (self, "UPDATE card SET trash = NULL WHERE uuid = ?2 AND workshop_id = ?3 AND "
                     "trash IS NOT NULL AND ?1 = ?1",
                     0, workshop_id, uuids, &n, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }
  if (!_sam_store_commit (self, error))
    return FALSE;

  if (n > 0)
    {
      _sam_store_reload_cards (self);
      _sam_store_reload_card_links (self);
    }
  return TRUE;
}
