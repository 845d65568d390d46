/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "sam-map-export.h"
#include "sam-map-png.h"
#include "sam-map-renderer.h"

/* A page is drawn on a "canvas" whose units are the renderer's pixels:
 * 1920 × 1080 for the projector, and a √2-shaped 1190 × 842 for A4, so
 * text keeps a sensible size in print.  The canvas is scaled to the
 * surface. */

#define A4_LONG_PT   841.89
#define A4_SHORT_PT  595.276
#define PNG_A4_DPI   150.0

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  WriteClosure *wc = closure;

  if (wc->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (wc->stream, data, length, NULL, wc->cancellable, &wc->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/**
 * sam_map_export_options_init:
 *
 * Fills @options with defaults: light colours, a legend, no title.
 */
void
sam_map_export_options_init (SamMapExportOptions *options,
                             SamMapFormat         format,
                             SamMapPaper          page)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = format;
  options->page = page;
  options->show_legend = TRUE;
}

/**
 * sam_map_format_from_path:
 *
 * Guesses the format from a file name's extension.
 *
 * Returns: %FALSE for an unknown extension
 */
gboolean
sam_map_format_from_path (const char   *path,
                          SamMapFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = SAM_MAP_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = SAM_MAP_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = SAM_MAP_FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

/**
 * sam_map_paper_get_size:
 *
 * Gets the surface size: pixels for PNG, points for SVG and PDF.
 */
void
sam_map_paper_get_size (SamMapPaper   page,
                       SamMapFormat  format,
                       double       *width,
                       double       *height)
{
  if (page == SAM_MAP_PAPER_PROJECTOR)
    {
      *width = 1920;
      *height = 1080;
    }
  else if (format == SAM_MAP_FORMAT_PNG)
    {
      *width = ceil (A4_LONG_PT / 72.0 * PNG_A4_DPI);
      *height = ceil (A4_SHORT_PT / 72.0 * PNG_A4_DPI);
    }
  else
    {
      *width = A4_LONG_PT;
      *height = A4_SHORT_PT;
    }
}

static void
canvas_size (SamMapPaper  page,
             double     *width,
             double     *height)
{
  if (page == SAM_MAP_PAPER_PROJECTOR)
    {
      *width = 1920;
      *height = 1080;
    }
  else
    {
      *width = 1190.55;
      *height = 841.89;
    }
}

#define HUGE_PAGE_SIZE (2 * 1024 * 1024)

static const cairo_user_data_key_t image_data_key;

/* The image a PNG is drawn on: 8 MB for the projector.  Touching it page
 * by page cost about 2,000 page faults, a third of those of a whole
 * `samenspel export --format=map-png` (perf, on a VM where each fault is
 * dear); in transparent huge pages, where Linux has them, it costs four.
 * It is not cleared: every page starts by painting its opaque background
 * over all of it (sam_map_renderer_draw_background()), which is then the
 * first touch, and clearing it first cost one more pass over 8 MB. */
static cairo_surface_t *
create_image (int width,
              int height)
{
#ifdef MADV_HUGEPAGE
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  gsize size = (gsize) stride * height;
  /* Linux maps a huge page only where a whole one fits in the advised
   * range: the projector's 8,294,400 bytes are 3.96 of them, and the last
   * 1.9 MB took some 490 page faults of 4 KiB.  Rounded up to whole huge
   * pages (the rest is never touched), the image costs four. */
  gsize rounded = (size + HUGE_PAGE_SIZE - 1) / HUGE_PAGE_SIZE * HUGE_PAGE_SIZE;
  void *data = NULL;

  if (size >= HUGE_PAGE_SIZE && posix_memalign (&data, HUGE_PAGE_SIZE, rounded) == 0)
    {
      cairo_surface_t *surface;

      madvise (data, rounded, MADV_HUGEPAGE);
      surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, width, height, stride);
      if (cairo_surface_set_user_data (surface, &image_data_key, data, free) == CAIRO_STATUS_SUCCESS)
        return surface;

      cairo_surface_destroy (surface);
      free (data);
    }
#endif

  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
}

static cairo_surface_t *
create_surface (const SamMapExportOptions *options,
                WriteClosure              *wc,
                double                     width,
                double                     height)
{
  switch (options->format)
    {
    case SAM_MAP_FORMAT_SVG:
      {
        cairo_surface_t *surface;

        surface = cairo_svg_surface_create_for_stream (write_to_stream, wc, width, height);
        cairo_svg_surface_set_document_unit (surface,
                                             options->page == SAM_MAP_PAPER_PROJECTOR
                                               ? CAIRO_SVG_UNIT_PX : CAIRO_SVG_UNIT_PT);
        return surface;
      }

    case SAM_MAP_FORMAT_PDF:
      {
        cairo_surface_t *surface;

        surface = cairo_pdf_surface_create_for_stream (write_to_stream, wc, width, height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samenspel");
        if (options->title)
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
        return surface;
      }

    case SAM_MAP_FORMAT_PNG:
    default:
      return create_image ((int) width, (int) height);
    }
}

static double
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      px,
           gboolean    bold,
           gboolean    dark,
           gboolean    muted)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  if (muted)
    cairo_set_source_rgb (cr, dark ? 0.7 : 0.4, dark ? 0.7 : 0.4, dark ? 0.72 : 0.42);
  else if (dark)
    cairo_set_source_rgb (cr, 0.94, 0.94, 0.94);
  else
    cairo_set_source_rgb (cr, 0.137, 0.137, 0.157);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, &w, &h);

  return h;
}

