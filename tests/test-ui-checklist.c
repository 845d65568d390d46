/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sam-checklist-chart-view.h"
#include "sam-catalog.h"
#include "sam-checklist-page.h"
#include "sam-checklist-results.h"
#include "sam-compat.h"
#include "sam-i18n.h"
#include "sam-step-view.h"
#include "sam-store-agenda.h"
#include "sam-store-checklist.h"
#include "sam-store-decide.h"
#include "sam-workshop-view.h"
#include "sam-test-utils.h"

/* The checklist page in the real window, done the way the room does it:
 * a team answers together, then the laptop goes round and each person
 * answers without seeing the one before; the coach edits, deletes (and
 * undoes) and adds statements.  Checked in the store; screenshots at
 * 1024×768 (the test runs in Dutch, see tests/meson.build). */

typedef struct
{
  SamApplication *app;
  SamStore *store;
  SamWindow *window;
  SamWorkshop *workshop;
  SamStep *step;
  GtkWidget *view;
  GtkWidget *page;
} Host;

static const char *const teams[] = { "Verkoop", "Backoffice", "IT", NULL };

static void
take_page (Host *h)
{
  h->page = sam_test_shown_page (h->view, &h->step);
  g_assert_true (SAM_IS_CHECKLIST_PAGE (h->page));
  sam_test_pump (150);
}

static void
host_open (Host *h)
{
  h->app = sam_test_application_new ();
  h->store = sam_application_get_store (h->app);
  /* A beamer's 1024×768. */
  h->window = sam_test_window_new_sized (h->app, 1024, 768);
  h->workshop = sam_test_create_workshop (h->window, "Collega’s en klanten", teams);
  h->view = sam_window_get_workshop_view (h->window);

  g_assert_true (gtk_widget_activate_action (h->view, "workshop.add-step", "s", "checklist"));
  take_page (h);
}

static void
host_close (Host *h)
{
  gtk_window_set_focus (GTK_WINDOW (h->window), NULL);
  sam_test_destroy_window (h->window);
  g_clear_object (&h->app);
}

static void
shoot_at (Host       *h,
          GtkWidget  *target,
          const char *name)
{
  sam_test_scroll_to (h->page, target);
  sam_test_screenshot (GTK_WIDGET (h->window), name);
  /* The page fits the beamer: the window did not have to grow. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (h->window)), <=, 1024);
}

static void
shoot (Host       *h,
       const char *name)
{
  shoot_at (h, h->page, name);
}

static gint64
item_id (Host  *h,
         guint  i)
{
  g_autoptr(SamChecklistItem) item = g_list_model_get_item (sam_store_get_checklist_items (h->store, h->step), i);
  return sam_checklist_item_get_id (item);
}

static SamTeam *
team_at (Host  *h,
         guint  i)
{
  g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (h->store, h->workshop), i);
  return team;
}

static guint
count_answers (Host    *h,
               SamTeam *team,
               guint    person)
{
  g_autoptr(GHashTable) answers = sam_store_get_checklist_answers (h->store, h->step, sam_team_get_id (team), person);
  return g_hash_table_size (answers);
}

/* How many of the page's score buttons are pressed. */
static guint
count_pressed (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, "sam-checklist-score") &&
          gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
        n++;
      n += count_pressed (child);
    }

  return n;
}

