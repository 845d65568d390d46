/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sam-changes-page.h"
#include "sam-compat.h"
#include "sam-library-page.h"
#include "sam-sample-workshop.h"
#include "sam-step-view.h"
#include "sam-text-box.h"
#include "sam-overview-page.h"
#include "sam-team-row.h"
#include "sam-test-utils.h"
#include "sam-workshop-view.h"

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
                              sam_team_get_id (sam_sample_team_at (store, workshop, 0)), 6);
  gtk_widget_activate_action (view, "workshop.set-team-colour", "(xu)",
                              sam_team_get_id (sam_sample_team_at (store, workshop, 2)), 6);
  gtk_widget_activate_action (view, "workshop.rename-team", "(xs)",
                              sam_team_get_id (sam_sample_team_at (store, workshop, 2)), "IT & Data");
  gtk_widget_activate_action (view, "workshop.move-team", "(xi)",
                              sam_team_get_id (sam_sample_team_at (store, workshop, 2)), -1);
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

  /* The relationship map is a section of every workshop, with its teams. */
  g_assert_true (gtk_widget_activate_action (view, "workshop.show-page", "s", "map"));
  sam_test_pump (300);
  g_assert_cmpstr (sam_workshop_view_get_page (SAM_WORKSHOP_VIEW (view)), ==, "map");
  sam_test_screenshot (GTK_WIDGET (window), "workshop-map.png");
  gtk_widget_activate_action (view, "workshop.show-page", "s", "overview");

  /* An empty name typed into a row is not stored. */
  {
    GtkWidget *row = sam_test_find_child (view, SAM_TYPE_TEAM_ROW);

    gtk_editable_set_text (GTK_EDITABLE (row), "   ");
    g_assert_cmpstr (sam_team_get_name (sam_sample_team_at (store, workshop, 0)), ==, "Sales");
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    gtk_editable_set_text (GTK_EDITABLE (row), "Sales & Accounts");
    g_assert_cmpstr (sam_team_get_name (sam_sample_team_at (store, workshop, 0)), ==, "Sales & Accounts");
  }

  /* Close and reopen: the window comes back on the same workshop. */
  sam_test_destroy_window (window);
  window = sam_test_window_new (app);
  workshop = sam_window_get_workshop (window);
  g_assert_nonnull (workshop);
  g_assert_cmpstr (sam_workshop_get_uuid (workshop), ==, uuid);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 3);
  g_assert_cmpstr (sam_team_get_name (sam_sample_team_at (store, workshop, 1)), ==, "IT & Data");

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
    g_assert_cmpuint (sam_team_get_people (sam_sample_team_at (again, reread, 0)), ==, 6);
    g_assert_cmpuint (sam_team_get_colour (sam_sample_team_at (again, reread, 1)), ==, 6);
  }

  /* The workshop menu's follow-up acts on the open workshop. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-follow-up", "s", ""));
  workshop = sam_window_get_workshop (window);
  g_assert_cmpstr (sam_workshop_get_uuid (workshop), !=, uuid);
  g_assert_nonnull (strstr (sam_workshop_get_name (workshop), "Colleagues & Customers"));
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 3);

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
  id = sam_team_get_id (sam_sample_team_at (store, workshop, 0));

  gtk_widget_activate_action (view, "workshop.remove-team", "x", id);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 1);
  g_assert_cmpuint (sam_workshop_get_n_teams (workshop), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 2);
  g_assert_cmpstr (sam_team_get_name (sam_sample_team_at (store, workshop, 0)), ==, "Compliance");

  /* Deleting and undoing in quick succession, as a hurried coach does:
   * toasts replace each other while still appearing. */
  for (guint round = 0; round < 5; round++)
    {
      gtk_widget_activate_action (view, "workshop.trash-team", "x",
                                  sam_team_get_id (sam_sample_team_at (store, workshop, 0)));
      gtk_widget_activate_action (view, "workshop.trash-team", "x",
                                  sam_team_get_id (sam_sample_team_at (store, workshop, 0)));
      g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 0);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
      sam_test_pump (20);
      g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 1);
      gtk_widget_activate_action (view, "workshop.add-team", "s", "Sales");
      sam_test_pump (20);
    }
  sam_test_pump (700);

  /* The keyboard path: a new team with a name to type over. */
  g_assert_true (gtk_widget_activate_action (view, "workshop.add-team-here", NULL));
  g_assert_cmpstr (sam_team_get_name (sam_sample_team_at (store, workshop, 2)), ==, "Team 3");
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 3);

  sam_test_destroy_window (window);
}

