/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-sample-workshop.h"
#include "sam-store-cards.h"
#include "sam-store-private.h"
#include "sam-workshop-file-private.h"

/* What a live room's coach does after each batch of laptops' edits, read
 * row by row instead of whole: the card lists take only the changed cards
 * (_sam_store_refresh_cards()), and a team's push is exported from the
 * changed rows and what they refer to (_sam_workshop_file_find_rows() and
 * _sam_workshop_file_new_team_delta()).
 * Each must give exactly what the whole reload or export gives. */

typedef struct
{
  char        *dir;
  char        *path;
  SamStore    *store;
  SamWorkshop *workshop;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("samenspel-refresh-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "coach.db", NULL);
  fixture->store = sam_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->workshop = sam_sample_workshop_new (fixture->store, "Refresh");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *rm[] = { "rm", "-rf", fixture->dir, NULL };

  g_object_unref (fixture->store);
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
query_int (SamStore   *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _sam_store_prepare (store, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
exec (SamStore   *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_sam_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* The step with the most cards. */
static SamStep *
busiest_step (SamStore    *store,
              SamWorkshop *workshop)
{
  gint64 id = query_int (store, "SELECT step_id FROM card WHERE trash IS NULL GROUP BY step_id ORDER BY count(*) DESC LIMIT 1");
  GListModel *steps = sam_store_get_steps (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      if (sam_step_get_id (step) == id)
        return step;
    }
  g_assert_not_reached ();
}

static void
assert_same_cards (GListModel *list,
                   GListModel *expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, g_list_model_get_n_items (expected));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (list, i);
      g_autoptr(SamCard) want = g_list_model_get_item (expected, i);

      g_assert_cmpint (sam_card_get_id (card), ==, sam_card_get_id (want));
      g_assert_cmpstr (sam_card_get_text (card), ==, sam_card_get_text (want));
      g_assert_cmpuint (sam_card_get_position (card), ==, sam_card_get_position (want));
      g_assert_cmpint (sam_card_get_parent_id (card), ==, sam_card_get_parent_id (want));
    }
}

static void
count_changes (GListModel *list,
               guint       position,
               guint       removed,
               guint       added,
               guint      *signals)
{
  (*signals)++;
}

static void
test_refresh_cards (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SamStore) fresh = NULL;
  g_autoptr(SamCard) edited = NULL;
  g_autoptr(SamCard) moved = NULL;
  g_autoptr(SamCard) trashed = NULL;
  g_autofree char *sql = NULL;
  SamStep *step = busiest_step (fixture->store, fixture->workshop);
  GListModel *cards = sam_store_get_cards (fixture->store, step);
  GListModel *expected;
  guint n = g_list_model_get_n_items (cards);
  guint signals = 0;
  gboolean kept;

  g_assert_cmpuint (n, >=, 4);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (before, g_list_model_get_item (cards, i));
  edited = g_object_ref (before->pdata[0]);
  moved = g_object_ref (before->pdata[1]);
  trashed = g_object_ref (before->pdata[2]);
  g_signal_connect (cards, "items-changed", G_CALLBACK (count_changes), &signals);

  /* As a merge writes them: straight into the tables, past the lists. */
  _sam_store_track_changes (fixture->store);
  sql = g_strdup_printf ("UPDATE card SET text = 'Edited in the room' WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE card SET position = 1000 WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE card SET trash = 1 WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO card (uuid, workshop_id, step_id, kind, team_id, text, position, created, modified)"
                         "  SELECT '0b7c9c62-4f4e-4a43-9a53-6a2b1d0f0a01', workshop_id, step_id, kind, team_id,"
                         "         'New from a laptop', 1, created, modified FROM card WHERE id = %" G_GINT64_FORMAT ";",
                         sam_card_get_id (edited), sam_card_get_id (moved), sam_card_get_id (trashed),
                         sam_card_get_id (edited));
  exec (fixture->store, sql);
  changes = _sam_store_take_changes (fixture->store);
  g_assert_cmpuint (g_hash_table_size (g_hash_table_lookup (changes, "card")), ==, 4);

  _sam_store_refresh_cards (fixture->store, g_hash_table_lookup (changes, "card"));

  /* Exactly what a store opened now reads. */
  fresh = sam_store_open (fixture->path, &error);
  g_assert_no_error (error);
  {
    GListModel *steps = sam_store_get_steps (fresh, sam_store_find_workshop (fresh, sam_workshop_get_uuid (fixture->workshop)));
    SamStep *same = NULL;

    for (guint i = 0; same == NULL && i < g_list_model_get_n_items (steps); i++)
      {
        g_autoptr(SamStep) candidate = g_list_model_get_item (steps, i);

        if (sam_step_get_id (candidate) == sam_step_get_id (step))
          same = candidate;
      }
    expected = sam_store_get_cards (fresh, same);
  }
  assert_same_cards (cards, expected);
  g_assert_cmpuint (signals, >, 0);

  /* The cards that stayed are the same objects: views stay bound. */
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      g_assert_true (card != trashed);
      if (sam_card_get_id (card) == sam_card_get_id (edited))
        g_assert_true (card == edited);
      if (sam_card_get_id (card) == sam_card_get_id (moved))
        g_assert_true (card == moved);
    }
  g_assert_cmpstr (sam_card_get_text (edited), ==, "Edited in the room");
  for (guint i = 3; i < before->len; i++)
    {
      kept = FALSE;
      for (guint j = 0; j < g_list_model_get_n_items (cards); j++)
        {
          g_autoptr(SamCard) card = g_list_model_get_item (cards, j);

          kept |= card == before->pdata[i];
        }
      g_assert_true (kept);
    }

  /* Nothing changed: nothing moves. */
  signals = 0;
  {
    g_autoptr(GHashTable) none = g_hash_table_new (g_int64_hash, g_int64_equal);

    _sam_store_refresh_cards (fixture->store, none);
  }
  g_assert_cmpuint (signals, ==, 0);
}

/* The cards of @step as the database orders them: "id:position:text ". */
static char *
cards_in_database (SamStore *store,
                   gint64    step_id)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = _sam_store_prepare (store, "SELECT id, position, text FROM card "
                                                  "WHERE step_id = ?1 AND trash IS NULL ORDER BY position, id",
                                           &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, step_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%" G_GINT64_FORMAT ":%d:%s ", (gint64) sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_int (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

static char *
cards_in_list (GListModel *cards)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%u:%s ", sam_card_get_id (card),
                              sam_card_get_position (card), sam_card_get_text (card));
    }
  return g_string_free (out, FALSE);
}

