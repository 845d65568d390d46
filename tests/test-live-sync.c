/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-live-private.h"
#include "sam-sample-workshop.h"
#include "sam-store-cards.h"
#include "sam-store-packet.h"
#include "sam-store-private.h"
#include "sam-workshop-file-private.h"

/* The room's push, without the network (docs/live-room.md, "The push"):
 * after a laptop's edits are merged, each team gets only the rows that
 * changed and it may see, and a laptop that holds the team's packet
 * catches up from that alone. */

typedef struct
{
  char        *dir;
  SamStore    *coach;
  SamWorkshop *workshop;
  char        *teams[2];
  SamStore    *laptops[3];    /* two of the first team, one of the second */
  SamWorkshop *copies[3];
  gint64       since;         /* change times from then on are edits */
} Room;

static SamStore *
open_store (Room       *room,
            const char *name)
{
  g_autofree char *path = g_build_filename (room->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
room_set_up (Room *room)
{
  room->dir = g_dir_make_tmp ("samenspel-live-sync-XXXXXX", NULL);
  room->coach = open_store (room, "coach.db");
  room->workshop = sam_sample_workshop_new (room->coach, "Live");

  for (guint t = 0; t < 2; t++)
    {
      SamTeam *team = sam_sample_team_at (room->coach, room->workshop, t);

      room->teams[t] = g_strdup (sam_team_get_uuid (team));
    }

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("laptop-%u.db", i);
      g_autoptr(SamWorkshopFile) packet = NULL;
      g_autoptr(GError) error = NULL;

      room->laptops[i] = open_store (room, name);
      packet = sam_workshop_file_new_from_store (room->coach, room->workshop, SAM_FILE_KIND_TEAM_PACKET,
                                                 room->teams[i < 2 ? 0 : 1], &error);
      g_assert_no_error (error);
      room->copies[i] = sam_workshop_file_import (packet, room->laptops[i], &error);
      g_assert_no_error (error);
      g_assert_true (sam_store_set_team_mode (room->laptops[i], room->copies[i], TRUE, &error));
    }

  /* Change times are in seconds: what the laptops write from the next
   * second on is what they edited. */
  room->since = g_get_real_time () / G_USEC_PER_SEC + 1;
  g_usleep ((room->since * G_USEC_PER_SEC - g_get_real_time ()) + 1000);
}

static void
room_tear_down (Room *room)
{
  const char *rm[] = { "rm", "-rf", room->dir, NULL };

  for (guint i = 0; i < 3; i++)
    g_object_unref (room->laptops[i]);
  g_object_unref (room->coach);
  g_free (room->teams[0]);
  g_free (room->teams[1]);
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (room->dir);
}

/* Laptop @i writes a card of @kind in the step of @step_kind. */
static void
write_card (Room       *room,
            guint       i,
            const char *step_kind,
            const char *kind,
            const char *text)
{
  SamStep *step = sam_sample_find_step (room->laptops[i], room->copies[i], step_kind);
  GListModel *teams = sam_store_get_teams (room->laptops[i], room->copies[i]);
  SamCardInit init = { kind };

  for (guint t = 0; t < g_list_model_get_n_items (teams); t++)
    {
      g_autoptr(SamTeam) candidate = g_list_model_get_item (teams, t);

      if (g_str_equal (sam_team_get_uuid (candidate), room->teams[i < 2 ? 0 : 1]))
        init.team_id = sam_team_get_id (candidate);
    }
  g_assert_cmpint (init.team_id, !=, 0);
  init.text = text;
  sam_sample_add_card (room->laptops[i], step, &init);
}

/* Laptop @i sends what it changed (with @known, not the rows the coach
 * has as they are here, which it then notes as the room's acknowledgement
 * does); the coach merges it and notes the rows to push in @changed.
 * Returns the merged file; @n_rows (optional): the team's rows sent;
 * @touched (optional): the teams the rows name besides the sender's. */
static SamWorkshopFile *
send_edits (Room        *room,
            guint        i,
            GHashTable  *known,
            GHashTable  *changed,
            guint       *n_rows,
            GStrv       *touched)
{
  g_autoptr(JsonObject) edits = NULL;
  g_autoptr(GError) error = NULL;
  SamWorkshopFile *file;
  guint n = 0;

  edits = _sam_live_build_edits (room->laptops[i], room->copies[i], room->since, known, &n, &error);
  g_assert_no_error (error);
  file = _sam_live_check_edits (room->coach, room->workshop, room->teams[i < 2 ? 0 : 1], edits, touched, &error);
  g_assert_no_error (error);
  g_assert_true (sam_workshop_file_merge (file, room->coach, &error));
  g_assert_no_error (error);
  _sam_live_edits_note_rows (file, changed);
  if (known != NULL)
    _sam_live_note_known (known, edits);
  if (n_rows != NULL)
    *n_rows = n;
  return file;
}

/* The number of cards in @store's workshop with @text. */
static guint
count_cards (SamStore    *store,
             const char  *text)
{
  sqlite3_stmt *stmt = _sam_store_prepare (store, "SELECT count(*) FROM card WHERE text = ?1 AND trash IS NULL",
                                           NULL);
  guint n;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static guint
count_rows (JsonObject *packet)
{
  JsonObject *tables = json_object_get_object_member (packet, "tables");
  g_autoptr(GList) members = json_object_get_members (tables);
  guint n = 0;

  for (GList *l = members; l != NULL; l = l->next)
    n += json_array_get_length (json_object_get_array_member (tables, l->data));
  return n;
}

/* Team @t's push after the rows of @changed, as the room pushes it. */
static JsonObject *
team_delta (Room        *room,
            guint        t,
            GHashTable  *changed,
            GError     **error)
{
  g_autoptr(GHashTable) rows = _sam_workshop_file_find_rows (room->coach, changed);

  return _sam_live_team_delta (room->coach, room->workshop, room->teams[t], changed, rows, error);
}

/* Laptop @i catches up from @packet (which it does not own), keeping its
 * rows changed since @since; with @known, it notes the rows as the room's
 * link does. */
static void
catch_up (Room       *room,
          guint       i,
          JsonObject *packet,
          gint64      since,
          GHashTable *known)
{
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = _sam_live_prepare_push (room->laptops[i], room->copies[i], packet, since, &error);
  g_assert_no_error (error);
  g_assert_true (sam_workshop_file_catch_up (file, room->laptops[i], &error));
  g_assert_no_error (error);
  if (known != NULL)
    _sam_live_note_known (known, json_node_get_object (file->root));
}

static void
test_delta_own_team (void)
{
  Room room = { 0 };
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonObject) whole = NULL;
  g_autoptr(JsonObject) delta = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_auto(GStrv) touched = NULL;

  room_set_up (&room);
  write_card (&room, 0, "changes", "change", "Written on the first laptop");
  file = send_edits (&room, 0, NULL, changed, NULL, &touched);
  g_assert_cmpuint (count_cards (room.coach, "Written on the first laptop"), ==, 1);
  g_assert_cmpuint (g_strv_length (touched), ==, 0);

  /* The team's other laptop gets the card in a packet of what changed:
   * a small part of the whole. */
  delta = team_delta (&room, 0, changed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (delta);
  whole = _sam_live_team_packet (room.coach, room.workshop, room.teams[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (delta), <, count_rows (whole) / 4);

  g_assert_cmpuint (count_cards (room.laptops[1], "Written on the first laptop"), ==, 0);
  catch_up (&room, 1, delta, 0, NULL);
  g_assert_cmpuint (count_cards (room.laptops[1], "Written on the first laptop"), ==, 1);
  /* Twice is once. */
  catch_up (&room, 1, delta, 0, NULL);
  g_assert_cmpuint (count_cards (room.laptops[1], "Written on the first laptop"), ==, 1);

  /* Another team may not see a team's change: nothing to push to it. */
  g_clear_pointer (&delta, json_object_unref);
  delta = team_delta (&room, 1, changed, &error);
  g_assert_no_error (error);
  g_assert_null (delta);

  room_tear_down (&room);
}

static void
test_delta_shared (void)
{
  Room room = { 0 };
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonObject) delta = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;

  room_set_up (&room);

  /* A change card of the first team is not for every team... */
  write_card (&room, 0, "changes", "change", "Only ours");
  g_object_unref (send_edits (&room, 0, NULL, changed, NULL, NULL));
  g_hash_table_remove_all (changed);

  /* ...a brainstorm idea is: every team votes on every idea. */
  write_card (&room, 0, "brainstorm", "idea", "An idea for the whole room");
  file = send_edits (&room, 0, NULL, changed, NULL, NULL);
  g_assert_true (_sam_live_edits_shared (room.coach, file));

  delta = team_delta (&room, 1, changed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (delta);
  catch_up (&room, 2, delta, 0, NULL);
  g_assert_cmpuint (count_cards (room.laptops[2], "An idea for the whole room"), ==, 1);
  g_assert_cmpuint (count_cards (room.laptops[2], "Only ours"), ==, 0);

  room_tear_down (&room);
}

/* A contribution that only refers to other teams' shared rows (the team's
 * dots on their ideas) changes nothing every team sees. */
static void
test_dots_not_shared (void)
{
  Room room = { 0 };
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows;

  room_set_up (&room);
  file = send_edits (&room, 0, NULL, changed, &n_rows, NULL);
  g_assert_cmpuint (n_rows, ==, 0);
  /* The sample's dots of the first team are on another team's idea: the
   * idea travels as what the dots refer to. */
  g_assert_cmpuint (json_array_get_length (_sam_workshop_file_get_rows (file, "card")), >, 0);
  g_assert_false (_sam_live_edits_shared (room.coach, file));
  /* The second team may not see the first's dots... */
  g_assert_null (team_delta (&room, 1, changed, &error));
  g_assert_no_error (error);
  /* ...its own laptops get them back. */
    {
      g_autoptr(JsonObject) delta = team_delta (&room, 0, changed, &error);
      JsonArray *cards;

      g_assert_no_error (error);
      g_assert_nonnull (delta);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (delta, "tables"), "vote")), >, 0);
      cards = json_object_get_array_member (json_object_get_object_member (delta, "tables"), "card");
      /* Only the dots and the ideas they are on, none other. */
      for (guint i = 0; i < json_array_get_length (cards); i++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (cards, i), "kind"), ==, "idea");
    }

  room_tear_down (&room);
}