static const char *
visible_page (Host *h)
{
  GtkWidget *stack = sam_test_find_child (h->page, GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
test_team_and_people (void)
{
  Host h = { 0 };
  SamTeam *sales, *it;
  GtkWidget *chart;

  host_open (&h);
  g_assert_cmpstr (visible_page (&h), ==, "choose");
  shoot (&h, "checklist-choose.png");

  g_assert_true (gtk_widget_activate_action (h.page, "checklist.fill", "s", "team"));
  g_assert_cmpstr (visible_page (&h), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_checklist_items (h.store, h.step)), ==, 15);

  /* The first team answers together. */
  sales = team_at (&h, 0);
  it = team_at (&h, 2);
  g_assert_true (sam_checklist_page_get_team (SAM_CHECKLIST_PAGE (h.page)) == sales);
  g_assert_cmpuint (sam_checklist_page_get_person (SAM_CHECKLIST_PAGE (h.page)), ==, 0);
  for (guint i = 0; i < 15; i++)
    gtk_widget_activate_action (h.page, "checklist.score", "(xi)", item_id (&h, i), (int) (i % 5) + 1);
  g_assert_cmpuint (count_answers (&h, sales, 0), ==, 15);
  sam_test_pump (100);
  g_assert_cmpuint (count_pressed (h.page), >, 0);
  chart = sam_test_find_child (h.page, SAM_TYPE_CHECKLIST_CHART_VIEW);
  g_assert_true (sam_checklist_chart_view_has_radar (SAM_CHECKLIST_CHART_VIEW (chart)));

  /* IT passes its laptop round: person 1, then person 2, who starts with
   * an empty list. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sam_test_find_child (h.page, GTK_TYPE_DROP_DOWN)), 2);
  g_assert_true (sam_checklist_page_get_team (SAM_CHECKLIST_PAGE (h.page)) == it);
  g_assert_true (gtk_widget_activate_action (h.page, "checklist.anonymous", NULL));
  g_assert_cmpuint (sam_checklist_page_get_person (SAM_CHECKLIST_PAGE (h.page)), ==, 1);
  for (guint i = 0; i < 15; i++)
    gtk_widget_activate_action (h.page, "checklist.score", "(xi)", item_id (&h, i), i < 5 ? 2 : 0);
  g_assert_cmpuint (count_answers (&h, it, 1), ==, 15);
  sam_test_pump (100);
  shoot (&h, "checklist-page.png");

  g_assert_true (gtk_widget_activate_action (h.page, "checklist.next-person", NULL));
  g_assert_cmpuint (sam_checklist_page_get_person (SAM_CHECKLIST_PAGE (h.page)), ==, 2);
  sam_test_pump (100);
  g_assert_cmpuint (count_pressed (h.page), ==, 0);
  /* Someone who answered nothing yet keeps the number. */
  g_assert_true (gtk_widget_activate_action (h.page, "checklist.next-person", NULL));
  g_assert_cmpuint (sam_checklist_page_get_person (SAM_CHECKLIST_PAGE (h.page)), ==, 2);
  gtk_widget_activate_action (h.page, "checklist.score", "(xi)", item_id (&h, 0), 5);
  g_assert_cmpuint (count_answers (&h, it, 2), ==, 1);
  g_assert_cmpuint (count_answers (&h, it, 1), ==, 15);

  {
    g_autoptr(SamChecklistResults) results = sam_store_get_checklist_results (h.store, sam_step_get_id (h.step), NULL);
    const SamChecklistItemResult *first = results->items->pdata[0];

    g_assert_cmpuint (results->teams->len, ==, 2);
    g_assert_cmpuint (first->counts[1], ==, 1);
    g_assert_cmpuint (first->counts[2], ==, 1);
    g_assert_cmpuint (first->counts[5], ==, 1);
  }

  host_close (&h);
}

static void
test_edit (void)
{
  Host h = { 0 };
  GListModel *items;
  gint64 id;

  host_open (&h);
  g_assert_true (gtk_widget_activate_action (h.page, "checklist.fill", "s", "leadership"));
  items = sam_store_get_checklist_items (h.store, h.step);

  id = item_id (&h, 0);
  gtk_widget_activate_action (h.page, "checklist.edit", "(xss)", id, "text", "Onze leiding vertelt waar we heen gaan.");
  gtk_widget_activate_action (h.page, "checklist.edit", "(xss)", id, "theme", "Koers");
  {
    g_autoptr(SamChecklistItem) item = g_list_model_get_item (items, 0);
    g_autoptr(SamChecklistItem) second = g_list_model_get_item (items, 1);

    g_assert_cmpstr (sam_checklist_item_get_text (item), ==, "Onze leiding vertelt waar we heen gaan.");

    /* The theme's heading renames the whole theme. */
    g_assert_cmpstr (sam_checklist_item_get_theme (item), ==, "Koers");
    g_assert_cmpstr (sam_checklist_item_get_theme (second), ==, "Koers");
  }

  /* Delete, then Undo from the window. */
  gtk_widget_activate_action (h.page, "checklist.delete", "x", item_id (&h, 1));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 14);
  sam_test_pump (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 15);

  /* A statement without a theme joins the last one's. */
  gtk_widget_activate_action (h.page, "checklist.add", "(ss)", "", "We krijgen ruimte om te leren van fouten.");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 16);
  {
    g_autoptr(SamChecklistItem) last = g_list_model_get_item (items, 15);
    g_autoptr(SamChecklistItem) before = g_list_model_get_item (items, 14);

    g_assert_cmpstr (sam_checklist_item_get_text (last), ==, "We krijgen ruimte om te leren van fouten.");
    g_assert_cmpstr (sam_checklist_item_get_theme (last), ==, sam_checklist_item_get_theme (before));
  }
  gtk_widget_activate_action (h.page, "checklist.add", "(ss)", "Eigen", "   ");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 16);

  host_close (&h);
}

