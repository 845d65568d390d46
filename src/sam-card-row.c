/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-list.h"
#include "sam-card-row.h"
#include "sam-field.h"
#include "sam-palette.h"
#include "sam-text-box.h"

/* One card: its text is shown in a wrapping label (which measures its
 * height for any width, also for very long texts) and edited in place in a
 * text view after a click or Enter; it is saved while it is typed.  The
 * menu, the keyboard and drag-and-drop go through the owning list's
 * "cards.*" actions, so every path does the same. */
struct _SamCardRow
{
  GtkWidget parent_instance;

  GtkWidget *frame;
  GtkWidget *stripe;
  GtkLabel *team_label;
  GtkStack *text_stack;
  GtkButton *text_button;
  GtkLabel *text_label;
  GtkTextView *text_view;
  GtkLabel *detail_label;
  GtkBox *extra_box;
  GtkMenuButton *menu_button;
  GtkWidget *handle;

  SamStore *store;
  SamCard *card;
  SamTeam *team;
  gulong text_handler;
  gulong detail_handler;
  gulong team_handler;
  guint colour;
  guint relayout_id;
  gboolean show_detail;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (SamCardRow, sam_card_row, GTK_TYPE_WIDGET)

static char *
dup_buffer_text (SamCardRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* What a card shows when it is not being edited: enough to read from the
 * back of the room.  A pasted report of thousands of characters would cost
 * seconds of text shaping on every layout, so the rest waits behind a click. */
#define SHOWN_CHARS 600

static void
load_label (SamCardRow *self)
{
  const char *text = sam_card_get_text (self->card);
  glong length = g_utf8_strlen (text, -1);
  g_autofree char *head = NULL;
  g_autofree char *shown = NULL;

  if (length <= SHOWN_CHARS)
    {
      gtk_label_set_text (self->text_label, text);
      return;
    }

  head = g_utf8_substring (text, 0, SHOWN_CHARS);
  shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: %s is the start of a long card, %ld how much more it holds */
                                        "%s…\n\n(%ld more character: click to read or edit the whole card)",
                                        "%s…\n\n(%ld more characters: click to read or edit the whole card)",
                                        length - SHOWN_CHARS),
                           head, length - SHOWN_CHARS);
  gtk_label_set_text (self->text_label, shown);
}

static gboolean
is_editing (SamCardRow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->text_stack), "edit") == 0;
}

/* The editor holds the text only while the card is being edited. */
static void
load_buffer (SamCardRow  *self,
             const char  *text)
{
  g_autofree char *current = dup_buffer_text (self);

  if (g_strcmp0 (current, text) == 0)
    return;

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  self->loading = FALSE;
}

static void
load_text (SamCardRow *self)
{
  load_label (self);

  /* Only an outside change (Undo, another view) rewrites the text in the
   * editor, and never while it is typed in: each key is stored already. */
  if (is_editing (self) && !sam_field_is_editing (GTK_WIDGET (self->text_view)))
    {
      g_autofree char *text = g_strstrip (dup_buffer_text (self));

      if (g_strcmp0 (text, sam_card_get_text (self->card)) != 0)
        load_buffer (self, sam_card_get_text (self->card));
    }
  gtk_widget_remove_css_class (self->frame, "error");
}

static void
load_detail (SamCardRow *self)
{
  const char *detail = sam_card_get_detail (self->card);
  gboolean visible = self->show_detail && detail != NULL && *detail != '\0';

  gtk_label_set_text (self->detail_label, visible ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), visible);
}

static void
load_team (SamCardRow *self)
{
  g_autofree char *old_class = g_strdup_printf ("team-colour-%u", self->colour);
  g_autofree char *new_class = NULL;
  g_autofree char *description = NULL;

  gtk_widget_remove_css_class (self->stripe, old_class);
  if (self->team == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->team_label), FALSE);
      gtk_widget_add_css_class (self->stripe, "no-team");
      return;
    }

  self->colour = sam_team_get_colour (self->team) % SAM_PALETTE_SIZE;
  new_class = g_strdup_printf ("team-colour-%u", self->colour);
  gtk_widget_add_css_class (self->stripe, new_class);
  gtk_label_set_text (self->team_label, sam_team_get_name (self->team));

  /* The colour helps the room; the name says it for everyone. */
  /* Translators: %s is a team name; read by screen readers for a card */
  description = g_strdup_printf (_("Written by %s"), sam_team_get_name (self->team));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
