/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "sam-live-message.h"
#include "sam-live-private.h"
#include "sam-store-packet.h"
#include "sam-workshop-file-private.h"

/* The laptop's side of the live room (docs/live-room.md).  Edits are
 * committed to the laptop's database first; the link notices each commit
 * and sends the team's rows changed since the coach's last
 * acknowledgement.  When the coach cannot be reached the link is OFFLINE
 * and tries again with a growing pause; on reconnect it sends everything
 * since the last acknowledgement again, which the coach's merge takes
 * once. */

#define RETRY_FIRST   1
#define RETRY_LONGEST 8
/* Without an acknowledgement after this many seconds the connection is
 * taken for lost (a cut cable closes no socket) and made again. */
#define ACK_TIMEOUT   20
#define KEEP_ACK_EVERY 2

typedef enum
{
  WAIT_NOTHING,
  WAIT_HELLO,      /* connect_async, or a reconnect */
  WAIT_WELCOME,    /* join_async */
  WAIT_JOINED,     /* choose_team_async or a resume: joined, then the packet */
  WAIT_PACKET,
} Waiting;

struct _SamLiveLink
{
  GObject      parent_instance;

  SamStore    *store;
  SamWorkshop *workshop;

  char        *host;
  guint16      port;
  char        *pinned;
  char        *fingerprint;
  gboolean     wrong_certificate;
  char        *server_nonce;
  char        *client_nonce;
  char        *code;
  char        *token;
  char        *team_uuid;

  SoupSession *session;
  SoupWebsocketConnection *connection;
  GCancellable *cancellable;
  GTask       *task;
  Waiting      waiting;
  gboolean     automatic;     /* joined: reconnects and resumes by itself */

  SamLiveState state;
  GDateTime   *last_sync;
  gint64       last_ack;

  guint        watch;
  guint64      seen_commits;
  guint64      own_commits;
  gboolean     dirty;
  gboolean     in_flight;
  gint64       in_flight_mark;
  GStrv        in_flight_deleted;

  guint        retry_source;
  guint        retry_seconds;
  guint        ack_source;
  guint        keep_ack_source;
  GHashTable  *known;         /* uuid → row as the coach has it */
  JsonObject  *in_flight_file;
  gint64       kept_ack;      /* the mark last written to live_link */
};

