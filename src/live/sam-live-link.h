/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sam-store.h"
#include "sam-workshop.h"
#include "sam-live-room.h"

G_BEGIN_DECLS

/**
 * SamLiveState:
 * @SAM_LIVE_STATE_CONNECTING: reaching the coach (also between retries)
 * @SAM_LIVE_STATE_CONNECTED: joined; edits go to the coach as they are made
 * @SAM_LIVE_STATE_OFFLINE: the coach cannot be reached; edits wait on the
 *   laptop and go when it is back
 * @SAM_LIVE_STATE_REMOVED: the coach removed this laptop; nothing is sent
 */
typedef enum
{
  SAM_LIVE_STATE_CONNECTING,
  SAM_LIVE_STATE_CONNECTED,
  SAM_LIVE_STATE_OFFLINE,
  SAM_LIVE_STATE_REMOVED,
} SamLiveState;

#define SAM_TYPE_LIVE_STATE (sam_live_state_get_type ())
GType sam_live_state_get_type (void);

/**
 * SamLiveTeam:
 *
 * A team of the room, as the coach lists it after the code was proven.
 * Read-only properties "uuid", "name", "color" (strings; "color" is the
 * team's colour as a CSS hex string such as "#E69F00", as
 * sam_palette_get_css() gives it).
 */
#define SAM_TYPE_LIVE_TEAM (sam_live_team_get_type ())
G_DECLARE_FINAL_TYPE (SamLiveTeam, sam_live_team, SAM, LIVE_TEAM, GObject)

const char *sam_live_team_get_uuid  (SamLiveTeam *self);
const char *sam_live_team_get_name  (SamLiveTeam *self);
const char *sam_live_team_get_color (SamLiveTeam *self);

/**
 * SamLiveLink:
 *
 * The laptop's side.  Properties "state" (#SamLiveState) and "last-sync"
 * (GDateTime: the coach has every edit up to then; %NULL before the first
 * acknowledgement).  Signal "caught-up" (no arguments): the coach's push
 * (step, reveal, timer, others' cards after a reveal) was applied to the
 * store with sam_workshop_file_catch_up(); the team window rebuilds from the
 * store and follows the current step, as after a newer packet file.
 *
 * Local edits need nothing from the UI: the link notices every commit of the
 * store and sends what changed.
 */
#define SAM_TYPE_LIVE_LINK (sam_live_link_get_type ())
G_DECLARE_FINAL_TYPE (SamLiveLink, sam_live_link, SAM, LIVE_LINK, GObject)

SamLiveLink *sam_live_link_new                (SamStore            *store);

/* 1. Reach the coach and see its certificate.  @pinned_fingerprint comes
 *    from the QR code/URI, or is %NULL for a typed or discovered address:
 *    then the UI shows sam_live_short_fingerprint() of
 *    sam_live_link_get_fingerprint() and the coach's screen shows the same,
 *    before the code is sent.  Fails with SAM_LIVE_ERROR_UNREACHABLE or
 *    SAM_LIVE_ERROR_CERTIFICATE. */
void         sam_live_link_connect_async      (SamLiveLink         *self,
                                               const char          *host,
                                               guint16              port,
                                               const char          *pinned_fingerprint,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean     sam_live_link_connect_finish     (SamLiveLink         *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* The coach's certificate fingerprint (64 lowercase hex digits) once
 * connected, else %NULL */
const char  *sam_live_link_get_fingerprint    (SamLiveLink         *self);

/* 2. Prove the room code (typed in any case, with or without separators).
 *    The result lists the room's teams (#SamLiveTeam).  Fails with
 *    SAM_LIVE_ERROR_WRONG_CODE, SAM_LIVE_ERROR_WAIT (the message says how
 *    long) or SAM_LIVE_ERROR_PROTOCOL. */
void         sam_live_link_join_async         (SamLiveLink         *self,
                                               const char          *code,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GListModel  *sam_live_link_join_finish        (SamLiveLink         *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* 3. Choose the team: its packet is imported into the store in team mode
 *    and the link is stored with it.  The workshop is the imported one,
 *    returned without a reference (transfer none): the link holds it; take
 *    one to keep it longer than the link. */
void         sam_live_link_choose_team_async  (SamLiveLink         *self,
                                               const char          *team_uuid,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
SamWorkshop *sam_live_link_choose_team_finish (SamLiveLink         *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* After a restart: the stored link of a workshop in team mode, reconnecting
 * by itself; %NULL if the workshop came by file. */
SamLiveLink *sam_live_link_resume             (SamStore            *store,
                                               SamWorkshop         *workshop);
/* Forget the link (leaving team mode): closes the connection and removes
 * the stored link; the workshop stays as a packet's. */
void         sam_live_link_leave              (SamLiveLink         *self);

SamLiveState sam_live_link_get_state          (SamLiveLink         *self);
/* %NULL until the coach first acknowledged */
GDateTime   *sam_live_link_get_last_sync      (SamLiveLink         *self);
/* The workshop the link belongs to, %NULL before a team was chosen */
SamWorkshop *sam_live_link_get_workshop       (SamLiveLink         *self);

G_END_DECLS
