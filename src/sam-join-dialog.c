/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Join a Room…" on a team's laptop (issue 18): the rooms found on the
 * network, or a typed address or pasted join link; for an address that did
 * not come with the certificate's fingerprint, the short fingerprint to
 * check against the coach's screen; the room code; the team.  Then the
 * team's window opens in team mode, as after a team packet, and keeps the
 * link to the room (sam_live_link_resume()).
 *
 * Every step is a "join" action (join.connect, join.room, join.confirm,
 * join.code, join.team, join.back), so tests drive the dialog as the
 * buttons do. */

#include "config.h"

#include <glib/gi18n.h>

#include "sam-join-dialog.h"
#include "sam-live-room.h"
#include "sam-palette.h"
#include "sam-team-window.h"

struct _SamJoinDialog
{
  AdwWindow parent_instance;

  SamWindow      *parent;
  SamStore       *store;
  SamLiveDnssd   *dnssd;
  SamLiveLink    *link;
  GCancellable   *cancellable;
  GListModel     *teams;
  char           *pending_code;   /* from a join link: no need to type it */

  GtkStack       *stack;
  GtkLabel       *find_error;
  GtkLabel       *rooms_hint;
  GtkListView    *rooms_view;
  GtkEditable    *address_entry;
  GtkLabel       *busy_label;
  GtkLabel       *fingerprint_label;
  GtkWidget      *continue_button;
  GtkEditable    *code_entry;
  GtkLabel       *code_hint;
  GtkLabel       *code_error;
  GtkWidget      *code_button;
  GtkListView    *teams_view;
  GtkNoSelection *teams_selection;
};

G_DEFINE_FINAL_TYPE (SamJoinDialog, sam_join_dialog, ADW_TYPE_WINDOW)

static SamJoinDialog *open_dialog;
static GDBusConnection *test_bus;

/* Errors in a coach's words */

static const char *
describe_error (const GError *error)
{
  if (error->domain == SAM_LIVE_ERROR)
    switch (error->code)
      {
      case SAM_LIVE_ERROR_UNREACHABLE:
        return _("Nobody answers at that address. Check the address on the coach’s screen, "
                 "and that this laptop is on the same network as the coach’s.");
      case SAM_LIVE_ERROR_CERTIFICATE:
        return _("This is not the coach’s room: it does not have the certificate the QR code "
                 "or link names. Ask the coach before you go on.");
      case SAM_LIVE_ERROR_WRONG_CODE:
        return _("That is not the room code. Check it on the projector and type it again.");
      case SAM_LIVE_ERROR_REMOVED:
        return _("The coach removed this laptop from the room.");
      case SAM_LIVE_ERROR_WAIT:
        /* Says how long to wait. */
        return error->message;
      default:
        break;
      }
  return _("The coach’s Samenspel answered something this laptop does not understand. "
           "Do both laptops have the same version of Samenspel?");
}

static void
show_page (SamJoinDialog *self,
           const char    *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
show_busy (SamJoinDialog *self,
           const char    *what)
{
  gtk_label_set_text (self->busy_label, what);
  show_page (self, "busy");
}

static void
fail_to_find (SamJoinDialog *self,
              const char    *message)
{
  g_clear_object (&self->link);
  g_clear_pointer (&self->pending_code, g_free);
  gtk_label_set_text (self->find_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->find_error), message != NULL);
  show_page (self, "find");
  gtk_widget_grab_focus (GTK_WIDGET (self->address_entry));
}

static gboolean
cancelled (GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* 4. The team: its packet comes into the store, then team mode. */

static gboolean
drop_link_idle (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
team_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SamJoinDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop;   /* the store's: no reference of ours */
  GtkWindow *parent = GTK_WINDOW (self->parent);
  GtkApplication *app;
  SamLiveLink *link;

  workshop = sam_live_link_choose_team_finish (SAM_LIVE_LINK (source), result, &error);
  if (workshop == NULL)
    {
      if (!cancelled (error))
        fail_to_find (self, describe_error (error));
      return;
    }

  /* The team's window takes the link over, connected; the dialog lets go
   * of it once the link has returned from the message that brought the
   * team (it still emits "caught-up" after this). */
  link = g_steal_pointer (&self->link);
  g_idle_add_full (G_PRIORITY_DEFAULT, drop_link_idle, link, NULL);
  if (parent == NULL)
    return;
  app = gtk_window_get_application (parent);
  gtk_window_destroy (GTK_WINDOW (self));
  sam_team_mode_start_live (SAM_APPLICATION (app), workshop, parent, link);
}

static void
team_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamJoinDialog *self = SAM_JOIN_DIALOG (widget);

  if (self->link == NULL)
    return;
  show_busy (self, _("Bringing your team’s work to this laptop…"));
  sam_live_link_choose_team_async (self->link, g_variant_get_string (param, NULL), self->cancellable,
                                   team_chosen_cb, g_object_ref (self));
}

