/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-map-renderer-private.h"

/* Hit testing.  Nodes, labels and badges are few and have screen sizes, so
 * they are tested one by one.  Relations and links can be many: they sit
 * in a uniform grid in world coordinates, which only changes when the
 * model does, not when the view pans or zooms. */

#define EDGE_TOLERANCE  7.0
#define LINK_SEGMENTS   8
#define MAX_GRID_SIDE   64

typedef struct
{
  guint cell;
  guint item;
} CellItem;

void
_sam_map_renderer_clear_grid (SamMapRenderer *self)
{
  HitGrid *grid = &self->grid;

  g_clear_pointer (&grid->start, g_free);
  g_clear_pointer (&grid->items, g_free);
  g_clear_pointer (&grid->stamp, g_free);
  grid->valid = FALSE;
}

void
_sam_map_renderer_invalidate_grid (SamMapRenderer *self)
{
  self->grid.valid = FALSE;
}

static void
world_link_point (const SamMapNode *a,
                  const SamMapNode *b,
                  double            t,
                  double           *x,
                  double           *y)
{
  double cx, cy, u = 1 - t;

  _sam_map_link_curve (a->x, a->y, b->x, b->y, &cx, &cy);
  *x = u * u * a->x + 2 * u * t * cx + t * t * b->x;
  *y = u * u * a->y + 2 * u * t * cy + t * t * b->y;
}

static void
add_segment_cells (HitGrid *grid,
                   GArray  *pairs,
                   guint    item,
                   double   ax,
                   double   ay,
                   double   bx,
                   double   by)
{
  double dx = bx - ax, dy = by - ay;
  double len = sqrt (dx * dx + dy * dy);
  guint steps = (guint) (len / (grid->cell * 0.5)) + 1;
  guint last = G_MAXUINT;

  for (guint s = 0; s <= steps; s++)
    {
      double t = (double) s / steps;
      int cx = (int) ((ax + dx * t - grid->x0) / grid->cell);
      int cy = (int) ((ay + dy * t - grid->y0) / grid->cell);
      CellItem ci;

      cx = CLAMP (cx, 0, (int) grid->cols - 1);
      cy = CLAMP (cy, 0, (int) grid->rows - 1);
      ci.cell = cy * grid->cols + cx;
      ci.item = item;
      if (ci.cell == last)
        continue;
      last = ci.cell;
      g_array_append_val (pairs, ci);
    }
}

static void
build_grid (SamMapRenderer *self)
{
  HitGrid *grid = &self->grid;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (CellItem));
  guint n_edges = self->edges->len, n_items = n_edges + self->links->len;
  SamMapRect b;
  double side;

  _sam_map_renderer_clear_grid (self);

  if (!sam_map_renderer_get_bounds (self, &b))
    b = (SamMapRect) { 0, 0, 1, 1 };

  side = MAX (b.width, b.height);
  grid->cell = MAX (side / MAX_GRID_SIDE, 8.0);
  /* Links bulge out of the nodes' bounds; give the grid a margin. */
  grid->x0 = b.x - side * 0.25;
  grid->y0 = b.y - side * 0.25;
  grid->cols = MIN ((guint) ((b.width + side * 0.5) / grid->cell) + 1, 2 * MAX_GRID_SIDE);
  grid->rows = MIN ((guint) ((b.height + side * 0.5) / grid->cell) + 1, 2 * MAX_GRID_SIDE);

  for (guint i = 0; i < n_edges; i++)
    {
      const EdgeCache *ec = &g_array_index (self->edges, EdgeCache, i);
      const SamMapNode *a = g_array_index (self->nodes, NodeCache, ec->a).node;
      const SamMapNode *bn = g_array_index (self->nodes, NodeCache, ec->b).node;

      add_segment_cells (grid, pairs, i, a->x, a->y, bn->x, bn->y);
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkCache *lc = &g_array_index (self->links, LinkCache, i);
      const SamMapNode *a = g_array_index (self->nodes, NodeCache, lc->from).node;
      const SamMapNode *bn = g_array_index (self->nodes, NodeCache, lc->to).node;

      for (guint s = 0; s < LINK_SEGMENTS; s++)
        {
          double x0, y0_, x1, y1_;

          world_link_point (a, bn, (double) s / LINK_SEGMENTS, &x0, &y0_);
          world_link_point (a, bn, (double) (s + 1) / LINK_SEGMENTS, &x1, &y1_);
          add_segment_cells (grid, pairs, n_edges + i, x0, y0_, x1, y1_);
        }
    }

  /* counting sort into compressed rows */
  grid->start = g_new0 (guint, grid->cols * grid->rows + 1);
  grid->items = g_new (guint, MAX (pairs->len, 1));
  grid->stamp = g_new0 (guint, MAX (n_items, 1));
  grid->query = 0;

  for (guint i = 0; i < pairs->len; i++)
    grid->start[g_array_index (pairs, CellItem, i).cell + 1]++;
  for (guint c = 0; c < grid->cols * grid->rows; c++)
    grid->start[c + 1] += grid->start[c];
  {
    g_autofree guint *fill = g_memdup2 (grid->start, sizeof (guint) * grid->cols * grid->rows);

    for (guint i = 0; i < pairs->len; i++)
      {
        const CellItem *ci = &g_array_index (pairs, CellItem, i);
        grid->items[fill[ci->cell]++] = ci->item;
      }
  }

  grid->serial = sam_map_model_get_serial (self->model);
  grid->valid = TRUE;
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  double qx, qy;

  t = CLAMP (t, 0, 1);
  qx = ax + dx * t - px;
  qy = ay + dy * t - py;

  return sqrt (qx * qx + qy * qy);
}

