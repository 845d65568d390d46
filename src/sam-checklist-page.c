/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sam-catalog.h"
#include "sam-checklist-page.h"
#include "sam-checklist-chart-view.h"
#include "sam-decide-common.h"
#include "sam-store-checklist.h"

/* A team or leadership checklist: every statement scored 1–5 or "don't
 * know", by a team together or by its people one after another on the
 * team's laptop (each new person starts with an empty list, so nobody sees
 * what the one before answered).  The radar shows the teams per theme;
 * each statement shows how its answers spread.  Every answer is saved at
 * once. */
struct _SamChecklistPage
{
  SamExercisePage parent_instance;

  GtkStack *stack;
  GtkButton *team_button;
  GtkButton *leadership_button;
  GtkButton *earlier_button;
  GtkDropDown *team_drop;
  GtkLabel *person_label;
  GtkButton *next_button;
  GtkListView *items_view;
  SamChecklistChartView *chart;
  GtkCheckButton *compare_check;
  GtkLabel *moves_label;
  GtkEntry *theme_entry;
  GtkEntry *text_entry;

  GListModel *items;
  GListModel *teams;
  GPtrArray *rows;                /* the bound rows' boxes */
  GHashTable *answers;            /* of the current team and person */
  SamChecklistResults *results;
  SamChecklistResults *before;    /* the same list in the earlier workshop */
  gint64 earlier_step;
  gboolean anonymous;
  gboolean compare;
  guint person;
};

G_DEFINE_FINAL_TYPE (SamChecklistPage, sam_checklist_page, SAM_TYPE_EXERCISE_PAGE)

