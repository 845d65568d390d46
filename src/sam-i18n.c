/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sam-i18n.h"

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

/**
 * sam_i18n_init:
 *
 * Binds Samenspel's message catalogue, for the app and the command line
 * alike. `meson devenv` and the tests point `SAMENSPEL_LOCALEDIR` at the
 * catalogues compiled in the build folder, so the uninstalled programs
 * speak the user's language; otherwise the installed ones are used.
 */
void
sam_i18n_init (void)
{
  const char *localedir = g_getenv ("SAMENSPEL_LOCALEDIR");

  honour_language ();
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
