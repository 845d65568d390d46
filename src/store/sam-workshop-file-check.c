/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sam-workshop-file-private.h"

/* Checking one value of a workshop file against its type and range.  The
 * tables get their ranges from their SamExportTable (`ranges`, with the
 * defaults of _sam_file_default_range()); a section of the format that is
 * not a table calls _sam_file_check_int() and friends directly.  Nothing
 * here logs: a wrong type is an error for the coach, never a GLib
 * critical.  docs/file-format.md lists the ranges. */

/**
 * _sam_file_default_range:
 * @column: a column's name
 * @type: its type ('i', 'r', 't', 'b' or '?')
 * @min: (out): the smallest value, or the shortest text in characters
 * @max: (out): the largest value, or the longest text in characters
 *
 * The range of a column its table does not list: times (`created`,
 * `modified`) in seconds from 1970 to the end of 9999, positions from 0
 * to 2^31 − 1, other whole numbers within 32 bits, real numbers (map
 * coordinates) within ±%SAM_FILE_MAX_COORDINATE, texts up to
 * %SAM_WORKSHOP_FILE_MAX_TEXT characters.
 */
void
_sam_file_default_range (const char *column,
                         char        type,
                         double     *min,
                         double     *max)
{
  *min = 0;
  *max = SAM_WORKSHOP_FILE_MAX_TEXT;

  if (type == 'i' && (g_str_equal (column, "created") || g_str_equal (column, "modified")))
    *max = SAM_FILE_MAX_TIME;
  else if (type == 'i' && g_str_equal (column, "position"))
    *max = SAM_FILE_MAX_POSITION;
  else if (type == 'i')
    {
      *min = G_MININT32;
      *max = G_MAXINT32;
    }
  else if (type == 'r')
    {
      *min = -SAM_FILE_MAX_COORDINATE;
      *max = SAM_FILE_MAX_COORDINATE;
    }
}

static GType
type_of (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
}

static gboolean
out_of_range (const char  *name,
              const char  *path,
              const char  *value,
              double       min,
              double       max,
              GError     **error)
{
  char low[G_ASCII_DTOSTR_BUF_SIZE];
  char high[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (low, sizeof low, "%.15g", min);
  g_ascii_formatd (high, sizeof high, "%.15g", max);
  /* Translators: a number in a file, then the smallest and largest it may be */
  _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, path,
                       _("%s is out of range; it must be from %s to %s"), value, low, high);
  return FALSE;
}

/**
 * _sam_file_check_int:
 * @node: (nullable): the value; %NULL when the member is missing
 * @min: the smallest allowed value
 * @max: the largest allowed value
 * @name: the file's name, for the message
 * @path: the value's JSON path
 * @value: (out) (optional): the number
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @node is a whole number (or true/false) from @min to
 *   @max
 */
gboolean
_sam_file_check_int (JsonNode    *node,
                     double       min,
                     double       max,
                     const char  *name,
                     const char  *path,
                     gint64      *value,
                     GError     **error)
{
  GType type = type_of (node);
  gint64 number;

  if (type != G_TYPE_INT64 && type != G_TYPE_BOOLEAN)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, path,
                           node == NULL ? _("a required field is missing") : _("expected a whole number"));
      return FALSE;
    }

  number = json_node_get_int (node);
  if ((double) number < min || (double) number > max)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

      return out_of_range (name, path, text, min, max, error);
    }

  if (value != NULL)
    *value = number;
  return TRUE;
}

/**
 * _sam_file_check_real:
 * @node: (nullable): the value; %NULL when the member is missing
 * @min: the smallest allowed value
 * @max: the largest allowed value
 * @name: the file's name, for the message
 * @path: the value's JSON path
 * @value: (out) (optional): the number
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @node is a finite number from @min to @max
 */
gboolean
_sam_file_check_real (JsonNode    *node,
                      double       min,
                      double       max,
                      const char  *name,
                      const char  *path,
                      double      *value,
                      GError     **error)
{
  GType type = type_of (node);
  double number;

  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, path,
                           node == NULL ? _("a required field is missing") : _("expected a number"));
      return FALSE;
    }

  number = json_node_get_double (node);
  if (!isfinite (number) || number < min || number > max)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (text, sizeof text, "%.17g", number);
      return out_of_range (name, path, text, min, max, error);
    }

  if (value != NULL)
    *value = number;
  return TRUE;
}

/**
 * _sam_file_check_text:
 * @node: (nullable): the value; %NULL when the member is missing
 * @min: the fewest characters
 * @max: the most characters
 * @name: the file's name, for the message
 * @path: the value's JSON path
 * @value: (out) (optional) (transfer none): the text
 * @error: return location for a #GError
 *
 * Characters are Unicode code points (what g_utf8_strlen() counts), not
 * bytes and not what a reader sees as one letter.
 *
 * Returns: %TRUE when @node is a text of @min to @max characters
 */
gboolean
_sam_file_check_text (JsonNode     *node,
                      double        min,
                      double        max,
                      const char   *name,
                      const char   *path,
                      const char  **value,
                      GError      **error)
{
  const char *text;
  glong length;

  if (type_of (node) != G_TYPE_STRING)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, path,
                           node == NULL ? _("a required field is missing") : _("expected text"));
      return FALSE;
    }

  text = json_node_get_string (node);
  length = g_utf8_strlen (text, -1);
  if (length < min && length == 0)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, path, _("must not be empty"));
      return FALSE;
    }

  if (length < min || length > max)
    {
      /* Translators: the length of a text in a file, then the limit */
      _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, path,
                           length > max ? _("the text is %'ld characters; the limit is %'ld")
                                        : _("the text is %'ld characters; it needs at least %'ld"),
                           length, (long) (length > max ? max : min));
      return FALSE;
    }

  if (value != NULL)
    *value = text;
  return TRUE;
}

/**
 * _sam_file_check_column:
 * @column: a column of a local table
 * @node: its value in the file, not %NULL
 * @name: the file's name, for the message
 * @path: the value's JSON path
 * @error: return location for a #GError
 *
 * Checks a value that is not a reference against the column's type and
 * range; null only where the column allows it.
 *
 * Returns: %TRUE when the column can hold @node
 */
gboolean
_sam_file_check_column (SamFileColumn  *column,
                        JsonNode       *node,
                        const char     *name,
                        const char     *path,
                        GError        **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (!column->not_null)
        return TRUE;
      _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, path, _("must not be empty (null)"));
      return FALSE;
    }

  switch (column->type)
    {
    case 'i':
      return _sam_file_check_int (node, column->min, column->max, name, path, NULL, error);

    case 'r':
      return _sam_file_check_real (node, column->min, column->max, name, path, NULL, error);

    case 't':
      return _sam_file_check_text (node, column->min, column->max, name, path, NULL, error);

    case 'b':
      if (type_of (node) != G_TYPE_STRING)
        {
          _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, path, _("expected base64 data"));
          return FALSE;
        }
      return TRUE;

    default:
      if (!JSON_NODE_HOLDS_VALUE (node))
        {
          _sam_file_set_error (error, name, SAM_FILE_ERROR_INVALID, path,
                               _("expected a plain value, not a list or an object"));
          return FALSE;
        }
      return TRUE;
    }
}
