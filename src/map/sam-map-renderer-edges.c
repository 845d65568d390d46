/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sam-map-renderer-private.h"

/* Relations with their tension marks, links, and belief badges. */

/* A zigzag stands for high tension: it reads as “strained” without
 * relying on colour. */
void
_sam_map_renderer_zigzag_path (cairo_t *cr,
                               double   ax,
                               double   ay,
                               double   bx,
                               double   by,
                               double   amplitude)
{
  double dx = bx - ax, dy = by - ay;
  double len = sqrt (dx * dx + dy * dy);
  double period = 16.0;
  guint n;
  double ux, uy, px, py;

  if (len < 1)
    return;

  ux = dx / len;
  uy = dy / len;
  px = -uy;
  py = ux;
  n = MAX ((guint) (len / (period / 2)), 2);

  cairo_move_to (cr, ax, ay);
  for (guint i = 1; i < n; i++)
    {
      double t = (double) i / n * len;
      double side = (i % 2) ? amplitude : -amplitude;

      cairo_line_to (cr, ax + ux * t + px * side, ay + uy * t + py * side);
    }
  cairo_line_to (cr, bx, by);
}

/* The same zigzag as _sam_map_renderer_zigzag_path(), drawn by the rasteriser. */
static void
zigzag_raster (SamMapRaster            *raster,
               double                   ax,
               double                   ay,
               double                   bx,
               double                   by,
               double                   amplitude,
               double                   width,
               const SamMapRasterColor *color)
{
  double dx = bx - ax, dy = by - ay;
  double len = sqrt (dx * dx + dy * dy);
  double period = 24.0;   /* longer teeth than _sam_map_renderer_zigzag_path(): fewer strokes */
  double ux, uy, px, py, x = ax, y = ay;
  guint n;

  if (len < 1)
    return;

  ux = dx / len;
  uy = dy / len;
  px = -uy;
  py = ux;
  n = MAX ((guint) (len / (period / 2)), 2);

  for (guint i = 1; i <= n; i++)
    {
      double t = (double) i / n * len;
      double side = (i % 2) ? amplitude : -amplitude;
      double nx = i < n ? ax + ux * t + px * side : bx;
      double ny = i < n ? ay + uy * t + py * side : by;

      sam_map_raster_line (raster, x, y, nx, ny, width, color, NULL, NULL);
      x = nx;
      y = ny;
    }
}

