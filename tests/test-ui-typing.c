/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "sam-overview-page.h"
#include "sam-step-view.h"
#include "sam-team-row.h"
#include "sam-test-utils.h"

/* Typing as a person does, one key at a time with the main loop running in
 * between, into the fields that are saved while they are typed in.  Each key
 * goes in at the cursor the way an input method commits it.  After every key
 * the field, its cursor and the database must agree: no model notification
 * may ever rewrite a field under the cursor (issue 10, defect 1). */

typedef struct
{
  SamApplication *app;
  SamStore *store;
  SamWindow *window;
  GtkWidget *view;
  SamWorkshop *workshop;
  sqlite3 *db;
} Fixture;

/* A second, read-only connection: what is really on disk, not what the
 * model objects say. */
static char *
dup_stored (Fixture    *fixture,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

typedef char *(*StoredFunc) (Fixture *fixture, gpointer data);

/* Names and titles are stored without the spaces around them. */
static gboolean strip_stored;

static char *
stored_workshop (Fixture  *fixture,
                 gpointer  column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM workshop WHERE id = ?1", (const char *) column);

  return dup_stored (fixture, sql, sam_workshop_get_id (fixture->workshop));
}

static char *
stored_team (Fixture  *fixture,
             gpointer  team)
{
  return dup_stored (fixture, "SELECT name FROM team WHERE id = ?1", sam_team_get_id (team));
}

static char *
stored_step (Fixture  *fixture,
             gpointer  column)
{
  g_autoptr(SamStep) step = g_list_model_get_item (sam_store_get_steps (fixture->store, fixture->workshop), 0);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM step WHERE id = ?1", (const char *) column);

  return dup_stored (fixture, sql, sam_step_get_id (step));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = sam_test_application_new ();
  fixture->store = sam_application_get_store (fixture->app);
  fixture->window = sam_test_window_new (fixture->app);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.create-workshop", "s",
                                             "Workshop day"));
  fixture->workshop = sam_window_get_workshop (fixture->window);
  g_assert_nonnull (fixture->workshop);
  fixture->view = sam_window_get_workshop_view (fixture->window);
  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.add-team", "s", "Sales"));
  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.show-page", "s", "overview"));
  sam_test_pump (100);

  g_assert_cmpint (sqlite3_open_v2 (sam_store_get_path (fixture->store), &fixture->db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  strip_stored = FALSE;
  sqlite3_close (fixture->db);
  sam_test_destroy_window (fixture->window);
  g_clear_object (&fixture->app);
}

static gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (is_row_titled (root, title) && gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* One key: the text goes in at the cursor and the cursor moves after it,
 * as GtkText does with what the input method commits. */
static void
press_key (GtkEditable *editable,
           const char  *key)
{
  int position = gtk_editable_get_position (editable);

  gtk_editable_insert_text (editable, key, -1, &position);
  gtk_editable_set_position (editable, position);
  sam_test_pump (15);
}

/* Types @text at the end of what @editable shows, checking after each key
 * that the field, the cursor and the database hold exactly what was typed. */
static void
type_into (Fixture     *fixture,
           GtkEditable *editable,
           const char  *text,
           StoredFunc   stored,
           gpointer     data)
{
  g_autofree char *before = g_strdup (gtk_editable_get_text (editable));

  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_set_position (editable, -1);
  sam_test_pump (15);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *key = g_strndup (p, g_utf8_next_char (p) - p);
      g_autofree char *typed = g_strndup (text, g_utf8_next_char (p) - text);
      g_autofree char *expected = g_strconcat (before, typed, NULL);
      g_autofree char *on_disk = NULL;

      press_key (editable, key);
      g_assert_cmpstr (gtk_editable_get_text (editable), ==, expected);
      g_assert_cmpint (gtk_editable_get_position (editable), ==, g_utf8_strlen (expected, -1));
      on_disk = stored (fixture, data);
      if (strip_stored)
        g_strstrip (expected);
      g_assert_cmpstr (on_disk, ==, expected);
    }
}

/* Ctrl+A, Delete: the field is empty and so is the database, or (when an
 * empty value is refused) the database keeps @kept. */
static void
clear_field (Fixture     *fixture,
             GtkEditable *editable,
             StoredFunc   stored,
             gpointer     data,
             const char  *kept)
{
  g_autofree char *on_disk = NULL;

  gtk_editable_select_region (editable, 0, -1);
  sam_test_pump (15);
  gtk_editable_delete_selection (editable);
  sam_test_pump (80);

  g_assert_cmpstr (gtk_editable_get_text (editable), ==, "");
  g_assert_cmpint (gtk_editable_get_position (editable), ==, 0);
  on_disk = stored (fixture, data);
  g_assert_cmpstr (on_disk, ==, kept ? kept : "");
}

static void
test_workshop_details (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkEditable *organisation = GTK_EDITABLE (find_row (fixture->view, "Organisation"));
  GtkEditable *name = GTK_EDITABLE (find_row (fixture->view, "Name of the workshop"));
  GtkEditable *coach = GTK_EDITABLE (find_row (fixture->view, "Coach"));

  g_assert_nonnull (organisation);
  g_assert_nonnull (name);
  g_assert_nonnull (coach);

  type_into (fixture, organisation, "Acme Verzekeringen", stored_workshop, "organisation");
  clear_field (fixture, organisation, stored_workshop, "organisation", NULL);
  type_into (fixture, organisation, "Acme Verzekeringen", stored_workshop, "organisation");

  type_into (fixture, name, " (2025)", stored_workshop, "name");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Workshop day (2025)");
  /* An empty name is not stored: the field stays empty while it is typed in. */
  clear_field (fixture, name, stored_workshop, "name", "Workshop day (2025)");
  type_into (fixture, name, "Dag één", stored_workshop, "name");

  type_into (fixture, coach, "An Peeters", stored_workshop, "coach");
  g_assert_cmpstr (gtk_editable_get_text (organisation), ==, "Acme Verzekeringen");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Dag één");
}

/* A field being typed in is the source of truth until the focus leaves it:
 * then it shows what is stored, also a change made elsewhere meanwhile. */
static void
test_focus_out (Fixture       *fixture,
                gconstpointer  data)
{
  GtkEditable *date = GTK_EDITABLE (find_row (fixture->view, "Date (year-month-day)"));
  GtkEditable *organisation = GTK_EDITABLE (find_row (fixture->view, "Organisation"));
  GtkEditable *coach = GTK_EDITABLE (find_row (fixture->view, "Coach"));
  g_autofree char *on_disk = NULL;

  /* An unfinished date is not stored; the field keeps it while typed in. */
  gtk_widget_grab_focus (GTK_WIDGET (date));
  for (const char *p = "2026-1"; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };

      press_key (date, key);
    }
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2026-1");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  on_disk = stored_workshop (fixture, "date");
  g_assert_cmpstr (on_disk, ==, "");

  /* A change from elsewhere shows at once in a field nobody types in. */
  g_assert_true (sam_store_set_workshop_field (fixture->store, fixture->workshop,
                                               SAM_WORKSHOP_FIELD_COACH, "Els", NULL));
  g_assert_cmpstr (gtk_editable_get_text (coach), ==, "Els");

  /* Leaving the date: it shows what is stored, and is no longer flagged. */
  type_into (fixture, organisation, "Acme", stored_workshop, "organisation");
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));

  /* A change from elsewhere to the field being typed in waits for the
   * focus to leave it. */
  g_assert_true (sam_store_set_workshop_field (fixture->store, fixture->workshop,
                                               SAM_WORKSHOP_FIELD_ORGANISATION, "Globex", NULL));
  g_assert_cmpstr (gtk_editable_get_text (organisation), ==, "Acme");
  g_assert_cmpint (gtk_editable_get_position (organisation), ==, 4);
  gtk_widget_grab_focus (GTK_WIDGET (coach));
  sam_test_pump (15);
  g_assert_cmpstr (gtk_editable_get_text (organisation), ==, "Globex");
}

