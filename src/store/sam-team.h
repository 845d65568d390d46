/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_TEAM (sam_team_get_type ())

G_DECLARE_FINAL_TYPE (SamTeam, sam_team, SAM, TEAM, GObject)

gint64      sam_team_get_id          (SamTeam *self);
const char *sam_team_get_uuid        (SamTeam *self);
gint64      sam_team_get_workshop_id (SamTeam *self);
const char *sam_team_get_name        (SamTeam *self);
guint       sam_team_get_colour      (SamTeam *self);
guint       sam_team_get_people      (SamTeam *self);
guint       sam_team_get_position    (SamTeam *self);

G_END_DECLS
