/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-chart-text.h"

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
