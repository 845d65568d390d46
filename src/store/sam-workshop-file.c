/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sam-pin.h"
#include "sam-workshop-file-private.h"

/* A workshop file in memory: its kind, its workshop and team, and writing
 * it out.  Reading and checking is in sam-workshop-file-read.c, export,
 * import and merge in their own files.  The format is documented in
 * docs/file-format.md. */

G_DEFINE_QUARK (sam-file-error-quark, sam_file_error)

G_DEFINE_FINAL_TYPE (SamWorkshopFile, sam_workshop_file, G_TYPE_OBJECT)

static void
sam_workshop_file_finalize (GObject *object)
{
  SamWorkshopFile *self = (SamWorkshopFile *)object;

  g_free (self->display_name);
  g_free (self->workshop_uuid);
  g_free (self->team_uuid);
  g_free (self->pin_salt);
  g_free (self->pin_hash);
  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (sam_workshop_file_parent_class)->finalize (object);
}

static void
sam_workshop_file_class_init (SamWorkshopFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_workshop_file_finalize;
}

static void
sam_workshop_file_init (SamWorkshopFile *self)
{
}

/* One line: the file, the place, the problem. */
void
_sam_file_set_error (GError       **error,
                     const char    *display_name,
                     SamFileError   code,
                     const char    *path,
                     const char    *format,
                     ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, whatever a quoted value holds. */
  for (char *p = problem; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';

  if (path != NULL)
    /* Translators: “file name”, at JSON path or line: problem */
    g_set_error (error, SAM_FILE_ERROR, code, _("“%s”, at %s: %s"), display_name, path, problem);
  else
    /* Translators: “file name”: problem */
    g_set_error (error, SAM_FILE_ERROR, code, _("“%s”: %s"), display_name, problem);
}

/* A foreign key column `team_id` is written as `team`. */
char *
_sam_file_ref_key (const char *column)
{
  if (g_str_has_suffix (column, "_id") && strlen (column) > 3)
    return g_strndup (column, strlen (column) - 3);

  return g_strdup (column);
}

/* What a row of @table is, in words, for merge previews. */
const char *
_sam_file_table_noun (const char *table)
{
  static const struct { const char *table; const char *noun; } nouns[] = {
    { "workshop", N_("workshop") },
    { "team", N_("team") },
    { "step", N_("agenda step") },
    { "card", N_("card") },
    { "card_link", N_("link between cards") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_strcmp0 (nouns[i].table, table) == 0)
      return _(nouns[i].noun);

  return table;
}

/* The same with its article, for error messages ("an agenda step"). */
const char *
_sam_file_table_a_noun (const char *table)
{
  static const struct { const char *table; const char *noun; } nouns[] = {
    { "workshop", N_("a workshop") },
    { "team", N_("a team") },
    { "step", N_("an agenda step") },
    { "card", N_("a card") },
    { "card_link", N_("a link between cards") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_strcmp0 (nouns[i].table, table) == 0)
      return _(nouns[i].noun);

  return table;
}

char *
_sam_file_format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return time ? g_date_time_format_iso8601 (time) : g_strdup ("1970-01-01T00:00:00Z");
}

SamFileKind
sam_workshop_file_get_kind (SamWorkshopFile *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), SAM_FILE_KIND_WORKSHOP);
  return self->kind;
}

const char *
sam_workshop_file_get_display_name (SamWorkshopFile *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);
  return self->display_name;
}

const char *
sam_workshop_file_get_workshop_uuid (SamWorkshopFile *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);
  return self->workshop_uuid;
}

JsonObject *
_sam_workshop_file_get_workshop_object (SamWorkshopFile *self)
{
  return json_object_get_object_member (json_node_get_object (self->root), "workshop");
}

const char *
sam_workshop_file_get_workshop_name (SamWorkshopFile *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);
  return json_object_get_string_member (_sam_workshop_file_get_workshop_object (self), "name");
}

/**
 * sam_workshop_file_get_workshop_language:
 * @self: a #SamWorkshopFile
 *
 * Returns: the language the workshop is held in ("fr"), or "" when none was
 *   chosen (and in files written before workshops had one)
 */
