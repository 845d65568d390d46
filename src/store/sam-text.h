/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sam_text_excerpt (const char *text,
                        glong       max_chars);

G_END_DECLS
