/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-presenter.h"
#include "sam-projector-monitor.h"
#include "sam-step-view.h"
#include "sam-window.h"
#include "sam-workshop-view.h"

/* Presenting: the console window keeps working while a second window, the
 * projector view, shows the room the current step.  The presenter adds
 * the console's actions (`win.present`, `win.stop-presenting`,
 * `win.projector-blank`, `win.projector-join`, `win.projector-page`,
 * `win.projector-highlight`)
 * and its keys, places the projector on another monitor when there is
 * one, keeps the screen awake, and puts a live thumbnail of the projector
 * in the console's sidebar. */
struct _SamPresenter
{
  GObject parent_instance;

  GtkWindow *console;  /* weak */
  SamProjectorWindow *window;
  GtkWidget *panel;
  GtkPicture *thumbnail;
  GtkDropDown *highlight_drop;
  GtkFilterListModel *highlight_cards;
  GListModel *monitors;
  SamWorkshop *workshop;
  GtkWidget *step_view;

  GSimpleAction *present_action;
  GSimpleAction *blank_action;
  GSimpleAction *join_action;

  /* The live room while it is open (sam_presenter_set_room()) */
  char *room_code;
  char *room_uri;
  char *room_fingerprint;

  int monitor_index;
  guint inhibit_cookie;
  gboolean inhibited;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (SamPresenter, sam_presenter, G_TYPE_OBJECT)

static SamProjectorView *
get_view (SamPresenter *self)
{
  return self->window != NULL ? sam_projector_window_get_view (self->window) : NULL;
}

static void
set_enabled (SamPresenter *self)
{
  static const char *names[] = { "stop-presenting", "projector-blank", "projector-join", "projector-page",
                                 "projector-highlight" };
  gboolean open = self->console != NULL && sam_window_get_workshop (SAM_WINDOW (self->console)) != NULL;

  for (guint i = 0; self->console != NULL && i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->console), names[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->window != NULL);
    }
  g_simple_action_set_enabled (self->present_action, open || self->window != NULL);
  g_simple_action_set_state (self->present_action, g_variant_new_boolean (self->window != NULL));
  g_simple_action_set_state (self->blank_action,
                             g_variant_new_boolean (self->window != NULL &&
                                                    sam_projector_view_get_blank (get_view (self))));
  g_simple_action_set_state (self->join_action,
                             g_variant_new_boolean (self->window != NULL &&
                                                    sam_projector_view_get_join (get_view (self))));
}

/* Monitors */

/* Full screen on the monitor that is not the console's, or a window the
 * coach places when there is only one screen. */
static void
place_window (SamPresenter *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self->console));
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n = g_list_model_get_n_items (monitors);
  g_autofree SamProjectorMonitor *infos = g_new0 (SamProjectorMonitor, MAX (n, 1));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self->console));
  GdkMonitor *console_monitor = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  int console_index = -1;
  int index;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      infos[i] = (SamProjectorMonitor) { geometry.x, geometry.y, geometry.width, geometry.height };
      if (monitor == console_monitor)
        console_index = (int) i;
    }

  index = sam_projector_choose_monitor (infos, n, console_index);
  if (index >= 0)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, index);

      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->window), monitor);
    }
  else if (self->monitor_index >= 0)
    gtk_window_unfullscreen (GTK_WINDOW (self->window));
  self->monitor_index = index;
}

static void
monitors_changed_cb (SamPresenter *self)
{
  if (self->window != NULL)
    place_window (self);
}

/* Following the console */

