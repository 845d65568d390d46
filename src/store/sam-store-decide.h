/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store.h"
#include "sam-cluster.h"
#include "sam-agreement.h"
#include "sam-agreement-review.h"
#include "sam-absent-plan.h"

G_BEGIN_DECLS

/* The deciding exercises (METHOD.md 7–9, 12).  Card kinds they use:
 * "idea" (team_id: the team that brought it), "debate-point" (team_id:
 * whose point), "achieve" / "avoid" (a statement) and "verification"
 * (parent_id: its statement).  See docs/architecture.md. */

#define SAM_DECIDE_DEFAULT_BUDGET 3
#define SAM_DECIDE_MAX_BUDGET 50

/**
 * SamAgreementStatus:
 * @SAM_AGREEMENT_AGREED: agreed in the room
 * @SAM_AGREEMENT_IN_PROGRESS: being worked on
 * @SAM_AGREEMENT_KEPT: done as agreed
 * @SAM_AGREEMENT_NOT_KEPT: not done as agreed
 */
typedef enum
{
  SAM_AGREEMENT_AGREED,
  SAM_AGREEMENT_IN_PROGRESS,
  SAM_AGREEMENT_KEPT,
  SAM_AGREEMENT_NOT_KEPT,
} SamAgreementStatus;

typedef enum
{
  SAM_AGREEMENT_FIELD_WHAT,
  SAM_AGREEMENT_FIELD_OWNER,
  SAM_AGREEMENT_FIELD_DUE,
  SAM_AGREEMENT_FIELD_VERIFICATION,
  SAM_AGREEMENT_FIELD_REVIEW_DATE,
} SamAgreementField;

/**
 * SamReviewOutcome:
 * @SAM_REVIEW_OPEN: not reviewed yet
 * @SAM_REVIEW_KEPT: the agreement was kept
 * @SAM_REVIEW_PARTLY: partly kept
 * @SAM_REVIEW_NOT_KEPT: not kept
 */
typedef enum
{
  SAM_REVIEW_OPEN,
  SAM_REVIEW_KEPT,
  SAM_REVIEW_PARTLY,
  SAM_REVIEW_NOT_KEPT,
} SamReviewOutcome;

typedef enum
{
  SAM_ABSENT_FIELD_ABSENT,
  SAM_ABSENT_FIELD_EXPERIENCE,
  SAM_ABSENT_FIELD_WHO,
  SAM_ABSENT_FIELD_DUE,
} SamAbsentField;

/**
 * SamIdeaScore:
 * @card: (transfer none): the idea
 * @votes: the dots it got
 * @rank: 1 for the most votes; ties share no rank (they keep the ideas' order)
 */
typedef struct
{
  SamCard *card;
  guint    votes;
  guint    rank;
} SamIdeaScore;

/* Brainstorm: clusters */
GListModel *sam_store_get_clusters            (SamStore     *self,
                                               SamStep      *step);
SamCluster *sam_store_add_cluster             (SamStore     *self,
                                               SamStep      *step,
                                               const char   *name,
                                               GError      **error);
gboolean    sam_store_rename_cluster          (SamStore     *self,
                                               SamCluster   *cluster,
                                               const char   *name,
                                               GError      **error);
gboolean    sam_store_trash_cluster           (SamStore     *self,
                                               SamCluster   *cluster,
                                               gint64       *out_batch,
                                               GError      **error);
gboolean    sam_store_set_idea_cluster        (SamStore     *self,
                                               SamCard      *idea,
                                               SamCluster   *cluster,
                                               GError      **error);
SamCluster *sam_store_group_ideas             (SamStore     *self,
                                               SamCard      *idea,
                                               SamCard      *onto,
                                               GError      **error);
SamCluster *sam_store_get_idea_cluster        (SamStore     *self,
                                               SamCard      *idea);

/* Brainstorm: dot voting */
guint       sam_store_get_vote_budget         (SamStore     *self,
                                               SamStep      *step);
gboolean    sam_store_set_vote_budget         (SamStore     *self,
                                               SamStep      *step,
                                               guint         budget,
                                               GError      **error);
gboolean    sam_store_get_votes_revealed      (SamStore     *self,
                                               SamStep      *step);
gboolean    sam_store_set_votes_revealed      (SamStore     *self,
                                               SamStep      *step,
                                               gboolean      revealed,
                                               GError      **error);
gboolean    sam_store_cast_vote               (SamStore     *self,
                                               SamStep      *step,
                                               SamTeam      *team,
                                               SamCard      *idea,
                                               GError      **error);
