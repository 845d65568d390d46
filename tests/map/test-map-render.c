/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "map-sample.h"
#include "sam-map-export.h"
#include "sam-map-renderer-private.h"

static char *
output_dir (void)
{
  const char *dir = g_getenv ("SAM_TEST_OUTDIR");

  if (dir == NULL || *dir == '\0')
    return NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  return g_strdup (dir);
}

static char *
scratch_path (const char *name)
{
  static char *dir = NULL;

  if (dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("sam-map-XXXXXX", &error);
      g_assert_no_error (error);
    }

  return g_build_filename (dir, name, NULL);
}

/* A triangle with known screen positions (identity transform). */
static SamMapModel *
triangle (void)
{
  SamMapModel *model = sam_map_model_new ();

  g_assert_true (sam_map_model_add_node (model, "a", "Alpha", SAM_MAP_NODE_TEAM, 0, 4, NULL));
  g_assert_true (sam_map_model_add_node (model, "b", "Beta", SAM_MAP_NODE_TEAM, 1, 4, NULL));
  g_assert_true (sam_map_model_add_node (model, "c", "Gamma", SAM_MAP_NODE_TEAM, 2, 4, NULL));
  sam_map_model_set_node_position (model, "a", 100, 100);
  sam_map_model_set_node_position (model, "b", 700, 100);
  sam_map_model_set_node_position (model, "c", 400, 560);
  g_assert_true (sam_map_model_add_relation (model, "ab", "a", "b", 4, SAM_MAP_TENSION_SOME, NULL));
  g_assert_true (sam_map_model_add_belief (model, "belief-1", "a", "b", "They are slow", 3, NULL));
  g_assert_true (sam_map_model_add_belief (model, "belief-2", "a", "b", "They never ask", 2, NULL));
  g_assert_true (sam_map_model_add_link (model, "ca", "c", "a", "Patience", "Speed", NULL));

  return model;
}

static void
test_hit_nodes (void)
{
  g_autoptr(SamMapModel) model = triangle ();
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  SamMapTransform t = { 1.0, 0, 0 };
  double r = sam_map_node_radius (sam_map_model_get_node (model, "b"));
  SamMapHit hit;

  g_assert_true (sam_map_renderer_hit_test (renderer, &t, 100, 100, &hit));
  g_assert_cmpint (hit.kind, ==, SAM_MAP_KIND_NODE);
  g_assert_cmpstr (hit.id, ==, "a");

  /* near the rim, within tolerance */
  g_assert_true (sam_map_renderer_hit_test (renderer, &t, 700 - r - 2, 100 - 10, &hit));
  g_assert_cmpstr (hit.id, ==, "b");

  /* the label below the disc belongs to the node */
  g_assert_true (sam_map_renderer_hit_test (renderer, &t, 700, 100 + r + 12, &hit));
  g_assert_cmpint (hit.kind, ==, SAM_MAP_KIND_NODE);
  g_assert_cmpstr (hit.id, ==, "b");

  g_assert_false (sam_map_renderer_hit_test (renderer, &t, 1500, 900, &hit));
  g_assert_cmpint (hit.kind, ==, SAM_MAP_KIND_NONE);

  /* with a zoom and an offset */
  t = (SamMapTransform) { 0.5, 40, 30 };
  g_assert_true (sam_map_renderer_hit_test (renderer, &t, 400 * 0.5 + 40, 560 * 0.5 + 30, &hit));
  g_assert_cmpstr (hit.id, ==, "c");
}

