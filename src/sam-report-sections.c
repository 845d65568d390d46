/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-map-loader.h"
#include "sam-map-renderer.h"
#include "sam-report-private.h"
#include "sam-store-decide.h"

/* One function per exercise: the step's content as tables and short
 * paragraphs in the exercise's own words. */

static GPtrArray *
cards_of_kind (SamReport  *report,
               SamStep    *step,
               const char *kind)
{
  GListModel *cards = sam_store_get_cards (report->store, step);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      SamCard *card = g_list_model_get_item (cards, i);

      if (kind == NULL || g_strcmp0 (sam_card_get_kind (card), kind) == 0)
        g_ptr_array_add (result, card);
      else
        g_object_unref (card);
    }

  return result;
}

/* The items of @model, which may be %NULL, as an array for add_table(). */
static GPtrArray *
items_of (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

static char *
children_text (SamReport  *report,
               SamStep    *step,
               SamCard    *parent,
               const char *kind)
{
  g_autoptr(GPtrArray) children = cards_of_kind (report, step, kind);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < children->len; i++)
    {
      SamCard *child = g_ptr_array_index (children, i);

      if (sam_card_get_parent_id (child) != sam_card_get_id (parent))
        continue;
      g_string_append_printf (text, "%s• %s", text->len > 0 ? "\n" : "", sam_card_get_text (child));
    }

  return g_string_free (text, FALSE);
}

/* Adds the row (or no row) of @item, the @index-th of the section's items. */
typedef void (*AddRowFunc) (SamReport *report,
                            SamTable  *table,
                            gpointer   item,
                            guint      index,
                            gpointer   user_data);

/* The shape every table section shares: a table with a column per title,
 * sized by @ratios (one per title), a row per item as @add_row makes it;
 * then, when it has rows, the @heading and @intro (both nullable) and the
 * table go into the document.  Returns whether anything was added. */
static gboolean
add_table (SamReport          *report,
           const char         *heading,
           const char         *intro,
           const char * const *titles,
           const double       *ratios,
           GPtrArray          *items,
           AddRowFunc          add_row,
           gpointer            user_data)
{
  g_autoptr(SamTable) table = sam_table_new (titles);

  sam_table_set_column_ratios (table, ratios, sam_table_get_n_columns (table));
  for (guint i = 0; i < items->len; i++)
    add_row (report, table, g_ptr_array_index (items, i), i, user_data);

  if (sam_table_get_n_rows (table) == 0)
    return FALSE;

  if (heading != NULL)
    sam_document_add_heading (report->document, 2, heading);
  if (intro != NULL)
    sam_document_add_paragraph (report->document, SAM_TEXT_STYLE_NORMAL, intro);
  sam_document_add_table (report->document, table);
  return TRUE;
}

static void
add_change_row (SamReport *report,
                SamTable  *table,
                gpointer   item,
                guint      index,
                gpointer   step)
{
  SamCard *change = item;
  g_autofree char *impacts = children_text (report, step, change, "impact");
  const char *cells[] = { _sam_report_team_name (report, sam_card_get_team_id (change), ""),
                          sam_card_get_text (change), impacts, NULL };

  sam_table_add_row (table, cells, _sam_report_team_colour (report, sam_card_get_team_id (change)));
}

gboolean
_sam_report_changes (SamReport *report,
                     SamStep   *step)
{
  const char *titles[] = { _("Team"), _("What changes"), _("What it means for our work"), NULL };
  const double ratios[] = { 0.2, 0.4, 0.4 };
  g_autoptr(GPtrArray) changes = cards_of_kind (report, step, "change");

  return add_table (report, NULL, NULL, titles, ratios, changes, add_change_row, step);
}

