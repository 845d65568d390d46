/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-brainstorm-board.h"
#include "sam-store-decide.h"
#include "sam-team-votes.h"
#include "sam-team-window.h"

/* In team mode, on a brainstorm step: the team places its dots on the
 * room's ideas and takes them back, each press saved at once.  Before the
 * coach reveals the votes a row shows only the team's own dots, so no other
 * team's dot is in a label, a tooltip or an accessible text (the laptop a
 * room passes around holds every team's votes); after the reveal each idea
 * also shows its total.  The ideas are a list model in a GtkListView: the
 * step's cards, filtered to its ideas. */

struct _SamTeamVotes
{
  GtkBox parent_instance;

  SamStore *store;
  SamStep *step;
  SamTeam *team;
  GtkLabel *left_label;
  GtkLabel *privacy_label;
  GtkWidget *empty_label;
  GtkFilterListModel *ideas;
  GPtrArray *rows;   /* the bound rows' boxes */
  gboolean revealed;
};

G_DEFINE_FINAL_TYPE (SamTeamVotes, sam_team_votes, GTK_TYPE_BOX)

static gboolean
is_idea (gpointer item,
         gpointer user_data)
{
  return g_strcmp0 (sam_card_get_kind (SAM_CARD (item)), "idea") == 0;
}

static void
update_row (SamTeamVotes *self,
            GtkWidget    *row)
{
  SamCard *idea = g_object_get_data (G_OBJECT (row), "idea");
  GtkLabel *own_label = g_object_get_data (G_OBJECT (row), "own");
  GtkLabel *total_label = g_object_get_data (G_OBJECT (row), "total");
  GtkWidget *place = g_object_get_data (G_OBJECT (row), "place");
  GtkWidget *take_back = g_object_get_data (G_OBJECT (row), "take-back");
  guint own, total;
  g_autofree char *own_text = NULL;
  g_autofree char *total_text = NULL;

  if (idea == NULL)
    return;

  own = sam_store_count_idea_votes (self->store, self->step, idea, self->team);
  /* Translators: next to an idea in team mode: the dots the team put on it */
  own_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot of ours", "%u dots of ours", own), own);
  gtk_label_set_label (own_label, own_text);

  /* Before the reveal the other teams' dots are in no text at all. */
  if (self->revealed)
    {
      total = sam_store_count_idea_votes (self->store, self->step, idea, NULL);
      /* Translators: next to an idea in team mode, after the coach revealed
       * the votes: every team's dots on it */
      total_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot in all", "%u dots in all", total), total);
    }
  gtk_label_set_label (total_label, total_text != NULL ? total_text : "");
  gtk_widget_set_visible (GTK_WIDGET (total_label), self->revealed);

  gtk_widget_set_sensitive (place, sam_team_votes_get_n_left (self) > 0);
  gtk_widget_set_sensitive (take_back, own > 0);
}

static void
refresh (SamTeamVotes *self)
{
  guint budget = sam_store_get_vote_budget (self->store, self->step);
  guint left = sam_team_votes_get_n_left (self);
  g_autofree char *text = NULL;

  self->revealed = sam_store_get_votes_revealed (self->store, self->step);
  if (left == 0)
    text = g_strdup (_("All your dots are placed: take one back to place it elsewhere."));
  else
    /* Translators: in team mode; the first %u is the dots the team still
     * has, the second how many each team has in all */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot left to place, of %u",
                                         "%u dots left to place, of %u", left),
                            left, budget);
  gtk_label_set_label (self->left_label, text);
  gtk_label_set_label (self->privacy_label,
                       self->revealed ? _("The coach has revealed the votes: each idea shows every team’s dots.")
                                      : _("Only your team sees its dots, until the coach reveals the votes."));
  gtk_widget_set_visible (self->empty_label, g_list_model_get_n_items (G_LIST_MODEL (self->ideas)) == 0);

  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, g_ptr_array_index (self->rows, i));
}

static void
vote (SamTeamVotes *self,
      GtkWidget    *row,
      gboolean      place)
{
  SamCard *idea = g_object_get_data (G_OBJECT (row), "idea");
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (idea == NULL)
    return;

  if (place)
    done = sam_store_cast_vote (self->store, self->step, self->team, idea, &error);
  else
    done = sam_store_take_back_vote (self->store, self->step, self->team, idea, &error);

  if (!done)
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SAM_TYPE_TEAM_WINDOW);

      if (window != NULL)
        sam_team_window_show_toast (SAM_TEAM_WINDOW (window), error->message);
    }
  else
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SAM_TYPE_TEAM_WINDOW);

      if (window != NULL)
        sam_team_window_mark_saved (SAM_TEAM_WINDOW (window));
    }

  refresh (self);
}

static void
place_clicked_cb (GtkButton    *button,
                  SamTeamVotes *self)
{
  vote (self, gtk_widget_get_parent (GTK_WIDGET (button)), TRUE);
}

static void
take_back_clicked_cb (GtkButton    *button,
                      SamTeamVotes *self)
{
  vote (self, gtk_widget_get_parent (GTK_WIDGET (button)), FALSE);
}

