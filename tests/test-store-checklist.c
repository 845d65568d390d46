/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-checklist-results.h"
#include "sam-sample-workshop.h"
#include "sam-store.h"
#include "sam-store-agenda.h"
#include "sam-store-checklist.h"
#include "sam-store-decide.h"
#include "sam-workshop-file.h"

/* Team and leadership checklists in the store: the built-in lists, the
 * coach's own statements, answers per team and per anonymous person, the
 * results, Undo, a follow-up compared with the earlier workshop, and the
 * statements and answers in a workshop file. */

typedef struct
{
  SamStore *store;
  SamWorkshop *workshop;
  SamTeam *sales;
  SamTeam *it;
  SamStep *step;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = sam_sample_open_two_teams (NULL, "Checklists", &f->workshop, &f->sales, &f->it);
  f->step = sam_store_add_step (f->store, f->workshop, -1, "checklist", "How we work", 20, "", "", &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->step);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static SamChecklistItem *
item_at (SamStore *store,
         SamStep  *step,
         guint     i)
{
  g_autoptr(SamChecklistItem) item = g_list_model_get_item (sam_store_get_checklist_items (store, step), i);
  return item;
}

static void
score (Fixture *f,
       guint    i,
       SamTeam *team,
       guint    person,
       int      value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_set_checklist_score (f->store, item_at (f->store, f->step, i), team, person, value, &error));
  g_assert_no_error (error);
}

