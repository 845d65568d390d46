/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "sam-map-renderer.h"
#include "sam-map-view.h"

G_BEGIN_DECLS

#define ZOOM_STEP        1.25
#define ZOOM_MIN         0.08
#define ZOOM_MAX         5.0

/* After the last pan or zoom, how long the cached map layer may still be
 * shown moved and scaled before it is drawn again for the new view. */
#define SETTLE_MS        150

typedef enum
{
  DRAG_NONE,
  DRAG_CLICK,     /* pressed on a line or badge: a click selects it */
  DRAG_MOVE,
  DRAG_CONNECT,
  DRAG_PAN,
} DragMode;

struct _SamMapView
{
  GtkWidget        parent_instance;

  SamMapModel     *model;
  SamMapModel     *comparison;
  SamMapRenderer  *renderer;
  SamMapTransform  transform;
  gboolean         show_legend;
  gboolean         fitted;     /* follow the widget's size until the user zooms or pans */

  SamMapKind       selected_kind;
  char            *selected_id;

  /* drag state */
  DragMode         drag_mode;
  char            *drag_node;
  double           drag_x;
  double           drag_y;
  double           drag_node_x;
  double           drag_node_y;
  SamMapTransform  drag_transform;
  gboolean         drag_moved;
  SamMapHit        drag_hit;
  char            *drag_hit_id;

  guint            settle_id;  /* pending redraw of the map layer for the new view */

  double           pointer_x;
  double           pointer_y;
  double           zoom_gesture_scale;

  /* auto-layout animation */
  guint            tick_id;
  gint64           anim_start;
  GPtrArray       *anim_ids;
  double          *anim_from;
  double          *anim_to;
};

/* sam-map-view.c */
SamMapRect _sam_map_view_viewport       (SamMapView            *self);
void       _sam_map_view_set_transform  (SamMapView            *self,
                                         const SamMapTransform *t);
void       _sam_map_view_refit          (SamMapView            *self);
void       _sam_map_view_zoom_at        (SamMapView            *self,
                                         double                 factor,
                                         double                 x,
                                         double                 y);
void       _sam_map_view_stop_animation (SamMapView            *self);

/* sam-map-view-actions.c */
gboolean _sam_map_view_connect_nodes      (SamMapView *self,
                                           const char *from,
                                           const char *to);
gboolean _sam_map_view_select_step        (SamMapView *self,
                                           int         direction,
                                           gboolean    wrap);
void     _sam_map_view_action_zoom        (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param);
void     _sam_map_view_action_fit         (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param);
void     _sam_map_view_action_layout      (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param);
void     _sam_map_view_action_select_step (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param);
void     _sam_map_view_action_select_none (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param);
void     _sam_map_view_action_connect     (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param);
void     _sam_map_view_action_nudge       (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param);

/* sam-map-view-input.c */
void     _sam_map_view_on_drag_begin         (GtkGestureDrag           *gesture,
                                              double                    x,
                                              double                    y,
                                              SamMapView               *self);
void     _sam_map_view_on_drag_update        (GtkGestureDrag           *gesture,
                                              double                    dx,
                                              double                    dy,
                                              SamMapView               *self);
void     _sam_map_view_on_drag_end           (GtkGestureDrag           *gesture,
                                              double                    dx,
                                              double                    dy,
                                              SamMapView               *self);
void     _sam_map_view_on_click_pressed      (GtkGestureClick          *gesture,
                                              int                       n_press,
                                              double                    x,
                                              double                    y,
                                              SamMapView               *self);
void     _sam_map_view_on_motion             (GtkEventControllerMotion *controller,
                                              double                    x,
                                              double                    y,
                                              SamMapView               *self);
void     _sam_map_view_on_leave              (GtkEventControllerMotion *controller,
                                              SamMapView               *self);
gboolean _sam_map_view_on_scroll             (GtkEventControllerScroll *controller,
                                              double                    dx,
                                              double                    dy,
                                              SamMapView               *self);
void     _sam_map_view_on_zoom_begin         (GtkGesture               *gesture,
                                              GdkEventSequence         *sequence,
                                              SamMapView               *self);
void     _sam_map_view_on_zoom_scale_changed (GtkGestureZoom           *gesture,
                                              double                    scale,
                                              SamMapView               *self);
gboolean _sam_map_view_on_query_tooltip      (GtkWidget                *widget,
                                              int                       x,
                                              int                       y,
                                              gboolean                  keyboard,
                                              GtkTooltip               *tooltip,
                                              gpointer                  user_data);

/* Test hooks: GTK 4 cannot synthesise pointer events, so tests drive the
 * same code the drag gesture runs.  Coordinates are widget coordinates. */
void                   _sam_map_view_test_drag      (SamMapView      *self,
                                                     double           x0,
                                                     double           y0,
                                                     double           x1,
                                                     double           y1,
                                                     GdkModifierType  state);
void                   _sam_map_view_node_center    (SamMapView      *self,
                                                     const char      *id,
                                                     double          *x,
                                                     double          *y);
SamMapRenderer        *_sam_map_view_get_renderer   (SamMapView      *self);
const SamMapTransform *_sam_map_view_get_transform  (SamMapView      *self);

G_END_DECLS
