/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sam-map-model-private.h"

/* Relations, beliefs and links: the edges between the nodes. */

/* A relation's pair of nodes, the same in either order. */
static guint
relation_pair_hash (gconstpointer key)
{
  const SamMapRelation *relation = key;

  return g_str_hash (relation->node_a) ^ g_str_hash (relation->node_b);
}

static gboolean
relation_pair_equal (gconstpointer a,
                     gconstpointer b)
{
  const SamMapRelation *ra = a, *rb = b;

  return (g_str_equal (ra->node_a, rb->node_a) && g_str_equal (ra->node_b, rb->node_b)) ||
         (g_str_equal (ra->node_a, rb->node_b) && g_str_equal (ra->node_b, rb->node_a));
}

static GHashTable *
relation_pairs (SamMapModel *self)
{
  if (self->relation_pairs == NULL)
    {
      self->relation_pairs = g_hash_table_new (relation_pair_hash, relation_pair_equal);
      for (guint i = 0; i < self->relations.items->len; i++)
        g_hash_table_add (self->relation_pairs, g_ptr_array_index (self->relations.items, i));
    }

  return self->relation_pairs;
}

/**
 * sam_map_model_add_relation:
 * @quality: 0 (not yet rated) to 5 (works very well)
 *
 * Adds a relation between two different nodes.  There is at most one
 * relation per pair of nodes.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_map_model_add_relation (SamMapModel    *self,
                            const char     *id,
                            const char     *node_a,
                            const char     *node_b,
                            guint           quality,
                            SamMapTension   tension,
                            GError        **error)
{
  SamMapRelation *relation;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);

  if (!_sam_map_model_check_new_id (self, id, error) || !_sam_map_model_check_node_pair (self, node_a, node_b, error))
    return FALSE;

  if (sam_map_model_find_relation (self, node_a, node_b) != NULL)
    {
      g_set_error_literal (error, SAM_MAP_ERROR, SAM_MAP_ERROR_INVALID,
                           _("These two teams already have a relation"));
      return FALSE;
    }

  relation = g_new0 (SamMapRelation, 1);
  relation->id = g_strdup (id);
  relation->node_a = g_strdup (node_a);
  relation->node_b = g_strdup (node_b);
  relation->quality = MIN (quality, SAM_MAP_QUALITY_MAX);
  relation->tension = CLAMP (tension, SAM_MAP_TENSION_NONE, SAM_MAP_TENSION_HIGH);
  _sam_map_model_element_set_add (&self->relations, relation);
  g_hash_table_add (relation_pairs (self), relation);

  _sam_map_model_emit_changed (self, SAM_MAP_KIND_RELATION, id);

  return TRUE;
}

gboolean
sam_map_model_update_relation (SamMapModel   *self,
                               const char    *id,
                               guint          quality,
                               SamMapTension  tension)
{
  SamMapRelation *relation;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);

  if (!(relation = g_hash_table_lookup (self->relations.by_id, id)))
    return FALSE;

  quality = MIN (quality, SAM_MAP_QUALITY_MAX);
  tension = CLAMP (tension, SAM_MAP_TENSION_NONE, SAM_MAP_TENSION_HIGH);
  if (relation->quality != quality || relation->tension != tension)
    {
      relation->quality = quality;
      relation->tension = tension;
      _sam_map_model_emit_changed (self, SAM_MAP_KIND_RELATION, id);
    }

  return TRUE;
}

gboolean
sam_map_model_remove_relation (SamMapModel *self,
                               const char  *id)
{
  SamMapRelation *relation;
  g_autofree char *relation_id = NULL;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);

  if (!(relation = g_hash_table_lookup (self->relations.by_id, id)))
    return FALSE;

  relation_id = g_strdup (id);
  if (self->relation_pairs != NULL)
    g_hash_table_remove (self->relation_pairs, relation);
  _sam_map_model_element_set_remove (&self->relations, relation);
  _sam_map_model_emit_removed (self, SAM_MAP_KIND_RELATION, relation_id);

  return TRUE;
}

const SamMapRelation *
sam_map_model_get_relation (SamMapModel *self,
                            const char  *id)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  return id ? g_hash_table_lookup (self->relations.by_id, id) : NULL;
}

/**
 * sam_map_model_find_relation:
 *
 * Returns: (nullable): the relation between two nodes, in either order
 */
