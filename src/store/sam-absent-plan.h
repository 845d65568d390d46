/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAM_TYPE_ABSENT_PLAN (sam_absent_plan_get_type ())

G_DECLARE_FINAL_TYPE (SamAbsentPlan, sam_absent_plan, SAM, ABSENT_PLAN, GObject)

gint64       sam_absent_plan_get_id (SamAbsentPlan *self);
const char  *sam_absent_plan_get_uuid (SamAbsentPlan *self);
gint64       sam_absent_plan_get_step_id (SamAbsentPlan *self);
gint64       sam_absent_plan_get_team_id (SamAbsentPlan *self);
const char  *sam_absent_plan_get_absent (SamAbsentPlan *self);
const char  *sam_absent_plan_get_experience (SamAbsentPlan *self);
const char  *sam_absent_plan_get_who (SamAbsentPlan *self);
const char  *sam_absent_plan_get_due (SamAbsentPlan *self);
guint        sam_absent_plan_get_position (SamAbsentPlan *self);

G_END_DECLS