static void
test_builtin (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamChecklistResults) results = NULL;
  GListModel *items = sam_store_get_checklist_items (f->store, f->step);
  g_autofree char *name = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_null (sam_store_dup_checklist_name (f->step));

  g_assert_true (sam_store_fill_checklist (f->store, f->step, "team", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 15);
  name = sam_store_dup_checklist_name (f->step);
  g_assert_cmpstr (name, ==, "team");
  g_assert_cmpstr (sam_checklist_item_get_key (item_at (f->store, f->step, 0)), ==, "team-goals-1");

  results = sam_store_get_checklist_results (f->store, sam_step_get_id (f->step), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->themes->len, ==, 5);
  g_assert_cmpuint (results->items->len, ==, 15);
  g_assert_cmpuint (results->n_answers, ==, 0);

  /* A list is chosen once. */
  g_assert_false (sam_store_fill_checklist (f->store, f->step, "leadership", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 15);
}

static void
test_leadership (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamChecklistResults) results = NULL;
  guint n;

  sam_checklist_get_builtins (&n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (sam_store_fill_checklist (f->store, f->step, "leadership", &error));
  results = sam_store_get_checklist_results (f->store, sam_step_get_id (f->step), &error);
  g_assert_cmpuint (results->themes->len, ==, 5);
  g_assert_cmpuint (results->items->len, ==, 15);
  g_assert_cmpstr (results->themes->pdata[0], ==, "Direction");
}

static void
test_scores (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamChecklistResults) results = NULL;
  g_autoptr(GHashTable) answers = NULL;
  const SamChecklistItemResult *first;
  const SamChecklistTeamResult *sales, *it;
  gint64 id;

  g_assert_true (sam_store_fill_checklist (f->store, f->step, "team", &error));

  /* Sales answers together; IT's people one by one on its laptop. */
  score (f, 0, f->sales, 0, 4);
  score (f, 1, f->sales, 0, 2);
  score (f, 2, f->sales, 0, SAM_CHECKLIST_DONT_KNOW);
  g_assert_cmpuint (sam_store_next_checklist_person (f->store, f->step, f->it), ==, 1);
  score (f, 0, f->it, 1, 1);
  score (f, 0, f->it, 2, 5);
  score (f, 3, f->it, 2, 3);
  g_assert_cmpuint (sam_store_next_checklist_person (f->store, f->step, f->it), ==, 3);
  g_assert_cmpuint (sam_store_next_checklist_person (f->store, f->step, f->sales), ==, 1);

  /* A new answer replaces the old; a taken-back one is gone. */
  score (f, 1, f->sales, 0, 3);
  score (f, 3, f->it, 2, SAM_CHECKLIST_NO_ANSWER);

  answers = sam_store_get_checklist_answers (f->store, f->step, sam_team_get_id (f->it), 2);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 1);
  id = sam_checklist_item_get_id (item_at (f->store, f->step, 0));
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (answers, &id)) - 1, ==, 5);

  g_assert_false (sam_store_set_checklist_score (f->store, item_at (f->store, f->step, 0), f->it, 1, 6, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  results = sam_store_get_checklist_results (f->store, sam_step_get_id (f->step), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->n_answers, ==, 5);
  first = results->items->pdata[0];
  g_assert_cmpuint (first->counts[1], ==, 1);
  g_assert_cmpuint (first->counts[4], ==, 1);
  g_assert_cmpuint (first->counts[5], ==, 1);
  g_assert_cmpfloat_with_epsilon (first->mean, 10.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->spread, sqrt (((1 - 10.0 / 3) * (1 - 10.0 / 3) + (4 - 10.0 / 3) * (4 - 10.0 / 3)
                                                        + (5 - 10.0 / 3) * (5 - 10.0 / 3)) / 3), 1e-9);
  /* "Don't know" is counted, never averaged. */
  g_assert_cmpuint (((SamChecklistItemResult *) results->items->pdata[2])->counts[0], ==, 1);
  g_assert_true (isnan (((SamChecklistItemResult *) results->items->pdata[2])->mean));

  g_assert_cmpuint (results->teams->len, ==, 2);
  sales = results->teams->pdata[0];
  it = results->teams->pdata[1];
  g_assert_cmpstr (sales->name, ==, "Sales");
  g_assert_cmpuint (sales->n_people, ==, 0);
  g_assert_cmpuint (it->n_people, ==, 2);
  /* Goals and roles: Sales 4 and 3; IT 1 and 5. */
  g_assert_cmpfloat_with_epsilon (sales->theme_means[0], 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (it->theme_means[0], 3.0, 1e-9);
  g_assert_true (isnan (it->theme_means[1]));
  g_assert_cmpfloat_with_epsilon (results->theme_means[0], 13.0 / 4, 1e-9);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *items = sam_store_get_checklist_items (f->store, f->step);
  gint64 batch = 0;

  g_assert_true (sam_store_fill_checklist (f->store, f->step, "team", &error));
  score (f, 0, f->sales, 0, 4);
  score (f, 0, f->it, 0, 2);

  /* A statement takes its answers to the trash, and back. */
  g_assert_true (sam_store_trash_checklist_item (f->store, item_at (f->store, f->step, 0), &batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 14);
  {
    g_autoptr(SamChecklistResults) results = sam_store_get_checklist_results (f->store, sam_step_get_id (f->step), NULL);
    g_assert_cmpuint (results->n_answers, ==, 0);
  }
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 15);
  {
    g_autoptr(SamChecklistResults) results = sam_store_get_checklist_results (f->store, sam_step_get_id (f->step), NULL);
    g_assert_cmpuint (results->n_answers, ==, 2);
  }

  /* A team takes its answers along, and the coach is told first. */
  g_assert_cmpuint (sam_store_count_team_content (f->store, f->it), ==, 1);
  g_assert_true (sam_store_trash_team (f->store, f->it, &batch, &error));
  {
    g_autoptr(SamChecklistResults) results = sam_store_get_checklist_results (f->store, sam_step_get_id (f->step), NULL);
    g_assert_cmpuint (results->n_answers, ==, 1);
    g_assert_cmpuint (results->teams->len, ==, 1);
  }
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  {
    g_autoptr(SamChecklistResults) results = sam_store_get_checklist_results (f->store, sam_step_get_id (f->step), NULL);
    g_assert_cmpuint (results->n_answers, ==, 2);
  }
}

static void
test_own (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  SamChecklistItem *item;

  item = sam_store_add_checklist_item (f->store, f->step, "  Planning ", "We plan the week together.", &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_cmpstr (sam_checklist_item_get_theme (item), ==, "Planning");
  name = sam_store_dup_checklist_name (f->step);
  g_assert_true (g_str_has_prefix (name, SAM_CHECKLIST_OWN_PREFIX));
  /* An own statement is known by its first uuid. */
  g_assert_cmpstr (sam_checklist_item_get_key (item), ==, sam_checklist_item_get_uuid (item));

  g_assert_null (sam_store_add_checklist_item (f->store, f->step, "Planning", "   ", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sam_store_add_checklist_item (f->store, f->step, "", "Something", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sam_store_set_checklist_item_text (f->store, item, "We plan the week together, on Monday.", &error));
  g_assert_cmpstr (sam_checklist_item_get_text (item), ==, "We plan the week together, on Monday.");
  g_assert_true (sam_store_set_checklist_item_theme (f->store, item, "Weekly rhythm", &error));
  g_assert_cmpstr (sam_checklist_item_get_theme (item), ==, "Weekly rhythm");
  g_assert_nonnull (sam_store_add_checklist_item (f->store, f->step, "Weekly rhythm", "Monday starts on time.", &error));
  g_assert_true (sam_store_rename_checklist_theme (f->store, f->step, "Weekly rhythm", " The week ", &error));
  g_assert_cmpstr (sam_checklist_item_get_theme (item), ==, "The week");
  g_assert_cmpstr (sam_checklist_item_get_theme (item_at (f->store, f->step, 1)), ==, "The week");
  g_assert_false (sam_store_rename_checklist_theme (f->store, f->step, "The week", "  ", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_set_checklist_item_text (f->store, item, "", &error));
  g_assert_cmpstr (sam_checklist_item_get_text (item), ==, "We plan the week together, on Monday.");
}

static void
test_follow_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamChecklistResults) before = NULL;
  g_autoptr(SamChecklistResults) now = NULL;
  g_autoptr(GArray) moves = NULL;
  g_autofree double *aligned = NULL;
  SamWorkshop *later;
  SamStep *step;
  SamTeam *sales;

  g_assert_true (sam_store_fill_checklist (f->store, f->step, "team", &error));
  score (f, 0, f->sales, 0, 2);
  score (f, 1, f->sales, 0, 3);
  score (f, 4, f->sales, 0, 4);

  later = sam_decide_create_follow_up (f->store, f->workshop, &error);
  g_assert_no_error (error);
  step = sam_store_add_step (f->store, later, -1, "checklist", "How we work now", 20, "", "", &error);
  g_assert_nonnull (step);
  g_assert_cmpint (sam_store_find_earlier_checklist (f->store, step, FALSE), ==, sam_step_get_id (f->step));
  g_assert_cmpint (sam_store_find_earlier_checklist (f->store, step, TRUE), ==, 0);

  g_assert_true (sam_store_copy_checklist (f->store, step, sam_store_find_earlier_checklist (f->store, step, FALSE), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_find_earlier_checklist (f->store, step, TRUE), ==, sam_step_get_id (f->step));
  g_assert_cmpstr (sam_checklist_item_get_key (item_at (f->store, step, 1)), ==, "team-goals-2");
  /* The earlier workshop keeps its own statements. */
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_checklist_items (f->store, f->step)), ==, 15);

  {
    g_autoptr(SamTeam) first = g_list_model_get_item (sam_store_get_teams (f->store, later), 0);
    sales = first;
  }
  g_assert_cmpstr (sam_team_get_name (sales), ==, "Sales");
  /* Edited words stay the same statement. */
  g_assert_true (sam_store_set_checklist_item_text (f->store, item_at (f->store, step, 0), "We know our goal.", &error));
  g_assert_true (sam_store_set_checklist_score (f->store, item_at (f->store, step, 0), sales, 0, 5, &error));
  g_assert_true (sam_store_set_checklist_score (f->store, item_at (f->store, step, 1), sales, 0, 3, &error));
  g_assert_true (sam_store_set_checklist_score (f->store, item_at (f->store, step, 4), sales, 0, 5, &error));

  before = sam_store_get_checklist_results (f->store, sam_step_get_id (f->step), &error);
  now = sam_store_get_checklist_results (f->store, sam_step_get_id (step), &error);
  moves = sam_checklist_results_moves (now, before, 5);
  g_assert_cmpuint (moves->len, ==, 2);
  g_assert_cmpstr (g_array_index (moves, SamChecklistMove, 0).text, ==, "We know our goal.");
  g_assert_cmpfloat (g_array_index (moves, SamChecklistMove, 0).before, ==, 2);
  g_assert_cmpfloat (g_array_index (moves, SamChecklistMove, 0).after, ==, 5);
  g_assert_cmpfloat (g_array_index (moves, SamChecklistMove, 1).after, ==, 5);

  aligned = sam_checklist_results_align (now, before);
  g_assert_cmpfloat_with_epsilon (aligned[0], 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (aligned[1], 4.0, 1e-9);
  g_assert_true (isnan (aligned[2]));
}

static void
test_file (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(SamWorkshopFile) again = NULL;
  g_autoptr(SamStore) other = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamChecklistResults) results = NULL;
  g_autofree char *name = NULL;
  SamWorkshop *copy;
  SamStep *step;

  g_assert_true (sam_store_fill_checklist (f->store, f->step, "leadership", &error));
  g_assert_nonnull (sam_store_add_checklist_item (f->store, f->step, "Own theme", "An own statement", &error));
  score (f, 0, f->sales, 0, 4);
  score (f, 15, f->it, 3, SAM_CHECKLIST_DONT_KNOW);

  file = sam_workshop_file_new_from_store (f->store, f->workshop, SAM_FILE_KIND_WORKSHOP, NULL, &error);
  g_assert_no_error (error);
  bytes = sam_workshop_file_to_bytes (file);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "checklist_item"));
  again = sam_workshop_file_load_bytes (bytes, "checklists.samenspel", &error);
  g_assert_no_error (error);

  other = sam_store_open_in_memory (&error);
  copy = sam_workshop_file_import (again, other, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  step = g_list_model_get_item (sam_store_get_steps (other, copy), 0);
  g_object_unref (step);
  name = sam_store_dup_checklist_name (step);
  g_assert_cmpstr (name, ==, "leadership");
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_checklist_items (other, step)), ==, 16);
  g_assert_cmpstr (sam_checklist_item_get_text (item_at (other, step, 15)), ==, "An own statement");

  results = sam_store_get_checklist_results (other, sam_step_get_id (step), &error);
  g_assert_cmpuint (results->n_answers, ==, 2);
  g_assert_cmpuint (((SamChecklistItemResult *) results->items->pdata[0])->counts[4], ==, 1);
  g_assert_cmpuint (((SamChecklistItemResult *) results->items->pdata[15])->counts[0], ==, 1);
}