static const char *
prompt_name (SamReport  *report,
             const char *prompt)
{
  static const struct { const char *prompt; const char *name; } prompts[] = {
    { "goals", N_("Their goals") },
    { "pressure", N_("Their pressure") },
    { "strengths", N_("Their strengths") },
    { "hard", N_("What makes their work hard") },
    { "needs", N_("What they need from us") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (prompts); i++)
    if (g_strcmp0 (prompts[i].prompt, prompt) == 0)
      return _(prompts[i].name);

  return prompt;
}

static void
add_perspective_row (SamReport *report,
                     SamTable  *table,
                     gpointer   item,
                     guint      index,
                     gpointer   user_data)
{
  SamCard *card = item;
  static const SamChipKind chips[] = { SAM_CHIP_NEUTRAL, SAM_CHIP_POSITIVE, SAM_CHIP_NEGATIVE, SAM_CHIP_INFO };
  const char *answers[] = { _("Open"), _("Recognised"), _("Not right"), _("Added") };
  guint response = CLAMP (sam_card_get_response (card), 0, 3);
  g_autofree char *seen = g_strdup_printf (_("%s (written by %s)"), sam_card_get_text (card),
                                           _sam_report_team_name (report, sam_card_get_team_id (card), "?"));
  g_autofree char *answer = *sam_card_get_detail (card)
                          ? g_strdup_printf ("%s: %s", answers[response], sam_card_get_detail (card))
                          : g_strdup (answers[response]);
  const char *cells[] = { _sam_report_team_name (report, sam_card_get_about_team_id (card), ""),
                          prompt_name (report, sam_card_get_prompt (card)), seen, answer, NULL };
  guint row = sam_table_add_row (table, cells,
                                 _sam_report_team_colour (report, sam_card_get_about_team_id (card)));

  if (*sam_card_get_detail (card) == '\0')
    sam_table_set_cell_chip (table, row, 3, chips[response]);
}

gboolean
_sam_report_perspective (SamReport *report,
                         SamStep   *step)
{
  const char *titles[] = { _("About"), _("Question"), _("How others see it"), _("Answer of the team"), NULL };
  const double ratios[] = { 0.17, 0.2, 0.38, 0.25 };
  g_autoptr(GPtrArray) cards = cards_of_kind (report, step, "perspective");

  return add_table (report, NULL,
                    _("Each team wrote how it sees another team’s work; that team then said "
                      "whether it recognised itself."),
                    titles, ratios, cards, add_perspective_row, NULL);
}

static void
add_walk_row (SamReport *report,
              SamTable  *table,
              gpointer   item,
              guint      index,
              gpointer   user_data)
{
  SamCard *card = item;
  guint *no_value = user_data;
  int value = sam_card_get_value (card);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  const char *cells[] = { number, sam_card_get_text (card), sam_card_get_detail (card),
                          value > 0 ? _("Value") : value < 0 ? _("No value") : _("Not decided"), NULL };
  guint row = sam_table_add_row (table, cells, NULL);

  sam_table_set_cell_chip (table, row, 3, value > 0 ? SAM_CHIP_POSITIVE
                                          : value < 0 ? SAM_CHIP_NEGATIVE : SAM_CHIP_NEUTRAL);
  *no_value += value < 0;
}

gboolean
_sam_report_walk (SamReport *report,
                  SamStep   *step)
{
  const char *titles[] = { _("#"), _("Step for the customer"), _("Why we do this"), _("Value"), NULL };
  const double ratios[] = { 0.06, 0.4, 0.36, 0.18 };
  g_autoptr(GPtrArray) cards = cards_of_kind (report, step, "customer-step");
  guint no_value = 0;

  if (!add_table (report, NULL, NULL, titles, ratios, cards, add_walk_row, &no_value))
    return FALSE;

  if (no_value > 0)
    sam_document_add_paragraph (report->document, SAM_TEXT_STYLE_NORMAL,
                                _sam_report_keep (report, g_strdup_printf (sam_catalog_ngettext (report->catalog,
                                  "The room found %u step that brings the customer nothing.",
                                  "The room found %u steps that bring the customer nothing.", no_value), no_value)));
  return TRUE;
}

/* A team's row: the strengths and challenges written about it (@user_data
 * holds the step's cards); no row when there are none. */
static void
add_strengths_row (SamReport *report,
                   SamTable  *table,
                   gpointer   item,
                   guint      index,
                   gpointer   user_data)
{
  SamTeam *team = item;
  GPtrArray *cards = user_data;
  g_autoptr(GString) strengths = g_string_new (NULL);
  g_autoptr(GString) challenges = g_string_new (NULL);
  const char *cells[4] = { sam_team_get_name (team), NULL, NULL, NULL };

  for (guint i = 0; i < cards->len; i++)
    {
      SamCard *card = g_ptr_array_index (cards, i);
      gboolean strength = g_strcmp0 (sam_card_get_kind (card), "strength") == 0;
      GString *into = strength ? strengths : challenges;

      if (sam_card_get_about_team_id (card) != sam_team_get_id (team) ||
          (!strength && g_strcmp0 (sam_card_get_kind (card), "challenge") != 0))
        continue;
      g_string_append_printf (into, "%s• %s", into->len ? "\n" : "", sam_card_get_text (card));
      if (sam_card_get_team_id (card) != 0 && sam_card_get_team_id (card) != sam_team_get_id (team))
        g_string_append_printf (into, _(" (seen by %s)"),
                                _sam_report_team_name (report, sam_card_get_team_id (card), "?"));
    }

  if (strengths->len == 0 && challenges->len == 0)
    return;
  cells[1] = strengths->str;
  cells[2] = challenges->str;
  sam_table_add_row (table, cells, _sam_report_team_colour (report, sam_team_get_id (team)));
}

gboolean
_sam_report_strengths (SamReport *report,
                       SamStep   *step)
{
  const char *titles[] = { _("Team"), _("Strengths"), _("Challenges"), NULL };
  const double ratios[] = { 0.2, 0.4, 0.4 };
  g_autoptr(GPtrArray) cards = cards_of_kind (report, step, NULL);
  GListModel *links = sam_store_get_card_links (report->store, step);
  g_autoptr(GPtrArray) teams = items_of (sam_store_get_teams (report->store, report->workshop));

  if (!add_table (report, NULL, NULL, titles, ratios, teams, add_strengths_row, cards))
    return FALSE;

  if (g_list_model_get_n_items (links) > 0)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

      sam_document_add_heading (report->document, 2, _("Strengths That Can Help Another Team"));
      for (guint i = 0; i < g_list_model_get_n_items (links); i++)
        {
          g_autoptr(SamCardLink) link = g_list_model_get_item (links, i);
          SamCard *from = sam_store_find_card (report->store, step, sam_card_link_get_from_card_id (link));
          SamCard *to = sam_store_find_card (report->store, step, sam_card_link_get_to_card_id (link));

          if (from == NULL || to == NULL)
            continue;
          /* Translators: strength (team) → challenge (team): what they agreed */
          g_ptr_array_add (items, g_strdup_printf (_("%s (%s) helps with %s (%s)%s%s"),
                                                   sam_card_get_text (from),
                                                   _sam_report_team_name (report, sam_card_get_about_team_id (from), "?"),
                                                   sam_card_get_text (to),
                                                   _sam_report_team_name (report, sam_card_get_about_team_id (to), "?"),
                                                   *sam_card_link_get_note (link) ? ": " : "",
                                                   sam_card_link_get_note (link)));
        }
      g_ptr_array_add (items, NULL);
      sam_document_add_bullets (report->document, (const char *const *) items->pdata);
    }

  return TRUE;
}

