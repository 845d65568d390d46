/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-map-model.h"
#include "sam-store.h"
#include "sam-store-map.h"
#include "sam-workshop-file.h"

G_BEGIN_DECLS

/* The node id of the customer in a loaded map; teams use their uuid. */
#define SAM_MAP_CUSTOMER_ID "customer"

#define SAM_TYPE_MAP_LOADER (sam_map_loader_get_type ())

G_DECLARE_FINAL_TYPE (SamMapLoader, sam_map_loader, SAM, MAP_LOADER, GObject)

SamMapLoader *sam_map_loader_new               (SamStore      *store,
                                                SamWorkshop   *workshop);
SamMapLoader *sam_map_loader_load              (SamStore      *store,
                                                SamWorkshop   *workshop,
                                                GError       **error);
SamMapModel  *sam_map_loader_load_file         (SamWorkshopFile  *file,
                                                GError          **error);
SamMapModel  *sam_map_loader_get_model         (SamMapLoader  *self);
SamStore     *sam_map_loader_get_store         (SamMapLoader  *self);
SamWorkshop  *sam_map_loader_get_workshop      (SamMapLoader  *self);
gboolean      sam_map_loader_reload            (SamMapLoader  *self,
                                                GError       **error);

const char   *sam_map_loader_get_note          (SamMapLoader  *self,
                                                const char    *relation_id);
gboolean      sam_map_loader_set_relation      (SamMapLoader  *self,
                                                const char    *relation_id,
                                                guint          quality,
                                                SamMapTension  tension,
                                                const char    *note,
                                                GError       **error);
gboolean      sam_map_loader_set_pinned        (SamMapLoader  *self,
                                                const char    *node_id,
                                                gboolean       pinned,
                                                GError       **error);
gboolean      sam_map_loader_delete            (SamMapLoader  *self,
                                                SamMapKind     kind,
                                                const char    *element_id,
                                                gint64        *out_batch,
                                                GError       **error);
char         *sam_map_loader_describe_source   (SamMapLoader  *self,
                                                const char    *belief_id);

SamMapSnapshotRecord *sam_map_loader_freeze    (SamMapLoader  *self,
                                                const char    *label,
                                                GError       **error);
GPtrArray    *sam_map_loader_list_snapshots    (SamMapLoader  *self,
                                                GError       **error);
SamMapModel  *sam_map_loader_load_snapshot     (SamMapLoader  *self,
                                                const char    *uuid,
                                                GError       **error);

G_END_DECLS
