/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sam_date_parse        (const char  *text,
                             GError     **error);
char *sam_date_format       (const char  *iso);
char *sam_date_from_date_time (GDateTime *date_time);
GDateTime *sam_date_to_date_time (const char *iso);

G_END_DECLS