enum {
  PROP_0,
  PROP_ANONYMOUS,
  PROP_COMPARE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define N_CHOICES 6

/* What one row holds; kept on its box. */
typedef struct
{
  SamChecklistPage *page;
  SamChecklistItem *item;
  GtkListItem *list_item;
  GtkWidget *theme;
  GtkWidget *text;
  GtkWidget *choices[N_CHOICES];  /* [0] "?", [1]–[5] */
  GtkWidget *spread;
  gboolean syncing;
} Row;

static SamStore *
page_store (SamChecklistPage *self)
{
  return sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
}

static SamStep *
page_step (SamChecklistPage *self)
{
  return sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
}

/**
 * sam_checklist_page_get_team:
 * @self: a checklist page
 *
 * Returns: (transfer none) (nullable): the team that answers now
 */
SamTeam *
sam_checklist_page_get_team (SamChecklistPage *self)
{
  g_return_val_if_fail (SAM_IS_CHECKLIST_PAGE (self), NULL);
  return gtk_drop_down_get_selected_item (self->team_drop);
}

/**
 * sam_checklist_page_get_person:
 * @self: a checklist page
 *
 * Returns: 0 while a team answers together, otherwise the number of the
 *   person who answers now
 */
guint
sam_checklist_page_get_person (SamChecklistPage *self)
{
  g_return_val_if_fail (SAM_IS_CHECKLIST_PAGE (self), 0);
  return self->person;
}

static const SamChecklistItemResult *
result_of (SamChecklistPage *self,
           SamChecklistItem *item)
{
  for (guint i = 0; self->results != NULL && i < self->results->items->len; i++)
    {
      const SamChecklistItemResult *result = self->results->items->pdata[i];

      if (result->id == sam_checklist_item_get_id (item))
        return result;
    }

  return NULL;
}

static void
draw_spread (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  Row *row = user_data;
  const SamChecklistItemResult *result;
  static const guint none[6] = { 0 };

  if (row->item == NULL)
    return;

  result = result_of (row->page, row->item);
  sam_checklist_chart_draw_spread (cr, width, height, result ? result->counts : none,
                                   adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

/* A theme's name heads its first statement only. */
static void
update_header (Row *row)
{
  guint position = gtk_list_item_get_position (row->list_item);
  g_autoptr(SamChecklistItem) previous = NULL;

  if (position > 0 && position != GTK_INVALID_LIST_POSITION && row->page->items != NULL)
    previous = g_list_model_get_item (row->page->items, position - 1);

  gtk_widget_set_visible (row->theme, previous == NULL ||
                          g_strcmp0 (sam_checklist_item_get_theme (previous), sam_checklist_item_get_theme (row->item)) != 0);
}

static void
sync_row (Row *row)
{
  SamChecklistPage *self = row->page;
  gint64 id;
  int answer;

  if (row->item == NULL)
    return;

  update_header (row);
  id = sam_checklist_item_get_id (row->item);
  answer = GPOINTER_TO_INT (self->answers ? g_hash_table_lookup (self->answers, &id) : NULL) - 1;
  row->syncing = TRUE;
  for (guint i = 0; i < N_CHOICES; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->choices[i]), (int) i == answer);
  row->syncing = FALSE;
  gtk_widget_queue_draw (row->spread);
}

static void
sync_rows (SamChecklistPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    sync_row (g_object_get_data (self->rows->pdata[i], "row"));
}

static char *
describe_moves (SamChecklistPage *self)
{
  g_autoptr(GArray) moves = sam_checklist_results_moves (self->results, self->before, 3);
  g_autoptr(GString) text = g_string_new (_("Moved most since the earlier workshop:"));

  if (moves->len == 0)
    return g_strdup (_("No statement moved since the earlier workshop."));

  for (guint i = 0; i < moves->len; i++)
    {
      SamChecklistMove *move = &g_array_index (moves, SamChecklistMove, i);

      g_string_append_c (text, '\n');
      /* Translators: a statement and how its mean score moved, e.g.
       * "“We know who decides.” 2.5 → 3.8" */
      g_string_append_printf (text, _("“%s” %.1f → %.1f"), move->text, move->before, move->after);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_results (SamChecklistPage *self)
{
  SamStore *store = page_store (self);
  SamStep *step = page_step (self);
  gboolean comparing;

  g_clear_pointer (&self->results, sam_checklist_results_free);
  if (store != NULL && step != NULL)
    self->results = sam_store_get_checklist_results (store, sam_step_get_id (step), NULL);

  comparing = self->compare && self->before != NULL && self->results != NULL;
  if (self->results != NULL && (comparing || self->results->teams->len > 0))
    sam_checklist_chart_view_set_radar (self->chart,
                                        sam_checklist_radar_new (self->results, comparing ? self->before : NULL,
                                                                 _("This workshop"), _("The earlier workshop")));
  else
    sam_checklist_chart_view_set_radar (self->chart, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), sam_checklist_chart_view_has_radar (self->chart));

  gtk_widget_set_visible (GTK_WIDGET (self->moves_label), comparing);
  if (comparing)
    {
      g_autofree char *moves = describe_moves (self);
      gtk_label_set_text (self->moves_label, moves);
    }

  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_queue_draw (((Row *) g_object_get_data (self->rows->pdata[i], "row"))->spread);
}

static void
load_answers (SamChecklistPage *self)
{
  SamStore *store = page_store (self);
  SamStep *step = page_step (self);
  SamTeam *team = gtk_drop_down_get_selected_item (self->team_drop);
  g_autofree char *person = NULL;

  g_clear_pointer (&self->answers, g_hash_table_unref);
  if (store != NULL && step != NULL && team != NULL)
    self->answers = sam_store_get_checklist_answers (store, step, sam_team_get_id (team), self->person);

  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->person_label)), self->anonymous);
  /* Translators: who answers on a passed laptop: "Sales: person 3" */
  person = g_strdup_printf (_("%s: person %u"), team ? sam_team_get_name (team) : "", self->person);
  gtk_label_set_text (self->person_label, person);
  sync_rows (self);
}

/* A fresh person on @team's laptop: the first number nobody used. */
static void
start_person (SamChecklistPage *self)
{
  SamStore *store = page_store (self);
  SamStep *step = page_step (self);
  SamTeam *team = gtk_drop_down_get_selected_item (self->team_drop);

  self->person = self->anonymous && store && step && team ? sam_store_next_checklist_person (store, step, team) : 0;
  load_answers (self);
}

static void
choice_toggled_cb (GtkToggleButton *button,
                   Row             *row)
{
  int score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "score"));

  if (row->syncing || row->item == NULL || !gtk_toggle_button_get_active (button))
    return;

  gtk_widget_activate_action (GTK_WIDGET (button), "checklist.score", "(xi)",
                              sam_checklist_item_get_id (row->item), score);
}

static void
text_editing_cb (GtkEditableLabel *label,
                 GParamSpec       *pspec,
                 Row              *row)
{
  const char *property = g_object_get_data (G_OBJECT (label), "property");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (label));
  g_autofree char *stored = NULL;

  if (gtk_editable_label_get_editing (label) || row->item == NULL)
    return;

  g_object_get (row->item, property, &stored, NULL);
  if (g_strcmp0 (stored, text) == 0)
    return;

  if (sam_decide_is_blank (text))
    gtk_editable_set_text (GTK_EDITABLE (label), stored);
  else
    gtk_widget_activate_action (GTK_WIDGET (label), "checklist.edit", "(xss)",
                                sam_checklist_item_get_id (row->item), property, text);
}

