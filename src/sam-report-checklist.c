/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sam-report-private.h"
#include "sam-checklist-chart.h"
#include "sam-store-checklist.h"

/* A checklist in the report: the radar of the teams per theme, the spread
 * of every statement, and, in a follow-up, then against now with the
 * statements that moved most. */

#define MAX_MOVES 5

static void
draw_radar (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  sam_checklist_radar_draw (user_data, cr, width, height, FALSE);
}

static void
draw_spreads (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  sam_checklist_spreads_draw (user_data, cr, width, height, FALSE);
}

static void
add_radar (SamReport                 *report,
           const SamChecklistResults *results,
           const SamChecklistResults *before,
           const char                *caption)
{
  SamChecklistRadar *radar = sam_checklist_radar_new (results, before, _("This workshop"), _("The earlier workshop"));

  sam_document_add_figure (report->document, 16.0 / 10.0, draw_radar, radar,
                           (GDestroyNotify) sam_checklist_radar_free, caption);
}

static void
add_history (SamReport                 *report,
             const SamChecklistResults *results,
             gint64                     earlier_id)
{
  g_autoptr(SamChecklistResults) before = sam_store_get_checklist_results (report->store, earlier_id, NULL);
  g_autoptr(GArray) moves = NULL;
  g_autoptr(GPtrArray) bullets = g_ptr_array_new_with_free_func (g_free);

  if (before == NULL || before->n_answers == 0)
    return;

  sam_document_add_heading (report->document, 2, _("Compared with the Earlier Workshop"));
  add_radar (report, results, before, _("Mean score per theme: the earlier workshop (dashed) and this one"));

  moves = sam_checklist_results_moves (results, before, MAX_MOVES);
  if (moves->len == 0)
    return;

  for (guint i = 0; i < moves->len; i++)
    {
      SamChecklistMove *move = &g_array_index (moves, SamChecklistMove, i);
      g_autofree char *then = sam_catalog_format_decimal (report->catalog, move->before, 1);
      g_autofree char *now = sam_catalog_format_decimal (report->catalog, move->after, 1);

      /* Translators: in the report, a statement of a checklist and how its
       * mean score moved: %1$s the statement, %2$s the mean before, %3$s
       * the mean now, e.g. "“We know who decides.” 2,5 → 3,8" */
      g_ptr_array_add (bullets, g_strdup_printf (_("“%1$s” %2$s → %3$s"), move->text, then, now));
    }
  g_ptr_array_add (bullets, NULL);
  sam_document_add_paragraph (report->document, SAM_TEXT_STYLE_NORMAL, _("The statements that moved most:"));
  sam_document_add_bullets (report->document, (const char * const *) bullets->pdata);
}

gboolean
_sam_report_checklist (SamReport *report,
                       SamStep   *step)
{
  g_autoptr(SamChecklistResults) results = sam_store_get_checklist_results (report->store, sam_step_get_id (step), NULL);
  SamChecklistSpreads *spreads;
  g_autofree char *count = NULL;
  gint64 earlier;

  if (results == NULL || results->items->len == 0)
    return FALSE;

  if (results->n_answers == 0)
    {
      sam_document_add_paragraph (report->document, SAM_TEXT_STYLE_MUTED, _("Nobody answered this checklist."));
      return TRUE;
    }

  count = g_strdup_printf (ngettext ("%u answer, scored from 1 (not at all) to 5 (fully).",
                                     "%u answers, scored from 1 (not at all) to 5 (fully).",
                                     results->n_answers), results->n_answers);
  sam_document_add_paragraph (report->document, SAM_TEXT_STYLE_MUTED, count);
  if (results->teams->len > 0)
    add_radar (report, results, NULL, _("Mean score per theme, one outline per team"));

  spreads = sam_checklist_spreads_new (results, report->catalog);
  sam_document_add_figure (report->document, 2.6 / MAX (0.3, 0.09 * results->items->len), draw_spreads, spreads,
                           (GDestroyNotify) sam_checklist_spreads_free,
                           _("How the answers spread per statement: 1 to 5, and “?” for don’t know; the mean on the right"));

  earlier = sam_store_find_earlier_checklist (report->store, step, TRUE);
  if (earlier != 0)
    add_history (report, results, earlier);

  return TRUE;
}
