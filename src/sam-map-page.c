/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sam-field.h"
#include "sam-map-page-private.h"
#include "sam-map-renderer.h"
#include "sam-window.h"

/* The team relationship map of a workshop: the map itself, a side panel to
 * change what is selected, and a toolbar to arrange, zoom, freeze, compare
 * and export.  Every change is stored at once through the SamMapLoader;
 * deleting offers Undo. */

#define NOTE_SAVE_DELAY_MS 600

G_DEFINE_FINAL_TYPE (SamMapPage, sam_map_page, SAM_TYPE_EXERCISE_PAGE)

enum {
  PROP_0,
  PROP_SHOW_LEGEND,
  PROP_COMPARING,
  PROP_COMPARE_LAYOUT,
  PROP_SHOW_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_panel (SamMapPage *self);

static SamWindow *
get_window (SamMapPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SAM_IS_WINDOW (root) ? SAM_WINDOW (root) : NULL;
}

void
_sam_map_page_report (SamMapPage   *self,
                      const GError *error)
{
  SamWindow *window = get_window (self);

  if (window != NULL)
    sam_window_show_error (window, error);
  else
    g_debug ("Map: %s", error->message);
}

void
_sam_map_page_toast (SamMapPage *self,
                     const char *message)
{
  SamWindow *window = get_window (self);

  if (window != NULL)
    sam_window_show_toast (window, message);
}

/* The side panel (filled in sam-map-page-panel.c) ------------------------ */

static gboolean
save_note (SamMapPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  const SamMapRelation *relation;
  GtkTextIter start, end;

  g_clear_handle_id (&self->note_save_id, g_source_remove);
  if (self->loader == NULL || self->panel_kind != SAM_MAP_KIND_RELATION)
    return G_SOURCE_REMOVE;

  relation = sam_map_model_get_relation (sam_map_loader_get_model (self->loader), self->panel_id);
  if (relation == NULL)
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (note, sam_map_loader_get_note (self->loader, self->panel_id)) != 0 &&
      !sam_map_loader_set_relation (self->loader, self->panel_id, relation->quality,
                                    relation->tension, note, &error))
    {
      sam_field_revert (GTK_WIDGET (self->note_view));
      _sam_map_page_report (self, error);
    }

  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (SamMapPage *self)
{
  if (self->loading || sam_field_is_syncing (GTK_WIDGET (self->note_view)))
    return;

  g_clear_handle_id (&self->note_save_id, g_source_remove);
  self->note_save_id = g_timeout_add (NOTE_SAVE_DELAY_MS, (GSourceFunc) save_note, self);
}

static void
update_panel (SamMapPage *self)
{
  SamMapModel *model;
  SamMapKind kind = sam_map_view_get_selected_kind (self->view);
  const char *id = sam_map_view_get_selected_id (self->view);

  /* Whatever was typed for the previous relation is kept first. */
  if (self->note_save_id != 0 && (kind != self->panel_kind || g_strcmp0 (id, self->panel_id) != 0))
    save_note (self);

  self->panel_kind = kind;
  g_free (self->panel_id);
  self->panel_id = g_strdup (id);

  self->loading = TRUE;
  model = self->loader ? sam_map_loader_get_model (self->loader) : NULL;
  if (model == NULL || id == NULL || !sam_map_model_contains (model, kind, id))
    gtk_stack_set_visible_child_name (self->panel_stack, "none");
  else if (kind == SAM_MAP_KIND_NODE)
    _sam_map_page_show_node (self, sam_map_model_get_node (model, id));
  else if (kind == SAM_MAP_KIND_RELATION)
    _sam_map_page_show_relation (self, sam_map_model_get_relation (model, id));
  else
    _sam_map_page_show_detail (self, kind, id);
  gtk_revealer_set_reveal_child (self->panel_revealer,
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "none") != 0);
  self->loading = FALSE;
}

static void
relation_choice_cb (SamMapPage *self)
{
  g_autoptr(GError) error = NULL;
  guint quality, tension;

  if (self->loading || self->panel_kind != SAM_MAP_KIND_RELATION || self->loader == NULL)
    return;

  quality = gtk_drop_down_get_selected (self->quality_drop);
  tension = gtk_drop_down_get_selected (self->tension_drop);
  save_note (self);
  if (!sam_map_loader_set_relation (self->loader, self->panel_id, MIN (quality, SAM_MAP_QUALITY_MAX),
                                    MIN (tension, SAM_MAP_TENSION_HIGH),
                                    sam_map_loader_get_note (self->loader, self->panel_id), &error))
    {
      _sam_map_page_report (self, error);
      update_panel (self);
    }
}

static void
pin_changed_cb (SamMapPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->panel_kind != SAM_MAP_KIND_NODE || self->loader == NULL)
    return;

  if (!sam_map_loader_set_pinned (self->loader, self->panel_id,
                                  gtk_switch_get_active (self->pin_switch), &error))
    {
      _sam_map_page_report (self, error);
      update_panel (self);
    }
}

