/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sam-pin.h"
#include "sam-sample-workshop.h"
#include "sam-store-decide.h"
#include "sam-store-packet.h"
#include "sam-workshop-file.h"

/* The storage side of team mode: the PIN, the packet's file name, the
 * packets a laptop keeps, and merging teams' work in any order. */

static void
test_pin (void)
{
  g_autofree char *salt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other_salt = NULL;
  g_autofree char *other_hash = NULL;
  guint rounds = 0, other_rounds = 0;

  g_assert_false (sam_pin_is_acceptable ("123"));
  g_assert_false (sam_pin_is_acceptable (" 1234"));
  g_assert_false (sam_pin_is_acceptable (NULL));
  g_assert_true (sam_pin_is_acceptable ("1234"));
  g_assert_true (sam_pin_is_acceptable ("één twee"));

  sam_pin_make ("4711", &salt, &hash, &rounds);
  g_assert_cmpuint (rounds, ==, SAM_PIN_ROUNDS);
  g_assert_cmpuint (strlen (hash), ==, 64);
  g_assert_null (strstr (hash, "4711"));
  g_assert_true (sam_pin_check (salt, hash, rounds, "4711"));
  g_assert_false (sam_pin_check (salt, hash, rounds, "4712"));
  g_assert_false (sam_pin_check (salt, hash, rounds, ""));
  g_assert_false (sam_pin_check (salt, hash, 0, "4711"));

  /* Deterministic for one salt, different for another. */
  again = sam_pin_hash (salt, "4711", rounds);
  g_assert_cmpstr (again, ==, hash);
  sam_pin_make ("4711", &other_salt, &other_hash, &other_rounds);
  g_assert_cmpstr (other_salt, !=, salt);
  g_assert_cmpstr (other_hash, !=, hash);
}

static void
test_suggest_name (void)
{
  struct { const char *workshop, *team, *expected; } cases[] = {
    { "Acme", "Verkoop", "Acme-Verkoop.samenspel" },
    { "Colleagues and Customers", "Back Office", "Colleagues_and_Customers-Back_Office.samenspel" },
    { "Café / Zoë: 2026", "Après-vente", "Cafe_Zoe_2026-Apres_vente.samenspel" },
    { "../..", "\\", "Workshop-Team.samenspel" },
    { "Acme", NULL, "Acme.samenspel" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = sam_workshop_file_suggest_name (cases[i].workshop, cases[i].team);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

static SamWorkshopFile *
make_packet (SamStore    *coach,
             SamWorkshop *workshop,
             guint        team_index,
             const char  *pin)
{
  g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (coach, workshop), team_index);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SamWorkshopFile *copy;

  file = sam_workshop_file_new_from_store (coach, workshop, SAM_FILE_KIND_TEAM_PACKET, sam_team_get_uuid (team), &error);
  g_assert_no_error (error);
  if (pin != NULL)
    sam_workshop_file_set_pin (file, pin);

  /* Through its bytes, as it travels on a USB stick. */
  bytes = sam_workshop_file_to_bytes (file);
  copy = sam_workshop_file_load_bytes (bytes, "packet.samenspel", &error);
  g_assert_no_error (error);
  return copy;
}

/* The coach's store with the sample workshop, and a team's laptop. */
typedef struct
{
  SamStore *coach;
  SamStore *laptop;
  SamWorkshop *workshop;
  /* With fixture_set_up_merge: the workshop as a file, then the packets
   * of its first two teams (PINs 1111 and 2222). */
  GBytes *whole;
  SamWorkshopFile *packet_a;
  SamWorkshopFile *packet_b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->coach = sam_store_open_in_memory (&error);
  g_assert_no_error (error);
  fixture->laptop = sam_store_open_in_memory (&error);
  g_assert_no_error (error);
  fixture->workshop = sam_sample_workshop_new (fixture->coach, "Acme");
}

static void
fixture_set_up_merge (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) whole = NULL;

  fixture_set_up (fixture, data);
  whole = sam_workshop_file_new_from_store (fixture->coach, fixture->workshop, SAM_FILE_KIND_WORKSHOP, NULL, &error);
  g_assert_no_error (error);
  fixture->whole = sam_workshop_file_to_bytes (whole);
  fixture->packet_a = make_packet (fixture->coach, fixture->workshop, 0, "1111");
  fixture->packet_b = make_packet (fixture->coach, fixture->workshop, 1, "2222");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->packet_b);
  g_clear_object (&fixture->packet_a);
  g_clear_pointer (&fixture->whole, g_bytes_unref);
  g_clear_object (&fixture->laptop);
  g_clear_object (&fixture->coach);
}

