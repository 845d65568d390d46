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
  /* The window watched for the focus to move on, while a stored text
   * waits to be shown (weak; with its handler). */
  GtkRoot *watched;
  gulong watch_handler;
} FieldState;

static void
stop_watching (FieldState *state)
{
  if (state->watched == NULL)
    return;

  g_clear_signal_handler (&state->watch_handler, state->watched);
  g_object_remove_weak_pointer (G_OBJECT (state->watched), (gpointer *) &state->watched);
  state->watched = NULL;
}

static void
field_state_free (gpointer data)
{
  FieldState *state = data;

  stop_watching (state);
  g_free (state->stored);
  g_free (state);
}

static G_DEFINE_QUARK (sam-field-state, field_state)

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
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter start, end;

      /* Not gtk_text_buffer_set_text(): a failed write is reverted while
       * the key that caused it is still a user action of the buffer, and
       * an irreversible action may not start inside one. */
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_insert (buffer, &start, state->stored, -1);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (field), state->stored);
  state->syncing--;
  return TRUE;
}

/* A text buffer is never rewritten from inside one of its own signals: a
 * failed write or a dialog taking the focus can come while the buffer is
 * inserting the key, and GTK (4.24 warns) would be left holding an
 * iterator into text that is gone.  Text views are written once the main
 * loop is back. */
typedef struct
{
  GWeakRef field;
  gboolean revert;
} Later;

static void revert_now (GtkWidget *field);

static gboolean
later_cb (gpointer data)
{
  Later *later = data;
  g_autoptr(GtkWidget) field = g_weak_ref_get (&later->field);
  FieldState *state;

  if (field == NULL || gtk_widget_in_destruction (field))
    return G_SOURCE_REMOVE;

  state = g_object_get_qdata (G_OBJECT (field), field_state_quark ());
  if (later->revert)
    revert_now (field);
  else if (state != NULL && !sam_field_is_editing (field))
    write_stored (field, state);

  return G_SOURCE_REMOVE;
}

static void
later_free (gpointer data)
{
  Later *later = data;

  g_weak_ref_clear (&later->field);
  g_free (later);
}

static void
write_later (GtkWidget *field,
             gboolean   revert)
{
  Later *later = g_new0 (Later, 1);

  g_weak_ref_init (&later->field, field);
  later->revert = revert;
  g_idle_add_full (G_PRIORITY_DEFAULT, later_cb, later, later_free);
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

  if (GTK_IS_TEXT_VIEW (field))
    write_later (field, FALSE);
  else
    write_stored (field, state);
}

/* The focus controller's "leave" comes once, when the focus leaves the
 * field or its window stops being the active one; in the second case the
 * field keeps the focus and its text.  A focus moved on in a window that is
 * not active (another window came up meanwhile) brings no second "leave",
 * so a field with a stored text to show also follows its window's focus. */
static void
root_focus_cb (GtkRoot    *root,
               GParamSpec *pspec,
               GtkWidget  *field)
{
  FieldState *state = g_object_get_qdata (G_OBJECT (field), field_state_quark ());

  if (state == NULL || gtk_widget_in_destruction (field) || sam_field_is_editing (field))
    return;

  stop_watching (state);
  if (GTK_IS_TEXT_VIEW (field))
    write_later (field, FALSE);
  else
    write_stored (field, state);
}

static void
watch_focus (GtkWidget  *field,
             FieldState *state)
{
  GtkRoot *root = gtk_widget_get_root (field);

  if (root == state->watched)
    return;

  stop_watching (state);
  if (root == NULL)
    return;

  state->watched = root;
  g_object_add_weak_pointer (G_OBJECT (root), (gpointer *) &state->watched);
  /* Not g_signal_connect_object(): the state goes with the field and
   * disconnects the handler itself. */
  state->watch_handler = g_signal_connect (root, "notify::focus-widget",
                                           G_CALLBACK (root_focus_cb), field);
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
 * Returns: whether the keyboard focus is in @field, even while its
 *   window is not the active one
 */
gboolean
sam_field_is_editing (GtkWidget *field)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WIDGET (field), FALSE);

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
    {
      stop_watching (state);
      write_stored (field, state);
    }
  else
    watch_focus (field, state);
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
  stop_watching (state);
  write_stored (field, state);
}

static void
revert_now (GtkWidget *field)
{
  FieldState *state = g_object_get_qdata (G_OBJECT (field), field_state_quark ());

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
  g_return_if_fail (GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));

  if (GTK_IS_TEXT_VIEW (field))
    write_later (field, TRUE);
  else
    revert_now (field);
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
