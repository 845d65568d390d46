/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-card-tree.h"
#include "sam-exercise-page.h"

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_STRENGTHS_PAGE (sam_strengths_page_get_type ())

G_DECLARE_FINAL_TYPE (SamStrengthsPage, sam_strengths_page, SAM, STRENGTHS_PAGE, SamExercisePage)

SamCardLink *sam_strengths_page_link (SamStrengthsPage  *self,
                                      SamCard           *strength,
                                      SamCard           *challenge,
                                      const char        *note,
                                      GError           **error);
SamCardTree *sam_strengths_page_get_tree (SamStrengthsPage *self);
GObject     *sam_strengths_page_find_section (SamStrengthsPage *self,
                                              const char       *kind,
                                              gint64            writer);

G_END_DECLS