static SamWorkshop *
import_packet (SamStore        *laptop,
               SamWorkshopFile *packet)
{
  g_autoptr(GError) error = NULL;
  SamWorkshop *copy = sam_workshop_file_import (packet, laptop, &error);

  g_assert_no_error (error);
  return copy;
}

/* (transfer none): the team of @workshop whose name, or uuid, @get gives
 * as @value. */
static SamTeam *
team_where (SamStore    *store,
            SamWorkshop *workshop,
            const char  *(*get) (SamTeam *team),
            const char  *value)
{
  GListModel *teams = sam_store_get_teams (store, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (g_strcmp0 (get (team), value) == 0)
        return team;
    }

  g_assert_not_reached ();
}

/* (transfer none): the team whose packet @copy is, on its laptop. */
static SamTeam *
packet_team (SamStore    *laptop,
             SamWorkshop *copy)
{
  g_autofree char *team_uuid = NULL;

  g_assert_true (sam_store_get_packet_team (laptop, copy, &team_uuid));
  return team_where (laptop, copy, sam_team_get_uuid, team_uuid);
}

static void
test_packet_pin (Fixture       *fixture,
                 gconstpointer  data)
{
  SamStore *laptop = fixture->laptop;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) packet = make_packet (fixture->coach, fixture->workshop, 1, "2580");
  g_autoptr(GBytes) bytes = sam_workshop_file_to_bytes (packet);
  SamWorkshop *copy;

  g_assert_true (sam_workshop_file_has_pin (packet));
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "2580\""));

  copy = import_packet (laptop, packet);
  g_assert_true (sam_store_get_packet_pin (laptop, copy, NULL, NULL, NULL));
  g_assert_true (sam_store_check_packet_pin (laptop, copy, "2580"));
  g_assert_false (sam_store_check_packet_pin (laptop, copy, "0000"));

  /* Team mode: one workshop at a time, remembered in the database. */
  g_assert_null (sam_store_find_team_mode (laptop));
  g_assert_true (sam_store_set_team_mode (laptop, copy, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_find_team_mode (laptop) == copy);
  g_assert_true (sam_store_set_team_mode (laptop, copy, FALSE, &error));
  g_assert_null (sam_store_find_team_mode (laptop));
}

/* A packet's workshop whose day is over is offered for removal; forgetting
 * it takes its data along. */
static void
test_forget (Fixture       *fixture,
             gconstpointer  data)
{
  SamStore *laptop = fixture->laptop;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) packet = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GPtrArray) none = NULL;
  SamWorkshop *copy;

  g_assert_true (sam_store_set_workshop_field (fixture->coach, fixture->workshop, SAM_WORKSHOP_FIELD_DATE, "2026-11-20",
                                               &error));
  packet = make_packet (fixture->coach, fixture->workshop, 0, NULL);
  copy = import_packet (laptop, packet);
  sam_store_create_workshop (laptop, "The laptop's own", &error);
  g_assert_no_error (error);

  none = sam_store_list_past_packets (laptop, "2026-11-20");
  g_assert_cmpuint (none->len, ==, 0);
  past = sam_store_list_past_packets (laptop, "2026-12-05");
  g_assert_cmpuint (past->len, ==, 1);
  g_assert_true (g_ptr_array_index (past, 0) == copy);

  g_assert_true (sam_store_forget_workshop (laptop, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (laptop)), ==, 1);
  g_clear_pointer (&past, g_ptr_array_unref);
  past = sam_store_list_past_packets (laptop, "2026-12-05");
  g_assert_cmpuint (past->len, ==, 0);
}