void
_sam_map_renderer_set_tension_style (cairo_t       *cr,
                                     SamMapTension  tension,
                                     double         width)
{
  static const double dashes[] = { 14.0, 8.0 };

  if (tension == SAM_MAP_TENSION_SOME)
    {
      double d[2] = { dashes[0] + width, dashes[1] + width };
      cairo_set_dash (cr, d, 2, 0);
    }
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static gboolean
edge_touches_selected_node (SamMapRenderer  *self,
                            const EdgeCache *ec,
                            guint            selected)
{
  return ec->a == selected || ec->b == selected;
}

static void
edge_endpoints (SamMapRenderer  *self,
                const EdgeCache *ec,
                double          *ax,
                double          *ay,
                double          *bx,
                double          *by)
{
  const NodeCache *a = &g_array_index (self->nodes, NodeCache, ec->a);
  const NodeCache *b = &g_array_index (self->nodes, NodeCache, ec->b);
  double dx = b->sx - a->sx, dy = b->sy - a->sy;
  double d = sqrt (dx * dx + dy * dy) + 1e-9;
  double ta = MIN (a->sr, d / 2), tb = MIN (b->sr, d / 2);

  /* Start at the disc borders, so zigzags and dashes are not hidden. */
  *ax = a->sx + dx / d * ta;
  *ay = a->sy + dy / d * ta;
  *bx = b->sx - dx / d * tb;
  *by = b->sy - dy / d * tb;
}

static void
draw_relation_group_raster (SamMapRenderer        *self,
                            SamMapRaster          *raster,
                            const SamMapTransform *t,
                            guint                  quality,
                            SamMapTension          tension,
                            int                    selected_node,
                            gboolean               related)
{
  const Theme *th = _sam_map_renderer_theme (self);
  double width = _sam_map_renderer_edge_width (quality, t->scale);
  double line_width = tension == SAM_MAP_TENSION_HIGH ? MAX (width * 0.7, 1.6) : width;
  double dash[2] = { 14.0 + width, 8.0 + width };
  const Rgb *rgb = &th->quality[quality];
  SamMapRasterColor color;

  /* In a map this dense thick lines only hide each other: the colour
   * carries the quality, the zigzag and the dashes the tension. */
  line_width = MIN (line_width, 1.4 + 0.1 * quality);
  sam_map_raster_color (&color, rgb->r, rgb->g, rgb->b,
                        (selected_node >= 0 && !related) ? 0.22 : 1.0);

  for (guint i = 0; i < self->edges->len; i++)
    {
      const EdgeCache *ec = &g_array_index (self->edges, EdgeCache, i);
      double ax, ay, bx, by, offset = 0;

      if (ec->relation->quality != quality || ec->relation->tension != tension)
        continue;
      if (selected_node >= 0 &&
          edge_touches_selected_node (self, ec, (guint) selected_node) != related)
        continue;

      edge_endpoints (self, ec, &ax, &ay, &bx, &by);
      if (tension == SAM_MAP_TENSION_HIGH)
        zigzag_raster (raster, ax, ay, bx, by, 3.0 + width * 0.6, line_width, &color);
      else
        sam_map_raster_line (raster, ax, ay, bx, by, line_width, &color,
                             tension == SAM_MAP_TENSION_SOME ? dash : NULL, &offset);
    }
}

static void
draw_relation_group (SamMapRenderer        *self,
                     cairo_t               *cr,
                     const SamMapTransform *t,
                     guint                  quality,
                     SamMapTension          tension,
                     int                    selected_node,
                     gboolean               related)
{
  const Theme *th = _sam_map_renderer_theme (self);
  double width = _sam_map_renderer_edge_width (quality, t->scale);

  _sam_map_renderer_set_rgb (cr, &th->quality[quality], (selected_node >= 0 && !related) ? 0.22 : 1.0);
  cairo_set_line_width (cr, tension == SAM_MAP_TENSION_HIGH ? MAX (width * 0.7, 1.6) : width);
  _sam_map_renderer_set_tension_style (cr, tension, width);

  /* One stroke per edge: cairo rasterises many small strokes faster than
   * one big self-intersecting path. */
  for (guint i = 0; i < self->edges->len; i++)
    {
      const EdgeCache *ec = &g_array_index (self->edges, EdgeCache, i);
      double ax, ay, bx, by;

      if (ec->relation->quality != quality || ec->relation->tension != tension)
        continue;
      if (selected_node >= 0 &&
          edge_touches_selected_node (self, ec, (guint) selected_node) != related)
        continue;

      edge_endpoints (self, ec, &ax, &ay, &bx, &by);
      if (tension == SAM_MAP_TENSION_HIGH)
        _sam_map_renderer_zigzag_path (cr, ax, ay, bx, by, 3.0 + width * 0.6);
      else
        {
          cairo_move_to (cr, ax, ay);
          cairo_line_to (cr, bx, by);
        }
      cairo_stroke (cr);
    }
}

void
_sam_map_renderer_draw_relations (SamMapRenderer        *self,
                                  cairo_t               *cr,
                                  const SamMapTransform *t,
                                  SamMapRaster          *raster)
{
  int selected = _sam_map_renderer_selected_node_index (self);

  if (raster != NULL)
    {
      for (int pass = selected >= 0 ? 0 : 1; pass < 2; pass++)
        for (guint q = 0; q <= SAM_MAP_QUALITY_MAX; q++)
          for (guint tension = SAM_MAP_TENSION_NONE; tension <= SAM_MAP_TENSION_HIGH; tension++)
            draw_relation_group_raster (self, raster, t, q, tension, selected, pass == 1);
      return;
    }

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* With a selected node its relations are drawn on top and the others
   * fade, so the room sees that team's relations at a glance. */
  for (int pass = selected >= 0 ? 0 : 1; pass < 2; pass++)
    for (guint q = 0; q <= SAM_MAP_QUALITY_MAX; q++)
      for (guint tension = SAM_MAP_TENSION_NONE; tension <= SAM_MAP_TENSION_HIGH; tension++)
        draw_relation_group (self, cr, t, q, tension, selected, pass == 1);

  cairo_set_dash (cr, NULL, 0, 0);
}

/**
 * _sam_map_link_curve:
 *
 * The control point of a link's quadratic curve.  Links bend to their left,
 * so they do not hide the straight relation between the same two teams and
 * links in both directions stay apart.
 */
void
_sam_map_link_curve (double  x0,
                     double  y0,
                     double  x1,
                     double  y1,
                     double *cx,
                     double *cy)
{
  double dx = x1 - x0, dy = y1 - y0;

  *cx = (x0 + x1) / 2 + dy * 0.18;
  *cy = (y0 + y1) / 2 - dx * 0.18;
}

void
_sam_map_renderer_link_geometry (SamMapRenderer  *self,
                                 const LinkCache *lc,
                                 double           p[8])
{
  const NodeCache *a = &g_array_index (self->nodes, NodeCache, lc->from);
  const NodeCache *b = &g_array_index (self->nodes, NodeCache, lc->to);
  double cx, cy, dx, dy, d;

  _sam_map_link_curve (a->sx, a->sy, b->sx, b->sy, &cx, &cy);

  /* Trim both ends at the disc borders along the curve's tangents. */
  dx = cx - a->sx;
  dy = cy - a->sy;
  d = sqrt (dx * dx + dy * dy) + 1e-9;
  p[0] = a->sx + dx / d * (a->sr + 2);
  p[1] = a->sy + dy / d * (a->sr + 2);

  dx = b->sx - cx;
  dy = b->sy - cy;
  d = sqrt (dx * dx + dy * dy) + 1e-9;
  p[4] = b->sx - dx / d * (b->sr + 3);
  p[5] = b->sy - dy / d * (b->sr + 3);
  p[6] = dx / d;
  p[7] = dy / d;
  p[2] = cx;
  p[3] = cy;
}

void
_sam_map_renderer_arrow_head (cairo_t *cr,
                              double   x,
                              double   y,
                              double   ux,
                              double   uy,
                              double   size)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - ux * size - uy * size * 0.55, y - uy * size + ux * size * 0.55);
  cairo_line_to (cr, x - ux * size + uy * size * 0.55, y - uy * size - ux * size * 0.55);
  cairo_close_path (cr);
}

