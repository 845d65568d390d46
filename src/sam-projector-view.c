/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sam-join-card.h"
#include "sam-map-loader.h"
#include "sam-map-renderer.h"
#include "sam-projector-content.h"
#include "sam-projector-item.h"
#include "sam-chart-text.h"
#include "sam-floor-bin.h"
#include "sam-projector-view.h"
#include "sam-store-decide.h"
#include "sam-timer.h"

/* What the room sees: the step's title and instructions, its timer, and
 * what the teams wrote, read-only and live from the store.  It reads no
 * coach notes, no settings but "votes revealed", and holds no control.
 * Cards are cells of a grid over a list of #SamProjectorItem; long content
 * is shown a page at a time (the coach turns pages from the console),
 * never scrolled. */
struct _SamProjectorView
{
  GtkWidget parent_instance;

  GtkStack *mode_stack;
  GtkLabel *title_label;
  GtkLabel *instructions_label;
  GtkLabel *timer_label;
  GtkLabel *timer_status;
  GtkStack *content_stack;
  GtkScrolledWindow *scroller;
  GtkGridView *grid;
  GtkDrawingArea *map_area;
  GtkLabel *page_label;
  GtkLabel *blank_label;
  SamJoinCard *join_card;

  SamStore *store;
  SamWorkshop *workshop;
  SamStep *step;
  GListStore *items;
  GPtrArray *models;   /* the store's live lists the step's content is in */
  GPtrArray *objects;  /* their items, whose edits are followed */
  SamMapLoader *map_loader;
  SamMapRenderer *map_renderer;

  GtkSliceListModel *slice;
  GArray *page_starts;  /* of guint: the first cell of each page found */
  guint columns;
  guint n_pages;
  GdkFrameClock *clock;
  gulong after_paint_id;
  gboolean measure_pending;
  gboolean seek_highlight;

  gboolean blank;
  gboolean join;
  guint page;
  gint64 highlight;
  guint rebuild_id;
  guint rebind_id;
  int chart_viewport;  /* the height charts were sized for; -1: no chart */
  GtkWidget *probe;    /* a cell never shown, to measure the pages ahead */
  gboolean measuring_chart;
  guint tick_id;
};

G_DEFINE_FINAL_TYPE (SamProjectorView, sam_projector_view, GTK_TYPE_WIDGET)

/* Cells */

/* The size of @widget's text in pixels, as its style gives it. */
static double
body_text_pixels (GtkWidget *widget)
{
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (font) ? size : size * 96.0 / 72.0;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  SamProjectorItem *item = g_object_get_data (G_OBJECT (area), "item");

  if (item == NULL)
    return;

  /* A chart's words are body text on the wall: never smaller than the
   * cards' (the projector window sizes the view's font). */
  sam_chart_text_set_minimum (cr, body_text_pixels (GTK_WIDGET (area)));
  sam_projector_item_draw_chart (item, cr, width, height,
                                 adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_object_set_data (G_OBJECT (area), "drawn-text",
                     GINT_TO_POINTER ((int) (sam_chart_text_get_smallest_drawn (cr) * 100)));
}

/**
 * sam_projector_view_get_chart_text:
 * @chart: a chart of the projector view (the style class
 *   `sam-projector-chart`)
 *
 * The size of the smallest text @chart drew the last time it was drawn,
 * so what it shows can be measured like the labels around it.
 *
 * Returns: the size in pixels; 0 when @chart drew no text (yet)
 */
double
sam_projector_view_get_chart_text (GtkWidget *chart)
{
  g_return_val_if_fail (GTK_IS_DRAWING_AREA (chart), 0);

  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chart), "drawn-text")) / 100.0;
}

/* A cell: the team's colour, the text, its details, and at its foot a
 * chart (a whole page, or a card's bar) beside the badge. */
static GtkWidget *
cell_new (void)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *foot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *chart = gtk_drawing_area_new ();
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (cell, "sam-projector-cell");
  gtk_widget_add_css_class (swatch, "sam-projector-swatch");
  gtk_widget_add_css_class (text, "sam-projector-card-text");
  gtk_widget_add_css_class (detail, "sam-projector-detail");
  gtk_widget_add_css_class (chart, "sam-projector-chart");
  gtk_widget_add_css_class (badge, "sam-projector-badge");
  /* Every label wraps: a long word never widens the grid beyond the
   * screen (the window would grow, and its type with it). */
  for (GtkWidget *label = text; label != NULL;
       label = label == text ? detail : label == detail ? badge : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
    }
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (chart, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (chart), draw_chart, NULL, NULL);
  /* A chart is named by its title; a statement's bar by the statement. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_RELATION_LABELLED_BY, text, NULL, -1);
  gtk_box_append (GTK_BOX (cell), swatch);
  gtk_box_append (GTK_BOX (cell), text);
  gtk_box_append (GTK_BOX (cell), detail);
  gtk_box_append (GTK_BOX (foot), chart);
  gtk_box_append (GTK_BOX (foot), badge);
  gtk_box_append (GTK_BOX (cell), foot);
  return cell;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  GtkWidget *cell = cell_new ();

  /* A row the grid keeps out of sight may get no room at all. */
  gtk_list_item_set_child (list_item, sam_floor_bin_new (cell));
  g_object_set_data (G_OBJECT (cell), "list-item", list_item);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void fill_cell (SamProjectorView *self,
                       GtkWidget        *cell,
                       SamProjectorItem *item);

