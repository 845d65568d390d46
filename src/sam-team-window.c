/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-list.h"
#include "sam-compat.h"
#include "sam-exercise.h"
#include "sam-layout-probe.h"
#include "sam-live-link.h"
#include "sam-perspective-page.h"
#include "sam-rotation.h"
#include "sam-step-settings.h"
#include "sam-store-packet.h"
#include "sam-team-answers.h"
#include "sam-team-votes.h"
#include "sam-team-window.h"
#include "sam-window.h"
#include "sam-workshop-file.h"

/* Team mode: a team's laptop shows one window with the team, the step the
 * room is on and the team's own cards for it, large enough for four people
 * around one screen.  Nothing of the coach's app is in reach: the window
 * has no "win" actions at all (so the coach's accelerators find nothing),
 * only the "team" group below.  Leaving needs the coach's PIN; it is a
 * kiosk, not a security boundary (docs/team-mode.md). */

struct _SamTeamWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkWidget *team_swatch;
  GtkLabel *team_label;
  GtkLabel *position_label;
  GtkLabel *title_label;
  GtkLabel *instructions_label;
  GtkBox *entry_box;
  GtkLabel *saved_label;
  GtkBox *status_box;    /* the saved line, then the live line */
  GtkWidget *menu_button;
  GtkWidget *next_team_button;

  SamStore *store;
  SamWorkshop *workshop;
  SamTeam *team;
  GListModel *steps;
  SamStep *step;
  GListModel *cards;
  GtkWidget *reveal_box;   /* the other teams' answers, after the reveal */
  GtkLabel *privacy_label; /* whether the others see the team's answers */
  gboolean revealed;
  GSimpleActionGroup *actions;

  gboolean shared;         /* one laptop passed from team to team */
  char *swatch_class;
  guint wrong_pins;
  gint64 wait_until;     /* monotonic µs before which no PIN is tried */

  SamLiveLink *link;     /* joined through the coach's live room, else NULL */
  GtkLabel *live_label;  /* the link's state, under the saved line */
};

G_DEFINE_FINAL_TYPE (SamTeamWindow, sam_team_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSHOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SamTeam *
find_packet_team (SamStore    *store,
                  SamWorkshop *workshop)
{
  g_autofree char *uuid = NULL;
  GListModel *teams;

  if (!sam_store_get_packet_team (store, workshop, &uuid) || uuid == NULL)
    return NULL;

  teams = sam_store_get_teams (store, workshop);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (g_strcmp0 (sam_team_get_uuid (team), uuid) == 0)
        return g_steal_pointer (&team);
    }

  return NULL;
}

/* The step the coach's packet marks as current, else the first not done. */
static guint
starting_step (GListModel *steps)
{
  guint n = g_list_model_get_n_items (steps);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      if (sam_step_get_state (step) == SAM_STEP_CURRENT)
        return i;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      if (sam_step_get_state (step) != SAM_STEP_DONE)
        return i;
    }

  return 0;
}

static int
step_index (SamTeamWindow *self)
{
  for (guint i = 0; self->steps != NULL && i < g_list_model_get_n_items (self->steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (self->steps, i);

      if (step == self->step)
        return (int) i;
    }

  return -1;
}

static void
update_saved (SamTeamWindow *self,
              gboolean       just_now)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  if (!just_now)
    {
      gtk_label_set_label (self->saved_label, _("Everything is saved on this laptop"));
      return;
    }

  now = g_date_time_new_now_local ();
  time = g_date_time_format (now, "%H:%M");
  /* Translators: shown after every change in team mode; %s is a time such as 14:05 */
  text = g_strdup_printf (_("Saved on this laptop at %s"), time);
  gtk_label_set_label (self->saved_label, text);
}

/**
 * sam_team_window_mark_saved:
 * @self: a #SamTeamWindow
 *
 * Says at the bottom of the window that the team's last change (a dot
 * placed or taken back) is saved, and when.
 */
void
sam_team_window_mark_saved (SamTeamWindow *self)
{
  g_return_if_fail (SAM_IS_TEAM_WINDOW (self));

  update_saved (self, TRUE);
}

static void
cards_changed_cb (SamTeamWindow *self)
{
  update_saved (self, TRUE);
}

