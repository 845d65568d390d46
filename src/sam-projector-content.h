/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* At most this many team columns side by side on the wall; more teams go
 * into a second band of columns below. */
#define SAM_PROJECTOR_MAX_COLUMNS 4

guint sam_projector_content_fill (GListStore  *items,
                                  SamStore    *store,
                                  SamWorkshop *workshop,
                                  SamStep     *step);

G_END_DECLS
