/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

GtkWidget *sam_team_answers_new (SamStore    *store,
                                 SamWorkshop *workshop,
                                 SamStep     *step,
                                 SamTeam     *owner,
                                 const char  *kind,
                                 const char  *prompt,
                                 gboolean     responses);

G_END_DECLS
