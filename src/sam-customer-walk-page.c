/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-tree.h"
#include "sam-customer-walk-page.h"
#include "sam-field.h"
#include "sam-discover-common.h"
#include "sam-step-settings.h"

/* "In the customer's shoes": one customer request walked step by step, as
 * if the customer were someone close.  For every step the room writes why
 * we do it and decides whether it brings the customer value.
 *
 * The steps are one #SamCardTree with one section (a #GtkStringObject):
 * the store's live bucket of the step's "customer-step" cards, the why and
 * the value marks bound under each, a field for the next step; the
 * request and the summary are the list's first row. */
struct _SamCustomerWalkPage
{
  SamExercisePage parent_instance;

  GtkBox *content;
  GtkWidget *top;
  AdwEntryRow *persona_row;
  AdwEntryRow *request_row;
  GtkWidget *summary_box;
  SamCardTree *tree;
  GListStore *sections;

  SamCardWatch *watch;
};

G_DEFINE_FINAL_TYPE (SamCustomerWalkPage, sam_customer_walk_page, SAM_TYPE_EXERCISE_PAGE)

static const struct {
  SamWalkValue value;
  const char *icon_name;
  const char *label;
} marks[] = {
  { SAM_WALK_VALUE, "emblem-ok-symbolic", N_("Value for the customer") },
  { SAM_WALK_UNDECIDED, "dialog-question-symbolic", N_("Not decided") },
  { SAM_WALK_NO_VALUE, "action-unavailable-symbolic", N_("No value") },
};

/**
 * sam_customer_walk_dup_persona:
 * @step: a "customer-walk" step
 *
 * Returns: (transfer full): the line that frames the walk: the coach's own
 *   or, until one is written, the default
 */
char *
sam_customer_walk_dup_persona (SamStep *step)
{
  char *persona = sam_step_settings_dup_string (sam_step_get_settings (step), "persona");

  if (persona == NULL)
    persona = g_strdup (_("Imagine the customer is your mother or your brother."));

  return persona;
}

static void
save_setting (SamCustomerWalkPage *self,
              AdwEntryRow         *row,
              const char          *key)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (row));
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *settings = NULL;

  if (sam_field_is_syncing (GTK_WIDGET (row)) || step == NULL)
    return;

  settings = sam_step_settings_set_string (sam_step_get_settings (step), key, value);
  if (g_strcmp0 (settings, sam_step_get_settings (step)) != 0 &&
      !sam_store_set_step_field (store, step, SAM_STEP_FIELD_SETTINGS, settings, &error))
    {
      sam_field_revert (GTK_WIDGET (row));
      sam_discover_report_error (GTK_WIDGET (self), error);
    }
}

static void
persona_changed_cb (SamCustomerWalkPage *self)
{
  save_setting (self, self->persona_row, "persona");
}

static void
request_changed_cb (SamCustomerWalkPage *self)
{
  save_setting (self, self->request_row, "request");
}

static void
load_settings (SamCustomerWalkPage *self)
{
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autofree char *persona = NULL;
  g_autofree char *request = NULL;

  if (step == NULL)
    return;

  persona = sam_customer_walk_dup_persona (step);
  request = sam_step_settings_dup_string (sam_step_get_settings (step), "request");
  sam_field_show_stored (GTK_WIDGET (self->persona_row), persona);
  sam_field_show_stored (GTK_WIDGET (self->request_row), request ? request : "");
}

static GtkWidget *
stat_new (guint       count,
          const char *icon_name,
          const char *words,
          const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *number, *label;
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  number = gtk_label_new (text);
  gtk_widget_add_css_class (number, "discover-count");
  label = gtk_label_new (words);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "discover-count-words");
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "discover-stat");
  gtk_widget_add_css_class (box, css_class);
  return box;
}