G_DEFINE_FINAL_TYPE (SamLiveLink, sam_live_link, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SamLiveState, sam_live_state,
                    G_DEFINE_ENUM_VALUE (SAM_LIVE_STATE_CONNECTING, "connecting"),
                    G_DEFINE_ENUM_VALUE (SAM_LIVE_STATE_CONNECTED, "connected"),
                    G_DEFINE_ENUM_VALUE (SAM_LIVE_STATE_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (SAM_LIVE_STATE_REMOVED, "removed"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_LAST_SYNC,
  N_PROPS
};

enum {
  CAUGHT_UP,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void open_connection (SamLiveLink *self);
static void send_edits      (SamLiveLink *self);
static void on_closed       (SoupWebsocketConnection *connection,
                             SamLiveLink             *self);

static gboolean
ack_overdue (gpointer data)
{
  SamLiveLink *self = data;

  self->ack_source = 0;
  g_debug ("Live link: no acknowledgement for %d s; connecting again", ACK_TIMEOUT);
  on_closed (self->connection, self);
  return G_SOURCE_REMOVE;
}

static void
set_state (SamLiveLink  *self,
           SamLiveState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Runs @task's end with @error, if a task waits. */
static void
fail_task (SamLiveLink *self,
           GError      *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  self->waiting = WAIT_NOTHING;
  if (task != NULL)
    g_task_return_error (task, error);
  else
    {
      g_debug ("Live link: %s", error->message);
      g_error_free (error);
    }
}

static void
send_message (SamLiveLink *self,
              JsonObject  *message)
{
  g_autofree char *text = sam_live_message_to_string (message);

  if (self->connection != NULL &&
      soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (self->connection, text);
  json_object_unref (message);
}

/* ---- Writing to the laptop's own database ------------------------------- */

/* Our own commits (the stored link, a catch-up) are not the team's edits. */
#define OWN_COMMITS(self, statement) G_STMT_START {                     \
    guint64 before_ = _sam_live_get_n_commits ((self)->store);           \
    statement;                                                           \
    (self)->own_commits += _sam_live_get_n_commits ((self)->store) - before_; \
  } G_STMT_END

static gboolean
store_link (SamLiveLink  *self,
            GError      **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _sam_store_prepare (self->store,
                             "INSERT INTO live_link (uuid, workshop_id, host, port, fingerprint, token, last_ack) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0) "
                             "ON CONFLICT (workshop_id) DO UPDATE SET host = ?3, port = ?4, fingerprint = ?5, "
                             "token = ?6, last_ack = 0", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sam_workshop_get_id (self->workshop));
  sqlite3_bind_text (stmt, 3, self->host, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, self->port);
  sqlite3_bind_text (stmt, 5, self->fingerprint, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, self->token, -1, SQLITE_TRANSIENT);
  OWN_COMMITS (self, ok = _sam_store_step_done (self->store, stmt, error));
  self->last_ack = 0;
  self->kept_ack = 0;
  return ok;
}

/* Writes the last acknowledged mark to the database.  It only spares a
 * restarted laptop resending what the coach has (the merge takes it once),
 * so it is written at most every few seconds and when the link ends, not
 * with a disk sync per acknowledgement. */
static void
store_ack (SamLiveLink *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_clear_handle_id (&self->keep_ack_source, g_source_remove);
  if (self->workshop == NULL || self->store == NULL || self->kept_ack == self->last_ack)
    return;

  stmt = _sam_store_prepare (self->store, "UPDATE live_link SET last_ack = ?1 WHERE workshop_id = ?2", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, self->last_ack);
      sqlite3_bind_int64 (stmt, 2, sam_workshop_get_id (self->workshop));
      OWN_COMMITS (self, ok = _sam_store_step_done (self->store, stmt, &error));
    }
  if (ok)
    self->kept_ack = self->last_ack;
  else
    g_warning ("Live link: the coach’s acknowledgement could not be kept: %s", error->message);
}

static gboolean
keep_ack (gpointer data)
{
  SamLiveLink *self = data;

  self->keep_ack_source = 0;
  store_ack (self);
  return G_SOURCE_REMOVE;
}

/* Rows changed since then are not known to be at the coach's.  A second
 * is the change time's resolution, so the second of the mark counts as
 * not yet sent. */
static gint64
unsent_since (SamLiveLink *self)
{
  return self->last_ack > 0 ? self->last_ack - 1 : 0;
}

/* ---- Edits ------------------------------------------------------------- */

/* The team's deletions the coach has not acknowledged go with every
 * `edits` (docs/live-room.md, "Deletions"). */
static void
add_deletions (SamLiveLink *self,
               JsonObject  *message)
{
  JsonArray *deleted;

  g_clear_pointer (&self->in_flight_deleted, g_strfreev);
  deleted = _sam_live_pending_deletions (self->store, self->workshop, self->team_uuid, &self->in_flight_deleted);
  if (json_array_get_length (deleted) > 0)
    json_object_set_array_member (message, "deleted", deleted);
  else
    json_array_unref (deleted);
}

static void
send_edits (SamLiveLink *self)
{
  g_autoptr(GError) error = NULL;
  JsonObject *file, *message;
  gint64 mark = g_get_real_time () / G_USEC_PER_SEC;
  guint n_rows = 0;

  if (self->state != SAM_LIVE_STATE_CONNECTED || self->in_flight || self->workshop == NULL)
    return;

  file = _sam_live_build_edits (self->store, self->workshop, unsent_since (self), self->known, &n_rows, &error);
  if (file == NULL)
    {
      g_warning ("Live link: the team’s edits could not be read: %s", error->message);
      return;
    }

  self->dirty = FALSE;
  self->in_flight = TRUE;
  self->in_flight_mark = mark;
  g_clear_pointer (&self->in_flight_file, json_object_unref);
  self->in_flight_file = json_object_ref (file);
  g_clear_handle_id (&self->ack_source, g_source_remove);
  self->ack_source = g_timeout_add_seconds (ACK_TIMEOUT, ack_overdue, self);
  message = sam_live_message_new (SAM_LIVE_MESSAGE_EDITS);
  json_object_set_int_member (message, "mark", mark);
  json_object_set_object_member (message, "file", file);
  add_deletions (self, message);
  send_message (self, message);
}

static void
on_commit (gpointer data)
{
  SamLiveLink *self = data;
  guint64 n = _sam_live_get_n_commits (self->store);
  guint64 new_commits = n - self->seen_commits;

  self->seen_commits = n;
  if (new_commits > self->own_commits)
    {
      self->dirty = TRUE;
      send_edits (self);
    }
  self->own_commits = 0;
}

static void
watch_store (SamLiveLink *self)
{
  if (self->watch != 0)
    return;
  self->watch = _sam_live_watch_commits (self->store, on_commit, self);
  self->seen_commits = _sam_live_get_n_commits (self->store);
}

/* ---- Messages ---------------------------------------------------------- */

static void
handle_hello (SamLiveLink    *self,
              SamLiveMessage *message)
{
  g_free (self->server_nonce);
  self->server_nonce = g_strdup (sam_live_message_get_string (message, "nonce"));

  if (self->automatic)
    {
      JsonObject *resume = sam_live_message_new (SAM_LIVE_MESSAGE_RESUME);

      json_object_set_string_member (resume, "token", self->token);
      json_object_set_string_member (resume, "name", g_get_host_name ());
      self->waiting = WAIT_JOINED;
      send_message (self, resume);
      return;
    }

  self->waiting = WAIT_NOTHING;
  if (self->code != NULL)
    {
      /* join_async() had to reach the coach again first. */
      JsonObject *join = sam_live_message_new (SAM_LIVE_MESSAGE_JOIN);
      g_autofree char *proof = NULL;

      g_free (self->client_nonce);
      self->client_nonce = _sam_live_random_hex (SAM_LIVE_NONCE_BYTES);
      proof = _sam_live_proof (self->code, "laptop", self->fingerprint, self->server_nonce, self->client_nonce);
      json_object_set_string_member (join, "nonce", self->client_nonce);
      json_object_set_string_member (join, "proof", proof);
      json_object_set_string_member (join, "name", g_get_host_name ());
      self->waiting = WAIT_WELCOME;
      send_message (self, join);
      return;
    }

  if (self->task != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->task);

      g_task_return_boolean (task, TRUE);
    }
}

static void
handle_welcome (SamLiveLink    *self,
                SamLiveMessage *message)
{
  g_autofree char *expected = _sam_live_proof (self->code, "coach", self->fingerprint,
                                               self->server_nonce, self->client_nonce);
  g_autoptr(GListStore) teams = g_list_store_new (SAM_TYPE_LIVE_TEAM);
  g_autoptr(GTask) task = NULL;
  JsonArray *array = sam_live_message_get_array (message, "teams");

  g_clear_pointer (&self->code, g_free);
  if (!_sam_live_equal (expected, sam_live_message_get_string (message, "proof")))
    {
      fail_task (self, g_error_new_literal (SAM_LIVE_ERROR, SAM_LIVE_ERROR_CERTIFICATE,
                                            _("This computer does not know the room code: it may be pretending to be the coach. Ask the coach to check the room’s address.")));
      soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      return;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autoptr(SamLiveTeam) team = _sam_live_team_new (json_object_get_string_member (object, "uuid"),
                                                        json_object_get_string_member (object, "name"),
                                                        json_object_get_string_member (object, "color"));

      g_list_store_append (teams, team);
    }

  self->waiting = WAIT_NOTHING;
  task = g_steal_pointer (&self->task);
  if (task != NULL)
    g_task_return_pointer (task, g_steal_pointer (&teams), g_object_unref);
}

static void
handle_refused (SamLiveLink    *self,
                SamLiveMessage *message)
{
  SamLiveRefusal refusal = SAM_LIVE_REFUSED_UNKNOWN;
  gint64 wait = sam_live_message_get_int (message, "wait");

  g_clear_pointer (&self->code, g_free);
  sam_live_refusal_from_string (sam_live_message_get_string (message, "reason"), &refusal);
  switch (refusal)
    {
    case SAM_LIVE_REFUSED_WRONG_CODE:
      fail_task (self, g_error_new_literal (SAM_LIVE_ERROR, SAM_LIVE_ERROR_WRONG_CODE,
                                            _("That is not the room code. Check it on the coach’s screen and type it again.")));
      break;

    case SAM_LIVE_REFUSED_WAIT:
      /* Translators: after too many wrong room codes */
      fail_task (self, g_error_new (SAM_LIVE_ERROR, SAM_LIVE_ERROR_WAIT,
                                    ngettext ("Too many wrong codes. Wait %d second, then try again.",
                                              "Too many wrong codes. Wait %d seconds, then try again.",
                                              (int) wait), (int) wait));
      break;

    case SAM_LIVE_REFUSED_REMOVED:
    case SAM_LIVE_REFUSED_UNKNOWN:
      self->automatic = FALSE;
      set_state (self, SAM_LIVE_STATE_REMOVED);
      fail_task (self, g_error_new_literal (SAM_LIVE_ERROR, SAM_LIVE_ERROR_REMOVED,
                                            _("The coach removed this laptop from the room. Join again with the room code.")));
      break;

    case SAM_LIVE_REFUSED_BAD_TEAM:
    default:
      fail_task (self, g_error_new_literal (SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL,
                                            _("The coach’s workshop no longer has this team. Choose the team again.")));
      break;
    }
}

static void
handle_joined (SamLiveLink    *self,
               SamLiveMessage *message)
{
  const char *token = sam_live_message_get_string (message, "token");

  if (token != NULL)
    {
      g_free (self->token);
      self->token = g_strdup (token);
    }
  g_free (self->team_uuid);
  self->team_uuid = g_strdup (sam_live_message_get_string (message, "team"));
  self->waiting = WAIT_PACKET;
}

/* The first packet after choosing a team: the workshop comes to the
 * laptop in team mode (or catches up, when it is here from before). */
static SamWorkshop *
import_packet (SamLiveLink      *self,
               SamWorkshopFile  *packet,
               GError          **error)
{
  SamWorkshop *workshop = sam_store_find_workshop (self->store, sam_workshop_file_get_workshop_uuid (packet));
  gboolean ok = TRUE;

  if (workshop != NULL)
    OWN_COMMITS (self, ok = sam_workshop_file_catch_up (packet, self->store, error));
  else
    OWN_COMMITS (self, workshop = sam_workshop_file_import (packet, self->store, error));
  if (!ok || workshop == NULL)
    return NULL;

  OWN_COMMITS (self, ok = sam_store_set_team_mode (self->store, workshop, TRUE, error));
  return ok ? workshop : NULL;
}

/* A pushed packet: cards the coach kept come back from the trash, the
 * catch-up, then the cards the coach deleted go. */
static gboolean
catch_up (SamLiveLink      *self,
          SamWorkshopFile  *packet,
          JsonArray        *deleted,
          GError          **error)
{
  gboolean ok;

  /* What the coach pushed is the coach's, and comes again (whole) when the
   * laptop resumes: its commits need not wait for the disk.  The team's
   * next edit syncs the log, these commits with it.  Twelve laptops in a
   * room each catch up several times a second. */
  _sam_store_set_synced_commits (self->store, FALSE);
  OWN_COMMITS (self, ok = _sam_live_revive_cards (self->store, self->workshop, packet, error) &&
                          sam_workshop_file_catch_up (packet, self->store, error) &&
                          _sam_live_apply_deleted (self->store, self->workshop, deleted, error));
  _sam_store_set_synced_commits (self->store, TRUE);
  return ok;
}

static void
handle_packet (SamLiveLink    *self,
               SamLiveMessage *message)
{
  /* The join's callback or a "caught-up" handler may drop the caller's
   * reference to the link: it lives until the end of this message. */
  g_autoptr(SamLiveLink) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) packet = NULL;
  gboolean first = self->waiting == WAIT_PACKET;
  gboolean ok = TRUE;

  packet = _sam_live_prepare_push (self->store, self->workshop, sam_live_message_get_object (message, "file"),
                                   unsent_since (self), &error);
  if (packet != NULL && g_ascii_strcasecmp (sam_workshop_file_get_team_uuid (packet), self->team_uuid) != 0)
    {
      g_clear_object (&packet);
      g_set_error_literal (&error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL,
                           _("The coach sent another team’s packet"));
    }

  if (packet != NULL && self->workshop == NULL)
    {
      SamWorkshop *workshop = import_packet (self, packet, &error);

      if (workshop != NULL)
        {
          self->workshop = g_object_ref (workshop);
          ok = store_link (self, &error);
        }
      else
        ok = FALSE;
    }
  else if (packet != NULL)
    ok = catch_up (self, packet, sam_live_message_get_array (message, "deleted"), &error);
  if (packet != NULL && ok)
    _sam_live_note_known (self->known, json_node_get_object (packet->root));

  if (packet == NULL || !ok)
    {
      g_warning ("Live link: the coach’s packet could not be applied: %s", error->message);
      if (first)
        fail_task (self, g_steal_pointer (&error));
      return;
    }

  self->waiting = WAIT_NOTHING;
  self->retry_seconds = RETRY_FIRST;
  if (first)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->task);

      self->automatic = TRUE;
      self->in_flight = FALSE;
      self->dirty = TRUE;
      watch_store (self);
      set_state (self, SAM_LIVE_STATE_CONNECTED);
      if (task != NULL)
        g_task_return_pointer (task, g_object_ref (self->workshop), g_object_unref);
      send_edits (self);
    }
  g_signal_emit (self, signals[CAUGHT_UP], 0);
}

