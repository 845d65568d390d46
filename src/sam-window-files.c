/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-compat.h"
#include "sam-pin.h"
#include "sam-report.h"
#include "sam-store-packet.h"
#include "sam-window-private.h"
#include "sam-workshop-file.h"

/* The window's file actions: workshop files, team packets and
 * contributions, the report and the agreements.  Each action that asks for
 * a file has a twin taking the path, for tests and scripts; the dialogs end
 * in those same functions. */

static SamWorkshop *
find_workshop (SamWindow  *self,
               const char *uuid)
{
  SamStore *store = sam_window_get_store (self);

  if (store == NULL)
    return NULL;

  return *uuid == '\0' ? sam_window_get_workshop (self) : sam_store_find_workshop (store, uuid);
}

void
_sam_window_show_file_error (SamWindow    *self,
                 const char   *heading,
                 const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *alert;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  body = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing was changed."));
  alert = sam_compat_alert_new (heading, body);
  sam_compat_alert_add_response (alert, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_present (alert, GTK_WIDGET (self), NULL, NULL);
}

static char *
file_name_for (const char *name,
               const char *extension)
{
  g_autofree char *safe = g_strdup (name);

  /* A workshop name is free text; a file name must not hold a path. */
  g_strdelimit (safe, "/\\:", '-');
  return g_strconcat (safe, extension, NULL);
}

static void
toast_saved (SamWindow *self,
             GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Saved as “%s”"), name);

  sam_window_show_toast (self, message);
}

/* What is saved, once the place is known. */
typedef enum
{
  SAVE_WORKSHOP,
  SAVE_TEAM_PACKET,
  SAVE_CONTRIBUTION,
  SAVE_REPORT,
  SAVE_AGREEMENTS,
} SaveKind;

typedef struct
{
  SamWindow *window;
  SaveKind kind;
  char *workshop_uuid;
  char *team_uuid;
  char *pin;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->window);
  g_free (request->workshop_uuid);
  g_free (request->team_uuid);
  g_free (request->pin);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

typedef struct
{
  SamWindow *window;
  GFile *file;
} ReportJob;

static void
report_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReportJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!sam_report_write_pdf_finish (result, &error))
    _sam_window_show_file_error (job->window, _("The Report Could Not Be Saved"), error);
  else
    toast_saved (job->window, job->file);

  g_object_unref (job->window);
  g_object_unref (job->file);
  g_free (job);
}

/* The report's language is the state of "win.report-language": a
 * language code, or "" for the app's own. */
static gboolean
report_catalog (SamWindow   *self,
                SamCatalog **catalog,
                GError     **error)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "report-language");
  g_autoptr(GVariant) state = g_action_get_state (action);
  const char *language = g_variant_get_string (state, NULL);

  *catalog = NULL;
  if (*language == '\0')
    return TRUE;

  *catalog = sam_catalog_new (language, error);
  return *catalog != NULL;
}