/* The coach's notes, a text view: keys go in at the cursor. */
static void
test_workshop_notes (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page = sam_test_find_mapped_child (fixture->view, SAM_TYPE_OVERVIEW_PAGE);
  GtkTextView *view = GTK_TEXT_VIEW (sam_test_find_child (page, GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  const char *text = "Start with coffee.\nThen the map";
  GtkTextIter start, end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *typed = g_strndup (text, g_utf8_next_char (p) - text);
      g_autofree char *shown = NULL;
      g_autofree char *on_disk = NULL;
      GtkTextIter cursor;

      gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
      sam_test_pump (15);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_assert_cmpstr (shown, ==, typed);
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, g_utf8_strlen (typed, -1));
      on_disk = stored_workshop (fixture, "notes");
      g_assert_cmpstr (on_disk, ==, typed);
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  sam_test_pump (80);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_equal (&start, &end));
  {
    g_autofree char *on_disk = stored_workshop (fixture, "notes");

    g_assert_cmpstr (on_disk, ==, "");
  }
}

/* A team's name in its row. */
static void
test_team_name (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *row = sam_test_find_mapped_child (fixture->view, SAM_TYPE_TEAM_ROW);
  SamTeam *team = sam_team_row_get_team (SAM_TEAM_ROW (row));

  strip_stored = TRUE;

  type_into (fixture, GTK_EDITABLE (row), " & Accounts", stored_team, team);
  clear_field (fixture, GTK_EDITABLE (row), stored_team, team, "Sales & Accounts");
  type_into (fixture, GTK_EDITABLE (row), "Back Office", stored_team, team);
}

/* The title of an agenda step, on its own page. */
static void
test_step_title (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SamStep) step = NULL;
  GtkWidget *step_view;
  GtkEditable *title;
  g_autofree char *old_title = NULL;

  strip_stored = TRUE;
  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.add-step", "s", "custom"));
  step = g_list_model_get_item (sam_store_get_steps (fixture->store, fixture->workshop), 0);
  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.show-step", "x", sam_step_get_id (step)));
  sam_test_pump (100);
  step_view = sam_test_find_mapped_child (fixture->view, SAM_TYPE_STEP_VIEW);
  g_assert_nonnull (step_view);
  g_assert_true (gtk_widget_activate_action (step_view, "step.edit", NULL));
  sam_test_pump (100);
  title = GTK_EDITABLE (sam_test_find_mapped_child (step_view, GTK_TYPE_ENTRY));
  g_assert_nonnull (title);

  old_title = g_strdup (sam_step_get_title (step));
  clear_field (fixture, title, stored_step, "title", old_title);
  type_into (fixture, title, "Welkom en koffie", stored_step, "title");
}

int
main (int   argc,
      char *argv[])
{
  sam_test_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/sam/ui/typing/workshop-details", Fixture, NULL,
              fixture_set_up, test_workshop_details, fixture_tear_down);
  g_test_add ("/sam/ui/typing/focus-out", Fixture, NULL,
              fixture_set_up, test_focus_out, fixture_tear_down);
  g_test_add ("/sam/ui/typing/workshop-notes", Fixture, NULL,
              fixture_set_up, test_workshop_notes, fixture_tear_down);
  g_test_add ("/sam/ui/typing/team-name", Fixture, NULL,
              fixture_set_up, test_team_name, fixture_tear_down);
  g_test_add ("/sam/ui/typing/step-title", Fixture, NULL,
              fixture_set_up, test_step_title, fixture_tear_down);

  return g_test_run ();
}
