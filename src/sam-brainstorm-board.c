/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-brainstorm-board.h"
#include "sam-decide-common.h"

static void
clear (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (container))
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
      else if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static SamTeam *
find_team (GListModel *teams,
           gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (sam_team_get_id (team) == id)
        return team;
    }

  return NULL;
}

/* Drag and drop: an idea travels as its card id. */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 SamCard       *idea)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, sam_card_get_id (idea));
}

static gboolean
drop_on_idea_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 SamCard       *onto)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  gint64 id = g_value_get_int64 (value);

  if (id == sam_card_get_id (onto))
    return FALSE;

  return gtk_widget_activate_action (widget, "brainstorm.group", "(xx)", id, sam_card_get_id (onto));
}

static gboolean
drop_on_cluster_cb (GtkDropTarget *target,
                    const GValue  *value,
                    double         x,
                    double         y,
                    gpointer       cluster_id)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  return gtk_widget_activate_action (widget, "brainstorm.move-to-cluster", "(xx)",
                                     g_value_get_int64 (value), (gint64) GPOINTER_TO_SIZE (cluster_id));
}

static GMenuModel *
idea_menu_new (SamCard    *idea,
               GListModel *clusters,
               SamCluster *current)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) vote = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  gint64 id = sam_card_get_id (idea);
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Take Back a Vote"), NULL);
  g_menu_item_set_action_and_target (item, "brainstorm.take-back", "x", id);
  g_menu_append_item (vote, item);

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(SamCluster) cluster = g_list_model_get_item (clusters, i);
      g_autoptr(GMenuItem) entry = NULL;

      if (cluster == current)
        continue;

      entry = g_menu_item_new (sam_cluster_get_name (cluster), NULL);
      g_menu_item_set_action_and_target (entry, "brainstorm.move-to-cluster", "(xx)", id,
                                         sam_cluster_get_id (cluster));
      g_menu_append_item (move, entry);
    }

  if (current != NULL)
    {
      g_autoptr(GMenuItem) entry = g_menu_item_new (_("Not Grouped"), NULL);

      g_menu_item_set_action_and_target (entry, "brainstorm.move-to-cluster", "(xx)", id, (gint64) 0);
      g_menu_append_item (move, entry);
    }
  {
    g_autoptr(GMenuItem) entry = g_menu_item_new (_("_New Cluster"), NULL);

    g_menu_item_set_action_and_target (entry, "brainstorm.move-to-cluster", "(xx)", id, (gint64) -1);
    g_menu_append_item (move, entry);
  }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (vote));
  g_menu_append_submenu (menu, _("_Move to Cluster"), G_MENU_MODEL (move));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
votes_label_new (guint votes)
{
  g_autoptr(GString) dots = g_string_new (NULL);
  g_autofree char *text = NULL;
  GtkWidget *label;

  for (guint i = 0; i < MIN (votes, 10); i++)
    g_string_append (dots, "●");
  if (votes > 10)
    g_string_append (dots, "…");

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u vote", "%s %u votes", votes),
                          dots->str, votes);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "sam-idea-votes");
  return label;
}

static void
vote_clicked_cb (GtkWidget *button,
                 SamCard   *idea)
{
  gtk_widget_activate_action (button, "brainstorm.vote", "x", sam_card_get_id (idea));
}