static void
forget_deletions (SamLiveLink *self,
                  gint64       mark)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sent = g_steal_pointer (&self->in_flight_deleted);
  gboolean ok;

  OWN_COMMITS (self, ok = _sam_live_forget_deletions (self->store, self->workshop, (const char *const *) sent,
                                                      mark, &error));
  if (!ok)
    g_warning ("Live link: the coach’s acknowledgement of deletions could not be kept: %s", error->message);
}

static void
handle_ack (SamLiveLink    *self,
            SamLiveMessage *message)
{
  gint64 mark = sam_live_message_get_int (message, "mark");

  if (!self->in_flight || mark != self->in_flight_mark)
    return;

  self->in_flight = FALSE;
  g_clear_handle_id (&self->ack_source, g_source_remove);
  self->last_ack = mark;
  if (self->in_flight_file != NULL)
    _sam_live_note_known (self->known, self->in_flight_file);
  g_clear_pointer (&self->in_flight_file, json_object_unref);
  if (self->keep_ack_source == 0)
    self->keep_ack_source = g_timeout_add_seconds (KEEP_ACK_EVERY, keep_ack, self);
  forget_deletions (self, mark);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  self->last_sync = g_date_time_new_now_local ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);

  if (self->dirty)
    send_edits (self);
}

static void
on_message (SoupWebsocketConnection *connection,
            gint                     type,
            GBytes                  *data,
            SamLiveLink             *self)
{
  g_autoptr(SamLiveMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *bytes = g_bytes_get_data (data, &length);

  if (type == SOUP_WEBSOCKET_DATA_TEXT)
    message = sam_live_message_parse (bytes, length, SAM_LIVE_MAX_MESSAGE, &error);

  if (message != NULL && message->type == SAM_LIVE_MESSAGE_REFUSED)
    handle_refused (self, message);
  else if (message != NULL && message->type == SAM_LIVE_MESSAGE_HELLO && self->waiting == WAIT_HELLO)
    handle_hello (self, message);
  else if (message != NULL && message->type == SAM_LIVE_MESSAGE_WELCOME && self->waiting == WAIT_WELCOME)
    handle_welcome (self, message);
  else if (message != NULL && message->type == SAM_LIVE_MESSAGE_JOINED && self->waiting == WAIT_JOINED)
    handle_joined (self, message);
  else if (message != NULL && message->type == SAM_LIVE_MESSAGE_PACKET &&
           (self->waiting == WAIT_PACKET || self->state == SAM_LIVE_STATE_CONNECTED))
    handle_packet (self, message);
  else if (message != NULL && message->type == SAM_LIVE_MESSAGE_ACK && self->state == SAM_LIVE_STATE_CONNECTED)
    handle_ack (self, message);
  else
    {
      fail_task (self, error != NULL ? g_steal_pointer (&error)
                                     : g_error_new_literal (SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL,
                                                            _("The coach’s computer sent a message out of turn")));
      soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, NULL);
    }
}

