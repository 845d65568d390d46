/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-projector-window.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_PRESENTER (sam_presenter_get_type ())

G_DECLARE_FINAL_TYPE (SamPresenter, sam_presenter, SAM, PRESENTER, GObject)

SamPresenter       *sam_presenter_new               (GtkWindow    *console);
gboolean            sam_presenter_get_active        (SamPresenter *self);
SamProjectorWindow *sam_presenter_get_window        (SamPresenter *self);
GtkWidget          *sam_presenter_get_panel         (SamPresenter *self);
int                 sam_presenter_get_monitor_index (SamPresenter *self);
gboolean            sam_presenter_get_inhibited     (SamPresenter *self);
void                sam_presenter_start             (SamPresenter *self);
void                sam_presenter_stop              (SamPresenter *self);
void                sam_presenter_workshop_changed  (SamPresenter *self);
void                sam_presenter_set_room          (SamPresenter *self,
                                                     const char   *code,
                                                     const char   *uri,
                                                     const char   *short_fingerprint);

G_END_DECLS
