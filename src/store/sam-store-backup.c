/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rolling backups of the database, and the way back to one. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sam-store-private.h"

#define BACKUP_PREFIX "samenspel-"
#define BACKUP_SUFFIX ".db"
#define BACKUP_DAYS   7

static char *
dup_backup_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_build_filename (dir, "backups", NULL);
}

/* Creates @file empty and private, so no copy of the workshops is ever
 * readable by others, not even while it is written. */
static gboolean
create_private (const char  *file,
                GError     **error)
{
  int fd;

  g_unlink (file);
  fd = g_open (file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IO,
                   _("Could not create the copy “%s”: %s"), file, g_strerror (errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Copies the whole database from @from to the empty file @to with SQLite's
 * online backup, which reads a consistent state while others may write. */
static gboolean
copy_database (sqlite3     *from,
               const char  *to,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (to, &dest, SQLITE_OPEN_READWRITE, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", from, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = backup != NULL && rc == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IO, "%s: %s", to, sqlite3_errstr (rc));

  sqlite3_close (dest);
  if (rc != SQLITE_OK)
    g_unlink (to);

  return rc == SQLITE_OK;
}

static void
remove_old_backups (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = _sam_store_now ();
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      GStatBuf buf;

      if (g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX) &&
          g_stat (file, &buf) == 0 && now - (gint64) buf.st_mtime >= BACKUP_DAYS * 24 * 3600)
        g_unlink (file);
    }
}

/**
 * sam_store_backup:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Writes a copy of the whole database to the `backups` folder beside it
 * (mode 0600, named after the time), and removes the copies older than a
 * week.  The app calls it at start, every ten minutes of editing and on
 * close.
 *
 * Returns: %TRUE when the copy was written
 */
gboolean
sam_store_backup (SamStore  *self,
                  GError   **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  /* A damaged database never replaces a good backup. */
  if (_sam_store_get_check (self) != NULL && !_sam_store_check_wait (_sam_store_get_check (self), error))
    return FALSE;

  dir = dup_backup_dir (sam_store_get_path (self));
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }

  name = g_date_time_format (now, BACKUP_PREFIX "%Y%m%d-%H%M%S" BACKUP_SUFFIX);
  file = g_build_filename (dir, name, NULL);
  if (!create_private (file, error) || !copy_database (_sam_store_get_db (self), file, error))
    return FALSE;

  remove_old_backups (dir);
  return TRUE;
}

/**
 * sam_store_get_n_changes:
 * @self: a #SamStore
 *
 * Returns: how many rows this store changed since it was opened, so that a
 *   caller can tell whether anything was edited since its last backup
 */
gint64
sam_store_get_n_changes (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), 0);

  return sqlite3_total_changes64 (_sam_store_get_db (self));
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/**
 * sam_store_list_backups:
 * @path: the database file
 *
 * Returns: (transfer full): the backups of @path, as file names, newest first
 */
GPtrArray *
sam_store_list_backups (const char *path)
{
  g_autofree char *dir = dup_backup_dir (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (path != NULL, backups);

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX))
      g_ptr_array_add (backups, g_build_filename (dir, name, NULL));

  /* The names hold the time, so the newest sorts last by name. */
  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

/**
 * sam_store_dup_backup_time:
 * @backup: a file from sam_store_list_backups()
 *
 * Returns: (transfer full) (nullable): when @backup was made, in local time
 */
GDateTime *
sam_store_dup_backup_time (const char *backup)
{
  GStatBuf buf;

  g_return_val_if_fail (backup != NULL, NULL);

  if (g_stat (backup, &buf) != 0)
    return NULL;

  return g_date_time_new_from_unix_local (buf.st_mtime);
}

/* Moves @path (and its log) aside as "<path>.damaged-<time>". */
static gboolean
keep_aside (const char  *path,
            GError     **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strdup_printf ("%s.damaged-%s%s", path, stamp, suffixes[i]);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IO,
                       _("Could not move “%s” aside: %s"), from, g_strerror (errno));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sam_store_restore_backup:
 * @path: the (damaged) database file; no store may have it open
 * @backup: a file from sam_store_list_backups()
 * @error: return location for a #GError
 *
 * Puts @backup in place of @path.  The database that was there is kept
 * aside as `<path>.damaged-<time>`, never removed, so it can still be
 * rescued.
 *
 * Returns: %TRUE when @path now holds the backup
 */
gboolean
sam_store_restore_backup (const char  *path,
                          const char  *backup,
                          GError     **error)
{
  g_autofree char *temp = NULL;
  sqlite3 *from = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  /* Copied beside the database first: a backup that cannot be read leaves
   * the damaged file where it is. */
  temp = g_strconcat (path, ".restoring", NULL);
  if (sqlite3_open_v2 (backup, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IO, "%s: %s", backup, sqlite3_errmsg (from));
      sqlite3_close (from);
      return FALSE;
    }
  ok = create_private (temp, error) && copy_database (from, temp, error);
  sqlite3_close (from);

  if (!ok || !keep_aside (path, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (g_rename (temp, path) != 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IO,
                   _("Could not move “%s” aside: %s"), temp, g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/* Whether @backup holds a workshop with one of @uuids.  Opened immutable
 * and read-only, so no journal or log is created beside it.  A backup
 * that cannot be read cannot be restored either: it counts as holding
 * them, so a deleted workshop never stays behind in a damaged copy. */
static gboolean
backup_holds (const char *backup,
              GPtrArray  *uuids)
{
  g_autofree char *uri = g_filename_to_uri (backup, NULL, NULL);
  g_autofree char *immutable = g_strconcat (uri ? uri : "", "?immutable=1", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean holds = TRUE;

  if (uri != NULL &&
      sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT 1 FROM workshop WHERE uuid = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      holds = FALSE;
      for (guint i = 0; !holds && i < uuids->len; i++)
        {
          int rc;

          sqlite3_bind_text (stmt, 1, g_ptr_array_index (uuids, i), -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
          holds = rc != SQLITE_DONE;
          sqlite3_reset (stmt);
        }
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return holds;
}

/**
 * _sam_store_prune_backups:
 * @self: a #SamStore
 * @uuids: (element-type utf8): the workshops a purge has just removed
 *
 * A coach who deletes a client's workshop expects it gone, also from the
 * backups: every backup that still holds one of @uuids is removed, and a
 * fresh backup (without them) is written in their place, so a way back
 * remains.  Rows deleted inside a workshop that stays (a card) are not
 * looked for; they leave the backups within the week.
 */
void
_sam_store_prune_backups (SamStore  *self,
                          GPtrArray *uuids)
{
  const char *path = sam_store_get_path (self);
  g_autoptr(GPtrArray) backups = NULL;
  gboolean removed = FALSE;

  if (uuids->len == 0 || path == NULL || !g_path_is_absolute (path))
    return;

  backups = sam_store_list_backups (path);
  for (guint i = 0; i < backups->len; i++)
    if (backup_holds (g_ptr_array_index (backups, i), uuids) &&
        g_unlink (g_ptr_array_index (backups, i)) == 0)
      removed = TRUE;

  if (removed)
    sam_store_backup (self, NULL);
}
