/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-application.h"
#include "sam-live-link.h"
#include "sam-workshop-file.h"

G_BEGIN_DECLS

/* After this many wrong PINs in a row, leaving waits (doubling each time). */
#define SAM_TEAM_WINDOW_FREE_TRIES   3
#define SAM_TEAM_WINDOW_WAIT_SECONDS 30

#define SAM_TYPE_TEAM_WINDOW (sam_team_window_get_type ())

G_DECLARE_FINAL_TYPE (SamTeamWindow, sam_team_window, SAM, TEAM_WINDOW, AdwApplicationWindow)

SamTeamWindow *sam_team_window_new          (SamApplication *application,
                                             SamWorkshop    *workshop);
SamTeamWindow *sam_team_mode_start          (SamApplication *application,
                                             SamWorkshop    *workshop,
                                             GtkWindow      *replaced);
SamTeamWindow *sam_team_mode_start_live     (SamApplication *application,
                                             SamWorkshop    *workshop,
                                             GtkWindow      *replaced,
                                             SamLiveLink    *link);
SamWorkshop   *sam_team_window_get_workshop (SamTeamWindow  *self);
SamTeam       *sam_team_window_get_team     (SamTeamWindow  *self);
SamStep       *sam_team_window_get_step     (SamTeamWindow  *self);
guint          sam_team_window_get_wait     (SamTeamWindow  *self);
GActionGroup  *sam_team_window_get_actions  (SamTeamWindow  *self);
gboolean       sam_team_window_catch_up     (SamTeamWindow   *self,
                                             SamWorkshopFile *file);
void           sam_team_window_open_file    (SamTeamWindow  *self,
                                             GFile          *file);
void           sam_team_window_mark_saved   (SamTeamWindow  *self);
SamLiveLink   *sam_team_window_get_link     (SamTeamWindow  *self);
const char    *sam_team_window_get_live_text (SamTeamWindow *self);
void           sam_team_window_show_toast   (SamTeamWindow  *self,
                                             const char     *message);

/* For tests: ends the wait after wrong PINs. */
void           _sam_team_window_end_wait    (SamTeamWindow  *self);

G_END_DECLS
