/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sam-compat.h"
#include "sam-projector-window.h"

/* The window on the beamer.  It holds the projector view and nothing the
 * coach works with: no header bar, no menu.  Its type is sized from its
 * own size by a style sheet scoped to `window.sam-projector`, rewritten
 * when the size changes (GtkStyleContext's per-widget providers are
 * deprecated from GTK 4.10).  Its keys are the console's: Escape stops,
 * B blanks, Page Up/Down turn pages, whichever window has the focus. */
struct _SamProjectorWindow
{
  AdwWindow parent_instance;

  SamProjectorView *view;
  double scale;
  guint restyle_id;
};

G_DEFINE_FINAL_TYPE (SamProjectorWindow, sam_projector_window, ADW_TYPE_WINDOW)

static GtkCssProvider *size_provider;

/**
 * sam_projector_css_for_size:
 * @width: the projector window's width
 * @height: its height
 *
 * Returns: (transfer full): the style sheet that sizes the projector's
 *   type for a window of @width × @height
 */
char *
sam_projector_css_for_size (int width,
                            int height)
{
  double scale = MIN (width / 1024.0, height / 768.0);

  /* Below 1024 × 768 (a window the coach is still placing) the type
   * shrinks too, but never below half. */
  scale = MAX (scale, 0.5);
  return g_strdup_printf ("window.sam-projector { font-size: %dpx; }\n"
                          "window.sam-projector .sam-projector-title { font-size: %dpx; }\n"
                          "window.sam-projector .sam-projector-blank-title { font-size: %dpx; }\n"
                          "window.sam-projector .sam-projector-timer { font-size: %dpx; }\n",
                          (int) ceil (SAM_PROJECTOR_BODY_PX * scale),
                          (int) ceil (SAM_PROJECTOR_TITLE_PX * scale),
                          (int) ceil (SAM_PROJECTOR_TITLE_PX * 1.5 * scale),
                          (int) ceil (SAM_PROJECTOR_TIMER_PX * scale));
}

static gboolean
restyle_cb (gpointer data)
{
  SamProjectorWindow *self = data;
  g_autofree char *css = NULL;

  self->restyle_id = 0;
  css = sam_projector_css_for_size ((int) (self->scale * 1024), (int) (self->scale * 768));
  if (size_provider == NULL)
    {
      size_provider = gtk_css_provider_new ();
      /* Above the app's zoom provider, which sizes the console. */
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (size_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 10);
    }
  sam_compat_css_provider_load_string (size_provider, css);
  return G_SOURCE_REMOVE;
}

/* The size is known while the window is allocated, when no style may
 * change: the type follows right after, before the next frame. */
static void
sam_projector_window_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  SamProjectorWindow *self = SAM_PROJECTOR_WINDOW (widget);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));
  double scale;

  GTK_WIDGET_CLASS (sam_projector_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* What the wall shows is the surface, which a window not full screen
   * may frame with a few pixels more than the content. */
  if (surface != NULL)
    {
      width = MAX (width, gdk_surface_get_width (surface));
      height = MAX (height, gdk_surface_get_height (surface));
    }
  scale = MAX (MIN (width / 1024.0, height / 768.0), 0.5);

  if (fabs (scale - self->scale) > 0.001 && self->restyle_id == 0)
    {
      self->scale = scale;
      self->restyle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, restyle_cb, self, NULL);
    }
}

static void
sam_projector_window_dispose (GObject *object)
{
  SamProjectorWindow *self = SAM_PROJECTOR_WINDOW (object);

  g_clear_handle_id (&self->restyle_id, g_source_remove);

  G_OBJECT_CLASS (sam_projector_window_parent_class)->dispose (object);
}

static void
sam_projector_window_class_init (SamProjectorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_projector_window_dispose;
  widget_class->size_allocate = sam_projector_window_size_allocate;
}

static void
add_key (GtkShortcutController *controller,
         guint                  key,
         const char            *action,
         GVariant              *param)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, 0), gtk_named_action_new (action));

  if (param != NULL)
    gtk_shortcut_set_arguments (shortcut, param);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static gboolean
toggle_fullscreen_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
  return TRUE;
}

static void
sam_projector_window_init (SamProjectorWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkWidget *handle = gtk_window_handle_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-projector");
  /* Translators: the title of the window on the beamer */
  gtk_window_set_title (GTK_WINDOW (self), _("Samenspel Projector"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1024, 768);
  /* No frame: on one screen the coach drags the window by its content
   * onto the beamer and makes it full screen with F11. */
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);

  self->view = SAM_PROJECTOR_VIEW (sam_projector_view_new ());
  /* Without a header bar, the whole view moves the window. */
  gtk_window_handle_set_child (GTK_WINDOW_HANDLE (handle), GTK_WIDGET (self->view));
  adw_window_set_content (ADW_WINDOW (self), handle);

  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, "console.stop-presenting", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_F5, "console.stop-presenting", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_b, "console.projector-blank", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Page_Down, "console.projector-page", g_variant_new_int32 (1));
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Page_Up, "console.projector-page", g_variant_new_int32 (-1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F11, 0),
                                                          gtk_callback_action_new (toggle_fullscreen_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * sam_projector_window_new:
 * @application: the application (so the window keeps it running)
 * @console: the console window's actions, which the projector's keys run
 *
 * Returns: (transfer none): a new projector window, not yet shown
 */
SamProjectorWindow *
sam_projector_window_new (GtkApplication *application,
                          GActionGroup   *console)
{
  SamProjectorWindow *self = g_object_new (SAM_TYPE_PROJECTOR_WINDOW, "application", application, NULL);

  gtk_widget_insert_action_group (GTK_WIDGET (self), "console", console);
  return self;
}

SamProjectorView *
sam_projector_window_get_view (SamProjectorWindow *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_WINDOW (self), NULL);
  return self->view;
}

/**
 * sam_projector_window_get_scale:
 * @self: a #SamProjectorWindow
 *
 * Returns: the factor the type is scaled by from its size at 1024 × 768
 */
double
sam_projector_window_get_scale (SamProjectorWindow *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_WINDOW (self), 1.0);
  return self->scale;
}