/* A random card id of the two steps, live or in the trash. */
static gint64
any_card (SamStore *store,
          GRand    *rand,
          gint64    a,
          gint64    b)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM card WHERE step_id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") "
                                          "ORDER BY id LIMIT 1 OFFSET %d", a, b,
                                          g_rand_int_range (rand, 0, (int) query_int (store, "SELECT count(*) FROM card") / 4));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _sam_store_prepare (store, sql, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Many small batches, as a live room's merges write them (edits, moves
 * between places and steps, the trash and back, new cards), each followed
 * by a refresh: both steps' lists always hold what the database holds, in
 * its order; the coach's own new cards go after all of them. */
static void
test_refresh_batches (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  SamStep *step = busiest_step (fixture->store, fixture->workshop);
  GListModel *steps = sam_store_get_steps (fixture->store, fixture->workshop);
  GListModel *cards = sam_store_get_cards (fixture->store, step);
  GListModel *other_cards = NULL;
  gint64 a = sam_step_get_id (step), b = 0;

  for (guint i = 0; b == 0 && i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) other = g_list_model_get_item (steps, i);

      if (sam_step_get_id (other) != a)
        {
          b = sam_step_get_id (other);
          other_cards = sam_store_get_cards (fixture->store, other);
        }
    }
  g_assert_nonnull (other_cards);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GHashTable) changes = NULL;
      guint n_ops = g_rand_int_range (rand, 1, round % 50 == 49 ? 80 : 5);

      _sam_store_track_changes (fixture->store);
      for (guint op = 0; op < n_ops; op++)
        {
          gint64 id = any_card (fixture->store, rand, a, b);
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *sql = NULL;

          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0:
              sql = g_strdup_printf ("UPDATE card SET text = 'round %u op %u' WHERE id = %" G_GINT64_FORMAT, round, op, id);
              break;
            case 1:
              sql = g_strdup_printf ("UPDATE card SET position = %d WHERE id = %" G_GINT64_FORMAT,
                                     g_rand_int_range (rand, 0, 40), id);
              break;
            case 2:
              sql = g_strdup_printf ("UPDATE card SET step_id = CASE step_id WHEN %" G_GINT64_FORMAT " THEN %" G_GINT64_FORMAT
                                     " ELSE %" G_GINT64_FORMAT " END WHERE id = %" G_GINT64_FORMAT, a, b, a, id);
              break;
            case 3:
              sql = g_strdup_printf ("UPDATE card SET trash = CASE WHEN trash IS NULL THEN 1 END WHERE id = %" G_GINT64_FORMAT, id);
              break;
            default:
              sql = g_strdup_printf ("INSERT INTO card (uuid, workshop_id, step_id, kind, team_id, text, position, created, modified)"
                                     "  SELECT '%s', workshop_id, step_id, kind, team_id, 'new in round %u', %d, created, modified "
                                     "  FROM card WHERE id = %" G_GINT64_FORMAT,
                                     uuid, round, g_rand_int_range (rand, 0, 40), id);
              break;
            }
          exec (fixture->store, sql);
        }
      changes = _sam_store_take_changes (fixture->store);
      if (g_hash_table_lookup (changes, "card") != NULL)
        _sam_store_refresh_cards (fixture->store, g_hash_table_lookup (changes, "card"));

      if (round % 25 == 24)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SamCard) first = g_list_model_get_item (cards, 0);
          SamCardInit init = { .kind = sam_card_get_kind (first), .text = "The coach's own" };

          g_assert_nonnull (sam_store_add_card (fixture->store, step, &init, &error));
          g_assert_no_error (error);
        }

      {
        g_autofree char *want_a = cards_in_database (fixture->store, a);
        g_autofree char *want_b = cards_in_database (fixture->store, b);
        g_autofree char *have_a = cards_in_list (cards);
        g_autofree char *have_b = cards_in_list (other_cards);

        g_assert_cmpstr (have_a, ==, want_a);
        g_assert_cmpstr (have_b, ==, want_b);
      }
    }
}

