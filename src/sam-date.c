/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <string.h>

#include "sam-date.h"
#include "sam-store.h"

/* Dates are stored as `YYYY-MM-DD`; the coach reads and types them the way
 * the locale writes them (14-10-2025 in Dutch, 10/14/2025 in US English).
 * GLib's g_date_set_parse() knows the locale's order of day, month and
 * year; a date written the ISO way is always understood too. */

static gboolean
parse_iso (const char *text,
           GDate      *date)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
iso_of (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* The locale's numeric date with the full year: a coach reads 2025, not 25. */
static char *
dup_locale_format (void)
{
  const char *format = nl_langinfo (D_FMT);
  GString *full;

  if (format == NULL || *format == '\0')
    return g_strdup ("%Y-%m-%d");

  full = g_string_new (format);
  g_string_replace (full, "%y", "%Y", 0);
  return g_string_free (full, FALSE);
}

/**
 * sam_date_format:
 * @iso: a stored date, `YYYY-MM-DD`, or ""
 *
 * Returns: (transfer full): the date as the locale writes it, with the
 *   full year; "" for ""; @iso itself when it is not a date
 */
char *
sam_date_format (const char *iso)
{
  g_autofree char *format = NULL;
  GDate date;
  char buffer[64];

  g_return_val_if_fail (iso != NULL, NULL);

  g_date_clear (&date, 1);
  if (!parse_iso (iso, &date))
    return g_strdup (iso);

  format = dup_locale_format ();
  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return g_strdup (iso);

  return g_strdup (buffer);
}

/**
 * sam_date_parse:
 * @text: what the coach typed
 * @error: return location for a #GError
 *
 * Understands the locale's way of writing a date (day, month and year in
 * its order, with any separator, or with the month's name) and
 * `YYYY-MM-DD`.
 *
 * Returns: (transfer full) (nullable): the date as `YYYY-MM-DD`, "" for
 *   blank text, or %NULL with @error set when @text is not a date
 */
char *
sam_date_parse (const char  *text,
                GError     **error)
{
  g_autofree char *stripped = NULL;
  GDate date;

  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return g_strdup ("");

  g_date_clear (&date, 1);
  if (parse_iso (stripped, &date))
    return iso_of (&date);

  g_date_set_parse (&date, stripped);
  if (g_date_valid (&date) && g_date_get_year (&date) >= 1900 && g_date_get_year (&date) <= 9999)
    return iso_of (&date);

  {
    g_autofree char *example = sam_date_format ("2025-10-14");

    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                 /* Translators: the second %s is an example date in the
                  * locale's own way of writing it */
                 _("“%s” is not a date. Write it like %s, or pick the day in the calendar."),
                 stripped, example);
  }
  return NULL;
}

/**
 * sam_date_from_date_time:
 * @date_time: a day, as a #GtkCalendar gives it
 *
 * Returns: (transfer full): the day as `YYYY-MM-DD`
 */
char *
sam_date_from_date_time (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, NULL);

  return g_date_time_format (date_time, "%Y-%m-%d");
}

/**
 * sam_date_to_date_time:
 * @iso: a stored date, `YYYY-MM-DD`, or ""
 *
 * Returns: (transfer full) (nullable): midnight local time of that day, or
 *   %NULL when @iso is not a date
 */
GDateTime *
sam_date_to_date_time (const char *iso)
{
  GDate date;

  g_return_val_if_fail (iso != NULL, NULL);

  g_date_clear (&date, 1);
  if (!parse_iso (iso, &date))
    return NULL;

  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 0, 0, 0);
}
