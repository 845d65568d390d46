/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <zlib.h>

#include "map-sample.h"
#include "sam-map-export.h"
#include "sam-map-png.h"
#include "sam-map-renderer.h"

/* The PNG writer: what it writes reads back through cairo (libpng) with
 * the same pixels, and its chunks and compressed data are valid, checked
 * here the way pngcheck does.  The pictures' heights give one, two and
 * four bands compressed on threads of their own.  Written from its own
 * pixels (sam_map_png_write_consume()), a picture gives the same file. */

static guint32
get_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* Walks the chunks: each CRC must match, IHDR comes first and IEND last,
 * and the IDAT data must inflate to exactly one filter byte plus one row
 * per line.  Returns the colour type. */
static guint
check_png_structure (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autofree guint8 *raw = NULL;
  guint32 width = 0, height = 0;
  guint colour = 0, n_chunks = 0;
  gsize pos = 8, row_bytes, raw_size;
  z_stream z = { 0 };
  gboolean ended = FALSE;

  g_assert_cmpuint (size, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);

  while (pos < size)
    {
      guint32 length, crc;
      const guint8 *type;

      g_assert_false (ended);
      g_assert_cmpuint (pos + 12, <=, size);
      length = get_be32 (data + pos);
      g_assert_cmpuint (pos + 12 + length, <=, size);
      type = data + pos + 4;
      crc = crc32 (0, type, 4 + length);
      g_assert_cmpuint (crc, ==, get_be32 (data + pos + 8 + length));

      if (n_chunks == 0)
        {
          g_assert_cmpmem (type, 4, "IHDR", 4);
          g_assert_cmpuint (length, ==, 13);
          width = get_be32 (type + 4);
          height = get_be32 (type + 8);
          colour = type[13];
          g_assert_cmpuint (type[12], ==, 8);
        }
      else if (memcmp (type, "IDAT", 4) == 0)
        g_byte_array_append (idat, type + 4, length);
      else
        {
          g_assert_cmpmem (type, 4, "IEND", 4);
          ended = TRUE;
        }
      n_chunks++;
      pos += 12 + length;
    }
  g_assert_true (ended);

  row_bytes = (gsize) width * (colour == 6 ? 4 : 3);
  raw_size = height * (row_bytes + 1);
  raw = g_malloc (raw_size + 1);
  g_assert_cmpint (inflateInit (&z), ==, Z_OK);
  z.next_in = idat->data;
  z.avail_in = idat->len;
  z.next_out = raw;
  z.avail_out = raw_size + 1;
  g_assert_cmpint (inflate (&z, Z_FINISH), ==, Z_STREAM_END);
  g_assert_cmpuint (z.total_out, ==, raw_size);
  g_assert_cmpuint (z.avail_in, ==, 0);
  inflateEnd (&z);

  /* No row filter on any row: ours, never libpng's mix. */
  for (guint32 y = 0; y < height; y++)
    g_assert_cmpuint (raw[y * (row_bytes + 1)], ==, 0);

  return colour;
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         pos;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *out,
            unsigned int   length)
{
  Reader *r = closure;

  if (r->pos + length > r->size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, r->data + r->pos, length);
  r->pos += length;

  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
write_png (cairo_surface_t *surface)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_map_png_write (surface, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/* cairo reads back premultiplied ARGB32; an RGB24 source has an undefined
 * alpha byte, so only colours are compared then. */
static void
assert_same_pixels (cairo_surface_t *written,
                    GBytes          *png)
{
  Reader reader = { 0 };
  cairo_surface_t *back;
  gboolean rgb24 = cairo_image_surface_get_format (written) == CAIRO_FORMAT_RGB24;
  guint32 mask = rgb24 ? 0x00ffffff : 0xffffffff;
  int width = cairo_image_surface_get_width (written);
  int height = cairo_image_surface_get_height (written);

  reader.data = g_bytes_get_data (png, &reader.size);
  back = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (back), ==, height);

  cairo_surface_flush (written);
  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (written) +
                                             y * cairo_image_surface_get_stride (written));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (back) +
                                             y * cairo_image_surface_get_stride (back));

      for (int x = 0; x < width; x++)
        if ((a[x] & mask) != (b[x] & mask))
          g_error ("pixel %d,%d: wrote %08x, read %08x", x, y, a[x], b[x]);
    }

  cairo_surface_destroy (back);
}

