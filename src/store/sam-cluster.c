/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-cluster.h"
#include "sam-model-props.h"

/* A named group of brainstorm ideas (a card of kind "idea" belongs to at most one cluster).
 * Properties mirror the database; edits go through SamStore. */
struct _SamCluster
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 step_id;
  char *name;
  guint position;
};

G_DEFINE_FINAL_TYPE (SamCluster, sam_cluster, G_TYPE_OBJECT)

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCluster, id) },
  { "uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamCluster, uuid) },
  { "step-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamCluster, step_id) },
  { "name", SAM_PROP_STRING, G_STRUCT_OFFSET (SamCluster, name) },
  { "position", SAM_PROP_UINT, G_STRUCT_OFFSET (SamCluster, position) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_cluster_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_cluster_parent_class)->finalize (object);
}

static void
sam_cluster_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_cluster_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_cluster_class_init (SamClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_cluster_finalize;
  object_class->get_property = sam_cluster_get_property;
  object_class->set_property = sam_cluster_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_cluster_init (SamCluster *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
}

gint64
sam_cluster_get_id (SamCluster *self)
{
  g_return_val_if_fail (SAM_IS_CLUSTER (self), 0);
  return self->id;
}

const char *
sam_cluster_get_uuid (SamCluster *self)
{
  g_return_val_if_fail (SAM_IS_CLUSTER (self), 0);
  return self->uuid;
}

gint64
sam_cluster_get_step_id (SamCluster *self)
{
  g_return_val_if_fail (SAM_IS_CLUSTER (self), 0);
  return self->step_id;
}

const char *
sam_cluster_get_name (SamCluster *self)
{
  g_return_val_if_fail (SAM_IS_CLUSTER (self), 0);
  return self->name;
}

guint
sam_cluster_get_position (SamCluster *self)
{
  g_return_val_if_fail (SAM_IS_CLUSTER (self), 0);
  return self->position;
}