static GtkWidget *
tile_new (const SamBoardContext *context,
          SamCard               *idea,
          SamCluster            *cluster)
{
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *stripe = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *vote = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *who;
  g_autoptr(GMenuModel) model = idea_menu_new (idea, sam_store_get_clusters (context->store, context->step), cluster);
  SamTeam *team = find_team (context->teams, sam_card_get_team_id (idea));
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_autofree char *tooltip = NULL;

  gtk_widget_add_css_class (stripe, "sam-idea-stripe");
  if (team != NULL)
    {
      g_autofree char *colour = sam_decide_team_colour_class (team);
      gtk_widget_add_css_class (stripe, colour);
    }

  g_object_bind_property (idea, "text", text, "label", G_BINDING_SYNC_CREATE);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (text, "sam-idea-text");
  gtk_box_append (GTK_BOX (body), text);

  who = gtk_label_new (NULL);
  if (team != NULL)
    g_object_bind_property (team, "name", who, "label", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_label_set_wrap (GTK_LABEL (who), TRUE);
  gtk_widget_set_hexpand (who, TRUE);
  gtk_widget_add_css_class (who, "sam-idea-team");
  gtk_box_append (GTK_BOX (bottom), who);

  if (context->revealed)
    gtk_box_append (GTK_BOX (bottom),
                    votes_label_new (sam_store_count_idea_votes (context->store, context->step, idea, NULL)));

  if (context->voting_team != NULL)
    /* Translators: %s is a team's name */
    tooltip = g_strdup_printf (_("Vote for this idea (%s)"), sam_team_get_name (context->voting_team));
  gtk_widget_set_tooltip_text (vote, tooltip);
  gtk_widget_set_sensitive (vote, context->voting_team != NULL);
  gtk_widget_add_css_class (vote, "circular");
  gtk_widget_add_css_class (vote, "sam-vote-button");
  gtk_widget_set_valign (vote, GTK_ALIGN_CENTER);
  g_signal_connect_object (vote, "clicked", G_CALLBACK (vote_clicked_cb), idea, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (vote), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Vote"), -1);
  gtk_box_append (GTK_BOX (bottom), vote);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), model);
  gtk_widget_set_tooltip_text (menu, _("More for this idea"));
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bottom), menu);
  gtk_box_append (GTK_BOX (body), bottom);
  gtk_widget_set_hexpand (body, TRUE);

  gtk_box_append (GTK_BOX (tile), stripe);
  gtk_box_append (GTK_BOX (tile), body);
  gtk_widget_add_css_class (tile, "sam-idea-tile");
  g_object_set_data_full (G_OBJECT (tile), "idea", g_object_ref (idea), g_object_unref);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), idea, 0);
  gtk_widget_add_controller (tile, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_on_idea_cb), idea, 0);
  gtk_widget_add_controller (tile, GTK_EVENT_CONTROLLER (target));
  return tile;
}

static void
cluster_name_changed_cb (GtkEditableLabel *label,
                         GParamSpec       *pspec,
                         SamCluster       *cluster)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (label));

  if (!gtk_editable_label_get_editing (label) && g_strcmp0 (text, sam_cluster_get_name (cluster)) != 0)
    {
      if (!gtk_widget_activate_action (GTK_WIDGET (label), "brainstorm.rename-cluster", "(xs)",
                                       sam_cluster_get_id (cluster), text) ||
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), sam_cluster_get_name (cluster)) != 0)
        gtk_editable_set_text (GTK_EDITABLE (label), sam_cluster_get_name (cluster));
    }
}

static void
delete_cluster_cb (GtkWidget  *button,
                   SamCluster *cluster)
{
  gtk_widget_activate_action (button, "brainstorm.delete-cluster", "x", sam_cluster_get_id (cluster));
}

static GtkWidget *
group_new (const SamBoardContext *context,
           SamCluster            *cluster,
           GPtrArray             *ideas)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  GtkWidget *title;

  if (cluster != NULL)
    {
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      title = gtk_editable_label_new (sam_cluster_get_name (cluster));
      gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Cluster name"), -1);
      g_signal_connect_object (title, "notify::editing", G_CALLBACK (cluster_name_changed_cb), cluster, 0);
      gtk_widget_set_tooltip_text (delete, _("Delete this cluster; its ideas stay"));
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_cluster_cb), cluster, 0);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), delete);
    }
  else
    {
      title = gtk_label_new (_("Not grouped yet"));
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (header), title);
      gtk_widget_add_css_class (group, "sam-ungrouped");
    }
  gtk_widget_add_css_class (title, "sam-cluster-name");
  gtk_box_append (GTK_BOX (group), header);

  for (guint i = 0; i < ideas->len; i++)
    gtk_box_append (GTK_BOX (group), tile_new (context, ideas->pdata[i], cluster));

  if (ideas->len == 0)
    {
      GtkWidget *empty = gtk_label_new (cluster ? _("Drop ideas here") : _("Every idea is in a cluster"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (GTK_BOX (group), empty);
    }

  gtk_widget_add_css_class (group, "sam-cluster");
  g_signal_connect (target, "drop", G_CALLBACK (drop_on_cluster_cb),
                    GSIZE_TO_POINTER (cluster ? sam_cluster_get_id (cluster) : 0));
  gtk_widget_add_controller (group, GTK_EVENT_CONTROLLER (target));
  return group;
}

static void
append_group (GtkFlowBox *board,
              GtkWidget  *group)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), group);
  gtk_widget_set_focusable (child, FALSE);
  gtk_widget_set_valign (child, GTK_ALIGN_START);
  gtk_flow_box_append (board, child);
}

