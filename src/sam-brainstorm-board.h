/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store-decide.h"

G_BEGIN_DECLS

/* What the brainstorm page shows in its group-and-vote part: the clusters
 * with their idea tiles, every team's vote count, and the ranking.  The
 * widgets call the page's "brainstorm.*" actions; the page rebuilds them
 * after every change. */
typedef struct
{
  SamStore   *store;
  SamStep    *step;
  GListModel *teams;
  SamTeam    *voting_team;
  gboolean    revealed;
} SamBoardContext;

void sam_brainstorm_fill_board       (GtkFlowBox            *board,
                                      const SamBoardContext *context);
void sam_brainstorm_fill_team_status (GtkFlowBox            *box,
                                      const SamBoardContext *context);
void sam_brainstorm_fill_ranking     (GtkListBox            *list,
                                      const SamBoardContext *context);

G_END_DECLS
