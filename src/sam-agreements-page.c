/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-agreement-rows.h"
#include "sam-agreements-page.h"
#include "sam-compat.h"
#include "sam-date.h"
#include "sam-decide-common.h"
#include "sam-list-slice.h"

/* "Afspraak is afspraak": concrete agreements with what, which teams, who,
 * by when and how the group will verify it was kept.  In a follow-up
 * workshop the earlier agreements come first, to be reviewed.  A draft (no
 * owner or no date) and a date that has passed are flagged, never refused.
 *
 * The page is one list view: its introduction and the review first, then
 * a row per agreement, then the field for a new one.  An agreement's row
 * is made when it comes into view, its fields (and a toggle per team)
 * when it is opened. */
struct _SamAgreementsPage
{
  SamExercisePage parent_instance;

  AdwPreferencesGroup *review_group;
  GtkListBox *review_list;
  GtkWidget *page_box;
  GtkWidget *top_box;
  GtkWidget *bottom_box;
  GtkWidget *empty_label;
  AdwEntryRow *add_row;
  GtkListView *list_view;
  GtkScrolledWindow *scroller;

  GObject *top_mark;
  GObject *bottom_mark;
  GListModel *agreements;
  GListModel *reviews;
  GListModel *ideas;
  GHashTable *expanded;   /* ids of the agreements open */
};

G_DEFINE_FINAL_TYPE (SamAgreementsPage, sam_agreements_page, SAM_TYPE_EXERCISE_PAGE)

static void
expanded_changed_cb (AdwExpanderRow    *row,
                     GParamSpec        *pspec,
                     SamAgreementsPage *self)
{
  SamAgreement *agreement = g_object_get_data (G_OBJECT (row), "agreement");
  gint64 id = sam_agreement_get_id (agreement);

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->expanded, &id);
}

/* An agreement's row, in a boxed list of its own; it opens again as the
 * coach left it. */
static GtkWidget *
agreement_row_new (SamAgreementsPage *self,
                   SamAgreement      *agreement)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = sam_agreement_row_new (agreement, sam_store_get_teams (store, workshop), self->ideas);
  gint64 id = sam_agreement_get_id (agreement);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "sam-agreement-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, &id));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_changed_cb), self, 0);
  g_object_set_data (G_OBJECT (list), "row", row);
  return list;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SamAgreementsPage        *self)
{
  GtkWidget *bin = adw_bin_new ();

  gtk_widget_add_css_class (bin, "sam-agreement-item");
  gtk_list_item_set_child (item, bin);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         SamAgreementsPage        *self)
{
  GtkWidget *bin = gtk_list_item_get_child (item);
  GObject *object = gtk_list_item_get_item (item);

  /* The fields in the row take the focus, not the row around them. */
  sam_compat_list_item_set_unfocusable (item);
  if (object == self->top_mark)
    adw_bin_set_child (ADW_BIN (bin), self->top_box);
  else if (object == self->bottom_mark)
    adw_bin_set_child (ADW_BIN (bin), self->bottom_box);
  else
    adw_bin_set_child (ADW_BIN (bin), agreement_row_new (self, SAM_AGREEMENT (object)));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SamAgreementsPage        *self)
{
  adw_bin_set_child (ADW_BIN (gtk_list_item_get_child (item)), NULL);
}

static GListModel *
list_of (GObject *object)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  g_list_store_append (store, object);
  return G_LIST_MODEL (store);
}

static void
update_empty (SamAgreementsPage *self)
{
  gtk_widget_set_visible (self->empty_label,
                          self->agreements != NULL && g_list_model_get_n_items (self->agreements) == 0);
}

/* The page's rows: its top, the agreements, the field for a new one. */
static void
set_agreements (SamAgreementsPage *self,
                GListModel        *agreements)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) top = list_of (self->top_mark);
  g_autoptr(GListModel) bottom = list_of (self->bottom_mark);
  GtkNoSelection *selection;

  if (self->agreements != NULL)
    g_signal_handlers_disconnect_by_func (self->agreements, update_empty, self);
  g_set_object (&self->agreements, agreements);
  if (agreements != NULL)
    g_signal_connect_swapped (agreements, "items-changed", G_CALLBACK (update_empty), self);
  g_list_store_append (parts, top);
  if (agreements != NULL)
    g_list_store_append (parts, agreements);
  g_list_store_append (parts, bottom);
  /* The rows of the first screen, more as the list is scrolled
   * (sam-list-slice.c): GTK 4.8 made all of 100 agreements' rows. */
  selection = gtk_no_selection_new (G_LIST_MODEL (sam_list_slice_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts))),
                                                                      self->scroller, SAM_LIST_SLICE_FIRST,
                                                                      SAM_LIST_SLICE_STEP)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  update_empty (self);
}

static GtkWidget *
create_review_row (gpointer item,
                   gpointer user_data)
{
  return sam_review_row_new (item);
}

static void
update_reviews (SamAgreementsPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->review_group),
                          self->reviews != NULL && g_list_model_get_n_items (self->reviews) > 0);
}

