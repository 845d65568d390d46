/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-actions.h"
#include "sam-card-tree.h"
#include "sam-changes-page.h"
#include "sam-palette.h"

/* "Changes and impact": per team, what changes around the organisation
 * (cards of kind "change") and under each change what it means for the
 * team's own work (kind "impact", whose parent is the change).  The page is
 * one #SamCardTree: a section per team, the changes as its cards, the
 * impacts under them. */
struct _SamChangesPage
{
  SamExercisePage parent_instance;

  GtkStack *stack;
  SamCardTree *tree;
};

G_DEFINE_FINAL_TYPE (SamChangesPage, sam_changes_page, SAM_TYPE_EXERCISE_PAGE)

static GtkWidget *
header_new (gpointer user_data)
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
  g_object_set_data (G_OBJECT (header), "swatch", swatch);
  g_object_set_data (G_OBJECT (header), "name", name);
  return header;
}

static void
header_bind (GtkWidget *header,
             GObject   *section,
             gpointer   user_data)
{
  SamTeam *team = SAM_TEAM (section);
  GtkWidget *swatch = g_object_get_data (G_OBJECT (header), "swatch");
  GtkWidget *name = g_object_get_data (G_OBJECT (header), "name");
  const char *old_class = g_object_get_data (G_OBJECT (header), "colour");
  g_autofree char *colour = g_strdup_printf ("team-colour-%u", sam_team_get_colour (team) % SAM_PALETTE_SIZE);

  if (old_class != NULL)
    gtk_widget_remove_css_class (swatch, old_class);
  gtk_widget_add_css_class (swatch, colour);
  g_object_set_data_full (G_OBJECT (header), "colour", g_steal_pointer (&colour), g_free);
  g_object_set_data (G_OBJECT (header), "binding",
                     g_object_bind_property (team, "name", name, "label", G_BINDING_SYNC_CREATE));
}

static void
header_unbind (GtkWidget *header,
               gpointer   user_data)
{
  GBinding *binding = g_object_get_data (G_OBJECT (header), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (header), "binding", NULL);
}

static GtkWidget *
extra_new (gpointer user_data)
{
  GtkWidget *label = gtk_label_new (_("What it means for our work"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "sam-impact-heading");
  return label;
}

static GListModel *
changes_of (SamCardTree *tree,
            GObject     *section,
            gpointer     user_data)
{
  return sam_card_tree_get_bucket (tree, "change", sam_team_get_id (SAM_TEAM (section)), 0, 0, NULL);
}

static GListModel *
impacts_of (SamCardTree *tree,
            SamCard     *change,
            gpointer     user_data)
{
  return sam_card_tree_get_bucket (tree, "impact", sam_card_get_team_id (change), 0,
                                   sam_card_get_id (change), NULL);
}

static gboolean
add_card (SamChangesPage *self,
          gint64          team_id,
          gint64          parent_id,
          const char     *text)
{
  SamCardInit init = { 0 };

  init.kind = parent_id > 0 ? "impact" : "change";
  init.team_id = team_id;
  init.parent_id = parent_id;
  init.text = text;
  return sam_card_actions_add (GTK_WIDGET (self), sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self)),
                               sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self)), &init);
}

static gboolean
add_from_tree (SamCardTree *tree,
               GObject     *section,
               SamCard     *parent,
               const char  *text,
               gpointer     user_data)
{
  return add_card (user_data, parent ? sam_card_get_team_id (parent) : sam_team_get_id (SAM_TEAM (section)),
                   parent ? sam_card_get_id (parent) : 0, text);
}

/* "cards.add-to" ((xxs): team, change or 0, text): a change, or an impact
 * under a change, as the page's fields add them. */
static void
add_to_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_autofree char *text = NULL;
  gint64 team_id, parent_id;

  g_variant_get (param, "(xxs)", &team_id, &parent_id, &text);
  add_card (SAM_CHANGES_PAGE (widget), team_id, parent_id, text);
}

static void
update_stack (SamChangesPage *self)
{
  GListModel *teams = sam_exercise_page_get_teams (SAM_EXERCISE_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack,
                                    teams != NULL && g_list_model_get_n_items (teams) > 0 &&
                                    sam_card_tree_get_cards (self->tree) != NULL ? "teams" : "no-teams");
}

static void
sam_changes_page_context_changed (SamExercisePage *page,
                                  SamStore        *old_store,
                                  SamWorkshop     *old_workshop,
                                  SamStep         *old_step)
{
  SamChangesPage *self = SAM_CHANGES_PAGE (page);

  sam_card_tree_set_context (self->tree, sam_exercise_page_get_store (page), sam_exercise_page_get_workshop (page),
                             sam_exercise_page_get_step (page), sam_exercise_page_get_teams (page));
  update_stack (self);
}

static void
sam_changes_page_teams_changed (SamExercisePage *page)
{
  update_stack (SAM_CHANGES_PAGE (page));
}

static void
sam_changes_page_dispose (GObject *object)
{
  SamChangesPage *self = (SamChangesPage *)object;

  if (self->tree != NULL)
    sam_card_tree_set_context (self->tree, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_CHANGES_PAGE);
  self->tree = NULL;

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
  page_class->teams_changed = sam_changes_page_teams_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-changes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamChangesPage, stack);

  gtk_widget_class_install_action (widget_class, "cards.add-to", "(xxs)", add_to_action);
}

static void
sam_changes_page_init (SamChangesPage *self)
{
  SamCardTreeSpec spec = {
    .parent_placeholder = _("A change around us…"),
    .child_placeholder = _("An impact on our work…"),
    .header_new = header_new,
    .header_bind = header_bind,
    .header_unbind = header_unbind,
    .extra_new = extra_new,
    .parents = changes_of,
    .children = impacts_of,
    .add = add_from_tree,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->tree = SAM_CARD_TREE (sam_card_tree_new (&spec, self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sam_card_tree_get_list_view (self->tree)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes per team"), -1);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->tree), "teams");
  update_stack (self);
}

/**
 * sam_changes_page_get_tree:
 * @self: a #SamChangesPage
 *
 * Returns: (transfer none): the page's cards, one list (which carries the
 *   "cards.*" actions)
 */
SamCardTree *
sam_changes_page_get_tree (SamChangesPage *self)
{
  g_return_val_if_fail (SAM_IS_CHANGES_PAGE (self), NULL);
  return self->tree;
}

/**
 * sam_changes_page_get_changes:
 * @self: a #SamChangesPage
 * @team: a team of the workshop
 *
 * Returns: (transfer none) (nullable): the live list of @team's changes,
 *   in order
 */
GListModel *
sam_changes_page_get_changes (SamChangesPage *self,
                              SamTeam        *team)
{
  g_return_val_if_fail (SAM_IS_CHANGES_PAGE (self), NULL);
  g_return_val_if_fail (SAM_IS_TEAM (team), NULL);

  return changes_of (self->tree, G_OBJECT (team), self);
}

/**
 * sam_changes_page_get_impacts:
 * @self: a #SamChangesPage
 * @change: a change card of the page
 *
 * Returns: (transfer none) (nullable): the live list of the change's
 *   impacts, in order
 */
GListModel *
sam_changes_page_get_impacts (SamChangesPage *self,
                              SamCard        *change)
{
  g_return_val_if_fail (SAM_IS_CHANGES_PAGE (self), NULL);
  g_return_val_if_fail (SAM_IS_CARD (change), NULL);

  return impacts_of (self->tree, change, self);
}
