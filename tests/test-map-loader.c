/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-map-layout.h"
#include "sam-map-loader.h"
#include "sam-sample-workshop.h"
#include "sam-store-private.h"
#include "sam-workshop-file.h"

typedef struct
{
  SamStore     *store;
  SamWorkshop  *workshop;
  SamTeam      *sales;
  SamTeam      *it;
  SamMapLoader *loader;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = sam_sample_open_two_teams ("loader.db", "Loader", &f->workshop, &f->sales, &f->it);
  f->loader = sam_map_loader_new (f->store, f->workshop);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->loader);
  g_clear_object (&f->store);
}

/* Lets the loader merge what the store's live lists announced. */
static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static SamCard *
add_card (Fixture    *f,
          SamStep    *step,
          const char *kind,
          SamTeam    *team,
          SamTeam    *about,
          const char *text,
          int         value)
{
  g_autoptr(GError) error = NULL;
  SamCardInit init = {
    .kind = kind,
    .team_id = team ? sam_team_get_id (team) : 0,
    .about_team_id = about ? sam_team_get_id (about) : 0,
    .text = text,
    .value = value,
  };
  SamCard *card = sam_store_add_card (f->store, step, &init, &error);

  g_assert_no_error (error);
  return card;
}

/* A fresh workshop: the map is laid out once and stored, inside the
 * layout box with a margin, the same every time it is read; a team that
 * joins later gets a free spot, not a corner. */
static void
assert_inside_margins (const SamMapNode *node)
{
  double r = sam_map_node_radius (node);

  g_assert_cmpfloat (node->x - r, >=, 40);
  g_assert_cmpfloat (node->y - r, >=, 40);
  g_assert_cmpfloat (node->x + r, <=, 1200 - 40);
  g_assert_cmpfloat (node->y + r, <=, 800 - 40);
}

static void
test_first_layout (Fixture       *f,
                   gconstpointer  data)
{
  const char *names[] = { "Back Office", "Compliance", "Customer Service" };
  SamMapModel *model;
  g_autoptr(SamMapLoader) again = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  SamTeam *late;
  GPtrArray *nodes;

  /* Start over with five teams in the store before the map is read. */
  g_clear_object (&f->loader);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    sam_store_add_team (f->store, f->workshop, names[i], &error);
  g_assert_no_error (error);
  f->loader = sam_map_loader_new (f->store, f->workshop);
  model = sam_map_loader_get_model (f->loader);
  nodes = sam_map_model_get_nodes (model);

  before = sam_store_list_map_placements (f->store, f->workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 6);
  for (guint i = 0; i < nodes->len; i++)
    assert_inside_margins (g_ptr_array_index (nodes, i));
  /* the customer is what the teams work for: it sits in the middle */
  g_assert_cmpfloat (fabs (sam_map_model_get_node (model, SAM_MAP_CUSTOMER_ID)->x - 600), <, 200);

  /* Read again: nothing moves, nothing is laid out anew. */
  again = sam_map_loader_new (f->store, f->workshop);
  for (guint i = 0; i < nodes->len; i++)
    {
      const SamMapNode *a = g_ptr_array_index (nodes, i);
      const SamMapNode *b = sam_map_model_get_node (sam_map_loader_get_model (again), a->id);

      g_assert_cmpfloat (a->x, ==, b->x);
      g_assert_cmpfloat (a->y, ==, b->y);
    }

  late = sam_store_add_team (f->store, f->workshop, "Finance", &error);
  g_assert_no_error (error);
  settle ();
  after = sam_store_list_map_placements (f->store, f->workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 7);
  assert_inside_margins (sam_map_model_get_node (model, sam_team_get_uuid (late)));
  for (guint i = 0; i < nodes->len; i++)
    {
      const SamMapNode *n = g_ptr_array_index (nodes, i);
      const SamMapNode *l = sam_map_model_get_node (model, sam_team_get_uuid (late));

      if (n != l)
        g_assert_cmpfloat (hypot (n->x - l->x, n->y - l->y), >, sam_map_node_radius (n) + sam_map_node_radius (l) + 40);
    }
}

