/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *sam_date_row_new  (GObject     *object,
                              const char  *property,
                              const char  *title,
                              const char  *action,
                              gint64       id,
                              guint        field,
                              GtkWidget  **out_hint);
void       sam_date_row_bind (GtkWidget   *entry,
                              GObject     *object,
                              gint64       id);

G_END_DECLS
