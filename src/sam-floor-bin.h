/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SAM_TYPE_FLOOR_BIN (sam_floor_bin_get_type ())

G_DECLARE_FINAL_TYPE (SamFloorBin, sam_floor_bin, SAM, FLOOR_BIN, GtkWidget)

GtkWidget *sam_floor_bin_new       (GtkWidget   *child);
GtkWidget *sam_floor_bin_get_child (SamFloorBin *self);

G_END_DECLS
