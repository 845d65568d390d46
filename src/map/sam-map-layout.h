/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "sam-map-model.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} SamMapRect;

double    sam_map_node_radius          (const SamMapNode     *node);

double   *sam_map_layout_compute       (SamMapModel          *model,
                                        const SamMapRect     *box,
                                        guint                *n_positions);
void      sam_map_layout_apply         (SamMapModel          *model,
                                        const SamMapRect     *box);
void      sam_map_layout_place_new     (SamMapModel          *model,
                                        const SamMapRect     *box,
                                        const char * const   *ids);
void      sam_map_layout_compute_async (SamMapModel          *model,
                                        const SamMapRect     *box,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
double   *sam_map_layout_compute_finish (SamMapModel         *model,
                                         GAsyncResult        *result,
                                         guint               *n_positions,
                                         GError             **error);

G_END_DECLS
