/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-absent-page.h"
#include "sam-compat.h"
#include "sam-date.h"
#include "sam-date-row.h"
#include "sam-decide-common.h"
#include "sam-field.h"
#include "sam-list-slice.h"

/* "Bring the absent colleagues along": per team its plans; each plan says
 * who was not there, what they will experience or hear, who does it and
 * by when.  Everything is saved while it is typed.
 *
 * The page is one list view over one flat model: the introduction, then
 * per team its name, its plans and the field for the next plan.  A row
 * keeps the widget of its kind of item and is bound to the item it shows:
 * a plan's fields are made once per recycled row, never per plan. */

/* A row that is not a plan: the introduction, a team's name, or the field
 * for a team's next plan. */
typedef enum {
  SLOT_INTRO,
  SLOT_TEAM,
  SLOT_ADD,
  SLOT_PLAN,    /* not a slot: a row's kind when it shows a plan */
} SlotKind;

#define SAM_TYPE_ABSENT_SLOT (sam_absent_slot_get_type ())
G_DECLARE_FINAL_TYPE (SamAbsentSlot, sam_absent_slot, SAM, ABSENT_SLOT, GObject)

struct _SamAbsentSlot
{
  GObject parent_instance;

  SlotKind kind;
  SamTeam *team;
};

G_DEFINE_FINAL_TYPE (SamAbsentSlot, sam_absent_slot, G_TYPE_OBJECT)

static void
sam_absent_slot_finalize (GObject *object)
{
  g_clear_object (&SAM_ABSENT_SLOT (object)->team);
  G_OBJECT_CLASS (sam_absent_slot_parent_class)->finalize (object);
}

static void
sam_absent_slot_class_init (SamAbsentSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_absent_slot_finalize;
}

static void
sam_absent_slot_init (SamAbsentSlot *self)
{
}

static GListModel *
slot_list_new (SlotKind  kind,
               SamTeam  *team)
{
  GListStore *store = g_list_store_new (SAM_TYPE_ABSENT_SLOT);
  SamAbsentSlot *slot = g_object_new (SAM_TYPE_ABSENT_SLOT, NULL);

  slot->kind = kind;
  g_set_object (&slot->team, team);
  g_list_store_append (store, slot);
  g_object_unref (slot);
  return G_LIST_MODEL (store);
}

struct _SamAbsentPage
{
  SamExercisePage parent_instance;

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkListView *list_view;

  GListModel *teams;
  GListModel *plans;
  GListStore *sections;   /* the introduction, then a model per team */
};

G_DEFINE_FINAL_TYPE (SamAbsentPage, sam_absent_page, SAM_TYPE_EXERCISE_PAGE)

static const struct {
  const char *property;
  const char *title;
} fields[] = {
  [SAM_ABSENT_FIELD_ABSENT] = { "absent", N_("Who was not there") },
  [SAM_ABSENT_FIELD_EXPERIENCE] = { "experience", N_("What they will experience or hear") },
  [SAM_ABSENT_FIELD_WHO] = { "who", N_("Who takes care of it") },
  [SAM_ABSENT_FIELD_DUE] = { "due", N_("By when") },
};

/* A plan's card, made once per recycled row: a boxed list of its fields. */
typedef struct
{
  GtkWidget *rows[G_N_ELEMENTS (fields)];
  GtkWidget *delete;
  SamAbsentPlan *plan;
} PlanView;

static void
plan_view_free (gpointer data)
{
  PlanView *view = data;

  g_clear_object (&view->plan);
  g_free (view);
}

static PlanView *
plan_view_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "plan-view");
}

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

  if (self == NULL || store == NULL || plan == NULL || sam_field_is_syncing (GTK_WIDGET (row)))
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
                   PlanView  *view)
{
  if (view->plan != NULL)
    gtk_widget_activate_action (GTK_WIDGET (button), "absent.delete", "x", sam_absent_plan_get_id (view->plan));
}

