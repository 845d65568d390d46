/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-sample-workshop.h"
#include "sam-store-decide.h"
#include "sam-store-map.h"
#include "sam-store-private.h"

/**
 * sam_sample_open_two_teams:
 * @file_name: (nullable): the database's file name in the user data
 *   folder's "samenspel" folder (the tests' temporary one); %NULL for a
 *   store in memory
 * @workshop_name: the new workshop's name
 * @workshop: (out) (transfer none): the new workshop
 * @sales: (out) (transfer none): its first team, "Sales"
 * @it: (out) (transfer none): its second team, "IT"
 *
 * The start of many store tests: a store with one workshop of two teams.
 * The test fails when the store refuses.
 *
 * Returns: (transfer full): the store
 */
SamStore *
sam_sample_open_two_teams (const char   *file_name,
                           const char   *workshop_name,
                           SamWorkshop **workshop,
                           SamTeam     **sales,
                           SamTeam     **it)
{
  g_autoptr(GError) error = NULL;
  SamStore *store;

  if (file_name != NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "samenspel", file_name, NULL);

      store = sam_store_open (path, &error);
    }
  else
    store = sam_store_open_in_memory (&error);
  g_assert_no_error (error);
  *workshop = sam_store_create_workshop (store, workshop_name, &error);
  g_assert_no_error (error);
  *sales = sam_store_add_team (store, *workshop, "Sales", &error);
  g_assert_no_error (error);
  *it = sam_store_add_team (store, *workshop, "IT", &error);
  g_assert_no_error (error);
  return store;
}

/**
 * sam_sample_team_at:
 * @store: a store
 * @workshop: one of its workshops
 * @i: a position in the workshop's teams
 *
 * Returns: (transfer none): the live team at @i, kept by the store
 */
SamTeam *
sam_sample_team_at (SamStore    *store,
                    SamWorkshop *workshop,
                    guint        i)
{
  g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (store, workshop), i);
  return team;
}

/**
 * sam_sample_step_at:
 * @store: a store
 * @workshop: one of its workshops
 * @i: a position in the workshop's agenda
 *
 * Returns: (transfer none): the live step at @i, kept by the agenda
 */
SamStep *
sam_sample_step_at (SamStore    *store,
                    SamWorkshop *workshop,
                    guint        i)
{
  g_autoptr(SamStep) step = g_list_model_get_item (sam_store_get_steps (store, workshop), i);
  return step;
}

/**
 * sam_sample_find_step:
 * @store: a store
 * @workshop: one of its workshops
 * @kind: a step kind, e.g. "changes"
 *
 * The test fails when the agenda has no step of @kind.
 *
 * Returns: (transfer none): the first live step of @kind
 */
SamStep *
sam_sample_find_step (SamStore    *store,
                      SamWorkshop *workshop,
                      const char  *kind)
{
  GListModel *steps = sam_store_get_steps (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      SamStep *step = sam_sample_step_at (store, workshop, i);

      if (g_strcmp0 (sam_step_get_kind (step), kind) == 0)
        return step;
    }

  g_assert_not_reached ();
}

/**
 * sam_sample_add_step:
 * @store: a store
 * @workshop: one of its workshops
 * @kind: the step kind
 * @title: its title
 * @minutes: its time box
 * @instructions: what the room reads
 * @notes: the coach's notes
 *
 * Adds a step at the end of the agenda; the test fails if it cannot.
 *
 * Returns: (transfer none): the new step
 */
SamStep *
sam_sample_add_step (SamStore    *store,
                     SamWorkshop *workshop,
                     const char  *kind,
                     const char  *title,
                     guint        minutes,
                     const char  *instructions,
                     const char  *notes)
{
  g_autoptr(GError) error = NULL;
  SamStep *result = sam_store_add_step (store, workshop, -1, kind, title, minutes,
                                        instructions, notes, &error);

  g_assert_no_error (error);
  return result;
}

/**
 * sam_sample_add_card:
 * @store: a store
 * @step: one of its steps
 * @init: the card
 *
 * Adds a card to @step; the test fails if it cannot.
 *
 * Returns: (transfer none): the new card
 */
SamCard *
sam_sample_add_card (SamStore          *store,
                     SamStep           *step,
                     const SamCardInit *init)
{
  g_autoptr(GError) error = NULL;
  SamCard *card = sam_store_add_card (store, step, init, &error);

  g_assert_no_error (error);
  return card;
}

/**
 * sam_sample_pdf_text:
 * @path: a PDF file
 *
 * Returns: (transfer full): the text of the PDF, as pdftotext reads it
 */
char *
sam_sample_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static SamCard *
card (SamStore   *store,
      SamStep    *step,
      const char *kind,
      SamTeam    *team,
      SamTeam    *about,
      SamCard    *parent,
      const char *prompt,
      const char *text,
      const char *detail,
      int         value,
      int         response)
{
  SamCardInit init = {
    kind, team ? sam_team_get_id (team) : 0, about ? sam_team_get_id (about) : 0,
    parent ? sam_card_get_id (parent) : 0, prompt, text, detail, value, response
  };

  return sam_sample_add_card (store, step, &init);
}

