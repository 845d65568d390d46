/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-live-room.h"
#include "sam-live-dnssd.h"
#include "sam-qr-code.h"

G_BEGIN_DECLS

#define SAM_TYPE_ROOM_PAGE (sam_room_page_get_type ())

G_DECLARE_FINAL_TYPE (SamRoomPage, sam_room_page, SAM, ROOM_PAGE, GtkWidget)

gboolean     sam_room_page_open          (SamRoomPage *self,
                                          GError     **error);
void         sam_room_page_close         (SamRoomPage *self);
SamLiveRoom *sam_room_page_get_room      (SamRoomPage *self);
SamLiveDnssd *sam_room_page_get_dnssd    (SamRoomPage *self);
const char  *sam_room_page_get_code_text (SamRoomPage *self);
const char  *sam_room_page_get_address   (SamRoomPage *self);
SamQrCode   *sam_room_page_get_qr_code   (SamRoomPage *self);
GtkListView *sam_room_page_get_laptops_view (SamRoomPage *self);

/* For tests: the bus Avahi is looked for on (before the room opens). */
void         _sam_room_page_set_bus      (SamRoomPage     *self,
                                          GDBusConnection *bus);

G_END_DECLS
