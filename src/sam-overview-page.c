/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-field.h"
#include "sam-overview-page.h"
#include "sam-team-row.h"
#include "sam-window.h"

/* The first page of a workshop: who takes part, and the details the report
 * and the library show.  Everything is saved while it is typed. */
struct _SamOverviewPage
{
  SamExercisePage parent_instance;

  GtkLabel *heading;
  GtkListBox *team_list;
  AdwEntryRow *name_row;
  AdwEntryRow *organisation_row;
  AdwEntryRow *coach_row;
  AdwEntryRow *date_row;
  GtkTextView *notes_view;

  /* The teams' rows wait until the page is first shown. */
  gboolean teams_pending;
};

/* Not an exercise, but a page of the workshop like them: the base class
 * holds its store and workshop. */
G_DEFINE_FINAL_TYPE (SamOverviewPage, sam_overview_page, SAM_TYPE_EXERCISE_PAGE)

static SamStore *
get_store (SamOverviewPage *self)
{
  return sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
}

static SamWorkshop *
get_workshop (SamOverviewPage *self)
{
  return sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
}

static GtkWidget *
create_team_row (gpointer item,
                 gpointer user_data)
{
  return sam_team_row_new (SAM_TEAM (item));
}

static void
load_fields (SamOverviewPage *self)
{
  SamWorkshop *workshop = get_workshop (self);

  if (workshop == NULL)
    return;

  /* A field being typed in keeps its text: the store commits each key. */
  sam_field_show_stored (GTK_WIDGET (self->name_row), sam_workshop_get_name (workshop));
  sam_field_show_stored (GTK_WIDGET (self->organisation_row), sam_workshop_get_organisation (workshop));
  sam_field_show_stored (GTK_WIDGET (self->coach_row), sam_workshop_get_coach (workshop));
  sam_field_show_stored (GTK_WIDGET (self->date_row), sam_workshop_get_date (workshop));
  sam_field_show_stored (GTK_WIDGET (self->notes_view), sam_workshop_get_notes (workshop));
  gtk_label_set_text (self->heading, sam_workshop_get_name (workshop));
}

/* Another workshop: every field shows it, even one with the focus. */
static void
reset_fields (SamOverviewPage *self)
{
  SamWorkshop *workshop = get_workshop (self);

  sam_field_reset (GTK_WIDGET (self->name_row), workshop ? sam_workshop_get_name (workshop) : "");
  sam_field_reset (GTK_WIDGET (self->organisation_row), workshop ? sam_workshop_get_organisation (workshop) : "");
  sam_field_reset (GTK_WIDGET (self->coach_row), workshop ? sam_workshop_get_coach (workshop) : "");
  sam_field_reset (GTK_WIDGET (self->date_row), workshop ? sam_workshop_get_date (workshop) : "");
  sam_field_reset (GTK_WIDGET (self->notes_view), workshop ? sam_workshop_get_notes (workshop) : "");
  gtk_label_set_text (self->heading, workshop ? sam_workshop_get_name (workshop) : "");
}

static void
show_error (SamOverviewPage *self,
            const GError    *error)
{
  SamWindow *window = SAM_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), SAM_TYPE_WINDOW));

  if (window != NULL)
    sam_window_show_error (window, error);
}

static void
save_field (SamOverviewPage  *self,
            AdwEntryRow      *row,
            SamWorkshopField  field)
{
  g_autoptr(GError) error = NULL;

  if (sam_store_set_workshop_field (get_store (self), get_workshop (self), field,
                                    gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return;
    }

  /* While typing, an unfinished date or an emptied name is simply not saved
   * yet; the row shows it is not accepted, and shows what is stored when
   * the focus leaves it.  Any other failure shows what is stored now. */
  if (g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  sam_field_revert (GTK_WIDGET (row));
  show_error (self, error);
}

static void
field_changed_cb (SamOverviewPage *self,
                  AdwEntryRow     *row)
{
  if (sam_field_is_syncing (GTK_WIDGET (row)) || get_workshop (self) == NULL)
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

  if (sam_field_is_syncing (GTK_WIDGET (self->notes_view)) || get_workshop (self) == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!sam_store_set_workshop_field (get_store (self), get_workshop (self), SAM_WORKSHOP_FIELD_NOTES, text, &error))
    {
      sam_field_revert (GTK_WIDGET (self->notes_view));
      show_error (self, error);
    }
}

static void
bind_teams (SamOverviewPage *self)
{
  SamStore *store = get_store (self);
  SamWorkshop *workshop = get_workshop (self);

  if (!self->teams_pending || store == NULL || workshop == NULL)
    return;

  self->teams_pending = FALSE;
  gtk_list_box_bind_model (self->team_list, sam_store_get_teams (store, workshop),
                           create_team_row, self, NULL);
}

static void
sam_overview_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sam_overview_page_parent_class)->map (widget);
  bind_teams (SAM_OVERVIEW_PAGE (widget));
}

/* Shows the teams and details of the workshop now set, and follows its
 * edits; @old_workshop is the one shown before. */
static void
bind (SamOverviewPage *self,
      SamWorkshop     *old_workshop)
{
  SamStore *store = get_store (self);
  SamWorkshop *workshop = get_workshop (self);

  if (old_workshop != NULL)
    g_signal_handlers_disconnect_by_func (old_workshop, load_fields, self);

  if (workshop != NULL && store != NULL)
    {
      /* A workshop opened on one of its steps (where the app returns to)
       * does not build a row per team for a page it does not show. */
      self->teams_pending = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        bind_teams (self);
      else
        gtk_list_box_bind_model (self->team_list, NULL, NULL, NULL, NULL);
      if (workshop != old_workshop)
        g_signal_connect_object (workshop, "notify", G_CALLBACK (load_fields), self, G_CONNECT_SWAPPED);
    }
  else
    {
      self->teams_pending = FALSE;
      gtk_list_box_bind_model (self->team_list, NULL, NULL, NULL, NULL);
    }

  if (workshop != old_workshop)
    reset_fields (self);
  else
    load_fields (self);
}

static void
sam_overview_page_context_changed (SamExercisePage *page,
                                   SamStore        *old_store,
                                   SamWorkshop     *old_workshop,
                                   SamStep         *old_step)
{
  SamOverviewPage *self = SAM_OVERVIEW_PAGE (page);

  /* Only the store or the workshop matter here. */
  if (old_workshop != get_workshop (self) || old_store != get_store (self))
    bind (self, old_workshop);
}

static void
sam_overview_page_dispose (GObject *object)
{
  SamOverviewPage *self = (SamOverviewPage *)object;

  if (get_workshop (self) != NULL)
    g_signal_handlers_disconnect_by_func (get_workshop (self), load_fields, self);
  if (self->team_list != NULL)
    gtk_list_box_bind_model (self->team_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (sam_overview_page_parent_class)->dispose (object);
}

static void
sam_overview_page_class_init (SamOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_overview_page_dispose;
  widget_class->map = sam_overview_page_map;
  SAM_EXERCISE_PAGE_CLASS (klass)->context_changed = sam_overview_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, heading);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, team_list);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, coach_row);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, SamOverviewPage, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
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

  bind_teams (self);
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
