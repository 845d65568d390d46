/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "map-sample.h"
#include "sam-sample-workshop.h"
#include "sam-store-map.h"
#include "sam-workshop-file.h"

/* For build-aux/bench-cli: writes the map benchmark's graph (100 teams,
 * 1,000 relations, its beliefs and links; map_sample_big()) as a workshop
 * file, the input of `samenspel export --format=map-png`.  No positions
 * are stored, so the command line lays the map out itself, as neato does.
 *
 *   bench-cli-workshop OUT.samenspel */

static SamCard *
add_card (SamStore   *store,
          SamStep    *step,
          const char *kind,
          gint64      team,
          gint64      about,
          const char *text,
          int         value)
{
  SamCardInit init = { kind, team, about, 0, NULL, text, NULL, value, 0 };

  return sam_sample_add_card (store, step, &init);
}

static void
fill_workshop (SamStore    *store,
               SamWorkshop *workshop,
               SamMapModel *model)
{
  g_autoptr(GHashTable) teams = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *nodes = sam_map_model_get_nodes (model);
  GPtrArray *relations = sam_map_model_get_relations (model);
  GPtrArray *beliefs = sam_map_model_get_beliefs (model);
  GPtrArray *links = sam_map_model_get_links (model);
  g_autoptr(GError) error = NULL;
  SamStep *step;

  sam_sample_add_step (store, workshop, "map", "Relationship map", 30, "", "");
  for (guint i = 0; i < nodes->len; i++)
    {
      const SamMapNode *node = g_ptr_array_index (nodes, i);
      SamTeam *team = sam_store_add_team (store, workshop, node->name, &error);

      g_assert_no_error (error);
      sam_store_set_team_people (store, team, node->people, &error);
      g_assert_no_error (error);
      g_hash_table_insert (teams, node->id, GINT_TO_POINTER (sam_team_get_id (team)));
    }

#define TEAM(id) ((gint64) GPOINTER_TO_INT (g_hash_table_lookup (teams, (id))))
  for (guint i = 0; i < relations->len; i++)
    {
      const SamMapRelation *r = g_ptr_array_index (relations, i);
      g_autoptr(SamMapRelationRecord) record = NULL;

      record = sam_store_add_map_relation (store, workshop, NULL, TEAM (r->node_a), TEAM (r->node_b),
                                           r->quality, r->tension, "", &error);
      g_assert_no_error (error);
    }

  step = sam_sample_add_step (store, workshop, "beliefs", "Beliefs", 30, "", "");
  for (guint i = 0; i < beliefs->len; i++)
    {
      const SamMapBelief *b = g_ptr_array_index (beliefs, i);

      add_card (store, step, "belief", TEAM (b->holder), TEAM (b->about), b->text, b->strength);
    }

  step = sam_sample_add_step (store, workshop, "strengths", "Strengths and challenges", 30, "", "");
  for (guint i = 0; i < links->len; i++)
    {
      const SamMapLink *l = g_ptr_array_index (links, i);
      SamCard *from = add_card (store, step, "strength", TEAM (l->from), TEAM (l->from), l->strength, 0);
      SamCard *to = add_card (store, step, "challenge", TEAM (l->to), TEAM (l->to), l->challenge, 0);

      sam_store_add_card_link (store, step, "potential", from, to, "", &error);
      g_assert_no_error (error);
    }
#undef TEAM
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SamMapModel) model = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamWorkshopFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  SamWorkshop *workshop;

  if (argc != 2)
    {
      g_printerr ("usage: %s OUT.samenspel\n", argv[0]);
      return 2;
    }

  dir = g_dir_make_tmp ("sam-bench-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "bench.db", NULL);
  store = sam_store_open (db, &error);
  g_assert_no_error (error);

  workshop = sam_store_create_workshop (store, "Benchmark: 100 teams", &error);
  g_assert_no_error (error);
  model = map_sample_big (100, 1000);
  fill_workshop (store, workshop, model);

  file = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_WORKSHOP, NULL, &error);
  g_assert_no_error (error);
  out = g_file_new_for_commandline_arg (argv[1]);
  sam_workshop_file_save (file, out, NULL, &error);
  g_assert_no_error (error);

  g_clear_object (&store);
  for (const char *const *s = (const char *const[]) { "", "-wal", "-shm", NULL }; *s; s++)
    {
      g_autofree char *path = g_strconcat (db, *s, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);

  return 0;
}
