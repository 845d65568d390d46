/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-overview-page.h"
#include "sam-window.h"
#include "sam-workshop-view.h"

/* An open workshop: a sidebar with its sections (the details and teams, then
 * the agenda) and the page of the chosen section.  Every page is a widget
 * with "store" and "workshop" properties; the view hands both down. */
struct _SamWorkshopView
{
  GtkWidget parent_instance;

  GtkRevealer *sidebar_revealer;
  GtkToggleButton *sidebar_button;
  AdwWindowTitle *sidebar_title;
  AdwWindowTitle *page_title;
  GtkListBox *sidebar_list;
  GtkStack *pages;

  SamStore *store;
  SamWorkshop *workshop;
  GBinding *title_binding;
};

G_DEFINE_FINAL_TYPE (SamWorkshopView, sam_workshop_view, GTK_TYPE_WIDGET)

static SamWindow *
get_window (SamWorkshopView *self)
{
  return SAM_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), SAM_TYPE_WINDOW));
}

static void
report_error (SamWorkshopView *self,
              const GError    *error)
{
  SamWindow *window = get_window (self);

  if (window != NULL)
    sam_window_show_error (window, error);
  else
    g_warning ("%s", error->message);
}

static void
add_page (SamWorkshopView *self,
          GtkWidget       *page,
          const char      *name,
          const char      *title,
          const char      *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  gtk_list_box_append (self->sidebar_list, row);

  gtk_stack_add_titled (self->pages, page, name, title);
}

static void
sidebar_row_selected_cb (SamWorkshopView *self,
                         GtkListBoxRow   *row)
{
  GtkStackPage *page;

  if (row == NULL)
    return;

  gtk_stack_set_visible_child_name (self->pages, gtk_widget_get_name (GTK_WIDGET (row)));
  page = gtk_stack_get_page (self->pages, gtk_stack_get_visible_child (self->pages));
  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
}

static SamTeam *
team_from_id (SamWorkshopView *self,
              gint64           id)
{
  if (self->store == NULL || self->workshop == NULL)
    return NULL;

  return sam_store_find_team (self->store, self->workshop, id);
}

static void
add_team_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *overview;
  SamTeam *team;

  if (self->workshop == NULL)
    return;

  name = g_strdup (param ? g_variant_get_string (param, NULL) : "");
  g_strstrip (name);
  if (*name == '\0')
    {
      guint n = g_list_model_get_n_items (sam_store_get_teams (self->store, self->workshop));

      g_free (name);
      /* Translators: the name a new team gets until the coach types one */
      name = g_strdup_printf (_("Team %u"), n + 1);
    }

  team = sam_store_add_team (self->store, self->workshop, name, &error);
  if (team == NULL)
    {
      report_error (self, error);
      return;
    }

  /* From the keyboard shortcut or button, the coach types the name next. */
  overview = gtk_stack_get_child_by_name (self->pages, "overview");
  if (param == NULL || *g_variant_get_string (param, NULL) == '\0')
    {
      sam_workshop_view_show_page (self, "overview");
      sam_overview_page_focus_team (SAM_OVERVIEW_PAGE (overview), team);
    }
}

static void
add_team_here_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  add_team_action (widget, action_name, NULL);
}

static void
rename_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *name;
  gint64 id;
  SamTeam *team;

  g_variant_get (param, "(x&s)", &id, &name);
  team = team_from_id (self, id);
  if (team != NULL && !sam_store_set_team_name (self->store, team, name, &error))
    report_error (self, error);
}

static void
set_team_colour_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint32 colour;
  SamTeam *team;

  g_variant_get (param, "(xu)", &id, &colour);
  team = team_from_id (self, id);
  if (team != NULL && !sam_store_set_team_colour (self->store, team, colour, &error))
    report_error (self, error);
}

static void
set_team_people_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint32 people;
  SamTeam *team;

  g_variant_get (param, "(xu)", &id, &people);
  team = team_from_id (self, id);
  if (team != NULL && !sam_store_set_team_people (self->store, team, people, &error))
    report_error (self, error);
}

static void
move_team_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint32 delta;
  SamTeam *team;
  int position;

  g_variant_get (param, "(xi)", &id, &delta);
  team = team_from_id (self, id);
  if (team == NULL)
    return;

  position = (int) sam_team_get_position (team) + delta;
  if (position < 0)
    return;

  if (!sam_store_move_team (self->store, team, position, &error))
    report_error (self, error);
}

