/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "sam-chart-text.h"
#include "sam-checklist-chart.h"

/* Radar: one axis per theme, rings at the scores 1–5 from the centre (0),
 * one closed outline per series through the axes that have a value.  The
 * legend names every outline, so no meaning is carried by colour alone. */

#define LABEL_WIDTH 7.0

static double
font_size (double width,
           double height)
{
  return CLAMP (MIN (width, height) / 26.0, 7.0, 22.0);
}

static void radar_geometry_sized (double            width,
                                  double            height,
                                  guint             n_series,
                                  double            size,
                                  double            label_width,
                                  SamRadarGeometry *geometry);

/**
 * sam_checklist_chart_radar_geometry:
 * @width: the chart's width
 * @height: the chart's height
 * @n_series: how many outlines the legend names (0: no legend)
 * @geometry: (out): where the radar and the legend go
 *
 * A wide chart has its legend on the right, a tall one below.
 */
void
sam_checklist_chart_radar_geometry (double            width,
                                    double            height,
                                    guint             n_series,
                                    SamRadarGeometry *geometry)
{
  double size = font_size (width, height);

  radar_geometry_sized (width, height, n_series, size, size * LABEL_WIDTH, geometry);
}

/* Where the radar and its legend go with text of @size, the themes' names
 * wrapping at @label_width. */
static void
radar_geometry_sized (double            width,
                      double            height,
                      guint             n_series,
                      double            size,
                      double            label_width,
                      SamRadarGeometry *geometry)
{
  double legend_w = n_series > 0 && width > height * 1.25 ? MIN (width * 0.32, size * 14) : 0;
  double legend_h = n_series > 0 && legend_w == 0 ? (size * 1.6) * n_series + size : 0;
  double area_w = width - legend_w, area_h = height - legend_h;

  /* Room around the rings for the themes' names, which wrap at
   * @label_width (three lines above and below). */
  geometry->label_width = label_width;
  geometry->label_gap = 0;
  geometry->radius = MAX (MIN (area_w / 2 - label_width - size * 0.8, area_h / 2 - size * 3.6), size);
  geometry->cx = area_w / 2;
  geometry->cy = area_h / 2;
  geometry->legend_x = legend_w > 0 ? area_w + size * 0.5 : size;
  geometry->legend_y = legend_w > 0 ? MAX (size, height / 2 - (size * 1.6) * n_series / 2) : area_h + size * 0.5;
}

/**
 * sam_checklist_chart_radar_point:
 * @geometry: from sam_checklist_chart_radar_geometry()
 * @n_axes: the number of axes
 * @axis: which axis; the first points up, the others follow clockwise
 * @value: the score, 0 (centre) to 5 (outer ring)
 * @x: (out): where @value lies on @axis
 * @y: (out): where @value lies on @axis
 */
void
sam_checklist_chart_radar_point (const SamRadarGeometry *geometry,
                                 guint                   n_axes,
                                 guint                   axis,
                                 double                  value,
                                 double                 *x,
                                 double                 *y)
{
  double angle = -G_PI / 2 + 2 * G_PI * axis / MAX (n_axes, 1);
  double r = geometry->radius * CLAMP (value, 0, 5) / 5.0;

  *x = geometry->cx + r * cos (angle);
  *y = geometry->cy + r * sin (angle);
}

