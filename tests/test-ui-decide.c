/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-agreements-page.h"
#include "sam-brainstorm-board.h"
#include "sam-brainstorm-page.h"
#include "sam-card-tree.h"
#include "sam-compat.h"
#include "sam-date.h"
#include "sam-decide-common.h"
#include "sam-exercise.h"
#include "sam-step-view.h"
#include "sam-workshop-view.h"
#include "sam-store-decide.h"
#include "sam-test-utils.h"

/* The deciding exercises, each done the way the room does it: a workshop
 * with teams made through the window's actions, a step of the exercise, its
 * page inside the real window, and the exercise performed through the
 * page's actions.  The result is checked in the store, and read back from a
 * second SamStore on the same file, as after a restart. */

typedef struct
{
  SamApplication *app;
  SamStore *store;
  SamWindow *window;
  SamWorkshop *workshop;
  SamStep *step;
  GtkWidget *view;
  GtkWidget *page;
} Host;

static const char *const teams[] = { "Sales", "Back Office", "IT", NULL };

/* The page the workshop view shows for its current step, as in the app. */
static void
take_page (Host *h)
{
  h->page = sam_test_shown_page (h->view, &h->step);
  g_assert_nonnull (h->page);
  sam_test_pump (150);
}

static void
add_step (Host       *h,
          const char *kind)
{
  g_assert_true (gtk_widget_activate_action (h->view, "workshop.add-step", "s", kind));
  take_page (h);
  g_assert_cmpstr (sam_step_get_kind (h->step), ==, kind);
}

static void
host_open (Host       *h,
           const char *kind)
{
  h->app = sam_test_application_new ();
  h->store = sam_application_get_store (h->app);
  h->window = sam_test_window_new (h->app);
  h->workshop = sam_test_create_workshop (h->window, "Colleagues & Customers", teams);
  h->view = sam_window_get_workshop_view (h->window);

  add_step (h, kind);
}

static void
host_close (Host *h)
{
  /* A card row that still has the focus while the window goes reads its
   * text view after disposal (reported to the card list's owner). */
  gtk_window_set_focus (GTK_WINDOW (h->window), NULL);
  sam_test_destroy_window (h->window);
  g_clear_object (&h->app);
}

/* Scrolls the step so that its exercise page starts at the top, as the
 * coach does before projecting it, and saves a screenshot. */
static void
shoot (Host       *h,
       const char *name)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (h->page, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  for (guint i = 0; i < 2; i++)
    {
      sam_test_pump (150);
      if (gtk_widget_compute_point (h->page, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                    &GRAPHENE_POINT_INIT (0, 0), &point))
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 16);
    }
  sam_test_pump (100);
  sam_test_screenshot (GTK_WIDGET (h->window), name);
}

static SamTeam *
team_at (Host  *h,
         guint  i)
{
  g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (h->store, h->workshop), i);
  return team;
}

static SamCard *
card_with_text (SamStore   *store,
                SamStep    *step,
                const char *text)
{
  GListModel *cards = sam_store_get_cards (store, step);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (sam_card_get_text (card), text) == 0)
        return card;
    }

  return NULL;
}

/* How many visible widgets under @root carry @css_class. */
static guint
count_visible_class (GtkWidget  *root,
                     const char *css_class)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (gtk_widget_has_css_class (child, css_class))
        n++;
      n += count_visible_class (child, css_class);
    }

  return n;
}

static SamAbsentPlan *
find_plan (SamStore *store,
           SamStep  *step,
           gint64    id)
{
  GListModel *plans = sam_store_get_absent_plans (store, step);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SamAbsentPlan) plan = g_list_model_get_item (plans, i);

      if (sam_absent_plan_get_id (plan) == id)
        return plan;
    }

  return NULL;
}

static SamStore *
reopen (Host *h)
{
  g_autoptr(GError) error = NULL;
  SamStore *again = sam_store_open (sam_store_get_path (h->store), &error);

  g_assert_no_error (error);
  return again;
}

