/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-map-loader-private.h"

/* A workshop file's map, read straight from the file's rows: what the
 * command line exports.  It gives the model sam_map_loader_load() gives
 * after the file is imported into an empty database, node for node and in
 * the same order (so the layout and the picture are the same to the bit):
 * teams by position, then the customer; relations as the file lists them;
 * per agenda step (by position) its `potential` links as listed, then, in
 * a `beliefs` step, its `belief` cards by position.  A member the file
 * leaves out takes the database's default (0).
 *
 * The import's check of every value and the layout each take about a
 * tenth of a large map's export, and neither needs the other: the check
 * runs in a thread of its own while the map is built and laid out, and the
 * map is only used once the check passed.  So the map is built from rows
 * that may still prove wrong: a value of the wrong type reads as empty or
 * 0 here (the file's structure, its uuids and references, was checked
 * when it was read), and nothing is drawn or written from it. */

typedef struct
{
  gint64      position;
  guint       index;
  JsonObject *row;
} Row;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a;
  const Row *rb = b;

  if (ra->position != rb->position)
    return ra->position < rb->position ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static GType
type_of (JsonObject *row,
         const char *key)
{
  JsonNode *node = json_object_get_member (row, key);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
}

static gint64
int_member (JsonObject *row,
            const char *key)
{
  GType type = type_of (row, key);

  return type == G_TYPE_INT64 || type == G_TYPE_BOOLEAN ? json_object_get_int_member (row, key) : 0;
}

static double
real_member (JsonObject *row,
             const char *key)
{
  GType type = type_of (row, key);

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE ? json_object_get_double_member (row, key) : 0;
}

static const char *
text_member (JsonObject *row,
             const char *key)
{
  return type_of (row, key) == G_TYPE_STRING ? json_object_get_string_member (row, key) : "";
}

/* ORDER BY position, id: rows are numbered in the order of the file. */
static GArray *
sorted_rows (JsonArray *rows)
{
  guint n = rows != NULL ? json_array_get_length (rows) : 0;
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (Row), n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      Row r = { int_member (row, "position"), i, row };

      g_array_append_val (sorted, r);
    }
  g_array_sort (sorted, compare_rows);

  return sorted;
}

/* A reference, or %NULL when it is null or left out. */
static const char *
ref_member (JsonObject *row,
            const char *key)
{
  JsonNode *node = json_object_get_member (row, key);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

/* A team's node is its uuid; no team is the customer. */
static const char *
team_node (JsonObject *row,
           const char *key)
{
  const char *team = ref_member (row, key);

  return team != NULL ? team : SAM_MAP_CUSTOMER_ID;
}

static void
add_nodes (SamMapModel     *model,
           SamWorkshopFile *file)
{
  g_autoptr(GArray) teams = sorted_rows (sam_workshop_file_get_table (file, "team"));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < teams->len; i++)
    {
      JsonObject *team = g_array_index (teams, Row, i).row;
      const char *uuid = json_object_get_string_member (team, "uuid");

      if (!sam_map_model_add_node (model, uuid, text_member (team, "name"),
                                   SAM_MAP_NODE_TEAM, CLAMP (int_member (team, "colour"), 0, G_MAXINT32),
                                   CLAMP (int_member (team, "people"), 0, G_MAXINT32), &error))
        {
          g_debug ("Map node %s left out: %s", uuid, error->message);
          g_clear_error (&error);
        }
    }

  sam_map_model_add_node (model, SAM_MAP_CUSTOMER_ID, _("The customer"), SAM_MAP_NODE_CUSTOMER, 0, 0, NULL);
}

static void
add_relations (SamMapModel     *model,
               SamWorkshopFile *file)
{
  JsonArray *rows = sam_workshop_file_get_table (file, "map_relation");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      const char *uuid = json_object_get_string_member (r, "uuid");

      if (!sam_map_model_add_relation (model, uuid, team_node (r, "team_a"), team_node (r, "team_b"),
                                       CLAMP (int_member (r, "quality"), 0, SAM_MAP_QUALITY_MAX),
                                       CLAMP (int_member (r, "tension"), 0, SAM_MAP_TENSION_HIGH), &error))
        {
          g_debug ("Relation %s left out: %s", uuid, error->message);
          g_clear_error (&error);
        }
    }
}

/* The node a strength or challenge belongs to: the team it is about, or
 * the team that wrote it. */
static const char *
card_node (JsonObject *card)
{
  const char *team = ref_member (card, "about_team");

  return team != NULL ? team : ref_member (card, "team");
}

static void
add_links (SamMapModel *model,
           const char  *step,
           GPtrArray   *links,
           GHashTable  *cards)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      JsonObject *link = g_ptr_array_index (links, i);
      const char *uuid = json_object_get_string_member (link, "uuid");
      JsonObject *from = g_hash_table_lookup (cards, ref_member (link, "from_card"));
      JsonObject *to = g_hash_table_lookup (cards, ref_member (link, "to_card"));
      const char *a, *b;

      /* Both cards are of the link's own step. */
      if (g_strcmp0 (text_member (link, "kind"), "potential") != 0 ||
          from == NULL || to == NULL ||
          g_strcmp0 (ref_member (from, "step"), step) != 0 || g_strcmp0 (ref_member (to, "step"), step) != 0)
        continue;

      a = card_node (from);
      b = card_node (to);
      if (a == NULL || b == NULL || g_str_equal (a, b))
        continue;

      if (!sam_map_model_add_link (model, uuid, a, b, text_member (from, "text"), text_member (to, "text"),
                                   &error))
        {
          g_debug ("Link %s left out: %s", uuid, error->message);
          g_clear_error (&error);
        }
    }
}

