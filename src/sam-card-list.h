/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

/**
 * SECTION:sam-card-list
 * @title: SamCardList
 * @short_description: the editable cards of one "bucket" of an exercise
 *
 * A #SamCardList shows the cards of one step that belong together — a
 * *bucket* — as large, readable cards, each with a stripe in the colour of
 * the team that wrote it and that team's name (never colour alone).  Below
 * the cards sits a field where the room types the next card.
 *
 * The bucket is a filter over sam_store_get_cards(): a card is shown when
 * its kind equals #SamCardList:kind and its team_id, about_team_id,
 * parent_id and prompt equal the list's #SamCardList:team-id,
 * #SamCardList:about-team-id, #SamCardList:parent-id and
 * #SamCardList:prompt.  A new card gets exactly those values, so it lands in
 * the same bucket.  Set the bucket with sam_card_list_new() (or the
 * construct properties), then hand the list its #SamCardList:store,
 * #SamCardList:workshop and #SamCardList:step, usually by binding the page's
 * own properties:
 *
 * |[<!-- language="C" -->
 * GtkWidget *list = sam_card_list_new ("change", sam_team_get_id (team), 0, 0, NULL);
 * sam_card_list_set_placeholder (SAM_CARD_LIST (list), _("A change around us…"));
 * g_object_bind_property (page, "store", list, "store", G_BINDING_SYNC_CREATE);
 * g_object_bind_property (page, "workshop", list, "workshop", G_BINDING_SYNC_CREATE);
 * g_object_bind_property (page, "step", list, "step", G_BINDING_SYNC_CREATE);
 * ]|
 *
 * What the room can do, all saved at once (autosave, nothing lost):
 * - type in the field and press Enter: the card is added and the field
 *   keeps the focus for the next one; Shift+Enter starts a new line; an empty
 *   or blank text is ignored, never stored;
 * - edit a card in place: a click on its text (or Enter while it has the
 *   focus) opens it in a multi-line text view; it is saved as typed; Enter
 *   or Escape closes it, Shift+Enter is a new line; an emptied card is not
 *   saved and its text comes back when the focus leaves it.  Shown, a card's
 *   text is a wrapping label, so 10,000+ characters lay out without freezing;
 * - delete a card from its menu (Undo in the toast brings it back);
 * - reorder: Move Up / Move Down in the card's menu, Alt+Up / Alt+Down while
 *   a card has the focus, or drag a card by its handle onto another card of
 *   the same list.
 *
 * Actions (prefix "cards", installed on the widget, so a test or a menu
 * inside the list can call them with gtk_widget_activate_action()):
 * - `cards.add` (s): adds a card with this text to the bucket (blank: ignored)
 * - `cards.set-text` ((xs)): sets the text of the card with this id
 * - `cards.set-detail` ((xs)): sets the detail of the card with this id
 * - `cards.delete` (x): moves the card to the trash and offers Undo
 * - `cards.move` ((xi)): moves the card this many places within the bucket
 *   (-1 up, 1 down)
 *
 * The list does not scroll by itself: put it in the page's scrolled window.
 * Each card's own rows are private (#SamCardRow); tests find them with
 * sam_card_list_get_cards() and the actions above.
 *
 * Exercises add their own controls to each card with
 * sam_card_list_set_extra_func() (a value toggle, a response selector, or
 * a nested #SamCardList of the card's children), and can show the card's
 * detail under its text with #SamCardList:show-detail.
 */

#define SAM_TYPE_CARD_LIST (sam_card_list_get_type ())

G_DECLARE_FINAL_TYPE (SamCardList, sam_card_list, SAM, CARD_LIST, GtkWidget)

/**
 * SamCardExtraFunc:
 * @list: the list
 * @card: the card a row is made for
 * @user_data: the data given to sam_card_list_set_extra_func()
 *
 * Makes the widget shown under one card's text, e.g. a toggle for the
 * card's value.  Called once per row, when the row is made; the widget
 * should follow @card's properties (connect to "notify") and change the
 * card only through sam_store_* functions.
 *
 * Returns: (transfer floating) (nullable): the widget, or %NULL for none
 */
typedef GtkWidget *(*SamCardExtraFunc) (SamCardList *list,
                                        SamCard     *card,
                                        gpointer     user_data);

/**
 * SamCardFilterFunc:
 * @card: a card of the bucket
 * @user_data: the data given to sam_card_list_set_filter_func()
 *
 * Returns: %TRUE to show @card
 */
typedef gboolean (*SamCardFilterFunc) (SamCard  *card,
                                       gpointer  user_data);

GtkWidget   *sam_card_list_new              (const char        *kind,
                                             gint64             team_id,
                                             gint64             about_team_id,
                                             gint64             parent_id,
                                             const char        *prompt);
SamStore    *sam_card_list_get_store        (SamCardList       *self);
SamWorkshop *sam_card_list_get_workshop     (SamCardList       *self);
SamStep     *sam_card_list_get_step         (SamCardList       *self);
const char  *sam_card_list_get_kind         (SamCardList       *self);
gint64       sam_card_list_get_team_id      (SamCardList       *self);
gint64       sam_card_list_get_parent_id    (SamCardList       *self);
void         sam_card_list_set_placeholder  (SamCardList       *self,
                                             const char        *placeholder);
void         sam_card_list_set_show_detail  (SamCardList       *self,
                                             gboolean           show_detail);
void        sam_card_list_set_new_values  (SamCardList       *self,
                                          int                value,
                                          int                response);
void         sam_card_list_set_show_team    (SamCardList       *self,
                                             gboolean           show_team);
void         sam_card_list_set_extra_func   (SamCardList       *self,
                                             SamCardExtraFunc   func,
                                             gpointer           user_data,
                                             GDestroyNotify     destroy);
void         sam_card_list_set_filter_func  (SamCardList       *self,
                                             SamCardFilterFunc  func,
                                             gpointer           user_data,
                                             GDestroyNotify     destroy);
void         sam_card_list_refilter         (SamCardList       *self);
GListModel  *sam_card_list_get_cards        (SamCardList       *self);
guint        sam_card_list_get_n_cards      (SamCardList       *self);
gboolean     sam_card_list_focus_card       (SamCardList       *self,
                                             SamCard           *card);
void         sam_card_list_focus_entry      (SamCardList       *self);

G_END_DECLS
