/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sam-map-raster.h"
#include "sam-map-renderer-private.h"

/* The renderer draws in screen coordinates: node positions are transformed,
 * but line widths, dashes, badges and text have sizes in pixels that change
 * only a little with zoom.  That keeps a map readable on a projector when
 * it is zoomed out to show every team. */

#define LABEL_WORLD_PX  18.0
#define LABEL_MAX_PX    26.0
#define BADGE_RADIUS    13.0
#define BADGE_CLEAR     (BADGE_RADIUS + 3.0)  /* room a badge keeps from labels */
#define HANDLE_RADIUS   11.0
#define LEGEND_ROW      28.0
#define LEGEND_SYMBOL   54.0
#define LEGEND_TEXT_PX  15.0
#define LEGEND_PAD      14.0

typedef struct
{
  double r, g, b;
} Rgb;

typedef struct
{
  Rgb bg;
  Rgb fg;
  Rgb muted;
  Rgb accent;
  Rgb customer;
  Rgb quality[SAM_MAP_QUALITY_MAX + 1];
  Rgb link;
  Rgb improved;
  Rgb worsened;
  Rgb neutral_mark;
} Theme;

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

typedef enum
{
  LEGEND_TEAM,
  LEGEND_CUSTOMER,
  LEGEND_QUALITY,
  LEGEND_TENSION,
  LEGEND_BADGE,
  LEGEND_LINK,
  LEGEND_CHANGE,
  LEGEND_HINT,
} LegendSymbol;

typedef struct
{
  LegendSymbol  symbol;
  guint         param;
  PangoLayout  *layout;
} LegendEntry;

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

static const char *
node_name (SamMapModel *model,
           const char  *id)
{
  const SamMapNode *node = sam_map_model_get_node (model, id);

  return node ? node->name : "";
}

/**
 * sam_map_describe:
 *
 * Describes an element in words, for the accessible description of the map
 * and for tooltips, e.g. “Relation Sales – IT: works well, some tension,
 * 2 beliefs”.
 *
 * Returns: (transfer full) (nullable): the description
 */
char *
sam_map_describe (SamMapModel *model,
                  SamMapKind   kind,
                  const char  *id)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (model), NULL);

  if (kind == SAM_MAP_KIND_NODE)
    {
      const SamMapNode *node = sam_map_model_get_node (model, id);
      GPtrArray *relations = sam_map_model_get_relations (model);
      guint n = 0;

      if (node == NULL)
        return NULL;

      for (guint i = 0; i < relations->len; i++)
        {
          const SamMapRelation *r = g_ptr_array_index (relations, i);
          if (g_str_equal (r->node_a, id) || g_str_equal (r->node_b, id))
            n++;
        }

      if (node->type == SAM_MAP_NODE_CUSTOMER)
        /* Translators: the customer node; %s is its name, %u a count */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Customer %s, %u relation",
                                             "Customer %s, %u relations", n),
                                node->name, n);

      /* Translators: team name, number of people, number of relations */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Team %s, %u people, %u relation",
                                           "Team %s, %u people, %u relations", n),
                              node->name, node->people, n);
    }

  if (kind == SAM_MAP_KIND_RELATION)
    {
      const SamMapRelation *r = sam_map_model_get_relation (model, id);
      g_autofree char *quality = NULL;
      g_autofree char *tension = NULL;
      guint beliefs;

      if (r == NULL)
        return NULL;

      quality = g_utf8_strdown (sam_map_quality_to_string (r->quality), -1);
      tension = g_utf8_strdown (sam_map_tension_to_string (r->tension), -1);
      beliefs = sam_map_model_count_beliefs (model, r->node_a, r->node_b);

      /* Translators: “Relation Sales – IT: works well, some tension, 2 beliefs” */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Relation %s – %s: %s, %s, %u belief",
                                           "Relation %s – %s: %s, %s, %u beliefs", beliefs),
                              node_name (model, r->node_a), node_name (model, r->node_b),
                              quality, tension, beliefs);
    }

  if (kind == SAM_MAP_KIND_BELIEF)
    {
      const SamMapBelief *b = sam_map_model_get_belief (model, id);

      if (b == NULL)
        return NULL;

      /* Translators: “Belief of Sales about IT: IT causes the delay (strength 4 of 5)” */
      return g_strdup_printf (_("Belief of %s about %s: %s (strength %u of 5)"),
                              node_name (model, b->holder), node_name (model, b->about),
                              b->text, b->strength);
    }

  if (kind == SAM_MAP_KIND_LINK)
    {
      const SamMapLink *l = sam_map_model_get_link (model, id);

      if (l == NULL)
        return NULL;

      /* Translators: “Strength of Sales (knows customers) can help IT with: unclear requests” */
      return g_strdup_printf (_("Strength of %s (%s) can help %s with: %s"),
                              node_name (model, l->from), l->strength,
                              node_name (model, l->to), l->challenge);
    }

  return NULL;
}

static void
clear_caches (SamMapRenderer *self)
{
  for (guint i = 0; self->nodes && i < self->nodes->len; i++)
    {
      NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);
      g_clear_object (&nc->label);
      g_clear_object (&nc->people);
      g_clear_pointer (&nc->sprite, cairo_surface_destroy);
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

static void
legend_entry_free (LegendEntry *entry)
{
  g_clear_object (&entry->layout);
  g_free (entry);
}

static void
invalidate_legend (SamMapRenderer *self)
{
  g_clear_pointer (&self->legend, g_ptr_array_unref);
  g_clear_object (&self->legend_title);
  g_clear_pointer (&self->base, cairo_surface_destroy);
}

static void
sam_map_renderer_finalize (GObject *object)
{
  SamMapRenderer *self = (SamMapRenderer *) object;

  clear_caches (self);
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
  for (guint i = 0; i < G_N_ELEMENTS (self->badge_sprites); i++)
    g_clear_pointer (&self->badge_sprites[i], cairo_surface_destroy);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->change_by_relation, g_hash_table_unref);
  g_clear_object (&self->start);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->hover_id, g_free);
  g_clear_pointer (&self->pending_from, g_free);
  g_clear_pointer (&self->base, cairo_surface_destroy);
  g_clear_pointer (&self->base_dim_node, g_free);

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

  self->badge_sprites_dark = -1;

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
      clear_caches (self);
      self->changes_serial = 0;
    }
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
      clear_caches (self);
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