static void
team_activate_cb (SamJoinDialog *self,
                  guint          position)
{
  g_autoptr(SamLiveTeam) team = g_list_model_get_item (self->teams, position);

  if (team != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "join.team", "s", sam_live_team_get_uuid (team));
}

/* 3. The room code */

static void
joined_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SamJoinDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) teams = NULL;

  teams = sam_live_link_join_finish (SAM_LIVE_LINK (source), result, &error);
  if (teams == NULL)
    {
      if (cancelled (error))
        return;
      if (g_error_matches (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_WRONG_CODE)
          || g_error_matches (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_WAIT))
        {
          g_clear_pointer (&self->pending_code, g_free);
          gtk_label_set_text (self->code_error, describe_error (error));
          gtk_widget_set_visible (GTK_WIDGET (self->code_error), TRUE);
          show_page (self, "code");
          gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
        }
      else
        fail_to_find (self, describe_error (error));
      return;
    }

  g_set_object (&self->teams, teams);
  gtk_no_selection_set_model (self->teams_selection, teams);
  show_page (self, "teams");
  gtk_widget_grab_focus (GTK_WIDGET (self->teams_view));
}

static void
join_with (SamJoinDialog *self,
           const char    *code)
{
  gtk_widget_set_visible (GTK_WIDGET (self->code_error), FALSE);
  show_busy (self, _("Checking the room code…"));
  sam_live_link_join_async (self->link, code, self->cancellable, joined_cb, g_object_ref (self));
}

static void
code_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamJoinDialog *self = SAM_JOIN_DIALOG (widget);
  g_autofree char *code = sam_live_normalize_code (g_variant_get_string (param, NULL));

  if (self->link == NULL)
    return;
  if (code == NULL)
    {
      gtk_label_set_text (self->code_error, _("A room code has 8 letters and digits, like K7QM 3XPA."));
      gtk_widget_set_visible (GTK_WIDGET (self->code_error), TRUE);
      return;
    }
  join_with (self, code);
}

/* Validated as typed: case, spaces and dashes do not matter; anything but
 * letters and digits is said at once. */
static void
code_changed_cb (SamJoinDialog *self)
{
  const char *text = gtk_editable_get_text (self->code_entry);
  g_autofree char *hint = NULL;
  guint n = 0;
  gboolean other = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128 && g_ascii_isalnum (c))
        n++;
      else if (!g_unichar_isspace (c) && c != '-')
        other = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->code_error), FALSE);
  if (other)
    hint = g_strdup (_("Only letters and digits: the code looks like K7QM 3XPA"));
  else if (n > SAM_LIVE_CODE_LENGTH)
    hint = g_strdup_printf (ngettext ("One character too many", "%u characters too many",
                                      n - SAM_LIVE_CODE_LENGTH),
                            n - SAM_LIVE_CODE_LENGTH);
  else
    /* Translators: under the room code entry, while it is typed */
    hint = g_strdup_printf (ngettext ("%u of %u character", "%u of %u characters", SAM_LIVE_CODE_LENGTH),
                            n, SAM_LIVE_CODE_LENGTH);
  gtk_label_set_text (self->code_hint, hint);
  if (other || n > SAM_LIVE_CODE_LENGTH)
    gtk_widget_add_css_class (GTK_WIDGET (self->code_hint), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->code_hint), "error");
  gtk_widget_set_sensitive (self->code_button, !other && n == SAM_LIVE_CODE_LENGTH);
}

