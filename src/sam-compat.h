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

G_END_DECLS
