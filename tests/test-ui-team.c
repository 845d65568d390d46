/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include <glib/gi18n.h>

#include "sam-card-list.h"
#include "sam-compat.h"
#include "sam-i18n.h"
#include "sam-projector-content.h"
#include "sam-projector-item.h"
#include "sam-sample-workshop.h"
#include "sam-store-decide.h"
#include "sam-store-packet.h"
#include "sam-team-votes.h"
#include "sam-team-window.h"
#include "sam-test-utils.h"
#include "sam-window-private.h"
#include "sam-workshop-file.h"

/* Team mode on a team's laptop, driven as the team would: a packet opens
 * straight on the current step, the first card takes two actions, nothing
 * of the coach's app is in reach, and only the coach's PIN leaves. */

#define PIN "4711"

static char *
test_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "team", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

/* The coach's laptop makes a packet for @team_index, with the room on the
 * perspective step, and a PIN. */
static char *
make_packet (guint team_index)
{
  g_autofree char *coach_path = test_path ("coach.db");
  g_autofree char *name = g_strdup_printf ("packet-%u.samenspel", team_index);
  char *packet = test_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) coach = NULL;
  g_autoptr(SamTeam) team = NULL;
  g_autoptr(SamStep) step = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GFile) out = g_file_new_for_path (packet);
  SamWorkshop *workshop;

  g_unlink (coach_path);
  coach = sam_store_open (coach_path, &error);
  g_assert_no_error (error);
  workshop = sam_sample_workshop_new (coach, "Acme");
  team = g_list_model_get_item (sam_store_get_teams (coach, workshop), team_index);
  step = g_list_model_get_item (sam_store_get_steps (coach, workshop), 1);
  g_assert_cmpstr (sam_step_get_kind (step), ==, "team-perspective");
  sam_store_set_step_state (coach, step, SAM_STEP_CURRENT, &error);
  g_assert_no_error (error);

  file = sam_workshop_file_new_from_store (coach, workshop, SAM_FILE_KIND_TEAM_PACKET, sam_team_get_uuid (team), &error);
  g_assert_no_error (error);
  sam_workshop_file_set_pin (file, PIN);
  g_assert_true (sam_workshop_file_save (file, out, NULL, &error));
  g_assert_no_error (error);
  return packet;
}

static SamTeamWindow *
wait_for_team_window (SamApplication *app)
{
  for (guint i = 0; i < 200; i++)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (SAM_IS_TEAM_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          sam_test_pump (200);
          return SAM_TEAM_WINDOW (window);
        }
      sam_test_pump (20);
    }

  g_error ("Team mode did not start");
  return NULL;
}

/* Sitting down at the laptop the coach opened the packet on. */
static SamTeamWindow *
open_packet (SamApplication *app,
             const char     *packet)
{
  SamWindow *window = sam_test_window_new (app);
  SamTeamWindow *team_window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", packet));
  team_window = wait_for_team_window (app);
  gtk_window_set_default_size (GTK_WINDOW (team_window), 1024, 768);
  sam_test_pump (200);
  return team_window;
}

static GtkWidget *
find_add_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), _("Add Card (Enter)")) == 0)
        return child;
      if ((found = find_add_button (child)) != NULL)
        return found;
    }

  return NULL;
}

static void
close_team_window (SamTeamWindow *window)
{
  GtkWidget *gone = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &gone);
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && gone != NULL; i++)
    sam_test_pump (20);
  g_assert_null (gone);
}

static void
test_first_card (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  g_autofree char *packet = make_packet (0);
  SamTeamWindow *window = open_packet (app, packet);
  SamStep *step = sam_team_window_get_step (window);
  GtkWidget *focus, *list, *button;
  guint n_cards, actions = 0;
  g_autoptr(SamCard) card = NULL;

  /* Straight on the step the coach marked current, for the packet's team. */
  g_assert_cmpstr (sam_team_get_name (sam_team_window_get_team (window)), ==, "Sales");
  g_assert_cmpstr (sam_step_get_kind (step), ==, "team-perspective");
  g_assert_cmpint (sam_step_get_state (step), ==, SAM_STEP_CURRENT);
  g_assert_true (sam_store_find_team_mode (store) == sam_team_window_get_workshop (window));
  sam_test_screenshot (GTK_WIDGET (window), "team-mode.png");

  /* The text cursor already waits in the first field. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  list = gtk_widget_get_ancestor (focus, SAM_TYPE_CARD_LIST);
  g_assert_nonnull (list);
  n_cards = g_list_model_get_n_items (sam_store_get_cards (store, step));

  /* Action 1: type.  Action 2: Enter (the field's Add button does the same). */
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), "Targets every quarter", -1);
  actions++;
  button = find_add_button (list);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  actions++;
  sam_test_pump (100);

  g_assert_cmpuint (actions, <=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (store, step)), ==, n_cards + 1);
  card = g_list_model_get_item (sam_card_list_get_cards (SAM_CARD_LIST (list)),
                                sam_card_list_get_n_cards (SAM_CARD_LIST (list)) - 1);
  g_assert_cmpstr (sam_card_get_text (card), ==, "Targets every quarter");
  g_assert_cmpint (sam_card_get_team_id (card), ==, sam_team_get_id (sam_team_window_get_team (window)));
  sam_test_screenshot (GTK_WIDGET (window), "team-mode-first-card.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sam_test_pump (100);
  sam_test_screenshot (GTK_WIDGET (window), "team-mode-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Next and Previous among the packet's steps. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.next-step", NULL));
  g_assert_cmpuint (sam_step_get_position (sam_team_window_get_step (window)), ==, sam_step_get_position (step) + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.previous-step", NULL));
  g_assert_true (sam_team_window_get_step (window) == step);

  close_team_window (window);
}

