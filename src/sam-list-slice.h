/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a page's list starts with, the rows a short screen shows (if they
 * do not fill the view, the slice adds the rest before the first frame),
 * and how many more come as the view nears their end. */
#define SAM_LIST_SLICE_FIRST 8
#define SAM_LIST_SLICE_STEP 40

GtkSliceListModel *sam_list_slice_new    (GListModel        *model,
                                          GtkScrolledWindow *scroller,
                                          guint              first,
                                          guint              step);
void               sam_list_slice_ensure (GtkSliceListModel *slice,
                                          guint              n_items);

G_END_DECLS
