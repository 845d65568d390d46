/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-store-private.h"

/* Schema version 13: the live room (docs/live-room.md).  None of these
 * tables ever travels in a workshop file.
 *
 * On the coach's computer, `live_room` keeps one room per workshop: its
 * self-signed certificate and private key (PEM) and its code, so that a
 * restarted coach serves the same certificate and the laptops reconnect
 * without a new code; `live_laptop` the laptops that joined it, with the
 * SHA-256 of their random token (never the token), their team and name,
 * and when the coach removed them (the token is then refused).
 *
 * On a team's laptop, `live_link` keeps how to reach the coach again: host,
 * port, the certificate's pinned fingerprint, the laptop's token, and the
 * change time up to which the coach acknowledged the team's edits. */
const char sam_schema_live_sql[] =
  "CREATE TABLE live_room ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL UNIQUE REFERENCES workshop(id) ON DELETE CASCADE,"
  "  cert_pem TEXT NOT NULL,"
  "  key_pem TEXT NOT NULL,"
  "  code TEXT NOT NULL,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE TABLE live_laptop ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  room_id INTEGER NOT NULL REFERENCES live_room(id) ON DELETE CASCADE,"
  "  token_hash TEXT NOT NULL UNIQUE,"
  "  team_id INTEGER REFERENCES team(id) ON DELETE SET NULL,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  removed INTEGER"
  ");"
  "CREATE TABLE live_link ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  workshop_id INTEGER NOT NULL UNIQUE REFERENCES workshop(id) ON DELETE CASCADE,"
  "  host TEXT NOT NULL,"
  "  port INTEGER NOT NULL,"
  "  fingerprint TEXT NOT NULL,"
  "  token TEXT NOT NULL,"
  "  last_ack INTEGER NOT NULL DEFAULT 0"
  ");";
