/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-map-renderer-private.h"

/* The drawing itself: the layer that does not change with hover and
 * selection, its cache, and what goes over it.  On an image (the cached
 * layer, a PNG) discs, labels, badges and the legend are painted from
 * sprites drawn once; on a vector target (PDF, SVG) they are shapes. */

/* Ratios of a new zoom to the cached layer's zoom within which the layer
 * can be shown scaled until it is drawn again: beyond them it blurs (or
 * leaves too much of the view empty). */
#define BASE_MIN_RATIO 0.5
#define BASE_MAX_RATIO 1.3

typedef enum
{
  BASE_MISSING,
  BASE_MOVED,     /* drawn for another pan or zoom */
  BASE_CURRENT,
} BaseState;

/* Pixels per unit of an image target drawn at a uniform scale, or 0 for
 * anything else (PDF, SVG, a recording, a rotated context). */
static double
target_pixel_scale (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t m;
  double sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return 0;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (m.xy != 0 || m.yx != 0 || m.xx != m.yy || m.xx <= 0 || sx != sy)
    return 0;

  return m.xx * sx;
}

/* The legend as one image, drawn again only when it changes; 1 unit of
 * room around it for its border. */
static cairo_surface_t *
legend_sprite (SamMapRenderer   *self,
               const SamMapRect *area,
               double            max_height,
               double            scale)
{
  cairo_t *scr;

  if (self->legend_sprite != NULL && self->legend_sprite_width == area->width &&
      self->legend_sprite_height == area->height && self->legend_sprite_max_height == max_height &&
      self->legend_sprite_scale == scale && self->legend_sprite_dark == (int) self->dark)
    return self->legend_sprite;

  g_clear_pointer (&self->legend_sprite, cairo_surface_destroy);
  self->legend_sprite = _sam_map_renderer_sprite_new (area->width + 2, area->height + 2, scale, &scr);
  sam_map_renderer_draw_legend (self, scr, 1, 1, max_height);
  cairo_destroy (scr);
  cairo_surface_flush (self->legend_sprite);

  self->legend_sprite_width = area->width;
  self->legend_sprite_height = area->height;
  self->legend_sprite_max_height = max_height;
  self->legend_sprite_scale = scale;
  self->legend_sprite_dark = self->dark;

  return self->legend_sprite;
}

static void
draw_legend (SamMapRenderer *self,
             cairo_t        *cr,
             double          width,
             double          height)
{
  SamMapRect area;
  double max_height;

  _sam_map_renderer_legend_placement (self, width, height, &area, &max_height);
  if (self->sprite_scale > 0)
    _sam_map_renderer_paint_sprite (cr, legend_sprite (self, &area, max_height, self->sprite_scale),
                                    area.x - 1, area.y - 1);
  else
    sam_map_renderer_draw_legend (self, cr, area.x, area.y, max_height);
}

/* Lines, discs, labels and badges of the current layer. */
static void
draw_content (SamMapRenderer        *self,
              cairo_t               *cr,
              const SamMapTransform *transform)
{
  _sam_map_renderer_draw_belief_only_lines (self, cr);
  _sam_map_renderer_draw_relations (self, cr, transform);
  _sam_map_renderer_draw_links (self, cr, transform);
  _sam_map_renderer_draw_nodes (self, cr);
  _sam_map_renderer_draw_labels (self, cr, transform);
  _sam_map_renderer_draw_badges (self, cr);
}

/**
 * sam_map_renderer_draw_background:
 * @cr: where to paint
 *
 * Paints the theme's background over all of @cr's clip: an export's page
 * in the colour of its map.
 */
void
sam_map_renderer_draw_background (SamMapRenderer *self,
                                  cairo_t        *cr)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  _sam_map_renderer_set_rgb (cr, &_sam_map_renderer_theme (self)->bg, 1.0);
  cairo_paint (cr);
}

/* Everything that does not depend on hover, the selected relation or a
 * drag in progress: the expensive part, which a cache can keep. */
static void
draw_base (SamMapRenderer        *self,
           cairo_t               *cr,
           const SamMapTransform *transform,
           double                 width,
           double                 height,
           gboolean               with_legend)
{
  const Theme *th = _sam_map_renderer_theme (self);

  if (!self->no_background || self->cache_scale > 0)
    {
      _sam_map_renderer_set_rgb (cr, &th->bg, 1.0);
      cairo_paint (cr);
    }

  if (self->model != NULL)
    {
      _sam_map_renderer_draw_change_bands (self, cr, transform);
      _sam_map_renderer_draw_removed_relations (self, cr);
      draw_content (self, cr, transform);
      _sam_map_renderer_draw_change_marks (self, cr);
    }

  if (with_legend && self->show_legend)
    draw_legend (self, cr, width, height);
}

