/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sam-workshop-file-private.h"

/* Writing a workshop file.  Nothing here knows an exercise's tables: every
 * table a module lists in its `exports` is read with all its columns, and
 * its foreign keys become the uuids of the rows they point to. */

static void
column_free (gpointer data)
{
  SamFileColumn *column = data;

  g_free (column->name);
  g_free (column->key);
  g_free (column);
}

void
_sam_file_table_free (SamFileTable *table)
{
  if (!g_atomic_int_dec_and_test (&table->ref_count))
    return;
  g_clear_pointer (&table->columns, g_ptr_array_unref);
  g_free (table);
}

static char
type_of (const char *declared)
{
  g_autofree char *upper = g_ascii_strup (declared ? declared : "", -1);

  if (strstr (upper, "INT") != NULL)
    return 'i';
  if (strstr (upper, "CHAR") != NULL || strstr (upper, "CLOB") != NULL || strstr (upper, "TEXT") != NULL)
    return 't';
  if (strstr (upper, "BLOB") != NULL)
    return 'b';
  if (strstr (upper, "REAL") != NULL || strstr (upper, "FLOA") != NULL || strstr (upper, "DOUB") != NULL)
    return 'r';

  return '?';
}

static gboolean
strv_has (const char *const *strv,
          const char        *name)
{
  return strv != NULL && g_strv_contains (strv, name);
}

/* A foreign key SQLite knows of that the module did not declare is still
 * written as a uuid, so a forgotten entry never leaks a local id. */
static const char *
find_ref (sqlite3              *db,
          const SamExportTable *desc,
          const char           *column)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *table = NULL;

  for (const SamExportRef *ref = desc->refs; ref != NULL && ref->column != NULL; ref++)
    if (g_str_equal (ref->column, column))
      return g_intern_string (ref->table);

  sql = g_strdup_printf ("PRAGMA foreign_key_list(\"%s\")", desc->name);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  while (table == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), column) == 0)
      table = g_intern_string ((const char *) sqlite3_column_text (stmt, 2));

  sqlite3_finalize (stmt);
  return table;
}

/* The table's columns as this database has them, or %NULL when the table
 * does not exist here. */
static SamFileTable *
read_table (SamStore             *store,
            const SamExportTable *desc)
{
  sqlite3 *db = _sam_store_get_db (store);
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", desc->name);
  g_autoptr(SamFileTable) table = g_new0 (SamFileTable, 1);
  sqlite3_stmt *stmt = NULL;

  table->ref_count = 1;
  table->desc = desc;
  table->columns = g_ptr_array_new_with_free_func (column_free);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SamFileColumn *column = g_new0 (SamFileColumn, 1);

      column->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      column->type = type_of ((const char *) sqlite3_column_text (stmt, 2));
      column->not_null = sqlite3_column_int (stmt, 3) != 0;
      column->has_default = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      column->skipped = g_str_equal (column->name, "id") || g_str_equal (column->name, "trash") ||
                        g_str_equal (column->name, desc->workshop_column);
      column->coach_only = strv_has (desc->coach_columns, column->name);
      column->ref_table = column->skipped ? NULL : find_ref (db, desc, column->name);
      column->key = column->ref_table ? _sam_file_ref_key (column->name) : g_strdup (column->name);
      column->has_uuids = strv_has (desc->uuid_columns, column->name);
      _sam_file_default_range (column->name, column->type, &column->min, &column->max);
      for (const SamExportRange *range = desc->ranges; range != NULL && range->column != NULL; range++)
        if (g_str_equal (range->column, column->name))
          {
            column->min = range->min;
            column->max = range->max;
          }
      table->has_trash |= g_str_equal (column->name, "trash");
      table->has_modified |= g_str_equal (column->name, "modified");
      g_ptr_array_add (table->columns, column);
    }
  sqlite3_finalize (stmt);

  if (table->columns->len == 0)
    return NULL;

  return g_steal_pointer (&table);
}