static void
test_brainstorm (void)
{
  static const struct { guint team; const char *text; } ideas[] = {
    { 0, "One shared inbox for every customer question" },
    { 1, "Answer every mail within one working day" },
    { 2, "Show the customer's history to whoever picks up the phone" },
    { 0, "A monthly lunch with all three teams" },
    { 1, "Sit together with IT one morning a week" },
  };
  Host h = { 0 };
  SamCard *inbox, *mail, *history, *lunch, *sit;
  SamCluster *reach;
  GListModel *clusters;
  g_autoptr(GArray) ranking = NULL;
  g_autoptr(SamStore) again = NULL;
  gint64 sales, office, it, lunch_id;
  SamCardTree *idea_tree;
  SamBrainstormBoard *board;
  GListModel *rows;
  g_autoptr(GObject) first_header = NULL;

  host_open (&h, "brainstorm");
  sales = sam_team_get_id (team_at (&h, 0));
  office = sam_team_get_id (team_at (&h, 1));
  it = sam_team_get_id (team_at (&h, 2));
  for (guint i = 0; i < G_N_ELEMENTS (ideas); i++)
    g_assert_true (gtk_widget_activate_action (h.page, "brainstorm.add-idea", "(xs)",
                                               sam_team_get_id (team_at (&h, ideas[i].team)), ideas[i].text));
  inbox = card_with_text (h.store, h.step, ideas[0].text);
  mail = card_with_text (h.store, h.step, ideas[1].text);
  history = card_with_text (h.store, h.step, ideas[2].text);
  lunch = card_with_text (h.store, h.step, ideas[3].text);
  sit = card_with_text (h.store, h.step, ideas[4].text);
  g_assert_nonnull (sit);
  g_assert_cmpint (sam_card_get_team_id (history), ==, it);

  sam_test_pump (100);
  shoot (&h, "brainstorm-ideas.png");
  g_assert_true (gtk_widget_activate_action (h.page, "brainstorm.show-phase", "s", "vote"));

  /* Grouping: a drop of one idea on another, a named cluster, the menu. */
  clusters = sam_store_get_clusters (h.store, h.step);
  gtk_widget_activate_action (h.page, "brainstorm.group", "(xx)", sam_card_get_id (mail), sam_card_get_id (inbox));
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 1);
  reach = g_list_model_get_item (clusters, 0);
  g_object_unref (reach);
  gtk_widget_activate_action (h.page, "brainstorm.rename-cluster", "(xs)", sam_cluster_get_id (reach),
                              "Reachable for the customer");
  g_assert_cmpstr (sam_cluster_get_name (reach), ==, "Reachable for the customer");
  gtk_widget_activate_action (h.page, "brainstorm.move-to-cluster", "(xx)", sam_card_get_id (history),
                              sam_cluster_get_id (reach));
  g_assert_true (sam_store_get_idea_cluster (h.store, history) == reach);
  gtk_widget_activate_action (h.page, "brainstorm.add-cluster", "s", "Working as one team");
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 2);
  gtk_widget_activate_action (h.page, "brainstorm.group", "(xx)", sam_card_get_id (sit), sam_card_get_id (lunch));
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 3);
  gtk_widget_activate_action (h.page, "brainstorm.move-to-cluster", "(xx)", sam_card_get_id (lunch),
                              sam_cluster_get_id (g_list_model_get_item (clusters, 1)));
  g_object_unref (g_list_model_get_item (clusters, 1));
  gtk_widget_activate_action (h.page, "brainstorm.move-to-cluster", "(xx)", sam_card_get_id (sit),
                              sam_cluster_get_id (g_list_model_get_item (clusters, 1)));
  g_object_unref (g_list_model_get_item (clusters, 1));
  {
    g_autoptr(SamCluster) empty = g_list_model_get_item (clusters, 2);
    gtk_widget_activate_action (h.page, "brainstorm.delete-cluster", "x", sam_cluster_get_id (empty));
  }
  /* Let its Undo toast finish appearing before the next one replaces it
   * (libadwaita 1.2 crashes on a toast dismissed while it animates in). */
  sam_test_pump (400);
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 2);

  /* The board is one list: its controls, then per cluster its header, its
   * ideas and its foot; every idea is grouped, so there is no group of
   * loose ones.  Each idea has its tile on screen. */
  board = SAM_BRAINSTORM_BOARD (sam_test_find_child (h.page, SAM_TYPE_BRAINSTORM_BOARD));
  rows = sam_brainstorm_board_get_rows (board);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + (1 + 3 + 1) + (1 + 2 + 1));
  g_assert_cmpuint (count_visible_class (h.page, "sam-idea-tile"), ==, 5);
  first_header = g_list_model_get_item (rows, 1);

  /* Votes: the budget holds, the "vote" button places the chosen team's. */
  gtk_widget_activate_action (h.page, "brainstorm.set-budget", "u", 3);
  g_assert_cmpuint (sam_store_get_vote_budget (h.store, h.step), ==, 3);
  gtk_widget_activate_action (h.page, "brainstorm.set-voting-team", "x", office);
  g_assert_true (sam_brainstorm_page_get_voting_team (SAM_BRAINSTORM_PAGE (h.page)) == team_at (&h, 1));
  gtk_widget_activate_action (h.page, "brainstorm.vote", "x", sam_card_get_id (inbox));
  gtk_widget_activate_action (h.page, "brainstorm.vote", "x", sam_card_get_id (history));
  gtk_widget_activate_action (h.page, "brainstorm.vote", "x", sam_card_get_id (history));
  g_assert_cmpuint (sam_store_count_team_votes (h.store, h.step, team_at (&h, 1)), ==, 3);
  gtk_widget_activate_action (h.page, "brainstorm.vote-for", "(xx)", sales, sam_card_get_id (history));
  gtk_widget_activate_action (h.page, "brainstorm.vote-for", "(xx)", sales, sam_card_get_id (inbox));
  gtk_widget_activate_action (h.page, "brainstorm.vote-for", "(xx)", sales, sam_card_get_id (lunch));
  gtk_widget_activate_action (h.page, "brainstorm.vote-for", "(xx)", it, sam_card_get_id (history));
  gtk_widget_activate_action (h.page, "brainstorm.vote-for", "(xx)", it, sam_card_get_id (sit));
  gtk_widget_activate_action (h.page, "brainstorm.take-back-for", "(xx)", it, sam_card_get_id (sit));
  gtk_widget_activate_action (h.page, "brainstorm.vote-for", "(xx)", it, sam_card_get_id (mail));
  g_assert_cmpuint (sam_store_count_team_votes (h.store, h.step, team_at (&h, 2)), ==, 2);

  /* Votes change no row: the rows stay, only those on screen are bound
   * again. */
  sam_test_pump (100);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);
  {
    g_autoptr(GObject) header = g_list_model_get_item (rows, 1);

    g_assert_true (header == first_header);
  }

  /* Hidden until revealed: only the teams' counts show. */
  sam_test_pump (100);
  g_assert_cmpuint (count_visible_class (h.page, "sam-idea-votes"), ==, 0);
  g_assert_cmpuint (count_visible_class (h.page, "sam-team-status"), ==, 3);

  /* A deleted idea takes its votes out of the count; Undo brings both back. */
  idea_tree = SAM_CARD_TREE (sam_test_find_child (h.page, SAM_TYPE_CARD_TREE));
  lunch_id = sam_card_get_id (lunch);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (idea_tree), "cards.delete", "x", lunch_id));
  g_assert_cmpuint (sam_store_count_team_votes (h.store, h.step, team_at (&h, 0)), ==, 2);
  sam_test_pump (400);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.window), "win.undo", NULL));
  lunch = sam_store_find_card (h.store, h.step, lunch_id);
  g_assert_nonnull (lunch);
  g_assert_cmpuint (sam_store_count_team_votes (h.store, h.step, team_at (&h, 0)), ==, 3);
  g_assert_cmpuint (sam_store_count_idea_votes (h.store, h.step, lunch, NULL), ==, 1);

  gtk_widget_activate_action (h.page, "brainstorm.reveal", "b", TRUE);
  g_assert_true (sam_store_get_votes_revealed (h.store, h.step));
  gtk_widget_activate_action (h.page, "brainstorm.set-kpi", "s", "Customer effort score");
  gtk_widget_activate_action (h.page, "brainstorm.next-turn", NULL);
  g_assert_true (sam_store_get_debate_turn (h.store, h.step) == team_at (&h, 1));
  sam_test_pump (200);
  g_assert_cmpuint (count_visible_class (h.page, "sam-idea-votes"), >, 0);

  ranking = sam_store_rank_ideas (h.store, h.step);
  g_assert_true (g_array_index (ranking, SamIdeaScore, 0).card == history);
  g_assert_cmpuint (g_array_index (ranking, SamIdeaScore, 0).votes, ==, 4);
  g_assert_true (g_array_index (ranking, SamIdeaScore, 1).card == inbox);
  shoot (&h, "brainstorm-page.png");
  gtk_widget_activate_action (h.page, "brainstorm.add-idea", "(xs)", sales, "   ");
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (h.store, h.step)), ==, 5);

  /* The debate round, each team in turn. */
  gtk_widget_activate_action (h.page, "brainstorm.show-phase", "s", "debate");
  {
    SamCardInit point = { .kind = "debate-point", .team_id = office,
                          .text = "Effort drops when the first answer is the right one" };
    g_autoptr(GError) error = NULL;

    sam_store_add_card (h.store, h.step, &point, &error);
    g_assert_no_error (error);
  }
  sam_test_pump (200);
  shoot (&h, "brainstorm-debate.png");
  gtk_widget_activate_action (h.page, "brainstorm.show-phase", "s", "vote");

  /* Dark mode, as on a dim projector. */
  g_settings_set_string (sam_application_get_settings (h.app), "style-variant", "dark");
  sam_test_pump (150);
  shoot (&h, "brainstorm-page-dark.png");
  g_settings_set_string (sam_application_get_settings (h.app), "style-variant", "default");

  /* Hidden again; a vote past the budget is refused with the reason in a
   * toast, and nothing changes. */
  gtk_widget_activate_action (h.page, "brainstorm.reveal", "b", FALSE);
  gtk_widget_activate_action (h.page, "brainstorm.vote", "x", sam_card_get_id (lunch));
  g_assert_cmpuint (sam_store_count_team_votes (h.store, h.step, team_at (&h, 1)), ==, 3);
  g_assert_cmpuint (sam_store_count_idea_votes (h.store, h.step, lunch, team_at (&h, 1)), ==, 0);
  sam_test_pump (200);
  g_assert_cmpuint (count_visible_class (h.page, "sam-idea-votes"), ==, 0);
  shoot (&h, "brainstorm-hidden.png");
  gtk_widget_activate_action (h.page, "brainstorm.reveal", "b", TRUE);

  again = reopen (&h);
  {
    SamWorkshop *workshop = sam_store_find_workshop (again, sam_workshop_get_uuid (h.workshop));
    SamStep *step = sam_store_find_step (again, workshop, sam_step_get_id (h.step));
    g_autoptr(GArray) stored = sam_store_rank_ideas (again, step);
    g_autofree char *kpi = sam_store_dup_debate_kpi (again, step);

    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_clusters (again, step)), ==, 2);
    g_assert_cmpuint (g_array_index (stored, SamIdeaScore, 0).votes, ==, 4);
    g_assert_true (sam_store_get_votes_revealed (again, step));
    g_assert_cmpstr (kpi, ==, "Customer effort score");
  }

  host_close (&h);
}