/* For the room: how many steps bring the customer something. */
static void
update_summary (SamCustomerWalkPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  GListModel *cards;
  guint counts[3] = { 0, 0, 0 }, total = 0;
  g_autofree char *value_words = NULL;

  sam_discover_clear_box (self->summary_box);
  if (sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self)) == NULL || store == NULL)
    return;

  cards = sam_store_get_cards (store, sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self)));
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      int value = sam_card_get_value (card);

      if (g_strcmp0 (sam_card_get_kind (card), "customer-step") != 0)
        continue;
      total++;
      counts[value > 0 ? 0 : value < 0 ? 2 : 1]++;
    }

  gtk_widget_set_visible (self->summary_box, total > 0);
  /* Translators: "3 of 7 steps bring the customer value" */
  value_words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "of %u step brings the customer value",
                                              "of %u steps bring the customer value", total),
                                 total);
  gtk_box_append (GTK_BOX (self->summary_box),
                  stat_new (counts[0], marks[0].icon_name, value_words, "discover-stat-value"));
  gtk_box_append (GTK_BOX (self->summary_box),
                  stat_new (counts[2], marks[2].icon_name,
                            g_dngettext (GETTEXT_PACKAGE, "step without value", "steps without value", counts[2]),
                            "discover-stat-no-value"));
  gtk_box_append (GTK_BOX (self->summary_box),
                  stat_new (counts[1], marks[1].icon_name,
                            g_dngettext (GETTEXT_PACKAGE, "step not decided yet", "steps not decided yet", counts[1]),
                            "discover-stat-open"));
}

static void
cards_changed_cb (SamCustomerWalkPage *self)
{
  update_summary (self);
}

static gboolean
set_value (SamCustomerWalkPage *self,
           SamCard             *card,
           int                  value)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (sam_card_get_value (card) == value ||
      sam_store_set_card_int (store, card, SAM_CARD_FIELD_VALUE, value, &error))
    return TRUE;

  sam_discover_report_error (GTK_WIDGET (self), error);
  return FALSE;
}

static gboolean
set_why (SamCustomerWalkPage *self,
         SamCard             *card,
         const char          *why)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (sam_card_get_detail (card), why) == 0 ||
      sam_store_set_card_text (store, card, SAM_CARD_FIELD_DETAIL, why, &error))
    return TRUE;

  sam_discover_report_error (GTK_WIDGET (self), error);
  return FALSE;
}

static void
mark_toggled_cb (GtkToggleButton     *button,
                 SamCustomerWalkPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));

  GtkWidget *box = g_object_get_data (G_OBJECT (button), "box");
  SamCard *card = g_object_get_data (G_OBJECT (box), "card");

  if (card == NULL || g_object_get_data (G_OBJECT (box), "syncing") != NULL)
    return;

  /* Not stored: the mark goes off again, as it is in the database. */
  if (gtk_toggle_button_get_active (button) && store != NULL &&
      !set_value (self, card,
                  GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value"))))
    gtk_toggle_button_set_active (button, FALSE);
}

static void
why_changed_cb (GtkEditable         *entry,
                SamCustomerWalkPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamCard *card = g_object_get_data (G_OBJECT (g_object_get_data (G_OBJECT (entry), "box")), "card");

  if (store != NULL && card != NULL && !sam_field_is_syncing (GTK_WIDGET (entry)) &&
      !set_why (self, card, gtk_editable_get_text (entry)))
    sam_field_revert (GTK_WIDGET (entry));
}

static void
sync_step (GtkWidget  *box,
           GParamSpec *pspec,
           SamCard    *card)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (box), "entry");

  g_object_set_data (G_OBJECT (box), "syncing", GINT_TO_POINTER (TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_autofree char *key = g_strdup_printf ("mark-%u", i);

      gtk_toggle_button_set_active (g_object_get_data (G_OBJECT (box), key),
                                    sam_card_get_value (card) == (int) marks[i].value);
    }
  g_object_set_data (G_OBJECT (box), "syncing", NULL);
  sam_field_show_stored (entry, sam_card_get_detail (card));
}

/* Under each step: why we do it, and whether it brings value.  Made once
 * per recycled row and bound to a step. */
