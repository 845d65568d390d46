/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/file.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sam-store-private.h"

/* 'SAMS': marks the file as ours, so a stray SQLite file of another program is
 * refused instead of being migrated into something it never was. */
#define SAM_APPLICATION_ID 0x53414D53

struct _SamStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  guint version;
  guint depth;
  gboolean read_only;
  int folder_fd;
  int data_version;
  GHashTable *statements;
  GListStore *workshops;
  GHashTable *caches;
  SamStoreCheck *check;
  SamStoreCommitFunc commit_func;
  gpointer      commit_data;
  GHashTable   *changes;      /* table name → GHashTable of gint64 rowids,
                               * while changes are tracked */
};

G_DEFINE_FINAL_TYPE (SamStore, sam_store, G_TYPE_OBJECT)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sam-store-error-quark, sam_store_error)

static void
sam_store_dispose (GObject *object)
{
  SamStore *self = (SamStore *)object;

  g_clear_pointer (&self->caches, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_object (&self->workshops);

  G_OBJECT_CLASS (sam_store_parent_class)->dispose (object);
}

static void
sam_store_finalize (GObject *object)
{
  SamStore *self = (SamStore *)object;

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  if (self->folder_fd >= 0)
    close (self->folder_fd);
  g_clear_pointer (&self->check, _sam_store_check_unref);
  g_free (self->path);

  G_OBJECT_CLASS (sam_store_parent_class)->finalize (object);
}

static void
sam_store_class_init (SamStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_store_dispose;
  object_class->finalize = sam_store_finalize;

  /**
   * SamStore::restored:
   * @self: the store
   * @batch: the trash batch that came back
   *
   * Emitted after an Undo brought deleted rows back, so that views holding
   * their own lists reload them.
   */
  signals[RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sam_store_init (SamStore *self)
{
  self->folder_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->workshops = g_list_store_new (SAM_TYPE_WORKSHOP);
  self->caches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);
}

/**
 * sam_store_dup_default_path:
 *
 * Returns: (transfer full): where the workshops live:
 *   `$XDG_DATA_HOME/samenspel/samenspel.db`.
 */
char *
sam_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "samenspel", "samenspel.db", NULL);
}

/**
 * sam_store_get_latest_version:
 *
 * Returns: the schema version this build of Samenspel writes.
 */
guint
sam_store_get_latest_version (void)
{
  guint n;
  const SamMigration *migrations = _sam_store_get_migrations (&n);

  return migrations[n - 1].version;
}

/* The store's error code for an SQLite result code, so that the window can
 * name the real cause: a lock, a full disk, a read-only file. */
static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return SAM_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return SAM_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SAM_STORE_ERROR_BUSY;
    case SQLITE_FULL:
      return SAM_STORE_ERROR_FULL;
    case SQLITE_READONLY:
      return SAM_STORE_ERROR_READ_ONLY;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return SAM_STORE_ERROR_IO;
    default:
      return SAM_STORE_ERROR_FAILED;
    }
}

/* The file as a person would type it: under the home folder as ~/… */
static char *
dup_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (len > 1 && strncmp (path, home, len) == 0 && path[len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + len, NULL);

  return g_strdup (path);
}

/* An SQLite message names no file, and may carry bytes of a damaged file
 * that are not UTF-8: name ours, and keep the text valid so that every
 * window and terminal can show it. */
void
_sam_store_set_path_error (GError     **error,
                           const char  *path,
                           int          rc,
                           const char  *detail)
{
  g_autofree char *valid = g_utf8_make_valid (detail, -1);
  g_autofree char *where = path ? dup_display_path (path) : NULL;

  if (where != NULL)
    g_set_error (error, SAM_STORE_ERROR, error_code_for (rc), "%s: %s", where, valid);
  else
    g_set_error (error, SAM_STORE_ERROR, error_code_for (rc), "%s", valid);
}

