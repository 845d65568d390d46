/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "sam-memory.h"

/* Building a page allocates much more than stays in use (rows made and
 * measured, text shaped, the store's lists read), and the C library keeps
 * what was freed in the process.  Once the page has drawn and nothing else
 * waits, that memory goes back to the system: with the big benchmark
 * workshop open about 15 MB of resident memory (bench-pages memory). */
static guint release_id;

static gboolean
release_cb (gpointer data)
{
  release_id = 0;
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

/**
 * sam_memory_release_later:
 *
 * Gives freed memory back to the system when the main loop is next idle,
 * after the frames waiting to be drawn.  Called when a workshop or a step
 * page was opened.
 */
void
sam_memory_release_later (void)
{
  if (release_id == 0)
    release_id = g_idle_add_full (G_PRIORITY_LOW, release_cb, NULL, NULL);
}
