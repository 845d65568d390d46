/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gi18n.h>

#include "sam-store-decide-private.h"
#include "sam-text.h"

/* The brainstorm: ideas are cards of kind "idea"; clusters group them;
 * every team spends a budget of dots on them.
 *
 * The budget holds whatever happens around it.  A vote on an idea in the
 * trash, or by a team in the trash, does not count, and counts again when
 * Undo brings it back.  Should a team have spent the freed dots meanwhile,
 * only its first dots (in the order they were cast) count: the tallies
 * below number each team's live dots and ignore those past the budget, so
 * no team ever has more votes than the budget, whatever is restored. */

#define EFFECTIVE_VOTES \
  "SELECT team_id, card_id FROM (" \
  "  SELECT v.team_id, v.card_id, ROW_NUMBER() OVER (PARTITION BY v.team_id ORDER BY v.id) AS n " \
  "  FROM vote v " \
  "  JOIN card c ON c.id = v.card_id AND c.trash IS NULL AND c.step_id = v.step_id " \
  "  JOIN team t ON t.id = v.team_id AND t.trash IS NULL " \
  "  WHERE v.step_id = ?1 AND v.trash IS NULL) " \
  "WHERE n <= ?2"

static gboolean
is_idea (SamCard *card)
{
  return g_strcmp0 (sam_card_get_kind (card), "idea") == 0;
}

/* Clusters */

/**
 * sam_store_get_clusters:
 * @self: a #SamStore
 * @step: a live brainstorm step
 *
 * Returns: (transfer none): the live list of the step's #SamCluster
 */
GListModel *
sam_store_get_clusters (SamStore *self,
                        SamStep  *step)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  return G_LIST_MODEL (_sam_decide_list_of (self, SAM_DECIDE_CLUSTERS, sam_step_get_id (step)));
}

static gboolean
validate_name (const char  *name,
               GError     **error)
{
  g_autofree char *stripped = NULL;

  if (!_sam_store_validate_text (name, 200, TRUE, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A cluster needs a name"));
      return FALSE;
    }

  return TRUE;
}

static gint64
insert_cluster (SamStore    *self,
                SamStep     *step,
                const char  *name,
                GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  sqlite3_stmt *stmt;

  stmt = _sam_store_prepare (self, "INSERT INTO cluster (uuid, workshop_id, step_id, name, position) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_step_get_workshop_id (step));
  sqlite3_bind_int64 (stmt, 3, sam_step_get_id (step));
  _sam_decide_bind_text (stmt, 4, stripped);
  sqlite3_bind_int (stmt, 5, _sam_decide_next_position (self, "cluster", sam_step_get_id (step)));
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, sam_step_get_workshop_id (step), error))
    return 0;

  return sqlite3_last_insert_rowid (_sam_store_get_db (self));
}

static SamCluster *
find_cluster (SamStore *self,
              gint64    step_id,
              gint64    cluster_id)
{
  return _sam_decide_find (self, SAM_DECIDE_CLUSTERS, step_id, cluster_id);
}

/**
 * sam_store_add_cluster:
 * @self: a #SamStore
 * @step: a live brainstorm step
 * @name: the cluster's name; not empty
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the new, empty cluster
 */
SamCluster *
sam_store_add_cluster (SamStore    *self,
                       SamStep     *step,
                       const char  *name,
                       GError     **error)
{
  gint64 id;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  if (!validate_name (name, error) || !_sam_store_begin (self, error))
    return NULL;

  id = insert_cluster (self, step, name, error);
  if (id == 0)
    {
      _sam_store_rollback (self);
      return NULL;
    }

  if (!_sam_store_commit (self, error))
    return NULL;

  _sam_decide_reload (self, SAM_DECIDE_CLUSTERS, sam_step_get_id (step));
  return find_cluster (self, sam_step_get_id (step), id);
}

