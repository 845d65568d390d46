/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-store-checklist.h"
#include "sam-store-decide-private.h"

/* Team and leadership checklists (schema version 7).  A checklist step
 * holds its statements (checklist_item); the step's setting "checklist"
 * names the list they came from ("team", "leadership", or "own-<uuid>" for
 * the coach's own), so a follow-up finds the same list in the workshop it
 * follows.  Answers are stored per team and, when a laptop is passed
 * round, per anonymous person of that team. */

#define MAX_THEME 200
#define MAX_TEXT 1000

typedef struct
{
  const char *key;
  const char *theme;
  const char *text;
} Statement;

/* Written for Samenspel; each theme has three statements. */
static const Statement team_statements[] = {
  { "team-goals-1", N_("Goals and roles"), N_("We know what our team is there for and what it has to achieve this year.") },
  { "team-goals-2", N_("Goals and roles"), N_("Everyone knows who does what in our team.") },
  { "team-goals-3", N_("Goals and roles"), N_("When priorities clash, we know who decides.") },
  { "team-meet-1", N_("How we meet"), N_("Our meetings end with clear decisions and who does what.") },
  { "team-meet-2", N_("How we meet"), N_("Everyone gets a turn to speak in our meetings.") },
  { "team-meet-3", N_("How we meet"), N_("We spend our meeting time on what matters most.") },
  { "team-feedback-1", N_("Feedback"), N_("We tell each other openly when something goes wrong.") },
  { "team-feedback-2", N_("Feedback"), N_("We say so when a colleague does good work.") },
  { "team-feedback-3", N_("Feedback"), N_("We ask other teams how our work lands with them.") },
  { "team-trust-1", N_("Trust between teams"), N_("We know what the other teams need from us.") },
  { "team-trust-2", N_("Trust between teams"), N_("When something goes wrong between teams, we talk to each other, not about each other.") },
  { "team-trust-3", N_("Trust between teams"), N_("We trust that the other teams do their best for the same customers.") },
  { "team-customer-1", N_("Customer focus"), N_("We know what our customers find important.") },
  { "team-customer-2", N_("Customer focus"), N_("What customers say about us reaches our team directly.") },
  { "team-customer-3", N_("Customer focus"), N_("We change how we work when customers tell us something does not work.") },
  { NULL }
};

static const Statement leadership_statements[] = {
  { "lead-direction-1", N_("Direction"), N_("Our leaders explain where the organisation is heading, and why.") },
  { "lead-direction-2", N_("Direction"), N_("I see how my work contributes to the goals.") },
  { "lead-direction-3", N_("Direction"), N_("Our leaders hold on to the direction, also when it gets busy.") },
  { "lead-support-1", N_("Support"), N_("When I get stuck, I can go to my manager.") },
  { "lead-support-2", N_("Support"), N_("Our leaders clear obstacles that teams cannot clear themselves.") },
  { "lead-support-3", N_("Support"), N_("Our leaders make time for the teams.") },
  { "lead-example-1", N_("Example"), N_("Our leaders do what they ask of others.") },
  { "lead-example-2", N_("Example"), N_("Our leaders work together across the borders of their teams.") },
  { "lead-example-3", N_("Example"), N_("Our leaders admit their own mistakes.") },
  { "lead-decisions-1", N_("Decisions"), N_("Decisions are taken in time.") },
  { "lead-decisions-2", N_("Decisions"), N_("We understand why a decision was taken.") },
  { "lead-decisions-3", N_("Decisions"), N_("Those who carry out a decision are heard before it is taken.") },
  { "lead-growth-1", N_("Growth"), N_("There is room to learn and to try something new.") },
  { "lead-growth-2", N_("Growth"), N_("Our leaders talk with us about how we can grow.") },
  { "lead-growth-3", N_("Growth"), N_("Good work and progress get noticed.") },
  { NULL }
};

static const SamChecklistBuiltin builtins[] = {
  { "team", N_("Team Checklist"),
    N_("Fifteen statements on goals and roles, meetings, feedback, trust between teams and customer focus.") },
  { "leadership", N_("Leadership Checklist"),
    N_("Fifteen statements on direction, support, example, decisions and growth.") },
};

