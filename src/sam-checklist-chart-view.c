/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "sam-checklist-chart-view.h"

/* Shows a checklist's radar (sam-checklist-chart.c) at any size, in light
 * and dark mode: on the checklist page, and for the projector view. */
struct _SamChecklistChartView
{
  GtkWidget parent_instance;

  SamChecklistRadar *radar;
};

G_DEFINE_FINAL_TYPE (SamChecklistChartView, sam_checklist_chart_view, GTK_TYPE_WIDGET)

static void
sam_checklist_chart_view_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  SamChecklistChartView *self = SAM_CHECKLIST_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  if (self->radar == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sam_checklist_radar_draw (self->radar, cr, width, height, dark);
  cairo_destroy (cr);
}

static void
sam_checklist_chart_view_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 260;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 420;
}

static void
dark_changed_cb (SamChecklistChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sam_checklist_chart_view_finalize (GObject *object)
{
  SamChecklistChartView *self = SAM_CHECKLIST_CHART_VIEW (object);

  g_clear_pointer (&self->radar, sam_checklist_radar_free);
  G_OBJECT_CLASS (sam_checklist_chart_view_parent_class)->finalize (object);
}

static void
sam_checklist_chart_view_class_init (SamChecklistChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sam_checklist_chart_view_finalize;
  widget_class->snapshot = sam_checklist_chart_view_snapshot;
  widget_class->measure = sam_checklist_chart_view_measure;
  gtk_widget_class_set_css_name (widget_class, "checklistchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sam_checklist_chart_view_init (SamChecklistChartView *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sam_checklist_chart_view_new:
 *
 * Returns: (transfer floating): a new, empty chart
 */
GtkWidget *
sam_checklist_chart_view_new (void)
{
  return g_object_new (SAM_TYPE_CHECKLIST_CHART_VIEW, NULL);
}

/**
 * sam_checklist_chart_view_set_radar:
 * @self: a chart view
 * @radar: (transfer full) (nullable): what to show
 */
void
sam_checklist_chart_view_set_radar (SamChecklistChartView *self,
                                    SamChecklistRadar     *radar)
{
  g_return_if_fail (SAM_IS_CHECKLIST_CHART_VIEW (self));

  g_clear_pointer (&self->radar, sam_checklist_radar_free);
  self->radar = radar;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
sam_checklist_chart_view_has_radar (SamChecklistChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHECKLIST_CHART_VIEW (self), FALSE);
  return self->radar != NULL;
}
