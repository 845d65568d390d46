/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sam-map-renderer-private.h"

/* The renderer draws in screen coordinates: node positions are transformed,
 * but line widths, dashes, badges and text have sizes in pixels that change
 * only a little with zoom.  That keeps a map readable on a projector when
 * it is zoomed out to show every team. */

static const Theme light_theme = {
  .bg = { 0.980, 0.980, 0.975 },
  .fg = { 0.137, 0.137, 0.157 },
  .muted = { 0.45, 0.45, 0.47 },
  .accent = { 0.110, 0.443, 0.847 },
  .customer = { 0.30, 0.30, 0.33 },
  .quality = {
    { 0.66, 0.66, 0.68 },
    { 0.835, 0.369, 0.0 },
    { 0.835, 0.369, 0.0 },
    { 0.42, 0.42, 0.45 },
    { 0.0, 0.447, 0.698 },
    { 0.0, 0.447, 0.698 },
  },
  .link = { 0.66, 0.30, 0.52 },
  .improved = { 0.0, 0.62, 0.451 },
  .worsened = { 0.835, 0.369, 0.0 },
  .neutral_mark = { 0.40, 0.40, 0.42 },
};

static const Theme dark_theme = {
  .bg = { 0.141, 0.141, 0.141 },
  .fg = { 0.94, 0.94, 0.94 },
  .muted = { 0.65, 0.65, 0.67 },
  .accent = { 0.471, 0.682, 0.929 },
  .customer = { 0.80, 0.80, 0.82 },
  .quality = {
    { 0.45, 0.45, 0.47 },
    { 0.937, 0.490, 0.196 },
    { 0.937, 0.490, 0.196 },
    { 0.68, 0.68, 0.70 },
    { 0.337, 0.706, 0.914 },
    { 0.337, 0.706, 0.914 },
  },
  .link = { 0.80, 0.475, 0.655 },
  .improved = { 0.20, 0.75, 0.56 },
  .worsened = { 0.937, 0.490, 0.196 },
  .neutral_mark = { 0.70, 0.70, 0.72 },
};

/* Okabe & Ito's palette, which stays distinguishable with the common
 * colour vision deficiencies, plus a neutral grey. */
static const struct
{
  Rgb         rgb;
  const char *name;
} palette[] = {
  { { 0.902, 0.624, 0.000 }, N_("Orange") },
  { { 0.337, 0.706, 0.914 }, N_("Sky blue") },
  { { 0.000, 0.620, 0.451 }, N_("Bluish green") },
  { { 0.941, 0.894, 0.259 }, N_("Yellow") },
  { { 0.000, 0.447, 0.698 }, N_("Blue") },
  { { 0.835, 0.369, 0.000 }, N_("Vermillion") },
  { { 0.800, 0.475, 0.655 }, N_("Reddish purple") },
  { { 0.600, 0.600, 0.600 }, N_("Grey") },
};

G_DEFINE_FINAL_TYPE (SamMapRenderer, sam_map_renderer, G_TYPE_OBJECT)

guint
sam_map_palette_size (void)
{
  return G_N_ELEMENTS (palette);
}

/**
 * sam_map_palette_get:
 * @index: a team colour index; it wraps around the palette
 *
 * Gets a team colour from the colour-blind safe palette.
 */
void
sam_map_palette_get (guint   index,
                     double *red,
                     double *green,
                     double *blue)
{
  const Rgb *c = &palette[index % G_N_ELEMENTS (palette)].rgb;

  *red = c->r;
  *green = c->g;
  *blue = c->b;
}

const char *
sam_map_palette_name (guint index)
{
  return _(palette[index % G_N_ELEMENTS (palette)].name);
}

static void
invalidate_legend (SamMapRenderer *self)
{
  g_clear_pointer (&self->legend, g_ptr_array_unref);
  g_clear_object (&self->legend_title);
  g_clear_pointer (&self->legend_sprite, cairo_surface_destroy);
  g_clear_pointer (&self->base, cairo_surface_destroy);
}

