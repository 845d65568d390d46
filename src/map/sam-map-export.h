/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "sam-catalog.h"
#include "sam-map-model.h"

G_BEGIN_DECLS

typedef enum
{
  SAM_MAP_FORMAT_PNG,
  SAM_MAP_FORMAT_SVG,
  SAM_MAP_FORMAT_PDF,
} SamMapFormat;

/**
 * SamMapPaper:
 * @SAM_MAP_PAPER_PROJECTOR: 1920 × 1080 pixels (points for SVG and PDF)
 * @SAM_MAP_PAPER_A4_LANDSCAPE: 297 × 210 mm; PNG at 150 dpi
 */
typedef enum
{
  SAM_MAP_PAPER_PROJECTOR,
  SAM_MAP_PAPER_A4_LANDSCAPE,
} SamMapPaper;

typedef struct
{
  SamMapFormat  format;
  SamMapPaper   page;
  const char   *title;        /* nullable */
  gboolean      dark;
  gboolean      show_legend;
  const char   *start_label;  /* comparison only; nullable */
  const char   *end_label;    /* comparison only; nullable */
  SamCatalog   *catalog;      /* the readers' language; nullable: the UI's */
} SamMapExportOptions;

void      sam_map_export_options_init    (SamMapExportOptions        *options,
                                          SamMapFormat                format,
                                          SamMapPaper                 page);
gboolean  sam_map_format_from_path       (const char                 *path,
                                          SamMapFormat               *format);
void      sam_map_paper_get_size         (SamMapPaper                 page,
                                          SamMapFormat                format,
                                          double                     *width,
                                          double                     *height);

gboolean  sam_map_export                 (SamMapModel                *model,
                                          GFile                      *file,
                                          const SamMapExportOptions  *options,
                                          GCancellable               *cancellable,
                                          GError                    **error);
gboolean  sam_map_export_compare         (SamMapModel                *start,
                                          SamMapModel                *end,
                                          GFile                      *file,
                                          const SamMapExportOptions  *options,
                                          GCancellable               *cancellable,
                                          GError                    **error);

void      sam_map_export_async           (SamMapModel                *model,
                                          GFile                      *file,
                                          const SamMapExportOptions  *options,
                                          GCancellable               *cancellable,
                                          GAsyncReadyCallback         callback,
                                          gpointer                    user_data);
void      sam_map_export_compare_async   (SamMapModel                *start,
                                          SamMapModel                *end,
                                          GFile                      *file,
                                          const SamMapExportOptions  *options,
                                          GCancellable               *cancellable,
                                          GAsyncReadyCallback         callback,
                                          gpointer                    user_data);
gboolean  sam_map_export_finish          (GAsyncResult               *result,
                                          GError                    **error);

G_END_DECLS
