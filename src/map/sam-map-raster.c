/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-map-raster-private.h"

/* Below this many recorded things, waking other threads costs more than it
 * saves. */
#define MIN_OPS_FOR_THREADS 64

#define BAND_ROWS SAM_MAP_RASTER_BAND_ROWS

typedef SamMapRasterOp Op;

struct _SamMapRasterQueue
{
  GArray    *ops;          /* Op */
  GPtrArray *sprites;      /* referenced until drawn */
  GArray    *band_start;   /* guint: n_bands + 1 offsets into items */
  GArray    *band_fill;    /* guint: cursor per band while binning */
  GArray    *items;        /* guint: op index, per band in recorded order */
};

static guint max_threads;  /* 0: automatic */

/**
 * sam_map_raster_queue_new:
 *
 * Returns: (transfer full): storage for the recorded operations; a renderer
 *   keeps one, so the memory is reused from frame to frame
 */
SamMapRasterQueue *
sam_map_raster_queue_new (void)
{
  SamMapRasterQueue *queue = g_new0 (SamMapRasterQueue, 1);

  queue->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  queue->sprites = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  queue->band_start = g_array_new (FALSE, TRUE, sizeof (guint));
  queue->band_fill = g_array_new (FALSE, TRUE, sizeof (guint));
  queue->items = g_array_new (FALSE, FALSE, sizeof (guint));

  return queue;
}

void
sam_map_raster_queue_free (SamMapRasterQueue *queue)
{
  if (queue == NULL)
    return;

  g_array_unref (queue->ops);
  g_ptr_array_unref (queue->sprites);
  g_array_unref (queue->band_start);
  g_array_unref (queue->band_fill);
  g_array_unref (queue->items);
  g_free (queue);
}

/**
 * sam_map_raster_set_max_threads:
 * @n_threads: how many threads sam_map_raster_end() may use, or 0 for
 *   one per processor (at most four)
 *
 * For benchmarks and tests: the picture does not depend on it.
 */
void
sam_map_raster_set_max_threads (guint n_threads)
{
  g_atomic_int_set (&max_threads, n_threads);
}

guint
sam_map_raster_get_max_threads (void)
{
  guint n = g_atomic_int_get (&max_threads);

  return n > 0 ? n : CLAMP (g_get_num_processors (), 1, 4);
}

/**
 * sam_map_raster_begin:
 * @raster: the rasteriser to set up
 * @cr: a cairo context
 * @queue: (nullable): storage to record into, or %NULL for storage of its own
 *
 * Succeeds when @cr draws on an ARGB32 or RGB24 image surface with the same
 * scale on both axes and no rotation (a widget's HiDPI layer included); then
 * what is drawn through @raster lands where cairo would have put it.
 * Everything else (PDF, SVG) keeps using cairo.  Until sam_map_raster_end()
 * nothing else may draw on the surface.
 *
 * Returns: %TRUE when @raster can be used; then call sam_map_raster_end()
 */
gboolean
sam_map_raster_begin (SamMapRaster      *raster,
                      cairo_t           *cr,
                      SamMapRasterQueue *queue)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double dsx = 1, dsy = 1, dox = 0, doy = 0;
  double cx0, cy0, cx1, cy1;
  cairo_format_t format;

  memset (raster, 0, sizeof *raster);

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;

  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &dsx, &dsy);
  cairo_surface_get_device_offset (target, &dox, &doy);
  if (m.xx != m.yy || m.xx <= 0 || m.xy != 0 || m.yx != 0 || dsx != dsy)
    return FALSE;

  cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
  cairo_surface_flush (target);

  raster->surface = target;
  raster->data = cairo_image_surface_get_data (target);
  raster->stride = cairo_image_surface_get_stride (target);
  raster->scale = m.xx * dsx;
  raster->dx = m.x0 * dsx + dox;
  raster->dy = m.y0 * dsy + doy;
  raster->x0 = MAX (0, (int) floor (cx0 * raster->scale + raster->dx));
  raster->y0 = MAX (0, (int) floor (cy0 * raster->scale + raster->dy));
  raster->x1 = MIN (cairo_image_surface_get_width (target),
                    (int) ceil (cx1 * raster->scale + raster->dx));
  raster->y1 = MIN (cairo_image_surface_get_height (target),
                    (int) ceil (cy1 * raster->scale + raster->dy));

  if (raster->data == NULL || raster->x1 <= raster->x0 || raster->y1 <= raster->y0)
    return FALSE;

  raster->own_queue = queue == NULL;
  raster->queue = queue != NULL ? queue : sam_map_raster_queue_new ();
  g_array_set_size (raster->queue->ops, 0);
  g_ptr_array_set_size (raster->queue->sprites, 0);

  return TRUE;
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

