/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "map-sample.h"
#include "sam-map-model.h"

typedef struct
{
  GPtrArray *log;
  guint      positions;
} Recorder;

static void
on_changed (SamMapModel *model,
            SamMapKind   kind,
            const char  *id,
            Recorder    *rec)
{
  g_ptr_array_add (rec->log, g_strdup_printf ("changed %d %s", kind, id));
}

static void
on_removed (SamMapModel *model,
            SamMapKind   kind,
            const char  *id,
            Recorder    *rec)
{
  g_ptr_array_add (rec->log, g_strdup_printf ("removed %d %s", kind, id));
}

static void
on_positions (SamMapModel *model,
              Recorder    *rec)
{
  rec->positions++;
}

static void
recorder_attach (Recorder    *rec,
                 SamMapModel *model)
{
  rec->log = g_ptr_array_new_with_free_func (g_free);
  rec->positions = 0;
  g_signal_connect (model, "changed", G_CALLBACK (on_changed), rec);
  g_signal_connect (model, "removed", G_CALLBACK (on_removed), rec);
  g_signal_connect (model, "positions-changed", G_CALLBACK (on_positions), rec);
}

static gboolean
logged (Recorder   *rec,
        const char *line)
{
  for (guint i = 0; i < rec->log->len; i++)
    if (g_str_equal (g_ptr_array_index (rec->log, i), line))
      return TRUE;

  return FALSE;
}

static void
test_crud_and_signals (void)
{
  g_autoptr(SamMapModel) model = sam_map_model_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) beliefs = NULL;
  const SamMapRelation *relation;
  Recorder rec;
  double x, y;

  recorder_attach (&rec, model);

  g_assert_true (sam_map_model_add_node (model, "s", "Sales", SAM_MAP_NODE_TEAM, 0, 10, &error));
  g_assert_true (sam_map_model_add_node (model, "i", "IT", SAM_MAP_NODE_TEAM, 1, 8, &error));
  g_assert_true (sam_map_model_add_node (model, "c", "Customer", SAM_MAP_NODE_CUSTOMER, 0, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sam_map_model_get_nodes (model)->len, ==, 3);
  g_assert_true (logged (&rec, "changed 1 s"));

  /* duplicate ids and bad pairs are refused */
  g_assert_false (sam_map_model_add_node (model, "s", "Again", SAM_MAP_NODE_TEAM, 0, 1, &error));
  g_assert_error (error, SAM_MAP_ERROR, SAM_MAP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_map_model_add_relation (model, "r0", "s", "s", 1, 0, &error));
  g_assert_error (error, SAM_MAP_ERROR, SAM_MAP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_map_model_add_relation (model, "r0", "s", "nobody", 1, 0, &error));
  g_clear_error (&error);

  g_assert_true (sam_map_model_add_relation (model, "r1", "s", "i", 2, SAM_MAP_TENSION_HIGH, &error));
  g_assert_false (sam_map_model_add_relation (model, "r2", "i", "s", 2, 0, &error));
  g_clear_error (&error);
  relation = sam_map_model_find_relation (model, "i", "s");
  g_assert_nonnull (relation);
  g_assert_cmpstr (relation->id, ==, "r1");

  g_assert_true (sam_map_model_update_relation (model, "r1", 4, SAM_MAP_TENSION_SOME));
  g_assert_cmpuint (relation->quality, ==, 4);
  g_assert_cmpint (relation->tension, ==, SAM_MAP_TENSION_SOME);
  g_assert_true (logged (&rec, "changed 2 r1"));

  g_assert_true (sam_map_model_add_belief (model, "b1", "s", "i", "IT causes the delay", 4, NULL));
  g_assert_true (sam_map_model_add_belief (model, "b2", "i", "s", "Sales promises too much", 9, NULL));
  g_assert_cmpuint (sam_map_model_get_belief (model, "b2")->strength, ==, 5);
  g_assert_cmpuint (sam_map_model_count_beliefs (model, "s", "i"), ==, 2);
  beliefs = sam_map_model_list_beliefs (model, "s", NULL);
  g_assert_cmpuint (beliefs->len, ==, 1);
  g_assert_true (sam_map_model_update_belief (model, "b1", "IT is slow", 3));
  g_assert_cmpstr (sam_map_model_get_belief (model, "b1")->text, ==, "IT is slow");

  g_assert_true (sam_map_model_add_link (model, "l1", "c", "s", "Honest feedback", "Knowing needs", NULL));
  g_assert_true (sam_map_model_update_link (model, "l1", "Feedback", "Needs"));
  g_assert_cmpstr (sam_map_model_get_link (model, "l1")->challenge, ==, "Needs");

  /* positions are silent until committed; pinning is a change */
  g_ptr_array_set_size (rec.log, 0);
  g_assert_true (sam_map_model_set_node_position (model, "s", 10, 20));
  g_assert_cmpuint (rec.log->len, ==, 0);
  sam_map_model_commit_positions (model);
  g_assert_cmpuint (rec.positions, ==, 1);
  g_assert_true (sam_map_model_get_node_position (model, "s", &x, &y));
  g_assert_cmpfloat (x, ==, 10);
  g_assert_cmpfloat (y, ==, 20);
  g_assert_true (sam_map_model_set_node_pinned (model, "s", TRUE));
  g_assert_true (logged (&rec, "changed 1 s"));

  g_assert_true (sam_map_model_update_node (model, "s", "Sales & Marketing", 2, 12));
  g_assert_cmpstr (sam_map_model_get_node (model, "s")->name, ==, "Sales & Marketing");

  /* removing a node removes what hangs on it, each with a signal */
  g_ptr_array_set_size (rec.log, 0);
  g_assert_true (sam_map_model_remove_node (model, "s"));
  g_assert_true (logged (&rec, "removed 2 r1"));
  g_assert_true (logged (&rec, "removed 3 b1"));
  g_assert_true (logged (&rec, "removed 3 b2"));
  g_assert_true (logged (&rec, "removed 4 l1"));
  g_assert_true (logged (&rec, "removed 1 s"));
  g_assert_cmpuint (sam_map_model_get_relations (model)->len, ==, 0);
  g_assert_cmpuint (sam_map_model_get_beliefs (model)->len, ==, 0);
  g_assert_cmpuint (sam_map_model_get_links (model)->len, ==, 0);
  g_assert_false (sam_map_model_remove_node (model, "s"));
  g_assert_null (sam_map_model_get_node (model, "s"));

  g_assert_true (sam_map_model_remove (model, SAM_MAP_KIND_NODE, "i"));
  sam_map_model_clear (model);
  g_assert_cmpuint (sam_map_model_get_nodes (model)->len, ==, 0);

  g_ptr_array_unref (rec.log);
}

