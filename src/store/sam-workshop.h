/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_WORKSHOP (sam_workshop_get_type ())

G_DECLARE_FINAL_TYPE (SamWorkshop, sam_workshop, SAM, WORKSHOP, GObject)

gint64      sam_workshop_get_id           (SamWorkshop *self);
const char *sam_workshop_get_uuid         (SamWorkshop *self);
const char *sam_workshop_get_name         (SamWorkshop *self);
const char *sam_workshop_get_organisation (SamWorkshop *self);
const char *sam_workshop_get_coach        (SamWorkshop *self);
const char *sam_workshop_get_date         (SamWorkshop *self);
const char *sam_workshop_get_notes        (SamWorkshop *self);
const char *sam_workshop_get_language     (SamWorkshop *self);
gint64      sam_workshop_get_created      (SamWorkshop *self);
gint64      sam_workshop_get_modified     (SamWorkshop *self);
guint       sam_workshop_get_n_teams      (SamWorkshop *self);
char       *sam_workshop_dup_search_text  (SamWorkshop *self);

G_END_DECLS
