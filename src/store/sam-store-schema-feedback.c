/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-store-private.h"

/* Schema version 8: the customer's voice.
 *
 * feedback  one survey response imported from a CSV file: a score on the
 *           scale of its survey (0–10, or 1–5), a comment, the date it was
 *           given (YYYY-MM-DD or empty), the team or channel it concerns,
 *           and the line of the file it came from.  It belongs to a step of
 *           kind "customer-voice", shared with every team: that the teams
 *           hear it first-hand is the point of the exercise. */

const char sam_schema_feedback_sql[] =
  "CREATE TABLE feedback ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,"
  "  scale INTEGER NOT NULL CHECK (typeof(scale) = 'integer' AND scale IN (5, 10)),"
  "  score INTEGER CHECK (score IS NULL OR (typeof(score) = 'integer' AND score BETWEEN 0 AND scale)),"
  "  comment TEXT NOT NULL DEFAULT '' CHECK (typeof(comment) = 'text' AND length(comment) <= 20000),"
  "  date TEXT NOT NULL DEFAULT '' CHECK (date = '' OR (typeof(date) = 'text' AND "
  "    date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')),"
  "  channel TEXT NOT NULL DEFAULT '' CHECK (typeof(channel) = 'text' AND length(channel) <= 200),"
  "  line INTEGER NOT NULL DEFAULT 0 CHECK (typeof(line) = 'integer' AND line >= 0),"
  "  trash INTEGER"
  ");"
  "CREATE INDEX feedback_by_step ON feedback (step_id, line);";

const SamSchemaModule sam_schema_feedback_module = {
  .trash_tables = (const char *const[]) {
    "feedback",
    NULL
  },
  .exports = (const SamExportTable[]) {
    {
      .name = "feedback",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { "step_id", "step" }, { NULL } },
      .label_column = "comment",
    },
    { NULL }
  },
};
