/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_TEAM_VOTES (sam_team_votes_get_type ())
G_DECLARE_FINAL_TYPE (SamTeamVotes, sam_team_votes, SAM, TEAM_VOTES, GtkBox)

GtkWidget *sam_team_votes_new        (SamStore     *store,
                                      SamStep      *step,
                                      SamTeam      *team);
guint      sam_team_votes_get_n_left (SamTeamVotes *self);

G_END_DECLS
