/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SAM_CSV_READ_ERROR (sam_csv_read_error_quark ())

/**
 * SamCsvReadError:
 * @SAM_CSV_READ_ERROR_EMPTY: the file holds no rows
 * @SAM_CSV_READ_ERROR_ENCODING: the text is in no encoding the reader knows
 * @SAM_CSV_READ_ERROR_QUOTE: a quoted value never ends
 * @SAM_CSV_READ_ERROR_TOO_BIG: more rows or bytes than the reader takes
 */
typedef enum
{
  SAM_CSV_READ_ERROR_EMPTY,
  SAM_CSV_READ_ERROR_ENCODING,
  SAM_CSV_READ_ERROR_QUOTE,
  SAM_CSV_READ_ERROR_TOO_BIG,
} SamCsvReadError;

#define SAM_CSV_READ_MAX_BYTES (64 * 1024 * 1024)
#define SAM_CSV_READ_MAX_ROWS 500000

/* One record: the line of the file it starts on (1 is the first), and its
 * fields, in UTF-8. */
typedef struct
{
  guint   line;
  guint   n_fields;
  char  **fields;
} SamCsvRow;

typedef struct
{
  char        delimiter;
  gboolean    had_bom;
  const char *encoding;   /* "UTF-8", "UTF-16" or "WINDOWS-1252" */
  guint       n_columns;  /* of the header */
  char      **header;     /* column names; an empty one is "Column N" */
  GPtrArray  *rows;       /* SamCsvRow *, the header not included */
} SamCsvTable;

GQuark       sam_csv_read_error_quark (void);
SamCsvTable *sam_csv_read             (const char   *data,
                                       gsize         length,
                                       GError      **error);
const char  *sam_csv_row_get          (const SamCsvRow *row,
                                       guint         column);
void         sam_csv_table_free       (SamCsvTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamCsvTable, sam_csv_table_free)

G_END_DECLS
