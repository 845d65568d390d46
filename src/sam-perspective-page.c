/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-card-tree.h"
#include "sam-clamp.h"
#include "sam-compat.h"
#include "sam-discover-common.h"
#include "sam-perspective-page.h"
#include "sam-rotation.h"
#include "sam-step-settings.h"

/* "In the other team's shoes": every team is given another team (a
 * rotation the coach may change), writes cards about that team's work for
 * five prompts, and the owning team answers each card.  The last view sets
 * image and reality side by side for the room.
 *
 * The cards of the pair on screen are one #SamCardTree: per prompt a
 * section of the writing team's cards (each with the owners' answer
 * under it) and one of what the owners add (#SamPerspectiveSection),
 * each over the store's live bucket with a field for the next card. */

#define SAM_TYPE_PERSPECTIVE_SECTION (sam_perspective_section_get_type ())
G_DECLARE_FINAL_TYPE (SamPerspectiveSection, sam_perspective_section, SAM, PERSPECTIVE_SECTION, GObject)

struct _SamPerspectiveSection
{
  GObject parent_instance;

  guint prompt;
  gint64 writer; /* the owner itself for what the owners add */
  gint64 owner;
};

G_DEFINE_FINAL_TYPE (SamPerspectiveSection, sam_perspective_section, G_TYPE_OBJECT)

static void
sam_perspective_section_class_init (SamPerspectiveSectionClass *klass)
{
}

static void
sam_perspective_section_init (SamPerspectiveSection *self)
{
}

static SamPerspectiveSection *
perspective_section_new (guint  prompt,
                         gint64 writer,
                         gint64 owner)
{
  SamPerspectiveSection *section = g_object_new (SAM_TYPE_PERSPECTIVE_SECTION, NULL);

  section->prompt = prompt;
  section->writer = writer;
  section->owner = owner;
  return section;
}

struct _SamPerspectivePage
{
  SamExercisePage parent_instance;

  AdwViewStack *views;
  GtkScrolledWindow *assignment_scroller;
  GtkListView *assignment_view;
  GtkLabel *assignment_status;
  GtkWidget *propose_button;
  GtkDropDown *writer_dropdown;
  GtkStringList *writer_names;
  GtkBox *cards_content;
  GtkWidget *cards_top;
  GtkWidget *cards_box;
  SamCardTree *tree;
  GListStore *sections;
  GtkWidget *differences_box;

  GListModel *teams;
  SamCardWatch *watch;

  /* For each team (in list order), the index of the team it looks at;
   * NULL while there are fewer than two teams. */
  guint *targets;
  guint n_targets;

  gint64 writer_id;
  gint64 shown_writer;
  gint64 shown_target;
  guint refresh_id;
  gboolean updating;
  gboolean differences_stale;
};

G_DEFINE_FINAL_TYPE (SamPerspectivePage, sam_perspective_page, SAM_TYPE_EXERCISE_PAGE)

static const struct {
  const char *key;
  const char *title;
  const char *placeholder;
} prompts[] = {
  { "goals", N_("Their goals"), N_("A goal of theirs, as you see it…") },
  { "pressure", N_("The pressure they are under"), N_("Pressure they feel…") },
  { "strengths", N_("Their strengths"), N_("Something they are good at…") },
  { "hard", N_("What makes their work hard"), N_("What makes it hard…") },
  { "needs", N_("What they need from us"), N_("What they need from us…") },
};

guint
sam_perspective_get_n_prompts (void)
{
  return G_N_ELEMENTS (prompts);
}

const char *
sam_perspective_get_prompt_key (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (prompts), NULL);
  return prompts[index].key;
}

const char *
_sam_perspective_get_placeholder (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (prompts), NULL);
  return _(prompts[index].placeholder);
}

/**
 * sam_perspective_get_prompt_title:
 * @key: a prompt key such as "goals"
 *
 * Returns: (nullable): the translated question, or %NULL for an unknown key
 */
const char *
sam_perspective_get_prompt_title (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (prompts); i++)
    if (g_strcmp0 (prompts[i].key, key) == 0)
      return _(prompts[i].title);

  return NULL;
}