static void
add_agreement (SamStore   *store,
               SamStep    *step,
               const char *what,
               const char *owner,
               const char *due,
               const char *verification,
               SamTeam    *team_a,
               SamTeam    *team_b,
               SamAgreementStatus status)
{
  g_autoptr(GError) error = NULL;
  SamAgreement *agreement = sam_store_add_agreement (store, step, what, &error);

  g_assert_no_error (error);
  sam_store_set_agreement_text (store, agreement, SAM_AGREEMENT_FIELD_OWNER, owner, &error);
  sam_store_set_agreement_text (store, agreement, SAM_AGREEMENT_FIELD_DUE, due, &error);
  sam_store_set_agreement_text (store, agreement, SAM_AGREEMENT_FIELD_VERIFICATION, verification, &error);
  sam_store_set_agreement_team (store, agreement, sam_team_get_id (team_a), TRUE, &error);
  sam_store_set_agreement_team (store, agreement, sam_team_get_id (team_b), TRUE, &error);
  sam_store_set_agreement_status (store, agreement, status, &error);
  g_assert_no_error (error);
}

/* The deciding exercises and the map (schema versions 4 and 5). */
static void
add_deciding_steps (SamStore    *store,
                    SamWorkshop *workshop,
                    SamTeam     *sales,
                    SamTeam     *office,
                    SamTeam     *it,
                    SamTeam     *compliance)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMapRelationRecord) r1 = NULL;
  g_autoptr(SamMapRelationRecord) r2 = NULL;
  g_autoptr(SamMapRelationRecord) r3 = NULL;
  SamStep *s;
  SamCard *idea, *statement;

  s = sam_sample_add_step (store, workshop, "map", "Our relationship map", 30, "Draw how the teams work together.", "");
  r1 = sam_store_add_map_relation (store, workshop, NULL, sam_team_get_id (sales), sam_team_get_id (office),
                                   2, 2, "Hand-offs get lost", &error);
  r2 = sam_store_add_map_relation (store, workshop, NULL, sam_team_get_id (office), sam_team_get_id (it),
                                   4, 0, "", &error);
  r3 = sam_store_add_map_relation (store, workshop, NULL, sam_team_get_id (sales), 0, 3, 1, "", &error);
  g_assert_no_error (error);

  s = sam_sample_add_step (store, workshop, "brainstorm", "Ideas for the house move", 40, "", "");
  idea = card (store, s, "idea", office, NULL, NULL, NULL, "One form for every move, online", NULL, 0, 0);
  card (store, s, "idea", it, NULL, NULL, NULL, "Read the new address from the city register", NULL, 0, 0);
  card (store, s, "idea", sales, NULL, NULL, NULL, "Call the customer back within a day", NULL, 0, 0);
  sam_store_cast_vote (store, s, sales, idea, &error);
  sam_store_cast_vote (store, s, it, idea, &error);
  g_assert_no_error (error);

  s = sam_sample_add_step (store, workshop, "agreements", "What we agree", 45, "", "");
  add_agreement (store, s, "Back Office joins the Monday sales call", "Marie", "2027-01-15",
                 "Attendance list of the call, checked at the February review", sales, office, SAM_AGREEMENT_AGREED);
  add_agreement (store, s, "One online form replaces the paper move form", "Koen", "2027-03-01",
                 "The paper form is gone from the website", office, it, SAM_AGREEMENT_IN_PROGRESS);
  statement = card (store, s, "achieve", NULL, NULL, NULL, NULL,
                    "A customer who moves tells us once, and everything follows", NULL, 0, 0);
  card (store, s, "verification", NULL, NULL, statement, NULL,
        "No customer has to send the new address twice", NULL, 0, 0);
  statement = card (store, s, "avoid", NULL, NULL, NULL, NULL, "Teams blaming each other in front of customers",
                    NULL, 0, 0);
  card (store, s, "verification", NULL, NULL, statement, NULL, "Complaints no longer name another team", NULL, 0, 0);

  s = sam_sample_add_step (store, workshop, "absent", "Bring the absent colleagues along", 20, "", "");
  {
    SamAbsentPlan *plan = sam_store_add_absent_plan (store, s, compliance, "The two auditors on leave", &error);

    g_assert_no_error (error);
    sam_store_set_absent_plan_text (store, plan, SAM_ABSENT_FIELD_EXPERIENCE,
                                    "They walk the house move with a customer on their first day back", &error);
    sam_store_set_absent_plan_text (store, plan, SAM_ABSENT_FIELD_WHO, "Els", &error);
    sam_store_set_absent_plan_text (store, plan, SAM_ABSENT_FIELD_DUE, "2027-01-31", &error);
    g_assert_no_error (error);
  }
}

