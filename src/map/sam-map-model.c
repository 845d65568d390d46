/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sam-map-model.h"

/* The model keeps each kind of element in an array (insertion order, which
 * is also the drawing and Tab order) plus a table from id to element. */
typedef struct
{
  GPtrArray  *items;
  GHashTable *by_id;
} ElementSet;

struct _SamMapModel
{
  GObject     parent_instance;

  ElementSet  nodes;
  ElementSet  relations;
  ElementSet  beliefs;
  ElementSet  links;

  guint64     serial;
  guint64     structure_serial;
};

G_DEFINE_FINAL_TYPE (SamMapModel, sam_map_model, G_TYPE_OBJECT)

G_DEFINE_QUARK (sam-map-error-quark, sam_map_error)

G_DEFINE_ENUM_TYPE (SamMapKind, sam_map_kind,
  G_DEFINE_ENUM_VALUE (SAM_MAP_KIND_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SAM_MAP_KIND_NODE, "node"),
  G_DEFINE_ENUM_VALUE (SAM_MAP_KIND_RELATION, "relation"),
  G_DEFINE_ENUM_VALUE (SAM_MAP_KIND_BELIEF, "belief"),
  G_DEFINE_ENUM_VALUE (SAM_MAP_KIND_LINK, "link"))

G_DEFINE_ENUM_TYPE (SamMapTension, sam_map_tension,
  G_DEFINE_ENUM_VALUE (SAM_MAP_TENSION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SAM_MAP_TENSION_SOME, "some"),
  G_DEFINE_ENUM_VALUE (SAM_MAP_TENSION_HIGH, "high"))

