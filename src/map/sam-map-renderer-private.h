/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <pango/pangocairo.h>

#include "sam-map-renderer.h"

G_BEGIN_DECLS

/* Text is laid out once at this size and scaled when drawn. */
#define REF_PX 16.0

#define BADGE_RADIUS    13.0
#define BADGE_CLEAR     (BADGE_RADIUS + 3.0)  /* room a badge keeps from labels */

/* From this many lines on, relations are drawn thinner: in a map this
 * dense thick lines only hide each other. */
#define DENSE_LINES  60

/* What one draw covers: everything, everything but the node being dragged
 * and what hangs on it (the cached layer under a drag), or only that. */
typedef enum
{
  LAYER_ALL,
  LAYER_BASE,
  LAYER_DRAG,
} Layer;

typedef struct
{
  double r, g, b;
} Rgb;

typedef struct
{
  Rgb bg;
  Rgb fg;
  Rgb muted;
  Rgb accent;
  Rgb customer;
  Rgb quality[SAM_MAP_QUALITY_MAX + 1];
  Rgb link;
  Rgb improved;
  Rgb worsened;
  Rgb neutral_mark;
} Theme;

typedef struct
{
  const SamMapNode *node;
  PangoLayout      *label;
  double            label_w;   /* at REF_PX */
  double            label_h;
  PangoLayout      *people;
  double            people_w;
  double            people_h;
  gboolean          light_text; /* white text on the team colour */
  /* drawn once for image targets: the disc, the label's halo and its
   * text, each for one size, pixel scale and theme */
  cairo_surface_t  *sprite;
  double            sprite_r;
  double            sprite_scale;
  int               sprite_dark;
  cairo_surface_t  *halo_sprite;
  cairo_surface_t  *text_sprite;
  double            label_sprite_px;
  double            label_sprite_scale;
  int               label_sprite_dark;

  /* screen geometry of the last draw or hit test */
  double            sx;
  double            sy;
  double            sr;
  double            lx;
  double            ly;
  double            lw;
  double            lh;
} NodeCache;

typedef struct
{
  guint                 a;
  guint                 b;
  const SamMapRelation *relation;
  const SamMapRelationChange *change;
} EdgeCache;

typedef struct
{
  guint       holder;
  guint       about;
  guint       count;
  const char *first_id;
  gboolean    on_relation;
  double      sx;          /* screen centre of the badge */
  double      sy;
} BadgeCache;

typedef struct
{
  guint             from;
  guint             to;
  const SamMapLink *link;
} LinkCache;

typedef struct
{
  double  x0, y0;          /* world bounds of the grid */
  double  cell;
  guint   cols;
  guint   rows;
  guint  *start;           /* cols * rows + 1 offsets into items */
  guint  *items;           /* edge index; links follow the relations */
  guint  *stamp;
  guint   query;
  guint64 serial;
  gboolean valid;
} HitGrid;

struct _SamMapRenderer
{
  GObject          parent_instance;

  SamMapModel     *model;
  SamMapModel     *start;             /* comparison snapshot */
  SamCatalog      *catalog;           /* the readers' language; NULL: the UI's */
  GPtrArray       *changes;
  GHashTable      *change_by_relation; /* relation id in model → change */
  guint64          changes_serial;
  guint64          start_serial;

  PangoContext    *context;
  PangoFontDescription *font;
  PangoFontDescription *bold_font;

  guint64          cache_serial;
  gboolean         cache_valid;
  GArray          *nodes;             /* NodeCache */
  GArray          *edges;             /* EdgeCache */
  GArray          *badges;            /* BadgeCache */
  GArray          *links;             /* LinkCache */
  GHashTable      *node_index;        /* id → index + 1 */
  PangoLayout     *count_layouts[10]; /* "1".."9", "9+" */
  PangoLayout     *mark_layouts[6];   /* comparison symbols per SamMapChange */
  GHashTable      *badge_sprites;     /* count and direction → badge drawn once, for images */
  int              badge_sprites_dark; /* -1: none drawn yet */
  double           badge_sprites_scale;

  PangoLayout     *callout;
  gboolean         callout_valid;

