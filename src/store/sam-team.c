/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-team.h"
#include "sam-model-props.h"

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

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamTeam, id), SAM_PROP_CONSTRUCT_ONLY },
  { "workshop-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamTeam, workshop_id), SAM_PROP_CONSTRUCT_ONLY },
  { "uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamTeam, uuid) },
  { "name", SAM_PROP_STRING, G_STRUCT_OFFSET (SamTeam, name) },
  { "colour", SAM_PROP_UINT, G_STRUCT_OFFSET (SamTeam, colour) },
  { "people", SAM_PROP_UINT, G_STRUCT_OFFSET (SamTeam, people), .maximum = 10000 },
  { "position", SAM_PROP_UINT, G_STRUCT_OFFSET (SamTeam, position) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_team_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_team_parent_class)->finalize (object);
}

static void
sam_team_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_team_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_team_class_init (SamTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_team_finalize;
  object_class->get_property = sam_team_get_property;
  object_class->set_property = sam_team_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_team_init (SamTeam *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
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
