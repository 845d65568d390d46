/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "sam-chart-text.h"
#include "sam-checklist-chart.h"
#include "sam-feedback-chart.h"
#include "sam-report.h"
#include "sam-store-agenda.h"
#include "sam-store-checklist.h"
#include "sam-store-decide.h"

/* The checklist's charts drawn to images, checked against the geometry
 * they are computed from: every team's outline passes through its values
 * on the axes, in its colour, and each segment of a spread bar is as wide
 * as its share of the answers.  The images are saved for a look
 * (SAM_TEST_OUTDIR). */

static const char *const themes[] = { "Goals and roles", "How we meet", "Feedback", "Trust between teams", "Customer focus" };

static cairo_surface_t *
image_new (int width,
           int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

/* The pixel at (@x, @y) as 0–1 channels. */
static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       double          *r,
       double          *g,
       double          *b)
{
  const guchar *data;
  guint32 value;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  value = *(const guint32 *) (data + (int) round (y) * cairo_image_surface_get_stride (surface) + (int) round (x) * 4);
  *r = ((value >> 16) & 0xff) / 255.0;
  *g = ((value >> 8) & 0xff) / 255.0;
  *b = (value & 0xff) / 255.0;
}

static void
assert_colour (cairo_surface_t *surface,
               double           x,
               double           y,
               SamColour        colour,
               double           tolerance)
{
  double r, g, b;

  pixel (surface, x, y, &r, &g, &b);
  g_assert_cmpfloat_with_epsilon (r, colour.red, tolerance);
  g_assert_cmpfloat_with_epsilon (g, colour.green, tolerance);
  g_assert_cmpfloat_with_epsilon (b, colour.blue, tolerance);
}

static void
save (cairo_surface_t *surface,
      const char      *name)
{
  const char *dir = g_getenv ("SAM_TEST_OUTDIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

/* Whether any pixel of @surface's outermost @border pixels is not white. */
static gboolean
ink_at_edges (cairo_surface_t *surface,
              int              border)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double r, g, b;

        if (x >= border && x < width - border && y >= border && y < height - border)
          continue;
        pixel (surface, x, y, &r, &g, &b);
        if (r + g + b < 2.9)
          return TRUE;
      }
  return FALSE;
}

/* How many pixels of @surface are not white. */
static guint
ink (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double r, g, b;

        pixel (surface, x, y, &r, &g, &b);
        n += r + g + b < 2.9;
      }
  return n;
}

/* The projector asks for text as large as its body text: a chart drawn
 * with a smallest text size sets larger words and makes room for them
 * (nothing runs off the image); without one it is drawn as before. */
static void
test_text_minimum (void)
{
  /* A theme of one long word ("customer focus" in Dutch) must not run off
   * the image either. */
  static const char *const dutch[] = { "Doelen en rollen", "Hoe we overleggen", "Feedback",
                                       "Vertrouwen tussen teams", "Klantgerichtheid" };
  const double sales[] = { 4.0, 2.5, 3.0, 1.5, 5.0 };
  SamRadarSeries series[] = { { "Sales", sam_palette_get_colour (0), sales, FALSE } };
  const guint counts[11] = { 1, 0, 2, 3, 1, 4, 6, 9, 12, 8, 5 };
  cairo_surface_t *plain = image_new (960, 540), *large = image_new (960, 540);
  cairo_surface_t *bars = image_new (960, 540), *large_bars = image_new (960, 540);
  cairo_t *cr;

  g_assert_cmpfloat (sam_chart_text_size (NULL, 14), ==, 14);
  cr = cairo_create (plain);
  g_assert_cmpfloat (sam_chart_text_size (cr, 14), ==, 14);
  sam_checklist_chart_draw_radar (cr, 960, 540, themes, 5, series, 1, FALSE);
  cairo_destroy (cr);

  cr = cairo_create (large);
  sam_chart_text_set_minimum (cr, 28);
  g_assert_cmpfloat (sam_chart_text_size (cr, 14), ==, 28);
  g_assert_cmpfloat (sam_chart_text_size (cr, 40), ==, 40);
  sam_checklist_chart_draw_radar (cr, 960, 540, dutch, 5, series, 1, FALSE);
  cairo_destroy (cr);
  save (large, "checklist-radar-projector.png");

  cr = cairo_create (bars);
  sam_feedback_chart_draw_distribution (cr, 960, 540, counts, 10, FALSE);
  cairo_destroy (cr);
  cr = cairo_create (large_bars);
  sam_chart_text_set_minimum (cr, 28);
  sam_feedback_chart_draw_distribution (cr, 960, 540, counts, 10, FALSE);
  cairo_destroy (cr);
  save (large_bars, "feedback-distribution-projector.png");

  /* Larger words, so more ink in them; the rings and bars make room. */
  g_assert_cmpuint (ink (large), !=, ink (plain));
  g_assert_cmpuint (ink (large_bars), !=, ink (bars));
  g_assert_false (ink_at_edges (large, 2));
  g_assert_false (ink_at_edges (large_bars, 1));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (large);
  cairo_surface_destroy (bars);
  cairo_surface_destroy (large_bars);
}

