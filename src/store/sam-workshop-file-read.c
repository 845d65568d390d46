/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <glib/gi18n.h>

#include "sam-workshop-file-private.h"

/* Reading a workshop file: the limits are checked on the raw bytes before
 * any parser sees them, then the structure is checked as a whole, so an
 * import never starts on a file that would fail half-way.  The format is
 * documented in docs/file-format.md. */

static gboolean
check_bytes (const char  *data,
             gsize        length,
             const char  *name,
             GError     **error)
{
  const char *end = NULL;

  if (length > SAM_WORKSHOP_FILE_MAX_SIZE)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_TOO_LARGE, NULL,
                           _("the file is larger than %d MB, the most Samenspel reads"),
                           SAM_WORKSHOP_FILE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_autofree char *where = g_strdup_printf (_("line %u"), _sam_file_line_of (data, end - data));

      _sam_file_set_error (error, name, SAM_FILE_ERROR_ENCODING, where,
                           _("the text is not valid UTF-8"));
      return FALSE;
    }

  return TRUE;
}

/* UUIDs are compared without regard to case and kept in lower case
 * (RFC 9562): an upper-case one is rewritten in place. */
static const char *
lower_uuid (JsonNode *node)
{
  const char *uuid = json_node_get_string (node);

  for (const char *p = uuid; *p != '\0'; p++)
    if (g_ascii_isupper (*p))
      {
        g_autofree char *lower = g_ascii_strdown (uuid, -1);

        json_node_set_string (node, lower);
        return json_node_get_string (node);
      }

  return uuid;
}

static gboolean
is_uuid (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING &&
         g_uuid_string_is_valid (json_node_get_string (node));
}

static const char *
get_string_member (JsonObject  *object,
                   const char  *member,
                   const char  *name,
                   const char  *path,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

  if (node == NULL)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, where,
                           _("a required field is missing"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, where, _("expected text"));
      return NULL;
    }

  return json_node_get_string (node);
}

static gboolean
check_version (JsonObject  *root,
               const char  *name,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, "version");
  gint64 version;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, "$.version",
                           node == NULL ? _("a required field is missing") : _("expected a whole number"));
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version > SAM_WORKSHOP_FILE_VERSION)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_TOO_NEW, "$.version",
                           _("the file was written by a newer Samenspel (format version %lld; "
                             "this version reads up to %d)"),
                           (long long) version, SAM_WORKSHOP_FILE_VERSION);
      return FALSE;
    }

  if (version < 1)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, "$.version",
                           _("%lld is not a format version"), (long long) version);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_kind (SamWorkshopFile  *self,
            JsonObject       *root,
            GError          **error)
{
  const char *kind = get_string_member (root, "kind", self->display_name, "$", error);

  if (kind == NULL)
    return FALSE;

  if (g_str_equal (kind, "workshop"))
    self->kind = SAM_FILE_KIND_WORKSHOP;
  else if (g_str_equal (kind, "team-packet"))
    self->kind = SAM_FILE_KIND_TEAM_PACKET;
  else if (g_str_equal (kind, "team-contribution"))
    self->kind = SAM_FILE_KIND_TEAM_CONTRIBUTION;
  else
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, "$.kind",
                           _("“%s” is not a kind of workshop file"), kind);
      return FALSE;
    }

  return TRUE;
}

/* A row is one flat object of plain values with a unique uuid. */
static gboolean
check_row (SamWorkshopFile  *self,
           JsonNode         *node,
           const char       *table,
           const char       *path,
           GHashTable       *uuids,
           GError          **error)
{
  JsonObject *row;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;
  const char *uuid;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, path,
                           _("expected an object"));
      return FALSE;
    }

  row = json_node_get_object (node);
  json_object_iter_init (&iter, row);
  while (json_object_iter_next (&iter, &member, &value))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) && !JSON_NODE_HOLDS_NULL (value))
        {
          g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

          _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, where,
                               _("expected a plain value, not a list or an object"));
          return FALSE;
        }

      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        {
          g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

          if (!_sam_file_check_text (value, 0, SAM_WORKSHOP_FILE_MAX_TEXT, self->display_name, where, NULL, error))
            return FALSE;
        }
    }

  if ((uuid = get_string_member (row, "uuid", self->display_name, path, error)) == NULL)
    return FALSE;

  if (!g_uuid_string_is_valid (uuid))
    {
      g_autofree char *where = g_strdup_printf ("%s.uuid", path);

      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, where,
                           _("“%s” is not a UUID"), uuid);
      return FALSE;
    }

  uuid = lower_uuid (json_object_get_member (row, "uuid"));
  if (g_hash_table_contains (uuids, uuid))
    {
      g_autofree char *where = g_strdup_printf ("%s.uuid", path);

      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_DUPLICATE, where,
                           _("the UUID %s is used twice"), uuid);
      return FALSE;
    }

  g_hash_table_insert (uuids, (gpointer) uuid, (gpointer) table);
  return TRUE;
}

