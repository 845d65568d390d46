/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-document-private.h"

/* SamDocument is a list of blocks (headings, paragraphs, tables, ...) and an
 * optional cover.  It knows nothing about pages: sam-document-layout.c turns
 * it into positioned lines and sam-document-render.c draws those.  Once
 * frozen it never changes, which is what lets a worker thread write it.
 *
 * Threads: build the document and call the synchronous functions from one
 * thread (the UI's).  sam_document_write_pdf_async() freezes the document and
 * lays it out again in its worker, with that thread's own Pango objects, so
 * previews may go on meanwhile. */

struct _SamDocument
{
  GObject        parent_instance;

  char          *title;
  SamCover      *cover;
  GPtrArray     *blocks;           /* of SamBlock */

  /* Laid out on demand for the synchronous calls (in the owner's thread) and
   * dropped on every change. */
  SamPageLayout *layout;

  SamCatalog    *catalog;          /* the words of cover and footer; NULL: the UI's */

  guint          frozen : 1;
};

G_DEFINE_FINAL_TYPE (SamDocument, sam_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (sam-report-error-quark, sam_report_error)

static void
sam_block_free (gpointer data)
{
  SamBlock *block = data;

  if (block->draw_destroy != NULL)
    block->draw_destroy (block->draw_data);
  g_free (block->text);
  g_free (block->chip);
  g_strfreev (block->items);
  g_clear_pointer (&block->labels, g_ptr_array_unref);
  g_clear_pointer (&block->values, g_ptr_array_unref);
  g_clear_object (&block->table);
  g_free (block);
}

static void
sam_cover_team_clear (gpointer data)
{
  SamCoverTeam *team = data;

  g_free (team->name);
}

static void
sam_cover_free (SamCover *cover)
{
  g_free (cover->subtitle);
  g_free (cover->date);
  g_free (cover->coach);
  g_free (cover->confidentiality);
  g_array_unref (cover->teams);
  g_free (cover);
}

static void
sam_document_finalize (GObject *object)
{
  SamDocument *self = (SamDocument *)object;

  g_clear_pointer (&self->layout, _sam_page_layout_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->cover, sam_cover_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (sam_document_parent_class)->finalize (object);
}

static void
sam_document_class_init (SamDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_document_finalize;
}

static void
sam_document_init (SamDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (sam_block_free);
}

/* Every change goes through here: it refuses changes to a frozen document and
 * drops the cached page layout. */
static SamBlock *
sam_document_append (SamDocument  *self,
                     SamBlockKind  kind)
{
  SamBlock *block = g_new0 (SamBlock, 1);

  g_assert (!self->frozen);

  g_clear_pointer (&self->layout, _sam_page_layout_free);
  block->kind = kind;
  g_ptr_array_add (self->blocks, block);

  return block;
}

/* User text is shown as given; invalid UTF-8 would make Pango complain, so it
 * is repaired here once. */
static char *
sam_text_dup (const char *text)
{
  if (text == NULL)
    return g_strdup ("");

  return g_utf8_make_valid (text, -1);
}

/**
 * sam_document_new:
 * @title: the report's title: on the cover, in every page footer and in the
 *   PDF metadata
 *
 * Creates an empty document.
 *
 * Returns: (transfer full): a new #SamDocument
 */
SamDocument *
sam_document_new (const char *title)
{
  SamDocument *self = g_object_new (SAM_TYPE_DOCUMENT, NULL);

  self->title = sam_text_dup (title);

  return self;
}

const char *
sam_document_get_title (SamDocument *self)
{
  g_return_val_if_fail (SAM_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * sam_document_set_catalog:
 * @self: a document
 * @catalog: (nullable): the language of the words the document adds itself
 *   (the cover's labels, "Page 1 of 3"); %NULL for the UI's
 *
 * Sets the document's language.  Not allowed once the document is frozen.
 */
void
sam_document_set_catalog (SamDocument *self,
                          SamCatalog  *catalog)
{
  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (catalog == NULL || SAM_IS_CATALOG (catalog));
  g_return_if_fail (!self->frozen);

  g_set_object (&self->catalog, catalog);
  g_clear_pointer (&self->layout, _sam_page_layout_free);
}

/**
 * sam_document_set_cover:
 * @self: a #SamDocument
 * @subtitle: (nullable): e.g. the organisation and the workshop's name
 * @date: (nullable): the workshop date, already formatted for the reader
 * @coach: (nullable): the coach's name
 * @confidentiality: (nullable): a short line such as "Confidential: for the
 *   participants of this workshop only"
 *
 * Gives the document a cover page showing the title, these lines and the
 * teams added with sam_document_add_cover_team().
 */
void
sam_document_set_cover (SamDocument *self,
                        const char  *subtitle,
                        const char  *date,
                        const char  *coach,
                        const char  *confidentiality)
{
  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (!self->frozen);

  g_clear_pointer (&self->layout, _sam_page_layout_free);
  if (self->cover == NULL)
    {
      self->cover = g_new0 (SamCover, 1);
      self->cover->teams = g_array_new (FALSE, TRUE, sizeof (SamCoverTeam));
      g_array_set_clear_func (self->cover->teams, sam_cover_team_clear);
    }

  g_free (self->cover->subtitle);
  self->cover->subtitle = subtitle ? sam_text_dup (subtitle) : NULL;
  g_free (self->cover->date);
  self->cover->date = date ? sam_text_dup (date) : NULL;
  g_free (self->cover->coach);
  self->cover->coach = coach ? sam_text_dup (coach) : NULL;
  g_free (self->cover->confidentiality);
  self->cover->confidentiality = confidentiality ? sam_text_dup (confidentiality) : NULL;
}

/**
 * sam_document_add_cover_team:
 * @self: a #SamDocument with a cover
 * @name: the team's name
 * @colour: (nullable): the team colour such as `#E69F00` or `rgb(230,159,0)`
 *
 * Lists a team on the cover with a swatch of its colour.
 */
void
sam_document_add_cover_team (SamDocument *self,
                             const char  *name,
                             const char  *colour)
{
  SamCoverTeam team = { NULL, { 0.6, 0.6, 0.6 } };

  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (self->cover != NULL);

  g_clear_pointer (&self->layout, _sam_page_layout_free);
  team.name = sam_text_dup (name);
  if (colour != NULL)
    _sam_parse_colour (colour, &team.colour);
  g_array_append_val (self->cover->teams, team);
}

/**
 * sam_document_add_heading:
 * @self: a #SamDocument
 * @level: 1 for a chapter, 2 for a section, 3 for a subsection
 * @text: the heading
 *
 * Adds a heading.  It is kept on the same page as the start of the next
 * block and, in the PDF, listed in the document outline.
 */
void
sam_document_add_heading (SamDocument *self,
                          guint        level,
                          const char  *text)
{
  SamBlock *block;

  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (level >= 1 && level <= 3);

  block = sam_document_append (self, SAM_BLOCK_HEADING);
  block->level = level;
  block->text = sam_text_dup (text);
}

/**
 * sam_document_add_paragraph:
 * @self: a #SamDocument
 * @style: body text or a muted note
 * @text: plain text, never markup; newlines start new lines
 *
 * Adds a paragraph that wraps and, if long, continues on the next pages.
 */
void
sam_document_add_paragraph (SamDocument  *self,
                            SamTextStyle  style,
                            const char   *text)
{
  SamBlock *block;

  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (!self->frozen);

  block = sam_document_append (self, SAM_BLOCK_PARAGRAPH);
  block->style = style;
  block->text = sam_text_dup (text);
}

/**
 * sam_document_add_chip_paragraph:
 * @self: a #SamDocument
 * @kind: the chip's colour
 * @chip: the chip's short text, e.g. "Kept"
 * @text: the paragraph text after the chip
 *
 * Adds a paragraph that starts with a status chip.
 */
void
sam_document_add_chip_paragraph (SamDocument *self,
                                 SamChipKind  kind,
                                 const char  *chip,
                                 const char  *text)
{
  SamBlock *block;

  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (chip != NULL);

  block = sam_document_append (self, SAM_BLOCK_PARAGRAPH);
  block->style = SAM_TEXT_STYLE_NORMAL;
  block->chip = sam_text_dup (chip);
  block->chip_kind = kind;
  block->text = sam_text_dup (text);
}

/**
 * sam_document_add_bullets:
 * @self: a #SamDocument
 * @items: (array zero-terminated=1): the items, plain text
 *
 * Adds a bulleted list.
 */
void
sam_document_add_bullets (SamDocument        *self,
                          const char * const *items)
{
  SamBlock *block;
  guint n;

  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (items != NULL);

  n = g_strv_length ((char **)items);
  block = sam_document_append (self, SAM_BLOCK_BULLETS);
  block->items = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    block->items[i] = sam_text_dup (items[i]);
}

/**
 * sam_document_add_key_value:
 * @self: a #SamDocument
 * @label: the label, e.g. "Owner"
 * @value: the value, e.g. "Ann"; it wraps
 *
 * Adds a label–value line.  Consecutive calls form one aligned group.
 */
void
sam_document_add_key_value (SamDocument *self,
                            const char  *label,
                            const char  *value)
{
  SamBlock *block = NULL;

  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (!self->frozen);

  if (self->blocks->len > 0)
    block = g_ptr_array_index (self->blocks, self->blocks->len - 1);

  if (block == NULL || block->kind != SAM_BLOCK_KEY_VALUES)
    {
      block = sam_document_append (self, SAM_BLOCK_KEY_VALUES);
      block->labels = g_ptr_array_new_with_free_func (g_free);
      block->values = g_ptr_array_new_with_free_func (g_free);
    }
  else
    {
      g_clear_pointer (&self->layout, _sam_page_layout_free);
    }

  g_ptr_array_add (block->labels, sam_text_dup (label));
  g_ptr_array_add (block->values, sam_text_dup (value));
}

/**
 * sam_document_add_table:
 * @self: a #SamDocument
 * @table: a #SamTable with its rows
 *
 * Adds a table and freezes it.  A table that does not fit continues on the
 * next page with its header row repeated.
 */
void
sam_document_add_table (SamDocument *self,
                        SamTable    *table)
{
  SamBlock *block;

  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (SAM_IS_TABLE (table));

  _sam_table_freeze (table);
  block = sam_document_append (self, SAM_BLOCK_TABLE);
  block->table = g_object_ref (table);
}

/**
 * sam_document_add_figure:
 * @self: a #SamDocument
 * @aspect_ratio: width divided by height, e.g. 1.5
 * @draw: (scope notified): draws the figure
 * @user_data: data for @draw
 * @destroy: (nullable): frees @user_data with the document
 * @caption: (nullable): a caption shown under the figure
 *
 * Adds a figure as wide as the text, drawn by @draw.  A figure taller than a
 * page is scaled down to fit.  See #SamFigureDrawFunc about threads.
 */
void
sam_document_add_figure (SamDocument       *self,
                         double             aspect_ratio,
                         SamFigureDrawFunc  draw,
                         gpointer           user_data,
                         GDestroyNotify     destroy,
                         const char        *caption)
{
  SamBlock *block;

  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (draw != NULL);
  g_return_if_fail (aspect_ratio > 0.05 && aspect_ratio < 20);

  block = sam_document_append (self, SAM_BLOCK_FIGURE);
  block->aspect_ratio = aspect_ratio;
  block->draw = draw;
  block->draw_data = user_data;
  block->draw_destroy = destroy;
  block->text = caption ? sam_text_dup (caption) : NULL;
}

/**
 * sam_document_add_page_break:
 * @self: a #SamDocument
 *
 * Makes the next block start on a new page (unless the page is still empty).
 */
void
sam_document_add_page_break (SamDocument *self)
{
  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (!self->frozen);

  sam_document_append (self, SAM_BLOCK_PAGE_BREAK);
}

/**
 * sam_document_freeze:
 * @self: a #SamDocument
 *
 * Makes the document immutable: later changes are refused with a critical.
 * sam_document_write_pdf_async() freezes the document it writes.
 */
void
sam_document_freeze (SamDocument *self)
{
  g_return_if_fail (SAM_IS_DOCUMENT (self));

  self->frozen = TRUE;
}

gboolean
sam_document_is_frozen (SamDocument *self)
{
  g_return_val_if_fail (SAM_IS_DOCUMENT (self), FALSE);

  return self->frozen;
}

const char *
_sam_document_get_title (SamDocument *self)
{
  return self->title;
}

const SamCover *
_sam_document_get_cover (SamDocument *self)
{
  return self->cover;
}

SamCatalog *
_sam_document_get_catalog (SamDocument *self)
{
  return self->catalog;
}

GPtrArray *
_sam_document_get_blocks (SamDocument *self)
{
  return self->blocks;
}

/* The page layout for the synchronous calls, made in the calling thread and
 * kept until the document changes. */
SamPageLayout *
_sam_document_ensure_layout (SamDocument *self)
{
  if (self->layout == NULL)
    self->layout = _sam_page_layout_new (self);

  return self->layout;
}

/* Accepts "#rgb", "#rrggbb" and "rgb(r,g,b)" / "rgba(r,g,b,a)", the forms
 * the palette and GdkRGBA produce.  Anything else leaves a neutral grey. */
gboolean
_sam_parse_colour (const char *text,
                   SamRgb     *rgb)
{
  guint r, g, b;
  char extra;

  rgb->red = rgb->green = rgb->blue = 0.6;

  if (text == NULL)
    return FALSE;

  if (text[0] == '#' && strlen (text) == 7 && sscanf (text + 1, "%2x%2x%2x%c", &r, &g, &b, &extra) == 3)
    ;
  else if (text[0] == '#' && strlen (text) == 4 && sscanf (text + 1, "%1x%1x%1x%c", &r, &g, &b, &extra) == 3)
    r *= 17, g *= 17, b *= 17;
  else if ((sscanf (text, "rgb(%u,%u,%u)", &r, &g, &b) == 3 ||
            sscanf (text, "rgba(%u,%u,%u,", &r, &g, &b) == 3) &&
           r < 256 && g < 256 && b < 256)
    ;
  else
    return FALSE;

  rgb->red = r / 255.0;
  rgb->green = g / 255.0;
  rgb->blue = b / 255.0;

  return TRUE;
}
