/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-discover-common.h"
#include "sam-field.h"
#include "sam-perspective-page.h"

/* The rows of the cards of one writing team about the team it looks at,
 * per prompt, in the page's #SamCardTree: the headings, the hints, and
 * the owning team's answer under each card. */

static gboolean
set_response (SamPerspectivePage *self,
              SamCard            *card,
              int                 response)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = _sam_perspective_page_get_store (self);

  if (store == NULL || sam_card_get_response (card) == response ||
      sam_store_set_card_int (store, card, SAM_CARD_FIELD_RESPONSE, response, &error))
    return TRUE;

  sam_discover_report_error (GTK_WIDGET (self), error);
  return FALSE;
}

static void
response_toggled_cb (GtkToggleButton    *button,
                     SamPerspectivePage *self)
{
  GtkWidget *box = g_object_get_data (G_OBJECT (button), "box");
  SamCard *card = g_object_get_data (G_OBJECT (box), "card");
  int response = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "response"));

  if (_sam_perspective_page_get_store (self) == NULL || card == NULL ||
      g_object_get_data (G_OBJECT (box), "syncing") != NULL)
    return;

  /* Pressed again, the chosen answer is taken back.  Not stored, the
   * button goes back to what the database holds. */
  if ((gtk_toggle_button_get_active (button) && !set_response (self, card, response)) ||
      (!gtk_toggle_button_get_active (button) && sam_card_get_response (card) == response &&
       !set_response (self, card, SAM_PERSPECTIVE_OPEN)))
    gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

static void
correction_changed_cb (GtkEditable        *entry,
                       SamPerspectivePage *self)
{
  g_autoptr(GError) error = NULL;
  SamCard *card = g_object_get_data (G_OBJECT (g_object_get_data (G_OBJECT (entry), "box")), "card");
  const char *text = gtk_editable_get_text (entry);

  if (_sam_perspective_page_get_store (self) == NULL || card == NULL ||
      sam_field_is_syncing (GTK_WIDGET (entry)) || g_strcmp0 (text, sam_card_get_detail (card)) == 0)
    return;

  if (!sam_store_set_card_text (_sam_perspective_page_get_store (self), card, SAM_CARD_FIELD_DETAIL, text, &error))
    {
      sam_field_revert (GTK_WIDGET (entry));
      sam_discover_report_error (GTK_WIDGET (self), error);
    }
}

/* Shows the card's answer in the widgets made by
 * _sam_perspective_response_new(). */
static void
sync_response (GtkWidget  *box,
               GParamSpec *pspec,
               SamCard    *card)
{
  GtkToggleButton *recognised = g_object_get_data (G_OBJECT (box), "recognised");
  GtkToggleButton *not_right = g_object_get_data (G_OBJECT (box), "not-right");
  GtkWidget *entry = g_object_get_data (G_OBJECT (box), "entry");
  int response = sam_card_get_response (card);

  g_object_set_data (G_OBJECT (box), "syncing", GINT_TO_POINTER (TRUE));
  gtk_toggle_button_set_active (recognised, response == SAM_PERSPECTIVE_RECOGNISED);
  gtk_toggle_button_set_active (not_right, response == SAM_PERSPECTIVE_NOT_RIGHT);
  g_object_set_data (G_OBJECT (box), "syncing", NULL);
  gtk_widget_set_visible (entry, response == SAM_PERSPECTIVE_NOT_RIGHT);
  sam_field_show_stored (entry, sam_card_get_detail (card));
}

static GtkWidget *
response_button_new (SamPerspectivePage *self,
                     GtkWidget          *box,
                     int                 response,
                     const char         *icon_name,
                     const char         *label)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  g_object_set_data (G_OBJECT (button), "box", box);
  g_object_set_data (G_OBJECT (button), "response", GINT_TO_POINTER (response));
  g_signal_connect_object (button, "toggled", G_CALLBACK (response_toggled_cb), self, 0);
  return button;
}

/**
 * _sam_perspective_response_new:
 * @user_data: the page
 *
 * Under each card of the writing team: how the owning team answers it.
 * Made once per recycled row of the page's #SamCardTree.
 *
 * Returns: (transfer floating): the answer's buttons and correction
 */