static void
delete_clicked_cb (GtkButton *button,
                   Row       *row)
{
  if (row->item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (button), "checklist.delete", "x", sam_checklist_item_get_id (row->item));
}

/* GtkEditableLabel shows its text in a label that never wraps, whose
 * width would be the whole statement's: let it wrap, so a long statement
 * fits a beamer's width.  Newer GTK puts a context-menu popover (with
 * labels of its own) before that label: popovers are skipped. */
static gboolean
wrap_inner_label (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (wrap_inner_label (child))
      return TRUE;

  return FALSE;
}

static GtkWidget *
editable_new (Row        *row,
              const char *property,
              const char *css_class,
              const char *name)
{
  GtkWidget *label = gtk_editable_label_new ("");

  g_object_set_data (G_OBJECT (label), "property", (gpointer) property);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_hexpand (label, TRUE);
  wrap_inner_label (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (label, "notify::editing", G_CALLBACK (text_editing_cb), row);
  return label;
}

static GtkWidget *
choices_new (Row *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (guint i = 1; i <= N_CHOICES; i++)
    {
      guint score = i % N_CHOICES;   /* 1–5, then "?" */
      char label[2] = { score == 0 ? '?' : '0' + score, 0 };
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "score", GINT_TO_POINTER (score));
      gtk_widget_set_tooltip_text (button, score == 0 ? _("Don’t know") : NULL);
      if (score == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Don’t know"), -1);
      gtk_widget_add_css_class (button, "sam-checklist-score");
      if (i > 1)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (row->choices[1]));
      g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), row);
      row->choices[score] = button;
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

/* With the focus in a row, 1–5 score its statement and ? or 0 is "don't
 * know", as fast as a room calls out its answers.  A statement being
 * edited takes its keys first. */
static gboolean
row_key_pressed_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    Row                   *row)
{
  int score = -1;

  if (row->item == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_5)
    score = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_5)
    score = keyval - GDK_KEY_KP_0;
  else if (keyval == GDK_KEY_question || keyval == GDK_KEY_0 || keyval == GDK_KEY_KP_0)
    score = SAM_CHECKLIST_DONT_KNOW;

  if (score < 0)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action (row->spread, "checklist.score", "(xi)", sam_checklist_item_get_id (row->item), score);
  return GDK_EVENT_STOP;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SamChecklistPage         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  Row *row = g_new0 (Row, 1);
  GtkEventController *keys;

  row->page = self;
  row->theme = editable_new (row, "theme", "sam-checklist-theme", _("Theme"));
  row->text = editable_new (row, "text", "sam-checklist-text", _("Statement"));
  row->spread = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (row->spread), draw_spread, row, NULL);
  gtk_widget_set_size_request (row->spread, 120, 26);
  gtk_widget_set_hexpand (row->spread, TRUE);
  gtk_widget_set_valign (row->spread, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->spread, _("How the answers spread: 1 to 5, and “?” for don’t know"));

  gtk_widget_set_tooltip_text (delete, _("Delete this statement"));
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_valign (delete, GTK_ALIGN_START);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), row);

  gtk_box_append (GTK_BOX (top), row->text);
  gtk_box_append (GTK_BOX (top), delete);
  gtk_box_append (GTK_BOX (bottom), choices_new (row));
  gtk_box_append (GTK_BOX (bottom), row->spread);
  gtk_box_append (GTK_BOX (box), row->theme);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_widget_add_css_class (box, "sam-checklist-row");
  g_object_set_data_full (G_OBJECT (box), "row", row, g_free);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (row_key_pressed_cb), row);
  gtk_widget_add_controller (box, keys);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
