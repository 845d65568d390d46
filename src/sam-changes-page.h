/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-card-tree.h"
#include "sam-exercise-page.h"

G_BEGIN_DECLS

#define SAM_TYPE_CHANGES_PAGE (sam_changes_page_get_type ())

G_DECLARE_FINAL_TYPE (SamChangesPage, sam_changes_page, SAM, CHANGES_PAGE, SamExercisePage)

SamCardTree *sam_changes_page_get_tree    (SamChangesPage *self);
GListModel  *sam_changes_page_get_changes (SamChangesPage *self,
                                           SamTeam        *team);
GListModel  *sam_changes_page_get_impacts (SamChangesPage *self,
                                           SamCard        *change);

G_END_DECLS
