/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sam-store.h"
#include "sam-workshop.h"

G_BEGIN_DECLS

/* The live room: the coach's Samenspel serves a workshop to the team
 * laptops of the room over a WebSocket with TLS (libsoup 3, GnuTLS).  GTK-free;
 * see docs/live-room.md for the protocol and the threat model. */

#define SAM_LIVE_ERROR (sam_live_error_quark ())

/**
 * SamLiveError:
 * @SAM_LIVE_ERROR_UNREACHABLE: nobody answers at that address
 * @SAM_LIVE_ERROR_CERTIFICATE: not the certificate the code/QR pinned: maybe
 *   a fake coach
 * @SAM_LIVE_ERROR_WRONG_CODE: the room code is not this room's
 * @SAM_LIVE_ERROR_WAIT: too many wrong codes: the message says how long to wait
 * @SAM_LIVE_ERROR_REMOVED: the coach removed this laptop from the room
 * @SAM_LIVE_ERROR_PROTOCOL: a bad or too-new message
 *
 * Errors of the live room.  Every message is a sentence a coach understands.
 */
typedef enum
{
  SAM_LIVE_ERROR_UNREACHABLE,
  SAM_LIVE_ERROR_CERTIFICATE,
  SAM_LIVE_ERROR_WRONG_CODE,
  SAM_LIVE_ERROR_WAIT,
  SAM_LIVE_ERROR_REMOVED,
  SAM_LIVE_ERROR_PROTOCOL,
} SamLiveError;

GQuark sam_live_error_quark (void);

/* The length of a room code, without separator. */
#define SAM_LIVE_CODE_LENGTH 8

/**
 * SamLiveLaptop:
 *
 * One laptop the room knows (it joined with the code at least once).
 * Read-only properties: "team-uuid" (string), "team-name" (string),
 * "name" (string: the laptop's host name, as it said), "connected"
 * (boolean), "last-seen" (GDateTime, %NULL before the first message),
 * "n-edits" (guint: rows of its contributions merged since the room opened).
 */
#define SAM_TYPE_LIVE_LAPTOP (sam_live_laptop_get_type ())
G_DECLARE_FINAL_TYPE (SamLiveLaptop, sam_live_laptop, SAM, LIVE_LAPTOP, GObject)

const char *sam_live_laptop_get_team_uuid (SamLiveLaptop *self);
const char *sam_live_laptop_get_team_name (SamLiveLaptop *self);
const char *sam_live_laptop_get_name      (SamLiveLaptop *self);
gboolean    sam_live_laptop_get_connected (SamLiveLaptop *self);
GDateTime  *sam_live_laptop_get_last_seen (SamLiveLaptop *self);
guint       sam_live_laptop_get_n_edits   (SamLiveLaptop *self);

/**
 * SamLiveRoom:
 *
 * The coach's side.  Signal "workshop-changed" (no arguments): a laptop's
 * edits were merged into the store; the coach's window reloads as after a
 * file merge.
 */
#define SAM_TYPE_LIVE_ROOM (sam_live_room_get_type ())
G_DECLARE_FINAL_TYPE (SamLiveRoom, sam_live_room, SAM, LIVE_ROOM, GObject)

SamLiveRoom *sam_live_room_new             (SamStore      *store,
                                            SamWorkshop   *workshop);
/* Opens the room on @port (0: any free port); the first time for this
 * workshop it makes the room's certificate and code and stores them. */
gboolean     sam_live_room_open            (SamLiveRoom   *self,
                                            guint16        port,
                                            GError       **error);
void         sam_live_room_close           (SamLiveRoom   *self);
gboolean     sam_live_room_is_open         (SamLiveRoom   *self);
guint16      sam_live_room_get_port        (SamLiveRoom   *self);
/* e.g. "K7QM3XPA", no separator; %NULL before the room was opened once */
const char  *sam_live_room_get_code        (SamLiveRoom   *self);
/* SHA-256 of the certificate's DER, 64 lowercase hex digits */
const char  *sam_live_room_get_fingerprint (SamLiveRoom   *self);
/* What the QR code carries: samenspel-live://HOST:PORT/?code=C&fp=F */
char        *sam_live_room_dup_join_uri    (SamLiveRoom   *self,
                                            const char    *host);
/* Of #SamLiveLaptop, live-updated (items added, their properties notify) */
GListModel  *sam_live_room_get_laptops     (SamLiveRoom   *self);
/* Revokes the laptop's token and closes its connection; it must join again
 * with the code (a new code is not needed: see docs/live-room.md). */
void         sam_live_room_remove_laptop   (SamLiveRoom   *self,
                                            SamLiveLaptop *laptop);
/* Pushes the team packets again now (the store changed outside the room,
 * e.g. the coach moved to the next step).  The room also notices the store's
 * own commits by itself; this only skips the debounce. */
void         sam_live_room_push_now        (SamLiveRoom   *self);

/* "K7QM 3XPA" for display */
char    *sam_live_format_code       (const char *code);
/* "k7qm-3xpa " -> "K7QM3XPA"; %NULL if it cannot be a room code */
char    *sam_live_normalize_code    (const char *typed);
/* e.g. "4F2A-91C0-77DE": the first 12 hex digits, upper case; both screens
 * show it when the laptop did not come from the QR code */
char    *sam_live_short_fingerprint (const char *fingerprint);
/* Parses what sam_live_room_dup_join_uri() makes; every out argument is
 * optional.  The code comes back normalized. */
gboolean sam_live_parse_join_uri    (const char  *uri,
                                     char       **host,
                                     guint16     *port,
                                     char       **code,
                                     char       **fingerprint,
                                     GError     **error);

G_END_DECLS
