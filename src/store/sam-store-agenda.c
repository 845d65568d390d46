/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-step-settings.h"
#include "sam-store-private.h"

/* The agenda: a workshop's ordered steps, each an exercise.  Lists are kept
 * per workshop in the "steps" cache and stay live while the app runs. */

#define STEP_COLUMNS \
  "id, uuid, workshop_id, position, kind, title, minutes, instructions, notes, settings, " \
  "state, timer_remaining, timer_deadline"

static const char *const step_cascade[] = {
  "UPDATE card SET trash = ?1 WHERE trash IS NULL AND step_id = ?2",
  NULL
};

static gpointer
step_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _sam_store_dup_column (stmt, 1);
  g_autofree char *kind = _sam_store_dup_column (stmt, 4);
  g_autofree char *title = _sam_store_dup_column (stmt, 5);
  g_autofree char *instructions = _sam_store_dup_column (stmt, 7);
  g_autofree char *notes = _sam_store_dup_column (stmt, 8);
  g_autofree char *settings = _sam_store_dup_column (stmt, 9);

  return g_object_new (SAM_TYPE_STEP,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "workshop-id", sqlite3_column_int64 (stmt, 2),
                       "position", (guint) sqlite3_column_int (stmt, 3),
                       "kind", kind,
                       "title", title,
                       "minutes", (guint) sqlite3_column_int (stmt, 6),
                       "instructions", instructions,
                       "notes", notes,
                       "settings", settings,
                       "state", (guint) sqlite3_column_int (stmt, 10),
                       "timer-remaining", sqlite3_column_int64 (stmt, 11),
                       "timer-deadline", sqlite3_column_int64 (stmt, 12),
                       NULL);
}

static const SamListKind steps_kind = {
  "steps", sam_step_get_type,
  "SELECT " STEP_COLUMNS " FROM step WHERE workshop_id = ?1 AND trash IS NULL ORDER BY position, id",
  step_from_row,
};

void
_sam_store_reload_steps (SamStore *self)
{
  _sam_store_reload_lists (self, &steps_kind);
}

void
_sam_store_forget_workshop (SamStore *self,
                            gint64    workshop_id)
{
  GListStore *steps = g_hash_table_lookup (_sam_store_get_cache (self, "steps"), &workshop_id);

  for (guint i = 0; steps != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (steps)); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (G_LIST_MODEL (steps), i);
      gint64 id = sam_step_get_id (step);

      g_hash_table_remove (_sam_store_get_cache (self, "cards"), &id);
    }

  g_hash_table_remove (_sam_store_get_cache (self, "steps"), &workshop_id);
}

static GListStore *
steps_of (SamStore *self,
          gint64    workshop_id)
{
  return _sam_store_get_list (self, &steps_kind, workshop_id);
}

/**
 * sam_store_get_steps:
 * @self: a #SamStore
 * @workshop: a live workshop
 *
 * Returns: (transfer none): the live, ordered list of the workshop's #SamStep
 */
GListModel *
sam_store_get_steps (SamStore    *self,
                     SamWorkshop *workshop)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  return G_LIST_MODEL (steps_of (self, sam_workshop_get_id (workshop)));
}

/**
 * sam_store_find_step:
 * @self: a #SamStore
 * @workshop: a live workshop
 * @step_id: the step's id
 *
 * Returns: (transfer none) (nullable): the live step
 */
SamStep *
sam_store_find_step (SamStore    *self,
                     SamWorkshop *workshop,
                     gint64       step_id)
{
  GListModel *steps = sam_store_get_steps (self, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      if (sam_step_get_id (step) == step_id)
        return step;
    }

  return NULL;
}

/**
 * sam_store_lookup_step:
 * @self: a #SamStore
 * @step_id: the step's id
 *
 * Returns: (transfer none) (nullable): the live step, in whichever workshop
 */
