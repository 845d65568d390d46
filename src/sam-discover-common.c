/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-discover-common.h"
#include "sam-window.h"

/**
 * sam_discover_report_error:
 * @widget: a widget inside the window
 * @error: what went wrong
 *
 * Shows @error in words a coach understands: a refused entry as a toast,
 * anything else as a dialog.
 */
void
sam_discover_report_error (GtkWidget    *widget,
                           const GError *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, SAM_TYPE_WINDOW);

  if (window != NULL)
    sam_window_show_error (SAM_WINDOW (window), error);
  else
    g_message ("%s", error->message);
}

/**
 * sam_discover_show_undo:
 * @widget: a widget inside the window
 * @message: what was deleted
 * @batch: the trash batch Undo restores
 */
void
sam_discover_show_undo (GtkWidget  *widget,
                        const char *message,
                        gint64      batch)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, SAM_TYPE_WINDOW);

  if (window != NULL)
    sam_window_show_undo_toast (SAM_WINDOW (window), message, batch);
}

/**
 * sam_discover_swatch_new:
 * @team: (nullable): a team, or %NULL for the customer
 *
 * Returns: (transfer floating): a round dot in @team's colour
 */
GtkWidget *
sam_discover_swatch_new (SamTeam *team)
{
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (swatch, "team-swatch");
  sam_discover_swatch_set_team (swatch, team);
  return swatch;
}

/**
 * sam_discover_swatch_set_team:
 * @swatch: a dot from sam_discover_swatch_new(), perhaps on a recycled row
 * @team: (nullable): a team, or %NULL for the customer
 *
 * Gives @swatch @team's colour in place of the one it had.
 */
void
sam_discover_swatch_set_team (GtkWidget *swatch,
                              SamTeam   *team)
{
  const char *old = g_object_get_data (G_OBJECT (swatch), "colour");
  char *css = team ? g_strdup_printf ("team-colour-%u", sam_team_get_colour (team)) : g_strdup ("customer-swatch");

  if (old != NULL)
    gtk_widget_remove_css_class (swatch, old);
  gtk_widget_add_css_class (swatch, css);
  g_object_set_data_full (G_OBJECT (swatch), "colour", css, g_free);
}

/**
 * sam_discover_team_badge_new:
 * @team: (nullable): a team, or %NULL for the customer
 * @text: what to say; plain text, never markup
 *
 * Returns: (transfer floating): @text after a dot in @team's colour, so
 *   the colour is never the only sign of the team
 */
GtkWidget *
sam_discover_team_badge_new (SamTeam    *team,
                             const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), sam_discover_swatch_new (team));
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/**
 * sam_discover_section_title:
 * @text: plain text
 *
 * Returns: (transfer floating): a heading for a part of a page
 */
GtkWidget *
sam_discover_section_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-3");
  return label;
}

/**
 * sam_discover_section_header_new:
 * @spacing: the space between the title and the badge
 * @badge_class: the badge's style class
 *
 * A section's heading in a card tree: a title over a team's badge (its
 * dot and a line saying who wrote the cards), made once per recycled row
 * and filled in by sam_discover_section_header_set().
 *
 * Returns: (transfer floating): the heading
 */
GtkWidget *
sam_discover_section_header_new (int         spacing,
                                 const char *badge_class)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);
  GtkWidget *title = sam_discover_section_title (NULL);
  GtkWidget *badge = sam_discover_team_badge_new (NULL, NULL);

  gtk_widget_add_css_class (badge, badge_class);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), badge);
  g_object_set_data (G_OBJECT (header), "title", title);
  g_object_set_data (G_OBJECT (header), "swatch", gtk_widget_get_first_child (badge));
  g_object_set_data (G_OBJECT (header), "said", gtk_widget_get_last_child (badge));
  return header;
}

