/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sam-csv-reader.h"
#include "sam-feedback-chart.h"
#include "sam-report.h"
#include "sam-store.h"
#include "sam-store-agenda.h"
#include "sam-store-feedback.h"
#include "sam-workshop-file.h"

/* The customer's voice in the store: a survey export read with the CSV
 * reader, mapped to columns and imported all at once with its problem
 * rows listed; NPS and mean per channel and per month; names hidden. */

typedef struct
{
  SamStore *store;
  SamWorkshop *workshop;
  SamStep *step;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = sam_store_open_in_memory (&error);
  g_assert_no_error (error);
  f->workshop = sam_store_create_workshop (f->store, "Customers", &error);
  f->step = sam_store_add_step (f->store, f->workshop, -1, "customer-voice", "What customers say", 30, "", "", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static guint
count_rows (Fixture *f)
{
  g_autoptr(GPtrArray) groups = sam_store_get_feedback_groups (f->store, f->step, SAM_FEEDBACK_BY_CHANNEL);
  guint n = 0;

  for (guint i = 0; i < groups->len; i++)
    n += ((SamFeedbackGroup *) groups->pdata[i])->n;
  return n;
}

/* Excel's CSV on a Dutch Windows: semicolons, Windows-1252, a quoted
 * comment over two lines, a bad score, a bad date and an empty row. */
static const char survey[] =
  "Datum;Score;Opmerking;Kanaal\r\n"
  "14-03-2026;9;\"Snel geholpen door Anouk, top\";Telefoon\r\n"
  "2026-03-20;3;\"Verhuizing duurde\r\nveel te lang\";Backoffice\r\n"
  "02/04/2026 10:15;10;Caf\xe9 en koffie prima;Telefoon\r\n"
  "2026-04-05;elf;Geen idee;Telefoon\r\n"
  "31-02-2026;7;Datum klopt niet;Balie\r\n"
  ";;;\r\n"
  "2026-04-09;;Alleen een opmerking;Balie\r\n"
  "2026-04-10;6,0;Matig;Backoffice\r\n";

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamCsvTable) table = sam_csv_read (survey, strlen (survey), &error);
  g_autoptr(GArray) inputs = g_array_new (FALSE, FALSE, sizeof (SamFeedbackInput));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) months = NULL;
  SamFeedbackGroup *phone, *office;
  guint counts[11];
  guint added;

  g_assert_no_error (error);
  g_assert_cmpint (table->delimiter, ==, ';');
  g_assert_cmpstr (table->encoding, ==, "WINDOWS-1252");
  g_assert_cmpuint (table->rows->len, ==, 8);

  /* The coach's choice in the preview: date 0, score 1, comment 2, channel 3. */
  for (guint i = 0; i < table->rows->len; i++)
    {
      SamCsvRow *row = table->rows->pdata[i];
      SamFeedbackInput input = { row->line, sam_csv_row_get (row, 1), sam_csv_row_get (row, 2),
                                 sam_csv_row_get (row, 0), sam_csv_row_get (row, 3) };
      g_array_append_val (inputs, input);
    }

  added = sam_store_import_feedback (f->store, f->step, (SamFeedbackInput *) inputs->data, inputs->len, 10,
                                     &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 5);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (problems->pdata[0], ==, "Line 6: “elf” is not a score from 0 to 10");
  g_assert_cmpstr (problems->pdata[1], ==, "Line 7: “31-02-2026” is not a date");
  g_assert_cmpstr (problems->pdata[2], ==, "Line 8: no score and no comment");
  g_assert_cmpuint (sam_store_get_feedback_scale (f->store, f->step), ==, 10);

  channels = sam_store_get_feedback_groups (f->store, f->step, SAM_FEEDBACK_BY_CHANNEL);
  g_assert_cmpuint (channels->len, ==, 3);
  office = channels->pdata[0];
  phone = channels->pdata[2];
  g_assert_cmpstr (office->name, ==, "Backoffice");
  g_assert_cmpuint (office->n, ==, 2);
  g_assert_cmpfloat_with_epsilon (office->mean, 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (office->nps, -100, 1e-9);
  g_assert_cmpstr (((SamFeedbackGroup *) channels->pdata[1])->name, ==, "Balie");
  g_assert_true (isnan (((SamFeedbackGroup *) channels->pdata[1])->nps));
  g_assert_cmpstr (phone->name, ==, "Telefoon");
  g_assert_cmpuint (phone->promoters, ==, 2);
  g_assert_cmpfloat_with_epsilon (phone->nps, 100, 1e-9);

  months = sam_store_get_feedback_groups (f->store, f->step, SAM_FEEDBACK_BY_MONTH);
  g_assert_cmpuint (months->len, ==, 2);
  g_assert_cmpstr (((SamFeedbackGroup *) months->pdata[0])->name, ==, "2026-03");
  g_assert_cmpfloat_with_epsilon (((SamFeedbackGroup *) months->pdata[0])->nps, 0, 1e-9);
  g_assert_cmpstr (((SamFeedbackGroup *) months->pdata[1])->name, ==, "2026-04");
  g_assert_cmpuint (((SamFeedbackGroup *) months->pdata[1])->n, ==, 3);

  g_assert_true (sam_store_get_feedback_distribution (f->store, f->step, counts));
  g_assert_cmpuint (counts[9], ==, 1);
  g_assert_cmpuint (counts[10], ==, 1);
  g_assert_cmpuint (counts[6], ==, 1);
  g_assert_cmpuint (counts[5], ==, 0);

  /* A survey on another scale goes into a step of its own. */
  {
    SamFeedbackInput five = { 2, "4", "", "", "" };

    g_assert_cmpuint (sam_store_import_feedback (f->store, f->step, &five, 1, 5, NULL, &error), ==, 0);
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
    g_assert_cmpuint (count_rows (f), ==, 5);
  }
}

