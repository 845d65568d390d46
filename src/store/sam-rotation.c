/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-rotation.h"
#include "sam-store.h"

/* Who looks at whom in "in the other team's shoes": every team is given one
 * other team, and every team is looked at by exactly one.  In other words
 * a permutation of the teams without a fixed point. */

/**
 * sam_rotation_propose:
 * @n_teams: how many teams, %SAM_ROTATION_MIN_TEAMS to %SAM_ROTATION_MAX_TEAMS
 *
 * Proposes that every team looks at the next team in the list, and the last
 * at the first: team i is given team (i + 1) mod @n_teams.  The same number
 * of teams always gives the same proposal, so the room sees what the coach
 * prepared.
 *
 * Returns: (transfer full) (array length=n_teams): for each team, the index
 *   of the team it looks at; free with g_free()
 */
guint *
sam_rotation_propose (guint n_teams)
{
  guint *targets;

  g_return_val_if_fail (n_teams >= SAM_ROTATION_MIN_TEAMS, NULL);
  g_return_val_if_fail (n_teams <= SAM_ROTATION_MAX_TEAMS, NULL);

  targets = g_new (guint, n_teams);
  for (guint i = 0; i < n_teams; i++)
    targets[i] = (i + 1) % n_teams;

  return targets;
}

/**
 * sam_rotation_is_valid:
 * @targets: (array length=n_teams): for each team, the team it looks at
 * @n_teams: how many teams
 *
 * Returns: %TRUE when no team looks at itself and every team is looked at
 *   exactly once
 */
gboolean
sam_rotation_is_valid (const guint *targets,
                       guint        n_teams)
{
  g_autofree guint *seen = NULL;

  if (targets == NULL || n_teams < SAM_ROTATION_MIN_TEAMS)
    return FALSE;

  seen = g_new0 (guint, n_teams);
  for (guint i = 0; i < n_teams; i++)
    {
      if (targets[i] >= n_teams || targets[i] == i || seen[targets[i]]++ > 0)
        return FALSE;
    }

  return TRUE;
}

static guint
writer_of (const guint *targets,
           guint        n_teams,
           guint        target,
           guint        except)
{
  for (guint i = 0; i < n_teams; i++)
    if (i != except && targets[i] == target)
      return i;

  return G_MAXUINT;
}

/**
 * sam_rotation_reassign:
 * @targets: (array length=n_teams): a valid rotation, changed in place
 * @n_teams: how many teams
 * @writer: the team whose assignment the coach changes
 * @target: the team it should look at now
 * @error: return location for a #GError
 *
 * Gives @writer the team @target and keeps the rotation valid: the team
 * that looked at @target takes @writer's former team instead.  When that
 * would make it look at itself, it trades with a third team.  A team is
 * never assigned to itself: that is refused with %SAM_STORE_ERROR_INVALID
 * and a reason the coach can read, and @targets stays as it was.
 *
 * Returns: %TRUE when @targets now gives @writer the team @target
 */
gboolean
sam_rotation_reassign (guint   *targets,
                       guint    n_teams,
                       guint    writer,
                       guint    target,
                       GError **error)
{
  guint old_target, other;

  g_return_val_if_fail (sam_rotation_is_valid (targets, n_teams), FALSE);
  g_return_val_if_fail (writer < n_teams && target < n_teams, FALSE);

  if (writer == target)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A team cannot step into its own shoes: choose another team."));
      return FALSE;
    }

  old_target = targets[writer];
  if (old_target == target)
    return TRUE;

  other = writer_of (targets, n_teams, target, writer);
  g_assert (other < n_teams);
  targets[writer] = target;

  if (old_target != other)
    {
      targets[other] = old_target;
    }
  else
    {
      /* The other team would get itself: it trades with a third team,
       * which then looks at the other team instead.  A third team exists,
       * since with two teams the only change is to the team itself. */
      for (guint third = 0; third < n_teams; third++)
        {
          if (third != writer && third != other)
            {
              targets[other] = targets[third];
              targets[third] = other;
              break;
            }
        }
    }

  g_assert (sam_rotation_is_valid (targets, n_teams));
  return TRUE;
}
