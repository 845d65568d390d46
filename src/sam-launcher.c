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

int
main (int   argc,
      char *argv[])
{
  const char *helper = is_command (argc, argv) ? "samenspel-cli" : "samenspel-app";
  const char *dir = getenv ("SAMENSPEL_LIBEXECDIR");
  char *path;
  int saved;

  if (dir == NULL || *dir == '\0')
    dir = PKGLIBEXECDIR;

  path = malloc (strlen (dir) + strlen (helper) + 2);
  if (path == NULL)
    return 127;
  sprintf (path, "%s/%s", dir, helper);

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
