/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-application.h"
#include "sam-window.h"

G_BEGIN_DECLS

void            sam_test_isolate         (void);
void            sam_test_reset_data      (void);
gboolean        sam_test_speak_dutch     (void);
SamApplication *sam_test_application_new (void);
SamWindow      *sam_test_window_new      (SamApplication *app);
SamWindow      *sam_test_window_new_sized (SamApplication *app,
                                           int             width,
                                           int             height);
SamWorkshop    *sam_test_create_workshop (SamWindow         *window,
                                          const char        *name,
                                          const char *const *teams);
GtkWidget      *sam_test_shown_page      (GtkWidget      *view,
                                          SamStep       **step);
void            sam_test_pump            (guint           ms);
void            sam_test_scroll_to       (GtkWidget      *page,
                                          GtkWidget      *target);
void            sam_test_screenshot      (GtkWidget      *widget,
                                          const char     *name);
gboolean        sam_test_save_frame      (GtkWidget      *widget,
                                          const char     *path);
GtkWidget      *sam_test_find_child      (GtkWidget      *root,
                                          GType           type);
GtkWidget      *sam_test_find_mapped_child (GtkWidget   *root,
                                            GType        type);
void            sam_test_destroy_window  (SamWindow      *window);

G_END_DECLS
