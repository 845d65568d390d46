/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-store-private.h"

/* Schema version 5: the team relationship map. */

const char sam_schema_map_sql[] =
  "CREATE TABLE map_node ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  team_id INTEGER REFERENCES team(id) ON DELETE CASCADE,"
  "  x REAL NOT NULL DEFAULT 0,"
  "  y REAL NOT NULL DEFAULT 0,"
  "  pinned INTEGER NOT NULL DEFAULT 0"
  ");";

const SamSchemaModule sam_schema_map_module = {
  .trash_tables = NULL,
  .team_cascade = NULL,
  .team_content_count = NULL,
};
