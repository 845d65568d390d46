/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-beliefs-page.h"
#include "sam-card-tree.h"
#include "sam-discover-common.h"

/* "Us versus them": what one team believes about another team or about
 * the customer, and how strongly each belief lives (1 to 5).  Grouped by
 * who believes it about whom; the relationship map reads the same cards.
 *
 * The page is one #SamCardTree: a section per pair (a #SamBeliefPair),
 * its beliefs (the store's live bucket of the pair) each with five dots
 * for its strength, and a field for the pair's next belief.  The choice
 * of a new pair sits above them, as the list's first row. */

#define SAM_TYPE_BELIEF_PAIR (sam_belief_pair_get_type ())
G_DECLARE_FINAL_TYPE (SamBeliefPair, sam_belief_pair, SAM, BELIEF_PAIR, GObject)

struct _SamBeliefPair
{
  GObject parent_instance;

  gint64 holder;
  gint64 about; /* 0: the customer */
};

G_DEFINE_FINAL_TYPE (SamBeliefPair, sam_belief_pair, G_TYPE_OBJECT)

static void
sam_belief_pair_class_init (SamBeliefPairClass *klass)
{
}

static void
sam_belief_pair_init (SamBeliefPair *self)
{
}

static SamBeliefPair *
belief_pair_new (gint64 holder,
                 gint64 about)
{
  SamBeliefPair *pair = g_object_new (SAM_TYPE_BELIEF_PAIR, NULL);

  pair->holder = holder;
  pair->about = about;
  return pair;
}

struct _SamBeliefsPage
{
  SamExercisePage parent_instance;

  GtkBox *content;
  GtkWidget *top;
  GtkDropDown *holder_dropdown;
  GtkStringList *holder_names;
  GtkDropDown *about_dropdown;
  GtkStringList *about_names;
  SamCardTree *tree;

  GListStore *pairs;
  GListModel *teams;
  GListModel *cards;
  guint cards_idle;

  gint64 holder_id;
  gint64 about_id;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (SamBeliefsPage, sam_beliefs_page, SAM_TYPE_EXERCISE_PAGE)

/**
 * sam_belief_strength_to_words:
 * @strength: 1 to 5
 *
 * Returns: how strongly a belief lives, in words
 */
const char *
sam_belief_strength_to_words (int strength)
{
  switch (CLAMP (strength, SAM_BELIEF_MIN_STRENGTH, SAM_BELIEF_MAX_STRENGTH))
    {
    case 1: return _("Barely lives");
    case 2: return _("Heard now and then");
    case 3: return _("Lives clearly");
    case 4: return _("Lives strongly");
    default: return _("Everyone believes it");
    }
}

static SamTeam *
team_at (SamBeliefsPage *self,
         guint           i)
{
  g_autoptr(SamTeam) team = g_list_model_get_item (self->teams, i);
  return team;
}

static guint
n_teams (SamBeliefsPage *self)
{
  return self->teams ? g_list_model_get_n_items (self->teams) : 0;
}

static gboolean
set_strength (SamBeliefsPage *self,
              SamCard        *card,
              int             strength)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (strength < SAM_BELIEF_MIN_STRENGTH || strength > SAM_BELIEF_MAX_STRENGTH)
    {
      g_set_error (&error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("How strongly a belief lives goes from %d to %d."),
                   SAM_BELIEF_MIN_STRENGTH, SAM_BELIEF_MAX_STRENGTH);
      sam_discover_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  if (sam_card_get_value (card) != strength &&
      !sam_store_set_card_int (store, card, SAM_CARD_FIELD_VALUE, strength, &error))
    {
      sam_discover_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  return TRUE;
}

/* --- A belief's strength: five dots, made once per recycled row -------- */

static void
dot_clicked_cb (GtkButton      *dot,
                SamBeliefsPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamCard *card = g_object_get_data (G_OBJECT (gtk_widget_get_parent (GTK_WIDGET (dot))), "card");

  if (store != NULL && card != NULL)
    set_strength (self, card, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dot), "strength")));
}

static void
sync_strength (GtkWidget  *box,
               GParamSpec *pspec,
               SamCard    *card)
{
  GtkLabel *words = g_object_get_data (G_OBJECT (box), "words");
  int value = sam_card_get_value (card);
  int i = 1;

  for (GtkWidget *dot = gtk_widget_get_first_child (box); dot != NULL; dot = gtk_widget_get_next_sibling (dot))
    {
      if (!GTK_IS_BUTTON (dot))
        continue;
      if (i <= value)
        gtk_widget_add_css_class (gtk_button_get_child (GTK_BUTTON (dot)), "filled");
      else
        gtk_widget_remove_css_class (gtk_button_get_child (GTK_BUTTON (dot)), "filled");
      i++;
    }
  gtk_label_set_text (words, value >= SAM_BELIEF_MIN_STRENGTH ? sam_belief_strength_to_words (value) : "");
}

