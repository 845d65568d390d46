/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sam-map-view-private.h"
#include "src/sam-compat.h"

G_DEFINE_FINAL_TYPE (SamMapView, sam_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_COMPARISON,
  PROP_SELECTED_KIND,
  PROP_SELECTED_ID,
  PROP_SHOW_LEGEND,
  PROP_ZOOM,
  N_PROPS
};

enum {
  DELETE_REQUESTED,
  EDIT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_description (SamMapView *self)
{
  g_autofree char *text = NULL;

  if (self->model && self->selected_kind != SAM_MAP_KIND_NONE)
    text = sam_map_describe (self->model, self->selected_kind, self->selected_id);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text
                                       : _("Nothing selected. Press Tab to go through the teams and their relations."),
                                  -1);
}

static void
update_actions (SamMapView *self)
{
  gboolean selected = self->selected_kind != SAM_MAP_KIND_NONE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.delete-selected", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.edit-selected", selected);
}

/**
 * sam_map_view_select:
 * @kind: what to select, %SAM_MAP_KIND_NONE to clear
 * @id: (nullable): the element's id
 *
 * Selects an element; notifies #SamMapView:selected-kind and
 * #SamMapView:selected-id when they change.
 */
void
sam_map_view_select (SamMapView *self,
                     SamMapKind  kind,
                     const char *id)
{
  gboolean kind_changed, id_changed;

  g_return_if_fail (SAM_IS_MAP_VIEW (self));

  if (id == NULL || (self->model && !sam_map_model_contains (self->model, kind, id)))
    kind = SAM_MAP_KIND_NONE;
  if (kind == SAM_MAP_KIND_NONE)
    id = NULL;

  kind_changed = self->selected_kind != kind;
  id_changed = g_strcmp0 (self->selected_id, id) != 0;
  if (!kind_changed && !id_changed)
    return;

  self->selected_kind = kind;
  if (id_changed)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
    }

  sam_map_renderer_set_selection (self->renderer, kind, id);
  update_description (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (kind_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_KIND]);
  if (id_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

SamMapKind
sam_map_view_get_selected_kind (SamMapView *self)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), SAM_MAP_KIND_NONE);

  return self->selected_kind;
}

const char *
sam_map_view_get_selected_id (SamMapView *self)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), NULL);

  return self->selected_id;
}

/* The part of the widget the map is fitted into: not under the legend. */
SamMapRect
_sam_map_view_viewport (SamMapView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  SamMapRect legend;

  if (sam_map_renderer_get_legend_area (self->renderer, width, height, &legend))
    {
      if (legend.y <= 12.5)
        width = legend.x - 12;
      else
        height = legend.y - 12;
    }

  return (SamMapRect) { 0, 0, width, height };
}

static gboolean
settle_cb (gpointer data)
{
  SamMapView *self = data;

  self->settle_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

void
_sam_map_view_set_transform (SamMapView            *self,
                             const SamMapTransform *t)
{
  gboolean zoom_changed = self->transform.scale != t->scale;

  self->transform = *t;
  /* While the view moves, frames show the map layer moved and scaled; it
   * is drawn again once the view has been still for a moment. */
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (zoom_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
_sam_map_view_refit (SamMapView *self)
{
  SamMapRect vp = _sam_map_view_viewport (self);
  SamMapTransform t;

  if (vp.width <= 1 || vp.height <= 1)
    return;

  sam_map_renderer_fit (self->renderer, &vp, &t);
  _sam_map_view_set_transform (self, &t);
}

/**
 * sam_map_view_fit:
 *
 * Zooms so the whole map is visible; it then follows the widget's size.
 */
void
sam_map_view_fit (SamMapView *self)
{
  g_return_if_fail (SAM_IS_MAP_VIEW (self));

  self->fitted = TRUE;
  _sam_map_view_refit (self);
}

double
sam_map_view_get_zoom (SamMapView *self)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), 1.0);

  return self->transform.scale;
}

