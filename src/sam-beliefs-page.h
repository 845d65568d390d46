/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-card-tree.h"
#include "sam-exercise-page.h"

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_BELIEF_MIN_STRENGTH 1
#define SAM_BELIEF_MAX_STRENGTH 5
#define SAM_BELIEF_DEFAULT_STRENGTH 3

#define SAM_TYPE_BELIEFS_PAGE (sam_beliefs_page_get_type ())

G_DECLARE_FINAL_TYPE (SamBeliefsPage, sam_beliefs_page, SAM, BELIEFS_PAGE, SamExercisePage)

const char  *sam_belief_strength_to_words (int             strength);
SamCardTree *sam_beliefs_page_get_tree    (SamBeliefsPage *self);
GObject     *sam_beliefs_page_find_pair   (SamBeliefsPage *self,
                                           gint64          holder,
                                           gint64          about);

G_END_DECLS
