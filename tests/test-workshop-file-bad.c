/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
  const char *problem;    /* must appear in the message, when set */
  const char *raw;        /* written for the value "@RAW@" the mutation set */
} BadCase;

#define RAW "@RAW@"

static JsonArray *
rows_of (JsonObject *root,
         const char *table)
{
  return json_object_get_array_member (json_object_get_object_member (root, "tables"), table);
}

static const char *
uuid_of (JsonObject *root,
         const char *table,
         guint       i)
{
  return json_object_get_string_member (json_array_get_object_element (rows_of (root, table), i), "uuid");
}

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
  json_object_set_int_member (root, "version", SAM_WORKSHOP_FILE_VERSION + 1);
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

static void
raw_card_text (JsonObject *root)
{
  json_object_set_string_member (row (root, "card", 0), "text", RAW);
}

static void
raw_card_created (JsonObject *root)
{
  json_object_set_string_member (row (root, "card", 0), "created", RAW);
}

static void
raw_card_position (JsonObject *root)
{
  json_object_set_string_member (row (root, "card", 1), "position", RAW);
}

static void
raw_version (JsonObject *root)
{
  json_object_set_string_member (root, "version", RAW);
}

static void
raw_key (JsonObject *root)
{
  json_object_set_string_member (root, "format", RAW);
}

/* A map node whose x the case writes raw. */
static void
raw_map_x (JsonObject *root)
{
  JsonObject *node = json_object_new ();
  JsonArray *nodes = rows_of (root, "map_node");

  if (nodes == NULL)
    {
      nodes = json_array_new ();
      json_object_set_array_member (json_object_get_object_member (root, "tables"), "map_node", nodes);
    }
  json_object_set_string_member (node, "uuid", "6f1d4c7e-8a2b-4c3d-9e5f-0a1b2c3d4e5f");
  json_object_set_string_member (node, "team", uuid_of (root, "team", 0));
  json_object_set_string_member (node, "x", RAW);
  json_object_set_double_member (node, "y", 10.5);
  json_object_set_int_member (node, "pinned", 1);
  json_array_add_object_element (nodes, node);
}

static void
created_after_9999 (JsonObject *root)
{
  json_object_set_int_member (row (root, "card", 0), "created", G_GINT64_CONSTANT (10000000000000));
}

static void
created_negative (JsonObject *root)
{
  json_object_set_int_member (row (root, "card", 2), "modified", -5);
}

static void
belief_strength (JsonObject *root)
{
  json_object_set_int_member (row (root, "card", 0), "value", 9);
}

static void
agreement_status (JsonObject *root)
{
  json_object_set_int_member (row (root, "agreement", 0), "status", 7);
}

static void
negative_minutes (JsonObject *root)
{
  json_object_set_int_member (row (root, "step", 0), "minutes", -40);
}

static void
relation_quality (JsonObject *root)
{
  json_object_set_int_member (row (root, "map_relation", 0), "quality", 9);
}

static void
team_people (JsonObject *root)
{
  json_object_set_int_member (row (root, "team", 1), "people", 1000000);
}

static void
long_name (JsonObject *root)
{
  g_autofree char *name = g_strnfill (200001, 'a');

  json_object_set_string_member (json_object_get_object_member (root, "workshop"), "name", name);
}

static void
long_card_text (JsonObject *root)
{
  g_autofree char *text = g_strnfill (200001, 'b');

  json_object_set_string_member (row (root, "card", 2), "text", text);
}

static void
empty_name (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (root, "workshop"), "name", "");
}

static void
text_as_number (JsonObject *root)
{
  json_object_set_int_member (row (root, "card", 0), "text", 5);
}

static void
name_as_number (JsonObject *root)
{
  json_object_set_int_member (row (root, "team", 0), "name", 42);
}

static void
fraction_in_whole_number (JsonObject *root)
{
  json_object_set_double_member (row (root, "card", 0), "created", 1.5e9);
}

static void
parent_cycle (JsonObject *root)
{
  /* card[1] is an impact of card[0]; now card[0] is one of card[1]. */
  json_object_set_string_member (row (root, "card", 0), "parent", uuid_of (root, "card", 1));
}

static void
own_parent (JsonObject *root)
{
  json_object_set_string_member (row (root, "card", 4), "parent", uuid_of (root, "card", 4));
}

static void
tables_not_object (JsonObject *root)
{
  json_object_set_int_member (root, "tables", 3);
}

static void
row_not_object (JsonObject *root)
{
  json_array_add_string_element (rows_of (root, "team"), "Marketing");
}

static void
workshop_not_object (JsonObject *root)
{
  json_object_set_string_member (root, "workshop", "Acme");
}

static void
kind_as_number (JsonObject *root)
{
  json_object_set_int_member (root, "kind", 1);
}

static void
ref_to_wrong_table (JsonObject *root)
{
  json_object_set_string_member (row (root, "card", 1), "parent", uuid_of (root, "team", 0));
}