void
_sam_map_view_zoom_at (SamMapView *self,
                       double      factor,
                       double      x,
                       double      y)
{
  SamMapTransform t = self->transform;
  double scale = CLAMP (t.scale * factor, ZOOM_MIN, ZOOM_MAX);

  t.x_offset = x - (x - t.x_offset) * scale / t.scale;
  t.y_offset = y - (y - t.y_offset) * scale / t.scale;
  t.scale = scale;
  self->fitted = FALSE;
  _sam_map_view_set_transform (self, &t);
}

static void
on_model_changed (SamMapView  *self,
                  SamMapKind   kind,
                  const char  *id,
                  SamMapModel *model)
{
  if (kind == self->selected_kind && g_strcmp0 (id, self->selected_id) == 0)
    {
      /* the callout and description show the new values */
      sam_map_renderer_set_selection (self->renderer, SAM_MAP_KIND_NONE, NULL);
      sam_map_renderer_set_selection (self->renderer, kind, id);
      update_description (self);
    }
  else if (self->selected_kind == SAM_MAP_KIND_RELATION && kind == SAM_MAP_KIND_BELIEF)
    {
      sam_map_renderer_set_selection (self->renderer, SAM_MAP_KIND_NONE, NULL);
      sam_map_renderer_set_selection (self->renderer, self->selected_kind, self->selected_id);
      update_description (self);
    }

  if (self->fitted && kind == SAM_MAP_KIND_NODE)
    _sam_map_view_refit (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_model_removed (SamMapView  *self,
                  SamMapKind   kind,
                  const char  *id,
                  SamMapModel *model)
{
  if (kind == self->selected_kind && g_strcmp0 (id, self->selected_id) == 0)
    sam_map_view_select (self, SAM_MAP_KIND_NONE, NULL);
  else
    on_model_changed (self, kind, id, model);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_positions_changed (SamMapView  *self,
                      SamMapModel *model)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_sam_map_view_stop_animation (SamMapView *self)
{
  if (self->tick_id)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_pointer (&self->anim_ids, g_ptr_array_unref);
  g_clear_pointer (&self->anim_from, g_free);
  g_clear_pointer (&self->anim_to, g_free);
}

SamMapModel *
sam_map_view_get_model (SamMapView *self)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), NULL);

  return self->model;
}

/**
 * sam_map_view_set_model:
 * @model: (nullable): the map to show and edit
 *
 * The view moves nodes and adds relations in @model; everything else (the
 * Delete and Enter keys) goes to the owner through signals.
 */
void
sam_map_view_set_model (SamMapView  *self,
                        SamMapModel *model)
{
  g_return_if_fail (SAM_IS_MAP_VIEW (self));
  g_return_if_fail (!model || SAM_IS_MAP_MODEL (model));

  if (self->model == model)
    return;

  _sam_map_view_stop_animation (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  sam_map_renderer_set_drag_node (self->renderer, NULL);
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);

  sam_map_view_select (self, SAM_MAP_KIND_NONE, NULL);
  g_set_object (&self->model, model);
  sam_map_renderer_set_model (self->renderer, model);

  if (model)
    {
      g_signal_connect_object (model, "changed", G_CALLBACK (on_model_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "removed", G_CALLBACK (on_model_removed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "positions-changed", G_CALLBACK (on_positions_changed),
                               self, G_CONNECT_SWAPPED);
    }

  self->fitted = TRUE;
  _sam_map_view_refit (self);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

SamMapModel *
sam_map_view_get_comparison (SamMapView *self)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), NULL);

  return self->comparison;
}

/**
 * sam_map_view_set_comparison:
 * @start: (nullable): an earlier snapshot to compare with
 *
 * Marks on the map how relations changed since @start.
 */
void
sam_map_view_set_comparison (SamMapView  *self,
                             SamMapModel *start)
{
  g_return_if_fail (SAM_IS_MAP_VIEW (self));

  if (g_set_object (&self->comparison, start))
    {
      sam_map_renderer_set_comparison (self->renderer, start);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
    }
}

gboolean
sam_map_view_get_show_legend (SamMapView *self)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), FALSE);

  return self->show_legend;
}

