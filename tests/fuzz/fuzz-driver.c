/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib.h>

/* Without libFuzzer: runs the target over the seed corpus, then over a
 * fixed number of deterministic mutations of it (a fixed seed), so the
 * normal test suite exercises the importer with damaged input in a few
 * seconds.  Usage: fuzz-workshop-file-driver CORPUS_DIR [N_MUTATIONS] */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static const char *tokens[] = {
  "{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1", "1e308", "\\u0000", "\"uuid\"", "\"team\"",
  "\"version\"", "\"tables\"", "\"card\"", "\"step\"", "\"parent\"", "\"kind\"", "\"team-contribution\"",
  "\"team-packet\"", "\"00000000-0000-4000-8000-000000000000\"", "\xff", "\xc3", "9223372036854775807",
};

static GByteArray *
mutate (GRand        *rand,
        const guint8 *data,
        gsize         size)
{
  GByteArray *out = g_byte_array_sized_new (size + 64);
  guint n_edits = g_rand_int_range (rand, 1, 6);

  g_byte_array_append (out, data, size);
  for (guint e = 0; e < n_edits; e++)
    {
      guint at = out->len > 0 ? g_rand_int_range (rand, 0, out->len) : 0;

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0: /* flip a byte */
          if (out->len > 0)
            out->data[at] ^= 1u << g_rand_int_range (rand, 0, 8);
          break;
        case 1: /* cut the end off */
          g_byte_array_set_size (out, at);
          break;
        case 2: /* drop a few bytes */
          if (out->len > 0)
            {
              guint length = g_rand_int_range (rand, 1, 16);

              g_byte_array_remove_range (out, at, MIN (length, out->len - at));
            }
          break;
        case 3: /* insert a JSON token */
          {
            const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];

            {
              g_autoptr(GByteArray) tail = g_byte_array_new ();

              g_byte_array_append (tail, out->data + at, out->len - at);
              g_byte_array_set_size (out, at);
              g_byte_array_append (out, (const guint8 *) token, strlen (token));
              g_byte_array_append (out, tail->data, tail->len);
            }
          }
          break;
        default: /* repeat a stretch (duplicate uuids, deeper nesting) */
          if (out->len > 0)
            {
              guint length = g_rand_int_range (rand, 1, 200);
              g_autoptr(GByteArray) copy = g_byte_array_new ();

              length = MIN (length, out->len - at);
              g_byte_array_append (copy, out->data + at, length);
              g_byte_array_append (out, copy->data, copy->len);
            }
          break;
        }
    }

  return out;
}

static int
compare_bytes (gconstpointer a,
               gconstpointer b)
{
  return g_bytes_compare (*(GBytes **) a, *(GBytes **) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);
  guint n_mutations = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 2000;
  const char *name;

  if (argc < 2)
    {
      g_printerr ("Usage: %s CORPUS_DIR [N_MUTATIONS]\n", argv[0]);
      return 2;
    }

  dir = g_dir_open (argv[1], 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_ptr_array_add (seeds, g_bytes_new_take (contents, length));
    }
  g_assert_cmpuint (seeds->len, >, 0);
  /* Directory order is not stable; the mutations must be. */
  g_ptr_array_sort (seeds, compare_bytes);

  for (guint i = 0; i < seeds->len; i++)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (g_ptr_array_index (seeds, i), &size);

      LLVMFuzzerTestOneInput (data, size);
    }

  for (guint i = 0; i < n_mutations; i++)
    {
      GBytes *seed = g_ptr_array_index (seeds, g_rand_int_range (rand, 0, seeds->len));
      gsize size;
      const guint8 *data = g_bytes_get_data (seed, &size);
      g_autoptr(GByteArray) mutated = mutate (rand, data, size);

      LLVMFuzzerTestOneInput (mutated->data, mutated->len);
    }

  g_print ("%u seeds and %u mutations read without a crash\n", seeds->len, n_mutations);
  return 0;
}