/* The cell a row of the grid shows (setup_cell()), or %NULL. */
static GtkWidget *
cell_of_row (GtkWidget *row)
{
  GtkWidget *bin = gtk_widget_get_first_child (row);

  return SAM_IS_FLOOR_BIN (bin) ? sam_floor_bin_get_child (SAM_FLOOR_BIN (bin)) : NULL;
}

/* The probe's height for @width.  A width the layout has not given yet (0,
 * or below what the cell needs) is raised to the cell's minimum: GTK 4.24
 * refuses to measure a widget for less than it needs. */
static int
probe_height (SamProjectorView *self,
              int               width)
{
  int min_width = 0, height = 0;

  gtk_widget_measure (self->probe, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (self->probe, GTK_ORIENTATION_VERTICAL, MAX (width, min_width), NULL, &height, NULL, NULL);
  return height;
}

/* A chart that is a page gets the whole page but for its title and
 * details: measured on the probe cell holding @item with no chart. */
static int
chart_height (SamProjectorView *self,
              SamProjectorItem *item,
              int               viewport)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  double em = body_text_pixels (GTK_WIDGET (self->scroller));
  int rest;

  if (width <= 1 || self->measuring_chart)
    return MAX (viewport * 3 / 4, 120);

  self->measuring_chart = TRUE;
  fill_cell (self, self->probe, item);
  rest = probe_height (self, width);
  self->measuring_chart = FALSE;
  /* The grid's margin above the rows (0.5em) and a little air. */
  return MAX (viewport - rest - (int) ceil (em * 0.7), 120);
}

/* A chart item fills a page: its drawing takes the viewport's height
 * but for room for its title and details. */
static void
bind_chart (SamProjectorView *self,
            SamProjectorItem *item,
            GtkWidget        *chart)
{
  gboolean page = sam_projector_item_get_kind (item) == SAM_PROJECTOR_ITEM_CHART;
  int viewport = gtk_widget_get_height (GTK_WIDGET (self->scroller));

  g_object_set_data_full (G_OBJECT (chart), "item", g_object_ref (item), g_object_unref);
  if (page)
    self->chart_viewport = viewport;
  gtk_widget_set_visible (chart, sam_projector_item_has_chart (item));
  set_class (chart, "bar", !page);
  set_class (chart, "page", page);
  if (page && self->measuring_chart)
    gtk_widget_set_size_request (chart, -1, 0);
  else
    gtk_widget_set_size_request (chart, -1, page ? chart_height (self, item, viewport) : -1);
  gtk_widget_queue_draw (chart);
}

/* A cell made by cell_new() shows @item. */
static void
fill_cell (SamProjectorView *self,
           GtkWidget        *cell,
           SamProjectorItem *item)
{
  GtkWidget *swatch = gtk_widget_get_first_child (cell);
  GtkWidget *text = gtk_widget_get_next_sibling (swatch);
  GtkWidget *detail = gtk_widget_get_next_sibling (text);
  GtkWidget *foot = gtk_widget_get_next_sibling (detail);
  GtkWidget *chart = gtk_widget_get_first_child (foot);
  GtkWidget *badge = gtk_widget_get_next_sibling (chart);
  SamProjectorItemKind kind = sam_projector_item_get_kind (item);
  const char *old_colour = g_object_get_data (G_OBJECT (swatch), "colour-class");
  int colour = sam_projector_item_get_colour (item);
  gint64 id = sam_projector_item_get_card_id (item);

  if (old_colour != NULL)
    gtk_widget_remove_css_class (swatch, old_colour);
  if (colour >= 0)
    {
      char *name = g_strdup_printf ("team-colour-%d", colour);

      gtk_widget_add_css_class (swatch, name);
      g_object_set_data_full (G_OBJECT (swatch), "colour-class", name, g_free);
    }
  else
    g_object_set_data (G_OBJECT (swatch), "colour-class", NULL);

  /* The team's colour always comes with its name, never alone. */
  gtk_widget_set_visible (swatch, kind == SAM_PROJECTOR_ITEM_HEADING && colour >= 0);
  gtk_label_set_text (GTK_LABEL (text), sam_projector_item_get_text (item));
  gtk_widget_set_visible (text, kind != SAM_PROJECTOR_ITEM_EMPTY);
  gtk_label_set_text (GTK_LABEL (detail), sam_projector_item_get_detail (item) ? sam_projector_item_get_detail (item) : "");
  gtk_widget_set_visible (detail, sam_projector_item_get_detail (item) != NULL);
  gtk_label_set_text (GTK_LABEL (badge), sam_projector_item_get_badge (item) ? sam_projector_item_get_badge (item) : "");
  gtk_widget_set_visible (badge, sam_projector_item_get_badge (item) != NULL);
  bind_chart (self, item, chart);
  gtk_widget_set_visible (foot, gtk_widget_get_visible (badge) || gtk_widget_get_visible (chart));

  set_class (cell, "team-heading", kind == SAM_PROJECTOR_ITEM_HEADING);
  set_class (cell, "card", kind == SAM_PROJECTOR_ITEM_CARD);
  set_class (cell, "chart", kind == SAM_PROJECTOR_ITEM_CHART);
  set_class (cell, "highlight", id != 0 && id == self->highlight);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SamProjectorView         *self)
{
  fill_cell (self, sam_floor_bin_get_child (SAM_FLOOR_BIN (gtk_list_item_get_child (list_item))),
             gtk_list_item_get_item (list_item));
}