static SamTeam *
team_at (SamPerspectivePage *self,
         guint               i)
{
  g_autoptr(SamTeam) team = g_list_model_get_item (self->teams, i);
  return team;
}

static int
team_index (SamPerspectivePage *self,
            gint64              id)
{
  for (guint i = 0; self->teams != NULL && i < g_list_model_get_n_items (self->teams); i++)
    if (sam_team_get_id (team_at (self, i)) == id)
      return (int) i;

  return -1;
}

/* The stored assignment when it is a whole valid rotation of today's
 * teams; otherwise (no assignment yet, a team added or removed since) the
 * proposal for today's teams. */
static void
load_targets (SamPerspectivePage *self)
{
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GHashTable) stored = NULL;
  guint n;

  g_clear_pointer (&self->targets, g_free);
  self->n_targets = 0;
  if (step == NULL || self->teams == NULL)
    return;

  n = g_list_model_get_n_items (self->teams);
  if (n < SAM_ROTATION_MIN_TEAMS || n > SAM_ROTATION_MAX_TEAMS)
    return;

  stored = sam_step_settings_dup_map (sam_step_get_settings (step), "assignment");
  self->targets = g_new0 (guint, n);
  self->n_targets = n;
  for (guint i = 0; i < n; i++)
    {
      const char *uuid = g_hash_table_lookup (stored, sam_team_get_uuid (team_at (self, i)));

      self->targets[i] = G_MAXUINT;
      for (guint j = 0; uuid != NULL && j < n; j++)
        if (g_strcmp0 (sam_team_get_uuid (team_at (self, j)), uuid) == 0)
          self->targets[i] = j;
    }

  if (!sam_rotation_is_valid (self->targets, n))
    {
      g_free (self->targets);
      self->targets = sam_rotation_propose (n);
    }
}

static gboolean
save_targets (SamPerspectivePage  *self,
              const guint         *targets,
              GError             **error)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GHashTable) map = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *settings = NULL;

  for (guint i = 0; i < self->n_targets; i++)
    g_hash_table_insert (map, (char *) sam_team_get_uuid (team_at (self, i)),
                         (char *) sam_team_get_uuid (team_at (self, targets[i])));

  settings = sam_step_settings_set_map (sam_step_get_settings (step), "assignment", map);
  if (g_strcmp0 (settings, sam_step_get_settings (step)) == 0)
    return TRUE;

  return sam_store_set_step_field (store, step, SAM_STEP_FIELD_SETTINGS, settings, error);
}

static void flush_refresh (SamPerspectivePage *self);

/**
 * sam_perspective_page_get_target:
 * @self: a #SamPerspectivePage
 * @writer_id: a team's id
 *
 * Returns: the id of the team @writer_id looks at, or 0 when there is none
 *   (fewer than two teams, or an unknown team)
 */
gint64
sam_perspective_page_get_target (SamPerspectivePage *self,
                                 gint64              writer_id)
{
  int i;

  g_return_val_if_fail (SAM_IS_PERSPECTIVE_PAGE (self), 0);

  flush_refresh (self);
  i = team_index (self, writer_id);
  if (i < 0 || self->targets == NULL || (guint) i >= self->n_targets)
    return 0;

  return sam_team_get_id (team_at (self, self->targets[i]));
}

static void queue_refresh (SamPerspectivePage *self);

/* Changes who @writer looks at; a team given itself is refused with the
 * reason shown to the coach, and nothing is stored. */
static gboolean
assign (SamPerspectivePage *self,
        gint64              writer_id,
        gint64              target_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint *targets = NULL;
  int writer = team_index (self, writer_id);
  int target = team_index (self, target_id);

  if (writer < 0 || target < 0 || self->targets == NULL)
    return FALSE;

  targets = g_memdup2 (self->targets, self->n_targets * sizeof (guint));
  if (!sam_rotation_reassign (targets, self->n_targets, writer, target, &error) ||
      !save_targets (self, targets, &error))
    {
      sam_discover_report_error (GTK_WIDGET (self), error);
      queue_refresh (self);
      return FALSE;
    }

  return TRUE;
}

/* "Who Looks at Whom" is a list view over the teams: a row per team,
 * with the team it looks at in a drop-down, bound to the team it shows
 * and synced again when the rotation changes. */
