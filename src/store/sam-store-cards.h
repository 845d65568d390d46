/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* The longest text a card takes, in characters; a pasted report longer
 * than this is refused with a clear message instead of slowing the room. */
#define SAM_CARD_MAX_TEXT 100000

typedef enum
{
  SAM_CARD_FIELD_TEXT,
  SAM_CARD_FIELD_DETAIL,
  SAM_CARD_FIELD_PROMPT,
} SamCardTextField;

typedef enum
{
  SAM_CARD_FIELD_VALUE,
  SAM_CARD_FIELD_RESPONSE,
  SAM_CARD_FIELD_TEAM,
  SAM_CARD_FIELD_ABOUT_TEAM,
  SAM_CARD_FIELD_PARENT,
} SamCardIntField;

/**
 * SamCardInit:
 * @kind: what the card is, e.g. "change" (see docs/architecture.md)
 * @team_id: the team that wrote it, or 0
 * @about_team_id: the team it is about, or 0
 * @parent_id: the card it belongs to (an impact's change), or 0
 * @prompt: which question it answers, or %NULL
 * @text: the text; must not be empty
 * @detail: a second text (a correction, the "why"), or %NULL
 * @value: a number whose meaning depends on @kind
 * @response: a number whose meaning depends on @kind
 */
typedef struct
{
  const char *kind;
  gint64      team_id;
  gint64      about_team_id;
  gint64      parent_id;
  const char *prompt;
  const char *text;
  const char *detail;
  int         value;
  int         response;
} SamCardInit;

GListModel *sam_store_get_cards     (SamStore          *self,
                                     SamStep           *step);
SamCard    *sam_store_find_card     (SamStore          *self,
                                     SamStep           *step,
                                     gint64             card_id);
SamCard    *sam_store_add_card      (SamStore          *self,
                                     SamStep           *step,
                                     const SamCardInit *init,
                                     GError           **error);
gboolean    sam_store_set_card_text (SamStore          *self,
                                     SamCard           *card,
                                     SamCardTextField   field,
                                     const char        *value,
                                     GError           **error);
gboolean    sam_store_set_card_int  (SamStore          *self,
                                     SamCard           *card,
                                     SamCardIntField    field,
                                     gint64             value,
                                     GError           **error);
gboolean    sam_store_move_card     (SamStore          *self,
                                     SamCard           *card,
                                     guint              position,
                                     GError           **error);
gboolean    sam_store_trash_card    (SamStore          *self,
                                     SamCard           *card,
                                     gint64            *out_batch,
                                     GError           **error);

GListModel  *sam_store_get_card_links  (SamStore          *self,
                                       SamStep           *step);
SamCardLink *sam_store_add_card_link   (SamStore          *self,
                                       SamStep           *step,
                                       const char        *kind,
                                       SamCard           *from,
                                       SamCard           *to,
                                       const char        *note,
                                       GError           **error);
gboolean     sam_store_trash_card_link (SamStore          *self,
                                       SamCardLink       *link,
                                       gint64            *out_batch,
                                       GError           **error);

G_END_DECLS
