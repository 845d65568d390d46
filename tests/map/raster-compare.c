/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "raster-compare.h"

/* Helpers of the raster tests, test-map-raster.c and test-map-raster-lines.c:
 * drawing the same pictures through SamMapRaster and with cairo, and
 * comparing them pixel by pixel (see raster-compare.h for the size of the
 * pictures and the tolerances). */

/* The colours of segments and triangles, by their index, in turn. */
static const double palette[][4] = {
  { 0.05, 0.10, 0.30, 1.00 },
  { 0.80, 0.10, 0.10, 0.60 },
  { 0.10, 0.50, 0.20, 0.85 },
};

/* Surfaces ---------------------------------------------------------------- */

cairo_surface_t *
raster_white_surface (int width,
                      int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Neither white nor uniform: mistakes in compositing show on it. */
cairo_surface_t *
raster_pattern_surface (int width,
                        int height)
{
  cairo_surface_t *surface = raster_white_surface (width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, width, height);

  cairo_pattern_add_color_stop_rgb (gradient, 0, 0.9, 0.8, 0.2);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 0.1, 0.6, 0.9);
  cairo_set_source (cr, gradient);
  cairo_paint (cr);
  cairo_pattern_destroy (gradient);

  cairo_set_source_rgba (cr, 0.3, 0.0, 0.4, 0.5);
  for (int x = 0; x < width; x += 14)
    cairo_rectangle (cr, x, 0, 5, height);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

cairo_surface_t *
raster_copy_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  cairo_surface_t *copy = cairo_image_surface_create (cairo_image_surface_get_format (surface),
                                                      width, height);

  cairo_surface_flush (surface);
  cairo_surface_flush (copy);
  for (int y = 0; y < height; y++)
    memcpy (cairo_image_surface_get_data (copy) + (gsize) y * cairo_image_surface_get_stride (copy),
            cairo_image_surface_get_data (surface) + (gsize) y * cairo_image_surface_get_stride (surface),
            (gsize) width * 4);
  cairo_surface_mark_dirty (copy);

  return copy;
}

/* A little picture with opaque, translucent and transparent pixels: a disc
 * with an anti-aliased rim (its middle rows have long opaque runs) and a
 * half transparent rectangle partly over it. */
cairo_surface_t *
raster_sprite_new (void)
{
  cairo_surface_t *sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 30, 22);
  cairo_t *cr = cairo_create (sprite);

  cairo_arc (cr, 11, 11, 9.3, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.85, 0.25, 0.1);
  cairo_fill (cr);
  cairo_rectangle (cr, 14, 3, 15, 12);
  cairo_set_source_rgba (cr, 0.1, 0.3, 0.9, 0.5);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (sprite);

  return sprite;
}

const guint8 *
raster_pixel_at (cairo_surface_t *surface,
                 int              x,
                 int              y)
{
  return cairo_image_surface_get_data (surface) +
         (gsize) y * cairo_image_surface_get_stride (surface) + (gsize) x * 4;
}

int
raster_pixel_difference (const guint8 *a,
                         const guint8 *b)
{
  int d = 0;

  for (int c = 0; c < 4; c++)
    d = MAX (d, abs (a[c] - b[c]));

  return d;
}

/* Comparing ---------------------------------------------------------------- */

/* @mask: (nullable): per pixel, 0 to count it apart in @diff->max_skipped
 *   and @diff->mismatched_skipped (it still counts in the mean) */
void
raster_compare_surfaces (cairo_surface_t *a,
                         cairo_surface_t *b,
                         cairo_surface_t *background,
                         const guint8    *mask,
                         Diff            *diff)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  double sum = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  g_assert_cmpint (cairo_image_surface_get_width (background), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (background), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  cairo_surface_flush (background);

  memset (diff, 0, sizeof *diff);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pa = raster_pixel_at (a, x, y), *pb = raster_pixel_at (b, x, y);
        const guint8 *bg = raster_pixel_at (background, x, y);
        int d = raster_pixel_difference (pa, pb);
        int da = raster_pixel_difference (pa, bg), db = raster_pixel_difference (pb, bg);
        gboolean mismatch = (da >= DRAWN && db <= UNTOUCHED) || (db >= DRAWN && da <= UNTOUCHED);

        if (da > UNTOUCHED || db > UNTOUCHED)
          {
            diff->changed++;
            sum += d;
          }

        if (mask != NULL && mask[(gsize) y * width + x] == 0)
          {
            diff->max_skipped = MAX (diff->max_skipped, d);
            diff->mismatched_skipped += mismatch;
            continue;
          }

        diff->mismatched += mismatch;
        if (d > diff->max)
          {
            diff->max = d;
            diff->max_x = x;
            diff->max_y = y;
          }
      }
  diff->mean = diff->changed > 0 ? sum / diff->changed : 0;
}

