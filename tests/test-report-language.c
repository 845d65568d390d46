/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sam-catalog.h"
#include "sam-store-decide.h"
#include "sam-report.h"
#include "sam-sample-workshop.h"
#include "sam-store-checklist.h"

/* The report in its readers' language while the UI speaks English: the
 * message catalogue read without gettext (contexts, plural rules, damaged
 * files), and the report and the agreements built through it. */

static const char *test_po =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n"
  "\n"
  "msgid \"Card\"\n"
  "msgstr \"Karta\"\n"
  "\n"
  "msgctxt \"month in a date\"\n"
  "msgid \"May\"\n"
  "msgstr \"maja\"\n"
  "\n"
  "msgid \"May\"\n"
  "msgstr \"Może\"\n"
  "\n"
  "msgid \"%u card\"\n"
  "msgid_plural \"%u cards\"\n"
  "msgstr[0] \"%u karta\"\n"
  "msgstr[1] \"%u karty\"\n"
  "msgstr[2] \"%u kart\"\n";

/* @po compiled by msgfmt, or NULL (the test is skipped) without it. */
static GBytes *
compile_po (const char *po)
{
  g_autofree char *dir = g_dir_make_tmp ("sam-catalog-XXXXXX", NULL);
  g_autofree char *po_path = g_build_filename (dir, "test.po", NULL);
  g_autofree char *mo_path = g_build_filename (dir, "test.mo", NULL);
  const char *argv[] = { "msgfmt", "-o", mo_path, po_path, NULL };
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize size = 0;
  int status = 0;

  g_assert_true (g_file_set_contents (po_path, po, -1, NULL));
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, &status, &error))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (mo_path, &contents, &size, NULL));
  g_unlink (po_path);
  g_unlink (mo_path);
  g_rmdir (dir);
  return g_bytes_new_take (contents, size);
}

