/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* For the store's own files and for exercise modules that add tables.
 *
 * Rules every table follows (see docs/architecture.md):
 *  - an INTEGER PRIMARY KEY `id` and a `uuid TEXT NOT NULL UNIQUE`;
 *  - a nullable `trash INTEGER`: NULL is live, otherwise the batch number of
 *    the delete that put it there, so Undo restores a whole batch at once;
 *  - reads filter `trash IS NULL`; every edit runs inside
 *    _sam_store_begin()/_sam_store_commit() and touches its workshop. */

typedef struct
{
  guint       version;
  const char *description;
  const char *sql;
} SamMigration;

/* One foreign key of an exported table: @column holds the id of a row of
 * @table.  In a workshop file it is written as that row's uuid. */
typedef struct
{
  const char *column;
  const char *table;
} SamExportRef;

/* The values a column may hold in a workshop file (docs/file-format.md,
 * "Ranges"): a number column from @min to @max, a text column from @min to
 * @max characters.  A column without an entry gets the defaults there
 * (times, positions, coordinates, text length).  Ended by `{ NULL }`. */
typedef struct
{
  const char *column;
  double      min;
  double      max;
} SamExportRange;

/* How one table travels in a workshop file (docs/file-format.md).  Export
 * writes every column but `id`, `trash` and @workshop_column; foreign keys
 * are written as uuids, so the file never depends on local ids.
 *  @name: the table; parents come before the tables that point to them
 *  @workshop_column: the column tying a row to its workshop; "id" for the
 *    `workshop` table itself
 *  @refs: its foreign keys, ended by `{ NULL }` (a foreign key SQLite
 *    knows of but that is missing here is still handled, as a safety net)
 *  @team_columns: NULL-terminated columns naming the teams a row is
 *    confidential to; a team packet or contribution for team T carries a
 *    row only when every such column is NULL or one of them is T.  NULL:
 *    the row is shared with every team.
 *  @shared_where: (nullable): an SQL condition on the row under which it
 *    travels to every team even though its @team_columns name another one
 *    (a brainstorm's ideas: every team votes on all of them)
 *  @coach_columns: NULL-terminated columns only the coach sees (private
 *    notes): cleared in team packets and contributions
 *  @label_column: a text column that names a row in a merge preview
 *  @workshop_only: the rows travel only with a whole workshop, never in a
 *    team packet or contribution (e.g. a snapshot that holds every team's
 *    data in one opaque value)
 *  @ranges: the allowed values of its number and text columns
 *  @uuid_columns: NULL-terminated text columns that hold uuids of other
 *    rows (JSON settings, a snapshot of the map): on an import as a new
 *    workshop the uuids in them are rewritten with the rows' new ones */
typedef struct
{
  const char         *name;
  const char         *workshop_column;
  const SamExportRef *refs;
  const char *const  *team_columns;
  const char         *shared_where;
  const char *const  *coach_columns;
  const char         *label_column;
  gboolean            workshop_only;
  const SamExportRange *ranges;
  const char *const  *uuid_columns;
} SamExportTable;

/* A module's additions to the schema: the SQL of its migration and the
 * registries that let the core trash, restore, count and export its rows.
 * @exports ends with an entry whose name is NULL. */
typedef struct
{
  const char *const    *trash_tables;
  const char *const    *team_cascade;
  const char *const    *team_content_count;
  const SamExportTable *exports;
} SamSchemaModule;

extern const char sam_schema_decide_sql[];
extern const SamSchemaModule sam_schema_decide_module;
extern const char sam_schema_map_sql[];
extern const SamSchemaModule sam_schema_map_module;
extern const char sam_schema_file_sql[];
extern const char sam_schema_team_mode_sql[];
extern const char sam_schema_room_packet_sql[];
extern const char sam_schema_live_sql[];
extern const char sam_schema_live_deletion_sql[];
extern const SamSchemaModule sam_schema_file_module;
extern const char sam_schema_checklist_sql[];
extern const SamSchemaModule sam_schema_checklist_module;
extern const char sam_schema_feedback_sql[];
extern const SamSchemaModule sam_schema_feedback_module;

const SamMigration *_sam_store_get_migrations  (guint *n_migrations);
const char *const  *_sam_store_get_trash_tables (void);
const char *const  *_sam_store_get_team_cascade (void);
const char *const  *_sam_store_get_team_content_count (void);
const SamExportTable *const *_sam_store_get_exports (void);
const SamExportTable *_sam_store_find_export (const char *name);

typedef struct _SamStoreCheck SamStoreCheck;

SamStoreCheck *_sam_store_check_new     (const char     *path);
SamStoreCheck *_sam_store_check_ref     (SamStoreCheck  *check);
void           _sam_store_check_unref   (SamStoreCheck  *check);
gboolean       _sam_store_check_wait    (SamStoreCheck  *check,
                                         GError        **error);
SamStoreCheck *_sam_store_get_check     (SamStore       *self);
void           _sam_store_set_path_error (GError       **error,
                                          const char    *path,
                                          int            rc,
                                          const char    *detail);

