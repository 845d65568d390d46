/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-exercise-page.h"

#include "sam-card-list.h"

G_BEGIN_DECLS

#define SAM_TYPE_CHANGES_PAGE (sam_changes_page_get_type ())

G_DECLARE_FINAL_TYPE (SamChangesPage, sam_changes_page, SAM, CHANGES_PAGE, SamExercisePage)

SamCardList *sam_changes_page_get_change_list (SamChangesPage *self,
                                               SamTeam        *team);
SamCardList *sam_changes_page_get_impact_list (SamChangesPage *self,
                                               SamCard        *change);

G_END_DECLS
