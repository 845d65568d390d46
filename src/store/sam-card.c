/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-card.h"

/* One card an exercise collects: a change, an impact, a view on another
 * team, a step of the customer's request, a strength, a belief, an idea...
 * What the generic columns mean depends on the kind; see
 * docs/architecture.md.  Properties mirror the database; edits go through
 * SamStore. */
struct _SamCard
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 step_id;
  char *kind;
  gint64 team_id;
  gint64 about_team_id;
  gint64 parent_id;
  char *prompt;
  char *text;
  char *detail;
  int value;
  int response;
  guint position;
};

G_DEFINE_FINAL_TYPE (SamCard, sam_card, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STEP_ID,
  PROP_KIND,
  PROP_TEAM_ID,
  PROP_ABOUT_TEAM_ID,
  PROP_PARENT_ID,
  PROP_PROMPT,
  PROP_TEXT,
  PROP_DETAIL,
  PROP_VALUE,
  PROP_RESPONSE,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sam_card_finalize (GObject *object)
{
  SamCard *self = (SamCard *)object;

  g_free (self->uuid);
  g_free (self->kind);
  g_free (self->prompt);
  g_free (self->text);
  g_free (self->detail);

  G_OBJECT_CLASS (sam_card_parent_class)->finalize (object);
}

static void
sam_card_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SamCard *self = SAM_CARD (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_STEP_ID: g_value_set_int64 (value, self->step_id); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_TEAM_ID: g_value_set_int64 (value, self->team_id); break;
    case PROP_ABOUT_TEAM_ID: g_value_set_int64 (value, self->about_team_id); break;
    case PROP_PARENT_ID: g_value_set_int64 (value, self->parent_id); break;
    case PROP_PROMPT: g_value_set_string (value, self->prompt); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_DETAIL: g_value_set_string (value, self->detail); break;
    case PROP_VALUE: g_value_set_int (value, self->value); break;
    case PROP_RESPONSE: g_value_set_int (value, self->response); break;
    case PROP_POSITION: g_value_set_uint (value, self->position); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_card_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SamCard *self = SAM_CARD (object);

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
    case PROP_STEP_ID:
      if (self->step_id != g_value_get_int64 (value))
        {
          self->step_id = g_value_get_int64 (value);
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
    case PROP_TEAM_ID:
      if (self->team_id != g_value_get_int64 (value))
        {
          self->team_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ABOUT_TEAM_ID:
      if (self->about_team_id != g_value_get_int64 (value))
        {
          self->about_team_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PARENT_ID:
      if (self->parent_id != g_value_get_int64 (value))
        {
          self->parent_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PROMPT:
      if (g_strcmp0 (self->prompt, g_value_get_string (value)) != 0)
        {
          g_free (self->prompt);
          self->prompt = g_value_dup_string (value);
          if (self->prompt == NULL)
            self->prompt = g_strdup ("");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TEXT:
      if (g_strcmp0 (self->text, g_value_get_string (value)) != 0)
        {
          g_free (self->text);
          self->text = g_value_dup_string (value);
          if (self->text == NULL)
            self->text = g_strdup ("");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DETAIL:
      if (g_strcmp0 (self->detail, g_value_get_string (value)) != 0)
        {
          g_free (self->detail);
          self->detail = g_value_dup_string (value);
          if (self->detail == NULL)
            self->detail = g_strdup ("");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VALUE:
      if (self->value != g_value_get_int (value))
        {
          self->value = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_RESPONSE:
      if (self->response != g_value_get_int (value))
        {
          self->response = g_value_get_int (value);
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_card_class_init (SamCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sam_card_finalize;
  object_class->get_property = sam_card_get_property;
  object_class->set_property = sam_card_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_STEP_ID] = g_param_spec_int64 ("step-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "", flags);
  properties[PROP_TEAM_ID] = g_param_spec_int64 ("team-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_ABOUT_TEAM_ID] = g_param_spec_int64 ("about-team-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_PROMPT] = g_param_spec_string ("prompt", NULL, NULL, "", flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, "", flags);
  properties[PROP_VALUE] = g_param_spec_int ("value", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_RESPONSE] = g_param_spec_int ("response", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_card_init (SamCard *self)
{
  self->uuid = g_strdup ("");
  self->kind = g_strdup ("");
  self->prompt = g_strdup ("");
  self->text = g_strdup ("");
  self->detail = g_strdup ("");
}

gint64
sam_card_get_id (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), 0);
  return self->id;
}

const char *
sam_card_get_uuid (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), NULL);
  return self->uuid;
}

gint64
sam_card_get_step_id (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), 0);
  return self->step_id;
}

const char *
sam_card_get_kind (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), NULL);
  return self->kind;
}

gint64
sam_card_get_team_id (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), 0);
  return self->team_id;
}

gint64
sam_card_get_about_team_id (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), 0);
  return self->about_team_id;
}

gint64
sam_card_get_parent_id (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), 0);
  return self->parent_id;
}

const char *
sam_card_get_prompt (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), NULL);
  return self->prompt;
}

const char *
sam_card_get_text (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), NULL);
  return self->text;
}

const char *
sam_card_get_detail (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), NULL);
  return self->detail;
}

int
sam_card_get_value (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), 0);
  return self->value;
}

int
sam_card_get_response (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), 0);
  return self->response;
}

guint
sam_card_get_position (SamCard *self)
{
  g_return_val_if_fail (SAM_IS_CARD (self), 0);
  return self->position;
}
