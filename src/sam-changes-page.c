/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-changes-page.h"
#include "sam-palette.h"

/* "Changes and impact": a column per team, in the team's colour.  Each team
 * lists what changes around the organisation (cards of kind "change"), and
 * under each change what it means for its own work (kind "impact", whose
 * parent is the change). */
struct _SamChangesPage
{
  SamExercisePage parent_instance;

  GtkStack *stack;
  GtkFlowBox *columns;

  GListModel *teams;
};

G_DEFINE_FINAL_TYPE (SamChangesPage, sam_changes_page, SAM_TYPE_EXERCISE_PAGE)

static void
bind_list (SamChangesPage *self,
           GtkWidget      *list)
{
  g_object_bind_property (self, "store", list, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "workshop", list, "workshop", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "step", list, "step", G_BINDING_SYNC_CREATE);
}

static GtkWidget *
create_impacts (SamCardList *changes,
                SamCard     *change,
                gpointer     user_data)
{
  SamChangesPage *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("What it means for our work"));
  GtkWidget *impacts = sam_card_list_new ("impact", sam_card_get_team_id (change), 0,
                                          sam_card_get_id (change), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_widget_add_css_class (label, "sam-impact-heading");
  sam_card_list_set_placeholder (SAM_CARD_LIST (impacts), _("An impact on our work…"));
  sam_card_list_set_show_team (SAM_CARD_LIST (impacts), FALSE);
  gtk_widget_add_css_class (impacts, "sam-impact-list");
  bind_list (self, impacts);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), impacts);
  return box;
}

static GtkWidget *
column_new (SamChangesPage *self,
            SamTeam        *team)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *list = sam_card_list_new ("change", sam_team_get_id (team), 0, 0, NULL);
  g_autofree char *colour = g_strdup_printf ("team-colour-%u", sam_team_get_colour (team) % SAM_PALETTE_SIZE);

  gtk_widget_add_css_class (swatch, "team-swatch");
  gtk_widget_add_css_class (swatch, colour);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "title-2");
  g_object_bind_property (team, "name", name, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (header), swatch);
  gtk_box_append (GTK_BOX (header), name);

  sam_card_list_set_placeholder (SAM_CARD_LIST (list), _("A change around us…"));
  sam_card_list_set_show_team (SAM_CARD_LIST (list), FALSE);
  sam_card_list_set_extra_func (SAM_CARD_LIST (list), create_impacts, self, NULL);
  bind_list (self, list);

  gtk_widget_add_css_class (bar, "sam-team-column-bar");
  gtk_widget_add_css_class (bar, colour);
  gtk_box_append (GTK_BOX (inner), header);
  gtk_box_append (GTK_BOX (inner), list);
  gtk_widget_add_css_class (inner, "sam-team-column-content");
  gtk_box_append (GTK_BOX (column), bar);
  gtk_box_append (GTK_BOX (column), inner);
  gtk_widget_add_css_class (column, "sam-team-column");
  g_object_set_data (G_OBJECT (column), "team", team);
  g_object_set_data (G_OBJECT (column), "list", list);

  return column;
}

/* The teams side by side, like a board: every team sees its own column on
 * the projector; columns that do not fit side by side go to the next line. */
static void
update_columns (SamChangesPage *self)
{
  guint n = self->teams != NULL ? g_list_model_get_n_items (self->teams) : 0;

  if (self->columns == NULL)
    return;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->columns))) != NULL;)
    gtk_flow_box_remove (self->columns, child);

  /* A column's least width is set in em (style.css): zoomed in, fewer
   * columns fit on a line and each stays wide enough to read. */
  gtk_flow_box_set_max_children_per_line (self->columns, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (self->teams, i);
      GtkWidget *column = column_new (self, team);

      /* Same width for every column (homogeneous), but each only as tall
       * as its own cards: an empty team does not take the room of the
       * fullest one. */
      gtk_widget_set_hexpand (column, TRUE);
      gtk_widget_set_valign (column, GTK_ALIGN_START);
      gtk_flow_box_append (self->columns, column);
      gtk_widget_set_focusable (gtk_widget_get_parent (column), FALSE);
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "teams" : "no-teams");
}

/* @live is FALSE while the page is disposed. */
static void
rebind (SamChangesPage *self,
        gboolean        live)
{
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));

  if (self->teams != NULL)
    g_signal_handlers_disconnect_by_func (self->teams, update_columns, self);
  g_clear_object (&self->teams);

  if (live && store != NULL && workshop != NULL && step != NULL)
    {
      self->teams = g_object_ref (sam_store_get_teams (store, workshop));
      g_signal_connect_swapped (self->teams, "items-changed", G_CALLBACK (update_columns), self);
    }

  update_columns (self);
}

static void
sam_changes_page_context_changed (SamExercisePage *page,
                                  SamStore        *old_store,
                                  SamWorkshop     *old_workshop,
                                  SamStep         *old_step)
{
  rebind (SAM_CHANGES_PAGE (page), TRUE);
}

static void
sam_changes_page_dispose (GObject *object)
{
  SamChangesPage *self = (SamChangesPage *)object;

  rebind (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_CHANGES_PAGE);

  G_OBJECT_CLASS (sam_changes_page_parent_class)->dispose (object);
}

static void
sam_changes_page_class_init (SamChangesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_changes_page_dispose;
  page_class->context_changed = sam_changes_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-changes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamChangesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SamChangesPage, columns);

}

static void
sam_changes_page_init (SamChangesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_columns (self);
}

/**
 * sam_changes_page_get_change_list:
 * @self: a #SamChangesPage
 * @team: a team of the workshop
 *
 * Returns: (transfer none) (nullable): the list of @team's changes
 */
SamCardList *
sam_changes_page_get_change_list (SamChangesPage *self,
                                  SamTeam        *team)
{
  g_return_val_if_fail (SAM_IS_CHANGES_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *column = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_object_get_data (G_OBJECT (column), "team") == team)
        return g_object_get_data (G_OBJECT (column), "list");
    }

  return NULL;
}

static SamCardList *
find_list (GtkWidget *root,
           gint64     parent_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SamCardList *found;

      if (SAM_IS_CARD_LIST (child) && sam_card_list_get_parent_id (SAM_CARD_LIST (child)) == parent_id)
        return SAM_CARD_LIST (child);

      found = find_list (child, parent_id);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sam_changes_page_get_impact_list:
 * @self: a #SamChangesPage
 * @change: a change card shown on the page
 *
 * Returns: (transfer none) (nullable): the list of the change's impacts
 */
SamCardList *
sam_changes_page_get_impact_list (SamChangesPage *self,
                                  SamCard        *change)
{
  g_return_val_if_fail (SAM_IS_CHANGES_PAGE (self), NULL);
  g_return_val_if_fail (SAM_IS_CARD (change), NULL);

  return find_list (GTK_WIDGET (self->columns), sam_card_get_id (change));
}
