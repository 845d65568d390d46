/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-achieve-avoid-page.h"
#include "sam-card-list.h"
#include "sam-decide-common.h"

/* "What we want to achieve or avoid": two columns of statements (cards of
 * kind "achieve" and "avoid"), each carrying the signs by which the group
 * will notice it (cards of kind "verification" under the statement).  A
 * statement without one is an unverifiable wish, which the method exists
 * to prevent: the page says so, gently, next to it and at the top. */
struct _SamAchieveAvoidPage
{
  SamExercisePage parent_instance;

  GtkBox *warning_box;
  GtkLabel *warning_label;
  GtkBox *columns;

  GListModel *cards;
};

G_DEFINE_FINAL_TYPE (SamAchieveAvoidPage, sam_achieve_avoid_page, SAM_TYPE_EXERCISE_PAGE)

static gboolean
has_verification (GListModel *cards,
                  gint64      statement_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (sam_card_get_parent_id (card) == statement_id &&
          g_strcmp0 (sam_card_get_kind (card), "verification") == 0)
        return TRUE;
    }

  return FALSE;
}

/* Each statement's own warning follows the step's cards. */
static void
update_card_warning (GtkWidget *warning)
{
  GListModel *cards = g_object_get_data (G_OBJECT (warning), "cards");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (warning), "statement-id"));

  gtk_widget_set_visible (warning, cards != NULL && !has_verification (cards, id));
}

static void
update_summary (SamAchieveAvoidPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  guint n = 0;
  g_autofree char *text = NULL;

  if (store != NULL && step != NULL)
    n = sam_store_count_unverified_statements (store, step);

  gtk_widget_set_visible (GTK_WIDGET (self->warning_box), n > 0);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u statement has no sign yet by which we will notice it. "
                                       "Without one it stays a wish.",
                                       "%u statements have no sign yet by which we will notice them. "
                                       "Without one they stay wishes.", n), n);
  gtk_label_set_text (self->warning_label, text);
}

static void
bind_list (SamAchieveAvoidPage *self,
           GtkWidget           *list)
{
  g_object_bind_property (self, "store", list, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "workshop", list, "workshop", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "step", list, "step", G_BINDING_SYNC_CREATE);
}

static GtkWidget *
create_verifications (SamCardList *statements,
                      SamCard     *statement,
                      gpointer     user_data)
{
  SamAchieveAvoidPage *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *warning = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *warning_label = gtk_label_new (_("How will we notice? Add at least one sign."));
  GtkWidget *heading = gtk_label_new (_("How we will notice"));
  GtkWidget *list = sam_card_list_new ("verification", 0, 0, sam_card_get_id (statement), NULL);

  gtk_box_append (GTK_BOX (warning), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_label_set_xalign (GTK_LABEL (warning_label), 0);
  gtk_label_set_wrap (GTK_LABEL (warning_label), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (warning_label), GTK_NATURAL_WRAP_WORD);
  gtk_widget_set_hexpand (warning_label, TRUE);
  gtk_box_append (GTK_BOX (warning), warning_label);
  gtk_widget_add_css_class (warning, "sam-unverified");
  g_object_set_data (G_OBJECT (warning), "statement-id", GSIZE_TO_POINTER (sam_card_get_id (statement)));
  g_object_set_data (G_OBJECT (warning), "cards", self->cards);
  g_signal_connect_object (self->cards, "items-changed", G_CALLBACK (update_card_warning),
                           warning, G_CONNECT_SWAPPED);
  update_card_warning (warning);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "sam-decide-subheading");
  sam_card_list_set_placeholder (SAM_CARD_LIST (list), _("Add a sign…"));
  sam_card_list_set_show_team (SAM_CARD_LIST (list), FALSE);
  gtk_widget_add_css_class (list, "sam-verification-list");
  bind_list (self, list);

  gtk_box_append (GTK_BOX (box), warning);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

static GtkWidget *
column_new (SamAchieveAvoidPage *self,
            const char          *kind,
            const char          *title,
            const char          *icon_name,
            const char          *placeholder)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *list = sam_card_list_new (kind, 0, 0, 0, NULL);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 28);
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), sam_decide_heading_new (title, "title-2"));
  gtk_widget_add_css_class (header, "sam-goal-header");

  sam_card_list_set_placeholder (SAM_CARD_LIST (list), placeholder);
  sam_card_list_set_show_team (SAM_CARD_LIST (list), FALSE);
  sam_card_list_set_extra_func (SAM_CARD_LIST (list), create_verifications, self, NULL);
  bind_list (self, list);

  gtk_box_append (GTK_BOX (column), header);
  gtk_box_append (GTK_BOX (column), list);
  gtk_widget_add_css_class (column, "sam-goal-column");
  gtk_widget_add_css_class (column, kind);
  g_object_set_data (G_OBJECT (column), "list", list);
  return column;
}

