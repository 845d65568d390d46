/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-agenda-row.h"
#include "sam-compat.h"
#include "sam-sample-workshop.h"
#include "sam-step-view.h"
#include "sam-templates.h"
#include "sam-test-utils.h"
#include "sam-timer.h"
#include "sam-timer-view.h"
#include "sam-workshop-view.h"

/* The agenda, templates, the step page and its timer, driven through the
 * app's actions as the coach would. */

typedef struct
{
  SamApplication *app;
  SamStore *store;
  SamWindow *window;
  SamWorkshop *workshop;
  GtkWidget *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->app = sam_test_application_new ();
  f->store = sam_application_get_store (f->app);
  f->window = sam_test_window_new (f->app);
  f->workshop = sam_test_create_workshop (f->window, "Colleagues & Customers", NULL);
  f->view = sam_window_get_workshop_view (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    sam_test_destroy_window (f->window);
  g_clear_object (&f->app);
}

static guint
n_steps (Fixture *f)
{
  return g_list_model_get_n_items (sam_store_get_steps (f->store, f->workshop));
}

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  static const char *const day_kinds[] = {
    "custom", "changes", "team-perspective", "custom", "strengths", "beliefs",
    "map", "custom", "brainstorm", "agreements", "absent",
  };
  static const char *const customer_kinds[] = {
    "custom", "customer-walk", "customer-walk", "custom", "achieve-avoid", "agreements",
  };
  const SamTemplate *day = sam_template_lookup ("colleagues-customers-day");
  const SamTemplate *customer = sam_template_lookup ("customer-process");
  guint minutes = 0;

  g_assert_nonnull (day);
  g_assert_nonnull (customer);
  g_assert_cmpuint (day->n_steps, ==, G_N_ELEMENTS (day_kinds));
  g_assert_cmpuint (customer->n_steps, ==, G_N_ELEMENTS (customer_kinds));
  g_assert_null (sam_template_lookup ("no-such-template"));

  gtk_widget_activate_action (f->view, "workshop.add-team", "s", "Sales");
  gtk_widget_activate_action (f->view, "workshop.add-team", "s", "Back Office");
  gtk_widget_activate_action (f->view, "workshop.add-team", "s", "IT");

  /* An empty agenda invites to start from a template. */
  g_assert_cmpuint (n_steps (f), ==, 0);
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (f->window), "agenda-empty.png");

  g_assert_true (gtk_widget_activate_action (f->view, "workshop.apply-template", "s", day->id));
  g_assert_cmpuint (n_steps (f), ==, day->n_steps);
  for (guint i = 0; i < day->n_steps; i++)
    {
      SamStep *step = sam_sample_step_at (f->store, f->workshop, i);

      g_assert_cmpstr (sam_step_get_kind (step), ==, day_kinds[i]);
      g_assert_cmpstr (sam_step_get_title (step), ==, day->steps[i].title);
      g_assert_cmpuint (sam_step_get_minutes (step), ==, day->steps[i].minutes);
      g_assert_cmpuint (strlen (sam_step_get_instructions (step)), >, 20);
      g_assert_cmpint (sam_step_get_state (step), ==, SAM_STEP_TODO);
      minutes += sam_step_get_minutes (step);
    }
  g_assert_cmpuint (minutes, ==, sam_template_get_minutes (day));
  g_assert_cmpuint (minutes, >=, 5 * 60);

  /* The first step is shown, with the exercise's own page when it has one. */
  g_assert_cmpstr (sam_workshop_view_get_page (SAM_WORKSHOP_VIEW (f->view)), ==, "step");
  g_assert_true (sam_workshop_view_get_step (SAM_WORKSHOP_VIEW (f->view)) ==
                 sam_sample_step_at (f->store, f->workshop, 0));
  gtk_widget_activate_action (f->view, "workshop.set-step-state", "(xu)",
                              sam_step_get_id (sam_sample_step_at (f->store, f->workshop, 0)), SAM_STEP_DONE);
  gtk_widget_activate_action (f->view, "workshop.set-step-state", "(xu)",
                              sam_step_get_id (sam_sample_step_at (f->store, f->workshop, 1)), SAM_STEP_CURRENT);
  gtk_widget_activate_action (f->view, "workshop.show-step", "x",
                              sam_step_get_id (sam_sample_step_at (f->store, f->workshop, 1)));
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (f->window), "agenda.png");

  /* A second template is added after the steps already there. */
  g_assert_true (gtk_widget_activate_action (f->view, "workshop.apply-template", "s", customer->id));
  g_assert_cmpuint (n_steps (f), ==, day->n_steps + customer->n_steps);
  for (guint i = 0; i < customer->n_steps; i++)
    {
      SamStep *step = sam_sample_step_at (f->store, f->workshop, day->n_steps + i);

      g_assert_cmpstr (sam_step_get_kind (step), ==, customer_kinds[i]);
      g_assert_cmpstr (sam_step_get_title (step), ==, customer->steps[i].title);
    }
  g_assert_cmpstr (sam_step_get_kind (sam_sample_step_at (f->store, f->workshop, 0)), ==, "custom");

  /* An unknown template changes nothing. */
  gtk_widget_activate_action (f->view, "workshop.apply-template", "s", "no-such-template");
  g_assert_cmpuint (n_steps (f), ==, day->n_steps + customer->n_steps);

  /* The agenda is on disk. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamStore) again = sam_store_open (sam_store_get_path (f->store), &error);
    SamWorkshop *reread;

    g_assert_no_error (error);
    reread = sam_store_find_workshop (again, sam_workshop_get_uuid (f->workshop));
    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_steps (again, reread)), ==,
                      day->n_steps + customer->n_steps);
    g_assert_cmpint (sam_step_get_state (sam_sample_step_at (again, reread, 1)), ==, SAM_STEP_CURRENT);
  }
}

static void
test_steps (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *uuid_a = NULL;
  SamStep *a, *b, *c;
  gint64 id_b;

  g_assert_true (gtk_widget_activate_action (f->view, "workshop.add-step", "s", "custom"));
  g_assert_true (gtk_widget_activate_action (f->view, "workshop.add-step", "s", "changes"));
  /* A kind the app does not know is not added from the menu action. */
  gtk_widget_activate_action (f->view, "workshop.add-step", "s", "no-such-exercise");
  g_assert_cmpuint (n_steps (f), ==, 2);

  a = sam_sample_step_at (f->store, f->workshop, 0);
  b = sam_sample_step_at (f->store, f->workshop, 1);
  uuid_a = g_strdup (sam_step_get_uuid (a));
  g_assert_cmpstr (sam_step_get_kind (b), ==, "changes");
  g_assert_cmpstr (sam_step_get_title (b), ==, "Changes and Impact");
  g_assert_cmpuint (sam_step_get_minutes (b), ==, 40);
  g_assert_true (sam_workshop_view_get_step (SAM_WORKSHOP_VIEW (f->view)) == b);

  /* Duplicate: the copy comes right after and is shown. */
  gtk_widget_activate_action (f->view, "workshop.duplicate-step", "x", sam_step_get_id (a));
  g_assert_cmpuint (n_steps (f), ==, 3);
  c = sam_sample_step_at (f->store, f->workshop, 1);
  g_assert_true (c != a);
  g_assert_cmpstr (sam_step_get_kind (c), ==, "custom");
  g_assert_true (sam_workshop_view_get_step (SAM_WORKSHOP_VIEW (f->view)) == c);

  /* Move: down one, then past the end (ignored), then up. */
  gtk_widget_activate_action (f->view, "workshop.move-step", "(xi)", sam_step_get_id (a), 1);
  g_assert_true (sam_sample_step_at (f->store, f->workshop, 1) == a);
  g_assert_cmpuint (sam_step_get_position (a), ==, 1);
  gtk_widget_activate_action (f->view, "workshop.move-step", "(xi)", sam_step_get_id (b), 1);
  g_assert_true (sam_sample_step_at (f->store, f->workshop, 2) == b);
  gtk_widget_activate_action (f->view, "workshop.move-step", "(xi)", sam_step_get_id (b), -2);
  g_assert_true (sam_sample_step_at (f->store, f->workshop, 0) == b);
  gtk_widget_activate_action (f->view, "workshop.move-step-to", "(xu)", sam_step_get_id (b), 2);
  g_assert_true (sam_sample_step_at (f->store, f->workshop, 2) == b);

  /* State: one current at a time; the previous one becomes done. */
  gtk_widget_activate_action (f->view, "workshop.set-step-state", "(xu)", sam_step_get_id (a), SAM_STEP_CURRENT);
  g_assert_cmpint (sam_step_get_state (a), ==, SAM_STEP_CURRENT);
  gtk_widget_activate_action (f->view, "workshop.set-step-state", "(xu)", sam_step_get_id (b), SAM_STEP_CURRENT);
  g_assert_cmpint (sam_step_get_state (b), ==, SAM_STEP_CURRENT);
  g_assert_cmpint (sam_step_get_state (a), ==, SAM_STEP_DONE);
  gtk_widget_activate_action (f->view, "workshop.set-step-state", "(xu)", sam_step_get_id (a), SAM_STEP_TODO);
  g_assert_cmpint (sam_step_get_state (a), ==, SAM_STEP_TODO);

  /* Remove the shown step: the page goes back to the overview; Undo
   * brings the step back in its place. */
  id_b = sam_step_get_id (b);
  gtk_widget_activate_action (f->view, "workshop.show-step", "x", id_b);
  g_assert_true (sam_workshop_view_get_step (SAM_WORKSHOP_VIEW (f->view)) == b);
  gtk_widget_activate_action (f->view, "workshop.remove-step", "x", id_b);
  g_assert_cmpuint (n_steps (f), ==, 2);
  g_assert_null (sam_store_find_step (f->store, f->workshop, id_b));
  g_assert_cmpstr (sam_workshop_view_get_page (SAM_WORKSHOP_VIEW (f->view)), ==, "overview");
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (f->window), "agenda-undo-toast.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (n_steps (f), ==, 3);
  b = sam_store_find_step (f->store, f->workshop, id_b);
  g_assert_nonnull (b);
  g_assert_cmpuint (sam_step_get_position (b), ==, 2);
  g_assert_cmpstr (sam_step_get_uuid (sam_sample_step_at (f->store, f->workshop, 1)), ==, uuid_a);

  /* The page of a step is reached by its sidebar name too. */
  {
    g_autofree char *name = g_strdup_printf ("step-%" G_GINT64_FORMAT, id_b);

    gtk_widget_activate_action (f->view, "workshop.show-page", "s", name);
    g_assert_true (sam_workshop_view_get_step (SAM_WORKSHOP_VIEW (f->view)) == b);
  }
}

