/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-catalog.h"
#include "sam-compat.h"
#include "sam-decide-common.h"
#include "sam-error.h"
#include "sam-layout-probe.h"
#include "sam-library-page.h"
#include "sam-memory.h"
#include "sam-presenter.h"
#include "sam-reveal.h"
#include "sam-step-view.h"
#include "sam-window-private.h"
#include "sam-workshop-view.h"

struct _SamWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  SamLibraryPage *library_page;
  SamWorkshopView *workshop_view;
  AdwStatusPage *error_page;   /* made when first shown */
  GtkButton *restore_button;

  /* the newest backup, offered when the database is damaged */
  char *backup;

  GSettings *settings;
  SamStore *store;

  AdwToast *undo_toast;
  gint64 undo_batch;

  /* Full screen asked for: projected from then on, even before (or
   * without) a window manager that grants it. */
  gboolean projecting;

  /* opening a workshop: its pages pass by before the one it returns to */
  gboolean returning;

  /* the error dialog on screen, if any (a weak pointer) */
  GtkWidget *error_dialog;

  /* the projector view and its actions (sam-presenter.c) */
  SamPresenter *presenter;
};

G_DEFINE_FINAL_TYPE (SamWindow, sam_window, ADW_TYPE_APPLICATION_WINDOW)

/* A damaged database is not a dead end: the newest backup is offered,
 * named by its time, so the coach knows what will come back. */
static void
offer_backup (SamWindow    *self,
              const GError *error)
{
  g_autofree char *path = sam_store_dup_default_path ();
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *when = NULL;
  g_autofree char *label = NULL;

  g_clear_pointer (&self->backup, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), FALSE);
  if (!g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT))
    return;

  backups = sam_store_list_backups (path);
  if (backups->len == 0 || (time = sam_store_dup_backup_time (g_ptr_array_index (backups, 0))) == NULL)
    return;

  /* Translators: %s is a date and time, e.g. "05-12-2026 09:40" */
  when = g_date_time_format (time, _("%x %H:%M"));
  label = g_strdup_printf (_("_Restore from the Backup of %s"), when);
  gtk_button_set_label (self->restore_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), TRUE);
  self->backup = g_strdup (g_ptr_array_index (backups, 0));
}

static void
show_store_error (SamWindow    *self,
                  const GError *error)
{
  g_autofree char *title = sam_error_dup_title (error);
  g_autofree char *message = sam_error_dup_message (error);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (self->error_page == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/sam-window-error.ui");

      self->error_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "error_page"));
      self->restore_button = GTK_BUTTON (gtk_builder_get_object (builder, "restore_button"));
      gtk_stack_add_named (self->stack, GTK_WIDGET (gtk_builder_get_object (builder, "error_box")), "error");
    }

  /* The description is markup; a file path may hold '&'. */
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  offer_backup (self, error);
}

/* Where the coach is in the open workshop: "overview", "map", or the UUID
 * of the agenda step shown; NULL while none of it is shown. */
static const char *
current_place (SamWindow   *self,
               SamWorkshop *workshop)
{
  const char *page = sam_workshop_view_get_page (self->workshop_view);
  SamStep *step;

  if (g_strcmp0 (page, "step") != 0)
    return page;

  step = sam_workshop_view_get_step (self->workshop_view);
  if (step == NULL || sam_step_get_workshop_id (step) != sam_workshop_get_id (workshop))
    return NULL;
  return sam_step_get_uuid (step);
}

/* Where the coach was in each workshop (workshop UUID → place, see
 * current_place()), so reopening a workshop, or the app, returns there. */
