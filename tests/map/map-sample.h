/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "sam-map-model.h"

G_BEGIN_DECLS

SamMapModel *map_sample_twelve      (void);
void         map_sample_day_later   (SamMapModel *model);
SamMapModel *map_sample_full_room   (void);
SamMapModel *map_sample_big         (guint        n_nodes,
                                     guint        n_relations);
const char  *map_sample_id          (const char  *name);

G_END_DECLS
