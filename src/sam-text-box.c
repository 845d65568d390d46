/* SPDX-License-Identifier: GPL-3.0-or-later */

/**
 * SECTION:sam-text-box
 * @title: SamTextBox
 * @short_description: a box for text that wraps, laid out without searching
 *
 * A #GtkBox asks its children for their width at a given height: a
 * horizontal box whenever it is allocated, a vertical one when it is
 * asked for its own width at a height (as GTK asks of any widget aligned
 * to the centre when it allocates it).  For a wrapping
 * #GtkLabel that question is a search: GTK 4.8 lays the text out for one
 * width after another until it fits the height.  Before the library's
 * first frame that search was the largest part of its text shaping, and
 * the same holds for every card on an exercise page.
 *
 * #SamTextBox lays its children out like a #GtkBox of the same orientation
 * (in order, @spacing between them, the room left over along the box
 * shared by the children that expand, right to left in a right-to-left
 * language) but never asks for a width at a height: a child's width is
 * asked without one, its height at the width it gets, which is all text
 * that wraps needs.  Asked for its own width at a height, the box gives
 * its width for any height.  Its CSS name is `box`, so a style written
 * for the box it replaces still applies.
 *
 * A box may also hold a popover that points at one of its children (see
 * sam_text_box_set_popover()): a plain button then opens a menu without
 * the button-in-a-button of a #GtkMenuButton.
 */

#include "config.h"

#include <math.h>

#include "sam-text-box.h"

struct _SamTextBox
{
  GtkWidget parent_instance;

  GtkOrientation orientation;
  int spacing;
  GtkPopover *popover;
  GtkWidget *anchor;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (SamTextBox, sam_text_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ORIENTABLE, NULL))

enum {
  PROP_0,
  PROP_SPACING,
  PROP_ORIENTATION,
  N_PROPS = PROP_ORIENTATION
};

static GParamSpec *properties[N_PROPS];

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Each visible child's smallest and natural size along the box, in
 * @sizes: a width without a height, or a height at @width (-1: none
 * yet); returns how many children there are. */
static guint
measure_along (SamTextBox       *self,
               int               width,
               GtkRequestedSize *sizes,
               guint             n_sizes)
{
  gboolean across = self->orientation == GTK_ORIENTATION_HORIZONTAL;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL && n < n_sizes; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      sizes[n].data = child;
      gtk_widget_measure (child, self->orientation, across ? -1 : width, &sizes[n].minimum_size,
                          &sizes[n].natural_size, NULL, NULL);
      n++;
    }
  return n;
}

/* What each of the @n children gets of @size along the box, in its
 * minimum_size: its smallest, then towards its natural size, then what
 * is left shared by those that expand, as a #GtkBox does. */
static void
share (SamTextBox       *self,
       int               size,
       GtkRequestedSize *sizes,
       guint             n)
{
  guint n_expand = 0;
  int extra = size - self->spacing * (int) (n - 1);

  for (guint i = 0; i < n; i++)
    {
      extra -= sizes[i].minimum_size;
      if (gtk_widget_compute_expand (sizes[i].data, self->orientation))
        n_expand++;
    }

  extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);
  for (guint i = 0, seen = 0; i < n && n_expand > 0; i++)
    {
      if (!gtk_widget_compute_expand (sizes[i].data, self->orientation))
        continue;
      /* What does not divide evenly goes to the first ones. */
      sizes[i].minimum_size += extra / (int) n_expand + (seen < (guint) extra % n_expand ? 1 : 0);
      seen++;
    }
}

