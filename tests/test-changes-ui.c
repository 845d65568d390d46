/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-card-row.h"
#include "sam-changes-page.h"
#include "sam-compat.h"
#include "sam-sample-workshop.h"
#include "sam-step-view.h"
#include "sam-test-utils.h"
#include "sam-workshop-view.h"

/* The "Changes and impact" page and the card widget under it, and removing
 * a team that wrote cards. */

typedef struct
{
  SamApplication *app;
  SamStore *store;
  SamWindow *window;
  SamWorkshop *workshop;
  GtkWidget *view;
  SamStep *step;
  SamChangesPage *page;
  SamTeam *teams[3];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char *const names[] = { "Sales", "Back Office", "IT & Data", NULL };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (f->teams) + 1);

  f->app = sam_test_application_new ();
  f->store = sam_application_get_store (f->app);
  f->window = sam_test_window_new (f->app);
  f->workshop = sam_test_create_workshop (f->window, "Acme Insurance", names);
  f->view = sam_window_get_workshop_view (f->window);
  for (guint i = 0; i < G_N_ELEMENTS (f->teams); i++)
    f->teams[i] = sam_sample_team_at (f->store, f->workshop, i);
  gtk_widget_activate_action (f->view, "workshop.set-team-colour", "(xu)", sam_team_get_id (f->teams[2]), 6);

  g_assert_true (gtk_widget_activate_action (f->view, "workshop.add-step", "s", "changes"));
  f->page = SAM_CHANGES_PAGE (sam_test_shown_page (f->view, &f->step));
  g_assert_true (SAM_IS_CHANGES_PAGE (f->page));
  sam_test_pump (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sam_test_destroy_window (f->window);
  g_clear_object (&f->app);
}

static GListModel *
cards (Fixture *f)
{
  return sam_store_get_cards (f->store, f->step);
}

static SamCard *
card_at (Fixture *f,
         guint    i)
{
  g_autoptr(SamCard) card = g_list_model_get_item (cards (f), i);
  return card;
}

static SamCard *
bucket_card (GListModel *bucket,
             guint       i)
{
  g_autoptr(SamCard) card = g_list_model_get_item (bucket, i);
  return card;
}

/* The row on screen that shows @card. */
static GtkWidget *
card_row_of (GtkWidget *root,
             SamCard   *card)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (SAM_IS_CARD_ROW (child) && sam_card_row_get_card (SAM_CARD_ROW (child)) == card)
        return child;
      if ((found = card_row_of (child, card)) != NULL)
        return found;
    }

  return NULL;
}

/* Enter as the field's key handler sees it. */
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

/* Adds a change (@change NULL) or an impact under @change, as the page's
 * fields do. */
static void
add_card (Fixture    *f,
          SamTeam    *team,
          SamCard    *change,
          const char *text)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "cards.add-to", "(xxs)",
                                             sam_team_get_id (team),
                                             change ? sam_card_get_id (change) : (gint64) 0, text));
}

static void
add_changes (Fixture *f)
{
  static const char *const changes[3][2] = {
    { "Stricter rules on customer identification", "Customers compare us online before they call" },
    { "Yearly audit of every file", "More requests arrive by e-mail than by post" },
    { "The old policy system is switched off next year", NULL },
  };

  for (guint t = 0; t < 3; t++)
    {
      g_assert_nonnull (sam_changes_page_get_changes (f->page, f->teams[t]));
      for (guint i = 0; i < 2 && changes[t][i] != NULL; i++)
        add_card (f, f->teams[t], NULL, changes[t][i]);
    }
  sam_test_pump (50);
}