/* @live is FALSE while the page is disposed. */
static void
rebind (SamAgreementsPage *self,
        gboolean          live)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));

  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_func (self->reviews, update_reviews, self);
  g_clear_object (&self->reviews);
  g_clear_object (&self->ideas);

  if (live && store != NULL && workshop != NULL && step != NULL)
    {
      self->ideas = sam_store_list_workshop_ideas (store, workshop);
      self->reviews = g_object_ref (sam_store_get_agreement_reviews (store, step));
      g_signal_connect_swapped (self->reviews, "items-changed", G_CALLBACK (update_reviews), self);
      gtk_list_box_bind_model (self->review_list, self->reviews, create_review_row, self, NULL);
      set_agreements (self, sam_store_get_agreements (store, step));
    }
  else
    {
      gtk_list_box_bind_model (self->review_list, NULL, NULL, NULL, NULL);
      if (self->list_view != NULL)
        set_agreements (self, NULL);
    }

  update_reviews (self);
}

static void
add_activated_cb (SamAgreementsPage *self,
                  AdwEntryRow       *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "agreements.add", "s", text);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static SamAgreement *
find_agreement (SamAgreementsPage *self,
                gint64             id)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  GListModel *list;

  if (store == NULL || step == NULL)
    return NULL;

  list = sam_store_get_agreements (store, step);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SamAgreement) agreement = g_list_model_get_item (list, i);

      if (sam_agreement_get_id (agreement) == id)
        return agreement;
    }

  return NULL;
}

static SamAgreementReview *
find_review (SamAgreementsPage *self,
             gint64             id)
{
  for (guint i = 0; self->reviews != NULL && i < g_list_model_get_n_items (self->reviews); i++)
    {
      g_autoptr(SamAgreementReview) review = g_list_model_get_item (self->reviews, i);

      if (sam_agreement_review_get_id (review) == id)
        return review;
    }

  return NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  SamAgreementsPage *self = SAM_AGREEMENTS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (step != NULL && !sam_decide_is_blank (g_variant_get_string (param, NULL)) &&
      sam_store_add_agreement (store, step, g_variant_get_string (param, NULL), &error) == NULL)
    sam_decide_show_error (widget, error);
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamAgreementsPage *self = SAM_AGREEMENTS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  const char *text;
  gint64 id;
  guint32 field;
  SamAgreement *agreement;

  g_variant_get (param, "(xu&s)", &id, &field, &text);
  agreement = find_agreement (self, id);
  if (agreement == NULL || field > SAM_AGREEMENT_FIELD_REVIEW_DATE)
    return;

  /* Dates come the locale's way or as YYYY-MM-DD; the store keeps the latter. */
  if (field == SAM_AGREEMENT_FIELD_DUE || field == SAM_AGREEMENT_FIELD_REVIEW_DATE)
    {
      iso = sam_date_parse (text, &error);
      if (iso == NULL)
        {
          sam_decide_show_error (widget, error);
          return;
        }
      text = iso;
    }

  if (!sam_store_set_agreement_text (store, agreement, field, text, &error))
    sam_decide_show_error (widget, error);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SamAgreementsPage *self = SAM_AGREEMENTS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint32 status;
  SamAgreement *agreement;

  g_variant_get (param, "(xu)", &id, &status);
  agreement = find_agreement (self, id);
  if (agreement != NULL && status <= SAM_AGREEMENT_NOT_KEPT &&
      !sam_store_set_agreement_status (store, agreement, status, &error))
    sam_decide_show_error (widget, error);
}

static void
set_team_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamAgreementsPage *self = SAM_AGREEMENTS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 id, team_id;
  gboolean included;
  SamAgreement *agreement;

  g_variant_get (param, "(xxb)", &id, &team_id, &included);
  agreement = find_agreement (self, id);
  if (agreement != NULL && !sam_store_set_agreement_team (store, agreement, team_id, included, &error))
    sam_decide_show_error (widget, error);
}

static void
set_idea_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamAgreementsPage *self = SAM_AGREEMENTS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 id, idea_id;
  SamAgreement *agreement;

  g_variant_get (param, "(xx)", &id, &idea_id);
  agreement = find_agreement (self, id);
  if (agreement != NULL && !sam_store_set_agreement_idea (store, agreement, idea_id, &error))
    sam_decide_show_error (widget, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamAgreementsPage *self = SAM_AGREEMENTS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  SamAgreement *agreement = find_agreement (self, g_variant_get_int64 (param));
  gint64 batch;

  if (agreement == NULL)
    return;

  if (!sam_store_trash_agreement (store, agreement, &batch, &error))
    sam_decide_show_error (widget, error);
  else
    sam_decide_show_undo (widget, _("Agreement deleted"), batch);
}

static void
set_review_outcome_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  SamAgreementsPage *self = SAM_AGREEMENTS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint32 outcome;
  SamAgreementReview *review;

  g_variant_get (param, "(xu)", &id, &outcome);
  review = find_review (self, id);
  if (review != NULL && outcome <= SAM_REVIEW_NOT_KEPT &&
      !sam_store_set_review_outcome (store, review, outcome, &error))
    sam_decide_show_error (widget, error);
}

