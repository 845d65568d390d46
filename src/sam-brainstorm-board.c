/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-brainstorm-board.h"
#include "sam-compat.h"
#include "sam-decide-common.h"

/* The board is one list view over one flat list of rows:
 *
 *   [the page's controls], per cluster: its header, its ideas, its foot
 *   (where ideas are dropped); then the same for the ideas not grouped.
 *
 * After a change the rows are worked out again (cheap: objects, no
 * widgets) and only the stretch that differs is spliced into the list, so
 * the list view makes again only the rows on screen that changed, and
 * keeps its place.  Rows are recycled: a row keeps its widget while it
 * shows the same kind of row. */

typedef enum {
  ROW_TOP = 1,
  ROW_HEADER,
  ROW_IDEA,
  ROW_FOOT,
} RowKind;

#define SAM_TYPE_BOARD_ROW (sam_board_row_get_type ())
G_DECLARE_FINAL_TYPE (SamBoardRow, sam_board_row, SAM, BOARD_ROW, GObject)

struct _SamBoardRow
{
  GObject parent_instance;

  RowKind kind;
  SamCluster *cluster;   /* NULL: the ideas not grouped */
  SamCard *idea;
  gboolean empty;        /* a foot: its cluster has no ideas */
};

G_DEFINE_FINAL_TYPE (SamBoardRow, sam_board_row, G_TYPE_OBJECT)

static void
sam_board_row_dispose (GObject *object)
{
  SamBoardRow *self = SAM_BOARD_ROW (object);

  g_clear_object (&self->cluster);
  g_clear_object (&self->idea);

  G_OBJECT_CLASS (sam_board_row_parent_class)->dispose (object);
}

static void
sam_board_row_class_init (SamBoardRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sam_board_row_dispose;
}

static void
sam_board_row_init (SamBoardRow *self)
{
}

static SamBoardRow *
board_row_new (RowKind     kind,
               SamCluster *cluster,
               SamCard    *idea,
               gboolean    empty)
{
  SamBoardRow *row = g_object_new (SAM_TYPE_BOARD_ROW, NULL);

  row->kind = kind;
  row->cluster = cluster ? g_object_ref (cluster) : NULL;
  row->idea = idea ? g_object_ref (idea) : NULL;
  row->empty = empty;
  return row;
}

static gboolean
board_row_equal (SamBoardRow *a,
                 SamBoardRow *b)
{
  return a->kind == b->kind && a->cluster == b->cluster && a->idea == b->idea && a->empty == b->empty;
}

struct _SamBrainstormBoard
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkListView *list_view;
  GListStore *rows;
  GtkWidget *top;

  /* What the rows show, as of the last update. */
  SamStore *store;
  SamStep *step;
  GListModel *teams;
  SamTeam *voting_team;
  gboolean revealed;
  GHashTable *votes;     /* SamCard → votes, while revealed */

  /* The list items bound now, to show a vote or a rename at once. */
  GPtrArray *bound;
};

G_DEFINE_FINAL_TYPE (SamBrainstormBoard, sam_brainstorm_board, GTK_TYPE_WIDGET)

static SamTeam *
find_team (GListModel *teams,
           gint64      id)
{
  for (guint i = 0; teams != NULL && i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (sam_team_get_id (team) == id)
        return team;
    }

  return NULL;
}

/* The row object a widget inside a row shows now. */
static SamBoardRow *
row_of (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      SamBoardRow *row = g_object_get_data (G_OBJECT (widget), "board-row");

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* --- Drag and drop: an idea travels as its card id ----------------------- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  SamBoardRow *row = row_of (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));

  if (row == NULL || row->idea == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, sam_card_get_id (row->idea));
}

/* Onto an idea: the two are grouped; onto a cluster's header or foot: the
 * idea moves into it (0: out of any). */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  SamBoardRow *row = row_of (widget);
  gint64 id = g_value_get_int64 (value);

  if (row == NULL || row->kind == ROW_TOP)
    return FALSE;

  if (row->kind == ROW_IDEA)
    return id != sam_card_get_id (row->idea) &&
           gtk_widget_activate_action (widget, "brainstorm.group", "(xx)", id, sam_card_get_id (row->idea));

  return gtk_widget_activate_action (widget, "brainstorm.move-to-cluster", "(xx)", id,
                                     row->cluster ? sam_cluster_get_id (row->cluster) : (gint64) 0);
}