/* Draws one map into a rectangle of the canvas. */
static void
draw_map_area (SamMapRenderer *renderer,
               cairo_t        *cr,
               double          x,
               double          y,
               double          width,
               double          height)
{
  SamMapRect viewport = { 0, 0, width, height };
  SamMapTransform transform;

  sam_map_renderer_set_show_legend (renderer, FALSE);
  sam_map_renderer_fit (renderer, &viewport, &transform);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  sam_map_renderer_draw (renderer, cr, &transform, width, height);
  cairo_restore (cr);
}

static char *
summary_text (SamMapModel *start,
              SamMapModel *end,
              SamCatalog  *catalog)
{
  g_autoptr(GPtrArray) changes = sam_map_model_compare (start, end);
  guint counts[SAM_MAP_CHANGE_MIXED + 1] = { 0 };

  for (guint i = 0; i < changes->len; i++)
    counts[((SamMapRelationChange *) g_ptr_array_index (changes, i))->change]++;

  /* Translators: summary under the title of a comparison export */
  return g_strdup_printf (sam_catalog_gettext (catalog, N_("%u improved · %u worsened · %u mixed · %u new · %u gone · %u unchanged")),
                          counts[SAM_MAP_CHANGE_IMPROVED], counts[SAM_MAP_CHANGE_WORSENED],
                          counts[SAM_MAP_CHANGE_MIXED], counts[SAM_MAP_CHANGE_ADDED],
                          counts[SAM_MAP_CHANGE_REMOVED], counts[SAM_MAP_CHANGE_UNCHANGED]);
}

static void
compose_single (cairo_t                   *cr,
                SamMapModel               *model,
                const SamMapExportOptions *options,
                double                     width,
                double                     height)
{
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  double margin = options->page == SAM_MAP_PAPER_PROJECTOR ? 40 : 36;
  double top = margin, legend_w = 0, legend_h = 0;

  sam_map_renderer_set_dark (renderer, options->dark);
  sam_map_renderer_set_catalog (renderer, options->catalog);
  /* The page in the map's colour, once: the map does not paint its area
   * again (sam_map_renderer_set_paint_background()). */
  sam_map_renderer_draw_background (renderer, cr);
  sam_map_renderer_set_paint_background (renderer, FALSE);

  if (options->title && *options->title)
    top += draw_text (cr, options->title, margin, margin, width - 2 * margin,
                      options->page == SAM_MAP_PAPER_PROJECTOR ? 34 : 28,
                      TRUE, options->dark, FALSE) + 12;

  if (options->show_legend)
    sam_map_renderer_measure_legend (renderer, height - top - margin, &legend_w, &legend_h);

  draw_map_area (renderer, cr, margin, top,
                 width - 2 * margin - (legend_w > 0 ? legend_w + 24 : 0),
                 height - top - margin);

  if (options->show_legend)
    sam_map_renderer_draw_legend (renderer, cr, width - margin - legend_w, top,
                                  height - top - margin);
}