/* The coach's window actions, listed from a real coach's window. */
static GStrv
coach_actions (SamApplication *app)
{
  SamWindow *coach = sam_window_new (app);
  g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (coach));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *full = g_strconcat ("win.", names[i], NULL);

      g_strv_builder_add (builder, full);
    }
  gtk_window_destroy (GTK_WINDOW (coach));
  return g_strv_builder_end (builder);
}

static void
test_nothing_in_reach (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  g_autofree char *packet = make_packet (1);
  SamTeamWindow *window = open_packet (app, packet);
  g_auto(GStrv) coach = coach_actions (app);
  g_auto(GStrv) own = g_action_group_list_actions (G_ACTION_GROUP (window));
  g_auto(GStrv) descriptions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  static const char *const expected_team[] = {
    "next-step", "previous-step", "save-work", "save-work-to", "leave", "leave-with-pin", "next-team",
  };
  GActionGroup *team = sam_team_window_get_actions (window);
  g_auto(GStrv) team_names = g_action_group_list_actions (team);
  guint n_workshops = g_list_model_get_n_items (sam_store_get_workshops (store));

  /* The window exports no "win" action at all, the team group only these. */
  g_assert_cmpuint (g_strv_length (own), ==, 0);
  g_assert_cmpuint (g_strv_length (team_names), ==, G_N_ELEMENTS (expected_team));
  for (guint i = 0; i < G_N_ELEMENTS (expected_team); i++)
    g_assert_true (g_strv_contains ((const char * const *) team_names, expected_team[i]));
  /* A team's own packet is not passed on: no next team. */
  g_assert_false (g_action_group_get_action_enabled (team, "next-team"));

  /* None of the coach's set is reachable: delete, report, library, agenda. */
  g_assert_true (g_strv_contains ((const char * const *) coach, "win.delete-workshop"));
  g_assert_true (g_strv_contains ((const char * const *) coach, "win.export-report"));
  g_assert_true (g_strv_contains ((const char * const *) coach, "win.show-library"));
  g_assert_cmpuint (g_strv_length (coach), >, 20);
  for (guint i = 0; coach[i] != NULL; i++)
    g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), coach[i], NULL));
  for (const char *const *name = (const char *const[]) { "workshop.add-step", "workshop.delete-step",
                                                         "workshop.apply-template", "step.set-notes", NULL };
       *name != NULL; name++)
    g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), *name, NULL));

  /* Every accelerator of the coach's window leads to nothing (the app's own
   * are quit, zoom and about; window.close closes, and a restart comes back
   * to team mode). */
  for (guint i = 0; descriptions[i] != NULL; i++)
    if (g_str_has_prefix (descriptions[i], "win."))
      {
        g_autofree char *name = NULL;
        g_autoptr(GVariant) target = NULL;

        g_assert_true (g_action_parse_detailed_name (descriptions[i], &name, &target, NULL));
        g_assert_false (gtk_widget_activate_action_variant (GTK_WIDGET (window), name, target));
      }

  /* Nothing happened to the workshops. */
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (store)), ==, n_workshops);
  close_team_window (window);
}

static void
test_pin (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  g_autofree char *packet = make_packet (2);
  SamTeamWindow *window = open_packet (app, packet);
  SamWorkshop *workshop = sam_team_window_get_workshop (window);
  g_autofree char *salt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *gone = GTK_WIDGET (window);
  GtkWindow *active;

  /* The packet and the laptop hold a salted hash, never the PIN. */
  g_assert_true (g_file_get_contents (packet, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "\"" PIN "\""));
  g_assert_nonnull (strstr (contents, "\"pin_hash\""));
  g_assert_true (sam_store_get_packet_pin (store, workshop, &salt, &hash, NULL));
  g_assert_cmpuint (strlen (hash), ==, 64);

  /* Wrong PINs are refused; after three, even the right one must wait. */
  for (guint i = 0; i < SAM_TEAM_WINDOW_FREE_TRIES; i++)
    {
      g_assert_cmpuint (sam_team_window_get_wait (window), ==, 0);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.leave-with-pin", "s", "1234"));
      sam_test_pump (50);
      g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
    }
  g_assert_cmpuint (sam_team_window_get_wait (window), >, SAM_TEAM_WINDOW_WAIT_SECONDS - 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.leave-with-pin", "s", PIN));
  sam_test_pump (50);
  g_assert_true (sam_store_find_team_mode (store) == workshop);
  sam_test_screenshot (GTK_WIDGET (window), "team-mode-wrong-pin.png");

  /* The coach's PIN, once the wait is over, leaves for the coach's window. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &gone);
  _sam_team_window_end_wait (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.leave-with-pin", "s", PIN));
  for (guint i = 0; i < 100 && gone != NULL; i++)
    sam_test_pump (20);
  g_assert_null (gone);
  active = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SAM_IS_WINDOW (active));
  g_assert_true (sam_window_get_workshop (SAM_WINDOW (active)) == workshop);
  g_assert_null (sam_store_find_team_mode (store));

  /* Back in the coach's app, the laptop offers to forget a workshop whose
   * day is over, with its data. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *uuid = g_strdup (sam_workshop_get_uuid (workshop));
    GtkWidget *alert = NULL;

    g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_DATE, "2026-01-15", &error));
    g_assert_no_error (error);
    _sam_window_offer_past_packets (SAM_WINDOW (active));
    for (guint i = 0; i < 100 && (alert = sam_compat_alert_find_open ()) == NULL; i++)
      sam_test_pump (20);
    g_assert_nonnull (alert);
    g_assert_nonnull (strstr (sam_compat_alert_get_body (alert), "Acme"));
    sam_test_pump (300);
    sam_test_screenshot (alert, "team-mode-forget-past.png");
    g_assert_true (sam_compat_alert_respond (alert, "forget"));
    sam_test_pump (100);
    g_assert_null (sam_store_find_workshop (store, uuid));
  }
  sam_test_destroy_window (SAM_WINDOW (active));
}

/* The team's work goes back under a name that tells the teams apart. */
static void
test_save_work (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  g_autofree char *packet = make_packet (1);
  g_autofree char *back = test_path ("back.samenspel");
  SamTeamWindow *window = open_packet (app, packet);
  g_autoptr(GFile) file = g_file_new_for_path (back);
  g_autoptr(SamWorkshopFile) contribution = NULL;
  g_autofree char *team = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = sam_workshop_file_suggest_name (sam_workshop_get_name (sam_team_window_get_workshop (window)),
                                                          sam_team_get_name (sam_team_window_get_team (window)));

  g_assert_cmpstr (name, ==, "Acme-Back_Office.samenspel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.save-work-to", "s", back));
  contribution = sam_workshop_file_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_workshop_file_get_kind (contribution), ==, SAM_FILE_KIND_TEAM_CONTRIBUTION);
  team = sam_workshop_file_dup_team_name (contribution);
  g_assert_cmpstr (team, ==, "Back Office");
  g_assert_false (sam_workshop_file_has_pin (contribution));
  close_team_window (window);
}