/**
 * _sam_file_table_load:
 * @store: the database
 * @desc: an exported table
 *
 * Describes @desc's table as this database has it.  The schema is fixed
 * once the store is open (migrations run before), so each table is read
 * once per store: a live room merges and exports many times a second.
 *
 * Returns: (transfer full) (nullable): the table's columns, or %NULL when
 *   the table does not exist here; free with _sam_file_table_free()
 */
SamFileTable *
_sam_file_table_load (SamStore             *store,
                      const SamExportTable *desc)
{
  GHashTable *cache = g_object_get_data (G_OBJECT (store), "sam-file-tables");
  SamFileTable *table;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _sam_file_table_free);
      g_object_set_data_full (G_OBJECT (store), "sam-file-tables", cache, (GDestroyNotify) g_hash_table_unref);
    }

  table = g_hash_table_lookup (cache, desc);
  if (table == NULL)
    {
      table = read_table (store, desc);
      if (table == NULL)
        return NULL;
      g_hash_table_insert (cache, (gpointer) desc, table);
    }

  g_atomic_int_inc (&table->ref_count);
  return table;
}

static char *
lookup_uuid (SamStore   *store,
             const char *table,
             gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM \"%s\" WHERE id = ?1", table);
  sqlite3_stmt *stmt = _sam_store_prepare (store, sql, NULL);
  char *uuid = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = _sam_store_dup_column (stmt, 0);
  sqlite3_reset (stmt);

  return uuid;
}

/**
 * _sam_file_row_to_json:
 * @store: the database
 * @table: the table @stmt reads
 * @stmt: a statement on the row, `SELECT *` so columns are in table order
 * @clear_coach: leave out what only the coach may read
 *
 * Returns: (transfer full): the row as the file writes it
 */
JsonObject *
_sam_file_row_to_json (SamStore     *store,
                       SamFileTable *table,
                       sqlite3_stmt *stmt,
                       gboolean      clear_coach)
{
  JsonObject *row = json_object_new ();

  for (guint i = 0; i < table->columns->len; i++)
    {
      SamFileColumn *column = g_ptr_array_index (table->columns, i);
      int type = sqlite3_column_type (stmt, i);

      if (column->skipped || (column->coach_only && clear_coach))
        continue;

      if (type == SQLITE_NULL)
        json_object_set_null_member (row, column->key);
      else if (column->ref_table != NULL)
        {
          g_autofree char *uuid = lookup_uuid (store, column->ref_table, sqlite3_column_int64 (stmt, i));

          if (uuid != NULL)
            json_object_set_string_member (row, column->key, uuid);
          else
            json_object_set_null_member (row, column->key);
        }
      else if (type == SQLITE_INTEGER)
        json_object_set_int_member (row, column->key, sqlite3_column_int64 (stmt, i));
      else if (type == SQLITE_FLOAT)
        json_object_set_double_member (row, column->key, sqlite3_column_double (stmt, i));
      else if (type == SQLITE_BLOB)
        {
          g_autofree char *encoded = g_base64_encode (sqlite3_column_blob (stmt, i),
                                                      sqlite3_column_bytes (stmt, i));
          json_object_set_string_member (row, column->key, encoded);
        }
      else
        json_object_set_string_member (row, column->key, (const char *) sqlite3_column_text (stmt, i));
    }

  return row;
}

typedef struct
{
  SamStore   *store;
  gint64      workshop_id;
  gint64      team_id;        /* 0: every team's rows */
  gboolean    for_team;       /* a packet or contribution: no coach-only columns */
  GHashTable *included;       /* table name → GHashTable of gint64 ids */
  GHashTable *only;           /* table name → GHashTable of gint64 ids, the
                               * only rows that may travel; NULL: any row */
} ExportContext;