/**
 * sam_checklist_get_builtins:
 * @n_builtins: (out): how many there are
 *
 * Returns: (array length=n_builtins): the checklists Samenspel brings; the
 *   titles and descriptions are untranslated (N_())
 */
const SamChecklistBuiltin *
sam_checklist_get_builtins (guint *n_builtins)
{
  *n_builtins = G_N_ELEMENTS (builtins);
  return builtins;
}

static const Statement *
statements_of (const char *builtin)
{
  if (g_strcmp0 (builtin, "team") == 0)
    return team_statements;
  if (g_strcmp0 (builtin, "leadership") == 0)
    return leadership_statements;
  return NULL;
}

static GObject *
item_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _sam_store_dup_column (stmt, 1);
  g_autofree char *key = _sam_store_dup_column (stmt, 3);
  g_autofree char *theme = _sam_store_dup_column (stmt, 4);
  g_autofree char *text = _sam_store_dup_column (stmt, 5);

  return g_object_new (SAM_TYPE_CHECKLIST_ITEM,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "step-id", sqlite3_column_int64 (stmt, 2),
                       "key", key,
                       "theme", theme,
                       "text", text,
                       "position", (guint) sqlite3_column_int (stmt, 6),
                       NULL);
}

static const SamListKind item_kind = {
  "checklist-items",
  sam_checklist_item_get_type,
  "SELECT id, uuid, step_id, key, theme, text, position FROM checklist_item "
  "WHERE step_id = ?1 AND trash IS NULL ORDER BY position, id",
  (gpointer (*) (sqlite3_stmt *)) item_from_row,
};

static void
reload_items (SamStore *self)
{
  _sam_store_reload_lists (self, &item_kind);
}

/**
 * sam_store_get_checklist_items:
 * @self: a #SamStore
 * @step: a live checklist step
 *
 * Returns: (transfer none): the live list of the step's #SamChecklistItem,
 *   in order
 */
GListModel *
sam_store_get_checklist_items (SamStore *self,
                               SamStep  *step)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  /* Undo brings statements back behind the list's back. */
  if (g_object_get_data (G_OBJECT (self), "checklist-watching") == NULL)
    {
      g_object_set_data (G_OBJECT (self), "checklist-watching", GINT_TO_POINTER (TRUE));
      g_signal_connect (self, "restored", G_CALLBACK (reload_items), NULL);
    }

  return G_LIST_MODEL (_sam_store_get_list (self, &item_kind, sam_step_get_id (step)));
}

/**
 * sam_store_dup_checklist_name:
 * @step: a checklist step
 *
 * Returns: (transfer full) (nullable): which list the step holds: "team",
 *   "leadership", "own-…", or %NULL while it holds none
 */
