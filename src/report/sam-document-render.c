/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <math.h>

#include "sam-page-layout-private.h"

/* The document's own words are in its language, which need not be the
 * UI's (sam_document_set_catalog()); a SamPageLayout *layout is in scope
 * wherever they are written. */
#undef _
#define _(msgid) sam_catalog_gettext (_sam_document_get_catalog (layout->document), (msgid))

/* Drawing laid-out pages, and the PDF and PNG output.  The page count is
 * known once the layout is done, so every footer can say "Page N of M". */

static const guint32 chip_background[] = {
  [SAM_CHIP_NEUTRAL]  = 0xe6e8ec,
  [SAM_CHIP_POSITIVE] = 0xd8f0df,
  [SAM_CHIP_NEGATIVE] = 0xfadfe1,
  [SAM_CHIP_WARNING]  = 0xfbedcc,
  [SAM_CHIP_INFO]     = 0xdbe9f7,
};

static void
set_source (cairo_t *cr,
            SamRgb   rgb)
{
  cairo_set_source_rgb (cr, rgb.red, rgb.green, rgb.blue);
}

static void
fill_rect (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   height,
           double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, width, height);
    }
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
      cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
      cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
      cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
}

/* The rounded backgrounds of the chips that fall on this line */
static void
draw_chips (cairo_t         *cr,
            const SamOp     *op,
            PangoLayoutLine *line)
{
  guint line_start = line->start_index;
  guint line_end = line->start_index + line->length;

  for (guint i = 0; i < op->box->chips->len; i++)
    {
      const SamChipRange *chip = &g_array_index (op->box->chips, SamChipRange, i);
      guint start = MAX (chip->start, line_start);
      guint end = MIN (chip->end, line_end);
      int *ranges = NULL;
      int n_ranges = 0;

      if (start >= end)
        continue;

      pango_layout_line_get_x_ranges (line, start, end, &ranges, &n_ranges);
      set_source (cr, _sam_rgb (chip_background[chip->kind]));
      for (int r = 0; r < n_ranges; r++)
        {
          double x0 = op->x + (double)ranges[2 * r] / PANGO_SCALE;
          double x1 = op->x + (double)ranges[2 * r + 1] / PANGO_SCALE;
          double height = chip->size * 1.6;
          double top = op->y - chip->size * 0.37 - height / 2;

          fill_rect (cr, x0, top, x1 - x0, height, height / 2);
        }
      g_free (ranges);
    }
}

static void
draw_line (cairo_t     *cr,
           const SamOp *op)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (op->box->layout, op->line);
  const SamLine *info = &g_array_index (op->box->lines, SamLine, op->line);

  if (op->box->chips != NULL)
    draw_chips (cr, op, line);

  set_source (cr, op->box->colour);
  cairo_move_to (cr, op->x + info->x, op->y);
  pango_cairo_show_layout_line (cr, line);
}

static void
draw_figure (cairo_t     *cr,
             const SamOp *op)
{
  cairo_save (cr);
  cairo_translate (cr, op->x, op->y);
  cairo_rectangle (cr, 0, 0, op->width, op->height);
  cairo_clip (cr);
  cairo_new_path (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  op->block->draw (cr, op->width, op->height, op->block->draw_data);
  cairo_restore (cr);
}

/* Headings become entries in the PDF viewer's sidebar. */
static void
add_outline (SamPageLayout   *layout,
             cairo_surface_t *pdf_surface,
             const SamOp     *op,
             guint            page_index)
{
  guint level = op->block->level;
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  g_autofree char *dest = NULL;

  for (guint l = level - 1; l >= 1; l--)
    if (layout->outline_ids[l] != 0)
      {
        parent = layout->outline_ids[l];
        break;
      }

  dest = g_strdup_printf ("page=%u pos=[%d %d]", page_index + 1,
                          (int)op->x, (int)MAX (op->y - 12, 0));
  layout->outline_ids[level] = cairo_pdf_surface_add_outline (pdf_surface, parent, op->block->text,
                                                              dest, CAIRO_PDF_OUTLINE_FLAG_OPEN);
  for (guint l = level + 1; l < G_N_ELEMENTS (layout->outline_ids); l++)
    layout->outline_ids[l] = 0;
}

static void
draw_footer (SamPageLayout *layout,
             cairo_t       *cr,
             guint          page_index)
{
  g_autofree char *number = NULL;
  SamTextBox *page_box;
  SamTextBox *title_box = NULL;

  /* Translators: the footer of every report page */
  number = g_strdup_printf (_("Page %u of %u"), page_index + 1, layout->pages->len);
  page_box = _sam_text_box_new (layout, SAM_STYLE_FOOTER, number, 0);

  set_source (cr, _sam_rgb (SAM_COLOUR_RULE));
  cairo_rectangle (cr, SAM_MARGIN_X, SAM_FOOTER_RULE_Y, SAM_CONTENT_WIDTH, 0.5);
  cairo_fill (cr);

  set_source (cr, page_box->colour);
  cairo_move_to (cr, SAM_MARGIN_X + SAM_CONTENT_WIDTH - page_box->natural_width,
                 SAM_FOOTER_BASELINE);
  pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (page_box->layout, 0));

  /* The cover shows the title already */
  if (!(layout->has_cover && page_index == 0))
    {
      title_box = _sam_text_box_new (layout, SAM_STYLE_FOOTER,
                                     _sam_document_get_title (layout->document), 0);
      pango_layout_set_width (title_box->layout, (int)(SAM_CONTENT_WIDTH * 0.7 * PANGO_SCALE));
      pango_layout_set_ellipsize (title_box->layout, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, SAM_MARGIN_X, SAM_FOOTER_BASELINE);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (title_box->layout, 0));
      g_ptr_array_remove_fast (layout->boxes, title_box);
    }

  g_ptr_array_remove_fast (layout->boxes, page_box);
}

