/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-library-page.h"
#include "sam-list-slice.h"
#include "sam-text-box.h"
#include "sam-workshop-file.h"

/* The start screen: every workshop on this machine, newest edit first, with
 * search and per-workshop actions. */
struct _SamLibraryPage
{
  GtkWidget parent_instance;

  GtkBox *content;
  GtkWidget *header_bar;
  GtkToggleButton *search_button;
  GtkSearchBar *search_bar;          /* both made when a search first starts */
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  AdwStatusPage *empty_page;         /* both made when first shown */
  AdwStatusPage *no_results_page;
  GtkScrolledWindow *scroller;
  GtkListView *list_view;
  GtkMenuButton *primary_button;
  GMenu *primary_menu;

  SamStore *store;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkCustomFilter *filter;
  GtkCustomSorter *sorter;
  char *search_text;
};

G_DEFINE_FINAL_TYPE (SamLibraryPage, sam_library_page, GTK_TYPE_WIDGET)

/* The list's first slice holds the rows that fit the window's height, and
 * one more (a row is 86 pixels at the normal text size); rows still missing
 * (larger text) are added before the first frame, the next ones come as it
 * is scrolled (sam-list-slice.c). */
#define LIBRARY_ROW_HEIGHT 86
#define LIBRARY_FIRST_ROWS 20

static char *
format_edited (gint64 modified)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (modified);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GTimeSpan span = g_date_time_difference (now, then);

  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Edited just now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      int minutes = span / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edited %d minute ago",
                                           "Edited %d minutes ago", minutes), minutes);
    }
  if (g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (then) &&
      g_date_time_get_year (now) == g_date_time_get_year (then))
    {
      g_autofree char *time = g_date_time_format (then, "%H:%M");
      /* Translators: %s is a time such as 14:05 */
      return g_strdup_printf (_("Edited today at %s"), time);
    }
  {
    g_autofree char *date = g_date_time_format (then, "%x");
    /* Translators: %s is a date */
    return g_strdup_printf (_("Edited %s"), date);
  }
}

static char *
format_day (const char *iso)
{
  g_autofree char *full = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || *iso == '\0')
    return NULL;

  full = g_strconcat (iso, "T12:00:00", NULL);
  date = g_date_time_new_from_iso8601 (full, g_time_zone_new_local ());
  if (date == NULL)
    return g_strdup (iso);

  /* Translators: a workshop's date in the list, see strftime(3) */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* A row of the list: the workshop's name, a line about it, its menu.  Rows
 * are made for the workshops in view and bound to another as the list
 * scrolls; the menu is made when it opens. */
typedef struct
{
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *menu_button;
  SamWorkshop *workshop;
} Row;

static void
update_row (Row *row)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *menu_name = NULL;
  SamWorkshop *workshop = row->workshop;
  const char *organisation = sam_workshop_get_organisation (workshop);
  guint n_teams = sam_workshop_get_n_teams (workshop);
  char *day = format_day (sam_workshop_get_date (workshop));

  if (*organisation != '\0')
    g_ptr_array_add (parts, g_strdup (organisation));
  if (day != NULL)
    g_ptr_array_add (parts, day);
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team", "%u teams", n_teams),
                                           n_teams));
  g_ptr_array_add (parts, format_edited (sam_workshop_get_modified (workshop)));
  g_ptr_array_add (parts, NULL);

  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (GTK_LABEL (row->title), sam_workshop_get_name (workshop));
  gtk_label_set_text (GTK_LABEL (row->subtitle), subtitle);

  /* Translators: the accessible name of a workshop's menu button in the
   * list of workshops; %s is the workshop's name */
  menu_name = g_strdup_printf (_("Menu for workshop %s"), sam_workshop_get_name (workshop));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name, -1);
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

static GMenuModel *
row_menu_new (SamLibraryPage *self,
              SamWorkshop    *workshop)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  g_autoptr(GMenu) files = g_menu_new ();
  const char *uuid = sam_workshop_get_uuid (workshop);

  append_item (menu, _("_Open"), "win.open-workshop", g_variant_new_string (uuid));
  append_item (menu, _("_Rename…"), "win.rename-workshop", g_variant_new_string (uuid));
  append_item (menu, _("D_uplicate"), "win.duplicate-workshop", g_variant_new_string (uuid));
  append_item (menu, _("Start a _Follow-up Workshop"), "win.create-follow-up", g_variant_new_string (uuid));

  /* Files: to keep, to hand to another coach, for a team's laptop, to send. */
  append_item (files, _("_Export Workshop…"), "win.export-workshop", g_variant_new_string (uuid));
  append_item (files, _("_Team Packet…"), "win.export-team-packet", g_variant_new ("(ss)", uuid, ""));
  append_item (files, _("Save _Report (PDF)…"), "win.export-report", g_variant_new_string (uuid));
  append_item (files, _("Save A_greements (CSV)…"), "win.export-agreements-csv", g_variant_new_string (uuid));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (files));

  append_item (danger, _("_Delete…"), "win.delete-workshop", g_variant_new_string (uuid));
  /* A team's laptop done with a workshop: gone for good, no Undo. */
  if (self->store != NULL && sam_store_get_packet_team (self->store, workshop, NULL))
    append_item (danger, _("_Forget This Workshop…"), "win.forget-workshop", g_variant_new_string (uuid));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

  return G_MENU_MODEL (menu);
}