static inline guint32
pack (const SamMapRasterColor *c)
{
  return ((guint32) c->a << 24) | ((guint32) c->r << 16) | ((guint32) c->g << 8) | c->b;
}

/* Recording */

static Op *
push_op (SamMapRaster       *raster,
         SamMapRasterOpKind  kind,
         double              ylo,
         double              yhi)
{
  Op *op;
  int lo = MAX ((int) floor (ylo), raster->y0);
  int hi = MIN ((int) ceil (yhi) + 1, raster->y1);

  if (lo >= hi)
    return NULL;

  g_array_set_size (raster->queue->ops, raster->queue->ops->len + 1);
  op = &g_array_index (raster->queue->ops, Op, raster->queue->ops->len - 1);
  op->kind = kind;
  op->ylo = lo;
  op->yhi = hi;

  return op;
}

/**
 * sam_map_raster_fill:
 * @color: the colour to paint the whole clip with
 */
void
sam_map_raster_fill (SamMapRaster            *raster,
                     const SamMapRasterColor *color)
{
  Op *op = push_op (raster, SAM_MAP_RASTER_FILL, raster->y0, raster->y1);

  if (op != NULL)
    op->color = pack (color);
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
 * A straight line with butt ends, as cairo_stroke() would draw it.
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
  double sc = raster->scale, start = 0, period = 0, ylo, yhi;
  SamMapRasterLine line;
  Op *op;

  if (dash != NULL)
    {
      period = MAX (dash[0] + dash[1], 0);
      start = dash_offset ? *dash_offset : 0;
      if (dash_offset && period > 0)
        *dash_offset = fmod (start + sqrt ((bx - ax) * (bx - ax) + (by - ay) * (by - ay)), period);
    }

  if (color->a == 0 ||
      !_sam_map_raster_line_init (&line, raster,
                                  ax * sc + raster->dx, ay * sc + raster->dy,
                                  bx * sc + raster->dx, by * sc + raster->dy,
                                  width * sc, dash ? dash[0] * sc : 0, period * sc, start * sc,
                                  &ylo, &yhi))
    return;

  op = push_op (raster, SAM_MAP_RASTER_LINE, ylo, yhi);
  if (op == NULL)
    return;

  op->color = pack (color);
  op->line = line;
}

/**
 * sam_map_raster_zigzag:
 * @raster: a rasteriser set up by sam_map_raster_begin()
 * @ax: start, user coordinates
 * @ay: start
 * @bx: end
 * @by: end
 * @amplitude: how far the corners stand out from the axis
 * @period: the length of one tooth (there and back) along the axis
 * @width: the line width
 * @color: its colour
 *
 * A zigzag from (@ax, @ay) to (@bx, @by): its corners alternately
 * @amplitude to the left and to the right, the ends on the axis.  The same
 * as one sam_map_raster_line() per stroke, recorded as one.
 */
