/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-bucket.h"
#include "sam-card-tree.h"
#include "sam-clamp.h"
#include "sam-compat.h"
#include "sam-discover-common.h"
#include "sam-strengths-page.h"

/* "Strengths and challenges": per team, what it is good at and what it
 * struggles with, said by itself and seen by the others; then the
 * potential: a strength of one team linked to a challenge of another.
 * The links feed the relationship map.
 *
 * The shown team's cards are one #SamCardTree: per writer (the team
 * itself first, then each other team) a section for the strengths it
 * sees and one for the challenges (#SamStrengthsSection), each over the
 * store's live bucket and with a field for the next card. */

#define SAM_TYPE_STRENGTHS_SECTION (sam_strengths_section_get_type ())
G_DECLARE_FINAL_TYPE (SamStrengthsSection, sam_strengths_section, SAM, STRENGTHS_SECTION, GObject)

struct _SamStrengthsSection
{
  GObject parent_instance;

  const char *kind; /* "strength" or "challenge" */
  gint64 writer;
  gint64 about;
};

G_DEFINE_FINAL_TYPE (SamStrengthsSection, sam_strengths_section, G_TYPE_OBJECT)

static void
sam_strengths_section_class_init (SamStrengthsSectionClass *klass)
{
}

static void
sam_strengths_section_init (SamStrengthsSection *self)
{
}

static SamStrengthsSection *
strengths_section_new (const char *kind,
                       gint64      writer,
                       gint64      about)
{
  SamStrengthsSection *section = g_object_new (SAM_TYPE_STRENGTHS_SECTION, NULL);

  section->kind = g_str_equal (kind, "strength") ? "strength" : "challenge";
  section->writer = writer;
  section->about = about;
  return section;
}

struct _SamStrengthsPage
{
  SamExercisePage parent_instance;

  AdwViewStack *views;
  GtkDropDown *team_dropdown;
  GtkStringList *team_names;
  GtkBox *teams_content;
  GtkWidget *teams_top;
  GtkWidget *team_box;
  SamCardTree *tree;
  GListStore *sections;
  GtkDropDown *strength_dropdown;
  GtkStringList *strength_names;
  GtkDropDown *challenge_dropdown;
  GtkStringList *challenge_names;
  AdwEntryRow *note_row;
  GtkBox *potential_content;
  GtkWidget *potential_top;
  GtkListView *link_view;
  GtkFilterListModel *potential_links;
  GObject *potential_mark;
  guint n_cards;

  GListModel *teams;
  GListModel *links;
  SamCardWatch *watch;

  gint64 team_id;
  gint64 shown_team;
  GArray *strength_ids;
  GArray *challenge_ids;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (SamStrengthsPage, sam_strengths_page, SAM_TYPE_EXERCISE_PAGE)

static SamTeam *
team_at (SamStrengthsPage *self,
         guint             i)
{
  g_autoptr(SamTeam) team = g_list_model_get_item (self->teams, i);
  return team;
}

static guint
n_teams (SamStrengthsPage *self)
{
  return self->teams ? g_list_model_get_n_items (self->teams) : 0;
}

/* A section's heading: the kind, and who said it (a team's dot and its
 * name, so the colour is never the only sign). */
static GtkWidget *
header_new (gpointer user_data)
{
  return sam_discover_section_header_new (6, "discover-said-by");
}

static void
header_bind (GtkWidget *header,
             GObject   *object,
             gpointer   user_data)
{
  SamStrengthsPage *self = user_data;
  SamStrengthsSection *section = SAM_STRENGTHS_SECTION (object);
  SamTeam *writer = sam_discover_team_by_id (self->teams, section->writer);
  g_autofree char *said = NULL;

  if (section->writer == section->about)
    said = g_strdup (_("Said by the team itself"));
  else
    /* Translators: who wrote the cards below; %s is a team */
    said = g_strdup_printf (_("Seen by %s"), writer ? sam_team_get_name (writer) : "");
  sam_discover_section_header_set (header,
                                   g_str_equal (section->kind, "strength") ? _("Strengths") : _("Challenges"),
                                   said, writer);
}

static char *
placeholder_of (SamCardTree *tree,
                GObject     *object,
                SamCard     *parent,
                gpointer     user_data)
{
  SamStrengthsPage *self = user_data;
  SamStrengthsSection *section = SAM_STRENGTHS_SECTION (object);
  gboolean is_strength = g_str_equal (section->kind, "strength");
  SamTeam *writer;

  if (section->writer == section->about)
    return g_strdup (is_strength ? _("A strength we see in ourselves…") : _("A challenge we face…"));

  writer = sam_discover_team_by_id (self->teams, section->writer);
  /* Translators: %s is the team writing */
  return g_strdup_printf (is_strength ? _("A strength %s sees…") : _("A challenge %s sees…"),
                          writer ? sam_team_get_name (writer) : "");
}

static GListModel *
cards_of (SamCardTree *tree,
          GObject     *object,
          gpointer     user_data)
{
  SamStrengthsSection *section = SAM_STRENGTHS_SECTION (object);

  return sam_card_tree_get_bucket (tree, section->kind, section->writer, section->about, 0, NULL);
}

static gboolean
add_card (SamStrengthsPage *self,
          const char       *kind,
          gint64            writer,
          gint64            about,
          const char       *text)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  SamCardInit init = { 0 };

