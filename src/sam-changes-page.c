/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-actions.h"
#include "sam-card-bucket.h"
#include "sam-card-row.h"
#include "sam-changes-page.h"
#include "sam-compat.h"
#include "sam-palette.h"

/* "Changes and impact": per team, what changes around the organisation
 * (cards of kind "change") and under each change what it means for the
 * team's own work (kind "impact", whose parent is the change).
 *
 * The whole page is one list view over one flat model, so it scrolls as
 * one and costs what is on screen, not what the workshop holds:
 *
 *   team header, then per change: the change, its impacts, a field for
 *   the next impact; then a field for the team's next change.
 *
 * The flat model is built from the store's live buckets with flatten
 * models: a card added, moved or deleted changes only its own rows.  Rows are recycled: a row takes whichever kind of item it is bound
 * to, and keeps its widgets while it shows the same kind. */

typedef enum {
  ROW_HEADER,
  ROW_CHANGE,
  ROW_IMPACT,
  ROW_ADD_CHANGE,
  ROW_ADD_IMPACT,
} RowKind;

/* The rows that are not cards: a team's header and the fields for new
 * cards.  Each knows the bucket it belongs to. */
#define SAM_TYPE_CHANGES_MARK (sam_changes_mark_get_type ())
G_DECLARE_FINAL_TYPE (SamChangesMark, sam_changes_mark, SAM, CHANGES_MARK, GObject)

struct _SamChangesMark
{
  GObject parent_instance;

  RowKind kind;
  SamTeam *team;
  SamCard *change;
};

G_DEFINE_FINAL_TYPE (SamChangesMark, sam_changes_mark, G_TYPE_OBJECT)

static void
sam_changes_mark_dispose (GObject *object)
{
  SamChangesMark *self = SAM_CHANGES_MARK (object);

  g_clear_object (&self->team);
  g_clear_object (&self->change);

  G_OBJECT_CLASS (sam_changes_mark_parent_class)->dispose (object);
}

static void
sam_changes_mark_class_init (SamChangesMarkClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sam_changes_mark_dispose;
}

static void
sam_changes_mark_init (SamChangesMark *self)
{
}

static SamChangesMark *
mark_new (RowKind  kind,
          SamTeam *team,
          SamCard *change)
{
  SamChangesMark *mark = g_object_new (SAM_TYPE_CHANGES_MARK, NULL);

  mark->kind = kind;
  mark->team = team ? g_object_ref (team) : NULL;
  mark->change = change ? g_object_ref (change) : NULL;
  return mark;
}

struct _SamChangesPage
{
  SamExercisePage parent_instance;

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkListView *list_view;

  GListModel *cards;
  GListModel *rows;
};

G_DEFINE_FINAL_TYPE (SamChangesPage, sam_changes_page, SAM_TYPE_EXERCISE_PAGE)

/* --- The flat model ----------------------------------------------------- */

static GListModel *
list_of (gpointer item)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  g_list_store_append (store, item);
  g_object_unref (item);
  return G_LIST_MODEL (store);
}

typedef GListModel *(*RowsFunc) (SamChangesPage *self,
                                 gpointer        item);

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
  SamChangesPage *self = g_object_get_data (G_OBJECT (mapped), "page");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (source, position + i);

      g_ptr_array_add (parts, func (self, item));
    }
  g_list_store_splice (mapped, position, removed, parts->pdata, added);
}

/* The rows of every item of @source, one after the other. */
static GListModel *
flat_rows (SamChangesPage *self,
           GListModel     *source,
           RowsFunc        func)
{
  GListStore *mapped = g_list_store_new (G_TYPE_LIST_MODEL);

  g_object_set_data (G_OBJECT (mapped), "rows-func", func);
  g_object_set_data (G_OBJECT (mapped), "page", self);
  g_signal_connect_object (source, "items-changed", G_CALLBACK (mapped_changed_cb), mapped, 0);
  mapped_changed_cb (source, 0, 0, g_list_model_get_n_items (source), mapped);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (mapped)));
}

/* A change, its impacts and the field for the next impact. */
static GListModel *
change_rows (SamChangesPage *self,
             gpointer        item)
{
  SamCard *change = item;
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) head = list_of (g_object_ref (change));
  g_autoptr(GListModel) tail = list_of (mark_new (ROW_ADD_IMPACT, NULL, change));

  g_list_store_append (parts, head);
  if (self->cards != NULL)
    g_list_store_append (parts, sam_card_bucket_get (self->cards, "impact", sam_card_get_team_id (change),
                                                     0, sam_card_get_id (change), NULL));
  g_list_store_append (parts, tail);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/* A team's header, its changes with their impacts, the field for the next
 * change. */
