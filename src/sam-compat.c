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

/* Alerts: AdwAlertDialog from libadwaita 1.5, AdwMessageDialog before.
 * Both are a GtkWidget here; the callback runs once, for the first
 * response (a button, or the close response when the dialog is closed). */

#if ADW_CHECK_VERSION (1, 5, 0)
# define ALERT(w) ADW_ALERT_DIALOG (w)
#else
# define ALERT(w) ADW_MESSAGE_DIALOG (w)
#endif

/**
 * sam_compat_alert_new:
 * @heading: the question or what happened, in title case
 * @body: (nullable): the explanation
 *
 * Returns: (transfer floating): a new alert without responses; add them,
 *   then show it with sam_compat_alert_present()
 */
GtkWidget *
sam_compat_alert_new (const char *heading,
                      const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  /* The parent is set when the alert is presented. */
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

/**
 * sam_compat_alert_add_response:
 * @alert: an alert from sam_compat_alert_new()
 * @id: the response ID given to the callback
 * @label: the button label, with a mnemonic
 * @appearance: %ADW_RESPONSE_SUGGESTED, %ADW_RESPONSE_DESTRUCTIVE or
 *   %ADW_RESPONSE_DEFAULT
 *
 * Adds a button; buttons appear in the order they are added.
 */
void
sam_compat_alert_add_response (GtkWidget             *alert,
                               const char            *id,
                               const char            *label,
                               AdwResponseAppearance  appearance)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_alert_dialog_add_response (ALERT (alert), id, label);
  adw_alert_dialog_set_response_appearance (ALERT (alert), id, appearance);
#else
  adw_message_dialog_add_response (ALERT (alert), id, label);
  adw_message_dialog_set_response_appearance (ALERT (alert), id, appearance);
#endif
}

/**
 * sam_compat_alert_set_default_response:
 * @alert: an alert
 * @id: the response that Enter chooses
 */
void
sam_compat_alert_set_default_response (GtkWidget  *alert,
                                       const char *id)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_alert_dialog_set_default_response (ALERT (alert), id);
#else
  adw_message_dialog_set_default_response (ALERT (alert), id);
#endif
}

/**
 * sam_compat_alert_set_close_response:
 * @alert: an alert
 * @id: the response given when the alert is closed without a button
 *   (Escape); "close" when not set
 */
void
sam_compat_alert_set_close_response (GtkWidget  *alert,
                                     const char *id)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_alert_dialog_set_close_response (ALERT (alert), id);
#else
  adw_message_dialog_set_close_response (ALERT (alert), id);
#endif
}

/**
 * sam_compat_alert_set_response_enabled:
 * @alert: an alert
 * @id: a response of @alert
 * @enabled: whether its button can be pressed
 */
void
sam_compat_alert_set_response_enabled (GtkWidget  *alert,
                                       const char *id,
                                       gboolean    enabled)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_alert_dialog_set_response_enabled (ALERT (alert), id, enabled);
#else
  adw_message_dialog_set_response_enabled (ALERT (alert), id, enabled);
#endif
}

/**
 * sam_compat_alert_get_response_enabled:
 * @alert: an alert
 * @id: a response of @alert
 *
 * Returns: whether its button can be pressed
 */
gboolean
sam_compat_alert_get_response_enabled (GtkWidget  *alert,
                                       const char *id)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_get_response_enabled (ALERT (alert), id);
#else
  return adw_message_dialog_get_response_enabled (ALERT (alert), id);
#endif
}

/**
 * sam_compat_alert_set_extra_child:
 * @alert: an alert
 * @child: (nullable): a widget shown below the body, such as an entry
 */
void
sam_compat_alert_set_extra_child (GtkWidget *alert,
                                  GtkWidget *child)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_alert_dialog_set_extra_child (ALERT (alert), child);
#else
  adw_message_dialog_set_extra_child (ALERT (alert), child);
#endif
}

/**
 * sam_compat_alert_get_extra_child:
 * @alert: an alert
 *
 * Returns: (transfer none) (nullable): the widget below the body
 */
GtkWidget *
sam_compat_alert_get_extra_child (GtkWidget *alert)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_get_extra_child (ALERT (alert));
#else
  return adw_message_dialog_get_extra_child (ALERT (alert));
#endif
}

