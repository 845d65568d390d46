/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_LIBRARY_PAGE (sam_library_page_get_type ())

G_DECLARE_FINAL_TYPE (SamLibraryPage, sam_library_page, SAM, LIBRARY_PAGE, GtkWidget)

void sam_library_page_set_store    (SamLibraryPage *self,
                                    SamStore       *store);
void sam_library_page_refresh      (SamLibraryPage *self);
void sam_library_page_start_search (SamLibraryPage *self);

G_END_DECLS
