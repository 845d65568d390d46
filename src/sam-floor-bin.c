/* SPDX-License-Identifier: GPL-3.0-or-later */

/**
 * SECTION:sam-floor-bin
 * @title: SamFloorBin
 * @short_description: a bin that never gives its child less than it needs
 *
 * A list or grid view may allocate a row it keeps out of sight with no
 * room at all (0 × 0).  GTK then takes the child's CSS margins and padding
 * off that nothing, and from GTK 4.24 on, measuring the child's labels for
 * the negative width that is left aborts a test run on "for_size >= -1".
 *
 * #SamFloorBin has no style of its own and passes its child's measurements
 * on unchanged; it allocates the child the size it is given, raised to the
 * child's minimum where it is less.  A row in view is never below its
 * minimum, so the layout of what the room sees does not change.
 */

#include "config.h"

#include "sam-floor-bin.h"

struct _SamFloorBin
{
  GtkWidget parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (SamFloorBin, sam_floor_bin, GTK_TYPE_WIDGET)

static void
sam_floor_bin_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  SamFloorBin *self = SAM_FLOOR_BIN (widget);

  if (for_size >= 0)
    {
      int least = 0;

      /* The other direction's minimum: never measured for less. */
      gtk_widget_measure (self->child,
                          orientation == GTK_ORIENTATION_HORIZONTAL ? GTK_ORIENTATION_VERTICAL
                                                                    : GTK_ORIENTATION_HORIZONTAL,
                          -1, &least, NULL, NULL, NULL);
      for_size = MAX (for_size, least);
    }
  gtk_widget_measure (self->child, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
sam_floor_bin_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SamFloorBin *self = SAM_FLOOR_BIN (widget);
  int min_width = 0, min_height = 0;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  width = MAX (width, min_width);
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  if (height < min_height)
    {
      height = min_height;
      baseline = -1;
    }
  gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
sam_floor_bin_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (SAM_FLOOR_BIN (widget)->child);
}

static void
sam_floor_bin_dispose (GObject *object)
{
  SamFloorBin *self = SAM_FLOOR_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (sam_floor_bin_parent_class)->dispose (object);
}

static void
sam_floor_bin_class_init (SamFloorBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_floor_bin_dispose;
  widget_class->measure = sam_floor_bin_measure;
  widget_class->size_allocate = sam_floor_bin_size_allocate;
  widget_class->get_request_mode = sam_floor_bin_get_request_mode;
}

static void
sam_floor_bin_init (SamFloorBin *self)
{
  /* What overflows a row out of sight stays in it. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/**
 * sam_floor_bin_new:
 * @child: the widget to hold
 *
 * Returns: a new #SamFloorBin holding @child
 */
GtkWidget *
sam_floor_bin_new (GtkWidget *child)
{
  SamFloorBin *self = g_object_new (SAM_TYPE_FLOOR_BIN, NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);

  self->child = child;
  gtk_widget_set_parent (child, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/**
 * sam_floor_bin_get_child:
 * @self: a #SamFloorBin
 *
 * Returns: (transfer none): the widget @self holds
 */
GtkWidget *
sam_floor_bin_get_child (SamFloorBin *self)
{
  g_return_val_if_fail (SAM_IS_FLOOR_BIN (self), NULL);

  return self->child;
}
