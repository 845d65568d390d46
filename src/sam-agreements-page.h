/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-exercise-page.h"

G_BEGIN_DECLS

#define SAM_TYPE_AGREEMENTS_PAGE (sam_agreements_page_get_type ())

G_DECLARE_FINAL_TYPE (SamAgreementsPage, sam_agreements_page, SAM, AGREEMENTS_PAGE, SamExercisePage)

GtkWidget *sam_agreements_page_find_row (SamAgreementsPage *self,
                                         gint64             agreement_id);

G_END_DECLS
