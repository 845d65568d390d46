/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-brainstorm-board.h"
#include "sam-brainstorm-page.h"
#include "sam-card-actions.h"
#include "sam-card-tree.h"
#include "sam-text.h"
#include "sam-decide-common.h"
#include "sam-field.h"
#include "sam-palette.h"

/* The brainstorm: every team writes ideas (cards of kind "idea"), the room
 * groups them into clusters, and each team spends a budget of votes.  The
 * votes stay hidden — only "votes cast: n of budget" per team shows — until
 * the coach reveals them with the ranking.  Then a debate round on one KPI:
 * each team brings its points in turn.  Each phase is one list view (the
 * ideas and the debate points a #SamCardTree with a section per team, the
 * clusters a #SamBrainstormBoard), so it costs what is on screen. */
struct _SamBrainstormPage
{
  SamExercisePage parent_instance;

  GtkStack *phases;
  GtkBox *ideas_box;
  GtkWidget *vote_top;
  GtkEntry *cluster_entry;
  GtkSpinButton *budget_spin;
  GtkDropDown *voting_team;
  GtkToggleButton *reveal_button;
  GtkFlowBox *team_status;
  SamBrainstormBoard *board;
  GtkWidget *result_box;
  GtkScrolledWindow *ranking_scroller;
  GtkWidget *ranking;
  GtkBox *debate_page;
  GtkWidget *debate_top;
  GtkBox *turn_box;
  AdwEntryRow *kpi_row;
  SamCardTree *idea_tree;
  SamCardTree *debate_tree;

  GListModel *teams;
  GListModel *cards;
  GListModel *clusters;
  SamStore *watched_store;
  SamStep *watched_step;
  gulong restored_id;
  gulong settings_id;
  guint rebuild_id;
  gboolean syncing;
  /* The clusters and the debate are filled when first shown. */
  gboolean board_live;
  gboolean debate_live;
};

G_DEFINE_FINAL_TYPE (SamBrainstormPage, sam_brainstorm_page, SAM_TYPE_EXERCISE_PAGE)

/* A team's section in the ideas and the debate: its colour and name (the
 * name carries the meaning, never the colour alone). */
static GtkWidget *
team_header_new (gpointer user_data)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_widget_add_css_class (swatch, "team-swatch");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "title-2");
  gtk_box_append (GTK_BOX (header), swatch);
  gtk_box_append (GTK_BOX (header), name);
  gtk_widget_add_css_class (header, "sam-team-header");
  g_object_set_data (G_OBJECT (header), "swatch", swatch);
  g_object_set_data (G_OBJECT (header), "name", name);
  return header;
}

static void
mark_turn (SamBrainstormPage *self,
           GtkWidget         *header)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  SamTeam *team = g_object_get_data (G_OBJECT (header), "team");
  gboolean debate = gtk_widget_get_ancestor (header, SAM_TYPE_CARD_TREE) == GTK_WIDGET (self->debate_tree);

  if (debate && team != NULL && step != NULL && sam_store_get_debate_turn (store, step) == team)
    gtk_widget_add_css_class (header, "sam-current-turn");
  else
    gtk_widget_remove_css_class (header, "sam-current-turn");
}

static void
team_header_bind (GtkWidget *header,
                  GObject   *section,
                  gpointer   user_data)
{
  SamTeam *team = SAM_TEAM (section);
  GtkWidget *swatch = g_object_get_data (G_OBJECT (header), "swatch");
  GtkWidget *name = g_object_get_data (G_OBJECT (header), "name");
  const char *old_class = g_object_get_data (G_OBJECT (header), "colour");
  char *colour = g_strdup_printf ("team-colour-%u", sam_team_get_colour (team) % SAM_PALETTE_SIZE);

  if (old_class != NULL)
    gtk_widget_remove_css_class (swatch, old_class);
  gtk_widget_add_css_class (swatch, colour);
  g_object_set_data_full (G_OBJECT (header), "colour", colour, g_free);
  g_object_set_data_full (G_OBJECT (header), "team", g_object_ref (team), g_object_unref);
  g_object_set_data (G_OBJECT (header), "binding",
                     g_object_bind_property (team, "name", name, "label", G_BINDING_SYNC_CREATE));
  mark_turn (user_data, header);
}

static void
team_header_unbind (GtkWidget *header,
                    gpointer   user_data)
{
  GBinding *binding = g_object_get_data (G_OBJECT (header), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (header), "binding", NULL);
  g_object_set_data (G_OBJECT (header), "team", NULL);
}

