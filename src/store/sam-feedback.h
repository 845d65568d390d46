/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAM_TYPE_FEEDBACK (sam_feedback_get_type ())

G_DECLARE_FINAL_TYPE (SamFeedback, sam_feedback, SAM, FEEDBACK, GObject)

SamFeedback *sam_feedback_new_take    (gint64       id,
                                       int          score,
                                       guint        scale,
                                       char        *comment,
                                       char        *date,
                                       char        *channel);
gint64       sam_feedback_get_id      (SamFeedback *self);
int          sam_feedback_get_score   (SamFeedback *self);
guint        sam_feedback_get_scale   (SamFeedback *self);
const char  *sam_feedback_get_comment (SamFeedback *self);
const char  *sam_feedback_get_date    (SamFeedback *self);
const char  *sam_feedback_get_channel (SamFeedback *self);

G_END_DECLS