const SamMapRelation *
sam_map_model_find_relation (SamMapModel *self,
                             const char  *node_a,
                             const char  *node_b)
{
  SamMapRelation probe = { 0 };

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  if (node_a == NULL || node_b == NULL)
    return NULL;

  probe.node_a = (char *) node_a;
  probe.node_b = (char *) node_b;

  return g_hash_table_lookup (relation_pairs (self), &probe);
}

GPtrArray *
sam_map_model_get_relations (SamMapModel *self)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  return self->relations.items;
}

/**
 * sam_map_model_add_belief:
 * @holder: id of the node that holds the belief
 * @about: id of the node the belief is about
 * @text: the statement, e.g. “IT causes the delay”
 * @strength: how strongly it is held, 1..5
 *
 * A belief does not need a relation between the two nodes; the map draws
 * it on the relation when there is one.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_map_model_add_belief (SamMapModel  *self,
                          const char   *id,
                          const char   *holder,
                          const char   *about,
                          const char   *text,
                          guint         strength,
                          GError      **error)
{
  SamMapBelief *belief;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!_sam_map_model_check_new_id (self, id, error) || !_sam_map_model_check_node_pair (self, holder, about, error))
    return FALSE;

  belief = g_new0 (SamMapBelief, 1);
  belief->id = g_strdup (id);
  belief->holder = g_strdup (holder);
  belief->about = g_strdup (about);
  belief->text = g_strdup (text);
  belief->strength = CLAMP (strength, 1, SAM_MAP_STRENGTH_MAX);
  _sam_map_model_element_set_add (&self->beliefs, belief);

  _sam_map_model_emit_changed (self, SAM_MAP_KIND_BELIEF, id);

  return TRUE;
}

gboolean
sam_map_model_update_belief (SamMapModel *self,
                             const char  *id,
                             const char  *text,
                             guint        strength)
{
  SamMapBelief *belief;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!(belief = g_hash_table_lookup (self->beliefs.by_id, id)))
    return FALSE;

  strength = CLAMP (strength, 1, SAM_MAP_STRENGTH_MAX);
  if (g_strcmp0 (belief->text, text) != 0 || belief->strength != strength)
    {
      g_free (belief->text);
      belief->text = g_strdup (text);
      belief->strength = strength;
      _sam_map_model_emit_changed (self, SAM_MAP_KIND_BELIEF, id);
    }

  return TRUE;
}

gboolean
sam_map_model_remove_belief (SamMapModel *self,
                             const char  *id)
{
  SamMapBelief *belief;
  g_autofree char *belief_id = NULL;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);

  if (!(belief = g_hash_table_lookup (self->beliefs.by_id, id)))
    return FALSE;

  belief_id = g_strdup (id);
  _sam_map_model_element_set_remove (&self->beliefs, belief);
  _sam_map_model_emit_removed (self, SAM_MAP_KIND_BELIEF, belief_id);

  return TRUE;
}

const SamMapBelief *
sam_map_model_get_belief (SamMapModel *self,
                          const char  *id)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  return id ? g_hash_table_lookup (self->beliefs.by_id, id) : NULL;
}

GPtrArray *
sam_map_model_get_beliefs (SamMapModel *self)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  return self->beliefs.items;
}

/**
 * sam_map_model_list_beliefs:
 * @holder: (nullable): only beliefs held by this node
 * @about: (nullable): only beliefs about this node
 *
 * Returns: (transfer container) (element-type SamMapBelief): the matching
 *   beliefs, owned by the model
 */
