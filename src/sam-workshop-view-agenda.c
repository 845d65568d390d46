/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-agenda-row.h"
#include "sam-exercise.h"
#include "sam-memory.h"
#include "sam-templates.h"
#include "sam-workshop-view-private.h"

/* The agenda half of the workshop view: the steps in the sidebar and the
 * "workshop.*" actions that add, copy, move, mark and remove them.  Every
 * action takes the step's id, so menus, keys, drag-and-drop and tests all
 * take the same path. */

static SamStep *
step_from_id (SamWorkshopView *self,
              gint64           id)
{
  if (self->store == NULL || self->workshop == NULL)
    return NULL;

  return sam_store_find_step (self->store, self->workshop, id);
}

static GtkListBoxRow *
find_step_row (SamWorkshopView *self,
               SamStep         *step)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->agenda_list, i)) != NULL; i++)
    if (SAM_IS_AGENDA_ROW (row) && sam_agenda_row_get_step (SAM_AGENDA_ROW (row)) == step)
      return row;

  return NULL;
}

static void
select_shown_step (SamWorkshopView *self)
{
  SamStep *step = sam_step_view_get_step (self->step_view);
  GtkListBoxRow *row;

  if (step == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "step") != 0)
    return;

  row = find_step_row (self, step);
  if (row != NULL && gtk_list_box_get_selected_row (self->agenda_list) != row)
    gtk_list_box_select_row (self->agenda_list, row);
}

static char *
format_minutes (guint minutes)
{
  if (minutes < 60)
    /* Translators: a total time, e.g. “45 min” */
    return g_strdup_printf (_("%u min"), minutes);
  if (minutes % 60 == 0)
    /* Translators: a total time in hours, e.g. “6 h” */
    return g_strdup_printf (_("%u h"), minutes / 60);
  /* Translators: a total time, e.g. “6 h 30 min” */
  return g_strdup_printf (_("%u h %u min"), minutes / 60, minutes % 60);
}

static void
update_total (SamWorkshopView *self)
{
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  guint n = self->steps ? g_list_model_get_n_items (self->steps) : 0;
  guint minutes = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (self->steps, i);
      minutes += sam_step_get_minutes (step);
    }

  time = format_minutes (minutes);
  /* Translators: under “Agenda”: the number of steps and their total time */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step · %s", "%u steps · %s", n), n, time);
  gtk_label_set_text (self->agenda_total, text);
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_total), n > 0);
}

static void
steps_changed_cb (SamWorkshopView *self,
                  guint            position,
                  guint            removed,
                  guint            added)
{
  SamStep *shown = sam_step_view_get_step (self->step_view);
  GtkListBoxRow *row;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (self->steps, i);

      if (g_signal_handler_find (step, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                 0, 0, NULL, update_total, self) == 0)
        g_signal_connect_object (step, "notify::minutes", G_CALLBACK (update_total), self, G_CONNECT_SWAPPED);
    }

  update_total (self);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->agenda_list, i)) != NULL; i++)
    if (SAM_IS_AGENDA_ROW (row))
      sam_agenda_row_set_number (SAM_AGENDA_ROW (row), i + 1);

  /* A removed step's page closes; a moved one stays selected. */
  if (shown != NULL && step_from_id (self, sam_step_get_id (shown)) == NULL)
    sam_workshop_view_show_page (self, "overview");
  else
    select_shown_step (self);
}

static GtkWidget *
create_agenda_row (gpointer item,
                   gpointer user_data)
{
  return sam_agenda_row_new (SAM_STEP (item));
}

/**
 * _sam_workshop_view_bind_agenda:
 * @self: a #SamWorkshopView
 *
 * Follows the agenda of the current workshop (or none).
 */
void
_sam_workshop_view_bind_agenda (SamWorkshopView *self)
{
  if (self->steps != NULL)
    g_signal_handlers_disconnect_by_func (self->steps, steps_changed_cb, self);
  g_clear_object (&self->steps);

  if (self->workshop != NULL && self->store != NULL)
    {
      self->steps = g_object_ref (sam_store_get_steps (self->store, self->workshop));
      gtk_list_box_bind_model (self->agenda_list, self->steps, create_agenda_row, self, NULL);
      g_signal_connect_swapped (self->steps, "items-changed", G_CALLBACK (steps_changed_cb), self);
      steps_changed_cb (self, 0, 0, g_list_model_get_n_items (self->steps));
    }
  else
    gtk_list_box_bind_model (self->agenda_list, NULL, NULL, NULL, NULL);
}

/**
 * _sam_workshop_view_show_step:
 * @self: a #SamWorkshopView
 * @step: a step of the workshop
 *
 * Shows the step's page and selects it in the agenda.
 */