static void
model_element_cb (SamMapPage *self,
                  SamMapKind  kind,
                  const char *id)
{
  if (!self->loading && kind == self->panel_kind && g_strcmp0 (id, self->panel_id) == 0)
    update_panel (self);
  else if (!self->loading && self->panel_kind != SAM_MAP_KIND_NONE &&
           (kind == SAM_MAP_KIND_BELIEF || kind == SAM_MAP_KIND_LINK))
    update_panel (self);  /* the lists of beliefs may have changed */
}

/* Deleting -------------------------------------------------------------- */

static void
delete_element (SamMapPage *self,
                SamMapKind  kind,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = g_strdup (id);
  SamWindow *window = get_window (self);
  const char *message;
  gint64 batch = 0;

  if (self->loader == NULL || id == NULL)
    return;

  if (kind == SAM_MAP_KIND_NODE)
    {
      _sam_map_page_toast (self, _("Teams are removed on the workshop’s overview, not on the map"));
      return;
    }

  save_note (self);
  if (!sam_map_loader_delete (self->loader, kind, keep, &batch, &error))
    {
      _sam_map_page_report (self, error);
      return;
    }

  message = kind == SAM_MAP_KIND_RELATION ? _("Relation deleted")
          : kind == SAM_MAP_KIND_BELIEF ? _("Belief deleted")
          : _("Link deleted");
  if (window != NULL)
    sam_window_show_undo_toast (window, message, batch);
}

static void
delete_requested_cb (SamMapPage *self,
                     SamMapKind  kind,
                     const char *id)
{
  delete_element (self, kind, id);
}

static void
edit_requested_cb (SamMapPage *self,
                   SamMapKind  kind,
                   const char *id)
{
  if (kind == SAM_MAP_KIND_RELATION)
    gtk_widget_grab_focus (GTK_WIDGET (self->quality_drop));
  else if (kind == SAM_MAP_KIND_NODE)
    gtk_widget_grab_focus (GTK_WIDGET (self->pin_switch));
}

static void
loader_error_cb (SamMapPage   *self,
                 const GError *error)
{
  _sam_map_page_report (self, error);
}

/* Store and workshop ---------------------------------------------------- */

static void
rebuild_loader (SamMapPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));

  if (self->loader != NULL)
    {
      save_note (self);
      g_signal_handlers_disconnect_by_data (self->loader, self);
      g_signal_handlers_disconnect_by_data (sam_map_loader_get_model (self->loader), self);
      sam_map_view_set_model (self->view, NULL);
      g_clear_object (&self->loader);
    }

  if (store != NULL && workshop != NULL)
    {
      SamMapModel *model;

      self->loader = sam_map_loader_new (store, workshop);
      model = sam_map_loader_get_model (self->loader);
      g_signal_connect_object (self->loader, "error", G_CALLBACK (loader_error_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "changed", G_CALLBACK (model_element_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "removed", G_CALLBACK (model_element_cb), self, G_CONNECT_SWAPPED);
      sam_map_view_set_model (self->view, model);
      sam_map_view_fit (self->view);
    }

  _sam_map_page_set_comparing (self, FALSE);
  _sam_map_page_reload_snapshots (self);
  update_panel (self);
}

static void
sam_map_page_context_changed (SamExercisePage *page,
                              SamStore        *old_store,
                              SamWorkshop     *old_workshop,
                              SamStep         *old_step)
{
  /* The map belongs to the workshop; the step only tells where it is shown. */
  if (sam_exercise_page_get_store (page) != old_store ||
      sam_exercise_page_get_workshop (page) != old_workshop)
    rebuild_loader (SAM_MAP_PAGE (page));
}

/* Actions --------------------------------------------------------------- */

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);
  g_autofree char *target = g_strconcat ("map.", action_name + strlen ("page."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->view), target, NULL);
}

static void
action_delete_selected (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);

  delete_element (self, sam_map_view_get_selected_kind (self->view),
                  sam_map_view_get_selected_id (self->view));
}

/* GObject --------------------------------------------------------------- */

/* Inside a step, under its title and timer, the page should fit the rest
 * of the screen rather than ask for the map's full natural height. */
#define NATURAL_HEIGHT 470

static void
sam_map_page_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *natural = MAX (*minimum, NATURAL_HEIGHT);
}

static void
sam_map_page_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
sam_map_page_map (GtkWidget *widget)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);
  g_autoptr(GError) error = NULL;

  GTK_WIDGET_CLASS (sam_map_page_parent_class)->map (widget);

  /* Beliefs and links may have been written on other pages meanwhile. */
  if (self->loader != NULL && !sam_map_loader_reload (self->loader, &error))
    _sam_map_page_report (self, error);
  _sam_map_page_reload_snapshots (self);
}

static void
sam_map_page_dispose (GObject *object)
{
  SamMapPage *self = SAM_MAP_PAGE (object);

  save_note (self);
  g_clear_handle_id (&self->note_save_id, g_source_remove);
  /* Nothing reacts to the children going away. */
  self->loading = TRUE;
  self->comparing = FALSE;
  _sam_map_page_compare_dispose (self);
  if (self->loader != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->loader, self);
      g_signal_handlers_disconnect_by_data (sam_map_loader_get_model (self->loader), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_MAP_PAGE);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (sam_map_page_parent_class)->dispose (object);
}

