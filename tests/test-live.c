/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libsoup/soup.h>

#include "sam-live-message.h"
#include "sam-live-private.h"
#include "sam-step-settings.h"
#include "sam-store-private.h"

/* The live room end to end: a coach and laptops as separate
 * `sam-live-peer` processes with their own data folders, on loopback; the
 * whole test runs in a private network namespace (`unshare -rn`) when the
 * system allows one.  Plus the pairing helpers and the message parser. */

static const char *peer_path;
static char *tmp_root;

/* ---- Peers ------------------------------------------------------------- */

typedef struct
{
  GPid       pid;
  int        in;
  int        out;
  GString   *buffer;
  GPtrArray *lines;
  gboolean   exited;
  int        status;
} Peer;

static Peer *
peer_start (const char *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Peer *peer = g_new0 (Peer, 1);
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) peer_path);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &peer->pid, &peer->in, &peer->out, NULL, &error);
  g_assert_no_error (error);
  peer->buffer = g_string_new (NULL);
  peer->lines = g_ptr_array_new_with_free_func (g_free);
  return peer;
}

/* Reads what the peer printed, for at most @timeout_ms; FALSE at its end. */
static gboolean
peer_read (Peer *peer,
           int   timeout_ms)
{
  struct pollfd fd = { peer->out, POLLIN, 0 };
  char chunk[4096];
  ssize_t n;
  char *nl;

  if (poll (&fd, 1, timeout_ms) <= 0)
    return TRUE;
  n = read (peer->out, chunk, sizeof chunk);
  if (n <= 0)
    return FALSE;

  g_string_append_len (peer->buffer, chunk, n);
  while ((nl = strchr (peer->buffer->str, '\n')) != NULL)
    {
      g_ptr_array_add (peer->lines, g_strndup (peer->buffer->str, nl - peer->buffer->str));
      g_string_erase (peer->buffer, 0, nl - peer->buffer->str + 1);
    }
  return TRUE;
}

/* The first line from @from on that starts with @prefix, waiting up to
 * @seconds; its index in *from is moved past it. */
static const char *
peer_wait (Peer       *peer,
           const char *prefix,
           guint      *from,
           double      seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint start = from ? *from : 0;

  for (;;)
    {
      for (guint i = start; i < peer->lines->len; i++)
        if (g_str_has_prefix (g_ptr_array_index (peer->lines, i), prefix))
          {
            if (from != NULL)
              *from = i + 1;
            return g_ptr_array_index (peer->lines, i);
          }
      start = peer->lines->len;
      if (g_get_monotonic_time () > end || !peer_read (peer, 100))
        break;
    }

  for (guint i = 0; i < peer->lines->len; i++)
    g_test_message ("peer %d said: %s", peer->pid, (char *) g_ptr_array_index (peer->lines, i));
  g_test_message ("no line “%s” from peer %d", prefix, peer->pid);
  return NULL;
}

static void
peer_say (Peer       *peer,
          const char *line)
{
  g_assert_cmpint (write (peer->in, line, strlen (line)), ==, (ssize_t) strlen (line));
  g_assert_cmpint (write (peer->in, "\n", 1), ==, 1);
}

/* Waits for the peer's end; its exit status, or -signal. */
static int
peer_join (Peer   *peer,
           double  seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!peer->exited)
    {
      int status;
      pid_t done = waitpid (peer->pid, &status, WNOHANG);

      if (done == peer->pid)
        {
          peer->exited = TRUE;
          peer->status = WIFEXITED (status) ? WEXITSTATUS (status) : -WTERMSIG (status);
          break;
        }
      if (g_get_monotonic_time () > end)
        {
          kill (peer->pid, SIGKILL);
          g_test_message ("peer %d did not end in time", peer->pid);
        }
      peer_read (peer, 20);
    }
  while (peer_read (peer, 0) && peer->buffer->len > 0)
    ;
  return peer->status;
}

static void
peer_free (Peer *peer)
{
  if (!peer->exited)
    {
      kill (peer->pid, SIGKILL);
      peer_join (peer, 5);
    }
  close (peer->in);
  close (peer->out);
  g_spawn_close_pid (peer->pid);
  g_string_free (peer->buffer, TRUE);
  g_ptr_array_unref (peer->lines);
  g_free (peer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Peer, peer_free)

static char *
data_dir (const char *name)
{
  return g_build_filename (tmp_root, name, NULL);
}

static char *
field (const char *line,
       const char *key)
{
  g_autofree char *needle = g_strconcat (key, "=", NULL);
  const char *start = line ? strstr (line, needle) : NULL;
  const char *end;

  g_assert_nonnull (start);
  start += strlen (needle);
  end = strchr (start, ' ');
  return end ? g_strndup (start, end - start) : g_strdup (start);
}

typedef struct
{
  Peer *peer;
  char *port;
  char *code;
  char *uri;
  char *fingerprint;
} Coach;

static void
coach_start (Coach      *coach,
             const char *dir,
             const char *port)
{
  const char *line;

  coach->peer = peer_start ("coach", "--data", dir, "--sample", "--port", port ? port : "0", NULL);
  line = peer_wait (coach->peer, "ROOM ", NULL, 30);
  g_assert_nonnull (line);
  g_free (coach->port);
  g_free (coach->code);
  g_free (coach->uri);
  g_free (coach->fingerprint);
  coach->port = field (line, "port");
  coach->code = field (line, "code");
  coach->uri = field (line, "uri");
  coach->fingerprint = field (line, "fingerprint");
}

static void
coach_clear (Coach *coach)
{
  g_clear_pointer (&coach->peer, peer_free);
  g_clear_pointer (&coach->port, g_free);
  g_clear_pointer (&coach->code, g_free);
  g_clear_pointer (&coach->uri, g_free);
  g_clear_pointer (&coach->fingerprint, g_free);
}

/* The cards a peer's database holds (its `dump`), as JSON objects. */
static GPtrArray *
peer_cards (Peer *peer)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  guint from = peer->lines->len;

  peer_say (peer, "dump");
  for (;;)
    {
      const char *line = peer_wait (peer, "", &from, 10);
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_nonnull (line);
      if (g_str_equal (line, "END"))
        break;
      /* A laptop says other things meanwhile (STATE, CAUGHT-UP after a push). */
      if (line[0] != '{')
        continue;
      g_assert_true (json_parser_load_from_data (parser, line, -1, NULL));
      g_ptr_array_add (cards, json_object_ref (json_node_get_object (json_parser_get_root (parser))));
    }
  return cards;
}

/* The coach's cards, text → how many times. */
static GHashTable *
coach_dump (Coach *coach)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) cards = peer_cards (coach->peer);

  for (guint i = 0; i < cards->len; i++)
    {
      const char *text = json_object_get_string_member (g_ptr_array_index (cards, i), "text");

      g_hash_table_insert (texts, g_strdup (text),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (texts, text)) + 1));
    }
  return texts;
}

/* Every card "LABEL edit I", I < @n, is at the coach's exactly once. */
static void
assert_once (GHashTable *texts,
             const char *label,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s edit %u", label, i);

      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (texts, text)), ==, 1);
    }
  {
    g_autofree char *beyond = g_strdup_printf ("%s edit %u", label, n);

    g_assert_false (g_hash_table_contains (texts, beyond));
  }
}

static Peer *
laptop_start (Coach      *coach,
              const char *dir,
              const char *team,
              const char *label,
              const char *edits,
              const char *rate)
{
  return peer_start ("laptop", "--data", dir, "--uri", coach->uri, "--team", team, "--label", label,
                     "--edits", edits, "--rate", rate, "--exit-when-synced", NULL);
}