static gboolean
check_references (SamWorkshopFile      *self,
                  const SamExportTable *desc,
                  JsonArray            *rows,
                  const char           *base,
                  GHashTable           *uuids,
                  GError              **error)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *row_path = base ? g_strdup (base)
                                       : g_strdup_printf ("$.tables.%s[%u]", desc->name, i);

      for (const SamExportRef *ref = desc->refs; ref != NULL && ref->column != NULL; ref++)
        {
          g_autofree char *key = _sam_file_ref_key (ref->column);
          g_autofree char *where = g_strdup_printf ("%s.%s", row_path, key);
          JsonNode *node = json_object_get_member (row, key);
          const char *target;

          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            continue;

          if (!is_uuid (node))
            {
              _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, where,
                                   _("expected the UUID of %s"), _sam_file_table_a_noun (ref->table));
              return FALSE;
            }

          target = g_hash_table_lookup (uuids, lower_uuid (node));
          /* A workshop may point to another one (a follow-up) that need
           * not travel with it. */
          if (target == NULL && g_str_equal (ref->table, "workshop"))
            continue;

          if (g_strcmp0 (target, ref->table) != 0)
            {
              _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_REFERENCE, where,
                                   _("refers to %s (%s) that is not in the file"),
                                   _sam_file_table_a_noun (ref->table), json_node_get_string (node));
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* A row may point to a row of its own table (an impact to its change, a
 * verification to its statement) that comes later in the file; following
 * those references must never come back to where it started. */
static void
add_to_set (gpointer key,
            gpointer value,
            gpointer set)
{
  g_hash_table_add (set, key);
}

static gboolean
check_cycles (SamWorkshopFile      *self,
              const SamExportTable *desc,
              JsonArray            *rows,
              GError              **error)
{
  for (const SamExportRef *ref = desc->refs; ref != NULL && ref->column != NULL; ref++)
    {
      g_autofree char *key = _sam_file_ref_key (ref->column);
      g_autoptr(GHashTable) parent = NULL;
      g_autoptr(GHashTable) index = NULL;
      g_autoptr(GHashTable) done = NULL;

      if (!g_str_equal (ref->table, desc->name))
        continue;

      parent = g_hash_table_new (g_str_hash, g_str_equal);
      index = g_hash_table_new (g_str_hash, g_str_equal);
      done = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);
          JsonNode *node = json_object_get_member (row, key);
          const char *uuid = json_object_get_string_member (row, "uuid");

          g_hash_table_insert (index, (gpointer) uuid, GUINT_TO_POINTER (i));
          if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
            g_hash_table_insert (parent, (gpointer) uuid, (gpointer) json_node_get_string (node));
        }

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          const char *start = json_object_get_string_member (json_array_get_object_element (rows, i), "uuid");
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          for (const char *at = start; at != NULL && !g_hash_table_contains (done, at);
               at = g_hash_table_lookup (parent, at))
            {
              if (!g_hash_table_add (seen, (gpointer) at))
                {
                  g_autofree char *where = g_strdup_printf ("$.tables.%s[%u].%s", desc->name,
                                                            GPOINTER_TO_UINT (g_hash_table_lookup (index, at)),
                                                            key);

                  _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_REFERENCE, where,
                                       _("the references form a circle: following “%s” comes back to "
                                         "the same row"), key);
                  return FALSE;
                }
            }
          /* Every row on this chain ends well: never walked again. */
          g_hash_table_foreach (seen, add_to_set, done);
        }
    }

  return TRUE;
}

