/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sam-map-renderer-private.h"

/* Elements in words: sam_map_describe() and the callout of the selection. */

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

              _sam_map_renderer_link_geometry (self, lc, p);
              *x = 0.25 * p[0] + 0.5 * p[2] + 0.25 * p[4];
              *y = 0.25 * p[1] + 0.5 * p[3] + 0.25 * p[5];
              return TRUE;
            }
        }
    }

  return FALSE;
}

void
_sam_map_renderer_draw_callout (SamMapRenderer *self,
                                cairo_t        *cr,
                                double          width,
                                double          height)
{
  const Theme *th = _sam_map_renderer_theme (self);
  double ax, ay, w, h, x, y, px = 15, f = px / REF_PX;

  if (!self->callout_valid)
    {
      g_autofree char *markup = callout_markup (self);

      g_clear_object (&self->callout);
      if (markup)
        {
          self->callout = _sam_map_renderer_make_layout (self, "", self->font);
          pango_layout_set_markup (self->callout, markup, -1);
          pango_layout_set_width (self->callout, 380 * PANGO_SCALE);
          pango_layout_set_wrap (self->callout, PANGO_WRAP_WORD_CHAR);
        }
      self->callout_valid = TRUE;
    }

  if (self->callout == NULL || !callout_anchor (self, &ax, &ay))
    return;

  _sam_map_renderer_layout_size (self->callout, &w, &h);
  {
    PangoRectangle ink, logical;

    pango_layout_get_pixel_extents (self->callout, &ink, &logical);
    w = logical.width;
  }
  w *= f;
  h *= f;
  x = CLAMP (ax + 18, 8, MAX (width - w - 28, 8));
  y = CLAMP (ay + 18, 8, MAX (height - h - 28, 8));

  _sam_map_renderer_rounded_rect (cr, x + 2, y + 3, w + 24, h + 20, 10);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_fill (cr);
  _sam_map_renderer_rounded_rect (cr, x, y, w + 24, h + 20, 10);
  _sam_map_renderer_set_rgb (cr, &th->bg, 0.97);
  cairo_fill_preserve (cr);
  _sam_map_renderer_set_rgb (cr, &th->accent, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  _sam_map_renderer_set_rgb (cr, &th->fg, 1.0);
  _sam_map_renderer_show_scaled (cr, self->callout, x + 12, y + 10, px);
}