static GListModel *
team_rows (SamChangesPage *self,
           gpointer        item)
{
  SamTeam *team = item;
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) head = list_of (mark_new (ROW_HEADER, team, NULL));
  g_autoptr(GListModel) tail = list_of (mark_new (ROW_ADD_CHANGE, team, NULL));

  g_list_store_append (parts, head);
  if (self->cards != NULL)
    {
      GListModel *changes = sam_card_bucket_get (self->cards, "change", sam_team_get_id (team), 0, 0, NULL);
      g_autoptr(GListModel) flat = flat_rows (self, changes, change_rows);

      g_list_store_append (parts, flat);
    }
  g_list_store_append (parts, tail);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

static RowKind
row_kind (gpointer item)
{
  if (SAM_IS_CHANGES_MARK (item))
    return SAM_CHANGES_MARK (item)->kind;

  return g_strcmp0 (sam_card_get_kind (item), "impact") == 0 ? ROW_IMPACT : ROW_CHANGE;
}

/* --- Rows ---------------------------------------------------------------- */

static SamTeam *
team_of_card (SamChangesPage *self,
              SamCard        *card)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));

  if (store == NULL || workshop == NULL || sam_card_get_team_id (card) <= 0)
    return NULL;
  return sam_store_find_team (store, workshop, sam_card_get_team_id (card));
}

static GtkWidget *
header_new (void)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_widget_add_css_class (swatch, "team-swatch");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "title-2");
  gtk_box_append (GTK_BOX (header), swatch);
  gtk_box_append (GTK_BOX (header), name);
  gtk_widget_add_css_class (header, "sam-changes-header");
  g_object_set_data (G_OBJECT (header), "swatch", swatch);
  g_object_set_data (G_OBJECT (header), "name", name);
  return header;
}

static void
header_bind (GtkWidget *header,
             SamTeam   *team)
{
  GtkWidget *swatch = g_object_get_data (G_OBJECT (header), "swatch");
  GtkWidget *name = g_object_get_data (G_OBJECT (header), "name");
  const char *old_class = g_object_get_data (G_OBJECT (header), "colour");
  g_autofree char *colour = g_strdup_printf ("team-colour-%u", sam_team_get_colour (team) % SAM_PALETTE_SIZE);
  GBinding *binding;

  if (old_class != NULL)
    gtk_widget_remove_css_class (swatch, old_class);
  gtk_widget_add_css_class (swatch, colour);
  g_object_set_data_full (G_OBJECT (header), "colour", g_steal_pointer (&colour), g_free);
  binding = g_object_bind_property (team, "name", name, "label", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (header), "binding", binding);
}

static void
header_unbind (GtkWidget *header)
{
  GBinding *binding = g_object_get_data (G_OBJECT (header), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (header), "binding", NULL);
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
entry_bind (GtkWidget      *entry,
            SamChangesMark *mark)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (entry), "view");
  GtkWidget *placeholder = g_object_get_data (G_OBJECT (entry), "placeholder");
  const char *hint = mark->kind == ROW_ADD_IMPACT ? _("An impact on our work…") : _("A change around us…");

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
change_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *row = g_object_new (SAM_TYPE_CARD_ROW, NULL);
  GtkWidget *label = gtk_label_new (_("What it means for our work"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 36);
  gtk_widget_add_css_class (label, "sam-impact-heading");
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "card-row", row);
  return box;
}

