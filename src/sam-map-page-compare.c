/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-compat.h"
#include "sam-map-page-private.h"
#include "sam-window.h"

/* Snapshots of the map ("start of the day", "end of the day"), comparing
 * two of them side by side or one at a time with what improved or worsened
 * highlighted, and exporting the map or the comparison. */

/* Freezing -------------------------------------------------------------- */

static void
freeze (SamMapPage *self,
        const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMapSnapshotRecord) record = NULL;
  g_autofree char *message = NULL;

  if (self->loader == NULL)
    return;

  record = sam_map_loader_freeze (self->loader, label, &error);
  if (record == NULL)
    {
      _sam_map_page_report (self, error);
      return;
    }

  _sam_map_page_reload_snapshots (self);
  /* TRANSLATORS: %s is the name of a frozen map, e.g. "Start of the day" */
  message = g_strdup_printf (_("Map frozen as “%s”"), record->label);
  _sam_map_page_toast (self, message);
}

static void
action_freeze (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);

  if (g_str_equal (action_name, "page.freeze-start"))
    freeze (self, _("Start of the day"));
  else if (g_str_equal (action_name, "page.freeze-end"))
    freeze (self, _("End of the day"));
  else if (parameter != NULL)
    freeze (self, g_variant_get_string (parameter, NULL));
}

static void
name_response_cb (GtkWidget  *alert,
                  const char *response,
                  gpointer    user_data)
{
  GtkEditable *entry = GTK_EDITABLE (sam_compat_alert_get_extra_child (alert));

  if (g_str_equal (response, "freeze"))
    freeze (SAM_MAP_PAGE (user_data), gtk_editable_get_text (entry));
}

static void
entry_changed_cb (GtkEditable *entry,
                  GtkWidget   *alert)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  sam_compat_alert_set_response_enabled (alert, "freeze", *text != '\0');
}

static void
entry_activate_cb (GtkEntry  *entry,
                   GtkWidget *alert)
{
  sam_compat_alert_respond (alert, "freeze");
}

static void
action_freeze_named (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);
  GtkWidget *alert, *entry;

  alert = sam_compat_alert_new (_("Freeze the Map"),
                                _("Give this moment a name, for example “After the break”."));
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the frozen map"), -1);
  sam_compat_alert_set_extra_child (alert, entry);
  sam_compat_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_add_response (alert, "freeze", _("_Freeze"), ADW_RESPONSE_SUGGESTED);
  sam_compat_alert_set_response_enabled (alert, "freeze", FALSE);
  sam_compat_alert_set_default_response (alert, "freeze");
  sam_compat_alert_set_close_response (alert, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), alert);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), alert);
  sam_compat_alert_present (alert, widget, name_response_cb, self);
  gtk_widget_grab_focus (entry);
}

/* Snapshots ------------------------------------------------------------- */

static char *
snapshot_name (SamMapSnapshotRecord *s)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (s->created / 1000);
  g_autofree char *time = when ? g_date_time_format (when, "%H:%M") : g_strdup ("");

  /* TRANSLATORS: a frozen map and the time it was frozen, e.g. "Start of the day, 09:12" */
  return g_strdup_printf (_("%s, %s"), s->label, time);
}

/* Index of the choice "the map as it is now" in the drop-downs. */
static guint
now_index (SamMapPage *self)
{
  return self->snapshots ? self->snapshots->len : 0;
}

void
_sam_map_page_reload_snapshots (SamMapPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  guint n_old;
  guint start = 0, end;

  if (self->loader != NULL)
    {
      fresh = sam_map_loader_list_snapshots (self->loader, &error);
      if (fresh == NULL)
        _sam_map_page_report (self, error);
    }

  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  self->snapshots = fresh ? g_steal_pointer (&fresh)
                          : g_ptr_array_new_with_free_func ((GDestroyNotify) sam_map_snapshot_record_free);

  self->loading = TRUE;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->snapshot_names));
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < self->snapshots->len; i++)
      {
        SamMapSnapshotRecord *s = g_ptr_array_index (self->snapshots, i);

        g_ptr_array_add (names, snapshot_name (s));
        if (start == 0 && g_strcmp0 (s->label, _("Start of the day")) == 0)
          start = i;
      }
    g_ptr_array_add (names, g_strdup (_("The map now")));
    g_ptr_array_add (names, NULL);
    gtk_string_list_splice (self->snapshot_names, 0, n_old, (const char *const *) names->pdata);
  }

  /* Before: the start of the day (or the oldest); after: the newest
   * snapshot frozen after it, or the map as it is now. */
  end = self->snapshots->len > start + 1 ? self->snapshots->len - 1 : now_index (self);
  gtk_drop_down_set_selected (self->start_drop, start);
  gtk_drop_down_set_selected (self->end_drop, end);
  self->loading = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.comparing", self->snapshots->len > 0);
  if (self->comparing)
    _sam_map_page_update_compare (self);
}

