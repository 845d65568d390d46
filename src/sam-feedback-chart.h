/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sam-palette.h"

G_BEGIN_DECLS

/* The charts of the customer's voice, drawn with cairo on any target (a
 * page, the projector, the report, a PNG); plain data in, no GTK. */

SamColour sam_feedback_chart_score_colour     (int           score,
                                               guint         scale);
void      sam_feedback_chart_bar_rect         (double        width,
                                               double        height,
                                               const guint   counts[11],
                                               guint         scale,
                                               int           score,
                                               double       *x,
                                               double       *y,
                                               double       *bar_width,
                                               double       *bar_height);
void      sam_feedback_chart_draw_distribution (cairo_t     *cr,
                                               double        width,
                                               double        height,
                                               const guint   counts[11],
                                               guint         scale,
                                               gboolean      dark);
double    sam_feedback_chart_nps_x            (double        width,
                                               double        nps);
void      sam_feedback_chart_draw_nps_bars    (cairo_t      *cr,
                                               double        width,
                                               double        height,
                                               GPtrArray    *groups,
                                               gboolean      dark);
void      sam_feedback_chart_trend_point      (double        width,
                                               double        height,
                                               guint         n_points,
                                               guint         index,
                                               double        nps,
                                               double       *x,
                                               double       *y);
void      sam_feedback_chart_draw_trend       (cairo_t      *cr,
                                               double        width,
                                               double        height,
                                               GPtrArray    *months,
                                               gboolean      dark);

G_END_DECLS