static void
compose_compare (cairo_t                   *cr,
                 SamMapModel               *start,
                 SamMapModel               *end,
                 const SamMapExportOptions *options,
                 double                     width,
                 double                     height)
{
  g_autoptr(SamMapRenderer) left = sam_map_renderer_new (start);
  g_autoptr(SamMapRenderer) right = sam_map_renderer_new (end);
  g_autofree char *summary = summary_text (start, end, options->catalog);
  double margin = options->page == SAM_MAP_PAPER_PROJECTOR ? 40 : 30;
  double caption_px = options->page == SAM_MAP_PAPER_PROJECTOR ? 24 : 20;
  double top = margin, legend_w = 0, legend_h = 0, panel_w, panel_h, gap = 28;

  sam_map_renderer_set_dark (left, options->dark);
  sam_map_renderer_set_dark (right, options->dark);
  sam_map_renderer_set_catalog (left, options->catalog);
  sam_map_renderer_set_catalog (right, options->catalog);
  sam_map_renderer_set_comparison (right, start);
  sam_map_renderer_draw_background (left, cr);
  sam_map_renderer_set_paint_background (left, FALSE);
  sam_map_renderer_set_paint_background (right, FALSE);

  if (options->title && *options->title)
    top += draw_text (cr, options->title, margin, margin, width - 2 * margin,
                      options->page == SAM_MAP_PAPER_PROJECTOR ? 34 : 28,
                      TRUE, options->dark, FALSE) + 4;
  top += draw_text (cr, summary, margin, top, width - 2 * margin, caption_px * 0.8,
                    FALSE, options->dark, TRUE) + 14;

  if (options->show_legend)
    sam_map_renderer_measure_legend (right, height * 0.28, &legend_w, &legend_h);

  panel_w = (width - 2 * margin - gap) / 2;
  panel_h = height - top - margin - (legend_h > 0 ? legend_h + 16 : 0);

  draw_text (cr, options->start_label ? options->start_label : sam_catalog_gettext (options->catalog, N_("At the start")),
             margin, top, panel_w, caption_px, TRUE, options->dark, FALSE);
  draw_text (cr,
             options->end_label ? options->end_label
                                : sam_catalog_gettext (options->catalog, N_("At the end, compared with the start")),
             margin + panel_w + gap, top, panel_w, caption_px, TRUE, options->dark, FALSE);
  top += caption_px * 1.5 + 6;
  panel_h -= caption_px * 1.5 + 6;

  draw_map_area (left, cr, margin, top, panel_w, panel_h);
  draw_map_area (right, cr, margin + panel_w + gap, top, panel_w, panel_h);

  /* a divider between the two moments */
  cairo_move_to (cr, margin + panel_w + gap / 2, top);
  cairo_line_to (cr, margin + panel_w + gap / 2, top + panel_h);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (options->show_legend)
    sam_map_renderer_draw_legend (right, cr, (width - legend_w) / 2, height - margin - legend_h,
                                  height * 0.28);
}

