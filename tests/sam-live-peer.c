/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <glib-unix.h>

#include "sam-live-private.h"
#include "sam-rotation.h"
#include "sam-sample-workshop.h"
#include "sam-step-settings.h"
#include "sam-store-packet.h"
#include "sam-store-private.h"

/* A headless coach or laptop of the live room, one process each, with its
 * own data folder: the integration tests, the load benchmark and the
 * rehearsal start them (docs/live-room.md, "The headless peer").
 *
 *   sam-live-peer coach --data DIR (--workshop FILE | --sample) [--port N] [--bench]
 *     prints `ROOM port=P code=C fingerprint=F uri=U`, serves until
 *     SIGTERM; SIGUSR1 or the line `dump` on stdin prints the cards as JSON
 *     lines (uuid, text, team, about, kind) and `END`; `remove TEAM` removes
 *     that team's laptops; `laptops` counts them; `current KIND` makes the
 *     step of that kind the room's, `reveal KIND` reveals it, `push` pushes
 *     now; with --bench, `latency` prints the edit-to-commit latencies of
 *     the cards laptops wrote with --bench.
 *   sam-live-peer laptop --data DIR (--uri U | --host H --port P --code C)
 *       --team NAME [--label TEXT] [--edits N] [--rate R] [--step KIND]
 *       [--when-current] [--bench] [--exit-when-synced]
 *     joins (or resumes), writes N cards "TEXT edit I" (TEXT: the team's
 *     name) at R per second through the store, in the workshop's step of
 *     KIND (changes; in team-perspective about the team the rotation gives
 *     it, one prompt after the other), with --when-current once the coach
 *     is on that step; prints `JOINED`/`RESUMED`, `EDIT i`, `STATE s`,
 *     `CAUGHT-UP step=KIND revealed=0|1` after each push and `SYNCED n=N`
 *     once the coach acknowledged every card; errors as `ERROR code=C
 *     message`.  On stdin: `dump` as the coach's, `link` prints `LINK
 *     token=T` or `LINK none`, `leave` leaves the room (`LEFT`), `delete TEXT` deletes
 *     its cards with that text (`DELETED n=N`, then `SYNCED` again once the
 *     coach acknowledged), `undo` restores the last (`RESTORED`).
 *   The coach takes `delete TEXT` and `undo` too, and prints
 *   `CARDS-DELETED n=N` when a laptop's deletions were made (`undo` then
 *   restores them). */

static GMainLoop *loop;
static int exit_status;

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static gboolean
on_term (gpointer data)
{
  g_main_loop_quit (loop);
  return G_SOURCE_CONTINUE;
}

static SamStore *
open_store (const char *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (data, "samenspel.db", NULL);
  SamStore *store;

  g_mkdir_with_parents (data, 0700);
  store = sam_store_open (path, &error);
  if (store == NULL)
    {
      say ("ERROR code=store %s", error->message);
      exit (2);
    }
  return store;
}

/* ---- Deleting cards, as the card's Delete button does -------------------- */

/* Puts every live card of @workshop whose text is @text in the trash, each
 * through sam_store_trash_card(); the last batch goes to *batch. */
static guint
delete_cards (SamStore    *store,
              SamWorkshop *workshop,
              const char  *text,
              gint64      *batch)
{
  GListModel *steps = sam_store_get_steps (store, workshop);
  guint n = 0;

  for (guint s = 0; s < g_list_model_get_n_items (steps); s++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, s);
      GListModel *cards = sam_store_get_cards (store, step);

      for (guint i = g_list_model_get_n_items (cards); i > 0; i--)
        {
          g_autoptr(SamCard) card = g_list_model_get_item (cards, i - 1);
          g_autoptr(GError) error = NULL;

          if (!g_str_equal (sam_card_get_text (card), text))
            continue;
          if (!sam_store_trash_card (store, card, batch, &error))
            {
              say ("ERROR code=store %s", error->message);
              exit (2);
            }
          n++;
        }
    }
  return n;
}