/**
 * sam_store_rename_cluster:
 * @self: a #SamStore
 * @cluster: a live cluster
 * @name: the new name; not empty
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_rename_cluster (SamStore    *self,
                          SamCluster  *cluster,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CLUSTER (cluster), FALSE);

  if (!validate_name (name, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  return _sam_decide_text_column (self, "cluster", "name", cluster, "name", stripped, error);
}

/**
 * sam_store_trash_cluster:
 * @self: a #SamStore
 * @cluster: a live cluster
 * @out_batch: (out) (optional): the number for sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Removes the cluster; its ideas stay and show as not grouped until Undo
 * brings the cluster back with its ideas in it.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_cluster (SamStore    *self,
                         SamCluster  *cluster,
                         gint64      *out_batch,
                         GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CLUSTER (cluster), FALSE);

  return _sam_decide_trash (self, "cluster", SAM_DECIDE_CLUSTERS, cluster, out_batch, error);
}

static gboolean
put_in_cluster (SamStore  *self,
                SamCard   *idea,
                gint64     cluster_id,
                GError   **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  if (cluster_id <= 0)
    return _sam_store_bind_run (self, "DELETE FROM cluster_card WHERE card_id = ?1",
                                sam_card_get_id (idea), 0, error);

  stmt = _sam_store_prepare (self, "INSERT INTO cluster_card (uuid, workshop_id, cluster_id, card_id) "
                             "SELECT ?1, workshop_id, id, ?3 FROM cluster WHERE id = ?2 "
                             "ON CONFLICT (card_id) DO UPDATE SET cluster_id = excluded.cluster_id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, cluster_id);
  sqlite3_bind_int64 (stmt, 3, sam_card_get_id (idea));
  return _sam_store_step_done (self, stmt, error) &&
         _sam_store_touch_owner (self, "card", sam_card_get_id (idea), error);
}

/**
 * sam_store_set_idea_cluster:
 * @self: a #SamStore
 * @idea: a live card of kind "idea"
 * @cluster: (nullable): the cluster to put it in, or %NULL for none
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_idea_cluster (SamStore    *self,
                            SamCard     *idea,
                            SamCluster  *cluster,
                            GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CARD (idea), FALSE);
  g_return_val_if_fail (cluster == NULL || SAM_IS_CLUSTER (cluster), FALSE);

  if (!_sam_store_begin (self, error))
    return FALSE;

  if (!put_in_cluster (self, idea, cluster ? sam_cluster_get_id (cluster) : 0, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  if (!_sam_store_commit (self, error))
    return FALSE;

  _sam_decide_reload (self, SAM_DECIDE_CLUSTERS, sam_card_get_step_id (idea));
  return TRUE;
}

/**
 * sam_store_group_ideas:
 * @self: a #SamStore
 * @idea: the idea dropped
 * @onto: the idea it was dropped on
 * @error: return location for a #GError
 *
 * Puts @idea with @onto: into @onto's cluster, or into a new cluster named
 * after @onto when it has none.
 *
 * Returns: (transfer none) (nullable): the cluster both are in
 */
SamCluster *
sam_store_group_ideas (SamStore  *self,
                       SamCard   *idea,
                       SamCard   *onto,
                       GError   **error)
{
  SamCluster *existing;
  SamStep *step;
  g_autofree char *name = NULL;
  gint64 id;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_CARD (idea) && SAM_IS_CARD (onto), NULL);

  if (idea == onto)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("Drop the idea on another idea to group them"));
      return NULL;
    }

  existing = sam_store_get_idea_cluster (self, onto);
  if (existing != NULL)
    return sam_store_set_idea_cluster (self, idea, existing, error) ? existing : NULL;

  step = sam_store_lookup_step (self, sam_card_get_step_id (onto));
  if (step == NULL)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                           _("This item no longer exists"));
      return NULL;
    }

  /* The first idea names the group; the coach renames it in place. */
  name = sam_text_excerpt (sam_card_get_text (onto), 40);

  if (!_sam_store_begin (self, error))
    return NULL;

  if ((id = insert_cluster (self, step, name, error)) == 0 ||
      !put_in_cluster (self, onto, id, error) ||
      !put_in_cluster (self, idea, id, error))
    {
      _sam_store_rollback (self);
      return NULL;
    }

  if (!_sam_store_commit (self, error))
    return NULL;

  _sam_decide_reload (self, SAM_DECIDE_CLUSTERS, sam_step_get_id (step));
  return find_cluster (self, sam_step_get_id (step), id);
}

