/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-workshop.h"

/* A workshop as the library and the editor show it.  The properties are
 * writable so that SamStore can mirror what it committed; every edit made by
 * the user goes through SamStore, which writes the database first. */
struct _SamWorkshop
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  char *name;
  char *organisation;
  char *coach;
  char *date;
  char *notes;
  gint64 created;
  gint64 modified;
  guint n_teams;
};

G_DEFINE_FINAL_TYPE (SamWorkshop, sam_workshop, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_COACH,
  PROP_DATE,
  PROP_NOTES,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_N_TEAMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (SamWorkshop  *self,
            char        **field,
            const GValue *value,
            guint         prop_id)
{
  const char *str = g_value_get_string (value);

  if (g_strcmp0 (*field, str) == 0)
    return;

  g_free (*field);
  *field = g_strdup (str ? str : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int64 (SamWorkshop  *self,
           gint64       *field,
           const GValue *value,
           guint         prop_id)
{
  gint64 v = g_value_get_int64 (value);

  if (*field == v)
    return;

  *field = v;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
sam_workshop_finalize (GObject *object)
{
  SamWorkshop *self = (SamWorkshop *)object;

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->organisation);
  g_free (self->coach);
  g_free (self->date);
  g_free (self->notes);

  G_OBJECT_CLASS (sam_workshop_parent_class)->finalize (object);
}

static void
sam_workshop_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SamWorkshop *self = SAM_WORKSHOP (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ORGANISATION: g_value_set_string (value, self->organisation); break;
    case PROP_COACH: g_value_set_string (value, self->coach); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_CREATED: g_value_set_int64 (value, self->created); break;
    case PROP_MODIFIED: g_value_set_int64 (value, self->modified); break;
    case PROP_N_TEAMS: g_value_set_uint (value, self->n_teams); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_workshop_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SamWorkshop *self = SAM_WORKSHOP (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_UUID: set_string (self, &self->uuid, value, prop_id); break;
    case PROP_NAME: set_string (self, &self->name, value, prop_id); break;
    case PROP_ORGANISATION: set_string (self, &self->organisation, value, prop_id); break;
    case PROP_COACH: set_string (self, &self->coach, value, prop_id); break;
    case PROP_DATE: set_string (self, &self->date, value, prop_id); break;
    case PROP_NOTES: set_string (self, &self->notes, value, prop_id); break;
    case PROP_CREATED: set_int64 (self, &self->created, value, prop_id); break;
    case PROP_MODIFIED: set_int64 (self, &self->modified, value, prop_id); break;
    case PROP_N_TEAMS:
      if (self->n_teams != g_value_get_uint (value))
        {
          self->n_teams = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_workshop_class_init (SamWorkshopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sam_workshop_finalize;
  object_class->get_property = sam_workshop_get_property;
  object_class->set_property = sam_workshop_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, "", flags);
  properties[PROP_COACH] = g_param_spec_string ("coach", NULL, NULL, "", flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_N_TEAMS] = g_param_spec_uint ("n-teams", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_workshop_init (SamWorkshop *self)
{
  self->uuid = g_strdup ("");
  self->name = g_strdup ("");
  self->organisation = g_strdup ("");
  self->coach = g_strdup ("");
  self->date = g_strdup ("");
  self->notes = g_strdup ("");
}

gint64
sam_workshop_get_id (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), 0);
  return self->id;
}

const char *
sam_workshop_get_uuid (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), NULL);
  return self->uuid;
}

const char *
sam_workshop_get_name (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), NULL);
  return self->name;
}

const char *
sam_workshop_get_organisation (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), NULL);
  return self->organisation;
}

const char *
sam_workshop_get_coach (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), NULL);
  return self->coach;
}

/**
 * sam_workshop_get_date:
 * @self: a #SamWorkshop
 *
 * Returns: the day of the workshop as `YYYY-MM-DD`, or "" when not planned.
 */
const char *
sam_workshop_get_date (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), NULL);
  return self->date;
}

/**
 * sam_workshop_get_notes:
 * @self: a #SamWorkshop
 *
 * Returns: the coach's private notes on the workshop; never projected
 */
const char *
sam_workshop_get_notes (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), NULL);
  return self->notes;
}

gint64
sam_workshop_get_created (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), 0);
  return self->created;
}

/**
 * sam_workshop_get_modified:
 * @self: a #SamWorkshop
 *
 * Returns: when anything in the workshop was last edited, in seconds since
 *   the Unix epoch.
 */
gint64
sam_workshop_get_modified (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), 0);
  return self->modified;
}

guint
sam_workshop_get_n_teams (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), 0);
  return self->n_teams;
}

/**
 * sam_workshop_dup_search_text:
 * @self: a #SamWorkshop
 *
 * Returns: (transfer full): the case-folded text that the library's search
 *   matches against: name, organisation, coach and date.
 */
char *
sam_workshop_dup_search_text (SamWorkshop *self)
{
  g_autofree char *joined = NULL;

  g_return_val_if_fail (SAM_IS_WORKSHOP (self), NULL);

  joined = g_strjoin ("\n", self->name, self->organisation, self->coach, self->date, NULL);
  return g_utf8_casefold (joined, -1);
}
