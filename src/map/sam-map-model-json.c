/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "sam-map-model-private.h"

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
