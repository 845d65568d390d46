/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-overview-page.h"
#include "sam-team-row.h"
#include "sam-window.h"

/* The first page of a workshop: who takes part, and the details the report
 * and the library show.  Everything is saved while it is typed. */
struct _SamOverviewPage
{
  GtkWidget parent_instance;

  GtkLabel *heading;
  GtkListBox *team_list;
  AdwEntryRow *name_row;
  AdwEntryRow *organisation_row;
  AdwEntryRow *coach_row;
  AdwEntryRow *date_row;
  GtkTextView *notes_view;

  SamStore *store;
  SamWorkshop *workshop;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (SamOverviewPage, sam_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_WORKSHOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_team_row (gpointer item,
                 gpointer user_data)
{
  return sam_team_row_new (SAM_TEAM (item));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
load_fields (SamOverviewPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  self->loading = TRUE;
  if (self->workshop != NULL)
    {
      g_autofree char *old_notes = NULL;
      GtkTextIter start, end;

      set_row_text (self->name_row, sam_workshop_get_name (self->workshop));
      set_row_text (self->organisation_row, sam_workshop_get_organisation (self->workshop));
      set_row_text (self->coach_row, sam_workshop_get_coach (self->workshop));
      set_row_text (self->date_row, sam_workshop_get_date (self->workshop));
      gtk_label_set_text (self->heading, sam_workshop_get_name (self->workshop));

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      old_notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (old_notes, sam_workshop_get_notes (self->workshop)) != 0)
        gtk_text_buffer_set_text (buffer, sam_workshop_get_notes (self->workshop), -1);
    }
  self->loading = FALSE;
}

static void
save_field (SamOverviewPage  *self,
            AdwEntryRow      *row,
            SamWorkshopField  field)
{
  g_autoptr(GError) error = NULL;

  if (sam_store_set_workshop_field (self->store, self->workshop, field,
                                    gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return;
    }

  /* While typing, an unfinished date or an emptied name is simply not saved
   * yet; the row shows it is not accepted. */
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (!g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID))
    {
      SamWindow *window = SAM_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), SAM_TYPE_WINDOW));

      if (window != NULL)
        sam_window_show_error (window, error);
    }
}

static void
field_changed_cb (SamOverviewPage *self,
                  AdwEntryRow     *row)
{
  if (self->loading || self->workshop == NULL)
    return;

  if (row == self->name_row)
    save_field (self, row, SAM_WORKSHOP_FIELD_NAME);
  else if (row == self->organisation_row)
    save_field (self, row, SAM_WORKSHOP_FIELD_ORGANISATION);
  else if (row == self->coach_row)
    save_field (self, row, SAM_WORKSHOP_FIELD_COACH);
  else if (row == self->date_row)
    save_field (self, row, SAM_WORKSHOP_FIELD_DATE);
}

static void
notes_changed_cb (SamOverviewPage *self,
                  GtkTextBuffer   *buffer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading || self->workshop == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!sam_store_set_workshop_field (self->store, self->workshop, SAM_WORKSHOP_FIELD_NOTES, text, &error))
    {
      SamWindow *window = SAM_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), SAM_TYPE_WINDOW));

      if (window != NULL)
        sam_window_show_error (window, error);
    }
}

static void
set_workshop (SamOverviewPage *self,
              SamWorkshop     *workshop)
{
  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_func (self->workshop, load_fields, self);

  if (!g_set_object (&self->workshop, workshop))
    return;

  if (workshop != NULL && self->store != NULL)
    {
      gtk_list_box_bind_model (self->team_list, sam_store_get_teams (self->store, workshop),
                               create_team_row, self, NULL);
      g_signal_connect_object (workshop, "notify", G_CALLBACK (load_fields), self, G_CONNECT_SWAPPED);
    }
  else
    gtk_list_box_bind_model (self->team_list, NULL, NULL, NULL, NULL);

  load_fields (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

static void
sam_overview_page_dispose (GObject *object)
{
  SamOverviewPage *self = (SamOverviewPage *)object;

  set_workshop (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_OVERVIEW_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_overview_page_parent_class)->dispose (object);
}

static void
sam_overview_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SamOverviewPage *self = SAM_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_WORKSHOP: g_value_set_object (value, self->workshop); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_overview_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SamOverviewPage *self = SAM_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_WORKSHOP:
      set_workshop (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_overview_page_class_init (SamOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_overview_page_dispose;
  object_class->get_property = sam_overview_page_get_property;
  object_class->set_property = sam_overview_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, SAM_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, heading);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, team_list);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, coach_row);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sam_overview_page_init (SamOverviewPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No teams yet. Add the teams taking part, for example Sales, "
                                 "Back Office and IT."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 18);
  gtk_widget_set_margin_end (placeholder, 18);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->team_list, placeholder);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sam_overview_page_focus_team:
 * @self: a #SamOverviewPage
 * @team: a team of the shown workshop
 *
 * Puts the keyboard focus in the name of @team, with the name selected so
 * that typing replaces it.
 */
void
sam_overview_page_focus_team (SamOverviewPage *self,
                              SamTeam         *team)
{
  GtkListBoxRow *row;

  g_return_if_fail (SAM_IS_OVERVIEW_PAGE (self));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->team_list, i)) != NULL; i++)
    {
      if (SAM_IS_TEAM_ROW (row) && sam_team_row_get_team (SAM_TEAM_ROW (row)) == team)
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
          return;
        }
    }
}
