/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-csv.h"

static char *
row_to_string (const char * const *fields,
               SamCsvFlags         flags)
{
  GString *csv = sam_csv_string_new (SAM_CSV_FLAGS_NONE);

  sam_csv_string_append_row (csv, fields, flags);

  return g_string_free (csv, FALSE);
}

static void
test_csv_quoting (void)
{
  const char *plain[] = { "Sales", "Back office", "", NULL };
  const char *special[] = { "a,b", "say \"hi\"", "two\nlines", "cr\rhere", NULL };
  g_autofree char *a = row_to_string (plain, SAM_CSV_FLAGS_NONE);
  g_autofree char *b = row_to_string (special, SAM_CSV_FLAGS_NONE);

  g_assert_cmpstr (a, ==, "Sales,Back office,\r\n");
  g_assert_cmpstr (b, ==, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
}

static void
test_csv_crlf (void)
{
  g_autoptr(GString) csv = sam_csv_string_new (SAM_CSV_FLAGS_NONE);
  const char *header[] = { "What", "Who", NULL };
  const char *row[] = { "Stand-up", "Ann", NULL };

  sam_csv_string_append_row (csv, header, SAM_CSV_FLAGS_NONE);
  sam_csv_string_append_row (csv, row, SAM_CSV_FLAGS_NONE);
  g_assert_cmpstr (csv->str, ==, "What,Who\r\nStand-up,Ann\r\n");
}

static void
test_csv_formula_guard (void)
{
  const char *risky[] = { "=HYPERLINK(\"x\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", NULL };
  const char *numbers[] = { "-3", "+1.5", "42", "-0,5", NULL };
  g_autofree char *a = row_to_string (risky, SAM_CSV_FLAGS_NONE);
  g_autofree char *b = row_to_string (numbers, SAM_CSV_FLAGS_NONE);
  g_autofree char *c = row_to_string (risky, SAM_CSV_FLAGS_NO_FORMULA_GUARD);

  g_assert_cmpstr (a, ==, "\"'=HYPERLINK(\"\"x\"\")\",'+1+2,'-2+3,'@SUM(A1),'\tx\r\n");
  g_assert_cmpstr (b, ==, "-3,+1.5,42,\"-0,5\"\r\n");
  g_assert_cmpstr (c, ==, "\"=HYPERLINK(\"\"x\"\")\",+1+2,-2+3,@SUM(A1),\tx\r\n");
}

static void
test_csv_utf8 (void)
{
  g_autoptr(GString) csv = sam_csv_string_new (SAM_CSV_FLAGS_BOM);
  const char *row[] = { "Één team", "café ☕", "bad \xff byte", NULL };

  sam_csv_string_append_row (csv, row, SAM_CSV_FLAGS_BOM);
  g_assert_true (g_str_has_prefix (csv->str, "\xef\xbb\xbf"));
  g_assert_true (g_utf8_validate (csv->str, csv->len, NULL));
  g_assert_cmpstr (csv->str + 3, ==, "Één team,café ☕,bad \xef\xbf\xbd byte\r\n");
}

static void
test_csv_stream (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(SamCsvWriter) writer = sam_csv_writer_new (stream, SAM_CSV_FLAGS_BOM);
  const char *header[] = { "Team", "Score", NULL };
  const char *row[] = { "IT, infra", "-1", NULL };
  g_autoptr(GError) error = NULL;
  const char *expected = "\xef\xbb\xbfTeam,Score\r\n\"IT, infra\",-1\r\n";

  g_assert_true (sam_csv_writer_write_row (writer, header, NULL, &error));
  g_assert_true (sam_csv_writer_write_row (writer, row, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==,
                    strlen (expected));
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                   strlen (expected), expected, strlen (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/report/csv/quoting", test_csv_quoting);
  g_test_add_func ("/sam/report/csv/crlf", test_csv_crlf);
  g_test_add_func ("/sam/report/csv/formula-guard", test_csv_formula_guard);
  g_test_add_func ("/sam/report/csv/utf8", test_csv_utf8);
  g_test_add_func ("/sam/report/csv/stream", test_csv_stream);

  return g_test_run ();
}
