/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "sam-cli.h"
#include "sam-i18n.h"

/* samenspel-cli: `samenspel export …`, `samenspel import …` and
 * `samenspel --help`, started by the `samenspel` launcher.  It links the
 * store, the map core and the report writer, never GTK, so it needs no
 * display and starts fast. */
int
main (int   argc,
      char *argv[])
{
  sam_i18n_init ();
  setlocale (LC_ALL, "");

  return sam_cli_run (argc, argv);
}
