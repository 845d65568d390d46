/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-store-private.h"

/* Schema version 4: the deciding exercises (brainstorm with clusters and
 * dot votes, agreements and their review in a follow-up workshop, the plans
 * to bring absent colleagues along).  Ideas, achieve/avoid statements and
 * their verifications are cards (docs/architecture.md).
 *
 * Link tables (cluster_card, agreement_team) hold no user text and have no
 * trash column: what they link is hidden while either side is in the trash,
 * and comes back with it. */

const char sam_schema_decide_sql[] =
  "ALTER TABLE workshop ADD COLUMN follows_id INTEGER REFERENCES workshop(id) ON DELETE SET NULL;"
  "CREATE TABLE cluster ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  trash INTEGER"
  ");"
  "CREATE INDEX cluster_by_step ON cluster (step_id, position);"
  "CREATE TABLE cluster_card ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster(id) ON DELETE CASCADE,"
  "  card_id INTEGER NOT NULL UNIQUE REFERENCES card(id) ON DELETE CASCADE"
  ");"
  "CREATE INDEX cluster_card_by_cluster ON cluster_card (cluster_id);"
  "CREATE TABLE vote ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,"
  "  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
  "  card_id INTEGER NOT NULL REFERENCES card(id) ON DELETE CASCADE,"
  "  created INTEGER NOT NULL,"
  "  trash INTEGER"
  ");"
  "CREATE INDEX vote_by_step ON vote (step_id, team_id);"
  "CREATE INDEX vote_by_card ON vote (card_id);"
  "CREATE TABLE agreement ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,"
  "  what TEXT NOT NULL,"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  due TEXT NOT NULL DEFAULT '',"
  "  verification TEXT NOT NULL DEFAULT '',"
  "  idea_id INTEGER REFERENCES card(id) ON DELETE SET NULL,"
  "  status INTEGER NOT NULL DEFAULT 0,"
  "  review_date TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  trash INTEGER"
  ");"
  "CREATE INDEX agreement_by_step ON agreement (step_id, position);"
  "CREATE TABLE agreement_team ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,"
  "  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
  "  UNIQUE (agreement_id, team_id)"
  ");"
  "CREATE INDEX agreement_team_by_team ON agreement_team (team_id);"
  /* A copy of the reviewed agreement, so the follow-up keeps its review
   * even when the earlier workshop is deleted. */
  "CREATE TABLE agreement_review ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,"
  "  source_uuid TEXT NOT NULL,"
  "  what TEXT NOT NULL,"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  due TEXT NOT NULL DEFAULT '',"
  "  verification TEXT NOT NULL DEFAULT '',"
  "  teams TEXT NOT NULL DEFAULT '',"
  "  outcome INTEGER NOT NULL DEFAULT 0,"
  "  why TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  trash INTEGER"
  ");"
  "CREATE INDEX agreement_review_by_step ON agreement_review (step_id, position);"
  "CREATE TABLE absent_plan ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,"
  "  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
  "  absent TEXT NOT NULL,"
  "  experience TEXT NOT NULL DEFAULT '',"
  "  who TEXT NOT NULL DEFAULT '',"
  "  due TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  trash INTEGER"
  ");"
  "CREATE INDEX absent_plan_by_step ON absent_plan (step_id, team_id, position);";

const SamSchemaModule sam_schema_decide_module = {
  /* Children before parents. */
  .trash_tables = (const char *const[]) {
    "vote",
    "agreement_review",
    "agreement",
    "cluster",
    "absent_plan",
    NULL
  },
  /* A team's dots and its plans for absent colleagues go with it.  An
   * agreement belongs to the whole room and stays; it only loses the
   * team from its list while the team is in the trash. */
  .team_cascade = (const char *const[]) {
    "UPDATE vote SET trash = ?1 WHERE trash IS NULL AND team_id = ?2",
    "UPDATE absent_plan SET trash = ?1 WHERE trash IS NULL AND team_id = ?2",
    NULL
  },
  .team_content_count = (const char *const[]) {
    "SELECT COUNT(*) FROM vote WHERE trash IS NULL AND team_id = ?1",
    "SELECT COUNT(*) FROM absent_plan WHERE trash IS NULL AND team_id = ?1",
    NULL
  },
  /* How these tables travel in a workshop file.  A team's dots and plans
   * are confidential to it; clusters and agreements belong to the room. */
  .exports = (const SamExportTable[]) {
    {
      .name = "cluster",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { "step_id", "step" }, { NULL } },
      .label_column = "name",
    },
    {
      .name = "cluster_card",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { "cluster_id", "cluster" }, { "card_id", "card" }, { NULL } },
    },
    {
      .name = "vote",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) {
        { "step_id", "step" },
        { "team_id", "team" },
        { "card_id", "card" },
        { NULL }
      },
      .team_columns = (const char *const[]) { "team_id", NULL },
    },
    {
      .name = "agreement",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { "step_id", "step" }, { "idea_id", "card" }, { NULL } },
      .label_column = "what",
      .ranges = (const SamExportRange[]) { { "status", 0, 3 }, { NULL } },
    },
    {
      .name = "agreement_team",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { "agreement_id", "agreement" }, { "team_id", "team" }, { NULL } },
    },
    {
      .name = "agreement_review",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { "step_id", "step" }, { NULL } },
      .label_column = "what",
      .ranges = (const SamExportRange[]) { { "outcome", 0, 3 }, { NULL } },
      /* The reviewed agreement, when it travels in the same file. */
      .uuid_columns = (const char *const[]) { "source_uuid", NULL },
    },
    {
      .name = "absent_plan",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { "step_id", "step" }, { "team_id", "team" }, { NULL } },
      .team_columns = (const char *const[]) { "team_id", NULL },
      .label_column = "absent",
    },
    { NULL }
  },
};
