/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-map-loader-private.h"

/* What the map page asks of the loader: change a relation, pin a team,
 * delete with Undo, freeze and read snapshots.  Each goes to the store
 * first and shows in the model only when it is kept. */

/* Public API ------------------------------------------------------------ */

/**
 * sam_map_loader_get_note:
 * @self: a #SamMapLoader
 * @relation_id: a relation of the model
 *
 * Returns: (transfer none): the relation's note, "" when it has none
 */
const char *
sam_map_loader_get_note (SamMapLoader *self,
                         const char   *relation_id)
{
  const char *note;

  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), "");

  note = relation_id ? g_hash_table_lookup (self->notes, relation_id) : NULL;
  return note ? note : "";
}

/**
 * sam_map_loader_set_relation:
 * @self: a #SamMapLoader
 * @relation_id: a relation of the model
 * @quality: 0 (not rated) to 5
 * @tension: the tension
 * @note: (nullable): what the group said about it
 * @error: return location for a #GError
 *
 * Stores the relation's values, then shows them in the model.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_map_loader_set_relation (SamMapLoader   *self,
                             const char     *relation_id,
                             guint           quality,
                             SamMapTension   tension,
                             const char     *note,
                             GError        **error)
{
  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), FALSE);
  g_return_val_if_fail (relation_id != NULL, FALSE);

  if (!sam_store_set_map_relation (self->store, self->workshop, relation_id, quality,
                                   tension, note, error))
    return FALSE;

  g_hash_table_insert (self->notes, g_strdup (relation_id), g_strdup (note ? note : ""));
  self->syncing = TRUE;
  sam_map_model_update_relation (self->model, relation_id, quality, tension);
  self->syncing = FALSE;

  return TRUE;
}

/**
 * sam_map_loader_set_pinned:
 * @self: a #SamMapLoader
 * @node_id: a node of the model
 * @pinned: whether auto-layout leaves it where it is
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_map_loader_set_pinned (SamMapLoader  *self,
                           const char    *node_id,
                           gboolean       pinned,
                           GError       **error)
{
  const SamMapNode *node;
  g_autofree char *id = NULL;
  gboolean was;

  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  /* The model's "changed" handlers may free the caller's string (the map
   * page's panel keeps the selected id and refreshes it): keep a copy to
   * put the flag back after a refused write. */
  id = g_strdup (node_id);
  node = sam_map_model_get_node (self->model, id);
  if (node == NULL)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                           _("This team is no longer part of the workshop"));
      return FALSE;
    }

  was = node->pinned;
  self->syncing = TRUE;
  sam_map_model_set_node_pinned (self->model, id, pinned);
  self->syncing = FALSE;
  if (!_sam_map_loader_store_placements (self, error))
    {
      self->syncing = TRUE;
      sam_map_model_set_node_pinned (self->model, id, was);
      self->syncing = FALSE;
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_map_loader_delete:
 * @self: a #SamMapLoader
 * @kind: what to delete: a relation, a belief or a link
 * @element_id: its id in the model
 * @out_batch: (out) (optional): the number for sam_store_restore_trash()
 * @error: return location for a #GError
 *
 * Puts the element in the trash and takes it off the map.  Teams are not
 * deleted from the map (%SAM_STORE_ERROR_INVALID): that happens where the
 * coach manages the teams, with its own question.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_map_loader_delete (SamMapLoader  *self,
                       SamMapKind     kind,
                       const char    *element_id,
                       gint64        *out_batch,
                       GError       **error)
{
  g_autofree char *id = NULL;
  gpointer row;
  gboolean ok = FALSE;

  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), FALSE);
  g_return_val_if_fail (element_id != NULL, FALSE);

  /* The caller's string may be one the tables below or the model's
   * handlers free on the way: work on a copy. */
  id = g_strdup (element_id);
  row = g_hash_table_lookup (self->cards, id);
  switch (kind)
    {
    case SAM_MAP_KIND_RELATION:
      ok = sam_store_trash_map_relation (self->store, self->workshop, id, out_batch, error);
      break;

    case SAM_MAP_KIND_BELIEF:
      if (row != NULL && SAM_IS_CARD (row))
        ok = sam_store_trash_card (self->store, row, out_batch, error);
      else
        g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                             _("This belief was removed in the meantime"));
      break;

    case SAM_MAP_KIND_LINK:
      if (row != NULL && SAM_IS_CARD_LINK (row))
        ok = sam_store_trash_card_link (self->store, row, out_batch, error);
      else
        g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                             _("This link was removed in the meantime"));
      break;

    case SAM_MAP_KIND_NODE:
    case SAM_MAP_KIND_NONE:
    default:
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("Teams are removed on the workshop’s overview, not on the map"));
      return FALSE;
    }

  if (!ok)
    return FALSE;

  g_hash_table_remove (self->stored, id);
  g_hash_table_remove (self->cards, id);
  self->syncing = TRUE;
  sam_map_model_remove (self->model, kind, id);
  self->syncing = FALSE;

  return TRUE;
}

/**
 * sam_map_loader_describe_source:
 * @self: a #SamMapLoader
 * @belief_id: a belief of the model
 *
 * Returns: (transfer full) (nullable): where the belief was written, e.g.
 *   the title of its agenda step
 */
char *
sam_map_loader_describe_source (SamMapLoader *self,
                                const char   *belief_id)
{
  const char *title;

  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), NULL);

  title = belief_id ? g_hash_table_lookup (self->sources, belief_id) : NULL;
  if (title == NULL)
    return NULL;

  /* TRANSLATORS: where a belief on the map was written; %s is an agenda step */
  return g_strdup_printf (_("From “%s”"), title);
}

/**
 * sam_map_loader_freeze:
 * @self: a #SamMapLoader
 * @label: what to call the snapshot, e.g. "Start of the day"
 * @error: return location for a #GError
 *
 * Stores the map as it is now, to compare it with a later one.
 *
 * Returns: (transfer full) (nullable): the stored snapshot
 */
SamMapSnapshotRecord *
sam_map_loader_freeze (SamMapLoader  *self,
                       const char    *label,
                       GError       **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), NULL);

  json = sam_map_model_to_json (self->model);
  return sam_store_add_map_snapshot (self->store, self->workshop, label, json, error);
}

/**
 * sam_map_loader_list_snapshots:
 * @self: a #SamMapLoader
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SamMapSnapshotRecord) (nullable):
 *   the workshop's snapshots, oldest first
 */
GPtrArray *
sam_map_loader_list_snapshots (SamMapLoader  *self,
                               GError       **error)
{
  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), NULL);

  return sam_store_list_map_snapshots (self->store, self->workshop, error);
}

/**
 * sam_map_loader_load_snapshot:
 * @self: a #SamMapLoader
 * @uuid: a snapshot's uuid
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new model holding the map as it
 *   was frozen; it is not tied to the store
 */
SamMapModel *
sam_map_loader_load_snapshot (SamMapLoader  *self,
                              const char    *uuid,
                              GError       **error)
{
  g_autoptr(GPtrArray) snapshots = NULL;

  g_return_val_if_fail (SAM_IS_MAP_LOADER (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  snapshots = sam_store_list_map_snapshots (self->store, self->workshop, error);
  if (snapshots == NULL)
    return NULL;

  for (guint i = 0; i < snapshots->len; i++)
    {
      SamMapSnapshotRecord *s = g_ptr_array_index (snapshots, i);

      if (g_str_equal (s->uuid, uuid))
        return sam_map_model_new_from_json (s->json, error);
    }

  g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                       _("This snapshot was removed in the meantime"));
  return NULL;
}

