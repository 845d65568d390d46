/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-absent-page.h"
#include "sam-decide-common.h"
#include "sam-field.h"

/* "Bring the absent colleagues along": a column per team; each plan says
 * who was not there, what they will experience or hear, who does it and
 * by when.  Everything is saved while it is typed. */
struct _SamAbsentPage
{
  SamExercisePage parent_instance;

  GtkStack *stack;
  GtkFlowBox *columns;

  GListModel *teams;
};

G_DEFINE_FINAL_TYPE (SamAbsentPage, sam_absent_page, SAM_TYPE_EXERCISE_PAGE)

static const struct {
  const char *property;
  const char *title;
} fields[] = {
  [SAM_ABSENT_FIELD_ABSENT] = { "absent", N_("Who was not there") },
  [SAM_ABSENT_FIELD_EXPERIENCE] = { "experience", N_("What they will experience or hear") },
  [SAM_ABSENT_FIELD_WHO] = { "who", N_("Who takes care of it") },
  [SAM_ABSENT_FIELD_DUE] = { "due", N_("By when (year-month-day)") },
};

static void
save_field (GtkEditable *row,
            GParamSpec  *pspec,
            gpointer     user_data)
{
  SamAbsentPage *self = SAM_ABSENT_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), SAM_TYPE_ABSENT_PAGE));
  SamStore *store = self ? sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self)) : NULL;
  SamAbsentPlan *plan = g_object_get_data (G_OBJECT (row), "plan");
  SamAbsentField field = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  if (self == NULL || store == NULL || sam_field_is_syncing (GTK_WIDGET (row)))
    return;

  g_object_get (plan, fields[field].property, &stored, NULL);
  if (g_strcmp0 (stored, gtk_editable_get_text (row)) == 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return;
    }

  if (sam_store_set_absent_plan_text (store, plan, field, gtk_editable_get_text (row), &error))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else if (g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID))
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    {
      sam_field_revert (GTK_WIDGET (row));
      sam_decide_show_error (GTK_WIDGET (self), error);
    }
}

static void
plan_changed (GtkEditable *row,
              GParamSpec  *pspec,
              GObject     *plan)
{
  g_autofree char *text = NULL;

  g_object_get (plan, pspec->name, &text, NULL);
  sam_field_show_stored (GTK_WIDGET (row), text);
}

static void
delete_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  SamAbsentPlan *plan = g_object_get_data (G_OBJECT (button), "plan");

  gtk_widget_activate_action (GTK_WIDGET (button), "absent.delete", "x", sam_absent_plan_get_id (plan));
}

static GtkWidget *
create_plan (gpointer item,
             gpointer user_data)
{
  SamAbsentPlan *plan = item;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "sam-absent-plan");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *signal = g_strconcat ("notify::", fields[i].property, NULL);
      GtkWidget *row = adw_entry_row_new ();

      g_object_get (plan, fields[i].property, &text, NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      sam_field_reset (row, text);
      g_object_set_data_full (G_OBJECT (row), "plan", g_object_ref (plan), g_object_unref);
      g_signal_connect (row, "notify::text", G_CALLBACK (save_field), GUINT_TO_POINTER (i));
      g_signal_connect_object (plan, signal, G_CALLBACK (plan_changed), row, G_CONNECT_SWAPPED);
      if (i == SAM_ABSENT_FIELD_ABSENT)
        {
          gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (delete, _("Delete this plan"));
          gtk_widget_add_css_class (delete, "flat");
          g_object_set_data_full (G_OBJECT (delete), "plan", g_object_ref (plan), g_object_unref);
          g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), NULL);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), delete);
          gtk_widget_add_css_class (row, "sam-absent-who");
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  return list;
}

static gboolean
plan_of_team (gpointer item,
              gpointer user_data)
{
  return sam_absent_plan_get_team_id (item) == *(gint64 *) user_data;
}

static void
add_activated_cb (AdwEntryRow *row,
                  SamTeam     *team)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    return;

  if (gtk_widget_activate_action (GTK_WIDGET (row), "absent.add", "(xs)", sam_team_get_id (team), text))
    gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static GtkWidget *
column_new (SamAbsentPage *self,
            SamTeam       *team)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *plans = gtk_list_box_new ();
  GtkWidget *add_list = gtk_list_box_new ();
  GtkWidget *add = adw_entry_row_new ();
  gint64 *team_id = g_new (gint64, 1);
  GtkCustomFilter *filter;
  GtkFilterListModel *model;
  g_autofree char *colour = sam_decide_team_colour_class (team);

  *team_id = sam_team_get_id (team);
  filter = gtk_custom_filter_new (plan_of_team, team_id, g_free);
  model = gtk_filter_list_model_new (g_object_ref (sam_store_get_absent_plans (store, step)),
                                     GTK_FILTER (filter));
  gtk_list_box_bind_model (GTK_LIST_BOX (plans), G_LIST_MODEL (model), create_plan, self, NULL);
  g_object_unref (model);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (plans), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (plans, "sam-absent-plans");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Who else was not there?"));
  g_signal_connect_object (add, "entry-activated", G_CALLBACK (add_activated_cb), team, 0);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (add_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (add_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (add_list), add);

  gtk_box_append (GTK_BOX (column), sam_decide_team_label_new (team, "title-2"));
  gtk_box_append (GTK_BOX (column), plans);
  gtk_box_append (GTK_BOX (column), add_list);
  gtk_widget_add_css_class (column, "sam-team-column");
  gtk_widget_add_css_class (column, colour);
  gtk_widget_set_valign (column, GTK_ALIGN_START);
  return column;
}

