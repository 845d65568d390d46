/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-live-private.h"
#include "sam-step-settings.h"
#include "sam-store-agenda.h"
#include "sam-workshop-file-private.h"

/* The live room's sync goes through the file-merge code, not a second one
 * (docs/live-room.md, "Sync"):
 *  - the laptop sends a team contribution restricted to the rows its team
 *    changed since the coach's last acknowledgement, plus the rows they
 *    refer to (the merge resolves references inside the file);
 *  - the coach checks it as an imported file and, on top, that every row
 *    is the team's own, then merges it with sam_workshop_file_merge();
 *  - the coach pushes the team packet; the laptop applies it with
 *    sam_workshop_file_catch_up(), keeping what it has not sent yet. */

/* ---- Noticing the store's commits ------------------------------------- */

typedef struct
{
  guint              id;
  SamLiveCommitFunc  func;
  gpointer           user_data;
} Watcher;

typedef struct
{
  SamStore *store;
  GArray   *watchers;
  guint     next_id;
  guint     idle;
  guint64   n_commits;
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->idle, g_source_remove);
  g_array_unref (watch->watchers);
  g_free (watch);
}

static gboolean
watch_idle (gpointer data)
{
  Watch *watch = data;
  g_autoptr(GArray) copy = g_array_copy (watch->watchers);

  watch->idle = 0;
  for (guint i = 0; i < copy->len; i++)
    g_array_index (copy, Watcher, i).func (g_array_index (copy, Watcher, i).user_data);

  return G_SOURCE_REMOVE;
}

/* Runs inside SQLite's commit: only schedules the callbacks. */
static void
commit_hook (gpointer data)
{
  Watch *watch = data;

  watch->n_commits++;
  if (watch->idle == 0)
    watch->idle = g_idle_add_full (G_PRIORITY_DEFAULT, watch_idle, watch, NULL);
}

guint
_sam_live_watch_commits (SamStore          *store,
                         SamLiveCommitFunc  func,
                         gpointer           user_data)
{
  Watch *watch = g_object_get_data (G_OBJECT (store), "sam-live-watch");
  Watcher watcher = { 0, func, user_data };

  if (watch == NULL)
    {
      watch = g_new0 (Watch, 1);
      watch->store = store;
      watch->watchers = g_array_new (FALSE, FALSE, sizeof (Watcher));
      g_object_set_data_full (G_OBJECT (store), "sam-live-watch", watch, watch_free);
      _sam_store_set_commit_func (store, commit_hook, watch);
    }

  watcher.id = ++watch->next_id;
  g_array_append_val (watch->watchers, watcher);
  return watcher.id;
}

void
_sam_live_unwatch_commits (SamStore *store,
                           guint     id)
{
  Watch *watch = g_object_get_data (G_OBJECT (store), "sam-live-watch");

  for (guint i = 0; watch != NULL && i < watch->watchers->len; i++)
    if (g_array_index (watch->watchers, Watcher, i).id == id)
      g_array_remove_index (watch->watchers, i);

  if (watch != NULL && watch->watchers->len == 0)
    {
      _sam_store_set_commit_func (store, NULL, NULL);
      g_object_set_data (G_OBJECT (store), "sam-live-watch", NULL);
    }
}

/* How many commits the store made since the first watcher came. */
guint64
_sam_live_get_n_commits (SamStore *store)
{
  Watch *watch = g_object_get_data (G_OBJECT (store), "sam-live-watch");

  return watch != NULL ? watch->n_commits : 0;
}

/* ---- Tables ------------------------------------------------------------ */

static gboolean
has_team_columns (const SamExportTable *desc)
{
  return desc->team_columns != NULL && desc->team_columns[0] != NULL;
}

