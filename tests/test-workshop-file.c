/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sam-sample-workshop.h"
#include "sam-store-decide.h"
#include "sam-store-private.h"
#include "sam-workshop-file-private.h"

static SamStore *
open_store (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "samenspel", name, NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static SamWorkshopFile *
export (SamStore    *store,
        SamWorkshop *workshop)
{
  g_autoptr(GError) error = NULL;
  SamWorkshopFile *file = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_WORKSHOP,
                                                            NULL, &error);

  g_assert_no_error (error);
  return file;
}

/* Replaces every uuid by the order in which it first appears, and drops
 * what the format says changes on import (export time, modified). */
static void
normalise (JsonNode   *node,
           GHashTable *seen)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      json_object_remove_member (object, "exported");
      for (GList *l = members; l != NULL; l = l->next)
        if (json_object_has_member (object, l->data))
          normalise (json_object_get_member (object, l->data), seen);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        normalise (json_array_get_element (array, i), seen);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
           g_uuid_string_is_valid (json_node_get_string (node)))
    {
      const char *uuid = json_node_get_string (node);
      char *name = g_hash_table_lookup (seen, uuid);

      if (name == NULL)
        {
          name = g_strdup_printf ("uuid-%u", g_hash_table_size (seen));
          g_hash_table_insert (seen, g_strdup (uuid), name);
        }
      json_node_set_string (node, name);
    }
}

static char *
normalised_text (SamWorkshopFile *file)
{
  g_autoptr(GBytes) bytes = sam_workshop_file_to_bytes (file);
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  json_object_remove_member (json_object_get_object_member (json_node_get_object (root), "workshop"),
                             "modified");
  normalise (root, seen);
  return json_to_string (root, TRUE);
}

static guint
count_rows (SamWorkshopFile *file,
            const char      *table)
{
  g_autoptr(GBytes) bytes = sam_workshop_file_to_bytes (file);
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  JsonObject *tables = json_object_get_object_member (json_node_get_object (root), "tables");

  return json_array_get_length (json_object_get_array_member (tables, table));
}

static void
test_round_trip (void)
{
  g_autoptr(SamStore) store = open_store ("round-trip.db");
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Colleagues & Customers");
  g_autoptr(SamWorkshopFile) first = export (store, workshop);
  g_autoptr(SamWorkshopFile) reread = NULL;
  g_autoptr(SamWorkshopFile) second = NULL;
  g_autoptr(GBytes) bytes = sam_workshop_file_to_bytes (first);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  SamWorkshop *copy;

  g_assert_cmpuint (count_rows (first, "team"), ==, 4);
  g_assert_cmpuint (count_rows (first, "step"), ==, 9);
  g_assert_cmpuint (count_rows (first, "card"), ==, 24);
  g_assert_cmpuint (count_rows (first, "card_link"), ==, 1);

  /* Through the bytes, as a file on disk would be read. */
  reread = sam_workshop_file_load_bytes (bytes, "round-trip.samenspel", &error);
  g_assert_no_error (error);
  copy = sam_workshop_file_import (reread, store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_true (copy != workshop);
  g_assert_cmpstr (sam_workshop_get_uuid (copy), !=, sam_workshop_get_uuid (workshop));
  g_assert_cmpstr (sam_workshop_get_name (copy), ==, "Colleagues & Customers");
  g_assert_cmpstr (sam_workshop_get_notes (copy), ==, sam_workshop_get_notes (workshop));
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, copy)), ==, 4);

  second = export (store, copy);
  a = normalised_text (first);
  b = normalised_text (second);
  g_assert_cmpstr (a, ==, b);
}

static void
test_import_twice (void)
{
  g_autoptr(SamStore) store = open_store ("twice.db");
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Twice");
  g_autoptr(SamWorkshopFile) file = export (store, workshop);
  g_autoptr(GError) error = NULL;
  SamWorkshop *one, *two;
  g_autoptr(SamTeam) team = NULL;

  one = sam_workshop_file_import (file, store, &error);
  g_assert_no_error (error);
  two = sam_workshop_file_import (file, store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (store)), ==, 3);
  g_assert_cmpstr (sam_workshop_get_uuid (one), !=, sam_workshop_get_uuid (two));

  /* Independent: renaming a team in one leaves the other alone. */
  team = g_list_model_get_item (sam_store_get_teams (store, one), 0);
  sam_store_set_team_name (store, team, "Sales & Accounts", &error);
  g_assert_no_error (error);
  {
    g_autoptr(SamTeam) other = g_list_model_get_item (sam_store_get_teams (store, two), 0);

    g_assert_cmpstr (sam_team_get_name (other), ==, "Sales");
    g_assert_cmpstr (sam_team_get_uuid (other), !=, sam_team_get_uuid (team));
  }
}

