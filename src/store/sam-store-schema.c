/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-store-private.h"

/* The schema, as an ordered list of migrations.  Never edit a migration that
 * has been released: add a new one at the end.  tests/test-store-migrate.c
 * builds a database at every version and migrates it to the latest. */

static const SamMigration migrations[] = {
  {
    1, "workshops and teams",
    "CREATE TABLE workshop ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  organisation TEXT NOT NULL DEFAULT '',"
    "  coach TEXT NOT NULL DEFAULT '',"
    "  date TEXT NOT NULL DEFAULT '',"
    "  created INTEGER NOT NULL,"
    "  modified INTEGER NOT NULL,"
    "  trash INTEGER"
    ");"
    "CREATE TABLE team ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL,"
    "  colour INTEGER NOT NULL DEFAULT 0,"
    "  people INTEGER NOT NULL DEFAULT 0,"
    "  position INTEGER NOT NULL,"
    "  trash INTEGER"
    ");"
    "CREATE INDEX team_by_workshop ON team (workshop_id, position);"
  },
  {
    2, "private notes of the coach on a workshop",
    "ALTER TABLE workshop ADD COLUMN notes TEXT NOT NULL DEFAULT '';"
  },
  {
    3, "agenda steps and exercise cards",
    "CREATE TABLE step ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  minutes INTEGER NOT NULL DEFAULT 30,"
    "  instructions TEXT NOT NULL DEFAULT '',"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  settings TEXT NOT NULL DEFAULT '{}',"
    "  state INTEGER NOT NULL DEFAULT 0,"
    "  timer_remaining INTEGER NOT NULL DEFAULT -1,"
    "  timer_deadline INTEGER NOT NULL DEFAULT 0,"
    "  trash INTEGER"
    ");"
    "CREATE INDEX step_by_workshop ON step (workshop_id, position);"
    "CREATE TABLE card ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
    "  step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL,"
    "  team_id INTEGER REFERENCES team(id) ON DELETE CASCADE,"
    "  about_team_id INTEGER REFERENCES team(id) ON DELETE CASCADE,"
    "  parent_id INTEGER REFERENCES card(id) ON DELETE CASCADE,"
    "  prompt TEXT NOT NULL DEFAULT '',"
    "  text TEXT NOT NULL,"
    "  detail TEXT NOT NULL DEFAULT '',"
    "  value INTEGER NOT NULL DEFAULT 0,"
    "  response INTEGER NOT NULL DEFAULT 0,"
    "  position INTEGER NOT NULL,"
    "  created INTEGER NOT NULL,"
    "  modified INTEGER NOT NULL,"
    "  trash INTEGER"
    ");"
    "CREATE INDEX card_by_step ON card (step_id, position);"
    "CREATE INDEX card_by_team ON card (team_id);"
    "CREATE INDEX card_by_about_team ON card (about_team_id);"
    "CREATE INDEX card_by_parent ON card (parent_id);"
    "CREATE TABLE card_link ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
    "  step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL,"
    "  from_card_id INTEGER NOT NULL REFERENCES card(id) ON DELETE CASCADE,"
    "  to_card_id INTEGER NOT NULL REFERENCES card(id) ON DELETE CASCADE,"
    "  note TEXT NOT NULL DEFAULT '',"
    "  trash INTEGER"
    ");"
    "CREATE INDEX card_link_by_step ON card_link (step_id);"
  },
  { 4, "the deciding exercises", sam_schema_decide_sql },
  { 5, "the relationship map", sam_schema_map_sql },
  { 6, "team packets opened on a team's laptop", sam_schema_file_sql },
  { 7, "team and leadership checklists", sam_schema_checklist_sql },
  { 8, "the customer's voice", sam_schema_feedback_sql },
  { 9, "team mode on a team's laptop", sam_schema_team_mode_sql },
  {
    10, "the language a workshop is held in",
    /* A language code Samenspel has a catalogue for ("fr"), or '' for none
     * chosen: the default language of its report. */
    "ALTER TABLE workshop ADD COLUMN language TEXT NOT NULL DEFAULT '';"
  },
  {
    /* The brainstorm's debate turn named its team by local id, which an
     * export and import cannot follow; it is the team's uuid from now on.
     * A turn whose team is gone falls back to the first team. */
    11, "the debate turn names its team by uuid",
    "UPDATE step SET settings = CASE"
    "  WHEN (SELECT t.uuid FROM team t WHERE t.id = json_extract (step.settings, '$.\"debate-turn\"')"
    "        AND t.workshop_id = step.workshop_id) IS NULL"
    "  THEN json_remove (step.settings, '$.\"debate-turn\"')"
    "  ELSE json_set (step.settings, '$.\"debate-turn\"',"
    "                 (SELECT t.uuid FROM team t WHERE t.id = json_extract (step.settings, '$.\"debate-turn\"')"
    "                  AND t.workshop_id = step.workshop_id))"
    "  END "
    "WHERE CASE WHEN json_valid (settings) AND json_type (settings) = 'object'"
    "      THEN json_type (settings, '$.\"debate-turn\"') = 'integer' ELSE 0 END;"
  },
  { 12, "a packet for the whole room on one shared laptop", sam_schema_room_packet_sql },
  { 13, "the live room: its certificate, its laptops and a laptop's link", sam_schema_live_sql },
  { 14, "deletions in the live room", sam_schema_live_deletion_sql },
  {
    /* A step's live cards in their order from the index alone
     * (trash IS NULL is an equality on it, then position and id): a
     * refresh of many changed cards reads their ids
     * (_sam_store_refresh_lists()), a new card its step's last place, and
     * card_by_step needs the table's row of every card for its trash. */
    15, "an index of a step's cards that are not in the trash",
    "CREATE INDEX card_live_by_step ON card (step_id, trash, position);"
  },
};

