/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_TIMER_VIEW (sam_timer_view_get_type ())

G_DECLARE_FINAL_TYPE (SamTimerView, sam_timer_view, SAM, TIMER_VIEW, GtkWidget)

void       sam_timer_view_set_step  (SamTimerView *self,
                                     SamStep      *step);
SamStep   *sam_timer_view_get_step  (SamTimerView *self);
gboolean   sam_timer_view_is_done   (SamTimerView *self);
const char *sam_timer_view_get_text (SamTimerView *self);

G_END_DECLS