static gboolean
export_pages (SamMapModel                *start,
              SamMapModel                *end,
              GFile                      *file,
              const SamMapExportOptions  *options,
              GCancellable               *cancellable,
              GError                    **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  WriteClosure wc = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double sw, sh, cw, ch;

  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;

  wc.stream = G_OUTPUT_STREAM (stream);
  wc.cancellable = cancellable;

  sam_map_paper_get_size (options->page, options->format, &sw, &sh);
  canvas_size (options->page, &cw, &ch);
  surface = create_surface (options, &wc, sw, sh);
  cr = cairo_create (surface);
  cairo_scale (cr, sw / cw, sh / ch);

  if (start != NULL)
    compose_compare (cr, start, end, options, cw, ch);
  else
    compose_single (cr, end, options, cw, ch);

  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  /* Our own writer: cairo's compresses hard and is slow (sam-map-png.c).
   * The page is not drawn on again, so the writer may work in its pixels. */
  if (status == CAIRO_STATUS_SUCCESS && options->format == SAM_MAP_FORMAT_PNG)
    sam_map_png_write_consume (surface, wc.stream, cancellable, &wc.error);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (wc.error != NULL)
    {
      g_propagate_error (error, wc.error);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAM_MAP_ERROR, SAM_MAP_ERROR_EXPORT,
                   _("The map could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/**
 * sam_map_export:
 * @model: the map
 * @file: where to write
 * @options: format, page size, title…
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the map fitted to a page, with a title and a legend, as PNG, SVG
 * or PDF.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_map_export (SamMapModel                *model,
                GFile                      *file,
                const SamMapExportOptions  *options,
                GCancellable               *cancellable,
                GError                    **error)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (model), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  return export_pages (NULL, model, file, options, cancellable, error);
}

/**
 * sam_map_export_compare:
 * @start: the map at the start of the day
 * @end: the map at the end
 *
 * Writes both maps side by side; the right one marks what improved and
 * what worsened.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_map_export_compare (SamMapModel                *start,
                        SamMapModel                *end,
                        GFile                      *file,
                        const SamMapExportOptions  *options,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (start), FALSE);
  g_return_val_if_fail (SAM_IS_MAP_MODEL (end), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  return export_pages (start, end, file, options, cancellable, error);
}

typedef struct
{
  SamMapModel         *start;
  SamMapModel         *end;
  GFile               *file;
  SamMapExportOptions  options;
  char                *title;
  char                *start_label;
  char                *end_label;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->start);
  g_clear_object (&job->end);
  g_clear_object (&job->file);
  g_free (job->title);
  g_free (job->start_label);
  g_free (job->end_label);
  g_clear_object (&job->options.catalog);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (export_pages (job->start, job->end, job->file, &job->options, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_export (SamMapModel               *start,
              SamMapModel               *end,
              GFile                     *file,
              const SamMapExportOptions *options,
              GCancellable              *cancellable,
              GAsyncReadyCallback        callback,
              gpointer                   user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  /* The thread draws copies: the models may change while it runs. */
  job->start = start ? sam_map_model_copy (start) : NULL;
  job->end = sam_map_model_copy (end);
  job->file = g_object_ref (file);
  job->options = *options;
  job->title = g_strdup (options->title);
  job->start_label = g_strdup (options->start_label);
  job->end_label = g_strdup (options->end_label);
  job->options.title = job->title;
  job->options.start_label = job->start_label;
  job->options.end_label = job->end_label;
  job->options.catalog = options->catalog ? g_object_ref (options->catalog) : NULL;

  g_task_set_source_tag (task, sam_map_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * sam_map_export_async:
 *
 * Like sam_map_export(), drawing a copy of the map in a thread.
 */
void
sam_map_export_async (SamMapModel               *model,
                      GFile                     *file,
                      const SamMapExportOptions *options,
                      GCancellable              *cancellable,
                      GAsyncReadyCallback        callback,
                      gpointer                   user_data)
{
  g_return_if_fail (SAM_IS_MAP_MODEL (model));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  start_export (NULL, model, file, options, cancellable, callback, user_data);
}

/**
 * sam_map_export_compare_async:
 *
 * Like sam_map_export_compare(), in a thread.  Finish with
 * sam_map_export_finish().
 */
void
sam_map_export_compare_async (SamMapModel               *start,
                              SamMapModel               *end,
                              GFile                     *file,
                              const SamMapExportOptions *options,
                              GCancellable              *cancellable,
                              GAsyncReadyCallback        callback,
                              gpointer                   user_data)
{
  g_return_if_fail (SAM_IS_MAP_MODEL (start));
  g_return_if_fail (SAM_IS_MAP_MODEL (end));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  start_export (start, end, file, options, cancellable, callback, user_data);
}

gboolean
sam_map_export_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sam_map_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
