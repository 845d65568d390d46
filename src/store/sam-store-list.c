/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sam-store-private.h"

/* Shared helpers for the ordered lists (steps, cards, and what exercise
 * modules add): every row has an `id` and a `position` column and its
 * object an "id" and a "position" property. */

static gint64
item_id (gpointer item)
{
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  return id;
}

/**
 * _sam_store_move_in_list:
 * @self: a #SamStore
 * @table: the table of the rows
 * @list: the live list holding @item
 * @item: the object to move
 * @position: its new place, clamped to the end
 * @error: return location for a #GError
 *
 * Moves @item in @list and writes every position in one transaction; on
 * failure the list is as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
_sam_store_move_in_list (SamStore    *self,
                         const char  *table,
                         GListStore  *list,
                         gpointer     item,
                         guint        position,
                         GError     **error)
{
  g_autoptr(GObject) keep = g_object_ref (item);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET position = ?1 WHERE id = ?2", table);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint old_position;

  if (!g_list_store_find (list, item, &old_position))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                           _("This item no longer exists"));
      return FALSE;
    }

  position = MIN (position, n - 1);
  if (position == old_position)
    return TRUE;

  g_list_store_remove (list, old_position);
  g_list_store_insert (list, position, item);

  if (!_sam_store_begin (self, error))
    goto revert;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (!_sam_store_bind_run (self, sql, i, item_id (row), error))
        {
          _sam_store_rollback (self);
          goto revert;
        }
    }

  if (!_sam_store_touch_owner (self, table, item_id (item), error))
    {
      _sam_store_rollback (self);
      goto revert;
    }

  if (!_sam_store_commit (self, error))
    goto revert;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_object_set (row, "position", i, NULL);
    }

  return TRUE;

revert:
  g_list_store_remove (list, position);
  g_list_store_insert (list, old_position, item);
  return FALSE;
}

/**
 * _sam_store_validate_text:
 * @text: what the user typed
 * @max_chars: the most characters allowed
 * @allow_empty: whether "" (after trimming) is fine
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @text may be stored
 */
gboolean
_sam_store_validate_text (const char  *text,
                          glong        max_chars,
                          gboolean     allow_empty,
                          GError     **error)
{
  const char *end = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, &end))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("The text contains characters that are not valid"));
      return FALSE;
    }

  if (!allow_empty)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped == '\0')
        {
          g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                               _("An empty card is not kept; type something first"));
          return FALSE;
        }
    }

  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The text is too long: at most %ld characters fit"), max_chars);
      return FALSE;
    }

  return TRUE;
}

/**
 * _sam_store_trash_rows:
 * @self: a #SamStore
 * @table: the table
 * @id: the row to put in the trash
 * @cascade: (nullable): statements run after it with ?1 the batch and ?2 @id
 * @out_batch: (out) (optional): the batch number for Undo
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_sam_store_trash_rows (SamStore           *self,
                       const char         *table,
                       gint64              id,
                       const char *const  *cascade,
                       gint64             *out_batch,
                       GError            **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET trash = ?1 WHERE id = ?2", table);
  gint64 batch;

  if (!_sam_store_begin (self, error))
    return FALSE;

  batch = _sam_store_next_batch (self);
  if (!_sam_store_bind_run (self, sql, batch, id, error) ||
      !_sam_store_touch_owner (self, table, id, error))
    goto failed;

  for (guint i = 0; cascade != NULL && cascade[i] != NULL; i++)
    if (!_sam_store_bind_run (self, cascade[i], batch, id, error))
      goto failed;

  if (!_sam_store_commit (self, error))
    return FALSE;

  if (out_batch != NULL)
    *out_batch = batch;

  return TRUE;

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/* The properties a reload copies: those that may be set after
 * construction.  Read once per merge, not per row. */
static GPtrArray *
copied_properties (GType type)
{
  g_autofree GParamSpec **pspecs = NULL;
  GPtrArray *copied = g_ptr_array_new ();
  gpointer klass = g_type_class_ref (type);
  guint n;

  pspecs = g_object_class_list_properties (klass, &n);
  for (guint i = 0; i < n; i++)
    if (!(pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) && (pspecs[i]->flags & G_PARAM_WRITABLE) &&
        (pspecs[i]->flags & G_PARAM_READABLE))
      g_ptr_array_add (copied, pspecs[i]);
  g_type_class_unref (klass);
  return copied;
}

