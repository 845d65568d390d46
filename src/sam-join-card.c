/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-join-card.h"

/* The projector's "join" screen: how the teams join the workshop from
 * their own laptops, with the workshop's name large.  Today the route is
 * the team packet, a file named after the workshop and the team (as the
 * console's "Team Packet…" suggests it); a room code or QR code would be
 * one more child of this card. */
struct _SamJoinCard
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *name_label;
  GtkLabel *how_label;
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
  gtk_label_set_text (self->how_label, how);
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
