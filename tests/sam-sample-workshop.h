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

/* What tests and benchmarks build and look up a workshop with; each fails
 * the test when the store refuses or finds nothing. */
SamStore    *sam_sample_open_two_teams (const char   *file_name,
                                        const char   *workshop_name,
                                        SamWorkshop **workshop,
                                        SamTeam     **sales,
                                        SamTeam     **it);
SamTeam     *sam_sample_team_at       (SamStore    *store,
                                       SamWorkshop *workshop,
                                       guint        i);
SamStep     *sam_sample_step_at       (SamStore    *store,
                                       SamWorkshop *workshop,
                                       guint        i);
SamStep     *sam_sample_find_step     (SamStore    *store,
                                       SamWorkshop *workshop,
                                       const char  *kind);
SamStep     *sam_sample_add_step      (SamStore    *store,
                                       SamWorkshop *workshop,
                                       const char  *kind,
                                       const char  *title,
                                       guint        minutes,
                                       const char  *instructions,
                                       const char  *notes);
SamCard     *sam_sample_add_card      (SamStore          *store,
                                       SamStep           *step,
                                       const SamCardInit *init);

/* The text of a report written as PDF, as pdftotext reads it. */
char        *sam_sample_pdf_text      (const char        *path);

G_END_DECLS
