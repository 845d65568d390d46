/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "map-sample.h"
#include "sam-map-layout.h"

static const SamMapRect box = { 0, 0, 1200, 750 };

static void
test_deterministic (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autofree double *first = NULL;
  g_autofree double *second = NULL;
  guint n1 = 0, n2 = 0;

  first = sam_map_layout_compute (model, &box, &n1);
  /* where the nodes are now must not matter */
  sam_map_model_set_node_position (model, "sales", 5, 5);
  sam_map_model_set_node_position (model, "it", 900, 10);
  second = sam_map_layout_compute (model, &box, &n2);

  g_assert_cmpuint (n1, ==, 13);
  g_assert_cmpuint (n1, ==, n2);
  g_assert_cmpmem (first, sizeof (double) * 2 * n1, second, sizeof (double) * 2 * n2);
}

static SamMapModel *
build_ordered (gboolean reverse)
{
  SamMapModel *model = sam_map_model_new ();
  const char *ids[] = { "a", "b", "c", "d", "e", "f" };

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      guint i = reverse ? G_N_ELEMENTS (ids) - 1 - k : k;
      sam_map_model_add_node (model, ids[i], ids[i], SAM_MAP_NODE_TEAM, i, i + 1, NULL);
    }

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      guint i = reverse ? G_N_ELEMENTS (ids) - 1 - k : k;
      g_autofree char *id = g_strdup_printf ("r%u", i);

      sam_map_model_add_relation (model, id, ids[i], ids[(i + 1) % G_N_ELEMENTS (ids)], 3, 0, NULL);
    }

  return model;
}

static void
test_order_independent (void)
{
  g_autoptr(SamMapModel) forward = build_ordered (FALSE);
  g_autoptr(SamMapModel) backward = build_ordered (TRUE);
  const char *ids[] = { "a", "b", "c", "d", "e", "f" };

  sam_map_layout_apply (forward, &box);
  sam_map_layout_apply (backward, &box);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const SamMapNode *f = sam_map_model_get_node (forward, ids[i]);
      const SamMapNode *b = sam_map_model_get_node (backward, ids[i]);

      g_assert_cmpfloat_with_epsilon (f->x, b->x, 1e-6);
      g_assert_cmpfloat_with_epsilon (f->y, b->y, 1e-6);
    }
}

static void
count_signal (SamMapModel *model,
              guint       *count)
{
  (*count)++;
}

static void
test_pinned_and_box (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  GPtrArray *nodes = sam_map_model_get_nodes (model);
  guint positions = 0;

  sam_map_model_set_node_position (model, "customer", 1100, 80);
  sam_map_model_set_node_pinned (model, "customer", TRUE);
  sam_map_model_set_node_position (model, "it", 150, 600);
  sam_map_model_set_node_pinned (model, "it", TRUE);

  g_signal_connect (model, "positions-changed", G_CALLBACK (count_signal), &positions);
  sam_map_layout_apply (model, &box);
  g_assert_cmpuint (positions, ==, 1);

  g_assert_cmpfloat (sam_map_model_get_node (model, "customer")->x, ==, 1100);
  g_assert_cmpfloat (sam_map_model_get_node (model, "customer")->y, ==, 80);
  g_assert_cmpfloat (sam_map_model_get_node (model, "it")->x, ==, 150);
  g_assert_cmpfloat (sam_map_model_get_node (model, "it")->y, ==, 600);

  for (guint i = 0; i < nodes->len; i++)
    {
      const SamMapNode *node = g_ptr_array_index (nodes, i);
      double r = sam_map_node_radius (node);

      g_assert_cmpfloat (node->x - r, >=, box.x - 1e-6);
      g_assert_cmpfloat (node->y - r, >=, box.y - 1e-6);
      g_assert_cmpfloat (node->x + r, <=, box.x + box.width + 1e-6);
      g_assert_cmpfloat (node->y + r, <=, box.y + box.height + 1e-6);
    }
}

static void
test_no_overlap (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  GPtrArray *nodes = sam_map_model_get_nodes (model);

  for (guint i = 0; i < nodes->len; i++)
    for (guint j = i + 1; j < nodes->len; j++)
      {
        const SamMapNode *a = g_ptr_array_index (nodes, i);
        const SamMapNode *b = g_ptr_array_index (nodes, j);
        double d = hypot (a->x - b->x, a->y - b->y);

        g_assert_cmpfloat (d, >, sam_map_node_radius (a) + sam_map_node_radius (b));
      }
}

/* A big map lays out inside its box.  How fast is the benchmark's
 * business (tests/map/bench-map.c), never a test's. */
static void
test_big (void)
{
  g_autoptr(SamMapModel) model = map_sample_big (100, 1000);
  g_autofree double *xy = NULL;
  SamMapRect big = { 0, 0, 1600, 900 };
  GPtrArray *nodes = sam_map_model_get_nodes (model);

  xy = sam_map_layout_compute (model, &big, NULL);
  g_assert_nonnull (xy);
  for (guint i = 0; i < nodes->len; i++)
    {
      g_assert_cmpfloat (xy[2 * i], >=, big.x);
      g_assert_cmpfloat (xy[2 * i], <=, big.x + big.width);
      g_assert_cmpfloat (xy[2 * i + 1], >=, big.y);
      g_assert_cmpfloat (xy[2 * i + 1], <=, big.y + big.height);
    }
}

static void
on_layout_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  double **out = user_data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  *out = sam_map_layout_compute_finish (SAM_MAP_MODEL (source), result, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 13);
}

static void
test_async (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autofree double *sync = NULL;
  g_autofree double *async = NULL;
  guint n = 0;

  sync = sam_map_layout_compute (model, &box, &n);
  sam_map_layout_compute_async (model, &box, NULL, on_layout_done, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpmem (sync, sizeof (double) * 2 * n, async, sizeof (double) * 2 * n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/map/layout/deterministic", test_deterministic);
  g_test_add_func ("/sam/map/layout/order-independent", test_order_independent);
  g_test_add_func ("/sam/map/layout/pinned-and-box", test_pinned_and_box);
  g_test_add_func ("/sam/map/layout/no-overlap", test_no_overlap);
  g_test_add_func ("/sam/map/layout/big", test_big);
  g_test_add_func ("/sam/map/layout/async", test_async);

  return g_test_run ();
}
