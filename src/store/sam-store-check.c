/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-store-private.h"

/* The integrity check left for later (sam_store_open_check_later()).
 * PRAGMA quick_check reads every page of the file; at start-up it cost as
 * much as laying out the library.  The app opens its database without it
 * and runs it on a thread of its own, on a second, read-only connection,
 * once the window has drawn.  Until the check has passed the store makes
 * no backup and commits nothing: a commit waits for the check (SQLite's
 * commit hook runs before anything of the transaction counts), and is
 * rolled back when the check found damage, so a damaged file is never
 * written to. */
struct _SamStoreCheck
{
  GMutex lock;
  GCond done_cond;
  char *path;
  gboolean started;
  gboolean done;
  GError *error;
};

static void
check_clear (gpointer data)
{
  SamStoreCheck *check = data;

  g_mutex_clear (&check->lock);
  g_cond_clear (&check->done_cond);
  g_free (check->path);
  g_clear_error (&check->error);
}

SamStoreCheck *
_sam_store_check_new (const char *path)
{
  SamStoreCheck *check = g_atomic_rc_box_new0 (SamStoreCheck);

  g_mutex_init (&check->lock);
  g_cond_init (&check->done_cond);
  check->path = g_strdup (path);
  return check;
}

SamStoreCheck *
_sam_store_check_ref (SamStoreCheck *check)
{
  return g_atomic_rc_box_acquire (check);
}

void
_sam_store_check_unref (SamStoreCheck *check)
{
  g_atomic_rc_box_release_full (check, check_clear);
}

/* Runs on whichever thread comes first: the check's own, or a commit that
 * cannot wait for that thread to be scheduled. */
static GError *
run_quick_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GError *error = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, TRUE);
      sqlite3_busy_timeout (db, 5000);
      /* Each page is read once: a larger cache would only stay in memory. */
      sqlite3_exec (db, "PRAGMA cache_size = 16", NULL, NULL, NULL);
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    _sam_store_set_path_error (&error, path, rc, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_autofree char *result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

      _sam_store_set_path_error (&error, path, SQLITE_CORRUPT, result ? result : "");
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return error;
}

/* Takes the check on, unless another thread already has. */
static gboolean
claim (SamStoreCheck *check)
{
  gboolean claimed;

  g_mutex_lock (&check->lock);
  claimed = !check->started;
  check->started = TRUE;
  g_mutex_unlock (&check->lock);
  return claimed;
}

static void
run_claimed (SamStoreCheck *check)
{
  GError *error = run_quick_check (check->path);

  g_mutex_lock (&check->lock);
  check->error = error;
  check->done = TRUE;
  g_cond_broadcast (&check->done_cond);
  g_mutex_unlock (&check->lock);
}

/**
 * _sam_store_check_wait:
 * @check: a check
 * @error: return location for a #GError
 *
 * Blocks until the check is done, running it on this thread when no other
 * has started it yet.
 *
 * Returns: %TRUE when the database passed
 */
gboolean
_sam_store_check_wait (SamStoreCheck  *check,
                       GError        **error)
{
  gboolean ok;

  if (claim (check))
    run_claimed (check);

  g_mutex_lock (&check->lock);
  while (!check->done)
    g_cond_wait (&check->done_cond, &check->lock);
  ok = check->error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (check->error));
  g_mutex_unlock (&check->lock);
  return ok;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SamStoreCheck *check = task_data;
  GError *error = NULL;

  if (_sam_store_check_wait (check, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sam_store_check_async:
 * @self: a #SamStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check is done
 * @user_data: data for @callback
 *
 * Runs the integrity check that sam_store_open_check_later() left for
 * later, on a thread.  For a store that was checked when it opened, it
 * reports success at once.
 */
void
sam_store_check_async (SamStore            *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SamStoreCheck *check;

  g_return_if_fail (SAM_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_store_check_async);
  check = _sam_store_get_check (self);
  if (check == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_set_task_data (task, _sam_store_check_ref (check), (GDestroyNotify) _sam_store_check_unref);
  g_task_run_in_thread (task, check_thread);
}

/**
 * sam_store_check_finish:
 * @self: a #SamStore
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the database passed the check; otherwise @error says
 *   what is wrong (%SAM_STORE_ERROR_CORRUPT for a damaged file), and the
 *   store refuses every edit
 */
gboolean
sam_store_check_finish (SamStore      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