/**
 * sam_compat_alert_get_heading:
 * @alert: an alert
 *
 * Returns: its heading
 */
const char *
sam_compat_alert_get_heading (GtkWidget *alert)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_get_heading (ALERT (alert));
#else
  return adw_message_dialog_get_heading (ALERT (alert));
#endif
}

/**
 * sam_compat_alert_set_text:
 * @alert: an alert
 * @heading: its new heading
 * @body: (nullable): its new body text
 *
 * Changes what an alert says, also while it is shown.
 */
void
sam_compat_alert_set_text (GtkWidget  *alert,
                           const char *heading,
                           const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_alert_dialog_set_heading (ALERT (alert), heading);
  adw_alert_dialog_set_body (ALERT (alert), body != NULL ? body : "");
#else
  adw_message_dialog_set_heading (ALERT (alert), heading);
  adw_message_dialog_set_body (ALERT (alert), body != NULL ? body : "");
#endif
}

/**
 * sam_compat_alert_get_body:
 * @alert: an alert
 *
 * Returns: its body text
 */
const char *
sam_compat_alert_get_body (GtkWidget *alert)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_get_body (ALERT (alert));
#else
  return adw_message_dialog_get_body (ALERT (alert));
#endif
}

/* Every presented alert that is not answered yet, newest first: tests
 * find the open one here, be it a window (AdwMessageDialog) or a
 * widget inside the parent window (AdwAlertDialog). */
static GList *open_alerts;

typedef struct
{
  SamCompatAlertFunc callback;
  GWeakRef           owner;
  gboolean           has_owner;
} AlertReply;

static void
alert_reply_free (gpointer  data,
                  GClosure *closure)
{
  AlertReply *reply = data;

  g_weak_ref_clear (&reply->owner);
  g_free (reply);
}

static void
alert_finalized_cb (gpointer  data,
                    GObject  *where_the_alert_was)
{
  open_alerts = g_list_remove (open_alerts, where_the_alert_was);
}

static void
alert_response_cb (GtkWidget  *alert,
                   const char *response,
                   AlertReply *reply)
{
  g_autoptr(GObject) owner = NULL;

  /* Closing after a button gives the close response too: only the first
   * response counts. */
  if (g_list_find (open_alerts, alert) == NULL)
    return;

  open_alerts = g_list_remove (open_alerts, alert);
  g_object_weak_unref (G_OBJECT (alert), alert_finalized_cb, NULL);

  owner = g_weak_ref_get (&reply->owner);
  if (reply->callback != NULL && (owner != NULL || !reply->has_owner))
    reply->callback (alert, response, owner);
}

/**
 * sam_compat_alert_present:
 * @alert: (transfer floating): an alert from sam_compat_alert_new()
 * @parent: (nullable): a widget in the window the alert belongs to
 * @callback: (nullable): called once with the chosen response
 * @owner: (nullable) (type GObject): given to @callback as user data; when
 *   it is finalized before the answer, @callback is not called
 *
 * Shows the alert, modal to @parent's window.
 */
void
sam_compat_alert_present (GtkWidget          *alert,
                          GtkWidget          *parent,
                          SamCompatAlertFunc  callback,
                          gpointer            owner)
{
  AlertReply *reply;

  g_return_if_fail (GTK_IS_WIDGET (alert));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

  reply = g_new0 (AlertReply, 1);
  reply->callback = callback;
  reply->has_owner = owner != NULL;
  g_weak_ref_init (&reply->owner, owner);
  g_signal_connect_data (alert, "response", G_CALLBACK (alert_response_cb), reply, alert_reply_free, 0);
  open_alerts = g_list_prepend (open_alerts, alert);
  g_object_weak_ref (G_OBJECT (alert), alert_finalized_cb, NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (alert), parent);
#else
  {
    GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

    if (GTK_IS_WINDOW (root))
      gtk_window_set_transient_for (GTK_WINDOW (alert), GTK_WINDOW (root));
    gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
    gtk_window_present (GTK_WINDOW (alert));
  }
#endif
}

/**
 * sam_compat_alert_respond:
 * @alert: a presented alert
 * @response: one of its responses
 *
 * Answers as a press on the response's button does: the callback runs
 * with @response and the alert closes. Used when Enter in an entry of
 * the alert means "go", and by tests.
 *
 * Returns: %TRUE when answered; %FALSE when the response is disabled or
 *   the alert was answered already
 */
