/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-sample-workshop.h"
#include "sam-store.h"

typedef struct
{
  SamStore *store;
  SamWorkshop *workshop;
  SamTeam *sales;
  SamTeam *it;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = sam_sample_open_two_teams ("agenda.db", "Agenda", &f->workshop, &f->sales, &f->it);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static SamStore *
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (sam_store_get_path (f->store));
  SamStore *store;

  g_clear_object (&f->store);
  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_steps (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_strdup (sam_workshop_get_uuid (f->workshop));
  SamStep *changes, *beliefs, *copy;
  gint64 batch, copy_id;

  changes = sam_store_add_step (f->store, f->workshop, -1, "changes", "What changes around us", 30,
                                "Write one change per card.", "Keep it short", &error);
  beliefs = sam_store_add_step (f->store, f->workshop, -1, "beliefs", "Us and them", 20, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_step_get_position (beliefs), ==, 1);

  /* Insert at the front. */
  sam_store_add_step (f->store, f->workshop, 0, "custom", "Welcome", 10, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_step_get_title (sam_sample_step_at (f->store, f->workshop, 0)), ==, "Welcome");
  g_assert_cmpuint (sam_step_get_position (changes), ==, 1);

  g_assert_true (sam_store_move_step (f->store, beliefs, 0, &error));
  g_assert_true (sam_store_set_step_minutes (f->store, beliefs, 45, &error));
  g_assert_true (sam_store_set_step_field (f->store, beliefs, SAM_STEP_FIELD_NOTES, "Watch the IT team", &error));
  g_assert_true (sam_store_set_step_state (f->store, changes, SAM_STEP_CURRENT, &error));
  g_assert_true (sam_store_set_step_state (f->store, beliefs, SAM_STEP_CURRENT, &error));
  g_assert_cmpuint (sam_step_get_state (changes), ==, SAM_STEP_DONE);
  g_assert_true (sam_store_set_step_timer (f->store, beliefs, 120000, 0, &error));
  g_assert_no_error (error);

  g_assert_false (sam_store_set_step_field (f->store, beliefs, SAM_STEP_FIELD_TITLE, " ", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_set_step_minutes (f->store, beliefs, 5000, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  copy = sam_store_duplicate_step (f->store, changes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_step_get_title (copy), ==, "What changes around us");
  g_assert_cmpuint (sam_step_get_position (copy), ==, sam_step_get_position (changes) + 1);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_steps (f->store, f->workshop)), ==, 4);

  /* The store owns its steps: trashing frees @copy, so keep only its id. */
  copy_id = sam_step_get_id (copy);
  g_assert_true (sam_store_trash_step (f->store, copy, &batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_steps (f->store, f->workshop)), ==, 3);
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_steps (f->store, f->workshop)), ==, 4);
  g_assert_true (sam_store_trash_step (f->store, sam_store_find_step (f->store, f->workshop, copy_id),
                                       NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr(SamStore) store = reopen (f);
    SamWorkshop *workshop = sam_store_find_workshop (store, uuid);
    SamStep *first = sam_sample_step_at (store, workshop, 0);

    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_steps (store, workshop)), ==, 3);
    g_assert_cmpstr (sam_step_get_title (first), ==, "Us and them");
    g_assert_cmpuint (sam_step_get_minutes (first), ==, 45);
    g_assert_cmpstr (sam_step_get_notes (first), ==, "Watch the IT team");
    g_assert_cmpuint (sam_step_get_state (first), ==, SAM_STEP_CURRENT);
    g_assert_cmpint (sam_step_get_timer_remaining (first), ==, 120000);
    g_assert_cmpstr (sam_step_get_instructions (sam_sample_step_at (store, workshop, 2)), ==,
                     "Write one change per card.");
  }
}

