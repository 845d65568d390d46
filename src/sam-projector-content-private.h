/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-projector-content.h"

G_BEGIN_DECLS

/* Results drawn as charts (sam-projector-content-charts.c). */
guint _sam_projector_fill_checklist      (GListStore *items,
                                          SamStore   *store,
                                          SamStep    *step);
guint _sam_projector_fill_customer_voice (GListStore *items,
                                          SamStore   *store,
                                          SamStep    *step);

G_END_DECLS