gboolean
sam_compat_alert_respond (GtkWidget  *alert,
                          const char *response)
{
  g_autoptr(GtkWidget) keep = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (alert), FALSE);
  g_return_val_if_fail (response != NULL, FALSE);

  if (g_list_find (open_alerts, alert) == NULL ||
      !sam_compat_alert_get_response_enabled (alert, response))
    return FALSE;

  keep = g_object_ref (alert);
#if ADW_CHECK_VERSION (1, 5, 0)
  g_signal_emit (alert, g_signal_lookup ("response", ADW_TYPE_ALERT_DIALOG),
                 g_quark_from_string (response), response);
  adw_dialog_close (ADW_DIALOG (alert));
#else
  adw_message_dialog_response (ALERT (alert), response);
  gtk_window_close (GTK_WINDOW (alert));
#endif

  return TRUE;
}

/**
 * sam_compat_alert_find_open:
 *
 * Returns: (transfer none) (nullable): the alert presented last that is
 *   still waiting for an answer
 */
GtkWidget *
sam_compat_alert_find_open (void)
{
  return open_alerts != NULL ? open_alerts->data : NULL;
}

/**
 * sam_compat_css_provider_load_string:
 * @provider: a CSS provider
 * @css: the style sheet, NUL-terminated
 *
 * GTK 4.12 deprecated gtk_css_provider_load_from_data() for
 * gtk_css_provider_load_from_string().
 */
void
sam_compat_css_provider_load_string (GtkCssProvider *provider,
                                     const char     *css)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (provider, css);
#else
  gtk_css_provider_load_from_data (provider, css, -1);
#endif
}

/**
 * sam_compat_calendar_set_date:
 * @calendar: a calendar
 * @date: the day to select and show
 *
 * GTK 4.20 deprecated gtk_calendar_select_day() for gtk_calendar_set_date().
 */
void
sam_compat_calendar_set_date (GtkCalendar *calendar,
                              GDateTime   *date)
{
#if GTK_CHECK_VERSION (4, 20, 0)
  gtk_calendar_set_date (calendar, date);
#else
  gtk_calendar_select_day (calendar, date);
#endif
}

/**
 * sam_compat_expander_row_add_suffix:
 * @row: an expander row
 * @widget: a widget for the end of its header, before the arrow
 *
 * Libadwaita 1.4 renamed adw_expander_row_add_action() to add_suffix().
 */
void
sam_compat_expander_row_add_suffix (AdwExpanderRow *row,
                                    GtkWidget      *widget)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_expander_row_add_suffix (row, widget);
#else
  adw_expander_row_add_action (row, widget);
#endif
}

/* Shortcuts: one list, ui/help-overlay.ui. Below libadwaita 1.8 GtkBuilder
 * makes the GtkShortcutsWindow it describes; from 1.8 the same file is read
 * here and becomes an AdwShortcutsDialog, so the file is never handed to a
 * GtkBuilder that would make the deprecated window. */

#define SHORTCUTS_RESOURCE RESOURCE_PATH "/help-overlay.ui"

typedef struct
{
  char *group;
  char *title;
  char *subtitle;
  char *accelerator;
  char *action_name;
} ShortcutData;

typedef struct
{
  GPtrArray *shortcuts;  /* of ShortcutData */
  GPtrArray *classes;    /* class names of the open <object> elements */
  char      *group;      /* title of the current GtkShortcutsGroup */
  char      *property;   /* name of the open <property>, or NULL */
  char      *context;
  gboolean   translatable;
  GString   *text;
} ShortcutsParser;

static void
shortcut_data_free (gpointer data)
{
  ShortcutData *shortcut = data;

  g_free (shortcut->group);
  g_free (shortcut->title);
  g_free (shortcut->subtitle);
  g_free (shortcut->accelerator);
  g_free (shortcut->action_name);
  g_free (shortcut);
}