gboolean    sam_store_take_back_vote          (SamStore     *self,
                                               SamStep      *step,
                                               SamTeam      *team,
                                               SamCard      *idea,
                                               GError      **error);
guint       sam_store_count_team_votes        (SamStore     *self,
                                               SamStep      *step,
                                               SamTeam      *team);
guint       sam_store_count_idea_votes        (SamStore     *self,
                                               SamStep      *step,
                                               SamCard      *idea,
                                               SamTeam      *team);
GArray     *sam_store_rank_ideas              (SamStore     *self,
                                               SamStep      *step);

/* Brainstorm: the debate round */
char       *sam_store_dup_debate_kpi          (SamStore     *self,
                                               SamStep      *step);
gboolean    sam_store_set_debate_kpi          (SamStore     *self,
                                               SamStep      *step,
                                               const char   *kpi,
                                               GError      **error);
SamTeam    *sam_store_get_debate_turn         (SamStore     *self,
                                               SamStep      *step);
SamTeam    *sam_store_advance_debate_turn     (SamStore     *self,
                                               SamStep      *step,
                                               GError      **error);

/* Agreements */
GListModel   *sam_store_get_agreements        (SamStore          *self,
                                               SamStep           *step);
GListModel   *sam_store_list_workshop_agreements (SamStore       *self,
                                               SamWorkshop       *workshop);
SamAgreement *sam_store_add_agreement         (SamStore          *self,
                                               SamStep           *step,
                                               const char        *what,
                                               GError           **error);
gboolean      sam_store_set_agreement_text    (SamStore          *self,
                                               SamAgreement      *agreement,
                                               SamAgreementField  field,
                                               const char        *value,
                                               GError           **error);
gboolean      sam_store_set_agreement_status  (SamStore          *self,
                                               SamAgreement      *agreement,
                                               SamAgreementStatus status,
                                               GError           **error);
gboolean      sam_store_set_agreement_idea    (SamStore          *self,
                                               SamAgreement      *agreement,
                                               gint64             idea_id,
                                               GError           **error);
gboolean      sam_store_set_agreement_team    (SamStore          *self,
                                               SamAgreement      *agreement,
                                               gint64             team_id,
                                               gboolean           included,
                                               GError           **error);
gboolean      sam_store_trash_agreement       (SamStore          *self,
                                               SamAgreement      *agreement,
                                               gint64            *out_batch,
                                               GError           **error);
gboolean      sam_agreement_is_draft          (SamAgreement      *agreement);
gboolean      sam_agreement_is_past_due       (SamAgreement      *agreement,
                                               const char        *today);
GListModel   *sam_store_list_workshop_ideas   (SamStore          *self,
                                               SamWorkshop       *workshop);

/* Follow-up workshops and reviews */
SamWorkshop  *sam_decide_create_follow_up     (SamStore          *self,
                                               SamWorkshop       *workshop,
                                               GError           **error);
SamWorkshop  *sam_store_get_followed_workshop (SamStore          *self,
                                               SamWorkshop       *workshop);
GListModel   *sam_store_get_agreement_reviews (SamStore          *self,
                                               SamStep           *step);
gboolean      sam_store_set_review_outcome    (SamStore          *self,
                                               SamAgreementReview *review,
                                               SamReviewOutcome   outcome,
                                               GError           **error);
gboolean      sam_store_set_review_why        (SamStore          *self,
                                               SamAgreementReview *review,
                                               const char        *why,
                                               GError           **error);

/* Bring the absent colleagues along */
GListModel    *sam_store_get_absent_plans     (SamStore          *self,
                                               SamStep           *step);
SamAbsentPlan *sam_store_add_absent_plan      (SamStore          *self,
                                               SamStep           *step,
                                               SamTeam           *team,
                                               const char        *absent,
                                               GError           **error);
gboolean       sam_store_set_absent_plan_text (SamStore          *self,
                                               SamAbsentPlan     *plan,
                                               SamAbsentField     field,
                                               const char        *value,
                                               GError           **error);
gboolean       sam_store_trash_absent_plan    (SamStore          *self,
                                               SamAbsentPlan     *plan,
                                               gint64            *out_batch,
                                               GError           **error);

/* Achieve / avoid */
guint          sam_store_count_unverified_statements (SamStore   *self,
                                               SamStep           *step);

/* Shared by the pages */
gboolean       sam_decide_validate_date       (const char        *value,
                                               GError           **error);
char          *sam_decide_dup_today           (void);

G_END_DECLS