/* What a team writes on its laptop, as a contribution. */
static SamWorkshopFile *
team_works (SamWorkshopFile *packet,
            const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) laptop = sam_store_open_in_memory (&error);
  SamWorkshop *copy = import_packet (laptop, packet);
  gint64 team_id = sam_team_get_id (packet_team (laptop, copy));
  g_autoptr(SamStep) changes = NULL;
  g_autoptr(SamStep) perspective = NULL;
  SamWorkshopFile *contribution;

  changes = g_list_model_get_item (sam_store_get_steps (laptop, copy), 0);
  perspective = g_list_model_get_item (sam_store_get_steps (laptop, copy), 1);
  {
    SamCardInit change = { "change", team_id, 0, 0, NULL, text, NULL, 0, 0 };
    SamCardInit image = { "perspective", team_id, team_id == 1 ? 2 : 1, 0, "goals", text, NULL, 0, 0 };

    g_assert_nonnull (sam_store_add_card (laptop, changes, &change, &error));
    g_assert_no_error (error);
    g_assert_nonnull (sam_store_add_card (laptop, perspective, &image, &error));
    g_assert_no_error (error);
  }

  contribution = sam_workshop_file_new_contribution (laptop, copy, &error);
  g_assert_no_error (error);
  return contribution;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The workshop as rows keyed by uuid, leaving out the times a merge sets. */
static char *
canonical (SamStore    *store,
           SamWorkshop *workshop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) file = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_WORKSHOP,
                                                                      NULL, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  JsonObject *tables;
  g_autoptr(GList) names = NULL;

  g_assert_no_error (error);
  bytes = sam_workshop_file_to_bytes (file);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  tables = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "tables");
  names = json_object_get_members (tables);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonArray *rows = json_object_get_array_member (tables, l->data);

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);
          g_autoptr(JsonNode) node = NULL;

          json_object_remove_member (row, "modified");
          node = json_node_init_object (json_node_alloc (), row);
          g_ptr_array_add (lines, g_strconcat (l->data, " ", json_to_string (node, FALSE), NULL));
        }
    }

  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static char *
merge_in_order (GBytes          *whole,
                SamWorkshopFile *first,
                SamWorkshopFile *second)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) coach = sam_store_open_in_memory (&error);
  g_autoptr(SamWorkshopFile) file = sam_workshop_file_load_bytes (whole, "acme.samenspel", &error);
  SamWorkshop *workshop = sam_workshop_file_import_as_is (file, coach, &error);

  g_assert_no_error (error);
  g_assert_true (sam_workshop_file_merge (first, coach, &error));
  g_assert_no_error (error);
  g_assert_true (sam_workshop_file_merge (second, coach, &error));
  g_assert_no_error (error);
  /* And once more: nothing changes. */
  g_assert_true (sam_workshop_file_merge (first, coach, &error));
  g_assert_no_error (error);
  return canonical (coach, workshop);
}

static void
test_merge_order (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SamWorkshopFile) work_a = team_works (fixture->packet_a, "Sales: customers want answers the same day");
  g_autoptr(SamWorkshopFile) work_b = team_works (fixture->packet_b, "Back Office: audits every quarter");
  g_autofree char *ab = merge_in_order (fixture->whole, work_a, work_b);
  g_autofree char *ba = merge_in_order (fixture->whole, work_b, work_a);

  g_assert_nonnull (strstr (ab, "customers want answers the same day"));
  g_assert_nonnull (strstr (ab, "audits every quarter"));
  if (g_strcmp0 (ab, ba) != 0)
    {
      g_auto(GStrv) a = g_strsplit (ab, "\n", -1);
      g_auto(GStrv) b = g_strsplit (ba, "\n", -1);

      for (guint i = 0; a[i] != NULL && b[i] != NULL; i++)
        g_assert_cmpstr (a[i], ==, b[i]);
      g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
    }
}

/* The per-step reveal: private kinds only, kept in the step's settings
 * next to what else is there; the brainstorm's is its votes' reveal. */
