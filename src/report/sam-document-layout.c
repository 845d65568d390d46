/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sam-page-layout-private.h"

/* Pagination.  Every block becomes a "piece" made of rows of text cells
 * (a paragraph is one row with one cell, a table row one row with a cell per
 * column) or a figure.  Rows are then placed on pages; a row that does not
 * fit is cut between layout lines, never through one, at a cut that no line
 * of any of its cells crosses. */

#define EPSILON 0.01

/* Lines of flowing text kept together: after a heading, at the bottom of a
 * page */
#define SAM_MIN_LINES 2

typedef struct
{
  SamTextBox *box;
  double      x;                   /* of the text, from the content's left */
  double      y;                   /* below the row's padding, to share a baseline */
} SamCell;

typedef struct
{
  GArray  *cells;                  /* of SamCell */
  double   pad_top;
  double   pad_bottom;
  double   height;
  gboolean eager;                  /* may break between any two lines */
  gboolean shaded;
  SamRgb   shade;
  gboolean has_swatch;
  SamRgb   swatch;
  double   rule;                   /* width of a rule below, or 0 */
  SamRgb   rule_colour;
  gboolean accent_bar;             /* the short bar above a chapter heading */
} SamRow;

typedef enum
{
  SAM_PIECE_ROWS,
  SAM_PIECE_FIGURE,
  SAM_PIECE_BREAK,
} SamPieceKind;

typedef struct
{
  SamPieceKind    kind;
  const SamBlock *block;
  double          space_before;
  double          space_after;
  gboolean        keep_with_next;
  gboolean        outline;
  SamRow         *header;
  GPtrArray      *rows;            /* of SamRow */
  double          figure_width;
  double          figure_height;
  SamTextBox     *caption;
} SamPiece;

typedef struct
{
  SamPageLayout *layout;
  guint          page;
  double         y;
  gboolean       fresh;            /* nothing placed on this page yet */
  guint          block;            /* index of the block being placed */
} SamFlow;

static void
sam_row_free (gpointer data)
{
  SamRow *row = data;

  g_array_unref (row->cells);
  g_free (row);
}

static void
sam_piece_free (gpointer data)
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

