/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sam-sample-workshop.h"
#include "sam-store-private.h"
#include "sam-workshop-file.h"

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

static SamStep *
step_at (SamStore    *store,
         SamWorkshop *workshop,
         guint        i)
{
  g_autoptr(SamStep) step = g_list_model_get_item (sam_store_get_steps (store, workshop), i);
  return step;
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
  SamStep *changes = step_at (rt->laptop, rt->packet, 0);
  SamStep *perspective = step_at (rt->laptop, rt->packet, 1);

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
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (rt->laptop, step_at (rt->laptop, rt->packet, 2))), ==, 2);

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
  SamStep *changes = step_at (rt->laptop, rt->packet, 0);
  SamStep *coach_changes = step_at (rt->coach, rt->workshop, 0);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/file/round-trip", test_round_trip);
  g_test_add_func ("/sam/file/import-twice", test_import_twice);
  g_test_add_func ("/sam/file/exports-cover-foreign-keys", test_exports_cover_foreign_keys);
  g_test_add ("/sam/file/team-packet", RoundTrip, NULL, round_trip_set_up, test_team_packet, round_trip_tear_down);
  g_test_add ("/sam/file/merge", RoundTrip, NULL, round_trip_set_up, test_merge, round_trip_tear_down);
  g_test_add ("/sam/file/merge-refuses", RoundTrip, NULL, round_trip_set_up, test_merge_refuses,
              round_trip_tear_down);

  return g_test_run ();
}
