/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The charts (sam-checklist-chart.c, sam-feedback-chart.c) size their text
 * from the room they get, for a page, a report or a PNG alike.  A target
 * read from the back of a room sets a smallest text size on the cairo
 * context it hands them, and the charts make room for it. */

void   sam_chart_text_set_minimum (cairo_t *cr,
                                   double   pixels);
double sam_chart_text_size        (cairo_t *cr,
                                   double   size);
void   sam_chart_text_note        (cairo_t *cr,
                                   double   size);
double sam_chart_text_get_smallest_drawn (cairo_t *cr);

/* The charts' text and ink, the same in every chart. */
PangoLayout *sam_chart_text_layout_new (cairo_t     *cr,
                                        double       size,
                                        gboolean     bold,
                                        const char  *text);
void         sam_chart_text_show       (cairo_t     *cr,
                                        PangoLayout *layout);
void         sam_chart_set_ink         (cairo_t     *cr,
                                        gboolean     dark,
                                        double       alpha);

G_END_DECLS
