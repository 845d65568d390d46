/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-actions.h"
#include "sam-card-bucket.h"
#include "sam-card-row.h"
#include "sam-card-tree.h"
#include "sam-compat.h"
#include "sam-list-slice.h"

/* One list view over one flat model, so a page scrolls as one and costs
 * what is on screen, not what the workshop holds:
 *
 *   per section: its header, then per card of the section: the card, the
 *   cards under it, a field for the next card under it; then a field for
 *   the section's next card.
 *
 * The flat model is a tree of flatten models over stores of row models,
 * kept in step with the store's live buckets by splicing: a card added,
 * moved or deleted changes only its own rows.  (GtkMapListModel kept a
 * stale row after a move on GTK 4.8.)  Rows are recycled: a row takes the
 * widget for its kind of item and keeps it while it shows the same kind.
 *
 * The view sees the first rows only, more as it is scrolled near their end
 * (sam-list-slice.c): a page of 1,200 cards builds the rows of its first
 * screen before it is painted, not the 200 rows GTK 4.8 would make. */

typedef enum {
  ROW_TOP,
  ROW_HEADER,
  ROW_PARENT,
  ROW_CHILD,
  ROW_ADD_PARENT,
  ROW_ADD_CHILD,
} RowKind;

/* The rows that are not cards: a section's header and the fields for new
 * cards.  Each knows where its card goes. */
#define SAM_TYPE_CARD_TREE_MARK (sam_card_tree_mark_get_type ())
G_DECLARE_FINAL_TYPE (SamCardTreeMark, sam_card_tree_mark, SAM, CARD_TREE_MARK, GObject)

struct _SamCardTreeMark
{
  GObject parent_instance;

  RowKind kind;
  GObject *section;
  SamCard *parent;
};

G_DEFINE_FINAL_TYPE (SamCardTreeMark, sam_card_tree_mark, G_TYPE_OBJECT)

static void
sam_card_tree_mark_dispose (GObject *object)
{
  SamCardTreeMark *self = SAM_CARD_TREE_MARK (object);

  g_clear_object (&self->section);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (sam_card_tree_mark_parent_class)->dispose (object);
}

static void
sam_card_tree_mark_class_init (SamCardTreeMarkClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sam_card_tree_mark_dispose;
}

static void
sam_card_tree_mark_init (SamCardTreeMark *self)
{
}

static SamCardTreeMark *
mark_new (RowKind  kind,
          GObject *section,
          SamCard *parent)
{
  SamCardTreeMark *mark = g_object_new (SAM_TYPE_CARD_TREE_MARK, NULL);

  mark->kind = kind;
  mark->section = section ? g_object_ref (section) : NULL;
  mark->parent = parent ? g_object_ref (parent) : NULL;
  return mark;
}

struct _SamCardTree
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkListView *list_view;

  SamCardTreeSpec spec;
  gpointer user_data;
  GtkWidget *top;

  SamStore *store;
  SamWorkshop *workshop;
  SamStep *step;
  GListModel *cards;
  GListModel *rows;

  /* What the list view is given: the first rows of @rows. */
  GtkSliceListModel *slice;
};

G_DEFINE_FINAL_TYPE (SamCardTree, sam_card_tree, GTK_TYPE_WIDGET)

/* --- The flat model ----------------------------------------------------- */

typedef GListModel *(*RowsFunc) (SamCardTree *self,
                                 GObject     *item,
                                 GObject     *section);

/* Keeps @mapped, a store of row models, one per item of @source, in step
 * with @source: only what changed is made again. */
static void
mapped_changed_cb (GListModel *source,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListStore *mapped)
{
  RowsFunc func = g_object_get_data (G_OBJECT (mapped), "rows-func");
  SamCardTree *self = g_object_get_data (G_OBJECT (mapped), "tree");
  GObject *section = g_object_get_data (G_OBJECT (mapped), "section");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (source, position + i);

      g_ptr_array_add (parts, func (self, item, section ? section : item));
    }
  g_list_store_splice (mapped, position, removed, parts->pdata, added);
}

