/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <glib/gi18n.h>

#include "sam-store-decide-private.h"

/* The live lists of the deciding exercises: clusters, agreements, reviews
 * and absent-colleague plans, each kept per step.  They follow the store's
 * rules: reads skip the trash, reloads keep object identity.  The core does
 * not know these lists, so they reload themselves after an Undo (the
 * store's "restored" signal) and when a team comes or goes (a team takes
 * its plans with it and leaves the agreements it was part of). */

typedef GObject *(*RowFunc) (sqlite3_stmt *stmt);

static GObject *
cluster_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _sam_store_dup_column (stmt, 1);
  g_autofree char *name = _sam_store_dup_column (stmt, 3);

  return g_object_new (SAM_TYPE_CLUSTER,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "step-id", sqlite3_column_int64 (stmt, 2),
                       "name", name,
                       "position", (guint) sqlite3_column_int (stmt, 4),
                       NULL);
}

static GVariant *
parse_ids (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }

  return g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data, ids->len, sizeof (gint64));
}

static GObject *
agreement_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _sam_store_dup_column (stmt, 1);
  g_autofree char *what = _sam_store_dup_column (stmt, 3);
  g_autofree char *owner = _sam_store_dup_column (stmt, 4);
  g_autofree char *due = _sam_store_dup_column (stmt, 5);
  g_autofree char *verification = _sam_store_dup_column (stmt, 6);
  g_autofree char *review_date = _sam_store_dup_column (stmt, 9);
  g_autofree char *teams = _sam_store_dup_column (stmt, 11);

  return g_object_new (SAM_TYPE_AGREEMENT,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "step-id", sqlite3_column_int64 (stmt, 2),
                       "what", what,
                       "owner", owner,
                       "due", due,
                       "verification", verification,
                       "idea-id", sqlite3_column_int64 (stmt, 7),
                       "status", sqlite3_column_int (stmt, 8),
                       "review-date", review_date,
                       "position", (guint) sqlite3_column_int (stmt, 10),
                       "team-ids", parse_ids (teams),
                       NULL);
}

static GObject *
review_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _sam_store_dup_column (stmt, 1);
  g_autofree char *source = _sam_store_dup_column (stmt, 3);
  g_autofree char *what = _sam_store_dup_column (stmt, 4);
  g_autofree char *owner = _sam_store_dup_column (stmt, 5);
  g_autofree char *due = _sam_store_dup_column (stmt, 6);
  g_autofree char *verification = _sam_store_dup_column (stmt, 7);
  g_autofree char *teams = _sam_store_dup_column (stmt, 8);
  g_autofree char *why = _sam_store_dup_column (stmt, 10);

  return g_object_new (SAM_TYPE_AGREEMENT_REVIEW,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "step-id", sqlite3_column_int64 (stmt, 2),
                       "source-uuid", source,
                       "what", what,
                       "owner", owner,
                       "due", due,
                       "verification", verification,
                       "teams", teams,
                       "outcome", sqlite3_column_int (stmt, 9),
                       "why", why,
                       "position", (guint) sqlite3_column_int (stmt, 11),
                       NULL);
}

static GObject *
absent_plan_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _sam_store_dup_column (stmt, 1);
  g_autofree char *absent = _sam_store_dup_column (stmt, 4);
  g_autofree char *experience = _sam_store_dup_column (stmt, 5);
  g_autofree char *who = _sam_store_dup_column (stmt, 6);
  g_autofree char *due = _sam_store_dup_column (stmt, 7);

  return g_object_new (SAM_TYPE_ABSENT_PLAN,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "step-id", sqlite3_column_int64 (stmt, 2),
                       "team-id", sqlite3_column_int64 (stmt, 3),
                       "absent", absent,
                       "experience", experience,
                       "who", who,
                       "due", due,
                       "position", (guint) sqlite3_column_int (stmt, 8),
                       NULL);
}

