/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-map-layout.h"

/* A force-directed layout in the manner of Fruchterman and Reingold.  It
 * works on a plain copy of the map (the "problem"), so it can run in a
 * thread, and everything in it is ordered by node id: the same map gives
 * the same positions, whatever order the nodes were added in. */

#define ITERATIONS 300

typedef struct
{
  guint a;
  guint b;
  double weight;
} Spring;

typedef struct
{
  SamMapRect box;
  guint      n;
  char     **ids;        /* sorted */
  guint     *model_index; /* sorted index → index in the model's array */
  double    *x;
  double    *y;
  double    *radius;
  gboolean  *pinned;
  gboolean  *central;
  guint      n_pinned;
  guint      n_central;
  GArray    *springs;
} Problem;

/**
 * sam_map_node_radius:
 *
 * Returns: the radius of a node's disc in world units; it grows with the
 *   number of people in the team.
 */
double
sam_map_node_radius (const SamMapNode *node)
{
  g_return_val_if_fail (node != NULL, 30.0);

  if (node->type == SAM_MAP_NODE_CUSTOMER)
    return 38.0;

  return 24.0 + 6.0 * sqrt (MIN (node->people, 64));
}

static void
problem_free (Problem *p)
{
  g_strfreev (p->ids);
  g_free (p->model_index);
  g_free (p->x);
  g_free (p->y);
  g_free (p->radius);
  g_free (p->pinned);
  g_free (p->central);
  g_clear_pointer (&p->springs, g_array_unref);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Problem, problem_free)

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  const SamMapNode *na = *(SamMapNode * const *) a;
  const SamMapNode *nb = *(SamMapNode * const *) b;

  return strcmp (na->id, nb->id);
}

static int
compare_springs (gconstpointer a,
                 gconstpointer b)
{
  const Spring *sa = a;
  const Spring *sb = b;

  if (sa->a != sb->a)
    return sa->a < sb->a ? -1 : 1;
  if (sa->b != sb->b)
    return sa->b < sb->b ? -1 : 1;
  return sa->weight < sb->weight ? -1 : sa->weight > sb->weight;
}

static void
add_spring (Problem    *p,
            GHashTable *index,
            const char *a,
            const char *b,
            double      weight)
{
  gpointer ia, ib;
  Spring s;

  if (!g_hash_table_lookup_extended (index, a, NULL, &ia) ||
      !g_hash_table_lookup_extended (index, b, NULL, &ib))
    return;

  s.a = MIN (GPOINTER_TO_UINT (ia), GPOINTER_TO_UINT (ib));
  s.b = MAX (GPOINTER_TO_UINT (ia), GPOINTER_TO_UINT (ib));
  s.weight = weight;
  g_array_append_val (p->springs, s);
}

static Problem *
problem_new (SamMapModel      *model,
             const SamMapRect *box)
{
  GPtrArray *nodes = sam_map_model_get_nodes (model);
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (nodes, NULL, NULL);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) model_pos = g_hash_table_new (g_direct_hash, g_direct_equal);
  GPtrArray *items;
  Problem *p = g_new0 (Problem, 1);

  p->box = *box;
  p->n = nodes->len;
  p->ids = g_new0 (char *, p->n + 1);
  p->model_index = g_new0 (guint, p->n);
  p->x = g_new0 (double, p->n);
  p->y = g_new0 (double, p->n);
  p->radius = g_new0 (double, p->n);
  p->pinned = g_new0 (gboolean, p->n);
  p->central = g_new0 (gboolean, p->n);
  p->springs = g_array_new (FALSE, FALSE, sizeof (Spring));

  /* the copy must not free the model's nodes */
  g_ptr_array_set_free_func (sorted, NULL);

  for (guint i = 0; i < nodes->len; i++)
    g_hash_table_insert (model_pos, g_ptr_array_index (nodes, i), GUINT_TO_POINTER (i));

  g_ptr_array_sort (sorted, compare_nodes);
  for (guint i = 0; i < p->n; i++)
    {
      const SamMapNode *node = g_ptr_array_index (sorted, i);

      p->ids[i] = g_strdup (node->id);
      p->model_index[i] = GPOINTER_TO_UINT (g_hash_table_lookup (model_pos, node));
      p->x[i] = node->x;
      p->y[i] = node->y;
      p->radius[i] = sam_map_node_radius (node);
      p->pinned[i] = node->pinned;
      p->n_pinned += node->pinned ? 1 : 0;
      /* one node in the middle; a second customer would coincide */
      p->central[i] = node->type == SAM_MAP_NODE_CUSTOMER && p->n_central == 0;
      p->n_central += p->central[i] ? 1 : 0;
      g_hash_table_insert (index, p->ids[i], GUINT_TO_POINTER (i));
    }

  items = sam_map_model_get_relations (model);
  for (guint i = 0; i < items->len; i++)
    {
      const SamMapRelation *r = g_ptr_array_index (items, i);
      add_spring (p, index, r->node_a, r->node_b, 1.0);
    }

  items = sam_map_model_get_links (model);
  for (guint i = 0; i < items->len; i++)
    {
      const SamMapLink *l = g_ptr_array_index (items, i);
      add_spring (p, index, l->from, l->to, 0.4);
    }

  g_array_sort (p->springs, compare_springs);

  return p;
}

