/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-list-slice.h"
#include "sam-test-utils.h"
#include "sam-text-box.h"

/* A child that says how it was measured: a width of 120 (60 at least),
 * and a height of 2,400 / the width it is given, as wrapped text has. */

#define SAM_TYPE_PROBE (sam_probe_get_type ())
G_DECLARE_FINAL_TYPE (SamProbe, sam_probe, SAM, PROBE, GtkWidget)

struct _SamProbe
{
  GtkWidget parent_instance;

  guint widths_at_height;
};

G_DEFINE_FINAL_TYPE (SamProbe, sam_probe, GTK_TYPE_WIDGET)

static void
sam_probe_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  SamProbe *self = SAM_PROBE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (for_size >= 0)
        self->widths_at_height++;
      *minimum = 60;
      *natural = 120;
    }
  else
    *minimum = *natural = 2400 / MAX (for_size >= 0 ? for_size : 120, 1);
}

static GtkSizeRequestMode
sam_probe_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sam_probe_class_init (SamProbeClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = sam_probe_measure;
  GTK_WIDGET_CLASS (klass)->get_request_mode = sam_probe_get_request_mode;
}

static void
sam_probe_init (SamProbe *self)
{
}

static GtkWindow *
window_with (GtkWidget *child,
             int        width,
             int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) || gtk_widget_get_width (child) == 0)
    g_main_context_iteration (NULL, TRUE);
  sam_test_pump (50);
  return window;
}

/* Children that do not wrap: laid out exactly as a GtkBox lays them out,
 * along a row or a column, in either direction. */
static void
fill_box (GtkWidget *box,
          void     (*append) (GtkWidget *, GtkWidget *))
{
  GtkWidget *button = gtk_button_new_with_label ("Eén");
  GtkWidget *label = gtk_label_new ("Twee, een wat langere tekst");
  GtkWidget *image = gtk_image_new_from_icon_name ("view-more-symbolic");
  GtkWidget *tail = gtk_button_new_with_label ("Drie");

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_widget_set_valign (tail, GTK_ALIGN_START);
  gtk_widget_set_visible (image, FALSE);
  append (box, button);
  append (box, label);
  append (box, image);
  append (box, tail);
}

static void
box_append (GtkWidget *box,
            GtkWidget *child)
{
  gtk_box_append (GTK_BOX (box), child);
}

static void
text_box_append (GtkWidget *box,
                 GtkWidget *child)
{
  sam_text_box_append (SAM_TEXT_BOX (box), child);
}

static void
assert_same_layout (GtkWidget *box,
                    GtkWidget *text_box)
{
  int box_min, box_nat, text_min, text_nat;

  for (GtkOrientation o = GTK_ORIENTATION_HORIZONTAL; o <= GTK_ORIENTATION_VERTICAL; o++)
    {
      gtk_widget_measure (box, o, -1, &box_min, &box_nat, NULL, NULL);
      gtk_widget_measure (text_box, o, -1, &text_min, &text_nat, NULL, NULL);
      g_assert_cmpint (box_min, ==, text_min);
      g_assert_cmpint (box_nat, ==, text_nat);
    }

  for (GtkWidget *a = gtk_widget_get_first_child (box), *b = gtk_widget_get_first_child (text_box);
       a != NULL || b != NULL; a = gtk_widget_get_next_sibling (a), b = gtk_widget_get_next_sibling (b))
    {
      graphene_rect_t in_box, in_text_box;

      g_assert_nonnull (a);
      g_assert_nonnull (b);
      if (!gtk_widget_get_visible (a))
        continue;
      g_assert_true (gtk_widget_compute_bounds (a, box, &in_box));
      g_assert_true (gtk_widget_compute_bounds (b, text_box, &in_text_box));
      g_assert_cmpfloat (in_box.origin.x, ==, in_text_box.origin.x);
      g_assert_cmpfloat (in_box.origin.y, ==, in_text_box.origin.y);
      g_assert_cmpfloat (in_box.size.width, ==, in_text_box.size.width);
      g_assert_cmpfloat (in_box.size.height, ==, in_text_box.size.height);
    }
}

