/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     sam_field_show_stored (GtkWidget  *field,
                                const char *stored);
void     sam_field_reset       (GtkWidget  *field,
                                const char *stored);
void     sam_field_revert      (GtkWidget  *field);
gboolean sam_field_is_syncing  (GtkWidget  *field);
gboolean sam_field_is_editing  (GtkWidget  *field);

G_END_DECLS
