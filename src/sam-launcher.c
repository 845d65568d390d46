/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* `samenspel`: what the user types.  The commands (`export`, `import`,
 * `--help`) run in samenspel-cli, which links no GTK; everything else
 * starts the app, samenspel-app.  Both live in the package's libexec
 * folder, or where $SAMENSPEL_LIBEXECDIR says (meson devenv and the tests
 * set it to the build tree).  This program links the C library only: the
 * exec costs well under a millisecond, loading GTK for nothing cost the
 * command line far more. */

#define _(s) dgettext (GETTEXT_PACKAGE, s)

static int
is_command (int    argc,
            char **argv)
{
  static const char *commands[] = { "export", "import", "--help", "-h" };

  if (argc < 2)
    return 0;

  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp (argv[1], commands[i]) == 0)
      return 1;

  return 0;
}

/* A map export allocates some 20 MB in small pieces and in large images,
 * and on first touch every 4 KiB page costs a page fault: about 4,600 of
 * them, a fifth of the command's CPU time.  glibc's malloc can ask for
 * transparent huge pages instead (glibc 2.35; older ones ignore the
 * tunable): 1,400 faults, 18% less CPU (build-aux/bench-cli).  One malloc
 * arena for all threads once saved faults (1,150–1,600 instead of
 * 1,500–1,800), but with the heap in huge pages the arenas of Pango's
 * fontconfig thread, the relations' helper and the PNG helpers cost none
 * (648 and 650 faults), and one arena made the threads that draw and
 * compress at once wait for each other's malloc: 18 % more CPU time and
 * 10 % more wall clock on two free processors.  Only for the short-lived
 * command line; the app keeps the defaults. */
static void
ask_for_huge_pages (void)
{
  static const char tunable[] = "glibc.malloc.hugetlb=1";
  const char *old = getenv ("GLIBC_TUNABLES");
  char *value;

  if (old == NULL || *old == '\0')
    {
      setenv ("GLIBC_TUNABLES", tunable, 1);
      return;
    }
  if (strstr (old, "glibc.malloc.hugetlb") != NULL)
    return;

  value = malloc (strlen (old) + sizeof tunable + 1);
  if (value == NULL)
    return;
  sprintf (value, "%s:%s", old, tunable);
  setenv ("GLIBC_TUNABLES", value, 1);
  free (value);
}

int
main (int   argc,
      char *argv[])
{
  int command = is_command (argc, argv);
  const char *helper = command ? "samenspel-cli" : "samenspel-app";
  const char *dir = getenv ("SAMENSPEL_LIBEXECDIR");
  char *path;
  int saved;

  if (dir == NULL || *dir == '\0')
    dir = PKGLIBEXECDIR;

  path = malloc (strlen (dir) + strlen (helper) + 2);
  if (path == NULL)
    return 127;
  sprintf (path, "%s/%s", dir, helper);

  if (command)
    ask_for_huge_pages ();

  /* argv[0] stays "samenspel": GLib takes the program name from it. */
  execv (path, argv);
  saved = errno;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* Translators: %s is the program's path, then the system's reason */
  fprintf (stderr, _("samenspel: cannot start %s: %s\n"), path, strerror (saved));
  free (path);

  return 127;
}
