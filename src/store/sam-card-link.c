/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-card-link.h"
#include "sam-model-props.h"

/* A link between two cards of a step, e.g. a strength of one team that
 * can help with a challenge of another ("potential").  Properties mirror
 * the database; edits go through SamStore. */
struct _SamCardLink
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 step_id;
  char *kind;
  gint64 from_card_id;
  gint64 to_card_id;
  char *note;
};

G_DEFINE_FINAL_TYPE (SamCardLink, sam_card_link, G_TYPE_OBJECT)

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCardLink, id) },
  { "uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamCardLink, uuid) },
  { "step-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCardLink, step_id) },
  { "kind", SAM_PROP_STRING, G_STRUCT_OFFSET (SamCardLink, kind) },
  { "from-card-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCardLink, from_card_id) },
  { "to-card-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCardLink, to_card_id) },
  { "note", SAM_PROP_STRING, G_STRUCT_OFFSET (SamCardLink, note) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_card_link_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_card_link_parent_class)->finalize (object);
}

static void
sam_card_link_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_card_link_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_card_link_class_init (SamCardLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_card_link_finalize;
  object_class->get_property = sam_card_link_get_property;
  object_class->set_property = sam_card_link_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_card_link_init (SamCardLink *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
}

gint64
sam_card_link_get_id (SamCardLink *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LINK (self), 0);
  return self->id;
}

const char *
sam_card_link_get_uuid (SamCardLink *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LINK (self), NULL);
  return self->uuid;
}

gint64
sam_card_link_get_step_id (SamCardLink *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LINK (self), 0);
  return self->step_id;
}

const char *
sam_card_link_get_kind (SamCardLink *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LINK (self), NULL);
  return self->kind;
}

gint64
sam_card_link_get_from_card_id (SamCardLink *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LINK (self), 0);
  return self->from_card_id;
}

gint64
sam_card_link_get_to_card_id (SamCardLink *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LINK (self), 0);
  return self->to_card_id;
}

const char *
sam_card_link_get_note (SamCardLink *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LINK (self), NULL);
  return self->note;
}
