/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>

#include "map-sample.h"
#include "sam-map-layout.h"
#include "sam-map-raster.h"
#include "sam-map-renderer.h"

/* Benchmark: 100 teams and 1,000 relations.  Prints the median time to
 * draw a 1920×1080 frame, to lay the map out, and to hit-test a point,
 * each with its target.  Timings on a shared virtual machine vary by a
 * third from run to run: compare medians of several runs. */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

/* Median of 60 full redraws after 5 to warm up, with @threads threads
 * (0: as many as the rasteriser takes on this machine). */
static double
full_redraws (SamMapRenderer        *renderer,
              cairo_t               *cr,
              const SamMapTransform *t,
              guint                  threads)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_get_target (cr);

  sam_map_raster_set_max_threads (threads);
  for (guint i = 0; i < 65; i++)
    {
      gint64 start = g_get_monotonic_time ();

      sam_map_renderer_draw (renderer, cr, t, 1920, 1080);
      cairo_surface_flush (surface);
      if (i >= 5)
        g_array_append_val (times, (double) { (g_get_monotonic_time () - start) / 1000.0 });
    }

  return median (times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SamMapModel) model = map_sample_big (100, 1000);
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layouts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  SamMapRect viewport = { 0, 0, 1920, 1080 };
  SamMapRect box = { 0, 0, 1600, 900 };
  cairo_surface_t *surface;
  cairo_t *cr;
  SamMapTransform t;
  SamMapHit hit;
  gint64 start;
  guint queries = 100000;
  double per_query, frame_ms, cold_ms, cold_one_ms, layout_ms;
  GPtrArray *nodes = sam_map_model_get_nodes (model);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cr = cairo_create (surface);
  sam_map_renderer_fit (renderer, &viewport, &t);
  sam_map_renderer_set_show_legend (renderer, TRUE);

  /* A full redraw, as for an export or while a node is dragged: with the
   * threads the rasteriser uses on this machine, and with one. */
  cold_ms = full_redraws (renderer, cr, &t, 0);
  cold_one_ms = full_redraws (renderer, cr, &t, 1);
  sam_map_raster_set_max_threads (0);
  /* To look at what was measured: SAM_BENCH_PNG=/tmp/map.png */
  if (g_getenv ("SAM_BENCH_PNG") != NULL)
    cairo_surface_write_to_png (surface, g_getenv ("SAM_BENCH_PNG"));

  /* The widget's frames: the map layer is cached and the hovered node and
   * the selection change from frame to frame. */
  sam_map_renderer_set_cache_scale (renderer, 1.0);
  sam_map_renderer_draw (renderer, cr, &t, 1920, 1080);
  for (guint i = 0; i < 60; i++)
    {
      const SamMapNode *node = g_ptr_array_index (nodes, i % nodes->len);

      sam_map_renderer_set_hover (renderer, SAM_MAP_KIND_NODE, node->id);
      sam_map_renderer_set_selection (renderer, SAM_MAP_KIND_RELATION,
                                      ((SamMapRelation *) g_ptr_array_index (sam_map_model_get_relations (model), i))->id);
      start = g_get_monotonic_time ();
      sam_map_renderer_draw (renderer, cr, &t, 1920, 1080);
      cairo_surface_flush (surface);
      g_array_append_val (frames, (double) { (g_get_monotonic_time () - start) / 1000.0 });
    }
  frame_ms = median (frames);

  for (guint i = 0; i < 11; i++)
    {
      g_autofree double *xy = NULL;

      start = g_get_monotonic_time ();
      xy = sam_map_layout_compute (model, &box, NULL);
      g_array_append_val (layouts, (double) { (g_get_monotonic_time () - start) / 1000.0 });
    }
  layout_ms = median (layouts);

  sam_map_renderer_hit_test (renderer, &t, 0, 0, &hit);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < queries; i++)
    sam_map_renderer_hit_test (renderer, &t, g_rand_double_range (rand, 0, 1920),
                               g_rand_double_range (rand, 0, 1080), &hit);
  per_query = (g_get_monotonic_time () - start) / 1000.0 / queries;

  printf ("map benchmark: 100 nodes, 1000 relations, %u beliefs, %u links\n",
          sam_map_model_get_beliefs (model)->len, sam_map_model_get_links (model)->len);
  printf ("  frame 1920x1080, widget (cached map layer, hover + selection change), median of 60:\n"
          "                                  %7.3f ms   target <= 4 ms     %s\n",
          frame_ms, frame_ms <= 4 ? "ok" : "SLOW");
  printf ("  full redraw 1920x1080 (no cache; export, node drag), median of 60, %u threads:\n"
          "                                  %7.3f ms   target <= 4 ms     %s\n",
          sam_map_raster_get_max_threads (), cold_ms, cold_ms <= 4 ? "ok" : "SLOW");
  printf ("  the same with 1 thread:          %7.3f ms\n", cold_one_ms);
  printf ("  layout (median of 11):          %7.3f ms   target <= 50 ms    %s\n",
          layout_ms, layout_ms <= 50 ? "ok" : "SLOW");
  printf ("  hit test per query:             %7.4f ms   target <= 0.05 ms  %s\n",
          per_query, per_query <= 0.05 ? "ok" : "SLOW");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return 0;
}
