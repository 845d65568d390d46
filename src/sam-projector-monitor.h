/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SamProjectorMonitor:
 * @x: left edge in the display's coordinates
 * @y: top edge
 * @width: width in application pixels
 * @height: height in application pixels
 *
 * What the choice of the projector's monitor needs to know of a monitor;
 * filled from a #GdkMonitor's geometry, or by hand in a test.
 */
typedef struct
{
  int x;
  int y;
  int width;
  int height;
} SamProjectorMonitor;

int sam_projector_choose_monitor (const SamProjectorMonitor *monitors,
                                  guint                      n_monitors,
                                  int                        console);

G_END_DECLS