/* ---- Pairing and messages (no network) --------------------------------- */

static void
test_pairing (void)
{
  g_autofree char *code = _sam_live_random_code ();
  g_autofree char *shown = sam_live_format_code ("K7QM3XPA");
  g_autofree char *typed = sam_live_normalize_code (" k7qm-3xpa ");
  g_autofree char *fp = g_strnfill (64, 'a');
  g_autofree char *short_fp = sam_live_short_fingerprint ("4f2a91c077de0000");
  g_autofree char *uri = g_strdup_printf ("samenspel-live://10.0.0.5:4711/?code=K7QM3XPA&fp=%s", fp);
  g_autofree char *host = NULL, *got_code = NULL, *got_fp = NULL;
  g_autofree char *a = NULL, *b = NULL;
  guint16 port = 0;

  g_assert_cmpuint (strlen (code), ==, SAM_LIVE_CODE_LENGTH);
  for (const char *p = code; *p; p++)
    g_assert_nonnull (strchr (SAM_LIVE_ALPHABET, *p));
  g_assert_cmpstr (shown, ==, "K7QM 3XPA");
  g_assert_cmpstr (typed, ==, "K7QM3XPA");
  g_assert_null (sam_live_normalize_code ("K7QM 3XP"));
  g_assert_null (sam_live_normalize_code ("K7QM 3XPO"));      /* O is never in a code */
  g_assert_null (sam_live_normalize_code ("K7QM 3XPA2"));
  g_assert_cmpstr (short_fp, ==, "4F2A-91C0-77DE");

  g_assert_true (sam_live_parse_join_uri (uri, &host, &port, &got_code, &got_fp, NULL));
  g_assert_cmpstr (host, ==, "10.0.0.5");
  g_assert_cmpuint (port, ==, 4711);
  g_assert_cmpstr (got_code, ==, "K7QM3XPA");
  g_assert_cmpstr (got_fp, ==, fp);
  g_assert_false (sam_live_parse_join_uri ("https://10.0.0.5:4711/?code=K7QM3XPA", NULL, NULL, NULL, NULL, NULL));
  g_assert_false (sam_live_parse_join_uri ("samenspel-live://10.0.0.5:4711/?code=K7QM3XPA&fp=12",
                                           NULL, NULL, NULL, NULL, NULL));

  /* A proof binds the role: the coach's answer is not the laptop's. */
  a = _sam_live_proof ("K7QM3XPA", "laptop", fp, "01", "02");
  b = _sam_live_proof ("K7QM3XPA", "coach", fp, "01", "02");
  g_assert_false (_sam_live_equal (a, b));
  g_assert_cmpuint (strlen (a), ==, 64);
}

static void
test_message (void)
{
  static const char *const bad[] = {
    "",
    "not json",
    "[1]",
    "{\"samenspel-live\": 1}",
    "{\"samenspel-live\": 2, \"type\": \"ack\", \"mark\": 1, \"rows\": 0}",
    "{\"samenspel-live\": 1, \"type\": \"shout\"}",
    "{\"samenspel-live\": 1, \"type\": \"ack\", \"mark\": -1, \"rows\": 0}",
    "{\"samenspel-live\": 1, \"type\": \"ack\", \"mark\": 1, \"rows\": 0, \"extra\": true}",
    "{\"samenspel-live\": 1, \"type\": \"ack\", \"mark\": 1, \"mark\": 2, \"rows\": 0}",
    "{\"samenspel-live\": 1, \"type\": \"resume\", \"token\": \"XYZ\", \"name\": \"\"}",
    "{\"samenspel-live\": 1, \"type\": \"refused\", \"reason\": \"because\"}",
    "{\"samenspel-live\": 1, \"type\": \"welcome\", \"proof\": \"00\", \"teams\": []}",
    "{\"samenspel-live\": 1, \"type\": \"packet\", \"file\": []}",
  };
  const char *good = "{\"samenspel-live\": 1, \"type\": \"ack\", \"mark\": 1733000000, \"rows\": 3}";
  g_autoptr(SamLiveMessage) message = NULL;
  g_autofree char *huge = NULL;

  message = sam_live_message_parse (good, strlen (good), 1024, NULL);
  g_assert_nonnull (message);
  g_assert_cmpint (message->type, ==, SAM_LIVE_MESSAGE_ACK);
  g_assert_cmpint (sam_live_message_get_int (message, "mark"), ==, 1733000000);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      SamLiveMessage *parsed = sam_live_message_parse (bad[i], strlen (bad[i]), 1024, &error);

      if (parsed != NULL)
        g_error ("accepted: %s", bad[i]);
      g_assert_error (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL);
    }

  /* The size cap comes before anything else. */
  huge = g_strdup_printf ("{\"samenspel-live\": 1, \"type\": \"ack\", \"mark\": 1, \"rows\": 0%*s}", 2000, "");
  g_assert_null (sam_live_message_parse (huge, strlen (huge), 1024, NULL));
}

/* ---- The room ---------------------------------------------------------- */

static void
test_join (void)
{
  g_autofree char *dir = data_dir ("join-coach");
  g_autofree char *ldir = data_dir ("join-laptop");
  Coach coach = { 0 };
  g_autoptr(Peer) laptop = NULL;

  coach_start (&coach, dir, NULL);

  /* The right code (from the QR code's address). */
  laptop = laptop_start (&coach, ldir, "Sales", "Sales", "3", "20");
  g_assert_nonnull (peer_wait (laptop, "JOINED ", NULL, 30));
  g_assert_nonnull (peer_wait (laptop, "SYNCED n=3", NULL, 30));
  g_assert_cmpint (peer_join (laptop, 10), ==, 0);

  /* Wrong codes, typed: refused; the fifth makes this address wait, and
   * then even the right code waits. */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *wdir = g_strdup_printf ("%s-wrong-%u", ldir, i);
      g_autoptr(Peer) wrong = peer_start ("laptop", "--data", wdir, "--host", "127.0.0.1", "--port", coach.port,
                                          "--code", i < 5 ? "2345 6789" : coach.code, "--team", "Sales", NULL);
      const char *line = peer_wait (wrong, "ERROR ", NULL, 30);

      g_assert_nonnull (line);
      if (i < 4)
        g_assert_true (g_str_has_prefix (line, "ERROR code=wrong-code "));
      else
        g_assert_true (g_str_has_prefix (line, "ERROR code=wait "));
      g_assert_cmpint (peer_join (wrong, 10), ==, 2);
    }

  coach_clear (&coach);
}

static void
test_wrong_certificate (void)
{
  g_autofree char *dir_a = data_dir ("cert-coach-a");
  g_autofree char *dir_b = data_dir ("cert-coach-b");
  g_autofree char *ldir = data_dir ("cert-laptop");
  Coach a = { 0 }, b = { 0 };
  g_autofree char *uri_a = NULL;
  g_autofree char *port = NULL;
  g_autoptr(Peer) laptop = NULL;
  const char *line;

  coach_start (&a, dir_a, NULL);
  uri_a = g_strdup (a.uri);
  port = g_strdup (a.port);
  kill (a.peer->pid, SIGTERM);
  g_assert_cmpint (peer_join (a.peer, 10), ==, 0);

  /* Another computer (another certificate) on the same address and port. */
  coach_start (&b, dir_b, port);
  g_assert_cmpstr (b.fingerprint, !=, a.fingerprint);
  laptop = peer_start ("laptop", "--data", ldir, "--uri", uri_a, "--team", "Sales", NULL);
  line = peer_wait (laptop, "ERROR ", NULL, 30);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "ERROR code=certificate "));
  g_assert_null (strstr (line, "JOINED"));

  coach_clear (&a);
  coach_clear (&b);
}

