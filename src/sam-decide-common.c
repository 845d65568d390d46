/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-decide-common.h"
#include "sam-palette.h"
#include "sam-window.h"

static SamWindow *
window_of (GtkWidget *widget)
{
  return SAM_WINDOW (gtk_widget_get_ancestor (widget, SAM_TYPE_WINDOW));
}

/**
 * sam_decide_show_error:
 * @widget: a widget of the page
 * @error: what went wrong
 *
 * Tells the coach in the window's words; a refused entry shows as a toast.
 */
void
sam_decide_show_error (GtkWidget    *widget,
                       const GError *error)
{
  SamWindow *window = window_of (widget);

  if (window != NULL)
    sam_window_show_error (window, error);
  else
    g_message ("%s", error->message);
}

void
sam_decide_show_toast (GtkWidget  *widget,
                       const char *message)
{
  SamWindow *window = window_of (widget);

  if (window != NULL)
    sam_window_show_toast (window, message);
}

void
sam_decide_show_undo (GtkWidget  *widget,
                      const char *message,
                      gint64      batch)
{
  SamWindow *window = window_of (widget);

  if (window != NULL)
    sam_window_show_undo_toast (window, message, batch);
}

/**
 * sam_decide_team_colour_class:
 * @team: a team
 *
 * Returns: (transfer full): the style class of the team's colour
 */
char *
sam_decide_team_colour_class (SamTeam *team)
{
  return g_strdup_printf ("team-colour-%u", sam_team_get_colour (team) % SAM_PALETTE_SIZE);
}

/**
 * sam_decide_team_label_new:
 * @team: a team
 * @css_class: (nullable): a style class for the name, e.g. "title-3"
 *
 * Returns: (transfer floating): the team's colour dot and its name, which
 *   follows renames; the name carries the meaning, never the colour alone
 */
GtkWidget *
sam_decide_team_label_new (SamTeam    *team,
                           const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  g_autofree char *colour = sam_decide_team_colour_class (team);

  gtk_widget_add_css_class (swatch, "team-swatch");
  gtk_widget_add_css_class (swatch, colour);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (name, css_class);
  g_object_bind_property (team, "name", name, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), name);
  return box;
}

GtkWidget *
sam_decide_heading_new (const char *text,
                        const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class ? css_class : "title-2");
  return label;
}

/* Blank input from a field is ignored, never stored nor scolded, as the
 * card lists do. */
gboolean
sam_decide_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * sam_decide_follow_up:
 * @widget: a widget of the window
 * @store: the database
 * @workshop: the workshop whose agreements are to be reviewed
 *
 * Creates the follow-up workshop, says so, and opens it.
 *
 * Returns: (transfer none) (nullable): the follow-up, or %NULL after
 *   telling the coach what went wrong
 */
SamWorkshop *
sam_decide_follow_up (GtkWidget   *widget,
                      SamStore    *store,
                      SamWorkshop *workshop)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SamWorkshop *follow_up;
  SamWindow *window;

  follow_up = sam_decide_create_follow_up (store, workshop, &error);
  if (follow_up == NULL)
    {
      sam_decide_show_error (widget, error);
      return NULL;
    }

  /* Translators: %s is the new workshop's name */
  message = g_strdup_printf (_("“%s” created, with the same teams and the agreements to review"),
                             sam_workshop_get_name (follow_up));
  sam_decide_show_toast (widget, message);
  window = window_of (widget);
  if (window != NULL)
    sam_window_open_workshop (window, follow_up);

  return follow_up;
}

static void
create_follow_up_action (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  SamWindow *window = SAM_WINDOW (user_data);
  SamStore *store = sam_window_get_store (window);
  const char *uuid = g_variant_get_string (param, NULL);
  SamWorkshop *workshop = NULL;

  /* "" is the open workshop, as for the window's other workshop actions. */
  if (store != NULL)
    workshop = *uuid != '\0' ? sam_store_find_workshop (store, uuid) : sam_window_get_workshop (window);

  if (workshop != NULL)
    sam_decide_follow_up (GTK_WIDGET (window), store, workshop);
}

/**
 * sam_decide_add_window_actions:
 * @window: the main window
 *
 * Adds `win.create-follow-up` (s: a workshop's uuid, "" for the open one):
 * creates "Follow-up: …"
 * with the same teams and the workshop's agreements to review, and opens it.
 * Called once from the window's init.
 */
void
sam_decide_add_window_actions (SamWindow *window)
{
  static const GActionEntry entries[] = {
    { "create-follow-up", create_follow_up_action, "s" },
  };

  g_return_if_fail (SAM_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
}
