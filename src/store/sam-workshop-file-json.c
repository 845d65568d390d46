/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sam-workshop-file-private.h"

/* A strict JSON check (RFC 8259) of the raw bytes before json-glib sees
 * them.  json-glib accepts single quotes, text after the top-level value,
 * `\u0000` (which cuts a string short), lone surrogates (which become
 * invalid UTF-8), integers beyond 64 bits (wrapped) and `1e999` (infinity),
 * and keeps the last of two equal keys.  This walk refuses all of them, and
 * knows the JSON path of what it reads, so a message can say
 * `$.tables.card[12].position`.  Nesting is bounded by
 * %SAM_WORKSHOP_FILE_MAX_DEPTH, so the recursion is too.
 *
 * The same walk builds the tree (_sam_file_parse_json()): parsing the
 * bytes a second time with json-glib's parser cost a large file three
 * times what checking them costs.  The nodes are those json-glib's parser
 * makes: whole numbers as gint64, other numbers as double, strings
 * decoded, members in the file's order. */

typedef struct
{
  const char  *data;
  gsize        length;
  gsize        pos;
  guint        depth;
  GString     *path;
  const char  *name;
  GError     **error;
  GString     *text;    /* scratch for decoding strings */
} Checker;

guint
_sam_file_line_of (const char *data,
                   gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

static gboolean
fail_at (Checker      *c,
         SamFileError  code,
         const char   *problem)
{
  const char *line_start = c->data + c->pos;
  g_autofree char *where = NULL;

  while (line_start > c->data && line_start[-1] != '\n')
    line_start--;

  /* Translators: a place in a file, e.g. "line 12, column 22" */
  where = g_strdup_printf (_("line %u, column %ld"), _sam_file_line_of (c->data, c->pos),
                           g_utf8_pointer_to_offset (line_start, c->data + c->pos) + 1);
  _sam_file_set_error (c->error, c->name, code, where, "%s", problem);
  return FALSE;
}

static gboolean
fail_path (Checker    *c,
           const char *problem)
{
  _sam_file_set_error (c->error, c->name, SAM_FILE_ERROR_INVALID,
                       c->path->len > 0 ? c->path->str : "$", "%s", problem);
  return FALSE;
}

static void
skip_space (Checker *c)
{
  while (c->pos < c->length &&
         (c->data[c->pos] == ' ' || c->data[c->pos] == '\t' ||
          c->data[c->pos] == '\n' || c->data[c->pos] == '\r'))
    c->pos++;
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

static char
escaped_control (char letter)
{
  switch (letter)
    {
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    default: return '\t';
    }
}

/* Reads a string; @out (nullable) gets its decoded text. */
static gboolean
check_string (Checker *c,
              GString *out)
{
  if (c->pos >= c->length || c->data[c->pos] != '"')
    {
      if (c->pos < c->length && c->data[c->pos] == '\'')
        return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("text in single quotes is not JSON; use double quotes"));
      return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("expected text in double quotes"));
    }

  c->pos++;
  while (c->pos < c->length)
    {
      guchar ch = c->data[c->pos];

      if (ch == '"')
        {
          c->pos++;
          return TRUE;
        }

      if (ch < 0x20)
        return fail_at (c, SAM_FILE_ERROR_SYNTAX,
                        _("a control character inside text must be written as an escape such as \\n"));

      if (ch != '\\')
        {
          gsize run = c->pos + 1;

          /* Plain characters up to the next quote, escape or control. */
          while (run < c->length && c->data[run] != '"' && c->data[run] != '\\' &&
                 (guchar) c->data[run] >= 0x20)
            run++;
          if (out != NULL)
            g_string_append_len (out, c->data + c->pos, run - c->pos);
          c->pos = run;
          continue;
        }

      if (c->pos + 1 >= c->length)
        break;

      switch (c->data[c->pos + 1])
        {
        case '"': case '\\': case '/':
          if (out != NULL)
            g_string_append_c (out, c->data[c->pos + 1]);
          c->pos += 2;
          break;

        case 'b': case 'f': case 'n': case 'r': case 't':
          if (out != NULL)
            g_string_append_c (out, escaped_control (c->data[c->pos + 1]));
          c->pos += 2;
          break;

        case 'u':
          {
            int unit = c->pos + 6 <= c->length ? hex4 (c->data + c->pos + 2) : -1;
            gunichar ch32;

            if (unit < 0)
              return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("\\u must be followed by four hexadecimal digits"));
            if (unit == 0)
              return fail_path (c, _("the text contains a NUL character (\\u0000), which Samenspel does not accept"));
            if (unit >= 0xDC00 && unit <= 0xDFFF)
              return fail_path (c, _("the text contains half of a UTF-16 surrogate pair, which is not a character"));

            ch32 = unit;
            c->pos += 6;
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                int low = c->pos + 6 <= c->length && c->data[c->pos] == '\\' && c->data[c->pos + 1] == 'u'
                        ? hex4 (c->data + c->pos + 2) : -1;

                if (low < 0xDC00 || low > 0xDFFF)
                  return fail_path (c, _("the text contains half of a UTF-16 surrogate pair, which is not a character"));
                ch32 = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                c->pos += 6;
              }
            if (out != NULL)
              g_string_append_unichar (out, ch32);
          }
          break;

        default:
          return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("unknown escape after a backslash"));
        }
    }

  return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("the file ends inside a text"));
}

