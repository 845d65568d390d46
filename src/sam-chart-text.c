/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-chart-text.h"

static const cairo_user_data_key_t minimum_key;

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
