/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* What the "cards.*" actions do, shared by every view of cards (a
 * #SamCardList, a page's list view): each ends in one sam_store_* call and
 * tells the coach in the window when it fails.  @widget is the view, for
 * finding its window. */

void     sam_card_actions_report_error (GtkWidget         *widget,
                                        const GError      *error);
gboolean sam_card_actions_add          (GtkWidget         *widget,
                                        SamStore          *store,
                                        SamStep           *step,
                                        const SamCardInit *init);
void     sam_card_actions_set_text     (GtkWidget         *widget,
                                        SamStore          *store,
                                        SamCard           *card,
                                        SamCardTextField   field,
                                        const char        *text);
void     sam_card_actions_delete       (GtkWidget         *widget,
                                        SamStore          *store,
                                        SamCard           *card);
gboolean sam_card_actions_move_to      (GtkWidget         *widget,
                                        SamStore          *store,
                                        SamCard           *card,
                                        SamCard           *target);
SamCard *sam_card_actions_neighbour    (GListModel        *cards,
                                        SamCard           *card,
                                        int                delta);
gboolean sam_card_actions_same_bucket  (SamCard           *card,
                                        SamCard           *other);

G_END_DECLS