/* A laptop's card the coach acknowledged and then pushed back (to the
 * team's other laptop, and so to this one) is not sent again: the push
 * marks it older than the laptop's, which must not make the laptop forget
 * that the coach has it.  Each push once made every laptop send its last
 * second of cards again. */
static void
test_pushed_not_sent_back (void)
{
  Room room = { 0 };
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) json_node_unref);
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) delta = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  room_set_up (&room);
  write_card (&room, 0, "changes", "change", "Sent once");
  /* The coach merges and acknowledges it. */
  file = send_edits (&room, 0, known, changed, &n_rows, NULL);
  g_assert_cmpuint (n_rows, ==, 1);

  /* The team's push reaches this laptop too. */
  delta = team_delta (&room, 0, changed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (delta);
  catch_up (&room, 0, delta, room.since, known);

  again = _sam_live_build_edits (room.laptops[0], room.copies[0], room.since, known, &n_rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 0);
  g_assert_cmpuint (count_cards (room.coach, "Sent once"), ==, 1);

  room_tear_down (&room);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sam/live/sync/delta-own-team", test_delta_own_team);
  g_test_add_func ("/sam/live/sync/delta-shared", test_delta_shared);
  g_test_add_func ("/sam/live/sync/dots-not-shared", test_dots_not_shared);
  g_test_add_func ("/sam/live/sync/pushed-not-sent-back", test_pushed_not_sent_back);

  return g_test_run ();
}
