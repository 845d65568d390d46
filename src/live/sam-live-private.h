/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sam-live-room.h"
#include "sam-live-link.h"
#include "sam-workshop-file.h"

G_BEGIN_DECLS

/* The room code's alphabet: 31 characters without 0/O, 1/I/L. */
#define SAM_LIVE_ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
/* The WebSocket's path on the coach's server. */
#define SAM_LIVE_PATH "/samenspel-live"
/* Largest message either side accepts (a whole team packet of a big
 * workshop); docs/live-room.md. */
#define SAM_LIVE_MAX_MESSAGE (8 * 1024 * 1024)
/* Random nonces and tokens: bytes before hex encoding. */
#define SAM_LIVE_NONCE_BYTES 16
#define SAM_LIVE_TOKEN_BYTES 32

/* sam-live-crypto.c */
char     *_sam_live_random_hex        (gsize        n_bytes);
char     *_sam_live_random_code       (void);
gboolean  _sam_live_make_certificate  (char       **cert_pem,
                                       char       **key_pem,
                                       GError     **error);
char     *_sam_live_fingerprint       (GTlsCertificate *certificate);
char     *_sam_live_proof             (const char  *key,
                                       const char  *role,
                                       const char  *fingerprint,
                                       const char  *server_nonce,
                                       const char  *client_nonce);
gboolean  _sam_live_equal             (const char  *a,
                                       const char  *b);
char     *_sam_live_hash_token        (const char  *token);

/* sam-live-sync.c: the live room's use of the file-merge code */
typedef void (*SamLiveCommitFunc) (gpointer user_data);
guint     _sam_live_watch_commits     (SamStore           *store,
                                       SamLiveCommitFunc   func,
                                       gpointer            user_data);
void      _sam_live_unwatch_commits   (SamStore           *store,
                                       guint               id);
guint64   _sam_live_get_n_commits    (SamStore           *store);
JsonObject *_sam_live_build_edits     (SamStore     *store,
                                       SamWorkshop  *workshop,
                                       gint64        since,
                                       GHashTable   *known,
                                       guint        *n_rows,
                                       GError      **error);
void      _sam_live_note_known      (GHashTable   *known,
                                       JsonObject   *file);
SamWorkshopFile *_sam_live_check_edits (SamStore    *store,
                                        SamWorkshop *workshop,
                                        const char  *team_uuid,
                                        JsonObject  *file,
                                        GStrv       *touched_teams,
                                        GError     **error);
SamWorkshopFile *_sam_live_prepare_push (SamStore    *store,
                                         SamWorkshop *workshop,
                                         JsonObject  *file,
                                         gint64       since,
                                         GError     **error);
gboolean  _sam_live_edits_shared    (SamStore        *store,
                                       SamWorkshopFile *file);
void      _sam_live_edits_note_rows (SamWorkshopFile *file,
                                       GHashTable      *uuids);
JsonObject *_sam_live_team_packet     (SamStore     *store,
                                       SamWorkshop  *workshop,
                                       const char   *team_uuid,
                                       GError      **error);
JsonObject *_sam_live_team_delta      (SamStore     *store,
                                       SamWorkshop  *workshop,
                                       const char   *team_uuid,
                                       GHashTable   *uuids,
                                       GHashTable   *rows,
                                       GError      **error);

/* sam-live-delete.c: deleted cards, beside the file merge */
JsonArray  *_sam_live_pending_deletions (SamStore           *store,
                                         SamWorkshop        *workshop,
                                         const char         *team_uuid,
                                         GStrv              *uuids);
gboolean    _sam_live_forget_deletions  (SamStore           *store,
                                         SamWorkshop        *workshop,
                                         const char *const  *uuids,
                                         gint64              mark,
                                         GError            **error);
gboolean    _sam_live_revive_cards      (SamStore           *store,
                                         SamWorkshop        *workshop,
                                         SamWorkshopFile    *packet,
                                         GError            **error);
gboolean    _sam_live_apply_deleted     (SamStore           *store,
                                         SamWorkshop        *workshop,
                                         JsonArray          *deleted,
                                         GError            **error);
gboolean    _sam_live_check_deletions   (SamStore           *store,
                                         SamWorkshop        *workshop,
                                         const char         *team_uuid,
                                         JsonArray          *deleted,
                                         GPtrArray          *take,
                                         GError            **error);
JsonObject *_sam_live_packet_message    (SamStore           *store,
                                         SamWorkshop        *workshop,
                                         JsonObject         *packet);

/* sam-live-link.c: joined, connected, and every edit acknowledged */
gboolean  _sam_live_link_is_idle     (SamLiveLink *self);

/* sam-live-laptop.c / sam-live-team.c */
SamLiveLaptop *_sam_live_laptop_new        (const char  *uuid,
                                            const char  *team_uuid,
                                            const char  *team_name,
                                            const char  *name);
const char    *_sam_live_laptop_get_uuid   (SamLiveLaptop *self);
void           _sam_live_laptop_set_connected (SamLiveLaptop *self,
                                               gboolean       connected);
void           _sam_live_laptop_seen       (SamLiveLaptop *self,
                                            guint          n_edits);
SamLiveTeam   *_sam_live_team_new          (const char *uuid,
                                            const char *name,
                                            const char *color);

G_END_DECLS
