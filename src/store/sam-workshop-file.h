/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* See docs/file-format.md for the format and these limits. */
#define SAM_WORKSHOP_FILE_EXTENSION     ".samenspel"
#define SAM_WORKSHOP_FILE_MIME_TYPE     "application/x-samenspel"
/* The newest major version this reads.  Files are written with the lowest
 * major version that can carry them, so older versions still read them:
 * only a shared laptop's files need version 2. */
#define SAM_WORKSHOP_FILE_VERSION        2
#define SAM_WORKSHOP_FILE_PLAIN_VERSION  1
#define SAM_WORKSHOP_FILE_SHARED_VERSION 2
#define SAM_WORKSHOP_FILE_MINOR_VERSION 2
#define SAM_WORKSHOP_FILE_MAX_SIZE      (50 * 1024 * 1024)
#define SAM_WORKSHOP_FILE_MAX_DEPTH     16
#define SAM_WORKSHOP_FILE_MAX_TEXT      200000

#define SAM_FILE_ERROR (sam_file_error_quark ())

/**
 * SamFileError:
 * @SAM_FILE_ERROR_READ: the file could not be read or written
 * @SAM_FILE_ERROR_TOO_LARGE: larger than %SAM_WORKSHOP_FILE_MAX_SIZE
 * @SAM_FILE_ERROR_TOO_DEEP: nested deeper than %SAM_WORKSHOP_FILE_MAX_DEPTH
 * @SAM_FILE_ERROR_ENCODING: not valid UTF-8
 * @SAM_FILE_ERROR_SYNTAX: not JSON, or cut off
 * @SAM_FILE_ERROR_NOT_WORKSHOP: JSON, but not a Samenspel workshop file
 * @SAM_FILE_ERROR_TOO_NEW: written by a newer Samenspel (a newer major version)
 * @SAM_FILE_ERROR_INVALID: a field is missing, of the wrong type or out of range
 * @SAM_FILE_ERROR_DUPLICATE: two objects carry the same uuid
 * @SAM_FILE_ERROR_REFERENCE: a reference to an object that is not in the file
 * @SAM_FILE_ERROR_WRONG_KIND: the file cannot be used this way (merging a
 *   whole workshop, a contribution to a workshop that is not here, ...)
 * @SAM_FILE_ERROR_EXISTS: the workshop of a team packet is already here
 * @SAM_FILE_ERROR_FAILED: the database refused the change; nothing was changed
 *
 * Errors of reading, importing and merging workshop files.  Every message
 * names the file, the place (a JSON path such as `$.tables.card[3].team` or
 * a line) and the problem, on one line.
 */
typedef enum
{
  SAM_FILE_ERROR_READ,
  SAM_FILE_ERROR_TOO_LARGE,
  SAM_FILE_ERROR_TOO_DEEP,
  SAM_FILE_ERROR_ENCODING,
  SAM_FILE_ERROR_SYNTAX,
  SAM_FILE_ERROR_NOT_WORKSHOP,
  SAM_FILE_ERROR_TOO_NEW,
  SAM_FILE_ERROR_INVALID,
  SAM_FILE_ERROR_DUPLICATE,
  SAM_FILE_ERROR_REFERENCE,
  SAM_FILE_ERROR_WRONG_KIND,
  SAM_FILE_ERROR_EXISTS,
  SAM_FILE_ERROR_FAILED,
} SamFileError;

/**
 * SamFileKind:
 * @SAM_FILE_KIND_WORKSHOP: a whole workshop, to keep or hand to another coach
 * @SAM_FILE_KIND_TEAM_PACKET: what one team's laptop needs for the day
 * @SAM_FILE_KIND_TEAM_CONTRIBUTION: what a team wrote on its laptop, for the
 *   coach to merge
 */
typedef enum
{
  SAM_FILE_KIND_WORKSHOP,
  SAM_FILE_KIND_TEAM_PACKET,
  SAM_FILE_KIND_TEAM_CONTRIBUTION,
} SamFileKind;

/**
 * SamMergeCount:
 * @table: the table, e.g. "card"
 * @noun: what a row of it is, in words (“card”, “agenda step”)
 * @n_new: rows the merge adds
 * @n_updated: rows only the team changed; the merge takes their version
 * @n_conflicts: rows changed on both sides; the team's version is added next
 *   to the coach's, marked as coming from the team's laptop
 * @n_unchanged: rows already here as they are (or changed only here)
 */
typedef struct
{
  const char *table;
  const char *noun;
  guint       n_new;
  guint       n_updated;
  guint       n_conflicts;
  guint       n_unchanged;
} SamMergeCount;

