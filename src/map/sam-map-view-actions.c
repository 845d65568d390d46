/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sam-map-layout.h"
#include "sam-map-view-private.h"

/* Connecting, layout, keyboard navigation and the map.* actions. */

#define LAYOUT_WIDTH     1200.0
#define ANIMATION_USEC   (400 * G_TIME_SPAN_MILLISECOND)

/* Connecting and layout ------------------------------------------------- */

gboolean
_sam_map_view_connect_nodes (SamMapView  *self,
                             const char  *from,
                             const char  *to)
{
  const SamMapRelation *existing;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (self->model == NULL || from == NULL || to == NULL || g_str_equal (from, to))
    return FALSE;

  existing = sam_map_model_find_relation (self->model, from, to);
  if (existing)
    {
      sam_map_view_select (self, SAM_MAP_KIND_RELATION, existing->id);
      return TRUE;
    }

  id = sam_map_new_id ();
  if (!sam_map_model_add_relation (self->model, id, from, to, SAM_MAP_QUALITY_UNRATED,
                                   SAM_MAP_TENSION_NONE, &error))
    {
      g_debug ("Cannot connect %s and %s: %s", from, to, error->message);
      return FALSE;
    }

  sam_map_view_select (self, SAM_MAP_KIND_RELATION, id);

  return TRUE;
}

static gboolean
animation_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  SamMapView *self = SAM_MAP_VIEW (widget);
  double t = (gdk_frame_clock_get_frame_time (clock) - self->anim_start) / (double) ANIMATION_USEC;
  double e;

  t = CLAMP (t, 0.0, 1.0);
  e = 1.0 - pow (1.0 - t, 3);   /* ease-out cubic */

  for (guint i = 0; i < self->anim_ids->len; i++)
    sam_map_model_set_node_position (self->model, g_ptr_array_index (self->anim_ids, i),
                                     self->anim_from[2 * i] + (self->anim_to[2 * i] - self->anim_from[2 * i]) * e,
                                     self->anim_from[2 * i + 1] + (self->anim_to[2 * i + 1] - self->anim_from[2 * i + 1]) * e);

  if (self->fitted)
    _sam_map_view_refit (self);
  gtk_widget_queue_draw (widget);

  if (t >= 1.0)
    {
      self->tick_id = 0;
      _sam_map_view_stop_animation (self);
      sam_map_model_commit_positions (self->model);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * sam_map_view_auto_layout:
 * @animate: move the nodes smoothly (only when the widget is mapped)
 *
 * Lays the map out again, keeping pinned nodes in place, and emits
 * #SamMapModel::positions-changed once the nodes arrive.
 */
void
sam_map_view_auto_layout (SamMapView *self,
                          gboolean    animate)
{
  g_autofree double *xy = NULL;
  GPtrArray *nodes;
  SamMapRect box;
  double aspect;
  guint n = 0;

  g_return_if_fail (SAM_IS_MAP_VIEW (self));

  if (self->model == NULL)
    return;

  _sam_map_view_stop_animation (self);

  {
    SamMapRect vp = _sam_map_view_viewport (self);

    /* lay out in the shape of the free area, so fitting fills it */
    aspect = vp.width > 1 ? vp.height / vp.width : 0.625;
  }
  box = (SamMapRect) { 0, 0, LAYOUT_WIDTH, LAYOUT_WIDTH * CLAMP (aspect, 0.4, 1.5) };
  xy = sam_map_layout_compute (self->model, &box, &n);
  nodes = sam_map_model_get_nodes (self->model);

  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      for (guint i = 0; i < n; i++)
        sam_map_model_set_node_position (self->model,
                                         ((SamMapNode *) g_ptr_array_index (nodes, i))->id,
                                         xy[2 * i], xy[2 * i + 1]);
      sam_map_model_commit_positions (self->model);
      if (self->fitted)
        _sam_map_view_refit (self);
      return;
    }

  self->anim_ids = g_ptr_array_new_with_free_func (g_free);
  self->anim_from = g_new (double, 2 * MAX (n, 1));
  self->anim_to = g_steal_pointer (&xy);
  for (guint i = 0; i < n; i++)
    {
      const SamMapNode *node = g_ptr_array_index (nodes, i);

      g_ptr_array_add (self->anim_ids, g_strdup (node->id));
      self->anim_from[2 * i] = node->x;
      self->anim_from[2 * i + 1] = node->y;
    }

  self->anim_start = g_get_monotonic_time ();
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
    if (clock)
      self->anim_start = gdk_frame_clock_get_frame_time (clock);
  }
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick, NULL, NULL);
}

