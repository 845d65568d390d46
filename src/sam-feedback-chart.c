/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "sam-chart-text.h"
#include "sam-feedback-chart.h"
#include "sam-store-feedback.h"

/* Three charts: how many responses gave each score (coloured detractor,
 * passive, promoter, with the score under each bar and the count above, so
 * colour is never the only clue), the NPS per team or channel as bars from
 * −100 to 100, and the NPS per month as a line. */

#define LABEL_SPACE 1.6   /* font sizes under and over the bars */

/* Text centred on @x, its top at @y. */
static void
show_centred (cairo_t    *cr,
              double      size,
              const char *text,
              double      x,
              double      y)
{
  g_autoptr(PangoLayout) layout = sam_chart_text_layout_new (cr, size, FALSE, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w / 2.0, y);
  sam_chart_text_show (cr, layout);
}

static double
font_size (double width,
           double height)
{
  return CLAMP (MIN (width / 30, height / 12), 7, 22);
}

static void bar_rect_sized    (double       width,
                               double       height,
                               double       size,
                               const guint  counts[11],
                               guint        scale,
                               int          score,
                               double      *x,
                               double      *y,
                               double      *bar_width,
                               double      *bar_height);
static void trend_point_sized (double       width,
                               double       height,
                               double       size,
                               guint        n_points,
                               guint        index,
                               double       nps,
                               double      *x,
                               double      *y);

/**
 * sam_feedback_chart_score_colour:
 * @score: a score
 * @scale: 10 (0–10) or 5 (1–5)
 *
 * Returns: vermillion for a detractor, grey for a passive, bluish green for
 *   a promoter (see #SamFeedbackGroup)
 */
SamColour
sam_feedback_chart_score_colour (int   score,
                                 guint scale)
{
  static const SamColour detractor = { 0.84, 0.37, 0.00 };
  static const SamColour passive = { 0.60, 0.60, 0.60 };
  static const SamColour promoter = { 0.00, 0.62, 0.45 };

  if (scale == 5)
    return score == 5 ? promoter : score == 4 ? passive : detractor;
  return score >= 9 ? promoter : score >= 7 ? passive : detractor;
}

/**
 * sam_feedback_chart_bar_rect:
 * @width: the chart's width
 * @height: the chart's height
 * @counts: responses per score
 * @scale: 10 or 5
 * @score: which bar
 * @x: (out): the bar's left edge
 * @y: (out): its top
 * @bar_width: (out): its width
 * @bar_height: (out): its height, in proportion to the largest count
 */
void
sam_feedback_chart_bar_rect (double       width,
                             double       height,
                             const guint  counts[11],
                             guint        scale,
                             int          score,
                             double      *x,
                             double      *y,
                             double      *bar_width,
                             double      *bar_height)
{
  bar_rect_sized (width, height, font_size (width, height), counts, scale, score,
                  x, y, bar_width, bar_height);
}

static void
bar_rect_sized (double       width,
                double       height,
                double       size,
                const guint  counts[11],
                guint        scale,
                int          score,
                double      *x,
                double      *y,
                double      *bar_width,
                double      *bar_height)
{
  int first = scale == 5 ? 1 : 0;
  guint n_bars = scale - first + 1, most = 1;
  double slot = width / n_bars;
  double bottom = height - size * LABEL_SPACE, top = size * LABEL_SPACE;

  for (int s = first; s <= (int) scale; s++)
    most = MAX (most, counts[s]);

  *bar_width = slot * 0.7;
  *x = (score - first) * slot + slot * 0.15;
  *bar_height = (bottom - top) * counts[score] / most;
  *y = bottom - *bar_height;
}

/**
 * sam_feedback_chart_draw_distribution:
 * @cr: where to draw, with the chart's top-left corner at the origin
 * @width: the chart's width
 * @height: the chart's height
 * @counts: responses per score ([0]–[10])
 * @scale: 10 or 5
 * @dark: whether the background is dark
 */
void
sam_feedback_chart_draw_distribution (cairo_t     *cr,
                                      double       width,
                                      double       height,
                                      const guint  counts[11],
                                      guint        scale,
                                      gboolean     dark)
{
  double size = sam_chart_text_size (cr, font_size (width, height));

  cairo_save (cr);
  for (int s = scale == 5 ? 1 : 0; s <= (int) scale; s++)
    {
      SamColour colour = sam_feedback_chart_score_colour (s, scale);
      g_autofree char *score = g_strdup_printf ("%d", s);
      g_autofree char *count = g_strdup_printf ("%u", counts[s]);
      double x, y, w, h;

      bar_rect_sized (width, height, size, counts, scale, s, &x, &y, &w, &h);
      cairo_set_source_rgb (cr, colour.red, colour.green, colour.blue);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);

      sam_chart_set_ink (cr, dark, 0.9);
      show_centred (cr, size, score, x + w / 2, height - size * LABEL_SPACE + size * 0.2);
      sam_chart_set_ink (cr, dark, 0.7);
      show_centred (cr, sam_chart_text_size (cr, size * 0.85), count, x + w / 2, y - size * 1.3);
    }
  cairo_restore (cr);
}

/**
 * sam_feedback_chart_nps_x:
 * @width: the chart's width
 * @nps: an NPS, −100 to 100
 *
 * Returns: where @nps lies on the bars' axis; the names take the left third
 */
double
sam_feedback_chart_nps_x (double width,
                          double nps)
{
  double left = width * 0.35, right = width - width * 0.1;

  return left + (right - left) * (CLAMP (nps, -100, 100) + 100) / 200;
}