static void
test_agreements (void)
{
  Host h = { 0 };
  SamStep *brainstorm;
  SamCard *idea;
  SamCardInit init = { .kind = "idea", .text = "One shared inbox for every customer question" };
  GListModel *agreements;
  SamAgreement *inbox, *draft, *late;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_uuid = NULL;
  SamWorkshop *follow_up;
  SamStep *review_step;
  SamStep *agreements_step;
  GListModel *reviews;
  gint64 sales, it, late_id;
  GtkWidget *row;

  g_setenv ("SAM_TODAY", "2026-11-23", TRUE);
  host_open (&h, "agreements");
  agreements_step = h.step;
  old_uuid = g_strdup (sam_workshop_get_uuid (h.workshop));
  sales = sam_team_get_id (team_at (&h, 0));
  it = sam_team_get_id (team_at (&h, 2));
  brainstorm = sam_store_add_step (h.store, h.workshop, 0, "brainstorm", "Ideas", 30, NULL, NULL, &error);
  g_assert_no_error (error);
  init.team_id = sales;
  idea = sam_store_add_card (h.store, brainstorm, &init, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (h.page, "agreements.add", "s", "Set up one shared inbox for customer questions");
  gtk_widget_activate_action (h.page, "agreements.add", "s", "Sales checks with IT before promising a date");
  gtk_widget_activate_action (h.page, "agreements.add", "s", "Publish the new phone menu");
  gtk_widget_activate_action (h.page, "agreements.add", "s", "   ");
  agreements = sam_store_get_agreements (h.store, h.step);
  g_assert_cmpuint (g_list_model_get_n_items (agreements), ==, 3);
  inbox = g_list_model_get_item (agreements, 0);
  draft = g_list_model_get_item (agreements, 1);
  late = g_list_model_get_item (agreements, 2);
  g_object_unref (inbox);
  g_object_unref (draft);
  g_object_unref (late);

  gtk_widget_activate_action (h.page, "agreements.set-text", "(xus)", sam_agreement_get_id (inbox),
                              SAM_AGREEMENT_FIELD_OWNER, "Mira (Back Office)");
  gtk_widget_activate_action (h.page, "agreements.set-text", "(xus)", sam_agreement_get_id (inbox),
                              SAM_AGREEMENT_FIELD_DUE, "2027-02-01");
  gtk_widget_activate_action (h.page, "agreements.set-text", "(xus)", sam_agreement_get_id (inbox),
                              SAM_AGREEMENT_FIELD_VERIFICATION, "Customers get one answer; repeat calls drop in the monthly figures");
  gtk_widget_activate_action (h.page, "agreements.set-text", "(xus)", sam_agreement_get_id (inbox),
                              SAM_AGREEMENT_FIELD_REVIEW_DATE, "2027-03-01");
  gtk_widget_activate_action (h.page, "agreements.set-team", "(xxb)", sam_agreement_get_id (inbox), sales, TRUE);
  gtk_widget_activate_action (h.page, "agreements.set-team", "(xxb)", sam_agreement_get_id (inbox), it, TRUE);
  gtk_widget_activate_action (h.page, "agreements.set-idea", "(xx)", sam_agreement_get_id (inbox), sam_card_get_id (idea));
  gtk_widget_activate_action (h.page, "agreements.set-status", "(xu)", sam_agreement_get_id (inbox),
                              SAM_AGREEMENT_IN_PROGRESS);
  gtk_widget_activate_action (h.page, "agreements.set-team", "(xxb)", sam_agreement_get_id (draft), sales, TRUE);
  gtk_widget_activate_action (h.page, "agreements.set-text", "(xus)", sam_agreement_get_id (late),
                              SAM_AGREEMENT_FIELD_OWNER, "Joost");
  gtk_widget_activate_action (h.page, "agreements.set-text", "(xus)", sam_agreement_get_id (late),
                              SAM_AGREEMENT_FIELD_DUE, "2026-10-01");

  g_assert_false (sam_agreement_is_draft (inbox));
  g_assert_true (sam_agreement_is_draft (draft));
  g_assert_true (sam_agreement_is_past_due (late, "2026-11-23"));
  g_assert_cmpint (sam_agreement_get_idea_id (inbox), ==, sam_card_get_id (idea));

  /* Both flags are on screen; the draft is open, showing what it lacks. */
  sam_test_pump (100);
  g_assert_cmpuint (count_visible_class (h.page, "sam-flag"), ==, 2);
  row = sam_agreements_page_find_row (SAM_AGREEMENTS_PAGE (h.page), sam_agreement_get_id (draft));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  sam_test_pump (200);
  shoot (&h, "agreements-page.png");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);

  /* Delete with Undo. */
  late_id = sam_agreement_get_id (late);
  gtk_widget_activate_action (h.page, "agreements.delete", "x", late_id);
  g_assert_cmpuint (g_list_model_get_n_items (agreements), ==, 2);
  sam_test_pump (400);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (agreements), ==, 3);

  /* The follow-up workshop: same teams, the agreements to review.  The
   * window action is what the library and menus use. */
  if (g_action_map_lookup_action (G_ACTION_MAP (h.window), "create-follow-up") == NULL)
    sam_decide_add_window_actions (h.window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.window), "win.create-follow-up", "s", old_uuid));
  follow_up = sam_store_find_workshop (h.store, sam_workshop_get_uuid (sam_window_get_workshop (h.window)));
  g_assert_nonnull (follow_up);
  g_assert_true (follow_up != h.workshop);
  g_assert_cmpstr (sam_workshop_get_name (follow_up), ==, "Follow-up: Colleagues & Customers");
  g_assert_true (sam_store_get_followed_workshop (h.store, follow_up) == h.workshop);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (h.store, follow_up)), ==, 3);
  review_step = g_list_model_get_item (sam_store_get_steps (h.store, follow_up), 0);
  g_object_unref (review_step);
  reviews = sam_store_get_agreement_reviews (h.store, review_step);
  g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 3);

  h.workshop = follow_up;
  g_assert_true (gtk_widget_activate_action (h.view, "workshop.show-step", "x", sam_step_get_id (review_step)));
  take_page (&h);
  g_assert_true (h.step == review_step);
  {
    g_autoptr(SamAgreementReview) first = g_list_model_get_item (reviews, 0);
    g_autoptr(SamAgreementReview) third = g_list_model_get_item (reviews, 2);

    g_assert_cmpstr (sam_agreement_review_get_teams (first), ==, "Sales, IT");
    gtk_widget_activate_action (h.page, "agreements.set-review-outcome", "(xu)",
                                sam_agreement_review_get_id (first), SAM_REVIEW_KEPT);
    gtk_widget_activate_action (h.page, "agreements.set-review-why", "(xs)", sam_agreement_review_get_id (first),
                                "Repeat calls went down from 30% to 18%");
    gtk_widget_activate_action (h.page, "agreements.set-review-outcome", "(xu)",
                                sam_agreement_review_get_id (third), SAM_REVIEW_NOT_KEPT);
    gtk_widget_activate_action (h.page, "agreements.set-review-why", "(xs)", sam_agreement_review_get_id (third),
                                "The supplier of the phone system was late");
    g_assert_cmpint (sam_agreement_review_get_outcome (first), ==, SAM_REVIEW_KEPT);
  }
  gtk_widget_activate_action (h.page, "agreements.add", "s", "Review the phone menu again in spring");
  sam_test_pump (200);
  shoot (&h, "agreements-review.png");

  /* A date that is not one is refused with the reason, and nothing changes. */
  {
    g_autoptr(SamAgreement) spring = g_list_model_get_item (sam_store_get_agreements (h.store, review_step), 0);

    gtk_widget_activate_action (h.page, "agreements.set-text", "(xus)", sam_agreement_get_id (spring),
                                SAM_AGREEMENT_FIELD_DUE, "soon");
    g_assert_cmpstr (sam_agreement_get_due (spring), ==, "");
    g_assert_true (sam_agreement_is_draft (spring));
  }

  /* The earlier workshop is untouched. */
  {
    g_autoptr(SamStore) again = reopen (&h);
    SamWorkshop *old = sam_store_find_workshop (again, old_uuid);
    SamStep *step = sam_store_find_step (again, old, sam_step_get_id (agreements_step));
    GListModel *old_agreements = sam_store_get_agreements (again, step);
    g_autoptr(SamAgreement) first = g_list_model_get_item (old_agreements, 0);

    g_assert_cmpuint (g_list_model_get_n_items (old_agreements), ==, 3);
    g_assert_cmpint (sam_agreement_get_status (first), ==, SAM_AGREEMENT_IN_PROGRESS);
    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_agreement_reviews (again, step)), ==, 0);
  }

  host_close (&h);
  g_unsetenv ("SAM_TODAY");
}

