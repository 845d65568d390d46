/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store.h"
#include "sam-checklist-item.h"

G_BEGIN_DECLS

/* A score is 1–5; SAM_CHECKLIST_DONT_KNOW is the answer "don't know" and
 * SAM_CHECKLIST_NO_ANSWER stands for no answer at all (never stored). */
#define SAM_CHECKLIST_DONT_KNOW 0
#define SAM_CHECKLIST_NO_ANSWER (-1)
#define SAM_CHECKLIST_MAX_SCORE 5

/* The setting of a checklist step whose statements came from nowhere
 * (the coach's own list) starts with this. */
#define SAM_CHECKLIST_OWN_PREFIX "own-"

typedef struct
{
  const char *id;
  const char *title;
  const char *description;
} SamChecklistBuiltin;

const SamChecklistBuiltin *sam_checklist_get_builtins (guint *n_builtins);

char             *sam_store_dup_checklist_name      (SamStep           *step);
GListModel       *sam_store_get_checklist_items     (SamStore          *self,
                                                     SamStep           *step);
gboolean          sam_store_fill_checklist          (SamStore          *self,
                                                     SamStep           *step,
                                                     const char        *builtin,
                                                     GError           **error);

/* The text of @msgid in a language chosen by the caller (the workshop's). */
typedef const char *(*SamChecklistTranslateFunc) (const char *msgid,
                                                  gpointer    user_data);

gboolean          sam_store_fill_checklist_translated (SamStore                 *self,
                                                       SamStep                  *step,
                                                       const char               *builtin,
                                                       SamChecklistTranslateFunc translate,
                                                       gpointer                  user_data,
                                                       GError                  **error);
gboolean          sam_store_copy_checklist          (SamStore          *self,
                                                     SamStep           *step,
                                                     gint64             from_step_id,
                                                     GError           **error);
SamChecklistItem *sam_store_add_checklist_item      (SamStore          *self,
                                                     SamStep           *step,
                                                     const char        *theme,
                                                     const char        *text,
                                                     GError           **error);
gboolean          sam_store_set_checklist_item_text (SamStore          *self,
                                                     SamChecklistItem  *item,
                                                     const char        *text,
                                                     GError           **error);
gboolean          sam_store_set_checklist_item_theme (SamStore         *self,
                                                     SamChecklistItem  *item,
                                                     const char        *theme,
                                                     GError           **error);
gboolean          sam_store_rename_checklist_theme  (SamStore          *self,
                                                     SamStep           *step,
                                                     const char        *theme,
                                                     const char        *name,
                                                     GError           **error);
gboolean          sam_store_trash_checklist_item    (SamStore          *self,
                                                     SamChecklistItem  *item,
                                                     gint64            *out_batch,
                                                     GError           **error);
gboolean          sam_store_set_checklist_score     (SamStore          *self,
                                                     SamChecklistItem  *item,
                                                     SamTeam           *team,
                                                     guint              person,
                                                     int                score,
                                                     GError           **error);
GHashTable       *sam_store_get_checklist_answers   (SamStore          *self,
                                                     SamStep           *step,
                                                     gint64             team_id,
                                                     guint              person);
guint             sam_store_next_checklist_person   (SamStore          *self,
                                                     SamStep           *step,
                                                     SamTeam           *team);
gint64            sam_store_find_earlier_checklist  (SamStore          *self,
                                                     SamStep           *step,
                                                     gboolean           same_list);

G_END_DECLS
