/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-beliefs-page.h"
#include "sam-customer-walk-page.h"
#include "sam-exercise.h"
#include "sam-perspective-page.h"
#include "sam-sample-workshop.h"
#include "sam-step-settings.h"
#include "sam-strengths-page.h"
#include "sam-test-utils.h"

/* The four discovery exercises, each done the way the room does it: a
 * workshop with teams made through the window's actions, a step of the
 * exercise, its page inside the real window, and the exercise performed
 * through the page's actions.  The result is read back from a second
 * SamStore on the same file, as after a restart. */

typedef struct
{
  SamApplication *app;
  SamStore *store;
  SamWindow *window;
  SamWorkshop *workshop;
  SamStep *step;
  GtkWidget *page;
  AdwToastOverlay *overlay;
  GtkWidget *old_child;
} Host;

static void
host_open (Host              *h,
           const char        *kind,
           const char *const *teams)
{
  g_autoptr(GError) error = NULL;
  const SamExerciseInfo *info = sam_exercise_lookup (kind);

  g_assert_nonnull (info);
  h->app = sam_test_application_new ();
  h->store = sam_application_get_store (h->app);
  h->window = sam_test_window_new (h->app);
  h->workshop = sam_test_create_workshop (h->window, "Colleagues & Customers", teams);

  h->step = sam_store_add_step (h->store, h->workshop, -1, kind, info->title,
                                info->default_minutes, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The page goes where the window's content was, under its toasts. */
  h->page = sam_exercise_page_new (kind);
  g_assert_nonnull (h->page);
  g_object_set (h->page, "store", h->store, "workshop", h->workshop, "step", h->step, NULL);
  h->overlay = ADW_TOAST_OVERLAY (sam_test_find_child (GTK_WIDGET (h->window), ADW_TYPE_TOAST_OVERLAY));
  g_assert_nonnull (h->overlay);
  h->old_child = g_object_ref (adw_toast_overlay_get_child (h->overlay));
  adw_toast_overlay_set_child (h->overlay, h->page);
  sam_test_pump (150);
}

static void
host_close (Host *h)
{
  g_object_set (h->page, "step", NULL, "workshop", NULL, "store", NULL, NULL);
  adw_toast_overlay_set_child (h->overlay, h->old_child);
  g_clear_object (&h->old_child);
  sam_test_destroy_window (h->window);
  g_clear_object (&h->app);
}

static gint64
team_id (Host  *h,
         guint  i)
{
  return sam_team_get_id (sam_sample_team_at (h->store, h->workshop, i));
}

static SamStore *
reopen (Host *h)
{
  g_autoptr(GError) error = NULL;
  SamStore *again = sam_store_open (sam_store_get_path (h->store), &error);

  g_assert_no_error (error);
  return again;
}

static SamStep *
reopened_step (SamStore *again,
               Host     *h)
{
  SamWorkshop *workshop = sam_store_find_workshop (again, sam_workshop_get_uuid (h->workshop));
  SamStep *step;

  g_assert_nonnull (workshop);
  step = sam_store_find_step (again, workshop, sam_step_get_id (h->step));
  g_assert_nonnull (step);
  return step;
}

/* Enter as a card field's key handler sees it. */
static void
press_enter (GtkWidget *text_view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (text_view);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
    }
  g_assert_true (handled);
}

/* The newest card of @kind in the step. */
static SamCard *
last_card (SamStore   *store,
           SamStep    *step,
           const char *kind)
{
  GListModel *cards = sam_store_get_cards (store, step);
  SamCard *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (sam_card_get_kind (card), kind) == 0 &&
          (found == NULL || sam_card_get_id (card) > sam_card_get_id (found)))
        found = card;
    }

  g_assert_nonnull (found);
  return found;
}

static guint
count_cards (SamStore   *store,
             SamStep    *step,
             const char *kind,
             int         response)
{
  GListModel *cards = sam_store_get_cards (store, step);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (sam_card_get_kind (card), kind) == 0 &&
          (response < 0 || sam_card_get_response (card) == response))
        n++;
    }

  return n;
}

