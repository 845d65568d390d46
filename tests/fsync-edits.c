/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sam-store.h"

/* A burst of edits for build-aux/fsync-audit: each edit goes through the
 * store as the app's fields send it, and only when the store has returned
 * is "saved N" written to standard output, the way the app reports an
 * edit as saved.  Under strace every "saved" must follow a sync. */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  SamWorkshop *workshop;
  guint n;

  if (argc != 3)
    {
      g_printerr ("usage: %s DATABASE N-EDITS\n", argv[0]);
      return 2;
    }

  n = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  store = sam_store_open (argv[1], &error);
  if (store == NULL || (workshop = sam_store_create_workshop (store, "fsync audit", &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *text = g_strdup_printf ("edit %u", i);
      g_autofree char *line = g_strdup_printf ("saved %u\n", i);

      if (!sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_NOTES, text, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (write (STDOUT_FILENO, line, strlen (line)) < 0)
        return 1;
    }

  return 0;
}
