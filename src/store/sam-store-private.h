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

/* A module's additions to the schema: the SQL of its migration and the
 * registries that let the core trash, restore and count its rows. */
typedef struct
{
  const char *const *trash_tables;
  const char *const *team_cascade;
  const char *const *team_content_count;
} SamSchemaModule;

extern const char sam_schema_decide_sql[];
extern const SamSchemaModule sam_schema_decide_module;
extern const char sam_schema_map_sql[];
extern const SamSchemaModule sam_schema_map_module;

const SamMigration *_sam_store_get_migrations  (guint *n_migrations);
const char *const  *_sam_store_get_trash_tables (void);
const char *const  *_sam_store_get_team_cascade (void);
const char *const  *_sam_store_get_team_content_count (void);

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
GHashTable   *_sam_store_get_team_lists (SamStore     *self);
SamWorkshop  *_sam_store_lookup_workshop (SamStore    *self,
                                          gint64       id);
GHashTable   *_sam_store_get_cache      (SamStore     *self,
                                         const char   *name);
gboolean      _sam_store_touch_owner    (SamStore     *self,
                                         const char   *table,
                                         gint64        id,
                                         GError      **error);
gboolean      _sam_store_bind_run       (SamStore     *self,
                                         const char   *sql,
                                         gint64        a,
                                         gint64        b,
                                         GError      **error);

/* Implemented in sam-store-list.c */
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
void          _sam_store_reload_card_links (SamStore  *self);
void          _sam_store_forget_workshop (SamStore    *self,
                                          gint64       workshop_id);

G_END_DECLS