static GtkWidget *
step_extra_new (gpointer user_data)
{
  SamCustomerWalkPage *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *why_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *why;

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why do we do this?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why do we do this?"), -1);
  gtk_widget_add_css_class (entry, "discover-why");
  g_object_set_data (G_OBJECT (entry), "box", box);
  g_object_set_data (G_OBJECT (box), "entry", entry);
  gtk_widget_set_hexpand (entry, TRUE);
  why = gtk_label_new (_("Why?"));
  gtk_widget_add_css_class (why, "discover-why-label");
  gtk_box_append (GTK_BOX (why_box), why);
  gtk_box_append (GTK_BOX (why_box), entry);
  gtk_box_append (GTK_BOX (box), why_box);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *content = adw_button_content_new ();
      g_autofree char *key = g_strdup_printf ("mark-%u", i);
      g_autofree char *css = g_strdup_printf ("discover-mark-%d", marks[i].value + 1);

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), marks[i].icon_name);
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _(marks[i].label));
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, css);
      g_object_set_data (G_OBJECT (button), "box", box);
      g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (marks[i].value));
      g_object_set_data (G_OBJECT (box), key, button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (mark_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  gtk_box_append (GTK_BOX (box), buttons);
  g_signal_connect_object (entry, "changed", G_CALLBACK (why_changed_cb), self, 0);
  return box;
}

static void
step_extra_unbind (GtkWidget *box,
                   gpointer   user_data)
{
  SamCard *card = g_object_get_data (G_OBJECT (box), "card");

  if (card != NULL)
    g_signal_handlers_disconnect_by_func (card, sync_step, box);
  g_object_set_data (G_OBJECT (box), "card", NULL);
}

static void
step_extra_bind (GtkWidget *box,
                 SamCard   *card,
                 gpointer   user_data)
{
  step_extra_unbind (box, user_data);
  /* A recycled why starts from this step's text. */
  sam_field_reset (g_object_get_data (G_OBJECT (box), "entry"), sam_card_get_detail (card));
  g_object_set_data_full (G_OBJECT (box), "card", g_object_ref (card), g_object_unref);
  g_signal_connect_object (card, "notify", G_CALLBACK (sync_step), box, G_CONNECT_SWAPPED);
  sync_step (box, NULL, card);
}

/* The one section's heading: what the room does with the steps. */
static GtkWidget *
header_new (gpointer user_data)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *title = gtk_label_new (_("The request, step by step"));
  GtkWidget *lead = gtk_label_new (_("Write each step the customer goes through, in order. For every step ask: why do "
                                     "we do this? Then decide together whether it brings the customer value."));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (lead), 0);
  gtk_label_set_wrap (GTK_LABEL (lead), TRUE);
  gtk_widget_add_css_class (lead, "discover-lead");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), lead);
  return header;
}

static void
header_bind (GtkWidget *header,
             GObject   *section,
             gpointer   user_data)
{
}

static GListModel *
steps_of (SamCardTree *tree,
          GObject     *section,
          gpointer     user_data)
{
  return sam_card_tree_get_bucket (tree, "customer-step", 0, 0, 0, NULL);
}

static gboolean
add_step (SamCustomerWalkPage *self,
          const char          *text)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  SamCardInit init = { .kind = "customer-step" };

  if (store == NULL || step == NULL || *stripped == '\0')
    return FALSE;

  init.text = stripped;
  if (sam_store_add_card (store, step, &init, &error) == NULL)
    {
      sam_discover_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_from_tree (SamCardTree *tree,
               GObject     *section,
               SamCard     *parent,
               const char  *text,
               gpointer     user_data)
{
  return add_step (user_data, text);
}

static SamCard *
card_from_id (SamCustomerWalkPage *self,
              gint64               id)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamCard *card;

  if (sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self)) == NULL)
    return NULL;

  card = sam_store_find_card (store, sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self)), id);
  if (card == NULL || g_strcmp0 (sam_card_get_kind (card), "customer-step") != 0)
    return NULL;

  return card;
}

static void
set_persona_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SamCustomerWalkPage *self = SAM_CUSTOMER_WALK_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->persona_row), g_variant_get_string (param, NULL));
}

static void
set_request_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SamCustomerWalkPage *self = SAM_CUSTOMER_WALK_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->request_row), g_variant_get_string (param, NULL));
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  add_step (SAM_CUSTOMER_WALK_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
set_why_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SamCustomerWalkPage *self = SAM_CUSTOMER_WALK_PAGE (widget);
  const char *why;
  gint64 id;
  SamCard *card;

  g_variant_get (param, "(x&s)", &id, &why);
  if ((card = card_from_id (self, id)) != NULL)
    set_why (self, card, why);
}