static void
test_changes_and_impacts (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *sales, *impacts;
  SamCard *change, *second;
  guint n;

  add_changes (f);
  g_assert_cmpuint (g_list_model_get_n_items (cards (f)), ==, 5);
  sales = sam_changes_page_get_changes (f->page, f->teams[0]);
  g_assert_cmpuint (g_list_model_get_n_items (sales), ==, 2);
  change = bucket_card (sales, 0);
  g_assert_cmpstr (sam_card_get_kind (change), ==, "change");
  g_assert_cmpint (sam_card_get_team_id (change), ==, sam_team_get_id (f->teams[0]));
  g_assert_cmpint (sam_card_get_parent_id (change), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sam_changes_page_get_changes (f->page, f->teams[2])), ==, 1);

  /* Impacts hang under their change. */
  impacts = sam_changes_page_get_impacts (f->page, change);
  g_assert_nonnull (impacts);
  add_card (f, f->teams[0], change, "We ask every customer for an ID again");
  add_card (f, f->teams[0], change, "Longer calls at the desk");
  g_assert_cmpuint (g_list_model_get_n_items (impacts), ==, 2);
  g_assert_cmpstr (sam_card_get_kind (bucket_card (impacts, 0)), ==, "impact");
  g_assert_cmpint (sam_card_get_parent_id (bucket_card (impacts, 0)), ==, sam_card_get_id (change));
  g_assert_cmpint (sam_card_get_team_id (bucket_card (impacts, 1)), ==, sam_team_get_id (f->teams[0]));
  {
    SamCard *it_change = bucket_card (sam_changes_page_get_changes (f->page, f->teams[2]), 0);

    add_card (f, f->teams[2], it_change, "Two systems side by side for a year");
    g_assert_cmpuint (g_list_model_get_n_items (sam_changes_page_get_impacts (f->page, it_change)), ==, 1);
  }
  n = g_list_model_get_n_items (cards (f));
  g_assert_cmpuint (n, ==, 8);

  /* One list shows it all, in order: per team its header, each change
   * with its impacts and a field for the next impact, a field for the
   * next change: 3 headers, 5 changes, 3 impacts, 5 + 3 fields. */
  sam_test_pump (50);
  g_assert_cmpuint (g_list_model_get_n_items (sam_card_tree_get_rows (sam_changes_page_get_tree (f->page))), ==, 3 + 5 + 3 + 5 + 3);
  {
    g_autoptr(GObject) second_row = g_list_model_get_item (sam_card_tree_get_rows (sam_changes_page_get_tree (f->page)), 1);
    g_autoptr(GObject) third_row = g_list_model_get_item (sam_card_tree_get_rows (sam_changes_page_get_tree (f->page)), 2);

    g_assert_true (second_row == G_OBJECT (change));
    g_assert_true (SAM_IS_CARD (third_row));
    g_assert_cmpstr (sam_card_get_kind (SAM_CARD (third_row)), ==, "impact");
  }

  /* Typed into a team's field, Enter adds the change and the field keeps
   * the focus for the next one. */
  {
    GtkWidget *entry = sam_card_tree_show_entry (sam_changes_page_get_tree (f->page), G_OBJECT (f->teams[1]), NULL);
    GListModel *back_office = sam_changes_page_get_changes (f->page, f->teams[1]);
    GtkTextBuffer *buffer;

    g_assert_nonnull (entry);
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry));
    gtk_widget_grab_focus (entry);
    gtk_text_buffer_set_text (buffer, "  Paper files go digital  ", -1);
    press_enter (entry);
    g_assert_cmpuint (g_list_model_get_n_items (back_office), ==, 3);
    g_assert_cmpstr (sam_card_get_text (bucket_card (back_office, 2)), ==, "Paper files go digital");
    g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
    sam_test_pump (50);
    g_assert_true (gtk_root_get_focus (gtk_widget_get_root (entry)) == entry);
    g_assert_true (sam_card_tree_show_entry (sam_changes_page_get_tree (f->page), G_OBJECT (f->teams[1]), NULL) == entry);
    gtk_widget_activate_action (GTK_WIDGET (sam_changes_page_get_tree (f->page)), "cards.delete", "x",
                                sam_card_get_id (bucket_card (back_office, 2)));
  }

  /* Empty and blank texts are never stored. */
  add_card (f, f->teams[0], NULL, "");
  add_card (f, f->teams[0], NULL, "   \n  ");
  g_assert_cmpuint (g_list_model_get_n_items (cards (f)), ==, n);

  /* Edit through the action, and by typing into the card. */
  gtk_widget_activate_action (GTK_WIDGET (sam_changes_page_get_tree (f->page)), "cards.set-text", "(xs)", sam_card_get_id (change),
                              "Stricter rules on identifying customers");
  g_assert_cmpstr (sam_card_get_text (change), ==, "Stricter rules on identifying customers");
  gtk_widget_activate_action (GTK_WIDGET (sam_changes_page_get_tree (f->page)), "cards.set-text", "(xs)", sam_card_get_id (change), "  ");
  g_assert_cmpstr (sam_card_get_text (change), ==, "Stricter rules on identifying customers");
  {
    GtkWidget *row = sam_test_find_child (GTK_WIDGET (f->page), SAM_TYPE_CARD_ROW);
    GtkWidget *text = sam_test_find_child (row, GTK_TYPE_TEXT_VIEW);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));

    g_assert_true (sam_card_row_get_card (SAM_CARD_ROW (row)) == change);
    sam_card_row_edit (SAM_CARD_ROW (row));
    /* The window's focus (has_focus also needs the window to be active,
     * which it need not be without a window manager). */
    g_assert_true (gtk_root_get_focus (gtk_widget_get_root (text)) == text);
    gtk_text_buffer_set_text (buffer, "", -1);
    g_assert_cmpstr (sam_card_get_text (change), ==, "Stricter rules on identifying customers");
    gtk_text_buffer_set_text (buffer, "Know your customer: stricter rules", -1);
    g_assert_cmpstr (sam_card_get_text (change), ==, "Know your customer: stricter rules");
  }

  /* Reorder within the team's changes. */
  second = bucket_card (sales, 1);
  gtk_widget_activate_action (GTK_WIDGET (sam_changes_page_get_tree (f->page)), "cards.move", "(xi)", sam_card_get_id (change), 1);
  g_assert_true (bucket_card (sales, 0) == second);
  g_assert_true (bucket_card (sales, 1) == change);
  g_assert_cmpuint (sam_card_get_position (second), <, sam_card_get_position (change));
  /* Past the end: nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (sam_changes_page_get_tree (f->page)), "cards.move", "(xi)", sam_card_get_id (change), 1);
  g_assert_true (bucket_card (sales, 1) == change);
  gtk_widget_activate_action (GTK_WIDGET (sam_changes_page_get_tree (f->page)), "cards.move-to", "(xx)",
                              sam_card_get_id (change), sam_card_get_id (second));
  g_assert_true (bucket_card (sales, 0) == change);
  sam_test_pump (50);

  /* The rows made again after the move show the card's text, in full
   * (rows are made for what is in view: the list is scrolled there). */
  gtk_widget_activate_action (sam_card_tree_get_list_view (sam_changes_page_get_tree (f->page)), "list.scroll-to-item", "u", 1);
  sam_test_pump (50);
  {
    GtkWidget *row = card_row_of (GTK_WIDGET (f->page), change);

    g_assert_nonnull (row);
    g_assert_cmpstr (sam_card_row_get_shown_text (SAM_CARD_ROW (row)), ==, sam_card_get_text (change));
  }

  /* Alt+Down (the same action) moves the card and the focus stays on it,
   * in the row made for its new place. */
  {
    GtkWidget *row = card_row_of (GTK_WIDGET (f->page), change);
    GtkWidget *focus;

    sam_card_row_focus_text (SAM_CARD_ROW (row));
    g_assert_true (gtk_widget_activate_action (row, "cards.move", "(xi)", sam_card_get_id (change), 1));
    g_assert_true (bucket_card (sales, 1) == change);
    focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (f->page)));
    g_assert_nonnull (focus);
    row = gtk_widget_get_ancestor (focus, SAM_TYPE_CARD_ROW);
    g_assert_nonnull (row);
    g_assert_true (sam_card_row_get_card (SAM_CARD_ROW (row)) == change);
    g_assert_true (gtk_widget_activate_action (row, "cards.move", "(xi)", sam_card_get_id (change), -1));
    g_assert_true (bucket_card (sales, 0) == change);
    sam_test_pump (50);
  }

  /* As projected: the sidebar hidden, the room's instructions on top. */
  gtk_widget_activate_action (sam_workshop_view_get_step_view (SAM_WORKSHOP_VIEW (f->view)),
                              "step.set-instructions", "s",
                              "Per team: what changes around us? Then, under every change, "
                              "what it means for our own work.");
  gtk_widget_activate_action (f->view, "workshop.toggle-sidebar", NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  sam_test_pump (1000);
  sam_test_screenshot (GTK_WIDGET (f->window), "changes-page.png");
  g_settings_set_string (sam_application_get_settings (f->app), "style-variant", "dark");
  sam_test_pump (100);
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (f->window), "changes-page-dark.png");
  g_settings_set_string (sam_application_get_settings (f->app), "style-variant", "default");
  gtk_widget_activate_action (f->view, "workshop.toggle-sidebar", NULL);

  /* Delete a change: its impacts go with it; Undo brings all back. */
  {
    gint64 id = sam_card_get_id (change);

    gtk_widget_activate_action (GTK_WIDGET (sam_changes_page_get_tree (f->page)), "cards.delete", "x", id);
    g_assert_null (sam_store_find_card (f->store, f->step, id));
    g_assert_cmpuint (g_list_model_get_n_items (cards (f)), ==, n - 3);
    g_assert_cmpuint (g_list_model_get_n_items (sales), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (sam_card_tree_get_rows (sam_changes_page_get_tree (f->page))), ==, 3 + 4 + 1 + 4 + 3);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (cards (f)), ==, n);
    g_assert_nonnull (sam_store_find_card (f->store, f->step, id));
    sam_test_pump (50);
    sales = sam_changes_page_get_changes (f->page, f->teams[0]);
    g_assert_cmpuint (g_list_model_get_n_items (sales), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (sam_card_tree_get_rows (sam_changes_page_get_tree (f->page))), ==, 3 + 5 + 3 + 5 + 3);
  }

  /* All of it is on disk. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamStore) again = sam_store_open (sam_store_get_path (f->store), &error);
    SamWorkshop *reread;
    SamStep *step;

    g_assert_no_error (error);
    reread = sam_store_find_workshop (again, sam_workshop_get_uuid (f->workshop));
    step = sam_store_find_step (again, reread, sam_step_get_id (f->step));
    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (again, step)), ==, n);
  }
}

static void
test_long_card (Fixture       *f,
                gconstpointer  data)
{
  GListModel *list = sam_changes_page_get_changes (f->page, f->teams[1]);
  GString *text = g_string_new (NULL);

  while (text->len < 12000)
    g_string_append (text, "A long pasted report about what changes in our market. ");
  g_string_truncate (text, 12000);
  text->str[text->len - 1] = '.';

  add_card (f, f->teams[1], NULL, text->str);
  sam_test_pump (200);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (strlen (sam_card_get_text (bucket_card (list, 0))), ==, 12000);
  /* Laid out and drawn: the card wraps instead of widening the window.
   * (How long that takes is a benchmark's business, not a test's.) */
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (f->window), "changes-long-card.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <, 2000);

  g_string_free (text, TRUE);
}

