/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-date.h"
#include "sam-projector-content-private.h"
#include "sam-projector-item.h"
#include "sam-store-decide.h"

/* What the room sees of each exercise, as a flat list of grid cells: a row
 * of team headings, then the teams' cards row by row, so a grid with one
 * column per team shows team columns.  Only what the room wrote is read:
 * never a step's notes or settings other than whether answers or votes are
 * revealed. */

typedef struct
{
  SamTeam *team;
  GPtrArray *cells;  /* of SamProjectorItem */
} Column;

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_ptr_array_unref (column->cells);
}

static GArray *
columns_new (SamStore    *store,
             SamWorkshop *workshop)
{
  GListModel *teams = sam_store_get_teams (store, workshop);
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (Column));

  g_array_set_clear_func (columns, column_clear);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);
      Column column = { team, g_ptr_array_new_with_free_func (g_object_unref) };

      g_array_append_val (columns, column);
    }
  return columns;
}

static Column *
column_for (GArray *columns,
            gint64  team_id)
{
  for (guint i = 0; i < columns->len; i++)
    {
      Column *column = &g_array_index (columns, Column, i);

      if (sam_team_get_id (column->team) == team_id)
        return column;
    }
  return NULL;
}

static SamProjectorItem *
card_item (const char *text,
           const char *detail,
           const char *badge,
           gint64      id)
{
  SamProjectorItem *item = sam_projector_item_new (SAM_PROJECTOR_ITEM_CARD, text, detail, badge);

  sam_projector_item_set_card_id (item, id);
  return item;
}

static void
add (Column           *column,
     SamProjectorItem *item)
{
  if (column != NULL)
    g_ptr_array_add (column->cells, item);
  else
    g_object_unref (item);
}

/* Bands of at most SAM_PROJECTOR_MAX_COLUMNS teams: the headings, then
 * row after row of cards, a free cell where a column has ended. */
static guint
flush_columns (GListStore *items,
               GArray     *columns)
{
  guint width = CLAMP (columns->len, 1, SAM_PROJECTOR_MAX_COLUMNS);

  for (guint first = 0; first < columns->len; first += width)
    {
      guint last = MIN (first + width, columns->len);
      guint rows = 0;

      for (guint i = first; i < first + width; i++)
        {
          Column *column = i < last ? &g_array_index (columns, Column, i) : NULL;
          g_autoptr(SamProjectorItem) heading = NULL;

          if (column == NULL)
            heading = sam_projector_item_new (SAM_PROJECTOR_ITEM_EMPTY, NULL, NULL, NULL);
          else
            {
              heading = sam_projector_item_new (SAM_PROJECTOR_ITEM_HEADING,
                                                sam_team_get_name (column->team), NULL, NULL);
              sam_projector_item_set_colour (heading, (int) sam_team_get_colour (column->team));
              rows = MAX (rows, column->cells->len);
            }
          g_list_store_append (items, heading);
        }

      for (guint r = 0; r < rows; r++)
        for (guint i = first; i < first + width; i++)
          {
            Column *column = i < last ? &g_array_index (columns, Column, i) : NULL;

            if (column != NULL && r < column->cells->len)
              g_list_store_append (items, g_ptr_array_index (column->cells, r));
            else
              {
                g_autoptr(SamProjectorItem) empty = sam_projector_item_new (SAM_PROJECTOR_ITEM_EMPTY,
                                                                            NULL, NULL, NULL);
                g_list_store_append (items, empty);
              }
          }
    }

  return width;
}

static const char *
team_name (SamStore    *store,
           SamWorkshop *workshop,
           gint64       id)
{
  SamTeam *team = id > 0 ? sam_store_find_team (store, workshop, id) : NULL;

  return team != NULL ? sam_team_get_name (team) : _("The customer");
}

static void
append_line (GString    *detail,
             const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (detail->len > 0)
    g_string_append_c (detail, '\n');
  g_string_append (detail, line);
}