  if (step == NULL || (!g_str_equal (kind, "strength") && !g_str_equal (kind, "challenge")) ||
      sam_discover_team_index (self->teams, writer) < 0 ||
      sam_discover_team_index (self->teams, about) < 0 || *stripped == '\0')
    return FALSE;

  init.kind = kind;
  init.team_id = writer;
  init.about_team_id = about;
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
               GObject     *object,
               SamCard     *parent,
               const char  *text,
               gpointer     user_data)
{
  SamStrengthsSection *section = SAM_STRENGTHS_SECTION (object);

  return add_card (user_data, section->kind, section->writer, section->about, text);
}

/* The shown team's heading, and its sections: the team itself first,
 * then how each other team sees it. */
static void
rebuild_team (SamStrengthsPage *self,
              gboolean          force)
{
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);
  int about = sam_discover_team_index (self->teams, self->team_id);
  GtkWidget *heading;

  if (!force && self->shown_team == self->team_id)
    return;

  self->shown_team = self->team_id;
  sam_discover_clear_box (self->team_box);
  if (about < 0 || step == NULL)
    {
      GtkWidget *label = gtk_label_new (_("Add the teams taking part on the “Workshop and Teams” page first."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->team_box), label);
    }
  else
    {
      heading = sam_discover_team_badge_new (team_at (self, about), sam_team_get_name (team_at (self, about)));
      gtk_widget_add_css_class (gtk_widget_get_last_child (heading), "title-1");
      gtk_box_append (GTK_BOX (self->team_box), heading);

      for (guint i = 0; i <= n_teams (self); i++)
        {
          /* The team itself first (i == 0), then the others in order. */
          guint writer = i == 0 ? (guint) about : i - 1;

          if (i > 0 && writer == (guint) about)
            continue;
          g_ptr_array_add (sections, strengths_section_new ("strength", sam_team_get_id (team_at (self, writer)),
                                                            self->team_id));
          g_ptr_array_add (sections, strengths_section_new ("challenge", sam_team_get_id (team_at (self, writer)),
                                                            self->team_id));
        }
    }

  g_list_store_splice (self->sections, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sections)),
                       sections->pdata, sections->len);
}

static void
sync_team_dropdown (SamStrengthsPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (n_teams (self), NULL, TRUE);
  int index;

  for (guint i = 0; i < n_teams (self); i++)
    g_ptr_array_add (names, (char *) sam_team_get_name (team_at (self, i)));

  self->updating = TRUE;
  gtk_string_list_splice (self->team_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->team_names)),
                          (const char *const *) names->pdata);
  if (sam_discover_team_index (self->teams, self->team_id) < 0)
    self->team_id = n_teams (self) > 0 ? sam_team_get_id (team_at (self, 0)) : 0;
  index = sam_discover_team_index (self->teams, self->team_id);
  gtk_drop_down_set_selected (self->team_dropdown, index < 0 ? GTK_INVALID_LIST_POSITION : (guint) index);
  self->updating = FALSE;
}