static void
undo_delete (SamStore *store,
             gint64   *batch)
{
  g_autoptr(GError) error = NULL;

  if (*batch == 0 || !sam_store_restore_trash (store, *batch, &error))
    say ("ERROR code=store %s", error ? error->message : "nothing to undo");
  else
    say ("RESTORED batch=%" G_GINT64_FORMAT, *batch);
  *batch = 0;
}

/* ---- The coach --------------------------------------------------------- */

typedef struct
{
  SamStore    *store;
  SamWorkshop *workshop;
  SamLiveRoom *room;
  gint64       last_card;
  GArray      *latencies;   /* microseconds */
  gint64       undo_batch;
} Coach;

/* Every card of @workshop in @store as a JSON line (uuid, text, team,
 * about: the team names, "" for none; kind), then `END`. */
static void
dump_cards (SamStore    *store,
            SamWorkshop *workshop)
{
  sqlite3_stmt *stmt = _sam_store_prepare (store,
                                           "SELECT c.uuid, c.text, COALESCE(t.name, ''), COALESCE(a.name, ''), "
                                           "c.kind FROM card c "
                                           "LEFT JOIN team t ON t.id = c.team_id "
                                           "LEFT JOIN team a ON a.id = c.about_team_id "
                                           "WHERE c.workshop_id = ?1 AND c.trash IS NULL ORDER BY c.id", NULL);

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_set_member_name (builder, "team");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
      json_builder_set_member_name (builder, "about");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 3));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 4));
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      line = json_to_string (node, FALSE);
      say ("%s", line);
    }
  sqlite3_reset (stmt);
  say ("END");
}

/* A laptop's deletions made here: Undo restores them. */
static void
on_cards_deleted (SamLiveRoom *room,
                  const char  *team_uuid,
                  guint        n,
                  gint64       batch,
                  Coach       *coach)
{
  coach->undo_batch = batch;
  say ("CARDS-DELETED n=%u", n);
}

static gboolean
on_dump (gpointer data)
{
  Coach *coach = data;

  dump_cards (coach->store, coach->workshop);
  return G_SOURCE_CONTINUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Cards a --bench laptop wrote carry the time they were committed there:
 * "bench <µs since 1970> <n>".  The room merges before it says the
 * workshop changed, so now is the coach's commit time. */
static void
on_workshop_changed (SamLiveRoom *room,
                     Coach       *coach)
{
  gint64 now = g_get_real_time ();
  sqlite3_stmt *stmt;

  if (coach->latencies == NULL)
    return;

  stmt = _sam_store_prepare (coach->store, "SELECT id, text FROM card WHERE id > ?1 ORDER BY id", NULL);
  sqlite3_bind_int64 (stmt, 1, coach->last_card);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      gint64 sent;

      coach->last_card = sqlite3_column_int64 (stmt, 0);
      if (g_str_has_prefix (text, "bench ") && (sent = g_ascii_strtoll (text + 6, NULL, 10)) > 0)
        {
          gint64 latency = now - sent;

          g_array_append_val (coach->latencies, latency);
        }
    }
  sqlite3_reset (stmt);
}

static void
print_latency (Coach *coach)
{
  GArray *l = coach->latencies;

  if (l == NULL || l->len == 0)
    {
      say ("LATENCY n=0");
      return;
    }

  g_array_sort (l, compare_gint64);
  say ("LATENCY n=%u median_ms=%.1f p99_ms=%.1f max_ms=%.1f", l->len,
       g_array_index (l, gint64, l->len / 2) / 1000.0,
       g_array_index (l, gint64, MIN (l->len - 1, l->len * 99 / 100)) / 1000.0,
       g_array_index (l, gint64, l->len - 1) / 1000.0);
}

static void
remove_team (Coach      *coach,
             const char *team)
{
  GListModel *laptops = sam_live_room_get_laptops (coach->room);
  guint removed = 0;

  for (guint i = g_list_model_get_n_items (laptops); i > 0; i--)
    {
      g_autoptr(SamLiveLaptop) laptop = g_list_model_get_item (laptops, i - 1);

      if (g_strcmp0 (sam_live_laptop_get_team_name (laptop), team) == 0)
        {
          sam_live_room_remove_laptop (coach->room, laptop);
          removed++;
        }
    }
  say ("REMOVED n=%u", removed);
}