void
sam_map_view_set_show_legend (SamMapView *self,
                              gboolean    show_legend)
{
  g_return_if_fail (SAM_IS_MAP_VIEW (self));

  show_legend = !!show_legend;
  if (self->show_legend == show_legend)
    return;

  self->show_legend = show_legend;
  sam_map_renderer_set_show_legend (self->renderer, show_legend);
  if (self->fitted)
    _sam_map_view_refit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

/**
 * sam_map_view_set_show_callout:
 * @show_callout: whether to draw the selection's texts next to it
 *
 * A page that shows the selection in a side panel turns the callout off.
 */
void
sam_map_view_set_show_callout (SamMapView *self,
                               gboolean    show_callout)
{
  g_return_if_fail (SAM_IS_MAP_VIEW (self));

  sam_map_renderer_set_show_callout (self->renderer, show_callout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
action_delete_selected (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SamMapView *self = SAM_MAP_VIEW (widget);
  g_autofree char *id = g_strdup (self->selected_id);

  if (self->selected_kind != SAM_MAP_KIND_NONE)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->selected_kind, id);
}

static void
action_edit_selected (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SamMapView *self = SAM_MAP_VIEW (widget);
  g_autofree char *id = g_strdup (self->selected_id);

  if (self->selected_kind != SAM_MAP_KIND_NONE)
    g_signal_emit (self, signals[EDIT_REQUESTED], 0, self->selected_kind, id);
}

static void
on_dark_changed (SamMapView      *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *manager)
{
  sam_map_renderer_set_dark (self->renderer, adw_style_manager_get_dark (manager));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkWidget -------------------------------------------------------------- */

static void
sam_map_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SamMapView *self = SAM_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  sam_map_renderer_set_cache_scale (self->renderer, sam_compat_widget_get_pixel_scale (widget));
  sam_map_renderer_set_lazy_base (self->renderer, self->settle_id != 0);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sam_map_renderer_draw (self->renderer, cr, &self->transform, width, height);
  cairo_destroy (cr);
}

static void
sam_map_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SamMapView *self = SAM_MAP_VIEW (widget);

  if (self->fitted)
    _sam_map_view_refit (self);
}

static void
sam_map_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 640;
}

static gboolean
sam_map_view_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  SamMapView *self = SAM_MAP_VIEW (widget);
  int step;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (sam_map_view_parent_class)->focus (widget, direction);

  step = direction == GTK_DIR_TAB_FORWARD ? 1 : -1;

  /* Entering takes focus without selecting, so opening a window does not
   * select a team; the description tells to press Tab. */
  if (!gtk_widget_is_focus (widget))
    {
      gtk_widget_grab_focus (widget);
      return TRUE;
    }

  /* Tab walks nodes, then relations; past the last one focus moves on. */
  if (_sam_map_view_select_step (self, step, FALSE))
    return TRUE;

  sam_map_view_select (self, SAM_MAP_KIND_NONE, NULL);
  return FALSE;
}

static void
sam_map_view_dispose (GObject *object)
{
  SamMapView *self = (SamMapView *) object;

  _sam_map_view_stop_animation (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->comparison);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (sam_map_view_parent_class)->dispose (object);
}

static void
sam_map_view_finalize (GObject *object)
{
  SamMapView *self = (SamMapView *) object;

  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->drag_node, g_free);
  g_clear_pointer (&self->drag_hit_id, g_free);

  G_OBJECT_CLASS (sam_map_view_parent_class)->finalize (object);
}

static void
sam_map_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SamMapView *self = SAM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_SELECTED_KIND:
      g_value_set_enum (value, self->selected_kind);
      break;
    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, sam_map_view_get_show_legend (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->transform.scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_map_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SamMapView *self = SAM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      sam_map_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_COMPARISON:
      sam_map_view_set_comparison (self, g_value_get_object (value));
      break;
    case PROP_SHOW_LEGEND:
      sam_map_view_set_show_legend (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_nudge_bindings (GtkWidgetClass *widget_class,
                    guint           keyval,
                    guint           keypad,
                    int             dx,
                    int             dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "map.nudge", "(ii)", dx, dy);
  gtk_widget_class_add_binding_action (widget_class, keypad, 0, "map.nudge", "(ii)", dx, dy);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK, "map.nudge", "(ii)",
                                       dx * 6, dy * 6);
  gtk_widget_class_add_binding_action (widget_class, keypad, GDK_SHIFT_MASK, "map.nudge", "(ii)",
                                       dx * 6, dy * 6);
}

