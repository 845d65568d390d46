/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-catalog.h"
#include "sam-store.h"

G_BEGIN_DECLS

/**
 * SamTemplateStep:
 * @kind: the exercise (see sam-exercise.c); a kind without a page of its
 *   own yet is shown as a free step
 * @title: the step's title (untranslated; N_())
 * @minutes: its time box
 * @instructions: what the room reads on the projector (untranslated)
 * @notes: the coach's own notes (untranslated)
 */
typedef struct
{
  const char *kind;
  const char *title;
  guint minutes;
  const char *instructions;
  const char *notes;
} SamTemplateStep;

/**
 * SamTemplate:
 * @id: a stable name, e.g. "colleagues-customers-day"
 * @name: what the coach picks (untranslated)
 * @summary: one sentence on when to use it (untranslated)
 * @steps: (array length=n_steps): the agenda
 * @n_steps: how many steps
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *summary;
  const SamTemplateStep *steps;
  guint n_steps;
} SamTemplate;

const SamTemplate *sam_template_get_all (guint              *n_templates);
const SamTemplate *sam_template_lookup  (const char         *id);
guint              sam_template_get_minutes (const SamTemplate *self);
gboolean           sam_template_apply   (const SamTemplate  *self,
                                         SamCatalog         *catalog,
                                         SamStore           *store,
                                         SamWorkshop        *workshop,
                                         GError            **error);

G_END_DECLS
