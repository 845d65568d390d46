/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-store-private.h"

/* Schema version 5: the team relationship map.
 *
 * map_node      where a node sits on the map and whether the coach pinned it;
 *               team_id NULL is the customer node (one per workshop).
 * map_relation  how two nodes work together; team NULL is the customer.
 * map_snapshot  the whole map frozen at a moment ("start of the day"), as
 *               the JSON of sam_map_model_to_json().
 * Beliefs and strength→challenge links are cards and card links (see
 * docs/architecture.md); the map only reads them. */

const char sam_schema_map_sql[] =
  "CREATE TABLE map_node ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  team_id INTEGER REFERENCES team(id) ON DELETE CASCADE,"
  "  x REAL NOT NULL DEFAULT 0,"
  "  y REAL NOT NULL DEFAULT 0,"
  "  pinned INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE UNIQUE INDEX map_node_by_team ON map_node (workshop_id, COALESCE(team_id, 0));"
  "CREATE TABLE map_relation ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  team_a_id INTEGER REFERENCES team(id) ON DELETE CASCADE,"
  "  team_b_id INTEGER REFERENCES team(id) ON DELETE CASCADE,"
  "  quality INTEGER NOT NULL DEFAULT 0 CHECK (quality BETWEEN 0 AND 5),"
  "  tension INTEGER NOT NULL DEFAULT 0 CHECK (tension BETWEEN 0 AND 2),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  trash INTEGER"
  ");"
  "CREATE INDEX map_relation_by_workshop ON map_relation (workshop_id);"
  "CREATE INDEX map_relation_by_team_a ON map_relation (team_a_id);"
  "CREATE INDEX map_relation_by_team_b ON map_relation (team_b_id);"
  "CREATE TABLE map_snapshot ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  label TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  map TEXT NOT NULL,"
  "  trash INTEGER"
  ");"
  "CREATE INDEX map_snapshot_by_workshop ON map_snapshot (workshop_id, created);";

const SamSchemaModule sam_schema_map_module = {
  .trash_tables = (const char *const[]) {
    "map_relation",
    "map_snapshot",
    NULL
  },
  /* A relation needs both of its teams: it goes with either of them. */
  .team_cascade = (const char *const[]) {
    "UPDATE map_relation SET trash = ?1 WHERE trash IS NULL AND (team_a_id = ?2 OR team_b_id = ?2)",
    NULL
  },
  .team_content_count = (const char *const[]) {
    "SELECT COUNT(*) FROM map_relation WHERE trash IS NULL AND (team_a_id = ?1 OR team_b_id = ?1)",
    NULL
  },
  /* How the map travels in a workshop file.  A relation is confidential to
   * its two teams; positions and snapshots go with the whole workshop. */
  .exports = (const SamExportTable[]) {
    {
      .name = "map_node",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { "team_id", "team" }, { NULL } },
      .ranges = (const SamExportRange[]) { { "pinned", 0, 1 }, { NULL } },
    },
    {
      .name = "map_relation",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) {
        { "team_a_id", "team" },
        { "team_b_id", "team" },
        { NULL }
      },
      .team_columns = (const char *const[]) { "team_a_id", "team_b_id", NULL },
      .label_column = "note",
      .ranges = (const SamExportRange[]) {
        { "quality", 0, 5 },
        { "tension", 0, 2 },
        { NULL }
      },
    },
    {
      .name = "map_snapshot",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { NULL } },
      .label_column = "label",
      /* A snapshot holds every team's relations and tensions: it never
       * goes to one team's laptop. */
      .workshop_only = TRUE,
      /* The frozen map names its teams and relations by uuid. */
      .uuid_columns = (const char *const[]) { "map", NULL },
    },
    { NULL }
  },
};