/* Paging: a page shows the rows of cells that fit whole.  The grid gets
 * every cell from the page's first on; after it is laid out, the first
 * row that does not fit whole starts the next page and the grid is cut
 * there.  Nothing scrolls. */

static void
update_page_label (SamProjectorView *self)
{
  gboolean cards = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "cards") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->page_label), cards && self->n_pages > 1);
  if (self->n_pages > 1)
    {
      /* Translators: on the projector when the cards fill several screens */
      g_autofree char *text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);

      gtk_label_set_text (self->page_label, text);
    }
}

/* Where the rows start, how wide a cell is, and how far a row reaches
 * below its cell's edge, as the grid laid out the page shown. */
typedef struct
{
  double top;
  double slack;
  int    width;
} RowMetrics;

/* The first cell (of the slice) that the viewport does not show whole. */
static guint
find_cut (SamProjectorView *self,
          RowMetrics       *metrics)
{
  double viewport = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->slice));
  guint cut = G_MAXUINT;
  guint last = 0;
  gboolean any = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *cell = cell_of_row (child);
      GtkListItem *list_item = cell ? g_object_get_data (G_OBJECT (cell), "list-item") : NULL;
      graphene_point_t bottom, top, in_row;
      guint position;

      if (list_item == NULL || !gtk_widget_get_child_visible (child) ||
          gtk_list_item_get_item (list_item) == NULL ||
          !gtk_widget_compute_point (cell, GTK_WIDGET (self->scroller),
                                     &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (cell)), &bottom))
        continue;

      position = gtk_list_item_get_position (list_item);
      if (position == 0 && gtk_widget_compute_point (child, GTK_WIDGET (self->scroller),
                                                     &GRAPHENE_POINT_INIT (0, 0), &top) &&
          gtk_widget_compute_point (cell, child, &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (cell)), &in_row))
        {
          metrics->top = top.y;
          metrics->slack = gtk_widget_get_height (child) - in_row.y;
          metrics->width = gtk_widget_get_width (child);
        }
      any = TRUE;
      last = MAX (last, position);
      if (bottom.y > viewport + 0.5)
        cut = MIN (cut, position);
    }

  /* Rows below the last one laid out are not on this page either. */
  if (cut == G_MAXUINT && any && last + 1 < n)
    cut = last + 1;
  return cut;
}

static double
cell_height (SamProjectorView *self,
             guint             position,
             int               width)
{
  g_autoptr(SamProjectorItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  fill_cell (self, self->probe, item);
  return probe_height (self, width);
}

/* The pages the cells from @start on fill: each cell measured as the grid
 * lays it out, the pages cut as after_paint_cb() cuts them once shown.
 * So "Page 1 of 3" says from the first page on how many there are. */
static guint
count_pages_from (SamProjectorView *self,
                  guint             start,
                  const RowMetrics *metrics)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  double room = gtk_widget_get_height (GTK_WIDGET (self->scroller)) - metrics->top + metrics->slack + 0.5;
  guint pages = 0, i = start;

  while (i < total)
    {
      g_autoptr(SamProjectorItem) first = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      guint least = sam_projector_item_get_kind (first) == SAM_PROJECTOR_ITEM_HEADING ? 2 : 1;
      double used = 0;

      for (guint rows = 0; i < total; rows++)
        {
          guint end = MIN (i + self->columns, total);
          double row = 0;

          for (guint j = i; j < end; j++)
            row = MAX (row, cell_height (self, j, metrics->width));
          if (rows >= least && used + row > room)
            break;
          used += row;
          i = end;
        }
      pages++;
    }
  return pages;
}

