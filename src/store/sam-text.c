/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-text.h"

/**
 * sam_text_excerpt:
 * @text: valid UTF-8
 * @max_chars: the most characters to keep, at least 1
 *
 * Shortens @text for a name, a toast or a list: at most @max_chars
 * characters, ending in “…” when something was cut, on one line.
 *
 * Returns: (transfer full): the excerpt
 */
char *
sam_text_excerpt (const char *text,
                  glong       max_chars)
{
  glong length;
  char *excerpt;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_chars > 0, NULL);

  /* g_utf8_substring() must not be asked for more than the text holds. */
  length = g_utf8_strlen (text, -1);
  if (length <= max_chars)
    excerpt = g_strdup (text);
  else
    {
      g_autofree char *head = g_utf8_substring (text, 0, max_chars - 1);
      excerpt = g_strconcat (head, "…", NULL);
    }

  return g_strdelimit (excerpt, "\n\r\t", ' ');
}