typedef struct
{
  GtkWidget *row;
  GtkWidget *swatch;
  GtkWidget *dropdown;
  GtkStringList *names;
  GArray *ids;          /* the teams offered, as the drop-down lists them */
  SamTeam *team;
  GBinding *title;
  char *colour;
} AssignRow;

static void
assign_row_free (gpointer data)
{
  AssignRow *row = data;

  g_clear_object (&row->team);
  g_clear_object (&row->names);
  g_clear_pointer (&row->ids, g_array_unref);
  g_free (row->colour);
  g_free (row);
}

static AssignRow *
assign_row_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "assign-row");
}

static void
target_selected_cb (GtkDropDown        *dropdown,
                    GParamSpec         *pspec,
                    SamPerspectivePage *self)
{
  AssignRow *row = g_object_get_data (G_OBJECT (dropdown), "assign-row");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || row->team == NULL || selected >= row->ids->len)
    return;

  assign (self, sam_team_get_id (row->team), g_array_index (row->ids, gint64, selected));
}

/* The choices of @row's team and the one it looks at now; a team is never
 * offered itself. */
static void
assign_row_sync (SamPerspectivePage *self,
                 AssignRow          *row)
{
  int writer = row->team ? team_index (self, sam_team_get_id (row->team)) : -1;
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (self->n_targets, NULL, TRUE);
  guint selected = GTK_INVALID_LIST_POSITION;
  gboolean updating = self->updating;

  g_array_set_size (row->ids, 0);
  for (guint j = 0; writer >= 0 && self->targets != NULL && j < self->n_targets; j++)
    {
      gint64 id = sam_team_get_id (team_at (self, j));

      if (j == (guint) writer)
        continue;
      if (j == self->targets[writer])
        selected = row->ids->len;
      g_array_append_val (row->ids, id);
      g_ptr_array_add (names, (char *) sam_team_get_name (team_at (self, j)));
    }

  self->updating = TRUE;
  gtk_string_list_splice (row->names, 0, g_list_model_get_n_items (G_LIST_MODEL (row->names)),
                          (const char *const *) names->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->dropdown), selected);
  self->updating = updating;
}

static GtkWidget *
assign_row_new (SamPerspectivePage *self)
{
  AssignRow *row = g_new0 (AssignRow, 1);
  GtkWidget *list = gtk_list_box_new ();

  row->names = gtk_string_list_new (NULL);
  row->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  row->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), _("steps into the shoes of"));
  row->swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (row->swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->swatch, "team-swatch");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row->row), row->swatch);

  row->dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (row->names)), NULL);
  gtk_widget_set_valign (row->dropdown, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row->dropdown), "assign-row", row);
  g_signal_connect_object (row->dropdown, "notify::selected", G_CALLBACK (target_selected_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->dropdown);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row->row);
  g_object_set_data_full (G_OBJECT (list), "assign-row", row, assign_row_free);
  return list;
}

static void
assign_row_unbind (SamPerspectivePage *self,
                   GtkWidget          *list)
{
  AssignRow *row = assign_row_of (list);

  if (row->title != NULL)
    g_binding_unbind (row->title);
  row->title = NULL;
  if (row->colour != NULL)
    gtk_widget_remove_css_class (row->swatch, row->colour);
  g_clear_pointer (&row->colour, g_free);
  g_clear_object (&row->team);
}