/* After a frame is painted the grid is laid out: the page is measured
 * then, and cut where its rows stop fitting. */
static void show_page_of (SamProjectorView *self,
                          gint64            id);

static void queue_rebind (SamProjectorView *self);

static void
after_paint_cb (SamProjectorView *self)
{
  guint start = g_array_index (self->page_starts, guint, self->page);
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  RowMetrics metrics = { 0, 0, 0 };
  guint cut;

  /* A chart sized before the viewport had its height is sized again. */
  if (self->chart_viewport >= 0 && ABS (self->chart_viewport - gtk_widget_get_height (GTK_WIDGET (self->scroller))) > 1)
    queue_rebind (self);

  if (!self->measure_pending || gtk_widget_get_height (GTK_WIDGET (self->scroller)) <= 1)
    return;

  self->measure_pending = FALSE;
  g_array_set_size (self->page_starts, self->page + 1);
  cut = find_cut (self, &metrics);
  if (cut == G_MAXUINT)
    self->n_pages = self->page + 1;
  else
    {
      /* At least one row a page, even one taller than the screen, and
       * never the teams' names without a row of their cards. */
      g_autoptr(SamProjectorItem) first = g_list_model_get_item (G_LIST_MODEL (self->items), start);
      guint least = self->columns * (first != NULL && sam_projector_item_get_kind (first) == SAM_PROJECTOR_ITEM_HEADING ? 2 : 1);
      guint row = MAX (cut - cut % self->columns, least);
      guint next = start + row;

      gtk_slice_list_model_set_size (self->slice, row);
      g_array_append_val (self->page_starts, next);
      if (metrics.width > 0)
        self->n_pages = self->page + 1 + count_pages_from (self, next, &metrics);
      else
        self->n_pages = self->page + 1 + (total > next ? (total - next + row - 1) / row : 0);
    }
  update_page_label (self);

  /* The page is known now: the highlighted card may be on another. */
  if (self->seek_highlight)
    {
      self->seek_highlight = FALSE;
      show_page_of (self, self->highlight);
    }
}

static void
show_page (SamProjectorView *self)
{
  guint start;

  if (self->page >= self->page_starts->len)
    self->page = self->page_starts->len - 1;
  start = g_array_index (self->page_starts, guint, self->page);

  gtk_slice_list_model_set_offset (self->slice, start);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  /* The page starts at its first cell: the grid would keep the cell it
   * showed at the top, which is further down when turning back. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->slice)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->grid), "list.scroll-to-item", "u", 0);
  self->measure_pending = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self->grid));
  update_page_label (self);
}

/* Back to the first page, e.g. for another step. */
static void
reset_pages (SamProjectorView *self)
{
  guint zero = 0;

  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, zero);
  self->page = 0;
  self->n_pages = 1;
  /* Before the list changes: the slice never starts past its end. */
  gtk_slice_list_model_set_offset (self->slice, 0);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

/* Timer */

static gboolean tick_cb (gpointer data);

static void
update_timer (SamProjectorView *self)
{
  SamTimer timer = { -1, 0 };
  gint64 now = sam_timer_now ();
  gint64 box = 0;
  SamTimerPhase phase;
  g_autofree char *text = NULL;

  if (self->step != NULL)
    {
      timer.remaining_ms = sam_step_get_timer_remaining (self->step);
      timer.deadline_ms = sam_step_get_timer_deadline (self->step);
      box = sam_step_get_minutes (self->step) * SAM_TIMER_MINUTE_MS;
    }

  phase = sam_timer_get_phase (&timer, now);
  text = sam_timer_format (sam_timer_get_remaining (&timer, box, now));
  if (g_strcmp0 (text, gtk_label_get_text (self->timer_label)) != 0)
    gtk_label_set_text (self->timer_label, text);

  /* A step without a time box (a welcome) shows no clock. */
  gtk_widget_set_visible (GTK_WIDGET (self->timer_label), box > 0 || phase != SAM_TIMER_IDLE);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_status), phase == SAM_TIMER_DONE);
  set_class (GTK_WIDGET (self->timer_label), "time-up", phase == SAM_TIMER_DONE);
  set_class (GTK_WIDGET (self->timer_label), "paused", phase == SAM_TIMER_PAUSED);

  if (phase == SAM_TIMER_RUNNING && self->tick_id == 0)
    self->tick_id = g_timeout_add (250, tick_cb, self);
  else if (phase != SAM_TIMER_RUNNING)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static gboolean
