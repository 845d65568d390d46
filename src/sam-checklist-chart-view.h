/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sam-checklist-chart.h"

G_BEGIN_DECLS

#define SAM_TYPE_CHECKLIST_CHART_VIEW (sam_checklist_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (SamChecklistChartView, sam_checklist_chart_view, SAM, CHECKLIST_CHART_VIEW, GtkWidget)

GtkWidget *sam_checklist_chart_view_new       (void);
void       sam_checklist_chart_view_set_radar (SamChecklistChartView *self,
                                               SamChecklistRadar     *radar);
gboolean   sam_checklist_chart_view_has_radar (SamChecklistChartView *self);

G_END_DECLS
