/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sam-cli.h"
#include "sam-report.h"
#include "sam-workshop-file.h"

/* `samenspel export` and `samenspel import`: the same work as the app's
 * menus, without a display and without a window.  The `samenspel` launcher
 * (sam-launcher.c) hands these over to samenspel-cli, which links no GTK.
 * Exit 0 on success, 1 with one line on stderr when the
 * input is bad or writing fails, 2 on wrong usage. */

enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2,
};

static const char *formats[] = { "pdf", "json", "csv", "map-png", "map-svg", NULL };

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage:\n"
                       "  samenspel                      Start the app\n"
                       "  samenspel FILE.samenspel       Start the app and open a workshop file\n"
                       "  samenspel export --format=FORMAT [--lang=LANG] --output=OUT SOURCE\n"
                       "  samenspel import FILE.samenspel\n"
                       "  samenspel --help"));
  g_print ("%s\n\n", _("SOURCE is a .samenspel workshop file, or a workshop on this computer given\n"
                       "by its UUID or by its exact name."));
  g_print ("%s\n\n", _("Formats of export:\n"
                       "  pdf       The workshop report (A4)\n"
                       "  json      The workshop file (.samenspel), to keep or to pass on\n"
                       "  csv       The agreements, one per row, for a spreadsheet\n"
                       "  map-png   The relationship map as a PNG image (1920 × 1080)\n"
                       "  map-svg   The relationship map as an SVG drawing"));
  g_print ("%s\n\n", _("--lang=LANG writes the report, the agreements and the map in another language\n"
                       "than the desktop’s: en, nl, fr, de, ... Without it, a workshop made from a\n"
                       "template in another language is written in that language."));
  g_print ("%s\n\n", _("import adds a workshop file to this computer: a whole workshop becomes a new\n"
                       "workshop, a team packet becomes the team’s workshop, and a team’s contribution\n"
                       "is merged into the workshop it came from. Existing workshops are never\n"
                       "overwritten."));
  g_print ("%s\n", _("Neither command needs a display. Exit status: 0 on success; 1 when the input\n"
                     "is wrong or the output cannot be written, with one line on standard error\n"
                     "naming the file, the place and the problem; 2 when the command is used wrongly."));
}

static int
usage_error (const char *message)
{
  g_printerr ("samenspel: %s\n", message);
  g_printerr ("%s\n", _("Try “samenspel --help” for how to use it."));
  return EXIT_USAGE;
}

static int
fail (const GError *error)
{
  g_autofree char *line = g_strdup (error->message);

  /* One line, always. */
  g_strdelimit (line, "\n\r", ' ');
  g_printerr ("samenspel: %s\n", line);
  return EXIT_BAD_INPUT;
}

static gboolean
is_file_source (const char *source)
{
  return g_str_has_suffix (source, SAM_WORKSHOP_FILE_EXTENSION) ||
         g_file_test (source, G_FILE_TEST_IS_REGULAR);
}

/* A workshop on this computer, by UUID or exact name. */
static SamWorkshop *
find_workshop (SamStore    *store,
               const char  *source,
               GError     **error)
{
  GListModel *workshops = sam_store_get_workshops (store);
  SamWorkshop *found = sam_store_find_workshop (store, source);
  guint n_named = 0;

  if (found != NULL)
    return found;

  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(SamWorkshop) workshop = g_list_model_get_item (workshops, i);

      if (g_strcmp0 (sam_workshop_get_name (workshop), source) == 0)
        {
          found = workshop;
          n_named++;
        }
    }

  if (n_named > 1)
    {
      g_set_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_WRONG_KIND,
                   _("“%s”: %u workshops have this name; give the UUID instead"), source, n_named);
      return NULL;
    }

  if (found == NULL)
    g_set_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_READ,
                 _("“%s”: there is no such file, and no workshop on this computer with this name or UUID"),
                 source);
  return found;
}

/* A workshop file is read into a throwaway database in memory, so the
 * report and the map are built by the same code as for workshops on this
 * computer.  Its uuids stay as they are: the same file gives the same
 * map layout, and the same export, every time. */
static SamWorkshop *
load_into_memory (SamWorkshopFile  *file,
                  SamStore        **store,
                  GError          **error)
{
  *store = sam_store_open_in_memory (error);
  if (*store == NULL)
    return NULL;

  return sam_workshop_file_import_as_is (file, *store, error);
}

static gboolean
write_output (SamStore     *store,
              SamWorkshop  *workshop,
              const char   *format,
              const char   *output,
              SamCatalog   *catalog,
              GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(SamCatalog) own = NULL;

  /* Without --lang, the workshop's own language (that of the template it
   * was made from); one this computer has no translation for gives the
   * desktop's. */
  if (catalog == NULL && *sam_workshop_get_language (workshop) != '\0')
    catalog = own = sam_catalog_new (sam_workshop_get_language (workshop), NULL);

  if (g_str_equal (format, "pdf"))
    {
      g_autoptr(SamDocument) document = sam_report_build (store, workshop, catalog, error);

      return document != NULL && sam_document_write_pdf (document, output, error);
    }
  if (g_str_equal (format, "json"))
    {
      g_autoptr(SamWorkshopFile) out = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_WORKSHOP,
                                                                         NULL, error);

      return out != NULL && sam_workshop_file_save (out, file, NULL, error);
    }
  if (g_str_equal (format, "csv"))
    return sam_report_write_agreements_csv (store, workshop, catalog, file, error);

  return sam_report_export_map (store, workshop, file,
                                g_str_equal (format, "map-svg") ? SAM_MAP_FORMAT_SVG : SAM_MAP_FORMAT_PNG,
                                catalog, error);
}

