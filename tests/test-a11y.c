/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sam-exercise.h"
#include "sam-i18n.h"
#include "sam-map-page-private.h"
#include "sam-sample-workshop.h"
#include "sam-test-utils.h"
#include "sam-workshop-view.h"

/* An accessibility audit, in the language of $LANGUAGE (meson runs it in
 * English and in Dutch): on every page of a full workshop, every control a
 * screen reader (or the rehearsal) lands on has a name of its own: an
 * accessible label, or a label it is related to.  A control known only by
 * its widget type ("GtkMenuButton") fails the test. */

typedef struct
{
  SamApplication *app;
  SamStore *store;
  SamWindow *window;
  SamWorkshop *workshop;
  GtkWidget *view;
  GPtrArray *nameless;
  guint checked;
} Fixture;

/* The widgets GTK draws inside a control (a drop-down's or a menu button's
 * button, an entry's text, a spin button's + and −) are named through the
 * control itself: GTK 4.8 relates a menu button's inner toggle to it. */
static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_ENTRY (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget) || ADW_IS_ENTRY_ROW (widget) ||
         GTK_IS_WINDOW_CONTROLS (widget);
}

/* Toggle buttons have a role of their own only from GTK 4.10 on. */
static gboolean
needs_name (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget))
    return TRUE;

  switch (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Where a nameless control is, for the failure message: its type, its
 * parents' types and the nearest label text around it. */
static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));
  GtkWidget *parent = gtk_widget_get_parent (widget);

  for (guint i = 0; parent != NULL && i < 4; i++, parent = gtk_widget_get_parent (parent))
    g_string_append_printf (path, " < %s", G_OBJECT_TYPE_NAME (parent));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (path, " (icon %s)", gtk_button_get_icon_name (GTK_BUTTON (widget)));
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (path, " (tooltip “%s”)", gtk_widget_get_tooltip_text (widget));
  return g_string_free (path, FALSE);
}

static void
walk (Fixture    *f,
      GtkWidget  *widget,
      const char *where)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (needs_name (widget))
    {
      f->checked++;
      if (!has_name (widget))
        g_ptr_array_add (f->nameless, g_strdup_printf ("%s: %s", where, describe (widget)));
    }

  if (is_composite (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (f, child, where);
}

static void
audit (Fixture    *f,
       const char *where)
{
  sam_test_pump (150);
  walk (f, GTK_WIDGET (f->window), where);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  guint n_exercises;
  const SamExerciseInfo *exercises = sam_exercise_get_all (&n_exercises);
  GListModel *steps;

  f->app = sam_test_application_new ();
  f->store = sam_application_get_store (f->app);
  f->workshop = sam_sample_workshop_new (f->store, "Samen voor de klant");
  f->nameless = g_ptr_array_new_with_free_func (g_free);

  /* The sample holds every card exercise; the rest of the catalogue too. */
  steps = sam_store_get_steps (f->store, f->workshop);
  for (guint i = 0; i < n_exercises; i++)
    {
      gboolean present = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (steps) && !present; j++)
        {
          g_autoptr(SamStep) step = g_list_model_get_item (steps, j);

          present = g_strcmp0 (sam_step_get_kind (step), exercises[i].kind) == 0;
        }
      if (!present)
        {
          g_autoptr(GError) error = NULL;
          SamStep *step = sam_store_add_step (f->store, f->workshop, -1, exercises[i].kind,
                                              exercises[i].title, 15, "Work in your teams.",
                                              "Notes for the coach", &error);

          g_assert_no_error (error);
          g_assert_nonnull (step);
        }
    }

  f->window = sam_test_window_new_sized (f->app, 1024, 768);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-workshop", "s",
                                             sam_workshop_get_uuid (f->workshop)));
  f->view = sam_window_get_workshop_view (f->window);
  sam_test_pump (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->nameless);
  sam_test_destroy_window (f->window);
  g_clear_object (&f->app);
}

static void
audit_map (Fixture *f)
{
  SamMapPage *page = SAM_MAP_PAGE (sam_test_find_mapped_child (f->view, SAM_TYPE_MAP_PAGE));
  g_autoptr(SamTeam) team = g_list_model_get_item (sam_store_get_teams (f->store, f->workshop), 0);

  g_assert_nonnull (page);
  audit (f, "map");

  /* The side panel of a team, and of its relation with the customer. */
  sam_map_view_select (page->view, SAM_MAP_KIND_NODE, sam_team_get_uuid (team));
  audit (f, "map, a team");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page->view), "map.connect", "(ss)",
                                             sam_team_get_uuid (team), "customer"));
  audit (f, "map, a relation");
}

static void
test_every_page (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *steps = sam_store_get_steps (f->store, f->workshop);

  gtk_widget_activate_action (f->view, "workshop.show-page", "s", "overview");
  audit (f, "workshop and teams");
  gtk_widget_activate_action (f->view, "workshop.show-page", "s", "map");
  audit_map (f);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      gtk_widget_activate_action (f->view, "workshop.show-step", "x", sam_step_get_id (step));
      audit (f, sam_step_get_kind (step));
    }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL);
  audit (f, "library");

  g_test_message ("%u controls checked", f->checked);
  for (guint i = 0; i < f->nameless->len; i++)
    g_test_message ("no accessible name: %s", (const char *) g_ptr_array_index (f->nameless, i));
  g_assert_cmpuint (f->checked, >, 100);
  g_assert_cmpuint (f->nameless->len, ==, 0);
}

static void
skip_dutch (void)
{
  g_test_skip ("no Dutch locale here, and localedef could not make one");
}

int
main (int   argc,
      char *argv[])
{
  gboolean dutch_unavailable;

  sam_test_isolate ();
  sam_i18n_init ();
  /* As in test-layout: a Dutch locale is made where LANGUAGE alone is
   * ignored; without one, Dutch cannot be audited. */
  dutch_unavailable = g_strcmp0 (g_getenv ("LANGUAGE"), "nl") == 0 && !sam_test_speak_dutch ();
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  if (dutch_unavailable)
    {
      g_test_add_func ("/sam/a11y/dutch-unavailable", skip_dutch);
      return g_test_run ();
    }

  g_test_add ("/sam/a11y/every-page", Fixture, NULL, fixture_set_up, test_every_page, fixture_tear_down);

  return g_test_run ();
}
