/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sam-csv-reader.h"

/* Reads the CSV files that survey tools and spreadsheets write: RFC 4180
 * quoting (a quoted value may hold the delimiter, "" and line breaks), a
 * byte order mark or none, UTF-8, UTF-16 with its mark, or Windows-1252
 * (Excel's "CSV" on a Western European Windows), and a comma, semicolon
 * (Dutch Excel), tab or bar between values, found from the first lines.
 * Each record keeps the line it starts on, so a problem names it. */

G_DEFINE_QUARK (sam-csv-read-error-quark, sam_csv_read_error)

#define SAMPLE_LINES 20

static const char candidates[] = { ',', ';', '\t', '|' };

static void
row_free (gpointer data)
{
  SamCsvRow *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

/**
 * sam_csv_table_free:
 * @table: (transfer full) (nullable): a table
 */
void
sam_csv_table_free (SamCsvTable *table)
{
  if (table == NULL)
    return;

  g_strfreev (table->header);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

/**
 * sam_csv_row_get:
 * @row: a row
 * @column: a column of the header
 *
 * Returns: the row's value in @column; "" when the row is shorter
 */
const char *
sam_csv_row_get (const SamCsvRow *row,
                 guint            column)
{
  return column < row->n_fields ? row->fields[column] : "";
}

/* Makes @data UTF-8, dropping a byte order mark.  Returns NULL with @error
 * set when it is in no encoding we know. */
static char *
to_utf8 (const char   *data,
         gsize         length,
         SamCsvTable  *table,
         GError      **error)
{
  g_autoptr(GError) local = NULL;
  char *text;

  table->encoding = "UTF-8";
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      table->had_bom = TRUE;
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      gboolean little = data[0] == '\xFF';

      table->had_bom = TRUE;
      table->encoding = "UTF-16";
      text = g_convert (data + 2, length - 2, "UTF-8", little ? "UTF-16LE" : "UTF-16BE", NULL, NULL, &local);
      if (text == NULL)
        g_set_error_literal (error, SAM_CSV_READ_ERROR, SAM_CSV_READ_ERROR_ENCODING,
                             _("The file says it is UTF-16 text, but it is not"));
      return text;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, SAM_CSV_READ_ERROR, SAM_CSV_READ_ERROR_ENCODING,
                           _("This is not a text file: save it as CSV from the spreadsheet or survey tool"));
      return NULL;
    }

  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  /* Not UTF-8: the code page of Excel on Western European Windows.  Its
   * five unused bytes become a replacement character. */
  table->encoding = "WINDOWS-1252";
  text = g_convert_with_fallback (data, length, "UTF-8", "WINDOWS-1252", "\xEF\xBF\xBD", NULL, NULL, &local);
  if (text == NULL)
    g_set_error_literal (error, SAM_CSV_READ_ERROR, SAM_CSV_READ_ERROR_ENCODING,
                         _("The text of the file is in an encoding Samenspel does not know; save it as UTF-8 CSV"));
  return text;
}

/* Counts @delimiter outside quotes on each of the first lines; a good
 * delimiter appears on every line, equally often. */
static guint
score_delimiter (const char *text,
                 char        delimiter)
{
  guint counts[SAMPLE_LINES] = { 0 };
  gboolean quoted = FALSE;
  guint line = 0, lowest = G_MAXUINT, same = 0;

  for (const char *p = text; *p != '\0' && line < SAMPLE_LINES; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == delimiter)
        counts[line]++;
      else if (!quoted && *p == '\n')
        line++;
    }

  if (line < SAMPLE_LINES && text[0] != '\0')
    line++;
  for (guint i = 0; i < line; i++)
    {
      lowest = MIN (lowest, counts[i]);
      same += counts[i] == counts[0];
    }

  if (line == 0 || lowest == 0)
    return counts[0] > 0 ? 1 : 0;

  /* Consistent lines count most, then how many columns it makes. */
  return same * 1000 + lowest;
}

static char
detect_delimiter (const char *text)
{
  char best = ',';
  guint best_score = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint score = score_delimiter (text, candidates[i]);

      if (score > best_score)
        {
          best = candidates[i];
          best_score = score;
        }
    }

  return best;
}

typedef struct
{
  GPtrArray *fields;
  GString   *field;
  guint      line;
  guint      start_line;
} Parser;

static void
end_field (Parser *parser)
{
  g_ptr_array_add (parser->fields, g_strdup (parser->field->str));
  g_string_truncate (parser->field, 0);
}

