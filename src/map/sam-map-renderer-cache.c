/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sam-map-renderer-private.h"

/* What the renderer works out before it draws: text layouts, indices of
 * the elements, and their screen geometry with label and badge placement. */

#define LABEL_WORLD_PX  18.0
#define LABEL_MAX_PX    26.0

void
_sam_map_renderer_clear_caches (SamMapRenderer *self)
{
  for (guint i = 0; self->nodes && i < self->nodes->len; i++)
    {
      NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);
      g_clear_object (&nc->label);
      g_clear_object (&nc->people);
      g_clear_pointer (&nc->sprite, cairo_surface_destroy);
      g_clear_pointer (&nc->halo_sprite, cairo_surface_destroy);
      g_clear_pointer (&nc->text_sprite, cairo_surface_destroy);
    }

  if (self->nodes)
    g_array_set_size (self->nodes, 0);
  if (self->edges)
    g_array_set_size (self->edges, 0);
  if (self->badges)
    g_array_set_size (self->badges, 0);
  if (self->links)
    g_array_set_size (self->links, 0);
  if (self->node_index)
    g_hash_table_remove_all (self->node_index);

  g_clear_object (&self->callout);
  self->callout_valid = FALSE;
  self->cache_valid = FALSE;
  self->geometry_valid = FALSE;
  _sam_map_renderer_invalidate_grid (self);
}

/* Caches ----------------------------------------------------------------- */

PangoLayout *
_sam_map_renderer_make_layout (SamMapRenderer             *self,
                               const char                 *text,
                               const PangoFontDescription *font)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

void
_sam_map_renderer_layout_size (PangoLayout *layout,
                               double      *w,
                               double      *h)
{
  PangoRectangle ink, logical;

  pango_layout_get_extents (layout, &ink, &logical);
  *w = logical.width / (double) PANGO_SCALE;
  *h = logical.height / (double) PANGO_SCALE;
}

guint
_sam_map_renderer_node_index (SamMapRenderer *self,
                              const char     *id,
                              gboolean       *found)
{
  gpointer value = g_hash_table_lookup (self->node_index, id);

  *found = value != NULL;

  return GPOINTER_TO_UINT (value) - 1;
}

static void
cache_node (SamMapRenderer   *self,
            const SamMapNode *node)
{
  NodeCache nc = { 0 };
  double r, g, b;

  nc.node = node;
  /* The customer is no name anyone typed: it is written in the map's
   * language, also on a snapshot taken while the UI spoke another. */
  nc.label = _sam_map_renderer_make_layout (self,
                                            node->type == SAM_MAP_NODE_CUSTOMER && self->catalog != NULL
                                            ? sam_catalog_gettext (self->catalog, N_("The customer"))
                                            : node->name,
                                            self->bold_font);
  pango_layout_set_alignment (nc.label, PANGO_ALIGN_CENTER);
  pango_layout_set_width (nc.label, 180 * PANGO_SCALE);
  pango_layout_set_wrap (nc.label, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (nc.label, -2);
  pango_layout_set_ellipsize (nc.label, PANGO_ELLIPSIZE_END);
  _sam_map_renderer_layout_size (nc.label, &nc.label_w, &nc.label_h);
  {
    PangoRectangle ink, logical;

    /* With a fixed wrap width, the logical box is as wide as the wrap
     * width; use the real extent of the lines for the halo. */
    pango_layout_get_pixel_extents (nc.label, &ink, &logical);
    nc.label_w = logical.width;
  }

  if (node->people > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", node->people);

      nc.people = _sam_map_renderer_make_layout (self, text, self->bold_font);
      _sam_map_renderer_layout_size (nc.people, &nc.people_w, &nc.people_h);
    }

  if (node->type == SAM_MAP_NODE_CUSTOMER)
    nc.light_text = !self->dark;
  else
    {
      sam_map_palette_get (node->color, &r, &g, &b);
      nc.light_text = (0.2126 * r + 0.7152 * g + 0.0722 * b) < 0.45;
    }

  g_array_append_val (self->nodes, nc);
  g_hash_table_insert (self->node_index, node->id, GUINT_TO_POINTER (self->nodes->len));
}

static void
ensure_changes (SamMapRenderer *self)
{
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->change_by_relation, g_hash_table_unref);

  if (self->start == NULL)
    return;

  self->changes = sam_map_model_compare (self->start, self->model);
  self->change_by_relation = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->changes->len; i++)
    {
      SamMapRelationChange *c = g_ptr_array_index (self->changes, i);

      if (c->change != SAM_MAP_CHANGE_REMOVED)
        g_hash_table_insert (self->change_by_relation, c->relation_id, c);
    }
}