tick_cb (gpointer data)
{
  SamProjectorView *self = data;

  update_timer (self);
  return self->tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Map */

static void
draw_map (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  SamProjectorView *self = user_data;
  SamMapRect viewport = { 0, 0, width, height };
  SamMapTransform transform;
  SamMapRect legend;

  if (self->map_renderer == NULL || width <= 1 || height <= 1)
    return;

  /* Fitted beside or above the legend, never under it. */
  if (sam_map_renderer_get_legend_area (self->map_renderer, width, height, &legend))
    {
      if (legend.y <= 12.5)
        viewport.width = legend.x - 12;
      else
        viewport.height = legend.y - 12;
    }

  sam_map_renderer_set_dark (self->map_renderer, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  sam_map_renderer_set_cache_scale (self->map_renderer, MAX (gtk_widget_get_scale_factor (GTK_WIDGET (area)), 1));
  sam_map_renderer_fit (self->map_renderer, &viewport, &transform);
  sam_map_renderer_draw (self->map_renderer, cr, &transform, width, height);
}

static void
load_map (SamProjectorView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->map_loader == NULL)
    {
      self->map_loader = sam_map_loader_new (self->store, self->workshop);
      self->map_renderer = sam_map_renderer_new (sam_map_loader_get_model (self->map_loader));
      sam_map_renderer_set_interactive (self->map_renderer, FALSE);
      sam_map_renderer_set_show_legend (self->map_renderer, TRUE);
    }
  else if (!sam_map_loader_reload (self->map_loader, &error))
    g_message ("The projector keeps the map it had: %s", error->message);

  gtk_widget_queue_draw (GTK_WIDGET (self->map_area));
}

static void
drop_map (SamProjectorView *self)
{
  g_clear_object (&self->map_renderer);
  g_clear_object (&self->map_loader);
}

/* Content */

static gboolean
same_items (GListModel *a,
            GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamProjectorItem) x = g_list_model_get_item (a, i);
      g_autoptr(SamProjectorItem) y = g_list_model_get_item (b, i);

      if (sam_projector_item_get_kind (x) != sam_projector_item_get_kind (y) ||
          sam_projector_item_get_colour (x) != sam_projector_item_get_colour (y) ||
          sam_projector_item_get_card_id (x) != sam_projector_item_get_card_id (y) ||
          g_strcmp0 (sam_projector_item_get_text (x), sam_projector_item_get_text (y)) != 0 ||
          g_strcmp0 (sam_projector_item_get_detail (x), sam_projector_item_get_detail (y)) != 0 ||
          g_strcmp0 (sam_projector_item_get_badge (x), sam_projector_item_get_badge (y)) != 0 ||
          g_strcmp0 (sam_projector_item_get_chart_key (x), sam_projector_item_get_chart_key (y)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void watch_objects (SamProjectorView *self);

static void
rebuild (SamProjectorView *self)
{
  g_autoptr(GListStore) fresh = g_list_store_new (SAM_TYPE_PROJECTOR_ITEM);
  gboolean map = self->step != NULL && g_strcmp0 (sam_step_get_kind (self->step), "map") == 0;
  guint columns;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  watch_objects (self);

  gtk_label_set_text (self->blank_label, self->workshop ? sam_workshop_get_name (self->workshop) : "");
  sam_join_card_set_workshop (self->join_card, self->workshop ? sam_workshop_get_name (self->workshop) : NULL);
  gtk_label_set_text (self->title_label, self->step ? sam_step_get_title (self->step) : "");
  gtk_label_set_text (self->instructions_label, self->step ? sam_step_get_instructions (self->step) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->instructions_label),
                          self->step != NULL && *sam_step_get_instructions (self->step) != '\0');
  update_timer (self);

  if (map)
    {
      load_map (self);
      g_list_store_remove_all (self->items);
      gtk_stack_set_visible_child_name (self->content_stack, "map");
      reset_pages (self);
      update_page_label (self);
      return;
    }
  drop_map (self);

  columns = sam_projector_content_fill (fresh, self->store, self->workshop, self->step);
  self->columns = columns;
  gtk_grid_view_set_min_columns (self->grid, columns);
  gtk_grid_view_set_max_columns (self->grid, columns);
  if (!same_items (G_LIST_MODEL (fresh), G_LIST_MODEL (self->items)))
    {
      g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

      /* Pages after this one are found again. */
      g_array_set_size (self->page_starts, MIN (self->page + 1, self->page_starts->len));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fresh)); i++)
        g_ptr_array_add (all, g_list_model_get_item (G_LIST_MODEL (fresh), i));
      if (g_array_index (self->page_starts, guint, self->page) >= all->len)
        reset_pages (self);
      g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                           all->pdata, all->len);
      show_page (self);
    }
  gtk_stack_set_visible_child_name (self->content_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0 ? "cards" : "none");
  update_page_label (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  SamProjectorView *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (a card and the workshop's modified time): the
 * view reads the store once they are over, before the next frame. */
static void
queue_rebuild (SamProjectorView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_cb, self, NULL);
}

static void
step_notify_cb (SamProjectorView *self,
                GParamSpec       *pspec)
{
  if (g_str_has_prefix (pspec->name, "timer-") || g_str_equal (pspec->name, "minutes"))
    update_timer (self);
  else if (!g_str_equal (pspec->name, "notes"))
    queue_rebuild (self);
}

static void
unwatch_objects (SamProjectorView *self)
{
  if (self->objects == NULL)
    return;
  for (guint i = 0; i < self->objects->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->objects, i), queue_rebuild, self);
  g_ptr_array_set_size (self->objects, 0);
}

