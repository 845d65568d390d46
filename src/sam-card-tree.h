/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* The cards of a page as one scrolling list view: per section (a team, a
 * column) a header, its cards each followed by the cards under it and a
 * field for the next of those, then a field for the section's next card.
 * Rows are recycled; only the rows in view exist.  It carries the
 * "cards.*" actions of a #SamCardList for the cards it shows. */
#define SAM_TYPE_CARD_TREE (sam_card_tree_get_type ())

G_DECLARE_FINAL_TYPE (SamCardTree, sam_card_tree, SAM, CARD_TREE, GtkWidget)

typedef struct
{
  /* The hints in the fields for a section's next card and the next card
   * under a card. */
  const char *parent_placeholder;
  const char *child_placeholder;
  /* A section's header, made once per recycled row and bound to a section. */
  GtkWidget  *(*header_new)    (gpointer     user_data);
  void        (*header_bind)   (GtkWidget   *header,
                                GObject     *section,
                                gpointer     user_data);
  void        (*header_unbind) (GtkWidget   *header,
                                gpointer     user_data);
  /* Shown under a section's card, above the cards under it (each
   * nullable). */
  GtkWidget  *(*extra_new)     (gpointer     user_data);
  void        (*extra_bind)    (GtkWidget   *extra,
                                SamCard     *parent,
                                gpointer     user_data);
  void        (*extra_unbind)  (GtkWidget   *extra,
                                gpointer     user_data);
  /* The live buckets: a section's cards, the cards under a card.
   * @children may be %NULL: then a card has no cards under it and no
   * field for them. */
  GListModel *(*parents)       (SamCardTree *tree,
                                GObject     *section,
                                gpointer     user_data);
  GListModel *(*children)      (SamCardTree *tree,
                                SamCard     *parent,
                                gpointer     user_data);
  /* Adds a card typed into a field (@parent NULL: the section's). */
  gboolean    (*add)           (SamCardTree *tree,
                                GObject     *section,
                                SamCard     *parent,
                                const char  *text,
                                gpointer     user_data);
  /* The hint in one section's field (@parent NULL) or in the field under
   * @parent, when it differs by section (nullable; it returns a new
   * string, or %NULL for the placeholders above). */
  char       *(*placeholder)   (SamCardTree *tree,
                                GObject     *section,
                                SamCard     *parent,
                                gpointer     user_data);
} SamCardTreeSpec;

GtkWidget   *sam_card_tree_new           (const SamCardTreeSpec *spec,
                                          gpointer               user_data);
SamCardTree *sam_card_tree_new_in_box    (const SamCardTreeSpec *spec,
                                          gpointer               user_data,
                                          const char            *label,
                                          GtkBox                *box,
                                          GtkWidget             *top);
void         sam_card_tree_set_context   (SamCardTree           *self,
                                          SamStore              *store,
                                          SamWorkshop           *workshop,
                                          SamStep               *step,
                                          GListModel            *sections);
void         sam_card_tree_set_top       (SamCardTree           *self,
                                          GtkWidget             *top);
SamStore    *sam_card_tree_get_store     (SamCardTree           *self);
SamStep     *sam_card_tree_get_step      (SamCardTree           *self);
GListModel  *sam_card_tree_get_cards     (SamCardTree           *self);
GListModel  *sam_card_tree_get_bucket    (SamCardTree           *self,
                                          const char            *kind,
                                          gint64                 team_id,
                                          gint64                 about_team_id,
                                          gint64                 parent_id,
                                          const char            *prompt);
GListModel  *sam_card_tree_get_rows      (SamCardTree           *self);
GtkWidget   *sam_card_tree_get_list_view (SamCardTree           *self);
GtkWidget   *sam_card_tree_show_entry    (SamCardTree           *self,
                                          GObject               *section,
                                          SamCard               *parent);
GtkWidget   *sam_card_tree_show_card     (SamCardTree           *self,
                                          SamCard               *card);

G_END_DECLS
