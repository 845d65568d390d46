/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <utime.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-store.h"
#include "sam-store-private.h"
#include "sam-text.h"
#include "sam-workshop-file.h"

static char *
db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "samenspel", "test.db", NULL);
}

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

static SamStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
test_workshop_create_and_reopen (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  {
    g_autoptr(SamStore) store = open_store (path);
    SamWorkshop *workshop;

    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (store)), ==, 0);
    workshop = sam_store_create_workshop (store, "  Colleagues and customers  ", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sam_workshop_get_name (workshop), ==, "Colleagues and customers");
    g_assert_true (g_uuid_string_is_valid (sam_workshop_get_uuid (workshop)));
    uuid = g_strdup (sam_workshop_get_uuid (workshop));

    g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_ORGANISATION,
                                                 "Acme Insurance", &error));
    g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_DATE,
                                                 "2026-12-01", &error));
    g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_COACH,
                                                 "An", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (store)), ==, 1);
  }

  {
    g_autoptr(SamStore) store = open_store (path);
    SamWorkshop *workshop = sam_store_find_workshop (store, uuid);

    g_assert_nonnull (workshop);
    g_assert_cmpstr (sam_workshop_get_organisation (workshop), ==, "Acme Insurance");
    g_assert_cmpstr (sam_workshop_get_date (workshop), ==, "2026-12-01");
    g_assert_cmpstr (sam_workshop_get_coach (workshop), ==, "An");
    g_assert_cmpint (sam_workshop_get_modified (workshop), >=, sam_workshop_get_created (workshop));
  }
}

/* A store in memory has the latest schema, works like one on disk, writes
 * no file, and two are independent. */
static void
test_in_memory (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(SamStore) store = sam_store_open_in_memory (NULL);
  g_autoptr(SamStore) other = sam_store_open_in_memory (NULL);
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop;

  g_assert_nonnull (store);
  g_assert_nonnull (other);
  g_assert_cmpuint (sam_store_get_version (store), ==, sam_store_get_latest_version ());

  workshop = sam_store_create_workshop (store, "In memory", &error);
  g_assert_no_error (error);
  sam_store_add_team (store, workshop, "Sales", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 1);
  g_assert_true (sam_store_find_workshop (store, sam_workshop_get_uuid (workshop)) == workshop);

  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (other)), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_workshop_rename (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(SamStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop = sam_store_create_workshop (store, "Old", &error);

  g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_NAME, "New", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sam_workshop_get_name (workshop), ==, "New");

  /* Bad input is refused and changes nothing. */
  g_assert_false (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_NAME, "   ", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_DATE, "1 december", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_DATE, "2026-02-30", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (sam_workshop_get_name (workshop), ==, "New");
  g_assert_cmpstr (sam_workshop_get_date (workshop), ==, "");
  g_assert_null (sam_store_create_workshop (store, "", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (store)), ==, 1);
}

static void
test_workshop_duplicate (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(SamStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop = sam_store_create_workshop (store, "Day one", &error);
  SamWorkshop *copy;
  GListModel *teams;

  sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_ORGANISATION, "Acme", &error);
  sam_store_add_team (store, workshop, "Sales", &error);
  sam_store_add_team (store, workshop, "IT", &error);
  sam_store_add_step (store, workshop, -1, "changes", "What changes", 25, "One per card", "Coach only", &error);
  g_assert_no_error (error);

  copy = sam_store_duplicate_workshop (store, workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_workshop_get_name (copy), ==, "Copy of Day one");
  g_assert_cmpstr (sam_workshop_get_organisation (copy), ==, "Acme");
  g_assert_cmpstr (sam_workshop_get_uuid (copy), !=, sam_workshop_get_uuid (workshop));
  g_assert_cmpuint (sam_workshop_get_n_teams (copy), ==, 2);

  teams = sam_store_get_teams (store, copy);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 2);
  {
    g_autoptr(SamTeam) first = g_list_model_get_item (teams, 0);
    g_autoptr(SamTeam) original = g_list_model_get_item (sam_store_get_teams (store, workshop), 0);

    g_assert_cmpstr (sam_team_get_name (first), ==, "Sales");
    g_assert_true (g_uuid_string_is_valid (sam_team_get_uuid (first)));
    g_assert_cmpstr (sam_team_get_uuid (first), !=, sam_team_get_uuid (original));
  }
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (store)), ==, 2);

  /* The agenda comes along, as fresh steps. */
  {
    GListModel *steps = sam_store_get_steps (store, copy);
    g_autoptr(SamStep) step = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 1);
    step = g_list_model_get_item (steps, 0);
    g_assert_cmpstr (sam_step_get_title (step), ==, "What changes");
    g_assert_cmpuint (sam_step_get_minutes (step), ==, 25);
    g_assert_cmpstr (sam_step_get_instructions (step), ==, "One per card");
    g_assert_true (g_uuid_string_is_valid (sam_step_get_uuid (step)));
  }
}

