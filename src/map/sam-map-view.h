/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "sam-map-model.h"

G_BEGIN_DECLS

#define SAM_TYPE_MAP_VIEW (sam_map_view_get_type ())

G_DECLARE_FINAL_TYPE (SamMapView, sam_map_view, SAM, MAP_VIEW, GtkWidget)

GtkWidget   *sam_map_view_new             (void);
SamMapModel *sam_map_view_get_model       (SamMapView  *self);
void         sam_map_view_set_model       (SamMapView  *self,
                                           SamMapModel *model);
SamMapModel *sam_map_view_get_comparison  (SamMapView  *self);
void         sam_map_view_set_comparison  (SamMapView  *self,
                                           SamMapModel *start);
SamMapKind   sam_map_view_get_selected_kind (SamMapView *self);
const char  *sam_map_view_get_selected_id (SamMapView  *self);
void         sam_map_view_select          (SamMapView  *self,
                                           SamMapKind   kind,
                                           const char  *id);
gboolean     sam_map_view_get_show_legend (SamMapView  *self);
void         sam_map_view_set_show_legend (SamMapView  *self,
                                           gboolean     show_legend);
void         sam_map_view_set_show_callout (SamMapView *self,
                                            gboolean    show_callout);
double       sam_map_view_get_zoom        (SamMapView  *self);
void         sam_map_view_fit             (SamMapView  *self);
void         sam_map_view_auto_layout     (SamMapView  *self,
                                           gboolean     animate);

G_END_DECLS
