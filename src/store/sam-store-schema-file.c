/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-store-private.h"

/* Schema version 6: a workshop that arrived on a team's laptop as a team
 * packet remembers for which team, and when the coach wrote the packet, so
 * that the laptop exports that team's contribution and the coach's merge
 * can tell who changed a row since (see sam-workshop-file.c).  The table
 * never travels in a file itself. */

const char sam_schema_file_sql[] =
  "CREATE TABLE packet ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL UNIQUE REFERENCES workshop(id) ON DELETE CASCADE,"
  "  team_id INTEGER REFERENCES team(id) ON DELETE SET NULL,"
  "  exported INTEGER NOT NULL,"
  "  imported INTEGER NOT NULL"
  ");";

/* Schema version 9: team mode.  The coach's PIN that leaves team mode is
 * kept as the packet brought it: a random salt and an iterated SHA-256 of
 * salt and PIN (sam-pin.c), never the PIN itself.  `team_mode` is 1 while
 * the laptop shows the team's window only, so a restart comes back to it. */
const char sam_schema_team_mode_sql[] =
  "ALTER TABLE packet ADD COLUMN pin_salt TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE packet ADD COLUMN pin_hash TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE packet ADD COLUMN pin_rounds INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE packet ADD COLUMN team_mode INTEGER NOT NULL DEFAULT 0;";

/* Schema version 12: a packet for the whole room, on one laptop passed
 * from team to team ("pass the laptop", docs/team-mode.md).  It carries
 * every team's rows; `team_id` is then the team at the laptop now. */
const char sam_schema_room_packet_sql[] =
  "ALTER TABLE packet ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;";

const SamSchemaModule sam_schema_file_module = {
  .trash_tables = NULL,
  .team_cascade = NULL,
  .team_content_count = NULL,
  .exports = NULL,
};
