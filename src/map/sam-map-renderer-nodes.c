/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sam-map-renderer-private.h"

/* Team and customer discs, their labels and rings, and the connect handle. */

#define HANDLE_RADIUS   11.0

int
_sam_map_renderer_selected_node_index (SamMapRenderer *self)
{
  gboolean found;
  guint idx;

  if (self->selected_kind != SAM_MAP_KIND_NODE)
    return -1;

  idx = _sam_map_renderer_node_index (self, self->selected_id, &found);

  return found ? (int) idx : -1;
}

/* A head and shoulders, so the customer reads as a person. */
void
_sam_map_renderer_person_pictogram (cairo_t   *cr,
                                    double     x,
                                    double     y,
                                    double     size,
                                    const Rgb *color)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y - size * 0.42, size * 0.36, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y + size * 0.75, size * 0.78, G_PI, 2 * G_PI);
  cairo_close_path (cr);
  _sam_map_renderer_set_rgb (cr, color, 1.0);
  cairo_fill (cr);
}

static void draw_node (SamMapRenderer  *self,
                       cairo_t         *cr,
                       const NodeCache *nc);

/* A node's disc (or the customer's square) with its number of people,
 * drawn once per size, pixel scale and theme. */
static cairo_surface_t *
node_sprite (SamMapRenderer *self,
             NodeCache      *nc,
             double          scale,
             double         *half)
{
  /* room for the customer's outer ring and the disc's border */
  double size = ceil (2 * nc->sr + 10);

  *half = size / 2;
  if (nc->sprite != NULL && nc->sprite_r == nc->sr && nc->sprite_scale == scale &&
      nc->sprite_dark == (int) self->dark)
    return nc->sprite;

  g_clear_pointer (&nc->sprite, cairo_surface_destroy);
  {
    cairo_t *scr;
    cairo_surface_t *sprite = _sam_map_renderer_sprite_new (size, size, scale, &scr);
    NodeCache centred = *nc;

    centred.sx = size / 2;
    centred.sy = size / 2;
    draw_node (self, scr, &centred);
    cairo_destroy (scr);
    cairo_surface_flush (sprite);
    nc->sprite = sprite;
    nc->sprite_r = nc->sr;
    nc->sprite_scale = scale;
    nc->sprite_dark = self->dark;
  }

  return nc->sprite;
}

void
_sam_map_renderer_draw_nodes (SamMapRenderer *self,
                              cairo_t        *cr)
{
  double clip[4];

  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);

      /* a customer's square and its outer line reach 0.9 × sr + 4.5 */
      if (!_sam_map_renderer_in_layer (self, i, i) ||
          _sam_map_renderer_outside_clip (clip, nc->sx, nc->sy, nc->sr + 6))
        continue;

      if (self->sprite_scale > 0)
        {
          double half;
          cairo_surface_t *sprite = node_sprite (self, nc, self->sprite_scale, &half);

          _sam_map_renderer_paint_sprite (cr, sprite, nc->sx - half, nc->sy - half);
        }
      else
        draw_node (self, cr, nc);
    }
}

