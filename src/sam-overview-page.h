/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-exercise-page.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_OVERVIEW_PAGE (sam_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (SamOverviewPage, sam_overview_page, SAM, OVERVIEW_PAGE, SamExercisePage)

void sam_overview_page_focus_team (SamOverviewPage *self,
                                   SamTeam         *team);

G_END_DECLS
