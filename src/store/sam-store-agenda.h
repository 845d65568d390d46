/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

typedef enum
{
  SAM_STEP_FIELD_TITLE,
  SAM_STEP_FIELD_INSTRUCTIONS,
  SAM_STEP_FIELD_NOTES,
  SAM_STEP_FIELD_SETTINGS,
} SamStepField;

GListModel *sam_store_get_steps        (SamStore      *self,
                                        SamWorkshop   *workshop);
SamStep    *sam_store_find_step        (SamStore      *self,
                                        SamWorkshop   *workshop,
                                        gint64         step_id);
SamStep    *sam_store_lookup_step      (SamStore      *self,
                                        gint64         step_id);
SamStep    *sam_store_add_step         (SamStore      *self,
                                        SamWorkshop   *workshop,
                                        int            position,
                                        const char    *kind,
                                        const char    *title,
                                        guint          minutes,
                                        const char    *instructions,
                                        const char    *notes,
                                        GError       **error);
/* One step of sam_store_add_steps(). */
typedef struct
{
  const char *kind;
  const char *title;
  guint       minutes;
  const char *instructions;
  const char *notes;
} SamNewStep;

gboolean    sam_store_add_steps        (SamStore         *self,
                                        SamWorkshop      *workshop,
                                        const SamNewStep *steps,
                                        guint             n_steps,
                                        GError          **error);
gboolean    sam_store_set_step_field   (SamStore      *self,
                                        SamStep       *step,
                                        SamStepField   field,
                                        const char    *value,
                                        GError       **error);
gboolean    sam_store_set_step_minutes (SamStore      *self,
                                        SamStep       *step,
                                        guint          minutes,
                                        GError       **error);
gboolean    sam_store_set_step_state   (SamStore      *self,
                                        SamStep       *step,
                                        SamStepState   state,
                                        GError       **error);
gboolean    sam_store_set_step_timer   (SamStore      *self,
                                        SamStep       *step,
                                        gint64         remaining_ms,
                                        gint64         deadline_ms,
                                        GError       **error);
gboolean    sam_store_move_step        (SamStore      *self,
                                        SamStep       *step,
                                        guint          position,
                                        GError       **error);
SamStep    *sam_store_duplicate_step   (SamStore      *self,
                                        SamStep       *step,
                                        GError       **error);
gboolean    sam_store_trash_step       (SamStore      *self,
                                        SamStep       *step,
                                        gint64        *out_batch,
                                        GError       **error);

gboolean    sam_step_kind_is_private    (const char    *kind);
gboolean    sam_store_get_step_revealed (SamStore      *self,
                                         SamStep       *step);
gboolean    sam_store_set_step_revealed (SamStore      *self,
                                         SamStep       *step,
                                         gboolean       revealed,
                                         GError       **error);

G_END_DECLS