static void
append_field (GString    *detail,
              const char *label,
              const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;
  /* Translators: a label and its value, e.g. "Why we do this: …" */
  line = g_strdup_printf (_("%s: %s"), label, value);
  append_line (detail, line);
}

/* Changes and impact: per team its changes, each with what it means. */
static guint
fill_changes (GListStore  *items,
              SamStore    *store,
              SamWorkshop *workshop,
              GListModel  *cards)
{
  g_autoptr(GArray) columns = columns_new (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) change = g_list_model_get_item (cards, i);
      g_autoptr(GString) impacts = g_string_new (NULL);

      if (g_strcmp0 (sam_card_get_kind (change), "change") != 0)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (cards); j++)
        {
          g_autoptr(SamCard) impact = g_list_model_get_item (cards, j);
          g_autofree char *line = NULL;

          if (sam_card_get_parent_id (impact) != sam_card_get_id (change))
            continue;
          /* Translators: an impact under its change on the projector */
          line = g_strdup_printf (_("→ %s"), sam_card_get_text (impact));
          append_line (impacts, line);
        }
      add (column_for (columns, sam_card_get_team_id (change)),
           card_item (sam_card_get_text (change), impacts->str, NULL, sam_card_get_id (change)));
    }

  return flush_columns (items, columns);
}

static const char *
prompt_title (const char *prompt)
{
  static const struct { const char *prompt; const char *title; } prompts[] = {
    { "goals", N_("Their goals") },
    { "pressure", N_("Their pressure") },
    { "strengths", N_("Their strengths") },
    { "hard", N_("What makes their work hard") },
    { "needs", N_("What they need from us") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (prompts); i++)
    if (g_strcmp0 (prompt, prompts[i].prompt) == 0)
      return _(prompts[i].title);
  return NULL;
}

/* In the other team's shoes: per team, how the others see it, with the
 * owning team's answer and correction. */
static guint
fill_perspective (GListStore  *items,
                  SamStore    *store,
                  SamWorkshop *workshop,
                  GListModel  *cards)
{
  const char *answers[] = { NULL, _("Recognised"), _("Not right"), _("Added") };
  g_autoptr(GArray) columns = columns_new (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      g_autoptr(GString) detail = g_string_new (NULL);
      g_autofree char *seen = NULL;
      int response = sam_card_get_response (card);

      if (g_strcmp0 (sam_card_get_kind (card), "perspective") != 0)
        continue;

      append_line (detail, prompt_title (sam_card_get_prompt (card)));
      if (response != 3)
        {
          seen = g_strdup_printf (_("Seen by %s"),
                                  team_name (store, workshop, sam_card_get_team_id (card)));
          append_line (detail, seen);
        }
      append_line (detail, sam_card_get_detail (card));
      add (column_for (columns, sam_card_get_about_team_id (card)),
           card_item (sam_card_get_text (card), detail->str,
                      response >= 0 && response <= 3 ? answers[response] : NULL,
                      sam_card_get_id (card)));
    }

  return flush_columns (items, columns);
}

/* In the customer's shoes: the walk, one step a row, numbered. */
static guint
fill_walk (GListStore *items,
           GListModel *cards)
{
  guint number = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      g_autoptr(SamProjectorItem) item = NULL;
      g_autoptr(GString) detail = g_string_new (NULL);
      g_autofree char *text = NULL;
      int value = sam_card_get_value (card);

      if (g_strcmp0 (sam_card_get_kind (card), "customer-step") != 0)
        continue;

      text = g_strdup_printf ("%u. %s", ++number, sam_card_get_text (card));
      append_field (detail, _("Why we do this"), sam_card_get_detail (card));
      item = card_item (text, detail->str,
                        value > 0 ? _("Value") : value < 0 ? _("No value") : _("Not decided"),
                        sam_card_get_id (card));
      g_list_store_append (items, item);
    }

  return 1;
}

static SamCard *
find_card (GListModel *cards,
           gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (sam_card_get_id (card) == id)
        return card;
    }
  return NULL;
}

