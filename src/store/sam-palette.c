/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-palette.h"

static const struct {
  guint8 r, g, b;
  const char *name;
} palette[SAM_PALETTE_SIZE] = {
  { 0xE6, 0x9F, 0x00, N_("Orange") },
  { 0x56, 0xB4, 0xE9, N_("Sky blue") },
  { 0x00, 0x9E, 0x73, N_("Green") },
  { 0xF0, 0xE4, 0x42, N_("Yellow") },
  { 0x00, 0x72, 0xB2, N_("Blue") },
  { 0xD5, 0x5E, 0x00, N_("Vermilion") },
  { 0xCC, 0x79, 0xA7, N_("Purple") },
  { 0x99, 0x99, 0x99, N_("Grey") },
};

/**
 * sam_palette_get_colour:
 * @index: any number; it wraps around the palette
 *
 * Returns: the team colour at @index as fractions of 1.
 */
SamColour
sam_palette_get_colour (guint index)
{
  guint i = index % SAM_PALETTE_SIZE;

  return (SamColour) {
    palette[i].r / 255.0,
    palette[i].g / 255.0,
    palette[i].b / 255.0,
  };
}

/**
 * sam_palette_get_name:
 * @index: any number; it wraps around the palette
 *
 * Returns: the translated name of the colour, for menus and screen readers.
 */
const char *
sam_palette_get_name (guint index)
{
  return _(palette[index % SAM_PALETTE_SIZE].name);
}

/**
 * sam_palette_get_css:
 * @index: any number; it wraps around the palette
 *
 * Returns: (transfer full): the colour as a CSS hex string such as `#E69F00`.
 */
char *
sam_palette_get_css (guint index)
{
  guint i = index % SAM_PALETTE_SIZE;

  return g_strdup_printf ("#%02X%02X%02X", palette[i].r, palette[i].g, palette[i].b);
}

/**
 * sam_palette_text_is_dark:
 * @index: any number; it wraps around the palette
 *
 * Returns: %TRUE when text on this colour should be dark for contrast.
 */
gboolean
sam_palette_text_is_dark (guint index)
{
  SamColour c = sam_palette_get_colour (index);
  double luminance = 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue;

  return luminance > 0.45;
}
