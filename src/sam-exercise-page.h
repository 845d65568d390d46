/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_EXERCISE_PAGE (sam_exercise_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SamExercisePage, sam_exercise_page, SAM, EXERCISE_PAGE, GtkWidget)

/**
 * SamExercisePageClass:
 * @parent_class: the parent class
 * @context_changed: called after one of #SamExercisePage:store,
 *   #SamExercisePage:workshop or #SamExercisePage:step changed, with the
 *   values all three had before; exactly one of them differs from the
 *   current value.  The previous objects are alive during the call, so a
 *   page can disconnect from them.
 *
 * @teams_changed: called when teams were added, removed or reordered in
 *   #SamExercisePage:teams (not when the model itself is replaced: that is
 *   a context change)
 *
 * The class of the pages of the exercises, and of the workshop's own
 * sections that show the same store and workshop (its details and teams).
 */
struct _SamExercisePageClass
{
  GtkWidgetClass parent_class;

  void (*context_changed) (SamExercisePage *self,
                           SamStore        *old_store,
                           SamWorkshop     *old_workshop,
                           SamStep         *old_step);
  void (*teams_changed)   (SamExercisePage *self);
};

SamStore    *sam_exercise_page_get_store    (SamExercisePage *self);
SamWorkshop *sam_exercise_page_get_workshop (SamExercisePage *self);
SamStep     *sam_exercise_page_get_step     (SamExercisePage *self);
GListModel  *sam_exercise_page_get_teams    (SamExercisePage *self);
GListModel  *sam_exercise_page_get_cards    (SamExercisePage *self);

G_END_DECLS