/* The links' dotted curves, flattened for the rasteriser. */
static void
draw_link_curves_raster (SamMapRenderer *self,
                         SamMapRaster   *raster,
                         double          width)
{
  const Theme *th = _sam_map_renderer_theme (self);
  double dots[2] = { width, 6.5 + 0.1 };
  SamMapRasterColor color;

  sam_map_raster_color (&color, th->link.r, th->link.g, th->link.b, 1.0);
  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkCache *lc = &g_array_index (self->links, LinkCache, i);
      double p[8], ex, ey, x, y, offset = 0;
      const guint n = 16;

      _sam_map_renderer_link_geometry (self, lc, p);
      ex = p[4] - p[6] * 10;
      ey = p[5] - p[7] * 10;
      x = p[0];
      y = p[1];
      for (guint k = 1; k <= n; k++)
        {
          double u = (double) k / n, v = 1 - u;
          double nx = v * v * p[0] + 2 * u * v * p[2] + u * u * ex;
          double ny = v * v * p[1] + 2 * u * v * p[3] + u * u * ey;

          sam_map_raster_line (raster, x, y, nx, ny, width, &color, dots, &offset);
          x = nx;
          y = ny;
        }
    }
}

void
_sam_map_renderer_draw_links (SamMapRenderer        *self,
                              cairo_t               *cr,
                              const SamMapTransform *t,
                              SamMapRaster          *raster)
{
  static const double dots[] = { 0.1, 6.5 };
  const Theme *th = _sam_map_renderer_theme (self);
  double width = 3.2 * CLAMP (t->scale, 0.8, 1.4);

  if (self->links->len == 0)
    return;

  if (raster != NULL)
    {
      draw_link_curves_raster (self, raster, width);
      sam_map_raster_end (raster);
      _sam_map_renderer_set_rgb (cr, &th->link, 1.0);
      goto heads;
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkCache *lc = &g_array_index (self->links, LinkCache, i);
      double p[8], qx1, qy1, qx2, qy2;
      double ex, ey;

      _sam_map_renderer_link_geometry (self, lc, p);
      ex = p[4] - p[6] * 10;
      ey = p[5] - p[7] * 10;
      /* quadratic → cubic control points */
      qx1 = p[0] + 2.0 / 3.0 * (p[2] - p[0]);
      qy1 = p[1] + 2.0 / 3.0 * (p[3] - p[1]);
      qx2 = ex + 2.0 / 3.0 * (p[2] - ex);
      qy2 = ey + 2.0 / 3.0 * (p[3] - ey);
      cairo_move_to (cr, p[0], p[1]);
      cairo_curve_to (cr, qx1, qy1, qx2, qy2, ex, ey);
    }

  _sam_map_renderer_set_rgb (cr, &th->link, 1.0);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dots, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

heads:
  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkCache *lc = &g_array_index (self->links, LinkCache, i);
      double p[8];

      _sam_map_renderer_link_geometry (self, lc, p);
      _sam_map_renderer_arrow_head (cr, p[4], p[5], p[6], p[7], 13 + width);
    }
  cairo_fill (cr);
}