static void
team_selected_cb (SamStrengthsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->team_dropdown);

  if (self->updating || selected >= n_teams (self))
    return;

  self->team_id = sam_team_get_id (team_at (self, selected));
  rebuild_team (self, FALSE);
}

static void
teams_changed_cb (SamStrengthsPage *self)
{
  sync_team_dropdown (self);
  rebuild_team (self, TRUE);
}

/* "Sales: answers the phone fast" */
static char *
card_label (SamStrengthsPage *self,
            SamCard          *card)
{
  g_autofree char *team = sam_discover_team_name (self->teams, sam_card_get_about_team_id (card));

  /* Translators: a team and one of its cards, in a drop-down: "Sales: fast answers" */
  return g_strdup_printf (_("%s: %s"), team, sam_card_get_text (card));
}

static void
fill_choices (SamStrengthsPage *self,
              GtkDropDown      *dropdown,
              GtkStringList    *names,
              GArray           *ids,
              const char       *kind)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  GListModel *cards = sam_store_get_cards (store, step);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 keep = selected < ids->len ? g_array_index (ids, gint64, selected) : 0;

  g_array_set_size (ids, 0);
  selected = GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      gint64 id = sam_card_get_id (card);

      if (g_strcmp0 (sam_card_get_kind (card), kind) != 0)
        continue;
      if (id == keep)
        selected = ids->len;
      g_array_append_val (ids, id);
      g_ptr_array_add (labels, card_label (self, card));
    }

  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (dropdown, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static void
trash_link (SamStrengthsPage *self,
            SamCardLink      *link)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 batch;

  if (!sam_store_trash_card_link (store, link, &batch, &error))
    sam_discover_report_error (GTK_WIDGET (self), error);
  else
    sam_discover_show_undo (GTK_WIDGET (self), _("Link removed"), batch);
}

/* The "Potential" view is one list view: its introduction and the choice
 * of a strength and a challenge first, then a row per link, bound to the
 * link and its two cards (made once per recycled row). */
typedef struct
{
  GtkWidget *swatch[2];
  GtkWidget *title[2];
  GtkWidget *text[2];
  GtkWidget *note;
  SamCardLink *link;
  SamCard *card[2];
  SamStrengthsPage *page;
} LinkView;

static void
link_view_free (gpointer data)
{
  LinkView *view = data;

  g_clear_object (&view->link);
  g_clear_object (&view->card[0]);
  g_clear_object (&view->card[1]);
  g_free (view);
}

static void
remove_clicked_cb (GtkButton *button,
                   LinkView  *view)
{
  if (view->link != NULL)
    trash_link (view->page, view->link);
}

static void
link_card_text_cb (GtkLabel   *text,
                   GParamSpec *pspec,
                   SamCard    *card)
{
  gtk_label_set_text (text, sam_card_get_text (card));
}

static GtkWidget *
link_side_new (LinkView *view,
               guint     side)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);

  view->swatch[side] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (view->swatch[side], GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (view->swatch[side], "team-swatch");
  view->title[side] = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (view->title[side]), 0);
  gtk_label_set_wrap (GTK_LABEL (view->title[side]), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (view->title[side]), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (badge), view->swatch[side]);
  gtk_box_append (GTK_BOX (badge), view->title[side]);
  gtk_box_append (GTK_BOX (box), badge);

  view->text[side] = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (view->text[side]), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (view->text[side]), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (view->text[side]), 0);
  gtk_widget_add_css_class (view->text[side], "discover-link-text");
  gtk_box_append (GTK_BOX (box), view->text[side]);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static GtkWidget *
link_widget_new (SamStrengthsPage *self)
{
  LinkView *view = g_new0 (LinkView, 1);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  view->page = self;
  gtk_box_append (GTK_BOX (box), link_side_new (view, 0));
  gtk_image_set_pixel_size (GTK_IMAGE (arrow), 32);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_box_append (GTK_BOX (box), link_side_new (view, 1));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Link"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), view);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_box_append (GTK_BOX (outer), box);

  view->note = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (view->note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (view->note), 0);
  gtk_widget_add_css_class (view->note, "discover-link-note");
  gtk_box_append (GTK_BOX (outer), view->note);

  gtk_widget_add_css_class (outer, "discover-link");
  gtk_widget_add_css_class (outer, "card");
  g_object_set_data_full (G_OBJECT (outer), "link-view", view, link_view_free);
  return outer;
}