/* Whether a row of the file names @team in one of its team columns. */
static gboolean
names_team (const SamExportTable *desc,
            JsonObject           *row,
            const char           *team)
{
  for (guint i = 0; has_team_columns (desc) && desc->team_columns[i] != NULL; i++)
    {
      g_autofree char *key = _sam_file_ref_key (desc->team_columns[i]);
      const char *value = json_object_get_string_member_with_default (row, key, NULL);

      if (value != NULL && g_ascii_strcasecmp (value, team) == 0)
        return TRUE;
    }
  return FALSE;
}

static JsonObject *
tables_of (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);

  return json_object_has_member (object, "tables") ? json_object_get_object_member (object, "tables") : NULL;
}

/* Walks every row of every table of a file's "tables" object, in order:
 *   row_iter_init (&it, tables, TRUE);
 *   while (row_iter_next (&it))
 *     … it.name, it.desc, it.row …
 * With @exported_only the tables the store does not export are passed over
 * (it.desc is then never %NULL). */
typedef struct
{
  JsonObjectIter        tables;
  gboolean              more;
  gboolean              exported_only;
  JsonArray            *rows;
  guint                 next;
  const char           *name;   /* the row's table */
  const SamExportTable *desc;   /* its description, %NULL if not exported */
  JsonNode             *node;   /* the row */
  JsonObject           *row;
} RowIter;

static void
row_iter_init (RowIter    *it,
               JsonObject *tables,
               gboolean    exported_only)
{
  *it = (RowIter) { .more = tables != NULL, .exported_only = exported_only };
  if (tables != NULL)
    json_object_iter_init (&it->tables, tables);
}

static gboolean
row_iter_next (RowIter *it)
{
  while (it->rows == NULL || it->next >= json_array_get_length (it->rows))
    {
      JsonNode *member;

      if (!it->more || !json_object_iter_next (&it->tables, &it->name, &member))
        return it->more = FALSE;
      it->desc = _sam_store_find_export (it->name);
      it->rows = JSON_NODE_HOLDS_ARRAY (member) && (it->desc != NULL || !it->exported_only)
                 ? json_node_get_array (member) : NULL;
      it->next = 0;
    }

  it->node = json_array_get_element (it->rows, it->next++);
  it->row = json_node_get_object (it->node);
  return TRUE;
}

/* ---- The laptop: what to send ------------------------------------------ */

typedef struct
{
  const SamExportTable *desc;
  JsonObject           *row;
} RowRef;

static void
keep_row (GHashTable  *by_uuid,
          GHashTable  *kept,
          const char  *uuid)
{
  RowRef *ref = g_hash_table_lookup (by_uuid, uuid);

  if (ref == NULL || !g_hash_table_add (kept, ref->row))
    return;

  /* What the row refers to travels with it. */
  for (const SamExportRef *r = ref->desc->refs; r != NULL && r->column != NULL; r++)
    {
      g_autofree char *key = _sam_file_ref_key (r->column);
      const char *target = json_object_get_string_member_with_default (ref->row, key, NULL);

      if (target != NULL)
        keep_row (by_uuid, kept, target);
    }
}

/* A copy of @file without the rows of its tables that are not in @keep
 * (JSON objects of @file's rows); every other member stays. */
static JsonObject *
copy_kept_rows (JsonNode   *file,
                GHashTable *keep)
{
  JsonObject *result = json_object_new ();
  JsonObject *out_tables = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, json_node_get_object (file));
  while (json_object_iter_next (&iter, &name, &node))
    if (!g_str_equal (name, "tables"))
      json_object_set_member (result, name, json_node_copy (node));

  json_object_iter_init (&iter, tables_of (file));
  while (json_object_iter_next (&iter, &name, &node))
    {
      JsonArray *rows = json_node_get_array (node);
      JsonArray *out = json_array_new ();

      for (guint i = 0; i < json_array_get_length (rows); i++)
        if (g_hash_table_contains (keep, json_array_get_object_element (rows, i)))
          json_array_add_element (out, json_node_copy (json_array_get_element (rows, i)));
      json_object_set_array_member (out_tables, name, out);
    }
  json_object_set_object_member (result, "tables", out_tables);

  return result;
}