/* One bucket of the team's cards, under a heading. */
static void
add_bucket (SamTeamWindow *self,
            const char    *heading,
            const char    *kind,
            gint64         about_id,
            const char    *prompt,
            const char    *placeholder)
{
  GtkWidget *list = sam_card_list_new (kind, sam_team_get_id (self->team), about_id, 0, prompt);

  if (heading != NULL)
    {
      GtkWidget *label = gtk_label_new (heading);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "team-mode-heading");
      gtk_box_append (self->entry_box, label);
    }

  sam_card_list_set_placeholder (SAM_CARD_LIST (list), placeholder);
  sam_card_list_set_show_team (SAM_CARD_LIST (list), FALSE);
  g_object_set (list, "store", self->store, "workshop", self->workshop, "step", self->step, NULL);
  gtk_box_append (self->entry_box, list);
}

/* The team the perspective rotation gives this team: the coach's stored
 * assignment, else the rotation the coach's page proposes. */
static gint64
perspective_target (SamTeamWindow *self)
{
  GListModel *teams = sam_store_get_teams (self->store, self->workshop);
  guint n = g_list_model_get_n_items (teams);
  g_autoptr(GHashTable) stored = sam_step_settings_dup_map (sam_step_get_settings (self->step), "assignment");
  g_autofree guint *targets = NULL;
  const char *target_uuid = g_hash_table_lookup (stored, sam_team_get_uuid (self->team));

  for (guint i = 0; target_uuid != NULL && i < n; i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (g_strcmp0 (sam_team_get_uuid (team), target_uuid) == 0)
        return sam_team_get_id (team);
    }

  if (n < SAM_ROTATION_MIN_TEAMS || n > SAM_ROTATION_MAX_TEAMS)
    return 0;

  targets = sam_rotation_propose (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (team == self->team || sam_team_get_id (team) == sam_team_get_id (self->team))
        {
          g_autoptr(SamTeam) target = g_list_model_get_item (teams, targets[i]);

          return sam_team_get_id (target);
        }
    }

  return 0;
}

static void
build_perspective (SamTeamWindow *self)
{
  gint64 about = perspective_target (self);
  SamTeam *target = about != 0 ? sam_store_find_team (self->store, self->workshop, about) : NULL;
  g_autofree char *lead = NULL;
  GtkWidget *label;

  if (target == NULL)
    return;

  /* Translators: over the perspective cards in team mode; %s is a team */
  lead = g_strdup_printf (_("In the shoes of %s"), sam_team_get_name (target));
  label = gtk_label_new (lead);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "team-mode-lead");
  gtk_box_append (self->entry_box, label);

  for (guint i = 0; i < sam_perspective_get_n_prompts (); i++)
    {
      const char *key = sam_perspective_get_prompt_key (i);

      add_bucket (self, sam_perspective_get_prompt_title (key), "perspective", about, key,
                  _sam_perspective_get_placeholder (i));
    }
}

static void
build_beliefs (SamTeamWindow *self)
{
  GListModel *teams = sam_store_get_teams (self->store, self->workshop);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) other = g_list_model_get_item (teams, i);
      g_autofree char *heading = NULL;

      if (sam_team_get_id (other) == sam_team_get_id (self->team))
        continue;

      /* Translators: a heading in team mode; %s is another team */
      heading = g_strdup_printf (_("What we believe about %s"), sam_team_get_name (other));
      add_bucket (self, heading, "belief", sam_team_get_id (other), NULL, _("A belief about them…"));
    }

  add_bucket (self, _("What we believe about the customer"), "belief", 0, NULL, _("A belief about the customer…"));
}

static void
build_strengths (SamTeamWindow *self)
{
  GListModel *teams = sam_store_get_teams (self->store, self->workshop);
  gint64 own = sam_team_get_id (self->team);

  add_bucket (self, _("Our strengths"), "strength", own, NULL, _("A strength of ours…"));
  add_bucket (self, _("Our challenges"), "challenge", own, NULL, _("A challenge of ours…"));
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) other = g_list_model_get_item (teams, i);
      g_autofree char *heading = NULL;

      if (sam_team_get_id (other) == own)
        continue;

      /* Translators: a heading in team mode; %s is another team */
      heading = g_strdup_printf (_("Strengths we see in %s"), sam_team_get_name (other));
      add_bucket (self, heading, "strength", sam_team_get_id (other), NULL, _("A strength of theirs…"));
    }
}