static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = NULL;
  SamStep *step = sam_store_add_step (f->store, f->workshop, -1, "changes", "Changes", 30, NULL, NULL, &error);
  SamCard *change, *impact, *other;
  GListModel *cards;
  gint64 batch, impact_id;

  change = sam_store_add_card (f->store, step, &(SamCardInit) {
                                 .kind = "change", .team_id = sam_team_get_id (f->sales),
                                 .text = "  Stricter law on advice  " }, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_card_get_text (change), ==, "Stricter law on advice");
  impact = sam_store_add_card (f->store, step, &(SamCardInit) {
                                 .kind = "impact", .team_id = sam_team_get_id (f->sales),
                                 .parent_id = sam_card_get_id (change),
                                 .text = "More paperwork per customer" }, &error);
  other = sam_store_add_card (f->store, step, &(SamCardInit) {
                                .kind = "change", .team_id = sam_team_get_id (f->it),
                                .text = "Yearly audits" }, &error);
  g_assert_no_error (error);
  cards = sam_store_get_cards (f->store, step);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 3);

  /* Empty cards are never stored. */
  g_assert_null (sam_store_add_card (f->store, step, &(SamCardInit) { .kind = "change", .text = " \n " }, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_set_card_text (f->store, other, SAM_CARD_FIELD_TEXT, "", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 3);

  /* Long text is fine; absurdly long text is refused. */
  long_text = g_strnfill (12000, 'x');
  g_assert_true (sam_store_set_card_text (f->store, other, SAM_CARD_FIELD_DETAIL, long_text, &error));
  g_assert_no_error (error);
  {
    g_autofree char *huge = g_strnfill (SAM_CARD_MAX_TEXT + 1, 'y');

    g_assert_false (sam_store_set_card_text (f->store, other, SAM_CARD_FIELD_TEXT, huge, &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_true (sam_store_set_card_int (f->store, other, SAM_CARD_FIELD_VALUE, 4, &error));
  g_assert_true (sam_store_set_card_int (f->store, other, SAM_CARD_FIELD_ABOUT_TEAM, sam_team_get_id (f->sales), &error));
  g_assert_true (sam_store_move_card (f->store, other, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sam_card_get_position (other), ==, 0);
  g_assert_cmpint (sam_card_get_value (other), ==, 4);

  /* Deleting a change takes its impacts along, and Undo brings both. */
  impact_id = sam_card_get_id (impact);
  g_assert_true (sam_store_trash_card (f->store, change, &batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 3);
  g_assert_nonnull (sam_store_find_card (f->store, step, impact_id));
}

static void
test_team_cascade (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamStep *step = sam_store_add_step (f->store, f->workshop, -1, "team-perspective", "Shoes", 30, NULL, NULL, &error);
  GListModel *cards = sam_store_get_cards (f->store, step);
  gint64 batch;

  sam_store_add_card (f->store, step, &(SamCardInit) { .kind = "perspective", .team_id = sam_team_get_id (f->sales),
                                                       .about_team_id = sam_team_get_id (f->it), .text = "They are always busy" }, &error);
  sam_store_add_card (f->store, step, &(SamCardInit) { .kind = "perspective", .team_id = sam_team_get_id (f->it),
                                                       .about_team_id = sam_team_get_id (f->sales), .text = "They promise too much" }, &error);
  sam_store_add_card (f->store, step, &(SamCardInit) { .kind = "note", .text = "Unrelated" }, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (sam_store_count_team_content (f->store, f->it), ==, 2);
  g_assert_true (sam_store_trash_team (f->store, f->it, &batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);

  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (f->store, f->workshop)), ==, 2);
}

static void
test_card_links (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamStep *step = sam_store_add_step (f->store, f->workshop, -1, "strengths", "Strengths", 30, NULL, NULL, &error);
  SamCard *strength = sam_store_add_card (f->store, step, &(SamCardInit) {
                                            .kind = "strength", .about_team_id = sam_team_get_id (f->it),
                                            .team_id = sam_team_get_id (f->it), .text = "Automates reports" }, &error);
  SamCard *challenge = sam_store_add_card (f->store, step, &(SamCardInit) {
                                             .kind = "challenge", .about_team_id = sam_team_get_id (f->sales),
                                             .team_id = sam_team_get_id (f->sales), .text = "Month-end figures take days" }, &error);
  GListModel *links;
  gint64 batch;

  /* The first link is made before anyone looked at the list: it must be
   * there once, not twice. */
  g_assert_no_error (error);
  g_assert_nonnull (sam_store_add_card_link (f->store, step, "potential", strength, challenge, "A shared dashboard", &error));
  g_assert_no_error (error);
  links = sam_store_get_card_links (f->store, step);
  g_assert_null (sam_store_add_card_link (f->store, step, "potential", strength, strength, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);

  /* A removed card hides its links; Undo shows them again. */
  g_assert_true (sam_store_trash_card (f->store, challenge, &batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 0);
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
}

/* A template's agenda goes in at once: every step, in order after the
 * workshop's own, kept after reopening; one refused step and none is
 * added. */
static void
test_add_steps (Fixture       *f,
                gconstpointer  data)
{
  const SamNewStep steps[] = {
    { "custom", "Welkom", 20, "Wie is er?", NULL },
    { "changes", "Veranderingen", 40, "Wat verandert er?", "Let op de tijd." },
    { "brainstorm", "Brainstorm", 45, "", NULL },
  };
  const SamNewStep refused[] = {
    { "custom", "Pauze", 15, "", NULL },
    { "custom", "", 10, "", NULL },  /* a step needs a title */
  };
  g_autoptr(GError) error = NULL;
  SamStep *own = sam_store_add_step (f->store, f->workshop, -1, "custom", "Eigen stap", 5, "", NULL, &error);
  g_autoptr(SamStore) store = NULL;
  g_autofree char *uuid = NULL;
  GListModel *list;

  g_assert_no_error (error);
  g_assert_nonnull (own);
  g_assert_true (sam_store_add_steps (f->store, f->workshop, steps, G_N_ELEMENTS (steps), &error));
  g_assert_no_error (error);
  list = sam_store_get_steps (f->store, f->workshop);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (list, i + 1);

      g_assert_cmpstr (sam_step_get_title (step), ==, steps[i].title);
      g_assert_cmpstr (sam_step_get_kind (step), ==, steps[i].kind);
    }

  g_assert_false (sam_store_add_steps (f->store, f->workshop, refused, G_N_ELEMENTS (refused), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  uuid = g_strdup (sam_workshop_get_uuid (f->workshop));
  store = reopen (f);
  list = sam_store_get_steps (store, sam_store_find_workshop (store, uuid));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  {
    g_autoptr(SamStep) last = g_list_model_get_item (list, 3);

    g_assert_cmpstr (sam_step_get_title (last), ==, "Brainstorm");
    g_assert_cmpint (sam_step_get_position (last), ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sam/store/agenda/steps", Fixture, NULL, fixture_set_up, test_steps, fixture_tear_down);
  g_test_add ("/sam/store/agenda/add-steps", Fixture, NULL, fixture_set_up, test_add_steps, fixture_tear_down);
  g_test_add ("/sam/store/cards/edit", Fixture, NULL, fixture_set_up, test_cards, fixture_tear_down);
  g_test_add ("/sam/store/cards/links", Fixture, NULL, fixture_set_up, test_card_links, fixture_tear_down);
  g_test_add ("/sam/store/cards/team-cascade", Fixture, NULL, fixture_set_up, test_team_cascade, fixture_tear_down);

  return g_test_run ();
}
