/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-csv.h"
#include "sam-map-loader.h"
#include "sam-palette.h"
#include "sam-report-private.h"
#include "sam-store-decide.h"

/* The report: a cover, the agenda at a glance, then one section per step
 * with what the room wrote down, in the exercise's own words.  The sections
 * live in sam-report-sections.c. */

/* The exercise names, as the app shows them (same message ids). */
static const struct {
  const char *kind;
  const char *title;
} exercises[] = {
  { "custom", N_("Free Step") },
  { "changes", N_("Changes and Impact") },
  { "team-perspective", N_("In the Other Team’s Shoes") },
  { "customer-walk", N_("In the Customer’s Shoes") },
  { "strengths", N_("Strengths and Challenges") },
  { "beliefs", N_("Us and Them") },
  { "map", N_("Relationship Map") },
  { "brainstorm", N_("Brainstorm") },
  { "agreements", N_("Concrete Agreements") },
  { "achieve-avoid", N_("What We Want to Achieve or Avoid") },
  { "absent", N_("Bring the Absent Colleagues Along") },
  { "checklist", N_("Team and Leadership Checklists") },
  { "customer-voice", N_("The Customer’s Voice") },
};

static const char *
exercise_title (SamReport  *report,
                const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (exercises); i++)
    if (g_strcmp0 (exercises[i].kind, kind) == 0)
      return _(exercises[i].title);

  return NULL;
}

const char *
_sam_report_keep (SamReport *report,
                  char      *text)
{
  g_ptr_array_add (report->strings, text);
  return text;
}

const char *
_sam_report_team_name (SamReport  *report,
                       gint64      team_id,
                       const char *none)
{
  SamTeam *team = g_hash_table_lookup (report->teams, &team_id);

  return team ? sam_team_get_name (team) : none;
}

const char *
_sam_report_team_colour (SamReport *report,
                         gint64     team_id)
{
  SamTeam *team = g_hash_table_lookup (report->teams, &team_id);

  if (team == NULL)
    return NULL;

  return _sam_report_keep (report, sam_palette_get_css (sam_team_get_colour (team)));
}

void
_sam_report_empty (SamReport *report)
{
  sam_document_add_paragraph (report->document, SAM_TEXT_STYLE_MUTED,
                              _("Nothing was written down in this step."));
}

/* The month names of a date, in the report's language: the report's
 * language is not the UI's, so LC_TIME cannot name them. */
static const char *months[] = {
  NC_("month in a date", "January"), NC_("month in a date", "February"),
  NC_("month in a date", "March"), NC_("month in a date", "April"),
  NC_("month in a date", "May"), NC_("month in a date", "June"),
  NC_("month in a date", "July"), NC_("month in a date", "August"),
  NC_("month in a date", "September"), NC_("month in a date", "October"),
  NC_("month in a date", "November"), NC_("month in a date", "December"),
};

/**
 * _sam_report_format_date:
 * @report: the report
 * @date: (nullable): an ISO 8601 date, "2026-12-01"
 *
 * Writes @date as the report's reader writes dates ("1 December 2026",
 * "1. Dezember 2026"); text that is no date is kept as it is.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL for none
 */
char *
_sam_report_format_date (SamReport  *report,
                         const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso = NULL;
  const char *month;

  if (date == NULL || *date == '\0')
    return NULL;

  iso = g_strdup_printf ("%sT12:00:00Z", date);
  time = g_date_time_new_from_iso8601 (iso, NULL);
  if (time == NULL)
    return g_strdup (date);

  month = sam_catalog_pgettext (report->catalog, "month in a date",
                                months[g_date_time_get_month (time) - 1]);
  /* Translators: a date in the report, e.g. "1 December 2026": %1$d is
   * the day of the month, %2$s the month's name, %3$d the year.  Reorder
   * them with the numbers, e.g. "%2$s %1$d, %3$d" for "December 1, 2026". */
  return g_strdup_printf (_("%1$d %2$s %3$d"), g_date_time_get_day_of_month (time), month,
                          g_date_time_get_year (time));
}

