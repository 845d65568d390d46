/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_STEP_VIEW (sam_step_view_get_type ())

G_DECLARE_FINAL_TYPE (SamStepView, sam_step_view, SAM, STEP_VIEW, GtkWidget)

SamStep   *sam_step_view_get_step        (SamStepView *self);
GtkWidget *sam_step_view_get_page        (SamStepView *self);
GtkWidget *sam_step_view_get_timer_view  (SamStepView *self);
gboolean   sam_step_view_get_projecting  (SamStepView *self);
void       sam_step_view_set_projecting  (SamStepView *self,
                                          gboolean     projecting);
gboolean   sam_step_view_get_notes_visible (SamStepView *self);

G_END_DECLS
