/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-map-loader.h"
#include "sam-map-page.h"
#include "sam-map-view.h"

G_BEGIN_DECLS

/* The page's instance, shared by sam-map-page.c (the map and its side
 * panel) and sam-map-page-compare.c (snapshots, comparison, export), and
 * read by the UI test. */
struct _SamMapPage
{
  SamExercisePage parent_instance;

  /* template */
  GtkStack      *mode_stack;
  SamMapView    *view;
  GtkWidget     *map_hint;
  GtkRevealer   *panel_revealer;
  GtkStack      *panel_stack;
  GtkWidget     *node_swatch;
  GtkLabel      *node_title;
  GtkLabel      *node_summary;
  GtkSwitch     *pin_switch;
  GtkWidget     *node_beliefs_heading;
  GtkListBox    *node_beliefs;
  GtkLabel      *relation_title;
  GtkDropDown   *quality_drop;
  GtkDropDown   *tension_drop;
  GtkTextView   *note_view;
  GtkWidget     *relation_beliefs_heading;
  GtkListBox    *relation_beliefs;
  GtkLabel      *detail_title;
  GtkLabel      *detail_text;
  GtkLabel      *detail_source;
  GtkDropDown   *start_drop;
  GtkDropDown   *end_drop;
  GtkStack      *compare_stack;
  GtkLabel      *compare_summary;
  GtkLabel      *start_label;
  GtkLabel      *end_label;
  SamMapView    *start_view;
  SamMapView    *end_view;
  SamMapView    *toggle_view;
  GtkWidget     *show_end_button;

  SamMapLoader  *loader;

  /* the element the side panel shows */
  SamMapKind     panel_kind;
  char          *panel_id;
  char          *note_relation_id;  /* whose note the note view holds */
  gboolean       loading;
  guint          note_save_id;

  /* comparison */
  gboolean       comparing;
  char          *compare_layout;  /* "side" or "toggle" */
  gboolean       show_end;
  GPtrArray     *snapshots;       /* SamMapSnapshotRecord */
  GtkStringList *snapshot_names;
  SamMapModel   *compare_start;
  SamMapModel   *compare_end;
};

/* sam-map-page-compare.c */
void     _sam_map_page_compare_init    (SamMapPage   *self);
void     _sam_map_page_compare_dispose (SamMapPage   *self);
void     _sam_map_page_reload_snapshots (SamMapPage  *self);
void     _sam_map_page_set_comparing   (SamMapPage   *self,
                                        gboolean      comparing);
void     _sam_map_page_update_compare  (SamMapPage   *self);
void     _sam_map_page_show_end_changed (SamMapPage  *self);
void     _sam_map_page_install_compare_actions (GtkWidgetClass *widget_class);

/* sam-map-page-panel.c */
void     _sam_map_page_show_node       (SamMapPage           *self,
                                        const SamMapNode     *node);
void     _sam_map_page_show_relation   (SamMapPage           *self,
                                        const SamMapRelation *relation);
void     _sam_map_page_show_detail     (SamMapPage           *self,
                                        SamMapKind            kind,
                                        const char           *id);

/* sam-map-page.c */
void     _sam_map_page_report          (SamMapPage   *self,
                                        const GError *error);
void     _sam_map_page_toast           (SamMapPage   *self,
                                        const char   *message);

G_END_DECLS