static void
draw_node (SamMapRenderer  *self,
           cairo_t         *cr,
           const NodeCache *nc)
{
  const Theme *th = _sam_map_renderer_theme (self);
  double r, g, b;

  if (nc->node->type == SAM_MAP_NODE_CUSTOMER)
    {
      double side = nc->sr * 1.8;

      _sam_map_renderer_rounded_rect (cr, nc->sx - side / 2, nc->sy - side / 2, side, side, nc->sr * 0.35);
      _sam_map_renderer_set_rgb (cr, &th->customer, 1.0);
      cairo_fill_preserve (cr);
      _sam_map_renderer_set_rgb (cr, &th->bg, 1.0);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
      _sam_map_renderer_rounded_rect (cr, nc->sx - side / 2 - 3.5, nc->sy - side / 2 - 3.5,
                                      side + 7, side + 7, nc->sr * 0.35 + 3);
      _sam_map_renderer_set_rgb (cr, &th->customer, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      _sam_map_renderer_person_pictogram (cr, nc->sx, nc->sy, nc->sr * 0.55, &th->bg);
    }
  else
    {
      sam_map_palette_get (nc->node->color, &r, &g, &b);
      cairo_new_sub_path (cr);
      cairo_arc (cr, nc->sx, nc->sy, nc->sr, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill_preserve (cr);
      _sam_map_renderer_set_rgb (cr, &th->fg, 0.75);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  if (nc->people && nc->sr >= 13)
    {
      double px = MIN (nc->sr * 0.75, 22.0);
      double f = px / REF_PX;

      if (nc->light_text)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        cairo_set_source_rgb (cr, 0.08, 0.08, 0.1);
      _sam_map_renderer_show_scaled (cr, nc->people, nc->sx - nc->people_w * f / 2,
                                     nc->sy - nc->people_h * f / 2, px);
    }
}

/* Selection and hover rings: drawn over the cached layer. */
void
_sam_map_renderer_draw_node_rings (SamMapRenderer *self,
                                   cairo_t        *cr)
{
  const Theme *th = _sam_map_renderer_theme (self);
  int selected = _sam_map_renderer_selected_node_index (self);
  gboolean found;
  guint hover;

  if (selected >= 0)
    {
      const NodeCache *nc = &g_array_index (self->nodes, NodeCache, selected);

      cairo_new_sub_path (cr);
      cairo_arc (cr, nc->sx, nc->sy, nc->sr + 7, 0, 2 * G_PI);
      _sam_map_renderer_set_rgb (cr, &th->accent, 1.0);
      cairo_set_line_width (cr, 4);
      cairo_stroke (cr);
    }

  if (self->hover_kind != SAM_MAP_KIND_NODE)
    return;

  hover = _sam_map_renderer_node_index (self, self->hover_id, &found);
  if (found && (int) hover != selected)
    {
      const NodeCache *nc = &g_array_index (self->nodes, NodeCache, hover);

      cairo_new_sub_path (cr);
      cairo_arc (cr, nc->sx, nc->sy, nc->sr + 6, 0, 2 * G_PI);
      _sam_map_renderer_set_rgb (cr, &th->accent, 0.5);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
}

/* A label's halo and its text as two images, with 1 unit of room on each
 * side of the halo (_sam_map_renderer_draw_labels() draws the same). */
static void
label_sprites (SamMapRenderer *self,
               NodeCache      *nc,
               double          px,
               double          scale)
{
  const Theme *th = _sam_map_renderer_theme (self);
  double f = px / REF_PX, w = nc->label_w * f, h = nc->label_h * f;
  cairo_t *scr;

  if (nc->halo_sprite != NULL && nc->label_sprite_px == px &&
      nc->label_sprite_scale == scale && nc->label_sprite_dark == (int) self->dark)
    return;

  g_clear_pointer (&nc->halo_sprite, cairo_surface_destroy);
  g_clear_pointer (&nc->text_sprite, cairo_surface_destroy);

  nc->halo_sprite = _sam_map_renderer_sprite_new (w + 12, h + 4, scale, &scr);
  _sam_map_renderer_rounded_rect (scr, 1, 1, w + 10, h + 2, 6);
  _sam_map_renderer_set_rgb (scr, &th->bg, 0.82);
  cairo_fill (scr);
  cairo_destroy (scr);
  cairo_surface_flush (nc->halo_sprite);

  /* The layout is 180 px wide at REF_PX, the text centred in it. */
  nc->text_sprite = _sam_map_renderer_sprite_new (w + 12, h + 4, scale, &scr);
  _sam_map_renderer_set_rgb (scr, &th->fg, 1.0);
  _sam_map_renderer_show_scaled (scr, nc->label, 6 + w / 2 - 90 * f, 2, px);
  cairo_destroy (scr);
  cairo_surface_flush (nc->text_sprite);

  nc->label_sprite_px = px;
  nc->label_sprite_scale = scale;
  nc->label_sprite_dark = self->dark;
}

void
_sam_map_renderer_draw_labels (SamMapRenderer        *self,
                               cairo_t               *cr,
                               const SamMapTransform *t)
{
  const Theme *th = _sam_map_renderer_theme (self);
  double px = _sam_map_renderer_label_px (self, t->scale);
  double f = px / REF_PX;

  /* Halos first, then the text: a halo never covers another label's name. */
  if (self->sprite_scale > 0)
    {
      for (guint i = 0; i < self->nodes->len; i++)
        {
          NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);

          if (!_sam_map_renderer_in_layer (self, i, i))
            continue;
          label_sprites (self, nc, px, self->sprite_scale);
          _sam_map_renderer_paint_sprite (cr, nc->halo_sprite, nc->lx - 6, nc->ly - 2);
        }
      for (guint i = 0; i < self->nodes->len; i++)
        {
          const NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);

          if (_sam_map_renderer_in_layer (self, i, i))
            _sam_map_renderer_paint_sprite (cr, nc->text_sprite, nc->lx - 6, nc->ly - 2);
        }
      return;
    }

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);

      if (!_sam_map_renderer_in_layer (self, i, i))
        continue;
      _sam_map_renderer_rounded_rect (cr, nc->lx - 5, nc->ly - 1, nc->lw + 10, nc->lh + 2, 6);
    }
  _sam_map_renderer_set_rgb (cr, &th->bg, 0.82);
  cairo_fill (cr);

  _sam_map_renderer_set_rgb (cr, &th->fg, 1.0);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);

      if (!_sam_map_renderer_in_layer (self, i, i))
        continue;
      /* The layout is 180 px wide at REF_PX and centred in it. */
      _sam_map_renderer_show_scaled (cr, nc->label, nc->sx - 90 * f, nc->ly, px);
    }
}