static void
add_belief_row (SamReport *report,
                SamTable  *table,
                gpointer   item,
                guint      index,
                gpointer   user_data)
{
  SamCard *card = item;
  g_autofree char *strength = g_strdup_printf ("%d / 5", CLAMP (sam_card_get_value (card), 1, 5));
  const char *cells[] = { _sam_report_team_name (report, sam_card_get_team_id (card), ""),
                          _sam_report_team_name (report, sam_card_get_about_team_id (card), _("The customer")),
                          sam_card_get_text (card), strength, NULL };

  sam_table_add_row (table, cells, _sam_report_team_colour (report, sam_card_get_team_id (card)));
}

gboolean
_sam_report_beliefs (SamReport *report,
                     SamStep   *step)
{
  const char *titles[] = { _("Who believes it"), _("About"), _("Belief"), _("How strongly"), NULL };
  const double ratios[] = { 0.2, 0.18, 0.47, 0.15 };
  g_autoptr(GPtrArray) cards = cards_of_kind (report, step, "belief");

  return add_table (report, NULL, NULL, titles, ratios, cards, add_belief_row, NULL);
}

/* An "achieve" or "avoid" card's row, with how the room will recognise it
 * (@step is the card's step); no row for other cards. */
static void
add_statement_row (SamReport *report,
                   SamTable  *table,
                   gpointer   item,
                   guint      index,
                   gpointer   step)
{
  SamCard *card = item;
  gboolean achieve = g_strcmp0 (sam_card_get_kind (card), "achieve") == 0;
  g_autofree char *checks = NULL;
  const char *cells[4];
  guint row;

  if (!achieve && g_strcmp0 (sam_card_get_kind (card), "avoid") != 0)
    return;
  checks = children_text (report, step, card, "verification");
  cells[0] = achieve ? _("Achieve") : _("Avoid");
  cells[1] = sam_card_get_text (card);
  cells[2] = *checks ? checks : _("Not yet said");
  cells[3] = NULL;
  row = sam_table_add_row (table, cells, NULL);
  sam_table_set_cell_chip (table, row, 0, achieve ? SAM_CHIP_POSITIVE : SAM_CHIP_WARNING);
}