static void
code_activate_cb (SamJoinDialog *self)
{
  if (gtk_widget_get_sensitive (self->code_button))
    gtk_widget_activate_action (GTK_WIDGET (self), "join.code", "s",
                                gtk_editable_get_text (self->code_entry));
}

static void
ask_code (SamJoinDialog *self)
{
  if (self->pending_code != NULL)
    {
      join_with (self, self->pending_code);
      return;
    }
  gtk_editable_set_text (self->code_entry, "");
  show_page (self, "code");
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

/* 2. The fingerprint, for an address that did not pin it */

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SamJoinDialog *self = SAM_JOIN_DIALOG (widget);

  if (self->link != NULL)
    ask_code (self);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SamJoinDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  gboolean pinned = GPOINTER_TO_INT (g_object_get_data (source, "pinned"));

  if (!sam_live_link_connect_finish (SAM_LIVE_LINK (source), result, &error))
    {
      if (!cancelled (error))
        fail_to_find (self, describe_error (error));
      return;
    }
  if (pinned)
    {
      /* The QR code or link named the certificate: checked already. */
      ask_code (self);
      return;
    }
  fingerprint = sam_live_short_fingerprint (sam_live_link_get_fingerprint (self->link));
  gtk_label_set_text (self->fingerprint_label, fingerprint);
  show_page (self, "check");
  gtk_widget_grab_focus (self->continue_button);
}

static void
connect_to (SamJoinDialog *self,
            const char    *host,
            guint16        port,
            const char    *pinned_fingerprint)
{
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_clear_object (&self->link);
  self->link = sam_live_link_new (self->store);
  g_object_set_data (G_OBJECT (self->link), "pinned", GINT_TO_POINTER (pinned_fingerprint != NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->find_error), FALSE);
  show_busy (self, _("Reaching the coach’s room…"));
  sam_live_link_connect_async (self->link, host, port, pinned_fingerprint, self->cancellable,
                               connected_cb, g_object_ref (self));
}

/* 1. Where the room is */

static gboolean
parse_address (const char  *typed,
               char       **host,
               guint16     *port,
               char       **code,
               char       **fingerprint,
               const char **problem)
{
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autoptr(GSocketConnectable) address = NULL;

  if (g_ascii_strncasecmp (text, "samenspel-live:", strlen ("samenspel-live:")) == 0)
    {
      if (sam_live_parse_join_uri (text, host, port, code, fingerprint, NULL))
        return TRUE;
      *problem = _("This join link is not whole: copy it again from the coach’s screen.");
      return FALSE;
    }

  address = g_network_address_parse (text, 0, NULL);
  if (address == NULL || *text == '\0')
    {
      *problem = _("Type the address as the coach’s screen shows it, like 192.168.1.20:48213.");
      return FALSE;
    }
  if (g_network_address_get_port (G_NETWORK_ADDRESS (address)) == 0)
    {
      *problem = _("The address needs its port after a colon, like 192.168.1.20:48213.");
      return FALSE;
    }
  *host = g_strdup (g_network_address_get_hostname (G_NETWORK_ADDRESS (address)));
  *port = g_network_address_get_port (G_NETWORK_ADDRESS (address));
  return TRUE;
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SamJoinDialog *self = SAM_JOIN_DIALOG (widget);
  g_autofree char *host = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *code = NULL;
  const char *problem = NULL;
  guint16 port = 0;

  if (!parse_address (g_variant_get_string (param, NULL), &host, &port, &code, &fingerprint, &problem))
    {
      fail_to_find (self, problem);
      return;
    }
  connect_to (self, host, port, fingerprint);
  g_free (self->pending_code);
  self->pending_code = g_steal_pointer (&code);
}

static void
room_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamJoinDialog *self = SAM_JOIN_DIALOG (widget);
  g_autoptr(SamLiveFoundRoom) room = NULL;

  room = g_list_model_get_item (sam_live_dnssd_get_rooms (self->dnssd), g_variant_get_uint32 (param));
  if (room == NULL)
    return;
  /* The TXT record's fingerprint is only a hint (anyone can announce
   * anything): the laptop checks the certificate with the coach's screen. */
  connect_to (self, sam_live_found_room_get_host (room), sam_live_found_room_get_port (room), NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamJoinDialog *self = SAM_JOIN_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
  fail_to_find (self, NULL);
}