static GtkWidget *
plan_widget_new (void)
{
  GtkWidget *list = gtk_list_box_new ();
  PlanView *view = g_new0 (PlanView, 1);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "sam-absent-plan");
  g_object_set_data_full (G_OBJECT (list), "plan-view", view, plan_view_free);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row, *hint = NULL;

      /* The date the locale's way, with a calendar (see sam-date-row.c). */
      if (i == SAM_ABSENT_FIELD_DUE)
        {
          row = sam_date_row_new (NULL, fields[i].property, _(fields[i].title), "absent.set", 0, i, &hint);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          gtk_list_box_append (GTK_LIST_BOX (list), hint);
          view->rows[i] = row;
          continue;
        }

      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      g_signal_connect (row, "notify::text", G_CALLBACK (save_field), GUINT_TO_POINTER (i));
      if (i == SAM_ABSENT_FIELD_ABSENT)
        {
          view->delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
          gtk_widget_set_valign (view->delete, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (view->delete, _("Delete this plan"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (view->delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Delete this plan"), -1);
          gtk_widget_add_css_class (view->delete, "flat");
          g_signal_connect (view->delete, "clicked", G_CALLBACK (delete_clicked_cb), view);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), view->delete);
          gtk_widget_add_css_class (row, "sam-absent-who");
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      view->rows[i] = row;
    }

  return list;
}

static void
plan_widget_unbind (GtkWidget *list)
{
  PlanView *view = plan_view_of (list);

  if (view->plan == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (i != SAM_ABSENT_FIELD_DUE)
      {
        g_signal_handlers_disconnect_by_func (view->plan, plan_changed, view->rows[i]);
        g_object_set_data (G_OBJECT (view->rows[i]), "plan", NULL);
      }
  sam_date_row_bind (view->rows[SAM_ABSENT_FIELD_DUE], NULL, 0);
  g_clear_object (&view->plan);
}

static void
plan_widget_bind (GtkWidget     *list,
                  SamAbsentPlan *plan)
{
  PlanView *view = plan_view_of (list);

  plan_widget_unbind (list);
  view->plan = g_object_ref (plan);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *signal = NULL;

      if (i == SAM_ABSENT_FIELD_DUE)
        {
          sam_date_row_bind (view->rows[i], G_OBJECT (plan), sam_absent_plan_get_id (plan));
          continue;
        }

      /* The plan first, so that showing its text saves nothing. */
      g_object_set_data (G_OBJECT (view->rows[i]), "plan", plan);
      g_object_get (plan, fields[i].property, &text, NULL);
      sam_field_reset (view->rows[i], text);
      gtk_widget_remove_css_class (view->rows[i], "error");
      signal = g_strconcat ("notify::", fields[i].property, NULL);
      g_signal_connect_object (plan, signal, G_CALLBACK (plan_changed), view->rows[i], G_CONNECT_SWAPPED);
    }
}

static void
add_activated_cb (AdwEntryRow *row,
                  gpointer     user_data)
{
  SamTeam *team = g_object_get_data (G_OBJECT (row), "team");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (team == NULL || sam_decide_is_blank (text))
    return;

  if (gtk_widget_activate_action (GTK_WIDGET (row), "absent.add", "(xs)", sam_team_get_id (team), text))
    gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static GtkWidget *
add_widget_new (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *add = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Who else was not there?"));
  g_signal_connect (add, "entry-activated", G_CALLBACK (add_activated_cb), NULL);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "sam-absent-add");
  gtk_list_box_append (GTK_LIST_BOX (list), add);
  g_object_set_data (G_OBJECT (list), "entry", add);
  return list;
}

static void
add_widget_bind (GtkWidget *list,
                 SamTeam   *team)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (list), "entry");

  /* What was typed for one team is not offered to the next. */
  if (g_object_get_data (G_OBJECT (entry), "team") != team)
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_object_set_data_full (G_OBJECT (entry), "team", team ? g_object_ref (team) : NULL, g_object_unref);
}

