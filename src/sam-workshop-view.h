/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-room-page.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_WORKSHOP_VIEW (sam_workshop_view_get_type ())

G_DECLARE_FINAL_TYPE (SamWorkshopView, sam_workshop_view, SAM, WORKSHOP_VIEW, GtkWidget)

void         sam_workshop_view_set_store    (SamWorkshopView *self,
                                             SamStore        *store);
SamWorkshop *sam_workshop_view_get_workshop (SamWorkshopView *self);
void         sam_workshop_view_set_workshop (SamWorkshopView *self,
                                             SamWorkshop     *workshop);
void         sam_workshop_view_show_page    (SamWorkshopView *self,
                                             const char      *name);
const char  *sam_workshop_view_get_page     (SamWorkshopView *self);
GtkWidget   *sam_workshop_view_get_step_view (SamWorkshopView *self);
SamStep     *sam_workshop_view_get_step     (SamWorkshopView *self);
SamRoomPage *sam_workshop_view_get_room_page (SamWorkshopView *self);
void         sam_workshop_view_set_presenter_panel (SamWorkshopView *self,
                                                    GtkWidget       *panel);

G_END_DECLS