static char *
build_where (SamFileTable *table,
             gboolean      for_team,
             gboolean      by_team,
             gboolean      by_id)
{
  GString *sql = g_string_new (NULL);
  const char *const *teams = table->desc->team_columns;

  g_string_append_printf (sql, " WHERE \"%s\" = ?1", table->desc->workshop_column);
  if (for_team && table->desc->workshop_only)
    g_string_append (sql, " AND 0");
  if (table->has_trash)
    g_string_append (sql, " AND trash IS NULL");

  if (by_team && teams != NULL && teams[0] != NULL)
    {
      g_string_append (sql, " AND ((");
      for (guint i = 0; teams[i] != NULL; i++)
        g_string_append_printf (sql, "%s\"%s\" IS NULL", i > 0 ? " AND " : "", teams[i]);
      g_string_append (sql, ")");
      for (guint i = 0; teams[i] != NULL; i++)
        g_string_append_printf (sql, " OR \"%s\" = ?2", teams[i]);
      if (table->desc->shared_where != NULL)
        g_string_append_printf (sql, " OR (%s)", table->desc->shared_where);
      g_string_append (sql, ")");
    }

  if (by_id)
    g_string_append (sql, " AND id = ?3");
  g_string_append (sql, " ORDER BY id");
  return g_string_free (sql, FALSE);
}

/* The table's query: its rows that may travel, or one of them (?3) when
 * the export is limited to some rows. */