static SamStepView *
shown_step_view (Fixture *f)
{
  return SAM_STEP_VIEW (sam_workshop_view_get_step_view (SAM_WORKSHOP_VIEW (f->view)));
}

static void
test_step_view (Fixture       *f,
                gconstpointer  data)
{
  SamStepView *step_view;
  SamStep *step;

  gtk_widget_activate_action (f->view, "workshop.add-step", "s", "custom");
  step = sam_sample_step_at (f->store, f->workshop, 0);
  step_view = shown_step_view (f);
  g_assert_true (sam_step_view_get_step (step_view) == step);
  g_assert_null (sam_step_view_get_page (step_view));

  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.set-title", "s", "Welcome");
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.set-instructions", "s",
                              "Find your team's table.\n\nSay your name and one thing you hope to take home.");
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.set-notes", "s", "Keep it light.");
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.set-minutes", "u", 25);
  g_assert_cmpstr (sam_step_get_title (step), ==, "Welcome");
  g_assert_cmpstr (sam_step_get_notes (step), ==, "Keep it light.");
  g_assert_cmpuint (sam_step_get_minutes (step), ==, 25);

  /* An empty title is not taken. */
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.set-title", "s", "");
  g_assert_cmpstr (sam_step_get_title (step), ==, "Welcome");

  /* Editing: typing in the instructions saves them at once. */
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.edit", NULL);
  {
    GtkWidget *text = sam_test_find_mapped_child (GTK_WIDGET (step_view), GTK_TYPE_TEXT_VIEW);

    g_assert_nonnull (text);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), "Welcome, everyone!", -1);
    g_assert_cmpstr (sam_step_get_instructions (step), ==, "Welcome, everyone!");
  }
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.edit", NULL);

  /* The coach's notes are never shown while projecting. */
  g_assert_false (sam_step_view_get_projecting (step_view));
  sam_step_view_set_projecting (step_view, TRUE);
  g_assert_false (sam_step_view_get_notes_visible (step_view));
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (f->window), "step-view-projecting.png");
  sam_step_view_set_projecting (step_view, FALSE);
}

