/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "sam-catalog.h"

G_BEGIN_DECLS

/**
 * SamMapKind:
 * @SAM_MAP_KIND_NONE: nothing (e.g. no selection)
 * @SAM_MAP_KIND_NODE: a team or the customer
 * @SAM_MAP_KIND_RELATION: how two nodes work together
 * @SAM_MAP_KIND_BELIEF: a statement one node holds about another
 * @SAM_MAP_KIND_LINK: a strength of one node that can help a challenge of another
 */
typedef enum
{
  SAM_MAP_KIND_NONE,
  SAM_MAP_KIND_NODE,
  SAM_MAP_KIND_RELATION,
  SAM_MAP_KIND_BELIEF,
  SAM_MAP_KIND_LINK,
} SamMapKind;

typedef enum
{
  SAM_MAP_TENSION_NONE,
  SAM_MAP_TENSION_SOME,
  SAM_MAP_TENSION_HIGH,
} SamMapTension;

typedef enum
{
  SAM_MAP_NODE_TEAM,
  SAM_MAP_NODE_CUSTOMER,
} SamMapNodeType;

/**
 * SamMapChange:
 * How a relation differs between a start and an end snapshot.  Quality up or
 * tension down is an improvement; both directions at once is mixed.
 */
typedef enum
{
  SAM_MAP_CHANGE_UNCHANGED,
  SAM_MAP_CHANGE_ADDED,
  SAM_MAP_CHANGE_REMOVED,
  SAM_MAP_CHANGE_IMPROVED,
  SAM_MAP_CHANGE_WORSENED,
  SAM_MAP_CHANGE_MIXED,
} SamMapChange;

#define SAM_MAP_QUALITY_UNRATED 0
#define SAM_MAP_QUALITY_MAX     5
#define SAM_MAP_STRENGTH_MAX    5

#define SAM_MAP_ERROR (sam_map_error_quark ())

typedef enum
{
  SAM_MAP_ERROR_INVALID,     /* unknown id, duplicate id, bad value */
  SAM_MAP_ERROR_PARSE,       /* a snapshot's JSON could not be read */
  SAM_MAP_ERROR_EXPORT,      /* cairo could not produce the file */
} SamMapError;

GQuark sam_map_error_quark (void);

#define SAM_TYPE_MAP_KIND (sam_map_kind_get_type ())
GType sam_map_kind_get_type (void);
#define SAM_TYPE_MAP_TENSION (sam_map_tension_get_type ())
GType sam_map_tension_get_type (void);

/* The element structs are owned by the model and read-only for everybody
 * else; a pointer stays valid until the element is removed or the model is
 * finalized.  Change them through the sam_map_model_* functions only. */

typedef struct
{
  char           *id;
  char           *name;
  SamMapNodeType  type;
  guint           color;       /* index into the team palette */
  guint           people;      /* 0 = unknown */
  double          x;           /* world coordinates */
  double          y;
  gboolean        pinned;
} SamMapNode;

typedef struct
{
  char          *id;
  char          *node_a;       /* node ids; a relation has no direction */
  char          *node_b;
  guint          quality;      /* 0 = not yet rated, 1..5 */
  SamMapTension  tension;
} SamMapRelation;

typedef struct
{
  char  *id;
  char  *holder;               /* node id of the team that believes it */
  char  *about;                /* node id the belief is about */
  char  *text;
  guint  strength;             /* 1..5 */
} SamMapBelief;

typedef struct
{
  char *id;
  char *from;                  /* node id with the strength */
  char *to;                    /* node id with the challenge */
  char *strength;
  char *challenge;
} SamMapLink;

typedef struct
{
  char         *node_a;        /* sorted: strcmp (node_a, node_b) < 0 */
  char         *node_b;
  char         *relation_id;   /* of the end snapshot, else of the start */
  SamMapChange  change;
  guint         quality_start;
  guint         quality_end;
  SamMapTension tension_start;
  SamMapTension tension_end;
  guint         beliefs_start; /* beliefs between the two nodes, both ways */
  guint         beliefs_end;
} SamMapRelationChange;

#define SAM_TYPE_MAP_MODEL (sam_map_model_get_type ())

G_DECLARE_FINAL_TYPE (SamMapModel, sam_map_model, SAM, MAP_MODEL, GObject)

char             *sam_map_new_id                  (void);
const char       *sam_map_quality_to_string       (guint          quality);
const char       *sam_map_quality_to_string_in    (guint          quality,
                                                   SamCatalog    *catalog);
const char       *sam_map_tension_to_string       (SamMapTension  tension);
const char       *sam_map_tension_to_string_in    (SamMapTension  tension,
                                                   SamCatalog    *catalog);
const char       *sam_map_change_to_string        (SamMapChange   change);