SamStep *
sam_store_lookup_step (SamStore *self,
                       gint64    step_id)
{
  sqlite3_stmt *stmt;
  SamWorkshop *workshop;
  gint64 workshop_id = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  stmt = _sam_store_prepare (self, "SELECT workshop_id FROM step WHERE id = ?1 AND trash IS NULL", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, step_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    workshop_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  workshop = _sam_store_lookup_workshop (self, workshop_id);
  return workshop ? sam_store_find_step (self, workshop, step_id) : NULL;
}

/**
 * sam_store_add_step:
 * @self: a #SamStore
 * @workshop: a live workshop
 * @position: where in the agenda, or -1 for the end
 * @kind: the exercise, e.g. "changes" (see docs/architecture.md)
 * @title: the title shown to the room; not empty
 * @minutes: the time box
 * @instructions: (nullable): what the room reads on the projector
 * @notes: (nullable): private notes for the coach
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the new step
 */
SamStep *
sam_store_add_step (SamStore     *self,
                    SamWorkshop  *workshop,
                    int           position,
                    const char   *kind,
                    const char   *title,
                    guint         minutes,
                    const char   *instructions,
                    const char   *notes,
                    GError      **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GListStore *list;
  sqlite3_stmt *stmt;
  SamStep *step;
  guint n;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (!_sam_store_validate_text (title, 500, FALSE, error) ||
      !_sam_store_validate_text (instructions ? instructions : "", SAM_CARD_MAX_TEXT, TRUE, error) ||
      !_sam_store_validate_text (notes ? notes : "", SAM_CARD_MAX_TEXT, TRUE, error))
    return NULL;

  list = steps_of (self, sam_workshop_get_id (workshop));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (!_sam_store_begin (self, error))
    return NULL;

  stmt = _sam_store_prepare (self,
                             "INSERT INTO step (uuid, workshop_id, position, kind, title, minutes, instructions, notes) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_workshop_get_id (workshop));
  sqlite3_bind_int (stmt, 3, n);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, MIN (minutes, 24 * 60));
  sqlite3_bind_text (stmt, 7, instructions ? instructions : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, notes ? notes : "", -1, SQLITE_TRANSIENT);
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, sam_workshop_get_id (workshop), error))
    goto failed;

  if (!_sam_store_commit (self, error))
    return NULL;

  step = g_object_new (SAM_TYPE_STEP,
                       "id", sqlite3_last_insert_rowid (_sam_store_get_db (self)),
                       "uuid", uuid,
                       "workshop-id", sam_workshop_get_id (workshop),
                       "position", n,
                       "kind", kind,
                       "title", title,
                       "minutes", MIN (minutes, 24 * 60),
                       "instructions", instructions ? instructions : "",
                       "notes", notes ? notes : "",
                       "settings", "{}",
                       NULL);
  g_list_store_append (list, step);
  g_object_unref (step);

  if (position >= 0 && (guint) position < n)
    _sam_store_move_in_list (self, "step", list, step, position, NULL);

  return step;

failed:
  _sam_store_rollback (self);
  return NULL;
}

/**
 * sam_store_add_steps:
 * @self: a #SamStore
 * @workshop: the workshop
 * @steps: (array length=n_steps): the steps to append, in order
 * @n_steps: how many
 * @error: return location for a #GError
 *
 * Appends @steps after the workshop's own in one transaction (a template's
 * agenda): all of them are stored, or, when one is refused or the write
 * fails, none.
 *
 * Returns: %TRUE when every step was stored
 */
