/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-live-message.h"
#include "sam-live-room.h"
#include "sam-workshop-file-private.h"

/* The one parser of the live room's messages (docs/live-room.md).  The
 * bytes go through the workshop file's strict JSON reader (valid UTF-8,
 * RFC 8259, bounded nesting), then through the message's schema: every
 * member it needs, of its type and in its range, and no other.  A message
 * that fails closes its connection; nothing was changed by then. */

typedef struct
{
  const char *name;
  char        kind;      /* 's' text, 'h' lowercase hex, 'i' number, 'o' object, 'a' array */
  gboolean    required;
  gint64      min;       /* a number's range, a text's length */
  gint64      max;
} Member;

#define END { NULL, 0, FALSE, 0, 0 }
#define MAX_MARK ((gint64) 1 << 53)

static const char *const type_names[SAM_LIVE_N_MESSAGES] = {
  "hello", "join", "welcome", "choose", "resume", "joined", "packet", "edits", "ack", "refused",
  "leave",
};

static const Member hello_members[] = {
  { "nonce", 'h', TRUE, 32, 32 }, END };
static const Member join_members[] = {
  { "nonce", 'h', TRUE, 32, 32 }, { "proof", 'h', TRUE, 64, 64 }, { "name", 's', TRUE, 0, 64 }, END };
static const Member welcome_members[] = {
  { "proof", 'h', TRUE, 64, 64 }, { "teams", 'a', TRUE, 0, 200 }, END };
static const Member choose_members[] = {
  { "team", 's', TRUE, 1, 64 }, END };
static const Member resume_members[] = {
  { "token", 'h', TRUE, 64, 64 }, { "name", 's', TRUE, 0, 64 }, END };
static const Member joined_members[] = {
  { "token", 'h', FALSE, 64, 64 }, { "team", 's', TRUE, 1, 64 }, END };
static const Member packet_members[] = {
  { "file", 'o', TRUE, 0, 0 }, { "deleted", 'a', FALSE, 0, SAM_LIVE_MAX_DELETED }, END };
static const Member edits_members[] = {
  { "mark", 'i', TRUE, 0, MAX_MARK }, { "file", 'o', TRUE, 0, 0 },
  { "deleted", 'a', FALSE, 0, SAM_LIVE_MAX_DELETED }, END };
static const Member ack_members[] = {
  { "mark", 'i', TRUE, 0, MAX_MARK }, { "rows", 'i', TRUE, 0, G_MAXINT32 }, END };
static const Member refused_members[] = {
  { "reason", 's', TRUE, 1, 32 }, { "wait", 'i', FALSE, 0, 7 * 24 * 3600 }, END };
/* A deleted row: its table (only "card" so far) and uuid; in `edits` also
 * when the laptop deleted it (seconds since 1970). */
static const Member deleted_members[] = {
  { "table", 's', TRUE, 1, 32 }, { "uuid", 's', TRUE, 36, 36 }, { "at", 'i', TRUE, 0, MAX_MARK }, END };
static const Member pushed_deleted_members[] = {
  { "table", 's', TRUE, 1, 32 }, { "uuid", 's', TRUE, 36, 36 }, END };
static const Member leave_members[] = {
  END };
static const Member team_members[] = {
  { "uuid", 's', TRUE, 1, 64 }, { "name", 's', TRUE, 0, 400 }, { "color", 's', TRUE, 0, 32 }, END };

static const Member *const schemas[SAM_LIVE_N_MESSAGES] = {
  hello_members, join_members, welcome_members, choose_members, resume_members,
  joined_members, packet_members, edits_members, ack_members, refused_members,
  leave_members,
};

static const char *const refusals[] = {
  "wrong-code", "wait", "removed", "unknown", "bad-team",
};

static gboolean
fail (GError    **error,
      const char *problem)
{
  /* Translators: %s names what is wrong with the message: one of the
   * short phrases below (“too large”) or the name of a field in it */
  g_set_error (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL,
               _("The other computer sent a message Samenspel does not understand (%s)"), problem);
  return FALSE;
}

static gboolean
is_lower_hex (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && (*p < 'a' || *p > 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
check_member (const Member *member,
              JsonNode     *node,
              GError      **error)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  gint64 length;

  switch (member->kind)
    {
    case 's':
    case 'h':
      if (type != G_TYPE_STRING)
        return fail (error, member->name);
      length = g_utf8_strlen (json_node_get_string (node), -1);
      if (length < member->min || length > member->max ||
          (member->kind == 'h' && !is_lower_hex (json_node_get_string (node))))
        return fail (error, member->name);
      return TRUE;

    case 'i':
      if (type != G_TYPE_INT64 || json_node_get_int (node) < member->min ||
          json_node_get_int (node) > member->max)
        return fail (error, member->name);
      return TRUE;

    case 'o':
      return JSON_NODE_HOLDS_OBJECT (node) || fail (error, member->name);

    case 'a':
      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) > (guint) member->max)
        return fail (error, member->name);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_object (JsonObject    *object,
              const Member  *members,
              const char   **allowed_extra,
              GError       **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  for (const Member *m = members; m->name != NULL; m++)
    {
      node = json_object_get_member (object, m->name);
      if (node == NULL && m->required)
        return fail (error, m->name);
      if (node != NULL && !check_member (m, node, error))
        return FALSE;
    }

  /* Nothing the schema does not know. */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      gboolean known = g_strv_contains (allowed_extra, name);

      for (const Member *m = members; !known && m->name != NULL; m++)
        known = g_str_equal (m->name, name);
      if (!known)
        return fail (error, name);
    }

  return TRUE;
}