/* A restart of the laptop comes back to team mode. */
static void
test_restart (void)
{
  g_autofree char *packet = make_packet (3);
  g_autofree char *uuid = NULL;

  {
    g_autoptr(SamApplication) app = sam_test_application_new ();
    SamTeamWindow *window = open_packet (app, packet);

    uuid = g_strdup (sam_workshop_get_uuid (sam_team_window_get_workshop (window)));
    close_team_window (window);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = sam_store_dup_default_path ();
    g_autoptr(SamStore) store = sam_store_open (path, &error);
    SamWorkshop *workshop;

    g_assert_no_error (error);
    workshop = sam_store_find_team_mode (store);
    g_assert_nonnull (workshop);
    g_assert_cmpstr (sam_workshop_get_uuid (workshop), ==, uuid);
  }
}

/* Every text the window shows or hands to assistive technology: labels
 * (accessible names of buttons come from them or from tooltips), text
 * views, fields and tooltips. */
static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (texts, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (texts, "%s\n", text);
    }
  if (tooltip != NULL)
    g_string_append_printf (texts, "%s\n", tooltip);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* Back Office's packet carries what Sales wrote about Back Office (for the
 * answers after the reveal), but Back Office's window shows only its own. */
static void
test_private (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  g_autofree char *packet = make_packet (1);
  SamTeamWindow *window = open_packet (app, packet);
  SamStep *step = sam_team_window_get_step (window);
  GListModel *cards = sam_store_get_cards (store, step);
  g_autoptr(GString) texts = g_string_new (NULL);
  guint n_others = 0, n_own = 0;

  g_assert_cmpstr (sam_step_get_kind (step), ==, "team-perspective");
  collect_texts (GTK_WIDGET (window), texts);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (sam_card_get_team_id (card) == sam_team_get_id (sam_team_window_get_team (window)))
        {
          g_assert_nonnull (strstr (texts->str, sam_card_get_text (card)));
          n_own++;
        }
      else
        {
          g_assert_null (strstr (texts->str, sam_card_get_text (card)));
          n_others++;
        }
    }
  /* The sample has cards of both kinds on this laptop. */
  g_assert_cmpuint (n_others, >, 0);
  g_assert_cmpuint (n_own, >, 0);
  close_team_window (window);
}

/* The coach's side of a room that goes on: one workshop in the coach's
 * database, and a packet of it for a team whenever the coach makes one. */
static char *
coach_packet (SamStore    *coach,
              SamWorkshop *workshop,
              guint        team_index,
              const char  *name)
{
  char *path = test_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (coach, workshop), team_index);
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GFile) out = g_file_new_for_path (path);

  file = sam_workshop_file_new_from_store (coach, workshop, SAM_FILE_KIND_TEAM_PACKET, sam_team_get_uuid (team), &error);
  g_assert_no_error (error);
  sam_workshop_file_set_pin (file, PIN);
  g_assert_true (sam_workshop_file_save (file, out, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static SamStore *
coach_new (SamWorkshop **workshop,
           guint         current)
{
  g_autoptr(GError) error = NULL;
  SamStore *coach = sam_store_open_in_memory (&error);
  g_autoptr(SamStep) step = NULL;

  g_assert_no_error (error);
  *workshop = sam_sample_workshop_new (coach, "Acme");
  step = g_list_model_get_item (sam_store_get_steps (coach, *workshop), current);
  g_assert_true (sam_store_set_step_state (coach, step, SAM_STEP_CURRENT, &error));
  g_assert_no_error (error);
  return coach;
}

/* (transfer none): the live step, kept by the coach's agenda. */
static SamStep *
coach_step (SamStore    *coach,
            SamWorkshop *workshop,
            guint        index)
{
  g_autoptr(SamStep) step = g_list_model_get_item (sam_store_get_steps (coach, workshop), index);

  return step;
}

static gboolean
load_and_catch_up (SamTeamWindow *window,
                   const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) packet = sam_workshop_file_load (file, NULL, &error);
  gboolean ok;

  g_assert_no_error (error);
  ok = sam_team_window_catch_up (window, packet);
  sam_test_pump (150);
  return ok;
}

/* Whether @text is anywhere in @widget's tree as an accessible label or
 * description (GTK_A11Y=test keeps them). */
static gboolean
accessible_has (GtkWidget  *widget,
                const char *text)
{
  g_autofree char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  g_autofree char *description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);

  if (label == NULL || description == NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (accessible_has (child, text))
      return TRUE;

  return FALSE;
}

/* How many of the other teams' cards on this laptop the team's window
 * shows, in its texts or its accessible labels and descriptions; every
 * card of the team's own is there. */
static guint
count_others_shown (SamTeamWindow *window,
                    SamStore      *store,
                    guint         *n_others)
{
  SamStep *step = sam_team_window_get_step (window);
  GListModel *cards = sam_store_get_cards (store, step);
  gint64 own = sam_team_get_id (sam_team_window_get_team (window));
  g_autoptr(GString) texts = g_string_new (NULL);
  guint shown = 0;

  *n_others = 0;
  collect_texts (GTK_WIDGET (window), texts);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      const char *text = sam_card_get_text (card);
      gboolean in_texts = strstr (texts->str, text) != NULL;
      gboolean in_a11y = accessible_has (GTK_WIDGET (window), text);

      if (sam_card_get_team_id (card) == own)
        g_assert_true (in_texts);
      else
        {
          (*n_others)++;
          if (in_texts || in_a11y)
            shown++;
        }
    }

  return shown;
}