/* Strengths and challenges per team; a strength linked to another team's
 * challenge says whom it can help. */
static guint
fill_strengths (GListStore  *items,
                SamStore    *store,
                SamWorkshop *workshop,
                SamStep     *step,
                GListModel  *cards)
{
  GListModel *links = sam_store_get_card_links (store, step);
  g_autoptr(GArray) columns = columns_new (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      g_autoptr(GString) detail = g_string_new (NULL);
      gboolean strength = g_strcmp0 (sam_card_get_kind (card), "strength") == 0;

      if (!strength && g_strcmp0 (sam_card_get_kind (card), "challenge") != 0)
        continue;

      if (sam_card_get_team_id (card) != sam_card_get_about_team_id (card))
        {
          g_autofree char *seen = g_strdup_printf (_("Seen by %s"),
                                                   team_name (store, workshop, sam_card_get_team_id (card)));
          append_line (detail, seen);
        }

      for (guint j = 0; strength && j < g_list_model_get_n_items (links); j++)
        {
          g_autoptr(SamCardLink) link = g_list_model_get_item (links, j);
          SamCard *challenge;
          g_autofree char *line = NULL;

          if (sam_card_link_get_from_card_id (link) != sam_card_get_id (card) ||
              (challenge = find_card (cards, sam_card_link_get_to_card_id (link))) == NULL)
            continue;
          /* Translators: under a strength on the projector; %s is a team,
           * the second %s that team's challenge */
          line = g_strdup_printf (_("Can help %s with: %s"),
                                  team_name (store, workshop, sam_card_get_about_team_id (challenge)),
                                  sam_card_get_text (challenge));
          append_line (detail, line);
        }

      add (column_for (columns, sam_card_get_about_team_id (card)),
           card_item (sam_card_get_text (card), detail->str,
                      strength ? C_("one card", "Strength") : C_("one card", "Challenge"),
                      sam_card_get_id (card)));
    }

  return flush_columns (items, columns);
}

static const char *
belief_strength (int value)
{
  switch (value)
    {
    case 1: return _("Barely lives");
    case 2: return _("Heard now and then");
    case 3: return _("Lives clearly");
    case 4: return _("Lives strongly");
    default: return _("Everyone believes it");
    }
}

/* Beliefs: per team what it believes, about whom, how strongly. */
static guint
fill_beliefs (GListStore  *items,
              SamStore    *store,
              SamWorkshop *workshop,
              GListModel  *cards)
{
  g_autoptr(GArray) columns = columns_new (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      g_autofree char *about = NULL;

      if (g_strcmp0 (sam_card_get_kind (card), "belief") != 0)
        continue;

      /* Translators: under a belief on the projector; %s is a team or "The customer" */
      about = g_strdup_printf (_("About %s"), team_name (store, workshop, sam_card_get_about_team_id (card)));
      add (column_for (columns, sam_card_get_team_id (card)),
           card_item (sam_card_get_text (card), about, belief_strength (sam_card_get_value (card)),
                      sam_card_get_id (card)));
    }

  return flush_columns (items, columns);
}

/* Before the coach's reveal the room sees who has answered, not what: per
 * team the number of cards it wrote (docs/team-mode.md). */
static guint
fill_answered (GListStore  *items,
               SamStore    *store,
               SamWorkshop *workshop,
               GListModel  *cards)
{
  g_autoptr(GArray) columns = columns_new (store, workshop);
  g_autofree guint *counts = g_new0 (guint, columns->len + 1);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      for (guint c = 0; c < columns->len; c++)
        if (sam_team_get_id (g_array_index (columns, Column, c).team) == sam_card_get_team_id (card))
          counts[c]++;
    }

  for (guint c = 0; c < columns->len; c++)
    {
      g_autofree char *text = NULL;

      if (counts[c] == 0)
        text = g_strdup (_("Not answered yet"));
      else
        /* Translators: on the projector before the coach reveals the teams'
         * answers: how many a team has written, not what */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer, private until the reveal",
                                             "%u answers, private until the reveal", counts[c]), counts[c]);
      add (&g_array_index (columns, Column, c), card_item (text, NULL, NULL, 0));
    }

  return flush_columns (items, columns);
}