buffer_changed_cb (SamCardRow    *self,
                   GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;

  if (self->loading || self->card == NULL)
    return;

  text = g_strstrip (dup_buffer_text (self));
  if (*text == '\0')
    {
      /* An emptied card is not saved; its text comes back on focus-out. */
      gtk_widget_add_css_class (self->frame, "error");
      return;
    }

  gtk_widget_remove_css_class (self->frame, "error");
  if (g_strcmp0 (text, sam_card_get_text (self->card)) == 0)
    return;

  /* The action says what went wrong; the editor shows what is stored. */
  gtk_widget_activate_action (GTK_WIDGET (self), "cards.set-text", "(xs)",
                              sam_card_get_id (self->card), text);
  if (g_strcmp0 (text, sam_card_get_text (self->card)) != 0)
    {
      GtkTextIter end;

      load_buffer (self, sam_card_get_text (self->card));
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
    }
}

static void
start_editing (SamCardRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter end;

  load_buffer (self, sam_card_get_text (self->card));
  gtk_stack_set_visible_child_name (self->text_stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

static void
stop_editing (SamCardRow *self)
{
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self->text_view));

  gtk_stack_set_visible_child_name (self->text_stack, "show");
  load_buffer (self, "");
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_button));
}

static void
focus_leave_cb (SamCardRow *self)
{
  g_autofree char *text = NULL;

  /* The focus also leaves while the row is being destroyed. */
  if (self->card == NULL || self->text_view == NULL)
    return;

  /* An emptied card keeps its stored text, which the label shows. */
  text = g_strstrip (dup_buffer_text (self));
  if (*text == '\0')
    gtk_widget_remove_css_class (self->frame, "error");
  gtk_stack_set_visible_child_name (self->text_stack, "show");
  load_buffer (self, "");
}

static gboolean
row_key_pressed_cb (SamCardRow      *self,
                    guint            keyval,
                    guint            keycode,
                    GdkModifierType  state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if (mods != GDK_ALT_MASK || self->card == NULL)
    return FALSE;

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    return gtk_widget_activate_action (GTK_WIDGET (self), "cards.move", "(xi)",
                                       sam_card_get_id (self->card), -1);
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return gtk_widget_activate_action (GTK_WIDGET (self), "cards.move", "(xi)",
                                       sam_card_get_id (self->card), 1);

  return FALSE;
}

static gboolean
text_key_pressed_cb (SamCardRow      *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  /* Enter (or Escape) finishes the card, which is saved already; Shift+Enter
   * is a new line within the card. */
  if (((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && mods == 0) ||
      keyval == GDK_KEY_Escape)
    {
      stop_editing (self);
      return TRUE;
    }

  return FALSE;
}

static GMenuModel *
menu_new (SamCardRow *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();
  gint64 id = sam_card_get_id (self->card);
  g_autoptr(GMenuItem) up = g_menu_item_new (_("Move _Up"), NULL);
  g_autoptr(GMenuItem) down = g_menu_item_new (_("Move _Down"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete Card"), NULL);

  g_menu_item_set_action_and_target_value (up, "cards.move", g_variant_new ("(xi)", id, -1));
  g_menu_item_set_attribute (up, "accel", "s", "<Alt>Up");
  g_menu_item_set_action_and_target_value (down, "cards.move", g_variant_new ("(xi)", id, 1));
  g_menu_item_set_attribute (down, "accel", "s", "<Alt>Down");
  g_menu_item_set_action_and_target_value (delete, "cards.delete", g_variant_new_int64 (id));
  g_menu_append_item (moves, up);
  g_menu_append_item (moves, down);
  g_menu_append_item (removal, delete);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));

  /* "Look at this one", while presenting: a card, not an impact under it,
   * is a cell on the wall. */
  if (sam_card_get_parent_id (self->card) == 0)
    {
      g_autoptr(GMenu) projector = g_menu_new ();
      g_autoptr(GMenuItem) show = g_menu_item_new (_("_Show on the Projector"), NULL);

      g_menu_item_set_action_and_target_value (show, "win.projector-highlight", g_variant_new_int64 (id));
      g_menu_item_set_attribute (show, "hidden-when", "s", "action-disabled");
      g_menu_append_item (projector, show);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (projector));
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));

  return G_MENU_MODEL (menu);
}

