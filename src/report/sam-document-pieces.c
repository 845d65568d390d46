/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sam-page-layout-private.h"

/* Blocks turned into pieces for pagination (see sam-document-layout.c), and
 * the measures the pagination asks of them: where a row may be cut, and how
 * much of a piece must follow a heading on its page. */

static void
sam_row_free (gpointer data)
{
  SamRow *row = data;

  g_array_unref (row->cells);
  g_free (row);
}

void
_sam_piece_free (gpointer data)
{
  SamPiece *piece = data;

  g_clear_pointer (&piece->header, sam_row_free);
  g_clear_pointer (&piece->rows, g_ptr_array_unref);
  g_free (piece);
}

static SamRow *
sam_row_new (double pad_top,
             double pad_bottom)
{
  SamRow *row = g_new0 (SamRow, 1);

  row->cells = g_array_new (FALSE, TRUE, sizeof (SamCell));
  row->pad_top = pad_top;
  row->pad_bottom = pad_bottom;

  return row;
}

void
_sam_row_add_cell (SamRow     *row,
                   SamTextBox *box,
                   double      x)
{
  SamCell cell = { box, x, 0 };
  double baseline = 0;

  g_array_append_val (row->cells, cell);

  /* The first lines of all cells share a baseline, whatever their sizes */
  for (guint i = 0; i < row->cells->len; i++)
    {
      SamCell *c = &g_array_index (row->cells, SamCell, i);

      baseline = MAX (baseline, g_array_index (c->box->lines, SamLine, 0).baseline);
    }
  row->height = 0;
  for (guint i = 0; i < row->cells->len; i++)
    {
      SamCell *c = &g_array_index (row->cells, SamCell, i);

      c->y = baseline - g_array_index (c->box->lines, SamLine, 0).baseline;
      row->height = MAX (row->height, row->pad_top + c->y + c->box->height + row->pad_bottom);
    }
}

static SamPiece *
sam_piece_new (SamPieceKind    kind,
               const SamBlock *block)
{
  SamPiece *piece = g_new0 (SamPiece, 1);

  piece->kind = kind;
  piece->block = block;
  piece->rows = g_ptr_array_new_with_free_func (sam_row_free);

  return piece;
}

static SamPiece *
sam_piece_new_heading (SamPageLayout  *layout,
                       const SamBlock *block)
{
  static const double before[] = { 0, 26, 18, 12 };
  static const double after[] = { 0, 10, 6, 4 };
  SamPiece *piece = sam_piece_new (SAM_PIECE_ROWS, block);
  SamStyle style = SAM_STYLE_H1 + block->level - 1;
  SamRow *row = sam_row_new (block->level == 1 ? 12 : 0, 0);

  row->accent_bar = block->level == 1;
  _sam_row_add_cell (row, _sam_text_box_new (layout, style, block->text, SAM_CONTENT_WIDTH), 0);
  g_ptr_array_add (piece->rows, row);
  piece->space_before = before[block->level];
  piece->space_after = after[block->level];
  piece->keep_with_next = TRUE;
  piece->outline = TRUE;

  return piece;
}

static SamPiece *
sam_piece_new_paragraph (SamPageLayout  *layout,
                         const SamBlock *block)
{
  SamPiece *piece = sam_piece_new (SAM_PIECE_ROWS, block);
  SamStyle style = block->style == SAM_TEXT_STYLE_MUTED ? SAM_STYLE_MUTED : SAM_STYLE_BODY;
  SamRow *row = sam_row_new (0, 0);
  SamTextBox *box;

  if (block->chip != NULL)
    box = _sam_text_box_new_chip (layout, style, block->chip_kind, block->chip, block->text,
                                  SAM_CONTENT_WIDTH);
  else
    box = _sam_text_box_new (layout, style, block->text, SAM_CONTENT_WIDTH);

  row->eager = TRUE;
  _sam_row_add_cell (row, box, 0);
  g_ptr_array_add (piece->rows, row);
  piece->space_after = 9;

  return piece;
}