static GtkToggleButton *
find_response_button (GtkWidget  *root,
                      const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found;

      if (GTK_IS_TOGGLE_BUTTON (child) && g_object_get_data (G_OBJECT (child), "card") != NULL &&
          ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (child))) &&
          g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (child)))),
                     label) == 0)
        return GTK_TOGGLE_BUTTON (child);
      if ((found = find_response_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* Private entry, then reveal: before the coach reveals the step, Back
 * Office's window holds none of what Sales wrote about it (not in a label,
 * a field or an accessible text); after the coach's newer packet it holds
 * them all, and Back Office answers them. */
static void
test_reveal (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  g_autoptr(GError) error = NULL;
  SamWorkshop *coach_workshop = NULL;
  g_autoptr(SamStore) coach = coach_new (&coach_workshop, 1);
  SamStep *coach_step_1 = coach_step (coach, coach_workshop, 1);
  g_autofree char *first = coach_packet (coach, coach_workshop, 1, "reveal-1.samenspel");
  g_autofree char *second = NULL;
  SamTeamWindow *window = open_packet (app, first);
  GtkToggleButton *recognised;
  SamCard *answered;
  guint n_others = 0;
  /* As the window says it (the tests run in Dutch). */
  g_autofree char *by_sales = g_strdup_printf (_("Written by %s"), "Sales");

  g_assert_cmpstr (sam_step_get_kind (sam_team_window_get_step (window)), ==, "team-perspective");
  g_assert_false (sam_store_get_step_revealed (store, sam_team_window_get_step (window)));
  g_assert_cmpuint (count_others_shown (window, store, &n_others), ==, 0);
  g_assert_cmpuint (n_others, ==, 2);
  g_assert_false (accessible_has (GTK_WIDGET (window), by_sales));
  g_assert_null (find_response_button (GTK_WIDGET (window), _("Recognised")));
  sam_test_screenshot (GTK_WIDGET (window), "team-mode-before-reveal.png");

  /* The coach reveals on the console; the newer packet brings it. */
  g_assert_true (sam_store_set_step_revealed (coach, coach_step_1, TRUE, &error));
  g_assert_no_error (error);
  second = coach_packet (coach, coach_workshop, 1, "reveal-2.samenspel");
  g_assert_true (load_and_catch_up (window, second));
  g_assert_true (sam_store_get_step_revealed (store, sam_team_window_get_step (window)));
  g_assert_cmpuint (count_others_shown (window, store, &n_others), ==, 2);
  g_assert_true (accessible_has (GTK_WIDGET (window), by_sales));
  sam_test_screenshot (GTK_WIDGET (window), "team-mode-after-reveal.png");

  /* The owners answer: Recognised, pressed again taken back. */
  recognised = find_response_button (GTK_WIDGET (window), _("Recognised"));
  g_assert_nonnull (recognised);
  answered = g_object_get_data (G_OBJECT (recognised), "card");
  gtk_toggle_button_set_active (recognised, !gtk_toggle_button_get_active (recognised));
  sam_test_pump (50);
  g_assert_cmpint (sam_card_get_response (answered), ==, gtk_toggle_button_get_active (recognised) ? 1 : 0);

  /* The coach hides the step again: the answers leave the window. */
  g_assert_true (sam_store_set_step_revealed (store, sam_team_window_get_step (window), FALSE, &error));
  g_assert_no_error (error);
  sam_test_pump (50);
  g_assert_cmpuint (count_others_shown (window, store, &n_others), ==, 0);

  close_team_window (window);
}

/* Steps follow the coach: a newer packet moves the laptop to the step the
 * room is on, also after the team went elsewhere; another team's packet
 * changes nothing. */
static void
test_follow_coach (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  g_autoptr(GError) error = NULL;
  SamWorkshop *coach_workshop = NULL;
  g_autoptr(SamStore) coach = coach_new (&coach_workshop, 0);
  g_autofree char *first = coach_packet (coach, coach_workshop, 2, "follow-1.samenspel");
  g_autofree char *second = NULL;
  g_autofree char *other = NULL;
  SamTeamWindow *window = open_packet (app, first);
  g_autoptr(GFile) second_file = NULL;

  g_assert_cmpuint (sam_step_get_position (sam_team_window_get_step (window)), ==, 0);

  /* The coach moves the room on to the third step. */
  g_assert_true (sam_store_set_step_state (coach, coach_step (coach, coach_workshop, 0), SAM_STEP_DONE, &error));
  g_assert_true (sam_store_set_step_state (coach, coach_step (coach, coach_workshop, 2), SAM_STEP_CURRENT, &error));
  g_assert_no_error (error);
  second = coach_packet (coach, coach_workshop, 2, "follow-2.samenspel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.next-step", NULL));
  g_assert_cmpuint (sam_step_get_position (sam_team_window_get_step (window)), ==, 1);

  /* Opened on the laptop as a file (what a double click or the command
   * line does in team mode). */
  second_file = g_file_new_for_path (second);
  sam_team_window_open_file (window, second_file);
  for (guint i = 0; i < 100 && sam_step_get_position (sam_team_window_get_step (window)) != 2; i++)
    sam_test_pump (20);
  g_assert_cmpstr (sam_step_get_uuid (sam_team_window_get_step (window)), ==,
                   sam_step_get_uuid (coach_step (coach, coach_workshop, 2)));
  g_assert_cmpint (sam_step_get_state (sam_team_window_get_step (window)), ==, SAM_STEP_CURRENT);

  /* Another team's packet is not this laptop's. */
  other = coach_packet (coach, coach_workshop, 3, "follow-other.samenspel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.previous-step", NULL));
  g_assert_false (load_and_catch_up (window, other));
  g_assert_cmpuint (sam_step_get_position (sam_team_window_get_step (window)), ==, 1);

  close_team_window (window);
}

