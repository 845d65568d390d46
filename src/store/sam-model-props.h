/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Plumbing for the plain model objects of the deciding exercises: each
 * property mirrors one field of the instance struct, so the objects only
 * list their fields.  Property ids are the index in the table plus one. */

typedef enum
{
  SAM_PROP_INT64,
  SAM_PROP_INT,
  SAM_PROP_UINT,
  SAM_PROP_STRING,
  SAM_PROP_INT64S,
} SamPropType;

typedef struct
{
  const char  *name;
  SamPropType  type;
  gsize        offset;
} SamPropInfo;

void _sam_model_install  (GObjectClass      *klass,
                          const SamPropInfo *infos,
                          guint              n_infos,
                          GParamSpec       **pspecs);
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
