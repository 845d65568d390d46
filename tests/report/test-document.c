/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sam-document.h"

#define N_TABLE_ROWS 60

static const char *lorem_words[] = {
  "customer", "team", "agreement", "back office", "sales", "pressure", "we", "verify",
  "the", "request", "moves", "between", "desks", "and", "nobody", "owns", "it", "why",
};

static char *
make_long_text (gsize length)
{
  GString *text = g_string_new ("Start of the long paragraph. ");

  for (guint i = 0; text->len < length; i++)
    {
      g_string_append (text, lorem_words[(i * 7) % G_N_ELEMENTS (lorem_words)]);
      g_string_append (text, i % 13 == 12 ? ". " : " ");
    }
  g_string_append (text, "End of the long paragraph.");

  return g_string_free (text, FALSE);
}

/* A small relationship-map-like drawing: nodes on a circle, joined by lines */
static void
draw_test_figure (cairo_t  *cr,
                  double    width,
                  double    height,
                  gpointer  user_data)
{
  guint *calls = user_data;
  const double colours[][3] = {
    { 0.90, 0.62, 0.0 }, { 0.34, 0.71, 0.91 }, { 0.0, 0.62, 0.45 }, { 0.80, 0.47, 0.65 },
  };
  double cx = width / 2, cy = height / 2, r = MIN (width, height) * 0.33;

  (*calls)++;

  cairo_set_source_rgb (cr, 0.97, 0.97, 0.98);
  cairo_paint (cr);
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgb (cr, 0.6, 0.63, 0.68);
  for (guint i = 0; i < 4; i++)
    for (guint j = i + 1; j < 4; j++)
      {
        cairo_move_to (cr, cx + r * cos (i * G_PI / 2), cy + r * sin (i * G_PI / 2));
        cairo_line_to (cr, cx + r * cos (j * G_PI / 2), cy + r * sin (j * G_PI / 2));
      }
  cairo_stroke (cr);
  for (guint i = 0; i < 4; i++)
    {
      cairo_set_source_rgb (cr, colours[i][0], colours[i][1], colours[i][2]);
      cairo_arc (cr, cx + r * cos (i * G_PI / 2), cy + r * sin (i * G_PI / 2), 22, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static SamTable *
make_table (void)
{
  const char *titles[] = { "Agreement", "Teams", "Owner", "By", "Status", NULL };
  const double ratios[] = { 4, 2, 1.4, 1.3, 1.3 };
  const char *colours[] = { "#E69F00", "#56B4E9", "#009E73", "#CC79A7" };
  SamTable *table = sam_table_new (titles);

  sam_table_set_column_ratios (table, ratios, G_N_ELEMENTS (ratios));
  for (guint i = 0; i < N_TABLE_ROWS; i++)
    {
      g_autofree char *what = g_strdup_printf ("Agreement %u: %s", i + 1,
                                               i % 4 == 0 ? "sales checks with IT whether a product "
                                               "exists before it is promised to a customer, and "
                                               "writes down the date it will be ready" :
                                               "weekly stand-up between back office and sales");
      g_autofree char *by = g_strdup_printf ("%u March", 1 + i % 28);
      const char *status = i % 3 == 0 ? "Not kept" : "Kept";
      const char *cells[] = { what, "Sales, IT", i % 2 ? "Ann" : "Karim", by, status, NULL };
      guint row = sam_table_add_row (table, cells, colours[i % 4]);

      sam_table_set_cell_chip (table, row, 4, i % 3 == 0 ? SAM_CHIP_NEGATIVE : SAM_CHIP_POSITIVE);
    }

  return table;
}

static SamDocument *
make_sample_document (guint *figure_calls)
{
  SamDocument *doc = sam_document_new ("Colleagues and customers — workshop report");
  g_autofree char *long_text = make_long_text (12000);
  g_autoptr(SamTable) table = make_table ();
  const char *bullets[] = {
    "Sales sells what does not exist yet <b>&amp; IT hears it last",
    "The back office always picks up the pieces",
    "Compliance is seen as the team that says no, while it protects the customer from real harm "
    "and the organisation from fines",
    NULL
  };

  sam_document_set_cover (doc, "Acme Insurance · Customer day", "12 March 2026", "Mira de Vries",
                          "Confidential: for the participants of this workshop only.");
  sam_document_add_cover_team (doc, "Sales", "#E69F00");
  sam_document_add_cover_team (doc, "Back office", "#56B4E9");
  sam_document_add_cover_team (doc, "IT", "#009E73");
  sam_document_add_cover_team (doc, "Compliance", "rgb(204,121,167)");

  sam_document_add_heading (doc, 1, "Summary");
  sam_document_add_paragraph (doc, SAM_TEXT_STYLE_NORMAL,
                              "Four teams looked at their work through the eyes of each other and "
                              "of the customer. User text stays as typed: <b>&</b> and 5 < 6.");
  sam_document_add_key_value (doc, "Owner", "Ann");
  sam_document_add_key_value (doc, "Participants", "14 people from 4 teams");
  sam_document_add_key_value (doc, "Follow-up", "Review of the agreements on 9 April, 10:00");
  sam_document_add_chip_paragraph (doc, SAM_CHIP_POSITIVE, "Kept",
                                   "The weekly stand-up between sales and back office happened "
                                   "every week.");
  sam_document_add_chip_paragraph (doc, SAM_CHIP_NEGATIVE, "Not kept",
                                   "IT did not yet publish its planning to the other teams.");
  sam_document_add_paragraph (doc, SAM_TEXT_STYLE_MUTED,
                              "Note: the customer scores come from the last quarter's survey.");

  sam_document_add_heading (doc, 2, "Us-versus-them beliefs");
  sam_document_add_bullets (doc, bullets);

  sam_document_add_heading (doc, 2, "Relationship map (end of day) \\ <map> & more");
  sam_document_add_figure (doc, 1.6, draw_test_figure, figure_calls, NULL,
                           "The teams and their relations at the end of the day");

  sam_document_add_heading (doc, 1, "Long notes");
  sam_document_add_heading (doc, 3, "What the coach wrote down");
  sam_document_add_paragraph (doc, SAM_TEXT_STYLE_NORMAL, long_text);

  sam_document_add_page_break (doc);
  sam_document_add_heading (doc, 1, "Concrete agreements");
  sam_document_add_table (doc, table);
  sam_document_add_paragraph (doc, SAM_TEXT_STYLE_MUTED, "End of the report.");

  return doc;
}

/* Each test gets its own isolated cache folder */
static const char *
test_dir (void)
{
  const char *dir = g_get_user_cache_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  return dir;
}

static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2)
{
  g_autofree char *path = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { tool, arg1, arg2, NULL };

  if (path == NULL)
    return NULL;
  argv[0] = path;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static guint
pdf_page_count (const char *pdf_path)
{
  g_autofree char *info = run_tool ("pdfinfo", pdf_path, NULL);
  const char *pages;

  if (info == NULL)
    {
      g_autofree char *data = NULL;
      guint count = 0;

      g_assert_true (g_file_get_contents (pdf_path, &data, NULL, NULL));
      for (const char *p = data; (p = strstr (p, "/Type /Page")) != NULL; p++)
        if (p[11] != 's')
          count++;
      return count;
    }

  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);

  return (guint)g_ascii_strtoull (pages + 6, NULL, 10);
}

/* Keeps the first pages as PNG, and the PDF, for a human to look at */
static void
save_copies (SamDocument *doc)
{
  const char *outdir = g_getenv ("SAM_TEST_OUTDIR");
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;

  if (outdir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (outdir, 0755), ==, 0);
  pdf = g_build_filename (outdir, "report-sample.pdf", NULL);
  g_assert_true (sam_document_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < MIN (4, sam_document_get_n_pages (doc)); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-page-%u.png", i + 1);
      g_autofree char *path = g_build_filename (outdir, name, NULL);

      g_assert_true (sam_document_render_page_png (doc, i, 1.5, path, &error));
      g_assert_no_error (error);
    }
}

static void
test_document_sample (void)
{
  guint figure_calls = 0;
  g_autoptr(SamDocument) doc = make_sample_document (&figure_calls);
  g_autofree char *pdf = g_build_filename (test_dir (), "report.pdf", NULL);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *page_one = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint n_pages;

  n_pages = sam_document_get_n_pages (doc);
  /* cover, summary, long text over several pages, a page break, 60 rows */
  g_assert_cmpuint (n_pages, >=, 7);
  g_assert_cmpuint (n_pages, <=, 14);

  g_assert_true (sam_document_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (figure_calls, ==, 1);

  g_assert_true (g_file_get_contents (pdf, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_cmpuint (pdf_page_count (pdf), ==, n_pages);

  text = run_tool ("pdftotext", pdf, "-");
  if (text != NULL)
    {
      page_one = g_strdup_printf ("Page 1 of %u", n_pages);
      g_assert_nonnull (strstr (text, page_one));
      g_assert_nonnull (strstr (text, "Summary"));
      g_assert_nonnull (strstr (text, "Concrete agreements"));
      g_assert_nonnull (strstr (text, "What the coach wrote down"));
      g_assert_nonnull (strstr (text, "<b>&</b> and 5 < 6"));
      g_assert_nonnull (strstr (text, "<b>&amp; IT"));
      g_assert_nonnull (strstr (text, "End of the long paragraph."));
      g_assert_nonnull (strstr (text, "Agreement 60:"));
      g_assert_nonnull (strstr (text, "Not kept"));
    }

  fonts = run_tool ("pdffonts", pdf, NULL);
  if (fonts != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
      guint n_fonts = 0;

      /* name, type, encoding, emb, sub, uni, object ID: "emb" is the 4th
       * column from the right */
      for (guint i = 2; lines[i] != NULL; i++)
        {
          g_auto(GStrv) cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
          g_autoptr(GPtrArray) words = g_ptr_array_new ();

          for (guint c = 0; cols[c] != NULL; c++)
            if (cols[c][0] != '\0')
              g_ptr_array_add (words, cols[c]);
          if (words->len < 7)
            continue;
          g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
          n_fonts++;
        }
      g_assert_cmpuint (n_fonts, >=, 2);
    }

  save_copies (doc);
  g_assert_cmpuint (figure_calls, >=, 2);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The document and its cached page layout do not keep each other alive: a
 * document is freed after an export, sync or async. */
static void
test_document_freed_after_export (void)
{
  guint figure_calls = 0;
  SamDocument *doc = make_sample_document (&figure_calls);
  g_autofree char *path = g_build_filename (test_dir (), "freed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (sam_document_get_n_pages (doc), >, 1);
  g_assert_true (sam_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (doc);

  doc = make_sample_document (&figure_calls);
  sam_document_write_pdf_async (doc, file, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sam_document_write_pdf_finish (doc, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* The worker thread drops its hold on the task just after the callback
   * may have run: give it a moment (at most 5 s), then the document must go. */
  g_object_add_weak_pointer (G_OBJECT (doc), (gpointer *) &doc);
  g_object_unref (doc);
  for (guint i = 0; g_atomic_pointer_get (&doc) != NULL && i < 5000; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (doc);
}

static void
test_document_async (void)
{
  guint figure_calls = 0;
  g_autoptr(SamDocument) doc = make_sample_document (&figure_calls);
  g_autofree char *path = g_build_filename (test_dir (), "async.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  /* The report replaces a file others could read, and is the user's alone. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  sam_document_write_pdf_async (doc, file, NULL, store_result, &result);
  g_assert_true (sam_document_is_frozen (doc));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (sam_document_write_pdf_finish (doc, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (pdf_page_count (path), ==, sam_document_get_n_pages (doc));
}

static void
test_document_cancel (void)
{
  guint figure_calls = 0;
  g_autoptr(SamDocument) doc = make_sample_document (&figure_calls);
  g_autofree char *path = g_build_filename (test_dir (), "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  sam_document_write_pdf_async (doc, file, cancellable, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (sam_document_write_pdf_finish (doc, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
cancel_while_drawing (cairo_t  *cr,
                      double    width,
                      double    height,
                      gpointer  user_data)
{
  g_cancellable_cancel (user_data);
}

/* Cancelled halfway: an existing file keeps its content, no stray files */
static void
test_document_cancel_keeps_file (void)
{
  g_autoptr(SamDocument) doc = sam_document_new ("Cancelled");
  g_autofree char *dir = g_build_filename (test_dir (), "keep", NULL);
  g_autofree char *path = g_build_filename (dir, "old.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *content = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  sam_document_add_figure (doc, 1.0, cancel_while_drawing, cancellable, NULL, NULL);
  sam_document_add_page_break (doc);
  sam_document_add_paragraph (doc, SAM_TEXT_STYLE_NORMAL, "second page");

  sam_document_write_pdf_async (doc, file, cancellable, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (sam_document_write_pdf_finish (doc, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "old");
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "old.pdf");
  g_assert_null (g_dir_read_name (listing));
}

static void
test_document_write_error (void)
{
  g_autoptr(SamDocument) doc = sam_document_new ("Broken");
  g_autofree char *path = g_build_filename (test_dir (), "no-such-dir", "x.pdf", NULL);
  g_autoptr(GError) error = NULL;

  sam_document_add_paragraph (doc, SAM_TEXT_STYLE_NORMAL, "text");
  g_assert_false (sam_document_write_pdf (doc, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (sam_document_render_page_png (doc, 5, 1.0, path, &error));
  g_assert_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_PAGE_RANGE);
  g_clear_error (&error);

  g_assert_false (sam_document_render_page_png (doc, 0, 1.0, path, &error));
  g_assert_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_WRITE);
}

static void
test_document_empty (void)
{
  g_autoptr(SamDocument) doc = sam_document_new ("Empty");
  g_autofree char *path = g_build_filename (test_dir (), "empty.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (sam_document_get_n_pages (doc), ==, 1);
  g_assert_true (sam_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (path), ==, 1);
}

/* A paragraph taller than a page and one huge table cell must paginate */
static void
test_document_huge_blocks (void)
{
  g_autoptr(SamDocument) doc = sam_document_new ("Huge");
  g_autofree char *huge = make_long_text (30000);
  const char *titles[] = { "Notes", "Who", NULL };
  g_autoptr(SamTable) table = sam_table_new (titles);
  const char *cells[] = { huge, "Everyone", NULL };
  const char *invalid = "broken \xff\xfe utf-8 <i>";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir (), "huge.pdf", NULL);

  sam_table_add_row (table, cells, NULL);
  sam_document_add_paragraph (doc, SAM_TEXT_STYLE_NORMAL, invalid);
  sam_document_add_table (doc, table);
  g_assert_true (sam_table_is_frozen (table));
  g_assert_cmpuint (sam_document_get_n_pages (doc), >=, 6);
  g_assert_true (sam_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  if (g_getenv ("SAM_TEST_OUTDIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("SAM_TEST_OUTDIR"),
                                               "report-huge-page-2.png", NULL);

      g_assert_cmpint (g_mkdir_with_parents (g_getenv ("SAM_TEST_OUTDIR"), 0755), ==, 0);
      g_assert_true (sam_document_render_page_png (doc, 1, 1.0, png, &error));
      g_assert_no_error (error);
    }
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint count = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    count++;

  return count;
}

/* A paragraph of @n_lines short lines, to push what follows down the page */
static char *
make_filler (guint n_lines)
{
  GString *text = g_string_new ("Filler 1");

  for (guint i = 2; i <= n_lines; i++)
    g_string_append_printf (text, "\nFiller %u", i);

  return g_string_free (text, FALSE);
}

static void
save_page_png (SamDocument *doc,
               guint        page_index,
               const char  *name)
{
  const char *outdir = g_getenv ("SAM_TEST_OUTDIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (outdir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (outdir, 0755), ==, 0);
  path = g_build_filename (outdir, name, NULL);
  g_assert_true (sam_document_render_page_png (doc, page_index, 1.0, path, &error));
  g_assert_no_error (error);
}

/* Blocks: 0 the filler, 1 the bullets, 2 a closing paragraph */
static SamDocument *
make_bullet_document (guint n_filler_lines)
{
  SamDocument *doc = sam_document_new ("Bullets over a page break");
  g_autofree char *filler = make_filler (n_filler_lines);
  g_autoptr(GString) item = g_string_new ("Bulletword01");
  const char *items[] = { NULL, "Short second item", NULL };

  for (guint i = 2; i <= 90; i++)
    g_string_append_printf (item, " Bulletword%02u", i);
  items[0] = item->str;

  sam_document_add_paragraph (doc, SAM_TEXT_STYLE_NORMAL, filler);
  sam_document_add_bullets (doc, items);
  sam_document_add_paragraph (doc, SAM_TEXT_STYLE_NORMAL, "Closing paragraph.");

  return doc;
}

/* A bullet that starts at the bottom of a page continues on the next one:
 * every line is printed once, before or after the break. */
static void
test_document_bullet_page_break (void)
{
  g_autoptr(SamDocument) doc = NULL;
  g_autofree char *pdf = g_build_filename (test_dir (), "bullets.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  guint n_lines;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  /* The most filler that still lets the long bullet start on the first page */
  for (n_lines = 1; n_lines < 80; n_lines++)
    {
      g_autoptr(SamDocument) probe = make_bullet_document (n_lines + 1);

      if (sam_document_get_block_page (probe, 1) > 0)
        break;
    }
  g_assert_cmpuint (n_lines, <, 80);

  doc = make_bullet_document (n_lines);
  g_assert_cmpint (sam_document_get_block_page (doc, 0), ==, 0);
  g_assert_cmpint (sam_document_get_block_page (doc, 1), ==, 0);
  g_assert_cmpint (sam_document_get_block_page (doc, 2), ==, 1);
  g_assert_cmpuint (sam_document_get_n_pages (doc), ==, 2);

  g_assert_true (sam_document_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (pdf), ==, 2);
  save_page_png (doc, 0, "report-bullets-page-1.png");
  save_page_png (doc, 1, "report-bullets-page-2.png");

  text = run_tool ("pdftotext", pdf, "-");
  g_assert_nonnull (text);
  for (guint i = 1; i <= 90; i++)
    {
      g_autofree char *word = g_strdup_printf ("Bulletword%02u", i);

      g_assert_cmpuint (count_occurrences (text, word), ==, 1);
    }
  g_assert_cmpuint (count_occurrences (text, "Short second item"), ==, 1);

  /* Split exactly once: its start on the first page, its end on the second */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 2);
  g_assert_nonnull (strstr (pages[0], "Bulletword01"));
  g_assert_null (strstr (pages[0], "Bulletword90"));
  g_assert_nonnull (strstr (pages[1], "Bulletword90"));
  g_assert_null (strstr (pages[1], "Bulletword01"));
}

/* A heading stays with the first two lines of its paragraph, wherever the
 * page ends. */
static void
test_document_heading_keep_with_next (void)
{
  g_autofree char *paragraph = make_long_text (600);
  gboolean moved = FALSE;

  for (guint n_lines = 30; n_lines < 60; n_lines++)
    {
      g_autoptr(SamDocument) doc = sam_document_new ("Keep with next");
      g_autofree char *filler = make_filler (n_lines);
      int heading_page;

      sam_document_add_paragraph (doc, SAM_TEXT_STYLE_NORMAL, filler);
      sam_document_add_heading (doc, 2, "Heading at the bottom");
      sam_document_add_paragraph (doc, SAM_TEXT_STYLE_NORMAL, paragraph);

      heading_page = sam_document_get_block_page (doc, 1);
      g_assert_cmpint (heading_page, >=, 0);
      g_assert_cmpint (heading_page, ==, sam_document_get_block_page (doc, 2));

      /* Keep a picture of the first place where the heading had to move */
      if (!moved && heading_page > sam_document_get_block_page (doc, 0))
        {
          moved = TRUE;
          save_page_png (doc, 0, "report-keep-page-1.png");
          save_page_png (doc, 1, "report-keep-page-2.png");
        }
    }
  g_assert_true (moved);
}

/* A chapter heading followed by a one-line note, a section heading and a
 * table (as in a report's step) moves with all of them: it never ends a page
 * with only the note under it. */
static void
test_document_heading_chain (void)
{
  const char *titles[] = { "What we agreed", "Who", NULL };
  g_autoptr(SamTable) table = sam_table_new (titles);
  const char *cells[] = { "Back office joins the Monday sales call", "Marie", NULL };
  gboolean moved = FALSE;

  sam_table_add_row (table, cells, NULL);
  sam_table_add_row (table, cells, NULL);

  for (guint n_lines = 30; n_lines < 60; n_lines++)
    {
      g_autoptr(SamDocument) doc = sam_document_new ("Keep with next");
      g_autofree char *filler = make_filler (n_lines);
      int chapter_page;

      /* Blocks: 0 filler, 1 chapter, 2 note, 3 section, 4 table */
      sam_document_add_paragraph (doc, SAM_TEXT_STYLE_NORMAL, filler);
      sam_document_add_heading (doc, 1, "8. What we agree");
      sam_document_add_paragraph (doc, SAM_TEXT_STYLE_MUTED, "Concrete agreements");
      sam_document_add_heading (doc, 2, "Our agreements");
      sam_document_add_table (doc, table);

      chapter_page = sam_document_get_block_page (doc, 1);
      g_assert_cmpint (chapter_page, ==, sam_document_get_block_page (doc, 2));
      g_assert_cmpint (chapter_page, ==, sam_document_get_block_page (doc, 3));
      g_assert_cmpint (chapter_page, ==, sam_document_get_block_page (doc, 4));

      if (!moved && chapter_page > sam_document_get_block_page (doc, 0))
        {
          moved = TRUE;
          save_page_png (doc, 0, "report-chain-page-1.png");
        }
    }
  g_assert_true (moved);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/report/document/sample", test_document_sample);
  g_test_add_func ("/sam/report/document/async", test_document_async);
  g_test_add_func ("/sam/report/document/freed-after-export", test_document_freed_after_export);
  g_test_add_func ("/sam/report/document/cancel", test_document_cancel);
  g_test_add_func ("/sam/report/document/cancel-keeps-file", test_document_cancel_keeps_file);
  g_test_add_func ("/sam/report/document/write-error", test_document_write_error);
  g_test_add_func ("/sam/report/document/empty", test_document_empty);
  g_test_add_func ("/sam/report/document/huge-blocks", test_document_huge_blocks);
  g_test_add_func ("/sam/report/document/bullet-page-break", test_document_bullet_page_break);
  g_test_add_func ("/sam/report/document/heading-keep-with-next", test_document_heading_keep_with_next);
  g_test_add_func ("/sam/report/document/heading-chain", test_document_heading_chain);

  return g_test_run ();
}
