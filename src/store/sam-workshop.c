/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-workshop.h"
#include "sam-model-props.h"

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
  char *language;
  gint64 created;
  gint64 modified;
  guint n_teams;
};

G_DEFINE_FINAL_TYPE (SamWorkshop, sam_workshop, G_TYPE_OBJECT)

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamWorkshop, id), SAM_PROP_CONSTRUCT_ONLY },
  { "uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamWorkshop, uuid) },
  { "name", SAM_PROP_STRING, G_STRUCT_OFFSET (SamWorkshop, name) },
  { "organisation", SAM_PROP_STRING, G_STRUCT_OFFSET (SamWorkshop, organisation) },
  { "coach", SAM_PROP_STRING, G_STRUCT_OFFSET (SamWorkshop, coach) },
  { "date", SAM_PROP_STRING, G_STRUCT_OFFSET (SamWorkshop, date) },
  { "notes", SAM_PROP_STRING, G_STRUCT_OFFSET (SamWorkshop, notes) },
  { "language", SAM_PROP_STRING, G_STRUCT_OFFSET (SamWorkshop, language) },
  { "created", SAM_PROP_INT64, G_STRUCT_OFFSET (SamWorkshop, created) },
  { "modified", SAM_PROP_INT64, G_STRUCT_OFFSET (SamWorkshop, modified) },
  { "n-teams", SAM_PROP_UINT, G_STRUCT_OFFSET (SamWorkshop, n_teams) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_workshop_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_workshop_parent_class)->finalize (object);
}

static void
sam_workshop_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_workshop_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_workshop_class_init (SamWorkshopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_workshop_finalize;
  object_class->get_property = sam_workshop_get_property;
  object_class->set_property = sam_workshop_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_workshop_init (SamWorkshop *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
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

/**
 * sam_workshop_get_language:
 * @self: a #SamWorkshop
 *
 * Returns: the language the workshop is held in, a code such as "fr" (set
 *   when it was made from a template in that language), or "" for none:
 *   its report is then written in the app's language
 */
const char *
sam_workshop_get_language (SamWorkshop *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP (self), NULL);
  return self->language ? self->language : "";
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