static void
replace_str (char       **str,
             const char  *value)
{
  g_free (*str);
  *str = g_strdup (value);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static const char *
parser_current_class (ShortcutsParser *parser)
{
  if (parser->classes->len == 0)
    return "";
  return g_ptr_array_index (parser->classes, parser->classes->len - 1);
}

static void
shortcuts_start_element (GMarkupParseContext  *context,
                         const char           *element,
                         const char          **names,
                         const char          **values,
                         gpointer              user_data,
                         GError              **error)
{
  ShortcutsParser *parser = user_data;
  const char *class = NULL, *name = NULL, *translatable = NULL, *msg_context = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "class"))
        class = values[i];
      else if (g_str_equal (names[i], "name"))
        name = values[i];
      else if (g_str_equal (names[i], "translatable"))
        translatable = values[i];
      else if (g_str_equal (names[i], "context"))
        msg_context = values[i];
    }

  if (g_str_equal (element, "object"))
    {
      g_ptr_array_add (parser->classes, g_strdup (class != NULL ? class : ""));
      if (g_strcmp0 (class, "GtkShortcutsShortcut") == 0)
        {
          ShortcutData *shortcut = g_new0 (ShortcutData, 1);

          shortcut->group = g_strdup (parser->group);
          g_ptr_array_add (parser->shortcuts, shortcut);
        }
    }
  else if (g_str_equal (element, "property") && name != NULL)
    {
      g_free (parser->property);
      g_free (parser->context);
      parser->property = g_strdup (name);
      parser->context = g_strdup (msg_context);
      parser->translatable = translatable != NULL &&
                             (g_str_equal (translatable, "yes") || g_str_equal (translatable, "true"));
      g_string_truncate (parser->text, 0);
    }
}

static void
shortcuts_text (GMarkupParseContext  *context,
                const char           *text,
                gsize                 length,
                gpointer              user_data,
                GError              **error)
{
  ShortcutsParser *parser = user_data;

  if (parser->property != NULL)
    g_string_append_len (parser->text, text, length);
}

static void
shortcuts_set_property (ShortcutsParser *parser,
                        const char      *value)
{
  const char *class = parser_current_class (parser);
  ShortcutData *shortcut;

  if (g_str_equal (class, "GtkShortcutsGroup") && g_str_equal (parser->property, "title"))
    replace_str (&parser->group, value);

  if (!g_str_equal (class, "GtkShortcutsShortcut"))
    return;

  shortcut = g_ptr_array_index (parser->shortcuts, parser->shortcuts->len - 1);
  if (g_str_equal (parser->property, "title"))
    replace_str (&shortcut->title, value);
  else if (g_str_equal (parser->property, "subtitle"))
    replace_str (&shortcut->subtitle, value);
  else if (g_str_equal (parser->property, "accelerator"))
    replace_str (&shortcut->accelerator, value);
  else if (g_str_equal (parser->property, "action-name"))
    replace_str (&shortcut->action_name, value);
}

static void
shortcuts_end_element (GMarkupParseContext  *context,
                       const char           *element,
                       gpointer              user_data,
                       GError              **error)
{
  ShortcutsParser *parser = user_data;

  if (g_str_equal (element, "object") && parser->classes->len > 0)
    {
      g_ptr_array_set_size (parser->classes, parser->classes->len - 1);
    }
  else if (g_str_equal (element, "property") && parser->property != NULL)
    {
      const char *value = parser->text->str;

      /* As GtkBuilder translates: in the default domain, with the context. */
      if (parser->translatable)
        value = parser->context != NULL ? g_dpgettext2 (NULL, parser->context, value) : g_dgettext (NULL, value);
      shortcuts_set_property (parser, value);
      g_clear_pointer (&parser->property, g_free);
      g_clear_pointer (&parser->context, g_free);
    }
}

/* Returns: (transfer container): the shortcuts of help-overlay.ui in file
 * order, with their group's title, translated. */
