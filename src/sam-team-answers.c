/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-perspective-page.h"
#include "sam-team-answers.h"
#include "sam-team-window.h"

/* In team mode, after the coach's reveal: what the other teams wrote about
 * this team in one step, one card a row with who wrote it.  The team does
 * not edit them; on the perspective exercise it answers each, as the
 * owners do on the coach's page (Recognised / Not right).  Before the
 * reveal the team window never makes this list, so no other team's answer
 * is in its widgets or its accessible texts. */

typedef struct
{
  SamStore *store;
  SamWorkshop *workshop;
  gint64 owner_id;
  char *kind;
  char *prompt;
  gboolean responses;
} Answers;

static void
answers_free (gpointer data)
{
  Answers *answers = data;

  g_clear_object (&answers->store);
  g_clear_object (&answers->workshop);
  g_free (answers->kind);
  g_free (answers->prompt);
  g_free (answers);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  Answers *answers = user_data;
  SamCard *card = item;

  return g_strcmp0 (sam_card_get_kind (card), answers->kind) == 0 &&
         sam_card_get_about_team_id (card) == answers->owner_id &&
         sam_card_get_team_id (card) != answers->owner_id &&
         sam_card_get_team_id (card) != 0 &&
         (answers->prompt == NULL || g_strcmp0 (sam_card_get_prompt (card), answers->prompt) == 0);
}

static void
response_toggled_cb (GtkToggleButton *button,
                     SamStore        *store)
{
  g_autoptr(GError) error = NULL;
  SamCard *card = g_object_get_data (G_OBJECT (button), "card");
  int response = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "response"));
  gboolean active = gtk_toggle_button_get_active (button);
  int wanted = active ? response : SAM_PERSPECTIVE_OPEN;
  GtkWidget *window;

  /* Pressed again, the chosen answer is taken back; the other button
   * follows the card (sync_buttons). */
  if ((!active && sam_card_get_response (card) != response) || sam_card_get_response (card) == wanted)
    return;

  if (!sam_store_set_card_int (store, card, SAM_CARD_FIELD_RESPONSE, wanted, &error))
    {
      g_signal_handlers_block_by_func (button, response_toggled_cb, store);
      gtk_toggle_button_set_active (button, !active);
      g_signal_handlers_unblock_by_func (button, response_toggled_cb, store);
      window = gtk_widget_get_ancestor (GTK_WIDGET (button), SAM_TYPE_TEAM_WINDOW);
      if (window != NULL)
        sam_team_window_show_toast (SAM_TEAM_WINDOW (window), error->message);
    }
}

static void
sync_buttons (GtkWidget  *box,
              GParamSpec *pspec,
              SamCard    *card)
{
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int response = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "response"));

      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), sam_card_get_response (card) == response);
    }
}

static GtkWidget *
response_button_new (Answers    *answers,
                     SamCard    *card,
                     int         response,
                     const char *icon_name,
                     const char *label)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  g_object_set_data_full (G_OBJECT (button), "card", g_object_ref (card), g_object_unref);
  g_object_set_data (G_OBJECT (button), "response", GINT_TO_POINTER (response));
  g_signal_connect_object (button, "toggled", G_CALLBACK (response_toggled_cb), answers->store, 0);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  Answers *answers = user_data;
  SamCard *card = item;
  SamTeam *writer = sam_store_find_team (answers->store, answers->workshop, sam_card_get_team_id (card));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text = gtk_label_new (sam_card_get_text (card));
  g_autofree char *by = NULL;
  GtkWidget *by_label;

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (text, "team-mode-answer");
  gtk_box_append (GTK_BOX (box), text);

  /* Translators: under another team's answer in team mode; %s is that team */
  by = g_strdup_printf (_("Written by %s"), writer != NULL ? sam_team_get_name (writer) : "");
  by_label = gtk_label_new (by);
  gtk_label_set_xalign (GTK_LABEL (by_label), 0);
  gtk_widget_add_css_class (by_label, "dim-label");
  gtk_box_append (GTK_BOX (box), by_label);

  if (answers->responses)
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *recognised = response_button_new (answers, card, SAM_PERSPECTIVE_RECOGNISED,
                                                   "object-select-symbolic", _("Recognised"));
      GtkWidget *not_right = response_button_new (answers, card, SAM_PERSPECTIVE_NOT_RIGHT,
                                                  "dialog-warning-symbolic", _("Not right"));

      gtk_widget_add_css_class (recognised, "discover-recognised");
      gtk_widget_add_css_class (not_right, "discover-not-right");
      gtk_box_append (GTK_BOX (buttons), recognised);
      gtk_box_append (GTK_BOX (buttons), not_right);
      gtk_box_append (GTK_BOX (box), buttons);
      sync_buttons (buttons, NULL, card);
      g_signal_connect_object (card, "notify::response", G_CALLBACK (sync_buttons), buttons, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

/**
 * sam_team_answers_new:
 * @store: the database
 * @workshop: the workshop
 * @step: a revealed step
 * @owner: the team whose window shows the list
 * @kind: the cards' kind ("perspective", "belief", "strength")
 * @prompt: (nullable): only cards of this prompt
 * @responses: whether the owner answers each card (Recognised / Not right)
 *
 * Returns: (transfer floating): the other teams' cards about @owner, or a
 *   word that there are none, which follows the cards as they change
 */
GtkWidget *
sam_team_answers_new (SamStore    *store,
                      SamWorkshop *workshop,
                      SamStep     *step,
                      SamTeam     *owner,
                      const char  *kind,
                      const char  *prompt,
                      gboolean     responses)
{
  Answers *answers = g_new0 (Answers, 1);
  GtkFilter *filter;
  g_autoptr(GtkFilterListModel) model = NULL;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *empty = gtk_label_new (_("No other team has written anything here."));

  answers->store = g_object_ref (store);
  answers->workshop = g_object_ref (workshop);
  answers->owner_id = sam_team_get_id (owner);
  answers->kind = g_strdup (kind);
  answers->prompt = g_strdup (prompt);
  answers->responses = responses;

  filter = GTK_FILTER (gtk_custom_filter_new (filter_cb, answers, NULL));
  model = gtk_filter_list_model_new (g_object_ref (sam_store_get_cards (store, step)), filter);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (model), create_row, answers, answers_free);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), empty);
  return list;
}