/* --- An idea's tile -------------------------------------------------------- */

static GMenuModel *
idea_menu_new (SamCard    *idea,
               GListModel *clusters,
               SamCluster *current)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) vote = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  gint64 id = sam_card_get_id (idea);
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Take Back a Vote"), NULL);
  g_menu_item_set_action_and_target (item, "brainstorm.take-back", "x", id);
  g_menu_append_item (vote, item);

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(SamCluster) cluster = g_list_model_get_item (clusters, i);
      g_autoptr(GMenuItem) entry = NULL;

      if (cluster == current)
        continue;

      entry = g_menu_item_new (sam_cluster_get_name (cluster), NULL);
      g_menu_item_set_action_and_target (entry, "brainstorm.move-to-cluster", "(xx)", id,
                                         sam_cluster_get_id (cluster));
      g_menu_append_item (move, entry);
    }

  if (current != NULL)
    {
      g_autoptr(GMenuItem) entry = g_menu_item_new (_("Not Grouped"), NULL);

      g_menu_item_set_action_and_target (entry, "brainstorm.move-to-cluster", "(xx)", id, (gint64) 0);
      g_menu_append_item (move, entry);
    }
  {
    g_autoptr(GMenuItem) entry = g_menu_item_new (_("_New Cluster"), NULL);

    g_menu_item_set_action_and_target (entry, "brainstorm.move-to-cluster", "(xx)", id, (gint64) -1);
    g_menu_append_item (move, entry);
  }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (vote));
  g_menu_append_submenu (menu, _("_Move to Cluster"), G_MENU_MODEL (move));
  return G_MENU_MODEL (menu);
}

