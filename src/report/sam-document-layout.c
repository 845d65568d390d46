/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-page-layout-private.h"

/* Pagination.  Every block becomes a "piece" made of rows of text cells
 * (a paragraph is one row with one cell, a table row one row with a cell per
 * column) or a figure.  Rows are then placed on pages; a row that does not
 * fit is cut between layout lines, never through one, at a cut that no line
 * of any of its cells crosses. */

typedef struct
{
  SamPageLayout *layout;
  guint          page;
  double         y;
  gboolean       fresh;            /* nothing placed on this page yet */
  guint          block;            /* index of the block being placed */
} SamFlow;

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

          if (top < from - SAM_EPSILON || top >= to - SAM_EPSILON)
            continue;

          op.x = SAM_MARGIN_X + cell->x;
          op.y = y + shift + row->pad_top + cell->y + line->baseline - from;
          op.box = cell->box;
          op.line = j;
          sam_flow_add_op (flow, &op);
        }
    }

  if (row->rule > 0 && to >= row->height - SAM_EPSILON)
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

  while (from < row->height - SAM_EPSILON)
    {
      double shift = from > 0 ? row->pad_top : 0;
      double remaining = row->height - from + shift;
      double avail = sam_flow_available (flow);
      double cut;

      /* A table row moves whole to the next page when it would fit there */
      if (!row->eager && !flow->fresh && remaining > avail + SAM_EPSILON &&
          remaining <= SAM_FULL_PAGE - header)
        {
          sam_flow_break_in_piece (flow, piece);
          continue;
        }

      if (remaining <= avail + SAM_EPSILON)
        cut = row->height;
      else
        {
          cut = _sam_row_cut (row, from + avail - shift - row->pad_bottom);
          if (row->eager)
            cut = _sam_row_balance_cut (row, from, cut, flow->fresh);
        }

      if (cut <= from + SAM_EPSILON)
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
      if (from < row->height - SAM_EPSILON)
        sam_flow_break_in_piece (flow, piece);
    }
}

static void
sam_flow_place_figure (SamFlow        *flow,
                       const SamPiece *piece)
{
  double height = _sam_piece_height (piece);
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
      _sam_row_add_cell (&row, piece->caption, 0);
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
      double need = _sam_piece_height (piece) + piece->space_after +
                    _sam_pieces_min_head (pieces, index + 1, SAM_MIN_LINES);

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
          double need = _sam_piece_min_head (piece, &n_lines);
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
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (_sam_piece_free);
  SamFlow flow = { layout, 0, SAM_MARGIN_TOP, TRUE };

  layout->document = document;
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
    g_ptr_array_add (pieces, _sam_piece_new_for_block (layout, g_ptr_array_index (blocks, i)));

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