static GListModel *
ideas_of (SamCardTree *tree,
          GObject     *section,
          gpointer     user_data)
{
  return sam_card_tree_get_bucket (tree, "idea", sam_team_get_id (SAM_TEAM (section)), 0, 0, NULL);
}

static GListModel *
points_of (SamCardTree *tree,
           GObject     *section,
           gpointer     user_data)
{
  return sam_card_tree_get_bucket (tree, "debate-point", sam_team_get_id (SAM_TEAM (section)), 0, 0, NULL);
}

static gboolean
add_from_tree (SamCardTree *tree,
               GObject     *section,
               SamCard     *parent,
               const char  *text,
               gpointer     user_data)
{
  SamBrainstormPage *self = user_data;
  SamCardInit init = { 0 };

  init.kind = tree == self->idea_tree ? "idea" : "debate-point";
  init.team_id = sam_team_get_id (SAM_TEAM (section));
  init.text = text;
  return sam_card_actions_add (GTK_WIDGET (self), sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self)),
                               sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self)), &init);
}

typedef GListModel *(*ParentsFunc) (SamCardTree *tree,
                                    GObject     *section,
                                    gpointer     user_data);

static SamCardTree *
team_tree_new (SamBrainstormPage *self,
               const char        *placeholder,
               ParentsFunc        parents,
               const char        *label)
{
  SamCardTreeSpec spec = {
    .parent_placeholder = placeholder,
    .header_new = team_header_new,
    .header_bind = team_header_bind,
    .header_unbind = team_header_unbind,
    .parents = parents,
    .add = add_from_tree,
  };
  GtkWidget *tree = sam_card_tree_new (&spec, self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (sam_card_tree_get_list_view (SAM_CARD_TREE (tree))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return SAM_CARD_TREE (tree);
}

/* The store and the step the page works on; the step is NULL while the
 * page shows none. */
static SamStep *
get_step (SamBrainstormPage  *self,
          SamStore          **store)
{
  *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  return sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
}

/* The debate's turn: the team's colour and name, never the colour alone. */
static void
update_turn (SamBrainstormPage *self)
{
  SamStore *store;
  SamStep *step = get_step (self, &store);
  SamTeam *team = step ? sam_store_get_debate_turn (store, step) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->turn_box))) != NULL)
    gtk_box_remove (self->turn_box, child);

  if (team != NULL)
    {
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* Translators: whose turn it is in the debate; %s is a team */
      text = g_strdup_printf (_("%s’s turn"), sam_team_get_name (team));
      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "sam-turn-label");
      child = sam_decide_team_label_new (team, NULL);
      gtk_widget_set_visible (gtk_widget_get_last_child (child), FALSE);
      gtk_box_append (self->turn_box, child);
      gtk_box_append (self->turn_box, label);
    }

  /* The headers on screen; the others are marked when they are bound. */
  for (child = gtk_widget_get_first_child (sam_card_tree_get_list_view (self->debate_tree)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *bin = gtk_widget_get_first_child (child);
      GtkWidget *header = bin && ADW_IS_BIN (bin) ? adw_bin_get_child (ADW_BIN (bin)) : NULL;

      if (header != NULL && g_object_get_data (G_OBJECT (header), "swatch") != NULL)
        mark_turn (self, header);
    }
}

