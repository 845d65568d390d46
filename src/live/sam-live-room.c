/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "sam-live-message.h"
#include "sam-live-private.h"
#include "sam-palette.h"
#include "sam-workshop-file-private.h"

/* The coach's side of the live room (docs/live-room.md): a WebSocket
 * server with the room's own certificate.  Each laptop proves the room
 * code, chooses its team and gets a token; its edits arrive as team
 * contributions, merged through the file-merge code; the team packets go
 * back to the laptops when something they may see changed. */

/* Wrong codes: per address, then for the whole room.  After this many the
 * next try waits 30 s, doubling with each further wrong code. */
#define TRIES_PER_ADDRESS 5
#define TRIES_OVERALL     20
#define FIRST_WAIT        30
#define LONGEST_WAIT      (60 * 60)
/* Changes are pushed at most this often (milliseconds).  What a laptop
 * wrote reaches the coach (and the projector) at once; the team's other
 * laptops and the teams it names see it with the next push.  Each push
 * exports the team's packet, so with twelve laptops writing ten cards a
 * second, pushing more often would cost the coach more than the merges. */
#define PUSH_DELAY        250

typedef enum
{
  STAGE_HELLO,     /* the laptop must prove the code or bring a token */
  STAGE_PROVEN,    /* it proved the code; it must choose a team */
  STAGE_JOINED,    /* it belongs to a team: edits and pushes */
} Stage;

typedef struct
{
  guint  failures;
  gint64 until;     /* monotonic seconds; no try before then */
} Tries;

typedef struct
{
  SamLiveRoom             *room;
  SoupWebsocketConnection *connection;
  char                    *address;
  char                    *server_nonce;
  char                    *client_nonce;
  char                    *name;
  Stage                    stage;
  gint64                   laptop_id;
  char                    *team_uuid;
  SamLiveLaptop           *laptop;
} Peer;

struct _SamLiveRoom
{
  GObject      parent_instance;

  SamStore    *store;
  SamWorkshop *workshop;

  gint64       room_id;
  char        *code;
  char        *fingerprint;
  GTlsCertificate *certificate;

  SoupServer  *server;
  guint16      port;
  GPtrArray   *peers;
  GListStore  *laptops;

  GHashTable  *tries;         /* address → Tries */
  Tries        overall;

  guint        watch;
  guint64      seen_commits;
  guint64      own_commits;
  GQueue      *pending;       /* edits to merge: Peer, SamLiveMessage, ... */
  guint        merge_source;
  GHashTable  *dirty;         /* team uuids to push to */
  gboolean     dirty_all;
  GHashTable  *changed;       /* uuids of the rows merged since the last push */
  gboolean     push_whole;    /* the coach changed something: whole packets */
  guint        push_source;
  GArray      *deletions;     /* Deletion: laptops' deletions in this batch */
};

typedef struct
{
  char   *team_uuid;
  guint   n;
  gint64  batch;
} Deletion;

G_DEFINE_FINAL_TYPE (SamLiveRoom, sam_live_room, G_TYPE_OBJECT)

enum {
  WORKSHOP_CHANGED,
  CARDS_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- The room's row ---------------------------------------------------- */

static gboolean
load_room (SamLiveRoom  *self,
           char        **cert_pem,
           char        **key_pem,
           GError      **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self->store,
                                           "SELECT id, cert_pem, key_pem, code FROM live_room WHERE workshop_id = ?1",
                                           error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (self->workshop));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      self->room_id = sqlite3_column_int64 (stmt, 0);
      *cert_pem = _sam_store_dup_column (stmt, 1);
      *key_pem = _sam_store_dup_column (stmt, 2);
      g_free (self->code);
      self->code = _sam_store_dup_column (stmt, 3);
      found = TRUE;
    }
  sqlite3_reset (stmt);

  return found;
}

/* The first opening of a workshop's room makes its certificate and code;
 * every later one serves the same, so the laptops come back by
 * themselves. */
