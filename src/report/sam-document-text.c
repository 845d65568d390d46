/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-page-layout-private.h"

/* Text boxes: one Pango layout each, in one of the report's text styles,
 * measured line by line for the pagination. */

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

typedef struct
{
  double      size;
  PangoWeight weight;
  guint32     colour;
  float       line_spacing;
  double      letter_spacing;
} SamStyleInfo;

static const SamStyleInfo styles[SAM_N_STYLES] = {
  [SAM_STYLE_BODY]         = { 10.0, PANGO_WEIGHT_NORMAL, SAM_COLOUR_INK, 1.4f, 0 },
  [SAM_STYLE_MUTED]        = { 9.0, PANGO_WEIGHT_NORMAL, SAM_COLOUR_MUTED, 1.4f, 0 },
  [SAM_STYLE_H1]           = { 19.0, PANGO_WEIGHT_BOLD, SAM_COLOUR_HEADING, 1.15f, -0.2 },
  [SAM_STYLE_H2]           = { 13.5, PANGO_WEIGHT_BOLD, SAM_COLOUR_HEADING, 1.2f, 0 },
  [SAM_STYLE_H3]           = { 11.0, PANGO_WEIGHT_BOLD, SAM_COLOUR_ACCENT, 1.25f, 0 },
  [SAM_STYLE_TABLE_HEAD]   = { 8.5, PANGO_WEIGHT_BOLD, SAM_COLOUR_HEADING, 1.25f, 0.2 },
  [SAM_STYLE_TABLE_CELL]   = { 9.0, PANGO_WEIGHT_NORMAL, SAM_COLOUR_INK, 1.3f, 0 },
  [SAM_STYLE_KV_LABEL]     = { 9.0, PANGO_WEIGHT_BOLD, SAM_COLOUR_MUTED, 1.4f, 0 },
  [SAM_STYLE_BULLET]       = { 10.0, PANGO_WEIGHT_BOLD, SAM_COLOUR_ACCENT, 1.4f, 0 },
  [SAM_STYLE_CAPTION]      = { 8.5, PANGO_WEIGHT_NORMAL, SAM_COLOUR_MUTED, 1.3f, 0 },
  [SAM_STYLE_FOOTER]       = { 7.5, PANGO_WEIGHT_NORMAL, SAM_COLOUR_MUTED, 1.0f, 0.1 },
  [SAM_STYLE_COVER_KICKER] = { 10.0, PANGO_WEIGHT_BOLD, SAM_COLOUR_COVER_TINT, 1.3f, 0.8 },
  [SAM_STYLE_COVER_TITLE]  = { 30.0, PANGO_WEIGHT_BOLD, 0xffffff, 1.1f, -0.4 },
  [SAM_STYLE_COVER_LABEL]  = { 8.0, PANGO_WEIGHT_BOLD, SAM_COLOUR_MUTED, 1.0f, 1.2 },
  [SAM_STYLE_COVER_VALUE]  = { 12.5, PANGO_WEIGHT_NORMAL, SAM_COLOUR_INK, 1.3f, 0 },
  [SAM_STYLE_COVER_TEAM]   = { 11.0, PANGO_WEIGHT_NORMAL, SAM_COLOUR_INK, 1.2f, 0 },
  [SAM_STYLE_COVER_NOTE]   = { 8.5, PANGO_WEIGHT_NORMAL, SAM_COLOUR_MUTED, 1.35f, 0 },
};

/* Foreground of each chip kind; the background is drawn by the renderer */
static const guint32 chip_foreground[] = {
  [SAM_CHIP_NEUTRAL]  = 0x3d4350,
  [SAM_CHIP_POSITIVE] = 0x1b6b35,
  [SAM_CHIP_NEGATIVE] = 0xa3222f,
  [SAM_CHIP_WARNING]  = 0x8a5300,
  [SAM_CHIP_INFO]     = 0x1c5a92,
};

SamRgb
_sam_rgb (guint32 hex)
{
  SamRgb rgb = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
  };

  return rgb;
}

void
_sam_text_box_free (gpointer data)
{
  SamTextBox *box = data;

  g_clear_object (&box->layout);
  g_clear_pointer (&box->lines, g_array_unref);
  g_clear_pointer (&box->chips, g_array_unref);
  g_free (box);
}