static void
test_five_laptops (void)
{
  static const char *const teams[][2] = {
    { "Sales", "Sales 1" }, { "Sales", "Sales 2" }, { "Back Office", "Back Office" },
    { "IT", "IT" }, { "Compliance", "Compliance" },
  };
  g_autofree char *dir = data_dir ("five-coach");
  g_autoptr(GHashTable) texts = NULL;
  Peer *laptops[G_N_ELEMENTS (teams)];
  Coach coach = { 0 };

  coach_start (&coach, dir, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
    {
      g_autofree char *ldir = g_strdup_printf ("%s-laptop-%u", dir, i);

      laptops[i] = laptop_start (&coach, ldir, teams[i][0], teams[i][1], "20", "20");
    }
  for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
    {
      g_assert_cmpint (peer_join (laptops[i], 60), ==, 0);
      peer_free (laptops[i]);
    }

  texts = coach_dump (&coach);
  for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
    assert_once (texts, teams[i][1], 20);
  coach_clear (&coach);
}

/* The coach stops answering mid-burst (SIGSTOP, as a frozen laptop lid or a
 * lost network would), then comes back. */
static void
test_coach_stopped (void)
{
  g_autofree char *dir = data_dir ("stop-coach");
  g_autofree char *l1 = data_dir ("stop-laptop-1");
  g_autofree char *l2 = data_dir ("stop-laptop-2");
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(Peer) one = NULL;
  g_autoptr(Peer) two = NULL;
  guint from = 0;
  Coach coach = { 0 };

  coach_start (&coach, dir, NULL);
  one = laptop_start (&coach, l1, "Sales", "Sales", "40", "20");
  two = laptop_start (&coach, l2, "IT", "IT", "40", "20");
  g_assert_nonnull (peer_wait (one, "EDIT 10", &from, 30));

  kill (coach.peer->pid, SIGSTOP);
  g_usleep (1500 * 1000);
  kill (coach.peer->pid, SIGCONT);

  g_assert_cmpint (peer_join (one, 60), ==, 0);
  g_assert_cmpint (peer_join (two, 60), ==, 0);
  texts = coach_dump (&coach);
  assert_once (texts, "Sales", 40);
  assert_once (texts, "IT", 40);
  coach_clear (&coach);
}

/* The coach is killed mid-burst; the laptops keep writing, offline, and
 * resync when it is back with the same room. */
static void
test_coach_killed (void)
{
  g_autofree char *dir = data_dir ("kill-coach");
  g_autofree char *l1 = data_dir ("kill-laptop-1");
  g_autofree char *l2 = data_dir ("kill-laptop-2");
  g_autofree char *port = NULL;
  g_autofree char *code = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(Peer) one = NULL;
  g_autoptr(Peer) two = NULL;
  guint from = 0;
  Coach coach = { 0 };

  coach_start (&coach, dir, NULL);
  one = laptop_start (&coach, l1, "Sales", "Sales", "50", "25");
  two = laptop_start (&coach, l2, "Compliance", "Compliance", "50", "25");
  g_assert_nonnull (peer_wait (one, "EDIT 10", &from, 30));

  port = g_strdup (coach.port);
  code = g_strdup (coach.code);
  kill (coach.peer->pid, SIGKILL);
  peer_join (coach.peer, 10);
  g_clear_pointer (&coach.peer, peer_free);
  g_assert_nonnull (peer_wait (one, "STATE offline", &from, 30));
  g_assert_nonnull (peer_wait (one, "EDIT 30", &from, 30));

  coach_start (&coach, dir, port);
  g_assert_cmpstr (coach.code, ==, code);
  g_assert_cmpint (peer_join (one, 60), ==, 0);
  g_assert_cmpint (peer_join (two, 60), ==, 0);
  texts = coach_dump (&coach);
  assert_once (texts, "Sales", 50);
  assert_once (texts, "Compliance", 50);
  coach_clear (&coach);
}

/* A laptop killed mid-burst loses nothing it committed: restarted, it
 * resumes and sends the rest. */
static void
test_laptop_killed (void)
{
  g_autofree char *dir = data_dir ("lkill-coach");
  g_autofree char *ldir = data_dir ("lkill-laptop");
  g_autofree char *db = g_build_filename (ldir, "samenspel.db", NULL);
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(Peer) laptop = NULL;
  g_autoptr(Peer) again = NULL;
  g_autoptr(SamStore) store = NULL;
  guint from = 0, written = 0;
  sqlite3_stmt *stmt;
  Coach coach = { 0 };

  coach_start (&coach, dir, NULL);
  laptop = laptop_start (&coach, ldir, "Back Office", "Back Office", "100", "40");
  g_assert_nonnull (peer_wait (laptop, "EDIT 25", &from, 30));
  kill (laptop->pid, SIGKILL);
  peer_join (laptop, 10);

  /* What the laptop committed before it died. */
  store = sam_store_open (db, NULL);
  g_assert_nonnull (store);
  stmt = _sam_store_prepare (store, "SELECT count(*) FROM card WHERE text LIKE 'Back Office edit %'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  written = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  g_clear_object (&store);
  g_assert_cmpuint (written, >=, 26);

  again = peer_start ("laptop", "--data", ldir, "--uri", coach.uri, "--team", "Back Office",
                      "--exit-when-synced", NULL);
  g_assert_nonnull (peer_wait (again, "RESUMED ", NULL, 30));
  g_assert_cmpint (peer_join (again, 60), ==, 0);

  texts = coach_dump (&coach);
  assert_once (texts, "Back Office", written);
  coach_clear (&coach);
}

static void
test_removed (void)
{
  g_autofree char *dir = data_dir ("remove-coach");
  g_autofree char *ldir = data_dir ("remove-laptop");
  g_autoptr(Peer) laptop = NULL;
  g_autoptr(Peer) again = NULL;
  Coach coach = { 0 };
  guint from = 0;

  coach_start (&coach, dir, NULL);
  laptop = laptop_start (&coach, ldir, "IT", "IT", "2", "20");
  g_assert_cmpint (peer_join (laptop, 30), ==, 0);

  peer_say (coach.peer, "remove IT");
  g_assert_nonnull (peer_wait (coach.peer, "REMOVED n=1", &from, 10));

  /* Its token is refused from now on. */
  again = peer_start ("laptop", "--data", ldir, "--uri", coach.uri, "--team", "IT", "--exit-when-synced", NULL);
  g_assert_nonnull (peer_wait (again, "STATE removed", NULL, 30));
  g_assert_cmpint (peer_join (again, 10), ==, 3);
  coach_clear (&coach);
}

/* ---- Bad messages, from a client of our own ----------------------------- */

typedef struct
{
  GMainLoop               *loop;
  SoupWebsocketConnection *connection;
  GPtrArray               *received;
  gboolean                 closed;
} Raw;

static gboolean
accept_any (SoupMessage *msg, GTlsCertificate *certificate, GTlsCertificateFlags errors, gpointer data)
{
  return TRUE;
}

static void
raw_message (SoupWebsocketConnection *connection, gint type, GBytes *data, Raw *raw)
{
  g_ptr_array_add (raw->received, g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data)));
  g_main_loop_quit (raw->loop);
}

static void
raw_closed (SoupWebsocketConnection *connection, Raw *raw)
{
  raw->closed = TRUE;
  g_main_loop_quit (raw->loop);
}