static void
sam_row_add_cell (SamRow     *row,
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
  sam_row_add_cell (row, _sam_text_box_new (layout, style, block->text, SAM_CONTENT_WIDTH), 0);
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
  sam_row_add_cell (row, box, 0);
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
      sam_row_add_cell (row, _sam_text_box_new (layout, SAM_STYLE_BULLET, "\u2022", 0), 3);
      sam_row_add_cell (row,
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

      sam_row_add_cell (row,
                        _sam_text_box_new (layout, SAM_STYLE_KV_LABEL,
                                           g_ptr_array_index (block->labels, i), label_width),
                        0);
      sam_row_add_cell (row,
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
    sam_row_add_cell (piece->header,
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
          sam_row_add_cell (row, box, xs[c] + pad_x);
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

static SamPiece *
sam_piece_new_for_block (SamPageLayout  *layout,
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

void
_sam_page_layout_add_op (SamPageLayout *layout,
                         guint          page,
                         const SamOp   *op)
{
  while (layout->pages->len <= page)
    g_ptr_array_add (layout->pages, g_array_new (FALSE, TRUE, sizeof (SamOp)));

  g_array_append_vals (g_ptr_array_index (layout->pages, page), op, 1);
}

static void
sam_flow_add_op (SamFlow     *flow,
                 const SamOp *op)
{
  _sam_page_layout_add_op (flow->layout, flow->page, op);
  if (op->kind == SAM_OP_OUTLINE)
    return;

  flow->fresh = FALSE;
  if (flow->block < flow->layout->block_pages->len &&
      g_array_index (flow->layout->block_pages, int, flow->block) < 0)
    g_array_index (flow->layout->block_pages, int, flow->block) = flow->page;
}

static void
sam_flow_add_rect (SamFlow *flow,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   SamRgb   colour)
{
  SamOp op = { SAM_OP_RECT, x, y, width, height, 0, colour };

  sam_flow_add_op (flow, &op);
}

static void
sam_flow_new_page (SamFlow *flow)
{
  flow->page++;
  flow->y = SAM_MARGIN_TOP;
  flow->fresh = TRUE;
  /* make the page exist even if it stays empty */
  while (flow->layout->pages->len <= flow->page)
    g_ptr_array_add (flow->layout->pages, g_array_new (FALSE, TRUE, sizeof (SamOp)));
}

static double
sam_flow_available (SamFlow *flow)
{
  return SAM_CONTENT_BOTTOM - flow->y;
}

#define SAM_FULL_PAGE (SAM_CONTENT_BOTTOM - SAM_MARGIN_TOP)

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
static double
sam_row_cut (const SamRow *row,
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

              if (top < cut - EPSILON && bottom > cut + EPSILON)
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
static double
sam_row_balance_cut (const SamRow *row,
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

      if (top < from - EPSILON)
        continue;
      if (top < cut - EPSILON)
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
    return sam_row_cut (row, last_top);

  return cut;
}

/* Places the part [from, to) of @row at the flow's position. */
static void
sam_flow_place_slice (SamFlow      *flow,
                      const SamRow *row,
                      double        from,
                      double        to)
{
  double shift = from > 0 ? row->pad_top : 0;
  double height = to - from + shift;
  double y = flow->y;

  if (row->shaded)
    sam_flow_add_rect (flow, SAM_MARGIN_X, y, SAM_CONTENT_WIDTH, height, row->shade);
  if (row->has_swatch)
    sam_flow_add_rect (flow, SAM_MARGIN_X, y, 3, height, row->swatch);
  if (row->accent_bar && from == 0)
    sam_flow_add_rect (flow, SAM_MARGIN_X, y, 28, 3, _sam_rgb (SAM_COLOUR_ACCENT));

  for (guint i = 0; i < row->cells->len; i++)
    {
      const SamCell *cell = &g_array_index (row->cells, SamCell, i);

      for (guint j = 0; j < cell->box->lines->len; j++)
        {
          const SamLine *line = &g_array_index (cell->box->lines, SamLine, j);
          double top = row->pad_top + cell->y + line->top;
          SamOp op = { SAM_OP_LINE };

          if (top < from - EPSILON || top >= to - EPSILON)
            continue;

          op.x = SAM_MARGIN_X + cell->x;
          op.y = y + shift + row->pad_top + cell->y + line->baseline - from;
          op.box = cell->box;
          op.line = j;
          sam_flow_add_op (flow, &op);
        }
    }

  if (row->rule > 0 && to >= row->height - EPSILON)
    sam_flow_add_rect (flow, SAM_MARGIN_X, y + height - row->rule / 2,
                       SAM_CONTENT_WIDTH, row->rule, row->rule_colour);

  flow->y += height;
}

static void
sam_flow_break_in_piece (SamFlow        *flow,
                         const SamPiece *piece)
{
  sam_flow_new_page (flow);
  if (piece->header != NULL)
    {
      sam_flow_place_slice (flow, piece->header, 0, piece->header->height);
      /* a repeated header alone does not make a page worth leaving */
      flow->fresh = TRUE;
    }
}

static void
sam_flow_place_row (SamFlow        *flow,
                    const SamPiece *piece,
                    const SamRow   *row)
{
  double header = piece->header ? piece->header->height : 0;
  double from = 0;

  while (from < row->height - EPSILON)
    {
      double shift = from > 0 ? row->pad_top : 0;
      double remaining = row->height - from + shift;
      double avail = sam_flow_available (flow);
      double cut;

      /* A table row moves whole to the next page when it would fit there */
      if (!row->eager && !flow->fresh && remaining > avail + EPSILON &&
          remaining <= SAM_FULL_PAGE - header)
        {
          sam_flow_break_in_piece (flow, piece);
          continue;
        }

      if (remaining <= avail + EPSILON)
        cut = row->height;
      else
        {
          cut = sam_row_cut (row, from + avail - shift - row->pad_bottom);
          if (row->eager)
            cut = sam_row_balance_cut (row, from, cut, flow->fresh);
        }

      if (cut <= from + EPSILON)
        {
          if (!flow->fresh)
            {
              sam_flow_break_in_piece (flow, piece);
              continue;
            }
          /* A single line taller than a page: cut it rather than loop */
          cut = MIN (row->height, from + MAX (avail, 1));
        }

      sam_flow_place_slice (flow, row, from, cut);
      from = cut;
      if (from < row->height - EPSILON)
        sam_flow_break_in_piece (flow, piece);
    }
}

static double
sam_piece_height (const SamPiece *piece)
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
static double
sam_piece_min_head (const SamPiece *piece,
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
static double
sam_pieces_min_head (GPtrArray *pieces,
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
      return piece->space_before + sam_piece_height (piece);
    case SAM_PIECE_ROWS:
    default:
      if (piece->keep_with_next)
        return piece->space_before + sam_piece_height (piece) + piece->space_after +
               sam_pieces_min_head (pieces, index + 1, SAM_MIN_LINES);
      head = piece->space_before + sam_piece_min_head (piece, &n_lines);
      if (n_lines > 0)
        head += piece->space_after + sam_pieces_min_head (pieces, index + 1, n_lines);
      return head;
    }
}

static void
sam_flow_place_figure (SamFlow        *flow,
                       const SamPiece *piece)
{
  double height = sam_piece_height (piece);
  SamOp op = { SAM_OP_FIGURE };

  if (height > sam_flow_available (flow) && !flow->fresh)
    sam_flow_new_page (flow);

  op.x = SAM_MARGIN_X + (SAM_CONTENT_WIDTH - piece->figure_width) / 2;
  op.y = flow->y;
  op.width = piece->figure_width;
  op.height = piece->figure_height;
  op.block = piece->block;
  sam_flow_add_op (flow, &op);
  flow->y += piece->figure_height;

  if (piece->caption != NULL)
    {
      SamRow row = { NULL };

      row.cells = g_array_new (FALSE, TRUE, sizeof (SamCell));
      row.pad_top = 8;
      sam_row_add_cell (&row, piece->caption, 0);
      sam_flow_place_slice (flow, &row, 0, row.height);
      g_array_unref (row.cells);
    }
}

static void
sam_flow_place_piece (SamFlow   *flow,
                      GPtrArray *pieces,
                      guint      index)
{
  const SamPiece *piece = g_ptr_array_index (pieces, index);

  if (piece->kind == SAM_PIECE_BREAK)
    {
      if (!flow->fresh)
        sam_flow_new_page (flow);
      return;
    }

  if (!flow->fresh)
    flow->y += piece->space_before;

  if (piece->keep_with_next && !flow->fresh)
    {
      double need = sam_piece_height (piece) + piece->space_after +
                    sam_pieces_min_head (pieces, index + 1, SAM_MIN_LINES);

      if (need > sam_flow_available (flow) && need <= SAM_FULL_PAGE)
        sam_flow_new_page (flow);
    }

  if (piece->kind == SAM_PIECE_FIGURE)
    sam_flow_place_figure (flow, piece);
  else
    {
      if (piece->header != NULL)
        {
          guint n_lines = SAM_MIN_LINES;
          double need = sam_piece_min_head (piece, &n_lines);
          if (need > sam_flow_available (flow) && !flow->fresh)
            sam_flow_new_page (flow);
          sam_flow_place_slice (flow, piece->header, 0, piece->header->height);
        }

      if (piece->outline)
        {
          SamOp op = { SAM_OP_OUTLINE };

          op.x = SAM_MARGIN_X;
          op.y = flow->y;
          op.block = piece->block;
          sam_flow_add_op (flow, &op);
        }

      for (guint i = 0; i < piece->rows->len; i++)
        sam_flow_place_row (flow, piece, g_ptr_array_index (piece->rows, i));
    }

  flow->y += piece->space_after;
}

/* Lays the document out on pages.  Uses the calling thread's font map, so
 * the result must be used in that thread only. */
SamPageLayout *
_sam_page_layout_new (SamDocument *document)
{
  SamPageLayout *layout = g_new0 (SamPageLayout, 1);
  GPtrArray *blocks = _sam_document_get_blocks (document);
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (sam_piece_free);
  SamFlow flow = { layout, 0, SAM_MARGIN_TOP, TRUE };

  layout->document = g_object_ref (document);
  layout->context = _sam_page_layout_create_context ();
  layout->boxes = g_ptr_array_new_with_free_func (_sam_text_box_free);
  layout->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_ptr_array_add (layout->pages, g_array_new (FALSE, TRUE, sizeof (SamOp)));
  layout->block_pages = g_array_sized_new (FALSE, FALSE, sizeof (int), blocks->len);
  for (guint i = 0; i < blocks->len; i++)
    {
      int none = -1;

      g_array_append_val (layout->block_pages, none);
    }

  if (_sam_document_get_cover (document) != NULL)
    {
      _sam_page_layout_layout_cover (layout);
      layout->has_cover = TRUE;
      if (blocks->len > 0)
        sam_flow_new_page (&flow);
    }

  for (guint i = 0; i < blocks->len; i++)
    g_ptr_array_add (pieces, sam_piece_new_for_block (layout, g_ptr_array_index (blocks, i)));

  for (guint i = 0; i < pieces->len; i++)
    {
      flow.block = i;
      sam_flow_place_piece (&flow, pieces, i);
    }

  /* A trailing page break leaves an empty page: drop it */
  if (layout->pages->len > 1 && flow.fresh &&
      ((GArray *)g_ptr_array_index (layout->pages, flow.page))->len == 0)
    g_ptr_array_set_size (layout->pages, flow.page);

  return layout;
}

void
_sam_page_layout_free (SamPageLayout *layout)
{
  g_clear_pointer (&layout->pages, g_ptr_array_unref);
  g_clear_pointer (&layout->block_pages, g_array_unref);
  g_clear_pointer (&layout->boxes, g_ptr_array_unref);
  g_clear_object (&layout->context);
  g_clear_object (&layout->document);
  g_free (layout);
}

guint
_sam_page_layout_get_n_pages (SamPageLayout *layout)
{
  return layout->pages->len;
}

int
_sam_page_layout_get_block_page (SamPageLayout *layout,
                                 guint          block_index)
{
  if (block_index >= layout->block_pages->len)
    return -1;

  return g_array_index (layout->block_pages, int, block_index);
}
