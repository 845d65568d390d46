/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_TEAM_ROW (sam_team_row_get_type ())

G_DECLARE_FINAL_TYPE (SamTeamRow, sam_team_row, SAM, TEAM_ROW, AdwEntryRow)

GtkWidget *sam_team_row_new      (SamTeam    *team);
SamTeam   *sam_team_row_get_team (SamTeamRow *self);

G_END_DECLS