static GtkWidget *
vote_button_new (SamTeamVotes *self,
                 const char   *icon_name,
                 const char   *tooltip,
                 GCallback     callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "team-mode-vote-button");
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SamTeamVotes             *self)
{
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *counts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *own = gtk_label_new (NULL);
  GtkWidget *total = gtk_label_new (NULL);
  GtkWidget *take_back = vote_button_new (self, "list-remove-symbolic", _("Take a dot back from this idea"),
                                          G_CALLBACK (take_back_clicked_cb));
  GtkWidget *place = vote_button_new (self, "list-add-symbolic", _("Place a dot on this idea"),
                                      G_CALLBACK (place_clicked_cb));
  GtkWidget *row;

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (text, "team-mode-answer");
  gtk_label_set_xalign (GTK_LABEL (own), 1);
  gtk_label_set_xalign (GTK_LABEL (total), 1);
  gtk_widget_add_css_class (own, "team-mode-dots");
  gtk_widget_add_css_class (total, "team-mode-total");
  gtk_widget_set_valign (counts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (counts), own);
  gtk_box_append (GTK_BOX (counts), total);

  row = sam_brainstorm_vote_row_set (item, "team-mode-vote-row", text, counts, take_back, place, NULL);
  g_object_set_data (G_OBJECT (row), "text", text);
  g_object_set_data (G_OBJECT (row), "own", own);
  g_object_set_data (G_OBJECT (row), "total", total);
  g_object_set_data (G_OBJECT (row), "place", place);
  g_object_set_data (G_OBJECT (row), "take-back", take_back);
}

/* The team may still edit its own ideas above the list. */
static void
idea_text_cb (SamCard    *idea,
              GParamSpec *pspec,
              GtkLabel   *label)
{
  gtk_label_set_label (label, sam_card_get_text (idea));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         SamTeamVotes             *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  SamCard *idea = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (row), "idea", g_object_ref (idea), g_object_unref);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "text"), sam_card_get_text (idea));
  g_signal_connect_object (idea, "notify::text", G_CALLBACK (idea_text_cb),
                           g_object_get_data (G_OBJECT (row), "text"), 0);
  g_ptr_array_add (self->rows, row);
  update_row (self, row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SamTeamVotes             *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  SamCard *idea = g_object_get_data (G_OBJECT (row), "idea");

  if (idea != NULL)
    g_signal_handlers_disconnect_by_func (idea, idea_text_cb, g_object_get_data (G_OBJECT (row), "text"));
  g_ptr_array_remove (self->rows, row);
  g_object_set_data (G_OBJECT (row), "idea", NULL);
}

static void
sam_team_votes_dispose (GObject *object)
{
  SamTeamVotes *self = SAM_TEAM_VOTES (object);

  if (self->step != NULL)
    g_signal_handlers_disconnect_by_data (self->step, self);
  if (self->ideas != NULL)
    g_signal_handlers_disconnect_by_data (self->ideas, self);
  g_clear_object (&self->ideas);
  g_clear_object (&self->store);
  g_clear_object (&self->step);
  g_clear_object (&self->team);

  G_OBJECT_CLASS (sam_team_votes_parent_class)->dispose (object);
}

static void
sam_team_votes_finalize (GObject *object)
{
  SamTeamVotes *self = SAM_TEAM_VOTES (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (sam_team_votes_parent_class)->finalize (object);
}

static void
sam_team_votes_class_init (SamTeamVotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_team_votes_dispose;
  object_class->finalize = sam_team_votes_finalize;
}

static void
sam_team_votes_init (SamTeamVotes *self)
{
  self->rows = g_ptr_array_new ();
}

static GtkWidget *
line_new (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/**
 * sam_team_votes_new:
 * @store: the database
 * @step: a brainstorm step
 * @team: the team that has the laptop
 *
 * Returns: (transfer floating): the step's ideas, each with the team's
 *   dots on it and buttons to place and take back a dot; the totals only
 *   once the coach has revealed the votes
 */
GtkWidget *
sam_team_votes_new (SamStore *store,
                    SamStep  *step,
                    SamTeam  *team)
{
  SamTeamVotes *self = g_object_new (SAM_TYPE_TEAM_VOTES,
                                     "orientation", GTK_ORIENTATION_VERTICAL,
                                     "spacing", 8,
                                     NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);
  g_return_val_if_fail (SAM_IS_TEAM (team), NULL);

  self->store = g_object_ref (store);
  self->step = g_object_ref (step);
  self->team = g_object_ref (team);
  self->ideas = gtk_filter_list_model_new (g_object_ref (sam_store_get_cards (store, step)),
                                           GTK_FILTER (gtk_custom_filter_new (is_idea, NULL, NULL)));

  gtk_box_append (GTK_BOX (self), line_new (_("Vote with your dots"), "team-mode-lead"));
  self->privacy_label = GTK_LABEL (line_new (NULL, "team-mode-private"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->privacy_label));
  self->left_label = GTK_LABEL (line_new (NULL, "team-mode-heading"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->left_label));
  self->empty_label = line_new (_("No ideas yet: the dots come once the room has ideas."), "team-mode-together");
  gtk_box_append (GTK_BOX (self), self->empty_label);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->ideas)))),
                            factory);
  gtk_widget_add_css_class (list, "team-mode-votes");
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ideas to vote on"), -1);
  gtk_box_append (GTK_BOX (self), list);

  g_signal_connect_swapped (step, "notify::settings", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->ideas, "items-changed", G_CALLBACK (refresh), self);
  refresh (self);
  return GTK_WIDGET (self);
}

/**
 * sam_team_votes_get_n_left:
 * @self: a #SamTeamVotes
 *
 * Returns: the dots the team can still place on this step
 */
guint
sam_team_votes_get_n_left (SamTeamVotes *self)
{
  guint budget, used;

  g_return_val_if_fail (SAM_IS_TEAM_VOTES (self), 0);

  budget = sam_store_get_vote_budget (self->store, self->step);
  used = sam_store_count_team_votes (self->store, self->step, self->team);
  return used < budget ? budget - used : 0;
}