GPtrArray *
sam_map_model_list_beliefs (SamMapModel *self,
                            const char  *holder,
                            const char  *about)
{
  GPtrArray *result;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  result = g_ptr_array_new ();
  for (guint i = 0; i < self->beliefs.items->len; i++)
    {
      SamMapBelief *belief = g_ptr_array_index (self->beliefs.items, i);

      if ((holder == NULL || g_str_equal (belief->holder, holder)) &&
          (about == NULL || g_str_equal (belief->about, about)))
        g_ptr_array_add (result, belief);
    }

  return result;
}

/**
 * sam_map_model_count_beliefs:
 *
 * Returns: the number of beliefs between two nodes, in both directions
 */
guint
sam_map_model_count_beliefs (SamMapModel *self,
                             const char  *node_a,
                             const char  *node_b)
{
  guint count = 0;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), 0);

  for (guint i = 0; i < self->beliefs.items->len; i++)
    {
      const SamMapBelief *belief = g_ptr_array_index (self->beliefs.items, i);

      if ((g_str_equal (belief->holder, node_a) && g_str_equal (belief->about, node_b)) ||
          (g_str_equal (belief->holder, node_b) && g_str_equal (belief->about, node_a)))
        count++;
    }

  return count;
}

/**
 * sam_map_model_add_link:
 * @from: id of the node whose strength can help
 * @to: id of the node with the challenge
 * @strength: the strength, e.g. “knows the customers”
 * @challenge: the challenge it helps, e.g. “requirements arrive late”
 *
 * Returns: %TRUE on success
 */
gboolean
sam_map_model_add_link (SamMapModel  *self,
                        const char   *id,
                        const char   *from,
                        const char   *to,
                        const char   *strength,
                        const char   *challenge,
                        GError      **error)
{
  SamMapLink *link;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);
  g_return_val_if_fail (strength != NULL && challenge != NULL, FALSE);

  if (!_sam_map_model_check_new_id (self, id, error) || !_sam_map_model_check_node_pair (self, from, to, error))
    return FALSE;

  link = g_new0 (SamMapLink, 1);
  link->id = g_strdup (id);
  link->from = g_strdup (from);
  link->to = g_strdup (to);
  link->strength = g_strdup (strength);
  link->challenge = g_strdup (challenge);
  _sam_map_model_element_set_add (&self->links, link);

  _sam_map_model_emit_changed (self, SAM_MAP_KIND_LINK, id);

  return TRUE;
}

gboolean
sam_map_model_update_link (SamMapModel *self,
                           const char  *id,
                           const char  *strength,
                           const char  *challenge)
{
  SamMapLink *link;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);
  g_return_val_if_fail (strength != NULL && challenge != NULL, FALSE);

  if (!(link = g_hash_table_lookup (self->links.by_id, id)))
    return FALSE;

  if (g_strcmp0 (link->strength, strength) != 0 || g_strcmp0 (link->challenge, challenge) != 0)
    {
      g_free (link->strength);
      g_free (link->challenge);
      link->strength = g_strdup (strength);
      link->challenge = g_strdup (challenge);
      _sam_map_model_emit_changed (self, SAM_MAP_KIND_LINK, id);
    }

  return TRUE;
}

gboolean
sam_map_model_remove_link (SamMapModel *self,
                           const char  *id)
{
  SamMapLink *link;
  g_autofree char *link_id = NULL;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);

  if (!(link = g_hash_table_lookup (self->links.by_id, id)))
    return FALSE;

  link_id = g_strdup (id);
  _sam_map_model_element_set_remove (&self->links, link);
  _sam_map_model_emit_removed (self, SAM_MAP_KIND_LINK, link_id);

  return TRUE;
}

const SamMapLink *
sam_map_model_get_link (SamMapModel *self,
                        const char  *id)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  return id ? g_hash_table_lookup (self->links.by_id, id) : NULL;
}

GPtrArray *
sam_map_model_get_links (SamMapModel *self)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  return self->links.items;
}
