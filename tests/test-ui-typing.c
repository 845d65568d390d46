/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "sam-agreements-page.h"
#include "sam-brainstorm-page.h"
#include "sam-compat.h"
#include "sam-customer-walk-page.h"
#include "sam-map-page-private.h"
#include "sam-store-map.h"
#include "sam-overview-page.h"
#include "sam-step-view.h"
#include "sam-store-private.h"
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
  static const char *const teams[] = { "Sales", NULL };

  fixture->app = sam_test_application_new ();
  fixture->store = sam_application_get_store (fixture->app);
  fixture->window = sam_test_window_new (fixture->app);
  fixture->workshop = sam_test_create_workshop (fixture->window, "Workshop day", teams);
  fixture->view = sam_window_get_workshop_view (fixture->window);
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

static char *
stored_agreement (Fixture  *fixture,
                  gpointer  column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM agreement WHERE workshop_id = ?1",
                                          (const char *) column);

  return dup_stored (fixture, sql, sam_workshop_get_id (fixture->workshop));
}

/* An agreement's owner and what is agreed, on the agreements page. */
static void
test_agreement (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SamStep) step = NULL;
  GtkWidget *page;
  GtkEditable *owner, *what;

  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.add-step", "s", "agreements"));
  step = g_list_model_get_item (sam_store_get_steps (fixture->store, fixture->workshop), 0);
  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.show-step", "x", sam_step_get_id (step)));
  sam_test_pump (100);
  page = sam_test_find_mapped_child (fixture->view, SAM_TYPE_AGREEMENTS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "agreements.add", "s", "Een gedeelde inbox"));
  sam_test_pump (100);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sam_test_find_child (page, ADW_TYPE_EXPANDER_ROW)), TRUE);
  /* The expander's revealer maps its rows on the first frame of its
   * animation: under AddressSanitizer on a loaded machine that frame comes
   * later than 300 ms.  Wait for the rows (at most 20 s). */
  sam_test_pump (300);
  for (guint i = 0; i < 200 && find_row (page, "Who carries it (owner)") == NULL; i++)
    sam_test_pump (100);

  owner = GTK_EDITABLE (find_row (page, "Who carries it (owner)"));
  what = GTK_EDITABLE (find_row (page, "What we agree"));
  g_assert_nonnull (owner);
  g_assert_nonnull (what);
  type_into (fixture, owner, "Sales en IT", stored_agreement, "owner");
  clear_field (fixture, owner, stored_agreement, "owner", NULL);
  type_into (fixture, owner, "An", stored_agreement, "owner");
  type_into (fixture, what, " voor klantvragen", stored_agreement, "what");
}

/* The note of a relation on the map is stored a moment after the last key;
 * meanwhile the relation changes (its quality is chosen) and the map is
 * reloaded, and the note being typed stays as it is. */
static void
test_map_note (Fixture       *fixture,
               gconstpointer  data)
{
  const char *text = "Beloftes";
  g_autoptr(GPtrArray) relations = NULL;
  SamMapRelationRecord *relation;
  g_autoptr(SamTeam) team = NULL;
  GtkTextBuffer *buffer;
  SamMapPage *page;

  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.show-page", "s", "map"));
  sam_test_pump (300);
  page = SAM_MAP_PAGE (sam_test_find_mapped_child (fixture->view, SAM_TYPE_MAP_PAGE));
  g_assert_nonnull (page);
  team = g_list_model_get_item (sam_store_get_teams (fixture->store, fixture->workshop), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page->view), "map.connect", "(ss)",
                                             sam_team_get_uuid (team), "customer"));
  sam_test_pump (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->panel_stack), ==, "relation");

  buffer = gtk_text_view_get_buffer (page->note_view);
  gtk_widget_grab_focus (GTK_WIDGET (page->note_view));
  for (const char *p = text; *p != '\0'; p++)
    {
      g_autofree char *typed = g_strndup (text, p - text + 1);
      g_autofree char *shown = NULL;
      GtkTextIter start, end, cursor;

      gtk_text_buffer_insert_interactive_at_cursor (buffer, p, 1, TRUE);
      sam_test_pump (80);
      if (p - text == 3)
        {
          gtk_drop_down_set_selected (page->quality_drop, 2);
          sam_test_pump (80);
        }
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_assert_cmpstr (shown, ==, typed);
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, p - text + 1);
    }

  sam_test_pump (800);
  relations = sam_store_list_map_relations (fixture->store, fixture->workshop, NULL);
  g_assert_nonnull (relations);
  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (relation->note, ==, text);
  g_assert_cmpuint (relation->quality, ==, 2);
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
  /* The field catches up from an idle handler once the focus has left;
   * on a loaded machine that may take a few frames. */
  for (guint i = 0; i < 100 && g_strcmp0 (gtk_editable_get_text (organisation), "Globex") != 0; i++)
    sam_test_pump (20);
  g_assert_cmpstr (gtk_editable_get_text (organisation), ==, "Globex");
}

