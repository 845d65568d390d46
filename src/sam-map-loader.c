/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-map-layout.h"
#include "sam-map-loader-private.h"

/* Keeps a SamMapModel in step with the store: teams (and the customer) are
 * nodes, map_relation rows are relations, `belief` cards of `beliefs` steps
 * are beliefs and `potential` card links are strength → challenge links.
 * What the view changes in the model (positions, pins, new relations) is
 * written back; what changes in the store (a team renamed, a belief typed
 * on another laptop, an Undo) is merged into the same model, so the view
 * keeps its selection and zoom. */

#define LAYOUT_BOX_WIDTH  1200.0
#define LAYOUT_BOX_HEIGHT 800.0


G_DEFINE_FINAL_TYPE (SamMapLoader, sam_map_loader, G_TYPE_OBJECT)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_rebuild (SamMapLoader *self);

void
_sam_map_loader_report (SamMapLoader *self,
                        const GError *error)
{
  g_signal_emit (self, signals[ERROR], 0, error);
}

static const char *
node_for_team (SamMapLoader *self,
               gint64        team_id)
{
  return g_hash_table_lookup (self->node_by_team, &team_id);
}

gboolean
_sam_map_loader_team_for_node (SamMapLoader *self,
                               const char   *node_id,
                               gint64       *team_id)
{
  gint64 *found = g_hash_table_lookup (self->team_by_node, node_id);

  if (found == NULL)
    return FALSE;

  *team_id = *found;
  return TRUE;
}

static void
unwatch (SamMapLoader *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
on_items_changed (SamMapLoader *self)
{
  schedule_rebuild (self);
}

static void
watch (SamMapLoader *self,
       gpointer      object,
       const char   *signal)
{
  g_signal_connect_object (object, signal, G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->watched, g_object_ref (object));
}

/* Reading the store ----------------------------------------------------- */

typedef struct
{
  GHashTable *nodes;      /* id → TRUE, what the store has now */
  GHashTable *relations;
  GHashTable *beliefs;
  GHashTable *links;
} Seen;

static void
seen_clear (Seen *seen)
{
  g_clear_pointer (&seen->nodes, g_hash_table_unref);
  g_clear_pointer (&seen->relations, g_hash_table_unref);
  g_clear_pointer (&seen->beliefs, g_hash_table_unref);
  g_clear_pointer (&seen->links, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Seen, seen_clear)

static void
put_node (SamMapLoader   *self,
          Seen           *seen,
          const char     *id,
          const char     *name,
          SamMapNodeType  type,
          guint           colour,
          guint           people)
{
  g_autoptr(GError) error = NULL;

  g_hash_table_add (seen->nodes, g_strdup (id));
  if (sam_map_model_get_node (self->model, id) != NULL)
    sam_map_model_update_node (self->model, id, name, colour, people);
  else if (!sam_map_model_add_node (self->model, id, name, type, colour, people, &error))
    g_debug ("Map node %s left out: %s", id, error->message);
}

static void
load_nodes (SamMapLoader *self,
            Seen         *seen)
{
  GListModel *teams = sam_store_get_teams (self->store, self->workshop);
  gint64 customer = 0;

  g_hash_table_remove_all (self->team_by_node);
  g_hash_table_remove_all (self->node_by_team);
  watch (self, teams, "items-changed");

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);
      gint64 id = sam_team_get_id (team);
      const char *uuid = sam_team_get_uuid (team);

      g_hash_table_insert (self->team_by_node, g_strdup (uuid), g_memdup2 (&id, sizeof id));
      g_hash_table_insert (self->node_by_team, g_memdup2 (&id, sizeof id), g_strdup (uuid));
      put_node (self, seen, uuid, sam_team_get_name (team), SAM_MAP_NODE_TEAM,
                sam_team_get_colour (team), sam_team_get_people (team));
      watch (self, team, "notify");
    }

  g_hash_table_insert (self->team_by_node, g_strdup (SAM_MAP_CUSTOMER_ID), g_memdup2 (&customer, sizeof customer));
  g_hash_table_insert (self->node_by_team, g_memdup2 (&customer, sizeof customer), g_strdup (SAM_MAP_CUSTOMER_ID));
  put_node (self, seen, SAM_MAP_CUSTOMER_ID, _("The customer"), SAM_MAP_NODE_CUSTOMER, 0, 0);
}