static void
cache_beliefs (SamMapRenderer *self)
{
  GPtrArray *beliefs = sam_map_model_get_beliefs (self->model);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->edges->len; i++)
    {
      const EdgeCache *ec = &g_array_index (self->edges, EdgeCache, i);

      g_hash_table_add (pairs, g_strconcat (ec->relation->node_a, "\n", ec->relation->node_b, NULL));
      g_hash_table_add (pairs, g_strconcat (ec->relation->node_b, "\n", ec->relation->node_a, NULL));
    }

  for (guint i = 0; i < beliefs->len; i++)
    {
      const SamMapBelief *b = g_ptr_array_index (beliefs, i);
      char *key = g_strconcat (b->holder, "\n", b->about, NULL);
      gpointer found = g_hash_table_lookup (groups, key);
      gboolean ok_h, ok_a;
      BadgeCache bc = { 0 };

      if (found)
        {
          g_array_index (self->badges, BadgeCache, GPOINTER_TO_UINT (found) - 1).count++;
          g_free (key);
          continue;
        }

      bc.holder = _sam_map_renderer_node_index (self, b->holder, &ok_h);
      bc.about = _sam_map_renderer_node_index (self, b->about, &ok_a);
      bc.count = 1;
      bc.first_id = b->id;
      bc.on_relation = g_hash_table_contains (pairs, key);
      if (!ok_h || !ok_a)
        {
          g_free (key);
          continue;
        }

      g_array_append_val (self->badges, bc);
      g_hash_table_insert (groups, key, GUINT_TO_POINTER (self->badges->len));
    }
}

void
_sam_map_renderer_ensure_cache (SamMapRenderer *self)
{
  GPtrArray *items;
  guint64 serial;

  if (self->model == NULL)
    return;

  serial = sam_map_model_get_structure_serial (self->model);
  if (self->cache_valid && self->cache_serial == serial &&
      (self->start == NULL || self->start_serial == sam_map_model_get_serial (self->start)))
    return;

  _sam_map_renderer_clear_caches (self);
  ensure_changes (self);
  if (self->start)
    self->start_serial = sam_map_model_get_serial (self->start);

  items = sam_map_model_get_nodes (self->model);
  for (guint i = 0; i < items->len; i++)
    cache_node (self, g_ptr_array_index (items, i));

  items = sam_map_model_get_relations (self->model);
  for (guint i = 0; i < items->len; i++)
    {
      const SamMapRelation *r = g_ptr_array_index (items, i);
      EdgeCache ec = { 0 };
      gboolean ok_a, ok_b;

      ec.a = _sam_map_renderer_node_index (self, r->node_a, &ok_a);
      ec.b = _sam_map_renderer_node_index (self, r->node_b, &ok_b);
      ec.relation = r;
      if (self->change_by_relation)
        ec.change = g_hash_table_lookup (self->change_by_relation, r->id);
      if (ok_a && ok_b)
        g_array_append_val (self->edges, ec);
    }

  items = sam_map_model_get_links (self->model);
  for (guint i = 0; i < items->len; i++)
    {
      const SamMapLink *l = g_ptr_array_index (items, i);
      LinkCache lc = { 0 };
      gboolean ok_a, ok_b;

      lc.from = _sam_map_renderer_node_index (self, l->from, &ok_a);
      lc.to = _sam_map_renderer_node_index (self, l->to, &ok_b);
      lc.link = l;
      if (ok_a && ok_b)
        g_array_append_val (self->links, lc);
    }

  cache_beliefs (self);

  self->cache_serial = serial;
  self->cache_valid = TRUE;
}