static void
test_hit_edges (void)
{
  g_autoptr(SamMapModel) model = triangle ();
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  SamMapTransform t = { 1.0, 0, 0 };
  double cx, cy, x, y;
  SamMapHit hit;

  g_assert_true (sam_map_renderer_hit_test (renderer, &t, 400, 100, &hit));
  g_assert_cmpint (hit.kind, ==, SAM_MAP_KIND_RELATION);
  g_assert_cmpstr (hit.id, ==, "ab");

  g_assert_true (sam_map_renderer_hit_test (renderer, &t, 450, 106, &hit));
  g_assert_cmpstr (hit.id, ==, "ab");

  g_assert_false (sam_map_renderer_hit_test (renderer, &t, 450, 140, &hit));

  /* the middle of the link's curve from c to a */
  _sam_map_link_curve (400, 560, 100, 100, &cx, &cy);
  x = 0.25 * 400 + 0.5 * cx + 0.25 * 100;
  y = 0.25 * 560 + 0.5 * cy + 0.25 * 100;
  g_assert_true (sam_map_renderer_hit_test (renderer, &t, x, y, &hit));
  g_assert_cmpint (hit.kind, ==, SAM_MAP_KIND_LINK);
  g_assert_cmpstr (hit.id, ==, "ca");

  /* the straight line between c and a is not the link */
  g_assert_false (sam_map_renderer_hit_test (renderer, &t, 250, 330, &hit));

  /* after a change the index follows the model */
  sam_map_model_remove_relation (model, "ab");
  g_assert_false (sam_map_renderer_hit_test (renderer, &t, 400, 100, &hit));
}

static void
test_hit_badges (void)
{
  g_autoptr(SamMapModel) model = triangle ();
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  SamMapTransform t = { 1.0, 0, 0 };
  double r = sam_map_node_radius (sam_map_model_get_node (model, "a"));
  SamMapHit hit;

  /* the badge of a's beliefs about b sits on the relation near a */
  g_assert_true (sam_map_renderer_hit_test (renderer, &t, 100 + r + 19, 100, &hit));
  g_assert_cmpint (hit.kind, ==, SAM_MAP_KIND_BELIEF);
  g_assert_cmpstr (hit.id, ==, "belief-1");
  g_assert_cmpstr (hit.holder, ==, "a");
  g_assert_cmpstr (hit.about, ==, "b");

  /* nothing near b: b holds no beliefs */
  g_assert_true (sam_map_renderer_hit_test (renderer, &t, 700 - r - 19, 100, &hit));
  g_assert_cmpint (hit.kind, ==, SAM_MAP_KIND_RELATION);
}

static void
test_hit_speed (void)
{
  g_autoptr(SamMapModel) model = map_sample_big (100, 1000);
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  SamMapRect viewport = { 0, 0, 1920, 1080 };
  SamMapTransform t;
  guint hits = 0, n = 20000;
  SamMapHit hit;

  sam_map_renderer_fit (renderer, &viewport, &t);
  sam_map_renderer_hit_test (renderer, &t, 0, 0, &hit);

  /* Timing is tests/map/bench-map.c's business; here, that a big map's
   * spatial index answers at all. */
  for (guint i = 0; i < n; i++)
    hits += sam_map_renderer_hit_test (renderer, &t, g_rand_double_range (rand, 0, 1920),
                                       g_rand_double_range (rand, 0, 1080), &hit);

  g_test_message ("hit test: %u of %u random points hit", hits, n);
  g_assert_cmpuint (hits, >, n / 20);
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
assert_png (const char *path,
            guint       width,
            guint       height)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 33);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 ((guchar *) data + 16), ==, width);
  g_assert_cmpuint (read_be32 ((guchar *) data + 20), ==, height);
}

static void
count_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  guint *counts = user_data;

  if (counts[0] == 0)
    g_assert_cmpstr (element_name, ==, "svg");
  counts[0]++;
  if (g_str_equal (element_name, "path"))
    counts[1]++;
}

static void
assert_svg (const char *path)
{
  static const GMarkupParser parser = { count_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  guint counts[2] = { 0, 0 };
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  context = g_markup_parse_context_new (&parser, 0, counts, NULL);
  g_markup_parse_context_parse (context, data, len, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts[0], >, 10);
  g_assert_cmpuint (counts[1], >, 5);
}

/* Cairo >= 1.17 writes the page objects into compressed object streams, so
 * the bytes no longer show "/Type /Page": poppler counts the pages. */
static void
assert_pdf (const char *path,
            guint       pages)
{
  g_autofree char *data = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { NULL, path, NULL };
  g_autofree char *out = NULL;
  const char *line;
  int status = 0;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpmem (data, 5, "%PDF-", 5);

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed: pages not counted");
      return;
    }

  argv[0] = pdfinfo;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  g_assert_cmpint (atoi (line + 6), ==, pages);
}