static SamWorkshopFile *
reread (SamWorkshopFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sam_workshop_file_to_bytes (file);
  SamWorkshopFile *again = sam_workshop_file_load_bytes (bytes, "sales.samenspel", &error);

  g_assert_no_error (error);
  return again;
}

/* Sales answers on its own laptop: the packet carries the statements and
 * only Sales' answers; merging the contribution brings the new answers to
 * the coach, and merging it again adds nothing twice. */
static void
test_packet (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) laptop = sam_store_open_in_memory (&error);
  g_autoptr(SamWorkshopFile) packet = NULL;
  g_autoptr(SamWorkshopFile) back = NULL;
  g_autoptr(SamChecklistResults) results = NULL;
  g_autoptr(GHashTable) answers = NULL;
  SamWorkshop *there;
  SamStep *step;
  SamTeam *sales;

  g_assert_true (sam_store_fill_checklist (f->store, f->step, "team", &error));
  score (f, 0, f->it, 0, 1);
  score (f, 0, f->sales, 0, 2);
  {
    g_autoptr(GHashTable) before = sam_store_get_checklist_answers (f->store, f->step, sam_team_get_id (f->sales), 0);
    g_assert_cmpuint (g_hash_table_size (before), ==, 1);
  }
  /* A changed answer is the same row. */
  score (f, 0, f->sales, 0, 3);

  {
    g_autoptr(SamWorkshopFile) file = sam_workshop_file_new_from_store (f->store, f->workshop, SAM_FILE_KIND_TEAM_PACKET,
                                                                        sam_team_get_uuid (f->sales), &error);
    g_assert_no_error (error);
    packet = reread (file);
  }
  there = sam_workshop_file_import (packet, laptop, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SamStep) first = g_list_model_get_item (sam_store_get_steps (laptop, there), 0);
    g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (laptop, there), 0);
    step = first;
    sales = team;
  }
  g_assert_cmpstr (sam_team_get_uuid (sales), ==, sam_team_get_uuid (f->sales));
  results = sam_store_get_checklist_results (laptop, sam_step_get_id (step), &error);
  /* IT's answer stays behind. */
  g_assert_cmpuint (results->n_answers, ==, 1);
  g_assert_cmpuint (((SamChecklistItemResult *) results->items->pdata[0])->counts[3], ==, 1);

  /* Two people of Sales answer on the laptop. */
  for (guint person = 1; person <= 2; person++)
    {
      g_autoptr(SamChecklistItem) item = g_list_model_get_item (sam_store_get_checklist_items (laptop, step), 1);
      g_assert_true (sam_store_set_checklist_score (laptop, item, sales, person, 4 + person % 2, &error));
    }

  {
    g_autoptr(SamWorkshopFile) file = sam_workshop_file_new_contribution (laptop, there, &error);
    g_assert_no_error (error);
    back = reread (file);
  }
  g_assert_true (sam_workshop_file_merge (back, f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sam_workshop_file_merge (back, f->store, &error));
  g_assert_no_error (error);
  answers = sam_store_get_checklist_answers (f->store, f->step, sam_team_get_id (f->sales), 2);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 1);
  {
    g_autoptr(SamChecklistResults) merged = sam_store_get_checklist_results (f->store, sam_step_get_id (f->step), NULL);
    g_assert_cmpuint (merged->n_answers, ==, 4);
  }
}

