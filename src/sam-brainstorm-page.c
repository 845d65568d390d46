/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-brainstorm-board.h"
#include "sam-brainstorm-page.h"
#include "sam-text.h"
#include "sam-card-list.h"
#include "sam-decide-common.h"
#include "sam-field.h"

/* The brainstorm: every team writes ideas (cards of kind "idea"), the room
 * groups them into clusters, and each team spends a budget of votes.  The
 * votes stay hidden — only "votes cast: n of budget" per team shows — until
 * the coach reveals them with the ranking.  Then a debate round on one KPI:
 * each team brings its points in turn. */
struct _SamBrainstormPage
{
  SamExercisePage parent_instance;

  GtkStack *phases;
  GtkFlowBox *idea_columns;
  GtkEntry *cluster_entry;
  GtkSpinButton *budget_spin;
  GtkDropDown *voting_team;
  GtkToggleButton *reveal_button;
  GtkFlowBox *team_status;
  GtkFlowBox *board;
  GtkWidget *result_box;
  GtkListBox *ranking;
  GtkBox *turn_box;
  AdwEntryRow *kpi_row;
  GtkFlowBox *debate_columns;

  GListModel *teams;
  GListModel *cards;
  GListModel *clusters;
  SamStore *watched_store;
  SamStep *watched_step;
  gulong restored_id;
  gulong settings_id;
  guint rebuild_id;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (SamBrainstormPage, sam_brainstorm_page, SAM_TYPE_EXERCISE_PAGE)

static void
bind_list (SamBrainstormPage *self,
           GtkWidget         *list)
{
  g_object_bind_property (self, "store", list, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "workshop", list, "workshop", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "step", list, "step", G_BINDING_SYNC_CREATE);
}

static GtkWidget *
team_column_new (SamBrainstormPage *self,
                 SamTeam           *team,
                 const char        *kind,
                 const char        *placeholder)
{
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = sam_card_list_new (kind, sam_team_get_id (team), 0, 0, NULL);
  g_autofree char *colour = sam_decide_team_colour_class (team);

  sam_card_list_set_placeholder (SAM_CARD_LIST (list), placeholder);
  sam_card_list_set_show_team (SAM_CARD_LIST (list), FALSE);
  bind_list (self, list);
  gtk_box_append (GTK_BOX (column), sam_decide_team_label_new (team, "title-2"));
  gtk_box_append (GTK_BOX (column), list);
  gtk_widget_add_css_class (column, "sam-team-column");
  gtk_widget_add_css_class (column, colour);
  gtk_widget_set_valign (column, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (child), "team", team);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), column);
  gtk_widget_set_focusable (child, FALSE);
  return child;
}

static GtkWidget *
create_idea_column (gpointer item,
                    gpointer user_data)
{
  return team_column_new (user_data, item, "idea", _("An idea…"));
}

static GtkWidget *
create_debate_column (gpointer item,
                      gpointer user_data)
{
  return team_column_new (user_data, item, "debate-point", _("Our point…"));
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

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->debate_columns)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), "team") == team)
        gtk_widget_add_css_class (child, "sam-current-turn");
      else
        gtk_widget_remove_css_class (child, "sam-current-turn");
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
    return G_SOURCE_REMOVE;

  context.store = store;
  context.step = step;
  context.teams = self->teams;
  context.voting_team = sam_brainstorm_page_get_voting_team (self);
  context.revealed = sam_store_get_votes_revealed (store, step);

  sam_brainstorm_fill_board (self->board, &context);
  sam_brainstorm_fill_team_status (self->team_status, &context);
  if (context.revealed)
    sam_brainstorm_fill_ranking (self->ranking, &context);
  sync_controls (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (a reload, a vote and its notifications): the
 * board is rebuilt once, when they are over. */
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

      gtk_flow_box_bind_model (self->idea_columns, self->teams, create_idea_column, self, NULL);
      gtk_flow_box_bind_model (self->debate_columns, self->teams, create_debate_column, self, NULL);
      gtk_drop_down_set_model (self->voting_team, self->teams);
      queue_rebuild (self);
    }
  else
    {
      gtk_flow_box_bind_model (self->idea_columns, NULL, NULL, NULL, NULL);
      gtk_flow_box_bind_model (self->debate_columns, NULL, NULL, NULL, NULL);
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
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, idea_columns);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, cluster_entry);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, budget_spin);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, voting_team);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, team_status);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, board);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, result_box);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, ranking);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, turn_box);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, kpi_row);
  gtk_widget_class_bind_template_child (widget_class, SamBrainstormPage, debate_columns);
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

}

static void
sam_brainstorm_page_init (SamBrainstormPage *self)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (SAM_TYPE_TEAM, NULL, "name");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-decide-page");
  gtk_drop_down_set_expression (self->voting_team, name);
}