/* The rows of @file to keep: the team's row, @chosen's and what they refer
 * to, so the file still reads as a whole (the merge resolves references
 * inside the file).  @chosen: uuids of @file's rows. */
static GHashTable *
rows_to_keep (SamWorkshopFile *file,
              GPtrArray       *chosen,
              GHashTable      *by_uuid)
{
  GHashTable *kept = g_hash_table_new (NULL, NULL);

  keep_row (by_uuid, kept, file->team_uuid);
  for (guint i = 0; i < chosen->len; i++)
    keep_row (by_uuid, kept, g_ptr_array_index (chosen, i));
  return kept;
}

static void
index_row (GHashTable           *by_uuid,
           const SamExportTable *desc,
           JsonObject           *row)
{
  RowRef *ref = g_new (RowRef, 1);

  ref->desc = desc;
  ref->row = row;
  g_hash_table_insert (by_uuid, (gpointer) json_object_get_string_member (row, "uuid"), ref);
}

static gboolean
is_known (GHashTable *known,
          JsonNode   *row)
{
  g_autofree char *uuid = g_ascii_strdown (json_object_get_string_member (json_node_get_object (row), "uuid"), -1);
  JsonNode *coach = g_hash_table_lookup (known, uuid);

  return coach != NULL && json_node_equal (coach, row);
}

static void
forget_known (GHashTable *known,
              JsonObject *row)
{
  g_autofree char *uuid = g_ascii_strdown (json_object_get_string_member (row, "uuid"), -1);

  g_hash_table_remove (known, uuid);
}

/**
 * _sam_live_note_known:
 * @known: (element-type utf8 JsonNode): rows as the coach has them
 * @file: a file the coach acknowledged, or a packet it pushed (as applied)
 *
 * Notes the rows of @file's tables as the coach has them, for
 * _sam_live_build_edits().  A pushed row that _sam_live_prepare_push()
 * marked older than the laptop's (its change time 0) is no longer the
 * coach's version: what was known of it stays.  Noting it would drop it
 * from @known at the next send (as older than any mark), and the laptop
 * would send the row again after every push.
 */
void
_sam_live_note_known (GHashTable *known,
                      JsonObject *file)
{
  RowIter it;

  row_iter_init (&it, json_object_get_object_member (file, "tables"), FALSE);
  while (row_iter_next (&it))
    {
      const char *uuid = json_object_get_string_member_with_default (it.row, "uuid", NULL);

      if (uuid == NULL || g_str_equal (it.name, "vote") ||
          (json_object_has_member (it.row, "modified") && json_object_get_int_member (it.row, "modified") == 0))
        continue;
      g_hash_table_insert (known, g_ascii_strdown (uuid, -1), json_node_copy (it.node));
    }
}

static gboolean
older_than (gpointer key,
            gpointer value,
            gpointer data)
{
  JsonObject *row = json_node_get_object (value);

  return json_object_has_member (row, "modified") && json_object_get_int_member (row, "modified") < *(gint64 *) data;
}

/**
 * _sam_live_build_edits:
 * @store: the laptop's database
 * @workshop: the team's workshop (from a team packet)
 * @since: the change time (seconds) from which rows are sent; 0: all
 * @n_rows: (out): how many of the team's rows changed since then
 *
 * @known: (nullable) (element-type utf8 JsonNode): rows as the coach has
 *   them (acknowledged or pushed), by lowercase uuid
 *
 * The team's contribution, as sam_workshop_file_new_contribution() makes
 * it, keeping only the team's rows changed at or after @since that are
 * not exactly as in @known (a card another laptop of the team wrote and
 * the coach pushed here, or one the coach has acknowledged, does not go
 * back), every dot of the team (a contribution without one of them takes
 * it back), and the rows these refer to.  Entries of @known older than
 * @since are dropped: such rows are not sent anyway.
 *
 * Returns: (transfer full): the file's JSON object
 */