static void
export_to (SamMapModel  *model,
           SamMapModel  *start,
           const char   *path,
           SamMapFormat  format,
           SamMapPaper    page,
           gboolean      dark)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SamMapExportOptions options;
  GStatBuf buf;

  /* An export replacing a file others could read is the user's alone. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  sam_map_export_options_init (&options, format, page);
  options.dark = dark;
  options.title = start ? "Team map — start and end of the day" : "How our teams work together";
  if (start)
    g_assert_true (sam_map_export_compare (start, model, file, &options, NULL, &error));
  else
    g_assert_true (sam_map_export (model, file, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, 0600);
}

static void
test_export_formats (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autofree char *png = scratch_path ("map.png");
  g_autofree char *png_a4 = scratch_path ("map-a4.png");
  g_autofree char *svg = scratch_path ("map.svg");
  g_autofree char *pdf = scratch_path ("map.pdf");
  double w, h;

  export_to (model, NULL, png, SAM_MAP_FORMAT_PNG, SAM_MAP_PAPER_PROJECTOR, FALSE);
  assert_png (png, 1920, 1080);

  export_to (model, NULL, png_a4, SAM_MAP_FORMAT_PNG, SAM_MAP_PAPER_A4_LANDSCAPE, FALSE);
  sam_map_paper_get_size (SAM_MAP_PAPER_A4_LANDSCAPE, SAM_MAP_FORMAT_PNG, &w, &h);
  assert_png (png_a4, (guint) w, (guint) h);

  export_to (model, NULL, svg, SAM_MAP_FORMAT_SVG, SAM_MAP_PAPER_PROJECTOR, FALSE);
  assert_svg (svg);

  export_to (model, NULL, pdf, SAM_MAP_FORMAT_PDF, SAM_MAP_PAPER_A4_LANDSCAPE, FALSE);
  assert_pdf (pdf, 1);
}

static void
test_export_compare (void)
{
  g_autoptr(SamMapModel) start = map_sample_twelve ();
  g_autoptr(SamMapModel) end = sam_map_model_copy (start);
  g_autofree char *png = scratch_path ("compare.png");
  g_autofree char *pdf = scratch_path ("compare.pdf");
  g_autofree char *svg = scratch_path ("compare.svg");

  map_sample_day_later (end);

  export_to (end, start, png, SAM_MAP_FORMAT_PNG, SAM_MAP_PAPER_PROJECTOR, FALSE);
  assert_png (png, 1920, 1080);
  export_to (end, start, pdf, SAM_MAP_FORMAT_PDF, SAM_MAP_PAPER_A4_LANDSCAPE, FALSE);
  assert_pdf (pdf, 1);
  export_to (end, start, svg, SAM_MAP_FORMAT_SVG, SAM_MAP_PAPER_A4_LANDSCAPE, FALSE);
  assert_svg (svg);
}

static void
test_export_error (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autofree char *path = scratch_path ("no/such/folder/map.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SamMapExportOptions options;

  sam_map_export_options_init (&options, SAM_MAP_FORMAT_PDF, SAM_MAP_PAPER_A4_LANDSCAPE);
  g_assert_false (sam_map_export (model, file, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} AsyncState;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  sam_map_export_finish (result, &state->error);
  state->done = TRUE;
}

static void
test_export_async (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autofree char *path = scratch_path ("async.svg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SamMapExportOptions options;
  AsyncState state = { FALSE, NULL };

  sam_map_export_options_init (&options, SAM_MAP_FORMAT_SVG, SAM_MAP_PAPER_PROJECTOR);
  options.title = "Async";
  sam_map_export_async (model, file, &options, NULL, on_exported, &state);
  /* the model may change while the thread draws its copy */
  sam_map_model_remove_node (model, "sales");

  while (!state.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (state.error);
  assert_svg (path);
}

