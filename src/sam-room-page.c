/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The console's "Live Room" page: the coach opens the workshop's room to
 * the team laptops on the local network (issue 18).  While it is open the
 * page shows the room code in huge type, the QR code carrying the join
 * link, the certificate's short fingerprint and the address, and the
 * laptops in the room, each with a Remove button; the room is announced on
 * the network (DNS-SD through Avahi) and the projector's join screen shows
 * the code too (sam_presenter_set_room()).  A laptop's edits merged into
 * the store update the console and the projector as after a file merge. */

#include "config.h"

#include <glib/gi18n.h>

#include "sam-compat.h"
#include "sam-presenter.h"
#include "sam-room-page.h"
#include "sam-window.h"

struct _SamRoomPage
{
  GtkWidget parent_instance;

  SamStore        *store;
  SamWorkshop     *workshop;
  SamLiveRoom     *room;
  SamLiveDnssd    *dnssd;
  GDBusConnection *bus;
  char            *host;
  char            *code_text;

  GtkWidget       *stack;
  GtkLabel        *code_label;
  GtkLabel        *fingerprint_label;
  GtkLabel        *address_label;
  SamQrCode       *qr_code;
  GtkListView     *laptops_view;
  GtkWidget       *laptops_empty;
  GtkNoSelection  *selection;
};

G_DEFINE_FINAL_TYPE (SamRoomPage, sam_room_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_WORKSHOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SamPresenter *
get_presenter (SamRoomPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SAM_IS_WINDOW (root) ? sam_window_get_presenter (SAM_WINDOW (root)) : NULL;
}

/* Laptop rows */

static char *
describe_status (SamLiveLaptop *laptop)
{
  GDateTime *seen = sam_live_laptop_get_last_seen (laptop);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;

  if (sam_live_laptop_get_connected (laptop))
    /* Translators: a laptop in the coach's list of the room */
    return g_strdup (_("Connected"));
  if (seen == NULL)
    /* Translators: a laptop in the coach's list of the room */
    return g_strdup (_("Not connected"));
  local = g_date_time_to_local (seen);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a laptop in the coach's list of the room; %s is a time
   * like 14:32 */
  return g_strdup_printf (_("Offline, last seen at %s"), time);
}

static void
laptop_row_update (GtkListItem *item)
{
  SamLiveLaptop *laptop = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *team = g_object_get_data (G_OBJECT (box), "team");
  GtkLabel *status = g_object_get_data (G_OBJECT (box), "status");
  GtkLabel *edits = g_object_get_data (G_OBJECT (box), "edits");
  g_autofree char *status_text = NULL;
  g_autofree char *edits_text = NULL;
  guint n;

  if (laptop == NULL)
    return;
  n = sam_live_laptop_get_n_edits (laptop);
  status_text = describe_status (laptop);
  /* Translators: how many of a team laptop's edits reached the coach */
  edits_text = g_strdup_printf (ngettext ("%u edit", "%u edits", n), n);
  gtk_label_set_text (team, sam_live_laptop_get_team_name (laptop));
  gtk_label_set_text (status, status_text);
  gtk_label_set_text (edits, edits_text);
  if (sam_live_laptop_get_connected (laptop))
    gtk_widget_add_css_class (GTK_WIDGET (status), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (status), "success");
}

static GtkWidget *
row_label (const char *css_class,
           gboolean    expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
laptop_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *team = row_label ("heading", TRUE);
  GtkWidget *status = row_label (NULL, TRUE);
  GtkWidget *edits = row_label ("dim-label", FALSE);
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove…"));

  gtk_widget_add_css_class (box, "sam-room-laptop");
  gtk_box_append (GTK_BOX (texts), team);
  gtk_box_append (GTK_BOX (texts), status);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_valign (edits, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), edits);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this laptop from the room"));
  gtk_box_append (GTK_BOX (box), remove);
  g_object_set_data (G_OBJECT (box), "team", team);
  g_object_set_data (G_OBJECT (box), "status", status);
  g_object_set_data (G_OBJECT (box), "edits", edits);
  g_object_set_data (G_OBJECT (box), "remove", remove);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
laptop_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *remove = g_object_get_data (G_OBJECT (box), "remove");

  /* The target first: the action takes the row's position. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", gtk_list_item_get_position (item));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "room.remove-laptop");
  g_signal_connect_object (gtk_list_item_get_item (item), "notify",
                           G_CALLBACK (laptop_row_update), item, G_CONNECT_SWAPPED);
  laptop_row_update (item);
}

static void
laptop_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), laptop_row_update, item);
}

/* "Last seen" and "connected" notify by themselves; the minute-old times
 * need nothing, but a list that changed size shows or hides its empty
 * line. */
static void
laptops_changed_cb (SamRoomPage *self)
{
  GListModel *laptops = G_LIST_MODEL (self->selection);

  gtk_widget_set_visible (self->laptops_empty, g_list_model_get_n_items (laptops) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->laptops_view), g_list_model_get_n_items (laptops) > 0);
}