static void
test_lookup (void)
{
  g_autoptr(GBytes) mo = compile_po (test_po);
  g_autoptr(SamCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  const struct { gulong n; const char *form; } forms[] = {
    { 1, "%u karta" }, { 2, "%u karty" }, { 4, "%u karty" }, { 5, "%u kart" },
    { 12, "%u kart" }, { 22, "%u karty" }, { 0, "%u kart" }, { 111, "%u kart" },
  };

  if (mo == NULL)
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }

  catalog = sam_catalog_new_from_bytes ("pl", mo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_catalog_get_language (catalog), ==, "pl");
  g_assert_cmpstr (sam_catalog_gettext (catalog, "Card"), ==, "Karta");
  g_assert_cmpstr (sam_catalog_gettext (catalog, "Not there"), ==, "Not there");
  /* The same msgid with and without a context are two messages. */
  g_assert_cmpstr (sam_catalog_gettext (catalog, "May"), ==, "Może");
  g_assert_cmpstr (sam_catalog_pgettext (catalog, "month in a date", "May"), ==, "maja");
  g_assert_cmpstr (sam_catalog_pgettext (catalog, "other", "May"), ==, "May");
  /* The header entry is no message. */
  g_assert_cmpstr (sam_catalog_gettext (catalog, ""), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    g_assert_cmpstr (sam_catalog_ngettext (catalog, "%u card", "%u cards", forms[i].n), ==, forms[i].form);
  g_assert_cmpstr (sam_catalog_ngettext (catalog, "%u team", "%u teams", 1), ==, "%u team");
  g_assert_cmpstr (sam_catalog_ngettext (catalog, "%u team", "%u teams", 3), ==, "%u teams");
}

/* A .mo file of @n msgid/msgstr pairs, little-endian, written here: msgfmt
 * refuses the broken plural rules below. */
static GBytes *
build_mo (const char * const *pairs,
          guint32             n)
{
  GByteArray *mo = g_byte_array_new ();
  guint32 header[5] = { 0x950412de, 0, n, 20, 20 + 8 * n };
  guint32 offset = 20 + 16 * n;

  g_byte_array_append (mo, (const guint8 *) header, sizeof header);
  for (guint table = 0; table < 2; table++)
    for (guint32 i = 0; i < n; i++)
      {
        const char *text = pairs[2 * i + table];
        guint32 entry[2] = { strlen (text), 0 };

        /* msgid_plural after a NUL, as msgfmt writes plural entries */
        if (table == 0 && g_str_equal (text, "%u card"))
          entry[0] = strlen ("%u card") + 1 + strlen ("%u cards");
        else if (table == 1 && g_str_equal (text, "one"))
          entry[0] = strlen ("one") + 1 + strlen ("more");
        entry[1] = offset;
        offset += entry[0] + 1;
        g_byte_array_append (mo, (const guint8 *) entry, sizeof entry);
      }
  for (guint table = 0; table < 2; table++)
    for (guint32 i = 0; i < n; i++)
      {
        const char *text = pairs[2 * i + table];

        if (table == 0 && g_str_equal (text, "%u card"))
          g_byte_array_append (mo, (const guint8 *) "%u card\0%u cards", strlen ("%u card") + 1 + strlen ("%u cards"));
        else if (table == 1 && g_str_equal (text, "one"))
          g_byte_array_append (mo, (const guint8 *) "one\0more", strlen ("one") + 1 + strlen ("more"));
        else
          g_byte_array_append (mo, (const guint8 *) text, strlen (text));
        g_byte_array_append (mo, (const guint8 *) "", 1);
      }

  return g_byte_array_free_to_bytes (mo);
}

/* Plural rules the catalogue does not accept fall back to n != 1 rather
 * than failing the whole language. */
static void
test_bad_plural_rule (void)
{
  const char *rules[] = {
    "nplurals=2; plural=n +;", "nplurals=2; plural=(n != 1;", "nplurals=2; plural=system(n);",
    "nplurals=2; plural=((((((((((((((((((((((((((((((((((((((n))))))))))))))))))))))))))))))))))))));",
    "nplurals=0; plural=0;", "nplurals=2; plural=n | 1;",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *header = g_strdup_printf ("Content-Type: text/plain; charset=UTF-8\n"
                                                 "Plural-Forms: %s\n", rules[i]);
      const char *pairs[] = { "", header, "%u card", "one" };
      g_autoptr(GBytes) mo = build_mo (pairs, 2);
      g_autoptr(GError) error = NULL;
      g_autoptr(SamCatalog) catalog = sam_catalog_new_from_bytes ("xx", mo, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sam_catalog_ngettext (catalog, "%u card", "%u cards", 1), ==, "one");
      g_assert_cmpstr (sam_catalog_ngettext (catalog, "%u card", "%u cards", 7), ==, "more");
    }
}

/* Division by zero in a rule gives 0, not a trap. */
static void
test_plural_division_by_zero (void)
{
  const char *pairs[] = {
    "", "Plural-Forms: nplurals=2; plural=n / 0 + n % 0 + (n != 1);\n", "%u card", "one"
  };
  g_autoptr(GBytes) mo = build_mo (pairs, 2);
  g_autoptr(SamCatalog) catalog = sam_catalog_new_from_bytes ("xx", mo, NULL);

  g_assert_cmpstr (sam_catalog_ngettext (catalog, "%u card", "%u cards", 1), ==, "one");
  g_assert_cmpstr (sam_catalog_ngettext (catalog, "%u card", "%u cards", 3), ==, "more");
}

/* Every single-byte change and every truncation of a .mo file either loads
 * or fails with an error; lookups in what loads stay within the file. */
static void
test_damaged (void)
{
  g_autoptr(GBytes) mo = compile_po (test_po);
  gsize size;
  const guint8 *data;
  guint loaded = 0, refused = 0;

  if (mo == NULL)
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }
  data = g_bytes_get_data (mo, &size);

  for (gsize i = 0; i < size; i++)
    for (guint variant = 0; variant < 3; variant++)
      {
        g_autofree guint8 *copy = g_memdup2 (data, size);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(SamCatalog) catalog = NULL;
        g_autoptr(GError) error = NULL;
        gsize length = size;

        if (variant == 0)
          copy[i] ^= 0xff;
        else if (variant == 1)
          copy[i] = 0x7f;
        else
          length = i;
        bytes = g_bytes_new (copy, length);
        catalog = sam_catalog_new_from_bytes ("pl", bytes, &error);
        if (catalog == NULL)
          {
            g_assert_error (error, SAM_CATALOG_ERROR, SAM_CATALOG_ERROR_INVALID);
            refused++;
            continue;
          }
        loaded++;
        g_assert_nonnull (sam_catalog_gettext (catalog, "Card"));
        g_assert_nonnull (sam_catalog_pgettext (catalog, "month in a date", "May"));
        for (gulong n = 0; n < 30; n++)
          g_assert_true (g_utf8_validate (sam_catalog_ngettext (catalog, "%u card", "%u cards", n), -1, NULL));
      }

  g_assert_cmpuint (loaded, >, 0);
  g_assert_cmpuint (refused, >, 0);
}

