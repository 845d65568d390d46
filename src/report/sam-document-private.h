/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sam-document.h"

G_BEGIN_DECLS

/* A4 portrait in points */
#define SAM_PAGE_WIDTH  595.276
#define SAM_PAGE_HEIGHT 841.89

typedef struct
{
  double red;
  double green;
  double blue;
} SamRgb;

typedef enum
{
  SAM_BLOCK_HEADING,
  SAM_BLOCK_PARAGRAPH,
  SAM_BLOCK_BULLETS,
  SAM_BLOCK_KEY_VALUES,
  SAM_BLOCK_TABLE,
  SAM_BLOCK_FIGURE,
  SAM_BLOCK_PAGE_BREAK,
} SamBlockKind;

typedef struct
{
  SamBlockKind       kind;
  guint              level;        /* heading 1–3 */
  SamTextStyle       style;        /* paragraph */
  char              *text;         /* heading, paragraph, figure caption */
  char              *chip;         /* paragraph with a leading chip */
  SamChipKind        chip_kind;
  GStrv              items;        /* bullets */
  GPtrArray         *labels;       /* key values */
  GPtrArray         *values;
  SamTable          *table;
  double             aspect_ratio; /* figure: width / height */
  SamFigureDrawFunc  draw;
  gpointer           draw_data;
  GDestroyNotify     draw_destroy;
} SamBlock;

typedef struct
{
  char   *name;
  SamRgb  colour;
} SamCoverTeam;

typedef struct
{
  char   *subtitle;
  char   *date;
  char   *coach;
  char   *confidentiality;
  GArray *teams;                   /* of SamCoverTeam */
} SamCover;

/* Read access for the layout code; the document is not changed meanwhile. */
const char      *_sam_document_get_title     (SamDocument  *self);
const SamCover  *_sam_document_get_cover     (SamDocument  *self);
SamCatalog      *_sam_document_get_catalog   (SamDocument  *self);
GPtrArray       *_sam_document_get_blocks    (SamDocument  *self);

gboolean         _sam_parse_colour           (const char   *text,
                                              SamRgb       *rgb);

/* Table internals, read by the layout code */
guint            _sam_table_get_n_columns    (SamTable     *self);
const char      *_sam_table_get_title        (SamTable     *self,
                                              guint         column);
double           _sam_table_get_ratio        (SamTable     *self,
                                              guint         column);
const char      *_sam_table_get_cell         (SamTable     *self,
                                              guint         row,
                                              guint         column,
                                              gboolean     *is_chip,
                                              SamChipKind  *kind);
gboolean         _sam_table_get_swatch       (SamTable     *self,
                                              guint         row,
                                              SamRgb       *rgb);
gboolean         _sam_table_has_swatches     (SamTable     *self);
void             _sam_table_freeze           (SamTable     *self);

/* The laid-out pages: boxes of text positioned on pages, ready to draw on
 * any cairo surface.  Built in one thread and used in that thread only. */
typedef struct _SamPageLayout SamPageLayout;

SamPageLayout   *_sam_page_layout_new        (SamDocument   *document);
void             _sam_page_layout_free       (SamPageLayout *layout);
guint            _sam_page_layout_get_n_pages (SamPageLayout *layout);
int              _sam_page_layout_get_block_page (SamPageLayout *layout,
                                                  guint          block_index);
void             _sam_page_layout_draw_page  (SamPageLayout *layout,
                                              cairo_t       *cr,
                                              guint          page_index,
                                              cairo_surface_t *pdf_surface);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamPageLayout, _sam_page_layout_free)

SamPageLayout   *_sam_document_ensure_layout (SamDocument   *self);

G_END_DECLS
