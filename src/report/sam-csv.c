/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-csv.h"

/* RFC 4180: fields separated by commas, records ended by CRLF; a field
 * holding a comma, a double quote, CR or LF is put in double quotes, with
 * its quotes doubled. */

#define UTF8_BOM "\xef\xbb\xbf"

struct _SamCsvWriter
{
  GObject        parent_instance;

  GOutputStream *stream;
  SamCsvFlags    flags;
  guint          started : 1;
};

G_DEFINE_FINAL_TYPE (SamCsvWriter, sam_csv_writer, G_TYPE_OBJECT)

static gboolean
is_plain_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.' || *p == ',')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;

  return digits && *p == '\0';
}

static gboolean
needs_formula_guard (const char *text)
{
  return strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0' && !is_plain_number (text);
}

static void
append_field (GString     *csv,
              const char  *field,
              SamCsvFlags  flags)
{
  g_autofree char *valid = g_utf8_make_valid (field ? field : "", -1);
  gboolean guard = !(flags & SAM_CSV_FLAGS_NO_FORMULA_GUARD) && needs_formula_guard (valid);
  gboolean quote = strpbrk (valid, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (csv, '"');
  if (guard)
    g_string_append_c (csv, '\'');
  for (const char *p = valid; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  if (quote)
    g_string_append_c (csv, '"');
}

/**
 * sam_csv_string_new:
 * @flags: #SAM_CSV_FLAGS_BOM to start with a byte order mark
 *
 * Returns: (transfer full): an empty CSV text to fill with
 *   sam_csv_string_append_row()
 */
GString *
sam_csv_string_new (SamCsvFlags flags)
{
  GString *csv = g_string_new (NULL);

  if (flags & SAM_CSV_FLAGS_BOM)
    g_string_append (csv, UTF8_BOM);

  return csv;
}

/**
 * sam_csv_string_append_row:
 * @csv: a CSV text
 * @fields: (array zero-terminated=1): the row's cells, UTF-8
 * @flags: whether to guard against formulas (see #SamCsvFlags)
 *
 * Appends one record, ended by CRLF.
 */
void
sam_csv_string_append_row (GString            *csv,
                           const char * const *fields,
                           SamCsvFlags         flags)
{
  g_return_if_fail (csv != NULL);
  g_return_if_fail (fields != NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      append_field (csv, fields[i], flags);
    }
  g_string_append (csv, "\r\n");
}

static void
sam_csv_writer_finalize (GObject *object)
{
  SamCsvWriter *self = (SamCsvWriter *)object;

  g_clear_object (&self->stream);

  G_OBJECT_CLASS (sam_csv_writer_parent_class)->finalize (object);
}

static void
sam_csv_writer_class_init (SamCsvWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_csv_writer_finalize;
}

static void
sam_csv_writer_init (SamCsvWriter *self)
{
}

/**
 * sam_csv_writer_new:
 * @stream: the output; the writer does not close it
 * @flags: see #SamCsvFlags
 *
 * Returns: (transfer full): a writer of CSV records to @stream
 */
SamCsvWriter *
sam_csv_writer_new (GOutputStream *stream,
                    SamCsvFlags    flags)
{
  SamCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_object_new (SAM_TYPE_CSV_WRITER, NULL);
  self->stream = g_object_ref (stream);
  self->flags = flags;

  return self;
}

/**
 * sam_csv_writer_write_row:
 * @self: a #SamCsvWriter
 * @fields: (array zero-terminated=1): the row's cells, UTF-8
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes one record; the first call writes the byte order mark if asked.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_csv_writer_write_row (SamCsvWriter       *self,
                          const char * const *fields,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GString) row = NULL;

  g_return_val_if_fail (SAM_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  row = self->started ? g_string_new (NULL) : sam_csv_string_new (self->flags);
  sam_csv_string_append_row (row, fields, self->flags);
  self->started = TRUE;

  return g_output_stream_write_all (self->stream, row->str, row->len, NULL, cancellable, error);
}