/* The menu of the workshop the row shows now, made as it opens.  The
 * button is a plain one and the popover the row's, made at the first
 * click: a GtkMenuButton per row cost the first frame 6 M instructions. */
static void
menu_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  SamLibraryPage *self = SAM_LIBRARY_PAGE (user_data);
  Row *row = g_object_get_data (G_OBJECT (button), "sam-row");
  SamTextBox *box = SAM_TEXT_BOX (gtk_widget_get_parent (GTK_WIDGET (button)));
  g_autoptr(GMenuModel) menu = NULL;
  GtkPopover *popover;

  if (row->workshop == NULL)
    return;

  menu = row_menu_new (self, row->workshop);
  popover = sam_text_box_get_popover (box);
  if (popover == NULL)
    {
      popover = GTK_POPOVER (gtk_popover_menu_new_from_model (NULL));
      gtk_popover_set_position (popover, GTK_POS_BOTTOM);
      sam_text_box_set_popover (box, popover, GTK_WIDGET (button));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (popover), menu);
  sam_text_box_popup (box);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SamLibraryPage           *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = sam_text_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = sam_text_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* Wrapped, never cut.  A few characters as the smallest width make GTK
   * 4.8 lay the text out fewer times when it measures the rows: at
   * start-up the library's text cost 142 M instructions, now 87 M. */
  row->title = g_object_new (GTK_TYPE_LABEL,
                             "xalign", 0.0f,
                             "wrap", TRUE,
                             "wrap-mode", PANGO_WRAP_WORD_CHAR,
                             "width-chars", 10,
                             "css-classes", (const char *[]) { "workshop-title", NULL },
                             NULL);
  row->subtitle = g_object_new (GTK_TYPE_LABEL,
                                "xalign", 0.0f,
                                "wrap", TRUE,
                                "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                "width-chars", 10,
                                "css-classes", (const char *[]) { "workshop-subtitle", "dim-label", NULL },
                                NULL);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  sam_text_box_append (SAM_TEXT_BOX (text), row->title);
  sam_text_box_append (SAM_TEXT_BOX (text), row->subtitle);
  sam_text_box_append (SAM_TEXT_BOX (box), text);

  row->menu_button = gtk_button_new_from_icon_name ("view-more-symbolic");
  g_signal_connect (row->menu_button, "clicked", G_CALLBACK (menu_clicked_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->menu_button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
  gtk_widget_set_valign (row->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->menu_button, _("Workshop Actions"));
  gtk_widget_add_css_class (row->menu_button, "flat");
  g_object_set_data (G_OBJECT (row->menu_button), "sam-row", row);
  sam_text_box_append (SAM_TEXT_BOX (box), row->menu_button);
  sam_text_box_append (SAM_TEXT_BOX (box), arrow);

  gtk_widget_add_css_class (box, "workshop-row");
  g_object_set_data_full (G_OBJECT (box), "sam-row", row, g_free);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SamLibraryPage           *self)
{
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "sam-row");

  row->workshop = gtk_list_item_get_item (item);
  update_row (row);
  g_signal_connect_swapped (row->workshop, "notify", G_CALLBACK (update_row), row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SamLibraryPage           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  Row *row = g_object_get_data (G_OBJECT (box), "sam-row");
  GtkPopover *popover = sam_text_box_get_popover (SAM_TEXT_BOX (box));

  /* An open menu was the workshop's this row no longer shows. */
  if (popover != NULL)
    gtk_popover_popdown (popover);
  if (row->workshop != NULL)
    g_signal_handlers_disconnect_by_func (row->workshop, update_row, row);
  row->workshop = NULL;
}

static void
row_activated_cb (SamLibraryPage *self,
                  guint           position)
{
  g_autoptr(SamWorkshop) workshop = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (workshop != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-workshop", "s",
                                sam_workshop_get_uuid (workshop));
}

/* The pages for no workshops and for no matches, made when one is first
 * needed: out of sight, a status page still loads its large icon. */
static void
ensure_status_pages (SamLibraryPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->empty_page != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/sam-library-status.ui");
  self->empty_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "empty_page"));
  self->no_results_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "no_results_page"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->no_results_page), "no-results");
}

