/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-document-private.h"
#include "sam-table.h"

typedef struct
{
  GStrv        cells;
  guint32      chip_mask;            /* bit per column; columns past 32 get no chip */
  SamChipKind *chip_kinds;
  SamRgb       swatch;
  gboolean     has_swatch;
} SamTableRow;

struct _SamTable
{
  GObject    parent_instance;

  GStrv      titles;
  guint      n_columns;
  double    *ratios;
  GPtrArray *rows;                   /* of SamTableRow */
  guint      has_swatches : 1;
  guint      frozen : 1;
};

G_DEFINE_FINAL_TYPE (SamTable, sam_table, G_TYPE_OBJECT)

static void
sam_table_row_free (gpointer data)
{
  SamTableRow *row = data;

  g_strfreev (row->cells);
  g_free (row->chip_kinds);
  g_free (row);
}

static void
sam_table_finalize (GObject *object)
{
  SamTable *self = (SamTable *)object;

  g_clear_pointer (&self->titles, g_strfreev);
  g_clear_pointer (&self->ratios, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_table_parent_class)->finalize (object);
}

static void
sam_table_class_init (SamTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_table_finalize;
}

static void
sam_table_init (SamTable *self)
{
  self->rows = g_ptr_array_new_with_free_func (sam_table_row_free);
}

/**
 * sam_table_new:
 * @titles: (array zero-terminated=1): the column titles; their number is the
 *   number of columns
 *
 * Creates a table for sam_document_add_table().  Add all rows before adding
 * the table to a document: the document freezes it.  By default the columns
 * share the width equally.
 *
 * Returns: (transfer full): a new #SamTable
 */
SamTable *
sam_table_new (const char * const *titles)
{
  SamTable *self;

  g_return_val_if_fail (titles != NULL && titles[0] != NULL, NULL);

  self = g_object_new (SAM_TYPE_TABLE, NULL);
  self->titles = g_strdupv ((char **)titles);
  self->n_columns = g_strv_length (self->titles);
  self->ratios = g_new (double, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    self->ratios[i] = 1.0;

  return self;
}

/**
 * sam_table_set_column_ratios:
 * @self: a #SamTable
 * @ratios: (array length=n_ratios): relative column widths, e.g. 3, 1, 1
 * @n_ratios: the number of ratios, equal to the number of columns
 *
 * Sets how the width is shared between the columns.  Only the proportions
 * matter; values that are not positive count as 1.
 */
void
sam_table_set_column_ratios (SamTable     *self,
                             const double *ratios,
                             guint         n_ratios)
{
  g_return_if_fail (SAM_IS_TABLE (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (ratios != NULL);
  g_return_if_fail (n_ratios == self->n_columns);

  for (guint i = 0; i < n_ratios; i++)
    self->ratios[i] = ratios[i] > 0 ? ratios[i] : 1.0;
}

/**
 * sam_table_add_row:
 * @self: a #SamTable
 * @cells: (array zero-terminated=1): the cell texts; missing cells stay empty,
 *   extra cells are ignored
 * @swatch_colour: (nullable): a team colour such as `#E69F00`, drawn as a
 *   bar at the start of the row
 *
 * Appends a row.  Cells are plain text (never markup) and wrap.
 *
 * Returns: the index of the new row
 */
guint
sam_table_add_row (SamTable           *self,
                   const char * const *cells,
                   const char         *swatch_colour)
{
  SamTableRow *row;

  g_return_val_if_fail (SAM_IS_TABLE (self), 0);
  g_return_val_if_fail (!self->frozen, 0);

  row = g_new0 (SamTableRow, 1);
  row->cells = g_new0 (char *, self->n_columns + 1);
  for (guint i = 0; cells != NULL && cells[i] != NULL && i < self->n_columns; i++)
    row->cells[i] = g_strdup (cells[i]);
  for (guint i = 0; i < self->n_columns; i++)
    if (row->cells[i] == NULL)
      row->cells[i] = g_strdup ("");
  row->chip_kinds = g_new0 (SamChipKind, self->n_columns);

  if (swatch_colour != NULL)
    {
      row->has_swatch = TRUE;
      _sam_parse_colour (swatch_colour, &row->swatch);
      self->has_swatches = TRUE;
    }

  g_ptr_array_add (self->rows, row);

  return self->rows->len - 1;
}

/**
 * sam_table_set_cell_chip:
 * @self: a #SamTable
 * @row: a row index from sam_table_add_row()
 * @column: a column index
 * @kind: the chip's colour
 *
 * Shows the cell's text as a status chip, e.g. "Kept" in green.
 */
void
sam_table_set_cell_chip (SamTable    *self,
                         guint        row,
                         guint        column,
                         SamChipKind  kind)
{
  SamTableRow *r;

  g_return_if_fail (SAM_IS_TABLE (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (column < self->n_columns && column < 32);

  r = g_ptr_array_index (self->rows, row);
  r->chip_mask |= 1u << column;
  r->chip_kinds[column] = kind;
}

guint
sam_table_get_n_columns (SamTable *self)
{
  g_return_val_if_fail (SAM_IS_TABLE (self), 0);

  return self->n_columns;
}

guint
sam_table_get_n_rows (SamTable *self)
{
  g_return_val_if_fail (SAM_IS_TABLE (self), 0);

  return self->rows->len;
}

/**
 * sam_table_is_frozen:
 * @self: a #SamTable
 *
 * Returns: %TRUE once the table was added to a document and can no longer
 *   change
 */
gboolean
sam_table_is_frozen (SamTable *self)
{
  g_return_val_if_fail (SAM_IS_TABLE (self), FALSE);

  return self->frozen;
}

void
_sam_table_freeze (SamTable *self)
{
  self->frozen = TRUE;
}

guint
_sam_table_get_n_columns (SamTable *self)
{
  return self->n_columns;
}

const char *
_sam_table_get_title (SamTable *self,
                      guint     column)
{
  g_assert (column < self->n_columns);

  return self->titles[column];
}

double
_sam_table_get_ratio (SamTable *self,
                      guint     column)
{
  g_assert (column < self->n_columns);

  return self->ratios[column];
}

const char *
_sam_table_get_cell (SamTable    *self,
                     guint        row,
                     guint        column,
                     gboolean    *is_chip,
                     SamChipKind *kind)
{
  SamTableRow *r;

  g_assert (row < self->rows->len);
  g_assert (column < self->n_columns);

  r = g_ptr_array_index (self->rows, row);
  *is_chip = column < 32 && (r->chip_mask & (1u << column)) != 0;
  *kind = r->chip_kinds[column];

  return r->cells[column];
}

gboolean
_sam_table_get_swatch (SamTable *self,
                       guint     row,
                       SamRgb   *rgb)
{
  SamTableRow *r;

  g_assert (row < self->rows->len);

  r = g_ptr_array_index (self->rows, row);
  *rgb = r->swatch;

  return r->has_swatch;
}

gboolean
_sam_table_has_swatches (SamTable *self)
{
  return self->has_swatches;
}