static void
test_reveal_state (Fixture       *fixture,
                   gconstpointer  data)
{
  SamStore *store = fixture->coach;
  SamWorkshop *workshop = fixture->workshop;
  g_autoptr(GError) error = NULL;
  SamStep *perspective = sam_sample_find_step (store, workshop, "team-perspective");
  SamStep *brainstorm = sam_sample_find_step (store, workshop, "brainstorm");
  SamStep *changes = sam_sample_find_step (store, workshop, "changes");

  g_assert_true (sam_step_kind_is_private ("team-perspective"));
  g_assert_true (sam_step_kind_is_private ("beliefs"));
  g_assert_true (sam_step_kind_is_private ("strengths"));
  g_assert_true (sam_step_kind_is_private ("brainstorm"));
  g_assert_false (sam_step_kind_is_private ("changes"));

  g_assert_false (sam_store_get_step_revealed (store, perspective));
  g_assert_true (sam_store_set_step_revealed (store, perspective, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_get_step_revealed (store, perspective));
  g_assert_nonnull (strstr (sam_step_get_settings (perspective), "\"revealed\":true"));

  g_assert_false (sam_store_get_votes_revealed (store, brainstorm));
  g_assert_true (sam_store_set_step_revealed (store, brainstorm, TRUE, &error));
  g_assert_true (sam_store_get_votes_revealed (store, brainstorm));
  g_assert_true (sam_store_set_votes_revealed (store, brainstorm, FALSE, &error));
  g_assert_false (sam_store_get_step_revealed (store, brainstorm));

  /* A step the room does together has nothing private. */
  g_assert_true (sam_store_get_step_revealed (store, changes));
  g_assert_false (sam_store_set_step_revealed (store, changes, FALSE, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
}

/* The reveal travels with the step in packets; a newer packet of the
 * coach's brings the laptop up to the room (step, reveal, the other
 * teams' answers) without losing what the team typed; the team's
 * contribution never changes the coach's reveal. */
static void
test_catch_up (Fixture       *fixture,
               gconstpointer  data)
{
  SamStore *coach = fixture->coach;
  SamStore *laptop = fixture->laptop;
  SamWorkshop *workshop = fixture->workshop;
  g_autoptr(GError) error = NULL;
  SamStep *coach_perspective = sam_sample_find_step (coach, workshop, "team-perspective");
  g_autoptr(SamWorkshopFile) first = NULL;
  g_autoptr(SamWorkshopFile) second = NULL;
  g_autoptr(SamWorkshopFile) other = NULL;
  g_autoptr(SamWorkshopFile) contribution = NULL;
  g_autoptr(SamTeam) sales = g_list_model_get_item (sam_store_get_teams (coach, workshop), 0);
  g_autoptr(SamTeam) office = g_list_model_get_item (sam_store_get_teams (coach, workshop), 1);
  SamWorkshop *copy;
  SamStep *perspective;
  SamCard *typed;
  guint n_cards;

  g_assert_true (sam_store_set_step_revealed (coach, coach_perspective, TRUE, &error));
  g_assert_true (sam_store_set_step_state (coach, coach_perspective, SAM_STEP_CURRENT, &error));
  g_assert_no_error (error);
  first = make_packet (coach, workshop, 1, NULL);
  copy = import_packet (laptop, first);
  perspective = sam_sample_find_step (laptop, copy, "team-perspective");
  g_assert_true (sam_store_get_step_revealed (laptop, perspective));

  /* The team types; the coach hides the step again, moves the room on and
   * merges another team's answer about Back Office; then a newer packet. */
  {
    SamCardInit init = { "perspective", 0, 0, 0, "goals", "We add: zero errors", NULL, 0, 3 };

    init.team_id = sam_team_get_id (team_where (laptop, copy, sam_team_get_uuid, sam_team_get_uuid (office)));
    init.about_team_id = init.team_id;
    typed = sam_store_add_card (laptop, perspective, &init, &error);
    g_assert_no_error (error);
  }
  g_assert_true (sam_store_set_step_revealed (coach, coach_perspective, FALSE, &error));
  g_assert_true (sam_store_set_step_state (coach, coach_perspective, SAM_STEP_DONE, &error));
  g_assert_true (sam_store_set_step_state (coach, sam_sample_step_at (coach, workshop, 2), SAM_STEP_CURRENT, &error));
  {
    SamCardInit init = { "perspective", sam_team_get_id (sales), sam_team_get_id (office), 0, "needs",
                         "Fewer hand-offs", NULL, 0, 0 };

    g_assert_nonnull (sam_store_add_card (coach, coach_perspective, &init, &error));
    g_assert_no_error (error);
  }
  second = make_packet (coach, workshop, 1, NULL);
  n_cards = g_list_model_get_n_items (sam_store_get_cards (laptop, perspective));

  /* Not this laptop's: another team's packet, or a contribution. */
  other = make_packet (coach, workshop, 2, NULL);
  g_assert_false (sam_workshop_file_catch_up (other, laptop, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_WRONG_KIND);
  g_clear_error (&error);
  contribution = sam_workshop_file_new_contribution (laptop, copy, &error);
  g_assert_no_error (error);
  g_assert_false (sam_workshop_file_catch_up (contribution, laptop, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_WRONG_KIND);
  g_clear_error (&error);

  g_assert_true (sam_workshop_file_catch_up (second, laptop, &error));
  g_assert_no_error (error);
  g_assert_false (sam_store_get_step_revealed (laptop, perspective));
  g_assert_cmpint (sam_step_get_state (perspective), ==, SAM_STEP_DONE);
  g_assert_cmpint (sam_step_get_state (sam_sample_step_at (laptop, copy, 2)), ==, SAM_STEP_CURRENT);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (laptop, perspective)), ==, n_cards + 1);
  g_assert_cmpstr (sam_card_get_text (typed), ==, "We add: zero errors");
  /* Again: nothing changes. */
  g_assert_true (sam_workshop_file_catch_up (second, laptop, &error));
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (laptop, perspective)), ==, n_cards + 1);

  /* The coach reveals; the team's contribution (which still says hidden)
   * leaves the coach's reveal alone: steps are the coach's. */
  g_assert_true (sam_store_set_step_revealed (coach, coach_perspective, TRUE, &error));
  g_clear_object (&contribution);
  contribution = sam_workshop_file_new_contribution (laptop, copy, &error);
  g_assert_true (sam_workshop_file_merge (contribution, coach, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_get_step_revealed (coach, coach_perspective));
}

/* (transfer none): the live idea of @step with @text. */
static SamCard *
idea_with_text (SamStore   *store,
                SamStep    *step,
                const char *text)
{
  GListModel *cards = sam_store_get_cards (store, step);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (sam_card_get_kind (card), "idea") == 0 && g_strcmp0 (sam_card_get_text (card), text) == 0)
        return card;
    }

  g_assert_not_reached ();
}