static GtkWidget *
heading_new (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* After the reveal, per prompt: how the other teams see this team, each
 * card answered by the team, and what the team adds itself. */
static void
build_perspective_revealed (SamTeamWindow *self)
{
  GtkBox *box = GTK_BOX (self->reveal_box);
  gint64 own = sam_team_get_id (self->team);

  gtk_box_append (box, heading_new (_("How the other teams see us"), "team-mode-lead"));
  for (guint i = 0; i < sam_perspective_get_n_prompts (); i++)
    {
      const char *key = sam_perspective_get_prompt_key (i);
      GtkWidget *added = sam_card_list_new ("perspective", own, own, 0, key);

      gtk_box_append (box, heading_new (sam_perspective_get_prompt_title (key), "team-mode-heading"));
      gtk_box_append (box, sam_team_answers_new (self->store, self->workshop, self->step, self->team,
                                                 "perspective", key, TRUE));
      /* The team's own cards about itself are "added" from the start. */
      sam_card_list_set_new_values (SAM_CARD_LIST (added), 0, SAM_PERSPECTIVE_ADDED);
      sam_card_list_set_placeholder (SAM_CARD_LIST (added), _("What we add…"));
      sam_card_list_set_show_team (SAM_CARD_LIST (added), FALSE);
      g_object_set (added, "store", self->store, "workshop", self->workshop, "step", self->step, NULL);
      gtk_box_append (box, added);
    }
}

/* The other teams' answers about this team: only once the coach has
 * revealed the step, so before that none of them is in the window's
 * widgets or accessible texts. */
static void
build_revealed (SamTeamWindow *self)
{
  const char *kind = sam_step_get_kind (self->step);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->reveal_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->reveal_box), child);

  self->revealed = sam_store_get_step_revealed (self->store, self->step);
  if (self->privacy_label != NULL)
    gtk_label_set_label (self->privacy_label,
                         self->revealed ? _("The coach has revealed every team’s answers: here is what the "
                                            "others wrote about you, with your own answers below.")
                                        : _("Only your team sees what you write here, until the coach reveals "
                                            "every team’s answers."));
  gtk_widget_set_visible (self->reveal_box, self->revealed && sam_step_kind_is_private (kind));
  if (!self->revealed || !sam_step_kind_is_private (kind))
    return;

  if (g_strcmp0 (kind, "team-perspective") == 0)
    build_perspective_revealed (self);
  else if (g_strcmp0 (kind, "beliefs") == 0)
    {
      gtk_box_append (GTK_BOX (self->reveal_box),
                      heading_new (_("What the other teams believe about us"), "team-mode-lead"));
      gtk_box_append (GTK_BOX (self->reveal_box),
                      sam_team_answers_new (self->store, self->workshop, self->step, self->team, "belief", NULL, FALSE));
    }
  else if (g_strcmp0 (kind, "strengths") == 0)
    {
      gtk_box_append (GTK_BOX (self->reveal_box),
                      heading_new (_("Strengths the other teams see in us"), "team-mode-lead"));
      gtk_box_append (GTK_BOX (self->reveal_box),
                      sam_team_answers_new (self->store, self->workshop, self->step, self->team, "strength", NULL, FALSE));
    }
  else
    gtk_widget_set_visible (self->reveal_box, FALSE);
}

/* The coach revealed the step, or hid it again (a newer packet, or the
 * coach's own window on this computer). */
static void
step_settings_cb (SamTeamWindow *self)
{
  if (self->step != NULL && sam_store_get_step_revealed (self->store, self->step) != self->revealed)
    build_revealed (self);
}

/* The team's own entry for the step: its buckets, or a word that the room
 * does this step together with the coach. */
static void
build_entry (SamTeamWindow *self)
{
  const char *kind = sam_step_get_kind (self->step);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entry_box))) != NULL)
    gtk_box_remove (self->entry_box, child);

  if (g_strcmp0 (kind, "changes") == 0)
    add_bucket (self, NULL, "change", 0, NULL, _("A change around us…"));
  else if (g_strcmp0 (kind, "team-perspective") == 0)
    build_perspective (self);
  else if (g_strcmp0 (kind, "beliefs") == 0)
    build_beliefs (self);
  else if (g_strcmp0 (kind, "strengths") == 0)
    build_strengths (self);
  else if (g_strcmp0 (kind, "brainstorm") == 0)
    {
      add_bucket (self, NULL, "idea", 0, NULL, _("An idea…"));
      gtk_box_append (self->entry_box, sam_team_votes_new (self->store, self->step, self->team));
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->entry_box)) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("The room does this step together: look at the screen in front."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "team-mode-together");
      gtk_box_append (self->entry_box, label);
    }
  /* Once revealed, what the others wrote comes first: it is what the
   * room talks about now. */
  self->reveal_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->reveal_box, "team-mode-revealed");
  gtk_box_prepend (self->entry_box, self->reveal_box);
  self->privacy_label = NULL;
  if (sam_step_kind_is_private (kind) && g_strcmp0 (kind, "brainstorm") != 0 &&
      !gtk_widget_has_css_class (gtk_widget_get_last_child (GTK_WIDGET (self->entry_box)), "team-mode-together"))
    {
      self->privacy_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->privacy_label, TRUE);
      gtk_label_set_xalign (self->privacy_label, 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->privacy_label), "team-mode-private");
      gtk_box_prepend (self->entry_box, GTK_WIDGET (self->privacy_label));
    }
  build_revealed (self);
}