static void
test_new_id (void)
{
  g_autofree char *a = sam_map_new_id ();
  g_autofree char *b = sam_map_new_id ();

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpstr (a, !=, b);
}

static void
test_words (void)
{
  g_assert_cmpstr (sam_map_quality_to_string (0), ==, "Not yet rated");
  g_assert_cmpstr (sam_map_quality_to_string (5), ==, "Works very well");
  g_assert_cmpstr (sam_map_tension_to_string (SAM_MAP_TENSION_HIGH), ==, "High tension");
}

static void
test_copy (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autoptr(SamMapModel) copy = sam_map_model_copy (model);
  g_autofree char *a = sam_map_model_to_json (model);
  g_autofree char *b = sam_map_model_to_json (copy);

  g_assert_cmpstr (a, ==, b);

  /* the copy is independent */
  sam_map_model_update_relation (copy, "sales-it", 5, SAM_MAP_TENSION_NONE);
  g_assert_cmpuint (sam_map_model_get_relation (model, "sales-it")->quality, ==, 2);
}

static void
test_json_round_trip (void)
{
  g_autoptr(SamMapModel) model = map_sample_twelve ();
  g_autoptr(SamMapModel) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  const SamMapNode *node;

  sam_map_model_set_node_pinned (model, "it", TRUE);
  sam_map_model_add_belief (model, "quote", "it", "legal", "Text with \"quotes\", ü and\nnewline", 2, NULL);

  json = sam_map_model_to_json (model);
  loaded = sam_map_model_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  again = sam_map_model_to_json (loaded);
  g_assert_cmpstr (json, ==, again);

  node = sam_map_model_get_node (loaded, "it");
  g_assert_true (node->pinned);
  g_assert_cmpfloat_with_epsilon (node->x, sam_map_model_get_node (model, "it")->x, 1e-9);
  g_assert_cmpint (sam_map_model_get_node (loaded, "customer")->type, ==, SAM_MAP_NODE_CUSTOMER);
  g_assert_cmpstr (sam_map_model_get_belief (loaded, "quote")->text, ==,
                   "Text with \"quotes\", ü and\nnewline");
  g_assert_cmpint (sam_map_model_get_relation (loaded, "sales-backoffice")->tension, ==,
                   SAM_MAP_TENSION_HIGH);
}

