/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-compat.h"
#include "sam-map-page.h"
#include "sam-overview-page.h"
#include "sam-step-view.h"
#include "sam-workshop-view-private.h"

/* An open workshop: a sidebar with its sections (the details and teams, then
 * the agenda) and the page of the chosen section.  Every page is a widget
 * with "store" and "workshop" properties; the view hands both down.  The
 * agenda's steps share one #SamStepView (see sam-workshop-view-agenda.c). */

G_DEFINE_FINAL_TYPE (SamWorkshopView, sam_workshop_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SamWindow *
get_window (SamWorkshopView *self)
{
  return SAM_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), SAM_TYPE_WINDOW));
}

void
_sam_workshop_view_report_error (SamWorkshopView *self,
                                 const GError    *error)
{
  SamWindow *window = get_window (self);

  if (window != NULL)
    sam_window_show_error (window, error);
  else
    g_warning ("%s", error->message);
}

typedef GtkWidget *(*PageMaker) (void);

/* A row of the sidebar for the page @name, and the page: @page, or made
 * by @make when first shown (ensure_page()). */
static void
add_page (SamWorkshopView *self,
          GtkWidget       *page,
          PageMaker        make,
          const char      *name,
          const char      *title,
          const char      *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  gtk_list_box_append (self->sidebar_list, row);

  if (page != NULL)
    gtk_stack_add_titled (self->pages, page, name, title);
  else
    {
      g_object_set_data (G_OBJECT (row), "sam-page-maker", make);
      g_object_set_data_full (G_OBJECT (row), "sam-page-title", g_strdup (title), g_free);
    }
}

static GtkListBoxRow *
find_row (GtkListBox *list,
          const char *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
      return row;
  return NULL;
}

/* The map and the live room are made the first time they are shown: a
 * workshop opened on a step, as most are, never pays for them (11 MB of
 * resident memory with the benchmark's big workshop, bench-pages memory). */
static void
ensure_page (SamWorkshopView *self,
             GtkWidget       *row)
{
  const char *name = gtk_widget_get_name (row);
  PageMaker make = g_object_get_data (G_OBJECT (row), "sam-page-maker");
  GtkWidget *page;

  if (make == NULL || gtk_stack_get_child_by_name (self->pages, name) != NULL)
    return;

  page = make ();
  gtk_stack_add_titled (self->pages, page, name, g_object_get_data (G_OBJECT (row), "sam-page-title"));
  g_object_set (page, "store", self->workshop ? self->store : NULL, "workshop", self->workshop, NULL);
}

static GtkWidget *
room_page_new (void)
{
  return g_object_new (SAM_TYPE_ROOM_PAGE, NULL);
}

static void
sidebar_row_selected_cb (SamWorkshopView *self,
                         GtkListBoxRow   *row)
{
  GtkStackPage *page;

  if (row == NULL)
    return;

  g_clear_pointer (&self->step_title_binding, g_binding_unbind);
  gtk_list_box_unselect_all (self->agenda_list);
  ensure_page (self, GTK_WIDGET (row));
  gtk_stack_set_visible_child_name (self->pages, gtk_widget_get_name (GTK_WIDGET (row)));
  page = gtk_stack_get_page (self->pages, gtk_stack_get_visible_child (self->pages));
  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
}

static void
agenda_row_selected_cb (SamWorkshopView *self,
                        GtkListBoxRow   *row)
{
  _sam_workshop_view_agenda_selected (self, row);
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
      _sam_workshop_view_report_error (self, error);
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
    _sam_workshop_view_report_error (self, error);
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
    _sam_workshop_view_report_error (self, error);
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
    _sam_workshop_view_report_error (self, error);
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
    _sam_workshop_view_report_error (self, error);
}

static void
trash_team (SamWorkshopView *self,
            SamTeam         *team)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_strdup (sam_team_get_name (team));
  SamWindow *window = get_window (self);
  gint64 batch;

  if (!sam_store_trash_team (self->store, team, &batch, &error))
    {
      _sam_workshop_view_report_error (self, error);
      return;
    }

  message = g_strdup_printf (_("Team “%s” removed"), name);
  if (window != NULL)
    sam_window_show_undo_toast (window, message, batch);
}

static void
trash_team_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  SamTeam *team = team_from_id (self, g_variant_get_int64 (param));

  if (team != NULL)
    trash_team (self, team);
}

