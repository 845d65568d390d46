/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-palette.h"
#include "sam-field.h"
#include "sam-team-row.h"

/* One team in the list: its name is typed in place and saved as it is
 * typed; colour, size, order and removal sit beside it.  Every change goes
 * through the workshop view's actions, so the keyboard, menus and tests all
 * take the same path. */
struct _SamTeamRow
{
  AdwEntryRow parent_instance;

  SamTeam *team;
  GtkWidget *swatch;
  GtkWidget *colour_button;
  GtkWidget *more_button;
  GtkSpinButton *people;
  guint colour;
};

G_DEFINE_FINAL_TYPE (SamTeamRow, sam_team_row, ADW_TYPE_ENTRY_ROW)

/* A screen reader tells the rows' buttons apart by their team. */
static void
update_accessible_names (SamTeamRow *self)
{
  const char *name = sam_team_get_name (self->team);
  g_autofree char *colour = NULL;
  g_autofree char *menu = NULL;

  /* Translators: the accessible name of a team's colour button: the team,
   * then its colour (“Colour of team Sales: Orange”) */
  colour = g_strdup_printf (_("Colour of team %1$s: %2$s"), name, sam_palette_get_name (self->colour));
  /* Translators: the accessible name of a team's menu button; %s is the team */
  menu = g_strdup_printf (_("Menu for team %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->colour_button), GTK_ACCESSIBLE_PROPERTY_LABEL, colour, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu, -1);
}

static void
update_swatch (SamTeamRow *self)
{
  g_autofree char *old_class = g_strdup_printf ("team-colour-%u", self->colour);
  g_autofree char *new_class = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_remove_css_class (self->swatch, old_class);
  self->colour = sam_team_get_colour (self->team) % SAM_PALETTE_SIZE;
  new_class = g_strdup_printf ("team-colour-%u", self->colour);
  gtk_widget_add_css_class (self->swatch, new_class);

  /* Translators: %s is a colour name such as “Orange” */
  tooltip = g_strdup_printf (_("Team colour: %s"), sam_palette_get_name (self->colour));
  gtk_widget_set_tooltip_text (self->colour_button, tooltip);
  update_accessible_names (self);
}

static void
team_name_changed_cb (SamTeamRow *self)
{
  /* An outside change (Undo, another view) shows at once, unless the name
   * is being typed in: then when the focus leaves it. */
  sam_field_show_stored (GTK_WIDGET (self), sam_team_get_name (self->team));
  update_accessible_names (self);
}

static void
team_people_changed_cb (SamTeamRow *self)
{
  if ((guint) gtk_spin_button_get_value_as_int (self->people) != sam_team_get_people (self->team))
    gtk_spin_button_set_value (self->people, sam_team_get_people (self->team));
}

static void
text_changed_cb (SamTeamRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));

  if (sam_field_is_syncing (GTK_WIDGET (self)))
    return;

  if (*text == '\0')
    {
      /* An empty name is never stored; the old one stays until a new one is typed. */
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  if (g_strcmp0 (text, sam_team_get_name (self->team)) == 0)
    return;

  /* The action says what went wrong; the row shows what is stored. */
  gtk_widget_activate_action (GTK_WIDGET (self), "workshop.rename-team", "(xs)",
                              sam_team_get_id (self->team), text);
  if (g_strcmp0 (text, sam_team_get_name (self->team)) != 0)
    sam_field_revert (GTK_WIDGET (self));
}

static void
people_changed_cb (SamTeamRow    *self,
                   GtkSpinButton *spin)
{
  guint people = gtk_spin_button_get_value_as_int (spin);

  if (people == sam_team_get_people (self->team))
    return;

  /* After a failed write the spin shows what is stored. */
  gtk_widget_activate_action (GTK_WIDGET (self), "workshop.set-team-people", "(xu)",
                              sam_team_get_id (self->team), people);
  if (people != sam_team_get_people (self->team))
    gtk_spin_button_set_value (spin, sam_team_get_people (self->team));
}

/* The colour choices, made when the colour menu first opens: a row per
 * team, and the overview of a big workshop has fifty. */
static void
create_colour_popup_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  SamTeamRow *self = SAM_TEAM_ROW (user_data);
  GtkWidget *popover;
  GtkWidget *grid;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  popover = gtk_popover_new ();
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  for (guint i = 0; i < SAM_PALETTE_SIZE; i++)
    {
      GtkWidget *choice = gtk_button_new ();
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *css = g_strdup_printf ("team-colour-%u", i);

      gtk_widget_set_halign (swatch, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (swatch, "team-swatch");
      gtk_widget_add_css_class (swatch, css);
      gtk_button_set_child (GTK_BUTTON (choice), swatch);
      gtk_widget_add_css_class (choice, "flat");
      gtk_widget_set_tooltip_text (choice, sam_palette_get_name (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      sam_palette_get_name (i), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (choice), "workshop.set-team-colour");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (choice), "(xu)", sam_team_get_id (self->team), i);
      g_signal_connect_swapped (choice, "clicked", G_CALLBACK (gtk_popover_popdown), popover);
      gtk_grid_attach (GTK_GRID (grid), choice, i % 4, i / 4, 1, 1);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
colour_menu_new (SamTeamRow *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_halign (self->swatch, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->swatch, "team-swatch");
  gtk_box_append (GTK_BOX (frame), self->swatch);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), frame);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "team-colour-button");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_colour_popup_cb, self, NULL);

  self->colour_button = button;
  return button;
}

