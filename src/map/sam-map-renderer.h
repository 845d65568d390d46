/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "sam-catalog.h"
#include "sam-map-layout.h"
#include "sam-map-model.h"

G_BEGIN_DECLS

/* screen = world * scale + offset */
typedef struct
{
  double scale;
  double x_offset;
  double y_offset;
} SamMapTransform;

/**
 * SamMapHit:
 * @kind: what is under the point, %SAM_MAP_KIND_NONE for the background
 * @id: the element's id (owned by the model; valid until the model changes).
 *   For a belief badge, the id of the first belief of the badge.
 * @holder: for a belief badge, the node id of the holder
 * @about: for a belief badge, the node id the beliefs are about
 * @handle: %TRUE when the point is on the connect handle of node @id
 */
typedef struct
{
  SamMapKind  kind;
  const char *id;
  const char *holder;
  const char *about;
  gboolean    handle;
} SamMapHit;

#define SAM_MAP_LABEL_MIN_PX 15.0

#define SAM_TYPE_MAP_RENDERER (sam_map_renderer_get_type ())

G_DECLARE_FINAL_TYPE (SamMapRenderer, sam_map_renderer, SAM, MAP_RENDERER, GObject)

guint           sam_map_palette_size                 (void);
void            sam_map_palette_get                  (guint            index,
                                                      double          *red,
                                                      double          *green,
                                                      double          *blue);
const char     *sam_map_palette_name                 (guint            index);

char           *sam_map_describe                     (SamMapModel     *model,
                                                      SamMapKind       kind,
                                                      const char      *id);

SamMapRenderer *sam_map_renderer_new                 (SamMapModel     *model);
SamMapModel    *sam_map_renderer_get_model           (SamMapRenderer  *self);
void            sam_map_renderer_set_model           (SamMapRenderer  *self,
                                                      SamMapModel     *model);
void            sam_map_renderer_set_catalog         (SamMapRenderer  *self,
                                                      SamCatalog      *catalog);
void            sam_map_renderer_set_dark            (SamMapRenderer  *self,
                                                      gboolean         dark);
gboolean        sam_map_renderer_get_dark            (SamMapRenderer  *self);
void            sam_map_renderer_set_show_legend     (SamMapRenderer  *self,
                                                      gboolean         show_legend);
void            sam_map_renderer_set_paint_background (SamMapRenderer *self,
                                                      gboolean         paint);
void            sam_map_renderer_draw_background     (SamMapRenderer  *self,
                                                      cairo_t         *cr);
void            sam_map_renderer_set_interactive     (SamMapRenderer  *self,
                                                      gboolean         interactive);
void            sam_map_renderer_set_show_callout    (SamMapRenderer  *self,
                                                      gboolean         show_callout);
void            sam_map_renderer_set_label_min_size  (SamMapRenderer  *self,
                                                      double           px);
void            sam_map_renderer_set_cache_scale     (SamMapRenderer  *self,
                                                      double           scale);
void            sam_map_renderer_set_drag_node       (SamMapRenderer  *self,
                                                      const char      *id);
void            sam_map_renderer_set_lazy_base       (SamMapRenderer  *self,
                                                      gboolean         lazy);
gboolean        sam_map_renderer_get_base_stale      (SamMapRenderer  *self);
void            sam_map_renderer_set_selection       (SamMapRenderer  *self,
                                                      SamMapKind       kind,
                                                      const char      *id);
void            sam_map_renderer_set_hover           (SamMapRenderer  *self,
                                                      SamMapKind       kind,
                                                      const char      *id);
void            sam_map_renderer_set_comparison      (SamMapRenderer  *self,
                                                      SamMapModel     *start);
void            sam_map_renderer_set_pending_connection (SamMapRenderer *self,
                                                         const char     *from_id,
                                                         double          x,
                                                         double          y);

void            sam_map_renderer_draw                (SamMapRenderer        *self,
                                                      cairo_t               *cr,
                                                      const SamMapTransform *transform,
                                                      double                 width,
                                                      double                 height);
void            sam_map_renderer_measure_legend      (SamMapRenderer  *self,
                                                      double           max_height,
                                                      double          *width,
                                                      double          *height);
void            sam_map_renderer_draw_legend         (SamMapRenderer  *self,
                                                      cairo_t         *cr,
                                                      double           x,
                                                      double           y,
                                                      double           max_height);
gboolean        sam_map_renderer_get_legend_area     (SamMapRenderer  *self,
                                                      double           width,
                                                      double           height,
                                                      SamMapRect      *area);
gboolean        sam_map_renderer_get_bounds          (SamMapRenderer  *self,
                                                      SamMapRect      *bounds);
void            sam_map_renderer_fit                 (SamMapRenderer        *self,
                                                      const SamMapRect      *viewport,
                                                      SamMapTransform       *transform);
gboolean        sam_map_renderer_hit_test            (SamMapRenderer        *self,
                                                      const SamMapTransform *transform,
                                                      double                 x,
                                                      double                 y,
                                                      SamMapHit             *hit);

G_END_DECLS
