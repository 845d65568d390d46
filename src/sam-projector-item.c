/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-projector-item.h"

/* One cell of the projector's card grid.  Items are snapshots of what the
 * store holds: the view builds a new list when the workshop changes, and
 * the grid's rows are recycled for them. */
struct _SamProjectorItem
{
  GObject parent_instance;

  SamProjectorItemKind kind;
  char *text;
  char *detail;
  char *badge;
  int colour;
  gint64 card_id;

  SamProjectorDrawFunc draw;
  gpointer draw_data;
  GDestroyNotify draw_destroy;
  char *chart_key;
};

G_DEFINE_FINAL_TYPE (SamProjectorItem, sam_projector_item, G_TYPE_OBJECT)

static void
sam_projector_item_finalize (GObject *object)
{
  SamProjectorItem *self = SAM_PROJECTOR_ITEM (object);

  g_free (self->text);
  g_free (self->detail);
  g_free (self->badge);
  g_free (self->chart_key);
  if (self->draw_destroy != NULL)
    self->draw_destroy (self->draw_data);

  G_OBJECT_CLASS (sam_projector_item_parent_class)->finalize (object);
}

static void
sam_projector_item_class_init (SamProjectorItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_projector_item_finalize;
}

static void
sam_projector_item_init (SamProjectorItem *self)
{
  self->colour = -1;
}

/**
 * sam_projector_item_new:
 * @kind: what the cell shows
 * @text: (nullable): the main text: a card's text, a team's name
 * @detail: (nullable): smaller lines below it
 * @badge: (nullable): a short status (a response, the votes)
 *
 * Returns: (transfer full): a new item
 */
SamProjectorItem *
sam_projector_item_new (SamProjectorItemKind  kind,
                        const char           *text,
                        const char           *detail,
                        const char           *badge)
{
  SamProjectorItem *self = g_object_new (SAM_TYPE_PROJECTOR_ITEM, NULL);

  self->kind = kind;
  self->text = g_strdup (text != NULL ? text : "");
  self->detail = (detail != NULL && *detail != '\0') ? g_strdup (detail) : NULL;
  self->badge = (badge != NULL && *badge != '\0') ? g_strdup (badge) : NULL;
  return self;
}

SamProjectorItemKind
sam_projector_item_get_kind (SamProjectorItem *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_ITEM (self), SAM_PROJECTOR_ITEM_EMPTY);
  return self->kind;
}

const char *
sam_projector_item_get_text (SamProjectorItem *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_ITEM (self), NULL);
  return self->text;
}

const char *
sam_projector_item_get_detail (SamProjectorItem *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_ITEM (self), NULL);
  return self->detail;
}

const char *
sam_projector_item_get_badge (SamProjectorItem *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_ITEM (self), NULL);
  return self->badge;
}

/**
 * sam_projector_item_get_colour:
 * @self: an item
 *
 * Returns: the team's palette index, or -1 for none
 */
int
sam_projector_item_get_colour (SamProjectorItem *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_ITEM (self), -1);
  return self->colour;
}

void
sam_projector_item_set_colour (SamProjectorItem *self,
                               int               colour)
{
  g_return_if_fail (SAM_IS_PROJECTOR_ITEM (self));
  self->colour = colour;
}

/**
 * sam_projector_item_get_card_id:
 * @self: an item
 *
 * Returns: the id of the card (or agreement, plan) shown, 0 for none: the
 *   coach's highlight names it
 */
gint64
sam_projector_item_get_card_id (SamProjectorItem *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_ITEM (self), 0);
  return self->card_id;
}

void
sam_projector_item_set_card_id (SamProjectorItem *self,
                                gint64            card_id)
{
  g_return_if_fail (SAM_IS_PROJECTOR_ITEM (self));
  self->card_id = card_id;
}

/**
 * sam_projector_item_set_chart:
 * @self: an item
 * @draw: draws the chart, with @data
 * @data: (transfer full): what the chart shows
 * @destroy: (nullable): frees @data
 * @key: the chart's data in words or numbers: two charts with the same
 *   key look the same, so the wall is not redrawn for nothing
 *
 * Gives a chart item its chart, or a card a bar below its text.
 */
void
sam_projector_item_set_chart (SamProjectorItem     *self,
                              SamProjectorDrawFunc  draw,
                              gpointer              data,
                              GDestroyNotify        destroy,
                              const char           *key)
{
  g_return_if_fail (SAM_IS_PROJECTOR_ITEM (self));
  g_return_if_fail (draw != NULL);

  if (self->draw_destroy != NULL)
    self->draw_destroy (self->draw_data);
  self->draw = draw;
  self->draw_data = data;
  self->draw_destroy = destroy;
  g_free (self->chart_key);
  self->chart_key = g_strdup (key != NULL ? key : "");
}

gboolean
sam_projector_item_has_chart (SamProjectorItem *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_ITEM (self), FALSE);
  return self->draw != NULL;
}

/**
 * sam_projector_item_get_chart_key:
 * @self: an item
 *
 * Returns: (nullable): what the chart shows, as given; %NULL without one
 */
const char *
sam_projector_item_get_chart_key (SamProjectorItem *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_ITEM (self), NULL);
  return self->chart_key;
}

/**
 * sam_projector_item_draw_chart:
 * @self: an item with a chart
 * @cr: where to draw
 * @width: the chart's width
 * @height: the chart's height
 * @dark: whether the background is dark
 */
void
sam_projector_item_draw_chart (SamProjectorItem *self,
                               cairo_t          *cr,
                               double            width,
                               double            height,
                               gboolean          dark)
{
  g_return_if_fail (SAM_IS_PROJECTOR_ITEM (self));

  if (self->draw != NULL && width > 1 && height > 1)
    self->draw (cr, width, height, dark, self->draw_data);
}