static void
test_workshop_delete_undo (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  gint64 batch = 0;

  {
    g_autoptr(SamStore) store = open_store (path);
    SamWorkshop *workshop = sam_store_create_workshop (store, "To delete", &error);
    SamWorkshop *other = sam_store_create_workshop (store, "Stays", &error);

    uuid = g_strdup (sam_workshop_get_uuid (workshop));
    sam_store_add_team (store, workshop, "Back office", &error);
    g_assert_no_error (error);

    g_assert_true (sam_store_trash_workshop (store, workshop, &batch, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (store)), ==, 1);
    g_assert_null (sam_store_find_workshop (store, uuid));

    g_assert_true (sam_store_restore_trash (store, batch, &error));
    g_assert_no_error (error);
    g_assert_nonnull (sam_store_find_workshop (store, uuid));
    g_assert_cmpuint (sam_workshop_get_n_teams (sam_store_find_workshop (store, uuid)), ==, 1);

    g_assert_true (sam_store_trash_workshop (store, sam_store_find_workshop (store, uuid), &batch, &error));
    g_assert_nonnull (other);
  }

  /* The next start purges what was not undone. */
  {
    g_autoptr(SamStore) store = open_store (path);

    g_assert_null (sam_store_find_workshop (store, uuid));
    g_assert_true (sam_store_purge_trash (store, &error));
    g_assert_no_error (error);
    g_assert_true (sam_store_restore_trash (store, batch, &error));
    g_assert_null (sam_store_find_workshop (store, uuid));
    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (store)), ==, 1);
  }
}