static void
draw_grid (cairo_t                *cr,
           const SamRadarGeometry *g,
           guint                   n_axes,
           double                  size,
           gboolean                dark)
{
  double x, y;

  cairo_set_line_width (cr, MAX (size / 14, 0.5));
  for (guint ring = 1; ring <= 5; ring++)
    {
      for (guint a = 0; a <= n_axes; a++)
        {
          sam_checklist_chart_radar_point (g, n_axes, a % n_axes, ring, &x, &y);
          if (a == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      sam_chart_set_ink (cr, dark, ring == 5 ? 0.45 : 0.18);
      cairo_stroke (cr);
    }

  for (guint a = 0; a < n_axes; a++)
    {
      sam_checklist_chart_radar_point (g, n_axes, a, 5, &x, &y);
      cairo_move_to (cr, g->cx, g->cy);
      cairo_line_to (cr, x, y);
    }
  sam_chart_set_ink (cr, dark, 0.25);
  cairo_stroke (cr);

  /* The scale along the first axis: every ring, or from the outer one
   * every second or third where the digits would overlap. */
  for (guint ring = 1; ring <= 5; ring++)
    {
      char digit[2] = { '0' + ring, 0 };
      g_autoptr(PangoLayout) layout = sam_chart_text_layout_new (cr, sam_chart_text_size (cr, size * 0.7), FALSE,
                                                                 digit);
      guint step = 1;
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      while (step < 5 && g->radius / 5 * step < h * 0.85)
        step++;
      if ((5 - ring) % step != 0)
        continue;
      sam_checklist_chart_radar_point (g, n_axes, 0, ring, &x, &y);
      sam_chart_set_ink (cr, dark, 0.55);
      cairo_move_to (cr, x + size * 0.25, y - size * 0.45);
      sam_chart_text_show (cr, layout);
    }
}

/* The widest word of the themes' names: a name wraps between words only,
 * so no name may get less room than that. */
static double
widest_word (cairo_t            *cr,
             const char * const *axes,
             guint               n_axes,
             double              size)
{
  double widest = 0;

  for (guint a = 0; a < n_axes; a++)
    {
      g_auto(GStrv) words = g_strsplit_set (axes[a], " \t\n", -1);

      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autoptr(PangoLayout) layout = sam_chart_text_layout_new (cr, size, TRUE, words[i]);
          int w;

          pango_layout_get_pixel_size (layout, &w, NULL);
          widest = MAX (widest, w);
        }
    }

  return widest + size * 0.2;
}

/* How a theme's name sits at the end of its axis, whose direction is
 * (@ux, @uy): centred over an axis that points up or down, else beside it;
 * above the upper axes, below the lower ones. */
static void
label_offset (double  ux,
              double  uy,
              double  w,
              double  h,
              double *dx,
              double *dy)
{
  *dx = fabs (ux) < 0.15 ? -w / 2.0 : ux < 0 ? -w : 0;
  *dy = uy < -0.5 ? -h : uy > 0.5 ? 0 : -h / 2.0;
}

static void
axis_direction (guint   n_axes,
                guint   axis,
                double *ux,
                double *uy)
{
  double angle = -G_PI / 2 + 2 * G_PI * axis / MAX (n_axes, 1);

  *ux = cos (angle);
  *uy = sin (angle);
}

static PangoLayout *
axis_label_new (cairo_t    *cr,
                const char *text,
                double      size,
                double      box)
{
  PangoLayout *layout = sam_chart_text_layout_new (cr, size, TRUE, text);

  pango_layout_set_width (layout, (int) (box * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  return layout;
}

static void
draw_axis_labels (cairo_t                *cr,
                  const SamRadarGeometry *g,
                  const char * const     *axes,
                  guint                   n_axes,
                  double                  size,
                  gboolean                dark)
{
  for (guint a = 0; a < n_axes; a++)
    {
      g_autoptr(PangoLayout) layout = axis_label_new (cr, axes[a], size, g->label_width);
      double box = g->label_width;
      double ux, uy, x, y, dx, dy;
      int w, h;

      axis_direction (n_axes, a, &ux, &uy);
      /* Aligned inside a box of the label width, placed by the box's edge. */
      if (fabs (ux) < 0.15)
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      else if (ux < 0)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (layout, &w, &h);
      label_offset (ux, uy, box, h, &dx, &dy);
      x = g->cx + (g->radius + g->label_gap) * ux + dx;
      y = g->cy + (g->radius + g->label_gap) * uy + dy;
      sam_chart_set_ink (cr, dark, 0.9);
      cairo_move_to (cr, x, y);
      sam_chart_text_show (cr, layout);
    }
}

static gboolean
trace_outline (cairo_t                *cr,
               const SamRadarGeometry *g,
               guint                   n_axes,
               const SamRadarSeries   *series)
{
  gboolean any = FALSE;
  double x, y;

  for (guint a = 0; a < n_axes; a++)
    {
      if (isnan (series->values[a]))
        continue;
      sam_checklist_chart_radar_point (g, n_axes, a, series->values[a], &x, &y);
      if (!any)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      any = TRUE;
    }

  if (any)
    cairo_close_path (cr);
  return any;
}

/* Every fill goes under every line, so no outline hides another's. */
static void
fill_outline (cairo_t                *cr,
              const SamRadarGeometry *g,
              guint                   n_axes,
              const SamRadarSeries   *series)
{
  if (!trace_outline (cr, g, n_axes, series))
    return;

  cairo_set_source_rgba (cr, series->colour.red, series->colour.green, series->colour.blue,
                         series->dashed ? 0.05 : 0.12);
  cairo_fill (cr);
}

static void
stroke_outline (cairo_t                *cr,
                const SamRadarGeometry *g,
                guint                   n_axes,
                const SamRadarSeries   *series,
                double                  size)
{
  double dashes[] = { size * 0.5, size * 0.35 };
  double x, y;

  if (!trace_outline (cr, g, n_axes, series))
    return;

  cairo_set_source_rgb (cr, series->colour.red, series->colour.green, series->colour.blue);
  cairo_set_line_width (cr, MAX (size / 5, 1.5));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dashes, series->dashed ? 2 : 0, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* A dot on every value, so a lone value is seen too. */
  for (guint a = 0; a < n_axes; a++)
    if (!isnan (series->values[a]))
      {
        sam_checklist_chart_radar_point (g, n_axes, a, series->values[a], &x, &y);
        cairo_arc (cr, x, y, MAX (size / 4, 1.5), 0, 2 * G_PI);
        cairo_fill (cr);
      }
}

/* Where each legend entry goes: its line's left end, its text's top. */
typedef struct
{
  double x;
  double y;
} Spot;

static void
draw_legend (cairo_t              *cr,
             const SamRadarSeries *series,
             guint                 n_series,
             const Spot           *spots,
             double                size,
             gboolean              dark)
{
  for (guint i = 0; i < n_series; i++)
    {
      g_autoptr(PangoLayout) layout = sam_chart_text_layout_new (cr, size, FALSE, series[i].label);
      double dashes[] = { size * 0.35, size * 0.25 };
      double x = spots[i].x, y = spots[i].y;

      cairo_set_source_rgb (cr, series[i].colour.red, series[i].colour.green, series[i].colour.blue);
      cairo_set_line_width (cr, MAX (size / 5, 1.5));
      cairo_set_dash (cr, dashes, series[i].dashed ? 2 : 0, 0);
      cairo_move_to (cr, x, y + size * 0.65);
      cairo_line_to (cr, x + size * 1.6, y + size * 0.65);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      sam_chart_set_ink (cr, dark, 0.9);
      cairo_move_to (cr, x + size * 2.1, y);
      sam_chart_text_show (cr, layout);
    }
}

/* A radar fitted to its words, for text larger than its room would give
 * (the projector): the themes' names and the legend are measured at their
 * size, and the rings get what is left.  The names may wrap (between
 * words only) where that leaves the rings more room, and the legend goes
 * beside the rings in a column or below them in rows, whichever leaves
 * more.  No text is made smaller or shortened. */

typedef struct
{
  guint         n;
  const double *ux, *uy;   /* the axes' directions */
  const double *w, *h;     /* the names' sizes */
  double        gap;
} Names;

/* The box around the rings and the names at @radius, from the centre:
 * left, top, right, bottom. */
static void
names_extent (const Names *names,
              double       radius,
              double       box[4])
{
  box[0] = box[1] = box[2] = box[3] = 0;
  for (guint a = 0; a < names->n; a++)
    {
      double x = (radius + names->gap) * names->ux[a], y = (radius + names->gap) * names->uy[a];
      double dx, dy;

      label_offset (names->ux[a], names->uy[a], names->w[a], names->h[a], &dx, &dy);
      box[0] = MIN (box[0], MIN (radius * names->ux[a], x + dx));
      box[1] = MIN (box[1], MIN (radius * names->uy[a], y + dy));
      box[2] = MAX (box[2], MAX (radius * names->ux[a], x + dx + names->w[a]));
      box[3] = MAX (box[3], MAX (radius * names->uy[a], y + dy + names->h[a]));
    }
}

/* The largest radius whose rings and names fit @width × @height, and the
 * centre that puts them in the middle of it. */
static double
fit_radius (const Names *names,
            double       width,
            double       height,
            double      *cx,
            double      *cy)
{
  double low = 0, high = MAX (width, height), box[4];

  for (guint i = 0; i < 40; i++)
    {
      double mid = (low + high) / 2;

      names_extent (names, mid, box);
      if (box[2] - box[0] <= width && box[3] - box[1] <= height)
        low = mid;
      else
        high = mid;
    }
  names_extent (names, low, box);
  *cx = (width - (box[2] - box[0])) / 2 - box[0];
  *cy = (height - (box[3] - box[1])) / 2 - box[1];
  return low;
}

/* The legend in rows below the rings: its height, and its entries'
 * places from the legend's top, each row centred. */
static double
legend_rows (const double *widths,
             guint         n_series,
             double        width,
             double        size,
             Spot         *spots)
{
  double gap = size * 1.2, line = size * 1.6;
  guint first = 0, row = 0;

  while (first < n_series)
    {
      double used = widths[first], x;
      guint last = first + 1;

      while (last < n_series && used + gap + widths[last] <= width)
        used += gap + widths[last++];
      x = MAX ((width - used) / 2, 0);
      for (guint i = first; i < last; i++)
        {
          spots[i].x = x;
          spots[i].y = row * line;
          x += widths[i] + gap;
        }
      first = last;
      row++;
    }
  return row * line;
}

/* The rings and the legend for the names as measured: the radius they
 * get, with the geometry and the legend's places in @g and @spots. */
static double
fit_with_names (const Names      *names,
                double            width,
                double            height,
                const double     *legend_widths,
                guint             n_series,
                double            size,
                SamRadarGeometry *g,
                Spot             *spots)
{
  g_autofree Spot *below = g_new0 (Spot, MAX (n_series, 1));
  double widest = 0, best = -1, column_w, rows_h, cx, cy, r;

  for (guint i = 0; i < n_series; i++)
    widest = MAX (widest, legend_widths[i]);

  /* Beside: a column on the right. */
  column_w = n_series > 0 ? widest + size * 0.8 : 0;
  if (column_w < width * 0.5 && size * 1.6 * n_series <= height)
    {
      best = fit_radius (names, width - column_w, height, &g->cx, &g->cy);
      g->radius = best;
      for (guint i = 0; i < n_series; i++)
        {
          spots[i].x = width - widest;
          spots[i].y = (height - size * 1.6 * n_series) / 2 + i * size * 1.6;
        }
    }
  if (n_series == 0)
    return best;

  /* Below: rows under the rings. */
  rows_h = legend_rows (legend_widths, n_series, width, size, below) + size * 0.4;
  r = fit_radius (names, width, height - rows_h, &cx, &cy);
  if (r > best)
    {
      best = r;
      g->cx = cx;
      g->cy = cy;
      g->radius = r;
      for (guint i = 0; i < n_series; i++)
        {
          spots[i].x = below[i].x;
          spots[i].y = height - rows_h + size * 0.4 + below[i].y;
        }
    }
  return best;
}

static void
radar_fit (cairo_t              *cr,
           double                width,
           double                height,
           const char * const   *axes,
           guint                 n_axes,
           const SamRadarSeries *series,
           guint                 n_series,
           double                size,
           SamRadarGeometry     *g,
           Spot                 *spots)
{
  g_autofree double *ux = g_new (double, n_axes), *uy = g_new (double, n_axes);
  g_autofree double *w = g_new (double, n_axes), *h = g_new (double, n_axes);
  g_autofree double *legend_widths = g_new0 (double, MAX (n_series, 1));
  g_autofree Spot *trial = g_new0 (Spot, MAX (n_series, 1));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double));
  Names names = { n_axes, ux, uy, w, h, size * 0.4 };
  double narrowest = widest_word (cr, axes, n_axes, size), best = -1;

  for (guint i = 0; i < n_series; i++)
    {
      g_autoptr(PangoLayout) layout = sam_chart_text_layout_new (cr, size, FALSE, series[i].label);
      int lw;

      pango_layout_get_pixel_size (layout, &lw, NULL);
      legend_widths[i] = size * 2.1 + lw;
    }

  /* The widths to try the names at: as narrow as their widest word, some
   * widths between, and each name on one line. */
  g_array_append_val (boxes, narrowest);
  for (double k = 5; k <= 11; k += 3)
    {
      double box = MAX (size * k, narrowest);

      g_array_append_val (boxes, box);
    }
  for (guint a = 0; a < n_axes; a++)
    {
      g_autoptr(PangoLayout) layout = sam_chart_text_layout_new (cr, size, TRUE, axes[a]);
      double box;
      int lw;

      pango_layout_get_pixel_size (layout, &lw, NULL);
      box = MAX (lw + 1, narrowest);
      g_array_append_val (boxes, box);
      axis_direction (n_axes, a, &ux[a], &uy[a]);
    }

  for (guint b = 0; b < boxes->len; b++)
    {
      double box = g_array_index (boxes, double, b);
      SamRadarGeometry fitted = { 0 };
      double r;

      for (guint a = 0; a < n_axes; a++)
        {
          g_autoptr(PangoLayout) layout = axis_label_new (cr, axes[a], size, box);
          int lw, lh;

          pango_layout_get_pixel_size (layout, &lw, &lh);
          w[a] = lw;
          h[a] = lh;
        }
      r = fit_with_names (&names, width, height, legend_widths, n_series, size, &fitted, trial);
      if (r > best)
        {
          best = r;
          *g = fitted;
          g->label_width = box;
          g->label_gap = names.gap;
          memcpy (spots, trial, sizeof (Spot) * n_series);
        }
    }
}

/**
 * sam_checklist_chart_draw_radar:
 * @cr: where to draw, with the chart's top-left corner at the origin
 * @width: the chart's width
 * @height: the chart's height
 * @axes: (array length=n_axes): the themes
 * @n_axes: how many; a radar needs three, fewer are drawn as they are
 * @series: (array length=n_series): the outlines
 * @n_series: how many
 * @dark: whether the background is dark
 */
void
sam_checklist_chart_draw_radar (cairo_t              *cr,
                                double                width,
                                double                height,
                                const char * const   *axes,
                                guint                 n_axes,
                                const SamRadarSeries *series,
                                guint                 n_series,
                                gboolean              dark)
{
  double base = font_size (width, height);
  double size = sam_chart_text_size (cr, base);
  g_autofree Spot *spots = g_new0 (Spot, MAX (n_series, 1));
  SamRadarGeometry g;

  if (n_axes == 0 || width < 1 || height < 1)
    return;

  if (size > base)
    radar_fit (cr, width, height, axes, n_axes, series, n_series, size, &g, spots);
  else
    {
      radar_geometry_sized (width, height, n_series, size,
                            MAX (size * LABEL_WIDTH, widest_word (cr, axes, n_axes, size)), &g);
      for (guint i = 0; i < n_series; i++)
        {
          spots[i].x = g.legend_x;
          spots[i].y = g.legend_y + i * size * 1.6;
        }
    }

  cairo_save (cr);
  draw_grid (cr, &g, n_axes, size, dark);
  draw_axis_labels (cr, &g, axes, n_axes, size, dark);
  for (guint i = 0; i < n_series; i++)
    fill_outline (cr, &g, n_axes, &series[i]);
  for (guint i = 0; i < n_series; i++)
    stroke_outline (cr, &g, n_axes, &series[i], size);
  draw_legend (cr, series, n_series, spots, size, dark);
  cairo_restore (cr);
}

/**
 * sam_checklist_chart_score_colour:
 * @score: 1–5, or 0 for "don't know"
 *
 * Returns: the colour of @score in a spread bar: from vermillion (1) over
 *   grey (3) to bluish green (5), Okabe–Ito hues that stay apart for the
 *   common forms of colour blindness; a light grey for "don't know"
 */
SamColour
sam_checklist_chart_score_colour (guint score)
{
  static const SamColour colours[] = {
    { 0.80, 0.80, 0.80 },
    { 0.84, 0.37, 0.00 },
    { 0.90, 0.62, 0.00 },
    { 0.60, 0.60, 0.60 },
    { 0.34, 0.71, 0.91 },
    { 0.00, 0.62, 0.45 },
  };

  return colours[MIN (score, 5)];
}

static guint
total (const guint counts[6])
{
  guint n = 0;

  for (guint s = 0; s <= 5; s++)
    n += counts[s];
  return n;
}

/**
 * sam_checklist_chart_spread_segment:
 * @width: the bar's width
 * @counts: the answers: [0] don't know, [1]–[5] the scores
 * @score: which segment
 * @x0: (out): where it starts
 * @x1: (out): where it ends
 *
 * The bar runs 1, 2, 3, 4, 5, don't know from left to right, each as wide
 * as its share of the answers.
 *
 * Returns: %FALSE when nobody answered
 */
gboolean
sam_checklist_chart_spread_segment (double      width,
                                    const guint counts[6],
                                    guint       score,
                                    double     *x0,
                                    double     *x1)
{
  guint n = total (counts), before = 0;

  if (n == 0 || score > 5)
    return FALSE;

  /* "Don't know" (0) comes last. */
  for (guint s = 1; s <= 5 && (score == 0 || s < score); s++)
    before += counts[s];

  *x0 = width * before / n;
  *x1 = width * (before + counts[score]) / n;
  return TRUE;
}

/**
 * sam_checklist_chart_draw_spread:
 * @cr: where to draw, with the bar's top-left corner at the origin
 * @width: the bar's width
 * @height: the bar's height
 * @counts: the answers: [0] don't know, [1]–[5] the scores
 * @dark: whether the background is dark
 *
 * A wide spread is where the conversation starts.  Each segment that is
 * wide enough carries its score, so colour is never the only clue.
 */
void
sam_checklist_chart_draw_spread (cairo_t     *cr,
                                 double       width,
                                 double       height,
                                 const guint  counts[6],
                                 gboolean     dark)
{
  static const guint order[] = { 1, 2, 3, 4, 5, 0 };
  double size = sam_chart_text_size (cr, CLAMP (height * 0.6, 6, 20));

  cairo_save (cr);
  if (total (counts) == 0)
    {
      sam_chart_set_ink (cr, dark, 0.12);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      SamColour colour = sam_checklist_chart_score_colour (order[i]);
      char label[2] = { order[i] == 0 ? '?' : '0' + order[i], 0 };
      double x0, x1;
      int w, h;

      if (!sam_checklist_chart_spread_segment (width, counts, order[i], &x0, &x1) || x1 <= x0)
        continue;

      cairo_set_source_rgb (cr, colour.red, colour.green, colour.blue);
      cairo_rectangle (cr, x0, 0, x1 - x0, height);
      cairo_fill (cr);

      {
        g_autoptr(PangoLayout) layout = sam_chart_text_layout_new (cr, size, TRUE, label);

        pango_layout_get_pixel_size (layout, &w, &h);
        if (x1 - x0 >= w + 4)
          {
            cairo_set_source_rgb (cr, 0, 0, 0);
            cairo_move_to (cr, (x0 + x1 - w) / 2, (height - h) / 2);
            sam_chart_text_show (cr, layout);
          }
      }
    }
  cairo_restore (cr);
}

/* A radar ready to draw: copies of the data, so it can be drawn in another
 * thread (the report) or again and again (the page). */
struct _SamChecklistRadar
{
  GStrv           axes;
  GArray         *series;   /* SamRadarSeries, pointing into @labels and @values */
  GPtrArray      *labels;
  GPtrArray      *values;
};

static void
add_series (SamChecklistRadar *radar,
            const char        *label,
            SamColour          colour,
            const double      *values,
            guint              n,
            gboolean           dashed)
{
  SamRadarSeries series = { NULL, colour, NULL, dashed };
  double *copy = g_memdup2 (values, sizeof (double) * MAX (n, 1));

  g_ptr_array_add (radar->labels, g_strdup (label));
  g_ptr_array_add (radar->values, copy);
  series.label = radar->labels->pdata[radar->labels->len - 1];
  series.values = copy;
  g_array_append_val (radar->series, series);
}

/**
 * sam_checklist_radar_new:
 * @results: the step's results
 * @before: (nullable): the same checklist in the workshop this one follows
 * @now_label: (nullable): with @before, the name of the outline of now
 * @before_label: (nullable): with @before, the name of the earlier outline
 *
 * Returns: (transfer full): the radar of @results: with @before, everyone
 *   then (dashed) against everyone now; otherwise one outline per team
 */
SamChecklistRadar *
sam_checklist_radar_new (const SamChecklistResults *results,
                         const SamChecklistResults *before,
                         const char                *now_label,
                         const char                *before_label)
{
  SamChecklistRadar *radar = g_new0 (SamChecklistRadar, 1);
  guint n = results->themes->len;

  radar->axes = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    radar->axes[i] = g_strdup (results->themes->pdata[i]);
  radar->series = g_array_new (FALSE, FALSE, sizeof (SamRadarSeries));
  radar->labels = g_ptr_array_new_with_free_func (g_free);
  radar->values = g_ptr_array_new_with_free_func (g_free);

  if (before != NULL)
    {
      g_autofree double *then = sam_checklist_results_align (results, before);
      SamColour grey = { 0.45, 0.45, 0.5 };
      SamColour blue = { 0.0, 0.45, 0.70 };

      add_series (radar, before_label, grey, then, n, TRUE);
      add_series (radar, now_label, blue, results->theme_means, n, FALSE);
    }
  else
    for (guint i = 0; i < results->teams->len; i++)
      {
        const SamChecklistTeamResult *team = results->teams->pdata[i];

        add_series (radar, team->name, sam_palette_get_colour (team->colour), team->theme_means, n, FALSE);
      }

  return radar;
}

void
sam_checklist_radar_free (SamChecklistRadar *radar)
{
  if (radar == NULL)
    return;

  g_strfreev (radar->axes);
  g_array_unref (radar->series);
  g_ptr_array_unref (radar->labels);
  g_ptr_array_unref (radar->values);
  g_free (radar);
}

guint
sam_checklist_radar_get_n_series (SamChecklistRadar *radar)
{
  return radar->series->len;
}

/**
 * sam_checklist_radar_draw:
 * @radar: a radar
 * @cr: where to draw
 * @width: the chart's width
 * @height: the chart's height
 * @dark: whether the background is dark
 */
void
sam_checklist_radar_draw (SamChecklistRadar *radar,
                          cairo_t           *cr,
                          double             width,
                          double             height,
                          gboolean           dark)
{
  sam_checklist_chart_draw_radar (cr, width, height, (const char * const *) radar->axes,
                                  g_strv_length (radar->axes),
                                  (const SamRadarSeries *) radar->series->data, radar->series->len, dark);
}

/* Spread list: one row per statement, its words on the left, its spread
 * bar and mean on the right. */

typedef struct
{
  char  *text;
  guint  counts[6];
  char  *mean;    /* written in the readers' language: "3,5" */
} SpreadRow;

struct _SamChecklistSpreads
{
  GArray *rows;   /* SpreadRow */
};

static void
spread_row_clear (gpointer data)
{
  g_free (((SpreadRow *) data)->text);
  g_free (((SpreadRow *) data)->mean);
}

/**
 * sam_checklist_spreads_new:
 * @results: a step's results
 * @catalog: (nullable): the readers' language, for the means' decimal
 *   sign; %NULL for the UI's
 *
 * Returns: (transfer full): a copy of every statement's answers, to draw
 */
SamChecklistSpreads *
sam_checklist_spreads_new (const SamChecklistResults *results,
                           SamCatalog                *catalog)
{
  SamChecklistSpreads *spreads = g_new0 (SamChecklistSpreads, 1);

  spreads->rows = g_array_new (FALSE, TRUE, sizeof (SpreadRow));
  g_array_set_clear_func (spreads->rows, spread_row_clear);
  for (guint i = 0; i < results->items->len; i++)
    {
      const SamChecklistItemResult *item = results->items->pdata[i];
      SpreadRow row = { g_strdup (item->text), { 0 },
                        isnan (item->mean) ? g_strdup ("–") : sam_catalog_format_decimal (catalog, item->mean, 1) };

      memcpy (row.counts, item->counts, sizeof row.counts);
      g_array_append_val (spreads->rows, row);
    }

  return spreads;
}

void
sam_checklist_spreads_free (SamChecklistSpreads *spreads)
{
  if (spreads == NULL)
    return;

  g_array_unref (spreads->rows);
  g_free (spreads);
}

guint
sam_checklist_spreads_get_n_rows (SamChecklistSpreads *spreads)
{
  return spreads->rows->len;
}

/**
 * sam_checklist_spreads_draw:
 * @spreads: the statements' answers
 * @cr: where to draw
 * @width: the list's width
 * @height: the list's height, shared equally by the rows
 * @dark: whether the background is dark
 */
void
sam_checklist_spreads_draw (SamChecklistSpreads *spreads,
                            cairo_t             *cr,
                            double               width,
                            double               height,
                            gboolean             dark)
{
  double row_h = height / MAX (spreads->rows->len, 1);
  double size = CLAMP (row_h * 0.42, 6, 18);
  double text_w = width * 0.56, bar_x = text_w + size, mean_w = size * 3;
  double bar_w = MAX (width - bar_x - mean_w, 10);

  for (guint i = 0; i < spreads->rows->len; i++)
    {
      SpreadRow *row = &g_array_index (spreads->rows, SpreadRow, i);
      g_autoptr(PangoLayout) layout = sam_chart_text_layout_new (cr, size, FALSE, row->text);
      g_autoptr(PangoLayout) mean_layout = sam_chart_text_layout_new (cr, size, TRUE, row->mean);
      double y = i * row_h;
      int w, h;

      pango_layout_set_width (layout, (int) (text_w * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &w, &h);
      sam_chart_set_ink (cr, dark, 0.9);
      cairo_move_to (cr, 0, y + (row_h - h) / 2);
      sam_chart_text_show (cr, layout);

      cairo_save (cr);
      cairo_translate (cr, bar_x, y + row_h * 0.18);
      sam_checklist_chart_draw_spread (cr, bar_w, row_h * 0.64, row->counts, dark);
      cairo_restore (cr);

      pango_layout_get_pixel_size (mean_layout, &w, &h);
      sam_chart_set_ink (cr, dark, 0.9);
      cairo_move_to (cr, width - w, y + (row_h - h) / 2);
      sam_chart_text_show (cr, mean_layout);
    }
}