static gboolean
check_tables (SamWorkshopFile  *self,
              JsonObject       *root,
              GError          **error)
{
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *workshop = json_object_get_object_member (root, "workshop");
  JsonNode *tables = json_object_get_member (root, "tables");
  const SamExportTable *const *exports = _sam_store_get_exports ();

  if (!check_row (self, json_object_get_member (root, "workshop"), "workshop", "$.workshop", uuids, error))
    return FALSE;

  if (tables == NULL || !JSON_NODE_HOLDS_OBJECT (tables))
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, "$.tables",
                           tables == NULL ? _("a required field is missing") : _("expected an object"));
      return FALSE;
    }

  for (guint t = 0; exports[t] != NULL; t++)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (tables), exports[t]->name);
      g_autofree char *path = g_strdup_printf ("$.tables.%s", exports[t]->name);
      JsonArray *rows;

      if (g_str_equal (exports[t]->name, "workshop") || node == NULL)
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, path,
                               _("expected a list"));
          return FALSE;
        }

      rows = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);

          if (!check_row (self, json_array_get_element (rows, i), exports[t]->name, where, uuids, error))
            return FALSE;
        }
    }

  for (guint t = 0; exports[t] != NULL; t++)
    {
      JsonArray *rows = _sam_workshop_file_get_rows (self, exports[t]->name);

      if (g_str_equal (exports[t]->name, "workshop"))
        {
          g_autoptr(JsonArray) one = json_array_new ();

          json_array_add_object_element (one, json_object_ref (workshop));
          if (!check_references (self, exports[t], one, "$.workshop", uuids, error))
            return FALSE;
          /* The only other workshop in a file is itself. */
          if (g_strcmp0 (json_object_get_string_member_with_default (workshop, "follows", NULL),
                         self->workshop_uuid) == 0)
            {
              _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_REFERENCE, "$.workshop.follows",
                                   _("the references form a circle: following “%s” comes back to "
                                     "the same row"), "follows");
              return FALSE;
            }
          continue;
        }

      if (rows != NULL && (!check_references (self, exports[t], rows, NULL, uuids, error) ||
                           !check_cycles (self, exports[t], rows, error)))
        return FALSE;
    }

  if (self->kind != SAM_FILE_KIND_WORKSHOP &&
      g_strcmp0 (g_hash_table_lookup (uuids, self->team_uuid), "team") != 0)
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_REFERENCE, "$.team",
                           _("refers to a team (%s) that is not in the file"), self->team_uuid);
      return FALSE;
    }

  return TRUE;
}

/* The coach's PIN of a team packet (minor version 1): optional, but all
 * three members or none. */
static gboolean
parse_pin (SamWorkshopFile  *self,
           JsonObject       *root,
           GError          **error)
{
  const char *salt, *hash;
  gint64 rounds = 0;

  if (!json_object_has_member (root, "pin_hash"))
    return TRUE;

  if ((salt = get_string_member (root, "pin_salt", self->display_name, "$", error)) == NULL ||
      (hash = get_string_member (root, "pin_hash", self->display_name, "$", error)) == NULL ||
      !_sam_file_check_int (json_object_get_member (root, "pin_rounds"), 1, 10000000,
                            self->display_name, "$.pin_rounds", &rounds, error))
    return FALSE;

  if (strlen (hash) != 64 || strspn (hash, "0123456789abcdefABCDEF") != 64 || *salt == '\0' || strlen (salt) > 200)
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, "$.pin_hash",
                           _("not a PIN hash this version understands"));
      return FALSE;
    }

  self->pin_salt = g_strdup (salt);
  self->pin_hash = g_ascii_strdown (hash, -1);
  self->pin_rounds = (guint) rounds;
  return TRUE;
}