/* ---- Connecting -------------------------------------------------------- */

static gboolean
retry (gpointer data)
{
  SamLiveLink *self = data;

  self->retry_source = 0;
  open_connection (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (SamLiveLink *self)
{
  if (!self->automatic || self->retry_source != 0 || self->state == SAM_LIVE_STATE_REMOVED)
    return;

  set_state (self, SAM_LIVE_STATE_OFFLINE);
  self->retry_source = g_timeout_add_seconds (self->retry_seconds, retry, self);
  self->retry_seconds = MIN (self->retry_seconds * 2, RETRY_LONGEST);
}

static void
drop_connection (SamLiveLink *self)
{
  if (self->connection == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->connection, self);
  if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_clear_object (&self->connection);
}

static void
on_closed (SoupWebsocketConnection *connection,
           SamLiveLink             *self)
{
  drop_connection (self);
  self->in_flight = FALSE;
  g_clear_handle_id (&self->ack_source, g_source_remove);
  if (self->task != NULL)
    fail_task (self, g_error_new_literal (SAM_LIVE_ERROR, SAM_LIVE_ERROR_UNREACHABLE,
                                          _("The coach’s computer closed the connection")));
  self->waiting = WAIT_NOTHING;
  schedule_retry (self);
}

static gboolean
on_accept_certificate (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       SamLiveLink          *self)
{
  g_autofree char *fingerprint = _sam_live_fingerprint (certificate);

  if (fingerprint == NULL || (self->pinned != NULL && !_sam_live_equal (fingerprint, self->pinned)))
    {
      self->wrong_certificate = TRUE;
      return FALSE;
    }

  g_free (self->fingerprint);
  self->fingerprint = g_steal_pointer (&fingerprint);
  return TRUE;
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SamLiveLink *self = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (connection == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_object_unref (self);
          return;
        }
      if (self->wrong_certificate)
        fail_task (self, g_error_new_literal (SAM_LIVE_ERROR, SAM_LIVE_ERROR_CERTIFICATE,
                                              _("This is not the coach’s computer the room code belongs to. Do not join; ask the coach.")));
      else
        /* Translators: the first %s is an address, the second the system's
         * reason */
        fail_task (self, g_error_new (SAM_LIVE_ERROR, SAM_LIVE_ERROR_UNREACHABLE,
                                      _("The coach’s computer does not answer at %s (%s)"),
                                      self->host, error->message));
      schedule_retry (self);
      g_object_unref (self);
      return;
    }

  self->connection = connection;
  soup_websocket_connection_set_max_incoming_payload_size (connection, SAM_LIVE_MAX_MESSAGE);
  soup_websocket_connection_set_keepalive_interval (connection, 10);
  g_signal_connect (connection, "message", G_CALLBACK (on_message), self);
  g_signal_connect (connection, "closed", G_CALLBACK (on_closed), self);
  g_object_unref (self);
}

static void
open_connection (SamLiveLink *self)
{
  g_autoptr(GUri) uri = g_uri_build (G_URI_FLAGS_NONE, "wss", NULL, self->host, self->port,
                                     SAM_LIVE_PATH, NULL, NULL);
  g_autofree char *text = g_uri_to_string (uri);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", text);

  drop_connection (self);
  if (msg == NULL)
    {
      fail_task (self, g_error_new (SAM_LIVE_ERROR, SAM_LIVE_ERROR_UNREACHABLE,
                                    _("“%s” is not an address Samenspel can reach"), self->host));
      return;
    }

  if (self->session == NULL)
    {
      self->session = soup_session_new_with_options ("timeout", 10, "idle-timeout", 0, NULL);
      /* The coach's certificate is self-signed and pinned: no authority
       * vouches for it, so the system's trust store is never read (a
       * computer without one would warn) and every certificate comes to
       * on_accept_certificate(), which takes only the pinned one. */
      soup_session_set_tls_database (self->session, NULL);
    }

  if (self->state != SAM_LIVE_STATE_REMOVED)
    set_state (self, SAM_LIVE_STATE_CONNECTING);
  self->wrong_certificate = FALSE;
  self->waiting = WAIT_HELLO;
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (on_accept_certificate), self);
  soup_session_websocket_connect_async (self->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        self->cancellable, connected_cb, g_object_ref (self));
}