static void
remember_place (SamWindow *self)
{
  SamWorkshop *workshop;
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder places;
  GVariantIter iter;
  const char *workshop_uuid, *place, *stored;

  /* The step view lets go of its step while the window goes, and opening
   * a workshop passes its first page before returning to the stored one. */
  if (self->workshop_view == NULL || self->settings == NULL || self->returning)
    return;

  workshop = sam_workshop_view_get_workshop (self->workshop_view);
  if (workshop == NULL || (place = current_place (self, workshop)) == NULL)
    return;

  old = g_settings_get_value (self->settings, "last-steps");
  if (g_variant_lookup (old, sam_workshop_get_uuid (workshop), "&s", &stored) &&
      g_strcmp0 (stored, place) == 0)
    return;

  g_variant_builder_init (&places, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &workshop_uuid, &stored))
    if (g_strcmp0 (workshop_uuid, sam_workshop_get_uuid (workshop)) != 0)
      g_variant_builder_add (&places, "{ss}", workshop_uuid, stored);
  g_variant_builder_add (&places, "{ss}", sam_workshop_get_uuid (workshop), place);
  g_settings_set_value (self->settings, "last-steps", g_variant_builder_end (&places));
}

static void
return_to_place (SamWindow   *self,
                 SamWorkshop *workshop)
{
  g_autoptr(GVariant) places = g_settings_get_value (self->settings, "last-steps");
  GListModel *agenda = sam_store_get_steps (self->store, workshop);
  const char *place = NULL;

  if (!g_variant_lookup (places, sam_workshop_get_uuid (workshop), "&s", &place))
    return;

  if (g_str_equal (place, "overview") || g_str_equal (place, "map"))
    {
      sam_workshop_view_show_page (self->workshop_view, place);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (agenda, i);

      if (g_strcmp0 (sam_step_get_uuid (step), place) == 0)
        {
          g_autofree char *page = g_strdup_printf ("step-%" G_GINT64_FORMAT, sam_step_get_id (step));

          sam_workshop_view_show_page (self->workshop_view, page);
          return;
        }
    }
}

static void
restore_last_workshop (SamWindow *self)
{
  g_autofree char *uuid = g_settings_get_string (self->settings, "last-workshop");
  SamWorkshop *workshop = sam_store_find_workshop (self->store, uuid);

  if (workshop != NULL)
    sam_window_open_workshop (self, workshop);
  else
    sam_window_show_library (self);
}

static void
setup (SamWindow      *self,
       SamApplication *app)
{
  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_object_ref (sam_application_get_settings (app));
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_GET);

  if (sam_application_get_store (app) == NULL)
    {
      show_store_error (self, sam_application_get_store_error (app));
      return;
    }

  self->store = g_object_ref (sam_application_get_store (app));
  sam_library_page_set_store (self->library_page, self->store);
  restore_last_workshop (self);
}

/* The workshop view is made when the first workshop opens: the library
 * is the start screen, and a window costs what it shows. */