static void
test_radar (void)
{
  const double sales[] = { 4.0, 2.5, 3.0, 1.5, 5.0 };
  const double it[] = { 2.0, NAN, 4.5, 3.0, 2.0 };
  SamRadarSeries series[] = {
    { "Sales", sam_palette_get_colour (0), sales, FALSE },
    { "IT", sam_palette_get_colour (3), it, FALSE },
  };
  cairo_surface_t *surface = image_new (800, 480);
  cairo_t *cr = cairo_create (surface);
  SamRadarGeometry g;
  double x, y, r, gr, b;

  sam_checklist_chart_draw_radar (cr, 800, 480, themes, 5, series, 2, FALSE);
  cairo_destroy (cr);
  save (surface, "checklist-radar.png");

  sam_checklist_chart_radar_geometry (800, 480, 2, &g);
  /* A wide chart: the legend on the right, the rings in what is left. */
  g_assert_cmpfloat (g.legend_x, >, g.cx + g.radius);
  g_assert_cmpfloat (g.radius, >, 120);
  g_assert_cmpfloat (g.cy - g.radius, >, 0);

  /* The first axis points up. */
  sam_checklist_chart_radar_point (&g, 5, 0, 5, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, g.cx, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, g.cy - g.radius, 1e-9);

  /* Each value sits in a dot of its team's colour (IT has none on the
   * second axis). */
  for (guint a = 0; a < 5; a++)
    {
      sam_checklist_chart_radar_point (&g, 5, a, sales[a], &x, &y);
      if (a != 2 && a != 4)  /* Sales and IT share no point elsewhere */
        assert_colour (surface, x, y, series[0].colour, 0.03);
      if (!isnan (it[a]) && a != 2 && a != 4)
        {
          sam_checklist_chart_radar_point (&g, 5, a, it[a], &x, &y);
          assert_colour (surface, x, y, series[1].colour, 0.03);
        }
    }
  /* IT drawn after Sales lies on top where both are. */
  sam_checklist_chart_radar_point (&g, 5, 2, it[2], &x, &y);
  assert_colour (surface, x, y, series[1].colour, 0.03);

  /* Outside the outer ring, away from labels, nothing is drawn. */
  pixel (surface, g.cx - g.radius * 0.7, g.cy - g.radius * 1.0, &r, &gr, &b);
  g_assert_cmpfloat (r + gr + b, >, 2.9);

  cairo_surface_destroy (surface);
}

/* The before/after radar of a follow-up: the earlier outline dashed. */
static void
test_radar_dark_and_pdf (void)
{
  const double before[] = { 2.0, 2.0, 2.0, 2.0, 2.0 };
  const double after[] = { 3.0, 3.5, 2.5, 4.0, 3.0 };
  SamRadarSeries series[] = {
    { "Earlier workshop", { 0.45, 0.45, 0.5 }, before, TRUE },
    { "This workshop", { 0.0, 0.45, 0.70 }, after, FALSE },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 600);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "checklist-radar-test.pdf", NULL);
  SamRadarGeometry g;
  double x, y;

  cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  cairo_paint (cr);
  sam_checklist_chart_draw_radar (cr, 400, 600, themes, 5, series, 2, TRUE);
  cairo_destroy (cr);
  save (surface, "checklist-radar-dark.png");

  /* A tall chart has its legend below the rings. */
  sam_checklist_chart_radar_geometry (400, 600, 2, &g);
  g_assert_cmpfloat (g.legend_y, >, g.cy + g.radius);
  sam_checklist_chart_radar_point (&g, 5, 3, after[3], &x, &y);
  assert_colour (surface, x, y, series[1].colour, 0.03);
  cairo_surface_destroy (surface);

  /* The same drawing as vectors, as in the report. */
  surface = cairo_pdf_surface_create (path, 400, 300);
  cr = cairo_create (surface);
  sam_checklist_chart_draw_radar (cr, 400, 300, themes, 5, series, 2, FALSE);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_unlink (path);
}