/* A follow-up takes the same list over and shows then against now. */
static void
test_follow_up (void)
{
  Host h = { 0 };
  SamWorkshop *later;
  SamStep *earlier_step;

  host_open (&h);
  g_assert_true (gtk_widget_activate_action (h.page, "checklist.fill", "s", "team"));
  for (guint i = 0; i < 15; i++)
    gtk_widget_activate_action (h.page, "checklist.score", "(xi)", item_id (&h, i), 2);
  earlier_step = h.step;

  later = sam_decide_create_follow_up (h.store, h.workshop, NULL);
  g_assert_nonnull (later);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.window), "win.open-workshop", "s", sam_workshop_get_uuid (later)));
  h.workshop = later;
  sam_test_pump (150);
  g_assert_true (gtk_widget_activate_action (h.view, "workshop.add-step", "s", "checklist"));
  take_page (&h);
  g_assert_true (h.step != earlier_step);

  g_assert_true (gtk_widget_activate_action (h.page, "checklist.fill", "s", "earlier"));
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_checklist_items (h.store, h.step)), ==, 15);
  g_assert_cmpint (sam_store_find_earlier_checklist (h.store, h.step, TRUE), ==, sam_step_get_id (earlier_step));
  for (guint i = 0; i < 15; i++)
    gtk_widget_activate_action (h.page, "checklist.score", "(xi)", item_id (&h, i), i < 3 ? 5 : 3);

  g_assert_true (gtk_widget_activate_action (h.page, "checklist.compare", NULL));
  {
    gboolean compare = FALSE;

    g_object_get (h.page, "compare", &compare, NULL);
    g_assert_true (compare);
  }
  shoot_at (&h, gtk_widget_get_parent (sam_test_find_child (h.page, SAM_TYPE_CHECKLIST_CHART_VIEW)),
            "checklist-compare.png");

  /* Dark mode, as on a dimmed stage. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_at (&h, gtk_widget_get_parent (sam_test_find_child (h.page, SAM_TYPE_CHECKLIST_CHART_VIEW)),
            "checklist-compare-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  host_close (&h);
}

/* A workshop held in French gets the built-in list in French, also from
 * the Dutch app this suite runs in (the template set its language). */
static void
test_workshop_language (void)
{
  Host h = { 0 };
  g_autoptr(SamChecklistItem) first = NULL;
  g_autoptr(SamCatalog) french = sam_catalog_new ("fr", NULL);

  host_open (&h);
  g_assert_nonnull (french);
  g_assert_true (sam_store_set_workshop_field (h.store, h.workshop, SAM_WORKSHOP_FIELD_LANGUAGE, "fr", NULL));
  g_assert_true (gtk_widget_activate_action (h.page, "checklist.fill", "s", "team"));
  first = g_list_model_get_item (sam_store_get_checklist_items (h.store, h.step), 0);
  g_assert_cmpstr (sam_checklist_item_get_theme (first), ==, sam_catalog_gettext (french, "Goals and roles"));
  g_assert_cmpstr (sam_checklist_item_get_theme (first), !=, "Goals and roles");
  g_assert_cmpstr (sam_checklist_item_get_theme (first), !=, _("Goals and roles"));

  host_close (&h);
}

int
main (int   argc,
      char *argv[])
{
  sam_test_isolate ();
  sam_i18n_init ();
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sam/ui/checklist/team-and-people", test_team_and_people);
  g_test_add_func ("/sam/ui/checklist/edit", test_edit);
  g_test_add_func ("/sam/ui/checklist/follow-up", test_follow_up);
  g_test_add_func ("/sam/ui/checklist/workshop-language", test_workshop_language);

  return g_test_run ();
}
