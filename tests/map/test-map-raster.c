/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sam-map-raster.h"

/* SamMapRaster against cairo: what the raster draws must land where cairo
 * puts it and look nearly the same, whatever the number of threads, the
 * clip or the scale.  Every picture is drawn twice, once through the raster
 * and once with cairo (or with the raster in another way), and compared
 * pixel by pixel; the figures go to the test log (run with --verbose). */

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

static const double palette[][4] = {
  { 0.05, 0.10, 0.30, 1.00 },
  { 0.80, 0.10, 0.10, 0.60 },
  { 0.10, 0.50, 0.20, 0.85 },
};

/* Surfaces ---------------------------------------------------------------- */

static cairo_surface_t *
white_surface (int width,
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
static cairo_surface_t *
pattern_surface (int width,
                 int height)
{
  cairo_surface_t *surface = white_surface (width, height);
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

static cairo_surface_t *
copy_surface (cairo_surface_t *surface)
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
static cairo_surface_t *
sprite_new (void)
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

static const guint8 *
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  return cairo_image_surface_get_data (surface) +
         (gsize) y * cairo_image_surface_get_stride (surface) + (gsize) x * 4;
}

static int
pixel_difference (const guint8 *a,
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
static void
compare_surfaces (cairo_surface_t *a,
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
        const guint8 *pa = pixel_at (a, x, y), *pb = pixel_at (b, x, y);
        const guint8 *bg = pixel_at (background, x, y);
        int d = pixel_difference (pa, pb);
        int da = pixel_difference (pa, bg), db = pixel_difference (pb, bg);
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

static void
report (const char *what,
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

static void
assert_close (const char *what,
              const Diff *diff,
              int         max,
              double      mean)
{
  report (what, diff);
  g_assert_cmpuint (diff->changed, >, 100);
  g_assert_cmpint (diff->max, <=, max);
  g_assert_cmpfloat (diff->mean, <=, mean);
  g_assert_cmpfloat (diff->mismatched + diff->mismatched_skipped, <=, MISMATCH_TOLERANCE * diff->changed);
}

static guint
count_differences (cairo_surface_t *a,
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
      if (memcmp (pixel_at (a, x, y), pixel_at (b, x, y), 4) != 0 && n++ == 0)
        {
          *first_x = x;
          *first_y = y;
        }

  return n;
}

static void
assert_identical (const char      *what,
                  cairo_surface_t *a,
                  cairo_surface_t *b)
{
  int x = -1, y = -1;
  guint n = count_differences (a, b, &x, &y);

  if (n > 0)
    g_test_message ("%s: %u pixels differ, the first at (%d, %d): %08x against %08x", what, n, x, y,
                    *(const guint32 *) pixel_at (a, x, y), *(const guint32 *) pixel_at (b, x, y));
  g_assert_cmpuint (n, ==, 0);
}

/* Counts the pixels that differ from @background inside the rectangle
 * from (@x0, @y0) to (@x1, @y1), exclusive, and outside it. */
static void
count_changed (cairo_surface_t *surface,
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
      if (memcmp (pixel_at (surface, x, y), pixel_at (background, x, y), 4) != 0)
        {
          if (x >= x0 && x < x1 && y >= y0 && y < y1)
            (*inside)++;
          else
            (*outside)++;
        }
}

/* Masks: one byte per pixel, 0 where the largest difference does not count. */

static guint8 *
mask_new (int width,
          int height)
{
  guint8 *mask = g_malloc ((gsize) width * height);

  memset (mask, 1, (gsize) width * height);

  return mask;
}

static void
mask_disc (guint8 *mask,
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
static double
end_radius (double width)
{
  return width * 0.75 + 2;
}

/* Leaves out the ends of @segments, in user units times @scale plus
 * (@dx, @dy). */
static void
mask_segment_ends (guint8        *mask,
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
      double r = end_radius (s->width * scale);

      mask_disc (mask, width, height, s->ax * scale + dx, s->ay * scale + dy, r);
      mask_disc (mask, width, height, s->bx * scale + dx, s->by * scale + dy, r);
    }
}

/* Leaves out where the dashes of @s start and end: the raster switches a
 * dash on and off at whole pixel columns. */
static void
mask_dash_ends (guint8        *mask,
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
          mask_disc (mask, width, height, s->ax + ux * t, s->ay + uy * t, end_radius (s->width));
      }
}

/* Drawing ----------------------------------------------------------------- */

static SamMapRasterColor
rgba (double red,
      double green,
      double blue,
      double alpha)
{
  SamMapRasterColor color;

  sam_map_raster_color (&color, red, green, blue, alpha);

  return color;
}

static SamMapRasterColor
palette_color (guint i)
{
  const double *p = palette[i % G_N_ELEMENTS (palette)];

  return rgba (p[0], p[1], p[2], p[3]);
}

static void
set_palette_source (cairo_t *cr,
                    guint    i)
{
  const double *p = palette[i % G_N_ELEMENTS (palette)];

  cairo_set_source_rgba (cr, p[0], p[1], p[2], p[3]);
}

/* @cr: (nullable): a context to draw with, or %NULL for one on @surface */
static void
raster_segments (cairo_surface_t *surface,
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
      SamMapRasterColor color = palette_color (i);
      double o = offset;

      sam_map_raster_line (&raster, s->ax, s->ay, s->bx, s->by, s->width, &color,
                           dash, dash != NULL ? &o : NULL);
    }
  sam_map_raster_end (&raster);

  if (own != NULL)
    cairo_destroy (own);
}

static void
cairo_segments (cairo_surface_t *surface,
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

      set_palette_source (cr, i);
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

/* The strokes sam_map_raster_zigzag() promises: MAX (len / (period / 2), 2)
 * of them, corners alternately @amplitude to either side of the axis (the
 * first on the side of the normal (−uy, ux), as the raster puts it), both
 * ends on the axis. */
static void
zigzag_strokes (SamMapRaster            *raster,
                double                   ax,
                double                   ay,
                double                   bx,
                double                   by,
                double                   amplitude,
                double                   period,
                double                   width,
                const SamMapRasterColor *color)
{
  double len = sqrt ((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
  double ux = (bx - ax) / len, uy = (by - ay) / len, x0 = ax, y0 = ay;
  guint teeth = MAX ((guint) (len / (period / 2)), 2);

  for (guint i = 1; i <= teeth; i++)
    {
      double t = (double) i / teeth * len;
      double side = i == teeth ? 0 : (i % 2) ? amplitude : -amplitude;
      double x1 = ax + ux * t - uy * side, y1 = ay + uy * t + ux * side;

      sam_map_raster_line (raster, x0, y0, x1, y1, width, color, NULL, NULL);
      x0 = x1;
      y0 = y1;
    }
}

/* An arrow head: its tip at (@x, @y), pointing along @angle. */
static void
arrow_head (double  x,
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

/* Many things of every kind, at random but always the same for @seed,
 * partly outside @width × @height. */
static void
draw_scene (SamMapRaster    *raster,
            guint32          seed,
            int              width,
            int              height,
            cairo_surface_t *sprite)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  static const double dash[2] = { 5, 3 };

  for (int i = 0; i < 500; i++)
    {
      int kind = g_rand_int_range (rand, 1, 20);
      double x = g_rand_double_range (rand, -40, width + 40);
      double y = g_rand_double_range (rand, -40, height + 40);
      double x2 = x + g_rand_double_range (rand, -250, 250);
      double y2 = y + g_rand_double_range (rand, -250, 250);
      double alpha = g_rand_boolean (rand) ? 1.0 : g_rand_double_range (rand, 0.15, 0.95);
      SamMapRasterColor color = rgba (g_rand_double (rand), g_rand_double (rand),
                                      g_rand_double (rand), alpha);

      if (i % 250 == 0)
        {
          SamMapRasterColor veil = rgba (1, 1, 0.9, 0.2);

          sam_map_raster_fill (raster, &veil);
        }
      else if (kind < 9)
        {
          sam_map_raster_line (raster, x, y, x2, y2, g_rand_double_range (rand, 0.8, 7), &color,
                               NULL, NULL);
        }
      else if (kind < 11)
        {
          double offset = g_rand_double_range (rand, 0, 8);

          sam_map_raster_line (raster, x, y, x2, y2, g_rand_double_range (rand, 1, 3), &color,
                               dash, &offset);
        }
      else if (kind < 13)
        {
          sam_map_raster_zigzag (raster, x, y, x2, y2, g_rand_double_range (rand, 2, 9),
                                 g_rand_double_range (rand, 6, 16), g_rand_double_range (rand, 1, 3),
                                 &color);
        }
      else if (kind < 16)
        {
          sam_map_raster_blit (raster, sprite, floor (x), floor (y));
        }
      else
        {
          double points[6];

          if (kind < 19)
            {
              arrow_head (x, y, g_rand_double_range (rand, 0, 2 * G_PI), 16, 6, points);
            }
          else
            {
              points[0] = x;
              points[1] = y;
              points[2] = x2;
              points[3] = y2;
              points[4] = g_rand_double_range (rand, -40, width + 40);
              points[5] = g_rand_double_range (rand, -40, height + 40);
            }
          sam_map_raster_triangle (raster, points, &color);
        }
    }
}

static void
raster_scene (cairo_surface_t   *surface,
              SamMapRasterQueue *queue,
              guint32            seed,
              cairo_surface_t   *sprite)
{
  cairo_t *cr = cairo_create (surface);
  SamMapRaster raster;

  g_assert_true (sam_map_raster_begin (&raster, cr, queue));
  draw_scene (&raster, seed, cairo_image_surface_get_width (surface),
              cairo_image_surface_get_height (surface), sprite);
  sam_map_raster_end (&raster);
  cairo_destroy (cr);
}

/* Lines ------------------------------------------------------------------- */

static const Segment lines[] = {
  { 20, 20.5, 180, 20.5, 1.2 },        /* flat */
  { 20, 30, 180, 30, 2 },
  { 20.3, 40.7, 180.6, 45.2, 1.5 },    /* nearly horizontal */
  { 200, 20, 210, 140, 1.5 },          /* steep */
  { 220.5, 10, 221.5, 140, 2 },        /* nearly vertical */
  { 240, 10, 360, 130, 2 },            /* 45° */
  { 380, 140, 250, 20, 3.5 },          /* right to left, bottom to top */
  { 20, 100, 180, 60, 3.5 },
  { 180, 140, 20, 110, 6 },            /* right to left, wide */
  { 30, 290, 120, 160, 6 },            /* bottom to top, wide */
  { 60.5, 170, 60.5, 280, 3.5 },       /* vertical */
  { 250, 290, 290, 250, 1.2 },         /* 45°, upwards */
  { -30, 200, 430, 230, 1.5 },         /* through both sides */
  { 150, -20, 190, 320, 2 },           /* through top and bottom, every band */
  { 390, 290, 200, 170, 1.2 },
  { 300, 310, 420, 150, 3.5 },         /* from below to the right of the surface */
  { -20, -20, 120, 330, 1.5 },         /* corner to corner, outside */
};

static void
test_line_cairo (void)
{
  cairo_surface_t *background = white_surface (WIDTH, HEIGHT);
  cairo_surface_t *raster = white_surface (WIDTH, HEIGHT);
  cairo_surface_t *reference = white_surface (WIDTH, HEIGHT);
  g_autofree guint8 *mask = mask_new (WIDTH, HEIGHT);
  Diff diff;

  raster_segments (raster, NULL, lines, G_N_ELEMENTS (lines), NULL, 0);
  cairo_segments (reference, NULL, lines, G_N_ELEMENTS (lines), NULL, 0);
  mask_segment_ends (mask, WIDTH, HEIGHT, lines, G_N_ELEMENTS (lines), 1, 0, 0);

  compare_surfaces (raster, reference, background, mask, &diff);
  assert_close ("lines", &diff, EDGE_TOLERANCE, MEAN_TOLERANCE);

  /* every line alone: none is left out or drawn somewhere else */
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      cairo_surface_t *one = white_surface (WIDTH, HEIGHT), *one_cairo = white_surface (WIDTH, HEIGHT);
      g_autofree guint8 *one_mask = mask_new (WIDTH, HEIGHT);
      g_autofree char *what = g_strdup_printf ("line %u", i);

      raster_segments (one, NULL, &lines[i], 1, NULL, 0);
      cairo_segments (one_cairo, NULL, &lines[i], 1, NULL, 0);
      mask_segment_ends (one_mask, WIDTH, HEIGHT, &lines[i], 1, 1, 0, 0);
      compare_surfaces (one, one_cairo, background, one_mask, &diff);
      report (what, &diff);
      g_assert_cmpuint (diff.changed, >, 100);
      g_assert_cmpint (diff.max, <=, EDGE_TOLERANCE);
      g_assert_cmpfloat (diff.mismatched, <=, MISMATCH_TOLERANCE * diff.changed);

      cairo_surface_destroy (one);
      cairo_surface_destroy (one_cairo);
    }

  cairo_surface_destroy (background);
  cairo_surface_destroy (raster);
  cairo_surface_destroy (reference);
}

/* Lines whose ends are inside the picture, at whole pixels along the axis
 * the raster walks: there its butt ends can be exact. */
static const Segment end_lines[] = {
  { 20, 20.5, 180, 20.5, 1.2 },        /* flat */
  { 180, 50, 20, 50, 3.5 },            /* flat, right to left */
  { 200.5, 20, 200.5, 140, 1.5 },      /* vertical */
  { 250, 140, 250, 20, 6 },            /* vertical, bottom to top */
  { 20, 100, 180, 140, 2 },            /* shallow */
  { 300, 20, 340, 140, 3.5 },          /* steep */
  { 40, 160, 160, 280, 6 },            /* 45° */
  { 380, 160, 260, 280, 2 },           /* 45°, right to left */
};

/* How much is drawn within @radius of (@cx, @cy): the largest channel
 * difference from @background, summed, in fully covered pixels of an
 * opaque black line on white. */
static double
ink_near (cairo_surface_t *surface,
          cairo_surface_t *background,
          double           cx,
          double           cy,
          double           radius)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  double sum = 0;

  cairo_surface_flush (surface);
  for (int y = MAX (0, (int) floor (cy - radius)); y <= MIN (height - 1, (int) ceil (cy + radius)); y++)
    for (int x = MAX (0, (int) floor (cx - radius)); x <= MIN (width - 1, (int) ceil (cx + radius)); x++)
      if (hypot (x + 0.5 - cx, y + 0.5 - cy) <= radius)
        sum += pixel_difference (pixel_at (surface, x, y), pixel_at (background, x, y));

  return sum / 255;
}

static void
test_line_ends (void)
{
  cairo_surface_t *background = white_surface (WIDTH, HEIGHT);
  SamMapRasterColor black = rgba (0, 0, 0, 1);

  for (guint i = 0; i < G_N_ELEMENTS (end_lines); i++)
    {
      const Segment *s = &end_lines[i];
      cairo_surface_t *raster = white_surface (WIDTH, HEIGHT), *reference = white_surface (WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (raster);
      double dx = fabs (s->bx - s->ax), dy = fabs (s->by - s->ay);
      /* the ink of one step along the walk: a pixel column (row) of the line */
      double column = s->width * hypot (dx, dy) / MAX (dx, dy);
      double radius = end_radius (s->width) + 1;
      gboolean straight = dx == 0 || dy == 0;
      /* the end the raster's walk finishes at: the larger x (y when steep) */
      gboolean b_last = dx >= dy ? s->bx > s->ax : s->by > s->ay;
      double at_a, at_b, first, last;
      SamMapRaster r;
      Diff diff;

      g_assert_true (sam_map_raster_begin (&r, cr, NULL));
      sam_map_raster_line (&r, s->ax, s->ay, s->bx, s->by, s->width, &black, NULL, NULL);
      sam_map_raster_end (&r);
      cairo_destroy (cr);

      cr = cairo_create (reference);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_width (cr, s->width);
      cairo_move_to (cr, s->ax, s->ay);
      cairo_line_to (cr, s->bx, s->by);
      cairo_stroke (cr);
      cairo_destroy (cr);

      /* Where the raster cuts an end across its walk and cairo across the
       * line, one leaves out the area the other adds: the ink around each
       * end matches, measured in pixel columns of the line. */
      at_a = (ink_near (raster, background, s->ax, s->ay, radius) -
              ink_near (reference, background, s->ax, s->ay, radius)) / column;
      at_b = (ink_near (raster, background, s->bx, s->by, radius) -
              ink_near (reference, background, s->bx, s->by, radius)) / column;
      first = b_last ? at_a : at_b;
      last = b_last ? at_b : at_a;
      compare_surfaces (raster, reference, background, NULL, &diff);
      g_test_message ("end line %u: %+.3f and %+.3f pixel columns of ink against cairo "
                      "where the walk starts and ends; max %d/255 at (%d, %d)",
                      i, first, last, diff.max, diff.max_x, diff.max_y);

      /* The walk covers the columns whose centres lie in [start, end):
       * neither end may gain or lose a column (it once gained one at the
       * end with the larger coordinate). */
      g_assert_cmpfloat (fabs (first), <=, 0.15);
      g_assert_cmpfloat (fabs (last), <=, 0.15);
      if (straight)
        g_assert_cmpint (diff.max, <=, 8);

      cairo_surface_destroy (raster);
      cairo_surface_destroy (reference);
    }

  cairo_surface_destroy (background);
}

/* Dashes ------------------------------------------------------------------ */

/* Dashed lines: like solid ones away from dash ends (left out by the
 * mask); the mean, over dash ends too, is looser. */
static void
assert_dashes (const char *what,
               const Diff *diff)
{
  report (what, diff);
  g_assert_cmpuint (diff->changed, >, 100);
  g_assert_cmpint (diff->max, <=, EDGE_TOLERANCE);
  g_assert_cmpfloat (diff->mean, <=, 32);
  g_assert_cmpfloat (diff->mismatched, <=, MISMATCH_TOLERANCE * diff->changed);
}

/* The raster switches a dash on at the first pixel column whose middle is
 * past its start, so around each end of a dash of @s the ink differs from
 * cairo's by at most half a column.  Dash ends within @margin of the
 * segment's ends are left alone.
 *
 * Returns: the largest difference, in pixel columns of the line */
static double
dash_end_error (cairo_surface_t *raster,
                cairo_surface_t *reference,
                cairo_surface_t *background,
                const Segment   *s,
                const double    *dash,
                double           offset,
                double           margin)
{
  double len = hypot (s->bx - s->ax, s->by - s->ay), period = dash[0] + dash[1];
  double ux = (s->bx - s->ax) / len, uy = (s->by - s->ay) / len;
  double column = s->width * len / MAX (fabs (s->bx - s->ax), fabs (s->by - s->ay));
  double worst = 0;

  for (double base = -offset; base < len + period; base += period)
    for (int k = 0; k < 2; k++)
      {
        double t = base + (k == 0 ? 0 : dash[0]), x = s->ax + ux * t, y = s->ay + uy * t;

        /* a radius of 2 stays clear of the neighbouring dash ends */
        if (t > margin && t < len - margin && x >= 2 && x <= WIDTH - 2 && y >= 2 && y <= HEIGHT - 2)
          worst = MAX (worst, fabs (ink_near (raster, background, x, y, 2) -
                                    ink_near (reference, background, x, y, 2)) / column);
      }

  return worst;
}

static const Segment dash_lines[] = {
  { 20, 20.5, 380, 20.5, 1.5 },
  { 380, 40, 20, 52, 2 },              /* right to left */
  { 30, 290, 60, 70, 2 },              /* bottom to top, steep */
  { 100, 80, 300, 280, 3.5 },          /* 45°, across bands */
  { -20, 290, 420, 120, 1.5 },         /* through both sides */
  { 340, -10, 300, 310, 1.2 },         /* through top and bottom */
};

static void
test_line_dash (void)
{
  static const double dash[2] = { 6, 4 };
  const double offset = 3.5;
  cairo_surface_t *background = white_surface (WIDTH, HEIGHT);
  cairo_surface_t *raster = white_surface (WIDTH, HEIGHT);
  cairo_surface_t *reference = white_surface (WIDTH, HEIGHT);
  g_autofree guint8 *mask = mask_new (WIDTH, HEIGHT);
  double worst = 0, total, total_cairo;
  Diff diff;

  raster_segments (raster, NULL, dash_lines, G_N_ELEMENTS (dash_lines), dash, offset);
  cairo_segments (reference, NULL, dash_lines, G_N_ELEMENTS (dash_lines), dash, offset);
  mask_segment_ends (mask, WIDTH, HEIGHT, dash_lines, G_N_ELEMENTS (dash_lines), 1, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (dash_lines); i++)
    mask_dash_ends (mask, WIDTH, HEIGHT, &dash_lines[i], dash, offset);

  /* The raster switches dashes on and off at whole pixel columns, without
   * anti-aliasing, so near dash ends pixels differ by up to 255: there
   * the ink must match to half a column.  Along the dashes and the gaps
   * the picture must match as a solid line's does. */
  compare_surfaces (raster, reference, background, mask, &diff);
  assert_dashes ("dashed lines", &diff);
  for (guint i = 0; i < G_N_ELEMENTS (dash_lines); i++)
    worst = MAX (worst, dash_end_error (raster, reference, background, &dash_lines[i], dash, offset,
                                        end_radius (dash_lines[i].width) + 2));
  g_test_message ("dashed lines: the ink around a dash end differs by at most %.2f pixel columns", worst);
  g_assert_cmpfloat (worst, <=, 0.6);
  total = ink_near (raster, background, WIDTH / 2, HEIGHT / 2, WIDTH);
  total_cairo = ink_near (reference, background, WIDTH / 2, HEIGHT / 2, WIDTH);
  g_test_message ("dashed lines: %.1f pixels of ink, cairo's %.1f", total, total_cairo);
  g_assert_cmpfloat (fabs (total - total_cairo), <=, 0.02 * total_cairo);

  /* the offset is honoured: with another one the picture is not cairo's */
  cairo_surface_destroy (raster);
  raster = white_surface (WIDTH, HEIGHT);
  raster_segments (raster, NULL, dash_lines, G_N_ELEMENTS (dash_lines), dash, offset + 5);
  compare_surfaces (raster, reference, background, mask, &diff);
  report ("dashed lines, offset by half a period", &diff);
  g_assert_cmpuint (diff.mismatched + diff.mismatched_skipped, >, diff.changed / 4);

  cairo_surface_destroy (background);
  cairo_surface_destroy (raster);
  cairo_surface_destroy (reference);
}

/* Draws a dashed polyline through @points one segment at a time, each from
 * the offset the one before returned (or from @start again), which it
 * checks; stores where each segment started in @offsets. */
static void
raster_polyline (cairo_surface_t *surface,
                 const double     points[][2],
                 guint            n,
                 double           width,
                 const double    *dash,
                 double           start,
                 gboolean         keep_rhythm,
                 double          *offsets)
{
  SamMapRasterColor color = palette_color (0);
  cairo_t *cr = cairo_create (surface);
  double offset = start, expected = start;
  SamMapRaster r;

  g_assert_true (sam_map_raster_begin (&r, cr, NULL));
  for (guint i = 0; i + 1 < n; i++)
    {
      if (!keep_rhythm)
        offset = expected = start;
      if (offsets != NULL)
        offsets[i] = offset;

      sam_map_raster_line (&r, points[i][0], points[i][1], points[i + 1][0], points[i + 1][1], width,
                           &color, dash, &offset);
      expected = fmod (expected + hypot (points[i + 1][0] - points[i][0], points[i + 1][1] - points[i][1]),
                       dash[0] + dash[1]);
      g_assert_cmpfloat_with_epsilon (offset, expected, 1e-9);
    }
  sam_map_raster_end (&r);
  cairo_destroy (cr);
}

/* A dashed polyline drawn one segment at a time keeps its rhythm through
 * the returned offset, as cairo's one dashed path does. */
static void
test_line_dash_polyline (void)
{
  static const double dash[2] = { 7, 3 };
  static const double points[][2] = { { 20, 200 }, { 200, 250 }, { 120, 120 }, { 380, 40 }, { 390, 290 } };
  const guint n = G_N_ELEMENTS (points);
  const double width = 2, start = 2;
  cairo_surface_t *background = white_surface (WIDTH, HEIGHT);
  cairo_surface_t *raster = white_surface (WIDTH, HEIGHT);
  cairo_surface_t *reference = white_surface (WIDTH, HEIGHT);
  g_autofree guint8 *mask = mask_new (WIDTH, HEIGHT);
  double offsets[G_N_ELEMENTS (points) - 1], worst = 0;
  cairo_t *cr;
  Diff diff;

  raster_polyline (raster, points, n, width, dash, start, TRUE, offsets);

  cr = cairo_create (reference);
  set_palette_source (cr, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dash, 2, start);
  cairo_move_to (cr, points[0][0], points[0][1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, points[i][0], points[i][1]);
  cairo_stroke (cr);
  cairo_destroy (cr);

  for (guint i = 0; i + 1 < n; i++)
    {
      Segment s = { points[i][0], points[i][1], points[i + 1][0], points[i + 1][1], width };

      mask_dash_ends (mask, WIDTH, HEIGHT, &s, dash, offsets[i]);
      /* the corners: cairo joins the segments there (bevelled) */
      mask_disc (mask, WIDTH, HEIGHT, s.ax, s.ay, 2 * width + 2);
      mask_disc (mask, WIDTH, HEIGHT, s.bx, s.by, 2 * width + 2);
      worst = MAX (worst, dash_end_error (raster, reference, background, &s, dash, offsets[i], 2 * width + 4));
    }

  compare_surfaces (raster, reference, background, mask, &diff);
  assert_dashes ("dashed polyline", &diff);
  g_test_message ("dashed polyline: the ink around a dash end differs by at most %.2f pixel columns", worst);
  g_assert_cmpfloat (worst, <=, 0.6);

  /* starting every segment afresh breaks the rhythm: then it is not cairo's */
  cairo_surface_destroy (raster);
  raster = white_surface (WIDTH, HEIGHT);
  raster_polyline (raster, points, n, width, dash, start, FALSE, NULL);
  compare_surfaces (raster, reference, background, mask, &diff);
  report ("dashed polyline, every segment from the same offset", &diff);
  g_assert_cmpint (diff.max, >, EDGE_TOLERANCE);

  cairo_surface_destroy (background);
  cairo_surface_destroy (raster);
  cairo_surface_destroy (reference);
}

/* Threads ----------------------------------------------------------------- */

static void
test_threads (void)
{
  cairo_surface_t *sprite = sprite_new ();
  cairo_surface_t *background = white_surface (640, 480);
  cairo_surface_t *one = white_surface (640, 480);
  guint inside = 0, outside = 0;

  sam_map_raster_set_max_threads (1);
  g_assert_cmpuint (sam_map_raster_get_max_threads (), ==, 1);
  raster_scene (one, NULL, 42, sprite);
  count_changed (one, background, 0, 0, 640, 480, &inside, &outside);
  g_test_message ("the scene changes %u of %u pixels", inside, 640 * 480);
  g_assert_cmpuint (inside, >, 640 * 480 / 4);

  for (guint n = 2; n <= 4; n++)
    {
      cairo_surface_t *many = white_surface (640, 480);
      g_autofree char *what = g_strdup_printf ("%u threads", n);

      sam_map_raster_set_max_threads (n);
      g_assert_cmpuint (sam_map_raster_get_max_threads (), ==, n);
      for (int round = 0; round < 3; round++)
        {
          raster_scene (many, NULL, 42, sprite);
          assert_identical (what, one, many);
          cairo_surface_destroy (many);
          many = white_surface (640, 480);
        }
      cairo_surface_destroy (many);
    }

  sam_map_raster_set_max_threads (0);
  g_assert_cmpuint (sam_map_raster_get_max_threads (), >=, 1);
  g_assert_cmpuint (sam_map_raster_get_max_threads (), <=, 4);

  cairo_surface_destroy (sprite);
  cairo_surface_destroy (background);
  cairo_surface_destroy (one);
}

/* Zigzags ----------------------------------------------------------------- */

typedef struct
{
  double ax, ay, bx, by;
  double amplitude, period, width;
} Zigzag;

static void
test_zigzag (void)
{
  /* amplitudes and widths are whole or halves: the raster keeps them as
   * floats, the strokes get them as doubles */
  static const Zigzag zigzags[] = {
    { 20, 50, 380, 50, 4, 10, 1.5 },           /* flat, inside one band */
    { 20, 47, 380, 49, 4, 10, 1.5 },           /* flat, on a band boundary */
    { 200, 10, 205, 290, 5, 12, 2 },           /* nearly vertical, every band */
    { 30, 280, 370, 20, 3.5, 8, 1.5 },         /* rising, across bands */
    { 390, 150, 10, 100, 6, 14, 2.5 },         /* right to left */
    { 250, 20, 150, 290, 20, 30, 3 },          /* teeth taller than a band */
    { -50, 200, 250, 340, 6, 14, 2 },          /* partly outside, left and below */
    { 300, 40, 450, -60, 5, 11, 1.5 },         /* partly outside, right and above */
    { 100, 140, 130, 141, 3, 40, 2 },          /* shorter than a period: two strokes */
    { 20, 100, 380, 140, 15, 20, 2 },          /* shallow, teeth across bands */
    { 40, 250, 360, 150, -4, 10, 1.5 },        /* corners on the other sides */
    { 20, 100, 380, 140, -15, 20, 2 },
  };
  cairo_surface_t *background = white_surface (WIDTH, HEIGHT);

  for (guint i = 0; i < G_N_ELEMENTS (zigzags); i++)
    {
      const Zigzag *z = &zigzags[i];
      cairo_surface_t *whole = white_surface (WIDTH, HEIGHT), *strokes = white_surface (WIDTH, HEIGHT);
      SamMapRasterColor color = palette_color (i);
      g_autofree char *what = g_strdup_printf ("zigzag %u", i);
      cairo_t *cr = cairo_create (whole);
      guint inside, outside;
      SamMapRaster r;

      g_assert_true (sam_map_raster_begin (&r, cr, NULL));
      sam_map_raster_zigzag (&r, z->ax, z->ay, z->bx, z->by, z->amplitude, z->period, z->width, &color);
      sam_map_raster_end (&r);
      cairo_destroy (cr);

      cr = cairo_create (strokes);
      g_assert_true (sam_map_raster_begin (&r, cr, NULL));
      zigzag_strokes (&r, z->ax, z->ay, z->bx, z->by, z->amplitude, z->period, z->width, &color);
      sam_map_raster_end (&r);
      cairo_destroy (cr);

      count_changed (whole, background, 0, 0, WIDTH, HEIGHT, &inside, &outside);
      g_test_message ("%s: %u pixels drawn", what, inside);
      g_assert_cmpuint (inside, >, 50);
      assert_identical (what, whole, strokes);

      cairo_surface_destroy (whole);
      cairo_surface_destroy (strokes);
    }

  cairo_surface_destroy (background);
}

/* Images ------------------------------------------------------------------ */

/* Blits @sprite at each of @positions with the raster on one copy of a
 * patterned background, paints it there with cairo on another; both within
 * @clip (x, y, width, height) if not %NULL. */
static void
compare_blits (const char      *what,
               cairo_surface_t *sprite,
               const double    *positions,
               guint            n,
               const int       *clip)
{
  cairo_surface_t *background = pattern_surface (WIDTH, HEIGHT);
  cairo_surface_t *raster = copy_surface (background), *reference = copy_surface (background);
  cairo_t *cr = cairo_create (raster);
  guint inside, outside;
  SamMapRaster r;
  Diff diff;

  if (clip != NULL)
    {
      cairo_rectangle (cr, clip[0], clip[1], clip[2], clip[3]);
      cairo_clip (cr);
    }
  g_assert_true (sam_map_raster_begin (&r, cr, NULL));
  for (guint i = 0; i < n; i++)
    sam_map_raster_blit (&r, sprite, positions[2 * i], positions[2 * i + 1]);
  sam_map_raster_end (&r);
  cairo_destroy (cr);

  cr = cairo_create (reference);
  if (clip != NULL)
    {
      cairo_rectangle (cr, clip[0], clip[1], clip[2], clip[3]);
      cairo_clip (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      cairo_set_source_surface (cr, sprite, round (positions[2 * i]), round (positions[2 * i + 1]));
      cairo_paint (cr);
    }
  cairo_destroy (cr);

  compare_surfaces (raster, reference, background, NULL, &diff);
  report (what, &diff);
  g_assert_cmpuint (diff.changed, >, 100);
  g_assert_cmpint (diff.max, <=, 2);
  g_assert_cmpuint (diff.mismatched, ==, 0);

  if (clip != NULL)
    {
      count_changed (raster, background, clip[0], clip[1], clip[0] + clip[2], clip[1] + clip[3],
                     &inside, &outside);
      g_assert_cmpuint (outside, ==, 0);
    }

  cairo_surface_destroy (background);
  cairo_surface_destroy (raster);
  cairo_surface_destroy (reference);
}

static void
test_blit (void)
{
  /* whole pixels, across band boundaries, overlapping; then
   * fractional ones, which land on the nearest whole pixel */
  static const double whole[] = { 13, 17, 100, 50, 110, 58, 200, 120, 370, 278 };
  static const double fractional[] = { 10.4, 20.6, 150.7, 90.2, 300.2, 60.9 };
  cairo_surface_t *sprite = sprite_new ();
  guint opaque = 0, translucent = 0, transparent = 0;

  /* the sprite has all three kinds of pixels */
  for (int y = 0; y < cairo_image_surface_get_height (sprite); y++)
    for (int x = 0; x < cairo_image_surface_get_width (sprite); x++)
      {
        guint8 a = pixel_at (sprite, x, y)[3];

        if (a == 255)
          opaque++;
        else if (a == 0)
          transparent++;
        else
          translucent++;
      }
  g_assert_cmpuint (opaque, >, 100);
  g_assert_cmpuint (translucent, >, 50);
  g_assert_cmpuint (transparent, >, 50);

  compare_blits ("blits", sprite, whole, G_N_ELEMENTS (whole) / 2, NULL);
  compare_blits ("blits at fractions", sprite, fractional, G_N_ELEMENTS (fractional) / 2, NULL);

  cairo_surface_destroy (sprite);
}

/* A surface inside a bigger buffer whose margins should never change: the
 * rows above and below it and the bytes left and right of every row. */
#define GUARD_ROWS  8
#define GUARD_BYTES 64
#define GUARD_VALUE 0xa5

typedef struct
{
  guint8          *buffer;
  gsize            size;
  int              stride;
  int              width, height;
  cairo_surface_t *surface;
} Guarded;

static void
guarded_init (Guarded *g,
              int      width,
              int      height)
{
  cairo_t *cr;

  g->width = width;
  g->height = height;
  g->stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width) + 2 * GUARD_BYTES;
  g->size = (gsize) g->stride * (height + 2 * GUARD_ROWS);
  g->buffer = g_malloc (g->size);
  memset (g->buffer, GUARD_VALUE, g->size);
  g->surface = cairo_image_surface_create_for_data (g->buffer + (gsize) GUARD_ROWS * g->stride + GUARD_BYTES,
                                                    CAIRO_FORMAT_ARGB32, width, height, g->stride);
  g_assert_cmpint (cairo_surface_status (g->surface), ==, CAIRO_STATUS_SUCCESS);

  cr = cairo_create (g->surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (g->surface);
}

/* Returns: how many bytes of the margins changed */
static gsize
guarded_clear (Guarded *g)
{
  gsize changed = 0;

  cairo_surface_flush (g->surface);
  for (gsize i = 0; i < g->size; i++)
    {
      gsize row = i / g->stride, col = i % g->stride;
      gboolean inside = row >= GUARD_ROWS && row < (gsize) (GUARD_ROWS + g->height) &&
                        col >= GUARD_BYTES && col < (gsize) GUARD_BYTES + (gsize) g->width * 4;

      if (!inside && g->buffer[i] != GUARD_VALUE)
        changed++;
    }

  cairo_surface_destroy (g->surface);
  g_free (g->buffer);

  return changed;
}

static void
test_blit_edges (void)
{
  /* across each edge and corner, and wholly outside */
  static const double positions[] = {
    -7, 100, 388, 120, 150, -9, 160, 290,
    -12, -5, 385, -10, -20, 287, 391, 293,
    -30, 150, 400, 10, 20, -22, 60, 300,
  };
  /* across the edges of a clip in the middle of the surface */
  static const double clipped[] = {
    90, 100, 290, 120, 150, 50, 160, 200,
    88, 52, 285, 55, 85, 200, 291, 199,
  };
  static const int clip[] = { 100, 60, 200, 150 };
  cairo_surface_t *sprite = sprite_new ();
  cairo_surface_t *plain = white_surface (WIDTH, HEIGHT);
  Guarded g;
  cairo_t *cr;
  SamMapRaster r;

  compare_blits ("blits at the edges", sprite, positions, G_N_ELEMENTS (positions) / 2, NULL);
  compare_blits ("blits at the edges of a clip", sprite, clipped, G_N_ELEMENTS (clipped) / 2, clip);

  /* nothing around the surface is written, and the surface itself gets
   * what a surface of its own gets */
  guarded_init (&g, WIDTH, HEIGHT);
  for (int k = 0; k < 2; k++)
    {
      cr = cairo_create (k == 0 ? g.surface : plain);
      g_assert_true (sam_map_raster_begin (&r, cr, NULL));
      for (guint i = 0; i < G_N_ELEMENTS (positions) / 2; i++)
        sam_map_raster_blit (&r, sprite, positions[2 * i], positions[2 * i + 1]);
      sam_map_raster_end (&r);
      cairo_destroy (cr);
    }
  assert_identical ("blits in a guarded buffer", g.surface, plain);
  g_assert_cmpuint (guarded_clear (&g), ==, 0);

  cairo_surface_destroy (sprite);
  cairo_surface_destroy (plain);
}

/* Clip and bounds --------------------------------------------------------- */

typedef enum
{
  OP_FILL,
  OP_FILL_TRANSLUCENT,
  OP_LINE,
  OP_DASH,
  OP_ZIGZAG,
  OP_BLIT,
  OP_TRIANGLE,
  N_OPS
} OpKind;

static const char *const op_names[] = {
  "fill", "translucent fill", "line", "dashed line", "zigzag", "blit", "triangle",
};

/* Things of @kind across every edge of the rectangle (@x0, @y0)–(@x1, @y1)
 * and through it. */
static void
draw_across (SamMapRaster    *r,
             OpKind           kind,
             cairo_surface_t *sprite,
             double           x0,
             double           y0,
             double           x1,
             double           y1)
{
  static const double dash[2] = { 4, 2 };
  SamMapRasterColor opaque = rgba (0.1, 0.2, 0.6, 1), translucent = rgba (0.9, 0.1, 0.1, 0.5);
  double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  /* from well outside each edge and corner to the middle and beyond */
  const double from[][2] = {
    { x0 - 30, cy + 5 }, { x1 + 30, cy - 7 }, { cx - 11, y0 - 30 }, { cx + 13, y1 + 30 },
    { x0 - 25, y0 - 20 }, { x1 + 25, y0 - 15 }, { x0 - 20, y1 + 25 }, { x1 + 15, y1 + 20 },
  };

  switch (kind)
    {
    case OP_FILL:
      sam_map_raster_fill (r, &opaque);
      return;
    case OP_FILL_TRANSLUCENT:
      sam_map_raster_fill (r, &translucent);
      return;
    default:
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (from); i++)
    {
      double fx = from[i][0], fy = from[i][1];
      double tx = 2 * cx - fx, ty = 2 * cy - fy;   /* through the middle to the other side */
      double offset = 1;

      switch (kind)
        {
        case OP_LINE:
          sam_map_raster_line (r, fx, fy, tx, ty, 1 + i % 4 * 1.5, &opaque, NULL, NULL);
          sam_map_raster_line (r, fx, fy, cx, cy, 2.5, &translucent, NULL, NULL);
          break;
        case OP_DASH:
          sam_map_raster_line (r, fx, fy, tx, ty, 2, &opaque, dash, &offset);
          break;
        case OP_ZIGZAG:
          sam_map_raster_zigzag (r, fx, fy, tx, ty, 6, 12, 2, &translucent);
          break;
        case OP_BLIT:
          {
            /* centred on the edge or corner (the sprite is 30 × 22), and
             * once more a little further out */
            double ex = CLAMP (fx, x0, x1), ey = CLAMP (fy, y0, y1);

            sam_map_raster_blit (r, sprite, floor (ex) - 15, floor (ey) - 11);
            sam_map_raster_blit (r, sprite, floor (ex + (fx - cx) * 0.05) - 15, floor (ey + (fy - cy) * 0.05) - 11);
          }
          break;
        case OP_TRIANGLE:
          {
            double points[6] = { fx, fy, cx + (fy - cy) * 0.3, cy, cx, cy + (fx - cx) * 0.3 };
            double head[6];

            sam_map_raster_triangle (r, points, &translucent);
            arrow_head (fx + (cx - fx) * 0.3, fy + (cy - fy) * 0.3, atan2 (cy - fy, cx - fx), 40, 15, head);
            sam_map_raster_triangle (r, head, &opaque);
          }
          break;
        case OP_FILL:
        case OP_FILL_TRANSLUCENT:
        case N_OPS:
        default:
          g_assert_not_reached ();
        }
    }
}

static void
test_clip (void)
{
  cairo_surface_t *sprite = sprite_new ();
  cairo_surface_t *background = pattern_surface (WIDTH, HEIGHT);

  for (OpKind kind = 0; kind < N_OPS; kind++)
    {
      cairo_surface_t *surface = copy_surface (background), *unclipped = copy_surface (background);
      cairo_t *cr = cairo_create (surface);
      guint inside, outside;
      int worst = 0;
      SamMapRaster r;

      cairo_rectangle (cr, 50, 40, 200, 100);
      cairo_clip (cr);
      g_assert_true (sam_map_raster_begin (&r, cr, NULL));
      draw_across (&r, kind, sprite, 50, 40, 250, 140);
      sam_map_raster_end (&r);
      cairo_destroy (cr);

      cr = cairo_create (unclipped);
      g_assert_true (sam_map_raster_begin (&r, cr, NULL));
      draw_across (&r, kind, sprite, 50, 40, 250, 140);
      sam_map_raster_end (&r);
      cairo_destroy (cr);

      /* Inside, the clip changes nothing, but for a line's edge pixel by
       * 1/255: the bands start at the clip's top, and the raster's
       * four-pixel path rounds a span's coverage at a pixel boundary one
       * unit differently from its plain path, which it takes at a band's
       * edge. */
      for (int y = 40; y < 140; y++)
        for (int x = 50; x < 250; x++)
          worst = MAX (worst, pixel_difference (pixel_at (surface, x, y), pixel_at (unclipped, x, y)));

      count_changed (surface, background, 50, 40, 250, 140, &inside, &outside);
      g_test_message ("clipped %s: %u pixels changed inside, %u outside; "
                      "inside at most %d/255 from the unclipped picture",
                      op_names[kind], inside, outside, worst);
      g_assert_cmpuint (outside, ==, 0);
      g_assert_cmpuint (inside, >, 1000);
      g_assert_cmpint (worst, <=, 1);

      /* the clip's first and last rows and columns are drawn too */
      if (kind == OP_FILL)
        g_assert_cmpuint (inside, ==, 200 * 100);

      cairo_surface_destroy (surface);
      cairo_surface_destroy (unclipped);
    }

  cairo_surface_destroy (sprite);
  cairo_surface_destroy (background);
}

/* Nothing is written around the surface: everything across its edges, in
 * a buffer with margins. */
static void
test_bounds (void)
{
  cairo_surface_t *sprite = sprite_new ();

  for (OpKind kind = 0; kind < N_OPS; kind++)
    {
      cairo_surface_t *plain = white_surface (WIDTH, HEIGHT), *white = white_surface (WIDTH, HEIGHT);
      guint inside, outside;
      Guarded g;

      guarded_init (&g, WIDTH, HEIGHT);
      for (int k = 0; k < 2; k++)
        {
          cairo_t *cr = cairo_create (k == 0 ? g.surface : plain);
          SamMapRaster r;

          g_assert_true (sam_map_raster_begin (&r, cr, NULL));
          draw_across (&r, kind, sprite, 0, 0, WIDTH, HEIGHT);
          sam_map_raster_end (&r);
          cairo_destroy (cr);
        }

      count_changed (plain, white, 0, 0, WIDTH, HEIGHT, &inside, &outside);
      g_test_message ("%s across the surface's edges: %u pixels changed", op_names[kind], inside);
      g_assert_cmpuint (inside, >, 1000);
      assert_identical (op_names[kind], g.surface, plain);
      g_assert_cmpuint (guarded_clear (&g), ==, 0);

      cairo_surface_destroy (plain);
      cairo_surface_destroy (white);
    }

  cairo_surface_destroy (sprite);
}

/* Scale ------------------------------------------------------------------- */

/* In user units of a 200 × 150 picture. */
static const Segment scaled_lines[] = {
  { 10, 10.25, 90, 10.25, 0.6 },
  { 10, 20, 90, 35, 1 },
  { 100, 10, 105, 70, 0.75 },
  { 120, 5, 180, 65, 1 },
  { 190, 70, 125, 10, 1.75 },
  { 90, 70, 10, 55, 3 },
  { -15, 100, 215, 115, 0.75 },
  { 75, -10, 95, 160, 1 },
  { 195, 145, 100, 85, 0.6 },
};

static void
compare_scaled (const char *what,
                double      device_scale,
                double      device_dx,
                double      device_dy,
                double      scale,
                double      tx,
                double      ty)
{
  cairo_surface_t *background = white_surface (WIDTH, HEIGHT);
  cairo_surface_t *surfaces[2];
  g_autofree guint8 *mask = mask_new (WIDTH, HEIGHT);
  double s = device_scale * scale;
  Diff diff;

  for (int k = 0; k < 2; k++)
    {
      cairo_t *cr;

      surfaces[k] = white_surface (WIDTH, HEIGHT);
      cairo_surface_set_device_scale (surfaces[k], device_scale, device_scale);
      cairo_surface_set_device_offset (surfaces[k], device_dx, device_dy);
      cr = cairo_create (surfaces[k]);
      cairo_translate (cr, tx, ty);
      cairo_scale (cr, scale, scale);
      if (k == 0)
        raster_segments (surfaces[k], cr, scaled_lines, G_N_ELEMENTS (scaled_lines), NULL, 0);
      else
        cairo_segments (surfaces[k], cr, scaled_lines, G_N_ELEMENTS (scaled_lines), NULL, 0);
      cairo_destroy (cr);
    }

  mask_segment_ends (mask, WIDTH, HEIGHT, scaled_lines, G_N_ELEMENTS (scaled_lines), s,
                     tx * device_scale + device_dx, ty * device_scale + device_dy);
  compare_surfaces (surfaces[0], surfaces[1], background, mask, &diff);
  assert_close (what, &diff, EDGE_TOLERANCE, MEAN_TOLERANCE);

  cairo_surface_destroy (background);
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

static void
test_scale (void)
{
  cairo_surface_t *sprite = sprite_new ();
  cairo_surface_t *background = pattern_surface (WIDTH, HEIGHT);
  cairo_surface_t *surfaces[2];
  Diff diff;

  /* a HiDPI picture: 400 × 300 pixels, 200 × 150 units */
  compare_scaled ("lines at device scale 2", 2, 0, 0, 1, 0, 0);
  /* and drawn through a translation and a scale of its own */
  compare_scaled ("lines at device scale 2, translated and scaled by 1.25", 2, 0, 0, 1.25, -7.5, 4);
  compare_scaled ("lines at device scale 2 with a device offset", 2, 9, -6, 1, 0, 0);

  /* an image drawn for the pixels of the picture: pixel for pixel, at
   * (30.5, 20) units = (61, 40) pixels */
  cairo_surface_set_device_scale (sprite, 2, 2);
  for (int k = 0; k < 2; k++)
    {
      cairo_t *cr;

      surfaces[k] = copy_surface (background);
      cairo_surface_set_device_scale (surfaces[k], 2, 2);
      cr = cairo_create (surfaces[k]);
      if (k == 0)
        {
          SamMapRaster r;

          g_assert_true (sam_map_raster_begin (&r, cr, NULL));
          sam_map_raster_blit (&r, sprite, 30.5, 20);
          sam_map_raster_blit (&r, sprite, 190, 140);
          sam_map_raster_end (&r);
        }
      else
        {
          cairo_set_source_surface (cr, sprite, 30.5, 20);
          cairo_paint (cr);
          cairo_set_source_surface (cr, sprite, 190, 140);
          cairo_paint (cr);
        }
      cairo_destroy (cr);
    }
  compare_surfaces (surfaces[0], surfaces[1], background, NULL, &diff);
  report ("blit at device scale 2", &diff);
  g_assert_cmpuint (diff.changed, >, 100);
  g_assert_cmpint (diff.max, <=, 2);

  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
  cairo_surface_destroy (background);
  cairo_surface_destroy (sprite);
}

static gboolean
can_begin (cairo_surface_t *surface,
           const char      *transform)
{
  cairo_t *cr = cairo_create (surface);
  SamMapRaster r;
  gboolean ok;

  if (g_strcmp0 (transform, "rotate") == 0)
    cairo_rotate (cr, 0.3);
  else if (g_strcmp0 (transform, "rotate-half") == 0)
    cairo_rotate (cr, G_PI);
  else if (g_strcmp0 (transform, "stretch") == 0)
    cairo_scale (cr, 1, 2);
  else if (g_strcmp0 (transform, "mirror") == 0)
    cairo_scale (cr, -1, 1);
  else if (g_strcmp0 (transform, "scale") == 0)
    cairo_scale (cr, 1.5, 1.5);
  else if (g_strcmp0 (transform, "translate") == 0)
    cairo_translate (cr, 10.5, -3);
  else
    g_assert_null (transform);

  ok = sam_map_raster_begin (&r, cr, NULL);
  if (ok)
    sam_map_raster_end (&r);
  cairo_destroy (cr);

  return ok;
}

static void
test_refuse (void)
{
  cairo_surface_t *argb = white_surface (64, 64);
  cairo_surface_t *rgb = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 64);
  cairo_surface_t *a8 = cairo_image_surface_create (CAIRO_FORMAT_A8, 64, 64);
  cairo_surface_t *a1 = cairo_image_surface_create (CAIRO_FORMAT_A1, 64, 64);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *hidpi = white_surface (64, 64);
  cairo_surface_t *stretched = white_surface (64, 64);

  cairo_surface_set_device_scale (hidpi, 2, 2);
  cairo_surface_set_device_scale (stretched, 2, 1);

  g_assert_true (can_begin (argb, NULL));
  g_assert_true (can_begin (rgb, NULL));
  g_assert_true (can_begin (hidpi, NULL));
  g_assert_true (can_begin (argb, "scale"));
  g_assert_true (can_begin (argb, "translate"));

  g_assert_false (can_begin (argb, "rotate"));
  g_assert_false (can_begin (argb, "rotate-half"));
  g_assert_false (can_begin (argb, "stretch"));
  g_assert_false (can_begin (argb, "mirror"));
  g_assert_false (can_begin (hidpi, "rotate"));
  g_assert_false (can_begin (stretched, NULL));
  g_assert_false (can_begin (a8, NULL));
  g_assert_false (can_begin (a1, NULL));
  g_assert_false (can_begin (recording, NULL));

  cairo_surface_destroy (argb);
  cairo_surface_destroy (rgb);
  cairo_surface_destroy (a8);
  cairo_surface_destroy (a1);
  cairo_surface_destroy (recording);
  cairo_surface_destroy (hidpi);
  cairo_surface_destroy (stretched);
}

/* Triangles --------------------------------------------------------------- */

/* Fills the @n triangles (6 numbers each) of @points with the raster and
 * with cairo, and compares. */
static void
compare_triangles (const char   *what,
                   const double *points,
                   guint         n)
{
  cairo_surface_t *background = white_surface (WIDTH, HEIGHT);
  cairo_surface_t *raster = white_surface (WIDTH, HEIGHT), *reference = white_surface (WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (raster);
  SamMapRaster r;
  Diff diff;

  g_assert_true (sam_map_raster_begin (&r, cr, NULL));
  for (guint i = 0; i < n; i++)
    {
      SamMapRasterColor color = palette_color (i);

      sam_map_raster_triangle (&r, points + 6 * i, &color);
    }
  sam_map_raster_end (&r);
  cairo_destroy (cr);

  cr = cairo_create (reference);
  for (guint i = 0; i < n; i++)
    {
      const double *p = points + 6 * i;

      set_palette_source (cr, i);
      cairo_move_to (cr, p[0], p[1]);
      cairo_line_to (cr, p[2], p[3]);
      cairo_line_to (cr, p[4], p[5]);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_destroy (cr);

  compare_surfaces (raster, reference, background, NULL, &diff);
  assert_close (what, &diff, EDGE_TOLERANCE, MEAN_TOLERANCE);

  cairo_surface_destroy (background);
  cairo_surface_destroy (raster);
  cairo_surface_destroy (reference);
}

static void
test_triangle (void)
{
  /* big ones, both windings, across many bands, and a sliver */
  static const double big[] = {
    20.5, 210, 380, 230.3, 150.2, 295.7,
    380, 200, 290.4, 290, 230, 180.5,
    10, 150, 200, 157.5, 390, 155,
    200, 5, 390, 120, 250, 140,
  };
  double arrows[16 * 6];

  /* arrow heads 16 pixels long, every way round, at fractional positions,
   * some across band boundaries */
  for (int i = 0; i < 16; i++)
    arrow_head (30.3 + (i % 8) * 45, 40.6 + (i / 8) * 90 + (i % 3) * 11.2, i * G_PI / 8 + 0.05 * i,
                16, 6, arrows + 6 * i);

  compare_triangles ("arrow heads", arrows, 16);
  compare_triangles ("big triangles", big, G_N_ELEMENTS (big) / 6);
}

/* Queues ------------------------------------------------------------------ */

static void
test_queue_reuse (void)
{
  /* different sizes: a different number of bands each time */
  static const int frames[][3] = {
    { 400, 300, 1 }, { 250, 470, 2 }, { 640, 96, 3 }, { 400, 300, 4 }, { 400, 300, 1 },
  };
  g_autoptr(SamMapRasterQueue) queue = sam_map_raster_queue_new ();
  cairo_surface_t *sprites[2] = { sprite_new (), NULL };

  sprites[1] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 12, 40);
  {
    cairo_t *cr = cairo_create (sprites[1]);

    cairo_set_source_rgba (cr, 0.2, 0.7, 0.3, 0.7);
    cairo_rectangle (cr, 1, 1, 10, 38);
    cairo_fill (cr);
    cairo_destroy (cr);
  }

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      int width = frames[i][0], height = frames[i][1];
      cairo_surface_t *reused = white_surface (width, height), *fresh = white_surface (width, height);
      cairo_surface_t *white = white_surface (width, height);
      g_autofree char *what = g_strdup_printf ("frame %u", i);
      guint inside, outside;

      raster_scene (reused, queue, frames[i][2], sprites[i % 2]);
      raster_scene (fresh, NULL, frames[i][2], sprites[i % 2]);
      count_changed (reused, white, 0, 0, width, height, &inside, &outside);
      g_assert_cmpuint (inside, >, (guint) (width * height / 4));
      assert_identical (what, reused, fresh);

      cairo_surface_destroy (reused);
      cairo_surface_destroy (fresh);
      cairo_surface_destroy (white);
    }

  /* a frame that records nothing leaves the picture alone */
  {
    cairo_surface_t *surface = white_surface (WIDTH, HEIGHT), *white = white_surface (WIDTH, HEIGHT);
    cairo_t *cr = cairo_create (surface);
    SamMapRaster r;

    g_assert_true (sam_map_raster_begin (&r, cr, queue));
    sam_map_raster_end (&r);
    cairo_destroy (cr);
    assert_identical ("empty frame", surface, white);
    cairo_surface_destroy (surface);
    cairo_surface_destroy (white);
  }

  cairo_surface_destroy (sprites[0]);
  cairo_surface_destroy (sprites[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/raster/line/cairo", test_line_cairo);
  g_test_add_func ("/map/raster/line/ends", test_line_ends);
  g_test_add_func ("/map/raster/line/dash", test_line_dash);
  g_test_add_func ("/map/raster/line/dash-polyline", test_line_dash_polyline);
  g_test_add_func ("/map/raster/threads", test_threads);
  g_test_add_func ("/map/raster/zigzag", test_zigzag);
  g_test_add_func ("/map/raster/blit/cairo", test_blit);
  g_test_add_func ("/map/raster/blit/edges", test_blit_edges);
  g_test_add_func ("/map/raster/clip", test_clip);
  g_test_add_func ("/map/raster/bounds", test_bounds);
  g_test_add_func ("/map/raster/scale", test_scale);
  g_test_add_func ("/map/raster/begin/refuse", test_refuse);
  g_test_add_func ("/map/raster/triangle", test_triangle);
  g_test_add_func ("/map/raster/queue/reuse", test_queue_reuse);

  return g_test_run ();
}
