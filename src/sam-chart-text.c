/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-chart-text.h"

#define FONT "Cantarell, DejaVu Sans, Sans"

static const cairo_user_data_key_t minimum_key;
static const cairo_user_data_key_t smallest_key;

/**
 * sam_chart_text_set_minimum:
 * @cr: the context a chart will draw into
 * @pixels: the smallest text size, in user-space units; 0 for none
 *
 * Makes every chart drawn into @cr set its text at least @pixels high
 * (the projector: its body text), laying out the rest around it.  Like the
 * context's other state, it stays until the context goes away; it is not
 * part of cairo_save()/cairo_restore().
 */
void
sam_chart_text_set_minimum (cairo_t *cr,
                            double   pixels)
{
  double *copy = g_new (double, 1);

  *copy = MAX (pixels, 0);
  cairo_set_user_data (cr, &minimum_key, copy, g_free);
}

/**
 * sam_chart_text_size:
 * @cr: (nullable): the context the chart draws into
 * @size: the text size the chart would choose for its room
 *
 * Returns: @size, or the context's minimum when that is larger
 */
double
sam_chart_text_size (cairo_t *cr,
                     double   size)
{
  const double *minimum = cr != NULL ? cairo_get_user_data (cr, &minimum_key) : NULL;

  return minimum != NULL ? MAX (size, *minimum) : size;
}

/**
 * sam_chart_text_note:
 * @cr: the context a chart draws into
 * @size: the size of a text it draws
 *
 * Keeps the smallest text size drawn into @cr, for
 * sam_chart_text_get_smallest_drawn(): what the room has to read.
 */
void
sam_chart_text_note (cairo_t *cr,
                     double   size)
{
  double *smallest = cairo_get_user_data (cr, &smallest_key);

  if (smallest == NULL)
    {
      smallest = g_new (double, 1);
      *smallest = size;
      cairo_set_user_data (cr, &smallest_key, smallest, g_free);
    }
  else
    *smallest = MIN (*smallest, size);
}

/**
 * sam_chart_text_get_smallest_drawn:
 * @cr: the context charts drew into
 *
 * Returns: the smallest text size any chart drew into @cr, or 0 when
 *   none drew a text
 */
double
sam_chart_text_get_smallest_drawn (cairo_t *cr)
{
  const double *smallest = cairo_get_user_data (cr, &smallest_key);

  return smallest != NULL ? *smallest : 0;
}

/**
 * sam_chart_text_layout_new:
 * @cr: the context the chart draws into
 * @size: the text size, in the units of @cr
 * @bold: whether the text is bold
 * @text: plain text
 *
 * Returns: (transfer full): a layout of @text in the charts' font
 */
PangoLayout *
sam_chart_text_layout_new (cairo_t    *cr,
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

/**
 * sam_chart_text_show:
 * @cr: the context the chart draws into
 * @layout: a layout from sam_chart_text_layout_new()
 *
 * Shows @layout at the current point.  Every text a chart shows goes
 * through here, so a target that measures what it shows (the projector)
 * knows its smallest text.
 */
void
sam_chart_text_show (cairo_t     *cr,
                     PangoLayout *layout)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);

  sam_chart_text_note (cr, (double) pango_font_description_get_size (font) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

/**
 * sam_chart_set_ink:
 * @cr: the context the chart draws into
 * @dark: whether the chart is drawn on a dark background
 * @alpha: how strong the ink is, 0 to 1
 *
 * Sets the source of @cr to the charts' ink: near-black on light, white on
 * dark.
 */
void
sam_chart_set_ink (cairo_t  *cr,
                   gboolean  dark,
                   double    alpha)
{
  if (dark)
    cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (cr, 0.1, 0.1, 0.12, alpha);
}
