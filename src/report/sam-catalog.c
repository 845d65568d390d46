/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sam-catalog.h"

/* A message catalogue of one language, read straight from Samenspel's
 * compiled .mo file.  The report and the templates are written in the
 * language of their readers, which need not be the UI's; gettext would
 * need that language's locale generated on the machine (newlocale +
 * uselocale), and most machines have only a few.  So the catalogue reads
 * the GNU .mo format itself (see "The Format of GNU MO Files" in the
 * gettext manual), checks every offset and length against the file's size,
 * and answers lookups without touching the process's locale: safe from any
 * thread, and from the command line without GTK.
 *
 * A %NULL catalogue means "the UI's language": its lookups go to gettext. */

#define MO_MAGIC 0x950412de
#define MO_MAGIC_SWAPPED 0xde120495
#define MO_HEADER_SIZE 20
#define PLURAL_MAX_LENGTH 256
#define PLURAL_MAX_DEPTH 32

typedef struct
{
  const char *text;   /* the forms, each ended by a NUL */
  gsize       length; /* of all forms, without the last NUL */
} Entry;

struct _SamCatalog
{
  GObject     parent_instance;

  char       *language;
  GBytes     *mo;
  Entry      *entries;
  GHashTable *table;  /* msgid (or "context\004msgid") → Entry * */
  guint       n_plurals;
  char       *plural; /* the Plural-Forms expression, checked; NULL: n != 1 */
};

