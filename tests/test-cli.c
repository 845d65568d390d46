/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "sam-sample-workshop.h"
#include "sam-workshop-file.h"

/* Runs the real `samenspel` binary without a display, as a coach's script
 * or a server would. */

static const char *binary;
static const char *corpus;

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_samenspel (Run        *run,
               const char *first,
               ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list list;

  g_ptr_array_add (args, (gpointer) binary);
  va_start (list, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);

  /* No display at all: the commands must not need one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANGUAGE", "en", TRUE);
  /* The binary opens the same (isolated) database as this test. */
  env = g_environ_setenv (env, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  env = g_environ_setenv (env, "HOME", g_get_home_dir (), TRUE);

  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("samenspel %s → %d\n%s%s", first, run->status, run->out, run->err);
}

static char *
outfile (const char *name)
{
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

/* A sample workshop in the default database the binary opens. */
static char *
make_sample (void)
{
  g_autofree char *path = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop;

  path = sam_store_dup_default_path ();
  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  workshop = sam_sample_workshop_new (store, "Colleagues and Customers");
  return g_strdup (sam_workshop_get_uuid (workshop));
}

static void
assert_starts_with (const char *path,
                    const char *magic,
                    gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_every_format (void)
{
  g_autofree char *uuid = make_sample ();
  g_autofree char *pdf = outfile ("report.pdf");
  g_autofree char *json = outfile ("workshop.samenspel");
  g_autofree char *csv = outfile ("agreements.csv");
  g_autofree char *png = outfile ("map.png");
  g_autofree char *svg = outfile ("map.svg");
  g_autofree char *pdf2 = outfile ("from-file.pdf");
  g_autofree char *csv_text = NULL;
  g_autofree char *opt = NULL;

  {
    g_auto(Run) run = { 0 };

    opt = g_strdup_printf ("--output=%s", pdf);
    run_samenspel (&run, "export", "--format=pdf", opt, "Colleagues and Customers", NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_starts_with (pdf, "%PDF-", 5);
  }
  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format", "json", "--output", json, uuid, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_starts_with (json, "{", 1);
  }
  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format=csv", "-o", csv, uuid, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_starts_with (csv, "\xef\xbb\xbfWhat,", 8);
    g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
    g_assert_nonnull (strstr (csv_text, "Back Office joins the Monday sales call"));
  }
  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format=map-png", "--output", png, uuid, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_starts_with (png, "\x89PNG", 4);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *contents = NULL;

    run_samenspel (&run, "export", "--format=map-svg", "--output", svg, uuid, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<svg"));
  }
  /* From a workshop file instead of the database. */
  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format=pdf", "--output", pdf2, json, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_starts_with (pdf2, "%PDF-", 5);
  }
}

/* A workshop file whose map has never been laid out stores no positions:
 * the export lays it out in the order of the file's team uuids, so the
 * same file gives the same picture every time. */
static void
test_map_reproducible (void)
{
  g_autofree char *json = outfile ("never-drawn.samenspel");
  g_autofree char *first = outfile ("never-drawn-1.png");
  g_autofree char *second = outfile ("never-drawn-2.png");
  g_autofree char *a = NULL, *b = NULL;
  gsize a_size = 0, b_size = 0;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamStore) store = sam_store_open_in_memory (&error);
    g_autoptr(SamWorkshopFile) file = NULL;
    g_autoptr(GFile) out = g_file_new_for_path (json);
    SamWorkshop *workshop;

    g_assert_no_error (error);
    workshop = sam_sample_workshop_new (store, "Never drawn");
    file = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_WORKSHOP, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (sam_workshop_file_save (file, out, NULL, &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < 2; i++)
    {
      g_auto(Run) run = { 0 };

      run_samenspel (&run, "export", "--format=map-png", "--output", i == 0 ? first : second, json, NULL);
      g_assert_cmpint (run.status, ==, 0);
    }
  g_assert_true (g_file_get_contents (first, &a, &a_size, NULL));
  g_assert_true (g_file_get_contents (second, &b, &b_size, NULL));
  g_assert_cmpuint (a_size, >, 8);
  g_assert_cmpmem (a, a_size, b, b_size);
}

static void
test_import (void)
{
  g_autofree char *uuid = make_sample ();
  g_autofree char *json = outfile ("to-import.samenspel");
  g_autoptr(SamStore) store = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format=json", "--output", json, uuid, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "import", json, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "Imported “Colleagues and Customers”"));
    g_assert_cmpstr (run.err, ==, "");
  }

  path = sam_store_dup_default_path ();
  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (store)), ==, 2);

  /* Two workshops now carry the name: the name alone is not enough. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *out = outfile ("ambiguous.pdf");

    run_samenspel (&run, "export", "--format=pdf", "--output", out, "Colleagues and Customers", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "give the UUID"));
  }
}

static void
assert_one_line (const char *text)
{
  g_assert_true (g_str_has_prefix (text, "samenspel: "));
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

static void
test_bad_input (void)
{
  g_autofree char *uuid = make_sample ();
  g_autofree char *bad = outfile ("broken.samenspel");
  g_autofree char *out = outfile ("never.pdf");
  g_autofree char *valid = outfile ("valid.samenspel");
  g_autofree char *contents = NULL;
  gsize length = 0;

  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format=json", "--output", valid, uuid, NULL);
    g_assert_true (g_file_get_contents (valid, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (bad, contents, length / 3, NULL));
  }
  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format=pdf", "--output", out, bad, NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_one_line (run.err);
    g_assert_nonnull (strstr (run.err, "broken.samenspel"));
    g_assert_nonnull (strstr (run.err, "line "));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "import", bad, NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_one_line (run.err);
    g_assert_nonnull (strstr (run.err, "broken.samenspel"));
  }
  /* A reference to a team that is not there: the JSON path is named. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = json_from_string (contents, NULL);
    JsonObject *tables = json_object_get_object_member (json_node_get_object (root), "tables");
    JsonObject *card = json_array_get_object_element (json_object_get_array_member (tables, "card"), 2);
    g_autofree char *text = NULL;

    json_object_set_string_member (card, "team", "5d2a8c1e-0000-4000-8000-000000000000");
    text = json_to_string (root, TRUE);
    g_assert_true (g_file_set_contents (bad, text, -1, NULL));
    run_samenspel (&run, "import", bad, NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_one_line (run.err);
    g_assert_nonnull (strstr (run.err, "$.tables.card[2].team"));
  }
  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format=pdf", "--output", out, "No Such Workshop", NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_one_line (run.err);
    g_assert_nonnull (strstr (run.err, "No Such Workshop"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *missing = outfile ("missing.samenspel");

    run_samenspel (&run, "import", missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_one_line (run.err);
    g_assert_nonnull (strstr (run.err, "missing.samenspel"));
  }
}

static char *
dump_default_database (void)
{
  g_autofree char *path = sam_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);

  g_assert_no_error (error);
  return sam_sample_dump_database (store);
}

/* Every bad file of the fuzz corpus (written by test-workshop-file-bad,
 * one per case): exit 1, one line naming the file and the place, no GLib
 * message, the database exactly as before.  The map export, which reads
 * the map straight from the file, refuses each with the same line. */