gboolean
_sam_report_statements (SamReport *report,
                        SamStep   *step)
{
  const char *titles[] = { _("We want to"), _("Statement"), _("How we will recognise it"), NULL };
  const double ratios[] = { 0.16, 0.42, 0.42 };
  g_autoptr(GPtrArray) cards = cards_of_kind (report, step, NULL);

  return add_table (report, _("What We Want to Achieve or Avoid"), NULL,
                    titles, ratios, cards, add_statement_row, step);
}

static void
add_idea_row (SamReport *report,
              SamTable  *table,
              gpointer   item,
              guint      index,
              gpointer   user_data)
{
  SamIdeaScore *score = item;
  g_autofree char *rank = g_strdup_printf ("%u", score->rank);
  g_autofree char *votes = g_strdup_printf ("%u", score->votes);
  const char *cells[] = { rank, sam_card_get_text (score->card),
                          _sam_report_team_name (report, sam_card_get_team_id (score->card), ""), votes, NULL };

  sam_table_add_row (table, cells, _sam_report_team_colour (report, sam_card_get_team_id (score->card)));
}

gboolean
_sam_report_brainstorm (SamReport *report,
                        SamStep   *step)
{
  const char *titles[] = { _("Rank"), _("Idea"), _("Brought by"), _("Votes"), NULL };
  const double ratios[] = { 0.1, 0.55, 0.2, 0.15 };
  g_autoptr(GArray) ranking = sam_store_rank_ideas (report->store, step);
  g_autoptr(GPtrArray) scores = g_ptr_array_new ();

  for (guint i = 0; ranking != NULL && i < ranking->len; i++)
    g_ptr_array_add (scores, &g_array_index (ranking, SamIdeaScore, i));

  return add_table (report, NULL, NULL, titles, ratios, scores, add_idea_row, NULL);
}

/* The teams that agreed, one per line, so a narrow column keeps names whole. */
static char *
agreement_team_lines (SamReport    *report,
                      SamAgreement *agreement)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;
  const gint64 *ids = sam_agreement_get_team_ids (agreement, &n);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", _sam_report_team_name (report, ids[i], ""));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What was agreed and, under it, the brainstorm idea it came from. */
