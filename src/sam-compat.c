/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-compat.h"

static const char *developers[] = { "Samenspel developers", NULL };

/**
 * sam_compat_show_about:
 * @parent: the window to show it over
 * @application_id: the icon and ID to show
 * @version: the version to show
 *
 * Shows the About window: AdwAboutDialog where libadwaita has it (1.5),
 * AdwAboutWindow otherwise.
 */
void
sam_compat_show_about (GtkWindow  *parent,
                       const char *application_id,
                       const char *version)
{
  /* Translators: shown in the About window; the method's licence asks to
   * name its author and licence. */
  const char *method = _("Samenspel follows the C²RM workshop method of A-Switch, "
                         "used under the Creative Commons Attribution 4.0 licence (CC BY 4.0).");

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();

  adw_about_dialog_set_application_name (ADW_ABOUT_DIALOG (about), _("Samenspel"));
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (about), application_id);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (about), version);
  adw_about_dialog_set_developer_name (ADW_ABOUT_DIALOG (about), _("Samenspel developers"));
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (about), developers);
  adw_about_dialog_set_license_type (ADW_ABOUT_DIALOG (about), GTK_LICENSE_GPL_3_0);
  adw_about_dialog_set_website (ADW_ABOUT_DIALOG (about), "https://github.com/samenspel/samenspel");
  adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (about), method);
  adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (about), _("Workshop method"),
                                      "© A-Switch", GTK_LICENSE_CUSTOM,
                                      _("The C²RM method is licensed under CC BY 4.0: "
                                        "https://creativecommons.org/licenses/by/4.0/"));
  /* Translators: replace with your names, one per line */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (about), _("translator-credits"));
  adw_dialog_present (about, GTK_WIDGET (parent));
#else
  GtkWidget *about = adw_about_window_new ();

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Samenspel"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), application_id);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), version);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("Samenspel developers"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), "https://github.com/samenspel/samenspel");
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about), method);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Workshop method"),
                                      "© A-Switch", GTK_LICENSE_CUSTOM,
                                      _("The C²RM method is licensed under CC BY 4.0: "
                                        "https://creativecommons.org/licenses/by/4.0/"));
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

/* File dialogs: GtkFileDialog from GTK 4.10, GtkFileChooserNative before.
 * Both report "the coach closed the dialog" as G_IO_ERROR_CANCELLED. */

#if !GTK_CHECK_VERSION (4, 10, 0)
static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No file was chosen"));

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
run_native (GtkWindow            *parent,
            GtkFileChooserAction  action,
            const char           *title,
            const char           *accept,
            const char           *initial_name,
            GListModel           *filters,
            GTask                *task)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
  for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
#else
static void
dialog_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file;

  if (g_task_get_source_tag (task) == sam_compat_open_file_async)
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  else
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);

  if (file == NULL)
    {
      if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
          g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen"));
        }
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, file, g_object_unref);
}

static GtkFileDialog *
file_dialog_new (const char *title,
                 GListModel *filters)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (filters != NULL && g_list_model_get_n_items (filters) > 0)
    {
      g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

      gtk_file_dialog_set_filters (dialog, filters);
      gtk_file_dialog_set_default_filter (dialog, first);
    }

  return dialog;
}
#endif

/**
 * sam_compat_open_file_async:
 * @parent: the window the dialog belongs to
 * @title: the dialog's title
 * @filters: (nullable): a list of #GtkFileFilter; the first is the default
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the chosen file
 * @user_data: data for @callback
 *
 * Asks for a file to open.
 */
void
sam_compat_open_file_async (GtkWindow           *parent,
                            const char          *title,
                            GListModel          *filters,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, sam_compat_open_file_async);
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = file_dialog_new (title, filters);

    gtk_file_dialog_open (dialog, parent, cancellable, dialog_done_cb, task);
  }
#else
  run_native (parent, GTK_FILE_CHOOSER_ACTION_OPEN, title, _("_Open"), NULL, filters, task);
#endif
}

/**
 * sam_compat_open_file_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   dialog was closed without a choice
 *
 * Returns: (transfer full) (nullable): the chosen file
 */
GFile *
sam_compat_open_file_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sam_compat_save_file_async:
 * @parent: the window the dialog belongs to
 * @title: the dialog's title
 * @initial_name: (nullable): the file name to suggest
 * @filters: (nullable): a list of #GtkFileFilter; the first is the default
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the chosen file
 * @user_data: data for @callback
 *
 * Asks where to save a file.
 */
void
sam_compat_save_file_async (GtkWindow           *parent,
                            const char          *title,
                            const char          *initial_name,
                            GListModel          *filters,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, sam_compat_save_file_async);
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = file_dialog_new (title, filters);

    gtk_file_dialog_set_initial_name (dialog, initial_name);
    gtk_file_dialog_save (dialog, parent, cancellable, dialog_done_cb, task);
  }
#else
  run_native (parent, GTK_FILE_CHOOSER_ACTION_SAVE, title, _("_Save"), initial_name, filters, task);
#endif
}

/**
 * sam_compat_save_file_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   dialog was closed without a choice
 *
 * Returns: (transfer full) (nullable): where to save
 */
GFile *
sam_compat_save_file_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sam_compat_file_filters_new:
 * @name: what the files are, e.g. “Workshop files”
 * @mime_type: (nullable): their MIME type
 * @pattern: (nullable): a glob such as `*.samenspel`
 *
 * Returns: (transfer full): a list with that one #GtkFileFilter, for the
 *   file dialogs above
 */
GListModel *
sam_compat_file_filters_new (const char *name,
                             const char *mime_type,
                             const char *pattern)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  g_list_store_append (filters, filter);

  return G_LIST_MODEL (filters);
}
