/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "sam-sample-workshop.h"
#include "sam-workshop-file.h"

/* Each kind of bad input gives a clear error naming the file, the place and
 * the problem, and leaves the database exactly as it was. */

typedef struct
{
  const char *name;
  SamFileError code;
  const char *place;      /* must appear in the message */
  void (*mutate_json) (JsonObject *root);
  GBytes *(*mutate_bytes) (const char *valid, gsize length);
} BadCase;

static JsonObject *
row (JsonObject *root,
     const char *table,
     guint       i)
{
  JsonObject *tables = json_object_get_object_member (root, "tables");

  return json_array_get_object_element (json_object_get_array_member (tables, table), i);
}

static void
wrong_type (JsonObject *root)
{
  json_object_set_string_member (row (root, "card", 3), "value", "high");
}

static void
newer_version (JsonObject *root)
{
  json_object_set_int_member (root, "version", 2);
}

static void
newer_minor (JsonObject *root)
{
  json_object_set_int_member (root, "minor_version", 7);
}

static void
missing_field (JsonObject *root)
{
  json_object_remove_member (row (root, "step", 1), "title");
}

static void
missing_uuid (JsonObject *root)
{
  json_object_remove_member (row (root, "team", 2), "uuid");
}

static void
missing_workshop (JsonObject *root)
{
  json_object_remove_member (root, "workshop");
}

static void
duplicate_uuid (JsonObject *root)
{
  json_object_set_string_member (row (root, "card", 4), "uuid",
                                 json_object_get_string_member (row (root, "card", 1), "uuid"));
}

static void
unknown_team (JsonObject *root)
{
  json_object_set_string_member (row (root, "card", 3), "team", "0b7cbf43-2f6a-4a53-9d8e-0d6c9e1f2a3b");
}

static void
not_a_uuid (JsonObject *root)
{
  json_object_set_int_member (row (root, "card", 3), "step", 7);
}

static void
not_ours (JsonObject *root)
{
  json_object_set_string_member (root, "format", "something-else");
}

static void
list_in_row (JsonObject *root)
{
  json_object_set_array_member (row (root, "team", 0), "name", json_array_new ());
}

static void
null_text (JsonObject *root)
{
  json_object_set_null_member (row (root, "card", 0), "text");
}

static GBytes *
not_json (const char *valid,
          gsize       length)
{
  return g_bytes_new_static ("This is the agenda for Monday.\n", 31);
}

static GBytes *
truncated (const char *valid,
           gsize       length)
{
  return g_bytes_new (valid, length / 2);
}

/* json-glib takes concatenated documents without an error; the file
 * reader must not. */
static GBytes *
two_documents (const char *valid,
               gsize       length)
{
  GByteArray *both = g_byte_array_sized_new (2 * length + 1);

  g_byte_array_append (both, (const guint8 *) valid, length);
  g_byte_array_append (both, (const guint8 *) "\n", 1);
  g_byte_array_append (both, (const guint8 *) valid, length);
  return g_byte_array_free_to_bytes (both);
}

static GBytes *
string_before_object (const char *valid,
                      gsize       length)
{
  GByteArray *data = g_byte_array_sized_new (length + 6);

  g_byte_array_append (data, (const guint8 *) "\"team\"", 6);
  g_byte_array_append (data, (const guint8 *) valid, length);
  return g_byte_array_free_to_bytes (data);
}

static GBytes *
empty (const char *valid,
       gsize       length)
{
  return g_bytes_new_static ("", 0);
}

static GBytes *
invalid_utf8 (const char *valid,
              gsize       length)
{
  char *copy = g_memdup2 (valid, length);
  char *name = strstr (copy, "Acme");

  name[1] = (char) 0xff;
  name[2] = (char) 0xfe;
  return g_bytes_new_take (copy, length);
}

static GBytes *
too_large (const char *valid,
           gsize       length)
{
  gsize size = SAM_WORKSHOP_FILE_MAX_SIZE + 1;
  char *data = g_malloc (size);

  memset (data, ' ', size);
  memcpy (data, valid, length);
  return g_bytes_new_take (data, size);
}

static GBytes *
too_deep (const char *valid,
          gsize       length)
{
  GString *text = g_string_new ("{\"format\": \"samenspel-workshop\", \"x\": ");

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}");
  return g_string_free_to_bytes (text);
}