static void
end_record (Parser      *parser,
            SamCsvTable *table,
            GPtrArray   *records)
{
  SamCsvRow *row;
  gboolean blank;

  end_field (parser);
  blank = parser->fields->len == 1 && *(char *) parser->fields->pdata[0] == '\0';
  if (!blank)
    {
      row = g_new0 (SamCsvRow, 1);
      row->line = parser->start_line;
      row->n_fields = parser->fields->len;
      g_ptr_array_add (parser->fields, NULL);
      row->fields = (char **) g_ptr_array_free (parser->fields, FALSE);
      g_ptr_array_add (records, row);
      parser->fields = g_ptr_array_new_with_free_func (g_free);
    }
  else
    g_ptr_array_set_size (parser->fields, 0);
}

/* Splits @text into records.  A quote in the middle of an unquoted value
 * is kept as it is; a quoted value that never ends is an error naming the
 * line it starts on. */
static GPtrArray *
parse (const char   *text,
       SamCsvTable  *table,
       GError      **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (row_free);
  Parser parser = { g_ptr_array_new_with_free_func (g_free), g_string_new (NULL), 1, 1 };
  gboolean quoted = FALSE, at_start = TRUE, failed;
  guint quote_line = 0;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (parser.field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                parser.line++;
              if (c != '\r' || p[1] != '\n')
                g_string_append_c (parser.field, c);
            }
          continue;
        }

      if (c == '"' && at_start)
        {
          quoted = TRUE;
          quote_line = parser.line;
          at_start = FALSE;
        }
      else if (c == table->delimiter)
        {
          end_field (&parser);
          at_start = TRUE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          end_record (&parser, table, records);
          parser.line++;
          parser.start_line = parser.line;
          at_start = TRUE;
          if (records->len > SAM_CSV_READ_MAX_ROWS)
            break;
        }
      else
        {
          g_string_append_c (parser.field, c);
          at_start = FALSE;
        }
    }

  failed = quoted || records->len > SAM_CSV_READ_MAX_ROWS;
  if (quoted)
    g_set_error (error, SAM_CSV_READ_ERROR, SAM_CSV_READ_ERROR_QUOTE,
                 _("Line %u: a value starts with a quote (\") that is never closed"), quote_line);
  else if (records->len > SAM_CSV_READ_MAX_ROWS)
    g_set_error (error, SAM_CSV_READ_ERROR, SAM_CSV_READ_ERROR_TOO_BIG,
                 _("The file has more than %u rows; split it into smaller files"), SAM_CSV_READ_MAX_ROWS);
  else if (parser.field->len > 0 || parser.fields->len > 0)
    end_record (&parser, table, records);

  g_ptr_array_unref (parser.fields);
  g_string_free (parser.field, TRUE);
  return failed ? NULL : g_steal_pointer (&records);
}

static void
take_header (SamCsvTable *table,
             GPtrArray   *records)
{
  SamCsvRow *first = records->pdata[0];

  table->n_columns = first->n_fields;
  table->header = g_new0 (char *, first->n_fields + 1);
  for (guint i = 0; i < first->n_fields; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (first->fields[i]));

      /* Translators: the name of a CSV column without a heading */
      table->header[i] = *name != '\0' ? g_steal_pointer (&name) : g_strdup_printf (_("Column %u"), i + 1);
    }
  g_ptr_array_remove_index (records, 0);
}

/**
 * sam_csv_read:
 * @data: the file's bytes
 * @length: how many
 * @error: return location for a #GError in %SAM_CSV_READ_ERROR
 *
 * Reads a CSV file whose first record names the columns.  Blank lines are
 * skipped; rows may have more or fewer fields than the header (the caller
 * decides whether that is a problem).
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with a message
 *   a person can act on
 */
SamCsvTable *
sam_csv_read (const char  *data,
              gsize        length,
              GError     **error)
{
  g_autoptr(SamCsvTable) table = g_new0 (SamCsvTable, 1);
  g_autofree char *text = NULL;
  GPtrArray *records;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > SAM_CSV_READ_MAX_BYTES)
    {
      g_set_error (error, SAM_CSV_READ_ERROR, SAM_CSV_READ_ERROR_TOO_BIG,
                   _("The file is larger than %u MB"), SAM_CSV_READ_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  text = to_utf8 (data ? data : "", length, table, error);
  if (text == NULL)
    return NULL;

  table->delimiter = detect_delimiter (text);
  records = parse (text, table, error);
  if (records == NULL)
    return NULL;

  table->rows = records;
  if (records->len == 0)
    {
      g_set_error_literal (error, SAM_CSV_READ_ERROR, SAM_CSV_READ_ERROR_EMPTY,
                           _("The file is empty: it has no rows"));
      return NULL;
    }

  take_header (table, records);
  return g_steal_pointer (&table);
}