static void
save_to (SamWindow  *self,
         SaveKind    kind,
         const char *workshop_uuid,
         const char *team_uuid,
         const char *pin,
         GFile      *file)
{
  SamStore *store = sam_window_get_store (self);
  SamWorkshop *workshop = find_workshop (self, workshop_uuid);
  g_autoptr(SamWorkshopFile) out = NULL;
  g_autoptr(SamCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (workshop == NULL)
    return;

  if ((kind == SAVE_REPORT || kind == SAVE_AGREEMENTS) && !report_catalog (self, &catalog, &error))
    {
      _sam_window_show_file_error (self, _("The Report Could Not Be Saved"), error);
      return;
    }

  switch (kind)
    {
    case SAVE_REPORT:
      {
        /* The PDF is written in a worker thread; the window is kept alive
         * for the toast. */
        ReportJob *job = g_new0 (ReportJob, 1);

        job->window = g_object_ref (self);
        job->file = g_object_ref (file);
        sam_report_write_pdf_async (store, workshop, catalog, file, NULL, report_written_cb, job);
        return;
      }
    case SAVE_AGREEMENTS:
      ok = sam_report_write_agreements_csv (store, workshop, catalog, file, &error);
      break;
    case SAVE_WORKSHOP:
      out = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_WORKSHOP, NULL, &error);
      break;
    case SAVE_TEAM_PACKET:
      /* No team: the packet for the whole room on one shared laptop. */
      if (team_uuid == NULL || *team_uuid == '\0')
        out = sam_workshop_file_new_room_packet (store, workshop, &error);
      else
        out = sam_workshop_file_new_from_store (store, workshop, SAM_FILE_KIND_TEAM_PACKET, team_uuid, &error);
      if (out != NULL && pin != NULL && sam_pin_is_acceptable (pin))
        sam_workshop_file_set_pin (out, pin);
      break;
    case SAVE_CONTRIBUTION:
      out = sam_workshop_file_new_contribution (store, workshop, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (out != NULL)
    ok = sam_workshop_file_save (out, file, NULL, &error);

  if (!ok)
    _sam_window_show_file_error (self, _("The File Could Not Be Saved"), error);
  else
    toast_saved (self, file);
}

static void
save_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SaveRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sam_compat_save_file_finish (result, &error);

  if (file == NULL)
    {
      if (error != NULL)
        _sam_window_show_file_error (request->window, _("The File Could Not Be Saved"), error);
      return;
    }

  save_to (request->window, request->kind, request->workshop_uuid, request->team_uuid, request->pin, file);
}

/* Asks where to save, suggesting the workshop's (and team's) name. */
static void
ask_save (SamWindow  *self,
          SaveKind    kind,
          const char *workshop_uuid,
          const char *team_uuid,
          const char *team_name,
          const char *pin)
{
  SamWorkshop *workshop = find_workshop (self, workshop_uuid);
  g_autoptr(GListModel) filters = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  SaveRequest *request;
  const char *title;

  if (workshop == NULL)
    return;

  base = team_name != NULL ? g_strdup_printf ("%s – %s", sam_workshop_get_name (workshop), team_name)
                           : g_strdup (sam_workshop_get_name (workshop));
  switch (kind)
    {
    case SAVE_REPORT:
      title = _("Save the Report");
      name = file_name_for (base, ".pdf");
      filters = sam_compat_file_filters_new (_("PDF documents"), "application/pdf", "*.pdf");
      break;
    case SAVE_AGREEMENTS:
      title = _("Save the Agreements");
      name = file_name_for (base, ".csv");
      filters = sam_compat_file_filters_new (_("Spreadsheets (CSV)"), "text/csv", "*.csv");
      break;
    case SAVE_TEAM_PACKET:
      title = _("Save the Team Packet");
      name = file_name_for (base, SAM_WORKSHOP_FILE_EXTENSION);
      filters = sam_compat_file_filters_new (_("Workshop files"), SAM_WORKSHOP_FILE_MIME_TYPE, "*.samenspel");
      break;
    case SAVE_CONTRIBUTION:
      {
        /* Workshop and team in the name: five teams' files on one stick. */
        g_autofree char *packet_team = NULL;
        SamTeam *team = NULL;
        GListModel *teams = sam_store_get_teams (sam_window_get_store (self), workshop);

        sam_store_get_packet_team (sam_window_get_store (self), workshop, &packet_team);
        for (guint i = 0; packet_team != NULL && team == NULL && i < g_list_model_get_n_items (teams); i++)
          {
            g_autoptr(SamTeam) candidate = g_list_model_get_item (teams, i);

            if (g_strcmp0 (sam_team_get_uuid (candidate), packet_team) == 0)
              team = candidate;
          }
        title = _("Save the Team’s Work");
        name = sam_workshop_file_suggest_name (sam_workshop_get_name (workshop),
                                               team != NULL ? sam_team_get_name (team) : NULL);
      }
      filters = sam_compat_file_filters_new (_("Workshop files"), SAM_WORKSHOP_FILE_MIME_TYPE, "*.samenspel");
      break;
    case SAVE_WORKSHOP:
    default:
      title = _("Export the Workshop");
      name = file_name_for (base, SAM_WORKSHOP_FILE_EXTENSION);
      filters = sam_compat_file_filters_new (_("Workshop files"), SAM_WORKSHOP_FILE_MIME_TYPE, "*.samenspel");
      break;
    }

  request = g_new0 (SaveRequest, 1);
  request->window = g_object_ref (self);
  request->kind = kind;
  request->workshop_uuid = g_strdup (sam_workshop_get_uuid (workshop));
  request->team_uuid = g_strdup (team_uuid);
  request->pin = g_strdup (pin);
  sam_compat_save_file_async (GTK_WINDOW (self), title, name, filters, NULL, save_chosen_cb, request);
}

static GFile *
file_from_param (GVariant *param)
{
  return g_file_new_for_commandline_arg (g_variant_get_string (param, NULL));
}

static void
export_workshop_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  ask_save (SAM_WINDOW (user_data), SAVE_WORKSHOP, g_variant_get_string (param, NULL), NULL, NULL, NULL);
}

