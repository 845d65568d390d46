/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-store-decide-private.h"

/* Agreements ("afspraak is afspraak") and their review in a follow-up
 * workshop.  An agreement without an owner or a date is kept as a draft;
 * the page flags it, and flags a date that has passed, but never refuses
 * what the room typed. */

#define MAX_TEXT 5000

/**
 * sam_store_get_agreements:
 * @self: a #SamStore
 * @step: a live agreements step
 *
 * Returns: (transfer none): the live list of the step's #SamAgreement
 */
GListModel *
sam_store_get_agreements (SamStore *self,
                          SamStep  *step)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  return G_LIST_MODEL (_sam_decide_list_of (self, SAM_DECIDE_AGREEMENTS, sam_step_get_id (step)));
}

/* The items of @list_of (@self, step) for every step of @kind in
 * @workshop, in agenda order, those @keep accepts (all for %NULL). */
static GListModel *
collect_from_steps (SamStore    *self,
                    SamWorkshop *workshop,
                    const char  *kind,
                    GType        type,
                    GListModel *(*list_of) (SamStore *store, SamStep *step),
                    gboolean    (*keep) (gpointer item))
{
  GListStore *all = g_list_store_new (type);
  GListModel *steps = sam_store_get_steps (self, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);
      GListModel *items;

      if (g_strcmp0 (sam_step_get_kind (step), kind) != 0)
        continue;

      items = list_of (self, step);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (items, j);

          if (keep == NULL || keep (item))
            g_list_store_append (all, item);
        }
    }

  return G_LIST_MODEL (all);
}

/**
 * sam_store_list_workshop_agreements:
 * @self: a #SamStore
 * @workshop: a live workshop
 *
 * Every agreement of the workshop, in agenda order, for the report.
 *
 * Returns: (transfer full): a new list of the live #SamAgreement objects
 */
GListModel *
sam_store_list_workshop_agreements (SamStore    *self,
                                    SamWorkshop *workshop)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  return collect_from_steps (self, workshop, "agreements", SAM_TYPE_AGREEMENT,
                             sam_store_get_agreements, NULL);
}

static gboolean
is_idea (gpointer card)
{
  return g_strcmp0 (sam_card_get_kind (card), "idea") == 0;
}

/**
 * sam_store_list_workshop_ideas:
 * @self: a #SamStore
 * @workshop: a live workshop
 *
 * Returns: (transfer full): a new list of the live idea #SamCard objects
 *   of every brainstorm of @workshop, in agenda order
 */
GListModel *
sam_store_list_workshop_ideas (SamStore    *self,
                               SamWorkshop *workshop)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  return collect_from_steps (self, workshop, "brainstorm", SAM_TYPE_CARD,
                             sam_store_get_cards, is_idea);
}

/**
 * sam_store_add_agreement:
 * @self: a #SamStore
 * @step: a live agreements step
 * @what: what is agreed; not empty
 * @error: return location for a #GError
 *
 * Stores a new agreement at the end, as a draft until it has an owner and
 * a date.
 *
 * Returns: (transfer none) (nullable): the new agreement
 */
SamAgreement *
sam_store_add_agreement (SamStore    *self,
                         SamStep     *step,
                         const char  *what,
                         GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  if (!_sam_store_validate_text (what, MAX_TEXT, FALSE, error))
    return NULL;

  return _sam_decide_add (self, SAM_DECIDE_AGREEMENTS, "agreement", step,
                          "INSERT INTO agreement (uuid, workshop_id, step_id, what, position, created, modified) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", what, 0, error);
}

