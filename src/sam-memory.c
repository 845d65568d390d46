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
static GSource *release;

static gboolean
release_cb (gpointer data)
{
  g_clear_pointer (&release, g_source_unref);
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

/* Long enough for a page's first frames and the rows made after them
 * (sam-list-slice.c): trimmed between two of those frames, the memory
 * built after it stayed (bench-pages memory measured 130 or 145 MB). */
#define RELEASE_DELAY_MS 400

/**
 * sam_memory_release_later:
 *
 * Gives freed memory back to the system once the page has settled: when
 * nothing was asked of this for a moment and the main loop is idle.
 * Called when a workshop or a step page was opened.
 */
void
sam_memory_release_later (void)
{
  if (release == NULL)
    {
      release = g_timeout_source_new (RELEASE_DELAY_MS);
      g_source_set_priority (release, G_PRIORITY_LOW);
      g_source_set_callback (release, release_cb, NULL, NULL);
      g_source_attach (release, NULL);
    }
  else
    g_source_set_ready_time (release, g_get_monotonic_time () + RELEASE_DELAY_MS * 1000);
}
