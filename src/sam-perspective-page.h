/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-card-tree.h"
#include "sam-exercise-page.h"

#include "sam-store.h"

G_BEGIN_DECLS

/* Card responses of the "team-perspective" exercise (docs/architecture.md). */
typedef enum
{
  SAM_PERSPECTIVE_OPEN = 0,
  SAM_PERSPECTIVE_RECOGNISED = 1,
  SAM_PERSPECTIVE_NOT_RIGHT = 2,
  SAM_PERSPECTIVE_ADDED = 3,
} SamPerspectiveResponse;

#define SAM_TYPE_PERSPECTIVE_PAGE (sam_perspective_page_get_type ())

G_DECLARE_FINAL_TYPE (SamPerspectivePage, sam_perspective_page, SAM, PERSPECTIVE_PAGE, SamExercisePage)

guint       sam_perspective_get_n_prompts     (void);
const char *sam_perspective_get_prompt_key    (guint index);
const char *sam_perspective_get_prompt_title  (const char *key);

gint64      sam_perspective_page_get_target   (SamPerspectivePage *self,
                                               gint64              writer_id);
SamCardTree *sam_perspective_page_get_tree    (SamPerspectivePage *self);
GObject    *sam_perspective_page_find_section (SamPerspectivePage *self,
                                               const char         *prompt,
                                               gint64              writer);

/* Private to the sam-perspective-* files */
const char *_sam_perspective_get_placeholder     (guint               index);
GListModel *_sam_perspective_page_get_teams      (SamPerspectivePage *self);
SamStore   *_sam_perspective_page_get_store      (SamPerspectivePage *self);
GtkWidget  *_sam_perspective_response_new        (gpointer            user_data);
void        _sam_perspective_response_bind       (GtkWidget          *box,
                                                  SamCard            *card,
                                                  gpointer            user_data);
void        _sam_perspective_response_unbind     (GtkWidget          *box,
                                                  gpointer            user_data);
GtkWidget  *_sam_perspective_header_new          (gpointer            user_data);
void        _sam_perspective_header_bind         (GtkWidget          *header,
                                                  guint               prompt,
                                                  SamTeam            *writer,
                                                  SamTeam            *owner);
char       *_sam_perspective_placeholder         (guint               prompt,
                                                  SamTeam            *writer,
                                                  SamTeam            *owner);

/* Implemented in sam-perspective-differences.c */
GtkWidget  *sam_perspective_differences_new   (GListModel *teams,
                                               GListModel *cards,
                                               SamTeam    *owner);

G_END_DECLS
