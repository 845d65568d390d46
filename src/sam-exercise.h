/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * SamExerciseInfo:
 * @kind: the step kind stored in the database, e.g. "changes"
 * @title: the exercise's name (untranslated; use _() when showing it)
 * @icon_name: a symbolic icon
 * @summary: one sentence on what it is for (untranslated)
 * @default_minutes: the time box a new step gets
 * @get_type: the page widget's type; the page has the properties "store"
 *   (#SamStore), "workshop" (#SamWorkshop) and "step" (#SamStep), set after
 *   construction and cleared to %NULL when the workshop closes.  %NULL for
 *   a free step that only shows its instructions (a welcome, a break).
 */
typedef struct
{
  const char *kind;
  const char *title;
  const char *icon_name;
  const char *summary;
  guint default_minutes;
  GType (*get_type) (void);
} SamExerciseInfo;

const SamExerciseInfo *sam_exercise_lookup   (const char *kind);
const SamExerciseInfo *sam_exercise_get_all  (guint      *n_exercises);
GtkWidget             *sam_exercise_page_new (const char *kind);

G_END_DECLS