/* A stable pseudo-random number in [0, 1) from a string (FNV-1a). */
static double
id_noise (const char *id,
          guint       salt)
{
  guint32 h = 2166136261u ^ salt;

  for (const guchar *s = (const guchar *) id; *s; s++)
    h = (h ^ *s) * 16777619u;

  return (h & 0xffffff) / (double) 0x1000000;
}

static void
place_initially (Problem *p)
{
  double cx = p->box.x + p->box.width / 2;
  double cy = p->box.y + p->box.height / 2;
  double rx = p->box.width * 0.35;
  double ry = p->box.height * 0.35;

  for (guint i = 0, k = 0; i < p->n; i++)
    {
      double angle, jitter;

      if (p->pinned[i])
        continue;

      /* The customer is what every team works for: it starts in the
       * middle, the teams around it. */
      if (p->central[i])
        {
          p->x[i] = cx;
          p->y[i] = cy;
          continue;
        }

      angle = 2 * G_PI * k++ / MAX (p->n - p->n_central, 1);
      jitter = 0.85 + 0.3 * id_noise (p->ids[i], 1);
      p->x[i] = cx + rx * jitter * cos (angle);
      p->y[i] = cy + ry * jitter * sin (angle);
    }
}

static void
clamp_to_box (Problem *p,
              guint    i)
{
  double r = p->radius[i];

  p->x[i] = CLAMP (p->x[i], p->box.x + r, p->box.x + MAX (p->box.width - r, r));
  p->y[i] = CLAMP (p->y[i], p->box.y + r, p->box.y + MAX (p->box.height - r, r));
}

/* Node @i pushes every later node away and is pushed back.  The hot loop
 * of a layout (a 100-team map spends 90% of its layout here): node @i's
 * values and its force live in locals, since the compiler cannot know
 * that writing the forces leaves the positions alone.  The sums are added
 * in the same order as with the forces in memory, so the positions do not
 * change by a bit. */
static void
repel (const Problem *p,
       guint          i,
       double         k2,
       double        *restrict dx,
       double        *restrict dy)
{
  const double *restrict x = p->x;
  const double *restrict y = p->y;
  const double *restrict radius = p->radius;
  double xi = x[i], yi = y[i], ri = radius[i];
  double fxi = dx[i], fyi = dy[i];
  guint n = p->n;

  for (guint j = i + 1; j < n; j++)
    {
      double vx = xi - x[j];
      double vy = yi - y[j];
      double d2 = vx * vx + vy * vy;
      double d, gap, f;

      if (G_UNLIKELY (d2 < 1e-6))
        {
          /* Coinciding nodes: push apart along a direction fixed by
           * their ids. */
          vx = id_noise (p->ids[i], j) - 0.5;
          vy = id_noise (p->ids[j], i) - 0.5;
          d2 = vx * vx + vy * vy + 1e-9;
        }

      d = sqrt (d2);
      gap = MAX (d - 0.8 * (ri + radius[j]), 1.0);
      f = k2 / gap / d;
      fxi += vx * f;
      fyi += vy * f;
      dx[j] -= vx * f;
      dy[j] -= vy * f;
    }

  dx[i] = fxi;
  dy[i] = fyi;
}

