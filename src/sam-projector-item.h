/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SamProjectorItemKind:
 * @SAM_PROJECTOR_ITEM_HEADING: a column's heading: a team's colour and name
 * @SAM_PROJECTOR_ITEM_CARD: one card (or agreement, plan) with its details
 * @SAM_PROJECTOR_ITEM_EMPTY: a free cell where a column is shorter
 * @SAM_PROJECTOR_ITEM_CHART: a chart with its title, as tall as a page
 */
typedef enum
{
  SAM_PROJECTOR_ITEM_HEADING,
  SAM_PROJECTOR_ITEM_CARD,
  SAM_PROJECTOR_ITEM_EMPTY,
  SAM_PROJECTOR_ITEM_CHART,
} SamProjectorItemKind;

/* Draws an item's chart (or a card's bar) into @width × @height. */
typedef void (*SamProjectorDrawFunc) (cairo_t  *cr,
                                      double    width,
                                      double    height,
                                      gboolean  dark,
                                      gpointer  data);

#define SAM_TYPE_PROJECTOR_ITEM (sam_projector_item_get_type ())

G_DECLARE_FINAL_TYPE (SamProjectorItem, sam_projector_item, SAM, PROJECTOR_ITEM, GObject)

SamProjectorItem     *sam_projector_item_new         (SamProjectorItemKind  kind,
                                                      const char           *text,
                                                      const char           *detail,
                                                      const char           *badge);
SamProjectorItemKind  sam_projector_item_get_kind    (SamProjectorItem     *self);
const char           *sam_projector_item_get_text    (SamProjectorItem     *self);
const char           *sam_projector_item_get_detail  (SamProjectorItem     *self);
const char           *sam_projector_item_get_badge   (SamProjectorItem     *self);
int                   sam_projector_item_get_colour  (SamProjectorItem     *self);
void                  sam_projector_item_set_colour  (SamProjectorItem     *self,
                                                      int                   colour);
gint64                sam_projector_item_get_card_id (SamProjectorItem     *self);
void                  sam_projector_item_set_card_id (SamProjectorItem     *self,
                                                      gint64                card_id);
void                  sam_projector_item_set_chart   (SamProjectorItem     *self,
                                                      SamProjectorDrawFunc  draw,
                                                      gpointer              data,
                                                      GDestroyNotify        destroy,
                                                      const char           *key);
gboolean              sam_projector_item_has_chart   (SamProjectorItem     *self);
const char           *sam_projector_item_get_chart_key (SamProjectorItem   *self);
void                  sam_projector_item_draw_chart  (SamProjectorItem     *self,
                                                      cairo_t              *cr,
                                                      double                width,
                                                      double                height,
                                                      gboolean              dark);

G_END_DECLS
