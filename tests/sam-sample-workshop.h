/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* A full workshop as a coach would have it at the end of the day: four
 * teams, an agenda with every card exercise, cards of every kind, coach
 * notes and potential links.  Store API only, for file, report and CLI
 * tests. */
SamWorkshop *sam_sample_workshop_new  (SamStore    *store,
                                       const char  *name);
char        *sam_sample_dump_database (SamStore    *store);

G_END_DECLS