static void
focus_first_entry (SamTeamWindow *self)
{
  GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (self->entry_box));

  while (list != NULL && !SAM_IS_CARD_LIST (list))
    list = gtk_widget_get_next_sibling (list);

  if (list != NULL)
    sam_card_list_focus_entry (SAM_CARD_LIST (list));
}

static void
show_step (SamTeamWindow *self,
           guint          index)
{
  guint n = g_list_model_get_n_items (self->steps);
  g_autoptr(SamStep) step = n > 0 ? g_list_model_get_item (self->steps, MIN (index, n - 1)) : NULL;
  g_autofree char *position = NULL;
  const char *instructions;

  if (self->cards != NULL)
    g_signal_handlers_disconnect_by_func (self->cards, cards_changed_cb, self);
  g_clear_object (&self->cards);
  if (self->step != NULL)
    g_signal_handlers_disconnect_by_func (self->step, step_settings_cb, self);
  g_set_object (&self->step, step);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "previous-step")),
                               step != NULL && index > 0);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "next-step")),
                               step != NULL && index + 1 < n);
  if (step == NULL)
    {
      gtk_label_set_label (self->title_label, _("The agenda is empty"));
      return;
    }

  /* Translators: in team mode, e.g. "Step 3 of 7" */
  position = g_strdup_printf (_("Step %u of %u"), MIN (index, n - 1) + 1, n);
  gtk_label_set_label (self->position_label, position);
  gtk_label_set_label (self->title_label, sam_step_get_title (step));
  instructions = sam_step_get_instructions (step);
  gtk_label_set_label (self->instructions_label, instructions);
  gtk_widget_set_visible (GTK_WIDGET (self->instructions_label), instructions != NULL && *instructions != '\0');

  self->cards = g_object_ref (sam_store_get_cards (self->store, step));
  g_signal_connect_swapped (self->cards, "items-changed", G_CALLBACK (cards_changed_cb), self);
  g_signal_connect_swapped (step, "notify::settings", G_CALLBACK (step_settings_cb), self);
  build_entry (self);
  update_saved (self, FALSE);
  focus_first_entry (self);
}

static void
move_step (SamTeamWindow *self,
           int            delta)
{
  int index = step_index (self);

  if (index < 0 || index + delta < 0 || (guint) (index + delta) >= g_list_model_get_n_items (self->steps))
    return;

  show_step (self, (guint) (index + delta));
}

static void
next_step_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  move_step (SAM_TEAM_WINDOW (user_data), 1);
}

static void
previous_step_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  move_step (SAM_TEAM_WINDOW (user_data), -1);
}

static void
save_work_to (SamTeamWindow *self,
              GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) out = sam_workshop_file_new_contribution (self->store, self->workshop, &error);
  g_autofree char *message = NULL;

  if (out == NULL || !sam_workshop_file_save (out, file, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why, e.g. "the USB stick is full" */
      message = g_strdup_printf (_("The team’s work could not be saved: %s"), error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);

      /* Translators: %s is a file name; the team hands the file to the coach */
      message = g_strdup_printf (_("Saved as “%s”: give it to your coach"), name);
    }

  sam_team_window_show_toast (self, message);
}

static void
save_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SamTeamWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sam_compat_save_file_finish (result, &error);

  if (file != NULL)
    save_work_to (self, file);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sam_team_window_show_toast (self, error->message);
}

static void
save_work_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  SamTeamWindow *self = SAM_TEAM_WINDOW (user_data);
  /* A shared laptop holds the whole room's work, not one team's.
   * Translators: the packet and the file name for one laptop the teams pass on */
  g_autofree char *name = sam_workshop_file_suggest_name (sam_workshop_get_name (self->workshop),
                                                          self->shared ? _("Whole room")
                                                                       : sam_team_get_name (self->team));
  g_autoptr(GListModel) filters = sam_compat_file_filters_new (_("Workshop files"), SAM_WORKSHOP_FILE_MIME_TYPE,
                                                               "*.samenspel");

  sam_compat_save_file_async (GTK_WINDOW (self), _("Save the Team’s Work"), name, filters, NULL,
                              save_chosen_cb, g_object_ref (self));
}

static void
save_work_to_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (param, NULL));

  save_work_to (SAM_TEAM_WINDOW (user_data), file);
}

/* After the store caught up with the coach (a newer packet file, or the
 * live room's push): rebuild from the store on the step the room is on.
 * The live room pushes often (a timer, a card of another team's): it says
 * so only when the step changed. */