JsonObject *
_sam_live_build_edits (SamStore     *store,
                       SamWorkshop  *workshop,
                       gint64        since,
                       GHashTable   *known,
                       guint        *n_rows,
                       GError      **error)
{
  g_autoptr(SamWorkshopFile) full = _sam_workshop_file_new_contribution_since (store, workshop, since, error);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) kept = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  RowIter it;

  if (full == NULL)
    return NULL;
  if (known != NULL)
    g_hash_table_foreach_remove (known, older_than, &since);

  *n_rows = 0;
  row_iter_init (&it, tables_of (full->root), TRUE);
  while (row_iter_next (&it))
    {
      gboolean vote = g_str_equal (it.name, "vote");

      index_row (by_uuid, it.desc, it.row);
      if (!names_team (it.desc, it.row, full->team_uuid))
        continue;
      if (json_object_has_member (it.row, "modified") && json_object_get_int_member (it.row, "modified") < since)
        {
          if (known != NULL)
            forget_known (known, it.row);
          if (vote)
            g_ptr_array_add (changed, (gpointer) json_object_get_string_member (it.row, "uuid"));
          continue;
        }
      if (!vote && known != NULL && is_known (known, it.node))
        continue;
      if (!vote)
        (*n_rows)++;
      g_ptr_array_add (changed, (gpointer) json_object_get_string_member (it.row, "uuid"));
    }

  kept = rows_to_keep (full, changed, by_uuid);
  return copy_kept_rows (full->root, kept);
}

/* ---- The coach: what may be merged ------------------------------------- */

static gboolean
refuse (GError     **error,
        const char  *problem)
{
  /* Translators: %s is one of the reasons below, e.g. “they change
   * another team’s work” */
  g_set_error (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL,
               _("A laptop sent edits that cannot be merged: %s"), problem);
  return FALSE;
}

static gboolean
refuse_row (GError     **error,
            const char  *problem,
            const char  *table,
            guint        index)
{
  /* Translators: the first %s is one of the reasons below, then the place
   * in the file: a table's name and a row's number */
  g_set_error (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL,
               _("A laptop sent edits that cannot be merged: %s ($.tables.%s[%u])"), problem, table, index);
  return FALSE;
}

/* The local row with @uuid in @desc's table: whether it exists, belongs to
 * @workshop_id, names @team_id in a team column, and its change time. */
static gboolean
lookup_local (SamStore             *store,
              const SamExportTable *desc,
              const char           *uuid,
              gint64                workshop_id,
              gint64                team_id,
              gboolean             *own,
              gint64               *modified,
              gboolean              has_modified)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_string_append_printf (sql, "\"%s\", %s", desc->workshop_column, has_modified ? "modified" : "0");
  for (guint i = 0; has_team_columns (desc) && desc->team_columns[i] != NULL; i++)
    g_string_append_printf (sql, ", \"%s\"", desc->team_columns[i]);
  g_string_append_printf (sql, " FROM \"%s\" WHERE uuid = ?1", desc->name);

  stmt = _sam_store_prepare (store, sql->str, NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  *own = FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == workshop_id)
    {
      found = TRUE;
      *modified = sqlite3_column_int64 (stmt, 1);
      for (int c = 2; c < sqlite3_column_count (stmt); c++)
        if (sqlite3_column_type (stmt, c) != SQLITE_NULL && sqlite3_column_int64 (stmt, c) == team_id)
          *own = TRUE;
    }
  else if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      /* The uuid is a row of another workshop: never touched from here. */
      *own = FALSE;
      found = TRUE;
      *modified = -1;
    }
  sqlite3_reset (stmt);

  return found;
}

