/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-map-model-private.h"

/* Comparing two snapshots of a map, relation by relation. */

void
sam_map_relation_change_free (SamMapRelationChange *change)
{
  if (change == NULL)
    return;

  g_free (change->node_a);
  g_free (change->node_b);
  g_free (change->relation_id);
  g_free (change);
}

static char *
pair_key (const char *a,
          const char *b)
{
  if (strcmp (a, b) > 0)
    {
      const char *tmp = a;
      a = b;
      b = tmp;
    }

  return g_strconcat (a, "\n", b, NULL);
}

static SamMapRelationChange *
change_for (GHashTable           *table,
            GPtrArray            *order,
            const SamMapRelation *relation)
{
  char *key = pair_key (relation->node_a, relation->node_b);
  SamMapRelationChange *change = g_hash_table_lookup (table, key);

  if (change == NULL)
    {
      gboolean swap = strcmp (relation->node_a, relation->node_b) > 0;

      change = g_new0 (SamMapRelationChange, 1);
      change->node_a = g_strdup (swap ? relation->node_b : relation->node_a);
      change->node_b = g_strdup (swap ? relation->node_a : relation->node_b);
      g_hash_table_insert (table, key, change);
      g_ptr_array_add (order, change);
    }
  else
    g_free (key);

  return change;
}

static SamMapChange
classify (const SamMapRelationChange *c)
{
  int quality = 0;
  int tension = (int) c->tension_end - (int) c->tension_start;

  /* A first rating has no earlier value to compare with. */
  if (c->quality_start != SAM_MAP_QUALITY_UNRATED && c->quality_end != SAM_MAP_QUALITY_UNRATED)
    quality = (int) c->quality_end - (int) c->quality_start;

  if ((quality > 0 && tension > 0) || (quality < 0 && tension < 0))
    return SAM_MAP_CHANGE_MIXED;
  if (quality > 0 || tension < 0)
    return SAM_MAP_CHANGE_IMPROVED;
  if (quality < 0 || tension > 0)
    return SAM_MAP_CHANGE_WORSENED;

  return SAM_MAP_CHANGE_UNCHANGED;
}

/**
 * sam_map_model_compare:
 * @start: the map as drawn at the start
 * @end: the map as drawn later
 *
 * Compares the relations of two snapshots, matching them by their pair of
 * node ids (so a relation that was deleted and drawn again still matches).
 *
 * Returns: (transfer full) (element-type SamMapRelationChange): one entry
 *   per pair of nodes with a relation in either snapshot, in the order of
 *   @end's relations followed by those only in @start
 */
GPtrArray *
sam_map_model_compare (SamMapModel *start,
                       SamMapModel *end)
{
  g_autoptr(GHashTable) table = NULL;
  GPtrArray *result;
  GPtrArray *items;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (start), NULL);
  g_return_val_if_fail (SAM_IS_MAP_MODEL (end), NULL);

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_map_relation_change_free);

  items = end->relations.items;
  for (guint i = 0; i < items->len; i++)
    {
      const SamMapRelation *relation = g_ptr_array_index (items, i);
      SamMapRelationChange *change = change_for (table, result, relation);

      change->relation_id = g_strdup (relation->id);
      change->quality_end = relation->quality;
      change->tension_end = relation->tension;
      change->change = SAM_MAP_CHANGE_ADDED;
      change->beliefs_end = sam_map_model_count_beliefs (end, relation->node_a, relation->node_b);
    }

  items = start->relations.items;
  for (guint i = 0; i < items->len; i++)
    {
      const SamMapRelation *relation = g_ptr_array_index (items, i);
      SamMapRelationChange *change = change_for (table, result, relation);

      change->quality_start = relation->quality;
      change->tension_start = relation->tension;
      change->beliefs_start = sam_map_model_count_beliefs (start, relation->node_a,
                                                           relation->node_b);
      if (change->relation_id == NULL)
        {
          change->relation_id = g_strdup (relation->id);
          change->change = SAM_MAP_CHANGE_REMOVED;
        }
      else
        {
          change->change = classify (change);
        }
    }

  return result;
}