static void
link_widget_unbind (GtkWidget *outer)
{
  LinkView *view = g_object_get_data (G_OBJECT (outer), "link-view");

  for (guint side = 0; side < 2; side++)
    {
      const char *colour = g_object_get_data (G_OBJECT (view->swatch[side]), "colour");

      if (view->card[side] != NULL)
        g_signal_handlers_disconnect_by_func (view->card[side], link_card_text_cb, view->text[side]);
      g_clear_object (&view->card[side]);
      if (colour != NULL)
        gtk_widget_remove_css_class (view->swatch[side], colour);
      g_object_set_data (G_OBJECT (view->swatch[side]), "colour", NULL);
    }
  g_clear_object (&view->link);
}

static void
link_widget_bind (GtkWidget   *outer,
                  SamCardLink *link)
{
  SamStrengthsPage *self;
  LinkView *view = g_object_get_data (G_OBJECT (outer), "link-view");
  SamStore *store;
  SamStep *step;
  const char *note = sam_card_link_get_note (link);
  gint64 ids[2] = { sam_card_link_get_from_card_id (link), sam_card_link_get_to_card_id (link) };

  link_widget_unbind (outer);
  self = view->page;
  store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  view->link = g_object_ref (link);

  for (guint side = 0; side < 2; side++)
    {
      SamCard *card = store && step ? sam_store_find_card (store, step, ids[side]) : NULL;
      gint64 about = card ? sam_card_get_about_team_id (card) : 0;
      SamTeam *team = sam_discover_team_by_id (self->teams, about);
      g_autofree char *name = sam_discover_team_name (self->teams, about);
      g_autofree char *title = NULL;

      if (card == NULL)
        continue;

      if (side == 0)
        /* Translators: above a strength in a link; %s is the team it belongs to */
        title = g_strdup_printf (_("Strength of %s"), name);
      else
        /* Translators: above a challenge in a link; %s is the team it belongs to */
        title = g_strdup_printf (_("Challenge of %s"), name);
      gtk_label_set_text (GTK_LABEL (view->title[side]), title);

      /* The team's colour; the customer's when the team is gone. */
      g_object_set_data_full (G_OBJECT (view->swatch[side]), "colour",
                              team ? g_strdup_printf ("team-colour-%u", sam_team_get_colour (team))
                                   : g_strdup ("customer-swatch"), g_free);
      gtk_widget_add_css_class (view->swatch[side], g_object_get_data (G_OBJECT (view->swatch[side]), "colour"));

      view->card[side] = g_object_ref (card);
      gtk_label_set_text (GTK_LABEL (view->text[side]), sam_card_get_text (card));
      g_signal_connect_object (card, "notify::text", G_CALLBACK (link_card_text_cb), view->text[side],
                               G_CONNECT_SWAPPED);
    }

  gtk_label_set_text (GTK_LABEL (view->note), note ? note : "");
  gtk_widget_set_visible (view->note, note != NULL && *note != '\0');
}

static void
link_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SamStrengthsPage         *self)
{
  GtkWidget *bin = adw_bin_new ();

  gtk_widget_add_css_class (bin, "sam-link-item");
  gtk_list_item_set_child (item, bin);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
link_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SamStrengthsPage         *self)
{
  GtkWidget *bin = gtk_list_item_get_child (item);
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (bin));

  /* The row with the choices is one widget, moved into whichever row
   * shows it; a link's row keeps its widget for the next link. */
  if (object == self->potential_mark)
    adw_bin_set_child (ADW_BIN (bin), self->potential_top);
  else
    {
      if (child == NULL || child == self->potential_top)
        adw_bin_set_child (ADW_BIN (bin), (child = link_widget_new (self)));
      link_widget_bind (child, SAM_CARD_LINK (object));
    }
  sam_compat_list_item_set_unfocusable (item);
}

static void
link_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SamStrengthsPage         *self)
{
  GtkWidget *bin = gtk_list_item_get_child (item);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (bin));

  if (child == self->potential_top)
    adw_bin_set_child (ADW_BIN (bin), NULL);
  else if (child != NULL)
    link_widget_unbind (child);
}