static void
address_activate_cb (SamJoinDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "join.connect", "s",
                              gtk_editable_get_text (self->address_entry));
}

static void
room_activate_cb (SamJoinDialog *self,
                  guint          position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "join.room", "u", position);
}

static void
available_cb (SamJoinDialog *self)
{
  if (sam_live_dnssd_get_available (self->dnssd))
    gtk_label_set_text (self->rooms_hint, _("Rooms open on this network:"));
  else
    gtk_label_set_text (self->rooms_hint,
                        _("This laptop cannot look for rooms on the network (Avahi is not running). "
                          "Type the address the coach’s screen shows."));
}

/* Building the dialog */

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
page_box (GtkStack   *stack,
          const char *name,
          const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  if (title != NULL)
    gtk_box_append (GTK_BOX (box), text_label (title, "title-2"));
  gtk_stack_add_named (stack, box, name);
  return box;
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  return button;
}

static void
room_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), text_label (NULL, "heading"));
  gtk_box_append (GTK_BOX (box), text_label (NULL, "dim-label"));
  gtk_widget_add_css_class (box, "sam-join-room-row");
  gtk_list_item_set_child (item, box);
}

static void
room_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  SamLiveFoundRoom *room = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  g_autofree char *where = g_strdup_printf ("%s:%u", sam_live_found_room_get_host (room),
                                            sam_live_found_room_get_port (room));

  gtk_label_set_text (GTK_LABEL (name), sam_live_found_room_get_name (room));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (name)), where);
}

static void
team_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_size_request (swatch, 24, 24);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (swatch, "team-swatch");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), text_label (NULL, "title-3"));
  gtk_widget_add_css_class (box, "sam-join-team-row");
  gtk_list_item_set_child (item, box);
}

/* The team's colour as the room gives it: the palette's index, or its CSS
 * colour; -1 when it is neither. */
static int
palette_index (const char *colour)
{
  guint64 index;

  if (colour == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (colour, 10, 0, G_MAXINT, &index, NULL))
    return (int) index;
  for (guint i = 0; i < SAM_PALETTE_SIZE; i++)
    {
      g_autofree char *css = sam_palette_get_css (i);

      if (g_ascii_strcasecmp (css, colour) == 0)
        return (int) i;
    }
  return -1;
}

static void
team_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  SamLiveTeam *team = gtk_list_item_get_item (item);
  GtkWidget *swatch = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  int index = palette_index (sam_live_team_get_color (team));
  char *old = g_object_get_data (G_OBJECT (swatch), "colour-class");

  if (old != NULL)
    gtk_widget_remove_css_class (swatch, old);
  gtk_widget_set_visible (swatch, index >= 0);
  if (index >= 0)
    {
      char *colour_class = g_strdup_printf ("team-colour-%d", index);

      gtk_widget_add_css_class (swatch, colour_class);
      g_object_set_data_full (G_OBJECT (swatch), "colour-class", colour_class, g_free);
    }
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (swatch)), sam_live_team_get_name (team));
}

static GtkListView *
list_view_new (GListModel *model,
               GCallback   setup,
               GCallback   bind,
               const char *label)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (model)), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "boxed-list");
  gtk_widget_add_css_class (view, "sam-join-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_LIST_VIEW (view);
}