/* Gives @to the values of @from that differ: a row that did not change
 * notifies nothing, so a view bound to it does no work. */
static void
copy_properties (GObject   *from,
                 GObject   *to,
                 GPtrArray *pspecs)
{
  g_object_freeze_notify (to);
  for (guint i = 0; i < pspecs->len; i++)
    {
      GParamSpec *pspec = pspecs->pdata[i];
      g_auto(GValue) fresh = G_VALUE_INIT;
      g_auto(GValue) current = G_VALUE_INIT;

      g_value_init (&fresh, pspec->value_type);
      g_value_init (&current, pspec->value_type);
      g_object_get_property (from, pspec->name, &fresh);
      g_object_get_property (to, pspec->name, &current);
      if (g_param_values_cmp (pspec, &fresh, &current) != 0)
        g_object_set_property (to, pspec->name, &fresh);
    }
  g_object_thaw_notify (to);
}

/* Adds to @merged the object for a row read again as @fresh: @existing,
 * the list's object for it (which takes @fresh's values, so views bound
 * to it stay bound), or @fresh when the list had none.  @pspecs is made
 * the first time it is needed, for @list's item type. */
static void
take_row (GPtrArray   *merged,
          GListStore  *list,
          GPtrArray  **pspecs,
          GObject     *existing,
          GObject     *fresh)
{
  if (existing == NULL)
    {
      g_ptr_array_add (merged, g_object_ref (fresh));
      return;
    }

  if (*pspecs == NULL)
    *pspecs = copied_properties (g_list_model_get_item_type (G_LIST_MODEL (list)));
  copy_properties (fresh, existing, *pspecs);
  g_ptr_array_add (merged, g_object_ref (existing));
}

/* Replaces only the items between the unchanged start and end of the
 * @n items of @list from @from on, so a view keeps the rows (and their
 * state: expanded, focused) of every object that stayed in place. */
static void
splice_changed (GListStore *list,
                guint       from,
                guint       n,
                GPtrArray  *merged)
{
  guint start = 0, tail = 0;

  while (start < n && start < merged->len)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), from + start);

      if (item != merged->pdata[start])
        break;
      start++;
    }

  while (tail < n - start && tail < merged->len - start)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), from + n - 1 - tail);

      if (item != merged->pdata[merged->len - 1 - tail])
        break;
      tail++;
    }

  if (start + tail < n || start + tail < merged->len)
    g_list_store_splice (list, from + start, n - start - tail,
                         merged->pdata + start, merged->len - start - tail);
}

/**
 * _sam_store_merge_list:
 * @list: a live list
 * @fresh: (element-type GObject): the rows as just read, in order
 *
 * Makes @list hold the rows of @fresh, keeping the objects that were there
 * already (matched by "id") so that views bound to them stay bound; they
 * take the fresh values.
 */
void
_sam_store_merge_list (GListStore *list,
                       GPtrArray  *fresh)
{
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pspecs = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = item_id (item);

      g_hash_table_insert (old, g_memdup2 (&id, sizeof id), item);
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      gint64 id = item_id (fresh->pdata[i]);

      take_row (merged, list, &pspecs, g_hash_table_lookup (old, &id), fresh->pdata[i]);
    }

  splice_changed (list, 0, n, merged);
}

/**
 * _sam_store_load_rows:
 * @self: a #SamStore
 * @kind: what the list holds and how rows are read
 * @owner_id: the value of ?1 in @kind's query
 * @list: the live list to update
 * @error: return location for a #GError
 *
 * Reads the rows and merges them into @list (see _sam_store_merge_list()).
 *
 * Returns: %TRUE on success
 */
gboolean
_sam_store_load_rows (SamStore           *self,
                      const SamListKind  *kind,
                      gint64              owner_id,
                      GListStore         *list,
                      GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sam_store_prepare (self, kind->sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, kind->from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      return FALSE;
    }

  _sam_store_merge_list (list, rows);
  return TRUE;
}