SamMapModel      *sam_map_model_new               (void);
SamMapModel      *sam_map_model_copy              (SamMapModel   *self);
void              sam_map_model_clear             (SamMapModel   *self);
guint64           sam_map_model_get_serial        (SamMapModel   *self);
guint64           sam_map_model_get_structure_serial (SamMapModel *self);

/* Nodes */
gboolean          sam_map_model_add_node          (SamMapModel     *self,
                                                   const char      *id,
                                                   const char      *name,
                                                   SamMapNodeType   type,
                                                   guint            color,
                                                   guint            people,
                                                   GError         **error);
gboolean          sam_map_model_update_node       (SamMapModel     *self,
                                                   const char      *id,
                                                   const char      *name,
                                                   guint            color,
                                                   guint            people);
gboolean          sam_map_model_remove_node       (SamMapModel     *self,
                                                   const char      *id);
const SamMapNode *sam_map_model_get_node          (SamMapModel     *self,
                                                   const char      *id);
GPtrArray        *sam_map_model_get_nodes         (SamMapModel     *self);
gboolean          sam_map_model_get_node_position (SamMapModel     *self,
                                                   const char      *id,
                                                   double          *x,
                                                   double          *y);
gboolean          sam_map_model_set_node_position (SamMapModel     *self,
                                                   const char      *id,
                                                   double           x,
                                                   double           y);
void              sam_map_model_commit_positions  (SamMapModel     *self);
gboolean          sam_map_model_set_node_pinned   (SamMapModel     *self,
                                                   const char      *id,
                                                   gboolean         pinned);

/* Relations */
gboolean              sam_map_model_add_relation    (SamMapModel    *self,
                                                     const char     *id,
                                                     const char     *node_a,
                                                     const char     *node_b,
                                                     guint           quality,
                                                     SamMapTension   tension,
                                                     GError        **error);
gboolean              sam_map_model_update_relation (SamMapModel    *self,
                                                     const char     *id,
                                                     guint           quality,
                                                     SamMapTension   tension);
gboolean              sam_map_model_remove_relation (SamMapModel    *self,
                                                     const char     *id);
const SamMapRelation *sam_map_model_get_relation    (SamMapModel    *self,
                                                     const char     *id);
const SamMapRelation *sam_map_model_find_relation   (SamMapModel    *self,
                                                     const char     *node_a,
                                                     const char     *node_b);
GPtrArray            *sam_map_model_get_relations   (SamMapModel    *self);

/* Beliefs */
gboolean            sam_map_model_add_belief      (SamMapModel  *self,
                                                   const char   *id,
                                                   const char   *holder,
                                                   const char   *about,
                                                   const char   *text,
                                                   guint         strength,
                                                   GError      **error);
gboolean            sam_map_model_update_belief   (SamMapModel  *self,
                                                   const char   *id,
                                                   const char   *text,
                                                   guint         strength);
gboolean            sam_map_model_remove_belief   (SamMapModel  *self,
                                                   const char   *id);
const SamMapBelief *sam_map_model_get_belief      (SamMapModel  *self,
                                                   const char   *id);
GPtrArray          *sam_map_model_get_beliefs     (SamMapModel  *self);
GPtrArray          *sam_map_model_list_beliefs    (SamMapModel  *self,
                                                   const char   *holder,
                                                   const char   *about);
guint               sam_map_model_count_beliefs   (SamMapModel  *self,
                                                   const char   *node_a,
                                                   const char   *node_b);

/* Strength → challenge links */
gboolean          sam_map_model_add_link          (SamMapModel  *self,
                                                   const char   *id,
                                                   const char   *from,
                                                   const char   *to,
                                                   const char   *strength,
                                                   const char   *challenge,
                                                   GError      **error);
gboolean          sam_map_model_update_link       (SamMapModel  *self,
                                                   const char   *id,
                                                   const char   *strength,
                                                   const char   *challenge);
gboolean          sam_map_model_remove_link       (SamMapModel  *self,
                                                   const char   *id);
const SamMapLink *sam_map_model_get_link          (SamMapModel  *self,
                                                   const char   *id);
GPtrArray        *sam_map_model_get_links         (SamMapModel  *self);

gboolean          sam_map_model_remove            (SamMapModel  *self,
                                                   SamMapKind    kind,
                                                   const char   *id);
gboolean          sam_map_model_contains          (SamMapModel  *self,
                                                   SamMapKind    kind,
                                                   const char   *id);

/* Snapshots */
char             *sam_map_model_to_json           (SamMapModel  *self);
SamMapModel      *sam_map_model_new_from_json     (const char   *json,
                                                   GError      **error);
GPtrArray        *sam_map_model_compare           (SamMapModel  *start,
                                                   SamMapModel  *end);
void              sam_map_relation_change_free    (SamMapRelationChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMapRelationChange, sam_map_relation_change_free)

G_END_DECLS
