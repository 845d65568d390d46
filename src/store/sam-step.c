/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-step.h"

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

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_WORKSHOP_ID,
  PROP_POSITION,
  PROP_KIND,
  PROP_TITLE,
  PROP_MINUTES,
  PROP_INSTRUCTIONS,
  PROP_NOTES,
  PROP_SETTINGS,
  PROP_STATE,
  PROP_TIMER_REMAINING,
  PROP_TIMER_DEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sam_step_finalize (GObject *object)
{
  SamStep *self = (SamStep *)object;

  g_free (self->uuid);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->instructions);
  g_free (self->notes);
  g_free (self->settings);

  G_OBJECT_CLASS (sam_step_parent_class)->finalize (object);
}

static void
sam_step_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SamStep *self = SAM_STEP (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_WORKSHOP_ID: g_value_set_int64 (value, self->workshop_id); break;
    case PROP_POSITION: g_value_set_uint (value, self->position); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_MINUTES: g_value_set_uint (value, self->minutes); break;
    case PROP_INSTRUCTIONS: g_value_set_string (value, self->instructions); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_SETTINGS: g_value_set_string (value, self->settings); break;
    case PROP_STATE: g_value_set_uint (value, self->state); break;
    case PROP_TIMER_REMAINING: g_value_set_int64 (value, self->timer_remaining); break;
    case PROP_TIMER_DEADLINE: g_value_set_int64 (value, self->timer_deadline); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_step_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SamStep *self = SAM_STEP (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_UUID:
      if (g_strcmp0 (self->uuid, g_value_get_string (value)) != 0)
        {
          g_free (self->uuid);
          self->uuid = g_value_dup_string (value);
          if (self->uuid == NULL)
            self->uuid = g_strdup ("");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WORKSHOP_ID:
      if (self->workshop_id != g_value_get_int64 (value))
        {
          self->workshop_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_POSITION:
      if (self->position != g_value_get_uint (value))
        {
          self->position = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_KIND:
      if (g_strcmp0 (self->kind, g_value_get_string (value)) != 0)
        {
          g_free (self->kind);
          self->kind = g_value_dup_string (value);
          if (self->kind == NULL)
            self->kind = g_strdup ("");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TITLE:
      if (g_strcmp0 (self->title, g_value_get_string (value)) != 0)
        {
          g_free (self->title);
          self->title = g_value_dup_string (value);
          if (self->title == NULL)
            self->title = g_strdup ("");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MINUTES:
      if (self->minutes != g_value_get_uint (value))
        {
          self->minutes = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_INSTRUCTIONS:
      if (g_strcmp0 (self->instructions, g_value_get_string (value)) != 0)
        {
          g_free (self->instructions);
          self->instructions = g_value_dup_string (value);
          if (self->instructions == NULL)
            self->instructions = g_strdup ("");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_NOTES:
      if (g_strcmp0 (self->notes, g_value_get_string (value)) != 0)
        {
          g_free (self->notes);
          self->notes = g_value_dup_string (value);
          if (self->notes == NULL)
            self->notes = g_strdup ("");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SETTINGS:
      if (g_strcmp0 (self->settings, g_value_get_string (value)) != 0)
        {
          g_free (self->settings);
          self->settings = g_value_dup_string (value);
          if (self->settings == NULL)
            self->settings = g_strdup ("");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STATE:
      if (self->state != g_value_get_uint (value))
        {
          self->state = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TIMER_REMAINING:
      if (self->timer_remaining != g_value_get_int64 (value))
        {
          self->timer_remaining = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TIMER_DEADLINE:
      if (self->timer_deadline != g_value_get_int64 (value))
        {
          self->timer_deadline = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_step_class_init (SamStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sam_step_finalize;
  object_class->get_property = sam_step_get_property;
  object_class->set_property = sam_step_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_WORKSHOP_ID] = g_param_spec_int64 ("workshop-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "", flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_MINUTES] = g_param_spec_uint ("minutes", NULL, NULL, 0, G_MAXUINT, 30, flags);
  properties[PROP_INSTRUCTIONS] = g_param_spec_string ("instructions", NULL, NULL, "", flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_SETTINGS] = g_param_spec_string ("settings", NULL, NULL, "", flags);
  properties[PROP_STATE] = g_param_spec_uint ("state", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TIMER_REMAINING] = g_param_spec_int64 ("timer-remaining", NULL, NULL, G_MININT64, G_MAXINT64, -1, flags);
  properties[PROP_TIMER_DEADLINE] = g_param_spec_int64 ("timer-deadline", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_step_init (SamStep *self)
{
  self->uuid = g_strdup ("");
  self->kind = g_strdup ("");
  self->title = g_strdup ("");
  self->minutes = 30;
  self->instructions = g_strdup ("");
  self->notes = g_strdup ("");
  self->settings = g_strdup ("");
  self->timer_remaining = -1;
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