static SamPiece *
sam_piece_new_bullets (SamPageLayout  *layout,
                       const SamBlock *block)
{
  SamPiece *piece = sam_piece_new (SAM_PIECE_ROWS, block);
  const double indent = 16;

  for (guint i = 0; block->items[i] != NULL; i++)
    {
      SamRow *row = sam_row_new (0, 3);

      row->eager = TRUE;
      _sam_row_add_cell (row, _sam_text_box_new (layout, SAM_STYLE_BULLET, "\u2022", 0), 3);
      _sam_row_add_cell (row,
                         _sam_text_box_new (layout, SAM_STYLE_BODY, block->items[i],
                                            SAM_CONTENT_WIDTH - indent),
                         indent);
      g_ptr_array_add (piece->rows, row);
    }
  piece->space_after = 7;

  return piece;
}

static SamPiece *
sam_piece_new_key_values (SamPageLayout  *layout,
                          const SamBlock *block)
{
  SamPiece *piece = sam_piece_new (SAM_PIECE_ROWS, block);
  double label_width = 60;
  const double gap = 14;

  for (guint i = 0; i < block->labels->len; i++)
    {
      SamTextBox *probe = _sam_text_box_new (layout, SAM_STYLE_KV_LABEL,
                                             g_ptr_array_index (block->labels, i), 0);

      label_width = MAX (label_width, probe->natural_width);
    }
  label_width = MIN (ceil (label_width), SAM_CONTENT_WIDTH * 0.34);

  for (guint i = 0; i < block->labels->len; i++)
    {
      SamRow *row = sam_row_new (2, 2);

      _sam_row_add_cell (row,
                         _sam_text_box_new (layout, SAM_STYLE_KV_LABEL,
                                            g_ptr_array_index (block->labels, i), label_width),
                         0);
      _sam_row_add_cell (row,
                         _sam_text_box_new (layout, SAM_STYLE_BODY,
                                            g_ptr_array_index (block->values, i),
                                            SAM_CONTENT_WIDTH - label_width - gap),
                         label_width + gap);
      g_ptr_array_add (piece->rows, row);
    }
  piece->space_after = 9;

  return piece;
}

static SamPiece *
sam_piece_new_table (SamPageLayout  *layout,
                     const SamBlock *block)
{
  SamPiece *piece = sam_piece_new (SAM_PIECE_ROWS, block);
  SamTable *table = block->table;
  guint n_columns = _sam_table_get_n_columns (table);
  guint n_rows = sam_table_get_n_rows (table);
  double inset = _sam_table_has_swatches (table) ? 7 : 0;
  const double pad_x = 6;
  g_autofree double *xs = g_new (double, n_columns + 1);
  double total = 0;

  for (guint c = 0; c < n_columns; c++)
    total += _sam_table_get_ratio (table, c);
  xs[0] = inset;
  for (guint c = 0; c < n_columns; c++)
    xs[c + 1] = xs[c] + (SAM_CONTENT_WIDTH - inset) * _sam_table_get_ratio (table, c) / total;

  piece->header = sam_row_new (6, 5);
  piece->header->shaded = TRUE;
  piece->header->shade = _sam_rgb (SAM_COLOUR_HEAD_BG);
  piece->header->rule = 1.0;
  piece->header->rule_colour = _sam_rgb (SAM_COLOUR_ACCENT);
  for (guint c = 0; c < n_columns; c++)
    _sam_row_add_cell (piece->header,
                       _sam_text_box_new (layout, SAM_STYLE_TABLE_HEAD,
                                          _sam_table_get_title (table, c),
                                          xs[c + 1] - xs[c] - 2 * pad_x),
                       xs[c] + pad_x);

  for (guint r = 0; r < n_rows; r++)
    {
      SamRow *row = sam_row_new (5.5, 5.5);

      row->shaded = r % 2 == 1;
      row->shade = _sam_rgb (SAM_COLOUR_ZEBRA);
      row->rule = 0.5;
      row->rule_colour = _sam_rgb (SAM_COLOUR_RULE);
      row->has_swatch = _sam_table_get_swatch (table, r, &row->swatch);

      for (guint c = 0; c < n_columns; c++)
        {
          double width = xs[c + 1] - xs[c] - 2 * pad_x;
          gboolean is_chip;
          SamChipKind kind;
          const char *text = _sam_table_get_cell (table, r, c, &is_chip, &kind);
          SamTextBox *box;

          if (is_chip && text[0] != '\0')
            box = _sam_text_box_new_chip (layout, SAM_STYLE_TABLE_CELL, kind, text, NULL, width);
          else
            box = _sam_text_box_new (layout, SAM_STYLE_TABLE_CELL, text, width);
          _sam_row_add_cell (row, box, xs[c] + pad_x);
        }
      g_ptr_array_add (piece->rows, row);
    }
  piece->space_before = 4;
  piece->space_after = 14;

  return piece;
}

