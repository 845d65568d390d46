/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SAM_CATALOG_ERROR (sam_catalog_error_quark ())

/**
 * SamCatalogError:
 * @SAM_CATALOG_ERROR_NO_LANGUAGE: Samenspel has no translation into the
 *   language asked for
 * @SAM_CATALOG_ERROR_INVALID: the .mo file is damaged or not a .mo file
 *
 * Errors while loading a message catalogue.
 */
typedef enum
{
  SAM_CATALOG_ERROR_NO_LANGUAGE,
  SAM_CATALOG_ERROR_INVALID,
} SamCatalogError;

#define SAM_TYPE_CATALOG (sam_catalog_get_type ())

G_DECLARE_FINAL_TYPE (SamCatalog, sam_catalog, SAM, CATALOG, GObject)

GQuark      sam_catalog_error_quark        (void);

SamCatalog *sam_catalog_new                (const char  *language,
                                            GError     **error);
SamCatalog *sam_catalog_new_from_bytes     (const char  *language,
                                            GBytes      *mo,
                                            GError     **error);
const char *sam_catalog_get_language       (SamCatalog  *self);

const char *sam_catalog_gettext            (SamCatalog  *self,
                                            const char  *msgid) G_GNUC_FORMAT (2);
const char *sam_catalog_pgettext           (SamCatalog  *self,
                                            const char  *context,
                                            const char  *msgid) G_GNUC_FORMAT (3);
const char *sam_catalog_ngettext           (SamCatalog  *self,
                                            const char  *msgid,
                                            const char  *msgid_plural,
                                            gulong       n) G_GNUC_FORMAT (3);

char       *sam_catalog_format_decimal     (SamCatalog  *self,
                                            double       value,
                                            guint        digits);

char      **sam_catalog_list_languages     (void);
const char *sam_catalog_get_language_name  (const char  *language);

G_END_DECLS