/* Nothing is half-imported: no good row, no change. */
static void
test_nothing_half (Fixture       *f,
                   gconstpointer  data)
{
  static const SamFeedbackInput bad[] = {
    { 2, "11", "too high", "", "" },
    { 3, "", "", "", "" },
  };
  static const SamFeedbackInput five[] = {
    { 2, "5", "Top", "2026-05-01", "Web" },
    { 3, "0", "", "", "Web" },
    { 4, "3", "", "", "Web" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  g_assert_cmpuint (sam_store_import_feedback (f->store, f->step, bad, G_N_ELEMENTS (bad), 10, NULL, &error), ==, 0);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_cmpuint (count_rows (f), ==, 0);
  g_clear_error (&error);

  /* On 1–5, 0 is no score; 5 promotes, 3 detracts. */
  g_assert_cmpuint (sam_store_import_feedback (f->store, f->step, five, G_N_ELEMENTS (five), 5, &problems, &error), ==, 2);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (problems->pdata[0], ==, "Line 3: “0” is not a score from 1 to 5");
  groups = sam_store_get_feedback_groups (f->store, f->step, SAM_FEEDBACK_BY_CHANNEL);
  g_assert_cmpfloat_with_epsilon (((SamFeedbackGroup *) groups->pdata[0])->nps, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (((SamFeedbackGroup *) groups->pdata[0])->mean, 4, 1e-9);
}

static void
test_many (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) inputs = g_array_new (FALSE, FALSE, sizeof (SamFeedbackInput));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(SamFeedbackBatch) batch = NULL;
  gint64 start, checked;
  int progress = 0;

  for (guint i = 0; i < 100000; i++)
    {
      char *score = g_strdup_printf ("%u", i % 11);
      char *date = g_strdup_printf ("2026-%02u-01", i % 12 + 1);
      SamFeedbackInput input = { i + 2, score, "", date, i % 2 ? "Web" : "Telefoon" };

      g_ptr_array_add (texts, score);
      g_ptr_array_add (texts, date);
      g_array_append_val (inputs, input);
    }

  /* The check runs in the page's worker thread, the write in the main
   * thread: each is timed on its own. */
  start = g_get_monotonic_time ();
  batch = sam_feedback_batch_check ((SamFeedbackInput *) inputs->data, inputs->len, 10, NULL, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpint (progress, ==, 100000);
  g_assert_cmpuint (sam_feedback_batch_get_n_rows (batch), ==, 100000);
  checked = g_get_monotonic_time ();
  g_assert_cmpuint (sam_store_add_feedback_batch (f->store, f->step, batch, NULL, &error), ==, 100000);
  g_assert_no_error (error);
  g_test_message ("100,000 responses checked in %.0f ms (worker thread), stored in %.0f ms (main thread)",
                  (checked - start) / 1000.0, (g_get_monotonic_time () - checked) / 1000.0);
  months = sam_store_get_feedback_groups (f->store, f->step, SAM_FEEDBACK_BY_MONTH);
  g_assert_cmpuint (months->len, ==, 12);
}

/* A check that is cancelled gives nothing to store; the step stays empty. */
static void
test_check_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  static const SamFeedbackInput rows[] = { { 2, "9", "Prima", "", "" }, { 3, "4", "Traag", "", "" } };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SamFeedbackBatch) batch = NULL;
  g_autoptr(GListModel) feedback = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  batch = sam_feedback_batch_check (rows, G_N_ELEMENTS (rows), 10, cancellable, NULL, &error);
  g_assert_null (batch);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  feedback = sam_store_list_feedback (f->store, f->step);
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 0);
}

