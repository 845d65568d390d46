/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n.h>

#include "sam-catalog.h"
#include "sam-report.h"

G_BEGIN_DECLS

/* What the sections of the report share while it is being built. */
typedef struct
{
  SamStore    *store;
  SamWorkshop *workshop;
  SamDocument *document;
  GHashTable  *teams;       /* id (gint64 *) → SamTeam */
  GPtrArray   *strings;     /* kept alive until the document is built */
  SamCatalog  *catalog;     /* the reader's language; NULL: the UI's */
} SamReport;

/* The report is written in its reader's language, which need not be the
 * UI's: in the report's sources _() looks the message up in the report's
 * catalogue (a SamReport *report must be in scope).  Keeping the _()
 * marker keeps xgettext extracting the messages as before. */
#undef _
#define _(msgid) sam_catalog_gettext (report->catalog, (msgid))

const char *_sam_report_team_name   (SamReport  *report,
                                     gint64      team_id,
                                     const char *none);
const char *_sam_report_team_colour (SamReport  *report,
                                     gint64      team_id);
const char *_sam_report_keep        (SamReport  *report,
                                     char       *text);
void        _sam_report_empty       (SamReport  *report);
char       *_sam_report_format_date (SamReport  *report,
                                     const char *date);

/* Implemented in sam-report-sections.c; each returns FALSE when the step
 * has nothing of its kind, so the generic cards are shown instead. */
gboolean    _sam_report_changes     (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_perspective (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_walk        (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_strengths   (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_beliefs     (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_statements  (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_brainstorm  (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_agreements  (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_reviews     (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_absent      (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_map         (SamReport  *report,
                                     SamStep    *step);
gboolean    _sam_report_cards       (SamReport  *report,
                                     SamStep    *step);
/* Implemented in sam-report-checklist.c */
gboolean    _sam_report_checklist   (SamReport  *report,
                                     SamStep    *step);
/* Implemented in sam-report-feedback.c */
gboolean    _sam_report_feedback    (SamReport  *report,
                                     SamStep    *step);

G_END_DECLS