/* The controls follow the step's settings (budget, reveal, KPI). */
static void
sync_controls (SamBrainstormPage *self)
{
  SamStore *store;
  SamStep *step = get_step (self, &store);
  g_autofree char *kpi = NULL;
  gboolean revealed;

  if (step == NULL)
    return;

  self->syncing = TRUE;
  revealed = sam_store_get_votes_revealed (store, step);
  gtk_spin_button_set_value (self->budget_spin, sam_store_get_vote_budget (store, step));
  gtk_toggle_button_set_active (self->reveal_button, revealed);
  kpi = sam_store_dup_debate_kpi (store, step);
  sam_field_show_stored (GTK_WIDGET (self->kpi_row), kpi);
  gtk_widget_set_visible (self->result_box, revealed);
  self->syncing = FALSE;
  update_turn (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  SamBrainstormPage *self = data;
  SamStore *store;
  SamStep *step = get_step (self, &store);
  SamBoardContext context = { 0 };

  self->rebuild_id = 0;
  if (step == NULL)
    {
      sam_brainstorm_board_update (self->board, NULL);
      return G_SOURCE_REMOVE;
    }

  context.store = store;
  context.step = step;
  context.teams = self->teams;
  context.voting_team = sam_brainstorm_page_get_voting_team (self);
  context.revealed = sam_store_get_votes_revealed (store, step);

  if (self->board_live)
    {
      sam_brainstorm_board_update (self->board, &context);
      sam_brainstorm_fill_team_status (self->team_status, &context);
      if (context.revealed)
        sam_brainstorm_ranking_update (self->ranking, &context);
    }
  sync_controls (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (a reload, a vote and its notifications): the
 * board is brought up to date once, when they are over. */
static void
queue_rebuild (SamBrainstormPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_cb, self, NULL);
}

static void
disconnect_models (SamBrainstormPage *self)
{
  if (self->teams != NULL)
    g_signal_handlers_disconnect_by_func (self->teams, queue_rebuild, self);
  if (self->cards != NULL)
    g_signal_handlers_disconnect_by_func (self->cards, queue_rebuild, self);
  if (self->clusters != NULL)
    g_signal_handlers_disconnect_by_func (self->clusters, queue_rebuild, self);
  g_clear_object (&self->teams);
  g_clear_object (&self->cards);
  g_clear_object (&self->clusters);
  if (self->watched_store != NULL)
    g_clear_signal_handler (&self->restored_id, self->watched_store);
  if (self->watched_step != NULL)
    g_clear_signal_handler (&self->settings_id, self->watched_step);
  g_clear_object (&self->watched_store);
  g_clear_object (&self->watched_step);
}

static GtkWidget *
create_team_chip (gpointer item,
                  gpointer user_data)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), sam_brainstorm_team_chip_new (item));
  gtk_widget_set_focusable (child, FALSE);
  return child;
}

/* A phase's list is filled the first time the phase is shown: the page
 * opens on the ideas, and the clusters and the debate cost nothing until
 * the coach turns to them. */
static void
show_phase (SamBrainstormPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->phases);

  if (self->teams == NULL)
    return;

  if (g_strcmp0 (name, "vote") == 0 && !self->board_live)
    {
      self->board_live = TRUE;
      gtk_flow_box_bind_model (self->team_status, self->teams, create_team_chip, self, NULL);
      queue_rebuild (self);
    }
  else if (g_strcmp0 (name, "debate") == 0 && !self->debate_live)
    {
      self->debate_live = TRUE;
      sam_card_tree_set_context (self->debate_tree, self->watched_store,
                                 sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self)),
                                 self->watched_step, self->teams);
    }
}

/* @live is FALSE while the page is disposed. */
static void
rebind (SamBrainstormPage *self,
        gboolean          live)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));

  disconnect_models (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->board_live = FALSE;
  self->debate_live = FALSE;
  if (self->debate_tree != NULL)
    sam_card_tree_set_context (self->debate_tree, NULL, NULL, NULL, NULL);
  if (self->board != NULL)
    sam_brainstorm_board_update (self->board, NULL);
  gtk_flow_box_bind_model (self->team_status, NULL, NULL, NULL, NULL);

  if (live && store != NULL && workshop != NULL && step != NULL)
    {
      self->teams = g_object_ref (sam_store_get_teams (store, workshop));
      self->cards = g_object_ref (sam_store_get_cards (store, step));
      self->clusters = g_object_ref (sam_store_get_clusters (store, step));
      g_signal_connect_swapped (self->teams, "items-changed", G_CALLBACK (queue_rebuild), self);
      g_signal_connect_swapped (self->cards, "items-changed", G_CALLBACK (queue_rebuild), self);
      g_signal_connect_swapped (self->clusters, "items-changed", G_CALLBACK (queue_rebuild), self);
      self->watched_store = g_object_ref (store);
      self->watched_step = g_object_ref (step);
      self->restored_id = g_signal_connect_swapped (store, "restored", G_CALLBACK (queue_rebuild), self);
      self->settings_id = g_signal_connect_swapped (step, "notify::settings", G_CALLBACK (queue_rebuild), self);

      sam_card_tree_set_context (self->idea_tree, store, workshop, step, self->teams);
      gtk_drop_down_set_model (self->voting_team, self->teams);
      queue_rebuild (self);
      show_phase (self);
    }
  else
    {
      if (self->idea_tree != NULL)
        sam_card_tree_set_context (self->idea_tree, NULL, NULL, NULL, NULL);
      gtk_drop_down_set_model (self->voting_team, NULL);
    }
}

/* Controls */