/* An edit notifies the card (or agreement, plan, team) it changes: each
 * item shown is followed, and followed anew after each rebuild. */
static void
watch_objects (SamProjectorView *self)
{
  unwatch_objects (self);
  for (guint i = 0; self->models != NULL && i < self->models->len; i++)
    {
      GListModel *model = g_ptr_array_index (self->models, i);

      for (guint j = 0; j < g_list_model_get_n_items (model); j++)
        {
          GObject *object = g_list_model_get_item (model, j);

          g_signal_connect_object (object, "notify", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
          g_ptr_array_add (self->objects, object);
        }
    }
}

static void
watch_model (SamProjectorView *self,
             GListModel       *model)
{
  g_signal_connect_object (model, "items-changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->models, g_object_ref (model));
}

static void
unwatch (SamProjectorView *self)
{
  unwatch_objects (self);
  for (guint i = 0; i < self->models->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->models, i), queue_rebuild, self);
  if (self->models != NULL)
    g_ptr_array_set_size (self->models, 0);

  if (self->step != NULL)
    g_signal_handlers_disconnect_by_data (self->step, self);
  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
}

static void
watch (SamProjectorView *self)
{
  if (self->store != NULL)
    g_signal_connect_object (self->store, "restored", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  /* Every edit of the workshop's content touches its modified time. */
  if (self->workshop != NULL)
    {
      g_signal_connect_object (self->workshop, "notify::modified", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->workshop, "notify::name", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
    }
  if (self->step != NULL)
    g_signal_connect_object (self->step, "notify", G_CALLBACK (step_notify_cb), self, G_CONNECT_SWAPPED);
  if (self->store != NULL && self->workshop != NULL)
    watch_model (self, sam_store_get_teams (self->store, self->workshop));
  if (self->store != NULL && self->step != NULL)
    {
      watch_model (self, sam_store_get_cards (self->store, self->step));
      watch_model (self, sam_store_get_card_links (self->store, self->step));
      watch_model (self, sam_store_get_clusters (self->store, self->step));
      watch_model (self, sam_store_get_agreements (self->store, self->step));
      watch_model (self, sam_store_get_absent_plans (self->store, self->step));
    }
}

/* Charts are sized anew for another height, and drawn anew in dark
 * mode: after the allocation that changed the height, on the cells the
 * grid has made (the others are sized when they are bound). */
static gboolean
rebind_cb (gpointer data)
{
  SamProjectorView *self = data;
  int viewport = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  gboolean resized = FALSE;

  self->rebind_id = 0;
  self->chart_viewport = -1;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *cell = cell_of_row (child);
      GtkWidget *foot, *chart;

      if (cell == NULL || g_object_get_data (G_OBJECT (cell), "list-item") == NULL)
        continue;
      foot = gtk_widget_get_last_child (cell);
      chart = gtk_widget_get_first_child (foot);
      if (gtk_widget_has_css_class (chart, "page"))
        {
          gtk_widget_set_size_request (chart, -1,
                                       chart_height (self, g_object_get_data (G_OBJECT (chart), "item"), viewport));
          self->chart_viewport = viewport;
          resized = TRUE;
        }
      gtk_widget_queue_draw (chart);
    }
  /* The rows changed height: the page is cut anew. */
  if (resized)
    show_page (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebind (SamProjectorView *self)
{
  if (self->rebind_id == 0)
    self->rebind_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebind_cb, self, NULL);
}

static void
viewport_changed_cb (SamProjectorView *self)
{
  queue_rebind (self);
  show_page (self);
}

static void
sam_projector_view_dispose (GObject *object)
{
  SamProjectorView *self = SAM_PROJECTOR_VIEW (object);

  unwatch (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->rebind_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  drop_map (self);
  g_clear_pointer (&self->probe, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PROJECTOR_VIEW);
  g_clear_object (&self->items);
  g_clear_object (&self->slice);
  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_object (&self->step);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_projector_view_parent_class)->dispose (object);
}

static void
sam_projector_view_map (GtkWidget *widget)
{
  SamProjectorView *self = SAM_PROJECTOR_VIEW (widget);

  GTK_WIDGET_CLASS (sam_projector_view_parent_class)->map (widget);

  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->after_paint_id = g_signal_connect_swapped (self->clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
sam_projector_view_unmap (GtkWidget *widget)
{
  SamProjectorView *self = SAM_PROJECTOR_VIEW (widget);

  if (self->clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->clock);
  g_clear_object (&self->clock);

  GTK_WIDGET_CLASS (sam_projector_view_parent_class)->unmap (widget);
}

/* The view is its stack: the probe cell is measured, never laid out. */
static void
sam_projector_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  SamProjectorView *self = SAM_PROJECTOR_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->mode_stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
sam_projector_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  SamProjectorView *self = SAM_PROJECTOR_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->mode_stack), width, height, baseline, NULL);
}

static void
sam_projector_view_class_init (SamProjectorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_projector_view_dispose;
  widget_class->map = sam_projector_view_map;
  widget_class->unmap = sam_projector_view_unmap;
  widget_class->measure = sam_projector_view_measure;
  widget_class->size_allocate = sam_projector_view_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-projector-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, timer_label);
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, timer_status);
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, grid);
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, map_area);
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, page_label);
  gtk_widget_class_bind_template_child (widget_class, SamProjectorView, blank_label);

  gtk_widget_class_set_css_name (widget_class, "samprojectorview");
}