static void
sam_text_box_measure (SamTextBox *box)
{
  PangoLayoutIter *iter = pango_layout_get_iter (box->layout);
  PangoRectangle ink, logical;

  box->lines = g_array_new (FALSE, FALSE, sizeof (SamLine));
  do
    {
      SamLine line;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = (double)y0 / PANGO_SCALE;
      line.bottom = (double)y1 / PANGO_SCALE;
      line.baseline = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double)logical.x / PANGO_SCALE;
      g_array_append_val (box->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  pango_layout_get_extents (box->layout, &ink, &logical);
  box->height = g_array_index (box->lines, SamLine, box->lines->len - 1).bottom;
  box->natural_width = (double)logical.width / PANGO_SCALE;
}

/* The text is always set as plain text: user text such as "<b>&" is shown
 * as typed and never parsed as markup. */
static SamTextBox *
sam_text_box_new_full (SamPageLayout *layout,
                       SamStyle       style,
                       const char    *text,
                       PangoAttrList *attrs,
                       GArray        *chips,
                       double         width)
{
  const SamStyleInfo *info = &styles[style];
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  SamTextBox *box = g_new0 (SamTextBox, 1);

  pango_font_description_set_size (font, (int)(info->size * PANGO_SCALE));
  pango_font_description_set_weight (font, info->weight);

  box->layout = pango_layout_new (layout->context);
  box->colour = _sam_rgb (info->colour);
  box->chips = chips;
  pango_layout_set_font_description (box->layout, font);
  pango_layout_set_line_spacing (box->layout, info->line_spacing);
  if (width > 0)
    {
      pango_layout_set_width (box->layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (box->layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (box->layout, text, -1);

  if (info->letter_spacing != 0)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int)(info->letter_spacing * PANGO_SCALE)));
  pango_layout_set_attributes (box->layout, attrs);

  sam_text_box_measure (box);
  g_ptr_array_add (layout->boxes, box);

  return box;
}

SamTextBox *
_sam_text_box_new (SamPageLayout *layout,
                   SamStyle       style,
                   const char    *text,
                   double         width)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  return sam_text_box_new_full (layout, style, text, attrs, NULL, width);
}

/* A chip is its text with figure spaces around it (no-break spaces that
 * pad the rounded background), no-break spaces inside it (so it never wraps), in a smaller bold
 * font.  The renderer draws the background behind that byte range. */
SamTextBox *
_sam_text_box_new_chip (SamPageLayout *layout,
                        SamStyle       style,
                        SamChipKind    kind,
                        const char    *chip,
                        const char    *text,
                        double         width)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GString) str = g_string_new ("\u2007");
  g_autoptr(GArray) chips = g_array_new (FALSE, FALSE, sizeof (SamChipRange));
  SamRgb fg = _sam_rgb (chip_foreground[kind]);
  SamChipRange range = { 0, 0, kind, styles[style].size * 0.82 };
  PangoAttribute *attr;

  for (const char *p = chip; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        g_string_append (str, "\u00a0");
      else
        g_string_append_unichar (str, c);
    }
  g_string_append (str, "\u2007");
  range.end = str->len;

  attr = pango_attr_size_new ((int)(range.size * PANGO_SCALE));
  attr->start_index = range.start;
  attr->end_index = range.end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  attr->start_index = range.start;
  attr->end_index = range.end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_foreground_new (fg.red * 65535, fg.green * 65535, fg.blue * 65535);
  attr->start_index = range.start;
  attr->end_index = range.end;
  pango_attr_list_insert (attrs, attr);
  g_array_append_val (chips, range);

  if (text != NULL && text[0] != '\0')
    {
      g_string_append (str, "  ");
      g_string_append (str, text);
    }

  return sam_text_box_new_full (layout, style, str->str, attrs, g_steal_pointer (&chips), width);
}

void
_sam_text_box_set_alignment (SamTextBox     *box,
                             PangoAlignment  alignment)
{
  pango_layout_set_alignment (box->layout, alignment);
  g_clear_pointer (&box->lines, g_array_unref);
  sam_text_box_measure (box);
}

/* One context per layout, at 72 dpi so that one Pango point is one cairo
 * unit, i.e. one PDF point. */
PangoContext *
_sam_page_layout_create_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the same positions in the PDF and in any PNG */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}
