/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-bucket.h"
#include "sam-card-list-private.h"
#include "sam-card-row.h"

/* The cards of one bucket and a field for the next one.  See the header
 * for what the room can do; everything ends in a sam_store_* call. */

G_DEFINE_FINAL_TYPE (SamCardList, sam_card_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_WORKSHOP,
  PROP_STEP,
  PROP_KIND,
  PROP_TEAM_ID,
  PROP_ABOUT_TEAM_ID,
  PROP_PARENT_ID,
  PROP_PROMPT,
  PROP_PLACEHOLDER,
  PROP_SHOW_DETAIL,
  PROP_SHOW_TEAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SamCardList *self = user_data;
  SamCard *card = item;
  SamTeam *team = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *card_row;

  if (self->workshop != NULL && sam_card_get_team_id (card) > 0)
    team = sam_store_find_team (self->store, self->workshop, sam_card_get_team_id (card));

  card_row = sam_card_row_new (self->store, card, team, self->show_team, self->show_detail);
  if (self->extra_func != NULL)
    {
      GtkWidget *extra = self->extra_func (self, card, self->extra_data);

      if (extra != NULL)
        sam_card_row_set_extra (SAM_CARD_ROW (card_row), extra);
    }

  /* The card's own fields take the focus, not the row around them. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card_row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
update_visibility (SamCardList *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->cards_box),
                          self->filtered != NULL &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  SamCardList *self = user_data;

  return self->filter_func == NULL || self->filter_func (item, self->filter_data);
}

static void
rebind (SamCardList *self)
{
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered, update_visibility, self);
  g_clear_object (&self->filtered);

  if (self->store != NULL && self->step != NULL && self->kind != NULL)
    {
      /* The bucket comes from the step's index of buckets (one pass over
       * the step's cards for all lists), not from a filter over all cards
       * per list; only an exercise's own narrowing filters, over it. */
      GListModel *bucket = sam_card_bucket_get (sam_store_get_cards (self->store, self->step),
                                                self->kind, self->team_id, self->about_team_id,
                                                self->parent_id, self->prompt);
      GtkFilter *filter = NULL;

      if (self->filter_func != NULL)
        filter = GTK_FILTER (gtk_custom_filter_new (filter_cb, self, NULL));
      self->filtered = gtk_filter_list_model_new (bucket, filter);
      g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_visibility), self);
      gtk_list_box_bind_model (self->cards_box, G_LIST_MODEL (self->filtered), create_row, self, NULL);
    }
  else
    gtk_list_box_bind_model (self->cards_box, NULL, NULL, NULL, NULL);

  update_visibility (self);
}

static char *
dup_add_text (SamCardList *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->add_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
add_from_field (SamCardList *self)
{
  g_autofree char *text = dup_add_text (self);

  /* On failure the text stays in the field, so nothing typed is lost. */
  if (_sam_card_list_add_card (self, text))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->add_view), "", 0);
}

static void
add_clicked_cb (SamCardList *self)
{
  add_from_field (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_view));
}

static gboolean
add_key_pressed_cb (SamCardList     *self,
                    guint            keyval,
                    guint            keycode,
                    GdkModifierType  state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && mods == 0)
    {
      add_from_field (self);
      return TRUE;
    }

  return FALSE;
}

static void
add_buffer_changed_cb (SamCardList   *self,
                       GtkTextBuffer *buffer)
{
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label),
                          gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
sam_card_list_dispose (GObject *object)
{
  SamCardList *self = (SamCardList *)object;

  if (self->cards_box != NULL)
    gtk_list_box_bind_model (self->cards_box, NULL, NULL, NULL, NULL);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered, update_visibility, self);
  g_clear_object (&self->filtered);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_CARD_LIST);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->step);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);
  if (self->extra_destroy != NULL)
    g_clear_pointer (&self->extra_data, self->extra_destroy);
  if (self->filter_destroy != NULL)
    g_clear_pointer (&self->filter_data, self->filter_destroy);
  self->extra_func = NULL;
  self->filter_func = NULL;

  G_OBJECT_CLASS (sam_card_list_parent_class)->dispose (object);
}