/* The descendant of @root of @type whose row title is @title. */
static GtkWidget *
find_titled_row (GtkWidget  *root,
                 GType       type,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      found = find_titled_row (child, type, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      found = find_with_class (child, css_class);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The date row (titled "By when") of @object under @root. */
static GtkWidget *
find_date_row (GtkWidget *root,
               GObject   *object)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (child) && g_object_get_data (G_OBJECT (child), "object") == object &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), "By when") == 0)
        return child;
      if ((found = find_date_row (child, object)) != NULL)
        return found;
    }

  return NULL;
}

/* Types @text into an entry row and presses Enter, as the coach does. */
static void
type_and_enter (GtkWidget  *entry,
                const char *text)
{
  GtkWidget *delegate = sam_test_find_child (entry, GTK_TYPE_TEXT);

  g_assert_nonnull (delegate);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* What Enter does in the text field. */
  g_signal_emit_by_name (delegate, "activate");
  sam_test_pump (50);
}

static const char *
flag_text (GtkWidget *row)
{
  GtkWidget *flag = find_with_class (row, "sam-flag");

  g_assert_nonnull (flag);
  if (!gtk_widget_get_visible (flag))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (sam_test_find_child (flag, GTK_TYPE_LABEL)));
}

/* One agreement edited in its row: the row stays open while teams are
 * toggled, the draft flag follows owner and date, and dates are typed the
 * locale's way or picked in the calendar. */