/* The first answer button on screen with @css_class that is pressed. */
static GtkToggleButton *
find_pressed_answer (GtkWidget  *root,
                     const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_TOGGLE_BUTTON (child) && gtk_widget_has_css_class (child, css_class) &&
          gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
        return GTK_TOGGLE_BUTTON (child);

      found = find_pressed_answer (child, css_class);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static SamCard *find_card (SamStore   *store,
                           SamStep    *step,
                           const char *text);

static void
test_perspective (void)
{
  static const char *const teams[] = { "Sales", "Back Office", "IT", "Compliance", NULL };
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(SamStore) again = NULL;
  SamPerspectivePage *page;
  SamStep *step;
  gint64 sales, back_office, it, compliance;
  SamCard *card;
  Host h = { 0 };

  host_open (&h, "team-perspective", teams);
  page = SAM_PERSPECTIVE_PAGE (h.page);
  sales = team_id (&h, 0);
  back_office = team_id (&h, 1);
  it = team_id (&h, 2);
  compliance = team_id (&h, 3);

  /* The proposal: each team looks at the next one. */
  g_assert_cmpint (sam_perspective_page_get_target (page, sales), ==, back_office);
  g_assert_cmpint (sam_perspective_page_get_target (page, compliance), ==, sales);
  sam_test_screenshot (GTK_WIDGET (h.window), "perspective-assignment.png");

  /* The coach changes one: the rotation stays whole and is stored. */
  g_assert_true (gtk_widget_activate_action (h.page, "perspective.assign", "(xx)", sales, it));
  g_assert_cmpint (sam_perspective_page_get_target (page, sales), ==, it);
  stored = sam_step_settings_dup_map (sam_step_get_settings (h.step), "assignment");
  g_assert_cmpuint (g_hash_table_size (stored), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (stored, sam_team_get_uuid (sam_sample_team_at (h.store, h.workshop, 0))), ==,
                   sam_team_get_uuid (sam_sample_team_at (h.store, h.workshop, 2)));
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (sam_perspective_page_get_target (page, team_id (&h, i)), !=, team_id (&h, i));
  /* Sales's row (the first) shows its new choice. */
  {
    GtkWidget *dropdown = sam_test_find_mapped_child (h.page, GTK_TYPE_DROP_DOWN);
    GtkStringObject *shown;

    g_assert_nonnull (dropdown);
    shown = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
    g_assert_nonnull (shown);
    g_assert_cmpstr (gtk_string_object_get_string (shown), ==, "IT");
  }


  /* Back to the proposal for the rest of the exercise. */
  gtk_widget_activate_action (h.page, "perspective.propose", NULL);
  g_assert_cmpint (sam_perspective_page_get_target (page, sales), ==, back_office);

  /* Sales writes about Back Office, with its cards on screen. */
  gtk_widget_activate_action (h.page, "perspective.show-writer", "x", sales);
  sam_test_pump (100);
  gtk_widget_activate_action (h.page, "perspective.add-card", "(xss)", sales, "goals",
                              "Process every request within a day");
  gtk_widget_activate_action (h.page, "perspective.add-card", "(xss)", sales, "pressure",
                              "Audits every quarter");
  gtk_widget_activate_action (h.page, "perspective.add-card", "(xss)", sales, "hard",
                              "Customers who send half their papers");
  gtk_widget_activate_action (h.page, "perspective.add-card", "(xss)", sales, "needs",
                              "Complete files from us");
  gtk_widget_activate_action (h.page, "perspective.add-card", "(xss)", it, "strengths",
                              "They know every customer by name");
  /* A blank card and an unknown prompt are not stored. */
  gtk_widget_activate_action (h.page, "perspective.add-card", "(xss)", sales, "goals", "   ");
  gtk_widget_activate_action (h.page, "perspective.add-card", "(xss)", sales, "weather", "Sunny");
  g_assert_cmpuint (count_cards (h.store, h.step, "perspective", -1), ==, 5);

  card = last_card (h.store, h.step, "perspective");
  g_assert_cmpint (sam_card_get_team_id (card), ==, it);
  g_assert_cmpint (sam_card_get_about_team_id (card), ==, compliance);
  g_assert_cmpstr (sam_card_get_prompt (card), ==, "strengths");

  /* Back Office answers Sales' cards. */
  {
    GListModel *cards = sam_store_get_cards (h.store, h.step);

    for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
      {
        g_autoptr(SamCard) c = g_list_model_get_item (cards, i);

        if (sam_card_get_team_id (c) != sales)
          continue;
        if (g_str_equal (sam_card_get_prompt (c), "goals"))
          gtk_widget_activate_action (h.page, "perspective.respond", "(xus)", sam_card_get_id (c), 2,
                                      "Within a week: quality before speed");
        else if (g_str_equal (sam_card_get_prompt (c), "hard"))
          gtk_widget_activate_action (h.page, "perspective.respond", "(xus)", sam_card_get_id (c), 2,
                                      "Rules that change every month");
        else
          gtk_widget_activate_action (h.page, "perspective.respond", "(xus)", sam_card_get_id (c), 1, "");
      }
  }
  gtk_widget_activate_action (h.page, "perspective.add-own", "(xss)", back_office, "needs",
                              "A call before a big campaign starts");

  gtk_widget_activate_action (h.page, "perspective.show-writer", "x", sales);
  sam_test_pump (200);
  /* One list: the top row, then per prompt a section of Sales' cards and
   * one of what Back Office adds, each a heading, its cards and a field. */
  {
    SamCardTree *tree = sam_perspective_page_get_tree (page);
    GListModel *rows = sam_card_tree_get_rows (tree);
    GObject *own_goals = sam_perspective_page_find_section (page, "goals", back_office);
    GtkWidget *entry;
    SamCard *added;

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + 5 * 2 * 2 + 5);

    /* Back Office types what is missing about its goals: Enter adds it
     * as "added" and keeps the field. */
    g_assert_nonnull (own_goals);
    sam_card_tree_show_entry (tree, own_goals, NULL);
    sam_test_pump (100);
    entry = sam_card_tree_show_entry (tree, own_goals, NULL);
    g_assert_nonnull (entry);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (entry))), ==,
                     "Back Office adds what is missing…");
    gtk_widget_grab_focus (entry);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry)), "Fewer calls back", -1);
    press_enter (entry);
    sam_test_pump (100);
    g_assert_true (gtk_root_get_focus (gtk_widget_get_root (entry)) == entry);
    added = find_card (h.store, h.step, "Fewer calls back");
    g_assert_cmpint (sam_card_get_team_id (added), ==, back_office);
    g_assert_cmpint (sam_card_get_about_team_id (added), ==, back_office);
    g_assert_cmpstr (sam_card_get_prompt (added), ==, "goals");
    g_assert_cmpint (sam_card_get_response (added), ==, SAM_PERSPECTIVE_ADDED);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + 5 * 2 * 2 + 6);
    gtk_widget_activate_action (GTK_WIDGET (tree), "cards.delete", "x", sam_card_get_id (added));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + 5 * 2 * 2 + 5);
  }
  sam_test_screenshot (GTK_WIDGET (h.window), "perspective-page.png");

  /* An answer pressed again is taken back: the card is open again. */
  {
    GtkToggleButton *pressed = find_pressed_answer (h.page, "discover-recognised");
    guint recognised = count_cards (h.store, h.step, "perspective", SAM_PERSPECTIVE_RECOGNISED);
    guint open = count_cards (h.store, h.step, "perspective", SAM_PERSPECTIVE_OPEN);

    g_assert_nonnull (pressed);
    gtk_toggle_button_set_active (pressed, FALSE);
    g_assert_cmpuint (count_cards (h.store, h.step, "perspective", SAM_PERSPECTIVE_RECOGNISED), ==, recognised - 1);
    g_assert_cmpuint (count_cards (h.store, h.step, "perspective", SAM_PERSPECTIVE_OPEN), ==, open + 1);
    /* and pressed once more, given again */
    gtk_toggle_button_set_active (pressed, TRUE);
    g_assert_cmpuint (count_cards (h.store, h.step, "perspective", SAM_PERSPECTIVE_RECOGNISED), ==, recognised);
  }
  gtk_widget_activate_action (h.page, "perspective.show-view", "s", "differences");
  sam_test_pump (200);
  sam_test_screenshot (GTK_WIDGET (h.window), "perspective-differences.png");

  /* A team in its own shoes is refused, and nothing changes. */
  gtk_widget_activate_action (h.page, "perspective.assign", "(xx)", it, it);
  g_assert_cmpint (sam_perspective_page_get_target (page, it), ==, compliance);
  g_assert_cmpint (sam_perspective_page_get_target (page, sales), ==, back_office);

  /* Everything is on disk. */
  again = reopen (&h);
  step = reopened_step (again, &h);
  g_assert_cmpuint (count_cards (again, step, "perspective", -1), ==, 6);
  g_assert_cmpuint (count_cards (again, step, "perspective", 1), ==, 2);
  g_assert_cmpuint (count_cards (again, step, "perspective", 2), ==, 2);
  g_assert_cmpuint (count_cards (again, step, "perspective", 3), ==, 1);
  g_assert_cmpuint (count_cards (again, step, "perspective", 0), ==, 1);
  card = last_card (again, step, "perspective");
  g_assert_cmpint (sam_card_get_team_id (card), ==, back_office);
  g_assert_cmpint (sam_card_get_about_team_id (card), ==, back_office);
  g_assert_cmpint (sam_card_get_response (card), ==, 3);
  {
    g_autoptr(GHashTable) assignment = sam_step_settings_dup_map (sam_step_get_settings (step), "assignment");

    g_assert_cmpstr (g_hash_table_lookup (assignment,
                                          sam_team_get_uuid (sam_sample_team_at (h.store, h.workshop, 0))),
                     ==, sam_team_get_uuid (sam_sample_team_at (h.store, h.workshop, 1)));
  }

  host_close (&h);
}