static void
test_spread (void)
{
  /* [0] don't know, [1]–[5] */
  const guint counts[6] = { 1, 2, 0, 3, 0, 1 };
  const guint none[6] = { 0 };
  cairo_surface_t *surface = image_new (350, 30);
  cairo_t *cr = cairo_create (surface);
  double x0, x1;

  sam_checklist_chart_draw_spread (cr, 350, 30, counts, FALSE);
  cairo_destroy (cr);
  save (surface, "checklist-spread.png");

  /* 1, 2, 3, 4, 5, then "don't know"; 7 answers, 50 px each. */
  g_assert_true (sam_checklist_chart_spread_segment (350, counts, 1, &x0, &x1));
  g_assert_cmpfloat_with_epsilon (x0, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (x1, 100, 1e-9);
  g_assert_true (sam_checklist_chart_spread_segment (350, counts, 2, &x0, &x1));
  g_assert_cmpfloat_with_epsilon (x1 - x0, 0, 1e-9);
  g_assert_true (sam_checklist_chart_spread_segment (350, counts, 3, &x0, &x1));
  g_assert_cmpfloat_with_epsilon (x0, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (x1, 250, 1e-9);
  g_assert_true (sam_checklist_chart_spread_segment (350, counts, 5, &x0, &x1));
  g_assert_cmpfloat_with_epsilon (x0, 250, 1e-9);
  g_assert_cmpfloat_with_epsilon (x1, 300, 1e-9);
  g_assert_true (sam_checklist_chart_spread_segment (350, counts, 0, &x0, &x1));
  g_assert_cmpfloat_with_epsilon (x0, 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (x1, 350, 1e-9);
  g_assert_false (sam_checklist_chart_spread_segment (350, none, 1, &x0, &x1));

  /* Each segment in its colour (sampled near the top, clear of the digit). */
  assert_colour (surface, 5, 2, sam_checklist_chart_score_colour (1), 0.01);
  assert_colour (surface, 175, 2, sam_checklist_chart_score_colour (3), 0.01);
  assert_colour (surface, 275, 2, sam_checklist_chart_score_colour (5), 0.01);
  assert_colour (surface, 345, 2, sam_checklist_chart_score_colour (0), 0.01);

  cairo_surface_destroy (surface);
}

static void
answer_all (SamStore *store,
            SamStep  *step,
            SamTeam  *team,
            guint     person,
            int       base)
{
  GListModel *items = sam_store_get_checklist_items (store, step);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SamChecklistItem) item = g_list_model_get_item (items, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (sam_store_set_checklist_score (store, item, team, person, (base + i) % 6, &error));
    }
}

/* The report of a follow-up: the radar of the teams, the spread of every
 * statement, then against now and what moved most, as PDF text. */
static void
test_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open_in_memory (&error);
  g_autoptr(SamDocument) document = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "checklist-report-test.pdf", NULL);
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", path, "-", NULL };
  SamWorkshop *workshop = sam_store_create_workshop (store, "Checklists", &error);
  SamTeam *sales = sam_store_add_team (store, workshop, "Sales", &error);
  SamTeam *it = sam_store_add_team (store, workshop, "IT", &error);
  SamStep *step = sam_store_add_step (store, workshop, -1, "checklist", "How we work", 20, "", "", &error);
  SamWorkshop *later;
  SamStep *again;
  int status = 0;

  g_assert_true (sam_store_fill_checklist (store, step, "team", &error));
  answer_all (store, step, sales, 0, 1);
  answer_all (store, step, it, 1, 2);
  answer_all (store, step, it, 2, 4);

  later = sam_decide_create_follow_up (store, workshop, &error);
  again = sam_store_add_step (store, later, -1, "checklist", "How we work now", 20, "", "", &error);
  g_assert_true (sam_store_copy_checklist (store, again, sam_step_get_id (step), &error));
  {
    g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (store, later), 0);
    answer_all (store, again, team, 0, 3);
  }

  document = sam_report_build (store, later, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sam_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  if (g_getenv ("SAM_TEST_OUTDIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("SAM_TEST_OUTDIR"), "checklist-report.png", NULL);
      guint last = sam_document_get_n_pages (document) - 1;

      g_assert_true (sam_document_render_page_png (document, last, 1.0, png, &error));
    }

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "How we work now"));
  g_assert_nonnull (strstr (text, "15 answers"));
  g_assert_nonnull (strstr (text, "one outline per team"));
  g_assert_nonnull (strstr (text, "Compared with the Earlier Workshop"));
  g_assert_nonnull (strstr (text, "The statements that moved most"));
  /* The radar's legend and themes are text in the PDF too. */
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Customer"));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sam/checklist/chart/radar", test_radar);
  g_test_add_func ("/sam/checklist/chart/radar-dark-and-pdf", test_radar_dark_and_pdf);
  g_test_add_func ("/sam/checklist/chart/spread", test_spread);
  g_test_add_func ("/sam/checklist/chart/text-minimum", test_text_minimum);
  g_test_add_func ("/sam/checklist/report", test_report);

  return g_test_run ();
}
