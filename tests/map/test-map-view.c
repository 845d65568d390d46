/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "map-sample.h"
#include "sam-map-renderer-private.h"
#include "sam-map-view-private.h"
#include "sam-test-log.h"

/* Opens a real window with a SamMapView (run under Xvfb), drives it through
 * its actions and its drag code, and saves a screenshot. */

typedef struct
{
  GtkWindow   *window;
  SamMapView  *view;
  SamMapModel *model;
  guint        positions;
  SamMapKind   requested_kind;
  char        *requested_id;
  char        *requested_signal;
} Fixture;

static gboolean
quit_loop (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);

  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_loop, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_positions (SamMapModel *model,
              Fixture     *f)
{
  f->positions++;
}

static void
on_requested (SamMapView *view,
              SamMapKind  kind,
              const char *id,
              Fixture    *f)
{
  f->requested_kind = kind;
  g_free (f->requested_id);
  f->requested_id = g_strdup (id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 deadline;

  f->model = map_sample_twelve ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 768);
  gtk_window_set_title (f->window, "Team map");
  f->view = SAM_MAP_VIEW (sam_map_view_new ());
  sam_map_view_set_model (f->view, f->model);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  g_signal_connect (f->model, "positions-changed", G_CALLBACK (on_positions), f);
  g_signal_connect (f->view, "delete-requested", G_CALLBACK (on_requested), f);
  g_signal_connect (f->view, "edit-requested", G_CALLBACK (on_requested), f);
  gtk_window_present (f->window);

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((gtk_widget_get_width (GTK_WIDGET (f->view)) < 100 ||
          !gtk_widget_get_mapped (GTK_WIDGET (f->view))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  wait_ms (50);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  f->positions = 0;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);

  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (f->window);
  wait_ms (20);
  g_assert_null (view);
  g_assert_finalize_object (f->model);
  g_free (f->requested_id);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("SAM_TEST_OUTDIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL || *dir == '\0')
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);

  /* On a busy machine a style change (dark) can leave the window without a
   * frame for a moment: wait for one, up to two seconds. */
  for (int tries = 0; node == NULL && tries < 40; tries++)
    {
      if (tries > 0)
        wait_ms (50);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_connect_action (Fixture       *f,
                     gconstpointer  data)
{
  const SamMapRelation *relation;
  g_autofree char *expected = NULL;

  g_assert_null (sam_map_model_find_relation (f->model, "hr", "legal"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "map.connect", "(ss)",
                                             "hr", "legal"));
  relation = sam_map_model_find_relation (f->model, "hr", "legal");
  g_assert_nonnull (relation);
  g_assert_cmpint (relation->quality, ==, SAM_MAP_QUALITY_UNRATED);
  g_assert_cmpint (sam_map_view_get_selected_kind (f->view), ==, SAM_MAP_KIND_RELATION);
  g_assert_cmpstr (sam_map_view_get_selected_id (f->view), ==, relation->id);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Relation HR – Legal: not yet rated, no tension, 0 beliefs");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Team relationship map");

  /* connecting the same pair again selects the existing relation */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "map.connect", "(ss)",
                                             "legal", "hr"));
  g_assert_cmpuint (sam_map_model_get_relations (f->model)->len, ==, 20);
}

static void
test_connect_drag (Fixture       *f,
                   gconstpointer  data)
{
  SamMapRenderer *renderer = _sam_map_view_get_renderer (f->view);
  double x0, y0, x1, y1, r;

  /* Shift+drag from one team onto another */
  g_assert_null (sam_map_model_find_relation (f->model, "finance", "marketing"));
  _sam_map_view_node_center (f->view, "finance", &x0, &y0);
  _sam_map_view_node_center (f->view, "marketing", &x1, &y1);
  _sam_map_view_test_drag (f->view, x0, y0, x1, y1, GDK_SHIFT_MASK);
  g_assert_nonnull (sam_map_model_find_relation (f->model, "finance", "marketing"));
  g_assert_cmpint (sam_map_view_get_selected_kind (f->view), ==, SAM_MAP_KIND_RELATION);

  /* or drag the + handle of the selected team */
  sam_map_view_select (f->view, SAM_MAP_KIND_NODE, "hr");
  _sam_map_renderer_ensure_geometry (renderer, _sam_map_view_get_transform (f->view));
  g_assert_true (_sam_map_renderer_handle_position (renderer, &x0, &y0, &r));
  _sam_map_view_node_center (f->view, "product", &x1, &y1);
  _sam_map_view_test_drag (f->view, x0, y0, x1, y1, 0);
  g_assert_nonnull (sam_map_model_find_relation (f->model, "hr", "product"));

  /* dropping on the background draws nothing */
  _sam_map_view_node_center (f->view, "legal", &x0, &y0);
  _sam_map_view_test_drag (f->view, x0, y0, 2, 2, GDK_SHIFT_MASK);
  g_assert_cmpuint (sam_map_model_get_relations (f->model)->len, ==, 21);
  g_assert_cmpuint (f->positions, ==, 0);
}