static void
assign_row_bind (SamPerspectivePage *self,
                 GtkWidget          *list,
                 SamTeam            *team)
{
  AssignRow *row = assign_row_of (list);

  assign_row_unbind (self, list);
  row->team = g_object_ref (team);
  row->title = g_object_bind_property (team, "name", row->row, "title", G_BINDING_SYNC_CREATE);
  /* The drop-down reads as the team whose choice it is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sam_team_get_name (team), -1);
  row->colour = g_strdup_printf ("team-colour-%u", sam_team_get_colour (team));
  gtk_widget_add_css_class (row->swatch, row->colour);
  assign_row_sync (self, row);
}

static void
assign_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SamPerspectivePage       *self)
{
  GtkWidget *list = assign_row_new (self);

  gtk_widget_add_css_class (list, "sam-assignment-item");
  gtk_list_item_set_child (item, list);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
assign_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SamPerspectivePage       *self)
{
  assign_row_bind (self, gtk_list_item_get_child (item), SAM_TEAM (gtk_list_item_get_item (item)));
  sam_compat_list_item_set_unfocusable (item);
}

static void
assign_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SamPerspectivePage       *self)
{
  assign_row_unbind (self, gtk_list_item_get_child (item));
}

/* The rotation changed (or the teams): the rows on screen show it. */
static void
sync_assignment (SamPerspectivePage *self)
{
  guint n = self->teams ? g_list_model_get_n_items (self->teams) : 0;
  GtkSelectionModel *shown = gtk_list_view_get_model (self->assignment_view);
  GListModel *wanted = self->targets != NULL ? self->teams : NULL;

  /* Rows only while there is a rotation to show (2 to 12 teams). */
  if (shown == NULL ? wanted != NULL : gtk_no_selection_get_model (GTK_NO_SELECTION (shown)) != wanted)
    gtk_list_view_set_model (self->assignment_view,
                             wanted ? GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (wanted))) : NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->assignment_status), self->targets == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->assignment_scroller), self->targets != NULL);
  gtk_widget_set_visible (self->propose_button, self->targets != NULL);
  if (self->targets == NULL)
    gtk_label_set_text (self->assignment_status,
                        n < SAM_ROTATION_MIN_TEAMS
                        ? _("This exercise needs at least two teams. Add them on the “Workshop and Teams” page.")
                        : _("This exercise works with at most twelve teams. Split the room into fewer teams."));

  /* The rows the list view has made (a row's child is ours). */
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->assignment_view)); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *list = gtk_widget_get_first_child (item);
      AssignRow *row = list ? assign_row_of (list) : NULL;

      if (row != NULL && row->team != NULL)
        assign_row_sync (self, row);
    }
}

static void
set_response (SamPerspectivePage *self,
              SamCard            *card,
              int                 response)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (sam_card_get_response (card) != response &&
      !sam_store_set_card_int (store, card, SAM_CARD_FIELD_RESPONSE, response, &error))
    sam_discover_report_error (GTK_WIDGET (self), error);
}

/**
 * _sam_perspective_page_get_teams:
 * @self: a #SamPerspectivePage
 *
 * Returns: (transfer none) (nullable): the teams of the shown workshop
 */
GListModel *
_sam_perspective_page_get_teams (SamPerspectivePage *self)
{
  return self->teams;
}

/**
 * _sam_perspective_page_get_store:
 * @self: a #SamPerspectivePage
 *
 * Returns: (transfer none) (nullable): the store
 */
SamStore *
_sam_perspective_page_get_store (SamPerspectivePage *self)
{
  return sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
}

static void
set_sections (SamPerspectivePage *self,
              gint64              writer,
              gint64              owner)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; writer != 0 && i < G_N_ELEMENTS (prompts); i++)
    {
      g_ptr_array_add (sections, perspective_section_new (i, writer, owner));
      g_ptr_array_add (sections, perspective_section_new (i, owner, owner));
    }
  g_list_store_splice (self->sections, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sections)),
                       sections->pdata, sections->len);
}

static void
rebuild_cards (SamPerspectivePage *self)
{
  int writer = team_index (self, self->writer_id);
  gint64 target_id = sam_perspective_page_get_target (self, self->writer_id);
  g_autofree char *heading = NULL;
  GtkWidget *label;
  SamTeam *owner;

  if (writer < 0 || target_id == 0)
    {
      if (self->shown_writer != 0 || gtk_widget_get_first_child (self->cards_box) == NULL)
        {
          sam_discover_clear_box (self->cards_box);
          label = gtk_label_new (_("Choose who looks at whom first: this exercise needs at least two teams."));
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_box_append (GTK_BOX (self->cards_box), label);
          set_sections (self, 0, 0);
        }
      self->shown_writer = self->shown_target = 0;
      return;
    }

  /* Making the sections again would throw away what someone is typing:
   * only when the pair on screen changes. */
  if (self->shown_writer == self->writer_id && self->shown_target == target_id)
    return;

  self->shown_writer = self->writer_id;
  self->shown_target = target_id;
  sam_discover_clear_box (self->cards_box);
  owner = sam_discover_team_by_id (self->teams, target_id);

  /* Translators: a heading; "Sales in the shoes of IT" */
  heading = g_strdup_printf (_("%s in the shoes of %s"),
                             sam_team_get_name (team_at (self, writer)), sam_team_get_name (owner));
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-1");
  gtk_box_append (GTK_BOX (self->cards_box), label);
  set_sections (self, self->writer_id, target_id);
}