G_DEFINE_FINAL_TYPE (SamCatalog, sam_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (sam-catalog-error-quark, sam_catalog_error)

static void
sam_catalog_finalize (GObject *object)
{
  SamCatalog *self = SAM_CATALOG (object);

  g_clear_pointer (&self->table, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_free);
  g_clear_pointer (&self->mo, g_bytes_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->plural, g_free);

  G_OBJECT_CLASS (sam_catalog_parent_class)->finalize (object);
}

static void
sam_catalog_class_init (SamCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_catalog_finalize;
}

static void
sam_catalog_init (SamCatalog *self)
{
  self->table = g_hash_table_new (g_str_hash, g_str_equal);
  self->n_plurals = 2;
}

/* The plural expression: the C subset gettext's Plural-Forms use (n,
 * unsigned constants, ! * / % + - < > <= >= == != && || ?: and
 * parentheses), evaluated by recursive descent straight from the text.
 * Nesting is bounded and division by zero gives 0, so a hostile file can
 * neither overflow the stack nor trap. */
typedef struct
{
  const char *p;
  gulong      n;
  guint       depth;
  gboolean    ok;
} Plural;

static gulong plural_cond (Plural *s);

static gboolean
plural_accept (Plural     *s,
               const char *token)
{
  gsize length = strlen (token);

  while (g_ascii_isspace (*s->p))
    s->p++;
  if (strncmp (s->p, token, length) != 0)
    return FALSE;
  s->p += length;
  return TRUE;
}

static gulong
plural_primary (Plural *s)
{
  gulong value = 0;

  while (g_ascii_isspace (*s->p))
    s->p++;
  if (*s->p == 'n')
    {
      s->p++;
      return s->n;
    }
  if (g_ascii_isdigit (*s->p))
    {
      while (g_ascii_isdigit (*s->p))
        {
          if (value > (G_MAXULONG - 9) / 10)
            s->ok = FALSE;
          else
            value = value * 10 + (gulong) (*s->p - '0');
          s->p++;
        }
      return value;
    }
  if (plural_accept (s, "("))
    {
      value = plural_cond (s);
      if (!plural_accept (s, ")"))
        s->ok = FALSE;
      return value;
    }
  s->ok = FALSE;
  return 0;
}

static gulong
plural_unary (Plural *s)
{
  gulong value;

  if (!plural_accept (s, "!"))
    return plural_primary (s);
  if (++s->depth > PLURAL_MAX_DEPTH)
    {
      s->ok = FALSE;
      return 0;
    }
  value = !plural_unary (s);
  s->depth--;
  return value;
}

static gulong
plural_mul (Plural *s)
{
  gulong value = plural_unary (s);

  while (s->ok)
    {
      if (plural_accept (s, "*"))
        value *= plural_unary (s);
      else if (plural_accept (s, "/"))
        {
          gulong d = plural_unary (s);
          value = d ? value / d : 0;
        }
      else if (plural_accept (s, "%"))
        {
          gulong d = plural_unary (s);
          value = d ? value % d : 0;
        }
      else
        break;
    }
  return value;
}

static gulong
plural_add (Plural *s)
{
  gulong value = plural_mul (s);

  while (s->ok)
    {
      if (plural_accept (s, "+"))
        value += plural_mul (s);
      else if (plural_accept (s, "-"))
        value -= plural_mul (s);
      else
        break;
    }
  return value;
}

static gulong
plural_rel (Plural *s)
{
  gulong value = plural_add (s);

  while (s->ok)
    {
      if (plural_accept (s, "<="))
        value = value <= plural_add (s);
      else if (plural_accept (s, ">="))
        value = value >= plural_add (s);
      else if (plural_accept (s, "<"))
        value = value < plural_add (s);
      else if (plural_accept (s, ">"))
        value = value > plural_add (s);
      else
        break;
    }
  return value;
}

static gulong
plural_eq (Plural *s)
{
  gulong value = plural_rel (s);

  while (s->ok)
    {
      if (plural_accept (s, "=="))
        value = value == plural_rel (s);
      else if (plural_accept (s, "!="))
        value = value != plural_rel (s);
      else
        break;
    }
  return value;
}

static gulong
plural_and (Plural *s)
{
  gulong value = plural_eq (s);

  while (s->ok && plural_accept (s, "&&"))
    {
      gulong right = plural_eq (s);
      value = value && right;
    }
  return value;
}

static gulong
plural_or (Plural *s)
{
  gulong value = plural_and (s);

  while (s->ok && plural_accept (s, "||"))
    {
      gulong right = plural_and (s);
      value = value || right;
    }
  return value;
}

static gulong
plural_cond (Plural *s)
{
  gulong value, yes, no;

  if (++s->depth > PLURAL_MAX_DEPTH)
    {
      s->ok = FALSE;
      return 0;
    }
  value = plural_or (s);
  if (s->ok && plural_accept (s, "?"))
    {
      yes = plural_cond (s);
      if (!plural_accept (s, ":"))
        s->ok = FALSE;
      no = plural_cond (s);
      value = value ? yes : no;
    }
  s->depth--;
  return value;
}

/* Evaluates @expression for @n; FALSE when it is not a valid expression. */
static gboolean
plural_evaluate (const char *expression,
                 gulong      n,
                 gulong     *result)
{
  Plural s = { expression, n, 0, TRUE };

  *result = plural_cond (&s);
  plural_accept (&s, ";");
  while (g_ascii_isspace (*s.p))
    s.p++;

  return s.ok && *s.p == '\0';
}

/* "Plural-Forms: nplurals=2; plural=(n != 1);" from the header entry. */
static void
read_plural_forms (SamCatalog *self,
                   const char *header)
{
  const char *line = strstr (header, "Plural-Forms:");
  const char *nplurals, *after, *plural, *end;
  g_autofree char *expression = NULL;
  guint64 count;
  gulong ignored;

  if (line == NULL)
    return;
  end = strchr (line, '\n');
  if (end == NULL)
    end = line + strlen (line);
  nplurals = g_strstr_len (line, end - line, "nplurals=");
  if (nplurals == NULL)
    return;
  after = nplurals + strlen ("nplurals=");
  plural = g_strstr_len (after, end - after, "plural=");
  if (plural == NULL)
    return;
  plural += strlen ("plural=");

  count = g_ascii_strtoull (after, NULL, 10);
  if (count < 1 || count > 16 || end - plural > PLURAL_MAX_LENGTH)
    return;
  expression = g_strndup (plural, end - plural);
  if (!plural_evaluate (expression, 1, &ignored))
    return;

  self->n_plurals = (guint) count;
  self->plural = g_steal_pointer (&expression);
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Each form of a translation must be valid UTF-8 (all Samenspel's
 * catalogues are); an entry that is not is left out, so its msgid shows. */
static gboolean
forms_valid (const char *text,
             gsize       length)
{
  const char *end = text + length;

  while (text <= end)
    {
      gsize form = strlen (text);

      if (!g_utf8_validate (text, form, NULL))
        return FALSE;
      text += form + 1;
    }
  return TRUE;
}

/* Where string @index of the table at @table lies; FALSE when outside. */
static gboolean
read_string (const guint8  *data,
             gsize          size,
             guint32        table,
             guint32        index,
             gboolean       swapped,
             const char   **text,
             gsize         *length)
{
  guint32 len = read_u32 (data, table + 8 * (gsize) index, swapped);
  guint32 offset = read_u32 (data, table + 8 * (gsize) index + 4, swapped);

  if (offset > size || len >= size - offset || data[(gsize) offset + len] != '\0')
    return FALSE;

  *text = (const char *) data + offset;
  *length = len;
  return TRUE;
}

static gboolean
load_mo (SamCatalog  *self,
         GError     **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->mo, &size);
  gboolean swapped;
  guint32 count, originals, translations;

  if (size < MO_HEADER_SIZE)
    goto invalid;
  if (read_u32 (data, 0, FALSE) == MO_MAGIC)
    swapped = FALSE;
  else if (read_u32 (data, 0, FALSE) == MO_MAGIC_SWAPPED)
    swapped = TRUE;
  else
    goto invalid;

  /* Major revisions 0 and 1 share the layout read here. */
  if ((read_u32 (data, 4, swapped) >> 16) > 1)
    goto invalid;
  count = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if (originals > size || count > (size - originals) / 8 ||
      translations > size || count > (size - translations) / 8)
    goto invalid;

  self->entries = g_new0 (Entry, count);
  for (guint32 i = 0; i < count; i++)
    {
      const char *key, *text;
      gsize key_length, length;

      if (!read_string (data, size, originals, i, swapped, &key, &key_length) ||
          !read_string (data, size, translations, i, swapped, &text, &length))
        goto invalid;

      if (*key == '\0')
        {
          read_plural_forms (self, text);
          continue;
        }
      if (length == 0 || !forms_valid (text, length) || g_hash_table_contains (self->table, key))
        continue;

      /* A plural entry's original is "msgid\0msgid_plural": the key ends
       * at its first NUL. */
      self->entries[i] = (Entry) { text, length };
      g_hash_table_insert (self->table, (gpointer) key, &self->entries[i]);
    }
  return TRUE;

invalid:
  g_set_error (error, SAM_CATALOG_ERROR, SAM_CATALOG_ERROR_INVALID,
               _("The translation into “%s” is damaged. Reinstall Samenspel."), self->language);
  return FALSE;
}

/**
 * sam_catalog_new_from_bytes:
 * @language: the language code, e.g. "fr"
 * @mo: (nullable): the contents of a GNU .mo file; %NULL gives a catalogue
 *   without translations (English)
 * @error: return location for a #GError
 *
 * Reads a compiled message catalogue.  Every offset and length in it is
 * checked, so a damaged file gives %SAM_CATALOG_ERROR_INVALID.
 *
 * Returns: (transfer full) (nullable): the catalogue, or %NULL on error
 */
SamCatalog *
sam_catalog_new_from_bytes (const char  *language,
                            GBytes      *mo,
                            GError     **error)
{
  g_autoptr(SamCatalog) self = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SAM_TYPE_CATALOG, NULL);
  self->language = g_strdup (language);
  if (mo == NULL)
    return g_steal_pointer (&self);

  self->mo = g_bytes_ref (mo);
  if (!load_mo (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static const char *
get_localedir (void)
{
  const char *localedir = g_getenv ("SAMENSPEL_LOCALEDIR");

  return localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR;
}

/* Language codes as in po/LINGUAS ("de", "pt_BR", "sr@latin"); nothing
 * that could leave the locale folder. */
static gboolean
language_valid (const char *language)
{
  if (*language == '\0' || strlen (language) > 16 || !g_ascii_isalpha (*language))
    return FALSE;
  for (const char *p = language; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '@')
      return FALSE;
  return TRUE;
}

static char *
mo_path (const char *language)
{
  return g_build_filename (get_localedir (), language, "LC_MESSAGES",
                           GETTEXT_PACKAGE ".mo", NULL);
}

/**
 * sam_catalog_new:
 * @language: a language code: "en", "nl", "fr", "de", ...; "fr_BE" falls
 *   back to "fr" when there is no catalogue of its own
 * @error: return location for a #GError
 *
 * Loads Samenspel's catalogue of @language from the locale folder
 * (`SAMENSPEL_LOCALEDIR` when set, as sam_i18n_init() does).  English, the
 * language of the messages themselves, needs no file.
 *
 * Returns: (transfer full) (nullable): the catalogue, or %NULL with
 *   %SAM_CATALOG_ERROR_NO_LANGUAGE when Samenspel is not translated into it
 */
SamCatalog *
sam_catalog_new (const char  *language,
                 GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_equal (language, "en") || g_str_has_prefix (language, "en_") ||
      g_str_equal (language, "C"))
    return sam_catalog_new_from_bytes ("en", NULL, error);

  if (language_valid (language))
    {
      path = mo_path (language);
      file = g_mapped_file_new (path, FALSE, NULL);
      if (file == NULL && strcspn (language, "_@") < strlen (language))
        {
          base = g_strndup (language, strcspn (language, "_@"));
          g_free (path);
          path = mo_path (base);
          file = g_mapped_file_new (path, FALSE, NULL);
        }
    }
  if (file == NULL)
    {
      g_set_error (error, SAM_CATALOG_ERROR, SAM_CATALOG_ERROR_NO_LANGUAGE,
                   _("Samenspel has no translation into “%s”."), language);
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (file);
  return sam_catalog_new_from_bytes (base ? base : language, bytes, error);
}

/**
 * sam_catalog_get_language:
 * @self: a catalogue
 *
 * Returns: its language code
 */
const char *
sam_catalog_get_language (SamCatalog *self)
{
  g_return_val_if_fail (SAM_IS_CATALOG (self), NULL);

  return self->language;
}

/**
 * sam_catalog_gettext:
 * @self: (nullable): a catalogue, or %NULL for the UI's language
 * @msgid: an English message
 *
 * Returns: its translation, or @msgid when there is none
 */
const char *
sam_catalog_gettext (SamCatalog *self,
                     const char *msgid)
{
  Entry *entry;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (self == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);

  entry = g_hash_table_lookup (self->table, msgid);
  return entry ? entry->text : msgid;
}

/**
 * sam_catalog_pgettext:
 * @self: (nullable): a catalogue, or %NULL for the UI's language
 * @context: the message's context (msgctxt)
 * @msgid: an English message
 *
 * Returns: its translation in @context, or @msgid when there is none
 */
const char *
sam_catalog_pgettext (SamCatalog *self,
                      const char *context,
                      const char *msgid)
{
  g_autofree char *key = NULL;
  Entry *entry;

  g_return_val_if_fail (context != NULL && msgid != NULL, NULL);

  if (self == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  entry = g_hash_table_lookup (self->table, key);
  return entry ? entry->text : msgid;
}

/**
 * sam_catalog_ngettext:
 * @self: (nullable): a catalogue, or %NULL for the UI's language
 * @msgid: the English singular
 * @msgid_plural: the English plural
 * @n: the number the message is about
 *
 * Picks the plural form by the catalogue's Plural-Forms rule.
 *
 * Returns: the translated form for @n, or the English one
 */
const char *
sam_catalog_ngettext (SamCatalog *self,
                      const char *msgid,
                      const char *msgid_plural,
                      gulong      n)
{
  Entry *entry;
  gulong index = n != 1;
  const char *form;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (self == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);

  entry = g_hash_table_lookup (self->table, msgid);
  if (entry == NULL)
    return n == 1 ? msgid : msgid_plural;

  if (self->plural != NULL && !plural_evaluate (self->plural, n, &index))
    index = n != 1;
  if (index >= self->n_plurals)
    return n == 1 ? msgid : msgid_plural;

  /* Walk to form @index; a catalogue with fewer forms than it claims
   * falls back to English. */
  form = entry->text;
  for (gulong i = 0; i < index; i++)
    {
      form += strlen (form) + 1;
      if (form > entry->text + entry->length)
        return n == 1 ? msgid : msgid_plural;
    }
  return form;
}

static int
compare_codes (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * sam_catalog_list_languages:
 *
 * The languages Samenspel can write in: English and every language with a
 * catalogue in the locale folder.
 *
 * Returns: (transfer full): sorted language codes
 */
char **
sam_catalog_list_languages (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDir) dir = g_dir_open (get_localedir (), 0, NULL);
  g_auto(GStrv) languages = NULL;
  const char *name;

  g_strv_builder_add (builder, "en");
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!language_valid (name) || g_str_equal (name, "en"))
        continue;
      path = mo_path (name);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_strv_builder_add (builder, name);
    }

  languages = g_strv_builder_end (builder);
  qsort (languages, g_strv_length (languages), sizeof (char *), compare_codes);
  return g_steal_pointer (&languages);
}

/**
 * sam_catalog_format_decimal:
 * @self: (nullable): a catalogue, or %NULL for the UI's language
 * @value: a number
 * @digits: how many digits after the decimal sign, at most 6
 *
 * Writes @value as the catalogue's readers write numbers: "3.5" in
 * English, "3,5" in Dutch, French and German, whatever the process's
 * locale (a report's language is not the UI's).
 *
 * Returns: (transfer full): the number
 */
char *
sam_catalog_format_decimal (SamCatalog *self,
                            double      value,
                            guint       digits)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  const char *mark;
  GString *text;

  g_snprintf (format, sizeof format, "%%.%uf", MIN (digits, 6));
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  /* Translators: the decimal sign in numbers such as "3.5" (a mean score
   * in the report): "," in most European languages. */
  mark = sam_catalog_pgettext (self, "decimal sign", NC_("decimal sign", "."));

  text = g_string_new (buffer);
  g_string_replace (text, ".", mark, 1);
  return g_string_free (text, FALSE);
}

/**
 * sam_catalog_get_language_name:
 * @language: a language code
 *
 * Language pickers name each language in itself ("Deutsch", "Français"),
 * so a reader finds their own whatever the UI's language: these names are
 * deliberately not translated.
 *
 * Returns: the language's own name, or @language when it is not known
 */
const char *
sam_catalog_get_language_name (const char *language)
{
  static const struct {
    const char *code;
    const char *name;
  } names[] = {
    { "de", "Deutsch" },
    { "en", "English" },
    { "fr", "Français" },
    { "nl", "Nederlands" },
  };

  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].code, language))
      return names[i].name;

  return language;
}