/**
 * sam_store_get_idea_cluster:
 * @self: a #SamStore
 * @idea: a card of kind "idea"
 *
 * Returns: (transfer none) (nullable): the live cluster @idea is in
 */
SamCluster *
sam_store_get_idea_cluster (SamStore *self,
                            SamCard  *idea)
{
  sqlite3_stmt *stmt;
  gint64 cluster_id = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_CARD (idea), NULL);

  stmt = _sam_store_prepare (self, "SELECT cc.cluster_id FROM cluster_card cc "
                             "JOIN cluster k ON k.id = cc.cluster_id AND k.trash IS NULL "
                             "WHERE cc.card_id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, sam_card_get_id (idea));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    cluster_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return cluster_id > 0 ? find_cluster (self, sam_card_get_step_id (idea), cluster_id) : NULL;
}

/* Dot voting */

/**
 * sam_store_get_vote_budget:
 * @self: a #SamStore
 * @step: a brainstorm step
 *
 * Returns: how many dots each team may place (the step's settings;
 *   %SAM_DECIDE_DEFAULT_BUDGET when the coach did not set it)
 */
guint
sam_store_get_vote_budget (SamStore *self,
                           SamStep  *step)
{
  gint64 budget;

  g_return_val_if_fail (SAM_IS_STEP (step), SAM_DECIDE_DEFAULT_BUDGET);

  budget = _sam_decide_setting_int (step, "vote-budget", SAM_DECIDE_DEFAULT_BUDGET);
  return (guint) CLAMP (budget, 1, SAM_DECIDE_MAX_BUDGET);
}