static sqlite3_stmt *
prepare_rows (ExportContext  *ctx,
              SamFileTable   *table,
              GError        **error)
{
  g_autofree char *where = build_where (table, ctx->for_team, ctx->team_id != 0, ctx->only != NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"%s", table->desc->name, where);

  return _sam_store_prepare (ctx->store, sql, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

typedef void (*RowFunc) (ExportContext *ctx,
                         SamFileTable  *table,
                         sqlite3_stmt  *stmt,
                         gpointer       data);

/* Calls @func on each row of @stmt (from prepare_rows()): every row, or
 * when the export is limited, each of the table's chosen rows in the
 * order of their ids, one lookup each. */
static void
each_row (ExportContext *ctx,
          SamFileTable  *table,
          sqlite3_stmt  *stmt,
          RowFunc        func,
          gpointer       data)
{
  g_autoptr(GArray) ids = NULL;
  GHashTable *only;
  GHashTableIter iter;
  gpointer key;

  if (ctx->only == NULL)
    {
      sqlite3_bind_int64 (stmt, 1, ctx->workshop_id);
      sqlite3_bind_int64 (stmt, 2, ctx->team_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        func (ctx, table, stmt, data);
      sqlite3_reset (stmt);
      return;
    }

  only = g_hash_table_lookup (ctx->only, table->desc->name);
  if (only == NULL)
    return;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (only));
  g_hash_table_iter_init (&iter, only);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ctx->workshop_id);
      sqlite3_bind_int64 (stmt, 2, ctx->team_id);
      sqlite3_bind_int64 (stmt, 3, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        func (ctx, table, stmt, data);
      sqlite3_reset (stmt);
    }
}

/* Whether every reference of the row points to a row that travels too;
 * a row whose parent stays behind (a card of a deleted step, a link to
 * another team's card) stays behind as well. */
static gboolean
refs_included (ExportContext *ctx,
               SamFileTable  *table,
               sqlite3_stmt  *stmt)
{
  for (guint i = 0; i < table->columns->len; i++)
    {
      SamFileColumn *column = g_ptr_array_index (table->columns, i);
      GHashTable *ids;

      if (column->ref_table == NULL || sqlite3_column_type (stmt, i) == SQLITE_NULL ||
          g_str_equal (column->ref_table, "workshop"))
        continue;

      ids = g_hash_table_lookup (ctx->included, column->ref_table);
      if (ids != NULL && !g_hash_table_contains (ids, &(gint64) { sqlite3_column_int64 (stmt, i) }))
        return FALSE;
    }

  return TRUE;
}

static void
add_id (ExportContext *ctx,
        SamFileTable  *table,
        sqlite3_stmt  *stmt,
        gpointer       data)
{
  g_hash_table_add (data, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
}

typedef struct
{
  GHashTable *ids;
  gboolean    changed;
} Pruning;

static void
prune_row (ExportContext *ctx,
           SamFileTable  *table,
           sqlite3_stmt  *stmt,
           gpointer       data)
{
  Pruning *pruning = data;
  gint64 id = sqlite3_column_int64 (stmt, 0);

  if (g_hash_table_contains (pruning->ids, &id) && !refs_included (ctx, table, stmt))
    {
      g_hash_table_remove (pruning->ids, &id);
      pruning->changed = TRUE;
    }
}

/* Selects the table's rows, then drops those whose references stay behind
 * until nothing changes (a card's parent may be dropped in a later round). */
static GHashTable *
select_ids (ExportContext *ctx,
            SamFileTable  *table,
            GError       **error)
{
  Pruning pruning = { NULL, TRUE };
  sqlite3_stmt *stmt = prepare_rows (ctx, table, error);

  if (stmt == NULL)
    return NULL;

  pruning.ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  each_row (ctx, table, stmt, add_id, pruning.ids);
  g_hash_table_insert (ctx->included, (gpointer) table->desc->name, pruning.ids);

  while (pruning.changed)
    {
      pruning.changed = FALSE;
      each_row (ctx, table, stmt, prune_row, &pruning);
    }

  return pruning.ids;
}

typedef struct
{
  GHashTable *ids;
  JsonArray  *rows;
} Writing;

static void
write_row (ExportContext *ctx,
           SamFileTable  *table,
           sqlite3_stmt  *stmt,
           gpointer       data)
{
  Writing *writing = data;

  if (g_hash_table_contains (writing->ids, &(gint64) { sqlite3_column_int64 (stmt, 0) }))
    json_array_add_object_element (writing->rows, _sam_file_row_to_json (ctx->store, table, stmt, ctx->for_team));
}

static JsonArray *
export_table (ExportContext  *ctx,
              SamFileTable   *table,
              GError        **error)
{
  Writing writing = { select_ids (ctx, table, error), NULL };
  sqlite3_stmt *stmt;

  if (writing.ids == NULL)
    return NULL;

  /* Prepared after select_ids(): both use the same cached statement. */
  stmt = prepare_rows (ctx, table, error);
  if (stmt == NULL)
    return NULL;

  writing.rows = json_array_new ();
  each_row (ctx, table, stmt, write_row, &writing);
  return writing.rows;
}

static JsonObject *
export_workshop_row (ExportContext  *ctx,
                     SamFileTable   *table,
                     GError        **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (ctx->store, "SELECT * FROM workshop WHERE id = ?1", error);
  JsonObject *row = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, ctx->workshop_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = _sam_file_row_to_json (ctx->store, table, stmt, ctx->for_team);
  sqlite3_reset (stmt);

  if (row == NULL)
    g_set_error_literal (error, SAM_FILE_ERROR, SAM_FILE_ERROR_FAILED,
                         _("The workshop is no longer there"));
  return row;
}

static const char *
kind_name (SamFileKind kind)
{
  switch (kind)
    {
    case SAM_FILE_KIND_TEAM_PACKET:
      return "team-packet";
    case SAM_FILE_KIND_TEAM_CONTRIBUTION:
      return "team-contribution";
    case SAM_FILE_KIND_WORKSHOP:
    default:
      return "workshop";
    }
}

static SamWorkshopFile *
export_file_in_transaction (SamStore     *store,
                            SamWorkshop  *workshop,
                            SamFileKind   kind,
                            SamTeam      *team,
                            gboolean      shared,
                            gint64        packet_exported,
                            GHashTable   *only,
                            GError      **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonObject) tables = json_object_new ();
  g_autoptr(GHashTable) included = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_hash_table_unref);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *now = _sam_file_format_time (_sam_store_now ());
  const SamExportTable *const *exports = _sam_store_get_exports ();
  ExportContext ctx = { store, sam_workshop_get_id (workshop), team && !shared ? sam_team_get_id (team) : 0,
                        team != NULL, included, only };

  json_object_set_string_member (root, "format", "samenspel-workshop");
  /* An older reader would open a shared laptop's file as one team's and
   * send back only that team's work: it must refuse it instead. */
  json_object_set_int_member (root, "version",
                              team != NULL && shared ? SAM_WORKSHOP_FILE_SHARED_VERSION
                                                     : SAM_WORKSHOP_FILE_PLAIN_VERSION);
  json_object_set_int_member (root, "minor_version", SAM_WORKSHOP_FILE_MINOR_VERSION);
  json_object_set_string_member (root, "app_version", PACKAGE_VERSION);
  json_object_set_int_member (root, "schema_version", sam_store_get_version (store));
  json_object_set_string_member (root, "exported", now);
  json_object_set_string_member (root, "kind", kind_name (kind));
  if (team != NULL)
    {
      g_autofree char *packet = _sam_file_format_time (packet_exported);

      json_object_set_string_member (root, "team", sam_team_get_uuid (team));
      json_object_set_string_member (root, "packet_exported", packet);
      if (shared)
        json_object_set_boolean_member (root, "shared", TRUE);
    }

  for (guint t = 0; exports[t] != NULL; t++)
    {
      g_autoptr(SamFileTable) table = _sam_file_table_load (store, exports[t]);

      if (table == NULL)
        continue;

      if (g_str_equal (exports[t]->name, "workshop"))
        {
          JsonObject *row = export_workshop_row (&ctx, table, error);

          if (row == NULL)
            return NULL;
          json_object_set_object_member (root, "workshop", row);
        }
      else
        {
          JsonArray *rows = export_table (&ctx, table, error);

          if (rows == NULL)
            return NULL;
          json_object_set_array_member (tables, exports[t]->name, rows);
        }
    }

  json_object_set_object_member (root, "tables", g_steal_pointer (&tables));
  node = json_node_init_object (json_node_alloc (), root);
  return _sam_workshop_file_new_from_root (node, sam_workshop_get_name (workshop), error);
}