static gboolean
ensure_room (SamLiveRoom  *self,
             GError      **error)
{
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  if (!load_room (self, &cert_pem, &key_pem, error))
    {
      if (!_sam_live_make_certificate (&cert_pem, &key_pem, error))
        return FALSE;

      self->code = _sam_live_random_code ();
      uuid = g_uuid_string_random ();
      stmt = _sam_store_prepare (self->store,
                                 "INSERT INTO live_room (uuid, workshop_id, cert_pem, key_pem, code, created) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, sam_workshop_get_id (self->workshop));
      sqlite3_bind_text (stmt, 3, cert_pem, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, key_pem, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, self->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, _sam_store_now ());
      if (!_sam_store_step_done (self->store, stmt, error))
        return FALSE;
      self->room_id = sqlite3_last_insert_rowid (_sam_store_get_db (self->store));
    }

  pem = g_strconcat (cert_pem, "\n", key_pem, NULL);
  g_clear_object (&self->certificate);
  self->certificate = g_tls_certificate_new_from_pem (pem, -1, error);
  if (self->certificate == NULL)
    return FALSE;

  g_free (self->fingerprint);
  self->fingerprint = _sam_live_fingerprint (self->certificate);
  return TRUE;
}

static char *
team_name (SamLiveRoom *self,
           const char  *team_uuid)
{
  GListModel *teams = sam_store_get_teams (self->store, self->workshop);

  for (guint i = 0; team_uuid != NULL && i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (g_ascii_strcasecmp (sam_team_get_uuid (team), team_uuid) == 0)
        return g_strdup (sam_team_get_name (team));
    }
  return NULL;
}

static void
load_laptops (SamLiveRoom *self)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self->store,
                                           "SELECT l.uuid, t.uuid, t.name, l.name FROM live_laptop l "
                                           "JOIN team t ON t.id = l.team_id AND t.trash IS NULL "
                                           "WHERE l.room_id = ?1 AND l.removed IS NULL ORDER BY l.id", NULL);

  g_list_store_remove_all (self->laptops);
  if (stmt == NULL)
    return;

  sqlite3_bind_int64 (stmt, 1, self->room_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(SamLiveLaptop) laptop = _sam_live_laptop_new ((const char *) sqlite3_column_text (stmt, 0),
                                                              (const char *) sqlite3_column_text (stmt, 1),
                                                              (const char *) sqlite3_column_text (stmt, 2),
                                                              (const char *) sqlite3_column_text (stmt, 3));

      g_list_store_append (self->laptops, laptop);
    }
  sqlite3_reset (stmt);
}

static SamLiveLaptop *
find_laptop (SamLiveRoom *self,
             const char  *uuid)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->laptops)); i++)
    {
      g_autoptr(SamLiveLaptop) laptop = g_list_model_get_item (G_LIST_MODEL (self->laptops), i);

      if (g_str_equal (_sam_live_laptop_get_uuid (laptop), uuid))
        return laptop;
    }
  return NULL;
}

/* ---- Peers ------------------------------------------------------------- */

static void
peer_free (Peer *peer)
{
  if (peer->laptop != NULL)
    _sam_live_laptop_set_connected (peer->laptop, FALSE);
  g_signal_handlers_disconnect_by_data (peer->connection, peer);
  g_clear_object (&peer->connection);
  g_clear_object (&peer->laptop);
  g_free (peer->address);
  g_free (peer->server_nonce);
  g_free (peer->client_nonce);
  g_free (peer->name);
  g_free (peer->team_uuid);
  g_free (peer);
}

