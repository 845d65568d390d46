/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* zlib's compression level for PNG files: the fastest. */
#define SAM_MAP_PNG_LEVEL 1

gboolean sam_map_png_write (cairo_surface_t  *surface,
                            GOutputStream    *stream,
                            GCancellable     *cancellable,
                            GError          **error);
gboolean sam_map_png_write_consume (cairo_surface_t  *surface,
                                    GOutputStream    *stream,
                                    GCancellable     *cancellable,
                                    GError          **error);

G_END_DECLS