static void
follow_coach (SamTeamWindow *self,
              gboolean       always_say)
{
  guint index = starting_step (self->steps);
  gboolean moved = (int) index != step_index (self);

  show_step (self, index);
  if (moved || always_say)
    sam_team_window_show_toast (self, _("Up to date with the coach: here is the step the room is on"));
}

/* The bottom line says how the laptop stands with the coach's room. */
static void
update_live (SamTeamWindow *self)
{
  const char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->live_label), self->link != NULL);
  if (self->link == NULL)
    return;
  switch (sam_live_link_get_state (self->link))
    {
    case SAM_LIVE_STATE_CONNECTING:
      text = _("Reaching the coach’s room…");
      break;
    case SAM_LIVE_STATE_CONNECTED:
      text = _("Connected to the coach’s room");
      break;
    case SAM_LIVE_STATE_OFFLINE:
      text = _("Offline: your work is saved here and goes to the coach when the connection is back");
      break;
    case SAM_LIVE_STATE_REMOVED:
      text = _("The coach removed this laptop from the room");
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (self->live_label, text);
}

static void
live_caught_up_cb (SamTeamWindow *self)
{
  follow_coach (self, FALSE);
}

static void
set_link (SamTeamWindow *self,
          SamLiveLink   *link)
{
  if (self->link != NULL)
    g_signal_handlers_disconnect_by_data (self->link, self);
  g_set_object (&self->link, link);
  if (link != NULL)
    {
      g_signal_connect_object (link, "notify::state", G_CALLBACK (update_live), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (link, "caught-up", G_CALLBACK (live_caught_up_cb), self, G_CONNECT_SWAPPED);
    }
  update_live (self);
}

/**
 * sam_team_window_get_link:
 * @self: a #SamTeamWindow
 *
 * Returns: (transfer none) (nullable): the link to the coach's live room,
 *   %NULL when the workshop came as a file
 */
SamLiveLink *
sam_team_window_get_link (SamTeamWindow *self)
{
  g_return_val_if_fail (SAM_IS_TEAM_WINDOW (self), NULL);
  return self->link;
}

/**
 * sam_team_window_get_live_text:
 * @self: a #SamTeamWindow
 *
 * Returns: what the bottom line says about the live room ("" without one)
 */
const char *
sam_team_window_get_live_text (SamTeamWindow *self)
{
  g_return_val_if_fail (SAM_IS_TEAM_WINDOW (self), NULL);
  return self->link != NULL ? gtk_label_get_label (self->live_label) : "";
}

/**
 * sam_team_window_catch_up:
 * @self: a #SamTeamWindow
 * @file: a team packet of the coach's
 *
 * Brings the laptop up to the coach's newer packet of this team (see
 * sam_workshop_file_catch_up()) and moves to the step the room is on, with
 * what the coach has revealed.  Any other file is refused with a toast:
 * team mode reaches no other workshop.
 *
 * Returns: %TRUE when the laptop follows the packet
 */
gboolean
sam_team_window_catch_up (SamTeamWindow   *self,
                          SamWorkshopFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (SAM_IS_TEAM_WINDOW (self), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (file), FALSE);

  if (sam_workshop_file_get_kind (file) != SAM_FILE_KIND_TEAM_PACKET ||
      g_ascii_strcasecmp (sam_workshop_file_get_workshop_uuid (file), sam_workshop_get_uuid (self->workshop)) != 0)
    {
      sam_team_window_show_toast (self, _("This laptop is in team mode: ask your coach to open the file"));
      return FALSE;
    }

  if (!sam_workshop_file_catch_up (file, self->store, &error))
    {
      /* Translators: %s says why, e.g. "this packet is older than …" */
      message = g_strdup_printf (_("The coach’s packet cannot be used: %s"), error->message);
      sam_team_window_show_toast (self, message);
      return FALSE;
    }

  follow_coach (self, TRUE);
  return TRUE;
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SamTeamWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = sam_workshop_file_load_finish (result, &error);

  if (file == NULL)
    sam_team_window_show_toast (self, error->message);
  else
    sam_team_window_catch_up (self, file);
}

/**
 * sam_team_window_open_file:
 * @self: a #SamTeamWindow
 * @file: a file opened on the team's laptop (double click, command line)
 *
 * Reads @file and, when it is a newer packet of this team's workshop,
 * follows it (sam_team_window_catch_up()); anything else is refused.
 */
void
sam_team_window_open_file (SamTeamWindow *self,
                           GFile         *file)
{
  g_return_if_fail (SAM_IS_TEAM_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  sam_workshop_file_load_async (file, NULL, file_loaded_cb, g_object_ref (self));
}

/**
 * sam_team_window_get_wait:
 * @self: a #SamTeamWindow
 *
 * Returns: the seconds before the next PIN is tried, after too many wrong
 *   ones (0: a PIN may be tried now)
 */
guint
sam_team_window_get_wait (SamTeamWindow *self)
{
  gint64 now = g_get_monotonic_time ();

  g_return_val_if_fail (SAM_IS_TEAM_WINDOW (self), 0);

  if (now >= self->wait_until)
    return 0;

  return (guint) ((self->wait_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/**
 * sam_team_window_get_actions:
 * @self: a #SamTeamWindow
 *
 * Returns: (transfer none): the "team" actions, all the window offers
 */
GActionGroup *
sam_team_window_get_actions (SamTeamWindow *self)
{
  g_return_val_if_fail (SAM_IS_TEAM_WINDOW (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

void
_sam_team_window_end_wait (SamTeamWindow *self)
{
  g_return_if_fail (SAM_IS_TEAM_WINDOW (self));
  self->wait_until = 0;
}

/* Back to the coach's app, on this workshop. */
static void
leave_team_mode (SamTeamWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  SamWindow *window;

  if (!sam_store_set_team_mode (self->store, self->workshop, FALSE, &error))
    {
      sam_team_window_show_toast (self, error->message);
      return;
    }
  /* Leaving team mode forgets the live room: the laptop is the coach's
   * again, and sends nothing more. */
  if (self->link != NULL)
    sam_live_link_leave (self->link);
  set_link (self, NULL);

  window = sam_window_new (SAM_APPLICATION (app));
  sam_window_open_workshop (window, self->workshop);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
try_pin (SamTeamWindow *self,
         const char    *pin)
{
  g_autofree char *message = NULL;
  guint wait = sam_team_window_get_wait (self);

  if (wait > 0)
    {
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Too many wrong PINs: try again in %u second",
                                              "Too many wrong PINs: try again in %u seconds", wait), wait);
      sam_team_window_show_toast (self, message);
      return;
    }

  if (sam_store_get_packet_pin (self->store, self->workshop, NULL, NULL, NULL) &&
      !sam_store_check_packet_pin (self->store, self->workshop, pin))
    {
      self->wrong_pins++;
      if (self->wrong_pins >= SAM_TEAM_WINDOW_FREE_TRIES)
        {
          guint shift = MIN (self->wrong_pins - SAM_TEAM_WINDOW_FREE_TRIES, 6);

          self->wait_until = g_get_monotonic_time ()
                             + (gint64) (SAM_TEAM_WINDOW_WAIT_SECONDS << shift) * G_USEC_PER_SEC;
        }
      sam_team_window_show_toast (self, _("That is not the coach’s PIN"));
      return;
    }

  self->wrong_pins = 0;
  leave_team_mode (self);
}

static void
leave_with_pin_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  try_pin (SAM_TEAM_WINDOW (user_data), g_variant_get_string (param, NULL));
}

static void
pin_response_cb (GtkWidget  *alert,
                 const char *response,
                 gpointer    user_data)
{
  GtkEditable *entry = GTK_EDITABLE (sam_compat_alert_get_extra_child (alert));

  if (g_strcmp0 (response, "leave") == 0)
    try_pin (SAM_TEAM_WINDOW (user_data), gtk_editable_get_text (entry));
}

static void
pin_activate_cb (GtkWidget *alert)
{
  sam_compat_alert_respond (alert, "leave");
}

static void
leave_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  SamTeamWindow *self = SAM_TEAM_WINDOW (user_data);
  gboolean has_pin = sam_store_get_packet_pin (self->store, self->workshop, NULL, NULL, NULL);
  GtkWidget *alert, *entry;

  alert = sam_compat_alert_new (_("Leave Team Mode?"),
                                has_pin ? _("Only the coach can leave team mode: type the coach’s PIN.")
                                        : _("This packet was made without a PIN. Leave team mode only "
                                            "if you are the coach."));
  entry = gtk_entry_new ();
  /* A hidden GtkEntry: GtkPasswordEntry of GTK 4.8 warns when destroyed
   * while the keyboard reports Caps Lock. */
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PIN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coach’s PIN"), -1);
  gtk_widget_set_visible (entry, has_pin);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (pin_activate_cb), alert);
  sam_compat_alert_set_extra_child (alert, entry);
  sam_compat_alert_add_response (alert, "cancel", _("_Stay"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_add_response (alert, "leave", _("_Leave"), ADW_RESPONSE_DESTRUCTIVE);
  sam_compat_alert_set_close_response (alert, "cancel");
  sam_compat_alert_present (alert, GTK_WIDGET (self), pin_response_cb, self);
  gtk_widget_grab_focus (entry);
}

/* The header and title name the team at the laptop. */
static void
show_team (SamTeamWindow *self)
{
  g_autofree char *title = NULL;

  if (self->swatch_class != NULL)
    gtk_widget_remove_css_class (self->team_swatch, self->swatch_class);
  g_free (self->swatch_class);
  self->swatch_class = g_strdup_printf ("team-colour-%u", sam_team_get_colour (self->team));
  gtk_widget_add_css_class (self->team_swatch, self->swatch_class);
  gtk_label_set_label (self->team_label, sam_team_get_name (self->team));
  /* Translators: the window title in team mode: team, then workshop */
  title = g_strdup_printf (_("%s — %s"), sam_team_get_name (self->team), sam_workshop_get_name (self->workshop));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Pass the laptop: the next team takes over the shared laptop, on the same
 * step, and sees only its own answers (and, once the coach has revealed
 * the step, what the others wrote about it).  No PIN: the teams hand the
 * laptop on among themselves; the coach's controls stay out of reach. */
static void
next_team_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  SamTeamWindow *self = SAM_TEAM_WINDOW (user_data);
  GListModel *teams = sam_store_get_teams (self->store, self->workshop);
  guint n = g_list_model_get_n_items (teams);
  g_autoptr(SamTeam) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int index = step_index (self);

  for (guint i = 0; i < n && next == NULL; i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (sam_team_get_id (team) == sam_team_get_id (self->team))
        next = g_list_model_get_item (teams, (i + 1) % n);
    }

  if (next == NULL || !self->shared)
    return;

  if (!sam_store_set_packet_team (self->store, self->workshop, next, &error))
    {
      sam_team_window_show_toast (self, error->message);
      return;
    }

  g_set_object (&self->team, next);
  show_team (self);
  show_step (self, index >= 0 ? (guint) index : starting_step (self->steps));
  /* Translators: %s is the team that now has the shared laptop */
  message = g_strdup_printf (_("Now for %s: the other teams’ answers stay hidden"), sam_team_get_name (self->team));
  sam_team_window_show_toast (self, message);
}

static const GActionEntry team_actions[] = {
  { "next-team", next_team_action },
  { "next-step", next_step_action },
  { "previous-step", previous_step_action },
  { "save-work", save_work_action },
  { "save-work-to", save_work_to_action, "s" },
  { "leave", leave_action },
  { "leave-with-pin", leave_with_pin_action, "s" },
};

/* Once the window has its application (set after construction). */
static void
setup (SamTeamWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_assert (SAM_IS_APPLICATION (app) && self->workshop != NULL);
  self->store = g_object_ref (sam_application_get_store (SAM_APPLICATION (app)));
  self->team = find_packet_team (self->store, self->workshop);
  self->steps = g_object_ref (sam_store_get_steps (self->store, self->workshop));
  g_return_if_fail (self->team != NULL);

  self->shared = sam_store_get_packet_shared (self->store, self->workshop);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "next-team")),
                               self->shared);
  gtk_widget_set_visible (self->next_team_button, self->shared);
  show_team (self);
  show_step (self, starting_step (self->steps));

  /* Its own line under the saved one: beside it, between the step
   * buttons, it wrapped at 1024 px.  The longest state (offline) still
   * wraps, centred, rather than hiding how the laptop stands. */
  self->live_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->live_label, TRUE);
  gtk_label_set_justify (self->live_label, GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (self->live_label, 50);
  gtk_widget_add_css_class (GTK_WIDGET (self->live_label), "team-mode-saved");
  gtk_box_append (self->status_box, GTK_WIDGET (self->live_label));
}

/* Joined through the live room (and not just now, with its link in hand):
 * the stored link reconnects by itself, also after a restart. */
static void
resume_link (SamTeamWindow *self)
{
  g_autoptr(SamLiveLink) link = sam_live_link_resume (self->store, self->workshop);

  set_link (self, link);
}

static void
sam_team_window_dispose (GObject *object)
{
  SamTeamWindow *self = SAM_TEAM_WINDOW (object);

  if (self->link != NULL)
    g_signal_handlers_disconnect_by_data (self->link, self);
  g_clear_object (&self->link);
  if (self->cards != NULL)
    g_signal_handlers_disconnect_by_func (self->cards, cards_changed_cb, self);
  g_clear_object (&self->cards);
  if (self->step != NULL)
    g_signal_handlers_disconnect_by_func (self->step, step_settings_cb, self);
  g_clear_object (&self->step);
  g_clear_object (&self->steps);
  g_clear_object (&self->team);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->swatch_class, g_free);

  G_OBJECT_CLASS (sam_team_window_parent_class)->dispose (object);
}

static void
sam_team_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SamTeamWindow *self = SAM_TEAM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_set_object (&self->workshop, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_team_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SamTeamWindow *self = SAM_TEAM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_team_window_class_init (SamTeamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_team_window_dispose;
  object_class->set_property = sam_team_window_set_property;
  object_class->get_property = sam_team_window_get_property;

  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, SAM_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samenspel/Samenspel/ui/sam-team-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, team_swatch);
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, team_label);
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, entry_box);
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, saved_label);
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, status_box);
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SamTeamWindow, next_team_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "team.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "team.previous-step", NULL);

  g_type_ensure (SAM_TYPE_CARD_LIST);
}

