/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sam-customer-voice-page.h"
#include "sam-i18n.h"
#include "sam-step-view.h"
#include "sam-store-agenda.h"
#include "sam-store-cards.h"
#include "sam-store-feedback.h"
#include "sam-workshop-view.h"
#include "sam-test-utils.h"

/* The customer's voice in the real window: a survey export from Excel is
 * read, its columns are guessed and shown in a preview, the import lists
 * the rows it skipped, names are hidden before projecting, and a comment
 * becomes a brainstorm card.  Screenshots at 1024×768, in Dutch. */

static const char survey[] =
  "Datum;Cijfer;Toelichting;Afdeling\r\n"
  "14-03-2026;9;\"Snel geholpen door Anouk, echt top\";Klantenservice\r\n"
  "20-03-2026;3;\"De verhuizing duurde\r\nveel te lang\";Backoffice\r\n"
  "02-04-2026;10;Caf\xe9 en koffie prima;Klantenservice\r\n"
  "05-04-2026;elf;Geen idee;Klantenservice\r\n"
  "09-04-2026;6;Meneer de Vries beloofde terug te bellen, dat gebeurde niet;Backoffice\r\n"
  "12-04-2026;8;Duidelijke brief;Verkoop\r\n";

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

static void
host_open (Host *h)
{
  GtkWidget *step_view;

  h->app = sam_test_application_new ();
  h->store = sam_application_get_store (h->app);
  h->window = sam_window_new (h->app);
  gtk_window_set_default_size (GTK_WINDOW (h->window), 1024, 768);
  gtk_window_present (GTK_WINDOW (h->window));
  sam_test_pump (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h->window), "win.create-workshop", "s", "Klanten aan het woord"));
  h->workshop = sam_window_get_workshop (h->window);
  h->view = sam_window_get_workshop_view (h->window);
  g_assert_true (gtk_widget_activate_action (h->view, "workshop.add-team", "s", "Klantenservice"));
  g_assert_true (gtk_widget_activate_action (h->view, "workshop.add-step", "s", "brainstorm"));
  g_assert_true (gtk_widget_activate_action (h->view, "workshop.add-step", "s", "customer-voice"));
  sam_test_pump (150);
  step_view = sam_workshop_view_get_step_view (SAM_WORKSHOP_VIEW (h->view));
  h->step = sam_workshop_view_get_step (SAM_WORKSHOP_VIEW (h->view));
  h->page = sam_step_view_get_page (SAM_STEP_VIEW (step_view));
  g_assert_true (SAM_IS_CUSTOMER_VOICE_PAGE (h->page));
}

static void
host_close (Host *h)
{
  gtk_window_set_focus (GTK_WINDOW (h->window), NULL);
  sam_test_destroy_window (h->window);
  g_clear_object (&h->app);
}

static const char *
visible_page (Host *h)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (sam_test_find_child (h->page, GTK_TYPE_STACK)));
}

static void
shoot (Host       *h,
       GtkWidget  *target,
       const char *name)
{
  sam_test_scroll_to (h->page, target);
  sam_test_screenshot (GTK_WIDGET (h->window), name);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (h->window)), <=, 1024);
}

static SamStep *
brainstorm_step (Host *h)
{
  g_autoptr(SamStep) step = g_list_model_get_item (sam_store_get_steps (h->store, h->workshop), 0);

  g_assert_cmpstr (sam_step_get_kind (step), ==, "brainstorm");
  return step;
}

static void
test_import (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "enquete-test.csv", NULL);
  Host h = { 0 };
  g_autoptr(GListModel) feedback = NULL;
  GListModel *cards;
  gint64 de_vries = 0;

  g_assert_true (g_file_set_contents (path, survey, sizeof survey - 1, NULL));
  host_open (&h);
  g_assert_cmpstr (visible_page (&h), ==, "empty");
  shoot (&h, h.page, "voice-empty.png");

  g_assert_true (gtk_widget_activate_action (h.page, "voice.load-file", "s", path));
  for (guint i = 0; i < 50 && g_strcmp0 (visible_page (&h), "preview") != 0; i++)
    sam_test_pump (50);
  g_assert_cmpstr (visible_page (&h), ==, "preview");
  shoot (&h, h.page, "voice-preview.png");

  /* The columns were guessed from their headings. */
  g_assert_true (gtk_widget_activate_action (h.page, "voice.import-chosen", NULL));
  g_assert_cmpstr (visible_page (&h), ==, "results");
  feedback = sam_store_list_feedback (h.store, h.step);
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 5);
  g_assert_cmpuint (sam_store_get_feedback_scale (h.store, h.step), ==, 10);
  {
    g_autoptr(SamFeedback) second = g_list_model_get_item (feedback, 1);

    g_assert_cmpstr (sam_feedback_get_comment (second), ==, "De verhuizing duurde\nveel te lang");
    g_assert_cmpstr (sam_feedback_get_channel (second), ==, "Backoffice");
    g_assert_cmpstr (sam_feedback_get_date (second), ==, "2026-03-20");
  }
  for (guint i = 0; i < g_list_model_get_n_items (feedback); i++)
    {
      g_autoptr(SamFeedback) item = g_list_model_get_item (feedback, i);

      if (strstr (sam_feedback_get_comment (item), "de Vries") != NULL)
        de_vries = sam_feedback_get_id (item);
    }
  g_assert_cmpint (de_vries, !=, 0);
  shoot (&h, h.page, "voice-results.png");

  /* Names hidden before projecting; the card shows what the room saw. */
  gtk_editable_set_text (GTK_EDITABLE (sam_test_find_child (h.page, GTK_TYPE_ENTRY)), "Anouk, de Vries");
  g_assert_true (gtk_widget_activate_action (h.page, "voice.redact", NULL));
  {
    gboolean hide = FALSE;
    g_autofree char *names = sam_store_get_feedback_redaction (h.step, &hide);

    g_assert_true (hide);
    g_assert_cmpstr (names, ==, "Anouk, de Vries");
  }
  g_assert_true (gtk_widget_activate_action (h.page, "voice.to-card", "x", de_vries));
  cards = sam_store_get_cards (h.store, brainstorm_step (&h));
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);
  {
    g_autoptr(SamCard) card = g_list_model_get_item (cards, 0);

    g_assert_cmpstr (sam_card_get_kind (card), ==, "idea");
    g_assert_cmpstr (sam_card_get_text (card), ==, "Meneer … beloofde terug te bellen, dat gebeurde niet");
  }
  shoot (&h, sam_test_find_child (h.page, GTK_TYPE_GRID_VIEW), "voice-comments.png");

  host_close (&h);
  g_unlink (path);
}

/* A file that cannot be read is named with its problem; nothing changes. */
static void
test_bad_file (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "kapot-test.csv", NULL);
  Host h = { 0 };

  g_assert_true (g_file_set_contents (path, "a;b\n1;\"nooit gesloten\n", -1, NULL));
  host_open (&h);
  g_assert_true (gtk_widget_activate_action (h.page, "voice.load-file", "s", path));
  sam_test_pump (500);
  g_assert_cmpstr (visible_page (&h), ==, "empty");
  g_assert_cmpuint (sam_store_get_feedback_scale (h.store, h.step), ==, 0);
  host_close (&h);
  g_unlink (path);
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

  g_test_add_func ("/sam/ui/customer-voice/import", test_import);
  g_test_add_func ("/sam/ui/customer-voice/bad-file", test_bad_file);

  return g_test_run ();
}