static void
simulate (Problem *p)
{
  g_autofree double *dx = g_new (double, p->n);
  g_autofree double *dy = g_new (double, p->n);
  double area = p->box.width * p->box.height;
  double k = 0.75 * sqrt (area / MAX (p->n, 1));
  double k2 = k * k;
  double cx = p->box.x + p->box.width / 2;
  double cy = p->box.y + p->box.height / 2;
  double t0 = MIN (p->box.width, p->box.height) / 8;
  double gravity = 0.02 * k / 10 * (p->n_pinned > 0 ? 1.0 : 1.5);

  for (guint iter = 0; iter < ITERATIONS; iter++)
    {
      double temperature = t0 * (1.0 - (double) iter / ITERATIONS) + 0.5;

      memset (dx, 0, sizeof (double) * p->n);
      memset (dy, 0, sizeof (double) * p->n);

      for (guint i = 0; i < p->n; i++)
        repel (p, i, k2, dx, dy);

      for (guint s = 0; s < p->springs->len; s++)
        {
          const Spring *sp = &g_array_index (p->springs, Spring, s);
          double vx = p->x[sp->a] - p->x[sp->b];
          double vy = p->y[sp->a] - p->y[sp->b];
          double d = sqrt (vx * vx + vy * vy) + 1e-9;
          double f = sp->weight * d / k;

          dx[sp->a] -= vx * f;
          dy[sp->a] -= vy * f;
          dx[sp->b] += vx * f;
          dy[sp->b] += vy * f;
        }

      for (guint i = 0; i < p->n; i++)
        {
          double len, step;

          if (p->pinned[i])
            continue;

          /* Gravity keeps loose teams on the page; without walls to
           * stop them (nothing pinned) it has to pull a little harder. */
          dx[i] += (cx - p->x[i]) * gravity;
          dy[i] += (cy - p->y[i]) * gravity;

          len = sqrt (dx[i] * dx[i] + dy[i] * dy[i]);
          if (len < 1e-9)
            continue;

          step = MIN (len, temperature);
          p->x[i] += dx[i] / len * step;
          p->y[i] += dy[i] / len * step;
          /* Without pinned nodes the drawing is scaled into the box
           * afterwards; clamping now would only pile teams up against
           * the walls and in the corners. */
          if (p->n_pinned > 0)
            clamp_to_box (p, i);
        }
    }
}

/* Without pinned nodes the drawing is scaled into the box with a margin
 * all round, so a first map is a balanced picture rather than teams in
 * the corners.  The two axes may differ a little, to use a wide screen. */
#define FIT_MARGIN  0.06
#define FIT_STRETCH 1.6

static void
fit_to_box (Problem *p)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE;
  double max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double margin = 0, inner_w, inner_h, sx, sy, s;

  if (p->n_pinned > 0)
    return;

  for (guint i = 0; i < p->n; i++)
    {
      min_x = MIN (min_x, p->x[i]);
      max_x = MAX (max_x, p->x[i]);
      min_y = MIN (min_y, p->y[i]);
      max_y = MAX (max_y, p->y[i]);
      margin = MAX (margin, p->radius[i]);
    }

  margin += FIT_MARGIN * MIN (p->box.width, p->box.height);
  inner_w = MAX (p->box.width - 2 * margin, 1);
  inner_h = MAX (p->box.height - 2 * margin, 1);
  sx = inner_w / MAX (max_x - min_x, 1e-6);
  sy = inner_h / MAX (max_y - min_y, 1e-6);
  s = MIN (sx, sy);
  sx = MIN (sx, s * FIT_STRETCH);
  sy = MIN (sy, s * FIT_STRETCH);

  for (guint i = 0; i < p->n; i++)
    {
      p->x[i] = p->box.x + p->box.width / 2 + (p->x[i] - (min_x + max_x) / 2) * sx;
      p->y[i] = p->box.y + p->box.height / 2 + (p->y[i] - (min_y + max_y) / 2) * sy;
    }
}

/* A few passes that push overlapping discs apart; labels sit under the
 * disc, so vertical clearance is larger. */
static void
remove_overlaps (Problem *p)
{
  for (guint pass = 0; pass < 20; pass++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < p->n; i++)
        for (guint j = i + 1; j < p->n; j++)
          {
            double vx = p->x[j] - p->x[i];
            double vy = p->y[j] - p->y[i];
            double need = p->radius[i] + p->radius[j] + 40;
            double d = sqrt (vx * vx + vy * vy);
            double push;

            if (d >= need)
              continue;

            if (d < 1e-6)
              {
                vx = 1;
                vy = 0;
                d = 1;
              }

            push = (need - d) / 2;
            if (p->pinned[i] && p->pinned[j])
              continue;
            if (p->pinned[i] || p->pinned[j])
              push *= 2;

            if (!p->pinned[i])
              {
                p->x[i] -= vx / d * push;
                p->y[i] -= vy / d * push;
                clamp_to_box (p, i);
              }
            if (!p->pinned[j])
              {
                p->x[j] += vx / d * push;
                p->y[j] += vy / d * push;
                clamp_to_box (p, j);
              }
            moved = TRUE;
          }

      if (!moved)
        break;
    }
}