static void
add_cover (SamReport *report)
{
  SamWorkshop *workshop = report->workshop;
  GListModel *teams = sam_store_get_teams (report->store, workshop);
  g_autofree char *date = _sam_report_format_date (report, sam_workshop_get_date (workshop));
  const char *organisation = sam_workshop_get_organisation (workshop);

  sam_document_set_cover (report->document,
                          *organisation ? organisation : NULL,
                          date,
                          *sam_workshop_get_coach (workshop) ? sam_workshop_get_coach (workshop) : NULL,
                          _("Confidential: for the people who took part in this workshop"));

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);
      g_autofree char *colour = sam_palette_get_css (sam_team_get_colour (team));

      sam_document_add_cover_team (report->document, sam_team_get_name (team), colour);
      g_hash_table_insert (report->teams, g_memdup2 (&(gint64) { sam_team_get_id (team) }, sizeof (gint64)),
                           g_object_ref (team));
    }
}

static void
add_agenda (SamReport  *report,
            GListModel *steps)
{
  const char *titles[] = { _("Step"), _("Exercise"), _("Time"), NULL };
  const double ratios[] = { 0.5, 0.35, 0.15 };
  g_autoptr(SamTable) table = sam_table_new (titles);

  sam_table_set_column_ratios (table, ratios, G_N_ELEMENTS (ratios));
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);
      const char *exercise = exercise_title (report, sam_step_get_kind (step));
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, sam_step_get_title (step));
      g_autofree char *minutes = g_strdup_printf (sam_catalog_ngettext (report->catalog, "%u minute", "%u minutes",
                                                               sam_step_get_minutes (step)),
                                                  sam_step_get_minutes (step));
      const char *cells[] = { title, exercise ? exercise : "", minutes, NULL };

      sam_table_add_row (table, cells, NULL);
    }

  sam_document_add_heading (report->document, 1, _("The Day at a Glance"));
  sam_document_add_paragraph (report->document, SAM_TEXT_STYLE_NORMAL,
                              _("The agenda the teams worked through, with the time each step had."));
  sam_document_add_table (report->document, table);
}

static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

/* Steps of one kind show their own section; where they have nothing of
 * that kind (or the kind is unknown), the cards are listed generically. */
static void
add_step (SamReport *report,
          SamStep   *step,
          guint      number)
{
  const char *kind = sam_step_get_kind (step);
  const char *exercise = exercise_title (report, kind);
  g_autofree char *heading = g_strdup_printf ("%u. %s", number, sam_step_get_title (step));
  gboolean shown = FALSE;

  sam_document_add_heading (report->document, 1, heading);
  if (exercise != NULL && !same_words (exercise, sam_step_get_title (step)))
    sam_document_add_paragraph (report->document, SAM_TEXT_STYLE_MUTED, exercise);
  if (*sam_step_get_instructions (step) != '\0')
    sam_document_add_key_value (report->document, _("Instructions for the room"), sam_step_get_instructions (step));

  if (g_str_equal (kind, "changes"))
    shown = _sam_report_changes (report, step);
  else if (g_str_equal (kind, "team-perspective"))
    shown = _sam_report_perspective (report, step);
  else if (g_str_equal (kind, "customer-walk"))
    shown = _sam_report_walk (report, step);
  else if (g_str_equal (kind, "strengths"))
    shown = _sam_report_strengths (report, step);
  else if (g_str_equal (kind, "beliefs"))
    shown = _sam_report_beliefs (report, step);
  else if (g_str_equal (kind, "map"))
    shown = _sam_report_map (report, step);
  else if (g_str_equal (kind, "brainstorm"))
    shown = _sam_report_brainstorm (report, step);
  else if (g_str_equal (kind, "agreements"))
    {
      /* A follow-up workshop reviews the last one's agreements here. */
      shown = _sam_report_reviews (report, step);
      shown |= _sam_report_agreements (report, step);
    }
  else if (g_str_equal (kind, "absent"))
    shown = _sam_report_absent (report, step);
  else if (g_str_equal (kind, "checklist"))
    shown = _sam_report_checklist (report, step);
  else if (g_str_equal (kind, "customer-voice"))
    shown = _sam_report_feedback (report, step);

  /* Achieve/avoid statements may sit in any step. */
  shown |= _sam_report_statements (report, step);
  if (!shown && !_sam_report_cards (report, step) && g_strcmp0 (kind, "custom") != 0)
    _sam_report_empty (report);
}