static void
test_every_bad_file (void)
{
  g_autofree char *uuid = make_sample ();
  g_autofree char *before = dump_default_database ();
  g_autoptr(GDir) dir = g_dir_open (corpus, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_auto(Run) run = { 0 };
      g_auto(Run) map = { 0 };
      g_autofree char *path = NULL;
      g_autofree char *after = NULL;
      g_autofree char *png = outfile ("never.png");

      if (!g_str_has_prefix (name, "bad-"))
        continue;

      path = g_build_filename (corpus, name, NULL);
      run_samenspel (&run, "import", path, NULL);
      if (run.status != 1 || strstr (run.err, name) == NULL)
        g_error ("%s: exit %d, “%s”", name, run.status, run.err);
      assert_one_line (run.err);
      g_assert_null (strstr (run.err, "CRITICAL"));
      g_assert_null (strstr (run.err, "WARNING"));
      g_assert_cmpstr (run.out, ==, "");
      after = dump_default_database ();
      g_assert_cmpstr (before, ==, after);

      run_samenspel (&map, "export", "--format=map-png", "--output", png, path, NULL);
      if (map.status != 1 || g_strcmp0 (map.err, run.err) != 0)
        g_error ("%s: map export exit %d, “%s” instead of “%s”", name, map.status, map.err, run.err);
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
      n++;
    }

  g_assert_cmpuint (n, >=, 50);
}