static void
sam_card_list_finalize (GObject *object)
{
  SamCardList *self = (SamCardList *)object;

  g_free (self->kind);
  g_free (self->prompt);

  G_OBJECT_CLASS (sam_card_list_parent_class)->finalize (object);
}

static void
sam_card_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SamCardList *self = SAM_CARD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_WORKSHOP: g_value_set_object (value, self->workshop); break;
    case PROP_STEP: g_value_set_object (value, self->step); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_TEAM_ID: g_value_set_int64 (value, self->team_id); break;
    case PROP_ABOUT_TEAM_ID: g_value_set_int64 (value, self->about_team_id); break;
    case PROP_PARENT_ID: g_value_set_int64 (value, self->parent_id); break;
    case PROP_PROMPT: g_value_set_string (value, self->prompt); break;
    case PROP_PLACEHOLDER: g_value_set_string (value, gtk_label_get_text (self->placeholder_label)); break;
    case PROP_SHOW_DETAIL: g_value_set_boolean (value, self->show_detail); break;
    case PROP_SHOW_TEAM: g_value_set_boolean (value, self->show_team); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_card_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SamCardList *self = SAM_CARD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          rebind (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WORKSHOP:
      if (g_set_object (&self->workshop, g_value_get_object (value)))
        {
          rebind (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STEP:
      if (g_set_object (&self->step, g_value_get_object (value)))
        {
          rebind (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_KIND: g_free (self->kind); self->kind = g_value_dup_string (value); break;
    case PROP_TEAM_ID: self->team_id = g_value_get_int64 (value); break;
    case PROP_ABOUT_TEAM_ID: self->about_team_id = g_value_get_int64 (value); break;
    case PROP_PARENT_ID: self->parent_id = g_value_get_int64 (value); break;
    case PROP_PROMPT: g_free (self->prompt); self->prompt = g_value_dup_string (value); break;
    case PROP_PLACEHOLDER:
      sam_card_list_set_placeholder (self, g_value_get_string (value));
      break;
    case PROP_SHOW_DETAIL:
      sam_card_list_set_show_detail (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_TEAM:
      sam_card_list_set_show_team (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_card_list_class_init (SamCardListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags bucket = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sam_card_list_dispose;
  object_class->finalize = sam_card_list_finalize;
  object_class->get_property = sam_card_list_get_property;
  object_class->set_property = sam_card_list_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE, flags);
  properties[PROP_WORKSHOP] = g_param_spec_object ("workshop", NULL, NULL, SAM_TYPE_WORKSHOP, flags);
  properties[PROP_STEP] = g_param_spec_object ("step", NULL, NULL, SAM_TYPE_STEP, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, bucket);
  properties[PROP_TEAM_ID] = g_param_spec_int64 ("team-id", NULL, NULL, 0, G_MAXINT64, 0, bucket);
  properties[PROP_ABOUT_TEAM_ID] = g_param_spec_int64 ("about-team-id", NULL, NULL, 0, G_MAXINT64, 0, bucket);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, bucket);
  properties[PROP_PROMPT] = g_param_spec_string ("prompt", NULL, NULL, NULL, bucket);
  properties[PROP_PLACEHOLDER] = g_param_spec_string ("placeholder", NULL, NULL, NULL, flags);
  properties[PROP_SHOW_DETAIL] = g_param_spec_boolean ("show-detail", NULL, NULL, FALSE, flags);
  properties[PROP_SHOW_TEAM] = g_param_spec_boolean ("show-team", NULL, NULL, TRUE, flags | G_PARAM_CONSTRUCT);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-card-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SamCardList, cards_box);
  gtk_widget_class_bind_template_child (widget_class, SamCardList, add_view);
  gtk_widget_class_bind_template_child (widget_class, SamCardList, placeholder_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  _sam_card_list_install_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sam_card_list_init (SamCardList *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (add_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->add_view), key);
  g_signal_connect_object (gtk_text_view_get_buffer (self->add_view), "changed",
                           G_CALLBACK (add_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->placeholder_label), -1);
}

/**
 * sam_card_list_new:
 * @kind: the card kind of the bucket, e.g. "change"
 * @team_id: the writing team of the bucket, or 0
 * @about_team_id: the team the cards are about, or 0
 * @parent_id: the card the cards belong to, or 0
 * @prompt: (nullable): the question the cards answer, or %NULL
 *
 * Makes an empty list for one bucket; set #SamCardList:store,
 * #SamCardList:workshop and #SamCardList:step to show its cards.
 *
 * Returns: (transfer floating): a new #SamCardList
 */
GtkWidget *
sam_card_list_new (const char *kind,
                   gint64      team_id,
                   gint64      about_team_id,
                   gint64      parent_id,
                   const char *prompt)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (SAM_TYPE_CARD_LIST,
                       "kind", kind,
                       "team-id", team_id,
                       "about-team-id", about_team_id,
                       "parent-id", parent_id,
                       "prompt", prompt,
                       NULL);
}

SamStore *
sam_card_list_get_store (SamCardList *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LIST (self), NULL);
  return self->store;
}

SamWorkshop *
sam_card_list_get_workshop (SamCardList *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LIST (self), NULL);
  return self->workshop;
}

SamStep *
sam_card_list_get_step (SamCardList *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LIST (self), NULL);
  return self->step;
}

const char *
sam_card_list_get_kind (SamCardList *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LIST (self), NULL);
  return self->kind;
}

