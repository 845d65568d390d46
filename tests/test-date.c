/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sam-date.h"
#include "sam-store.h"

/* Dates as a coach types them: the locale's order (a Dutch coach writes
 * 14/10/2025 or 14-10-2025), and always YYYY-MM-DD.  The Dutch locale is
 * compiled into the test's own folders when the system lacks it, so the
 * test does not depend on what the machine has generated. */

static gboolean
use_dutch_locale (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  const char *argv[] = { "localedef", "-i", "nl_NL", "-f", "UTF-8", NULL, NULL };
  int status = 0;

  if (setlocale (LC_ALL, "nl_NL.UTF-8") != NULL)
    return TRUE;

  /* Under the test's own folders, which GLib removes afterwards. */
  dir = g_build_filename (g_get_user_cache_dir (), "locale", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return FALSE;
  target = g_build_filename (dir, "nl_NL.UTF-8", NULL);
  argv[5] = target;
  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;

  /* localedef warns (status 1) on some definitions yet writes the locale. */
  g_setenv ("LOCPATH", dir, TRUE);
  return setlocale (LC_ALL, "nl_NL.UTF-8") != NULL;
}

static void
assert_parses (const char *text,
               const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = sam_date_parse (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (parsed, ==, iso);
}

static void
assert_refused (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = sam_date_parse (text, &error);

  g_assert_null (parsed);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, text));
}

static void
test_dutch (void)
{
  g_autofree char *shown = NULL;

  if (!use_dutch_locale ())
    {
      g_test_skip ("The nl_NL locale is not available and localedef could not make it");
      return;
    }

  assert_parses ("14/10/2025", "2025-10-14");
  assert_parses ("14-10-2025", "2025-10-14");
  assert_parses (" 1-2-2027 ", "2027-02-01");
  assert_parses ("14 oktober 2025", "2025-10-14");
  assert_parses ("2025-10-14", "2025-10-14");
  assert_parses ("", "");
  assert_refused ("31/31/2025");
  assert_refused ("soon");
  assert_refused ("30-02-2026");

  shown = sam_date_format ("2025-10-14");
  g_assert_cmpstr (shown, ==, "14-10-2025");
  g_clear_pointer (&shown, g_free);
  /* What is shown is read back as the same day. */
  shown = sam_date_format ("2027-02-01");
  assert_parses (shown, "2027-02-01");

  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_iso_and_c (void)
{
  g_autofree char *shown = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *back = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  assert_parses ("2026-11-23", "2026-11-23");
  assert_parses ("11/23/2026", "2026-11-23");
  assert_refused ("2026-13-01");
  assert_refused ("next week");

  shown = sam_date_format ("2026-11-23");
  g_assert_cmpstr (shown, ==, "11/23/2026");
  g_clear_pointer (&shown, g_free);
  shown = sam_date_format ("");
  g_assert_cmpstr (shown, ==, "");

  day = sam_date_to_date_time ("2026-11-23");
  g_assert_nonnull (day);
  back = sam_date_from_date_time (day);
  g_assert_cmpstr (back, ==, "2026-11-23");
  g_assert_null (sam_date_to_date_time ("23 November"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/date/iso-and-c", test_iso_and_c);
  g_test_add_func ("/sam/date/dutch", test_dutch);

  return g_test_run ();
}