static gint64
team_local_id (SamStore    *store,
               SamWorkshop *workshop,
               const char  *team_uuid)
{
  GListModel *teams = sam_store_get_teams (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (g_ascii_strcasecmp (sam_team_get_uuid (team), team_uuid) == 0)
        return sam_team_get_id (team);
    }
  return 0;
}

/**
 * _sam_live_check_edits:
 * @store: the coach's database
 * @workshop: the room's workshop
 * @team_uuid: the team of the laptop's token
 * @file: the contribution the laptop sent
 * @touched_teams: (out) (optional): the other teams its rows name
 *
 * Reads @file as an imported file (format, fields, references), then
 * checks that it is @team_uuid's contribution to @workshop and that it
 * changes only the team's own rows: a row that names the team in a team
 * column, here and in the coach's database, may be added or changed; any
 * other row (a step, a team, another team's idea the team's dots are on)
 * must already be here and only serves as a reference: the coach's
 * version stays.  A row changed on both sides goes to the newer
 * change, a tie to the laptop.
 *
 * Returns: (transfer full) (nullable): the file, ready for
 *   sam_workshop_file_merge()
 */
SamWorkshopFile *
_sam_live_check_edits (SamStore     *store,
                       SamWorkshop  *workshop,
                       const char   *team_uuid,
                       JsonObject   *file,
                       GStrv        *touched_teams,
                       GError      **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), file);
  g_autoptr(SamWorkshopFile) contribution = NULL;
  g_autoptr(GHashTable) touched = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) take = g_ptr_array_new ();
  gint64 team_id = team_local_id (store, workshop, team_uuid);
  gint64 base = 1;
  JsonObject *tables;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  contribution = _sam_workshop_file_new_from_root (node, "live", error);
  if (contribution == NULL)
    return NULL;

  if (contribution->kind != SAM_FILE_KIND_TEAM_CONTRIBUTION || contribution->shared ||
      g_strcmp0 (contribution->workshop_uuid, sam_workshop_get_uuid (workshop)) != 0 ||
      contribution->team_uuid == NULL || g_ascii_strcasecmp (contribution->team_uuid, team_uuid) != 0 ||
      team_id == 0)
    return refuse (error, _("they are not this team’s work on this workshop")), NULL;

  tables = tables_of (contribution->root);
  if (tables == NULL)
    return g_steal_pointer (&contribution);

  json_object_iter_init (&iter, tables);
  while (json_object_iter_next (&iter, &name, &member))
    {
      const SamExportTable *desc = _sam_store_find_export (name);
      g_autoptr(SamFileTable) table = desc ? _sam_file_table_load (store, desc) : NULL;
      JsonArray *rows = JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;

      if (table == NULL || rows == NULL)
        continue;

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);
          const char *uuid = json_object_get_string_member_with_default (row, "uuid", "");
          gboolean own = FALSE, exists;
          gint64 ours = 0;

          exists = lookup_local (store, desc, uuid, sam_workshop_get_id (workshop), team_id,
                                 &own, &ours, table->has_modified);

          /* Another team's row, or a step or a team: it may only come as
           * what the team's rows refer to (another team's idea its dots
           * are on), must be here already, and stays as it is here. */
          if (!has_team_columns (desc) || !names_team (desc, row, team_uuid) || (exists && !own))
            {
              if (!exists || ours < 0)
                return refuse_row (error, has_team_columns (desc) ? _("they change another team’s work")
                                                                  : _("they add something only the coach can add"),
                                   name, i), NULL;
              json_object_remove_member (row, "modified");
              continue;
            }

          for (guint c = 0; desc->team_columns[c] != NULL; c++)
            {
              g_autofree char *key = _sam_file_ref_key (desc->team_columns[c]);
              const char *other = json_object_get_string_member_with_default (row, key, NULL);

              if (other != NULL && g_ascii_strcasecmp (other, team_uuid) != 0)
                g_hash_table_add (touched, (gpointer) other);
            }

          if (exists && table->has_modified && json_object_has_member (row, "modified"))
            {
              gint64 theirs = json_object_get_int_member (row, "modified");

              if (theirs >= ours)
                {
                  g_ptr_array_add (take, row);
                  base = MAX (base, ours + 1);
                }
              else
                json_object_set_int_member (row, "modified", 0);
            }
        }
    }

  /* The merge takes the team's version of a row changed at or after the
   * file's base time that the coach last changed before it. */
  for (guint i = 0; i < take->len; i++)
    {
      JsonObject *row = g_ptr_array_index (take, i);

      if (json_object_get_int_member (row, "modified") < base)
        json_object_set_int_member (row, "modified", base);
    }
  contribution->packet_exported = MAX (contribution->packet_exported, base);

  if (touched_teams != NULL)
    {
      GStrvBuilder *builder = g_strv_builder_new ();
      GHashTableIter hiter;
      gpointer key;

      g_hash_table_iter_init (&hiter, touched);
      while (g_hash_table_iter_next (&hiter, &key, NULL))
        g_strv_builder_add (builder, key);
      *touched_teams = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }

  return g_steal_pointer (&contribution);
}

