/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-sample-workshop.h"
#include "sam-store.h"
#include "sam-store-map.h"

typedef struct
{
  SamStore    *store;
  SamWorkshop *workshop;
  SamTeam     *sales;
  SamTeam     *it;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = sam_sample_open_two_teams ("map.db", "Map", &f->workshop, &f->sales, &f->it);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

/* Closes the store and opens the file again; returns the same workshop. */
static SamWorkshop *
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (sam_store_get_path (f->store));
  g_autofree char *uuid = g_strdup (sam_workshop_get_uuid (f->workshop));

  g_clear_object (&f->store);
  f->store = sam_store_open (path, &error);
  g_assert_no_error (error);
  f->workshop = sam_store_find_workshop (f->store, uuid);
  g_assert_nonnull (f->workshop);

  return f->workshop;
}

static const SamMapPlacement *
placement_of (GArray *placements,
              gint64  team_id)
{
  for (guint i = 0; i < placements->len; i++)
    if (g_array_index (placements, SamMapPlacement, i).team_id == team_id)
      return &g_array_index (placements, SamMapPlacement, i);

  g_error ("No placement for team %" G_GINT64_FORMAT, team_id);
}

static void
test_placements (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) placements = NULL;
  gint64 sales = sam_team_get_id (f->sales);
  SamMapPlacement first[] = {
    { sales, 10.5, 20.25, FALSE },
    { 0, -30, 40, TRUE },
  };
  SamMapPlacement second[] = { { sales, 100, 200, TRUE } };
  const SamMapPlacement *p;

  placements = sam_store_list_map_placements (f->store, f->workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (placements->len, ==, 0);
  g_clear_pointer (&placements, g_array_unref);

  g_assert_true (sam_store_set_map_placements (f->store, f->workshop, first, 2, &error));
  g_assert_no_error (error);
  /* Storing again updates the same rows. */
  g_assert_true (sam_store_set_map_placements (f->store, f->workshop, second, 1, &error));
  g_assert_no_error (error);

  reopen (f);
  placements = sam_store_list_map_placements (f->store, f->workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (placements->len, ==, 2);
  p = placement_of (placements, sales);
  g_assert_cmpfloat_with_epsilon (p->x, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->y, 200, 1e-9);
  g_assert_true (p->pinned);
  p = placement_of (placements, 0);
  g_assert_cmpfloat_with_epsilon (p->x, -30, 1e-9);
  g_assert_true (p->pinned);
}

static SamMapRelationRecord *
relation_of (GPtrArray  *relations,
             const char *uuid)
{
  for (guint i = 0; i < relations->len; i++)
    {
      SamMapRelationRecord *r = g_ptr_array_index (relations, i);

      if (g_str_equal (r->uuid, uuid))
        return r;
    }

  g_error ("No relation %s", uuid);
}

static void
test_relations (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMapRelationRecord) made = NULL;
  g_autoptr(SamMapRelationRecord) customer = NULL;
  g_autoptr(SamMapRelationRecord) refused = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *uuid = NULL;
  SamMapRelationRecord *r;
  gint64 batch = 0;
  gint64 modified = sam_workshop_get_modified (f->workshop);

  made = sam_store_add_map_relation (f->store, f->workshop, "rel-1", sam_team_get_id (f->sales),
                                     sam_team_get_id (f->it), 2, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (made->uuid, ==, "rel-1");
  customer = sam_store_add_map_relation (f->store, f->workshop, NULL, 0, sam_team_get_id (f->it),
                                         0, 0, "Waits for IT", &error);
  g_assert_no_error (error);
  uuid = g_strdup (customer->uuid);
  g_assert_cmpint (sam_workshop_get_modified (f->workshop), >=, modified);

  /* A team cannot relate to itself; values stay in range. */
  refused = sam_store_add_map_relation (f->store, f->workshop, NULL, sam_team_get_id (f->it),
                                        sam_team_get_id (f->it), 0, 0, NULL, &error);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_null (refused);
  g_clear_error (&error);
  g_assert_false (sam_store_set_map_relation (f->store, f->workshop, "rel-1", 6, 0, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sam_store_set_map_relation (f->store, f->workshop, "rel-1", 4, 2,
                                             "Better since the stand-up", &error));
  g_assert_no_error (error);

  reopen (f);
  relations = sam_store_list_map_relations (f->store, f->workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 2);
  r = relation_of (relations, "rel-1");
  g_assert_cmpuint (r->quality, ==, 4);
  g_assert_cmpuint (r->tension, ==, 2);
  g_assert_cmpstr (r->note, ==, "Better since the stand-up");
  r = relation_of (relations, uuid);
  g_assert_cmpint (r->team_a, ==, 0);
  g_assert_cmpstr (r->note, ==, "Waits for IT");
  g_clear_pointer (&relations, g_ptr_array_unref);

  /* Delete with Undo. */
  g_assert_true (sam_store_trash_map_relation (f->store, f->workshop, "rel-1", &batch, &error));
  g_assert_no_error (error);
  relations = sam_store_list_map_relations (f->store, f->workshop, &error);
  g_assert_cmpuint (relations->len, ==, 1);
  g_clear_pointer (&relations, g_ptr_array_unref);
  g_assert_false (sam_store_set_map_relation (f->store, f->workshop, "rel-1", 1, 0, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_no_error (error);
  relations = sam_store_list_map_relations (f->store, f->workshop, &error);
  g_assert_cmpuint (relations->len, ==, 2);
  g_assert_cmpuint (relation_of (relations, "rel-1")->quality, ==, 4);
}

static void
test_team_trash (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(SamMapRelationRecord) a = NULL;
  g_autoptr(SamMapRelationRecord) b = NULL;
  g_autoptr(SamMapRelationRecord) c = NULL;
  SamTeam *hr = sam_store_add_team (f->store, f->workshop, "HR", &error);
  /* The live team objects go with their rows: keep the ids. */
  gint64 sales = sam_team_get_id (f->sales), it = sam_team_get_id (f->it);
  gint64 hr_id = sam_team_get_id (hr);
  gint64 batch = 0;

  a = sam_store_add_map_relation (f->store, f->workshop, NULL, sales, it, 3, 0, NULL, &error);
  b = sam_store_add_map_relation (f->store, f->workshop, NULL, it, 0, 2, 2, NULL, &error);
  c = sam_store_add_map_relation (f->store, f->workshop, NULL, sales, hr_id, 5, 0, NULL, &error);
  g_assert_no_error (error);

  /* The coach is told what goes with the team. */
  g_assert_cmpuint (sam_store_count_team_content (f->store, f->it), ==, 2);
  g_assert_cmpuint (sam_store_count_team_content (f->store, hr), ==, 1);

  g_assert_true (sam_store_trash_team (f->store, f->it, &batch, &error));
  g_assert_no_error (error);
  relations = sam_store_list_map_relations (f->store, f->workshop, &error);
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_cmpstr (((SamMapRelationRecord *) g_ptr_array_index (relations, 0))->uuid, ==, c->uuid);
  g_clear_pointer (&relations, g_ptr_array_unref);

  /* Undo brings the team's relations back with it. */
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  g_assert_no_error (error);
  relations = sam_store_list_map_relations (f->store, f->workshop, &error);
  g_assert_cmpuint (relations->len, ==, 3);
  relation_of (relations, a->uuid);
  g_assert_cmpuint (relation_of (relations, b->uuid)->tension, ==, 2);
  g_clear_pointer (&relations, g_ptr_array_unref);

  /* A relation with a team that is gone cannot be made. */
  g_assert_true (sam_store_trash_team (f->store, hr, NULL, &error));
  g_assert_null (sam_store_add_map_relation (f->store, f->workshop, NULL, it, hr_id, 0, 0, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Purged for good at the next start. */
  g_assert_true (sam_store_purge_trash (f->store, &error));
  g_assert_no_error (error);
  relations = sam_store_list_map_relations (f->store, f->workshop, &error);
  g_assert_cmpuint (relations->len, ==, 2);
}

static void
test_snapshots (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMapSnapshotRecord) start = NULL;
  g_autoptr(SamMapSnapshotRecord) end = NULL;
  g_autoptr(SamMapSnapshotRecord) empty = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  SamMapSnapshotRecord *s;
  gint64 batch = 0;

  start = sam_store_add_map_snapshot (f->store, f->workshop, "  Start of the day ", "{\"version\":1}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (start->label, ==, "Start of the day");
  end = sam_store_add_map_snapshot (f->store, f->workshop, "End of the day", "{\"version\":2}", &error);
  g_assert_no_error (error);
  empty = sam_store_add_map_snapshot (f->store, f->workshop, "   ", "{}", &error);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_null (empty);
  g_clear_error (&error);

  reopen (f);
  snapshots = sam_store_list_map_snapshots (f->store, f->workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 2);
  s = g_ptr_array_index (snapshots, 0);
  g_assert_cmpstr (s->uuid, ==, start->uuid);
  g_assert_cmpstr (s->label, ==, "Start of the day");
  g_assert_cmpstr (s->json, ==, "{\"version\":1}");
  g_assert_cmpint (s->created, >, 0);
  s = g_ptr_array_index (snapshots, 1);
  g_assert_cmpstr (s->json, ==, "{\"version\":2}");
  g_clear_pointer (&snapshots, g_ptr_array_unref);

  g_assert_true (sam_store_trash_map_snapshot (f->store, f->workshop, start->uuid, &batch, &error));
  g_assert_no_error (error);
  snapshots = sam_store_list_map_snapshots (f->store, f->workshop, &error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  g_clear_pointer (&snapshots, g_ptr_array_unref);
  g_assert_true (sam_store_restore_trash (f->store, batch, &error));
  snapshots = sam_store_list_map_snapshots (f->store, f->workshop, &error);
  g_assert_cmpuint (snapshots->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sam/store/map/placements", Fixture, NULL, fixture_set_up, test_placements, fixture_tear_down);
  g_test_add ("/sam/store/map/relations", Fixture, NULL, fixture_set_up, test_relations, fixture_tear_down);
  g_test_add ("/sam/store/map/team-trash", Fixture, NULL, fixture_set_up, test_team_trash, fixture_tear_down);
  g_test_add ("/sam/store/map/snapshots", Fixture, NULL, fixture_set_up, test_snapshots, fixture_tear_down);

  return g_test_run ();
}
