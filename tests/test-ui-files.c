/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-compat.h"
#include "sam-sample-workshop.h"
#include "sam-team-window.h"
#include "sam-test-utils.h"
#include "sam-workshop-file.h"

/* The file actions of the real app, driven through its window actions:
 * export and import, a team packet on a shared laptop, the merge preview
 * and the report. */

static char *
test_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "files", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

/* The alert is AdwAlertDialog or AdwMessageDialog, depending on the
 * libadwaita it was built with: sam-compat finds and answers either. */
static GtkWidget *
wait_for_dialog (void)
{
  for (guint i = 0; i < 100; i++)
    {
      GtkWidget *dialog = sam_compat_alert_find_open ();

      /* AdwAlertDialog fades in: screenshots wait for it to settle. */
      if (dialog != NULL)
        {
          sam_test_pump (300);
          return dialog;
        }
      sam_test_pump (20);
    }

  g_error ("No dialog appeared");
  return NULL;
}

static void
close_dialog (GtkWidget  *dialog,
              const char *response)
{
  GtkWidget *gone = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &gone);
  /* As a click on the button: respond, then close. */
  g_assert_true (sam_compat_alert_respond (dialog, response));
  g_assert_null (sam_compat_alert_find_open ());
  for (guint i = 0; i < 100 && gone != NULL && gtk_widget_get_visible (GTK_WIDGET (gone)); i++)
    sam_test_pump (20);
  if (gone != NULL)
    g_object_remove_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  sam_test_pump (50);
}

static void
wait_for_n_workshops (SamStore *store,
                      guint     n)
{
  /* An import runs in the background too: at most two minutes. */
  for (guint i = 0; i < 6000 && g_list_model_get_n_items (sam_store_get_workshops (store)) != n; i++)
    sam_test_pump (20);
  g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_workshops (store)), ==, n);
}

/* The report is written in the background, and a new file is there (and
 * growing) before it is whole: wait until it ends as a PDF ends, with
 * "%%EOF".  Under AddressSanitizer on a loaded machine that takes far
 * longer than the second it takes otherwise (at most two minutes). */
static gboolean
pdf_is_whole (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return g_str_has_prefix (contents, "%PDF-") &&
         g_strrstr_len (contents + length - MIN (length, 32), MIN (length, 32), "%%EOF") != NULL;
}

static void
wait_for_pdf (const char *path)
{
  for (guint i = 0; i < 6000 && !pdf_is_whole (path); i++)
    sam_test_pump (20);
  g_assert_true (pdf_is_whole (path));
}

static void
test_export_import_report (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Colleagues and Customers");
  g_autofree char *json = test_path ("export.samenspel");
  g_autofree char *pdf = test_path ("report.pdf");
  g_autofree char *csv = test_path ("agreements.csv");
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(SamWorkshopFile) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  SamWindow *window = sam_test_window_new (app);
  const char *uuid = sam_workshop_get_uuid (workshop);

  sam_window_open_workshop (window, workshop);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-workshop-file", "(ss)", uuid, json));
  loaded = sam_workshop_file_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_workshop_file_get_workshop_uuid (loaded), ==, uuid);

  /* Opening it imports a new, independent workshop and shows it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", json));
  wait_for_n_workshops (store, 2);
  g_assert_nonnull (sam_window_get_workshop (window));
  g_assert_cmpstr (sam_workshop_get_uuid (sam_window_get_workshop (window)), !=, uuid);
  g_assert_cmpstr (sam_workshop_get_name (sam_window_get_workshop (window)), ==, "Colleagues and Customers");
  sam_test_pump (100);
  sam_test_screenshot (GTK_WIDGET (window), "file-imported.png");

  /* The report is written in the background. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-report", "(ss)", uuid, pdf));
  wait_for_pdf (pdf);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-agreements-csv", "(ss)", uuid, csv));
  g_assert_true (g_file_test (csv, G_FILE_TEST_EXISTS));

  sam_test_destroy_window (window);
}

/* A broken file: a dialog that names the file and the place, and nothing
 * changed. */
static void
test_bad_file (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  g_autofree char *bad = test_path ("sales (broken).samenspel");
  SamWindow *window = sam_test_window_new (app);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *dialog;

  sam_sample_workshop_new (store, "Colleagues and Customers");
  before = sam_sample_dump_database (store);
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"samenspel-workshop\", \"version\": 1, \"kind\": ", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", bad));

  dialog = wait_for_dialog ();
  g_assert_nonnull (strstr (sam_compat_alert_get_body (dialog), "sales (broken).samenspel"));
  g_assert_nonnull (strstr (sam_compat_alert_get_body (dialog), "line 1"));
  g_assert_nonnull (strstr (sam_compat_alert_get_body (dialog), "Nothing was changed"));
  sam_test_screenshot (dialog, "file-error.png");
  close_dialog (dialog, "close");

  after = sam_sample_dump_database (store);
  g_assert_cmpstr (before, ==, after);
  sam_test_destroy_window (window);
}

