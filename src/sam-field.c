/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-field.h"

/* A field that is saved while it is typed in (a GtkEditable such as an
 * AdwEntryRow, or a GtkTextView) and that follows its model object.
 *
 * The store commits each edit, so while the field has the keyboard focus
 * it is the source of truth: a model notification never rewrites it under
 * the cursor.  The field only learns what is stored, and shows that once
 * the focus leaves it, or at once after a failed write. */

typedef struct
{
  char *stored;
  guint syncing;
} FieldState;

static void
field_state_free (gpointer data)
{
  FieldState *state = data;

  g_free (state->stored);
  g_free (state);
}

static GQuark
field_state_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("sam-field-state");
  return quark;
}

static char *
dup_text (GtkWidget *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (field))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows the stored text; returns whether the field changed. */
static gboolean
write_stored (GtkWidget  *field,
              FieldState *state)
{
  g_autofree char *shown = dup_text (field);

  gtk_widget_remove_css_class (field, "error");
  if (state->stored == NULL || g_strcmp0 (shown, state->stored) == 0)
    return FALSE;

  state->syncing++;
  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), state->stored, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), state->stored);
  state->syncing--;
  return TRUE;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                GtkWidget               *field)
{
  FieldState *state = g_object_get_qdata (G_OBJECT (field), field_state_quark ());

  /* A window that is no longer active keeps its focus: the coach comes
   * back to the text as it was left. */
  if (state == NULL || gtk_widget_in_destruction (field) || sam_field_is_editing (field))
    return;

  write_stored (field, state);
}

static FieldState *
ensure_state (GtkWidget *field)
{
  FieldState *state = g_object_get_qdata (G_OBJECT (field), field_state_quark ());
  GtkEventController *focus;

  if (state != NULL)
    return state;

  state = g_new0 (FieldState, 1);
  g_object_set_qdata_full (G_OBJECT (field), field_state_quark (), state, field_state_free);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), field, 0);
  gtk_widget_add_controller (field, focus);
  return state;
}

/**
 * sam_field_is_editing:
 * @field: a field
 *
 * Returns: whether the keyboard focus is in @field (or, for a
 *   #GtkEditableLabel, whether it is being edited), even while its window
 *   is not the active one
 */
gboolean
sam_field_is_editing (GtkWidget *field)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WIDGET (field), FALSE);

  if (GTK_IS_EDITABLE_LABEL (field))
    return gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (field));

  root = gtk_widget_get_root (field);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  return focus != NULL && (focus == field || gtk_widget_is_ancestor (focus, field));
}

/**
 * sam_field_show_stored:
 * @field: a #GtkEditable or a #GtkTextView
 * @stored: the text its model object holds now
 *
 * Tells @field what is stored, from the model object's notification.  The
 * field shows it at once unless it already shows that text or someone is
 * typing in it; then it shows it when the focus leaves.
 */
void
sam_field_show_stored (GtkWidget  *field,
                       const char *stored)
{
  FieldState *state;

  g_return_if_fail (GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));

  state = ensure_state (field);
  g_free (state->stored);
  state->stored = g_strdup (stored ? stored : "");

  if (!sam_field_is_editing (field))
    write_stored (field, state);
}

/**
 * sam_field_reset:
 * @field: a #GtkEditable or a #GtkTextView
 * @stored: the text of the object that @field now stands for
 *
 * Like sam_field_show_stored(), but for a field that now shows another
 * object (another workshop, step or relation): what was typed belongs to
 * the one before, so the field shows @stored even while it has the focus.
 */
void
sam_field_reset (GtkWidget  *field,
                 const char *stored)
{
  FieldState *state;

  g_return_if_fail (GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));

  state = ensure_state (field);
  g_free (state->stored);
  state->stored = g_strdup (stored ? stored : "");
  write_stored (field, state);
}

/**
 * sam_field_revert:
 * @field: a field given its stored text by sam_field_show_stored()
 *
 * After a failed write: shows what is stored, even while the field is
 * being typed in, with the cursor at the end, so that nothing on screen
 * claims to be saved that is not.
 */
void
sam_field_revert (GtkWidget *field)
{
  FieldState *state;

  g_return_if_fail (GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));

  state = g_object_get_qdata (G_OBJECT (field), field_state_quark ());
  if (state == NULL || !write_stored (field, state))
    return;

  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
    }
  else
    gtk_editable_set_position (GTK_EDITABLE (field), -1);
}

/**
 * sam_field_is_syncing:
 * @field: a field
 *
 * Returns: whether @field is changing because it is being given the stored
 *   text; its change handler then has nothing to save
 */
gboolean
sam_field_is_syncing (GtkWidget *field)
{
  FieldState *state = g_object_get_qdata (G_OBJECT (field), field_state_quark ());

  return state != NULL && state->syncing > 0;
}