static void
sam_projector_view_init (SamProjectorView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (SAM_TYPE_PROJECTOR_ITEM);
  self->models = g_ptr_array_new_with_free_func (g_object_unref);
  self->objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell), self, 0);
  gtk_grid_view_set_factory (self->grid, factory);
  g_object_unref (factory);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->items)), 0, G_MAXUINT);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->columns = 1;
  self->chart_viewport = -1;
  reset_pages (self);
  /* Styled as the grid's cells are (they inherit nothing else), unseen. */
  self->probe = cell_new ();
  gtk_widget_set_parent (self->probe, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->probe, FALSE);
  gtk_widget_set_can_target (self->probe, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->probe), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)))));
  /* Another height (the window was resized) needs the pages found again. */
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (queue_rebind), self, G_CONNECT_SWAPPED);

  self->join_card = SAM_JOIN_CARD (sam_join_card_new ());
  gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->join_card), "join");

  gtk_drawing_area_set_draw_func (self->map_area, draw_map, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->map_area, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
}

GtkWidget *
sam_projector_view_new (void)
{
  return g_object_new (SAM_TYPE_PROJECTOR_VIEW, NULL);
}

/**
 * sam_projector_view_set_store:
 * @self: a #SamProjectorView
 * @store: (nullable): the database
 * @workshop: (nullable): the workshop presented
 */
void
sam_projector_view_set_store (SamProjectorView *self,
                              SamStore         *store,
                              SamWorkshop      *workshop)
{
  g_return_if_fail (SAM_IS_PROJECTOR_VIEW (self));

  unwatch (self);
  g_set_object (&self->store, store);
  g_set_object (&self->workshop, workshop);
  g_clear_object (&self->step);
  drop_map (self);
  watch (self);
  rebuild (self);
}

SamStep *
sam_projector_view_get_step (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), NULL);
  return self->step;
}

/**
 * sam_projector_view_set_step:
 * @self: a #SamProjectorView
 * @step: (nullable): the step the room sees
 *
 * Shows @step from its first page, with no card highlighted.
 */
void
sam_projector_view_set_step (SamProjectorView *self,
                             SamStep          *step)
{
  g_return_if_fail (SAM_IS_PROJECTOR_VIEW (self));

  if (self->step == step)
    return;

  unwatch (self);
  g_set_object (&self->step, step);
  reset_pages (self);
  self->highlight = 0;
  drop_map (self);
  watch (self);
  rebuild (self);
}

static void
show_mode (SamProjectorView *self)
{
  gtk_stack_set_visible_child_name (self->mode_stack, self->join ? "join" : self->blank ? "blank" : "step");
}

gboolean
sam_projector_view_get_blank (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), FALSE);
  return self->blank;
}

/**
 * sam_projector_view_set_blank:
 * @self: a #SamProjectorView
 * @blank: whether to show only the workshop's name (a break)
 */
void
sam_projector_view_set_blank (SamProjectorView *self,
                              gboolean          blank)
{
  g_return_if_fail (SAM_IS_PROJECTOR_VIEW (self));

  self->blank = !!blank;
  show_mode (self);
}

gboolean
sam_projector_view_get_join (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), FALSE);
  return self->join;
}

/**
 * sam_projector_view_set_join:
 * @self: a #SamProjectorView
 * @join: whether to show how the teams join (#SamJoinCard)
 *
 * The join screen goes over the step and over a blank screen alike.
 */
void
sam_projector_view_set_join (SamProjectorView *self,
                             gboolean          join)
{
  g_return_if_fail (SAM_IS_PROJECTOR_VIEW (self));

  self->join = !!join;
  show_mode (self);
}

