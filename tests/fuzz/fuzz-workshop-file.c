/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "sam-workshop-file.h"

/* The importer's fuzz target: any bytes are read as a workshop file; what
 * reads cleanly is imported (or merged) into a scratch database and
 * removed again.  Reading must never crash, leak or warn; a bad file must
 * only give a SAM_FILE_ERROR. */

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

  store = scratch_store ();
  if (sam_workshop_file_get_kind (file) == SAM_FILE_KIND_TEAM_CONTRIBUTION)
    {
      g_autoptr(SamMergePlan) plan = sam_workshop_file_plan_merge (file, store, &error);

      g_assert_true (plan != NULL || error->domain == SAM_FILE_ERROR);
      return 0;
    }

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