static void
sam_text_box_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SamTextBox *self = SAM_TEXT_BOX (widget);
  guint n_children = count_children (widget);
  g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, MAX (n_children, 1));
  guint n;

  /* A width never depends on a height. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  *minimum = *natural = 0;

  if (orientation == self->orientation)
    {
      n = measure_along (self, for_size, sizes, n_children);
      for (guint i = 0; i < n; i++)
        {
          *minimum += sizes[i].minimum_size;
          *natural += sizes[i].natural_size;
        }
      if (n > 1)
        {
          *minimum += self->spacing * (int) (n - 1);
          *natural += self->spacing * (int) (n - 1);
        }
      return;
    }

  /* Across the box: the largest child; in a row measured at a width,
   * each child at the width it gets of it. */
  if (for_size >= 0)
    {
      n = measure_along (self, -1, sizes, n_children);
      if (n > 0)
        share (self, for_size, sizes, n);
    }
  else
    {
      n = 0;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_should_layout (child))
          sizes[n++].data = child;
    }
  for (guint i = 0; i < n; i++)
    {
      int child_min = 0, child_nat = 0;

      gtk_widget_measure (sizes[i].data, orientation, for_size >= 0 ? sizes[i].minimum_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

/* While the popover is open its child says so, as a GtkMenuButton does,
 * and keeps its tooltip to itself: it would cover the popover. */
static void
set_anchor_open (GtkWidget *anchor,
                 gboolean   open)
{
  gtk_widget_set_has_tooltip (anchor, !open);
  gtk_accessible_update_state (GTK_ACCESSIBLE (anchor),
                               GTK_ACCESSIBLE_STATE_EXPANDED, open, -1);
}

static void
popover_closed_cb (SamTextBox *self)
{
  if (self->anchor != NULL)
    set_anchor_open (self->anchor, FALSE);
}

/* The popover points at its child where that is now. */
static void
point_popover (SamTextBox *self)
{
  graphene_rect_t bounds;

  if (gtk_widget_compute_bounds (self->anchor, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (self->popover, &(GdkRectangle) {
                                   floorf (bounds.origin.x), floorf (bounds.origin.y),
                                   ceilf (bounds.size.width), ceilf (bounds.size.height) });
}

static void
sam_text_box_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SamTextBox *self = SAM_TEXT_BOX (widget);
  guint n_children = count_children (widget);
  g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, MAX (n_children, 1));
  gboolean horizontal = self->orientation == GTK_ORIENTATION_HORIZONTAL;
  gboolean rtl = horizontal && gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n = measure_along (self, width, sizes, n_children);
  int at = 0;

  if (n == 0)
    return;

  share (self, horizontal ? width : height, sizes, n);
  for (guint i = 0; i < n; i++)
    {
      int size = sizes[i].minimum_size;
      GtkAllocation place;

      if (horizontal)
        place = (GtkAllocation) { rtl ? width - at - size : at, 0, size, height };
      else
        place = (GtkAllocation) { 0, at, width, size };
      gtk_widget_size_allocate (sizes[i].data, &place, -1);
      at += size + self->spacing;
    }

  /* A popover shown follows the box (GTK leaves that to its parent). */
  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    {
      point_popover (self);
      gtk_popover_present (self->popover);
    }
}

static GtkSizeRequestMode
sam_text_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sam_text_box_dispose (GObject *object)
{
  SamTextBox *self = SAM_TEXT_BOX (object);
  GtkWidget *child;

  self->popover = NULL;
  self->anchor = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sam_text_box_parent_class)->dispose (object);
}

static void
sam_text_box_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SamTextBox *self = SAM_TEXT_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_text_box_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SamTextBox *self = SAM_TEXT_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      if (self->spacing != g_value_get_int (value))
        {
          self->spacing = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_ORIENTATION:
      if (self->orientation != (GtkOrientation) g_value_get_enum (value))
        {
          self->orientation = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify (object, "orientation");
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_text_box_class_init (SamTextBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_text_box_dispose;
  object_class->get_property = sam_text_box_get_property;
  object_class->set_property = sam_text_box_set_property;
  widget_class->measure = sam_text_box_measure;
  widget_class->size_allocate = sam_text_box_size_allocate;
  widget_class->get_request_mode = sam_text_box_get_request_mode;

  /**
   * SamTextBox:spacing:
   *
   * The room between two children, in pixels.
   */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_ORIENTATION, "orientation");

  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sam_text_box_init (SamTextBox *self)
{
}

/**
 * sam_text_box_new:
 * @orientation: a row or a column
 * @spacing: the room between two children, in pixels
 *
 * Returns: (transfer floating): a new, empty #SamTextBox
 */
GtkWidget *
sam_text_box_new (GtkOrientation orientation,
                  int            spacing)
{
  return g_object_new (SAM_TYPE_TEXT_BOX, "orientation", orientation, "spacing", spacing, NULL);
}

/**
 * sam_text_box_append:
 * @self: a #SamTextBox
 * @child: the widget to put after the others
 */
void
sam_text_box_append (SamTextBox *self,
                     GtkWidget  *child)
{
  g_return_if_fail (SAM_IS_TEXT_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

/**
 * sam_text_box_set_popover:
 * @self: a #SamTextBox
 * @popover: (transfer floating): a popover with no parent yet
 * @anchor: the child of @self it points at
 *
 * Makes @popover a child of @self, pointing at @anchor wherever @anchor
 * is laid out.  It stays until @self is destroyed; a box has one.  While
 * it is open, @anchor reports itself expanded and shows no tooltip; its
 * tooltip is back when the popover closes.
 *
 * Give such a box no padding or border of its own: GTK 4.8 measures a
 * popover's pointing rectangle from its parent's border, and a widget's
 * coordinates start inside its padding.
 */
void
sam_text_box_set_popover (SamTextBox *self,
                          GtkPopover *popover,
                          GtkWidget  *anchor)
{
  g_return_if_fail (SAM_IS_TEXT_BOX (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (gtk_widget_get_parent (GTK_WIDGET (popover)) == NULL);
  g_return_if_fail (gtk_widget_get_parent (anchor) == GTK_WIDGET (self));
  g_return_if_fail (self->popover == NULL);

  self->popover = popover;
  self->anchor = anchor;
  gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (self));
  g_signal_connect_swapped (popover, "closed", G_CALLBACK (popover_closed_cb), self);
}

/**
 * sam_text_box_popup:
 * @self: a #SamTextBox with a popover
 *
 * Shows the popover given to sam_text_box_set_popover(), pointing at its
 * child.
 */
void
sam_text_box_popup (SamTextBox *self)
{
  g_return_if_fail (SAM_IS_TEXT_BOX (self));
  g_return_if_fail (self->popover != NULL);

  point_popover (self);
  set_anchor_open (self->anchor, TRUE);
  gtk_popover_popup (self->popover);
}

/**
 * sam_text_box_get_popover:
 * @self: a #SamTextBox
 *
 * Returns: (transfer none) (nullable): the popover given to
 *   sam_text_box_set_popover()
 */
GtkPopover *
sam_text_box_get_popover (SamTextBox *self)
{
  g_return_val_if_fail (SAM_IS_TEXT_BOX (self), NULL);

  return self->popover;
}
