/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Plumbing for the plain model objects (workshops, teams, steps, cards and
 * the results of the deciding exercises): each property mirrors one field of
 * the instance struct, so the objects only list their fields.  Property ids
 * are the index in the table plus one.
 *
 * A property is read-write, notifies only on change and has the range of its
 * type (an INT64 from 0), unless its flags or maximum say otherwise.  Strings
 * are never NULL: setting NULL stores "". */

typedef enum
{
  SAM_PROP_INT64,
  SAM_PROP_INT,
  SAM_PROP_UINT,
  SAM_PROP_STRING,
  SAM_PROP_INT64S,
} SamPropType;

typedef enum
{
  SAM_PROP_FLAGS_NONE     = 0,
  /* Set once by g_object_new(); GObject itself notifies. */
  SAM_PROP_CONSTRUCT_ONLY = 1 << 0,
  /* An INT64 that may be negative (G_MININT64 .. G_MAXINT64). */
  SAM_PROP_SIGNED         = 1 << 1,
} SamPropFlags;

typedef struct
{
  const char   *name;
  SamPropType   type;
  gsize         offset;
  SamPropFlags  flags;
  /* Default of an INT64, INT or UINT; _sam_model_init() sets it. */
  gint64        default_value;
  /* Maximum of a UINT; 0 means G_MAXUINT. */
  guint         maximum;
} SamPropInfo;

void _sam_model_install  (GObjectClass      *klass,
                          const SamPropInfo *infos,
                          guint              n_infos,
                          GParamSpec       **pspecs);
void _sam_model_init     (GObject           *object,
                          const SamPropInfo *infos,
                          guint              n_infos);
void _sam_model_get      (GObject           *object,
                          const SamPropInfo *infos,
                          guint              prop_id,
                          GValue            *value);
void _sam_model_set      (GObject           *object,
                          const SamPropInfo *infos,
                          guint              prop_id,
                          const GValue      *value,
                          GParamSpec        *pspec);
void _sam_model_free     (GObject           *object,
                          const SamPropInfo *infos,
                          guint              n_infos);

G_END_DECLS