static void
set_sqlite_error (SamStore    *self,
                  GError     **error,
                  int          rc,
                  const char  *detail)
{
  /* A commit refused because the check found damage: say what it found. */
  if (rc == SQLITE_CONSTRAINT_COMMITHOOK && self->check != NULL &&
      !_sam_store_check_wait (self->check, error))
    return;

  _sam_store_set_path_error (error, self->path, rc, detail);
}

void
_sam_store_set_error (SamStore  *self,
                      GError   **error,
                      int        rc)
{
  set_sqlite_error (self, error, rc, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
}

sqlite3 *
_sam_store_get_db (SamStore *self)
{
  return self->db;
}

/* Statements are prepared once and kept; user text is only ever bound. */
sqlite3_stmt *
_sam_store_prepare (SamStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _sam_store_set_error (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_sam_store_step_done (SamStore      *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _sam_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

gboolean
_sam_store_exec (SamStore    *self,
                 const char  *sql,
                 GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc, message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* Savepoints nest, so a helper may open a transaction inside another. */
gboolean
_sam_store_begin (SamStore  *self,
                  GError   **error)
{
  if (!_sam_store_exec (self, "SAVEPOINT sam", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
_sam_store_commit (SamStore  *self,
                   GError   **error)
{
  g_assert (self->depth > 0);

  if (!_sam_store_exec (self, "RELEASE sam", error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
_sam_store_rollback (SamStore *self)
{
  g_assert (self->depth > 0);

  sqlite3_exec (self->db, "ROLLBACK TO sam; RELEASE sam", NULL, NULL, NULL);
  self->depth--;

  /* RELEASE of the outermost savepoint commits, and fails the same way
   * when the database is locked: a transaction left open would hold every
   * later edit back from the disk, even after the lock is gone. */
  if (self->depth == 0 && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * _sam_store_set_synced_commits:
 * @self: a #SamStore
 * @synced: %FALSE for commits that need not survive a power cut
 *
 * Every commit syncs the log to the disk (synchronous=FULL) unless told
 * otherwise: a live laptop's catch-up writes what the coach has anyway.
 * The next synced commit syncs the earlier ones with it.
 */
void
_sam_store_set_synced_commits (SamStore *self,
                               gboolean  synced)
{
  if (self->read_only)
    return;
  sqlite3_exec (self->db, synced ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
}

gint64
_sam_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
_sam_store_dup_column (sqlite3_stmt *stmt,
                       int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text ? (const char *) text : "");
}

/* A new trash batch number: larger than any in use, so Undo of one delete
 * never restores another. */
gint64
_sam_store_next_batch (SamStore *self)
{
  const char *const *tables = _sam_store_get_trash_tables ();
  gint64 max = 0;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT COALESCE(MAX(trash), 0) FROM %s", tables[i]);
      sqlite3_stmt *stmt = _sam_store_prepare (self, sql, NULL);

      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        max = MAX (max, sqlite3_column_int64 (stmt, 0));
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }

  return max + 1;
}

gboolean
_sam_store_touch_workshop (SamStore  *self,
                           gint64     workshop_id,
                           GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 now = _sam_store_now ();
  GListModel *list = G_LIST_MODEL (self->workshops);

  stmt = _sam_store_prepare (self, "UPDATE workshop SET modified = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, workshop_id);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SamWorkshop) workshop = g_list_model_get_item (list, i);

      if (sam_workshop_get_id (workshop) == workshop_id)
        g_object_set (workshop, "modified", now, NULL);
    }

  return TRUE;
}

/* Runs one statement with two integer parameters. */
gboolean
_sam_store_bind_run (SamStore    *self,
                     const char  *sql,
                     gint64       a,
                     gint64       b,
                     GError     **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);

  return _sam_store_step_done (self, stmt, error);
}

/**
 * _sam_store_get_cache:
 * @self: a #SamStore
 * @name: the kind of list, e.g. "steps" or "cards"
 *
 * Returns: (transfer none): a table from an owner's id (a #gint64) to the
 *   live #GListStore of its rows, for the modules that keep lists
 */
GHashTable *
_sam_store_get_cache (SamStore   *self,
                      const char *name)
{
  GHashTable *cache = g_hash_table_lookup (self->caches, name);

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
      g_hash_table_insert (self->caches, g_strdup (name), cache);
    }

  return cache;
}

/* Marks the workshop that owns row @id of @table as edited now. */
gboolean
_sam_store_touch_owner (SamStore    *self,
                        const char  *table,
                        gint64       id,
                        GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT workshop_id FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  gint64 workshop_id = 0;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    workshop_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return workshop_id == 0 || _sam_store_touch_workshop (self, workshop_id, error);
}

GListStore *
_sam_store_get_workshop_list (SamStore *self)
{
  return self->workshops;
}


static gboolean
query_int (SamStore    *self,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _sam_store_set_error (self, error, rc);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* An empty database is a new one, unless a write-ahead log with content sits
 * beside it: then the file lost what the log builds on, and SQLite would
 * quietly start afresh over the coach's work. */
static gboolean
check_empty (const char  *path,
             GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf buf;

  if (g_stat (wal, &buf) != 0 || buf.st_size == 0)
    return TRUE;

  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT,
               _("“%s” is empty, but its log “%s” is not: the database is damaged"), path, wal);
  return FALSE;
}

/* Refuses anything that is not an SQLite file before SQLite touches it. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16] = { 0 };
  gsize n_read = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED, "%s", local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read,
                                NULL, &local_error))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED, "%s", local_error->message);
      return FALSE;
    }

  if (n_read == 0)
    return check_empty (path, error);

  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Samenspel database"), path);
      return FALSE;
    }

  return TRUE;
}

/* A damaged database is found at the door, not by the first edit that
 * touches the broken page. */
static gboolean
check_integrity (SamStore  *self,
                 GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  g_autofree char *result = NULL;

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _sam_store_set_error (self, error, rc);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  result = _sam_store_dup_column (stmt, 0);
  sqlite3_finalize (stmt);
  if (g_strcmp0 (result, "ok") == 0)
    return TRUE;

  set_sqlite_error (self, error, SQLITE_CORRUPT, result);
  return FALSE;
}

static gboolean
check_identity (SamStore  *self,
                GError   **error)
{
  int application_id = 0;
  int version = 0;
  int n_tables = 0;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    return FALSE;

  /* Every Samenspel database carries our id from its first migration on, so
   * an unmarked one that holds anything was made by another program. */
  if ((application_id != 0 && application_id != SAM_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” belongs to another program"), self->path);
      return FALSE;
    }

  if ((guint) version > sam_store_get_latest_version ())
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Samenspel (format %d; this version reads up to %u)"),
                   self->path, version, sam_store_get_latest_version ());
      return FALSE;
    }

  self->version = version;
  return TRUE;
}

/* Before changing the layout of a database that holds work, keep a copy of
 * it beside the original: a migration that fails on a user's data must never
 * cost them that data. */
static gboolean
backup_before_migration (SamStore  *self,
                         GError   **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.before-v%u", self->path,
                                             sam_store_get_latest_version ());
  sqlite3_stmt *stmt = NULL;
  int rc;

  int fd;

  /* VACUUM INTO fills an empty file: create it for the user alone first, so
   * the copy is never readable by others, not even for a moment. */
  g_unlink (backup);
  fd = g_open (backup, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IO,
                   _("Could not create the copy “%s”: %s"), backup, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* The copy kept before a migration is dropped once the migrated database has
 * opened without trouble for a week. */
static void
remove_old_migration_copies (SamStore *self)
{
  gint64 now = _sam_store_now ();

  for (guint version = 1; version <= sam_store_get_latest_version (); version++)
    {
      g_autofree char *copy = g_strdup_printf ("%s.before-v%u", self->path, version);
      GStatBuf buf;

      if (g_stat (copy, &buf) == 0 && now - (gint64) buf.st_mtime >= 7 * 24 * 3600)
        g_unlink (copy);
    }
}

static gboolean
migrate (SamStore  *self,
         guint      target,
         GError   **error)
{
  guint n;
  const SamMigration *migrations = _sam_store_get_migrations (&n);
  g_autofree char *pragma = NULL;

  if (self->version >= target)
    return TRUE;

  if (self->version > 0 && !backup_before_migration (self, error))
    return FALSE;

  if (!_sam_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < n && migrations[i].version <= target; i++)
    {
      if (migrations[i].version <= self->version)
        continue;

      if (!_sam_store_exec (self, migrations[i].sql, error))
        {
          g_prefix_error (error, "migration %u (%s): ", migrations[i].version,
                          migrations[i].description);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = %d; COMMIT",
                            target, SAM_APPLICATION_ID);
  if (!_sam_store_exec (self, pragma, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  self->version = target;
  return TRUE;
}

static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *default_path = sam_store_dup_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);

  /* Workshop data is confidential: only the user may read the folder.  The
   * app's own folder is closed even when it already existed (an older version
   * made it 0755); a folder the user chose elsewhere is left as it is. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_strcmp0 (dir, default_dir) == 0 && g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                   _("Could not protect the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return check_header (path, error);
}

/* A file without any write permission is read-only even for root, who may
 * write it all the same: the owner marked it so. */
static gboolean
is_writable_file (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return TRUE;

  return (buf.st_mode & 0222) != 0 && g_access (path, W_OK) == 0;
}

/* Every open store holds a shared lock on the database's folder, so that a
 * purge can tell whether another instance (another session, the command
 * line) has the same database open: its trash may still be undone there.
 * The folder, not a file of its own: nothing is left behind, and SQLite's
 * locks on the database file are not disturbed when the lock goes. */
static void
hold_folder (SamStore *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);

  self->folder_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (self->folder_fd >= 0 && flock (self->folder_fd, LOCK_SH) != 0)
    {
      close (self->folder_fd);
      self->folder_fd = -1;
    }
}

/* SQLite has one commit hook per connection; the store's is this one.  A
 * commit before the check left for later has passed waits for it, and is
 * rolled back when it failed (see sam-store-check.c); then the watcher
 * (the live room's, see _sam_store_set_commit_func()) hears of it. */
static int
commit_hook_cb (void *data)
{
  SamStore *self = data;

  if (self->check != NULL && !_sam_store_check_wait (self->check, NULL))
    return 1;
  if (self->commit_func != NULL)
    self->commit_func (self->commit_data);
  return 0;
}

/**
 * _sam_store_set_commit_func:
 * @self: a #SamStore
 * @func: (nullable): called inside every commit (it must not touch the
 *   database: it may only schedule work), or %NULL for none
 * @data: its data
 *
 * Sets the one watcher of the store's commits.
 */
void
_sam_store_set_commit_func (SamStore           *self,
                            SamStoreCommitFunc  func,
                            gpointer            data)
{
  self->commit_func = func;
  self->commit_data = data;
}

static void
update_hook_cb (void          *data,
                int            op,
                const char    *database,
                const char    *table,
                sqlite3_int64  rowid)
{
  SamStore *self = data;
  GHashTable *rows;

  if (self->changes == NULL)
    return;

  rows = g_hash_table_lookup (self->changes, table);
  if (rows == NULL)
    {
      rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (self->changes, g_strdup (table), rows);
    }
  if (!g_hash_table_contains (rows, &(gint64) { rowid }))
    g_hash_table_add (rows, g_memdup2 (&(gint64) { rowid }, sizeof (gint64)));
}

/**
 * _sam_store_track_changes:
 * @self: a #SamStore
 *
 * Starts noting which rows of which tables change (inserted, updated or
 * deleted), until _sam_store_take_changes().  Rows changed by a
 * transaction that is rolled back stay noted: reading them again is
 * harmless.
 *
 * Returns: %FALSE when changes were noted already (for an outer caller,
 *   which takes them)
 */
gboolean
_sam_store_track_changes (SamStore *self)
{
  if (self->changes != NULL)
    return FALSE;

  self->changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_hash_table_unref);
  return TRUE;
}

/**
 * _sam_store_take_changes:
 * @self: a #SamStore
 *
 * Stops noting changes.
 *
 * Returns: (transfer full): table name → #GHashTable of the changed rows'
 *   ids (gint64 *), since _sam_store_track_changes()
 */
GHashTable *
_sam_store_take_changes (SamStore *self)
{
  if (self->changes == NULL)
    _sam_store_track_changes (self);
  return g_steal_pointer (&self->changes);
}

static SamStore *
open_store (const char  *path,
            guint        version,
            gboolean     check_later,
            GError     **error)
{
  g_autoptr(SamStore) self = NULL;
  gboolean existed;
  int rc;

  if (!prepare_file (path, error))
    return NULL;

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  self = g_object_new (SAM_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = existed && !is_writable_file (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _sam_store_set_error (self, error, rc);
      return NULL;
    }
  self->read_only = self->read_only || sqlite3_db_readonly (self->db, "main") == 1;

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_identity (self, error))
    return NULL;

  /* Only a database that needs no migration: a migration writes. */
  check_later = check_later && existed && !self->read_only && self->version == version;
  if (check_later)
    self->check = _sam_store_check_new (path);
  else if (existed && !check_integrity (self, error))
    return NULL;
  sqlite3_commit_hook (self->db, commit_hook_cb, self);
  sqlite3_update_hook (self->db, update_hook_cb, self);

  if (!existed)
    g_chmod (path, 0600);

  /* WAL keeps every committed edit on disk when the app is killed, and lets
   * the command line read while the app is open.  synchronous=FULL syncs the
   * log on every commit, so an edit reported saved survives a power cut too
   * (NORMAL would lose everything since the last checkpoint); it costs well
   * under a millisecond per edit (see bench-store).  secure_delete overwrites
   * deleted text instead of leaving it in free pages.  The page cache is
   * kept to 512 KiB (SQLite's default is 2 MB): the store keeps what it read
   * in its own objects, and a page read again comes from the system's file
   * cache; the cache counts in the app's resident memory. */
  if (!_sam_store_exec (self, "PRAGMA foreign_keys = ON;"
                              "PRAGMA secure_delete = ON;"
                              "PRAGMA cache_size = -512;", error) ||
      (!self->read_only && !_sam_store_exec (self, "PRAGMA journal_mode = WAL;"
                                                   "PRAGMA synchronous = FULL;", error)))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  hold_folder (self);
  if (!query_int (self, "PRAGMA data_version", &self->data_version, error))
    return NULL;

  /* An older schema (tests only) cannot be read by this code's queries. */
  if (version == sam_store_get_latest_version () && !_sam_store_load_workshops (self, error))
    return NULL;

  if (version == sam_store_get_latest_version () && !self->read_only)
    remove_old_migration_copies (self);

  return g_steal_pointer (&self);
}

/**
 * sam_store_open_at_version:
 * @path: the database file; created when missing
 * @version: the schema version to migrate to, at most the latest
 * @error: return location for a #GError
 *
 * Like sam_store_open() but stops migrating at @version.  Tests use it to
 * build databases of every earlier version.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set.
 *   A file that is refused is left exactly as it was.
 */
SamStore *
sam_store_open_at_version (const char  *path,
                           guint        version,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version <= sam_store_get_latest_version (), NULL);

  return open_store (path, version, FALSE, error);
}

/**
 * sam_store_open:
 * @path: the database file; created when missing
 * @error: return location for a #GError
 *
 * Opens the database, bringing an older schema up to date (after keeping a
 * copy next to it).  A file that is not a Samenspel database, or one written
 * by a newer version, is refused with %SAM_STORE_ERROR_NOT_A_DATABASE or
 * %SAM_STORE_ERROR_TOO_NEW and never written to.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set.
 */
SamStore *
sam_store_open (const char  *path,
                GError     **error)
{
  return sam_store_open_at_version (path, sam_store_get_latest_version (), error);
}

/**
 * sam_store_open_check_later:
 * @path: the database file; created when missing
 * @error: return location for a #GError
 *
 * Like sam_store_open(), but a database that needs no migration opens
 * without its integrity check, which reads the whole file: the caller runs
 * it with sam_store_check_async() once the window has drawn.  Until it has
 * passed, a commit waits for it and no backup is made; when it fails, every
 * commit is refused with the damage it found.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
SamStore *
sam_store_open_check_later (const char  *path,
                            GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_store (path, sam_store_get_latest_version (), TRUE, error);
}

SamStoreCheck *
_sam_store_get_check (SamStore *self)
{
  return self->check;
}

/**
 * sam_store_set_busy_timeout:
 * @self: a #SamStore
 * @ms: how long a write waits for another program's lock, in milliseconds
 *
 * Sets how long a write waits while another program (another Samenspel,
 * the command line, an SQLite tool) holds the database before it fails with
 * %SAM_STORE_ERROR_BUSY.  A store opens with 5 seconds, right for the
 * command line; the window sets a short wait, so that a lock never
 * freezes it (see docs/architecture.md).
 */
void
sam_store_set_busy_timeout (SamStore *self,
                            guint     ms)
{
  g_return_if_fail (SAM_IS_STORE (self));
  g_return_if_fail (ms <= G_MAXINT);

  sqlite3_busy_timeout (self->db, (int) ms);
}

/**
 * sam_store_open_in_memory:
 * @error: return location for a #GError
 *
 * Opens a new, empty database of the latest schema that lives in memory
 * and is gone with the store.  The command line reads a workshop file into
 * one to build its report or map with the same code as for the database on
 * disk; a throwaway file cost it nine waits for the disk (fdatasync).
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
SamStore *
sam_store_open_in_memory (GError **error)
{
  g_autoptr(SamStore) self = g_object_new (SAM_TYPE_STORE, NULL);
  int rc;

  self->path = g_strdup (":memory:");
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      _sam_store_set_error (self, error, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_update_hook (self->db, update_hook_cb, self);
  if (!_sam_store_exec (self, "PRAGMA foreign_keys = ON;", error) ||
      !migrate (self, sam_store_get_latest_version (), error) ||
      !_sam_store_load_workshops (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
sam_store_get_path (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  return self->path;
}

/**
 * sam_store_get_version:
 * @self: a #SamStore
 *
 * Returns: the schema version of the open database.
 */
guint
sam_store_get_version (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  return self->version;
}

/**
 * sam_store_is_read_only:
 * @self: a #SamStore
 *
 * Returns: whether the database file may only be read (its permissions, or
 *   the disk it is on); every write then fails with
 *   %SAM_STORE_ERROR_READ_ONLY
 */
gboolean
sam_store_is_read_only (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), TRUE);
  return self->read_only;
}

static gboolean
purge_trash_rows (SamStore  *self,
                  GError   **error)
{
  if (!_sam_store_begin (self, error))
    return FALSE;

  for (const char *const *table = _sam_store_get_trash_tables (); *table != NULL; table++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE trash IS NOT NULL", *table);

      if (!_sam_store_exec (self, sql, error))
        {
          _sam_store_rollback (self);
          return FALSE;
        }
    }

  return _sam_store_commit (self, error);
}

/* The uuids of the workshops a purge removes, for the backups. */
static GPtrArray *
purged_workshops (SamStore *self)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _sam_store_prepare (self, "SELECT uuid FROM workshop WHERE trash IS NOT NULL", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (uuids, _sam_store_dup_column (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return uuids;
}

/**
 * sam_store_purge_trash:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Removes for good what was deleted and not brought back, and the backups
 * that still hold a workshop removed now (a fresh backup replaces them;
 * see _sam_store_prune_backups()).  The app calls it
 * at start-up, when no Undo can be pending any more.  While another store
 * has the same database open (a second instance, the command line) nothing
 * is removed: an Undo may still be pending there; a later start purges.
 *
 * Returns: %TRUE on success, also when the purge was left for later
 */
gboolean
sam_store_purge_trash (SamStore  *self,
                       GError   **error)
{
  g_autoptr(GPtrArray) purged = NULL;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (self->folder_fd >= 0 && flock (self->folder_fd, LOCK_EX | LOCK_NB) != 0)
    {
      /* A failed conversion may have dropped the shared lock: take it back. */
      flock (self->folder_fd, LOCK_SH);
      return TRUE;
    }

  purged = purged_workshops (self);
  ok = purge_trash_rows (self, error);
  if (self->folder_fd >= 0)
    flock (self->folder_fd, LOCK_SH);
  if (!ok)
    return FALSE;

  /* secure_delete zeroes the freed space in the pages, but older copies of
   * those pages stay in the write-ahead log until a checkpoint: copy them
   * back and empty the log, so the text is gone from every file.  A reader
   * elsewhere (the command line) may hold the log; the next purge retries. */
  if (self->depth == 0)
    sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

  _sam_store_prune_backups (self, purged);
  return TRUE;
}

/**
 * sam_store_refresh:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Picks up what another program (the command line importing a workshop, a
 * second instance) wrote to the database since this store last looked:
 * new workshops join the list, and #SamStore::restored tells views that
 * hold their own lists to reload them.  Cheap when nothing changed.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_refresh (SamStore  *self,
                   GError   **error)
{
  int version = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  /* Not in the middle of our own transaction: the next call will do. */
  if (self->depth > 0)
    return TRUE;

  /* data_version changes only for commits made by other connections. */
  if (!query_int (self, "PRAGMA data_version", &version, error))
    return FALSE;

  if (version == self->data_version)
    return TRUE;

  self->data_version = version;
  if (!_sam_store_load_workshops (self, error))
    return FALSE;

  _sam_store_reload_teams (self);
  _sam_store_reload_steps (self);
  _sam_store_reload_cards (self);
  _sam_store_reload_card_links (self);
  g_signal_emit (self, signals[RESTORED], 0, (gint64) 0);

  return TRUE;
}

/**
 * sam_store_restore_trash:
 * @self: a #SamStore
 * @batch: the number a trash function returned
 * @error: return location for a #GError
 *
 * Undoes a delete: everything deleted in @batch comes back as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_restore_trash (SamStore  *self,
                         gint64     batch,
                         GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (!_sam_store_begin (self, error))
    return FALSE;

  for (const char *const *table = _sam_store_get_trash_tables (); *table != NULL; table++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET trash = NULL WHERE trash = ?1", *table);
      sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);

      if (stmt == NULL)
        {
          _sam_store_rollback (self);
          return FALSE;
        }

      sqlite3_bind_int64 (stmt, 1, batch);
      if (!_sam_store_step_done (self, stmt, error))
        {
          _sam_store_rollback (self);
          return FALSE;
        }
    }

  if (!_sam_store_commit (self, error))
    return FALSE;

  if (!_sam_store_load_workshops (self, error))
    return FALSE;

  _sam_store_reload_teams (self);
  _sam_store_reload_steps (self);
  _sam_store_reload_cards (self);
  _sam_store_reload_card_links (self);
  g_signal_emit (self, signals[RESTORED], 0, batch);

  return TRUE;
}