static const struct {
  const char *cache;
  GType (*get_type) (void);
  RowFunc from_row;
  const char *sql;
} lists[SAM_DECIDE_N_LISTS] = {
  [SAM_DECIDE_CLUSTERS] = {
    "decide-clusters", sam_cluster_get_type, cluster_from_row,
    "SELECT id, uuid, step_id, name, position FROM cluster "
    "WHERE step_id = ?1 AND trash IS NULL ORDER BY position, id"
  },
  [SAM_DECIDE_AGREEMENTS] = {
    "decide-agreements", sam_agreement_get_type, agreement_from_row,
    "SELECT a.id, a.uuid, a.step_id, a.what, a.owner, a.due, a.verification, "
    "  COALESCE((SELECT c.id FROM card c WHERE c.id = a.idea_id AND c.trash IS NULL), 0), "
    "  a.status, a.review_date, a.position, "
    "  (SELECT group_concat(team_id) FROM (SELECT at.team_id FROM agreement_team at "
    "     JOIN team t ON t.id = at.team_id AND t.trash IS NULL "
    "     WHERE at.agreement_id = a.id ORDER BY t.position)) "
    "FROM agreement a WHERE a.step_id = ?1 AND a.trash IS NULL ORDER BY a.position, a.id"
  },
  [SAM_DECIDE_REVIEWS] = {
    "decide-reviews", sam_agreement_review_get_type, review_from_row,
    "SELECT id, uuid, step_id, source_uuid, what, owner, due, verification, teams, outcome, why, position "
    "FROM agreement_review WHERE step_id = ?1 AND trash IS NULL ORDER BY position, id"
  },
  [SAM_DECIDE_ABSENT_PLANS] = {
    "decide-absent-plans", sam_absent_plan_get_type, absent_plan_from_row,
    "SELECT p.id, p.uuid, p.step_id, p.team_id, p.absent, p.experience, p.who, p.due, p.position "
    "FROM absent_plan p JOIN team t ON t.id = p.team_id AND t.trash IS NULL "
    "WHERE p.step_id = ?1 AND p.trash IS NULL ORDER BY t.position, p.position, p.id"
  },
};

static gboolean
load (SamStore       *self,
      SamDecideList   which,
      gint64          step_id,
      GListStore     *list,
      GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sam_store_prepare (self, lists[which].sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, step_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, lists[which].from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      return FALSE;
    }

  _sam_store_merge_list (list, rows);
  return TRUE;
}

static void
reload_all (SamStore *self)
{
  for (guint which = 0; which < SAM_DECIDE_N_LISTS; which++)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, _sam_store_get_cache (self, lists[which].cache));
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(GError) error = NULL;

          if (!load (self, which, *(gint64 *) key, value, &error))
            g_critical ("Could not reload a list: %s", error->message);
        }
    }
}

static void
teams_changed_cb (SamStore   *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *teams)
{
  if (removed != added)
    reload_all (self);
}

/* Follows what the core changes behind these lists' backs.  The mark sits
 * on the teams list itself, so a list made anew (after a workshop came
 * back from the trash) is followed again. */