static SamWorkshopView *
ensure_workshop_view (SamWindow *self)
{
  GtkWidget *view;

  if (self->workshop_view != NULL)
    return self->workshop_view;

  if (SAM_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    sam_application_load_page_styles (SAM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  view = g_object_new (SAM_TYPE_WORKSHOP_VIEW, NULL);
  g_set_weak_pointer (&self->workshop_view, SAM_WORKSHOP_VIEW (view));
  gtk_stack_add_named (self->stack, view, "workshop");
  if (self->store != NULL)
    sam_workshop_view_set_store (self->workshop_view, self->store);
  g_signal_connect_object (sam_workshop_view_get_step_view (self->workshop_view), "notify::step",
                           G_CALLBACK (remember_place), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workshop_view, "notify::page",
                           G_CALLBACK (remember_place), self, G_CONNECT_SWAPPED);
  return self->workshop_view;
}

/**
 * sam_window_new:
 * @application: the application
 *
 * Returns: (transfer full): a new window showing the workshop library, or
 *   the workshop that was open when the app was last closed
 */
SamWindow *
sam_window_new (SamApplication *application)
{
  SamWindow *self;

  g_return_val_if_fail (SAM_IS_APPLICATION (application), NULL);

  self = g_object_new (SAM_TYPE_WINDOW, "application", application, NULL);
  setup (self, application);

  return self;
}

static gboolean
sam_window_close_request (GtkWindow *window)
{
  SamWindow *self = SAM_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  /* The projector does not outlive its console. */
  sam_presenter_stop (self->presenter);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && !gtk_window_is_fullscreen (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  return GTK_WINDOW_CLASS (sam_window_parent_class)->close_request (window);
}

static void
sam_window_dispose (GObject *object)
{
  SamWindow *self = (SamWindow *)object;

  if (self->presenter != NULL)
    sam_presenter_stop (self->presenter);
  g_clear_object (&self->presenter);
  g_clear_weak_pointer (&self->error_dialog);
  g_clear_pointer (&self->backup, g_free);
  g_clear_object (&self->undo_toast);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_WINDOW);
  g_clear_weak_pointer (&self->workshop_view);

  G_OBJECT_CLASS (sam_window_parent_class)->dispose (object);
}

static void
undo_dismissed_cb (SamWindow *self,
                   AdwToast  *toast)
{
  /* Ctrl+Z still undoes the last delete after the toast has gone. */
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  gint64 batch = self->undo_batch;

  if (batch == 0 || self->store == NULL)
    return;

  self->undo_batch = 0;
  if (!sam_store_restore_trash (self->store, batch, &error))
    {
      sam_window_show_error (self, error);
      return;
    }

  /* The toast says so and loses its button rather than being dismissed:
   * libadwaita 1.2 can crash when a toast goes while it is still
   * animating in, as it is right after a quick delete. */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, _("Restored"));
      adw_toast_set_button_label (self->undo_toast, NULL);
    }
}

static void
new_workshop_response_cb (GtkWidget  *alert,
                          const char *response,
                          gpointer    user_data)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (alert), "entry");
  GtkDropDown *language = g_object_get_data (G_OBJECT (alert), "language");
  char **codes = g_object_get_data (G_OBJECT (alert), "codes");
  guint selected = gtk_drop_down_get_selected (language);

  if (g_strcmp0 (response, "create") != 0)
    return;

  /* The templates then write the agenda in the workshop's language. */
  if (selected < g_strv_length (codes))
    g_action_group_change_action_state (G_ACTION_GROUP (user_data), "template-language",
                                        g_variant_new_string (codes[selected]));
  gtk_widget_activate_action (GTK_WIDGET (user_data), "win.create-workshop", "s",
                              gtk_editable_get_text (entry));
}

/* "The workshop's language": the app's own or any other Samenspel speaks,
 * the last choice first. */
static GtkWidget *
workshop_language_new (SamWindow  *self,
                       GtkWidget  *alert)
{
  g_auto(GStrv) languages = sam_catalog_list_languages ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self), "template-language");
  g_auto(GStrv) name_list = NULL;
  GtkWidget *box, *label, *choice;
  guint selected = 0;

  g_strv_builder_add (codes, "");
  g_strv_builder_add (names, _("Same as the App"));
  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_equal (languages[i], g_variant_get_string (state, NULL)))
        selected = i + 1;
      g_strv_builder_add (codes, languages[i]);
      g_strv_builder_add (names, sam_catalog_get_language_name (languages[i]));
    }
  name_list = g_strv_builder_end (names);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Translators: in the New Workshop dialog, before a list of languages;
   * the ready-made agendas are written in the language chosen */
  label = gtk_label_new_with_mnemonic (_("_Language of the workshop"));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  choice = gtk_drop_down_new_from_strings ((const char * const *) name_list);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), selected);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), choice);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), choice);

  g_object_set_data (G_OBJECT (alert), "language", choice);
  g_object_set_data_full (G_OBJECT (alert), "codes", g_strv_builder_end (codes), (GDestroyNotify) g_strfreev);
  return box;
}