/**
 * sam_projector_view_get_join_card:
 * @self: a #SamProjectorView
 *
 * Returns: (transfer none): the join screen
 */
SamJoinCard *
sam_projector_view_get_join_card (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), NULL);
  return self->join_card;
}

guint
sam_projector_view_get_page (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), 0);
  return self->page;
}

guint
sam_projector_view_get_n_pages (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), 1);
  return self->n_pages;
}

/**
 * sam_projector_view_turn_page:
 * @self: a #SamProjectorView
 * @delta: pages forward (positive) or back
 */
void
sam_projector_view_turn_page (SamProjectorView *self,
                              int               delta)
{
  int page;

  g_return_if_fail (SAM_IS_PROJECTOR_VIEW (self));

  /* Forward only as far as pages have been found: one at a time. */
  page = CLAMP ((int) self->page + delta, 0, (int) self->page_starts->len - 1);
  if ((guint) page == self->page)
    return;
  self->page = (guint) page;
  show_page (self);
}

gint64
sam_projector_view_get_highlight (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), 0);
  return self->highlight;
}

/* A page that starts with the row of @id's cell, so it is on the wall. */
static void
show_page_of (SamProjectorView *self,
              gint64            id)
{
  GListModel *items = G_LIST_MODEL (self->items);
  guint n = g_list_model_get_n_items (items);
  guint start = g_array_index (self->page_starts, guint, self->page);
  guint end = start + g_list_model_get_n_items (G_LIST_MODEL (self->slice));

  /* Where this page ends is found once it is laid out. */
  if (self->measure_pending)
    {
      self->seek_highlight = TRUE;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamProjectorItem) item = g_list_model_get_item (items, i);
      guint row;

      if (sam_projector_item_get_card_id (item) != id)
        continue;
      if (i >= start && i < end)
        return;

      /* Back to a page found before, or a new one from its row. */
      for (guint p = 0; p + 1 < self->page_starts->len; p++)
        if (i >= g_array_index (self->page_starts, guint, p) && i < g_array_index (self->page_starts, guint, p + 1))
          {
            self->page = p;
            show_page (self);
            return;
          }
      row = i - i % MAX (self->columns, 1);
      g_array_set_size (self->page_starts, self->page + 1);
      if (row > start)
        {
          g_array_append_val (self->page_starts, row);
          self->page++;
        }
      show_page (self);
      return;
    }
}

/**
 * sam_projector_view_set_highlight:
 * @self: a #SamProjectorView
 * @card_id: the card the room should look at, or 0 for none
 *
 * Highlights one card ("look at this one"), dims the others, and turns to
 * its page.  Never stored: the next step starts without one.
 */
void
sam_projector_view_set_highlight (SamProjectorView *self,
                                  gint64            card_id)
{
  GListModel *items;
  guint n;

  g_return_if_fail (SAM_IS_PROJECTOR_VIEW (self));

  if (self->highlight == card_id)
    return;

  self->highlight = card_id;
  /* The rows rebind with the new state. */
  items = G_LIST_MODEL (self->items);
  n = g_list_model_get_n_items (items);
  g_list_model_items_changed (items, 0, n, n);
  if (card_id != 0)
    show_page_of (self, card_id);
}

/**
 * sam_projector_view_get_items:
 * @self: a #SamProjectorView
 *
 * Returns: (transfer none): the cells shown, of #SamProjectorItem
 */
GListModel *
sam_projector_view_get_items (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), NULL);
  return G_LIST_MODEL (self->items);
}

const char *
sam_projector_view_get_timer_text (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), NULL);
  return gtk_label_get_text (self->timer_label);
}

/**
 * sam_projector_view_get_title:
 * @self: a #SamProjectorView
 *
 * Returns: the step's title as the room sees it
 */
const char *
sam_projector_view_get_title (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), NULL);
  return gtk_label_get_text (self->title_label);
}

/**
 * sam_projector_view_is_settled:
 * @self: a #SamProjectorView
 *
 * Returns: whether the page shown is cut to its rows and its charts have
 *   their size: what the next frame shows is what the room sees
 */
gboolean
sam_projector_view_is_settled (SamProjectorView *self)
{
  g_return_val_if_fail (SAM_IS_PROJECTOR_VIEW (self), TRUE);
  return !self->measure_pending && self->rebind_id == 0 && self->rebuild_id == 0 &&
         (self->chart_viewport < 0 ||
          ABS (self->chart_viewport - gtk_widget_get_height (GTK_WIDGET (self->scroller))) <= 1);
}

/**
 * sam_projector_view_sync:
 * @self: a #SamProjectorView
 *
 * Reads the store now rather than at the next idle: for tests.
 */
void
sam_projector_view_sync (SamProjectorView *self)
{
  g_return_if_fail (SAM_IS_PROJECTOR_VIEW (self));
  rebuild (self);
}