static void
watch (SamStore *self,
       gint64    step_id)
{
  SamWorkshop *workshop;
  GListModel *teams;
  SamStep *step;

  if (g_object_get_data (G_OBJECT (self), "decide-watching") == NULL)
    {
      g_object_set_data (G_OBJECT (self), "decide-watching", GINT_TO_POINTER (TRUE));
      g_signal_connect (self, "restored", G_CALLBACK (reload_all), NULL);
    }

  step = sam_store_lookup_step (self, step_id);
  workshop = step ? _sam_store_lookup_workshop (self, sam_step_get_workshop_id (step)) : NULL;
  if (workshop == NULL)
    return;

  teams = sam_store_get_teams (self, workshop);
  if (g_object_get_data (G_OBJECT (teams), "decide-watched") == NULL)
    {
      g_object_set_data (G_OBJECT (teams), "decide-watched", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (teams, "items-changed", G_CALLBACK (teams_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

GListStore *
_sam_decide_list_of (SamStore      *self,
                     SamDecideList  which,
                     gint64         step_id)
{
  GHashTable *cache = _sam_store_get_cache (self, lists[which].cache);
  GListStore *list = g_hash_table_lookup (cache, &step_id);

  if (list == NULL)
    {
      g_autoptr(GError) error = NULL;

      list = g_list_store_new (lists[which].get_type ());
      g_hash_table_insert (cache, g_memdup2 (&step_id, sizeof step_id), list);
      if (!load (self, which, step_id, list, &error))
        g_critical ("Could not load a list: %s", error->message);
      watch (self, step_id);
    }

  return list;
}

void
_sam_decide_reload (SamStore      *self,
                    SamDecideList  which,
                    gint64         step_id)
{
  g_autoptr(GError) error = NULL;

  if (!load (self, which, step_id, _sam_decide_list_of (self, which, step_id), &error))
    g_critical ("Could not reload a list: %s", error->message);
}

/* The live object @id of a list (transfer none), or %NULL. */
gpointer
_sam_decide_find (SamStore      *self,
                  SamDecideList  which,
                  gint64         step_id,
                  gint64         id)
{
  GListModel *list = G_LIST_MODEL (_sam_decide_list_of (self, which, step_id));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);
      gint64 object_id = 0;

      g_object_get (object, "id", &object_id, NULL);
      if (object_id == id)
        return object;
    }

  return NULL;
}

/* Inserts a row at the end of @step's list in a transaction that touches
 * the workshop.  @sql binds ?1 a new uuid, ?2 the workshop, ?3 the step,
 * ?4 the stripped @text, ?5 the position, ?6 now and, when it has a ?7,
 * @team_id.  Returns the new object from the reloaded list, or %NULL. */
gpointer
_sam_decide_add (SamStore       *self,
                 SamDecideList   which,
                 const char     *table,
                 SamStep        *step,
                 const char     *sql,
                 const char     *text,
                 gint64          team_id,
                 GError        **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  gint64 now = _sam_store_now ();
  gint64 id;

  if (!_sam_store_begin (self, error))
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  stmt = _sam_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_step_get_workshop_id (step));
  sqlite3_bind_int64 (stmt, 3, sam_step_get_id (step));
  _sam_decide_bind_text (stmt, 4, stripped);
  sqlite3_bind_int (stmt, 5, _sam_decide_next_position (self, table, sam_step_get_id (step)));
  sqlite3_bind_int64 (stmt, 6, now);
  if (sqlite3_bind_parameter_count (stmt) >= 7)
    sqlite3_bind_int64 (stmt, 7, team_id);
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, sam_step_get_workshop_id (step), error))
    goto failed;

  id = sqlite3_last_insert_rowid (_sam_store_get_db (self));
  if (!_sam_store_commit (self, error))
    return NULL;

  _sam_decide_reload (self, which, sam_step_get_id (step));
  return _sam_decide_find (self, which, sam_step_get_id (step), id);

failed:
  _sam_store_rollback (self);
  return NULL;
}

void
_sam_decide_bind_text (sqlite3_stmt *stmt,
                       int           column,
                       const char   *text)
{
  sqlite3_bind_text (stmt, column, text ? text : "", -1, SQLITE_TRANSIENT);
}

/* Writes one column of one row in a transaction that touches the workshop. */
gboolean
_sam_decide_update (SamStore      *self,
                    const char    *table,
                    const char    *column,
                    gint64         id,
                    const GValue  *value,
                    GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table, column);
  sqlite3_stmt *stmt;

  if (!_sam_store_begin (self, error))
    return FALSE;

  stmt = _sam_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto failed;

  if (G_VALUE_HOLDS_STRING (value))
    _sam_decide_bind_text (stmt, 1, g_value_get_string (value));
  else if (G_VALUE_HOLDS_INT64 (value) && g_value_get_int64 (value) <= 0)
    sqlite3_bind_null (stmt, 1);
  else if (G_VALUE_HOLDS_INT64 (value))
    sqlite3_bind_int64 (stmt, 1, g_value_get_int64 (value));
  else
    sqlite3_bind_int (stmt, 1, g_value_get_int (value));
  sqlite3_bind_int64 (stmt, 2, id);

  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_owner (self, table, id, error))
    goto failed;

  if (g_strcmp0 (table, "cluster") != 0)
    {
      g_autofree char *touch = g_strdup_printf ("UPDATE %s SET modified = ?1 WHERE id = ?2", table);

      if (!_sam_store_bind_run (self, touch, _sam_store_now (), id, error))
        goto failed;
    }

  return _sam_store_commit (self, error);

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/* Validates and stores one text property of a row, then updates @object. */
gboolean
_sam_decide_text_column (SamStore    *self,
                         const char  *table,
                         const char  *column,
                         gpointer     object,
                         const char  *property,
                         const char  *value,
                         GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);
  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  if (!_sam_decide_update (self, table, column, id, &gvalue, error))
    return FALSE;

  g_object_set_property (G_OBJECT (object), property, &gvalue);
  return TRUE;
}