static gsize
skip_digits (Checker *c)
{
  gsize start = c->pos;

  while (c->pos < c->length && g_ascii_isdigit (c->data[c->pos]))
    c->pos++;

  return c->pos - start;
}

/* A number as RFC 8259 writes it; a whole number must fit in 64 bits and
 * any number must be finite, or json-glib would store something else. */
static gboolean
check_number (Checker   *c,
              JsonNode **node)
{
  gsize start = c->pos;
  gboolean whole = TRUE;
  g_autofree char *text = NULL;

  if (c->data[c->pos] == '-')
    c->pos++;

  if (c->pos < c->length && c->data[c->pos] == '0')
    c->pos++;
  else if (skip_digits (c) == 0)
    return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("expected a value"));

  if (c->pos < c->length && c->data[c->pos] == '.')
    {
      c->pos++;
      whole = FALSE;
      if (skip_digits (c) == 0)
        return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("expected digits after the decimal point"));
    }

  if (c->pos < c->length && (c->data[c->pos] == 'e' || c->data[c->pos] == 'E'))
    {
      c->pos++;
      whole = FALSE;
      if (c->pos < c->length && (c->data[c->pos] == '+' || c->data[c->pos] == '-'))
        c->pos++;
      if (skip_digits (c) == 0)
        return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("expected digits in the exponent"));
    }

  text = g_strndup (c->data + start, MIN (c->pos - start, 64));
  if (whole)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL) || c->pos - start > 64)
        {
          /* Translators: a number as the file writes it, then "…" when it was cut short */
          /* Translators: a number as the file writes it, then "…" when it was cut short */
      g_autofree char *problem = g_strdup_printf (_("the number %s%s is too large"), text,
                                                      c->pos - start > 64 ? "…" : "");
          return fail_path (c, problem);
        }
      *node = json_node_init_int (json_node_alloc (), value);
    }
  else
    {
      double value = g_ascii_strtod (text, NULL);

      if (!isfinite (value) || c->pos - start > 64)
        {
          /* Translators: a number as the file writes it, then "…" when it was cut short */
          g_autofree char *problem = g_strdup_printf (_("the number %s%s is too large"), text,
                                                      c->pos - start > 64 ? "…" : "");
          return fail_path (c, problem);
        }
      *node = json_node_init_double (json_node_alloc (), value);
    }

  return TRUE;
}

static gboolean
check_literal (Checker    *c,
               const char *word)
{
  gsize n = strlen (word);

  if (c->length - c->pos < n || memcmp (c->data + c->pos, word, n) != 0)
    return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("expected a value"));

  c->pos += n;
  return TRUE;
}

static gboolean check_value (Checker   *c,
                             JsonNode **node);

/* A key shown in a JSON path: control characters and overlong keys would
 * break the one-line message. */
static void
append_key (GString    *path,
            const char *key)
{
  glong n = 0;

  g_string_append_c (path, '.');
  for (const char *p = key; *p != '\0' && n < 60; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < 0x20 || ch == 0x7f)
        g_string_append_c (path, '?');
      else
        g_string_append_unichar (path, ch);
    }
  if (g_utf8_strlen (key, -1) > 60)
    g_string_append (path, "…");
}

static gboolean
check_object (Checker    *c,
              JsonObject *object)
{
  g_autoptr(GString) key = g_string_new (NULL);
  gsize base = c->path->len;

  c->pos++;
  skip_space (c);
  if (c->pos < c->length && c->data[c->pos] == '}')
    {
      c->pos++;
      return TRUE;
    }

  for (;;)
    {
      g_autoptr(JsonNode) member = NULL;

      g_string_truncate (key, 0);
      skip_space (c);
      if (!check_string (c, key))
        return FALSE;

      append_key (c->path, key->str);
      if (json_object_has_member (object, key->str))
        return fail_path (c, _("the field appears twice in the same object"));

      skip_space (c);
      if (c->pos >= c->length || c->data[c->pos] != ':')
        return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("expected a colon after the field name"));
      c->pos++;
      if (!check_value (c, &member))
        return FALSE;
      json_object_set_member (object, key->str, g_steal_pointer (&member));
      g_string_truncate (c->path, base);

      skip_space (c);
      if (c->pos < c->length && c->data[c->pos] == ',')
        {
          c->pos++;
          continue;
        }
      if (c->pos < c->length && c->data[c->pos] == '}')
        {
          c->pos++;
          return TRUE;
        }
      return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("expected a comma or the end of the object"));
    }
}

