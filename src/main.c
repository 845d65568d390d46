/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sam-application.h"
#include "sam-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SamApplication) app = NULL;
  const char *localedir = g_getenv ("SAMENSPEL_LOCALEDIR");

  /* `meson devenv` points SAMENSPEL_LOCALEDIR at the catalogues compiled in
   * the build folder, so the uninstalled app speaks the user's language. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* `samenspel export …` and `samenspel import …` run before GTK is
   * initialised, so they work without a display. */
  if (sam_cli_handles (argc, argv))
    {
      setlocale (LC_ALL, "");
      return sam_cli_run (argc, argv);
    }

  app = sam_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