gboolean
_sam_decide_trash (SamStore       *self,
                   const char     *table,
                   SamDecideList   which,
                   gpointer        object,
                   gint64         *out_batch,
                   GError        **error)
{
  g_autoptr(GObject) keep = g_object_ref (object);
  GListStore *list;
  gint64 id = 0, step_id = 0;
  guint position;

  g_object_get (object, "id", &id, "step-id", &step_id, NULL);
  if (!_sam_store_trash_rows (self, table, id, NULL, out_batch, error))
    return FALSE;

  list = _sam_decide_list_of (self, which, step_id);
  if (g_list_store_find (list, object, &position))
    g_list_store_remove (list, position);

  return TRUE;
}

guint
_sam_decide_next_position (SamStore   *self,
                           const char *table,
                           gint64      step_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE(MAX(position) + 1, 0) FROM %s "
                                          "WHERE step_id = ?1 AND trash IS NULL", table);
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, NULL);
  guint position = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, step_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return position;
}

/**
 * sam_decide_validate_date:
 * @value: a date typed by the room
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @value is empty or a real date written `YYYY-MM-DD`
 */
gboolean
sam_decide_validate_date (const char  *value,
                          GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;

  iso = g_strconcat (value, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (iso, NULL);
  if (strlen (value) != 10 || parsed == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a date; write it as year-month-day, for example 2026-11-23"), value);
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_decide_dup_today:
 *
 * Returns: (transfer full): today's local date as `YYYY-MM-DD`; the
 *   environment variable SAM_TODAY overrides it for tests
 */
char *
sam_decide_dup_today (void)
{
  g_autoptr(GDateTime) now = NULL;
  const char *fixed = g_getenv ("SAM_TODAY");

  if (fixed != NULL && sam_decide_validate_date (fixed, NULL) && *fixed != '\0')
    return g_strdup (fixed);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Step settings (a JSON object): "vote-budget" (int), "votes-revealed"
 * (bool), "debate-kpi" (string), "debate-turn" (a team's uuid). */

JsonObject *
_sam_decide_settings_of (SamStep *step)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *text = sam_step_get_settings (step);
  JsonNode *root;

  if (text != NULL && *text != '\0' && json_parser_load_from_data (parser, text, -1, NULL))
    {
      root = json_parser_get_root (parser);
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        return json_object_ref (json_node_get_object (root));
    }

  return json_object_new ();
}

gint64
_sam_decide_setting_int (SamStep    *step,
             const char *key,
             gint64      fallback)
{
  g_autoptr(JsonObject) object = _sam_decide_settings_of (step);
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64: return json_node_get_int (node);
    case G_TYPE_BOOLEAN: return json_node_get_boolean (node);
    case G_TYPE_DOUBLE: return (gint64) json_node_get_double (node);
    default: return fallback;
    }
}

gboolean
_sam_decide_store_setting (SamStore    *self,
               SamStep     *step,
               const char  *key,
               JsonNode    *value,
               GError     **error)
{
  g_autoptr(JsonObject) object = _sam_decide_settings_of (step);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_object_set_member (object, key, value);
  json_node_set_object (root, object);
  text = json_to_string (root, FALSE);
  return sam_store_set_step_field (self, step, SAM_STEP_FIELD_SETTINGS, text, error);
}
