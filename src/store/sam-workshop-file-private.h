/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sam-store-private.h"
#include "sam-workshop-file.h"

G_BEGIN_DECLS

struct _SamWorkshopFile
{
  GObject parent_instance;

  char *display_name;
  JsonNode *root;
  SamFileKind kind;
  char *workshop_uuid;
  char *team_uuid;
  gint64 packet_exported;     /* seconds since 1970; 0 for a whole workshop */
  char *pin_salt;             /* a team packet's PIN (sam-pin.c), or NULL */
  char *pin_hash;
  guint pin_rounds;
  gboolean shared;            /* a packet for the whole room (minor version 2) */
};

/* A column of a local table, as SQLite describes it. */
typedef struct
{
  char       *name;
  char       *key;            /* its name in the file: `team_id` → `team` */
  char        type;           /* 'i'nteger, 'r'eal, 't'ext, 'b'lob, '?' any */
  gboolean    not_null;
  gboolean    has_default;
  const char *ref_table;      /* interned; NULL when not a foreign key */
  gboolean    coach_only;
  gboolean    skipped;        /* id, trash and the workshop column */
  gboolean    has_uuids;      /* a text holding uuids of other rows */
  double      min;            /* the range of a number, or of a text's */
  double      max;            /* length in characters */
} SamFileColumn;

typedef struct
{
  const SamExportTable *desc;
  GPtrArray            *columns;   /* SamFileColumn */
  gboolean              has_trash;
  gboolean              has_modified;
  gint                  ref_count;
} SamFileTable;

void          _sam_file_table_free        (SamFileTable         *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamFileTable, _sam_file_table_free)

SamFileTable *_sam_file_table_load        (SamStore             *store,
                                           const SamExportTable *desc);
char         *_sam_file_ref_key           (const char           *column);
const char   *_sam_file_table_noun        (const char           *table);
const char   *_sam_file_table_a_noun      (const char           *table);
void          _sam_file_set_error         (GError              **error,
                                           const char           *display_name,
                                           SamFileError          code,
                                           const char           *path,
                                           const char           *format,
                                           ...) G_GNUC_PRINTF (5, 6);
JsonObject   *_sam_file_row_to_json       (SamStore             *store,
                                           SamFileTable         *table,
                                           sqlite3_stmt         *stmt,
                                           gboolean              clear_coach);
JsonArray    *_sam_workshop_file_get_rows (SamWorkshopFile      *self,
                                           const char           *table);
JsonObject   *_sam_workshop_file_get_workshop_object (SamWorkshopFile *self);
gboolean      _sam_workshop_file_merge_quietly     (SamWorkshopFile *self,
                                                    SamStore        *store,
                                                    gboolean        *changed,
                                                    GError         **error);
void          _sam_workshop_file_reload_after_merge (SamStore       *store);
void          _sam_workshop_file_refresh_after_merge (SamStore      *store,
                                                      GHashTable    *changes);
SamWorkshopFile *_sam_workshop_file_new_contribution_since (SamStore    *store,
                                                            SamWorkshop *workshop,
                                                            gint64       since,
                                                            GError     **error);
GHashTable      *_sam_workshop_file_find_rows      (SamStore     *store,
                                                    GHashTable   *uuids);
SamWorkshopFile *_sam_workshop_file_new_team_delta (SamStore     *store,
                                                    SamWorkshop  *workshop,
                                                    const char   *team_uuid,
                                                    GHashTable   *rows,
                                                    GError      **error);
SamWorkshopFile *_sam_workshop_file_new_from_root (JsonNode     *root,
                                                   const char   *display_name,
                                                   GError      **error);
char         *_sam_file_format_time       (gint64                seconds);
guint         _sam_file_line_of           (const char           *data,
                                           gsize                 offset);
JsonNode     *_sam_file_parse_json        (const char           *data,
                                           gsize                 length,
                                           const char           *name,
                                           GError              **error);

/* Checking values: the small API every table and section of the format
 * uses (docs/file-format.md, "Checking values").  Each returns %FALSE with
 * a one-line error naming @name, @path and the problem. */
#define SAM_FILE_MAX_TIME       253402300799.0   /* 9999-12-31T23:59:59Z */
#define SAM_FILE_MAX_POSITION   2147483647.0
#define SAM_FILE_MAX_COORDINATE 1000000.0

void          _sam_file_default_range     (const char           *column,
                                           char                  type,
                                           double               *min,
                                           double               *max);
gboolean      _sam_file_check_int         (JsonNode             *node,
                                           double                min,
                                           double                max,
                                           const char           *name,
                                           const char           *path,
                                           gint64               *value,
                                           GError              **error);
gboolean      _sam_file_check_real        (JsonNode             *node,
                                           double                min,
                                           double                max,
                                           const char           *name,
                                           const char           *path,
                                           double               *value,
                                           GError              **error);
gboolean      _sam_file_check_text        (JsonNode             *node,
                                           double                min,
                                           double                max,
                                           const char           *name,
                                           const char           *path,
                                           const char          **value,
                                           GError              **error);
gboolean      _sam_file_check_column      (SamFileColumn        *column,
                                           JsonNode             *node,
                                           const char           *name,
                                           const char           *path,
                                           GError              **error);

/* Shared by the import (sam-workshop-file-import.c) and the merge. */
typedef struct
{
  SamWorkshopFile *file;
  SamStore        *store;
  gboolean         fresh_uuids;   /* import as new: every uuid is replaced */
  GHashTable      *file_uuids;    /* uuid → table, everything in the file */
  GHashTable      *ids;           /* file uuid → local id (gint64 *) */
  GHashTable      *new_uuids;     /* file uuid → its new uuid, when fresh */
  GPtrArray       *deferred;      /* Deferred */
  gint64           workshop_id;
  gint64           now;
} ImportContext;

typedef struct
{
  const char *table;
  const char *column;
  gint64      id;
  char       *target;
  char       *path;
} Deferred;

void          _sam_import_context_init    (ImportContext        *ctx,
                                           SamWorkshopFile      *file,
                                           SamStore             *store,
                                           gboolean              fresh_uuids);
void          _sam_import_context_clear   (ImportContext        *ctx);
gboolean      _sam_import_check_rows      (ImportContext        *ctx,
                                           GError              **error);
void          _sam_import_remember_id     (ImportContext        *ctx,
                                           const char           *uuid,
                                           gint64                id);
gint64        _sam_import_lookup_local_id (SamStore             *store,
                                           const char           *table,
                                           const char           *uuid);
gboolean      _sam_import_step_statement  (ImportContext        *ctx,
                                           sqlite3_stmt         *stmt,
                                           const char           *path,
                                           GError              **error);
gboolean      _sam_import_insert_row      (ImportContext        *ctx,
                                           SamFileTable         *table,
                                           JsonObject           *row,
                                           const char           *path,
                                           gboolean              check_only,
                                           GError              **error);
gboolean      _sam_import_apply_deferred  (ImportContext        *ctx,
                                           GError              **error);
void          _sam_import_defer           (ImportContext        *ctx,
                                           SamFileTable         *table,
                                           SamFileColumn        *column,
                                           JsonObject           *row,
                                           gint64                id,
                                           char                 *path);
gboolean      _sam_import_bind_value      (ImportContext        *ctx,
                                           SamFileTable         *table,
                                           SamFileColumn        *column,
                                           sqlite3_stmt         *stmt,
                                           int                   index,
                                           JsonNode             *node,
                                           const char           *path,
                                           gboolean             *defer,
                                           GError              **error);

G_END_DECLS
