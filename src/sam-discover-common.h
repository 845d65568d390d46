/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* Small pieces the four discovery pages (perspective, customer walk,
 * strengths, beliefs) share: telling the coach about an error, a team's
 * name with its colour, following a list of teams or links, and following
 * a step's cards for summaries. */

void        sam_discover_report_error    (GtkWidget     *widget,
                                          const GError  *error);
void        sam_discover_show_undo       (GtkWidget     *widget,
                                          const char    *message,
                                          gint64         batch);
GtkWidget  *sam_discover_team_badge_new  (SamTeam       *team,
                                          const char    *text);
GtkWidget  *sam_discover_swatch_new      (SamTeam       *team);
void        sam_discover_swatch_set_team (GtkWidget     *swatch,
                                          SamTeam       *team);
GtkWidget  *sam_discover_section_header_new (int         spacing,
                                             const char *badge_class);
void        sam_discover_section_header_set (GtkWidget  *header,
                                             const char *title,
                                             const char *said,
                                             SamTeam    *team);
void        sam_discover_bind_step       (GtkWidget     *page,
                                          GtkWidget     *list);
void        sam_discover_clear_box       (GtkWidget     *box);
void        sam_discover_refresh_text_sizes (GtkWidget  *root);
GtkWidget  *sam_discover_section_title   (const char    *text);
SamTeam    *sam_discover_team_by_id      (GListModel    *teams,
                                          gint64         id);
int         sam_discover_team_index      (GListModel    *teams,
                                          gint64         id);
char       *sam_discover_team_name       (GListModel    *teams,
                                          gint64         id);
void        sam_discover_set_list        (GListModel   **field,
                                          GListModel    *model,
                                          GCallback      callback,
                                          gpointer       user_data);

#define SAM_TYPE_CARD_WATCH (sam_card_watch_get_type ())

G_DECLARE_FINAL_TYPE (SamCardWatch, sam_card_watch, SAM, CARD_WATCH, GObject)

SamCardWatch *sam_card_watch_new (GCallback  callback,
                                  gpointer   user_data);
void          sam_card_watch_set_model (SamCardWatch *self,
                                        GListModel   *cards);

G_END_DECLS