static void
test_languages (void)
{
  g_auto(GStrv) languages = sam_catalog_list_languages ();
  g_autoptr(SamCatalog) english = sam_catalog_new ("en_GB", NULL);
  g_autoptr(SamCatalog) regional = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_strv_contains ((const char * const *) languages, "en"));
  g_assert_true (g_strv_contains ((const char * const *) languages, "nl"));
  g_assert_cmpstr (sam_catalog_gettext (english, "Kept"), ==, "Kept");

  regional = sam_catalog_new ("nl_BE", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_catalog_get_language (regional), ==, "nl");
  g_assert_cmpstr (sam_catalog_gettext (regional, "Kept"), ==, "Nagekomen");

  g_assert_null (sam_catalog_new ("xx", &error));
  g_assert_error (error, SAM_CATALOG_ERROR, SAM_CATALOG_ERROR_NO_LANGUAGE);
  g_clear_error (&error);
  g_assert_null (sam_catalog_new ("../../etc", &error));
  g_assert_error (error, SAM_CATALOG_ERROR, SAM_CATALOG_ERROR_NO_LANGUAGE);

  g_assert_cmpstr (sam_catalog_get_language_name ("de"), ==, "Deutsch");
  g_assert_cmpstr (sam_catalog_get_language_name ("xx"), ==, "xx");
}

/* One report per language from the same English UI. */
static void
check_report (const char         *language,
              const char * const *expected,
              const char * const *absent)
{
  g_autofree char *db = g_strdup_printf ("report-%s.db", language);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "samenspel", db, NULL);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "samenspel", "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);
  g_autoptr(SamCatalog) catalog = sam_catalog_new (language, &error);
  g_autoptr(SamDocument) document = NULL;
  g_autofree char *text = NULL;
  SamWorkshop *workshop;

  g_assert_no_error (error);
  workshop = sam_sample_workshop_new (store, "Colleagues and Customers");
  document = sam_report_build (store, workshop, catalog, &error);
  g_assert_no_error (error);
  g_assert_true (sam_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  /* The pages as images, for a person to look at. */
  if (g_getenv ("SAM_TEST_OUTDIR") != NULL)
    {
      g_mkdir_with_parents (g_getenv ("SAM_TEST_OUTDIR"), 0755);
      for (guint i = 0; i < sam_document_get_n_pages (document); i++)
        {
          g_autofree char *name = g_strdup_printf ("report-%s-page-%u.png", language, i + 1);
          g_autofree char *png = g_build_filename (g_getenv ("SAM_TEST_OUTDIR"), name, NULL);

          g_assert_true (sam_document_render_page_png (document, i, 1.5, png, &error));
          g_assert_no_error (error);
        }
    }

  text = sam_sample_pdf_text (pdf);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is not in the %s report:\n%s", expected[i], language, text);
  for (guint i = 0; absent[i] != NULL; i++)
    if (strstr (text, absent[i]) != NULL)
      g_error ("“%s” is in the %s report", absent[i], language);
}

static void
test_report_dutch (void)
{
  const char *expected[] = {
    "De dag in één oogopslag", "Pagina 2 van ", "1 december 2026", "1 maart 2027",
    "Onze afspraken", "minuten", NULL
  };
  const char *absent[] = { "The Day at a Glance", "Page 2 of", "December", NULL };

  check_report ("nl", expected, absent);
}

static gboolean
has_language (const char *language)
{
  g_auto(GStrv) languages = sam_catalog_list_languages ();

  return g_strv_contains ((const char * const *) languages, language);
}

