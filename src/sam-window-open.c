/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-compat.h"
#include "sam-team-window.h"
#include "sam-window-private.h"
#include "sam-workshop-file.h"

/* Opening a workshop file in the window: a whole workshop is imported as a
 * new one, a team packet starts team mode (sam-team-window.c), and a
 * team's contribution is shown for the coach to confirm before it is
 * merged. */

/* A shared laptop shows only the team's workshop: the library (and every
 * other workshop) stays out of reach until Samenspel is closed. */
void
sam_window_set_locked (SamWindow *self,
                       gboolean   locked)
{
  static const char *library_actions[] = {
    "show-library", "search", "new-workshop", "create-workshop", "open-workshop", "import-workshop",
  };

  g_return_if_fail (SAM_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (library_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), library_actions[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !locked);
    }
}

/**
 * sam_window_get_locked:
 * @self: a #SamWindow
 *
 * Returns: whether the window shows one workshop alone (a team's laptop)
 */
gboolean
sam_window_get_locked (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), FALSE);
  return !g_action_group_get_action_enabled (G_ACTION_GROUP (self), "show-library");
}

static void
merge_response_cb (GtkWidget  *alert,
                   const char *response,
                   gpointer    user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamWorkshopFile *file = g_object_get_data (G_OBJECT (alert), "file");
  SamMergePlan *plan = g_object_get_data (G_OBJECT (alert), "plan");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (g_strcmp0 (response, "merge") != 0)
    return;

  n = sam_merge_plan_get_n_changes (plan);
  if (!sam_workshop_file_merge (file, sam_window_get_store (self), &error))
    {
      _sam_window_show_file_error (self, _("The Team’s Work Could Not Be Merged"), error);
      return;
    }

  sam_window_open_workshop (self, plan->workshop);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change from %s merged",
                                          "%u changes from %s merged", n), n, plan->team_name);
  sam_window_show_toast (self, message);
}

static char *
describe_counts (const SamMergePlan *plan)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < plan->counts->len; i++)
    {
      const SamMergeCount *count = &g_array_index (plan->counts, SamMergeCount, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      if (count->n_new > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", count->n_new),
                                                 count->n_new));
      if (count->n_updated > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed by the team",
                                                              "%u changed by the team", count->n_updated),
                                                 count->n_updated));
      if (count->n_conflicts > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed on both sides",
                                                              "%u changed on both sides", count->n_conflicts),
                                                 count->n_conflicts));
      if (parts->len == 0)
        continue;

      g_ptr_array_add (parts, NULL);
      joined = g_strjoinv (", ", (char **) parts->pdata);
      /* Translators: “card: 2 new, 1 changed by the team” */
      g_string_append_printf (text, _("\n• %s: %s"), count->noun, joined);
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
items_list_new (const SamMergePlan *plan)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < plan->items->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (plan->items, i));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "merge-item");
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }

  /* Room for a few lines of text without scrolling; longer lists scroll. */
  gtk_widget_set_size_request (scroller, 440, -1);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                              MIN (plan->items->len * 52, 288));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  return scroller;
}

/* The coach reads what a merge adds before anything changes. */
static void
preview_merge (SamWindow       *self,
               SamWorkshopFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMergePlan) plan = sam_workshop_file_plan_merge (file, sam_window_get_store (self), &error);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *counts = NULL;
  GtkWidget *alert;
  guint n;

  if (plan == NULL)
    {
      _sam_window_show_file_error (self, _("The Team’s Work Cannot Be Merged"), error);
      return;
    }

  n = sam_merge_plan_get_n_changes (plan);
  /* A shared laptop's file carries the whole room's work, whichever team
   * had the laptop last. */
  if (sam_workshop_file_get_shared (file))
    heading = g_strdup (_("Merge the Work of the Whole Room?"));
  else
    heading = g_strdup_printf (_("Merge the Work of %s?"), plan->team_name);
  counts = describe_counts (plan);
  if (n == 0)
    body = g_strdup_printf (_("Everything in “%s” is already in “%s”. Nothing needs to be merged."),
                            sam_workshop_file_get_display_name (file), sam_workshop_get_name (plan->workshop));
  else
    body = g_strdup_printf (_("From “%s” into “%s”:%s\n\nWhere both you and the team changed something, "
                              "both versions are kept."),
                            sam_workshop_file_get_display_name (file), sam_workshop_get_name (plan->workshop),
                            counts);

  alert = sam_compat_alert_new (heading, body);
  if (n == 0)
    sam_compat_alert_add_response (alert, "cancel", _("_Close"), ADW_RESPONSE_DEFAULT);
  else
    {
      sam_compat_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
      sam_compat_alert_add_response (alert, "merge", _("_Merge"), ADW_RESPONSE_SUGGESTED);
      sam_compat_alert_set_default_response (alert, "merge");
      sam_compat_alert_set_extra_child (alert, items_list_new (plan));
    }
  sam_compat_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (alert), "plan", g_steal_pointer (&plan), (GDestroyNotify) sam_merge_plan_free);
  sam_compat_alert_present (alert, GTK_WIDGET (self), merge_response_cb, self);
}

