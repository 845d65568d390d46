/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sam-map-raster.h"

G_BEGIN_DECLS

/* What the raster tests (test-map-raster.c and test-map-raster-lines.c)
 * share: the size and tolerances of their pictures, surfaces to draw on,
 * comparing a picture with cairo's pixel by pixel, masks of what a
 * comparison leaves out, and drawing the same segments with the raster and
 * with cairo.  Each function is documented in raster-compare.c. */

/* Most pictures: several bands of rows (sam-map-raster-private.h), the
 * last one short. */
#define WIDTH  400
#define HEIGHT 300

/* A pixel counts as drawn when some channel moved at least DRAWN from the
 * background, as untouched when none moved more than UNTOUCHED.  The raster
 * works out a line's coverage per pixel column (a triangle's per quarter
 * row), so cairo's faintest pixels, under an eighth covered, may stay
 * untouched: they do not count as a difference in coverage. */
#define DRAWN     32
#define UNTOUCHED 2

/* Lines and triangles: the largest difference of a pixel away from line
 * ends and dash ends.  The raster's coverage of a pixel that an edge crosses
 * can be off by up to an eighth (32/255); a thin line has two edges in one
 * pixel, crossing lines add up.  Measured: 42 to 48. */
#define EDGE_TOLERANCE 64
/* ... the mean difference over the pixels either picture changed, and the
 * share of pixels drawn by one and left untouched by the other */
#define MEAN_TOLERANCE     8.0
#define MISMATCH_TOLERANCE 0.02

typedef struct
{
  double ax, ay, bx, by;
  double width;
} Segment;

typedef struct
{
  int    max;                 /* largest channel difference, pixels compared */
  int    max_x, max_y;        /* where it is */
  int    max_skipped;         /* the same where the mask leaves pixels out */
  double mean;                /* mean difference over the pixels either changed */
  guint  changed;             /* pixels either picture changed */
  guint  mismatched;          /* pixels drawn by one, untouched by the other */
  guint  mismatched_skipped;  /* the same where the mask leaves pixels out */
} Diff;

/* Surfaces */
cairo_surface_t   *raster_white_surface      (int                width,
                                              int                height);
cairo_surface_t   *raster_pattern_surface    (int                width,
                                              int                height);
cairo_surface_t   *raster_copy_surface       (cairo_surface_t   *surface);
cairo_surface_t   *raster_sprite_new         (void);
const guint8      *raster_pixel_at           (cairo_surface_t   *surface,
                                              int                x,
                                              int                y);
int                raster_pixel_difference   (const guint8      *a,
                                              const guint8      *b);

/* Comparing */
void               raster_compare_surfaces   (cairo_surface_t   *a,
                                              cairo_surface_t   *b,
                                              cairo_surface_t   *background,
                                              const guint8      *mask,
                                              Diff              *diff);
void               raster_report             (const char        *what,
                                              const Diff        *diff);
void               raster_assert_close       (const char        *what,
                                              const Diff        *diff,
                                              int                max,
                                              double             mean);
guint              raster_count_differences  (cairo_surface_t   *a,
                                              cairo_surface_t   *b,
                                              int               *first_x,
                                              int               *first_y);
void               raster_assert_identical   (const char        *what,
                                              cairo_surface_t   *a,
                                              cairo_surface_t   *b);
void               raster_count_changed      (cairo_surface_t   *surface,
                                              cairo_surface_t   *background,
                                              int                x0,
                                              int                y0,
                                              int                x1,
                                              int                y1,
                                              guint             *inside,
                                              guint             *outside);

/* Masks */
guint8            *raster_mask_new           (int                width,
                                              int                height);
void               raster_mask_disc          (guint8            *mask,
                                              int                width,
                                              int                height,
                                              double             cx,
                                              double             cy,
                                              double             radius);
double             raster_end_radius         (double             width);
void               raster_mask_segment_ends  (guint8            *mask,
                                              int                width,
                                              int                height,
                                              const Segment     *segments,
                                              guint              n,
                                              double             scale,
                                              double             dx,
                                              double             dy);
void               raster_mask_dash_ends     (guint8            *mask,
                                              int                width,
                                              int                height,
                                              const Segment     *s,
                                              const double      *dash,
                                              double             offset);

/* Drawing */
SamMapRasterColor  raster_rgba               (double             red,
                                              double             green,
                                              double             blue,
                                              double             alpha);
SamMapRasterColor  raster_palette_color      (guint              i);
void               raster_set_palette_source (cairo_t           *cr,
                                              guint              i);
void               raster_segments_raster    (cairo_surface_t   *surface,
                                              cairo_t           *cr,
                                              const Segment     *segments,
                                              guint              n,
                                              const double      *dash,
                                              double             offset);
void               raster_segments_cairo     (cairo_surface_t   *surface,
                                              cairo_t           *cr,
                                              const Segment     *segments,
                                              guint              n,
                                              const double      *dash,
                                              double             offset);
void               raster_arrow_head         (double             x,
                                              double             y,
                                              double             angle,
                                              double             length,
                                              double             half_width,
                                              double            *points);

G_END_DECLS