static void
test_customer_walk (void)
{
  static const char *const teams[] = { "Sales", "Back Office", NULL };
  static const char *const steps[] = {
    "Tells us the new address by phone",
    "Fills in the change-of-address form",
    "Sends a copy of the rental contract",
    "Waits for the confirmation letter",
    NULL
  };
  g_autoptr(SamStore) again = NULL;
  g_autofree char *persona = NULL;
  g_autofree char *request = NULL;
  GListModel *cards;
  SamStep *step;
  Host h = { 0 };

  host_open (&h, "customer-walk", teams);

  /* Until the coach writes one, the default persona frames the walk. */
  persona = sam_customer_walk_dup_persona (h.step);
  g_assert_nonnull (strstr (persona, "mother"));
  g_clear_pointer (&persona, g_free);

  g_assert_true (gtk_widget_activate_action (h.page, "walk.set-persona", "s",
                                             "Imagine the customer is your brother, who just moved"));
  gtk_widget_activate_action (h.page, "walk.set-request", "s", "A house move");
  for (guint i = 0; steps[i] != NULL; i++)
    gtk_widget_activate_action (h.page, "walk.add-step", "s", steps[i]);
  gtk_widget_activate_action (h.page, "walk.add-step", "s", "  ");

  cards = sam_store_get_cards (h.store, h.step);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      static const int values[] = { 1, -1, -1, 0 };
      static const char *const whys[] = {
        "So that letters reach the new house",
        "The old system needed it in 1998",
        "Compliance asked for it once",
        NULL
      };

      g_assert_cmpstr (sam_card_get_text (card), ==, steps[i]);
      if (whys[i] != NULL)
        gtk_widget_activate_action (h.page, "walk.set-why", "(xs)", sam_card_get_id (card), whys[i]);
      gtk_widget_activate_action (h.page, "walk.set-value", "(xi)", sam_card_get_id (card), values[i]);
    }

  sam_test_pump (200);
  /* One list: the top row, the heading, the four steps, the field; under
   * each step its why and its value, bound to that step. */
  {
    SamCardTree *tree = sam_customer_walk_page_get_tree (SAM_CUSTOMER_WALK_PAGE (h.page));
    g_autoptr(SamCard) second = g_list_model_get_item (cards, 1);
    GtkWidget *row, *extra, *why;

    g_assert_cmpuint (g_list_model_get_n_items (sam_card_tree_get_rows (tree)), ==, 1 + 1 + 4 + 1);
    row = sam_card_tree_show_card (tree, second);
    sam_test_pump (100);
    row = sam_card_tree_show_card (tree, second);
    g_assert_nonnull (row);
    extra = gtk_widget_get_next_sibling (row);
    why = gtk_widget_get_last_child (gtk_widget_get_first_child (extra));
    g_assert_true (GTK_IS_ENTRY (why));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (why)), ==, "The old system needed it in 1998");
  }
  sam_test_screenshot (GTK_WIDGET (h.window), "customer-walk-page.png");

  again = reopen (&h);
  step = reopened_step (again, &h);
  persona = sam_customer_walk_dup_persona (step);
  g_assert_cmpstr (persona, ==, "Imagine the customer is your brother, who just moved");
  request = sam_step_settings_dup_string (sam_step_get_settings (step), "request");
  g_assert_cmpstr (request, ==, "A house move");
  cards = sam_store_get_cards (again, step);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 4);
  {
    g_autoptr(SamCard) first = g_list_model_get_item (cards, 0);
    g_autoptr(SamCard) second = g_list_model_get_item (cards, 1);
    g_autoptr(SamCard) last = g_list_model_get_item (cards, 3);

    g_assert_cmpstr (sam_card_get_kind (first), ==, "customer-step");
    g_assert_cmpint (sam_card_get_value (first), ==, 1);
    g_assert_cmpstr (sam_card_get_detail (first), ==, "So that letters reach the new house");
    g_assert_cmpint (sam_card_get_value (second), ==, -1);
    g_assert_cmpint (sam_card_get_value (last), ==, 0);
    g_assert_cmpstr (sam_card_get_text (last), ==, "Waits for the confirmation letter");
  }

  host_close (&h);
}

