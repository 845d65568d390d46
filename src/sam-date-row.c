/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-compat.h"
#include "sam-date.h"
#include "sam-date-row.h"
#include "sam-decide-common.h"
#include "sam-field.h"

/* Dates: read and typed the locale's way, stored as YYYY-MM-DD. */

static void
show_date_problem (GtkWidget    *entry,
                   const GError *error)
{
  GtkWidget *hint = g_object_get_data (G_OBJECT (entry), "hint");
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (hint));

  if (label == NULL)
    return;

  if (error != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_label_set_text (GTK_LABEL (label), error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
  gtk_widget_set_visible (hint, error != NULL);
}

/* A date field is stored when it is committed (Enter, focus out, the
 * calendar), not while it is typed in; it then shows the date as read. */
static void
show_date (GtkEditable *entry,
           const char  *shown)
{
  if (g_strcmp0 (gtk_editable_get_text (entry), shown) != 0)
    gtk_editable_set_text (entry, shown);
}

/* Stores @iso, through the row's action, unless the object holds it already. */
static void
store_date (GtkWidget  *entry,
            const char *iso)
{
  GObject *object = g_object_get_data (G_OBJECT (entry), "object");
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  const char *action = g_object_get_data (G_OBJECT (entry), "action");
  gint64 *id = g_object_get_data (G_OBJECT (entry), "id");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  if (object == NULL)
    return;

  show_date_problem (entry, NULL);
  g_object_get (object, property, &stored, NULL);
  if (g_strcmp0 (stored, iso) != 0)
    gtk_widget_activate_action (entry, action, "(xus)", *id, field, iso);

  g_clear_pointer (&stored, g_free);
  g_object_get (object, property, &stored, NULL);
  shown = sam_date_format (stored);
  show_date (GTK_EDITABLE (entry), shown);
}

static void
commit_date (GtkWidget *entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  /* Focus also leaves while the window closes. */
  if (gtk_widget_get_root (entry) == NULL || gtk_widget_in_destruction (entry) ||
      g_object_get_data (G_OBJECT (entry), "object") == NULL)
    return;

  iso = sam_date_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), &error);

  /* Nonsense is refused where it was typed; the stored date stays. */
  if (iso == NULL)
    show_date_problem (entry, error);
  else
    store_date (entry, iso);
}

static void
follow_date (GtkEditable *entry,
             GParamSpec  *pspec,
             GObject     *object)
{
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  g_object_get (object, pspec->name, &iso, NULL);
  shown = sam_date_format (iso);
  /* Never under the cursor: a half-typed date is committed when the focus
   * leaves, and then shown as read. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (entry), "error")
      && !sam_field_is_editing (GTK_WIDGET (entry)))
    show_date (entry, shown);
}

static void
calendar_shown_cb (GtkWidget   *popover,
                   GtkCalendar *calendar)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (calendar), "entry");
  g_autofree char *iso = sam_date_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), NULL);
  g_autoptr(GDateTime) day = iso != NULL ? sam_date_to_date_time (iso) : NULL;

  if (day == NULL)
    day = g_date_time_new_now_local ();
  g_signal_handlers_block_matched (calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, entry);
  sam_compat_calendar_set_date (calendar, day);
  g_signal_handlers_unblock_matched (calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, entry);
}

static void
day_selected_cb (GtkCalendar *calendar,
                 GtkWidget   *entry)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *iso = sam_date_from_date_time (day);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  store_date (entry, iso);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
calendar_button_new (GtkWidget *entry)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Pick a day in the calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick a day in the calendar"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (calendar), "entry", entry);
  g_signal_connect_object (popover, "show", G_CALLBACK (calendar_shown_cb), calendar, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (day_selected_cb), entry, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_object_set_data (G_OBJECT (entry), "calendar", calendar);
  return button;
}

/**
 * sam_date_row_new:
 * @object: (nullable): the object holding the date, as `YYYY-MM-DD`; %NULL
 *   for a row that a list binds later (sam_date_row_bind())
 * @property: its string property with the date
 * @title: the row's title
 * @action: a "(xus)" action taking (@id, @field, the date as `YYYY-MM-DD`)
 * @id: the object's id, for @action
 * @field: which date, for @action
 * @out_hint: (out) (transfer floating): a row to put right under it, shown
 *   with the reason when a typed date was not taken
 *
 * A date field that reads and shows the locale's way of writing dates,
 * with a calendar to pick the day.  A date is taken when the coach presses
 * Enter, leaves the field or picks a day, not at every key: "14/10/20" is
 * on its way to 2025.
 *
 * Returns: (transfer floating): the #AdwEntryRow
 */
GtkWidget *
sam_date_row_new (GObject     *object,
                  const char  *property,
                  const char  *title,
                  const char  *action,
                  gint64       id,
                  guint        field,
                  GtkWidget  **out_hint)
{
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *hint = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_return_val_if_fail (object == NULL || G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (out_hint != NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  g_object_set_data_full (G_OBJECT (entry), "property", g_strdup (property), g_free);
  g_object_set_data_full (G_OBJECT (entry), "action", g_strdup (action), g_free);
  g_object_set_data (G_OBJECT (entry), "field", GUINT_TO_POINTER (field));
  g_object_set_data_full (G_OBJECT (entry), "hint", g_object_ref (hint), g_object_unref);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), calendar_button_new (entry));
  g_signal_connect (entry, "entry-activated", G_CALLBACK (commit_date), NULL);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_date), entry);
  gtk_widget_add_controller (entry, focus);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (hint), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (hint), FALSE);
  gtk_widget_set_visible (hint, FALSE);
  gtk_widget_add_css_class (hint, "sam-date-problem");

  sam_date_row_bind (entry, object, id);
  *out_hint = hint;
  return entry;
}

/**
 * sam_date_row_bind:
 * @entry: a row made by sam_date_row_new()
 * @object: (nullable): the object whose date it shows from now on
 * @id: the object's id, for the row's action
 *
 * Binds a recycled date row to another object: it shows that object's date
 * and follows it; a problem shown for the object before is gone.
 */
void
sam_date_row_bind (GtkWidget *entry,
                   GObject   *object,
                   gint64     id)
{
  GObject *old = g_object_get_data (G_OBJECT (entry), "object");
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (entry));
  g_return_if_fail (object == NULL || G_IS_OBJECT (object));

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, follow_date, entry);
  show_date_problem (entry, NULL);
  if (object == NULL)
    {
      g_object_set_data (G_OBJECT (entry), "object", NULL);
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      return;
    }

  g_object_set_data_full (G_OBJECT (entry), "object", g_object_ref (object), g_object_unref);
  g_object_set_data_full (G_OBJECT (entry), "id", g_memdup2 (&id, sizeof id), g_free);
  g_object_get (object, property, &iso, NULL);
  shown = sam_date_format (iso);
  gtk_editable_set_text (GTK_EDITABLE (entry), shown);
  g_signal_connect_object (object, signal, G_CALLBACK (follow_date), entry, G_CONNECT_SWAPPED);
}