static double
item_distance (SamMapRenderer *self,
               guint           item,
               double          wx,
               double          wy)
{
  guint n_edges = self->edges->len;

  if (item < n_edges)
    {
      const EdgeCache *ec = &g_array_index (self->edges, EdgeCache, item);
      const SamMapNode *a = g_array_index (self->nodes, NodeCache, ec->a).node;
      const SamMapNode *b = g_array_index (self->nodes, NodeCache, ec->b).node;

      return segment_distance (wx, wy, a->x, a->y, b->x, b->y);
    }
  else
    {
      const LinkCache *lc = &g_array_index (self->links, LinkCache, item - n_edges);
      const SamMapNode *a = g_array_index (self->nodes, NodeCache, lc->from).node;
      const SamMapNode *b = g_array_index (self->nodes, NodeCache, lc->to).node;
      double best = G_MAXDOUBLE;

      for (guint s = 0; s < LINK_SEGMENTS; s++)
        {
          double x0, y0_, x1, y1_;

          world_link_point (a, b, (double) s / LINK_SEGMENTS, &x0, &y0_);
          world_link_point (a, b, (double) (s + 1) / LINK_SEGMENTS, &x1, &y1_);
          best = MIN (best, segment_distance (wx, wy, x0, y0_, x1, y1_));
        }

      return best;
    }
}

static gboolean
hit_edges (SamMapRenderer        *self,
           const SamMapTransform *t,
           double                 x,
           double                 y,
           SamMapHit             *hit)
{
  HitGrid *grid = &self->grid;
  double wx = (x - t->x_offset) / t->scale;
  double wy = (y - t->y_offset) / t->scale;
  double tol = (EDGE_TOLERANCE + 4) / t->scale;
  int cx0, cx1, cy0, cy1;
  double best = G_MAXDOUBLE;
  gint best_item = -1;
  guint n_edges = self->edges->len;

  if (!grid->valid || grid->serial != sam_map_model_get_serial (self->model))
    build_grid (self);

  cx0 = (int) floor ((wx - tol - grid->x0) / grid->cell) - 1;
  cx1 = (int) floor ((wx + tol - grid->x0) / grid->cell) + 1;
  cy0 = (int) floor ((wy - tol - grid->y0) / grid->cell) - 1;
  cy1 = (int) floor ((wy + tol - grid->y0) / grid->cell) + 1;
  if (cx1 < 0 || cy1 < 0 || cx0 >= (int) grid->cols || cy0 >= (int) grid->rows)
    return FALSE;
  cx0 = MAX (cx0, 0);
  cy0 = MAX (cy0, 0);
  cx1 = MIN (cx1, (int) grid->cols - 1);
  cy1 = MIN (cy1, (int) grid->rows - 1);

  if (++grid->query == 0)
    {
      memset (grid->stamp, 0, sizeof (guint) * MAX (n_edges + self->links->len, 1));
      grid->query = 1;
    }

  for (int cy = cy0; cy <= cy1; cy++)
    for (int cx = cx0; cx <= cx1; cx++)
      {
        guint cell = cy * grid->cols + cx;

        for (guint k = grid->start[cell]; k < grid->start[cell + 1]; k++)
          {
            guint item = grid->items[k];
            double d, limit;

            if (grid->stamp[item] == grid->query)
              continue;
            grid->stamp[item] = grid->query;

            d = item_distance (self, item, wx, wy) * t->scale;
            if (item < n_edges)
              limit = EDGE_TOLERANCE + 0.75 * (1.5 + 1.1 * g_array_index (self->edges, EdgeCache, item).relation->quality);
            else
              limit = EDGE_TOLERANCE + 2;

            /* Links are thin and drawn over relations: prefer them a bit. */
            if (item >= n_edges)
              d -= 2;

            if (d <= limit && d < best)
              {
                best = d;
                best_item = item;
              }
          }
      }

  if (best_item < 0)
    return FALSE;

  if ((guint) best_item < n_edges)
    {
      hit->kind = SAM_MAP_KIND_RELATION;
      hit->id = g_array_index (self->edges, EdgeCache, best_item).relation->id;
    }
  else
    {
      hit->kind = SAM_MAP_KIND_LINK;
      hit->id = g_array_index (self->links, LinkCache, best_item - n_edges).link->id;
    }

  return TRUE;
}