static void
send_message (Peer       *peer,
              JsonObject *message)
{
  g_autofree char *text = sam_live_message_to_string (message);

  if (soup_websocket_connection_get_state (peer->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (peer->connection, text);
  json_object_unref (message);
}

/* Closes the connection for a message that broke the protocol; the peer
 * goes when the connection says it closed. */
static void
close_peer (Peer       *peer,
            gushort     code,
            const char *why)
{
  g_debug ("Live room: closing %s: %s", peer->address, why);
  if (soup_websocket_connection_get_state (peer->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (peer->connection, code, NULL);
}

static void
refuse_peer (Peer           *peer,
             SamLiveRefusal  refusal,
             gint64          wait)
{
  JsonObject *message = sam_live_message_new (SAM_LIVE_MESSAGE_REFUSED);

  json_object_set_string_member (message, "reason", sam_live_refusal_to_string (refusal));
  if (wait > 0)
    json_object_set_int_member (message, "wait", wait);
  send_message (peer, message);
  close_peer (peer, SOUP_WEBSOCKET_CLOSE_NORMAL, sam_live_refusal_to_string (refusal));
}

static void
send_packet (Peer *peer)
{
  g_autoptr(GError) error = NULL;
  JsonObject *packet = _sam_live_team_packet (peer->room->store, peer->room->workshop, peer->team_uuid, &error);

  if (packet == NULL)
    {
      g_warning ("Live room: no packet for a team: %s", error->message);
      return;
    }

  send_message (peer, _sam_live_packet_message (peer->room->store, peer->room->workshop, packet));
}

/* ---- Wrong codes ------------------------------------------------------- */

static gint64
now_seconds (void)
{
  return g_get_monotonic_time () / G_USEC_PER_SEC;
}

static gint64
wait_left (Tries *tries)
{
  return MAX (tries->until - now_seconds (), 0);
}

static void
count_failure (Tries *tries,
               guint  allowed)
{
  tries->failures++;
  if (tries->failures >= allowed)
    {
      guint doublings = MIN (tries->failures - allowed, 7);

      tries->until = now_seconds () + MIN ((gint64) FIRST_WAIT << doublings, LONGEST_WAIT);
    }
}

static Tries *
tries_of (SamLiveRoom *self,
          const char  *address)
{
  Tries *tries = g_hash_table_lookup (self->tries, address);

  if (tries == NULL)
    {
      tries = g_new0 (Tries, 1);
      g_hash_table_insert (self->tries, g_strdup (address), tries);
    }
  return tries;
}

/* ---- The protocol ------------------------------------------------------ */

static JsonArray *
list_teams (SamLiveRoom *self)
{
  GListModel *teams = sam_store_get_teams (self->store, self->workshop);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (teams) && i < 200; i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);
      g_autofree char *css = sam_palette_get_css (sam_team_get_colour (team));
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "uuid", sam_team_get_uuid (team));
      json_object_set_string_member (object, "name", sam_team_get_name (team));
      json_object_set_string_member (object, "color", css);
      json_array_add_object_element (array, object);
    }
  return array;
}

static void
handle_join (Peer           *peer,
             SamLiveMessage *message)
{
  SamLiveRoom *self = peer->room;
  Tries *tries = tries_of (self, peer->address);
  g_autofree char *expected = NULL;
  g_autofree char *proof = NULL;
  JsonObject *welcome;
  gint64 wait = MAX (wait_left (tries), wait_left (&self->overall));

  if (wait > 0)
    {
      refuse_peer (peer, SAM_LIVE_REFUSED_WAIT, wait);
      return;
    }

  peer->client_nonce = g_strdup (sam_live_message_get_string (message, "nonce"));
  peer->name = g_strdup (sam_live_message_get_string (message, "name"));
  expected = _sam_live_proof (self->code, "laptop", self->fingerprint, peer->server_nonce, peer->client_nonce);
  if (!_sam_live_equal (expected, sam_live_message_get_string (message, "proof")))
    {
      count_failure (tries, TRIES_PER_ADDRESS);
      count_failure (&self->overall, TRIES_OVERALL);
      wait = MAX (wait_left (tries), wait_left (&self->overall));
      refuse_peer (peer, wait > 0 ? SAM_LIVE_REFUSED_WAIT : SAM_LIVE_REFUSED_WRONG_CODE, wait);
      return;
    }

  tries->failures = 0;
  peer->stage = STAGE_PROVEN;
  welcome = sam_live_message_new (SAM_LIVE_MESSAGE_WELCOME);
  proof = _sam_live_proof (self->code, "coach", self->fingerprint, peer->server_nonce, peer->client_nonce);
  json_object_set_string_member (welcome, "proof", proof);
  json_object_set_array_member (welcome, "teams", list_teams (self));
  send_message (peer, welcome);
}

/* The laptop belongs to its team from now on: it gets the team packet,
 * and later pushes when something the team may see changed. */
static void
peer_joined (Peer       *peer,
             const char *laptop_uuid,
             const char *token)
{
  SamLiveRoom *self = peer->room;
  JsonObject *joined = sam_live_message_new (SAM_LIVE_MESSAGE_JOINED);

  peer->stage = STAGE_JOINED;
  g_set_object (&peer->laptop, find_laptop (self, laptop_uuid));
  if (peer->laptop != NULL)
    {
      _sam_live_laptop_set_connected (peer->laptop, TRUE);
      _sam_live_laptop_seen (peer->laptop, 0);
    }

  if (token != NULL)
    json_object_set_string_member (joined, "token", token);
  json_object_set_string_member (joined, "team", peer->team_uuid);
  send_message (peer, joined);
  send_packet (peer);
}

static void
handle_choose (Peer           *peer,
               SamLiveMessage *message)
{
  SamLiveRoom *self = peer->room;
  const char *team_uuid = sam_live_message_get_string (message, "team");
  g_autofree char *name = team_name (self, team_uuid);
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(SamLiveLaptop) laptop = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  SamTeam *team = NULL;
  GListModel *teams = sam_store_get_teams (self->store, self->workshop);

  for (guint i = 0; name != NULL && team == NULL && i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) candidate = g_list_model_get_item (teams, i);

      if (g_ascii_strcasecmp (sam_team_get_uuid (candidate), team_uuid) == 0)
        team = candidate;
    }
  if (team == NULL)
    {
      refuse_peer (peer, SAM_LIVE_REFUSED_BAD_TEAM, 0);
      return;
    }

  token = _sam_live_random_hex (SAM_LIVE_TOKEN_BYTES);
  hash = _sam_live_hash_token (token);
  uuid = g_uuid_string_random ();
  stmt = _sam_store_prepare (self->store,
                             "INSERT INTO live_laptop (uuid, room_id, token_hash, team_id, name, created) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, self->room_id);
      sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, sam_team_get_id (team));
      sqlite3_bind_text (stmt, 5, peer->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, _sam_store_now ());
    }
  if (stmt == NULL || !_sam_store_step_done (self->store, stmt, &error))
    {
      g_warning ("Live room: the laptop could not be stored: %s", error->message);
      close_peer (peer, SOUP_WEBSOCKET_CLOSE_SERVER_ERROR, "store");
      return;
    }

  peer->laptop_id = sqlite3_last_insert_rowid (_sam_store_get_db (self->store));
  peer->team_uuid = g_strdup (sam_team_get_uuid (team));
  laptop = _sam_live_laptop_new (uuid, peer->team_uuid, name, peer->name);
  g_list_store_append (self->laptops, laptop);
  peer_joined (peer, uuid, token);
}