static char *
agreement_what (SamReport    *report,
                SamAgreement *agreement,
                GListModel   *ideas)
{
  gint64 idea_id = sam_agreement_get_idea_id (agreement);

  for (guint i = 0; idea_id > 0 && i < g_list_model_get_n_items (ideas); i++)
    {
      g_autoptr(SamCard) idea = g_list_model_get_item (ideas, i);

      if (sam_card_get_id (idea) == idea_id)
        /* Translators: an agreement in the report, then the idea it came from */
        return g_strdup_printf (_("%s\nFrom the idea: %s"), sam_agreement_get_what (agreement),
                                sam_card_get_text (idea));
    }

  return g_strdup (sam_agreement_get_what (agreement));
}

static void
add_agreement_row (SamReport *report,
                   SamTable  *table,
                   gpointer   item,
                   guint      index,
                   gpointer   ideas)
{
  SamAgreement *agreement = item;
  static const SamChipKind chips[] = { SAM_CHIP_INFO, SAM_CHIP_WARNING, SAM_CHIP_POSITIVE, SAM_CHIP_NEGATIVE };
  const char *states[] = { _("Agreed"), _("In progress"), _("Kept"), _("Not kept") };
  int status = CLAMP (sam_agreement_get_status (agreement), 0, 3);
  g_autofree char *what = agreement_what (report, agreement, ideas);
  g_autofree char *teams = agreement_team_lines (report, agreement);
  g_autofree char *due = _sam_report_format_date (report, sam_agreement_get_due (agreement));
  g_autofree char *who = g_strdup_printf ("%s\n%s", sam_agreement_get_owner (agreement), due ? due : "");
  const char *verification = sam_agreement_get_verification (agreement);
  const char *cells[] = { what, *teams ? teams : _("No team named"), g_strstrip (who),
                          *verification ? verification : _("Not yet said"), states[status], NULL };
  guint row = sam_table_add_row (table, cells, NULL);

  sam_table_set_cell_chip (table, row, 4, chips[status]);
}

gboolean
_sam_report_agreements (SamReport *report,
                        SamStep   *step)
{
  const char *titles[] = { _("What we agreed"), _("Teams"), _("Who, by when"), _("How we verify it"),
                           _("Status"), NULL };
  const double ratios[] = { 0.3, 0.16, 0.16, 0.24, 0.14 };
  g_autoptr(GPtrArray) agreements = items_of (sam_store_get_agreements (report->store, step));
  g_autoptr(GListModel) ideas = sam_store_list_workshop_ideas (report->store, report->workshop);

  return add_table (report, _("Our Agreements"), NULL, titles, ratios, agreements, add_agreement_row, ideas);
}

static void
add_review_row (SamReport *report,
                SamTable  *table,
                gpointer   item,
                guint      index,
                gpointer   user_data)
{
  SamAgreementReview *review = item;
  static const SamChipKind chips[] = { SAM_CHIP_NEUTRAL, SAM_CHIP_POSITIVE, SAM_CHIP_WARNING, SAM_CHIP_NEGATIVE };
  const char *outcomes[] = { _("Open"), _("Kept"), _("Partly"), _("Not kept") };
  int outcome = CLAMP (sam_agreement_review_get_outcome (review), 0, 3);
  const char *cells[] = { sam_agreement_review_get_what (review), outcomes[outcome],
                          sam_agreement_review_get_why (review), NULL };
  guint row = sam_table_add_row (table, cells, NULL);

  sam_table_set_cell_chip (table, row, 1, chips[outcome]);
}

gboolean
_sam_report_reviews (SamReport *report,
                     SamStep   *step)
{
  const char *titles[] = { _("Agreement"), _("Kept?"), _("What we noticed"), NULL };
  const double ratios[] = { 0.42, 0.16, 0.42 };
  g_autoptr(GPtrArray) reviews = items_of (sam_store_get_agreement_reviews (report->store, step));

  return add_table (report, _("The Last Workshop’s Agreements"), NULL,
                    titles, ratios, reviews, add_review_row, NULL);
}