  GPtrArray       *legend;            /* LegendEntry */
  PangoLayout     *legend_title;
  cairo_surface_t *dot_sprite;        /* a link's dot, for images */
  double           dot_sprite_radius;
  double           dot_sprite_scale;
  int              dot_sprite_dark;
  cairo_surface_t *legend_sprite;     /* the legend drawn once, for images */
  double           legend_sprite_width;
  double           legend_sprite_height;
  double           legend_sprite_max_height;
  double           legend_sprite_scale;
  int              legend_sprite_dark;

  HitGrid          grid;

  SamMapKind       selected_kind;
  char            *selected_id;
  SamMapKind       hover_kind;
  char            *hover_id;
  char            *pending_from;
  double           pending_x;
  double           pending_y;

  SamMapTransform  geometry_transform;
  guint64          geometry_serial;
  gboolean         geometry_valid;

  /* cached layer of everything but hover, selection and drag feedback */
  cairo_surface_t *base;
  double           cache_scale;
  guint64          base_serial;
  guint64          base_start_serial;
  SamMapTransform  base_transform;
  double           base_width;
  double           base_height;
  char            *base_dim_node;
  gboolean         base_dark;
  gboolean         base_legend;

  /* the draw in progress: pixels per unit of an image target, with which
   * discs, labels, badges and the legend are painted as sprites (0 on a
   * vector target: drawn as shapes), and the layer it covers */
  double           sprite_scale;
  Layer            layer;
  int              drag_index;        /* -1: no node dragged */

  /* a node being dragged: the cached layer leaves it out */
  char            *drag_id;
  guint64          base_structure_serial;
  char            *base_drag_id;
  gboolean         base_stale;        /* the last draw showed the layer of another view */
  gboolean         lazy_base;

  double           label_min_px;
  guint            dark : 1;
  guint            show_legend : 1;
  guint            interactive : 1;
  guint            hide_callout : 1;
  guint            no_background : 1;
};

void     _sam_map_renderer_ensure_cache    (SamMapRenderer        *self);
void     _sam_map_renderer_ensure_geometry (SamMapRenderer        *self,
                                            const SamMapTransform *transform);
void     _sam_map_renderer_invalidate_grid (SamMapRenderer        *self);
void     _sam_map_renderer_clear_grid      (SamMapRenderer        *self);
gboolean _sam_map_renderer_handle_position (SamMapRenderer        *self,
                                            double                *x,
                                            double                *y,
                                            double                *r);
void     _sam_map_link_curve               (double                 x0,
                                            double                 y0,
                                            double                 x1,
                                            double                 y1,
                                            double                *cx,
                                            double                *cy);

/* sam-map-renderer.c */
const Theme *_sam_map_renderer_theme        (SamMapRenderer *self);
void         _sam_map_renderer_set_rgb      (cairo_t        *cr,
                                             const Rgb      *c,
                                             double          alpha);
void         _sam_map_renderer_show_scaled  (cairo_t        *cr,
                                             PangoLayout    *layout,
                                             double          x,
                                             double          y,
                                             double          px);
double       _sam_map_renderer_edge_width   (guint           quality,
                                             double          scale);
cairo_surface_t *_sam_map_renderer_sprite_new (double     width,
                                               double     height,
                                               double     scale,
                                               cairo_t  **cr);
void         _sam_map_renderer_paint_sprite (cairo_t         *cr,
                                             cairo_surface_t *sprite,
                                             double           x,
                                             double           y);
/* Whether a square of half side @half around (@x, @y) lies wholly outside
 * @clip (cairo_clip_extents(): x1, y1, x2, y2).  Cairo builds a stroked
 * circle's whole outline even where none of it shows (a map zoomed in, or
 * drawn in part), so what lies outside is skipped. */
static inline gboolean
_sam_map_renderer_outside_clip (const double *clip,
                                double        x,
                                double        y,
                                double        half)
{
  return x + half < clip[0] || x - half > clip[2] || y + half < clip[1] || y - half > clip[3];
}

gboolean     _sam_map_renderer_in_layer     (SamMapRenderer  *self,
                                             guint            a,
                                             guint            b);
void         _sam_map_renderer_rounded_rect (cairo_t        *cr,
                                             double          x,
                                             double          y,
                                             double          w,
                                             double          h,
                                             double          r);