show_item_text (Row *row)
{
  if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (row->text)))
    gtk_editable_set_text (GTK_EDITABLE (row->text), sam_checklist_item_get_text (row->item));
  if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (row->theme)))
    gtk_editable_set_text (GTK_EDITABLE (row->theme), sam_checklist_item_get_theme (row->item));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SamChecklistPage         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  Row *row = g_object_get_data (G_OBJECT (box), "row");

  row->item = gtk_list_item_get_item (list_item);
  row->list_item = list_item;
  show_item_text (row);
  g_signal_connect_swapped (row->item, "notify::text", G_CALLBACK (show_item_text), row);
  g_signal_connect_swapped (row->item, "notify::theme", G_CALLBACK (show_item_text), row);
  g_ptr_array_add (self->rows, box);
  sync_row (row);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            SamChecklistPage         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  Row *row = g_object_get_data (G_OBJECT (box), "row");

  if (row->item != NULL)
    g_signal_handlers_disconnect_by_data (row->item, row);
  row->item = NULL;
  g_ptr_array_remove (self->rows, box);
}

static void
update_stack (SamChecklistPage *self)
{
  gboolean filled = self->items != NULL && g_list_model_get_n_items (self->items) > 0;
  SamStep *step = page_step (self);
  g_autofree char *name = step ? sam_store_dup_checklist_name (step) : NULL;

  /* An own list without statements yet shows its (empty) list and the
   * field to add the first. */
  gtk_stack_set_visible_child_name (self->stack, filled || name != NULL ? "list" : "choose");
  gtk_widget_set_visible (GTK_WIDGET (self->earlier_button),
                          step != NULL && sam_store_find_earlier_checklist (page_store (self), step, FALSE) != 0);
}

static void
items_changed_cb (SamChecklistPage *self)
{
  update_stack (self);
  update_results (self);
  sync_rows (self);
}

static void
load_earlier (SamChecklistPage *self)
{
  SamStore *store = page_store (self);
  SamStep *step = page_step (self);

  g_clear_pointer (&self->before, sam_checklist_results_free);
  self->earlier_step = store && step ? sam_store_find_earlier_checklist (store, step, TRUE) : 0;
  if (self->earlier_step != 0)
    self->before = sam_store_get_checklist_results (store, self->earlier_step, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_check), self->before != NULL && self->before->n_answers > 0);
}

/* @live is FALSE while the page is disposed. */
static void
rebind (SamChecklistPage *self,
        gboolean          live)
{
  SamStore *store = page_store (self);
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  SamStep *step = page_step (self);
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, items_changed_cb, self);
  g_clear_object (&self->items);
  g_clear_object (&self->teams);

  if (live && store != NULL && workshop != NULL && step != NULL)
    {
      self->items = g_object_ref (sam_store_get_checklist_items (store, step));
      self->teams = g_object_ref (sam_store_get_teams (store, workshop));
      g_signal_connect_swapped (self->items, "items-changed", G_CALLBACK (items_changed_cb), self);
      selection = gtk_no_selection_new (g_object_ref (self->items));
    }

  gtk_list_view_set_model (self->items_view, GTK_SELECTION_MODEL (selection));
  gtk_drop_down_set_model (self->team_drop, self->teams);
  /* Another step (or workshop) is compared afresh. */
  if (self->compare)
    {
      self->compare = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
    }
  if (live)
    {
      load_earlier (self);
      update_stack (self);
      start_person (self);
      update_results (self);
    }
}

static SamChecklistItem *
find_item (SamChecklistPage *self,
           gint64            id)
{
  for (guint i = 0; self->items != NULL && i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr(SamChecklistItem) item = g_list_model_get_item (self->items, i);

      if (sam_checklist_item_get_id (item) == id)
        return item;
    }

  return NULL;
}


static const char *
workshop_translate (const char *msgid,
                    gpointer    user_data)
{
  return sam_catalog_gettext (user_data, msgid);
}