static void
name_entry_changed_cb (GtkEditable *entry,
                       GtkWidget   *alert)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response = g_object_get_data (G_OBJECT (alert), "response");

  sam_compat_alert_set_response_enabled (alert, response, *stripped != '\0');
}

/* A small dialog asking for one name; used to create and to rename.
 * @below, when given, sits under the name. */
static GtkWidget *
name_dialog_new (const char *heading,
                 const char *body,
                 const char *response,
                 const char *response_label,
                 const char *text,
                 GtkWidget  *(*below) (SamWindow *, GtkWidget *),
                 SamWindow  *window)
{
  GtkWidget *alert;
  GtkWidget *entry;

  alert = sam_compat_alert_new (heading, body);
  sam_compat_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_add_response (alert, response, response_label, ADW_RESPONSE_SUGGESTED);
  sam_compat_alert_set_default_response (alert, response);
  sam_compat_alert_set_close_response (alert, "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  if (below != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), below (window, alert));
      sam_compat_alert_set_extra_child (alert, box);
    }
  else
    sam_compat_alert_set_extra_child (alert, entry);

  g_object_set_data (G_OBJECT (alert), "entry", entry);
  g_object_set_data_full (G_OBJECT (alert), "response", g_strdup (response), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (name_entry_changed_cb), alert);
  name_entry_changed_cb (GTK_EDITABLE (entry), alert);

  return alert;
}

/* The backup takes the damaged database's place (which is kept aside) and a
 * fresh window opens on it. */
static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamApplication *app = SAM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;

  if (self->backup == NULL || app == NULL)
    return;

  if (!sam_application_restore_backup (app, self->backup, &error))
    {
      show_store_error (self, error);
      return;
    }

  gtk_window_present (GTK_WINDOW (sam_window_new (app)));
  gtk_window_close (GTK_WINDOW (self));
}

static void
new_workshop_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  GtkWidget *alert;

  if (self->store == NULL)
    return;

  alert = name_dialog_new (_("New Workshop"),
                           _("Give the workshop a name the room will recognise. "
                             "Teams and the agenda come next."),
                           "create", _("C_reate"), "", workshop_language_new, self);
  sam_compat_alert_present (alert, GTK_WIDGET (self), new_workshop_response_cb, self);
}

static void
create_workshop_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop;

  if (self->store == NULL)
    return;

  workshop = sam_store_create_workshop (self->store, g_variant_get_string (param, NULL), &error);
  if (workshop == NULL)
    {
      sam_window_show_error (self, error);
      return;
    }

  sam_window_open_workshop (self, workshop);
}

static SamWorkshop *
workshop_from_param (SamWindow *self,
                     GVariant  *param)
{
  const char *uuid = g_variant_get_string (param, NULL);

  if (self->store == NULL)
    return NULL;

  if (*uuid == '\0')
    return sam_window_get_workshop (self);

  return sam_store_find_workshop (self->store, uuid);
}

static void
open_workshop_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamWorkshop *workshop = workshop_from_param (self, param);

  if (workshop != NULL)
    sam_window_open_workshop (self, workshop);
}

static void
rename_response_cb (GtkWidget  *alert,
                    const char *response,
                    gpointer    user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  GtkEditable *entry = g_object_get_data (G_OBJECT (alert), "entry");
  SamWorkshop *workshop = g_object_get_data (G_OBJECT (alert), "workshop");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0)
    return;

  if (!sam_store_set_workshop_field (self->store, workshop, SAM_WORKSHOP_FIELD_NAME,
                                     gtk_editable_get_text (entry), &error))
    sam_window_show_error (self, error);
}

static void
rename_workshop_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamWorkshop *workshop = workshop_from_param (self, param);
  GtkWidget *alert;

  if (workshop == NULL)
    return;

  alert = name_dialog_new (_("Rename Workshop"), NULL, "rename", _("_Rename"),
                           sam_workshop_get_name (workshop), NULL, self);
  g_object_set_data_full (G_OBJECT (alert), "workshop", g_object_ref (workshop), g_object_unref);
  sam_compat_alert_present (alert, GTK_WIDGET (self), rename_response_cb, self);
}