/* Every colour and alpha value, in a picture whose width makes a stride
 * with padding. */
static cairo_surface_t *
noise_surface (cairo_format_t format,
               int            width,
               int            height,
               gboolean       translucent)
{
  cairo_surface_t *surface = cairo_image_surface_create (format, width, height);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 a = translucent ? g_rand_int_range (rand, 0, 256) : 255;
        guint32 r = g_rand_int_range (rand, 0, a + 1);
        guint32 g = g_rand_int_range (rand, 0, a + 1);
        guint32 b = g_rand_int_range (rand, 0, a + 1);

        ((guint32 *) (data + y * stride))[x] = a << 24 | r << 16 | g << 8 | b;
      }
  cairo_surface_mark_dirty (surface);

  return surface;
}

static void
test_png_translucent (void)
{
  cairo_surface_t *surface = noise_surface (CAIRO_FORMAT_ARGB32, 301, 157, TRUE);
  g_autoptr(GBytes) png = write_png (surface);

  g_assert_cmpuint (check_png_structure (png), ==, 6);
  assert_same_pixels (surface, png);
  cairo_surface_destroy (surface);
}

static void
test_png_opaque (void)
{
  cairo_surface_t *surface = noise_surface (CAIRO_FORMAT_ARGB32, 517, 263, FALSE);
  g_autoptr(GBytes) png = write_png (surface);

  /* Noise hardly compresses: several IDAT chunks. */
  g_assert_cmpuint (g_bytes_get_size (png), >, 3 * 128 * 1024);
  g_assert_cmpuint (check_png_structure (png), ==, 2);
  assert_same_pixels (surface, png);
  cairo_surface_destroy (surface);
}

static void
test_png_rgb24 (void)
{
  cairo_surface_t *surface = noise_surface (CAIRO_FORMAT_RGB24, 33, 17, TRUE);
  g_autoptr(GBytes) png = write_png (surface);

  g_assert_cmpuint (check_png_structure (png), ==, 2);
  assert_same_pixels (surface, png);
  cairo_surface_destroy (surface);
}

