/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-actions.h"
#include "sam-text.h"
#include "sam-window.h"

void
sam_card_actions_report_error (GtkWidget    *widget,
                               const GError *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, SAM_TYPE_WINDOW);

  if (window != NULL)
    sam_window_show_error (SAM_WINDOW (window), error);
  else
    g_message ("%s", error->message);
}

/* Adds a card as @init says, its text stripped; a blank text is ignored,
 * never stored.  Returns whether a card was added. */
gboolean
sam_card_actions_add (GtkWidget         *widget,
                      SamStore          *store,
                      SamStep           *step,
                      const SamCardInit *init)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (init->text ? init->text : ""));
  SamCardInit copy = *init;

  if (*stripped == '\0' || store == NULL || step == NULL)
    return FALSE;

  copy.text = stripped;
  if (sam_store_add_card (store, step, &copy, &error) == NULL)
    {
      sam_card_actions_report_error (widget, error);
      return FALSE;
    }

  return TRUE;
}

/* A blank text is not stored: the card keeps what it had. */
void
sam_card_actions_set_text (GtkWidget    *widget,
                           SamStore     *store,
                           SamCard      *card,
                           SamCardTextField field,
                           const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (card == NULL || *stripped == '\0')
    return;

  if (!sam_store_set_card_text (store, card, field, stripped, &error))
    sam_card_actions_report_error (widget, error);
}

/* Moves the card (and what hangs under it) to the trash and offers Undo. */
void
sam_card_actions_delete (GtkWidget *widget,
                         SamStore  *store,
                         SamCard   *card)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *message = NULL;
  GtkWidget *window = gtk_widget_get_ancestor (widget, SAM_TYPE_WINDOW);
  gint64 batch;

  if (card == NULL)
    return;

  excerpt = sam_text_excerpt (sam_card_get_text (card), 41);
  if (!sam_store_trash_card (store, card, &batch, &error))
    {
      sam_card_actions_report_error (widget, error);
      return;
    }

  /* Translators: %s is the start of the deleted card's text */
  message = g_strdup_printf (_("Card “%s” deleted"), excerpt);
  if (window != NULL)
    sam_window_show_undo_toast (SAM_WINDOW (window), message, batch);
}

/* Puts @card in @target's place: positions count over all the step's
 * cards, so the card lands just before the target (moving up) or after it
 * (moving down). */
gboolean
sam_card_actions_move_to (GtkWidget *widget,
                          SamStore  *store,
                          SamCard   *card,
                          SamCard   *target)
{
  g_autoptr(GError) error = NULL;

  if (card == NULL || target == NULL || card == target)
    return FALSE;

  if (!sam_store_move_card (store, card, sam_card_get_position (target), &error))
    {
      sam_card_actions_report_error (widget, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_card_actions_neighbour:
 * @cards: the cards of one bucket, in order
 * @card: one of them
 * @delta: how many places away (-1: the one before)
 *
 * Returns: (transfer full) (nullable): the card @delta places from @card,
 *   %NULL past either end or when @card is not in @cards
 */
SamCard *
sam_card_actions_neighbour (GListModel *cards,
                            SamCard    *card,
                            int         delta)
{
  guint n = cards ? g_list_model_get_n_items (cards) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamCard) item = g_list_model_get_item (cards, i);
      gint64 other = (gint64) i + delta;

      if (item != card)
        continue;
      if (other < 0 || other >= (gint64) n)
        return NULL;
      return g_list_model_get_item (cards, (guint) other);
    }

  return NULL;
}

/* Whether two cards belong together: a card dragged onto another team's
 * card keeps its team, bucket and place. */
gboolean
sam_card_actions_same_bucket (SamCard *card,
                              SamCard *other)
{
  return g_strcmp0 (sam_card_get_kind (card), sam_card_get_kind (other)) == 0 &&
         sam_card_get_team_id (card) == sam_card_get_team_id (other) &&
         sam_card_get_about_team_id (card) == sam_card_get_about_team_id (other) &&
         sam_card_get_parent_id (card) == sam_card_get_parent_id (other) &&
         g_strcmp0 (sam_card_get_prompt (card), sam_card_get_prompt (other)) == 0;
}
