/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "sam-live-private.h"
#include "sam-sample-workshop.h"
#include "sam-store-packet.h"
#include "sam-store-private.h"

/* The cost of one edit in the live room, without the network: the laptop
 * builds the contribution of one new card (_sam_live_build_edits()), the
 * coach checks it and merges it (_sam_live_check_edits(),
 * sam_workshop_file_merge()).  Both databases are files, synced on every
 * commit as in the app.  Prints the median and 99th percentile of each
 * part over ROUNDS edits (200). */

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *times)
{
  g_array_sort (times, compare);
  printf ("%-34s median %6.2f ms  p99 %6.2f ms\n", what, g_array_index (times, double, times->len / 2),
          g_array_index (times, double, MIN (times->len - 1, times->len * 99 / 100)));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("samenspel-bench-edit-XXXXXX", NULL);
  g_autofree char *coach_path = g_build_filename (dir, "coach.db", NULL);
  g_autofree char *laptop_path = g_build_filename (dir, "laptop.db", NULL);
  g_autoptr(SamStore) coach = sam_store_open (coach_path, NULL);
  g_autoptr(SamStore) laptop = sam_store_open (laptop_path, NULL);
  g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) merge = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SamWorkshopFile) packet = NULL;
  g_autofree char *team_uuid = NULL;
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 200;
  SamWorkshop *workshop, *copy;
  SamStep *step = NULL;
  SamCardInit init = { "change" };
  gint64 team_id = 0;
  GListModel *steps;

  workshop = sam_sample_workshop_new (coach, "Bench");
  {
    g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (coach, workshop), 0);

    team_uuid = g_strdup (sam_team_get_uuid (team));
  }
  packet = sam_workshop_file_new_from_store (coach, workshop, SAM_FILE_KIND_TEAM_PACKET, team_uuid, NULL);
  copy = sam_workshop_file_import (packet, laptop, NULL);
  g_assert (copy != NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sam_store_get_teams (laptop, copy)); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (laptop, copy), i);

      if (g_str_equal (sam_team_get_uuid (team), team_uuid))
        team_id = sam_team_get_id (team);
    }
  steps = sam_store_get_steps (laptop, copy);
  for (guint i = 0; step == NULL && i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) candidate = g_list_model_get_item (steps, i);

      if (g_str_equal (sam_step_get_kind (candidate), "changes"))
        step = candidate;
    }
  init.team_id = team_id;

  for (guint i = 0; i < rounds; i++)
    {
      g_autofree char *text = g_strdup_printf ("bench edit %u", i);
      g_autoptr(SamWorkshopFile) file = NULL;
      g_autoptr(SamWorkshopFile) whole = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *edits;
      guint n_rows;
      gint64 t0, t1, t2, t3;
      double ms;

      init.text = text;
      g_assert (sam_store_add_card (laptop, step, &init, NULL) != NULL);

      t0 = g_get_monotonic_time ();
      edits = _sam_live_build_edits (laptop, copy, g_get_real_time () / G_USEC_PER_SEC - 1, NULL, &n_rows, &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      file = _sam_live_check_edits (coach, workshop, team_uuid, edits, NULL, &error);
      g_assert_no_error (error);
      g_assert (sam_workshop_file_merge (file, coach, &error));
      t2 = g_get_monotonic_time ();
      whole = sam_workshop_file_new_contribution (laptop, copy, NULL);
      t3 = g_get_monotonic_time ();
      json_object_unref (edits);

      ms = (t1 - t0) / 1000.0;
      g_array_append_val (build, ms);
      ms = (t2 - t1) / 1000.0;
      g_array_append_val (merge, ms);
      ms = (t3 - t2) / 1000.0;
      g_array_append_val (full, ms);
    }

  printf ("one-card edit, %u rounds, on the sample workshop\n", rounds);
  report ("laptop: build the edits", build);
  report ("coach: check and merge them", merge);
  report ("(the whole contribution, for scale)", full);

  {
    const char *rm[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return 0;
}