/* A database that is not ours is explained, never overwritten. */
static void
test_bad_database (void)
{
  g_autofree char *path = sam_store_dup_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  const char *garbage = "This is a shopping list, not a database.\n";
  g_autofree char *after = NULL;
  g_autoptr(SamApplication) app = NULL;
  SamWindow *window;
  AdwStatusPage *page;

  sam_test_reset_data ();
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));

  /* Not through sam_test_application_new: that would remove the file. */
  app = sam_application_new (APP_ID ".BadDatabase", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_null (sam_application_get_store (app));
  g_assert_error (sam_application_get_store_error (app), SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_A_DATABASE);

  window = sam_test_window_new (app);
  g_assert_cmpstr (sam_window_get_visible_page (window), ==, "error");
  page = ADW_STATUS_PAGE (sam_test_find_mapped_child (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "This Is Not a Samenspel Database");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "left exactly as it is"));

  /* Actions that would write do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s", "Never stored");
  sam_test_screenshot (GTK_WIDGET (window), "bad-database.png");

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);

  sam_test_destroy_window (window);
  sam_test_reset_data ();
}

/* A damaged database offers the newest backup, named by its time; taking it
 * opens the library with the work back. */
static void
test_damaged_database_restore (void)
{
  g_autofree char *path = sam_store_dup_default_path ();
  g_autofree char *contents = NULL;
  g_autoptr(SamApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  SamWindow *window;
  AdwStatusPage *page;
  GtkWidget *button;
  GList *windows;
  gsize length = 0;

  sam_test_reset_data ();
  {
    g_autoptr(SamStore) store = sam_store_open (path, &error);
    SamWorkshop *workshop;

    g_assert_no_error (error);
    workshop = sam_store_create_workshop (store, "Teruggehaald", &error);
    g_assert_no_error (error);
    uuid = g_strdup (sam_workshop_get_uuid (workshop));
    g_assert_true (sam_store_backup (store, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  memset (contents + 4096, 0xa5, length - 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  app = sam_application_new (APP_ID ".DamagedDatabase", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_error (sam_application_get_store_error (app), SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT);

  window = sam_test_window_new (app);
  g_assert_cmpstr (sam_window_get_visible_page (window), ==, "error");
  page = ADW_STATUS_PAGE (sam_test_find_mapped_child (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (page);
  g_assert_nonnull (strstr (adw_status_page_get_description (page), path));
  button = gtk_widget_get_first_child (adw_status_page_get_child (page));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (button)), "_Restore from the Backup of "));
  sam_test_screenshot (GTK_WIDGET (window), "damaged-database.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL);
  sam_test_pump (200);
  g_assert_nonnull (sam_application_get_store (app));
  g_assert_nonnull (sam_store_find_workshop (sam_application_get_store (app), uuid));
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = SAM_WINDOW (windows->data);
  g_assert_cmpstr (sam_window_get_visible_page (window), !=, "error");

  sam_test_destroy_window (window);
  sam_test_reset_data ();
}

/* A damage that opening the database does not meet (the index on the
 * workshops' uuids overwritten) is found by the check after the first
 * frame: the library gives way to the same explanation and offer of the
 * newest backup, never a blank window, and the file is not written to. */
static void
test_damaged_database_found_later (void)
{
  g_autofree char *path = sam_store_dup_default_path ();
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SamApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  SamWindow *first, *window;
  GList *windows;
  AdwStatusPage *page;
  GtkWidget *button;
  gsize length = 0, after_length = 0;
  gint64 index_page;

  sam_test_reset_data ();
  {
    g_autoptr(SamStore) store = sam_store_open (path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 40; i++)
      g_assert_nonnull (sam_store_create_workshop (store, "Een werkdag met Verkoop en IT", &error));
    g_assert_true (sam_store_backup (store, &error));
    g_assert_no_error (error);
  }
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE type = 'index' "
                                         "AND tbl_name = 'workshop'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    index_page = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (index_page, >, 1);
  g_assert_cmpuint (index_page * 4096, <=, length);
  memset (contents + (index_page - 1) * 4096, 0x5a, 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  app = sam_application_new (APP_ID ".DamagedLater", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_nonnull (sam_application_get_store (app));
  first = sam_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  gtk_window_present (GTK_WINDOW (first));
  g_assert_cmpstr (sam_window_get_visible_page (first), ==, "library");

  for (guint i = 0; i < 100 && sam_application_get_store (app) != NULL; i++)
    sam_test_pump (20);
  g_assert_null (sam_application_get_store (app));
  g_assert_null (first);
  g_assert_error (sam_application_get_store_error (app), SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT);

  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = SAM_WINDOW (windows->data);
  sam_test_pump (100);
  g_assert_cmpstr (sam_window_get_visible_page (window), ==, "error");
  page = ADW_STATUS_PAGE (sam_test_find_mapped_child (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (page);
  g_assert_nonnull (strstr (adw_status_page_get_description (page), path));
  button = gtk_widget_get_first_child (adw_status_page_get_child (page));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (button)), "_Restore from the Backup of "));

  /* Nothing was written: no purge, no backup, no edit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s", "Never stored");
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpuint (after_length, ==, length);
  g_assert_true (memcmp (after, contents, length) == 0);

  sam_test_destroy_window (window);
  sam_test_reset_data ();
}

/* A workshop the command line imports while the app runs shows up in it. */
static void
test_other_writer_appears (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  g_autofree char *path = sam_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  SamWindow *window = sam_test_window_new (app);

  {
    g_autoptr(SamStore) cli = sam_store_open (path, &error);
    SamWorkshop *imported;

    g_assert_no_error (error);
    imported = sam_store_create_workshop (cli, "Ingelezen via de opdrachtregel", &error);
    g_assert_no_error (error);
    uuid = g_strdup (sam_workshop_get_uuid (imported));
  }

  g_assert_null (sam_store_find_workshop (sam_application_get_store (app), uuid));
  for (guint i = 0; i < 40 && sam_store_find_workshop (sam_application_get_store (app), uuid) == NULL; i++)
    sam_test_pump (100);
  g_assert_nonnull (sam_store_find_workshop (sam_application_get_store (app), uuid));

  sam_test_destroy_window (window);
  sam_test_reset_data ();
}

/* The workshops the library shows: the rows its list made, each with the
 * workshop's name, counted against what its model holds. */
static void
collect_titles (GtkWidget *widget,
                GPtrArray *titles)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "workshop-title"))
    g_ptr_array_add (titles, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_titles (child, titles);
}

static guint
count_rows (GtkListView *list)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));

  sam_test_pump (50);
  if (gtk_widget_get_mapped (GTK_WIDGET (list)))
    collect_titles (GTK_WIDGET (list), titles);
  g_assert_cmpuint (titles->len, ==, gtk_widget_get_mapped (GTK_WIDGET (list)) ? n : 0);
  return n;
}

/* The menu button of the top row in view of @list, if any. */
static void
find_top_button (GtkWidget  *widget,
                 GtkWidget  *list,
                 GtkWidget **best,
                 double     *best_y)
{
  graphene_point_t point;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_BUTTON (widget) && SAM_IS_TEXT_BOX (gtk_widget_get_parent (widget)) &&
      gtk_widget_compute_point (widget, list, &GRAPHENE_POINT_INIT (0, 0), &point) &&
      point.y >= 0 && point.y < gtk_widget_get_height (list) && point.y < *best_y)
    {
      *best = widget;
      *best_y = point.y;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_top_button (child, list, best, best_y);
}

/* Opens the menu of the top row in view and returns the workshop its
 * "Open" item acts on; @title is the name that row shows.  Waits until
 * that is not @not_title (the list takes a few frames to scroll: 2 s was
 * not enough under AddressSanitizer on a loaded machine, so up to a
 * minute, ending as soon as the row changed). */
static char *
top_row_menu_target (GtkListView  *list,
                     const char   *not_title,
                     const char  **title)
{
  GtkWidget *found = NULL;
  GtkPopover *popover;
  GtkWidget *row = NULL;
  GMenuModel *menu;
  char *uuid = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      double y = G_MAXDOUBLE;

      sam_test_pump (20);
      found = NULL;
      find_top_button (GTK_WIDGET (list), GTK_WIDGET (list), &found, &y);
      if (found == NULL)
        continue;
      row = gtk_widget_get_parent (found);
      *title = gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (row))));
      if (g_strcmp0 (*title, not_title) != 0)
        break;
    }
  g_assert_nonnull (found);
  g_assert_cmpstr (*title, !=, not_title);
  /* A plain button; the row's popover is made at the first click. */
  g_signal_emit_by_name (found, "clicked");
  sam_test_pump (50);
  popover = sam_text_box_get_popover (SAM_TEXT_BOX (row));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* Its tooltip would cover the menu's first item. */
  g_assert_false (gtk_widget_get_has_tooltip (found));
  {
    GdkRectangle rect;
    graphene_rect_t bounds;

    /* Under the row's button, not the middle of the row. */
    g_assert_true (gtk_popover_get_pointing_to (popover, &rect));
    g_assert_true (gtk_widget_compute_bounds (found, row, &bounds));
    g_assert_cmpint (rect.x, ==, (int) bounds.origin.x);
    g_assert_cmpint (rect.width, ==, (int) bounds.size.width);
  }
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_nonnull (menu);
  if (not_title == NULL)
    sam_test_screenshot (GTK_WIDGET (popover), "library-row-menu.png");
  for (int i = 0; i < g_menu_model_get_n_items (menu) && uuid == NULL; i++)
    {
      g_autofree char *action = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "win.open-workshop"))
        g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &uuid));
    }
  gtk_popover_popdown (popover);
  sam_test_pump (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_widget_get_has_tooltip (found));
  g_assert_nonnull (uuid);
  return uuid;
}