static void
remove_team_response_cb (GtkWidget  *alert,
                         const char *response,
                         gpointer    user_data)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (user_data);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (alert), "team-id"));
  SamTeam *team;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  team = team_from_id (self, id);
  if (team != NULL)
    trash_team (self, team);
}

/* A team without cards goes at once (Undo brings it back); when the room
 * wrote cards for it, the coach is told how many go with it first. */
static void
remove_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  SamTeam *team = team_from_id (self, g_variant_get_int64 (param));
  SamWindow *window = get_window (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *alert;
  guint n;

  if (team == NULL)
    return;

  n = sam_store_count_team_content (self->store, team);
  if (n == 0 || window == NULL)
    {
      trash_team (self, team);
      return;
    }

  /* Translators: %s is a team name */
  heading = g_strdup_printf (_("Remove Team “%s”?"), sam_team_get_name (team));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The team wrote %u card. It is removed together with the team. "
                                       "You can undo this right after.",
                                       "The team wrote %u cards. They are removed together with the team. "
                                       "You can undo this right after.", n), n);
  alert = sam_compat_alert_new (heading, body);
  sam_compat_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_add_response (alert, "remove", _("_Remove Team"), ADW_RESPONSE_DESTRUCTIVE);
  sam_compat_alert_set_default_response (alert, "cancel");
  sam_compat_alert_set_close_response (alert, "cancel");
  g_object_set_data (G_OBJECT (alert), "team-id", GSIZE_TO_POINTER ((gsize) sam_team_get_id (team)));
  sam_compat_alert_present (alert, GTK_WIDGET (window), remove_team_response_cb, self);
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

/* GTK 4.8's revealer keeps its child's minimum width once hidden, which
 * left a blank strip where the sidebar was; hide it when it is folded. */
static void
sidebar_revealed_cb (SamWorkshopView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_revealer),
                          gtk_revealer_get_reveal_child (self->sidebar_revealer) ||
                          gtk_revealer_get_child_revealed (self->sidebar_revealer));
}

