/* SPDX-License-Identifier: GPL-3.0-or-later */

/**
 * SECTION:sam-clamp
 * @title: SamClamp
 * @short_description: an #AdwClamp that never squeezes its child below its
 *   minimum height
 *
 * The exercise pages that scroll as one keep their content at a readable
 * width with a clamp.  From libadwaita 1.6 on, #AdwClamp reports its minimum
 * height as measured at its maximum width (where the content wraps least),
 * which is less than its child needs at any width; a #GtkViewport or a
 * #GtkWindow then measures the clamp's width for a height in between, and
 * the clamp hands that height on to its child, which GTK reports as
 * "Trying to measure … for height of N, but it needs at least M".
 *
 * #SamClamp holds an #AdwClamp with the same #SamClamp:maximum-size and
 * #SamClamp:tightening-threshold, and measures it exactly as it is, except
 * that a width asked for a height lower than the child's own minimum height
 * is measured for that minimum instead.  Where libadwaita does not ask for
 * such heights (1.2, Debian 12) nothing changes: the layout is the clamp's.
 */

#include "config.h"

#include "sam-clamp.h"

struct _SamClamp
{
  GtkWidget parent_instance;

  AdwClamp *clamp;
};

enum
{
  PROP_0,
  PROP_CHILD,
  PROP_MAXIMUM_SIZE,
  PROP_TIGHTENING_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sam_clamp_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SamClamp, sam_clamp, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, sam_clamp_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
sam_clamp_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  SamClamp *self = SAM_CLAMP (widget);
  GtkWidget *child = adw_clamp_get_child (self->clamp);

  if (orientation == GTK_ORIENTATION_HORIZONTAL && for_size >= 0 &&
      child != NULL && gtk_widget_should_layout (child))
    {
      int child_minimum;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &child_minimum, NULL, NULL, NULL);
      for_size = MAX (for_size, child_minimum);
    }

  gtk_widget_measure (GTK_WIDGET (self->clamp), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
sam_clamp_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  SamClamp *self = SAM_CLAMP (widget);

  gtk_widget_allocate (GTK_WIDGET (self->clamp), width, height, baseline, NULL);
}

static GtkSizeRequestMode
sam_clamp_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (SAM_CLAMP (widget)->clamp));
}

static void
sam_clamp_buildable_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  if (GTK_IS_WIDGET (child))
    sam_clamp_set_child (SAM_CLAMP (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
sam_clamp_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = sam_clamp_buildable_add_child;
}

static void
sam_clamp_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SamClamp *self = SAM_CLAMP (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, adw_clamp_get_child (self->clamp));
      break;
    case PROP_MAXIMUM_SIZE:
      g_value_set_int (value, adw_clamp_get_maximum_size (self->clamp));
      break;
    case PROP_TIGHTENING_THRESHOLD:
      g_value_set_int (value, adw_clamp_get_tightening_threshold (self->clamp));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_clamp_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SamClamp *self = SAM_CLAMP (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      sam_clamp_set_child (self, g_value_get_object (value));
      break;
    case PROP_MAXIMUM_SIZE:
      adw_clamp_set_maximum_size (self->clamp, g_value_get_int (value));
      break;
    case PROP_TIGHTENING_THRESHOLD:
      adw_clamp_set_tightening_threshold (self->clamp, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_clamp_dispose (GObject *object)
{
  SamClamp *self = SAM_CLAMP (object);

  if (self->clamp != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->clamp));
      self->clamp = NULL;
    }

  G_OBJECT_CLASS (sam_clamp_parent_class)->dispose (object);
}

static void
sam_clamp_class_init (SamClampClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_clamp_dispose;
  object_class->get_property = sam_clamp_get_property;
  object_class->set_property = sam_clamp_set_property;

  widget_class->measure = sam_clamp_measure;
  widget_class->size_allocate = sam_clamp_size_allocate;
  widget_class->get_request_mode = sam_clamp_get_request_mode;

  /**
   * SamClamp:child:
   *
   * The clamped widget.
   */
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SamClamp:maximum-size:
   *
   * The largest width the child gets, as #AdwClamp:maximum-size.
   */
  properties[PROP_MAXIMUM_SIZE] =
    g_param_spec_int ("maximum-size", NULL, NULL, 0, G_MAXINT, 600,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /**
   * SamClamp:tightening-threshold:
   *
   * Where the clamp starts to tighten, as #AdwClamp:tightening-threshold.
   */
  properties[PROP_TIGHTENING_THRESHOLD] =
    g_param_spec_int ("tightening-threshold", NULL, NULL, 0, G_MAXINT, 400,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_clamp_init (SamClamp *self)
{
  self->clamp = ADW_CLAMP (adw_clamp_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->clamp), GTK_WIDGET (self));
}

/**
 * sam_clamp_new:
 *
 * Returns: (transfer floating): a new, empty #SamClamp
 */
GtkWidget *
sam_clamp_new (void)
{
  return g_object_new (SAM_TYPE_CLAMP, NULL);
}

/**
 * sam_clamp_get_child:
 * @self: a clamp
 *
 * Returns: (transfer none) (nullable): the clamped widget
 */
GtkWidget *
sam_clamp_get_child (SamClamp *self)
{
  g_return_val_if_fail (SAM_IS_CLAMP (self), NULL);

  return adw_clamp_get_child (self->clamp);
}

/**
 * sam_clamp_set_child:
 * @self: a clamp
 * @child: (nullable): the widget to clamp
 *
 * Clamps @child, replacing the previous one.
 */
void
sam_clamp_set_child (SamClamp  *self,
                     GtkWidget *child)
{
  g_return_if_fail (SAM_IS_CLAMP (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (adw_clamp_get_child (self->clamp) == child)
    return;

  adw_clamp_set_child (self->clamp, child);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