static gboolean
check_array (Checker   *c,
             JsonArray *array)
{
  gsize base = c->path->len;

  c->pos++;
  skip_space (c);
  if (c->pos < c->length && c->data[c->pos] == ']')
    {
      c->pos++;
      return TRUE;
    }

  for (guint i = 0;; i++)
    {
      JsonNode *element = NULL;

      g_string_append_printf (c->path, "[%u]", i);
      if (!check_value (c, &element))
        return FALSE;
      json_array_add_element (array, element);
      g_string_truncate (c->path, base);

      skip_space (c);
      if (c->pos < c->length && c->data[c->pos] == ',')
        {
          c->pos++;
          continue;
        }
      if (c->pos < c->length && c->data[c->pos] == ']')
        {
          c->pos++;
          return TRUE;
        }
      return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("expected a comma or the end of the list"));
    }
}

static gboolean
check_container (Checker   *c,
                 JsonNode **node)
{
  if (c->data[c->pos] == '{')
    {
      g_autoptr(JsonObject) object = json_object_new ();

      if (!check_object (c, object))
        return FALSE;
      *node = json_node_init_object (json_node_alloc (), object);
    }
  else
    {
      g_autoptr(JsonArray) array = json_array_new ();

      if (!check_array (c, array))
        return FALSE;
      *node = json_node_init_array (json_node_alloc (), array);
    }

  return TRUE;
}

static gboolean
check_text (Checker   *c,
            JsonNode **node)
{
  g_string_truncate (c->text, 0);
  if (!check_string (c, c->text))
    return FALSE;

  *node = json_node_init_string (json_node_alloc (), c->text->str);
  return TRUE;
}

static gboolean
check_word (Checker    *c,
            const char *word,
            JsonNode  **node)
{
  if (!check_literal (c, word))
    return FALSE;

  if (word[0] == 'n')
    *node = json_node_init_null (json_node_alloc ());
  else
    *node = json_node_init_boolean (json_node_alloc (), word[0] == 't');
  return TRUE;
}

/* Reads one value into @node. */
static gboolean
check_value (Checker   *c,
             JsonNode **node)
{
  gboolean ok;

  skip_space (c);
  if (c->pos >= c->length)
    return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("the file ends where a value was expected"));

  switch (c->data[c->pos])
    {
    case '{':
    case '[':
      if (++c->depth > SAM_WORKSHOP_FILE_MAX_DEPTH)
        {
          g_autofree char *problem = g_strdup_printf (_("the data is nested more than %d levels deep"),
                                                      SAM_WORKSHOP_FILE_MAX_DEPTH);
          return fail_at (c, SAM_FILE_ERROR_TOO_DEEP, problem);
        }
      ok = check_container (c, node);
      c->depth--;
      return ok;

    case '"':
    case '\'':
      return check_text (c, node);

    case 't':
      return check_word (c, "true", node);

    case 'f':
      return check_word (c, "false", node);

    case 'n':
      return check_word (c, "null", node);

    default:
      if (c->data[c->pos] == '-' || g_ascii_isdigit (c->data[c->pos]))
        return check_number (c, node);
      return fail_at (c, SAM_FILE_ERROR_SYNTAX, _("expected a value"));
    }
}

/**
 * _sam_file_parse_json:
 * @data: the file's bytes, valid UTF-8, without a byte order mark
 * @length: their number
 * @name: the file's name, for messages
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * Checks that @data is exactly one JSON value as RFC 8259 defines it,
 * within the limits of docs/file-format.md, and builds the tree
 * json-glib's parser would build from the same bytes.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with @error set
 */
JsonNode *
_sam_file_parse_json (const char  *data,
                      gsize        length,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  Checker c = { data, length, 0, 0, path, name, error, text };

  skip_space (&c);
  if (c.pos >= c.length)
    {
      _sam_file_set_error (error, name, SAM_FILE_ERROR_SYNTAX, NULL, _("the file is empty"));
      return NULL;
    }

  if (!check_value (&c, &root))
    return NULL;

  skip_space (&c);
  if (c.pos < c.length)
    {
      fail_at (&c, SAM_FILE_ERROR_SYNTAX, _("the file goes on after the end of its data"));
      return NULL;
    }

  return g_steal_pointer (&root);
}