static void
load_relations (SamMapLoader  *self,
                Seen          *seen,
                GError       **error)
{
  g_autoptr(GPtrArray) rows = sam_store_list_map_relations (self->store, self->workshop, error);

  if (rows == NULL)
    return;

  g_hash_table_remove_all (self->notes);
  g_hash_table_remove_all (self->stored);
  for (guint i = 0; i < rows->len; i++)
    {
      SamMapRelationRecord *r = g_ptr_array_index (rows, i);
      const char *a = node_for_team (self, r->team_a);
      const char *b = node_for_team (self, r->team_b);
      g_autoptr(GError) local_error = NULL;

      if (a == NULL || b == NULL)
        continue;

      g_hash_table_add (seen->relations, g_strdup (r->uuid));
      g_hash_table_add (self->stored, g_strdup (r->uuid));
      g_hash_table_insert (self->notes, g_strdup (r->uuid), g_strdup (r->note));
      if (sam_map_model_get_relation (self->model, r->uuid) != NULL)
        sam_map_model_update_relation (self->model, r->uuid, r->quality, r->tension);
      else if (!sam_map_model_add_relation (self->model, r->uuid, a, b, r->quality,
                                            r->tension, &local_error))
        g_debug ("Relation %s left out: %s", r->uuid, local_error->message);
    }
}

static void
put_belief (SamMapLoader *self,
            Seen         *seen,
            SamStep      *step,
            SamCard      *card)
{
  const char *id = sam_card_get_uuid (card);
  const char *holder = node_for_team (self, sam_card_get_team_id (card));
  const char *about = node_for_team (self, sam_card_get_about_team_id (card));
  guint strength = CLAMP (sam_card_get_value (card), 1, SAM_MAP_STRENGTH_MAX);
  const SamMapBelief *old = sam_map_model_get_belief (self->model, id);
  g_autoptr(GError) error = NULL;

  /* A belief needs someone who holds it: a card without a team is skipped. */
  if (sam_card_get_team_id (card) <= 0 || holder == NULL || about == NULL)
    return;

  if (old != NULL && (g_strcmp0 (old->holder, holder) != 0 || g_strcmp0 (old->about, about) != 0))
    {
      sam_map_model_remove_belief (self->model, id);
      old = NULL;
    }

  g_hash_table_add (seen->beliefs, g_strdup (id));
  g_hash_table_insert (self->sources, g_strdup (id), g_strdup (sam_step_get_title (step)));
  g_hash_table_insert (self->cards, g_strdup (id), g_object_ref (card));
  if (old != NULL)
    sam_map_model_update_belief (self->model, id, sam_card_get_text (card), strength);
  else if (!sam_map_model_add_belief (self->model, id, holder, about, sam_card_get_text (card),
                                      strength, &error))
    g_debug ("Belief %s left out: %s", id, error->message);
}

static const char *
card_node (SamMapLoader *self,
           SamCard      *card)
{
  gint64 team = sam_card_get_about_team_id (card);

  /* A team's own strength or challenge may leave "about" empty. */
  if (team <= 0)
    team = sam_card_get_team_id (card);

  return team > 0 ? node_for_team (self, team) : NULL;
}

static void
put_link (SamMapLoader *self,
          Seen         *seen,
          SamStep      *step,
          SamCardLink  *link)
{
  const char *id = sam_card_link_get_uuid (link);
  SamCard *from, *to;
  const char *a, *b;
  const SamMapLink *old = sam_map_model_get_link (self->model, id);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (sam_card_link_get_kind (link), "potential") != 0)
    return;

  from = sam_store_find_card (self->store, step, sam_card_link_get_from_card_id (link));
  to = sam_store_find_card (self->store, step, sam_card_link_get_to_card_id (link));
  if (from == NULL || to == NULL)
    return;

  a = card_node (self, from);
  b = card_node (self, to);
  if (a == NULL || b == NULL || g_str_equal (a, b))
    return;

  if (old != NULL && (g_strcmp0 (old->from, a) != 0 || g_strcmp0 (old->to, b) != 0))
    {
      sam_map_model_remove_link (self->model, id);
      old = NULL;
    }

  g_hash_table_add (seen->links, g_strdup (id));
  g_hash_table_insert (self->cards, g_strdup (id), g_object_ref (link));
  if (old != NULL)
    sam_map_model_update_link (self->model, id, sam_card_get_text (from), sam_card_get_text (to));
  else if (!sam_map_model_add_link (self->model, id, a, b, sam_card_get_text (from),
                                    sam_card_get_text (to), &error))
    g_debug ("Link %s left out: %s", id, error->message);
}

