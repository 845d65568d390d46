/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-absent-plan.h"
#include "sam-model-props.h"

/* How one team brings a colleague who was not there along: who was absent,
 * what they will experience or hear, who does it and by when.
 * Properties mirror the database; edits go through SamStore. */
struct _SamAbsentPlan
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 step_id;
  gint64 team_id;
  char *absent;
  char *experience;
  char *who;
  char *due;
  guint position;
};

G_DEFINE_FINAL_TYPE (SamAbsentPlan, sam_absent_plan, G_TYPE_OBJECT)

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamAbsentPlan, id) },
  { "uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAbsentPlan, uuid) },
  { "step-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamAbsentPlan, step_id) },
  { "team-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamAbsentPlan, team_id) },
  { "absent", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAbsentPlan, absent) },
  { "experience", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAbsentPlan, experience) },
  { "who", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAbsentPlan, who) },
  { "due", SAM_PROP_STRING, G_STRUCT_OFFSET (SamAbsentPlan, due) },
  { "position", SAM_PROP_UINT, G_STRUCT_OFFSET (SamAbsentPlan, position) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_absent_plan_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_absent_plan_parent_class)->finalize (object);
}

static void
sam_absent_plan_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_absent_plan_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_absent_plan_class_init (SamAbsentPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_absent_plan_finalize;
  object_class->get_property = sam_absent_plan_get_property;
  object_class->set_property = sam_absent_plan_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_absent_plan_init (SamAbsentPlan *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
}

gint64
sam_absent_plan_get_id (SamAbsentPlan *self)
{
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (self), 0);
  return self->id;
}

const char *
sam_absent_plan_get_uuid (SamAbsentPlan *self)
{
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (self), 0);
  return self->uuid;
}

gint64
sam_absent_plan_get_step_id (SamAbsentPlan *self)
{
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (self), 0);
  return self->step_id;
}

gint64
sam_absent_plan_get_team_id (SamAbsentPlan *self)
{
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (self), 0);
  return self->team_id;
}

const char *
sam_absent_plan_get_absent (SamAbsentPlan *self)
{
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (self), 0);
  return self->absent;
}

const char *
sam_absent_plan_get_experience (SamAbsentPlan *self)
{
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (self), 0);
  return self->experience;
}

const char *
sam_absent_plan_get_who (SamAbsentPlan *self)
{
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (self), 0);
  return self->who;
}

const char *
sam_absent_plan_get_due (SamAbsentPlan *self)
{
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (self), 0);
  return self->due;
}

guint
sam_absent_plan_get_position (SamAbsentPlan *self)
{
  g_return_val_if_fail (SAM_IS_ABSENT_PLAN (self), 0);
  return self->position;
}
