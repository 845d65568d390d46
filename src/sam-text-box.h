/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SAM_TYPE_TEXT_BOX (sam_text_box_get_type ())

G_DECLARE_FINAL_TYPE (SamTextBox, sam_text_box, SAM, TEXT_BOX, GtkWidget)

GtkWidget *sam_text_box_new    (GtkOrientation  orientation,
                                int             spacing);
void       sam_text_box_append (SamTextBox     *self,
                                GtkWidget      *child);
void       sam_text_box_set_popover (SamTextBox *self,
                                     GtkPopover *popover,
                                     GtkWidget  *anchor);
void       sam_text_box_popup       (SamTextBox *self);
GtkPopover *sam_text_box_get_popover (SamTextBox *self);

G_END_DECLS