/* @live is FALSE while the page is disposed. */
static void
rebuild (SamAchieveAvoidPage *self,
         gboolean            live)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  GtkWidget *child;

  if (self->cards != NULL)
    g_signal_handlers_disconnect_by_func (self->cards, update_summary, self);
  g_clear_object (&self->cards);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns))) != NULL)
    gtk_box_remove (self->columns, child);

  if (live && store != NULL && workshop != NULL && step != NULL)
    {
      self->cards = g_object_ref (sam_store_get_cards (store, step));
      g_signal_connect_swapped (self->cards, "items-changed", G_CALLBACK (update_summary), self);
      gtk_box_append (self->columns,
                      column_new (self, "achieve", _("What we want to achieve"), "emblem-ok-symbolic",
                                  _("Add a statement…")));
      gtk_box_append (self->columns,
                      column_new (self, "avoid", _("What we want to avoid"), "action-unavailable-symbolic",
                                  _("Add a statement…")));
    }

  update_summary (self);
}

static SamCard *
find_card (SamAchieveAvoidPage *self,
           gint64               id)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));

  return store && step ? sam_store_find_card (store, step, id) : NULL;
}

static void
add_statement_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SamAchieveAvoidPage *self = SAM_ACHIEVE_AVOID_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  const char *kind, *text;
  SamCardInit init = { 0 };

  g_variant_get (param, "(&s&s)", &kind, &text);
  if (step == NULL || sam_decide_is_blank (text) ||
      (g_strcmp0 (kind, "achieve") != 0 && g_strcmp0 (kind, "avoid") != 0))
    return;

  init.kind = kind;
  init.text = text;
  if (sam_store_add_card (store, step, &init, &error) == NULL)
    sam_decide_show_error (widget, error);
}

static void
add_verification_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SamAchieveAvoidPage *self = SAM_ACHIEVE_AVOID_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  SamCardInit init = { .kind = "verification" };
  SamCard *statement;
  gint64 id;

  g_variant_get (param, "(x&s)", &id, &init.text);
  statement = find_card (self, id);
  if (statement == NULL || sam_decide_is_blank (init.text))
    return;

  init.parent_id = id;
  if (sam_store_add_card (store, step, &init, &error) == NULL)
    sam_decide_show_error (widget, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamAchieveAvoidPage *self = SAM_ACHIEVE_AVOID_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  SamCard *card = find_card (self, g_variant_get_int64 (param));
  gint64 batch;

  if (card == NULL)
    return;

  if (!sam_store_trash_card (store, card, &batch, &error))
    sam_decide_show_error (widget, error);
  else
    sam_decide_show_undo (widget, _("Statement deleted"), batch);
}

static void
sam_achieve_avoid_page_context_changed (SamExercisePage *page,
                                        SamStore        *old_store,
                                        SamWorkshop     *old_workshop,
                                        SamStep         *old_step)
{
  rebuild (SAM_ACHIEVE_AVOID_PAGE (page), TRUE);
}

static void
sam_achieve_avoid_page_dispose (GObject *object)
{
  SamAchieveAvoidPage *self = (SamAchieveAvoidPage *)object;

  rebuild (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_ACHIEVE_AVOID_PAGE);

  G_OBJECT_CLASS (sam_achieve_avoid_page_parent_class)->dispose (object);
}

static void
sam_achieve_avoid_page_class_init (SamAchieveAvoidPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_achieve_avoid_page_dispose;
  page_class->context_changed = sam_achieve_avoid_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-achieve-avoid-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamAchieveAvoidPage, warning_box);
  gtk_widget_class_bind_template_child (widget_class, SamAchieveAvoidPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SamAchieveAvoidPage, columns);

  /* (kind, text): kind is "achieve" or "avoid" */
  gtk_widget_class_install_action (widget_class, "goals.add", "(ss)", add_statement_action);
  gtk_widget_class_install_action (widget_class, "goals.add-verification", "(xs)", add_verification_action);
  gtk_widget_class_install_action (widget_class, "goals.delete", "x", delete_action);

}

static void
sam_achieve_avoid_page_init (SamAchieveAvoidPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-decide-page");
}
