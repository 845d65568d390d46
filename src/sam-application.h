/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_APPLICATION (sam_application_get_type ())

/* How long an edit waits for another program's lock on the database: long
 * enough for another program's own short writes, short enough that the
 * window never seems to hang (docs/architecture.md). */
#define SAM_APPLICATION_BUSY_TIMEOUT_MS 200

G_DECLARE_FINAL_TYPE (SamApplication, sam_application, SAM, APPLICATION, AdwApplication)

SamApplication *sam_application_new            (const char        *application_id,
                                                GApplicationFlags  flags);
SamStore       *sam_application_get_store      (SamApplication    *self);
const GError   *sam_application_get_store_error (SamApplication   *self);
gboolean        sam_application_restore_backup  (SamApplication   *self,
                                                 const char       *backup,
                                                 GError          **error);
GSettings      *sam_application_get_settings   (SamApplication    *self);
void            sam_application_load_page_styles (SamApplication  *self);

G_END_DECLS