/**
 * sam_report_build:
 * @store: the database
 * @workshop: the workshop to report on
 * @catalog: (nullable): the language of the report; %NULL for the UI's
 * @error: return location for a #GError
 *
 * Builds the report of @workshop: a cover with the organisation, the date,
 * the teams and the coach; the agenda; one section per step.  The
 * document is frozen, so it can be written from a worker thread.
 *
 * Returns: (transfer full) (nullable): the document
 */
SamDocument *
sam_report_build (SamStore     *store,
                  SamWorkshop  *workshop,
                  SamCatalog   *catalog,
                  GError      **error)
{
  g_autoptr(SamDocument) document = NULL;
  g_autoptr(GHashTable) teams = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  GListModel *steps;
  SamReport data;
  SamReport *report = &data;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  document = sam_document_new (sam_workshop_get_name (workshop));
  sam_document_set_catalog (document, catalog);
  teams = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  strings = g_ptr_array_new_with_free_func (g_free);
  data = (SamReport) { store, workshop, document, teams, strings, catalog };

  add_cover (report);
  steps = sam_store_get_steps (store, workshop);
  if (g_list_model_get_n_items (steps) > 0)
    add_agenda (report, steps);
  else
    sam_document_add_paragraph (document, SAM_TEXT_STYLE_MUTED, _("This workshop has no agenda yet."));

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      add_step (report, step, i + 1);
    }

  sam_document_freeze (document);
  return g_steal_pointer (&document);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (sam_document_write_pdf_finish (SAM_DOCUMENT (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sam_report_write_pdf_async:
 * @store: the database
 * @workshop: the workshop to report on
 * @catalog: (nullable): the language of the report; %NULL for the UI's
 * @file: the PDF to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the PDF is written
 * @user_data: data for @callback
 *
 * Builds the report (reading the store here, in the main thread) and
 * writes it as PDF in a worker thread.
 */
void
sam_report_write_pdf_async (SamStore            *store,
                            SamWorkshop         *workshop,
                            SamCatalog          *catalog,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(SamDocument) document = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, sam_report_write_pdf_async);
  document = sam_report_build (store, workshop, catalog, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  sam_document_write_pdf_async (document, file, cancellable, write_done_cb, g_steal_pointer (&task));
}

gboolean
sam_report_write_pdf_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static const char *
status_name (SamReport *report,
             int        status)
{
  switch (status)
    {
    case SAM_AGREEMENT_IN_PROGRESS:
      return _("In progress");
    case SAM_AGREEMENT_KEPT:
      return _("Kept");
    case SAM_AGREEMENT_NOT_KEPT:
      return _("Not kept");
    case SAM_AGREEMENT_AGREED:
    default:
      return _("Agreed");
    }
}

static char *
agreement_teams (SamReport    *report,
                 SamAgreement *agreement)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = 0;
  const gint64 *ids = sam_agreement_get_team_ids (agreement, &n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, (gpointer) _sam_report_team_name (report, ids[i], ""));
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

/**
 * sam_report_dup_agreements_csv:
 * @store: the database
 * @workshop: a workshop
 * @catalog: (nullable): the language of the header and the states; %NULL
 *   for the UI's
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the workshop's agreements as CSV (UTF-8 with a
 *   byte order mark, for spreadsheets), one row per agreement
 */
GBytes *
sam_report_dup_agreements_csv (SamStore     *store,
                               SamWorkshop  *workshop,
                               SamCatalog   *catalog,
                               GError      **error)
{
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(GHashTable) teams = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  SamReport data = { store, workshop, NULL, teams, strings, catalog };
  SamReport *report = &data;
  const char *header[] = { _("What"), _("Teams"), _("Who"), _("By when"), _("How we verify"),
                           _("Status"), _("Review date"), NULL };
  GListModel *team_list = sam_store_get_teams (store, workshop);
  GString *csv = sam_csv_string_new (SAM_CSV_FLAGS_BOM);

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (team_list); i++)
    {
      SamTeam *team = g_list_model_get_item (team_list, i);

      g_hash_table_insert (teams, g_memdup2 (&(gint64) { sam_team_get_id (team) }, sizeof (gint64)), team);
    }

  sam_csv_string_append_row (csv, header, SAM_CSV_FLAGS_NONE);
  agreements = sam_store_list_workshop_agreements (store, workshop);
  for (guint i = 0; agreements != NULL && i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(SamAgreement) agreement = g_list_model_get_item (agreements, i);
      g_autofree char *names = agreement_teams (report, agreement);
      const char *row[] = {
        sam_agreement_get_what (agreement), names, sam_agreement_get_owner (agreement),
        sam_agreement_get_due (agreement), sam_agreement_get_verification (agreement),
        status_name (report, sam_agreement_get_status (agreement)), sam_agreement_get_review_date (agreement), NULL
      };

      sam_csv_string_append_row (csv, row, SAM_CSV_FLAGS_NONE);
    }

  return g_string_free_to_bytes (csv);
}

/**
 * sam_report_write_agreements_csv:
 * @store: the database
 * @workshop: a workshop
 * @catalog: (nullable): the language of the CSV's words; %NULL for the UI's
 * @file: the CSV file to write; replaced
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the file was written
 */
gboolean
sam_report_write_agreements_csv (SamStore     *store,
                                 SamWorkshop  *workshop,
                                 SamCatalog   *catalog,
                                 GFile        *file,
                                 GError      **error)
{
  g_autoptr(GBytes) csv = sam_report_dup_agreements_csv (store, workshop, catalog, error);

  if (csv == NULL)
    return FALSE;

  return g_file_replace_contents (file, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

static gboolean
export_map (SamMapModel   *model,
            const char    *title,
            GFile         *file,
            SamMapFormat   format,
            SamCatalog    *catalog,
            GError       **error)
{
  SamMapExportOptions options;

  sam_map_export_options_init (&options, format, SAM_MAP_PAPER_PROJECTOR);
  options.title = title;
  options.show_legend = TRUE;
  options.catalog = catalog;
  return sam_map_export (model, file, &options, NULL, error);
}

/**
 * sam_report_export_map:
 * @store: the database
 * @workshop: a workshop
 * @file: the image to write
 * @format: PNG, SVG or PDF
 * @catalog: (nullable): the readers' language, or %NULL for the UI's
 * @error: return location for a #GError
 *
 * Writes the workshop's relationship map for a projector (1920 × 1080),
 * with its legend, in @catalog's language.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
sam_report_export_map (SamStore      *store,
                       SamWorkshop   *workshop,
                       GFile         *file,
                       SamMapFormat   format,
                       SamCatalog    *catalog,
                       GError       **error)
{
  g_autoptr(SamMapLoader) loader = sam_map_loader_load (store, workshop, error);

  if (loader == NULL)
    return FALSE;

  return export_map (sam_map_loader_get_model (loader), sam_workshop_get_name (workshop), file, format,
                     catalog, error);
}

/**
 * sam_report_export_file_map:
 * @source: a workshop file, as sam_workshop_file_load() read it
 * @file: the image to write
 * @format: PNG, SVG or PDF
 * @catalog: (nullable): the readers' language, or %NULL for the UI's
 * @error: return location for a #GError
 *
 * Like sam_report_export_map() for the workshop in @source, read straight
 * from the file (sam_map_loader_load_file()): the same picture as after
 * importing the file with its uuids, without a database.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
sam_report_export_file_map (SamWorkshopFile  *source,
                            GFile            *file,
                            SamMapFormat      format,
                            SamCatalog       *catalog,
                            GError          **error)
{
  g_autoptr(SamMapModel) model = sam_map_loader_load_file (source, error);

  if (model == NULL)
    return FALSE;

  return export_map (model, sam_workshop_file_get_workshop_name (source), file, format, catalog, error);
}
