/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* One card inside a #SamCardList; private to the list. */
#define SAM_TYPE_CARD_ROW (sam_card_row_get_type ())

G_DECLARE_FINAL_TYPE (SamCardRow, sam_card_row, SAM, CARD_ROW, GtkWidget)

GtkWidget *sam_card_row_new         (SamStore  *store,
                                     SamCard   *card,
                                     SamTeam   *team,
                                     gboolean   show_team,
                                     gboolean   show_detail);
void       sam_card_row_bind        (SamCardRow *self,
                                     SamStore   *store,
                                     SamCard    *card,
                                     SamTeam    *team,
                                     gboolean    show_team,
                                     gboolean    show_detail);
void       sam_card_row_unbind      (SamCardRow *self);
SamCard   *sam_card_row_get_card    (SamCardRow *self);
void       sam_card_row_set_extra   (SamCardRow *self,
                                     GtkWidget  *extra);
void       sam_card_row_focus_text  (SamCardRow *self);
void       sam_card_row_edit        (SamCardRow *self);
const char *sam_card_row_get_shown_text (SamCardRow *self);

G_END_DECLS