static void
load_cards (SamMapLoader *self,
            Seen         *seen)
{
  GListModel *steps = sam_store_get_steps (self->store, self->workshop);

  g_hash_table_remove_all (self->sources);
  g_hash_table_remove_all (self->cards);
  watch (self, steps, "items-changed");

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);
      GListModel *links = sam_store_get_card_links (self->store, step);

      watch (self, links, "items-changed");
      for (guint j = 0; j < g_list_model_get_n_items (links); j++)
        {
          g_autoptr(SamCardLink) link = g_list_model_get_item (links, j);

          put_link (self, seen, step, link);
        }

      if (g_strcmp0 (sam_step_get_kind (step), "beliefs") == 0)
        {
          GListModel *cards = sam_store_get_cards (self->store, step);

          watch (self, cards, "items-changed");
          for (guint j = 0; j < g_list_model_get_n_items (cards); j++)
            {
              g_autoptr(SamCard) card = g_list_model_get_item (cards, j);

              watch (self, card, "notify");
              if (g_strcmp0 (sam_card_get_kind (card), "belief") == 0)
                put_belief (self, seen, step, card);
            }
        }
    }
}

/* Removes what the store no longer has, children before their nodes. */
static void
drop_unseen (SamMapLoader *self,
             GPtrArray    *elements,
             GHashTable   *seen,
             SamMapKind    kind)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < elements->len; i++)
    {
      /* Every element struct starts with its id. */
      const char *id = *(char **) g_ptr_array_index (elements, i);

      if (!g_hash_table_contains (seen, id))
        g_ptr_array_add (gone, g_strdup (id));
    }

  for (guint i = 0; i < gone->len; i++)
    sam_map_model_remove (self->model, kind, g_ptr_array_index (gone, i));
}

static gboolean
apply_placements (SamMapLoader  *self,
                  GError       **error)
{
  g_autoptr(GArray) placements = sam_store_list_map_placements (self->store, self->workshop, error);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);

  if (placements == NULL)
    return FALSE;

  for (guint i = 0; i < placements->len; i++)
    {
      SamMapPlacement *p = &g_array_index (placements, SamMapPlacement, i);
      const char *id = node_for_team (self, p->team_id);

      if (id == NULL || sam_map_model_get_node (self->model, id) == NULL)
        continue;

      sam_map_model_set_node_position (self->model, id, p->x, p->y);
      sam_map_model_set_node_pinned (self->model, id, p->pinned);
      g_hash_table_add (placed, (gpointer) id);
    }

  _sam_map_loader_place_unplaced (self->model, placed);
  return TRUE;  /* the caller stores new positions */
}

/**
 * _sam_map_loader_place_unplaced:
 * @model: a map whose stored positions are set
 * @placed: the ids of the nodes that had a stored position
 *
 * Lays out the nodes that had none: a map seen for the first time as a
 * whole; teams that join later get a free spot among the others, which
 * stay where the room put them.
 *
 * Returns: %TRUE when a node was laid out
 */
gboolean
_sam_map_loader_place_unplaced (SamMapModel *model,
                                GHashTable  *placed)
{
  GPtrArray *nodes = sam_map_model_get_nodes (model);
  g_autoptr(GPtrArray) unplaced = g_ptr_array_new ();
  SamMapRect box = { 0, 0, LAYOUT_BOX_WIDTH, LAYOUT_BOX_HEIGHT };

  for (guint i = 0; i < nodes->len; i++)
    {
      SamMapNode *node = g_ptr_array_index (nodes, i);

      if (!g_hash_table_contains (placed, node->id))
        g_ptr_array_add (unplaced, node->id);
    }

  if (unplaced->len == 0)
    {
      sam_map_model_commit_positions (model);
      return FALSE;
    }

  if (g_hash_table_size (placed) == 0)
    sam_map_layout_apply (model, &box);
  else
    {
      g_ptr_array_add (unplaced, NULL);
      sam_map_layout_place_new (model, &box, (const char * const *) unplaced->pdata);
    }

  return TRUE;
}

