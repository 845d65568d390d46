/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-exercise.h"

/* Every exercise the agenda can hold.  An exercise module adds its row
 * here (and its page type); the agenda, the templates, the report and the
 * workshop file find exercises through this table. */
static const SamExerciseInfo exercises[] = {
  { "custom", N_("Free Step"), "view-list-symbolic",
    N_("A welcome, a break or a round of your own: a title, a time box and instructions."),
    15, NULL },
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