/* What the core tables need; modules (sam-store-schema-*.c) add their own
 * SamSchemaModule, listed in modules[] below. */
static const SamSchemaModule core_module = {
  /* Tables whose rows can sit in the trash, children before parents. */
  .trash_tables = (const char *const[]) {
    "card_link",
    "card",
    "step",
    "team",
    "workshop",
    NULL
  },
  /* What goes to the trash with a team, in the same batch (?1 the batch,
   * ?2 the team's id), so Undo brings all of it back. */
  .team_cascade = (const char *const[]) {
    "UPDATE card SET trash = ?1 WHERE trash IS NULL AND (team_id = ?2 OR about_team_id = ?2)",
    "UPDATE card SET trash = ?1 WHERE trash IS NULL AND parent_id IN "
    "(SELECT id FROM card WHERE trash = ?1)",
    "UPDATE card_link SET trash = ?1 WHERE trash IS NULL AND (from_card_id IN "
    "(SELECT id FROM card WHERE trash = ?1) OR to_card_id IN (SELECT id FROM card WHERE trash = ?1))",
    NULL
  },
  /* Counts what a team's removal takes with it (?1 the team's id), for
   * the question the coach is asked first. */
  .team_content_count = (const char *const[]) {
    "SELECT COUNT(*) FROM card WHERE trash IS NULL AND (team_id = ?1 OR about_team_id = ?1)",
    NULL
  },
  /* How the core tables travel in a workshop file (sam-workshop-file.c). */
  .exports = (const SamExportTable[]) {
    {
      .name = "workshop",
      .workshop_column = "id",
      .refs = (const SamExportRef[]) { { "follows_id", "workshop" }, { NULL } },
      .coach_columns = (const char *const[]) { "notes", NULL },
      .label_column = "name",
      .ranges = (const SamExportRange[]) { { "name", 1, 200000 }, { "language", 0, 16 }, { NULL } },
    },
    {
      .name = "team",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { NULL } },
      .label_column = "name",
      /* The colour wraps around the palette; people as the team page
       * allows. */
      .ranges = (const SamExportRange[]) {
        { "colour", 0, G_MAXINT32 },
        { "people", 0, 10000 },
        { NULL }
      },
    },
    {
      .name = "step",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) { { NULL } },
      .coach_columns = (const char *const[]) { "notes", NULL },
      .label_column = "title",
      /* SamStepState; the timer in milliseconds (-1: not running, at most
       * the day-long time box), its deadline in milliseconds since 1970. */
      .ranges = (const SamExportRange[]) {
        { "minutes", 0, 24 * 60 },
        { "state", 0, 2 },
        { "timer_remaining", -1, 24 * 60 * 60 * 1000.0 },
        { "timer_deadline", 0, 253402300799999.0 },
        { NULL }
      },
      /* The perspective assignment names teams by uuid. */
      .uuid_columns = (const char *const[]) { "settings", NULL },
    },
    {
      .name = "card",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) {
        { "step_id", "step" },
        { "team_id", "team" },
        { "about_team_id", "team" },
        { "parent_id", "card" },
        { NULL }
      },
      .team_columns = (const char *const[]) { "team_id", "about_team_id", NULL },
      /* The room votes on every team's ideas, so each team's packet
       * carries them all; the dots stay the team's own (vote). */
      .shared_where = "kind = 'idea'",
      .label_column = "text",
      /* docs/architecture.md: value is -1/0/1 on a customer step and a
       * belief's strength 1–5; response 0–3 on a perspective card. */
      .ranges = (const SamExportRange[]) {
        { "value", -1, 5 },
        { "response", 0, 3 },
        { NULL }
      },
    },
    {
      .name = "card_link",
      .workshop_column = "workshop_id",
      .refs = (const SamExportRef[]) {
        { "step_id", "step" },
        { "from_card_id", "card" },
        { "to_card_id", "card" },
        { NULL }
      },
      .label_column = "note",
    },
    { NULL }
  },
};