gboolean
_sam_map_loader_store_placements (SamMapLoader  *self,
                                  GError       **error)
{
  GPtrArray *nodes = sam_map_model_get_nodes (self->model);
  g_autoptr(GArray) placements = g_array_sized_new (FALSE, TRUE, sizeof (SamMapPlacement), nodes->len);

  for (guint i = 0; i < nodes->len; i++)
    {
      SamMapNode *node = g_ptr_array_index (nodes, i);
      SamMapPlacement p = { 0, node->x, node->y, node->pinned };

      if (!_sam_map_loader_team_for_node (self, node->id, &p.team_id))
        continue;
      g_array_append_val (placements, p);
    }

  return sam_store_set_map_placements (self->store, self->workshop,
                                       (SamMapPlacement *) placements->data,
                                       placements->len, error);
}

/**
 * sam_map_loader_reload:
 * @self: a #SamMapLoader
 * @error: return location for a #GError
 *
 * Reads the map from the store again and merges it into the model.  Nodes
 * that were never placed are laid out around the others and stored.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_map_loader_reload (SamMapLoader  *self,
                       GError       **error)
{
  g_auto(Seen) seen = { 0 };
  g_autoptr(GError) local_error = NULL;
  guint n_before = sam_map_model_get_nodes (self->model)->len;
  gboolean had_unplaced;

  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), FALSE);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  seen.nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  seen.relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  seen.beliefs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  seen.links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->syncing = TRUE;
  unwatch (self);
  load_nodes (self, &seen);
  load_relations (self, &seen, &local_error);
  load_cards (self, &seen);
  drop_unseen (self, sam_map_model_get_links (self->model), seen.links, SAM_MAP_KIND_LINK);
  drop_unseen (self, sam_map_model_get_beliefs (self->model), seen.beliefs, SAM_MAP_KIND_BELIEF);
  drop_unseen (self, sam_map_model_get_relations (self->model), seen.relations, SAM_MAP_KIND_RELATION);
  drop_unseen (self, sam_map_model_get_nodes (self->model), seen.nodes, SAM_MAP_KIND_NODE);

  had_unplaced = local_error == NULL && sam_map_model_get_nodes (self->model)->len != n_before;
  if (local_error == NULL && !apply_placements (self, &local_error))
    had_unplaced = FALSE;
  self->syncing = FALSE;

  if (local_error == NULL && had_unplaced)
    _sam_map_loader_store_placements (self, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
rebuild_cb (gpointer data)
{
  SamMapLoader *self = data;
  g_autoptr(GError) error = NULL;

  self->rebuild_id = 0;
  if (!sam_map_loader_reload (self, &error))
    _sam_map_loader_report (self, error);

  return G_SOURCE_REMOVE;
}

/* Many rows change at once (an Undo, a card list reload): merge once. */
static void
schedule_rebuild (SamMapLoader *self)
{
  /* Before the next frame: an animation must not keep the map stale. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_cb, self, NULL);
}

/* An Undo: show what came back at once, with the toast still in view. */
static void
on_restored (SamMapLoader *self)
{
  g_autoptr(GError) error = NULL;

  if (!sam_map_loader_reload (self, &error))
    _sam_map_loader_report (self, error);
}

/* Writing back what the view changed ------------------------------------ */

static void
on_positions_changed (SamMapLoader *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;

  if (!_sam_map_loader_store_placements (self, &error))
    _sam_map_loader_report (self, error);
}

static void
store_new_relation (SamMapLoader         *self,
                    const SamMapRelation *relation)
{
  g_autoptr(SamMapRelationRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  if (!_sam_map_loader_team_for_node (self, relation->node_a, &a) || !_sam_map_loader_team_for_node (self, relation->node_b, &b))
    g_set_error_literal (&error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                         _("This team is no longer part of the workshop"));
  else
    record = sam_store_add_map_relation (self->store, self->workshop, relation->id, a, b,
                                         relation->quality, relation->tension, NULL, &error);

  if (record == NULL)
    {
      g_autofree char *id = g_strdup (relation->id);

      /* Nothing may look kept that is not: take it off the map again. */
      self->syncing = TRUE;
      sam_map_model_remove_relation (self->model, id);
      self->syncing = FALSE;
      _sam_map_loader_report (self, error);
      return;
    }

  g_hash_table_add (self->stored, g_strdup (record->uuid));
  g_hash_table_insert (self->notes, g_strdup (record->uuid), g_strdup (""));
}

static void
on_model_changed (SamMapLoader *self,
                  SamMapKind    kind,
                  const char   *id)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;

  if (kind == SAM_MAP_KIND_RELATION)
    {
      const SamMapRelation *relation = sam_map_model_get_relation (self->model, id);

      if (relation == NULL)
        return;
      if (!g_hash_table_contains (self->stored, id))
        store_new_relation (self, relation);
      else if (!sam_store_set_map_relation (self->store, self->workshop, id, relation->quality,
                                            relation->tension, sam_map_loader_get_note (self, id),
                                            &error))
        _sam_map_loader_report (self, error);
    }
  else if (kind == SAM_MAP_KIND_NODE)
    {
      /* The pinned flag changed. */
      if (!_sam_map_loader_store_placements (self, &error))
        _sam_map_loader_report (self, error);
    }
}

SamMapModel *
sam_map_loader_get_model (SamMapLoader *self)
{
  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), NULL);
  return self->model;
}

