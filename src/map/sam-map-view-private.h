/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "sam-map-renderer.h"
#include "sam-map-view.h"

G_BEGIN_DECLS

/* Test hooks: GTK 4 cannot synthesise pointer events, so tests drive the
 * same code the drag gesture runs.  Coordinates are widget coordinates. */
void                   _sam_map_view_test_drag      (SamMapView      *self,
                                                     double           x0,
                                                     double           y0,
                                                     double           x1,
                                                     double           y1,
                                                     GdkModifierType  state);
void                   _sam_map_view_node_center    (SamMapView      *self,
                                                     const char      *id,
                                                     double          *x,
                                                     double          *y);
SamMapRenderer        *_sam_map_view_get_renderer   (SamMapView      *self);
const SamMapTransform *_sam_map_view_get_transform  (SamMapView      *self);

G_END_DECLS