/* A list of a kind with get_id keeps the ids of its objects beside it, in
 * the same order, so that a refresh finds a changed row's place with a
 * scan of numbers instead of a walk over the list's objects. */
static GQuark
ids_quark (void)
{
  return g_quark_from_static_string ("sam-store-list-ids");
}

static void
keep_ids (GListModel        *list,
          guint              position,
          guint              removed,
          guint              added,
          const SamListKind *kind)
{
  GArray *ids = g_object_get_qdata (G_OBJECT (list), ids_quark ());
  guint kept;

  g_array_remove_range (ids, position, removed);
  kept = ids->len;
  g_array_set_size (ids, kept + added);
  memmove (&g_array_index (ids, gint64, position + added), &g_array_index (ids, gint64, position),
           (kept - position) * sizeof (gint64));
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, position + i);

      g_array_index (ids, gint64, position + i) = kind->get_id (item);
    }
}

/**
 * _sam_store_get_list:
 * @self: a #SamStore
 * @kind: what the list holds
 * @owner_id: whose rows: a workshop's, a step's, ...
 *
 * Returns: (transfer none): the live list, loaded on first use and kept
 */
GListStore *
_sam_store_get_list (SamStore          *self,
                     const SamListKind *kind,
                     gint64             owner_id)
{
  GHashTable *cache = _sam_store_get_cache (self, kind->name);
  GListStore *list = g_hash_table_lookup (cache, &owner_id);

  if (list == NULL)
    {
      g_autoptr(GError) error = NULL;

      list = g_list_store_new (kind->get_type ());
      if (kind->get_id != NULL)
        {
          g_object_set_qdata_full (G_OBJECT (list), ids_quark (), g_array_new (FALSE, FALSE, sizeof (gint64)),
                                   (GDestroyNotify) g_array_unref);
          g_signal_connect (list, "items-changed", G_CALLBACK (keep_ids), (gpointer) kind);
        }
      g_hash_table_insert (cache, g_memdup2 (&owner_id, sizeof owner_id), list);
      if (!_sam_store_load_rows (self, kind, owner_id, list, &error))
        g_critical ("Could not load %s: %s", kind->name, error->message);
    }

  return list;
}

/**
 * _sam_store_reload_lists:
 * @self: a #SamStore
 * @kind: what the lists hold
 *
 * Reads every live list of @kind again, after an Undo or a cascade.
 */
void
_sam_store_reload_lists (SamStore          *self,
                         const SamListKind *kind)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, _sam_store_get_cache (self, kind->name));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;

      if (!_sam_store_load_rows (self, kind, *(gint64 *) key, value, &error))
        g_critical ("Could not reload %s: %s", kind->name, error->message);
    }
}

/* One list after a change of the rows @changed: the order comes from the
 * ids alone, and only a changed or new row is read and made. */
static gboolean
refresh_rows (SamStore          *self,
              const SamListKind *kind,
              gint64             owner_id,
              GListStore        *list,
              GHashTable        *changed,
              GError           **error)
{
  /* id → its place in @list plus one */
  g_autoptr(GHashTable) old = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *old_ids = g_object_get_qdata (G_OBJECT (list), ids_quark ());
  g_autoptr(GArray) read_ids = NULL;
  g_autoptr(GPtrArray) pspecs = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sam_store_prepare (self, kind->ids_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_append_val (ids, (gint64) { sqlite3_column_int64 (stmt, 0) });
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      return FALSE;
    }

  /* The list's ids: kept beside it (a kind with get_id), or read from its
   * objects.  The keys point into that array, which does not change
   * before the splice. */
  if (old_ids == NULL)
    {
      read_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

          g_array_append_val (read_ids, (gint64) { item_id (item) });
        }
      old_ids = read_ids;
    }
  for (guint i = 0; i < old_ids->len; i++)
    g_hash_table_insert (old, &g_array_index (old_ids, gint64, i), GUINT_TO_POINTER (i + 1));

  stmt = _sam_store_prepare (self, kind->row_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      guint place = GPOINTER_TO_UINT (g_hash_table_lookup (old, &id));
      g_autoptr(GObject) existing = place > 0 ? g_list_model_get_item (G_LIST_MODEL (list), place - 1) : NULL;
      g_autoptr(GObject) fresh = NULL;

      if (existing != NULL && !g_hash_table_contains (changed, &id))
        {
          g_ptr_array_add (merged, g_object_ref (existing));
          continue;
        }

      sqlite3_bind_int64 (stmt, 1, id);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        fresh = kind->from_row (stmt);
      sqlite3_reset (stmt);
      if (fresh == NULL)
        {
          _sam_store_set_error (self, error, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc);
          return FALSE;
        }

      take_row (merged, list, &pspecs, existing, fresh);
    }

  splice_changed (list, 0, n, merged);
  return TRUE;
}