static void
test_remove_team_with_cards (Fixture       *f,
                             gconstpointer  data)
{
  GListModel *teams = sam_store_get_teams (f->store, f->workshop);
  GtkWidget *dialog;
  gint64 id = sam_team_get_id (f->teams[0]);
  SamCard *change;

  add_changes (f);
  change = bucket_card (sam_changes_page_get_changes (f->page, f->teams[0]), 0);
  add_card (f, f->teams[0], change, "Longer calls");
  g_assert_cmpuint (sam_store_count_team_content (f->store, f->teams[0]), ==, 3);

  /* The asking action shows a dialog and removes nothing yet. */
  g_assert_null (sam_compat_alert_find_open ());
  gtk_widget_activate_action (f->view, "workshop.remove-team", "x", id);
  sam_test_pump (100);
  dialog = sam_compat_alert_find_open ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (sam_compat_alert_get_body (dialog), "3 cards"));
  g_assert_nonnull (strstr (sam_compat_alert_get_heading (dialog), "Sales"));
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 3);
  sam_test_pump (400);
  sam_test_screenshot (dialog, "remove-team-dialog.png");

  /* Cancel keeps everything. */
  g_assert_true (sam_compat_alert_respond (dialog, "cancel"));
  g_assert_null (sam_compat_alert_find_open ());
  sam_test_pump (300);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 3);

  /* Removing from the dialog takes the cards along; Undo restores them. */
  gtk_widget_activate_action (f->view, "workshop.remove-team", "x", id);
  sam_test_pump (50);
  dialog = sam_compat_alert_find_open ();
  g_assert_nonnull (dialog);
  g_assert_true (sam_compat_alert_respond (dialog, "remove"));
  g_assert_null (sam_compat_alert_find_open ());
  sam_test_pump (300);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cards (f)), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (cards (f)), ==, 6);

  /* The non-asking action, as the dialog's answer uses it. */
  gtk_widget_activate_action (f->view, "workshop.trash-team", "x", id);
  g_assert_null (sam_compat_alert_find_open ());
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cards (f)), ==, 3);
  g_assert_cmpstr (sam_card_get_text (card_at (f, 0)), ==, "Yearly audit of every file");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cards (f)), ==, 6);
  sam_test_pump (50);
  g_assert_nonnull (sam_changes_page_get_changes (f->page, sam_store_find_team (f->store, f->workshop, id)));
  g_assert_cmpuint (g_list_model_get_n_items (sam_changes_page_get_changes (
                      f->page, sam_store_find_team (f->store, f->workshop, id))), ==, 2);
  /* The team's section is back, after the others as the team is. */
  g_assert_cmpuint (g_list_model_get_n_items (sam_card_tree_get_rows (sam_changes_page_get_tree (f->page))), ==, 3 + 5 + 1 + 5 + 3);

  /* A team without cards goes without asking. */
  gtk_widget_activate_action (f->view, "workshop.add-team", "s", "Compliance");
  {
    g_autoptr(SamTeam) empty = g_list_model_get_item (teams, 3);

    gtk_widget_activate_action (f->view, "workshop.remove-team", "x", sam_team_get_id (empty));
    g_assert_null (sam_compat_alert_find_open ());
    g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 3);
  }
}