/* The page's #SamCardTree. */

static void
header_bind (GtkWidget *header,
             GObject   *object,
             gpointer   user_data)
{
  SamPerspectivePage *self = user_data;
  SamPerspectiveSection *section = SAM_PERSPECTIVE_SECTION (object);

  _sam_perspective_header_bind (header, section->prompt,
                                sam_discover_team_by_id (self->teams, section->writer),
                                sam_discover_team_by_id (self->teams, section->owner));
}

static char *
placeholder_of (SamCardTree *tree,
                GObject     *object,
                SamCard     *parent,
                gpointer     user_data)
{
  SamPerspectivePage *self = user_data;
  SamPerspectiveSection *section = SAM_PERSPECTIVE_SECTION (object);

  return _sam_perspective_placeholder (section->prompt,
                                       sam_discover_team_by_id (self->teams, section->writer),
                                       sam_discover_team_by_id (self->teams, section->owner));
}

static GListModel *
cards_of (SamCardTree *tree,
          GObject     *object,
          gpointer     user_data)
{
  SamPerspectiveSection *section = SAM_PERSPECTIVE_SECTION (object);

  return sam_card_tree_get_bucket (tree, "perspective", section->writer, section->owner, 0,
                                   prompts[section->prompt].key);
}

static gboolean add_card (SamPerspectivePage *self,
                          gint64              team_id,
                          gint64              about_id,
                          const char         *prompt,
                          const char         *text,
                          int                 response);

static gboolean
add_from_tree (SamCardTree *tree,
               GObject     *object,
               SamCard     *parent,
               const char  *text,
               gpointer     user_data)
{
  SamPerspectiveSection *section = SAM_PERSPECTIVE_SECTION (object);

  /* The owners' own cards are "added" from the start. */
  return add_card (user_data, section->writer, section->owner, prompts[section->prompt].key, text,
                   section->writer == section->owner ? SAM_PERSPECTIVE_ADDED : SAM_PERSPECTIVE_OPEN);
}

/* "Image and reality" compares every team's cards: it is made when it is
 * shown, and again on a change while it is shown, not on every card typed
 * on the other views. */
static void
rebuild_differences (SamPerspectivePage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));

  self->differences_stale = g_strcmp0 (adw_view_stack_get_visible_child_name (self->views), "differences") != 0;
  if (self->differences_stale)
    return;

  sam_discover_clear_box (self->differences_box);
  if (step == NULL || self->teams == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (self->teams); i++)
    gtk_box_append (GTK_BOX (self->differences_box),
                    sam_perspective_differences_new (self->teams,
                                                     sam_store_get_cards (store, step),
                                                     team_at (self, i)));
}

static void
sync_writer_dropdown (SamPerspectivePage *self)
{
  guint n = self->teams ? g_list_model_get_n_items (self->teams) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (n, NULL, TRUE);
  int index;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, (char *) sam_team_get_name (team_at (self, i)));

  self->updating = TRUE;
  gtk_string_list_splice (self->writer_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->writer_names)),
                          (const char *const *) names->pdata);
  if (team_index (self, self->writer_id) < 0)
    self->writer_id = n > 0 ? sam_team_get_id (team_at (self, 0)) : 0;
  index = team_index (self, self->writer_id);
  gtk_drop_down_set_selected (self->writer_dropdown, index < 0 ? GTK_INVALID_LIST_POSITION : (guint) index);
  self->updating = FALSE;
}

/* Owners' own cards are response 3 by definition; the card list stores a
 * new card with response 0, so it is marked here. */
static void
mark_added_cards (SamPerspectivePage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  GListModel *cards = sam_store_get_cards (store, step);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (sam_card_get_kind (card), "perspective") == 0 &&
          sam_card_get_team_id (card) == sam_card_get_about_team_id (card) &&
          sam_card_get_response (card) != SAM_PERSPECTIVE_ADDED)
        set_response (self, card, SAM_PERSPECTIVE_ADDED);
    }
}