static GtkWidget *
row_widget_new (RowKind kind)
{
  GtkWidget *child = NULL;

  switch (kind)
    {
    case ROW_HEADER:
      child = header_new ();
      break;
    case ROW_CHANGE:
      child = change_new ();
      break;
    case ROW_IMPACT:
      child = g_object_new (SAM_TYPE_CARD_ROW, NULL);
      g_object_set_data (G_OBJECT (child), "card-row", child);
      break;
    case ROW_ADD_CHANGE:
    case ROW_ADD_IMPACT:
      child = entry_new ();
      break;
    default:
      g_assert_not_reached ();
    }

  /* Impacts hang under their change. */
  if (kind == ROW_IMPACT || kind == ROW_ADD_IMPACT)
    {
      gtk_widget_set_margin_start (child, 36);
      gtk_widget_add_css_class (child, "sam-impact-list");
    }
  g_object_set_data (G_OBJECT (child), "row-kind", GINT_TO_POINTER (kind + 1));
  return child;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SamChangesPage           *self)
{
  GtkWidget *bin = adw_bin_new ();

  gtk_widget_add_css_class (bin, "sam-changes-row");
  gtk_list_item_set_child (item, bin);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static const char *const section_classes[] = {
  "sam-section-top", "sam-section-bottom", NULL
};

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         SamChangesPage           *self)
{
  GtkWidget *bin = gtk_list_item_get_child (item);
  gpointer object = gtk_list_item_get_item (item);
  RowKind kind = row_kind (object);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (bin));

  /* The card's own fields take the focus, not the row around them. */
  sam_compat_list_item_set_unfocusable (item);
  if (child == NULL || GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "row-kind")) != (int) kind + 1)
    {
      child = row_widget_new (kind);
      adw_bin_set_child (ADW_BIN (bin), child);
    }

  for (guint i = 0; section_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (bin, section_classes[i]);
  if (kind == ROW_HEADER)
    gtk_widget_add_css_class (bin, "sam-section-top");
  else if (kind == ROW_ADD_CHANGE)
    gtk_widget_add_css_class (bin, "sam-section-bottom");

  switch (kind)
    {
    case ROW_HEADER:
      header_bind (child, SAM_CHANGES_MARK (object)->team);
      break;
    case ROW_CHANGE:
    case ROW_IMPACT:
      sam_card_row_bind (g_object_get_data (G_OBJECT (child), "card-row"),
                         sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self)),
                         object, team_of_card (self, object), FALSE, FALSE);
      break;
    case ROW_ADD_CHANGE:
    case ROW_ADD_IMPACT:
      entry_bind (child, object);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SamChangesPage           *self)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (gtk_list_item_get_child (item)));
  SamCardRow *card_row;

  if (child == NULL)
    return;

  card_row = g_object_get_data (G_OBJECT (child), "card-row");
  if (card_row != NULL)
    sam_card_row_unbind (card_row);
  else if (g_object_get_data (G_OBJECT (child), "swatch") != NULL)
    header_unbind (child);
}

/* --- Finding rows on screen ---------------------------------------------- */

static GtkWidget *
find_row_child (SamChangesPage *self,
                gpointer        item)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *bin = gtk_widget_get_first_child (row);
      GtkWidget *child;

      if (bin == NULL || !ADW_IS_BIN (bin) || (child = adw_bin_get_child (ADW_BIN (bin))) == NULL)
        continue;
      if (g_object_get_data (G_OBJECT (child), "mark") == item)
        return child;
      if (g_object_get_data (G_OBJECT (child), "card-row") != NULL &&
          sam_card_row_get_card (g_object_get_data (G_OBJECT (child), "card-row")) == item)
        return g_object_get_data (G_OBJECT (child), "card-row");
    }

  return NULL;
}

static guint
position_of (SamChangesPage *self,
             gpointer        item)
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
scroll_to (SamChangesPage *self,
           guint           position)
{
  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
add_from_entry (GtkWidget *entry)
{
  SamChangesPage *self = SAM_CHANGES_PAGE (gtk_widget_get_ancestor (entry, SAM_TYPE_CHANGES_PAGE));
  SamChangesMark *mark = g_object_get_data (G_OBJECT (entry), "mark");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (g_object_get_data (G_OBJECT (entry), "view"));
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  SamCardInit init = { 0 };

  if (self == NULL || mark == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  init.text = text;
  if (mark->kind == ROW_ADD_IMPACT)
    {
      init.kind = "impact";
      init.team_id = sam_card_get_team_id (mark->change);
      init.parent_id = sam_card_get_id (mark->change);
    }
  else
    {
      init.kind = "change";
      init.team_id = sam_team_get_id (mark->team);
    }

  /* On failure the text stays in the field, so nothing typed is lost. */
  if (!sam_card_actions_add (GTK_WIDGET (self), sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self)),
                             sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self)), &init))
    return;

  gtk_text_buffer_set_text (buffer, "", 0);
  /* The new card pushed the field down: keep it in sight. */
  scroll_to (self, position_of (self, mark));
}

/* --- Actions ------------------------------------------------------------- */