static void
test_timer (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *uuid = NULL;
  SamTimerView *timer_view;
  SamStepView *step_view;
  SamStep *step;
  gint64 before, deadline, id;

  gtk_widget_activate_action (f->view, "workshop.add-team", "s", "Sales");
  gtk_widget_activate_action (f->view, "workshop.add-step", "s", "custom");
  step = sam_sample_step_at (f->store, f->workshop, 0);
  id = sam_step_get_id (step);
  uuid = g_strdup (sam_workshop_get_uuid (f->workshop));
  step_view = shown_step_view (f);
  timer_view = SAM_TIMER_VIEW (sam_step_view_get_timer_view (step_view));
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.set-title", "s", "Strengths and Challenges");
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.set-instructions", "s",
                              "Per team: what are we strong at, and what do we struggle with? "
                              "Other teams add what they see in us.\n\n"
                              "Then look around: where could the strength of one team help with the challenge of another?");
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.set-minutes", "u", 30);
  g_assert_cmpint (sam_step_get_timer_remaining (step), ==, -1);
  g_assert_cmpstr (sam_timer_view_get_text (timer_view), ==, "30:00");

  /* Start: a deadline half an hour from now is stored. */
  before = g_get_real_time () / 1000;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step_view), "step.timer-start", NULL));
  deadline = sam_step_get_timer_deadline (step);
  g_assert_cmpint (deadline, >=, before + 30 * 60000);
  g_assert_cmpint (deadline, <=, g_get_real_time () / 1000 + 30 * 60000);
  /* It counts down: wait for the first second to go (at most 20 s on a
   * loaded machine or under AddressSanitizer), then the countdown shows what
   * is left of the stored deadline, rounded up to the second, as of its last
   * tick: no more than half an hour minus a second, and no less than what is
   * left now. */
  for (guint i = 0; i < 400 && g_str_equal (sam_timer_view_get_text (timer_view), "30:00"); i++)
    sam_test_pump (50);
  {
    g_autofree char *least = sam_timer_format (deadline - g_get_real_time () / 1000);
    const char *shown = sam_timer_view_get_text (timer_view);

    g_assert_cmpint (strlen (shown), ==, strlen (least));
    g_assert_cmpint (strcmp (shown, "29:59"), <=, 0);
    g_assert_cmpint (strcmp (shown, least), >=, 0);
  }
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (f->window), "step-view.png");

  /* Pause keeps what is left; a minute more; start again. */
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.timer-pause", NULL);
  g_assert_cmpint (sam_step_get_timer_deadline (step), ==, 0);
  g_assert_cmpint (sam_step_get_timer_remaining (step), >, 29 * 60000);
  g_assert_cmpint (sam_step_get_timer_remaining (step), <, 30 * 60000);
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.timer-add-minute", NULL);
  g_assert_cmpint (sam_step_get_timer_remaining (step), >, 30 * 60000);
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.timer-toggle", NULL);
  g_assert_cmpint (sam_step_get_timer_deadline (step), >, 0);
  deadline = sam_step_get_timer_deadline (step);

  /* A new window on the same workshop: the timer is still running. */
  sam_test_destroy_window (f->window);
  f->window = sam_test_window_new (f->app);
  f->view = sam_window_get_workshop_view (f->window);
  f->workshop = sam_window_get_workshop (f->window);
  g_assert_cmpstr (sam_workshop_get_uuid (f->workshop), ==, uuid);
  gtk_widget_activate_action (f->view, "workshop.show-step", "x", id);
  step_view = shown_step_view (f);
  step = sam_step_view_get_step (step_view);
  g_assert_nonnull (step);
  g_assert_cmpint (sam_step_get_timer_deadline (step), ==, deadline);
  timer_view = SAM_TIMER_VIEW (sam_step_view_get_timer_view (step_view));
  g_assert_false (sam_timer_view_is_done (timer_view));

  /* And a second store opened on the same file sees it too. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamStore) again = sam_store_open (sam_store_get_path (f->store), &error);
    SamWorkshop *reread;
    SamStep *reread_step;

    g_assert_no_error (error);
    reread = sam_store_find_workshop (again, uuid);
    reread_step = sam_store_find_step (again, reread, id);
    g_assert_cmpint (sam_step_get_timer_deadline (reread_step), ==, deadline);
    g_assert_cmpint (sam_step_get_timer_remaining (reread_step), ==, sam_step_get_timer_remaining (step));
  }

  /* Reset: back to the whole time box, not running. */
  gtk_widget_activate_action (GTK_WIDGET (step_view), "step.timer-reset", NULL);
  g_assert_cmpint (sam_step_get_timer_remaining (step), ==, -1);
  g_assert_cmpint (sam_step_get_timer_deadline (step), ==, 0);
  g_assert_cmpstr (sam_timer_view_get_text (timer_view), ==, "30:00");

  /* The end: a running timer with a moment left runs out while shown. */
  g_assert_true (sam_store_set_step_timer (f->store, step, 700, g_get_real_time () / 1000 + 700, NULL));
  g_assert_false (sam_timer_view_is_done (timer_view));
  sam_test_pump (1500);
  g_assert_true (sam_timer_view_is_done (timer_view));
  g_assert_cmpstr (sam_timer_view_get_text (timer_view), ==, "00:00");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (timer_view), "done"));
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (f->window), "timer-done.png");

  g_settings_set_string (sam_application_get_settings (f->app), "style-variant", "dark");
  sam_test_pump (100);
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (f->window), "timer-done-dark.png");
  g_settings_set_string (sam_application_get_settings (f->app), "style-variant", "default");
}