static void
test_team_edit (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  {
    g_autoptr(SamStore) store = open_store (path);
    SamWorkshop *workshop = sam_store_create_workshop (store, "Teams", &error);
    SamTeam *sales = sam_store_add_team (store, workshop, "Sales", &error);
    SamTeam *it = sam_store_add_team (store, workshop, "IT", &error);
    SamTeam *compliance = sam_store_add_team (store, workshop, "Compliance", &error);

    uuid = g_strdup (sam_workshop_get_uuid (workshop));
    g_assert_no_error (error);
    g_assert_cmpuint (sam_workshop_get_n_teams (workshop), ==, 3);
    /* Each new team gets a colour of its own. */
    g_assert_cmpuint (sam_team_get_colour (sales), !=, sam_team_get_colour (it));
    g_assert_cmpuint (sam_team_get_colour (it), !=, sam_team_get_colour (compliance));

    g_assert_true (sam_store_set_team_name (store, it, "IT & Data", &error));
    g_assert_true (sam_store_set_team_people (store, it, 7, &error));
    g_assert_true (sam_store_set_team_colour (store, it, 5, &error));
    g_assert_true (sam_store_move_team (store, compliance, 0, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sam_team_get_position (compliance), ==, 0);
    g_assert_cmpuint (sam_team_get_position (sales), ==, 1);

    g_assert_false (sam_store_set_team_name (store, it, "", &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (sam_store_set_team_people (store, it, 20000, &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  {
    g_autoptr(SamStore) store = open_store (path);
    SamWorkshop *workshop = sam_store_find_workshop (store, uuid);
    GListModel *teams = sam_store_get_teams (store, workshop);
    g_autoptr(SamTeam) first = g_list_model_get_item (teams, 0);
    g_autoptr(SamTeam) last = g_list_model_get_item (teams, 2);
    gint64 batch;

    g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 3);
    g_assert_cmpstr (sam_team_get_name (first), ==, "Compliance");
    g_assert_cmpstr (sam_team_get_name (last), ==, "IT & Data");
    g_assert_cmpuint (sam_team_get_people (last), ==, 7);
    g_assert_cmpuint (sam_team_get_colour (last), ==, 5);

    g_assert_true (sam_store_trash_team (store, first, &batch, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 2);
    g_assert_cmpuint (sam_workshop_get_n_teams (workshop), ==, 2);
    g_assert_true (sam_store_restore_trash (store, batch, &error));
    g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 3);
    g_assert_cmpuint (sam_workshop_get_n_teams (workshop), ==, 3);
  }
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
assert_unchanged (const char *path,
                  const char *expected,
                  gsize       length)
{
  g_autofree char *contents = NULL;
  gsize got = 0;

  g_assert_true (g_file_get_contents (path, &contents, &got, NULL));
  g_assert_cmpmem (contents, got, expected, length);
}

static void
test_bad_not_sqlite (void)
{
  g_autofree char *path = db_path ();
  const char *text = "These are my notes, not a database.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;

  write_file (path, text, -1);
  store = sam_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  assert_unchanged (path, text, strlen (text));

  /* A file of the right size with the wrong header is refused too. */
  {
    char garbage[4096];

    memset (garbage, 'x', sizeof garbage);
    write_file (path, garbage, sizeof garbage);
    g_clear_error (&error);
    g_assert_null (sam_store_open (path, &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_A_DATABASE);
    assert_unchanged (path, garbage, sizeof garbage);
  }
}

static void
make_raw_database (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_bad_too_new (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; CREATE TABLE future (x); "
                                          "PRAGMA user_version = %u;",
                                          0x53414D53, sam_store_get_latest_version () + 1);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  make_raw_database (path, sql);
  g_assert_true (g_file_get_contents (path, &before, &length, NULL));

  g_assert_null (sam_store_open (path, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  assert_unchanged (path, before, length);
}

static void
test_bad_other_program (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  make_raw_database (path, "PRAGMA application_id = 42; CREATE TABLE photos (x);");
  g_assert_true (g_file_get_contents (path, &before, &length, NULL));

  g_assert_null (sam_store_open (path, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_A_DATABASE);
  assert_unchanged (path, before, length);
}

/* Most programs never set an application id: a database without one that
 * holds tables is theirs, and is neither migrated nor stamped. */
static void
test_bad_unmarked_program (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *copy = g_strdup_printf ("%s.before-v%u", path, sam_store_get_latest_version ());
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  make_raw_database (path, "CREATE TABLE contacts (name, phone); INSERT INTO contacts VALUES ('An', '012');");
  g_assert_true (g_file_get_contents (path, &before, &length, NULL));

  g_assert_null (sam_store_open (path, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  assert_unchanged (path, before, length);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

/* Data as each earlier schema version stored it.  A version without its own
 * row uses the latest row before it, which must still fit its schema. */
static const char *const seeds[] = {
  NULL,
  /* version 1 */
  "INSERT INTO workshop (id, uuid, name, organisation, created, modified) "
  "VALUES (1, '6f1c1c3e-3a43-4a8e-9d55-0d1c2b3a4f50', 'Before migration', 'Acme', 1, 2);"
  "INSERT INTO team (uuid, workshop_id, name, colour, people, position) "
  "VALUES ('0b7e51b4-5c3f-4c55-8a11-2f7f0c9d1e21', 1, 'Sales', 2, 5, 0);",
  /* version 2 */
  "INSERT INTO workshop (id, uuid, name, organisation, notes, created, modified) "
  "VALUES (1, '6f1c1c3e-3a43-4a8e-9d55-0d1c2b3a4f50', 'Before migration', 'Acme', 'Bring post-its', 1, 2);"
  "INSERT INTO team (uuid, workshop_id, name, colour, people, position) "
  "VALUES ('0b7e51b4-5c3f-4c55-8a11-2f7f0c9d1e21', 1, 'Sales', 2, 5, 0);",
  /* version 3: an idea on a brainstorm step, before version 4 added follow-ups */
  "INSERT INTO workshop (id, uuid, name, organisation, notes, created, modified) "
  "VALUES (1, '6f1c1c3e-3a43-4a8e-9d55-0d1c2b3a4f50', 'Before migration', 'Acme', '', 1, 2);"
  "INSERT INTO team (id, uuid, workshop_id, name, colour, people, position) "
  "VALUES (1, '0b7e51b4-5c3f-4c55-8a11-2f7f0c9d1e21', 1, 'Sales', 2, 5, 0);"
  "INSERT INTO step (id, uuid, workshop_id, position, kind, title) "
  "VALUES (1, '4c0f3b55-93a8-4d1e-b3f7-6a3f4f9b2c11', 1, 0, 'brainstorm', 'Ideas');"
  "INSERT INTO card (uuid, workshop_id, step_id, kind, team_id, text, position, created, modified) "
  "VALUES ('9d2e7a61-0c4b-4f3e-8e1a-5b6c7d8e9f01', 1, 1, 'idea', 1, 'One shared inbox', 0, 1, 1);",
};

/* Builds a database at every earlier version with data in it, then opens it
 * with the latest code: the data must survive and a backup must exist. */
static void
test_migrate_from_every_version (void)
{
  guint latest = sam_store_get_latest_version ();

  g_assert_cmpuint (G_N_ELEMENTS (seeds), <=, latest);

  for (guint version = 1; version < latest; version++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%u.db", g_get_user_data_dir (), version);
      g_autofree char *backup = g_strdup_printf ("%s.before-v%u", path, latest);
      g_autoptr(GError) error = NULL;

      {
        g_autoptr(SamStore) old = sam_store_open_at_version (path, version, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (sam_store_get_version (old), ==, version);
      }
      make_raw_database (path, seeds[MIN (version, G_N_ELEMENTS (seeds) - 1)]);

      {
        g_autoptr(SamStore) store = open_store (path);
        SamWorkshop *workshop = sam_store_find_workshop (store, "6f1c1c3e-3a43-4a8e-9d55-0d1c2b3a4f50");
        g_autoptr(SamTeam) team = NULL;

        g_assert_cmpuint (sam_store_get_version (store), ==, latest);
        g_assert_nonnull (workshop);
        g_assert_cmpstr (sam_workshop_get_name (workshop), ==, "Before migration");
        g_assert_cmpstr (sam_workshop_get_organisation (workshop), ==, "Acme");
        g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, workshop)), ==, 1);
        team = g_list_model_get_item (sam_store_get_teams (store, workshop), 0);
        g_assert_cmpstr (sam_team_get_name (team), ==, "Sales");
        g_assert_cmpuint (sam_team_get_people (team), ==, 5);
        g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
        g_assert_cmpuint (file_mode (backup), ==, 0600);

        /* The migrated database takes new edits. */
        g_assert_nonnull (sam_store_add_team (store, workshop, "IT", &error));
        g_assert_no_error (error);
      }
    }
}

static char *
raw_settings (const char *path,
              const char *step_uuid)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *settings = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT settings FROM step WHERE uuid = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, step_uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  settings = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return settings;
}

/* Migration 9: a debate turn held as a team's local id becomes its uuid
 * (an export then keeps it); one whose team is gone is dropped; other
 * settings and other steps stay as they were. */
static void
test_migrate_debate_turn (void)
{
  g_autofree char *path = g_strdup_printf ("%s/debate-v8.db", g_get_user_data_dir ());
  g_autoptr(GError) error = NULL;
  g_autofree char *turn = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *other = NULL;

  g_assert_cmpuint (sam_store_get_latest_version (), >=, 9);
  {
    g_autoptr(SamStore) old = sam_store_open_at_version (path, 8, &error);

    g_assert_no_error (error);
  }
  make_raw_database (path,
                     "INSERT INTO workshop (id, uuid, name, created, modified) "
                     "VALUES (1, '6f1c1c3e-3a43-4a8e-9d55-0d1c2b3a4f50', 'Debate', 1, 2);"
                     "INSERT INTO team (id, uuid, workshop_id, name, position) VALUES "
                     "(1, '0b7e51b4-5c3f-4c55-8a11-2f7f0c9d1e21', 1, 'Sales', 0),"
                     "(2, '1c8f62c5-6d40-4d66-9b22-3a8a1dae2f32', 1, 'IT', 1);"
                     "INSERT INTO step (uuid, workshop_id, position, kind, title, settings) VALUES "
                     "('4c0f3b55-93a8-4d1e-b3f7-6a3f4f9b2c11', 1, 0, 'brainstorm', 'Ideas', "
                     "  '{\"debate-kpi\":\"NPS\",\"debate-turn\":2}'),"
                     "('5d1a4c66-a4b9-4e2f-84a8-7b4a5a0c3d22', 1, 1, 'brainstorm', 'More', '{\"debate-turn\":77}'),"
                     "('6e2b5d77-b5ca-4f30-95b9-8c5b6b1d4e33', 1, 2, 'perspective', 'Swap', "
                     "  '{\"assignment\":{\"0b7e51b4-5c3f-4c55-8a11-2f7f0c9d1e21\":\"x\"}}');");

  {
    g_autoptr(SamStore) store = open_store (path);

    g_assert_cmpuint (sam_store_get_version (store), ==, sam_store_get_latest_version ());
  }

  turn = raw_settings (path, "4c0f3b55-93a8-4d1e-b3f7-6a3f4f9b2c11");
  gone = raw_settings (path, "5d1a4c66-a4b9-4e2f-84a8-7b4a5a0c3d22");
  other = raw_settings (path, "6e2b5d77-b5ca-4f30-95b9-8c5b6b1d4e33");
  g_assert_cmpstr (turn, ==, "{\"debate-kpi\":\"NPS\",\"debate-turn\":\"1c8f62c5-6d40-4d66-9b22-3a8a1dae2f32\"}");
  g_assert_cmpstr (gone, ==, "{}");
  g_assert_cmpstr (other, ==, "{\"assignment\":{\"0b7e51b4-5c3f-4c55-8a11-2f7f0c9d1e21\":\"x\"}}");
}

static void
open_and_close (const char *path,
                guint       version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open_at_version (path, version, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
}

/* The copy kept before a migration goes once the migrated database has been
 * in use for a week; a younger one stays. */
static void
test_migration_copy_expires (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *copy = g_strdup_printf ("%s.before-v%u", path, sam_store_get_latest_version ());
  struct utimbuf eight_days_ago;

  open_and_close (path, 1);
  open_and_close (path, sam_store_get_latest_version ());
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  open_and_close (path, sam_store_get_latest_version ());
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  eight_days_ago.actime = eight_days_ago.modtime = _sam_store_now () - 8 * 24 * 3600;
  g_assert_cmpint (g_utime (copy, &eight_days_ago), ==, 0);
  open_and_close (path, sam_store_get_latest_version ());
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

static void
test_fresh_is_latest (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(SamStore) store = open_store (path);
  GStatBuf st;

  g_assert_cmpuint (sam_store_get_version (store), ==, sam_store_get_latest_version ());
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
}

static void
test_text_excerpt (void)
{
  g_autofree char *shorter = sam_text_excerpt ("Sales", 40);
  g_autofree char *exact = sam_text_excerpt ("abcde", 5);
  g_autofree char *cut = sam_text_excerpt ("abcdef", 5);
  g_autofree char *accents = sam_text_excerpt ("één twee drie", 6);
  g_autofree char *lines = sam_text_excerpt ("first\nsecond", 40);

  g_assert_cmpstr (shorter, ==, "Sales");
  g_assert_cmpstr (exact, ==, "abcde");
  g_assert_cmpstr (cut, ==, "abcd…");
  g_assert_cmpstr (accents, ==, "één t…");
  g_assert_cmpstr (lines, ==, "first second");
}

static void
setup (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  /* Each test starts from an empty folder. */
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
}

static void
add (const char *path,
     void      (*func) (void))
{
  g_test_add_vtable (path, 0, NULL, (GTestFixtureFunc) setup, (GTestFixtureFunc) func, NULL);
}

/* A failed write names its cause and changes nothing, neither on disk nor
 * in the model; the next write, once the cause is gone, is stored. */
static void
test_failed_writes (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(SamStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop = sam_store_create_workshop (store, "Schrijffouten", NULL);
  sqlite3 *other = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *long_text = g_strnfill (100000, 'x');
  sqlite3_stmt *stmt = NULL;

  g_assert_nonnull (workshop);
  sqlite3_busy_timeout (_sam_store_get_db (store), 20);
  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_COACH, "An", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpstr (sam_workshop_get_coach (workshop), ==, "");
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_COACH, "An", &error));
  g_assert_no_error (error);

  /* The database may not grow: a full disk. */
  g_assert_cmpint (sqlite3_prepare_v2 (_sam_store_get_db (store), "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (_sam_store_get_db (store), limit, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_NOTES, long_text, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpstr (sam_workshop_get_notes (workshop), ==, "");
  g_clear_object (&store);

  /* A file without write permission opens read-only, and says so. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  store = open_store (path);
  g_assert_true (sam_store_is_read_only (store));
  {
    g_autoptr(SamWorkshop) reread = g_list_model_get_item (sam_store_get_workshops (store), 0);

    g_assert_cmpstr (sam_workshop_get_coach (reread), ==, "An");
    g_assert_false (sam_store_set_workshop_field (store, reread, SAM_WORKSHOP_FIELD_COACH, "Els", &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY);
  }
  g_clear_object (&store);
  g_chmod (path, 0600);
  store = open_store (path);
  g_assert_false (sam_store_is_read_only (store));
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* The files hold NUL bytes: no string search. */
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

/* A deleted workshop's words are in none of the database's files once the
 * trash is purged: not in free pages, not in the write-ahead log. */
static void
test_purge_leaves_no_trace (void)
{
  const char *secret = "Vertrouwelijk-7f3a9c-ontslagronde";
  g_autofree char *path = db_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(SamStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  SamWorkshop *keep = sam_store_create_workshop (store, "Blijft", &error);
  SamWorkshop *workshop = sam_store_create_workshop (store, secret, &error);
  gint64 batch = 0;

  g_assert_no_error (error);
  g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_NOTES, secret, &error));
  g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_ORGANISATION, secret, &error));
  g_assert_true (sam_store_set_workshop_field (store, keep, SAM_WORKSHOP_FIELD_NOTES, "Andere tekst", &error));
  g_assert_no_error (error);
  g_assert_true (file_contains (wal, secret));

  g_assert_true (sam_store_trash_workshop (store, workshop, &batch, &error));
  g_assert_true (sam_store_purge_trash (store, &error));
  g_assert_no_error (error);

  /* The store is still open: the files as another program would see them. */
  g_assert_false (file_contains (path, secret));
  g_assert_false (file_contains (wal, secret));
  g_assert_true (sam_store_set_workshop_field (store, keep, SAM_WORKSHOP_FIELD_COACH, "An", &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (file_contains (path, secret));
  g_assert_false (file_contains (wal, secret));
}

/* The app's folder is closed to others even when it was made open before;
 * a saved workshop file is the user's alone, also when it replaces one. */
static void
test_private_files (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *out = g_build_filename (dir, "export.samenspel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamWorkshopFile) contents = NULL;
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  store = open_store (path);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  workshop = sam_store_create_workshop (store, "Export", &error);
  g_assert_no_error (error);
  contents = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_WORKSHOP, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  g_assert_cmpint (g_chmod (out, 0644), ==, 0);
  g_assert_true (sam_workshop_file_save (contents, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (out), ==, 0600);
}

/* Builds a database with a few workshops, closed and checkpointed. */
static void
make_filled_database (const char *path)
{
  g_autoptr(SamStore) store = open_store (path);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Workshop %u with a name long enough to fill pages", i);
      SamWorkshop *workshop = sam_store_create_workshop (store, name, NULL);

      g_assert_nonnull (workshop);
      g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_NOTES,
                                                   name, NULL));
    }
}

static void
assert_refused_as_damaged (const char *path,
                           const char *contents,
                           gsize       length)
{
  g_autoptr(GError) error = NULL;

  write_file (path, contents, length);
  g_assert_null (sam_store_open (path, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, path));
  assert_unchanged (path, contents, length);
}

/* A copy of the database @good (at @path) with the page of the index on
 * the workshops' uuids overwritten: nothing reads it when the store opens. */
static char *
break_workshop_index (const char *path,
                      const char *good,
                      gsize       length)
{
  char *broken = g_memdup2 (good, length);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE type = 'index' "
                                       "AND tbl_name = 'workshop'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);
  g_assert_cmpuint (page * 4096, <=, length);
  for (gsize i = (page - 1) * 4096; i < (gsize) page * 4096; i++)
    broken[i] = (char) (i * 37);
  return broken;
}

/* A damaged database is refused when it is opened, and left as it is. */
static void
test_bad_damaged (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  gsize length = 0;

  make_filled_database (path);
  g_assert_true (g_file_get_contents (path, &good, &length, NULL));
  g_assert_cmpuint (length, >=, 4 * 4096);

  /* Cut short. */
  assert_refused_as_damaged (path, good, length - 4096);

  /* Two pages with every bit flipped. */
  bad = g_memdup2 (good, length);
  for (gsize i = 4096; i < 3 * 4096; i++)
    bad[i] ^= 0xff;
  assert_refused_as_damaged (path, bad, length);

  /* The index on the workshops' uuids broken: its page overwritten. */
  {
    g_autofree char *broken = break_workshop_index (path, good, length);

    assert_refused_as_damaged (path, broken, length);
  }

  /* Empty, with a log that holds the work. */
  write_file (wal, good, 4096);
  assert_refused_as_damaged (path, "", 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
}

typedef struct
{
  gboolean done;
  GError *error;
} CheckResult;

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CheckResult *check = user_data;

  if (!sam_store_check_finish (SAM_STORE (source), result, &check->error))
    g_assert_nonnull (check->error);
  check->done = TRUE;
  g_main_context_wakeup (NULL);
}

/* Runs the check left for later; %TRUE when it passed. */
static gboolean
run_check (SamStore  *store,
           GError   **error)
{
  CheckResult check = { FALSE, NULL };

  sam_store_check_async (store, NULL, check_done_cb, &check);
  while (!check.done)
    g_main_context_iteration (NULL, TRUE);
  if (check.error == NULL)
    return TRUE;
  g_propagate_error (error, check.error);
  return FALSE;
}

/* The app opens its database without the integrity check and runs it once
 * its window has drawn: an edit made before waits for the check, and a
 * sound database then takes it. */
static void
test_check_later (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  SamWorkshop *workshop;
  g_autofree char *uuid = NULL;

  make_filled_database (path);
  store = sam_store_open_check_later (path, &error);
  g_assert_no_error (error);
  workshop = g_list_model_get_item (sam_store_get_workshops (store), 0);
  uuid = g_strdup (sam_workshop_get_uuid (workshop));
  g_object_unref (workshop);
  g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_NOTES,
                                               "Written before the check", &error));
  g_assert_no_error (error);
  g_assert_true (run_check (store, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_backup (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_workshop_get_notes (sam_store_find_workshop (store, uuid)), ==,
                   "Written before the check");
}

/* A damage nothing reads at open is found by the check after it; until
 * then, and after, no edit and no backup is written, and the file stays as
 * it was. */
static void
test_check_later_damaged (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *good = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  SamWorkshop *workshop;
  gsize length = 0;

  make_filled_database (path);
  g_assert_true (g_file_get_contents (path, &good, &length, NULL));
  broken = break_workshop_index (path, good, length);
  write_file (path, broken, length);

  store = sam_store_open_check_later (path, &error);
  g_assert_no_error (error);
  workshop = g_list_model_get_item (sam_store_get_workshops (store), 0);
  g_object_unref (workshop);

  /* Refused before the check ran on its thread: the commit ran it. */
  g_assert_false (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_NOTES,
                                                "Never stored", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_assert_false (run_check (store, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (sam_store_backup (store, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  backups = sam_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 0);

  g_clear_object (&store);
  assert_unchanged (path, broken, length);
}

static gboolean
any_file_contains (GPtrArray  *files,
                   const char *text)
{
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (g_ptr_array_index (files, i), &contents, &length, NULL));
      /* Byte by byte: the file holds NUL bytes, where g_strstr_len stops. */
      for (gsize at = 0; at + strlen (text) <= length; at++)
        if (memcmp (contents + at, text, strlen (text)) == 0)
          return TRUE;
    }

  return FALSE;
}

/* A backup made now, renamed as if made at @stamp. */
static void
backup_as (SamStore   *store,
           const char *stamp)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *dir = g_path_get_dirname (sam_store_get_path (store));
  g_autofree char *name = g_strdup_printf ("samenspel-%s.db", stamp);
  g_autofree char *target = g_build_filename (dir, "backups", name, NULL);

  g_assert_true (sam_store_backup (store, &error));
  g_assert_no_error (error);
  after = sam_store_list_backups (sam_store_get_path (store));
  /* The newest is the one just made (named after this second). */
  g_assert_cmpint (g_rename (g_ptr_array_index (after, 0), target), ==, 0);
}

/* Purging a deleted workshop removes the backups that still hold it and
 * writes a fresh one; a backup without it stays. */
static void
test_purge_prunes_backups (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(SamStore) store = open_store (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *older = NULL;
  SamWorkshop *client_a;

  sam_store_create_workshop (store, "Client B stays", &error);
  g_assert_no_error (error);
  backup_as (store, "20261201-070000");
  client_a = sam_store_create_workshop (store, "Client A confidential 7c1e", &error);
  g_assert_no_error (error);
  backup_as (store, "20261201-080000");

  backups = sam_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_true (any_file_contains (backups, "Client A confidential 7c1e"));
  older = g_strdup (g_ptr_array_index (backups, 1));
  g_clear_pointer (&backups, g_ptr_array_unref);

  g_assert_true (sam_store_trash_workshop (store, client_a, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_purge_trash (store, &error));
  g_assert_no_error (error);

  backups = sam_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_false (any_file_contains (backups, "Client A confidential 7c1e"));
  g_assert_true (any_file_contains (backups, "Client B stays"));
  /* The backup without Client A is the one from 07:00, untouched. */
  g_assert_cmpstr (g_ptr_array_index (backups, 1), ==, older);
  g_assert_cmpuint (file_mode (g_ptr_array_index (backups, 0)), ==, 0600);
}

/* Backups: private, newest first, and a damaged database is replaced by
 * one while it is kept aside itself. */
static void
test_backup_restore (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups_dir = g_build_filename (dir, "backups", NULL);
  g_autofree char *damaged = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *expired = g_build_filename (backups_dir, "samenspel-20260101-080000.db", NULL);
  struct utimbuf eight_days_ago;
  gsize length = 0;

  /* A backup older than a week goes when the next one is made. */
  write_file (expired, "old", 3);
  eight_days_ago.actime = eight_days_ago.modtime = _sam_store_now () - 8 * 24 * 3600;
  g_assert_cmpint (g_utime (expired, &eight_days_ago), ==, 0);

  {
    g_autoptr(SamStore) store = open_store (path);
    SamWorkshop *workshop = sam_store_create_workshop (store, "Bewaard", &error);

    g_assert_no_error (error);
    uuid = g_strdup (sam_workshop_get_uuid (workshop));
    g_assert_true (sam_store_backup (store, &error));
    g_assert_no_error (error);
  }

  g_assert_false (g_file_test (expired, G_FILE_TEST_EXISTS));
  backups = sam_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpuint (file_mode (backups_dir), ==, 0700);
  g_assert_cmpuint (file_mode (g_ptr_array_index (backups, 0)), ==, 0600);
  when = sam_store_dup_backup_time (g_ptr_array_index (backups, 0));
  g_assert_nonnull (when);

  /* The database is damaged: every page after the first becomes garbage. */
  g_assert_true (g_file_get_contents (path, &damaged, &length, NULL));
  memset (damaged + 4096, 0xa5, length - 4096);
  write_file (path, damaged, length);
  g_assert_null (sam_store_open (path, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (sam_store_restore_backup (path, g_ptr_array_index (backups, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  {
    g_autoptr(SamStore) store = open_store (path);

    g_assert_nonnull (sam_store_find_workshop (store, uuid));
  }

  /* The damaged file is kept aside as it was. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n_aside = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      if (strstr (name, ".damaged-") != NULL && !g_str_has_suffix (name, "-wal") &&
          !g_str_has_suffix (name, "-shm"))
        {
          g_autofree char *aside = g_build_filename (dir, name, NULL);

          assert_unchanged (aside, damaged, length);
          n_aside++;
        }
    g_assert_cmpuint (n_aside, ==, 1);
  }
}

/* A second instance (another session, the command line) that starts while
 * the first still offers Undo leaves that trash alone. */
static void
test_purge_spares_other_instance (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(SamStore) first = open_store (path);
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop = sam_store_create_workshop (first, "Nog niet weg", &error);
  g_autofree char *uuid = g_strdup (sam_workshop_get_uuid (workshop));
  gint64 batch = 0;

  g_assert_true (sam_store_trash_workshop (first, workshop, &batch, &error));
  g_assert_no_error (error);

  {
    g_autoptr(SamStore) second = open_store (path);

    g_assert_true (sam_store_purge_trash (second, &error));
    g_assert_no_error (error);
  }

  /* The first one's Undo brings the workshop back. */
  g_assert_true (sam_store_restore_trash (first, batch, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sam_store_find_workshop (first, uuid));

  /* Alone, a store purges. */
  g_assert_true (sam_store_trash_workshop (first, sam_store_find_workshop (first, uuid), &batch, &error));
  g_assert_true (sam_store_purge_trash (first, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_restore_trash (first, batch, &error));
  g_assert_null (sam_store_find_workshop (first, uuid));
}

/* What the command line imports while the app runs shows up in the app. */
static void
test_refresh_sees_other_writer (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(SamStore) app = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  g_assert_true (sam_store_refresh (app, &error));
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (app)), ==, 0);

  {
    g_autoptr(SamStore) cli = open_store (path);
    SamWorkshop *imported = sam_store_create_workshop (cli, "Geïmporteerd", &error);

    g_assert_no_error (error);
    uuid = g_strdup (sam_workshop_get_uuid (imported));
  }

  g_assert_null (sam_store_find_workshop (app, uuid));
  g_assert_true (sam_store_refresh (app, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sam_store_find_workshop (app, uuid));
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (app)), ==, 1);

  /* Its own edits are no news to a store. */
  g_assert_nonnull (sam_store_create_workshop (app, "Eigen", &error));
  g_assert_true (sam_store_refresh (app, &error));
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (app)), ==, 2);
}

/* The child edits as fast as it can and reports each edit the store
 * acknowledged on @fd; it never returns. */
static void
edit_until_killed (const char *path,
                   const char *uuid,
                   int         fd)
{
  g_autoptr(SamStore) store = sam_store_open (path, NULL);
  SamWorkshop *workshop = store ? sam_store_find_workshop (store, uuid) : NULL;

  if (workshop == NULL)
    _exit (3);

  for (guint32 n = 1; ; n++)
    {
      g_autofree char *text = g_strdup_printf ("edit %u", n);

      if (!sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_NOTES, text, NULL) ||
          write (fd, &n, sizeof n) != sizeof n)
        _exit (4);
    }
}

/* SIGKILL at a random moment while edits stream in, 200 times over: the
 * database always opens and holds at least the last acknowledged edit. */
static void
test_kill_loop (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *uuid = NULL;

  {
    g_autoptr(SamStore) store = open_store (path);
    SamWorkshop *workshop = sam_store_create_workshop (store, "Killed", NULL);

    g_assert_nonnull (workshop);
    uuid = g_strdup (sam_workshop_get_uuid (workshop));
  }

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(SamStore) store = NULL;
      guint32 acked = 0, n;
      guint wanted = g_test_rand_int_range (1, 40);
      int fds[2];
      int status = 0;
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          edit_until_killed (path, uuid, fds[1]);
        }
      close (fds[1]);

      for (guint i = 0; i < wanted && read (fds[0], &n, sizeof n) == sizeof n; i++)
        acked = n;
      g_usleep (g_test_rand_int_range (0, 2000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      while (read (fds[0], &n, sizeof n) == sizeof n)
        acked = n;
      close (fds[0]);
      g_assert_cmpuint (acked, >, 0);

      /* The store commits before it acknowledges, so the file may hold one
       * edit more than was reported, never one less. */
      store = open_store (path);
      {
        const char *notes = sam_workshop_get_notes (sam_store_find_workshop (store, uuid));
        guint64 stored = 0;

        g_assert_true (g_str_has_prefix (notes, "edit "));
        stored = g_ascii_strtoull (notes + 5, NULL, 10);
        g_assert_cmpuint (stored, >=, acked);
        g_assert_cmpuint (stored, <=, (guint64) acked + 1);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add ("/sam/store/workshop/create-reopen", test_workshop_create_and_reopen);
  add ("/sam/store/workshop/rename", test_workshop_rename);
  add ("/sam/store/in-memory", test_in_memory);
  add ("/sam/store/workshop/duplicate", test_workshop_duplicate);
  add ("/sam/store/workshop/delete-undo", test_workshop_delete_undo);
  add ("/sam/store/team/edit", test_team_edit);
  add ("/sam/store/bad/not-sqlite", test_bad_not_sqlite);
  add ("/sam/store/bad/too-new", test_bad_too_new);
  add ("/sam/store/bad/other-program", test_bad_other_program);
  add ("/sam/store/bad/unmarked-program", test_bad_unmarked_program);
  add ("/sam/store/bad/damaged", test_bad_damaged);
  add ("/sam/store/check-later/sound", test_check_later);
  add ("/sam/store/check-later/damaged", test_check_later_damaged);
  add ("/sam/store/backup/restore", test_backup_restore);
  add ("/sam/store/backup/purge-prunes", test_purge_prunes_backups);
  add ("/sam/store/migrate/copy-expires", test_migration_copy_expires);
  add ("/sam/store/migrate/every-version", test_migrate_from_every_version);
  add ("/sam/store/migrate/debate-turn", test_migrate_debate_turn);
  add ("/sam/store/migrate/fresh", test_fresh_is_latest);
  add ("/sam/store/text/excerpt", test_text_excerpt);
  add ("/sam/store/failed-writes", test_failed_writes);
  add ("/sam/store/privacy/purge-leaves-no-trace", test_purge_leaves_no_trace);
  add ("/sam/store/privacy/private-files", test_private_files);
  add ("/sam/store/crash/kill-loop", test_kill_loop);
  add ("/sam/store/two-instances/purge", test_purge_spares_other_instance);
  add ("/sam/store/two-instances/refresh", test_refresh_sees_other_writer);

  return g_test_run ();
}
