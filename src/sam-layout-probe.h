/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     sam_layout_probe_attach   (GtkWindow *window);
char    *sam_layout_probe_describe (GtkWindow *window);

G_END_DECLS