/* One read transaction for the whole export: every row from the same
 * state of the database, and SQLite takes its locks once, not for each of
 * the many small reads (a live room exports several times a second). */
static SamWorkshopFile *
export_file (SamStore     *store,
             SamWorkshop  *workshop,
             SamFileKind   kind,
             SamTeam      *team,
             gboolean      shared,
             gint64        packet_exported,
             GHashTable   *only,
             GError      **error)
{
  SamWorkshopFile *file;

  if (!_sam_store_begin (store, error))
    return NULL;
  file = export_file_in_transaction (store, workshop, kind, team, shared, packet_exported, only, error);
  if (file == NULL)
    _sam_store_rollback (store);
  else if (!_sam_store_commit (store, error))
    g_clear_object (&file);
  return file;
}

static SamTeam *
find_team (SamStore     *store,
           SamWorkshop  *workshop,
           const char   *team_uuid,
           GError      **error)
{
  GListModel *teams = sam_store_get_teams (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) candidate = g_list_model_get_item (teams, i);

      if (g_strcmp0 (sam_team_get_uuid (candidate), team_uuid) == 0)
        return candidate;
    }

  g_set_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_REFERENCE,
               _("The team is no longer part of “%s”"), sam_workshop_get_name (workshop));
  return NULL;
}

/**
 * sam_workshop_file_new_from_store:
 * @store: the database
 * @workshop: the workshop to export
 * @kind: %SAM_FILE_KIND_WORKSHOP for everything, %SAM_FILE_KIND_TEAM_PACKET
 *   for what the team with @team_uuid may see
 * @team_uuid: (nullable): the team of a team packet
 * @error: return location for a #GError
 *
 * Exports a workshop.  A team packet leaves out the coach's notes and the
 * rows that are confidential to other teams.
 *
 * Returns: (transfer full) (nullable): the file, ready to save
 */
