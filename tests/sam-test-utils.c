/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sam-step-view.h"
#include "sam-test-log.h"
#include "sam-test-utils.h"
#include "sam-workshop-view.h"

/**
 * sam_test_isolate:
 *
 * Points the user data, config, cache and state folders at a new temporary
 * folder.  Unlike G_TEST_OPTION_ISOLATE_DIRS it keeps XDG_DATA_DIRS, where
 * GTK finds the MIME database it needs to load icons.  It also installs the
 * log writer of the UI tests (sam_test_log_init()).  Call it first.
 */
void
sam_test_isolate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("samenspel-test-XXXXXX", &error);
  static const char *const vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  sam_test_log_init ();
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (root, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
}

/* Whether gettext answers in Dutch: "Agreed" is translated. */
static gboolean
speaks_dutch (void)
{
  return g_strcmp0 (_("Agreed"), "Agreed") != 0;
}

/**
 * sam_test_speak_dutch:
 *
 * Makes the catalogue answer in Dutch, as $LANGUAGE=nl asks.  The C
 * library of newer systems (glibc 2.37 and later) ignores LANGUAGE in the
 * C.UTF-8 locale the tests run in, and a minimal system has no other
 * locale: then the nl_NL.UTF-8 locale is built with localedef under the
 * test's cache folder, LOCPATH points at it and LC_ALL names it (in the
 * environment too, as gtk_init() sets the locale from it again).  Call it
 * after sam_test_isolate() and sam_i18n_init().
 *
 * Returns: whether the catalogue answers in Dutch
 */
gboolean
sam_test_speak_dutch (void)
{
  const char *argv[] = { "localedef", "-i", "nl_NL", "-f", "UTF-8", NULL, NULL };
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  int status = 0;

  setlocale (LC_ALL, "");
  if (speaks_dutch ())
    return TRUE;

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      dir = g_build_filename (g_get_user_cache_dir (), "locale", NULL);
      target = g_build_filename (dir, "nl_NL.UTF-8", NULL);
      argv[5] = target;
      /* localedef warns (status 1) on some definitions yet writes the
       * locale: whether it is usable is what counts. */
      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, NULL))
        return FALSE;
      g_setenv ("LOCPATH", dir, TRUE);
    }

  g_setenv ("LC_ALL", "nl_NL.UTF-8", TRUE);
  return setlocale (LC_ALL, "") != NULL && speaks_dutch ();
}

/**
 * sam_test_reset_data:
 *
 * Removes the database, so the next application starts from nothing.
 */
void
sam_test_reset_data (void)
{
  g_autofree char *path = sam_store_dup_default_path ();
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/**
 * sam_test_application_new:
 *
 * Returns: (transfer full): the real application, registered (so its
 *   startup ran: settings, accels, the database in the test's data dir)
 */
SamApplication *
sam_test_application_new (void)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  SamApplication *app;

  /* Each test's application gets its own ID: the bus path of an earlier
   * one may still be exported while its last references go. */
  sam_test_reset_data ();
  id = g_strdup_printf ("%s.Test%u", APP_ID, ++counter);
  app = sam_application_new (id, G_APPLICATION_NON_UNIQUE);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

SamWindow *
sam_test_window_new (SamApplication *app)
{
  return sam_test_window_new_sized (app, 1100, 760);
}

/* A window of @width × @height (a beamer's 1024×768, a laptop's screen),
 * presented and given time to show. */
SamWindow *
sam_test_window_new_sized (SamApplication *app,
                           int             width,
                           int             height)
{
  SamWindow *window = sam_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  sam_test_pump (200);
  return window;
}

/* A new workshop @name in @window with @teams (%NULL-terminated, or %NULL
 * for none), made through the window's actions as the coach does; it is
 * the workshop the window shows.  (transfer none) */
SamWorkshop *
sam_test_create_workshop (SamWindow         *window,
                          const char        *name,
                          const char *const *teams)
{
  GtkWidget *view;
  SamWorkshop *workshop;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s", name));
  workshop = sam_window_get_workshop (window);
  g_assert_nonnull (workshop);
  view = sam_window_get_workshop_view (window);
  for (guint i = 0; teams != NULL && teams[i] != NULL; i++)
    g_assert_true (gtk_widget_activate_action (view, "workshop.add-team", "s", teams[i]));
  return workshop;
}

/* The page a workshop @view shows for its current step, as in the app,
 * and that step in @step.  (transfer none) */
GtkWidget *
sam_test_shown_page (GtkWidget  *view,
                     SamStep   **step)
{
  GtkWidget *step_view = sam_workshop_view_get_step_view (SAM_WORKSHOP_VIEW (view));

  *step = sam_workshop_view_get_step (SAM_WORKSHOP_VIEW (view));
  g_assert_nonnull (*step);
  return sam_step_view_get_page (SAM_STEP_VIEW (step_view));
}

static gboolean
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, so layout, frames and idle
 * handlers happen as they would on screen. */
void
sam_test_pump (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * sam_test_scroll_to:
 * @page: a widget inside a scrolled window
 * @target: a descendant of that scrolled window
 *
 * Scrolls the scrolled window around @page so that @target starts near
 * its top, as a person scrolls to read it, and lets the layout settle.
 */
void
sam_test_scroll_to (GtkWidget *page,
                    GtkWidget *target)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (page, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* Twice: the first scroll may bring rows into view that move @target. */
  for (guint i = 0; i < 2; i++)
    {
      sam_test_pump (150);
      if (gtk_widget_compute_point (target, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                    &GRAPHENE_POINT_INIT (0, 0), &point))
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 16);
    }
  sam_test_pump (100);
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget,
                                 gpointer   data);

/* The first descendant of @root that @match accepts, depth first; with
 * @mapped_only, only through widgets on screen. */
static GtkWidget *
find_descendant (GtkWidget   *root,
                 gboolean     mapped_only,
                 WidgetMatch  match,
                 gpointer     data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (mapped_only && !gtk_widget_get_mapped (child))
        continue;

      if (match (child, data))
        return child;

      found = find_descendant (child, mapped_only, match, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_type (GtkWidget *widget,
          gpointer   data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(GType *) data);
}

/* A stack still changing pages: a picture taken then shows two pages
 * blended. */
static gboolean
is_changing_pages (GtkWidget *widget,
                   gpointer   data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget));
}

