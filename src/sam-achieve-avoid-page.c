/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-achieve-avoid-page.h"
#include "sam-card-tree.h"
#include "sam-decide-common.h"

/* "What we want to achieve or avoid": two columns of statements (cards of
 * kind "achieve" and "avoid"), each carrying the signs by which the group
 * will notice it (cards of kind "verification" under the statement).  A
 * statement without one is an unverifiable wish, which the method exists
 * to prevent: the page says so, gently, next to it and at the top. */
struct _SamAchieveAvoidPage
{
  SamExercisePage parent_instance;

  GtkWidget *intro;
  GtkBox *warning_box;
  GtkLabel *warning_label;
  GtkBox *columns;
  SamCardTree *tree;

  GListStore *sections;
  GListModel *cards;
};

G_DEFINE_FINAL_TYPE (SamAchieveAvoidPage, sam_achieve_avoid_page, SAM_TYPE_EXERCISE_PAGE)

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

/* The page is one #SamCardTree: a section for "achieve" and one for
 * "avoid" (each a #GtkStringObject holding the kind), the statements as
 * their cards, the signs (kind "verification") under them. */

static GtkWidget *
header_new (gpointer user_data)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 28);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), title);
  gtk_widget_add_css_class (header, "sam-goal-header");
  g_object_set_data (G_OBJECT (header), "icon", icon);
  g_object_set_data (G_OBJECT (header), "title", title);
  return header;
}

static void
header_bind (GtkWidget *header,
             GObject   *section,
             gpointer   user_data)
{
  gboolean avoid = g_str_equal (gtk_string_object_get_string (GTK_STRING_OBJECT (section)), "avoid");

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (header), "icon"),
                                avoid ? "action-unavailable-symbolic" : "emblem-ok-symbolic");
  gtk_label_set_text (g_object_get_data (G_OBJECT (header), "title"),
                      avoid ? _("What we want to avoid") : _("What we want to achieve"));
  if (avoid)
    gtk_widget_add_css_class (header, "avoid");
  else
    gtk_widget_remove_css_class (header, "avoid");
}

static GListModel *
statements_of (SamCardTree *tree,
               GObject     *section,
               gpointer     user_data)
{
  return sam_card_tree_get_bucket (tree, gtk_string_object_get_string (GTK_STRING_OBJECT (section)),
                                   0, 0, 0, NULL);
}

static GListModel *
signs_of (SamCardTree *tree,
          SamCard     *statement,
          gpointer     user_data)
{
  return sam_card_tree_get_bucket (tree, "verification", 0, 0, sam_card_get_id (statement), NULL);
}

/* Under each statement: a gentle warning while it has no sign, then the
 * heading of its signs.  The warning follows the statement's own signs. */
static GtkWidget *
extra_new (gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *warning = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *warning_label = gtk_label_new (_("How will we notice? Add at least one sign."));
  GtkWidget *heading = gtk_label_new (_("How we will notice"));

  gtk_box_append (GTK_BOX (warning), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_label_set_xalign (GTK_LABEL (warning_label), 0);
  gtk_label_set_wrap (GTK_LABEL (warning_label), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (warning_label), GTK_NATURAL_WRAP_WORD);
  gtk_widget_set_hexpand (warning_label, TRUE);
  gtk_box_append (GTK_BOX (warning), warning_label);
  gtk_widget_add_css_class (warning, "sam-unverified");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "sam-decide-subheading");
  gtk_box_append (GTK_BOX (box), warning);
  gtk_box_append (GTK_BOX (box), heading);
  g_object_set_data (G_OBJECT (box), "warning", warning);
  return box;
}

static void
update_warning (GListModel *signs,
                guint       position,
                guint       removed,
                guint       added,
                GtkWidget  *warning)
{
  gtk_widget_set_visible (warning, g_list_model_get_n_items (signs) == 0);
}

static void
extra_unbind (GtkWidget *extra,
              gpointer   user_data)
{
  GListModel *signs = g_object_get_data (G_OBJECT (extra), "signs");

  if (signs != NULL)
    g_signal_handlers_disconnect_by_func (signs, update_warning, g_object_get_data (G_OBJECT (extra), "warning"));
  g_object_set_data (G_OBJECT (extra), "signs", NULL);
}

static void
extra_bind (GtkWidget *extra,
            SamCard   *statement,
            gpointer   user_data)
{
  SamAchieveAvoidPage *self = user_data;
  GtkWidget *warning = g_object_get_data (G_OBJECT (extra), "warning");
  GListModel *signs = signs_of (self->tree, statement, self);

  extra_unbind (extra, self);
  if (signs == NULL)
    return;
  g_object_set_data_full (G_OBJECT (extra), "signs", g_object_ref (signs), g_object_unref);
  g_signal_connect_object (signs, "items-changed", G_CALLBACK (update_warning), warning, 0);
  update_warning (signs, 0, 0, 0, warning);
}

