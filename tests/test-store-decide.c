/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-sample-workshop.h"
#include "sam-store.h"
#include "sam-store-decide.h"

/* The deciding exercises in the store: dot votes that never exceed the
 * budget, clusters, agreements and their follow-up review, plans for the
 * absent colleagues. */

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

  f->store = sam_sample_open_two_teams ("decide.db", "Deciding", &f->workshop, &f->sales, &f->it);
  f->step = sam_store_add_step (f->store, f->workshop, -1, data ? data : "brainstorm", "Ideas", 30, "", "", &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->step);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static SamCard *
add_idea (Fixture    *f,
          SamTeam    *team,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  SamCardInit init = { .kind = "idea", .team_id = sam_team_get_id (team), .text = text };
  SamCard *card = sam_store_add_card (f->store, f->step, &init, &error);

  g_assert_no_error (error);
  return card;
}

static void
cast (Fixture *f,
      SamTeam *team,
      SamCard *idea)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_cast_vote (f->store, f->step, team, idea, &error));
  g_assert_no_error (error);
}

static guint
total_votes (Fixture *f)
{
  g_autoptr(GArray) ranking = sam_store_rank_ideas (f->store, f->step);
  guint total = 0;

  for (guint i = 0; i < ranking->len; i++)
    total += g_array_index (ranking, SamIdeaScore, i).votes;

  return total;
}