static JsonObject *
find_row (JsonObject *tables,
          const char *uuid,
          const char **table_name)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, tables);
  while (json_object_iter_next (&iter, &name, &node))
    {
      JsonArray *rows = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);

          if (g_strcmp0 (json_object_get_string_member_with_default (row, "uuid", NULL), uuid) == 0)
            {
              if (table_name != NULL)
                *table_name = name;
              return row;
            }
        }
    }
  return NULL;
}

/* The columns of the first row of @sql, as text. */
static GStrv
query_texts (SamStore   *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  sqlite3_stmt *stmt = _sam_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    g_strv_builder_add (values, (const char *) sqlite3_column_text (stmt, i));
  sqlite3_reset (stmt);
  return g_strv_builder_end (values);
}

/* The push of a team after a change of the rows of @uuids. */
static SamWorkshopFile *
team_delta (Fixture     *fixture,
            const char  *team,
            GHashTable  *uuids,
            GError     **error)
{
  g_autoptr(GHashTable) rows = _sam_workshop_file_find_rows (fixture->store, uuids);

  g_assert_nonnull (rows);
  return _sam_workshop_file_new_team_delta (fixture->store, fixture->workshop, team, rows, error);
}

static void
test_team_delta (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SamWorkshopFile) delta = NULL;
  g_autoptr(SamWorkshopFile) whole = NULL;
  /* A team's card with a parent: the card, its parent, its step, its team. */
  g_auto(GStrv) must = query_texts (fixture->store,
                                    "SELECT c.uuid, p.uuid, s.uuid, t.uuid FROM card c "
                                    "JOIN card p ON p.id = c.parent_id JOIN step s ON s.id = c.step_id "
                                    "JOIN team t ON t.id = c.team_id "
                                    "WHERE c.trash IS NULL ORDER BY c.id LIMIT 1");
  const char *card = must[0], *team = must[3];
  JsonObject *delta_tables, *whole_tables;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint n_rows = 0;

  g_hash_table_add (uuids, (gpointer) card);
  delta = team_delta (fixture, team, uuids, &error);
  g_assert_no_error (error);
  g_assert_nonnull (delta);
  whole = sam_workshop_file_new_from_store (fixture->store, fixture->workshop, SAM_FILE_KIND_TEAM_PACKET, team, &error);
  g_assert_no_error (error);

  delta_tables = json_object_get_object_member (json_node_get_object (delta->root), "tables");
  whole_tables = json_object_get_object_member (json_node_get_object (whole->root), "tables");

  /* The card, its parent, its step and its team, nothing of the rest... */
  for (guint i = 0; must[i] != NULL; i++)
    g_assert_nonnull (find_row (delta_tables, must[i], NULL));
  json_object_iter_init (&iter, delta_tables);
  while (json_object_iter_next (&iter, &name, &node))
    n_rows += json_array_get_length (json_node_get_array (node));
  g_assert_cmpuint (n_rows, <, 10);

  /* ... each row exactly as the whole packet has it. */
  json_object_iter_init (&iter, delta_tables);
  while (json_object_iter_next (&iter, &name, &node))
    {
      JsonArray *rows = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);
          const char *whole_name = NULL;
          JsonObject *same = find_row (whole_tables, json_object_get_string_member (row, "uuid"), &whole_name);
          g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (), row);
          g_autoptr(JsonNode) b = NULL;

          g_assert_nonnull (same);
          g_assert_cmpstr (whole_name, ==, name);
          b = json_node_init_object (json_node_alloc (), same);
          g_assert_true (json_node_equal (a, b));
        }
    }

  /* A uuid no table has: no rows (the caller sends the whole packet). */
  g_hash_table_add (uuids, (gpointer) "5d1f6a3e-0000-4000-8000-000000000000");
  g_assert_null (_sam_workshop_file_find_rows (fixture->store, uuids));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sam/store/refresh/cards", Fixture, NULL, fixture_set_up, test_refresh_cards, fixture_tear_down);
  g_test_add ("/sam/store/refresh/batches", Fixture, NULL, fixture_set_up, test_refresh_batches, fixture_tear_down);
  g_test_add ("/sam/store/refresh/team-delta", Fixture, NULL, fixture_set_up, test_team_delta, fixture_tear_down);

  return g_test_run ();
}