void
raster_report (const char *what,
               const Diff *diff)
{
  guint mismatched = diff->mismatched + diff->mismatched_skipped;

  g_test_message ("%s: max %d/255 at (%d, %d), %d/255 where left out; "
                  "mean %.2f over %u changed pixels; %u drawn by only one (%.2f%%), %u of them left out",
                  what, diff->max, diff->max_x, diff->max_y, diff->max_skipped,
                  diff->mean, diff->changed, mismatched,
                  diff->changed > 0 ? 100.0 * mismatched / diff->changed : 0.0,
                  diff->mismatched_skipped);
}

void
raster_assert_close (const char *what,
                     const Diff *diff,
                     int         max,
                     double      mean)
{
  raster_report (what, diff);
  g_assert_cmpuint (diff->changed, >, 100);
  g_assert_cmpint (diff->max, <=, max);
  g_assert_cmpfloat (diff->mean, <=, mean);
  g_assert_cmpfloat (diff->mismatched + diff->mismatched_skipped, <=, MISMATCH_TOLERANCE * diff->changed);
}

guint
raster_count_differences (cairo_surface_t *a,
                          cairo_surface_t *b,
                          int             *first_x,
                          int             *first_y)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (memcmp (raster_pixel_at (a, x, y), raster_pixel_at (b, x, y), 4) != 0 && n++ == 0)
        {
          *first_x = x;
          *first_y = y;
        }

  return n;
}

void
raster_assert_identical (const char      *what,
                         cairo_surface_t *a,
                         cairo_surface_t *b)
{
  int x = -1, y = -1;
  guint n = raster_count_differences (a, b, &x, &y);

  if (n > 0)
    g_test_message ("%s: %u pixels differ, the first at (%d, %d): %08x against %08x", what, n, x, y,
                    *(const guint32 *) raster_pixel_at (a, x, y),
                    *(const guint32 *) raster_pixel_at (b, x, y));
  g_assert_cmpuint (n, ==, 0);
}

/* Counts the pixels that differ from @background inside the rectangle
 * from (@x0, @y0) to (@x1, @y1), exclusive, and outside it. */
void
raster_count_changed (cairo_surface_t *surface,
                      cairo_surface_t *background,
                      int              x0,
                      int              y0,
                      int              x1,
                      int              y1,
                      guint           *inside,
                      guint           *outside)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);

  cairo_surface_flush (surface);
  *inside = *outside = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (memcmp (raster_pixel_at (surface, x, y), raster_pixel_at (background, x, y), 4) != 0)
        {
          if (x >= x0 && x < x1 && y >= y0 && y < y1)
            (*inside)++;
          else
            (*outside)++;
        }
}

/* Masks: one byte per pixel, 0 where the largest difference does not count. */

guint8 *
raster_mask_new (int width,
                 int height)
{
  guint8 *mask = g_malloc ((gsize) width * height);

  memset (mask, 1, (gsize) width * height);

  return mask;
}

void
raster_mask_disc (guint8 *mask,
                  int     width,
                  int     height,
                  double  cx,
                  double  cy,
                  double  radius)
{
  int left = MAX (0, (int) floor (cx - radius)), right = MIN (width - 1, (int) ceil (cx + radius));
  int top = MAX (0, (int) floor (cy - radius)), bottom = MIN (height - 1, (int) ceil (cy + radius));

  for (int y = top; y <= bottom; y++)
    for (int x = left; x <= right; x++)
      if (hypot (x + 0.5 - cx, y + 0.5 - cy) <= radius)
        mask[(gsize) y * width + x] = 0;
}

/* How far from an end the raster's end may differ from cairo's: its butt
 * end is cut across the axis it walks along, cairo's across the line, and
 * it covers whole pixel columns (these differences are measured apart, in
 * /map/raster/line/ends). */
double
raster_end_radius (double width)
{
  return width * 0.75 + 2;
}

/* Leaves out the ends of @segments, in user units times @scale plus
 * (@dx, @dy). */