static void
language_chosen_cb (GtkWidget  *alert,
                    const char *response,
                    gpointer    user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  GtkDropDown *choice = GTK_DROP_DOWN (sam_compat_alert_get_extra_child (alert));
  char **codes = g_object_get_data (G_OBJECT (alert), "codes");
  guint selected = gtk_drop_down_get_selected (choice);

  if (g_strcmp0 (response, "continue") != 0 || selected >= g_strv_length (codes))
    return;

  g_action_group_change_action_state (G_ACTION_GROUP (self), "report-language",
                                      g_variant_new_string (codes[selected]));
  ask_save (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (alert), "kind")),
            g_object_get_data (G_OBJECT (alert), "workshop"), NULL, NULL, NULL);
}

/* The report goes to its readers, who may speak another language than the
 * coach's app: ask for it first, offering the workshop's own language (the
 * one of the template it was made from), or else the last choice again. */
static void
ask_language (SamWindow  *self,
              SaveKind    kind,
              const char *workshop_uuid)
{
  g_auto(GStrv) languages = sam_catalog_list_languages ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self), "report-language");
  SamWorkshop *workshop = find_workshop (self, workshop_uuid);
  const char *preferred = g_variant_get_string (state, NULL);
  g_auto(GStrv) name_list = NULL;
  GtkWidget *alert, *choice;
  guint selected = 0;

  if (workshop != NULL && g_strv_contains ((const char * const *) languages, sam_workshop_get_language (workshop)))
    preferred = sam_workshop_get_language (workshop);

  g_strv_builder_add (codes, "");
  g_strv_builder_add (names, _("Same as the App"));
  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_equal (languages[i], preferred))
        selected = i + 1;
      g_strv_builder_add (codes, languages[i]);
      g_strv_builder_add (names, sam_catalog_get_language_name (languages[i]));
    }
  name_list = g_strv_builder_end (names);

  alert = sam_compat_alert_new (kind == SAVE_REPORT ? _("In Which Language?") : _("Agreements in Which Language?"),
                                _("Choose the language of the people who will read it. "
                                  "The app keeps its own language."));
  choice = gtk_drop_down_new_from_strings ((const char * const *) name_list);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Language of the report"), -1);
  sam_compat_alert_set_extra_child (alert, choice);
  sam_compat_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_add_response (alert, "continue", _("_Continue"), ADW_RESPONSE_SUGGESTED);
  sam_compat_alert_set_default_response (alert, "continue");
  sam_compat_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "codes", g_strv_builder_end (codes), (GDestroyNotify) g_strfreev);
  g_object_set_data (G_OBJECT (alert), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (alert), "workshop", g_strdup (workshop_uuid), g_free);
  sam_compat_alert_present (alert, GTK_WIDGET (self), language_chosen_cb, self);
}

static void
export_report_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ask_language (SAM_WINDOW (user_data), SAVE_REPORT, g_variant_get_string (param, NULL));
}

static void
export_agreements_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  ask_language (SAM_WINDOW (user_data), SAVE_AGREEMENTS, g_variant_get_string (param, NULL));
}

/* The change-state handler of the window's language choices (the
 * report's, the templates'): a language code Samenspel has, or "" for the
 * app's own. */
void
_sam_window_change_language (GSimpleAction *action,
                             GVariant      *value,
                             gpointer       user_data)
{
  g_auto(GStrv) languages = sam_catalog_list_languages ();
  const char *language = g_variant_get_string (value, NULL);

  if (*language == '\0' || g_strv_contains ((const char * const *) languages, language))
    g_simple_action_set_state (action, value);
}