/* The menu is made when it opens: a page of a thousand cards does not
 * build a thousand menus it may never show. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  SamCardRow *self = user_data;
  g_autoptr(GMenuModel) menu = NULL;

  if (self->card == NULL || gtk_menu_button_get_menu_model (button) != NULL)
    return;

  menu = menu_new (self);
  gtk_menu_button_set_menu_model (button, menu);
}

static GdkContentProvider *
drag_prepare_cb (SamCardRow    *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  if (self->card == NULL)
    return NULL;

  return gdk_content_provider_new_typed (SAM_TYPE_CARD, self->card);
}

static void
drag_begin_cb (SamCardRow    *self,
               GdkDrag       *drag,
               GtkDragSource *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (self->frame);

  gtk_drag_source_set_icon (source, paintable, 24, 24);
}

static gboolean
drop_cb (SamCardRow   *self,
         const GValue *value,
         double        x,
         double        y)
{
  SamCard *dropped;

  if (!G_VALUE_HOLDS (value, SAM_TYPE_CARD))
    return FALSE;

  dropped = g_value_get_object (value);
  if (self->card == NULL || dropped == self->card)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "cards.move-to", "(xx)",
                                     sam_card_get_id (dropped), sam_card_get_id (self->card));
}

/* A text view that gets its text before it is on screen can keep the height
 * it measured before its lines were laid out (seen with GTK 4.8: a card made
 * again after a move showed no text).  Measure again once the lines are
 * laid out; the text view lays them out at a higher priority than this. */
static gboolean
relayout_cb (gpointer data)
{
  SamCardRow *self = data;

  self->relayout_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self->text_view));
  return G_SOURCE_REMOVE;
}

static void
text_view_map_cb (SamCardRow *self)
{
  if (self->relayout_id == 0)
    self->relayout_id = g_idle_add_full (G_PRIORITY_LOW, relayout_cb, self, NULL);
}

static void
setup_controllers (SamCardRow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *row_key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (SAM_TYPE_CARD, GDK_ACTION_MOVE);

  /* The text view can outlive its row: a focused one is still held by the
   * window when a moved card's row is thrown away, and its focus then
   * leaves.  Its handlers go with the row. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (text_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), key);

  gtk_event_controller_set_propagation_phase (row_key, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (row_key, "key-pressed", G_CALLBACK (row_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), row_key);

  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
  g_signal_connect_object (self->text_view, "map", G_CALLBACK (text_view_map_cb), self, G_CONNECT_SWAPPED);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_swapped (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (self->handle, GTK_EVENT_CONTROLLER (source));

  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
sam_card_row_dispose (GObject *object)
{
  SamCardRow *self = (SamCardRow *)object;

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  /* Let go first: focus-leave handlers run while the children go. */
  if (self->card != NULL)
    sam_card_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_CARD_ROW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->team);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_card_row_parent_class)->dispose (object);
}

static void
sam_card_row_class_init (SamCardRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_card_row_dispose;

  g_type_ensure (SAM_TYPE_TEXT_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-card-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, frame);
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, stripe);
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, team_label);
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, text_stack);
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, text_button);
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, extra_box);
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SamCardRow, handle);
  gtk_widget_class_bind_template_callback (widget_class, start_editing);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "samcard");
}

/* A tooltip's text is given when GTK asks for it.  Setting it up front
 * (gtk_widget_set_tooltip_text()) makes GTK 4.8 ask the X server where
 * the pointer is, three round trips per card: a page of 200 cards spent
 * a tenth of its CPU there. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  const char *text)
{
  gtk_tooltip_set_text (tooltip, _(text));
  return TRUE;
}

static void
set_lazy_tooltip (GtkWidget  *widget,
                  const char *text)
{
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), (gpointer) text);
  /* What the tooltip would also have told a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(text), -1);
}

static void
sam_card_row_init (SamCardRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_lazy_tooltip (GTK_WIDGET (self->text_button), N_("Edit Card"));
  set_lazy_tooltip (GTK_WIDGET (self->handle), N_("Drag to Move"));
  set_lazy_tooltip (GTK_WIDGET (self->menu_button), N_("Card Menu"));
  setup_controllers (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sam_card_row_new:
 * @store: the database
 * @card: the card to show
 * @team: (nullable): the team that wrote it
 * @show_team: whether to show the team's name above the text
 * @show_detail: whether to show the card's detail under the text
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
sam_card_row_new (SamStore *store,
                  SamCard  *card,
                  SamTeam  *team,
                  gboolean  show_team,
                  gboolean  show_detail)
{
  SamCardRow *self = g_object_new (SAM_TYPE_CARD_ROW, NULL);

  sam_card_row_bind (self, store, card, team, show_team, show_detail);
  return GTK_WIDGET (self);
}

/**
 * sam_card_row_bind:
 * @self: a #SamCardRow
 * @store: the database
 * @card: the card to show
 * @team: (nullable): the team that wrote it
 * @show_team: whether to show the team's name above the text
 * @show_detail: whether to show the card's detail under the text
 *
 * Shows @card in a row made before, as a list view recycles its rows;
 * whatever card the row showed is let go first.
 */