/* A link to /dev/zero and a FIFO without a writer: refused at once with
 * one line, never read forever or waited on. */
static void
test_special_files (void)
{
  g_autofree char *zero = outfile ("zero.samenspel");
  g_autofree char *fifo = outfile ("fifo.samenspel");
  const char *const files[] = { zero, fifo };

  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *base = g_path_get_basename (files[i]);

      run_samenspel (&run, "import", files[i], NULL);
      g_assert_cmpint (run.status, ==, 1);
      assert_one_line (run.err);
      g_assert_nonnull (strstr (run.err, base));
      g_assert_nonnull (strstr (run.err, "not an ordinary file"));
    }
}

/* A damaged database is named in the one line of the error, so that the
 * coach (or the script's log) knows which file to rescue. */
static void
test_damaged_database (void)
{
  g_autofree char *uuid = make_sample ();
  g_autofree char *path = sam_store_dup_default_path ();
  g_autofree char *out = outfile ("never.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };
  gsize length = 0;

  /* Every page after the first (the schema) becomes garbage. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0xa5, length - 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  run_samenspel (&run, "export", "--format=pdf", "--output", out, uuid, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  expected = g_strdup_printf ("samenspel: %s: database disk image is malformed\n", path);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_usage (void)
{
  const char *cases[][5] = {
    { "export", NULL },
    { "export", "--format=docx", "--output=x", "w", NULL },
    { "export", "--format=pdf", "w", NULL },
    { "export", "--format=pdf", "--output=x", NULL },
    { "export", "--format=pdf", "--output=x", "a", "b" },
    { "export", "--colour", NULL },
    { "import", NULL },
    { "import", "a.samenspel", "b.samenspel", NULL },
    { "export", "--format=pdf", "--lang=xx", "--output=x", "w" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_samenspel (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "samenspel: "));
      g_assert_nonnull (strstr (run.err, "--help"));
    }
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_samenspel (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "samenspel export --format=FORMAT [--lang=LANG] --output=OUT SOURCE"));
  g_assert_nonnull (strstr (run.out, "--lang=LANG"));
  g_assert_nonnull (strstr (run.out, "samenspel import"));
  g_assert_nonnull (strstr (run.out, "map-svg"));
  g_assert_nonnull (strstr (run.out, "Exit status"));
}

/* --lang gives the report and the agreements in the readers' language
 * while the command itself speaks English. */
static void
test_report_language (void)
{
  g_autofree char *uuid = make_sample ();
  g_autofree char *pdf = outfile ("rapport.pdf");
  g_autofree char *csv = outfile ("afspraken.csv");
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) csv_run = { 0 };

  run_samenspel (&run, "export", "--format=pdf", "--lang=nl", "--output", pdf, uuid, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = sam_sample_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "De dag in één oogopslag"));
  g_assert_nonnull (strstr (text, "Pagina 1 van "));
  g_assert_nonnull (strstr (text, "1 december 2026"));
  g_assert_null (strstr (text, "The Day at a Glance"));

  run_samenspel (&csv_run, "export", "--format=csv", "--lang=nl", "--output", csv, uuid, NULL);
  g_assert_cmpint (csv_run.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfWat,Teams,Wie,"));
}

/* A workshop held in French (made from a French template) is written in
 * French when no --lang is given, by uuid and from its file, which keeps
 * the language; a file from before workshops had a language (no such
 * member) still imports, and its report is in the command's language. */
static void
test_workshop_language (void)
{
  g_autofree char *json = outfile ("atelier.samenspel");
  g_autofree char *old = outfile ("ancien.samenspel");
  g_autofree char *pdf = outfile ("atelier.pdf");
  g_autofree char *svg_fr = outfile ("atelier-fr.svg");
  g_autofree char *svg_en = outfile ("atelier-en.svg");
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fr_svg = NULL, *en_svg = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *workshop_member;

  {
    g_autofree char *path = sam_store_dup_default_path ();
    g_autoptr(SamStore) store = sam_store_open (path, &error);
    SamWorkshop *workshop;

    g_assert_no_error (error);
    workshop = sam_sample_workshop_new (store, "Atelier");
    g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_LANGUAGE, "fr", &error));
    g_assert_no_error (error);
    uuid = g_strdup (sam_workshop_get_uuid (workshop));
  }

  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format=pdf", "--output", pdf, uuid, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = sam_sample_pdf_text (pdf);
    g_assert_nonnull (strstr (text, "La journée en un coup d’œil"));
    g_assert_nonnull (strstr (text, "Le client"));
    g_assert_null (strstr (text, "The Day at a Glance"));
    g_clear_pointer (&text, g_free);
  }
  {
    g_auto(Run) run = { 0 };

    /* --lang still decides. */
    run_samenspel (&run, "export", "--format=pdf", "--lang=en", "--output", pdf, uuid, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = sam_sample_pdf_text (pdf);
    g_assert_nonnull (strstr (text, "The Day at a Glance"));
    g_clear_pointer (&text, g_free);
  }
  {
    g_auto(Run) fr = { 0 };
    g_auto(Run) en = { 0 };

    /* The map too: its legend's words are other glyphs. */
    run_samenspel (&fr, "export", "--format=map-svg", "--output", svg_fr, uuid, NULL);
    run_samenspel (&en, "export", "--format=map-svg", "--lang=en", "--output", svg_en, uuid, NULL);
    g_assert_cmpint (fr.status, ==, 0);
    g_assert_cmpint (en.status, ==, 0);
    g_assert_true (g_file_get_contents (svg_fr, &fr_svg, NULL, NULL));
    g_assert_true (g_file_get_contents (svg_en, &en_svg, NULL, NULL));
    g_assert_cmpstr (fr_svg, !=, en_svg);
  }
  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format=json", "--output", json, uuid, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  /* The file keeps the language, and a report from it is French. */
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);
  workshop_member = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "workshop");
  g_assert_cmpstr (json_object_get_string_member (workshop_member, "language"), ==, "fr");
  {
    g_auto(Run) run = { 0 };

    run_samenspel (&run, "export", "--format=pdf", "--output", pdf, json, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = sam_sample_pdf_text (pdf);
    g_assert_nonnull (strstr (text, "La journée en un coup d’œil"));
    g_clear_pointer (&text, g_free);
  }

  /* An older file, without the member. */
  json_object_remove_member (workshop_member, "language");
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_generator_set_root (generator, json_parser_get_root (parser));
    g_assert_true (json_generator_to_file (generator, old, &error));
    g_assert_no_error (error);
  }
  {
    g_auto(Run) import = { 0 };
    g_auto(Run) run = { 0 };

    run_samenspel (&import, "import", old, NULL);
    g_assert_cmpint (import.status, ==, 0);
    run_samenspel (&run, "export", "--format=pdf", "--output", pdf, old, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = sam_sample_pdf_text (pdf);
    g_assert_nonnull (strstr (text, "The Day at a Glance"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_cmpint (argc, ==, 3);
  binary = argv[1];
  corpus = argv[2];
  /* The catalogues compiled in the build folder. */
  if (g_getenv ("SAMENSPEL_LOCALEDIR") == NULL)
    {
      g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      g_setenv ("SAMENSPEL_LOCALEDIR", po, TRUE);
    }

  g_test_add_func ("/sam/cli/every-format", test_every_format);
  g_test_add_func ("/sam/cli/map-reproducible", test_map_reproducible);
  g_test_add_func ("/sam/cli/import", test_import);
  g_test_add_func ("/sam/cli/bad-input", test_bad_input);
  g_test_add_func ("/sam/cli/damaged-database", test_damaged_database);
  g_test_add_func ("/sam/cli/every-bad-file", test_every_bad_file);
  g_test_add_func ("/sam/cli/special-files", test_special_files);
  g_test_add_func ("/sam/cli/usage", test_usage);
  g_test_add_func ("/sam/cli/help", test_help);
  g_test_add_func ("/sam/cli/report-language", test_report_language);
  g_test_add_func ("/sam/cli/workshop-language", test_workshop_language);

  return g_test_run ();
}