static BaseState
base_state (SamMapRenderer        *self,
            const SamMapTransform *transform,
            double                 width,
            double                 height)
{
  const char *dim_node = self->selected_kind == SAM_MAP_KIND_NODE ? self->selected_id : NULL;
  gboolean same_model;
  double ratio;

  if (self->base == NULL ||
      self->base_start_serial != (self->start ? sam_map_model_get_serial (self->start) : 0) ||
      self->base_width != width || self->base_height != height ||
      self->base_dark != self->dark || self->base_legend != self->show_legend ||
      g_strcmp0 (self->base_dim_node, dim_node) != 0 ||
      g_strcmp0 (self->base_drag_id, self->drag_id) != 0)
    return BASE_MISSING;

  /* While a node is dragged only it moves; the layer without it stays. */
  if (self->drag_id != NULL)
    same_model = self->base_structure_serial == sam_map_model_get_structure_serial (self->model);
  else
    same_model = self->base_serial == sam_map_model_get_serial (self->model);
  if (!same_model)
    return BASE_MISSING;

  if (memcmp (&self->base_transform, transform, sizeof *transform) == 0)
    return BASE_CURRENT;
  if (!self->lazy_base)
    return BASE_MISSING;

  ratio = transform->scale / self->base_transform.scale;

  return ratio >= BASE_MIN_RATIO && ratio <= BASE_MAX_RATIO ? BASE_MOVED : BASE_MISSING;
}

static void
update_base (SamMapRenderer        *self,
             const SamMapTransform *transform,
             double                 width,
             double                 height)
{
  double s = self->cache_scale;
  cairo_t *bcr;

  g_clear_pointer (&self->base, cairo_surface_destroy);
  self->base = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * s),
                                           (int) ceil (height * s));
  cairo_surface_set_device_scale (self->base, s, s);
  bcr = cairo_create (self->base);
  self->layer = self->drag_index >= 0 ? LAYER_BASE : LAYER_ALL;
  draw_base (self, bcr, transform, width, height, TRUE);
  self->layer = LAYER_ALL;
  cairo_destroy (bcr);

  self->base_serial = sam_map_model_get_serial (self->model);
  self->base_structure_serial = sam_map_model_get_structure_serial (self->model);
  self->base_start_serial = self->start ? sam_map_model_get_serial (self->start) : 0;
  self->base_transform = *transform;
  self->base_width = width;
  self->base_height = height;
  self->base_dark = self->dark;
  self->base_legend = self->show_legend;
  g_free (self->base_dim_node);
  self->base_dim_node = g_strdup (self->selected_kind == SAM_MAP_KIND_NODE ? self->selected_id : NULL);
  g_free (self->base_drag_id);
  self->base_drag_id = g_strdup (self->drag_id);
}

/* The cached layer, moved and scaled from the view it was drawn for to
 * @transform when they differ: screen = (old screen) × ratio + shift. */
static void
paint_base (SamMapRenderer        *self,
            cairo_t               *cr,
            const SamMapTransform *transform,
            gboolean               moved)
{
  const SamMapTransform *b = &self->base_transform;
  double ratio = transform->scale / b->scale;

  if (!moved)
    {
      cairo_set_source_surface (cr, self->base, 0, 0);
      cairo_paint (cr);
      return;
    }

  /* what the old view did not show stays empty until the layer is
   * drawn again */
  _sam_map_renderer_set_rgb (cr, &_sam_map_renderer_theme (self)->bg, 1.0);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_translate (cr, transform->x_offset - b->x_offset * ratio,
                   transform->y_offset - b->y_offset * ratio);
  cairo_scale (cr, ratio, ratio);
  if (self->base_legend)
    {
      SamMapRect legend;
      double max_height;

      /* The legend keeps its place on the screen: leave it out here. */
      _sam_map_renderer_legend_placement (self, self->base_width, self->base_height, &legend, &max_height);
      cairo_rectangle (cr, 0, 0, self->base_width, self->base_height);
      cairo_rectangle (cr, legend.x - 1, legend.y - 1, legend.width + 2, legend.height + 2);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_clip (cr);
    }
  cairo_set_source_surface (cr, self->base, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
}

/**
 * sam_map_renderer_set_cache_scale:
 * @scale: the target's pixels per unit (a widget's scale, fractional on a
 *   fractionally scaled screen), or 0 to draw everything each time
 *
 * With a cache, the relations, nodes and labels are kept in an image and
 * only hover, selection and drag feedback are drawn again when they alone
 * change.  Exports leave it off.
 */
void
sam_map_renderer_set_cache_scale (SamMapRenderer *self,
                                  double          scale)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  if (self->cache_scale != scale)
    {
      self->cache_scale = MAX (scale, 0);
      g_clear_pointer (&self->base, cairo_surface_destroy);
    }
}