SamWorkshopFile *
sam_workshop_file_new_from_store (SamStore     *store,
                                  SamWorkshop  *workshop,
                                  SamFileKind   kind,
                                  const char   *team_uuid,
                                  GError      **error)
{
  SamTeam *team = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (kind != SAM_FILE_KIND_TEAM_CONTRIBUTION, NULL);

  if (kind == SAM_FILE_KIND_TEAM_PACKET && (team = find_team (store, workshop, team_uuid, error)) == NULL)
    return NULL;

  return export_file (store, workshop, kind, team, FALSE, _sam_store_now (), NULL, error);
}

/* Adds the row @id of @table to @only, and what it refers to, row by row
 * (a card's parent, its step, its team, and theirs). */
static void
add_with_references (SamStore     *store,
                     GHashTable   *only,
                     SamFileTable *table,
                     gint64        id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = ?1", table->desc->name);
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) ref_tables = g_ptr_array_new ();
  GHashTable *ids = g_hash_table_lookup (only, table->desc->name);
  sqlite3_stmt *stmt;

  if (ids == NULL)
    {
      ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (only, (gpointer) table->desc->name, ids);
    }
  if (g_hash_table_contains (ids, &id))
    return;
  g_hash_table_add (ids, g_memdup2 (&id, sizeof id));

  /* Read before going on: the same cached statement reads the parent. */
  stmt = _sam_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; i < table->columns->len; i++)
      {
        SamFileColumn *column = g_ptr_array_index (table->columns, i);

        if (column->ref_table != NULL && !g_str_equal (column->ref_table, "workshop") &&
            sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
          {
            g_array_append_val (refs, (gint64) { sqlite3_column_int64 (stmt, i) });
            g_ptr_array_add (ref_tables, (gpointer) column->ref_table);
          }
      }
  sqlite3_reset (stmt);

  for (guint i = 0; i < refs->len; i++)
    {
      const SamExportTable *desc = _sam_store_find_export (ref_tables->pdata[i]);
      g_autoptr(SamFileTable) target = desc != NULL ? _sam_file_table_load (store, desc) : NULL;

      if (target != NULL)
        add_with_references (store, only, target, g_array_index (refs, gint64, i));
    }
}

/* Finds the row of @uuid in the workshop's tables and adds it with what it
 * refers to; %FALSE when no table has it. */
static gboolean
add_uuid (SamStore   *store,
          GHashTable *only,
          const char *uuid)
{
  const SamExportTable *const *exports = _sam_store_get_exports ();

  for (guint t = 0; exports[t] != NULL; t++)
    {
      g_autoptr(SamFileTable) table = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;
      gint64 id = 0;

      if (g_str_equal (exports[t]->name, "workshop") || (table = _sam_file_table_load (store, exports[t])) == NULL)
        continue;

      sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE uuid = ?1", exports[t]->name);
      stmt = _sam_store_prepare (store, sql, NULL);
      if (stmt == NULL)
        continue;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (id > 0)
        {
          add_with_references (store, only, table, id);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * _sam_workshop_file_find_rows:
 * @store: the coach's database
 * @uuids: (element-type utf8 utf8): lower-case uuids of rows
 *
 * Finds the rows of @uuids and every row they refer to, once for all the
 * team deltas of one push (_sam_workshop_file_new_team_delta()).
 *
 * Returns: (transfer full) (nullable): table name → #GHashTable of the
 *   rows' ids (gint64 *); %NULL when a uuid is in no table (a row deleted
 *   since) or the database could not be read
 */
GHashTable *
_sam_workshop_file_find_rows (SamStore   *store,
                              GHashTable *uuids)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) g_hash_table_unref);
  GHashTableIter iter;
  gpointer uuid;
  gboolean found = TRUE;

  /* One read transaction for every lookup, as in export_file(). */
  if (!_sam_store_begin (store, NULL))
    return NULL;
  g_hash_table_iter_init (&iter, uuids);
  while (found && g_hash_table_iter_next (&iter, &uuid, NULL))
    found = add_uuid (store, rows, uuid);
  _sam_store_commit (store, NULL);

  return found ? g_steal_pointer (&rows) : NULL;
}

