/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sam-application.h"
#include "sam-cli.h"

/* glibc ignores LANGUAGE while the messages locale is "C", as on a bare
 * machine or in a container without LANG.  Whoever sets LANGUAGE=nl wants
 * Dutch: messages then use C.UTF-8, which honours LANGUAGE.  An explicit
 * LC_ALL is left alone. */
static void
honour_language (void)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *all = g_getenv ("LC_ALL");
  const char *messages;

  if (language == NULL || *language == '\0' || (all != NULL && *all != '\0'))
    return;

  messages = setlocale (LC_MESSAGES, "");
  if (messages != NULL && (g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")))
    g_setenv ("LC_MESSAGES", "C.UTF-8", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SamApplication) app = NULL;
  const char *localedir = g_getenv ("SAMENSPEL_LOCALEDIR");

  /* `meson devenv` points SAMENSPEL_LOCALEDIR at the catalogues compiled in
   * the build folder, so the uninstalled app speaks the user's language. */
  honour_language ();
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