const char *
sam_workshop_file_get_workshop_language (SamWorkshopFile *self)
{
  JsonObject *workshop;
  JsonNode *node;

  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);

  workshop = _sam_workshop_file_get_workshop_object (self);
  node = workshop != NULL ? json_object_get_member (workshop, "language") : NULL;
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

/**
 * sam_workshop_file_get_shared:
 * @self: a #SamWorkshopFile
 *
 * Returns: whether @self is a packet (or a contribution) for the whole
 *   room on one shared laptop: every team's rows, and no team's private
 *   answers on screen until the coach reveals them
 */
gboolean
sam_workshop_file_get_shared (SamWorkshopFile *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), FALSE);
  return self->shared;
}

/**
 * sam_workshop_file_get_team_uuid:
 * @self: a #SamWorkshopFile
 *
 * Returns: (nullable): the team a team packet or contribution is for
 */
const char *
sam_workshop_file_get_team_uuid (SamWorkshopFile *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);
  return self->team_uuid;
}

/**
 * sam_workshop_file_dup_team_name:
 * @self: a #SamWorkshopFile
 *
 * Returns: (transfer full) (nullable): the name of the team a team packet
 *   or contribution is for
 */
char *
sam_workshop_file_dup_team_name (SamWorkshopFile *self)
{
  JsonArray *teams;

  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);

  teams = _sam_workshop_file_get_rows (self, "team");
  for (guint i = 0; self->team_uuid != NULL && teams != NULL && i < json_array_get_length (teams); i++)
    {
      JsonObject *team = json_array_get_object_element (teams, i);

      JsonNode *name = json_object_get_member (team, "name");

      if (g_strcmp0 (json_object_get_string_member_with_default (team, "uuid", NULL), self->team_uuid) != 0)
        continue;
      /* Checked only on import or merge: a name that is no text is none. */
      if (name != NULL && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (name));
      return g_strdup ("");
    }

  return NULL;
}

JsonArray *
_sam_workshop_file_get_rows (SamWorkshopFile *self,
                             const char      *table)
{
  JsonObject *tables = json_object_get_object_member (json_node_get_object (self->root), "tables");
  JsonNode *node = tables ? json_object_get_member (tables, table) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/**
 * sam_workshop_file_get_table:
 * @self: a #SamWorkshopFile
 * @table: a table's name, e.g. "team"
 *
 * The rows of a table as the file holds them, each a JSON object whose
 * references are uuids in lower case.  Only a file that passed
 * sam_workshop_file_check_import() has rows of the types its schema says.
 *
 * Returns: (transfer none) (nullable): the rows, or %NULL when the file has
 *   none of this table
 */
JsonArray *
sam_workshop_file_get_table (SamWorkshopFile *self,
                             const char      *table)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  return _sam_workshop_file_get_rows (self, table);
}

/* json-glib (1.6) writes control characters other than \b \f \n \r \t
 * into strings as they are, which is not JSON; write them as \u00XX.
 * Outside strings the generator only writes spaces and newlines. */
static char *
escape_controls (const char *data,
                 gsize      *length)
{
  GString *out = g_string_sized_new (*length + 16);
  gboolean in_string = FALSE;

  for (gsize i = 0; i < *length; i++)
    {
      guchar c = data[i];

      if (in_string && c == '\\' && i + 1 < *length)
        {
          g_string_append_c (out, c);
          g_string_append_c (out, data[++i]);
          continue;
        }

      if (c == '"')
        in_string = !in_string;

      if (in_string && (c < 0x20 || c == 0x7f))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }

  *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * sam_workshop_file_to_bytes:
 * @self: a #SamWorkshopFile
 *
 * Returns: (transfer full): the file as pretty-printed UTF-8 JSON
 */
GBytes *
sam_workshop_file_to_bytes (SamWorkshopFile *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *data;

  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), NULL);

  json_generator_set_root (generator, self->root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);
  if (memchr (data, 0x7f, length) != NULL || strpbrk (data, "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                     "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
                                                     "\x1c\x1d\x1e\x1f\t\r") != NULL)
    {
      g_autofree char *raw = data;

      data = escape_controls (raw, &length);
    }

  return g_bytes_new_take (data, length);
}

/**
 * sam_workshop_file_save:
 * @self: a #SamWorkshopFile
 * @file: where to write it; replaced atomically
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the whole file was written
 */
