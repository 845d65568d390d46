/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-agreement-rows.h"
#include "sam-agreements-page.h"
#include "sam-date.h"
#include "sam-decide-common.h"

/* "Afspraak is afspraak": concrete agreements with what, which teams, who,
 * by when and how the group will verify it was kept.  In a follow-up
 * workshop the earlier agreements come first, to be reviewed.  A draft (no
 * owner or no date) and a date that has passed are flagged, never refused. */
struct _SamAgreementsPage
{
  SamExercisePage parent_instance;

  AdwPreferencesGroup *review_group;
  GtkListBox *review_list;
  GtkListBox *agreement_list;
  AdwEntryRow *add_row;

  GListModel *reviews;
  GListModel *ideas;
};

G_DEFINE_FINAL_TYPE (SamAgreementsPage, sam_agreements_page, SAM_TYPE_EXERCISE_PAGE)

static GtkWidget *
create_agreement_row (gpointer item,
                      gpointer user_data)
{
  SamAgreementsPage *self = user_data;
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));

  return sam_agreement_row_new (item, sam_store_get_teams (store, workshop), self->ideas);
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
      gtk_list_box_bind_model (self->agreement_list, sam_store_get_agreements (store, step),
                               create_agreement_row, self, NULL);
    }
  else
    {
      gtk_list_box_bind_model (self->review_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->agreement_list, NULL, NULL, NULL, NULL);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_AGREEMENTS_PAGE);

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
  gtk_widget_class_bind_template_child (widget_class, SamAgreementsPage, agreement_list);
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
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-decide-page");

  placeholder = gtk_label_new (_("No agreements yet. Write the first one below: "
                                 "what will change, starting when?"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 18);
  gtk_widget_set_margin_end (placeholder, 18);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->agreement_list, placeholder);
}

/**
 * sam_agreements_page_find_row:
 * @self: a #SamAgreementsPage
 * @agreement_id: an agreement's id
 *
 * Returns: (transfer none) (nullable): the agreement's #AdwExpanderRow
 */
GtkWidget *
sam_agreements_page_find_row (SamAgreementsPage *self,
                              gint64             agreement_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SAM_IS_AGREEMENTS_PAGE (self), NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->agreement_list, i)) != NULL; i++)
    {
      SamAgreement *agreement = g_object_get_data (G_OBJECT (row), "agreement");

      if (agreement != NULL && sam_agreement_get_id (agreement) == agreement_id)
        return GTK_WIDGET (row);
    }

  return NULL;
}