sqlite3      *_sam_store_get_db         (SamStore     *self);
sqlite3_stmt *_sam_store_prepare        (SamStore     *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      _sam_store_step_done      (SamStore     *self,
                                         sqlite3_stmt *stmt,
                                         GError      **error);
gboolean      _sam_store_exec           (SamStore     *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      _sam_store_begin          (SamStore     *self,
                                         GError      **error);
gboolean      _sam_store_commit         (SamStore     *self,
                                         GError      **error);
void          _sam_store_rollback       (SamStore     *self);
typedef void (*SamStoreCommitFunc) (gpointer data);
gboolean      _sam_store_track_changes  (SamStore     *self);
GHashTable   *_sam_store_take_changes   (SamStore     *self);
void          _sam_store_set_commit_func (SamStore           *self,
                                          SamStoreCommitFunc  func,
                                          gpointer            data);
void          _sam_store_set_synced_commits (SamStore *self,
                                             gboolean  synced);
void          _sam_store_prune_backups  (SamStore     *self,
                                         GPtrArray    *uuids);
gint64        _sam_store_next_batch     (SamStore     *self);
gboolean      _sam_store_touch_workshop (SamStore     *self,
                                         gint64        workshop_id,
                                         GError      **error);
void          _sam_store_set_error      (SamStore     *self,
                                         GError      **error,
                                         int           rc);
char         *_sam_store_dup_column     (sqlite3_stmt *stmt,
                                         int           column);
gint64        _sam_store_now            (void);

/* Implemented in sam-store-workshops.c */
gboolean      _sam_store_load_workshops (SamStore     *self,
                                         GError      **error);
void          _sam_store_reload_teams   (SamStore     *self);
GListStore   *_sam_store_get_workshop_list (SamStore  *self);
SamWorkshop  *_sam_store_lookup_workshop (SamStore    *self,
                                          gint64       id);
GHashTable   *_sam_store_get_cache      (SamStore     *self,
                                         const char   *name);
gboolean      _sam_store_touch_owner    (SamStore     *self,
                                         const char   *table,
                                         gint64        id,
                                         GError      **error);
gboolean      _sam_store_validate_name  (const char   *name,
                                         GError      **error);
gboolean      _sam_store_bind_run       (SamStore     *self,
                                         const char   *sql,
                                         gint64        a,
                                         gint64        b,
                                         GError      **error);

/**
 * SamListKind:
 * @name: the cache's name
 * @get_type: the type of the objects
 * @sql: the SELECT of one owner's live rows, ?1 the owner's id, in order
 * @from_row: makes an object from a row of @sql
 * @ids_sql: (nullable): the ids of @sql's rows, in the same order
 * @row_sql: (nullable): @sql's columns of the row with id ?1 if it is
 *   live; with @ids_sql, lets _sam_store_refresh_lists() read only
 *   changed rows
 * @get_id: (nullable): an object's "id" without GValues; a list of a kind
 *   with it keeps its ids beside it, in order
 * @get_owner: (nullable): the owner's id of an object (what ?1 of @sql
 *   matches)
 * @get_position: (nullable): an object's place: @sql orders by it, then
 *   by id.  With @get_id, @get_owner and @row_sql, a refresh of a few
 *   rows touches only the part of a list between their old and new places
 *
 * Describes a kind of live list (teams of a workshop, cards of a step, ...).
 */
typedef struct
{
  const char *name;
  GType     (*get_type) (void);
  const char *sql;
  gpointer  (*from_row) (sqlite3_stmt *stmt);
  const char *ids_sql;
  const char *row_sql;
  gint64    (*get_id) (gpointer item);
  gint64    (*get_owner) (gpointer item);
  guint     (*get_position) (gpointer item);
} SamListKind;

/* Implemented in sam-store-list.c */
gboolean      _sam_store_load_rows      (SamStore           *self,
                                         const SamListKind  *kind,
                                         gint64              owner_id,
                                         GListStore         *list,
                                         GError            **error);
GListStore   *_sam_store_get_list       (SamStore           *self,
                                         const SamListKind  *kind,
                                         gint64              owner_id);
void          _sam_store_reload_lists   (SamStore           *self,
                                         const SamListKind  *kind);
void          _sam_store_refresh_lists  (SamStore           *self,
                                         const SamListKind  *kind,
                                         GHashTable         *changed);
gboolean      _sam_store_update_column  (SamStore           *self,
                                         const char         *table,
                                         gpointer            object,
                                         const char         *sql,
                                         const GValue       *value,
                                         const char         *property,
                                         GError            **error);
gboolean      _sam_store_move_in_list   (SamStore     *self,
                                         const char   *table,
                                         GListStore   *list,
                                         gpointer      item,
                                         guint         position,
                                         GError      **error);
void          _sam_store_merge_list     (GListStore   *list,
                                         GPtrArray    *fresh);
gboolean      _sam_store_validate_text  (const char   *text,
                                         glong         max_chars,
                                         gboolean      allow_empty,
                                         GError      **error);
gboolean      _sam_store_trash_rows     (SamStore           *self,
                                         const char         *table,
                                         gint64              id,
                                         const char *const  *cascade,
                                         gint64             *out_batch,
                                         GError            **error);

/* Implemented in sam-store-agenda.c and sam-store-cards.c */
void          _sam_store_reload_steps   (SamStore     *self);
void          _sam_store_reload_cards   (SamStore     *self);
void          _sam_store_refresh_cards  (SamStore     *self,
                                         GHashTable   *changed);
void          _sam_store_reload_card_links (SamStore  *self);
gboolean      _sam_store_trash_cards_by_uuid   (SamStore           *self,
                                                gint64              workshop_id,
                                                const char *const  *uuids,
                                                gint64             *out_batch,
                                                guint              *out_n,
                                                GError            **error);
gboolean      _sam_store_restore_cards_by_uuid (SamStore           *self,
                                                gint64              workshop_id,
                                                const char *const  *uuids,
                                                GError            **error);
void          _sam_store_forget_workshop (SamStore    *self,
                                          gint64       workshop_id);

G_END_DECLS
