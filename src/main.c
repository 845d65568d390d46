/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-application.h"
#include "sam-i18n.h"

/* samenspel-app, started by the `samenspel` launcher (sam-launcher.c) for
 * everything but the commands, which run in samenspel-cli without GTK. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(SamApplication) app = NULL;

  sam_i18n_init ();
  app = sam_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