char *
sam_store_dup_checklist_name (SamStep *step)
{
  g_autoptr(JsonObject) settings = NULL;
  JsonNode *node;

  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  settings = _sam_decide_settings_of (step);
  node = json_object_get_member (settings, "checklist");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

static gboolean
validate (const char  *text,
          glong        max_chars,
          const char  *empty_message,
          GError     **error)
{
  g_autofree char *stripped = NULL;

  if (!_sam_store_validate_text (text, max_chars, TRUE, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, empty_message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_item (SamStore    *self,
             SamStep     *step,
             const char  *key,
             const char  *theme,
             const char  *text,
             guint        position,
             GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *stripped_theme = g_strstrip (g_strdup (theme));
  g_autofree char *stripped_text = g_strstrip (g_strdup (text));
  sqlite3_stmt *stmt;

  stmt = _sam_store_prepare (self, "INSERT INTO checklist_item (uuid, workshop_id, step_id, key, theme, text, position) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_step_get_workshop_id (step));
  sqlite3_bind_int64 (stmt, 3, sam_step_get_id (step));
  /* A statement of the coach's own is known by its first uuid. */
  sqlite3_bind_text (stmt, 4, key ? key : uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, stripped_theme, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, stripped_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, position);
  return _sam_store_step_done (self, stmt, error);
}

static gboolean
has_items (SamStore *self,
           gint64    step_id)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "SELECT COUNT(*) FROM checklist_item WHERE step_id = ?1 AND trash IS NULL", NULL);
  gboolean any = FALSE;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, step_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    any = sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return any;
}

static gboolean
finish_fill (SamStore    *self,
             SamStep     *step,
             const char  *name,
             GError     **error)
{
  if (!_sam_store_touch_workshop (self, sam_step_get_workshop_id (step), error) ||
      !_sam_decide_store_setting (self, step, "checklist", json_node_init_string (json_node_alloc (), name), error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  if (!_sam_store_commit (self, error))
    return FALSE;

  _sam_store_reload_lists (self, &item_kind);
  return TRUE;
}

static gboolean
refuse_filled (SamStore  *self,
               SamStep   *step,
               GError   **error)
{
  if (!has_items (self, sam_step_get_id (step)))
    return FALSE;

  g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("This checklist already has statements"));
  return TRUE;
}

/**
 * sam_store_fill_checklist:
 * @self: a #SamStore
 * @step: a live checklist step without statements
 * @builtin: (nullable): "team" or "leadership" for a built-in list (in
 *   the current language), %NULL to start a list of the coach's own
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_fill_checklist (SamStore    *self,
                          SamStep     *step,
                          const char  *builtin,
                          GError     **error)
{
  return sam_store_fill_checklist_translated (self, step, builtin, NULL, NULL, error);
}

static const char *
translate_here (const char *msgid,
                gpointer    user_data)
{
  return _(msgid);
}

/**
 * sam_store_fill_checklist_translated:
 * @self: a #SamStore
 * @step: a live checklist step without statements
 * @builtin: (nullable): "team" or "leadership" for a built-in list, %NULL
 *   to start a list of the coach's own
 * @translate: (nullable) (scope call): gives a built-in statement and its
 *   theme in the workshop's language; %NULL for the current language
 * @user_data: data for @translate
 * @error: return location for a #GError
 *
 * Like sam_store_fill_checklist(), with the built-in list in the language
 * @translate gives (a Dutch app preparing a French workshop).
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_fill_checklist_translated (SamStore                 *self,
                                     SamStep                  *step,
                                     const char               *builtin,
                                     SamChecklistTranslateFunc translate,
                                     gpointer                  user_data,
                                     GError                  **error)
{
  const Statement *statements = statements_of (builtin);
  g_autofree char *name = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);
  g_return_val_if_fail (builtin == NULL || statements != NULL, FALSE);

  if (refuse_filled (self, step, error) || !_sam_store_begin (self, error))
    return FALSE;

  for (guint i = 0; statements != NULL && statements[i].key != NULL; i++)
    if (!insert_item (self, step, statements[i].key,
                      (translate != NULL ? translate : translate_here) (statements[i].theme, user_data),
                      (translate != NULL ? translate : translate_here) (statements[i].text, user_data),
                      i, error))
      {
        _sam_store_rollback (self);
        return FALSE;
      }

  if (builtin != NULL)
    name = g_strdup (builtin);
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();
      name = g_strconcat (SAM_CHECKLIST_OWN_PREFIX, uuid, NULL);
    }

  return finish_fill (self, step, name, error);
}

/**
 * sam_store_copy_checklist:
 * @self: a #SamStore
 * @step: a live checklist step without statements
 * @from_step_id: a checklist step, usually of the workshop this one follows
 * @error: return location for a #GError
 *
 * Copies the statements (not the answers) of @from_step_id, keeping their
 * keys and the list's name, so the two can be compared.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_copy_checklist (SamStore    *self,
                          SamStep     *step,
                          gint64       from_step_id,
                          GError     **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  guint position = 0;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);

  if (refuse_filled (self, step, error) || !_sam_store_begin (self, error))
    return FALSE;

  stmt = _sam_store_prepare (self, "SELECT key, theme, text, (SELECT json_extract(settings, '$.checklist') FROM step "
                             "WHERE id = ?1) FROM checklist_item WHERE step_id = ?1 AND trash IS NULL "
                             "ORDER BY position, id", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, from_step_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = _sam_store_dup_column (stmt, 0);
      g_autofree char *theme = _sam_store_dup_column (stmt, 1);
      g_autofree char *text = _sam_store_dup_column (stmt, 2);

      if (name == NULL && sqlite3_column_type (stmt, 3) == SQLITE_TEXT)
        name = _sam_store_dup_column (stmt, 3);
      /* The statement reads the rows of another step: copy them first. */
      if (!insert_item (self, step, key, theme, text, position++, error))
        {
          sqlite3_reset (stmt);
          goto failed;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      goto failed;
    }

  if (name == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      name = g_strconcat (SAM_CHECKLIST_OWN_PREFIX, uuid, NULL);
    }

  return finish_fill (self, step, name, error);

failed:
  _sam_store_rollback (self);
  return FALSE;
}

static guint
next_position (SamStore *self,
               gint64    step_id)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "SELECT COALESCE(MAX(position) + 1, 0) FROM checklist_item "
                                           "WHERE step_id = ?1", NULL);
  guint position = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, step_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return position;
}

static SamChecklistItem *
find_item (SamStore *self,
           SamStep  *step,
           gint64    id)
{
  GListModel *items = sam_store_get_checklist_items (self, step);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SamChecklistItem) item = g_list_model_get_item (items, i);

      if (sam_checklist_item_get_id (item) == id)
        return item;
    }

  return NULL;
}