typedef void (*Mutate) (JsonObject *root);

/* Exports @workshop, changes the JSON with @mutate, prepends @prefix to the
 * bytes and imports the result; the import must succeed. */
static SamWorkshop *
import_changed (SamStore    *store,
                SamWorkshop *workshop,
                Mutate       mutate,
                const char  *prefix)
{
  g_autoptr(SamWorkshopFile) file = export (store, workshop);
  g_autoptr(GBytes) bytes = sam_workshop_file_to_bytes (file);
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  g_autoptr(SamWorkshopFile) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  SamWorkshop *copy;

  if (mutate != NULL)
    mutate (json_node_get_object (root));
  json = json_to_string (root, TRUE);
  text = g_strconcat (prefix ? prefix : "", json, NULL);
  {
    g_autoptr(GBytes) again = g_bytes_new (text, strlen (text));

    changed = sam_workshop_file_load_bytes (again, "changed.samenspel", &error);
  }
  g_assert_no_error (error);
  copy = sam_workshop_file_import (changed, store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static JsonArray *
rows_of (JsonObject *root,
         const char *table)
{
  return json_object_get_array_member (json_object_get_object_member (root, "tables"), table);
}

static char *
query_text (SamStore    *store,
            const char  *sql,
            SamWorkshop *workshop)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (_sam_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, sam_workshop_get_id (workshop));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      g_string_append_printf (out, "%s%c", (const char *) sqlite3_column_text (stmt, i),
                              i + 1 < sqlite3_column_count (stmt) ? '|' : '\n');
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

/* Every row list written backwards: an impact comes before its change, a
 * verification before its statement, a link before its cards. */
static void
reverse_rows (JsonObject *root)
{
  JsonObject *tables = json_object_get_object_member (root, "tables");
  g_autoptr(GList) names = json_object_get_members (tables);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonArray *rows = json_object_get_array_member (tables, l->data);
      g_autoptr(JsonArray) reversed = json_array_new ();

      for (guint i = json_array_get_length (rows); i > 0; i--)
        json_array_add_element (reversed, json_node_copy (json_array_get_element (rows, i - 1)));
      json_object_set_array_member (tables, l->data, g_steal_pointer (&reversed));
    }
}

static void
test_forward_references (void)
{
  g_autoptr(SamStore) store = open_store ("forward.db");
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Forward");
  SamWorkshop *copy = import_changed (store, workshop, reverse_rows, NULL);
  const char *sql = "SELECT c.kind, c.text, p.text FROM card c JOIN card p ON p.id = c.parent_id "
                    "WHERE c.workshop_id = ?1 ORDER BY c.text";
  g_autofree char *before = query_text (store, sql, workshop);
  g_autofree char *after = query_text (store, sql, copy);

  g_test_message ("%s", after);
  g_assert_cmpstr (before, !=, "");
  g_assert_cmpstr (before, ==, after);
}

#define TEAM_PLACEHOLDER "@TEAM%u@"
#define FOREIGN_UUID "7a1f0c2e-3b4d-4e5f-8a6b-9c0d1e2f3a4b"

static const char *
team_uuid (JsonObject *root,
           guint       i)
{
  return json_object_get_string_member (json_array_get_object_element (rows_of (root, "team"), i), "uuid");
}

static SamStep *
brainstorm_step (SamStore    *store,
                 SamWorkshop *workshop)
{
  GListModel *steps = sam_store_get_steps (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      if (g_str_equal (sam_step_get_kind (step), "brainstorm"))
        return step;
    }

  g_assert_not_reached ();
}

/* The debate turn is a team named inside the step's settings: after an
 * import it is the same team of the new workshop, not the first one. */
static void
test_debate_turn_round_trip (void)
{
  g_autoptr(SamStore) store = open_store ("debate-turn.db");
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Debate");
  SamStep *step = brainstorm_step (store, workshop);
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(SamWorkshopFile) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *settings = NULL;
  g_autoptr(SamTeam) first = NULL;
  SamTeam *turn, *copied_turn;
  SamWorkshop *copy;

  g_assert_nonnull (sam_store_advance_debate_turn (store, step, &error));
  turn = sam_store_advance_debate_turn (store, step, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (sam_store_get_teams (store, workshop), 0);
  g_assert_true (turn != first);
  settings = query_text (store, "SELECT settings FROM step WHERE workshop_id = ?1 AND kind = 'brainstorm'", workshop);
  g_assert_nonnull (strstr (settings, sam_team_get_uuid (turn)));

  file = export (store, workshop);
  bytes = sam_workshop_file_to_bytes (file);
  reread = sam_workshop_file_load_bytes (bytes, "debate.samenspel", &error);
  g_assert_no_error (error);
  copy = sam_workshop_file_import (reread, store, &error);
  g_assert_no_error (error);

  copied_turn = sam_store_get_debate_turn (store, brainstorm_step (store, copy));
  g_assert_nonnull (copied_turn);
  g_assert_cmpstr (sam_team_get_name (copied_turn), ==, sam_team_get_name (turn));
  g_assert_cmpstr (sam_team_get_uuid (copied_turn), !=, sam_team_get_uuid (turn));
  g_assert_true (sam_store_find_team (store, copy, sam_team_get_id (copied_turn)) == copied_turn);
}

/* A perspective assignment (one uuid in upper case) and a map snapshot
 * naming teams and a uuid that is not in the file. */
static void
add_uuid_texts (JsonObject *root)
{
  g_autofree char *upper = g_ascii_strup (team_uuid (root, 2), -1);
  g_autofree char *settings = g_strdup_printf ("{\"assignment\": {\"%s\": \"%s\", \"%s\": \"%s\"}}",
                                               team_uuid (root, 0), team_uuid (root, 1),
                                               upper, team_uuid (root, 3));
  g_autofree char *map = g_strdup_printf ("{\"nodes\": [{\"id\": \"%s\"}, {\"id\": \"%s\"}], \"source\": \"%s\"}",
                                          team_uuid (root, 0), team_uuid (root, 3), FOREIGN_UUID);
  JsonObject *snapshot = json_object_new ();
  JsonArray *snapshots = rows_of (root, "map_snapshot");

  json_object_set_string_member (json_array_get_object_element (rows_of (root, "step"), 1), "settings", settings);
  json_object_set_string_member (snapshot, "uuid", "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
  json_object_set_string_member (snapshot, "label", "Start of the day");
  json_object_set_int_member (snapshot, "created", 1764931200);
  json_object_set_string_member (snapshot, "map", map);
  json_array_add_object_element (snapshots, snapshot);
}

static void
test_uuids_in_texts (void)
{
  g_autoptr(SamStore) store = open_store ("uuid-texts.db");
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Uuids");
  SamWorkshop *copy = import_changed (store, workshop, add_uuid_texts, NULL);
  g_autofree char *teams = query_text (store, "SELECT uuid FROM team WHERE workshop_id = ?1 ORDER BY position",
                                       copy);
  g_autofree char *old_teams = query_text (store, "SELECT uuid FROM team WHERE workshop_id = ?1 ORDER BY position",
                                           workshop);
  g_autofree char *settings = query_text (store, "SELECT settings FROM step WHERE workshop_id = ?1 "
                                          "AND settings LIKE '%assignment%'", copy);
  g_autofree char *map = query_text (store, "SELECT map FROM map_snapshot WHERE workshop_id = ?1", copy);
  g_auto(GStrv) new_uuids = g_strsplit (teams, "\n", -1);
  g_auto(GStrv) old_uuids = g_strsplit (old_teams, "\n", -1);
  g_autofree char *expected = g_strdup_printf ("{\"assignment\": {\"%s\": \"%s\", \"%s\": \"%s\"}}\n",
                                               new_uuids[0], new_uuids[1], new_uuids[2], new_uuids[3]);

  g_test_message ("%s%s", settings, map);
  g_assert_cmpstr (settings, ==, expected);
  g_assert_nonnull (strstr (map, new_uuids[0]));
  g_assert_nonnull (strstr (map, new_uuids[3]));
  g_assert_null (strstr (map, old_uuids[0]));
  /* Not a row of the file: kept as it was. */
  g_assert_nonnull (strstr (map, FOREIGN_UUID));
}

static void
upper_case_uuids (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        upper_case_uuids (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        upper_case_uuids (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
           g_uuid_string_is_valid (json_node_get_string (node)))
    {
      g_autofree char *upper = g_ascii_strup (json_node_get_string (node), -1);

      json_node_set_string (node, upper);
    }
}

static void
upper_case_root (JsonObject *root)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);

  upper_case_uuids (node);
}

/* A byte order mark is skipped; uuids in upper case are the same uuids. */
static void
test_bom_and_upper_case (void)
{
  g_autoptr(SamStore) store = open_store ("bom.db");
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Upper");
  SamWorkshop *copy = import_changed (store, workshop, upper_case_root, "\xef\xbb\xbf");
  const char *sql = "SELECT c.text, p.text FROM card c JOIN card p ON p.id = c.parent_id "
                    "WHERE c.workshop_id = ?1 ORDER BY c.text";
  g_autofree char *before = query_text (store, sql, workshop);
  g_autofree char *after = query_text (store, sql, copy);

  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (store, copy)), ==, 4);
}

