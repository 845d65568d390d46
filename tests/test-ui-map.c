/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-compat.h"
#include "sam-map-page-private.h"
#include "sam-map-view-private.h"
#include "sam-sample-workshop.h"
#include "sam-test-utils.h"
#include "sam-workshop-view.h"

/* The relationship map as the coach uses it: a workshop with teams and
 * beliefs, a map step in the agenda, a relation drawn by dragging and
 * rated in the side panel, start and end of the day frozen and compared,
 * and the map exported. */

static const char *team_names[] = {
  "Sales", "Back Office", "IT & Data", "Compliance", "Customer Service", "Finance",
  "Marketing", "Legal", "Operations", "HR", "Procurement", "Facilities",
};

static void
add_belief (SamStore   *store,
            SamStep    *step,
            SamTeam    *holder,
            SamTeam    *about,
            const char *text,
            int         strength)
{
  g_autoptr(GError) error = NULL;
  SamCardInit init = {
    .kind = "belief",
    .team_id = sam_team_get_id (holder),
    .about_team_id = about ? sam_team_get_id (about) : 0,
    .text = text,
    .value = strength,
  };

  sam_store_add_card (store, step, &init, &error);
  g_assert_no_error (error);
}

/* Builds the workshop through the app's actions; beliefs are typed on the
 * beliefs step's own page, here straight into the store. */
static SamWorkshop *
make_workshop (SamWindow *window,
               SamStore  *store,
               guint      n_teams)
{
  GtkWidget *view;
  SamWorkshop *workshop;
  SamStep *beliefs;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s",
                                             "Colleagues & Customers"));
  workshop = sam_window_get_workshop (window);
  view = sam_window_get_workshop_view (window);
  for (guint i = 0; i < n_teams; i++)
    {
      gtk_widget_activate_action (view, "workshop.add-team", "s", team_names[i]);
      gtk_widget_activate_action (view, "workshop.set-team-people", "(xu)",
                                  sam_team_get_id (sam_sample_team_at (store, workshop, i)), 4 + (i * 5) % 17);
    }

  beliefs = sam_store_add_step (store, workshop, -1, "beliefs", "Us and them", 20, NULL, NULL, NULL);
  g_assert_nonnull (beliefs);
  add_belief (store, beliefs, sam_sample_team_at (store, workshop, 1), sam_sample_team_at (store, workshop, 0),
              "Sales sells things that do not exist yet", 5);
  add_belief (store, beliefs, sam_sample_team_at (store, workshop, 1), sam_sample_team_at (store, workshop, 0),
              "It is always us who pick up the pieces", 4);
  add_belief (store, beliefs, sam_sample_team_at (store, workshop, 0), sam_sample_team_at (store, workshop, 2),
              "IT causes the delay", 3);
  add_belief (store, beliefs, sam_sample_team_at (store, workshop, 3), NULL,
              "The customer does not read the letters", 2);

  return workshop;
}

/* The step view scrolls: bring the map to the top, as the coach does
 * before projecting it. */