static SamCard *
find_card (SamStore   *store,
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

  g_assert_not_reached ();
  return NULL;
}

/* How many mapped widgets under @root carry @css_class. */
static guint
count_mapped_class (GtkWidget  *root,
                    const char *css_class)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (gtk_widget_has_css_class (child, css_class))
        n++;
      n += count_mapped_class (child, css_class);
    }

  return n;
}

static void
test_strengths (void)
{
  static const char *const teams[] = { "Sales", "Back Office", "IT", NULL };
  g_autoptr(SamStore) again = NULL;
  GListModel *links;
  SamCard *fast, *backlog, *audits;
  gint64 sales, back_office, it;
  SamStep *step;
  Host h = { 0 };

  host_open (&h, "strengths", teams);
  sales = team_id (&h, 0);
  back_office = team_id (&h, 1);
  it = team_id (&h, 2);

  /* Said by the team itself, and seen by the others. */
  g_assert_true (gtk_widget_activate_action (h.page, "strengths.add", "(sxxs)", "strength", sales, sales,
                                             "We answer every call within a minute"));
  gtk_widget_activate_action (h.page, "strengths.add", "(sxxs)", "strength", it, sales,
                              "They know what customers really ask for");
  gtk_widget_activate_action (h.page, "strengths.add", "(sxxs)", "challenge", sales, sales,
                              "Promises we cannot check");
  gtk_widget_activate_action (h.page, "strengths.add", "(sxxs)", "challenge", it, it,
                              "A backlog of three months");
  gtk_widget_activate_action (h.page, "strengths.add", "(sxxs)", "strength", back_office, it,
                              "Systems that never lose a file");
  gtk_widget_activate_action (h.page, "strengths.add", "(sxxs)", "challenge", back_office, back_office,
                              "Audits eat our Fridays");
  gtk_widget_activate_action (h.page, "strengths.add", "(sxxs)", "opinion", sales, sales, "Not a kind");
  gtk_widget_activate_action (h.page, "strengths.add", "(sxxs)", "strength", sales, sales, "  ");
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (h.store, h.step)), ==, 6);

  gtk_widget_activate_action (h.page, "strengths.show-team", "x", sales);
  sam_test_pump (200);
  /* One list: the top row, then per writer (Sales itself first) a section
   * of strengths and one of challenges, each a heading, its cards about
   * Sales and a field. */
  {
    SamCardTree *tree = sam_strengths_page_get_tree (SAM_STRENGTHS_PAGE (h.page));
    GObject *seen_by_it = sam_strengths_page_find_section (SAM_STRENGTHS_PAGE (h.page), "challenge", it);
    GListModel *rows = sam_card_tree_get_rows (tree);
    GtkWidget *entry;

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + 6 * 2 + 3);
    {
      g_autoptr(GObject) first_card = g_list_model_get_item (rows, 2);

      g_assert_true (SAM_CARD (first_card) == find_card (h.store, h.step, "We answer every call within a minute"));
    }

    /* Typed into IT's field for the challenges of Sales: Enter adds it
     * there and keeps the field. */
    g_assert_nonnull (seen_by_it);
    sam_card_tree_show_entry (tree, seen_by_it, NULL);
    sam_test_pump (100);
    entry = sam_card_tree_show_entry (tree, seen_by_it, NULL);
    g_assert_nonnull (entry);
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_next_sibling (entry)));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (entry))), ==, "A challenge IT sees…");
    gtk_widget_grab_focus (entry);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry)), "Promising dates nobody checked", -1);
    press_enter (entry);
    g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry))), ==, 0);
    sam_test_pump (100);
    g_assert_true (gtk_root_get_focus (gtk_widget_get_root (entry)) == entry);
    g_assert_cmpint (sam_card_get_team_id (find_card (h.store, h.step, "Promising dates nobody checked")), ==, it);
    g_assert_cmpint (sam_card_get_about_team_id (find_card (h.store, h.step, "Promising dates nobody checked")), ==, sales);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + 6 * 2 + 4);
    gtk_widget_activate_action (GTK_WIDGET (tree), "cards.delete", "x",
                                sam_card_get_id (find_card (h.store, h.step, "Promising dates nobody checked")));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + 6 * 2 + 3);
  }
  sam_test_screenshot (GTK_WIDGET (h.window), "strengths-page.png");

  /* Potential: a strength of Sales for a challenge of IT. */
  fast = find_card (h.store, h.step, "They know what customers really ask for");
  backlog = find_card (h.store, h.step, "A backlog of three months");
  audits = find_card (h.store, h.step, "Audits eat our Fridays");
  links = sam_store_get_card_links (h.store, h.step);
  gtk_widget_activate_action (h.page, "strengths.link", "(xxs)", sam_card_get_id (fast), sam_card_get_id (backlog),
                              "Sales helps IT decide what comes first");
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);

  /* Within one team: refused with a reason, nothing stored. */
  gtk_widget_activate_action (h.page, "strengths.link", "(xxs)",
                              sam_card_get_id (find_card (h.store, h.step, "We answer every call within a minute")),
                              sam_card_get_id (find_card (h.store, h.step, "Promises we cannot check")), "");
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  /* A challenge as a strength is refused too. */
  gtk_widget_activate_action (h.page, "strengths.link", "(xxs)", sam_card_get_id (audits),
                              sam_card_get_id (backlog), "");
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);

  /* Delete and Undo. */
  gtk_widget_activate_action (h.page, "strengths.link", "(xxs)",
                              sam_card_get_id (find_card (h.store, h.step, "Systems that never lose a file")),
                              sam_card_get_id (audits), "");
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 2);
  {
    g_autoptr(SamCardLink) second = g_list_model_get_item (links, 1);

    gtk_widget_activate_action (h.page, "strengths.unlink", "x", sam_card_link_get_id (second));
  }
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 2);

  gtk_widget_activate_action (h.page, "strengths.show-view", "s", "potential");
  sam_test_pump (200);
  sam_test_screenshot (GTK_WIDGET (h.window), "strengths-potential.png");
  /* A row per link, following the links. */
  g_assert_cmpuint (count_mapped_class (h.page, "discover-link"), ==, 2);
  {
    g_autoptr(SamCardLink) second = g_list_model_get_item (links, 1);

    gtk_widget_activate_action (h.page, "strengths.unlink", "x", sam_card_link_get_id (second));
  }
  sam_test_pump (100);
  g_assert_cmpuint (count_mapped_class (h.page, "discover-link"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.window), "win.undo", NULL));
  sam_test_pump (100);
  g_assert_cmpuint (count_mapped_class (h.page, "discover-link"), ==, 2);

  again = reopen (&h);
  step = reopened_step (again, &h);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (again, step)), ==, 6);
  links = sam_store_get_card_links (again, step);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 2);
  {
    g_autoptr(SamCardLink) first = g_list_model_get_item (links, 0);
    SamCard *from = sam_store_find_card (again, step, sam_card_link_get_from_card_id (first));
    SamCard *to = sam_store_find_card (again, step, sam_card_link_get_to_card_id (first));

    g_assert_cmpstr (sam_card_link_get_kind (first), ==, "potential");
    g_assert_cmpstr (sam_card_link_get_note (first), ==, "Sales helps IT decide what comes first");
    g_assert_cmpstr (sam_card_get_kind (from), ==, "strength");
    g_assert_cmpint (sam_card_get_team_id (from), ==, it);
    g_assert_cmpint (sam_card_get_about_team_id (from), ==, sales);
    g_assert_cmpstr (sam_card_get_kind (to), ==, "challenge");
    g_assert_cmpint (sam_card_get_about_team_id (to), ==, it);
  }

  host_close (&h);
}