static void
cards_changed_cb (SamPerspectivePage *self)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));

  if (step == NULL || store == NULL)
    return;

  mark_added_cards (self);
  rebuild_differences (self);
}

static gboolean
refresh_cb (gpointer data)
{
  SamPerspectivePage *self = data;

  self->refresh_id = 0;
  self->updating = TRUE;
  load_targets (self);
  sync_assignment (self);
  self->updating = FALSE;
  sync_writer_dropdown (self);
  rebuild_cards (self);
  cards_changed_cb (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (SamPerspectivePage *self)
{
  /* Before GTK's layout and drawing (G_PRIORITY_HIGH_IDLE + 10/+ 20), so
   * the page never shows a stale frame and a busy frame clock cannot
   * starve it. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

/* Runs the pending refresh now, so an action's effect is visible (and
 * testable) when the action returns. */
static void
flush_refresh (SamPerspectivePage *self)
{
  if (self->refresh_id != 0)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh_cb (self);
    }
}

static void
view_changed_cb (SamPerspectivePage *self)
{
  if (self->differences_stale)
    rebuild_differences (self);
}

static void
writer_selected_cb (SamPerspectivePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->writer_dropdown);

  if (self->updating || self->teams == NULL || selected >= g_list_model_get_n_items (self->teams))
    return;

  self->writer_id = sam_team_get_id (team_at (self, selected));
  rebuild_cards (self);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamPerspectivePage *self = SAM_PERSPECTIVE_PAGE (widget);
  gint64 writer, target;

  g_variant_get (param, "(xx)", &writer, &target);
  flush_refresh (self);
  assign (self, writer, target);
  flush_refresh (self);
}

static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SamPerspectivePage *self = SAM_PERSPECTIVE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree guint *targets = NULL;

  flush_refresh (self);
  if (self->targets == NULL)
    return;

  targets = sam_rotation_propose (self->n_targets);
  if (!save_targets (self, targets, &error))
    sam_discover_report_error (widget, error);
  flush_refresh (self);
}

static void
show_writer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SamPerspectivePage *self = SAM_PERSPECTIVE_PAGE (widget);

  flush_refresh (self);
  if (team_index (self, g_variant_get_int64 (param)) < 0)
    return;

  self->writer_id = g_variant_get_int64 (param);
  sync_writer_dropdown (self);
  rebuild_cards (self);
  adw_view_stack_set_visible_child_name (self->views, "cards");
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SamPerspectivePage *self = SAM_PERSPECTIVE_PAGE (widget);

  flush_refresh (self);
  adw_view_stack_set_visible_child_name (self->views, g_variant_get_string (param, NULL));
}

static gboolean
is_prompt (const char *key)
{
  return sam_perspective_get_prompt_title (key) != NULL;
}

static gboolean
add_card (SamPerspectivePage *self,
          gint64              team_id,
          gint64              about_id,
          const char         *prompt,
          const char         *text,
          int                 response)
{
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  SamCardInit init = {
    .kind = "perspective",
    .team_id = team_id,
    .about_team_id = about_id,
    .prompt = prompt,
    .text = stripped,
    .response = response,
  };

  /* Like Enter in an empty field: a blank card is simply not added. */
  if (store == NULL || step == NULL || about_id == 0 || !is_prompt (prompt) || *stripped == '\0')
    return FALSE;

  if (sam_store_add_card (store, step, &init, &error) == NULL)
    {
      sam_discover_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  return TRUE;
}

/* perspective.add-card ((xss)): the writing team's card about the team it
 * is assigned, for a prompt. */
static void
add_card_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SamPerspectivePage *self = SAM_PERSPECTIVE_PAGE (widget);
  const char *prompt, *text;
  gint64 writer;

  g_variant_get (param, "(x&s&s)", &writer, &prompt, &text);
  flush_refresh (self);
  add_card (self, writer, sam_perspective_page_get_target (self, writer), prompt, text,
            SAM_PERSPECTIVE_OPEN);
}

