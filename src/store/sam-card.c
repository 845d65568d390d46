/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-card.h"
#include "sam-model-props.h"

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

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCard, id), SAM_PROP_SIGNED },
  { "uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamCard, uuid) },
  { "step-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCard, step_id), SAM_PROP_SIGNED },
  { "kind", SAM_PROP_STRING, G_STRUCT_OFFSET (SamCard, kind) },
  { "team-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCard, team_id), SAM_PROP_SIGNED },
  { "about-team-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCard, about_team_id), SAM_PROP_SIGNED },
  { "parent-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCard, parent_id), SAM_PROP_SIGNED },
  { "prompt", SAM_PROP_STRING, G_STRUCT_OFFSET (SamCard, prompt) },
  { "text", SAM_PROP_STRING, G_STRUCT_OFFSET (SamCard, text) },
  { "detail", SAM_PROP_STRING, G_STRUCT_OFFSET (SamCard, detail) },
  { "value", SAM_PROP_INT, G_STRUCT_OFFSET (SamCard, value) },
  { "response", SAM_PROP_INT, G_STRUCT_OFFSET (SamCard, response) },
  { "position", SAM_PROP_UINT, G_STRUCT_OFFSET (SamCard, position) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_card_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_card_parent_class)->finalize (object);
}

static void
sam_card_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_card_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_card_class_init (SamCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_card_finalize;
  object_class->get_property = sam_card_get_property;
  object_class->set_property = sam_card_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_card_init (SamCard *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
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