static void
build_find (SamJoinDialog *self)
{
  GtkWidget *box = page_box (self->stack, "find", _("Join the Coach’s Room"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *connect = action_button (_("C_onnect"), NULL, "suggested-action");

  self->rooms_hint = GTK_LABEL (text_label (NULL, NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->rooms_hint));
  self->rooms_view = list_view_new (g_object_ref (sam_live_dnssd_get_rooms (self->dnssd)),
                                    G_CALLBACK (room_setup), G_CALLBACK (room_bind),
                                    _("Rooms on this network"));
  g_signal_connect_object (self->rooms_view, "activate", G_CALLBACK (room_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->rooms_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_box_append (GTK_BOX (box), text_label (_("Or type the address, or paste the join link, that the "
                                               "coach’s screen shows:"), NULL));
  self->address_entry = GTK_EDITABLE (entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "192.168.1.20:48213");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Address or join link"), -1);
  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect_object (entry, "activate", G_CALLBACK (address_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (connect, "clicked", G_CALLBACK (address_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (GTK_BOX (row), connect);
  gtk_box_append (GTK_BOX (box), row);
  self->find_error = GTK_LABEL (text_label (NULL, "error"));
  gtk_widget_set_visible (GTK_WIDGET (self->find_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->find_error));
}

static void
build_busy (SamJoinDialog *self)
{
  GtkWidget *box = page_box (self->stack, "busy", NULL);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 48, 48);
  gtk_box_append (GTK_BOX (box), spinner);
  self->busy_label = GTK_LABEL (text_label (NULL, "title-3"));
  gtk_label_set_xalign (self->busy_label, 0.5);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->busy_label));
  gtk_box_append (GTK_BOX (box), action_button (_("_Cancel"), "join.back", NULL));
}

static void
build_check (SamJoinDialog *self)
{
  GtkWidget *box = page_box (self->stack, "check", _("Is This the Coach’s Room?"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_append (GTK_BOX (box), text_label (_("Check that the coach’s screen shows these characters:"), NULL));
  self->fingerprint_label = GTK_LABEL (text_label (NULL, "sam-room-code"));
  gtk_widget_add_css_class (GTK_WIDGET (self->fingerprint_label), "sam-join-fingerprint");
  gtk_label_set_xalign (self->fingerprint_label, 0.5);
  gtk_label_set_selectable (self->fingerprint_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->fingerprint_label));
  gtk_box_append (GTK_BOX (box), text_label (_("Not the same? Then another computer is pretending to be "
                                               "the coach: cancel and tell the coach."), "dim-label"));
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Cancel"), "join.back", NULL));
  self->continue_button = action_button (_("_Same: Continue"), "join.confirm", "suggested-action");
  gtk_box_append (GTK_BOX (buttons), self->continue_button);
  gtk_box_append (GTK_BOX (box), buttons);
}

static void
build_code (SamJoinDialog *self)
{
  GtkWidget *box = page_box (self->stack, "code", _("Type the Room Code"));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_append (GTK_BOX (box), text_label (_("It is on the projector and on the coach’s screen. "
                                               "Capitals and spaces do not matter."), NULL));
  self->code_entry = GTK_EDITABLE (entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "K7QM 3XPA");
  gtk_entry_set_max_length (GTK_ENTRY (entry), 24);
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_UPPERCASE_CHARS | GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_editable_set_alignment (self->code_entry, 0.5);
  gtk_widget_add_css_class (entry, "sam-room-code");
  gtk_widget_add_css_class (entry, "sam-join-code-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Room code"), -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (code_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "activate", G_CALLBACK (code_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), entry);
  self->code_hint = GTK_LABEL (text_label (NULL, "dim-label"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->code_hint));
  self->code_error = GTK_LABEL (text_label (NULL, "error"));
  gtk_widget_set_visible (GTK_WIDGET (self->code_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->code_error));

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Cancel"), "join.back", NULL));
  self->code_button = action_button (_("_Join"), NULL, "suggested-action");
  g_signal_connect_object (self->code_button, "clicked", G_CALLBACK (code_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->code_button);
  gtk_box_append (GTK_BOX (box), buttons);
  code_changed_cb (self);
}

static void
build_teams (SamJoinDialog *self)
{
  GtkWidget *box = page_box (self->stack, "teams", _("Which Team Is at This Laptop?"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->teams_view = list_view_new (NULL, G_CALLBACK (team_setup), G_CALLBACK (team_bind), _("Teams"));
  self->teams_selection = GTK_NO_SELECTION (gtk_list_view_get_model (self->teams_view));
  g_signal_connect_object (self->teams_view, "activate", G_CALLBACK (team_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->teams_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), text_label (_("The laptop then shows only your team’s work, as with a "
                                               "team packet; leaving needs the coach’s PIN."), "dim-label"));
}

static void
sam_join_dialog_dispose (GObject *object)
{
  SamJoinDialog *self = SAM_JOIN_DIALOG (object);

  if (open_dialog == self)
    open_dialog = NULL;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->link);
  g_clear_object (&self->teams);
  g_clear_object (&self->dnssd);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (sam_join_dialog_parent_class)->dispose (object);
}

static void
sam_join_dialog_finalize (GObject *object)
{
  SamJoinDialog *self = SAM_JOIN_DIALOG (object);

  g_free (self->pending_code);

  G_OBJECT_CLASS (sam_join_dialog_parent_class)->finalize (object);
}

static void
sam_join_dialog_class_init (SamJoinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_join_dialog_dispose;
  object_class->finalize = sam_join_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "join.connect", "s", connect_action);
  gtk_widget_class_install_action (widget_class, "join.room", "u", room_action);
  gtk_widget_class_install_action (widget_class, "join.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "join.code", "s", code_action);
  gtk_widget_class_install_action (widget_class, "join.team", "s", team_action);
  gtk_widget_class_install_action (widget_class, "join.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_join_dialog_init (SamJoinDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->cancellable = g_cancellable_new ();
  self->dnssd = sam_live_dnssd_new (test_bus);
  gtk_window_set_title (GTK_WINDOW (self), _("Join a Room"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 620);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-join-dialog");

  gtk_box_append (GTK_BOX (content), header);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  build_find (self);
  build_busy (self);
  build_check (self);
  build_code (self);
  build_teams (self);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), content);

  g_signal_connect_object (self->dnssd, "notify::available", G_CALLBACK (available_cb), self, G_CONNECT_SWAPPED);
  available_cb (self);
  sam_live_dnssd_browse (self->dnssd);
  show_page (self, "find");
  /* Typing the address is the way that always works. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->address_entry));
}

/**
 * sam_join_dialog_present:
 * @parent: the library's window on the team's laptop
 *
 * Shows "Join a Room"; once a team is chosen, @parent gives way to the
 * team's window.
 *
 * Returns: (transfer none): the dialog
 */
SamJoinDialog *
sam_join_dialog_present (SamWindow *parent)
{
  SamJoinDialog *self;

  g_return_val_if_fail (SAM_IS_WINDOW (parent), NULL);

  if (open_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (open_dialog));
      return open_dialog;
    }
  self = g_object_new (SAM_TYPE_JOIN_DIALOG, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->store = g_object_ref (sam_window_get_store (parent));
  gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (parent));
  open_dialog = self;
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

SamJoinDialog *
sam_join_dialog_find_open (void)
{
  return open_dialog;
}

/**
 * sam_join_dialog_get_page:
 *
 * Returns: the step shown: "find", "busy", "check", "code" or "teams"
 */
const char *
sam_join_dialog_get_page (SamJoinDialog *self)
{
  g_return_val_if_fail (SAM_IS_JOIN_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sam_join_dialog_get_error:
 *
 * Returns: (nullable): the error the dialog shows, if any
 */
const char *
sam_join_dialog_get_error (SamJoinDialog *self)
{
  g_return_val_if_fail (SAM_IS_JOIN_DIALOG (self), NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->code_error)))
    return gtk_label_get_text (self->code_error);
  if (gtk_widget_get_visible (GTK_WIDGET (self->find_error)))
    return gtk_label_get_text (self->find_error);
  return NULL;
}

const char *
sam_join_dialog_get_fingerprint_text (SamJoinDialog *self)
{
  g_return_val_if_fail (SAM_IS_JOIN_DIALOG (self), NULL);
  return gtk_label_get_text (self->fingerprint_label);
}

GListModel *
sam_join_dialog_get_rooms (SamJoinDialog *self)
{
  g_return_val_if_fail (SAM_IS_JOIN_DIALOG (self), NULL);
  return sam_live_dnssd_get_rooms (self->dnssd);
}

/**
 * sam_join_dialog_get_teams:
 *
 * Returns: (transfer none) (nullable): the room's teams, once the code was
 *   right
 */
GListModel *
sam_join_dialog_get_teams (SamJoinDialog *self)
{
  g_return_val_if_fail (SAM_IS_JOIN_DIALOG (self), NULL);
  return self->teams;
}

GtkEditable *
sam_join_dialog_get_code_entry (SamJoinDialog *self)
{
  g_return_val_if_fail (SAM_IS_JOIN_DIALOG (self), NULL);
  return self->code_entry;
}

void
_sam_join_dialog_set_bus (GDBusConnection *bus)
{
  g_set_object (&test_bus, bus);
}
