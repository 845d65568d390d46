/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sam-catalog.h"
#include "sam-palette.h"
#include "sam-checklist-results.h"

G_BEGIN_DECLS

/* The charts of a checklist, drawn with cairo on any target: the page, the
 * projector, the PDF report, a PNG.  They read plain data only, so the
 * report can draw them in a worker thread. */

typedef struct
{
  const char   *label;
  SamColour     colour;
  const double *values;   /* one per axis, 0–5; NAN where there is none */
  gboolean      dashed;
} SamRadarSeries;

typedef struct
{
  double cx;
  double cy;
  double radius;
  double legend_x;
  double legend_y;
  double label_width;   /* what the themes' names wrap at */
  double label_gap;     /* between the outer ring and the names */
} SamRadarGeometry;

void     sam_checklist_chart_radar_geometry (double                 width,
                                             double                 height,
                                             guint                  n_series,
                                             SamRadarGeometry      *geometry);
void     sam_checklist_chart_radar_point    (const SamRadarGeometry *geometry,
                                             guint                  n_axes,
                                             guint                  axis,
                                             double                 value,
                                             double                *x,
                                             double                *y);
void     sam_checklist_chart_draw_radar     (cairo_t               *cr,
                                             double                 width,
                                             double                 height,
                                             const char * const    *axes,
                                             guint                  n_axes,
                                             const SamRadarSeries  *series,
                                             guint                  n_series,
                                             gboolean               dark);

SamColour sam_checklist_chart_score_colour  (guint                  score);
gboolean sam_checklist_chart_spread_segment (double                 width,
                                             const guint            counts[6],
                                             guint                  score,
                                             double                *x0,
                                             double                *x1);
void     sam_checklist_chart_draw_spread    (cairo_t               *cr,
                                             double                 width,
                                             double                 height,
                                             const guint            counts[6],
                                             gboolean               dark);

/* A radar of @results: one outline per team, or, with @before, everyone
 * now against everyone then (dashed). */
typedef struct _SamChecklistRadar SamChecklistRadar;

SamChecklistRadar *sam_checklist_radar_new   (const SamChecklistResults *results,
                                              const SamChecklistResults *before,
                                              const char                *now_label,
                                              const char                *before_label);
void               sam_checklist_radar_free  (SamChecklistRadar         *radar);
guint              sam_checklist_radar_get_n_series (SamChecklistRadar  *radar);
void               sam_checklist_radar_draw  (SamChecklistRadar         *radar,
                                              cairo_t                   *cr,
                                              double                     width,
                                              double                     height,
                                              gboolean                   dark);

typedef struct _SamChecklistSpreads SamChecklistSpreads;

SamChecklistSpreads *sam_checklist_spreads_new   (const SamChecklistResults *results,
                                                  SamCatalog                *catalog);
void                 sam_checklist_spreads_free  (SamChecklistSpreads       *spreads);
guint                sam_checklist_spreads_get_n_rows (SamChecklistSpreads  *spreads);
void                 sam_checklist_spreads_draw  (SamChecklistSpreads       *spreads,
                                                  cairo_t                   *cr,
                                                  double                     width,
                                                  double                     height,
                                                  gboolean                   dark);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamChecklistRadar, sam_checklist_radar_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamChecklistSpreads, sam_checklist_spreads_free)

G_END_DECLS
