/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-card-tree.h"
#include "sam-exercise-page.h"

G_BEGIN_DECLS

#define SAM_TYPE_ACHIEVE_AVOID_PAGE (sam_achieve_avoid_page_get_type ())

G_DECLARE_FINAL_TYPE (SamAchieveAvoidPage, sam_achieve_avoid_page, SAM, ACHIEVE_AVOID_PAGE, SamExercisePage)

SamCardTree *sam_achieve_avoid_page_get_tree (SamAchieveAvoidPage *self);

G_END_DECLS
