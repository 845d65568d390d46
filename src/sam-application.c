/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-application.h"
#include "sam-compat.h"
#include "sam-store-packet.h"
#include "sam-team-window.h"
#include "sam-window.h"
#include "sam-window-private.h"

struct _SamApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  SamStore *store;
  GError *store_error;
  GtkCssProvider *zoom_provider;
  /* style-pages.css, loaded after the first frame or before a window
   * that needs it (sam_application_load_page_styles()). */
  GtkCssProvider *pages_provider;
  guint pages_style_id;

  /* Rolling backups: every ten minutes when something was edited. */
  guint backup_id;
  gint64 backup_changes;

  /* The database's integrity check, after the first frame; the purge and
   * the backup at start follow it. */
  guint start_check_id;
  gboolean start_pending;
  GCancellable *check_cancellable;

  /* Looks for what the command line or another instance wrote. */
  guint refresh_id;
};

#define BACKUP_INTERVAL_SECONDS (10 * 60)

G_DEFINE_FINAL_TYPE (SamApplication, sam_application, ADW_TYPE_APPLICATION)

/**
 * sam_application_new:
 * @application_id: the application ID
 * @flags: #GApplicationFlags
 *
 * Returns: (transfer full): a new #SamApplication
 */
SamApplication *
sam_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (SAM_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/* Opens the database once.  When that fails the error is kept, the file is
 * left alone, and the window explains what happened. */
/* A backup that fails costs no work (the database itself is fine): it is
 * logged, and the next one is tried at the next interval. */
static void
backup_store (SamApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  self->backup_changes = sam_store_get_n_changes (self->store);
  if (!sam_store_backup (self->store, &error))
    g_message ("Could not back up the workshops: %s", error->message);
}

static gboolean
backup_if_edited (gpointer user_data)
{
  SamApplication *self = user_data;

  if (self->store != NULL && sam_store_get_n_changes (self->store) != self->backup_changes)
    backup_store (self);

  return G_SOURCE_CONTINUE;
}

/* The check found damage after the window opened: the windows on the
 * database go, and one window explains it and offers the newest backup,
 * as when the damage is found at open.  No edit reached the file: the store
 * refused every commit until the check had passed. */
static void
store_failed (SamApplication *self,
              GError         *error)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  GtkWindow *window;

  g_clear_handle_id (&self->backup_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  self->store_error = error;

  window = GTK_WINDOW (sam_window_new (self));
  gtk_window_present (window);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SamStore *store = SAM_STORE (source);
  SamApplication *self;
  GError *error = NULL;
  gboolean ok = sam_store_check_finish (store, result, &error);

  /* The application went first. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_error (&error);
      return;
    }

  self = SAM_APPLICATION (user_data);
  if (store != self->store)
    {
      g_clear_error (&error);
      return;
    }

  self->start_pending = FALSE;
  if (!ok)
    {
      store_failed (self, error);
      return;
    }

  /* Deleted work can no longer be undone once the app restarted; an edit
   * made before the check was done may have its Undo pending: the next
   * start purges. */
  if (sam_store_get_n_changes (self->store) == 0 && !sam_store_purge_trash (self->store, &error))
    {
      g_message ("Could not empty the trash: %s", error->message);
      g_clear_error (&error);
    }

  /* After the purge, so that a backup holds no more deleted work than the
   * database itself. */
  backup_store (self);
}

/* The check reads the whole database, and the backup at start copies it:
 * neither is what the coach waits for, so they start once the window has
 * drawn its first frame. */
static gboolean
start_check_cb (gpointer user_data)
{
  SamApplication *self = user_data;

  self->start_check_id = 0;
  sam_store_check_async (self->store, self->check_cancellable, check_done_cb, self);
  return G_SOURCE_REMOVE;
}

static gboolean
refresh_store (gpointer user_data)
{
  SamApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !sam_store_refresh (self->store, &error))
    g_message ("Could not look for changes by other programs: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static void
open_store (SamApplication *self)
{
  g_autofree char *path = NULL;

  if (self->store != NULL || self->store_error != NULL)
    return;

  path = sam_store_dup_default_path ();
  self->store = sam_store_open_check_later (path, &self->store_error);

  /* Said at once, rather than by every edit failing. */
  if (self->store != NULL && sam_store_is_read_only (self->store))
    {
      g_set_error (&self->store_error, SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY,
                   _("“%s” may only be read"), path);
      g_clear_object (&self->store);
    }

  if (self->store != NULL)
    {
      /* Opening may wait for another program's lock; an edit, or the
       * purge after the check, may not: the window would freeze meanwhile.
       * A failed edit shows what is stored and names the lock, and the next
       * one tries again; a purge that fails is left to the next start. */
      sam_store_set_busy_timeout (self->store, SAM_APPLICATION_BUSY_TIMEOUT_MS);
      self->start_pending = TRUE;
      if (self->check_cancellable == NULL)
        self->check_cancellable = g_cancellable_new ();
      self->start_check_id = g_idle_add_full (G_PRIORITY_LOW, start_check_cb, self, NULL);
      self->backup_id = g_timeout_add_seconds (BACKUP_INTERVAL_SECONDS, backup_if_edited, self);
      self->refresh_id = g_timeout_add_seconds (2, refresh_store, self);
    }
}

static void
apply_style (SamApplication *self)
{
  g_autofree char *variant = g_settings_get_string (self->settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (variant, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (variant, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_application_get_style_manager (ADW_APPLICATION (self)),
                                      scheme);
}

/* Zoom for a projector: a style sheet on this app's display makes the
 * text of its windows larger, and with it every size the app's CSS gives in
 * em (card padding, the minimum width of a team's column, so columns
 * reflow rather than squeeze their text).  Other apps are left alone: the
 * desktop's font settings (gtk-xft-dpi) are never touched. */
static void
apply_text_scale (SamApplication *self)
{
  /* libadwaita sets these styles' sizes in points, not relative to the
   * window's font: they are scaled along (their sizes in libadwaita 1.2). */
  static const struct {
    const char *selector;
    double points;
  } typography[] = {
    { ".large-title", 24 }, { ".title-1", 20 }, { ".title-2", 15 }, { ".title-3", 15 },
    { ".title-4", 13 }, { ".heading", 11 }, { ".body", 11 }, { ".caption-heading", 9 },
    { ".caption", 9 }, { "statuspage.compact .title", 18 },
  };
  GdkDisplay *display = gdk_display_get_default ();
  double scale = CLAMP (g_settings_get_double (self->settings, "text-scale"), 0.8, 2.5);
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) css = g_string_new (NULL);

  if (display == NULL)
    return;

  /* Below the app's own style sheet, which sizes its classes in em. */
  if (self->zoom_provider == NULL)
    {
      self->zoom_provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->zoom_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
    }

  if (!G_APPROX_VALUE (scale, 1.0, 0.001))
    {
      g_string_append_printf (css, "window { font-size: %s%%; ",
                              g_ascii_formatd (number, sizeof number, "%.1f", scale * 100));
      /* Icons next to the text grow with it. */
      g_string_append_printf (css, "-gtk-icon-size: %dpx; }\n.normal-icons { -gtk-icon-size: %dpx; }\n",
                              (int) (16 * scale + 0.5), (int) (16 * scale + 0.5));
      for (guint i = 0; i < G_N_ELEMENTS (typography); i++)
        g_string_append_printf (css, "%s { font-size: %spt; }\n", typography[i].selector,
                                g_ascii_formatd (number, sizeof number, "%.1f", typography[i].points * scale));
    }
  sam_compat_css_provider_load_string (self->zoom_provider, css->str);
}

static void
change_text_scale (SamApplication *self,
                   double          factor)
{
  double scale = g_settings_get_double (self->settings, "text-scale");

  scale = factor == 0 ? 1.0 : CLAMP (scale * factor, 0.8, 2.5);
  g_settings_set_double (self->settings, "text-scale", scale);
}

static void
zoom_in_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  change_text_scale (SAM_APPLICATION (user_data), 1.15);
}

static void
zoom_out_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  change_text_scale (SAM_APPLICATION (user_data), 1 / 1.15);
}

static void
zoom_reset_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  change_text_scale (SAM_APPLICATION (user_data), 0);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  SamApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing through the windows lets them save their size. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  SamApplication *self = user_data;

  sam_compat_show_about (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         g_application_get_application_id (G_APPLICATION (self)),
                         PACKAGE_VERSION);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "zoom-in", zoom_in_action },
  { "zoom-out", zoom_out_action },
  { "zoom-reset", zoom_reset_action },
};