/* More changed rows than this are not refreshed place by place. */
#define MAX_WINDOWED 64

/* The order of a kind's @sql: by place, then by id. */
static int
compare_keys (guint  a_position,
              gint64 a_id,
              guint  b_position,
              gint64 b_id)
{
  if (a_position != b_position)
    return a_position < b_position ? -1 : 1;
  return (a_id > b_id) - (a_id < b_id);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const SamListKind *kind = data;
  gpointer x = *(gpointer *) a, y = *(gpointer *) b;

  return compare_keys (kind->get_position (x), kind->get_id (x), kind->get_position (y), kind->get_id (y));
}

/* Where a row with this place and id goes in @list, which is in order. */
static guint
lower_bound (GListModel        *list,
             GArray            *ids,
             const SamListKind *kind,
             guint              position,
             gint64             id)
{
  guint lo = 0, hi = ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GObject) item = g_list_model_get_item (list, mid);

      if (compare_keys (kind->get_position (item), g_array_index (ids, gint64, mid), position, id) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
find_id (GArray *ids,
         gint64  id,
         guint  *index)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        *index = i;
        return TRUE;
      }

  return FALSE;
}

/* The rows of @changed that are live, as fresh objects by id (keys
 * borrowed from @changed). */
static GHashTable *
read_changed_rows (SamStore           *self,
                   const SamListKind  *kind,
                   GHashTable         *changed,
                   GError            **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  sqlite3_stmt *stmt = _sam_store_prepare (self, kind->row_sql, error);
  GHashTableIter iter;
  gpointer key;

  if (stmt == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_insert (rows, key, kind->from_row (stmt));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _sam_store_set_error (self, error, rc);
          return NULL;
        }
    }

  return g_steal_pointer (&rows);
}

/* One list after a change of the rows @changed (@rows: those still live):
 * only the part of @list between their old and new places is put in order
 * again.  @list is in @kind's order before: outside that part every
 * object is unchanged, so it is in order after too. */
static void
refresh_window (const SamListKind *kind,
                gint64             owner_id,
                GListStore        *list,
                GHashTable        *changed,
                GHashTable        *rows)
{
  GArray *ids = g_object_get_qdata (G_OBJECT (list), ids_quark ());
  /* id → its place in @list plus one, 0 for a row new to @list */
  g_autoptr(GHashTable) touched = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) window = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pspecs = NULL;
  guint lo = G_MAXUINT, hi = 0;
  GHashTableIter iter;
  gpointer key, value;

  /* The places are those of the list before anything is copied. */
  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gpointer fresh = g_hash_table_lookup (rows, key);
      gboolean belongs = fresh != NULL && kind->get_owner (fresh) == owner_id;
      guint index = 0;
      gboolean present = find_id (ids, *(gint64 *) key, &index);

      if (present)
        {
          lo = MIN (lo, index);
          hi = MAX (hi, index + 1);
        }
      else if (!belongs)
        continue;

      if (belongs)
        {
          guint at = lower_bound (G_LIST_MODEL (list), ids, kind, kind->get_position (fresh), *(gint64 *) key);

          lo = MIN (lo, at);
          hi = MAX (hi, at);
        }
      g_hash_table_insert (touched, key, GUINT_TO_POINTER (present ? index + 1 : 0));
    }

  if (g_hash_table_size (touched) == 0)
    return;

  for (guint i = lo; i < hi; i++)
    if (!g_hash_table_contains (touched, &g_array_index (ids, gint64, i)))
      g_ptr_array_add (window, g_list_model_get_item (G_LIST_MODEL (list), i));

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer fresh = g_hash_table_lookup (rows, key);
      guint place = GPOINTER_TO_UINT (value);

      g_autoptr(GObject) existing = NULL;

      if (fresh == NULL || kind->get_owner (fresh) != owner_id)
        continue;

      if (place > 0)
        existing = g_list_model_get_item (G_LIST_MODEL (list), place - 1);
      take_row (window, list, &pspecs, existing, fresh);
    }

  g_ptr_array_sort_with_data (window, compare_items, (gpointer) kind);
  splice_changed (list, lo, hi - lo, window);
}

