/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sam-cli.h"

/* samenspel-cli: `samenspel export …`, `samenspel import …` and
 * `samenspel --help`, started by the `samenspel` launcher.  It links the
 * store, the map core and the report writer, never GTK, so it needs no
 * display and starts fast. */
int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return sam_cli_run (argc, argv);
}