static void
cluster_entry_activate_cb (SamBrainstormPage *self,
                           GtkEntry          *entry)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*name != '\0' && gtk_widget_activate_action (GTK_WIDGET (self), "brainstorm.add-cluster", "s", name))
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
budget_changed_cb (SamBrainstormPage *self,
                   GtkSpinButton     *spin)
{
  if (!self->syncing)
    gtk_widget_activate_action (GTK_WIDGET (self), "brainstorm.set-budget", "u",
                                (guint32) gtk_spin_button_get_value_as_int (spin));
}

static void
voting_team_changed_cb (SamBrainstormPage *self)
{
  queue_rebuild (self);
}

static void
reveal_toggled_cb (SamBrainstormPage *self,
                   GtkToggleButton   *button)
{
  if (!self->syncing)
    gtk_widget_activate_action (GTK_WIDGET (self), "brainstorm.reveal", "b",
                                gtk_toggle_button_get_active (button));
}

static void
kpi_changed_cb (SamBrainstormPage *self,
                GtkEditable       *row)
{
  SamStore *store;
  SamStep *step = get_step (self, &store);
  g_autoptr(GError) error = NULL;

  if (self->syncing || sam_field_is_syncing (GTK_WIDGET (row)) || step == NULL)
    return;

  if (!sam_store_set_debate_kpi (store, step, gtk_editable_get_text (row), &error))
    {
      sam_field_revert (GTK_WIDGET (row));
      sam_decide_show_error (GTK_WIDGET (self), error);
    }
}

/**
 * sam_brainstorm_page_get_voting_team:
 * @self: a #SamBrainstormPage
 *
 * Returns: (transfer none) (nullable): the team whose votes the tiles'
 *   vote buttons place
 */
SamTeam *
sam_brainstorm_page_get_voting_team (SamBrainstormPage *self)
{
  g_return_val_if_fail (SAM_IS_BRAINSTORM_PAGE (self), NULL);

  return gtk_drop_down_get_selected_item (self->voting_team);
}

/* Actions: everything the page does, so menus, buttons, drops and tests
 * take the same path. */

static SamCard *
find_idea (SamBrainstormPage *self,
           gint64             id)
{
  SamStore *store;
  SamStep *step = get_step (self, &store);
  SamCard *card = step ? sam_store_find_card (store, step, id) : NULL;

  return card != NULL && g_strcmp0 (sam_card_get_kind (card), "idea") == 0 ? card : NULL;
}

static SamCluster *
find_cluster (SamBrainstormPage *self,
              gint64             id)
{
  for (guint i = 0; self->clusters != NULL && i < g_list_model_get_n_items (self->clusters); i++)
    {
      g_autoptr(SamCluster) cluster = g_list_model_get_item (self->clusters, i);

      if (sam_cluster_get_id (cluster) == id)
        return cluster;
    }

  return NULL;
}

static SamTeam *
find_team (SamBrainstormPage *self,
           gint64             id)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));

  return workshop ? sam_store_find_team (store, workshop, id) : NULL;
}

static void
finish (SamBrainstormPage *self,
        gboolean           ok,
        const GError      *error)
{
  if (!ok)
    sam_decide_show_error (GTK_WIDGET (self), error);

  /* Not at once: the button, menu or drop that asked may be part of what
   * is rebuilt, and must finish first. */
  queue_rebuild (self);
}

static void
add_idea_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);
  SamStore *store;
  SamStep *step = get_step (self, &store);
  g_autoptr(GError) error = NULL;
  SamCardInit init = { .kind = "idea" };
  SamTeam *team;
  gint64 team_id;

  g_variant_get (param, "(x&s)", &team_id, &init.text);
  if ((team = find_team (self, team_id)) == NULL || sam_decide_is_blank (init.text))
    return;

  init.team_id = sam_team_get_id (team);
  finish (self, sam_store_add_card (store, step, &init, &error) != NULL, error);
}

static void
show_phase_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (gtk_stack_get_child_by_name (self->phases, name) != NULL)
    gtk_stack_set_visible_child_name (self->phases, name);
}

static void
add_cluster_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);
  SamStore *store;
  SamStep *step = get_step (self, &store);
  g_autoptr(GError) error = NULL;

  if (step != NULL)
    finish (self, sam_store_add_cluster (store, step, g_variant_get_string (param, NULL), &error) != NULL,
            error);
}

static void
rename_cluster_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  const char *name;
  gint64 id;
  SamCluster *cluster;

  g_variant_get (param, "(x&s)", &id, &name);
  if ((cluster = find_cluster (self, id)) != NULL)
    finish (self, sam_store_rename_cluster (store, cluster, name, &error), error);
}