static GtkToggleButton *
find_reveal_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found;

      if (GTK_IS_TOGGLE_BUTTON (child) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (child))) &&
          g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (child)))),
                     _("_Reveal Answers")) == 0)
        return GTK_TOGGLE_BUTTON (child);
      if ((found = find_reveal_button (child)) != NULL)
        return found;
    }

  return NULL;
}

/* Every text the projector would show of @step. */
static char *
projector_texts (SamStore    *store,
                 SamWorkshop *workshop,
                 SamStep     *step)
{
  g_autoptr(GListStore) items = g_list_store_new (SAM_TYPE_PROJECTOR_ITEM);
  g_autoptr(GString) texts = g_string_new (NULL);

  sam_projector_content_fill (items, store, workshop, step);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(SamProjectorItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      g_string_append_printf (texts, "%s\n%s\n%s\n", sam_projector_item_get_text (item) ?: "",
                              sam_projector_item_get_detail (item) ?: "", sam_projector_item_get_badge (item) ?: "");
    }

  return g_string_free (g_steal_pointer (&texts), FALSE);
}

/* The coach reveals on the console, with the step's button (hidden while
 * projecting) and its toast's undo; the projector follows: before, who has
 * answered and how much, never what. */
static void
test_console_reveal (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Acme");
  g_autoptr(SamStep) step = g_list_model_get_item (sam_store_get_steps (store, workshop), 1);
  g_autoptr(SamStep) changes = g_list_model_get_item (sam_store_get_steps (store, workshop), 0);
  SamWindow *window = sam_test_window_new (app);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer, private until the reveal",
                                                         "%u answers, private until the reveal", 2), 2);
  GtkToggleButton *button;

  sam_window_open_workshop (window, workshop);
  g_assert_true (gtk_widget_activate_action (sam_window_get_workshop_view (window), "workshop.show-step", "x",
                                             sam_step_get_id (changes)));
  sam_test_pump (100);
  button = find_reveal_button (GTK_WIDGET (window));
  g_assert_true (button == NULL || !gtk_widget_is_visible (GTK_WIDGET (button)));

  g_assert_true (gtk_widget_activate_action (sam_window_get_workshop_view (window), "workshop.show-step", "x",
                                             sam_step_get_id (step)));
  sam_test_pump (100);
  button = find_reveal_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (button)));
  g_assert_false (gtk_toggle_button_get_active (button));

  /* Before: Sales wrote two cards, Back Office one; none of their text. */
  before = projector_texts (store, workshop, step);
  g_assert_null (strstr (before, "Process every claim within two days"));
  g_assert_null (strstr (before, "Clear priorities from the business"));
  g_assert_nonnull (strstr (before, count));
  sam_test_screenshot (GTK_WIDGET (window), "console-before-reveal.png");

  gtk_toggle_button_set_active (button, TRUE);
  sam_test_pump (100);
  g_assert_true (sam_store_get_step_revealed (store, step));
  after = projector_texts (store, workshop, step);
  g_assert_nonnull (strstr (after, "Process every claim within two days"));
  g_assert_null (strstr (after, count));
  sam_test_screenshot (GTK_WIDGET (window), "console-after-reveal.png");

  /* The toast's button: hidden again, and the button follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reveal-step", "(xb)",
                                             sam_step_get_id (step), FALSE));
  sam_test_pump (50);
  g_assert_false (sam_store_get_step_revealed (store, step));
  g_assert_false (gtk_toggle_button_get_active (button));

  /* A step the room does together has nothing to reveal. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reveal-step", "(xb)",
                                             sam_step_get_id (changes), FALSE));
  sam_test_pump (50);
  g_assert_true (sam_store_get_step_revealed (store, changes));
  sam_test_destroy_window (window);
}

/* Pass the laptop: one laptop with the whole room's packet; Sales types,
 * hands the laptop on without a PIN, and Back Office sees none of the
 * other teams' answers (not on screen, not to assistive technology) until
 * the coach's reveal; then what the others wrote about Back Office only. */