static void
test_sample_pictures (void)
{
  g_autoptr(SamMapModel) start = map_sample_twelve ();
  g_autoptr(SamMapModel) end = sam_map_model_copy (start);
  g_autofree char *dir = output_dir ();
  g_autofree char *map_png = NULL;
  g_autofree char *compare_png = NULL;
  g_autofree char *dark_png = NULL;
  g_autofree char *a4_pdf = NULL;
  g_autofree char *compare_pdf = NULL;

  if (dir == NULL)
    {
      g_test_skip ("SAM_TEST_OUTDIR is not set");
      return;
    }

  map_sample_day_later (end);
  map_png = g_build_filename (dir, "map-export-1920.png", NULL);
  compare_png = g_build_filename (dir, "map-compare.png", NULL);
  dark_png = g_build_filename (dir, "map-export-dark.png", NULL);
  a4_pdf = g_build_filename (dir, "map-export-a4.pdf", NULL);
  compare_pdf = g_build_filename (dir, "map-compare-a4.pdf", NULL);

  export_to (start, NULL, map_png, SAM_MAP_FORMAT_PNG, SAM_MAP_PAPER_PROJECTOR, FALSE);
  assert_png (map_png, 1920, 1080);
  export_to (end, start, compare_png, SAM_MAP_FORMAT_PNG, SAM_MAP_PAPER_PROJECTOR, FALSE);
  assert_png (compare_png, 1920, 1080);
  export_to (start, NULL, dark_png, SAM_MAP_FORMAT_PNG, SAM_MAP_PAPER_PROJECTOR, TRUE);
  export_to (start, NULL, a4_pdf, SAM_MAP_FORMAT_PDF, SAM_MAP_PAPER_A4_LANDSCAPE, FALSE);
  export_to (end, start, compare_pdf, SAM_MAP_FORMAT_PDF, SAM_MAP_PAPER_A4_LANDSCAPE, FALSE);
}

static void
test_fit_labels_readable (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  SamMapRect viewport = { 0, 0, 1024, 768 };
  SamMapTransform t;
  SamMapRect b;

  sam_map_renderer_fit (renderer, &viewport, &t);
  _sam_map_renderer_ensure_geometry (renderer, &t);
  g_assert_true (sam_map_renderer_get_bounds (renderer, &b));

  /* every disc is on screen, and labels are at least 14 px high */
  g_assert_cmpfloat (b.x * t.scale + t.x_offset, >=, 0);
  g_assert_cmpfloat (b.y * t.scale + t.y_offset, >=, 0);
  g_assert_cmpfloat ((b.x + b.width) * t.scale + t.x_offset, <=, 1024);
  g_assert_cmpfloat ((b.y + b.height) * t.scale + t.y_offset, <=, 768);
  for (guint i = 0; i < renderer->nodes->len; i++)
    {
      NodeCache *nc = &g_array_index (renderer->nodes, NodeCache, i);
      g_assert_cmpfloat (nc->lh, >=, 14.0);
    }
}

/* Belief badges never cover a team's name (a label once read "ck Office"). */
static void
test_badges_clear_labels (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  const SamMapRect viewports[] = {
    { 0, 0, 1920, 1080 }, { 0, 0, 1280, 800 }, { 0, 0, 1024, 768 },
  };

  map_sample_day_later (model);
  for (guint v = 0; v < G_N_ELEMENTS (viewports); v++)
    {
      SamMapTransform t;

      sam_map_renderer_fit (renderer, &viewports[v], &t);
      _sam_map_renderer_ensure_geometry (renderer, &t);
      g_assert_cmpuint (renderer->badges->len, >, 5);
      for (guint i = 0; i < renderer->nodes->len; i++)
        {
          const NodeCache *nc = &g_array_index (renderer->nodes, NodeCache, i);

          for (guint j = 0; j < renderer->badges->len; j++)
            {
              const BadgeCache *bc = &g_array_index (renderer->badges, BadgeCache, j);
              double x = CLAMP (bc->sx, nc->lx - 5, nc->lx + nc->lw + 5);
              double y = CLAMP (bc->sy, nc->ly - 1, nc->ly + nc->lh + 1);

              if (hypot (bc->sx - x, bc->sy - y) < 13.0)
                g_error ("%gx%g: a badge covers the label of %s",
                         viewports[v].width, viewports[v].height, nc->node->name);
            }
        }
    }
}