/* Removing a laptop */

static void
remove_response_cb (GtkWidget  *alert,
                    const char *response,
                    gpointer    user_data)
{
  SamRoomPage *self = SAM_ROOM_PAGE (user_data);
  SamLiveLaptop *laptop = g_object_get_data (G_OBJECT (alert), "laptop");
  g_autofree char *message = NULL;
  GtkRoot *root;

  if (g_strcmp0 (response, "remove") != 0 || self->room == NULL)
    return;
  sam_live_room_remove_laptop (self->room, laptop);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Translators: a toast after the coach removed a team's laptop from the
   * room; %s is the team's name */
  message = g_strdup_printf (_("The laptop of %s left the room"), sam_live_laptop_get_team_name (laptop));
  if (SAM_IS_WINDOW (root))
    sam_window_show_toast (SAM_WINDOW (root), message);
}

static void
remove_laptop_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SamRoomPage *self = SAM_ROOM_PAGE (widget);
  g_autoptr(SamLiveLaptop) laptop = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *alert;

  if (self->room == NULL)
    return;
  laptop = g_list_model_get_item (sam_live_room_get_laptops (self->room), g_variant_get_uint32 (param));
  if (laptop == NULL)
    return;

  /* Translators: %s is a team's name */
  heading = g_strdup_printf (_("Remove the Laptop of %s?"), sam_live_laptop_get_team_name (laptop));
  alert = sam_compat_alert_new (heading,
                                _("It leaves the room at once and can send nothing more. What it sent "
                                  "so far stays in the workshop. This cannot be undone: to come back, "
                                  "the team joins again with the room code."));
  sam_compat_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_add_response (alert, "remove", _("_Remove"), ADW_RESPONSE_DESTRUCTIVE);
  sam_compat_alert_set_default_response (alert, "cancel");
  sam_compat_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "laptop", g_steal_pointer (&laptop), g_object_unref);
  sam_compat_alert_present (alert, widget, remove_response_cb, self);
}

/* The room */

static void
workshop_changed_cb (SamRoomPage *self)
{
  SamPresenter *presenter = get_presenter (self);

  /* As after a merged file: the store's lists already carry the rows, the
   * projector rebuilds from them. */
  if (presenter != NULL)
    sam_presenter_workshop_changed (presenter);
}

/* A team deleted cards on its laptop: they are in the coach's trash, and
 * Undo (the toast, Ctrl+Z) brings them back here and on the laptops. */
static void
cards_deleted_cb (SamRoomPage *self,
                  const char  *team_uuid,
                  guint        n_cards,
                  gint64       batch)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GListModel *teams = sam_store_get_teams (self->store, self->workshop);
  g_autofree char *team_name = NULL;
  g_autofree char *message = NULL;

  if (!SAM_IS_WINDOW (root))
    return;

  for (guint i = 0; team_name == NULL && i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (g_ascii_strcasecmp (sam_team_get_uuid (team), team_uuid) == 0)
        team_name = g_strdup (sam_team_get_name (team));
    }

  /* Translators: %s is a team's name, %u how many cards it deleted on its
   * laptop in the live room; the toast has an Undo button */
  message = g_strdup_printf (ngettext ("%s deleted a card on its laptop", "%s deleted %u cards on its laptop",
                                       n_cards),
                             team_name != NULL ? team_name : "", n_cards);
  sam_window_show_undo_toast (SAM_WINDOW (root), message, batch);
}

static void
show_state (SamRoomPage *self)
{
  gboolean open = self->room != NULL && sam_live_room_is_open (self->room);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), open ? "open" : "closed");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.remove-laptop", open);
}

/**
 * sam_room_page_open:
 * @self: the page
 * @error: where a failure is told
 *
 * Opens the workshop's room (the first time it makes the room's
 * certificate and code), announces it on the network and shows its code.
 *
 * Returns: whether the room is open
 */