/* The first step of @kind in @workshop, or %NULL */
static SamStep *
find_step (SamStore    *store,
           SamWorkshop *workshop,
           const char  *kind)
{
  GListModel *steps = sam_store_get_steps (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      if (g_str_equal (sam_step_get_kind (step), kind))
        return step;
    }
  return NULL;
}

/* The coach moves the room to the step of @kind (`current KIND`), or
 * reveals its answers (`reveal KIND`), as on the console: a commit of the
 * coach's, which the room pushes by itself. */
static void
set_step (Coach      *coach,
          const char *kind,
          gboolean    reveal)
{
  g_autoptr(GError) error = NULL;
  SamStep *step = find_step (coach->store, coach->workshop, kind);
  gboolean ok;

  if (step == NULL)
    {
      say ("ERROR code=workshop no %s step", kind);
      return;
    }
  if (reveal)
    ok = sam_store_set_step_revealed (coach->store, step, TRUE, &error);
  else
    ok = sam_store_set_step_state (coach->store, step, SAM_STEP_CURRENT, &error);
  if (!ok)
    say ("ERROR code=store %s", error->message);
  else
    say ("%s %s", reveal ? "REVEALED" : "CURRENT", kind);
}

static gboolean
on_stdin (GIOChannel   *channel,
          GIOCondition  condition,
          gpointer      data)
{
  Coach *coach = data;
  g_autofree char *line = NULL;

  if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
    return G_SOURCE_REMOVE;

  g_strstrip (line);
  if (g_str_equal (line, "dump"))
    dump_cards (coach->store, coach->workshop);
  else if (g_str_has_prefix (line, "remove "))
    remove_team (coach, line + 7);
  else if (g_str_equal (line, "latency"))
    print_latency (coach);
  else if (g_str_equal (line, "laptops"))
    say ("LAPTOPS n=%u", g_list_model_get_n_items (sam_live_room_get_laptops (coach->room)));
  else if (g_str_has_prefix (line, "delete "))
    say ("DELETED n=%u", delete_cards (coach->store, coach->workshop, line + 7, &coach->undo_batch));
  else if (g_str_equal (line, "undo"))
    undo_delete (coach->store, &coach->undo_batch);
  else if (g_str_has_prefix (line, "current "))
    set_step (coach, line + 8, FALSE);
  else if (g_str_has_prefix (line, "reveal "))
    set_step (coach, line + 7, TRUE);
  else if (g_str_equal (line, "push"))
    {
      sam_live_room_push_now (coach->room);
      say ("PUSHED");
    }
  return G_SOURCE_CONTINUE;
}

static SamWorkshop *
coach_workshop (SamStore   *store,
                const char *file,
                gboolean    sample)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) loaded = NULL;
  g_autoptr(GFile) gfile = NULL;
  GListModel *workshops = sam_store_get_workshops (store);

  /* A restarted coach finds the workshop of its first start. */
  if (g_list_model_get_n_items (workshops) > 0)
    {
      g_autoptr(SamWorkshop) first = g_list_model_get_item (workshops, 0);

      return first;
    }

  if (sample)
    return sam_sample_workshop_new (store, "Live room");

  if (file == NULL)
    return NULL;
  gfile = g_file_new_for_commandline_arg (file);
  loaded = sam_workshop_file_load (gfile, NULL, &error);
  if (loaded == NULL)
    {
      say ("ERROR code=file %s", error->message);
      exit (2);
    }
  return sam_workshop_file_import (loaded, store, &error);
}