static void
test_describe (void)
{
  g_autoptr(SamMapModel) model = triangle ();
  g_autofree char *relation = sam_map_describe (model, SAM_MAP_KIND_RELATION, "ab");
  g_autofree char *node = sam_map_describe (model, SAM_MAP_KIND_NODE, "a");

  g_assert_cmpstr (relation, ==, "Relation Alpha – Beta: works well, some tension, 2 beliefs");
  g_assert_cmpstr (node, ==, "Team Alpha, 4 people, 1 relation");
  g_assert_null (sam_map_describe (model, SAM_MAP_KIND_NODE, "nope"));
}

/* The map drawn on a recording surface, which is no image: discs,
 * labels and badges are shapes there, not sprites. */
static cairo_surface_t *
render_shapes (SamMapRenderer        *renderer,
               const SamMapTransform *t,
               int                    width,
               int                    height,
               double                 scale)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (width * scale),
                                                       ceil (height * scale));
  cairo_t *cr = cairo_create (recording);

  sam_map_renderer_draw (renderer, cr, t, width, height);
  cairo_destroy (cr);

  cr = cairo_create (image);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (image);

  return image;
}

/* The map drawn on an image at @scale pixels per unit: with sprites. */
static cairo_surface_t *
render_image (SamMapRenderer        *renderer,
              const SamMapTransform *t,
              int                    width,
              int                    height,
              double                 scale)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (width * scale),
                                                       ceil (height * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  sam_map_renderer_draw (renderer, cr, t, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  return image;
}

/* Mean difference per channel (0..255), and the share of pixels where
 * some channel differs by more than 96. */
static void
compare_images (cairo_surface_t *a,
                cairo_surface_t *b,
                double          *mean,
                double          *far)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint64 sum = 0, n_far = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *qa = pa + (gsize) y * stride + 4 * x, *qb = pb + (gsize) y * stride + 4 * x;
        int most = 0;

        for (int c = 0; c < 3; c++)
          {
            int d = ABS ((int) qa[c] - (int) qb[c]);

            sum += d;
            most = MAX (most, d);
          }
        n_far += most > 96;
      }

  *mean = (double) sum / (3.0 * w * h);
  *far = (double) n_far / ((double) w * h);
}

/* The colour of the pixel at (@x, @y) units of an image drawn at @scale,
 * as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *image,
          double           x,
          double           y,
          double           scale)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint32 *row = (const guint32 *) (data + (gsize) (int) (y * scale) * stride);

  return row[(int) (x * scale)] & 0xffffff;
}

/* A point of @node's disc on the screen, beside its number of people. */
static void
disc_point (const SamMapNode      *node,
            const SamMapTransform *t,
            double                *x,
            double                *y)
{
  *x = node->x * t->scale + t->x_offset + 0.65 * sam_map_node_radius (node) * t->scale;
  *y = node->y * t->scale + t->y_offset;
}

/* The largest difference of a channel between two 0xRRGGBB colours. */
static int
colour_distance (guint32 a,
                 guint32 b)
{
  int most = 0;

  for (int shift = 0; shift < 24; shift += 8)
    most = MAX (most, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));

  return most;
}

static guint32
palette_pixel (guint index)
{
  double r, g, b;

  sam_map_palette_get (index, &r, &g, &b);

  return ((guint32) lround (r * 255) << 16) | ((guint32) lround (g * 255) << 8) | (guint32) lround (b * 255);
}

/* On an image, discs, labels, badges, link dots and the legend are
 * painted from sprites: the picture must be the one the shapes give, in
 * light and dark, at a HiDPI and a fractional scale too. */
