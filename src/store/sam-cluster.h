/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAM_TYPE_CLUSTER (sam_cluster_get_type ())

G_DECLARE_FINAL_TYPE (SamCluster, sam_cluster, SAM, CLUSTER, GObject)

gint64       sam_cluster_get_id (SamCluster *self);
const char  *sam_cluster_get_uuid (SamCluster *self);
gint64       sam_cluster_get_step_id (SamCluster *self);
const char  *sam_cluster_get_name (SamCluster *self);
guint        sam_cluster_get_position (SamCluster *self);

G_END_DECLS
