/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAM_TYPE_AGREEMENT_REVIEW (sam_agreement_review_get_type ())

G_DECLARE_FINAL_TYPE (SamAgreementReview, sam_agreement_review, SAM, AGREEMENT_REVIEW, GObject)

gint64       sam_agreement_review_get_id (SamAgreementReview *self);
const char  *sam_agreement_review_get_uuid (SamAgreementReview *self);
gint64       sam_agreement_review_get_step_id (SamAgreementReview *self);
const char  *sam_agreement_review_get_source_uuid (SamAgreementReview *self);
const char  *sam_agreement_review_get_what (SamAgreementReview *self);
const char  *sam_agreement_review_get_owner (SamAgreementReview *self);
const char  *sam_agreement_review_get_due (SamAgreementReview *self);
const char  *sam_agreement_review_get_verification (SamAgreementReview *self);
const char  *sam_agreement_review_get_teams (SamAgreementReview *self);
int          sam_agreement_review_get_outcome (SamAgreementReview *self);
const char  *sam_agreement_review_get_why (SamAgreementReview *self);
guint        sam_agreement_review_get_position (SamAgreementReview *self);

G_END_DECLS