static void
test_sprites_match_shapes (void)
{
  g_autoptr(SamMapModel) model = map_sample_full_room ();
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  SamMapRect viewport = { 0, 0, 960, 540 };
  const double scales[] = { 1, 1.25, 2 };
  SamMapTransform t;

  sam_map_renderer_fit (renderer, &viewport, &t);
  for (guint dark = 0; dark < 2; dark++)
    for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
      {
        cairo_surface_t *sprites, *shapes;
        double mean, far;

        sam_map_renderer_set_dark (renderer, dark);
        sprites = render_image (renderer, &t, 960, 540, scales[i]);
        shapes = render_shapes (renderer, &t, 960, 540, scales[i]);
        compare_images (sprites, shapes, &mean, &far);
        g_test_message ("densest room, %s, scale %.2f: mean difference %.2f, %.2f%% of pixels far off",
                        dark ? "dark" : "light", scales[i], mean, far * 100);
        /* Sprites sit on whole pixels, so their edges and text differ by
         * up to half a pixel: close, not equal.  A layer left out or
         * misplaced costs several times this. */
        g_assert_cmpfloat (mean, <, 4.0);
        g_assert_cmpfloat (far, <, 0.02);
        cairo_surface_destroy (sprites);
        cairo_surface_destroy (shapes);
      }
}

/* While a node is dragged the cached layer leaves it out and stays: the
 * node is drawn over it where it is now, not where it was. */
static void
test_drag_layer (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  const SamMapNode *node = sam_map_model_get_node (model, "hr");
  SamMapRect viewport = { 0, 0, 960, 540 };
  SamMapTransform t;
  cairo_surface_t *image, *base;
  double x0, y0, x1, y1;
  guint32 colour = palette_pixel (node->color), bg;

  sam_map_renderer_set_show_legend (renderer, FALSE);
  sam_map_renderer_fit (renderer, &viewport, &t);
  sam_map_renderer_set_cache_scale (renderer, 1);
  disc_point (node, &t, &x0, &y0);

  image = render_image (renderer, &t, 960, 540, 1);
  g_assert_cmphex (pixel_at (image, x0, y0, 1), ==, colour);
  bg = pixel_at (image, 2, 2, 1);
  cairo_surface_destroy (image);

  sam_map_renderer_set_drag_node (renderer, "hr");
  image = render_image (renderer, &t, 960, 540, 1);
  base = renderer->base;
  g_assert_cmpstr (renderer->base_drag_id, ==, "hr");
  cairo_surface_destroy (image);

  /* two frames of a drag: the layer stays, the disc follows */
  for (guint i = 1; i <= 2; i++)
    {
      sam_map_model_set_node_position (model, "hr", node->x + 40, node->y + 30);
      disc_point (node, &t, &x1, &y1);
      image = render_image (renderer, &t, 960, 540, 1);
      g_assert_true (renderer->base == base);
      g_assert_cmphex (pixel_at (image, x1, y1, 1), ==, colour);
      g_assert_cmphex (pixel_at (renderer->base, x1, y1, 1), !=, colour);
      cairo_surface_destroy (image);
    }
  g_assert_cmphex (pixel_at (renderer->base, x0, y0, 1), ==, bg);

  /* the drag ends: the layer is drawn again, with the node */
  sam_map_renderer_set_drag_node (renderer, NULL);
  image = render_image (renderer, &t, 960, 540, 1);
  g_assert_null (renderer->base_drag_id);
  g_assert_cmphex (pixel_at (renderer->base, x1, y1, 1), ==, colour);
  cairo_surface_destroy (image);
}

/* A lazy renderer shows its cached layer moved and scaled while the view
 * pans and zooms a little, and draws it again for a bigger zoom or when
 * it is no longer lazy. */
