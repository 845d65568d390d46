/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sam-store-private.h"

#define WORKSHOP_COLUMNS \
  "w.id, w.uuid, w.name, w.organisation, w.coach, w.date, w.created, w.modified, " \
  "(SELECT COUNT(*) FROM team t WHERE t.workshop_id = w.id AND t.trash IS NULL), w.notes, w.language"


static SamWorkshop *
workshop_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _sam_store_dup_column (stmt, 1);
  g_autofree char *name = _sam_store_dup_column (stmt, 2);
  g_autofree char *organisation = _sam_store_dup_column (stmt, 3);
  g_autofree char *coach = _sam_store_dup_column (stmt, 4);
  g_autofree char *date = _sam_store_dup_column (stmt, 5);
  g_autofree char *notes = _sam_store_dup_column (stmt, 9);
  g_autofree char *language = _sam_store_dup_column (stmt, 10);

  return g_object_new (SAM_TYPE_WORKSHOP,
                       "notes", notes,
                       "language", language,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "name", name,
                       "organisation", organisation,
                       "coach", coach,
                       "date", date,
                       "created", sqlite3_column_int64 (stmt, 6),
                       "modified", sqlite3_column_int64 (stmt, 7),
                       "n-teams", (guint) sqlite3_column_int (stmt, 8),
                       NULL);
}

static gboolean
find_workshop_index (SamStore *self,
                     gint64    id,
                     guint    *position)
{
  GListModel *list = G_LIST_MODEL (_sam_store_get_workshop_list (self));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SamWorkshop) workshop = g_list_model_get_item (list, i);

      if (sam_workshop_get_id (workshop) == id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Loads what is missing from the live list; objects already shown keep their
 * identity so open views stay bound to them. */
gboolean
_sam_store_load_workshops (SamStore  *self,
                           GError   **error)
{
  GListStore *list = _sam_store_get_workshop_list (self);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sam_store_prepare (self,
                             "SELECT " WORKSHOP_COLUMNS " FROM workshop w "
                             "WHERE w.trash IS NULL ORDER BY w.modified DESC, w.id",
                             error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint position;

      if (!find_workshop_index (self, sqlite3_column_int64 (stmt, 0), &position))
        {
          g_autoptr(SamWorkshop) workshop = workshop_from_row (stmt);
          g_list_store_append (list, workshop);
        }
      else
        {
          g_autoptr(SamWorkshop) workshop = g_list_model_get_item (G_LIST_MODEL (list), position);
          g_object_set (workshop, "n-teams", (guint) sqlite3_column_int (stmt, 8), NULL);
        }
    }

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

SamWorkshop *
_sam_store_lookup_workshop (SamStore *self,
                            gint64    id)
{
  SamWorkshop *workshop;
  guint position;

  if (!find_workshop_index (self, id, &position))
    return NULL;

  workshop = g_list_model_get_item (G_LIST_MODEL (_sam_store_get_workshop_list (self)), position);
  g_object_unref (workshop); /* the list keeps it alive */
  return workshop;
}

gboolean
_sam_store_validate_name (const char  *name,
                          GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A name cannot be empty"));
      return FALSE;
    }

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("The name contains characters that are not valid text"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_get_workshops:
 * @self: a #SamStore
 *
 * Returns: (transfer none): the live list of #SamWorkshop that are not in
 *   the trash.  It changes as workshops are created, deleted and restored.
 */
GListModel *
sam_store_get_workshops (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  return G_LIST_MODEL (_sam_store_get_workshop_list (self));
}

/**
 * sam_store_find_workshop:
 * @self: a #SamStore
 * @uuid: the workshop's UUID
 *
 * Returns: (transfer none) (nullable): the live workshop with @uuid
 */
SamWorkshop *
sam_store_find_workshop (SamStore   *self,
                         const char *uuid)
{
  GListModel *list;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  if (uuid == NULL)
    return NULL;

  list = G_LIST_MODEL (_sam_store_get_workshop_list (self));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SamWorkshop) workshop = g_list_model_get_item (list, i);

      if (g_strcmp0 (sam_workshop_get_uuid (workshop), uuid) == 0)
        return workshop;
    }

  return NULL;
}

static SamWorkshop *
insert_workshop (SamStore    *self,
                 const char  *name,
                 SamWorkshop *copy_of,
                 GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(SamWorkshop) workshop = NULL;
  sqlite3_stmt *stmt;
  gint64 now = _sam_store_now ();
  gint64 id;

  stmt = _sam_store_prepare (self,
                             "INSERT INTO workshop (uuid, name, organisation, coach, date, notes, language, "
                             "                      created, modified) "
                             "SELECT ?1, ?2, COALESCE(organisation, ''), COALESCE(coach, ''), COALESCE(date, ''), "
                             "       COALESCE(notes, ''), COALESCE(language, ''), ?3, ?3 "
                             "FROM (SELECT 1) LEFT JOIN workshop ON workshop.id = ?4",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, copy_of ? sam_workshop_get_id (copy_of) : -1);
  if (!_sam_store_step_done (self, stmt, error))
    return NULL;

  id = sqlite3_last_insert_rowid (_sam_store_get_db (self));
  stmt = _sam_store_prepare (self, "SELECT " WORKSHOP_COLUMNS " FROM workshop w WHERE w.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                           _("The new workshop could not be read back"));
      return NULL;
    }

  workshop = workshop_from_row (stmt);
  sqlite3_reset (stmt);
  return g_steal_pointer (&workshop);
}

/**
 * sam_store_create_workshop:
 * @self: a #SamStore
 * @name: the name; not empty
 * @error: return location for a #GError
 *
 * Creates and stores an empty workshop and puts it first in the live list.
 *
 * Returns: (transfer none) (nullable): the new workshop
 */
SamWorkshop *
sam_store_create_workshop (SamStore    *self,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(SamWorkshop) workshop = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  if (!_sam_store_validate_name (name, error))
    return NULL;

  stripped = g_strstrip (g_strdup (name));
  if (!_sam_store_begin (self, error))
    return NULL;

  workshop = insert_workshop (self, stripped, NULL, error);
  if (workshop == NULL)
    {
      _sam_store_rollback (self);
      return NULL;
    }

  if (!_sam_store_commit (self, error))
    return NULL;

  g_list_store_insert (_sam_store_get_workshop_list (self), 0, workshop);
  return workshop;
}

static const struct {
  const char *sql;
  const char *property;
} workshop_fields[] = {
  [SAM_WORKSHOP_FIELD_NAME] = { "UPDATE workshop SET name = ?1 WHERE id = ?2", "name" },
  [SAM_WORKSHOP_FIELD_ORGANISATION] = { "UPDATE workshop SET organisation = ?1 WHERE id = ?2", "organisation" },
  [SAM_WORKSHOP_FIELD_COACH] = { "UPDATE workshop SET coach = ?1 WHERE id = ?2", "coach" },
  [SAM_WORKSHOP_FIELD_DATE] = { "UPDATE workshop SET date = ?1 WHERE id = ?2", "date" },
  [SAM_WORKSHOP_FIELD_NOTES] = { "UPDATE workshop SET notes = ?1 WHERE id = ?2", "notes" },
  [SAM_WORKSHOP_FIELD_LANGUAGE] = { "UPDATE workshop SET language = ?1 WHERE id = ?2", "language" },
};

/* A language code as gettext names its catalogues: "fr", "de", "pt_BR". */
static gboolean
validate_language (const char  *value,
                   GError     **error)
{
  gsize length = strlen (value);
  gboolean valid = length == 0 || length == 2 || length == 3 || length == 5;

  for (gsize i = 0; valid && i < length; i++)
    {
      if (length == 5 && i == 2)
        valid = value[i] == '_';
      else if (length == 5 && i > 2)
        valid = g_ascii_isupper (value[i]);
      else
        valid = g_ascii_islower (value[i]);
    }

  if (!valid)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                 /* Translators: %s is what was given as a language */
                 _("“%s” is not a language code such as “fr” or “de”"), value);
  return valid;
}