static void
follow_step (SamPresenter *self)
{
  SamStep *step;

  if (self->window == NULL || self->step_view == NULL)
    return;

  /* The overview and the day's map in the console leave the room on the
   * step it saw last. */
  step = sam_step_view_get_step (SAM_STEP_VIEW (self->step_view));
  if (step == NULL)
    return;

  sam_projector_view_set_step (get_view (self), step);
  self->syncing = TRUE;
  gtk_filter_list_model_set_model (self->highlight_cards, sam_store_get_cards (sam_window_get_store (SAM_WINDOW (self->console)), step));
  gtk_drop_down_set_selected (self->highlight_drop, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

/* The thumbnail panel in the console */

/* The drop-down selects its first card by itself when cards come while
 * none is chosen: only what the coach picks from its popover highlights. */
static gboolean
choosing (GtkDropDown *drop)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return TRUE;
  return FALSE;
}

static void
highlight_chosen_cb (SamPresenter *self)
{
  SamCard *card;

  if (self->syncing || self->window == NULL || !choosing (self->highlight_drop))
    return;

  card = gtk_drop_down_get_selected_item (self->highlight_drop);
  g_action_group_activate_action (G_ACTION_GROUP (self->console), "projector-highlight",
                                  g_variant_new_int64 (card != NULL ? sam_card_get_id (card) : 0));
}

static gboolean
top_level_card (gpointer item,
                gpointer user_data)
{
  return sam_card_get_parent_id (SAM_CARD (item)) == 0;
}

static GtkWidget *
button_new (const char *icon_name,
            const char *tooltip,
            const char *action_name,
            GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

/* The card texts in the drop-down's list wrap at a fixed width: a long
 * card never widens the sidebar, so the console keeps fitting the laptop's
 * screen while presenting.  The width is fixed, not only capped: a label
 * free to shrink would claim a line per letter.  The list opens in a
 * popover, twenty characters wide. */
static void
setup_card_label (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (chars));
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (chars));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

/* The button shows the chosen card on one line, cut short with an
 * ellipsis: it stays one row high in the sidebar, whatever the card.  Its
 * tooltip and the list hold the whole text. */
static void
setup_button_label (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_card_label (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  SamCard *card = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), sam_card_get_text (card));
}

static void
bind_button_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  SamCard *card = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  /* One line: a card's own line breaks become spaces. */
  g_autofree char *line = g_strdelimit (g_strdup (sam_card_get_text (card)), "\n", ' ');

  gtk_label_set_text (GTK_LABEL (label), line);
  gtk_widget_set_tooltip_text (label, sam_card_get_text (card));
}

