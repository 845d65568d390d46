/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-csv-reader.h"

/* The CSV reader on what survey exports and spreadsheets really write. */

static SamCsvTable *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  SamCsvTable *table = sam_csv_read (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static SamCsvRow *
row_at (SamCsvTable *table,
        guint        i)
{
  g_assert_cmpuint (i, <, table->rows->len);
  return table->rows->pdata[i];
}

static void
test_delimiters (void)
{
  static const struct { const char *text; char delimiter; } cases[] = {
    { "score,comment,team\n9,Fine,Sales\n3,\"Slow, very slow\",IT\n", ',' },
    /* Dutch Excel: semicolons, and commas in the numbers. */
    { "score;comment;team\n9;Prima, echt;Verkoop\n7,5;Traag;IT\n", ';' },
    { "score\tcomment\tteam\n9\tFine\tSales\n", '\t' },
    { "score|comment|team\n9|Fine|Sales\n", '|' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SamCsvTable) table = read_text (cases[i].text);

      g_assert_cmpint (table->delimiter, ==, cases[i].delimiter);
      g_assert_cmpuint (table->n_columns, ==, 3);
      g_assert_cmpstr (table->header[1], ==, "comment");
      g_assert_cmpuint (row_at (table, 0)->n_fields, ==, 3);
    }
}

static void
test_quotes_and_lines (void)
{
  g_autoptr(SamCsvTable) table = read_text ("score,comment\r\n"
                                            "9,\"Said \"\"thank you\"\"\r\ntwice\"\r\n"
                                            "\r\n"
                                            "4,plain\r\n"
                                            "5,\"a, b\"");

  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_cmpstr (row_at (table, 0)->fields[1], ==, "Said \"thank you\"\ntwice");
  g_assert_cmpuint (row_at (table, 0)->line, ==, 2);
  /* The quoted line break and the blank line count. */
  g_assert_cmpuint (row_at (table, 1)->line, ==, 5);
  g_assert_cmpstr (row_at (table, 1)->fields[1], ==, "plain");
  g_assert_cmpuint (row_at (table, 2)->line, ==, 6);
  g_assert_cmpstr (sam_csv_row_get (row_at (table, 2), 1), ==, "a, b");
  g_assert_cmpstr (sam_csv_row_get (row_at (table, 2), 7), ==, "");
}

static void
test_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamCsvTable) bom = read_text ("\xEF\xBB\xBFscore;opmerking\n8;Caf\xC3\xA9\n");
  /* Excel on Windows: Windows-1252, with the euro sign at 0x80. */
  g_autoptr(SamCsvTable) excel = read_text ("score;opmerking\n8;Caf\xE9 kost \x80 5\n");
  static const char utf16[] = "\xFF\xFEs\0;\0x\0\n\0" "9\0;\0\xE9\0\n\0";
  g_autoptr(SamCsvTable) wide = sam_csv_read (utf16, sizeof utf16 - 1, &error);

  g_assert_true (bom->had_bom);
  g_assert_cmpstr (bom->header[0], ==, "score");
  g_assert_cmpstr (bom->encoding, ==, "UTF-8");
  g_assert_cmpstr (row_at (bom, 0)->fields[1], ==, "Café");

  g_assert_cmpstr (excel->encoding, ==, "WINDOWS-1252");
  g_assert_cmpstr (row_at (excel, 0)->fields[1], ==, "Café kost € 5");

  g_assert_no_error (error);
  g_assert_cmpstr (wide->encoding, ==, "UTF-16");
  g_assert_cmpstr (row_at (wide, 0)->fields[1], ==, "é");
}

static void
test_errors (void)
{
  static const struct { const char *text; gsize length; int code; const char *words; } cases[] = {
    { "", 0, SAM_CSV_READ_ERROR_EMPTY, "empty" },
    { "\n\n\r\n", 4, SAM_CSV_READ_ERROR_EMPTY, "empty" },
    { "a,b\n1,2\n3,\"never\nclosed\n", 0, SAM_CSV_READ_ERROR_QUOTE, "Line 3" },
    { "a,b\n1\0,2\n", 9, SAM_CSV_READ_ERROR_ENCODING, "not a text file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = cases[i].length ? cases[i].length : strlen (cases[i].text);
      g_autoptr(SamCsvTable) table = sam_csv_read (cases[i].text, length, &error);

      g_assert_null (table);
      g_assert_error (error, SAM_CSV_READ_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }
}

/* Empty headings get a name; rows may be shorter or longer. */
static void
test_empty_columns (void)
{
  g_autoptr(SamCsvTable) table = read_text ("score,,comment,\n9,,Fine,\n8\n7,,,,extra\n");

  g_assert_cmpuint (table->n_columns, ==, 4);
  g_assert_cmpstr (table->header[1], ==, "Column 2");
  g_assert_cmpstr (table->header[3], ==, "Column 4");
  g_assert_cmpuint (row_at (table, 1)->n_fields, ==, 1);
  g_assert_cmpuint (row_at (table, 2)->n_fields, ==, 5);
}

static void
test_many_rows (void)
{
  g_autoptr(GString) text = g_string_new ("score;comment;date;team\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamCsvTable) table = NULL;
  gint64 start;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "%u;\"Row %u; with a \"\"quote\"\"\";2026-%02u-15;Team %u\n",
                            i % 11, i, i % 12 + 1, i % 5);

  start = g_get_monotonic_time ();
  table = sam_csv_read (text->str, text->len, &error);
  g_assert_no_error (error);
  g_test_message ("100,000 rows (%zu bytes) read in %.0f ms", text->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (table->rows->len, ==, 100000);
  g_assert_cmpuint (row_at (table, 99999)->line, ==, 100001);
  g_assert_cmpstr (row_at (table, 99999)->fields[1], ==, "Row 99999; with a \"quote\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sam/csv-reader/delimiters", test_delimiters);
  g_test_add_func ("/sam/csv-reader/quotes-and-lines", test_quotes_and_lines);
  g_test_add_func ("/sam/csv-reader/encodings", test_encodings);
  g_test_add_func ("/sam/csv-reader/errors", test_errors);
  g_test_add_func ("/sam/csv-reader/empty-columns", test_empty_columns);
  g_test_add_func ("/sam/csv-reader/many-rows", test_many_rows);

  return g_test_run ();
}
