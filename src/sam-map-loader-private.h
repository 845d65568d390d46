/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-map-loader.h"

G_BEGIN_DECLS

/* Shared by sam-map-loader.c (reading the store, writing back the view's
 * changes) and sam-map-loader-edit.c (edits, deletes and snapshots). */
struct _SamMapLoader
{
  GObject       parent_instance;

  SamStore     *store;
  SamWorkshop  *workshop;
  SamMapModel  *model;

  GHashTable   *team_by_node;   /* node id → gint64 team id (0: customer) */
  GHashTable   *node_by_team;   /* gint64 team id → node id */
  GHashTable   *notes;          /* relation id → note */
  GHashTable   *stored;         /* relation ids that have a row */
  GHashTable   *sources;        /* belief id → step title */
  GHashTable   *cards;          /* belief / link id → SamCard / SamCardLink */
  GPtrArray    *watched;        /* GListModels and teams we listen to */

  guint         rebuild_id;
  gboolean      syncing;
};

gboolean _sam_map_loader_team_for_node    (SamMapLoader  *self,
                                           const char    *node_id,
                                           gint64        *team_id);
gboolean _sam_map_loader_store_placements (SamMapLoader  *self,
                                           GError       **error);
void     _sam_map_loader_report           (SamMapLoader  *self,
                                           const GError  *error);
gboolean _sam_map_loader_place_unplaced   (SamMapModel   *model,
                                           GHashTable    *placed);

G_END_DECLS
