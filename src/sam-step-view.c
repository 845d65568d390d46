/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-clamp.h"
#include "sam-exercise.h"
#include "sam-field.h"
#include "sam-step-view.h"
#include "sam-timer.h"
#include "sam-timer-view.h"
#include "sam-window.h"

/* The page of one agenda step, as the room sees it on the projector: the
 * title, the instructions in large type, the timer, and below them the
 * exercise's own page.  The coach's notes sit behind an expander and are
 * never shown while projecting (full screen).  Every edit is saved as it is
 * typed. */
struct _SamStepView
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkImage *kind_icon;
  GtkLabel *kind_label;
  GtkStack *title_stack;
  GtkLabel *title_label;
  GtkEntry *title_entry;
  GtkToggleButton *edit_button;
  GtkToggleButton *reveal_button;
  GtkStack *instructions_stack;
  GtkLabel *instructions_label;
  GtkTextView *instructions_view;
  SamTimerView *timer_view;
  GtkSpinButton *minutes_spin;
  GtkExpander *notes_expander;
  GtkTextView *notes_view;
  GtkBox *page_box;

  SamStore *store;
  SamWorkshop *workshop;
  SamStep *step;
  GtkWidget *page;
  GtkWindow *window;
  gboolean projecting;
  gboolean loading;
  gboolean syncing_reveal;
  guint page_height_id;
};

G_DEFINE_FINAL_TYPE (SamStepView, sam_step_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_WORKSHOP,
  PROP_STEP,
  PROP_PROJECTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
report_error (SamStepView  *self,
              const GError *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SAM_TYPE_WINDOW);

  if (window != NULL)
    sam_window_show_error (SAM_WINDOW (window), error);
  else
    g_message ("%s", error->message);
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_projecting (SamStepView *self)
{
  return self->projecting || (self->window != NULL && gtk_window_is_fullscreen (self->window));
}

static void
update_mode (SamStepView *self)
{
  gboolean projecting = is_projecting (self);
  gboolean editing = gtk_toggle_button_get_active (self->edit_button) && !projecting;
  const char *instructions = self->step ? sam_step_get_instructions (self->step) : "";

  gboolean free_step = self->step == NULL ||
                       sam_exercise_lookup (sam_step_get_kind (self->step)) == NULL ||
                       g_strcmp0 (sam_step_get_kind (self->step), "custom") == 0;

  /* The room needs no "Free Step" label above a welcome or a break. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->kind_icon)), !(projecting && free_step));
  gtk_widget_set_visible (GTK_WIDGET (self->notes_expander), !projecting && self->step != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), !projecting);
  /* The brainstorm's page has its own Reveal Votes for the same state. */
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button),
                          !projecting && self->step != NULL && self->store != NULL &&
                          sam_step_kind_is_private (sam_step_get_kind (self->step)) &&
                          g_strcmp0 (sam_step_get_kind (self->step), "brainstorm") != 0);
  gtk_stack_set_visible_child_name (self->title_stack, editing ? "edit" : "show");
  if (editing)
    gtk_stack_set_visible_child_name (self->instructions_stack, "edit");
  else if (instructions == NULL || *instructions == '\0')
    gtk_stack_set_visible_child_name (self->instructions_stack, projecting ? "show" : "empty");
  else
    gtk_stack_set_visible_child_name (self->instructions_stack, "show");
}

static void
load_step (SamStepView *self)
{
  const SamExerciseInfo *info;

  if (self->step == NULL)
    return;

  self->loading = TRUE;
  info = sam_exercise_lookup (sam_step_get_kind (self->step));
  gtk_image_set_from_icon_name (self->kind_icon, info ? info->icon_name : "view-list-symbolic");
  gtk_label_set_text (self->kind_label, info ? _(info->title) : _("Free Step"));

  gtk_label_set_text (self->title_label, sam_step_get_title (self->step));
  gtk_label_set_text (self->instructions_label, sam_step_get_instructions (self->step));
  /* The step notifies its timer every second; a field being typed in
   * keeps its text (each key is stored already). */
  sam_field_show_stored (GTK_WIDGET (self->title_entry), sam_step_get_title (self->step));
  sam_field_show_stored (GTK_WIDGET (self->instructions_view), sam_step_get_instructions (self->step));
  sam_field_show_stored (GTK_WIDGET (self->notes_view), sam_step_get_notes (self->step));
  if ((guint) gtk_spin_button_get_value_as_int (self->minutes_spin) != sam_step_get_minutes (self->step))
    gtk_spin_button_set_value (self->minutes_spin, sam_step_get_minutes (self->step));
  self->loading = FALSE;

  self->syncing_reveal = TRUE;
  gtk_toggle_button_set_active (self->reveal_button,
                                self->store != NULL && sam_store_get_step_revealed (self->store, self->step));
  self->syncing_reveal = FALSE;

  update_mode (self);
}

