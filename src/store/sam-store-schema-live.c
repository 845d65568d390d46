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

/* Schema version 14: deletions in the live room (docs/live-room.md,
 * "Deletions").  A card goes to the trash; in a workshop with a room (the
 * coach) or a link (a team's laptop) a trigger notes its uuid, its teams
 * and when, in the same transaction as the delete itself, so neither a
 * crash nor the purge of the trash at the next start loses it.  An Undo
 * (the card leaves the trash) takes the note back.
 *
 * On a laptop a note is a deletion still to send to the coach (until the
 * coach acknowledges it); on the coach it tells the team's other laptops
 * which cards are gone.  INSERT OR IGNORE keeps the first time of a note
 * when the same card is put back in the trash by the link itself. */
const char sam_schema_live_deletion_sql[] =
  "CREATE TABLE live_deletion ("
  "  id INTEGER PRIMARY KEY,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
  "  uuid TEXT NOT NULL,"
  "  team_id INTEGER,"
  "  about_team_id INTEGER,"
  "  deleted INTEGER NOT NULL,"
  "  UNIQUE (workshop_id, uuid)"
  ");"
  "CREATE TRIGGER live_card_trashed AFTER UPDATE OF trash ON card "
  "WHEN OLD.trash IS NULL AND NEW.trash IS NOT NULL "
  "AND (EXISTS (SELECT 1 FROM live_link WHERE workshop_id = NEW.workshop_id) "
  "     OR EXISTS (SELECT 1 FROM live_room WHERE workshop_id = NEW.workshop_id)) "
  "BEGIN "
  "  INSERT OR IGNORE INTO live_deletion (workshop_id, uuid, team_id, about_team_id, deleted) "
  "  VALUES (NEW.workshop_id, NEW.uuid, NEW.team_id, NEW.about_team_id, CAST (strftime ('%s', 'now') AS INTEGER));"
  "END;"
  "CREATE TRIGGER live_card_restored AFTER UPDATE OF trash ON card "
  "WHEN OLD.trash IS NOT NULL AND NEW.trash IS NULL "
  "BEGIN "
  "  DELETE FROM live_deletion WHERE workshop_id = NEW.workshop_id AND uuid = NEW.uuid;"
  "END;";
