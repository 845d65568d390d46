/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-agenda-row.h"
#include "sam-exercise.h"

/* A step in the sidebar: its number or state mark (▶ current, ✓ done, in
 * words for screen readers too), its kind, title and time box.  Its menu,
 * Alt+Up/Alt+Down and drag-and-drop use the "workshop.*" actions. */
struct _SamAgendaRow
{
  GtkListBoxRow parent_instance;

  GtkStack *state_stack;
  GtkLabel *number_label;
  GtkImage *kind_icon;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkMenuButton *menu_button;

  SamStep *step;
};

G_DEFINE_FINAL_TYPE (SamAgendaRow, sam_agenda_row, GTK_TYPE_LIST_BOX_ROW)

/* The step the room is on: marked current, or with its timer running (a
 * coach may start the clock before marking the step). */
static void
update (SamAgendaRow *self)
{
  const SamExerciseInfo *info = sam_exercise_lookup (sam_step_get_kind (self->step));
  gboolean running = sam_step_get_timer_deadline (self->step) > 0;
  SamStepState state = sam_step_get_state (self->step);
  g_autofree char *subtitle = NULL;
  g_autofree char *minutes = NULL;
  const char *state_name;
  const char *state_words;

  gtk_label_set_text (self->title_label, sam_step_get_title (self->step));
  gtk_image_set_from_icon_name (self->kind_icon, info ? info->icon_name : "view-list-symbolic");

  /* Translators: a step's time box in the agenda, e.g. “30 min” */
  minutes = g_strdup_printf (_("%u min"), sam_step_get_minutes (self->step));
  if (running)
    {
      state_name = "current";
      /* Translators: the agenda's mark of the step whose timer runs */
      state_words = _("Now, timer running");
    }
  else if (state == SAM_STEP_CURRENT)
    {
      state_name = "current";
      state_words = _("Now");
    }
  else if (state == SAM_STEP_DONE)
    {
      state_name = "done";
      state_words = _("Done");
    }
  else
    {
      state_name = "todo";
      state_words = NULL;
    }

  gtk_stack_set_visible_child_name (self->state_stack, state_name);
  subtitle = state_words ? g_strdup_printf ("%s · %s", minutes, state_words) : g_strdup (minutes);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "current");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "done");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "running");
  if (state_words != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), state_name);
  if (running)
    gtk_widget_add_css_class (GTK_WIDGET (self), "running");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sam_step_get_title (self->step),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
}

static GMenuModel *
menu_new (SamAgendaRow *self)
{
  static const struct {
    const char *label;
    const char *action;
    const char *accel;
    int arg;
  } items[][4] = {
    { { N_("Mark as _Current"), "workshop.set-step-state", NULL, SAM_STEP_CURRENT },
      { N_("Mark as _Done"), "workshop.set-step-state", NULL, SAM_STEP_DONE },
      { N_("Mark as _To Do"), "workshop.set-step-state", NULL, SAM_STEP_TODO } },
    { { N_("Move _Up"), "workshop.move-step", "<Alt>Up", -1 },
      { N_("Move Do_wn"), "workshop.move-step", "<Alt>Down", 1 } },
    { { N_("D_uplicate"), "workshop.duplicate-step", NULL, 0 },
      { N_("_Remove"), "workshop.remove-step", NULL, 0 } },
  };
  GMenu *menu = g_menu_new ();
  gint64 id = sam_step_get_id (self->step);

  for (guint s = 0; s < G_N_ELEMENTS (items); s++)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      for (guint i = 0; i < G_N_ELEMENTS (items[s]) && items[s][i].label != NULL; i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(items[s][i].label), NULL);
          GVariant *target;

          if (g_str_equal (items[s][i].action, "workshop.set-step-state"))
            target = g_variant_new ("(xu)", id, (guint32) items[s][i].arg);
          else if (g_str_equal (items[s][i].action, "workshop.move-step"))
            target = g_variant_new ("(xi)", id, (gint32) items[s][i].arg);
          else
            target = g_variant_new_int64 (id);

          g_menu_item_set_action_and_target_value (item, items[s][i].action, target);
          if (items[s][i].accel != NULL)
            g_menu_item_set_attribute (item, "accel", "s", items[s][i].accel);
          g_menu_append_item (section, item);
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  return G_MENU_MODEL (menu);
}

static gboolean
key_pressed_cb (SamAgendaRow    *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  int delta = 0;

  if (mods != GDK_ALT_MASK)
    return FALSE;
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    delta = -1;
  else if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    delta = 1;
  else
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "workshop.move-step", "(xi)",
                                     sam_step_get_id (self->step), delta);
}

static void
right_click_cb (SamAgendaRow *self)
{
  gtk_menu_button_popup (self->menu_button);
}

static GdkContentProvider *
drag_prepare_cb (SamAgendaRow *self)
{
  return gdk_content_provider_new_typed (SAM_TYPE_STEP, self->step);
}

static void
drag_begin_cb (SamAgendaRow  *self,
               GdkDrag       *drag,
               GtkDragSource *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 24, 18);
}

static gboolean
drop_cb (SamAgendaRow *self,
         const GValue *value)
{
  SamStep *dropped;

  if (!G_VALUE_HOLDS (value, SAM_TYPE_STEP))
    return FALSE;

  dropped = g_value_get_object (value);
  if (dropped == self->step || sam_step_get_workshop_id (dropped) != sam_step_get_workshop_id (self->step))
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "workshop.move-step-to", "(xu)",
                                     sam_step_get_id (dropped), sam_step_get_position (self->step));
}

static void
setup_controllers (SamAgendaRow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (SAM_TYPE_STEP, GDK_ACTION_MOVE);

  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_swapped (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
sam_agenda_row_dispose (GObject *object)
{
  SamAgendaRow *self = (SamAgendaRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_AGENDA_ROW);
  g_clear_object (&self->step);

  G_OBJECT_CLASS (sam_agenda_row_parent_class)->dispose (object);
}

static void
sam_agenda_row_class_init (SamAgendaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_agenda_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-agenda-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SamAgendaRow, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaRow, menu_button);
}

static void
sam_agenda_row_init (SamAgendaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_controllers (self);
}

/**
 * sam_agenda_row_set_number:
 * @self: a #SamAgendaRow
 * @number: the step's place in the agenda, from 1
 *
 * Sets the number shown for a step still to do; the view counts the rows,
 * so the numbers have no gaps after a step is removed.
 */
void
sam_agenda_row_set_number (SamAgendaRow *self,
                           guint         number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  g_return_if_fail (SAM_IS_AGENDA_ROW (self));

  if (g_strcmp0 (text, gtk_label_get_text (self->number_label)) != 0)
    gtk_label_set_text (self->number_label, text);
}

/**
 * sam_agenda_row_new:
 * @step: a live step
 *
 * Returns: (transfer floating): a row named "step-<id>", following @step
 */
GtkWidget *
sam_agenda_row_new (SamStep *step)
{
  SamAgendaRow *self = g_object_new (SAM_TYPE_AGENDA_ROW, NULL);
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *name = g_strdup_printf ("step-%" G_GINT64_FORMAT, sam_step_get_id (step));

  self->step = g_object_ref (step);
  gtk_widget_set_name (GTK_WIDGET (self), name);
  menu = menu_new (self);
  gtk_menu_button_set_menu_model (self->menu_button, menu);
  g_signal_connect_object (step, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

SamStep *
sam_agenda_row_get_step (SamAgendaRow *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_ROW (self), NULL);
  return self->step;
}