/**
 * _sam_workshop_file_new_team_delta:
 * @store: the coach's database
 * @workshop: the room's workshop
 * @team_uuid: the team whose packet it is
 * @rows: the changed rows, from _sam_workshop_file_find_rows()
 * @error: return location for a #GError
 *
 * The team packet sam_workshop_file_new_from_store() would export, with
 * only @rows and the team's own row (as far as the team may see them):
 * read row by row, so it costs what changed, not the workshop.
 *
 * Returns: (transfer full) (nullable): the file
 */
SamWorkshopFile *
_sam_workshop_file_new_team_delta (SamStore     *store,
                                   SamWorkshop  *workshop,
                                   const char   *team_uuid,
                                   GHashTable   *rows,
                                   GError      **error)
{
  g_autoptr(GHashTable) only = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) g_hash_table_unref);
  SamWorkshopFile *file;
  GHashTableIter iter;
  gpointer name, ids;
  SamTeam *team;

  if ((team = find_team (store, workshop, team_uuid, error)) == NULL || !_sam_store_begin (store, error))
    return NULL;

  /* A copy: the team's own row joins it, for this team only. */
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &name, &ids))
    {
      GHashTable *copy = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      GHashTableIter ids_iter;
      gpointer id;

      g_hash_table_iter_init (&ids_iter, ids);
      while (g_hash_table_iter_next (&ids_iter, &id, NULL))
        g_hash_table_add (copy, g_memdup2 (id, sizeof (gint64)));
      g_hash_table_insert (only, name, copy);
    }
  add_uuid (store, only, sam_team_get_uuid (team));

  file = export_file_in_transaction (store, workshop, SAM_FILE_KIND_TEAM_PACKET, team, FALSE, _sam_store_now (),
                                     only, error);
  if (file == NULL)
    _sam_store_rollback (store);
  else
    _sam_store_commit (store, NULL);

  return file;
}

/**
 * sam_workshop_file_new_room_packet:
 * @store: the database
 * @workshop: the workshop to export
 * @error: return location for a #GError
 *
 * Exports a packet for the whole room on one shared laptop ("pass the
 * laptop"): every team's rows, without the coach's notes, starting with
 * the first team at the laptop.
 *
 * Returns: (transfer full) (nullable): the file, ready to save
 */
SamWorkshopFile *
sam_workshop_file_new_room_packet (SamStore     *store,
                                   SamWorkshop  *workshop,
                                   GError      **error)
{
  g_autoptr(SamTeam) first = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  if (g_list_model_get_n_items (sam_store_get_teams (store, workshop)) == 0)
    {
      g_set_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_REFERENCE,
                   _("“%s” has no teams yet"), sam_workshop_get_name (workshop));
      return NULL;
    }

  first = g_list_model_get_item (sam_store_get_teams (store, workshop), 0);
  return export_file (store, workshop, SAM_FILE_KIND_TEAM_PACKET, first, TRUE, _sam_store_now (), NULL, error);
}

/**
 * sam_store_get_packet_team:
 * @store: the database
 * @workshop: a workshop
 * @team_uuid: (out) (optional) (transfer full): the team it is for
 *
 * Returns: %TRUE when @workshop came to this laptop as a team packet
 */
gboolean
sam_store_get_packet_team (SamStore     *store,
                           SamWorkshop  *workshop,
                           char        **team_uuid)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);

  stmt = _sam_store_prepare (store,
                             "SELECT COALESCE(t.uuid, '') FROM packet p LEFT JOIN team t ON t.id = p.team_id "
                             "WHERE p.workshop_id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (team_uuid != NULL)
        *team_uuid = _sam_store_dup_column (stmt, 0);
    }
  sqlite3_reset (stmt);

  return found;
}

