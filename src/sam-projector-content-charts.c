/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sam-checklist-chart.h"
#include "sam-feedback-chart.h"
#include "sam-feedback-text.h"
#include "sam-projector-content-private.h"
#include "sam-projector-item.h"
#include "sam-store-feedback.h"

/* What the room sees of a checklist and of the customer's voice: the same
 * charts as the console and the report (sam-checklist-chart.c,
 * sam-feedback-chart.c), each a page of the wall, then the statements or
 * the comments as cards.  A comment reaches the wall only as the coach's
 * "hide names" switch leaves it. */

/* A customer's comments on the wall at most: the rest stay on the console,
 * where the coach can search them.  Nobody reads a hundred pages. */
#define MAX_COMMENTS 60

static void
append_number (GString *key,
               double   value)
{
  if (isnan (value))
    g_string_append (key, "-;");
  else
    g_string_append_printf (key, "%.4f;", value);
}

/* Checklist */

static void
draw_radar (cairo_t  *cr,
            double    width,
            double    height,
            gboolean  dark,
            gpointer  data)
{
  sam_checklist_radar_draw (data, cr, width, height, dark);
}

static void
draw_spread (cairo_t  *cr,
             double    width,
             double    height,
             gboolean  dark,
             gpointer  data)
{
  sam_checklist_chart_draw_spread (cr, width, height, data, dark);
}

static char *
radar_key (const SamChecklistResults *results)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < results->themes->len; i++)
    g_string_append_printf (key, "%s;", (const char *) results->themes->pdata[i]);
  for (guint i = 0; i < results->teams->len; i++)
    {
      const SamChecklistTeamResult *team = results->teams->pdata[i];

      g_string_append_printf (key, "|%s;%u;", team->name, team->colour);
      for (guint t = 0; t < results->themes->len; t++)
        append_number (key, team->theme_means[t]);
    }
  return g_string_free (key, FALSE);
}

/* The widest spread first: where the teams disagree is what the room
 * talks about.  Statements without two scores come last, in order. */
static int
compare_spread (gconstpointer a,
                gconstpointer b)
{
  const SamChecklistItemResult *x = *(SamChecklistItemResult * const *) a;
  const SamChecklistItemResult *y = *(SamChecklistItemResult * const *) b;
  double sx = isnan (x->spread) ? -1 : x->spread;
  double sy = isnan (y->spread) ? -1 : y->spread;

  if (sx != sy)
    return sx > sy ? -1 : 1;
  return x->theme_index != y->theme_index ? (x->theme_index < y->theme_index ? -1 : 1) : 0;
}

static SamProjectorItem *
statement_item (const SamChecklistItemResult *result)
{
  g_autofree char *mean = isnan (result->mean) ? NULL : g_strdup_printf ("%.1f", result->mean);
  g_autoptr(GString) key = g_string_new (NULL);
  SamProjectorItem *item;

  /* Translators: a statement's mean score on the projector, e.g. "Mean 3.4" */
  g_autofree char *badge = mean ? g_strdup_printf (_("Mean %s"), mean) : NULL;

  item = sam_projector_item_new (SAM_PROJECTOR_ITEM_CARD, result->text, NULL, badge);
  for (guint s = 0; s < G_N_ELEMENTS (result->counts); s++)
    g_string_append_printf (key, "%u;", result->counts[s]);
  sam_projector_item_set_chart (item, draw_spread, g_memdup2 (result->counts, sizeof result->counts),
                                g_free, key->str);
  return item;
}

/**
 * _sam_projector_fill_checklist:
 * @items: the list to fill
 * @store: the database
 * @step: a checklist step
 *
 * The radar of the teams per theme as one page, then every statement
 * with how its answers spread, the widest spread first.
 *
 * Returns: the columns of the grid: one
 */
guint
_sam_projector_fill_checklist (GListStore *items,
                               SamStore   *store,
                               SamStep    *step)
{
  g_autoptr(SamChecklistResults) results = sam_store_get_checklist_results (store, sam_step_get_id (step), NULL);
  g_autoptr(GPtrArray) sorted = NULL;

  if (results == NULL || results->items->len == 0)
    return 1;

  if (results->teams->len > 0)
    {
      g_autoptr(SamProjectorItem) radar = sam_projector_item_new (SAM_PROJECTOR_ITEM_CHART,
                                                                  _("How the teams score each theme"),
                                                                  NULL, NULL);
      g_autofree char *key = radar_key (results);

      sam_projector_item_set_chart (radar, draw_radar,
                                    sam_checklist_radar_new (results, NULL, NULL, NULL),
                                    (GDestroyNotify) sam_checklist_radar_free, key);
      g_list_store_append (items, radar);
    }

  /* A plain copy: the results own the statements. */
  sorted = g_ptr_array_sized_new (results->items->len);
  for (guint i = 0; i < results->items->len; i++)
    g_ptr_array_add (sorted, results->items->pdata[i]);
  g_ptr_array_sort (sorted, compare_spread);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autoptr(SamProjectorItem) item = statement_item (sorted->pdata[i]);

      g_list_store_append (items, item);
    }
  return 1;
}

/* Customer voice */

typedef struct
{
  guint counts[11];
  guint scale;
} Distribution;