static int
run_export_source (const char *format,
                   const char *output,
                   const char *source,
                   SamCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autofree char *path = NULL;
  SamWorkshop *workshop;

  if (is_file_source (source))
    {
      g_autoptr(GFile) in = g_file_new_for_commandline_arg (source);
      g_autoptr(SamWorkshopFile) file = sam_workshop_file_load (in, NULL, &error);

      if (file == NULL)
        return fail (error);

      /* The file itself, checked, with its uuids as they are. */
      if (g_str_equal (format, "json"))
        {
          g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

          return sam_workshop_file_save (file, out, NULL, &error) ? EXIT_OK : fail (error);
        }

      /* The map straight from the file's rows, checked as an import
       * checks them: reading the file into a database first and the map
       * back out of it took a fifth of a large map's export. */
      if (g_str_has_prefix (format, "map-"))
        {
          g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
          g_autoptr(SamCatalog) own = NULL;
          const char *language = sam_workshop_file_get_workshop_language (file);

          /* Without --lang, the workshop's own language, as for a report. */
          if (catalog == NULL && *language != '\0')
            catalog = own = sam_catalog_new (language, NULL);
          return sam_report_export_file_map (file, out,
                                             g_str_equal (format, "map-svg") ? SAM_MAP_FORMAT_SVG : SAM_MAP_FORMAT_PNG,
                                             catalog, &error) ? EXIT_OK : fail (error);
        }

      workshop = load_into_memory (file, &store, &error);
      if (workshop == NULL || !write_output (store, workshop, format, output, catalog, &error))
        return fail (error);
      return EXIT_OK;
    }

  path = sam_store_dup_default_path ();
  store = sam_store_open (path, &error);
  if (store == NULL)
    return fail (error);

  workshop = find_workshop (store, source, &error);
  if (workshop == NULL)
    return fail (error);

  return write_output (store, workshop, format, output, catalog, &error) ? EXIT_OK : fail (error);
}

static int
run_export (int    argc,
            char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autoptr(SamCatalog) catalog = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, NULL, NULL },
    { NULL }
  };

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (format == NULL || !g_strv_contains (formats, format))
    return usage_error (_("--format must be one of pdf, json, csv, map-png, map-svg"));
  if (output == NULL || *output == '\0')
    return usage_error (_("--output must name the file to write"));
  /* argv: "samenspel" "export" SOURCE */
  if (argc != 3)
    return usage_error (argc < 3 ? _("export needs a SOURCE: a .samenspel file or a workshop")
                                 : _("export takes one SOURCE"));

  if (lang != NULL)
    {
      catalog = sam_catalog_new (lang, &error);
      if (catalog == NULL && g_error_matches (error, SAM_CATALOG_ERROR, SAM_CATALOG_ERROR_NO_LANGUAGE))
        return usage_error (error->message);
      if (catalog == NULL)
        return fail (error);
    }

  /* Pango reads the fontconfig setup (some 40 files) in a thread of its
   * own from the moment its font map exists: started now, that overlaps
   * with reading the workshop instead of holding up the first label. */
  if (!g_str_equal (format, "json") && !g_str_equal (format, "csv"))
    pango_cairo_font_map_get_default ();

  return run_export_source (format, output, argv[2], catalog);
}

static void
print_merge (const SamMergePlan *plan)
{
  g_print (g_dngettext (GETTEXT_PACKAGE, "Merged %u change from %s into “%s”.\n",
                        "Merged %u changes from %s into “%s”.\n", sam_merge_plan_get_n_changes (plan)),
           sam_merge_plan_get_n_changes (plan), plan->team_name, sam_workshop_get_name (plan->workshop));
  for (guint i = 0; i < plan->items->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (plan->items, i));
}

static int
run_import (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GFile) in = NULL;
  g_autofree char *path = NULL;
  SamWorkshop *workshop;

  if (argc != 3 || g_str_has_prefix (argv[2], "-"))
    return usage_error (argc < 3 ? _("import needs the .samenspel file to import")
                                 : _("import takes one file and no options"));

  in = g_file_new_for_commandline_arg (argv[2]);
  file = sam_workshop_file_load (in, NULL, &error);
  if (file == NULL)
    return fail (error);

  path = sam_store_dup_default_path ();
  store = sam_store_open (path, &error);
  if (store == NULL)
    return fail (error);

  if (sam_workshop_file_get_kind (file) == SAM_FILE_KIND_TEAM_CONTRIBUTION)
    {
      g_autoptr(SamMergePlan) plan = sam_workshop_file_plan_merge (file, store, &error);

      if (plan == NULL || !sam_workshop_file_merge (file, store, &error))
        return fail (error);
      print_merge (plan);
      return EXIT_OK;
    }

  workshop = sam_workshop_file_import (file, store, &error);
  if (workshop == NULL)
    return fail (error);

  g_print (_("Imported “%s” (%s).\n"), sam_workshop_get_name (workshop), sam_workshop_get_uuid (workshop));
  return EXIT_OK;
}

/**
 * sam_cli_run:
 * @argc: the argument count
 * @argv: the arguments, as main() got them
 *
 * Runs `export`, `import` or `--help` without a display.
 *
 * Returns: the exit status
 */
int
sam_cli_run (int    argc,
             char **argv)
{
  if (argc < 2)
    return usage_error (_("the command must be export, import or --help"));

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "export"))
    return run_export (argc, argv);
  if (g_str_equal (argv[1], "import"))
    return run_import (argc, argv);

  return usage_error (_("the command must be export, import or --help"));
}