static void
update_visible_page (SamLibraryPage *self)
{
  guint n_all = self->store ? g_list_model_get_n_items (sam_store_get_workshops (self->store)) : 0;
  guint n_shown = self->sorted ? g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) : 0;

  if (n_all == 0)
    {
      ensure_status_pages (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (n_shown == 0)
    {
      ensure_status_pages (self);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SamLibraryPage *self = user_data;
  g_autofree char *haystack = NULL;

  if (self->search_text == NULL || *self->search_text == '\0')
    return TRUE;

  haystack = sam_workshop_dup_search_text (item);
  return strstr (haystack, self->search_text) != NULL;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  gint64 ma = sam_workshop_get_modified ((SamWorkshop *) a);
  gint64 mb = sam_workshop_get_modified ((SamWorkshop *) b);

  if (ma != mb)
    return ma > mb ? -1 : 1;

  return g_utf8_collate (sam_workshop_get_name ((SamWorkshop *) a),
                         sam_workshop_get_name ((SamWorkshop *) b));
}

static void
search_changed_cb (SamLibraryPage *self,
                   GtkSearchEntry *entry)
{
  g_free (self->search_text);
  self->search_text = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  g_strstrip (self->search_text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The search bar, made when a search first starts: its button follows it,
 * so Escape in the entry raises the button again. */
static void
ensure_search_bar (SamLibraryPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->search_bar != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/sam-library-search.ui");
  self->search_bar = GTK_SEARCH_BAR (gtk_builder_get_object (builder, "search_bar"));
  self->search_entry = GTK_SEARCH_ENTRY (gtk_builder_get_object (builder, "search_entry"));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_box_insert_child_after (self->content, GTK_WIDGET (self->search_bar), self->header_bar);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
search_toggled_cb (SamLibraryPage  *self,
                   GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    ensure_search_bar (self);
}

/* The main menu's popover is made when it first opens (a click, F10), not
 * for the first frame. */
static void
create_primary_popup_cb (GtkMenuButton *button,
                         gpointer       user_data)
{
  SamLibraryPage *self = SAM_LIBRARY_PAGE (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->primary_menu));
}

static void
sam_library_page_dispose (GObject *object)
{
  SamLibraryPage *self = (SamLibraryPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_LIBRARY_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (sam_library_page_parent_class)->dispose (object);
}

static void
sam_library_page_class_init (SamLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_library_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamLibraryPage, content);
  gtk_widget_class_bind_template_child (widget_class, SamLibraryPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SamLibraryPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, SamLibraryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SamLibraryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SamLibraryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SamLibraryPage, primary_button);
  gtk_widget_class_bind_template_child (widget_class, SamLibraryPage, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, search_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sam_library_page_init (SamLibraryPage *self)
{
  g_autoptr(GMenu) files = g_menu_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  /* Bringing work in from a file sits next to making a new workshop. */
  g_menu_append (files, _("_Import Workshop…"), "win.import-workshop");
  g_menu_append (files, _("_Merge a Team’s Work…"), "win.merge-contributions");
  g_menu_insert_section (self->primary_menu, 1, NULL, G_MENU_MODEL (files));
  gtk_menu_button_set_create_popup_func (self->primary_button, create_primary_popup_cb, self, NULL);
}

static guint
first_rows (SamLibraryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0, height = 0;

  /* Both out-arguments: GTK 4.8 writes to each. */
  if (GTK_IS_WINDOW (root))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (height <= 0)
    return LIBRARY_FIRST_ROWS;

  return height / LIBRARY_ROW_HEIGHT + 1;
}

/**
 * sam_library_page_set_store:
 * @self: a #SamLibraryPage
 * @store: the database to list
 *
 * Shows the workshops of @store.
 */
void
sam_library_page_set_store (SamLibraryPage *self,
                            SamStore       *store)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkSliceListModel *slice;

  g_return_if_fail (SAM_IS_LIBRARY_PAGE (self));
  g_return_if_fail (SAM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, NULL, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (sam_store_get_workshops (store)),
                                              GTK_FILTER (self->filter));
  g_clear_object (&self->sorted);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (self->sorter));

  /* Only the rows in view are made for the first frame, more as the list
   * is scrolled (see sam-list-slice.c). */
  slice = sam_list_slice_new (g_object_ref (G_LIST_MODEL (self->sorted)), self->scroller,
                              first_rows (self), LIBRARY_FIRST_ROWS);
  selection = gtk_no_selection_new (G_LIST_MODEL (slice));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_visible_page),
                           self, G_CONNECT_SWAPPED);
  update_visible_page (self);
}

/**
 * sam_library_page_refresh:
 * @self: a #SamLibraryPage
 *
 * Puts the most recently edited workshops first again.
 */
void
sam_library_page_refresh (SamLibraryPage *self)
{
  g_return_if_fail (SAM_IS_LIBRARY_PAGE (self));

  if (self->sorter != NULL)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_visible_page (self);
}

void
sam_library_page_start_search (SamLibraryPage *self)
{
  g_return_if_fail (SAM_IS_LIBRARY_PAGE (self));

  ensure_search_bar (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
