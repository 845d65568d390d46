/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-join-card.h"
#include "sam-qr-code.h"

/* The projector's "join" screen: how the teams join the workshop from
 * their own laptops, with the workshop's name large.  Today the route is
 * the team packet, a file named after the workshop and the team (as the
 * console's "Team Packet…" suggests it.  While the coach's live room is
 * open (sam-room-page.c) the card shows the room instead: its code in huge
 * type, the QR code that carries the join link, and the certificate's
 * short fingerprint that a laptop with a typed address checks. */
struct _SamJoinCard
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *name_label;
  GtkLabel *how_label;
  GtkWidget *room_box;
  GtkLabel *code_label;
  GtkLabel *fingerprint_label;
  SamQrCode *qr_code;
  char *packet_how;
};

G_DEFINE_FINAL_TYPE (SamJoinCard, sam_join_card, GTK_TYPE_WIDGET)

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
sam_join_card_dispose (GObject *object)
{
  SamJoinCard *self = SAM_JOIN_CARD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->packet_how, g_free);
  G_OBJECT_CLASS (sam_join_card_parent_class)->dispose (object);
}

static void
sam_join_card_class_init (SamJoinCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_join_card_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "samjoincard");
}

/* The QR code beside the code and the fingerprint, hidden until a room is
 * open. */
static void
room_init (SamJoinCard *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->room_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 48);
  gtk_widget_set_halign (self->room_box, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->room_box, FALSE);

  self->qr_code = SAM_QR_CODE (sam_qr_code_new ());
  sam_qr_code_set_min_module_size (self->qr_code, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr_code), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QR code to join the room"), -1);
  gtk_box_append (GTK_BOX (self->room_box), GTK_WIDGET (self->qr_code));

  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (column), label_new (_("Room code"), "sam-projector-instructions"));
  self->code_label = GTK_LABEL (label_new (NULL, "sam-room-code"));
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "sam-projector-blank-title");
  gtk_label_set_wrap (self->code_label, FALSE);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->code_label));
  self->fingerprint_label = GTK_LABEL (label_new (NULL, "sam-projector-instructions"));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->fingerprint_label));
  gtk_box_append (GTK_BOX (self->room_box), column);

  gtk_box_append (GTK_BOX (self->box), self->room_box);
}

static void
sam_join_card_init (SamJoinCard *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->box, "sam-join-card");
  gtk_box_append (GTK_BOX (self->box), label_new (_("Join the Workshop"), "sam-projector-title"));
  self->name_label = GTK_LABEL (label_new (NULL, "sam-projector-blank-title"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->name_label));
  self->how_label = GTK_LABEL (label_new (NULL, "sam-projector-instructions"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->how_label));
  room_init (self);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
sam_join_card_new (void)
{
  return g_object_new (SAM_TYPE_JOIN_CARD, NULL);
}

/**
 * sam_join_card_set_workshop:
 * @self: a join card
 * @name: (nullable): the workshop's name
 *
 * Shows @name, and the team packet's file name made from it.
 */
void
sam_join_card_set_workshop (SamJoinCard *self,
                            const char  *name)
{
  g_autofree char *file = NULL;
  g_autofree char *how = NULL;

  g_return_if_fail (SAM_IS_JOIN_CARD (self));

  /* The file name as the console saves it: no path separators. */
  file = g_strdelimit (g_strdup (name != NULL ? name : ""), "/\\:", '-');
  /* Translators: on the projector's join screen; %s is the workshop's
   * name as it starts the team packet's file name, "your team" stands for
   * the team's name in it */
  how = g_strdup_printf (_("On your team’s laptop, open your team packet in Samenspel: "
                           "the file “%s – your team.samenspel” that the coach gave you."), file);
  gtk_label_set_text (self->name_label, name != NULL ? name : "");
  g_free (self->packet_how);
  self->packet_how = g_steal_pointer (&how);
  if (!gtk_widget_get_visible (self->room_box))
    gtk_label_set_text (self->how_label, self->packet_how);
}

/* The short fingerprint is compared character by character: the line
 * never breaks inside it (at its hyphens), whatever the sentence around it
 * in the room's language. */
static void
keep_together (GtkLabel   *label,
               const char *text,
               const char *piece)
{
  const char *start = piece != NULL && *piece != '\0' ? strstr (text, piece) : NULL;
  PangoAttrList *attrs;
  PangoAttribute *attr;

  if (start == NULL)
    return;

  attrs = pango_attr_list_new ();
  attr = pango_attr_allow_breaks_new (FALSE);
  attr->start_index = start - text;
  attr->end_index = attr->start_index + strlen (piece);
  pango_attr_list_insert (attrs, attr);
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/**
 * sam_join_card_set_room:
 * @self: a join card
 * @code: (nullable): the room code as shown ("K7QM 3XPA"), %NULL when the
 *   room is closed
 * @uri: (nullable): the join link the QR code carries
 * @short_fingerprint: (nullable): the certificate's short fingerprint
 *
 * Shows the open room (code, QR code, fingerprint), or again the team
 * packet's route when @code is %NULL.
 */
void
sam_join_card_set_room (SamJoinCard *self,
                        const char  *code,
                        const char  *uri,
                        const char  *short_fingerprint)
{
  g_autofree char *check = NULL;

  g_return_if_fail (SAM_IS_JOIN_CARD (self));

  gtk_widget_set_visible (self->room_box, code != NULL);
  sam_qr_code_set_text (self->qr_code, code != NULL ? uri : NULL);
  gtk_label_set_text (self->code_label, code != NULL ? code : "");
  gtk_label_set_attributes (self->fingerprint_label, NULL);
  if (code == NULL)
    {
      gtk_label_set_text (self->how_label, self->packet_how ? self->packet_how : "");
      return;
    }
  /* Translators: on the projector; "Join a Room…" is the item of
   * Samenspel's main menu on the team's laptop */
  gtk_label_set_text (self->how_label, _("On your team’s laptop, choose “Join a Room…” in "
                                         "Samenspel’s menu, then type the room code."));
  /* Translators: on the projector, under the room code; %s is like
   * 4F2A-91C0-77DE.  A laptop that did not scan the QR code shows the
   * same characters before the code is typed */
  check = g_strdup_printf (_("The laptop shows %s: the same? Then it is this room."),
                           short_fingerprint != NULL ? short_fingerprint : "");
  gtk_label_set_text (self->fingerprint_label, check);
  keep_together (self->fingerprint_label, check, short_fingerprint);
}

/**
 * sam_join_card_get_qr_code:
 * @self: a join card
 *
 * Returns: (transfer none): the room's QR code (empty while no room is open)
 */
SamQrCode *
sam_join_card_get_qr_code (SamJoinCard *self)
{
  g_return_val_if_fail (SAM_IS_JOIN_CARD (self), NULL);
  return self->qr_code;
}

/**
 * sam_join_card_get_code:
 * @self: a join card
 *
 * Returns: the room code shown, "" when no room is open
 */
const char *
sam_join_card_get_code (SamJoinCard *self)
{
  g_return_val_if_fail (SAM_IS_JOIN_CARD (self), NULL);
  return gtk_label_get_text (self->code_label);
}

/**
 * sam_join_card_get_how:
 * @self: a join card
 *
 * Returns: how a team joins, as the room reads it
 */
const char *
sam_join_card_get_how (SamJoinCard *self)
{
  g_return_val_if_fail (SAM_IS_JOIN_CARD (self), NULL);
  return gtk_label_get_text (self->how_label);
}