GtkWidget *
_sam_perspective_response_new (gpointer user_data)
{
  SamPerspectivePage *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *recognised, *not_right, *entry, *label;

  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (buttons), label);

  recognised = response_button_new (self, box, SAM_PERSPECTIVE_RECOGNISED,
                                    "object-select-symbolic", _("Recognised"));
  not_right = response_button_new (self, box, SAM_PERSPECTIVE_NOT_RIGHT,
                                   "dialog-warning-symbolic", _("Not right"));
  gtk_widget_add_css_class (recognised, "discover-recognised");
  gtk_widget_add_css_class (not_right, "discover-not-right");
  gtk_box_append (GTK_BOX (buttons), recognised);
  gtk_box_append (GTK_BOX (buttons), not_right);
  gtk_box_append (GTK_BOX (box), buttons);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What is right instead?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Correction by the owning team"), -1);
  g_object_set_data (G_OBJECT (entry), "box", box);
  gtk_box_append (GTK_BOX (box), entry);

  g_object_set_data (G_OBJECT (box), "question", label);
  g_object_set_data (G_OBJECT (box), "recognised", recognised);
  g_object_set_data (G_OBJECT (box), "not-right", not_right);
  g_object_set_data (G_OBJECT (box), "entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (correction_changed_cb), self, 0);
  return box;
}

void
_sam_perspective_response_unbind (GtkWidget *box,
                                  gpointer   user_data)
{
  SamCard *card = g_object_get_data (G_OBJECT (box), "card");

  if (card != NULL)
    g_signal_handlers_disconnect_by_func (card, sync_response, box);
  g_object_set_data (G_OBJECT (box), "card", NULL);
}

/* The owners' own cards get no answer: they are "added". */
void
_sam_perspective_response_bind (GtkWidget *box,
                                SamCard   *card,
                                gpointer   user_data)
{
  SamPerspectivePage *self = user_data;
  gboolean own = sam_card_get_team_id (card) == sam_card_get_about_team_id (card);
  g_autofree char *owner = NULL;
  g_autofree char *question = NULL;

  _sam_perspective_response_unbind (box, user_data);
  gtk_widget_set_visible (box, !own);
  if (own)
    return;

  owner = sam_discover_team_name (_sam_perspective_page_get_teams (self), sam_card_get_about_team_id (card));
  /* Translators: %s is the team the card is about; it answers the card */
  question = g_strdup_printf (_("%s answers:"), owner);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "question"), question);

  /* A recycled correction field starts from this card's text. */
  sam_field_reset (g_object_get_data (G_OBJECT (box), "entry"), sam_card_get_detail (card));
  g_object_set_data_full (G_OBJECT (box), "card", g_object_ref (card), g_object_unref);
  g_signal_connect_object (card, "notify", G_CALLBACK (sync_response), box, G_CONNECT_SWAPPED);
  sync_response (box, NULL, card);
}

/* A section's heading: the prompt over the writing team's column, then
 * who wrote the cards (a team's dot and its name). */
GtkWidget *
_sam_perspective_header_new (gpointer user_data)
{
  return sam_discover_section_header_new (8, "discover-column-title");
}

void
_sam_perspective_header_bind (GtkWidget *header,
                              guint      prompt,
                              SamTeam   *writer,
                              SamTeam   *owner)
{
  gboolean own = writer == owner;
  SamTeam *team = own ? owner : writer;
  g_autofree char *said = NULL;

  if (own)
    /* Translators: a column heading; %s is the team the cards are about */
    said = g_strdup_printf (_("Added by %s"), team ? sam_team_get_name (team) : "");
  else
    /* Translators: a column heading; %s is the writing team */
    said = g_strdup_printf (_("How %s sees it"), team ? sam_team_get_name (team) : "");
  sam_discover_section_header_set (header,
                                   own ? NULL : sam_perspective_get_prompt_title (sam_perspective_get_prompt_key (prompt)),
                                   said, team);
}

/* The hint in a section's field. */
char *
_sam_perspective_placeholder (guint    prompt,
                              SamTeam *writer,
                              SamTeam *owner)
{
  if (writer != owner)
    return g_strdup (_sam_perspective_get_placeholder (prompt));

  /* Translators: %s is the team the cards are about */
  return g_strdup_printf (_("%s adds what is missing…"), owner ? sam_team_get_name (owner) : "");
}