SamWorkshop *
sam_sample_workshop_new (SamStore   *store,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop = sam_store_create_workshop (store, name, &error);
  SamTeam *sales, *office, *it, *compliance;
  SamStep *s;
  SamCard *change, *strength, *challenge;

  g_assert_no_error (error);
  sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_ORGANISATION, "Acme Insurance", &error);
  sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_COACH, "An Peeters", &error);
  sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_DATE, "2026-12-01", &error);
  sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_NOTES,
                                "Coach only: the sales manager is leaving in January.", &error);
  g_assert_no_error (error);

  sam_store_add_team (store, workshop, "Sales", &error);
  sam_store_add_team (store, workshop, "Back Office", &error);
  sam_store_add_team (store, workshop, "IT", &error);
  sam_store_add_team (store, workshop, "Compliance", &error);
  g_assert_no_error (error);
  sales = sam_sample_team_at (store, workshop, 0);
  office = sam_sample_team_at (store, workshop, 1);
  it = sam_sample_team_at (store, workshop, 2);
  compliance = sam_sample_team_at (store, workshop, 3);
  sam_store_set_team_people (store, sales, 6, NULL);
  sam_store_set_team_people (store, office, 5, NULL);

  s = sam_sample_add_step (store, workshop, "changes", "What changes around us", 40,
            "List what changes around the organisation, then what it means for your own work.",
            "Coach only: watch the time, Sales talks a lot.");
  change = card (store, s, "change", sales, NULL, NULL, NULL, "Customers compare us online before they call", NULL, 0, 0);
  card (store, s, "impact", sales, NULL, change, NULL, "We must answer the same day", NULL, 0, 0);
  change = card (store, s, "change", compliance, NULL, NULL, NULL, "Stricter privacy law from next year", NULL, 0, 0);
  card (store, s, "impact", compliance, NULL, change, NULL, "Every new form needs our review", NULL, 0, 0);
  card (store, s, "change", it, NULL, NULL, NULL, "The old policy system is switched off in June", NULL, 0, 0);

  s = sam_sample_add_step (store, workshop, "team-perspective", "In the other team's shoes", 45,
            "Write how you see the other team's work.", "");
  card (store, s, "perspective", sales, office, NULL, "goals", "Process every claim within two days",
        "True, but the real goal is zero errors", 0, 2);
  card (store, s, "perspective", sales, office, NULL, "pressure", "Month-end peaks", NULL, 0, 1);
  card (store, s, "perspective", office, it, NULL, "needs", "Clear priorities from the business", NULL, 0, 0);
  card (store, s, "perspective", it, compliance, NULL, "hard", "Rules that change every quarter", NULL, 0, 1);

  s = sam_sample_add_step (store, workshop, "customer-walk", "A house move, step by step", 30,
            "Walk the request as if the customer were your mother.", "");
  card (store, s, "customer-step", NULL, NULL, NULL, NULL, "Customer calls to report the move",
        "We need the new address", 1, 0);
  card (store, s, "customer-step", NULL, NULL, NULL, NULL, "Customer fills in a paper form",
        "Nobody knows why any more", -1, 0);

  s = sam_sample_add_step (store, workshop, "strengths", "Strengths and challenges", 30, "", "");
  strength = card (store, s, "strength", office, office, NULL, NULL, "We know every product by heart", NULL, 0, 0);
  challenge = card (store, s, "challenge", sales, sales, NULL, NULL, "Answering detailed product questions", NULL, 0, 0);
  card (store, s, "strength", it, it, NULL, NULL, "Automation", NULL, 0, 0);
  sam_store_add_card_link (store, s, "potential", strength, challenge,
                           "Back Office joins the Monday sales call", &error);
  g_assert_no_error (error);

  s = sam_sample_add_step (store, workshop, "beliefs", "Us and them", 20, "", "");
  card (store, s, "belief", office, sales, NULL, NULL, "Sales sells things that do not exist yet", NULL, 4, 0);
  card (store, s, "belief", sales, it, NULL, NULL, "IT causes the delay", NULL, 3, 0);
  card (store, s, "belief", it, NULL, NULL, NULL, "The customer only wants it cheap", NULL, 2, 0);

  add_deciding_steps (store, workshop, sales, office, it, compliance);
  return workshop;
}

/* Every row of every table, for "nothing changed" checks. */
char *
sam_sample_dump_database (SamStore *store)
{
  sqlite3 *db = _sam_store_get_db (store);
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;

  sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &tables, NULL);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid",
                                              (const char *) sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (dump, "[%s]\n", (const char *) sqlite3_column_text (tables, 0));
      sqlite3_prepare_v2 (db, sql, -1, &rows, NULL);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (rows, i));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);

  return g_string_free (dump, FALSE);
}