/* Control characters in a text are written as \u00XX, so the file is
 * JSON, and come back as they were. */
static void
test_control_characters (void)
{
  g_autoptr(SamStore) store = open_store ("controls.db");
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Controls");
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamWorkshopFile) reread = NULL;
  g_autoptr(GError) error = NULL;
  const char *sql = "SELECT text FROM card WHERE workshop_id = ?1 AND text LIKE 'Bell%'";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SamWorkshop *copy;
  const char *data;
  gsize length;

  g_assert_true (_sam_store_exec (store, "UPDATE card SET text = 'Bell' || char(7) || 'tab' || char(9) || "
                                  "'unit' || char(31) || 'del' || char(127) || 'end' WHERE id = "
                                  "(SELECT MIN(id) FROM card)", NULL));
  file = export (store, workshop);
  bytes = sam_workshop_file_to_bytes (file);
  data = g_bytes_get_data (bytes, &length);
  for (gsize i = 0; i < length; i++)
    g_assert_true ((guchar) data[i] >= 0x20 || data[i] == '\n');
  g_assert_nonnull (g_strstr_len (data, length, "Bell\\u0007tab\\tunit\\u001fdel\\u007fend"));

  reread = sam_workshop_file_load_bytes (bytes, "controls.samenspel", &error);
  g_assert_no_error (error);
  copy = sam_workshop_file_import (reread, store, &error);
  g_assert_no_error (error);
  before = query_text (store, sql, workshop);
  after = query_text (store, sql, copy);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (strchr (after, 7));
}

