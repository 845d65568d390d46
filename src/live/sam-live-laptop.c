/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-live-private.h"

/* SamLiveLaptop: a laptop of the room, as the coach's console lists it.
 * SamLiveTeam: a team of the room, as the laptop lists them after the
 * code was proven.  Both are read-only from outside. */

struct _SamLiveLaptop
{
  GObject    parent_instance;
  char      *uuid;
  char      *team_uuid;
  char      *team_name;
  char      *name;
  gboolean   connected;
  GDateTime *last_seen;
  guint      n_edits;
};

G_DEFINE_FINAL_TYPE (SamLiveLaptop, sam_live_laptop, G_TYPE_OBJECT)

enum {
  LAPTOP_PROP_0,
  LAPTOP_PROP_TEAM_UUID,
  LAPTOP_PROP_TEAM_NAME,
  LAPTOP_PROP_NAME,
  LAPTOP_PROP_CONNECTED,
  LAPTOP_PROP_LAST_SEEN,
  LAPTOP_PROP_N_EDITS,
  LAPTOP_N_PROPS
};

static GParamSpec *laptop_props[LAPTOP_N_PROPS];

static void
sam_live_laptop_finalize (GObject *object)
{
  SamLiveLaptop *self = SAM_LIVE_LAPTOP (object);

  g_free (self->uuid);
  g_free (self->team_uuid);
  g_free (self->team_name);
  g_free (self->name);
  g_clear_pointer (&self->last_seen, g_date_time_unref);

  G_OBJECT_CLASS (sam_live_laptop_parent_class)->finalize (object);
}

static void
sam_live_laptop_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SamLiveLaptop *self = SAM_LIVE_LAPTOP (object);

  switch (prop_id)
    {
    case LAPTOP_PROP_TEAM_UUID:
      g_value_set_string (value, self->team_uuid);
      break;
    case LAPTOP_PROP_TEAM_NAME:
      g_value_set_string (value, self->team_name);
      break;
    case LAPTOP_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case LAPTOP_PROP_CONNECTED:
      g_value_set_boolean (value, self->connected);
      break;
    case LAPTOP_PROP_LAST_SEEN:
      g_value_set_boxed (value, self->last_seen);
      break;
    case LAPTOP_PROP_N_EDITS:
      g_value_set_uint (value, self->n_edits);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_live_laptop_class_init (SamLiveLaptopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sam_live_laptop_finalize;
  object_class->get_property = sam_live_laptop_get_property;

  laptop_props[LAPTOP_PROP_TEAM_UUID] = g_param_spec_string ("team-uuid", NULL, NULL, NULL, flags);
  laptop_props[LAPTOP_PROP_TEAM_NAME] = g_param_spec_string ("team-name", NULL, NULL, NULL, flags);
  laptop_props[LAPTOP_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  laptop_props[LAPTOP_PROP_CONNECTED] = g_param_spec_boolean ("connected", NULL, NULL, FALSE, flags);
  laptop_props[LAPTOP_PROP_LAST_SEEN] = g_param_spec_boxed ("last-seen", NULL, NULL, G_TYPE_DATE_TIME, flags);
  laptop_props[LAPTOP_PROP_N_EDITS] = g_param_spec_uint ("n-edits", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, LAPTOP_N_PROPS, laptop_props);
}

static void
sam_live_laptop_init (SamLiveLaptop *self)
{
}

SamLiveLaptop *
_sam_live_laptop_new (const char *uuid,
                      const char *team_uuid,
                      const char *team_name,
                      const char *name)
{
  SamLiveLaptop *self = g_object_new (SAM_TYPE_LIVE_LAPTOP, NULL);

  self->uuid = g_strdup (uuid);
  self->team_uuid = g_strdup (team_uuid);
  self->team_name = g_strdup (team_name);
  self->name = g_strdup (name);
  return self;
}

const char *
_sam_live_laptop_get_uuid (SamLiveLaptop *self)
{
  return self->uuid;
}

void
_sam_live_laptop_set_connected (SamLiveLaptop *self,
                                gboolean       connected)
{
  if (self->connected == connected)
    return;

  self->connected = connected;
  g_object_notify_by_pspec (G_OBJECT (self), laptop_props[LAPTOP_PROP_CONNECTED]);
}

/* A message came from the laptop; @n_edits rows of it were merged. */
void
_sam_live_laptop_seen (SamLiveLaptop *self,
                       guint          n_edits)
{
  g_clear_pointer (&self->last_seen, g_date_time_unref);
  self->last_seen = g_date_time_new_now_local ();
  g_object_notify_by_pspec (G_OBJECT (self), laptop_props[LAPTOP_PROP_LAST_SEEN]);

  if (n_edits > 0)
    {
      self->n_edits += n_edits;
      g_object_notify_by_pspec (G_OBJECT (self), laptop_props[LAPTOP_PROP_N_EDITS]);
    }
}

const char *
sam_live_laptop_get_team_uuid (SamLiveLaptop *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_LAPTOP (self), NULL);
  return self->team_uuid;
}

const char *
sam_live_laptop_get_team_name (SamLiveLaptop *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_LAPTOP (self), NULL);
  return self->team_name;
}

