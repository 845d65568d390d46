/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The live room's protocol version and its messages (docs/live-room.md). */
#define SAM_LIVE_PROTOCOL 1
/* At most this many deleted rows in one `edits` or `packet`. */
#define SAM_LIVE_MAX_DELETED 10000

typedef enum
{
  SAM_LIVE_MESSAGE_HELLO,     /* coach → laptop: version, server nonce */
  SAM_LIVE_MESSAGE_JOIN,      /* laptop → coach: client nonce, proof, name */
  SAM_LIVE_MESSAGE_WELCOME,   /* coach → laptop: its proof, the teams */
  SAM_LIVE_MESSAGE_CHOOSE,    /* laptop → coach: the team */
  SAM_LIVE_MESSAGE_RESUME,    /* laptop → coach: the token */
  SAM_LIVE_MESSAGE_JOINED,    /* coach → laptop: the token (after choose), the team */
  SAM_LIVE_MESSAGE_PACKET,    /* coach → laptop: the team packet */
  SAM_LIVE_MESSAGE_EDITS,     /* laptop → coach: a contribution of changed rows */
  SAM_LIVE_MESSAGE_ACK,       /* coach → laptop: the edits up to this mark are merged */
  SAM_LIVE_MESSAGE_REFUSED,   /* coach → laptop: why, then the coach closes */
  SAM_LIVE_MESSAGE_LEAVE,     /* laptop → coach: it leaves; its token is revoked */
  SAM_LIVE_N_MESSAGES
} SamLiveMessageType;

typedef enum
{
  SAM_LIVE_REFUSED_WRONG_CODE,
  SAM_LIVE_REFUSED_WAIT,
  SAM_LIVE_REFUSED_REMOVED,
  SAM_LIVE_REFUSED_UNKNOWN,   /* a token the room does not know */
  SAM_LIVE_REFUSED_BAD_TEAM,
} SamLiveRefusal;

/**
 * SamLiveMessage:
 * @type: which message
 * @root: the whole message, checked against its schema
 *
 * A message that passed sam_live_message_parse(): every member its type
 * needs is there, of its type and in its range, and nothing else is.
 */
typedef struct
{
  SamLiveMessageType  type;
  JsonObject         *root;
} SamLiveMessage;

void            sam_live_message_free   (SamLiveMessage *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamLiveMessage, sam_live_message_free)

SamLiveMessage *sam_live_message_parse  (const char  *data,
                                         gsize        length,
                                         gsize        max_length,
                                         GError     **error);
const char     *sam_live_message_get_string (SamLiveMessage *message,
                                             const char     *member);
gint64          sam_live_message_get_int    (SamLiveMessage *message,
                                             const char     *member);
JsonObject     *sam_live_message_get_object (SamLiveMessage *message,
                                             const char     *member);
JsonArray      *sam_live_message_get_array  (SamLiveMessage *message,
                                             const char     *member);

JsonObject     *sam_live_message_new        (SamLiveMessageType type);
char           *sam_live_message_to_string  (JsonObject     *message);
const char     *sam_live_refusal_to_string  (SamLiveRefusal  refusal);
gboolean        sam_live_refusal_from_string (const char    *text,
                                              SamLiveRefusal *refusal);

G_END_DECLS