/* The coach's side and a team's laptop, each with its own database. */
typedef struct
{
  SamStore *coach;
  SamStore *laptop;
  SamWorkshop *workshop;
  SamWorkshop *packet;
  char *sales_uuid;
} RoundTrip;

static void
age_rows (SamStore *store)
{
  /* Everything the sample made happened "a while ago", so what the tests
   * change afterwards counts as changed after the packet was written. */
  g_assert_true (_sam_store_exec (store, "UPDATE card SET modified = modified - 100, created = created - 100",
                                  NULL));
}

static void
round_trip_set_up (RoundTrip     *rt,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(SamWorkshopFile) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamTeam) sales = NULL;

  rt->coach = open_store ("coach.db");
  rt->laptop = open_store ("laptop.db");
  rt->workshop = sam_sample_workshop_new (rt->coach, "Team day");
  age_rows (rt->coach);
  sales = g_list_model_get_item (sam_store_get_teams (rt->coach, rt->workshop), 0);
  rt->sales_uuid = g_strdup (sam_team_get_uuid (sales));

  file = sam_workshop_file_new_from_store (rt->coach, rt->workshop, SAM_FILE_KIND_TEAM_PACKET,
                                           rt->sales_uuid, &error);
  g_assert_no_error (error);
  bytes = sam_workshop_file_to_bytes (file);
  reread = sam_workshop_file_load_bytes (bytes, "sales.samenspel", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_workshop_file_get_kind (reread), ==, SAM_FILE_KIND_TEAM_PACKET);
  rt->packet = sam_workshop_file_import (reread, rt->laptop, &error);
  g_assert_no_error (error);
}