/* A coach who leaves the window while typing (a second window comes up,
 * or another app) keeps the text as typed; a focus then moved on in that
 * window that is no longer the active one still shows what is stored. */
static void
test_focus_out_inactive (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkEditable *organisation = GTK_EDITABLE (find_row (fixture->view, "Organisation"));
  GtkEditable *coach = GTK_EDITABLE (find_row (fixture->view, "Coach"));
  GtkWidget *other;

  type_into (fixture, organisation, "Acme", stored_workshop, "organisation");

  other = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (other), 200, 100);
  gtk_window_present (GTK_WINDOW (other));
  for (guint i = 0; i < 100 && gtk_window_is_active (GTK_WINDOW (fixture->window)); i++)
    sam_test_pump (20);
  if (gtk_window_is_active (GTK_WINDOW (fixture->window)))
    {
      gtk_window_destroy (GTK_WINDOW (other));
      g_test_skip ("this display did not move the activation to the second window");
      return;
    }

  /* Still the field's text: the coach comes back to it as left. */
  g_assert_true (sam_store_set_workshop_field (fixture->store, fixture->workshop,
                                               SAM_WORKSHOP_FIELD_ORGANISATION, "Globex", NULL));
  g_assert_cmpstr (gtk_editable_get_text (organisation), ==, "Acme");

  gtk_widget_grab_focus (GTK_WIDGET (coach));
  for (guint i = 0; i < 100 && g_strcmp0 (gtk_editable_get_text (organisation), "Globex") != 0; i++)
    sam_test_pump (20);
  g_assert_cmpstr (gtk_editable_get_text (organisation), ==, "Globex");
  gtk_window_destroy (GTK_WINDOW (other));
}

/* Types @text into an empty text view, key by key at the cursor. */
static void
type_into_view (Fixture     *fixture,
                GtkTextView *view,
                const char  *text,
                StoredFunc   stored,
                gpointer     data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *typed = g_strndup (text, g_utf8_next_char (p) - text);
      g_autofree char *shown = NULL;
      g_autofree char *on_disk = NULL;
      GtkTextIter start, end, cursor;

      gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
      sam_test_pump (15);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_assert_cmpstr (shown, ==, typed);
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, g_utf8_strlen (typed, -1));
      on_disk = stored (fixture, data);
      g_assert_cmpstr (on_disk, ==, typed);
    }
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

  type_into_view (fixture, view, text, stored_workshop, "notes");

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

  /* The instructions projected for the room, while the step's timer runs
   * (it notifies the step every second). */
  g_assert_true (gtk_widget_activate_action (step_view, "step.timer-start", NULL));
  type_into_view (fixture, GTK_TEXT_VIEW (sam_test_find_mapped_child (step_view, GTK_TYPE_TEXT_VIEW)),
                  "Stel je voor:\nwie is je klant?", stored_step, "instructions");
}

/* The error alert on screen: its heading and body, and it is closed. */
static char *
take_error_message (void)
{
  GtkWidget *alert = sam_compat_alert_find_open ();
  char *message;

  g_assert_nonnull (alert);
  message = g_strconcat (sam_compat_alert_get_heading (alert), "\n",
                         sam_compat_alert_get_body (alert), NULL);
  g_assert_true (sam_compat_alert_respond (alert, "close"));
  sam_test_pump (50);
  return message;
}