/* The rows of every item of @source, one after the other. */
static GListModel *
flat_rows (SamCardTree *self,
           GListModel  *source,
           GObject     *section,
           RowsFunc     func)
{
  GListStore *mapped = g_list_store_new (G_TYPE_LIST_MODEL);

  g_object_set_data (G_OBJECT (mapped), "rows-func", func);
  g_object_set_data (G_OBJECT (mapped), "tree", self);
  if (section != NULL)
    g_object_set_data_full (G_OBJECT (mapped), "section", g_object_ref (section), g_object_unref);
  g_signal_connect_object (source, "items-changed", G_CALLBACK (mapped_changed_cb), mapped, 0);
  mapped_changed_cb (source, 0, 0, g_list_model_get_n_items (source), mapped);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (mapped)));
}

static GListModel *
list_of (gpointer item)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  g_list_store_append (store, item);
  g_object_unref (item);
  return G_LIST_MODEL (store);
}

/* A card, the cards under it and the field for the next of those. */
static GListModel *
parent_rows (SamCardTree *self,
             GObject     *item,
             GObject     *section)
{
  SamCard *parent = SAM_CARD (item);
  GListStore *parts;
  g_autoptr(GListModel) head = list_of (g_object_ref (parent));
  g_autoptr(GListModel) tail = NULL;
  GListModel *children;

  /* A page whose cards have none under them: the card alone. */
  if (self->spec.children == NULL)
    return g_steal_pointer (&head);

  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  tail = list_of (mark_new (ROW_ADD_CHILD, section, parent));
  children = self->spec.children (self, parent, self->user_data);
  g_list_store_append (parts, head);
  if (children != NULL)
    g_list_store_append (parts, children);
  g_list_store_append (parts, tail);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/* A section's header, its cards with theirs, the field for the next card. */
static GListModel *
section_rows (SamCardTree *self,
              GObject     *item,
              GObject     *section)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) head = list_of (mark_new (ROW_HEADER, item, NULL));
  g_autoptr(GListModel) tail = list_of (mark_new (ROW_ADD_PARENT, item, NULL));
  GListModel *parents = self->spec.parents (self, item, self->user_data);

  g_list_store_append (parts, head);
  /* Without cards under cards, the bucket itself is the section's rows:
   * no model per card. */
  if (parents != NULL && self->spec.children == NULL)
    g_list_store_append (parts, parents);
  else if (parents != NULL)
    {
      g_autoptr(GListModel) flat = flat_rows (self, parents, item, parent_rows);

      g_list_store_append (parts, flat);
    }
  g_list_store_append (parts, tail);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/* A card is a section's own when it has no parent. */
static RowKind
row_kind (gpointer item)
{
  if (SAM_IS_CARD_TREE_MARK (item))
    return SAM_CARD_TREE_MARK (item)->kind;

  return sam_card_get_parent_id (item) > 0 ? ROW_CHILD : ROW_PARENT;
}

/* --- Rows ---------------------------------------------------------------- */

static SamTeam *
team_of_card (SamCardTree *self,
              SamCard     *card)
{
  if (self->store == NULL || self->workshop == NULL || sam_card_get_team_id (card) <= 0)
    return NULL;
  return sam_store_find_team (self->store, self->workshop, sam_card_get_team_id (card));
}

static void add_from_entry (GtkWidget *entry);

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkWidget             *entry)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  /* Enter adds the card and keeps the field for the next one;
   * Shift+Enter is a new line within the card. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && mods == 0)
    {
      add_from_entry (entry);
      return TRUE;
    }

  return FALSE;
}

static void
entry_buffer_changed_cb (GtkTextBuffer *buffer,
                         GtkWidget     *placeholder)
{
  gtk_widget_set_visible (placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
entry_add_clicked_cb (GtkWidget *button,
                      GtkWidget *entry)
{
  add_from_entry (entry);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (entry), "view"));
}

/* The field for the next card, as in a #SamCardList: a text view (cards
 * may have several lines) with its hint over it, and an Add button. */