enum {
  CHANGED,
  REMOVED,
  POSITIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
node_free (SamMapNode *node)
{
  g_free (node->id);
  g_free (node->name);
  g_free (node);
}

static void
relation_free (SamMapRelation *relation)
{
  g_free (relation->id);
  g_free (relation->node_a);
  g_free (relation->node_b);
  g_free (relation);
}

static void
belief_free (SamMapBelief *belief)
{
  g_free (belief->id);
  g_free (belief->holder);
  g_free (belief->about);
  g_free (belief->text);
  g_free (belief);
}

static void
link_free (SamMapLink *link)
{
  g_free (link->id);
  g_free (link->from);
  g_free (link->to);
  g_free (link->strength);
  g_free (link->challenge);
  g_free (link);
}

static void
element_set_init (ElementSet     *set,
                  GDestroyNotify  free_func)
{
  set->items = g_ptr_array_new_with_free_func (free_func);
  set->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
element_set_clear (ElementSet *set)
{
  g_clear_pointer (&set->by_id, g_hash_table_unref);
  g_clear_pointer (&set->items, g_ptr_array_unref);
}

/* Every element struct starts with its id. */
static void
element_set_add (ElementSet *set,
                 gpointer    element)
{
  g_ptr_array_add (set->items, element);
  g_hash_table_insert (set->by_id, *(char **) element, element);
}

static void
element_set_remove (ElementSet *set,
                    gpointer    element)
{
  g_hash_table_remove (set->by_id, *(char **) element);
  g_ptr_array_remove (set->items, element);
}

static void
sam_map_model_finalize (GObject *object)
{
  SamMapModel *self = (SamMapModel *) object;

  element_set_clear (&self->links);
  element_set_clear (&self->beliefs);
  element_set_clear (&self->relations);
  element_set_clear (&self->nodes);

  G_OBJECT_CLASS (sam_map_model_parent_class)->finalize (object);
}

static void
sam_map_model_class_init (SamMapModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_map_model_finalize;

  /**
   * SamMapModel::changed:
   * @kind: the #SamMapKind of the element
   * @id: its id
   *
   * An element was added or one of its values changed (for nodes this
   * includes the pinned flag, but not the position: see
   * #SamMapModel::positions-changed).  An owner persists the element.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SAM_TYPE_MAP_KIND, G_TYPE_STRING);

  /**
   * SamMapModel::removed:
   * @kind: the #SamMapKind of the element
   * @id: its id
   *
   * An element was removed.  Removing a node first removes its relations,
   * beliefs and links, each with its own signal.
   */
  signals[REMOVED] =
    g_signal_new ("removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SAM_TYPE_MAP_KIND, G_TYPE_STRING);

  /**
   * SamMapModel::positions-changed:
   *
   * Node positions changed (after a drag, a keyboard move or a layout).
   * Emitted by sam_map_model_commit_positions(), not for every motion.
   */
  signals[POSITIONS_CHANGED] =
    g_signal_new ("positions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sam_map_model_init (SamMapModel *self)
{
  element_set_init (&self->nodes, (GDestroyNotify) node_free);
  element_set_init (&self->relations, (GDestroyNotify) relation_free);
  element_set_init (&self->beliefs, (GDestroyNotify) belief_free);
  element_set_init (&self->links, (GDestroyNotify) link_free);
}

/**
 * sam_map_new_id:
 *
 * Returns: (transfer full): a new random id (a UUID) for a map element.
 */
char *
sam_map_new_id (void)
{
  return g_uuid_string_random ();
}

/**
 * sam_map_quality_to_string:
 * @quality: 0..5
 *
 * Returns: the words for how well two teams work together.
 */
const char *
sam_map_quality_to_string (guint quality)
{
  static const char *words[] = {
    N_("Not yet rated"),
    N_("Works badly"),
    N_("Works with difficulty"),
    N_("Works reasonably"),
    N_("Works well"),
    N_("Works very well"),
  };

  return _(words[MIN (quality, SAM_MAP_QUALITY_MAX)]);
}

const char *
sam_map_tension_to_string (SamMapTension tension)
{
  switch (tension)
    {
    case SAM_MAP_TENSION_SOME:
      return _("Some tension");
    case SAM_MAP_TENSION_HIGH:
      return _("High tension");
    case SAM_MAP_TENSION_NONE:
    default:
      return _("No tension");
    }
}

const char *
sam_map_change_to_string (SamMapChange change)
{
  switch (change)
    {
    case SAM_MAP_CHANGE_ADDED:
      return _("New");
    case SAM_MAP_CHANGE_REMOVED:
      return _("Gone");
    case SAM_MAP_CHANGE_IMPROVED:
      return _("Improved");
    case SAM_MAP_CHANGE_WORSENED:
      return _("Worsened");
    case SAM_MAP_CHANGE_MIXED:
      return _("Changed both ways");
    case SAM_MAP_CHANGE_UNCHANGED:
    default:
      return _("Unchanged");
    }
}

SamMapModel *
sam_map_model_new (void)
{
  return g_object_new (SAM_TYPE_MAP_MODEL, NULL);
}

/**
 * sam_map_model_get_serial:
 *
 * Returns: a number that grows with every change, positions included, so a
 *   renderer knows when its caches are stale.
 */
guint64
sam_map_model_get_serial (SamMapModel *self)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), 0);

  return self->serial;
}

/**
 * sam_map_model_get_structure_serial:
 *
 * Returns: a number that grows with every change except node positions.
 */
guint64
sam_map_model_get_structure_serial (SamMapModel *self)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), 0);

  return self->structure_serial;
}

static void
touch (SamMapModel *self,
       gboolean     structure)
{
  self->serial++;
  if (structure)
    self->structure_serial++;
}

static void
emit_changed (SamMapModel *self,
              SamMapKind   kind,
              const char  *id)
{
  touch (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0, kind, id);
}

static void
emit_removed (SamMapModel *self,
              SamMapKind   kind,
              const char  *id)
{
  touch (self, TRUE);
  g_signal_emit (self, signals[REMOVED], 0, kind, id);
}