static void
test_move_select_pan (Fixture       *f,
                      gconstpointer  data)
{
  const SamMapTransform *t = _sam_map_view_get_transform (f->view);
  double x0, y0, wx, wy, nx, ny, ox, oy;

  /* drag a node: it moves, and positions-changed comes once, at the end */
  sam_map_model_get_node_position (f->model, "legal", &wx, &wy);
  _sam_map_view_node_center (f->view, "legal", &x0, &y0);
  _sam_map_view_test_drag (f->view, x0, y0, x0 + 40, y0 - 30, 0);
  sam_map_model_get_node_position (f->model, "legal", &nx, &ny);
  g_assert_cmpfloat_with_epsilon (nx, wx + 40 / t->scale, 1e-6);
  g_assert_cmpfloat_with_epsilon (ny, wy - 30 / t->scale, 1e-6);
  g_assert_cmpuint (f->positions, ==, 1);
  g_assert_cmpint (sam_map_view_get_selected_kind (f->view), ==, SAM_MAP_KIND_NODE);
  g_assert_cmpstr (sam_map_view_get_selected_id (f->view), ==, "legal");

  /* a click selects */
  _sam_map_view_node_center (f->view, "it", &x0, &y0);
  _sam_map_view_test_drag (f->view, x0, y0, x0 + 1, y0, 0);
  g_assert_cmpstr (sam_map_view_get_selected_id (f->view), ==, "it");
  g_assert_cmpuint (f->positions, ==, 1);

  /* dragging the background pans; a click there clears the selection */
  ox = t->x_offset;
  oy = t->y_offset;
  _sam_map_view_test_drag (f->view, 3, 3, 53, 43, 0);
  g_assert_cmpfloat_with_epsilon (t->x_offset, ox + 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (t->y_offset, oy + 40, 1e-6);
  _sam_map_view_test_drag (f->view, 3, 3, 3, 3, 0);
  g_assert_cmpint (sam_map_view_get_selected_kind (f->view), ==, SAM_MAP_KIND_NONE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Nothing selected. Press Tab to go through the teams and their relations.");
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  double zoom = sam_map_view_get_zoom (f->view), x, y, nx, ny;
  gint64 deadline;

  g_assert_true (gtk_widget_activate_action (view, "map.zoom-in", NULL));
  g_assert_cmpfloat (sam_map_view_get_zoom (f->view), >, zoom);
  g_assert_true (gtk_widget_activate_action (view, "map.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (view, "map.zoom-out", NULL));
  g_assert_cmpfloat (sam_map_view_get_zoom (f->view), <, zoom);
  g_assert_true (gtk_widget_activate_action (view, "map.fit", NULL));
  g_assert_cmpfloat_with_epsilon (sam_map_view_get_zoom (f->view), zoom, 1e-9);

  /* select-next walks nodes, then relations */
  g_assert_true (gtk_widget_activate_action (view, "map.select-next", NULL));
  g_assert_cmpstr (sam_map_view_get_selected_id (f->view), ==, "sales");
  for (guint i = 0; i < 13; i++)
    gtk_widget_activate_action (view, "map.select-next", NULL);
  g_assert_cmpint (sam_map_view_get_selected_kind (f->view), ==, SAM_MAP_KIND_RELATION);
  g_assert_cmpstr (sam_map_view_get_selected_id (f->view), ==, "sales-backoffice");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Relation Sales – Back office: works with difficulty, high tension, 2 beliefs");

  /* Delete and Enter are requests to the owner */
  g_assert_true (gtk_widget_activate_action (view, "map.delete-selected", NULL));
  g_assert_cmpint (f->requested_kind, ==, SAM_MAP_KIND_RELATION);
  g_assert_cmpstr (f->requested_id, ==, "sales-backoffice");
  g_assert_nonnull (sam_map_model_get_relation (f->model, "sales-backoffice"));
  g_clear_pointer (&f->requested_id, g_free);
  g_assert_true (gtk_widget_activate_action (view, "map.edit-selected", NULL));
  g_assert_cmpstr (f->requested_id, ==, "sales-backoffice");

  /* the owner deletes: the selection goes */
  sam_map_model_remove_relation (f->model, "sales-backoffice");
  g_assert_cmpint (sam_map_view_get_selected_kind (f->view), ==, SAM_MAP_KIND_NONE);

  /* Tab: focus enters and selects, then walks */
  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (sam_map_view_get_selected_id (f->view), ==, "sales");
  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (sam_map_view_get_selected_id (f->view), ==, "backoffice");
  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpstr (sam_map_view_get_selected_id (f->view), ==, "sales");
  /* before the first one, focus leaves the map */
  g_assert_false (gtk_widget_child_focus (view, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpint (sam_map_view_get_selected_kind (f->view), ==, SAM_MAP_KIND_NONE);

  /* arrow keys move the selected node */
  sam_map_view_select (f->view, SAM_MAP_KIND_NODE, "hr");
  sam_map_model_get_node_position (f->model, "hr", &x, &y);
  g_assert_true (gtk_widget_activate_action (view, "map.nudge", "(ii)", 8, 0));
  sam_map_model_get_node_position (f->model, "hr", &nx, &ny);
  g_assert_cmpfloat (nx, >, x);
  g_assert_cmpfloat (ny, ==, y);
  g_assert_cmpuint (f->positions, ==, 1);

  /* the animated layout ends with one positions-changed */
  f->positions = 0;
  g_assert_true (gtk_widget_activate_action (view, "map.layout", NULL));
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (f->positions == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->positions, ==, 1);

  g_assert_true (gtk_widget_activate_action (view, "map.show-legend", NULL));
  g_assert_false (sam_map_view_get_show_legend (f->view));
  g_assert_true (gtk_widget_activate_action (view, "map.show-legend", NULL));
}

static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  /* a relation with beliefs selected shows their texts */
  sam_map_view_select (f->view, SAM_MAP_KIND_RELATION, "service-it");
  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  wait_ms (100);
  screenshot (GTK_WIDGET (f->window), "map-view.png");

  sam_map_view_select (f->view, SAM_MAP_KIND_NODE, "sales");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_ms (100);
  screenshot (GTK_WIDGET (f->window), "map-view-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* Runs the view's snapshot, as a frame would. */
static void
draw_view (Fixture *f)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  GTK_WIDGET_GET_CLASS (f->view)->snapshot (GTK_WIDGET (f->view), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
}

/* Right after a zoom the frame shows the cached map layer scaled; once
 * the view has been still for SETTLE_MS the layer is drawn for it.  A
 * node drag leaves the layer to the renderer again when it ends. */
static void
test_settle (Fixture       *f,
             gconstpointer  data)
{
  SamMapRenderer *renderer = _sam_map_view_get_renderer (f->view);
  double x0, y0;

  wait_ms (SETTLE_MS + 50);
  draw_view (f);
  g_assert_false (sam_map_renderer_get_base_stale (renderer));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "map.zoom-in", NULL));
  draw_view (f);
  g_assert_true (sam_map_renderer_get_base_stale (renderer));
  g_assert_cmpfloat (renderer->base_transform.scale, <, _sam_map_view_get_transform (f->view)->scale);

  wait_ms (SETTLE_MS + 50);
  draw_view (f);
  g_assert_false (sam_map_renderer_get_base_stale (renderer));
  g_assert_cmpmem (&renderer->base_transform, sizeof (SamMapTransform),
                   _sam_map_view_get_transform (f->view), sizeof (SamMapTransform));

  _sam_map_view_node_center (f->view, "sales", &x0, &y0);
  _sam_map_view_test_drag (f->view, x0, y0, x0 + 30, y0 + 20, 0);
  g_assert_null (renderer->drag_id);
  g_assert_cmpuint (f->positions, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  sam_test_log_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/sam/map/view/connect-action", Fixture, NULL,
              fixture_set_up, test_connect_action, fixture_tear_down);
  g_test_add ("/sam/map/view/connect-drag", Fixture, NULL,
              fixture_set_up, test_connect_drag, fixture_tear_down);
  g_test_add ("/sam/map/view/move-select-pan", Fixture, NULL,
              fixture_set_up, test_move_select_pan, fixture_tear_down);
  g_test_add ("/sam/map/view/actions", Fixture, NULL,
              fixture_set_up, test_actions, fixture_tear_down);
  g_test_add ("/sam/map/view/settle", Fixture, NULL,
              fixture_set_up, test_settle, fixture_tear_down);
  g_test_add ("/sam/map/view/screenshot", Fixture, NULL,
              fixture_set_up, test_screenshot, fixture_tear_down);

  return g_test_run ();
}