static void
handle_resume (Peer           *peer,
               SamLiveMessage *message)
{
  SamLiveRoom *self = peer->room;
  g_autofree char *hash = _sam_live_hash_token (sam_live_message_get_string (message, "token"));
  g_autofree char *laptop_uuid = NULL;
  gboolean removed = FALSE;
  sqlite3_stmt *stmt;

  stmt = _sam_store_prepare (self->store,
                             "SELECT l.id, l.uuid, t.uuid, l.removed IS NOT NULL FROM live_laptop l "
                             "JOIN team t ON t.id = l.team_id AND t.trash IS NULL "
                             "WHERE l.room_id = ?1 AND l.token_hash = ?2", NULL);
  if (stmt == NULL)
    {
      close_peer (peer, SOUP_WEBSOCKET_CLOSE_SERVER_ERROR, "store");
      return;
    }

  sqlite3_bind_int64 (stmt, 1, self->room_id);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      peer->laptop_id = sqlite3_column_int64 (stmt, 0);
      laptop_uuid = _sam_store_dup_column (stmt, 1);
      peer->team_uuid = _sam_store_dup_column (stmt, 2);
      removed = sqlite3_column_int (stmt, 3) != 0;
    }
  sqlite3_reset (stmt);

  if (laptop_uuid == NULL || removed)
    {
      refuse_peer (peer, removed ? SAM_LIVE_REFUSED_REMOVED : SAM_LIVE_REFUSED_UNKNOWN, 0);
      return;
    }

  /* The same laptop twice (a reconnect before the old connection timed
   * out): the older connection goes. */
  for (guint i = 0; i < self->peers->len; i++)
    {
      Peer *other = g_ptr_array_index (self->peers, i);

      if (other != peer && other->stage == STAGE_JOINED && other->laptop_id == peer->laptop_id)
        close_peer (other, SOUP_WEBSOCKET_CLOSE_NORMAL, "replaced");
    }

  peer_joined (peer, laptop_uuid, NULL);
}

static void
mark_dirty (SamLiveRoom *self,
            const char  *team_uuid);

/* The laptop's deletions (docs/live-room.md, "Deletions"): checked before
 * anything of its edits is merged, so a bad one changes nothing. */
static gboolean
check_deletions (Peer            *peer,
                 SamLiveMessage  *message,
                 GPtrArray       *take,
                 GError         **error)
{
  return _sam_live_check_deletions (peer->room->store, peer->room->workshop, peer->team_uuid,
                                    sam_live_message_get_array (message, "deleted"), take, error);
}

/* Puts the checked cards in the trash through the store (its lists, the
 * projector and Undo follow), as one batch; "cards-deleted" is emitted
 * once the batch's transaction is on disk. */
static gboolean
delete_cards (Peer       *peer,
              GPtrArray  *take,
              GError    **error)
{
  SamLiveRoom *self = peer->room;
  Deletion deletion = { NULL, 0, 0 };

  if (take->len == 0)
    return TRUE;

  g_ptr_array_add (take, NULL);
  if (!_sam_store_trash_cards_by_uuid (self->store, sam_workshop_get_id (self->workshop),
                                       (const char *const *) take->pdata, &deletion.batch, &deletion.n, error))
    return FALSE;

  if (deletion.n > 0)
    {
      deletion.team_uuid = g_strdup (peer->team_uuid);
      g_array_append_val (self->deletions, deletion);
      /* Every team's laptops lose the cards with their next packet, which
       * is whole: deletions are rare, and the list travels with it. */
      self->push_whole = TRUE;
      mark_dirty (self, NULL);
    }
  return TRUE;
}

/* The merge and the deletions, or neither. */
static gboolean
merge_and_delete (Peer             *peer,
                  SamWorkshopFile  *file,
                  GPtrArray        *deleted,
                  gboolean         *changed,
                  GError          **error)
{
  SamStore *store = peer->room->store;

  if (!_sam_store_begin (store, error))
    return FALSE;
  if (!_sam_workshop_file_merge_quietly (file, store, changed, error) || !delete_cards (peer, deleted, error))
    {
      _sam_store_rollback (store);
      return FALSE;
    }
  return _sam_store_commit (store, error);
}

/* Merges one laptop's edits inside the batch's transaction (a savepoint of
 * its own: a bad contribution undoes only itself); the store's lists are
 * reloaded once for the batch.  Returns the cards it carried, or -1 when
 * the laptop broke the rules. */
static int
merge_edits (Peer           *peer,
             SamLiveMessage *message,
             gboolean       *changed_any)
{
  SamLiveRoom *self = peer->room;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GPtrArray) deleted = g_ptr_array_new ();
  g_auto(GStrv) touched = NULL;
  JsonObject *tables;

  file = _sam_live_check_edits (self->store, self->workshop, peer->team_uuid,
                                sam_live_message_get_object (message, "file"), &touched, &error);
  if (file == NULL || !check_deletions (peer, message, deleted, &error) ||
      !merge_and_delete (peer, file, deleted, &changed, &error))
    {
      g_message ("Live room: edits of a laptop refused: %s", error->message);
      close_peer (peer, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "edits");
      return -1;
    }
  *changed_any |= changed;

  /* What the merge changed travels in the next push: to the teams its
   * rows name, and to the team's other laptops. */
  _sam_live_edits_note_rows (file, self->changed);
  for (guint i = 0; touched != NULL && touched[i] != NULL; i++)
    mark_dirty (self, touched[i]);
  for (guint i = 0; i < self->peers->len; i++)
    {
      Peer *other = g_ptr_array_index (self->peers, i);

      if (other != peer && other->stage == STAGE_JOINED && g_ascii_strcasecmp (other->team_uuid, peer->team_uuid) == 0)
        {
          mark_dirty (self, peer->team_uuid);
          break;
        }
    }
  if (_sam_live_edits_shared (self->store, file))
    mark_dirty (self, NULL);

  tables = json_object_get_object_member (json_node_get_object (file->root), "tables");
  if (tables != NULL && json_object_has_member (tables, "card"))
    return json_array_get_length (json_object_get_array_member (tables, "card"));
  return 0;
}

