/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sam-workshop-file-private.h"

/* Reading a workshop file into the database: an import as a new workshop,
 * a team packet on a team's laptop, or the merge of a team's contribution.
 * Each runs in one transaction; any problem rolls all of it back, so the
 * database is exactly as before. */

static void
deferred_free (gpointer data)
{
  Deferred *deferred = data;

  g_free (deferred->target);
  g_free (deferred->path);
  g_free (deferred);
}

/* Notes that @column of @row (local @id; 0: the row about to be
 * inserted) refers to a row written later, for the deferred pass.
 * Takes @path, the value's JSON path. */
void
_sam_import_defer (ImportContext *ctx,
                   SamFileTable  *table,
                   SamFileColumn *column,
                   JsonObject    *row,
                   gint64         id,
                   char          *path)
{
  Deferred *deferred = g_new0 (Deferred, 1);

  deferred->table = table->desc->name;
  /* Interned: the deferred pass runs after the table's columns are freed. */
  deferred->column = g_intern_string (column->name);
  deferred->id = id;
  deferred->target = g_strdup (json_object_get_string_member (row, column->key));
  deferred->path = path;
  g_ptr_array_add (ctx->deferred, deferred);
}

void
_sam_import_context_init (ImportContext   *ctx,
              SamWorkshopFile *file,
              SamStore        *store,
              gboolean         fresh_uuids)
{
  const SamExportTable *const *exports = _sam_store_get_exports ();

  ctx->file = file;
  ctx->store = store;
  ctx->fresh_uuids = fresh_uuids;
  ctx->file_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->new_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->deferred = g_ptr_array_new_with_free_func (deferred_free);
  ctx->now = _sam_store_now ();

  g_hash_table_insert (ctx->file_uuids, g_strdup (file->workshop_uuid), (gpointer) "workshop");
  for (guint t = 0; exports[t] != NULL; t++)
    {
      JsonArray *rows = _sam_workshop_file_get_rows (file, exports[t]->name);

      for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
        g_hash_table_insert (ctx->file_uuids,
                             g_strdup (json_object_get_string_member (json_array_get_object_element (rows, i), "uuid")),
                             (gpointer) exports[t]->name);
    }

  /* Imported as new, every row gets a new uuid, known before the first
   * row is written so that texts holding uuids can be rewritten. */
  if (fresh_uuids)
    {
      GHashTableIter iter;
      gpointer uuid;

      g_hash_table_iter_init (&iter, ctx->file_uuids);
      while (g_hash_table_iter_next (&iter, &uuid, NULL))
        g_hash_table_insert (ctx->new_uuids, g_strdup (uuid), g_uuid_string_random ());
    }
}

void
_sam_import_context_clear (ImportContext *ctx)
{
  g_clear_pointer (&ctx->file_uuids, g_hash_table_unref);
  g_clear_pointer (&ctx->ids, g_hash_table_unref);
  g_clear_pointer (&ctx->new_uuids, g_hash_table_unref);
  g_clear_pointer (&ctx->deferred, g_ptr_array_unref);
}

void
_sam_import_remember_id (ImportContext *ctx,
             const char    *uuid,
             gint64         id)
{
  g_hash_table_insert (ctx->ids, g_strdup (uuid), g_memdup2 (&id, sizeof id));
}

