/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-card-actions.h"
#include "sam-card-list-private.h"
#include "sam-card-row.h"

/* The "cards.*" actions of #SamCardList and the helpers they share with it:
 * every change to a card ends here, in a sam_store_* call. */

void
_sam_card_list_report_error (SamCardList  *self,
                             const GError *error)
{
  sam_card_actions_report_error (GTK_WIDGET (self), error);
}

gboolean
_sam_card_list_in_bucket (SamCard     *card,
                          SamCardList *self)
{
  if (g_strcmp0 (sam_card_get_kind (card), self->kind) != 0 ||
      sam_card_get_team_id (card) != self->team_id ||
      sam_card_get_about_team_id (card) != self->about_team_id ||
      sam_card_get_parent_id (card) != self->parent_id ||
      g_strcmp0 (sam_card_get_prompt (card), self->prompt ? self->prompt : "") != 0)
    return FALSE;

  return self->filter_func == NULL || self->filter_func (card, self->filter_data);
}

SamCard *
_sam_card_list_card_from_id (SamCardList *self,
                             gint64       id)
{
  if (self->store == NULL || self->step == NULL)
    return NULL;

  return sam_store_find_card (self->store, self->step, id);
}

gboolean
_sam_card_list_add_card (SamCardList *self,
                         const char  *text)
{
  SamCardInit init = { 0 };

  init.kind = self->kind;
  init.team_id = self->team_id;
  init.about_team_id = self->about_team_id;
  init.parent_id = self->parent_id;
  init.prompt = self->prompt;
  init.value = self->new_value;
  init.response = self->new_response;
  init.text = text;
  return sam_card_actions_add (GTK_WIDGET (self), self->store, self->step, &init);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  _sam_card_list_add_card (SAM_CARD_LIST (widget), g_variant_get_string (param, NULL));
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamCardList *self = SAM_CARD_LIST (widget);
  g_autofree char *text = NULL;
  gint64 id;

  g_variant_get (param, "(xs)", &id, &text);
  sam_card_actions_set_text (widget, self->store, _sam_card_list_card_from_id (self, id),
                             g_str_equal (action_name, "cards.set-detail") ?
                             SAM_CARD_FIELD_DETAIL : SAM_CARD_FIELD_TEXT,
                             text);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamCardList *self = SAM_CARD_LIST (widget);

  sam_card_actions_delete (widget, self->store,
                           _sam_card_list_card_from_id (self, g_variant_get_int64 (param)));
}

static gboolean
focus_is_in (SamCardList *self,
             SamCard     *card)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, SAM_TYPE_CARD_ROW) : NULL;

  return row != NULL && sam_card_row_get_card (SAM_CARD_ROW (row)) == card;
}

static void
move_card_to (SamCardList *self,
              SamCard     *card,
              SamCard     *target)
{
  gboolean had_focus = focus_is_in (self, card);

  if (sam_card_actions_move_to (GTK_WIDGET (self), self->store, card, target) && had_focus)
    sam_card_list_focus_card (self, card);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamCardList *self = SAM_CARD_LIST (widget);
  g_autoptr(SamCard) target = NULL;
  SamCard *card;
  gint64 id;
  gint32 delta;

  g_variant_get (param, "(xi)", &id, &delta);
  card = _sam_card_list_card_from_id (self, id);
  if (card == NULL || self->filtered == NULL)
    return;

  target = sam_card_actions_neighbour (G_LIST_MODEL (self->filtered), card, delta);
  if (target != NULL)
    move_card_to (self, card, target);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SamCardList *self = SAM_CARD_LIST (widget);
  SamCard *card, *target;
  gint64 id, target_id;

  g_variant_get (param, "(xx)", &id, &target_id);
  card = _sam_card_list_card_from_id (self, id);
  target = _sam_card_list_card_from_id (self, target_id);

  /* Only cards of this bucket are taken: a card dragged from another
   * team's list keeps its team. */
  if (card != NULL && target != NULL && card != target && _sam_card_list_in_bucket (card, self))
    move_card_to (self, card, target);
}

void
_sam_card_list_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "cards.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "cards.set-text", "(xs)", set_text_action);
  gtk_widget_class_install_action (widget_class, "cards.set-detail", "(xs)", set_text_action);
  gtk_widget_class_install_action (widget_class, "cards.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "cards.move", "(xi)", move_action);
  gtk_widget_class_install_action (widget_class, "cards.move-to", "(xx)", move_to_action);
}
