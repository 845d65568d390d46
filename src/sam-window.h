/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-application.h"

G_BEGIN_DECLS

#define SAM_TYPE_WINDOW (sam_window_get_type ())

G_DECLARE_FINAL_TYPE (SamWindow, sam_window, SAM, WINDOW, AdwApplicationWindow)

SamWindow   *sam_window_new                (SamApplication *application);
SamStore    *sam_window_get_store          (SamWindow      *self);
SamWorkshop *sam_window_get_workshop       (SamWindow      *self);
GtkWidget   *sam_window_get_workshop_view  (SamWindow      *self);
const char  *sam_window_get_visible_page   (SamWindow      *self);
void         sam_window_open_workshop      (SamWindow      *self,
                                            SamWorkshop    *workshop);
void         sam_window_show_library       (SamWindow      *self);
void         sam_window_show_toast         (SamWindow      *self,
                                            const char     *message);
void         sam_window_show_undo_toast    (SamWindow      *self,
                                            const char     *message,
                                            gint64          batch);
void         sam_window_show_action_toast  (SamWindow      *self,
                                            const char     *message,
                                            const char     *button_label,
                                            const char     *action_name,
                                            GVariant       *target);
void         sam_window_show_error         (SamWindow      *self,
                                            const GError   *error);
gpointer     sam_window_get_presenter      (SamWindow      *self);

/* Implemented in sam-window-files.c */
void         sam_window_open_file          (SamWindow      *self,
                                            GFile          *file);
void         sam_window_set_locked         (SamWindow      *self,
                                            gboolean        locked);
gboolean     sam_window_get_locked         (SamWindow      *self);

G_END_DECLS