static void
raw_connected (GObject *source, GAsyncResult *result, gpointer data)
{
  Raw *raw = data;

  raw->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, NULL);
  g_assert_nonnull (raw->connection);
  soup_websocket_connection_set_max_incoming_payload_size (raw->connection, SAM_LIVE_MAX_MESSAGE);
  g_signal_connect (raw->connection, "message", G_CALLBACK (raw_message), raw);
  g_signal_connect (raw->connection, "closed", G_CALLBACK (raw_closed), raw);
}

static gboolean
raw_timeout (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_CONTINUE;
}

/* Runs the loop until a message or the close, at most 10 s. */
static void
raw_wait (Raw *raw)
{
  guint timeout = g_timeout_add_seconds (10, raw_timeout, raw->loop);

  g_main_loop_run (raw->loop);
  g_source_remove (timeout);
}

static Raw *
raw_connect (SoupSession *session,
             Coach       *coach)
{
  g_autofree char *url = g_strdup_printf ("wss://127.0.0.1:%s%s", coach->port, SAM_LIVE_PATH);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  Raw *raw = g_new0 (Raw, 1);

  raw->loop = g_main_loop_new (NULL, FALSE);
  raw->received = g_ptr_array_new_with_free_func (g_free);
  /* As the link does: no system trust store, the certificate accepted here. */
  soup_session_set_tls_database (session, NULL);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any), NULL);
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL, raw_connected, raw);
  while (raw->received->len == 0 && !raw->closed)
    raw_wait (raw);
  g_assert_cmpuint (raw->received->len, ==, 1);  /* the hello */
  return raw;
}

static void
raw_free (Raw *raw)
{
  g_clear_object (&raw->connection);
  g_main_loop_unref (raw->loop);
  g_ptr_array_unref (raw->received);
  g_free (raw);
}

static SamLiveMessage *
raw_last (Raw *raw)
{
  const char *text = g_ptr_array_index (raw->received, raw->received->len - 1);

  return sam_live_message_parse (text, strlen (text), SAM_LIVE_MAX_MESSAGE, NULL);
}

/* Sends @text; the coach must close the connection. */
static void
assert_closes (SoupSession *session,
               Coach       *coach,
               const char  *text,
               gsize        length)
{
  Raw *raw = raw_connect (session, coach);
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  soup_websocket_connection_send_message (raw->connection, SOUP_WEBSOCKET_DATA_TEXT, bytes);
  while (!raw->closed)
    raw_wait (raw);
  g_assert_true (raw->closed);
  raw_free (raw);
}

static guint
count_cards (GHashTable *texts)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += GPOINTER_TO_UINT (value);
  return n;
}

static void
test_bad_messages (void)
{
  g_autofree char *dir = data_dir ("bad-coach");
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(SamLiveMessage) welcome = NULL;
  g_autoptr(SamLiveMessage) packet = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *client_nonce = _sam_live_random_hex (SAM_LIVE_NONCE_BYTES);
  g_autofree char *proof = NULL;
  g_autofree char *text = NULL;
  const char *server_nonce, *other_team = NULL, *own_team = NULL;
  JsonObject *message, *file, *tables;
  JsonArray *teams, *cards, *only;
  JsonObject *card = NULL;
  Coach coach = { 0 };
  Raw *raw;
  static const char *const bad[] = {
    "this is not JSON",
    "{\"samenspel-live\": 9, \"type\": \"hello\", \"nonce\": \"00000000000000000000000000000000\"}",
    "{\"samenspel-live\": 1, \"type\": \"shout\"}",
    "{\"samenspel-live\": 1, \"type\": \"edits\", \"mark\": 1, \"file\": {}}",
    "{\"samenspel-live\": 1, \"type\": \"choose\", \"team\": \"x\"}",
  };

  coach_start (&coach, dir, NULL);
  before = coach_dump (&coach);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_closes (session, &coach, bad[i], strlen (bad[i]));
  huge = g_strnfill (SAM_LIVE_MAX_MESSAGE + 10, ' ');
  memcpy (huge, "{\"a\":1}", 7);
  assert_closes (session, &coach, huge, SAM_LIVE_MAX_MESSAGE + 10);

  /* A laptop that proved the code, chose Sales, and sends a card of IT's. */
  raw = raw_connect (session, &coach);
  server_nonce = sam_live_message_get_string (raw_last (raw), "nonce");
  proof = _sam_live_proof (coach.code, "laptop", coach.fingerprint, server_nonce, client_nonce);
  message = sam_live_message_new (SAM_LIVE_MESSAGE_JOIN);
  json_object_set_string_member (message, "nonce", client_nonce);
  json_object_set_string_member (message, "proof", proof);
  json_object_set_string_member (message, "name", "intruder");
  text = sam_live_message_to_string (message);
  json_object_unref (message);
  soup_websocket_connection_send_text (raw->connection, text);
  raw_wait (raw);
  welcome = raw_last (raw);
  g_assert_nonnull (welcome);
  g_assert_cmpint (welcome->type, ==, SAM_LIVE_MESSAGE_WELCOME);
  teams = sam_live_message_get_array (welcome, "teams");
  for (guint i = 0; i < json_array_get_length (teams); i++)
    {
      JsonObject *team = json_array_get_object_element (teams, i);

      if (g_str_equal (json_object_get_string_member (team, "name"), "Sales"))
        own_team = json_object_get_string_member (team, "uuid");
      else if (g_str_equal (json_object_get_string_member (team, "name"), "IT"))
        other_team = json_object_get_string_member (team, "uuid");
    }
  g_assert_nonnull (own_team);
  g_assert_nonnull (other_team);

  message = sam_live_message_new (SAM_LIVE_MESSAGE_CHOOSE);
  json_object_set_string_member (message, "team", own_team);
  g_free (text);
  text = sam_live_message_to_string (message);
  json_object_unref (message);
  soup_websocket_connection_send_text (raw->connection, text);
  while (raw->received->len < 4 && !raw->closed)
    raw_wait (raw);
  packet = raw_last (raw);
  g_assert_nonnull (packet);
  g_assert_cmpint (packet->type, ==, SAM_LIVE_MESSAGE_PACKET);

  /* The packet turned into a contribution carrying one new card, IT's. */
  file = json_object_ref (sam_live_message_get_object (packet, "file"));
  json_object_set_string_member (file, "kind", "team-contribution");
  tables = json_object_get_object_member (file, "tables");
  cards = json_object_get_array_member (tables, "card");
  for (guint i = 0; card == NULL && i < json_array_get_length (cards); i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (json_array_get_object_element (cards, i), "team", ""),
                   own_team) == 0)
      card = json_array_get_object_element (cards, i);
  g_assert_nonnull (card);
  json_object_set_string_member (card, "uuid", "6d1f7c1e-0000-4000-8000-000000000001");
  json_object_set_string_member (card, "team", other_team);
  json_object_set_string_member (card, "text", "Written in IT's name");
  json_object_remove_member (card, "parent");
  only = json_array_new ();
  json_array_add_object_element (only, json_object_ref (card));
  json_object_set_array_member (tables, "card", only);

  message = sam_live_message_new (SAM_LIVE_MESSAGE_EDITS);
  json_object_set_int_member (message, "mark", 1);
  json_object_set_object_member (message, "file", file);
  g_free (text);
  text = sam_live_message_to_string (message);
  json_object_unref (message);
  soup_websocket_connection_send_text (raw->connection, text);
  while (!raw->closed)
    raw_wait (raw);
  g_assert_true (raw->closed);
  raw_free (raw);

  /* Nothing changed. */
  after = coach_dump (&coach);
  g_assert_cmpuint (count_cards (after), ==, count_cards (before));
  g_assert_false (g_hash_table_contains (after, "Written in IT's name"));
  coach_clear (&coach);
}