static void
sam_team_window_init (SamTeamWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "team-mode-window");

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), team_actions, G_N_ELEMENTS (team_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "team", G_ACTION_GROUP (self->actions));
  /* The rehearsal suite checks the team's window as it does the coach's. */
  sam_layout_probe_attach (GTK_WINDOW (self));
}

/**
 * sam_team_window_new:
 * @application: the application, with its store open
 * @workshop: a workshop that came to this laptop as a team packet
 *
 * Returns: (transfer none): the team's window, not yet shown
 */
SamTeamWindow *
sam_team_window_new (SamApplication *application,
                     SamWorkshop    *workshop)
{
  SamTeamWindow *self;

  g_return_val_if_fail (SAM_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (SAM_TYPE_TEAM_WINDOW, "application", application, "workshop", workshop, NULL);
  setup (self);
  resume_link (self);
  return self;
}

/**
 * sam_team_mode_start:
 * @application: the application
 * @workshop: a workshop that came to this laptop as a team packet
 * @replaced: (nullable): the coach's window, closed once team mode shows
 *
 * Puts the laptop in team mode for @workshop (kept across a restart) and
 * shows the team's window.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL when team mode
 *   could not be stored (the reason is shown in @replaced)
 */
SamTeamWindow *
sam_team_mode_start (SamApplication *application,
                     SamWorkshop    *workshop,
                     GtkWindow      *replaced)
{
  return sam_team_mode_start_live (application, workshop, replaced, NULL);
}

/**
 * sam_team_mode_start_live:
 * @application: the application
 * @workshop: a workshop that came to this laptop through the live room
 * @replaced: (nullable): the coach's window, closed once team mode shows
 * @link: (nullable): the link that brought it, kept connected; %NULL
 *   resumes the stored one
 *
 * As sam_team_mode_start(), with the live room's link handed over (no
 * second connection to the coach).
 *
 * Returns: (transfer none) (nullable): the window
 */
SamTeamWindow *
sam_team_mode_start_live (SamApplication *application,
                          SamWorkshop    *workshop,
                          GtkWindow      *replaced,
                          SamLiveLink    *link)
{
  g_autoptr(GError) error = NULL;
  SamTeamWindow *window;

  g_return_val_if_fail (SAM_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (link == NULL || SAM_IS_LIVE_LINK (link), NULL);

  if (!sam_store_set_team_mode (sam_application_get_store (application), workshop, TRUE, &error))
    {
      if (SAM_IS_WINDOW (replaced))
        sam_window_show_toast (SAM_WINDOW (replaced), error->message);
      return NULL;
    }

  window = g_object_new (SAM_TYPE_TEAM_WINDOW, "application", application, "workshop", workshop, NULL);
  setup (window);
  if (link != NULL)
    set_link (window, link);
  else
    resume_link (window);
  gtk_window_present (GTK_WINDOW (window));
  if (replaced != NULL)
    gtk_window_destroy (replaced);
  return window;
}

SamWorkshop *
sam_team_window_get_workshop (SamTeamWindow *self)
{
  g_return_val_if_fail (SAM_IS_TEAM_WINDOW (self), NULL);
  return self->workshop;
}

SamTeam *
sam_team_window_get_team (SamTeamWindow *self)
{
  g_return_val_if_fail (SAM_IS_TEAM_WINDOW (self), NULL);
  return self->team;
}

SamStep *
sam_team_window_get_step (SamTeamWindow *self)
{
  g_return_val_if_fail (SAM_IS_TEAM_WINDOW (self), NULL);
  return self->step;
}

void
sam_team_window_show_toast (SamTeamWindow *self,
                            const char    *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (SAM_IS_TEAM_WINDOW (self));

  /* Toast titles are markup; workshop and team names are not. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}