/**
 * sam_store_set_agreement_text:
 * @self: a #SamStore
 * @agreement: a live agreement
 * @field: which text
 * @value: the new text; "what" must not be empty, dates are `YYYY-MM-DD`
 *   or empty
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_set_agreement_text (SamStore           *self,
                              SamAgreement       *agreement,
                              SamAgreementField   field,
                              const char         *value,
                              GError            **error)
{
  static const struct {
    const char *column;
    const char *property;
  } fields[] = {
    [SAM_AGREEMENT_FIELD_WHAT] = { "what", "what" },
    [SAM_AGREEMENT_FIELD_OWNER] = { "owner", "owner" },
    [SAM_AGREEMENT_FIELD_DUE] = { "due", "due" },
    [SAM_AGREEMENT_FIELD_VERIFICATION] = { "verification", "verification" },
    [SAM_AGREEMENT_FIELD_REVIEW_DATE] = { "review_date", "review-date" },
  };
  gboolean is_date = field == SAM_AGREEMENT_FIELD_DUE || field == SAM_AGREEMENT_FIELD_REVIEW_DATE;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (field <= SAM_AGREEMENT_FIELD_REVIEW_DATE, FALSE);

  if (!_sam_store_validate_text (value, MAX_TEXT, field != SAM_AGREEMENT_FIELD_WHAT, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (value));
  if (is_date && !sam_decide_validate_date (stripped, error))
    return FALSE;

  return _sam_decide_text_column (self, "agreement", fields[field].column, agreement,
                                  fields[field].property, is_date ? stripped : value, error);
}

/**
 * sam_store_set_agreement_status:
 * @self: a #SamStore
 * @agreement: a live agreement
 * @status: agreed, in progress, kept or not kept
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_agreement_status (SamStore           *self,
                                SamAgreement       *agreement,
                                SamAgreementStatus  status,
                                GError            **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (status <= SAM_AGREEMENT_NOT_KEPT, FALSE);

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, status);
  if (!_sam_decide_update (self, "agreement", "status", sam_agreement_get_id (agreement), &value, error))
    return FALSE;

  g_object_set (agreement, "status", (int) status, NULL);
  return TRUE;
}

/**
 * sam_store_set_agreement_idea:
 * @self: a #SamStore
 * @agreement: a live agreement
 * @idea_id: the id of a live idea of the same workshop, or 0 for none
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_agreement_idea (SamStore      *self,
                              SamAgreement  *agreement,
                              gint64         idea_id,
                              GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGREEMENT (agreement), FALSE);

  if (idea_id > 0)
    {
      stmt = _sam_store_prepare (self, "SELECT 1 FROM card c JOIN agreement a ON a.workshop_id = c.workshop_id "
                                 "WHERE c.id = ?1 AND a.id = ?2 AND c.kind = 'idea' AND c.trash IS NULL", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, idea_id);
      sqlite3_bind_int64 (stmt, 2, sam_agreement_get_id (agreement));
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!found)
        {
          g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                               _("This idea no longer exists"));
          return FALSE;
        }
    }

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, MAX (idea_id, 0));
  if (!_sam_decide_update (self, "agreement", "idea_id", sam_agreement_get_id (agreement), &value, error))
    return FALSE;

  g_object_set (agreement, "idea-id", MAX (idea_id, 0), NULL);
  return TRUE;
}

/**
 * sam_store_set_agreement_team:
 * @self: a #SamStore
 * @agreement: a live agreement
 * @team_id: a team of the same workshop
 * @included: whether the team takes part in the agreement
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_agreement_team (SamStore      *self,
                              SamAgreement  *agreement,
                              gint64         team_id,
                              gboolean       included,
                              GError       **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGREEMENT (agreement), FALSE);

  if (!_sam_store_begin (self, error))
    return FALSE;

  if (included)
    stmt = _sam_store_prepare (self, "INSERT OR IGNORE INTO agreement_team (uuid, workshop_id, agreement_id, team_id) "
                               "SELECT ?1, a.workshop_id, a.id, t.id FROM agreement a JOIN team t ON t.workshop_id = a.workshop_id "
                               "WHERE a.id = ?2 AND t.id = ?3 AND t.trash IS NULL", error);
  else
    stmt = _sam_store_prepare (self, "DELETE FROM agreement_team WHERE ?1 IS NOT NULL "
                               "AND agreement_id = ?2 AND team_id = ?3", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_agreement_get_id (agreement));
  sqlite3_bind_int64 (stmt, 3, team_id);
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_bind_run (self, "UPDATE agreement SET modified = ?1 WHERE id = ?2",
                            _sam_store_now (), sam_agreement_get_id (agreement), error) ||
      !_sam_store_touch_owner (self, "agreement", sam_agreement_get_id (agreement), error))
    goto failed;

  if (!_sam_store_commit (self, error))
    return FALSE;

  _sam_decide_reload (self, SAM_DECIDE_AGREEMENTS, sam_agreement_get_step_id (agreement));
  return TRUE;

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/**
 * sam_store_trash_agreement:
 * @self: a #SamStore
 * @agreement: a live agreement
 * @out_batch: (out) (optional): the number for sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_agreement (SamStore      *self,
                           SamAgreement  *agreement,
                           gint64        *out_batch,
                           GError       **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGREEMENT (agreement), FALSE);

  return _sam_decide_trash (self, "agreement", SAM_DECIDE_AGREEMENTS, agreement, out_batch, error);
}

/**
 * sam_agreement_is_draft:
 * @agreement: an agreement
 *
 * Returns: %TRUE when it has no owner or no date yet
 */
gboolean
sam_agreement_is_draft (SamAgreement *agreement)
{
  g_autofree char *owner = NULL;

  g_return_val_if_fail (SAM_IS_AGREEMENT (agreement), FALSE);

  owner = g_strstrip (g_strdup (sam_agreement_get_owner (agreement)));
  return *owner == '\0' || *sam_agreement_get_due (agreement) == '\0';
}

/**
 * sam_agreement_is_past_due:
 * @agreement: an agreement
 * @today: today as `YYYY-MM-DD`
 *
 * Returns: %TRUE when its date has passed and it is not settled (kept or
 *   not kept)
 */
gboolean
sam_agreement_is_past_due (SamAgreement *agreement,
                           const char   *today)
{
  const char *due;
  int status;

  g_return_val_if_fail (SAM_IS_AGREEMENT (agreement), FALSE);

  due = sam_agreement_get_due (agreement);
  status = sam_agreement_get_status (agreement);
  return *due != '\0' && g_strcmp0 (due, today) < 0 &&
         status != SAM_AGREEMENT_KEPT && status != SAM_AGREEMENT_NOT_KEPT;
}
