/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-timer.h"

/* The countdown's arithmetic, apart from any widget, so it can be tested
 * with a made-up clock. */

/**
 * sam_timer_now:
 *
 * Returns: the wall-clock time in milliseconds since the epoch; stored
 *   deadlines use it, so they survive a restart (unlike the monotonic clock)
 */
gint64
sam_timer_now (void)
{
  return g_get_real_time () / 1000;
}

/**
 * sam_timer_get_phase:
 * @timer: a timer
 * @now_ms: the wall-clock time
 *
 * Returns: whether the timer is idle, running, paused or done
 */
SamTimerPhase
sam_timer_get_phase (const SamTimer *timer,
                     gint64          now_ms)
{
  g_return_val_if_fail (timer != NULL, SAM_TIMER_IDLE);

  if (timer->deadline_ms > 0)
    return now_ms >= timer->deadline_ms ? SAM_TIMER_DONE : SAM_TIMER_RUNNING;
  if (timer->remaining_ms < 0)
    return SAM_TIMER_IDLE;
  return timer->remaining_ms == 0 ? SAM_TIMER_DONE : SAM_TIMER_PAUSED;
}

/**
 * sam_timer_get_remaining:
 * @timer: a timer
 * @box_ms: the step's time box
 * @now_ms: the wall-clock time
 *
 * Returns: what is left in milliseconds, never below 0; the whole time box
 *   while the timer is idle
 */
gint64
sam_timer_get_remaining (const SamTimer *timer,
                         gint64          box_ms,
                         gint64          now_ms)
{
  g_return_val_if_fail (timer != NULL, 0);

  if (timer->deadline_ms > 0)
    return MAX (timer->deadline_ms - now_ms, 0);
  if (timer->remaining_ms < 0)
    return MAX (box_ms, 0);
  return timer->remaining_ms;
}

/**
 * sam_timer_start:
 * @timer: a timer
 * @box_ms: the step's time box
 * @now_ms: the wall-clock time
 *
 * Runs the timer from what is left; an idle or finished timer starts over
 * with the whole time box.  A running timer is left alone.
 */
void
sam_timer_start (SamTimer *timer,
                 gint64    box_ms,
                 gint64    now_ms)
{
  SamTimerPhase phase;
  gint64 remaining;

  g_return_if_fail (timer != NULL);

  phase = sam_timer_get_phase (timer, now_ms);
  if (phase == SAM_TIMER_RUNNING)
    return;

  remaining = phase == SAM_TIMER_PAUSED ? timer->remaining_ms : MAX (box_ms, 0);
  timer->remaining_ms = remaining;
  timer->deadline_ms = now_ms + remaining;
}

/**
 * sam_timer_pause:
 * @timer: a timer
 * @now_ms: the wall-clock time
 *
 * Stops a running timer and keeps what is left.
 */
void
sam_timer_pause (SamTimer *timer,
                 gint64    now_ms)
{
  g_return_if_fail (timer != NULL);

  if (timer->deadline_ms <= 0)
    return;

  timer->remaining_ms = MAX (timer->deadline_ms - now_ms, 0);
  timer->deadline_ms = 0;
}

/**
 * sam_timer_add_minute:
 * @timer: a timer
 * @box_ms: the step's time box
 * @now_ms: the wall-clock time
 *
 * Gives the room one more minute: a running timer ends a minute later (or
 * a minute from now, when it had already ended); a stopped one has a
 * minute more left.
 */
void
sam_timer_add_minute (SamTimer *timer,
                      gint64    box_ms,
                      gint64    now_ms)
{
  g_return_if_fail (timer != NULL);

  if (timer->deadline_ms > 0)
    timer->deadline_ms = MAX (timer->deadline_ms, now_ms) + SAM_TIMER_MINUTE_MS;
  else
    timer->remaining_ms = sam_timer_get_remaining (timer, box_ms, now_ms) + SAM_TIMER_MINUTE_MS;
}

/**
 * sam_timer_reset:
 * @timer: a timer
 *
 * Back to the whole time box, not running.
 */
void
sam_timer_reset (SamTimer *timer)
{
  g_return_if_fail (timer != NULL);

  timer->remaining_ms = -1;
  timer->deadline_ms = 0;
}

/**
 * sam_timer_format:
 * @remaining_ms: a time left
 *
 * Formats the countdown as the room reads it: "mm:ss", or "h:mm:ss" from an
 * hour.  Seconds round up, so "00:00" shows only when the time is up.
 *
 * Returns: (transfer full): the text
 */
char *
sam_timer_format (gint64 remaining_ms)
{
  gint64 seconds = (MAX (remaining_ms, 0) + 999) / 1000;

  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                            (int) (seconds / 60 % 60), (int) (seconds % 60));

  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}