static GtkWidget *
entry_new (void)
{
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *placeholder = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "sam-card-entry");
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (entry_key_pressed_cb), entry);
  gtk_widget_add_controller (view, key);

  gtk_widget_set_can_target (placeholder, FALSE);
  gtk_label_set_xalign (GTK_LABEL (placeholder), 0);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (placeholder), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_valign (placeholder, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (placeholder, 14);
  gtk_widget_set_margin_end (placeholder, 14);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "sam-card-placeholder");
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (entry_buffer_changed_cb), placeholder, 0);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), view);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), placeholder);
  gtk_overlay_set_measure_overlay (GTK_OVERLAY (overlay), placeholder, TRUE);
  gtk_widget_set_hexpand (overlay, TRUE);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Add Card (Enter)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Card (Enter)"), -1);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (entry_add_clicked_cb), entry);

  gtk_box_append (GTK_BOX (entry), overlay);
  gtk_box_append (GTK_BOX (entry), button);
  gtk_widget_add_css_class (entry, "sam-card-entry-box");
  g_object_set_data (G_OBJECT (entry), "view", view);
  g_object_set_data (G_OBJECT (entry), "placeholder", placeholder);
  return entry;
}

static void
entry_bind (SamCardTree     *self,
            GtkWidget       *entry,
            SamCardTreeMark *mark)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (entry), "view");
  GtkWidget *placeholder = g_object_get_data (G_OBJECT (entry), "placeholder");
  g_autofree char *own_hint = NULL;
  const char *hint = mark->kind == ROW_ADD_CHILD ? self->spec.child_placeholder : self->spec.parent_placeholder;

  if (self->spec.placeholder != NULL &&
      (own_hint = self->spec.placeholder (self, mark->section, mark->parent, self->user_data)) != NULL)
    hint = own_hint;

  /* A recycled field starts empty: what was typed belonged to another
   * bucket (the list keeps the focused row, so a field being typed in is
   * never recycled). */
  if (g_object_get_data (G_OBJECT (entry), "mark") != mark)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "", 0);
  g_object_set_data_full (G_OBJECT (entry), "mark", g_object_ref (mark), g_object_unref);
  gtk_label_set_text (GTK_LABEL (placeholder), hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, hint, -1);
}