static void
round_trip_tear_down (RoundTrip     *rt,
                      gconstpointer  data)
{
  g_clear_object (&rt->coach);
  g_clear_object (&rt->laptop);
  g_free (rt->sales_uuid);
}

static SamWorkshopFile *
contribution (RoundTrip *rt)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = sam_workshop_file_new_contribution (rt->laptop, rt->packet, &error);
  g_autoptr(GBytes) bytes = NULL;
  SamWorkshopFile *reread;

  g_assert_no_error (error);
  bytes = sam_workshop_file_to_bytes (file);
  reread = sam_workshop_file_load_bytes (bytes, "sales-contribution.samenspel", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_workshop_file_get_kind (reread), ==, SAM_FILE_KIND_TEAM_CONTRIBUTION);
  return reread;
}

static SamCard *
card_with_text (SamStore   *store,
                SamStep    *step,
                const char *text)
{
  GListModel *cards = sam_store_get_cards (store, step);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (g_str_has_suffix (sam_card_get_text (card), text))
        return card;
    }

  return NULL;
}

/* The packet keeps the uuids, leaves the coach's notes at home and only
 * carries the cards Sales may see. */
static void
test_team_packet (RoundTrip     *rt,
                  gconstpointer  data)
{
  g_autofree char *team = NULL;
  SamStep *changes = sam_sample_step_at (rt->laptop, rt->packet, 0);
  SamStep *perspective = sam_sample_step_at (rt->laptop, rt->packet, 1);

  g_assert_cmpstr (sam_workshop_get_uuid (rt->packet), ==, sam_workshop_get_uuid (rt->workshop));
  g_assert_cmpstr (sam_workshop_get_notes (rt->packet), ==, "");
  g_assert_cmpstr (sam_step_get_notes (changes), ==, "");
  g_assert_cmpstr (sam_step_get_instructions (changes), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_teams (rt->laptop, rt->packet)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_steps (rt->laptop, rt->packet)), ==, 9);
  g_assert_true (sam_store_get_packet_team (rt->laptop, rt->packet, &team));
  g_assert_cmpstr (team, ==, rt->sales_uuid);

  /* Sales's own change and its impact; not Compliance's or IT's. */
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (rt->laptop, changes)), ==, 2);
  /* What Sales wrote about Back Office; not what IT wrote about Compliance. */
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (rt->laptop, perspective)), ==, 2);
  /* The customer walk is the room's: it all travels. */
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (rt->laptop,
                                                                   sam_sample_step_at (rt->laptop, rt->packet, 2))),
                    ==, 2);

  /* Opening the same packet again does not make a second copy. */
  {
    g_autoptr(SamWorkshopFile) file = NULL;
    g_autoptr(GError) error = NULL;

    file = sam_workshop_file_new_from_store (rt->coach, rt->workshop, SAM_FILE_KIND_TEAM_PACKET,
                                             rt->sales_uuid, &error);
    g_assert_null (sam_workshop_file_import (file, rt->laptop, &error));
    g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_EXISTS);
  }
}