static void
test_beliefs (void)
{
  static const char *const teams[] = { "Sales", "Back Office", "IT", NULL };
  g_autoptr(SamStore) again = NULL;
  gint64 sales, back_office, it;
  SamCard *card;
  SamStep *step;
  Host h = { 0 };

  host_open (&h, "beliefs", teams);
  sales = team_id (&h, 0);
  back_office = team_id (&h, 1);
  it = team_id (&h, 2);

  g_assert_true (gtk_widget_activate_action (h.page, "beliefs.add", "(xxs)", back_office, sales,
                                             "It is always us who pick up the pieces"));
  gtk_widget_activate_action (h.page, "beliefs.add", "(xxs)", sales, it, "IT causes the delay");
  gtk_widget_activate_action (h.page, "beliefs.add", "(xxs)", it, sales,
                              "Sales sold something that does not exist yet");
  gtk_widget_activate_action (h.page, "beliefs.add", "(xxs)", back_office, (gint64) 0,
                              "The customer only calls to complain");
  /* A belief about oneself is refused. */
  gtk_widget_activate_action (h.page, "beliefs.add", "(xxs)", it, it, "We are too slow");
  g_assert_cmpuint (count_cards (h.store, h.step, "belief", -1), ==, 4);

  card = find_card (h.store, h.step, "IT causes the delay");
  g_assert_cmpint (sam_card_get_value (card), ==, 3);
  gtk_widget_activate_action (h.page, "beliefs.set-strength", "(xu)", sam_card_get_id (card), 5);
  g_assert_cmpint (sam_card_get_value (card), ==, 5);
  /* Out of range: refused, the old strength stays. */
  gtk_widget_activate_action (h.page, "beliefs.set-strength", "(xu)", sam_card_get_id (card), 9);
  g_assert_cmpint (sam_card_get_value (card), ==, 5);
  card = find_card (h.store, h.step, "The customer only calls to complain");
  gtk_widget_activate_action (h.page, "beliefs.set-strength", "(xu)", sam_card_get_id (card), 2);

  /* Typed into the chosen pair's card list: it starts at the middle. */
  gtk_widget_activate_action (h.page, "beliefs.select-pair", "(xx)", sales, back_office);
  sam_test_pump (100);
  {
    SamCardTree *tree = sam_beliefs_page_get_tree (SAM_BELIEFS_PAGE (h.page));
    GObject *pair = sam_beliefs_page_find_pair (SAM_BELIEFS_PAGE (h.page), sales, back_office);
    GtkWidget *entry;

    g_assert_nonnull (pair);
    sam_card_tree_show_entry (tree, pair, NULL);
    sam_test_pump (100);
    entry = sam_card_tree_show_entry (tree, pair, NULL);
    g_assert_nonnull (entry);
    gtk_widget_grab_focus (entry);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry)), "Back Office slows every deal down", -1);
    press_enter (entry);
    /* Enter keeps the field for the next belief of the pair. */
    g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry))), ==, 0);
    sam_test_pump (100);
    g_assert_true (gtk_root_get_focus (gtk_widget_get_root (entry)) == entry);
  }
  /* Every pair with beliefs is a section, in team order, the customer
   * last: Sales about Back Office (chosen), Sales about IT, Back Office
   * about Sales, Back Office about the customer, IT about Sales. */
  {
    GListModel *rows = sam_card_tree_get_rows (sam_beliefs_page_get_tree (SAM_BELIEFS_PAGE (h.page)));

    /* The top row, then per pair a heading, its belief and a field. */
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + 5 * 3);
  }
  /* The strength of a belief follows its dots. */
  {
    SamCard *belief = find_card (h.store, h.step, "Back Office slows every deal down");
    GtkWidget *row = sam_card_tree_show_card (sam_beliefs_page_get_tree (SAM_BELIEFS_PAGE (h.page)), belief);
    GtkWidget *dots;

    g_assert_nonnull (row);
    dots = gtk_widget_get_next_sibling (row);
    g_assert_nonnull (dots);
    g_assert_true (gtk_widget_has_css_class (gtk_button_get_child (GTK_BUTTON (gtk_widget_get_first_child (dots))), "filled"));
    g_assert_false (gtk_widget_has_css_class (gtk_button_get_child (GTK_BUTTON (gtk_widget_get_prev_sibling (gtk_widget_get_last_child (dots)))),
                                                "filled"));
  }
  sam_test_pump (100);
  g_assert_cmpint (sam_card_get_value (find_card (h.store, h.step, "Back Office slows every deal down")), ==, 3);

  sam_test_pump (200);
  sam_test_screenshot (GTK_WIDGET (h.window), "beliefs-page.png");

  /* Dark mode, as on a dim projector. */
  g_settings_set_string (sam_application_get_settings (h.app), "style-variant", "dark");
  sam_test_pump (200);
  sam_test_screenshot (GTK_WIDGET (h.window), "beliefs-page-dark.png");
  g_settings_set_string (sam_application_get_settings (h.app), "style-variant", "default");

  again = reopen (&h);
  step = reopened_step (again, &h);
  g_assert_cmpuint (count_cards (again, step, "belief", -1), ==, 5);
  card = find_card (again, step, "IT causes the delay");
  g_assert_cmpint (sam_card_get_team_id (card), ==, sales);
  g_assert_cmpint (sam_card_get_about_team_id (card), ==, it);
  g_assert_cmpint (sam_card_get_value (card), ==, 5);
  card = find_card (again, step, "The customer only calls to complain");
  g_assert_cmpint (sam_card_get_about_team_id (card), ==, 0);
  g_assert_cmpint (sam_card_get_value (card), ==, 2);
  card = find_card (again, step, "Back Office slows every deal down");
  g_assert_cmpint (sam_card_get_team_id (card), ==, sales);
  g_assert_cmpint (sam_card_get_about_team_id (card), ==, back_office);

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

  g_test_add_func ("/sam/ui/discover/perspective", test_perspective);
  g_test_add_func ("/sam/ui/discover/customer-walk", test_customer_walk);
  g_test_add_func ("/sam/ui/discover/strengths", test_strengths);
  g_test_add_func ("/sam/ui/discover/beliefs", test_beliefs);

  return g_test_run ();
}
