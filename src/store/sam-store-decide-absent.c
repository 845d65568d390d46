/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-store-decide-private.h"

/* Bringing the absent colleagues along: per team, who was not there, what
 * they will experience or hear, who does it and by when. */

#define MAX_TEXT 5000

/**
 * sam_store_get_absent_plans:
 * @self: a #SamStore
 * @step: a live "absent" step
 *
 * Returns: (transfer none): the live list of #SamAbsentPlan, by team
 */
GListModel *
sam_store_get_absent_plans (SamStore *self,
                            SamStep  *step)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  return G_LIST_MODEL (_sam_decide_list_of (self, SAM_DECIDE_ABSENT_PLANS, sam_step_get_id (step)));
}

/**
 * sam_store_add_absent_plan:
 * @self: a #SamStore
 * @step: a live "absent" step
 * @team: the team that brings the colleague along
 * @absent: who was not there; not empty
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the new plan
 */
SamAbsentPlan *
sam_store_add_absent_plan (SamStore    *self,
                           SamStep     *step,
                           SamTeam     *team,
                           const char  *absent,
                           GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);
  g_return_val_if_fail (SAM_IS_TEAM (team), NULL);

  if (!_sam_store_validate_text (absent, MAX_TEXT, FALSE, error))
    return NULL;

  return _sam_decide_add (self, SAM_DECIDE_ABSENT_PLANS, "absent_plan", step,
                          "INSERT INTO absent_plan (uuid, workshop_id, step_id, absent, position, created, "
                          "  modified, team_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                          absent, sam_team_get_id (team), error);
}

/**
 * sam_store_set_absent_plan_text:
 * @self: a #SamStore
 * @plan: a live plan
 * @field: which text
 * @value: the new text; who was absent must not be empty, the date is
 *   `YYYY-MM-DD` or empty
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_set_absent_plan_text (SamStore        *self,
                                SamAbsentPlan   *plan,
                                SamAbsentField   field,
                                const char      *value,
                                GError         **error)
{
  static const char *const columns[] = {
    [SAM_ABSENT_FIELD_ABSENT] = "absent",
    [SAM_ABSENT_FIELD_EXPERIENCE] = "experience",
    [SAM_ABSENT_FIELD_WHO] = "who",
    [SAM_ABSENT_FIELD_DUE] = "due",
  };
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (plan), FALSE);
  g_return_val_if_fail (field <= SAM_ABSENT_FIELD_DUE, FALSE);

  if (!_sam_store_validate_text (value, MAX_TEXT, field != SAM_ABSENT_FIELD_ABSENT, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (value));
  if (field == SAM_ABSENT_FIELD_DUE && !sam_decide_validate_date (stripped, error))
    return FALSE;

  return _sam_decide_text_column (self, "absent_plan", columns[field], plan, columns[field],
                                  field == SAM_ABSENT_FIELD_DUE ? stripped : value, error);
}

/**
 * sam_store_trash_absent_plan:
 * @self: a #SamStore
 * @plan: a live plan
 * @out_batch: (out) (optional): the number for sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_absent_plan (SamStore       *self,
                             SamAbsentPlan  *plan,
                             gint64         *out_batch,
                             GError        **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (plan), FALSE);

  return _sam_decide_trash (self, "absent_plan", SAM_DECIDE_ABSENT_PLANS, plan, out_batch, error);
}