typedef struct
{
  Peer           *peer;
  SamLiveMessage *message;
  int             n_rows;
} Pending;

static void
emit_deletions (SamLiveRoom *self,
                gboolean     committed)
{
  for (guint i = 0; i < self->deletions->len; i++)
    {
      Deletion *deletion = &g_array_index (self->deletions, Deletion, i);

      if (committed)
        g_signal_emit (self, signals[CARDS_DELETED], 0, deletion->team_uuid, deletion->n, deletion->batch);
      g_free (deletion->team_uuid);
    }
  g_array_set_size (self->deletions, 0);
}

/* Every laptop's edits that arrived since the last batch are merged in one
 * transaction, so the disk syncs once for all of them (a sync costs tens
 * of milliseconds on a busy disk; one per laptop per edit would fall
 * behind twelve laptops).  Acknowledgements go only after the commit: an
 * acknowledged edit is on the coach's disk. */
static gboolean
merge_pending (gpointer data)
{
  SamLiveRoom *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autoptr(GHashTable) changes = NULL;
  gboolean began, committed = FALSE, changed = FALSE;
  guint64 before;

  self->merge_source = 0;
  while (!g_queue_is_empty (self->pending))
    {
      Pending item = { 0 };

      item.peer = g_queue_pop_head (self->pending);
      item.message = g_queue_pop_head (self->pending);
      g_array_append_val (batch, item);
    }

  before = _sam_live_get_n_commits (self->store);
  _sam_store_track_changes (self->store);
  began = _sam_store_begin (self->store, &error);
  for (guint i = 0; began && i < batch->len; i++)
    {
      Pending *item = &g_array_index (batch, Pending, i);

      item->n_rows = merge_edits (item->peer, item->message, &changed);
    }
  if (began)
    committed = _sam_store_commit (self->store, &error);
  self->own_commits += _sam_live_get_n_commits (self->store) - before;
  changes = _sam_store_take_changes (self->store);
  if (!committed)
    g_warning ("Live room: the laptops’ edits could not be saved: %s", error->message);
  else if (changed)
    _sam_workshop_file_refresh_after_merge (self->store, changes);

  for (guint i = 0; i < batch->len; i++)
    {
      Pending *item = &g_array_index (batch, Pending, i);

      if (committed && item->n_rows >= 0)
        {
          JsonObject *ack = sam_live_message_new (SAM_LIVE_MESSAGE_ACK);

          json_object_set_int_member (ack, "mark", sam_live_message_get_int (item->message, "mark"));
          json_object_set_int_member (ack, "rows", item->n_rows);
          send_message (item->peer, ack);
          if (item->peer->laptop != NULL)
            _sam_live_laptop_seen (item->peer->laptop, item->n_rows);
        }
      else if (!committed)
        close_peer (item->peer, SOUP_WEBSOCKET_CLOSE_SERVER_ERROR, "store");
      sam_live_message_free (item->message);
    }

  if (committed && batch->len > 0)
    g_signal_emit (self, signals[WORKSHOP_CHANGED], 0);
  emit_deletions (self, committed);
  return G_SOURCE_REMOVE;
}

static void
handle_edits (Peer           *peer,
              SamLiveMessage *message)
{
  SamLiveRoom *self = peer->room;

  g_queue_push_tail (self->pending, peer);
  g_queue_push_tail (self->pending, message);
  if (self->merge_source == 0)
    self->merge_source = g_idle_add (merge_pending, self);
}

/* Marks the laptop's row removed: its token is refused from now on, and
 * it leaves the console's list. */
static void
revoke_laptop (SamLiveRoom *self,
               gint64       laptop_id,
               const char  *laptop_uuid)
{
  g_autoptr(GError) error = NULL;
  SamLiveLaptop *laptop = laptop_uuid != NULL ? find_laptop (self, laptop_uuid) : NULL;
  guint64 before = _sam_live_get_n_commits (self->store);
  sqlite3_stmt *stmt;
  guint position;

  stmt = _sam_store_prepare (self->store, "UPDATE live_laptop SET removed = ?1 WHERE id = ?2 AND removed IS NULL",
                             &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, _sam_store_now ());
      sqlite3_bind_int64 (stmt, 2, laptop_id);
    }
  if (stmt == NULL || !_sam_store_step_done (self->store, stmt, &error))
    g_warning ("Live room: the laptop’s token could not be revoked: %s", error->message);
  /* Nothing a team sees changed: no push for it. */
  self->own_commits += _sam_live_get_n_commits (self->store) - before;

  if (laptop != NULL && g_list_store_find (self->laptops, laptop, &position))
    g_list_store_remove (self->laptops, position);
}

/* The laptop left team mode: its token goes, as if the coach removed it,
 * and the connection closes normally.  The edits it sent before are merged
 * first: they stay, as after a removal. */
