/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sam_error_dup_title   (const GError *error);
char *sam_error_dup_message (const GError *error);

G_END_DECLS
