/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-map-raster-private.h"

/* The rasteriser's pixel work: each function draws one recorded operation
 * into one band of rows, and touches no pixel outside it, so bands can be
 * drawn by different threads at once. */

/* Three ways to mix pixels: SSE2 (every x86-64 processor), the portable
 * vectors of GCC and clang (NEON on ARM), plain C.  The tests build the
 * other two here too (SAM_MAP_RASTER_NO_SSE2, SAM_MAP_RASTER_NO_VECTORS). */
#if defined(__SSE2__) && !defined(SAM_MAP_RASTER_NO_SSE2) && !defined(SAM_MAP_RASTER_NO_VECTORS)
/* SSE2's saturating subtraction and 16-bit minimum make a span's coverage
 * a handful of instructions. */
#include <emmintrin.h>
#define HAVE_SSE2 1
#endif

#if (defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)) && !defined(SAM_MAP_RASTER_NO_VECTORS)
#define HAVE_VECTORS 1
typedef guint8  u8x8  __attribute__ ((vector_size (8)));
typedef guint8  u8x16 __attribute__ ((vector_size (16)));
typedef guint16 u16x8 __attribute__ ((vector_size (16)));
typedef gint16  i16x8 __attribute__ ((vector_size (16)));
typedef guint32 u32x4 __attribute__ ((vector_size (16)));
#endif

/* Source over: @s + @d × (255 − alpha of @s) / 255, rounded.  For a
 * premultiplied @s no channel can exceed 255. */