/* The team's menu, made when it first opens. */
static void
create_more_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  SamTeamRow *self = SAM_TEAM_ROW (user_data);
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) danger = NULL;
  g_autoptr(GMenuItem) item = NULL;
  gint64 id = sam_team_get_id (self->team);

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  menu = g_menu_new ();
  danger = g_menu_new ();
  item = g_menu_item_new (_("Move _Up"), NULL);
  g_menu_item_set_action_and_target (item, "workshop.move-team", "(xi)", id, -1);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("Move _Down"), NULL);
  g_menu_item_set_action_and_target (item, "workshop.move-team", "(xi)", id, 1);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("_Remove Team"), NULL);
  g_menu_item_set_action_and_target (item, "workshop.remove-team", "x", id);
  g_menu_append_item (danger, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static GtkWidget *
more_menu_new (SamTeamRow *self)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_more_popup_cb, self, NULL);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Team Actions"));
  gtk_widget_add_css_class (button, "flat");
  self->more_button = button;
  return button;
}

static void
build (SamTeamRow *self)
{
  GtkWidget *people_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *people_label = gtk_label_new (_("people"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Team name"));
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (self), colour_menu_new (self));

  self->people = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 10000, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->people), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->people), _("How many people the team has"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->people), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number of people"), -1);
  gtk_spin_button_set_value (self->people, sam_team_get_people (self->team));
  gtk_box_append (GTK_BOX (people_box), GTK_WIDGET (self->people));
  gtk_widget_add_css_class (people_label, "dim-label");
  gtk_box_append (GTK_BOX (people_box), people_label);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), people_box);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), more_menu_new (self));

  sam_field_reset (GTK_WIDGET (self), sam_team_get_name (self->team));
  update_swatch (self);

  g_signal_connect_object (self->team, "notify::name", G_CALLBACK (team_name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->team, "notify::colour", G_CALLBACK (update_swatch), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->team, "notify::people", G_CALLBACK (team_people_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people, "value-changed", G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "changed", G_CALLBACK (text_changed_cb), NULL);
}

static void
sam_team_row_dispose (GObject *object)
{
  SamTeamRow *self = (SamTeamRow *)object;

  g_clear_object (&self->team);

  G_OBJECT_CLASS (sam_team_row_parent_class)->dispose (object);
}

static void
sam_team_row_class_init (SamTeamRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sam_team_row_dispose;
}

static void
sam_team_row_init (SamTeamRow *self)
{
}

/**
 * sam_team_row_new:
 * @team: the team to show
 *
 * Returns: (transfer floating): a row editing @team
 */
GtkWidget *
sam_team_row_new (SamTeam *team)
{
  SamTeamRow *self;

  g_return_val_if_fail (SAM_IS_TEAM (team), NULL);

  self = g_object_new (SAM_TYPE_TEAM_ROW, NULL);
  self->team = g_object_ref (team);
  build (self);

  return GTK_WIDGET (self);
}

SamTeam *
sam_team_row_get_team (SamTeamRow *self)
{
  g_return_val_if_fail (SAM_IS_TEAM_ROW (self), NULL);
  return self->team;
}