/* Under each belief: five dots to click and the strength in words. */
static GtkWidget *
strength_new (gpointer user_data)
{
  SamBeliefsPage *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *words = gtk_label_new (NULL);

  for (int i = SAM_BELIEF_MIN_STRENGTH; i <= SAM_BELIEF_MAX_STRENGTH; i++)
    {
      GtkWidget *dot = gtk_button_new ();
      GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *label = NULL;

      gtk_widget_add_css_class (mark, "belief-dot");
      gtk_button_set_child (GTK_BUTTON (dot), mark);
      gtk_widget_add_css_class (dot, "flat");
      gtk_widget_add_css_class (dot, "circular");
      /* Translators: a button that sets how strongly a belief lives */
      label = g_strdup_printf (_("Strength %d of %d: %s"), i, SAM_BELIEF_MAX_STRENGTH,
                               sam_belief_strength_to_words (i));
      gtk_widget_set_tooltip_text (dot, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (dot), "strength", GINT_TO_POINTER (i));
      g_signal_connect_object (dot, "clicked", G_CALLBACK (dot_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), dot);
    }

  gtk_widget_set_margin_start (words, 10);
  gtk_widget_add_css_class (words, "belief-strength");
  gtk_box_append (GTK_BOX (box), words);
  g_object_set_data (G_OBJECT (box), "words", words);
  return box;
}

static void
strength_unbind (GtkWidget *box,
                 gpointer   user_data)
{
  SamCard *card = g_object_get_data (G_OBJECT (box), "card");

  if (card != NULL)
    g_signal_handlers_disconnect_by_func (card, sync_strength, box);
  g_object_set_data (G_OBJECT (box), "card", NULL);
}

static void
strength_bind (GtkWidget *box,
               SamCard   *card,
               gpointer   user_data)
{
  strength_unbind (box, user_data);
  g_object_set_data_full (G_OBJECT (box), "card", g_object_ref (card), g_object_unref);
  g_signal_connect_object (card, "notify::value", G_CALLBACK (sync_strength), box, G_CONNECT_SWAPPED);
  sync_strength (box, NULL, card);
}

/* --- A pair's heading ---------------------------------------------------- */

static char *
pair_title (SamBeliefsPage *self,
            gint64          holder,
            gint64          about)
{
  g_autofree char *holder_name = sam_discover_team_name (self->teams, holder);
  g_autofree char *about_name = NULL;

  if (about == 0)
    /* Translators: a heading over beliefs; %s is the team that holds them */
    return g_strdup_printf (_("%s believes about the customer"), holder_name);

  about_name = sam_discover_team_name (self->teams, about);
  /* Translators: a heading over beliefs; "Sales believes about IT" */
  return g_strdup_printf (_("%s believes about %s"), holder_name, about_name);
}

static GtkWidget *
header_new (gpointer user_data)
{
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *holder = sam_discover_swatch_new (NULL);
  GtkWidget *about = sam_discover_swatch_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (heading), holder);
  gtk_box_append (GTK_BOX (heading), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_box_append (GTK_BOX (heading), about);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "belief-pair");
  gtk_box_append (GTK_BOX (heading), label);
  gtk_widget_add_css_class (heading, "belief-pair-heading");
  g_object_set_data (G_OBJECT (heading), "holder", holder);
  g_object_set_data (G_OBJECT (heading), "about", about);
  g_object_set_data (G_OBJECT (heading), "label", label);
  return heading;
}

static void
header_bind (GtkWidget *heading,
             GObject   *section,
             gpointer   user_data)
{
  SamBeliefsPage *self = user_data;
  SamBeliefPair *pair = SAM_BELIEF_PAIR (section);
  g_autofree char *title = pair_title (self, pair->holder, pair->about);

  sam_discover_swatch_set_team (g_object_get_data (G_OBJECT (heading), "holder"),
                                sam_discover_team_by_id (self->teams, pair->holder));
  sam_discover_swatch_set_team (g_object_get_data (G_OBJECT (heading), "about"),
                                pair->about ? sam_discover_team_by_id (self->teams, pair->about) : NULL);
  gtk_label_set_text (g_object_get_data (G_OBJECT (heading), "label"), title);
}

