/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The one place where APIs newer than GTK 4.8 / libadwaita 1.2 are used, each
 * behind a version check, so Debian 12 and the GNOME 50 runtime both build. */

void       sam_compat_show_about (GtkWindow  *parent,
                                  const char *application_id,
                                  const char *version);

void       sam_compat_open_file_async  (GtkWindow           *parent,
                                        const char          *title,
                                        GListModel          *filters,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GFile     *sam_compat_open_file_finish (GAsyncResult        *result,
                                        GError             **error);
void       sam_compat_save_file_async  (GtkWindow           *parent,
                                        const char          *title,
                                        const char          *initial_name,
                                        GListModel          *filters,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GFile     *sam_compat_save_file_finish (GAsyncResult        *result,
                                        GError             **error);
GListModel *sam_compat_file_filters_new (const char         *name,
                                         const char         *mime_type,
                                         const char         *pattern);

/* Map: the pixel scale a widget's cached images are drawn at ------------ */

/**
 * sam_compat_widget_get_pixel_scale:
 *
 * How many device pixels a unit of @widget covers.  From GTK 4.12 on this
 * is the surface's scale, fractional on a screen scaled by 125 % or 150 %;
 * before, only the integer scale factor is known.
 *
 * Inline, so the map's widget library (which the app library links, not
 * the other way round) can use it without linking sam-compat.c.
 *
 * Returns: the pixel scale, at least 1
 */
static inline double
sam_compat_widget_get_pixel_scale (GtkWidget *widget)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;

  if (surface != NULL)
    return MAX (gdk_surface_get_scale (surface), 1.0);
#endif

  return MAX (gtk_widget_get_scale_factor (widget), 1);
}

/**
 * SamCompatAlertFunc:
 * @alert: the dialog
 * @response: the ID of the response chosen
 * @user_data: the object given to sam_compat_alert_present()
 *
 * Called once when the coach answers an alert, or closes it (with its close
 * response).
 */
typedef void (*SamCompatAlertFunc) (GtkWidget  *alert,
                                    const char *response,
                                    gpointer    user_data);

GtkWidget  *sam_compat_alert_new                  (const char            *heading,
                                                   const char            *body);
void        sam_compat_alert_add_response         (GtkWidget             *alert,
                                                   const char            *id,
                                                   const char            *label,
                                                   AdwResponseAppearance  appearance);
void        sam_compat_alert_set_default_response (GtkWidget             *alert,
                                                   const char            *id);
void        sam_compat_alert_set_close_response   (GtkWidget             *alert,
                                                   const char            *id);
void        sam_compat_alert_set_response_enabled (GtkWidget             *alert,
                                                   const char            *id,
                                                   gboolean               enabled);
gboolean    sam_compat_alert_get_response_enabled (GtkWidget             *alert,
                                                   const char            *id);
void        sam_compat_alert_set_extra_child      (GtkWidget             *alert,
                                                   GtkWidget             *child);
GtkWidget  *sam_compat_alert_get_extra_child      (GtkWidget             *alert);
const char *sam_compat_alert_get_heading          (GtkWidget             *alert);
const char *sam_compat_alert_get_body             (GtkWidget             *alert);
void        sam_compat_alert_set_text              (GtkWidget             *alert,
                                                    const char            *heading,
                                                    const char            *body);
void        sam_compat_alert_present              (GtkWidget             *alert,
                                                   GtkWidget             *parent,
                                                   SamCompatAlertFunc     callback,
                                                   gpointer               owner);
gboolean    sam_compat_alert_respond              (GtkWidget             *alert,
                                                   const char            *response);
GtkWidget  *sam_compat_alert_find_open            (void);

void        sam_compat_show_shortcuts             (GtkWindow             *parent);
char      **sam_compat_shortcuts_list_file        (GError               **error);
char      **sam_compat_shortcuts_list_shown       (GtkWidget             *shortcuts);

GtkWidget  *sam_compat_get_visible_dialog         (GtkWindow             *window);
void        sam_compat_dialog_close               (GtkWidget             *dialog);

void        sam_compat_css_provider_load_string   (GtkCssProvider        *provider,
                                                   const char            *css);
void        sam_compat_calendar_set_date          (GtkCalendar           *calendar,
                                                   GDateTime             *date);
void        sam_compat_expander_row_add_suffix    (AdwExpanderRow        *row,
                                                   GtkWidget             *widget);

void        sam_compat_list_item_set_unfocusable  (GtkListItem           *item);

G_END_DECLS
