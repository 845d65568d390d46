/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-checklist-results.h"
#include "sam-store-private.h"

/* Sums are kept per theme and per statement while the answers are read;
 * means and spreads are worked out at the end. */
typedef struct
{
  double *sums;
  guint  *counts;
} Tally;

static void
team_result_free (gpointer data)
{
  SamChecklistTeamResult *team = data;

  g_free (team->name);
  g_free (team->theme_means);
  g_free (team);
}

static void
item_result_free (gpointer data)
{
  SamChecklistItemResult *item = data;

  g_free (item->key);
  g_free (item->theme);
  g_free (item->text);
  g_free (item);
}

/**
 * sam_checklist_results_free:
 * @results: (transfer full): results
 */
void
sam_checklist_results_free (SamChecklistResults *results)
{
  if (results == NULL)
    return;

  g_ptr_array_unref (results->themes);
  g_ptr_array_unref (results->items);
  g_ptr_array_unref (results->teams);
  g_free (results->theme_means);
  g_free (results);
}

static guint
theme_index (GPtrArray  *themes,
             const char *theme)
{
  for (guint i = 0; i < themes->len; i++)
    if (g_strcmp0 (themes->pdata[i], theme) == 0)
      return i;

  g_ptr_array_add (themes, g_strdup (theme));
  return themes->len - 1;
}