static void
test_namespace (void)
{
  if (g_getenv ("SAM_LIVE_NETNS") == NULL)
    g_test_skip ("No private network namespace here (unshare -rn failed): the tests ran on the host's loopback");
  else
    g_assert_cmpstr (g_getenv ("SAM_LIVE_NETNS"), ==, "1");
}

/* Runs the test again inside a private network namespace when the system
 * allows one, so the peers' ports meet nobody else's. */
static void
enter_namespace (int    argc,
                 char **argv)
{
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_autofree char *ip = g_find_program_in_path ("ip");
  int status = -1;

  if (g_getenv ("SAM_LIVE_NETNS") != NULL || g_getenv ("SAM_LIVE_NO_NETNS") != NULL ||
      unshare == NULL || ip == NULL)
    return;

  {
    const char *probe[] = { unshare, "-rn", ip, "link", "set", "lo", "up", NULL };

    if (!g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                       &status, NULL) || !g_spawn_check_wait_status (status, NULL))
      return;
  }

  {
    g_autoptr(GPtrArray) args = g_ptr_array_new ();
    g_autofree char *script = g_strdup_printf ("%s link set lo up && exec \"$0\" \"$@\"", ip);

    g_setenv ("SAM_LIVE_NETNS", "1", TRUE);
    g_ptr_array_add (args, unshare);
    g_ptr_array_add (args, "-rn");
    g_ptr_array_add (args, "/bin/sh");
    g_ptr_array_add (args, "-c");
    g_ptr_array_add (args, script);
    for (int i = 0; i < argc; i++)
      g_ptr_array_add (args, argv[i]);
    g_ptr_array_add (args, NULL);
    execv (unshare, (char **) args->pdata);
  }
}

/* ---- Leaving the room --------------------------------------------------- */

/* The room's count of laptops reaches @n within 10 s. */
static gboolean
coach_has_laptops (Coach *coach,
                   guint  n)
{
  g_autofree char *expected = g_strdup_printf ("LAPTOPS n=%u", n);

  for (guint tries = 0; tries < 50; tries++)
    {
      guint from = coach->peer->lines->len;
      const char *line;

      peer_say (coach->peer, "laptops");
      line = peer_wait (coach->peer, "LAPTOPS ", &from, 10);
      g_assert_nonnull (line);
      if (g_str_equal (line, expected))
        return TRUE;
      g_usleep (200 * 1000);
    }
  return FALSE;
}

/* What the coach answers a `resume` with @token: the message's type, and
 * the refusal's reason. */
static SamLiveMessage *
resume_with (SoupSession *session,
             Coach       *coach,
             const char  *token)
{
  Raw *raw = raw_connect (session, coach);
  JsonObject *message = sam_live_message_new (SAM_LIVE_MESSAGE_RESUME);
  g_autofree char *text = NULL;
  SamLiveMessage *answer;

  json_object_set_string_member (message, "token", token);
  json_object_set_string_member (message, "name", "again");
  text = sam_live_message_to_string (message);
  json_object_unref (message);
  soup_websocket_connection_send_text (raw->connection, text);
  while (raw->received->len < 2 && !raw->closed)
    raw_wait (raw);
  g_assert_cmpuint (raw->received->len, >=, 2);
  answer = raw_last (raw);
  raw_free (raw);
  return answer;
}

/* Leaving team mode tells the coach, which revokes the laptop's token and
 * takes it off its list; the cards it sent stay.  A laptop that cannot
 * reach the coach forgets its token all the same: the coach lists it until
 * it removes it. */
static void
test_leave (void)
{
  g_autofree char *dir = data_dir ("leave-coach");
  g_autofree char *l1 = data_dir ("leave-laptop-1");
  g_autofree char *l2 = data_dir ("leave-laptop-2");
  g_autofree char *token = NULL;
  g_autofree char *port = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SamLiveMessage) answer = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(Peer) one = NULL;
  g_autoptr(Peer) two = NULL;
  guint from = 0;
  Coach coach = { 0 };
  const char *leave = "{\"samenspel-live\": 1, \"type\": \"leave\"}";
  const char *leave_more = "{\"samenspel-live\": 1, \"type\": \"leave\", \"token\": \"00\"}";
  g_autoptr(SamLiveMessage) parsed = sam_live_message_parse (leave, strlen (leave), 1024, NULL);

  /* The message has no member at all. */
  g_assert_nonnull (parsed);
  g_assert_cmpint (parsed->type, ==, SAM_LIVE_MESSAGE_LEAVE);
  g_assert_null (sam_live_message_parse (leave_more, strlen (leave_more), 1024, NULL));

  coach_start (&coach, dir, NULL);
  one = peer_start ("laptop", "--data", l1, "--uri", coach.uri, "--team", "IT", "--edits", "2", "--rate", "20", NULL);
  g_assert_nonnull (peer_wait (one, "SYNCED n=2", &from, 30));
  peer_say (one, "link");
  token = field (peer_wait (one, "LINK ", &from, 10), "token");
  g_assert_cmpuint (strlen (token), ==, 2 * SAM_LIVE_TOKEN_BYTES);
  g_assert_true (coach_has_laptops (&coach, 1));

  peer_say (one, "leave");
  g_assert_nonnull (peer_wait (one, "LEFT", &from, 10));
  peer_say (one, "link");
  g_assert_cmpstr (peer_wait (one, "LINK ", &from, 10), ==, "LINK none");
  g_assert_true (coach_has_laptops (&coach, 0));

  /* The token is revoked: whoever copied it cannot come back with it. */
  answer = resume_with (session, &coach, token);
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->type, ==, SAM_LIVE_MESSAGE_REFUSED);
  g_assert_cmpstr (sam_live_message_get_string (answer, "reason"), ==, "removed");
  texts = coach_dump (&coach);
  assert_once (texts, "IT", 2);
  kill (one->pid, SIGTERM);
  g_assert_cmpint (peer_join (one, 10), ==, 0);

  /* The coach is gone when the laptop leaves: the token is forgotten on
   * the laptop; the coach, back, still lists the laptop. */
  from = 0;
  two = peer_start ("laptop", "--data", l2, "--uri", coach.uri, "--team", "Compliance", "--edits", "1", NULL);
  g_assert_nonnull (peer_wait (two, "SYNCED n=1", &from, 30));
  g_assert_true (coach_has_laptops (&coach, 1));
  port = g_strdup (coach.port);
  kill (coach.peer->pid, SIGKILL);
  peer_join (coach.peer, 10);
  g_clear_pointer (&coach.peer, peer_free);
  g_assert_nonnull (peer_wait (two, "STATE offline", &from, 30));
  peer_say (two, "leave");
  g_assert_nonnull (peer_wait (two, "LEFT", &from, 10));
  peer_say (two, "link");
  g_assert_cmpstr (peer_wait (two, "LINK ", &from, 10), ==, "LINK none");

  coach_start (&coach, dir, port);
  g_assert_true (coach_has_laptops (&coach, 1));
  kill (two->pid, SIGTERM);
  g_assert_cmpint (peer_join (two, 10), ==, 0);
  coach_clear (&coach);
}

/* ---- The perspective exercise, live ------------------------------------ */

static const char *const perspective_teams[] = { "Sales", "Back Office", "IT", "Compliance", "Customer Service" };
#define N_PERSPECTIVE G_N_ELEMENTS (perspective_teams)
#define PERSPECTIVE_CARDS 3

/* Five teams, the room on "What changes", then "In the other team's
 * shoes" with the coach's rotation stored: each team writes about the
 * next one, and the last about the first. */