static void
test_dates (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "2026-03-14", "2026-03-14" }, { "14-03-2026", "2026-03-14" }, { "14/3/2026", "2026-03-14" },
    { "14.03.2026", "2026-03-14" }, { "2026/03/14 09:30", "2026-03-14" }, { "2026-03-14T09:30:00Z", "2026-03-14" },
    { "", "" }, { "  ", "" }, { "3/14/26", NULL }, { "31-02-2026", NULL }, { "gisteren", NULL }, { "2026-13-01", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = sam_feedback_parse_date (cases[i].in);
      g_assert_cmpstr (date, ==, cases[i].out);
    }
}

static void
test_redact (void)
{
  static const char *const names[] = { "Anouk", "de Vries", "Jan", NULL };
  g_autofree char *a = sam_feedback_redact ("Anouk hielp me snel, mevrouw DE VRIES niet.", names);
  g_autofree char *b = sam_feedback_redact ("Januari was druk; jan belde terug.", names);
  g_autofree char *c = sam_feedback_redact ("Geen namen hier.", names);

  g_assert_cmpstr (a, ==, "… hielp me snel, mevrouw … niet.");
  g_assert_cmpstr (b, ==, "Januari was druk; … belde terug.");
  g_assert_cmpstr (c, ==, "Geen namen hier.");
}

static void
test_file (Fixture       *f,
           gconstpointer  data)
{
  static const SamFeedbackInput rows[] = { { 2, "8", "Prima", "2026-05-01", "Web" } };
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(SamWorkshopFile) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamStore) other = sam_store_open_in_memory (NULL);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(SamStep) step = NULL;
  SamWorkshop *copy;

  g_assert_cmpuint (sam_store_import_feedback (f->store, f->step, rows, 1, 10, NULL, &error), ==, 1);
  file = sam_workshop_file_new_from_store (f->store, f->workshop, SAM_FILE_KIND_WORKSHOP, NULL, &error);
  bytes = sam_workshop_file_to_bytes (file);
  again = sam_workshop_file_load_bytes (bytes, "customers.samenspel", &error);
  g_assert_no_error (error);
  copy = sam_workshop_file_import (again, other, &error);
  g_assert_no_error (error);
  step = g_list_model_get_item (sam_store_get_steps (other, copy), 0);
  groups = sam_store_get_feedback_groups (other, step, SAM_FEEDBACK_BY_CHANNEL);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (((SamFeedbackGroup *) groups->pdata[0])->name, ==, "Web");
  g_assert_cmpfloat (((SamFeedbackGroup *) groups->pdata[0])->mean, ==, 8);
}

