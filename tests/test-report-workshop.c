/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-map-loader.h"
#include "sam-report.h"
#include "sam-sample-workshop.h"
#include "sam-store-decide.h"

/* The report of a full workshop, checked as text with pdftotext, and its
 * first pages as images for a person to look at. */

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (g_str_equal (tool, "pdffonts"))
    argv[2] = NULL;
  /* pdftotext -layout keeps the cells of a table row on one line. */
  if (g_str_equal (tool, "pdftotext-layout"))
    {
      argv[0] = "pdftotext";
      argv[1] = "-layout";
      argv[2] = path;
      argv[3] = "-";
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_report_write_pdf_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* The second agreement came from the brainstorm's first idea. */
static void
link_agreement_to_idea (SamStore    *store,
                        SamWorkshop *workshop)
{
  g_autoptr(GListModel) agreements = sam_store_list_workshop_agreements (store, workshop);
  g_autoptr(GListModel) ideas = sam_store_list_workshop_ideas (store, workshop);
  g_autoptr(SamAgreement) form = g_list_model_get_item (agreements, 1);
  g_autoptr(SamCard) idea = g_list_model_get_item (ideas, 0);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (sam_card_get_text (idea), ==, "One form for every move, online");
  g_assert_true (sam_store_set_agreement_idea (store, form, sam_card_get_id (idea), &error));
  g_assert_no_error (error);
}

/* The line of @layout that starts the table row @start also shows @cell. */
static void
assert_row_has (const char *layout,
                const char *start,
                const char *cell)
{
  g_auto(GStrv) lines = g_strsplit (layout, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], start) != NULL)
      {
        const char *rest = strstr (lines[i], start) + strlen (start);

        if (strstr (rest, cell) == NULL)
          g_error ("The row “%s” lacks “%s”: %s", start, cell, lines[i]);
        return;
      }

  g_error ("No row starts with “%s”:\n%s", start, layout);
}

static void
test_full_report (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "samenspel", "report.db", NULL);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);
  g_autoptr(SamDocument) document = NULL;
  g_autoptr(SamMapLoader) loader = NULL;
  g_autoptr(SamMapSnapshotRecord) start = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *layout = NULL;
  const char *outdir = g_getenv ("SAM_TEST_OUTDIR");
  SamWorkshop *workshop;
  gboolean done = FALSE;
  const char *expected[] = {
    "Colleagues and Customers", "Acme Insurance", "An Peeters", "1 December 2026",
    "Sales", "Back Office", "IT", "Compliance",
    "The Day at a Glance",
    "1. What changes around us", "Customers compare us online", "We must answer the same",
    "2. In the other team", "Recognised", "Not right", "Their goals",
    "3. A house move, step by step", "No value",
    "4. Strengths and challenges", "Back Office joins the Monday",
    "5. Us and them", "Sales sells things that do", "The customer",
    "6. Our relationship map", "At the start", "compared with the start",
    "7. Ideas for the house move", "One form for every move",
    "8. What we agree", "Our Agreements", "Attendance list of the", "In progress",
    "Instructions for the room", "From the idea: One form for",
    "What We Want to Achieve or Avoid", "No customer has to send",
    "9. Bring the absent colleagues along", "The two auditors",
    "Confidential",
  };

  g_assert_no_error (error);
  workshop = sam_sample_workshop_new (store, "Colleagues and Customers");

  /* The map at the start of the day, then a relation that got better. */
  loader = sam_map_loader_new (store, workshop);
  start = sam_map_loader_freeze (loader, "Start of the day", &error);
  g_assert_no_error (error);
  relations = sam_store_list_map_relations (store, workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, >, 0);
  {
    SamMapRelationRecord *first = g_ptr_array_index (relations, 0);

    g_assert_true (sam_store_set_map_relation (store, workshop, first->uuid, 4, 1,
                                               "Better since the joint call", &error));
    g_assert_no_error (error);
  }

  link_agreement_to_idea (store, workshop);
  sam_report_write_pdf_async (store, workshop, NULL, file, NULL, write_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  /* Compared in lower case: the cover sets some lines in capitals. */
  text = run_tool ("pdftotext", pdf);
  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *want = g_utf8_strdown (expected[i], -1);

      if (strstr (lower, want) == NULL)
        g_error ("The report lacks “%s”:\n%s", expected[i], text);
    }
  /* The instructions are what the room was asked to do, not what it did. */
  g_assert_null (strstr (lower, "what the room did"));
  /* Each agreement's row names the teams that agreed. */
  layout = run_tool ("pdftotext-layout", pdf);
  g_assert_nonnull (strstr (layout, "Our Agreements"));
  assert_row_has (strstr (layout, "Our Agreements"), "Back Office joins the", "Sales");
  assert_row_has (strstr (layout, "Our Agreements"), "One online form", "Back Office");

  /* The coach's private notes stay out of the report; pages are numbered. */
  g_assert_null (strstr (lower, "coach only"));
  g_assert_nonnull (strstr (text, "Page 2 of "));

  fonts = run_tool ("pdffonts", pdf);
  g_assert_null (strstr (fonts, " no  "));

  document = sam_report_build (store, workshop, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_document_get_n_pages (document), >=, 4);
  if (outdir != NULL)
    {
      g_mkdir_with_parents (outdir, 0755);
      for (guint i = 0; i < sam_document_get_n_pages (document); i++)
        {
          g_autofree char *name = g_strdup_printf ("report-page-%u.png", i + 1);
          g_autofree char *png = g_build_filename (outdir, name, NULL);

          g_assert_true (sam_document_render_page_png (document, i, 1.5, png, &error));
          g_assert_no_error (error);
        }
    }
}

static void
test_agreements_csv (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "samenspel", "csv.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "CSV");
  g_autoptr(GBytes) csv = sam_report_dup_agreements_csv (store, workshop, NULL, &error);
  g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  g_assert_no_error (error);
  g_assert_cmpstr (lines[0], ==, "\xef\xbb\xbfWhat,Teams,Who,By when,How we verify,Status,Review date");
  g_assert_cmpstr (lines[1], ==, "Back Office joins the Monday sales call,\"Sales, Back Office\",Marie,2027-01-15,"
                                 "\"Attendance list of the call, checked at the February review\",Agreed,");
  g_assert_true (g_str_has_prefix (lines[2], "One online form replaces the paper move form,"));
  g_assert_cmpstr (lines[3], ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/report/full-workshop", test_full_report);
  g_test_add_func ("/sam/report/agreements-csv", test_agreements_csv);

  return g_test_run ();
}