/* The menu is made when it opens, with the clusters as they are then. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  SamBrainstormBoard *self = SAM_BRAINSTORM_BOARD (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                            SAM_TYPE_BRAINSTORM_BOARD));
  SamBoardRow *row = row_of (GTK_WIDGET (button));
  g_autoptr(GMenuModel) model = NULL;

  if (self == NULL || row == NULL || row->idea == NULL || self->step == NULL)
    return;

  model = idea_menu_new (row->idea, sam_store_get_clusters (self->store, self->step), row->cluster);
  gtk_menu_button_set_menu_model (button, model);
}

static char *
votes_text (guint votes)
{
  g_autoptr(GString) dots = g_string_new (NULL);

  for (guint i = 0; i < MIN (votes, 10); i++)
    g_string_append (dots, "●");
  if (votes > 10)
    g_string_append (dots, "…");

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u vote", "%s %u votes", votes), dots->str, votes);
}

static GtkWidget *
votes_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "sam-idea-votes");
  return label;
}

static void
vote_clicked_cb (GtkWidget *button)
{
  SamBoardRow *row = row_of (button);

  if (row != NULL && row->idea != NULL)
    gtk_widget_activate_action (button, "brainstorm.vote", "x", sam_card_get_id (row->idea));
}

static GtkWidget *
tile_new (void)
{
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *stripe = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *who = gtk_label_new (NULL);
  GtkWidget *votes = votes_label_new ();
  GtkWidget *vote = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *menu = gtk_menu_button_new ();
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_add_css_class (stripe, "sam-idea-stripe");
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (text, "sam-idea-text");
  gtk_box_append (GTK_BOX (body), text);

  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_label_set_wrap (GTK_LABEL (who), TRUE);
  gtk_widget_set_hexpand (who, TRUE);
  gtk_widget_add_css_class (who, "sam-idea-team");
  gtk_box_append (GTK_BOX (bottom), who);
  gtk_box_append (GTK_BOX (bottom), votes);

  gtk_widget_add_css_class (vote, "circular");
  gtk_widget_add_css_class (vote, "sam-vote-button");
  gtk_widget_set_valign (vote, GTK_ALIGN_CENTER);
  g_signal_connect (vote, "clicked", G_CALLBACK (vote_clicked_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (vote), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Vote"), -1);
  gtk_box_append (GTK_BOX (bottom), vote);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu), create_menu_cb, NULL, NULL);
  gtk_widget_set_tooltip_text (menu, _("More for this idea"));
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bottom), menu);
  gtk_box_append (GTK_BOX (body), bottom);
  gtk_widget_set_hexpand (body, TRUE);

  gtk_box_append (GTK_BOX (tile), stripe);
  gtk_box_append (GTK_BOX (tile), body);
  gtk_widget_add_css_class (tile, "sam-idea-tile");

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), NULL);
  gtk_widget_add_controller (tile, GTK_EVENT_CONTROLLER (source));

  g_object_set_data (G_OBJECT (tile), "stripe", stripe);
  g_object_set_data (G_OBJECT (tile), "text", text);
  g_object_set_data (G_OBJECT (tile), "who", who);
  g_object_set_data (G_OBJECT (tile), "votes", votes);
  g_object_set_data (G_OBJECT (tile), "vote", vote);
  return tile;
}

static void
tile_unbind (GtkWidget *tile)
{
  GBinding *binding;

  if ((binding = g_object_get_data (G_OBJECT (tile), "text-binding")) != NULL)
    g_binding_unbind (binding);
  if ((binding = g_object_get_data (G_OBJECT (tile), "who-binding")) != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (tile), "text-binding", NULL);
  g_object_set_data (G_OBJECT (tile), "who-binding", NULL);
}

static void
tile_bind (SamBrainstormBoard *self,
           GtkWidget          *tile,
           SamCard            *idea)
{
  GtkWidget *stripe = g_object_get_data (G_OBJECT (tile), "stripe");
  GtkWidget *who = g_object_get_data (G_OBJECT (tile), "who");
  GtkWidget *votes = g_object_get_data (G_OBJECT (tile), "votes");
  GtkWidget *vote = g_object_get_data (G_OBJECT (tile), "vote");
  const char *old_colour = g_object_get_data (G_OBJECT (tile), "colour");
  SamTeam *team = find_team (self->teams, sam_card_get_team_id (idea));
  g_autofree char *tooltip = NULL;

  tile_unbind (tile);
  if (old_colour != NULL)
    gtk_widget_remove_css_class (stripe, old_colour);
  g_object_set_data (G_OBJECT (tile), "colour", NULL);
  if (team != NULL)
    {
      char *colour = sam_decide_team_colour_class (team);

      gtk_widget_add_css_class (stripe, colour);
      g_object_set_data_full (G_OBJECT (tile), "colour", colour, g_free);
      g_object_set_data (G_OBJECT (tile), "who-binding",
                         g_object_bind_property (team, "name", who, "label", G_BINDING_SYNC_CREATE));
    }
  else
    gtk_label_set_text (GTK_LABEL (who), "");
  g_object_set_data (G_OBJECT (tile), "text-binding",
                     g_object_bind_property (idea, "text", g_object_get_data (G_OBJECT (tile), "text"),
                                             "label", G_BINDING_SYNC_CREATE));

  gtk_widget_set_visible (votes, self->revealed);
  if (self->revealed)
    {
      g_autofree char *text = votes_text (GPOINTER_TO_UINT (g_hash_table_lookup (self->votes, idea)));

      gtk_label_set_text (GTK_LABEL (votes), text);
    }

  if (self->voting_team != NULL)
    /* Translators: %s is a team's name */
    tooltip = g_strdup_printf (_("Vote for this idea (%s)"), sam_team_get_name (self->voting_team));
  gtk_widget_set_tooltip_text (vote, tooltip);
  gtk_widget_set_sensitive (vote, self->voting_team != NULL);
}

/* --- A cluster's header and foot ----------------------------------------- */