/* Adds the uuids (lowercase) of the team's own rows in @file, the rows a
 * merge may have changed, to @uuids; the rows of others it carries are
 * only what the team's rows refer to, kept as they are. */
void
_sam_live_edits_note_rows (SamWorkshopFile *file,
                           GHashTable      *uuids)
{
  RowIter it;

  row_iter_init (&it, tables_of (file->root), TRUE);
  while (row_iter_next (&it))
    if (names_team (it.desc, it.row, file->team_uuid))
      g_hash_table_add (uuids, g_ascii_strdown (json_object_get_string_member (it.row, "uuid"), -1));
}

/* Whether one of the team's own rows of the file travels to every team
 * (the table's shared_where holds for it in the coach's database now). */
gboolean
_sam_live_edits_shared (SamStore        *store,
                        SamWorkshopFile *file)
{
  const SamExportTable *prepared = NULL;
  sqlite3_stmt *stmt = NULL;
  RowIter it;

  row_iter_init (&it, tables_of (file->root), TRUE);
  while (row_iter_next (&it))
    {
      gboolean shared;

      if (it.desc->shared_where == NULL || !names_team (it.desc, it.row, file->team_uuid))
        continue;
      /* One statement a table. */
      if (it.desc != prepared)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE uuid = ?1 AND (%s)",
                                                  it.desc->name, it.desc->shared_where);

          prepared = it.desc;
          stmt = _sam_store_prepare (store, sql, NULL);
        }
      if (stmt == NULL)
        continue;
      sqlite3_bind_text (stmt, 1, json_object_get_string_member (it.row, "uuid"), -1, SQLITE_TRANSIENT);
      shared = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (shared)
        return TRUE;
    }

  return FALSE;
}

/* ---- The coach's push, and the laptop's catch-up ------------------------ */

/* The uuids of the packet's private steps the coach has not revealed: the
 * brainstorm's ideas are the room's (its private part, the dots, travels
 * only as the team's own anyway). */
static GHashTable *
unrevealed_steps (JsonObject *tables)
{
  GHashTable *steps = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *rows = json_object_get_array_member (tables, "step");

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *kind = json_object_get_string_member_with_default (row, "kind", "");
      const char *settings = json_object_get_string_member_with_default (row, "settings", "{}");

      if (sam_step_kind_is_private (kind) && !g_str_equal (kind, "brainstorm") &&
          !sam_step_settings_get_boolean (settings, "revealed", FALSE))
        g_hash_table_add (steps, (gpointer) json_object_get_string_member (row, "uuid"));
    }
  return steps;
}

/* Whether a text member of @row names one of @uuids (a reference). */
static gboolean
refers_to (JsonObject *row,
           GHashTable *uuids)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, row);
  while (json_object_iter_next (&iter, &name, &node))
    if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
        !g_str_equal (name, "uuid") && g_hash_table_contains (uuids, json_node_get_string (node)))
      return TRUE;
  return FALSE;
}