static gboolean
parse_team_fields (SamWorkshopFile  *self,
                   JsonObject       *root,
                   GError          **error)
{
  const char *team;
  const char *packet;
  g_autoptr(GDateTime) time = NULL;

  if (self->kind == SAM_FILE_KIND_WORKSHOP)
    return TRUE;

  if ((team = get_string_member (root, "team", self->display_name, "$", error)) == NULL)
    return FALSE;

  if (!g_uuid_string_is_valid (team))
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, "$.team",
                           _("“%s” is not a UUID"), team);
      return FALSE;
    }

  if ((packet = get_string_member (root, "packet_exported", self->display_name, "$", error)) == NULL)
    return FALSE;

  time = g_date_time_new_from_iso8601 (packet, NULL);
  if (time == NULL)
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, "$.packet_exported",
                           _("“%s” is not a date and time"), packet);
      return FALSE;
    }

  if (json_object_has_member (root, "shared"))
    {
      JsonNode *shared = json_object_get_member (root, "shared");

      if (!JSON_NODE_HOLDS_VALUE (shared) || json_node_get_value_type (shared) != G_TYPE_BOOLEAN)
        {
          _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, "$.shared",
                               _("must be true or false"));
          return FALSE;
        }
      self->shared = json_node_get_boolean (shared);
      if (self->shared && json_object_get_int_member (root, "version") < SAM_WORKSHOP_FILE_SHARED_VERSION)
        {
          _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, "$.shared",
                               _("a file for a shared laptop needs format version %d"),
                               SAM_WORKSHOP_FILE_SHARED_VERSION);
          return FALSE;
        }
    }

  self->team_uuid = g_ascii_strdown (team, -1);
  self->packet_exported = g_date_time_to_unix (time);
  return self->kind != SAM_FILE_KIND_TEAM_PACKET || parse_pin (self, root, error);
}

static gboolean
parse_workshop (SamWorkshopFile  *self,
                JsonObject       *root,
                GError          **error)
{
  JsonNode *node = json_object_get_member (root, "workshop");
  JsonObject *workshop;
  const char *uuid;
  const char *name;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, "$.workshop",
                           node == NULL ? _("a required field is missing") : _("expected an object"));
      return FALSE;
    }

  workshop = json_node_get_object (node);
  if ((uuid = get_string_member (workshop, "uuid", self->display_name, "$.workshop", error)) == NULL ||
      (name = get_string_member (workshop, "name", self->display_name, "$.workshop", error)) == NULL)
    return FALSE;

  if (!g_uuid_string_is_valid (uuid))
    {
      _sam_file_set_error (error, self->display_name, SAM_FILE_ERROR_INVALID, "$.workshop.uuid",
                           _("“%s” is not a UUID"), uuid);
      return FALSE;
    }

  if (!_sam_file_check_text (json_object_get_member (workshop, "name"), 1, SAM_WORKSHOP_FILE_MAX_TEXT,
                             self->display_name, "$.workshop.name", NULL, error))
    return FALSE;

  self->workshop_uuid = g_ascii_strdown (uuid, -1);
  return TRUE;
}

SamWorkshopFile *
_sam_workshop_file_new_from_root (JsonNode    *root,
                                  const char  *display_name,
                                  GError     **error)
{
  g_autoptr(SamWorkshopFile) self = g_object_new (SAM_TYPE_WORKSHOP_FILE, NULL);
  JsonObject *object;
  JsonNode *format;

  self->display_name = g_strdup (display_name);
  self->root = json_node_ref (root);

  format = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "format") : NULL;
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      g_strcmp0 (json_node_get_string (format), "samenspel-workshop") != 0)
    {
      _sam_file_set_error (error, display_name, SAM_FILE_ERROR_NOT_WORKSHOP, "$.format",
                           _("this is not a Samenspel workshop file"));
      return NULL;
    }

  object = json_node_get_object (root);
  if (!check_version (object, display_name, error) ||
      !parse_kind (self, object, error) ||
      get_string_member (object, "exported", display_name, "$", error) == NULL ||
      !parse_workshop (self, object, error) ||
      !parse_team_fields (self, object, error) ||
      !check_tables (self, object, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
too_large (const char  *name,
           GError     **error)
{
  _sam_file_set_error (error, name, SAM_FILE_ERROR_TOO_LARGE, NULL,
                       _("the file is larger than %d MB, the most Samenspel reads"),
                       SAM_WORKSHOP_FILE_MAX_SIZE / (1024 * 1024));
  return FALSE;
}

static gboolean
not_regular (const char  *name,
             GError     **error)
{
  _sam_file_set_error (error, name, SAM_FILE_ERROR_READ, NULL,
                       _("this is not an ordinary file (it is a folder, a device or a pipe), "
                         "so it is not a workshop file"));
  return FALSE;
}

/* Reads a local file through a descriptor opened with O_NONBLOCK, so a
 * FIFO without a writer cannot block the open, and checks on that same
 * descriptor that it is a regular file. */
static GBytes *
read_local (const char    *path,
            const char    *name,
            GError       **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize length = 0, size;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      not_regular (name, error);
      return NULL;
    }

  if (st.st_size > SAM_WORKSHOP_FILE_MAX_SIZE)
    {
      close (fd);
      too_large (name, error);
      return NULL;
    }

  /* The file may grow while it is read: never more than the limit + 1.
   * The buffer starts at the size the file has (one byte more, to see it
   * end) and grows only if it does: the largest size allowed, allocated
   * up front, was 50 MB of address space for a file of a few hundred KB,
   * and the pages it touched were page faults of their own. */
  size = (gsize) st.st_size + 1;
  data = g_malloc (size);
  while (length <= SAM_WORKSHOP_FILE_MAX_SIZE)
    {
      gssize n;

      if (length == size)
        {
          size = MIN (size * 2, (gsize) SAM_WORKSHOP_FILE_MAX_SIZE + 1);
          data = g_realloc (data, size);
        }
      n = read (fd, data + length, size - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);

  if (length > SAM_WORKSHOP_FILE_MAX_SIZE)
    {
      too_large (name, error);
      return NULL;
    }

  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (length, 1)), length);
}