/* perspective.add-own ((xss)): the owning team adds a card about itself. */
static void
add_own_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SamPerspectivePage *self = SAM_PERSPECTIVE_PAGE (widget);
  const char *prompt, *text;
  gint64 owner;

  g_variant_get (param, "(x&s&s)", &owner, &prompt, &text);
  flush_refresh (self);
  if (team_index (self, owner) >= 0)
    add_card (self, owner, owner, prompt, text, SAM_PERSPECTIVE_ADDED);
}

/* perspective.respond ((xus)): the owning team's answer to a card, with a
 * correction when it is not right (an empty correction keeps the old one). */
static void
respond_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SamPerspectivePage *self = SAM_PERSPECTIVE_PAGE (widget);
  SamStore *store = sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
  g_autoptr(GError) error = NULL;
  const char *correction;
  guint32 response;
  gint64 card_id;
  SamCard *card;

  g_variant_get (param, "(xu&s)", &card_id, &response, &correction);
  if (step == NULL || response > SAM_PERSPECTIVE_NOT_RIGHT)
    return;

  card = sam_store_find_card (store, step, card_id);
  if (card == NULL || sam_card_get_team_id (card) == sam_card_get_about_team_id (card))
    return;

  if (*correction != '\0' &&
      !sam_store_set_card_text (store, card, SAM_CARD_FIELD_DETAIL, correction, &error))
    {
      sam_discover_report_error (widget, error);
      return;
    }
  set_response (self, card, (int) response);
}

static void
set_teams (SamPerspectivePage *self,
           GListModel         *teams)
{
  if (self->teams == teams)
    return;

  if (self->teams != NULL)
    g_signal_handlers_disconnect_by_func (self->teams, queue_refresh, self);
  g_set_object (&self->teams, teams);
  if (teams != NULL)
    g_signal_connect_object (teams, "items-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  if (teams == NULL)
    gtk_list_view_set_model (self->assignment_view, NULL);
}

/* Only a new step reloads the page: the step view sets the store and the
 * workshop before it. */
static void
sam_perspective_page_context_changed (SamExercisePage *page,
                                      SamStore        *old_store,
                                      SamWorkshop     *old_workshop,
                                      SamStep         *old_step)
{
  SamPerspectivePage *self = (SamPerspectivePage *)page;
  SamStore *store = sam_exercise_page_get_store (page);
  SamWorkshop *workshop = sam_exercise_page_get_workshop (page);
  SamStep *step = sam_exercise_page_get_step (page);

  if (step == old_step)
    return;

  if (old_step != NULL)
    g_signal_handlers_disconnect_by_func (old_step, queue_refresh, self);
  if (step != NULL)
    g_signal_connect_object (step, "notify::settings", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);

  sam_card_tree_set_context (self->tree, NULL, NULL, NULL, NULL);
  set_teams (self, store && workshop ? sam_store_get_teams (store, workshop) : NULL);
  sam_card_watch_set_model (self->watch, store && step ? sam_store_get_cards (store, step) : NULL);
  self->shown_writer = self->shown_target = -1;
  if (store != NULL && workshop != NULL && step != NULL)
    sam_card_tree_set_context (self->tree, store, workshop, step, G_LIST_MODEL (self->sections));
  queue_refresh (self);
}

static void
sam_perspective_page_dispose (GObject *object)
{
  SamPerspectivePage *self = (SamPerspectivePage *)object;
  SamStep *step = sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->watch); /* its dispose stops watching */
  if (self->tree != NULL)
    sam_card_tree_set_context (self->tree, NULL, NULL, NULL, NULL);
  set_teams (self, NULL);
  if (step != NULL)
    g_signal_handlers_disconnect_by_func (step, queue_refresh, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PERSPECTIVE_PAGE);
  self->tree = NULL;
  g_clear_object (&self->sections);

  G_OBJECT_CLASS (sam_perspective_page_parent_class)->dispose (object);
}

static void
sam_perspective_page_finalize (GObject *object)
{
  SamPerspectivePage *self = (SamPerspectivePage *)object;

  g_free (self->targets);

  G_OBJECT_CLASS (sam_perspective_page_parent_class)->finalize (object);
}