static void
follows_itself (JsonObject *root)
{
  JsonObject *workshop = json_object_get_object_member (root, "workshop");

  json_object_set_string_member (workshop, "follows", json_object_get_string_member (workshop, "uuid"));
}

static GBytes *
trailing_garbage (const char *valid,
                  gsize       length)
{
  GByteArray *data = g_byte_array_sized_new (length + 8);

  g_byte_array_append (data, (const guint8 *) valid, length);
  g_byte_array_append (data, (const guint8 *) "\n  x", 4);
  return g_byte_array_free_to_bytes (data);
}

static GBytes *
replace_first (const char *valid,
               gsize       length,
               const char *find,
               const char *replace)
{
  g_autoptr(GString) text = g_string_new_len (valid, length);
  const char *at = strstr (text->str, find);
  gsize offset;

  g_assert_nonnull (at);
  offset = at - text->str;
  g_string_erase (text, offset, strlen (find));
  g_string_insert (text, offset, replace);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static GBytes *
single_quotes (const char *valid,
               gsize       length)
{
  return replace_first (valid, length, "\"Acme Insurance\"", "'Acme Insurance'");
}

static GBytes *
raw_control_character (const char *valid,
                       gsize       length)
{
  return replace_first (valid, length, "Acme Insurance", "Acme\001Insurance");
}

static GBytes *
duplicate_key (const char *valid,
               gsize       length)
{
  return replace_first (valid, length, "\"organisation\"", "\"organisation\" : \"Other\", \"organisation\"");
}

static GBytes *
comment (const char *valid,
         gsize       length)
{
  return replace_first (valid, length, "\"tables\"", "/* tables */ \"tables\"");
}

static GBytes *
leading_zero (const char *valid,
              gsize       length)
{
  return replace_first (valid, length, "\"people\" : 6", "\"people\" : 06");
}

static GBytes *
bad_escape (const char *valid,
            gsize       length)
{
  return replace_first (valid, length, "Acme Insurance", "Acme\\x41Insurance");
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
  /* Strict JSON */
  { "trailing-garbage", SAM_FILE_ERROR_SYNTAX, "line ", NULL, trailing_garbage, "goes on after" },
  { "single-quotes", SAM_FILE_ERROR_SYNTAX, "line ", NULL, single_quotes, "single quotes" },
  { "raw-control-character", SAM_FILE_ERROR_SYNTAX, "line ", NULL, raw_control_character, "control character" },
  { "duplicate-key", SAM_FILE_ERROR_INVALID, "$.workshop.organisation", NULL, duplicate_key, "twice" },
  { "comment", SAM_FILE_ERROR_SYNTAX, "line ", NULL, comment, NULL },
  { "leading-zero", SAM_FILE_ERROR_SYNTAX, "line ", NULL, leading_zero, NULL },
  { "bad-escape", SAM_FILE_ERROR_SYNTAX, "line ", NULL, bad_escape, "escape" },
  { "nul-in-text", SAM_FILE_ERROR_INVALID, "$.tables.card[0].text", raw_card_text, NULL, "NUL", "\"before\\u0000after\"" },
  { "nul-in-key", SAM_FILE_ERROR_INVALID, "$", raw_key, NULL, "NUL", "\"samenspel-workshop\", \"a\\u0000b\": 1" },
  { "lone-surrogate", SAM_FILE_ERROR_INVALID, "$.tables.card[0].text", raw_card_text, NULL, "surrogate", "\"x\\ud800y\"" },
  { "lone-low-surrogate", SAM_FILE_ERROR_INVALID, "$.tables.card[0].text", raw_card_text, NULL, "surrogate", "\"\\udc00\"" },
  { "surrogate-then-letter", SAM_FILE_ERROR_INVALID, "$.tables.card[0].text", raw_card_text, NULL, "surrogate", "\"\\ud83d\\u0041\"" },
  /* Numbers */
  { "huge-created", SAM_FILE_ERROR_INVALID, "$.tables.card[0].created", raw_card_created, NULL, "100000000000000000000000", "100000000000000000000000" },
  { "position-2-63", SAM_FILE_ERROR_INVALID, "$.tables.card[1].position", raw_card_position, NULL, "too large", "9223372036854775808" },
  { "huge-version", SAM_FILE_ERROR_INVALID, "$.version", raw_version, NULL, "100000000000000000000000", "100000000000000000000000" },
  { "infinite-x", SAM_FILE_ERROR_INVALID, ".x", raw_map_x, NULL, "too large", "1e999" },
  { "far-x", SAM_FILE_ERROR_INVALID, ".x", raw_map_x, NULL, "out of range", "12345678.5" },
  { "created-after-9999", SAM_FILE_ERROR_INVALID, "$.tables.card[0].created", created_after_9999, NULL, "out of range" },
  { "modified-negative", SAM_FILE_ERROR_INVALID, "$.tables.card[2].modified", created_negative, NULL, "out of range" },
  { "fraction-in-whole-number", SAM_FILE_ERROR_INVALID, "$.tables.card[0].created", fraction_in_whole_number, NULL, "whole number" },
  { "belief-strength", SAM_FILE_ERROR_INVALID, "$.tables.card[0].value", belief_strength, NULL, "from -1 to 5" },
  { "agreement-status", SAM_FILE_ERROR_INVALID, "$.tables.agreement[0].status", agreement_status, NULL, "from 0 to 3" },
  { "negative-minutes", SAM_FILE_ERROR_INVALID, "$.tables.step[0].minutes", negative_minutes, NULL, "-40" },
  { "relation-quality", SAM_FILE_ERROR_INVALID, "$.tables.map_relation[0].quality", relation_quality, NULL, "from 0 to 5" },
  { "team-people", SAM_FILE_ERROR_INVALID, "$.tables.team[1].people", team_people, NULL, "from 0 to 10000" },
  /* Texts and types */
  { "long-name", SAM_FILE_ERROR_INVALID, "$.workshop.name", long_name, NULL, "characters; the limit is" },
  { "long-card-text", SAM_FILE_ERROR_INVALID, "$.tables.card[2].text", long_card_text, NULL, "characters; the limit is" },
  { "empty-name", SAM_FILE_ERROR_INVALID, "$.workshop.name", empty_name, NULL, "empty" },
  { "text-as-number", SAM_FILE_ERROR_INVALID, "$.tables.card[0].text", text_as_number, NULL, "expected text" },
  { "name-as-number", SAM_FILE_ERROR_INVALID, "$.tables.team[0].name", name_as_number, NULL, "expected text" },
  { "kind-as-number", SAM_FILE_ERROR_INVALID, "$.kind", kind_as_number, NULL, "expected text" },
  { "tables-not-object", SAM_FILE_ERROR_INVALID, "$.tables", tables_not_object, NULL, "expected an object" },
  { "row-not-object", SAM_FILE_ERROR_INVALID, "$.tables.team[4]", row_not_object, NULL, "expected an object" },
  { "workshop-not-object", SAM_FILE_ERROR_INVALID, "$.workshop", workshop_not_object, NULL, "expected an object" },
  /* References */
  { "parent-cycle", SAM_FILE_ERROR_REFERENCE, "$.tables.card[", parent_cycle, NULL, "circle" },
  { "own-parent", SAM_FILE_ERROR_REFERENCE, "$.tables.card[4].parent", own_parent, NULL, "circle" },
  { "follows-itself", SAM_FILE_ERROR_REFERENCE, "$.workshop.follows", follows_itself, NULL, "circle" },
  { "reference-to-wrong-table", SAM_FILE_ERROR_REFERENCE, "$.tables.card[1].parent", ref_to_wrong_table, NULL, NULL },
};

/* SAM_WRITE_CORPUS=DIR writes every case to DIR/bad-NAME.samenspel, the
 * fuzz corpus and the command line's test files (tests/fuzz/corpus). */
static void
write_corpus (const BadCase *bad,
              GBytes        *bytes)
{
  const char *dir = g_getenv ("SAM_WRITE_CORPUS");
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL || g_bytes_get_size (bytes) > 1024 * 1024)
    return;

  base = g_strdup_printf ("bad-%s.samenspel", bad->name);
  path = g_build_filename (dir, base, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

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
      if (bad->raw != NULL)
        {
          g_autoptr(GBytes) with_raw = replace_first (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                      "\"" RAW "\"", bad->raw);

          g_bytes_unref (bytes);
          bytes = g_steal_pointer (&with_raw);
        }
    }
  else
    bytes = bad->mutate_bytes (text, length);

  write_corpus (bad, bytes);

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
  if (bad->problem != NULL && strstr (error->message, bad->problem) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bad->problem);

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

/* A device, a FIFO without a writer or a folder is refused at once: never
 * read forever, never a wait for a writer. */
static void
assert_not_regular (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (sam_workshop_file_load (file, NULL, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_READ);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, "not an ordinary file"));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_special_files (void)
{
  const char *dir = g_get_user_data_dir ();
  g_autofree char *zero = g_build_filename (dir, "zero.samenspel", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.samenspel", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.samenspel", NULL);

  g_mkdir_with_parents (folder, 0700);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  assert_not_regular (zero);
  assert_not_regular (fifo);
  assert_not_regular (folder);
}

/* A file of exactly the limit is read whole. */
static void
test_growing_limit (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "exact.samenspel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FILE *out;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  out = fopen (path, "w");
  g_assert_nonnull (out);
  /* Exactly the limit: read, and refused only for what it holds (zeros). */
  g_assert_cmpint (fseek (out, SAM_WORKSHOP_FILE_MAX_SIZE - 1, SEEK_SET), ==, 0);
  fputc (' ', out);
  fclose (out);

  g_assert_null (sam_workshop_file_load (file, NULL, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_ENCODING);
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
  g_test_add_func ("/sam/file/bad/at-the-size-limit", test_growing_limit);
  g_test_add_func ("/sam/file/bad/special-files", test_special_files);

  return g_test_run ();
}
