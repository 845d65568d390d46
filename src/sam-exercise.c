/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-exercise.h"
#include "sam-absent-page.h"
#include "sam-achieve-avoid-page.h"
#include "sam-agreements-page.h"
#include "sam-brainstorm-page.h"
#include "sam-changes-page.h"
#include "sam-checklist-page.h"
#include "sam-map-page.h"
#include "sam-beliefs-page.h"
#include "sam-customer-voice-page.h"
#include "sam-customer-walk-page.h"
#include "sam-perspective-page.h"
#include "sam-strengths-page.h"

/* Every exercise the agenda can hold.  An exercise module adds its row
 * here (and its page type); the agenda, the templates, the report and the
 * workshop file find exercises through this table. */
static const SamExerciseInfo exercises[] = {
  { "custom", N_("Free Step"), "view-list-symbolic",
    N_("A welcome, a break or a round of your own: a title, a time box and instructions."),
    15, NULL },
  { "changes", N_("Changes and Impact"), "weather-few-clouds-symbolic",
    N_("Each team lists what changes around the organisation and what it means for its own work."),
    40, sam_changes_page_get_type },
  { "team-perspective", N_("In the Other Team’s Shoes"), "media-playlist-shuffle-symbolic",
    N_("Every team writes how it sees another team’s work; the owners answer each card."),
    45, sam_perspective_page_get_type },
  { "customer-walk", N_("In the Customer’s Shoes"), "system-users-symbolic",
    N_("Walk one customer request step by step, ask why we do each step and mark what brings value."),
    45, sam_customer_walk_page_get_type },
  { "strengths", N_("Strengths and Challenges"), "starred-symbolic",
    N_("Each team’s strengths and challenges, by itself and as others see it; then link a strength to another team’s challenge."),
    40, sam_strengths_page_get_type },
  { "beliefs", N_("Us-versus-Them Beliefs"), "dialog-information-symbolic",
    N_("Who believes what about whom, and how strongly it lives: input for the relationship map."),
    30, sam_beliefs_page_get_type },
  { "map", N_("Relationship Map"), "network-workgroup-symbolic",
    N_("Draw how the teams and the customer work together, with tensions and beliefs; compare the start and the end of the day."),
    30, sam_map_page_get_type },
  { "brainstorm", N_("Brainstorm and Vote"), "view-grid-symbolic",
    N_("Teams bring ideas, group them into clusters and spend a budget of votes; then a debate round on one KPI."),
    45, sam_brainstorm_page_get_type },
  { "agreements", N_("Concrete Agreements"), "emblem-documents-symbolic",
    N_("What, which teams, who, by when, and how we will verify it was kept; reviewed in a follow-up workshop."),
    40, sam_agreements_page_get_type },
  { "achieve-avoid", N_("What We Want to Achieve or Avoid"), "emblem-ok-symbolic",
    N_("Statements of what the group wants to reach or prevent, each with the sign by which we will notice it."),
    30, sam_achieve_avoid_page_get_type },
  { "absent", N_("Bring the Absent Colleagues Along"), "mail-send-symbolic",
    N_("Per team: who was not there, what they will experience or hear, who does it and by when."),
    20, sam_absent_page_get_type },
  { "checklist", N_("Team and Leadership Checklists"), "emblem-default-symbolic",
    N_("Every team scores short statements on how it works, or on its leadership, from 1 to 5; the radar and the spread show where to talk."),
    20, sam_checklist_page_get_type },
  { "customer-voice", N_("The Customer’s Voice"), "mail-unread-symbolic",
    N_("Import what customers said in a survey: scores, NPS per team and per month, and their comments as cards."),
    30, sam_customer_voice_page_get_type },
};

/**
 * sam_exercise_get_all:
 * @n_exercises: (out): how many there are
 *
 * Returns: (array length=n_exercises): every exercise, in menu order
 */
const SamExerciseInfo *
sam_exercise_get_all (guint *n_exercises)
{
  *n_exercises = G_N_ELEMENTS (exercises);
  return exercises;
}

/**
 * sam_exercise_lookup:
 * @kind: a step kind
 *
 * Returns: (nullable): the exercise of @kind; an unknown kind (from a newer
 *   version) is shown as a free step by the callers
 */
const SamExerciseInfo *
sam_exercise_lookup (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (exercises); i++)
    if (g_strcmp0 (exercises[i].kind, kind) == 0)
      return &exercises[i];

  return NULL;
}

/**
 * sam_exercise_page_new:
 * @kind: a step kind
 *
 * Returns: (transfer floating) (nullable): a new page for the exercise, or
 *   %NULL when the kind has no page of its own
 */
GtkWidget *
sam_exercise_page_new (const char *kind)
{
  const SamExerciseInfo *info = sam_exercise_lookup (kind);

  if (info == NULL || info->get_type == NULL)
    return NULL;

  return g_object_new (info->get_type (), NULL);
}