static void
test_pass_the_laptop (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  g_autoptr(GError) error = NULL;
  SamWorkshop *coach_workshop = NULL;
  g_autoptr(SamStore) coach = coach_new (&coach_workshop, 1);
  g_autofree char *path = test_path ("room.samenspel");
  g_autofree char *newer = test_path ("room-2.samenspel");
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GFile) out_newer = g_file_new_for_path (newer);
  g_autoptr(SamWorkshopFile) packet = sam_workshop_file_new_room_packet (coach, coach_workshop, &error);
  g_autoptr(SamWorkshopFile) packet_newer = NULL;
  SamTeamWindow *window;
  GtkWidget *focus, *button;
  GListModel *cards;
  gint64 own;
  guint n_others = 0;

  g_assert_no_error (error);
  sam_workshop_file_set_pin (packet, PIN);
  g_assert_true (sam_workshop_file_save (packet, out, NULL, &error));
  window = open_packet (app, path);
  g_assert_cmpstr (sam_team_get_name (sam_team_window_get_team (window)), ==, "Sales");
  g_assert_true (g_action_group_get_action_enabled (sam_team_window_get_actions (window), "next-team"));

  /* Sales writes privately: type, Enter. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), "Sales privately: deadlines slip", -1);
  button = find_add_button (gtk_widget_get_ancestor (focus, SAM_TYPE_CARD_LIST));
  g_signal_emit_by_name (button, "clicked");
  sam_test_pump (100);

  /* Handed on: Back Office, on the same step, without a PIN. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.next-team", NULL));
  sam_test_pump (100);
  g_assert_cmpstr (sam_team_get_name (sam_team_window_get_team (window)), ==, "Back Office");
  g_assert_cmpstr (sam_step_get_kind (sam_team_window_get_step (window)), ==, "team-perspective");
  g_assert_cmpuint (count_others_shown (window, store, &n_others), ==, 0);
  g_assert_cmpuint (n_others, >=, 4);
  g_assert_false (accessible_has (GTK_WIDGET (window), "Sales privately: deadlines slip"));
  sam_test_screenshot (GTK_WIDGET (window), "team-mode-pass-the-laptop.png");

  /* The coach reveals; the room's newer packet brings it to the laptop. */
  g_assert_true (sam_store_set_step_revealed (coach, coach_step (coach, coach_workshop, 1), TRUE, &error));
  packet_newer = sam_workshop_file_new_room_packet (coach, coach_workshop, &error);
  g_assert_true (sam_workshop_file_save (packet_newer, out_newer, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (load_and_catch_up (window, newer));
  g_assert_cmpuint (count_others_shown (window, store, &n_others), >=, 2);

  /* Only what was written about Back Office: the others' answers about
   * other teams stay out. */
  {
    g_autoptr(GString) texts = g_string_new (NULL);

    own = sam_team_get_id (sam_team_window_get_team (window));
    cards = sam_store_get_cards (store, sam_team_window_get_step (window));
    collect_texts (GTK_WIDGET (window), texts);
    for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
      {
        g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
        gboolean shown = strstr (texts->str, sam_card_get_text (card)) != NULL;

        if (sam_card_get_team_id (card) != own)
          g_assert_cmpint (shown, ==, sam_card_get_about_team_id (card) == own);
      }
  }
  sam_test_screenshot (GTK_WIDGET (window), "team-mode-pass-the-laptop-revealed.png");

  /* The whole room's work goes back in one file. */
  {
    g_autofree char *back = test_path ("room-back.samenspel");
    g_autoptr(GFile) back_file = g_file_new_for_path (back);
    g_autoptr(SamWorkshopFile) contribution = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.save-work-to", "s", back));
    contribution = sam_workshop_file_load (back_file, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (sam_workshop_file_get_shared (contribution));
    g_assert_true (sam_workshop_file_merge (contribution, coach, &error));
    g_assert_no_error (error);
  }

  close_team_window (window);
}

/* The coach makes the room's packet from the same Team Packet… question:
 * Whole Room, One Shared Laptop, then the PIN as for a team. */
static void
test_coach_room_packet (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Acme");
  SamWindow *window = sam_test_window_new (app);
  GtkWidget *alert = NULL;
  GtkWidget *pin_alert = NULL;

  sam_window_open_workshop (window, workshop);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-team-packet", "(ss)",
                                             sam_workshop_get_uuid (workshop), ""));
  for (guint i = 0; i < 100 && (alert = sam_compat_alert_find_open ()) == NULL; i++)
    sam_test_pump (20);
  g_assert_nonnull (alert);
  sam_test_pump (300);
  sam_test_screenshot (alert, "team-mode-coach-room-packet.png");
  g_assert_true (sam_compat_alert_respond (alert, "room"));
  for (guint i = 0; i < 100; i++)
    {
      pin_alert = sam_compat_alert_find_open ();
      if (pin_alert != NULL && pin_alert != alert &&
          g_strcmp0 (sam_compat_alert_get_heading (pin_alert), _("PIN to Leave Team Mode")) == 0)
        break;
      pin_alert = NULL;
      sam_test_pump (20);
    }
  g_assert_nonnull (pin_alert);
  g_assert_true (sam_compat_alert_respond (pin_alert, "cancel"));
  sam_test_pump (100);
  sam_test_destroy_window (window);
}

/* The coach sets the PIN when making the packet: too short is refused. */
static void
test_coach_sets_pin (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Acme");
  g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (store, workshop), 0);
  SamWindow *window = sam_test_window_new (app);
  GtkWidget *alert = NULL;
  GtkEditable *entry;

  sam_window_open_workshop (window, workshop);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-team-packet", "(ss)",
                                             sam_workshop_get_uuid (workshop), sam_team_get_uuid (team)));
  for (guint i = 0; i < 100 && (alert = sam_compat_alert_find_open ()) == NULL; i++)
    sam_test_pump (20);
  g_assert_nonnull (alert);
  sam_test_pump (300);
  entry = GTK_EDITABLE (sam_compat_alert_get_extra_child (alert));
  g_assert_false (sam_compat_alert_get_response_enabled (alert, "continue"));
  gtk_editable_set_text (entry, "12");
  g_assert_false (sam_compat_alert_get_response_enabled (alert, "continue"));
  gtk_editable_set_text (entry, PIN);
  g_assert_true (sam_compat_alert_get_response_enabled (alert, "continue"));
  sam_test_screenshot (alert, "team-mode-coach-pin.png");
  g_assert_true (sam_compat_alert_respond (alert, "cancel"));
  sam_test_pump (100);
  sam_test_destroy_window (window);
}

