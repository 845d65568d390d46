/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-projector-monitor.h"

static gint64
area (const SamProjectorMonitor *monitor)
{
  return (gint64) MAX (monitor->width, 0) * MAX (monitor->height, 0);
}

/**
 * sam_projector_choose_monitor:
 * @monitors: (array length=n_monitors): the display's monitors, in its order
 * @n_monitors: how many
 * @console: the index of the monitor the console window is on, or -1 when
 *   that is not known (then the first monitor is taken as the laptop's)
 *
 * Picks the monitor the projector view goes full screen on: never the
 * console's own screen, and of the others the largest (a beamer, rather
 * than a small third screen); on a tie the first in the display's order,
 * so the choice is stable while nothing changes.
 *
 * Returns: the index of the chosen monitor, or -1 with fewer than two
 *   monitors: then the projector view opens as a window the coach places
 */
int
sam_projector_choose_monitor (const SamProjectorMonitor *monitors,
                              guint                      n_monitors,
                              int                        console)
{
  int best = -1;

  g_return_val_if_fail (monitors != NULL || n_monitors == 0, -1);

  if (n_monitors < 2)
    return -1;

  if (console < 0 || (guint) console >= n_monitors)
    console = 0;

  for (guint i = 0; i < n_monitors; i++)
    {
      if ((int) i == console || area (&monitors[i]) == 0)
        continue;
      if (best < 0 || area (&monitors[i]) > area (&monitors[best]))
        best = (int) i;
    }

  return best;
}