static GtkWidget *
create_column (gpointer item,
               gpointer user_data)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), column_new (user_data, item));
  gtk_widget_set_focusable (child, FALSE);
  return child;
}

static void
update_stack (SamAbsentPage *self)
{
  gboolean has_teams = self->teams != NULL && g_list_model_get_n_items (self->teams) > 0;

  gtk_stack_set_visible_child_name (self->stack, has_teams ? "teams" : "no-teams");
}

/* @live is FALSE while the page is disposed. */
static void
rebind (SamAbsentPage *self,
        gboolean      live)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));

  if (self->teams != NULL)
    g_signal_handlers_disconnect_by_func (self->teams, update_stack, self);
  g_clear_object (&self->teams);

  if (live && store != NULL && workshop != NULL && step != NULL)
    {
      self->teams = g_object_ref (sam_store_get_teams (store, workshop));
      g_signal_connect_swapped (self->teams, "items-changed", G_CALLBACK (update_stack), self);
      gtk_flow_box_bind_model (self->columns, self->teams, create_column, self, NULL);
    }
  else
    gtk_flow_box_bind_model (self->columns, NULL, NULL, NULL, NULL);

  update_stack (self);
}

static SamAbsentPlan *
find_plan (SamAbsentPage *self,
           gint64         id)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  GListModel *plans;

  if (store == NULL || step == NULL)
    return NULL;

  plans = sam_store_get_absent_plans (store, step);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SamAbsentPlan) plan = g_list_model_get_item (plans, i);

      if (sam_absent_plan_get_id (plan) == id)
        return plan;
    }

  return NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  SamAbsentPage *self = SAM_ABSENT_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  const char *text;
  gint64 team_id;
  SamTeam *team;

  g_variant_get (param, "(x&s)", &team_id, &text);
  team = workshop ? sam_store_find_team (store, workshop, team_id) : NULL;
  if (team != NULL && !sam_decide_is_blank (text) && sam_store_add_absent_plan (store, step, team, text, &error) == NULL)
    sam_decide_show_error (widget, error);
}

static void
set_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  SamAbsentPage *self = SAM_ABSENT_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  const char *text;
  gint64 id;
  guint32 field;
  SamAbsentPlan *plan;

  g_variant_get (param, "(xu&s)", &id, &field, &text);
  plan = find_plan (self, id);
  if (plan != NULL && field <= SAM_ABSENT_FIELD_DUE &&
      !sam_store_set_absent_plan_text (store, plan, field, text, &error))
    sam_decide_show_error (widget, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamAbsentPage *self = SAM_ABSENT_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SamAbsentPlan *plan = find_plan (self, g_variant_get_int64 (param));
  gint64 batch;

  if (plan == NULL)
    return;

  /* Translators: %s is who was absent, e.g. "the night shift" */
  message = g_strdup_printf (_("Plan for “%s” deleted"), sam_absent_plan_get_absent (plan));
  if (!sam_store_trash_absent_plan (store, plan, &batch, &error))
    sam_decide_show_error (widget, error);
  else
    sam_decide_show_undo (widget, message, batch);
}

static void
sam_absent_page_context_changed (SamExercisePage *page,
                                 SamStore        *old_store,
                                 SamWorkshop     *old_workshop,
                                 SamStep         *old_step)
{
  rebind (SAM_ABSENT_PAGE (page), TRUE);
}

static void
sam_absent_page_dispose (GObject *object)
{
  SamAbsentPage *self = (SamAbsentPage *)object;

  rebind (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_ABSENT_PAGE);

  G_OBJECT_CLASS (sam_absent_page_parent_class)->dispose (object);
}

static void
sam_absent_page_class_init (SamAbsentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_absent_page_dispose;
  page_class->context_changed = sam_absent_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-absent-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamAbsentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SamAbsentPage, columns);

  gtk_widget_class_install_action (widget_class, "absent.add", "(xs)", add_action);
  /* (plan id, SamAbsentField, text) */
  gtk_widget_class_install_action (widget_class, "absent.set", "(xus)", set_action);
  gtk_widget_class_install_action (widget_class, "absent.delete", "x", delete_action);

}

static void
sam_absent_page_init (SamAbsentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-decide-page");
  update_stack (self);
}