gint64
sam_card_list_get_team_id (SamCardList *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LIST (self), 0);
  return self->team_id;
}

gint64
sam_card_list_get_parent_id (SamCardList *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LIST (self), 0);
  return self->parent_id;
}

/**
 * sam_card_list_set_placeholder:
 * @self: a #SamCardList
 * @placeholder: (nullable): the hint in the empty field, e.g. “A change around us…”
 */
void
sam_card_list_set_placeholder (SamCardList *self,
                               const char  *placeholder)
{
  g_return_if_fail (SAM_IS_CARD_LIST (self));

  if (placeholder == NULL)
    placeholder = _("Type a card and press Enter");
  if (g_strcmp0 (placeholder, gtk_label_get_text (self->placeholder_label)) == 0)
    return;

  gtk_label_set_text (self->placeholder_label, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
}

/**
 * sam_card_list_set_show_detail:
 * @self: a #SamCardList
 * @show_detail: whether each card shows its detail (when not empty) under its text
 */
void
sam_card_list_set_show_detail (SamCardList *self,
                               gboolean     show_detail)
{
  g_return_if_fail (SAM_IS_CARD_LIST (self));

  show_detail = !!show_detail;
  if (self->show_detail == show_detail)
    return;

  self->show_detail = show_detail;
  rebind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DETAIL]);
}

/**
 * sam_card_list_set_show_team:
 * @self: a #SamCardList
 * @show_team: whether each card shows its writing team's name (default
 *   %TRUE); hide it when the whole list is one team's and says so already
 */
/**
 * sam_card_list_set_new_values:
 * @self: a #SamCardList
 * @value: the `value` a card added here starts with
 * @response: the `response` a card added here starts with
 *
 * For buckets whose cards start with a meaning of their own (a belief at
 * middle strength, an owner's own card marked as added): the card is
 * stored with them at once, in the same transaction as its text.
 */
void
sam_card_list_set_new_values (SamCardList *self,
                              int          value,
                              int          response)
{
  g_return_if_fail (SAM_IS_CARD_LIST (self));

  self->new_value = value;
  self->new_response = response;
}

