/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-step-view.h"
#include "sam-window.h"
#include "sam-workshop-view.h"

G_BEGIN_DECLS

struct _SamWorkshopView
{
  GtkWidget parent_instance;

  GtkRevealer *sidebar_revealer;
  GtkToggleButton *sidebar_button;
  AdwWindowTitle *sidebar_title;
  AdwWindowTitle *page_title;
  GtkListBox *sidebar_list;
  GtkListBox *agenda_list;
  GtkLabel *agenda_total;
  GtkMenuButton *add_step_button;
  GtkMenuButton *agenda_menu_button;
  GtkStack *pages;
  GtkBox *presenter_slot;
  SamStepView *step_view;

  SamStore *store;
  SamWorkshop *workshop;
  GListModel *steps;
  GBinding *title_binding;
  GBinding *step_title_binding;
};

void _sam_workshop_view_report_error   (SamWorkshopView *self,
                                        const GError    *error);
void _sam_workshop_view_agenda_init    (SamWorkshopView *self);
void _sam_workshop_view_agenda_class_init (GtkWidgetClass *widget_class);
void _sam_workshop_view_bind_agenda    (SamWorkshopView *self);
void _sam_workshop_view_show_step      (SamWorkshopView *self,
                                        SamStep         *step);
void _sam_workshop_view_agenda_selected (SamWorkshopView *self,
                                         GtkListBoxRow   *row);

G_END_DECLS