static void
duplicate_workshop_action (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamWorkshop *workshop = workshop_from_param (self, param);
  g_autoptr(GError) error = NULL;
  SamWorkshop *copy;
  g_autofree char *message = NULL;

  if (workshop == NULL)
    return;

  copy = sam_store_duplicate_workshop (self->store, workshop, &error);
  if (copy == NULL)
    {
      sam_window_show_error (self, error);
      return;
    }

  message = g_strdup_printf (_("“%s” created"), sam_workshop_get_name (copy));
  sam_window_show_toast (self, message);
}

static void
trash_workshop (SamWindow   *self,
                SamWorkshop *workshop)
{
  g_autoptr(SamWorkshop) keep = g_object_ref (workshop);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 batch;

  if (workshop == sam_window_get_workshop (self))
    sam_window_show_library (self);

  if (!sam_store_trash_workshop (self->store, workshop, &batch, &error))
    {
      sam_window_show_error (self, error);
      return;
    }

  message = g_strdup_printf (_("“%s” deleted"), sam_workshop_get_name (workshop));
  sam_window_show_undo_toast (self, message, batch);
}

static void
delete_response_cb (GtkWidget  *alert,
                    const char *response,
                    gpointer    user_data)
{
  if (g_strcmp0 (response, "delete") == 0)
    trash_workshop (SAM_WINDOW (user_data), g_object_get_data (G_OBJECT (alert), "workshop"));
}

static void
delete_workshop_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamWorkshop *workshop = workshop_from_param (self, param);
  GtkWidget *alert;
  g_autofree char *heading = NULL;

  if (workshop == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), sam_workshop_get_name (workshop));
  alert = sam_compat_alert_new (heading,
                                _("The workshop, its teams and everything the "
                                  "room wrote down will be deleted. You can "
                                  "undo this right after."));
  sam_compat_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_add_response (alert, "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  sam_compat_alert_set_default_response (alert, "cancel");
  sam_compat_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "workshop", g_object_ref (workshop), g_object_unref);
  sam_compat_alert_present (alert, GTK_WIDGET (self), delete_response_cb, self);
}

/* Deletes without asking: for tests and scripts that drive the app, and for
 * the confirmation dialog itself. */
static void
trash_workshop_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamWorkshop *workshop = workshop_from_param (self, param);

  if (workshop != NULL)
    trash_workshop (self, workshop);
}

/* While a workshop is projected, the room sees the screen: the library
 * would show every client's workshop, so it waits until full screen ends. */
static gboolean
refuse_library_while_projecting (SamWindow *self)
{
  if (!(self->projecting || gtk_window_is_fullscreen (GTK_WINDOW (self))) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "workshop") != 0)
    return FALSE;

  sam_window_show_toast (self, _("Leave full screen (F11) to see all workshops"));
  return TRUE;
}

static void
show_library_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);

  if (!refuse_library_while_projecting (self))
    sam_window_show_library (self);
}

static void
search_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);

  if (refuse_library_while_projecting (self))
    return;

  sam_window_show_library (self);
  sam_library_page_start_search (self->library_page);
}

static void
add_team_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "workshop") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->workshop_view), "workshop.add-team-here", NULL);
}

static void
fullscreen_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);

  self->projecting = !(self->projecting || gtk_window_is_fullscreen (GTK_WINDOW (self)));
  if (self->projecting)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

/* Full screen also ends (or starts) through the window manager. */
static void
fullscreened_cb (SamWindow *self)
{
  self->projecting = gtk_window_is_fullscreen (GTK_WINDOW (self));
}