static void
set_value_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SamCustomerWalkPage *self = SAM_CUSTOMER_WALK_PAGE (widget);
  gint32 value;
  gint64 id;
  SamCard *card;

  g_variant_get (param, "(xi)", &id, &value);
  if ((card = card_from_id (self, id)) != NULL)
    set_value (self, card, CLAMP (value, -1, 1));
}

/* Only a new step reloads the page: the step view sets the store and the
 * workshop before it. */
static void
sam_customer_walk_page_context_changed (SamExercisePage *page,
                                        SamStore        *old_store,
                                        SamWorkshop     *old_workshop,
                                        SamStep         *old_step)
{
  SamCustomerWalkPage *self = (SamCustomerWalkPage *)page;
  SamStore *store = sam_exercise_page_get_store (page);
  SamStep *step = sam_exercise_page_get_step (page);

  if (step == old_step)
    return;

  if (old_step != NULL)
    g_signal_handlers_disconnect_by_func (old_step, load_settings, self);
  if (step != NULL)
    g_signal_connect_object (step, "notify::settings", G_CALLBACK (load_settings), self, G_CONNECT_SWAPPED);

  sam_card_tree_set_context (self->tree, NULL, NULL, NULL, NULL);
  sam_card_watch_set_model (self->watch, store && step ? sam_store_get_cards (store, step) : NULL);
  load_settings (self);
  update_summary (self);
  if (store != NULL && step != NULL && sam_exercise_page_get_workshop (page) != NULL)
    sam_card_tree_set_context (self->tree, store, sam_exercise_page_get_workshop (page), step,
                               G_LIST_MODEL (self->sections));
}

static void
sam_customer_walk_page_dispose (GObject *object)
{
  SamCustomerWalkPage *self = (SamCustomerWalkPage *)object;
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));

  g_clear_object (&self->watch); /* its dispose stops watching */
  if (self->tree != NULL)
    sam_card_tree_set_context (self->tree, NULL, NULL, NULL, NULL);
  if (step != NULL)
    g_signal_handlers_disconnect_by_func (step, load_settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_CUSTOMER_WALK_PAGE);
  self->tree = NULL;
  g_clear_object (&self->sections);

  G_OBJECT_CLASS (sam_customer_walk_page_parent_class)->dispose (object);
}

static void
sam_customer_walk_page_class_init (SamCustomerWalkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_customer_walk_page_dispose;
  page_class->context_changed = sam_customer_walk_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-customer-walk-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamCustomerWalkPage, content);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerWalkPage, top);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerWalkPage, persona_row);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerWalkPage, request_row);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerWalkPage, summary_box);
  gtk_widget_class_bind_template_callback (widget_class, persona_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, request_changed_cb);

  gtk_widget_class_install_action (widget_class, "walk.set-persona", "s", set_persona_action);
  gtk_widget_class_install_action (widget_class, "walk.set-request", "s", set_request_action);
  gtk_widget_class_install_action (widget_class, "walk.add-step", "s", add_step_action);
  gtk_widget_class_install_action (widget_class, "walk.set-why", "(xs)", set_why_action);
  gtk_widget_class_install_action (widget_class, "walk.set-value", "(xi)", set_value_action);

}

static void
sam_customer_walk_page_init (SamCustomerWalkPage *self)
{
  SamCardTreeSpec spec = {
    .parent_placeholder = _("The next step the customer goes through…"),
    .header_new = header_new,
    .header_bind = header_bind,
    .extra_new = step_extra_new,
    .extra_bind = step_extra_bind,
    .extra_unbind = step_extra_unbind,
    .parents = steps_of,
    .add = add_from_tree,
  };
  g_autoptr(GtkStringObject) steps = gtk_string_object_new ("customer-step");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->watch = sam_card_watch_new (G_CALLBACK (cards_changed_cb), self);
  self->sections = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_list_store_append (self->sections, steps);
  /* The request and the summary are the list's first row. */
  self->tree = sam_card_tree_new_in_box (&spec, self, _("The request, step by step"), self->content, self->top);
}

/**
 * sam_customer_walk_page_get_tree:
 * @self: a #SamCustomerWalkPage
 *
 * Returns: (transfer none): the steps, one list
 */
SamCardTree *
sam_customer_walk_page_get_tree (SamCustomerWalkPage *self)
{
  g_return_val_if_fail (SAM_IS_CUSTOMER_WALK_PAGE (self), NULL);
  return self->tree;
}