static void
cluster_name_changed_cb (GtkEditableLabel *label,
                         GParamSpec       *pspec,
                         gpointer          user_data)
{
  SamBoardRow *row = row_of (GTK_WIDGET (label));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (label));
  SamCluster *cluster;

  if (row == NULL || (cluster = row->cluster) == NULL || gtk_editable_label_get_editing (label))
    return;

  if (g_strcmp0 (text, sam_cluster_get_name (cluster)) != 0 &&
      (!gtk_widget_activate_action (GTK_WIDGET (label), "brainstorm.rename-cluster", "(xs)",
                                    sam_cluster_get_id (cluster), text) ||
       g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), sam_cluster_get_name (cluster)) != 0))
    gtk_editable_set_text (GTK_EDITABLE (label), sam_cluster_get_name (cluster));
}

static void
delete_cluster_cb (GtkWidget *button)
{
  SamBoardRow *row = row_of (button);

  if (row != NULL && row->cluster != NULL)
    gtk_widget_activate_action (button, "brainstorm.delete-cluster", "x", sam_cluster_get_id (row->cluster));
}

/* A cluster's name (editable) and its delete button, or the heading of the
 * ideas not grouped yet: both made once, one shown. */
static GtkWidget *
header_new (void)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_editable_label_new ("");
  GtkWidget *loose = gtk_label_new (_("Not grouped yet"));
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cluster name"), -1);
  g_signal_connect (name, "notify::editing", G_CALLBACK (cluster_name_changed_cb), NULL);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "sam-cluster-name");
  gtk_label_set_xalign (GTK_LABEL (loose), 0);
  gtk_widget_set_hexpand (loose, TRUE);
  gtk_widget_add_css_class (loose, "sam-cluster-name");
  gtk_widget_set_tooltip_text (delete, _("Delete this cluster; its ideas stay"));
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_cluster_cb), NULL);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), loose);
  gtk_box_append (GTK_BOX (header), delete);
  g_object_set_data (G_OBJECT (header), "name", name);
  g_object_set_data (G_OBJECT (header), "loose", loose);
  g_object_set_data (G_OBJECT (header), "delete", delete);
  return header;
}

static void
header_bind (GtkWidget  *header,
             SamCluster *cluster)
{
  GtkWidget *name = g_object_get_data (G_OBJECT (header), "name");

  gtk_widget_set_visible (name, cluster != NULL);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (header), "delete"), cluster != NULL);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (header), "loose"), cluster == NULL);
  /* A name being typed stays as typed. */
  if (cluster != NULL && !gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (name)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (name)), sam_cluster_get_name (cluster)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (name), sam_cluster_get_name (cluster));
}

static GtkWidget *
foot_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
foot_bind (GtkWidget   *foot,
           SamBoardRow *row)
{
  gtk_widget_set_visible (foot, row->empty);
  gtk_label_set_text (GTK_LABEL (foot), row->cluster ? _("Drop ideas here") : _("Every idea is in a cluster"));
}

/* --- The list items -------------------------------------------------------- */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SamBrainstormBoard       *self)
{
  GtkWidget *bin = adw_bin_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), NULL);
  gtk_widget_add_controller (bin, GTK_EVENT_CONTROLLER (target));
  gtk_list_item_set_child (item, bin);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static GtkWidget *
row_widget_new (SamBrainstormBoard *self,
                RowKind             kind)
{
  switch (kind)
    {
    case ROW_TOP:
      return self->top;
    case ROW_HEADER:
      return header_new ();
    case ROW_IDEA:
      return tile_new ();
    case ROW_FOOT:
      return foot_new ();
    default:
      g_assert_not_reached ();
    }
}

