/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "sam-exercise-page.h"
#include "sam-layout-probe.h"
#include "sam-step-view.h"
#include "sam-window.h"

/* A test-only look at the window's layout, for the rehearsal suite: it
 * drives the app from outside through the accessibility tree, which does
 * not say whether a label is ellipsized or how tall a page is.  With
 * SAMENSPEL_LAYOUT_PROBE=FILE set, the window writes FILE (JSON) shortly
 * after each frame whose layout changed; without it, nothing happens. */

#define PROBE_DELAY_MS 150

typedef struct
{
  GtkWindow *window;
  char *path;
  char *last;
  guint timeout_id;
} Probe;

static void
probe_free (gpointer data)
{
  Probe *probe = data;

  g_clear_handle_id (&probe->timeout_id, g_source_remove);
  g_free (probe->path);
  g_free (probe->last);
  g_free (probe);
}

/* The card area is the exercise's page under the step's title and timer. */
static GtkWidget *
find_card_area (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (SAM_IS_EXERCISE_PAGE (widget) && gtk_widget_get_ancestor (widget, SAM_TYPE_STEP_VIEW) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_card_area (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
add_box (JsonBuilder *builder,
         const char  *name,
         GtkWidget   *widget,
         GtkWidget   *window)
{
  graphene_rect_t bounds;

  json_builder_set_member_name (builder, name);
  if (widget == NULL || !gtk_widget_compute_bounds (widget, window, &bounds))
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, G_OBJECT_TYPE_NAME (widget));
  json_builder_set_member_name (builder, "y");
  json_builder_add_int_value (builder, (gint64) bounds.origin.y);
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, (gint64) bounds.size.height);
  json_builder_end_object (builder);
}

static gboolean
is_ellipsized (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget)
         && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE
         && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget)));
}

/* The first widget above @widget that is not a plain GTK one, to say
 * where an ellipsized label sits. */
static const char *
owner_name (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (!g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Gtk"))
      return G_OBJECT_TYPE_NAME (w);
  return "";
}

/* A control that sticks out of the window cannot be reached. */
static gboolean
is_cut_off (GtkWidget *widget,
            GtkWidget *window)
{
  graphene_rect_t bounds;

  if (!GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) && !GTK_IS_DROP_DOWN (widget))
    return FALSE;
  if (!gtk_widget_compute_bounds (widget, window, &bounds))
    return FALSE;

  return bounds.origin.x < -0.5
         || bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 0.5;
}

static const char *
describe_widget (GtkWidget *widget)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  if (text == NULL && GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  return text != NULL ? text : G_OBJECT_TYPE_NAME (widget);
}

/* Walks the mapped widgets: ellipsized labels, controls outside the
 * window, and the vertical scrollers inside @card_area (a scroller inside
 * the scrolling step view is a slot within a slot). */
static void
walk (GtkWidget   *widget,
      GtkWidget   *window,
      GtkWidget   *card_area,
      gboolean     in_card_area,
      JsonBuilder *ellipsized,
      JsonBuilder *cut_off,
      JsonBuilder *nested)
{
  GtkPolicyType vpolicy;

  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_ellipsized (widget))
    {
      g_autofree char *text = g_strdup_printf ("%s (%s)", gtk_label_get_text (GTK_LABEL (widget)),
                                               owner_name (widget));

      json_builder_add_string_value (ellipsized, text);
    }
  if (is_cut_off (widget, window))
    json_builder_add_string_value (cut_off, describe_widget (widget));

  if (in_card_area && GTK_IS_SCROLLED_WINDOW (widget))
    {
      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), NULL, &vpolicy);
      if (vpolicy != GTK_POLICY_NEVER && vpolicy != GTK_POLICY_EXTERNAL)
        json_builder_add_int_value (nested, gtk_widget_get_height (widget));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, window, card_area, in_card_area || widget == card_area,
          ellipsized, cut_off, nested);
}

/**
 * sam_layout_probe_describe:
 * @window: a window
 *
 * Describes @window's layout as JSON: its size and minimum width, for a
 * #SamWindow what it shows (sam_window_get_visible_page()), the mapped
 * labels that are ellipsized, the controls that stick out of it, the
 * bounds of the exercise page shown (the card area) and the heights of the
 * vertical scrollers inside that page.
 *
 * Returns: (transfer full): the description
 */
char *
sam_layout_probe_describe (GtkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  GtkWidget *card_area = find_card_area (widget);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonBuilder) ellipsized = json_builder_new ();
  g_autoptr(JsonBuilder) cut_off = json_builder_new ();
  g_autoptr(JsonBuilder) nested = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  int min_width;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  json_builder_begin_array (ellipsized);
  json_builder_begin_array (cut_off);
  json_builder_begin_array (nested);
  walk (widget, widget, card_area, FALSE, ellipsized, cut_off, nested);
  json_builder_end_array (ellipsized);
  json_builder_end_array (cut_off);
  json_builder_end_array (nested);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, gtk_widget_get_width (widget));
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, gtk_widget_get_height (widget));
  json_builder_set_member_name (builder, "min-width");
  json_builder_add_int_value (builder, min_width);
  if (SAM_IS_WINDOW (window))
    {
      json_builder_set_member_name (builder, "page");
      json_builder_add_string_value (builder, sam_window_get_visible_page (SAM_WINDOW (window)));
    }
  add_box (builder, "card-area", card_area, widget);
  json_builder_set_member_name (builder, "ellipsized");
  json_builder_add_value (builder, json_builder_get_root (ellipsized));
  json_builder_set_member_name (builder, "cut-off");
  json_builder_add_value (builder, json_builder_get_root (cut_off));
  json_builder_set_member_name (builder, "nested-scrollers");
  json_builder_add_value (builder, json_builder_get_root (nested));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
write_cb (gpointer data)
{
  Probe *probe = data;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  probe->timeout_id = 0;
  text = sam_layout_probe_describe (probe->window);
  if (g_strcmp0 (text, probe->last) == 0)
    return G_SOURCE_REMOVE;

  if (!g_file_set_contents (probe->path, text, -1, &error))
    g_printerr ("layout probe: %s\n", error->message);
  g_free (probe->last);
  probe->last = g_steal_pointer (&text);

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  if (probe->timeout_id == 0)
    probe->timeout_id = g_timeout_add (PROBE_DELAY_MS, write_cb, probe);
}

static void
realize_cb (GtkWidget *widget,
            Probe     *probe)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint_cb), probe);
}

static void
unrealize_cb (GtkWidget *widget,
              Probe     *probe)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (widget),
                                        after_paint_cb, probe);
  g_clear_handle_id (&probe->timeout_id, g_source_remove);
}

/**
 * sam_layout_probe_attach:
 * @window: a window that is not realized yet
 *
 * When SAMENSPEL_LAYOUT_PROBE names a file, writes sam_layout_probe_describe()
 * of @window into it after every frame that changed it.  For tests only.
 */
void
sam_layout_probe_attach (GtkWindow *window)
{
  const char *path = g_getenv ("SAMENSPEL_LAYOUT_PROBE");
  Probe *probe;

  if (path == NULL || *path == '\0')
    return;

  probe = g_new0 (Probe, 1);
  probe->window = window;
  probe->path = g_strdup (path);
  g_object_set_data_full (G_OBJECT (window), "sam-layout-probe", probe, probe_free);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), probe);
  g_signal_connect (window, "unrealize", G_CALLBACK (unrealize_cb), probe);
}