/* Caches ----------------------------------------------------------------- */

static PangoLayout *
make_layout (SamMapRenderer             *self,
             const char                 *text,
             const PangoFontDescription *font)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *w,
             double      *h)
{
  PangoRectangle ink, logical;

  pango_layout_get_extents (layout, &ink, &logical);
  *w = logical.width / (double) PANGO_SCALE;
  *h = logical.height / (double) PANGO_SCALE;
}

static guint
node_index (SamMapRenderer *self,
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
  nc.label = make_layout (self, node->name, self->bold_font);
  pango_layout_set_alignment (nc.label, PANGO_ALIGN_CENTER);
  pango_layout_set_width (nc.label, 180 * PANGO_SCALE);
  pango_layout_set_wrap (nc.label, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (nc.label, -2);
  pango_layout_set_ellipsize (nc.label, PANGO_ELLIPSIZE_END);
  layout_size (nc.label, &nc.label_w, &nc.label_h);
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

      nc.people = make_layout (self, text, self->bold_font);
      layout_size (nc.people, &nc.people_w, &nc.people_h);
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

      bc.holder = node_index (self, b->holder, &ok_h);
      bc.about = node_index (self, b->about, &ok_a);
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

  clear_caches (self);
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

      ec.a = node_index (self, r->node_a, &ok_a);
      ec.b = node_index (self, r->node_b, &ok_b);
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

      lc.from = node_index (self, l->from, &ok_a);
      lc.to = node_index (self, l->to, &ok_b);
      lc.link = l;
      if (ok_a && ok_b)
        g_array_append_val (self->links, lc);
    }

  cache_beliefs (self);

  self->cache_serial = serial;
  self->cache_valid = TRUE;
}

