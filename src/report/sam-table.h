/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SamChipKind:
 * @SAM_CHIP_NEUTRAL: grey, for plain states ("Open")
 * @SAM_CHIP_POSITIVE: green ("Kept", "Recognised")
 * @SAM_CHIP_NEGATIVE: red ("Not kept", "Not right")
 * @SAM_CHIP_WARNING: amber ("Late", "Partly")
 * @SAM_CHIP_INFO: blue ("New", "Add")
 *
 * The colour of a status chip: a short label on a rounded, tinted
 * background.  The chip always carries its text, so the meaning never
 * depends on colour alone.
 */
typedef enum
{
  SAM_CHIP_NEUTRAL,
  SAM_CHIP_POSITIVE,
  SAM_CHIP_NEGATIVE,
  SAM_CHIP_WARNING,
  SAM_CHIP_INFO,
} SamChipKind;

#define SAM_TYPE_TABLE (sam_table_get_type ())

G_DECLARE_FINAL_TYPE (SamTable, sam_table, SAM, TABLE, GObject)

SamTable    *sam_table_new               (const char * const *titles);
void         sam_table_set_column_ratios (SamTable           *self,
                                          const double       *ratios,
                                          guint               n_ratios);
guint        sam_table_add_row           (SamTable           *self,
                                          const char * const *cells,
                                          const char         *swatch_colour);
void         sam_table_set_cell_chip     (SamTable           *self,
                                          guint               row,
                                          guint               column,
                                          SamChipKind         kind);
guint        sam_table_get_n_columns     (SamTable           *self);
guint        sam_table_get_n_rows        (SamTable           *self);
gboolean     sam_table_is_frozen         (SamTable           *self);

G_END_DECLS
