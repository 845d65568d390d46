/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "sam-map-model.h"

G_BEGIN_DECLS

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

  /* The relations again, keyed by their pair of nodes in either order,
   * built on the first lookup: a map of 1,000 relations spent more time
   * searching for duplicate pairs than on its layout. */
  GHashTable *relation_pairs;

  guint64     serial;
  guint64     structure_serial;
};

void     _sam_map_model_element_set_add    (ElementSet   *set,
                                            gpointer      element);
void     _sam_map_model_element_set_remove (ElementSet   *set,
                                            gpointer      element);
void     _sam_map_model_emit_changed       (SamMapModel  *self,
                                            SamMapKind    kind,
                                            const char   *id);
void     _sam_map_model_emit_removed       (SamMapModel  *self,
                                            SamMapKind    kind,
                                            const char   *id);
gboolean _sam_map_model_check_new_id       (SamMapModel  *self,
                                            const char   *id,
                                            GError      **error);
gboolean _sam_map_model_check_node_pair    (SamMapModel  *self,
                                            const char   *a,
                                            const char   *b,
                                            GError      **error);

G_END_DECLS