static gboolean
validate_date (const char  *value,
               GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (*value == '\0')
    return TRUE;

  iso = g_strconcat (value, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (iso, NULL);
  if (strlen (value) != 10 || parsed == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a date; write it as year-month-day, for example 2026-11-23"), value);
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_set_workshop_field:
 * @self: a #SamStore
 * @workshop: a live workshop
 * @field: which text to change
 * @value: the new text; a date is `YYYY-MM-DD` or empty
 * @error: return location for a #GError
 *
 * Writes one field of the workshop at once, then updates @workshop.
 *
 * Returns: %TRUE on success; on failure nothing changed.
 */
gboolean
sam_store_set_workshop_field (SamStore          *self,
                              SamWorkshop       *workshop,
                              SamWorkshopField   field,
                              const char        *value,
                              GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (field <= SAM_WORKSHOP_FIELD_LANGUAGE, FALSE);

  value = value ? value : "";
  if (field == SAM_WORKSHOP_FIELD_NAME && !_sam_store_validate_name (value, error))
    return FALSE;
  if (field == SAM_WORKSHOP_FIELD_DATE && !validate_date (value, error))
    return FALSE;
  if (field == SAM_WORKSHOP_FIELD_LANGUAGE && !validate_language (value, error))
    return FALSE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("The text contains characters that are not valid"));
      return FALSE;
    }

  if (!_sam_store_begin (self, error))
    return FALSE;

  stmt = _sam_store_prepare (self, workshop_fields[field].sql, error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_workshop_get_id (workshop));
  if (!_sam_store_step_done (self, stmt, error) ||
      !_sam_store_touch_workshop (self, sam_workshop_get_id (workshop), error))
    goto failed;

  if (!_sam_store_commit (self, error))
    return FALSE;

  g_object_set (workshop, workshop_fields[field].property, value, NULL);
  return TRUE;

failed:
  _sam_store_rollback (self);
  return FALSE;
}

/* SQLite has no UUID function: a random blob formatted as a version 4 UUID. */
#define SQL_NEW_UUID \
  "lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2))," \
  " substr(hex(randomblob(2)), 2), substr('89ab', 1 + (abs(random()) % 4), 1)," \
  " substr(hex(randomblob(2)), 2), hex(randomblob(6))))"

/* A copy takes the teams and the agenda (with its texts and settings, but
 * not its timers or state), and nothing the room wrote. */
static gboolean
copy_teams_and_agenda (SamStore  *self,
                       gint64     from_id,
                       gint64     to_id,
                       GError   **error)
{
  return _sam_store_bind_run (self,
                              "INSERT INTO team (uuid, workshop_id, name, colour, people, position) "
                              "SELECT " SQL_NEW_UUID ", ?2, name, colour, people, position "
                              "FROM team WHERE workshop_id = ?1 AND trash IS NULL ORDER BY position",
                              from_id, to_id, error) &&
         _sam_store_bind_run (self,
                              "INSERT INTO step (uuid, workshop_id, position, kind, title, minutes, "
                              "  instructions, notes, settings) "
                              "SELECT " SQL_NEW_UUID ", ?2, position, kind, title, minutes, instructions, "
                              "  notes, settings "
                              "FROM step WHERE workshop_id = ?1 AND trash IS NULL ORDER BY position",
                              from_id, to_id, error);
}

/* Step settings name teams by uuid (the perspective assignment, the
 * debate turn): in the copy they name the copy's teams, matched by
 * position. */
static gboolean
point_settings_at_copied_teams (SamStore  *self,
                                gint64     from_id,
                                gint64     to_id,
                                GError   **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sam_store_prepare (self, "SELECT o.uuid, n.uuid FROM team o JOIN team n ON n.workshop_id = ?2 "
                             "AND n.position = o.position AND n.trash IS NULL "
                             "WHERE o.workshop_id = ?1 AND o.trash IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, to_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (pairs, _sam_store_dup_column (stmt, 0));
      g_ptr_array_add (pairs, _sam_store_dup_column (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      return FALSE;
    }

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      stmt = _sam_store_prepare (self, "UPDATE step SET settings = replace (settings, ?1, ?2) "
                                 "WHERE workshop_id = ?3 AND instr (settings, ?1) > 0", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, pairs->pdata[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, pairs->pdata[i + 1], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, to_id);
      if (!_sam_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_duplicate_workshop:
 * @self: a #SamStore
 * @workshop: the workshop to copy
 * @error: return location for a #GError
 *
 * Copies the workshop's details, teams and agenda into a new workshop named
 * “Copy of …”, for running the same workshop with another group; what the
 * room wrote stays behind.
 *
 * Returns: (transfer none) (nullable): the copy
 */
SamWorkshop *
sam_store_duplicate_workshop (SamStore     *self,
                              SamWorkshop  *workshop,
                              GError      **error)
{
  g_autoptr(SamWorkshop) copy = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  /* Translators: the name of a duplicated workshop */
  name = g_strdup_printf (_("Copy of %s"), sam_workshop_get_name (workshop));
  if (!_sam_store_begin (self, error))
    return NULL;

  copy = insert_workshop (self, name, workshop, error);
  if (copy == NULL ||
      !copy_teams_and_agenda (self, sam_workshop_get_id (workshop), sam_workshop_get_id (copy), error) ||
      !point_settings_at_copied_teams (self, sam_workshop_get_id (workshop), sam_workshop_get_id (copy), error))
    {
      _sam_store_rollback (self);
      return NULL;
    }

  if (!_sam_store_commit (self, error))
    return NULL;

  g_object_set (copy, "n-teams", sam_workshop_get_n_teams (workshop), NULL);
  g_list_store_insert (_sam_store_get_workshop_list (self), 0, copy);
  return copy;
}

/**
 * sam_store_trash_workshop:
 * @self: a #SamStore
 * @workshop: the workshop to delete
 * @out_batch: (out) (optional): the number to pass to sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Deletes the workshop such that Undo can bring it back until the app is
 * next started; then sam_store_purge_trash() removes it for good.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_trash_workshop (SamStore     *self,
                          SamWorkshop  *workshop,
                          gint64       *out_batch,
                          GError      **error)
{
  g_autoptr(SamWorkshop) keep = NULL;
  sqlite3_stmt *stmt;
  gint64 batch;
  guint position;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);

  keep = g_object_ref (workshop);
  if (!_sam_store_begin (self, error))
    return FALSE;

  batch = _sam_store_next_batch (self);
  stmt = _sam_store_prepare (self, "UPDATE workshop SET trash = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, batch);
  sqlite3_bind_int64 (stmt, 2, sam_workshop_get_id (workshop));
  if (!_sam_store_step_done (self, stmt, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  if (!_sam_store_commit (self, error))
    return FALSE;

  if (find_workshop_index (self, sam_workshop_get_id (workshop), &position))
    g_list_store_remove (_sam_store_get_workshop_list (self), position);
  g_hash_table_remove (_sam_store_get_cache (self, "teams"), &(gint64) { sam_workshop_get_id (workshop) });
  _sam_store_forget_workshop (self, sam_workshop_get_id (workshop));

  if (out_batch != NULL)
    *out_batch = batch;

  return TRUE;
}
