/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * SamCsvFlags:
 * @SAM_CSV_FLAGS_NONE: plain RFC 4180 output with the formula guard
 * @SAM_CSV_FLAGS_BOM: start with a UTF-8 byte order mark, so spreadsheet
 *   programs read the file as UTF-8 rather than a legacy code page
 * @SAM_CSV_FLAGS_NO_FORMULA_GUARD: write cells exactly as given
 *
 * Options of the CSV writer.  By default a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet
 * shows it as text instead of running it as a formula (CSV injection).
 * Plain numbers such as `-3` or `+1.5` are left alone.
 */
typedef enum
{
  SAM_CSV_FLAGS_NONE              = 0,
  SAM_CSV_FLAGS_BOM               = 1 << 0,
  SAM_CSV_FLAGS_NO_FORMULA_GUARD  = 1 << 1,
} SamCsvFlags;

GString  *sam_csv_string_new         (SamCsvFlags         flags);
void      sam_csv_string_append_row  (GString            *csv,
                                      const char * const *fields,
                                      SamCsvFlags         flags);

#define SAM_TYPE_CSV_WRITER (sam_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (SamCsvWriter, sam_csv_writer, SAM, CSV_WRITER, GObject)

SamCsvWriter *sam_csv_writer_new       (GOutputStream      *stream,
                                        SamCsvFlags         flags);
gboolean      sam_csv_writer_write_row (SamCsvWriter       *self,
                                        const char * const *fields,
                                        GCancellable       *cancellable,
                                        GError            **error);

G_END_DECLS