static void
set_review_why_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SamAgreementsPage *self = SAM_AGREEMENTS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  const char *why;
  gint64 id;
  SamAgreementReview *review;

  g_variant_get (param, "(x&s)", &id, &why);
  review = find_review (self, id);
  if (review != NULL && !sam_store_set_review_why (store, review, why, &error))
    sam_decide_show_error (widget, error);
}

/* The same as win.create-follow-up, for the page's own workshop. */
static void
create_follow_up_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SamAgreementsPage *self = SAM_AGREEMENTS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));

  if (workshop != NULL)
    sam_decide_follow_up (widget, store, workshop);
}

static void
sam_agreements_page_context_changed (SamExercisePage *page,
                                     SamStore        *old_store,
                                     SamWorkshop     *old_workshop,
                                     SamStep         *old_step)
{
  rebind (SAM_AGREEMENTS_PAGE (page), TRUE);
}

static void
sam_agreements_page_dispose (GObject *object)
{
  SamAgreementsPage *self = (SamAgreementsPage *)object;

  rebind (self, FALSE);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->agreements);
  /* Ours since they left the template's box (the template drops its own). */
  g_clear_object (&self->top_box);
  g_clear_object (&self->bottom_box);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_AGREEMENTS_PAGE);
  self->list_view = NULL;
  g_clear_object (&self->top_mark);
  g_clear_object (&self->bottom_mark);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (sam_agreements_page_parent_class)->dispose (object);
}

static void
sam_agreements_page_class_init (SamAgreementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_agreements_page_dispose;
  page_class->context_changed = sam_agreements_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-agreements-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamAgreementsPage, review_group);
  gtk_widget_class_bind_template_child (widget_class, SamAgreementsPage, review_list);
  gtk_widget_class_bind_template_child (widget_class, SamAgreementsPage, page_box);
  gtk_widget_class_bind_template_child (widget_class, SamAgreementsPage, top_box);
  gtk_widget_class_bind_template_child (widget_class, SamAgreementsPage, bottom_box);
  gtk_widget_class_bind_template_child (widget_class, SamAgreementsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SamAgreementsPage, add_row);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);

  gtk_widget_class_install_action (widget_class, "agreements.add", "s", add_action);
  /* (agreement id, SamAgreementField, text) */
  gtk_widget_class_install_action (widget_class, "agreements.set-text", "(xus)", set_text_action);
  gtk_widget_class_install_action (widget_class, "agreements.set-status", "(xu)", set_status_action);
  gtk_widget_class_install_action (widget_class, "agreements.set-team", "(xxb)", set_team_action);
  gtk_widget_class_install_action (widget_class, "agreements.set-idea", "(xx)", set_idea_action);
  gtk_widget_class_install_action (widget_class, "agreements.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "agreements.set-review-outcome", "(xu)", set_review_outcome_action);
  gtk_widget_class_install_action (widget_class, "agreements.set-review-why", "(xs)", set_review_why_action);
  gtk_widget_class_install_action (widget_class, "agreements.create-follow-up", NULL, create_follow_up_action);

}

static void
sam_agreements_page_init (SamAgreementsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-decide-page");
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->top_mark = g_object_new (G_TYPE_OBJECT, NULL);
  self->bottom_mark = g_object_new (G_TYPE_OBJECT, NULL);

  /* The introduction, the review and the field for a new agreement are
   * the list's first and last rows: they scroll with the agreements. */
  g_object_ref (self->top_box);
  g_object_ref (self->bottom_box);
  gtk_box_remove (GTK_BOX (self->page_box), self->top_box);
  gtk_box_remove (GTK_BOX (self->page_box), self->bottom_box);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "sam-agreements");
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "sam-page-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agreements"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->page_box), scroller);
  self->scroller = GTK_SCROLLED_WINDOW (scroller);
  set_agreements (self, NULL);
}

/**
 * sam_agreements_page_find_row:
 * @self: a #SamAgreementsPage
 * @agreement_id: an agreement's id
 *
 * Returns: (transfer none) (nullable): the agreement's #AdwExpanderRow,
 *   %NULL when it is not in view (rows are made when they come into view)
 */
GtkWidget *
sam_agreements_page_find_row (SamAgreementsPage *self,
                              gint64             agreement_id)
{
  g_return_val_if_fail (SAM_IS_AGREEMENTS_PAGE (self), NULL);

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *bin = gtk_widget_get_first_child (item);
      GtkWidget *list = bin && ADW_IS_BIN (bin) ? adw_bin_get_child (ADW_BIN (bin)) : NULL;
      GtkWidget *row = list ? g_object_get_data (G_OBJECT (list), "row") : NULL;
      SamAgreement *agreement = row ? g_object_get_data (G_OBJECT (row), "agreement") : NULL;

      if (agreement != NULL && sam_agreement_get_id (agreement) == agreement_id)
        return row;
    }

  return NULL;
}