/* The library's rows are made for the workshops in view: each opens its
 * workshop, and its menu, made when it opens, acts on the workshop the row
 * shows then, also after the row was bound to another. */
static void
test_library_rows (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWindow *window = sam_test_window_new (app);
  GtkWidget *library;
  GtkListView *list;
  GListModel *shown;
  GtkAdjustment *adjustment;
  const char *title = NULL;
  g_autofree char *target = NULL;
  g_autofree char *scrolled = NULL;
  g_autofree char *top_title = NULL;
  guint n_rows = 0;

  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *name = g_strdup_printf ("Workshop %03u", i);

      sam_store_create_workshop (store, name, NULL);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  sam_test_pump (50);

  library = sam_test_find_child (GTK_WIDGET (window), SAM_TYPE_LIBRARY_PAGE);
  list = GTK_LIST_VIEW (sam_test_find_child (library, GTK_TYPE_LIST_VIEW));
  shown = G_LIST_MODEL (gtk_list_view_get_model (list));

  /* The view is given the first screens of workshops, more as it is
   * scrolled (sam-list-slice.c), and rows are made for what is in view
   * (GTK 4.8 keeps up to 200 around it, newer GTK only those in view):
   * not for all 250. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 250);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_rows++;
  g_assert_cmpuint (n_rows, <, 250);

  target = top_row_menu_target (list, NULL, &title);
  g_assert_cmpstr (sam_workshop_get_name (sam_store_find_workshop (store, target)), ==, title);
  top_title = g_strdup (title);

  /* Scrolled to the end: the rows in view were bound to other workshops,
   * and a menu opened there acts on the one the row shows. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gtk_widget_get_parent (GTK_WIDGET (list))));
  /* Each time near the end, the next workshops come in, up to the last. */
  for (guint i = 0; i < 100 && g_list_model_get_n_items (shown) < 250; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      sam_test_pump (20);
    }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 250);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  sam_test_pump (100);
  scrolled = top_row_menu_target (list, top_title, &title);
  g_assert_cmpstr (scrolled, !=, target);
  g_assert_cmpstr (sam_workshop_get_name (sam_store_find_workshop (store, scrolled)), ==, title);

  /* Activating a row (a click or Enter) opens its workshop. */
  g_signal_emit_by_name (list, "activate", 249);
  sam_test_pump (50);
  {
    g_autoptr(SamWorkshop) last = g_list_model_get_item (shown, 249);

    g_assert_true (sam_window_get_workshop (window) == last);
  }

  sam_test_destroy_window (window);
}

