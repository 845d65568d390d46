/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sam-report-private.h"
#include "sam-feedback-chart.h"
#include "sam-store-feedback.h"

/* The customer's voice in the report: the scores, the NPS per team or
 * channel and per month, and the comments marked as customer quotes (with
 * the names hidden when the coach hid them on the page). */

typedef struct
{
  guint      counts[11];
  guint      scale;
  GPtrArray *groups;
} FeedbackFigure;

static void
figure_free (gpointer data)
{
  FeedbackFigure *figure = data;

  g_clear_pointer (&figure->groups, g_ptr_array_unref);
  g_free (figure);
}

static void
draw_distribution (cairo_t  *cr,
                   double    width,
                   double    height,
                   gpointer  user_data)
{
  FeedbackFigure *figure = user_data;

  sam_feedback_chart_draw_distribution (cr, width, height, figure->counts, figure->scale, FALSE);
}

static void
draw_channels (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  sam_feedback_chart_draw_nps_bars (cr, width, height, ((FeedbackFigure *) user_data)->groups, FALSE);
}

static void
draw_months (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  sam_feedback_chart_draw_trend (cr, width, height, ((FeedbackFigure *) user_data)->groups, FALSE);
}

static void
add_quotes (SamReport *report,
            SamStep   *step)
{
  g_autoptr(GListModel) feedback = sam_store_list_feedback (report->store, step);
  g_autofree char *names_text = NULL;
  g_auto(GStrv) names = NULL;
  gboolean hide = FALSE;
  gboolean any = FALSE;

  names_text = sam_store_get_feedback_redaction (step, &hide);
  names = hide ? sam_feedback_split_names (names_text) : NULL;
  for (guint i = 0; i < g_list_model_get_n_items (feedback); i++)
    {
      g_autoptr(SamFeedback) item = g_list_model_get_item (feedback, i);
      g_autofree char *text = NULL;

      if (*sam_feedback_get_comment (item) == '\0')
        continue;

      if (!any)
        sam_document_add_heading (report->document, 2, _("What Customers Wrote"));
      any = TRUE;
      text = names ? sam_feedback_redact (sam_feedback_get_comment (item), (const char * const *) names)
                   : g_strdup (sam_feedback_get_comment (item));
      /* Translators: the label before a comment a customer wrote in a survey */
      sam_document_add_chip_paragraph (report->document, SAM_CHIP_INFO, _("Customer quote"),
                                       _sam_report_keep (report, g_strdup_printf ("“%s”", text)));
    }
}

gboolean
_sam_report_feedback (SamReport *report,
                      SamStep   *step)
{
  FeedbackFigure *distribution;
  FeedbackFigure *channels;
  FeedbackFigure *months;
  guint scale = sam_store_get_feedback_scale (report->store, step);

  if (scale == 0)
    return FALSE;

  distribution = g_new0 (FeedbackFigure, 1);
  distribution->scale = scale;
  sam_store_get_feedback_distribution (report->store, step, distribution->counts);
  sam_document_add_figure (report->document, 3.0, draw_distribution, distribution, figure_free,
                           scale == 5 ? _("How customers scored, from 1 to 5")
                                      : _("How customers scored, from 0 to 10: detractors 0–6, passives 7–8, promoters 9–10"));

  channels = g_new0 (FeedbackFigure, 1);
  channels->groups = sam_store_get_feedback_groups (report->store, step, SAM_FEEDBACK_BY_CHANNEL);
  sam_document_add_figure (report->document, 3.6 / MAX (0.6, 0.3 * channels->groups->len), draw_channels, channels,
                           figure_free, _("NPS per team or channel: promoters minus detractors, in %"));

  months = g_new0 (FeedbackFigure, 1);
  months->groups = sam_store_get_feedback_groups (report->store, step, SAM_FEEDBACK_BY_MONTH);
  if (months->groups->len > 1)
    sam_document_add_figure (report->document, 3.0, draw_months, months, figure_free, _("NPS per month"));
  else
    figure_free (months);

  add_quotes (report, step);
  return TRUE;
}