/**
 * sam_store_add_checklist_item:
 * @self: a #SamStore
 * @step: a live checklist step
 * @theme: the statement's theme; not empty
 * @text: the statement; not empty
 * @error: return location for a #GError
 *
 * Adds a statement of the coach's own at the end of the list.  A step that
 * held no list yet becomes the coach's own list.
 *
 * Returns: (transfer none) (nullable): the new statement
 */
SamChecklistItem *
sam_store_add_checklist_item (SamStore    *self,
                              SamStep     *step,
                              const char  *theme,
                              const char  *text,
                              GError     **error)
{
  g_autofree char *name = NULL;
  gint64 id;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  if (!validate (theme, MAX_THEME, _("A statement needs a theme"), error) ||
      !validate (text, MAX_TEXT, _("An empty statement is not kept; type something first"), error))
    return NULL;

  name = sam_store_dup_checklist_name (step);
  if (name == NULL && !sam_store_fill_checklist (self, step, NULL, error))
    return NULL;

  if (!_sam_store_begin (self, error))
    return NULL;

  if (!insert_item (self, step, NULL, theme, text, next_position (self, sam_step_get_id (step)), error) ||
      !_sam_store_touch_workshop (self, sam_step_get_workshop_id (step), error))
    {
      _sam_store_rollback (self);
      return NULL;
    }

  id = sqlite3_last_insert_rowid (_sam_store_get_db (self));
  if (!_sam_store_commit (self, error))
    return NULL;

  _sam_store_reload_lists (self, &item_kind);
  return find_item (self, step, id);
}

static gboolean
set_column (SamStore          *self,
            SamChecklistItem  *item,
            const char        *column,
            const char        *text,
            GError           **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *sql = g_strdup_printf ("UPDATE checklist_item SET %s = ?1 WHERE id = ?2", column);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);
  return _sam_store_update_column (self, "checklist_item", item, sql, &value, column, error);
}

