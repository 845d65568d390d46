/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-live-dnssd.h"
#include "sam-live-link.h"
#include "sam-window.h"

G_BEGIN_DECLS

#define SAM_TYPE_JOIN_DIALOG (sam_join_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SamJoinDialog, sam_join_dialog, SAM, JOIN_DIALOG, AdwWindow)

SamJoinDialog *sam_join_dialog_present       (SamWindow     *parent);
SamJoinDialog *sam_join_dialog_find_open     (void);
const char    *sam_join_dialog_get_page      (SamJoinDialog *self);
const char    *sam_join_dialog_get_error     (SamJoinDialog *self);
const char    *sam_join_dialog_get_fingerprint_text (SamJoinDialog *self);
GListModel    *sam_join_dialog_get_rooms     (SamJoinDialog *self);
GListModel    *sam_join_dialog_get_teams     (SamJoinDialog *self);
GtkEditable   *sam_join_dialog_get_code_entry (SamJoinDialog *self);

/* For tests: look for rooms on this bus instead of the system bus. */
void           _sam_join_dialog_set_bus      (GDBusConnection *bus);

G_END_DECLS