void
sam_card_list_set_show_team (SamCardList *self,
                             gboolean     show_team)
{
  g_return_if_fail (SAM_IS_CARD_LIST (self));

  show_team = !!show_team;
  if (self->show_team == show_team)
    return;

  self->show_team = show_team;
  rebind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TEAM]);
}

/**
 * sam_card_list_set_extra_func:
 * @self: a #SamCardList
 * @func: (nullable): makes the extra widget for each card
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when the list goes or @func is replaced
 *
 * Sets a function that adds a widget of the exercise's own to every card
 * (see #SamCardExtraFunc).  Existing rows are made again.
 */
void
sam_card_list_set_extra_func (SamCardList      *self,
                              SamCardExtraFunc  func,
                              gpointer          user_data,
                              GDestroyNotify    destroy)
{
  g_return_if_fail (SAM_IS_CARD_LIST (self));

  if (self->extra_destroy != NULL)
    g_clear_pointer (&self->extra_data, self->extra_destroy);
  self->extra_func = func;
  self->extra_data = user_data;
  self->extra_destroy = destroy;
  rebind (self);
}

/**
 * sam_card_list_set_filter_func:
 * @self: a #SamCardList
 * @func: (nullable): narrows the bucket further, e.g. to open cards only
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Call sam_card_list_refilter() when the answer of @func changes.
 */
void
sam_card_list_set_filter_func (SamCardList       *self,
                               SamCardFilterFunc  func,
                               gpointer           user_data,
                               GDestroyNotify     destroy)
{
  g_return_if_fail (SAM_IS_CARD_LIST (self));

  if (self->filter_destroy != NULL)
    g_clear_pointer (&self->filter_data, self->filter_destroy);
  self->filter_func = func;
  self->filter_data = user_data;
  self->filter_destroy = destroy;
  sam_card_list_refilter (self);
}

/**
 * sam_card_list_refilter:
 * @self: a #SamCardList
 *
 * Checks the bucket's cards against the filter function again, when its
 * answer changes.  (The bucket itself follows the cards' team, parent and
 * prompt.)
 */
void
sam_card_list_refilter (SamCardList *self)
{
  g_return_if_fail (SAM_IS_CARD_LIST (self));

  if (self->filtered == NULL)
    return;
  if ((self->filter_func != NULL) != (gtk_filter_list_model_get_filter (self->filtered) != NULL))
    rebind (self);
  else if (self->filter_func != NULL)
    gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * sam_card_list_get_cards:
 * @self: a #SamCardList
 *
 * Returns: (transfer none) (nullable): the live list of the #SamCard shown,
 *   in order, or %NULL while the list has no step
 */
GListModel *
sam_card_list_get_cards (SamCardList *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LIST (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

guint
sam_card_list_get_n_cards (SamCardList *self)
{
  g_return_val_if_fail (SAM_IS_CARD_LIST (self), 0);
  return self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
}

/**
 * sam_card_list_focus_card:
 * @self: a #SamCardList
 * @card: a card shown in the list
 *
 * Puts the text cursor in @card.
 *
 * Returns: %TRUE if @card is in the list
 */
gboolean
sam_card_list_focus_card (SamCardList *self,
                          SamCard     *card)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SAM_IS_CARD_LIST (self), FALSE);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->cards_box, i)) != NULL; i++)
    {
      GtkWidget *child = gtk_list_box_row_get_child (row);

      if (sam_card_row_get_card (SAM_CARD_ROW (child)) == card)
        {
          sam_card_row_focus_text (SAM_CARD_ROW (child));
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sam_card_list_focus_entry:
 * @self: a #SamCardList
 *
 * Puts the text cursor in the field for a new card.
 */
void
sam_card_list_focus_entry (SamCardList *self)
{
  g_return_if_fail (SAM_IS_CARD_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_view));
}