static gboolean
check_new_id (SamMapModel  *self,
              const char   *id,
              GError      **error)
{
  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, SAM_MAP_ERROR, SAM_MAP_ERROR_INVALID,
                           _("A map element needs an id"));
      return FALSE;
    }

  if (g_hash_table_contains (self->nodes.by_id, id) ||
      g_hash_table_contains (self->relations.by_id, id) ||
      g_hash_table_contains (self->beliefs.by_id, id) ||
      g_hash_table_contains (self->links.by_id, id))
    {
      g_set_error (error, SAM_MAP_ERROR, SAM_MAP_ERROR_INVALID,
                   _("The map already has an element with id “%s”"), id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_node_pair (SamMapModel  *self,
                 const char   *a,
                 const char   *b,
                 GError      **error)
{
  if (a == NULL || b == NULL ||
      !g_hash_table_contains (self->nodes.by_id, a) ||
      !g_hash_table_contains (self->nodes.by_id, b))
    {
      g_set_error_literal (error, SAM_MAP_ERROR, SAM_MAP_ERROR_INVALID,
                           _("The map has no such team"));
      return FALSE;
    }

  if (g_str_equal (a, b))
    {
      g_set_error_literal (error, SAM_MAP_ERROR, SAM_MAP_ERROR_INVALID,
                           _("A team cannot be connected to itself"));
      return FALSE;
    }

  return TRUE;
}

/* New nodes land on a golden-angle spiral, so that an unlaid-out map is
 * readable and the placement only depends on the number of nodes. */
static void
initial_position (guint   index,
                  double *x,
                  double *y)
{
  double angle = index * 2.39996322972865332;
  double radius = 90.0 * sqrt (index + 0.5);

  *x = 600.0 + radius * cos (angle);
  *y = 400.0 + radius * sin (angle);
}

/**
 * sam_map_model_add_node:
 * @self: a #SamMapModel
 * @id: a unique id, e.g. from sam_map_new_id()
 * @name: the team's name as shown on the map
 * @type: a team or the customer
 * @color: index into the team palette (ignored for the customer)
 * @people: number of people in the team, 0 when unknown
 * @error: return location for a #GError
 *
 * Adds a node at a default position and emits #SamMapModel::changed.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_map_model_add_node (SamMapModel     *self,
                        const char      *id,
                        const char      *name,
                        SamMapNodeType   type,
                        guint            color,
                        guint            people,
                        GError         **error)
{
  SamMapNode *node;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!check_new_id (self, id, error))
    return FALSE;

  node = g_new0 (SamMapNode, 1);
  node->id = g_strdup (id);
  node->name = g_strdup (name);
  node->type = type;
  node->color = color;
  node->people = people;
  initial_position (self->nodes.items->len, &node->x, &node->y);
  element_set_add (&self->nodes, node);

  emit_changed (self, SAM_MAP_KIND_NODE, id);

  return TRUE;
}

/**
 * sam_map_model_update_node:
 *
 * Changes a node's name, colour and number of people; emits
 * #SamMapModel::changed when anything differs.
 *
 * Returns: %FALSE if there is no such node
 */
gboolean
sam_map_model_update_node (SamMapModel *self,
                           const char  *id,
                           const char  *name,
                           guint        color,
                           guint        people)
{
  SamMapNode *node;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);
  g_return_val_if_fail (id != NULL && name != NULL, FALSE);

  if (!(node = g_hash_table_lookup (self->nodes.by_id, id)))
    return FALSE;

  if (g_strcmp0 (node->name, name) == 0 && node->color == color && node->people == people)
    return TRUE;

  g_free (node->name);
  node->name = g_strdup (name);
  node->color = color;
  node->people = people;
  emit_changed (self, SAM_MAP_KIND_NODE, id);

  return TRUE;
}

static gboolean
touches (const char *a,
         const char *b,
         const char *id)
{
  return g_str_equal (a, id) || g_str_equal (b, id);
}

/**
 * sam_map_model_remove_node:
 *
 * Removes a node and everything attached to it: relations, beliefs held by
 * it or about it, and links.  Each removal emits #SamMapModel::removed.
 *
 * Returns: %FALSE if there is no such node
 */
gboolean
sam_map_model_remove_node (SamMapModel *self,
                           const char  *id)
{
  SamMapNode *node;
  g_autofree char *node_id = NULL;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(node = g_hash_table_lookup (self->nodes.by_id, id)))
    return FALSE;

  node_id = g_strdup (id);

  for (guint i = self->links.items->len; i > 0; i--)
    {
      SamMapLink *link = g_ptr_array_index (self->links.items, i - 1);
      if (touches (link->from, link->to, node_id))
        sam_map_model_remove_link (self, link->id);
    }

  for (guint i = self->beliefs.items->len; i > 0; i--)
    {
      SamMapBelief *belief = g_ptr_array_index (self->beliefs.items, i - 1);
      if (touches (belief->holder, belief->about, node_id))
        sam_map_model_remove_belief (self, belief->id);
    }

  for (guint i = self->relations.items->len; i > 0; i--)
    {
      SamMapRelation *relation = g_ptr_array_index (self->relations.items, i - 1);
      if (touches (relation->node_a, relation->node_b, node_id))
        sam_map_model_remove_relation (self, relation->id);
    }

  element_set_remove (&self->nodes, node);
  emit_removed (self, SAM_MAP_KIND_NODE, node_id);

  return TRUE;
}