/* ---- The object -------------------------------------------------------- */

static void
sam_live_link_dispose (GObject *object)
{
  SamLiveLink *self = SAM_LIVE_LINK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->ack_source, g_source_remove);
  store_ack (self);
  if (self->watch != 0)
    _sam_live_unwatch_commits (self->store, self->watch);
  self->watch = 0;
  self->automatic = FALSE;
  drop_connection (self);
  g_clear_object (&self->session);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);
  g_clear_object (&self->task);

  G_OBJECT_CLASS (sam_live_link_parent_class)->dispose (object);
}

static void
sam_live_link_finalize (GObject *object)
{
  SamLiveLink *self = SAM_LIVE_LINK (object);

  g_clear_object (&self->cancellable);
  g_free (self->host);
  g_free (self->pinned);
  g_free (self->fingerprint);
  g_free (self->server_nonce);
  g_free (self->client_nonce);
  g_free (self->code);
  g_free (self->token);
  g_free (self->team_uuid);
  g_hash_table_unref (self->known);
  g_clear_pointer (&self->in_flight_file, json_object_unref);
  g_strfreev (self->in_flight_deleted);
  g_clear_pointer (&self->last_sync, g_date_time_unref);

  G_OBJECT_CLASS (sam_live_link_parent_class)->finalize (object);
}