static void
sam_map_renderer_finalize (GObject *object)
{
  SamMapRenderer *self = (SamMapRenderer *) object;

  _sam_map_renderer_clear_caches (self);
  invalidate_legend (self);
  _sam_map_renderer_clear_grid (self);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->badges, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->count_layouts); i++)
    g_clear_object (&self->count_layouts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->mark_layouts); i++)
    g_clear_object (&self->mark_layouts[i]);
  g_clear_pointer (&self->badge_sprites, g_hash_table_unref);
  g_clear_pointer (&self->dot_sprite, cairo_surface_destroy);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->change_by_relation, g_hash_table_unref);
  g_clear_object (&self->start);
  g_clear_object (&self->model);
  g_clear_object (&self->catalog);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->hover_id, g_free);
  g_clear_pointer (&self->pending_from, g_free);
  g_clear_pointer (&self->base, cairo_surface_destroy);
  g_clear_pointer (&self->base_dim_node, g_free);
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->base_drag_id, g_free);

  G_OBJECT_CLASS (sam_map_renderer_parent_class)->finalize (object);
}

static void
sam_map_renderer_class_init (SamMapRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_map_renderer_finalize;
}

static void
sam_map_renderer_init (SamMapRenderer *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options;

  self->badge_sprites = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
  self->badge_sprites_dark = -1;
  self->drag_index = -1;

  /* Metrics are not hinted, so a layout made at REF_PX scales linearly to
   * any size and can be cached across zoom levels. */
  self->context = pango_font_map_create_context (font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  self->font = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");
  pango_font_description_set_absolute_size (self->font, REF_PX * PANGO_SCALE);
  self->bold_font = pango_font_description_copy (self->font);
  pango_font_description_set_weight (self->bold_font, PANGO_WEIGHT_BOLD);

  self->nodes = g_array_new (FALSE, TRUE, sizeof (NodeCache));
  self->edges = g_array_new (FALSE, TRUE, sizeof (EdgeCache));
  self->badges = g_array_new (FALSE, TRUE, sizeof (BadgeCache));
  self->links = g_array_new (FALSE, TRUE, sizeof (LinkCache));
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->label_min_px = SAM_MAP_LABEL_MIN_PX;
  self->show_legend = TRUE;
}

/**
 * sam_map_renderer_new:
 * @model: (nullable): the map to draw
 *
 * A renderer caches text layouts and a spatial index for @model; use one
 * renderer per thread.
 */
SamMapRenderer *
sam_map_renderer_new (SamMapModel *model)
{
  SamMapRenderer *self = g_object_new (SAM_TYPE_MAP_RENDERER, NULL);

  sam_map_renderer_set_model (self, model);

  return self;
}

SamMapModel *
sam_map_renderer_get_model (SamMapRenderer *self)
{
  g_return_val_if_fail (SAM_IS_MAP_RENDERER (self), NULL);

  return self->model;
}

void
sam_map_renderer_set_model (SamMapRenderer *self,
                            SamMapModel    *model)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));
  g_return_if_fail (!model || SAM_IS_MAP_MODEL (model));

  if (g_set_object (&self->model, model))
    {
      _sam_map_renderer_clear_caches (self);
      self->changes_serial = 0;
    }
}

/**
 * sam_map_renderer_set_catalog:
 * @self: a renderer
 * @catalog: (nullable): the language of the map's readers, or %NULL for
 *   the UI's
 *
 * The language the legend and the customer's name are drawn in: a report
 * or an export in its readers' language draws its map in that language
 * too, whatever the UI speaks.
 */
void
sam_map_renderer_set_catalog (SamMapRenderer *self,
                              SamCatalog     *catalog)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));
  g_return_if_fail (catalog == NULL || SAM_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;

  _sam_map_renderer_clear_caches (self);
  invalidate_legend (self);
}