/* The share of the visible height an exercise's page takes at least: the
 * title, instructions and timer scroll away with it, so on a 768-pixel
 * beamer the cards still get most of the screen once scrolled to. */
#define PAGE_SHARE 0.55

static gboolean
update_page_height (gpointer data)
{
  SamStepView *self = data;
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  int height = -1;
  int current;

  self->page_height_id = 0;
  if (self->page != NULL)
    height = (int) (gtk_adjustment_get_page_size (vadjustment) * PAGE_SHARE);
  gtk_widget_get_size_request (GTK_WIDGET (self->page_box), NULL, &current);
  if (ABS (height - current) > 1)
    gtk_widget_set_size_request (GTK_WIDGET (self->page_box), -1, height);

  return G_SOURCE_REMOVE;
}

/* The visible height is known while the scroller is allocated, when no
 * size may change: the page gets its new floor right after, before the
 * next frame's layout.  At the default idle priority the frames themselves
 * came first: on a slow machine (AddressSanitizer under load), where a
 * frame takes longer than the frame clock's interval, the floor waited
 * over 16 s and the card area stayed 172 px high. */
static void
queue_page_height (SamStepView *self)
{
  if (self->page_height_id == 0)
    self->page_height_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_page_height, self, NULL);
}

static void
set_page (SamStepView *self)
{
  if (self->page != NULL)
    {
      g_object_set (self->page, "step", NULL, "workshop", NULL, "store", NULL, NULL);
      gtk_box_remove (self->page_box, self->page);
      self->page = NULL;
      queue_page_height (self);
    }

  if (self->step == NULL || self->store == NULL)
    return;

  /* A free step, or an exercise whose page is not there yet, shows only
   * its title, instructions and timer. */
  self->page = sam_exercise_page_new (sam_step_get_kind (self->step));
  if (self->page == NULL)
    return;

  g_object_set (self->page, "store", self->store, "workshop", self->workshop, "step", self->step, NULL);
  gtk_widget_set_vexpand (self->page, TRUE);
  gtk_box_append (self->page_box, self->page);
  queue_page_height (self);
}

static void
set_step (SamStepView *self,
          SamStep     *step)
{
  if (self->step == step)
    return;

  if (self->step != NULL)
    g_signal_handlers_disconnect_by_func (self->step, load_step, self);
  g_set_object (&self->step, step);
  if (step != NULL)
    g_signal_connect_object (step, "notify", G_CALLBACK (load_step), self, G_CONNECT_SWAPPED);

  gtk_toggle_button_set_active (self->edit_button, FALSE);
  sam_timer_view_set_step (self->timer_view, step);
  /* What was typed belongs to the step before. */
  sam_field_reset (GTK_WIDGET (self->title_entry), step ? sam_step_get_title (step) : "");
  sam_field_reset (GTK_WIDGET (self->instructions_view), step ? sam_step_get_instructions (step) : "");
  sam_field_reset (GTK_WIDGET (self->notes_view), step ? sam_step_get_notes (step) : "");
  load_step (self);
  set_page (self);
  update_mode (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/* The coach reveals the teams' private answers, or hides them again,
 * through the window's action, which offers the opposite in a toast. */
static void
reveal_toggled_cb (SamStepView *self)
{
  gboolean active = gtk_toggle_button_get_active (self->reveal_button);

  if (self->syncing_reveal || self->step == NULL || self->store == NULL ||
      active == sam_store_get_step_revealed (self->store, self->step))
    return;

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.reveal-step", "(xb)",
                                   sam_step_get_id (self->step), active) ||
      active != sam_store_get_step_revealed (self->store, self->step))
    {
      self->syncing_reveal = TRUE;
      gtk_toggle_button_set_active (self->reveal_button, !active);
      self->syncing_reveal = FALSE;
    }
}

static GtkWidget *
field_widget (SamStepView  *self,
              SamStepField  field)
{
  if (field == SAM_STEP_FIELD_TITLE)
    return GTK_WIDGET (self->title_entry);
  if (field == SAM_STEP_FIELD_INSTRUCTIONS)
    return GTK_WIDGET (self->instructions_view);

  g_assert (field == SAM_STEP_FIELD_NOTES);
  return GTK_WIDGET (self->notes_view);
}

static void
save_text (SamStepView  *self,
           SamStepField  field,
           const char   *text)
{
  g_autoptr(GError) error = NULL;

  if (self->step == NULL)
    return;

  if (!sam_store_set_step_field (self->store, self->step, field, text, &error))
    {
      /* Nothing on screen may claim to be saved when it is not. */
      sam_field_revert (field_widget (self, field));
      report_error (self, error);
    }
}

