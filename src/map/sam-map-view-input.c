/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sam-map-view-private.h"

/* Pointer input: dragging, clicks, hover, scrolling, pinch zoom and tooltips,
 * plus the test hooks that drive the same code. */

#define CLICK_SLOP       4.0

/* Pointer input ---------------------------------------------------------- */

static void
drag_begin_at (SamMapView      *self,
               double           x,
               double           y,
               GdkModifierType  state)
{
  SamMapHit hit;

  _sam_map_view_stop_animation (self);
  self->drag_x = x;
  self->drag_y = y;
  self->drag_moved = FALSE;
  self->drag_transform = self->transform;
  self->drag_mode = DRAG_NONE;
  g_clear_pointer (&self->drag_node, g_free);
  g_clear_pointer (&self->drag_hit_id, g_free);

  if (self->model == NULL)
    return;

  sam_map_renderer_hit_test (self->renderer, &self->transform, x, y, &hit);
  self->drag_hit = hit;
  self->drag_hit_id = g_strdup (hit.id);

  if (hit.kind == SAM_MAP_KIND_NODE)
    {
      self->drag_node = g_strdup (hit.id);
      if (hit.handle || (state & GDK_SHIFT_MASK))
        {
          self->drag_mode = DRAG_CONNECT;
          sam_map_renderer_set_pending_connection (self->renderer, hit.id, x, y);
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
        }
      else
        {
          self->drag_mode = DRAG_MOVE;
          sam_map_model_get_node_position (self->model, hit.id, &self->drag_node_x,
                                           &self->drag_node_y);
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
        }
    }
  else if (hit.kind != SAM_MAP_KIND_NONE)
    self->drag_mode = DRAG_CLICK;
  else
    self->drag_mode = DRAG_PAN;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_update_by (SamMapView *self,
                double      dx,
                double      dy)
{
  if (fabs (dx) > CLICK_SLOP || fabs (dy) > CLICK_SLOP)
    self->drag_moved = TRUE;
  if (!self->drag_moved)
    return;

  switch (self->drag_mode)
    {
    case DRAG_MOVE:
      /* only the dragged node is drawn again from frame to frame */
      sam_map_renderer_set_drag_node (self->renderer, self->drag_node);
      sam_map_model_set_node_position (self->model, self->drag_node,
                                       self->drag_node_x + dx / self->transform.scale,
                                       self->drag_node_y + dy / self->transform.scale);
      break;

    case DRAG_CONNECT:
      {
        SamMapHit hit;

        sam_map_renderer_set_pending_connection (self->renderer, self->drag_node,
                                                 self->drag_x + dx, self->drag_y + dy);
        sam_map_renderer_hit_test (self->renderer, &self->transform,
                                   self->drag_x + dx, self->drag_y + dy, &hit);
        if (hit.kind == SAM_MAP_KIND_NODE && !hit.handle)
          sam_map_renderer_set_hover (self->renderer, SAM_MAP_KIND_NODE, hit.id);
        else
          sam_map_renderer_set_hover (self->renderer, SAM_MAP_KIND_NONE, NULL);
      }
      break;

    case DRAG_PAN:
      {
        SamMapTransform t = self->drag_transform;

        t.x_offset += dx;
        t.y_offset += dy;
        self->fitted = FALSE;
        _sam_map_view_set_transform (self, &t);
      }
      break;

    case DRAG_NONE:
    case DRAG_CLICK:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_by (SamMapView *self,
             double      dx,
             double      dy)
{
  DragMode mode = self->drag_mode;

  drag_update_by (self, dx, dy);
  self->drag_mode = DRAG_NONE;
  sam_map_renderer_set_drag_node (self->renderer, NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);

  if (mode == DRAG_CONNECT)
    {
      SamMapHit hit;

      sam_map_renderer_set_pending_connection (self->renderer, NULL, 0, 0);
      sam_map_renderer_set_hover (self->renderer, SAM_MAP_KIND_NONE, NULL);
      sam_map_renderer_hit_test (self->renderer, &self->transform,
                                 self->drag_x + dx, self->drag_y + dy, &hit);
      if (self->drag_moved && hit.kind == SAM_MAP_KIND_NODE && !hit.handle)
        _sam_map_view_connect_nodes (self, self->drag_node, hit.id);
      else if (!self->drag_moved)
        sam_map_view_select (self, SAM_MAP_KIND_NODE, self->drag_node);
    }
  else if (mode == DRAG_MOVE)
    {
      if (self->drag_moved)
        {
          sam_map_model_commit_positions (self->model);
          if (self->fitted)
            self->fitted = FALSE;
        }
      sam_map_view_select (self, SAM_MAP_KIND_NODE, self->drag_node);
    }
  else if (!self->drag_moved)
    {
      /* a click: select what was under the pointer, or nothing */
      if (mode == DRAG_CLICK)
        sam_map_view_select (self, self->drag_hit.kind, self->drag_hit_id);
      else
        sam_map_view_select (self, SAM_MAP_KIND_NONE, NULL);
    }

  g_clear_pointer (&self->drag_node, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_sam_map_view_on_drag_begin (GtkGestureDrag *gesture,
                             double          x,
                             double          y,
                             SamMapView     *self)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  drag_begin_at (self, x, y, state);
}

void
_sam_map_view_on_drag_update (GtkGestureDrag *gesture,
                              double          dx,
                              double          dy,
                              SamMapView     *self)
{
  drag_update_by (self, dx, dy);
}

void
_sam_map_view_on_drag_end (GtkGestureDrag *gesture,
                           double          dx,
                           double          dy,
                           SamMapView     *self)
{
  drag_end_by (self, dx, dy);
}

void
_sam_map_view_on_click_pressed (GtkGestureClick *gesture,
                                int              n_press,
                                double           x,
                                double           y,
                                SamMapView      *self)
{
  if (n_press == 2 && self->selected_kind != SAM_MAP_KIND_NONE)
    gtk_widget_activate_action (GTK_WIDGET (self), "map.edit-selected", NULL);
}

void
_sam_map_view_on_motion (GtkEventControllerMotion *controller,
                         double                    x,
                         double                    y,
                         SamMapView               *self)
{
  SamMapHit hit;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag_mode != DRAG_NONE || self->model == NULL)
    return;

  sam_map_renderer_hit_test (self->renderer, &self->transform, x, y, &hit);
  sam_map_renderer_set_hover (self->renderer, hit.handle ? SAM_MAP_KIND_NONE : hit.kind, hit.id);
  if (hit.handle)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  else if (hit.kind == SAM_MAP_KIND_NODE)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  else if (hit.kind != SAM_MAP_KIND_NONE)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_sam_map_view_on_leave (GtkEventControllerMotion *controller,
                        SamMapView               *self)
{
  sam_map_renderer_set_hover (self->renderer, SAM_MAP_KIND_NONE, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_sam_map_view_on_scroll (GtkEventControllerScroll *controller,
                         double                    dx,
                         double                    dy,
                         SamMapView               *self)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if (state & GDK_CONTROL_MASK)
    {
      _sam_map_view_zoom_at (self, pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
    }
  else
    {
      SamMapTransform t = self->transform;

      t.x_offset -= dx * 40;
      t.y_offset -= dy * 40;
      self->fitted = FALSE;
      _sam_map_view_set_transform (self, &t);
    }

  return TRUE;
}

void
_sam_map_view_on_zoom_begin (GtkGesture       *gesture,
                             GdkEventSequence *sequence,
                             SamMapView       *self)
{
  self->zoom_gesture_scale = 1.0;
}

void
_sam_map_view_on_zoom_scale_changed (GtkGestureZoom *gesture,
                                     double          scale,
                                     SamMapView     *self)
{
  double cx, cy;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    {
      cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  _sam_map_view_zoom_at (self, scale / self->zoom_gesture_scale, cx, cy);
  self->zoom_gesture_scale = scale;
}

gboolean
_sam_map_view_on_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip,
                                gpointer    user_data)
{
  SamMapView *self = SAM_MAP_VIEW (widget);
  g_autofree char *description = NULL;
  SamMapHit hit;

  if (self->model == NULL || self->drag_mode != DRAG_NONE)
    return FALSE;

  if (keyboard)
    {
      hit.kind = self->selected_kind;
      hit.id = self->selected_id;
      hit.handle = FALSE;
    }
  else
    sam_map_renderer_hit_test (self->renderer, &self->transform, x, y, &hit);

  if (hit.handle)
    {
      gtk_tooltip_set_text (tooltip, _("Drag onto another team to draw a relation"));
      return TRUE;
    }

  if (hit.kind == SAM_MAP_KIND_NONE)
    return FALSE;

  description = sam_map_describe (self->model, hit.kind, hit.id);
  if (hit.kind == SAM_MAP_KIND_NODE)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", description,
                                               _("Drag to move it; Shift+drag onto another team to draw a relation"));
      gtk_tooltip_set_text (tooltip, text);
    }
  else
    gtk_tooltip_set_text (tooltip, description);

  return TRUE;
}

/* Test hooks ------------------------------------------------------------- */

void
_sam_map_view_test_drag (SamMapView      *self,
                         double           x0,
                         double           y0,
                         double           x1,
                         double           y1,
                         GdkModifierType  state)
{
  g_return_if_fail (SAM_IS_MAP_VIEW (self));

  drag_begin_at (self, x0, y0, state);
  drag_update_by (self, (x1 - x0) / 2, (y1 - y0) / 2);
  drag_update_by (self, x1 - x0, y1 - y0);
  drag_end_by (self, x1 - x0, y1 - y0);
}

void
_sam_map_view_node_center (SamMapView *self,
                           const char *id,
                           double     *x,
                           double     *y)
{
  double wx = 0, wy = 0;

  g_return_if_fail (SAM_IS_MAP_VIEW (self));

  sam_map_model_get_node_position (self->model, id, &wx, &wy);
  *x = wx * self->transform.scale + self->transform.x_offset;
  *y = wy * self->transform.scale + self->transform.y_offset;
}

SamMapRenderer *
_sam_map_view_get_renderer (SamMapView *self)
{
  return self->renderer;
}

const SamMapTransform *
_sam_map_view_get_transform (SamMapView *self)
{
  return &self->transform;
}
