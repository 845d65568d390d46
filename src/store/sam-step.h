/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SamStepState:
 * @SAM_STEP_TODO: not run yet
 * @SAM_STEP_CURRENT: the step the room is doing now (one per workshop)
 * @SAM_STEP_DONE: finished
 */
typedef enum
{
  SAM_STEP_TODO,
  SAM_STEP_CURRENT,
  SAM_STEP_DONE,
} SamStepState;

#define SAM_TYPE_STEP (sam_step_get_type ())

G_DECLARE_FINAL_TYPE (SamStep, sam_step, SAM, STEP, GObject)

gint64        sam_step_get_id              (SamStep *self);
const char   *sam_step_get_uuid            (SamStep *self);
gint64        sam_step_get_workshop_id     (SamStep *self);
guint         sam_step_get_position        (SamStep *self);
const char   *sam_step_get_kind            (SamStep *self);
const char   *sam_step_get_title           (SamStep *self);
guint         sam_step_get_minutes         (SamStep *self);
const char   *sam_step_get_instructions    (SamStep *self);
const char   *sam_step_get_notes           (SamStep *self);
const char   *sam_step_get_settings        (SamStep *self);
SamStepState  sam_step_get_state           (SamStep *self);
gint64        sam_step_get_timer_remaining (SamStep *self);
gint64        sam_step_get_timer_deadline  (SamStep *self);

G_END_DECLS