static void
test_json_errors (void)
{
  g_autoptr(GError) error = NULL;
  SamMapModel *model;

  model = sam_map_model_new_from_json ("{ not json", &error);
  g_assert_null (model);
  g_assert_error (error, SAM_MAP_ERROR, SAM_MAP_ERROR_PARSE);
  g_clear_error (&error);

  model = sam_map_model_new_from_json ("[1, 2]", &error);
  g_assert_null (model);
  g_assert_error (error, SAM_MAP_ERROR, SAM_MAP_ERROR_PARSE);
  g_clear_error (&error);

  model = sam_map_model_new_from_json ("{\"version\": 99}", &error);
  g_assert_null (model);
  g_assert_error (error, SAM_MAP_ERROR, SAM_MAP_ERROR_PARSE);
  g_clear_error (&error);

  /* a relation to a node that is not there */
  model = sam_map_model_new_from_json ("{\"version\":1,\"nodes\":[{\"id\":\"a\",\"name\":\"A\"}],"
                                       "\"relations\":[{\"id\":\"r\",\"a\":\"a\",\"b\":\"zz\"}]}",
                                       &error);
  g_assert_null (model);
  g_assert_error (error, SAM_MAP_ERROR, SAM_MAP_ERROR_PARSE);
  g_clear_error (&error);

  model = sam_map_model_new_from_json ("{}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_map_model_get_nodes (model)->len, ==, 0);
  g_object_unref (model);
}

static const SamMapRelationChange *
find_change (GPtrArray  *changes,
             const char *a,
             const char *b)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const SamMapRelationChange *c = g_ptr_array_index (changes, i);

      if ((g_str_equal (c->node_a, a) && g_str_equal (c->node_b, b)) ||
          (g_str_equal (c->node_a, b) && g_str_equal (c->node_b, a)))
        return c;
    }

  return NULL;
}

static void
test_compare (void)
{
  g_autoptr(SamMapModel) start = map_sample_twelve ();
  g_autoptr(SamMapModel) end = sam_map_model_copy (start);
  g_autoptr(GPtrArray) changes = NULL;
  const SamMapRelationChange *c;
  g_autofree char *id = NULL;

  map_sample_day_later (end);
  /* a relation drawn again under a new id still matches by its teams */
  sam_map_model_remove_relation (end, "legal-compliance");
  id = sam_map_new_id ();
  sam_map_model_add_relation (end, id, "compliance", "legal", 5, SAM_MAP_TENSION_NONE, NULL);

  changes = sam_map_model_compare (start, end);
  g_assert_cmpuint (changes->len, ==, sam_map_model_get_relations (start)->len + 1);

  c = find_change (changes, "sales", "backoffice");
  g_assert_cmpint (c->change, ==, SAM_MAP_CHANGE_IMPROVED);
  g_assert_cmpuint (c->quality_start, ==, 2);
  g_assert_cmpuint (c->quality_end, ==, 4);
  g_assert_cmpuint (c->beliefs_start, ==, 2);
  g_assert_cmpuint (c->beliefs_end, ==, 2);

  /* tension down alone is an improvement */
  c = find_change (changes, "sales", "it");
  g_assert_cmpint (c->change, ==, SAM_MAP_CHANGE_IMPROVED);

  c = find_change (changes, "operations", "it");
  g_assert_cmpint (c->change, ==, SAM_MAP_CHANGE_WORSENED);
  c = find_change (changes, "finance", "sales");
  g_assert_cmpint (c->change, ==, SAM_MAP_CHANGE_MIXED);
  c = find_change (changes, "management", "compliance");
  g_assert_cmpint (c->change, ==, SAM_MAP_CHANGE_REMOVED);
  g_assert_cmpstr (c->relation_id, ==, "management-compliance");
  c = find_change (changes, "compliance", "it");
  g_assert_cmpint (c->change, ==, SAM_MAP_CHANGE_ADDED);
  c = find_change (changes, "legal", "compliance");
  g_assert_cmpint (c->change, ==, SAM_MAP_CHANGE_UNCHANGED);
  g_assert_cmpstr (c->relation_id, ==, id);
  c = find_change (changes, "marketing", "product");
  g_assert_cmpint (c->change, ==, SAM_MAP_CHANGE_UNCHANGED);

  /* belief counts: a new belief of IT about the back office */
  c = find_change (changes, "backoffice", "it");
  g_assert_cmpuint (c->beliefs_start, ==, 0);
  g_assert_cmpuint (c->beliefs_end, ==, 1);
  g_assert_cmpint (c->change, ==, SAM_MAP_CHANGE_UNCHANGED);
}

static void
test_compare_snapshots_from_json (void)
{
  g_autoptr(SamMapModel) live = map_sample_twelve ();
  g_autofree char *start_json = sam_map_model_to_json (live);
  g_autoptr(SamMapModel) start = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  map_sample_day_later (live);
  start = sam_map_model_new_from_json (start_json, NULL);
  changes = sam_map_model_compare (start, live);
  g_assert_cmpint (find_change (changes, "service", "it")->change, ==, SAM_MAP_CHANGE_IMPROVED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sam/map/model/crud", test_crud_and_signals);
  g_test_add_func ("/sam/map/model/new-id", test_new_id);
  g_test_add_func ("/sam/map/model/words", test_words);
  g_test_add_func ("/sam/map/model/copy", test_copy);
  g_test_add_func ("/sam/map/model/json-round-trip", test_json_round_trip);
  g_test_add_func ("/sam/map/model/json-errors", test_json_errors);
  g_test_add_func ("/sam/map/model/compare", test_compare);
  g_test_add_func ("/sam/map/model/compare-json", test_compare_snapshots_from_json);

  return g_test_run ();
}