/* Another program holds the database (BEGIN EXCLUSIVE) while a key is
 * typed: the key is not stored, so the field does not show it, and the
 * message names the lock.  Once the lock is gone the next key is stored. */
static void
test_locked_database (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkEditable *organisation = GTK_EDITABLE (find_row (fixture->view, "Organisation"));
  g_autofree char *message = NULL;
  g_autofree char *on_disk = NULL;
  sqlite3 *other = NULL;

  type_into (fixture, organisation, "Acme", stored_workshop, "organisation");

  g_assert_cmpint (sqlite3_open_v2 (sam_store_get_path (fixture->store), &other,
                                    SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  /* The store waits for the lock a while, then gives up. */
  press_key (organisation, "X");
  g_assert_cmpstr (gtk_editable_get_text (organisation), ==, "Acme");
  g_assert_cmpint (gtk_editable_get_position (organisation), ==, 4);
  on_disk = stored_workshop (fixture, "organisation");
  g_assert_cmpstr (on_disk, ==, "Acme");
  g_assert_cmpstr (sam_workshop_get_organisation (fixture->workshop), ==, "Acme");
  message = take_error_message ();
  g_assert_nonnull (strstr (message, "Another program is using the workshop database"));
  g_assert_null (strstr (message, "disk is full"));

  /* Not only text: a team's number of people shows what is stored too.
   * (The store's full wait for the lock was shown above.) */
  sqlite3_busy_timeout (_sam_store_get_db (fixture->store), 50);
  {
    GtkWidget *row = sam_test_find_mapped_child (fixture->view, SAM_TYPE_TEAM_ROW);
    GtkSpinButton *people = GTK_SPIN_BUTTON (sam_test_find_child (row, GTK_TYPE_SPIN_BUTTON));
    SamTeam *team = sam_team_row_get_team (SAM_TEAM_ROW (row));
    g_autofree char *other_message = NULL;

    gtk_spin_button_set_value (people, 7);
    sam_test_pump (15);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (people), ==, 0);
    g_assert_cmpuint (sam_team_get_people (team), ==, 0);
    other_message = take_error_message ();
    g_assert_nonnull (strstr (other_message, "Another program is using the workshop database"));
  }

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  type_into (fixture, organisation, " Verzekeringen", stored_workshop, "organisation");
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The same on an exercise page: a setting, a card's why and its mark.  The
 * store waits only briefly for the lock here. */
static void
test_locked_exercise (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SamStep) step = NULL;
  g_autoptr(SamCard) card = NULL;
  GtkWidget *page, *why, *mark;
  GtkEditable *persona;
  g_autofree char *persona_before = NULL;
  sqlite3 *other = NULL;

  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.add-step", "s", "customer-walk"));
  step = g_list_model_get_item (sam_store_get_steps (fixture->store, fixture->workshop), 0);
  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.show-step", "x", sam_step_get_id (step)));
  sam_test_pump (100);
  page = sam_test_find_mapped_child (fixture->view, SAM_TYPE_CUSTOMER_WALK_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "walk.add-step", "s", "Fills in the form"));
  sam_test_pump (100);
  card = g_list_model_get_item (sam_store_get_cards (fixture->store, step), 0);
  why = find_with_class (page, GTK_TYPE_ENTRY, "discover-why");
  mark = find_with_class (page, GTK_TYPE_TOGGLE_BUTTON, "discover-mark-2");
  persona = GTK_EDITABLE (find_row (page, "Whose shoes we walk in"));
  g_assert_nonnull (why);
  g_assert_nonnull (mark);
  g_assert_nonnull (persona);
  persona_before = g_strdup (gtk_editable_get_text (persona));

  sqlite3_busy_timeout (_sam_store_get_db (fixture->store), 50);
  g_assert_cmpint (sqlite3_open_v2 (sam_store_get_path (fixture->store), &other,
                                    SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  gtk_widget_grab_focus (why);
  press_key (GTK_EDITABLE (why), "W");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (why)), ==, "");
  g_free (take_error_message ());

  gtk_widget_grab_focus (GTK_WIDGET (persona));
  gtk_editable_set_position (persona, -1);
  press_key (persona, "!");
  g_assert_cmpstr (gtk_editable_get_text (persona), ==, persona_before);
  g_free (take_error_message ());

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mark), TRUE);
  sam_test_pump (15);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (mark)));
  g_assert_cmpint (sam_card_get_value (card), ==, 0);
  g_free (take_error_message ());

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  gtk_widget_grab_focus (why);
  press_key (GTK_EDITABLE (why), "W");
  g_assert_cmpstr (sam_card_get_detail (card), ==, "W");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mark), TRUE);
  g_assert_cmpint (sam_card_get_value (card), ==, 1);
}