static void
title_changed_cb (SamStepView *self)
{
  g_autofree char *text = NULL;

  if (sam_field_is_syncing (GTK_WIDGET (self->title_entry)) || self->step == NULL)
    return;

  /* An emptied title is not saved; the old one stays until one is typed. */
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  if (*text == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->title_entry), "error");
  if (g_strcmp0 (text, sam_step_get_title (self->step)) != 0)
    save_text (self, SAM_STEP_FIELD_TITLE, text);
}

static void
instructions_changed_cb (SamStepView   *self,
                         GtkTextBuffer *buffer)
{
  g_autofree char *text = dup_view_text (self->instructions_view);

  if (!sam_field_is_syncing (GTK_WIDGET (self->instructions_view)) && self->step != NULL && g_strcmp0 (text, sam_step_get_instructions (self->step)) != 0)
    save_text (self, SAM_STEP_FIELD_INSTRUCTIONS, text);
}

static void
notes_changed_cb (SamStepView   *self,
                  GtkTextBuffer *buffer)
{
  g_autofree char *text = dup_view_text (self->notes_view);

  if (!sam_field_is_syncing (GTK_WIDGET (self->notes_view)) && self->step != NULL && g_strcmp0 (text, sam_step_get_notes (self->step)) != 0)
    save_text (self, SAM_STEP_FIELD_NOTES, text);
}

static void
minutes_changed_cb (SamStepView   *self,
                    GtkSpinButton *spin)
{
  g_autoptr(GError) error = NULL;
  guint minutes = gtk_spin_button_get_value_as_int (spin);

  if (self->loading || self->step == NULL || minutes == sam_step_get_minutes (self->step))
    return;

  if (!sam_store_set_step_minutes (self->store, self->step, minutes, &error))
    {
      /* The time box shows what is stored. */
      self->loading = TRUE;
      gtk_spin_button_set_value (spin, sam_step_get_minutes (self->step));
      self->loading = FALSE;
      report_error (self, error);
    }
}

static void
edit_toggled_cb (SamStepView *self)
{
  gboolean editing = gtk_toggle_button_get_active (self->edit_button);

  update_mode (self);
  if (editing)
    gtk_widget_grab_focus (GTK_WIDGET (self->instructions_view));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->edit_button),
                               editing ? _("Done Editing") : _("Edit Title and Instructions"));
}

static void
timer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SamStepView *self = SAM_STEP_VIEW (widget);
  g_autoptr(GError) error = NULL;
  SamTimer timer;
  gint64 now = sam_timer_now ();
  gint64 box;

  if (self->step == NULL)
    return;

  timer.remaining_ms = sam_step_get_timer_remaining (self->step);
  timer.deadline_ms = sam_step_get_timer_deadline (self->step);
  box = sam_step_get_minutes (self->step) * SAM_TIMER_MINUTE_MS;

  if (g_str_equal (action_name, "step.timer-start"))
    sam_timer_start (&timer, box, now);
  else if (g_str_equal (action_name, "step.timer-pause"))
    sam_timer_pause (&timer, now);
  else if (g_str_equal (action_name, "step.timer-add-minute"))
    sam_timer_add_minute (&timer, box, now);
  else if (g_str_equal (action_name, "step.timer-reset"))
    sam_timer_reset (&timer);
  else if (sam_timer_get_phase (&timer, now) == SAM_TIMER_RUNNING)
    sam_timer_pause (&timer, now);
  else
    sam_timer_start (&timer, box, now);

  /* Stored at once, so a running timer survives closing the app. */
  if (!sam_store_set_step_timer (self->store, self->step, timer.remaining_ms, timer.deadline_ms, &error))
    report_error (self, error);
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamStepView *self = SAM_STEP_VIEW (widget);
  const char *text = g_variant_get_string (param, NULL);

  if (g_str_equal (action_name, "step.set-title"))
    {
      if (*text != '\0')
        save_text (self, SAM_STEP_FIELD_TITLE, text);
    }
  else if (g_str_equal (action_name, "step.set-instructions"))
    save_text (self, SAM_STEP_FIELD_INSTRUCTIONS, text);
  else
    save_text (self, SAM_STEP_FIELD_NOTES, text);
}

static void
set_minutes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SamStepView *self = SAM_STEP_VIEW (widget);

  gtk_spin_button_set_value (self->minutes_spin, g_variant_get_uint32 (param));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamStepView *self = SAM_STEP_VIEW (widget);

  gtk_toggle_button_set_active (self->edit_button, !gtk_toggle_button_get_active (self->edit_button));
}