static void
delete_cluster_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SamCluster *cluster = find_cluster (self, g_variant_get_int64 (param));
  gint64 batch;

  if (cluster == NULL)
    return;

  /* Translators: %s is the name of a group of ideas */
  message = g_strdup_printf (_("Cluster “%s” deleted; its ideas stay"), sam_cluster_get_name (cluster));
  if (!sam_store_trash_cluster (store, cluster, &batch, &error))
    sam_decide_show_error (widget, error);
  else
    sam_decide_show_undo (widget, message, batch);
  queue_rebuild (self);
}

static void
move_to_cluster_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);
  SamStore *store;
  SamStep *step = get_step (self, &store);
  g_autoptr(GError) error = NULL;
  gint64 idea_id, cluster_id;
  SamCluster *cluster = NULL;
  SamCard *idea;

  g_variant_get (param, "(xx)", &idea_id, &cluster_id);
  if ((idea = find_idea (self, idea_id)) == NULL)
    return;

  /* -1: a new cluster, named after the idea; 0: out of any cluster. */
  if (cluster_id < 0)
    {
      g_autofree char *name = sam_text_excerpt (sam_card_get_text (idea), 40);

      cluster = sam_store_add_cluster (store, step, name, &error);
      if (cluster == NULL)
        {
          finish (self, FALSE, error);
          return;
        }
    }
  else if (cluster_id > 0 && (cluster = find_cluster (self, cluster_id)) == NULL)
    return;

  finish (self, sam_store_set_idea_cluster (store, idea, cluster, &error), error);
}

static void
group_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 idea_id, onto_id;
  SamCard *idea, *onto;

  g_variant_get (param, "(xx)", &idea_id, &onto_id);
  idea = find_idea (self, idea_id);
  onto = find_idea (self, onto_id);
  if (idea != NULL && onto != NULL)
    finish (self, sam_store_group_ideas (store, idea, onto, &error) != NULL, error);
}

static void
vote (SamBrainstormPage *self,
      SamTeam           *team,
      SamCard           *idea,
      gboolean           take_back)
{
  SamStore *store;
  SamStep *step = get_step (self, &store);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (team == NULL || idea == NULL)
    return;

  if (take_back)
    ok = sam_store_take_back_vote (store, step, team, idea, &error);
  else
    ok = sam_store_cast_vote (store, step, team, idea, &error);
  finish (self, ok, error);
}

static void
vote_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);

  vote (self, sam_brainstorm_page_get_voting_team (self), find_idea (self, g_variant_get_int64 (param)),
        g_str_equal (action_name, "brainstorm.take-back"));
}

static void
vote_for_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);
  gint64 team_id, idea_id;

  g_variant_get (param, "(xx)", &team_id, &idea_id);
  vote (self, find_team (self, team_id), find_idea (self, idea_id),
        g_str_equal (action_name, "brainstorm.take-back-for"));
}

static void
set_voting_team_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);
  SamTeam *team = find_team (self, g_variant_get_int64 (param));

  if (team != NULL)
    gtk_drop_down_set_selected (self->voting_team, sam_team_get_position (team));
}

/* The step's settings: brainstorm.set-budget (u), brainstorm.reveal (b),
 * brainstorm.set-kpi (s) and brainstorm.next-turn. */
static void
step_setting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SamBrainstormPage *self = SAM_BRAINSTORM_PAGE (widget);
  SamStore *store;
  SamStep *step = get_step (self, &store);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (step == NULL)
    return;

  if (g_str_equal (action_name, "brainstorm.set-budget"))
    ok = sam_store_set_vote_budget (store, step, g_variant_get_uint32 (param), &error);
  else if (g_str_equal (action_name, "brainstorm.reveal"))
    ok = sam_store_set_votes_revealed (store, step, g_variant_get_boolean (param), &error);
  else if (g_str_equal (action_name, "brainstorm.set-kpi"))
    ok = sam_store_set_debate_kpi (store, step, g_variant_get_string (param, NULL), &error);
  else
    ok = sam_store_advance_debate_turn (store, step, &error) != NULL;
  finish (self, ok, error);
}

static void
sam_brainstorm_page_context_changed (SamExercisePage *page,
                                     SamStore        *old_store,
                                     SamWorkshop     *old_workshop,
                                     SamStep         *old_step)
{
  rebind (SAM_BRAINSTORM_PAGE (page), TRUE);
}