/* The links shown: potential, with both cards still there. */
static gboolean
potential_link_cb (gpointer item,
                   gpointer user_data)
{
  SamStrengthsPage *self = user_data;
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  SamCardLink *link = item;

  return store != NULL && step != NULL &&
         g_strcmp0 (sam_card_link_get_kind (link), "potential") == 0 &&
         sam_store_find_card (store, step, sam_card_link_get_from_card_id (link)) != NULL &&
         sam_store_find_card (store, step, sam_card_link_get_to_card_id (link)) != NULL;
}

static void
update_choices (SamStrengthsPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  guint n_cards;
  GtkFilter *filter;

  if (step == NULL || store == NULL)
    return;

  fill_choices (self, self->strength_dropdown, self->strength_names, self->strength_ids, "strength");
  fill_choices (self, self->challenge_dropdown, self->challenge_names, self->challenge_ids, "challenge");

  /* A card deleted (or back from the bin) hides or shows its links. */
  n_cards = g_list_model_get_n_items (sam_store_get_cards (store, step));
  if (n_cards != self->n_cards)
    {
      self->n_cards = n_cards;
      filter = gtk_filter_list_model_get_filter (self->potential_links);
      gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
    }
}

static void
cards_changed_cb (SamStrengthsPage *self)
{
  update_choices (self);
}

/**
 * sam_strengths_page_link:
 * @self: a #SamStrengthsPage
 * @strength: a "strength" card of the step
 * @challenge: a "challenge" card of the step, about another team
 * @note: (nullable): how the strength could help
 * @error: return location for a #GError
 *
 * Links @strength to @challenge as potential.  A strength and a challenge
 * of the same team are refused (%SAM_STORE_ERROR_INVALID) with a reason.
 *
 * Returns: (transfer none) (nullable): the new link
 */
SamCardLink *
sam_strengths_page_link (SamStrengthsPage  *self,
                         SamCard           *strength,
                         SamCard           *challenge,
                         const char        *note,
                         GError           **error)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));

  g_return_val_if_fail (SAM_IS_STRENGTHS_PAGE (self), NULL);
  g_return_val_if_fail (SAM_IS_CARD (strength) && SAM_IS_CARD (challenge), NULL);

  if (g_strcmp0 (sam_card_get_kind (strength), "strength") != 0 ||
      g_strcmp0 (sam_card_get_kind (challenge), "challenge") != 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("Choose a strength first and then a challenge."));
      return NULL;
    }

  if (sam_card_get_about_team_id (strength) == sam_card_get_about_team_id (challenge))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("Link a strength to a challenge of another team, not of the same team."));
      return NULL;
    }

  return sam_store_add_card_link (store, step, "potential", strength, challenge, note, error);
}

static void
link_cards (SamStrengthsPage *self,
            gint64            strength_id,
            gint64            challenge_id,
            const char       *note)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  SamCard *strength, *challenge;

  if (step == NULL)
    return;

  strength = sam_store_find_card (store, step, strength_id);
  challenge = sam_store_find_card (store, step, challenge_id);
  if (strength == NULL || challenge == NULL)
    {
      g_set_error_literal (&error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("Choose a strength and a challenge to link. Write them first on the "
                             "“Strengths and Challenges” view."));
      sam_discover_report_error (GTK_WIDGET (self), error);
      return;
    }

  if (sam_strengths_page_link (self, strength, challenge, note, &error) == NULL)
    sam_discover_report_error (GTK_WIDGET (self), error);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  const char *note;
  gint64 strength, challenge;

  g_variant_get (param, "(xx&s)", &strength, &challenge, &note);
  link_cards (SAM_STRENGTHS_PAGE (widget), strength, challenge, note);
}

static void
link_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SamStrengthsPage *self = SAM_STRENGTHS_PAGE (widget);
  guint s = gtk_drop_down_get_selected (self->strength_dropdown);
  guint c = gtk_drop_down_get_selected (self->challenge_dropdown);

  link_cards (self,
              s < self->strength_ids->len ? g_array_index (self->strength_ids, gint64, s) : 0,
              c < self->challenge_ids->len ? g_array_index (self->challenge_ids, gint64, c) : 0,
              gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamStrengthsPage *self = SAM_STRENGTHS_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);

  for (guint i = 0; self->links != NULL && i < g_list_model_get_n_items (self->links); i++)
    {
      g_autoptr(SamCardLink) item = g_list_model_get_item (self->links, i);

      if (sam_card_link_get_id (item) == id)
        {
          trash_link (self, item);
          return;
        }
    }
}