/* The contribution of the laptop's team; with @only, of those rows. */
static SamWorkshopFile *
new_contribution (SamStore     *store,
                  SamWorkshop  *workshop,
                  GHashTable   *only,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 team_id = 0;
  gint64 exported = 0;
  gboolean shared = FALSE;
  SamTeam *team;

  stmt = _sam_store_prepare (store, "SELECT COALESCE(team_id, 0), exported, shared FROM packet WHERE workshop_id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      team_id = sqlite3_column_int64 (stmt, 0);
      exported = sqlite3_column_int64 (stmt, 1);
      shared = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);

  team = team_id != 0 ? sam_store_find_team (store, workshop, team_id) : NULL;
  if (team == NULL)
    {
      g_set_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_WRONG_KIND,
                   _("“%s” did not come from a team packet, so there is no team contribution to save"),
                   sam_workshop_get_name (workshop));
      return NULL;
    }

  return export_file (store, workshop, SAM_FILE_KIND_TEAM_CONTRIBUTION, team, shared, exported, only, error);
}

/**
 * sam_workshop_file_new_contribution:
 * @store: the database of a team's laptop
 * @workshop: a workshop that arrived as a team packet
 * @error: return location for a #GError
 *
 * Exports what the team wrote on this laptop (everything it may see, so the
 * coach's merge can tell what changed), for the coach to merge.
 *
 * Returns: (transfer full) (nullable): the file, ready to save
 */
SamWorkshopFile *
sam_workshop_file_new_contribution (SamStore     *store,
                                    SamWorkshop  *workshop,
                                    GError      **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  return new_contribution (store, workshop, NULL, error);
}

/* Adds every row of @table in the workshop (changed at @since or later,
 * when the table keeps change times) with what it refers to. */
static gboolean
add_changed_rows (SamStore      *store,
                  GHashTable    *only,
                  SamFileTable  *table,
                  gint64         workshop_id,
                  gint64         since,
                  GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?1%s", table->desc->name,
                                          table->desc->workshop_column,
                                          table->has_modified ? " AND modified >= ?2" : "");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _sam_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  if (table->has_modified)
    sqlite3_bind_int64 (stmt, 2, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_append_val (ids, (gint64) { sqlite3_column_int64 (stmt, 0) });
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (store, error, rc);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    add_with_references (store, only, table, g_array_index (ids, gint64, i));
  return TRUE;
}

/**
 * _sam_workshop_file_new_contribution_since:
 * @store: the database of a team's laptop
 * @workshop: a workshop that arrived as a team packet
 * @since: a change time
 * @error: return location for a #GError
 *
 * The contribution sam_workshop_file_new_contribution() exports, with only
 * the rows changed at @since or later, every row of the tables that keep
 * no change times (the team's dots: a contribution without one takes it
 * back), and what they refer to: a joined laptop's edits cost what
 * changed, not the workshop.
 *
 * Returns: (transfer full) (nullable): the file
 */
SamWorkshopFile *
_sam_workshop_file_new_contribution_since (SamStore     *store,
                                           SamWorkshop  *workshop,
                                           gint64        since,
                                           GError      **error)
{
  g_autoptr(GHashTable) only = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) g_hash_table_unref);
  const SamExportTable *const *exports = _sam_store_get_exports ();
  SamWorkshopFile *file = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  /* One read transaction, as in export_file(). */
  if (!_sam_store_begin (store, error))
    return NULL;
  for (guint t = 0; ok && exports[t] != NULL; t++)
    {
      g_autoptr(SamFileTable) table = NULL;

      if (g_str_equal (exports[t]->name, "workshop") || (table = _sam_file_table_load (store, exports[t])) == NULL)
        continue;
      ok = add_changed_rows (store, only, table, sam_workshop_get_id (workshop), since, error);
    }
  if (ok)
    file = new_contribution (store, workshop, only, error);
  _sam_store_commit (store, NULL);

  return file;
}