static GtkWidget *
highlight_row_new (SamPresenter *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_button_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_button_label), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_card_label), GINT_TO_POINTER (20));
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_card_label), NULL);

  /* "Look at this one": a card of the step, highlighted on the wall. */
  self->highlight_cards = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (top_level_card, NULL, NULL)));
  self->highlight_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->highlight_cards)), NULL));
  /* The expression (for searching) first: GTK 4.24 puts its own default
   * factories in place when an expression is set. */
  gtk_drop_down_set_expression (self->highlight_drop, gtk_property_expression_new (SAM_TYPE_CARD, NULL, "text"));
  gtk_drop_down_set_factory (self->highlight_drop, factory);
  gtk_drop_down_set_list_factory (self->highlight_drop, list_factory);
  g_object_unref (factory);
  g_object_unref (list_factory);
  gtk_drop_down_set_enable_search (self->highlight_drop, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->highlight_drop), _("Highlight a Card on the Projector"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->highlight_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Highlight a Card on the Projector"), -1);
  g_signal_connect_object (self->highlight_drop, "notify::selected", G_CALLBACK (highlight_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_hexpand (GTK_WIDGET (self->highlight_drop), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->highlight_drop));
  gtk_box_append (GTK_BOX (row), button_new ("edit-clear-symbolic", _("No Highlight"),
                                             "win.projector-highlight", g_variant_new_int64 (0)));
  return row;
}

/* The panel fits the sidebar's width in every language: the heading wraps
 * beside "Stop", "Blank" has its row with the page buttons, and the
 * thumbnail asks for no more than the sidebar has (its paintable's own
 * size is the projector's, as wide as a screen). */
/* "How to join": a toggle, as Blank is. */
static GtkWidget *
join_button_new (void)
{
  GtkWidget *button = gtk_toggle_button_new ();
  const char *tooltip = _("Show How Teams Join (J)");

  gtk_button_set_icon_name (GTK_BUTTON (button), "system-users-symbolic");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.projector-join");
  return button;
}

static GtkWidget *
panel_new (SamPresenter *self)
{
  GtkWidget *panel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (_("On the Projector"));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self->window));
  GtkWidget *picture = gtk_picture_new_for_paintable (paintable);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *blank = gtk_toggle_button_new_with_mnemonic (_("_Blank"));
  GtkWidget *stop = gtk_button_new_with_mnemonic (_("_Stop"));

  gtk_widget_add_css_class (panel, "sam-presenter-panel");
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (top), heading);
  gtk_widget_set_valign (stop, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (stop, _("Stop Presenting (Esc)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (stop), "win.stop-presenting");
  gtk_widget_add_css_class (stop, "destructive-action");
  gtk_box_append (GTK_BOX (top), stop);
  gtk_box_append (GTK_BOX (panel), top);

  /* What the room sees, drawn live from the projector window. */
  self->thumbnail = GTK_PICTURE (picture);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_size_request (picture, 240, 135);
  gtk_widget_add_css_class (picture, "sam-presenter-thumbnail");
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What the projector shows"), -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 296);
  adw_clamp_set_child (ADW_CLAMP (clamp), picture);
  gtk_box_append (GTK_BOX (panel), clamp);

  gtk_widget_set_hexpand (blank, TRUE);
  gtk_widget_set_tooltip_text (blank, _("Show only the workshop’s name (B)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (blank), "win.projector-blank");
  gtk_box_append (GTK_BOX (buttons), blank);
  gtk_box_append (GTK_BOX (buttons), join_button_new ());
  gtk_box_append (GTK_BOX (buttons), button_new ("go-up-symbolic", _("Previous Page (Page Up)"),
                                                 "win.projector-page", g_variant_new_int32 (-1)));
  gtk_box_append (GTK_BOX (buttons), button_new ("go-down-symbolic", _("Next Page (Page Down)"),
                                                 "win.projector-page", g_variant_new_int32 (1)));
  gtk_box_append (GTK_BOX (panel), buttons);
  gtk_box_append (GTK_BOX (panel), highlight_row_new (self));

  return panel;
}

/* Starting and stopping */

static gboolean
projector_close_request_cb (SamPresenter *self)
{
  sam_presenter_stop (self);
  return TRUE;
}

static void
show_room (SamPresenter *self)
{
  if (get_view (self) != NULL)
    sam_join_card_set_room (sam_projector_view_get_join_card (get_view (self)),
                            self->room_code, self->room_uri, self->room_fingerprint);
}

/**
 * sam_presenter_set_room:
 * @self: a #SamPresenter
 * @code: (nullable): the open room's code as shown, %NULL when it closed
 * @uri: (nullable): its join link
 * @short_fingerprint: (nullable): its certificate's short fingerprint
 *
 * The projector's join screen (`win.projector-join`) shows the open room,
 * now and whenever presenting starts.
 */
void
sam_presenter_set_room (SamPresenter *self,
                        const char   *code,
                        const char   *uri,
                        const char   *short_fingerprint)
{
  g_return_if_fail (SAM_IS_PRESENTER (self));

  g_free (self->room_code);
  self->room_code = g_strdup (code);
  g_free (self->room_uri);
  self->room_uri = g_strdup (uri);
  g_free (self->room_fingerprint);
  self->room_fingerprint = g_strdup (short_fingerprint);
  show_room (self);
}

/**
 * sam_presenter_start:
 * @self: a #SamPresenter
 *
 * Opens the projector view on the console's workshop and step.
 */
void
sam_presenter_start (SamPresenter *self)
{
  SamWindow *console;
  GtkApplication *app;
  GtkWidget *workshop_view;

  g_return_if_fail (SAM_IS_PRESENTER (self));

  if (self->window != NULL || self->console == NULL)
    return;
  console = SAM_WINDOW (self->console);
  if (sam_window_get_workshop (console) == NULL)
    return;

  app = gtk_window_get_application (self->console);
  g_set_object (&self->workshop, sam_window_get_workshop (console));
  self->window = sam_projector_window_new (app, G_ACTION_GROUP (console));
  g_signal_connect_object (self->window, "close-request", G_CALLBACK (projector_close_request_cb),
                           self, G_CONNECT_SWAPPED);
  sam_projector_view_set_store (get_view (self), sam_window_get_store (console), self->workshop);
  show_room (self);

  workshop_view = sam_window_get_workshop_view (console);
  self->step_view = sam_workshop_view_get_step_view (SAM_WORKSHOP_VIEW (workshop_view));
  g_signal_connect_object (self->step_view, "notify::step", G_CALLBACK (follow_step), self, G_CONNECT_SWAPPED);

  self->panel = g_object_ref_sink (panel_new (self));
  sam_workshop_view_set_presenter_panel (SAM_WORKSHOP_VIEW (workshop_view), self->panel);
  follow_step (self);

  self->monitor_index = -1;
  place_window (self);
  gtk_window_present (GTK_WINDOW (self->window));
  /* The beamer must not blank or lock in the middle of an exercise. */
  self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self->window), GTK_APPLICATION_INHIBIT_IDLE,
                                                  _("A workshop is being presented"));
  self->inhibited = TRUE;
  set_enabled (self);
}

/**
 * sam_presenter_stop:
 * @self: a #SamPresenter
 *
 * Closes the projector view; the console stays as it is.
 */
void
sam_presenter_stop (SamPresenter *self)
{
  GtkApplication *app;

  g_return_if_fail (SAM_IS_PRESENTER (self));

  if (self->window == NULL)
    return;

  app = gtk_window_get_application (GTK_WINDOW (self->window));
  if (self->inhibit_cookie != 0 && app != NULL)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  self->inhibited = FALSE;

  if (self->step_view != NULL)
    g_signal_handlers_disconnect_by_func (self->step_view, follow_step, self);
  self->step_view = NULL;
  if (self->console != NULL)
    sam_workshop_view_set_presenter_panel (SAM_WORKSHOP_VIEW (sam_window_get_workshop_view (SAM_WINDOW (self->console))),
                                           NULL);
  g_clear_object (&self->panel);
  g_clear_object (&self->highlight_cards);
  self->highlight_drop = NULL;
  self->thumbnail = NULL;

  g_signal_handlers_disconnect_by_data (self->window, self);
  gtk_window_destroy (GTK_WINDOW (self->window));
  self->window = NULL;
  g_clear_object (&self->workshop);
  self->monitor_index = -1;
  set_enabled (self);
}

/**
 * sam_presenter_workshop_changed:
 * @self: a #SamPresenter
 *
 * Called when the console opens another workshop or the library: the
 * projector never shows a workshop the console has left.
 */
void
sam_presenter_workshop_changed (SamPresenter *self)
{
  g_return_if_fail (SAM_IS_PRESENTER (self));

  if (self->window != NULL &&
      (self->console == NULL || sam_window_get_workshop (SAM_WINDOW (self->console)) != self->workshop))
    sam_presenter_stop (self);
  set_enabled (self);
}

/* Actions */

static void
present_change_state (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  SamPresenter *self = user_data;

  if (g_variant_get_boolean (state))
    sam_presenter_start (self);
  else
    sam_presenter_stop (self);
}

static void
stop_activate (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  sam_presenter_stop (SAM_PRESENTER (user_data));
}

static void
blank_change_state (GSimpleAction *action,
                    GVariant      *state,
                    gpointer       user_data)
{
  SamPresenter *self = user_data;

  if (self->window == NULL)
    return;
  sam_projector_view_set_blank (get_view (self), g_variant_get_boolean (state));
  g_simple_action_set_state (action, state);
}

static void
join_change_state (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       user_data)
{
  SamPresenter *self = user_data;

  if (self->window == NULL)
    return;
  sam_projector_view_set_join (get_view (self), g_variant_get_boolean (state));
  g_simple_action_set_state (action, state);
}

static void
page_activate (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  SamPresenter *self = user_data;

  if (self->window != NULL)
    sam_projector_view_turn_page (get_view (self), g_variant_get_int32 (param));
}

static guint
highlight_position (SamPresenter *self,
                    gint64        id)
{
  GListModel *cards = G_LIST_MODEL (self->highlight_cards);

  for (guint i = 0; id != 0 && i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (sam_card_get_id (card) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
highlight_activate (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  SamPresenter *self = user_data;
  gint64 id = g_variant_get_int64 (param);

  if (self->window == NULL)
    return;
  sam_projector_view_set_highlight (get_view (self), id);

  /* The drop-down names the card, also when it was chosen in its menu. */
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->highlight_drop, highlight_position (self, id));
  self->syncing = FALSE;
}

/* Keys in the console */

static gboolean
typing (SamPresenter *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->console));

  return GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus);
}

static gboolean
key_blank_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  SamPresenter *self = user_data;

  if (self->window == NULL || typing (self))
    return FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (self->console), "projector-blank", NULL);
  return TRUE;
}

