/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "raster-compare.h"

/* SamMapRaster against cairo: what the raster draws must land where cairo
 * puts it and look nearly the same, whatever the number of threads, the
 * clip or the scale.  Every picture is drawn twice, once through the raster
 * and once with cairo (or with the raster in another way), and compared
 * pixel by pixel; the figures go to the test log (run with --verbose).
 *
 * Here the lines, dashes, zigzags and triangles (the rest in
 * test-map-raster.c, the helpers both use in raster-compare.h). */

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
  cairo_surface_t *background = raster_white_surface (WIDTH, HEIGHT);
  cairo_surface_t *raster = raster_white_surface (WIDTH, HEIGHT);
  cairo_surface_t *reference = raster_white_surface (WIDTH, HEIGHT);
  g_autofree guint8 *mask = raster_mask_new (WIDTH, HEIGHT);
  Diff diff;

  raster_segments_raster (raster, NULL, lines, G_N_ELEMENTS (lines), NULL, 0);
  raster_segments_cairo (reference, NULL, lines, G_N_ELEMENTS (lines), NULL, 0);
  raster_mask_segment_ends (mask, WIDTH, HEIGHT, lines, G_N_ELEMENTS (lines), 1, 0, 0);

  raster_compare_surfaces (raster, reference, background, mask, &diff);
  raster_assert_close ("lines", &diff, EDGE_TOLERANCE, MEAN_TOLERANCE);

  /* every line alone: none is left out or drawn somewhere else */
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      cairo_surface_t *one = raster_white_surface (WIDTH, HEIGHT),
                      *one_cairo = raster_white_surface (WIDTH, HEIGHT);
      g_autofree guint8 *one_mask = raster_mask_new (WIDTH, HEIGHT);
      g_autofree char *what = g_strdup_printf ("line %u", i);

      raster_segments_raster (one, NULL, &lines[i], 1, NULL, 0);
      raster_segments_cairo (one_cairo, NULL, &lines[i], 1, NULL, 0);
      raster_mask_segment_ends (one_mask, WIDTH, HEIGHT, &lines[i], 1, 1, 0, 0);
      raster_compare_surfaces (one, one_cairo, background, one_mask, &diff);
      raster_report (what, &diff);
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
        sum += raster_pixel_difference (raster_pixel_at (surface, x, y),
                                        raster_pixel_at (background, x, y));

  return sum / 255;
}