static inline guint32
over_px (guint32 s,
         guint32 d)
{
  guint inv = 255 - (s >> 24);
  guint32 rb = (d & 0x00ff00ffu) * inv + 0x00800080u;
  guint32 ag = ((d >> 8) & 0x00ff00ffu) * inv + 0x00800080u;

  rb = ((rb + ((rb >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
  ag = (ag + ((ag >> 8) & 0x00ff00ffu)) & 0xff00ff00u;

  return s + rb + ag;
}

/* A colour ready for mixing: its unpremultiplied channels, two per word,
 * and its opacity (0..256).  Mixing a pixel towards it by a / 256 is source
 * over with coverage: d + (colour − d) × alpha × coverage, without a branch. */
typedef struct
{
  guint32 rb;
  guint32 ag;
  guint   alpha;
#ifdef HAVE_VECTORS
  u16x8   lanes;   /* b, g, r, 255 twice: two pixels in memory order */
#endif
#ifdef HAVE_SSE2
  __m128i colour;  /* the same */
#endif
} Pen;

static inline void
pen_init (Pen     *pen,
          guint32  premultiplied)
{
  guint a = premultiplied >> 24;
  guint r = (premultiplied >> 16) & 0xff, g = (premultiplied >> 8) & 0xff, b = premultiplied & 0xff;

  if (a > 0 && a < 255)
    {
      r = MIN (255u, (r * 255 + a / 2) / a);
      g = MIN (255u, (g * 255 + a / 2) / a);
      b = MIN (255u, (b * 255 + a / 2) / a);
    }
  pen->rb = (r << 16) | b;
  pen->ag = (255u << 16) | g;
  pen->alpha = a + (a >> 7);
#ifdef HAVE_VECTORS
  pen->lanes = (u16x8) { b, g, r, 255, b, g, r, 255 };
#endif
#ifdef HAVE_SSE2
  pen->colour = _mm_setr_epi16 (b, g, r, 255, b, g, r, 255);
#endif
}

/* @cover (0..256) of the pixel covered by @pen. */
static inline void
blend (guint32   *pixel,
       const Pen *pen,
       guint      cover)
{
  guint a = (cover * pen->alpha) >> 8;
  guint32 d = *pixel;
  guint32 rb = ((pen->rb * a + (d & 0x00ff00ffu) * (256 - a)) >> 8) & 0x00ff00ffu;
  guint32 ag = (pen->ag * a + ((d >> 8) & 0x00ff00ffu) * (256 - a)) & 0xff00ff00u;

  *pixel = rb | ag;
}

/* Lines ------------------------------------------------------------------ */

/**
 * _sam_map_raster_line_init:
 * @clip: the picture: columns (rows) outside it are left out of the walk
 * @ax: start, pixels
 * @width: in pixels
 * @dash_on: length of a dash, pixels
 * @dash_period: dash plus gap, pixels, or 0 for a solid line
 * @dash_start: where in the pattern the line starts at (@ax, @ay)
 * @ylo: (out): the first row the line can touch
 * @yhi: (out): the last row the line can touch
 *
 * Returns: %FALSE when nothing of the line is in @clip
 */
gboolean
_sam_map_raster_line_init (SamMapRasterLine   *line,
                           const SamMapRaster *clip,
                           double              ax,
                           double              ay,
                           double              bx,
                           double              by,
                           double              width,
                           double              dash_on,
                           double              dash_period,
                           double              dash_start,
                           double             *ylo,
                           double             *yhi)
{
  gboolean x_major = fabs (bx - ax) >= fabs (by - ay);
  double ma0 = x_major ? ax : ay, mi0 = x_major ? ay : ax;
  double ma1 = x_major ? bx : by, mi1 = x_major ? by : bx;
  double slope, step_len, thick, c0, c1, mlo, mhi, sdir = 1;
  int from, to;

  if (fabs (bx - ax) + fabs (by - ay) < 1e-6 || width <= 0)
    return FALSE;

  /* Walk from the smaller end of the major axis; a dash then runs backwards. */
  if (ma0 > ma1)
    {
      double tmp;

      tmp = ma0; ma0 = ma1; ma1 = tmp;
      tmp = mi0; mi0 = mi1; mi1 = tmp;
      if (dash_period > 0)
        dash_start += sqrt ((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
      sdir = -1;
    }

  slope = (mi1 - mi0) / (ma1 - ma0);
  step_len = sqrt (1 + slope * slope);
  thick = width * step_len / 2;

  /* The columns (rows) whose centre lies in [ma0, ma1), butt ends as
   * cairo's; those outside the picture are skipped without walking them:
   * a zoomed-in map has lines far outside. */
  from = MAX ((int) ceil (ma0 - 0.5), x_major ? clip->x0 : clip->y0);
  to = MIN ((int) ceil (ma1 - 0.5) - 1, (x_major ? clip->x1 : clip->y1) - 1);
  if (from > to)
    return FALSE;

  c0 = mi0 + (from + 0.5 - ma0) * slope;
  c1 = c0 + (to - from) * slope;
  mlo = MIN (c0, c1) - thick - 1;
  mhi = MAX (c0, c1) + thick + 1;
  if (x_major)
    {
      *ylo = mlo;
      *yhi = mhi;
    }
  else
    {
      if (mhi < clip->x0 || mlo > clip->x1)
        return FALSE;
      *ylo = from;
      *yhi = to;
    }

  line->period = 0;
  if (dash_period > 0 && dash_period < 32000 && dash_period > step_len)
    {
      double s0 = fmod (dash_start + sdir * (from + 0.5 - ma0) * step_len, dash_period);

      if (s0 < 0)
        s0 += dash_period;
      line->pos0 = (gint32) (s0 * 65536.0);
      line->dpos = (gint32) (sdir * step_len * 65536.0);
      line->on = (gint32) (MIN (dash_on, dash_period) * 65536.0);
      line->period = (gint32) (dash_period * 65536.0);
    }

  line->x_major = x_major;
  line->from = from;
  line->to = to;
  line->centre0 = (gint64) (c0 * 65536.0);
  line->dcentre = (gint32) (slope * 65536.0);
  line->half = (gint32) MIN (thick * 65536.0, G_MAXINT32 / 2);

  return TRUE;
}

/* One column (or row) of a line: the pixels from @lo to @hi (16.16) along
 * the minor axis, with partial coverage at both ends. */
static inline void
span (guint8    *base,
      gsize      step,
      int        limit_lo,
      int        limit_hi,
      gint64     lo,
      gint64     hi,
      const Pen *pen)
{
  int first = (int) (lo >> 16), last = (int) (hi >> 16);

  if (first == last)
    {
      if (first >= limit_lo && first < limit_hi)
        blend ((guint32 *) (base + (gsize) first * step), pen, (guint) ((hi - lo) >> 8));
      return;
    }

  if (first >= limit_lo && first < limit_hi)
    blend ((guint32 *) (base + (gsize) first * step), pen, (guint) ((65536 - (lo & 0xffff)) >> 8));
  for (int m = MAX (first + 1, limit_lo); m < last && m < limit_hi; m++)
    blend ((guint32 *) (base + (gsize) m * step), pen, 256);
  if (last >= limit_lo && last < limit_hi && (hi & 0xffff) != 0)
    blend ((guint32 *) (base + (gsize) last * step), pen, (guint) ((hi & 0xffff) >> 8));
}

#ifdef HAVE_SSE2
/* Four pixels from @start: their coverage by the span from @lo to @hi,
 * then every channel mixed in 16-bit lanes (colour × a + pixel × (256 − a)
 * ≤ 65,280).  Mixing uncovered pixels by 0 costs less than finding out
 * which they are.  Positions are in 1/256 pixel from @start, biased by 4
 * pixels so they stay positive. */
static inline void
span4 (guint8    *p,
       gsize      step,
       int        start,
       gint64     lo,
       gint64     hi,
       const Pen *pen)
{
  /* @start is at most 3 pixels from the span's first pixel */
  int from = (int) (lo >> 8) - (start << 8) + 1024;
  const __m128i left01 = _mm_setr_epi16 (1024, 1024, 1024, 1024, 1280, 1280, 1280, 1280);
  const __m128i left23 = _mm_setr_epi16 (1536, 1536, 1536, 1536, 1792, 1792, 1792, 1792);
  const __m128i full = _mm_set1_epi16 (256), zero = _mm_setzero_si128 ();
  __m128i l = _mm_set1_epi16 ((short) from);
  __m128i h = _mm_set1_epi16 ((short) (from + (int) ((hi - lo) >> 8)));
  __m128i a01, a23, px, d01, d23;

  /* how far [l, h] overlaps [left, left + 256] */
  a01 = _mm_sub_epi16 (_mm_min_epi16 (_mm_subs_epu16 (h, left01), full),
                       _mm_min_epi16 (_mm_subs_epu16 (l, left01), full));
  a23 = _mm_sub_epi16 (_mm_min_epi16 (_mm_subs_epu16 (h, left23), full),
                       _mm_min_epi16 (_mm_subs_epu16 (l, left23), full));
  if (pen->alpha < 256)
    {
      __m128i alpha = _mm_set1_epi16 ((short) pen->alpha);

      a01 = _mm_srli_epi16 (_mm_mullo_epi16 (a01, alpha), 8);
      a23 = _mm_srli_epi16 (_mm_mullo_epi16 (a23, alpha), 8);
    }

  if (step == sizeof (guint32))
    px = _mm_loadu_si128 ((const __m128i *) p);
  else
    px = _mm_setr_epi32 (*(const int *) p, *(const int *) (p + step),
                         *(const int *) (p + 2 * step), *(const int *) (p + 3 * step));

  d01 = _mm_unpacklo_epi8 (px, zero);
  d23 = _mm_unpackhi_epi8 (px, zero);
  d01 = _mm_srli_epi16 (_mm_add_epi16 (_mm_mullo_epi16 (pen->colour, a01),
                                       _mm_mullo_epi16 (d01, _mm_sub_epi16 (full, a01))), 8);
  d23 = _mm_srli_epi16 (_mm_add_epi16 (_mm_mullo_epi16 (pen->colour, a23),
                                       _mm_mullo_epi16 (d23, _mm_sub_epi16 (full, a23))), 8);
  px = _mm_packus_epi16 (d01, d23);

  if (step == sizeof (guint32))
    {
      _mm_storeu_si128 ((__m128i *) p, px);
    }
  else
    {
      *(int *) p = _mm_cvtsi128_si32 (px);
      *(int *) (p + step) = _mm_cvtsi128_si32 (_mm_shuffle_epi32 (px, 1));
      *(int *) (p + 2 * step) = _mm_cvtsi128_si32 (_mm_shuffle_epi32 (px, 2));
      *(int *) (p + 3 * step) = _mm_cvtsi128_si32 (_mm_shuffle_epi32 (px, 3));
    }
}
#define HAVE_SPAN4 1
#elif defined(HAVE_VECTORS)
/* Per lane: how much of the pixel from @left to @left + 256 the span from
 * @lo to @hi covers (0..256). */
static inline i16x8
coverage (i16x8 lo,
          i16x8 hi,
          i16x8 left)
{
  i16x8 right = left + 256, m, a, b, c;

  m = lo > left;
  a = (lo & m) | (left & ~m);
  m = hi < right;
  b = (hi & m) | (right & ~m);
  c = b - a;

  return c & (c > 0);
}

/* Four pixels from @start: their coverage by the span from @lo to @hi,
 * then every channel mixed in 16-bit lanes (colour × a + pixel × (256 − a)
 * ≤ 65,280).  Mixing uncovered pixels by 0 costs less than finding out
 * which they are. */
static inline void
span4 (guint8    *p,
       gsize      step,
       int        start,
       gint64     lo,
       gint64     hi,
       const Pen *pen)
{
  static const i16x8 left01 = { 0, 0, 0, 0, 256, 256, 256, 256 };
  static const i16x8 left23 = { 512, 512, 512, 512, 768, 768, 768, 768 };
  gint64 edge = (gint64) start << 16;
  i16x8 l = (i16x8) { 0 } + (gint16) CLAMP ((lo - edge) >> 8, -1024, 2048);
  i16x8 h = (i16x8) { 0 } + (gint16) CLAMP ((hi - edge) >> 8, -1024, 2048);
  u16x8 a01 = (u16x8) coverage (l, h, left01);
  u16x8 a23 = (u16x8) coverage (l, h, left23);
  u16x8 d01, d23;
  u32x4 px;
  u8x16 d;

  if (pen->alpha < 256)
    {
      a01 = (a01 * (guint16) pen->alpha) >> 8;
      a23 = (a23 * (guint16) pen->alpha) >> 8;
    }

  /* gathered in registers: going through memory would stall the load */
  if (step == sizeof (guint32))
    memcpy (&px, p, sizeof px);
  else
    px = (u32x4) { *(const guint32 *) p, *(const guint32 *) (p + step),
                   *(const guint32 *) (p + 2 * step), *(const guint32 *) (p + 3 * step) };
  d = (u8x16) px;

  d01 = __builtin_convertvector (__builtin_shufflevector (d, d, 0, 1, 2, 3, 4, 5, 6, 7), u16x8);
  d23 = __builtin_convertvector (__builtin_shufflevector (d, d, 8, 9, 10, 11, 12, 13, 14, 15), u16x8);
  d01 = (pen->lanes * a01 + d01 * (256 - a01)) >> 8;
  d23 = (pen->lanes * a23 + d23 * (256 - a23)) >> 8;
  px = (u32x4) __builtin_shufflevector (__builtin_convertvector (d01, u8x8),
                                        __builtin_convertvector (d23, u8x8),
                                        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

  if (step == sizeof (guint32))
    {
      memcpy (p, &px, sizeof px);
    }
  else
    {
      guint32 p0 = px[0], p1 = px[1], p2 = px[2], p3 = px[3];

      *(guint32 *) p = p0;
      *(guint32 *) (p + step) = p1;
      *(guint32 *) (p + 2 * step) = p2;
      *(guint32 *) (p + 3 * step) = p3;
    }
}
#define HAVE_SPAN4 1
#endif

#ifdef HAVE_SPAN4
/* span4() on the four pixels at the span's first, moved inside
 * [@limit_lo, @limit_hi) when the span crosses the band's edge. */
static inline void
span4_within (guint8    *base,
              gsize      step,
              int        limit_lo,
              int        limit_hi,
              gint64     lo,
              gint64     hi,
              const Pen *pen)
{
  int start = MIN (MAX ((int) (lo >> 16), limit_lo), limit_hi - 4);

  span4 (base + (gsize) start * step, step, start, lo, hi, pen);
}
#endif

/* a / b rounded down, for either sign */
static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static void
line_band (const SamMapRaster     *r,
           const SamMapRasterLine *line,
           const Pen              *pen)
{
  gboolean x_major = line->x_major;
  gsize step = x_major ? (gsize) r->stride : sizeof (guint32);
  gsize major_step = x_major ? sizeof (guint32) : (gsize) r->stride;
  int limit_lo = x_major ? r->y0 : r->x0;
  int limit_hi = x_major ? r->y1 : r->x1;
  int lo_m = line->from, hi_m = line->to;
  gint64 k, centre;
  gint32 pos = 0;
  guint8 *base;
#ifdef HAVE_SPAN4
  /* A span of at most 3 pixels always fits in the 4 from its first, or in
   * the 4 at the band's edge when it crosses it (the rest of it belongs to
   * the next band). */
  gboolean thin = line->half <= 3 * 32768 && limit_hi - limit_lo >= 4;
#endif

  if (!x_major)
    {
      lo_m = MAX (lo_m, r->y0);
      hi_m = MIN (hi_m, r->y1 - 1);
    }

  /* Only the steps whose span reaches [limit_lo, limit_hi) across: it
   * covers the pixels from centre − half to centre + half, and the centre
   * moves by dcentre a step, so integer division tells exactly. */
  {
    gint64 above = ((gint64) limit_lo << 16) - line->half - line->centre0;
    gint64 below = ((gint64) limit_hi << 16) + line->half - line->centre0;
    gint64 d = line->dcentre, k_lo, k_hi;

    if (d > 0)
      {
        k_lo = floor_div (above, d) + 1;
        k_hi = -floor_div (-below, d) - 1;
      }
    else if (d < 0)
      {
        k_lo = floor_div (below, d) + 1;
        k_hi = -floor_div (-above, d) - 1;
      }
    else if (above < 0 && below > 0)
      {
        k_lo = 0;
        k_hi = line->to - line->from;
      }
    else
      return;

    lo_m = (int) MAX ((gint64) lo_m, line->from + k_lo);
    hi_m = (int) MIN ((gint64) hi_m, line->from + k_hi);
  }
  if (lo_m > hi_m)
    return;

  k = lo_m - line->from;
  centre = line->centre0 + k * line->dcentre;
  if (line->period > 0)
    {
      gint64 p = ((gint64) line->pos0 + k * line->dpos) % line->period;

      pos = (gint32) (p < 0 ? p + line->period : p);
    }
  base = r->data + (gsize) lo_m * major_step;

#ifdef HAVE_SPAN4
  if (thin && line->period == 0)
    {
      /* most lines: no dashes, and a span that fits in four pixels */
      for (int major = lo_m; major <= hi_m; major++, centre += line->dcentre, base += major_step)
        span4_within (base, step, limit_lo, limit_hi, centre - line->half, centre + line->half, pen);
      return;
    }
#endif

  for (int major = lo_m; major <= hi_m; major++, centre += line->dcentre, base += major_step)
    {
      gint64 lo = centre - line->half, hi = centre + line->half;

      if (line->period > 0)
        {
          gboolean visible = pos < line->on;

          pos += line->dpos;
          if (pos >= line->period)
            pos -= line->period;
          else if (pos < 0)
            pos += line->period;
          if (!visible)
            continue;
        }

#ifdef HAVE_SPAN4
      if (thin)
        {
          span4_within (base, step, limit_lo, limit_hi, lo, hi, pen);
          continue;
        }
#endif
      span (base, step, limit_lo, limit_hi, lo, hi, pen);
    }
}

/* A zigzag is one operation but many strokes: each band works out which
 * of them reach it, so recording and sorting stay cheap.  Its corners are
 * on the axis at both ends and alternately @amplitude to either side in
 * between. */
static void
zigzag_band (const SamMapRaster   *r,
             const SamMapRaster   *whole,
             const SamMapRasterOp *op,
             const Pen            *pen)
{
  double ax = op->zigzag.ax, ay = op->zigzag.ay, x0 = ax, y0 = ay;
  double dx = op->zigzag.bx - ax, dy = op->zigzag.by - ay;
  double len = sqrt (dx * dx + dy * dy), ux, uy, seg, amp = op->zigzag.amplitude;
  double reach = op->zigzag.width + 2;
  guint n = op->zigzag.teeth, first = 1, last = n;

  if (len < 1 || n == 0)
    return;

  ux = dx / len;
  uy = dy / len;
  seg = len / n;
  if (fabs (dy) > 1e-9)
    {
      /* where along the axis it comes within reach of the band's rows */
      double margin = fabs (amp) + reach;
      double ta = (r->y0 - margin - ay) / uy, tb = (r->y1 + margin - ay) / uy;
      double t0 = MAX (MIN (ta, tb), 0), t1 = MIN (MAX (ta, tb), len);

      if (t0 > t1)
        return;
      first = CLAMP ((guint) floor (t0 / seg) + 1, 1, n);
      last = CLAMP ((guint) floor (t1 / seg) + 1, first, n);
    }

  for (guint i = first - 1; i <= last; i++)
    {
      double t = (double) i / n * len;
      double side = (i == 0 || i == n) ? 0 : (i % 2) ? amp : -amp;
      double x1 = ax + ux * t - uy * side, y1 = ay + uy * t + ux * side;
      SamMapRasterLine line;
      double ylo, yhi;

      /* i is the corner the stroke ends at; the first is only a start */
      if (i >= first && MAX (y0, y1) + reach >= r->y0 && MIN (y0, y1) - reach < r->y1 &&
          _sam_map_raster_line_init (&line, whole, x0, y0, x1, y1, op->zigzag.width, 0, 0, 0, &ylo, &yhi))
        line_band (r, &line, pen);
      x0 = x1;
      y0 = y1;
    }
}

/* Fills and images -------------------------------------------------------- */

static void
fill_band (const SamMapRaster   *r,
           const SamMapRasterOp *op)
{
  guint32 color = op->color;
  gsize row_bytes = (gsize) (r->x1 - r->x0) * sizeof (guint32);
  guint32 *first = (guint32 *) (r->data + (gsize) r->y0 * r->stride) + r->x0;

  if ((color >> 24) != 255)
    {
      for (int row = r->y0; row < r->y1; row++)
        {
          guint32 *p = (guint32 *) (r->data + (gsize) row * r->stride);

          for (int col = r->x0; col < r->x1; col++)
            p[col] = over_px (color, p[col]);
        }
      return;
    }

  /* one row, then copies of it: memcpy() is faster than any loop here */
  for (int col = 0; col < r->x1 - r->x0; col++)
    first[col] = color;
  for (int row = r->y0 + 1; row < r->y1; row++)
    memcpy (r->data + (gsize) row * r->stride + (gsize) r->x0 * sizeof (guint32), first, row_bytes);
}

/* @s over @d for @n pixels, four at a time where vectors exist. */
static inline void
over_run (guint32       *d,
          const guint32 *s,
          int            n)
{
  int x = 0;

#if defined(HAVE_SSE2)
  const __m128i zero = _mm_setzero_si128 (), c255 = _mm_set1_epi16 (255), c128 = _mm_set1_epi16 (128);

  for (; x + 4 <= n; x += 4)
    {
      __m128i sv = _mm_loadu_si128 ((const __m128i *) (s + x));
      __m128i dv = _mm_loadu_si128 ((const __m128i *) (d + x));
      __m128i s01 = _mm_unpacklo_epi8 (sv, zero), s23 = _mm_unpackhi_epi8 (sv, zero);
      __m128i d01 = _mm_unpacklo_epi8 (dv, zero), d23 = _mm_unpackhi_epi8 (dv, zero);
      /* 255 − alpha in all four lanes of each pixel */
      __m128i i01 = _mm_sub_epi16 (c255, _mm_shufflehi_epi16 (_mm_shufflelo_epi16 (s01, 0xff), 0xff));
      __m128i i23 = _mm_sub_epi16 (c255, _mm_shufflehi_epi16 (_mm_shufflelo_epi16 (s23, 0xff), 0xff));

      /* d × inv / 255, rounded as in over_px() */
      d01 = _mm_add_epi16 (_mm_mullo_epi16 (d01, i01), c128);
      d23 = _mm_add_epi16 (_mm_mullo_epi16 (d23, i23), c128);
      d01 = _mm_add_epi16 (s01, _mm_srli_epi16 (_mm_add_epi16 (d01, _mm_srli_epi16 (d01, 8)), 8));
      d23 = _mm_add_epi16 (s23, _mm_srli_epi16 (_mm_add_epi16 (d23, _mm_srli_epi16 (d23, 8)), 8));
      _mm_storeu_si128 ((__m128i *) (d + x), _mm_packus_epi16 (d01, d23));
    }
#elif defined(HAVE_VECTORS)
  for (; x + 4 <= n; x += 4)
    {
      u8x16 sv, dv;
      u16x8 s01, s23, d01, d23, i01, i23;

      memcpy (&sv, s + x, sizeof sv);
      memcpy (&dv, d + x, sizeof dv);
      s01 = __builtin_convertvector (__builtin_shufflevector (sv, sv, 0, 1, 2, 3, 4, 5, 6, 7), u16x8);
      s23 = __builtin_convertvector (__builtin_shufflevector (sv, sv, 8, 9, 10, 11, 12, 13, 14, 15), u16x8);
      d01 = __builtin_convertvector (__builtin_shufflevector (dv, dv, 0, 1, 2, 3, 4, 5, 6, 7), u16x8);
      d23 = __builtin_convertvector (__builtin_shufflevector (dv, dv, 8, 9, 10, 11, 12, 13, 14, 15), u16x8);
      i01 = 255 - __builtin_shufflevector (s01, s01, 3, 3, 3, 3, 7, 7, 7, 7);
      i23 = 255 - __builtin_shufflevector (s23, s23, 3, 3, 3, 3, 7, 7, 7, 7);
      /* d × inv / 255, rounded as in over_px() */
      d01 = d01 * i01 + 128;
      d23 = d23 * i23 + 128;
      d01 = s01 + ((d01 + (d01 >> 8)) >> 8);
      d23 = s23 + ((d23 + (d23 >> 8)) >> 8);
      dv = __builtin_shufflevector (__builtin_convertvector (d01, u8x8), __builtin_convertvector (d23, u8x8),
                                    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
      memcpy (d + x, &dv, sizeof dv);
    }
#endif

  for (; x < n; x++)
    if (s[x] != 0)
      d[x] = over_px (s[x], d[x]);
}

static void
blit_band (const SamMapRaster   *r,
           const SamMapRasterOp *op)
{
  const SamMapRasterRuns *runs = op->blit.runs;
  int y0 = MAX (op->blit.y, r->y0), y1 = MIN (op->blit.y + op->blit.h, r->y1);

  for (int row = y0; row < y1; row++)
    {
      int srow = row - op->blit.y;
      const guint32 *s = (const guint32 *) (op->blit.data + (gsize) srow * op->blit.stride);
      guint32 *d = (guint32 *) (r->data + (gsize) row * r->stride) + op->blit.x;

      for (guint i = runs->row_start[srow]; i < runs->row_start[srow + 1]; i++)
        {
          const SamMapRasterRun *run = &runs->runs[i];
          int a = MAX ((int) run->x, r->x0 - op->blit.x);
          int b = MIN ((int) run->x + run->len, r->x1 - op->blit.x);

          if (a >= b)
            continue;
          if (run->opaque)
            memcpy (d + a, s + a, (gsize) (b - a) * sizeof (guint32));
          else
            over_run (d + a, s + a, b - a);
        }
    }
}

/* Coverage of a triangle, row by row: four sample lines per row, each
 * crossing the (convex) triangle in one interval whose ends count with the
 * part of the pixel they cover. */
static void
triangle_band (const SamMapRaster   *r,
               const SamMapRasterOp *op,
               const Pen            *pen)
{
  const float *x = op->triangle.x, *y = op->triangle.y;
  int left = MAX ((int) floor (MIN (x[0], MIN (x[1], x[2]))), r->x0);
  int right = MIN ((int) ceil (MAX (x[0], MAX (x[1], x[2]))), r->x1);
  int y0 = MAX (op->ylo, r->y0), y1 = MIN (op->yhi, r->y1);
  guint16 stack[256], *cover;
  int w = right - left;
  double inv[3];

  if (w <= 0 || y0 >= y1)
    return;

  for (int i = 0; i < 3; i++)
    {
      int j = (i + 1) % 3;

      inv[i] = y[j] != y[i] ? (x[j] - x[i]) / (y[j] - y[i]) : 0;
    }

  cover = w <= (int) G_N_ELEMENTS (stack) ? stack : g_new (guint16, w);
  memset (cover, 0, w * sizeof *cover);
  for (int row = y0; row < y1; row++)
    {
      int used_lo = right, used_hi = left - 1;   /* the pixels this row touched */

      for (int sub = 0; sub < 4; sub++)
        {
          double yy = row + (sub + 0.5) / 4, lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
          int a, b;

          for (int i = 0; i < 3; i++)
            {
              int j = (i + 1) % 3;
              double xx;

              if ((y[i] <= yy) == (y[j] <= yy))
                continue;
              xx = x[i] + (yy - y[i]) * inv[i];
              lo = MIN (lo, xx);
              hi = MAX (hi, xx);
            }
          lo = MAX (lo, left);
          hi = MIN (hi, right);
          if (lo >= hi)
            continue;

          /* the ends count with the part they cover, the pixels between fully */
          a = (int) lo;
          b = MIN ((int) hi, right - 1);
          used_lo = MIN (used_lo, a);
          used_hi = MAX (used_hi, b);
          if (a == b)
            {
              cover[a - left] += (guint16) ((hi - lo) * 64 + 0.5);
              continue;
            }
          cover[a - left] += (guint16) ((a + 1 - lo) * 64 + 0.5);
          for (int px = a + 1; px < b; px++)
            cover[px - left] += 64;
          cover[b - left] += (guint16) ((hi - b) * 64 + 0.5);
        }

      if (used_lo <= used_hi)
        {
          guint32 *d = (guint32 *) (r->data + (gsize) row * r->stride) + left;

          for (int i = used_lo - left; i <= used_hi - left; i++)
            {
              if (cover[i] > 0)
                blend (d + i, pen, MIN (cover[i], 256));
              cover[i] = 0;
            }
        }
    }

  if (cover != stack)
    g_free (cover);
}

/**
 * _sam_map_raster_draw_op:
 * @band: the rows to draw into, nothing outside them
 * @whole: the whole picture the operation was recorded for
 * @op: what to draw
 */
void
_sam_map_raster_draw_op (const SamMapRaster   *band,
                         const SamMapRaster   *whole,
                         const SamMapRasterOp *op)
{
  Pen pen;

  switch (op->kind)
    {
    case SAM_MAP_RASTER_FILL:
      fill_band (band, op);
      break;
    case SAM_MAP_RASTER_LINE:
      pen_init (&pen, op->color);
      line_band (band, &op->line, &pen);
      break;
    case SAM_MAP_RASTER_ZIGZAG:
      pen_init (&pen, op->color);
      zigzag_band (band, whole, op, &pen);
      break;
    case SAM_MAP_RASTER_BLIT:
      blit_band (band, op);
      break;
    case SAM_MAP_RASTER_TRIANGLE:
      pen_init (&pen, op->color);
      triangle_band (band, op, &pen);
      break;
    default:
      g_assert_not_reached ();
    }
}