static void
add_absent_row (SamReport *report,
                SamTable  *table,
                gpointer   item,
                guint      index,
                gpointer   user_data)
{
  SamAbsentPlan *plan = item;
  g_autofree char *due = _sam_report_format_date (report, sam_absent_plan_get_due (plan));
  g_autofree char *who = g_strdup_printf ("%s\n%s", sam_absent_plan_get_who (plan), due ? due : "");
  const char *cells[] = { _sam_report_team_name (report, sam_absent_plan_get_team_id (plan), ""),
                          sam_absent_plan_get_absent (plan), sam_absent_plan_get_experience (plan),
                          g_strstrip (who), NULL };

  sam_table_add_row (table, cells, _sam_report_team_colour (report, sam_absent_plan_get_team_id (plan)));
}

gboolean
_sam_report_absent (SamReport *report,
                    SamStep   *step)
{
  const char *titles[] = { _("Team"), _("Who was not there"), _("How they get the experience"),
                           _("Who, by when"), NULL };
  const double ratios[] = { 0.16, 0.22, 0.4, 0.22 };
  g_autoptr(GPtrArray) plans = items_of (sam_store_get_absent_plans (report->store, step));

  return add_table (report, NULL, NULL, titles, ratios, plans, add_absent_row, NULL);
}

typedef struct
{
  SamMapModel *model;
  SamMapModel *start;
  SamCatalog  *catalog;
} MapFigure;

static void
map_figure_free (gpointer data)
{
  MapFigure *figure = data;

  g_clear_object (&figure->model);
  g_clear_object (&figure->start);
  g_clear_object (&figure->catalog);
  g_free (figure);
}

/* The map and its legend are drawn on a canvas this many units wide,
 * scaled to the figure: the legend's type then reads about 8 points on
 * the page, as in a map exported on A4. */
#define MAP_CANVAS_WIDTH 960.0
#define MAP_LEGEND_GAP 16.0

/* Runs in the PDF writer's thread: it only reads its own copies (the
 * catalogue is never changed once read).  The legend, in the report's
 * language, stands right of the map: a reader has no other key to the
 * lines and badges. */
static void
draw_map (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  MapFigure *figure = user_data;
  g_autoptr(SamMapRenderer) renderer = sam_map_renderer_new (figure->model);
  double scale = width / MAP_CANVAS_WIDTH;
  double canvas_h = height / scale, legend_w = 0, legend_h = 0;
  SamMapRect viewport = { 0, 0, MAP_CANVAS_WIDTH, canvas_h };
  SamMapTransform transform;

  sam_map_renderer_set_catalog (renderer, figure->catalog);
  sam_map_renderer_set_show_legend (renderer, FALSE);
  sam_map_renderer_set_label_min_size (renderer, 7 / scale);
  if (figure->start != NULL)
    sam_map_renderer_set_comparison (renderer, figure->start);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  sam_map_renderer_measure_legend (renderer, canvas_h, &legend_w, &legend_h);
  if (legend_w > 0)
    viewport.width -= legend_w + MAP_LEGEND_GAP;
  sam_map_renderer_fit (renderer, &viewport, &transform);
  sam_map_renderer_draw (renderer, cr, &transform, viewport.width, canvas_h);
  if (legend_w > 0)
    sam_map_renderer_draw_legend (renderer, cr, MAP_CANVAS_WIDTH - legend_w, (canvas_h - legend_h) / 2, canvas_h);
  cairo_restore (cr);
}