/* strengths.add ((sxxs)): kind ("strength" or "challenge"), who says it,
 * which team it belongs to, the text. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  const char *kind, *text;
  gint64 writer, about;

  g_variant_get (param, "(&sxx&s)", &kind, &writer, &about, &text);
  add_card (SAM_STRENGTHS_PAGE (widget), kind, writer, about, text);
}

static void
show_team_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SamStrengthsPage *self = SAM_STRENGTHS_PAGE (widget);

  if (sam_discover_team_index (self->teams, g_variant_get_int64 (param)) < 0)
    return;

  self->team_id = g_variant_get_int64 (param);
  sync_team_dropdown (self);
  rebuild_team (self, FALSE);
  adw_view_stack_set_visible_child_name (self->views, "teams");
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  adw_view_stack_set_visible_child_name (SAM_STRENGTHS_PAGE (widget)->views, g_variant_get_string (param, NULL));
}

/* Only a new step reloads the page: the step view sets the store and the
 * workshop before it. */
static void
sam_strengths_page_context_changed (SamExercisePage *page,
                                    SamStore        *old_store,
                                    SamWorkshop     *old_workshop,
                                    SamStep         *old_step)
{
  SamStrengthsPage *self = (SamStrengthsPage *)page;
  SamStore *store = sam_exercise_page_get_store (page);
  SamWorkshop *workshop = sam_exercise_page_get_workshop (page);
  SamStep *step = sam_exercise_page_get_step (page);
  gboolean live;

  if (step == old_step)
    return;

  live = store != NULL && workshop != NULL && step != NULL;
  sam_card_tree_set_context (self->tree, NULL, NULL, NULL, NULL);
  sam_discover_set_list (&self->teams, live ? sam_store_get_teams (store, workshop) : NULL,
                         G_CALLBACK (teams_changed_cb), self);
  g_clear_object (&self->links);
  if (live)
    self->links = g_object_ref (sam_store_get_card_links (store, step));
  sam_card_watch_set_model (self->watch, live ? sam_store_get_cards (store, step) : NULL);
  teams_changed_cb (self);
  self->n_cards = G_MAXUINT;
  gtk_filter_list_model_set_model (self->potential_links, self->links);
  update_choices (self);
  if (live)
    sam_card_tree_set_context (self->tree, store, workshop, step, G_LIST_MODEL (self->sections));
}

static void
sam_strengths_page_dispose (GObject *object)
{
  SamStrengthsPage *self = (SamStrengthsPage *)object;
  GtkWidget *potential_top;

  g_clear_object (&self->watch); /* its dispose stops watching */
  if (self->tree != NULL)
    sam_card_tree_set_context (self->tree, NULL, NULL, NULL, NULL);
  sam_discover_set_list (&self->teams, NULL, G_CALLBACK (teams_changed_cb), self);
  g_clear_object (&self->links);
  if (self->link_view != NULL)
    gtk_list_view_set_model (self->link_view, NULL);
  self->link_view = NULL;
  self->potential_links = NULL;
  /* Ours since it left the template's box; taken before the template's
   * dispose, which sets the field to NULL. */
  potential_top = g_steal_pointer (&self->potential_top);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_STRENGTHS_PAGE);
  g_clear_object (&potential_top);
  g_clear_object (&self->potential_mark);
  self->tree = NULL;
  g_clear_object (&self->sections);

  G_OBJECT_CLASS (sam_strengths_page_parent_class)->dispose (object);
}

static void
sam_strengths_page_finalize (GObject *object)
{
  SamStrengthsPage *self = (SamStrengthsPage *)object;

  g_array_unref (self->strength_ids);
  g_array_unref (self->challenge_ids);

  G_OBJECT_CLASS (sam_strengths_page_parent_class)->finalize (object);
}