/* The same lock, held by another process, as another Samenspel or an
 * SQLite tool would: this program run again with --hold-lock DATABASE.  It
 * says "locked" once it holds the lock and lets go when its input closes. */
static const char *self_path;

static int
hold_lock (const char *path)
{
  sqlite3 *db = NULL;
  char buffer[16];

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK)
    return 1;
  fputs ("locked\n", stdout);
  fflush (stdout);
  while (fread (buffer, 1, sizeof buffer, stdin) > 0)
    ;
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return 0;
}

static GSubprocess *
lock_in_other_process (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              self_path, "--hold-lock", sam_store_get_path (fixture->store), NULL);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "locked");
  return process;
}

static void
release_lock (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (process), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (process);
}

static void
assert_lock_named (void)
{
  g_autofree char *message = take_error_message ();

  g_assert_nonnull (strstr (message, "Another program is using the workshop database"));
}

/* Controls that are not typed into (drop-downs, a switch, a spin button, a
 * toggle) show what is stored after a write the lock refused: the map's
 * relation quality and tension and a team's pin, the brainstorm's vote
 * budget and its reveal. */
static void
test_locked_controls (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (fixture->store, fixture->workshop), 0);
  g_autoptr(SamStep) step = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  GtkSpinButton *budget;
  GtkToggleButton *reveal;
  GSubprocess *locker;
  GtkWidget *brainstorm;
  SamMapPage *page;

  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.show-page", "s", "map"));
  sam_test_pump (300);
  page = SAM_MAP_PAGE (sam_test_find_mapped_child (fixture->view, SAM_TYPE_MAP_PAGE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page->view), "map.connect", "(ss)",
                                             sam_team_get_uuid (team), "customer"));
  sam_test_pump (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->panel_stack), ==, "relation");
  gtk_drop_down_set_selected (page->quality_drop, 2);
  sam_test_pump (50);

  locker = lock_in_other_process (fixture);
  gtk_drop_down_set_selected (page->quality_drop, 4);
  sam_test_pump (50);
  for (guint i = 0; i < 200 && gtk_drop_down_get_selected (page->quality_drop) != 2; i++)
    sam_test_pump (100);
  g_assert_cmpuint (gtk_drop_down_get_selected (page->quality_drop), ==, 2);
  assert_lock_named ();
  gtk_drop_down_set_selected (page->tension_drop, SAM_MAP_TENSION_HIGH);
  sam_test_pump (50);
  for (guint i = 0; i < 200 && gtk_drop_down_get_selected (page->tension_drop) != SAM_MAP_TENSION_NONE; i++)
    sam_test_pump (100);
  g_assert_cmpuint (gtk_drop_down_get_selected (page->tension_drop), ==, SAM_MAP_TENSION_NONE);
  assert_lock_named ();
  release_lock (locker);

  relations = sam_store_list_map_relations (fixture->store, fixture->workshop, NULL);
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_cmpuint (((SamMapRelationRecord *) g_ptr_array_index (relations, 0))->quality, ==, 2);
  g_assert_cmpint (((SamMapRelationRecord *) g_ptr_array_index (relations, 0))->tension, ==,
                   SAM_MAP_TENSION_NONE);

  /* The team's node: its pin. */
  sam_map_view_select (page->view, SAM_MAP_KIND_NODE, sam_team_get_uuid (team));
  sam_test_pump (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->panel_stack), ==, "node");
  {
    gboolean pinned = gtk_switch_get_active (page->pin_switch);

    locker = lock_in_other_process (fixture);
    gtk_switch_set_active (page->pin_switch, !pinned);
    /* The refused write puts the switch back once the error is handled. */
    sam_test_pump (50);
    for (guint i = 0; i < 200 && gtk_switch_get_active (page->pin_switch) != pinned; i++)
      sam_test_pump (100);
    g_assert_cmpint (gtk_switch_get_active (page->pin_switch), ==, pinned);
    assert_lock_named ();
    release_lock (locker);
  }

  /* The brainstorm's settings. */
  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.add-step", "s", "brainstorm"));
  step = g_list_model_get_item (sam_store_get_steps (fixture->store, fixture->workshop), 0);
  g_assert_true (gtk_widget_activate_action (fixture->view, "workshop.show-step", "x", sam_step_get_id (step)));
  sam_test_pump (200);
  brainstorm = sam_test_find_mapped_child (fixture->view, SAM_TYPE_BRAINSTORM_PAGE);
  g_assert_nonnull (brainstorm);
  /* The settings are the first row of the "Group and Vote" phase. */
  g_assert_true (gtk_widget_activate_action (brainstorm, "brainstorm.show-phase", "s", "vote"));
  sam_test_pump (200);
  budget = GTK_SPIN_BUTTON (sam_test_find_child (brainstorm, GTK_TYPE_SPIN_BUTTON));
  reveal = GTK_TOGGLE_BUTTON (gtk_widget_get_parent (sam_test_find_child (brainstorm, ADW_TYPE_BUTTON_CONTENT)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (budget), ==, sam_store_get_vote_budget (fixture->store, step));

  locker = lock_in_other_process (fixture);
  gtk_spin_button_set_value (budget, gtk_spin_button_get_value_as_int (budget) + 2);
  sam_test_pump (50);
  for (guint i = 0; i < 200; i++)
    {
      if ((guint) gtk_spin_button_get_value_as_int (budget) == sam_store_get_vote_budget (fixture->store, step))
        break;
      sam_test_pump (100);
    }
  g_assert_cmpint (gtk_spin_button_get_value_as_int (budget), ==, sam_store_get_vote_budget (fixture->store, step));
  assert_lock_named ();
  gtk_toggle_button_set_active (reveal, TRUE);
  sam_test_pump (50);
  for (guint i = 0; i < 200 && gtk_toggle_button_get_active (reveal); i++)
    sam_test_pump (100);
  g_assert_false (gtk_toggle_button_get_active (reveal));
  g_assert_false (sam_store_get_votes_revealed (fixture->store, step));
  assert_lock_named ();
  release_lock (locker);

  gtk_toggle_button_set_active (reveal, TRUE);
  sam_test_pump (50);
  g_assert_true (sam_store_get_votes_revealed (fixture->store, step));
}