static GListModel *
beliefs_of (SamCardTree *tree,
            GObject     *section,
            gpointer     user_data)
{
  SamBeliefPair *pair = SAM_BELIEF_PAIR (section);

  return sam_card_tree_get_bucket (tree, "belief", pair->holder, pair->about, 0, NULL);
}

/* A belief typed into a pair's field starts at the middle strength. */
static gboolean
add_from_tree (SamCardTree *tree,
               GObject     *section,
               SamCard     *parent,
               const char  *text,
               gpointer     user_data)
{
  SamBeliefsPage *self = user_data;
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  SamBeliefPair *pair = SAM_BELIEF_PAIR (section);
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  SamCardInit init = { .kind = "belief", .value = SAM_BELIEF_DEFAULT_STRENGTH };

  if (store == NULL || step == NULL || *stripped == '\0')
    return FALSE;

  init.team_id = pair->holder;
  init.about_team_id = pair->about;
  init.text = stripped;
  if (sam_store_add_card (store, step, &init, &error) == NULL)
    {
      sam_discover_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  return TRUE;
}

/* --- The pairs ----------------------------------------------------------- */

/* The pairs to show, in team order (the customer last): every pair with
 * beliefs, and the pair chosen above so the room can write its first. */
static GArray *
collect_pairs (SamBeliefsPage *self)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = self->cards ? g_list_model_get_n_items (self->cards) : 0;

  if (self->cards == NULL)
    return pairs;

  if (self->holder_id != 0)
    g_hash_table_add (used, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, self->holder_id, self->about_id));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (self->cards, i);

      if (g_strcmp0 (sam_card_get_kind (card), "belief") == 0)
        g_hash_table_add (used, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                 sam_card_get_team_id (card), sam_card_get_about_team_id (card)));
    }

  for (guint h = 0; h < n_teams (self); h++)
    for (guint a = 0; a <= n_teams (self); a++)
      {
        gint64 pair[2] = { sam_team_get_id (team_at (self, h)), a < n_teams (self) ? sam_team_get_id (team_at (self, a)) : 0 };
        g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, pair[0], pair[1]);

        if (g_hash_table_contains (used, key))
          g_array_append_vals (pairs, pair, 1);
      }

  return pairs;
}

static gboolean
pair_is (GListModel *model,
         guint       position,
         gint64     *pair)
{
  g_autoptr(SamBeliefPair) shown = g_list_model_get_item (model, position);

  return shown->holder == pair[0] && shown->about == pair[1];
}

/* Brings the sections in line with the pairs: only the pairs that came or
 * went change, so a field being typed in elsewhere keeps its text.
 * @renew makes every section again (a team's name or colour changed). */
static void
update_pairs (SamBeliefsPage *self,
              gboolean        renew)
{
  GListModel *model = G_LIST_MODEL (self->pairs);
  g_autoptr(GArray) pairs = collect_pairs (self);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n = g_list_model_get_n_items (model);
  guint start = 0, end = 0;

  if (!renew)
    {
      while (start < old_n && start < pairs->len &&
             pair_is (model, start, &g_array_index (pairs, gint64, start * 2)))
        start++;
      while (end < old_n - start && end < pairs->len - start &&
             pair_is (model, old_n - 1 - end, &g_array_index (pairs, gint64, (pairs->len - 1 - end) * 2)))
        end++;
    }

  for (guint i = start; i < pairs->len - end; i++)
    {
      gint64 *pair = &g_array_index (pairs, gint64, i * 2);

      g_ptr_array_add (added, belief_pair_new (pair[0], pair[1]));
    }
  if (old_n - start - end > 0 || added->len > 0)
    g_list_store_splice (self->pairs, start, old_n - start - end, added->pdata, added->len);
}

/* After the cards changed (coalesced: an undo brings many back at once).
 * A belief stored without a strength gets the middle one, which the room
 * then adjusts. */
static gboolean
cards_changed_idle (gpointer data)
{
  SamBeliefsPage *self = data;
  guint n = g_list_model_get_n_items (self->cards);

  self->cards_idle = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (self->cards, i);

      if (g_strcmp0 (sam_card_get_kind (card), "belief") == 0 &&
          sam_card_get_value (card) < SAM_BELIEF_MIN_STRENGTH)
        set_strength (self, card, SAM_BELIEF_DEFAULT_STRENGTH);
    }

  update_pairs (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
cards_changed_cb (SamBeliefsPage *self)
{
  /* Ahead of layout and drawing, so the page is never a frame behind. */
  if (self->cards_idle == 0)
    self->cards_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, cards_changed_idle, self, NULL);
}