static char *
perspective_workshop (void)
{
  g_autofree char *db = data_dir ("perspective-make.db");
  char *path = data_dir ("perspective.samenspel");
  g_autoptr(GHashTable) rotation = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (db, &error);
  g_autofree char *settings = NULL;
  SamTeam *teams[N_PERSPECTIVE];
  SamWorkshop *workshop;
  SamStep *changes, *step;

  g_assert_no_error (error);
  workshop = sam_store_create_workshop (store, "Live perspective", &error);
  for (guint i = 0; i < N_PERSPECTIVE; i++)
    teams[i] = sam_store_add_team (store, workshop, perspective_teams[i], &error);
  g_assert_no_error (error);
  changes = sam_store_add_step (store, workshop, -1, "changes", "What changes around us", 20, "", "", &error);
  step = sam_store_add_step (store, workshop, -1, "team-perspective", "In the other team's shoes", 45,
                             "Write how you see the other team's work.", "", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_PERSPECTIVE; i++)
    g_hash_table_insert (rotation, (char *) sam_team_get_uuid (teams[i]),
                         (char *) sam_team_get_uuid (teams[(i + 1) % N_PERSPECTIVE]));
  settings = sam_step_settings_set_map (sam_step_get_settings (step), "assignment", rotation);
  g_assert_true (sam_store_set_step_field (store, step, SAM_STEP_FIELD_SETTINGS, settings, &error));
  g_assert_true (sam_store_set_step_state (store, changes, SAM_STEP_CURRENT, &error));
  g_assert_no_error (error);

  file = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_WORKSHOP, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sam_workshop_file_save (file, gfile, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
coach_start_workshop (Coach      *coach,
                      const char *dir,
                      const char *file)
{
  const char *line;

  coach->peer = peer_start ("coach", "--data", dir, "--workshop", file, "--port", "0", NULL);
  line = peer_wait (coach->peer, "ROOM ", NULL, 30);
  g_assert_nonnull (line);
  coach->port = field (line, "port");
  coach->code = field (line, "code");
  coach->uri = field (line, "uri");
  coach->fingerprint = field (line, "fingerprint");
}

static const char *
card_member (GPtrArray  *cards,
             guint       i,
             const char *member)
{
  return json_object_get_string_member (g_ptr_array_index (cards, i), member);
}

/* How many of @cards are "@label edit K" for every K below
 * PERSPECTIVE_CARDS, written by @team about @about; each must be there
 * exactly once. */
static guint
count_answers (GPtrArray  *cards,
               const char *team,
               const char *about)
{
  guint n = 0;

  for (guint k = 0; k < PERSPECTIVE_CARDS; k++)
    {
      g_autofree char *text = g_strdup_printf ("%s edit %u", team, k);
      guint found = 0;

      for (guint i = 0; i < cards->len; i++)
        if (g_str_equal (card_member (cards, i, "text"), text))
          {
            g_assert_cmpstr (card_member (cards, i, "kind"), ==, "perspective");
            g_assert_cmpstr (card_member (cards, i, "team"), ==, team);
            g_assert_cmpstr (card_member (cards, i, "about"), ==, about);
            found++;
          }
      g_assert_cmpuint (found, <=, 1);
      n += found;
    }
  return n;
}

/* Every laptop printed a line starting with @prefix after *@from. */
static void
laptops_say (Peer       **laptops,
             guint       *from,
             const char  *prefix)
{
  for (guint i = 0; i < N_PERSPECTIVE; i++)
    g_assert_nonnull (peer_wait (laptops[i], prefix, &from[i], 60));
}

/* The "done when": five laptops and a coach run the perspective
 * exercise live, with private answers and a reveal.  Each team writes
 * about the team the coach's rotation gives it; before the reveal a
 * laptop's database holds only its own team's answers (not even what the
 * others wrote about it); after it, what team mode shows after a reveal:
 * its own answers and those about its team, never the answers about a
 * third team.  The coach has every answer exactly once. */
static void
test_perspective (void)
{
  g_autofree char *file = perspective_workshop ();
  g_autofree char *dir = data_dir ("perspective-coach");
  g_autoptr(GPtrArray) at_coach = NULL;
  Peer *laptops[N_PERSPECTIVE];
  guint from[N_PERSPECTIVE] = { 0 };
  guint coach_from = 0;
  Coach coach = { 0 };

  coach_start_workshop (&coach, dir, file);
  for (guint i = 0; i < N_PERSPECTIVE; i++)
    {
      g_autofree char *ldir = g_strdup_printf ("%s-laptop-%u", dir, i);
      g_autofree char *edits = g_strdup_printf ("%u", PERSPECTIVE_CARDS);

      laptops[i] = peer_start ("laptop", "--data", ldir, "--uri", coach.uri, "--team", perspective_teams[i],
                               "--edits", edits, "--rate", "10", "--step", "team-perspective", "--when-current",
                               NULL);
    }
  laptops_say (laptops, from, "JOINED ");

  /* The coach opens the step; the laptops follow and write. */
  peer_say (coach.peer, "current team-perspective");
  g_assert_nonnull (peer_wait (coach.peer, "CURRENT team-perspective", &coach_from, 10));
  laptops_say (laptops, from, "CAUGHT-UP step=team-perspective revealed=0");
  laptops_say (laptops, from, "SYNCED n=3");

  /* Every answer is at the coach's; pushed once more, the laptops still
   * hold only their own. */
  peer_say (coach.peer, "push");
  g_assert_nonnull (peer_wait (coach.peer, "PUSHED", &coach_from, 10));
  laptops_say (laptops, from, "CAUGHT-UP step=team-perspective revealed=0");
  g_usleep (G_USEC_PER_SEC / 2);
  for (guint i = 0; i < N_PERSPECTIVE; i++)
    {
      g_autoptr(GPtrArray) cards = peer_cards (laptops[i]);
      const char *team = perspective_teams[i];

      g_assert_cmpuint (count_answers (cards, team, perspective_teams[(i + 1) % N_PERSPECTIVE]), ==,
                        PERSPECTIVE_CARDS);
      g_assert_cmpuint (cards->len, ==, PERSPECTIVE_CARDS);
    }

  /* The reveal: each laptop now has what the team before it in the
   * rotation wrote about it, and nothing about the others. */
  peer_say (coach.peer, "reveal team-perspective");
  g_assert_nonnull (peer_wait (coach.peer, "REVEALED team-perspective", &coach_from, 10));
  laptops_say (laptops, from, "CAUGHT-UP step=team-perspective revealed=1");
  for (guint i = 0; i < N_PERSPECTIVE; i++)
    {
      g_autoptr(GPtrArray) cards = peer_cards (laptops[i]);
      const char *team = perspective_teams[i];
      const char *before = perspective_teams[(i + N_PERSPECTIVE - 1) % N_PERSPECTIVE];

      g_assert_cmpuint (count_answers (cards, team, perspective_teams[(i + 1) % N_PERSPECTIVE]), ==,
                        PERSPECTIVE_CARDS);
      g_assert_cmpuint (count_answers (cards, before, team), ==, PERSPECTIVE_CARDS);
      g_assert_cmpuint (cards->len, ==, 2 * PERSPECTIVE_CARDS);
    }

  at_coach = peer_cards (coach.peer);
  for (guint i = 0; i < N_PERSPECTIVE; i++)
    g_assert_cmpuint (count_answers (at_coach, perspective_teams[i], perspective_teams[(i + 1) % N_PERSPECTIVE]), ==,
                      PERSPECTIVE_CARDS);
  g_assert_cmpuint (at_coach->len, ==, N_PERSPECTIVE * PERSPECTIVE_CARDS);

  for (guint i = 0; i < N_PERSPECTIVE; i++)
    {
      kill (laptops[i]->pid, SIGTERM);
      g_assert_cmpint (peer_join (laptops[i], 10), ==, 0);
      peer_free (laptops[i]);
    }
  coach_clear (&coach);
}

/* ---- Deletions (docs/live-room.md, "Deletions") ------------------------- */

/* Waits for a `SYNCED` line from @from on. */
static void
wait_synced (Peer  *laptop,
             guint *from)
{
  g_assert_nonnull (peer_wait (laptop, "SYNCED ", from, 30));
}

static void
say_and_wait (Peer       *peer,
              const char *line,
              const char *answer,
              guint      *from)
{
  peer_say (peer, line);
  g_assert_nonnull (peer_wait (peer, answer, from, 15));
}

/* Waits until the coach said it made @n of a laptop's deletions, in one
 * or more `CARDS-DELETED` lines (read before its next dump). */
static void
wait_coach_deleted (Coach *coach,
                    guint *from,
                    guint  n)
{
  guint seen = 0;

  while (seen < n)
    {
      const char *line = peer_wait (coach->peer, "CARDS-DELETED ", from, 15);
      g_autofree char *count = NULL;

      g_assert_nonnull (line);
      count = field (line, "n");
      seen += (guint) g_ascii_strtoull (count, NULL, 10);
    }
  g_assert_cmpuint (seen, ==, n);
}

/* A laptop's own live cards, text → how many (its `dump`). */
static GHashTable *
laptop_dump (Peer *laptop)
{
  /* The laptop answers like the coach. */
  Coach as_coach = { laptop };

  return coach_dump (&as_coach);
}

/* Polls @laptop's cards until @text is there (@present) or not, 15 s. */
static gboolean
laptop_has_soon (Peer       *laptop,
                 const char *text,
                 gboolean    present)
{
  for (guint i = 0; i < 75; i++)
    {
      g_autoptr(GHashTable) texts = laptop_dump (laptop);

      if (g_hash_table_contains (texts, text) == present)
        return TRUE;
      g_usleep (200 * 1000);
    }
  return FALSE;
}

/* @after is @before without @gone (each once in @before). */
static void
assert_only_gone (GHashTable        *before,
                  GHashTable        *after,
                  const char *const *gone)
{
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; gone[i] != NULL; i++)
    {
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (before, gone[i])), ==, 1);
      g_assert_false (g_hash_table_contains (after, gone[i]));
    }
  g_assert_cmpuint (count_cards (after), ==, count_cards (before) - g_strv_length ((GStrv) gone));
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (before, key)), ==, GPOINTER_TO_UINT (value));
}

