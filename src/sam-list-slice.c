/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-list-slice.h"

/* GTK 4.8's GtkListView makes row widgets for up to 200 items from its
 * anchor, whatever fits on the screen (GTK_LIST_VIEW_MAX_LIST_ITEMS): a
 * list of 1,200 cards built five times the rows of a list of 40 before
 * its first frame.  A list view given a slice from sam_list_slice_new()
 * sees the model's first items only, and more each time its view comes
 * within a screen of the end: scrolled by the wheel or the scroll bar, or
 * by the keyboard moving the focus down (the list scrolls the focused row
 * into view).  Code that scrolls to an item brings it in first with
 * sam_list_slice_ensure().
 *
 * The first slice may be smaller than the view: once the view has been
 * laid out and its rows end above its bottom edge, the rows that fill it
 * are added at once, in the same frame (the frame clock lays a window out
 * again before painting it when a layout asks for another), so a page
 * builds the rows on screen and no more before its first frame, and that
 * frame is whole.  The rows of the screen below come after it. */

typedef struct
{
  GtkSliceListModel *slice;     /* not owned: this lives in its data */
  GtkAdjustment *adjustment;
  GtkWidget *scroller;          /* weak */
  GtkRoot *root;                /* weak, while the scroller is mapped */
  gulong focus_handler;
  GdkFrameClock *clock;         /* while the scroller is mapped */
  gulong layout_handler;
  gint64 filled_frame;
  guint step;
  guint grow_id;
  gboolean focus_near_end;
} Grower;

static void
forget_root (Grower *grower)
{
  if (grower->clock != NULL)
    {
      g_clear_signal_handler (&grower->layout_handler, grower->clock);
      g_clear_object (&grower->clock);
    }
  if (grower->root != NULL)
    {
      g_clear_signal_handler (&grower->focus_handler, grower->root);
      g_object_remove_weak_pointer (G_OBJECT (grower->root), (gpointer *) &grower->root);
      grower->root = NULL;
    }
}

static void
grower_free (gpointer data)
{
  Grower *grower = data;

  g_clear_handle_id (&grower->grow_id, g_source_remove);
  forget_root (grower);
  if (grower->scroller != NULL)
    g_object_remove_weak_pointer (G_OBJECT (grower->scroller), (gpointer *) &grower->scroller);
  g_clear_object (&grower->adjustment);
  g_free (grower);
}

static gboolean
is_whole (GtkSliceListModel *slice)
{
  GListModel *model = gtk_slice_list_model_get_model (slice);

  return model == NULL || gtk_slice_list_model_get_size (slice) >= g_list_model_get_n_items (model);
}

/* How many rows fill @pixels, by the height of the slice's rows (@extent
 * the height they take; the view has made them all), two more to be sure;
 * the step at most, and the step when there are no rows to go by. */
static guint
rows_for (Grower *grower,
          double  pixels,
          double  extent)
{
  guint size = gtk_slice_list_model_get_size (grower->slice);

  if (size == 0 || extent <= 0)
    return grower->step;
  return MIN ((guint) (pixels / (extent / size)) + 2, grower->step);
}

static gboolean
grow_cb (gpointer data)
{
  Grower *grower = data;
  GtkAdjustment *adjustment = grower->adjustment;
  double page = gtk_adjustment_get_page_size (adjustment);
  double below = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page;

  grower->grow_id = 0;

  /* Less than a screen below what is in view, or the focus within the
   * last screen of items: the next items.  The view lays them out, its
   * adjustment changes, and this is checked again.  A view not laid out
   * yet is filled by layout_cb() before its first frame. */
  if (page > 0 && (below < page || grower->focus_near_end))
    sam_list_slice_ensure (grower->slice, gtk_slice_list_model_get_size (grower->slice) +
                                          rows_for (grower, page, gtk_adjustment_get_upper (adjustment)));
  grower->focus_near_end = FALSE;

  return G_SOURCE_REMOVE;
}

/* The adjustment changes while the view is allocated, when its model must
 * not change: the check waits for an idle moment before the next frame. */
static void
adjustment_changed_cb (GtkSliceListModel *slice)
{
  Grower *grower = g_object_get_data (G_OBJECT (slice), "sam-list-slice");

  if (grower->grow_id == 0 && !is_whole (slice))
    grower->grow_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, grow_cb, grower, NULL);
}

/* The keyboard: Tab and the arrows move the focus from row to row, and the
 * list does not always scroll far enough for the adjustment to say the end
 * is near.  Before the focus reaches the last item, the next ones come. */
static void
focus_changed_cb (GtkSliceListModel *slice)
{
  Grower *grower = g_object_get_data (G_OBJECT (slice), "sam-list-slice");
  GtkWidget *focus = grower->root ? gtk_root_get_focus (grower->root) : NULL;
  GtkWidget *content = grower->scroller ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (grower->scroller)) : NULL;
  graphene_rect_t bounds;

  if (focus == NULL || content == NULL || !gtk_widget_is_ancestor (focus, content) || is_whole (slice) ||
      !gtk_widget_compute_bounds (focus, grower->scroller, &bounds))
    return;

  /* A list view scrolls itself: its rows lie where they are on screen,
   * the adjustment's value above them. */
  if (gtk_adjustment_get_value (grower->adjustment) + bounds.origin.y + bounds.size.height >
      gtk_adjustment_get_upper (grower->adjustment) - gtk_adjustment_get_page_size (grower->adjustment))
    {
      grower->focus_near_end = TRUE;
      if (grower->grow_id == 0)
        grower->grow_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, grow_cb, grower, NULL);
    }
}