void
raster_mask_segment_ends (guint8        *mask,
                          int            width,
                          int            height,
                          const Segment *segments,
                          guint          n,
                          double         scale,
                          double         dx,
                          double         dy)
{
  for (guint i = 0; i < n; i++)
    {
      const Segment *s = &segments[i];
      double r = raster_end_radius (s->width * scale);

      raster_mask_disc (mask, width, height, s->ax * scale + dx, s->ay * scale + dy, r);
      raster_mask_disc (mask, width, height, s->bx * scale + dx, s->by * scale + dy, r);
    }
}

/* Leaves out where the dashes of @s start and end: the raster switches a
 * dash on and off at whole pixel columns. */
void
raster_mask_dash_ends (guint8        *mask,
                       int            width,
                       int            height,
                       const Segment *s,
                       const double  *dash,
                       double         offset)
{
  double len = hypot (s->bx - s->ax, s->by - s->ay), period = dash[0] + dash[1];
  double ux = (s->bx - s->ax) / len, uy = (s->by - s->ay) / len;

  for (double base = -offset; base < len + period; base += period)
    for (int k = 0; k < 2; k++)
      {
        double t = base + (k == 0 ? 0 : dash[0]);

        if (t > 0 && t < len)
          raster_mask_disc (mask, width, height, s->ax + ux * t, s->ay + uy * t,
                            raster_end_radius (s->width));
      }
}

/* Drawing ----------------------------------------------------------------- */

SamMapRasterColor
raster_rgba (double red,
             double green,
             double blue,
             double alpha)
{
  SamMapRasterColor color;

  sam_map_raster_color (&color, red, green, blue, alpha);

  return color;
}

SamMapRasterColor
raster_palette_color (guint i)
{
  const double *p = palette[i % G_N_ELEMENTS (palette)];

  return raster_rgba (p[0], p[1], p[2], p[3]);
}

void
raster_set_palette_source (cairo_t *cr,
                           guint    i)
{
  const double *p = palette[i % G_N_ELEMENTS (palette)];

  cairo_set_source_rgba (cr, p[0], p[1], p[2], p[3]);
}

/* @cr: (nullable): a context to draw with, or %NULL for one on @surface */
void
raster_segments_raster (cairo_surface_t *surface,
                        cairo_t         *cr,
                        const Segment   *segments,
                        guint            n,
                        const double    *dash,
                        double           offset)
{
  cairo_t *own = cr == NULL ? cairo_create (surface) : NULL;
  SamMapRaster raster;

  g_assert_true (sam_map_raster_begin (&raster, own != NULL ? own : cr, NULL));
  for (guint i = 0; i < n; i++)
    {
      const Segment *s = &segments[i];
      SamMapRasterColor color = raster_palette_color (i);
      double o = offset;

      sam_map_raster_line (&raster, s->ax, s->ay, s->bx, s->by, s->width, &color,
                           dash, dash != NULL ? &o : NULL);
    }
  sam_map_raster_end (&raster);

  if (own != NULL)
    cairo_destroy (own);
}

/* The same as raster_segments_raster(), with cairo: the reference. */
void
raster_segments_cairo (cairo_surface_t *surface,
                       cairo_t         *cr,
                       const Segment   *segments,
                       guint            n,
                       const double    *dash,
                       double           offset)
{
  cairo_t *own = cr == NULL ? cairo_create (surface) : NULL;

  if (own != NULL)
    cr = own;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  if (dash != NULL)
    cairo_set_dash (cr, dash, 2, offset);
  for (guint i = 0; i < n; i++)
    {
      const Segment *s = &segments[i];

      raster_set_palette_source (cr, i);
      cairo_set_line_width (cr, s->width);
      cairo_move_to (cr, s->ax, s->ay);
      cairo_line_to (cr, s->bx, s->by);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  cairo_surface_flush (surface);

  if (own != NULL)
    cairo_destroy (own);
}

/* An arrow head: its tip at (@x, @y), pointing along @angle. */
void
raster_arrow_head (double  x,
                   double  y,
                   double  angle,
                   double  length,
                   double  half_width,
                   double *points)
{
  double ux = cos (angle), uy = sin (angle);

  points[0] = x;
  points[1] = y;
  points[2] = x - ux * length - uy * half_width;
  points[3] = y - uy * length + ux * half_width;
  points[4] = x - ux * length + uy * half_width;
  points[5] = y - uy * length - ux * half_width;
}