/* The map in the report: the customer and the legend (quality and tension
 * words) in the readers' language too. */
static void
test_report_german (void)
{
  const char *expected[] = {
    "Der Tag im Überblick", "Seite 2 von ", "1. Dezember 2026", "1. März 2027", "Minuten",
    "Der Kunde", "Legende", "Läuft gut", "Etwas Spannung", "Hohe Spannung", NULL
  };
  const char *absent[] = {
    "The Day at a Glance", "Page 2 of", "December", "\nThe customer\n", "Works well", "Some tension",
    "High tension", "Strength that can", NULL
  };
  g_auto(GStrv) languages = sam_catalog_list_languages ();

  if (!g_strv_contains ((const char * const *) languages, "de"))
    {
      g_test_skip ("no German catalogue built");
      return;
    }
  check_report ("de", expected, absent);
}

static void
test_report_french (void)
{
  const char *expected[] = {
    "Le client", "Légende", "Fonctionne bien", "Un peu de tension", "Forte tension", NULL
  };
  const char *absent[] = {
    "The Day at a Glance", "\nThe customer\n", "Legend\n", "Works well", "Some tension", "High tension", NULL
  };

  if (!has_language ("fr"))
    {
      g_test_skip ("no French catalogue built");
      return;
    }
  check_report ("fr", expected, absent);
}

/* The map exported for a projector, as `samenspel export --lang=de` writes
 * it (here as PDF, whose text can be read back): legend, quality and
 * tension words and the customer in German. */
static void
test_map_export_german (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "samenspel", "map.db", NULL);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "samenspel", "map.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);
  g_autoptr(SamCatalog) catalog = NULL;
  g_autofree char *text = NULL;
  const char *expected[] = { "Der Kunde", "Legende", "Läuft gut", "Keine Spannung", "Hohe Spannung", NULL };
  const char *absent[] = { "\nThe customer\n", "Works well", "No tension", "High tension", "Beliefs of", NULL };
  SamWorkshop *workshop;

  if (!has_language ("de"))
    {
      g_test_skip ("no German catalogue built");
      return;
    }
  catalog = sam_catalog_new ("de", &error);
  g_assert_no_error (error);
  workshop = sam_sample_workshop_new (store, "Colleagues and Customers");
  g_assert_true (sam_report_export_map (store, workshop, file, SAM_MAP_FORMAT_PDF, catalog, &error));
  g_assert_no_error (error);

  text = sam_sample_pdf_text (pdf);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is not on the German map:\n%s", expected[i], text);
  for (guint i = 0; absent[i] != NULL; i++)
    if (strstr (text, absent[i]) != NULL)
      g_error ("“%s” is on the German map", absent[i]);
}

static void
answer_checklist (SamStore *store,
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

      g_assert_true (sam_store_set_checklist_score (store, item, team, person, 1 + (base + i) % 5, &error));
      g_assert_no_error (error);
    }
}

/* Numbers in a German report carry a decimal comma: the checklist's means
 * beside their spread, and how they moved since the earlier workshop. */