gboolean
sam_store_add_steps (SamStore         *self,
                     SamWorkshop      *workshop,
                     const SamNewStep *steps,
                     guint             n_steps,
                     GError          **error)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListStore *list;
  guint n;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (steps != NULL || n_steps == 0, FALSE);

  for (guint i = 0; i < n_steps; i++)
    {
      g_return_val_if_fail (steps[i].kind != NULL, FALSE);
      if (!_sam_store_validate_text (steps[i].title, 500, FALSE, error) ||
          !_sam_store_validate_text (steps[i].instructions ? steps[i].instructions : "", SAM_CARD_MAX_TEXT, TRUE, error) ||
          !_sam_store_validate_text (steps[i].notes ? steps[i].notes : "", SAM_CARD_MAX_TEXT, TRUE, error))
        return FALSE;
    }

  list = steps_of (self, sam_workshop_get_id (workshop));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (!_sam_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_steps; i++)
    {
      char *uuid = g_uuid_string_random ();
      sqlite3_stmt *stmt;
      gint64 id;

      g_ptr_array_add (uuids, uuid);
      stmt = _sam_store_prepare (self,
                                 "INSERT INTO step (uuid, workshop_id, position, kind, title, minutes, instructions, notes) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, sam_workshop_get_id (workshop));
      sqlite3_bind_int (stmt, 3, n + i);
      sqlite3_bind_text (stmt, 4, steps[i].kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, steps[i].title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 6, MIN (steps[i].minutes, 24 * 60));
      sqlite3_bind_text (stmt, 7, steps[i].instructions ? steps[i].instructions : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, steps[i].notes ? steps[i].notes : "", -1, SQLITE_TRANSIENT);
      if (!_sam_store_step_done (self, stmt, error))
        goto failed;
      id = sqlite3_last_insert_rowid (_sam_store_get_db (self));
      g_array_append_val (ids, id);
    }

  if (!_sam_store_touch_workshop (self, sam_workshop_get_id (workshop), error))
    goto failed;
  if (!_sam_store_commit (self, error))
    return FALSE;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(SamStep) step = g_object_new (SAM_TYPE_STEP,
                                              "id", g_array_index (ids, gint64, i),
                                              "uuid", g_ptr_array_index (uuids, i),
                                              "workshop-id", sam_workshop_get_id (workshop),
                                              "position", n + i,
                                              "kind", steps[i].kind,
                                              "title", steps[i].title,
                                              "minutes", MIN (steps[i].minutes, 24 * 60),
                                              "instructions", steps[i].instructions ? steps[i].instructions : "",
                                              "notes", steps[i].notes ? steps[i].notes : "",
                                              "settings", "{}",
                                              NULL);

      g_list_store_append (list, step);
    }

  return TRUE;

failed:
  _sam_store_rollback (self);
  return FALSE;
}

static const struct {
  const char *sql;
  const char *property;
  glong max;
  gboolean allow_empty;
} step_fields[] = {
  [SAM_STEP_FIELD_TITLE] = { "UPDATE step SET title = ?1 WHERE id = ?2", "title", 500, FALSE },
  [SAM_STEP_FIELD_INSTRUCTIONS] = { "UPDATE step SET instructions = ?1 WHERE id = ?2", "instructions", SAM_CARD_MAX_TEXT, TRUE },
  [SAM_STEP_FIELD_NOTES] = { "UPDATE step SET notes = ?1 WHERE id = ?2", "notes", SAM_CARD_MAX_TEXT, TRUE },
  [SAM_STEP_FIELD_SETTINGS] = { "UPDATE step SET settings = ?1 WHERE id = ?2", "settings", SAM_CARD_MAX_TEXT, FALSE },
};

static gboolean
update_step (SamStore      *self,
             SamStep       *step,
             const char    *sql,
             const GValue  *value,
             const char    *property,
             GError       **error)
{
  return _sam_store_update_column (self, "step", step, sql, value, property, error);
}

