/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-exercise-page.h"

#include "sam-map-export.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_MAP_PAGE (sam_map_page_get_type ())

G_DECLARE_FINAL_TYPE (SamMapPage, sam_map_page, SAM, MAP_PAGE, SamExercisePage)

GtkWidget *sam_map_page_new             (void);
void       sam_map_page_export_async    (SamMapPage          *self,
                                         GFile               *file,
                                         SamMapFormat         format,
                                         SamMapPaper          paper,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean   sam_map_page_export_finish   (SamMapPage          *self,
                                         GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
