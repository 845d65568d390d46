/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "raster-compare.h"

/* SamMapRaster against cairo: what the raster draws must land where cairo
 * puts it and look nearly the same, whatever the number of threads, the
 * clip or the scale.  Every picture is drawn twice, once through the raster
 * and once with cairo (or with the raster in another way), and compared
 * pixel by pixel; the figures go to the test log (run with --verbose).
 *
 * Here the threads, images, clip, bounds, scale and queues (the lines in
 * test-map-raster-lines.c, the helpers both use in raster-compare.h). */

/* Drawing ----------------------------------------------------------------- */

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
      SamMapRasterColor color = raster_rgba (g_rand_double (rand), g_rand_double (rand),
                                             g_rand_double (rand), alpha);

      if (i % 250 == 0)
        {
          SamMapRasterColor veil = raster_rgba (1, 1, 0.9, 0.2);

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
              raster_arrow_head (x, y, g_rand_double_range (rand, 0, 2 * G_PI), 16, 6, points);
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

/* Threads ----------------------------------------------------------------- */

static void
test_threads (void)
{
  cairo_surface_t *sprite = raster_sprite_new ();
  cairo_surface_t *background = raster_white_surface (640, 480);
  cairo_surface_t *one = raster_white_surface (640, 480);
  guint inside = 0, outside = 0;

  sam_map_raster_set_max_threads (1);
  g_assert_cmpuint (sam_map_raster_get_max_threads (), ==, 1);
  raster_scene (one, NULL, 42, sprite);
  raster_count_changed (one, background, 0, 0, 640, 480, &inside, &outside);
  g_test_message ("the scene changes %u of %u pixels", inside, 640 * 480);
  g_assert_cmpuint (inside, >, 640 * 480 / 4);

  for (guint n = 2; n <= 4; n++)
    {
      cairo_surface_t *many = raster_white_surface (640, 480);
      g_autofree char *what = g_strdup_printf ("%u threads", n);

      sam_map_raster_set_max_threads (n);
      g_assert_cmpuint (sam_map_raster_get_max_threads (), ==, n);
      for (int round = 0; round < 3; round++)
        {
          raster_scene (many, NULL, 42, sprite);
          raster_assert_identical (what, one, many);
          cairo_surface_destroy (many);
          many = raster_white_surface (640, 480);
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
  cairo_surface_t *background = raster_pattern_surface (WIDTH, HEIGHT);
  cairo_surface_t *raster = raster_copy_surface (background),
                  *reference = raster_copy_surface (background);
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

  raster_compare_surfaces (raster, reference, background, NULL, &diff);
  raster_report (what, &diff);
  g_assert_cmpuint (diff.changed, >, 100);
  g_assert_cmpint (diff.max, <=, 2);
  g_assert_cmpuint (diff.mismatched, ==, 0);

  if (clip != NULL)
    {
      raster_count_changed (raster, background, clip[0], clip[1],
                            clip[0] + clip[2], clip[1] + clip[3], &inside, &outside);
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
  cairo_surface_t *sprite = raster_sprite_new ();
  guint opaque = 0, translucent = 0, transparent = 0;

  /* the sprite has all three kinds of pixels */
  for (int y = 0; y < cairo_image_surface_get_height (sprite); y++)
    for (int x = 0; x < cairo_image_surface_get_width (sprite); x++)
      {
        guint8 a = raster_pixel_at (sprite, x, y)[3];

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
  cairo_surface_t *sprite = raster_sprite_new ();
  cairo_surface_t *plain = raster_white_surface (WIDTH, HEIGHT);
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
  raster_assert_identical ("blits in a guarded buffer", g.surface, plain);
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
  SamMapRasterColor opaque = raster_rgba (0.1, 0.2, 0.6, 1),
                    translucent = raster_rgba (0.9, 0.1, 0.1, 0.5);
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
            raster_arrow_head (fx + (cx - fx) * 0.3, fy + (cy - fy) * 0.3, atan2 (cy - fy, cx - fx),
                               40, 15, head);
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
  cairo_surface_t *sprite = raster_sprite_new ();
  cairo_surface_t *background = raster_pattern_surface (WIDTH, HEIGHT);

  for (OpKind kind = 0; kind < N_OPS; kind++)
    {
      cairo_surface_t *surface = raster_copy_surface (background),
                      *unclipped = raster_copy_surface (background);
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
          worst = MAX (worst, raster_pixel_difference (raster_pixel_at (surface, x, y),
                                                       raster_pixel_at (unclipped, x, y)));

      raster_count_changed (surface, background, 50, 40, 250, 140, &inside, &outside);
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
  cairo_surface_t *sprite = raster_sprite_new ();

  for (OpKind kind = 0; kind < N_OPS; kind++)
    {
      cairo_surface_t *plain = raster_white_surface (WIDTH, HEIGHT),
                      *white = raster_white_surface (WIDTH, HEIGHT);
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

      raster_count_changed (plain, white, 0, 0, WIDTH, HEIGHT, &inside, &outside);
      g_test_message ("%s across the surface's edges: %u pixels changed", op_names[kind], inside);
      g_assert_cmpuint (inside, >, 1000);
      raster_assert_identical (op_names[kind], g.surface, plain);
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
  cairo_surface_t *background = raster_white_surface (WIDTH, HEIGHT);
  cairo_surface_t *surfaces[2];
  g_autofree guint8 *mask = raster_mask_new (WIDTH, HEIGHT);
  double s = device_scale * scale;
  Diff diff;

  for (int k = 0; k < 2; k++)
    {
      cairo_t *cr;

      surfaces[k] = raster_white_surface (WIDTH, HEIGHT);
      cairo_surface_set_device_scale (surfaces[k], device_scale, device_scale);
      cairo_surface_set_device_offset (surfaces[k], device_dx, device_dy);
      cr = cairo_create (surfaces[k]);
      cairo_translate (cr, tx, ty);
      cairo_scale (cr, scale, scale);
      if (k == 0)
        raster_segments_raster (surfaces[k], cr, scaled_lines, G_N_ELEMENTS (scaled_lines),
                                NULL, 0);
      else
        raster_segments_cairo (surfaces[k], cr, scaled_lines, G_N_ELEMENTS (scaled_lines),
                               NULL, 0);
      cairo_destroy (cr);
    }

  raster_mask_segment_ends (mask, WIDTH, HEIGHT, scaled_lines, G_N_ELEMENTS (scaled_lines), s,
                            tx * device_scale + device_dx, ty * device_scale + device_dy);
  raster_compare_surfaces (surfaces[0], surfaces[1], background, mask, &diff);
  raster_assert_close (what, &diff, EDGE_TOLERANCE, MEAN_TOLERANCE);

  cairo_surface_destroy (background);
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

static void
test_scale (void)
{
  cairo_surface_t *sprite = raster_sprite_new ();
  cairo_surface_t *background = raster_pattern_surface (WIDTH, HEIGHT);
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

      surfaces[k] = raster_copy_surface (background);
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
  raster_compare_surfaces (surfaces[0], surfaces[1], background, NULL, &diff);
  raster_report ("blit at device scale 2", &diff);
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
  cairo_surface_t *argb = raster_white_surface (64, 64);
  cairo_surface_t *rgb = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 64);
  cairo_surface_t *a8 = cairo_image_surface_create (CAIRO_FORMAT_A8, 64, 64);
  cairo_surface_t *a1 = cairo_image_surface_create (CAIRO_FORMAT_A1, 64, 64);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *hidpi = raster_white_surface (64, 64);
  cairo_surface_t *stretched = raster_white_surface (64, 64);

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

/* Queues ------------------------------------------------------------------ */

static void
test_queue_reuse (void)
{
  /* different sizes: a different number of bands each time */
  static const int frames[][3] = {
    { 400, 300, 1 }, { 250, 470, 2 }, { 640, 96, 3 }, { 400, 300, 4 }, { 400, 300, 1 },
  };
  g_autoptr(SamMapRasterQueue) queue = sam_map_raster_queue_new ();
  cairo_surface_t *sprites[2] = { raster_sprite_new (), NULL };

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
      cairo_surface_t *reused = raster_white_surface (width, height),
                      *fresh = raster_white_surface (width, height);
      cairo_surface_t *white = raster_white_surface (width, height);
      g_autofree char *what = g_strdup_printf ("frame %u", i);
      guint inside, outside;

      raster_scene (reused, queue, frames[i][2], sprites[i % 2]);
      raster_scene (fresh, NULL, frames[i][2], sprites[i % 2]);
      raster_count_changed (reused, white, 0, 0, width, height, &inside, &outside);
      g_assert_cmpuint (inside, >, (guint) (width * height / 4));
      raster_assert_identical (what, reused, fresh);

      cairo_surface_destroy (reused);
      cairo_surface_destroy (fresh);
      cairo_surface_destroy (white);
    }

  /* a frame that records nothing leaves the picture alone */
  {
    cairo_surface_t *surface = raster_white_surface (WIDTH, HEIGHT),
                    *white = raster_white_surface (WIDTH, HEIGHT);
    cairo_t *cr = cairo_create (surface);
    SamMapRaster r;

    g_assert_true (sam_map_raster_begin (&r, cr, queue));
    sam_map_raster_end (&r);
    cairo_destroy (cr);
    raster_assert_identical ("empty frame", surface, white);
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

  g_test_add_func ("/map/raster/threads", test_threads);
  g_test_add_func ("/map/raster/blit/cairo", test_blit);
  g_test_add_func ("/map/raster/blit/edges", test_blit_edges);
  g_test_add_func ("/map/raster/clip", test_clip);
  g_test_add_func ("/map/raster/bounds", test_bounds);
  g_test_add_func ("/map/raster/scale", test_scale);
  g_test_add_func ("/map/raster/begin/refuse", test_refuse);
  g_test_add_func ("/map/raster/queue/reuse", test_queue_reuse);

  return g_test_run ();
}
