/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-card-link.h"

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

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STEP_ID,
  PROP_KIND,
  PROP_FROM_CARD_ID,
  PROP_TO_CARD_ID,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sam_card_link_finalize (GObject *object)
{
  SamCardLink *self = (SamCardLink *)object;

  g_free (self->uuid);
  g_free (self->kind);
  g_free (self->note);

  G_OBJECT_CLASS (sam_card_link_parent_class)->finalize (object);
}

static void
sam_card_link_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SamCardLink *self = SAM_CARD_LINK (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_STEP_ID: g_value_set_int64 (value, self->step_id); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_FROM_CARD_ID: g_value_set_int64 (value, self->from_card_id); break;
    case PROP_TO_CARD_ID: g_value_set_int64 (value, self->to_card_id); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_card_link_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SamCardLink *self = SAM_CARD_LINK (object);

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
          self->uuid = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
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
          self->kind = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FROM_CARD_ID:
      if (self->from_card_id != g_value_get_int64 (value))
        {
          self->from_card_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TO_CARD_ID:
      if (self->to_card_id != g_value_get_int64 (value))
        {
          self->to_card_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_NOTE:
      if (g_strcmp0 (self->note, g_value_get_string (value)) != 0)
        {
          g_free (self->note);
          self->note = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_card_link_class_init (SamCardLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sam_card_link_finalize;
  object_class->get_property = sam_card_link_get_property;
  object_class->set_property = sam_card_link_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_STEP_ID] = g_param_spec_int64 ("step-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "", flags);
  properties[PROP_FROM_CARD_ID] = g_param_spec_int64 ("from-card-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TO_CARD_ID] = g_param_spec_int64 ("to-card-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_card_link_init (SamCardLink *self)
{
  self->uuid = g_strdup ("");
  self->kind = g_strdup ("");
  self->note = g_strdup ("");
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
