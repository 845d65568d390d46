/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-document-private.h"

G_BEGIN_DECLS

/* Page geometry, in points */
#define SAM_MARGIN_X         62.0
#define SAM_MARGIN_TOP       66.0
#define SAM_CONTENT_BOTTOM   (SAM_PAGE_HEIGHT - 76.0)
#define SAM_CONTENT_WIDTH    (SAM_PAGE_WIDTH - 2 * SAM_MARGIN_X)
#define SAM_FOOTER_RULE_Y    (SAM_PAGE_HEIGHT - 56.0)
#define SAM_FOOTER_BASELINE  (SAM_PAGE_HEIGHT - 40.0)

/* The report's colours, as 0xRRGGBB */
#define SAM_COLOUR_INK        0x23272f
#define SAM_COLOUR_HEADING    0x172a45
#define SAM_COLOUR_ACCENT     0x2b6c9e
#define SAM_COLOUR_MUTED      0x687080
#define SAM_COLOUR_RULE       0xd6dae1
#define SAM_COLOUR_HEAD_BG    0xe8eef5
#define SAM_COLOUR_ZEBRA      0xf5f7fa
#define SAM_COLOUR_COVER_BG   0x172a45
#define SAM_COLOUR_COVER_TINT 0x9dbdd8
#define SAM_COLOUR_COVER_LINE 0x4f9cc9

typedef enum
{
  SAM_STYLE_BODY,
  SAM_STYLE_MUTED,
  SAM_STYLE_H1,
  SAM_STYLE_H2,
  SAM_STYLE_H3,
  SAM_STYLE_TABLE_HEAD,
  SAM_STYLE_TABLE_CELL,
  SAM_STYLE_KV_LABEL,
  SAM_STYLE_BULLET,
  SAM_STYLE_CAPTION,
  SAM_STYLE_FOOTER,
  SAM_STYLE_COVER_KICKER,
  SAM_STYLE_COVER_TITLE,
  SAM_STYLE_COVER_LABEL,
  SAM_STYLE_COVER_VALUE,
  SAM_STYLE_COVER_TEAM,
  SAM_STYLE_COVER_NOTE,
  SAM_N_STYLES
} SamStyle;

typedef struct
{
  double top;                      /* relative to the box's top */
  double bottom;
  double baseline;
  double x;                        /* the line's offset from the box's left */
} SamLine;

typedef struct
{
  guint       start;               /* byte range in the layout's text */
  guint       end;
  SamChipKind kind;
  double      size;                /* font size of the chip text */
} SamChipRange;

typedef struct
{
  PangoLayout *layout;
  SamRgb       colour;
  GArray      *lines;              /* of SamLine */
  GArray      *chips;              /* of SamChipRange, or NULL */
  double       height;
  double       natural_width;
} SamTextBox;

typedef enum
{
  SAM_OP_LINE,                     /* one line of a text box */
  SAM_OP_RECT,                     /* a filled, maybe rounded rectangle */
  SAM_OP_FIGURE,                   /* a caller-drawn figure */
  SAM_OP_OUTLINE,                  /* a heading's place, for the PDF outline */
} SamOpKind;

typedef struct
{
  SamOpKind       kind;
  double          x;               /* LINE: the box's left; y: the baseline */
  double          y;
  double          width;
  double          height;
  double          radius;
  SamRgb          colour;
  SamTextBox     *box;
  guint           line;
  const SamBlock *block;
} SamOp;

struct _SamPageLayout
{
  /* Not a reference: the document owns its cached layout, and a worker's
   * layout lives while its GTask holds the document. */
  SamDocument  *document;
  PangoContext *context;
  GPtrArray    *boxes;             /* of SamTextBox, owned */
  GPtrArray    *pages;             /* of GArray of SamOp */
  GArray       *block_pages;       /* of int: where each block starts, or -1 */
  gboolean      has_cover;
  int           outline_ids[4];    /* last outline entry per heading level */
};

SamRgb       _sam_rgb               (guint32        hex);
SamTextBox  *_sam_text_box_new      (SamPageLayout *layout,
                                     SamStyle       style,
                                     const char    *text,
                                     double         width);
SamTextBox  *_sam_text_box_new_chip (SamPageLayout *layout,
                                     SamStyle       style,
                                     SamChipKind    kind,
                                     const char    *chip,
                                     const char    *text,
                                     double         width);
void         _sam_text_box_free     (gpointer       data);
void         _sam_text_box_set_alignment (SamTextBox *box,
                                     PangoAlignment alignment);
void         _sam_page_layout_add_op (SamPageLayout *layout,
                                     guint          page,
                                     const SamOp   *op);
void         _sam_page_layout_layout_cover (SamPageLayout *layout);
PangoContext *_sam_page_layout_create_context (void);

/* Pagination, shared by sam-document-pieces.c (blocks become pieces of rows,
 * measured) and sam-document-layout.c (pieces placed on pages) */
#define SAM_EPSILON 0.01

/* Lines of flowing text kept together: after a heading, at the bottom of a
 * page */
#define SAM_MIN_LINES 2

#define SAM_FULL_PAGE (SAM_CONTENT_BOTTOM - SAM_MARGIN_TOP)

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

void         _sam_piece_free        (gpointer        data);
SamPiece    *_sam_piece_new_for_block (SamPageLayout  *layout,
                                     const SamBlock *block);
void         _sam_row_add_cell      (SamRow         *row,
                                     SamTextBox     *box,
                                     double          x);
double       _sam_row_cut           (const SamRow   *row,
                                     double          limit);
double       _sam_row_balance_cut   (const SamRow   *row,
                                     double          from,
                                     double          cut,
                                     gboolean        fresh);
double       _sam_piece_height      (const SamPiece *piece);
double       _sam_piece_min_head    (const SamPiece *piece,
                                     guint          *n_lines);
double       _sam_pieces_min_head   (GPtrArray      *pieces,
                                     guint           index,
                                     guint           n_lines);

G_END_DECLS
