/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sam-card-list.h"
#include "sam-changes-page.h"
#include "sam-i18n.h"
#include "sam-layout-probe.h"
#include "sam-sample-workshop.h"
#include "sam-step-view.h"
#include "sam-test-utils.h"
#include "sam-workshop-view.h"

/* The window on a 1024×768 beamer, in the language of $LANGUAGE (meson runs
 * this program in English, Dutch and French): it fits, no label is cut
 * short, and every exercise's page scrolls as one with its cards taking
 * a good part of the height. */

#define SCREEN_WIDTH 1024
#define SCREEN_HEIGHT 768

typedef struct
{
  SamApplication *app;
  SamStore *store;
  SamWindow *window;
  SamWorkshop *workshop;
  GtkWidget *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* Team names as a room in that language would type them, long ones too. */
  static const char *const dutch[] = {
    "Klantenservice", "Backoffice Hypotheken", "IT en Data", "Compliance", "Zakelijke Verkoop", NULL,
  };
  static const char *const french[] = {
    "Service clients", "Back-office hypothécaire", "IT et données", "Conformité", "Vente entreprises", NULL,
  };
  const char *const *names = g_strcmp0 (g_getenv ("LANGUAGE"), "fr") == 0 ? french : dutch;

  G_STATIC_ASSERT (G_N_ELEMENTS (dutch) == G_N_ELEMENTS (french));

  f->app = sam_test_application_new ();
  f->store = sam_application_get_store (f->app);
  f->window = sam_test_window_new_sized (f->app, SCREEN_WIDTH, SCREEN_HEIGHT);
  f->workshop = sam_test_create_workshop (f->window, "Samen voor de klant", names);
  f->view = sam_window_get_workshop_view (f->window);
  g_assert_true (gtk_widget_activate_action (f->view, "workshop.apply-template", "s",
                                             "colleagues-customers-day"));
  sam_test_pump (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sam_test_destroy_window (f->window);
  g_clear_object (&f->app);
}

/* Lets the window draw a whole frame (its layout, then its paint) from
 * now on.  Time alone says nothing: under AddressSanitizer on a loaded
 * machine a page just shown kept its 0-pixel allocation for longer than
 * the 150 ms between two descriptions, which then agreed. */
static void
wait_for_frame (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  gint64 start;

  g_assert_nonnull (clock);
  start = gdk_frame_clock_get_frame_counter (clock);
  gtk_widget_queue_draw (GTK_WIDGET (f->window));
  for (guint i = 0; i < 3000 && gdk_frame_clock_get_frame_counter (clock) <= start; i++)
    sam_test_pump (20);
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock), >, start);
}

/* The layout once it has settled: two descriptions with a whole frame
 * and 150 ms between them agree.  On a loaded machine a page (or the
 * header's title) can still be between two allocations when it is first
 * measured, as the rehearsal's probe knows. */
static JsonObject *
describe (Fixture *f)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  wait_for_frame (f);
  text = sam_layout_probe_describe (GTK_WINDOW (f->window));
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *again = NULL;

      wait_for_frame (f);
      sam_test_pump (150);
      again = sam_layout_probe_describe (GTK_WINDOW (f->window));
      if (g_str_equal (again, text))
        break;
      g_free (text);
      text = g_steal_pointer (&again);
    }

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
show_step (Fixture *f,
           SamStep *step)
{
  gtk_widget_activate_action (f->view, "workshop.show-step", "x", sam_step_get_id (step));
  sam_test_pump (300);
}

/* What a room at the back needs on every page: the window is not wider
 * than the screen, and no label ends in "…". */