/* Draws one page at 1 unit = 1 point; @pdf_surface, when not %NULL, also
 * receives the outline entries of the page's headings. */
void
_sam_page_layout_draw_page (SamPageLayout   *layout,
                            cairo_t         *cr,
                            guint            page_index,
                            cairo_surface_t *pdf_surface)
{
  GArray *ops = g_ptr_array_index (layout->pages, page_index);

  cairo_save (cr);
  for (guint i = 0; i < ops->len; i++)
    {
      const SamOp *op = &g_array_index (ops, SamOp, i);

      switch (op->kind)
        {
        case SAM_OP_LINE:
          draw_line (cr, op);
          break;
        case SAM_OP_RECT:
          set_source (cr, op->colour);
          fill_rect (cr, op->x, op->y, op->width, op->height, op->radius);
          break;
        case SAM_OP_FIGURE:
          draw_figure (cr, op);
          break;
        case SAM_OP_OUTLINE:
          if (pdf_surface != NULL)
            add_outline (layout, pdf_surface, op, page_index);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  draw_footer (layout, cr, page_index);
  cairo_restore (cr);
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} SamPdfSink;

static cairo_status_t
sam_pdf_sink_write (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  SamPdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
sam_page_layout_write_pdf (SamPageLayout  *layout,
                           GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  SamPdfSink sink = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (sam_pdf_sink_write, &sink,
                                                 SAM_PAGE_WIDTH, SAM_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _sam_document_get_title (layout->document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samenspel");

  memset (layout->outline_ids, 0, sizeof layout->outline_ids);
  cr = cairo_create (surface);
  for (guint i = 0; i < layout->pages->len && sink.error == NULL; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &sink.error))
        break;
      _sam_page_layout_draw_page (layout, cr, i, surface);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED,
                   "Could not create the PDF: %s", cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* Writes through g_file_replace(), so a failed or cancelled write leaves an
 * earlier file untouched; a new file that could not be completed is removed. */
static gboolean
sam_page_layout_write_pdf_file (SamPageLayout  *layout,
                                GFile          *file,
                                GCancellable   *cancellable,
                                GError        **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  gboolean existed = g_file_query_exists (file, NULL);

  /* A report holds the workshop's words: readable by the user alone, also
   * when it replaces a file that others could read. */
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (sam_page_layout_write_pdf (layout, G_OUTPUT_STREAM (stream), cancellable, error))
    return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  abort = g_cancellable_new ();
  g_cancellable_cancel (abort);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);

  return FALSE;
}

/**
 * sam_document_get_n_pages:
 * @self: a #SamDocument
 *
 * Lays the document out (once, until it changes) and counts its pages.
 *
 * Returns: the number of pages, at least 1
 */
guint
sam_document_get_n_pages (SamDocument *self)
{
  g_return_val_if_fail (SAM_IS_DOCUMENT (self), 0);

  return _sam_page_layout_get_n_pages (_sam_document_ensure_layout (self));
}

/**
 * sam_document_get_block_page:
 * @self: a #SamDocument
 * @block_index: the block, from 0, in the order the blocks were added;
 *   consecutive key values are one block
 *
 * Lays the document out (once, until it changes) and tells where a block
 * starts, e.g. to check that a heading stays with what follows it.
 *
 * Returns: the index of the page holding the block's first line, or -1 for
 *   a page break or a @block_index past the last block
 */
int
sam_document_get_block_page (SamDocument *self,
                             guint        block_index)
{
  g_return_val_if_fail (SAM_IS_DOCUMENT (self), -1);

  return _sam_page_layout_get_block_page (_sam_document_ensure_layout (self), block_index);
}

/**
 * sam_document_draw_page:
 * @self: a #SamDocument
 * @cr: a cairo context; one unit is one point, the page is 595.276 × 841.89
 * @page_index: the page, from 0
 * @error: return location for a #GError
 *
 * Draws one page, e.g. for a preview.  The background is not painted.
 *
 * Returns: %TRUE on success, %FALSE if @page_index is past the last page
 */
gboolean
sam_document_draw_page (SamDocument  *self,
                        cairo_t      *cr,
                        guint         page_index,
                        GError      **error)
{
  SamPageLayout *layout;

  g_return_val_if_fail (SAM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = _sam_document_ensure_layout (self);
  if (page_index >= _sam_page_layout_get_n_pages (layout))
    {
      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_PAGE_RANGE,
                   "Page %u does not exist; the report has %u pages",
                   page_index + 1, _sam_page_layout_get_n_pages (layout));
      return FALSE;
    }

  _sam_page_layout_draw_page (layout, cr, page_index, NULL);

  return TRUE;
}

/**
 * sam_document_render_page_png:
 * @self: a #SamDocument
 * @page_index: the page, from 0
 * @scale: pixels per point, e.g. 1.5 (108 dpi); between 0.05 and 10
 * @png_path: the PNG file to write
 * @error: return location for a #GError
 *
 * Renders one page on white to a PNG file, for previews and tests.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_document_render_page_png (SamDocument  *self,
                              guint         page_index,
                              double        scale,
                              const char   *png_path,
                              GError      **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scale >= 0.05 && scale <= 10, FALSE);
  g_return_val_if_fail (png_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int)ceil (SAM_PAGE_WIDTH * scale),
                                        (int)ceil (SAM_PAGE_HEIGHT * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  ok = sam_document_draw_page (self, cr, page_index, error);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (ok && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, png_path);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAM_REPORT_ERROR,
                   status == CAIRO_STATUS_WRITE_ERROR ? SAM_REPORT_ERROR_WRITE : SAM_REPORT_ERROR_FAILED,
                   "Could not write “%s”: %s", png_path, cairo_status_to_string (status));
      return FALSE;
    }

  return ok;
}

/**
 * sam_document_write_pdf_to_stream:
 * @self: a #SamDocument
 * @stream: where the PDF goes; it is not closed
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the document as an A4 PDF to @stream, in the calling thread.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_document_write_pdf_to_stream (SamDocument   *self,
                                  GOutputStream *stream,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_return_val_if_fail (SAM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return sam_page_layout_write_pdf (_sam_document_ensure_layout (self), stream, cancellable, error);
}

/**
 * sam_document_write_pdf:
 * @self: a #SamDocument
 * @path: the PDF file to write; an existing file is replaced only on success
 * @error: return location for a #GError
 *
 * Writes the document as an A4 PDF, in the calling thread.  Prefer
 * sam_document_write_pdf_async() in the UI.
 *
 * Returns: %TRUE on success; on failure @error is set, in the #G_IO_ERROR
 *   domain when the file could not be created or written
 */
gboolean
sam_document_write_pdf (SamDocument  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (SAM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);

  return sam_page_layout_write_pdf_file (_sam_document_ensure_layout (self), file, NULL, error);
}

static void
sam_document_write_pdf_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  g_autoptr(SamPageLayout) layout = NULL;
  GError *error = NULL;

  /* A layout of our own: Pango objects stay in the thread that made them */
  layout = _sam_page_layout_new (source_object);
  if (sam_page_layout_write_pdf_file (layout, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sam_document_write_pdf_async:
 * @self: a #SamDocument
 * @file: the PDF file to write; an existing file is replaced only on success
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the document as an A4 PDF in a worker thread.  The document is
 * frozen first; figure callbacks run in that thread.
 */
void
sam_document_write_pdf_async (SamDocument         *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SAM_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sam_document_freeze (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_document_write_pdf_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, sam_document_write_pdf_thread);
}

/**
 * sam_document_write_pdf_finish:
 * @self: a #SamDocument
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
sam_document_write_pdf_finish (SamDocument   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (SAM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