#define FORM_IDEA "One form for every move, online"
#define REGISTER_IDEA "Read the new address from the city register"
#define CALL_IDEA "Call the customer back within a day"

/* A team's laptop on the brainstorm: the packet brings every team's ideas
 * and only the team's own dots; the team takes back the dot on
 * @take_back (if any) and places one on each of @place. */
static SamWorkshopFile *
team_votes (SamWorkshopFile   *packet,
            const char        *take_back,
            const char *const *place)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) laptop = sam_store_open_in_memory (&error);
  SamWorkshop *copy = import_packet (laptop, packet);
  SamTeam *team = packet_team (laptop, copy);
  const char *team_uuid = sam_team_get_uuid (team);
  JsonArray *votes = sam_workshop_file_get_table (packet, "vote");
  JsonArray *cards = sam_workshop_file_get_table (packet, "card");
  SamStep *brainstorm;
  guint n_ideas = 0;
  SamWorkshopFile *contribution;

  for (guint i = 0; i < json_array_get_length (cards); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (cards, i), "kind"), "idea") == 0)
      n_ideas++;
  g_assert_cmpuint (n_ideas, ==, 3);
  for (guint i = 0; votes != NULL && i < json_array_get_length (votes); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (votes, i), "team"), ==, team_uuid);

  brainstorm = sam_sample_find_step (laptop, copy, "brainstorm");
  if (take_back != NULL)
    {
      g_assert_true (sam_store_take_back_vote (laptop, brainstorm, team, idea_with_text (laptop, brainstorm, take_back),
                                               &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; place[i] != NULL; i++)
    {
      g_assert_true (sam_store_cast_vote (laptop, brainstorm, team, idea_with_text (laptop, brainstorm, place[i]),
                                          &error));
      g_assert_no_error (error);
    }

  contribution = sam_workshop_file_new_contribution (laptop, copy, &error);
  g_assert_no_error (error);
  votes = sam_workshop_file_get_table (contribution, "vote");
  g_assert_cmpuint (json_array_get_length (votes), ==, g_strv_length ((char **) place));
  for (guint i = 0; i < json_array_get_length (votes); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (votes, i), "team"), ==, team_uuid);
  return contribution;
}

