/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-exercise-page.h"

G_BEGIN_DECLS

#define SAM_TYPE_CHECKLIST_PAGE (sam_checklist_page_get_type ())

G_DECLARE_FINAL_TYPE (SamChecklistPage, sam_checklist_page, SAM, CHECKLIST_PAGE, SamExercisePage)

SamTeam *sam_checklist_page_get_team   (SamChecklistPage *self);
guint    sam_checklist_page_get_person (SamChecklistPage *self);

G_END_DECLS