const SamMapNode *
sam_map_model_get_node (SamMapModel *self,
                        const char  *id)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  return id ? g_hash_table_lookup (self->nodes.by_id, id) : NULL;
}

/**
 * sam_map_model_get_nodes:
 *
 * Returns: (transfer none) (element-type SamMapNode): the nodes in the
 *   order they were added.  Do not modify the array.
 */
GPtrArray *
sam_map_model_get_nodes (SamMapModel *self)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  return self->nodes.items;
}

gboolean
sam_map_model_get_node_position (SamMapModel *self,
                                 const char  *id,
                                 double      *x,
                                 double      *y)
{
  const SamMapNode *node = sam_map_model_get_node (self, id);

  if (node == NULL)
    return FALSE;

  if (x)
    *x = node->x;
  if (y)
    *y = node->y;

  return TRUE;
}

/**
 * sam_map_model_set_node_position:
 *
 * Moves a node without emitting a signal, so a drag or an animation can
 * call it for every frame.  Call sam_map_model_commit_positions() when the
 * move is done.
 *
 * Returns: %FALSE if there is no such node
 */
gboolean
sam_map_model_set_node_position (SamMapModel *self,
                                 const char  *id,
                                 double       x,
                                 double       y)
{
  SamMapNode *node;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);
  g_return_val_if_fail (isfinite (x) && isfinite (y), FALSE);

  if (!(node = g_hash_table_lookup (self->nodes.by_id, id)))
    return FALSE;

  if (node->x != x || node->y != y)
    {
      node->x = x;
      node->y = y;
      touch (self, FALSE);
    }

  return TRUE;
}

/**
 * sam_map_model_commit_positions:
 *
 * Emits #SamMapModel::positions-changed so the owner stores the positions.
 */
void
sam_map_model_commit_positions (SamMapModel *self)
{
  g_return_if_fail (SAM_IS_MAP_MODEL (self));

  g_signal_emit (self, signals[POSITIONS_CHANGED], 0);
}

/**
 * sam_map_model_set_node_pinned:
 *
 * A pinned node keeps its place during an automatic layout.
 *
 * Returns: %FALSE if there is no such node
 */
gboolean
sam_map_model_set_node_pinned (SamMapModel *self,
                               const char  *id,
                               gboolean     pinned)
{
  SamMapNode *node;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);

  if (!(node = g_hash_table_lookup (self->nodes.by_id, id)))
    return FALSE;

  pinned = !!pinned;
  if (node->pinned != pinned)
    {
      node->pinned = pinned;
      emit_changed (self, SAM_MAP_KIND_NODE, id);
    }

  return TRUE;
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

  if (!check_new_id (self, id, error) || !check_node_pair (self, node_a, node_b, error))
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
  element_set_add (&self->relations, relation);

  emit_changed (self, SAM_MAP_KIND_RELATION, id);

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
      emit_changed (self, SAM_MAP_KIND_RELATION, id);
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
  element_set_remove (&self->relations, relation);
  emit_removed (self, SAM_MAP_KIND_RELATION, relation_id);

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
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  if (node_a == NULL || node_b == NULL)
    return NULL;

  for (guint i = 0; i < self->relations.items->len; i++)
    {
      const SamMapRelation *relation = g_ptr_array_index (self->relations.items, i);

      if ((g_str_equal (relation->node_a, node_a) && g_str_equal (relation->node_b, node_b)) ||
          (g_str_equal (relation->node_a, node_b) && g_str_equal (relation->node_b, node_a)))
        return relation;
    }

  return NULL;
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

  if (!check_new_id (self, id, error) || !check_node_pair (self, holder, about, error))
    return FALSE;

  belief = g_new0 (SamMapBelief, 1);
  belief->id = g_strdup (id);
  belief->holder = g_strdup (holder);
  belief->about = g_strdup (about);
  belief->text = g_strdup (text);
  belief->strength = CLAMP (strength, 1, SAM_MAP_STRENGTH_MAX);
  element_set_add (&self->beliefs, belief);

  emit_changed (self, SAM_MAP_KIND_BELIEF, id);

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
      emit_changed (self, SAM_MAP_KIND_BELIEF, id);
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
  element_set_remove (&self->beliefs, belief);
  emit_removed (self, SAM_MAP_KIND_BELIEF, belief_id);

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

  if (!check_new_id (self, id, error) || !check_node_pair (self, from, to, error))
    return FALSE;

  link = g_new0 (SamMapLink, 1);
  link->id = g_strdup (id);
  link->from = g_strdup (from);
  link->to = g_strdup (to);
  link->strength = g_strdup (strength);
  link->challenge = g_strdup (challenge);
  element_set_add (&self->links, link);

  emit_changed (self, SAM_MAP_KIND_LINK, id);

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
      emit_changed (self, SAM_MAP_KIND_LINK, id);
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
  element_set_remove (&self->links, link);
  emit_removed (self, SAM_MAP_KIND_LINK, link_id);

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

