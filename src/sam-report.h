/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sam-catalog.h"
#include "sam-document.h"
#include "sam-map-export.h"
#include "sam-store.h"
#include "sam-workshop-file.h"

G_BEGIN_DECLS

/* The report a coach sends after the day, the agreements as CSV and the
 * relationship map as an image.  GLib, the store, the report writer and the
 * map's core only: the command line uses it without a display. */

SamDocument *sam_report_build                  (SamStore            *store,
                                                SamWorkshop         *workshop,
                                                SamCatalog          *catalog,
                                                GError             **error);
void         sam_report_write_pdf_async        (SamStore            *store,
                                                SamWorkshop         *workshop,
                                                SamCatalog          *catalog,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean     sam_report_write_pdf_finish       (GAsyncResult        *result,
                                                GError             **error);

GBytes      *sam_report_dup_agreements_csv     (SamStore            *store,
                                                SamWorkshop         *workshop,
                                                SamCatalog          *catalog,
                                                GError             **error);
gboolean     sam_report_write_agreements_csv   (SamStore            *store,
                                                SamWorkshop         *workshop,
                                                SamCatalog          *catalog,
                                                GFile               *file,
                                                GError             **error);

gboolean     sam_report_export_map             (SamStore            *store,
                                                SamWorkshop         *workshop,
                                                GFile               *file,
                                                SamMapFormat         format,
                                                SamCatalog          *catalog,
                                                GError             **error);
gboolean     sam_report_export_file_map        (SamWorkshopFile     *source,
                                                GFile               *file,
                                                SamMapFormat         format,
                                                SamCatalog          *catalog,
                                                GError             **error);

G_END_DECLS