static gboolean add_statement    (SamAchieveAvoidPage *self,
                                  const char          *kind,
                                  const char          *text);
static gboolean add_verification (SamAchieveAvoidPage *self,
                                  SamCard             *statement,
                                  const char          *text);

static gboolean
add_from_tree (SamCardTree *tree,
               GObject     *section,
               SamCard     *statement,
               const char  *text,
               gpointer     user_data)
{
  if (statement != NULL)
    return add_verification (user_data, statement, text);
  return add_statement (user_data, gtk_string_object_get_string (GTK_STRING_OBJECT (section)), text);
}

/* @live is FALSE while the page is disposed. */
static void
rebuild (SamAchieveAvoidPage *self,
         gboolean            live)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  gboolean shown = live && store != NULL && workshop != NULL && step != NULL;

  if (self->cards != NULL)
    g_signal_handlers_disconnect_by_func (self->cards, update_summary, self);
  g_clear_object (&self->cards);

  if (shown)
    {
      self->cards = g_object_ref (sam_store_get_cards (store, step));
      g_signal_connect_swapped (self->cards, "items-changed", G_CALLBACK (update_summary), self);
    }
  if (self->tree != NULL)
    sam_card_tree_set_context (self->tree, shown ? store : NULL, shown ? workshop : NULL,
                               shown ? step : NULL, shown ? G_LIST_MODEL (self->sections) : NULL);

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

static gboolean
add_statement (SamAchieveAvoidPage *self,
               const char          *kind,
               const char          *text)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  SamCardInit init = { 0 };

  if (step == NULL || sam_decide_is_blank (stripped) ||
      (g_strcmp0 (kind, "achieve") != 0 && g_strcmp0 (kind, "avoid") != 0))
    return FALSE;

  init.kind = kind;
  init.text = stripped;
  if (sam_store_add_card (store, step, &init, &error) == NULL)
    {
      sam_decide_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_verification (SamAchieveAvoidPage *self,
                  SamCard             *statement,
                  const char          *text)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  SamCardInit init = { .kind = "verification" };

  if (statement == NULL || step == NULL || sam_decide_is_blank (stripped))
    return FALSE;

  init.parent_id = sam_card_get_id (statement);
  init.text = stripped;
  if (sam_store_add_card (store, step, &init, &error) == NULL)
    {
      sam_decide_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  return TRUE;
}

static void
add_statement_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  const char *kind, *text;

  g_variant_get (param, "(&s&s)", &kind, &text);
  add_statement (SAM_ACHIEVE_AVOID_PAGE (widget), kind, text);
}

static void
add_verification_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SamAchieveAvoidPage *self = SAM_ACHIEVE_AVOID_PAGE (widget);
  const char *text;
  gint64 id;

  g_variant_get (param, "(x&s)", &id, &text);
  add_verification (self, find_card (self, id), text);
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
  self->tree = NULL;
  g_clear_object (&self->sections);

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
  gtk_widget_class_bind_template_child (widget_class, SamAchieveAvoidPage, intro);
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
  SamCardTreeSpec spec = {
    .parent_placeholder = _("Add a statement…"),
    .child_placeholder = _("Add a sign…"),
    .header_new = header_new,
    .header_bind = header_bind,
    .extra_new = extra_new,
    .extra_bind = extra_bind,
    .extra_unbind = extra_unbind,
    .parents = statements_of,
    .children = signs_of,
    .add = add_from_tree,
  };
  g_autoptr(GtkStringObject) achieve = gtk_string_object_new ("achieve");
  g_autoptr(GtkStringObject) avoid = gtk_string_object_new ("avoid");
  GtkWidget *top;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-decide-page");

  self->sections = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_list_store_append (self->sections, achieve);
  g_list_store_append (self->sections, avoid);
  self->tree = SAM_CARD_TREE (sam_card_tree_new (&spec, self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sam_card_tree_get_list_view (self->tree)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What We Want to Achieve or Avoid"), -1);
  gtk_box_append (self->columns, GTK_WIDGET (self->tree));

  /* The introduction and the summary are the list's first row: they
   * scroll with the statements, and the page keeps one scroller. */
  top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *child = i == 0 ? self->intro : GTK_WIDGET (self->warning_box);

      g_object_ref (child);
      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (child)), child);
      gtk_box_append (GTK_BOX (top), child);
      g_object_unref (child);
    }
  sam_card_tree_set_top (self->tree, top);
}

/**
 * sam_achieve_avoid_page_get_tree:
 * @self: a #SamAchieveAvoidPage
 *
 * Returns: (transfer none): the page's statements and signs, one list
 */
SamCardTree *
sam_achieve_avoid_page_get_tree (SamAchieveAvoidPage *self)
{
  g_return_val_if_fail (SAM_IS_ACHIEVE_AVOID_PAGE (self), NULL);
  return self->tree;
}
