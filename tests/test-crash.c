/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <gio/gio.h>

#include "sam-store.h"

/* Nothing typed may be lost when the laptop's app is killed: the real
 * program is started, edited through its exported actions, killed with
 * SIGKILL straight after, and the edit must be in the database. */

#define WINDOW_PATH "/io/github/samenspel/Samenspel/window/1"

static const char *binary;

static GPid
spawn_app (void)
{
  g_autoptr(GError) error = NULL;
  char *argv[] = { (char *) binary, NULL };
  GPid pid = 0;

  g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static void
kill_app (GPid pid);

/* Waits until the app's window exports its actions on the session bus, as
 * long as the app runs: an AddressSanitizer build on a loaded machine can
 * take more than a minute to show it.  The bound (5 minutes) only ends a
 * start that hangs; an app that exits fails at once, and on either failure
 * the app is gone before the test fails, so nothing is left holding the
 * test's output open. */
static void
wait_for_window (GDBusConnection *bus,
                 GPid             pid)
{
  gint64 give_up = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  int status = 0;

  while (g_get_monotonic_time () < give_up)
    {
      g_autoptr(GVariant) reply = NULL;

      reply = g_dbus_connection_call_sync (bus, APP_ID, WINDOW_PATH, "org.gtk.Actions", "List",
                                           NULL, NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, 1000,
                                           NULL, NULL);
      if (reply != NULL)
        return;

      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          g_spawn_close_pid (pid);
          g_error ("the app ended before it showed its window (wait status %d)", status);
        }

      g_usleep (50 * 1000);
    }

  kill_app (pid);
  g_error ("the app did not show its window in 5 minutes");
}

static void
activate (GDBusConnection *bus,
          const char      *action,
          GVariant        *param)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder params;

  g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
  if (param != NULL)
    g_variant_builder_add (&params, "v", param);

  /* A synchronous call returns only after the app handled it. */
  reply = g_dbus_connection_call_sync (bus, APP_ID, WINDOW_PATH, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", action, &params, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, 120000, NULL, &error);
  g_assert_no_error (error);
}

static void
kill_app (GPid pid)
{
  int status = 0;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);
}

static SamWorkshop *
find_by_name (SamStore   *store,
              const char *name)
{
  GListModel *list = sam_store_get_workshops (store);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SamWorkshop) workshop = g_list_model_get_item (list, i);

      if (g_strcmp0 (sam_workshop_get_name (workshop), name) == 0)
        return workshop;
    }

  return NULL;
}

static void
test_sigkill_after_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autofree char *path = sam_store_dup_default_path ();
  g_autofree char *uuid = NULL;
  GPid pid;

  g_assert_no_error (error);

  pid = spawn_app ();
  wait_for_window (bus, pid);
  activate (bus, "create-workshop", g_variant_new_string ("Written before the crash"));
  kill_app (pid);

  {
    g_autoptr(SamStore) store = sam_store_open (path, &error);
    SamWorkshop *workshop;

    g_assert_no_error (error);
    workshop = find_by_name (store, "Written before the crash");
    g_assert_nonnull (workshop);
    uuid = g_strdup (sam_workshop_get_uuid (workshop));
  }

  /* The app starts again on the database it was killed over, edits it
   * again, and is killed again. */
  pid = spawn_app ();
  wait_for_window (bus, pid);
  activate (bus, "duplicate-workshop", g_variant_new_string (uuid));
  kill_app (pid);

  {
    g_autoptr(SamStore) store = sam_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (sam_store_find_workshop (store, uuid));
    g_assert_nonnull (find_by_name (store, "Copy of Written before the crash"));
  }
}

/* Like G_TEST_OPTION_ISOLATE_DIRS, but the app keeps XDG_DATA_DIRS so GTK
 * finds the MIME database it loads icons with. */
static void
isolate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("samenspel-crash-XXXXXX", &error);
  static const char *const vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (root, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  isolate ();
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-SAMENSPEL\n", argv[0]);
      return 2;
    }
  binary = argv[1];

  g_test_add_func ("/sam/crash/sigkill-after-edit", test_sigkill_after_edit);

  return g_test_run ();
}