static void
test_agreement_row (void)
{
  Host h = { 0 };
  g_autoptr(SamAgreement) agreement = NULL;
  GtkWidget *row, *toggle, *owner, *due, *hint;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) pick = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *shown = NULL;
  gint64 sales;

  g_setenv ("SAM_TODAY", "2026-11-23", TRUE);
  host_open (&h, "agreements");
  sales = sam_team_get_id (team_at (&h, 0));
  gtk_widget_activate_action (h.page, "agreements.add", "s", "Sales checks with IT before promising a date");
  agreement = g_list_model_get_item (sam_store_get_agreements (h.store, h.step), 0);
  row = sam_agreements_page_find_row (SAM_AGREEMENTS_PAGE (h.page), sam_agreement_get_id (agreement));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  sam_test_pump (200);

  /* Toggling a team keeps the row open and the focus on the toggle. */
  toggle = find_with_class (row, "sam-team-toggle");
  g_assert_nonnull (toggle);
  gtk_widget_grab_focus (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  sam_test_pump (100);
  {
    guint n = 0;
    const gint64 *ids = sam_agreement_get_team_ids (agreement, &n);

    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (ids[0], ==, sales);
  }
  g_assert_true (sam_agreements_page_find_row (SAM_AGREEMENTS_PAGE (h.page), sam_agreement_get_id (agreement)) == row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (h.window)) == toggle);

  /* The draft flag says what is missing, live. */
  g_assert_cmpstr (flag_text (row), ==, "Draft: needs an owner and a date");
  owner = find_titled_row (row, ADW_TYPE_ENTRY_ROW, "Who carries it (owner)");
  g_assert_nonnull (owner);
  gtk_editable_set_text (GTK_EDITABLE (owner), "Joost");
  sam_test_pump (50);
  g_assert_cmpstr (sam_agreement_get_owner (agreement), ==, "Joost");
  g_assert_cmpstr (flag_text (row), ==, "Draft: needs a date");

  /* Nonsense is refused in place, with the reason, and nothing is stored. */
  due = find_titled_row (row, ADW_TYPE_ENTRY_ROW, "By when");
  g_assert_nonnull (due);
  hint = g_object_get_data (G_OBJECT (due), "hint");
  g_assert_nonnull (hint);
  g_assert_false (gtk_widget_get_visible (hint));
  type_and_enter (due, "31/31/2027");
  g_assert_cmpstr (sam_agreement_get_due (agreement), ==, "");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (hint)))),
                            "31/31/2027"));
  g_assert_cmpstr (flag_text (row), ==, "Draft: needs a date");

  /* The locale's own way of writing a date is taken, and shown that way. */
  typed = sam_date_format ("2027-02-01");
  g_assert_cmpstr (typed, !=, "2027-02-01");
  type_and_enter (due, typed);
  g_assert_cmpstr (sam_agreement_get_due (agreement), ==, "2027-02-01");
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, typed);
  g_assert_null (flag_text (row));

  /* YYYY-MM-DD is always understood, and shown the locale's way. */
  type_and_enter (due, "2027-03-01");
  g_assert_cmpstr (sam_agreement_get_due (agreement), ==, "2027-03-01");
  shown = sam_date_format ("2027-03-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, shown);

  /* A day picked in the calendar. */
  calendar = GTK_CALENDAR (g_object_get_data (G_OBJECT (due), "calendar"));
  g_assert_nonnull (calendar);
  pick = g_date_time_new_local (2027, 4, 15, 0, 0, 0);
  sam_compat_calendar_set_date (calendar, pick);
  g_signal_emit_by_name (calendar, "day-selected");
  sam_test_pump (50);
  g_assert_cmpstr (sam_agreement_get_due (agreement), ==, "2027-04-15");
  g_assert_true (sam_agreements_page_find_row (SAM_AGREEMENTS_PAGE (h.page), sam_agreement_get_id (agreement)) == row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  shoot (&h, "agreement-row.png");

  host_close (&h);
  g_unsetenv ("SAM_TODAY");
}

static void
test_achieve_avoid (void)
{
  Host h = { 0 };
  SamCard *calm, *promise;
  GtkWidget *warning;

  host_open (&h, "achieve-avoid");
  gtk_widget_activate_action (h.page, "goals.add", "(ss)", "achieve", "A customer hears one answer, whoever they call");
  gtk_widget_activate_action (h.page, "goals.add", "(ss)", "achieve", "Teams ask each other before they blame");
  gtk_widget_activate_action (h.page, "goals.add", "(ss)", "avoid", "Promising what IT cannot deliver");
  gtk_widget_activate_action (h.page, "goals.add", "(ss)", "nonsense", "Not a statement");
  calm = card_with_text (h.store, h.step, "A customer hears one answer, whoever they call");
  promise = card_with_text (h.store, h.step, "Promising what IT cannot deliver");
  g_assert_null (card_with_text (h.store, h.step, "Not a statement"));
  g_assert_cmpuint (sam_store_count_unverified_statements (h.store, h.step), ==, 3);

  gtk_widget_activate_action (h.page, "goals.add-verification", "(xs)", sam_card_get_id (calm),
                              "Fewer repeat calls in the monthly figures");
  gtk_widget_activate_action (h.page, "goals.add-verification", "(xs)", sam_card_get_id (calm),
                              "Customers say so in the survey");
  gtk_widget_activate_action (h.page, "goals.add-verification", "(xs)", sam_card_get_id (promise),
                              "No offer leaves without an IT name on it");
  g_assert_cmpuint (sam_store_count_unverified_statements (h.store, h.step), ==, 1);

  sam_test_pump (200);
  warning = sam_test_find_child (h.page, GTK_TYPE_BOX);
  g_assert_nonnull (warning);
  g_assert_cmpuint (count_visible_class (h.page, "sam-decide-warning"), ==, 1);
  g_assert_cmpuint (count_visible_class (h.page, "sam-unverified"), ==, 1);
  shoot (&h, "achieve-avoid-page.png");

  /* Delete with Undo. */
  gtk_widget_activate_action (h.page, "goals.delete", "x", sam_card_get_id (promise));
  g_assert_null (card_with_text (h.store, h.step, "Promising what IT cannot deliver"));
  sam_test_pump (400);
  gtk_widget_activate_action (GTK_WIDGET (h.window), "win.undo", NULL);
  g_assert_nonnull (card_with_text (h.store, h.step, "Promising what IT cannot deliver"));
  g_assert_cmpuint (sam_store_count_unverified_statements (h.store, h.step), ==, 1);

  host_close (&h);
}

static void
test_absent (void)
{
  Host h = { 0 };
  GListModel *plans;
  g_autoptr(SamStore) again = NULL;
  gint64 id;

  host_open (&h, "absent");
  gtk_widget_activate_action (h.page, "absent.add", "(xs)", sam_team_get_id (team_at (&h, 0)), "Field sales in the north");
  gtk_widget_activate_action (h.page, "absent.add", "(xs)", sam_team_get_id (team_at (&h, 2)), "The night shift of the service desk");
  gtk_widget_activate_action (h.page, "absent.add", "(xs)", sam_team_get_id (team_at (&h, 2)), "  ");
  plans = sam_store_get_absent_plans (h.store, h.step);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 2);
  {
    g_autoptr(SamAbsentPlan) first = g_list_model_get_item (plans, 0);
    g_autoptr(SamAbsentPlan) second = g_list_model_get_item (plans, 1);

    gtk_widget_activate_action (h.page, "absent.set", "(xus)", sam_absent_plan_get_id (first),
                                SAM_ABSENT_FIELD_EXPERIENCE, "Walk a house move as the customer, in their team meeting");
    gtk_widget_activate_action (h.page, "absent.set", "(xus)", sam_absent_plan_get_id (first),
                                SAM_ABSENT_FIELD_WHO, "Anouk");
    gtk_widget_activate_action (h.page, "absent.set", "(xus)", sam_absent_plan_get_id (first),
                                SAM_ABSENT_FIELD_DUE, "2026-12-15");
    gtk_widget_activate_action (h.page, "absent.set", "(xus)", sam_absent_plan_get_id (second),
                                SAM_ABSENT_FIELD_EXPERIENCE, "A short video of today and the agreements");
    gtk_widget_activate_action (h.page, "absent.set", "(xus)", sam_absent_plan_get_id (second),
                                SAM_ABSENT_FIELD_WHO, "Ravi");
    g_assert_cmpstr (sam_absent_plan_get_who (first), ==, "Anouk");
    id = sam_absent_plan_get_id (second);
  }

  sam_test_pump (200);
  shoot (&h, "absent-page.png");

  /* Not a date: refused with the reason, nothing stored. */
  gtk_widget_activate_action (h.page, "absent.set", "(xus)", id, SAM_ABSENT_FIELD_DUE, "next week");
  g_assert_cmpstr (sam_absent_plan_get_due (find_plan (h.store, h.step, id)), ==, "");

  /* Typed the locale's way in the plan's own field, shown that way. */
  {
    GtkWidget *due = find_date_row (h.page, G_OBJECT (find_plan (h.store, h.step, id)));
    g_autofree char *typed = sam_date_format ("2027-01-20");

    g_assert_nonnull (due);
    g_assert_nonnull (g_object_get_data (G_OBJECT (due), "calendar"));
    type_and_enter (due, typed);
    g_assert_cmpstr (sam_absent_plan_get_due (find_plan (h.store, h.step, id)), ==, "2027-01-20");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, typed);
    type_and_enter (due, "31/31/2027");
    g_assert_true (gtk_widget_has_css_class (due, "error"));
    g_assert_cmpstr (sam_absent_plan_get_due (find_plan (h.store, h.step, id)), ==, "2027-01-20");
  }

  /* The plans are rows of one list view, bound to the plans: a plan that
   * goes or comes back takes its row along. */
  g_assert_nonnull (sam_test_find_child (h.page, GTK_TYPE_LIST_VIEW));
  g_assert_cmpuint (count_visible_class (h.page, "sam-absent-plan"), ==, 2);
  gtk_widget_activate_action (h.page, "absent.delete", "x", id);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  sam_test_pump (400);
  g_assert_cmpuint (count_visible_class (h.page, "sam-absent-plan"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (h.window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 2);
  sam_test_pump (200);
  g_assert_cmpuint (count_visible_class (h.page, "sam-absent-plan"), ==, 2);
  g_assert_nonnull (find_date_row (h.page, G_OBJECT (find_plan (h.store, h.step, id))));

  again = reopen (&h);
  {
    SamWorkshop *workshop = sam_store_find_workshop (again, sam_workshop_get_uuid (h.workshop));
    SamStep *step = sam_store_find_step (again, workshop, sam_step_get_id (h.step));
    g_autoptr(SamAbsentPlan) first = g_list_model_get_item (sam_store_get_absent_plans (again, step), 0);

    g_assert_cmpstr (sam_absent_plan_get_experience (first), ==, "Walk a house move as the customer, in their team meeting");
    g_assert_cmpstr (sam_absent_plan_get_due (first), ==, "2026-12-15");
  }

  host_close (&h);
}

int
main (int   argc,
      char *argv[])
{
  sam_test_isolate ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sam/ui/decide/brainstorm", test_brainstorm);
  g_test_add_func ("/sam/ui/decide/agreements", test_agreements);
  g_test_add_func ("/sam/ui/decide/agreement-row", test_agreement_row);
  g_test_add_func ("/sam/ui/decide/achieve-avoid", test_achieve_avoid);
  g_test_add_func ("/sam/ui/decide/absent", test_absent);

  return g_test_run ();
}