static gboolean
transition_running (GtkWidget *widget)
{
  return is_changing_pages (widget, NULL) || find_descendant (widget, FALSE, is_changing_pages, NULL) != NULL;
}

/**
 * sam_test_save_frame:
 * @widget: what to draw; usually the window
 * @path: the PNG file to write
 *
 * Draws @widget as it is now, without running the main loop (the frame
 * just painted, say), and saves it as PNG.
 *
 * Returns: %FALSE when @widget draws nothing yet (not mapped or not laid
 *   out) or the file could not be written
 */
gboolean
sam_test_save_frame (GtkWidget  *widget,
                     const char *path)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if (!gtk_widget_get_mapped (widget) || width <= 0 || height <= 0)
    return FALSE;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return texture != NULL && gdk_texture_save_to_png (texture, path);
}

/**
 * sam_test_screenshot:
 * @widget: what to draw; usually the window
 * @name: file name, written into $SAM_TEST_OUTDIR
 *
 * Renders @widget as it is on screen, once no page change is running in
 * it, and saves it as PNG.
 */
void
sam_test_screenshot (GtkWidget  *widget,
                     const char *name)
{
  g_autofree char *path = NULL;
  const char *outdir = g_getenv ("SAM_TEST_OUTDIR");
  gboolean saved = FALSE;

  if (outdir == NULL)
    outdir = g_get_tmp_dir ();
  g_mkdir_with_parents (outdir, 0755);
  path = g_build_filename (outdir, name, NULL);

  /* Under a sanitizer or a loaded machine a new window takes a while to be
   * mapped and laid out: wait for it (up to 10 s) rather than fail. */
  for (guint i = 0; i < 200 && !saved; i++)
    {
      sam_test_pump (i == 0 ? 100 : 50);
      if (!transition_running (widget))
        saved = sam_test_save_frame (widget, path);
    }

  g_assert_true (saved);
  g_test_message ("screenshot: %s", path);
}

/**
 * sam_test_find_child:
 * @root: where to start
 * @type: the type to look for
 *
 * Returns: (transfer none) (nullable): the first descendant of @type, depth first
 */
GtkWidget *
sam_test_find_child (GtkWidget *root,
                     GType      type)
{
  return find_descendant (root, FALSE, has_type, &type);
}

/**
 * sam_test_find_mapped_child:
 * @root: where to start
 * @type: the type to look for
 *
 * Returns: (transfer none) (nullable): the first descendant of @type that is
 *   on screen (mapped), depth first
 */
GtkWidget *
sam_test_find_mapped_child (GtkWidget *root,
                            GType      type)
{
  return find_descendant (root, TRUE, has_type, &type);
}

void
sam_test_destroy_window (SamWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  sam_test_pump (50);
}
