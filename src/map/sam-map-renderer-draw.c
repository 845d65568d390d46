/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-map-raster.h"
#include "sam-map-renderer-private.h"

/* The drawing itself: the layer that does not change with hover and
 * selection (drawn by the rasteriser for a dense map on an image, else by
 * cairo), its cache, and what goes over it. */

/* The legend as one image for the rasteriser, drawn again only when it
 * changes; 1 unit of room around it for its border. */
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

/* Everything that does not depend on hover, the selected relation or a
 * drag in progress: the expensive part, which a cache can keep. */
static void
draw_base (SamMapRenderer        *self,
           cairo_t               *cr,
           const SamMapTransform *transform,
           double                 width,
           double                 height)
{
  SamMapRaster raster;
  SamMapRaster *fast = NULL;
  const Theme *th = _sam_map_renderer_theme (self);
  SamMapRect legend_area;
  double legend_max_height;
  /* A dense map on an image (the widget's layer, a PNG) is drawn by the
   * rasteriser: cairo needs ~150 ms for 1,000 relations, the rasteriser a
   * few.  Only the comparison's marks stay with cairo. */
  gboolean dense = self->model != NULL &&
                   (self->edges->len + self->links->len >= DENSE_LINES ||
                    self->nodes->len >= DENSE_NODES || self->badges->len >= DENSE_BADGES);

  if (dense && self->changes == NULL && sam_map_raster_begin (&raster, cr, self->raster_queue))
    {
      SamMapRasterColor bg;

      fast = &raster;
      sam_map_raster_color (&bg, th->bg.r, th->bg.g, th->bg.b, 1.0);
      sam_map_raster_fill (fast, &bg);
    }
  else
    {
      _sam_map_renderer_set_rgb (cr, &th->bg, 1.0);
      cairo_paint (cr);
      if (self->model != NULL)
        {
          _sam_map_renderer_draw_change_bands (self, cr, transform);
          _sam_map_renderer_draw_removed_relations (self, cr);
        }
      if (dense && sam_map_raster_begin (&raster, cr, self->raster_queue))
        fast = &raster;
    }

  if (self->model != NULL)
    {
      _sam_map_renderer_draw_belief_only_lines (self, cr, fast);
      _sam_map_renderer_draw_relations (self, cr, transform, fast);
      _sam_map_renderer_draw_links (self, cr, transform, fast);
      _sam_map_renderer_draw_nodes (self, cr, fast);
      _sam_map_renderer_draw_labels (self, cr, transform, fast);
      _sam_map_renderer_draw_badges (self, cr, fast);
    }

  if (self->show_legend)
    _sam_map_renderer_legend_placement (self, width, height, &legend_area, &legend_max_height);

  if (fast != NULL && self->changes == NULL)
    {
      if (self->show_legend)
        {
          cairo_surface_t *sprite = legend_sprite (self, &legend_area, legend_max_height, fast->scale);

          sam_map_raster_blit (fast, sprite, legend_area.x - 1, legend_area.y - 1);
        }
      sam_map_raster_end (fast);
      return;
    }

  if (fast != NULL)
    sam_map_raster_end (fast);
  if (self->model != NULL)
    _sam_map_renderer_draw_change_marks (self, cr);
  if (self->show_legend)
    sam_map_renderer_draw_legend (self, cr, legend_area.x, legend_area.y, legend_max_height);
}

static gboolean
base_is_current (SamMapRenderer        *self,
                 const SamMapTransform *transform,
                 double                 width,
                 double                 height)
{
  const char *dim_node = self->selected_kind == SAM_MAP_KIND_NODE ? self->selected_id : NULL;

  return self->base != NULL &&
         self->base_serial == sam_map_model_get_serial (self->model) &&
         self->base_start_serial == (self->start ? sam_map_model_get_serial (self->start) : 0) &&
         memcmp (&self->base_transform, transform, sizeof *transform) == 0 &&
         self->base_width == width && self->base_height == height &&
         self->base_dark == self->dark && self->base_legend == self->show_legend &&
         g_strcmp0 (self->base_dim_node, dim_node) == 0;
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
  draw_base (self, bcr, transform, width, height);
  cairo_destroy (bcr);

  self->base_serial = sam_map_model_get_serial (self->model);
  self->base_start_serial = self->start ? sam_map_model_get_serial (self->start) : 0;
  self->base_transform = *transform;
  self->base_width = width;
  self->base_height = height;
  self->base_dark = self->dark;
  self->base_legend = self->show_legend;
  g_free (self->base_dim_node);
  self->base_dim_node = g_strdup (self->selected_kind == SAM_MAP_KIND_NODE ? self->selected_id : NULL);
}

/**
 * sam_map_renderer_set_cache_scale:
 * @scale: the target's pixels per unit (a widget's scale factor), or 0 to
 *   draw everything each time
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

  if (self->model != NULL)
    _sam_map_renderer_ensure_geometry (self, transform);

  if (self->cache_scale > 0 && self->model != NULL)
    {
      if (!base_is_current (self, transform, width, height))
        update_base (self, transform, width, height);
      cairo_set_source_surface (cr, self->base, 0, 0);
      cairo_paint (cr);
    }
  else
    draw_base (self, cr, transform, width, height);

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