static GtkWidget *
row_widget_new (SamCardTree *self,
                RowKind      kind)
{
  GtkWidget *child = NULL;
  GtkWidget *card_row;

  switch (kind)
    {
    case ROW_TOP:
      child = self->top;
      break;
    case ROW_HEADER:
      child = self->spec.header_new (self->user_data);
      g_object_set_data (G_OBJECT (child), "header", child);
      break;
    case ROW_PARENT:
      card_row = g_object_new (SAM_TYPE_CARD_ROW, NULL);
      child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      gtk_box_append (GTK_BOX (child), card_row);
      g_object_set_data (G_OBJECT (child), "card-row", card_row);
      if (self->spec.extra_new != NULL)
        {
          GtkWidget *extra = self->spec.extra_new (self->user_data);

          gtk_widget_set_margin_start (extra, 36);
          gtk_box_append (GTK_BOX (child), extra);
          g_object_set_data (G_OBJECT (child), "extra", extra);
        }
      break;
    case ROW_CHILD:
      child = g_object_new (SAM_TYPE_CARD_ROW, NULL);
      g_object_set_data (G_OBJECT (child), "card-row", child);
      break;
    case ROW_ADD_PARENT:
    case ROW_ADD_CHILD:
      child = entry_new ();
      break;
    default:
      g_assert_not_reached ();
    }

  /* The cards under a card hang under it. */
  if (kind == ROW_CHILD || kind == ROW_ADD_CHILD)
    {
      gtk_widget_set_margin_start (child, 36);
      gtk_widget_add_css_class (child, "sam-card-tree-child");
    }
  g_object_set_data (G_OBJECT (child), "row-kind", GINT_TO_POINTER (kind + 1));
  return child;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SamCardTree              *self)
{
  GtkWidget *bin = adw_bin_new ();

  gtk_widget_add_css_class (bin, "sam-card-tree-row");
  gtk_list_item_set_child (item, bin);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         SamCardTree              *self)
{
  GtkWidget *bin = gtk_list_item_get_child (item);
  gpointer object = gtk_list_item_get_item (item);
  RowKind kind = row_kind (object);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (bin));

  /* The card's own fields take the focus, not the row around them. */
  sam_compat_list_item_set_unfocusable (item);
  if (child == NULL || GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "row-kind")) != (int) kind + 1)
    {
      child = row_widget_new (self, kind);
      adw_bin_set_child (ADW_BIN (bin), child);
    }

  /* What the page shows above its sections scrolls with them. */
  if (kind == ROW_TOP)
    gtk_widget_add_css_class (bin, "sam-card-tree-top");
  else
    gtk_widget_remove_css_class (bin, "sam-card-tree-top");
  gtk_widget_remove_css_class (bin, "sam-section-top");
  gtk_widget_remove_css_class (bin, "sam-section-bottom");
  if (kind == ROW_HEADER)
    gtk_widget_add_css_class (bin, "sam-section-top");
  else if (kind == ROW_ADD_PARENT)
    gtk_widget_add_css_class (bin, "sam-section-bottom");

  switch (kind)
    {
    case ROW_TOP:
      break;
    case ROW_HEADER:
      self->spec.header_bind (child, SAM_CARD_TREE_MARK (object)->section, self->user_data);
      break;
    case ROW_PARENT:
    case ROW_CHILD:
      sam_card_row_bind (g_object_get_data (G_OBJECT (child), "card-row"), self->store,
                         object, team_of_card (self, object), FALSE, FALSE);
      if (g_object_get_data (G_OBJECT (child), "extra") != NULL && self->spec.extra_bind != NULL)
        self->spec.extra_bind (g_object_get_data (G_OBJECT (child), "extra"), object, self->user_data);
      break;
    case ROW_ADD_PARENT:
    case ROW_ADD_CHILD:
      entry_bind (self, child, object);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SamCardTree              *self)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (gtk_list_item_get_child (item)));
  SamCardRow *card_row;
  GtkWidget *extra;

  if (child == NULL)
    return;

  /* The page's own widget is shown by one row at a time. */
  if (child == self->top)
    {
      adw_bin_set_child (ADW_BIN (gtk_list_item_get_child (item)), NULL);
      return;
    }

  card_row = g_object_get_data (G_OBJECT (child), "card-row");
  extra = g_object_get_data (G_OBJECT (child), "extra");
  if (card_row != NULL)
    sam_card_row_unbind (card_row);
  if (extra != NULL && self->spec.extra_unbind != NULL)
    self->spec.extra_unbind (extra, self->user_data);
  if (g_object_get_data (G_OBJECT (child), "header") != NULL && self->spec.header_unbind != NULL)
    self->spec.header_unbind (child, self->user_data);
}

/* --- Finding rows on screen ---------------------------------------------- */

static GtkWidget *
find_row_child (SamCardTree *self,
                gpointer     item)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *bin = gtk_widget_get_first_child (row);
      GtkWidget *child;
      SamCardRow *card_row;

      if (bin == NULL || !ADW_IS_BIN (bin) || (child = adw_bin_get_child (ADW_BIN (bin))) == NULL)
        continue;
      if (g_object_get_data (G_OBJECT (child), "mark") == item)
        return child;
      card_row = g_object_get_data (G_OBJECT (child), "card-row");
      if (card_row != NULL && sam_card_row_get_card (card_row) == item)
        return GTK_WIDGET (card_row);
    }

  return NULL;
}

static guint
position_of (SamCardTree *self,
             gpointer     item)
{
  guint n = self->rows ? g_list_model_get_n_items (self->rows) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (self->rows, i);

      if (other == item)
        return i;
    }

  return G_MAXUINT;
}