/**
 * SamMergePlan:
 * @workshop: the workshop the contribution belongs to
 * @team_name: the team whose laptop wrote it
 * @counts: (element-type SamMergeCount): one entry per table with rows
 * @items: (element-type utf8): one line per row the merge adds or changes,
 *   for the coach to read before confirming
 *
 * What merging a team's contribution would do.  Nothing is changed until
 * sam_workshop_file_merge() runs.
 */
typedef struct
{
  SamWorkshop *workshop;
  char        *team_name;
  GArray      *counts;
  GPtrArray   *items;
} SamMergePlan;

void sam_merge_plan_free (SamMergePlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMergePlan, sam_merge_plan_free)

guint        sam_merge_plan_get_n_changes        (const SamMergePlan *plan);

#define SAM_TYPE_WORKSHOP_FILE (sam_workshop_file_get_type ())

G_DECLARE_FINAL_TYPE (SamWorkshopFile, sam_workshop_file, SAM, WORKSHOP_FILE, GObject)

GQuark           sam_file_error_quark                (void);

SamWorkshopFile *sam_workshop_file_load              (GFile             *file,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
SamWorkshopFile *sam_workshop_file_load_bytes        (GBytes            *bytes,
                                                      const char        *display_name,
                                                      GError           **error);
void             sam_workshop_file_load_async        (GFile             *file,
                                                      GCancellable      *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer           user_data);
SamWorkshopFile *sam_workshop_file_load_finish       (GAsyncResult      *result,
                                                      GError           **error);

SamWorkshopFile *sam_workshop_file_new_from_store    (SamStore          *store,
                                                      SamWorkshop       *workshop,
                                                      SamFileKind        kind,
                                                      const char        *team_uuid,
                                                      GError           **error);
SamWorkshopFile *sam_workshop_file_new_room_packet   (SamStore          *store,
                                                      SamWorkshop       *workshop,
                                                      GError           **error);
SamWorkshopFile *sam_workshop_file_new_contribution  (SamStore          *store,
                                                      SamWorkshop       *workshop,
                                                      GError           **error);

SamFileKind      sam_workshop_file_get_kind          (SamWorkshopFile   *self);
const char      *sam_workshop_file_get_display_name  (SamWorkshopFile   *self);
const char      *sam_workshop_file_get_workshop_uuid (SamWorkshopFile   *self);
const char      *sam_workshop_file_get_workshop_name (SamWorkshopFile   *self);
const char      *sam_workshop_file_get_workshop_language (SamWorkshopFile *self);
const char      *sam_workshop_file_get_team_uuid     (SamWorkshopFile   *self);
char            *sam_workshop_file_dup_team_name     (SamWorkshopFile   *self);
gboolean         sam_workshop_file_get_shared        (SamWorkshopFile   *self);

void             sam_workshop_file_set_pin           (SamWorkshopFile   *self,
                                                      const char        *pin);
gboolean         sam_workshop_file_has_pin           (SamWorkshopFile   *self);
char            *sam_workshop_file_suggest_name      (const char        *workshop_name,
                                                      const char        *team_name);

GBytes          *sam_workshop_file_to_bytes          (SamWorkshopFile   *self);
gboolean         sam_workshop_file_save              (SamWorkshopFile   *self,
                                                      GFile             *file,
                                                      GCancellable      *cancellable,
                                                      GError           **error);

SamWorkshop     *sam_workshop_file_import            (SamWorkshopFile   *self,
                                                      SamStore          *store,
                                                      GError           **error);
SamWorkshop     *sam_workshop_file_import_as_is      (SamWorkshopFile   *self,
                                                      SamStore          *store,
                                                      GError           **error);
gboolean         sam_workshop_file_check_import      (SamWorkshopFile   *self,
                                                      GError           **error);
JsonArray       *sam_workshop_file_get_table         (SamWorkshopFile   *self,
                                                      const char        *table);
SamMergePlan    *sam_workshop_file_plan_merge        (SamWorkshopFile   *self,
                                                      SamStore          *store,
                                                      GError           **error);
gboolean         sam_workshop_file_merge             (SamWorkshopFile   *self,
                                                      SamStore          *store,
                                                      GError           **error);
gboolean         sam_workshop_file_catch_up          (SamWorkshopFile   *self,
                                                      SamStore          *store,
                                                      GError           **error);

gboolean         sam_store_get_packet_team           (SamStore          *store,
                                                      SamWorkshop       *workshop,
                                                      char             **team_uuid);

G_END_DECLS
