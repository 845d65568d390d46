/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-rotation.h"
#include "sam-step-settings.h"
#include "sam-store.h"

/* Checks the three promises of a rotation by counting, independent of
 * sam_rotation_is_valid(): each team has one target, never itself, and is
 * looked at exactly once. */
static void
assert_rotation (const guint *targets,
                 guint        n)
{
  g_autofree guint *looked_at = g_new0 (guint, n);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (targets[i], <, n);
      g_assert_cmpuint (targets[i], !=, i);
      looked_at[targets[i]]++;
    }
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (looked_at[i], ==, 1);
  g_assert_true (sam_rotation_is_valid (targets, n));
}

static void
test_propose (void)
{
  for (guint n = SAM_ROTATION_MIN_TEAMS; n <= SAM_ROTATION_MAX_TEAMS; n++)
    {
      g_autofree guint *first = sam_rotation_propose (n);
      g_autofree guint *again = sam_rotation_propose (n);

      assert_rotation (first, n);
      /* Deterministic: the same teams get the same proposal. */
      g_assert_cmpmem (first, n * sizeof (guint), again, n * sizeof (guint));
    }
}

static void
test_is_valid (void)
{
  const guint self_look[] = { 0, 2, 1 };
  const guint twice[] = { 1, 0, 0 };
  const guint out_of_range[] = { 1, 3, 0 };
  const guint cycle[] = { 2, 0, 1 };
  const guint pairs[] = { 1, 0, 3, 2 };

  g_assert_false (sam_rotation_is_valid (self_look, 3));
  g_assert_false (sam_rotation_is_valid (twice, 3));
  g_assert_false (sam_rotation_is_valid (out_of_range, 3));
  g_assert_false (sam_rotation_is_valid (cycle, 1));
  g_assert_true (sam_rotation_is_valid (cycle, 3));
  g_assert_true (sam_rotation_is_valid (pairs, 4));
}

/* Every possible change the coach can make, for every size: the change is
 * made, the rotation stays valid, and a team given itself is refused with
 * the rotation untouched. */
static void
test_reassign (void)
{
  for (guint n = SAM_ROTATION_MIN_TEAMS; n <= SAM_ROTATION_MAX_TEAMS; n++)
    for (guint writer = 0; writer < n; writer++)
      for (guint target = 0; target < n; target++)
        {
          g_autofree guint *targets = sam_rotation_propose (n);
          g_autofree guint *before = g_memdup2 (targets, n * sizeof (guint));
          g_autoptr(GError) error = NULL;
          gboolean ok;

          ok = sam_rotation_reassign (targets, n, writer, target, &error);
          if (writer == target)
            {
              g_assert_false (ok);
              g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
              g_assert_nonnull (strstr (error->message, "own shoes"));
              g_assert_cmpmem (targets, n * sizeof (guint), before, n * sizeof (guint));
              continue;
            }

          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpuint (targets[writer], ==, target);
          assert_rotation (targets, n);
        }
}

/* Settings keep the members they do not touch and survive damaged text. */
static void
test_settings (void)
{
  g_autoptr(GHashTable) map = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) back = NULL;
  g_autofree char *with_persona = NULL;
  g_autofree char *with_map = NULL;
  g_autofree char *persona = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *missing = NULL;

  with_persona = sam_step_settings_set_string ("{\"other\": 3}", "persona", "My brother \"Bob\"");
  g_hash_table_insert (map, "b-uuid", "a-uuid");
  g_hash_table_insert (map, "a-uuid", "b-uuid");
  with_map = sam_step_settings_set_map (with_persona, "assignment", map);
  g_assert_cmpstr (with_map, ==,
                   "{\"other\":3,\"persona\":\"My brother \\\"Bob\\\"\","
                   "\"assignment\":{\"a-uuid\":\"b-uuid\",\"b-uuid\":\"a-uuid\"}}");

  persona = sam_step_settings_dup_string (with_map, "persona");
  g_assert_cmpstr (persona, ==, "My brother \"Bob\"");
  back = sam_step_settings_dup_map (with_map, "assignment");
  g_assert_cmpuint (g_hash_table_size (back), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (back, "a-uuid"), ==, "b-uuid");

  removed = sam_step_settings_set_string (with_map, "persona", NULL);
  g_assert_null (strstr (removed, "persona"));

  /* Damaged or foreign settings read as empty instead of failing. */
  missing = sam_step_settings_dup_string ("not json {", "persona");
  g_assert_null (missing);
  g_clear_pointer (&back, g_hash_table_unref);
  back = sam_step_settings_dup_map ("[1, 2]", "assignment");
  g_assert_cmpuint (g_hash_table_size (back), ==, 0);
  g_clear_pointer (&back, g_hash_table_unref);
  back = sam_step_settings_dup_map ("{\"assignment\": 5}", "assignment");
  g_assert_cmpuint (g_hash_table_size (back), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/rotation/propose", test_propose);
  g_test_add_func ("/sam/rotation/is-valid", test_is_valid);
  g_test_add_func ("/sam/rotation/reassign", test_reassign);
  g_test_add_func ("/sam/rotation/settings", test_settings);

  return g_test_run ();
}
