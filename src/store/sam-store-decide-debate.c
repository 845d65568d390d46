/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gi18n.h>

#include "sam-store-decide-private.h"

/* The debate round of the brainstorm (every team brings a point on one
 * KPI, taking turns) and the check of the achieve/avoid statements. */

/* The debate round */

/**
 * sam_store_dup_debate_kpi:
 * @self: a #SamStore
 * @step: a brainstorm step
 *
 * Returns: (transfer full): the KPI the room debates, or ""
 */
char *
sam_store_dup_debate_kpi (SamStore *self,
                          SamStep  *step)
{
  g_autoptr(JsonObject) object = NULL;
  const char *kpi;

  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  object = _sam_decide_settings_of (step);
  kpi = json_object_has_member (object, "debate-kpi")
        ? json_object_get_string_member_with_default (object, "debate-kpi", "") : "";
  return g_strdup (kpi);
}

/**
 * sam_store_set_debate_kpi:
 * @self: a #SamStore
 * @step: a live brainstorm step
 * @kpi: the KPI, e.g. "customer satisfaction"
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_debate_kpi (SamStore    *self,
                          SamStep     *step,
                          const char  *kpi,
                          GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);

  if (!_sam_store_validate_text (kpi, 200, TRUE, error))
    return FALSE;

  return _sam_decide_store_setting (self, step, "debate-kpi", json_node_init_string (json_node_alloc (), kpi), error);
}

/* The setting "debate-turn" names the team by uuid, so it survives an
 * export and import (which gives every team a new uuid and rewrites it in
 * the settings); a database of schema 8 or older held the team's local id
 * (a number), which migration 9 turned into its uuid. */
static SamTeam *
turn_team (SamStore    *self,
           SamWorkshop *workshop,
           SamStep     *step)
{
  g_autoptr(JsonObject) object = _sam_decide_settings_of (step);
  JsonNode *node = json_object_get_member (object, "debate-turn");
  GListModel *teams;
  const char *uuid;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return sam_store_find_team (self, workshop, json_node_get_int (node));

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  uuid = json_node_get_string (node);
  teams = sam_store_get_teams (self, workshop);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (g_ascii_strcasecmp (sam_team_get_uuid (team), uuid) == 0)
        return team;
    }

  return NULL;
}

/**
 * sam_store_get_debate_turn:
 * @self: a #SamStore
 * @step: a brainstorm step
 *
 * Returns: (transfer none) (nullable): the team whose turn it is to bring a
 *   point; the first team until the coach moves the turn on
 */
SamTeam *
sam_store_get_debate_turn (SamStore *self,
                           SamStep  *step)
{
  SamWorkshop *workshop;
  SamTeam *team;
  g_autoptr(SamTeam) first = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  workshop = _sam_store_lookup_workshop (self, sam_step_get_workshop_id (step));
  if (workshop == NULL)
    return NULL;

  team = turn_team (self, workshop, step);
  if (team != NULL)
    return team;

  first = g_list_model_get_item (sam_store_get_teams (self, workshop), 0);
  return first;
}

/**
 * sam_store_advance_debate_turn:
 * @self: a #SamStore
 * @step: a live brainstorm step
 * @error: return location for a #GError
 *
 * Gives the turn to the next team, after the last back to the first.
 *
 * Returns: (transfer none) (nullable): the team whose turn it is now
 */
SamTeam *
sam_store_advance_debate_turn (SamStore  *self,
                               SamStep   *step,
                               GError   **error)
{
  SamTeam *current = sam_store_get_debate_turn (self, step);
  SamWorkshop *workshop;
  GListModel *teams;
  g_autoptr(SamTeam) next = NULL;
  guint n, position = 0;

  if (current == NULL)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("Add the teams first; then they take turns"));
      return NULL;
    }

  workshop = _sam_store_lookup_workshop (self, sam_step_get_workshop_id (step));
  teams = sam_store_get_teams (self, workshop);
  n = g_list_model_get_n_items (teams);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (team == current)
        position = i;
    }

  next = g_list_model_get_item (teams, (position + 1) % n);
  if (!_sam_decide_store_setting (self, step, "debate-turn",
                      json_node_init_string (json_node_alloc (), sam_team_get_uuid (next)), error))
    return NULL;

  return next;
}

/**
 * sam_store_count_unverified_statements:
 * @self: a #SamStore
 * @step: an achieve/avoid step
 *
 * Returns: how many "achieve" and "avoid" statements have no verification
 *   yet, that is no way for the group to notice it got there
 */
guint
sam_store_count_unverified_statements (SamStore *self,
                                       SamStep  *step)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  g_return_val_if_fail (SAM_IS_STEP (step), 0);

  stmt = _sam_store_prepare (self, "SELECT COUNT(*) FROM card s WHERE s.step_id = ?1 AND s.trash IS NULL "
                             "AND s.kind IN ('achieve', 'avoid') AND NOT EXISTS (SELECT 1 FROM card v "
                             "WHERE v.parent_id = s.id AND v.kind = 'verification' AND v.trash IS NULL)", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}
