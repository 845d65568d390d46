/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store-private.h"
#include "sam-store-decide.h"

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The live lists of the deciding exercises, one per step and kind, kept in
 * the store's caches like the cards. */
typedef enum
{
  SAM_DECIDE_CLUSTERS,
  SAM_DECIDE_AGREEMENTS,
  SAM_DECIDE_REVIEWS,
  SAM_DECIDE_ABSENT_PLANS,
  SAM_DECIDE_N_LISTS,
} SamDecideList;

GListStore *_sam_decide_list_of     (SamStore      *self,
                                     SamDecideList  which,
                                     gint64         step_id);
void        _sam_decide_reload      (SamStore      *self,
                                     SamDecideList  which,
                                     gint64         step_id);
gpointer    _sam_decide_find        (SamStore      *self,
                                     SamDecideList  which,
                                     gint64         step_id,
                                     gint64         id);
gpointer    _sam_decide_add         (SamStore      *self,
                                     SamDecideList  which,
                                     const char    *table,
                                     SamStep       *step,
                                     const char    *sql,
                                     const char    *text,
                                     gint64         team_id,
                                     GError       **error);
gboolean    _sam_decide_update      (SamStore      *self,
                                     const char    *table,
                                     const char    *column,
                                     gint64         id,
                                     const GValue  *value,
                                     GError       **error);
gboolean    _sam_decide_text_column (SamStore      *self,
                                     const char    *table,
                                     const char    *column,
                                     gpointer       object,
                                     const char    *property,
                                     const char    *value,
                                     GError       **error);
gboolean    _sam_decide_trash       (SamStore      *self,
                                     const char    *table,
                                     SamDecideList  which,
                                     gpointer       object,
                                     gint64        *out_batch,
                                     GError       **error);
guint       _sam_decide_next_position (SamStore    *self,
                                     const char    *table,
                                     gint64         step_id);
void        _sam_decide_bind_text   (sqlite3_stmt  *stmt,
                                     int            column,
                                     const char    *text);

/* A step's settings are a JSON object: "vote-budget" (int),
 * "votes-revealed" (bool), "debate-kpi" (string), "debate-turn" (a team's
 * id). */
JsonObject *_sam_decide_settings_of  (SamStep       *step);
gint64      _sam_decide_setting_int  (SamStep       *step,
                                      const char    *key,
                                      gint64         fallback);
gboolean    _sam_decide_store_setting (SamStore     *self,
                                      SamStep       *step,
                                      const char    *key,
                                      JsonNode      *value,
                                      GError       **error);

G_END_DECLS
