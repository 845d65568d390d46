/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdint.h>
#include <unistd.h>

#include "sam-cli.h"
#include "sam-i18n.h"

#define HUGE_PAGE_SIZE ((uintptr_t) 2 * 1024 * 1024)

/* Heap taken before main() and never used: see prepare_heap().  Volatile,
 * or the compiler drops a malloc() whose result nobody reads. */
static void *volatile heap_before_main;

/* The launcher asks glibc's malloc for transparent huge pages
 * (sam-launcher.c), but Linux maps a huge page only where a whole,
 * aligned 2 MB of the heap has been advised for it.  The heap starts at a
 * random 4 KiB page, and what glibc took for it before main() lies
 * across a huge page boundary: a map export touched some 500 pages of it,
 * one page fault each, on a VM where a fault costs tens of microseconds.
 * So the rest of that first piece is taken once and left alone, the break
 * moves on to the next huge page boundary (those bytes are never touched,
 * so they cost nothing), and malloc takes its heap from there in one step
 * of 64 MB, all of it aligned and advised (address space only: a page is
 * backed when first touched). */
static void
prepare_heap (void)
{
#if defined(__linux__) && defined(__GLIBC__) && __GLIBC_PREREQ(2, 33)
  struct mallinfo2 info = mallinfo2 ();
  uintptr_t brk_now, gap;

  /* keepcost: the free space at the top of the heap. */
  if (info.keepcost > 4096)
    heap_before_main = malloc (info.keepcost - 4096);

  brk_now = (uintptr_t) sbrk (0);
  if (brk_now == (uintptr_t) -1)
    return;
  gap = (HUGE_PAGE_SIZE - brk_now % HUGE_PAGE_SIZE) % HUGE_PAGE_SIZE;
  if (gap > 0 && sbrk ((intptr_t) gap) == (void *) -1)
    return;
  mallopt (M_TOP_PAD, 64 * 1024 * 1024);
#endif
}

/* samenspel-cli: `samenspel export …`, `samenspel import …` and
 * `samenspel --help`, started by the `samenspel` launcher.  It links the
 * store, the map core and the report writer, never GTK, so it needs no
 * display and starts fast. */
int
main (int   argc,
      char *argv[])
{
  prepare_heap ();
  sam_i18n_init ();
  setlocale (LC_ALL, "");

  return sam_cli_run (argc, argv);
}