/**
 * sam_map_renderer_set_drag_node:
 * @id: (nullable): the node being dragged, or %NULL when the drag ends
 *
 * While a node is dragged, the cached layer leaves it out with its
 * relations, links, badges and label, and stays while only that node
 * moves: each frame draws just the dragged node and what hangs on it.
 */
void
sam_map_renderer_set_drag_node (SamMapRenderer *self,
                                const char     *id)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  if (g_strcmp0 (self->drag_id, id) != 0)
    {
      g_free (self->drag_id);
      self->drag_id = g_strdup (id);
    }
}

/**
 * sam_map_renderer_set_lazy_base:
 * @lazy: whether a draw may show the cached layer of another view
 *
 * While the user pans and zooms, a lazy renderer paints the cached layer
 * moved and scaled to the new view instead of drawing it again, as long
 * as the zoom changed too little to blur it.
 * sam_map_renderer_get_base_stale() then tells to draw again when the view
 * settles.
 */
void
sam_map_renderer_set_lazy_base (SamMapRenderer *self,
                                gboolean        lazy)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  self->lazy_base = !!lazy;
}

/**
 * sam_map_renderer_get_base_stale:
 *
 * Returns: %TRUE when the last draw showed the cached layer of another
 *   view (see sam_map_renderer_set_lazy_base())
 */
gboolean
sam_map_renderer_get_base_stale (SamMapRenderer *self)
{
  g_return_val_if_fail (SAM_IS_MAP_RENDERER (self), FALSE);

  return self->base_stale;
}

static void
draw_cached (SamMapRenderer        *self,
             cairo_t               *cr,
             const SamMapTransform *transform,
             double                 width,
             double                 height)
{
  BaseState state = base_state (self, transform, width, height);

  self->sprite_scale = self->cache_scale;
  if (state == BASE_MISSING)
    update_base (self, transform, width, height);
  self->base_stale = state == BASE_MOVED;
  paint_base (self, cr, transform, self->base_stale);

  if (self->drag_index >= 0)
    {
      self->layer = LAYER_DRAG;
      draw_content (self, cr, transform);
      self->layer = LAYER_ALL;
    }

  /* The legend keeps its place on the screen, whatever the view; while
   * a node is dragged, its lines may pass over the legend. */
  if (self->show_legend && self->base_stale)
    draw_legend (self, cr, width, height);
}

/**
 * sam_map_renderer_draw:
 * @cr: any cairo context (image, SVG, PDF, or a widget's snapshot)
 * @transform: world → screen transform
 * @width: width of the area to fill
 * @height: height of the area to fill
 *
 * Draws the background, relations, links, nodes, labels, belief badges,
 * comparison marks, the selection and, when enabled, the legend.
 */
void
sam_map_renderer_draw (SamMapRenderer        *self,
                       cairo_t               *cr,
                       const SamMapTransform *transform,
                       double                 width,
                       double                 height)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));
  g_return_if_fail (cr != NULL && transform != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  self->drag_index = -1;
  self->base_stale = FALSE;
  if (self->model != NULL)
    {
      _sam_map_renderer_ensure_geometry (self, transform);
      if (self->drag_id != NULL)
        {
          gboolean found;
          guint index = _sam_map_renderer_node_index (self, self->drag_id, &found);

          self->drag_index = found ? (int) index : -1;
        }
    }

  if (self->cache_scale > 0 && self->model != NULL)
    draw_cached (self, cr, transform, width, height);
  else
    {
      self->sprite_scale = target_pixel_scale (cr);
      draw_base (self, cr, transform, width, height, TRUE);
    }

  if (self->model != NULL)
    {
      _sam_map_renderer_draw_highlights (self, cr, transform);
      _sam_map_renderer_draw_node_rings (self, cr);
      _sam_map_renderer_draw_interaction (self, cr);
      /* the selection's texts go on top of everything */
      if (!self->hide_callout)
        _sam_map_renderer_draw_callout (self, cr, width, height);
    }

  cairo_restore (cr);
}