static double *
problem_solve (Problem *p)
{
  double *result = g_new (double, 2 * MAX (p->n, 1));

  place_initially (p);
  simulate (p);
  fit_to_box (p);
  remove_overlaps (p);

  for (guint i = 0; i < p->n; i++)
    {
      result[2 * p->model_index[i]] = p->x[i];
      result[2 * p->model_index[i] + 1] = p->y[i];
    }

  return result;
}

/**
 * sam_map_layout_compute:
 * @model: a #SamMapModel
 * @box: the area, in world coordinates, the nodes must fit in
 * @n_positions: (out): the number of nodes
 *
 * Computes a layout without changing the model.  Pinned nodes keep their
 * positions; the others are placed only from the map's structure and ids,
 * so running it twice gives the same result.
 *
 * Returns: (transfer full) (array length=n_positions): x, y pairs in the
 *   order of sam_map_model_get_nodes()
 */
double *
sam_map_layout_compute (SamMapModel      *model,
                        const SamMapRect *box,
                        guint            *n_positions)
{
  g_autoptr(Problem) p = NULL;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (model), NULL);
  g_return_val_if_fail (box != NULL && box->width > 0 && box->height > 0, NULL);

  p = problem_new (model, box);
  if (n_positions)
    *n_positions = p->n;

  return problem_solve (p);
}

/**
 * sam_map_layout_apply:
 *
 * Computes a layout, moves the nodes and emits
 * #SamMapModel::positions-changed.
 */
void
sam_map_layout_apply (SamMapModel      *model,
                      const SamMapRect *box)
{
  g_autofree double *xy = NULL;
  GPtrArray *nodes;
  guint n = 0;

  g_return_if_fail (SAM_IS_MAP_MODEL (model));

  xy = sam_map_layout_compute (model, box, &n);
  nodes = sam_map_model_get_nodes (model);
  for (guint i = 0; i < n; i++)
    {
      const SamMapNode *node = g_ptr_array_index (nodes, i);
      sam_map_model_set_node_position (model, node->id, xy[2 * i], xy[2 * i + 1]);
    }

  sam_map_model_commit_positions (model);
}

/* Free spots ------------------------------------------------------------ */

#define SPOT_ROOM  170.0  /* free space a new team gets round its disc */
#define SPOT_GRID  48

/* How much room a disc at x, y would have; labels run sideways under the
 * discs, so horizontal distance counts for less. */
static double
spot_room (const Problem  *p,
           const gboolean *placed,
           guint           i,
           double          x,
           double          y)
{
  double room = G_MAXDOUBLE;

  for (guint j = 0; j < p->n; j++)
    if (placed[j] && j != i)
      room = MIN (room, hypot ((x - p->x[j]) / 2.0, y - p->y[j]) - p->radius[i] - p->radius[j]);

  return room;
}

/* Near the teams it has relations with, else near the middle of the map. */
static void
spot_anchor (const Problem  *p,
             const gboolean *placed,
             guint           i,
             double         *ax,
             double         *ay)
{
  double sx = 0, sy = 0, n = 0;

  for (guint k = 0; k < p->springs->len; k++)
    {
      const Spring *sp = &g_array_index (p->springs, Spring, k);
      guint other = sp->a == i ? sp->b : sp->b == i ? sp->a : G_MAXUINT;

      if (other != G_MAXUINT && placed[other])
        {
          sx += p->x[other];
          sy += p->y[other];
          n++;
        }
    }

  if (n == 0)
    for (guint j = 0; j < p->n; j++)
      if (placed[j] && j != i)
        {
          sx += p->x[j];
          sy += p->y[j];
          n++;
        }

  *ax = n > 0 ? sx / n : p->box.x + p->box.width / 2;
  *ay = n > 0 ? sy / n : p->box.y + p->box.height / 2;
}

