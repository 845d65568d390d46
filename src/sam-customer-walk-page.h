/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-card-tree.h"
#include "sam-exercise-page.h"

#include "sam-store.h"

G_BEGIN_DECLS

/* The value mark of a "customer-step" card (docs/architecture.md). */
typedef enum
{
  SAM_WALK_NO_VALUE = -1,
  SAM_WALK_UNDECIDED = 0,
  SAM_WALK_VALUE = 1,
} SamWalkValue;

#define SAM_TYPE_CUSTOMER_WALK_PAGE (sam_customer_walk_page_get_type ())

G_DECLARE_FINAL_TYPE (SamCustomerWalkPage, sam_customer_walk_page, SAM, CUSTOMER_WALK_PAGE, SamExercisePage)

char        *sam_customer_walk_dup_persona   (SamStep             *step);
SamCardTree *sam_customer_walk_page_get_tree (SamCustomerWalkPage *self);

G_END_DECLS
