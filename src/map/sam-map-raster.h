/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A small software rasteriser for what cairo is slow at in a dense map:
 * a thousand thin anti-aliased lines and hundreds of small images on an
 * image surface.  Between sam_map_raster_begin() and sam_map_raster_end()
 * it only records; sam_map_raster_end() draws everything in horizontal
 * bands small enough to stay in the processor's cache, spread over a few
 * threads.  Each band keeps the recorded order, so the picture is the same
 * as drawing one thing after the other, whatever the number of threads. */

typedef struct _SamMapRasterQueue SamMapRasterQueue;

typedef struct
{
  cairo_surface_t   *surface;
  guint8            *data;
  int                stride;
  int                x0, y0, x1, y1;   /* clip, in pixels */
  double             scale;            /* user → pixel: x * scale + dx */
  double             dx, dy;
  SamMapRasterQueue *queue;
  gboolean           own_queue;
} SamMapRaster;

typedef struct
{
  guint8 r, g, b, a;                   /* premultiplied */
} SamMapRasterColor;

SamMapRasterQueue *sam_map_raster_queue_new  (void);
void               sam_map_raster_queue_free (SamMapRasterQueue *queue);

gboolean sam_map_raster_begin (SamMapRaster            *raster,
                               cairo_t                 *cr,
                               SamMapRasterQueue       *queue);
void     sam_map_raster_end   (SamMapRaster            *raster);
void     sam_map_raster_color (SamMapRasterColor       *color,
                               double                   red,
                               double                   green,
                               double                   blue,
                               double                   alpha);
void     sam_map_raster_fill  (SamMapRaster            *raster,
                               const SamMapRasterColor *color);
void     sam_map_raster_line  (SamMapRaster            *raster,
                               double                   ax,
                               double                   ay,
                               double                   bx,
                               double                   by,
                               double                   width,
                               const SamMapRasterColor *color,
                               const double            *dash,
                               double                  *dash_offset);
void     sam_map_raster_zigzag (SamMapRaster           *raster,
                                double                  ax,
                                double                  ay,
                                double                  bx,
                                double                  by,
                                double                  amplitude,
                                double                  period,
                                double                  width,
                                const SamMapRasterColor *color);
void     sam_map_raster_blit  (SamMapRaster            *raster,
                               cairo_surface_t         *sprite,
                               double                   x,
                               double                   y);
void     sam_map_raster_triangle (SamMapRaster          *raster,
                                  const double          *points,
                                  const SamMapRasterColor *color);

void     sam_map_raster_set_max_threads (guint          n_threads);
guint    sam_map_raster_get_max_threads (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMapRasterQueue, sam_map_raster_queue_free)

G_END_DECLS
