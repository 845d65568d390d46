/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The DNS-SD service type of an open room, and the version of the room's
 * protocol its TXT record announces ("v=1"). */
#define SAM_LIVE_DNSSD_TYPE "_samenspel._tcp"
#define SAM_LIVE_DNSSD_PROTOCOL_VERSION 1

#define SAM_TYPE_LIVE_FOUND_ROOM (sam_live_found_room_get_type ())

G_DECLARE_FINAL_TYPE (SamLiveFoundRoom, sam_live_found_room, SAM, LIVE_FOUND_ROOM, GObject)

const char *sam_live_found_room_get_name        (SamLiveFoundRoom *self);
const char *sam_live_found_room_get_host        (SamLiveFoundRoom *self);
const char *sam_live_found_room_get_host_name   (SamLiveFoundRoom *self);
guint16     sam_live_found_room_get_port        (SamLiveFoundRoom *self);
const char *sam_live_found_room_get_fingerprint (SamLiveFoundRoom *self);
guint       sam_live_found_room_get_version     (SamLiveFoundRoom *self);

#define SAM_TYPE_LIVE_DNSSD (sam_live_dnssd_get_type ())

G_DECLARE_FINAL_TYPE (SamLiveDnssd, sam_live_dnssd, SAM, LIVE_DNSSD, GObject)

SamLiveDnssd *sam_live_dnssd_new            (GDBusConnection *bus);
void          sam_live_dnssd_publish        (SamLiveDnssd    *self,
                                             const char      *name,
                                             guint16          port,
                                             const char      *short_fingerprint);
void          sam_live_dnssd_unpublish      (SamLiveDnssd    *self);
const char   *sam_live_dnssd_get_published_name (SamLiveDnssd *self);
void          sam_live_dnssd_browse         (SamLiveDnssd    *self);
GListModel   *sam_live_dnssd_get_rooms      (SamLiveDnssd    *self);
gboolean      sam_live_dnssd_get_available  (SamLiveDnssd    *self);

char         *sam_live_dup_local_address    (void);

G_END_DECLS