static gboolean
key_join_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SamPresenter *self = user_data;

  if (self->window == NULL || typing (self))
    return FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (self->console), "projector-join", NULL);
  return TRUE;
}

static gboolean
key_page_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SamPresenter *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->console));

  if (self->window == NULL || GTK_IS_TEXT_VIEW (focus))
    return FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (self->console), "projector-page", args);
  return TRUE;
}

static gboolean
key_stop_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SamPresenter *self = user_data;

  if (self->window == NULL)
    return FALSE;
  sam_presenter_stop (self);
  return TRUE;
}

static void
add_key (GtkEventController *controller,
         guint               key,
         GtkShortcutFunc     func,
         SamPresenter       *self,
         GVariant           *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, 0),
                                            gtk_callback_action_new (func, self, NULL));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
}

/* B and Page Up/Down before the focused widget (a list would scroll),
 * unless the coach is typing; Escape after it, so a popover or a search
 * closes first. */
static void
add_keys (SamPresenter *self)
{
  GtkEventController *before = gtk_shortcut_controller_new ();
  GtkEventController *after = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (before, GTK_PHASE_CAPTURE);
  add_key (before, GDK_KEY_b, key_blank_cb, self, NULL);
  add_key (before, GDK_KEY_j, key_join_cb, self, NULL);
  add_key (before, GDK_KEY_Page_Down, key_page_cb, self, g_variant_new_int32 (1));
  add_key (before, GDK_KEY_Page_Up, key_page_cb, self, g_variant_new_int32 (-1));
  gtk_widget_add_controller (GTK_WIDGET (self->console), before);

  gtk_event_controller_set_propagation_phase (after, GTK_PHASE_BUBBLE);
  add_key (after, GDK_KEY_Escape, key_stop_cb, self, NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->console), after);
}