/* A team packet puts the laptop in team mode for that team: the coach's
 * window closes and the team's window opens on the current step.  Opened
 * again, the packet goes back to the team's work already here. */
static void
open_team_packet (SamWindow       *self,
                  SamWorkshopFile *file)
{
  SamStore *store = sam_window_get_store (self);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop = sam_workshop_file_import (file, store, &error);

  if (workshop == NULL && g_error_matches (error, SAM_FILE_ERROR, SAM_FILE_ERROR_EXISTS))
    {
      workshop = sam_store_find_workshop (store, sam_workshop_file_get_workshop_uuid (file));
      if (workshop != NULL && !sam_store_get_packet_team (store, workshop, NULL))
        {
          /* The coach's own workshop: the packet was made here. */
          sam_window_open_workshop (self, workshop);
          sam_window_show_toast (self, _("This is the team packet of a workshop on this computer; here it is"));
          return;
        }
    }

  if (workshop == NULL)
    {
      _sam_window_show_file_error (self, _("This File Cannot Be Opened"), error);
      return;
    }

  sam_team_mode_start (SAM_APPLICATION (app), workshop, GTK_WINDOW (self));
}

static void
open_loaded (SamWindow       *self,
             SamWorkshopFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SamWorkshop *workshop;

  switch (sam_workshop_file_get_kind (file))
    {
    case SAM_FILE_KIND_TEAM_CONTRIBUTION:
      preview_merge (self, file);
      return;
    case SAM_FILE_KIND_TEAM_PACKET:
      open_team_packet (self, file);
      return;
    case SAM_FILE_KIND_WORKSHOP:
    default:
      break;
    }

  workshop = sam_workshop_file_import (file, sam_window_get_store (self), &error);
  if (workshop == NULL)
    {
      _sam_window_show_file_error (self, _("This File Cannot Be Opened"), error);
      return;
    }

  sam_window_open_workshop (self, workshop);
  message = g_strdup_printf (_("“%s” imported as a new workshop"), sam_workshop_get_name (workshop));
  sam_window_show_toast (self, message);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SamWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = sam_workshop_file_load_finish (result, &error);

  if (file == NULL)
    _sam_window_show_file_error (self, _("This File Cannot Be Opened"), error);
  else if (sam_window_get_store (self) != NULL)
    open_loaded (self, file);
}

/**
 * sam_window_open_file:
 * @self: a #SamWindow
 * @file: a `.samenspel` file
 *
 * Reads @file in the background, then imports it as a new workshop, opens
 * a team packet, or shows what merging a team's contribution would add.
 * A bad file is explained and changes nothing.
 */
void
sam_window_open_file (SamWindow *self,
                      GFile     *file)
{
  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  sam_workshop_file_load_async (file, NULL, file_loaded_cb, g_object_ref (self));
}

static void
open_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SamWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sam_compat_open_file_finish (result, &error);

  if (file != NULL)
    sam_window_open_file (self, file);
  else if (error != NULL)
    _sam_window_show_file_error (self, _("This File Cannot Be Opened"), error);
}

void
_sam_window_ask_open (SamWindow  *self,
          const char *title)
{
  g_autoptr(GListModel) filters = sam_compat_file_filters_new (_("Workshop files"), SAM_WORKSHOP_FILE_MIME_TYPE,
                                                               "*.samenspel");

  sam_compat_open_file_async (GTK_WINDOW (self), title, filters, NULL, open_chosen_cb, g_object_ref (self));
}
