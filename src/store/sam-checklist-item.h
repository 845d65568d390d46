/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAM_TYPE_CHECKLIST_ITEM (sam_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (SamChecklistItem, sam_checklist_item, SAM, CHECKLIST_ITEM, GObject)

gint64       sam_checklist_item_get_id       (SamChecklistItem *self);
const char  *sam_checklist_item_get_uuid     (SamChecklistItem *self);
gint64       sam_checklist_item_get_step_id  (SamChecklistItem *self);
const char  *sam_checklist_item_get_key      (SamChecklistItem *self);
const char  *sam_checklist_item_get_theme    (SamChecklistItem *self);
const char  *sam_checklist_item_get_text     (SamChecklistItem *self);
guint        sam_checklist_item_get_position (SamChecklistItem *self);

G_END_DECLS