static void
test_without_exercises (Fixture       *f,
                        gconstpointer  data)
{
  SamMapModel *model = sam_map_loader_get_model (f->loader);
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GError) error = NULL;
  const SamMapNode *customer;

  /* Two teams and the customer; nothing else to show yet. */
  g_assert_cmpuint (sam_map_model_get_nodes (model)->len, ==, 3);
  g_assert_cmpuint (sam_map_model_get_beliefs (model)->len, ==, 0);
  g_assert_cmpuint (sam_map_model_get_links (model)->len, ==, 0);
  customer = sam_map_model_get_node (model, SAM_MAP_CUSTOMER_ID);
  g_assert_nonnull (customer);
  g_assert_cmpint (customer->type, ==, SAM_MAP_NODE_CUSTOMER);
  g_assert_cmpstr (sam_map_model_get_node (model, sam_team_get_uuid (f->sales))->name, ==, "Sales");

  /* The first layout is stored, so the map looks the same next time. */
  placements = sam_store_list_map_placements (f->store, f->workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (placements->len, ==, 3);

  /* A team added later joins the map. */
  sam_store_add_team (f->store, f->workshop, "Back office", &error);
  g_assert_no_error (error);
  settle ();
  g_assert_cmpuint (sam_map_model_get_nodes (model)->len, ==, 4);
}

