/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-window.h"

G_BEGIN_DECLS

/* Implemented in sam-window-files.c */
void _sam_window_init_files      (SamWindow    *self);
void _sam_window_offer_past_packets (SamWindow *self);
void _sam_window_change_language (GSimpleAction *action,
                                  GVariant      *value,
                                  gpointer       user_data);
void _sam_window_show_file_error (SamWindow    *self,
                                  const char   *heading,
                                  const GError *error);

/* Implemented in sam-window-open.c */
void _sam_window_ask_open        (SamWindow    *self,
                                  const char   *title);

/* Implemented in sam-window-room.c */
void _sam_window_init_room       (SamWindow    *self);

G_END_DECLS