/**
 * _sam_store_refresh_lists:
 * @self: a #SamStore
 * @kind: what the lists hold
 * @changed: (element-type gint64): ids of the rows that changed (were
 *   added, edited, moved, deleted or put in the trash)
 *
 * Brings every live list of @kind up to date after a change of a few
 * rows, like _sam_store_reload_lists() but reading and making only the
 * rows of @changed: after a live room's merge, the coach's work grows
 * with what changed, not with the workshop.  A kind with @get_owner and
 * @get_position has only the part of each list between the changed rows'
 * old and new places put in order again; other kinds read every list's
 * ids, for the order.  A @kind without @ids_sql is reloaded whole.
 */
void
_sam_store_refresh_lists (SamStore          *self,
                          const SamListKind *kind,
                          GHashTable        *changed)
{
  GHashTableIter iter;
  gpointer key, value;

  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (kind->ids_sql == NULL || kind->row_sql == NULL)
    {
      _sam_store_reload_lists (self, kind);
      return;
    }

  /* A few rows (a batch of laptops' edits) touch a few places; many (a
   * whole file merged) are cheaper read in order. */
  if (kind->get_id != NULL && kind->get_owner != NULL && kind->get_position != NULL &&
      g_hash_table_size (changed) <= MAX_WINDOWED &&
      (rows = read_changed_rows (self, kind, changed, &error)) == NULL)
    {
      g_critical ("Could not refresh %s: %s", kind->name, error->message);
      return;
    }

  g_hash_table_iter_init (&iter, _sam_store_get_cache (self, kind->name));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (rows != NULL)
        refresh_window (kind, *(gint64 *) key, value, changed, rows);
      else if (!refresh_rows (self, kind, *(gint64 *) key, value, changed, &error))
        {
          g_critical ("Could not refresh %s: %s", kind->name, error->message);
          g_clear_error (&error);
        }
    }
}

/**
 * _sam_store_update_column:
 * @self: a #SamStore
 * @table: the row's table (its workshop is marked as edited)
 * @object: the live object of the row
 * @sql: the UPDATE, with ?1 the new value and ?2 the row's id
 * @value: the new value: a string, (u)int or int64; for a property ending
 *   in "-id", 0 is stored as NULL
 * @property: the object's property that mirrors the column
 * @error: return location for a #GError
 *
 * Writes one column in its own transaction, then mirrors it in @object.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
_sam_store_update_column (SamStore      *self,
                          const char    *table,
                          gpointer       object,
                          const char    *sql,
                          const GValue  *value,
                          const char    *property,
                          GError       **error)
{
  gboolean is_reference = g_str_has_suffix (property, "-id");
  sqlite3_stmt *stmt;
  gint64 id = item_id (object);

  if (!_sam_store_begin (self, error))
    return FALSE;

  stmt = _sam_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto failed;

  if (G_VALUE_HOLDS_STRING (value))
    sqlite3_bind_text (stmt, 1, g_value_get_string (value), -1, SQLITE_TRANSIENT);
  else
    {
      g_auto(GValue) number = G_VALUE_INIT;

      g_value_init (&number, G_TYPE_INT64);
      g_value_transform (value, &number);
      if (is_reference && g_value_get_int64 (&number) <= 0)
        sqlite3_bind_null (stmt, 1);
      else
        sqlite3_bind_int64 (stmt, 1, g_value_get_int64 (&number));
    }
  sqlite3_bind_int64 (stmt, 2, id);

  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_owner (self, table, id, error))
    goto failed;

  if (!_sam_store_commit (self, error))
    return FALSE;

  g_object_set_property (G_OBJECT (object), property, value);
  return TRUE;

failed:
  _sam_store_rollback (self);
  return FALSE;
}
