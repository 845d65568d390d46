/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sam-map-raster.h"

/**
 * sam_map_raster_begin:
 * @raster: the rasteriser to set up
 * @cr: a cairo context
 *
 * Succeeds when @cr draws on an ARGB32 or RGB24 image surface without
 * scaling or rotation; then the lines drawn through @raster land where
 * cairo would have put them.  Everything else (PDF, SVG, a zoomed cache)
 * keeps using cairo.
 *
 * Returns: %TRUE when @raster can be used
 */
gboolean
sam_map_raster_begin (SamMapRaster *raster,
                      cairo_t      *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double dsx = 1, dsy = 1, dox = 0, doy = 0;
  double cx0, cy0, cx1, cy1;
  cairo_format_t format;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;

  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &dsx, &dsy);
  cairo_surface_get_device_offset (target, &dox, &doy);
  if (m.xx != 1 || m.yy != 1 || m.xy != 0 || m.yx != 0 || dsx != 1 || dsy != 1)
    return FALSE;

  cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
  cairo_surface_flush (target);

  raster->surface = target;
  raster->data = cairo_image_surface_get_data (target);
  raster->stride = cairo_image_surface_get_stride (target);
  raster->dx = m.x0 + dox;
  raster->dy = m.y0 + doy;
  raster->x0 = MAX (0, (int) floor (cx0 + raster->dx));
  raster->y0 = MAX (0, (int) floor (cy0 + raster->dy));
  raster->x1 = MIN (cairo_image_surface_get_width (target), (int) ceil (cx1 + raster->dx));
  raster->y1 = MIN (cairo_image_surface_get_height (target), (int) ceil (cy1 + raster->dy));

  return raster->data != NULL && raster->x1 > raster->x0 && raster->y1 > raster->y0;
}

void
sam_map_raster_end (SamMapRaster *raster)
{
  cairo_surface_mark_dirty (raster->surface);
}

void
sam_map_raster_color (SamMapRasterColor *color,
                      double             red,
                      double             green,
                      double             blue,
                      double             alpha)
{
  alpha = CLAMP (alpha, 0, 1);
  color->a = (guint8) lround (alpha * 255);
  color->r = (guint8) lround (CLAMP (red, 0, 1) * alpha * 255);
  color->g = (guint8) lround (CLAMP (green, 0, 1) * alpha * 255);
  color->b = (guint8) lround (CLAMP (blue, 0, 1) * alpha * 255);
}

/* x * a / 255, rounded, without a division. */
static inline guint
mul_div_255 (guint x,
             guint a)
{
  guint t = x * a + 128;

  return (t + (t >> 8)) >> 8;
}

/* Source over, with @cover (0..256) of the pixel covered. */
static inline void
blend (guint32                 *pixel,
       const SamMapRasterColor *c,
       guint                    cover)
{
  guint32 d;
  guint sa, inv;

  if (cover >= 256 && c->a == 255)
    {
      *pixel = 0xff000000u | ((guint32) c->r << 16) | ((guint32) c->g << 8) | c->b;
      return;
    }

  d = *pixel;
  sa = (c->a * cover) >> 8;
  inv = 255 - sa;
  /* Rounding may reach 256: clamp, or it would spill into the next channel. */
  *pixel = (MIN (sa + mul_div_255 (d >> 24, inv), 255u) << 24)
         | (MIN (((c->r * cover) >> 8) + mul_div_255 ((d >> 16) & 0xff, inv), 255u) << 16)
         | (MIN (((c->g * cover) >> 8) + mul_div_255 ((d >> 8) & 0xff, inv), 255u) << 8)
         | MIN (((c->b * cover) >> 8) + mul_div_255 (d & 0xff, inv), 255u);
}

/* Liang–Barsky: clips the segment to [lo, hi] on both axes. */
static gboolean
clip_segment (double *ax, double *ay, double *bx, double *by,
              double  xlo, double ylo, double xhi, double yhi,
              double *t0_out)
{
  double t0 = 0, t1 = 1, dx = *bx - *ax, dy = *by - *ay;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *ax - xlo, xhi - *ax, *ay - ylo, yhi - *ay };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }

  if (t0 > t1)
    return FALSE;

  *bx = *ax + dx * t1;
  *by = *ay + dy * t1;
  *ax = *ax + dx * t0;
  *ay = *ay + dy * t0;
  *t0_out = t0;
  return TRUE;
}