void
sam_map_renderer_set_dark (SamMapRenderer *self,
                           gboolean        dark)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  self->dark = !!dark;
}

gboolean
sam_map_renderer_get_dark (SamMapRenderer *self)
{
  g_return_val_if_fail (SAM_IS_MAP_RENDERER (self), FALSE);

  return self->dark;
}

void
sam_map_renderer_set_show_legend (SamMapRenderer *self,
                                  gboolean        show_legend)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  self->show_legend = !!show_legend;
}

/**
 * sam_map_renderer_set_paint_background:
 * @paint: whether sam_map_renderer_draw() paints the theme's background
 *
 * %TRUE by default.  An export that has painted its page in the same
 * colour turns it off: painting the map's area again was one more pass
 * over most of an 8 MB image, and changed no pixel.  Only without a cache
 * (sam_map_renderer_set_cache_scale()), whose layer needs its background.
 */
void
sam_map_renderer_set_paint_background (SamMapRenderer *self,
                                       gboolean        paint)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  self->no_background = !paint;
}

/**
 * sam_map_renderer_set_interactive:
 *
 * In an interactive map the selected node shows a handle to draw relations
 * from, and the legend explains how to draw one.
 */
void
sam_map_renderer_set_interactive (SamMapRenderer *self,
                                  gboolean        interactive)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  if (self->interactive != !!interactive)
    {
      self->interactive = !!interactive;
      invalidate_legend (self);
    }
}

/**
 * sam_map_renderer_set_show_callout:
 *
 * Whether the selected element's texts are drawn next to it.  A view with
 * a side panel that shows them already turns this off.
 */
void
sam_map_renderer_set_show_callout (SamMapRenderer *self,
                                   gboolean        show_callout)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  self->hide_callout = !show_callout;
}

/**
 * sam_map_renderer_set_label_min_size:
 * @px: the smallest label size in pixels
 *
 * Labels follow the zoom, but never get smaller than this.
 */
void
sam_map_renderer_set_label_min_size (SamMapRenderer *self,
                                     double          px)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  self->label_min_px = MAX (px, 4.0);
  self->geometry_valid = FALSE;
}

static gboolean
set_element (SamMapKind *kind_out,
             char      **id_out,
             SamMapKind  kind,
             const char *id)
{
  if (id == NULL)
    kind = SAM_MAP_KIND_NONE;
  if (kind == SAM_MAP_KIND_NONE)
    id = NULL;

  if (*kind_out == kind && g_strcmp0 (*id_out, id) == 0)
    return FALSE;

  *kind_out = kind;
  g_free (*id_out);
  *id_out = g_strdup (id);

  return TRUE;
}

void
sam_map_renderer_set_selection (SamMapRenderer *self,
                                SamMapKind      kind,
                                const char     *id)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  if (set_element (&self->selected_kind, &self->selected_id, kind, id))
    {
      g_clear_object (&self->callout);
      self->callout_valid = FALSE;
    }
}

void
sam_map_renderer_set_hover (SamMapRenderer *self,
                            SamMapKind      kind,
                            const char     *id)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  set_element (&self->hover_kind, &self->hover_id, kind, id);
}

/**
 * sam_map_renderer_set_comparison:
 * @start: (nullable): the earlier snapshot
 *
 * With a start snapshot, the renderer marks how each relation of its model
 * changed since @start.
 */
void
sam_map_renderer_set_comparison (SamMapRenderer *self,
                                 SamMapModel    *start)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  if (g_set_object (&self->start, start))
    {
      _sam_map_renderer_clear_caches (self);
      invalidate_legend (self);
      self->changes_serial = 0;
    }
}

/**
 * sam_map_renderer_set_pending_connection:
 * @from_id: (nullable): the node a relation is being drawn from
 * @x: pointer position in screen coordinates
 * @y: pointer position in screen coordinates
 */