/* Our own action rather than GtkApplicationWindow's help overlay, which
 * GTK 4.18 deprecates with GtkShortcutsWindow: sam-compat picks the dialog. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  sam_compat_show_shortcuts (GTK_WINDOW (user_data));
}

static void
sam_window_class_init (SamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sam_window_dispose;
  window_class->close_request = sam_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, library_page);


  g_type_ensure (SAM_TYPE_LIBRARY_PAGE);
  g_type_ensure (SAM_TYPE_WORKSHOP_VIEW);
}

/* Window actions live in the window's action map, so that they are also
 * exported on D-Bus: scripts and the crash test drive the app through them. */
static const GActionEntry win_actions[] = {
  { "new-workshop", new_workshop_action },
  { "restore-backup", restore_backup_action },
  { "create-workshop", create_workshop_action, "s" },
  { "template-language", NULL, "s", "''", _sam_window_change_language },
  { "open-workshop", open_workshop_action, "s" },
  { "rename-workshop", rename_workshop_action, "s" },
  { "duplicate-workshop", duplicate_workshop_action, "s" },
  { "delete-workshop", delete_workshop_action, "s" },
  { "trash-workshop", trash_workshop_action, "s" },
  { "show-library", show_library_action },
  { "search", search_action },
  { "undo", undo_action },
  { "fullscreen", fullscreen_action },
  { "add-team", add_team_action },
  { "show-help-overlay", show_help_overlay_action },
};

static void
sam_window_init (SamWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  _sam_window_init_files (self);
  _sam_window_init_room (self);
  sam_decide_add_window_actions (self);
  sam_reveal_add_window_actions (self);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);
  self->presenter = sam_presenter_new (GTK_WINDOW (self));
  sam_layout_probe_attach (GTK_WINDOW (self));
}

/**
 * sam_window_get_store:
 * @self: a #SamWindow
 *
 * Returns: (transfer none) (nullable): the database the window shows
 */
SamStore *
sam_window_get_store (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * sam_window_get_workshop:
 * @self: a #SamWindow
 *
 * Returns: (transfer none) (nullable): the open workshop, if any
 */
SamWorkshop *
sam_window_get_workshop (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  if (self->workshop_view == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "workshop") != 0)
    return NULL;

  return sam_workshop_view_get_workshop (self->workshop_view);
}

/**
 * sam_window_get_workshop_view:
 * @self: a #SamWindow
 *
 * Returns: (transfer none): the #SamWorkshopView, whose `workshop.*` actions
 *   edit the open workshop
 */
GtkWidget *
sam_window_get_workshop_view (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (ensure_workshop_view (self));
}

/**
 * sam_window_get_visible_page:
 * @self: a #SamWindow
 *
 * Returns: what the window shows: "library", "workshop", or "error" when the
 *   database could not be opened
 */
const char *
sam_window_get_visible_page (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sam_window_open_workshop:
 * @self: a #SamWindow
 * @workshop: the workshop to show
 *
 * Shows @workshop and remembers it for the next start.
 */
void
sam_window_open_workshop (SamWindow   *self,
                          SamWorkshop *workshop)
{
  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (SAM_IS_WORKSHOP (workshop));

  self->returning = TRUE;
  sam_workshop_view_set_workshop (ensure_workshop_view (self), workshop);
  return_to_place (self, workshop);
  self->returning = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "workshop");
  sam_presenter_workshop_changed (self->presenter);
  gtk_window_set_title (GTK_WINDOW (self), sam_workshop_get_name (workshop));
  g_settings_set_string (self->settings, "last-workshop", sam_workshop_get_uuid (workshop));
  sam_memory_release_later ();
}

/**
 * sam_window_show_library:
 * @self: a #SamWindow
 *
 * Closes the open workshop, if any, and shows the list of workshops.
 */
