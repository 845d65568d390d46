/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-store-private.h"

/* Schema version 7: team and leadership checklists.
 *
 * checklist_item   one statement of a checklist step, in a theme; `key` is
 *                  stable across workshops (a built-in statement's name,
 *                  or the uuid of the statement it was copied from), so a
 *                  follow-up compares like with like.
 * checklist_score  one answer: 1–5, or 0 for "don't know".  person 0 is
 *                  the answer of a whole team; 1, 2, ... are the people who
 *                  answered one after another on the team's laptop,
 *                  anonymously (only their team is known).
 *
 * The CHECKs hold whatever writes the rows (the app, an imported file), so
 * a score out of range or a number stored as text never gets in. */

const char sam_schema_checklist_sql[] =
  "CREATE TABLE checklist_item ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL CHECK (typeof(key) = 'text' AND length(key) BETWEEN 1 AND 100),"
  "  theme TEXT NOT NULL CHECK (typeof(theme) = 'text' AND length(theme) BETWEEN 1 AND 200),"
  "  text TEXT NOT NULL CHECK (typeof(text) = 'text' AND length(text) BETWEEN 1 AND 1000),"
  "  position INTEGER NOT NULL CHECK (typeof(position) = 'integer' AND position >= 0),"
  "  trash INTEGER"
  ");"
  "CREATE INDEX checklist_item_by_step ON checklist_item (step_id, position);"
  "CREATE TABLE checklist_score ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  item_id INTEGER NOT NULL REFERENCES checklist_item(id) ON DELETE CASCADE,"
  "  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
  "  person INTEGER NOT NULL DEFAULT 0 CHECK (typeof(person) = 'integer' AND person BETWEEN 0 AND 10000),"
  "  score INTEGER NOT NULL CHECK (typeof(score) = 'integer' AND score BETWEEN 0 AND 5),"
  "  trash INTEGER"
  ");"
  "CREATE UNIQUE INDEX checklist_score_one ON checklist_score (item_id, team_id, person);"
  "CREATE INDEX checklist_score_by_team ON checklist_score (team_id);";

const SamSchemaModule sam_schema_checklist_module = {
  .trash_tables = (const char *const[]) {
    "checklist_score",
    "checklist_item",
    NULL
  },
  /* A team's answers go with it. */
  .team_cascade = (const char *const[]) {
    "UPDATE checklist_score SET trash = ?1 WHERE trash IS NULL AND team_id = ?2",
    NULL
  },
  .team_content_count = (const char *const[]) {
    "SELECT COUNT(*) FROM checklist_score WHERE trash IS NULL AND team_id = ?1",
    NULL
  },
  /* Statements are shared with every team; an answer is the answering
   * team's own. */
  .exports = (const SamExportTable[]) {
    {
      .name = "checklist_item",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { "step_id", "step" }, { NULL } },
      .label_column = "text",
    },
    {
      .name = "checklist_score",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) {
        { "item_id", "checklist_item" },
        { "team_id", "team" },
        { NULL }
      },
      .team_columns = (const char *const[]) { "team_id", NULL },
    },
    { NULL }
  },
};