void
sam_card_row_bind (SamCardRow *self,
                   SamStore   *store,
                   SamCard    *card,
                   SamTeam    *team,
                   gboolean    show_team,
                   gboolean    show_detail)
{
  g_return_if_fail (SAM_IS_CARD_ROW (self));
  g_return_if_fail (SAM_IS_CARD (card));

  sam_card_row_unbind (self);
  g_set_object (&self->store, store);
  self->card = g_object_ref (card);
  self->team = team ? g_object_ref (team) : NULL;
  self->show_detail = show_detail;

  load_text (self);
  load_detail (self);
  load_team (self);
  if (!show_team)
    gtk_widget_set_visible (GTK_WIDGET (self->team_label), FALSE);

  self->text_handler = g_signal_connect_swapped (card, "notify::text", G_CALLBACK (load_text), self);
  self->detail_handler = g_signal_connect_swapped (card, "notify::detail", G_CALLBACK (load_detail), self);
  if (team != NULL)
    self->team_handler = g_signal_connect_swapped (team, "notify", G_CALLBACK (load_team), self);
}

/**
 * sam_card_row_unbind:
 * @self: a #SamCardRow
 *
 * Lets go of the card the row shows (a card being edited stops being
 * edited; what was typed is stored already).
 */
void
sam_card_row_unbind (SamCardRow *self)
{
  g_return_if_fail (SAM_IS_CARD_ROW (self));

  if (self->card == NULL)
    return;

  if (is_editing (self))
    {
      gtk_stack_set_visible_child_name (self->text_stack, "show");
      load_buffer (self, "");
    }
  g_clear_signal_handler (&self->text_handler, self->card);
  g_clear_signal_handler (&self->detail_handler, self->card);
  if (self->team != NULL)
    g_clear_signal_handler (&self->team_handler, self->team);
  /* The menu names the card it acts on: the next card gets its own. */
  gtk_menu_button_set_menu_model (self->menu_button, NULL);
  gtk_widget_remove_css_class (self->frame, "error");
  g_clear_object (&self->card);
  g_clear_object (&self->team);
  gtk_widget_set_visible (GTK_WIDGET (self->team_label), TRUE);
}

SamCard *
sam_card_row_get_card (SamCardRow *self)
{
  g_return_val_if_fail (SAM_IS_CARD_ROW (self), NULL);
  return self->card;
}

/**
 * sam_card_row_set_extra:
 * @self: a #SamCardRow
 * @extra: (transfer floating): the exercise's own widget for this card
 */
void
sam_card_row_set_extra (SamCardRow *self,
                        GtkWidget  *extra)
{
  g_return_if_fail (SAM_IS_CARD_ROW (self));

  gtk_box_append (self->extra_box, extra);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_box), TRUE);
}

/**
 * sam_card_row_focus_text:
 * @self: a #SamCardRow
 *
 * Gives the card the keyboard focus (Enter then edits it).
 */
void
sam_card_row_focus_text (SamCardRow *self)
{
  g_return_if_fail (SAM_IS_CARD_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_button));
}

/**
 * sam_card_row_edit:
 * @self: a #SamCardRow
 *
 * Opens the card's text for typing, with the cursor at the end.
 */
void
sam_card_row_edit (SamCardRow *self)
{
  g_return_if_fail (SAM_IS_CARD_ROW (self));
  start_editing (self);
}

/**
 * sam_card_row_get_shown_text:
 * @self: a #SamCardRow
 *
 * Returns: the text the card shows while not being edited
 */
const char *
sam_card_row_get_shown_text (SamCardRow *self)
{
  g_return_val_if_fail (SAM_IS_CARD_ROW (self), NULL);
  return gtk_label_get_text (self->text_label);
}
