/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-overview-page.h"
#include "sam-team-row.h"
#include "sam-test-utils.h"
#include "sam-workshop-view.h"

static SamTeam *
team_at (SamStore    *store,
         SamWorkshop *workshop,
         guint        i)
{
  g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (store, workshop), i);
  return team;
}

/* The whole first visit: an empty library, a new workshop with three teams
 * made through the app's actions, closing and reopening the window, and
 * the data still there on disk. */
static void
test_workshop_with_teams (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWindow *window;
  SamWorkshop *workshop;
  GtkWidget *view;
  g_autofree char *uuid = NULL;
  GListModel *teams;

  g_assert_nonnull (store);
  window = sam_test_window_new (app);
  g_assert_null (sam_window_get_workshop (window));
  sam_test_screenshot (GTK_WIDGET (window), "library-empty.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s",
                                             "Colleagues & Customers"));
  workshop = sam_window_get_workshop (window);
  g_assert_nonnull (workshop);
  g_assert_cmpstr (sam_workshop_get_name (workshop), ==, "Colleagues & Customers");
  uuid = g_strdup (sam_workshop_get_uuid (workshop));

  view = sam_window_get_workshop_view (window);
  g_assert_true (gtk_widget_activate_action (view, "workshop.add-team", "s", "Sales"));
  g_assert_true (gtk_widget_activate_action (view, "workshop.add-team", "s", "Back Office"));
  g_assert_true (gtk_widget_activate_action (view, "workshop.add-team", "s", "IT"));
  teams = sam_store_get_teams (store, workshop);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 3);

  gtk_widget_activate_action (view, "workshop.set-team-people", "(xu)",
                              sam_team_get_id (team_at (store, workshop, 0)), 6);
  gtk_widget_activate_action (view, "workshop.set-team-colour", "(xu)",
                              sam_team_get_id (team_at (store, workshop, 2)), 6);
  gtk_widget_activate_action (view, "workshop.rename-team", "(xs)",
                              sam_team_get_id (team_at (store, workshop, 2)), "IT & Data");
  gtk_widget_activate_action (view, "workshop.move-team", "(xi)",
                              sam_team_get_id (team_at (store, workshop, 2)), -1);
  sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_ORGANISATION, "Acme Insurance", NULL);
  sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_DATE, "2026-12-01", NULL);
  sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_COACH, "An Peeters", NULL);

  /* The rows show what the store holds. */
  sam_test_pump (100);
  {
    GtkWidget *row = sam_test_find_child (view, SAM_TYPE_TEAM_ROW);

    g_assert_nonnull (row);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Sales");
  }
  sam_test_screenshot (GTK_WIDGET (window), "workshop-teams.png");

  /* An empty name typed into a row is not stored. */
  {
    GtkWidget *row = sam_test_find_child (view, SAM_TYPE_TEAM_ROW);

    gtk_editable_set_text (GTK_EDITABLE (row), "   ");
    g_assert_cmpstr (sam_team_get_name (team_at (store, workshop, 0)), ==, "Sales");
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    gtk_editable_set_text (GTK_EDITABLE (row), "Sales & Accounts");
    g_assert_cmpstr (sam_team_get_name (team_at (store, workshop, 0)), ==, "Sales & Accounts");
  }

  /* Close and reopen: the window comes back on the same workshop. */
  sam_test_destroy_window (window);
  window = sam_test_window_new (app);
  workshop = sam_window_get_workshop (window);
  g_assert_nonnull (workshop);
  g_assert_cmpstr (sam_workshop_get_uuid (workshop), ==, uuid);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 3);
  g_assert_cmpstr (sam_team_get_name (team_at (store, workshop, 1)), ==, "IT & Data");

  /* And the database on disk holds the same. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamStore) again = sam_store_open (sam_store_get_path (store), &error);
    SamWorkshop *reread;

    g_assert_no_error (error);
    reread = sam_store_find_workshop (again, uuid);
    g_assert_nonnull (reread);
    g_assert_cmpstr (sam_workshop_get_organisation (reread), ==, "Acme Insurance");
    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (again, reread)), ==, 3);
    g_assert_cmpuint (sam_team_get_people (team_at (again, reread, 0)), ==, 6);
    g_assert_cmpuint (sam_team_get_colour (team_at (again, reread, 1)), ==, 6);
  }

  sam_test_destroy_window (window);
}

static void
test_library_delete_undo (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWindow *window = sam_test_window_new (app);
  GListModel *workshops = sam_store_get_workshops (store);
  g_autofree char *uuid = NULL;
  guint before;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s", "Customer process");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s", "Follow-up in spring");
  uuid = g_strdup (sam_workshop_get_uuid (sam_window_get_workshop (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-workshop", "s", uuid);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  g_assert_null (sam_window_get_workshop (window));
  before = g_list_model_get_n_items (workshops);
  g_assert_cmpuint (before, >=, 3);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.trash-workshop", "s", uuid);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, before - 1);
  g_assert_null (sam_store_find_workshop (store, uuid));
  sam_test_screenshot (GTK_WIDGET (window), "library-undo-toast.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, before);
  g_assert_nonnull (sam_store_find_workshop (store, uuid));

  /* A second Undo has nothing left to undo. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, before);
  sam_test_screenshot (GTK_WIDGET (window), "library.png");

  /* Dark mode, as on a dim projector. */
  g_settings_set_string (sam_application_get_settings (app), "style-variant", "dark");
  sam_test_pump (100);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  sam_test_screenshot (GTK_WIDGET (window), "library-dark.png");
  g_settings_set_string (sam_application_get_settings (app), "style-variant", "default");

  sam_test_destroy_window (window);
}

static void
test_remove_team_undo (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWindow *window = sam_test_window_new (app);
  SamWorkshop *workshop;
  GtkWidget *view;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s", "Remove a team");
  workshop = sam_window_get_workshop (window);
  view = sam_window_get_workshop_view (window);
  gtk_widget_activate_action (view, "workshop.add-team", "s", "Compliance");
  gtk_widget_activate_action (view, "workshop.add-team", "s", "Sales");
  id = sam_team_get_id (team_at (store, workshop, 0));

  gtk_widget_activate_action (view, "workshop.remove-team", "x", id);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 1);
  g_assert_cmpuint (sam_workshop_get_n_teams (workshop), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 2);
  g_assert_cmpstr (sam_team_get_name (team_at (store, workshop, 0)), ==, "Compliance");

  /* The keyboard path: a new team with a name to type over. */
  g_assert_true (gtk_widget_activate_action (view, "workshop.add-team-here", NULL));
  g_assert_cmpstr (sam_team_get_name (team_at (store, workshop, 2)), ==, "Team 3");

  sam_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  sam_test_isolate ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sam/ui/foundation/workshop-with-teams", test_workshop_with_teams);
  g_test_add_func ("/sam/ui/foundation/library-delete-undo", test_library_delete_undo);
  g_test_add_func ("/sam/ui/foundation/remove-team-undo", test_remove_team_undo);

  return g_test_run ();
}
