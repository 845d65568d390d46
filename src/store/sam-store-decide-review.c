/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-store-decide-private.h"

/* A follow-up workshop: same teams, and an agreements step that lists the
 * earlier workshop's agreements for review.  The review holds a copy of
 * each agreement, so the earlier workshop is never written to and deleting
 * it later does not empty the follow-up. */

static gint64
insert_follow_up (SamStore     *self,
                  SamWorkshop  *workshop,
                  const char   *uuid,
                  GError      **error)
{
  /* Translators: the name of a follow-up workshop; %s is the earlier one */
  g_autofree char *name = g_strdup_printf (_("Follow-up: %s"), sam_workshop_get_name (workshop));
  sqlite3_stmt *stmt;

  stmt = _sam_store_prepare (self, "INSERT INTO workshop (uuid, name, organisation, coach, language, created, modified, follows_id) "
                             "SELECT ?1, ?2, organisation, coach, language, ?3, ?3, id FROM workshop WHERE id = ?4", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  _sam_decide_bind_text (stmt, 2, name);
  sqlite3_bind_int64 (stmt, 3, _sam_store_now ());
  sqlite3_bind_int64 (stmt, 4, sam_workshop_get_id (workshop));
  if (!_sam_store_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_sam_store_get_db (self));
}

static gboolean
copy_teams (SamStore  *self,
            gint64     from_id,
            gint64     to_id,
            GError   **error)
{
  /* A version 4 UUID from random bytes, as SQLite has no UUID function. */
  return _sam_store_bind_run (self,
                              "INSERT INTO team (uuid, workshop_id, name, colour, people, position) "
                              "SELECT lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)),"
                              "       substr(hex(randomblob(2)), 2), substr('89ab', 1 + (abs(random()) % 4), 1),"
                              "       substr(hex(randomblob(2)), 2), hex(randomblob(6)))),"
                              "       ?2, name, colour, people, position "
                              "FROM team WHERE workshop_id = ?1 AND trash IS NULL ORDER BY position",
                              from_id, to_id, error);
}

static gint64
insert_review_step (SamStore  *self,
                    gint64     workshop_id,
                    GError   **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  stmt = _sam_store_prepare (self, "INSERT INTO step (uuid, workshop_id, position, kind, title, minutes, instructions) "
                             "VALUES (?1, ?2, 0, 'agreements', ?3, 45, ?4)", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, workshop_id);
  _sam_decide_bind_text (stmt, 3, _("Review of Our Agreements"));
  _sam_decide_bind_text (stmt, 4, _("Go through every agreement of the last workshop. "
                                    "Was it kept? Say how you noticed, and what got in the way."));
  if (!_sam_store_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_sam_store_get_db (self));
}

static gboolean
copy_agreements (SamStore  *self,
                 gint64     from_id,
                 gint64     to_id,
                 gint64     step_id,
                 GError   **error)
{
  sqlite3_stmt *stmt;

  /* Each review gets a new uuid, made the same way as a copied team's. */
  stmt = _sam_store_prepare (self,
                             "INSERT INTO agreement_review (uuid, workshop_id, step_id, source_uuid, what, owner, due, "
                             "  verification, teams, position, modified) "
                             "SELECT lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)),"
                             "       substr(hex(randomblob(2)), 2), substr('89ab', 1 + (abs(random()) % 4), 1),"
                             "       substr(hex(randomblob(2)), 2), hex(randomblob(6)))),"
                             "  ?2, ?3, a.uuid, a.what, a.owner, a.due, a.verification, "
                             "  COALESCE((SELECT group_concat(name, ', ') FROM (SELECT t.name FROM agreement_team at "
                             "    JOIN team t ON t.id = at.team_id AND t.trash IS NULL "
                             "    WHERE at.agreement_id = a.id ORDER BY t.position)), ''), "
                             "  ROW_NUMBER() OVER (ORDER BY s.position, a.position, a.id) - 1, ?4 "
                             "FROM agreement a JOIN step s ON s.id = a.step_id AND s.trash IS NULL "
                             "WHERE a.workshop_id = ?1 AND a.trash IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, to_id);
  sqlite3_bind_int64 (stmt, 3, step_id);
  sqlite3_bind_int64 (stmt, 4, _sam_store_now ());
  return _sam_store_step_done (self, stmt, error);
}

/**
 * sam_decide_create_follow_up:
 * @self: a #SamStore
 * @workshop: the workshop whose agreements are to be reviewed
 * @error: return location for a #GError
 *
 * Creates "Follow-up: …": a new workshop with the same teams that follows
 * @workshop, whose first step reviews each of @workshop's agreements.
 * @workshop itself is not changed.
 *
 * Returns: (transfer none) (nullable): the new workshop
 */
SamWorkshop *
sam_decide_create_follow_up (SamStore     *self,
                             SamWorkshop  *workshop,
                             GError      **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 id, step_id;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  if (!_sam_store_begin (self, error))
    return NULL;

  if ((id = insert_follow_up (self, workshop, uuid, error)) == 0 ||
      !copy_teams (self, sam_workshop_get_id (workshop), id, error) ||
      (step_id = insert_review_step (self, id, error)) == 0 ||
      !copy_agreements (self, sam_workshop_get_id (workshop), id, step_id, error))
    {
      _sam_store_rollback (self);
      return NULL;
    }

  if (!_sam_store_commit (self, error) || !_sam_store_load_workshops (self, error))
    return NULL;

  return sam_store_find_workshop (self, uuid);
}

/**
 * sam_store_get_followed_workshop:
 * @self: a #SamStore
 * @workshop: a live workshop
 *
 * Returns: (transfer none) (nullable): the live workshop @workshop follows up
 */
SamWorkshop *
sam_store_get_followed_workshop (SamStore    *self,
                                 SamWorkshop *workshop)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  stmt = _sam_store_prepare (self, "SELECT COALESCE(follows_id, 0) FROM workshop WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id > 0 ? _sam_store_lookup_workshop (self, id) : NULL;
}

/**
 * sam_store_get_agreement_reviews:
 * @self: a #SamStore
 * @step: a live agreements step
 *
 * Returns: (transfer none): the live list of #SamAgreementReview of the
 *   step (empty unless the workshop is a follow-up)
 */
GListModel *
sam_store_get_agreement_reviews (SamStore *self,
                                 SamStep  *step)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  return G_LIST_MODEL (_sam_decide_list_of (self, SAM_DECIDE_REVIEWS, sam_step_get_id (step)));
}

/**
 * sam_store_set_review_outcome:
 * @self: a #SamStore
 * @review: a live review
 * @outcome: whether the agreement was kept
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_review_outcome (SamStore            *self,
                              SamAgreementReview  *review,
                              SamReviewOutcome     outcome,
                              GError             **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (review), FALSE);
  g_return_val_if_fail (outcome <= SAM_REVIEW_NOT_KEPT, FALSE);

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, outcome);
  if (!_sam_decide_update (self, "agreement_review", "outcome", sam_agreement_review_get_id (review), &value, error))
    return FALSE;

  g_object_set (review, "outcome", (int) outcome, NULL);
  return TRUE;
}

/**
 * sam_store_set_review_why:
 * @self: a #SamStore
 * @review: a live review
 * @why: how the room noticed, or what got in the way
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_review_why (SamStore            *self,
                          SamAgreementReview  *review,
                          const char          *why,
                          GError             **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (review), FALSE);

  if (!_sam_store_validate_text (why, 5000, TRUE, error))
    return FALSE;

  return _sam_decide_text_column (self, "agreement_review", "why", review, "why", why, error);
}
