/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GListModel *sam_card_bucket_get         (GListModel *cards,
                                         const char *kind,
                                         gint64      team_id,
                                         gint64      about_team_id,
                                         gint64      parent_id,
                                         const char *prompt);
gboolean    sam_card_bucket_has_card    (GListModel *bucket,
                                         gpointer    card);

G_END_DECLS