void
sam_map_renderer_set_pending_connection (SamMapRenderer *self,
                                         const char     *from_id,
                                         double          x,
                                         double          y)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  if (g_strcmp0 (self->pending_from, from_id) != 0)
    {
      g_free (self->pending_from);
      self->pending_from = g_strdup (from_id);
    }
  self->pending_x = x;
  self->pending_y = y;
}

/* Drawing ---------------------------------------------------------------- */

const Theme *
_sam_map_renderer_theme (SamMapRenderer *self)
{
  return self->dark ? &dark_theme : &light_theme;
}

void
_sam_map_renderer_set_rgb (cairo_t   *cr,
                           const Rgb *c,
                           double     alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

void
_sam_map_renderer_show_scaled (cairo_t     *cr,
                               PangoLayout *layout,
                               double       x,
                               double       y,
                               double       px)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, px / REF_PX, px / REF_PX);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

double
_sam_map_renderer_edge_width (guint  quality,
                              double scale)
{
  double zoom = CLAMP (scale, 0.7, 1.5);

  if (quality == SAM_MAP_QUALITY_UNRATED)
    return 2.0 * zoom;

  return (1.5 + 1.1 * quality) * zoom;
}

/**
 * _sam_map_renderer_sprite_new:
 * @width: size in user units
 * @height: size in user units
 * @scale: pixels per user unit of the target
 * @cr: (out): a context to draw the sprite with, in user units
 *
 * Returns: (transfer full): a transparent ARGB32 image, @width × @scale
 *   pixels wide, for _sam_map_renderer_paint_sprite()
 */
cairo_surface_t *
_sam_map_renderer_sprite_new (double    width,
                              double    height,
                              double    scale,
                              cairo_t **cr)
{
  cairo_surface_t *sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                        MAX (1, (int) ceil (width * scale)),
                                                        MAX (1, (int) ceil (height * scale)));

  cairo_surface_set_device_scale (sprite, scale, scale);
  *cr = cairo_create (sprite);

  return sprite;
}

/**
 * _sam_map_renderer_paint_sprite:
 * @sprite: from _sam_map_renderer_sprite_new() at the target's pixel scale
 * @x: where its top left corner goes, in user units
 * @y: where its top left corner goes, in user units
 *
 * Paints @sprite on whole pixels of the target: placed between pixels it
 * would be resampled, which blurs it and costs several times as much.
 */
void
_sam_map_renderer_paint_sprite (cairo_t         *cr,
                                cairo_surface_t *sprite,
                                double           x,
                                double           y)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  double sx, sy, ox, oy;

  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_user_to_device (cr, &x, &y);
  x = (round (x * sx + ox) - ox) / sx;
  y = (round (y * sy + oy) - oy) / sy;
  cairo_device_to_user (cr, &x, &y);
  cairo_set_source_surface (cr, sprite, x, y);
  cairo_paint (cr);
}

/**
 * _sam_map_renderer_in_layer:
 * @a: a node index
 * @b: the other end of a line (@a again for a node itself)
 *
 * Whether the draw in progress covers what hangs on nodes @a and @b.
 */
gboolean
_sam_map_renderer_in_layer (SamMapRenderer *self,
                            guint           a,
                            guint           b)
{
  gboolean dragged = self->drag_index >= 0 &&
                     (a == (guint) self->drag_index || b == (guint) self->drag_index);

  switch (self->layer)
    {
    case LAYER_BASE:
      return !dragged;
    case LAYER_DRAG:
      return dragged;
    case LAYER_ALL:
    default:
      return TRUE;
    }
}