/* The backup at start is made once the window has drawn, not before. */
static void
test_backup_at_start (void)
{
  g_autofree char *path = sam_store_dup_default_path ();
  g_autoptr(GPtrArray) backups = sam_store_list_backups (path);
  g_autoptr(SamApplication) app = NULL;
  SamWindow *window;

  /* Those of the tests before. */
  for (guint i = 0; i < backups->len; i++)
    g_assert_cmpint (g_unlink (g_ptr_array_index (backups, i)), ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  app = sam_test_application_new ();
  window = sam_test_window_new (app);
  for (guint i = 0; i < 100; i++)
    {
      g_clear_pointer (&backups, g_ptr_array_unref);
      backups = sam_store_list_backups (path);
      if (backups->len > 0)
        break;
      sam_test_pump (20);
    }
  g_assert_cmpuint (backups->len, ==, 1);

  sam_test_destroy_window (window);
}

static void
test_search_and_about (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWindow *window = sam_test_window_new (app);
  GtkWidget *library;
  GtkSearchEntry *entry;
  GtkListView *list;

  sam_store_create_workshop (store, "Day with Sales and IT", NULL);
  sam_store_set_workshop_field (store, sam_store_create_workshop (store, "Customer process", NULL),
                                SAM_WORKSHOP_FIELD_ORGANISATION, "Brouwerij De Zwaan", NULL);
  sam_store_create_workshop (store, "Follow-up", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));

  library = sam_test_find_child (GTK_WIDGET (window), SAM_TYPE_LIBRARY_PAGE);
  entry = GTK_SEARCH_ENTRY (sam_test_find_child (library, GTK_TYPE_SEARCH_ENTRY));
  list = GTK_LIST_VIEW (sam_test_find_child (library, GTK_TYPE_LIST_VIEW));
  g_assert_cmpuint (count_rows (list), ==, 3);

  /* Case-insensitive, on the organisation too. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zwaan");
  g_signal_emit_by_name (entry, "search-changed");
  sam_test_pump (50);
  g_assert_cmpuint (count_rows (list), ==, 1);
  sam_test_screenshot (GTK_WIDGET (window), "library-search.png");

  gtk_editable_set_text (GTK_EDITABLE (entry), "nothing like this");
  g_signal_emit_by_name (entry, "search-changed");
  sam_test_pump (50);
  g_assert_cmpuint (count_rows (list), ==, 0);
  sam_test_screenshot (GTK_WIDGET (window), "library-no-results.png");

  /* The About window names the method and its licence. It is an
   * AdwAboutDialog or an AdwAboutWindow: both have "comments". */
  {
    GtkWidget *about;
    g_autofree char *comments = NULL;

    g_assert_null (sam_compat_get_visible_dialog (GTK_WINDOW (window)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
    sam_test_pump (100);
    about = sam_compat_get_visible_dialog (GTK_WINDOW (window));
    g_assert_nonnull (about);
    g_object_get (about, "comments", &comments, NULL);
    g_assert_nonnull (strstr (comments, "CC BY 4.0"));
    sam_test_screenshot (about, "about.png");
    sam_compat_dialog_close (about);
    sam_test_pump (400);
    g_assert_null (sam_compat_get_visible_dialog (GTK_WINDOW (window)));
  }

  /* The timer's sound is off until the coach turns it on from the menu. */
  g_assert_false (g_settings_get_boolean (sam_application_get_settings (app), "timer-sound"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.timer-sound", NULL));
  g_assert_true (g_settings_get_boolean (sam_application_get_settings (app), "timer-sound"));
  g_settings_reset (sam_application_get_settings (app), "timer-sound");

  /* The shortcuts window (GtkShortcutsWindow, or AdwShortcutsDialog on
   * libadwaita 1.8) loads and lists every shortcut of help-overlay.ui. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) in_file = sam_compat_shortcuts_list_file (&error);
    g_auto(GStrv) shown = NULL;
    GtkWidget *shortcuts;

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (in_file), >=, 10);
    g_assert_true (g_strv_contains ((const char * const *) in_file,
                                    "Workshops: New workshop [win.new-workshop]"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    sam_test_pump (200);
    shortcuts = sam_compat_get_visible_dialog (GTK_WINDOW (window));
    g_assert_nonnull (shortcuts);
    shown = sam_compat_shortcuts_list_shown (shortcuts);
    g_assert_cmpstrv (shown, in_file);
    sam_test_screenshot (shortcuts, "shortcuts.png");
    sam_compat_dialog_close (shortcuts);
    sam_test_pump (400);
  }

  sam_test_destroy_window (window);
}

/* The empty library's icon is the app's own, and it resolves when the app
 * runs from the build folder (it travels in the GResource). */
static void
test_empty_state_icon (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamWindow *window = sam_test_window_new (app);
  GtkWidget *status = sam_test_find_mapped_child (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  const char *icon;

  g_assert_nonnull (status);
  icon = adw_status_page_get_icon_name (ADW_STATUS_PAGE (status));
  g_assert_cmpstr (icon, ==, "io.github.samenspel.Samenspel-symbolic");
  g_assert_true (gtk_icon_theme_has_icon (theme, icon));

  sam_test_destroy_window (window);
}

static int
font_size_of (GtkWidget *widget)
{
  return pango_font_description_get_size (pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
}

static int
least_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static GtkWidget *
find_class (GtkWidget  *root,
            const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_class (child, css_class)) != NULL)
        return found;
    }

  return NULL;
}

/* Ctrl+plus makes this app's text larger, not the desktop's: gtk-xft-dpi
 * stays, a label's font grows, and the page's list of cards stays inside
 * the window (its cards wrap instead of widening it). */
static void
test_zoom (void)
{
  static const char *const teams[] = { "Sales", "Back Office", "IT", "Compliance" };
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamWindow *window = sam_test_window_new (app);
  GtkSettings *settings = gtk_settings_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  GtkWidget *view, *page, *list, *title, *icon;
  int dpi_before = 0, dpi_after = 0, size_before, icon_before;

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s", "Zoom");
  view = sam_window_get_workshop_view (window);
  for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
    gtk_widget_activate_action (view, "workshop.add-team", "s", teams[i]);
  g_assert_true (gtk_widget_activate_action (view, "workshop.add-step", "s", "changes"));
  page = sam_step_view_get_page (SAM_STEP_VIEW (sam_workshop_view_get_step_view (SAM_WORKSHOP_VIEW (view))));
  g_assert_true (SAM_IS_CHANGES_PAGE (page));
  sam_test_pump (400);

  list = sam_card_tree_get_list_view (sam_changes_page_get_tree (SAM_CHANGES_PAGE (page)));
  title = find_class (page, "title-2");
  icon = sam_test_find_child (list, GTK_TYPE_IMAGE);
  g_assert_nonnull (list);
  g_assert_nonnull (title);
  g_assert_nonnull (icon);
  icon_before = least_width (icon);
  g_object_get (settings, "gtk-xft-dpi", &dpi_before, NULL);
  size_before = font_size_of (title);
  g_assert_cmpint (gtk_widget_get_width (list), <=, gtk_widget_get_width (GTK_WIDGET (window)));

  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.zoom-in", NULL));
  /* The reflow takes a few frames, more on a loaded machine or under
   * AddressSanitizer: wait for it (at most 20 s), then check. */
  sam_test_pump (400);
  for (guint i = 0; i < 100 && font_size_of (title) <= size_before * 14 / 10; i++)
    sam_test_pump (200);
  sam_test_screenshot (GTK_WIDGET (window), "zoomed-changes.png");

  g_object_get (settings, "gtk-xft-dpi", &dpi_after, NULL);
  g_assert_cmpint (dpi_after, ==, dpi_before);
  g_assert_cmpint (font_size_of (title), >, size_before * 14 / 10);
  g_assert_cmpint (least_width (icon), >, icon_before);
  g_assert_cmpint (gtk_widget_get_width (list), <=, gtk_widget_get_width (GTK_WIDGET (window)));

  /* Ctrl+0: back to the normal size. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.zoom-reset", NULL));
  sam_test_pump (300);
  for (guint i = 0; i < 100 && font_size_of (title) != size_before; i++)
    sam_test_pump (200);
  g_assert_cmpint (font_size_of (title), ==, size_before);

  sam_test_destroy_window (window);
}

static void
record_answer_cb (GtkWidget  *alert,
                  const char *response,
                  gpointer    user_data)
{
  GPtrArray *answers = g_object_get_data (user_data, "answers");

  g_ptr_array_add (answers, g_strdup (response));
}

static GtkWidget *
present_alert (SamWindow *window,
               GObject   *owner)
{
  GtkWidget *alert = sam_compat_alert_new ("Send the Packet?", "The team gets it by mail.");

  sam_compat_alert_add_response (alert, "cancel", "_Cancel", ADW_RESPONSE_DEFAULT);
  sam_compat_alert_add_response (alert, "send", "_Send", ADW_RESPONSE_SUGGESTED);
  sam_compat_alert_set_close_response (alert, "cancel");
  sam_compat_alert_present (alert, GTK_WIDGET (window), record_answer_cb, owner);
  sam_test_pump (100);
  return alert;
}

/* The alerts of sam-compat (AdwAlertDialog, or AdwMessageDialog before
 * libadwaita 1.5) answer once: a button, or the close response. */
static void
test_alerts (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamWindow *window = sam_test_window_new (app);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  GObject *gone_owner = g_object_new (G_TYPE_OBJECT, NULL);
  GtkWidget *alert;

  g_object_set_data (owner, "answers", answers);
  g_object_set_data (gone_owner, "answers", answers);
  g_assert_null (sam_compat_alert_find_open ());

  /* A disabled response cannot be chosen; an enabled one closes the alert. */
  alert = present_alert (window, owner);
  g_assert_true (sam_compat_alert_find_open () == alert);
  g_assert_cmpstr (sam_compat_alert_get_heading (alert), ==, "Send the Packet?");
  g_assert_cmpstr (sam_compat_alert_get_body (alert), ==, "The team gets it by mail.");
  sam_compat_alert_set_response_enabled (alert, "send", FALSE);
  g_assert_false (sam_compat_alert_get_response_enabled (alert, "send"));
  g_assert_false (sam_compat_alert_respond (alert, "send"));
  g_assert_cmpuint (answers->len, ==, 0);
  sam_compat_alert_set_response_enabled (alert, "send", TRUE);
  g_assert_true (sam_compat_alert_respond (alert, "send"));
  sam_test_pump (400);
  g_assert_null (sam_compat_alert_find_open ());
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (answers, 0), ==, "send");

  /* Closed without a button: the close response, once. */
  alert = present_alert (window, owner);
  sam_compat_dialog_close (alert);
  sam_test_pump (400);
  g_assert_null (sam_compat_alert_find_open ());
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (answers, 1), ==, "cancel");

  /* The callback's owner is gone: nothing is called. */
  alert = present_alert (window, gone_owner);
  g_object_unref (gone_owner);
  g_assert_true (sam_compat_alert_respond (alert, "send"));
  sam_test_pump (400);
  g_assert_cmpuint (answers->len, ==, 2);

  sam_test_destroy_window (window);
}

static void
count_parsing_error (GtkCssProvider *provider,
                     GtkCssSection  *section,
                     GError         *error,
                     guint          *n_errors)
{
  g_test_message ("style.css: %s", error->message);
  (*n_errors)++;
}

/* The stylesheet is built for the libadwaita it runs on: from 1.6 the dark
 * rules sit in style.css under @media and no style-dark.css is shipped
 * (libadwaita warns about it); below, GTK 4.8 cannot parse @media, so they
 * stay in style-dark.css.  Either way GTK parses style.css without errors,
 * and style-pages.css, which the app adds once the first frame is drawn or
 * a window other than the library needs it. */
static void
test_stylesheet (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GBytes) css = g_resources_lookup_data (RESOURCE_PATH "/style.css", 0, NULL);
  gboolean has_dark_file = g_resources_get_info (RESOURCE_PATH "/style-dark.css", 0, NULL, NULL, NULL);
  const char *text;
  guint n_errors = 0;

  g_assert_nonnull (css);
  text = g_bytes_get_data (css, NULL);
#if ADW_CHECK_VERSION (1, 6, 0)
  g_assert_false (has_dark_file);
  g_assert_nonnull (strstr (text, "@media (prefers-color-scheme: dark)"));
#else
  g_assert_true (has_dark_file);
  g_assert_null (strstr (text, "@media"));
#endif
#if ADW_CHECK_VERSION (1, 4, 0)
  g_assert_null (strstr (text, "@define-color sidebar_bg_color"));
#else
  g_assert_nonnull (strstr (text, "@define-color sidebar_bg_color"));
#endif

  g_signal_connect (provider, "parsing-error", G_CALLBACK (count_parsing_error), &n_errors);
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style-pages.css");
  g_assert_cmpuint (n_errors, ==, 0);
}

/* The sidebar keeps its width whatever pages the workshop has made and
 * however long its steps' titles: the map and the live room are made when
 * first shown, and before the sidebar was kept to its width it took part of
 * the room the page left, until the map was opened. */
static void
test_sidebar_width (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamWindow *window = sam_test_window_new_sized (app, 1280, 800);
  GtkWidget *view, *sidebar;
  int before, after;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s", "Zijbalk"));
  view = sam_window_get_workshop_view (window);
  /* The day's agenda: step titles longer than the sidebar is wide. */
  g_assert_true (gtk_widget_activate_action (view, "workshop.apply-template", "s", "colleagues-customers-day"));
  sam_test_pump (300);
  sidebar = sam_test_find_child (view, GTK_TYPE_REVEALER);
  g_assert_nonnull (sidebar);
  before = gtk_widget_get_width (sidebar);

  gtk_widget_activate_action (view, "workshop.show-page", "s", "map");
  sam_test_pump (300);
  g_assert_cmpstr (sam_workshop_view_get_page (SAM_WORKSHOP_VIEW (view)), ==, "map");
  after = gtk_widget_get_width (sidebar);

  /* The sidebar's own 320 pixels and its edge. */
  g_assert_cmpint (before, ==, after);
  g_assert_cmpint (before, <=, 330);
  sam_test_destroy_window (window);
}

/* The library's first frame is drawn without the pages' style sheet; it
 * comes after that frame, and before any other window. */
static void
test_page_styles_later (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamWindow *window;
  GtkWidget *card = gtk_label_new ("Kaart");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWindow *other;
  int before, after;

  /* A class of style-pages.css that gives a card its padding. */
  gtk_widget_add_css_class (card, "sam-card-entry");
  gtk_box_append (GTK_BOX (box), card);
  g_application_activate (G_APPLICATION (app));
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  sam_test_pump (500);
  g_assert_cmpstr (sam_window_get_visible_page (window), ==, "library");

  /* By now the sheet is there: another window is styled by it at once. */
  other = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (other, box);
  gtk_window_present (other);
  sam_test_pump (100);
  gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, -1, &after, NULL, NULL, NULL);
  gtk_window_destroy (other);

  /* Without the app's sheets the same label is smaller. */
  {
    GtkWidget *plain = gtk_label_new ("Kaart");
    GtkWindow *bare = GTK_WINDOW (gtk_window_new ());

    gtk_window_set_child (bare, plain);
    gtk_window_present (bare);
    sam_test_pump (100);
    gtk_widget_measure (plain, GTK_ORIENTATION_VERTICAL, -1, &before, NULL, NULL, NULL);
    gtk_window_destroy (bare);
  }
  g_assert_cmpint (after, >, before);
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
  g_test_add_func ("/sam/ui/foundation/bad-database", test_bad_database);
  g_test_add_func ("/sam/ui/foundation/damaged-database-restore", test_damaged_database_restore);
  g_test_add_func ("/sam/ui/foundation/damaged-database-found-later", test_damaged_database_found_later);
  g_test_add_func ("/sam/ui/foundation/other-writer-appears", test_other_writer_appears);
  g_test_add_func ("/sam/ui/foundation/library-rows", test_library_rows);
  g_test_add_func ("/sam/ui/foundation/backup-at-start", test_backup_at_start);
  g_test_add_func ("/sam/ui/foundation/search-and-about", test_search_and_about);
  g_test_add_func ("/sam/ui/foundation/empty-state-icon", test_empty_state_icon);
  g_test_add_func ("/sam/ui/foundation/zoom", test_zoom);
  g_test_add_func ("/sam/ui/foundation/alerts", test_alerts);
  g_test_add_func ("/sam/ui/foundation/stylesheet", test_stylesheet);
  g_test_add_func ("/sam/ui/foundation/page-styles-later", test_page_styles_later);
  g_test_add_func ("/sam/ui/foundation/sidebar-width", test_sidebar_width);

  return g_test_run ();
}