/**
 * sam_discover_section_header_set:
 * @header: a heading from sam_discover_section_header_new()
 * @title: (nullable): the title, or %NULL to show none
 * @said: who wrote the cards, as plain text
 * @team: (nullable): the team whose dot goes before @said, or %NULL for
 *   the customer
 */
void
sam_discover_section_header_set (GtkWidget  *header,
                                 const char *title,
                                 const char *said,
                                 SamTeam    *team)
{
  GtkWidget *title_label = g_object_get_data (G_OBJECT (header), "title");

  gtk_label_set_text (GTK_LABEL (title_label), title ? title : "");
  gtk_widget_set_visible (title_label, title != NULL);
  gtk_label_set_text (g_object_get_data (G_OBJECT (header), "said"), said);
  sam_discover_swatch_set_team (g_object_get_data (G_OBJECT (header), "swatch"), team);
}

/**
 * sam_discover_bind_step:
 * @page: an exercise page with "store", "workshop" and "step"
 * @list: a #SamCardList
 *
 * Makes @list follow the page's store, workshop and step.
 */
void
sam_discover_bind_step (GtkWidget *page,
                        GtkWidget *list)
{
  g_object_bind_property (page, "store", list, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "workshop", list, "workshop", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "step", list, "step", G_BINDING_SYNC_CREATE);
}

/**
 * sam_discover_clear_box:
 * @box: a #GtkBox
 *
 * Removes every child of @box.
 */
void
sam_discover_clear_box (GtkWidget *box)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (box)) != NULL;)
    gtk_box_remove (GTK_BOX (box), child);
}

/**
 * sam_discover_refresh_text_sizes:
 * @root: a page
 *
 * Asks every text view under @root to measure itself again.  On GTK 4.8 a
 * card's GtkTextView that gets its text while it sits in a view stack can
 * keep a height of 0 (the text is there but not drawn) until something
 * resizes it; the pages call this after their cards change.
 */
void
sam_discover_refresh_text_sizes (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TEXT_VIEW (child))
        gtk_widget_queue_resize (child);
      else
        sam_discover_refresh_text_sizes (child);
    }
}

/**
 * sam_discover_team_by_id:
 * @teams: a workshop's teams
 * @id: a team id
 *
 * Returns: (transfer none) (nullable): the team, or %NULL
 */
SamTeam *
sam_discover_team_by_id (GListModel *teams,
                         gint64      id)
{
  int index = sam_discover_team_index (teams, id);
  g_autoptr(SamTeam) team = NULL;

  if (index < 0)
    return NULL;

  team = g_list_model_get_item (teams, (guint) index);
  return team;
}

/**
 * sam_discover_team_index:
 * @teams: (nullable): a workshop's teams
 * @id: a team id
 *
 * Returns: the position of the team in @teams, or -1
 */
int
sam_discover_team_index (GListModel *teams,
                         gint64      id)
{
  guint n = teams ? g_list_model_get_n_items (teams) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (sam_team_get_id (team) == id)
        return (int) i;
    }

  return -1;
}

/**
 * sam_discover_team_name:
 * @teams: a workshop's teams
 * @id: a team id, or 0 for the customer
 *
 * Returns: (transfer full): the team's name, "the customer" for 0, or
 *   "a removed team" when the team no longer exists
 */
char *
sam_discover_team_name (GListModel *teams,
                        gint64      id)
{
  SamTeam *team;

  if (id == 0)
    return g_strdup (_("The customer"));

  team = sam_discover_team_by_id (teams, id);
  if (team == NULL)
    return g_strdup (_("A removed team"));

  return g_strdup (sam_team_get_name (team));
}

/**
 * sam_discover_set_list:
 * @field: where a page keeps a list it follows
 * @model: (nullable): the list to follow now
 * @callback: called, swapped, with @user_data on "items-changed"
 * @user_data: the page
 *
 * Replaces the list in @field, moving the "items-changed" handler from the
 * old list to @model.
 */
