/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-reveal.h"

/* The coach's reveal of a step's private answers (docs/team-mode.md): one
 * window action, so the step's button, a script and the toast's own button
 * (which lives outside the step's page) all reach it. */

static void
reveal_step (SamWindow *window,
             SamStep   *step,
             gboolean   revealed)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_window_get_store (window);
  g_autofree char *message = NULL;

  if (sam_store_get_step_revealed (store, step) == revealed)
    return;

  if (!sam_store_set_step_revealed (store, step, revealed, &error))
    {
      sam_window_show_error (window, error);
      return;
    }

  /* The toast's button undoes what was just done. */
  if (revealed)
    /* Translators: %s is a step's title; the teams now see each other's answers */
    message = g_strdup_printf (_("The answers of “%s” are revealed to every team"), sam_step_get_title (step));
  else
    /* Translators: %s is a step's title */
    message = g_strdup_printf (_("The answers of “%s” are private again"), sam_step_get_title (step));

  sam_window_show_action_toast (window, message,
                                revealed ? _("_Hide Again") : _("_Reveal Again"),
                                "win.reveal-step",
                                g_variant_new ("(xb)", sam_step_get_id (step), !revealed));
}

static void
reveal_step_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  SamWindow *window = SAM_WINDOW (user_data);
  SamStore *store = sam_window_get_store (window);
  SamStep *step;
  gint64 step_id;
  gboolean revealed;

  g_variant_get (param, "(xb)", &step_id, &revealed);
  step = store != NULL ? sam_store_lookup_step (store, step_id) : NULL;
  if (step != NULL)
    reveal_step (window, step, revealed);
}

/**
 * sam_reveal_add_window_actions:
 * @window: the main window
 *
 * Adds `win.reveal-step` ((xb): a step's id, whether its answers are
 * revealed): reveals the teams' private answers of a step to every team,
 * on the projector and in team mode, or hides them again; a toast offers
 * the opposite at once.  Called once from the window's init.
 */
void
sam_reveal_add_window_actions (SamWindow *window)
{
  static const GActionEntry entries[] = {
    { "reveal-step", reveal_step_action, "(xb)" },
  };

  g_return_if_fail (SAM_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
}
