/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The live room's window actions (issue 18): `win.open-room` and
 * `win.close-room` for the coach (the workshop's menu, the Live Room page,
 * Ctrl+Shift+R), `win.join-room` for a team's laptop (the library's menu
 * and its empty state, Ctrl+J). */

#include "config.h"

#include <glib/gi18n.h>

#include "sam-join-dialog.h"
#include "sam-window-private.h"
#include "sam-workshop-view.h"

static SamRoomPage *
room_page (SamWindow *self)
{
  GtkWidget *view = sam_window_get_workshop_view (self);

  if (view == NULL || sam_window_get_workshop (self) == NULL)
    return NULL;
  return sam_workshop_view_get_room_page (SAM_WORKSHOP_VIEW (view));
}

static void
open_room_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamRoomPage *page = room_page (self);
  g_autoptr(GError) error = NULL;

  if (page == NULL)
    {
      sam_window_show_toast (self, _("Open a workshop first: its room is what the laptops join"));
      return;
    }
  sam_workshop_view_show_page (SAM_WORKSHOP_VIEW (sam_window_get_workshop_view (self)), "room");
  if (!sam_room_page_open (page, &error))
    _sam_window_show_file_error (self, _("The Room Could Not Be Opened"), error);
}

static void
close_room_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamRoomPage *page = room_page (self);

  if (page == NULL || sam_room_page_get_room (page) == NULL
      || !sam_live_room_is_open (sam_room_page_get_room (page)))
    return;
  sam_room_page_close (page);
  sam_window_show_toast (self, _("The room is closed: the laptops keep their work and send it "
                                 "when the room opens again"));
}

static void
join_room_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  sam_join_dialog_present (SAM_WINDOW (user_data));
}

void
_sam_window_init_room (SamWindow *self)
{
  static const GActionEntry entries[] = {
    { "open-room", open_room_action },
    { "close-room", close_room_action },
    { "join-room", join_room_action },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}