static SamMapModel *
model_at (SamMapPage  *self,
          guint        index,
          GError     **error)
{
  SamMapSnapshotRecord *s;

  if (index >= self->snapshots->len)
    return sam_map_model_copy (sam_map_loader_get_model (self->loader));

  s = g_ptr_array_index (self->snapshots, index);
  return sam_map_model_new_from_json (s->json, error);
}

static char *
label_at (SamMapPage *self,
          guint       index)
{
  if (index >= self->snapshots->len)
    return g_strdup (_("The map now"));

  return g_strdup (((SamMapSnapshotRecord *) g_ptr_array_index (self->snapshots, index))->label);
}

static char *
describe_changes (SamMapModel *start,
                  SamMapModel *end)
{
  g_autoptr(GPtrArray) changes = sam_map_model_compare (start, end);
  guint counts[SAM_MAP_CHANGE_MIXED + 1] = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  static const SamMapChange order[] = {
    SAM_MAP_CHANGE_IMPROVED, SAM_MAP_CHANGE_WORSENED, SAM_MAP_CHANGE_MIXED,
    SAM_MAP_CHANGE_ADDED, SAM_MAP_CHANGE_REMOVED,
  };

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    counts[((SamMapRelationChange *) g_ptr_array_index (changes, i))->change]++;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (counts[order[i]] == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      /* TRANSLATORS: a count and a kind of change, e.g. "3 × Improved" */
      g_string_append_printf (text, _("%u × %s"), counts[order[i]], sam_map_change_to_string (order[i]));
    }

  if (text->len == 0)
    g_string_append (text, _("No relation changed between these two maps."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_sam_map_page_show_end_changed (SamMapPage *self)
{
  if (self->compare_end == NULL)
    return;

  sam_map_view_set_model (self->toggle_view, self->show_end ? self->compare_end : self->compare_start);
  sam_map_view_set_comparison (self->toggle_view, self->show_end ? self->compare_start : NULL);
  gtk_button_set_label (GTK_BUTTON (self->show_end_button),
                        self->show_end ? _("Showing _After") : _("Showing _Before"));
}

void
_sam_map_page_update_compare (SamMapPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMapModel) start = NULL;
  g_autoptr(SamMapModel) end = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  guint a, b;

  gtk_stack_set_visible_child_name (self->compare_stack, self->compare_layout);
  gtk_widget_set_visible (self->show_end_button, g_str_equal (self->compare_layout, "toggle"));
  if (!self->comparing || self->loader == NULL || self->loading)
    return;

  a = gtk_drop_down_get_selected (self->start_drop);
  b = gtk_drop_down_get_selected (self->end_drop);
  start = model_at (self, a, &error);
  if (start != NULL)
    end = model_at (self, b, &error);
  if (end == NULL)
    {
      _sam_map_page_report (self, error);
      return;
    }

  g_set_object (&self->compare_start, start);
  g_set_object (&self->compare_end, end);
  start_text = label_at (self, a);
  end_text = label_at (self, b);
  gtk_label_set_text (self->start_label, start_text);
  gtk_label_set_text (self->end_label, end_text);
  summary = describe_changes (start, end);
  gtk_label_set_text (self->compare_summary, summary);

  sam_map_view_set_model (self->start_view, start);
  sam_map_view_set_model (self->end_view, end);
  sam_map_view_set_comparison (self->end_view, start);
  sam_map_view_fit (self->start_view);
  sam_map_view_fit (self->end_view);
  _sam_map_page_show_end_changed (self);
  sam_map_view_fit (self->toggle_view);
}

void
_sam_map_page_set_comparing (SamMapPage *self,
                             gboolean    comparing)
{
  comparing = comparing && self->loader != NULL;
  if (comparing && (self->snapshots == NULL || self->snapshots->len == 0))
    {
      _sam_map_page_toast (self, _("Freeze the map first, for example at the start of the day"));
      comparing = FALSE;
    }

  if (self->comparing == comparing)
    return;

  self->comparing = comparing;
  gtk_stack_set_visible_child_name (self->mode_stack, comparing ? "compare" : "map");
  gtk_widget_set_visible (self->map_hint, !comparing);
  if (comparing)
    _sam_map_page_update_compare (self);
  else
    {
      sam_map_view_set_model (self->start_view, NULL);
      sam_map_view_set_model (self->end_view, NULL);
      sam_map_view_set_model (self->toggle_view, NULL);
      g_clear_object (&self->compare_start);
      g_clear_object (&self->compare_end);
    }

  g_object_notify (G_OBJECT (self), "comparing");
}

/* Export ---------------------------------------------------------------- */

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!sam_map_export_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * sam_map_page_export_async:
 * @self: a #SamMapPage
 * @file: where to write
 * @format: PNG, SVG or PDF
 * @paper: the projector's 1920 × 1080 or A4
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the map, or while comparing the two maps side by side, in a
 * thread.  The save dialog of the Export menu ends here; tests call it
 * directly.
 */
void
sam_map_page_export_async (SamMapPage          *self,
                           GFile               *file,
                           SamMapFormat         format,
                           SamMapPaper          paper,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *start_label = NULL;
  g_autofree char *end_label = NULL;
  SamMapExportOptions options;
  SamWorkshop *workshop;

  g_return_if_fail (SAM_IS_MAP_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_map_page_export_async);
  if (self->loader == NULL)
    {
      g_task_return_new_error (task, SAM_MAP_ERROR, SAM_MAP_ERROR_EXPORT, _("There is no map to export"));
      return;
    }

  sam_map_export_options_init (&options, format, paper);
  workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  options.title = workshop ? sam_workshop_get_name (workshop) : NULL;
  options.show_legend = TRUE;

  if (self->comparing && self->compare_start != NULL && self->compare_end != NULL)
    {
      options.start_label = start_label = label_at (self, gtk_drop_down_get_selected (self->start_drop));
      options.end_label = end_label = label_at (self, gtk_drop_down_get_selected (self->end_drop));
      sam_map_export_compare_async (self->compare_start, self->compare_end, file, &options,
                                    cancellable, export_done_cb, g_steal_pointer (&task));
    }
  else
    sam_map_export_async (sam_map_loader_get_model (self->loader), file, &options, cancellable,
                          export_done_cb, g_steal_pointer (&task));
}

gboolean
sam_map_page_export_finish (SamMapPage    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SamMapPage *self = SAM_MAP_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (!sam_map_page_export_finish (self, result, &error))
    _sam_map_page_report (self, error);
  else
    _sam_map_page_toast (self, _("Map exported"));
}

typedef struct
{
  SamMapPage   *page;
  SamMapFormat  format;
  SamMapPaper   paper;
} ExportChoice;

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportChoice *choice = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sam_compat_save_file_finish (result, &error);

  if (file != NULL)
    sam_map_page_export_async (choice->page, file, choice->format, choice->paper, NULL,
                               exported_cb, NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _sam_map_page_report (choice->page, error);

  g_object_unref (choice->page);
  g_free (choice);
}

static void
action_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  static const char *extensions[] = { "png", "svg", "pdf" };
  static const char *mime_types[] = { "image/png", "image/svg+xml", "application/pdf" };
  static const char *kinds[] = { N_("PNG pictures"), N_("SVG drawings"), N_("PDF documents") };
  ExportChoice *choice = g_new0 (ExportChoice, 1);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GListModel) filters = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;

  choice->page = g_object_ref (self);
  choice->format = g_str_has_prefix (target, "svg") ? SAM_MAP_FORMAT_SVG
                 : g_str_has_prefix (target, "pdf") ? SAM_MAP_FORMAT_PDF
                 : SAM_MAP_FORMAT_PNG;
  choice->paper = g_str_has_suffix (target, "a4") ? SAM_MAP_PAPER_A4_LANDSCAPE : SAM_MAP_PAPER_PROJECTOR;

  /* TRANSLATORS: the suggested file name of an exported map; %s is the extension */
  name = g_strdup_printf (self->comparing ? _("Relationship map compared.%s") : _("Relationship map.%s"),
                          extensions[choice->format]);
  pattern = g_strdup_printf ("*.%s", extensions[choice->format]);
  filters = sam_compat_file_filters_new (_(kinds[choice->format]), mime_types[choice->format], pattern);
  sam_compat_save_file_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              _("Export the Map"), name, filters, NULL, file_chosen_cb, choice);
}

