/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SamTimer:
 * @remaining_ms: what is left in milliseconds while paused, or -1 when the
 *   timer was never started (or was reset); the stored `timer_remaining`
 * @deadline_ms: while running, the wall-clock time (ms since the epoch) at
 *   which the time is up, else 0; the stored `timer_deadline`
 *
 * A step's countdown as it is stored.  Because a running timer stores its
 * deadline rather than a count, it keeps running by the wall clock while
 * the app is closed.  These functions are GLib-only: the widget and the
 * tests call them with the current time, sam_timer_now().
 */
typedef struct
{
  gint64 remaining_ms;
  gint64 deadline_ms;
} SamTimer;

/**
 * SamTimerPhase:
 * @SAM_TIMER_IDLE: not started; shows the whole time box
 * @SAM_TIMER_RUNNING: counting down
 * @SAM_TIMER_PAUSED: stopped with time left
 * @SAM_TIMER_DONE: the time is up
 */
typedef enum
{
  SAM_TIMER_IDLE,
  SAM_TIMER_RUNNING,
  SAM_TIMER_PAUSED,
  SAM_TIMER_DONE,
} SamTimerPhase;

#define SAM_TIMER_MINUTE_MS ((gint64) 60 * 1000)

gint64         sam_timer_now           (void);
SamTimerPhase  sam_timer_get_phase     (const SamTimer *timer,
                                        gint64          now_ms);
gint64         sam_timer_get_remaining (const SamTimer *timer,
                                        gint64          box_ms,
                                        gint64          now_ms);
void           sam_timer_start         (SamTimer       *timer,
                                        gint64          box_ms,
                                        gint64          now_ms);
void           sam_timer_pause         (SamTimer       *timer,
                                        gint64          now_ms);
void           sam_timer_add_minute    (SamTimer       *timer,
                                        gint64          box_ms,
                                        gint64          now_ms);
void           sam_timer_reset         (SamTimer       *timer);
char          *sam_timer_format        (gint64          remaining_ms);

G_END_DECLS