/* Selection order: nodes, then relations, in model order. */
gboolean
_sam_map_view_select_step (SamMapView *self,
                           int         direction,
                           gboolean    wrap)
{
  GPtrArray *nodes, *relations;
  int n_nodes, total, current = -1, next;

  if (self->model == NULL)
    return FALSE;

  nodes = sam_map_model_get_nodes (self->model);
  relations = sam_map_model_get_relations (self->model);
  n_nodes = nodes->len;
  total = n_nodes + relations->len;
  if (total == 0)
    return FALSE;

  for (int i = 0; i < total && current < 0 && self->selected_id; i++)
    {
      const char *id = i < n_nodes
                         ? ((SamMapNode *) g_ptr_array_index (nodes, i))->id
                         : ((SamMapRelation *) g_ptr_array_index (relations, i - n_nodes))->id;

      if (g_str_equal (id, self->selected_id))
        current = i;
    }

  if (current < 0)
    next = direction > 0 ? 0 : total - 1;
  else
    next = current + direction;

  if (next < 0 || next >= total)
    {
      if (!wrap)
        return FALSE;
      next = (next + total) % total;
    }

  if (next < n_nodes)
    sam_map_view_select (self, SAM_MAP_KIND_NODE,
                         ((SamMapNode *) g_ptr_array_index (nodes, next))->id);
  else
    sam_map_view_select (self, SAM_MAP_KIND_RELATION,
                         ((SamMapRelation *) g_ptr_array_index (relations, next - n_nodes))->id);

  return TRUE;
}

static void
nudge_selected (SamMapView *self,
                int         dx,
                int         dy)
{
  double x, y;

  if (self->selected_kind != SAM_MAP_KIND_NODE ||
      !sam_map_model_get_node_position (self->model, self->selected_id, &x, &y))
    return;

  sam_map_model_set_node_position (self->model, self->selected_id,
                                   x + dx / self->transform.scale,
                                   y + dy / self->transform.scale);
  sam_map_model_commit_positions (self->model);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Actions ---------------------------------------------------------------- */

void
_sam_map_view_action_zoom (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  SamMapView *self = SAM_MAP_VIEW (widget);
  double factor = g_str_equal (action_name, "map.zoom-in") ? ZOOM_STEP : 1.0 / ZOOM_STEP;

  _sam_map_view_zoom_at (self, factor, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

void
_sam_map_view_action_fit (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  sam_map_view_fit (SAM_MAP_VIEW (widget));
}

void
_sam_map_view_action_layout (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  sam_map_view_auto_layout (SAM_MAP_VIEW (widget), TRUE);
}

void
_sam_map_view_action_select_step (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  _sam_map_view_select_step (SAM_MAP_VIEW (widget), g_str_equal (action_name, "map.select-next") ? 1 : -1, TRUE);
}

void
_sam_map_view_action_select_none (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  sam_map_view_select (SAM_MAP_VIEW (widget), SAM_MAP_KIND_NONE, NULL);
}

void
_sam_map_view_action_connect (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  const char *from, *to;

  g_variant_get (param, "(&s&s)", &from, &to);
  _sam_map_view_connect_nodes (SAM_MAP_VIEW (widget), from, to);
}

void
_sam_map_view_action_nudge (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  int dx, dy;

  g_variant_get (param, "(ii)", &dx, &dy);
  nudge_selected (SAM_MAP_VIEW (widget), dx, dy);
}