static void
test_lazy_base (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  const SamMapNode *node = sam_map_model_get_node (model, "hr");
  guint32 colour = palette_pixel (node->color);
  SamMapRect viewport = { 0, 0, 960, 540 };
  SamMapTransform t, moved;
  cairo_surface_t *image, *exact, *base;
  SamMapRect legend;
  double x, y;

  sam_map_renderer_fit (renderer, &viewport, &t);
  sam_map_renderer_set_cache_scale (renderer, 2);
  sam_map_renderer_set_lazy_base (renderer, TRUE);
  exact = render_image (renderer, &t, 960, 540, 2);
  base = renderer->base;
  g_assert_false (sam_map_renderer_get_base_stale (renderer));
  g_assert_true (sam_map_renderer_get_legend_area (renderer, 960, 540, &legend));

  /* panned by 31 × 17 and zoomed by 1.25 around the node */
  moved = t;
  moved.scale = t.scale * 1.25;
  moved.x_offset = 31 + t.x_offset - (node->x * t.scale) * 0.25;
  moved.y_offset = 17 + t.y_offset - (node->y * t.scale) * 0.25;
  image = render_image (renderer, &moved, 960, 540, 2);
  g_assert_true (renderer->base == base);
  g_assert_cmpmem (&renderer->base_transform, sizeof t, &t, sizeof t);
  g_assert_true (sam_map_renderer_get_base_stale (renderer));
  disc_point (node, &moved, &x, &y);
  g_assert_cmphex (pixel_at (image, x, y, 2), ==, colour);
  /* the legend stays where it was, drawn as before; only the 6 % of the
   * map its box lets through is missing */
  for (y = legend.y + 8; y < legend.y + legend.height - 8; y += 0.5)
    for (x = legend.x + 8; x < legend.x + legend.width - 8; x += 0.5)
      g_assert_cmpint (colour_distance (pixel_at (image, x, y, 2), pixel_at (exact, x, y, 2)), <=, 16);
  cairo_surface_destroy (image);
  cairo_surface_destroy (exact);

  /* a zoom by 2 around the node would blur */
  moved.scale = t.scale * 2;
  moved.x_offset = t.x_offset - node->x * t.scale;
  moved.y_offset = t.y_offset - node->y * t.scale;
  image = render_image (renderer, &moved, 960, 540, 2);
  g_assert_cmpmem (&renderer->base_transform, sizeof moved, &moved, sizeof moved);
  g_assert_false (sam_map_renderer_get_base_stale (renderer));
  cairo_surface_destroy (image);

  /* settled: drawn for the view it shows */
  moved.x_offset += 5;
  sam_map_renderer_set_lazy_base (renderer, FALSE);
  image = render_image (renderer, &moved, 960, 540, 2);
  g_assert_cmpmem (&renderer->base_transform, sizeof moved, &moved, sizeof moved);
  g_assert_false (sam_map_renderer_get_base_stale (renderer));
  disc_point (node, &moved, &x, &y);
  g_assert_cmphex (pixel_at (image, x, y, 2), ==, colour);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/map/hit/nodes", test_hit_nodes);
  g_test_add_func ("/sam/map/hit/edges", test_hit_edges);
  g_test_add_func ("/sam/map/hit/badges", test_hit_badges);
  g_test_add_func ("/sam/map/hit/speed", test_hit_speed);
  g_test_add_func ("/sam/map/render/fit-labels", test_fit_labels_readable);
  g_test_add_func ("/sam/map/render/describe", test_describe);
  g_test_add_func ("/sam/map/render/badges-clear-labels", test_badges_clear_labels);
  g_test_add_func ("/sam/map/render/sprites-match-shapes", test_sprites_match_shapes);
  g_test_add_func ("/sam/map/render/drag-layer", test_drag_layer);
  g_test_add_func ("/sam/map/render/lazy-base", test_lazy_base);
  g_test_add_func ("/sam/map/export/formats", test_export_formats);
  g_test_add_func ("/sam/map/export/compare", test_export_compare);
  g_test_add_func ("/sam/map/export/error", test_export_error);
  g_test_add_func ("/sam/map/export/async", test_export_async);
  g_test_add_func ("/sam/map/export/sample-pictures", test_sample_pictures);

  return g_test_run ();
}