/* Dot votes on the teams' laptops: each team's dots come back in its
 * contribution, a dot it took back leaves the coach's workshop too, the
 * other teams' dots (and the coach's) stay, and the two contributions
 * merged in either order, and again, give the same workshop. */
static void
test_votes_merge (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *const sales_places[] = { REGISTER_IDEA, REGISTER_IDEA, NULL };
  const char *const office_places[] = { FORM_IDEA, CALL_IDEA, NULL };
  g_autoptr(SamWorkshopFile) work_a = team_votes (fixture->packet_a, FORM_IDEA, sales_places);
  g_autoptr(SamWorkshopFile) work_b = team_votes (fixture->packet_b, NULL, office_places);
  g_autofree char *ab = merge_in_order (fixture->whole, work_a, work_b);
  g_autofree char *ba = merge_in_order (fixture->whole, work_b, work_a);
  g_autoptr(SamStore) merged = sam_store_open_in_memory (&error);
  g_autoptr(SamWorkshopFile) file = sam_workshop_file_load_bytes (fixture->whole, "acme.samenspel", &error);
  SamWorkshop *copy = sam_workshop_file_import_as_is (file, merged, &error);
  SamStep *brainstorm;
  SamTeam *sales, *office, *it;

  g_assert_no_error (error);
  g_assert_cmpstr (ab, ==, ba);

  g_assert_true (sam_workshop_file_merge (work_a, merged, &error));
  g_assert_no_error (error);
  g_assert_true (sam_workshop_file_merge (work_b, merged, &error));
  g_assert_no_error (error);
  brainstorm = sam_sample_find_step (merged, copy, "brainstorm");
  sales = team_where (merged, copy, sam_team_get_name, "Sales");
  office = team_where (merged, copy, sam_team_get_name, "Back Office");
  it = team_where (merged, copy, sam_team_get_name, "IT");
  g_assert_cmpuint (sam_store_count_idea_votes (merged, brainstorm, idea_with_text (merged, brainstorm, FORM_IDEA), sales),
                    ==, 0);
  g_assert_cmpuint (sam_store_count_idea_votes (merged, brainstorm, idea_with_text (merged, brainstorm, REGISTER_IDEA),
                                                sales), ==, 2);
  g_assert_cmpuint (sam_store_count_idea_votes (merged, brainstorm, idea_with_text (merged, brainstorm, FORM_IDEA), it),
                    ==, 1);
  g_assert_cmpuint (sam_store_count_idea_votes (merged, brainstorm, idea_with_text (merged, brainstorm, FORM_IDEA), NULL),
                    ==, 2);
  g_assert_cmpuint (sam_store_count_team_votes (merged, brainstorm, office), ==, 2);

  /* Merged again: nothing moves. */
  g_assert_true (sam_workshop_file_merge (work_a, merged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sam_store_count_team_votes (merged, brainstorm, sales), ==, 2);
  g_assert_cmpuint (sam_store_count_team_votes (merged, brainstorm, it), ==, 1);
}

static guint
count_rows (SamWorkshopFile *file,
            const char      *table)
{
  JsonArray *rows = sam_workshop_file_get_table (file, table);

  return rows != NULL ? json_array_get_length (rows) : 0;
}

/* The packet for the whole room carries every team's rows, says so in its
 * strict "shared" member, and is passed from team to team; a team's own
 * packet is not, and the two never catch up with each other. */
static void
test_room_packet (Fixture       *fixture,
                  gconstpointer  data)
{
  SamStore *laptop = fixture->laptop;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) team_laptop = sam_store_open_in_memory (&error);
  g_autoptr(SamWorkshopFile) room = sam_workshop_file_new_room_packet (fixture->coach, fixture->workshop, &error);
  g_autoptr(SamWorkshopFile) team = make_packet (fixture->coach, fixture->workshop, 1, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bad_bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SamWorkshopFile) bad = NULL;
  g_autoptr(SamTeam) office = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uuid = NULL;
  SamWorkshop *copy, *team_copy;

  g_assert_no_error (error);
  g_assert_true (sam_workshop_file_get_shared (room));
  g_assert_false (sam_workshop_file_get_shared (team));
  g_assert_cmpuint (count_rows (room, "card"), >, count_rows (team, "card"));

  /* Through its bytes: "shared" is written, and must be true or false. */
  bytes = sam_workshop_file_to_bytes (room);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"shared\""));
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  root = json_node_copy (json_parser_get_root (parser));
  json_object_set_string_member (json_node_get_object (root), "shared", "yes");
  text = json_to_string (root, FALSE);
  bad_bytes = g_bytes_new (text, strlen (text));
  bad = sam_workshop_file_load_bytes (bad_bytes, "room.samenspel", &error);
  g_assert_null (bad);
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.shared"));
  g_clear_error (&error);
  g_clear_pointer (&bad_bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);

  /* Written as major version 2, which an older Samenspel refuses rather
   * than opening it as the first team's packet; a team's own packet stays
   * version 1.  "shared" in a version 1 file is refused. */
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "version"), ==, 2);
  {
    g_autoptr(GBytes) team_bytes = sam_workshop_file_to_bytes (team);
    g_autoptr(JsonParser) team_parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (team_parser, g_bytes_get_data (team_bytes, NULL),
                                               g_bytes_get_size (team_bytes), &error));
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (team_parser)),
                                                 "version"), ==, 1);
  }
  json_object_set_boolean_member (json_node_get_object (root), "shared", TRUE);
  json_object_set_int_member (json_node_get_object (root), "version", 1);
  text = json_to_string (root, FALSE);
  bad_bytes = g_bytes_new (text, strlen (text));
  g_clear_object (&bad);
  bad = sam_workshop_file_load_bytes (bad_bytes, "room.samenspel", &error);
  g_assert_null (bad);
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_clear_error (&error);

  copy = import_packet (laptop, room);
  g_assert_true (sam_store_get_packet_shared (laptop, copy));
  g_assert_true (sam_store_get_packet_team (laptop, copy, &uuid));
  office = g_list_model_get_item (sam_store_get_teams (laptop, copy), 1);
  g_assert_true (sam_store_set_packet_team (laptop, copy, office, &error));
  g_assert_no_error (error);
  g_clear_pointer (&uuid, g_free);
  g_assert_true (sam_store_get_packet_team (laptop, copy, &uuid));
  g_assert_cmpstr (uuid, ==, sam_team_get_uuid (office));

  team_copy = import_packet (team_laptop, team);
  g_assert_false (sam_store_get_packet_shared (team_laptop, team_copy));
  g_assert_false (sam_store_set_packet_team (team_laptop, team_copy, office, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_workshop_file_catch_up (room, team_laptop, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_WRONG_KIND);
  g_clear_error (&error);
  g_assert_false (sam_workshop_file_catch_up (team, laptop, &error));
  g_assert_error (error, SAM_FILE_ERROR, SAM_FILE_ERROR_WRONG_KIND);
  g_clear_error (&error);
  g_assert_true (sam_workshop_file_catch_up (room, laptop, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/team-mode/pin", test_pin);
  g_test_add_func ("/sam/team-mode/suggest-name", test_suggest_name);
  g_test_add ("/sam/team-mode/packet-pin", Fixture, NULL, fixture_set_up, test_packet_pin, fixture_tear_down);
  g_test_add ("/sam/team-mode/forget", Fixture, NULL, fixture_set_up, test_forget, fixture_tear_down);
  g_test_add ("/sam/team-mode/merge-order", Fixture, NULL, fixture_set_up_merge, test_merge_order, fixture_tear_down);
  g_test_add ("/sam/team-mode/reveal-state", Fixture, NULL, fixture_set_up, test_reveal_state, fixture_tear_down);
  g_test_add ("/sam/team-mode/catch-up", Fixture, NULL, fixture_set_up, test_catch_up, fixture_tear_down);
  g_test_add ("/sam/team-mode/room-packet", Fixture, NULL, fixture_set_up, test_room_packet, fixture_tear_down);
  g_test_add ("/sam/team-mode/votes-merge", Fixture, NULL, fixture_set_up_merge, test_votes_merge, fixture_tear_down);

  return g_test_run ();
}