static gboolean
hit_badges (SamMapRenderer *self,
            double          x,
            double          y,
            SamMapHit      *hit)
{
  double best = G_MAXDOUBLE;
  const BadgeCache *found = NULL;

  for (guint i = 0; i < self->badges->len; i++)
    {
      const BadgeCache *bc = &g_array_index (self->badges, BadgeCache, i);
      double dx = bc->sx - x, dy = bc->sy - y;
      double d2 = dx * dx + dy * dy;

      if (d2 <= 14.0 * 14.0 && d2 < best)
        {
          best = d2;
          found = bc;
        }
    }

  if (found == NULL)
    return FALSE;

  hit->kind = SAM_MAP_KIND_BELIEF;
  hit->id = found->first_id;
  hit->holder = g_array_index (self->nodes, NodeCache, found->holder).node->id;
  hit->about = g_array_index (self->nodes, NodeCache, found->about).node->id;

  return TRUE;
}

static gboolean
hit_nodes (SamMapRenderer *self,
           double          x,
           double          y,
           SamMapHit      *hit)
{
  double best = G_MAXDOUBLE;
  const NodeCache *found = NULL;

  /* Last drawn is on top: walk backwards and prefer the nearest disc. */
  for (guint i = self->nodes->len; i > 0; i--)
    {
      const NodeCache *nc = &g_array_index (self->nodes, NodeCache, i - 1);
      double dx = nc->sx - x, dy = nc->sy - y;
      double d = sqrt (dx * dx + dy * dy);
      double reach = nc->sr * (nc->node->type == SAM_MAP_NODE_CUSTOMER ? 1.2 : 1.0) + 4;

      if (d <= reach && d - reach < best)
        {
          best = d - reach;
          found = nc;
        }
      else if (found == NULL &&
               x >= nc->lx - 5 && x <= nc->lx + nc->lw + 5 &&
               y >= nc->ly - 1 && y <= nc->ly + nc->lh + 1)
        {
          best = 0;
          found = nc;
        }
    }

  if (found == NULL)
    return FALSE;

  hit->kind = SAM_MAP_KIND_NODE;
  hit->id = found->node->id;

  return TRUE;
}

/**
 * sam_map_renderer_hit_test:
 * @transform: the transform the map is shown with
 * @x: screen x
 * @y: screen y
 * @hit: (out caller-allocates): what is at the point
 *
 * Finds what is drawn at a point: the connect handle, a belief badge, a
 * node (its disc or label), a link or a relation, in that order.  Lines
 * are hit within a few pixels.
 *
 * Returns: %TRUE if something was hit
 */
gboolean
sam_map_renderer_hit_test (SamMapRenderer        *self,
                           const SamMapTransform *transform,
                           double                 x,
                           double                 y,
                           SamMapHit             *hit)
{
  double hx, hy, hr;

  g_return_val_if_fail (SAM_IS_MAP_RENDERER (self), FALSE);
  g_return_val_if_fail (transform != NULL && hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  if (self->model == NULL)
    return FALSE;

  _sam_map_renderer_ensure_geometry (self, transform);

  if (_sam_map_renderer_handle_position (self, &hx, &hy, &hr) &&
      (hx - x) * (hx - x) + (hy - y) * (hy - y) <= (hr + 4) * (hr + 4))
    {
      hit->kind = SAM_MAP_KIND_NODE;
      hit->id = self->selected_id;
      hit->handle = TRUE;
      return TRUE;
    }

  return hit_badges (self, x, y, hit) ||
         hit_nodes (self, x, y, hit) ||
         hit_edges (self, transform, x, y, hit);
}
