/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* One step in the agenda sidebar of #SamWorkshopView. */
#define SAM_TYPE_AGENDA_ROW (sam_agenda_row_get_type ())

G_DECLARE_FINAL_TYPE (SamAgendaRow, sam_agenda_row, SAM, AGENDA_ROW, GtkListBoxRow)

GtkWidget *sam_agenda_row_new      (SamStep      *step);
SamStep   *sam_agenda_row_get_step (SamAgendaRow *self);
void       sam_agenda_row_set_number (SamAgendaRow *self,
                                      guint         number);

G_END_DECLS