static int
run_coach (const char *data,
           const char *file,
           gboolean    sample,
           int         port,
           gboolean    bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = open_store (data);
  g_autofree char *uri = NULL;
  g_autoptr(GIOChannel) input = NULL;
  Coach coach = { store, NULL, NULL, 0, bench ? g_array_new (FALSE, FALSE, sizeof (gint64)) : NULL };

  coach.workshop = coach_workshop (store, file, sample);
  if (coach.workshop == NULL)
    {
      say ("ERROR code=file no workshop (--workshop FILE or --sample)");
      return 2;
    }

  coach.room = sam_live_room_new (store, coach.workshop);
  if (!sam_live_room_open (coach.room, port, &error))
    {
      say ("ERROR code=open %s", error->message);
      return 2;
    }

  if (bench)
    {
      sqlite3_stmt *stmt = _sam_store_prepare (store, "SELECT COALESCE(max(id), 0) FROM card", NULL);

      sqlite3_step (stmt);
      coach.last_card = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  g_signal_connect (coach.room, "workshop-changed", G_CALLBACK (on_workshop_changed), &coach);
  g_signal_connect (coach.room, "cards-deleted", G_CALLBACK (on_cards_deleted), &coach);

  uri = sam_live_room_dup_join_uri (coach.room, "127.0.0.1");
  say ("ROOM port=%u code=%s fingerprint=%s uri=%s", sam_live_room_get_port (coach.room),
       sam_live_room_get_code (coach.room), sam_live_room_get_fingerprint (coach.room), uri);

  g_unix_signal_add (SIGUSR1, on_dump, &coach);
  input = g_io_channel_unix_new (0);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP, on_stdin, &coach);
  g_main_loop_run (loop);

  if (bench)
    print_latency (&coach);
  sam_live_room_close (coach.room);
  g_clear_object (&coach.room);
  g_clear_pointer (&coach.latencies, g_array_unref);
  return 0;
}

/* ---- The laptop -------------------------------------------------------- */

typedef struct
{
  SamStore    *store;
  SamLiveLink *link;
  SamWorkshop *workshop;
  char        *team;
  char        *label;
  char        *code;
  guint        edits;
  guint        written;
  double       rate;
  gboolean     bench;
  gboolean     exit_when_synced;
  gboolean     synced_said;
  gint64       undo_batch;
  const char  *step_kind;     /* the step its cards go in */
  gboolean     when_current;  /* write once the coach is on that step */
  gboolean     writing;
} Laptop;

static const char *
error_code (GError *error)
{
  static const char *const codes[] = { "unreachable", "certificate", "wrong-code", "wait", "removed", "protocol" };

  if (error->domain == SAM_LIVE_ERROR && error->code >= 0 && (guint) error->code < G_N_ELEMENTS (codes))
    return codes[error->code];
  return "other";
}

static void
fail (GError *error)
{
  say ("ERROR code=%s %s", error_code (error), error->message);
  exit_status = 2;
  g_main_loop_quit (loop);
}

static void
check_synced (Laptop *laptop)
{
  if (laptop->written < laptop->edits || !_sam_live_link_is_idle (laptop->link))
    return;

  if (!laptop->synced_said)
    say ("SYNCED n=%u", laptop->written);
  laptop->synced_said = TRUE;
  if (laptop->exit_when_synced)
    g_main_loop_quit (loop);
}

/* The link's own bookkeeping commits come after the acknowledgement: look
 * again now and then. */
static gboolean
check_synced_later (gpointer data)
{
  check_synced (data);
  return G_SOURCE_CONTINUE;
}

/* The id of the workshop's team with @uuid, 0 if none */
static gint64
team_id_of (Laptop     *laptop,
            const char *uuid)
{
  GListModel *teams = sam_store_get_teams (laptop->store, laptop->workshop);

  for (guint i = 0; uuid != NULL && i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (g_ascii_strcasecmp (sam_team_get_uuid (team), uuid) == 0)
        return sam_team_get_id (team);
    }
  return 0;
}

/* The team this laptop's team writes about in the perspective step, as
 * the team's window finds it: the coach's stored assignment, else the
 * rotation the coach's page proposes. */
static gint64
perspective_target (Laptop     *laptop,
                    SamStep    *step,
                    const char *team_uuid)
{
  g_autoptr(GHashTable) stored = sam_step_settings_dup_map (sam_step_get_settings (step), "assignment");
  GListModel *teams = sam_store_get_teams (laptop->store, laptop->workshop);
  guint n = g_list_model_get_n_items (teams);
  g_autofree guint *targets = NULL;
  const char *target = g_hash_table_lookup (stored, team_uuid);

  if (target != NULL)
    return team_id_of (laptop, target);
  if (n < SAM_ROTATION_MIN_TEAMS || n > SAM_ROTATION_MAX_TEAMS)
    return 0;

  targets = sam_rotation_propose (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);
      g_autoptr(SamTeam) about = g_list_model_get_item (teams, targets[i]);

      if (g_ascii_strcasecmp (sam_team_get_uuid (team), team_uuid) == 0)
        return sam_team_get_id (about);
    }
  return 0;
}