gint64
_sam_import_lookup_local_id (SamStore   *store,
                 const char *table,
                 const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE uuid = ?1", table);
  sqlite3_stmt *stmt = _sam_store_prepare (store, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static gboolean
invalid (ImportContext  *ctx,
         GError        **error,
         const char     *path,
         const char     *problem)
{
  _sam_file_set_error (error, ctx->file->display_name, SAM_FILE_ERROR_INVALID, path, "%s", problem);
  return FALSE;
}

/* Resolves a reference; a reference to a row of this table or a later one
 * is written afterwards, once that row exists. */
static gboolean
bind_ref (ImportContext  *ctx,
          SamFileTable   *table,
          SamFileColumn  *column,
          sqlite3_stmt   *stmt,
          int             index,
          const char     *uuid,
          const char     *path,
          gboolean       *defer,
          GError        **error)
{
  gint64 *id = g_hash_table_lookup (ctx->ids, uuid);
  const char *in_file = g_hash_table_lookup (ctx->file_uuids, uuid);

  if (id != NULL && g_strcmp0 (in_file, column->ref_table) == 0)
    {
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, index, *id);
      return TRUE;
    }

  if (g_strcmp0 (in_file, column->ref_table) == 0 && !column->not_null)
    {
      *defer = TRUE;
      if (stmt != NULL)
        sqlite3_bind_null (stmt, index);
      return TRUE;
    }

  /* A follow-up of another workshop: kept when that one is here. */
  if (in_file == NULL && g_str_equal (column->ref_table, "workshop") && !column->not_null)
    {
      gint64 local = _sam_import_lookup_local_id (ctx->store, "workshop", uuid);

      if (stmt != NULL && local != 0)
        sqlite3_bind_int64 (stmt, index, local);
      else if (stmt != NULL)
        sqlite3_bind_null (stmt, index);
      return TRUE;
    }

  _sam_file_set_error (error, ctx->file->display_name, SAM_FILE_ERROR_REFERENCE, path,
                       _("refers to %s (%s) that is not in the file"),
                       _sam_file_table_a_noun (column->ref_table), uuid);
  return FALSE;
}

static gboolean
is_uuid_at (const char *p)
{
  for (int i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (p[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (p[i]))
        return FALSE;
    }

  return TRUE;
}

/* A text holding uuids (step settings, a map snapshot): every uuid of a
 * row of this file, in any case, becomes that row's new uuid; others stay
 * as they are. */
static char *
rewrite_uuids (ImportContext *ctx,
               const char    *text)
{
  GString *out = g_string_new (NULL);
  gsize length = strlen (text);

  for (gsize i = 0; i < length;)
    {
      if (length - i >= 36 && (i == 0 || !g_ascii_isxdigit (text[i - 1])) &&
          (length - i == 36 || !g_ascii_isxdigit (text[i + 36])) && is_uuid_at (text + i))
        {
          g_autofree char *lower = g_ascii_strdown (text + i, 36);
          const char *fresh = g_hash_table_lookup (ctx->new_uuids, lower);

          g_string_append_len (out, fresh ? fresh : text + i, 36);
          i += 36;
        }
      else
        g_string_append_c (out, text[i++]);
    }

  return g_string_free (out, FALSE);
}

/* Checks every value of every row against its column's type and range,
 * before anything is written or compared: a merge must not act on a
 * `modified` that is not a time, nor name a card by a number. */
gboolean
_sam_import_check_rows (ImportContext  *ctx,
                        GError        **error)
{
  const SamExportTable *const *exports = _sam_store_get_exports ();

  for (guint t = 0; exports[t] != NULL; t++)
    {
      g_autoptr(SamFileTable) table = _sam_file_table_load (ctx->store, exports[t]);
      gboolean is_workshop = g_str_equal (exports[t]->name, "workshop");
      JsonArray *rows = is_workshop ? NULL : _sam_workshop_file_get_rows (ctx->file, exports[t]->name);
      guint n_rows = is_workshop ? 1 : rows != NULL ? json_array_get_length (rows) : 0;

      for (guint i = 0; table != NULL && i < n_rows; i++)
        {
          JsonObject *row = is_workshop ? _sam_workshop_file_get_workshop_object (ctx->file)
                                        : json_array_get_object_element (rows, i);
          g_autofree char *path = is_workshop ? g_strdup ("$.workshop")
                                              : g_strdup_printf ("$.tables.%s[%u]", exports[t]->name, i);

          for (guint c = 0; c < table->columns->len; c++)
            {
              SamFileColumn *column = g_ptr_array_index (table->columns, c);
              JsonNode *node = json_object_get_member (row, column->key);
              g_autofree char *where = NULL;

              if (column->skipped || column->ref_table != NULL || node == NULL)
                continue;

              where = g_strconcat (path, ".", column->key, NULL);
              if (!_sam_file_check_column (column, node, ctx->file->display_name, where, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/* Checks one value against the column's type and binds it (when @stmt is
 * not %NULL; a merge preview only checks). */
gboolean
_sam_import_bind_value (ImportContext  *ctx,
            SamFileTable   *table,
            SamFileColumn  *column,
            sqlite3_stmt   *stmt,
            int             index,
            JsonNode       *node,
            const char     *path,
            gboolean       *defer,
            GError        **error)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (column->not_null)
        return invalid (ctx, error, path, _("must not be empty (null)"));
      if (stmt != NULL)
        sqlite3_bind_null (stmt, index);
      return TRUE;
    }

  if (column->ref_table != NULL)
    {
      if (type != G_TYPE_STRING)
        return invalid (ctx, error, path, _("expected a UUID"));
      return bind_ref (ctx, table, column, stmt, index, json_node_get_string (node), path, defer, error);
    }

  if (!_sam_file_check_column (column, node, ctx->file->display_name, path, error))
    return FALSE;

  switch (column->type)
    {
    case 'i':
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      return TRUE;

    case 'r':
      if (stmt != NULL)
        sqlite3_bind_double (stmt, index, json_node_get_double (node));
      return TRUE;

    case 't':
      if (stmt != NULL && column->has_uuids && g_hash_table_size (ctx->new_uuids) > 0)
        sqlite3_bind_text (stmt, index, rewrite_uuids (ctx, json_node_get_string (node)), -1, g_free);
      else if (stmt != NULL)
        sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      return TRUE;

    case 'b':
      if (stmt != NULL)
        {
          gsize length = 0;
          guchar *data = g_base64_decode (json_node_get_string (node), &length);

          sqlite3_bind_blob (stmt, index, data, (int) length, g_free);
        }
      return TRUE;

    default:
      if (stmt == NULL)
        return TRUE;
      if (type == G_TYPE_STRING)
        sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      else if (type == G_TYPE_DOUBLE)
        sqlite3_bind_double (stmt, index, json_node_get_double (node));
      else
        sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      return TRUE;
    }
}

gboolean
_sam_import_step_statement (ImportContext  *ctx,
                sqlite3_stmt   *stmt,
                const char     *path,
                GError        **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3 *db = _sam_store_get_db (ctx->store);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  if ((rc & 0xff) == SQLITE_CONSTRAINT && strstr (sqlite3_errmsg (db), "uuid") != NULL)
    _sam_file_set_error (error, ctx->file->display_name, SAM_FILE_ERROR_DUPLICATE, path,
                         _("this object is already on this computer"));
  else
    _sam_file_set_error (error, ctx->file->display_name,
                         (rc & 0xff) == SQLITE_CONSTRAINT ? SAM_FILE_ERROR_INVALID : SAM_FILE_ERROR_FAILED,
                         path, _("the database refused it (%s)"), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
is_written (SamFileColumn *column,
            JsonObject    *row)
{
  return !column->skipped && (g_str_equal (column->name, "uuid") || json_object_has_member (row, column->key));
}

/* Inserts one row (or only checks it when @check_only); its new id is
 * remembered under the uuid the file gives it. */
gboolean
_sam_import_insert_row (ImportContext  *ctx,
            SamFileTable   *table,
            JsonObject     *row,
            const char     *path,
            gboolean        check_only,
            GError        **error)
{
  gboolean is_workshop = g_str_equal (table->desc->name, "workshop");
  const char *file_uuid = json_object_get_string_member (row, "uuid");
  g_autofree char *uuid = g_strdup (ctx->fresh_uuids ? g_hash_table_lookup (ctx->new_uuids, file_uuid) : NULL);
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) values = NULL;
  sqlite3_stmt *stmt = NULL;
  int index = 0;

  /* A conflict copy of a merge is not in the file's list of rows. */
  if (uuid == NULL)
    uuid = g_strdup (file_uuid);

  /* The statement only when the row is written. */
  if (!check_only)
    {
      sql = g_string_new (NULL);
      values = g_string_new (NULL);
      g_string_printf (sql, "INSERT INTO \"%s\" (", table->desc->name);
    }
  if (!is_workshop && !check_only)
    {
      g_string_append_printf (sql, "\"%s\"", table->desc->workshop_column);
      g_string_append (values, "?");
    }

  /* Built for every row of a file: plain appends and g_strconcat, not
   * printf (a tenth of a command-line export's instructions went to printf
   * here). */
  for (guint i = 0; i < table->columns->len; i++)
    {
      SamFileColumn *column = g_ptr_array_index (table->columns, i);

      if (is_written (column, row))
        {
          if (check_only)
            continue;
          if (values->len > 0)
            {
              g_string_append (sql, ", ");
              g_string_append (values, ", ");
            }
          g_string_append_c (sql, '"');
          g_string_append (sql, column->name);
          g_string_append_c (sql, '"');
          g_string_append_c (values, '?');
        }
      else if (!column->skipped && column->not_null && !column->has_default)
        {
          g_autofree char *where = g_strdup_printf ("%s.%s", path, column->key);

          return invalid (ctx, error, where, _("a required field is missing"));
        }
    }

  if (!check_only)
    {
      g_string_append_printf (sql, ") VALUES (%s)", values->str);
      if ((stmt = _sam_store_prepare (ctx->store, sql->str, error)) == NULL)
        return FALSE;
    }

  if (!is_workshop && stmt != NULL)
    sqlite3_bind_int64 (stmt, ++index, ctx->workshop_id);

  for (guint i = 0; i < table->columns->len; i++)
    {
      SamFileColumn *column = g_ptr_array_index (table->columns, i);
      g_autofree char *where = g_strconcat (path, ".", column->key, NULL);
      gboolean defer = FALSE;

      if (!is_written (column, row))
        continue;

      index++;
      if (g_str_equal (column->name, "uuid"))
        {
          if (stmt != NULL)
            sqlite3_bind_text (stmt, index, uuid, -1, SQLITE_TRANSIENT);
        }
      else if (is_workshop && ctx->fresh_uuids && g_str_equal (column->name, "modified"))
        {
          /* A workshop imported as new was last changed now, here. */
          if (stmt != NULL)
            sqlite3_bind_int64 (stmt, index, ctx->now);
        }
      else if (!_sam_import_bind_value (ctx, table, column, stmt, index,
                            json_object_get_member (row, column->key), where, &defer, error))
        return FALSE;

      if (defer)
        _sam_import_defer (ctx, table, column, row, 0, g_steal_pointer (&where));
    }

  if (check_only)
    {
      _sam_import_remember_id (ctx, file_uuid, -1);
      return TRUE;
    }

  if (!_sam_import_step_statement (ctx, stmt, path, error))
    return FALSE;

  _sam_import_remember_id (ctx, file_uuid, sqlite3_last_insert_rowid (_sam_store_get_db (ctx->store)));
  for (guint i = 0; i < ctx->deferred->len; i++)
    {
      Deferred *deferred = g_ptr_array_index (ctx->deferred, i);

      if (deferred->id == 0)
        deferred->id = sqlite3_last_insert_rowid (_sam_store_get_db (ctx->store));
    }

  return TRUE;
}

/* The row a deferred reference points to, once every row is in. */
static gint64 *
deferred_target (ImportContext  *ctx,
                 Deferred       *deferred,
                 GError        **error)
{
  gint64 *id = g_hash_table_lookup (ctx->ids, deferred->target);

  if (id == NULL)
    _sam_file_set_error (error, ctx->file->display_name, SAM_FILE_ERROR_REFERENCE, deferred->path,
                         _("refers to something (%s) that is not in the file"), deferred->target);
  return id;
}

gboolean
_sam_import_apply_deferred (ImportContext  *ctx,
                GError        **error)
{
  for (guint i = 0; i < ctx->deferred->len; i++)
    {
      Deferred *deferred = g_ptr_array_index (ctx->deferred, i);
      g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE id = ?2",
                                              deferred->table, deferred->column);
      gint64 *id = deferred_target (ctx, deferred, error);
      sqlite3_stmt *stmt;

      if (id == NULL)
        return FALSE;

      if ((stmt = _sam_store_prepare (ctx->store, sql, error)) == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_int64 (stmt, 2, deferred->id);
      if (!_sam_import_step_statement (ctx, stmt, deferred->path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_tables (ImportContext  *ctx,
               gboolean        check_only,
               GError        **error)
{
  const SamExportTable *const *exports = _sam_store_get_exports ();

  for (guint t = 0; exports[t] != NULL; t++)
    {
      g_autoptr(SamFileTable) table = NULL;
      JsonArray *rows = _sam_workshop_file_get_rows (ctx->file, exports[t]->name);

      if (g_str_equal (exports[t]->name, "workshop") || rows == NULL)
        continue;

      /* A table this version does not have (a newer minor version) is
       * skipped, as docs/file-format.md says. */
      if ((table = _sam_file_table_load (ctx->store, exports[t])) == NULL)
        continue;

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          g_autofree char *path = g_strdup_printf ("$.tables.%s[%u]", exports[t]->name, i);

          if (!_sam_import_insert_row (ctx, table, json_array_get_object_element (rows, i), path,
                                       check_only, error))
            return FALSE;
        }
    }

  if (!check_only)
    return _sam_import_apply_deferred (ctx, error);

  for (guint i = 0; i < ctx->deferred->len; i++)
    if (deferred_target (ctx, g_ptr_array_index (ctx->deferred, i), error) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
insert_packet (ImportContext  *ctx,
               GError        **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 *team_id = g_hash_table_lookup (ctx->ids, ctx->file->team_uuid);
  sqlite3_stmt *stmt = _sam_store_prepare (ctx->store,
                                           "INSERT INTO packet (uuid, workshop_id, team_id, exported, imported, "
                                           "pin_salt, pin_hash, pin_rounds, shared) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return FALSE;
  g_assert (team_id != NULL);  /* checked when the file was read */

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, ctx->workshop_id);
  sqlite3_bind_int64 (stmt, 3, *team_id);
  sqlite3_bind_int64 (stmt, 4, ctx->file->packet_exported);
  sqlite3_bind_int64 (stmt, 5, ctx->now);
  sqlite3_bind_text (stmt, 6, ctx->file->pin_salt ? ctx->file->pin_salt : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, ctx->file->pin_hash ? ctx->file->pin_hash : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, (int) ctx->file->pin_rounds);
  sqlite3_bind_int (stmt, 9, ctx->file->shared);
  return _sam_import_step_statement (ctx, stmt, "$.team", error);
}

/* Writes every row, or with @check_only checks every row as it would be
 * written (required fields, types, ranges, references) and writes none. */
static gboolean
import_all (ImportContext  *ctx,
            gboolean        check_only,
            GError        **error)
{
  g_autoptr(SamFileTable) workshop = _sam_file_table_load (ctx->store, _sam_store_get_exports ()[0]);
  gint64 *id;

  if (!_sam_import_insert_row (ctx, workshop, _sam_workshop_file_get_workshop_object (ctx->file), "$.workshop",
                               check_only, error))
    return FALSE;

  id = g_hash_table_lookup (ctx->ids, ctx->file->workshop_uuid);
  ctx->workshop_id = *id;

  if (!insert_tables (ctx, check_only, error))
    return FALSE;

  return check_only || ctx->file->kind != SAM_FILE_KIND_TEAM_PACKET || insert_packet (ctx, error);
}

static gboolean
check_kind (SamWorkshopFile  *self,
            GError          **error)
{
  if (self->kind == SAM_FILE_KIND_TEAM_CONTRIBUTION)
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_WRONG_KIND, NULL,
                           _("this is a team’s contribution; merge it into its workshop instead"));
      return FALSE;
    }

  return TRUE;
}

static SamWorkshop *
import_file (SamWorkshopFile  *self,
             SamStore         *store,
             gboolean          fresh_uuids,
             GError          **error)
{
  ImportContext ctx = { 0 };
  g_autoptr(GError) local_error = NULL;
  gint64 workshop_id;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  if (!check_kind (self, error))
    return NULL;

  if (self->kind == SAM_FILE_KIND_TEAM_PACKET && _sam_import_lookup_local_id (store, "workshop", self->workshop_uuid) != 0)
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_EXISTS, NULL,
                           _("the workshop “%s” is already on this computer"),
                           sam_workshop_file_get_workshop_name (self));
      return NULL;
    }

  _sam_import_context_init (&ctx, self, store, fresh_uuids);
  ok = _sam_import_check_rows (&ctx, &local_error) && _sam_store_begin (store, &local_error);
  if (ok)
    {
      ok = import_all (&ctx, FALSE, &local_error);
      if (ok)
        ok = _sam_store_commit (store, &local_error);
      else
        _sam_store_rollback (store);
    }
  workshop_id = ctx.workshop_id;
  _sam_import_context_clear (&ctx);

  if (!ok)
    {
      if (local_error->domain != SAM_FILE_ERROR)
        _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_FAILED, NULL, "%s", local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!_sam_store_load_workshops (store, &local_error))
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_FAILED, NULL, "%s", local_error->message);
      return NULL;
    }

  return _sam_store_lookup_workshop (store, workshop_id);
}

/**
 * sam_workshop_file_import:
 * @self: a whole workshop or a team packet
 * @store: the database
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * Adds the workshop in @self to @store; an existing workshop is never
 * touched.  A whole workshop becomes a new, independent workshop (every
 * uuid is new, so importing one file twice gives two workshops).  A team
 * packet keeps its uuids, so the team's contribution can later be merged
 * into the coach's workshop; %SAM_FILE_ERROR_EXISTS when it is already here.
 *
 * Returns: (transfer none) (nullable): the new workshop
 */
SamWorkshop *
sam_workshop_file_import (SamWorkshopFile  *self,
                          SamStore         *store,
                          GError          **error)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return import_file (self, store, self->kind == SAM_FILE_KIND_WORKSHOP, error);
}

/**
 * sam_workshop_file_import_as_is:
 * @self: a whole workshop or a team packet
 * @store: an empty, throwaway database, e.g. from sam_store_open_in_memory()
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * Like sam_workshop_file_import(), but every row keeps the uuid the file
 * gives it.  The command line reads a file into memory this way to export
 * it: the map is laid out in the order of its team uuids, so the same file
 * then always gives the same picture.  Never use it on the coach's own
 * database, where a workshop imported twice must become two.
 *
 * Returns: (transfer none) (nullable): the workshop
 */
SamWorkshop *
sam_workshop_file_import_as_is (SamWorkshopFile  *self,
                                SamStore         *store,
                                GError          **error)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return import_file (self, store, FALSE, error);
}

/**
 * sam_workshop_file_check_import:
 * @self: a whole workshop or a team packet
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * Checks @self the way sam_workshop_file_import_as_is() does before it
 * writes, and writes nothing: every row against this version's schema
 * (required fields, types, ranges, references), with the same messages.
 * Only what the database itself enforces on writing (two map positions for
 * one team, a score above its scale) is not checked.  The command line
 * draws a file's map straight from the file after this check, without
 * reading the file into a database first.
 *
 * Returns: %TRUE when the import would accept the file
 */
gboolean
sam_workshop_file_check_import (SamWorkshopFile  *self,
                                GError          **error)
{
  ImportContext ctx = { 0 };
  g_autoptr(SamStore) schema = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), FALSE);

  if (!check_kind (self, error))
    return FALSE;

  /* An empty database in memory: only its tables' columns are read. */
  schema = sam_store_open_in_memory (&local_error);
  if (schema == NULL)
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_FAILED, NULL, "%s", local_error->message);
      return FALSE;
    }

  _sam_import_context_init (&ctx, self, schema, FALSE);
  ok = _sam_import_check_rows (&ctx, error) && import_all (&ctx, TRUE, error);
  _sam_import_context_clear (&ctx);

  return ok;
}