void
_sam_workshop_view_show_step (SamWorkshopView *self,
                              SamStep         *step)
{
  GtkListBoxRow *row;

  g_clear_pointer (&self->step_title_binding, g_binding_unbind);
  g_object_set (self->step_view, "store", self->store, "workshop", self->workshop, "step", step, NULL);
  gtk_stack_set_visible_child_name (self->pages, "step");
  sam_memory_release_later ();
  self->step_title_binding = g_object_bind_property (step, "title", self->page_title, "title",
                                                     G_BINDING_SYNC_CREATE);
  gtk_list_box_unselect_all (self->sidebar_list);

  row = find_step_row (self, step);
  if (row != NULL && gtk_list_box_get_selected_row (self->agenda_list) != row)
    gtk_list_box_select_row (self->agenda_list, row);
}

void
_sam_workshop_view_agenda_selected (SamWorkshopView *self,
                                    GtkListBoxRow   *row)
{
  if (row == NULL || !SAM_IS_AGENDA_ROW (row))
    return;

  if (sam_step_view_get_step (self->step_view) != sam_agenda_row_get_step (SAM_AGENDA_ROW (row)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "step") != 0)
    _sam_workshop_view_show_step (self, sam_agenda_row_get_step (SAM_AGENDA_ROW (row)));
}

static void
show_toast (SamWorkshopView *self,
            const char      *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SAM_TYPE_WINDOW);

  if (window != NULL)
    sam_window_show_toast (SAM_WINDOW (window), message);
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  const SamExerciseInfo *info = sam_exercise_lookup (g_variant_get_string (param, NULL));
  g_autoptr(GError) error = NULL;
  SamStep *step;

  if (self->workshop == NULL || info == NULL)
    return;

  step = sam_store_add_step (self->store, self->workshop, -1, info->kind, _(info->title),
                             info->default_minutes, NULL, NULL, &error);
  if (step == NULL)
    {
      _sam_workshop_view_report_error (self, error);
      return;
    }

  _sam_workshop_view_show_step (self, step);
}

static void
duplicate_step_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  SamStep *step = step_from_id (self, g_variant_get_int64 (param));
  g_autoptr(GError) error = NULL;
  SamStep *copy;

  if (step == NULL)
    return;

  copy = sam_store_duplicate_step (self->store, step, &error);
  if (copy == NULL)
    {
      _sam_workshop_view_report_error (self, error);
      return;
    }

  _sam_workshop_view_show_step (self, copy);
}

static void
remove_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  SamStep *step = step_from_id (self, g_variant_get_int64 (param));
  GtkWidget *window = gtk_widget_get_ancestor (widget, SAM_TYPE_WINDOW);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  gint64 batch;

  if (step == NULL)
    return;

  title = g_strdup (sam_step_get_title (step));
  if (!sam_store_trash_step (self->store, step, &batch, &error))
    {
      _sam_workshop_view_report_error (self, error);
      return;
    }

  /* Translators: %s is the title of a step of the agenda */
  message = g_strdup_printf (_("Step “%s” removed"), title);
  if (window != NULL)
    sam_window_show_undo_toast (SAM_WINDOW (window), message, batch);
}

static void
move_step_to (SamWorkshopView *self,
              SamStep         *step,
              guint            position)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkListBoxRow *row = find_step_row (self, step);
  gboolean had_focus = focus != NULL && row != NULL &&
                       (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));

  if (!sam_store_move_step (self->store, step, position, &error))
    {
      _sam_workshop_view_report_error (self, error);
      return;
    }

  /* Alt+Up/Down again should move the same step further. */
  row = find_step_row (self, step);
  if (had_focus && row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
move_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  SamStep *step;
  gint64 id;
  gint32 delta;
  int position;

  g_variant_get (param, "(xi)", &id, &delta);
  step = step_from_id (self, id);
  if (step == NULL)
    return;

  position = (int) sam_step_get_position (step) + delta;
  if (position < 0 || position >= (int) g_list_model_get_n_items (self->steps))
    return;

  move_step_to (self, step, position);
}

static void
move_step_to_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  SamStep *step;
  gint64 id;
  guint32 position;

  g_variant_get (param, "(xu)", &id, &position);
  step = step_from_id (self, id);
  if (step != NULL)
    move_step_to (self, step, position);
}

static void
set_step_state_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  g_autoptr(GError) error = NULL;
  SamStep *step;
  gint64 id;
  guint32 state;

  g_variant_get (param, "(xu)", &id, &state);
  step = step_from_id (self, id);
  if (step == NULL || state > SAM_STEP_DONE)
    return;

  if (!sam_store_set_step_state (self->store, step, state, &error))
    _sam_workshop_view_report_error (self, error);
}

/* The language the coach gave the workshop when creating it (the window's
 * "template-language"); NULL for the app's own. */