static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "app.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "app.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
    { "win.new-workshop", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    /* Ctrl+L is the map's Arrange; the library is Alt+Left alone. */
    { "win.show-library", { "<Alt>Left", NULL } },
    { "win.fullscreen", { "F11", NULL } },
    /* Presenting: the projector view on a second screen. */
    { "win.present", { "F5", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    /* A window action: accelerators set on the application cannot reach
     * the workshop view's own actions. */
    { "win.add-team", { "<Control>t", NULL } },
    /* The live room (sam-window-room.c) */
    { "win.open-room", { "<Control><Shift>r", NULL } },
    { "win.join-room", { "<Control>j", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  /* Any lookup reads the theme; the lookups are safe in a thread. */
  gtk_icon_theme_has_icon (GTK_ICON_THEME (task_data), "view-more-symbolic");
}

/* GTK starts reading the icon theme in a thread when the display gets
 * one, but GtkApplication and libadwaita then add their icons' resource
 * paths, and each addition throws that reading away.  The first icon of
 * the first frame read it all again on the main thread (66 M
 * instructions); now a thread reads it while the window is built. */
static void
read_icon_theme_soon (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

static void
sam_application_startup (GApplication *app)
{
  SamApplication *self = SAM_APPLICATION (app);
  g_autoptr(GAction) style_action = NULL;
  g_autoptr(GAction) sound_action = NULL;

  G_APPLICATION_CLASS (sam_application_parent_class)->startup (app);
  read_icon_theme_soon ();

  if (g_get_application_name () == NULL)
    g_set_application_name (_("Samenspel"));
  gtk_window_set_default_icon_name (g_application_get_application_id (app));

  self->settings = g_settings_new ("io.github.samenspel.Samenspel");
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  style_action = g_settings_create_action (self->settings, "style-variant");
  g_action_map_add_action (G_ACTION_MAP (self), style_action);
  sound_action = g_settings_create_action (self->settings, "timer-sound");
  g_action_map_add_action (G_ACTION_MAP (self), sound_action);
  set_accels (GTK_APPLICATION (self));

  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (apply_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::text-scale",
                           G_CALLBACK (apply_text_scale), self, G_CONNECT_SWAPPED);
  apply_style (self);
  apply_text_scale (self);

  open_store (self);
}

static gboolean
load_page_styles_cb (gpointer user_data)
{
  SamApplication *self = user_data;

  self->pages_style_id = 0;
  sam_application_load_page_styles (self);
  return G_SOURCE_REMOVE;
}

/* Once the first window has drawn, the pages' style sheet is read while
 * the coach looks at the library. */
static void
first_frame_cb (GdkFrameClock  *clock,
                SamApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (self->pages_provider == NULL && self->pages_style_id == 0)
    self->pages_style_id = g_idle_add_full (G_PRIORITY_LOW, load_page_styles_cb, g_object_ref (self),
                                            g_object_unref);
}

static void
sam_application_window_added (GtkApplication *app,
                              GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (sam_application_parent_class)->window_added (app, window);

  /* The library alone does without the pages' styles for its first frame;
   * any other window (a team's, a dialog) has them from its first. */
  if (!SAM_IS_WINDOW (window))
    sam_application_load_page_styles (SAM_APPLICATION (app));
}

static void
sam_application_activate (GApplication *app)
{
  SamApplication *self = SAM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  SamWorkshop *team_mode = self->store != NULL ? sam_store_find_team_mode (self->store) : NULL;

  /* A team's laptop comes back to the team's window after a restart. */
  if (window == NULL && team_mode != NULL)
    window = GTK_WINDOW (sam_team_window_new (self, team_mode));
  if (window == NULL)
    {
      window = GTK_WINDOW (sam_window_new (self));
      gtk_window_present (window);
      if (self->pages_provider == NULL && gtk_widget_get_frame_clock (GTK_WIDGET (window)) != NULL)
        g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                                 G_CALLBACK (first_frame_cb), self, 0);
      if (self->store != NULL)
        _sam_window_offer_past_packets (SAM_WINDOW (window));
      return;
    }

  gtk_window_present (window);
}

/* `samenspel FILE.samenspel`, or a double click on a workshop file: a whole
 * workshop is imported as a new one, a team packet opened, a team's
 * contribution shown for merging (see sam_window_open_file()). */
static void
sam_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtkWindow *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (SAM_IS_TEAM_WINDOW (window))
    {
      /* Team mode: no other workshop, no merge, until the coach leaves it;
       * only a newer packet of the coach's for this team is followed. */
      for (int i = 0; i < n_files; i++)
        sam_team_window_open_file (SAM_TEAM_WINDOW (window), files[i]);
      return;
    }
  g_return_if_fail (SAM_IS_WINDOW (window));

  for (int i = 0; i < n_files; i++)
    sam_window_open_file (SAM_WINDOW (window), files[i]);
}

static void
sam_application_shutdown (GApplication *app)
{
  SamApplication *self = SAM_APPLICATION (app);

  g_clear_handle_id (&self->backup_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->start_check_id, g_source_remove);
  /* Closed before the backup at start was made: it is made now, once the
   * check has passed (sam_store_backup() waits for it). */
  if (self->store != NULL &&
      (self->start_pending || sam_store_get_n_changes (self->store) != self->backup_changes))
    backup_store (self);

  G_APPLICATION_CLASS (sam_application_parent_class)->shutdown (app);
}

static void
sam_application_dispose (GObject *object)
{
  SamApplication *self = (SamApplication *)object;

  g_clear_handle_id (&self->backup_id, g_source_remove);
  g_clear_handle_id (&self->start_check_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);
  if (self->zoom_provider != NULL && gdk_display_get_default () != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->zoom_provider));
  g_clear_object (&self->zoom_provider);
  g_clear_handle_id (&self->pages_style_id, g_source_remove);
  if (self->pages_provider != NULL && gdk_display_get_default () != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->pages_provider));
  g_clear_object (&self->pages_provider);

  G_OBJECT_CLASS (sam_application_parent_class)->dispose (object);
}

void samenspel_register_resource (void);
void samenspel_style_register_resource (void);

static void
sam_application_class_init (SamApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = sam_application_dispose;
  gtk_app_class->window_added = sam_application_window_added;
  app_class->startup = sam_application_startup;
  app_class->activate = sam_application_activate;
  app_class->shutdown = sam_application_shutdown;
  app_class->open = sam_application_open;

  /* The resources live in a static library, so they are registered by hand
   * rather than by a constructor the linker might drop. */
  samenspel_register_resource ();
  samenspel_style_register_resource ();
}

static void
sam_application_init (SamApplication *self)
{
}

/**
 * sam_application_load_page_styles:
 * @self: a #SamApplication
 *
 * Adds the style sheet of the workshop pages, the team's window and the
 * projector (style-pages.css) to the display, if it is not there yet.
 * Called before such a page is made; the library's window draws its first
 * frame without it.
 */
void
sam_application_load_page_styles (SamApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_return_if_fail (SAM_IS_APPLICATION (self));

  if (self->pages_provider != NULL || display == NULL)
    return;

  g_clear_handle_id (&self->pages_style_id, g_source_remove);
  self->pages_provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->pages_provider, RESOURCE_PATH "/style-pages.css");
  /* As style.css, which libadwaita added before: on a tie, these win. */
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->pages_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/**
 * sam_application_restore_backup:
 * @self: a #SamApplication whose database could not be opened
 * @backup: a file from sam_store_list_backups()
 * @error: return location for a #GError
 *
 * Puts @backup in place of the damaged database (which is kept aside) and
 * opens it.
 *
 * Returns: %TRUE when the restored database is open
 */
gboolean
sam_application_restore_backup (SamApplication  *self,
                                const char      *backup,
                                GError         **error)
{
  g_autofree char *path = sam_store_dup_default_path ();

  g_return_val_if_fail (SAM_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->store == NULL, FALSE);

  if (!sam_store_restore_backup (path, backup, error))
    return FALSE;

  g_clear_error (&self->store_error);
  open_store (self);
  if (self->store == NULL)
    {
      g_propagate_error (error, g_error_copy (self->store_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_application_get_store:
 * @self: a #SamApplication
 *
 * Returns: (transfer none) (nullable): the open database, or %NULL when it
 *   could not be opened (see sam_application_get_store_error())
 */
SamStore *
sam_application_get_store (SamApplication *self)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * sam_application_get_store_error:
 * @self: a #SamApplication
 *
 * Returns: (transfer none) (nullable): why the database could not be opened
 */
const GError *
sam_application_get_store_error (SamApplication *self)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);
  return self->store_error;
}

GSettings *
sam_application_get_settings (SamApplication *self)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);
  return self->settings;
}