static void
export_contribution_action (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  ask_save (SAM_WINDOW (user_data), SAVE_CONTRIBUTION, g_variant_get_string (param, NULL), NULL, NULL, NULL);
}

static void
pin_changed_cb (GtkEditable *entry,
                GtkWidget   *alert)
{
  sam_compat_alert_set_response_enabled (alert, "continue", sam_pin_is_acceptable (gtk_editable_get_text (entry)));
}

static void
pin_chosen_cb (GtkWidget  *alert,
               const char *response,
               gpointer    user_data)
{
  GtkEditable *entry = GTK_EDITABLE (sam_compat_alert_get_extra_child (alert));
  const char *pin = gtk_editable_get_text (entry);

  if (g_strcmp0 (response, "continue") != 0 || !sam_pin_is_acceptable (pin))
    return;

  ask_save (SAM_WINDOW (user_data), SAVE_TEAM_PACKET, g_object_get_data (G_OBJECT (alert), "workshop"),
            g_object_get_data (G_OBJECT (alert), "team"), g_object_get_data (G_OBJECT (alert), "team-name"), pin);
}

/* The PIN that will leave team mode on the team's laptop, set for each
 * packet; the packet keeps only its salted hash. */
static void
ask_pin (SamWindow  *self,
         const char *workshop_uuid,
         const char *team_uuid,
         const char *team_name)
{
  g_autofree char *body = g_strdup_printf (_("The laptop opens this packet in team mode: the team sees only "
                                             "its own work. Choose a PIN of at least %d characters; you "
                                             "need it to leave team mode."), SAM_PIN_MIN_LENGTH);
  GtkWidget *alert = sam_compat_alert_new (_("PIN to Leave Team Mode"), body);
  GtkWidget *entry = gtk_entry_new ();

  /* A hidden GtkEntry: GtkPasswordEntry of GTK 4.8 warns when destroyed
   * while the keyboard reports Caps Lock. */
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PIN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coach’s PIN"), -1);
  sam_compat_alert_set_extra_child (alert, entry);
  sam_compat_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_add_response (alert, "continue", _("_Continue"), ADW_RESPONSE_SUGGESTED);
  sam_compat_alert_set_response_enabled (alert, "continue", FALSE);
  sam_compat_alert_set_default_response (alert, "continue");
  sam_compat_alert_set_close_response (alert, "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (pin_changed_cb), alert, 0);
  g_object_set_data_full (G_OBJECT (alert), "workshop", g_strdup (workshop_uuid), g_free);
  g_object_set_data_full (G_OBJECT (alert), "team", g_strdup (team_uuid), g_free);
  g_object_set_data_full (G_OBJECT (alert), "team-name", g_strdup (team_name), g_free);
  sam_compat_alert_present (alert, GTK_WIDGET (self), pin_chosen_cb, self);
  gtk_widget_grab_focus (entry);
}

static void
team_chosen_cb (GtkWidget  *alert,
                const char *response,
                gpointer    user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  const char *workshop_uuid = g_object_get_data (G_OBJECT (alert), "workshop");
  SamWorkshop *workshop = find_workshop (self, workshop_uuid);
  GListModel *teams;

  if (workshop == NULL || g_strcmp0 (response, "cancel") == 0)
    return;

  if (g_strcmp0 (response, "room") == 0)
    {
      /* Translators: the packet and the file name for one laptop the teams pass on */
      ask_pin (self, workshop_uuid, "", _("Whole room"));
      return;
    }

  teams = sam_store_get_teams (sam_window_get_store (self), workshop);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);

      if (g_strcmp0 (sam_team_get_uuid (team), response) == 0)
        ask_pin (self, workshop_uuid, response, sam_team_get_name (team));
    }
}