static void
sam_perspective_page_class_init (SamPerspectivePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_perspective_page_dispose;
  object_class->finalize = sam_perspective_page_finalize;
  page_class->context_changed = sam_perspective_page_context_changed;

  g_type_ensure (SAM_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-perspective-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPerspectivePage, views);
  gtk_widget_class_bind_template_child (widget_class, SamPerspectivePage, assignment_scroller);
  gtk_widget_class_bind_template_child (widget_class, SamPerspectivePage, assignment_status);
  gtk_widget_class_bind_template_child (widget_class, SamPerspectivePage, propose_button);
  gtk_widget_class_bind_template_child (widget_class, SamPerspectivePage, writer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPerspectivePage, writer_names);
  gtk_widget_class_bind_template_child (widget_class, SamPerspectivePage, cards_content);
  gtk_widget_class_bind_template_child (widget_class, SamPerspectivePage, cards_top);
  gtk_widget_class_bind_template_child (widget_class, SamPerspectivePage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, SamPerspectivePage, differences_box);

  gtk_widget_class_install_action (widget_class, "perspective.assign", "(xx)", assign_action);
  gtk_widget_class_install_action (widget_class, "perspective.propose", NULL, propose_action);
  gtk_widget_class_install_action (widget_class, "perspective.show-writer", "x", show_writer_action);
  gtk_widget_class_install_action (widget_class, "perspective.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "perspective.add-card", "(xss)", add_card_action);
  gtk_widget_class_install_action (widget_class, "perspective.add-own", "(xss)", add_own_action);
  gtk_widget_class_install_action (widget_class, "perspective.respond", "(xus)", respond_action);

}

static void
assignment_init (SamPerspectivePage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (assign_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (assign_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (assign_unbind_cb), self);
  self->assignment_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->assignment_view), "discover-assignment");
  gtk_widget_add_css_class (GTK_WIDGET (self->assignment_view), "sam-page-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->assignment_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who looks at whom"), -1);
  gtk_scrolled_window_set_child (self->assignment_scroller, GTK_WIDGET (self->assignment_view));
}

static void
sam_perspective_page_init (SamPerspectivePage *self)
{
  SamCardTreeSpec spec = {
    .header_new = _sam_perspective_header_new,
    .header_bind = header_bind,
    .extra_new = _sam_perspective_response_new,
    .extra_bind = _sam_perspective_response_bind,
    .extra_unbind = _sam_perspective_response_unbind,
    .parents = cards_of,
    .add = add_from_tree,
    .placeholder = placeholder_of,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  assignment_init (self);

  self->sections = g_list_store_new (SAM_TYPE_PERSPECTIVE_SECTION);
  /* The choice of the writing team and the pair's heading are the list's
   * first row. */
  self->tree = sam_card_tree_new_in_box (&spec, self, _("Cards and Answers"), self->cards_content, self->cards_top);

  self->watch = sam_card_watch_new (G_CALLBACK (cards_changed_cb), self);
  g_signal_connect_object (self->writer_dropdown, "notify::selected",
                           G_CALLBACK (writer_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->views, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sam_perspective_page_get_tree:
 * @self: a #SamPerspectivePage
 *
 * Returns: (transfer none): the cards of the pair on screen, one list
 */
SamCardTree *
sam_perspective_page_get_tree (SamPerspectivePage *self)
{
  g_return_val_if_fail (SAM_IS_PERSPECTIVE_PAGE (self), NULL);
  return self->tree;
}

/**
 * sam_perspective_page_find_section:
 * @self: a #SamPerspectivePage
 * @prompt: a prompt key such as "goals"
 * @writer: the writing team, or the owning team for what it adds
 *
 * Returns: (transfer none) (nullable): the section of the pair on screen
 *   (for sam_card_tree_show_entry())
 */
GObject *
sam_perspective_page_find_section (SamPerspectivePage *self,
                                   const char         *prompt,
                                   gint64              writer)
{
  guint n;

  g_return_val_if_fail (SAM_IS_PERSPECTIVE_PAGE (self), NULL);

  flush_refresh (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamPerspectiveSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      if (section->writer == writer && g_strcmp0 (prompts[section->prompt].key, prompt) == 0)
        return G_OBJECT (section);
    }

  return NULL;
}