/**
 * sam_map_model_remove:
 *
 * Removes an element of any kind (what a Delete key asks for).
 *
 * Returns: %FALSE if there is no such element
 */
gboolean
sam_map_model_remove (SamMapModel *self,
                      SamMapKind   kind,
                      const char  *id)
{
  switch (kind)
    {
    case SAM_MAP_KIND_NODE:
      return sam_map_model_remove_node (self, id);
    case SAM_MAP_KIND_RELATION:
      return sam_map_model_remove_relation (self, id);
    case SAM_MAP_KIND_BELIEF:
      return sam_map_model_remove_belief (self, id);
    case SAM_MAP_KIND_LINK:
      return sam_map_model_remove_link (self, id);
    case SAM_MAP_KIND_NONE:
    default:
      return FALSE;
    }
}

gboolean
sam_map_model_contains (SamMapModel *self,
                        SamMapKind   kind,
                        const char  *id)
{
  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), FALSE);

  if (id == NULL)
    return FALSE;

  switch (kind)
    {
    case SAM_MAP_KIND_NODE:
      return g_hash_table_contains (self->nodes.by_id, id);
    case SAM_MAP_KIND_RELATION:
      return g_hash_table_contains (self->relations.by_id, id);
    case SAM_MAP_KIND_BELIEF:
      return g_hash_table_contains (self->beliefs.by_id, id);
    case SAM_MAP_KIND_LINK:
      return g_hash_table_contains (self->links.by_id, id);
    case SAM_MAP_KIND_NONE:
    default:
      return FALSE;
    }
}

/**
 * sam_map_model_clear:
 *
 * Removes everything, emitting #SamMapModel::removed for each element.
 */
void
sam_map_model_clear (SamMapModel *self)
{
  g_return_if_fail (SAM_IS_MAP_MODEL (self));

  while (self->nodes.items->len > 0)
    {
      SamMapNode *node = g_ptr_array_index (self->nodes.items, self->nodes.items->len - 1);
      sam_map_model_remove_node (self, node->id);
    }
}

/**
 * sam_map_model_copy:
 *
 * Copies every element with the same ids, e.g. to keep a snapshot of the
 * map at the start of the day.  The copy emits no signals while it is made.
 *
 * Returns: (transfer full): a new model
 */