static gboolean
write_card (gpointer data)
{
  static const char *const prompts[] = { "goals", "pressure", "strengths", "hard", "needs" };
  Laptop *laptop = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *team_uuid = NULL;
  SamCardInit init = { "change" };
  SamStep *step = find_step (laptop->store, laptop->workshop, laptop->step_kind);
  gint64 team_id;

  if (laptop->written >= laptop->edits)
    return G_SOURCE_REMOVE;

  sam_store_get_packet_team (laptop->store, laptop->workshop, &team_uuid);
  team_id = team_id_of (laptop, team_uuid);
  if (step == NULL)
    {
      say ("ERROR code=workshop no %s step", laptop->step_kind);
      exit (2);
    }

  /* In the other team's shoes: a card about the team the rotation gives
   * this one, for each prompt in turn. */
  if (g_str_equal (laptop->step_kind, "team-perspective"))
    {
      init.kind = "perspective";
      init.about_team_id = perspective_target (laptop, step, team_uuid);
      init.prompt = prompts[laptop->written % G_N_ELEMENTS (prompts)];
    }

  if (laptop->bench)
    text = g_strdup_printf ("bench %" G_GINT64_FORMAT " %s %u", g_get_real_time (), laptop->team, laptop->written);
  else
    text = g_strdup_printf ("%s edit %u", laptop->label, laptop->written);
  init.team_id = team_id;
  init.text = text;

  if (sam_store_add_card (laptop->store, step, &init, &error) == NULL)
    {
      say ("ERROR code=store %s", error->message);
      exit (2);
    }

  say ("EDIT %u", laptop->written);
  laptop->written++;
  return laptop->written < laptop->edits ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Starts writing, with --when-current only once the coach's room is on
 * the step of the cards. */
static void
maybe_write (Laptop *laptop)
{
  guint interval = laptop->rate > 0 ? (guint) (1000.0 / laptop->rate) : 0;
  SamStep *step;

  if (laptop->writing || laptop->edits == 0)
    return;
  step = find_step (laptop->store, laptop->workshop, laptop->step_kind);
  if (laptop->when_current && (step == NULL || sam_step_get_state (step) != SAM_STEP_CURRENT))
    return;

  laptop->writing = TRUE;
  g_timeout_add (MAX (interval, 1), write_card, laptop);
}

static void
start_writing (Laptop *laptop)
{
  check_synced (laptop);
  g_timeout_add (100, check_synced_later, laptop);
  maybe_write (laptop);
}

/* The coach's push was applied: say where the room is, and whether that
 * step is revealed. */
static void
on_caught_up (SamLiveLink *link,
              Laptop      *laptop)
{
  GListModel *steps = sam_store_get_steps (laptop->store, laptop->workshop);
  const char *kind = "";
  gboolean revealed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      if (sam_step_get_state (step) == SAM_STEP_CURRENT)
        {
          kind = sam_step_get_kind (step);
          revealed = sam_store_get_step_revealed (laptop->store, step);
        }
    }
  say ("CAUGHT-UP step=%s revealed=%d", kind, revealed);
  maybe_write (laptop);
}

/* Whether the laptop still holds a link to the room (and its token). */
static void
say_link (Laptop *laptop)
{
  sqlite3_stmt *stmt = _sam_store_prepare (laptop->store, "SELECT token FROM live_link WHERE workshop_id = ?1",
                                           NULL);
  g_autofree char *token = NULL;

  sqlite3_bind_int64 (stmt, 1, laptop->workshop ? sam_workshop_get_id (laptop->workshop) : 0);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    token = _sam_store_dup_column (stmt, 0);
  sqlite3_reset (stmt);
  if (token != NULL)
    say ("LINK token=%s", token);
  else
    say ("LINK none");
}