typedef struct
{
  GtkEditable *editable;
  gint64 took;
} TimedKey;

static gboolean
timed_key_cb (gpointer data)
{
  TimedKey *key = data;
  gint64 start = g_get_monotonic_time ();
  int position = -1;

  gtk_editable_set_position (key->editable, -1);
  position = gtk_editable_get_position (key->editable);
  gtk_editable_insert_text (key->editable, "X", -1, &position);
  key->took = g_get_monotonic_time () - start;
  return G_SOURCE_REMOVE;
}

typedef struct
{
  SamWindow *window;
  gint64 took;
} TimedDialog;

static gboolean
timed_dialog_cb (gpointer data)
{
  TimedDialog *dialog = data;
  g_autoptr(GError) error = g_error_new_literal (SAM_STORE_ERROR, SAM_STORE_ERROR_BUSY, "database is locked");
  gint64 start = g_get_monotonic_time ();

  sam_window_show_error (dialog->window, error);
  dialog->took = g_get_monotonic_time () - start;
  return G_SOURCE_REMOVE;
}

/* What the message about the lock costs on its own, in a main-loop
 * iteration of its own: building and showing a dialog, which has nothing
 * to do with the lock.  It is most of a refused key's iteration, and the
 * part the build changes most: under AddressSanitizer, which unwinds the
 * whole stack at every allocation (fast_unwind_on_malloc=0), it took
 * 3.9 s of a 4.2 s iteration (0.4 s with the fast unwinder). */