static void
scroll_to (SamCardTree *self,
           guint        position)
{
  if (position == G_MAXUINT)
    return;

  /* The row and a screen's worth after it. */
  if (self->slice != NULL)
    sam_list_slice_ensure (self->slice, position + SAM_LIST_SLICE_STEP);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
add_from_entry (GtkWidget *entry)
{
  SamCardTree *self = SAM_CARD_TREE (gtk_widget_get_ancestor (entry, SAM_TYPE_CARD_TREE));
  SamCardTreeMark *mark = g_object_get_data (G_OBJECT (entry), "mark");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (g_object_get_data (G_OBJECT (entry), "view"));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self == NULL || mark == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* On failure the text stays in the field, so nothing typed is lost. */
  if (!self->spec.add (self, mark->section, mark->parent, text, self->user_data))
    return;

  gtk_text_buffer_set_text (buffer, "", 0);
  /* The new card pushed the field down: keep it in sight. */
  scroll_to (self, position_of (self, mark));
}

/* --- Actions ------------------------------------------------------------- */

static SamCard *
card_from_id (SamCardTree *self,
              gint64       id)
{
  if (self->store == NULL || self->step == NULL)
    return NULL;
  return sam_store_find_card (self->store, self->step, id);
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamCardTree *self = SAM_CARD_TREE (widget);
  g_autofree char *text = NULL;
  gint64 id;

  g_variant_get (param, "(xs)", &id, &text);
  sam_card_actions_set_text (widget, self->store, card_from_id (self, id),
                             g_str_equal (action_name, "cards.set-detail") ?
                             SAM_CARD_FIELD_DETAIL : SAM_CARD_FIELD_TEXT,
                             text);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamCardTree *self = SAM_CARD_TREE (widget);

  sam_card_actions_delete (widget, self->store, card_from_id (self, g_variant_get_int64 (param)));
}

static gboolean
focus_is_in (SamCardTree *self,
             SamCard     *card)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, SAM_TYPE_CARD_ROW) : NULL;

  return row != NULL && sam_card_row_get_card (SAM_CARD_ROW (row)) == card;
}

/* A moved card's row is made again in its new place; the focus follows. */
static void
move_card (SamCardTree *self,
           SamCard     *card,
           SamCard     *target)
{
  gboolean had_focus = focus_is_in (self, card);
  GtkWidget *row;

  if (!sam_card_actions_move_to (GTK_WIDGET (self), self->store, card, target) || !had_focus)
    return;

  row = sam_card_tree_show_card (self, card);
  if (row != NULL)
    sam_card_row_focus_text (SAM_CARD_ROW (row));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamCardTree *self = SAM_CARD_TREE (widget);
  g_autoptr(SamCard) target = NULL;
  SamCard *card;
  gint64 id;
  gint32 delta;

  g_variant_get (param, "(xi)", &id, &delta);
  card = card_from_id (self, id);
  if (card == NULL || self->cards == NULL)
    return;

  target = sam_card_actions_neighbour (sam_card_bucket_get (self->cards, sam_card_get_kind (card),
                                                            sam_card_get_team_id (card),
                                                            sam_card_get_about_team_id (card),
                                                            sam_card_get_parent_id (card),
                                                            sam_card_get_prompt (card)),
                                       card, delta);
  if (target != NULL)
    move_card (self, card, target);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SamCardTree *self = SAM_CARD_TREE (widget);
  SamCard *card, *target;
  gint64 id, target_id;

  g_variant_get (param, "(xx)", &id, &target_id);
  card = card_from_id (self, id);
  target = card_from_id (self, target_id);

  /* A card dragged onto another bucket's card (another team's, a change
   * onto an impact) keeps its place. */
  if (card != NULL && target != NULL && card != target && sam_card_actions_same_bucket (card, target))
    move_card (self, card, target);
}

/* --- The widget ---------------------------------------------------------- */

static void
sam_card_tree_dispose (GObject *object)
{
  SamCardTree *self = (SamCardTree *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->slice);
  g_clear_object (&self->rows);
  g_clear_object (&self->cards);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->top);
  self->list_view = NULL;
  g_clear_object (&self->step);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_card_tree_parent_class)->dispose (object);
}

static void
sam_card_tree_class_init (SamCardTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_card_tree_dispose;

  /* The same actions as a #SamCardList's, so a card row works the same
   * here (see sam-card-list.h). */
  gtk_widget_class_install_action (widget_class, "cards.set-text", "(xs)", set_text_action);
  gtk_widget_class_install_action (widget_class, "cards.set-detail", "(xs)", set_text_action);
  gtk_widget_class_install_action (widget_class, "cards.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "cards.move", "(xi)", move_action);
  gtk_widget_class_install_action (widget_class, "cards.move-to", "(xx)", move_to_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sam_card_tree_init (SamCardTree *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *clamp = adw_clamp_scrollable_new ();

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "sam-card-tree");
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "sam-page-list");
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 1100);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 900);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->list_view));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/**
 * sam_card_tree_new:
 * @spec: what the page's sections, cards and fields are (copied)
 * @user_data: for @spec's functions
 *
 * Returns: (transfer floating): a new, empty tree
 */