static GBytes *
write_png_consume (cairo_surface_t *surface)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_map_png_write_consume (surface, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/* A page and a few translucent boxes: it compresses well. */
static void
draw_boxes (cairo_surface_t *surface,
            int              height)
{
  cairo_t *cr = cairo_create (surface);

  cairo_rectangle (cr, 0, 0, cairo_image_surface_get_width (surface), height);
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.975);
  cairo_fill (cr);
  for (int i = 0; i < 12; i++)
    {
      cairo_rectangle (cr, 20 + 50 * i, 10 + 10 * i, 40, MIN (90, height / 2));
      cairo_set_source_rgba (cr, i / 12.0, 0.4, 1 - i / 12.0, 0.8);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

/* Written from its own pixels, each picture gives the file written from
 * a copy left alone.  Boxes: RGB in place, compressed into what the rows
 * leave free.  Boxes over noise: the first band fits there, the last
 * (and its checksum) goes on in a buffer.  Opaque noise: no band fits.
 * Too narrow (33 pixels), translucent or a single pixel: from a row
 * buffer, as sam_map_png_write() does. */
static void
test_png_consume (void)
{
  const struct { const char *name; cairo_format_t format; int width, height; gboolean translucent;
                 int boxes_height; guint colour_type; } cases[] = {
    { "boxes", CAIRO_FORMAT_ARGB32, 640, 360, FALSE, 360, 2 },
    { "boxes over noise", CAIRO_FORMAT_ARGB32, 640, 360, FALSE, 180, 2 },
    { "opaque noise", CAIRO_FORMAT_ARGB32, 517, 263, FALSE, 0, 2 },
    { "narrow", CAIRO_FORMAT_RGB24, 33, 17, TRUE, 0, 2 },
    { "translucent", CAIRO_FORMAT_ARGB32, 301, 157, TRUE, 0, 6 },
    { "one pixel", CAIRO_FORMAT_ARGB32, 1, 1, FALSE, 0, 2 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *kept = noise_surface (cases[i].format, cases[i].width, cases[i].height,
                                             cases[i].translucent);
      cairo_surface_t *used = noise_surface (cases[i].format, cases[i].width, cases[i].height,
                                             cases[i].translucent);
      g_autoptr(GBytes) expected = NULL;
      g_autoptr(GBytes) png = NULL;

      g_test_message ("%s", cases[i].name);
      if (cases[i].boxes_height > 0)
        {
          draw_boxes (kept, cases[i].boxes_height);
          draw_boxes (used, cases[i].boxes_height);
        }
      expected = write_png (kept);
      png = write_png_consume (used);

      g_assert_cmpuint (check_png_structure (png), ==, cases[i].colour_type);
      assert_same_pixels (kept, png);
      g_assert_true (g_bytes_equal (png, expected));
      cairo_surface_destroy (kept);
      cairo_surface_destroy (used);
    }
}

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;

  return CAIRO_STATUS_SUCCESS;
}

/* The dense map of the benchmark, as an export draws it: the same pixels
 * back, and a file not much larger than cairo's slow, hard-compressed one. */
static void
test_png_dense_map (void)
{
  g_autoptr(SamMapModel) model = map_sample_big (100, 1000);
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (model);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  SamMapRect viewport = { 0, 0, 1920, 1080 };
  SamMapTransform t;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) consumed = NULL;
  cairo_surface_t *copy;
  gsize cairo_size = 0;

  cairo_set_source_rgb (cr, 0.98, 0.98, 0.975);
  cairo_paint (cr);
  sam_map_renderer_fit (renderer, &viewport, &t);
  sam_map_renderer_draw (renderer, cr, &t, 1920, 1080);
  cairo_destroy (cr);

  png = write_png (surface);
  g_assert_cmpuint (check_png_structure (png), ==, 2);
  assert_same_pixels (surface, png);

  /* as an export writes it: from its own pixels, the same file */
  copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cr = cairo_create (copy);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  consumed = write_png_consume (copy);
  cairo_surface_destroy (copy);
  g_assert_true (g_bytes_equal (consumed, png));

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, count_bytes, &cairo_size), ==,
                   CAIRO_STATUS_SUCCESS);
  g_test_message ("dense map: %zu bytes, cairo's %zu", g_bytes_get_size (png), cairo_size);
  g_assert_cmpuint (g_bytes_get_size (png), <, cairo_size * 2);
  cairo_surface_destroy (surface);
}

/* sam_map_export() writes PNG files through this writer. */
static void
test_png_export (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sam-png-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) png = NULL;
  SamMapExportOptions options;
  cairo_surface_t *back;

  sam_map_export_options_init (&options, SAM_MAP_FORMAT_PNG, SAM_MAP_PAPER_PROJECTOR);
  g_assert_true (sam_map_export (model, file, &options, NULL, &error));
  g_assert_no_error (error);

  png = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check_png_structure (png), ==, 2);
  back = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (back), ==, 1080);
  cairo_surface_destroy (back);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sam/map/png/translucent", test_png_translucent);
  g_test_add_func ("/sam/map/png/opaque", test_png_opaque);
  g_test_add_func ("/sam/map/png/rgb24", test_png_rgb24);
  g_test_add_func ("/sam/map/png/consume", test_png_consume);
  g_test_add_func ("/sam/map/png/dense-map", test_png_dense_map);
  g_test_add_func ("/sam/map/png/export", test_png_export);

  return g_test_run ();
}