static SamPiece *
sam_piece_new_figure (SamPageLayout  *layout,
                      const SamBlock *block)
{
  SamPiece *piece = sam_piece_new (SAM_PIECE_FIGURE, block);
  double caption_height = 0;
  double max_height;

  if (block->text != NULL && block->text[0] != '\0')
    {
      piece->caption = _sam_text_box_new (layout, SAM_STYLE_CAPTION, block->text, SAM_CONTENT_WIDTH);
      _sam_text_box_set_alignment (piece->caption, PANGO_ALIGN_CENTER);
      caption_height = 8 + piece->caption->height;
    }

  max_height = SAM_CONTENT_BOTTOM - SAM_MARGIN_TOP - caption_height - 4;
  piece->figure_width = SAM_CONTENT_WIDTH;
  piece->figure_height = SAM_CONTENT_WIDTH / block->aspect_ratio;
  if (piece->figure_height > max_height)
    {
      piece->figure_height = max_height;
      piece->figure_width = max_height * block->aspect_ratio;
    }
  piece->space_before = 6;
  piece->space_after = 16;

  return piece;
}

SamPiece *
_sam_piece_new_for_block (SamPageLayout  *layout,
                          const SamBlock *block)
{
  switch (block->kind)
    {
    case SAM_BLOCK_HEADING:
      return sam_piece_new_heading (layout, block);
    case SAM_BLOCK_PARAGRAPH:
      return sam_piece_new_paragraph (layout, block);
    case SAM_BLOCK_BULLETS:
      return sam_piece_new_bullets (layout, block);
    case SAM_BLOCK_KEY_VALUES:
      return sam_piece_new_key_values (layout, block);
    case SAM_BLOCK_TABLE:
      return sam_piece_new_table (layout, block);
    case SAM_BLOCK_FIGURE:
      return sam_piece_new_figure (layout, block);
    case SAM_BLOCK_PAGE_BREAK:
      return sam_piece_new (SAM_PIECE_BREAK, block);
    default:
      g_assert_not_reached ();
    }
}

/* Lines of the row's longest cell */
static guint
sam_row_get_n_lines (const SamRow *row)
{
  guint n_lines = 0;

  for (guint i = 0; i < row->cells->len; i++)
    n_lines = MAX (n_lines, g_array_index (row->cells, SamCell, i).box->lines->len);

  return n_lines;
}

/* Height of the smallest start of @row worth placing at the bottom of a page:
 * @n_lines lines of text for flowing rows, the whole row otherwise. */
static double
sam_row_min_head (const SamRow *row,
                  guint         n_lines)
{
  double head = 0;

  /* A row that fits on a page moves whole; a longer one may start anywhere */
  if (!row->eager && row->height <= SAM_FULL_PAGE * 0.8)
    return row->height;

  for (guint i = 0; i < row->cells->len; i++)
    {
      const SamCell *cell = &g_array_index (row->cells, SamCell, i);
      GArray *lines = cell->box->lines;
      guint n = CLAMP (n_lines, 1, lines->len);

      head = MAX (head, cell->y + g_array_index (lines, SamLine, n - 1).bottom);
    }

  return MIN (row->pad_top + head, row->height);
}