static void
fill_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamChecklistPage *self = SAM_CHECKLIST_PAGE (widget);
  SamStore *store = page_store (self);
  SamStep *step = page_step (self);
  const char *which = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (store == NULL || step == NULL)
    return;

  if (g_str_equal (which, "earlier"))
    {
      gint64 earlier = sam_store_find_earlier_checklist (store, step, FALSE);

      ok = earlier != 0 && sam_store_copy_checklist (store, step, earlier, &error);
    }
  else
    {
      SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
      const char *language = workshop != NULL ? sam_workshop_get_language (workshop) : "";
      g_autoptr(SamCatalog) catalog = NULL;

      /* A built-in list in the workshop's language, which the template it
       * was made from set; without one (or without that translation
       * here), the app's. */
      if (*language != '\0')
        catalog = sam_catalog_new (language, NULL);
      ok = sam_store_fill_checklist_translated (store, step, g_str_equal (which, "own") ? NULL : which,
                                                catalog != NULL ? workshop_translate : NULL, catalog,
                                                &error);
    }

  if (!ok && error != NULL)
    sam_decide_show_error (widget, error);

  load_earlier (self);
  update_stack (self);
  if (ok && g_str_equal (which, "own"))
    gtk_widget_grab_focus (GTK_WIDGET (self->theme_entry));
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SamChecklistPage *self = SAM_CHECKLIST_PAGE (widget);
  SamTeam *team = gtk_drop_down_get_selected_item (self->team_drop);
  g_autoptr(GError) error = NULL;
  SamChecklistItem *item;
  gint64 id;
  int score;

  g_variant_get (param, "(xi)", &id, &score);
  item = find_item (self, id);
  if (item == NULL || team == NULL)
    {
      if (team == NULL)
        sam_decide_show_toast (widget, _("Add the teams first: every answer belongs to a team"));
      load_answers (self);
      return;
    }

  if (!sam_store_set_checklist_score (page_store (self), item, team, self->person, score, &error))
    sam_decide_show_error (widget, error);

  load_answers (self);
  update_results (self);
}

static void
next_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SamChecklistPage *self = SAM_CHECKLIST_PAGE (widget);

  /* Someone who answered nothing keeps the number. */
  if (self->answers != NULL && g_hash_table_size (self->answers) == 0)
    return;

  start_person (self);
  sam_decide_show_toast (widget, _("The answers are saved and hidden: the next person can start"));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  SamChecklistPage *self = SAM_CHECKLIST_PAGE (widget);
  SamStore *store = page_store (self);
  SamStep *step = page_step (self);
  g_autoptr(GError) error = NULL;
  const char *theme, *text;

  g_variant_get (param, "(&s&s)", &theme, &text);
  if (store == NULL || step == NULL || sam_decide_is_blank (text))
    return;

  /* A statement without a theme joins the last statement's theme. */
  if (sam_decide_is_blank (theme))
    {
      guint n = g_list_model_get_n_items (self->items);
      g_autoptr(SamChecklistItem) last = n > 0 ? g_list_model_get_item (self->items, n - 1) : NULL;

      theme = last ? sam_checklist_item_get_theme (last) : _("General");
    }

  if (sam_store_add_checklist_item (store, step, theme, text, &error) == NULL)
    sam_decide_show_error (widget, error);
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->text_entry), "");
      update_stack (self);
    }
}