static void
test_merge (RoundTrip     *rt,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(SamMergePlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SamStep *changes = sam_sample_step_at (rt->laptop, rt->packet, 0);
  SamStep *coach_changes = sam_sample_step_at (rt->coach, rt->workshop, 0);
  g_autoptr(SamTeam) sales = g_list_model_get_item (sam_store_get_teams (rt->laptop, rt->packet), 0);
  SamCardInit init = { "change", sam_team_get_id (sales), 0, 0, NULL, "Brokers want an app", NULL, 0, 0 };

  /* The team adds a card and edits two; the coach edits one of those too. */
  sam_store_add_card (rt->laptop, changes, &init, &error);
  g_assert_no_error (error);
  sam_store_set_card_text (rt->laptop, card_with_text (rt->laptop, changes, "before they call"),
                           SAM_CARD_FIELD_TEXT, "Customers compare us online first", &error);
  sam_store_set_card_text (rt->laptop, card_with_text (rt->laptop, changes, "same day"),
                           SAM_CARD_FIELD_TEXT, "We must answer within the hour", &error);
  sam_store_set_card_text (rt->coach, card_with_text (rt->coach, coach_changes, "same day"),
                           SAM_CARD_FIELD_TEXT, "We must answer the same working day", &error);
  g_assert_no_error (error);

  file = contribution (rt);
  plan = sam_workshop_file_plan_merge (file, rt->coach, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->team_name, ==, "Sales");
  g_assert_cmpuint (sam_merge_plan_get_n_changes (plan), ==, 3);
  g_assert_cmpuint (plan->items->len, ==, 3);
  for (guint i = 0; i < plan->counts->len; i++)
    {
      SamMergeCount *count = &g_array_index (plan->counts, SamMergeCount, i);

      if (g_str_equal (count->table, "card"))
        {
          g_assert_cmpuint (count->n_new, ==, 1);
          g_assert_cmpuint (count->n_updated, ==, 1);
          g_assert_cmpuint (count->n_conflicts, ==, 1);
        }
      else
        g_assert_cmpuint (count->n_new + count->n_updated + count->n_conflicts, ==, 0);
    }

  /* The preview changed nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (rt->coach, coach_changes)), ==, 5);

  g_assert_true (sam_workshop_file_merge (file, rt->coach, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (rt->coach, coach_changes)), ==, 7);
  g_assert_nonnull (card_with_text (rt->coach, coach_changes, "Brokers want an app"));
  g_assert_nonnull (card_with_text (rt->coach, coach_changes, "Customers compare us online first"));
  g_assert_null (card_with_text (rt->coach, coach_changes, "before they call"));
  /* Both versions of the card changed on both sides are there. */
  g_assert_nonnull (card_with_text (rt->coach, coach_changes, "We must answer the same working day"));
  {
    SamCard *theirs = card_with_text (rt->coach, coach_changes, "We must answer within the hour");

    g_assert_nonnull (theirs);
    g_assert_true (g_str_has_prefix (sam_card_get_text (theirs), "From Sales"));
  }

  /* A second merge of the same file adds nothing. */
  before = sam_sample_dump_database (rt->coach);
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = sam_workshop_file_plan_merge (file, rt->coach, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_merge_plan_get_n_changes (plan), ==, 0);
  g_assert_true (sam_workshop_file_merge (file, rt->coach, &error));
  after = sam_sample_dump_database (rt->coach);
  g_assert_cmpstr (before, ==, after);
}

static void
test_merge_refuses (RoundTrip     *rt,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) whole = export (rt->coach, rt->workshop);
  g_autoptr(SamWorkshopFile) file = contribution (rt);
  g_autoptr(SamStore) other = open_store ("other.db");
  g_autofree char *before = sam_sample_dump_database (other);
  g_autofree char *after = NULL;

  g_assert_false (sam_workshop_file_merge (whole, rt->coach, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_WRONG_KIND);
  g_clear_error (&error);

  /* A contribution to a workshop that is not on this computer. */
  g_assert_false (sam_workshop_file_merge (file, other, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_WRONG_KIND);
  g_assert_nonnull (strstr (error->message, "Team day"));
  g_clear_error (&error);
  g_assert_null (sam_workshop_file_import (file, other, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_WRONG_KIND);
  after = sam_sample_dump_database (other);
  g_assert_cmpstr (before, ==, after);
}

/* A contribution whose changed card has a `modified` that is not a time
 * is refused as a whole, never merged without the team's edit. */
static void
test_merge_checks_values (RoundTrip     *rt,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = contribution (rt);
  g_autoptr(GBytes) bytes = sam_workshop_file_to_bytes (file);
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_autoptr(SamWorkshopFile) changed = NULL;
  g_autoptr(SamMergePlan) plan = NULL;
  g_autofree char *before = sam_sample_dump_database (rt->coach);
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  JsonObject *card;

  g_assert_no_error (error);
  card = json_array_get_object_element (rows_of (json_node_get_object (root), "card"), 0);
  json_object_set_string_member (card, "text", "Changed on the laptop");
  json_object_set_string_member (card, "modified", "vanmiddag");
  text = json_to_string (root, FALSE);
  {
    g_autoptr(GBytes) again = g_bytes_new (text, strlen (text));

    changed = sam_workshop_file_load_bytes (again, "sales-contribution.samenspel", &error);
  }
  g_assert_no_error (error);

  plan = sam_workshop_file_plan_merge (changed, rt->coach, &error);
  g_assert_null (plan);
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.tables.card[0].modified"));
  g_clear_error (&error);

  g_assert_false (sam_workshop_file_merge (changed, rt->coach, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sales-contribution.samenspel"));
  after = sam_sample_dump_database (rt->coach);
  g_assert_cmpstr (before, ==, after);
}

/* Every foreign key of an exported table is declared, so the file format
 * documentation (what becomes a uuid) matches the schema. */
static void
test_exports_cover_foreign_keys (void)
{
  g_autoptr(SamStore) store = open_store ("keys.db");
  const SamExportTable *const *exports = _sam_store_get_exports ();

  g_assert_cmpstr (exports[0]->name, ==, "workshop");
  for (guint t = 0; exports[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_list(\"%s\")", exports[t]->name);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (_sam_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 3);
          gboolean declared = g_str_equal (column, exports[t]->workshop_column);

          for (const SamExportRef *ref = exports[t]->refs; ref != NULL && ref->column != NULL; ref++)
            declared |= g_str_equal (ref->column, column);
          if (!declared)
            g_error ("%s.%s is a foreign key missing from the exports of its module", exports[t]->name, column);
        }
      sqlite3_finalize (stmt);
    }
}

/* The reader builds the tree in its strict check instead of parsing the
 * bytes again with json-glib: the tree must be the one json-glib's parser
 * makes, value for value and type for type, members in the same order. */
static void
test_tree_as_json_glib (void)
{
  static const char *const texts[] = {
    "{\"a\": 1, \"b\": -2, \"c\": 0, \"d\": -0, \"e\": 9223372036854775807, \"f\": -9223372036854775808}",
    "[1.5, -1.5, 0.1, 1e5, 1E-5, -2.5e+300, 4.9e-324, 123456789.123456789, 0.0, -0.0, 1e0]",
    "{\"text\": \"plain \\\" \\\\ \\/ \\b \\f \\n \\r \\t end\", \"\\u00e9t\\u00e9\": \"\\ud83d\\ude00 \\u20ac \\u0007\"}",
    "{\"z\": true, \"y\": false, \"x\": null, \"w\": [], \"v\": {}, \"u\": [[[{\"deep\": [\"\"]}]]]}",
    "  \"only a string\"  ",
    "[\"café ☕ 😀\", 42, {\"k\": \"v\"}, null]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) ours = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *a = NULL, *b = NULL;

      g_assert_true (json_parser_load_from_data (parser, texts[i], -1, &error));
      g_assert_no_error (error);
      ours = _sam_file_parse_json (texts[i], strlen (texts[i]), "tree.samenspel", &error);
      g_assert_no_error (error);
      g_assert_nonnull (ours);
      g_assert_true (json_node_equal (ours, json_parser_get_root (parser)));

      json_generator_set_root (generator, ours);
      a = json_generator_to_data (generator, NULL);
      json_generator_set_root (generator, json_parser_get_root (parser));
      b = json_generator_to_data (generator, NULL);
      g_assert_cmpstr (a, ==, b);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/file/round-trip", test_round_trip);
  g_test_add_func ("/sam/file/tree-as-json-glib", test_tree_as_json_glib);
  g_test_add_func ("/sam/file/import-twice", test_import_twice);
  g_test_add_func ("/sam/file/exports-cover-foreign-keys", test_exports_cover_foreign_keys);
  g_test_add_func ("/sam/file/forward-references", test_forward_references);
  g_test_add_func ("/sam/file/uuids-in-texts", test_uuids_in_texts);
  g_test_add_func ("/sam/file/debate-turn-round-trip", test_debate_turn_round_trip);
  g_test_add_func ("/sam/file/bom-and-upper-case", test_bom_and_upper_case);
  g_test_add_func ("/sam/file/control-characters", test_control_characters);
  g_test_add ("/sam/file/merge-checks-values", RoundTrip, NULL, round_trip_set_up, test_merge_checks_values,
              round_trip_tear_down);
  g_test_add ("/sam/file/team-packet", RoundTrip, NULL, round_trip_set_up, test_team_packet, round_trip_tear_down);
  g_test_add ("/sam/file/merge", RoundTrip, NULL, round_trip_set_up, test_merge, round_trip_tear_down);
  g_test_add ("/sam/file/merge-refuses", RoundTrip, NULL, round_trip_set_up, test_merge_refuses,
              round_trip_tear_down);

  return g_test_run ();
}