/* One column (or row) of a line: the pixels from @lo to @hi (16.16 fixed
 * point) along the minor axis, with partial coverage at both ends. */
static inline void
span (SamMapRaster            *r,
      int                      major,
      gint64                   lo,
      gint64                   hi,
      gboolean                 x_major,
      const SamMapRasterColor *c)
{
  int limit_hi = x_major ? r->y1 : r->x1;
  int limit_lo = x_major ? r->y0 : r->x0;
  int first = (int) (lo >> 16), last = (int) (hi >> 16);
  gsize step = x_major ? (gsize) r->stride : sizeof (guint32);
  guint8 *base = x_major ? r->data + (gsize) major * sizeof (guint32)
                         : r->data + (gsize) major * r->stride;

  if (first == last)
    {
      if (first >= limit_lo && first < limit_hi)
        blend ((guint32 *) (base + (gsize) first * step), c, (guint) ((hi - lo) >> 8));
      return;
    }

  if (first >= limit_lo && first < limit_hi)
    blend ((guint32 *) (base + (gsize) first * step), c, (guint) ((65536 - (lo & 0xffff)) >> 8));
  for (int m = MAX (first + 1, limit_lo); m < last && m < limit_hi; m++)
    blend ((guint32 *) (base + (gsize) m * step), c, 256);
  if (last >= limit_lo && last < limit_hi && (hi & 0xffff) != 0)
    blend ((guint32 *) (base + (gsize) last * step), c, (guint) ((hi & 0xffff) >> 8));
}

/**
 * sam_map_raster_line:
 * @raster: a rasteriser set up by sam_map_raster_begin()
 * @ax: start, user coordinates
 * @ay: start
 * @bx: end
 * @by: end
 * @width: the line width
 * @color: its colour
 * @dash: (nullable) (array fixed-size=2): on and off lengths, or %NULL
 * @dash_offset: (inout) (nullable): where in the dash pattern the line
 *   starts; updated to where it ends, so a polyline keeps its rhythm
 *
 * Draws a straight line with butt ends, as cairo_stroke() would.
 */