static void
draw_distribution (cairo_t  *cr,
                   double    width,
                   double    height,
                   gboolean  dark,
                   gpointer  data)
{
  Distribution *distribution = data;

  sam_feedback_chart_draw_distribution (cr, width, height, distribution->counts, distribution->scale, dark);
}

static void
draw_trend (cairo_t  *cr,
            double    width,
            double    height,
            gboolean  dark,
            gpointer  data)
{
  sam_feedback_chart_draw_trend (cr, width, height, data, dark);
}

static void
draw_nps_bars (cairo_t  *cr,
               double    width,
               double    height,
               gboolean  dark,
               gpointer  data)
{
  sam_feedback_chart_draw_nps_bars (cr, width, height, data, dark);
}

static char *
groups_key (GPtrArray *groups)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      SamFeedbackGroup *group = groups->pdata[i];

      g_string_append_printf (key, "%s;%u;", group->name, group->n);
      append_number (key, group->nps);
    }
  return g_string_free (key, FALSE);
}

/* A chart of groups is worth a page when it has a group with a name. */
static gboolean
has_named_group (GPtrArray *groups)
{
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    if (*((SamFeedbackGroup *) groups->pdata[i])->name != '\0')
      return TRUE;
  return FALSE;
}

static void
append_groups_chart (GListStore *items,
                     const char *title,
                     GPtrArray  *groups,
                     SamProjectorDrawFunc draw)
{
  g_autoptr(SamProjectorItem) item = NULL;
  g_autofree char *key = NULL;

  if (!has_named_group (groups))
    return;

  item = sam_projector_item_new (SAM_PROJECTOR_ITEM_CHART, title, NULL, NULL);
  key = groups_key (groups);
  sam_projector_item_set_chart (item, draw, g_ptr_array_ref (groups), (GDestroyNotify) g_ptr_array_unref, key);
  g_list_store_append (items, item);
}

/* The comments as cards, the names hidden when the coach said so: the
 * text is redacted here, before any widget holds it. */
static void
append_comments (GListStore *items,
                 SamStore   *store,
                 SamStep    *step)
{
  g_autoptr(GListModel) feedback = sam_store_list_feedback (store, step);
  g_autofree char *names_text = NULL;
  g_auto(GStrv) names = NULL;
  gboolean hide = FALSE;
  guint shown = 0, left = 0;

  names_text = sam_store_get_feedback_redaction (step, &hide);
  names = hide ? sam_feedback_split_names (names_text) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (feedback); i++)
    {
      g_autoptr(SamFeedback) response = g_list_model_get_item (feedback, i);
      g_autoptr(SamProjectorItem) item = NULL;
      g_autofree char *comment = NULL;
      g_autofree char *detail = NULL;

      if (*sam_feedback_get_comment (response) == '\0')
        continue;
      if (shown == MAX_COMMENTS)
        {
          left++;
          continue;
        }

      comment = names != NULL && names[0] != NULL
                ? sam_feedback_redact (sam_feedback_get_comment (response), (const char * const *) names)
                : g_strdup (sam_feedback_get_comment (response));
      detail = sam_feedback_text_response (response);
      item = sam_projector_item_new (SAM_PROJECTOR_ITEM_CARD, comment, detail, NULL);
      g_list_store_append (items, item);
      shown++;
    }

  if (left > 0)
    {
      /* Translators: after the customers' comments on the projector */
      g_autofree char *more = g_strdup_printf (ngettext ("%u more comment is on the coach’s screen",
                                                         "%u more comments are on the coach’s screen", left),
                                               left);
      g_autoptr(SamProjectorItem) item = sam_projector_item_new (SAM_PROJECTOR_ITEM_CARD, more, NULL, NULL);

      g_list_store_append (items, item);
    }
}

/**
 * _sam_projector_fill_customer_voice:
 * @items: the list to fill
 * @store: the database
 * @step: a customer-voice step
 *
 * The score distribution with the survey's summary, the trend over the
 * months and the NPS per team or channel, a page each, then the comments.
 *
 * Returns: the columns of the grid: one
 */
guint
_sam_projector_fill_customer_voice (GListStore *items,
                                    SamStore   *store,
                                    SamStep    *step)
{
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(SamProjectorItem) scores = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *summary = NULL;
  Distribution *distribution;
  guint scale = sam_store_get_feedback_scale (store, step);

  if (scale == 0)
    return 1;

  distribution = g_new0 (Distribution, 1);
  distribution->scale = scale;
  sam_store_get_feedback_distribution (store, step, distribution->counts);
  channels = sam_store_get_feedback_groups (store, step, SAM_FEEDBACK_BY_CHANNEL);
  months = sam_store_get_feedback_groups (store, step, SAM_FEEDBACK_BY_MONTH);

  summary = sam_feedback_text_summary (channels);
  scores = sam_projector_item_new (SAM_PROJECTOR_ITEM_CHART, _("How customers scored"), summary, NULL);
  g_string_append_printf (key, "%u;", scale);
  for (guint s = 0; s < G_N_ELEMENTS (distribution->counts); s++)
    g_string_append_printf (key, "%u;", distribution->counts[s]);
  sam_projector_item_set_chart (scores, draw_distribution, distribution, g_free, key->str);
  g_list_store_append (items, scores);

  append_groups_chart (items, _("NPS per month"), months, draw_trend);
  append_groups_chart (items, _("NPS per team or channel"), channels, draw_nps_bars);
  append_comments (items, store, step);
  return 1;
}