static void
sam_workshop_view_dispose (GObject *object)
{
  SamWorkshopView *self = (SamWorkshopView *)object;

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_clear_pointer (&self->step_title_binding, g_binding_unbind);
  if (self->steps != NULL)
    {
      g_object_set (self->step_view, "step", NULL, NULL);
      g_clear_object (&self->workshop);
      _sam_workshop_view_bind_agenda (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_WORKSHOP_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_workshop_view_parent_class)->dispose (object);
}

static void
sam_workshop_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, sam_workshop_view_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
page_changed_cb (SamWorkshopView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
sam_workshop_view_class_init (SamWorkshopViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_workshop_view_dispose;
  object_class->get_property = sam_workshop_view_get_property;

  /**
   * SamWorkshopView:page:
   *
   * The page shown: "overview", "map" or "step" (see
   * sam_workshop_view_get_page()).
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-workshop-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, page_title);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, pages);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, presenter_slot);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, agenda_total);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, add_step_button);
  gtk_widget_class_bind_template_child (widget_class, SamWorkshopView, agenda_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, agenda_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "workshop.add-team", "s", add_team_action);
  gtk_widget_class_install_action (widget_class, "workshop.add-team-here", NULL, add_team_here_action);
  gtk_widget_class_install_action (widget_class, "workshop.rename-team", "(xs)", rename_team_action);
  gtk_widget_class_install_action (widget_class, "workshop.set-team-colour", "(xu)", set_team_colour_action);
  gtk_widget_class_install_action (widget_class, "workshop.set-team-people", "(xu)", set_team_people_action);
  gtk_widget_class_install_action (widget_class, "workshop.move-team", "(xi)", move_team_action);
  gtk_widget_class_install_action (widget_class, "workshop.remove-team", "x", remove_team_action);
  gtk_widget_class_install_action (widget_class, "workshop.trash-team", "x", trash_team_action);
  gtk_widget_class_install_action (widget_class, "workshop.show-page", "s", show_page_action);
  _sam_workshop_view_agenda_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "workshop.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "workshop.toggle-sidebar", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SAM_TYPE_OVERVIEW_PAGE);
  g_type_ensure (SAM_TYPE_STEP_VIEW);
}

static void
sam_workshop_view_init (SamWorkshopView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_page (self, GTK_WIDGET (g_object_new (SAM_TYPE_OVERVIEW_PAGE, NULL)), NULL,
            "overview", _("Workshop and Teams"), "system-users-symbolic");
  /* The map of the whole day, also reachable outside any agenda step. */
  add_page (self, NULL, sam_map_page_new, "map", _("Relationship Map"), "network-workgroup-symbolic");
  /* The live room: team laptops join over the room's network (issue 18). */
  add_page (self, NULL, room_page_new, "room", _("Live Room"), "network-wireless-symbolic");

  g_signal_connect_object (self->sidebar_revealer, "notify::reveal-child",
                           G_CALLBACK (sidebar_revealed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_revealer, "notify::child-revealed",
                           G_CALLBACK (sidebar_revealed_cb), self, G_CONNECT_SWAPPED);

  self->step_view = g_object_new (SAM_TYPE_STEP_VIEW, NULL);
  gtk_stack_add_titled (self->pages, GTK_WIDGET (self->step_view), "step", _("Agenda Step"));
  _sam_workshop_view_agenda_init (self);
  g_signal_connect_object (self->pages, "notify::visible-child-name",
                           G_CALLBACK (page_changed_cb), self, G_CONNECT_SWAPPED);
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
  g_clear_pointer (&self->step_title_binding, g_binding_unbind);
  g_object_set (self->step_view, "step", NULL, NULL);
  g_set_object (&self->workshop, workshop);
  _sam_workshop_view_bind_agenda (self);

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
 * @name: the page: "overview", "map", or an agenda step's page ("step-<id>")
 */
void
sam_workshop_view_show_page (SamWorkshopView *self,
                             const char      *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (SAM_IS_WORKSHOP_VIEW (self));

  if ((row = find_row (self->sidebar_list, name)) != NULL)
    gtk_list_box_select_row (self->sidebar_list, row);
  else if ((row = find_row (self->agenda_list, name)) != NULL)
    gtk_list_box_select_row (self->agenda_list, row);
}

/**
 * sam_workshop_view_get_page:
 * @self: a #SamWorkshopView
 *
 * Returns: the page shown: "overview", "map", or "step" for an agenda step
 */
const char *
sam_workshop_view_get_page (SamWorkshopView *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

/**
 * sam_workshop_view_get_step_view:
 * @self: a #SamWorkshopView
 *
 * Returns: (transfer none): the page that shows agenda steps
 */
GtkWidget *
sam_workshop_view_get_step_view (SamWorkshopView *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_VIEW (self), NULL);
  return GTK_WIDGET (self->step_view);
}

/**
 * sam_workshop_view_get_step:
 * @self: a #SamWorkshopView
 *
 * Returns: (transfer none) (nullable): the step shown, if a step's page is shown
 */
SamStep *
sam_workshop_view_get_step (SamWorkshopView *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "step") != 0)
    return NULL;
  return sam_step_view_get_step (self->step_view);
}

/**
 * sam_workshop_view_get_room_page:
 * @self: a #SamWorkshopView
 *
 * Returns: (transfer none): the "Live Room" page, which owns the room
 */
SamRoomPage *
sam_workshop_view_get_room_page (SamWorkshopView *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_VIEW (self), NULL);

  ensure_page (self, GTK_WIDGET (find_row (self->sidebar_list, "room")));
  return SAM_ROOM_PAGE (gtk_stack_get_child_by_name (self->pages, "room"));
}

/**
 * sam_workshop_view_set_presenter_panel:
 * @self: a #SamWorkshopView
 * @panel: (nullable): the projector's thumbnail and controls, or %NULL
 *   when presenting stops
 *
 * Shows @panel at the foot of the sidebar, under the agenda.
 */
void
sam_workshop_view_set_presenter_panel (SamWorkshopView *self,
                                       GtkWidget       *panel)
{
  GtkWidget *child;

  g_return_if_fail (SAM_IS_WORKSHOP_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->presenter_slot))) != NULL)
    gtk_box_remove (self->presenter_slot, child);
  if (panel != NULL)
    gtk_box_append (self->presenter_slot, panel);
  gtk_widget_set_visible (GTK_WIDGET (self->presenter_slot), panel != NULL);
}
