/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-agreement.h"
#include "sam-model-props.h"

/* A concrete agreement ("afspraak is afspraak"): what, which teams, who, by when
 * and how the group will verify that it was kept.
 * Properties mirror the database; edits go through SamStore. */
struct _SamAgreement
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 step_id;
  char *what;
  char *owner;
  char *due;
  char *verification;
  gint64 idea_id;
  int status;
  char *review_date;
  guint position;
  GVariant *team_ids;
};

G_DEFINE_FINAL_TYPE (SamAgreement, sam_agreement, G_TYPE_OBJECT)

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamAgreement, id) },
  { "uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreement, uuid) },
  { "step-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamAgreement, step_id) },
  { "what", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreement, what) },
  { "owner", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreement, owner) },
  { "due", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreement, due) },
  { "verification", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreement, verification) },
  { "idea-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamAgreement, idea_id) },
  { "status", SAM_PROP_INT, G_STRUCT_OFFSET (SamAgreement, status) },
  { "review-date", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAgreement, review_date) },
  { "position", SAM_PROP_UINT, G_STRUCT_OFFSET (SamAgreement, position) },
  { "team-ids", SAM_PROP_INT64S, G_STRUCT_OFFSET (SamAgreement, team_ids) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_agreement_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_agreement_parent_class)->finalize (object);
}

static void
sam_agreement_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_agreement_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_agreement_class_init (SamAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_agreement_finalize;
  object_class->get_property = sam_agreement_get_property;
  object_class->set_property = sam_agreement_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_agreement_init (SamAgreement *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
}

gint64
sam_agreement_get_id (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->id;
}

const char *
sam_agreement_get_uuid (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->uuid;
}

gint64
sam_agreement_get_step_id (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->step_id;
}

const char *
sam_agreement_get_what (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->what;
}

const char *
sam_agreement_get_owner (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->owner;
}

const char *
sam_agreement_get_due (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->due;
}

const char *
sam_agreement_get_verification (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->verification;
}

gint64
sam_agreement_get_idea_id (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->idea_id;
}

int
sam_agreement_get_status (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->status;
}

const char *
sam_agreement_get_review_date (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->review_date;
}

guint
sam_agreement_get_position (SamAgreement *self)
{
  g_return_val_if_fail (SAM_IS_AGREEMENT (self), 0);
  return self->position;
}

/* Returns: (array length=n_ids): the ids, in order */
const gint64 *
sam_agreement_get_team_ids (SamAgreement *self,
                            guint *n_ids)
{
  gsize n = 0;
  const gint64 *ids;

  g_return_val_if_fail (SAM_IS_AGREEMENT (self), NULL);

  ids = g_variant_get_fixed_array (self->team_ids, &n, sizeof (gint64));
  if (n_ids != NULL)
    *n_ids = n;
  return ids;
}
