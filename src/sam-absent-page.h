/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-exercise-page.h"

G_BEGIN_DECLS

#define SAM_TYPE_ABSENT_PAGE (sam_absent_page_get_type ())

G_DECLARE_FINAL_TYPE (SamAbsentPage, sam_absent_page, SAM, ABSENT_PAGE, SamExercisePage)

G_END_DECLS
