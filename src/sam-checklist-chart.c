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

#define FONT "Cantarell, DejaVu Sans, Sans"
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

static PangoLayout *
layout_new (cairo_t    *cr,
            double      size,
            gboolean    bold,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  /* Sizes are in the units of @cr (points in the report, pixels on screen). */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
set_ink (cairo_t  *cr,
         gboolean  dark,
         double    alpha)
{
  if (dark)
    cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (cr, 0.1, 0.1, 0.12, alpha);
}

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
      set_ink (cr, dark, ring == 5 ? 0.45 : 0.18);
      cairo_stroke (cr);
    }

  for (guint a = 0; a < n_axes; a++)
    {
      sam_checklist_chart_radar_point (g, n_axes, a, 5, &x, &y);
      cairo_move_to (cr, g->cx, g->cy);
      cairo_line_to (cr, x, y);
    }
  set_ink (cr, dark, 0.25);
  cairo_stroke (cr);

  /* The scale along the first axis. */
  for (guint ring = 1; ring <= 5; ring++)
    {
      char digit[2] = { '0' + ring, 0 };
      g_autoptr(PangoLayout) layout = layout_new (cr, size * 0.7, FALSE, digit);

      sam_checklist_chart_radar_point (g, n_axes, 0, ring, &x, &y);
      set_ink (cr, dark, 0.55);
      cairo_move_to (cr, x + size * 0.25, y - size * 0.45);
      pango_cairo_show_layout (cr, layout);
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
          g_autoptr(PangoLayout) layout = layout_new (cr, size, TRUE, words[i]);
          int w;

          pango_layout_get_pixel_size (layout, &w, NULL);
          widest = MAX (widest, w);
        }
    }

  return widest + size * 0.2;
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
      g_autoptr(PangoLayout) layout = layout_new (cr, size, TRUE, axes[a]);
      double box = g->label_width;
      double x, y, dx;
      int w, h;

      /* Aligned inside a box of the label width, placed by the box's edge. */
      pango_layout_set_width (layout, (int) (box * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      sam_checklist_chart_radar_point (g, n_axes, a, 5.55, &x, &y);
      dx = x - g->cx;
      if (fabs (dx) < g->radius * 0.15)
        {
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          x -= box / 2.0;
        }
      else if (dx < 0)
        {
          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          x -= box;
        }
      pango_layout_get_pixel_size (layout, &w, &h);
      y -= (y < g->cy - g->radius * 0.5) ? h : (y > g->cy + g->radius * 0.5) ? 0 : h / 2.0;
      set_ink (cr, dark, 0.9);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
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

static void
draw_legend (cairo_t                *cr,
             const SamRadarGeometry *g,
             const SamRadarSeries   *series,
             guint                   n_series,
             double                  size,
             gboolean                dark)
{
  for (guint i = 0; i < n_series; i++)
    {
      g_autoptr(PangoLayout) layout = layout_new (cr, size, FALSE, series[i].label);
      double dashes[] = { size * 0.35, size * 0.25 };
      double y = g->legend_y + i * size * 1.6;

      cairo_set_source_rgb (cr, series[i].colour.red, series[i].colour.green, series[i].colour.blue);
      cairo_set_line_width (cr, MAX (size / 5, 1.5));
      cairo_set_dash (cr, dashes, series[i].dashed ? 2 : 0, 0);
      cairo_move_to (cr, g->legend_x, y + size * 0.65);
      cairo_line_to (cr, g->legend_x + size * 1.6, y + size * 0.65);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      set_ink (cr, dark, 0.9);
      cairo_move_to (cr, g->legend_x + size * 2.1, y);
      pango_cairo_show_layout (cr, layout);
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
  SamRadarGeometry g;

  if (n_axes == 0 || width < 1 || height < 1)
    return;

  /* Larger text asked for (the projector) takes room from the rings: it
   * grows only as far as the rings keep a third of the chart's height. */
  for (;;)
    {
      radar_geometry_sized (width, height, n_series, size,
                            MAX (size * LABEL_WIDTH, widest_word (cr, axes, n_axes, size)), &g);
      if (size <= base || g.radius >= MIN (width, height) / 3.0)
        break;
      size = MAX (size - 1, base);
    }
  cairo_save (cr);
  draw_grid (cr, &g, n_axes, size, dark);
  draw_axis_labels (cr, &g, axes, n_axes, size, dark);
  for (guint i = 0; i < n_series; i++)
    fill_outline (cr, &g, n_axes, &series[i]);
  for (guint i = 0; i < n_series; i++)
    stroke_outline (cr, &g, n_axes, &series[i], size);
  draw_legend (cr, &g, series, n_series, size, dark);
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
  double size = CLAMP (height * 0.6, 6, 20);

  cairo_save (cr);
  if (total (counts) == 0)
    {
      set_ink (cr, dark, 0.12);
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
        g_autoptr(PangoLayout) layout = layout_new (cr, size, TRUE, label);

        pango_layout_get_pixel_size (layout, &w, &h);
        if (x1 - x0 >= w + 4)
          {
            cairo_set_source_rgb (cr, 0, 0, 0);
            cairo_move_to (cr, (x0 + x1 - w) / 2, (height - h) / 2);
            pango_cairo_show_layout (cr, layout);
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
      g_autoptr(PangoLayout) layout = layout_new (cr, size, FALSE, row->text);
      g_autoptr(PangoLayout) mean_layout = layout_new (cr, size, TRUE, row->mean);
      double y = i * row_h;
      int w, h;

      pango_layout_set_width (layout, (int) (text_w * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &w, &h);
      set_ink (cr, dark, 0.9);
      cairo_move_to (cr, 0, y + (row_h - h) / 2);
      pango_cairo_show_layout (cr, layout);

      cairo_save (cr);
      cairo_translate (cr, bar_x, y + row_h * 0.18);
      sam_checklist_chart_draw_spread (cr, bar_w, row_h * 0.64, row->counts, dark);
      cairo_restore (cr);

      pango_layout_get_pixel_size (mean_layout, &w, &h);
      set_ink (cr, dark, 0.9);
      cairo_move_to (cr, width - w, y + (row_h - h) / 2);
      pango_cairo_show_layout (cr, mean_layout);
    }
}