SamMapModel *
sam_map_model_copy (SamMapModel *self)
{
  SamMapModel *copy;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  copy = sam_map_model_new ();

  for (guint i = 0; i < self->nodes.items->len; i++)
    {
      const SamMapNode *node = g_ptr_array_index (self->nodes.items, i);
      SamMapNode *dup = g_memdup2 (node, sizeof *node);

      dup->id = g_strdup (node->id);
      dup->name = g_strdup (node->name);
      element_set_add (&copy->nodes, dup);
    }

  for (guint i = 0; i < self->relations.items->len; i++)
    {
      const SamMapRelation *relation = g_ptr_array_index (self->relations.items, i);
      SamMapRelation *dup = g_memdup2 (relation, sizeof *relation);

      dup->id = g_strdup (relation->id);
      dup->node_a = g_strdup (relation->node_a);
      dup->node_b = g_strdup (relation->node_b);
      element_set_add (&copy->relations, dup);
    }

  for (guint i = 0; i < self->beliefs.items->len; i++)
    {
      const SamMapBelief *belief = g_ptr_array_index (self->beliefs.items, i);
      SamMapBelief *dup = g_memdup2 (belief, sizeof *belief);

      dup->id = g_strdup (belief->id);
      dup->holder = g_strdup (belief->holder);
      dup->about = g_strdup (belief->about);
      dup->text = g_strdup (belief->text);
      element_set_add (&copy->beliefs, dup);
    }

  for (guint i = 0; i < self->links.items->len; i++)
    {
      const SamMapLink *link = g_ptr_array_index (self->links.items, i);
      SamMapLink *dup = g_memdup2 (link, sizeof *link);

      dup->id = g_strdup (link->id);
      dup->from = g_strdup (link->from);
      dup->to = g_strdup (link->to);
      dup->strength = g_strdup (link->strength);
      dup->challenge = g_strdup (link->challenge);
      element_set_add (&copy->links, dup);
    }

  copy->serial = copy->structure_serial = 1;

  return copy;
}

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

/* JSON snapshots ------------------------------------------------------- */

#define SNAPSHOT_VERSION 1

static const char *
tension_nick (SamMapTension tension)
{
  static const char *nicks[] = { "none", "some", "high" };

  return nicks[CLAMP (tension, SAM_MAP_TENSION_NONE, SAM_MAP_TENSION_HIGH)];
}

static SamMapTension
tension_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "high") == 0)
    return SAM_MAP_TENSION_HIGH;
  if (g_strcmp0 (nick, "some") == 0)
    return SAM_MAP_TENSION_SOME;

  return SAM_MAP_TENSION_NONE;
}

/**
 * sam_map_model_to_json:
 *
 * Serialises the whole map, positions included, as a snapshot the owner
 * can store as text.
 *
 * Returns: (transfer full): a JSON document
 */
char *
sam_map_model_to_json (SamMapModel *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (SAM_IS_MAP_MODEL (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SNAPSHOT_VERSION);

  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->nodes.items->len; i++)
    {
      const SamMapNode *node = g_ptr_array_index (self->nodes.items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, node->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, node->name);
      json_builder_set_member_name (builder, "customer");
      json_builder_add_boolean_value (builder, node->type == SAM_MAP_NODE_CUSTOMER);
      json_builder_set_member_name (builder, "color");
      json_builder_add_int_value (builder, node->color);
      json_builder_set_member_name (builder, "people");
      json_builder_add_int_value (builder, node->people);
      json_builder_set_member_name (builder, "x");
      json_builder_add_double_value (builder, node->x);
      json_builder_set_member_name (builder, "y");
      json_builder_add_double_value (builder, node->y);
      json_builder_set_member_name (builder, "pinned");
      json_builder_add_boolean_value (builder, node->pinned);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "relations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->relations.items->len; i++)
    {
      const SamMapRelation *relation = g_ptr_array_index (self->relations.items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, relation->id);
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, relation->node_a);
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, relation->node_b);
      json_builder_set_member_name (builder, "quality");
      json_builder_add_int_value (builder, relation->quality);
      json_builder_set_member_name (builder, "tension");
      json_builder_add_string_value (builder, tension_nick (relation->tension));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "beliefs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->beliefs.items->len; i++)
    {
      const SamMapBelief *belief = g_ptr_array_index (self->beliefs.items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, belief->id);
      json_builder_set_member_name (builder, "holder");
      json_builder_add_string_value (builder, belief->holder);
      json_builder_set_member_name (builder, "about");
      json_builder_add_string_value (builder, belief->about);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, belief->text);
      json_builder_set_member_name (builder, "strength");
      json_builder_add_int_value (builder, belief->strength);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->links.items->len; i++)
    {
      const SamMapLink *link = g_ptr_array_index (self->links.items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, link->id);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, link->from);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, link->to);
      json_builder_set_member_name (builder, "strength");
      json_builder_add_string_value (builder, link->strength);
      json_builder_set_member_name (builder, "challenge");
      json_builder_add_string_value (builder, link->challenge);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static JsonObject *