/* Without a team, the coach picks one: a button per team. */
static void
choose_team (SamWindow   *self,
             SamWorkshop *workshop)
{
  GListModel *teams = sam_store_get_teams (sam_window_get_store (self), workshop);
  GtkWidget *alert;

  if (g_list_model_get_n_items (teams) == 0)
    {
      sam_window_show_toast (self, _("Add the teams first: a packet is made for one team"));
      return;
    }

  alert = sam_compat_alert_new (_("Team Packet for Which Team?"),
                                _("The packet holds the workshop, its teams and agenda, "
                                  "and what this team may see. Your notes stay here."));
  sam_compat_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);
      g_autofree char *label = g_strdup (sam_team_get_name (team));

      /* Response labels take mnemonics; a team name is plain text. */
      sam_compat_alert_add_response (alert, sam_team_get_uuid (team), label, ADW_RESPONSE_SUGGESTED);
    }
  /* Pass the laptop: one laptop for every team in turn (docs/team-mode.md). */
  sam_compat_alert_add_response (alert, "room", _("_Whole Room, One Shared Laptop"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "workshop", g_strdup (sam_workshop_get_uuid (workshop)), g_free);
  sam_compat_alert_present (alert, GTK_WIDGET (self), team_chosen_cb, self);
}

static void
export_team_packet_action (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  const char *workshop_uuid, *team_uuid;
  SamWorkshop *workshop;

  g_variant_get (param, "(&s&s)", &workshop_uuid, &team_uuid);
  workshop = find_workshop (self, workshop_uuid);
  if (workshop == NULL)
    return;

  if (*team_uuid == '\0')
    choose_team (self, workshop);
  else
    ask_pin (self, workshop_uuid, team_uuid, NULL);
}

/* The twins that take a path: (workshop uuid, [team uuid,] path). */
static void
save_direct_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  static const struct { const char *name; SaveKind kind; } kinds[] = {
    { "save-workshop-file", SAVE_WORKSHOP }, { "save-contribution", SAVE_CONTRIBUTION },
    { "save-report", SAVE_REPORT }, { "save-agreements-csv", SAVE_AGREEMENTS },
  };
  const char *name = g_action_get_name (G_ACTION (action));
  const char *uuid, *path;
  g_autoptr(GFile) file = NULL;

  g_variant_get (param, "(&s&s)", &uuid, &path);
  file = g_file_new_for_commandline_arg (path);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].name, name))
      save_to (SAM_WINDOW (user_data), kinds[i].kind, uuid, NULL, NULL, file);
}

static void
save_team_packet_action (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  const char *uuid, *team, *path;
  g_autoptr(GFile) file = NULL;

  g_variant_get (param, "(&s&s&s)", &uuid, &team, &path);
  file = g_file_new_for_commandline_arg (path);
  save_to (SAM_WINDOW (user_data), SAVE_TEAM_PACKET, uuid, team, NULL, file);
}

static void
save_team_packet_with_pin_action (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  const char *uuid, *team, *pin, *path;
  g_autoptr(GFile) file = NULL;

  g_variant_get (param, "(&s&s&s&s)", &uuid, &team, &pin, &path);
  file = g_file_new_for_commandline_arg (path);
  save_to (SAM_WINDOW (user_data), SAVE_TEAM_PACKET, uuid, team, pin, file);
}

static void
import_workshop_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  _sam_window_ask_open (SAM_WINDOW (user_data), _("Import a Workshop"));
}

static void
merge_contributions_action (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  _sam_window_ask_open (SAM_WINDOW (user_data), _("Merge a Team’s Work"));
}

static void
import_file_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = file_from_param (param);

  sam_window_open_file (SAM_WINDOW (user_data), file);
}

/* Forgetting a workshop on a team's laptop: no trash, no Undo, gone from
 * the backups too (sam_store_forget_workshop()). */
static void
forget_now (SamWindow   *self,
            SamWorkshop *workshop)
{
  g_autoptr(SamWorkshop) keep = g_object_ref (workshop);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (sam_window_get_workshop (self) == workshop)
    sam_window_show_library (self);

  if (!sam_store_forget_workshop (sam_window_get_store (self), keep, &error))
    {
      _sam_window_show_file_error (self, _("The Workshop Could Not Be Forgotten"), error);
      return;
    }

  message = g_strdup_printf (_("“%s” is no longer on this computer"), sam_workshop_get_name (keep));
  sam_window_show_toast (self, message);
}