static gboolean
template_catalog (SamWorkshopView  *self,
                  SamCatalog      **catalog,
                  GError          **error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GVariant) state = NULL;

  *catalog = NULL;
  if (!G_IS_ACTION_GROUP (root) || !g_action_group_has_action (G_ACTION_GROUP (root), "template-language"))
    return TRUE;

  state = g_action_group_get_action_state (G_ACTION_GROUP (root), "template-language");
  if (*g_variant_get_string (state, NULL) == '\0')
    return TRUE;

  *catalog = sam_catalog_new (g_variant_get_string (state, NULL), error);
  return *catalog != NULL;
}

static void
apply_template_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  const SamTemplate *template = sam_template_lookup (g_variant_get_string (param, NULL));
  g_autoptr(SamCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(SamStep) first = NULL;
  guint before;

  if (self->workshop == NULL || template == NULL)
    return;

  before = g_list_model_get_n_items (self->steps);
  if (!template_catalog (self, &catalog, &error) ||
      !sam_template_apply (template, catalog, self->store, self->workshop, &error))
    {
      _sam_workshop_view_report_error (self, error);
      return;
    }

  if (before > 0)
    /* Translators: %u is a number of steps, %s a template's name */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Added %u step of “%s” after the steps you already had",
                                            "Added %u steps of “%s” after the steps you already had",
                                            template->n_steps),
                               template->n_steps, _(template->name));
  else
    /* Translators: %s is a template's name, %u a number of steps */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Agenda “%s” is ready: %u step to adjust as you like",
                                            "Agenda “%s” is ready: %u steps to adjust as you like",
                                            template->n_steps),
                               _(template->name), template->n_steps);
  show_toast (self, message);

  first = g_list_model_get_item (self->steps, before);
  if (first != NULL)
    _sam_workshop_view_show_step (self, first);
}

static void
show_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SamWorkshopView *self = SAM_WORKSHOP_VIEW (widget);
  SamStep *step = step_from_id (self, g_variant_get_int64 (param));

  if (step != NULL)
    _sam_workshop_view_show_step (self, step);
}

static GMenuModel *
templates_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  const SamTemplate *templates;
  guint n;

  templates = sam_template_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(templates[i].name), NULL);

      g_menu_item_set_action_and_target_value (item, "workshop.apply-template",
                                               g_variant_new_string (templates[i].id));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static void
exercise_activated_cb (SamWorkshopView *self,
                       GtkListBoxRow   *row)
{
  gtk_menu_button_popdown (self->add_step_button);
  gtk_widget_activate_action (GTK_WIDGET (self), "workshop.add-step", "s",
                              gtk_widget_get_name (GTK_WIDGET (row)));
}

static GtkWidget *
exercise_row_new (const SamExerciseInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (_(info->title));
  GtkWidget *summary = gtk_label_new (_(info->summary));
  GtkWidget *icon = gtk_image_new_from_icon_name (info->icon_name);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (summary), 42);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), summary);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->kind);

  return row;
}

static GtkWidget *
add_step_popover_new (SamWorkshopView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  const SamExerciseInfo *exercises;
  guint n;

  exercises = sam_exercise_get_all (&n);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), exercise_row_new (&exercises[i]));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Exercises"), -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (exercise_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);

  return popover;
}

static GtkWidget *
agenda_placeholder_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("No steps yet"));
  GtkWidget *hint = gtk_label_new (_("Start from a ready-made agenda and adjust it, "
                                     "or add exercises one by one with the + button."));
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = templates_menu_new ();

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Use a _Template…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  /* Up to GTK 4.8 a menu button's label does not name it for a screen
   * reader: the name is the label as shown, without its mnemonic. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Use a Template…"), -1);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (box, "sam-agenda-empty");

  return box;
}

void
_sam_workshop_view_agenda_init (SamWorkshopView *self)
{
  g_autoptr(GMenu) agenda_menu = g_menu_new ();
  g_autoptr(GMenuModel) templates = templates_menu_new ();

  gtk_menu_button_set_popover (self->add_step_button, add_step_popover_new (self));
  g_menu_append_section (agenda_menu, _("Add a Ready-Made Agenda"), templates);
  gtk_menu_button_set_menu_model (self->agenda_menu_button, G_MENU_MODEL (agenda_menu));
  gtk_list_box_set_placeholder (self->agenda_list, agenda_placeholder_new ());
}

void
_sam_workshop_view_agenda_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "workshop.add-step", "s", add_step_action);
  gtk_widget_class_install_action (widget_class, "workshop.duplicate-step", "x", duplicate_step_action);
  gtk_widget_class_install_action (widget_class, "workshop.remove-step", "x", remove_step_action);
  gtk_widget_class_install_action (widget_class, "workshop.move-step", "(xi)", move_step_action);
  gtk_widget_class_install_action (widget_class, "workshop.move-step-to", "(xu)", move_step_to_action);
  gtk_widget_class_install_action (widget_class, "workshop.set-step-state", "(xu)", set_step_state_action);
  gtk_widget_class_install_action (widget_class, "workshop.apply-template", "s", apply_template_action);
  gtk_widget_class_install_action (widget_class, "workshop.show-step", "x", show_step_action);
}