static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       SamColour        expected)
{
  const guchar *data;
  guint32 value;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  value = *(const guint32 *) (data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);
  g_assert_cmpfloat_with_epsilon (((value >> 16) & 0xff) / 255.0, expected.red, 0.02);
  g_assert_cmpfloat_with_epsilon (((value >> 8) & 0xff) / 255.0, expected.green, 0.02);
  g_assert_cmpfloat_with_epsilon ((value & 0xff) / 255.0, expected.blue, 0.02);
}

static void
save (cairo_surface_t *surface,
      const char      *name)
{
  g_autofree char *path = NULL;

  if (g_getenv ("SAM_TEST_OUTDIR") == NULL)
    return;
  g_mkdir_with_parents (g_getenv ("SAM_TEST_OUTDIR"), 0700);
  path = g_build_filename (g_getenv ("SAM_TEST_OUTDIR"), name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static cairo_surface_t *
white (int      width,
       int      height,
       cairo_t **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, 1, 1, 1);
  cairo_paint (*cr);
  return surface;
}

/* The three charts drawn to PNG and checked against their geometry. */
static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  static const SamFeedbackInput rows[] = {
    { 2, "10", "", "2026-01-05", "Telefoon" }, { 3, "9", "", "2026-01-09", "Telefoon" },
    { 4, "3", "", "2026-02-01", "Backoffice" }, { 5, "6", "", "2026-02-11", "Backoffice" },
    { 6, "8", "", "2026-02-20", "Web" }, { 7, "9", "", "2026-03-02", "Web" },
    { 8, "10", "", "2026-03-12", "Telefoon" }, { 9, "2", "", "2026-03-30", "Backoffice" },
  };
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) months = NULL;
  guint counts[11];
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y, w, h, tall;

  g_assert_cmpuint (sam_store_import_feedback (f->store, f->step, rows, G_N_ELEMENTS (rows), 10, NULL, NULL), ==, 8);
  sam_store_get_feedback_distribution (f->store, f->step, counts);

  surface = white (660, 240, &cr);
  sam_feedback_chart_draw_distribution (cr, 660, 240, counts, 10, FALSE);
  cairo_destroy (cr);
  save (surface, "feedback-distribution.png");
  /* 9 and 10 were given twice: the tallest bars, in the promoters' colour. */
  sam_feedback_chart_bar_rect (660, 240, counts, 10, 10, &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (x, 10 * 60 + 9, 1e-9);
  pixel (surface, x + w / 2, y + h - 2, sam_feedback_chart_score_colour (10, 10));
  sam_feedback_chart_bar_rect (660, 240, counts, 10, 9, &x, &y, &w, &tall);
  sam_feedback_chart_bar_rect (660, 240, counts, 10, 3, &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (tall, 2 * h, 1e-9);
  sam_feedback_chart_bar_rect (660, 240, counts, 10, 3, &x, &y, &w, &h);
  pixel (surface, x + w / 2, y + h - 2, sam_feedback_chart_score_colour (3, 10));
  sam_feedback_chart_bar_rect (660, 240, counts, 10, 8, &x, &y, &w, &h);
  pixel (surface, x + w / 2, y + h - 2, sam_feedback_chart_score_colour (8, 10));
  cairo_surface_destroy (surface);

  /* NPS per channel: Backoffice −100, Telefoon +100, Web 0. */
  channels = sam_store_get_feedback_groups (f->store, f->step, SAM_FEEDBACK_BY_CHANNEL);
  surface = white (600, 180, &cr);
  sam_feedback_chart_draw_nps_bars (cr, 600, 180, channels, FALSE);
  cairo_destroy (cr);
  save (surface, "feedback-channels.png");
  g_assert_cmpfloat_with_epsilon (sam_feedback_chart_nps_x (600, -100), 210, 1e-9);
  g_assert_cmpfloat_with_epsilon (sam_feedback_chart_nps_x (600, 100), 540, 1e-9);
  pixel (surface, sam_feedback_chart_nps_x (600, -50), 30, sam_feedback_chart_score_colour (0, 10));
  pixel (surface, sam_feedback_chart_nps_x (600, 50), 90, sam_feedback_chart_score_colour (10, 10));
  cairo_surface_destroy (surface);

  /* The trend: January +100, February −67, March +33. */
  months = sam_store_get_feedback_groups (f->store, f->step, SAM_FEEDBACK_BY_MONTH);
  g_assert_cmpuint (months->len, ==, 3);
  surface = white (600, 240, &cr);
  sam_feedback_chart_draw_trend (cr, 600, 240, months, FALSE);
  cairo_destroy (cr);
  save (surface, "feedback-trend.png");
  for (guint i = 0; i < months->len; i++)
    {
      SamColour blue = { 0.0, 0.45, 0.70 };

      sam_feedback_chart_trend_point (600, 240, 3, i, ((SamFeedbackGroup *) months->pdata[i])->nps, &x, &y);
      pixel (surface, x, y, blue);
    }
  sam_feedback_chart_trend_point (600, 240, 3, 0, 100, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 100, 1e-9);
  cairo_surface_destroy (surface);
}

/* The report: the charts and the comments as customer quotes, with the
 * names hidden as on the page. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  static const SamFeedbackInput rows[] = {
    { 2, "9", "Anouk hielp me meteen", "2026-01-05", "Telefoon" },
    { 3, "4", "Drie keer doorverbonden", "2026-02-01", "Backoffice" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SamDocument) document = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "feedback-report-test.pdf", NULL);
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", path, "-", NULL };
  int status = 0;

  g_assert_cmpuint (sam_store_import_feedback (f->store, f->step, rows, G_N_ELEMENTS (rows), 10, NULL, NULL), ==, 2);
  g_assert_true (sam_store_set_feedback_redaction (f->store, f->step, TRUE, "Anouk", &error));
  document = sam_report_build (f->store, f->workshop, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sam_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  if (g_getenv ("SAM_TEST_OUTDIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("SAM_TEST_OUTDIR"), "feedback-report.png", NULL);
      g_assert_true (sam_document_render_page_png (document, sam_document_get_n_pages (document) - 1, 1.0, png, &error));
    }

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Customer quote"));
  g_assert_nonnull (strstr (text, "… hielp me meteen"));
  g_assert_null (strstr (text, "Anouk"));
  g_assert_nonnull (strstr (text, "Drie keer doorverbonden"));
  g_assert_nonnull (strstr (text, "NPS per team or channel"));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sam/store/feedback/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/sam/store/feedback/nothing-half", Fixture, NULL, fixture_set_up, test_nothing_half, fixture_tear_down);
  g_test_add ("/sam/store/feedback/many", Fixture, NULL, fixture_set_up, test_many, fixture_tear_down);
  g_test_add ("/sam/store/feedback/check-cancelled", Fixture, NULL, fixture_set_up, test_check_cancelled,
              fixture_tear_down);
  g_test_add ("/sam/store/feedback/file", Fixture, NULL, fixture_set_up, test_file, fixture_tear_down);
  g_test_add ("/sam/store/feedback/charts", Fixture, NULL, fixture_set_up, test_charts, fixture_tear_down);
  g_test_add ("/sam/store/feedback/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add_func ("/sam/store/feedback/dates", test_dates);
  g_test_add_func ("/sam/store/feedback/redact", test_redact);

  return g_test_run ();
}