static void
sync_dropdowns (SamBeliefsPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (n_teams (self), NULL, TRUE);
  int holder, about;

  for (guint i = 0; i < n_teams (self); i++)
    g_ptr_array_add (names, (char *) sam_team_get_name (team_at (self, i)));

  if (sam_discover_team_index (self->teams, self->holder_id) < 0)
    self->holder_id = n_teams (self) > 0 ? sam_team_get_id (team_at (self, 0)) : 0;
  if (self->about_id != 0 && sam_discover_team_index (self->teams, self->about_id) < 0)
    self->about_id = n_teams (self) > 1 ? sam_team_get_id (team_at (self, 1)) : 0;
  holder = sam_discover_team_index (self->teams, self->holder_id);
  about = self->about_id == 0 ? (int) n_teams (self)
                              : sam_discover_team_index (self->teams, self->about_id);

  self->updating = TRUE;
  gtk_string_list_splice (self->holder_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->holder_names)),
                          (const char *const *) names->pdata);
  gtk_string_list_splice (self->about_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->about_names)),
                          (const char *const *) names->pdata);
  gtk_string_list_append (self->about_names, _("The customer"));
  gtk_drop_down_set_selected (self->holder_dropdown, holder < 0 ? GTK_INVALID_LIST_POSITION : (guint) holder);
  gtk_drop_down_set_selected (self->about_dropdown, (guint) about);
  self->updating = FALSE;
}

static gboolean
select_pair (SamBeliefsPage *self,
             gint64          holder,
             gint64          about)
{
  g_autoptr(GError) error = NULL;

  if (sam_discover_team_index (self->teams, holder) < 0 ||
      (about != 0 && sam_discover_team_index (self->teams, about) < 0))
    return FALSE;

  if (holder == about)
    {
      g_set_error_literal (&error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A belief is about another team or the customer, not about the own team."));
      sam_discover_report_error (GTK_WIDGET (self), error);
      sync_dropdowns (self);
      return FALSE;
    }

  self->holder_id = holder;
  self->about_id = about;
  sync_dropdowns (self);
  update_pairs (self, FALSE);
  return TRUE;
}

static void
pair_selected_cb (SamBeliefsPage *self)
{
  guint holder = gtk_drop_down_get_selected (self->holder_dropdown);
  guint about = gtk_drop_down_get_selected (self->about_dropdown);

  if (self->updating || holder >= n_teams (self) || about > n_teams (self))
    return;

  select_pair (self, sam_team_get_id (team_at (self, holder)),
               about < n_teams (self) ? sam_team_get_id (team_at (self, about)) : 0);
}

static void
teams_changed_cb (SamBeliefsPage *self)
{
  if (self->about_id == 0 && self->holder_id == 0 && n_teams (self) > 1)
    self->about_id = sam_team_get_id (team_at (self, 1));
  sync_dropdowns (self);
  update_pairs (self, TRUE);
}

static void
select_pair_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gint64 holder, about;

  g_variant_get (param, "(xx)", &holder, &about);
  select_pair (SAM_BELIEFS_PAGE (widget), holder, about);
}

/* beliefs.add ((xxs)): who believes it, about whom (0: the customer), the
 * statement; it starts at the middle strength. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  SamBeliefsPage *self = SAM_BELIEFS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  const char *text;
  SamCardInit init = { .kind = "belief", .value = SAM_BELIEF_DEFAULT_STRENGTH };

  g_variant_get (param, "(xx&s)", &init.team_id, &init.about_team_id, &text);
  stripped = g_strstrip (g_strdup (text));
  if (step == NULL || *stripped == '\0' || !select_pair (self, init.team_id, init.about_team_id))
    return;

  init.text = text;
  if (sam_store_add_card (store, step, &init, &error) == NULL)
    sam_discover_report_error (widget, error);
}

/* beliefs.set-strength ((xu)): how strongly the belief lives, 1 to 5. */
static void
set_strength_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SamBeliefsPage *self = SAM_BELIEFS_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  guint32 strength;
  gint64 id;
  SamCard *card;

  g_variant_get (param, "(xu)", &id, &strength);
  card = step ? sam_store_find_card (store, step, id) : NULL;
  if (card != NULL && g_strcmp0 (sam_card_get_kind (card), "belief") == 0)
    set_strength (self, card, (int) MIN (strength, G_MAXINT));
}

