/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

gboolean     sam_store_get_packet_pin     (SamStore     *store,
                                           SamWorkshop  *workshop,
                                           char        **salt,
                                           char        **hash,
                                           guint        *rounds);
gboolean     sam_store_check_packet_pin   (SamStore     *store,
                                           SamWorkshop  *workshop,
                                           const char   *pin);
gboolean     sam_store_set_team_mode      (SamStore     *store,
                                           SamWorkshop  *workshop,
                                           gboolean      team_mode,
                                           GError      **error);
gboolean     sam_store_get_packet_shared  (SamStore     *store,
                                           SamWorkshop  *workshop);
gboolean     sam_store_set_packet_team    (SamStore     *store,
                                           SamWorkshop  *workshop,
                                           SamTeam      *team,
                                           GError      **error);
SamWorkshop *sam_store_find_team_mode     (SamStore     *store);
GPtrArray   *sam_store_list_past_packets  (SamStore     *store,
                                           const char   *today);
gboolean     sam_store_forget_workshop    (SamStore     *store,
                                           SamWorkshop  *workshop,
                                           GError      **error);

G_END_DECLS
