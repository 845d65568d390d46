/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-feedback-text.h"

/**
 * sam_feedback_text_summary:
 * @channels: (nullable) (element-type SamFeedbackGroup): the survey per
 *   team or channel
 *
 * Returns: (transfer full): how many responses, the NPS and the mean score
 *   of them all, e.g. "240 responses · NPS +12 · mean 7.4"
 */
char *
sam_feedback_text_summary (GPtrArray *channels)
{
  guint n = 0, scored = 0, promoters = 0, detractors = 0;
  double sum = 0;

  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      SamFeedbackGroup *group = channels->pdata[i];

      n += group->n;
      scored += group->n_scored;
      promoters += group->promoters;
      detractors += group->detractors;
      if (group->n_scored > 0)
        sum += group->mean * group->n_scored;
    }

  if (scored == 0)
    return g_strdup_printf (ngettext ("%u response, without scores", "%u responses, without scores", n), n);

  /* Translators: a summary of a customer survey, e.g. "240 responses · NPS +12 · mean 7.4" */
  return g_strdup_printf (ngettext ("%u response · NPS %+.0f · mean %.1f", "%u responses · NPS %+.0f · mean %.1f", n),
                          n, 100.0 * ((double) promoters - detractors) / scored, sum / scored);
}

/**
 * sam_feedback_text_response:
 * @feedback: one response
 *
 * Returns: (transfer full): its score, channel and date, those it has,
 *   e.g. "8 of 10 · Telefoon · 2026-03-12"
 */
char *
sam_feedback_text_response (SamFeedback *feedback)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (sam_feedback_get_score (feedback) >= 0)
    /* Translators: a response's score on its scale, e.g. "8 of 10" */
    g_string_append_printf (text, _("%d of %u"), sam_feedback_get_score (feedback), sam_feedback_get_scale (feedback));
  if (*sam_feedback_get_channel (feedback) != '\0')
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", sam_feedback_get_channel (feedback));
  if (*sam_feedback_get_date (feedback) != '\0')
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", sam_feedback_get_date (feedback));

  return g_string_free (g_steal_pointer (&text), FALSE);
}
