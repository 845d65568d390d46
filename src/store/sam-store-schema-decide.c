/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-store-private.h"

/* Schema version 4: the deciding exercises (brainstorm, votes, agreements,
 * achieve/avoid, absent colleagues). */

const char sam_schema_decide_sql[] =
  "ALTER TABLE workshop ADD COLUMN follows_id INTEGER REFERENCES workshop(id) ON DELETE SET NULL;";

const SamSchemaModule sam_schema_decide_module = {
  .trash_tables = NULL,
  .team_cascade = NULL,
  .team_content_count = NULL,
};