/* A long page: the list view is given its first screens of rows (see
 * sam-list-slice.c), and more as the focus or the scroll position nears
 * their end; scrolling to a row beyond them brings it in as well. */
static void
test_long_page (Fixture       *f,
                         gconstpointer  data)
{
  SamCardTree *tree = sam_changes_page_get_tree (f->page);
  GtkWidget *list = sam_card_tree_get_list_view (tree);
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  GListModel *rows;
  GtkWidget *entry;
  guint n_rows;

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("Change %u", i + 1);
      SamCardInit init = { .kind = "change", .team_id = sam_team_get_id (f->teams[i % 3]), .text = text };
      g_autoptr(SamCard) card = sam_store_add_card (f->store, f->step, &init, &error);

      g_assert_no_error (error);
    }
  sam_test_pump (200);

  /* Per team: a header, 20 changes each with a field under it, a field. */
  rows = sam_card_tree_get_rows (tree);
  n_rows = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n_rows, ==, 3 * (1 + 20 * 2 + 1));
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_rows);

  /* The focus moved into the last rows the view was given (as Tab or a
   * click does): the next rows come in. */
  {
    guint before = g_list_model_get_n_items (shown);
    g_autoptr(GObject) item = g_list_model_get_item (shown, before - 1);
    GtkWidget *row;

    /* Rows 1, 3, 5... of the first team are its changes: the last row
     * given is one, made like every row given (fewer than 200). */
    g_assert_true (SAM_IS_CARD (item));
    row = card_row_of (list, SAM_CARD (item));
    g_assert_nonnull (row);
    sam_card_row_focus_text (SAM_CARD_ROW (row));
    for (guint i = 0; i < 100 && g_list_model_get_n_items (shown) == before; i++)
      sam_test_pump (20);
    g_assert_cmpuint (g_list_model_get_n_items (shown), >, before);
  }

  /* Scrolled to the end, again and again: every row comes in. */
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

    for (guint i = 0; i < 50 && g_list_model_get_n_items (shown) < n_rows; i++)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        sam_test_pump (20);
      }
  }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_rows);

  /* A fresh page: scrolling to the last team's field brings it in. */
  g_assert_true (gtk_widget_activate_action (f->view, "workshop.add-step", "s", "custom"));
  sam_test_pump (50);
  gtk_widget_activate_action (f->view, "workshop.show-step", "x", sam_step_get_id (f->step));
  sam_test_pump (200);
  tree = sam_changes_page_get_tree (SAM_CHANGES_PAGE (sam_step_view_get_page (
    SAM_STEP_VIEW (sam_workshop_view_get_step_view (SAM_WORKSHOP_VIEW (f->view))))));
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (sam_card_tree_get_list_view (tree))));
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_rows);
  sam_card_tree_show_entry (tree, G_OBJECT (f->teams[2]), NULL);
  sam_test_pump (200);
  entry = sam_card_tree_show_entry (tree, G_OBJECT (f->teams[2]), NULL);
  /* The last row of all, far beyond the first 40. */
  g_assert_nonnull (entry);
}

int
main (int   argc,
      char *argv[])
{
  sam_test_isolate ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/sam/ui/changes/changes-and-impacts", Fixture, NULL,
              fixture_set_up, test_changes_and_impacts, fixture_tear_down);
  g_test_add ("/sam/ui/changes/long-card", Fixture, NULL,
              fixture_set_up, test_long_card, fixture_tear_down);
  g_test_add ("/sam/ui/changes/remove-team-with-cards", Fixture, NULL,
              fixture_set_up, test_remove_team_with_cards, fixture_tear_down);
  g_test_add ("/sam/ui/changes/long-page", Fixture, NULL,
              fixture_set_up, test_long_page, fixture_tear_down);

  return g_test_run ();
}