gboolean
sam_room_page_open (SamRoomPage  *self,
                    GError      **error)
{
  g_autofree char *code = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *address = NULL;
  g_autofree char *check = NULL;
  g_autofree char *address_text = NULL;
  SamPresenter *presenter;

  g_return_val_if_fail (SAM_IS_ROOM_PAGE (self), FALSE);
  g_return_val_if_fail (self->workshop != NULL, FALSE);

  if (self->room != NULL && sam_live_room_is_open (self->room))
    return TRUE;
  if (self->room == NULL)
    {
      self->room = sam_live_room_new (self->store, self->workshop);
      g_signal_connect_object (self->room, "workshop-changed", G_CALLBACK (workshop_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->room, "cards-deleted", G_CALLBACK (cards_deleted_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_no_selection_set_model (self->selection, sam_live_room_get_laptops (self->room));
    }
  if (!sam_live_room_open (self->room, 0, error))
    return FALSE;

  g_free (self->host);
  self->host = sam_live_dup_local_address ();
  code = sam_live_format_code (sam_live_room_get_code (self->room));
  fingerprint = sam_live_short_fingerprint (sam_live_room_get_fingerprint (self->room));
  uri = sam_live_room_dup_join_uri (self->room, self->host);
  g_free (self->code_text);
  self->code_text = g_strdup (code);

  gtk_label_set_text (self->code_label, code);
  /* Translators: on the coach's Live Room page; %s is like 4F2A-91C0-77DE */
  check = g_strdup_printf (_("A laptop that typed the address shows %s"), fingerprint);
  gtk_label_set_text (self->fingerprint_label, check);
  address = g_strdup_printf ("%s:%u", self->host, sam_live_room_get_port (self->room));
  /* Translators: on the coach's Live Room page: what to type on a laptop
   * when the room is not listed; %s is like 192.168.1.20:48213 */
  address_text = g_strdup_printf (_("Address: %s"), address);
  gtk_label_set_text (self->address_label, address_text);
  sam_qr_code_set_text (self->qr_code, uri);

  if (self->dnssd == NULL)
    self->dnssd = sam_live_dnssd_new (self->bus);
  sam_live_dnssd_publish (self->dnssd, sam_workshop_get_name (self->workshop),
                          sam_live_room_get_port (self->room), fingerprint);

  presenter = get_presenter (self);
  if (presenter != NULL)
    sam_presenter_set_room (presenter, code, uri, fingerprint);
  show_state (self);
  return TRUE;
}

/**
 * sam_room_page_close:
 * @self: the page
 *
 * Closes the room: the laptops are disconnected (they keep working and
 * send their edits when the room opens again), the announcement and the
 * projector's code go.
 */
void
sam_room_page_close (SamRoomPage *self)
{
  SamPresenter *presenter;

  g_return_if_fail (SAM_IS_ROOM_PAGE (self));

  if (self->room != NULL)
    sam_live_room_close (self->room);
  if (self->dnssd != NULL)
    sam_live_dnssd_unpublish (self->dnssd);
  presenter = get_presenter (self);
  if (presenter != NULL)
    sam_presenter_set_room (presenter, NULL, NULL, NULL);
  show_state (self);
}

static void
drop_room (SamRoomPage *self)
{
  if (self->room == NULL)
    return;
  sam_room_page_close (self);
  g_signal_handlers_disconnect_by_data (self->room, self);
  gtk_no_selection_set_model (self->selection, NULL);
  g_clear_object (&self->room);
}

/* Building the page */

static GtkWidget *
closed_page_new (void)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open the Room"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "network-wireless-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Live Room"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
    _("Team laptops on this network join the workshop with a room code, and what they "
      "write arrives here at once. Nothing goes to the internet: the room stays on the "
      "room’s own network."));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-room");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  return status;
}

static GtkWidget *
heading_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-2");
  return label;
}

static GtkWidget *
code_column_new (SamRoomPage *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *caption = gtk_label_new (_("Room code"));

  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "heading");
  gtk_box_append (GTK_BOX (column), caption);

  self->code_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->code_label, 0);
  gtk_label_set_selectable (self->code_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "sam-room-code");
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "sam-room-page-code");
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->code_label));

  self->fingerprint_label = GTK_LABEL (row_label (NULL, FALSE));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->fingerprint_label));
  self->address_label = GTK_LABEL (row_label (NULL, FALSE));
  gtk_label_set_selectable (self->address_label, TRUE);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->address_label));
  return column;
}