/**
 * sam_feedback_chart_draw_nps_bars:
 * @cr: where to draw
 * @width: the chart's width
 * @height: the chart's height, shared by the rows
 * @groups: (element-type SamFeedbackGroup): one bar each
 * @dark: whether the background is dark
 *
 * A bar from 0 to each group's NPS: right and green above 0, left and
 * vermillion below; the number at its end.
 */
void
sam_feedback_chart_draw_nps_bars (cairo_t   *cr,
                                  double     width,
                                  double     height,
                                  GPtrArray *groups,
                                  gboolean   dark)
{
  double row = height / MAX (groups->len, 1);
  /* The rows' room, but never below the smallest size asked for. */
  double size = sam_chart_text_size (cr, MIN (CLAMP (row * 0.4, 7, 20), MAX (row * 0.6, 7)));
  double zero = sam_feedback_chart_nps_x (width, 0);

  cairo_save (cr);
  for (guint i = 0; i < groups->len; i++)
    {
      SamFeedbackGroup *group = groups->pdata[i];
      SamColour colour = sam_feedback_chart_score_colour (isnan (group->nps) || group->nps < 0 ? 0 : 10, 10);
      g_autoptr(PangoLayout) name = sam_chart_text_layout_new (cr, size, FALSE, *group->name ? group->name : "–");
      g_autofree char *value = isnan (group->nps) ? g_strdup ("–") : g_strdup_printf ("%+.0f", group->nps);
      g_autoptr(PangoLayout) number = sam_chart_text_layout_new (cr, size, FALSE, value);
      double y = i * row, end = isnan (group->nps) ? zero : sam_feedback_chart_nps_x (width, group->nps);
      int w, h;

      pango_layout_set_width (name, (int) (width * 0.33 * PANGO_SCALE));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (name, &w, &h);
      sam_chart_set_ink (cr, dark, 0.9);
      cairo_move_to (cr, 0, y + (row - h) / 2);
      sam_chart_text_show (cr, name);

      cairo_set_source_rgb (cr, colour.red, colour.green, colour.blue);
      cairo_rectangle (cr, MIN (zero, end), y + row * 0.2, fabs (end - zero), row * 0.6);
      cairo_fill (cr);

      pango_layout_get_pixel_size (number, &w, &h);
      sam_chart_set_ink (cr, dark, 0.9);
      cairo_move_to (cr, end >= zero ? end + size * 0.3 : end - w - size * 0.3, y + (row - h) / 2);
      sam_chart_text_show (cr, number);
    }

  sam_chart_set_ink (cr, dark, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, zero, 0);
  cairo_line_to (cr, zero, height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * sam_feedback_chart_trend_point:
 * @width: the chart's width
 * @height: the chart's height
 * @n_points: how many months
 * @index: which month
 * @nps: its NPS
 * @x: (out): where its point lies
 * @y: (out): where its point lies (−100 at the bottom, 100 at the top)
 */
void
sam_feedback_chart_trend_point (double  width,
                                double  height,
                                guint   n_points,
                                guint   index,
                                double  nps,
                                double *x,
                                double *y)
{
  trend_point_sized (width, height, font_size (width, height), n_points, index, nps, x, y);
}

static void
trend_point_sized (double  width,
                   double  height,
                   double  size,
                   guint   n_points,
                   guint   index,
                   double  nps,
                   double *x,
                   double *y)
{
  double top = size * 2.2, bottom = height - size * LABEL_SPACE;
  double slot = width / MAX (n_points, 1);

  *x = slot * index + slot / 2;
  *y = bottom - (bottom - top) * (CLAMP (nps, -100, 100) + 100) / 200;
}

/**
 * sam_feedback_chart_draw_trend:
 * @cr: where to draw
 * @width: the chart's width
 * @height: the chart's height
 * @months: (element-type SamFeedbackGroup): in time order
 * @dark: whether the background is dark
 *
 * The NPS per month as a line with a dot and its value on each month; the
 * zero line dotted.  A month without a date is left out.
 */
void
sam_feedback_chart_draw_trend (cairo_t   *cr,
                               double     width,
                               double     height,
                               GPtrArray *months,
                               gboolean   dark)
{
  static const double dots[] = { 2, 3 };
  double size = sam_chart_text_size (cr, font_size (width, height));
  gboolean started = FALSE;
  double x, y;

  cairo_save (cr);
  trend_point_sized (width, height, size, 1, 0, 0, &x, &y);
  sam_chart_set_ink (cr, dark, 0.4);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dots, 2, 0);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, width, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_set_source_rgb (cr, 0.0, 0.45, 0.70);
  cairo_set_line_width (cr, MAX (size / 5, 1.5));
  for (guint i = 0; i < months->len; i++)
    {
      SamFeedbackGroup *month = months->pdata[i];

      if (isnan (month->nps))
        continue;
      trend_point_sized (width, height, size, months->len, i, month->nps, &x, &y);
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < months->len; i++)
    {
      SamFeedbackGroup *month = months->pdata[i];
      g_autofree char *value = isnan (month->nps) ? NULL : g_strdup_printf ("%+.0f", month->nps);

      trend_point_sized (width, height, size, months->len, i, isnan (month->nps) ? 0 : month->nps, &x, &y);
      if (value != NULL)
        {
          cairo_set_source_rgb (cr, 0.0, 0.45, 0.70);
          cairo_arc (cr, x, y, MAX (size / 3, 2), 0, 2 * G_PI);
          cairo_fill (cr);
          sam_chart_set_ink (cr, dark, 0.8);
          show_centred (cr, sam_chart_text_size (cr, size * 0.8), value, x, y - size * 1.4);
        }
      sam_chart_set_ink (cr, dark, 0.9);
      show_centred (cr, sam_chart_text_size (cr, size * 0.8), *month->name ? month->name : "–", x, height - size * LABEL_SPACE + size * 0.2);
    }
  cairo_restore (cr);
}