/**
 * sam_store_set_step_field:
 * @self: a #SamStore
 * @step: a live step
 * @field: which text
 * @value: the new text; a title is not empty; settings are a JSON object
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sam_store_set_step_field (SamStore      *self,
                          SamStep       *step,
                          SamStepField   field,
                          const char    *value,
                          GError       **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);
  g_return_val_if_fail (field <= SAM_STEP_FIELD_SETTINGS, FALSE);

  if (!_sam_store_validate_text (value, step_fields[field].max, step_fields[field].allow_empty, error))
    return FALSE;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return update_step (self, step, step_fields[field].sql, &gvalue, step_fields[field].property, error);
}

/**
 * sam_store_set_step_minutes:
 * @self: a #SamStore
 * @step: a live step
 * @minutes: the time box, at most a day
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_step_minutes (SamStore  *self,
                            SamStep   *step,
                            guint      minutes,
                            GError   **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);

  if (minutes > 24 * 60)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A step can last at most a day"));
      return FALSE;
    }

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, minutes);
  return update_step (self, step, "UPDATE step SET minutes = ?1 WHERE id = ?2", &value, "minutes", error);
}

/**
 * sam_store_set_step_state:
 * @self: a #SamStore
 * @step: a live step
 * @state: the new state; %SAM_STEP_CURRENT makes the step that was current
 *   before go back to its previous “to do” or “done”
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_step_state (SamStore      *self,
                          SamStep       *step,
                          SamStepState   state,
                          GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GListModel *steps;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);
  g_return_val_if_fail (state <= SAM_STEP_DONE, FALSE);

  g_value_init (&value, G_TYPE_UINT);
  if (state == SAM_STEP_CURRENT)
    {
      /* One current step per workshop: the previous one becomes done. */
      steps = G_LIST_MODEL (steps_of (self, sam_step_get_workshop_id (step)));
      g_value_set_uint (&value, SAM_STEP_DONE);
      for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
        {
          g_autoptr(SamStep) other = g_list_model_get_item (steps, i);

          if (other != step && sam_step_get_state (other) == SAM_STEP_CURRENT &&
              !update_step (self, other, "UPDATE step SET state = ?1 WHERE id = ?2", &value, "state", error))
            return FALSE;
        }
    }

  g_value_set_uint (&value, state);
  return update_step (self, step, "UPDATE step SET state = ?1 WHERE id = ?2", &value, "state", error);
}

/**
 * sam_store_set_step_timer:
 * @self: a #SamStore
 * @step: a live step
 * @remaining_ms: what is left of the time box in milliseconds, or -1 when
 *   the timer was never started (or reset)
 * @deadline_ms: while running, the wall-clock time (ms since the epoch)
 *   at which it ends; 0 while paused
 * @error: return location for a #GError
 *
 * Stores the timer, so that it survives closing the app.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_step_timer (SamStore  *self,
                          SamStep   *step,
                          gint64     remaining_ms,
                          gint64     deadline_ms,
                          GError   **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, remaining_ms);
  if (!update_step (self, step, "UPDATE step SET timer_remaining = ?1 WHERE id = ?2",
                    &value, "timer-remaining", error))
    return FALSE;

  g_value_set_int64 (&value, deadline_ms);
  return update_step (self, step, "UPDATE step SET timer_deadline = ?1 WHERE id = ?2",
                      &value, "timer-deadline", error);
}

/**
 * sam_store_move_step:
 * @self: a #SamStore
 * @step: a live step
 * @position: its new place in the agenda
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_move_step (SamStore  *self,
                     SamStep   *step,
                     guint      position,
                     GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);

  return _sam_store_move_in_list (self, "step", steps_of (self, sam_step_get_workshop_id (step)),
                                  step, position, error);
}

/**
 * sam_store_duplicate_step:
 * @self: a #SamStore
 * @step: a live step
 * @error: return location for a #GError
 *
 * Copies the step (title, time box, texts, settings; not what the room
 * wrote) right after it.
 *
 * Returns: (transfer none) (nullable): the copy
 */