SamStore *
sam_map_loader_get_store (SamMapLoader *self)
{
  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), NULL);
  return self->store;
}

SamWorkshop *
sam_map_loader_get_workshop (SamMapLoader *self)
{
  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), NULL);
  return self->workshop;
}

/* GObject --------------------------------------------------------------- */

static void
sam_map_loader_dispose (GObject *object)
{
  SamMapLoader *self = SAM_MAP_LOADER (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->watched)
    unwatch (self);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_map_loader_parent_class)->dispose (object);
}

static void
sam_map_loader_finalize (GObject *object)
{
  SamMapLoader *self = SAM_MAP_LOADER (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->team_by_node, g_hash_table_unref);
  g_clear_pointer (&self->node_by_team, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_pointer (&self->stored, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->cards, g_hash_table_unref);

  G_OBJECT_CLASS (sam_map_loader_parent_class)->finalize (object);
}

static void
sam_map_loader_class_init (SamMapLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_map_loader_dispose;
  object_class->finalize = sam_map_loader_finalize;

  /**
   * SamMapLoader::error:
   * @error: what went wrong, in words for the coach
   *
   * Writing a change of the view back to the store failed, or the map
   * could not be read again; the model shows what the store holds.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
sam_map_loader_init (SamMapLoader *self)
{
  self->model = sam_map_model_new ();
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->team_by_node = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->node_by_team = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static SamMapLoader *
loader_new (SamStore    *store,
            SamWorkshop *workshop)
{
  SamMapLoader *self = g_object_new (SAM_TYPE_MAP_LOADER, NULL);

  self->store = g_object_ref (store);
  self->workshop = g_object_ref (workshop);

  g_signal_connect_object (store, "restored", G_CALLBACK (on_restored), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "changed", G_CALLBACK (on_model_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "positions-changed", G_CALLBACK (on_positions_changed),
                           self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * sam_map_loader_new:
 * @store: the store
 * @workshop: the workshop whose map to keep
 *
 * Creates a loader and reads the map once; errors while reading are
 * emitted as #SamMapLoader::error later, when a view listens.
 *
 * Returns: (transfer full): a new #SamMapLoader
 */
SamMapLoader *
sam_map_loader_new (SamStore    *store,
                    SamWorkshop *workshop)
{
  SamMapLoader *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  self = loader_new (store, workshop);
  if (!sam_map_loader_reload (self, &error))
    g_debug ("The map could not be read yet: %s", error->message);

  return self;
}

/**
 * sam_map_loader_load:
 * @store: the store
 * @workshop: the workshop whose map to read
 * @error: return location for a #GError
 *
 * Like sam_map_loader_new(), but fails when the map cannot be read: for
 * the report and exports, which read the map once and need it whole.
 *
 * Returns: (transfer full) (nullable): a new #SamMapLoader, or %NULL
 */
SamMapLoader *
sam_map_loader_load (SamStore     *store,
                     SamWorkshop  *workshop,
                     GError      **error)
{
  g_autoptr(SamMapLoader) self = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), NULL);

  self = loader_new (store, workshop);
  if (!sam_map_loader_reload (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
