/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-test-log.h"

/* GTK 4.24's X11 backend marks a frame as submitted twice on a display
 * without a compositor, such as Xvfb, and says so in a warning of its own,
 * whatever the app does.  G_DEBUG=fatal-warnings would turn that into a
 * random abort; this one message is printed and not fatal, every other
 * message goes to GLib's own writer. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gdk") == 0 &&
      g_strcmp0 (message, "gdk_frame_timings_submitted() called on submitted frame.") == 0)
    return g_log_writer_standard_streams (log_level, fields, n_fields, user_data);

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * sam_test_log_init:
 *
 * Installs the log writer of the tests that open windows (see
 * log_writer()).  Call it before anything logs.
 */
void
sam_test_log_init (void)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
}
