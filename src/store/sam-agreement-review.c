/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-agreement-review.h"
#include "sam-model-props.h"

/* The review, in a follow-up workshop, of one agreement of the workshop it
 * follows: a copy of the agreement as it was made, whether it was kept and why.
 * Properties mirror the database; edits go through SamStore. */
struct _SamAgreementReview
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 step_id;
  char *source_uuid;
  char *what;
  char *owner;
  char *due;
  char *verification;
  char *teams;
  int outcome;
  char *why;
  guint position;
};

G_DEFINE_FINAL_TYPE (SamAgreementReview, sam_agreement_review, G_TYPE_OBJECT)

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamAgreementReview, id) },
  { "uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreementReview, uuid) },
  { "step-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamAgreementReview, step_id) },
  { "source-uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreementReview, source_uuid) },
  { "what", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreementReview, what) },
  { "owner", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreementReview, owner) },
  { "due", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreementReview, due) },
  { "verification", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreementReview, verification) },
  { "teams", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreementReview, teams) },
  { "outcome", SAM_PROP_INT, G_STRUCT_OFFSET (SamAgreementReview, outcome) },
  { "why", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreementReview, why) },
  { "position", SAM_PROP_UINT, G_STRUCT_OFFSET (SamAgreementReview, position) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_agreement_review_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_agreement_review_parent_class)->finalize (object);
}

static void
sam_agreement_review_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_agreement_review_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_agreement_review_class_init (SamAgreementReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_agreement_review_finalize;
  object_class->get_property = sam_agreement_review_get_property;
  object_class->set_property = sam_agreement_review_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_agreement_review_init (SamAgreementReview *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
}

gint64
sam_agreement_review_get_id (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->id;
}

const char *
sam_agreement_review_get_uuid (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->uuid;
}

gint64
sam_agreement_review_get_step_id (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->step_id;
}

const char *
sam_agreement_review_get_source_uuid (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->source_uuid;
}

const char *
sam_agreement_review_get_what (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->what;
}

const char *
sam_agreement_review_get_owner (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->owner;
}

const char *
sam_agreement_review_get_due (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->due;
}

const char *
sam_agreement_review_get_verification (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->verification;
}

const char *
sam_agreement_review_get_teams (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->teams;
}

int
sam_agreement_review_get_outcome (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->outcome;
}

const char *
sam_agreement_review_get_why (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->why;
}

guint
sam_agreement_review_get_position (SamAgreementReview *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT_REVIEW (self), 0);
  return self->position;
}