static SamCard *
card_from_id (SamChangesPage *self,
              gint64          id)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));

  if (store == NULL || step == NULL)
    return NULL;
  return sam_store_find_card (store, step, id);
}

static void
add_to_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamChangesPage *self = SAM_CHANGES_PAGE (widget);
  g_autofree char *text = NULL;
  gint64 team_id, parent_id;
  SamCardInit init = { 0 };

  g_variant_get (param, "(xxs)", &team_id, &parent_id, &text);
  init.kind = parent_id > 0 ? "impact" : "change";
  init.team_id = team_id;
  init.parent_id = parent_id;
  init.text = text;
  sam_card_actions_add (widget, sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self)),
                        sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self)), &init);
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamChangesPage *self = SAM_CHANGES_PAGE (widget);
  g_autofree char *text = NULL;
  gint64 id;

  g_variant_get (param, "(xs)", &id, &text);
  sam_card_actions_set_text (widget, sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self)),
                             card_from_id (self, id),
                             g_str_equal (action_name, "cards.set-detail") ?
                             SAM_CARD_FIELD_DETAIL : SAM_CARD_FIELD_TEXT,
                             text);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamChangesPage *self = SAM_CHANGES_PAGE (widget);

  sam_card_actions_delete (widget, sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self)),
                           card_from_id (self, g_variant_get_int64 (param)));
}

static gboolean
focus_is_in (SamChangesPage *self,
             SamCard        *card)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, SAM_TYPE_CARD_ROW) : NULL;

  return row != NULL && sam_card_row_get_card (SAM_CARD_ROW (row)) == card;
}

/* A moved card's row is made again in its new place; the focus follows. */
static void
move_card (SamChangesPage *self,
           SamCard        *card,
           SamCard        *target)
{
  gboolean had_focus = focus_is_in (self, card);
  GtkWidget *row;

  if (!sam_card_actions_move_to (GTK_WIDGET (self), sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self)),
                                 card, target) || !had_focus)
    return;

  scroll_to (self, position_of (self, card));
  row = find_row_child (self, card);
  if (row != NULL)
    sam_card_row_focus_text (SAM_CARD_ROW (row));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamChangesPage *self = SAM_CHANGES_PAGE (widget);
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
  SamChangesPage *self = SAM_CHANGES_PAGE (widget);
  SamCard *card, *target;
  gint64 id, target_id;

  g_variant_get (param, "(xx)", &id, &target_id);
  card = card_from_id (self, id);
  target = card_from_id (self, target_id);

  /* A card dragged onto another team's card, or a change onto an impact,
   * keeps its place. */
  if (card != NULL && target != NULL && card != target && sam_card_actions_same_bucket (card, target))
    move_card (self, card, target);
}

/* --- The page ------------------------------------------------------------ */

static void
update_stack (SamChangesPage *self)
{
  GListModel *teams = sam_exercise_page_get_teams (SAM_EXERCISE_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack,
                                    teams != NULL && g_list_model_get_n_items (teams) > 0 &&
                                    self->cards != NULL ? "teams" : "no-teams");
}

static void
rebind (SamChangesPage *self)
{
  GListModel *teams = sam_exercise_page_get_teams (SAM_EXERCISE_PAGE (self));
  GListModel *cards = sam_exercise_page_get_cards (SAM_EXERCISE_PAGE (self));
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->rows);
  g_set_object (&self->cards, cards);

  if (teams != NULL && cards != NULL)
    {
      self->rows = flat_rows (self, teams, team_rows);
      selection = gtk_no_selection_new (g_object_ref (self->rows));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }

  update_stack (self);
}

static void
sam_changes_page_context_changed (SamExercisePage *page,
                                  SamStore        *old_store,
                                  SamWorkshop     *old_workshop,
                                  SamStep         *old_step)
{
  rebind (SAM_CHANGES_PAGE (page));
}

static void
sam_changes_page_teams_changed (SamExercisePage *page)
{
  update_stack (SAM_CHANGES_PAGE (page));
}

static void
sam_changes_page_dispose (GObject *object)
{
  SamChangesPage *self = (SamChangesPage *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->rows);
  g_clear_object (&self->cards);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_CHANGES_PAGE);

  G_OBJECT_CLASS (sam_changes_page_parent_class)->dispose (object);
}