SamStep *
sam_store_duplicate_step (SamStore  *self,
                          SamStep   *step,
                          GError   **error)
{
  SamWorkshop *workshop;
  SamStep *copy;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_STEP (step), NULL);

  workshop = _sam_store_lookup_workshop (self, sam_step_get_workshop_id (step));
  g_return_val_if_fail (workshop != NULL, NULL);

  copy = sam_store_add_step (self, workshop, sam_step_get_position (step) + 1,
                             sam_step_get_kind (step), sam_step_get_title (step),
                             sam_step_get_minutes (step), sam_step_get_instructions (step),
                             sam_step_get_notes (step), error);
  if (copy != NULL && !sam_store_set_step_field (self, copy, SAM_STEP_FIELD_SETTINGS,
                                                 sam_step_get_settings (step), error))
    return NULL;

  return copy;
}

/**
 * sam_store_trash_step:
 * @self: a #SamStore
 * @step: a live step
 * @out_batch: (out) (optional): the number for sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Removes the step and its cards such that Undo brings them back.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_step (SamStore  *self,
                      SamStep   *step,
                      gint64    *out_batch,
                      GError   **error)
{
  g_autoptr(SamStep) keep = NULL;
  GListStore *list;
  guint position;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);

  keep = g_object_ref (step);
  if (!_sam_store_trash_rows (self, "step", sam_step_get_id (step), step_cascade, out_batch, error))
    return FALSE;

  list = steps_of (self, sam_step_get_workshop_id (step));
  if (g_list_store_find (list, step, &position))
    g_list_store_remove (list, position);
  g_hash_table_remove (_sam_store_get_cache (self, "cards"), &(gint64) { sam_step_get_id (step) });

  return TRUE;
}

/* Private entry, then reveal (docs/team-mode.md): the exercises where
 * seeing the other teams' answers would change a team's own.  The
 * brainstorm's private part is its dot votes, revealed by the setting it
 * always had; the others keep "revealed" in the step's settings, so the
 * state travels with the step in every file. */
static const char *
reveal_key (const char *kind)
{
  return g_strcmp0 (kind, "brainstorm") == 0 ? "votes-revealed" : "revealed";
}

/**
 * sam_step_kind_is_private:
 * @kind: a step kind
 *
 * Returns: whether teams answer steps of @kind privately until the coach
 *   reveals them: in another team's shoes, us-and-them beliefs, strengths
 *   seen by others and the brainstorm's dot votes
 */
gboolean
sam_step_kind_is_private (const char *kind)
{
  static const char *const kinds[] = { "team-perspective", "beliefs", "strengths", "brainstorm" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * sam_store_get_step_revealed:
 * @self: a #SamStore
 * @step: a step
 *
 * Returns: whether the teams may see each other's answers of @step: the
 *   coach has revealed them, or the step has no private answers
 */
gboolean
sam_store_get_step_revealed (SamStore *self,
                             SamStep  *step)
{
  const char *kind;

  g_return_val_if_fail (SAM_IS_STEP (step), TRUE);

  kind = sam_step_get_kind (step);
  if (!sam_step_kind_is_private (kind))
    return TRUE;

  return sam_step_settings_get_boolean (sam_step_get_settings (step), reveal_key (kind), FALSE);
}

/**
 * sam_store_set_step_revealed:
 * @self: a #SamStore
 * @step: a live step of a private kind (sam_step_kind_is_private())
 * @revealed: whether the teams may see each other's answers
 * @error: return location for a #GError
 *
 * Reveals the teams' answers of @step to the room, or hides them again;
 * every other setting of the step stays as it is.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_step_revealed (SamStore  *self,
                             SamStep   *step,
                             gboolean   revealed,
                             GError   **error)
{
  const char *kind;
  g_autofree char *settings = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);

  kind = sam_step_get_kind (step);
  if (!sam_step_kind_is_private (kind))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("The teams answer this step together: there is nothing to reveal"));
      return FALSE;
    }

  if (sam_store_get_step_revealed (self, step) == revealed)
    return TRUE;

  settings = sam_step_settings_set_boolean (sam_step_get_settings (step), reveal_key (kind), revealed);
  return sam_store_set_step_field (self, step, SAM_STEP_FIELD_SETTINGS, settings, error);
}