static void
test_checklist_decimal_comma (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open_in_memory (&error);
  g_autoptr(SamCatalog) catalog = NULL;
  g_autoptr(SamDocument) document = NULL;
  g_autoptr(GRegex) comma = g_regex_new ("[0-9],[0-9]", 0, 0, NULL);
  g_autoptr(GRegex) point = g_regex_new ("[0-9]\\.[0-9]", 0, 0, NULL);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "checklist-de.pdf", NULL);
  g_autofree char *text = NULL;
  SamWorkshop *workshop, *later;
  SamTeam *sales, *it;
  SamStep *step, *again;

  if (!has_language ("de"))
    {
      g_test_skip ("no German catalogue built");
      return;
    }
  catalog = sam_catalog_new ("de", &error);
  g_assert_no_error (error);
  workshop = sam_store_create_workshop (store, "Checklisten", &error);
  sales = sam_store_add_team (store, workshop, "Vertrieb", &error);
  it = sam_store_add_team (store, workshop, "IT", &error);
  step = sam_store_add_step (store, workshop, -1, "checklist", "Wie wir arbeiten", 20, "", "", &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_fill_checklist (store, step, "team", &error));
  answer_checklist (store, step, sales, 0, 0);
  answer_checklist (store, step, it, 1, 1);
  later = sam_decide_create_follow_up (store, workshop, &error);
  g_assert_no_error (error);
  again = sam_store_add_step (store, later, -1, "checklist", "Wie wir jetzt arbeiten", 20, "", "", &error);
  g_assert_true (sam_store_copy_checklist (store, again, sam_step_get_id (step), &error));
  {
    g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (store, later), 0);
    g_autoptr(SamTeam) other = g_list_model_get_item (sam_store_get_teams (store, later), 1);

    answer_checklist (store, again, team, 0, 2);
    answer_checklist (store, again, other, 1, 4);
  }

  document = sam_report_build (store, later, catalog, &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (sam_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);
  text = sam_sample_pdf_text (pdf);
  if (!g_regex_match (comma, text, 0, NULL))
    g_error ("no number with a decimal comma in the German report:\n%s", text);
  if (g_regex_match (point, text, 0, NULL))
    g_error ("a number with a decimal point in the German report:\n%s", text);
  g_assert_nonnull (strstr (text, " → "));
}

/* A workshop made from a template in another language is held in that
 * language; the store refuses what is no language code. */
static void
test_workshop_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open_in_memory (&error);
  SamWorkshop *workshop = sam_store_create_workshop (store, "Atelier", &error);
  SamWorkshop *copy;
  const char *bad[] = { "../x", "FR", "f", "fr_be", "français", "fr-BE", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (sam_workshop_get_language (workshop), ==, "");
  g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_LANGUAGE, "fr", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sam_workshop_get_language (workshop), ==, "fr");
  g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_LANGUAGE, "pt_BR", &error));
  g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_LANGUAGE, "fr", &error));
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_assert_false (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_LANGUAGE, bad[i], &error));
      g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpstr (sam_workshop_get_language (workshop), ==, "fr");
    }

  /* Its follow-up is held in the same language. */
  copy = sam_decide_create_follow_up (store, workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_workshop_get_language (copy), ==, "fr");
}

/* The UI stays English while the report is not. */
static void
test_report_english_ui (void)
{
  const char *expected[] = { "The Day at a Glance", "Page 2 of ", "1 December 2026", NULL };
  const char *absent[] = { "De dag", NULL };

  check_report ("en", expected, absent);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Kept"), ==, "Kept");
}

static void
test_agreements_csv (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "samenspel", "csv.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);
  g_autoptr(SamCatalog) catalog = sam_catalog_new ("nl", &error);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "CSV");
  g_autoptr(GBytes) csv = sam_report_dup_agreements_csv (store, workshop, catalog, &error);
  g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (lines[0], "\xef\xbb\xbfWat,Teams,Wie,"));
  g_assert_true (g_str_has_suffix (lines[1], ",Afgesproken,"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (g_getenv ("SAMENSPEL_LOCALEDIR") == NULL)
    {
      g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      g_setenv ("SAMENSPEL_LOCALEDIR", po, TRUE);
    }

  g_test_add_func ("/sam/catalog/lookup", test_lookup);
  g_test_add_func ("/sam/catalog/bad-plural-rule", test_bad_plural_rule);
  g_test_add_func ("/sam/catalog/division-by-zero", test_plural_division_by_zero);
  g_test_add_func ("/sam/catalog/damaged", test_damaged);
  g_test_add_func ("/sam/catalog/languages", test_languages);
  g_test_add_func ("/sam/report/language/dutch", test_report_dutch);
  g_test_add_func ("/sam/report/language/german", test_report_german);
  g_test_add_func ("/sam/report/language/french", test_report_french);
  g_test_add_func ("/sam/report/language/map-export-german", test_map_export_german);
  g_test_add_func ("/sam/report/language/checklist-decimal-comma", test_checklist_decimal_comma);
  g_test_add_func ("/sam/report/language/workshop-language", test_workshop_language);
  g_test_add_func ("/sam/report/language/english-ui", test_report_english_ui);
  g_test_add_func ("/sam/report/language/agreements-csv", test_agreements_csv);

  return g_test_run ();
}