static void
assert_fits (JsonObject *layout,
             const char *where)
{
  JsonArray *ellipsized = json_object_get_array_member (layout, "ellipsized");
  JsonArray *cut_off = json_object_get_array_member (layout, "cut-off");

  g_test_message ("%s: minimum width %" G_GINT64_FORMAT, where,
                  json_object_get_int_member (layout, "min-width"));
  g_assert_cmpint (json_object_get_int_member (layout, "min-width"), <=, SCREEN_WIDTH);
  g_assert_cmpint (json_object_get_int_member (layout, "width"), <=, SCREEN_WIDTH);
  for (guint i = 0; i < json_array_get_length (ellipsized); i++)
    g_test_message ("%s: ellipsized “%s”", where, json_array_get_string_element (ellipsized, i));
  g_assert_cmpuint (json_array_get_length (ellipsized), ==, 0);
  for (guint i = 0; i < json_array_get_length (cut_off); i++)
    g_test_message ("%s: cut off “%s”", where, json_array_get_string_element (cut_off, i));
  g_assert_cmpuint (json_array_get_length (cut_off), ==, 0);
}

/* A picture of each page per language, to look at: layout-<lang>-NN-<page>.png */
static void
screenshot (Fixture    *f,
            guint       number,
            const char *page)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("layout-%s-%02u-%s.png",
                                           language != NULL ? language : "en", number, page);

  /* After the page's cross-fade, so the picture shows one page. */
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (f->window), name);
}

static void
test_pages_fit (Fixture       *f,
                gconstpointer  data)
{
  static const char *const sections[] = { "overview", "map" };
  GListModel *steps = sam_store_get_steps (f->store, f->workshop);
  g_autoptr(JsonObject) library = NULL;

  /* The two exercises the one-day template leaves out, so that every
   * exercise's page is measured. */
  g_assert_true (gtk_widget_activate_action (f->view, "workshop.add-step", "s", "customer-walk"));
  g_assert_true (gtk_widget_activate_action (f->view, "workshop.add-step", "s", "achieve-avoid"));
  sam_test_pump (200);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr(JsonObject) layout = NULL;

      gtk_widget_activate_action (f->view, "workshop.show-page", "s", sections[i]);
      sam_test_pump (150);
      layout = describe (f);
      assert_fits (layout, sections[i]);
      screenshot (f, i, sections[i]);
    }

  g_assert_cmpuint (g_list_model_get_n_items (steps), >, 5);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);
      g_autoptr(JsonObject) layout = NULL;

      show_step (f, step);
      layout = describe (f);
      assert_fits (layout, sam_step_get_kind (step));
      screenshot (f, G_N_ELEMENTS (sections) + i, sam_step_get_kind (step));
    }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL);
  sam_test_pump (150);
  library = describe (f);
  assert_fits (library, "library");
}

/* One page scrolls as one: the exercise's part of the page (its cards) is
 * at least 40% of the window's height, and has no scroller of its own
 * squeezed into a slot. */
static void
test_card_area (Fixture       *f,
                gconstpointer  data)
{
  GListModel *steps = sam_store_get_steps (f->store, f->workshop);
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);
      g_autoptr(JsonObject) layout = NULL;
      JsonObject *card_area;
      JsonArray *nested;
      gint64 height;

      show_step (f, step);
      layout = describe (f);
      if (json_object_get_null_member (layout, "card-area"))
        continue;

      height = json_object_get_int_member (layout, "height");
      card_area = json_object_get_object_member (layout, "card-area");
      g_test_message ("%s: card area %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " px",
                      sam_step_get_kind (step), json_object_get_int_member (card_area, "height"), height);
      g_assert_cmpint (json_object_get_int_member (card_area, "height") * 10, >=, height * 4);

      nested = json_object_get_array_member (layout, "nested-scrollers");
      for (guint j = 0; j < json_array_get_length (nested); j++)
        g_assert_cmpint (json_array_get_int_element (nested, j) * 10, >=, height * 4);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 7);
}

/* "Changes and Impact" with two changes and an impact per team: the page
 * is one list that scrolls as one (it takes most of the window, not a
 * slot), and every team's field for a new change is brought into it and
 * lies inside it, not to the right of it. */
