/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "sam-catalog.h"
#include "sam-table.h"

G_BEGIN_DECLS

#define SAM_REPORT_ERROR (sam_report_error_quark ())

/**
 * SamReportError:
 * @SAM_REPORT_ERROR_FAILED: cairo could not produce the output (out of memory,
 *   a figure left its cairo context in an error state, ...)
 * @SAM_REPORT_ERROR_WRITE: the output file could not be written
 * @SAM_REPORT_ERROR_PAGE_RANGE: a page index past the last page
 *
 * Errors of the report writer.  Failures to open or replace the target file
 * keep their #G_IO_ERROR domain so the UI can tell "folder missing" from
 * "disk full".
 */
typedef enum
{
  SAM_REPORT_ERROR_FAILED,
  SAM_REPORT_ERROR_WRITE,
  SAM_REPORT_ERROR_PAGE_RANGE,
} SamReportError;

/**
 * SamTextStyle:
 * @SAM_TEXT_STYLE_NORMAL: body text
 * @SAM_TEXT_STYLE_MUTED: smaller grey text for notes and remarks
 */
typedef enum
{
  SAM_TEXT_STYLE_NORMAL,
  SAM_TEXT_STYLE_MUTED,
} SamTextStyle;

/**
 * SamFigureDrawFunc:
 * @cr: a cairo context whose origin is the figure's top-left corner, clipped
 *   to the figure
 * @width: the figure's width in points
 * @height: the figure's height in points
 * @user_data: the data given to sam_document_add_figure()
 *
 * Draws a figure.  It is called once per output (PDF, each PNG) and, for
 * sam_document_write_pdf_async(), in a worker thread: it must only read data
 * that nothing else changes meanwhile.
 */
typedef void (*SamFigureDrawFunc) (cairo_t  *cr,
                                   double    width,
                                   double    height,
                                   gpointer  user_data);

#define SAM_TYPE_DOCUMENT (sam_document_get_type ())

G_DECLARE_FINAL_TYPE (SamDocument, sam_document, SAM, DOCUMENT, GObject)

GQuark       sam_report_error_quark              (void);

SamDocument *sam_document_new                    (const char          *title);
const char  *sam_document_get_title              (SamDocument         *self);
void         sam_document_set_catalog            (SamDocument         *self,
                                                  SamCatalog          *catalog);

void         sam_document_set_cover              (SamDocument         *self,
                                                  const char          *subtitle,
                                                  const char          *date,
                                                  const char          *coach,
                                                  const char          *confidentiality);
void         sam_document_add_cover_team         (SamDocument         *self,
                                                  const char          *name,
                                                  const char          *colour);

void         sam_document_add_heading            (SamDocument         *self,
                                                  guint                level,
                                                  const char          *text);
void         sam_document_add_paragraph          (SamDocument         *self,
                                                  SamTextStyle         style,
                                                  const char          *text);
void         sam_document_add_chip_paragraph     (SamDocument         *self,
                                                  SamChipKind          kind,
                                                  const char          *chip,
                                                  const char          *text);
void         sam_document_add_bullets            (SamDocument         *self,
                                                  const char * const  *items);
void         sam_document_add_key_value          (SamDocument         *self,
                                                  const char          *label,
                                                  const char          *value);
void         sam_document_add_table              (SamDocument         *self,
                                                  SamTable            *table);
void         sam_document_add_figure             (SamDocument         *self,
                                                  double               aspect_ratio,
                                                  SamFigureDrawFunc    draw,
                                                  gpointer             user_data,
                                                  GDestroyNotify       destroy,
                                                  const char          *caption);
void         sam_document_add_page_break         (SamDocument         *self);

void         sam_document_freeze                 (SamDocument         *self);
gboolean     sam_document_is_frozen              (SamDocument         *self);

guint        sam_document_get_n_pages            (SamDocument         *self);
int          sam_document_get_block_page         (SamDocument         *self,
                                                  guint                block_index);
gboolean     sam_document_draw_page              (SamDocument         *self,
                                                  cairo_t             *cr,
                                                  guint                page_index,
                                                  GError             **error);
gboolean     sam_document_render_page_png        (SamDocument         *self,
                                                  guint                page_index,
                                                  double               scale,
                                                  const char          *png_path,
                                                  GError             **error);

gboolean     sam_document_write_pdf              (SamDocument         *self,
                                                  const char          *path,
                                                  GError             **error);
gboolean     sam_document_write_pdf_to_stream    (SamDocument         *self,
                                                  GOutputStream       *stream,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
void         sam_document_write_pdf_async        (SamDocument         *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean     sam_document_write_pdf_finish       (SamDocument         *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
