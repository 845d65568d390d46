/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "sam-workshop-file.h"

/* The importer's fuzz target: any bytes are read as a workshop file; what
 * reads cleanly is imported (or merged) into a scratch database and
 * removed again.  Reading must never crash, leak or warn; a bad file must
 * only give a SAM_FILE_ERROR.
 *
 * A contribution is merged into the coach's database, and a team packet
 * caught up on a team's laptop: both hold the workshop the seeds'
 * contributions and packets come from (tests/fuzz/fixtures, and the
 * corpus' valid-workshop), so a merge gets past "this workshop is not on
 * this computer" and compares rows.  A database a merge changed is built
 * again for the next input, so every input meets the same state. */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static SamStore *
scratch_store (void)
{
  static SamStore *store;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("samenspel-fuzz-XXXXXX", &error);
      g_autofree char *path = NULL;

      g_assert_no_error (error);
      path = g_build_filename (dir, "fuzz.db", NULL);
      store = sam_store_open (path, &error);
      g_assert_no_error (error);
    }

  return store;
}

typedef struct
{
  const char *const *files;  /* under SAM_FUZZ_DIR */
  SamStore          *store;
  gboolean           changed;
} Fixture;

/* The coach's database: the workshop of the generated seeds (with the
 * coach's edits since the packet) and that of the hand-written ones, each
 * imported with its uuids. */
static const char *const coach_files[] = {
  "fixtures/coach.samenspel", "corpus/valid-workshop.samenspel", NULL
};
static Fixture coach = { coach_files, NULL, FALSE };

/* A team's laptop: the packet it started from. */
static const char *const laptop_files[] = { "fixtures/laptop.samenspel", NULL };
static Fixture laptop = { laptop_files, NULL, FALSE };

static void
fixture_load (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (SAM_FUZZ_DIR, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  char *contents = NULL;
  gsize length = 0;

  /* Not through a GFile: GIO's modules, loaded for the first one, stay
   * for the life of the process and LeakSanitizer would report them. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);
  file = sam_workshop_file_load_bytes (bytes, name, &error);
  g_assert_no_error (error);
  if (sam_workshop_file_get_kind (file) == SAM_FILE_KIND_WORKSHOP)
    g_assert_nonnull (sam_workshop_file_import_as_is (file, fixture->store, &error));
  else
    g_assert_nonnull (sam_workshop_file_import (file, fixture->store, &error));
  g_assert_no_error (error);
}

static SamStore *
fixture_get_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  if (fixture->store != NULL && !fixture->changed)
    return fixture->store;

  g_clear_object (&fixture->store);
  fixture->changed = FALSE;
  fixture->store = sam_store_open_in_memory (&error);
  g_assert_no_error (error);
  for (guint i = 0; fixture->files[i] != NULL; i++)
    fixture_load (fixture, fixture->files[i]);

  return fixture->store;
}

/* Planned, then merged; merging the same file again changes nothing. */
static void
merge_contribution (SamWorkshopFile *file)
{
  SamStore *store = fixture_get_store (&coach);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMergePlan) plan = sam_workshop_file_plan_merge (file, store, &error);
  g_autoptr(SamMergePlan) again = NULL;

  if (plan == NULL)
    {
      g_assert_true (error != NULL && error->domain == SAM_FILE_ERROR);
      return;
    }

  if (sam_merge_plan_get_n_changes (plan) == 0)
    return;

  coach.changed = TRUE;
  if (!sam_workshop_file_merge (file, store, &error))
    {
      g_assert_true (error != NULL && error->domain == SAM_FILE_ERROR);
      return;
    }

  again = sam_workshop_file_plan_merge (file, store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_merge_plan_get_n_changes (again), ==, 0);
}

static void
catch_up_packet (SamWorkshopFile *file)
{
  g_autoptr(GError) error = NULL;

  if (sam_workshop_file_catch_up (file, fixture_get_store (&laptop), &error))
    laptop.changed = TRUE;
  else
    g_assert_true (error != NULL && error->domain == SAM_FILE_ERROR);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = sam_workshop_file_load_bytes (bytes, "fuzz.samenspel", &error);
  SamStore *store;
  SamWorkshop *workshop;

  if (file == NULL)
    {
      g_assert_true (error != NULL && error->domain == SAM_FILE_ERROR);
      return 0;
    }

  if (sam_workshop_file_get_kind (file) == SAM_FILE_KIND_TEAM_CONTRIBUTION)
    {
      merge_contribution (file);
      return 0;
    }
  if (sam_workshop_file_get_kind (file) == SAM_FILE_KIND_TEAM_PACKET)
    catch_up_packet (file);

  store = scratch_store ();
  workshop = sam_workshop_file_import (file, store, &error);
  if (workshop == NULL)
    {
      g_assert_true (error->domain == SAM_FILE_ERROR);
      return 0;
    }

  /* What went in comes out again, and then goes for good. */
  {
    g_autoptr(SamWorkshopFile) again = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_WORKSHOP,
                                                                         NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (again);
  }
  g_assert_true (sam_store_trash_workshop (store, workshop, NULL, &error));
  g_assert_true (sam_store_purge_trash (store, &error));
  g_assert_no_error (error);
  return 0;
}