static void
handle_leave (Peer *peer)
{
  SamLiveRoom *self = peer->room;
  g_autofree char *uuid = peer->laptop != NULL ? g_strdup (_sam_live_laptop_get_uuid (peer->laptop)) : NULL;

  /* Its last edits came before the leave: merged (and acknowledged)
   * first, not dropped with the connection. */
  if (self->merge_source != 0)
    {
      g_clear_handle_id (&self->merge_source, g_source_remove);
      merge_pending (self);
    }
  revoke_laptop (self, peer->laptop_id, uuid);
  peer->stage = STAGE_HELLO;
  close_peer (peer, SOUP_WEBSOCKET_CLOSE_NORMAL, "left");
}

static void
on_message (SoupWebsocketConnection *connection,
            gint                     type,
            GBytes                  *data,
            Peer                    *peer)
{
  g_autoptr(SamLiveMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *bytes = g_bytes_get_data (data, &length);

  if (type != SOUP_WEBSOCKET_DATA_TEXT ||
      (message = sam_live_message_parse (bytes, length, SAM_LIVE_MAX_MESSAGE, &error)) == NULL)
    {
      close_peer (peer, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, error ? error->message : "binary");
      return;
    }

  if (peer->stage == STAGE_HELLO && message->type == SAM_LIVE_MESSAGE_JOIN)
    handle_join (peer, message);
  else if (peer->stage == STAGE_HELLO && message->type == SAM_LIVE_MESSAGE_RESUME)
    {
      peer->name = g_strdup (sam_live_message_get_string (message, "name"));
      handle_resume (peer, message);
    }
  else if (peer->stage == STAGE_PROVEN && message->type == SAM_LIVE_MESSAGE_CHOOSE)
    handle_choose (peer, message);
  else if (peer->stage == STAGE_JOINED && message->type == SAM_LIVE_MESSAGE_EDITS)
    handle_edits (peer, g_steal_pointer (&message));
  else if (peer->stage == STAGE_JOINED && message->type == SAM_LIVE_MESSAGE_LEAVE)
    handle_leave (peer);
  else
    close_peer (peer, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "unexpected message");
}

/* Drops what the peer sent that is not merged yet: without an
 * acknowledgement the laptop sends it again. */
static void
forget_pending (SamLiveRoom *self,
                Peer        *peer)
{
  GList *link = self->pending->head;

  while (link != NULL)
    {
      GList *message = link->next;
      GList *next = message->next;

      if (link->data == peer)
        {
          sam_live_message_free (message->data);
          g_queue_delete_link (self->pending, message);
          g_queue_delete_link (self->pending, link);
        }
      link = next;
    }
}

static void
on_closed (SoupWebsocketConnection *connection,
           Peer                    *peer)
{
  SamLiveRoom *self = peer->room;

  forget_pending (self, peer);
  g_ptr_array_remove (self->peers, peer);
}

static void
on_websocket (SoupServer              *server,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  SamLiveRoom *self = user_data;
  Peer *peer = g_new0 (Peer, 1);
  JsonObject *hello;

  peer->room = self;
  peer->connection = g_object_ref (connection);
  peer->address = g_strdup (soup_server_message_get_remote_host (msg));
  peer->server_nonce = _sam_live_random_hex (SAM_LIVE_NONCE_BYTES);
  if (peer->address == NULL)
    peer->address = g_strdup ("");
  g_ptr_array_add (self->peers, peer);

  soup_websocket_connection_set_max_incoming_payload_size (connection, SAM_LIVE_MAX_MESSAGE);
  soup_websocket_connection_set_keepalive_interval (connection, 10);
  g_signal_connect (connection, "message", G_CALLBACK (on_message), peer);
  g_signal_connect (connection, "closed", G_CALLBACK (on_closed), peer);

  hello = sam_live_message_new (SAM_LIVE_MESSAGE_HELLO);
  json_object_set_string_member (hello, "nonce", peer->server_nonce);
  send_message (peer, hello);
}

/* ---- Pushing ----------------------------------------------------------- */

static gboolean
push_now (gpointer data)
{
  SamLiveRoom *self = data;
  g_autoptr(GHashTable) packets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) rows = NULL;
  gboolean found = FALSE;

  self->push_source = 0;
  for (guint i = 0; i < self->peers->len; i++)
    {
      Peer *peer = g_ptr_array_index (self->peers, i);
      char *text;

      if (peer->stage != STAGE_JOINED ||
          (!self->dirty_all && !g_hash_table_contains (self->dirty, peer->team_uuid)))
        continue;

      /* One packet per team, however many laptops it has; "" when the
       * team may see nothing of what changed. */
      if (!g_hash_table_lookup_extended (packets, peer->team_uuid, NULL, (gpointer *) &text))
        {
          g_autoptr(GError) error = NULL;
          JsonObject *packet, *message;

          if (self->push_whole)
            packet = _sam_live_team_packet (self->store, self->workshop, peer->team_uuid, &error);
          else
            {
              /* The changed rows are found once for every team. */
              if (!found)
                rows = _sam_workshop_file_find_rows (self->store, self->changed);
              found = TRUE;
              packet = _sam_live_team_delta (self->store, self->workshop, peer->team_uuid, self->changed, rows,
                                             &error);
            }

          if (packet == NULL && error != NULL)
            {
              g_warning ("Live room: no packet for a team: %s", error->message);
              continue;
            }
          text = NULL;
          if (packet != NULL)
            {
              message = _sam_live_packet_message (self->store, self->workshop, packet);
              text = sam_live_message_to_string (message);
              json_object_unref (message);
            }
          g_hash_table_insert (packets, peer->team_uuid, text);
        }

      if (text != NULL && soup_websocket_connection_get_state (peer->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_send_text (peer->connection, text);
    }

  g_hash_table_remove_all (self->dirty);
  g_hash_table_remove_all (self->changed);
  self->dirty_all = FALSE;
  self->push_whole = FALSE;
  return G_SOURCE_REMOVE;
}

/* @team_uuid: a team whose packet changed; %NULL: every team's */
static void
mark_dirty (SamLiveRoom *self,
            const char  *team_uuid)
{
  if (team_uuid == NULL)
    self->dirty_all = TRUE;
  else
    g_hash_table_add (self->dirty, g_ascii_strdown (team_uuid, -1));

  if (self->push_source == 0 && self->server != NULL)
    self->push_source = g_timeout_add (PUSH_DELAY, push_now, self);
}

/* A commit that was not a laptop's merge (the coach moved on, revealed,
 * started the timer, wrote a card) may change what every team sees. */
static void
on_commit (gpointer data)
{
  SamLiveRoom *self = data;
  guint64 n = _sam_live_get_n_commits (self->store);
  guint64 new_commits = n - self->seen_commits;

  self->seen_commits = n;
  if (new_commits > self->own_commits)
    {
      self->push_whole = TRUE;
      mark_dirty (self, NULL);
    }
  self->own_commits = 0;
}

/* ---- The object -------------------------------------------------------- */

static void
sam_live_room_dispose (GObject *object)
{
  SamLiveRoom *self = SAM_LIVE_ROOM (object);

  sam_live_room_close (self);
  g_clear_object (&self->store);
  g_clear_object (&self->workshop);
  g_clear_object (&self->laptops);
  g_clear_object (&self->certificate);

  G_OBJECT_CLASS (sam_live_room_parent_class)->dispose (object);
}

static void
sam_live_room_finalize (GObject *object)
{
  SamLiveRoom *self = SAM_LIVE_ROOM (object);

  g_free (self->code);
  g_free (self->fingerprint);
  g_ptr_array_unref (self->peers);
  g_hash_table_unref (self->tries);
  g_hash_table_unref (self->dirty);
  g_hash_table_unref (self->changed);
  g_queue_free (self->pending);
  emit_deletions (self, FALSE);
  g_array_unref (self->deletions);

  G_OBJECT_CLASS (sam_live_room_parent_class)->finalize (object);
}

static void
sam_live_room_class_init (SamLiveRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_live_room_dispose;
  object_class->finalize = sam_live_room_finalize;

  /**
   * SamLiveRoom::workshop-changed:
   *
   * A laptop's edits were merged into the store.
   */
  signals[WORKSHOP_CHANGED] =
    g_signal_new ("workshop-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SamLiveRoom::cards-deleted:
   * @team_uuid: the team whose laptop deleted them
   * @n_cards: how many cards went
   * @batch: the number for sam_store_restore_trash(): Undo
   *
   * A laptop's deletions were made in the store (and are on disk).
   */
  signals[CARDS_DELETED] =
    g_signal_new ("cards-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_INT64);
}

static void
sam_live_room_init (SamLiveRoom *self)
{
  self->peers = g_ptr_array_new_with_free_func ((GDestroyNotify) peer_free);
  self->laptops = g_list_store_new (SAM_TYPE_LIVE_LAPTOP);
  self->tries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_queue_new ();
  self->deletions = g_array_new (FALSE, FALSE, sizeof (Deletion));
}

/**
 * sam_live_room_new:
 * @store: the coach's database
 * @workshop: the workshop the room serves
 *
 * Returns: (transfer full): a closed room
 */
SamLiveRoom *
sam_live_room_new (SamStore    *store,
                   SamWorkshop *workshop)
{
  SamLiveRoom *self;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (SAM_TYPE_LIVE_ROOM, NULL);
  self->store = g_object_ref (store);
  self->workshop = g_object_ref (workshop);
  return self;
}

/**
 * sam_live_room_open:
 * @self: a room
 * @port: the TCP port, 0 for any free one
 * @error: return location for a #GError
 *
 * Serves the room on every address of this computer.  The first time for
 * this workshop it makes the room's certificate and code and stores them.
 *
 * Returns: %TRUE when the room is open
 */
gboolean
sam_live_room_open (SamLiveRoom  *self,
                    guint16       port,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  GSList *uris;

  g_return_val_if_fail (SAM_IS_LIVE_ROOM (self), FALSE);

  if (self->server != NULL)
    return TRUE;
  if (!ensure_room (self, error))
    return FALSE;

  self->server = soup_server_new ("server-header", "Samenspel", NULL);
  soup_server_set_tls_certificate (self->server, self->certificate);
  soup_server_add_websocket_handler (self->server, SAM_LIVE_PATH, NULL, NULL, on_websocket, self, NULL);
  if (!soup_server_listen_all (self->server, port, SOUP_SERVER_LISTEN_HTTPS, &local_error))
    {
      g_set_error (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_UNREACHABLE,
                   _("The room cannot be opened on this computer’s network: %s"), local_error->message);
      g_clear_object (&self->server);
      return FALSE;
    }

  uris = soup_server_get_uris (self->server);
  self->port = uris != NULL ? (guint16) g_uri_get_port (uris->data) : port;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  load_laptops (self);
  self->watch = _sam_live_watch_commits (self->store, on_commit, self);
  self->seen_commits = _sam_live_get_n_commits (self->store);
  return TRUE;
}

/**
 * sam_live_room_close:
 * @self: a room
 *
 * Closes every laptop's connection and stops serving.  The laptops keep
 * their edits and send them when the room opens again.
 */
void
sam_live_room_close (SamLiveRoom *self)
{
  g_return_if_fail (SAM_IS_LIVE_ROOM (self));

  if (self->server == NULL)
    return;

  g_clear_handle_id (&self->push_source, g_source_remove);
  g_clear_handle_id (&self->merge_source, g_source_remove);
  if (self->watch != 0)
    _sam_live_unwatch_commits (self->store, self->watch);
  self->watch = 0;

  for (guint i = 0; i < self->peers->len; i++)
    {
      Peer *peer = g_ptr_array_index (self->peers, i);

      forget_pending (self, peer);
      g_signal_handlers_disconnect_by_data (peer->connection, peer);
      if (soup_websocket_connection_get_state (peer->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (peer->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
    }
  g_ptr_array_set_size (self->peers, 0);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  self->port = 0;
}

gboolean
sam_live_room_is_open (SamLiveRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_ROOM (self), FALSE);
  return self->server != NULL;
}

guint16
sam_live_room_get_port (SamLiveRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_ROOM (self), 0);
  return self->port;
}

const char *
sam_live_room_get_code (SamLiveRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_ROOM (self), NULL);
  return self->code;
}

const char *
sam_live_room_get_fingerprint (SamLiveRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_ROOM (self), NULL);
  return self->fingerprint;
}

/**
 * sam_live_room_dup_join_uri:
 * @self: an open room
 * @host: this computer's address as the laptops reach it
 *
 * Returns: (transfer full): what the QR code carries:
 *   `samenspel-live://HOST:PORT/?code=CODE&fp=FINGERPRINT`
 */
char *
sam_live_room_dup_join_uri (SamLiveRoom *self,
                            const char  *host)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *query = NULL;

  g_return_val_if_fail (SAM_IS_LIVE_ROOM (self), NULL);
  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (self->code != NULL, NULL);

  query = g_strdup_printf ("code=%s&fp=%s", self->code, self->fingerprint);
  uri = g_uri_build (G_URI_FLAGS_NONE, "samenspel-live", NULL, host, self->port, "/", query, NULL);
  return g_uri_to_string (uri);
}

GListModel *
sam_live_room_get_laptops (SamLiveRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_ROOM (self), NULL);
  return G_LIST_MODEL (self->laptops);
}

/**
 * sam_live_room_remove_laptop:
 * @self: a room
 * @laptop: one of its laptops
 *
 * Revokes the laptop's token and closes its connection: it is refused
 * from now on, until someone joins it again with the code.
 */
void
sam_live_room_remove_laptop (SamLiveRoom   *self,
                             SamLiveLaptop *laptop)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint position;

  g_return_if_fail (SAM_IS_LIVE_ROOM (self));
  g_return_if_fail (SAM_IS_LIVE_LAPTOP (laptop));

  stmt = _sam_store_prepare (self->store, "UPDATE live_laptop SET removed = ?1 WHERE uuid = ?2", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, _sam_store_now ());
      sqlite3_bind_text (stmt, 2, _sam_live_laptop_get_uuid (laptop), -1, SQLITE_TRANSIENT);
    }
  if (stmt == NULL || !_sam_store_step_done (self->store, stmt, &error))
    g_warning ("Live room: the laptop could not be removed: %s", error->message);

  for (guint i = 0; i < self->peers->len; i++)
    {
      Peer *peer = g_ptr_array_index (self->peers, i);

      if (peer->laptop == laptop)
        {
          peer->stage = STAGE_HELLO;
          refuse_peer (peer, SAM_LIVE_REFUSED_REMOVED, 0);
        }
    }

  if (g_list_store_find (self->laptops, laptop, &position))
    g_list_store_remove (self->laptops, position);
}

/**
 * sam_live_room_push_now:
 * @self: a room
 *
 * Sends every laptop its team packet now, without waiting for the next
 * change to be noticed.
 */
void
sam_live_room_push_now (SamLiveRoom *self)
{
  g_return_if_fail (SAM_IS_LIVE_ROOM (self));

  if (self->server == NULL)
    return;
  self->dirty_all = TRUE;
  self->push_whole = TRUE;
  g_clear_handle_id (&self->push_source, g_source_remove);
  push_now (self);
}