GtkWidget *
sam_card_tree_new (const SamCardTreeSpec *spec,
                   gpointer               user_data)
{
  SamCardTree *self = g_object_new (SAM_TYPE_CARD_TREE, NULL);

  self->spec = *spec;
  self->user_data = user_data;
  return GTK_WIDGET (self);
}

/**
 * sam_card_tree_new_in_box:
 * @spec: what the page's sections, cards and fields are (copied)
 * @user_data: for @spec's functions
 * @label: the list's accessible label
 * @box: the page's box the tree goes into, at its end
 * @top: a child of @box (from the page's template) that becomes the tree's
 *   top (sam_card_tree_set_top()); it leaves @box, and the tree holds it
 *
 * The set-up of an exercise page whose cards are one tree: what the page
 * shows above them scrolls with them, and the page keeps one scroller.
 *
 * Returns: (transfer none): the new tree, a child of @box
 */
SamCardTree *
sam_card_tree_new_in_box (const SamCardTreeSpec *spec,
                          gpointer               user_data,
                          const char            *label,
                          GtkBox                *box,
                          GtkWidget             *top)
{
  SamCardTree *self;

  g_return_val_if_fail (gtk_widget_get_parent (top) == GTK_WIDGET (box), NULL);

  self = SAM_CARD_TREE (sam_card_tree_new (spec, user_data));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_ref (top);
  gtk_box_remove (box, top);
  sam_card_tree_set_top (self, top);
  g_object_unref (top);
  gtk_box_append (box, GTK_WIDGET (self));
  return self;
}

/**
 * sam_card_tree_set_context:
 * @self: a #SamCardTree
 * @store: (nullable): the store
 * @workshop: (nullable): the workshop
 * @step: (nullable): the step whose cards are shown
 * @sections: (nullable): the sections (teams, or the page's own objects)
 *
 * Shows the cards of @step, or nothing while one of these is %NULL.
 */
void
sam_card_tree_set_context (SamCardTree *self,
                           SamStore    *store,
                           SamWorkshop *workshop,
                           SamStep     *step,
                           GListModel  *sections)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (SAM_IS_CARD_TREE (self));

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->slice);
  g_clear_object (&self->rows);
  g_clear_object (&self->cards);
  g_set_object (&self->store, store);
  g_set_object (&self->workshop, workshop);
  g_set_object (&self->step, step);

  if (store == NULL || step == NULL || sections == NULL)
    return;

  self->cards = g_object_ref (sam_store_get_cards (store, step));
  self->rows = flat_rows (self, sections, NULL, section_rows);
  if (self->top != NULL)
    {
      GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
      g_autoptr(GListModel) head = list_of (mark_new (ROW_TOP, NULL, NULL));

      g_list_store_append (parts, head);
      g_list_store_append (parts, self->rows);
      g_object_unref (self->rows);
      self->rows = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
    }
  self->slice = sam_list_slice_new (g_object_ref (self->rows), GTK_SCROLLED_WINDOW (self->scroller),
                                    SAM_LIST_SLICE_FIRST, SAM_LIST_SLICE_STEP);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

/**
 * sam_card_tree_set_top:
 * @self: a #SamCardTree
 * @top: (nullable): what the page shows above the sections (an
 *   introduction, a summary): the list's first row, so it scrolls with
 *   the cards and the page keeps one scroller
 *
 * Takes effect with the next sam_card_tree_set_context().
 */
void
sam_card_tree_set_top (SamCardTree *self,
                       GtkWidget   *top)
{
  g_return_if_fail (SAM_IS_CARD_TREE (self));

  if (top != NULL)
    {
      g_object_ref_sink (top);
      g_object_set_data (G_OBJECT (top), "row-kind", GINT_TO_POINTER (ROW_TOP + 1));
    }
  g_clear_object (&self->top);
  self->top = top;
}

SamStore *
sam_card_tree_get_store (SamCardTree *self)
{
  g_return_val_if_fail (SAM_IS_CARD_TREE (self), NULL);
  return self->store;
}