static void
sam_map_page_finalize (GObject *object)
{
  SamMapPage *self = SAM_MAP_PAGE (object);

  g_free (self->panel_id);
  g_free (self->note_relation_id);
  g_free (self->compare_layout);

  G_OBJECT_CLASS (sam_map_page_parent_class)->finalize (object);
}

static void
sam_map_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SamMapPage *self = SAM_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_LEGEND: g_value_set_boolean (value, sam_map_view_get_show_legend (self->view)); break;
    case PROP_COMPARING: g_value_set_boolean (value, self->comparing); break;
    case PROP_COMPARE_LAYOUT: g_value_set_string (value, self->compare_layout); break;
    case PROP_SHOW_END: g_value_set_boolean (value, self->show_end); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_map_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SamMapPage *self = SAM_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_LEGEND:
      sam_map_view_set_show_legend (self->view, g_value_get_boolean (value));
      break;
    case PROP_COMPARING:
      _sam_map_page_set_comparing (self, g_value_get_boolean (value));
      break;
    case PROP_COMPARE_LAYOUT:
      if (g_strcmp0 (self->compare_layout, g_value_get_string (value)) != 0)
        {
          g_free (self->compare_layout);
          self->compare_layout = g_strdup (g_strcmp0 (g_value_get_string (value), "toggle") == 0
                                           ? "toggle" : "side");
          _sam_map_page_update_compare (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_END:
      if (self->show_end != g_value_get_boolean (value))
        {
          self->show_end = g_value_get_boolean (value);
          _sam_map_page_show_end_changed (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
show_legend_cb (SamMapPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

static void
sam_map_page_class_init (SamMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_map_page_dispose;
  object_class->finalize = sam_map_page_finalize;
  object_class->get_property = sam_map_page_get_property;
  object_class->set_property = sam_map_page_set_property;
  widget_class->map = sam_map_page_map;
  widget_class->measure = sam_map_page_measure;
  widget_class->size_allocate = sam_map_page_size_allocate;
  page_class->context_changed = sam_map_page_context_changed;

  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COMPARE_LAYOUT] =
    g_param_spec_string ("compare-layout", NULL, NULL, "side",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_END] =
    g_param_spec_boolean ("show-end", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, view);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, map_hint);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, node_swatch);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, node_title);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, node_summary);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, pin_switch);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, node_beliefs_heading);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, node_beliefs);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, relation_title);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, quality_drop);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, tension_drop);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, relation_beliefs_heading);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, relation_beliefs);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, detail_text);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, detail_source);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, start_drop);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, end_drop);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, compare_summary);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, start_label);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, end_label);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, start_view);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, end_view);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, toggle_view);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, show_end_button);

  gtk_widget_class_install_action (widget_class, "page.layout", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "page.fit", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "page.zoom-in", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "page.zoom-out", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "page.delete-selected", NULL, action_delete_selected);
  gtk_widget_class_install_property_action (widget_class, "page.show-legend", "show-legend");
  _sam_map_page_install_compare_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "page.layout", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "page.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "page.zoom-out", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (SAM_TYPE_MAP_VIEW);
}

static GListModel *
choice_words (const char *(*to_string) (guint),
              guint        n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, to_string (i));

  return G_LIST_MODEL (list);
}

static const char *
tension_word (guint tension)
{
  return sam_map_tension_to_string ((SamMapTension) tension);
}

static void
sam_map_page_init (SamMapPage *self)
{
  self->compare_layout = g_strdup ("side");
  self->show_end = TRUE;
  /* The page measures itself (see sam_map_page_measure), so it does
   * without the bin layout of SamExercisePage. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->quality_drop, choice_words (sam_map_quality_to_string,
                                                             SAM_MAP_QUALITY_MAX + 1));
  gtk_drop_down_set_model (self->tension_drop, choice_words (tension_word, SAM_MAP_TENSION_HIGH + 1));

  g_signal_connect_object (self->view, "notify::selected-id", G_CALLBACK (update_panel), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::selected-kind", G_CALLBACK (update_panel), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::show-legend", G_CALLBACK (show_legend_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "delete-requested", G_CALLBACK (delete_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "edit-requested", G_CALLBACK (edit_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quality_drop, "notify::selected", G_CALLBACK (relation_choice_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tension_drop, "notify::selected", G_CALLBACK (relation_choice_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pin_switch, "notify::active", G_CALLBACK (pin_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);

  /* The side panel shows the selection: no callout over the map. */
  sam_map_view_set_show_callout (self->view, FALSE);
  /* The map gets the room; the legend is one click away. */
  sam_map_view_set_show_legend (self->view, FALSE);
  _sam_map_page_compare_init (self);
  update_panel (self);
}

/**
 * sam_map_page_new:
 *
 * Creates the relationship map page; set its "store" and "workshop".
 *
 * Returns: (transfer floating): a new #SamMapPage
 */
GtkWidget *
sam_map_page_new (void)
{
  return g_object_new (SAM_TYPE_MAP_PAGE, NULL);
}