/* A file behind a GVfs or portal URI: asked for its type, then read
 * through a stream with the same cap. */
static GBytes *
read_stream (GFile         *file,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      not_regular (name, error);
      return NULL;
    }
  if (g_file_info_get_size (info) > SAM_WORKSHOP_FILE_MAX_SIZE)
    {
      too_large (name, error);
      return NULL;
    }

  if ((stream = g_file_read (file, cancellable, error)) == NULL)
    return NULL;

  data = g_malloc (SAM_WORKSHOP_FILE_MAX_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, SAM_WORKSHOP_FILE_MAX_SIZE + 1, &length,
                                cancellable, error))
    return NULL;

  if (length > SAM_WORKSHOP_FILE_MAX_SIZE)
    {
      too_large (name, error);
      return NULL;
    }

  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (length, 1)), length);
}

static GBytes *
read_capped (GFile         *file,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return read_local (path, name, error);

  return read_stream (file, name, cancellable, error);
}

/**
 * sam_workshop_file_load_bytes:
 * @bytes: the file's contents
 * @display_name: the name used in error messages, usually the file's name
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * Reads and checks a workshop file completely: size, encoding, nesting,
 * JSON syntax, the version, every field and every reference.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with @error set
 */
SamWorkshopFile *
sam_workshop_file_load_bytes (GBytes      *bytes,
                              const char  *display_name,
                              GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  /* A byte order mark (Windows editors write one) is skipped. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!check_bytes (data, length, display_name, error))
    return NULL;

  /* The strict check builds the tree as it goes (sam-workshop-file-json.c). */
  root = _sam_file_parse_json (data, length, display_name, error);
  if (root == NULL)
    return NULL;

  return _sam_workshop_file_new_from_root (root, display_name, error);
}

/**
 * sam_workshop_file_load:
 * @file: a `.samenspel` file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * Like sam_workshop_file_load_bytes(), reading @file first.  Only a
 * regular file is read (a FIFO, a device or a link to one is refused
 * without blocking), and never more than %SAM_WORKSHOP_FILE_MAX_SIZE.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with @error set
 */
SamWorkshopFile *
sam_workshop_file_load (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  bytes = read_capped (file, name, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (local_error->domain == SAM_FILE_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _sam_file_set_error (error, name, SAM_FILE_ERROR_READ, NULL, "%s", local_error->message);
      return NULL;
    }

  return sam_workshop_file_load_bytes (bytes, name, error);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  SamWorkshopFile *file = sam_workshop_file_load (task_data, cancellable, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

/**
 * sam_workshop_file_load_async:
 * @file: a `.samenspel` file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file was read and checked
 * @user_data: data for @callback
 *
 * Reads and checks @file in a worker thread.
 */
void
sam_workshop_file_load_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_workshop_file_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

SamWorkshopFile *
sam_workshop_file_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
