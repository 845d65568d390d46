/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The smallest and largest number of teams a perspective rotation serves. */
#define SAM_ROTATION_MIN_TEAMS 2
#define SAM_ROTATION_MAX_TEAMS 12

guint    *sam_rotation_propose  (guint         n_teams);
gboolean  sam_rotation_is_valid (const guint  *targets,
                                 guint         n_teams);
gboolean  sam_rotation_reassign (guint        *targets,
                                 guint         n_teams,
                                 guint         writer,
                                 guint         target,
                                 GError      **error);

G_END_DECLS
