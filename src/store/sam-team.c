/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-team.h"

/* A team taking part in a workshop.  Like SamWorkshop, the properties mirror
 * the database; edits go through SamStore. */
struct _SamTeam
{
  GObject parent_instance;

  gint64 id;
  gint64 workshop_id;
  char *uuid;
  char *name;
  guint colour;
  guint people;
  guint position;
};

G_DEFINE_FINAL_TYPE (SamTeam, sam_team, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WORKSHOP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_COLOUR,
  PROP_PEOPLE,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sam_team_finalize (GObject *object)
{
  SamTeam *self = (SamTeam *)object;

  g_free (self->uuid);
  g_free (self->name);

  G_OBJECT_CLASS (sam_team_parent_class)->finalize (object);
}

static void
sam_team_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SamTeam *self = SAM_TEAM (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_WORKSHOP_ID: g_value_set_int64 (value, self->workshop_id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_COLOUR: g_value_set_uint (value, self->colour); break;
    case PROP_PEOPLE: g_value_set_uint (value, self->people); break;
    case PROP_POSITION: g_value_set_uint (value, self->position); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_uint (SamTeam      *self,
          guint        *field,
          const GValue *value,
          GParamSpec   *pspec)
{
  if (*field == g_value_get_uint (value))
    return;

  *field = g_value_get_uint (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_string (SamTeam      *self,
            char        **field,
            const GValue *value,
            GParamSpec   *pspec)
{
  const char *str = g_value_get_string (value);

  if (g_strcmp0 (*field, str) == 0)
    return;

  g_free (*field);
  *field = g_strdup (str ? str : "");
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
sam_team_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SamTeam *self = SAM_TEAM (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_WORKSHOP_ID: self->workshop_id = g_value_get_int64 (value); break;
    case PROP_UUID: set_string (self, &self->uuid, value, pspec); break;
    case PROP_NAME: set_string (self, &self->name, value, pspec); break;
    case PROP_COLOUR: set_uint (self, &self->colour, value, pspec); break;
    case PROP_PEOPLE: set_uint (self, &self->people, value, pspec); break;
    case PROP_POSITION: set_uint (self, &self->position, value, pspec); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_team_class_init (SamTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sam_team_finalize;
  object_class->get_property = sam_team_get_property;
  object_class->set_property = sam_team_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_WORKSHOP_ID] =
    g_param_spec_int64 ("workshop-id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_COLOUR] = g_param_spec_uint ("colour", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PEOPLE] = g_param_spec_uint ("people", NULL, NULL, 0, 10000, 0, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_team_init (SamTeam *self)
{
  self->uuid = g_strdup ("");
  self->name = g_strdup ("");
}

gint64
sam_team_get_id (SamTeam *self)
{
  g_return_val_if_fail (SAM_IS_TEAM (self), 0);
  return self->id;
}

const char *
sam_team_get_uuid (SamTeam *self)
{
  g_return_val_if_fail (SAM_IS_TEAM (self), NULL);
  return self->uuid;
}

gint64
sam_team_get_workshop_id (SamTeam *self)
{
  g_return_val_if_fail (SAM_IS_TEAM (self), 0);
  return self->workshop_id;
}

const char *
sam_team_get_name (SamTeam *self)
{
  g_return_val_if_fail (SAM_IS_TEAM (self), NULL);
  return self->name;
}

/**
 * sam_team_get_colour:
 * @self: a #SamTeam
 *
 * Returns: the index of the team's colour in the palette (see sam-palette.h).
 */
guint
sam_team_get_colour (SamTeam *self)
{
  g_return_val_if_fail (SAM_IS_TEAM (self), 0);
  return self->colour;
}

guint
sam_team_get_people (SamTeam *self)
{
  g_return_val_if_fail (SAM_IS_TEAM (self), 0);
  return self->people;
}

guint
sam_team_get_position (SamTeam *self)
{
  g_return_val_if_fail (SAM_IS_TEAM (self), 0);
  return self->position;
}