/* A laptop deletes three of its cards: exactly these go at the coach's,
 * and from the team's second laptop with the next packet; the coach's Undo
 * brings them back everywhere. */
static void
test_delete_cards (void)
{
  static const char *const gone[] = { "Sales edit 1", "Sales edit 2", "Sales edit 4", NULL };
  g_autofree char *dir = data_dir ("del-coach");
  g_autofree char *l1 = data_dir ("del-laptop-1");
  g_autofree char *l2 = data_dir ("del-laptop-2");
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) restored = NULL;
  g_autoptr(GHashTable) second = NULL;
  g_autoptr(Peer) one = NULL;
  g_autoptr(Peer) two = NULL;
  guint from = 0, from_two = 0, from_coach = 0;
  Coach coach = { 0 };

  coach_start (&coach, dir, NULL);
  one = peer_start ("laptop", "--data", l1, "--uri", coach.uri, "--team", "Sales", "--edits", "6",
                    "--rate", "20", NULL);
  wait_synced (one, &from);
  two = peer_start ("laptop", "--data", l2, "--uri", coach.uri, "--team", "Sales", NULL);
  wait_synced (two, &from_two);
  second = laptop_dump (two);
  for (guint i = 0; gone[i] != NULL; i++)
    g_assert_true (g_hash_table_contains (second, gone[i]));

  before = coach_dump (&coach);
  for (guint i = 0; gone[i] != NULL; i++)
    {
      g_autofree char *line = g_strconcat ("delete ", gone[i], NULL);

      say_and_wait (one, line, "DELETED n=1", &from);
    }
  wait_synced (one, &from);
  wait_coach_deleted (&coach, &from_coach, 3);

  after = coach_dump (&coach);
  assert_only_gone (before, after, gone);
  for (guint i = 0; gone[i] != NULL; i++)
    g_assert_true (laptop_has_soon (two, gone[i], FALSE));
  g_assert_true (laptop_has_soon (two, "Sales edit 3", TRUE));

  /* The coach's Undo of the last of them: back at the coach's and on both
   * laptops (the one that deleted it has nothing left to send). */
  say_and_wait (coach.peer, "undo", "RESTORED ", &from_coach);
  restored = coach_dump (&coach);
  g_assert_cmpuint (count_cards (restored), >, count_cards (after));
  g_assert_true (g_hash_table_contains (restored, "Sales edit 4"));
  g_assert_true (laptop_has_soon (two, "Sales edit 4", TRUE));
  g_assert_true (laptop_has_soon (one, "Sales edit 4", TRUE));
  coach_clear (&coach);
}

/* A laptop deletes while the coach is away, takes one deletion back with
 * Undo, is killed and its trash purged (as a restart of the app does): the
 * restarted laptop still sends the deletions, and only those. */
static void
test_delete_offline (void)
{
  g_autofree char *dir = data_dir ("delo-coach");
  g_autofree char *ldir = data_dir ("delo-laptop");
  g_autofree char *db = g_build_filename (ldir, "samenspel.db", NULL);
  g_autofree char *port = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(Peer) laptop = NULL;
  g_autoptr(Peer) again = NULL;
  g_autoptr(SamStore) store = NULL;
  static const char *const gone[] = { "IT edit 0", "IT edit 2", NULL };
  guint from = 0, from_coach = 0;
  Coach coach = { 0 };

  coach_start (&coach, dir, NULL);
  laptop = peer_start ("laptop", "--data", ldir, "--uri", coach.uri, "--team", "IT", "--edits", "4",
                       "--rate", "20", NULL);
  wait_synced (laptop, &from);
  before = coach_dump (&coach);

  port = g_strdup (coach.port);
  kill (coach.peer->pid, SIGKILL);
  peer_join (coach.peer, 10);
  g_clear_pointer (&coach.peer, peer_free);
  g_assert_nonnull (peer_wait (laptop, "STATE offline", &from, 30));

  say_and_wait (laptop, "delete IT edit 0", "DELETED n=1", &from);
  say_and_wait (laptop, "delete IT edit 2", "DELETED n=1", &from);
  say_and_wait (laptop, "delete IT edit 3", "DELETED n=1", &from);
  say_and_wait (laptop, "undo", "RESTORED ", &from);
  kill (laptop->pid, SIGKILL);
  peer_join (laptop, 10);

  store = sam_store_open (db, NULL);
  g_assert_nonnull (store);
  g_assert_true (sam_store_purge_trash (store, NULL));
  g_clear_object (&store);

  coach_start (&coach, dir, port);
  again = peer_start ("laptop", "--data", ldir, "--uri", coach.uri, "--team", "IT", "--exit-when-synced", NULL);
  g_assert_nonnull (peer_wait (again, "RESUMED ", NULL, 30));
  g_assert_cmpint (peer_join (again, 60), ==, 0);
  wait_coach_deleted (&coach, &from_coach, 2);

  after = coach_dump (&coach);
  assert_only_gone (before, after, gone);
  coach_clear (&coach);
}

/* Sends @message on @raw (taking it). */
static void
raw_send (Raw        *raw,
          JsonObject *message)
{
  g_autofree char *text = sam_live_message_to_string (message);

  json_object_unref (message);
  soup_websocket_connection_send_text (raw->connection, text);
}

