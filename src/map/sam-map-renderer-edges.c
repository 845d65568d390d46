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
                               double   amplitude,
                               double   period)
{
  double dx = bx - ax, dy = by - ay;
  double len = sqrt (dx * dx + dy * dy);
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

/* The zigzag's corner @i of @n, as _sam_map_renderer_zigzag_path() draws
 * it: on the line at both ends, alternately left and right between. */
static void
zigzag_corner (const double  axis[5],
               guint         n,
               guint         i,
               double        amplitude,
               double       *x,
               double       *y)
{
  double along = (double) i / n * axis[4];
  double side = (i == 0 || i == n) ? 0 : ((i % 2) ? amplitude : -amplitude);

  /* axis: start, unit direction, length */
  *x = axis[0] + axis[2] * along - axis[3] * side;
  *y = axis[1] + axis[3] * along + axis[2] * side;
}

/* A thin zigzag as the outline of its stroke with mitred corners, to be
 * filled: cairo draws that in two thirds of the time of the stroke with
 * round joins, and up to a width of 2 the corners differ by half a pixel
 * at most. */
static void
zigzag_outline (cairo_t *cr,
                double   ax,
                double   ay,
                double   bx,
                double   by,
                double   amplitude,
                double   period,
                double   width)
{
  double len = hypot (bx - ax, by - ay);
  double axis[5];
  guint n;

  if (len < 1)
    return;

  axis[0] = ax;
  axis[1] = ay;
  axis[2] = (bx - ax) / len;
  axis[3] = (by - ay) / len;
  axis[4] = len;
  n = MAX ((guint) (len / (period / 2)), 2);

  /* one side forwards, the other backwards */
  for (int side = 1; side >= -1; side -= 2)
    for (guint k = 0; k <= n; k++)
      {
        guint i = side > 0 ? k : n - k;
        double x, y, qx, qy, dx, dy, d, nx = 0, ny = 0, m, reach;

        zigzag_corner (axis, n, i, amplitude, &x, &y);
        /* the sum of the unit normals of the segments before and after */
        for (int step = -1; step <= 1; step += 2)
          {
            if ((step < 0 && i == 0) || (step > 0 && i == n))
              continue;
            zigzag_corner (axis, n, i + step, amplitude, &qx, &qy);
            dx = (qx - x) * step;
            dy = (qy - y) * step;
            d = hypot (dx, dy);
            nx -= dy / d;
            ny += dx / d;
          }
        /* The side lies along their bisector, as far as makes it @width / 2
         * away from both segments: a butt end at both ends, a mitre at the
         * corners (never longer than @width). */
        m = hypot (nx, ny);
        reach = (i == 0 || i == n) ? width / 2 : width / MAX (m, 1.0);
        x += side * nx / m * reach;
        y += side * ny / m * reach;
        if (side > 0 && k == 0)
          cairo_move_to (cr, x, y);
        else
          cairo_line_to (cr, x, y);
      }
  cairo_close_path (cr);
}

/* The dashes of "some tension" on a line @width wide. */
static void
tension_dash (double width,
              double dash[2])
{
  dash[0] = 14.0 + width;
  dash[1] = 8.0 + width;
}

void
_sam_map_renderer_set_tension_style (cairo_t       *cr,
                                     SamMapTension  tension,
                                     double         width)
{
  if (tension == SAM_MAP_TENSION_SOME)
    {
      double d[2];

      tension_dash (width, d);
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

/* How a group of relations looks. */
typedef struct
{
  double edge;        /* the quality's width, which the dashes follow */
  double width;       /* of a plain or dashed line */
  double zigzag;      /* of a zigzag's strokes */
  double amplitude;
  double period;      /* of a zigzag's teeth */
  double dash[2];
} RelationStyle;

static void
relation_style (SamMapRenderer        *self,
                const SamMapTransform *t,
                guint                  quality,
                RelationStyle         *style)
{
  double width = _sam_map_renderer_edge_width (quality, t->scale);

  style->edge = width;
  style->width = width;
  style->zigzag = MAX (width * 0.7, 1.6);
  style->amplitude = 3.0 + width * 0.6;
  style->period = 16.0;
  tension_dash (width, style->dash);

  /* In a map this dense thick lines only hide each other: the colour
   * carries the quality, the zigzag and the dashes the tension; longer
   * teeth keep zigzags apart (and are fewer strokes to draw). */
  if (self->edges->len + self->links->len >= DENSE_LINES)
    {
      style->width = MIN (style->width, 1.4 + 0.1 * quality);
      style->zigzag = MIN (style->zigzag, 1.4 + 0.1 * quality);
      style->period = 24.0;
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
  RelationStyle style;

  relation_style (self, t, quality, &style);
  _sam_map_renderer_set_rgb (cr, &th->quality[quality], (selected_node >= 0 && !related) ? 0.22 : 1.0);
  cairo_set_line_width (cr, tension == SAM_MAP_TENSION_HIGH ? style.zigzag : style.width);
  _sam_map_renderer_set_tension_style (cr, tension, style.edge);

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
      if (!_sam_map_renderer_in_layer (self, ec->a, ec->b))
        continue;

      edge_endpoints (self, ec, &ax, &ay, &bx, &by);
      if (tension == SAM_MAP_TENSION_HIGH && style.zigzag <= 2.0)
        {
          zigzag_outline (cr, ax, ay, bx, by, style.amplitude, style.period, style.zigzag);
          cairo_fill (cr);
          continue;
        }
      if (tension == SAM_MAP_TENSION_HIGH)
        _sam_map_renderer_zigzag_path (cr, ax, ay, bx, by, style.amplitude, style.period);
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
                                  const SamMapTransform *t)
{
  int selected = _sam_map_renderer_selected_node_index (self);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* On an image, cairo's coarser anti-aliasing (16 levels) draws these
   * thin lines twice as fast and looks the same on a projector; zigzags
   * are most of the time of a full redraw. */
  if (self->sprite_scale > 0)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  /* With a selected node its relations are drawn on top and the others
   * fade, so the room sees that team's relations at a glance. */
  for (int pass = selected >= 0 ? 0 : 1; pass < 2; pass++)
    for (guint q = 0; q <= SAM_MAP_QUALITY_MAX; q++)
      for (guint tension = SAM_MAP_TENSION_NONE; tension <= SAM_MAP_TENSION_HIGH; tension++)
        draw_relation_group (self, cr, t, q, tension, selected, pass == 1);

  cairo_restore (cr);
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

/* The tip at (@x, @y), pointing along (@ux, @uy). */
static void
arrow_head_corners (double x,
                    double y,
                    double ux,
                    double uy,
                    double size,
                    double corners[6])
{
  corners[0] = x;
  corners[1] = y;
  corners[2] = x - ux * size - uy * size * 0.55;
  corners[3] = y - uy * size + ux * size * 0.55;
  corners[4] = x - ux * size + uy * size * 0.55;
  corners[5] = y - uy * size - ux * size * 0.55;
}

void
_sam_map_renderer_arrow_head (cairo_t *cr,
                              double   x,
                              double   y,
                              double   ux,
                              double   uy,
                              double   size)
{
  double c[6];

  arrow_head_corners (x, y, ux, uy, size, c);
  cairo_move_to (cr, c[0], c[1]);
  cairo_line_to (cr, c[2], c[3]);
  cairo_line_to (cr, c[4], c[5]);
  cairo_close_path (cr);
}

/* A link's dot, drawn once per size, pixel scale and theme. */
static cairo_surface_t *
dot_sprite (SamMapRenderer *self,
            double          radius)
{
  cairo_t *scr;

  if (self->dot_sprite != NULL && self->dot_sprite_radius == radius &&
      self->dot_sprite_scale == self->sprite_scale && self->dot_sprite_dark == (int) self->dark)
    return self->dot_sprite;

  g_clear_pointer (&self->dot_sprite, cairo_surface_destroy);
  self->dot_sprite = _sam_map_renderer_sprite_new (2 * radius + 2, 2 * radius + 2, self->sprite_scale, &scr);
  cairo_arc (scr, radius + 1, radius + 1, radius, 0, 2 * G_PI);
  _sam_map_renderer_set_rgb (scr, &_sam_map_renderer_theme (self)->link, 1.0);
  cairo_fill (scr);
  cairo_destroy (scr);
  cairo_surface_flush (self->dot_sprite);
  self->dot_sprite_radius = radius;
  self->dot_sprite_scale = self->sprite_scale;
  self->dot_sprite_dark = self->dark;

  return self->dot_sprite;
}

/* A link's dotted curve as dots along the quadratic curve from @p[0,1]
 * over @p[2,3] to (@ex, @ey), one every @step: on an image each dot is
 * painted from @sprite, else the dots are circles of one path. */
static void
link_dots (cairo_t         *cr,
           const double     p[8],
           double           ex,
           double           ey,
           double           radius,
           double           step,
           cairo_surface_t *sprite)
{
  const guint n = 32;
  double x = p[0], y = p[1], next = 0, walked = 0;

  for (guint k = 1; k <= n; k++)
    {
      double u = (double) k / n, v = 1 - u;
      double nx = v * v * p[0] + 2 * u * v * p[2] + u * u * ex;
      double ny = v * v * p[1] + 2 * u * v * p[3] + u * u * ey;
      double len = hypot (nx - x, ny - y);

      while (len > 0 && next <= walked + len)
        {
          double f = (next - walked) / len;
          double dx = x + (nx - x) * f, dy = y + (ny - y) * f;

          if (sprite != NULL)
            _sam_map_renderer_paint_sprite (cr, sprite, dx - radius - 1, dy - radius - 1);
          else
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, dx, dy, radius, 0, 2 * G_PI);
            }
          next += step;
        }
      walked += len;
      x = nx;
      y = ny;
    }
}

void
_sam_map_renderer_draw_links (SamMapRenderer        *self,
                              cairo_t               *cr,
                              const SamMapTransform *t)
{
  const Theme *th = _sam_map_renderer_theme (self);
  double width = 3.2 * CLAMP (t->scale, 0.8, 1.4);
  cairo_surface_t *sprite;

  if (self->links->len == 0)
    return;

  sprite = self->sprite_scale > 0 ? dot_sprite (self, width / 2) : NULL;
  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkCache *lc = &g_array_index (self->links, LinkCache, i);
      double p[8];

      if (!_sam_map_renderer_in_layer (self, lc->from, lc->to))
        continue;
      _sam_map_renderer_link_geometry (self, lc, p);
      link_dots (cr, p, p[4] - p[6] * 10, p[5] - p[7] * 10, width / 2, 6.6, sprite);
    }

  _sam_map_renderer_set_rgb (cr, &th->link, 1.0);
  if (sprite == NULL)
    cairo_fill (cr);

  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkCache *lc = &g_array_index (self->links, LinkCache, i);
      double p[8];

      if (!_sam_map_renderer_in_layer (self, lc->from, lc->to))
        continue;
      _sam_map_renderer_link_geometry (self, lc, p);
      _sam_map_renderer_arrow_head (cr, p[4], p[5], p[6], p[7], 13 + width);
      cairo_fill (cr);
    }
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

      if (bc->on_relation || !_sam_map_renderer_in_layer (self, bc->holder, bc->about))
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

/* A badge's tail: from the circle at ±0.5 radians around the direction of
 * the holder to a tip @reach beyond it. */
static void
badge_tail (const BadgeCache *bc,
            const NodeCache  *holder,
            double            radius,
            double            reach,
            double            corners[6])
{
  double angle = atan2 (holder->sy - bc->sy, holder->sx - bc->sx);

  corners[0] = bc->sx + radius * cos (angle + 0.5);
  corners[1] = bc->sy + radius * sin (angle + 0.5);
  corners[2] = bc->sx + radius * cos (angle - 0.5);
  corners[3] = bc->sy + radius * sin (angle - 0.5);
  corners[4] = bc->sx + (radius + reach) * cos (angle);
  corners[5] = bc->sy + (radius + reach) * sin (angle);
}

void
_sam_map_renderer_badge_shape (cairo_t          *cr,
                               const BadgeCache *bc,
                               const NodeCache  *holder,
                               double            radius)
{
  double angle = atan2 (holder->sy - bc->sy, holder->sx - bc->sx);
  double tail[6];

  /* A speech bubble whose tail points at the team that holds the belief. */
  badge_tail (bc, holder, radius, 7, tail);
  cairo_new_sub_path (cr);
  cairo_arc (cr, bc->sx, bc->sy, radius, angle + 0.5, angle - 0.5 + 2 * G_PI);
  cairo_line_to (cr, tail[4], tail[5]);
  cairo_close_path (cr);
}

/* One badge, whole: a speech bubble with the number of beliefs. */
static void
draw_badge (SamMapRenderer   *self,
            cairo_t          *cr,
            const BadgeCache *bc,
            const NodeCache  *holder)
{
  const Theme *th = _sam_map_renderer_theme (self);
  PangoLayout *layout = _sam_map_renderer_count_layout (self, bc->count);
  double w, h, px = 16, f = px / REF_PX;

  _sam_map_renderer_badge_shape (cr, bc, holder, BADGE_RADIUS);
  _sam_map_renderer_set_rgb (cr, &th->fg, 1.0);
  cairo_fill_preserve (cr);
  _sam_map_renderer_set_rgb (cr, &th->bg, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  _sam_map_renderer_layout_size (layout, &w, &h);
  _sam_map_renderer_show_scaled (cr, layout, bc->sx - w * f / 2, bc->sy - h * f / 2, px);
}

/* The direction of a badge's tail in steps of 2π / BADGE_ANGLES: a sprite
 * per count and step (a tail turned by less than a step moves its tip by
 * under half a pixel). */
#define BADGE_ANGLES 128
#define BADGE_SPRITE_HALF (BADGE_RADIUS + 7 + 3)
#define BADGE_SPRITES_MAX 400

static guint
badge_angle_step (const BadgeCache *bc,
                  const NodeCache  *holder)
{
  double angle = atan2 (holder->sy - bc->sy, holder->sx - bc->sx);
  int step = (int) lround (angle / (2 * G_PI) * BADGE_ANGLES);

  return (guint) ((step % BADGE_ANGLES + BADGE_ANGLES) % BADGE_ANGLES);
}

/* A badge with its tail, drawn once per count, direction, pixel scale and
 * theme; centred in a square of 2 × BADGE_SPRITE_HALF. */
static cairo_surface_t *
badge_sprite (SamMapRenderer *self,
              guint           count,
              guint           step)
{
  guint key = (MIN (count, 10) - 1) * BADGE_ANGLES + step + 1;
  cairo_surface_t *sprite;

  /* Dragging nodes around turns badges every way: past a few hundred
   * sprites (a few MB) start over rather than keep them all. */
  if (self->badge_sprites_dark != (int) self->dark || self->badge_sprites_scale != self->sprite_scale ||
      g_hash_table_size (self->badge_sprites) >= BADGE_SPRITES_MAX)
    {
      g_hash_table_remove_all (self->badge_sprites);
      self->badge_sprites_dark = self->dark;
      self->badge_sprites_scale = self->sprite_scale;
    }

  sprite = g_hash_table_lookup (self->badge_sprites, GUINT_TO_POINTER (key));
  if (sprite == NULL)
    {
      double angle = step * 2 * G_PI / BADGE_ANGLES;
      BadgeCache bc = { .count = count, .sx = BADGE_SPRITE_HALF, .sy = BADGE_SPRITE_HALF };
      NodeCache holder = { .sx = bc.sx + 100 * cos (angle), .sy = bc.sy + 100 * sin (angle) };
      cairo_t *scr;

      sprite = _sam_map_renderer_sprite_new (2 * BADGE_SPRITE_HALF, 2 * BADGE_SPRITE_HALF,
                                             self->sprite_scale, &scr);
      draw_badge (self, scr, &bc, &holder);
      cairo_destroy (scr);
      cairo_surface_flush (sprite);
      g_hash_table_insert (self->badge_sprites, GUINT_TO_POINTER (key), sprite);
    }

  return sprite;
}

void
_sam_map_renderer_draw_badges (SamMapRenderer *self,
                               cairo_t        *cr)
{
  double clip[4];

  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);
  /* One badge after the other, each whole over the ones before. */
  for (guint i = 0; i < self->badges->len; i++)
    {
      const BadgeCache *bc = &g_array_index (self->badges, BadgeCache, i);
      const NodeCache *holder = &g_array_index (self->nodes, NodeCache, bc->holder);

      if (!_sam_map_renderer_in_layer (self, bc->holder, bc->about) ||
          _sam_map_renderer_outside_clip (clip, bc->sx, bc->sy, BADGE_SPRITE_HALF))
        continue;

      if (self->sprite_scale > 0)
        _sam_map_renderer_paint_sprite (cr, badge_sprite (self, bc->count, badge_angle_step (bc, holder)),
                                        bc->sx - BADGE_SPRITE_HALF, bc->sy - BADGE_SPRITE_HALF);
      else
        draw_badge (self, cr, bc, holder);
    }
}