static const SamSchemaModule *const modules[] = {
  &core_module,
  &sam_schema_decide_module,
  &sam_schema_map_module,
  &sam_schema_file_module,
  &sam_schema_checklist_module,
  &sam_schema_feedback_module,
};

static const char *const *
collect (gsize offset)
{
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    {
      const char *const *list = G_STRUCT_MEMBER (const char *const *, modules[i], offset);

      for (guint j = 0; list != NULL && list[j] != NULL; j++)
        g_ptr_array_add (all, (gpointer) list[j]);
    }

  g_ptr_array_add (all, NULL);
  return (const char *const *) g_ptr_array_free (all, FALSE);
}

const SamMigration *
_sam_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

/* Children's tables come first, so the core's parents (workshop last)
 * are handled after every module's rows. */
const char *const *
_sam_store_get_trash_tables (void)
{
  static const char *const *tables;

  if (g_once_init_enter (&tables))
    {
      GPtrArray *all = g_ptr_array_new ();

      for (guint i = G_N_ELEMENTS (modules); i > 0; i--)
        for (const char *const *t = modules[i - 1]->trash_tables; t != NULL && *t != NULL; t++)
          g_ptr_array_add (all, (gpointer) *t);
      g_ptr_array_add (all, NULL);
      g_once_init_leave (&tables, (const char *const *) g_ptr_array_free (all, FALSE));
    }

  return tables;
}

const char *const *
_sam_store_get_team_cascade (void)
{
  static const char *const *list;

  if (g_once_init_enter (&list))
    g_once_init_leave (&list, collect (G_STRUCT_OFFSET (SamSchemaModule, team_cascade)));

  return list;
}

const char *const *
_sam_store_get_team_content_count (void)
{
  static const char *const *list;

  if (g_once_init_enter (&list))
    g_once_init_leave (&list, collect (G_STRUCT_OFFSET (SamSchemaModule, team_content_count)));

  return list;
}

/* Every module's exported tables, the core's first so that a workshop and
 * its teams and steps are written (and read back) before what points to
 * them. */
const SamExportTable *const *
_sam_store_get_exports (void)
{
  static const SamExportTable *const *list;

  if (g_once_init_enter (&list))
    {
      GPtrArray *all = g_ptr_array_new ();

      for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
        for (const SamExportTable *t = modules[i]->exports; t != NULL && t->name != NULL; t++)
          g_ptr_array_add (all, (gpointer) t);
      g_ptr_array_add (all, NULL);
      g_once_init_leave (&list, (const SamExportTable *const *) g_ptr_array_free (all, FALSE));
    }

  return list;
}

/**
 * _sam_store_find_export:
 * @name: a table's name, as in a workshop file
 *
 * Returns: (nullable): the table's description, %NULL when no table of
 *   the file has @name
 */
const SamExportTable *
_sam_store_find_export (const char *name)
{
  const SamExportTable *const *exports = _sam_store_get_exports ();

  for (guint t = 0; exports[t] != NULL; t++)
    if (g_str_equal (exports[t]->name, name))
      return exports[t];
  return NULL;
}
