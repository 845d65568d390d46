/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SAM_TYPE_CLAMP (sam_clamp_get_type ())

G_DECLARE_FINAL_TYPE (SamClamp, sam_clamp, SAM, CLAMP, GtkWidget)

GtkWidget *sam_clamp_new   (void);
GtkWidget *sam_clamp_get_child (SamClamp  *self);
void       sam_clamp_set_child (SamClamp  *self,
                                GtkWidget *child);

G_END_DECLS
