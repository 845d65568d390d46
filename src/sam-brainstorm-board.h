/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store-decide.h"

G_BEGIN_DECLS

/* What the brainstorm page shows in its group-and-vote part: the clusters
 * with their idea tiles as one scrolling list view, every team's vote
 * count, and the ranking (a list view too).  The widgets call the page's
 * "brainstorm.*" actions; the page updates them after every change, and
 * only the rows on screen are made again. */
typedef struct
{
  SamStore   *store;
  SamStep    *step;
  GListModel *teams;
  SamTeam    *voting_team;
  gboolean    revealed;
} SamBoardContext;

#define SAM_TYPE_BRAINSTORM_BOARD (sam_brainstorm_board_get_type ())

G_DECLARE_FINAL_TYPE (SamBrainstormBoard, sam_brainstorm_board, SAM, BRAINSTORM_BOARD, GtkWidget)

GtkWidget  *sam_brainstorm_board_new         (void);
void        sam_brainstorm_board_set_top     (SamBrainstormBoard    *self,
                                              GtkWidget             *top);
void        sam_brainstorm_board_update      (SamBrainstormBoard    *self,
                                              const SamBoardContext *context);
GListModel *sam_brainstorm_board_get_rows    (SamBrainstormBoard    *self);
GtkWidget  *sam_brainstorm_board_get_list_view (SamBrainstormBoard  *self);

GtkWidget  *sam_brainstorm_ranking_new       (void);
void        sam_brainstorm_ranking_update    (GtkWidget             *ranking,
                                              const SamBoardContext *context);

GtkWidget  *sam_brainstorm_vote_row_set      (GtkListItem           *item,
                                              const char            *css_class,
                                              GtkWidget             *first_child,
                                              ...) G_GNUC_NULL_TERMINATED;

GtkWidget  *sam_brainstorm_team_chip_new     (SamTeam               *team);
void        sam_brainstorm_fill_team_status  (GtkFlowBox            *box,
                                              const SamBoardContext *context);

G_END_DECLS
