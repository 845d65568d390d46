/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-card-list.h"

G_BEGIN_DECLS

struct _SamCardList
{
  GtkWidget parent_instance;

  GtkListBox *cards_box;
  GtkTextView *add_view;
  GtkLabel *placeholder_label;

  SamStore *store;
  SamWorkshop *workshop;
  SamStep *step;
  char *kind;
  gint64 team_id;
  gint64 about_team_id;
  gint64 parent_id;
  char *prompt;
  int new_value;
  int new_response;
  gboolean show_detail;
  gboolean show_team;

  GtkFilterListModel *filtered;
  SamCardExtraFunc extra_func;
  gpointer extra_data;
  GDestroyNotify extra_destroy;
  SamCardFilterFunc filter_func;
  gpointer filter_data;
  GDestroyNotify filter_destroy;
};

void     _sam_card_list_report_error    (SamCardList  *self,
                                         const GError *error);
gboolean _sam_card_list_in_bucket       (SamCard      *card,
                                         SamCardList  *self);
SamCard *_sam_card_list_card_from_id    (SamCardList  *self,
                                         gint64        id);
gboolean _sam_card_list_add_card        (SamCardList  *self,
                                         const char   *text);
void     _sam_card_list_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
