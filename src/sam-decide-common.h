/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store-decide.h"
#include "sam-window.h"

G_BEGIN_DECLS

/* Small pieces the deciding exercises' pages share. */

void       sam_decide_show_error      (GtkWidget    *widget,
                                       const GError *error);
void       sam_decide_show_toast      (GtkWidget    *widget,
                                       const char   *message);
void       sam_decide_show_undo       (GtkWidget    *widget,
                                       const char   *message,
                                       gint64        batch);
GtkWidget *sam_decide_team_label_new  (SamTeam      *team,
                                       const char   *css_class);
char      *sam_decide_team_colour_class (SamTeam    *team);
GtkWidget *sam_decide_heading_new     (const char   *text,
                                       const char   *css_class);
gboolean   sam_decide_is_blank        (const char   *text);
SamWorkshop *sam_decide_follow_up       (GtkWidget    *widget,
                                         SamStore     *store,
                                         SamWorkshop  *workshop);
void       sam_decide_add_window_actions (SamWindow   *window);

G_END_DECLS