void
_sam_map_renderer_draw_highlights (SamMapRenderer        *self,
                                   cairo_t               *cr,
                                   const SamMapTransform *t)
{
  const Theme *th = _sam_map_renderer_theme (self);

  for (int pass = 0; pass < 2; pass++)
    {
      SamMapKind kind = pass == 0 ? self->hover_kind : self->selected_kind;
      const char *id = pass == 0 ? self->hover_id : self->selected_id;
      double alpha = pass == 0 ? 0.18 : 0.35;

      if (pass == 0 && kind == self->selected_kind && g_strcmp0 (id, self->selected_id) == 0)
        continue;

      if (kind == SAM_MAP_KIND_RELATION)
        {
          for (guint i = 0; i < self->edges->len; i++)
            {
              const EdgeCache *ec = &g_array_index (self->edges, EdgeCache, i);
              const NodeCache *a, *b;

              if (!g_str_equal (ec->relation->id, id))
                continue;

              a = &g_array_index (self->nodes, NodeCache, ec->a);
              b = &g_array_index (self->nodes, NodeCache, ec->b);
              cairo_move_to (cr, a->sx, a->sy);
              cairo_line_to (cr, b->sx, b->sy);
              _sam_map_renderer_set_rgb (cr, &th->accent, alpha);
              cairo_set_line_width (cr, _sam_map_renderer_edge_width (ec->relation->quality, t->scale) + 14);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
              cairo_stroke (cr);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
            }
        }
      else if (kind == SAM_MAP_KIND_LINK)
        {
          for (guint i = 0; i < self->links->len; i++)
            {
              const LinkCache *lc = &g_array_index (self->links, LinkCache, i);
              double p[8];

              if (!g_str_equal (lc->link->id, id))
                continue;

              _sam_map_renderer_link_geometry (self, lc, p);
              cairo_move_to (cr, p[0], p[1]);
              cairo_curve_to (cr,
                              p[0] + 2.0 / 3.0 * (p[2] - p[0]), p[1] + 2.0 / 3.0 * (p[3] - p[1]),
                              p[4] + 2.0 / 3.0 * (p[2] - p[4]), p[5] + 2.0 / 3.0 * (p[3] - p[5]),
                              p[4], p[5]);
              _sam_map_renderer_set_rgb (cr, &th->accent, alpha);
              cairo_set_line_width (cr, 16);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
              cairo_stroke (cr);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
            }
        }
    }
}

void
_sam_map_renderer_draw_belief_only_lines (SamMapRenderer *self,
                                          cairo_t        *cr)
{
  const Theme *th = _sam_map_renderer_theme (self);
  gboolean any = FALSE;

  /* Beliefs between teams without a relation still need something to sit
   * on: a hairline. */
  for (guint i = 0; i < self->badges->len; i++)
    {
      const BadgeCache *bc = &g_array_index (self->badges, BadgeCache, i);
      const NodeCache *h = &g_array_index (self->nodes, NodeCache, bc->holder);
      const NodeCache *a = &g_array_index (self->nodes, NodeCache, bc->about);

      if (bc->on_relation)
        continue;

      cairo_move_to (cr, h->sx, h->sy);
      cairo_line_to (cr, a->sx, a->sy);
      any = TRUE;
    }

  if (!any)
    return;

  _sam_map_renderer_set_rgb (cr, &th->muted, 0.5);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

PangoLayout *
_sam_map_renderer_count_layout (SamMapRenderer *self,
                                guint           count)
{
  guint slot = MIN (count, 10) - 1;

  if (self->count_layouts[slot] == NULL)
    {
      g_autofree char *text = count >= 10 ? g_strdup ("9+") : g_strdup_printf ("%u", count);
      self->count_layouts[slot] = _sam_map_renderer_make_layout (self, text, self->bold_font);
    }

  return self->count_layouts[slot];
}

void
_sam_map_renderer_badge_shape (cairo_t          *cr,
                               const BadgeCache *bc,
                               const NodeCache  *holder,
                               double            radius)
{
  double dx = holder->sx - bc->sx, dy = holder->sy - bc->sy;
  double d = sqrt (dx * dx + dy * dy) + 1e-9;
  double angle = atan2 (dy, dx);

  /* A speech bubble whose tail points at the team that holds the belief. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, bc->sx, bc->sy, radius, angle + 0.5, angle - 0.5 + 2 * G_PI);
  cairo_line_to (cr, bc->sx + dx / d * (radius + 7), bc->sy + dy / d * (radius + 7));
  cairo_close_path (cr);
}

/* A badge without its tail, drawn once per count and theme. */
static cairo_surface_t *
badge_sprite (SamMapRenderer *self,
              guint           count)
{
  guint slot = MIN (count, 10) - 1;
  const Theme *th = _sam_map_renderer_theme (self);
  int size = (int) ceil (2 * (BADGE_RADIUS + 2));

  if (self->badge_sprites_dark != (int) self->dark)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->badge_sprites); i++)
        g_clear_pointer (&self->badge_sprites[i], cairo_surface_destroy);
      self->badge_sprites_dark = self->dark;
    }

  if (self->badge_sprites[slot] == NULL)
    {
      cairo_surface_t *sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      cairo_t *scr = cairo_create (sprite);
      PangoLayout *layout = _sam_map_renderer_count_layout (self, count);
      double w, h, px = 16, f = px / REF_PX;

      cairo_arc (scr, size / 2.0, size / 2.0, BADGE_RADIUS, 0, 2 * G_PI);
      _sam_map_renderer_set_rgb (scr, &th->fg, 1.0);
      cairo_fill_preserve (scr);
      _sam_map_renderer_set_rgb (scr, &th->bg, 1.0);
      cairo_set_line_width (scr, 2);
      cairo_stroke (scr);
      _sam_map_renderer_layout_size (layout, &w, &h);
      _sam_map_renderer_show_scaled (scr, layout, size / 2.0 - w * f / 2, size / 2.0 - h * f / 2, px);
      cairo_destroy (scr);
      cairo_surface_flush (sprite);
      self->badge_sprites[slot] = sprite;
    }

  return self->badge_sprites[slot];
}

