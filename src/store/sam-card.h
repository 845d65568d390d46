/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAM_TYPE_CARD (sam_card_get_type ())

G_DECLARE_FINAL_TYPE (SamCard, sam_card, SAM, CARD, GObject)

gint64      sam_card_get_id            (SamCard *self);
const char *sam_card_get_uuid          (SamCard *self);
gint64      sam_card_get_step_id       (SamCard *self);
const char *sam_card_get_kind          (SamCard *self);
gint64      sam_card_get_team_id       (SamCard *self);
gint64      sam_card_get_about_team_id (SamCard *self);
gint64      sam_card_get_parent_id     (SamCard *self);
const char *sam_card_get_prompt        (SamCard *self);
const char *sam_card_get_text          (SamCard *self);
const char *sam_card_get_detail        (SamCard *self);
int         sam_card_get_value         (SamCard *self);
int         sam_card_get_response      (SamCard *self);
guint       sam_card_get_position      (SamCard *self);

G_END_DECLS