static gboolean
read_items (SamStore             *self,
            gint64                step_id,
            SamChecklistResults  *results,
            GHashTable           *by_id,
            GError              **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "SELECT id, key, theme, text FROM checklist_item "
                                           "WHERE step_id = ?1 AND trash IS NULL ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, step_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamChecklistItemResult *item = g_new0 (SamChecklistItemResult, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->key = _sam_store_dup_column (stmt, 1);
      item->theme = _sam_store_dup_column (stmt, 2);
      item->text = _sam_store_dup_column (stmt, 3);
      item->theme_index = theme_index (results->themes, item->theme);
      item->mean = NAN;
      item->spread = NAN;
      g_ptr_array_add (results->items, item);
      g_hash_table_insert (by_id, &item->id, item);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static void
finish_means (double      *means,
              const Tally *tally,
              guint        n)
{
  for (guint i = 0; i < n; i++)
    means[i] = tally->counts[i] > 0 ? tally->sums[i] / tally->counts[i] : NAN;
}

static SamChecklistTeamResult *
team_of (GPtrArray     *teams,
         GHashTable    *tallies,
         sqlite3_stmt  *stmt,
         guint          n_themes)
{
  gint64 team_id = sqlite3_column_int64 (stmt, 1);
  SamChecklistTeamResult *team;

  for (guint i = 0; i < teams->len; i++)
    if (((SamChecklistTeamResult *) teams->pdata[i])->team_id == team_id)
      return teams->pdata[i];

  team = g_new0 (SamChecklistTeamResult, 1);
  team->team_id = team_id;
  team->name = _sam_store_dup_column (stmt, 4);
  team->colour = sqlite3_column_int (stmt, 5);
  team->theme_means = g_new0 (double, n_themes);
  g_ptr_array_add (teams, team);
  g_hash_table_insert (tallies, team, NULL);
  return team;
}

static void
tally_free (gpointer data)
{
  Tally *tally = data;

  if (tally == NULL)
    return;
  g_free (tally->sums);
  g_free (tally->counts);
  g_free (tally);
}

static Tally *
tally_new (guint n)
{
  Tally *tally = g_new0 (Tally, 1);

  tally->sums = g_new0 (double, n);
  tally->counts = g_new0 (guint, n);
  return tally;
}

static void
add_score (Tally *tally,
           guint  index,
           int    score)
{
  tally->sums[index] += score;
  tally->counts[index]++;
}

/* Reads every live answer of live teams; fills the counts of the items and
 * the theme tallies (all answers in @all, per team in @tallies). */
static gboolean
read_scores (SamStore             *self,
             gint64                step_id,
             SamChecklistResults  *results,
             GHashTable           *by_id,
             Tally                *all,
             GHashTable           *tallies,
             GError              **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "SELECT s.item_id, s.team_id, s.person, s.score, t.name, t.colour "
                                           "FROM checklist_score s "
                                           "JOIN checklist_item i ON i.id = s.item_id AND i.trash IS NULL "
                                           "JOIN team t ON t.id = s.team_id AND t.trash IS NULL "
                                           "WHERE i.step_id = ?1 AND s.trash IS NULL "
                                           "ORDER BY t.position, t.id", error);
  guint n_themes = results->themes->len;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, step_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item_id = sqlite3_column_int64 (stmt, 0);
      SamChecklistItemResult *item = g_hash_table_lookup (by_id, &item_id);
      SamChecklistTeamResult *team = team_of (results->teams, tallies, stmt, n_themes);
      guint person = sqlite3_column_int (stmt, 2);
      int score = CLAMP (sqlite3_column_int (stmt, 3), 0, 5);
      Tally *tally;

      if (item == NULL)
        continue;

      item->counts[score]++;
      results->n_answers++;
      team->n_people = MAX (team->n_people, person);
      if (score == 0)
        continue;

      tally = g_hash_table_lookup (tallies, team);
      if (tally == NULL)
        {
          tally = tally_new (n_themes);
          g_hash_table_insert (tallies, team, tally);
        }
      add_score (tally, item->theme_index, score);
      add_score (all, item->theme_index, score);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static void
item_statistics (SamChecklistItemResult *item)
{
  guint n = 0;
  double sum = 0, squares = 0;

  for (guint s = 1; s <= 5; s++)
    {
      n += item->counts[s];
      sum += (double) s * item->counts[s];
    }

  if (n == 0)
    return;

  item->mean = sum / n;
  for (guint s = 1; s <= 5; s++)
    squares += item->counts[s] * (s - item->mean) * (s - item->mean);
  if (n >= 2)
    item->spread = sqrt (squares / n);
}

/**
 * sam_store_get_checklist_results:
 * @self: a #SamStore
 * @step_id: a checklist step, of any workshop
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the step's statements with the
 *   spread of their answers, and the mean per theme of every team that
 *   answered and of everyone together
 */
SamChecklistResults *
sam_store_get_checklist_results (SamStore  *self,
                                 gint64     step_id,
                                 GError   **error)
{
  g_autoptr(SamChecklistResults) results = g_new0 (SamChecklistResults, 1);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (NULL, NULL, NULL, tally_free);
  Tally *all = NULL;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  results->themes = g_ptr_array_new_with_free_func (g_free);
  results->items = g_ptr_array_new_with_free_func (item_result_free);
  results->teams = g_ptr_array_new_with_free_func (team_result_free);

  if (!read_items (self, step_id, results, by_id, error))
    return NULL;

  all = tally_new (results->themes->len);
  ok = read_scores (self, step_id, results, by_id, all, tallies, error);
  if (ok)
    {
      results->theme_means = g_new0 (double, results->themes->len);
      finish_means (results->theme_means, all, results->themes->len);
      for (guint i = 0; i < results->teams->len; i++)
        {
          SamChecklistTeamResult *team = results->teams->pdata[i];
          Tally *tally = g_hash_table_lookup (tallies, team);

          for (guint t = 0; t < results->themes->len; t++)
            team->theme_means[t] = tally && tally->counts[t] ? tally->sums[t] / tally->counts[t] : NAN;
        }
      for (guint i = 0; i < results->items->len; i++)
        item_statistics (results->items->pdata[i]);
    }
  tally_free (all);

  return ok ? g_steal_pointer (&results) : NULL;
}

/**
 * sam_checklist_results_align:
 * @results: results of now
 * @before: results of an earlier workshop
 *
 * Returns: (transfer full): @before's mean of all answers for each theme
 *   of @results, matched by name; NAN where @before lacks the theme
 */
double *
sam_checklist_results_align (const SamChecklistResults *results,
                             const SamChecklistResults *before)
{
  double *means = g_new (double, MAX (results->themes->len, 1));

  for (guint i = 0; i < results->themes->len; i++)
    {
      means[i] = NAN;
      for (guint j = 0; j < before->themes->len; j++)
        if (g_strcmp0 (results->themes->pdata[i], before->themes->pdata[j]) == 0)
          means[i] = before->theme_means[j];
    }

  return means;
}

static int
compare_moves (gconstpointer a,
               gconstpointer b)
{
  const SamChecklistMove *x = a, *y = b;
  double dx = fabs (x->after - x->before), dy = fabs (y->after - y->before);

  return dx < dy ? 1 : dx > dy ? -1 : 0;
}

/**
 * sam_checklist_results_moves:
 * @results: results of now
 * @before: results of an earlier workshop
 * @max_moves: the most statements to return
 *
 * Statements are matched by key (the same statement, even when its words
 * were edited since); both need a mean.
 *
 * Returns: (transfer full) (element-type SamChecklistMove): the statements
 *   whose mean moved most, largest move first; the texts belong to @results
 */
GArray *
sam_checklist_results_moves (const SamChecklistResults *results,
                             const SamChecklistResults *before,
                             guint                      max_moves)
{
  GArray *moves = g_array_new (FALSE, FALSE, sizeof (SamChecklistMove));

  for (guint i = 0; i < results->items->len; i++)
    {
      const SamChecklistItemResult *now = results->items->pdata[i];

      for (guint j = 0; j < before->items->len; j++)
        {
          const SamChecklistItemResult *then = before->items->pdata[j];
          SamChecklistMove move = { now->text, then->mean, now->mean };

          if (g_strcmp0 (now->key, then->key) != 0 || isnan (now->mean) || isnan (then->mean))
            continue;
          if (fabs (now->mean - then->mean) >= 0.05)
            g_array_append_val (moves, move);
          break;
        }
    }

  g_array_sort (moves, compare_moves);
  if (moves->len > max_moves)
    g_array_set_size (moves, max_moves);
  return moves;
}
