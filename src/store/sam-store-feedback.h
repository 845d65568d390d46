/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store.h"
#include "sam-feedback.h"

G_BEGIN_DECLS

/* One row of a survey export, as the coach mapped its columns; NULL for a
 * column that was not chosen. */
typedef struct
{
  guint       line;
  const char *score;
  const char *comment;
  const char *date;
  const char *channel;
} SamFeedbackInput;

typedef enum
{
  SAM_FEEDBACK_BY_CHANNEL,
  SAM_FEEDBACK_BY_MONTH,
} SamFeedbackGrouping;

/* NPS on a 0–10 scale: promoters 9–10, passives 7–8, detractors 0–6; on a
 * 1–5 scale: promoters 5, passives 4, detractors 1–3.  NPS is promoters
 * minus detractors, in % of the scored responses. */
typedef struct
{
  char   *name;        /* the channel, or the month as YYYY-MM; "" when unknown */
  guint   n;           /* responses */
  guint   n_scored;
  guint   promoters;
  guint   passives;
  guint   detractors;
  double  mean;        /* NAN without scores */
  double  nps;         /* NAN without scores */
} SamFeedbackGroup;

/* Survey rows checked (in any thread) before they are stored. */
typedef struct _SamFeedbackBatch SamFeedbackBatch;

SamFeedbackBatch *sam_feedback_batch_check (const SamFeedbackInput *rows,
                                            guint                    n_rows,
                                            guint                    scale,
                                            GCancellable            *cancellable,
                                            int                     *progress,
                                            GError                 **error);
guint       sam_feedback_batch_get_n_rows  (SamFeedbackBatch        *batch);
void        sam_feedback_batch_free        (SamFeedbackBatch        *batch);
guint       sam_store_add_feedback_batch   (SamStore                *self,
                                            SamStep                 *step,
                                            SamFeedbackBatch        *batch,
                                            GPtrArray              **problems,
                                            GError                 **error);
guint       sam_store_import_feedback      (SamStore                *self,
                                            SamStep                 *step,
                                            const SamFeedbackInput  *rows,
                                            guint                    n_rows,
                                            guint                    scale,
                                            GPtrArray              **problems,
                                            GError                 **error);
guint       sam_store_get_feedback_scale   (SamStore                *self,
                                            SamStep                 *step);
GPtrArray  *sam_store_get_feedback_groups  (SamStore                *self,
                                            SamStep                 *step,
                                            SamFeedbackGrouping      grouping);
gboolean    sam_store_get_feedback_distribution (SamStore           *self,
                                            SamStep                 *step,
                                            guint                    counts[11]);
char       *sam_feedback_redact            (const char              *text,
                                            const char * const      *names);
char       *sam_feedback_parse_date        (const char              *text);
char      **sam_feedback_split_names       (const char              *names);
GListModel *sam_store_list_feedback        (SamStore                *self,
                                            SamStep                 *step);
char       *sam_store_get_feedback_redaction (SamStep               *step,
                                            gboolean                *hide);
gboolean    sam_store_set_feedback_redaction (SamStore              *self,
                                            SamStep                 *step,
                                            gboolean                 hide,
                                            const char              *names,
                                            GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamFeedbackBatch, sam_feedback_batch_free)

G_END_DECLS