static void
sam_presenter_dispose (GObject *object)
{
  SamPresenter *self = SAM_PRESENTER (object);

  sam_presenter_stop (self);
  if (self->monitors != NULL)
    g_signal_handlers_disconnect_by_data (self->monitors, self);
  g_clear_object (&self->monitors);
  g_clear_weak_pointer (&self->console);
  g_clear_object (&self->present_action);
  g_clear_object (&self->blank_action);
  g_clear_object (&self->join_action);
  g_clear_pointer (&self->room_code, g_free);
  g_clear_pointer (&self->room_uri, g_free);
  g_clear_pointer (&self->room_fingerprint, g_free);

  G_OBJECT_CLASS (sam_presenter_parent_class)->dispose (object);
}

static void
sam_presenter_class_init (SamPresenterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sam_presenter_dispose;
}

static void
sam_presenter_init (SamPresenter *self)
{
  self->monitor_index = -1;
}

/**
 * sam_presenter_new:
 * @console: the coach's window (a #SamWindow)
 *
 * Adds the presenting actions and keys to @console.
 *
 * Returns: (transfer full): the presenter; @console should own it
 */
SamPresenter *
sam_presenter_new (GtkWindow *console)
{
  const GActionEntry entries[] = {
    { "present", NULL, NULL, "false", present_change_state },
    { "stop-presenting", stop_activate },
    { "projector-blank", NULL, NULL, "false", blank_change_state },
    { "projector-join", NULL, NULL, "false", join_change_state },
    { "projector-page", page_activate, "i" },
    { "projector-highlight", highlight_activate, "x" },
  };
  SamPresenter *self = g_object_new (SAM_TYPE_PRESENTER, NULL);

  g_set_weak_pointer (&self->console, console);
  g_action_map_add_action_entries (G_ACTION_MAP (console), entries, G_N_ELEMENTS (entries), self);
  self->present_action = g_object_ref (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (console), "present")));
  self->blank_action = g_object_ref (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (console), "projector-blank")));
  self->join_action = g_object_ref (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (console), "projector-join")));
  add_keys (self);

  self->monitors = g_object_ref (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (console))));
  g_signal_connect_object (self->monitors, "items-changed", G_CALLBACK (monitors_changed_cb), self, G_CONNECT_SWAPPED);
  set_enabled (self);
  return self;
}

gboolean
sam_presenter_get_active (SamPresenter *self)
{
  g_return_val_if_fail (SAM_IS_PRESENTER (self), FALSE);
  return self->window != NULL;
}

/**
 * sam_presenter_get_window:
 * @self: a #SamPresenter
 *
 * Returns: (transfer none) (nullable): the projector window while presenting
 */
SamProjectorWindow *
sam_presenter_get_window (SamPresenter *self)
{
  g_return_val_if_fail (SAM_IS_PRESENTER (self), NULL);
  return self->window;
}

/**
 * sam_presenter_get_panel:
 * @self: a #SamPresenter
 *
 * Returns: (transfer none) (nullable): the thumbnail panel in the console
 */
GtkWidget *
sam_presenter_get_panel (SamPresenter *self)
{
  g_return_val_if_fail (SAM_IS_PRESENTER (self), NULL);
  return self->panel;
}

/**
 * sam_presenter_get_monitor_index:
 * @self: a #SamPresenter
 *
 * Returns: the index of the monitor the projector is full screen on, or
 *   -1 when it is a window (one screen)
 */
int
sam_presenter_get_monitor_index (SamPresenter *self)
{
  g_return_val_if_fail (SAM_IS_PRESENTER (self), -1);
  return self->monitor_index;
}

/**
 * sam_presenter_get_inhibited:
 * @self: a #SamPresenter
 *
 * Returns: whether idle (screen blanking) is inhibited for presenting;
 *   the session may still have refused it
 */
gboolean
sam_presenter_get_inhibited (SamPresenter *self)
{
  g_return_val_if_fail (SAM_IS_PRESENTER (self), FALSE);
  return self->inhibited;
}