static void
sam_map_view_class_init (SamMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_map_view_dispose;
  object_class->finalize = sam_map_view_finalize;
  object_class->get_property = sam_map_view_get_property;
  object_class->set_property = sam_map_view_set_property;

  widget_class->snapshot = sam_map_view_snapshot;
  widget_class->size_allocate = sam_map_view_size_allocate;
  widget_class->measure = sam_map_view_measure;
  widget_class->focus = sam_map_view_focus;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         SAM_TYPE_MAP_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL,
                         SAM_TYPE_MAP_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_KIND] =
    g_param_spec_enum ("selected-kind", NULL, NULL,
                       SAM_TYPE_MAP_KIND, SAM_MAP_KIND_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0, G_MAXDOUBLE, 1.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamMapView::delete-requested:
   * @kind: a #SamMapKind
   * @id: the element's id
   *
   * The user asked to delete the selected element (Delete key or the
   * map.delete-selected action).  The owner deletes it and offers Undo.
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SAM_TYPE_MAP_KIND, G_TYPE_STRING);

  /**
   * SamMapView::edit-requested:
   * @kind: a #SamMapKind
   * @id: the element's id
   *
   * The user asked to edit an element (Enter, double click).
   */
  signals[EDIT_REQUESTED] =
    g_signal_new ("edit-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SAM_TYPE_MAP_KIND, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, _sam_map_view_action_zoom);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, _sam_map_view_action_zoom);
  gtk_widget_class_install_action (widget_class, "map.fit", NULL, _sam_map_view_action_fit);
  gtk_widget_class_install_action (widget_class, "map.layout", NULL, _sam_map_view_action_layout);
  gtk_widget_class_install_action (widget_class, "map.delete-selected", NULL, action_delete_selected);
  gtk_widget_class_install_action (widget_class, "map.edit-selected", NULL, action_edit_selected);
  gtk_widget_class_install_action (widget_class, "map.select-next", NULL, _sam_map_view_action_select_step);
  gtk_widget_class_install_action (widget_class, "map.select-previous", NULL, _sam_map_view_action_select_step);
  gtk_widget_class_install_action (widget_class, "map.select-none", NULL, _sam_map_view_action_select_none);
  gtk_widget_class_install_action (widget_class, "map.connect", "(ss)", _sam_map_view_action_connect);
  gtk_widget_class_install_action (widget_class, "map.nudge", "(ii)", _sam_map_view_action_nudge);
  gtk_widget_class_install_property_action (widget_class, "map.show-legend", "show-legend");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "map.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "map.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "map.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "map.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "map.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "map.edit-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "map.edit-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "map.select-none", NULL);
  add_nudge_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -8, 0);
  add_nudge_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 8, 0);
  add_nudge_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -8);
  add_nudge_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 8);

  gtk_widget_class_set_css_name (widget_class, "sammapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sam_map_view_init (SamMapView *self)
{
  GtkGesture *drag, *click, *zoom;
  GtkEventController *motion, *scroll;
  AdwStyleManager *manager;

  self->renderer = sam_map_renderer_new (NULL);
  sam_map_renderer_set_interactive (self->renderer, TRUE);
  self->transform.scale = 1.0;
  self->fitted = TRUE;
  self->show_legend = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (_sam_map_view_on_query_tooltip), NULL);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (_sam_map_view_on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (_sam_map_view_on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (_sam_map_view_on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (_sam_map_view_on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (_sam_map_view_on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (_sam_map_view_on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (_sam_map_view_on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (_sam_map_view_on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (_sam_map_view_on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  manager = adw_style_manager_get_default ();
  sam_map_renderer_set_dark (self->renderer, adw_style_manager_get_dark (manager));
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_dark_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Team relationship map"),
                                  -1);
  update_description (self);
  update_actions (self);
}

GtkWidget *
sam_map_view_new (void)
{
  return g_object_new (SAM_TYPE_MAP_VIEW, NULL);
}