static void
set_row_classes (GtkWidget   *bin,
                 SamBoardRow *row)
{
  static const char *const classes[] = { "sam-board-top", "sam-cluster-top", "sam-cluster-idea",
                                         "sam-cluster-bottom" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (bin, classes[i]);
  gtk_widget_add_css_class (bin, classes[row->kind - 1]);
  if (row->cluster == NULL && row->kind != ROW_TOP)
    gtk_widget_add_css_class (bin, "sam-ungrouped");
  else
    gtk_widget_remove_css_class (bin, "sam-ungrouped");
}

static void
bind_row (SamBrainstormBoard *self,
          GtkListItem        *item)
{
  GtkWidget *bin = gtk_list_item_get_child (item);
  SamBoardRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (bin));

  if (row == NULL)
    return;

  /* The tile's own buttons take the focus, not the row around them. */
  sam_compat_list_item_set_unfocusable (item);
  if (child == NULL || GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "row-kind")) != (int) row->kind)
    {
      child = row_widget_new (self, row->kind);
      g_object_set_data (G_OBJECT (child), "row-kind", GINT_TO_POINTER (row->kind));
      adw_bin_set_child (ADW_BIN (bin), child);
    }
  g_object_set_data_full (G_OBJECT (bin), "board-row", g_object_ref (row), g_object_unref);
  set_row_classes (bin, row);

  switch (row->kind)
    {
    case ROW_TOP:
      break;
    case ROW_HEADER:
      header_bind (child, row->cluster);
      break;
    case ROW_IDEA:
      tile_bind (self, child, row->idea);
      break;
    case ROW_FOOT:
      foot_bind (child, row);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         SamBrainstormBoard       *self)
{
  bind_row (self, item);
  g_ptr_array_add (self->bound, item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SamBrainstormBoard       *self)
{
  GtkWidget *bin = gtk_list_item_get_child (item);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (bin));

  g_ptr_array_remove_fast (self->bound, item);
  g_object_set_data (G_OBJECT (bin), "board-row", NULL);
  if (child == NULL)
    return;

  /* The page's own controls are shown by one row at a time. */
  if (child == self->top)
    adw_bin_set_child (ADW_BIN (bin), NULL);
  else if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "row-kind")) == ROW_IDEA)
    tile_unbind (child);
}

/* --- The rows ---------------------------------------------------------------- */

static void
append_group (GPtrArray  *rows,
              SamCluster *cluster,
              GPtrArray  *ideas)
{
  g_ptr_array_add (rows, board_row_new (ROW_HEADER, cluster, NULL, FALSE));
  for (guint i = 0; i < ideas->len; i++)
    g_ptr_array_add (rows, board_row_new (ROW_IDEA, cluster, ideas->pdata[i], FALSE));
  g_ptr_array_add (rows, board_row_new (ROW_FOOT, cluster, NULL, ideas->len == 0));
}

/* The rows as they should be: one group per cluster in the clusters'
 * order, and one for the ideas not grouped yet. */
static GPtrArray *
wanted_rows (SamBrainstormBoard *self)
{
  GListModel *clusters = sam_store_get_clusters (self->store, self->step);
  GListModel *cards = sam_store_get_cards (self->store, self->step);
  guint n_clusters = g_list_model_get_n_items (clusters);
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) loose = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_clusters; i++)
    {
      g_autoptr(SamCluster) cluster = g_list_model_get_item (clusters, i);

      g_hash_table_insert (index, cluster, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (groups, g_ptr_array_new ());
    }

  /* The cards stay alive in the store's list while the rows are made. */
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SamCard) card = g_list_model_get_item (cards, i);
      guint position;

      if (g_strcmp0 (sam_card_get_kind (card), "idea") != 0)
        continue;

      position = GPOINTER_TO_UINT (g_hash_table_lookup (index, sam_store_get_idea_cluster (self->store, card)));
      g_ptr_array_add (position > 0 ? groups->pdata[position - 1] : loose, card);
    }

  if (self->top != NULL)
    g_ptr_array_add (rows, board_row_new (ROW_TOP, NULL, NULL, FALSE));
  for (guint i = 0; i < n_clusters; i++)
    {
      g_autoptr(SamCluster) cluster = g_list_model_get_item (clusters, i);

      append_group (rows, cluster, groups->pdata[i]);
    }
  if (loose->len > 0 || n_clusters == 0)
    append_group (rows, NULL, loose);
  return rows;
}

/* Only the stretch between the rows that stay at the start and at the end
 * is replaced. */
static void
splice_rows (SamBrainstormBoard *self,
             GPtrArray          *wanted)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (model);
  guint start = 0, end = 0;

  while (start < n && start < wanted->len)
    {
      g_autoptr(SamBoardRow) row = g_list_model_get_item (model, start);

      if (!board_row_equal (row, wanted->pdata[start]))
        break;
      start++;
    }
  while (end < n - start && end < wanted->len - start)
    {
      g_autoptr(SamBoardRow) row = g_list_model_get_item (model, n - 1 - end);

      if (!board_row_equal (row, wanted->pdata[wanted->len - 1 - end]))
        break;
      end++;
    }

  if (start + end < n || start + end < wanted->len)
    g_list_store_splice (self->rows, start, n - start - end, wanted->pdata + start, wanted->len - start - end);
}

