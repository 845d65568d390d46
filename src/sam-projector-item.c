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
};

G_DEFINE_FINAL_TYPE (SamProjectorItem, sam_projector_item, G_TYPE_OBJECT)

static void
sam_projector_item_finalize (GObject *object)
{
  SamProjectorItem *self = SAM_PROJECTOR_ITEM (object);

  g_free (self->text);
  g_free (self->detail);
  g_free (self->badge);

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