SamStep *
sam_card_tree_get_step (SamCardTree *self)
{
  g_return_val_if_fail (SAM_IS_CARD_TREE (self), NULL);
  return self->step;
}

/**
 * sam_card_tree_get_cards:
 * @self: a #SamCardTree
 *
 * Returns: (transfer none) (nullable): the step's cards, for
 *   sam_card_bucket_get()
 */
GListModel *
sam_card_tree_get_cards (SamCardTree *self)
{
  g_return_val_if_fail (SAM_IS_CARD_TREE (self), NULL);
  return self->cards;
}

/**
 * sam_card_tree_get_bucket:
 * @self: a #SamCardTree
 * @kind: the cards' kind, e.g. "change"
 * @team_id: the writing team, or 0
 * @about_team_id: the team the cards are about, or 0
 * @parent_id: the card they belong to, or 0
 * @prompt: (nullable): the question they answer, or %NULL for none
 *
 * The live bucket of the step's cards with these values (see
 * sam_card_bucket_get()), as a page's #SamCardTreeSpec hands out a
 * section's cards or the cards under a card.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SamCard, or
 *   %NULL while the tree shows no step
 */
GListModel *
sam_card_tree_get_bucket (SamCardTree *self,
                          const char  *kind,
                          gint64       team_id,
                          gint64       about_team_id,
                          gint64       parent_id,
                          const char  *prompt)
{
  g_return_val_if_fail (SAM_IS_CARD_TREE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (self->cards == NULL)
    return NULL;
  return sam_card_bucket_get (self->cards, kind, team_id, about_team_id, parent_id, prompt);
}

/**
 * sam_card_tree_get_rows:
 * @self: a #SamCardTree
 *
 * Returns: (transfer none) (nullable): the flat list shown: per section
 *   a header (not a card), its cards each followed by the cards under it
 *   and a field (not a card), then a field
 */
GListModel *
sam_card_tree_get_rows (SamCardTree *self)
{
  g_return_val_if_fail (SAM_IS_CARD_TREE (self), NULL);
  return self->rows;
}

GtkWidget *
sam_card_tree_get_list_view (SamCardTree *self)
{
  g_return_val_if_fail (SAM_IS_CARD_TREE (self), NULL);
  return GTK_WIDGET (self->list_view);
}

/**
 * sam_card_tree_show_entry:
 * @self: a #SamCardTree
 * @section: the section whose field for a new card is wanted
 * @parent: (nullable): or the card whose field for a card under it is wanted
 *
 * Scrolls the field into view.
 *
 * Returns: (transfer none) (nullable): the field's text view, %NULL when
 *   its row is not made (yet: rows are made when the list is laid out)
 */
GtkWidget *
sam_card_tree_show_entry (SamCardTree *self,
                          GObject     *section,
                          SamCard     *parent)
{
  guint n;

  g_return_val_if_fail (SAM_IS_CARD_TREE (self), NULL);

  n = self->rows ? g_list_model_get_n_items (self->rows) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->rows, i);
      SamCardTreeMark *mark;
      GtkWidget *entry;

      if (!SAM_IS_CARD_TREE_MARK (item))
        continue;
      mark = SAM_CARD_TREE_MARK (item);
      if (parent != NULL ? (mark->kind != ROW_ADD_CHILD || mark->parent != parent)
                         : (mark->kind != ROW_ADD_PARENT || mark->section != section))
        continue;

      scroll_to (self, i);
      entry = find_row_child (self, mark);
      return entry ? g_object_get_data (G_OBJECT (entry), "view") : NULL;
    }

  return NULL;
}

/**
 * sam_card_tree_show_card:
 * @self: a #SamCardTree
 * @card: a card shown in the tree
 *
 * Scrolls @card into view.
 *
 * Returns: (transfer none) (nullable): its #SamCardRow, %NULL when its row
 *   is not made (yet)
 */
GtkWidget *
sam_card_tree_show_card (SamCardTree *self,
                         SamCard     *card)
{
  g_return_val_if_fail (SAM_IS_CARD_TREE (self), NULL);

  scroll_to (self, position_of (self, card));
  return find_row_child (self, card);
}
