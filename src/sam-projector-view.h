/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-join-card.h"

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_PROJECTOR_VIEW (sam_projector_view_get_type ())

G_DECLARE_FINAL_TYPE (SamProjectorView, sam_projector_view, SAM, PROJECTOR_VIEW, GtkWidget)

GtkWidget  *sam_projector_view_new           (void);
void        sam_projector_view_set_store     (SamProjectorView *self,
                                              SamStore         *store,
                                              SamWorkshop      *workshop);
SamStep    *sam_projector_view_get_step      (SamProjectorView *self);
void        sam_projector_view_set_step      (SamProjectorView *self,
                                              SamStep          *step);
gboolean    sam_projector_view_get_blank     (SamProjectorView *self);
void        sam_projector_view_set_blank     (SamProjectorView *self,
                                              gboolean          blank);
gboolean    sam_projector_view_get_join      (SamProjectorView *self);
void        sam_projector_view_set_join      (SamProjectorView *self,
                                              gboolean          join);
SamJoinCard *sam_projector_view_get_join_card (SamProjectorView *self);
gboolean    sam_projector_view_is_settled    (SamProjectorView *self);
guint       sam_projector_view_get_page      (SamProjectorView *self);
guint       sam_projector_view_get_n_pages   (SamProjectorView *self);
void        sam_projector_view_turn_page     (SamProjectorView *self,
                                              int               delta);
gint64      sam_projector_view_get_highlight (SamProjectorView *self);
void        sam_projector_view_set_highlight (SamProjectorView *self,
                                              gint64            card_id);
GListModel *sam_projector_view_get_items     (SamProjectorView *self);
const char *sam_projector_view_get_timer_text (SamProjectorView *self);
const char *sam_projector_view_get_title      (SamProjectorView *self);
void        sam_projector_view_sync          (SamProjectorView *self);
double      sam_projector_view_get_chart_text (GtkWidget       *chart);

G_END_DECLS