/* How far down the rows laid out in @scroller reach, in the scroller's
 * coordinates: the bottom of the lowest row of its list view. */
static double
rows_bottom (GtkWidget *scroller)
{
  GtkWidget *view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  double bottom = 0;

  /* The list view, or the view inside a clamp. */
  while (view != NULL && !GTK_IS_LIST_VIEW (view))
    view = gtk_widget_get_first_child (view);
  for (GtkWidget *row = view ? gtk_widget_get_first_child (view) : NULL; row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_child_visible (row) && gtk_widget_compute_bounds (row, scroller, &bounds))
        bottom = MAX (bottom, bounds.origin.y + bounds.size.height);
    }
  return bottom;
}

/* After the window's layout in a frame: rows that end above the bottom of
 * the view get the rows that fill it (by the height of those there, two
 * more to be sure).  The frame clock then lays the window out again
 * before painting it.  Once a frame at most, so this never keeps the
 * clock in its layout phase (it gives up after four rounds). */
static void
layout_cb (GtkSliceListModel *slice,
           GdkFrameClock     *clock)
{
  Grower *grower = g_object_get_data (G_OBJECT (slice), "sam-list-slice");
  GtkAdjustment *adjustment = grower->adjustment;
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  double page = gtk_adjustment_get_page_size (adjustment);
  double bottom, missing;

  /* The adjustment reaches at least to the bottom of the view. */
  if (frame == grower->filled_frame || page <= 0 || grower->scroller == NULL || is_whole (slice) ||
      gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) > page + 0.5)
    return;

  bottom = rows_bottom (grower->scroller);
  missing = gtk_widget_get_height (grower->scroller) - bottom;
  if (missing <= 0)
    return;
  grower->filled_frame = frame;
  sam_list_slice_ensure (slice, gtk_slice_list_model_get_size (slice) + rows_for (grower, missing, bottom));
}

static void
scroller_map_cb (GtkSliceListModel *slice,
                 GtkWidget         *scroller)
{
  Grower *grower = g_object_get_data (G_OBJECT (slice), "sam-list-slice");

  forget_root (grower);
  grower->clock = gtk_widget_get_frame_clock (scroller);
  if (grower->clock != NULL)
    {
      g_object_ref (grower->clock);
      grower->layout_handler = g_signal_connect_data (grower->clock, "layout", G_CALLBACK (layout_cb), slice,
                                                      NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  grower->root = gtk_widget_get_root (scroller);
  if (grower->root == NULL)
    return;
  g_object_add_weak_pointer (G_OBJECT (grower->root), (gpointer *) &grower->root);
  /* Disconnected by forget_root(), also when the slice goes. */
  grower->focus_handler = g_signal_connect_swapped (grower->root, "notify::focus-widget",
                                                    G_CALLBACK (focus_changed_cb), slice);
}

static void
scroller_unmap_cb (GtkSliceListModel *slice)
{
  forget_root (g_object_get_data (G_OBJECT (slice), "sam-list-slice"));
}

/**
 * sam_list_slice_new:
 * @model: (transfer full): the whole list
 * @scroller: the scrolled window the list view is shown in
 * @first: how many items the view gets at first; if they do not fill
 *   the view, more come before its first frame is painted
 * @step: how many more it gets when it comes near their end
 *
 * Returns: (transfer full): the model to give the list view (in a
 *   selection model)
 */
GtkSliceListModel *
sam_list_slice_new (GListModel        *model,
                    GtkScrolledWindow *scroller,
                    guint              first,
                    guint              step)
{
  GtkSliceListModel *slice;
  Grower *grower;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroller), NULL);
  g_return_val_if_fail (step > 0, NULL);

  slice = gtk_slice_list_model_new (model, 0, first);
  grower = g_new0 (Grower, 1);
  grower->slice = slice;
  grower->adjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (scroller));
  grower->step = step;
  grower->filled_frame = -1;
  grower->scroller = GTK_WIDGET (scroller);
  g_object_add_weak_pointer (G_OBJECT (scroller), (gpointer *) &grower->scroller);
  g_object_set_data_full (G_OBJECT (slice), "sam-list-slice", grower, grower_free);

  g_signal_connect_object (scroller, "map", G_CALLBACK (scroller_map_cb), slice, G_CONNECT_SWAPPED);
  g_signal_connect_object (scroller, "unmap", G_CALLBACK (scroller_unmap_cb), slice, G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (GTK_WIDGET (scroller)))
    scroller_map_cb (slice, GTK_WIDGET (scroller));

  g_signal_connect_object (grower->adjustment, "changed", G_CALLBACK (adjustment_changed_cb), slice,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (grower->adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), slice,
                           G_CONNECT_SWAPPED);
  return slice;
}

/**
 * sam_list_slice_ensure:
 * @slice: a slice from sam_list_slice_new()
 * @n_items: how many items the view must see at least
 *
 * Once the slice holds every item it keeps doing so, also for items added
 * at the end later.
 */
void
sam_list_slice_ensure (GtkSliceListModel *slice,
                       guint              n_items)
{
  GListModel *model;

  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  model = gtk_slice_list_model_get_model (slice);
  if (model == NULL || gtk_slice_list_model_get_size (slice) >= n_items)
    return;

  gtk_slice_list_model_set_size (slice, n_items >= g_list_model_get_n_items (model) ? G_MAXUINT : n_items);
}