static void
test_text_box_like_box (void)
{
  for (GtkOrientation o = GTK_ORIENTATION_HORIZONTAL; o <= GTK_ORIENTATION_VERTICAL; o++)
    for (GtkTextDirection dir = GTK_TEXT_DIR_LTR; dir <= GTK_TEXT_DIR_RTL; dir++)
      for (int width = 420; width <= 900; width += 480)
        {
          GtkWidget *both = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          GtkWidget *box = gtk_box_new (o, 7);
          GtkWidget *text_box = sam_text_box_new (o, 7);
          GtkWindow *window;

          fill_box (box, box_append);
          fill_box (text_box, text_box_append);
          gtk_widget_set_direction (box, dir);
          gtk_widget_set_direction (text_box, dir);
          gtk_widget_set_vexpand (box, TRUE);
          gtk_widget_set_vexpand (text_box, TRUE);
          gtk_box_append (GTK_BOX (both), box);
          gtk_box_append (GTK_BOX (both), text_box);
          window = window_with (both, width, 400);

          g_assert_cmpint (gtk_widget_get_width (box), ==, gtk_widget_get_width (text_box));
          g_assert_cmpint (gtk_widget_get_height (box), ==, gtk_widget_get_height (text_box));
          assert_same_layout (box, text_box);
          gtk_window_destroy (window);
        }
}

/* Wrapped text in a row, centred in a column as the library's rows have
 * it: never asked for a width at a height (GTK 4.8's label searches for
 * one, laying its text out again and again), while a GtkBox asks. */
static void
test_text_box_no_width_for_height (void)
{
  for (guint use_text_box = 0; use_text_box < 2; use_text_box++)
    {
      GtkWidget *row = use_text_box ? sam_text_box_new (GTK_ORIENTATION_HORIZONTAL, 12)
                                    : gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *column = use_text_box ? sam_text_box_new (GTK_ORIENTATION_VERTICAL, 2)
                                       : gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *probe = g_object_new (SAM_TYPE_PROBE, NULL);
      GtkWidget *button = gtk_button_new_from_icon_name ("view-more-symbolic");
      void (*append) (GtkWidget *, GtkWidget *) = use_text_box ? text_box_append : box_append;
      GtkWindow *window;

      gtk_widget_set_size_request (row, -1, 90);
      gtk_widget_set_hexpand (column, TRUE);
      gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      append (column, probe);
      append (row, column);
      append (row, button);
      window = window_with (row, 500, 200);

      if (use_text_box)
        {
          /* The text gets all the row leaves it, and the height it needs
           * at that width. */
          graphene_rect_t button_bounds;

          g_assert_true (gtk_widget_compute_bounds (button, row, &button_bounds));
          g_assert_cmpint (gtk_widget_get_width (probe), ==,
                           gtk_widget_get_width (row) - 12 - (int) button_bounds.size.width);
          g_assert_cmpint (gtk_widget_get_height (probe), ==, 2400 / gtk_widget_get_width (probe));
          g_assert_cmpuint (SAM_PROBE (probe)->widths_at_height, ==, 0);
        }
      else
        g_assert_cmpuint (SAM_PROBE (probe)->widths_at_height, >, 0);
      gtk_window_destroy (window);
    }
}

/* The popover of a box points at its child, opened and after the box is
 * laid out at another width; it takes no room in the box, and the child's
 * tooltip is off while it is open. */
static void
assert_points_at (GtkPopover *popover,
                  GtkWidget  *anchor)
{
  GdkRectangle rect;
  graphene_rect_t bounds;

  g_assert_true (gtk_popover_get_pointing_to (popover, &rect));
  g_assert_true (gtk_widget_compute_bounds (anchor, gtk_widget_get_parent (anchor), &bounds));
  g_assert_cmpint (rect.x, ==, (int) bounds.origin.x);
  g_assert_cmpint (rect.y, ==, (int) bounds.origin.y);
  g_assert_cmpint (rect.width, ==, (int) bounds.size.width);
  g_assert_cmpint (rect.height, ==, (int) bounds.size.height);
}