/* The largest cut c ≤ limit (row coordinates) that no line crosses. */
double
_sam_row_cut (const SamRow *row,
              double        limit)
{
  double cut = limit;
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < row->cells->len; i++)
        {
          const SamCell *cell = &g_array_index (row->cells, SamCell, i);

          for (guint j = 0; j < cell->box->lines->len; j++)
            {
              const SamLine *line = &g_array_index (cell->box->lines, SamLine, j);
              double top = row->pad_top + cell->y + line->top;
              double bottom = row->pad_top + cell->y + line->bottom;

              if (top < cut - SAM_EPSILON && bottom > cut + SAM_EPSILON)
                {
                  cut = top;
                  changed = TRUE;
                }
            }
        }
    }

  return cut;
}

/* Avoids a lone first line at the bottom of a page (orphan) and a lone last
 * line at the top of the next (widow), judged on the row's longest cell. */
double
_sam_row_balance_cut (const SamRow *row,
                      double        from,
                      double        cut,
                      gboolean      fresh)
{
  const SamCell *longest;
  guint before = 0, after = 0;
  double last_top = cut;

  g_assert (row->cells->len > 0);
  longest = &g_array_index (row->cells, SamCell, 0);
  for (guint i = 1; i < row->cells->len; i++)
    {
      const SamCell *cell = &g_array_index (row->cells, SamCell, i);

      if (cell->box->lines->len > longest->box->lines->len)
        longest = cell;
    }

  for (guint j = 0; j < longest->box->lines->len; j++)
    {
      double top = row->pad_top + longest->y + g_array_index (longest->box->lines, SamLine, j).top;

      if (top < from - SAM_EPSILON)
        continue;
      if (top < cut - SAM_EPSILON)
        {
          before++;
          last_top = top;
        }
      else
        after++;
    }

  if (before == 1 && after >= 1 && !fresh)
    return from;
  if (after == 1 && before >= 3)
    return _sam_row_cut (row, last_top);

  return cut;
}

double
_sam_piece_height (const SamPiece *piece)
{
  double height = 0;

  if (piece->kind == SAM_PIECE_FIGURE)
    return piece->figure_height + (piece->caption ? 8 + piece->caption->height : 0);

  for (guint i = 0; i < piece->rows->len; i++)
    height += ((SamRow *)g_ptr_array_index (piece->rows, i))->height;

  return height;
}

/* Height of the start of a piece of rows that holds *@n_lines lines of
 * flowing text (after its table header, if any); a row that does not flow
 * counts as enough.  *@n_lines is left with the lines still missing when the
 * piece ends first. */
double
_sam_piece_min_head (const SamPiece *piece,
                     guint          *n_lines)
{
  double head = piece->header ? piece->header->height : 0;

  for (guint i = 0; i < piece->rows->len && *n_lines > 0; i++)
    {
      const SamRow *row = g_ptr_array_index (piece->rows, i);
      guint row_lines = sam_row_get_n_lines (row);

      if (!row->eager || row_lines >= *n_lines)
        {
          head += sam_row_min_head (row, *n_lines);
          *n_lines = 0;
        }
      else
        {
          head += row->height;
          *n_lines -= row_lines;
        }
    }

  return head;
}

/* What must follow a heading on its page: the start of the next block with
 * at least two lines of text, a table's header and first row, or a figure.
 * A shorter block, such as a one-line note, is taken whole and the missing
 * lines come from the blocks after it; a heading among them brings its own
 * next block.  So a heading never ends a page with only a stray line. */
double
_sam_pieces_min_head (GPtrArray *pieces,
                      guint      index,
                      guint      n_lines)
{
  const SamPiece *piece;
  double head;

  if (index >= pieces->len || n_lines == 0)
    return 0;

  piece = g_ptr_array_index (pieces, index);
  switch (piece->kind)
    {
    case SAM_PIECE_BREAK:
      return 0;
    case SAM_PIECE_FIGURE:
      return piece->space_before + _sam_piece_height (piece);
    case SAM_PIECE_ROWS:
    default:
      if (piece->keep_with_next)
        return piece->space_before + _sam_piece_height (piece) + piece->space_after +
               _sam_pieces_min_head (pieces, index + 1, SAM_MIN_LINES);
      head = piece->space_before + _sam_piece_min_head (piece, &n_lines);
      if (n_lines > 0)
        head += piece->space_after + _sam_pieces_min_head (pieces, index + 1, n_lines);
      return head;
    }
}