static void
test_beliefs_and_links (Fixture       *f,
                        gconstpointer  data)
{
  SamMapModel *model = sam_map_loader_get_model (f->loader);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  SamStep *beliefs, *strengths;
  SamCard *belief, *strength, *challenge;
  const SamMapBelief *b;
  const SamMapLink *link;
  gint64 batch = 0;

  beliefs = sam_store_add_step (f->store, f->workshop, -1, "beliefs", "Us and them", 20, NULL, NULL, &error);
  g_assert_no_error (error);
  belief = add_card (f, beliefs, "belief", f->sales, f->it, "IT causes the delay", 4);
  add_card (f, beliefs, "belief", f->it, NULL, "The customer wants it yesterday", 2);
  /* Not a belief: left out. */
  add_card (f, beliefs, "note", f->it, f->sales, "Something else", 0);

  strengths = sam_store_add_step (f->store, f->workshop, -1, "strengths", "Strengths", 30, NULL, NULL, &error);
  strength = add_card (f, strengths, "strength", f->it, f->it, "Automates anything", 0);
  challenge = add_card (f, strengths, "challenge", f->it, f->sales, "Quotes take days", 0);
  sam_store_add_card_link (f->store, strengths, "potential", strength, challenge, "", &error);
  g_assert_no_error (error);
  settle ();

  g_assert_cmpuint (sam_map_model_get_beliefs (model)->len, ==, 2);
  b = sam_map_model_get_belief (model, sam_card_get_uuid (belief));
  g_assert_nonnull (b);
  g_assert_cmpstr (b->holder, ==, sam_team_get_uuid (f->sales));
  g_assert_cmpstr (b->about, ==, sam_team_get_uuid (f->it));
  g_assert_cmpuint (b->strength, ==, 4);
  g_assert_cmpuint (sam_map_model_count_beliefs (model, sam_team_get_uuid (f->it), SAM_MAP_CUSTOMER_ID), ==, 1);
  source = sam_map_loader_describe_source (f->loader, sam_card_get_uuid (belief));
  g_assert_nonnull (strstr (source, "Us and them"));

  g_assert_cmpuint (sam_map_model_get_links (model)->len, ==, 1);
  link = g_ptr_array_index (sam_map_model_get_links (model), 0);
  g_assert_cmpstr (link->from, ==, sam_team_get_uuid (f->it));
  g_assert_cmpstr (link->to, ==, sam_team_get_uuid (f->sales));
  g_assert_cmpstr (link->strength, ==, "Automates anything");
  g_assert_cmpstr (link->challenge, ==, "Quotes take days");

  /* An edit of the card shows on the map. */
  g_assert_true (sam_store_set_card_text (f->store, belief, SAM_CARD_FIELD_TEXT, "IT is slow", &error));
  settle ();
  g_assert_cmpstr (sam_map_model_get_belief (model, sam_card_get_uuid (belief))->text, ==, "IT is slow");

  /* Deleting a belief from the map trashes the card; Undo brings it back. */
  g_assert_true (sam_map_loader_delete (f->loader, SAM_MAP_KIND_BELIEF, sam_card_get_uuid (belief),
                                        &batch, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpuint (sam_map_model_get_beliefs (model)->len, ==, 1);
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  settle ();
  g_assert_cmpuint (sam_map_model_get_beliefs (model)->len, ==, 2);

  /* Teams are not removed from the map. */
  g_assert_false (sam_map_loader_delete (f->loader, SAM_MAP_KIND_NODE, sam_team_get_uuid (f->it),
                                         NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
}

static void
test_write_back (Fixture       *f,
                 gconstpointer  data)
{
  SamMapModel *model = sam_map_loader_get_model (f->loader);
  g_autofree char *sales = g_strdup (sam_team_get_uuid (f->sales));
  gint64 sales_id = sam_team_get_id (f->sales);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autoptr(SamMapSnapshotRecord) snapshot = NULL;
  g_autoptr(SamMapModel) frozen = NULL;
  SamMapRelationRecord *r;
  gint64 batch = 0;

  /* What the view does when a relation is drawn. */
  g_assert_true (sam_map_model_add_relation (model, "drawn", sales, SAM_MAP_CUSTOMER_ID, 0,
                                             SAM_MAP_TENSION_NONE, &error));
  relations = sam_store_list_map_relations (f->store, f->workshop, &error);
  g_assert_cmpuint (relations->len, ==, 1);
  r = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (r->uuid, ==, "drawn");
  g_assert_cmpint (r->team_a + r->team_b, ==, sales_id);
  g_clear_pointer (&relations, g_ptr_array_unref);

  g_assert_true (sam_map_loader_set_relation (f->loader, "drawn", 2, SAM_MAP_TENSION_HIGH,
                                              "Promises we cannot keep", &error));
  g_assert_cmpuint (sam_map_model_get_relation (model, "drawn")->quality, ==, 2);
  g_assert_cmpstr (sam_map_loader_get_note (f->loader, "drawn"), ==, "Promises we cannot keep");

  /* A dragged node and a pin are kept. */
  sam_map_model_set_node_position (model, sales, 321, 123);
  sam_map_model_commit_positions (model);
  g_assert_true (sam_map_loader_set_pinned (f->loader, sales, TRUE, &error));
  placements = sam_store_list_map_placements (f->store, f->workshop, &error);
  for (guint i = 0; i < placements->len; i++)
    {
      SamMapPlacement *p = &g_array_index (placements, SamMapPlacement, i);

      if (p->team_id == sales_id)
        {
          g_assert_cmpfloat_with_epsilon (p->x, 321, 1e-9);
          g_assert_true (p->pinned);
        }
    }

  snapshot = sam_map_loader_freeze (f->loader, "Start of the day", &error);
  g_assert_no_error (error);
  frozen = sam_map_loader_load_snapshot (f->loader, snapshot->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_map_model_get_relation (frozen, "drawn")->tension, ==, SAM_MAP_TENSION_HIGH);

  /* Delete with Undo: the relation comes back on the map. */
  g_assert_true (sam_map_loader_delete (f->loader, SAM_MAP_KIND_RELATION, "drawn", &batch, &error));
  g_assert_null (sam_map_model_get_relation (model, "drawn"));
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  settle ();
  g_assert_nonnull (sam_map_model_get_relation (model, "drawn"));
  g_assert_cmpstr (sam_map_loader_get_note (f->loader, "drawn"), ==, "Promises we cannot keep");

  /* A team in the trash takes its relations off the map, Undo returns them. */
  g_assert_true (sam_store_trash_team (f->store, f->sales, &batch, &error));
  settle ();
  g_assert_null (sam_map_model_get_node (model, sales));
  g_assert_cmpuint (sam_map_model_get_relations (model)->len, ==, 0);
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  settle ();
  g_assert_nonnull (sam_map_model_get_relation (model, "drawn"));
  /* The restored team keeps its stored place. */
  g_assert_cmpfloat_with_epsilon (sam_map_model_get_node (model, sales)->x, 321, 1e-9);
}

/* A pin the database refuses (another connection holds the write lock)
 * is taken back in the model, also when a handler of the model's "changed"
 * signal reuses the string the caller passed in, as the map page does
 * with the id of its panel: the loader must not read that string again.
 * (Under AddressSanitizer the map page's panel showed a refused pin as
 * stored.) */
static void
scribble_cb (SamMapModel *model,
             SamMapKind   kind,
             const char  *id,
             char        *caller)
{
  memset (caller, 'x', strlen (caller));
}

static void
test_refused_pin (Fixture       *f,
                  gconstpointer  data)
{
  SamMapModel *model = sam_map_loader_get_model (f->loader);
  const char *sales = sam_team_get_uuid (f->sales);
  g_autofree char *caller = g_strdup (sales);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gulong handler;

  g_assert_false (sam_map_model_get_node (model, sales)->pinned);
  sam_store_set_busy_timeout (f->store, 10);
  g_assert_cmpint (sqlite3_open (sam_store_get_path (f->store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  handler = g_signal_connect (model, "changed", G_CALLBACK (scribble_cb), caller);
  g_assert_false (sam_map_loader_set_pinned (f->loader, caller, TRUE, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_BUSY);
  g_signal_handler_disconnect (model, handler);
  g_assert_false (sam_map_model_get_node (model, sales)->pinned);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  /* Once the lock is gone the pin is kept. */
  g_clear_error (&error);
  g_assert_true (sam_map_loader_set_pinned (f->loader, sales, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sam_map_model_get_node (model, sales)->pinned);
}

/* sam_map_loader_load() reads the same map as sam_map_loader_new(), and
 * says why when it cannot. */
static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  GPtrArray *nodes = sam_map_model_get_nodes (sam_map_loader_get_model (f->loader));
  g_autoptr(SamMapLoader) loaded = NULL;
  g_autoptr(GError) error = NULL;
  SamMapModel *model;

  loaded = sam_map_loader_load (f->store, f->workshop, &error);
  g_assert_no_error (error);
  model = sam_map_loader_get_model (loaded);
  g_assert_cmpuint (nodes->len, ==, 3);
  g_assert_cmpuint (sam_map_model_get_nodes (model)->len, ==, nodes->len);
  for (guint i = 0; i < nodes->len; i++)
    {
      const SamMapNode *a = g_ptr_array_index (nodes, i);
      const SamMapNode *b = sam_map_model_get_node (model, a->id);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpfloat (a->x, ==, b->x);
      g_assert_cmpfloat (a->y, ==, b->y);
    }
  g_assert_finalize_object (g_steal_pointer (&loaded));

  g_assert_true (_sam_store_exec (f->store, "DROP TABLE map_relation;", &error));
  g_assert_no_error (error);
  loaded = sam_map_loader_load (f->store, f->workshop, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
}

/* The map of the workshop written as a file: read straight from the file
 * (the command line's export) and read after importing the file with its
 * uuids must be the same model, element for element and in the same
 * order, positions to the bit. */
static char *
map_of_file (Fixture *f,
             gboolean straight)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamWorkshopFile) out = sam_workshop_file_new_from_store (f->store, f->workshop, SAM_FILE_KIND_WORKSHOP,
                                                                     NULL, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(SamStore) memory = NULL;
  g_autoptr(SamMapLoader) loader = NULL;
  g_autoptr(SamMapModel) model = NULL;
  SamWorkshop *workshop;

  g_assert_no_error (error);
  bytes = sam_workshop_file_to_bytes (out);
  file = sam_workshop_file_load_bytes (bytes, "loader.samenspel", &error);
  g_assert_no_error (error);

  if (straight)
    {
      model = sam_map_loader_load_file (file, &error);
      g_assert_no_error (error);
      return sam_map_model_to_json (model);
    }

  memory = sam_store_open_in_memory (&error);
  g_assert_no_error (error);
  workshop = sam_workshop_file_import_as_is (file, memory, &error);
  g_assert_no_error (error);
  loader = sam_map_loader_load (memory, workshop, &error);
  g_assert_no_error (error);
  return sam_map_model_to_json (sam_map_loader_get_model (loader));
}

static void
assert_file_map_same (Fixture *f)
{
  g_autofree char *straight = map_of_file (f, TRUE);
  g_autofree char *imported = map_of_file (f, FALSE);

  g_assert_cmpstr (straight, ==, imported);
}

static void
test_from_file (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMapRelationRecord) r1 = NULL, r2 = NULL, r3 = NULL;
  SamTeam *office;
  SamStep *beliefs, *more_beliefs, *strengths;
  SamCard *strength, *challenge, *own, *about_it;
  g_autofree char *json = NULL;
  g_autoptr(SamMapModel) model = NULL;

  office = sam_store_add_team (f->store, f->workshop, "Office", &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_set_team_colour (f->store, office, 5, &error));
  g_assert_true (sam_store_set_team_people (f->store, office, 7, &error));
  /* Teams by position, not in the order they were added. */
  g_assert_true (sam_store_move_team (f->store, office, 0, &error));
  g_assert_no_error (error);

  r1 = sam_store_add_map_relation (f->store, f->workshop, NULL, sam_team_get_id (f->sales),
                                   sam_team_get_id (f->it), 4, 1, "", &error);
  r2 = sam_store_add_map_relation (f->store, f->workshop, NULL, sam_team_get_id (office), 0, 2, 2, "", &error);
  r3 = sam_store_add_map_relation (f->store, f->workshop, NULL, sam_team_get_id (office),
                                   sam_team_get_id (f->it), 0, 0, "", &error);
  g_assert_no_error (error);

  beliefs = sam_store_add_step (f->store, f->workshop, -1, "beliefs", "Us and them", 20, NULL, NULL, &error);
  g_assert_no_error (error);
  add_card (f, beliefs, "belief", f->sales, f->it, "IT causes the delay", 4);
  add_card (f, beliefs, "belief", f->it, NULL, "The customer wants it yesterday", 2);
  add_card (f, beliefs, "belief", office, f->sales, "Strength left at 0", 0);
  add_card (f, beliefs, "belief", NULL, f->sales, "Nobody holds this", 3);
  add_card (f, beliefs, "note", f->it, f->sales, "Not a belief", 0);
  strengths = sam_store_add_step (f->store, f->workshop, -1, "strengths", "Strengths", 30, NULL, NULL, &error);
  g_assert_no_error (error);
  strength = add_card (f, strengths, "strength", f->it, f->it, "Automates anything", 0);
  challenge = add_card (f, strengths, "challenge", f->it, f->sales, "Quotes take days", 0);
  own = add_card (f, strengths, "challenge", office, NULL, "Too many forms", 0);
  about_it = add_card (f, strengths, "challenge", f->sales, f->it, "Tickets pile up", 0);
  sam_store_add_card_link (f->store, strengths, "potential", strength, challenge, "", &error);
  sam_store_add_card_link (f->store, strengths, "potential", challenge, own, "", &error);
  /* The same team at both ends, and not a potential: left out. */
  sam_store_add_card_link (f->store, strengths, "potential", strength, about_it, "", &error);
  sam_store_add_card_link (f->store, strengths, "other", strength, own, "", &error);
  g_assert_no_error (error);
  /* A second beliefs step, placed before the first on the agenda. */
  more_beliefs = sam_store_add_step (f->store, f->workshop, 0, "beliefs", "First impressions", 10, NULL, NULL, &error);
  g_assert_no_error (error);
  add_card (f, more_beliefs, "belief", f->it, office, "Office loves paper", 5);
  settle ();

  /* The positions the loader stored for Sales, IT and the customer, and
   * none yet for Office: it gets a free spot among them. */
  assert_file_map_same (f);

  /* Every node placed, one pinned. */
  settle ();
  g_assert_true (sam_map_loader_set_pinned (f->loader, sam_team_get_uuid (office), TRUE, &error));
  g_assert_no_error (error);
  assert_file_map_same (f);

  /* Never laid out: the whole map is. */
  g_assert_true (_sam_store_exec (f->store, "DELETE FROM map_node;", &error));
  g_assert_no_error (error);
  assert_file_map_same (f);

  json = map_of_file (f, TRUE);
  model = sam_map_model_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_map_model_get_nodes (model)->len, ==, 4);
  g_assert_cmpuint (sam_map_model_get_relations (model)->len, ==, 3);
  g_assert_cmpuint (sam_map_model_get_beliefs (model)->len, ==, 4);
  g_assert_cmpuint (sam_map_model_get_links (model)->len, ==, 2);
  g_assert_cmpstr (((SamMapNode *) g_ptr_array_index (sam_map_model_get_nodes (model), 0))->name, ==, "Office");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sam/map/loader/first-layout", Fixture, NULL, fixture_set_up,
              test_first_layout, fixture_tear_down);
  g_test_add ("/sam/map/loader/without-exercises", Fixture, NULL, fixture_set_up,
              test_without_exercises, fixture_tear_down);
  g_test_add ("/sam/map/loader/beliefs-and-links", Fixture, NULL, fixture_set_up,
              test_beliefs_and_links, fixture_tear_down);
  g_test_add ("/sam/map/loader/write-back", Fixture, NULL, fixture_set_up,
              test_write_back, fixture_tear_down);
  g_test_add ("/sam/map/loader/refused-pin", Fixture, NULL, fixture_set_up,
              test_refused_pin, fixture_tear_down);
  g_test_add ("/sam/map/loader/load", Fixture, NULL, fixture_set_up,
              test_load, fixture_tear_down);
  g_test_add ("/sam/map/loader/from-file", Fixture, NULL, fixture_set_up,
              test_from_file, fixture_tear_down);

  return g_test_run ();
}