/* The coach sends a team packet out and merges what comes back. */
static void
test_merge_preview (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Colleagues and Customers");
  g_autofree char *packet = test_path ("sales-packet.samenspel");
  g_autofree char *back = test_path ("sales-contribution.samenspel");
  g_autofree char *laptop_path = test_path ("laptop.db");
  g_autoptr(SamTeam) sales = g_list_model_get_item (sam_store_get_teams (store, workshop), 0);
  g_autoptr(GError) error = NULL;
  SamWindow *window = sam_test_window_new (app);
  GtkWidget *dialog;
  guint n_cards;

  sam_window_open_workshop (window, workshop);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-team-packet", "(sss)",
                                             sam_workshop_get_uuid (workshop), sam_team_get_uuid (sales), packet));

  /* The team's laptop: its own database. */
  {
    g_autoptr(SamStore) laptop = sam_store_open (laptop_path, &error);
    g_autoptr(GFile) in = g_file_new_for_path (packet);
    g_autoptr(GFile) out = g_file_new_for_path (back);
    g_autoptr(SamWorkshopFile) file = NULL;
    g_autoptr(SamWorkshopFile) contribution = NULL;
    g_autoptr(SamStep) step = NULL;
    g_autoptr(SamTeam) team = NULL;
    SamWorkshop *copy;
    SamCardInit init = { "change", 0, 0, 0, NULL, "Brokers want an app", NULL, 0, 0 };

    g_assert_no_error (error);
    file = sam_workshop_file_load (in, NULL, &error);
    g_assert_no_error (error);
    copy = sam_workshop_file_import (file, laptop, &error);
    g_assert_no_error (error);
    step = g_list_model_get_item (sam_store_get_steps (laptop, copy), 0);
    team = g_list_model_get_item (sam_store_get_teams (laptop, copy), 0);
    init.team_id = sam_team_get_id (team);
    sam_store_add_card (laptop, step, &init, &error);
    init.text = "Customers expect a chat on the website";
    sam_store_add_card (laptop, step, &init, &error);
    g_assert_no_error (error);
    contribution = sam_workshop_file_new_contribution (laptop, copy, &error);
    g_assert_no_error (error);
    g_assert_true (sam_workshop_file_save (contribution, out, NULL, &error));
  }

  {
    g_autoptr(SamStep) step = g_list_model_get_item (sam_store_get_steps (store, workshop), 0);

    n_cards = g_list_model_get_n_items (sam_store_get_cards (store, step));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", back));
    dialog = wait_for_dialog ();
    g_assert_cmpstr (sam_compat_alert_get_heading (dialog), ==, "Merge the Work of Sales?");
    g_assert_nonnull (strstr (sam_compat_alert_get_body (dialog), "2 new"));
    /* Nothing changes before the coach says so. */
    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (store, step)), ==, n_cards);
    sam_test_screenshot (dialog, "file-merge-preview.png");

    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    sam_test_pump (100);
    sam_test_screenshot (dialog, "file-merge-preview-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

    close_dialog (dialog, "merge");
    g_assert_cmpuint (g_list_model_get_n_items (sam_store_get_cards (store, step)), ==, n_cards + 2);
  }

  /* The same file again: nothing to merge. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", back));
  dialog = wait_for_dialog ();
  g_test_message ("%s", sam_compat_alert_get_body (dialog));
  g_assert_nonnull (strstr (sam_compat_alert_get_body (dialog), "already in"));
  close_dialog (dialog, "cancel");

  sam_test_destroy_window (window);
}

/* On the team's laptop the packet starts team mode: the coach's window, and
 * with it the library and every other workshop, is gone. */
