/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-error.h"
#include "sam-store.h"

/* Words a coach understands for what went wrong.  The technical detail is
 * kept at the end, for whoever helps them. */

/**
 * sam_error_dup_title:
 * @error: what went wrong
 *
 * Returns: (transfer full): a short headline for @error
 */
char *
sam_error_dup_title (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == SAM_STORE_ERROR)
    {
      switch (error->code)
        {
        case SAM_STORE_ERROR_NOT_A_DATABASE:
          return g_strdup (_("This Is Not a Samenspel Database"));
        case SAM_STORE_ERROR_TOO_NEW:
          return g_strdup (_("Made by a Newer Samenspel"));
        case SAM_STORE_ERROR_CORRUPT:
          return g_strdup (_("The Workshops Are Damaged"));
        case SAM_STORE_ERROR_INVALID:
          return g_strdup (_("That Cannot Be Saved"));
        case SAM_STORE_ERROR_NOT_FOUND:
          return g_strdup (_("It Is No Longer There"));
        default:
          break;
        }
    }

  return g_strdup (_("Something Went Wrong"));
}

/**
 * sam_error_dup_message:
 * @error: what went wrong
 *
 * Returns: (transfer full): what happened and what the coach can do, in a
 *   sentence or two, followed by the technical detail
 */
char *
sam_error_dup_message (const GError *error)
{
  const char *advice = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == SAM_STORE_ERROR)
    {
      switch (error->code)
        {
        case SAM_STORE_ERROR_NOT_A_DATABASE:
          advice = _("Samenspel keeps its workshops in a file that turned out to hold something else. "
                     "The file was left exactly as it is. Move it elsewhere and start Samenspel again "
                     "to begin with an empty library.");
          break;
        case SAM_STORE_ERROR_TOO_NEW:
          advice = _("Your workshops were saved by a newer version of Samenspel. Nothing was changed. "
                     "Install the newer version to open them.");
          break;
        case SAM_STORE_ERROR_CORRUPT:
          advice = _("The file with your workshops is damaged. It was left as it is, so that it can "
                     "still be rescued. A copy from before the last update may sit next to it.");
          break;
        case SAM_STORE_ERROR_INVALID:
          return g_strdup (error->message);
        default:
          advice = _("Your last change could not be written to disk. Check that the disk is not full, "
                     "then try again. Everything saved before is safe.");
          break;
        }
    }

  if (advice == NULL)
    return g_strdup (error->message);

  return g_strdup_printf ("%s\n\n%s", advice, error->message);
}
