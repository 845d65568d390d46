/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How often the hash is repeated: slow enough that trying every four- to
 * six-digit PIN takes a while, quick enough for the laptop (0.35 s per try
 * measured on the shared 2-core build machine). */
#define SAM_PIN_ROUNDS     100000
#define SAM_PIN_MIN_LENGTH 4
#define SAM_PIN_MAX_LENGTH 32

gboolean  sam_pin_is_acceptable (const char  *pin);
char     *sam_pin_hash          (const char  *salt,
                                 const char  *pin,
                                 guint        rounds);
void      sam_pin_make          (const char  *pin,
                                 char       **salt,
                                 char       **hash,
                                 guint       *rounds);
gboolean  sam_pin_check         (const char  *salt,
                                 const char  *hash,
                                 guint        rounds,
                                 const char  *pin);

G_END_DECLS