static void
set_cards (SamBeliefsPage *self,
           GListModel     *cards)
{
  if (self->cards != NULL)
    g_signal_handlers_disconnect_by_func (self->cards, cards_changed_cb, self);
  g_clear_handle_id (&self->cards_idle, g_source_remove);
  g_set_object (&self->cards, cards);
  if (cards != NULL)
    g_signal_connect_swapped (cards, "items-changed", G_CALLBACK (cards_changed_cb), self);
}

/* Only a new step reloads the page: the step view sets the store and the
 * workshop before it. */
static void
sam_beliefs_page_context_changed (SamExercisePage *page,
                                  SamStore        *old_store,
                                  SamWorkshop     *old_workshop,
                                  SamStep         *old_step)
{
  SamBeliefsPage *self = (SamBeliefsPage *)page;
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
  set_cards (self, live ? sam_store_get_cards (store, step) : NULL);
  teams_changed_cb (self);
  if (live)
    {
      sam_card_tree_set_context (self->tree, store, workshop, step, G_LIST_MODEL (self->pairs));
      cards_changed_cb (self);
    }
}

static void
sam_beliefs_page_dispose (GObject *object)
{
  SamBeliefsPage *self = (SamBeliefsPage *)object;

  if (self->tree != NULL)
    sam_card_tree_set_context (self->tree, NULL, NULL, NULL, NULL);
  set_cards (self, NULL);
  sam_discover_set_list (&self->teams, NULL, G_CALLBACK (teams_changed_cb), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_BELIEFS_PAGE);
  self->tree = NULL;
  g_clear_object (&self->pairs);

  G_OBJECT_CLASS (sam_beliefs_page_parent_class)->dispose (object);
}

static void
sam_beliefs_page_class_init (SamBeliefsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_beliefs_page_dispose;
  page_class->context_changed = sam_beliefs_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-beliefs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, content);
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, top);
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, holder_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, holder_names);
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, about_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, about_names);

  gtk_widget_class_install_action (widget_class, "beliefs.select-pair", "(xx)", select_pair_action);
  gtk_widget_class_install_action (widget_class, "beliefs.add", "(xxs)", add_action);
  gtk_widget_class_install_action (widget_class, "beliefs.set-strength", "(xu)", set_strength_action);
}

static void
sam_beliefs_page_init (SamBeliefsPage *self)
{
  SamCardTreeSpec spec = {
    .parent_placeholder = _("What they believe, in their own words…"),
    .header_new = header_new,
    .header_bind = header_bind,
    .extra_new = strength_new,
    .extra_bind = strength_bind,
    .extra_unbind = strength_unbind,
    .parents = beliefs_of,
    .add = add_from_tree,
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pairs = g_list_store_new (SAM_TYPE_BELIEF_PAIR);
  /* The choice of a pair is the list's first row. */
  self->tree = sam_card_tree_new_in_box (&spec, self, _("Beliefs"), self->content, self->top);
  gtk_widget_add_css_class (GTK_WIDGET (self->tree), "sam-beliefs-tree");

  g_signal_connect_object (self->holder_dropdown, "notify::selected",
                           G_CALLBACK (pair_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->about_dropdown, "notify::selected",
                           G_CALLBACK (pair_selected_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sam_beliefs_page_get_tree:
 * @self: a #SamBeliefsPage
 *
 * Returns: (transfer none): the page's pairs and their beliefs, one list
 */
SamCardTree *
sam_beliefs_page_get_tree (SamBeliefsPage *self)
{
  g_return_val_if_fail (SAM_IS_BELIEFS_PAGE (self), NULL);
  return self->tree;
}

/**
 * sam_beliefs_page_find_pair:
 * @self: a #SamBeliefsPage
 * @holder: the team that believes
 * @about: the team it is about, 0 for the customer
 *
 * Returns: (transfer none) (nullable): the section of the pair in the
 *   tree (for sam_card_tree_show_entry()), %NULL while it is not shown
 */
GObject *
sam_beliefs_page_find_pair (SamBeliefsPage *self,
                            gint64          holder,
                            gint64          about)
{
  guint n;

  g_return_val_if_fail (SAM_IS_BELIEFS_PAGE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->pairs));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamBeliefPair) pair = g_list_model_get_item (G_LIST_MODEL (self->pairs), i);

      if (pair->holder == holder && pair->about == about)
        return G_OBJECT (pair);
    }

  return NULL;
}