/**
 * sam_store_set_checklist_item_text:
 * @self: a #SamStore
 * @item: a live statement
 * @text: the new statement; not empty
 * @error: return location for a #GError
 *
 * The statement keeps its key: its answers and its history stay with it.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_set_checklist_item_text (SamStore          *self,
                                   SamChecklistItem  *item,
                                   const char        *text,
                                   GError           **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (item), FALSE);

  if (!validate (text, MAX_TEXT, _("An empty statement is not kept; type something first"), error))
    return FALSE;

  return set_column (self, item, "text", text, error);
}

/**
 * sam_store_set_checklist_item_theme:
 * @self: a #SamStore
 * @item: a live statement
 * @theme: the new theme; not empty
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_set_checklist_item_theme (SamStore          *self,
                                    SamChecklistItem  *item,
                                    const char        *theme,
                                    GError           **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (item), FALSE);

  if (!validate (theme, MAX_THEME, _("A statement needs a theme"), error))
    return FALSE;

  return set_column (self, item, "theme", theme, error);
}

/**
 * sam_store_rename_checklist_theme:
 * @self: a #SamStore
 * @step: a live checklist step
 * @theme: a theme of its statements
 * @name: the theme's new name; not empty
 * @error: return location for a #GError
 *
 * Renames the theme of every statement in @theme, in one transaction.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_rename_checklist_theme (SamStore    *self,
                                  SamStep     *step,
                                  const char  *theme,
                                  const char  *name,
                                  GError     **error)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);

  if (!validate (name, MAX_THEME, _("A statement needs a theme"), error) || !_sam_store_begin (self, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  stmt = _sam_store_prepare (self, "UPDATE checklist_item SET theme = ?1 WHERE step_id = ?2 AND theme = ?3 "
                             "AND trash IS NULL", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_step_get_id (step));
  sqlite3_bind_text (stmt, 3, theme, -1, SQLITE_TRANSIENT);
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, sam_step_get_workshop_id (step), error))
    goto failed;

  if (!_sam_store_commit (self, error))
    return FALSE;

  _sam_store_reload_lists (self, &item_kind);
  return TRUE;

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/**
 * sam_store_trash_checklist_item:
 * @self: a #SamStore
 * @item: a live statement
 * @out_batch: (out) (optional): the number for sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Puts the statement and its answers in the trash.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_checklist_item (SamStore          *self,
                                SamChecklistItem  *item,
                                gint64            *out_batch,
                                GError           **error)
{
  static const char *const cascade[] = {
    "UPDATE checklist_score SET trash = ?1 WHERE trash IS NULL AND item_id = ?2",
    NULL
  };

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (item), FALSE);

  if (!_sam_store_trash_rows (self, "checklist_item", sam_checklist_item_get_id (item), cascade, out_batch, error))
    return FALSE;

  _sam_store_reload_lists (self, &item_kind);
  return TRUE;
}

/**
 * sam_store_set_checklist_score:
 * @self: a #SamStore
 * @item: a live statement
 * @team: the team that answers
 * @person: 0 for the team's common answer; 1, 2, ... for the people who
 *   answer one after another on the team's laptop
 * @score: 1–5, %SAM_CHECKLIST_DONT_KNOW, or %SAM_CHECKLIST_NO_ANSWER to
 *   take the answer back
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_set_checklist_score (SamStore          *self,
                               SamChecklistItem  *item,
                               SamTeam           *team,
                               guint              person,
                               int                score,
                               GError           **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (item), FALSE);
  g_return_val_if_fail (SAM_IS_TEAM (team), FALSE);

  if (score < SAM_CHECKLIST_NO_ANSWER || score > SAM_CHECKLIST_MAX_SCORE || person > 10000)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A score is a number from 1 to 5, or “don’t know”"));
      return FALSE;
    }

  if (!_sam_store_begin (self, error))
    return FALSE;

  /* A taken-back answer leaves no trace; a changed one keeps its row (and
   * uuid), so a team's laptop and the coach's merge it as the same row. */
  stmt = _sam_store_prepare (self, score == SAM_CHECKLIST_NO_ANSWER
                             ? "DELETE FROM checklist_score WHERE item_id = ?1 AND team_id = ?2 AND person = ?3"
                             : "UPDATE checklist_score SET score = ?4 WHERE item_id = ?1 AND team_id = ?2 "
                               "AND person = ?3", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, sam_checklist_item_get_id (item));
  sqlite3_bind_int64 (stmt, 2, sam_team_get_id (team));
  sqlite3_bind_int (stmt, 3, person);
  if (score != SAM_CHECKLIST_NO_ANSWER)
    sqlite3_bind_int (stmt, 4, score);
  if (!_sam_store_step_done (self, stmt, error))
    goto failed;

  if (score != SAM_CHECKLIST_NO_ANSWER && sqlite3_changes (_sam_store_get_db (self)) == 0)
    {
      stmt = _sam_store_prepare (self, "INSERT INTO checklist_score (uuid, workshop_id, item_id, team_id, person, score) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, sam_team_get_workshop_id (team));
      sqlite3_bind_int64 (stmt, 3, sam_checklist_item_get_id (item));
      sqlite3_bind_int64 (stmt, 4, sam_team_get_id (team));
      sqlite3_bind_int (stmt, 5, person);
      sqlite3_bind_int (stmt, 6, score);
      if (!_sam_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!_sam_store_touch_workshop (self, sam_team_get_workshop_id (team), error))
    goto failed;

  return _sam_store_commit (self, error);

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/**
 * sam_store_get_checklist_answers:
 * @self: a #SamStore
 * @step: a live checklist step
 * @team_id: the answering team
 * @person: 0 for the team's answers, or the number of one person
 *
 * Returns: (transfer full) (element-type gint64 int): the statement id
 *   (a #gint64 key) → score (GINT_TO_POINTER (score + 1)) of every answer
 *   given, so a missing key is "no answer yet"
 */
GHashTable *
sam_store_get_checklist_answers (SamStore *self,
                                 SamStep  *step,
                                 gint64    team_id,
                                 guint     person)
{
  GHashTable *answers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), answers);
  g_return_val_if_fail (SAM_IS_STEP (step), answers);

  stmt = _sam_store_prepare (self, "SELECT s.item_id, s.score FROM checklist_score s "
                             "JOIN checklist_item i ON i.id = s.item_id AND i.trash IS NULL "
                             "WHERE i.step_id = ?1 AND s.team_id = ?2 AND s.person = ?3 AND s.trash IS NULL", NULL);
  if (stmt == NULL)
    return answers;

  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  sqlite3_bind_int64 (stmt, 2, team_id);
  sqlite3_bind_int (stmt, 3, person);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (answers, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (sqlite3_column_int (stmt, 1) + 1));
    }
  sqlite3_reset (stmt);
  return answers;
}