static GtkWidget *
agenda_row (Fixture *f,
            SamStep *step)
{
  g_autofree char *name = g_strdup_printf ("step-%" G_GINT64_FORMAT, sam_step_get_id (step));

  /* The agenda's rows are siblings, named after their steps. */
  for (GtkWidget *row = sam_test_find_child (f->view, SAM_TYPE_AGENDA_ROW); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return row;

  return NULL;
}

/* The step the room is on is marked in the agenda, in words too: when it
 * is marked current, and when its timer runs. */
static void
test_running_step (Fixture       *f,
                   gconstpointer  data)
{
  SamStep *first, *second;
  GtkWidget *row;
  SamStepView *step_view;

  gtk_widget_activate_action (f->view, "workshop.add-step", "s", "custom");
  gtk_widget_activate_action (f->view, "workshop.add-step", "s", "custom");
  first = sam_sample_step_at (f->store, f->workshop, 0);
  second = sam_sample_step_at (f->store, f->workshop, 1);
  sam_test_pump (100);

  row = agenda_row (f, second);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_has_css_class (row, "current"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "15 min");

  /* Its timer started, the step shown is marked though no state was set. */
  gtk_widget_activate_action (f->view, "workshop.show-step", "x", sam_step_get_id (second));
  step_view = shown_step_view (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step_view), "step.timer-start", NULL));
  sam_test_pump (100);
  g_assert_cmpint (sam_step_get_state (second), ==, SAM_STEP_TODO);
  g_assert_true (gtk_widget_has_css_class (row, "current"));
  g_assert_true (gtk_widget_has_css_class (row, "running"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "15 min · Now, timer running");
  /* Shown while another step is selected. */
  gtk_widget_activate_action (f->view, "workshop.show-step", "x", sam_step_get_id (first));
  sam_test_pump (300);
  sam_test_screenshot (GTK_WIDGET (f->window), "agenda-running.png");
  g_assert_true (gtk_widget_has_css_class (row, "running"));

  /* Paused and marked current: still the step the room is on. */
  gtk_widget_activate_action (GTK_WIDGET (shown_step_view (f)), "step.timer-start", NULL);
  gtk_widget_activate_action (f->view, "workshop.show-step", "x", sam_step_get_id (second));
  gtk_widget_activate_action (GTK_WIDGET (shown_step_view (f)), "step.timer-pause", NULL);
  gtk_widget_activate_action (f->view, "workshop.set-step-state", "(xu)", sam_step_get_id (second),
                              SAM_STEP_CURRENT);
  sam_test_pump (100);
  g_assert_false (gtk_widget_has_css_class (row, "running"));
  g_assert_true (gtk_widget_has_css_class (row, "current"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "15 min · Now");
  g_assert_true (gtk_widget_has_css_class (agenda_row (f, first), "running"));
}

/* Shows @page, goes to the library and opens the workshop again. */
static void
reopen_at (Fixture    *f,
           const char *uuid,
           const char *page)
{
  gtk_widget_activate_action (f->view, "workshop.show-page", "s", page);
  sam_test_pump (50);
  g_assert_cmpstr (sam_workshop_view_get_page (SAM_WORKSHOP_VIEW (f->view)), ==, page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-workshop", "s", uuid));
  g_assert_cmpstr (sam_workshop_view_get_page (SAM_WORKSHOP_VIEW (f->view)), ==, page);
}

/* Shows @page, then closes the window and opens a new one, as a restart. */
static void
restart_at (Fixture    *f,
            const char *page)
{
  gtk_widget_activate_action (f->view, "workshop.show-page", "s", page);
  sam_test_pump (50);
  sam_test_destroy_window (f->window);
  f->window = sam_test_window_new (f->app);
  f->view = sam_window_get_workshop_view (f->window);
  g_assert_cmpstr (sam_workshop_view_get_page (SAM_WORKSHOP_VIEW (f->view)), ==, page);
}

/* Reopening a workshop, in the same window or after a restart, returns to
 * the page the coach was on: a step, the map or the workshop and teams. */
static void
test_return_to_step (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *uuid = g_strdup (sam_workshop_get_uuid (f->workshop));
  SamWorkshop *workshop;
  SamStep *third;

  for (guint i = 0; i < 4; i++)
    gtk_widget_activate_action (f->view, "workshop.add-step", "s", "custom");
  third = sam_sample_step_at (f->store, f->workshop, 2);
  gtk_widget_activate_action (f->view, "workshop.show-step", "x", sam_step_get_id (third));
  sam_test_pump (100);

  /* Back to the library, then the workshop again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL));
  workshop = sam_store_find_workshop (f->store, uuid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-workshop", "s", uuid));
  g_assert_true (sam_window_get_workshop (f->window) == workshop);
  g_assert_cmpstr (sam_workshop_view_get_page (SAM_WORKSHOP_VIEW (f->view)), ==, "step");
  g_assert_true (sam_workshop_view_get_step (SAM_WORKSHOP_VIEW (f->view)) == third);

  /* A new window, as after a restart. */
  sam_test_destroy_window (f->window);
  f->window = sam_test_window_new (f->app);
  f->view = sam_window_get_workshop_view (f->window);
  g_assert_true (sam_window_get_workshop (f->window) == workshop);
  g_assert_true (sam_workshop_view_get_step (SAM_WORKSHOP_VIEW (f->view)) == third);

  /* The map and the workshop's own page are places to return to as well. */
  reopen_at (f, uuid, "map");
  reopen_at (f, uuid, "overview");
  restart_at (f, "map");
  restart_at (f, "overview");
}

static GtkWidget *
wait_for_alert (void)
{
  for (guint i = 0; i < 100; i++)
    {
      GtkWidget *alert = sam_compat_alert_find_open ();

      if (alert != NULL)
        {
          sam_test_pump (300);
          return alert;
        }
      sam_test_pump (20);
    }

  g_error ("No dialog appeared");
  return NULL;
}

/* The app speaks English; the coach creates a Dutch workshop, and the
 * ready-made agenda arrives in Dutch. */
static void
test_template_language (Fixture       *f,
                        gconstpointer  data)
{
  const SamTemplate *customer = sam_template_lookup ("customer-process");
  GtkWidget *alert, *box, *row;
  GtkDropDown *language = NULL;
  GtkEditable *entry;
  g_autoptr(GVariant) state = NULL;
  SamWorkshop *dutch;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-workshop", NULL));
  alert = wait_for_alert ();
  box = sam_compat_alert_get_extra_child (alert);
  entry = GTK_EDITABLE (gtk_widget_get_first_child (box));
  row = gtk_widget_get_next_sibling (GTK_WIDGET (entry));
  language = GTK_DROP_DOWN (gtk_widget_get_last_child (row));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (language)), ==,
                   "Same as the App");
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (language)); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (gtk_drop_down_get_model (language), i);

      if (g_str_equal (gtk_string_object_get_string (name), "Nederlands"))
        gtk_drop_down_set_selected (language, i);
    }
  gtk_editable_set_text (entry, "Klantreis");
  sam_test_screenshot (alert, "new-workshop-language.png");
  g_assert_true (sam_compat_alert_respond (alert, "create"));
  sam_test_pump (200);

  dutch = sam_window_get_workshop (f->window);
  g_assert_cmpstr (sam_workshop_get_name (dutch), ==, "Klantreis");
  state = g_action_group_get_action_state (G_ACTION_GROUP (f->window), "template-language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "nl");

  f->view = sam_window_get_workshop_view (f->window);
  g_assert_true (gtk_widget_activate_action (f->view, "workshop.apply-template", "s", customer->id));
  f->workshop = dutch;
  g_assert_cmpuint (n_steps (f), ==, customer->n_steps);
  g_assert_cmpstr (sam_step_get_title (sam_sample_step_at (f->store, dutch, 0)), ==, "Welkom");
  /* Made from a Dutch template, it is a Dutch workshop. */
  g_assert_cmpstr (sam_workshop_get_language (dutch), ==, "nl");
  g_assert_cmpstr (sam_step_get_title (sam_sample_step_at (f->store, dutch, 3)), ==, "Pauze");
  g_assert_null (strstr (sam_step_get_instructions (sam_sample_step_at (f->store, dutch, 0)), "Welcome"));
  /* The app itself stays English. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Break"), ==, "Break");

  /* Back to the app's language: English steps again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.template-language", "s", ""));
  g_assert_true (gtk_widget_activate_action (f->view, "workshop.apply-template", "s", customer->id));
  g_assert_cmpstr (sam_step_get_title (sam_sample_step_at (f->store, dutch, customer->n_steps)), ==, "Welcome");
  /* Steps added in the app's language leave the workshop's language. */
  g_assert_cmpstr (sam_workshop_get_language (dutch), ==, "nl");
}

