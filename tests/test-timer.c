/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-timer.h"

#define BOX (30 * SAM_TIMER_MINUTE_MS)
#define T0 ((gint64) 1800000000000)

static void
test_idle (void)
{
  SamTimer timer = { -1, 0 };
  g_autofree char *text = NULL;

  g_assert_cmpint (sam_timer_get_phase (&timer, T0), ==, SAM_TIMER_IDLE);
  g_assert_cmpint (sam_timer_get_remaining (&timer, BOX, T0), ==, BOX);
  text = sam_timer_format (sam_timer_get_remaining (&timer, BOX, T0));
  g_assert_cmpstr (text, ==, "30:00");
}

static void
test_start_pause_resume (void)
{
  SamTimer timer = { -1, 0 };

  sam_timer_start (&timer, BOX, T0);
  g_assert_cmpint (sam_timer_get_phase (&timer, T0), ==, SAM_TIMER_RUNNING);
  g_assert_cmpint (timer.deadline_ms, ==, T0 + BOX);

  /* Starting again while running changes nothing. */
  sam_timer_start (&timer, BOX, T0 + 5000);
  g_assert_cmpint (timer.deadline_ms, ==, T0 + BOX);

  /* Ten minutes later: twenty left; pausing keeps them. */
  g_assert_cmpint (sam_timer_get_remaining (&timer, BOX, T0 + 10 * SAM_TIMER_MINUTE_MS), ==,
                   20 * SAM_TIMER_MINUTE_MS);
  sam_timer_pause (&timer, T0 + 10 * SAM_TIMER_MINUTE_MS);
  g_assert_cmpint (timer.deadline_ms, ==, 0);
  g_assert_cmpint (timer.remaining_ms, ==, 20 * SAM_TIMER_MINUTE_MS);
  g_assert_cmpint (sam_timer_get_phase (&timer, T0 + 60 * SAM_TIMER_MINUTE_MS), ==, SAM_TIMER_PAUSED);
  g_assert_cmpint (sam_timer_get_remaining (&timer, BOX, T0 + 60 * SAM_TIMER_MINUTE_MS), ==,
                   20 * SAM_TIMER_MINUTE_MS);

  /* Resumed an hour later, it ends twenty minutes after that. */
  sam_timer_start (&timer, BOX, T0 + 60 * SAM_TIMER_MINUTE_MS);
  g_assert_cmpint (timer.deadline_ms, ==, T0 + 80 * SAM_TIMER_MINUTE_MS);

  /* Pausing a paused timer changes nothing. */
  sam_timer_pause (&timer, T0 + 70 * SAM_TIMER_MINUTE_MS);
  sam_timer_pause (&timer, T0 + 75 * SAM_TIMER_MINUTE_MS);
  g_assert_cmpint (timer.remaining_ms, ==, 10 * SAM_TIMER_MINUTE_MS);
}

static void
test_done (void)
{
  SamTimer timer = { -1, 0 };
  g_autofree char *last = NULL;
  g_autofree char *zero = NULL;

  sam_timer_start (&timer, BOX, T0);
  last = sam_timer_format (sam_timer_get_remaining (&timer, BOX, T0 + BOX - 400));
  g_assert_cmpstr (last, ==, "00:01");
  g_assert_cmpint (sam_timer_get_phase (&timer, T0 + BOX - 1), ==, SAM_TIMER_RUNNING);
  g_assert_cmpint (sam_timer_get_phase (&timer, T0 + BOX), ==, SAM_TIMER_DONE);
  g_assert_cmpint (sam_timer_get_remaining (&timer, BOX, T0 + BOX + 99999), ==, 0);
  zero = sam_timer_format (sam_timer_get_remaining (&timer, BOX, T0 + BOX + 99999));
  g_assert_cmpstr (zero, ==, "00:00");

  /* Paused after the end: done, with nothing left. */
  sam_timer_pause (&timer, T0 + BOX + 5000);
  g_assert_cmpint (timer.remaining_ms, ==, 0);
  g_assert_cmpint (sam_timer_get_phase (&timer, T0 + BOX + 6000), ==, SAM_TIMER_DONE);

  /* Starting a finished timer starts the whole time box again. */
  sam_timer_start (&timer, BOX, T0 + 2 * BOX);
  g_assert_cmpint (timer.deadline_ms, ==, T0 + 3 * BOX);
}

static void
test_add_minute (void)
{
  SamTimer timer = { -1, 0 };

  /* Idle: the box plus a minute, not running. */
  sam_timer_add_minute (&timer, BOX, T0);
  g_assert_cmpint (sam_timer_get_phase (&timer, T0), ==, SAM_TIMER_PAUSED);
  g_assert_cmpint (timer.remaining_ms, ==, BOX + SAM_TIMER_MINUTE_MS);

  /* Running: it ends a minute later. */
  sam_timer_start (&timer, BOX, T0);
  sam_timer_add_minute (&timer, BOX, T0 + 1000);
  g_assert_cmpint (timer.deadline_ms, ==, T0 + BOX + 2 * SAM_TIMER_MINUTE_MS);

  /* Already over: a minute from now. */
  sam_timer_add_minute (&timer, BOX, T0 + 10 * BOX);
  g_assert_cmpint (timer.deadline_ms, ==, T0 + 10 * BOX + SAM_TIMER_MINUTE_MS);
  g_assert_cmpint (sam_timer_get_phase (&timer, T0 + 10 * BOX), ==, SAM_TIMER_RUNNING);
}

static void
test_reset (void)
{
  SamTimer timer = { -1, 0 };

  sam_timer_start (&timer, BOX, T0);
  sam_timer_reset (&timer);
  g_assert_cmpint (timer.remaining_ms, ==, -1);
  g_assert_cmpint (timer.deadline_ms, ==, 0);
  g_assert_cmpint (sam_timer_get_phase (&timer, T0), ==, SAM_TIMER_IDLE);
}

static void
test_format (void)
{
  static const struct { gint64 ms; const char *text; } cases[] = {
    { 0, "00:00" },
    { 1, "00:01" },
    { 59000, "00:59" },
    { 59001, "01:00" },
    { 600000, "10:00" },
    { 3599000, "59:59" },
    { 3600000, "1:00:00" },
    { 5400000, "1:30:00" },
    { -5000, "00:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sam_timer_format (cases[i].ms);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_now (void)
{
  gint64 now = sam_timer_now ();

  /* Wall-clock milliseconds, so a deadline survives a restart. */
  g_assert_cmpint (now, >, (gint64) 1600000000000);
  g_assert_cmpint (ABS (now - g_get_real_time () / 1000), <, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/timer/idle", test_idle);
  g_test_add_func ("/sam/timer/start-pause-resume", test_start_pause_resume);
  g_test_add_func ("/sam/timer/done", test_done);
  g_test_add_func ("/sam/timer/add-minute", test_add_minute);
  g_test_add_func ("/sam/timer/reset", test_reset);
  g_test_add_func ("/sam/timer/format", test_format);
  g_test_add_func ("/sam/timer/now", test_now);

  return g_test_run ();
}