static double
label_px (SamMapRenderer *self,
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

  lpx = label_px (self, t->scale);
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

/* Drawing ---------------------------------------------------------------- */

static const Theme *
theme (SamMapRenderer *self)
{
  return self->dark ? &dark_theme : &light_theme;
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *c,
         double     alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

static void
show_scaled (cairo_t     *cr,
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

static double
edge_width (guint  quality,
            double scale)
{
  double zoom = CLAMP (scale, 0.7, 1.5);

  if (quality == SAM_MAP_QUALITY_UNRATED)
    return 2.0 * zoom;

  return (1.5 + 1.1 * quality) * zoom;
}

static void
rounded_rect (cairo_t *cr,
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

/* A zigzag stands for high tension: it reads as “strained” without
 * relying on colour. */
static void
zigzag_path (cairo_t *cr,
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

/* The same zigzag as zigzag_path(), drawn by the rasteriser. */
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
  double period = 24.0;   /* longer teeth than zigzag_path(): fewer strokes */
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

static void
set_tension_style (cairo_t       *cr,
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

/* From this many lines (badges) on, an image target is drawn by
 * SamMapRaster: cairo's set-up per shape dominates in a map this dense. */
#define DENSE_LINES  120
#define DENSE_BADGES 60
#define DENSE_NODES  40

static void
draw_relation_group_raster (SamMapRenderer        *self,
                            SamMapRaster          *raster,
                            const SamMapTransform *t,
                            guint                  quality,
                            SamMapTension          tension,
                            int                    selected_node,
                            gboolean               related)
{
  const Theme *th = theme (self);
  double width = edge_width (quality, t->scale);
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
  const Theme *th = theme (self);
  double width = edge_width (quality, t->scale);

  set_rgb (cr, &th->quality[quality], (selected_node >= 0 && !related) ? 0.22 : 1.0);
  cairo_set_line_width (cr, tension == SAM_MAP_TENSION_HIGH ? MAX (width * 0.7, 1.6) : width);
  set_tension_style (cr, tension, width);

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
        zigzag_path (cr, ax, ay, bx, by, 3.0 + width * 0.6);
      else
        {
          cairo_move_to (cr, ax, ay);
          cairo_line_to (cr, bx, by);
        }
      cairo_stroke (cr);
    }
}

static int
selected_node_index (SamMapRenderer *self)
{
  gboolean found;
  guint idx;

  if (self->selected_kind != SAM_MAP_KIND_NODE)
    return -1;

  idx = node_index (self, self->selected_id, &found);

  return found ? (int) idx : -1;
}

static void
draw_relations (SamMapRenderer        *self,
                cairo_t               *cr,
                const SamMapTransform *t,
                SamMapRaster          *raster)
{
  int selected = selected_node_index (self);

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

static void
link_geometry (SamMapRenderer  *self,
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

static void
arrow_head (cairo_t *cr,
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
  const Theme *th = theme (self);
  double dots[2] = { width, 6.5 + 0.1 };
  SamMapRasterColor color;

  sam_map_raster_color (&color, th->link.r, th->link.g, th->link.b, 1.0);
  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkCache *lc = &g_array_index (self->links, LinkCache, i);
      double p[8], ex, ey, x, y, offset = 0;
      const guint n = 16;

      link_geometry (self, lc, p);
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

static void
draw_links (SamMapRenderer        *self,
            cairo_t               *cr,
            const SamMapTransform *t,
            SamMapRaster          *raster)
{
  static const double dots[] = { 0.1, 6.5 };
  const Theme *th = theme (self);
  double width = 3.2 * CLAMP (t->scale, 0.8, 1.4);

  if (self->links->len == 0)
    return;

  if (raster != NULL)
    {
      draw_link_curves_raster (self, raster, width);
      sam_map_raster_end (raster);
      set_rgb (cr, &th->link, 1.0);
      goto heads;
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkCache *lc = &g_array_index (self->links, LinkCache, i);
      double p[8], qx1, qy1, qx2, qy2;
      double ex, ey;

      link_geometry (self, lc, p);
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

  set_rgb (cr, &th->link, 1.0);
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

      link_geometry (self, lc, p);
      arrow_head (cr, p[4], p[5], p[6], p[7], 13 + width);
    }
  cairo_fill (cr);
}

static void
draw_highlights (SamMapRenderer        *self,
                 cairo_t               *cr,
                 const SamMapTransform *t)
{
  const Theme *th = theme (self);

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
              set_rgb (cr, &th->accent, alpha);
              cairo_set_line_width (cr, edge_width (ec->relation->quality, t->scale) + 14);
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

              link_geometry (self, lc, p);
              cairo_move_to (cr, p[0], p[1]);
              cairo_curve_to (cr,
                              p[0] + 2.0 / 3.0 * (p[2] - p[0]), p[1] + 2.0 / 3.0 * (p[3] - p[1]),
                              p[4] + 2.0 / 3.0 * (p[2] - p[4]), p[5] + 2.0 / 3.0 * (p[3] - p[5]),
                              p[4], p[5]);
              set_rgb (cr, &th->accent, alpha);
              cairo_set_line_width (cr, 16);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
              cairo_stroke (cr);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
            }
        }
    }
}

/* Comparison: a wide band under improved relations, a wide dashed band
 * under worsened ones, plus a symbol on each, so the change reads without
 * colour. */
static void
draw_change_bands (SamMapRenderer        *self,
                   cairo_t               *cr,
                   const SamMapTransform *t)
{
  static const double band_dash[] = { 10.0, 7.0 };
  const Theme *th = theme (self);

  if (self->changes == NULL)
    return;

  for (int pass = 0; pass < 2; pass++)
    {
      SamMapChange want = pass == 0 ? SAM_MAP_CHANGE_IMPROVED : SAM_MAP_CHANGE_WORSENED;
      gboolean any = FALSE;

      for (guint i = 0; i < self->edges->len; i++)
        {
          const EdgeCache *ec = &g_array_index (self->edges, EdgeCache, i);
          const NodeCache *a, *b;

          if (ec->change == NULL || ec->change->change != want)
            continue;

          a = &g_array_index (self->nodes, NodeCache, ec->a);
          b = &g_array_index (self->nodes, NodeCache, ec->b);
          cairo_move_to (cr, a->sx, a->sy);
          cairo_line_to (cr, b->sx, b->sy);
          any = TRUE;
        }

      if (!any)
        continue;

      set_rgb (cr, pass == 0 ? &th->improved : &th->worsened, 0.45);
      cairo_set_line_width (cr, 18 * CLAMP (t->scale, 0.8, 1.3));
      if (pass == 1)
        cairo_set_dash (cr, band_dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static void
draw_removed_relations (SamMapRenderer *self,
                        cairo_t        *cr)
{
  static const double ghost[] = { 3.0, 6.0 };
  const Theme *th = theme (self);
  gboolean any = FALSE;

  if (self->changes == NULL)
    return;

  for (guint i = 0; i < self->changes->len; i++)
    {
      const SamMapRelationChange *c = g_ptr_array_index (self->changes, i);
      const NodeCache *a, *b;
      gboolean ok_a, ok_b;
      guint ia, ib;

      if (c->change != SAM_MAP_CHANGE_REMOVED)
        continue;

      ia = node_index (self, c->node_a, &ok_a);
      ib = node_index (self, c->node_b, &ok_b);
      if (!ok_a || !ok_b)
        continue;

      a = &g_array_index (self->nodes, NodeCache, ia);
      b = &g_array_index (self->nodes, NodeCache, ib);
      cairo_move_to (cr, a->sx, a->sy);
      cairo_line_to (cr, b->sx, b->sy);
      any = TRUE;
    }

  if (!any)
    return;

  set_rgb (cr, &th->muted, 0.8);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, ghost, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static PangoLayout *
mark_layout (SamMapRenderer *self,
             SamMapChange    change)
{
  static const char *marks[] = { "", "+", "×", "▲", "▼", "±" };

  if (self->mark_layouts[change] == NULL)
    self->mark_layouts[change] = make_layout (self, marks[change], self->bold_font);

  return self->mark_layouts[change];
}

static void
draw_mark (SamMapRenderer *self,
           cairo_t        *cr,
           SamMapChange    change,
           double          x,
           double          y,
           double          radius)
{
  const Theme *th = theme (self);
  PangoLayout *layout = mark_layout (self, change);
  const Rgb *fill;
  double w, h, px = radius * 1.25;

  if (change == SAM_MAP_CHANGE_IMPROVED)
    fill = &th->improved;
  else if (change == SAM_MAP_CHANGE_WORSENED)
    fill = &th->worsened;
  else
    fill = &th->neutral_mark;

  cairo_new_sub_path (cr);
  if (change == SAM_MAP_CHANGE_WORSENED)
    {
      /* a diamond instead of a disc: one more cue besides the colour */
      cairo_move_to (cr, x, y - radius * 1.2);
      cairo_line_to (cr, x + radius * 1.2, y);
      cairo_line_to (cr, x, y + radius * 1.2);
      cairo_line_to (cr, x - radius * 1.2, y);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  set_rgb (cr, fill, 1.0);
  cairo_fill_preserve (cr);
  set_rgb (cr, &th->bg, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  layout_size (layout, &w, &h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  show_scaled (cr, layout, x - w * px / REF_PX / 2, y - h * px / REF_PX / 2, px);
}

static void
draw_change_marks (SamMapRenderer *self,
                   cairo_t        *cr)
{
  if (self->changes == NULL)
    return;

  for (guint i = 0; i < self->changes->len; i++)
    {
      const SamMapRelationChange *c = g_ptr_array_index (self->changes, i);
      const NodeCache *a, *b;
      gboolean ok_a, ok_b;
      guint ia, ib;

      if (c->change == SAM_MAP_CHANGE_UNCHANGED)
        continue;

      ia = node_index (self, c->node_a, &ok_a);
      ib = node_index (self, c->node_b, &ok_b);
      if (!ok_a || !ok_b)
        continue;

      a = &g_array_index (self->nodes, NodeCache, ia);
      b = &g_array_index (self->nodes, NodeCache, ib);
      draw_mark (self, cr, c->change, (a->sx + b->sx) / 2, (a->sy + b->sy) / 2, 12);
    }
}

static void
draw_belief_only_lines (SamMapRenderer *self,
                        cairo_t        *cr)
{
  const Theme *th = theme (self);
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

  set_rgb (cr, &th->muted, 0.5);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

/* A head and shoulders, so the customer reads as a person. */
static void
person_pictogram (cairo_t   *cr,
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
  set_rgb (cr, color, 1.0);
  cairo_fill (cr);
}

static void draw_node (SamMapRenderer  *self,
                       cairo_t         *cr,
                       const NodeCache *nc);

/* A team's disc with its number of people, drawn once per size. */
static cairo_surface_t *
node_sprite (SamMapRenderer *self,
             NodeCache      *nc)
{
  if (nc->sprite != NULL && nc->sprite_r == nc->sr && nc->sprite_dark == (int) self->dark)
    return nc->sprite;

  g_clear_pointer (&nc->sprite, cairo_surface_destroy);
  {
    int size = (int) ceil (2 * nc->sr + 6);
    cairo_surface_t *sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
    cairo_t *scr = cairo_create (sprite);
    NodeCache centred = *nc;

    centred.sx = size / 2.0;
    centred.sy = size / 2.0;
    draw_node (self, scr, &centred);
    cairo_destroy (scr);
    cairo_surface_flush (sprite);
    nc->sprite = sprite;
    nc->sprite_r = nc->sr;
    nc->sprite_dark = self->dark;
  }

  return nc->sprite;
}

static void
draw_nodes (SamMapRenderer *self,
            cairo_t        *cr)
{
  SamMapRaster raster;

  if (self->nodes->len >= DENSE_NODES && sam_map_raster_begin (&raster, cr))
    {
      for (guint i = 0; i < self->nodes->len; i++)
        {
          NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);
          cairo_surface_t *sprite;

          if (nc->node->type != SAM_MAP_NODE_TEAM)
            continue;
          sprite = node_sprite (self, nc);
          sam_map_raster_blit (&raster, sprite, nc->sx - cairo_image_surface_get_width (sprite) / 2.0,
                               nc->sy - cairo_image_surface_get_height (sprite) / 2.0);
        }
      sam_map_raster_end (&raster);

      for (guint i = 0; i < self->nodes->len; i++)
        {
          const NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);

          if (nc->node->type != SAM_MAP_NODE_TEAM)
            draw_node (self, cr, nc);
        }
      return;
    }

  for (guint i = 0; i < self->nodes->len; i++)
    draw_node (self, cr, &g_array_index (self->nodes, NodeCache, i));
}

static void
draw_node (SamMapRenderer  *self,
           cairo_t         *cr,
           const NodeCache *nc)
{
  const Theme *th = theme (self);
  double r, g, b;

  if (nc->node->type == SAM_MAP_NODE_CUSTOMER)
    {
      double side = nc->sr * 1.8;

      rounded_rect (cr, nc->sx - side / 2, nc->sy - side / 2, side, side, nc->sr * 0.35);
      set_rgb (cr, &th->customer, 1.0);
      cairo_fill_preserve (cr);
      set_rgb (cr, &th->bg, 1.0);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
      rounded_rect (cr, nc->sx - side / 2 - 3.5, nc->sy - side / 2 - 3.5,
                    side + 7, side + 7, nc->sr * 0.35 + 3);
      set_rgb (cr, &th->customer, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      person_pictogram (cr, nc->sx, nc->sy, nc->sr * 0.55, &th->bg);
    }
  else
    {
      sam_map_palette_get (nc->node->color, &r, &g, &b);
      cairo_new_sub_path (cr);
      cairo_arc (cr, nc->sx, nc->sy, nc->sr, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill_preserve (cr);
      set_rgb (cr, &th->fg, 0.75);
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
      show_scaled (cr, nc->people, nc->sx - nc->people_w * f / 2,
                   nc->sy - nc->people_h * f / 2, px);
    }
}

/* Selection and hover rings: drawn over the cached layer. */
static void
draw_node_rings (SamMapRenderer *self,
                 cairo_t        *cr)
{
  const Theme *th = theme (self);
  int selected = selected_node_index (self);
  gboolean found;
  guint hover;

  if (selected >= 0)
    {
      const NodeCache *nc = &g_array_index (self->nodes, NodeCache, selected);

      cairo_new_sub_path (cr);
      cairo_arc (cr, nc->sx, nc->sy, nc->sr + 7, 0, 2 * G_PI);
      set_rgb (cr, &th->accent, 1.0);
      cairo_set_line_width (cr, 4);
      cairo_stroke (cr);
    }

  if (self->hover_kind != SAM_MAP_KIND_NODE)
    return;

  hover = node_index (self, self->hover_id, &found);
  if (found && (int) hover != selected)
    {
      const NodeCache *nc = &g_array_index (self->nodes, NodeCache, hover);

      cairo_new_sub_path (cr);
      cairo_arc (cr, nc->sx, nc->sy, nc->sr + 6, 0, 2 * G_PI);
      set_rgb (cr, &th->accent, 0.5);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
}

static void
draw_labels (SamMapRenderer        *self,
             cairo_t               *cr,
             const SamMapTransform *t)
{
  const Theme *th = theme (self);
  double px = label_px (self, t->scale);
  double f = px / REF_PX;

  /* Halos first, in one fill, then the text. */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);
      rounded_rect (cr, nc->lx - 5, nc->ly - 1, nc->lw + 10, nc->lh + 2, 6);
    }
  set_rgb (cr, &th->bg, 0.82);
  cairo_fill (cr);

  set_rgb (cr, &th->fg, 1.0);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const NodeCache *nc = &g_array_index (self->nodes, NodeCache, i);

      /* The layout is 180 px wide at REF_PX and centred in it. */
      show_scaled (cr, nc->label, nc->sx - 90 * f, nc->ly, px);
    }
}

static PangoLayout *
count_layout (SamMapRenderer *self,
              guint           count)
{
  guint slot = MIN (count, 10) - 1;

  if (self->count_layouts[slot] == NULL)
    {
      g_autofree char *text = count >= 10 ? g_strdup ("9+") : g_strdup_printf ("%u", count);
      self->count_layouts[slot] = make_layout (self, text, self->bold_font);
    }

  return self->count_layouts[slot];
}

static void
badge_shape (cairo_t          *cr,
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
  const Theme *th = theme (self);
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
      PangoLayout *layout = count_layout (self, count);
      double w, h, px = 16, f = px / REF_PX;

      cairo_arc (scr, size / 2.0, size / 2.0, BADGE_RADIUS, 0, 2 * G_PI);
      set_rgb (scr, &th->fg, 1.0);
      cairo_fill_preserve (scr);
      set_rgb (scr, &th->bg, 1.0);
      cairo_set_line_width (scr, 2);
      cairo_stroke (scr);
      layout_size (layout, &w, &h);
      show_scaled (scr, layout, size / 2.0 - w * f / 2, size / 2.0 - h * f / 2, px);
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
  const Theme *th = theme (self);
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

static void
draw_badges (SamMapRenderer *self,
             cairo_t        *cr)
{
  const Theme *th = theme (self);
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
      badge_shape (cr, bc, &g_array_index (self->nodes, NodeCache, bc->holder), BADGE_RADIUS);
    }
  set_rgb (cr, &th->fg, 1.0);
  cairo_fill_preserve (cr);
  set_rgb (cr, &th->bg, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  for (guint i = 0; i < self->badges->len; i++)
    {
      const BadgeCache *bc = &g_array_index (self->badges, BadgeCache, i);
      PangoLayout *layout = count_layout (self, bc->count);
      double w, h, px = 16, f = px / REF_PX;

      layout_size (layout, &w, &h);
      show_scaled (cr, layout, bc->sx - w * f / 2, bc->sy - h * f / 2, px);
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
  int selected = selected_node_index (self);
  const NodeCache *nc;

  if (!self->interactive || selected < 0 || self->pending_from != NULL)
    return FALSE;

  nc = &g_array_index (self->nodes, NodeCache, selected);
  *x = nc->sx + (nc->sr + 7) * cos (-G_PI / 4);
  *y = nc->sy + (nc->sr + 7) * sin (-G_PI / 4);
  *r = HANDLE_RADIUS;

  return TRUE;
}

static void
draw_interaction (SamMapRenderer *self,
                  cairo_t        *cr)
{
  const Theme *th = theme (self);
  double x, y, r;

  if (_sam_map_renderer_handle_position (self, &x, &y, &r))
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      set_rgb (cr, &th->accent, 1.0);
      cairo_fill_preserve (cr);
      set_rgb (cr, &th->bg, 1.0);
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
      guint idx = node_index (self, self->pending_from, &found);
      const NodeCache *nc;

      if (!found)
        return;

      nc = &g_array_index (self->nodes, NodeCache, idx);
      cairo_move_to (cr, nc->sx, nc->sy);
      cairo_line_to (cr, self->pending_x, self->pending_y);
      set_rgb (cr, &th->accent, 1.0);
      cairo_set_line_width (cr, 4);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_new_sub_path (cr);
      cairo_arc (cr, self->pending_x, self->pending_y, 7, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
append_beliefs (SamMapRenderer *self,
                GString        *markup,
                const char     *holder,
                const char     *about)
{
  g_autoptr(GPtrArray) beliefs = sam_map_model_list_beliefs (self->model, holder, about);
  g_autofree char *heading = NULL;

  if (beliefs->len == 0)
    return;

  /* Translators: heading above the beliefs one team holds about another */
  heading = g_markup_printf_escaped (_("%s believes about %s:"),
                                     node_name (self->model, holder),
                                     node_name (self->model, about));
  g_string_append_printf (markup, "\n<b>%s</b>", heading);

  for (guint i = 0; i < beliefs->len; i++)
    {
      const SamMapBelief *b = g_ptr_array_index (beliefs, i);
      g_autofree char *text = g_markup_escape_text (b->text, -1);
      GString *dots = g_string_new (NULL);

      for (guint s = 1; s <= SAM_MAP_STRENGTH_MAX; s++)
        g_string_append (dots, s <= b->strength ? "●" : "○");
      g_string_append_printf (markup, "\n• %s  <span size=\"small\">%s</span>", text, dots->str);
      g_string_free (dots, TRUE);
    }
}

static char *
callout_markup (SamMapRenderer *self)
{
  GString *markup = g_string_new (NULL);

  if (self->selected_kind == SAM_MAP_KIND_RELATION)
    {
      const SamMapRelation *r = sam_map_model_get_relation (self->model, self->selected_id);
      g_autofree char *title = NULL;

      if (r == NULL)
        return g_string_free (markup, TRUE);

      title = g_markup_printf_escaped ("<b>%s – %s</b>\n%s · %s",
                                       node_name (self->model, r->node_a),
                                       node_name (self->model, r->node_b),
                                       sam_map_quality_to_string (r->quality),
                                       sam_map_tension_to_string (r->tension));
      g_string_append (markup, title);
      append_beliefs (self, markup, r->node_a, r->node_b);
      append_beliefs (self, markup, r->node_b, r->node_a);
    }
  else if (self->selected_kind == SAM_MAP_KIND_BELIEF)
    {
      const SamMapBelief *b = sam_map_model_get_belief (self->model, self->selected_id);

      if (b != NULL)
        {
          append_beliefs (self, markup, b->holder, b->about);
          g_string_erase (markup, 0, 1);
        }
    }
  else if (self->selected_kind == SAM_MAP_KIND_LINK)
    {
      const SamMapLink *l = sam_map_model_get_link (self->model, self->selected_id);

      if (l != NULL)
        {
          g_autofree char *text = NULL;

          /* Translators: callout of a strength→challenge link */
          text = g_markup_printf_escaped (_("<b>%s → %s</b>\nStrength: %s\nCan help with: %s"),
                                          node_name (self->model, l->from),
                                          node_name (self->model, l->to),
                                          l->strength, l->challenge);
          g_string_append (markup, text);
        }
    }

  if (markup->len == 0)
    return g_string_free (markup, TRUE);

  return g_string_free (markup, FALSE);
}

static gboolean
callout_anchor (SamMapRenderer *self,
                double         *x,
                double         *y)
{
  if (self->selected_kind == SAM_MAP_KIND_RELATION)
    {
      for (guint i = 0; i < self->edges->len; i++)
        {
          const EdgeCache *ec = &g_array_index (self->edges, EdgeCache, i);

          if (g_str_equal (ec->relation->id, self->selected_id))
            {
              const NodeCache *a = &g_array_index (self->nodes, NodeCache, ec->a);
              const NodeCache *b = &g_array_index (self->nodes, NodeCache, ec->b);

              *x = (a->sx + b->sx) / 2;
              *y = (a->sy + b->sy) / 2;
              return TRUE;
            }
        }
    }
  else if (self->selected_kind == SAM_MAP_KIND_BELIEF)
    {
      const SamMapBelief *b = sam_map_model_get_belief (self->model, self->selected_id);

      for (guint i = 0; b && i < self->badges->len; i++)
        {
          const BadgeCache *bc = &g_array_index (self->badges, BadgeCache, i);
          const NodeCache *h = &g_array_index (self->nodes, NodeCache, bc->holder);
          const NodeCache *a = &g_array_index (self->nodes, NodeCache, bc->about);

          if (g_str_equal (h->node->id, b->holder) && g_str_equal (a->node->id, b->about))
            {
              *x = bc->sx;
              *y = bc->sy;
              return TRUE;
            }
        }
    }
  else if (self->selected_kind == SAM_MAP_KIND_LINK)
    {
      for (guint i = 0; i < self->links->len; i++)
        {
          const LinkCache *lc = &g_array_index (self->links, LinkCache, i);

          if (g_str_equal (lc->link->id, self->selected_id))
            {
              double p[8];

              link_geometry (self, lc, p);
              *x = 0.25 * p[0] + 0.5 * p[2] + 0.25 * p[4];
              *y = 0.25 * p[1] + 0.5 * p[3] + 0.25 * p[5];
              return TRUE;
            }
        }
    }

  return FALSE;
}

static void
draw_callout (SamMapRenderer *self,
              cairo_t        *cr,
              double          width,
              double          height)
{
  const Theme *th = theme (self);
  double ax, ay, w, h, x, y, px = 15, f = px / REF_PX;

  if (!self->callout_valid)
    {
      g_autofree char *markup = callout_markup (self);

      g_clear_object (&self->callout);
      if (markup)
        {
          self->callout = make_layout (self, "", self->font);
          pango_layout_set_markup (self->callout, markup, -1);
          pango_layout_set_width (self->callout, 380 * PANGO_SCALE);
          pango_layout_set_wrap (self->callout, PANGO_WRAP_WORD_CHAR);
        }
      self->callout_valid = TRUE;
    }

  if (self->callout == NULL || !callout_anchor (self, &ax, &ay))
    return;

  layout_size (self->callout, &w, &h);
  {
    PangoRectangle ink, logical;

    pango_layout_get_pixel_extents (self->callout, &ink, &logical);
    w = logical.width;
  }
  w *= f;
  h *= f;
  x = CLAMP (ax + 18, 8, MAX (width - w - 28, 8));
  y = CLAMP (ay + 18, 8, MAX (height - h - 28, 8));

  rounded_rect (cr, x + 2, y + 3, w + 24, h + 20, 10);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_fill (cr);
  rounded_rect (cr, x, y, w + 24, h + 20, 10);
  set_rgb (cr, &th->bg, 0.97);
  cairo_fill_preserve (cr);
  set_rgb (cr, &th->accent, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  set_rgb (cr, &th->fg, 1.0);
  show_scaled (cr, self->callout, x + 12, y + 10, px);
}

/* Legend ----------------------------------------------------------------- */

static void
add_legend (SamMapRenderer *self,
            LegendSymbol    symbol,
            guint           param,
            const char     *text)
{
  LegendEntry *entry = g_new0 (LegendEntry, 1);

  entry->symbol = symbol;
  entry->param = param;
  entry->layout = make_layout (self, text, self->font);
  if (symbol == LEGEND_HINT)
    {
      pango_layout_set_width (entry->layout, 250 * PANGO_SCALE);
      pango_layout_set_wrap (entry->layout, PANGO_WRAP_WORD);
    }
  g_ptr_array_add (self->legend, entry);
}

static void
ensure_legend (SamMapRenderer *self)
{
  if (self->legend)
    return;

  self->legend = g_ptr_array_new_with_free_func ((GDestroyNotify) legend_entry_free);
  self->legend_title = make_layout (self, _("Legend"), self->bold_font);

  add_legend (self, LEGEND_TEAM, 0, _("Team (larger = more people)"));
  add_legend (self, LEGEND_CUSTOMER, 0, _("The customer"));
  for (guint q = SAM_MAP_QUALITY_MAX; q >= 1; q--)
    add_legend (self, LEGEND_QUALITY, q, sam_map_quality_to_string (q));
  add_legend (self, LEGEND_QUALITY, 0, sam_map_quality_to_string (0));
  add_legend (self, LEGEND_TENSION, SAM_MAP_TENSION_NONE, sam_map_tension_to_string (SAM_MAP_TENSION_NONE));
  add_legend (self, LEGEND_TENSION, SAM_MAP_TENSION_SOME, sam_map_tension_to_string (SAM_MAP_TENSION_SOME));
  add_legend (self, LEGEND_TENSION, SAM_MAP_TENSION_HIGH, sam_map_tension_to_string (SAM_MAP_TENSION_HIGH));
  add_legend (self, LEGEND_BADGE, 2, _("Beliefs of the team it points to"));
  add_legend (self, LEGEND_LINK, 0, _("Strength that can help a challenge"));

  if (self->start)
    {
      add_legend (self, LEGEND_CHANGE, SAM_MAP_CHANGE_IMPROVED, _("Improved since the start"));
      add_legend (self, LEGEND_CHANGE, SAM_MAP_CHANGE_WORSENED, _("Worsened since the start"));
      add_legend (self, LEGEND_CHANGE, SAM_MAP_CHANGE_MIXED, _("Better in one way, worse in another"));
      add_legend (self, LEGEND_CHANGE, SAM_MAP_CHANGE_ADDED, _("New relation"));
      add_legend (self, LEGEND_CHANGE, SAM_MAP_CHANGE_REMOVED, _("Relation no longer drawn"));
    }

  if (self->interactive)
    add_legend (self, LEGEND_HINT, 0,
                _("To draw a relation, drag a selected team’s + handle (or Shift+drag a team) onto another team."));
}

static void
entry_size (LegendEntry *entry,
            double      *w,
            double      *h)
{
  double f = LEGEND_TEXT_PX / REF_PX;

  layout_size (entry->layout, w, h);
  {
    PangoRectangle ink, logical;

    pango_layout_get_pixel_extents (entry->layout, &ink, &logical);
    *w = logical.width;
  }
  *w *= f;
  *h = MAX (*h * f, LEGEND_ROW - 6) + 6;
  if (entry->symbol != LEGEND_HINT)
    *w += LEGEND_SYMBOL;
}

/* Lays the legend out in columns that fit @max_height; returns the size
 * and, through @columns, the entries where each column starts. */
static void
legend_metrics (SamMapRenderer *self,
                double          max_height,
                double         *width,
                double         *height,
                GArray         *column_starts,
                GArray         *column_widths)
{
  double title_w, title_h, col_h, col_w = 0, total_w = 0, max_col_h = 0;
  double f = (LEGEND_TEXT_PX + 1) / REF_PX;

  ensure_legend (self);
  layout_size (self->legend_title, &title_w, &title_h);
  title_h = title_h * f + 6;
  col_h = 0;

  for (guint i = 0; i < self->legend->len; i++)
    {
      double w, h;

      entry_size (g_ptr_array_index (self->legend, i), &w, &h);
      if (i == 0 || col_h + h > max_height - title_h - 2 * LEGEND_PAD)
        {
          if (i > 0)
            {
              if (column_widths)
                g_array_append_val (column_widths, col_w);
              total_w += col_w + 24;
            }
          if (column_starts)
            g_array_append_val (column_starts, i);
          col_w = 0;
          col_h = 0;
        }
      col_h += h;
      col_w = MAX (col_w, w);
      max_col_h = MAX (max_col_h, col_h);
    }

  if (column_widths)
    g_array_append_val (column_widths, col_w);
  total_w += col_w;

  *width = MAX (total_w, title_w * f) + 2 * LEGEND_PAD;
  *height = max_col_h + title_h + 2 * LEGEND_PAD;
}

/**
 * sam_map_renderer_measure_legend:
 * @max_height: the legend wraps into more columns to stay below this
 *
 * Measures the legend, in pixels at the renderer's normal size.
 */
void
sam_map_renderer_measure_legend (SamMapRenderer *self,
                                 double          max_height,
                                 double         *width,
                                 double         *height)
{
  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  legend_metrics (self, max_height, width, height, NULL, NULL);
}

static void
draw_legend_symbol (SamMapRenderer    *self,
                    cairo_t           *cr,
                    const LegendEntry *entry,
                    double             x,
                    double             y)
{
  const Theme *th = theme (self);
  double cy = y + LEGEND_ROW / 2 - 3;
  double x0 = x + 4, x1 = x + LEGEND_SYMBOL - 12;

  switch (entry->symbol)
    {
    case LEGEND_TEAM:
      {
        double r, g, b;

        sam_map_palette_get (1, &r, &g, &b);
        cairo_new_sub_path (cr);
        cairo_arc (cr, x + 14, cy, 7, 0, 2 * G_PI);
        cairo_set_source_rgb (cr, r, g, b);
        cairo_fill_preserve (cr);
        set_rgb (cr, &th->fg, 0.75);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        sam_map_palette_get (0, &r, &g, &b);
        cairo_new_sub_path (cr);
        cairo_arc (cr, x + 34, cy, 11, 0, 2 * G_PI);
        cairo_set_source_rgb (cr, r, g, b);
        cairo_fill_preserve (cr);
        set_rgb (cr, &th->fg, 0.75);
        cairo_stroke (cr);
      }
      break;

    case LEGEND_CUSTOMER:
      rounded_rect (cr, x + 12, cy - 10, 20, 20, 5);
      set_rgb (cr, &th->customer, 1.0);
      cairo_fill (cr);
      rounded_rect (cr, x + 9, cy - 13, 26, 26, 7);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      person_pictogram (cr, x + 22, cy, 7, &th->bg);
      break;

    case LEGEND_QUALITY:
      cairo_move_to (cr, x0, cy);
      cairo_line_to (cr, x1, cy);
      set_rgb (cr, &th->quality[entry->param], 1.0);
      cairo_set_line_width (cr, edge_width (entry->param, 1.0));
      cairo_stroke (cr);
      break;

    case LEGEND_TENSION:
      if (entry->param == SAM_MAP_TENSION_HIGH)
        zigzag_path (cr, x0, cy, x1, cy, 5.0);
      else
        {
          cairo_move_to (cr, x0, cy);
          cairo_line_to (cr, x1, cy);
        }
      set_rgb (cr, &th->fg, 0.85);
      cairo_set_line_width (cr, entry->param == SAM_MAP_TENSION_HIGH ? 2.2 : 3.0);
      set_tension_style (cr, entry->param, 3.0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;

    case LEGEND_BADGE:
      {
        BadgeCache bc = { .sx = x + 30, .sy = cy };
        NodeCache holder = { .sx = x, .sy = cy };
        PangoLayout *layout = count_layout (self, entry->param);
        double w, h, f = 14 / REF_PX;

        set_rgb (cr, &th->muted, 1.0);
        cairo_move_to (cr, x0 - 4, cy);
        cairo_line_to (cr, x1 + 4, cy);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        badge_shape (cr, &bc, &holder, 10);
        set_rgb (cr, &th->fg, 1.0);
        cairo_fill (cr);
        set_rgb (cr, &th->bg, 1.0);
        layout_size (layout, &w, &h);
        show_scaled (cr, layout, bc.sx - w * f / 2, bc.sy - h * f / 2, 14);
      }
      break;

    case LEGEND_LINK:
      {
        static const double dots[] = { 0.1, 6.5 };

        cairo_move_to (cr, x0, cy + 4);
        cairo_curve_to (cr, x0 + 12, cy - 6, x1 - 22, cy - 6, x1 - 10, cy);
        set_rgb (cr, &th->link, 1.0);
        cairo_set_line_width (cr, 3.2);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash (cr, dots, 2, 0);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        arrow_head (cr, x1 + 2, cy + 4, 0.9, 0.35, 14);
        cairo_fill (cr);
      }
      break;

    case LEGEND_CHANGE:
      if (entry->param == SAM_MAP_CHANGE_IMPROVED || entry->param == SAM_MAP_CHANGE_WORSENED)
        {
          static const double band_dash[] = { 10.0, 7.0 };

          cairo_move_to (cr, x0, cy);
          cairo_line_to (cr, x1, cy);
          set_rgb (cr, entry->param == SAM_MAP_CHANGE_IMPROVED ? &th->improved : &th->worsened,
                   0.45);
          cairo_set_line_width (cr, 14);
          if (entry->param == SAM_MAP_CHANGE_WORSENED)
            cairo_set_dash (cr, band_dash, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else if (entry->param == SAM_MAP_CHANGE_REMOVED)
        {
          static const double ghost[] = { 3.0, 6.0 };

          cairo_move_to (cr, x0, cy);
          cairo_line_to (cr, x1, cy);
          set_rgb (cr, &th->muted, 0.8);
          cairo_set_line_width (cr, 2);
          cairo_set_dash (cr, ghost, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      draw_mark (self, cr, entry->param, (x0 + x1) / 2, cy, 10);
      break;

    case LEGEND_HINT:
    default:
      break;
    }
}

/**
 * sam_map_renderer_draw_legend:
 * @x: left edge
 * @y: top edge
 * @max_height: the legend wraps into columns to stay below this
 *
 * Draws the legend box with every mark the map uses.
 */
void
sam_map_renderer_draw_legend (SamMapRenderer *self,
                              cairo_t        *cr,
                              double          x,
                              double          y,
                              double          max_height)
{
  const Theme *th = theme (self);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  double w, h, tw, th_, cx, f = LEGEND_TEXT_PX / REF_PX;

  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  legend_metrics (self, max_height, &w, &h, starts, widths);

  cairo_save (cr);
  rounded_rect (cr, x, y, w, h, 12);
  set_rgb (cr, &th->bg, 0.94);
  cairo_fill_preserve (cr);
  set_rgb (cr, &th->muted, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  set_rgb (cr, &th->fg, 1.0);
  layout_size (self->legend_title, &tw, &th_);
  show_scaled (cr, self->legend_title, x + LEGEND_PAD, y + LEGEND_PAD, LEGEND_TEXT_PX + 1);

  cx = x + LEGEND_PAD;
  for (guint c = 0; c < starts->len; c++)
    {
      guint first = g_array_index (starts, guint, c);
      guint last = c + 1 < starts->len ? g_array_index (starts, guint, c + 1) : self->legend->len;
      double ry = y + LEGEND_PAD + th_ * (LEGEND_TEXT_PX + 1) / REF_PX + 6;

      for (guint i = first; i < last; i++)
        {
          LegendEntry *entry = g_ptr_array_index (self->legend, i);
          double ew, eh, text_x, lw, lh;

          entry_size (entry, &ew, &eh);
          text_x = entry->symbol == LEGEND_HINT ? cx : cx + LEGEND_SYMBOL;
          draw_legend_symbol (self, cr, entry, cx, ry);
          layout_size (entry->layout, &lw, &lh);
          set_rgb (cr, entry->symbol == LEGEND_HINT ? &th->muted : &th->fg, 1.0);
          show_scaled (cr, entry->layout, text_x,
                       entry->symbol == LEGEND_HINT ? ry : ry + (LEGEND_ROW - 6 - lh * f) / 2,
                       LEGEND_TEXT_PX);
          ry += eh;
        }

      cx += g_array_index (widths, double, c) + 24;
    }

  cairo_restore (cr);
}

static void
legend_placement (SamMapRenderer *self,
                  double          width,
                  double          height,
                  SamMapRect     *area,
                  double         *max_height)
{
  double lw, lh;

  *max_height = height - 24;
  sam_map_renderer_measure_legend (self, *max_height, &lw, &lh);
  if (lw <= width * 0.36)
    {
      *area = (SamMapRect) { width - lw - 12, 12, lw, lh };
      return;
    }

  *max_height = height * 0.45;
  sam_map_renderer_measure_legend (self, *max_height, &lw, &lh);
  *area = (SamMapRect) { 12, height - lh - 12, lw, lh };
}

/**
 * sam_map_renderer_draw:
 * @cr: any cairo context (image, SVG, PDF, or a widget's snapshot)
 * @transform: world → screen transform
 * @width: width of the area to fill
 * @height: height of the area to fill
 *
 * Draws the background, relations, links, nodes, labels, belief badges,
 * comparison marks, the selection and, when enabled, the legend in the
 * bottom left corner.
 */
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

  set_rgb (cr, &theme (self)->bg, 1.0);
  cairo_paint (cr);

  if (self->model != NULL)
    {
      draw_change_bands (self, cr, transform);
      draw_removed_relations (self, cr);
      draw_belief_only_lines (self, cr);
      /* A dense map on an image (the widget's layer, a PNG) has its
       * lines drawn by the rasteriser: cairo needs ~150 ms for 1,000. */
      if (self->edges->len + self->links->len >= DENSE_LINES &&
          sam_map_raster_begin (&raster, cr))
        fast = &raster;

      draw_relations (self, cr, transform, fast);
      draw_links (self, cr, transform, fast);
      if (fast != NULL && self->links->len == 0)
        sam_map_raster_end (fast);
      draw_nodes (self, cr);
      draw_labels (self, cr, transform);
      draw_badges (self, cr);
      draw_change_marks (self, cr);
    }

  if (self->show_legend)
    {
      SamMapRect area;
      double max_height;

      legend_placement (self, width, height, &area, &max_height);
      sam_map_renderer_draw_legend (self, cr, area.x, area.y, max_height);
    }
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
      draw_highlights (self, cr, transform);
      draw_node_rings (self, cr);
      draw_interaction (self, cr);
      /* the selection's texts go on top of everything */
      if (!self->hide_callout)
        draw_callout (self, cr, width, height);
    }

  cairo_restore (cr);
}

/**
 * sam_map_renderer_get_legend_area:
 * @width: the size of the drawing
 * @height: the size of the drawing
 * @area: (out): where sam_map_renderer_draw() puts the legend
 *
 * The legend goes in a column on the right when it fits in about a third
 * of the width, else along the bottom.  A view fits the map next to it.
 *
 * Returns: %FALSE when the legend is hidden
 */
gboolean
sam_map_renderer_get_legend_area (SamMapRenderer *self,
                                  double          width,
                                  double          height,
                                  SamMapRect     *area)
{
  double max_height;

  g_return_val_if_fail (SAM_IS_MAP_RENDERER (self), FALSE);

  if (!self->show_legend)
    return FALSE;

  legend_placement (self, width, height, area, &max_height);

  return TRUE;
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
      f = label_px (self, scale) / REF_PX;

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