static void
clear_context (SamBrainstormBoard *self)
{
  g_clear_object (&self->store);
  g_clear_object (&self->step);
  g_clear_object (&self->teams);
  g_clear_object (&self->voting_team);
  g_hash_table_remove_all (self->votes);
}

/**
 * sam_brainstorm_board_update:
 * @self: a #SamBrainstormBoard
 * @context: (nullable): what to show, %NULL for nothing
 *
 * Shows the clusters and ideas as they are now; rows that did not change
 * stay, the rows on screen show the votes and the voting team anew.
 */
void
sam_brainstorm_board_update (SamBrainstormBoard    *self,
                             const SamBoardContext *context)
{
  g_autoptr(GPtrArray) wanted = NULL;

  g_return_if_fail (SAM_IS_BRAINSTORM_BOARD (self));

  clear_context (self);
  if (context == NULL || context->store == NULL || context->step == NULL)
    {
      g_list_store_remove_all (self->rows);
      return;
    }

  self->store = g_object_ref (context->store);
  self->step = g_object_ref (context->step);
  self->teams = context->teams ? g_object_ref (context->teams) : NULL;
  self->voting_team = context->voting_team ? g_object_ref (context->voting_team) : NULL;
  self->revealed = context->revealed;
  if (self->revealed)
    {
      g_autoptr(GArray) ranking = sam_store_rank_ideas (self->store, self->step);

      for (guint i = 0; i < ranking->len; i++)
        {
          SamIdeaScore *score = &g_array_index (ranking, SamIdeaScore, i);

          g_hash_table_insert (self->votes, g_object_ref (score->card), GUINT_TO_POINTER (score->votes));
        }
    }

  wanted = wanted_rows (self);
  splice_rows (self, wanted);

  /* The rows kept show what changed in them (votes, names). */
  for (guint i = 0; i < self->bound->len; i++)
    bind_row (self, self->bound->pdata[i]);
}

/**
 * sam_brainstorm_board_set_top:
 * @self: a #SamBrainstormBoard
 * @top: (nullable): the page's controls, shown as the list's first row so
 *   they scroll with the clusters
 *
 * Takes effect with the next sam_brainstorm_board_update().
 */
void
sam_brainstorm_board_set_top (SamBrainstormBoard *self,
                              GtkWidget          *top)
{
  g_return_if_fail (SAM_IS_BRAINSTORM_BOARD (self));

  if (top != NULL)
    g_object_ref_sink (top);
  g_list_store_remove_all (self->rows);
  g_clear_object (&self->top);
  self->top = top;
}

/**
 * sam_brainstorm_board_get_rows:
 * @self: a #SamBrainstormBoard
 *
 * Returns: (transfer none): the rows shown (for tests: per cluster its
 *   header, ideas and foot)
 */
GListModel *
sam_brainstorm_board_get_rows (SamBrainstormBoard *self)
{
  g_return_val_if_fail (SAM_IS_BRAINSTORM_BOARD (self), NULL);
  return G_LIST_MODEL (self->rows);
}

GtkWidget *
sam_brainstorm_board_get_list_view (SamBrainstormBoard *self)
{
  g_return_val_if_fail (SAM_IS_BRAINSTORM_BOARD (self), NULL);
  return GTK_WIDGET (self->list_view);
}

static void
sam_brainstorm_board_dispose (GObject *object)
{
  SamBrainstormBoard *self = (SamBrainstormBoard *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  self->list_view = NULL;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->rows);
  g_clear_object (&self->top);
  clear_context (self);

  G_OBJECT_CLASS (sam_brainstorm_board_parent_class)->dispose (object);
}

static void
sam_brainstorm_board_finalize (GObject *object)
{
  SamBrainstormBoard *self = (SamBrainstormBoard *)object;

  g_clear_pointer (&self->votes, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_brainstorm_board_parent_class)->finalize (object);
}