static char *
votes_text (guint votes)
{
  /* Translators: an idea's votes on the projector */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes", votes), votes);
}

/* Brainstorm: the teams' ideas, without any count of votes until the
 * coach reveals them; then the ranking, most votes first. */
static guint
fill_brainstorm (GListStore  *items,
                 SamStore    *store,
                 SamWorkshop *workshop,
                 SamStep     *step,
                 GListModel  *cards)
{
  g_autoptr(GArray) columns = NULL;

  if (sam_store_get_votes_revealed (store, step))
    {
      g_autoptr(GArray) ranking = sam_store_rank_ideas (store, step);

      for (guint i = 0; i < ranking->len; i++)
        {
          SamIdeaScore *score = &g_array_index (ranking, SamIdeaScore, i);
          g_autofree char *text = g_strdup_printf ("%u. %s", i + 1, sam_card_get_text (score->card));
          g_autofree char *votes = votes_text (score->votes);
          g_autofree char *by = g_strdup_printf (_("Brought by %s"),
                                                 team_name (store, workshop, sam_card_get_team_id (score->card)));
          g_autoptr(SamProjectorItem) item = card_item (text, by, votes, sam_card_get_id (score->card));

          g_list_store_append (items, item);
        }
      return 1;
    }

  columns = columns_new (store, workshop);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      SamCluster *cluster;

      if (g_strcmp0 (sam_card_get_kind (card), "idea") != 0)
        continue;

      cluster = sam_store_get_idea_cluster (store, card);
      add (column_for (columns, sam_card_get_team_id (card)),
           card_item (sam_card_get_text (card), cluster ? sam_cluster_get_name (cluster) : NULL, NULL,
                      sam_card_get_id (card)));
    }
  return flush_columns (items, columns);
}

/* Agreements: what, who and by when, which teams, how we verify it. */
static guint
fill_agreements (GListStore  *items,
                 SamStore    *store,
                 SamWorkshop *workshop,
                 SamStep     *step)
{
  const char *states[] = { _("Agreed"), _("In progress"), _("Kept"), _("Not kept") };
  GListModel *agreements = sam_store_get_agreements (store, step);

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(SamAgreement) agreement = g_list_model_get_item (agreements, i);
      g_autoptr(GString) detail = g_string_new (NULL);
      g_autoptr(GString) teams = g_string_new (NULL);
      g_autofree char *due = sam_date_format (sam_agreement_get_due (agreement));
      g_autoptr(SamProjectorItem) item = NULL;
      const gint64 *ids;
      guint n_ids;
      int status = sam_agreement_get_status (agreement);

      ids = sam_agreement_get_team_ids (agreement, &n_ids);
      for (guint j = 0; j < n_ids; j++)
        {
          SamTeam *team = sam_store_find_team (store, workshop, ids[j]);

          if (team == NULL)
            continue;
          if (teams->len > 0)
            g_string_append (teams, ", ");
          g_string_append (teams, sam_team_get_name (team));
        }

      append_field (detail, _("Teams"), teams->str);
      append_field (detail, _("Who carries it (owner)"), sam_agreement_get_owner (agreement));
      append_field (detail, _("By when"), due);
      append_field (detail, _("How we verify it"), sam_agreement_get_verification (agreement));
      item = card_item (sam_agreement_get_what (agreement), detail->str,
                        status >= 0 && status < (int) G_N_ELEMENTS (states) ? states[status] : NULL,
                        sam_agreement_get_id (agreement));
      g_list_store_append (items, item);
    }

  return 1;
}