/* Set-up ---------------------------------------------------------------- */

static void
choice_changed_cb (SamMapPage *self)
{
  if (!self->loading)
    _sam_map_page_update_compare (self);
}

void
_sam_map_page_install_compare_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.freeze-start", NULL, action_freeze);
  gtk_widget_class_install_action (widget_class, "page.freeze-end", NULL, action_freeze);
  gtk_widget_class_install_action (widget_class, "page.freeze", "s", action_freeze);
  gtk_widget_class_install_action (widget_class, "page.freeze-named", NULL, action_freeze_named);
  gtk_widget_class_install_action (widget_class, "page.export", "s", action_export);
  gtk_widget_class_install_property_action (widget_class, "page.comparing", "comparing");
  gtk_widget_class_install_property_action (widget_class, "page.compare-layout", "compare-layout");
  gtk_widget_class_install_property_action (widget_class, "page.show-end", "show-end");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "page.show-end", NULL);
}

void
_sam_map_page_compare_init (SamMapPage *self)
{
  self->snapshot_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->start_drop, G_LIST_MODEL (self->snapshot_names));
  gtk_drop_down_set_model (self->end_drop, G_LIST_MODEL (self->snapshot_names));
  g_signal_connect_object (self->start_drop, "notify::selected", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->end_drop, "notify::selected", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* The Legend button speaks for every map on the page. */
  g_object_bind_property (self->view, "show-legend", self->start_view, "show-legend", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->view, "show-legend", self->end_view, "show-legend", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->view, "show-legend", self->toggle_view, "show-legend", G_BINDING_SYNC_CREATE);
  _sam_map_page_update_compare (self);
}

void
_sam_map_page_compare_dispose (SamMapPage *self)
{
  g_clear_object (&self->compare_start);
  g_clear_object (&self->compare_end);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_object (&self->snapshot_names);
}
