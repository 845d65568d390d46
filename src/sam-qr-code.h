/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Light modules around the symbol, as the QR standard asks for. */
#define SAM_QR_CODE_QUIET_ZONE 4

#define SAM_TYPE_QR_CODE (sam_qr_code_get_type ())

G_DECLARE_FINAL_TYPE (SamQrCode, sam_qr_code, SAM, QR_CODE, GtkWidget)

GtkWidget  *sam_qr_code_new             (void);
void        sam_qr_code_set_text        (SamQrCode *self,
                                         const char *text);
const char *sam_qr_code_get_text        (SamQrCode *self);
int         sam_qr_code_get_n_modules   (SamQrCode *self);
gboolean    sam_qr_code_get_module      (SamQrCode *self,
                                         int        x,
                                         int        y);
int         sam_qr_code_get_module_size (SamQrCode *self);
void        sam_qr_code_set_min_module_size (SamQrCode *self,
                                             int        pixels);

G_END_DECLS