static void
sam_strengths_page_class_init (SamStrengthsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_strengths_page_dispose;
  object_class->finalize = sam_strengths_page_finalize;
  page_class->context_changed = sam_strengths_page_context_changed;

  g_type_ensure (SAM_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-strengths-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, views);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, team_names);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, teams_content);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, teams_top);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, team_box);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, strength_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, strength_names);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, challenge_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, challenge_names);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, potential_content);
  gtk_widget_class_bind_template_child (widget_class, SamStrengthsPage, potential_top);

  gtk_widget_class_install_action (widget_class, "strengths.add", "(sxxs)", add_action);
  gtk_widget_class_install_action (widget_class, "strengths.link", "(xxs)", link_action);
  gtk_widget_class_install_action (widget_class, "strengths.link-selected", NULL, link_selected_action);
  gtk_widget_class_install_action (widget_class, "strengths.unlink", "x", unlink_action);
  gtk_widget_class_install_action (widget_class, "strengths.show-team", "x", show_team_action);
  gtk_widget_class_install_action (widget_class, "strengths.show-view", "s", show_view_action);

}

/* The choices and the links: one list view over the choices' row and
 * the potential links, in a clamp like the cards view's. */
static void
potential_init (SamStrengthsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *clamp = adw_clamp_scrollable_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GListStore *top = g_list_store_new (G_TYPE_OBJECT);
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkCustomFilter *filter = gtk_custom_filter_new (potential_link_cb, self, NULL);

  g_object_ref (self->potential_top);
  gtk_box_remove (self->potential_content, self->potential_top);

  self->potential_mark = g_object_new (G_TYPE_OBJECT, NULL);
  g_list_store_append (top, self->potential_mark);
  self->potential_links = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  g_list_store_append (parts, top);
  g_list_store_append (parts, self->potential_links);
  g_object_unref (top);
  g_object_unref (self->potential_links); /* the list of parts holds it */

  g_signal_connect (factory, "setup", G_CALLBACK (link_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (link_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (link_unbind_cb), self);
  self->link_view = GTK_LIST_VIEW (gtk_list_view_new (
    GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts))))),
    factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->link_view), "sam-links");
  gtk_widget_add_css_class (GTK_WIDGET (self->link_view), "sam-page-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Strengths linked to challenges"), -1);

  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 1100);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 900);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->link_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (self->potential_content, scroller);
}

static void
sam_strengths_page_init (SamStrengthsPage *self)
{
  SamCardTreeSpec spec = {
    .header_new = header_new,
    .header_bind = header_bind,
    .parents = cards_of,
    .add = add_from_tree,
    .placeholder = placeholder_of,
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sections = g_list_store_new (SAM_TYPE_STRENGTHS_SECTION);
  /* The choice of the team and its name are the list's first row. */
  self->tree = sam_card_tree_new_in_box (&spec, self, _("Strengths and Challenges"), self->teams_content,
                                         self->teams_top);

  potential_init (self);

  self->strength_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->challenge_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shown_team = -1;
  self->watch = sam_card_watch_new (G_CALLBACK (cards_changed_cb), self);
  g_signal_connect_object (self->team_dropdown, "notify::selected",
                           G_CALLBACK (team_selected_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sam_strengths_page_get_tree:
 * @self: a #SamStrengthsPage
 *
 * Returns: (transfer none): the shown team's strengths and challenges,
 *   one list
 */
SamCardTree *
sam_strengths_page_get_tree (SamStrengthsPage *self)
{
  g_return_val_if_fail (SAM_IS_STRENGTHS_PAGE (self), NULL);
  return self->tree;
}

/**
 * sam_strengths_page_find_section:
 * @self: a #SamStrengthsPage
 * @kind: "strength" or "challenge"
 * @writer: the team that writes
 *
 * Returns: (transfer none) (nullable): the section of @writer's cards of
 *   @kind about the shown team (for sam_card_tree_show_entry())
 */
GObject *
sam_strengths_page_find_section (SamStrengthsPage *self,
                                 const char       *kind,
                                 gint64            writer)
{
  guint n;

  g_return_val_if_fail (SAM_IS_STRENGTHS_PAGE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamStrengthsSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      if (section->writer == writer && g_strcmp0 (section->kind, kind) == 0)
        return G_OBJECT (section);
    }

  return NULL;
}