/* A team's name with its colour, following renames. */
static GtkWidget *
team_widget_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_widget_add_css_class (swatch, "team-swatch");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "title-2");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), name);
  gtk_widget_add_css_class (box, "sam-absent-team");
  return box;
}

static void
team_widget_bind (GtkWidget *box,
                  SamTeam   *team)
{
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_last_child (box);
  GBinding *binding = g_object_get_data (G_OBJECT (box), "binding");
  const char *colour = g_object_get_data (G_OBJECT (box), "colour");

  if (binding != NULL)
    g_binding_unbind (binding);
  if (colour != NULL)
    gtk_widget_remove_css_class (swatch, colour);
  g_object_set_data (G_OBJECT (box), "binding", NULL);
  g_object_set_data (G_OBJECT (box), "colour", NULL);
  if (team == NULL)
    return;

  binding = g_object_bind_property (team, "name", name, "label", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (box), "binding", binding);
  g_object_set_data_full (G_OBJECT (box), "colour", sam_decide_team_colour_class (team), g_free);
  gtk_widget_add_css_class (swatch, g_object_get_data (G_OBJECT (box), "colour"));
}

static GtkWidget *
intro_widget_new (void)
{
  GtkWidget *label = gtk_label_new (_("Who was not here today? Plan how they will experience or hear what "
                                      "happened, who takes care of it and by when."));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "sam-decide-intro");
  return label;
}

/* Which kind of item @item is, as a row's widget is made for it. */
static SlotKind
kind_of (GObject *item)
{
  if (SAM_IS_ABSENT_PLAN (item))
    return SLOT_PLAN;
  return SAM_ABSENT_SLOT (item)->kind;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *bin = adw_bin_new ();

  gtk_widget_add_css_class (bin, "sam-absent-item");
  gtk_list_item_set_child (item, bin);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *bin = gtk_list_item_get_child (item);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (bin));

  if (child == NULL)
    return;
  if (plan_view_of (child) != NULL)
    plan_widget_unbind (child);
  else if (gtk_widget_has_css_class (child, "sam-absent-team"))
    team_widget_bind (child, NULL);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  GtkWidget *bin = gtk_list_item_get_child (item);
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (bin));
  SlotKind kind = kind_of (object);

  /* A row keeps its widget while it shows the same kind of item. */
  if (child == NULL || GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "kind")) != kind + 1)
    {
      if (kind == SLOT_PLAN)
        child = plan_widget_new ();
      else if (kind == SLOT_TEAM)
        child = team_widget_new ();
      else if (kind == SLOT_ADD)
        child = add_widget_new ();
      else
        child = intro_widget_new ();
      g_object_set_data (G_OBJECT (child), "kind", GUINT_TO_POINTER (kind + 1));
      adw_bin_set_child (ADW_BIN (bin), child);
    }

  /* The fields in the row take the focus, not the row around them. */
  sam_compat_list_item_set_unfocusable (item);
  gtk_widget_set_visible (bin, TRUE);
  gtk_widget_remove_css_class (bin, "sam-absent-first-team");
  if (kind == SLOT_PLAN)
    plan_widget_bind (child, SAM_ABSENT_PLAN (object));
  else if (kind == SLOT_TEAM)
    {
      team_widget_bind (child, SAM_ABSENT_SLOT (object)->team);
      /* Room between one team's field and the next team's name. */
      if (gtk_list_item_get_position (item) == 1)
        gtk_widget_add_css_class (bin, "sam-absent-first-team");
    }
  else if (kind == SLOT_ADD)
    add_widget_bind (child, SAM_ABSENT_SLOT (object)->team);
}

static gboolean
plan_of_team (gpointer item,
              gpointer user_data)
{
  return sam_absent_plan_get_team_id (item) == *(gint64 *) user_data;
}

/* A team's rows: its name, its plans (filtered from the step's), the
 * field for its next plan. */