static GtkWidget *
buttons_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *show = gtk_toggle_button_new_with_mnemonic (_("_Show the Code on the Projector"));
  GtkWidget *close = gtk_button_new_with_mnemonic (_("_Close the Room"));

  gtk_widget_set_tooltip_text (show, _("The room code and the QR code on the projector, "
                                       "instead of the step, until you switch it off (J)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "win.projector-join");
  gtk_box_append (GTK_BOX (box), show);
  gtk_widget_add_css_class (close, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "win.close-room");
  gtk_box_append (GTK_BOX (box), close);
  return box;
}

static GtkWidget *
laptops_new (SamRoomPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_box_append (GTK_BOX (box), heading_new (_("Laptops in the Room")));
  self->laptops_empty = row_label ("dim-label", TRUE);
  gtk_label_set_text (GTK_LABEL (self->laptops_empty),
                      _("No laptop has joined yet. On a team’s laptop: “Join a Room…” in "
                        "Samenspel’s menu."));
  gtk_box_append (GTK_BOX (box), self->laptops_empty);

  g_signal_connect (factory, "setup", G_CALLBACK (laptop_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (laptop_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (laptop_unbind), self);
  self->selection = gtk_no_selection_new (NULL);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (laptops_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->laptops_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                         factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->laptops_view), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->laptops_view), "sam-room-laptops");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->laptops_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Laptops in the Room"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->laptops_view), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->laptops_view));
  return box;
}

static GtkWidget *
open_page_new (SamRoomPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 36);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  gtk_widget_add_css_class (box, "sam-room-page");
  gtk_box_append (GTK_BOX (box), heading_new (_("The Room Is Open")));

  gtk_box_append (GTK_BOX (top), code_column_new (self));
  self->qr_code = SAM_QR_CODE (sam_qr_code_new ());
  sam_qr_code_set_min_module_size (self->qr_code, 4);
  gtk_widget_set_valign (GTK_WIDGET (self->qr_code), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr_code), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QR code to join the room"), -1);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->qr_code));
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), buttons_new ());
  gtk_box_append (GTK_BOX (box), laptops_new (self));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

static void
sam_room_page_dispose (GObject *object)
{
  SamRoomPage *self = SAM_ROOM_PAGE (object);

  drop_room (self);
  g_clear_object (&self->dnssd);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);
  g_clear_object (&self->bus);

  G_OBJECT_CLASS (sam_room_page_parent_class)->dispose (object);
}

static void
sam_room_page_finalize (GObject *object)
{
  SamRoomPage *self = SAM_ROOM_PAGE (object);

  g_free (self->host);
  g_free (self->code_text);

  G_OBJECT_CLASS (sam_room_page_parent_class)->finalize (object);
}

static void
set_workshop (SamRoomPage *self,
              SamWorkshop *workshop)
{
  if (self->workshop == workshop)
    return;
  /* Another workshop on the console: this one's room closes. */
  drop_room (self);
  g_set_object (&self->workshop, workshop);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

static void
sam_room_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SamRoomPage *self = SAM_ROOM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_WORKSHOP:
      set_workshop (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_room_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SamRoomPage *self = SAM_ROOM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_room_page_class_init (SamRoomPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_room_page_dispose;
  object_class->finalize = sam_room_page_finalize;
  object_class->set_property = sam_room_page_set_property;
  object_class->get_property = sam_room_page_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, SAM_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "room.remove-laptop", "u", remove_laptop_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "samroompage");
}

static void
sam_room_page_init (SamRoomPage *self)
{
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), closed_page_new (), "closed");
  gtk_stack_add_named (GTK_STACK (self->stack), open_page_new (self), "open");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "closed");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.remove-laptop", FALSE);
}

SamLiveRoom *
sam_room_page_get_room (SamRoomPage *self)
{
  g_return_val_if_fail (SAM_IS_ROOM_PAGE (self), NULL);
  return self->room;
}

SamLiveDnssd *
sam_room_page_get_dnssd (SamRoomPage *self)
{
  g_return_val_if_fail (SAM_IS_ROOM_PAGE (self), NULL);
  return self->dnssd;
}

/**
 * sam_room_page_get_code_text:
 *
 * Returns: (nullable): the code as the page shows it ("K7QM 3XPA")
 */
const char *
sam_room_page_get_code_text (SamRoomPage *self)
{
  g_return_val_if_fail (SAM_IS_ROOM_PAGE (self), NULL);
  return self->code_text;
}

/**
 * sam_room_page_get_address:
 *
 * Returns: (nullable): the address laptops reach the room at
 */
const char *
sam_room_page_get_address (SamRoomPage *self)
{
  g_return_val_if_fail (SAM_IS_ROOM_PAGE (self), NULL);
  return self->host;
}

SamQrCode *
sam_room_page_get_qr_code (SamRoomPage *self)
{
  g_return_val_if_fail (SAM_IS_ROOM_PAGE (self), NULL);
  return self->qr_code;
}

GtkListView *
sam_room_page_get_laptops_view (SamRoomPage *self)
{
  g_return_val_if_fail (SAM_IS_ROOM_PAGE (self), NULL);
  return self->laptops_view;
}

void
_sam_room_page_set_bus (SamRoomPage     *self,
                        GDBusConnection *bus)
{
  g_return_if_fail (SAM_IS_ROOM_PAGE (self));
  g_set_object (&self->bus, bus);
}
