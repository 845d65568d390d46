/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Team colours: the Okabe–Ito palette, safe for the common forms of colour
 * blindness.  Meaning is never carried by colour alone; the colour only helps
 * the room find its own team's cards. */
#define SAM_PALETTE_SIZE 8

typedef struct
{
  double red;
  double green;
  double blue;
} SamColour;

SamColour    sam_palette_get_colour   (guint index);
const char  *sam_palette_get_name     (guint index);
char        *sam_palette_get_css      (guint index);
gboolean     sam_palette_text_is_dark (guint index);

G_END_DECLS