static GPtrArray *
shortcuts_load (GError **error)
{
  static const GMarkupParser funcs = {
    shortcuts_start_element, shortcuts_end_element, shortcuts_text, NULL, NULL
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new_with_free_func (shortcut_data_free);
  ShortcutsParser parser = { shortcuts, classes, NULL, NULL, NULL, FALSE, text };
  gboolean ok;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (SHORTCUTS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&funcs, G_MARKUP_PREFIX_ERROR_POSITION, &parser, NULL);
  ok = g_markup_parse_context_parse (context, data, size, error) &&
       g_markup_parse_context_end_parse (context, error);
  g_free (parser.group);
  g_free (parser.property);
  g_free (parser.context);

  return ok ? g_steal_pointer (&shortcuts) : NULL;
}

static char *
shortcut_describe (const char *group,
                   const char *title,
                   const char *accelerator,
                   const char *action_name)
{
  /* An action's accelerator is the application's: compare the action. */
  if (action_name != NULL && *action_name != '\0')
    return g_strdup_printf ("%s: %s [%s]", group, title, action_name);
  return g_strdup_printf ("%s: %s <%s>", group, title, accelerator != NULL ? accelerator : "");
}

/**
 * sam_compat_shortcuts_list_file:
 * @error: return location for a #GError
 *
 * Lists the shortcuts in help-overlay.ui, for tests to compare with what
 * sam_compat_shortcuts_list_shown() reads from the window or dialog.
 *
 * Returns: (transfer full): "group: title [action]" or
 *   "group: title <accelerator>" per shortcut, sorted
 */
char **
sam_compat_shortcuts_list_file (GError **error)
{
  g_autoptr(GPtrArray) shortcuts = shortcuts_load (error);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  if (shortcuts == NULL)
    return NULL;

  for (guint i = 0; i < shortcuts->len; i++)
    {
      ShortcutData *s = g_ptr_array_index (shortcuts, i);

      g_autofree char *line = shortcut_describe (s->group, s->title, s->accelerator, s->action_name);

      g_strv_builder_add (lines, line);
    }

  result = g_strv_builder_end (lines);
  qsort (result, g_strv_length (result), sizeof (char *), compare_lines);
  return g_steal_pointer (&result);
}

#if ADW_CHECK_VERSION (1, 8, 0)
static AdwDialog *
shortcuts_dialog_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shortcuts = shortcuts_load (&error);
  GListStore *sections = g_list_store_new (ADW_TYPE_SHORTCUTS_SECTION);
  AdwDialog *dialog = adw_shortcuts_dialog_new ();
  AdwShortcutsSection *section = NULL;
  const char *group = NULL;

  /* The file is ours and compiled in: not reading it is a bug. */
  if (shortcuts == NULL)
    g_critical ("Cannot read the shortcuts: %s", error->message);

  for (guint i = 0; shortcuts != NULL && i < shortcuts->len; i++)
    {
      ShortcutData *s = g_ptr_array_index (shortcuts, i);
      AdwShortcutsItem *item;

      if (section == NULL || g_strcmp0 (group, s->group) != 0)
        {
          group = s->group;
          section = adw_shortcuts_section_new (group);
          g_list_store_append (sections, section);
          adw_shortcuts_dialog_add (ADW_SHORTCUTS_DIALOG (dialog), section);
        }

      if (s->action_name != NULL)
        item = adw_shortcuts_item_new_from_action (s->title, s->action_name);
      else
        item = adw_shortcuts_item_new (s->title, s->accelerator != NULL ? s->accelerator : "");
      if (s->subtitle != NULL)
        adw_shortcuts_item_set_subtitle (item, s->subtitle);
      adw_shortcuts_section_add (section, item);
    }

  /* The dialog keeps its sections private; tests read them here. */
  g_object_set_data_full (G_OBJECT (dialog), "sam-shortcuts-sections", sections, g_object_unref);
  return dialog;
}
#endif

#if !ADW_CHECK_VERSION (1, 8, 0)
/* What GtkApplicationWindow's help overlay does: a shortcut named by its
 * action shows the application's accelerators for it. */
static void
show_accelerators (GtkWidget      *widget,
                   GtkApplication *app)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action_name = NULL;

      g_object_get (widget, "action-name", &action_name, NULL);
      if (action_name != NULL && app != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action_name);
          g_autofree char *accelerator = g_strjoinv (" ", accels);

          g_object_set (widget, "accelerator", accelerator, NULL);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_accelerators (child, app);
}
#endif

/**
 * sam_compat_show_shortcuts:
 * @parent: the window to show them over
 *
 * Shows the keyboard shortcuts of ui/help-overlay.ui: AdwShortcutsDialog
 * where libadwaita has it (1.8), GtkShortcutsWindow otherwise.
 */
void
sam_compat_show_shortcuts (GtkWindow *parent)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));

#if ADW_CHECK_VERSION (1, 8, 0)
  adw_dialog_present (shortcuts_dialog_new (), GTK_WIDGET (parent));