static void
test_line_ends (void)
{
  cairo_surface_t *background = raster_white_surface (WIDTH, HEIGHT);
  SamMapRasterColor black = raster_rgba (0, 0, 0, 1);

  for (guint i = 0; i < G_N_ELEMENTS (end_lines); i++)
    {
      const Segment *s = &end_lines[i];
      cairo_surface_t *raster = raster_white_surface (WIDTH, HEIGHT),
                      *reference = raster_white_surface (WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (raster);
      double dx = fabs (s->bx - s->ax), dy = fabs (s->by - s->ay);
      /* the ink of one step along the walk: a pixel column (row) of the line */
      double column = s->width * hypot (dx, dy) / MAX (dx, dy);
      double radius = raster_end_radius (s->width) + 1;
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
      raster_compare_surfaces (raster, reference, background, NULL, &diff);
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
  raster_report (what, diff);
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
  cairo_surface_t *background = raster_white_surface (WIDTH, HEIGHT);
  cairo_surface_t *raster = raster_white_surface (WIDTH, HEIGHT);
  cairo_surface_t *reference = raster_white_surface (WIDTH, HEIGHT);
  g_autofree guint8 *mask = raster_mask_new (WIDTH, HEIGHT);
  double worst = 0, total, total_cairo;
  Diff diff;

  raster_segments_raster (raster, NULL, dash_lines, G_N_ELEMENTS (dash_lines), dash, offset);
  raster_segments_cairo (reference, NULL, dash_lines, G_N_ELEMENTS (dash_lines), dash, offset);
  raster_mask_segment_ends (mask, WIDTH, HEIGHT, dash_lines, G_N_ELEMENTS (dash_lines), 1, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (dash_lines); i++)
    raster_mask_dash_ends (mask, WIDTH, HEIGHT, &dash_lines[i], dash, offset);

  /* The raster switches dashes on and off at whole pixel columns, without
   * anti-aliasing, so near dash ends pixels differ by up to 255: there
   * the ink must match to half a column.  Along the dashes and the gaps
   * the picture must match as a solid line's does. */
  raster_compare_surfaces (raster, reference, background, mask, &diff);
  assert_dashes ("dashed lines", &diff);
  for (guint i = 0; i < G_N_ELEMENTS (dash_lines); i++)
    worst = MAX (worst, dash_end_error (raster, reference, background, &dash_lines[i], dash, offset,
                                        raster_end_radius (dash_lines[i].width) + 2));
  g_test_message ("dashed lines: the ink around a dash end differs by at most %.2f pixel columns", worst);
  g_assert_cmpfloat (worst, <=, 0.6);
  total = ink_near (raster, background, WIDTH / 2, HEIGHT / 2, WIDTH);
  total_cairo = ink_near (reference, background, WIDTH / 2, HEIGHT / 2, WIDTH);
  g_test_message ("dashed lines: %.1f pixels of ink, cairo's %.1f", total, total_cairo);
  g_assert_cmpfloat (fabs (total - total_cairo), <=, 0.02 * total_cairo);

  /* the offset is honoured: with another one the picture is not cairo's */
  cairo_surface_destroy (raster);
  raster = raster_white_surface (WIDTH, HEIGHT);
  raster_segments_raster (raster, NULL, dash_lines, G_N_ELEMENTS (dash_lines), dash, offset + 5);
  raster_compare_surfaces (raster, reference, background, mask, &diff);
  raster_report ("dashed lines, offset by half a period", &diff);
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
  SamMapRasterColor color = raster_palette_color (0);
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
  cairo_surface_t *background = raster_white_surface (WIDTH, HEIGHT);
  cairo_surface_t *raster = raster_white_surface (WIDTH, HEIGHT);
  cairo_surface_t *reference = raster_white_surface (WIDTH, HEIGHT);
  g_autofree guint8 *mask = raster_mask_new (WIDTH, HEIGHT);
  double offsets[G_N_ELEMENTS (points) - 1], worst = 0;
  cairo_t *cr;
  Diff diff;

  raster_polyline (raster, points, n, width, dash, start, TRUE, offsets);

  cr = cairo_create (reference);
  raster_set_palette_source (cr, 0);
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

      raster_mask_dash_ends (mask, WIDTH, HEIGHT, &s, dash, offsets[i]);
      /* the corners: cairo joins the segments there (bevelled) */
      raster_mask_disc (mask, WIDTH, HEIGHT, s.ax, s.ay, 2 * width + 2);
      raster_mask_disc (mask, WIDTH, HEIGHT, s.bx, s.by, 2 * width + 2);
      worst = MAX (worst, dash_end_error (raster, reference, background, &s, dash, offsets[i], 2 * width + 4));
    }

  raster_compare_surfaces (raster, reference, background, mask, &diff);
  assert_dashes ("dashed polyline", &diff);
  g_test_message ("dashed polyline: the ink around a dash end differs by at most %.2f pixel columns", worst);
  g_assert_cmpfloat (worst, <=, 0.6);

  /* starting every segment afresh breaks the rhythm: then it is not cairo's */
  cairo_surface_destroy (raster);
  raster = raster_white_surface (WIDTH, HEIGHT);
  raster_polyline (raster, points, n, width, dash, start, FALSE, NULL);
  raster_compare_surfaces (raster, reference, background, mask, &diff);
  raster_report ("dashed polyline, every segment from the same offset", &diff);
  g_assert_cmpint (diff.max, >, EDGE_TOLERANCE);

  cairo_surface_destroy (background);
  cairo_surface_destroy (raster);
  cairo_surface_destroy (reference);
}

/* Zigzags ----------------------------------------------------------------- */

typedef struct
{
  double ax, ay, bx, by;
  double amplitude, period, width;
} Zigzag;

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
  cairo_surface_t *background = raster_white_surface (WIDTH, HEIGHT);

  for (guint i = 0; i < G_N_ELEMENTS (zigzags); i++)
    {
      const Zigzag *z = &zigzags[i];
      cairo_surface_t *whole = raster_white_surface (WIDTH, HEIGHT),
                      *strokes = raster_white_surface (WIDTH, HEIGHT);
      SamMapRasterColor color = raster_palette_color (i);
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

      raster_count_changed (whole, background, 0, 0, WIDTH, HEIGHT, &inside, &outside);
      g_test_message ("%s: %u pixels drawn", what, inside);
      g_assert_cmpuint (inside, >, 50);
      raster_assert_identical (what, whole, strokes);

      cairo_surface_destroy (whole);
      cairo_surface_destroy (strokes);
    }

  cairo_surface_destroy (background);
}

/* Triangles --------------------------------------------------------------- */

/* Fills the @n triangles (6 numbers each) of @points with the raster and
 * with cairo, and compares. */
static void
compare_triangles (const char   *what,
                   const double *points,
                   guint         n)
{
  cairo_surface_t *background = raster_white_surface (WIDTH, HEIGHT);
  cairo_surface_t *raster = raster_white_surface (WIDTH, HEIGHT),
                  *reference = raster_white_surface (WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (raster);
  SamMapRaster r;
  Diff diff;

  g_assert_true (sam_map_raster_begin (&r, cr, NULL));
  for (guint i = 0; i < n; i++)
    {
      SamMapRasterColor color = raster_palette_color (i);

      sam_map_raster_triangle (&r, points + 6 * i, &color);
    }
  sam_map_raster_end (&r);
  cairo_destroy (cr);

  cr = cairo_create (reference);
  for (guint i = 0; i < n; i++)
    {
      const double *p = points + 6 * i;

      raster_set_palette_source (cr, i);
      cairo_move_to (cr, p[0], p[1]);
      cairo_line_to (cr, p[2], p[3]);
      cairo_line_to (cr, p[4], p[5]);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_destroy (cr);

  raster_compare_surfaces (raster, reference, background, NULL, &diff);
  raster_assert_close (what, &diff, EDGE_TOLERANCE, MEAN_TOLERANCE);

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
    raster_arrow_head (30.3 + (i % 8) * 45, 40.6 + (i / 8) * 90 + (i % 3) * 11.2,
                       i * G_PI / 8 + 0.05 * i, 16, 6, arrows + 6 * i);

  compare_triangles ("arrow heads", arrows, 16);
  compare_triangles ("big triangles", big, G_N_ELEMENTS (big) / 6);
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
  g_test_add_func ("/map/raster/zigzag", test_zigzag);
  g_test_add_func ("/map/raster/triangle", test_triangle);

  return g_test_run ();
}
