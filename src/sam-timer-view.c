/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-application.h"
#include "sam-timer.h"
#include "sam-timer-view.h"

/* The countdown of a step, big enough for the room.  It shows what the
 * step stores and ticks while it runs; its buttons call the step view's
 * "step.timer-*" actions, which store every change.  When the time is up
 * it says so in words, turns to the accent colour with a calm pulse and,
 * if the coach asked for it, beeps once. */
struct _SamTimerView
{
  GtkWidget parent_instance;

  GtkLabel *countdown;
  GtkLabel *status;
  GtkButton *start_button;
  AdwButtonContent *start_content;

  SamStep *step;
  guint tick_id;
  SamTimerPhase phase;
};

G_DEFINE_FINAL_TYPE (SamTimerView, sam_timer_view, GTK_TYPE_WIDGET)

static void update (SamTimerView *self);

static gboolean
tick_cb (gpointer data)
{
  update (data);
  return G_SOURCE_CONTINUE;
}

static void
signal_time_up (SamTimerView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (SAM_IS_APPLICATION (app) &&
      g_settings_get_boolean (sam_application_get_settings (SAM_APPLICATION (app)), "timer-sound"))
    gdk_display_beep (gtk_widget_get_display (GTK_WIDGET (self)));
}

static void
set_start_button (SamTimerView  *self,
                  SamTimerPhase  phase)
{
  gboolean running = phase == SAM_TIMER_RUNNING;
  const char *label;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->start_button),
                                  running ? "step.timer-pause" : "step.timer-start");
  adw_button_content_set_icon_name (self->start_content,
                                    running ? "media-playback-pause-symbolic"
                                            : "media-playback-start-symbolic");
  switch (phase)
    {
    case SAM_TIMER_RUNNING: label = _("_Pause"); break;
    case SAM_TIMER_PAUSED: label = _("_Continue"); break;
    case SAM_TIMER_DONE: label = _("_Start Again"); break;
    case SAM_TIMER_IDLE:
    default: label = _("_Start"); break;
    }
  adw_button_content_set_label (self->start_content, label);
}

static void
update (SamTimerView *self)
{
  SamTimer timer = { -1, 0 };
  SamTimerPhase phase;
  g_autofree char *text = NULL;
  gint64 now = sam_timer_now ();
  gint64 box = 0;

  if (self->step != NULL)
    {
      timer.remaining_ms = sam_step_get_timer_remaining (self->step);
      timer.deadline_ms = sam_step_get_timer_deadline (self->step);
      box = sam_step_get_minutes (self->step) * SAM_TIMER_MINUTE_MS;
    }

  phase = sam_timer_get_phase (&timer, now);
  text = sam_timer_format (sam_timer_get_remaining (&timer, box, now));
  if (g_strcmp0 (text, gtk_label_get_text (self->countdown)) != 0)
    gtk_label_set_text (self->countdown, text);

  if (phase == SAM_TIMER_DONE && self->phase == SAM_TIMER_RUNNING)
    signal_time_up (self);

  if (phase != self->phase)
    {
      self->phase = phase;
      set_start_button (self, phase);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "running");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "done");
      if (phase == SAM_TIMER_RUNNING)
        gtk_widget_add_css_class (GTK_WIDGET (self), "running");
      else if (phase == SAM_TIMER_DONE)
        gtk_widget_add_css_class (GTK_WIDGET (self), "done");

      switch (phase)
        {
        case SAM_TIMER_DONE: gtk_label_set_text (self->status, _("Time is up")); break;
        case SAM_TIMER_PAUSED: gtk_label_set_text (self->status, _("Paused")); break;
        case SAM_TIMER_RUNNING: gtk_label_set_text (self->status, _("Running")); break;
        case SAM_TIMER_IDLE:
        default: gtk_label_set_text (self->status, _("Not started")); break;
        }
    }

  /* Tick only while counting down; a stored deadline keeps its meaning
   * while nothing ticks. */
  if (phase == SAM_TIMER_RUNNING && self->tick_id == 0)
    self->tick_id = g_timeout_add (250, tick_cb, self);
  else if (phase != SAM_TIMER_RUNNING)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
sam_timer_view_dispose (GObject *object)
{
  SamTimerView *self = (SamTimerView *)object;

  sam_timer_view_set_step (self, NULL);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_TIMER_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sam_timer_view_parent_class)->dispose (object);
}

static void
sam_timer_view_class_init (SamTimerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_timer_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-timer-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SamTimerView, countdown);
  gtk_widget_class_bind_template_child (widget_class, SamTimerView, status);
  gtk_widget_class_bind_template_child (widget_class, SamTimerView, start_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerView, start_content);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sam_timer_view_init (SamTimerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->phase = (SamTimerPhase) -1;
  update (self);
}

/**
 * sam_timer_view_set_step:
 * @self: a #SamTimerView
 * @step: (nullable): the step whose timer to show
 */
void
sam_timer_view_set_step (SamTimerView *self,
                         SamStep      *step)
{
  g_return_if_fail (SAM_IS_TIMER_VIEW (self));

  if (self->step == step)
    return;

  if (self->step != NULL)
    g_signal_handlers_disconnect_by_func (self->step, update, self);
  g_set_object (&self->step, step);
  if (step != NULL)
    {
      g_signal_connect_object (step, "notify::timer-remaining", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (step, "notify::timer-deadline", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (step, "notify::minutes", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }

  /* A timer that ran out while the step was not shown is simply done: no
   * beep for something that happened earlier. */
  self->phase = (SamTimerPhase) -1;
  update (self);
}

SamStep *
sam_timer_view_get_step (SamTimerView *self)
{
  g_return_val_if_fail (SAM_IS_TIMER_VIEW (self), NULL);
  return self->step;
}

gboolean
sam_timer_view_is_done (SamTimerView *self)
{
  g_return_val_if_fail (SAM_IS_TIMER_VIEW (self), FALSE);
  update (self);
  return self->phase == SAM_TIMER_DONE;
}

/**
 * sam_timer_view_get_text:
 * @self: a #SamTimerView
 *
 * Returns: the countdown as shown, e.g. "04:59"
 */
const char *
sam_timer_view_get_text (SamTimerView *self)
{
  g_return_val_if_fail (SAM_IS_TIMER_VIEW (self), NULL);
  update (self);
  return gtk_label_get_text (self->countdown);
}