static guint
tally (SamStore *self,
       SamStep  *step,
       gint64    team_id,
       gint64    card_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  stmt = _sam_store_prepare (self, "SELECT COUNT(*) FROM (" EFFECTIVE_VOTES ") "
                             "WHERE (?3 = 0 OR team_id = ?3) AND (?4 = 0 OR card_id = ?4)", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  sqlite3_bind_int (stmt, 2, sam_store_get_vote_budget (self, step));
  sqlite3_bind_int64 (stmt, 3, team_id);
  sqlite3_bind_int64 (stmt, 4, card_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* The most dots any one team has on live ideas, counted past the budget. */
static guint
most_cast (SamStore *self,
           SamStep  *step,
           char    **team_name)
{
  sqlite3_stmt *stmt;
  guint most = 0;

  stmt = _sam_store_prepare (self, "SELECT t.name, COUNT(*) AS n FROM vote v "
                             "JOIN card c ON c.id = v.card_id AND c.trash IS NULL "
                             "JOIN team t ON t.id = v.team_id AND t.trash IS NULL "
                             "WHERE v.step_id = ?1 AND v.trash IS NULL "
                             "GROUP BY v.team_id ORDER BY n DESC, t.position LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *team_name = _sam_store_dup_column (stmt, 0);
      most = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return most;
}

/**
 * sam_store_set_vote_budget:
 * @self: a #SamStore
 * @step: a live brainstorm step
 * @budget: dots per team, 1 to %SAM_DECIDE_MAX_BUDGET
 * @error: return location for a #GError
 *
 * A budget below what a team already cast is refused, with the team named,
 * so nobody's dots silently disappear.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_vote_budget (SamStore  *self,
                           SamStep   *step,
                           guint      budget,
                           GError   **error)
{
  g_autofree char *team_name = NULL;
  guint most;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);

  if (budget < 1 || budget > SAM_DECIDE_MAX_BUDGET)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("Each team gets between 1 and %d votes"), SAM_DECIDE_MAX_BUDGET);
      return FALSE;
    }

  most = most_cast (self, step, &team_name);
  if (budget < most)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has already cast %u vote; take votes back before lowering the budget",
                                "%s has already cast %u votes; take votes back before lowering the budget",
                                most),
                   team_name, most);
      return FALSE;
    }

  return _sam_decide_store_setting (self, step, "vote-budget", json_node_init_int (json_node_alloc (), budget), error);
}

/**
 * sam_store_get_votes_revealed:
 * @self: a #SamStore
 * @step: a brainstorm step
 *
 * Returns: whether the coach has revealed the votes to the room
 */
gboolean
sam_store_get_votes_revealed (SamStore *self,
                              SamStep  *step)
{
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);
  return _sam_decide_setting_int (step, "votes-revealed", FALSE) != 0;
}

/**
 * sam_store_set_votes_revealed:
 * @self: a #SamStore
 * @step: a live brainstorm step
 * @revealed: whether the room may see the votes
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_votes_revealed (SamStore  *self,
                              SamStep   *step,
                              gboolean   revealed,
                              GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);

  return _sam_decide_store_setting (self, step, "votes-revealed",
                        json_node_init_boolean (json_node_alloc (), revealed), error);
}

static gboolean
check_vote (SamStep  *step,
            SamTeam  *team,
            SamCard  *idea,
            GError  **error)
{
  if (!is_idea (idea) || sam_card_get_step_id (idea) != sam_step_get_id (step) ||
      sam_team_get_workshop_id (team) != sam_step_get_workshop_id (step))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("Votes go to the ideas of this brainstorm"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_cast_vote:
 * @self: a #SamStore
 * @step: the live brainstorm step
 * @team: the voting team
 * @idea: a live idea of @step
 * @error: return location for a #GError
 *
 * Places one of @team's dots on @idea (a team may put several dots on one
 * idea).  A dot beyond the budget is refused with %SAM_STORE_ERROR_INVALID
 * and a message naming the team and its budget.
 *
 * Returns: %TRUE when the dot was placed
 */
gboolean
sam_store_cast_vote (SamStore  *self,
                     SamStep   *step,
                     SamTeam   *team,
                     SamCard   *idea,
                     GError   **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;
  guint budget;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);
  g_return_val_if_fail (SAM_IS_TEAM (team), FALSE);
  g_return_val_if_fail (SAM_IS_CARD (idea), FALSE);

  if (!check_vote (step, team, idea, error))
    return FALSE;

  budget = sam_store_get_vote_budget (self, step);
  if (tally (self, step, sam_team_get_id (team), 0) >= budget)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has used its %u vote; take a vote back to vote again",
                                "%s has used all %u votes; take a vote back to vote again",
                                budget),
                   sam_team_get_name (team), budget);
      return FALSE;
    }

  if (!_sam_store_begin (self, error))
    return FALSE;

  stmt = _sam_store_prepare (self, "INSERT INTO vote (uuid, workshop_id, step_id, team_id, card_id, created) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_step_get_workshop_id (step));
  sqlite3_bind_int64 (stmt, 3, sam_step_get_id (step));
  sqlite3_bind_int64 (stmt, 4, sam_team_get_id (team));
  sqlite3_bind_int64 (stmt, 5, sam_card_get_id (idea));
  sqlite3_bind_int64 (stmt, 6, _sam_store_now ());
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, sam_step_get_workshop_id (step), error))
    goto failed;

  return _sam_store_commit (self, error);

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/**
 * sam_store_take_back_vote:
 * @self: a #SamStore
 * @step: the live brainstorm step
 * @team: the team
 * @idea: an idea @team voted for
 * @error: return location for a #GError
 *
 * Takes @team's most recent dot on @idea back, so it can be placed again.
 *
 * Returns: %TRUE on success; %SAM_STORE_ERROR_INVALID when @team has no
 *   dot on @idea
 */
