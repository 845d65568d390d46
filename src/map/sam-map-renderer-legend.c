/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sam-map-renderer-private.h"

/* The legend is written in the map's language (its catalogue), which need
 * not be the UI's (a SamMapRenderer *self must be in scope). */
#undef _
#define _(msgid) sam_catalog_gettext (self->catalog, (msgid))

/* The legend, and the comparison overlay whose marks it explains. */

#define LEGEND_ROW      28.0
#define LEGEND_SYMBOL   54.0
#define LEGEND_TEXT_PX  15.0
#define LEGEND_PAD      14.0

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

static void
legend_entry_free (LegendEntry *entry)
{
  g_clear_object (&entry->layout);
  g_free (entry);
}

/* Comparison: a wide band under improved relations, a wide dashed band
 * under worsened ones, plus a symbol on each, so the change reads without
 * colour. */
void
_sam_map_renderer_draw_change_bands (SamMapRenderer        *self,
                                     cairo_t               *cr,
                                     const SamMapTransform *t)
{
  static const double band_dash[] = { 10.0, 7.0 };
  const Theme *th = _sam_map_renderer_theme (self);

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

      _sam_map_renderer_set_rgb (cr, pass == 0 ? &th->improved : &th->worsened, 0.45);
      cairo_set_line_width (cr, 18 * CLAMP (t->scale, 0.8, 1.3));
      if (pass == 1)
        cairo_set_dash (cr, band_dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

void
_sam_map_renderer_draw_removed_relations (SamMapRenderer *self,
                                          cairo_t        *cr)
{
  static const double ghost[] = { 3.0, 6.0 };
  const Theme *th = _sam_map_renderer_theme (self);
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

      ia = _sam_map_renderer_node_index (self, c->node_a, &ok_a);
      ib = _sam_map_renderer_node_index (self, c->node_b, &ok_b);
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

  _sam_map_renderer_set_rgb (cr, &th->muted, 0.8);
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
    self->mark_layouts[change] = _sam_map_renderer_make_layout (self, marks[change], self->bold_font);

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
  const Theme *th = _sam_map_renderer_theme (self);
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
  _sam_map_renderer_set_rgb (cr, fill, 1.0);
  cairo_fill_preserve (cr);
  _sam_map_renderer_set_rgb (cr, &th->bg, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  _sam_map_renderer_layout_size (layout, &w, &h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  _sam_map_renderer_show_scaled (cr, layout, x - w * px / REF_PX / 2, y - h * px / REF_PX / 2, px);
}

void
_sam_map_renderer_draw_change_marks (SamMapRenderer *self,
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

      ia = _sam_map_renderer_node_index (self, c->node_a, &ok_a);
      ib = _sam_map_renderer_node_index (self, c->node_b, &ok_b);
      if (!ok_a || !ok_b)
        continue;

      a = &g_array_index (self->nodes, NodeCache, ia);
      b = &g_array_index (self->nodes, NodeCache, ib);
      draw_mark (self, cr, c->change, (a->sx + b->sx) / 2, (a->sy + b->sy) / 2, 12);
    }
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
  entry->layout = _sam_map_renderer_make_layout (self, text, self->font);
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
  self->legend_title = _sam_map_renderer_make_layout (self, _("Legend"), self->bold_font);

  add_legend (self, LEGEND_TEAM, 0, _("Team (larger = more people)"));
  add_legend (self, LEGEND_CUSTOMER, 0, _("The customer"));
  for (guint q = SAM_MAP_QUALITY_MAX; q >= 1; q--)
    add_legend (self, LEGEND_QUALITY, q, sam_map_quality_to_string_in (q, self->catalog));
  add_legend (self, LEGEND_QUALITY, 0, sam_map_quality_to_string_in (0, self->catalog));
  add_legend (self, LEGEND_TENSION, SAM_MAP_TENSION_NONE, sam_map_tension_to_string_in (SAM_MAP_TENSION_NONE, self->catalog));
  add_legend (self, LEGEND_TENSION, SAM_MAP_TENSION_SOME, sam_map_tension_to_string_in (SAM_MAP_TENSION_SOME, self->catalog));
  add_legend (self, LEGEND_TENSION, SAM_MAP_TENSION_HIGH, sam_map_tension_to_string_in (SAM_MAP_TENSION_HIGH, self->catalog));
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

  _sam_map_renderer_layout_size (entry->layout, w, h);
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
  _sam_map_renderer_layout_size (self->legend_title, &title_w, &title_h);
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
  const Theme *th = _sam_map_renderer_theme (self);
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
        _sam_map_renderer_set_rgb (cr, &th->fg, 0.75);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        sam_map_palette_get (0, &r, &g, &b);
        cairo_new_sub_path (cr);
        cairo_arc (cr, x + 34, cy, 11, 0, 2 * G_PI);
        cairo_set_source_rgb (cr, r, g, b);
        cairo_fill_preserve (cr);
        _sam_map_renderer_set_rgb (cr, &th->fg, 0.75);
        cairo_stroke (cr);
      }
      break;

    case LEGEND_CUSTOMER:
      _sam_map_renderer_rounded_rect (cr, x + 12, cy - 10, 20, 20, 5);
      _sam_map_renderer_set_rgb (cr, &th->customer, 1.0);
      cairo_fill (cr);
      _sam_map_renderer_rounded_rect (cr, x + 9, cy - 13, 26, 26, 7);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      _sam_map_renderer_person_pictogram (cr, x + 22, cy, 7, &th->bg);
      break;

    case LEGEND_QUALITY:
      cairo_move_to (cr, x0, cy);
      cairo_line_to (cr, x1, cy);
      _sam_map_renderer_set_rgb (cr, &th->quality[entry->param], 1.0);
      cairo_set_line_width (cr, _sam_map_renderer_edge_width (entry->param, 1.0));
      cairo_stroke (cr);
      break;

    case LEGEND_TENSION:
      if (entry->param == SAM_MAP_TENSION_HIGH)
        _sam_map_renderer_zigzag_path (cr, x0, cy, x1, cy, 5.0, 16.0);
      else
        {
          cairo_move_to (cr, x0, cy);
          cairo_line_to (cr, x1, cy);
        }
      _sam_map_renderer_set_rgb (cr, &th->fg, 0.85);
      cairo_set_line_width (cr, entry->param == SAM_MAP_TENSION_HIGH ? 2.2 : 3.0);
      _sam_map_renderer_set_tension_style (cr, entry->param, 3.0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;

    case LEGEND_BADGE:
      {
        BadgeCache bc = { .sx = x + 30, .sy = cy };
        NodeCache holder = { .sx = x, .sy = cy };
        PangoLayout *layout = _sam_map_renderer_count_layout (self, entry->param);
        double w, h, f = 14 / REF_PX;

        _sam_map_renderer_set_rgb (cr, &th->muted, 1.0);
        cairo_move_to (cr, x0 - 4, cy);
        cairo_line_to (cr, x1 + 4, cy);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        _sam_map_renderer_badge_shape (cr, &bc, &holder, 10);
        _sam_map_renderer_set_rgb (cr, &th->fg, 1.0);
        cairo_fill (cr);
        _sam_map_renderer_set_rgb (cr, &th->bg, 1.0);
        _sam_map_renderer_layout_size (layout, &w, &h);
        _sam_map_renderer_show_scaled (cr, layout, bc.sx - w * f / 2, bc.sy - h * f / 2, 14);
      }
      break;

    case LEGEND_LINK:
      {
        static const double dots[] = { 0.1, 6.5 };

        cairo_move_to (cr, x0, cy + 4);
        cairo_curve_to (cr, x0 + 12, cy - 6, x1 - 22, cy - 6, x1 - 10, cy);
        _sam_map_renderer_set_rgb (cr, &th->link, 1.0);
        cairo_set_line_width (cr, 3.2);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash (cr, dots, 2, 0);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        _sam_map_renderer_arrow_head (cr, x1 + 2, cy + 4, 0.9, 0.35, 14);
        cairo_fill (cr);
      }
      break;

    case LEGEND_CHANGE:
      if (entry->param == SAM_MAP_CHANGE_IMPROVED || entry->param == SAM_MAP_CHANGE_WORSENED)
        {
          static const double band_dash[] = { 10.0, 7.0 };

          cairo_move_to (cr, x0, cy);
          cairo_line_to (cr, x1, cy);
          _sam_map_renderer_set_rgb (cr, entry->param == SAM_MAP_CHANGE_IMPROVED ? &th->improved : &th->worsened,
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
          _sam_map_renderer_set_rgb (cr, &th->muted, 0.8);
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
  const Theme *th = _sam_map_renderer_theme (self);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  double w, h, tw, th_, cx, f = LEGEND_TEXT_PX / REF_PX;

  g_return_if_fail (SAM_IS_MAP_RENDERER (self));

  legend_metrics (self, max_height, &w, &h, starts, widths);

  cairo_save (cr);
  _sam_map_renderer_rounded_rect (cr, x, y, w, h, 12);
  _sam_map_renderer_set_rgb (cr, &th->bg, 0.94);
  cairo_fill_preserve (cr);
  _sam_map_renderer_set_rgb (cr, &th->muted, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  _sam_map_renderer_set_rgb (cr, &th->fg, 1.0);
  _sam_map_renderer_layout_size (self->legend_title, &tw, &th_);
  _sam_map_renderer_show_scaled (cr, self->legend_title, x + LEGEND_PAD, y + LEGEND_PAD, LEGEND_TEXT_PX + 1);

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
          _sam_map_renderer_layout_size (entry->layout, &lw, &lh);
          _sam_map_renderer_set_rgb (cr, entry->symbol == LEGEND_HINT ? &th->muted : &th->fg, 1.0);
          _sam_map_renderer_show_scaled (cr, entry->layout, text_x,
                                         entry->symbol == LEGEND_HINT ? ry : ry + (LEGEND_ROW - 6 - lh * f) / 2,
                                         LEGEND_TEXT_PX);
          ry += eh;
        }

      cx += g_array_index (widths, double, c) + 24;
    }

  cairo_restore (cr);
}

void
_sam_map_renderer_legend_placement (SamMapRenderer *self,
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

  _sam_map_renderer_legend_placement (self, width, height, area, &max_height);

  return TRUE;
}