void
sam_discover_set_list (GListModel **field,
                       GListModel  *model,
                       GCallback    callback,
                       gpointer     user_data)
{
  if (*field == model)
    return;

  if (*field != NULL)
    g_signal_handlers_disconnect_by_func (*field, callback, user_data);
  g_set_object (field, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", callback, user_data, G_CONNECT_SWAPPED);
}

/* Calls back, once per main loop turn, when the cards of a step change in
 * any way: added, removed, moved, or a property edited (a response, a
 * value).  Pages use it to keep their summaries right. */
struct _SamCardWatch
{
  GObject parent_instance;

  GListModel *cards;
  GHashTable *watched;
  GCallback callback;
  gpointer user_data;
  guint idle_id;
};

G_DEFINE_FINAL_TYPE (SamCardWatch, sam_card_watch, G_TYPE_OBJECT)

static gboolean
fire_cb (gpointer data)
{
  SamCardWatch *self = data;

  self->idle_id = 0;
  ((void (*) (gpointer)) self->callback) (self->user_data);
  return G_SOURCE_REMOVE;
}

static void
schedule (SamCardWatch *self)
{
  /* Ahead of layout and drawing, so the page is never a frame behind. */
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fire_cb, self, NULL);
}

static void
unwatch_all (SamCardWatch *self)
{
  GHashTableIter iter;
  gpointer card;

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    g_signal_handlers_disconnect_by_func (card, schedule, self);
  g_hash_table_remove_all (self->watched);
}

static void
items_changed_cb (SamCardWatch *self)
{
  guint n = g_list_model_get_n_items (self->cards);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) card = g_list_model_get_item (self->cards, i);

      if (!g_hash_table_contains (self->watched, card))
        {
          g_hash_table_add (self->watched, g_object_ref (card));
          g_signal_connect_swapped (card, "notify", G_CALLBACK (schedule), self);
        }
    }
  schedule (self);
}

static void
sam_card_watch_dispose (GObject *object)
{
  SamCardWatch *self = SAM_CARD_WATCH (object);

  sam_card_watch_set_model (self, NULL);
  g_clear_handle_id (&self->idle_id, g_source_remove);

  G_OBJECT_CLASS (sam_card_watch_parent_class)->dispose (object);
}

static void
sam_card_watch_finalize (GObject *object)
{
  SamCardWatch *self = SAM_CARD_WATCH (object);

  g_hash_table_unref (self->watched);

  G_OBJECT_CLASS (sam_card_watch_parent_class)->finalize (object);
}

static void
sam_card_watch_class_init (SamCardWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_card_watch_dispose;
  object_class->finalize = sam_card_watch_finalize;
}

static void
sam_card_watch_init (SamCardWatch *self)
{
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/**
 * sam_card_watch_new:
 * @callback: a `void (*) (gpointer user_data)` to call after changes
 * @user_data: its argument; must outlive the watch
 *
 * Returns: (transfer full): a new watch, not watching anything yet
 */
SamCardWatch *
sam_card_watch_new (GCallback callback,
                    gpointer  user_data)
{
  SamCardWatch *self = g_object_new (SAM_TYPE_CARD_WATCH, NULL);

  self->callback = callback;
  self->user_data = user_data;
  return self;
}

/**
 * sam_card_watch_set_model:
 * @self: a #SamCardWatch
 * @cards: (nullable): a step's live cards
 */
void
sam_card_watch_set_model (SamCardWatch *self,
                          GListModel   *cards)
{
  g_return_if_fail (SAM_IS_CARD_WATCH (self));

  if (self->cards == cards)
    return;

  if (self->cards != NULL)
    g_signal_handlers_disconnect_by_func (self->cards, items_changed_cb, self);
  unwatch_all (self);
  g_set_object (&self->cards, cards);

  if (cards != NULL)
    {
      g_signal_connect_swapped (cards, "items-changed", G_CALLBACK (items_changed_cb), self);
      items_changed_cb (self);
    }
}
