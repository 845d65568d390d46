/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store-decide.h"

G_BEGIN_DECLS

/* The rows of the agreements page: one expander per agreement, one row per
 * reviewed agreement of the earlier workshop.  Their controls call the
 * page's "agreements.*" actions, so the page does the storing. */

GtkWidget *sam_agreement_row_new (SamAgreement       *agreement,
                                  GListModel         *teams,
                                  GListModel         *ideas);
GtkWidget *sam_review_row_new    (SamAgreementReview *review);

G_END_DECLS