/* What we want to achieve or avoid, each with how we will recognise it. */
static guint
fill_achieve_avoid (GListStore *items,
                    GListModel *cards)
{
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      g_autoptr(GString) detail = g_string_new (NULL);
      g_autoptr(SamProjectorItem) item = NULL;
      gboolean achieve = g_strcmp0 (sam_card_get_kind (card), "achieve") == 0;

      if (!achieve && g_strcmp0 (sam_card_get_kind (card), "avoid") != 0)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (cards); j++)
        {
          g_autoptr(SamCard) sign = g_list_model_get_item (cards, j);

          if (sam_card_get_parent_id (sign) == sam_card_get_id (card))
            append_field (detail, _("How we will recognise it"), sam_card_get_text (sign));
        }
      item = card_item (sam_card_get_text (card), detail->str, achieve ? _("Achieve") : _("Avoid"),
                        sam_card_get_id (card));
      g_list_store_append (items, item);
    }

  return 2;
}

/* Bring the absent colleagues along: per team its plans. */
static guint
fill_absent (GListStore  *items,
             SamStore    *store,
             SamWorkshop *workshop,
             SamStep     *step)
{
  GListModel *plans = sam_store_get_absent_plans (store, step);
  g_autoptr(GArray) columns = columns_new (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SamAbsentPlan) plan = g_list_model_get_item (plans, i);
      g_autoptr(GString) detail = g_string_new (NULL);
      g_autofree char *due = sam_date_format (sam_absent_plan_get_due (plan));

      append_field (detail, _("How they get the experience"), sam_absent_plan_get_experience (plan));
      append_field (detail, _("Who takes care of it"), sam_absent_plan_get_who (plan));
      append_field (detail, _("By when"), due);
      add (column_for (columns, sam_absent_plan_get_team_id (plan)),
           card_item (sam_absent_plan_get_absent (plan), detail->str, NULL, sam_absent_plan_get_id (plan)));
    }

  return flush_columns (items, columns);
}

/**
 * sam_projector_content_fill:
 * @items: the list to fill (emptied first), of #SamProjectorItem
 * @store: the database
 * @workshop: the workshop
 * @step: the step the room sees
 *
 * Reads what the room wrote in @step from the store's live lists and
 * turns it into grid cells.  A step without cards to show (a free step,
 * the relationship map) leaves @items empty.
 *
 * Returns: how many columns the grid shows @items in
 */
guint
sam_projector_content_fill (GListStore  *items,
                            SamStore    *store,
                            SamWorkshop *workshop,
                            SamStep     *step)
{
  const char *kind;
  GListModel *cards;

  g_return_val_if_fail (G_IS_LIST_STORE (items), 1);

  g_list_store_remove_all (items);
  if (store == NULL || workshop == NULL || step == NULL)
    return 1;

  kind = sam_step_get_kind (step);
  cards = sam_store_get_cards (store, step);

  /* The brainstorm shows its ideas and hides only the votes (below). */
  if (!g_str_equal (kind, "brainstorm") && !sam_store_get_step_revealed (store, step))
    return fill_answered (items, store, workshop, cards);

  if (g_str_equal (kind, "changes"))
    return fill_changes (items, store, workshop, cards);
  if (g_str_equal (kind, "team-perspective"))
    return fill_perspective (items, store, workshop, cards);
  if (g_str_equal (kind, "customer-walk"))
    return fill_walk (items, cards);
  if (g_str_equal (kind, "strengths"))
    return fill_strengths (items, store, workshop, step, cards);
  if (g_str_equal (kind, "beliefs"))
    return fill_beliefs (items, store, workshop, cards);
  if (g_str_equal (kind, "brainstorm"))
    return fill_brainstorm (items, store, workshop, step, cards);
  if (g_str_equal (kind, "agreements"))
    return fill_agreements (items, store, workshop, step);
  if (g_str_equal (kind, "achieve-avoid"))
    return fill_achieve_avoid (items, cards);
  if (g_str_equal (kind, "absent"))
    return fill_absent (items, store, workshop, step);
  if (g_str_equal (kind, "checklist"))
    return _sam_projector_fill_checklist (items, store, step);
  if (g_str_equal (kind, "customer-voice"))
    return _sam_projector_fill_customer_voice (items, store, step);
  return 1;
}
