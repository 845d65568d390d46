/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-projector-view.h"

G_BEGIN_DECLS

/* The type sizes at 1024 × 768, in pixels; other windows scale them by
 * the smaller of width / 1024 and height / 768. */
#define SAM_PROJECTOR_BODY_PX  28
#define SAM_PROJECTOR_TITLE_PX 48
#define SAM_PROJECTOR_TIMER_PX 120

#define SAM_TYPE_PROJECTOR_WINDOW (sam_projector_window_get_type ())

G_DECLARE_FINAL_TYPE (SamProjectorWindow, sam_projector_window, SAM, PROJECTOR_WINDOW, AdwWindow)

SamProjectorWindow *sam_projector_window_new      (GtkApplication     *application,
                                                   GActionGroup       *console);
SamProjectorView   *sam_projector_window_get_view (SamProjectorWindow *self);
double              sam_projector_window_get_scale (SamProjectorWindow *self);
char               *sam_projector_css_for_size    (int                 width,
                                                   int                 height);

G_END_DECLS
