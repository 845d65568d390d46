/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-step.h"
#include "sam-model-props.h"

/* One step of a workshop's agenda: an exercise with a time box, the
 * instructions projected for the room, private notes for the coach, and the
 * state of its timer.  Properties mirror the database; edits go through
 * SamStore. */
struct _SamStep
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 workshop_id;
  guint position;
  char *kind;
  char *title;
  guint minutes;
  char *instructions;
  char *notes;
  char *settings;
  guint state;
  gint64 timer_remaining;
  gint64 timer_deadline;
};

G_DEFINE_FINAL_TYPE (SamStep, sam_step, G_TYPE_OBJECT)

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamStep, id), SAM_PROP_SIGNED },
  { "uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamStep, uuid) },
  { "workshop-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamStep, workshop_id), SAM_PROP_SIGNED },
  { "position", SAM_PROP_UINT, G_STRUCT_OFFSET (SamStep, position) },
  { "kind", SAM_PROP_STRING, G_STRUCT_OFFSET (SamStep, kind) },
  { "title", SAM_PROP_STRING, G_STRUCT_OFFSET (SamStep, title) },
  { "minutes", SAM_PROP_UINT, G_STRUCT_OFFSET (SamStep, minutes), .default_value = 30 },
  { "instructions", SAM_PROP_STRING, G_STRUCT_OFFSET (SamStep, instructions) },
  { "notes", SAM_PROP_STRING, G_STRUCT_OFFSET (SamStep, notes) },
  { "settings", SAM_PROP_STRING, G_STRUCT_OFFSET (SamStep, settings) },
  { "state", SAM_PROP_UINT, G_STRUCT_OFFSET (SamStep, state) },
  { "timer-remaining", SAM_PROP_INT64, G_STRUCT_OFFSET (SamStep, timer_remaining), SAM_PROP_SIGNED, .default_value = -1 },
  { "timer-deadline", SAM_PROP_INT64, G_STRUCT_OFFSET (SamStep, timer_deadline), SAM_PROP_SIGNED },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_step_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_step_parent_class)->finalize (object);
}

static void
sam_step_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_step_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_step_class_init (SamStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_step_finalize;
  object_class->get_property = sam_step_get_property;
  object_class->set_property = sam_step_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_step_init (SamStep *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
}

gint64
sam_step_get_id (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), 0);
  return self->id;
}

const char *
sam_step_get_uuid (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), NULL);
  return self->uuid;
}

gint64
sam_step_get_workshop_id (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), 0);
  return self->workshop_id;
}

guint
sam_step_get_position (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), 0);
  return self->position;
}

const char *
sam_step_get_kind (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), NULL);
  return self->kind;
}

const char *
sam_step_get_title (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), NULL);
  return self->title;
}

guint
sam_step_get_minutes (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), 0);
  return self->minutes;
}

const char *
sam_step_get_instructions (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), NULL);
  return self->instructions;
}

const char *
sam_step_get_notes (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), NULL);
  return self->notes;
}

const char *
sam_step_get_settings (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), NULL);
  return self->settings;
}

SamStepState
sam_step_get_state (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), 0);
  return self->state;
}

gint64
sam_step_get_timer_remaining (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), 0);
  return self->timer_remaining;
}

gint64
sam_step_get_timer_deadline (SamStep *self)
{
  g_return_val_if_fail (SAM_IS_STEP (self), 0);
  return self->timer_deadline;
}