static void
sam_brainstorm_board_class_init (SamBrainstormBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_brainstorm_board_dispose;
  object_class->finalize = sam_brainstorm_board_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sam_brainstorm_board_init (SamBrainstormBoard *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->rows = g_list_store_new (SAM_TYPE_BOARD_ROW);
  self->votes = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->bound = g_ptr_array_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection)), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "sam-board");
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "sam-page-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Clusters and ideas"), -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
sam_brainstorm_board_new (void)
{
  return g_object_new (SAM_TYPE_BRAINSTORM_BOARD, NULL);
}

/* --- The ranking: a list view over the ideas by votes --------------------- */

/* What the ranking's rows show: per idea its rank and votes. */
typedef struct
{
  GListStore *ideas;
  GHashTable *scores;    /* SamCard → SamIdeaScore */
  GListModel *teams;
} Ranking;

static void
ranking_free (Ranking *ranking)
{
  g_clear_object (&ranking->ideas);
  g_clear_pointer (&ranking->scores, g_hash_table_unref);
  g_clear_object (&ranking->teams);
  g_free (ranking);
}

static void
ranking_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *rank = gtk_label_new (NULL);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *team = gtk_label_new (NULL);
  GtkWidget *votes = votes_label_new ();
  GtkWidget *row;

  gtk_widget_add_css_class (rank, "sam-rank");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "sam-ranking-title");
  gtk_label_set_xalign (GTK_LABEL (team), 0);
  gtk_widget_add_css_class (team, "dim-label");
  gtk_box_append (GTK_BOX (body), title);
  gtk_box_append (GTK_BOX (body), team);
  gtk_widget_set_hexpand (body, TRUE);
  gtk_widget_set_valign (body, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (votes, GTK_ALIGN_CENTER);
  row = sam_brainstorm_vote_row_set (item, "sam-ranking-row", rank, body, votes, NULL);
  g_object_set_data (G_OBJECT (row), "rank", rank);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "team", team);
  g_object_set_data (G_OBJECT (row), "votes", votes);
}

static void
ranking_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GtkWidget                *view)
{
  Ranking *ranking = g_object_get_data (G_OBJECT (view), "ranking");
  GtkWidget *row = gtk_list_item_get_child (item);
  SamCard *idea = gtk_list_item_get_item (item);
  SamIdeaScore *score = g_hash_table_lookup (ranking->scores, idea);
  SamTeam *team = find_team (ranking->teams, sam_card_get_team_id (idea));
  g_autofree char *rank = g_strdup_printf ("%u", score ? score->rank : 0);
  g_autofree char *votes = votes_text (score ? score->votes : 0);

  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "rank"), rank);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), sam_card_get_text (idea));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "team"), team ? sam_team_get_name (team) : "");
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "votes"), votes);
}

/**
 * sam_brainstorm_ranking_new:
 *
 * Returns: (transfer floating): a list view of the ideas by votes, most
 *   first, filled by sam_brainstorm_ranking_update()
 */
GtkWidget *
sam_brainstorm_ranking_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  Ranking *ranking = g_new0 (Ranking, 1);
  GtkNoSelection *selection;
  GtkWidget *view;

  ranking->ideas = g_list_store_new (SAM_TYPE_CARD);
  ranking->scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (ranking->ideas)));
  view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  g_object_set_data_full (G_OBJECT (view), "ranking", ranking, (GDestroyNotify) ranking_free);
  g_signal_connect (factory, "setup", G_CALLBACK (ranking_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (ranking_bind_cb), view);
  gtk_widget_add_css_class (view, "sam-ranking");
  gtk_widget_add_css_class (view, "sam-page-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ideas by votes"), -1);
  return view;
}

/**
 * sam_brainstorm_ranking_update:
 * @ranking: a list view from sam_brainstorm_ranking_new()
 * @context: what to show
 *
 * The ideas by votes, most first; ideas with as many votes keep their order.
 */