/* Before the coach reveals a private step (docs/team-mode.md), a team's
 * live packet carries only the team's own answers there.  A packet file
 * carries the cards other teams wrote about the team too (its window
 * hides them until the reveal), but the room pushes while the teams write:
 * they would reach the laptop's disk before the reveal.  Cards under a
 * hidden card, and rows of other tables naming one, stay behind with it. */
static void
hide_unrevealed (JsonObject *file,
                 const char *team_uuid)
{
  JsonObject *tables = json_object_get_object_member (file, "tables");
  g_autoptr(GHashTable) steps = NULL;
  g_autoptr(GHashTable) hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *cards;
  gboolean more = TRUE;

  if (tables == NULL || (cards = json_object_get_array_member (tables, "card")) == NULL)
    return;
  steps = unrevealed_steps (tables);
  if (g_hash_table_size (steps) == 0)
    return;

  for (guint i = 0; i < json_array_get_length (cards); i++)
    {
      JsonObject *card = json_array_get_object_element (cards, i);
      const char *team = json_object_get_string_member_with_default (card, "team", NULL);
      const char *step = json_object_get_string_member_with_default (card, "step", "");

      if (team != NULL && g_ascii_strcasecmp (team, team_uuid) != 0 && g_hash_table_contains (steps, step))
        g_hash_table_add (hidden, g_strdup (json_object_get_string_member (card, "uuid")));
    }

  while (more)
    {
      more = FALSE;
      for (guint i = 0; i < json_array_get_length (cards); i++)
        {
          JsonObject *card = json_array_get_object_element (cards, i);
          const char *uuid = json_object_get_string_member (card, "uuid");

          if (!g_hash_table_contains (hidden, uuid) && refers_to (card, hidden))
            {
              g_hash_table_add (hidden, g_strdup (uuid));
              more = TRUE;
            }
        }
    }

  if (g_hash_table_size (hidden) == 0)
    return;

  {
    JsonObjectIter iter;
    const char *name;
    JsonNode *member;

    json_object_iter_init (&iter, tables);
    while (json_object_iter_next (&iter, &name, &member))
      {
        JsonArray *rows = JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;

        for (guint i = rows != NULL ? json_array_get_length (rows) : 0; i > 0; i--)
          {
            JsonObject *row = json_array_get_object_element (rows, i - 1);

            if (g_hash_table_contains (hidden, json_object_get_string_member_with_default (row, "uuid", "")) ||
                refers_to (row, hidden))
              json_array_remove_element (rows, i - 1);
          }
      }
  }
}

JsonObject *
_sam_live_team_packet (SamStore     *store,
                       SamWorkshop  *workshop,
                       const char   *team_uuid,
                       GError      **error)
{
  g_autoptr(SamWorkshopFile) packet = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_TEAM_PACKET,
                                                                        team_uuid, error);
  JsonObject *file;

  if (packet == NULL)
    return NULL;
  file = json_object_ref (json_node_get_object (packet->root));
  hide_unrevealed (file, team_uuid);
  return file;
}

/**
 * _sam_live_team_delta:
 * @store: the coach's database
 * @workshop: the room's workshop
 * @team_uuid: the team whose packet it is
 * @uuids: (element-type utf8 utf8): lowercase uuids of the rows changed
 *   since the team's last packet
 * @rows: (nullable): those rows and what they refer to, from
 *   _sam_workshop_file_find_rows(), found once for every team; %NULL when
 *   a row is gone (deleted at the coach's): then the whole packet goes
 * @error: return location for a #GError
 *
 * The team's packet, keeping only the rows of @uuids the team may see and
 * what they refer to: what a laptop that holds the team's last packet
 * needs to catch up (the catch-up never removes a row, so a packet without
 * a row leaves it as it is).  A push costs what changed, not the workshop.
 *
 * Returns: (transfer full) (nullable): the packet; %NULL without @error
 *   set when the team may see none of @uuids
 */