gboolean
sam_store_take_back_vote (SamStore  *self,
                          SamStep   *step,
                          SamTeam   *team,
                          SamCard   *idea,
                          GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);
  g_return_val_if_fail (SAM_IS_TEAM (team), FALSE);
  g_return_val_if_fail (SAM_IS_CARD (idea), FALSE);

  if (!check_vote (step, team, idea, error))
    return FALSE;

  if (!_sam_store_begin (self, error))
    return FALSE;

  stmt = _sam_store_prepare (self, "DELETE FROM vote WHERE id = (SELECT MAX(id) FROM vote "
                             "WHERE step_id = ?1 AND team_id = ?2 AND card_id = ?3 AND trash IS NULL)", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  sqlite3_bind_int64 (stmt, 2, sam_team_get_id (team));
  sqlite3_bind_int64 (stmt, 3, sam_card_get_id (idea));
  if (!_sam_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (_sam_store_get_db (self)) == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("%s has no vote on this idea to take back"), sam_team_get_name (team));
      goto failed;
    }

  if (!_sam_store_touch_workshop (self, sam_step_get_workshop_id (step), error))
    goto failed;

  return _sam_store_commit (self, error);

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/**
 * sam_store_count_team_votes:
 * @self: a #SamStore
 * @step: a brainstorm step
 * @team: a team
 *
 * Returns: the dots @team has placed that count, never more than the budget
 */
guint
sam_store_count_team_votes (SamStore *self,
                            SamStep  *step,
                            SamTeam  *team)
{
  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  g_return_val_if_fail (SAM_IS_STEP (step) && SAM_IS_TEAM (team), 0);

  return tally (self, step, sam_team_get_id (team), 0);
}

/**
 * sam_store_count_idea_votes:
 * @self: a #SamStore
 * @step: a brainstorm step
 * @idea: an idea
 * @team: (nullable): only this team's dots, or %NULL for all
 *
 * Returns: the dots on @idea that count
 */
guint
sam_store_count_idea_votes (SamStore *self,
                            SamStep  *step,
                            SamCard  *idea,
                            SamTeam  *team)
{
  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  g_return_val_if_fail (SAM_IS_STEP (step) && SAM_IS_CARD (idea), 0);

  return tally (self, step, team ? sam_team_get_id (team) : 0, sam_card_get_id (idea));
}

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const SamIdeaScore *x = a, *y = b;

  if (x->votes != y->votes)
    return x->votes > y->votes ? -1 : 1;

  return (int) sam_card_get_position (x->card) - (int) sam_card_get_position (y->card);
}

/**
 * sam_store_rank_ideas:
 * @self: a #SamStore
 * @step: a brainstorm step
 *
 * The result of the vote: every live idea with its dots, most first; ideas
 * with as many dots keep the order in which they were written.
 *
 * Returns: (transfer full) (element-type SamIdeaScore): the ranking; the
 *   cards are the live ones of sam_store_get_cards()
 */
GArray *
sam_store_rank_ideas (SamStore *self,
                      SamStep  *step)
{
  GListModel *cards;
  GArray *scores;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  cards = sam_store_get_cards (self, step);
  scores = g_array_new (FALSE, TRUE, sizeof (SamIdeaScore));
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      SamIdeaScore score = { card, 0, 0 };

      if (!is_idea (card))
        continue;

      score.votes = tally (self, step, 0, sam_card_get_id (card));
      g_array_append_val (scores, score);
    }

  g_array_sort (scores, compare_scores);
  for (guint i = 0; i < scores->len; i++)
    g_array_index (scores, SamIdeaScore, i).rank = i + 1;

  return scores;
}
