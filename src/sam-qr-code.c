/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A QR code (libqrencode) drawn crisp: every module a whole number of
 * pixels, aligned to the pixel grid, with the quiet zone around it, black
 * on white whatever the style (a scanner wants dark on light; dark mode
 * must not invert it).  It takes the largest module size that fits its
 * allocation, so on the projector it grows with the wall. */

#include "config.h"

#include <errno.h>
#include <qrencode.h>

#include "sam-qr-code.h"

struct _SamQrCode
{
  GtkWidget parent_instance;

  char    *text;
  QRcode  *code;
  int      min_module_size;
};

G_DEFINE_FINAL_TYPE (SamQrCode, sam_qr_code, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A scanner across a room wants big modules; below this the code is still
 * drawn, at whole pixels. */
#define NATURAL_MODULE_SIZE 8

static int
span (SamQrCode *self)
{
  return self->code ? self->code->width + 2 * SAM_QR_CODE_QUIET_ZONE : 0;
}

static void
sam_qr_code_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  SamQrCode *self = SAM_QR_CODE (widget);

  *minimum = span (self) * self->min_module_size;
  *natural = span (self) * MAX (self->min_module_size, NATURAL_MODULE_SIZE);
}

static void
sam_qr_code_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  SamQrCode *self = SAM_QR_CODE (widget);
  GdkRGBA white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  int module, side, x0, y0, width;

  module = sam_qr_code_get_module_size (self);
  if (module == 0)
    return;
  width = self->code->width;
  side = span (self) * module;
  x0 = (gtk_widget_get_width (widget) - side) / 2;
  y0 = (gtk_widget_get_height (widget) - side) / 2;

  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (x0, y0, side, side));
  x0 += SAM_QR_CODE_QUIET_ZONE * module;
  y0 += SAM_QR_CODE_QUIET_ZONE * module;
  for (int y = 0; y < width; y++)
    {
      int x = 0;

      /* A run of dark modules in a row is one rectangle: fewer nodes, and
       * no hairline seams between neighbours. */
      while (x < width)
        {
          int start;

          if (!(self->code->data[y * width + x] & 1))
            {
              x++;
              continue;
            }
          start = x;
          while (x < width && (self->code->data[y * width + x] & 1))
            x++;
          gtk_snapshot_append_color (snapshot, &black,
                                     &GRAPHENE_RECT_INIT (x0 + start * module, y0 + y * module,
                                                          (x - start) * module, module));
        }
    }
}

static void
sam_qr_code_finalize (GObject *object)
{
  SamQrCode *self = SAM_QR_CODE (object);

  g_clear_pointer (&self->code, QRcode_free);
  g_free (self->text);

  G_OBJECT_CLASS (sam_qr_code_parent_class)->finalize (object);
}

static void
sam_qr_code_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      sam_qr_code_set_text (SAM_QR_CODE (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_qr_code_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, SAM_QR_CODE (object)->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_qr_code_class_init (SamQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sam_qr_code_finalize;
  object_class->set_property = sam_qr_code_set_property;
  object_class->get_property = sam_qr_code_get_property;

  widget_class->measure = sam_qr_code_measure;
  widget_class->snapshot = sam_qr_code_snapshot;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sam_qr_code_init (SamQrCode *self)
{
  self->min_module_size = 3;
}

GtkWidget *
sam_qr_code_new (void)
{
  return g_object_new (SAM_TYPE_QR_CODE, NULL);
}

/**
 * sam_qr_code_set_text:
 * @text: (nullable): what the code carries (a join URI), %NULL for none
 *
 * Encodes @text as 8-bit data with error correction level M (a smudge or a
 * glare on the beamer's wall still scans) in the smallest version that
 * holds it.
 */
void
sam_qr_code_set_text (SamQrCode  *self,
                      const char *text)
{
  g_return_if_fail (SAM_IS_QR_CODE (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->code, QRcode_free);
  if (text != NULL && *text != '\0')
    {
      self->code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
      if (self->code == NULL)
        g_debug ("No QR code for %zu bytes: %s", strlen (text), g_strerror (errno));
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
sam_qr_code_get_text (SamQrCode *self)
{
  g_return_val_if_fail (SAM_IS_QR_CODE (self), NULL);
  return self->text;
}

/**
 * sam_qr_code_get_n_modules:
 *
 * Returns: the symbol's width in modules, without the quiet zone (21 for
 * version 1, 4 more per version), 0 without a code
 */
int
sam_qr_code_get_n_modules (SamQrCode *self)
{
  g_return_val_if_fail (SAM_IS_QR_CODE (self), 0);
  return self->code ? self->code->width : 0;
}

/**
 * sam_qr_code_get_module:
 *
 * Returns: whether the module at @x, @y (from the symbol's top left corner,
 * quiet zone not counted) is dark
 */
gboolean
sam_qr_code_get_module (SamQrCode *self,
                        int        x,
                        int        y)
{
  g_return_val_if_fail (SAM_IS_QR_CODE (self), FALSE);
  g_return_val_if_fail (self->code != NULL, FALSE);
  g_return_val_if_fail (x >= 0 && x < self->code->width && y >= 0 && y < self->code->width, FALSE);

  return self->code->data[y * self->code->width + x] & 1;
}

/**
 * sam_qr_code_get_module_size:
 *
 * Returns: the side of one module in pixels at the current size (the
 * largest whole number that fits the code and its quiet zone), 0 when there
 * is nothing to draw
 */
int
sam_qr_code_get_module_size (SamQrCode *self)
{
  int side;

  g_return_val_if_fail (SAM_IS_QR_CODE (self), 0);

  if (self->code == NULL)
    return 0;
  side = MIN (gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  return side / span (self);
}

/**
 * sam_qr_code_set_min_module_size:
 * @pixels: the smallest side of a module the widget asks for
 *
 * The projector asks for bigger modules than the console.
 */
void
sam_qr_code_set_min_module_size (SamQrCode *self,
                                 int        pixels)
{
  g_return_if_fail (SAM_IS_QR_CODE (self));
  g_return_if_fail (pixels >= 1);

  self->min_module_size = pixels;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