static void
add_map_figure (SamReport   *report,
                SamMapModel *model,
                SamMapModel *start,
                const char  *caption)
{
  MapFigure *figure = g_new0 (MapFigure, 1);

  figure->model = sam_map_model_copy (model);
  figure->start = start ? sam_map_model_copy (start) : NULL;
  figure->catalog = report->catalog ? g_object_ref (report->catalog) : NULL;
  sam_document_add_figure (report->document, 16.0 / 10.0, draw_map, figure, map_figure_free, caption);
}

gboolean
_sam_report_map (SamReport *report,
                 SamStep   *step)
{
  g_autoptr(SamMapLoader) loader = sam_map_loader_load (report->store, report->workshop, NULL);
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(SamMapModel) start = NULL;
  SamMapModel *model;

  if (loader == NULL)
    return FALSE;

  model = sam_map_loader_get_model (loader);
  if (model == NULL || sam_map_model_get_nodes (model)->len == 0)
    return FALSE;

  snapshots = sam_map_loader_list_snapshots (loader, NULL);
  if (snapshots != NULL && snapshots->len > 0)
    {
      SamMapSnapshotRecord *first = g_ptr_array_index (snapshots, 0);

      start = sam_map_loader_load_snapshot (loader, first->uuid, NULL);
    }

  if (start != NULL)
    {
      SamMapSnapshotRecord *first = g_ptr_array_index (snapshots, 0);

      sam_document_add_paragraph (report->document, SAM_TEXT_STYLE_NORMAL,
                                  _("The map as it was at the start, and at the end of the day: relations "
                                    "that improved, worsened or are new are marked on the second map."));
      add_map_figure (report, start, NULL,
                      _sam_report_keep (report, g_strdup_printf (_("At the start: %s"), first->label)));
      add_map_figure (report, model, start, _("At the end of the day, compared with the start"));
    }
  else
    add_map_figure (report, model, NULL, _("The relationship map between the teams and the customer"));

  return TRUE;
}

static const char *
kind_name (SamReport  *report,
           const char *kind)
{
  static const struct { const char *kind; const char *name; } kinds[] = {
    { "change", N_("Changes") }, { "impact", N_("Impact on our work") },
    { "perspective", N_("How others see the team") }, { "customer-step", N_("Steps for the customer") },
    { "strength", N_("Strengths") }, { "challenge", N_("Challenges") }, { "belief", N_("Beliefs") },
    { "idea", N_("Ideas") }, { "debate-point", N_("Points in the debate") },
    { "verification", N_("How we will recognise it") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return _(kinds[i].name);

  return kind;
}

/* Any cards no section showed, grouped by kind, each with its team. */
gboolean
_sam_report_cards (SamReport *report,
                   SamStep   *step)
{
  g_autoptr(GPtrArray) cards = cards_of_kind (report, step, NULL);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  for (guint i = 0; i < cards->len; i++)
    {
      const char *kind = sam_card_get_kind (g_ptr_array_index (cards, i));

      if (!g_ptr_array_find_with_equal_func (kinds, kind, g_str_equal, NULL) &&
          g_strcmp0 (kind, "achieve") != 0 && g_strcmp0 (kind, "avoid") != 0 &&
          g_strcmp0 (kind, "verification") != 0)
        g_ptr_array_add (kinds, (gpointer) kind);
    }

  for (guint k = 0; k < kinds->len; k++)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

      sam_document_add_heading (report->document, 2, kind_name (report, g_ptr_array_index (kinds, k)));
      for (guint i = 0; i < cards->len; i++)
        {
          SamCard *card = g_ptr_array_index (cards, i);
          const char *team = _sam_report_team_name (report, sam_card_get_team_id (card), NULL);

          if (g_strcmp0 (sam_card_get_kind (card), g_ptr_array_index (kinds, k)) != 0)
            continue;
          g_ptr_array_add (items, team ? g_strdup_printf ("%s — %s", sam_card_get_text (card), team)
                                       : g_strdup (sam_card_get_text (card)));
        }
      g_ptr_array_add (items, NULL);
      sam_document_add_bullets (report->document, (const char *const *) items->pdata);
    }

  return kinds->len > 0;
}
