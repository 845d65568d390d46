/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A step's settings are one JSON object (docs/architecture.md).  These
 * helpers read one member and return a new JSON text with one member
 * changed, keeping every other member as it was; the page then stores it
 * with sam_store_set_step_field (..., SAM_STEP_FIELD_SETTINGS, ...). */

char       *sam_step_settings_dup_string     (const char  *settings,
                                              const char  *key);
char       *sam_step_settings_set_string     (const char  *settings,
                                              const char  *key,
                                              const char  *value);
gboolean    sam_step_settings_get_boolean    (const char  *settings,
                                              const char  *key,
                                              gboolean     fallback);
char       *sam_step_settings_set_boolean    (const char  *settings,
                                              const char  *key,
                                              gboolean     value);
GHashTable *sam_step_settings_dup_map        (const char  *settings,
                                              const char  *key);
char       *sam_step_settings_set_map        (const char  *settings,
                                              const char  *key,
                                              GHashTable  *map);

G_END_DECLS
