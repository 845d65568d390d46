/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-exercise-page.h"

G_BEGIN_DECLS

#define SAM_TYPE_CUSTOMER_VOICE_PAGE (sam_customer_voice_page_get_type ())

G_DECLARE_FINAL_TYPE (SamCustomerVoicePage, sam_customer_voice_page, SAM, CUSTOMER_VOICE_PAGE, SamExercisePage)

G_END_DECLS
