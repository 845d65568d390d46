/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-catalog.h"

/* The message catalogue's fuzz target: any bytes are read as a .mo file.
 * Reading must never crash, overread or warn; a bad file only gives
 * SAM_CATALOG_ERROR_INVALID, and every lookup in a file that loads gives
 * valid UTF-8. */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char *msgids[] = {
    "Kept", "Agreed", "Page %u of %u", "The Day at a Glance", "%1$d %2$s %3$d", "",
  };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamCatalog) catalog = sam_catalog_new_from_bytes ("xx", bytes, &error);

  if (catalog == NULL)
    {
      g_assert_error (error, SAM_CATALOG_ERROR, SAM_CATALOG_ERROR_INVALID);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (msgids); i++)
    g_assert_true (g_utf8_validate (sam_catalog_gettext (catalog, msgids[i]), -1, NULL));
  g_assert_true (g_utf8_validate (sam_catalog_pgettext (catalog, "month in a date", "May"), -1, NULL));
  for (gulong n = 0; n < 120; n++)
    g_assert_true (g_utf8_validate (sam_catalog_ngettext (catalog, "%u minute", "%u minutes", n), -1, NULL));

  return 0;
}