gboolean
sam_workshop_file_save (SamWorkshopFile  *self,
                        GFile            *file,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = sam_workshop_file_to_bytes (self);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &local_error))
    {
      name = g_file_get_basename (file);
      _sam_file_set_error (error, name, SAM_FILE_ERROR_READ, NULL, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

void
sam_merge_plan_free (SamMergePlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_object (&plan->workshop);
  g_free (plan->team_name);
  g_clear_pointer (&plan->counts, g_array_unref);
  g_clear_pointer (&plan->items, g_ptr_array_unref);
  g_free (plan);
}

/**
 * sam_merge_plan_get_n_changes:
 * @plan: a #SamMergePlan
 *
 * Returns: how many rows the merge would add or change
 */
guint
sam_merge_plan_get_n_changes (const SamMergePlan *plan)
{
  guint n = 0;

  g_return_val_if_fail (plan != NULL, 0);

  for (guint i = 0; i < plan->counts->len; i++)
    {
      const SamMergeCount *count = &g_array_index (plan->counts, SamMergeCount, i);

      n += count->n_new + count->n_updated + count->n_conflicts;
    }

  return n;
}

/**
 * sam_workshop_file_set_pin:
 * @self: a team packet made by sam_workshop_file_new_from_store()
 * @pin: the coach's PIN that leaves team mode (sam_pin_is_acceptable())
 *
 * Stores a fresh salt and the iterated hash of @pin in the packet, never
 * @pin itself.
 */
void
sam_workshop_file_set_pin (SamWorkshopFile *self,
                           const char      *pin)
{
  JsonObject *root;

  g_return_if_fail (SAM_IS_WORKSHOP_FILE (self));
  g_return_if_fail (self->kind == SAM_FILE_KIND_TEAM_PACKET);
  g_return_if_fail (sam_pin_is_acceptable (pin));

  g_clear_pointer (&self->pin_salt, g_free);
  g_clear_pointer (&self->pin_hash, g_free);
  sam_pin_make (pin, &self->pin_salt, &self->pin_hash, &self->pin_rounds);

  root = json_node_get_object (self->root);
  json_object_set_string_member (root, "pin_salt", self->pin_salt);
  json_object_set_string_member (root, "pin_hash", self->pin_hash);
  json_object_set_int_member (root, "pin_rounds", self->pin_rounds);
}

/**
 * sam_workshop_file_has_pin:
 * @self: a #SamWorkshopFile
 *
 * Returns: %TRUE when a team packet carries the coach's PIN
 */
gboolean
sam_workshop_file_has_pin (SamWorkshopFile *self)
{
  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (self), FALSE);
  return self->pin_hash != NULL;
}

/* One part of a file name: ASCII letters and digits, every other run of
 * characters one underscore, so it survives any USB stick's file system. */
static void
append_safe_part (GString    *name,
                  const char *part,
                  const char *fallback)
{
  g_autofree char *ascii = g_str_to_ascii (part != NULL ? part : "", NULL);
  gsize start = name->len;
  gboolean gap = FALSE;

  for (const char *c = ascii; *c != '\0' && name->len - start < 60; c++)
    {
      if (g_ascii_isalnum (*c))
        {
          if (gap && name->len > start)
            g_string_append_c (name, '_');
          g_string_append_c (name, *c);
          gap = FALSE;
        }
      else
        gap = TRUE;
    }

  if (name->len == start)
    g_string_append (name, fallback);
}

/**
 * sam_workshop_file_suggest_name:
 * @workshop_name: the workshop's name
 * @team_name: (nullable): the team's name, for a packet or contribution
 *
 * A file name that tells five teams' files apart on one USB stick:
 * `Acme-Verkoop.samenspel` (spaces and other characters inside a name
 * become `_`, letters lose their accents).
 *
 * Returns: (transfer full): the file name, with its extension
 */
char *
sam_workshop_file_suggest_name (const char *workshop_name,
                                const char *team_name)
{
  GString *name = g_string_new (NULL);

  append_safe_part (name, workshop_name, "Workshop");
  if (team_name != NULL)
    {
      g_string_append_c (name, '-');
      append_safe_part (name, team_name, "Team");
    }
  g_string_append (name, SAM_WORKSHOP_FILE_EXTENSION);
  return g_string_free (name, FALSE);
}
