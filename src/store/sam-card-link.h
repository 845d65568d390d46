/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAM_TYPE_CARD_LINK (sam_card_link_get_type ())

G_DECLARE_FINAL_TYPE (SamCardLink, sam_card_link, SAM, CARD_LINK, GObject)

gint64      sam_card_link_get_id           (SamCardLink *self);
const char *sam_card_link_get_uuid         (SamCardLink *self);
gint64      sam_card_link_get_step_id      (SamCardLink *self);
const char *sam_card_link_get_kind         (SamCardLink *self);
gint64      sam_card_link_get_from_card_id (SamCardLink *self);
gint64      sam_card_link_get_to_card_id   (SamCardLink *self);
const char *sam_card_link_get_note         (SamCardLink *self);

G_END_DECLS