static void
sam_brainstorm_page_dispose (GObject *object)
{
  SamBrainstormPage *self = (SamBrainstormPage *)object;

  rebind (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_BRAINSTORM_PAGE);
  self->idea_tree = NULL;
  self->debate_tree = NULL;
  self->board = NULL;

  G_OBJECT_CLASS (sam_brainstorm_page_parent_class)->dispose (object);
}

static void
sam_brainstorm_page_class_init (SamBrainstormPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_brainstorm_page_dispose;
  page_class->context_changed = sam_brainstorm_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-brainstorm-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, phases);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, ideas_box);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, vote_top);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, cluster_entry);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, budget_spin);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, voting_team);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, team_status);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, board);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, result_box);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, ranking_scroller);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, debate_page);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, debate_top);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, turn_box);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, kpi_row);
  gtk_widget_class_bind_template_callback (widget_class, cluster_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, budget_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, voting_team_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, kpi_changed_cb);

  /* "ideas", "vote" or "debate" */
  gtk_widget_class_install_action (widget_class, "brainstorm.show-phase", "s", show_phase_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.add-idea", "(xs)", add_idea_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.add-cluster", "s", add_cluster_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.rename-cluster", "(xs)", rename_cluster_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.delete-cluster", "x", delete_cluster_action);
  /* (idea, cluster): cluster 0 takes the idea out, -1 makes a new cluster */
  gtk_widget_class_install_action (widget_class, "brainstorm.move-to-cluster", "(xx)", move_to_cluster_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.group", "(xx)", group_action);
  /* For the team chosen under "Voting now" */
  gtk_widget_class_install_action (widget_class, "brainstorm.vote", "x", vote_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.take-back", "x", vote_action);
  /* (team, idea) */
  gtk_widget_class_install_action (widget_class, "brainstorm.vote-for", "(xx)", vote_for_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.take-back-for", "(xx)", vote_for_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.set-voting-team", "x", set_voting_team_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.set-budget", "u", step_setting_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.reveal", "b", step_setting_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.set-kpi", "s", step_setting_action);
  gtk_widget_class_install_action (widget_class, "brainstorm.next-turn", NULL, step_setting_action);

  g_type_ensure (SAM_TYPE_BRAINSTORM_BOARD);
}

/* What each phase starts with: what the exercise is and the switch
 * between the phases.  Each phase's list carries its own, so the page
 * scrolls as one list whatever the phase. */
static GtkWidget *
phase_header_new (SamBrainstormPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("Collect ideas, group what belongs together, then every team spends its "
                                      "votes. Votes stay hidden until the coach reveals them."));
  GtkWidget *switcher = gtk_stack_switcher_new ();

  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_widget_set_hexpand (intro, TRUE);
  gtk_widget_add_css_class (intro, "sam-decide-intro");
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->phases);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), switcher);
  return box;
}

/* Moves @widget out of the template into a list's first row, so it
 * scrolls with the list. */
static GtkWidget *
take_out (GtkWidget *widget)
{
  g_object_ref (widget);
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (widget)), widget);
  return widget;
}

static void
sam_brainstorm_page_init (SamBrainstormPage *self)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (SAM_TYPE_TEAM, NULL, "name");

  g_autoptr(GtkWidget) vote_top = NULL;
  g_autoptr(GtkWidget) debate_top = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-decide-page");
  gtk_drop_down_set_expression (self->voting_team, name);
  g_signal_connect_swapped (self->phases, "notify::visible-child", G_CALLBACK (show_phase), self);

  self->idea_tree = team_tree_new (self, _("An idea…"), ideas_of, _("Ideas per team"));
  sam_card_tree_set_top (self->idea_tree, phase_header_new (self));
  gtk_box_append (self->ideas_box, GTK_WIDGET (self->idea_tree));

  self->debate_tree = team_tree_new (self, _("Our point…"), points_of, _("Debate points per team"));
  debate_top = take_out (self->debate_top);
  gtk_box_prepend (GTK_BOX (debate_top), phase_header_new (self));
  sam_card_tree_set_top (self->debate_tree, debate_top);
  gtk_box_append (self->debate_page, GTK_WIDGET (self->debate_tree));

  vote_top = take_out (self->vote_top);
  gtk_box_prepend (GTK_BOX (vote_top), phase_header_new (self));
  sam_brainstorm_board_set_top (self->board, vote_top);
  self->ranking = sam_brainstorm_ranking_new ();
  gtk_scrolled_window_set_child (self->ranking_scroller, self->ranking);
}