/* sam-map-renderer-cache.c */
void         _sam_map_renderer_clear_caches (SamMapRenderer             *self);
PangoLayout *_sam_map_renderer_make_layout  (SamMapRenderer             *self,
                                             const char                 *text,
                                             const PangoFontDescription *font);
void         _sam_map_renderer_layout_size  (PangoLayout                *layout,
                                             double                     *w,
                                             double                     *h);
guint        _sam_map_renderer_node_index   (SamMapRenderer             *self,
                                             const char                 *id,
                                             gboolean                   *found);
double       _sam_map_renderer_label_px     (SamMapRenderer             *self,
                                             double                      scale);

/* sam-map-renderer-edges.c */
void         _sam_map_renderer_zigzag_path            (cairo_t               *cr,
                                                       double                 ax,
                                                       double                 ay,
                                                       double                 bx,
                                                       double                 by,
                                                       double                 amplitude,
                                                       double                 period);
void         _sam_map_renderer_set_tension_style      (cairo_t               *cr,
                                                       SamMapTension          tension,
                                                       double                 width);
void         _sam_map_renderer_draw_relations         (SamMapRenderer        *self,
                                                       cairo_t               *cr,
                                                       const SamMapTransform *t);
void         _sam_map_renderer_link_geometry          (SamMapRenderer        *self,
                                                       const LinkCache       *lc,
                                                       double                 p[8]);
void         _sam_map_renderer_arrow_head             (cairo_t               *cr,
                                                       double                 x,
                                                       double                 y,
                                                       double                 ux,
                                                       double                 uy,
                                                       double                 size);
void         _sam_map_renderer_draw_links             (SamMapRenderer        *self,
                                                       cairo_t               *cr,
                                                       const SamMapTransform *t);
void         _sam_map_renderer_draw_highlights        (SamMapRenderer        *self,
                                                       cairo_t               *cr,
                                                       const SamMapTransform *t);
void         _sam_map_renderer_draw_belief_only_lines (SamMapRenderer        *self,
                                                       cairo_t               *cr);
PangoLayout *_sam_map_renderer_count_layout           (SamMapRenderer        *self,
                                                       guint                  count);
void         _sam_map_renderer_badge_shape            (cairo_t               *cr,
                                                       const BadgeCache      *bc,
                                                       const NodeCache       *holder,
                                                       double                 radius);
void         _sam_map_renderer_draw_badges            (SamMapRenderer        *self,
                                                       cairo_t               *cr);

/* sam-map-renderer-nodes.c */
int  _sam_map_renderer_selected_node_index (SamMapRenderer        *self);
void _sam_map_renderer_person_pictogram    (cairo_t               *cr,
                                            double                 x,
                                            double                 y,
                                            double                 size,
                                            const Rgb             *color);
void _sam_map_renderer_draw_nodes          (SamMapRenderer        *self,
                                            cairo_t               *cr);
void _sam_map_renderer_draw_node_rings     (SamMapRenderer        *self,
                                            cairo_t               *cr);
void _sam_map_renderer_draw_labels         (SamMapRenderer        *self,
                                            cairo_t               *cr,
                                            const SamMapTransform *t);
void _sam_map_renderer_draw_interaction    (SamMapRenderer        *self,
                                            cairo_t               *cr);

/* sam-map-renderer-legend.c */
void _sam_map_renderer_draw_change_bands      (SamMapRenderer        *self,
                                               cairo_t               *cr,
                                               const SamMapTransform *t);
void _sam_map_renderer_draw_removed_relations (SamMapRenderer        *self,
                                               cairo_t               *cr);
void _sam_map_renderer_draw_change_marks      (SamMapRenderer        *self,
                                               cairo_t               *cr);
void _sam_map_renderer_legend_placement       (SamMapRenderer        *self,
                                               double                 width,
                                               double                 height,
                                               SamMapRect            *area,
                                               double                *max_height);

/* sam-map-renderer-callout.c */
void _sam_map_renderer_draw_callout (SamMapRenderer *self,
                                     cairo_t        *cr,
                                     double          width,
                                     double          height);

G_END_DECLS
