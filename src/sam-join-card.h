/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sam-qr-code.h"

G_BEGIN_DECLS

#define SAM_TYPE_JOIN_CARD (sam_join_card_get_type ())

G_DECLARE_FINAL_TYPE (SamJoinCard, sam_join_card, SAM, JOIN_CARD, GtkWidget)

GtkWidget  *sam_join_card_new           (void);
void        sam_join_card_set_workshop  (SamJoinCard *self,
                                         const char  *name);
const char *sam_join_card_get_how       (SamJoinCard *self);
void        sam_join_card_set_room      (SamJoinCard *self,
                                         const char  *code,
                                         const char  *uri,
                                         const char  *short_fingerprint);
SamQrCode  *sam_join_card_get_qr_code   (SamJoinCard *self);
const char *sam_join_card_get_code      (SamJoinCard *self);

G_END_DECLS
