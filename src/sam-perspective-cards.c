/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-list.h"
#include "sam-discover-common.h"
#include "sam-field.h"
#include "sam-perspective-page.h"

/* The cards of one writing team about the team it looks at, per prompt,
 * with the owning team's answer under each card. */

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
  SamCard *card = g_object_get_data (G_OBJECT (button), "card");
  int response = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "response"));

  if (_sam_perspective_page_get_store (self) == NULL)
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
  SamCard *card = g_object_get_data (G_OBJECT (entry), "card");
  const char *text = gtk_editable_get_text (entry);

  if (_sam_perspective_page_get_store (self) == NULL || sam_field_is_syncing (GTK_WIDGET (entry)) ||
      g_strcmp0 (text, sam_card_get_detail (card)) == 0)
    return;

  if (!sam_store_set_card_text (_sam_perspective_page_get_store (self), card, SAM_CARD_FIELD_DETAIL, text, &error))
    {
      sam_field_revert (GTK_WIDGET (entry));
      sam_discover_report_error (GTK_WIDGET (self), error);
    }
}

/* Shows the card's answer in the widgets made by response_widget_new(). */
static void
sync_response (GtkWidget *box,
               GParamSpec *pspec,
               SamCard   *card)
{
  GtkToggleButton *recognised = g_object_get_data (G_OBJECT (box), "recognised");
  GtkToggleButton *not_right = g_object_get_data (G_OBJECT (box), "not-right");
  GtkWidget *entry = g_object_get_data (G_OBJECT (box), "entry");
  int response = sam_card_get_response (card);

  gtk_toggle_button_set_active (recognised, response == SAM_PERSPECTIVE_RECOGNISED);
  gtk_toggle_button_set_active (not_right, response == SAM_PERSPECTIVE_NOT_RIGHT);
  gtk_widget_set_visible (entry, response == SAM_PERSPECTIVE_NOT_RIGHT);
  sam_field_show_stored (entry, sam_card_get_detail (card));
}

static GtkWidget *
response_button_new (SamPerspectivePage *self,
                     SamCard            *card,
                     int                 response,
                     const char         *icon_name,
                     const char         *label)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  g_object_set_data_full (G_OBJECT (button), "card", g_object_ref (card), g_object_unref);
  g_object_set_data (G_OBJECT (button), "response", GINT_TO_POINTER (response));
  g_signal_connect_object (button, "toggled", G_CALLBACK (response_toggled_cb), self, 0);
  return button;
}

/* Under each card of the writing team: how the owning team answers it. */
static GtkWidget *
response_widget_new (SamCardList *list,
                     SamCard     *card,
                     gpointer     user_data)
{
  SamPerspectivePage *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *recognised, *not_right, *entry, *label;
  g_autofree char *owner = sam_discover_team_name (_sam_perspective_page_get_teams (self), sam_card_get_about_team_id (card));
  g_autofree char *question = NULL;

  if (sam_card_get_team_id (card) == sam_card_get_about_team_id (card))
    return NULL;

  /* Translators: %s is the team the card is about; it answers the card */
  question = g_strdup_printf (_("%s answers:"), owner);
  label = gtk_label_new (question);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (buttons), label);

  recognised = response_button_new (self, card, SAM_PERSPECTIVE_RECOGNISED,
                                    "object-select-symbolic", _("Recognised"));
  not_right = response_button_new (self, card, SAM_PERSPECTIVE_NOT_RIGHT,
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
  g_object_set_data_full (G_OBJECT (entry), "card", g_object_ref (card), g_object_unref);
  gtk_box_append (GTK_BOX (box), entry);

  g_object_set_data (G_OBJECT (box), "recognised", recognised);
  g_object_set_data (G_OBJECT (box), "not-right", not_right);
  g_object_set_data (G_OBJECT (box), "entry", entry);
  sync_response (box, NULL, card);
  g_signal_connect_object (card, "notify", G_CALLBACK (sync_response), box, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "changed", G_CALLBACK (correction_changed_cb), self, 0);
  return box;
}

static GtkWidget *
card_list_new (SamPerspectivePage *self,
               gint64              team_id,
               gint64              about_id,
               const char         *prompt,
               const char         *placeholder)
{
  GtkWidget *list = sam_card_list_new ("perspective", team_id, about_id, 0, prompt);

  sam_card_list_set_placeholder (SAM_CARD_LIST (list), placeholder);
  sam_card_list_set_show_team (SAM_CARD_LIST (list), FALSE);
  if (team_id != about_id)
    sam_card_list_set_extra_func (SAM_CARD_LIST (list), response_widget_new, self, NULL);
  else
    /* The owners' own cards are "added" from the start. */
    sam_card_list_set_new_values (SAM_CARD_LIST (list), 0, SAM_PERSPECTIVE_ADDED);
  sam_discover_bind_step (GTK_WIDGET (self), list);
  return list;
}

static GtkWidget *
column_new (SamTeam    *team,
            const char *title,
            GtkWidget  *list)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *badge = sam_discover_team_badge_new (team, title);

  gtk_widget_add_css_class (badge, "discover-column-title");
  gtk_box_append (GTK_BOX (column), badge);
  gtk_box_append (GTK_BOX (column), list);
  gtk_widget_set_hexpand (column, TRUE);
  return column;
}

static void
append_column (GtkWidget *columns,
               GtkWidget *column)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), column);
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_append (GTK_FLOW_BOX (columns), child);
}

/* One prompt: the writing team's image on the left, what the owners add
 * on the right. */
/**
 * _sam_perspective_prompt_section_new:
 * @self: the page
 * @i: the prompt's index
 * @writer: the team writing
 * @owner: the team it looks at
 *
 * Returns: (transfer floating): the cards of one prompt
 */
GtkWidget *
_sam_perspective_prompt_section_new (SamPerspectivePage *self,
                                     guint               i,
                                     SamTeam            *writer,
                                     SamTeam            *owner)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *columns = gtk_flow_box_new ();
  GtkWidget *image, *added;
  g_autofree char *image_title = NULL;
  g_autofree char *added_title = NULL;
  g_autofree char *added_hint = NULL;

  /* Side by side when they fit, one under the other on a narrow screen. */
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (columns), TRUE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (columns), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (columns), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (columns), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (columns), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (columns), 18);
  gtk_box_append (GTK_BOX (section), sam_discover_section_title (sam_perspective_get_prompt_title (sam_perspective_get_prompt_key (i))));

  /* Translators: a column heading; %s is the writing team */
  image_title = g_strdup_printf (_("How %s sees it"), sam_team_get_name (writer));
  image = card_list_new (self, sam_team_get_id (writer), sam_team_get_id (owner),
                         sam_perspective_get_prompt_key (i), _sam_perspective_get_placeholder (i));
  append_column (columns, column_new (writer, image_title, image));

  /* Translators: a column heading; %s is the team the cards are about */
  added_title = g_strdup_printf (_("Added by %s"), sam_team_get_name (owner));
  /* Translators: %s is the team the cards are about */
  added_hint = g_strdup_printf (_("%s adds what is missing…"), sam_team_get_name (owner));
  added = card_list_new (self, sam_team_get_id (owner), sam_team_get_id (owner),
                         sam_perspective_get_prompt_key (i), added_hint);
  append_column (columns, column_new (owner, added_title, added));

  gtk_box_append (GTK_BOX (section), columns);
  return section;
}