void
sam_map_raster_zigzag (SamMapRaster            *raster,
                       double                   ax,
                       double                   ay,
                       double                   bx,
                       double                   by,
                       double                   amplitude,
                       double                   period,
                       double                   width,
                       const SamMapRasterColor *color)
{
  double sc = raster->scale, len = sqrt ((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
  double margin = (fabs (amplitude) + width) * sc + 2;
  Op *op;

  if (color->a == 0 || width <= 0 || len < 1 || period <= 0)
    return;

  ax = ax * sc + raster->dx;
  ay = ay * sc + raster->dy;
  bx = bx * sc + raster->dx;
  by = by * sc + raster->dy;
  if (MAX (ax, bx) + margin < raster->x0 || MIN (ax, bx) - margin > raster->x1)
    return;

  op = push_op (raster, SAM_MAP_RASTER_ZIGZAG, MIN (ay, by) - margin, MAX (ay, by) + margin);
  if (op == NULL)
    return;

  op->color = pack (color);
  op->zigzag.ax = ax;
  op->zigzag.ay = ay;
  op->zigzag.bx = bx;
  op->zigzag.by = by;
  op->zigzag.amplitude = (float) (amplitude * sc);
  op->zigzag.width = (float) (width * sc);
  op->zigzag.teeth = MAX ((guint) MIN (len / (period / 2), 100000), 2);
}

static cairo_user_data_key_t runs_key;

static void
runs_free (gpointer data)
{
  SamMapRasterRuns *runs = data;

  g_free (runs->row_start);
  g_free (runs->runs);
  g_free (runs);
}

static const SamMapRasterRuns *
sprite_runs (cairo_surface_t *sprite)
{
  SamMapRasterRuns *runs = cairo_surface_get_user_data (sprite, &runs_key);
  const guint8 *data = cairo_image_surface_get_data (sprite);
  int w = cairo_image_surface_get_width (sprite), h = cairo_image_surface_get_height (sprite);
  int stride = cairo_image_surface_get_stride (sprite);
  g_autoptr(GArray) list = NULL;

  if (runs != NULL)
    return runs;

  list = g_array_new (FALSE, FALSE, sizeof (SamMapRasterRun));
  runs = g_new0 (SamMapRasterRuns, 1);
  runs->row_start = g_new (guint, h + 1);
  for (int row = 0; row < h; row++)
    {
      const guint32 *p = (const guint32 *) (data + (gsize) row * stride);

      runs->row_start[row] = list->len;
      for (int x = 0; x < w;)
        {
          SamMapRasterRun run = { (guint16) x, 0, FALSE };
          int opaque_from = -1;

          if (p[x] == 0)
            {
              x++;
              continue;
            }

          /* A run of non-transparent pixels; a stretch of 8 or more opaque
           * ones becomes a run of its own, to be copied. */
          while (x < w && p[x] != 0)
            {
              if ((p[x] >> 24) != 255)
                opaque_from = -1;
              else if (opaque_from < 0)
                opaque_from = x;
              x++;
              if (opaque_from >= 0 && x - opaque_from >= 8 &&
                  (x == w || (p[x] >> 24) != 255))
                break;
            }

          if (opaque_from >= 0 && x - opaque_from >= 8)
            {
              SamMapRasterRun copy = { (guint16) opaque_from, (guint16) (x - opaque_from), TRUE };

              if (opaque_from > run.x)
                {
                  run.len = (guint16) (opaque_from - run.x);
                  g_array_append_val (list, run);
                }
              g_array_append_val (list, copy);
            }
          else
            {
              run.len = (guint16) (x - run.x);
              g_array_append_val (list, run);
            }
        }
    }
  runs->row_start[h] = list->len;
  runs->runs = (SamMapRasterRun *) g_array_free (g_steal_pointer (&list), FALSE);
  cairo_surface_set_user_data (sprite, &runs_key, runs, runs_free);

  return runs;
}

/**
 * sam_map_raster_blit:
 * @raster: a rasteriser set up by sam_map_raster_begin()
 * @sprite: an ARGB32 image surface, drawn once and reused; its pixels are
 *   meant for @raster's scale.  Which of them are transparent, opaque or in
 *   between is worked out at its first blit and kept with it: a sprite must
 *   not change once blitted (make a new one instead)
 * @x: where its top left corner goes, user coordinates
 * @y: where its top left corner goes
 *
 * Paints @sprite over the pixels, as cairo_set_source_surface() and
 * cairo_paint() would at a whole-pixel position, without cairo's set-up
 * cost per call.
 */
void
sam_map_raster_blit (SamMapRaster    *raster,
                     cairo_surface_t *sprite,
                     double           x,
                     double           y)
{
  int sx = (int) lround (x * raster->scale + raster->dx);
  int sy = (int) lround (y * raster->scale + raster->dy);
  int w = cairo_image_surface_get_width (sprite), h = cairo_image_surface_get_height (sprite);
  Op *op;

  if (cairo_image_surface_get_format (sprite) != CAIRO_FORMAT_ARGB32 || w > G_MAXUINT16 ||
      sx + w <= raster->x0 || sx >= raster->x1)
    return;

  cairo_surface_flush (sprite);
  if (cairo_image_surface_get_data (sprite) == NULL)
    return;

  op = push_op (raster, SAM_MAP_RASTER_BLIT, sy, sy + h - 1);
  if (op == NULL)
    return;

  op->blit.data = cairo_image_surface_get_data (sprite);
  op->blit.runs = sprite_runs (sprite);
  op->blit.stride = cairo_image_surface_get_stride (sprite);
  op->blit.x = sx;
  op->blit.y = sy;
  op->blit.w = w;
  op->blit.h = h;
  g_ptr_array_add (raster->queue->sprites, cairo_surface_reference (sprite));
}

/**
 * sam_map_raster_triangle:
 * @raster: a rasteriser set up by sam_map_raster_begin()
 * @points: (array fixed-size=6): three corners, x and y, user coordinates
 * @color: its colour
 *
 * Fills a triangle (an arrow head), anti-aliased, as cairo_fill() would.
 */
void
sam_map_raster_triangle (SamMapRaster            *raster,
                         const double            *points,
                         const SamMapRasterColor *color)
{
  double x[3], y[3];
  Op *op;

  if (color->a == 0)
    return;

  for (guint i = 0; i < 3; i++)
    {
      x[i] = points[2 * i] * raster->scale + raster->dx;
      y[i] = points[2 * i + 1] * raster->scale + raster->dy;
    }

  if (MAX (x[0], MAX (x[1], x[2])) < raster->x0 || MIN (x[0], MIN (x[1], x[2])) > raster->x1)
    return;

  op = push_op (raster, SAM_MAP_RASTER_TRIANGLE, MIN (y[0], MIN (y[1], y[2])), MAX (y[0], MAX (y[1], y[2])));
  if (op == NULL)
    return;

  op->color = pack (color);
  for (guint i = 0; i < 3; i++)
    {
      op->triangle.x[i] = (float) x[i];
      op->triangle.y[i] = (float) y[i];
    }
}

typedef struct
{
  gint          ref_count;
  gint          next;        /* next band to take */
  gint          done;        /* bands drawn */
  guint         n_bands;
  SamMapRaster  raster;
  const Op     *ops;
  const guint  *band_start;
  const guint  *items;
  GMutex        lock;
  GCond         cond;
} Job;

static void
job_unref (Job *job)
{
  if (!g_atomic_int_dec_and_test (&job->ref_count))
    return;

  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

static void
draw_band (Job   *job,
           guint  band)
{
  SamMapRaster r = job->raster;

  r.y0 = job->raster.y0 + (int) band * BAND_ROWS;
  r.y1 = MIN (r.y0 + BAND_ROWS, job->raster.y1);

  for (guint i = job->band_start[band]; i < job->band_start[band + 1]; i++)
    _sam_map_raster_draw_op (&r, &job->raster, &job->ops[job->items[i]]);
}

/* Takes bands until none is left.  A helper thread that starts late finds
 * none and only touches the counters, which is why the job is counted. */
static void
work (Job *job)
{
  for (;;)
    {
      guint band = (guint) g_atomic_int_add (&job->next, 1);

      if (band >= job->n_bands)
        break;

      draw_band (job, band);
      if ((guint) g_atomic_int_add (&job->done, 1) + 1 == job->n_bands)
        {
          g_mutex_lock (&job->lock);
          g_cond_broadcast (&job->cond);
          g_mutex_unlock (&job->lock);
        }
    }
}

static void
helper_thread (gpointer data,
               gpointer user_data)
{
  Job *job = data;

  work (job);
  job_unref (job);
}

static GThreadPool *
helper_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      GThreadPool *p = g_thread_pool_new (helper_thread, NULL, 3, FALSE, NULL);

      g_once_init_leave (&pool, p);
    }

  return pool;
}

/* Counting sort of the operations into the bands they touch, keeping
 * their order within each band. */
static guint
bin_ops (SamMapRaster *raster)
{
  SamMapRasterQueue *q = raster->queue;
  guint n_bands = (guint) (raster->y1 - raster->y0 + BAND_ROWS - 1) / BAND_ROWS;
  guint *start, *fill, total = 0;

  g_array_set_size (q->band_start, n_bands + 1);
  g_array_set_size (q->band_fill, n_bands);
  start = (guint *) q->band_start->data;
  fill = (guint *) q->band_fill->data;
  memset (start, 0, (n_bands + 1) * sizeof (guint));

  for (guint i = 0; i < q->ops->len; i++)
    {
      const Op *op = &g_array_index (q->ops, Op, i);

      for (int b = (op->ylo - raster->y0) / BAND_ROWS; b <= (op->yhi - 1 - raster->y0) / BAND_ROWS; b++)
        start[b + 1]++;
    }
  for (guint b = 0; b < n_bands; b++)
    {
      total += start[b + 1];
      start[b + 1] = total;
      fill[b] = start[b];
    }

  g_array_set_size (q->items, total);
  for (guint i = 0; i < q->ops->len; i++)
    {
      const Op *op = &g_array_index (q->ops, Op, i);

      for (int b = (op->ylo - raster->y0) / BAND_ROWS; b <= (op->yhi - 1 - raster->y0) / BAND_ROWS; b++)
        g_array_index (q->items, guint, fill[b]++) = i;
    }

  return n_bands;
}

/**
 * sam_map_raster_end:
 * @raster: a rasteriser set up by sam_map_raster_begin()
 *
 * Draws everything recorded since sam_map_raster_begin() and hands the
 * surface back to cairo.
 */
void
sam_map_raster_end (SamMapRaster *raster)
{
  SamMapRasterQueue *q = raster->queue;

  if (q == NULL)
    return;

  if (q->ops->len > 0)
    {
      Job *job = g_new0 (Job, 1);
      guint n_threads = sam_map_raster_get_max_threads ();

      job->ref_count = 1;
      job->n_bands = bin_ops (raster);
      job->raster = *raster;
      job->ops = (const Op *) q->ops->data;
      job->band_start = (const guint *) q->band_start->data;
      job->items = (const guint *) q->items->data;
      g_mutex_init (&job->lock);
      g_cond_init (&job->cond);

      if (q->ops->len < MIN_OPS_FOR_THREADS)
        n_threads = 1;
      n_threads = MIN (n_threads, job->n_bands);
      for (guint i = 1; i < n_threads; i++)
        {
          g_atomic_int_inc (&job->ref_count);
          g_thread_pool_push (helper_pool (), job, NULL);
        }

      work (job);

      g_mutex_lock (&job->lock);
      while ((guint) g_atomic_int_get (&job->done) < job->n_bands)
        g_cond_wait (&job->cond, &job->lock);
      g_mutex_unlock (&job->lock);
      job_unref (job);
    }

  g_array_set_size (q->ops, 0);
  g_ptr_array_set_size (q->sprites, 0);
  cairo_surface_mark_dirty (raster->surface);

  if (raster->own_queue)
    sam_map_raster_queue_free (q);
  raster->queue = NULL;
}
