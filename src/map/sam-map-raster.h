/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A tiny software rasteriser for the one case cairo is slow at: hundreds
 * of long, thick, dashed lines on an image surface.  It writes straight
 * into the surface's pixels, anti-aliased across each line. */
typedef struct
{
  cairo_surface_t *surface;
  guint8          *data;
  int              stride;
  int              x0, y0, x1, y1;   /* clip, in pixels */
  double           dx, dy;           /* user → pixel translation */
} SamMapRaster;

typedef struct
{
  guint8 r, g, b, a;                 /* premultiplied */
} SamMapRasterColor;

gboolean sam_map_raster_begin (SamMapRaster            *raster,
                               cairo_t                 *cr);
void     sam_map_raster_end   (SamMapRaster            *raster);
void     sam_map_raster_color (SamMapRasterColor       *color,
                               double                   red,
                               double                   green,
                               double                   blue,
                               double                   alpha);
void     sam_map_raster_line  (SamMapRaster            *raster,
                               double                   ax,
                               double                   ay,
                               double                   bx,
                               double                   by,
                               double                   width,
                               const SamMapRasterColor *color,
                               const double            *dash,
                               double                  *dash_offset);

void     sam_map_raster_blit  (SamMapRaster            *raster,
                               cairo_surface_t         *sprite,
                               double                   x,
                               double                   y);

G_END_DECLS
