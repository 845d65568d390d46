/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The one place where APIs newer than GTK 4.8 / libadwaita 1.2 are used, each
 * behind a version check, so Debian 12 and the GNOME 50 runtime both build. */

void       sam_compat_show_about (GtkWindow  *parent,
                                  const char *application_id,
                                  const char *version);

G_END_DECLS