#else
  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (SHORTCUTS_RESOURCE);
    GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

    show_accelerators (GTK_WIDGET (window), gtk_window_get_application (parent));
    gtk_window_set_transient_for (window, parent);
    gtk_window_present (window);
  }
#endif
}

#if !ADW_CHECK_VERSION (1, 8, 0)
/* @group is NULL outside a GtkShortcutsSection: the window's search page
 * holds copies of every shortcut. */
static void
list_shortcuts_window (GtkWidget    *widget,
                       const char   *group,
                       GStrvBuilder *lines)
{
  if (GTK_IS_SHORTCUTS_SECTION (widget))
    group = "";

  if (GTK_IS_SHORTCUTS_GROUP (widget) && group != NULL)
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        list_shortcuts_window (child, title, lines);
      return;
    }

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget) && group != NULL)
    {
      g_autofree char *title = NULL, *accelerator = NULL, *action_name = NULL, *line = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator, "action-name", &action_name, NULL);
      line = shortcut_describe (group, title, accelerator, action_name);
      g_strv_builder_add (lines, line);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    list_shortcuts_window (child, group, lines);
}
#endif

/**
 * sam_compat_shortcuts_list_shown:
 * @shortcuts: the dialog or window sam_compat_show_shortcuts() showed
 *
 * Returns: (transfer full): its shortcuts, as sam_compat_shortcuts_list_file()
 *   gives them
 */
char **
sam_compat_shortcuts_list_shown (GtkWidget *shortcuts)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

#if ADW_CHECK_VERSION (1, 8, 0)
  GListModel *sections = g_object_get_data (G_OBJECT (shortcuts), "sam-shortcuts-sections");

  g_return_val_if_fail (ADW_IS_SHORTCUTS_DIALOG (shortcuts), NULL);

  for (guint i = 0; sections != NULL && i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AdwShortcutsSection) section = g_list_model_get_item (sections, i);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (section)); j++)
        {
          g_autoptr(AdwShortcutsItem) item = g_list_model_get_item (G_LIST_MODEL (section), j);
          g_autofree char *line = shortcut_describe (adw_shortcuts_section_get_title (section),
                                                     adw_shortcuts_item_get_title (item),
                                                     adw_shortcuts_item_get_accelerator (item),
                                                     adw_shortcuts_item_get_action_name (item));

          g_strv_builder_add (lines, line);
        }
    }
#else
  g_return_val_if_fail (GTK_IS_SHORTCUTS_WINDOW (shortcuts), NULL);

  list_shortcuts_window (shortcuts, NULL, lines);
#endif

  result = g_strv_builder_end (lines);
  qsort (result, g_strv_length (result), sizeof (char *), compare_lines);
  return g_steal_pointer (&result);
}

/**
 * sam_compat_get_visible_dialog:
 * @window: a window
 *
 * Finds the dialog shown over @window: an #AdwDialog inside it (libadwaita
 * 1.5 and later), or a visible window transient for it.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWidget *
sam_compat_get_visible_dialog (GtkWindow *window)
{
  g_autoptr(GList) toplevels = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_APPLICATION_WINDOW (window) &&
      adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL)
    return GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  if (ADW_IS_WINDOW (window) && adw_window_get_visible_dialog (ADW_WINDOW (window)) != NULL)
    return GTK_WIDGET (adw_window_get_visible_dialog (ADW_WINDOW (window)));
#endif

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == window && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/**
 * sam_compat_dialog_close:
 * @dialog: a dialog from sam_compat_get_visible_dialog()
 *
 * Closes it, as its close button does.
 */
void
sam_compat_dialog_close (GtkWidget *dialog)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_close (ADW_DIALOG (dialog));
      return;
    }
#endif

  gtk_window_close (GTK_WINDOW (dialog));
}

/* A list row whose own fields take the focus (a card's text, an entry),
 * not the row around them.  Call in a factory's bind, when the row has
 * its widget. */
void
sam_compat_list_item_set_unfocusable (GtkListItem *item)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_item_set_focusable (item, FALSE);
#else
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *row = child ? gtk_widget_get_parent (child) : NULL;

  if (row != NULL)
    gtk_widget_set_focusable (row, FALSE);
#endif
}