/**
 * sam_store_next_checklist_person:
 * @self: a #SamStore
 * @step: a live checklist step
 * @team: the team whose laptop is passed round
 *
 * Returns: the number for the next person of @team, after everyone who
 *   answered already (1 for the first)
 */
guint
sam_store_next_checklist_person (SamStore *self,
                                 SamStep  *step,
                                 SamTeam  *team)
{
  sqlite3_stmt *stmt;
  guint next = 1;

  g_return_val_if_fail (SAM_IS_STORE (self), 1);
  g_return_val_if_fail (SAM_IS_STEP (step), 1);
  g_return_val_if_fail (SAM_IS_TEAM (team), 1);

  stmt = _sam_store_prepare (self, "SELECT COALESCE(MAX(s.person), 0) + 1 FROM checklist_score s "
                             "JOIN checklist_item i ON i.id = s.item_id "
                             "WHERE i.step_id = ?1 AND s.team_id = ?2", NULL);
  if (stmt == NULL)
    return next;

  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  sqlite3_bind_int64 (stmt, 2, sam_team_get_id (team));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return next;
}

/**
 * sam_store_find_earlier_checklist:
 * @self: a #SamStore
 * @step: a live checklist step
 * @same_list: %TRUE for a step holding the same list as @step, %FALSE for
 *   the first checklist step that holds statements at all
 *
 * Looks in the live workshop that @step's workshop follows up.
 *
 * Returns: the id of the earlier checklist step, or 0
 */
gint64
sam_store_find_earlier_checklist (SamStore *self,
                                  SamStep  *step,
                                  gboolean  same_list)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  g_return_val_if_fail (SAM_IS_STEP (step), 0);

  name = sam_store_dup_checklist_name (step);
  if (same_list && name == NULL)
    return 0;

  stmt = _sam_store_prepare (self, "SELECT s.id FROM step s "
                             "JOIN workshop w ON w.id = s.workshop_id AND w.trash IS NULL "
                             "JOIN workshop now ON now.follows_id = w.id "
                             "WHERE now.id = ?1 AND s.kind = 'checklist' AND s.trash IS NULL "
                             "AND (?2 IS NULL OR json_extract(s.settings, '$.checklist') = ?2) "
                             "AND EXISTS (SELECT 1 FROM checklist_item i WHERE i.step_id = s.id AND i.trash IS NULL) "
                             "ORDER BY s.position LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, sam_step_get_workshop_id (step));
  if (same_list)
    sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}