static void
sam_live_link_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SamLiveLink *self = SAM_LIVE_LINK (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_live_link_class_init (SamLiveLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_live_link_dispose;
  object_class->finalize = sam_live_link_finalize;
  object_class->get_property = sam_live_link_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SAM_TYPE_LIVE_STATE, SAM_LIVE_STATE_CONNECTING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAST_SYNC] =
    g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamLiveLink::caught-up:
   *
   * The coach's push was applied to the store.
   */
  signals[CAUGHT_UP] =
    g_signal_new ("caught-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sam_live_link_init (SamLiveLink *self)
{
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
  self->cancellable = g_cancellable_new ();
  self->retry_seconds = RETRY_FIRST;
}

/**
 * sam_live_link_new:
 * @store: the laptop's database
 *
 * Returns: (transfer full): a link that is not connected yet
 */
SamLiveLink *
sam_live_link_new (SamStore *store)
{
  SamLiveLink *self;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  self = g_object_new (SAM_TYPE_LIVE_LINK, NULL);
  self->store = g_object_ref (store);
  return self;
}

static gboolean
start_task (SamLiveLink         *self,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (self->task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "Another step of joining is under way");
      g_object_unref (task);
      return FALSE;
    }

  self->task = task;
  return TRUE;
}

void
sam_live_link_connect_async (SamLiveLink         *self,
                             const char          *host,
                             guint16              port,
                             const char          *pinned_fingerprint,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (SAM_IS_LIVE_LINK (self));
  g_return_if_fail (host != NULL);

  if (!start_task (self, cancellable, callback, user_data, sam_live_link_connect_async))
    return;

  g_free (self->host);
  self->host = g_strdup (host);
  self->port = port;
  g_free (self->pinned);
  self->pinned = pinned_fingerprint ? g_ascii_strdown (pinned_fingerprint, -1) : NULL;
  g_clear_pointer (&self->fingerprint, g_free);
  open_connection (self);
}

gboolean
sam_live_link_connect_finish (SamLiveLink   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
sam_live_link_get_fingerprint (SamLiveLink *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_LINK (self), NULL);
  return self->fingerprint;
}

void
sam_live_link_join_async (SamLiveLink         *self,
                          const char          *code,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (SAM_IS_LIVE_LINK (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (self->host != NULL);

  if (!start_task (self, cancellable, callback, user_data, sam_live_link_join_async))
    return;

  normal = sam_live_normalize_code (code);
  if (normal == NULL)
    {
      fail_task (self, g_error_new_literal (SAM_LIVE_ERROR, SAM_LIVE_ERROR_WRONG_CODE,
                                            _("A room code has eight letters and digits, such as K7QM 3XPA.")));
      return;
    }

  g_free (self->code);
  self->code = g_steal_pointer (&normal);

  /* After a wrong code the coach closed the connection: the same
   * certificate is reached again. */
  if (self->pinned == NULL)
    self->pinned = g_strdup (self->fingerprint);
  if (self->connection == NULL || self->server_nonce == NULL || self->waiting != WAIT_NOTHING ||
      soup_websocket_connection_get_state (self->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    {
      open_connection (self);
      return;
    }

  self->waiting = WAIT_HELLO;
  {
    g_autoptr(SamLiveMessage) hello = g_new0 (SamLiveMessage, 1);

    hello->root = sam_live_message_new (SAM_LIVE_MESSAGE_HELLO);
    json_object_set_string_member (hello->root, "nonce", self->server_nonce);
    handle_hello (self, hello);
  }
}

GListModel *
sam_live_link_join_finish (SamLiveLink   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
sam_live_link_choose_team_async (SamLiveLink         *self,
                                 const char          *team_uuid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  JsonObject *choose;

  g_return_if_fail (SAM_IS_LIVE_LINK (self));
  g_return_if_fail (team_uuid != NULL);

  if (!start_task (self, cancellable, callback, user_data, sam_live_link_choose_team_async))
    return;

  if (self->connection == NULL)
    {
      fail_task (self, g_error_new_literal (SAM_LIVE_ERROR, SAM_LIVE_ERROR_UNREACHABLE,
                                            _("The connection to the coach was lost. Join again with the room code.")));
      return;
    }

  choose = sam_live_message_new (SAM_LIVE_MESSAGE_CHOOSE);
  json_object_set_string_member (choose, "team", team_uuid);
  self->waiting = WAIT_JOINED;
  g_clear_object (&self->workshop);
  send_message (self, choose);
}

SamWorkshop *
sam_live_link_choose_team_finish (SamLiveLink   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(SamWorkshop) workshop = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  /* The store holds the workshop; the caller gets it without a reference,
   * as from sam_store_find_workshop(). */
  workshop = g_task_propagate_pointer (G_TASK (result), error);
  return workshop;
}

/**
 * sam_live_link_resume:
 * @store: the laptop's database
 * @workshop: a workshop in team mode
 *
 * Returns: (transfer full) (nullable): the stored link of @workshop,
 *   already reconnecting, or %NULL if the workshop came by file
 */
SamLiveLink *
sam_live_link_resume (SamStore    *store,
                      SamWorkshop *workshop)
{
  g_autoptr(SamLiveLink) self = NULL;
  g_autofree char *team_uuid = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  self = sam_live_link_new (store);
  stmt = _sam_store_prepare (store, "SELECT host, port, fingerprint, token, last_ack FROM live_link "
                                    "WHERE workshop_id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      self->host = _sam_store_dup_column (stmt, 0);
      self->port = (guint16) sqlite3_column_int (stmt, 1);
      self->pinned = _sam_store_dup_column (stmt, 2);
      self->fingerprint = g_strdup (self->pinned);
      self->token = _sam_store_dup_column (stmt, 3);
      self->last_ack = sqlite3_column_int64 (stmt, 4);
      self->kept_ack = self->last_ack;
    }
  sqlite3_reset (stmt);

  if (!found || !sam_store_get_packet_team (store, workshop, &team_uuid))
    return NULL;

  self->workshop = g_object_ref (workshop);
  self->team_uuid = g_steal_pointer (&team_uuid);
  self->automatic = TRUE;
  self->dirty = TRUE;
  watch_store (self);
  open_connection (self);
  return g_steal_pointer (&self);
}

/* Tells the coach the laptop leaves, after the edits it has not sent yet:
 * the coach revokes the token.  The connection lives on by itself until
 * the coach closed it (or libsoup gave up waiting), so the messages go
 * out after the link forgot it. */
static void
say_goodbye (SamLiveLink *self)
{
  SoupWebsocketConnection *connection = self->connection;

  if (connection == NULL || self->state != SAM_LIVE_STATE_CONNECTED ||
      soup_websocket_connection_get_state (connection) != SOUP_WEBSOCKET_STATE_OPEN)
    return;

  if (!_sam_live_link_is_idle (self))
    {
      self->in_flight = FALSE;
      send_edits (self);
    }
  send_message (self, sam_live_message_new (SAM_LIVE_MESSAGE_LEAVE));

  g_signal_handlers_disconnect_by_data (connection, self);
  g_signal_connect (connection, "closed", G_CALLBACK (g_object_unref), NULL);
  soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  self->connection = NULL;
}

/**
 * sam_live_link_leave:
 * @self: a link
 *
 * Leaves the room: tells the coach, which revokes the laptop's token, then
 * closes the connection and forgets the stored link; the workshop stays on
 * the laptop as a packet's.  When the coach cannot be reached the link is
 * forgotten all the same (the laptop cannot resume any more); the coach
 * then lists the laptop until it removes it.
 */
void
sam_live_link_leave (SamLiveLink *self)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (SAM_IS_LIVE_LINK (self));

  self->automatic = FALSE;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->ack_source, g_source_remove);
  g_clear_handle_id (&self->keep_ack_source, g_source_remove);
  say_goodbye (self);
  drop_connection (self);
  if (self->workshop != NULL &&
      (stmt = _sam_store_prepare (self->store, "DELETE FROM live_link WHERE workshop_id = ?1", NULL)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (self->workshop));
      OWN_COMMITS (self, _sam_store_step_done (self->store, stmt, NULL));
    }
  if (self->watch != 0)
    _sam_live_unwatch_commits (self->store, self->watch);
  self->watch = 0;
  set_state (self, SAM_LIVE_STATE_OFFLINE);
}

SamLiveState
sam_live_link_get_state (SamLiveLink *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_LINK (self), SAM_LIVE_STATE_OFFLINE);
  return self->state;
}

GDateTime *
sam_live_link_get_last_sync (SamLiveLink *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_LINK (self), NULL);
  return self->last_sync;
}

SamWorkshop *
sam_live_link_get_workshop (SamLiveLink *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_LINK (self), NULL);
  return self->workshop;
}

gboolean
_sam_live_link_is_idle (SamLiveLink *self)
{
  /* A commit whose callback has not run yet is an edit not sent yet. */
  return self->state == SAM_LIVE_STATE_CONNECTED && !self->dirty && !self->in_flight &&
         _sam_live_get_n_commits (self->store) == self->seen_commits;
}