static void
forget_response_cb (GtkWidget  *alert,
                    const char *response,
                    gpointer    user_data)
{
  GPtrArray *workshops = g_object_get_data (G_OBJECT (alert), "workshops");

  if (g_strcmp0 (response, "forget") != 0)
    return;

  for (guint i = 0; i < workshops->len; i++)
    forget_now (SAM_WINDOW (user_data), g_ptr_array_index (workshops, i));
}

static void
ask_forget (SamWindow  *self,
            GPtrArray  *workshops,
            const char *heading,
            const char *body)
{
  GtkWidget *alert = sam_compat_alert_new (heading, body);

  sam_compat_alert_add_response (alert, "cancel", _("_Keep"), ADW_RESPONSE_DEFAULT);
  sam_compat_alert_add_response (alert, "forget", _("_Forget"), ADW_RESPONSE_DESTRUCTIVE);
  sam_compat_alert_set_default_response (alert, "cancel");
  sam_compat_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "workshops", g_ptr_array_ref (workshops),
                          (GDestroyNotify) g_ptr_array_unref);
  sam_compat_alert_present (alert, GTK_WIDGET (self), forget_response_cb, self);
}

static void
forget_workshop_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamWorkshop *workshop = find_workshop (self, g_variant_get_string (param, NULL));
  g_autoptr(GPtrArray) workshops = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *heading = NULL;

  if (workshop == NULL)
    return;

  g_ptr_array_add (workshops, g_object_ref (workshop));
  heading = g_strdup_printf (_("Forget “%s”?"), sam_workshop_get_name (workshop));
  ask_forget (self, workshops, heading,
              _("The workshop and everything the team wrote in it leave this laptop for good, "
                "backups included; there is no undo. Save the team’s work first if the coach "
                "does not have it yet."));
}

static void
forget_workshop_now_action (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  SamWindow *self = SAM_WINDOW (user_data);
  SamWorkshop *workshop = find_workshop (self, g_variant_get_string (param, NULL));

  if (workshop != NULL)
    forget_now (self, workshop);
}

/**
 * _sam_window_offer_past_packets:
 * @self: a #SamWindow
 *
 * A team's laptop keeps only the packets of workshops in progress: the
 * packets whose workshop day has passed are offered for removal.
 */
void
_sam_window_offer_past_packets (SamWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) past = sam_store_list_past_packets (sam_window_get_store (self), today);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *body = NULL;

  if (past->len == 0)
    return;

  for (guint i = 0; i < past->len; i++)
    g_string_append_printf (names, "\n• %s", sam_workshop_get_name (g_ptr_array_index (past, i)));

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The day of this workshop from a team packet is over:%s\n\nForget it, "
                                       "with everything the team wrote? Save the team’s work first if the "
                                       "coach does not have it yet.",
                                       "The days of these workshops from team packets are over:%s\n\nForget "
                                       "them, with everything the teams wrote? Save the teams’ work first if "
                                       "the coach does not have it yet.", past->len),
                          names->str);
  ask_forget (self, past, g_dngettext (GETTEXT_PACKAGE, "A Workshop Is Over", "Workshops Are Over", past->len),
              body);
}

static const GActionEntry file_actions[] = {
  { "export-workshop", export_workshop_action, "s" },
  { "import-workshop", import_workshop_action },
  { "export-team-packet", export_team_packet_action, "(ss)" },
  { "export-contribution", export_contribution_action, "s" },
  { "merge-contributions", merge_contributions_action },
  { "export-report", export_report_action, "s" },
  { "export-agreements-csv", export_agreements_action, "s" },
  { "import-file", import_file_action, "s" },
  { "save-workshop-file", save_direct_action, "(ss)" },
  { "save-team-packet", save_team_packet_action, "(sss)" },
  { "save-team-packet-with-pin", save_team_packet_with_pin_action, "(ssss)" },
  { "forget-workshop", forget_workshop_action, "s" },
  { "forget-workshop-now", forget_workshop_now_action, "s" },
  { "save-contribution", save_direct_action, "(ss)" },
  { "save-report", save_direct_action, "(ss)" },
  { "save-agreements-csv", save_direct_action, "(ss)" },
  { "report-language", NULL, "s", "''", _sam_window_change_language },
};

/* Called from sam_window_init(). */
void
_sam_window_init_files (SamWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), file_actions, G_N_ELEMENTS (file_actions), self);
}