double
_sam_map_renderer_label_px (SamMapRenderer *self,
                            double          scale)
{
  return CLAMP (LABEL_WORLD_PX * scale, self->label_min_px, MAX (LABEL_MAX_PX, self->label_min_px));
}

/* The box a label covers, its halo included. */
static void
label_box (const NodeCache *nc,
           SamMapRect      *box)
{
  box->x = nc->lx - 5;
  box->y = nc->ly - 1;
  box->width = nc->lw + 10;
  box->height = nc->lh + 2;
}

static gboolean
boxes_meet (const SamMapRect *a,
            const SamMapRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_meets_circle (const SamMapRect *box,
                  double            cx,
                  double            cy,
                  double            r)
{
  double nx = CLAMP (cx, box->x, box->x + box->width);
  double ny = CLAMP (cy, box->y, box->y + box->height);

  return (cx - nx) * (cx - nx) + (cy - ny) * (cy - ny) < r * r;
}

/* Whether label @i, placed as it is now, touches another label (only
 * those before it when @earlier) or a badge that is already placed. */
static gboolean
label_is_crowded (SamMapRenderer *self,
                  guint           i,
                  gboolean        earlier,
                  guint           n_badges)
{
  SamMapRect box, other;

  label_box (&g_array_index (self->nodes, NodeCache, i), &box);
  for (guint j = 0; j < (earlier ? i : self->nodes->len); j++)
    {
      if (j == i)
        continue;
      label_box (&g_array_index (self->nodes, NodeCache, j), &other);
      if (boxes_meet (&box, &other))
        return TRUE;
    }

  for (guint j = 0; j < n_badges; j++)
    {
      const BadgeCache *bc = &g_array_index (self->badges, BadgeCache, j);

      if (box_meets_circle (&box, bc->sx, bc->sy, BADGE_CLEAR))
        return TRUE;
    }

  return FALSE;
}

/* Puts label @i above its disc instead of below when that is free; the
 * label stays below otherwise. */
static gboolean
label_try_above (SamMapRenderer *self,
                 guint           i,
                 gboolean        earlier,
                 guint           n_badges)
{
  NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);
  double below = nc->ly;

  nc->ly = nc->sy - nc->sr - 4 - nc->lh;
  if (!label_is_crowded (self, i, earlier, n_badges))
    return TRUE;

  nc->ly = below;
  return FALSE;
}

/* The stretch [t0, t1] of the ray p + t·u that runs through @box grown
 * by @r on every side. */
static gboolean
ray_through_box (double            px,
                 double            py,
                 double            ux,
                 double            uy,
                 const SamMapRect *box,
                 double            r,
                 double           *t0,
                 double           *t1)
{
  double lo = -G_MAXDOUBLE, hi = G_MAXDOUBLE;
  double p[2] = { px, py }, u[2] = { ux, uy };
  double min[2] = { box->x - r, box->y - r };
  double max[2] = { box->x + box->width + r, box->y + box->height + r };

  for (guint k = 0; k < 2; k++)
    {
      if (fabs (u[k]) < 1e-9)
        {
          if (p[k] <= min[k] || p[k] >= max[k])
            return FALSE;
          continue;
        }

      lo = MAX (lo, MIN ((min[k] - p[k]) / u[k], (max[k] - p[k]) / u[k]));
      hi = MIN (hi, MAX ((min[k] - p[k]) / u[k], (max[k] - p[k]) / u[k]));
    }

  *t0 = lo;
  *t1 = hi;
  return lo < hi;
}

/* A badge sits on the line from its holder to the team the beliefs are
 * about, as close to the holder as it can without covering a label: it
 * slides past the labels that lie on that line.  Returns %FALSE when no
 * free spot is left before the other disc; the badge then stays close to
 * the holder. */