/**
 * _sam_map_renderer_handle_position:
 *
 * The connect handle sits on the ring of the selected node, up and to the
 * right, when the renderer is interactive.
 */
gboolean
_sam_map_renderer_handle_position (SamMapRenderer *self,
                                   double         *x,
                                   double         *y,
                                   double         *r)
{
  int selected = _sam_map_renderer_selected_node_index (self);
  const NodeCache *nc;

  if (!self->interactive || selected < 0 || self->pending_from != NULL)
    return FALSE;

  nc = &g_array_index (self->nodes, NodeCache, selected);
  *x = nc->sx + (nc->sr + 7) * cos (-G_PI / 4);
  *y = nc->sy + (nc->sr + 7) * sin (-G_PI / 4);
  *r = HANDLE_RADIUS;

  return TRUE;
}

void
_sam_map_renderer_draw_interaction (SamMapRenderer *self,
                                    cairo_t        *cr)
{
  const Theme *th = _sam_map_renderer_theme (self);
  double x, y, r;

  if (_sam_map_renderer_handle_position (self, &x, &y, &r))
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      _sam_map_renderer_set_rgb (cr, &th->accent, 1.0);
      cairo_fill_preserve (cr);
      _sam_map_renderer_set_rgb (cr, &th->bg, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_move_to (cr, x - r * 0.5, y);
      cairo_line_to (cr, x + r * 0.5, y);
      cairo_move_to (cr, x, y - r * 0.5);
      cairo_line_to (cr, x, y + r * 0.5);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }

  if (self->pending_from)
    {
      static const double dash[] = { 8.0, 6.0 };
      gboolean found;
      guint idx = _sam_map_renderer_node_index (self, self->pending_from, &found);
      const NodeCache *nc;

      if (!found)
        return;

      nc = &g_array_index (self->nodes, NodeCache, idx);
      cairo_move_to (cr, nc->sx, nc->sy);
      cairo_line_to (cr, self->pending_x, self->pending_y);
      _sam_map_renderer_set_rgb (cr, &th->accent, 1.0);
      cairo_set_line_width (cr, 4);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_new_sub_path (cr);
      cairo_arc (cr, self->pending_x, self->pending_y, 7, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}