int
main (int   argc,
      char *argv[])
{
  sam_test_isolate ();
  g_test_init (&argc, &argv, NULL);
  /* The catalogues compiled in the build folder, for the templates' language. */
  if (g_getenv ("SAMENSPEL_LOCALEDIR") == NULL)
    {
      g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      g_setenv ("SAMENSPEL_LOCALEDIR", po, TRUE);
    }
  gtk_init ();
  adw_init ();

  g_test_add ("/sam/ui/agenda/templates", Fixture, NULL, fixture_set_up, test_templates, fixture_tear_down);
  g_test_add ("/sam/ui/agenda/template-language", Fixture, NULL, fixture_set_up, test_template_language,
              fixture_tear_down);
  g_test_add ("/sam/ui/agenda/steps", Fixture, NULL, fixture_set_up, test_steps, fixture_tear_down);
  g_test_add ("/sam/ui/agenda/step-view", Fixture, NULL, fixture_set_up, test_step_view, fixture_tear_down);
  g_test_add ("/sam/ui/agenda/timer", Fixture, NULL, fixture_set_up, test_timer, fixture_tear_down);
  g_test_add ("/sam/ui/agenda/running-step", Fixture, NULL, fixture_set_up, test_running_step, fixture_tear_down);
  g_test_add ("/sam/ui/agenda/return-to-step", Fixture, NULL, fixture_set_up, test_return_to_step,
              fixture_tear_down);

  return g_test_run ();
}