static void
remove_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  SamTeam *team = team_from_id (self, g_variant_get_int64 (param));
  SamWindow *window = get_window (self);
  gint64 batch;

  if (team == NULL)
    return;

  name = g_strdup (sam_team_get_name (team));
  if (!sam_store_trash_team (self->store, team, &batch, &error))
    {
      report_error (self, error);
      return;
    }

  message = g_strdup_printf (_("Team “%s” removed"), name);
  if (window != NULL)
    sam_window_show_undo_toast (window, message, batch);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  sam_workshop_view_show_page (SAM_WORKSHOP_VIEW (widget), g_variant_get_string (param, NULL));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);

  gtk_toggle_button_set_active (self->sidebar_button,
                                !gtk_toggle_button_get_active (self->sidebar_button));
}

static void
sam_workshop_view_dispose (GObject *object)
{
  SamWorkshopView *self = (SamWorkshopView *)object;

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_WORKSHOP_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_workshop_view_parent_class)->dispose (object);
}

static void
sam_workshop_view_class_init (SamWorkshopViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_workshop_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-workshop-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, page_title);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, pages);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "workshop.add-team", "s", add_team_action);
  gtk_widget_class_install_action (widget_class, "workshop.add-team-here", NULL, add_team_here_action);
  gtk_widget_class_install_action (widget_class, "workshop.rename-team", "(xs)", rename_team_action);
  gtk_widget_class_install_action (widget_class, "workshop.set-team-colour", "(xu)", set_team_colour_action);
  gtk_widget_class_install_action (widget_class, "workshop.set-team-people", "(xu)", set_team_people_action);
  gtk_widget_class_install_action (widget_class, "workshop.move-team", "(xi)", move_team_action);
  gtk_widget_class_install_action (widget_class, "workshop.remove-team", "x", remove_team_action);
  gtk_widget_class_install_action (widget_class, "workshop.show-page", "s", show_page_action);

  gtk_widget_class_install_action (widget_class, "workshop.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "workshop.toggle-sidebar", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SAM_TYPE_OVERVIEW_PAGE);
}

static void
sam_workshop_view_init (SamWorkshopView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_page (self, GTK_WIDGET (g_object_new (SAM_TYPE_OVERVIEW_PAGE, NULL)),
            "overview", _("Workshop and Teams"), "system-users-symbolic");
}

/**
 * sam_workshop_view_set_store:
 * @self: a #SamWorkshopView
 * @store: the database
 */
void
sam_workshop_view_set_store (SamWorkshopView *self,
                             SamStore        *store)
{
  g_return_if_fail (SAM_IS_WORKSHOP_VIEW (self));

  g_set_object (&self->store, store);
}

SamWorkshop *
sam_workshop_view_get_workshop (SamWorkshopView *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_VIEW (self), NULL);
  return self->workshop;
}

/**
 * sam_workshop_view_set_workshop:
 * @self: a #SamWorkshopView
 * @workshop: (nullable): the workshop to show, or %NULL to close it
 *
 * Shows @workshop on every page, starting at its details and teams.
 */
void
sam_workshop_view_set_workshop (SamWorkshopView *self,
                                SamWorkshop     *workshop)
{
  GtkWidget *child;

  g_return_if_fail (SAM_IS_WORKSHOP_VIEW (self));

  if (self->workshop == workshop)
    return;

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_set_object (&self->workshop, workshop);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_object_set (child, "store", workshop ? self->store : NULL, "workshop", workshop, NULL);

  if (workshop != NULL)
    {
      self->title_binding = g_object_bind_property (workshop, "name", self->sidebar_title, "title",
                                                    G_BINDING_SYNC_CREATE);
      sam_workshop_view_show_page (self, "overview");
    }
}

/**
 * sam_workshop_view_show_page:
 * @self: a #SamWorkshopView
 * @name: the page: "overview", or an agenda step's page
 */
void
sam_workshop_view_show_page (SamWorkshopView *self,
                             const char      *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (SAM_IS_WORKSHOP_VIEW (self));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    {
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, row);
          return;
        }
    }
}

const char *
sam_workshop_view_get_page (SamWorkshopView *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}