JsonObject *
_sam_live_team_delta (SamStore     *store,
                      SamWorkshop  *workshop,
                      const char   *team_uuid,
                      GHashTable   *uuids,
                      GHashTable   *rows,
                      GError      **error)
{
  g_autoptr(SamWorkshopFile) packet = NULL;
  g_autoptr(GHashTable) by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) kept = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  RowIter it;

  if (rows != NULL)
    packet = _sam_workshop_file_new_team_delta (store, workshop, team_uuid, rows, error);
  else
    packet = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_TEAM_PACKET, team_uuid, error);
  if (packet == NULL)
    return NULL;

  /* What the team may not see yet never travels, whole or in part. */
  hide_unrevealed (json_node_get_object (packet->root), team_uuid);
  row_iter_init (&it, tables_of (packet->root), TRUE);
  while (row_iter_next (&it))
    {
      const char *uuid = json_object_get_string_member (it.row, "uuid");
      g_autofree char *lower = g_ascii_strdown (uuid, -1);

      index_row (by_uuid, it.desc, it.row);
      if (g_hash_table_contains (uuids, lower))
        g_ptr_array_add (changed, (gpointer) uuid);
    }

  if (changed->len == 0)
    return NULL;

  kept = rows_to_keep (packet, changed, by_uuid);
  return copy_kept_rows (packet->root, kept);
}

/**
 * _sam_live_prepare_push:
 * @store: the laptop's database
 * @workshop: (nullable): the team's workshop, %NULL before the first packet
 * @file: the team packet the coach pushed
 * @since: the change time of the coach's last acknowledgement
 *
 * Reads the coach's packet as an imported file and leaves out the team's
 * rows changed here since @since as older than the laptop's: the coach has
 * not merged them yet, so the catch-up keeps the laptop's version.
 *
 * Returns: (transfer full) (nullable): the packet
 */
SamWorkshopFile *
_sam_live_prepare_push (SamStore     *store,
                        SamWorkshop  *workshop,
                        JsonObject   *file,
                        gint64        since,
                        GError      **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), file);
  g_autoptr(SamWorkshopFile) packet = _sam_workshop_file_new_from_root (node, "live", error);
  JsonObject *tables;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gint64 team_id;

  if (packet == NULL)
    return NULL;
  if (packet->kind != SAM_FILE_KIND_TEAM_PACKET || packet->shared || packet->team_uuid == NULL)
    return refuse (error, _("the coach sent something else than a team packet")), NULL;
  if (workshop == NULL || (tables = tables_of (packet->root)) == NULL)
    return g_steal_pointer (&packet);

  /* One read transaction for the lookups, not one each. */
  if (!_sam_store_begin (store, error))
    return NULL;
  team_id = team_local_id (store, workshop, packet->team_uuid);
  json_object_iter_init (&iter, tables);
  while (json_object_iter_next (&iter, &name, &member))
    {
      const SamExportTable *desc = _sam_store_find_export (name);
      g_autoptr(SamFileTable) table = desc ? _sam_file_table_load (store, desc) : NULL;
      JsonArray *rows = json_node_get_array (member);

      if (table == NULL || !table->has_modified || !has_team_columns (desc))
        continue;

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);
          gboolean own = FALSE;
          gint64 ours = 0;

          /* Kept in the file (other rows may refer to it), but older than
           * the laptop's: the catch-up keeps the laptop's version. */
          if (lookup_local (store, desc, json_object_get_string_member (row, "uuid"),
                            sam_workshop_get_id (workshop), team_id, &own, &ours, TRUE) &&
              own && ours >= since)
            json_object_set_int_member (row, "modified", 0);
        }
    }

  _sam_store_commit (store, NULL);
  return g_steal_pointer (&packet);
}