static void
sam_step_view_root (GtkWidget *widget)
{
  SamStepView *self = SAM_STEP_VIEW (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (sam_step_view_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_signal_connect_object (root, "notify::fullscreened", G_CALLBACK (update_mode), self, G_CONNECT_SWAPPED);
    }
  update_mode (self);
}

static void
sam_step_view_unroot (GtkWidget *widget)
{
  SamStepView *self = SAM_STEP_VIEW (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, update_mode, self);
  self->window = NULL;

  GTK_WIDGET_CLASS (sam_step_view_parent_class)->unroot (widget);
}

static void
sam_step_view_dispose (GObject *object)
{
  SamStepView *self = (SamStepView *)object;

  set_step (self, NULL);
  g_clear_handle_id (&self->page_height_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_STEP_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_step_view_parent_class)->dispose (object);
}

static void
sam_step_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SamStepView *self = SAM_STEP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_WORKSHOP: g_value_set_object (value, self->workshop); break;
    case PROP_STEP: g_value_set_object (value, self->step); break;
    case PROP_PROJECTING: g_value_set_boolean (value, self->projecting); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_step_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SamStepView *self = SAM_STEP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_WORKSHOP:
      if (g_set_object (&self->workshop, g_value_get_object (value)))
        {
          if (self->workshop == NULL)
            set_step (self, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STEP:
      set_step (self, g_value_get_object (value));
      break;
    case PROP_PROJECTING:
      sam_step_view_set_projecting (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_step_view_class_init (SamStepViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = sam_step_view_dispose;
  object_class->get_property = sam_step_view_get_property;
  object_class->set_property = sam_step_view_set_property;
  widget_class->root = sam_step_view_root;
  widget_class->unroot = sam_step_view_unroot;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE, flags);
  properties[PROP_WORKSHOP] = g_param_spec_object ("workshop", NULL, NULL, SAM_TYPE_WORKSHOP, flags);
  properties[PROP_STEP] = g_param_spec_object ("step", NULL, NULL, SAM_TYPE_STEP, flags);
  properties[PROP_PROJECTING] = g_param_spec_boolean ("projecting", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SAM_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-step-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SamStepView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, title_stack);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, title_entry);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, instructions_stack);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, instructions_view);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, timer_view);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, notes_expander);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SamStepView, page_box);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, minutes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_toggled_cb);

  gtk_widget_class_install_action (widget_class, "step.timer-start", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "step.timer-pause", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "step.timer-add-minute", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "step.timer-reset", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "step.timer-toggle", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "step.set-title", "s", set_text_action);
  gtk_widget_class_install_action (widget_class, "step.set-instructions", "s", set_text_action);
  gtk_widget_class_install_action (widget_class, "step.set-notes", "s", set_text_action);
  gtk_widget_class_install_action (widget_class, "step.set-minutes", "u", set_minutes_action);
  gtk_widget_class_install_action (widget_class, "step.edit", NULL, edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "step.timer-toggle", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SAM_TYPE_TIMER_VIEW);
}

static void
sam_step_view_init (SamStepView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->instructions_view), "changed",
                           G_CALLBACK (instructions_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (queue_page_height), self, G_CONNECT_SWAPPED);
  update_mode (self);
}

SamStep *
sam_step_view_get_step (SamStepView *self)
{
  g_return_val_if_fail (SAM_IS_STEP_VIEW (self), NULL);
  return self->step;
}

/**
 * sam_step_view_get_page:
 * @self: a #SamStepView
 *
 * Returns: (transfer none) (nullable): the exercise's page, or %NULL for a free step
 */
GtkWidget *
sam_step_view_get_page (SamStepView *self)
{
  g_return_val_if_fail (SAM_IS_STEP_VIEW (self), NULL);
  return self->page;
}

GtkWidget *
sam_step_view_get_timer_view (SamStepView *self)
{
  g_return_val_if_fail (SAM_IS_STEP_VIEW (self), NULL);
  return GTK_WIDGET (self->timer_view);
}

/**
 * sam_step_view_get_projecting:
 * @self: a #SamStepView
 *
 * Returns: whether the view shows only what the room may see: set with
 *   sam_step_view_set_projecting(), or while the window is full screen
 */
gboolean
sam_step_view_get_projecting (SamStepView *self)
{
  g_return_val_if_fail (SAM_IS_STEP_VIEW (self), FALSE);
  return is_projecting (self);
}

void
sam_step_view_set_projecting (SamStepView *self,
                              gboolean     projecting)
{
  g_return_if_fail (SAM_IS_STEP_VIEW (self));

  projecting = !!projecting;
  if (self->projecting == projecting)
    return;

  self->projecting = projecting;
  update_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTING]);
}

gboolean
sam_step_view_get_notes_visible (SamStepView *self)
{
  g_return_val_if_fail (SAM_IS_STEP_VIEW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->notes_expander)) &&
         gtk_expander_get_expanded (self->notes_expander);
}