static gboolean
on_laptop_stdin (GIOChannel   *channel,
                 GIOCondition  condition,
                 gpointer      data)
{
  Laptop *laptop = data;
  g_autofree char *line = NULL;

  if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
    return G_SOURCE_REMOVE;

  g_strstrip (line);
  if (g_str_has_prefix (line, "delete ") && laptop->workshop != NULL)
    {
      laptop->synced_said = FALSE;
      say ("DELETED n=%u", delete_cards (laptop->store, laptop->workshop, line + 7, &laptop->undo_batch));
    }
  else if (g_str_equal (line, "undo") && laptop->workshop != NULL)
    {
      laptop->synced_said = FALSE;
      undo_delete (laptop->store, &laptop->undo_batch);
    }
  else if ((g_str_has_prefix (line, "delete ") || g_str_equal (line, "undo")) && laptop->workshop == NULL)
    say ("ERROR code=workshop not joined yet");
  else if (g_str_equal (line, "dump") && laptop->workshop != NULL)
    dump_cards (laptop->store, laptop->workshop);
  else if (g_str_equal (line, "dump"))
    say ("END");
  else if (g_str_equal (line, "link"))
    say_link (laptop);
  else if (g_str_equal (line, "leave"))
    {
      sam_live_link_leave (laptop->link);
      say ("LEFT");
    }
  return G_SOURCE_CONTINUE;
}

static void
on_state (SamLiveLink *link,
          GParamSpec  *pspec,
          Laptop      *laptop)
{
  static const char *const states[] = { "connecting", "connected", "offline", "removed" };

  say ("STATE %s", states[sam_live_link_get_state (link)]);
  if (sam_live_link_get_state (link) == SAM_LIVE_STATE_REMOVED && laptop->exit_when_synced)
    {
      exit_status = 3;
      g_main_loop_quit (loop);
    }
}

static void
on_last_sync (SamLiveLink *link,
              GParamSpec  *pspec,
              Laptop      *laptop)
{
  check_synced (laptop);
}

static void
follow_link (Laptop *laptop)
{
  g_signal_connect (laptop->link, "notify::state", G_CALLBACK (on_state), laptop);
  g_signal_connect (laptop->link, "notify::last-sync", G_CALLBACK (on_last_sync), laptop);
  g_signal_connect (laptop->link, "caught-up", G_CALLBACK (on_caught_up), laptop);
}

static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Laptop *laptop = data;
  g_autoptr(GError) error = NULL;

  laptop->workshop = sam_live_link_choose_team_finish (SAM_LIVE_LINK (source), result, &error);
  if (laptop->workshop == NULL)
    return fail (error);

  say ("JOINED team=%s workshop=%s", laptop->team, sam_workshop_get_uuid (laptop->workshop));
  start_writing (laptop);
}

static void
joined_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Laptop *laptop = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) teams = sam_live_link_join_finish (SAM_LIVE_LINK (source), result, &error);

  if (teams == NULL)
    return fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamLiveTeam) team = g_list_model_get_item (teams, i);

      if (g_strcmp0 (sam_live_team_get_name (team), laptop->team) == 0)
        {
          sam_live_link_choose_team_async (laptop->link, sam_live_team_get_uuid (team), NULL, chosen_cb, laptop);
          return;
        }
    }

  say ("ERROR code=team no team named %s", laptop->team);
  exit_status = 2;
  g_main_loop_quit (loop);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Laptop *laptop = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *short_fp = NULL;

  if (!sam_live_link_connect_finish (SAM_LIVE_LINK (source), result, &error))
    return fail (error);

  short_fp = sam_live_short_fingerprint (sam_live_link_get_fingerprint (laptop->link));
  say ("CONNECTED fingerprint=%s", short_fp);
  sam_live_link_join_async (laptop->link, laptop->code, NULL, joined_cb, laptop);
}