/* Where the sample's brainstorm is in its agenda. */
static guint
brainstorm_index (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open_in_memory (&error);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Acme");
  GListModel *steps = sam_store_get_steps (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      if (g_strcmp0 (sam_step_get_kind (step), "brainstorm") == 0)
        return i;
    }

  g_assert_not_reached ();
}

/* The row of the dot list that shows @text: its box, which holds the idea
 * and its buttons. */
static GtkWidget *
find_vote_row (GtkWidget  *root,
               const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      SamCard *idea = g_object_get_data (G_OBJECT (child), "idea");
      GtkWidget *found;

      if (idea != NULL && GTK_IS_BOX (child) && g_strcmp0 (sam_card_get_text (idea), text) == 0)
        return child;
      if ((found = find_vote_row (child, text)) != NULL)
        return found;
    }

  return NULL;
}

static SamTeamVotes *
find_votes (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      SamTeamVotes *found;

      if (SAM_IS_TEAM_VOTES (child))
        return SAM_TEAM_VOTES (child);
      if ((found = find_votes (child)) != NULL)
        return found;
    }

  return NULL;
}

/* One action: a press of a row's button, as a click or Space on it. */
static void
press_vote (SamTeamWindow *window,
            const char    *idea,
            const char    *button,
            guint         *n_actions)
{
  GtkWidget *row = find_vote_row (GTK_WIDGET (window), idea);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_sensitive (g_object_get_data (G_OBJECT (row), button)));
  g_assert_true (gtk_widget_get_focusable (g_object_get_data (G_OBJECT (row), button)));
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), button), "clicked");
  sam_test_pump (50);
  (*n_actions)++;
}

/* Whether the window shows any idea's total of dots, on screen or to
 * assistive technology. */
static gboolean
shows_a_total (SamTeamWindow *window)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  collect_texts (GTK_WIDGET (window), texts);
  for (guint n = 0; n <= 9; n++)
    {
      g_autofree char *total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot in all", "%u dots in all", n), n);

      if (strstr (texts->str, total) != NULL || accessible_has (GTK_WIDGET (window), total))
        return TRUE;
    }

  return FALSE;
}

#define FORM_IDEA "One form for every move, online"
#define CALL_IDEA "Call the customer back within a day"

/* Dot votes on the room's shared laptop: the brainstorm's ideas with the
 * team's own dots only; Back Office places its three dots and takes one
 * back (one action each), the count of dots left follows; before the
 * coach reveals the votes no other team's dot is in any text, after the
 * reveal each idea shows its total; the dots go back to the coach. */