const char *
sam_live_laptop_get_name (SamLiveLaptop *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_LAPTOP (self), NULL);
  return self->name;
}

gboolean
sam_live_laptop_get_connected (SamLiveLaptop *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_LAPTOP (self), FALSE);
  return self->connected;
}

GDateTime *
sam_live_laptop_get_last_seen (SamLiveLaptop *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_LAPTOP (self), NULL);
  return self->last_seen;
}

guint
sam_live_laptop_get_n_edits (SamLiveLaptop *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_LAPTOP (self), 0);
  return self->n_edits;
}

/* ---- SamLiveTeam ------------------------------------------------------- */

struct _SamLiveTeam
{
  GObject  parent_instance;
  char    *uuid;
  char    *name;
  char    *color;
};

G_DEFINE_FINAL_TYPE (SamLiveTeam, sam_live_team, G_TYPE_OBJECT)

enum {
  TEAM_PROP_0,
  TEAM_PROP_UUID,
  TEAM_PROP_NAME,
  TEAM_PROP_COLOR,
  TEAM_N_PROPS
};

static GParamSpec *team_props[TEAM_N_PROPS];

static void
sam_live_team_finalize (GObject *object)
{
  SamLiveTeam *self = SAM_LIVE_TEAM (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->color);

  G_OBJECT_CLASS (sam_live_team_parent_class)->finalize (object);
}

static void
sam_live_team_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SamLiveTeam *self = SAM_LIVE_TEAM (object);

  switch (prop_id)
    {
    case TEAM_PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case TEAM_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case TEAM_PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_live_team_class_init (SamLiveTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sam_live_team_finalize;
  object_class->get_property = sam_live_team_get_property;

  team_props[TEAM_PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  team_props[TEAM_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  team_props[TEAM_PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, TEAM_N_PROPS, team_props);
}

static void
sam_live_team_init (SamLiveTeam *self)
{
}

SamLiveTeam *
_sam_live_team_new (const char *uuid,
                    const char *name,
                    const char *color)
{
  SamLiveTeam *self = g_object_new (SAM_TYPE_LIVE_TEAM, NULL);

  self->uuid = g_strdup (uuid);
  self->name = g_strdup (name);
  self->color = g_strdup (color);
  return self;
}

const char *
sam_live_team_get_uuid (SamLiveTeam *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_TEAM (self), NULL);
  return self->uuid;
}

const char *
sam_live_team_get_name (SamLiveTeam *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_TEAM (self), NULL);
  return self->name;
}

const char *
sam_live_team_get_color (SamLiveTeam *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_TEAM (self), NULL);
  return self->color;
}