static void
add_activated_cb (SamChecklistPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "checklist.add", "(ss)",
                              gtk_editable_get_text (GTK_EDITABLE (self->theme_entry)),
                              gtk_editable_get_text (GTK_EDITABLE (self->text_entry)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamChecklistPage *self = SAM_CHECKLIST_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *property, *text;
  SamChecklistItem *item;
  gboolean ok;
  gint64 id;

  g_variant_get (param, "(x&s&s)", &id, &property, &text);
  item = find_item (self, id);
  if (item == NULL)
    return;

  /* The name heading a theme is the theme's: it renames all of it. */
  if (g_str_equal (property, "theme"))
    ok = sam_store_rename_checklist_theme (page_store (self), page_step (self),
                                           sam_checklist_item_get_theme (item), text, &error);
  else
    ok = sam_store_set_checklist_item_text (page_store (self), item, text, &error);

  if (!ok)
    {
      sam_decide_show_error (widget, error);
      g_object_notify (G_OBJECT (item), property);
    }
  update_results (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamChecklistPage *self = SAM_CHECKLIST_PAGE (widget);
  SamChecklistItem *item = find_item (self, g_variant_get_int64 (param));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 batch;

  if (item == NULL)
    return;

  /* Translators: %s is a statement of a checklist */
  message = g_strdup_printf (_("Statement “%s” deleted"), sam_checklist_item_get_text (item));
  if (!sam_store_trash_checklist_item (page_store (self), item, &batch, &error))
    sam_decide_show_error (widget, error);
  else
    sam_decide_show_undo (widget, message, batch);
}

static void
team_selected_cb (SamChecklistPage *self)
{
  start_person (self);
}

static void
restored_cb (SamChecklistPage *self)
{
  load_answers (self);
  update_results (self);
}

static void
set_anonymous (SamChecklistPage *self,
               gboolean          anonymous)
{
  if (self->anonymous == !!anonymous)
    return;

  self->anonymous = !!anonymous;
  start_person (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMOUS]);
}

static void
set_compare (SamChecklistPage *self,
             gboolean          compare)
{
  compare = compare && self->before != NULL;
  if (self->compare == compare)
    return;

  self->compare = compare;
  update_results (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
}

static void
sam_checklist_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SamChecklistPage *self = SAM_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANONYMOUS:
      g_value_set_boolean (value, self->anonymous);
      break;
    case PROP_COMPARE:
      g_value_set_boolean (value, self->compare);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_checklist_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SamChecklistPage *self = SAM_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANONYMOUS:
      set_anonymous (self, g_value_get_boolean (value));
      break;
    case PROP_COMPARE:
      set_compare (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_checklist_page_context_changed (SamExercisePage *page,
                                    SamStore        *old_store,
                                    SamWorkshop     *old_workshop,
                                    SamStep         *old_step)
{
  SamChecklistPage *self = SAM_CHECKLIST_PAGE (page);
  SamStore *store = page_store (self);

  if (old_store != NULL)
    g_signal_handlers_disconnect_by_func (old_store, restored_cb, self);
  if (store != NULL && store != old_store)
    g_signal_connect_object (store, "restored", G_CALLBACK (restored_cb), self, G_CONNECT_SWAPPED);

  rebind (self, TRUE);
}

static void
sam_checklist_page_dispose (GObject *object)
{
  SamChecklistPage *self = (SamChecklistPage *)object;

  rebind (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_CHECKLIST_PAGE);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->results, sam_checklist_results_free);
  g_clear_pointer (&self->before, sam_checklist_results_free);

  G_OBJECT_CLASS (sam_checklist_page_parent_class)->dispose (object);
}

static void
sam_checklist_page_finalize (GObject *object)
{
  SamChecklistPage *self = (SamChecklistPage *)object;

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (sam_checklist_page_parent_class)->finalize (object);
}

static void
sam_checklist_page_class_init (SamChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_checklist_page_dispose;
  object_class->finalize = sam_checklist_page_finalize;
  object_class->get_property = sam_checklist_page_get_property;
  object_class->set_property = sam_checklist_page_set_property;
  page_class->context_changed = sam_checklist_page_context_changed;

  /* The people of a team answer one after another on its laptop. */
  properties[PROP_ANONYMOUS] =
    g_param_spec_boolean ("anonymous", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The radar shows this workshop against the one it follows. */
  properties[PROP_COMPARE] =
    g_param_spec_boolean ("compare", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, team_button);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, leadership_button);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, earlier_button);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, team_drop);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, person_label);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, items_view);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, chart);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, compare_check);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, moves_label);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, theme_entry);
  gtk_widget_class_bind_template_child (widget_class, SamChecklistPage, text_entry);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);

  /* "team", "leadership", "earlier" (the list of the workshop this one
   * follows) or "own" */
  gtk_widget_class_install_action (widget_class, "checklist.fill", "s", fill_action);
  /* (statement id, score 1–5, 0 don't know, -1 no answer) */
  gtk_widget_class_install_action (widget_class, "checklist.score", "(xi)", score_action);
  gtk_widget_class_install_property_action (widget_class, "checklist.anonymous", "anonymous");
  gtk_widget_class_install_action (widget_class, "checklist.next-person", NULL, next_person_action);
  gtk_widget_class_install_property_action (widget_class, "checklist.compare", "compare");
  /* (theme, statement) */
  gtk_widget_class_install_action (widget_class, "checklist.add", "(ss)", add_action);
  /* (statement id, "text" or "theme", new words) */
  gtk_widget_class_install_action (widget_class, "checklist.edit", "(xss)", edit_action);
  gtk_widget_class_install_action (widget_class, "checklist.delete", "x", delete_action);

  g_type_ensure (SAM_TYPE_CHECKLIST_CHART_VIEW);
}

static void
sam_checklist_page_init (SamChecklistPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) name = gtk_property_expression_new (SAM_TYPE_TEAM, NULL, "name");
  guint n_builtins;
  const SamChecklistBuiltin *builtins = sam_checklist_get_builtins (&n_builtins);

  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-decide-page");

  gtk_button_set_label (self->team_button, _(builtins[0].title));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->team_button), _(builtins[0].description));
  gtk_button_set_label (self->leadership_button, _(builtins[1].title));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->leadership_button), _(builtins[1].description));

  gtk_drop_down_set_expression (self->team_drop, name);
  g_signal_connect_swapped (self->team_drop, "notify::selected-item", G_CALLBACK (team_selected_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->items_view, factory);
  g_object_unref (factory);
  update_stack (self);
}