static gboolean
place_badge (SamMapRenderer *self,
             BadgeCache     *bc)
{
  const NodeCache *h = &g_array_index (self->nodes, NodeCache, bc->holder);
  const NodeCache *a = &g_array_index (self->nodes, NodeCache, bc->about);
  double dx = a->sx - h->sx;
  double dy = a->sy - h->sy;
  double d = sqrt (dx * dx + dy * dy) + 1e-9;
  double ux = dx / d, uy = dy / d;
  double first = MIN (h->sr + BADGE_RADIUS + 8, d / 2);
  double last = d - a->sr - BADGE_RADIUS - 10;
  double t = first;
  gboolean moved = TRUE;

  /* Labels are few; sliding past one may land on the next. */
  for (guint round = 0; moved && round < 8; round++)
    {
      moved = FALSE;
      for (guint i = 0; i < self->nodes->len; i++)
        {
          SamMapRect box;
          double t0, t1;

          label_box (&g_array_index (self->nodes, NodeCache, i), &box);
          if (ray_through_box (h->sx, h->sy, ux, uy, &box, BADGE_CLEAR, &t0, &t1) &&
              t > t0 && t < t1)
            {
              t = t1 + 0.5;
              moved = TRUE;
            }
        }
    }

  if (moved || (t > first && t > last))
    {
      bc->sx = h->sx + ux * first;
      bc->sy = h->sy + uy * first;
      return FALSE;
    }

  bc->sx = h->sx + ux * t;
  bc->sy = h->sy + uy * t;
  return TRUE;
}

/* The last resort for a badge that found no free spot on its line: the
 * labels under it move above their discs where there is room, or else
 * down, below the badge. */
static void
free_labels_from_badge (SamMapRenderer *self,
                        guint           badge)
{
  const BadgeCache *bc = &g_array_index (self->badges, BadgeCache, badge);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SamMapRect box;

      label_box (&g_array_index (self->nodes, NodeCache, i), &box);
      if (box_meets_circle (&box, bc->sx, bc->sy, BADGE_CLEAR) &&
          !label_try_above (self, i, FALSE, badge + 1))
        {
          NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);

          /* No room above either: the label goes down, below the badge. */
          nc->ly = bc->sy + BADGE_CLEAR + 1;
        }
    }
}

void
_sam_map_renderer_ensure_geometry (SamMapRenderer        *self,
                                   const SamMapTransform *t)
{
  double lpx, f;
  guint64 serial;

  _sam_map_renderer_ensure_cache (self);
  if (self->model == NULL)
    return;

  serial = sam_map_model_get_serial (self->model);
  if (self->geometry_valid && self->geometry_serial == serial &&
      memcmp (&self->geometry_transform, t, sizeof *t) == 0)
    return;

  lpx = _sam_map_renderer_label_px (self, t->scale);
  f = lpx / REF_PX;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);

      nc->sx = nc->node->x * t->scale + t->x_offset;
      nc->sy = nc->node->y * t->scale + t->y_offset;
      nc->sr = MAX (sam_map_node_radius (nc->node) * t->scale, 7.0);
      nc->lw = nc->label_w * f;
      nc->lh = nc->label_h * f;
      nc->lx = nc->sx - nc->lw / 2;
      nc->ly = nc->sy + nc->sr + 4;
    }

  /* Where names of teams close together would run into each other, the
   * later one goes above its disc. */
  for (guint i = 1; i < self->nodes->len; i++)
    if (label_is_crowded (self, i, TRUE, 0))
      label_try_above (self, i, TRUE, 0);

  for (guint i = 0; i < self->badges->len; i++)
    {
      BadgeCache *bc = &g_array_index (self->badges, BadgeCache, i);

      if (!place_badge (self, bc))
        free_labels_from_badge (self, i);
    }

  self->geometry_transform = *t;
  self->geometry_serial = serial;
  self->geometry_valid = TRUE;
}