static void
test_changes_reachable (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *teams = sam_store_get_teams (f->store, f->workshop);
  SamStep *step = sam_sample_find_step (f->store, f->workshop, "changes");
  GtkWidget *step_view = sam_workshop_view_get_step_view (SAM_WORKSHOP_VIEW (f->view));
  GtkWidget *scroller;
  SamChangesPage *page;

  show_step (f, step);
  page = SAM_CHANGES_PAGE (sam_step_view_get_page (SAM_STEP_VIEW (step_view)));
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(SamCard) first = NULL;
      g_autoptr(SamCard) second = NULL;
      g_autoptr(SamCard) impact = NULL;

      SamCardInit init = { .kind = "change", .team_id = sam_team_get_id (team) };

      init.text = "Nieuw klantportaal";
      first = sam_store_add_card (f->store, step, &init, &error);
      g_assert_no_error (error);
      init.text = "Minder papieren post";
      second = sam_store_add_card (f->store, step, &init, &error);
      g_assert_no_error (error);
      init.kind = "impact";
      init.parent_id = sam_card_get_id (first);
      init.text = "Meer vragen via de chat";
      impact = sam_store_add_card (f->store, step, &init, &error);
      g_assert_no_error (error);
    }
  sam_test_pump (200);

  scroller = gtk_widget_get_ancestor (sam_card_tree_get_list_view (sam_changes_page_get_tree (page)), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);
      GtkWidget *entry;
      graphene_rect_t bounds;

      sam_card_tree_show_entry (sam_changes_page_get_tree (page), G_OBJECT (team), NULL);
      sam_test_pump (100);
      entry = sam_card_tree_show_entry (sam_changes_page_get_tree (page), G_OBJECT (team), NULL);
      g_assert_nonnull (entry);
      g_assert_true (gtk_widget_compute_bounds (entry, scroller, &bounds));
      g_test_message ("%s: entry at %.0f,%.0f of %d×%d", sam_team_get_name (team),
                      bounds.origin.x, bounds.origin.y,
                      gtk_widget_get_width (scroller), gtk_widget_get_height (scroller));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (scroller));
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller) + 1);
    }

  {
    g_autoptr(JsonObject) layout = describe (f);
    JsonArray *nested = json_object_get_array_member (layout, "nested-scrollers");
    gint64 height = json_object_get_int_member (layout, "height");

    /* The one scroller is the page's list itself, not a slot. */
    g_assert_cmpuint (json_array_get_length (nested), <=, 1);
    for (guint j = 0; j < json_array_get_length (nested); j++)
      g_assert_cmpint (json_array_get_int_element (nested, j) * 10, >=, height * 4);
  }
}

static void
skip_language (void)
{
  g_test_skip ("this language's catalogue is not used here, and localedef could not make a locale for it");
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");
  gboolean dutch_unavailable;

  sam_test_isolate ();
  sam_i18n_init ();
  /* Where the C library ignores LANGUAGE in the test's C.UTF-8 locale
   * (glibc 2.37 and later, the compat gate's root), a Dutch locale is made
   * for the test; without localedef, Dutch cannot be measured, and saying
   * so beats measuring English twice. */
  dutch_unavailable = g_strcmp0 (language, "nl") == 0 && !sam_test_speak_dutch ();
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  /* Another language whose catalogue this C library does not use here
   * cannot be measured either. */
  if (dutch_unavailable
      || (language != NULL && !g_str_has_prefix (language, "en")
          && g_strcmp0 (_("Agreed"), "Agreed") == 0))
    {
      g_test_message ("The catalogue for “%s” is not used here (LANGUAGE ignored in %s)",
                      language, setlocale (LC_MESSAGES, NULL));
      g_test_add_func ("/sam/layout/language-unavailable", skip_language);
      return g_test_run ();
    }

  g_test_add ("/sam/layout/pages-fit", Fixture, NULL, fixture_set_up, test_pages_fit, fixture_tear_down);
  g_test_add ("/sam/layout/card-area", Fixture, NULL, fixture_set_up, test_card_area, fixture_tear_down);
  g_test_add ("/sam/layout/changes-reachable", Fixture, NULL, fixture_set_up, test_changes_reachable,
              fixture_tear_down);

  return g_test_run ();
}
