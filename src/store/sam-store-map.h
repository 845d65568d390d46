/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* The relationship map's own rows (schema version 5).  Team id 0 stands for
 * "the customer" everywhere in this API.  The rows are plain records: the
 * map page turns them into a SamMapModel and writes its changes back here. */

#define SAM_MAP_NOTE_MAX_TEXT  2000
#define SAM_MAP_LABEL_MAX_TEXT 200

/**
 * SamMapPlacement:
 * @team_id: the team, or 0 for the customer
 * @x: world x
 * @y: world y
 * @pinned: whether auto-layout leaves the node where it is
 */
typedef struct
{
  gint64   team_id;
  double   x;
  double   y;
  gboolean pinned;
} SamMapPlacement;

/**
 * SamMapRelationRecord:
 * @uuid: stable id (also the id in the map model)
 * @team_a: one team, or 0 for the customer
 * @team_b: the other team, or 0 for the customer
 * @quality: 0 = not rated yet, 1..5
 * @tension: 0 none, 1 some, 2 high
 * @note: what the group said about it
 */
typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  team_a;
  gint64  team_b;
  guint   quality;
  guint   tension;
  char   *note;
} SamMapRelationRecord;

/**
 * SamMapSnapshotRecord:
 * @uuid: stable id
 * @label: what the coach called it ("Start of the day")
 * @created: wall-clock time in milliseconds
 * @json: the map, as sam_map_model_to_json() wrote it
 */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *label;
  gint64  created;
  char   *json;
} SamMapSnapshotRecord;

void                  sam_map_relation_record_free   (SamMapRelationRecord *record);
void                  sam_map_snapshot_record_free   (SamMapSnapshotRecord *record);

GArray               *sam_store_list_map_placements  (SamStore               *self,
                                                      SamWorkshop            *workshop,
                                                      GError                **error);
gboolean              sam_store_set_map_placements   (SamStore               *self,
                                                      SamWorkshop            *workshop,
                                                      const SamMapPlacement  *placements,
                                                      guint                   n_placements,
                                                      GError                **error);

GPtrArray            *sam_store_list_map_relations   (SamStore               *self,
                                                      SamWorkshop            *workshop,
                                                      GError                **error);
SamMapRelationRecord *sam_store_add_map_relation     (SamStore               *self,
                                                      SamWorkshop            *workshop,
                                                      const char             *uuid,
                                                      gint64                  team_a,
                                                      gint64                  team_b,
                                                      guint                   quality,
                                                      guint                   tension,
                                                      const char             *note,
                                                      GError                **error);
gboolean              sam_store_set_map_relation     (SamStore               *self,
                                                      SamWorkshop            *workshop,
                                                      const char             *uuid,
                                                      guint                   quality,
                                                      guint                   tension,
                                                      const char             *note,
                                                      GError                **error);
gboolean              sam_store_trash_map_relation   (SamStore               *self,
                                                      SamWorkshop            *workshop,
                                                      const char             *uuid,
                                                      gint64                 *out_batch,
                                                      GError                **error);

GPtrArray            *sam_store_list_map_snapshots   (SamStore               *self,
                                                      SamWorkshop            *workshop,
                                                      GError                **error);
SamMapSnapshotRecord *sam_store_add_map_snapshot     (SamStore               *self,
                                                      SamWorkshop            *workshop,
                                                      const char             *label,
                                                      const char             *json,
                                                      GError                **error);
gboolean              sam_store_trash_map_snapshot   (SamStore               *self,
                                                      SamWorkshop            *workshop,
                                                      const char             *uuid,
                                                      gint64                 *out_batch,
                                                      GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMapRelationRecord, sam_map_relation_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMapSnapshotRecord, sam_map_snapshot_record_free)

G_END_DECLS