get_element (JsonArray *array,
             guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
load_nodes (SamMapModel  *self,
            JsonArray    *array,
            GError      **error)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = get_element (array, i);
      const char *id;
      double x, y;

      if (o == NULL)
        continue;

      id = json_object_get_string_member_with_default (o, "id", NULL);
      if (!sam_map_model_add_node (self, id,
                                   json_object_get_string_member_with_default (o, "name", ""),
                                   json_object_get_boolean_member_with_default (o, "customer",
                                                                               FALSE)
                                     ? SAM_MAP_NODE_CUSTOMER : SAM_MAP_NODE_TEAM,
                                   json_object_get_int_member_with_default (o, "color", 0),
                                   json_object_get_int_member_with_default (o, "people", 0),
                                   error))
        return FALSE;

      x = json_object_get_double_member_with_default (o, "x", 0);
      y = json_object_get_double_member_with_default (o, "y", 0);
      if (isfinite (x) && isfinite (y))
        sam_map_model_set_node_position (self, id, x, y);
      sam_map_model_set_node_pinned (self, id,
                                     json_object_get_boolean_member_with_default (o, "pinned",
                                                                                  FALSE));
    }

  return TRUE;
}

static gboolean
load_edges (SamMapModel  *self,
            JsonObject   *root,
            GError      **error)
{
  JsonArray *array;

  array = get_array (root, "relations");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = get_element (array, i);

      if (o && !sam_map_model_add_relation (self,
                                            json_object_get_string_member_with_default (o, "id", NULL),
                                            json_object_get_string_member_with_default (o, "a", NULL),
                                            json_object_get_string_member_with_default (o, "b", NULL),
                                            json_object_get_int_member_with_default (o, "quality", 0),
                                            tension_from_nick (json_object_get_string_member_with_default (o, "tension", NULL)),
                                            error))
        return FALSE;
    }

  array = get_array (root, "beliefs");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = get_element (array, i);

      if (o && !sam_map_model_add_belief (self,
                                          json_object_get_string_member_with_default (o, "id", NULL),
                                          json_object_get_string_member_with_default (o, "holder", NULL),
                                          json_object_get_string_member_with_default (o, "about", NULL),
                                          json_object_get_string_member_with_default (o, "text", ""),
                                          json_object_get_int_member_with_default (o, "strength", 3),
                                          error))
        return FALSE;
    }

  array = get_array (root, "links");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = get_element (array, i);

      if (o && !sam_map_model_add_link (self,
                                        json_object_get_string_member_with_default (o, "id", NULL),
                                        json_object_get_string_member_with_default (o, "from", NULL),
                                        json_object_get_string_member_with_default (o, "to", NULL),
                                        json_object_get_string_member_with_default (o, "strength", ""),
                                        json_object_get_string_member_with_default (o, "challenge", ""),
                                        error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sam_map_model_new_from_json:
 * @json: a document made by sam_map_model_to_json()
 * @error: return location for a #GError in the %SAM_MAP_ERROR domain
 *
 * Returns: (transfer full) (nullable): a new model, or %NULL on error
 */
SamMapModel *
sam_map_model_new_from_json (const char  *json,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(SamMapModel) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;

  g_return_val_if_fail (json != NULL, NULL);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_set_error (error, SAM_MAP_ERROR, SAM_MAP_ERROR_PARSE,
                   _("The map snapshot could not be read: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SAM_MAP_ERROR, SAM_MAP_ERROR_PARSE,
                           _("The map snapshot is not a map"));
      return NULL;
    }

  object = json_node_get_object (root);
  if (json_object_get_int_member_with_default (object, "version", 0) > SNAPSHOT_VERSION)
    {
      g_set_error_literal (error, SAM_MAP_ERROR, SAM_MAP_ERROR_PARSE,
                           _("The map snapshot was made by a newer version of Samenspel"));
      return NULL;
    }

  self = sam_map_model_new ();
  if (!load_nodes (self, get_array (object, "nodes"), &local_error) ||
      !load_edges (self, object, &local_error))
    {
      g_set_error (error, SAM_MAP_ERROR, SAM_MAP_ERROR_PARSE,
                   _("The map snapshot could not be read: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}
