/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sam-store-feedback.h"

G_BEGIN_DECLS

/* The customer's voice in words, as the console and the projector show it. */

char *sam_feedback_text_summary  (GPtrArray   *channels);
char *sam_feedback_text_response (SamFeedback *feedback);

G_END_DECLS