void
sam_brainstorm_ranking_update (GtkWidget             *view,
                               const SamBoardContext *context)
{
  Ranking *ranking = g_object_get_data (G_OBJECT (view), "ranking");
  g_autoptr(GArray) scores = sam_store_rank_ideas (context->store, context->step);
  g_autoptr(GPtrArray) ideas = g_ptr_array_new ();

  g_set_object (&ranking->teams, context->teams);
  g_hash_table_remove_all (ranking->scores);
  for (guint i = 0; i < scores->len; i++)
    {
      SamIdeaScore *score = &g_array_index (scores, SamIdeaScore, i);

      g_hash_table_insert (ranking->scores, score->card, g_memdup2 (score, sizeof *score));
      g_ptr_array_add (ideas, score->card);
    }
  /* Every row anew: ranks and counts move together. */
  g_list_store_splice (ranking->ideas, 0, g_list_model_get_n_items (G_LIST_MODEL (ranking->ideas)),
                       ideas->pdata, ideas->len);
}

/* --- The teams' vote counts ------------------------------------------------- */

/**
 * sam_brainstorm_fill_team_status:
 * @box: the flow box, bound to the teams
 * @context: what to show
 *
 * Per team how many of its votes it has cast; never how it voted.  The
 * chips are the flow box's own, one per team: only their text changes.
 */
void
sam_brainstorm_fill_team_status (GtkFlowBox            *box,
                                 const SamBoardContext *context)
{
  guint budget = sam_store_get_vote_budget (context->store, context->step);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      SamTeam *team = g_object_get_data (G_OBJECT (chip), "team");
      guint used = sam_store_count_team_votes (context->store, context->step, team);
      g_autofree char *text = NULL;

      /* Translators: votes a team has cast, e.g. "2 of 3 votes cast" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u vote cast", "%u of %u votes cast", budget),
                              used, budget);
      gtk_label_set_text (g_object_get_data (G_OBJECT (chip), "count"), text);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (chip), "done"), used >= budget);
      if (used >= budget)
        gtk_widget_add_css_class (chip, "sam-votes-done");
      else
        gtk_widget_remove_css_class (chip, "sam-votes-done");
      if (team == context->voting_team)
        gtk_widget_add_css_class (chip, "sam-voting-now");
      else
        gtk_widget_remove_css_class (chip, "sam-voting-now");
    }
}

/**
 * sam_brainstorm_vote_row_set:
 * @item: a list item being set up
 * @css_class: the row's style class
 * @first_child: the row's first widget, then the others, %NULL-terminated
 *
 * Sets up the row of an idea with its votes (in the ranking, in team
 * mode): the widgets side by side, as @item's child.  The row itself is
 * neither activated nor selected; its buttons are.
 *
 * Returns: (transfer none): the row, to remember its widgets on
 */
GtkWidget *
sam_brainstorm_vote_row_set (GtkListItem *item,
                             const char  *css_class,
                             GtkWidget   *first_child,
                             ...)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  va_list children;

  va_start (children, first_child);
  for (GtkWidget *child = first_child; child != NULL; child = va_arg (children, GtkWidget *))
    gtk_box_append (GTK_BOX (row), child);
  va_end (children);

  gtk_widget_add_css_class (row, css_class);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  return row;
}

/**
 * sam_brainstorm_team_chip_new:
 * @team: a team
 *
 * Returns: (transfer floating): the team's chip for
 *   sam_brainstorm_fill_team_status(): its name, its count, a tick when
 *   its votes are spent
 */
GtkWidget *
sam_brainstorm_team_chip_new (SamTeam *team)
{
  GtkWidget *chip = sam_decide_team_label_new (team, "sam-team-status-name");
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *done = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_add_css_class (count, "sam-team-status-count");
  gtk_widget_set_visible (done, FALSE);
  gtk_box_append (GTK_BOX (chip), count);
  gtk_box_append (GTK_BOX (chip), done);
  gtk_widget_add_css_class (chip, "sam-team-status");
  g_object_set_data_full (G_OBJECT (chip), "team", g_object_ref (team), g_object_unref);
  g_object_set_data (G_OBJECT (chip), "count", count);
  g_object_set_data (G_OBJECT (chip), "done", done);
  return chip;
}