void
_sam_map_renderer_rounded_rect (cairo_t *cr,
                                double   x,
                                double   y,
                                double   w,
                                double   h,
                                double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/**
 * sam_map_renderer_get_bounds:
 * @bounds: (out): world rectangle around every node's disc
 *
 * Returns: %FALSE when the map has no nodes
 */
gboolean
sam_map_renderer_get_bounds (SamMapRenderer *self,
                             SamMapRect     *bounds)
{
  double x0 = G_MAXDOUBLE, y0_ = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1_ = -G_MAXDOUBLE;
  GPtrArray *nodes;

  g_return_val_if_fail (SAM_IS_MAP_RENDERER (self), FALSE);

  if (self->model == NULL)
    return FALSE;

  nodes = sam_map_model_get_nodes (self->model);
  if (nodes->len == 0)
    return FALSE;

  for (guint i = 0; i < nodes->len; i++)
    {
      const SamMapNode *n = g_ptr_array_index (nodes, i);
      double r = sam_map_node_radius (n);

      x0 = MIN (x0, n->x - r);
      y0_ = MIN (y0_, n->y - r);
      x1 = MAX (x1, n->x + r);
      y1_ = MAX (y1_, n->y + r);
    }

  bounds->x = x0;
  bounds->y = y0_;
  bounds->width = x1 - x0;
  bounds->height = y1_ - y0_;

  return TRUE;
}

/**
 * sam_map_renderer_fit:
 * @viewport: the screen area to fit the map in
 * @transform: (out): the transform that shows the whole map
 *
 * Leaves room around the discs for the labels below them.
 */
void
sam_map_renderer_fit (SamMapRenderer   *self,
                      const SamMapRect *viewport,
                      SamMapTransform  *transform)
{
  SamMapRect b;
  double margin, pad_l, pad_r, pad_t, pad_b, scale = 1;

  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  /* Some air around the map, more on a big screen: teams at the very
   * edge of a projected picture look cut off. */
  margin = CLAMP (0.035 * MIN (viewport->width, viewport->height), 12, 48);
  pad_l = pad_r = pad_t = pad_b = margin;

  if (!sam_map_renderer_get_bounds (self, &b))
    {
      transform->scale = 1;
      transform->x_offset = viewport->x;
      transform->y_offset = viewport->y;
      return;
    }

  _sam_map_renderer_ensure_cache (self);

  /* Labels have a screen size of their own: fit the discs, see how far
   * the labels stick out at that scale, shrink the room and fit again. */
  for (guint round = 0; round < 3; round++)
    {
      double avail_w = MAX (viewport->width - pad_l - pad_r, 40);
      double avail_h = MAX (viewport->height - pad_t - pad_b, 40);
      double f, left = 0, right = 0, top = 0, bottom = 0;

      scale = MIN (avail_w / MAX (b.width, 1), avail_h / MAX (b.height, 1));
      scale = CLAMP (scale, 0.05, 2.5);
      f = _sam_map_renderer_label_px (self, scale) / REF_PX;

      for (guint i = 0; i < self->nodes->len; i++)
        {
          const NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);
          double r = sam_map_node_radius (nc->node);
          double half = nc->label_w * f / 2 + 6;

          left = MAX (left, half - (nc->node->x - b.x) * scale);
          right = MAX (right, half - (b.x + b.width - nc->node->x) * scale);
          bottom = MAX (bottom, (nc->node->y + r - b.y - b.height) * scale + 4 +
                                nc->label_h * f + 4);
          /* a label moves above its disc when a badge or another label
           * takes its place below */
          top = MAX (top, nc->label_h * f + 8 - (nc->node->y - r - b.y) * scale);
        }

      pad_l = margin + MAX (left, 0);
      pad_r = margin + MAX (right, 0);
      pad_t = margin + MAX (top, 0);
      pad_b = margin + MAX (bottom, 0);
    }

  {
    double avail_w = MAX (viewport->width - pad_l - pad_r, 40);
    double avail_h = MAX (viewport->height - pad_t - pad_b, 40);

    transform->scale = scale;
    transform->x_offset = viewport->x + pad_l + (avail_w - b.width * scale) / 2 - b.x * scale;
    transform->y_offset = viewport->y + pad_t + (avail_h - b.height * scale) / 2 - b.y * scale;
  }
}
