/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sam-types.h"
#include "sam-workshop.h"
#include "sam-team.h"
#include "sam-step.h"
#include "sam-card.h"
#include "sam-card-link.h"

G_BEGIN_DECLS

#define SAM_STORE_ERROR (sam_store_error_quark ())

/**
 * SamStoreError:
 * @SAM_STORE_ERROR_NOT_A_DATABASE: the file is not a Samenspel database
 * @SAM_STORE_ERROR_TOO_NEW: the database was written by a newer Samenspel
 * @SAM_STORE_ERROR_CORRUPT: the database is damaged
 * @SAM_STORE_ERROR_FAILED: reading or writing failed (disk full, permissions, ...)
 * @SAM_STORE_ERROR_NOT_FOUND: the object no longer exists
 * @SAM_STORE_ERROR_INVALID: the value is not acceptable (empty name, ...)
 * @SAM_STORE_ERROR_BUSY: another program holds a lock on the database
 * @SAM_STORE_ERROR_FULL: the disk (or the database's size limit) is full
 * @SAM_STORE_ERROR_READ_ONLY: the database may only be read
 * @SAM_STORE_ERROR_IO: the disk could not be read or written
 */
typedef enum
{
  SAM_STORE_ERROR_NOT_A_DATABASE,
  SAM_STORE_ERROR_TOO_NEW,
  SAM_STORE_ERROR_CORRUPT,
  SAM_STORE_ERROR_FAILED,
  SAM_STORE_ERROR_NOT_FOUND,
  SAM_STORE_ERROR_INVALID,
  SAM_STORE_ERROR_BUSY,
  SAM_STORE_ERROR_FULL,
  SAM_STORE_ERROR_READ_ONLY,
  SAM_STORE_ERROR_IO,
} SamStoreError;

typedef enum
{
  SAM_WORKSHOP_FIELD_NAME,
  SAM_WORKSHOP_FIELD_ORGANISATION,
  SAM_WORKSHOP_FIELD_COACH,
  SAM_WORKSHOP_FIELD_DATE,
  SAM_WORKSHOP_FIELD_NOTES,
  SAM_WORKSHOP_FIELD_LANGUAGE,
} SamWorkshopField;

#define SAM_TYPE_STORE (sam_store_get_type ())

G_DECLARE_FINAL_TYPE (SamStore, sam_store, SAM, STORE, GObject)

GQuark       sam_store_error_quark              (void);
char        *sam_store_dup_default_path         (void);
guint        sam_store_get_latest_version       (void);
SamStore    *sam_store_open                     (const char        *path,
                                                 GError           **error);
SamStore    *sam_store_open_check_later         (const char        *path,
                                                 GError           **error);
void         sam_store_check_async              (SamStore          *self,
                                                 GCancellable      *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer           user_data);
gboolean     sam_store_check_finish             (SamStore          *self,
                                                 GAsyncResult      *result,
                                                 GError           **error);
SamStore    *sam_store_open_in_memory           (GError           **error);
SamStore    *sam_store_open_at_version          (const char        *path,
                                                 guint              version,
                                                 GError           **error);
const char  *sam_store_get_path                 (SamStore          *self);
guint        sam_store_get_version              (SamStore          *self);
gboolean     sam_store_is_read_only             (SamStore          *self);
void         sam_store_set_busy_timeout         (SamStore          *self,
                                                 guint              ms);
gboolean     sam_store_purge_trash              (SamStore          *self,
                                                 GError           **error);
gboolean     sam_store_restore_trash            (SamStore          *self,
                                                 gint64             batch,
                                                 GError           **error);
gboolean     sam_store_refresh                  (SamStore          *self,
                                                 GError           **error);
gboolean     sam_store_backup                   (SamStore          *self,
                                                 GError           **error);
gint64       sam_store_get_n_changes            (SamStore          *self);
GPtrArray   *sam_store_list_backups             (const char        *path);
GDateTime   *sam_store_dup_backup_time          (const char        *backup);
gboolean     sam_store_restore_backup           (const char        *path,
                                                 const char        *backup,
                                                 GError           **error);

GListModel  *sam_store_get_workshops            (SamStore          *self);
SamWorkshop *sam_store_find_workshop            (SamStore          *self,
                                                 const char        *uuid);
SamWorkshop *sam_store_create_workshop          (SamStore          *self,
                                                 const char        *name,
                                                 GError           **error);
gboolean     sam_store_set_workshop_field       (SamStore          *self,
                                                 SamWorkshop       *workshop,
                                                 SamWorkshopField   field,
                                                 const char        *value,
                                                 GError           **error);
SamWorkshop *sam_store_duplicate_workshop       (SamStore          *self,
                                                 SamWorkshop       *workshop,
                                                 GError           **error);
gboolean     sam_store_trash_workshop           (SamStore          *self,
                                                 SamWorkshop       *workshop,
                                                 gint64            *out_batch,
                                                 GError           **error);

GListModel  *sam_store_get_teams                (SamStore          *self,
                                                 SamWorkshop       *workshop);
SamTeam     *sam_store_find_team                (SamStore          *self,
                                                 SamWorkshop       *workshop,
                                                 gint64             team_id);
SamTeam     *sam_store_add_team                 (SamStore          *self,
                                                 SamWorkshop       *workshop,
                                                 const char        *name,
                                                 GError           **error);
gboolean     sam_store_set_team_name            (SamStore          *self,
                                                 SamTeam           *team,
                                                 const char        *name,
                                                 GError           **error);
gboolean     sam_store_set_team_colour          (SamStore          *self,
                                                 SamTeam           *team,
                                                 guint              colour,
                                                 GError           **error);
gboolean     sam_store_set_team_people          (SamStore          *self,
                                                 SamTeam           *team,
                                                 guint              people,
                                                 GError           **error);
gboolean     sam_store_move_team                (SamStore          *self,
                                                 SamTeam           *team,
                                                 guint              position,
                                                 GError           **error);
gboolean     sam_store_trash_team               (SamStore          *self,
                                                 SamTeam           *team,
                                                 gint64            *out_batch,
                                                 GError           **error);
guint        sam_store_count_team_content       (SamStore          *self,
                                                 SamTeam           *team);

G_END_DECLS

#include "sam-store-agenda.h"
#include "sam-store-cards.h"