/* A client of our own that proved the code and chose @team_name; its
 * packet in *packet. */
static Raw *
raw_join_team (SoupSession     *session,
               Coach           *coach,
               const char      *team_name,
               SamLiveMessage **packet)
{
  g_autoptr(SamLiveMessage) welcome = NULL;
  g_autofree char *client_nonce = _sam_live_random_hex (SAM_LIVE_NONCE_BYTES);
  g_autofree char *proof = NULL;
  Raw *raw = raw_connect (session, coach);
  JsonObject *message;
  JsonArray *teams;
  const char *team = NULL;

  proof = _sam_live_proof (coach->code, "laptop", coach->fingerprint,
                           sam_live_message_get_string (raw_last (raw), "nonce"), client_nonce);
  message = sam_live_message_new (SAM_LIVE_MESSAGE_JOIN);
  json_object_set_string_member (message, "nonce", client_nonce);
  json_object_set_string_member (message, "proof", proof);
  json_object_set_string_member (message, "name", "raw");
  raw_send (raw, message);
  raw_wait (raw);
  welcome = raw_last (raw);
  g_assert_nonnull (welcome);
  g_assert_cmpint (welcome->type, ==, SAM_LIVE_MESSAGE_WELCOME);
  teams = sam_live_message_get_array (welcome, "teams");
  for (guint i = 0; i < json_array_get_length (teams); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (teams, i), "name"), team_name))
      team = json_object_get_string_member (json_array_get_object_element (teams, i), "uuid");
  g_assert_nonnull (team);

  message = sam_live_message_new (SAM_LIVE_MESSAGE_CHOOSE);
  json_object_set_string_member (message, "team", team);
  raw_send (raw, message);
  while (raw->received->len < 4 && !raw->closed)
    raw_wait (raw);
  *packet = raw_last (raw);
  g_assert_nonnull (*packet);
  g_assert_cmpint ((*packet)->type, ==, SAM_LIVE_MESSAGE_PACKET);
  return raw;
}

/* `edits` with the packet as an unchanged contribution, deleting @uuid. */
static JsonObject *
deletion_message (SamLiveMessage *packet,
                  const char     *uuid,
                  gint64          mark)
{
  JsonObject *message = sam_live_message_new (SAM_LIVE_MESSAGE_EDITS);
  JsonObject *file = json_object_ref (sam_live_message_get_object (packet, "file"));
  JsonArray *deleted = json_array_new ();
  JsonObject *row = json_object_new ();

  json_object_set_string_member (file, "kind", "team-contribution");
  json_object_set_string_member (row, "table", "card");
  json_object_set_string_member (row, "uuid", uuid);
  json_object_set_int_member (row, "at", g_get_real_time () / G_USEC_PER_SEC);
  json_array_add_object_element (deleted, row);
  json_object_set_int_member (message, "mark", mark);
  json_object_set_object_member (message, "file", file);
  json_object_set_array_member (message, "deleted", deleted);
  return message;
}

/* The uuid of one of the coach's cards of @team (its dump's lines). */
static char *
coach_card_of (Coach      *coach,
               const char *team,
               char      **text)
{
  guint from = coach->peer->lines->len;
  char *uuid = NULL;

  peer_say (coach->peer, "dump");
  for (;;)
    {
      const char *line = peer_wait (coach->peer, "", &from, 10);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *card;

      g_assert_nonnull (line);
      if (g_str_equal (line, "END"))
        break;
      /* A laptop's own lines (CAUGHT-UP after a push) may come between. */
      if (line[0] != '{')
        continue;
      g_assert_true (json_parser_load_from_data (parser, line, -1, NULL));
      card = json_node_get_object (json_parser_get_root (parser));
      if (uuid == NULL && g_str_equal (json_object_get_string_member (card, "team"), team))
        {
          uuid = g_strdup (json_object_get_string_member (card, "uuid"));
          *text = g_strdup (json_object_get_string_member (card, "text"));
        }
    }
  g_assert_nonnull (uuid);
  return uuid;
}

/* A joined laptop of Sales deletes an unknown card (harmless: acknowledged)
 * and then one of IT's: the connection closes and nothing changes. */
static void
test_delete_other_team (void)
{
  g_autofree char *dir = data_dir ("delx-coach");
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SamLiveMessage) packet = NULL;
  g_autoptr(SamLiveMessage) ack = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *unknown = g_uuid_string_random ();
  g_autofree char *theirs = NULL;
  g_autofree char *their_text = NULL;
  Coach coach = { 0 };
  Raw *raw;

  coach_start (&coach, dir, NULL);
  theirs = coach_card_of (&coach, "IT", &their_text);
  before = coach_dump (&coach);

  raw = raw_join_team (session, &coach, "Sales", &packet);
  raw_send (raw, deletion_message (packet, unknown, 7));
  /* The coach may push a packet first. */
  while (!raw->closed && (ack == NULL || ack->type != SAM_LIVE_MESSAGE_ACK))
    {
      guint before_len = raw->received->len;

      raw_wait (raw);
      g_assert_true (raw->received->len > before_len || raw->closed);
      g_clear_pointer (&ack, sam_live_message_free);
      ack = raw_last (raw);
    }
  g_assert_false (raw->closed);
  g_assert_cmpint (ack->type, ==, SAM_LIVE_MESSAGE_ACK);
  g_assert_cmpint (sam_live_message_get_int (ack, "mark"), ==, 7);

  raw_send (raw, deletion_message (packet, theirs, 8));
  while (!raw->closed)
    raw_wait (raw);
  g_assert_true (raw->closed);
  raw_free (raw);

  after = coach_dump (&coach);
  g_assert_cmpuint (count_cards (after), ==, count_cards (before));
  g_assert_true (g_hash_table_contains (after, their_text));
  coach_clear (&coach);
}

int
main (int    argc,
      char **argv)
{
  int status;

  enter_namespace (argc, argv);
  g_test_init (&argc, &argv, NULL);

  peer_path = g_getenv ("SAM_LIVE_PEER");
  g_assert_nonnull (peer_path);
  tmp_root = g_dir_make_tmp ("samenspel-live-XXXXXX", NULL);
  g_assert_nonnull (tmp_root);
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/sam/live/pairing", test_pairing);
  g_test_add_func ("/sam/live/message", test_message);
  g_test_add_func ("/sam/live/namespace", test_namespace);
  g_test_add_func ("/sam/live/join", test_join);
  g_test_add_func ("/sam/live/wrong-certificate", test_wrong_certificate);
  g_test_add_func ("/sam/live/five-laptops", test_five_laptops);
  g_test_add_func ("/sam/live/coach-stopped", test_coach_stopped);
  g_test_add_func ("/sam/live/coach-killed", test_coach_killed);
  g_test_add_func ("/sam/live/laptop-killed", test_laptop_killed);
  g_test_add_func ("/sam/live/removed", test_removed);
  g_test_add_func ("/sam/live/bad-messages", test_bad_messages);
  g_test_add_func ("/sam/live/leave", test_leave);
  g_test_add_func ("/sam/live/perspective", test_perspective);
  g_test_add_func ("/sam/live/delete/cards", test_delete_cards);
  g_test_add_func ("/sam/live/delete/offline", test_delete_offline);
  g_test_add_func ("/sam/live/delete/other-team", test_delete_other_team);

  status = g_test_run ();
  if (status == 0)
    {
      g_autoptr(GFile) root = g_file_new_for_path (tmp_root);
      const char *rm[] = { "rm", "-rf", tmp_root, NULL };

      g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
  g_free (tmp_root);
  return status;
}