void
sam_window_show_library (SamWindow *self)
{
  g_return_if_fail (SAM_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  if (self->workshop_view != NULL)
    sam_workshop_view_set_workshop (self->workshop_view, NULL);
  sam_library_page_refresh (self->library_page);
  gtk_stack_set_visible_child_name (self->stack, "library");
  sam_presenter_workshop_changed (self->presenter);
  gtk_window_set_title (GTK_WINDOW (self), _("Samenspel"));
  g_settings_set_string (self->settings, "last-workshop", "");
  sam_memory_release_later ();
}

void
sam_window_show_toast (SamWindow  *self,
                       const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (SAM_IS_WINDOW (self));

  /* Toast titles are markup; workshop and team names are not. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/**
 * sam_window_show_undo_toast:
 * @self: a #SamWindow
 * @message: what was deleted
 * @batch: the trash batch that Undo restores
 *
 * Shows a toast with an Undo button; Ctrl+Z does the same while it shows.
 */
void
sam_window_show_undo_toast (SamWindow  *self,
                            const char *message,
                            gint64      batch)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (SAM_IS_WINDOW (self));

  escaped = g_markup_escape_text (message, -1);
  self->undo_batch = batch;

  /* One undo toast at a time, updated in place (see undo_action()). */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, escaped);
      adw_toast_set_button_label (self->undo_toast, _("_Undo"));
      return;
    }

  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_dismissed_cb), self, G_CONNECT_SWAPPED);

  self->undo_toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * sam_window_show_action_toast:
 * @self: a #SamWindow
 * @message: what was done
 * @button_label: the label of the toast's button, with a mnemonic
 * @action_name: the action the button activates, e.g. "win.reveal-step"
 * @target: (nullable): the action's parameter (a floating reference is sunk)
 *
 * Shows a toast whose button does the opposite of what was just done.
 */
void
sam_window_show_action_toast (SamWindow  *self,
                              const char *message,
                              const char *button_label,
                              const char *action_name,
                              GVariant   *target)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (SAM_IS_WINDOW (self));

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  if (target != NULL)
    adw_toast_set_action_target_value (toast, target);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Answered, the error dialog is done with at once: on libadwaita 1.5 and
 * later it lives on through its closing animation, and a failure in that
 * moment would otherwise only update a dialog that is going away. */
static void
error_dialog_answered_cb (GtkWidget  *alert,
                          const char *response,
                          gpointer    user_data)
{
  SamWindow *self = user_data;

  if (self->error_dialog == alert)
    {
      g_object_remove_weak_pointer (G_OBJECT (alert), (gpointer *) &self->error_dialog);
      self->error_dialog = NULL;
    }
}

/**
 * sam_window_show_error:
 * @self: a #SamWindow
 * @error: what went wrong
 *
 * Tells the coach in plain words; a rejected entry is shown briefly, other
 * failures in a dialog that stays until read.
 */
void
sam_window_show_error (SamWindow    *self,
                       const GError *error)
{
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  GtkWidget *alert;

  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  message = sam_error_dup_message (error);
  if (g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID))
    {
      sam_window_show_toast (self, message);
      return;
    }

  /* Failures that follow one another (a locked database) update the
   * dialog on screen rather than pile up behind it. */
  title = sam_error_dup_title (error);
  if (self->error_dialog != NULL)
    {
      sam_compat_alert_set_text (self->error_dialog, title, message);
      return;
    }

  alert = sam_compat_alert_new (title, message);
  sam_compat_alert_add_response (alert, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  self->error_dialog = alert;
  g_object_add_weak_pointer (G_OBJECT (alert), (gpointer *) &self->error_dialog);
  sam_compat_alert_present (alert, GTK_WIDGET (self), error_dialog_answered_cb, self);
}

/**
 * sam_window_get_presenter:
 * @self: a #SamWindow
 *
 * Returns: (transfer none) (type SamPresenter): what shows the projector
 *   view from this window
 */
gpointer
sam_window_get_presenter (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);
  return self->presenter;
}