static void
place_in_free_spot (Problem  *p,
                    gboolean *placed,
                    guint     i)
{
  double r = p->radius[i];
  double inset = r + FIT_MARGIN * MIN (p->box.width, p->box.height);
  double x0 = p->box.x + inset, y0 = p->box.y + inset;
  double x1 = p->box.x + p->box.width - inset, y1 = p->box.y + p->box.height - inset;
  double ax, ay, best_room = -G_MAXDOUBLE, best_dist = G_MAXDOUBLE;

  /* The map may have grown past the box by dragging: search all of it. */
  for (guint j = 0; j < p->n; j++)
    if (placed[j])
      {
        x0 = MIN (x0, p->x[j]);
        y0 = MIN (y0, p->y[j]);
        x1 = MAX (x1, p->x[j]);
        y1 = MAX (y1, p->y[j]);
      }

  spot_anchor (p, placed, i, &ax, &ay);
  p->x[i] = ax;
  p->y[i] = ay;
  for (guint gy = 0; gy <= SPOT_GRID; gy++)
    for (guint gx = 0; gx <= SPOT_GRID; gx++)
      {
        double x = x0 + (x1 - x0) * gx / SPOT_GRID;
        double y = y0 + (y1 - y0) * gy / SPOT_GRID;
        double room = MIN (spot_room (p, placed, i, x, y), SPOT_ROOM);
        double dist = hypot (x - ax, y - ay);

        /* Enough room first, then as close to the anchor as can be. */
        if (room > best_room + 1e-6 || (room > best_room - 1e-6 && dist < best_dist))
          {
            best_room = room;
            best_dist = dist;
            p->x[i] = x;
            p->y[i] = y;
          }
      }

  placed[i] = TRUE;
}

/**
 * sam_map_layout_place_new:
 * @model: a #SamMapModel
 * @box: the area, in world coordinates, the map was laid out in
 * @ids: (array zero-terminated=1): the nodes that have no place yet
 *
 * Gives each node in @ids a free spot near the teams it has relations
 * with (or near the middle of the map), with room for its label, leaving
 * every other node where it is.  The nodes are placed in the order of
 * their ids, so the result does not depend on the order of @ids.  Emits
 * #SamMapModel::positions-changed.
 */
void
sam_map_layout_place_new (SamMapModel        *model,
                          const SamMapRect   *box,
                          const char * const *ids)
{
  g_autoptr(Problem) p = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *placed = NULL;
  GPtrArray *nodes;

  g_return_if_fail (SAM_IS_MAP_MODEL (model));
  g_return_if_fail (box != NULL && box->width > 0 && box->height > 0);
  g_return_if_fail (ids != NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (wanted, (gpointer) ids[i]);

  p = problem_new (model, box);
  placed = g_new0 (gboolean, MAX (p->n, 1));
  for (guint i = 0; i < p->n; i++)
    placed[i] = !g_hash_table_contains (wanted, p->ids[i]);
  for (guint i = 0; i < p->n; i++)
    if (!placed[i])
      place_in_free_spot (p, placed, i);

  nodes = sam_map_model_get_nodes (model);
  for (guint i = 0; i < p->n; i++)
    if (g_hash_table_contains (wanted, p->ids[i]))
      sam_map_model_set_node_position (model,
                                       ((SamMapNode *) g_ptr_array_index (nodes, p->model_index[i]))->id,
                                       p->x[i], p->y[i]);

  sam_map_model_commit_positions (model);
}

typedef struct
{
  double *xy;
  guint   n;
} LayoutResult;

static void
layout_result_free (LayoutResult *r)
{
  g_free (r->xy);
  g_free (r);
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Problem *p = task_data;
  LayoutResult *r = g_new0 (LayoutResult, 1);

  r->xy = problem_solve (p);
  r->n = p->n;
  g_task_return_pointer (task, r, (GDestroyNotify) layout_result_free);
}

/**
 * sam_map_layout_compute_async:
 *
 * Like sam_map_layout_compute() in a thread.  The map is copied first, so
 * the model may change meanwhile; the caller checks that the node count
 * still matches.
 */
void
sam_map_layout_compute_async (SamMapModel         *model,
                              const SamMapRect    *box,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SAM_IS_MAP_MODEL (model));
  g_return_if_fail (box != NULL && box->width > 0 && box->height > 0);

  task = g_task_new (model, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_map_layout_compute_async);
  g_task_set_task_data (task, problem_new (model, box), (GDestroyNotify) problem_free);
  g_task_run_in_thread (task, layout_thread);
}

double *
sam_map_layout_compute_finish (SamMapModel   *model,
                               GAsyncResult  *result,
                               guint         *n_positions,
                               GError       **error)
{
  LayoutResult *r;
  double *xy;

  g_return_val_if_fail (g_task_is_valid (result, model), NULL);

  r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    return NULL;

  xy = g_steal_pointer (&r->xy);
  if (n_positions)
    *n_positions = r->n;
  layout_result_free (r);

  return xy;
}