static void
draw_badges_raster (SamMapRenderer *self,
                    SamMapRaster   *raster)
{
  const Theme *th = _sam_map_renderer_theme (self);
  SamMapRasterColor fg;

  sam_map_raster_color (&fg, th->fg.r, th->fg.g, th->fg.b, 1.0);
  for (guint i = 0; i < self->badges->len; i++)
    {
      const BadgeCache *bc = &g_array_index (self->badges, BadgeCache, i);
      const NodeCache *holder = &g_array_index (self->nodes, NodeCache, bc->holder);
      cairo_surface_t *sprite = badge_sprite (self, bc->count);
      double dx = holder->sx - bc->sx, dy = holder->sy - bc->sy;
      double d = sqrt (dx * dx + dy * dy) + 1e-9;
      double ux = dx / d, uy = dy / d, r = BADGE_RADIUS;

      /* The tail points at the team that holds the belief. */
      sam_map_raster_line (raster, bc->sx, bc->sy, bc->sx + ux * (r + 2), bc->sy + uy * (r + 2),
                           r * 0.9, &fg, NULL, NULL);
      sam_map_raster_line (raster, bc->sx + ux * (r + 2), bc->sy + uy * (r + 2),
                           bc->sx + ux * (r + 7), bc->sy + uy * (r + 7), 3.5, &fg, NULL, NULL);
      sam_map_raster_blit (raster, sprite, bc->sx - cairo_image_surface_get_width (sprite) / 2.0,
                           bc->sy - cairo_image_surface_get_height (sprite) / 2.0);
    }
}

void
_sam_map_renderer_draw_badges (SamMapRenderer *self,
                               cairo_t        *cr)
{
  const Theme *th = _sam_map_renderer_theme (self);
  SamMapRaster raster;

  if (self->badges->len == 0)
    return;

  if (self->badges->len >= DENSE_BADGES && sam_map_raster_begin (&raster, cr))
    {
      draw_badges_raster (self, &raster);
      sam_map_raster_end (&raster);
      return;
    }

  for (guint i = 0; i < self->badges->len; i++)
    {
      const BadgeCache *bc = &g_array_index (self->badges, BadgeCache, i);
      _sam_map_renderer_badge_shape (cr, bc, &g_array_index (self->nodes, NodeCache, bc->holder), BADGE_RADIUS);
    }
  _sam_map_renderer_set_rgb (cr, &th->fg, 1.0);
  cairo_fill_preserve (cr);
  _sam_map_renderer_set_rgb (cr, &th->bg, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  for (guint i = 0; i < self->badges->len; i++)
    {
      const BadgeCache *bc = &g_array_index (self->badges, BadgeCache, i);
      PangoLayout *layout = _sam_map_renderer_count_layout (self, bc->count);
      double w, h, px = 16, f = px / REF_PX;

      _sam_map_renderer_layout_size (layout, &w, &h);
      _sam_map_renderer_show_scaled (cr, layout, bc->sx - w * f / 2, bc->sy - h * f / 2, px);
    }
}