/* A file whose score is out of range, or a number written as text, is
 * refused as a whole: the schema's CHECKs hold for whatever writes a row. */
static void
test_file_bad_score (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *pattern; const char *replacement; } bad[] = {
    { "\"score\"\\s*:\\s*4", "\"score\": 9" },
    { "\"score\"\\s*:\\s*4", "\"score\": \"4\"" },
    { "\"person\"\\s*:\\s*0", "\"person\": -1" },
    { "\"theme\"\\s*:\\s*\"[^\"]*\"", "\"theme\": 12" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  g_assert_true (sam_store_fill_checklist (f->store, f->step, "team", &error));
  score (f, 0, f->sales, 0, 4);
  file = sam_workshop_file_new_from_store (f->store, f->workshop, SAM_FILE_KIND_WORKSHOP, NULL, &error);
  bytes = sam_workshop_file_to_bytes (file);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(SamStore) other = sam_store_open_in_memory (NULL);
      g_autoptr(GRegex) regex = g_regex_new (bad[i].pattern, 0, 0, NULL);
      g_autofree char *broken = g_regex_replace_literal (regex, text, -1, 0, bad[i].replacement, 0, NULL);
      g_autoptr(GBytes) broken_bytes = g_bytes_new (broken, strlen (broken));
      g_autoptr(SamWorkshopFile) loaded = NULL;

      g_assert_cmpstr (broken, !=, text);
      loaded = sam_workshop_file_load_bytes (broken_bytes, "bad.samenspel", &local);
      if (loaded != NULL)
        g_assert_null (sam_workshop_file_import (loaded, other, &local));
      g_assert_nonnull (local);
      g_test_message ("%s", local->message);
      g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (other)), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sam/store/checklist/builtin", Fixture, NULL, fixture_set_up, test_builtin, fixture_tear_down);
  g_test_add ("/sam/store/checklist/leadership", Fixture, NULL, fixture_set_up, test_leadership, fixture_tear_down);
  g_test_add ("/sam/store/checklist/scores", Fixture, NULL, fixture_set_up, test_scores, fixture_tear_down);
  g_test_add ("/sam/store/checklist/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/sam/store/checklist/own", Fixture, NULL, fixture_set_up, test_own, fixture_tear_down);
  g_test_add ("/sam/store/checklist/follow-up", Fixture, NULL, fixture_set_up, test_follow_up, fixture_tear_down);
  g_test_add ("/sam/store/checklist/file", Fixture, NULL, fixture_set_up, test_file, fixture_tear_down);
  g_test_add ("/sam/store/checklist/packet", Fixture, NULL, fixture_set_up, test_packet, fixture_tear_down);
  g_test_add ("/sam/store/checklist/file-bad-score", Fixture, NULL, fixture_set_up, test_file_bad_score, fixture_tear_down);

  return g_test_run ();
}