static gint64
time_error_dialog (Fixture *fixture)
{
  TimedDialog dialog = { fixture->window, -1 };

  g_idle_add_full (G_PRIORITY_HIGH, timed_dialog_cb, &dialog, NULL);
  while (dialog.took < 0)
    g_main_context_iteration (NULL, TRUE);
  assert_lock_named ();
  return dialog.took;
}

/* Another process holds the lock for longer than any edit may wait: a key
 * typed meanwhile is handled (refused, shown as stored, the lock named)
 * within one main-loop iteration that ends well before SQLite's usual
 * five-second wait would, so the window keeps drawing and answering; once
 * the lock is gone the next key is stored.  The iteration may take what
 * the message alone takes, measured first, and at most 2.5 s more. */
static void
test_lock_responsive (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkEditable *organisation = GTK_EDITABLE (find_row (fixture->view, "Organisation"));
  TimedKey key = { organisation, -1 };
  g_autofree char *on_disk = NULL;
  GSubprocess *locker;
  gint64 start, iteration, dialog;

  type_into (fixture, organisation, "Acme", stored_workshop, "organisation");
  gtk_widget_grab_focus (GTK_WIDGET (organisation));
  sam_test_pump (15);
  dialog = time_error_dialog (fixture);
  gtk_widget_grab_focus (GTK_WIDGET (organisation));
  sam_test_pump (15);

  locker = lock_in_other_process (fixture);
  g_idle_add_full (G_PRIORITY_HIGH, timed_key_cb, &key, NULL);
  start = g_get_monotonic_time ();
  g_main_context_iteration (NULL, TRUE);
  iteration = g_get_monotonic_time () - start;
  g_assert_cmpint (key.took, >=, 0);
  g_test_message ("key refused by the lock in %" G_GINT64_FORMAT " ms (iteration %" G_GINT64_FORMAT
                  " ms, the message alone %" G_GINT64_FORMAT " ms)",
                  key.took / 1000, iteration / 1000, dialog / 1000);
  /* The short wait for the lock itself, then the error shown: besides the
   * message, half of SQLite's usual single wait even on a busy machine
   * (the old behaviour froze the window for five seconds and more). */
  g_assert_cmpint (key.took, >=, SAM_APPLICATION_BUSY_TIMEOUT_MS * 1000 / 2);
  g_assert_cmpint (iteration - dialog, <, 2500 * 1000);
  sam_test_pump (30);
  g_assert_cmpstr (gtk_editable_get_text (organisation), ==, "Acme");
  assert_lock_named ();
  release_lock (locker);

  type_into (fixture, organisation, "!", stored_workshop, "organisation");
  on_disk = stored_workshop (fixture, "organisation");
  g_assert_cmpstr (on_disk, ==, "Acme!");
}

