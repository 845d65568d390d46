/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* What a checklist step's answers add up to, read in one go for the page,
 * the charts and the report.  A mean is NAN where nobody gave a score
 * (a "don't know" is counted, never averaged). */

typedef struct
{
  gint64  team_id;
  char   *name;
  guint   colour;
  guint   n_people;       /* people who answered one by one; 0: the team answered together */
  double *theme_means;    /* one per theme */
} SamChecklistTeamResult;

typedef struct
{
  gint64  id;
  char   *key;
  char   *theme;
  char   *text;
  guint   theme_index;
  guint   counts[6];      /* [0] don't know, [1]–[5] the scores */
  double  mean;
  double  spread;         /* standard deviation of the scores, NAN below two */
} SamChecklistItemResult;

typedef struct
{
  GPtrArray *themes;      /* char *, in the order they first appear */
  GPtrArray *items;       /* SamChecklistItemResult * */
  GPtrArray *teams;       /* SamChecklistTeamResult *, teams that answered */
  double    *theme_means; /* all answers together, one per theme */
  guint      n_answers;
} SamChecklistResults;

typedef struct
{
  const char *text;
  double      before;
  double      after;
} SamChecklistMove;

SamChecklistResults *sam_store_get_checklist_results (SamStore                  *self,
                                                      gint64                     step_id,
                                                      GError                   **error);
void                 sam_checklist_results_free      (SamChecklistResults       *results);
double              *sam_checklist_results_align     (const SamChecklistResults *results,
                                                      const SamChecklistResults *before);
GArray              *sam_checklist_results_moves     (const SamChecklistResults *results,
                                                      const SamChecklistResults *before,
                                                      guint                      max_moves);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamChecklistResults, sam_checklist_results_free)

G_END_DECLS