static void
sam_changes_page_class_init (SamChangesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_changes_page_dispose;
  page_class->context_changed = sam_changes_page_context_changed;
  page_class->teams_changed = sam_changes_page_teams_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-changes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamChangesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SamChangesPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SamChangesPage, list_view);

  /* The same actions as a #SamCardList's, so a card row works the same on
   * this page; "cards.add-to" ((xxs): team, change or 0, text) adds a
   * change, or an impact under a change. */
  gtk_widget_class_install_action (widget_class, "cards.add-to", "(xxs)", add_to_action);
  gtk_widget_class_install_action (widget_class, "cards.set-text", "(xs)", set_text_action);
  gtk_widget_class_install_action (widget_class, "cards.set-detail", "(xs)", set_text_action);
  gtk_widget_class_install_action (widget_class, "cards.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "cards.move", "(xi)", move_action);
  gtk_widget_class_install_action (widget_class, "cards.move-to", "(xx)", move_to_action);
}

static void
sam_changes_page_init (SamChangesPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  update_stack (self);
}

/**
 * sam_changes_page_get_changes:
 * @self: a #SamChangesPage
 * @team: a team of the workshop
 *
 * Returns: (transfer none) (nullable): the live list of @team's changes,
 *   in order
 */
GListModel *
sam_changes_page_get_changes (SamChangesPage *self,
                              SamTeam        *team)
{
  g_return_val_if_fail (SAM_IS_CHANGES_PAGE (self), NULL);
  g_return_val_if_fail (SAM_IS_TEAM (team), NULL);

  if (self->cards == NULL)
    return NULL;
  return sam_card_bucket_get (self->cards, "change", sam_team_get_id (team), 0, 0, NULL);
}

/**
 * sam_changes_page_get_impacts:
 * @self: a #SamChangesPage
 * @change: a change card of the page
 *
 * Returns: (transfer none) (nullable): the live list of the change's
 *   impacts, in order
 */
GListModel *
sam_changes_page_get_impacts (SamChangesPage *self,
                              SamCard        *change)
{
  g_return_val_if_fail (SAM_IS_CHANGES_PAGE (self), NULL);
  g_return_val_if_fail (SAM_IS_CARD (change), NULL);

  if (self->cards == NULL)
    return NULL;
  return sam_card_bucket_get (self->cards, "impact", sam_card_get_team_id (change), 0,
                              sam_card_get_id (change), NULL);
}

/**
 * sam_changes_page_get_rows:
 * @self: a #SamChangesPage
 *
 * Returns: (transfer none) (nullable): the flat list the page shows: per
 *   team its header, each change followed by its impacts and the field for
 *   the next impact, then the field for the next change
 */
GListModel *
sam_changes_page_get_rows (SamChangesPage *self)
{
  g_return_val_if_fail (SAM_IS_CHANGES_PAGE (self), NULL);
  return self->rows;
}

/**
 * sam_changes_page_get_list_view:
 * @self: a #SamChangesPage
 *
 * Returns: (transfer none): the page's one list view
 */
GtkWidget *
sam_changes_page_get_list_view (SamChangesPage *self)
{
  g_return_val_if_fail (SAM_IS_CHANGES_PAGE (self), NULL);
  return GTK_WIDGET (self->list_view);
}

/**
 * sam_changes_page_show_entry:
 * @self: a #SamChangesPage
 * @team: the team whose field for a new change is wanted
 * @change: (nullable): or the change whose field for a new impact is wanted
 *
 * Scrolls the field into view.
 *
 * Returns: (transfer none) (nullable): the field's text view, %NULL when
 *   its row is not made (yet: rows are made when the list is laid out)
 */
GtkWidget *
sam_changes_page_show_entry (SamChangesPage *self,
                             SamTeam        *team,
                             SamCard        *change)
{
  guint n;

  g_return_val_if_fail (SAM_IS_CHANGES_PAGE (self), NULL);

  n = self->rows ? g_list_model_get_n_items (self->rows) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->rows, i);
      SamChangesMark *mark;
      GtkWidget *entry;

      if (!SAM_IS_CHANGES_MARK (item))
        continue;
      mark = SAM_CHANGES_MARK (item);
      if (change != NULL ? (mark->kind != ROW_ADD_IMPACT || mark->change != change)
                         : (mark->kind != ROW_ADD_CHANGE || mark->team != team))
        continue;

      scroll_to (self, i);
      entry = find_row_child (self, mark);
      return entry ? g_object_get_data (G_OBJECT (entry), "view") : NULL;
    }

  return NULL;
}
