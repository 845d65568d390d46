/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-exercise-page.h"

#include "sam-store-decide.h"

G_BEGIN_DECLS

#define SAM_TYPE_BRAINSTORM_PAGE (sam_brainstorm_page_get_type ())

G_DECLARE_FINAL_TYPE (SamBrainstormPage, sam_brainstorm_page, SAM, BRAINSTORM_PAGE, SamExercisePage)

SamTeam *sam_brainstorm_page_get_voting_team (SamBrainstormPage *self);

G_END_DECLS