/**
 * sam_brainstorm_fill_board:
 * @board: the flow box to fill
 * @context: what to show
 *
 * One card per cluster with its ideas, in the clusters' order, and one for
 * the ideas not grouped yet.
 */
void
sam_brainstorm_fill_board (GtkFlowBox            *board,
                           const SamBoardContext *context)
{
  GListModel *clusters = sam_store_get_clusters (context->store, context->step);
  GListModel *cards = sam_store_get_cards (context->store, context->step);
  guint n_clusters = g_list_model_get_n_items (clusters);
  g_autoptr(GPtrArray) loose = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  clear (GTK_WIDGET (board));
  for (guint i = 0; i < n_clusters; i++)
    g_ptr_array_add (groups, g_ptr_array_new_with_free_func (g_object_unref));

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      SamCluster *cluster;
      guint position;

      if (g_strcmp0 (sam_card_get_kind (card), "idea") != 0)
        continue;

      cluster = sam_store_get_idea_cluster (context->store, card);
      if (cluster != NULL && g_list_store_find (G_LIST_STORE (clusters), cluster, &position))
        g_ptr_array_add (groups->pdata[position], g_object_ref (card));
      else
        g_ptr_array_add (loose, g_object_ref (card));
    }

  for (guint i = 0; i < n_clusters; i++)
    {
      g_autoptr(SamCluster) cluster = g_list_model_get_item (clusters, i);
      append_group (board, group_new (context, cluster, groups->pdata[i]));
    }

  if (loose->len > 0 || n_clusters == 0)
    append_group (board, group_new (context, NULL, loose));
}

/**
 * sam_brainstorm_fill_team_status:
 * @box: the flow box to fill
 * @context: what to show
 *
 * Per team how many of its votes it has cast; never how it voted.
 */
void
sam_brainstorm_fill_team_status (GtkFlowBox            *box,
                                 const SamBoardContext *context)
{
  guint budget = sam_store_get_vote_budget (context->store, context->step);

  clear (GTK_WIDGET (box));
  for (guint i = 0; i < g_list_model_get_n_items (context->teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (context->teams, i);
      guint used = sam_store_count_team_votes (context->store, context->step, team);
      GtkWidget *chip = sam_decide_team_label_new (team, "sam-team-status-name");
      g_autofree char *text = NULL;
      GtkWidget *count;

      /* Translators: votes a team has cast, e.g. "2 of 3 votes cast" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u vote cast", "%u of %u votes cast", budget),
                              used, budget);
      count = gtk_label_new (text);
      gtk_widget_add_css_class (count, "sam-team-status-count");
      gtk_box_append (GTK_BOX (chip), count);
      if (used >= budget)
        {
          gtk_box_append (GTK_BOX (chip), gtk_image_new_from_icon_name ("object-select-symbolic"));
          gtk_widget_add_css_class (chip, "sam-votes-done");
        }
      if (team == context->voting_team)
        gtk_widget_add_css_class (chip, "sam-voting-now");
      gtk_widget_add_css_class (chip, "sam-team-status");
      gtk_flow_box_append (box, chip);
    }
}

/**
 * sam_brainstorm_fill_ranking:
 * @list: the list box to fill
 * @context: what to show
 *
 * The ideas by votes, most first; ideas with as many votes keep their order.
 */
void
sam_brainstorm_fill_ranking (GtkListBox            *list,
                             const SamBoardContext *context)
{
  g_autoptr(GArray) ranking = sam_store_rank_ideas (context->store, context->step);

  clear (GTK_WIDGET (list));
  for (guint i = 0; i < ranking->len; i++)
    {
      SamIdeaScore *score = &g_array_index (ranking, SamIdeaScore, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *rank = g_strdup_printf ("%u", score->rank);
      GtkWidget *rank_label = gtk_label_new (rank);
      SamTeam *team = find_team (context->teams, sam_card_get_team_id (score->card));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sam_card_get_text (score->card));
      if (team != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sam_team_get_name (team));
      gtk_widget_add_css_class (rank_label, "sam-rank");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), votes_label_new (score->votes));
      gtk_list_box_append (list, row);
    }
}