static void
test_team_packet_alone (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  g_autofree char *coach_path = test_path ("coach.db");
  g_autofree char *packet = test_path ("it-packet.samenspel");
  g_autoptr(GError) error = NULL;
  SamWindow *window = sam_test_window_new (app);
  GtkWidget *gone = GTK_WIDGET (window);
  GtkWindow *active = NULL;

  /* Another workshop already lives on this laptop. */
  sam_store_create_workshop (store, "Last year's strategy day", &error);
  g_assert_no_error (error);
  {
    g_autoptr(SamStore) coach = sam_store_open (coach_path, &error);
    SamWorkshop *workshop = sam_sample_workshop_new (coach, "Colleagues and Customers");
    g_autoptr(SamTeam) it = g_list_model_get_item (sam_store_get_teams (coach, workshop), 2);
    g_autoptr(SamWorkshopFile) file = sam_workshop_file_new_from_store (coach, workshop, SAM_FILE_KIND_TEAM_PACKET,
                                                                        sam_team_get_uuid (it), &error);
    g_autoptr(GFile) out = g_file_new_for_path (packet);

    g_assert_no_error (error);
    g_assert_true (sam_workshop_file_save (file, out, NULL, &error));
  }

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &gone);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", packet));
  for (guint i = 0; i < 200 && !SAM_IS_TEAM_WINDOW (active); i++)
    {
      sam_test_pump (20);
      active = gtk_application_get_active_window (GTK_APPLICATION (app));
    }
  g_assert_true (SAM_IS_TEAM_WINDOW (active));
  g_assert_null (gone);
  g_assert_cmpstr (sam_team_get_name (sam_team_window_get_team (SAM_TEAM_WINDOW (active))), ==, "IT");
  g_assert_true (sam_store_get_packet_team (store, sam_team_window_get_workshop (SAM_TEAM_WINDOW (active)), NULL));
  sam_test_screenshot (GTK_WIDGET (active), "file-team-packet-workshop.png");
  gtk_window_destroy (active);
  sam_test_pump (50);
}

/* The coach's app speaks English; the readers get the report in Dutch. */
static void
test_report_language (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Colleagues and Customers");
  g_autofree char *pdf = test_path ("verslag.pdf");
  g_autofree char *text = NULL;
  SamWindow *window = sam_test_window_new (app);
  const char *uuid = sam_workshop_get_uuid (workshop);
  g_autoptr(GVariant) state = NULL;
  GtkWidget *dialog;
  GtkDropDown *choice;
  GtkStringObject *item;

  sam_window_open_workshop (window, workshop);

  /* Save Report asks for the readers' language first, the app's own chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", "s", uuid));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (sam_compat_alert_get_heading (dialog), ==, "In Which Language?");
  choice = GTK_DROP_DOWN (sam_compat_alert_get_extra_child (dialog));
  item = gtk_drop_down_get_selected_item (choice);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Same as the App");
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (choice)); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (gtk_drop_down_get_model (choice), i);

      if (g_str_equal (gtk_string_object_get_string (name), "Nederlands"))
        gtk_drop_down_set_selected (choice, i);
    }
  item = gtk_drop_down_get_selected_item (choice);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Nederlands");
  sam_test_screenshot (dialog, "report-language.png");
  close_dialog (dialog, "cancel");
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "report-language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "");

  /* The language chosen is what the report is written in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report-language", "s", "nl"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-report", "(ss)", uuid, pdf));
  wait_for_pdf (pdf);
  text = sam_sample_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "De dag in één oogopslag"));
  g_assert_null (strstr (text, "The Day at a Glance"));

  /* The next time, the alert offers that language again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-agreements-csv", "s", uuid));
  dialog = wait_for_dialog ();
  item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (sam_compat_alert_get_extra_child (dialog)));
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Nederlands");
  close_dialog (dialog, "cancel");

  /* An unknown language is refused; the choice stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.report-language", "s", "xx");
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "report-language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "nl");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Kept"), ==, "Kept");

  /* A workshop held in French (made from a French template) offers French
   * first, whatever was chosen last. */
  g_assert_true (sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_LANGUAGE, "fr", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", "s", uuid));
  dialog = wait_for_dialog ();
  item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (sam_compat_alert_get_extra_child (dialog)));
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Français");
  close_dialog (dialog, "cancel");

  sam_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  sam_test_isolate ();
  g_test_init (&argc, &argv, NULL);
  /* The catalogues compiled in the build folder, for the report's language. */
  if (g_getenv ("SAMENSPEL_LOCALEDIR") == NULL)
    {
      g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      g_setenv ("SAMENSPEL_LOCALEDIR", po, TRUE);
    }
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sam/ui/files/export-import-report", test_export_import_report);
  g_test_add_func ("/sam/ui/files/bad-file", test_bad_file);
  g_test_add_func ("/sam/ui/files/report-language", test_report_language);
  g_test_add_func ("/sam/ui/files/merge-preview", test_merge_preview);
  g_test_add_func ("/sam/ui/files/team-packet-alone", test_team_packet_alone);

  return g_test_run ();
}
