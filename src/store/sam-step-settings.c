/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <json-glib/json-glib.h>

#include "sam-step-settings.h"

/* Parses @settings into an object; anything that is not a JSON object
 * (empty, damaged, from a newer version) reads as an empty object, so a
 * page always starts from its defaults instead of failing. */
static JsonObject *
parse_object (const char *settings)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (settings != NULL && *settings != '\0' &&
      json_parser_load_from_data (parser, settings, -1, NULL))
    {
      root = json_parser_get_root (parser);
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        return json_object_ref (json_node_get_object (root));
    }

  return json_object_new ();
}

static char *
to_text (JsonObject *object)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (root, object);
  return json_to_string (root, FALSE);
}

/**
 * sam_step_settings_dup_string:
 * @settings: (nullable): a step's settings
 * @key: a member name
 *
 * Returns: (transfer full) (nullable): the string member @key, or %NULL
 *   when it is not there or not a string
 */
char *
sam_step_settings_dup_string (const char *settings,
                              const char *key)
{
  g_autoptr(JsonObject) object = parse_object (settings);
  JsonNode *node;

  g_return_val_if_fail (key != NULL, NULL);

  node = json_object_get_member (object, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

/**
 * sam_step_settings_set_string:
 * @settings: (nullable): a step's settings
 * @key: a member name
 * @value: (nullable): the new value, or %NULL to remove the member
 *
 * Returns: (transfer full): @settings as JSON text with @key set to @value
 */
char *
sam_step_settings_set_string (const char *settings,
                              const char *key,
                              const char *value)
{
  g_autoptr(JsonObject) object = parse_object (settings);

  g_return_val_if_fail (key != NULL, NULL);

  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else if (json_object_has_member (object, key))
    json_object_remove_member (object, key);

  return to_text (object);
}

/**
 * sam_step_settings_get_boolean:
 * @settings: (nullable): a step's settings
 * @key: a member name
 * @fallback: the value when the member is missing or not a boolean
 *
 * Returns: the boolean member @key, or @fallback
 */
gboolean
sam_step_settings_get_boolean (const char *settings,
                               const char *key,
                               gboolean    fallback)
{
  g_autoptr(JsonObject) object = parse_object (settings);
  JsonNode *node;

  g_return_val_if_fail (key != NULL, fallback);

  node = json_object_get_member (object, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;

  return json_node_get_boolean (node);
}

/**
 * sam_step_settings_set_boolean:
 * @settings: (nullable): a step's settings
 * @key: a member name
 * @value: the new value
 *
 * Returns: (transfer full): @settings as JSON text with @key set to @value
 */
char *
sam_step_settings_set_boolean (const char *settings,
                               const char *key,
                               gboolean    value)
{
  g_autoptr(JsonObject) object = parse_object (settings);

  g_return_val_if_fail (key != NULL, NULL);

  json_object_set_boolean_member (object, key, value);
  return to_text (object);
}

/**
 * sam_step_settings_dup_map:
 * @settings: (nullable): a step's settings
 * @key: the name of a member holding an object of strings
 *
 * Reads a map such as the perspective exercise's
 * `{"assignment": {"<team uuid>": "<team uuid>"}}`.  Members that are not
 * strings are skipped.
 *
 * Returns: (transfer full): a new table of strings to strings, empty when
 *   the member is missing
 */
GHashTable *
sam_step_settings_dup_map (const char *settings,
                           const char *key)
{
  g_autoptr(JsonObject) object = parse_object (settings);
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonNode *node;
  JsonObjectIter iter;
  const char *name;

  g_return_val_if_fail (key != NULL, map);

  node = json_object_get_member (object, key);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return map;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_hash_table_insert (map, g_strdup (name), g_strdup (json_node_get_string (node)));
    }

  return map;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * sam_step_settings_set_map:
 * @settings: (nullable): a step's settings
 * @key: a member name
 * @map: a table of strings to strings
 *
 * Returns: (transfer full): @settings as JSON text with @key set to an
 *   object holding @map, its members sorted so the text is stable
 */
char *
sam_step_settings_set_map (const char *settings,
                           const char *key,
                           GHashTable *map)
{
  g_autoptr(JsonObject) object = parse_object (settings);
  g_autoptr(JsonObject) member = json_object_new ();
  g_autofree gpointer *names = NULL;
  guint n_names;

  g_return_val_if_fail (key != NULL && map != NULL, NULL);

  names = g_hash_table_get_keys_as_array (map, &n_names);
  qsort (names, n_names, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_names; i++)
    json_object_set_string_member (member, names[i], g_hash_table_lookup (map, names[i]));

  json_object_set_object_member (object, key, g_steal_pointer (&member));
  return to_text (object);
}