static gboolean
check_teams (JsonArray  *teams,
             GError    **error)
{
  static const char *no_extra[] = { NULL };

  for (guint i = 0; i < json_array_get_length (teams); i++)
    {
      JsonNode *node = json_array_get_element (teams, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !check_object (json_node_get_object (node), team_members, no_extra, error))
        return FALSE;
    }

  return TRUE;
}

/* The deleted rows of `edits` (with their time) or of `packet`: each of
 * a table whose deletions travel, with a well-formed uuid. */
static gboolean
check_deleted (JsonArray    *deleted,
               const Member *members,
               GError      **error)
{
  static const char *no_extra[] = { NULL };

  for (guint i = 0; deleted != NULL && i < json_array_get_length (deleted); i++)
    {
      JsonNode *node = json_array_get_element (deleted, i);
      JsonObject *row;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !check_object ((row = json_node_get_object (node)), members, no_extra, error))
        return FALSE;
      if (!g_str_equal (json_object_get_string_member (row, "table"), "card"))
        return fail (error, "table");
      if (!g_uuid_string_is_valid (json_object_get_string_member (row, "uuid")))
        return fail (error, "uuid");
    }

  return TRUE;
}

void
sam_live_message_free (SamLiveMessage *message)
{
  g_clear_pointer (&message->root, json_object_unref);
  g_free (message);
}

/**
 * sam_live_message_parse:
 * @data: the message's bytes (a WebSocket text message)
 * @length: their length
 * @max_length: the largest message accepted here
 * @error: return location for a #GError (%SAM_LIVE_ERROR_PROTOCOL)
 *
 * Returns: (transfer full) (nullable): the message, or %NULL if it is too
 *   large, not strict JSON, of another protocol version, of an unknown type
 *   or not of its type's schema
 */
SamLiveMessage *
sam_live_message_parse (const char  *data,
                        gsize        length,
                        gsize        max_length,
                        GError     **error)
{
  static const char *envelope[] = { "samenspel-live", "type", NULL };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SamLiveMessage) message = g_new0 (SamLiveMessage, 1);
  JsonObject *object;
  JsonNode *version;
  const char *type;
  guint i;

  if (length > max_length)
    return fail (error, _("too large")), NULL;
  if (!g_utf8_validate_len (data, length, NULL))
    return fail (error, _("not UTF-8")), NULL;

  root = _sam_file_parse_json (data, length, "message", &local_error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, _("not a JSON object")), NULL;

  object = json_node_get_object (root);
  version = json_object_get_member (object, "samenspel-live");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    return fail (error, _("not a Samenspel message")), NULL;
  if (json_node_get_int (version) != SAM_LIVE_PROTOCOL)
    {
      g_set_error (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL,
                   _("The other computer runs another version of Samenspel; update both to the same version"));
      return NULL;
    }

  type = json_object_get_string_member_with_default (object, "type", NULL);
  for (i = 0; type != NULL && i < SAM_LIVE_N_MESSAGES; i++)
    if (g_str_equal (type, type_names[i]))
      break;
  if (type == NULL || i == SAM_LIVE_N_MESSAGES)
    return fail (error, _("unknown type")), NULL;

  if (!check_object (object, schemas[i], envelope, error))
    return NULL;
  if (i == SAM_LIVE_MESSAGE_WELCOME &&
      !check_teams (json_object_get_array_member (object, "teams"), error))
    return NULL;
  if ((i == SAM_LIVE_MESSAGE_EDITS || i == SAM_LIVE_MESSAGE_PACKET) &&
      !check_deleted (json_object_has_member (object, "deleted") ? json_object_get_array_member (object, "deleted")
                                                                 : NULL,
                      i == SAM_LIVE_MESSAGE_EDITS ? deleted_members : pushed_deleted_members, error))
    return NULL;
  if (i == SAM_LIVE_MESSAGE_REFUSED && !sam_live_refusal_from_string (
        json_object_get_string_member (object, "reason"), NULL))
    return fail (error, "reason"), NULL;

  message->type = i;
  message->root = json_object_ref (object);
  return g_steal_pointer (&message);
}

const char *
sam_live_message_get_string (SamLiveMessage *message,
                             const char     *member)
{
  return json_object_get_string_member_with_default (message->root, member, NULL);
}

gint64
sam_live_message_get_int (SamLiveMessage *message,
                          const char     *member)
{
  return json_object_get_int_member_with_default (message->root, member, 0);
}

JsonObject *
sam_live_message_get_object (SamLiveMessage *message,
                             const char     *member)
{
  return json_object_has_member (message->root, member)
         ? json_object_get_object_member (message->root, member) : NULL;
}

JsonArray *
sam_live_message_get_array (SamLiveMessage *message,
                            const char     *member)
{
  return json_object_has_member (message->root, member)
         ? json_object_get_array_member (message->root, member) : NULL;
}

/* A new message of @type with its envelope; the caller adds the members. */
JsonObject *
sam_live_message_new (SamLiveMessageType type)
{
  JsonObject *object = json_object_new ();

  g_return_val_if_fail (type < SAM_LIVE_N_MESSAGES, NULL);

  json_object_set_int_member (object, "samenspel-live", SAM_LIVE_PROTOCOL);
  json_object_set_string_member (object, "type", type_names[type]);
  return object;
}

char *
sam_live_message_to_string (JsonObject *message)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), message);

  return json_to_string (node, FALSE);
}

const char *
sam_live_refusal_to_string (SamLiveRefusal refusal)
{
  g_return_val_if_fail (refusal < G_N_ELEMENTS (refusals), NULL);
  return refusals[refusal];
}

gboolean
sam_live_refusal_from_string (const char     *text,
                              SamLiveRefusal *refusal)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (refusals); i++)
    if (g_str_equal (text, refusals[i]))
      {
        if (refusal != NULL)
          *refusal = i;
        return TRUE;
      }
  return FALSE;
}