void
sam_map_raster_line (SamMapRaster            *raster,
                     double                   ax,
                     double                   ay,
                     double                   bx,
                     double                   by,
                     double                   width,
                     const SamMapRasterColor *color,
                     const double            *dash,
                     double                  *dash_offset)
{
  double dx, dy, len, half, t0 = 0, period = 0, start_s = 0, sdir = 1;
  gboolean x_major;
  double slope, thick, step_len;
  int from, to;

  ax += raster->dx;
  ay += raster->dy;
  bx += raster->dx;
  by += raster->dy;
  dx = bx - ax;
  dy = by - ay;
  if (fabs (dx) + fabs (dy) < 1e-6 || color->a == 0)
    return;

  /* Zigzags are many short strokes: only dashes need the length. */
  len = 0;
  if (dash != NULL)
    {
      len = sqrt (dx * dx + dy * dy);
      period = dash[0] + dash[1];
      start_s = dash_offset ? *dash_offset : 0;
      if (dash_offset)
        *dash_offset = fmod (start_s + len, period);
    }

  half = width / 2 + 1;
  if (MIN (ax, bx) < raster->x0 - half || MAX (ax, bx) > raster->x1 + half ||
      MIN (ay, by) < raster->y0 - half || MAX (ay, by) > raster->y1 + half)
    {
      if (!clip_segment (&ax, &ay, &bx, &by, raster->x0 - half, raster->y0 - half,
                         raster->x1 + half, raster->y1 + half, &t0))
        return;
      start_s += t0 * len;
    }

  x_major = fabs (dx) >= fabs (dy);
  if (!x_major)
    {
      double tmp;

      tmp = ax; ax = ay; ay = tmp;
      tmp = bx; bx = by; by = tmp;
      tmp = dx; dx = dy; dy = tmp;
    }
  if (ax > bx)
    {
      double tmp;

      /* Walk from the smaller major coordinate; the dash runs backwards. */
      tmp = ax; ax = bx; bx = tmp;
      tmp = ay; ay = by; by = tmp;
      if (dash != NULL)
        start_s += sqrt ((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
      sdir = -1;
    }

  slope = (by - ay) / (bx - ax + 1e-12);
  step_len = sqrt (1 + slope * slope);
  thick = width * step_len / 2;
  from = MAX ((int) floor (ax + 0.5), x_major ? raster->x0 : raster->y0);
  to = MIN ((int) floor (bx + 0.5), (x_major ? raster->x1 : raster->y1) - 1);
  if (from > to)
    return;

  {
    /* Fixed point (16.16) from here: no floating point in the loop. */
    gint64 centre = (gint64) ((ay + (from + 0.5 - ax) * slope) * 65536.0);
    gint64 dcentre = (gint64) (slope * 65536.0);
    gint64 half_thick = (gint64) (thick * 65536.0);
    gint64 pos = 0, dpos = 0, on = 0, per = 1;

    if (dash != NULL)
      {
        double s0 = fmod (start_s + sdir * (from + 0.5 - ax) * step_len, period);

        if (s0 < 0)
          s0 += period;
        pos = (gint64) (s0 * 65536.0);
        dpos = (gint64) (sdir * step_len * 65536.0);
        on = (gint64) (dash[0] * 65536.0);
        per = (gint64) (period * 65536.0);
      }

    for (int major = from; major <= to; major++, centre += dcentre)
      {
        if (dash != NULL)
          {
            gboolean visible = pos < on;

            pos += dpos;
            if (pos >= per)
              pos -= per;
            else if (pos < 0)
              pos += per;
            if (!visible)
              continue;
          }

        span (raster, major, centre - half_thick, centre + half_thick, x_major, color);
      }
  }
}

/**
 * sam_map_raster_blit:
 * @raster: a rasteriser set up by sam_map_raster_begin()
 * @sprite: an ARGB32 image surface, drawn once and reused
 * @x: where its top left corner goes, user coordinates
 * @y: where its top left corner goes
 *
 * Paints @sprite over the pixels, as cairo_set_source_surface() and
 * cairo_paint() would at a whole-pixel position, without cairo's set-up
 * cost per call: hundreds of badges cost less than a millisecond.
 */
void
sam_map_raster_blit (SamMapRaster    *raster,
                     cairo_surface_t *sprite,
                     double           x,
                     double           y)
{
  int sx = (int) lround (x + raster->dx), sy = (int) lround (y + raster->dy);
  int w = cairo_image_surface_get_width (sprite), h = cairo_image_surface_get_height (sprite);
  int stride = cairo_image_surface_get_stride (sprite);
  const guint8 *src = cairo_image_surface_get_data (sprite);
  int x0 = MAX (sx, raster->x0), x1 = MIN (sx + w, raster->x1);
  int y0 = MAX (sy, raster->y0), y1 = MIN (sy + h, raster->y1);

  if (src == NULL || x0 >= x1 || y0 >= y1)
    return;

  for (int row = y0; row < y1; row++)
    {
      const guint32 *s = (const guint32 *) (src + (gsize) (row - sy) * stride) + (x0 - sx);
      guint32 *d = (guint32 *) (raster->data + (gsize) row * raster->stride) + x0;

      for (int col = x0; col < x1; col++, s++, d++)
        {
          guint32 p = *s, q;
          guint inv;

          if (p == 0)
            continue;
          if ((p >> 24) == 255)
            {
              *d = p;
              continue;
            }

          q = *d;
          inv = 255 - (p >> 24);
          *d = (MIN (((p >> 24) & 0xff) + mul_div_255 (q >> 24, inv), 255u) << 24)
             | (MIN (((p >> 16) & 0xff) + mul_div_255 ((q >> 16) & 0xff, inv), 255u) << 16)
             | (MIN (((p >> 8) & 0xff) + mul_div_255 ((q >> 8) & 0xff, inv), 255u) << 8)
             | MIN ((p & 0xff) + mul_div_255 (q & 0xff, inv), 255u);
        }
    }
}
