/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sam-map-model-private.h"

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
void
_sam_map_model_element_set_add (ElementSet *set,
                                gpointer    element)
{
  g_ptr_array_add (set->items, element);
  g_hash_table_insert (set->by_id, *(char **) element, element);
}

void
_sam_map_model_element_set_remove (ElementSet *set,
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
  g_clear_pointer (&self->relation_pairs, g_hash_table_unref);
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
  return sam_map_quality_to_string_in (quality, NULL);
}

/**
 * sam_map_quality_to_string_in:
 * @quality: 0 (not rated) to %SAM_MAP_QUALITY_MAX
 * @catalog: (nullable): the language, or %NULL for the UI's
 *
 * Returns: the words for how well two teams work together, in @catalog's
 *   language.
 */
const char *
sam_map_quality_to_string_in (guint       quality,
                              SamCatalog *catalog)
{
  static const char *words[] = {
    N_("Not yet rated"),
    N_("Works badly"),
    N_("Works with difficulty"),
    N_("Works reasonably"),
    N_("Works well"),
    N_("Works very well"),
  };

  return sam_catalog_gettext (catalog, words[MIN (quality, SAM_MAP_QUALITY_MAX)]);
}

const char *
sam_map_tension_to_string (SamMapTension tension)
{
  return sam_map_tension_to_string_in (tension, NULL);
}

/**
 * sam_map_tension_to_string_in:
 * @tension: the tension between two teams
 * @catalog: (nullable): the language, or %NULL for the UI's
 *
 * Returns: the words for @tension, in @catalog's language.
 */
const char *
sam_map_tension_to_string_in (SamMapTension  tension,
                              SamCatalog    *catalog)
{
  switch (tension)
    {
    case SAM_MAP_TENSION_SOME:
      return sam_catalog_gettext (catalog, N_("Some tension"));
    case SAM_MAP_TENSION_HIGH:
      return sam_catalog_gettext (catalog, N_("High tension"));
    case SAM_MAP_TENSION_NONE:
    default:
      return sam_catalog_gettext (catalog, N_("No tension"));
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

void
_sam_map_model_emit_changed (SamMapModel *self,
                             SamMapKind   kind,
                             const char  *id)
{
  touch (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0, kind, id);
}

void
_sam_map_model_emit_removed (SamMapModel *self,
                             SamMapKind   kind,
                             const char  *id)
{
  touch (self, TRUE);
  g_signal_emit (self, signals[REMOVED], 0, kind, id);
}

gboolean
_sam_map_model_check_new_id (SamMapModel  *self,
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

gboolean
_sam_map_model_check_node_pair (SamMapModel  *self,
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

  if (!_sam_map_model_check_new_id (self, id, error))
    return FALSE;

  node = g_new0 (SamMapNode, 1);
  node->id = g_strdup (id);
  node->name = g_strdup (name);
  node->type = type;
  node->color = color;
  node->people = people;
  initial_position (self->nodes.items->len, &node->x, &node->y);
  _sam_map_model_element_set_add (&self->nodes, node);

  _sam_map_model_emit_changed (self, SAM_MAP_KIND_NODE, id);

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
  _sam_map_model_emit_changed (self, SAM_MAP_KIND_NODE, id);

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

  _sam_map_model_element_set_remove (&self->nodes, node);
  _sam_map_model_emit_removed (self, SAM_MAP_KIND_NODE, node_id);

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
      _sam_map_model_emit_changed (self, SAM_MAP_KIND_NODE, id);
    }

  return TRUE;
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
      _sam_map_model_element_set_add (&copy->nodes, dup);
    }

  for (guint i = 0; i < self->relations.items->len; i++)
    {
      const SamMapRelation *relation = g_ptr_array_index (self->relations.items, i);
      SamMapRelation *dup = g_memdup2 (relation, sizeof *relation);

      dup->id = g_strdup (relation->id);
      dup->node_a = g_strdup (relation->node_a);
      dup->node_b = g_strdup (relation->node_b);
      _sam_map_model_element_set_add (&copy->relations, dup);
    }

  for (guint i = 0; i < self->beliefs.items->len; i++)
    {
      const SamMapBelief *belief = g_ptr_array_index (self->beliefs.items, i);
      SamMapBelief *dup = g_memdup2 (belief, sizeof *belief);

      dup->id = g_strdup (belief->id);
      dup->holder = g_strdup (belief->holder);
      dup->about = g_strdup (belief->about);
      dup->text = g_strdup (belief->text);
      _sam_map_model_element_set_add (&copy->beliefs, dup);
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
      _sam_map_model_element_set_add (&copy->links, dup);
    }

  copy->serial = copy->structure_serial = 1;

  return copy;
}