static void
scroll_to (GtkWidget *page)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (page, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t at;

  if (scroller == NULL)
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_compute_point (page, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (adjustment, at.y - 8);
  sam_test_pump (100);
}

static SamMapPage *
show_map_step (SamWindow *window)
{
  GtkWidget *view = sam_window_get_workshop_view (window);
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (view, "workshop.add-step", "s", "map"));
  sam_test_pump (300);
  page = sam_test_find_mapped_child (GTK_WIDGET (window), SAM_TYPE_MAP_PAGE);
  g_assert_nonnull (page);
  scroll_to (page);
  return SAM_MAP_PAGE (page);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!sam_map_page_export_finish (SAM_MAP_PAGE (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Exports through the page and checks the file is what it says it is. */
static void
export_and_check (SamMapPage   *page,
                  const char   *name,
                  SamMapFormat  format,
                  SamMapPaper   paper,
                  const char   *magic)
{
  const char *outdir = g_getenv ("SAM_TEST_OUTDIR");
  g_autofree char *path = g_build_filename (outdir ? outdir : g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) result = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_mkdir_with_parents (outdir ? outdir : g_get_tmp_dir (), 0755);
  sam_map_page_export_async (page, file, format, paper, NULL, exported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_EXISTS);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_nonnull (g_strstr_len (contents, MIN (length, 400), magic));
}

static SamMapRelationRecord *
only_relation (SamStore    *store,
               SamWorkshop *workshop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = sam_store_list_map_relations (store, workshop, &error);

  g_assert_no_error (error);
  if (relations == NULL || relations->len != 1)
    g_error ("Expected one relation");
  return g_ptr_array_steal_index (relations, 0);
}

/* A point inside node @id that is not covered by a belief badge: where a
 * person would grab it. */
static void
grab_point (SamMapPage *page,
            const char *id,
            double     *x,
            double     *y)
{
  SamMapRenderer *renderer = _sam_map_view_get_renderer (page->view);

  /* The renderer's hit index follows the last drawn frame: on a loaded
   * machine an animation may have moved the node since, so wait for a
   * frame that shows it where the model has it. */
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      double cx, cy;

      _sam_map_view_node_center (page->view, id, &cx, &cy);
      /* the centre, then rings around it: a badge or the selection's
       * callout may cover part of the disc */
      for (guint ring = 0; ring < 5; ring++)
        for (guint step = 0; step < (ring == 0 ? 1 : 12); step++)
          {
            double px = cx + ring * 5 * cos (step * G_PI / 6);
            double py = cy + ring * 5 * sin (step * G_PI / 6);
            SamMapHit hit;

            sam_map_renderer_hit_test (renderer, _sam_map_view_get_transform (page->view), px, py, &hit);
            if (hit.kind == SAM_MAP_KIND_NODE && g_strcmp0 (hit.id, id) == 0 && !hit.handle)
              {
                *x = px;
                *y = py;
                return;
              }
          }

      sam_test_pump (50);
    }

  {
    double cx, cy;
    SamMapHit hit;

    _sam_map_view_node_center (page->view, id, &cx, &cy);
    sam_map_renderer_hit_test (renderer, _sam_map_view_get_transform (page->view), cx, cy, &hit);
    g_error ("Node %s at (%.0f, %.0f) cannot be grabbed: its centre hits kind %d, %s",
             id, cx, cy, hit.kind, hit.id ? hit.id : "nothing");
  }
}

static void
draw_relation (SamMapPage *page,
               SamTeam    *from,
               const char *to_id)
{
  double x0, y0, x1, y1;

  grab_point (page, sam_team_get_uuid (from), &x0, &y0);
  grab_point (page, to_id, &x1, &y1);
  /* Shift + drag from a team draws a relation, like dragging its handle. */
  _sam_map_view_test_drag (page->view, x0, y0, x1, y1, GDK_SHIFT_MASK);
  sam_test_pump (350);
}

static void
test_map_page (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWindow *window = sam_test_window_new_sized (app, 1280, 800);
  g_autoptr(SamMapRelationRecord) relation = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop = make_workshop (window, store, 5);
  SamMapPage *page = show_map_step (window);
  SamMapModel *model = sam_map_view_get_model (page->view);
  gint64 batch_check;

  /* Teams, the customer and the beliefs of the beliefs step are there. */
  g_assert_nonnull (model);
  g_assert_cmpuint (sam_map_model_get_nodes (model)->len, ==, 6);
  g_assert_cmpuint (sam_map_model_get_beliefs (model)->len, ==, 4);

  /* Draw Back Office → Sales by dragging: stored at once. */
  draw_relation (page, sam_sample_team_at (store, workshop, 1),
                 sam_team_get_uuid (sam_sample_team_at (store, workshop, 0)));
  relation = only_relation (store, workshop);
  g_assert_cmpint (sam_map_view_get_selected_kind (page->view), ==, SAM_MAP_KIND_RELATION);
  g_assert_cmpstr (sam_map_view_get_selected_id (page->view), ==, relation->uuid);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->panel_stack), ==, "relation");
  /* The panel lists the two beliefs between them, read-only. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->relation_beliefs)));

  /* Rate it in the side panel and write what the group said. */
  gtk_drop_down_set_selected (page->quality_drop, 2);
  gtk_drop_down_set_selected (page->tension_drop, SAM_MAP_TENSION_HIGH);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (page->note_view),
                            "Promises made to customers that we cannot keep", -1);
  sam_test_pump (800);
  g_clear_pointer (&relation, sam_map_relation_record_free);
  relation = only_relation (store, workshop);
  g_assert_cmpuint (relation->quality, ==, 2);
  g_assert_cmpuint (relation->tension, ==, SAM_MAP_TENSION_HIGH);
  g_assert_cmpstr (relation->note, ==, "Promises made to customers that we cannot keep");
  g_assert_cmpuint (sam_map_model_get_relation (model, relation->uuid)->quality, ==, 2);

  /* Two more relations, one of them with the customer. */
  draw_relation (page, sam_sample_team_at (store, workshop, 2),
                 sam_team_get_uuid (sam_sample_team_at (store, workshop, 0)));
  draw_relation (page, sam_sample_team_at (store, workshop, 4), "customer");
  gtk_drop_down_set_selected (page->quality_drop, 4);
  g_assert_cmpuint (sam_map_model_get_relations (model)->len, ==, 3);

  /* Delete the selected relation; Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete-selected", NULL));
  g_assert_cmpuint (sam_map_model_get_relations (model)->len, ==, 2);
  sam_test_pump (300);  /* the toast is on screen when the coach clicks Undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (sam_map_model_get_relations (model)->len, ==, 3);

  sam_map_view_select (page->view, SAM_MAP_KIND_RELATION, relation->uuid);
  sam_test_pump (400);
  scroll_to (GTK_WIDGET (page));
  sam_test_screenshot (GTK_WIDGET (window), "map-page.png");

  /* Freeze the start of the day, improve things, freeze the end. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.freeze-start", NULL));
  g_assert_true (sam_map_loader_set_relation (page->loader, relation->uuid, 4, SAM_MAP_TENSION_SOME,
                                              relation->note, &error));
  g_assert_no_error (error);
  draw_relation (page, sam_sample_team_at (store, workshop, 3),
                 sam_team_get_uuid (sam_sample_team_at (store, workshop, 2)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.freeze-end", NULL));
  snapshots = sam_store_list_map_snapshots (store, workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 2);

  /* Compare them side by side: one improved, one new. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.comparing", NULL));
  g_assert_true (page->comparing);
  g_assert_cmpuint (gtk_drop_down_get_selected (page->start_drop), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (page->end_drop), ==, 1);
  g_assert_nonnull (sam_map_view_get_comparison (page->end_view));
  g_assert_nonnull (strstr (gtk_label_get_text (page->compare_summary), "Improved"));
  g_assert_nonnull (strstr (gtk_label_get_text (page->compare_summary), "New"));
  sam_test_pump (300);
  scroll_to (GTK_WIDGET (page));
  sam_test_screenshot (GTK_WIDGET (window), "map-compare-page.png");

  /* One at a time, toggling between before and after. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.compare-layout", "s", "toggle"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->compare_stack), ==, "toggle");
  g_assert_true (sam_map_view_get_model (page->toggle_view) == page->compare_end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.show-end", NULL));
  g_assert_true (sam_map_view_get_model (page->toggle_view) == page->compare_start);
  g_assert_null (sam_map_view_get_comparison (page->toggle_view));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.show-end", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.compare-layout", "s", "side");

  /* The comparison and the map itself export to every format. */
  export_and_check (page, "map-compare.pdf", SAM_MAP_FORMAT_PDF, SAM_MAP_PAPER_A4_LANDSCAPE, "%PDF");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.comparing", NULL);
  g_assert_false (page->comparing);
  export_and_check (page, "map-export.png", SAM_MAP_FORMAT_PNG, SAM_MAP_PAPER_PROJECTOR, "PNG");
  export_and_check (page, "map-export.svg", SAM_MAP_FORMAT_SVG, SAM_MAP_PAPER_PROJECTOR, "<svg");
  export_and_check (page, "map-export.pdf", SAM_MAP_FORMAT_PDF, SAM_MAP_PAPER_A4_LANDSCAPE, "%PDF");

  /* A moment with its own name: Freeze waits for a name, and Enter in the
   * name field freezes and closes the dialog. */
  {
    g_autoptr(GPtrArray) named = NULL;
    SamMapSnapshotRecord *last = NULL;
    GtkWidget *alert, *entry;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.freeze-named", NULL));
    sam_test_pump (100);
    alert = sam_compat_alert_find_open ();
    g_assert_nonnull (alert);
    g_assert_false (sam_compat_alert_get_response_enabled (alert, "freeze"));
    entry = sam_compat_alert_get_extra_child (alert);
    gtk_editable_set_text (GTK_EDITABLE (entry), "After the break");
    g_assert_true (sam_compat_alert_get_response_enabled (alert, "freeze"));
    g_signal_emit_by_name (entry, "activate");
    sam_test_pump (300);
    g_assert_null (sam_compat_alert_find_open ());
    named = sam_store_list_map_snapshots (store, workshop, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (named->len, ==, 3);
    for (guint i = 0; i < named->len; i++)
      if (g_strcmp0 (((SamMapSnapshotRecord *) g_ptr_array_index (named, i))->label, "After the break") == 0)
        last = g_ptr_array_index (named, i);
    g_assert_nonnull (last);
  }

  /* Dragging a team moves it and the place is kept. */
  {
    SamTeam *sales = sam_sample_team_at (store, workshop, 0);
    g_autoptr(GArray) placements = NULL;
    double x, y;

    sam_map_loader_set_pinned (page->loader, sam_team_get_uuid (sales), FALSE, &error);
    _sam_map_view_node_center (page->view, sam_team_get_uuid (sales), &x, &y);
    _sam_map_view_test_drag (page->view, x, y, x + 40, y + 30, 0);
    placements = sam_store_list_map_placements (store, workshop, &error);
    g_assert_no_error (error);
    batch_check = 0;
    for (guint i = 0; i < placements->len; i++)
      if (g_array_index (placements, SamMapPlacement, i).team_id == sam_team_get_id (sales))
        {
          g_assert_cmpfloat_with_epsilon (g_array_index (placements, SamMapPlacement, i).x,
                                          sam_map_model_get_node (model, sam_team_get_uuid (sales))->x, 1e-6);
          batch_check++;
        }
    g_assert_cmpint (batch_check, ==, 1);
  }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sam_test_pump (200);
  scroll_to (GTK_WIDGET (page));
  sam_test_screenshot (GTK_WIDGET (window), "map-page-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  sam_test_destroy_window (window);
}

/* Twelve teams on a 1024 × 768 screen, the smallest beamer the coach meets:
 * the names stay readable. */
static void
test_map_small_screen (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWindow *window = sam_test_window_new_sized (app, 1024, 768);
  SamWorkshop *workshop;
  SamMapPage *page;
  SamMapRenderer *renderer;

  workshop = make_workshop (window, store, 12);
  /* On a small beamer the coach hides the agenda (F9). */
  g_assert_true (gtk_widget_activate_action (sam_window_get_workshop_view (window),
                                             "workshop.toggle-sidebar", NULL));
  page = show_map_step (window);
  for (guint i = 0; i < 12; i++)
    draw_relation (page, sam_sample_team_at (store, workshop, i), i % 3 == 0 ? "customer"
                   : sam_team_get_uuid (sam_sample_team_at (store, workshop, (i + 5) % 12)));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.fit", NULL);
  sam_map_view_select (page->view, SAM_MAP_KIND_NONE, NULL);
  sam_test_pump (400);
  scroll_to (GTK_WIDGET (page));

  g_test_message ("window %d × %d", gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (window)));
  {
    int min_width;

    /* The map page itself leaves room for the agenda next to it. */
    gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 600);
  }
  g_assert_cmpuint (sam_map_model_get_nodes (sam_map_view_get_model (page->view))->len, ==, 13);
  renderer = _sam_map_view_get_renderer (page->view);
  g_assert_nonnull (renderer);
  /* Every name is drawn at a readable size: the view zooms no further out
   * than labels allow. */
  g_assert_cmpfloat (sam_map_view_get_zoom (page->view), >, 0.2);
  sam_test_screenshot (GTK_WIDGET (window), "map-page-1024.png");

  sam_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  sam_test_isolate ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sam/ui/map/page", test_map_page);
  g_test_add_func ("/sam/ui/map/small-screen", test_map_small_screen);

  return g_test_run ();
}
