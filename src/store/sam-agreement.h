/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAM_TYPE_AGREEMENT (sam_agreement_get_type ())

G_DECLARE_FINAL_TYPE (SamAgreement, sam_agreement, SAM, AGREEMENT, GObject)

gint64       sam_agreement_get_id (SamAgreement *self);
const char  *sam_agreement_get_uuid (SamAgreement *self);
gint64       sam_agreement_get_step_id (SamAgreement *self);
const char  *sam_agreement_get_what (SamAgreement *self);
const char  *sam_agreement_get_owner (SamAgreement *self);
const char  *sam_agreement_get_due (SamAgreement *self);
const char  *sam_agreement_get_verification (SamAgreement *self);
gint64       sam_agreement_get_idea_id (SamAgreement *self);
int          sam_agreement_get_status (SamAgreement *self);
const char  *sam_agreement_get_review_date (SamAgreement *self);
guint        sam_agreement_get_position (SamAgreement *self);
const gint64 *sam_agreement_get_team_ids (SamAgreement *self,
                                         guint *n_ids);

G_END_DECLS