static void
test_budget (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamCard *inbox = add_idea (f, f->sales, "One shared inbox");
  SamCard *call = add_idea (f, f->it, "Call the customer back the same day");
  g_autoptr(GArray) ranking = NULL;

  g_assert_cmpuint (sam_store_get_vote_budget (f->store, f->step), ==, SAM_DECIDE_DEFAULT_BUDGET);
  cast (f, f->sales, inbox);
  cast (f, f->sales, inbox);
  cast (f, f->sales, call);
  g_assert_cmpuint (sam_store_count_team_votes (f->store, f->step, f->sales), ==, 3);

  /* The fourth dot is refused, with the reason. */
  g_assert_false (sam_store_cast_vote (f->store, f->step, f->sales, call, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Sales"));
  g_clear_error (&error);
  g_assert_cmpuint (sam_store_count_team_votes (f->store, f->step, f->sales), ==, 3);

  /* Taking one back frees it; a team without a dot there cannot. */
  g_assert_true (sam_store_take_back_vote (f->store, f->step, f->sales, inbox, &error));
  g_assert_cmpuint (sam_store_count_idea_votes (f->store, f->step, inbox, NULL), ==, 1);
  g_assert_false (sam_store_take_back_vote (f->store, f->step, f->it, inbox, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  cast (f, f->sales, call);

  /* The budget cannot drop below what a team cast; it can rise. */
  g_assert_false (sam_store_set_vote_budget (f->store, f->step, 2, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_set_vote_budget (f->store, f->step, 0, &error));
  g_clear_error (&error);
  g_assert_true (sam_store_set_vote_budget (f->store, f->step, 5, &error));
  g_assert_cmpuint (sam_store_get_vote_budget (f->store, f->step), ==, 5);
  cast (f, f->it, inbox);

  /* The ranking: most dots first, ties in the order written. */
  ranking = sam_store_rank_ideas (f->store, f->step);
  g_assert_cmpuint (ranking->len, ==, 2);
  g_assert_true (g_array_index (ranking, SamIdeaScore, 0).card == inbox);
  g_assert_cmpuint (g_array_index (ranking, SamIdeaScore, 0).votes, ==, 2);
  g_assert_true (g_array_index (ranking, SamIdeaScore, 1).card == call);
  g_assert_cmpuint (g_array_index (ranking, SamIdeaScore, 1).votes, ==, 2);
  g_assert_cmpuint (g_array_index (ranking, SamIdeaScore, 1).rank, ==, 2);
  g_clear_pointer (&ranking, g_array_unref);
  cast (f, f->it, call);
  ranking = sam_store_rank_ideas (f->store, f->step);
  g_assert_true (g_array_index (ranking, SamIdeaScore, 0).card == call);
  g_assert_cmpuint (g_array_index (ranking, SamIdeaScore, 0).votes, ==, 3);

  /* Hidden until the coach reveals them; it survives a restart. */
  g_assert_false (sam_store_get_votes_revealed (f->store, f->step));
  g_assert_true (sam_store_set_votes_revealed (f->store, f->step, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *path = g_strdup (sam_store_get_path (f->store));
    g_autoptr(SamStore) again = NULL;
    SamWorkshop *workshop;
    g_autoptr(SamStep) step = NULL;

    g_clear_object (&f->store);
    again = sam_store_open (path, &error);
    g_assert_no_error (error);
    workshop = g_list_model_get_item (sam_store_get_workshops (again), 0);
    g_object_unref (workshop);
    step = g_list_model_get_item (sam_store_get_steps (again, workshop), 0);
    g_assert_true (sam_store_get_votes_revealed (again, step));
    g_assert_cmpuint (sam_store_get_vote_budget (again, step), ==, 5);
    g_assert_cmpuint (sam_store_count_team_votes (again, step, g_list_model_get_item (sam_store_get_teams (again, workshop), 0)), ==, 3);
  }
}

/* A trashed idea's dots do not count and come back with Undo; the budget
 * holds even when the team spent the freed dots in between. */
static void
test_budget_after_trash_idea (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamCard *inbox = add_idea (f, f->sales, "One shared inbox");
  SamCard *call = add_idea (f, f->it, "Call back the same day");
  gint64 inbox_id = sam_card_get_id (inbox);
  gint64 batch;

  cast (f, f->sales, inbox);
  cast (f, f->sales, inbox);
  cast (f, f->sales, call);
  cast (f, f->it, inbox);

  g_assert_true (sam_store_trash_card (f->store, inbox, &batch, &error));
  g_assert_cmpuint (sam_store_count_team_votes (f->store, f->step, f->sales), ==, 1);
  g_assert_cmpuint (sam_store_count_team_votes (f->store, f->step, f->it), ==, 0);
  g_assert_cmpuint (total_votes (f), ==, 1);

  /* Sales spends its freed dots on the other idea. */
  cast (f, f->sales, call);
  cast (f, f->sales, call);
  g_assert_false (sam_store_cast_vote (f->store, f->step, f->sales, call, &error));
  g_clear_error (&error);

  /* Undo: the idea and its dots are back, and still no team has more than
   * its budget; the earliest dots are the ones that count. */
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_no_error (error);
  inbox = sam_store_find_card (f->store, f->step, inbox_id);
  g_assert_nonnull (inbox);
  g_assert_cmpuint (sam_store_count_team_votes (f->store, f->step, f->sales), ==, 3);
  g_assert_cmpuint (sam_store_count_idea_votes (f->store, f->step, inbox, f->sales), ==, 2);
  g_assert_cmpuint (sam_store_count_idea_votes (f->store, f->step, call, f->sales), ==, 1);
  g_assert_cmpuint (sam_store_count_team_votes (f->store, f->step, f->it), ==, 1);
  g_assert_cmpuint (total_votes (f), ==, 4);
  g_assert_false (sam_store_cast_vote (f->store, f->step, f->sales, call, &error));
  g_clear_error (&error);
}

/* A trashed team's dots go with it, and come back with it. */
static void
test_budget_after_trash_team (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamCard *inbox = add_idea (f, f->sales, "One shared inbox");
  SamCard *call = add_idea (f, f->sales, "Call back the same day");
  gint64 call_id = sam_card_get_id (call);
  gint64 batch;

  cast (f, f->it, inbox);
  cast (f, f->it, call);
  cast (f, f->sales, call);
  g_assert_cmpuint (sam_store_count_team_content (f->store, f->it), ==, 2);

  g_assert_true (sam_store_trash_team (f->store, f->it, &batch, &error));
  g_assert_cmpuint (sam_store_count_idea_votes (f->store, f->step, inbox, NULL), ==, 0);
  g_assert_cmpuint (total_votes (f), ==, 1);

  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (total_votes (f), ==, 3);
  /* The team comes back as a new object: the old one went with the trash. */
  f->it = g_list_model_get_item (sam_store_get_teams (f->store, f->workshop), 1);
  g_object_unref (f->it);
  g_assert_cmpstr (sam_team_get_name (f->it), ==, "IT");
  call = sam_store_find_card (f->store, f->step, call_id);
  g_assert_cmpuint (sam_store_count_idea_votes (f->store, f->step, call, NULL), ==, 2);

  /* Sales' ideas go with Sales, and the dots on them stop counting. */
  g_assert_true (sam_store_trash_team (f->store, f->sales, &batch, &error));
  g_assert_cmpuint (sam_store_count_team_votes (f->store, f->step, f->it), ==, 0);
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_cmpuint (sam_store_count_team_votes (f->store, f->step, f->it), ==, 2);
}

static void
test_clusters (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamCard *inbox = add_idea (f, f->sales, "One shared inbox for every customer question");
  SamCard *mail = add_idea (f, f->it, "Answer mail within a day");
  SamCard *party = add_idea (f, f->it, "A team lunch");
  GListModel *clusters = sam_store_get_clusters (f->store, f->step);
  SamCluster *cluster, *other;
  gint64 batch;

  /* Dropping one idea on another makes a cluster named after the second. */
  cluster = sam_store_group_ideas (f->store, mail, inbox, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cluster);
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 1);
  g_assert_true (g_str_has_prefix (sam_cluster_get_name (cluster), "One shared inbox"));
  g_assert_true (sam_store_get_idea_cluster (f->store, inbox) == cluster);
  g_assert_true (sam_store_get_idea_cluster (f->store, mail) == cluster);
  g_assert_null (sam_store_get_idea_cluster (f->store, party));

  g_assert_true (sam_store_rename_cluster (f->store, cluster, "Reachability", &error));
  g_assert_false (sam_store_rename_cluster (f->store, cluster, "  ", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (sam_cluster_get_name (cluster), ==, "Reachability");

  other = sam_store_add_cluster (f->store, f->step, "Team spirit", &error);
  g_assert_nonnull (other);
  g_assert_true (sam_store_set_idea_cluster (f->store, party, other, &error));
  g_assert_true (sam_store_group_ideas (f->store, mail, party, &error) == other);
  g_assert_true (sam_store_get_idea_cluster (f->store, mail) == other);
  g_assert_true (sam_store_set_idea_cluster (f->store, mail, NULL, &error));
  g_assert_null (sam_store_get_idea_cluster (f->store, mail));

  /* Deleting a cluster leaves its ideas; Undo puts them back in it. */
  g_assert_true (sam_store_trash_cluster (f->store, cluster, &batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 1);
  g_assert_null (sam_store_get_idea_cluster (f->store, inbox));
  g_assert_nonnull (sam_store_find_card (f->store, f->step, sam_card_get_id (inbox)));
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 2);
  g_assert_cmpstr (sam_cluster_get_name (sam_store_get_idea_cluster (f->store, inbox)), ==, "Reachability");
}

/* A duplicated workshop's debate turn is the same team of the copy. */
static void
test_debate_turn_duplicated (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStep) step = NULL;
  SamWorkshop *copy;
  SamTeam *turn;

  g_assert_true (sam_store_advance_debate_turn (f->store, f->step, &error) == f->it);
  copy = sam_store_duplicate_workshop (f->store, f->workshop, &error);
  g_assert_no_error (error);
  step = g_list_model_get_item (sam_store_get_steps (f->store, copy), 0);
  turn = sam_store_get_debate_turn (f->store, step);
  g_assert_nonnull (turn);
  g_assert_true (turn != f->it);
  g_assert_cmpstr (sam_team_get_name (turn), ==, "IT");
  g_assert_true (sam_store_find_team (f->store, copy, sam_team_get_id (turn)) == turn);
  /* The original keeps its own. */
  g_assert_true (sam_store_get_debate_turn (f->store, f->step) == f->it);
}

static void
test_debate (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kpi = NULL;

  g_assert_true (sam_store_get_debate_turn (f->store, f->step) == f->sales);
  g_assert_true (sam_store_advance_debate_turn (f->store, f->step, &error) == f->it);
  g_assert_true (sam_store_get_debate_turn (f->store, f->step) == f->it);
  g_assert_true (sam_store_advance_debate_turn (f->store, f->step, &error) == f->sales);
  g_assert_no_error (error);

  g_assert_true (sam_store_set_debate_kpi (f->store, f->step, "Customer effort score", &error));
  kpi = sam_store_dup_debate_kpi (f->store, f->step);
  g_assert_cmpstr (kpi, ==, "Customer effort score");

  /* Settings are one object: the budget is still the default. */
  g_assert_cmpuint (sam_store_get_vote_budget (f->store, f->step), ==, SAM_DECIDE_DEFAULT_BUDGET);
}

static void
test_agreements (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *agreements = sam_store_get_agreements (f->store, f->step);
  SamAgreement *agreement;
  const gint64 *ids;
  guint n;
  gint64 batch;

  g_assert_null (sam_store_add_agreement (f->store, f->step, "   ", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  agreement = sam_store_add_agreement (f->store, f->step, "Sales asks IT before promising a date", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (agreements), ==, 1);
  g_assert_true (sam_agreement_is_draft (agreement));

  g_assert_true (sam_store_set_agreement_text (f->store, agreement, SAM_AGREEMENT_FIELD_OWNER, "Mira", &error));
  g_assert_true (sam_agreement_is_draft (agreement));
  g_assert_false (sam_store_set_agreement_text (f->store, agreement, SAM_AGREEMENT_FIELD_DUE, "next week", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sam_store_set_agreement_text (f->store, agreement, SAM_AGREEMENT_FIELD_DUE, "2026-01-15", &error));
  g_assert_false (sam_agreement_is_draft (agreement));
  g_assert_true (sam_agreement_is_past_due (agreement, "2026-11-23"));
  g_assert_false (sam_agreement_is_past_due (agreement, "2026-01-15"));
  g_assert_true (sam_store_set_agreement_text (f->store, agreement, SAM_AGREEMENT_FIELD_VERIFICATION,
                                               "Every promised date in the CRM has an IT name", &error));
  g_assert_true (sam_store_set_agreement_status (f->store, agreement, SAM_AGREEMENT_KEPT, &error));
  g_assert_false (sam_agreement_is_past_due (agreement, "2026-11-23"));

  g_assert_true (sam_store_set_agreement_team (f->store, agreement, sam_team_get_id (f->it), TRUE, &error));
  g_assert_true (sam_store_set_agreement_team (f->store, agreement, sam_team_get_id (f->sales), TRUE, &error));
  g_assert_true (sam_store_set_agreement_team (f->store, agreement, sam_team_get_id (f->sales), TRUE, &error));
  g_assert_no_error (error);
  ids = sam_agreement_get_team_ids (agreement, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[0], ==, sam_team_get_id (f->sales));
  g_assert_cmpint (ids[1], ==, sam_team_get_id (f->it));

  /* A team in the trash leaves the list, and comes back with Undo. */
  g_assert_true (sam_store_trash_team (f->store, f->it, &batch, &error));
  sam_agreement_get_team_ids (agreement, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  sam_agreement_get_team_ids (agreement, &n);
  g_assert_cmpuint (n, ==, 2);

  g_assert_true (sam_store_trash_agreement (f->store, agreement, &batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (agreements), ==, 0);
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (agreements), ==, 1);
  {
    g_autoptr(SamAgreement) back = g_list_model_get_item (agreements, 0);

    g_assert_cmpstr (sam_agreement_get_owner (back), ==, "Mira");
    g_assert_cmpint (sam_agreement_get_status (back), ==, SAM_AGREEMENT_KEPT);
  }
}

static void
test_agreement_idea (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamStep *agreements_step = sam_store_add_step (f->store, f->workshop, -1, "agreements", "Agreements",
                                                 30, "", "", &error);
  SamCard *idea = add_idea (f, f->sales, "One shared inbox");
  SamAgreement *agreement = sam_store_add_agreement (f->store, agreements_step, "Set up the inbox", &error);
  g_autoptr(GListModel) ideas = sam_store_list_workshop_ideas (f->store, f->workshop);
  g_autoptr(GListModel) all = NULL;
  gint64 batch;

  g_assert_cmpuint (g_list_model_get_n_items (ideas), ==, 1);
  g_assert_true (sam_store_set_agreement_idea (f->store, agreement, sam_card_get_id (idea), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_agreement_get_idea_id (agreement), ==, sam_card_get_id (idea));
  g_assert_false (sam_store_set_agreement_idea (f->store, agreement, 9999, &error));
  g_clear_error (&error);

  /* A trashed idea is no longer linked; Undo links it again. */
  g_assert_true (sam_store_trash_card (f->store, idea, &batch, &error));
  g_assert_true (sam_store_restore_trash (f->store, batch - 0, &error));
  g_assert_cmpint (sam_agreement_get_idea_id (agreement), ==, sam_card_get_id (idea));

  all = sam_store_list_workshop_agreements (f->store, f->workshop);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
}

static void
test_follow_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamAgreement *first, *second;
  SamWorkshop *follow_up;
  SamStep *review_step;
  GListModel *reviews;
  g_autoptr(SamAgreementReview) review = NULL;
  gint64 modified;
  g_autofree char *uuid = NULL;
  g_autofree char *old_uuid = g_strdup (sam_workshop_get_uuid (f->workshop));

  first = sam_store_add_agreement (f->store, f->step, "Sales asks IT before promising a date", &error);
  sam_store_set_agreement_text (f->store, first, SAM_AGREEMENT_FIELD_OWNER, "Mira", &error);
  sam_store_set_agreement_text (f->store, first, SAM_AGREEMENT_FIELD_DUE, "2026-12-01", &error);
  sam_store_set_agreement_text (f->store, first, SAM_AGREEMENT_FIELD_VERIFICATION, "No promise without an IT name", &error);
  sam_store_set_agreement_team (f->store, first, sam_team_get_id (f->sales), TRUE, &error);
  sam_store_set_agreement_team (f->store, first, sam_team_get_id (f->it), TRUE, &error);
  second = sam_store_add_agreement (f->store, f->step, "A monthly lunch together", &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  modified = sam_workshop_get_modified (f->workshop);

  follow_up = sam_decide_create_follow_up (f->store, f->workshop, &error);
  g_assert_no_error (error);
  g_assert_nonnull (follow_up);
  uuid = g_strdup (sam_workshop_get_uuid (follow_up));
  g_assert_cmpstr (sam_workshop_get_name (follow_up), ==, "Follow-up: Deciding");
  g_assert_true (sam_store_get_followed_workshop (f->store, follow_up) == f->workshop);
  g_assert_null (sam_store_get_followed_workshop (f->store, f->workshop));
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (f->store, follow_up)), ==, 2);

  review_step = g_list_model_get_item (sam_store_get_steps (f->store, follow_up), 0);
  g_object_unref (review_step);
  g_assert_cmpstr (sam_step_get_kind (review_step), ==, "agreements");
  reviews = sam_store_get_agreement_reviews (f->store, review_step);
  g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 2);
  review = g_list_model_get_item (reviews, 0);
  g_assert_cmpstr (sam_agreement_review_get_what (review), ==, "Sales asks IT before promising a date");
  g_assert_cmpstr (sam_agreement_review_get_owner (review), ==, "Mira");
  g_assert_cmpstr (sam_agreement_review_get_due (review), ==, "2026-12-01");
  g_assert_cmpstr (sam_agreement_review_get_teams (review), ==, "Sales, IT");
  g_assert_cmpstr (sam_agreement_review_get_source_uuid (review), ==, sam_agreement_get_uuid (first));
  g_assert_cmpint (sam_agreement_review_get_outcome (review), ==, SAM_REVIEW_OPEN);

  g_assert_true (sam_store_set_review_outcome (f->store, review, SAM_REVIEW_PARTLY, &error));
  g_assert_true (sam_store_set_review_why (f->store, review, "Only when Mira was there", &error));
  g_assert_no_error (error);

  /* The earlier workshop is untouched. */
  g_assert_cmpint (sam_workshop_get_modified (f->workshop), ==, modified);
  g_assert_cmpint (sam_agreement_get_status (first), ==, SAM_AGREEMENT_AGREED);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_agreements (f->store, f->step)), ==, 2);

  /* And everything is on disk. */
  {
    g_autofree char *path = g_strdup (sam_store_get_path (f->store));
    g_autoptr(SamStore) again = NULL;
    SamWorkshop *reread;
    g_autoptr(SamStep) step = NULL;
    g_autoptr(SamAgreementReview) stored = NULL;

    g_clear_object (&f->store);
    again = sam_store_open (path, &error);
    g_assert_no_error (error);
    reread = sam_store_find_workshop (again, uuid);
    g_assert_nonnull (reread);
    g_assert_true (sam_store_get_followed_workshop (again, reread) == sam_store_find_workshop (again, old_uuid));
    step = g_list_model_get_item (sam_store_get_steps (again, reread), 0);
    stored = g_list_model_get_item (sam_store_get_agreement_reviews (again, step), 0);
    g_assert_cmpint (sam_agreement_review_get_outcome (stored), ==, SAM_REVIEW_PARTLY);
    g_assert_cmpstr (sam_agreement_review_get_why (stored), ==, "Only when Mira was there");

    /* Deleting the earlier workshop for good keeps the review. */
    g_assert_true (sam_store_trash_workshop (again, sam_store_find_workshop (again, old_uuid), NULL, &error));
    g_assert_true (sam_store_purge_trash (again, &error));
    g_assert_no_error (error);
    g_assert_null (sam_store_get_followed_workshop (again, reread));
    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_agreement_reviews (again, step)), ==, 2);
  }
}

static void
test_absent (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *plans = sam_store_get_absent_plans (f->store, f->step);
  SamAbsentPlan *plan;
  gint64 batch;

  plan = sam_store_add_absent_plan (f->store, f->step, f->it, "The night shift", &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_set_absent_plan_text (f->store, plan, SAM_ABSENT_FIELD_EXPERIENCE,
                                                 "A short walk through a customer's house move", &error));
  g_assert_true (sam_store_set_absent_plan_text (f->store, plan, SAM_ABSENT_FIELD_WHO, "Joost", &error));
  g_assert_true (sam_store_set_absent_plan_text (f->store, plan, SAM_ABSENT_FIELD_DUE, "2026-12-10", &error));
  g_assert_false (sam_store_set_absent_plan_text (f->store, plan, SAM_ABSENT_FIELD_DUE, "10-12", &error));
  g_clear_error (&error);
  g_assert_false (sam_store_set_absent_plan_text (f->store, plan, SAM_ABSENT_FIELD_ABSENT, "", &error));
  g_clear_error (&error);
  sam_store_add_absent_plan (f->store, f->step, f->sales, "Field sales", &error);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 2);
  /* In team order: Sales first. */
  {
    g_autoptr(SamAbsentPlan) first = g_list_model_get_item (plans, 0);
    g_assert_cmpstr (sam_absent_plan_get_absent (first), ==, "Field sales");
  }

  g_assert_cmpuint (sam_store_count_team_content (f->store, f->it), ==, 1);
  g_assert_true (sam_store_trash_team (f->store, f->it, &batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 2);
  plan = g_list_model_get_item (plans, 1);
  g_object_unref (plan);
  g_assert_cmpstr (sam_absent_plan_get_who (plan), ==, "Joost");
  g_assert_cmpstr (sam_absent_plan_get_due (plan), ==, "2026-12-10");

  g_assert_true (sam_store_trash_absent_plan (f->store, plan, &batch, &error));
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
}

static void
test_unverified (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamCardInit achieve = { .kind = "achieve", .text = "Customers hear one answer, whoever they call" };
  SamCardInit avoid = { .kind = "avoid", .text = "Promising what IT cannot deliver" };
  SamCard *a = sam_store_add_card (f->store, f->step, &achieve, &error);
  SamCardInit verification = { .kind = "verification", .parent_id = sam_card_get_id (a),
                               .text = "Fewer repeat calls in the monthly figures" };

  sam_store_add_card (f->store, f->step, &avoid, &error);
  g_assert_cmpuint (sam_store_count_unverified_statements (f->store, f->step), ==, 2);
  sam_store_add_card (f->store, f->step, &verification, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_store_count_unverified_statements (f->store, f->step), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sam/store/decide/votes/budget", Fixture, NULL, fixture_set_up, test_budget, fixture_tear_down);
  g_test_add ("/sam/store/decide/votes/trash-idea", Fixture, NULL, fixture_set_up, test_budget_after_trash_idea, fixture_tear_down);
  g_test_add ("/sam/store/decide/votes/trash-team", Fixture, NULL, fixture_set_up, test_budget_after_trash_team, fixture_tear_down);
  g_test_add ("/sam/store/decide/clusters", Fixture, NULL, fixture_set_up, test_clusters, fixture_tear_down);
  g_test_add ("/sam/store/decide/debate", Fixture, NULL, fixture_set_up, test_debate, fixture_tear_down);
  g_test_add ("/sam/store/decide/debate-turn-duplicated", Fixture, NULL, fixture_set_up, test_debate_turn_duplicated,
              fixture_tear_down);
  g_test_add ("/sam/store/decide/agreements", Fixture, "agreements", fixture_set_up, test_agreements, fixture_tear_down);
  g_test_add ("/sam/store/decide/agreement-idea", Fixture, NULL, fixture_set_up, test_agreement_idea, fixture_tear_down);
  g_test_add ("/sam/store/decide/follow-up", Fixture, "agreements", fixture_set_up, test_follow_up, fixture_tear_down);
  g_test_add ("/sam/store/decide/absent", Fixture, "absent", fixture_set_up, test_absent, fixture_tear_down);
  g_test_add ("/sam/store/decide/unverified", Fixture, "achieve-avoid", fixture_set_up, test_unverified, fixture_tear_down);

  return g_test_run ();
}
