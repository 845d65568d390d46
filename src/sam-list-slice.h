/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkSliceListModel *sam_list_slice_new    (GListModel        *model,
                                          GtkScrolledWindow *scroller,
                                          guint              first,
                                          guint              step);
void               sam_list_slice_ensure (GtkSliceListModel *slice,
                                          guint              n_items);

G_END_DECLS