static void
test_text_box_popover (void)
{
  GtkWidget *box = sam_text_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new ("Naam van de workshop");
  GtkWidget *button = gtk_button_new_from_icon_name ("view-more-symbolic");
  GtkPopover *popover = GTK_POPOVER (gtk_popover_new ());
  GtkWindow *window;
  int width;

  gtk_widget_set_tooltip_text (button, "Acties");
  gtk_widget_set_hexpand (label, TRUE);
  sam_text_box_append (SAM_TEXT_BOX (box), label);
  sam_text_box_append (SAM_TEXT_BOX (box), button);
  gtk_popover_set_child (popover, gtk_label_new ("Openen"));
  window = window_with (box, 500, 200);
  g_assert_null (sam_text_box_get_popover (SAM_TEXT_BOX (box)));
  width = gtk_widget_get_width (label);

  sam_text_box_set_popover (SAM_TEXT_BOX (box), popover, button);
  g_assert_true (sam_text_box_get_popover (SAM_TEXT_BOX (box)) == popover);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (popover)) == box);
  sam_text_box_popup (SAM_TEXT_BOX (box));
  sam_test_pump (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  assert_points_at (popover, button);
  /* The button's tooltip would cover the popover. */
  g_assert_false (gtk_widget_get_has_tooltip (button));
  /* Not a child to lay out: the label keeps its width. */
  g_assert_cmpint (gtk_widget_get_width (label), ==, width);

  gtk_window_set_default_size (window, 800, 200);
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       gtk_widget_get_width (box) < 800 && g_get_monotonic_time () < end;)
    sam_test_pump (20);
  g_assert_cmpint (gtk_widget_get_width (box), >=, 800);
  g_assert_cmpint (gtk_widget_get_width (label), >, width);
  assert_points_at (popover, button);

  gtk_popover_popdown (popover);
  sam_test_pump (50);
  g_assert_true (gtk_widget_get_has_tooltip (button));
  gtk_window_destroy (window);
}

/* sam_list_slice_new(): the first frame painted shows a full view, though
 * the slice began with two rows, and no more rows than that view shows
 * and a few were made for it. */

typedef struct
{
  GtkSliceListModel *slice;
  GtkScrolledWindow *scroller;
  guint size;
  double upper;
  double page;
  gboolean painted;
} FirstFrame;

static void
after_paint_cb (GdkFrameClock *clock,
                FirstFrame    *first)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (first->scroller);

  if (first->painted || gtk_adjustment_get_page_size (adjustment) <= 0)
    return;
  first->painted = TRUE;
  first->size = gtk_slice_list_model_get_size (first->slice);
  first->upper = gtk_adjustment_get_upper (adjustment);
  first->page = gtk_adjustment_get_page_size (adjustment);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (label, -1, 30);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
test_slice_first_frame (void)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GtkSliceListModel) slice = NULL;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  FirstFrame first = { 0 };

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *text = g_strdup_printf ("Kaart %u", i);

      gtk_string_list_append (strings, text);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  slice = sam_list_slice_new (g_object_ref (G_LIST_MODEL (strings)), GTK_SCROLLED_WINDOW (scroller), 2, 40);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (slice)))),
                            factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  first.slice = slice;
  first.scroller = GTK_SCROLLED_WINDOW (scroller);

  gtk_window_set_default_size (window, 400, 600);
  gtk_window_set_child (window, scroller);
  gtk_window_present (window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &first);
  while (!first.painted)
    g_main_context_iteration (NULL, TRUE);

  /* Rows of 30 pixels in a view of about 600: 20 and a few. */
  g_test_message ("first frame: %u rows, %.0f of %.0f pixels", first.size, first.page, first.upper);
  g_assert_cmpfloat (first.upper, >, first.page);
  g_assert_cmpuint (first.size, <=, (guint) (first.page / 30) + 4);

  /* After it, a screen more comes, and scrolling brings the rest. */
  sam_test_pump (200);
  g_assert_cmpuint (gtk_slice_list_model_get_size (slice), >, first.size);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)), after_paint_cb, &first);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  sam_test_isolate ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sam/ui/layout/text-box-like-box", test_text_box_like_box);
  g_test_add_func ("/sam/ui/layout/text-box-no-width-for-height", test_text_box_no_width_for_height);
  g_test_add_func ("/sam/ui/layout/text-box-popover", test_text_box_popover);
  g_test_add_func ("/sam/ui/layout/slice-first-frame", test_slice_first_frame);

  return g_test_run ();
}