static int
run_laptop (const char *data,
            const char *uri,
            const char *host,
            int         port,
            const char *code,
            Laptop     *laptop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = open_store (data);
  g_autoptr(GIOChannel) input = g_io_channel_unix_new (0);
  g_autofree char *uri_host = NULL;
  g_autofree char *uri_code = NULL;
  g_autofree char *fingerprint = NULL;
  guint16 uri_port = 0;
  SamWorkshop *workshop = sam_store_find_team_mode (store);

  laptop->store = store;
  g_io_add_watch (input, G_IO_IN | G_IO_HUP, on_laptop_stdin, laptop);
  if (workshop != NULL && (laptop->link = sam_live_link_resume (store, workshop)) != NULL)
    {
      laptop->workshop = workshop;
      follow_link (laptop);
      say ("RESUMED workshop=%s", sam_workshop_get_uuid (workshop));
      start_writing (laptop);
    }
  else
    {
      if (uri != NULL && !sam_live_parse_join_uri (uri, &uri_host, &uri_port, &uri_code, &fingerprint, &error))
        {
          fail (error);
          return exit_status;
        }
      laptop->code = g_strdup (uri_code ? uri_code : code);
      laptop->link = sam_live_link_new (store);
      follow_link (laptop);
      sam_live_link_connect_async (laptop->link, uri_host ? uri_host : host,
                                   uri_port ? uri_port : (guint16) port, fingerprint,
                                   NULL, connected_cb, laptop);
    }

  g_main_loop_run (loop);
  g_clear_object (&laptop->link);
  g_free (laptop->code);
  return exit_status;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data = NULL;
  g_autofree char *file = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *host = NULL;
  g_autofree char *code = NULL;
  g_autofree char *team = NULL;
  g_autofree char *label = NULL;
  g_autofree char *step = NULL;
  gboolean sample = FALSE, bench = FALSE, exit_when_synced = FALSE, when_current = FALSE;
  int port = 0, edits = 0;
  double rate = 10;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("coach|laptop");
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "The data folder", "DIR" },
    { "workshop", 0, 0, G_OPTION_ARG_FILENAME, &file, "Coach: the workshop file to serve", "FILE" },
    { "sample", 0, 0, G_OPTION_ARG_NONE, &sample, "Coach: serve the sample workshop", NULL },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "The coach's port", "N" },
    { "uri", 0, 0, G_OPTION_ARG_STRING, &uri, "Laptop: the room's join address", "U" },
    { "host", 0, 0, G_OPTION_ARG_STRING, &host, "Laptop: the coach's address", "H" },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, "Laptop: the room code", "C" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, "Laptop: the team's name", "NAME" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "Laptop: how its cards begin (the team's name)", "TEXT" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &edits, "Laptop: how many cards to write", "N" },
    { "rate", 0, 0, G_OPTION_ARG_DOUBLE, &rate, "Laptop: cards per second", "R" },
    { "step", 0, 0, G_OPTION_ARG_STRING, &step, "Laptop: the kind of step the cards go in (changes)", "KIND" },
    { "when-current", 0, 0, G_OPTION_ARG_NONE, &when_current, "Laptop: write once the coach is on that step", NULL },
    { "bench", 0, 0, G_OPTION_ARG_NONE, &bench, "Measure the edit-to-coach latency", NULL },
    { "exit-when-synced", 0, 0, G_OPTION_ARG_NONE, &exit_when_synced, "Laptop: exit once the coach has every card", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || data == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "usage: sam-live-peer coach|laptop --data DIR ...");
      return 2;
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_term, NULL);
  g_unix_signal_add (SIGINT, on_term, NULL);

  if (g_str_equal (argv[1], "coach"))
    return run_coach (data, file, sample, port, bench);

  if (g_str_equal (argv[1], "laptop") && team != NULL && (uri != NULL || (host && code && port > 0)))
    {
      Laptop laptop = { 0 };

      laptop.team = team;
      laptop.label = label ? label : team;
      laptop.edits = MAX (edits, 0);
      laptop.rate = rate;
      laptop.bench = bench;
      laptop.exit_when_synced = exit_when_synced;
      laptop.step_kind = step ? step : "changes";
      laptop.when_current = when_current;
      return run_laptop (data, uri, host, port, code, &laptop);
    }

  g_printerr ("usage: sam-live-peer coach|laptop --data DIR ...\n");
  return 2;
}