static const BadCase cases[] = {
  { "not-json", SAM_FILE_ERROR_SYNTAX, "line 1", NULL, not_json },
  { "truncated", SAM_FILE_ERROR_SYNTAX, "line ", NULL, truncated },
  { "empty", SAM_FILE_ERROR_SYNTAX, NULL, NULL, empty },
  { "two-documents", SAM_FILE_ERROR_SYNTAX, "line ", NULL, two_documents },
  { "string-before-object", SAM_FILE_ERROR_SYNTAX, "line 1", NULL, string_before_object },
  { "invalid-utf8", SAM_FILE_ERROR_ENCODING, "line ", NULL, invalid_utf8 },
  { "too-large", SAM_FILE_ERROR_TOO_LARGE, NULL, NULL, too_large },
  { "too-deep", SAM_FILE_ERROR_TOO_DEEP, "line 1", NULL, too_deep },
  { "not-ours", SAM_FILE_ERROR_NOT_WORKSHOP, "$.format", not_ours, NULL },
  { "newer-version", SAM_FILE_ERROR_TOO_NEW, "$.version", newer_version, NULL },
  { "wrong-type", SAM_FILE_ERROR_INVALID, "$.tables.card[3].value", wrong_type, NULL },
  { "missing-field", SAM_FILE_ERROR_INVALID, "$.tables.step[1].title", missing_field, NULL },
  { "missing-uuid", SAM_FILE_ERROR_INVALID, "$.tables.team[2].uuid", missing_uuid, NULL },
  { "missing-workshop", SAM_FILE_ERROR_INVALID, "$.workshop", missing_workshop, NULL },
  { "duplicate-uuid", SAM_FILE_ERROR_DUPLICATE, "$.tables.card[4].uuid", duplicate_uuid, NULL },
  { "unknown-team", SAM_FILE_ERROR_REFERENCE, "$.tables.card[3].team", unknown_team, NULL },
  { "reference-not-uuid", SAM_FILE_ERROR_INVALID, "$.tables.card[3].step", not_a_uuid, NULL },
  { "list-in-row", SAM_FILE_ERROR_INVALID, "$.tables.team[0].name", list_in_row, NULL },
  { "null-text", SAM_FILE_ERROR_INVALID, "$.tables.card[0].text", null_text, NULL },
};

static GBytes *
valid_file (SamStore *store)
{
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_WORKSHOP,
                                                                      NULL, &error);

  g_assert_no_error (error);
  return sam_workshop_file_to_bytes (file);
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "samenspel", "bad.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);
  g_autoptr(GBytes) valid = valid_file (store);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autofree char *before = sam_sample_dump_database (store);
  g_autofree char *after = NULL;
  gsize length;
  const char *text = g_bytes_get_data (valid, &length);

  if (bad->mutate_json != NULL)
    {
      g_autoptr(JsonNode) root = json_from_string (text, &error);

      g_assert_no_error (error);
      bad->mutate_json (json_node_get_object (root));
      {
        char *out = json_to_string (root, TRUE);
        bytes = g_bytes_new_take (out, strlen (out));
      }
    }
  else
    bytes = bad->mutate_bytes (text, length);

  file = sam_workshop_file_load_bytes (bytes, "broken.samenspel", &error);
  if (file != NULL)
    {
      g_assert_no_error (error);
      g_assert_null (sam_workshop_file_import (file, store, &error));
    }

  g_assert_error (error, SAM_FILE_ERROR, (gint) bad->code);
  g_test_message ("%s: %s", bad->name, error->message);
  g_assert_nonnull (strstr (error->message, "broken.samenspel"));
  g_assert_null (strchr (error->message, '\n'));
  if (bad->place != NULL && strstr (error->message, bad->place) == NULL)
    g_error ("“%s” does not name the place %s", error->message, bad->place);

  after = sam_sample_dump_database (store);
  g_assert_cmpstr (before, ==, after);
}

/* A newer minor version adds fields and tables; this version reads the
 * rest. */
static void
test_newer_minor (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "samenspel", "minor.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);
  g_autoptr(GBytes) valid = valid_file (store);
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (valid, NULL), &error);
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *tables;
  char *out;

  newer_minor (json_node_get_object (root));
  json_object_set_string_member (row (json_node_get_object (root), "card", 0), "colour_hint", "blue");
  tables = json_object_get_object_member (json_node_get_object (root), "tables");
  json_object_set_array_member (tables, "hologram", json_array_new ());
  out = json_to_string (root, FALSE);
  bytes = g_bytes_new_take (out, strlen (out));

  file = sam_workshop_file_load_bytes (bytes, "newer.samenspel", &error);
  g_assert_no_error (error);
  g_assert_nonnull (sam_workshop_file_import (file, store, &error));
  g_assert_no_error (error);
}

/* A file on disk over the limit is refused before it is read. */
static void
test_large_file_on_disk (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "huge.samenspel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FILE *out;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  out = fopen (path, "w");

  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, SAM_WORKSHOP_FILE_MAX_SIZE + 10, SEEK_SET), ==, 0);
  fputc ('}', out);
  fclose (out);

  g_assert_null (sam_workshop_file_load (file, NULL, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.samenspel"));
  g_assert_nonnull (strstr (error->message, "50 MB"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/sam/file/bad/%s", cases[i].name);

      g_test_add_data_func (name, &cases[i], test_bad_input);
    }
  g_test_add_func ("/sam/file/newer-minor-version", test_newer_minor);
  g_test_add_func ("/sam/file/bad/too-large-on-disk", test_large_file_on_disk);

  return g_test_run ();
}
