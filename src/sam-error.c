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
        case SAM_STORE_ERROR_BUSY:
          return g_strdup (_("The Workshops Are in Use"));
        case SAM_STORE_ERROR_FULL:
          return g_strdup (_("The Disk Is Full"));
        case SAM_STORE_ERROR_READ_ONLY:
          return g_strdup (_("The Workshops Are Read-Only"));
        case SAM_STORE_ERROR_IO:
          return g_strdup (_("The Disk Could Not Be Written"));
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
        case SAM_STORE_ERROR_BUSY:
          advice = _("Another program is using the workshop database, so your last change was not "
                     "saved. Close the other program (or the other Samenspel window) and make the "
                     "change again. What you see now is what is saved.");
          break;
        case SAM_STORE_ERROR_FULL:
          advice = _("The disk is full, so your last change was not saved. Make room on the disk "
                     "and make the change again. What you see now is what is saved.");
          break;
        case SAM_STORE_ERROR_READ_ONLY:
          advice = _("The database is read-only: Samenspel can read your workshops but not change "
                     "them. Make the file writable again (its permissions, or a disk that is not "
                     "write-protected) and start Samenspel again.");
          break;
        case SAM_STORE_ERROR_IO:
          advice = _("The disk could not be read or written, so your last change was not saved. "
                     "Check that the disk is still connected and make the change again. What you "
                     "see now is what is saved.");
          break;
        default:
          advice = _("Your last change could not be saved. What you see now is what is saved; "
                     "everything saved before is safe.");
          break;
        }
    }

  if (advice == NULL)
    return g_strdup (error->message);

  return g_strdup_printf ("%s\n\n%s", advice, error->message);
}