static void
test_votes (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  g_autoptr(GError) error = NULL;
  guint index = brainstorm_index ();
  SamWorkshop *coach_workshop = NULL;
  g_autoptr(SamStore) coach = coach_new (&coach_workshop, index);
  g_autofree char *path = test_path ("votes.samenspel");
  g_autofree char *newer = test_path ("votes-2.samenspel");
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GFile) out_newer = g_file_new_for_path (newer);
  g_autoptr(SamWorkshopFile) packet = sam_workshop_file_new_room_packet (coach, coach_workshop, &error);
  g_autoptr(SamWorkshopFile) packet_newer = NULL;
  g_autofree char *one_of_ours = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot of ours", "%u dots of ours", 1), 1);
  g_autofree char *none_of_ours = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot of ours", "%u dots of ours", 0), 0);
  g_autofree char *three_in_all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot in all", "%u dots in all", 3), 3);
  g_autofree char *two_left = NULL;
  SamTeamWindow *window;
  SamTeamVotes *votes;
  SamStep *step;
  GtkWidget *row;
  guint n_actions = 0;

  g_assert_no_error (error);
  sam_workshop_file_set_pin (packet, PIN);
  g_assert_true (sam_workshop_file_save (packet, out, NULL, &error));
  window = open_packet (app, path);
  step = sam_team_window_get_step (window);
  g_assert_cmpstr (sam_step_get_kind (step), ==, "brainstorm");
  g_assert_false (sam_store_get_votes_revealed (store, step));

  /* Sales sees its own dot on the form, not IT's. */
  g_assert_cmpstr (sam_team_get_name (sam_team_window_get_team (window)), ==, "Sales");
  row = find_vote_row (GTK_WIDGET (window), FORM_IDEA);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_label_get_label (g_object_get_data (G_OBJECT (row), "own")), ==, one_of_ours);
  g_assert_false (shows_a_total (window));

  /* Handed on to Back Office: none of its dots yet, and none of the
   * others' anywhere. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.next-team", NULL));
  sam_test_pump (150);
  g_assert_cmpstr (sam_team_get_name (sam_team_window_get_team (window)), ==, "Back Office");
  step = sam_team_window_get_step (window);
  votes = find_votes (GTK_WIDGET (window));
  g_assert_nonnull (votes);
  g_assert_cmpuint (sam_team_votes_get_n_left (votes), ==, 3);
  row = find_vote_row (GTK_WIDGET (window), FORM_IDEA);
  g_assert_cmpstr (gtk_label_get_label (g_object_get_data (G_OBJECT (row), "own")), ==, none_of_ours);
  g_assert_false (gtk_widget_get_sensitive (g_object_get_data (G_OBJECT (row), "take-back")));
  g_assert_false (shows_a_total (window));

  /* Three dots, three actions; then every place button waits. */
  press_vote (window, FORM_IDEA, "place", &n_actions);
  press_vote (window, CALL_IDEA, "place", &n_actions);
  sam_test_screenshot (GTK_WIDGET (window), "team-mode-votes.png");
  press_vote (window, CALL_IDEA, "place", &n_actions);
  g_assert_cmpuint (n_actions, ==, 3);
  g_assert_cmpuint (sam_team_votes_get_n_left (votes), ==, 0);
  g_assert_cmpuint (sam_store_count_team_votes (store, step, sam_team_window_get_team (window)), ==, 3);
  row = find_vote_row (GTK_WIDGET (window), FORM_IDEA);
  g_assert_false (gtk_widget_get_sensitive (g_object_get_data (G_OBJECT (row), "place")));
  g_assert_cmpstr (gtk_label_get_label (g_object_get_data (G_OBJECT (row), "own")), ==, one_of_ours);

  /* One taken back from the call: one action, one dot left. */
  press_vote (window, CALL_IDEA, "take-back", &n_actions);
  g_assert_cmpuint (n_actions, ==, 4);
  g_assert_cmpuint (sam_team_votes_get_n_left (votes), ==, 1);
  two_left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot left to place, of %u", "%u dots left to place, of %u", 1), 1, 3);
  {
    g_autoptr(GString) texts = g_string_new (NULL);

    collect_texts (GTK_WIDGET (window), texts);
    g_assert_nonnull (strstr (texts->str, two_left));
  }
  /* Three teams' dots are on this laptop now (Sales, IT and Back Office
   * on the form); none shows before the reveal. */
  row = find_vote_row (GTK_WIDGET (window), FORM_IDEA);
  g_assert_cmpuint (sam_store_count_idea_votes (store, step, g_object_get_data (G_OBJECT (row), "idea"), NULL), ==, 3);
  g_assert_false (shows_a_total (window));
  sam_test_screenshot (GTK_WIDGET (window), "team-mode-votes-taken-back.png");

  /* An idea edited above the list reads the same in its row. */
  g_assert_true (sam_store_set_card_text (store, g_object_get_data (G_OBJECT (row), "idea"), SAM_CARD_FIELD_TEXT,
                                          "One form for every move, online and on paper", &error));
  g_assert_no_error (error);
  sam_test_pump (50);
  g_assert_cmpstr (gtk_label_get_label (g_object_get_data (G_OBJECT (row), "text")), ==,
                   "One form for every move, online and on paper");
  g_assert_true (sam_store_set_card_text (store, g_object_get_data (G_OBJECT (row), "idea"), SAM_CARD_FIELD_TEXT,
                                          FORM_IDEA, &error));
  g_assert_no_error (error);

  /* The coach reveals the votes; the room's newer packet brings it. */
  g_assert_true (sam_store_set_votes_revealed (coach, coach_step (coach, coach_workshop, index), TRUE, &error));
  g_assert_no_error (error);
  packet_newer = sam_workshop_file_new_room_packet (coach, coach_workshop, &error);
  g_assert_no_error (error);
  g_assert_true (sam_workshop_file_save (packet_newer, out_newer, NULL, &error));
  g_assert_true (load_and_catch_up (window, newer));
  g_assert_true (shows_a_total (window));
  row = find_vote_row (GTK_WIDGET (window), FORM_IDEA);
  g_assert_cmpstr (gtk_label_get_label (g_object_get_data (G_OBJECT (row), "total")), ==, three_in_all);
  sam_test_screenshot (GTK_WIDGET (window), "team-mode-votes-revealed.png");

  /* Back Office's dots go back to the coach. */
  {
    g_autofree char *back = test_path ("votes-back.samenspel");
    g_autoptr(GFile) back_file = g_file_new_for_path (back);
    g_autoptr(SamWorkshopFile) contribution = NULL;
    SamStep *coach_brainstorm = coach_step (coach, coach_workshop, index);
    g_autoptr(SamTeam) office = g_list_model_get_item (sam_store_get_teams (coach, coach_workshop), 1);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "team.save-work-to", "s", back));
    contribution = sam_workshop_file_load (back_file, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (sam_workshop_file_merge (contribution, coach, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sam_store_count_team_votes (coach, coach_brainstorm, office), ==, 2);
  }

  close_team_window (window);
}

int
main (int   argc,
      char *argv[])
{
  sam_test_isolate ();
  sam_i18n_init ();
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sam/ui/team/first-card", test_first_card);
  g_test_add_func ("/sam/ui/team/nothing-in-reach", test_nothing_in_reach);
  g_test_add_func ("/sam/ui/team/pin", test_pin);
  g_test_add_func ("/sam/ui/team/save-work", test_save_work);
  g_test_add_func ("/sam/ui/team/restart", test_restart);
  g_test_add_func ("/sam/ui/team/coach-sets-pin", test_coach_sets_pin);
  g_test_add_func ("/sam/ui/team/private", test_private);
  g_test_add_func ("/sam/ui/team/reveal", test_reveal);
  g_test_add_func ("/sam/ui/team/follow-coach", test_follow_coach);
  g_test_add_func ("/sam/ui/team/console-reveal", test_console_reveal);
  g_test_add_func ("/sam/ui/team/pass-the-laptop", test_pass_the_laptop);
  g_test_add_func ("/sam/ui/team/coach-room-packet", test_coach_room_packet);
  g_test_add_func ("/sam/ui/team/votes", test_votes);

  return g_test_run ();
}
