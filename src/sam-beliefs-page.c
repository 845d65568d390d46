/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-clamp.h"
#include "sam-beliefs-page.h"
#include "sam-card-list.h"
#include "sam-discover-common.h"

/* "Us versus them": what one team believes about another team or about
 * the customer, and how strongly each belief lives (1 to 5).  Grouped by
 * who believes it about whom; the relationship map reads the same cards. */
struct _SamBeliefsPage
{
  SamExercisePage parent_instance;

  GtkDropDown *holder_dropdown;
  GtkStringList *holder_names;
  GtkDropDown *about_dropdown;
  GtkStringList *about_names;
  GtkWidget *groups_box;

  GListModel *teams;
  SamCardWatch *watch;

  gint64 holder_id;
  gint64 about_id;
  char *shown_pairs;
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

static void
dot_clicked_cb (GtkButton      *dot,
                SamBeliefsPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));

  if (store != NULL)
    set_strength (self, g_object_get_data (G_OBJECT (dot), "card"),
                  GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dot), "strength")));
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
strength_widget_new (SamCardList *list,
                     SamCard     *card,
                     gpointer     user_data)
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
      g_object_set_data_full (G_OBJECT (dot), "card", g_object_ref (card), g_object_unref);
      g_object_set_data (G_OBJECT (dot), "strength", GINT_TO_POINTER (i));
      g_signal_connect_object (dot, "clicked", G_CALLBACK (dot_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), dot);
    }

  gtk_widget_set_margin_start (words, 10);
  gtk_widget_add_css_class (words, "belief-strength");
  gtk_box_append (GTK_BOX (box), words);
  g_object_set_data (G_OBJECT (box), "words", words);
  sync_strength (box, NULL, card);
  g_signal_connect_object (card, "notify::value", G_CALLBACK (sync_strength), box, G_CONNECT_SWAPPED);
  return box;
}

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
group_new (SamBeliefsPage *self,
           gint64          holder,
           gint64          about)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *list = sam_card_list_new ("belief", holder, about, 0, NULL);
  g_autofree char *title = pair_title (self, holder, about);
  GtkWidget *label = gtk_label_new (title);

  gtk_box_append (GTK_BOX (heading), sam_discover_swatch_new (sam_discover_team_by_id (self->teams, holder)));
  gtk_box_append (GTK_BOX (heading), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_box_append (GTK_BOX (heading), sam_discover_swatch_new (sam_discover_team_by_id (self->teams, about)));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "belief-pair");
  gtk_box_append (GTK_BOX (heading), label);
  gtk_box_append (GTK_BOX (group), heading);

  sam_card_list_set_placeholder (SAM_CARD_LIST (list), _("What they believe, in their own words…"));
  sam_card_list_set_show_team (SAM_CARD_LIST (list), FALSE);
  sam_card_list_set_new_values (SAM_CARD_LIST (list), SAM_BELIEF_DEFAULT_STRENGTH, 0);
  sam_card_list_set_extra_func (SAM_CARD_LIST (list), strength_widget_new, self, NULL);
  sam_discover_bind_step (GTK_WIDGET (self), list);
  gtk_box_append (GTK_BOX (group), list);
  return group;
}

/* The pairs to show, in team order (the customer last): every pair with
 * beliefs, and the pair chosen above so the room can write its first. */
static GArray *
collect_pairs (SamBeliefsPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  GListModel *cards = sam_store_get_cards (store, step);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *chosen = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, self->holder_id, self->about_id);

  if (self->holder_id != 0)
    g_hash_table_add (used, g_strdup (chosen));
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

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

static void
rebuild_groups (SamBeliefsPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GString) signature = g_string_new (NULL);

  if (step == NULL || store == NULL)
    {
      sam_discover_clear_box (self->groups_box);
      g_clear_pointer (&self->shown_pairs, g_free);
      return;
    }

  pairs = collect_pairs (self);
  for (guint i = 0; i < pairs->len; i++)
    {
      gint64 *pair = &g_array_index (pairs, gint64, i * 2);
      g_autofree char *title = pair_title (self, pair[0], pair[1]);

      g_string_append_printf (signature, "%s\n", title);
    }

  /* Rebuilding throws away what is being typed: only when a group comes
   * or goes, or a name changes. */
  if (g_strcmp0 (signature->str, self->shown_pairs) == 0)
    return;

  g_free (self->shown_pairs);
  self->shown_pairs = g_strdup (signature->str);
  sam_discover_clear_box (self->groups_box);
  for (guint i = 0; i < pairs->len; i++)
    {
      gint64 *pair = &g_array_index (pairs, gint64, i * 2);

      gtk_box_append (GTK_BOX (self->groups_box), group_new (self, pair[0], pair[1]));
    }
}

/* A belief written in a card list starts without a strength; it gets the
 * middle one, which the room then adjusts. */
static void
cards_changed_cb (SamBeliefsPage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  GListModel *cards;

  if (step == NULL || store == NULL)
    return;

  cards = sam_store_get_cards (store, step);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (sam_card_get_kind (card), "belief") == 0 &&
          sam_card_get_value (card) < SAM_BELIEF_MIN_STRENGTH)
        set_strength (self, card, SAM_BELIEF_DEFAULT_STRENGTH);
    }

  rebuild_groups (self);
  sam_discover_refresh_text_sizes (self->groups_box);
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
  rebuild_groups (self);
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
  g_clear_pointer (&self->shown_pairs, g_free);
  rebuild_groups (self);
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
  sam_discover_set_list (&self->teams, live ? sam_store_get_teams (store, workshop) : NULL,
                         G_CALLBACK (teams_changed_cb), self);
  sam_card_watch_set_model (self->watch, live ? sam_store_get_cards (store, step) : NULL);
  teams_changed_cb (self);
}

static void
sam_beliefs_page_dispose (GObject *object)
{
  SamBeliefsPage *self = (SamBeliefsPage *)object;

  g_clear_object (&self->watch); /* its dispose stops watching */
  sam_discover_set_list (&self->teams, NULL, G_CALLBACK (teams_changed_cb), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_BELIEFS_PAGE);

  G_OBJECT_CLASS (sam_beliefs_page_parent_class)->dispose (object);
}

static void
sam_beliefs_page_finalize (GObject *object)
{
  SamBeliefsPage *self = (SamBeliefsPage *)object;

  g_free (self->shown_pairs);

  G_OBJECT_CLASS (sam_beliefs_page_parent_class)->finalize (object);
}

static void
sam_beliefs_page_class_init (SamBeliefsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_beliefs_page_dispose;
  object_class->finalize = sam_beliefs_page_finalize;
  page_class->context_changed = sam_beliefs_page_context_changed;

  g_type_ensure (SAM_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-beliefs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, holder_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, holder_names);
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, about_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, about_names);
  gtk_widget_class_bind_template_child (widget_class, SamBeliefsPage, groups_box);

  gtk_widget_class_install_action (widget_class, "beliefs.select-pair", "(xx)", select_pair_action);
  gtk_widget_class_install_action (widget_class, "beliefs.add", "(xxs)", add_action);
  gtk_widget_class_install_action (widget_class, "beliefs.set-strength", "(xu)", set_strength_action);

}

static void
sam_beliefs_page_init (SamBeliefsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->watch = sam_card_watch_new (G_CALLBACK (cards_changed_cb), self);
  g_signal_connect_object (self->holder_dropdown, "notify::selected",
                           G_CALLBACK (pair_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->about_dropdown, "notify::selected",
                           G_CALLBACK (pair_selected_cb), self, G_CONNECT_SWAPPED);
}