/* A full disk (the database may not grow) while notes are pasted: the
 * notes show what is stored, and the message says the disk is full. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page = sam_test_find_mapped_child (fixture->view, SAM_TYPE_OVERVIEW_PAGE);
  GtkTextView *view = GTK_TEXT_VIEW (sam_test_find_child (page, GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  sqlite3 *db = _sam_store_get_db (fixture->store);
  g_autofree char *limit = NULL;
  g_autofree char *message = NULL;
  g_autofree char *long_text = g_strnfill (200000, 'x');
  sqlite3_stmt *stmt = NULL;
  GtkTextIter start, end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "Kort", -1, TRUE);
  sam_test_pump (15);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  gtk_text_buffer_insert_interactive_at_cursor (buffer, long_text, -1, TRUE);
  sam_test_pump (15);
  {
    g_autofree char *shown = NULL;
    g_autofree char *on_disk = stored_workshop (fixture, "notes");

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "Kort");
    g_assert_cmpstr (on_disk, ==, "Kort");
  }
  message = take_error_message ();
  g_assert_nonnull (strstr (message, "The disk is full"));

  /* Room again: the next key is stored. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL), ==, SQLITE_OK);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "!", -1, TRUE);
  sam_test_pump (15);
  {
    g_autofree char *on_disk = stored_workshop (fixture, "notes");

    g_assert_cmpstr (on_disk, ==, "Kort!");
  }
}

/* A database file that may only be read is reported when Samenspel
 * starts, not by every edit failing. */
static void
test_read_only_database (void)
{
  g_autofree char *path = NULL;
  g_autoptr(SamApplication) app = sam_test_application_new ();
  g_autoptr(SamApplication) again = NULL;
  SamWindow *window;
  AdwStatusPage *page;

  path = g_strdup (sam_store_get_path (sam_application_get_store (app)));
  g_clear_object (&app);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  /* Not through sam_test_application_new: that would remove the file. */
  again = sam_application_new (APP_ID ".ReadOnly", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (again), NULL, NULL));
  g_assert_null (sam_application_get_store (again));
  g_assert_error (sam_application_get_store_error (again), SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY);

  window = sam_test_window_new (again);
  g_assert_cmpstr (sam_window_get_visible_page (window), ==, "error");
  page = ADW_STATUS_PAGE (sam_test_find_mapped_child (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "The Workshops Are Read-Only");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "The database is read-only"));
  sam_test_destroy_window (window);

  g_chmod (path, 0600);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--hold-lock"))
    return hold_lock (argv[2]);
  self_path = argv[0];

  /* Not gtk_test_init(): it forces en_US.UTF-8, which a minimal system
   * (the compat gate's root) does not have. */
  sam_test_isolate ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/sam/ui/typing/workshop-details", Fixture, NULL,
              fixture_set_up, test_workshop_details, fixture_tear_down);
  g_test_add ("/sam/ui/typing/focus-out", Fixture, NULL,
              fixture_set_up, test_focus_out, fixture_tear_down);
  g_test_add ("/sam/ui/typing/focus-out-inactive", Fixture, NULL,
              fixture_set_up, test_focus_out_inactive, fixture_tear_down);
  g_test_add ("/sam/ui/typing/workshop-notes", Fixture, NULL,
              fixture_set_up, test_workshop_notes, fixture_tear_down);
  g_test_add ("/sam/ui/typing/team-name", Fixture, NULL,
              fixture_set_up, test_team_name, fixture_tear_down);
  g_test_add ("/sam/ui/typing/step-title", Fixture, NULL,
              fixture_set_up, test_step_title, fixture_tear_down);
  g_test_add ("/sam/ui/typing/agreement", Fixture, NULL,
              fixture_set_up, test_agreement, fixture_tear_down);
  g_test_add ("/sam/ui/typing/map-note", Fixture, NULL,
              fixture_set_up, test_map_note, fixture_tear_down);
  g_test_add ("/sam/ui/failed-save/locked", Fixture, NULL,
              fixture_set_up, test_locked_database, fixture_tear_down);
  g_test_add ("/sam/ui/failed-save/locked-exercise", Fixture, NULL,
              fixture_set_up, test_locked_exercise, fixture_tear_down);
  g_test_add ("/sam/ui/failed-save/locked-controls", Fixture, NULL,
              fixture_set_up, test_locked_controls, fixture_tear_down);
  g_test_add ("/sam/ui/failed-save/lock-responsive", Fixture, NULL,
              fixture_set_up, test_lock_responsive, fixture_tear_down);
  g_test_add ("/sam/ui/failed-save/disk-full", Fixture, NULL,
              fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add_func ("/sam/ui/failed-save/read-only", test_read_only_database);

  return g_test_run ();
}