static void
add_beliefs (SamMapModel *model,
             GArray      *step_cards)
{
  g_autoptr(GError) error = NULL;

  g_array_sort (step_cards, compare_rows);
  for (guint i = 0; i < step_cards->len; i++)
    {
      JsonObject *card = g_array_index (step_cards, Row, i).row;
      const char *uuid = json_object_get_string_member (card, "uuid");
      const char *holder = ref_member (card, "team");
      guint strength = CLAMP (int_member (card, "value"), 1, SAM_MAP_STRENGTH_MAX);

      /* A belief needs someone who holds it: a card without a team is skipped. */
      if (g_strcmp0 (text_member (card, "kind"), "belief") != 0 || holder == NULL)
        continue;

      if (!sam_map_model_add_belief (model, uuid, holder, team_node (card, "about_team"),
                                     text_member (card, "text"), strength, &error))
        {
          g_debug ("Belief %s left out: %s", uuid, error->message);
          g_clear_error (&error);
        }
    }
}

static void
add_cards (SamMapModel     *model,
           SamWorkshopFile *file)
{
  g_autoptr(GArray) steps = sorted_rows (sam_workshop_file_get_table (file, "step"));
  JsonArray *cards = sam_workshop_file_get_table (file, "card");
  JsonArray *links = sam_workshop_file_get_table (file, "card_link");
  g_autoptr(GHashTable) card_by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cards_by_step = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                               (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) links_by_step = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                               (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; cards != NULL && i < json_array_get_length (cards); i++)
    {
      JsonObject *card = json_array_get_object_element (cards, i);
      const char *step = ref_member (card, "step");
      GArray *list = g_hash_table_lookup (cards_by_step, step);
      Row r = { int_member (card, "position"), i, card };

      g_hash_table_insert (card_by_uuid, (gpointer) json_object_get_string_member (card, "uuid"), card);
      if (list == NULL)
        g_hash_table_insert (cards_by_step, (gpointer) step, list = g_array_new (FALSE, FALSE, sizeof (Row)));
      g_array_append_val (list, r);
    }

  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      const char *step = ref_member (link, "step");
      GPtrArray *list = g_hash_table_lookup (links_by_step, step);

      if (list == NULL)
        g_hash_table_insert (links_by_step, (gpointer) step, list = g_ptr_array_new ());
      g_ptr_array_add (list, link);
    }

  for (guint i = 0; i < steps->len; i++)
    {
      JsonObject *step = g_array_index (steps, Row, i).row;
      const char *uuid = json_object_get_string_member (step, "uuid");
      GArray *step_cards = g_hash_table_lookup (cards_by_step, uuid);

      add_links (model, uuid, g_hash_table_lookup (links_by_step, uuid), card_by_uuid);
      if (step_cards != NULL && g_strcmp0 (text_member (step, "kind"), "beliefs") == 0)
        add_beliefs (model, step_cards);
    }
}

static void
place_nodes (SamMapModel     *model,
             SamWorkshopFile *file)
{
  JsonArray *rows = sam_workshop_file_get_table (file, "map_node");
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *p = json_array_get_object_element (rows, i);
      const char *id = team_node (p, "team");

      if (sam_map_model_get_node (model, id) == NULL)
        continue;

      sam_map_model_set_node_position (model, id, real_member (p, "x"), real_member (p, "y"));
      sam_map_model_set_node_pinned (model, id, int_member (p, "pinned") != 0);
      g_hash_table_add (placed, (gpointer) id);
    }

  _sam_map_loader_place_unplaced (model, placed);
}

static gpointer
check_thread (gpointer data)
{
  SamWorkshopFile *file = data;
  GError *error = NULL;

  sam_workshop_file_check_import (file, &error);
  return error;
}

/**
 * sam_map_loader_load_file:
 * @file: a workshop file, as sam_workshop_file_load() read it
 * @error: return location for a #GError in %SAM_FILE_ERROR
 *
 * The map of a workshop file, without a database: the file is checked as
 * its import would check it (sam_workshop_file_check_import(), the same
 * messages), and its teams, relations, beliefs, links and positions are
 * read from its rows.  The map is the one sam_map_loader_load() reads
 * after an import with the file's uuids (sam_workshop_file_import_as_is()),
 * laid out the same way where the file stores no positions.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
SamMapModel *
sam_map_loader_load_file (SamWorkshopFile  *file,
                          GError          **error)
{
  g_autoptr(SamMapModel) model = NULL;
  GThread *checker;
  GError *check_error;

  g_return_val_if_fail (SAM_IS_WORKSHOP_FILE (file), NULL);

  /* Only reads the rows, as the check does: neither changes the file. */
  checker = g_thread_new ("sam-file-check", check_thread, file);

  model = sam_map_model_new ();
  add_nodes (model, file);
  add_relations (model, file);
  add_cards (model, file);
  place_nodes (model, file);

  check_error = g_thread_join (checker);
  if (check_error != NULL)
    {
      g_propagate_error (error, check_error);
      return NULL;
    }

  return g_steal_pointer (&model);
}