static GListModel *
team_section_new (SamAbsentPage *self,
                  SamTeam       *team)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  gint64 *team_id = g_new (gint64, 1);
  g_autoptr(GListModel) name = slot_list_new (SLOT_TEAM, team);
  g_autoptr(GListModel) add = slot_list_new (SLOT_ADD, team);
  g_autoptr(GtkFilterListModel) plans = NULL;

  *team_id = sam_team_get_id (team);
  plans = gtk_filter_list_model_new (g_object_ref (self->plans),
                                     GTK_FILTER (gtk_custom_filter_new (plan_of_team, team_id, g_free)));
  g_list_store_append (parts, name);
  g_list_store_append (parts, plans);
  g_list_store_append (parts, add);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/* The sections follow the teams: only the teams that came or went. */
static void
teams_changed_cb (GListModel    *teams,
                  guint          position,
                  guint          removed,
                  guint          added,
                  SamAbsentPage *self)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, position + i);

      g_ptr_array_add (sections, team_section_new (self, team));
    }
  /* The introduction is the first section. */
  g_list_store_splice (self->sections, position + 1, removed, sections->pdata, sections->len);
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (teams) > 0 ? "teams" : "no-teams");
}

/* @live is FALSE while the page is disposed. */
static void
rebind (SamAbsentPage *self,
        gboolean      live)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  guint n_sections = g_list_model_get_n_items (G_LIST_MODEL (self->sections));

  if (self->teams != NULL)
    g_signal_handlers_disconnect_by_func (self->teams, teams_changed_cb, self);
  g_clear_object (&self->teams);
  g_list_store_splice (self->sections, 1, n_sections - 1, NULL, 0);
  g_clear_object (&self->plans);

  if (live && store != NULL && workshop != NULL && step != NULL)
    {
      self->teams = g_object_ref (sam_store_get_teams (store, workshop));
      self->plans = g_object_ref (sam_store_get_absent_plans (store, step));
      g_signal_connect (self->teams, "items-changed", G_CALLBACK (teams_changed_cb), self);
      teams_changed_cb (self->teams, 0, 0, g_list_model_get_n_items (self->teams), self);
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "no-teams");
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
  g_autofree char *iso = NULL;
  const char *text;
  gint64 id;
  guint32 field;
  SamAbsentPlan *plan;

  g_variant_get (param, "(xu&s)", &id, &field, &text);
  plan = find_plan (self, id);
  if (plan == NULL || field > SAM_ABSENT_FIELD_DUE)
    return;

  /* The date comes the locale's way or as YYYY-MM-DD; the store keeps the latter. */
  if (field == SAM_ABSENT_FIELD_DUE)
    {
      iso = sam_date_parse (text, &error);
      if (iso == NULL)
        {
          sam_decide_show_error (widget, error);
          return;
        }
      text = iso;
    }

  if (!sam_store_set_absent_plan_text (store, plan, field, text, &error))
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
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_ABSENT_PAGE);
  self->list_view = NULL;
  g_clear_object (&self->sections);

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
  gtk_widget_class_bind_template_child (widget_class, SamAbsentPage, scroller);

  gtk_widget_class_install_action (widget_class, "absent.add", "(xs)", add_action);
  /* (plan id, SamAbsentField, text) */
  gtk_widget_class_install_action (widget_class, "absent.set", "(xus)", set_action);
  gtk_widget_class_install_action (widget_class, "absent.delete", "x", delete_action);

}

static void
sam_absent_page_init (SamAbsentPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GListModel) intro = slot_list_new (SLOT_INTRO, NULL);
  GtkFlattenListModel *flat;
  GtkSliceListModel *slice;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-decide-page");

  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->sections, intro);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->sections)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  /* The rows of the first screen, more as the list is scrolled
   * (sam-list-slice.c): GTK 4.8 made the rows of every team's plans. */
  slice = sam_list_slice_new (G_LIST_MODEL (flat), self->scroller, SAM_LIST_SLICE_FIRST, SAM_LIST_SLICE_STEP);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (slice))),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "sam-absent-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "sam-page-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Plans for the absent colleagues"), -1);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->list_view));
  gtk_stack_set_visible_child_name (self->stack, "no-teams");
}
