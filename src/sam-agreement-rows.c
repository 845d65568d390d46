/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-agreement-rows.h"
#include "sam-agreements-page.h"
#include "sam-date.h"
#include "sam-date-row.h"
#include "sam-compat.h"
#include "sam-decide-common.h"
#include "sam-field.h"

static const char *const status_names[] = {
  N_("Agreed"),
  N_("In progress"),
  N_("Kept"),
  N_("Not kept"),
  NULL
};

static SamStore *
store_of (GtkWidget *widget)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, SAM_TYPE_AGREEMENTS_PAGE);
  SamStore *store = NULL;

  if (page != NULL)
    {
      g_object_get (page, "store", &store, NULL);
      if (store != NULL)
        g_object_unref (store);
    }

  return store;
}

/* A draft's flag says what it still lacks, and follows as it is filled. */
static const char *
draft_text (SamAgreement *agreement)
{
  g_autofree char *owner = g_strstrip (g_strdup (sam_agreement_get_owner (agreement)));
  gboolean has_owner = *owner != '\0';
  gboolean has_date = *sam_agreement_get_due (agreement) != '\0';

  if (!has_owner && !has_date)
    return _("Draft: needs an owner and a date");
  if (!has_owner)
    return _("Draft: needs an owner");
  return _("Draft: needs a date");
}

/* The summary under the title, and the flags the room must see even when
 * the agreement is folded: a draft, or a date that has passed. */
static void
update_header (GtkWidget *row)
{
  SamAgreement *agreement = g_object_get_data (G_OBJECT (row), "agreement");
  GtkWidget *flag = g_object_get_data (G_OBJECT (row), "flag");
  GtkLabel *flag_label = g_object_get_data (G_OBJECT (row), "flag-label");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *today = sam_decide_dup_today ();
  gboolean draft = sam_agreement_is_draft (agreement);
  gboolean past = sam_agreement_is_past_due (agreement, today);
  const char *owner = sam_agreement_get_owner (agreement);
  g_autofree char *due = sam_date_format (sam_agreement_get_due (agreement));
  int status = CLAMP (sam_agreement_get_status (agreement), 0, SAM_AGREEMENT_NOT_KEPT);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sam_agreement_get_what (agreement));
  if (*owner != '\0')
    /* Translators: who carries an agreement */
    g_string_append_printf (subtitle, _("Owner: %s"), owner);
  if (*due != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: the date an agreement is due */
      g_string_append_printf (subtitle, _("by %s"), due);
    }
  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append (subtitle, _(status_names[status]));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);

  gtk_widget_set_visible (flag, draft || past);
  if (draft)
    gtk_label_set_text (flag_label, draft_text (agreement));
  else if (past)
    gtk_label_set_text (flag_label, _("The date has passed"));
  if (draft || past)
    gtk_widget_add_css_class (row, "sam-flagged");
  else
    gtk_widget_remove_css_class (row, "sam-flagged");
}

static void
text_changed_cb (GtkEditable *entry,
                 GParamSpec  *pspec,
                 gpointer     user_data)
{
  SamAgreement *agreement = g_object_get_data (G_OBJECT (entry), "object");
  SamAgreementField field = GPOINTER_TO_UINT (user_data);
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  SamStore *store = store_of (GTK_WIDGET (entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  if (sam_field_is_syncing (GTK_WIDGET (entry)))
    return;

  g_object_get (agreement, property, &stored, NULL);
  if (store == NULL || g_strcmp0 (stored, gtk_editable_get_text (entry)) == 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  /* An emptied text is not saved yet; the field shows it, and the stored
   * value stays. */
  if (sam_store_set_agreement_text (store, agreement, field, gtk_editable_get_text (entry), &error))
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else if (g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID))
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    {
      sam_field_revert (GTK_WIDGET (entry));
      sam_decide_show_error (GTK_WIDGET (entry), error);
    }
}

static void
follow_text (GtkEditable *entry,
             GParamSpec  *pspec,
             GObject     *object)
{
  g_autofree char *text = NULL;

  g_object_get (object, pspec->name, &text, NULL);
  sam_field_show_stored (GTK_WIDGET (entry), text);
}

static GtkWidget *
entry_row_new (GObject    *object,
               const char *property,
               const char *title,
               GCallback   changed,
               guint       field)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = NULL;
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_object_get (object, property, &text, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  sam_field_reset (row, text);
  g_object_set_data_full (G_OBJECT (row), "object", g_object_ref (object), g_object_unref);
  g_object_set_data (G_OBJECT (row), "property", (gpointer) property);
  g_signal_connect (row, "notify::text", changed, GUINT_TO_POINTER (field));
  g_signal_connect_object (object, signal, G_CALLBACK (follow_text), row, G_CONNECT_SWAPPED);
  return row;
}

/* The date field with its calendar, and the row under it that says why a
 * typed date was not taken. */
static void
add_date_rows (AdwExpanderRow *expander,
               SamAgreement   *agreement,
               const char     *property,
               const char     *title,
               guint           field)
{
  GtkWidget *hint = NULL;
  GtkWidget *entry = sam_date_row_new (G_OBJECT (agreement), property, title, "agreements.set-text",
                                       sam_agreement_get_id (agreement), field, &hint);

  adw_expander_row_add_row (expander, entry);
  adw_expander_row_add_row (expander, hint);
}

static gboolean
has_team (SamAgreement *agreement,
          gint64        team_id)
{
  guint n;
  const gint64 *ids = sam_agreement_get_team_ids (agreement, &n);

  for (guint i = 0; i < n; i++)
    if (ids[i] == team_id)
      return TRUE;

  return FALSE;
}

static void
team_toggled_cb (GtkToggleButton *button,
                 SamAgreement    *agreement)
{
  SamTeam *team = g_object_get_data (G_OBJECT (button), "team");
  gboolean active = gtk_toggle_button_get_active (button);

  if (active != has_team (agreement, sam_team_get_id (team)))
    gtk_widget_activate_action (GTK_WIDGET (button), "agreements.set-team", "(xxb)",
                                sam_agreement_get_id (agreement), sam_team_get_id (team), active);
}

static void
follow_teams (GtkWidget    *box,
              GParamSpec   *pspec,
              SamAgreement *agreement)
{
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      SamTeam *team = g_object_get_data (G_OBJECT (button), "team");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), has_team (agreement, sam_team_get_id (team)));
    }
}

static GtkWidget *
teams_row_new (SamAgreement *agreement,
               GListModel   *teams)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_flow_box_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Which teams"));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_hexpand (box, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) team = g_list_model_get_item (teams, i);
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_button_set_child (GTK_BUTTON (button), sam_decide_team_label_new (team, NULL));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), has_team (agreement, sam_team_get_id (team)));
      g_object_set_data_full (G_OBJECT (button), "team", g_object_ref (team), g_object_unref);
      g_signal_connect_object (button, "toggled", G_CALLBACK (team_toggled_cb), agreement, 0);
      gtk_widget_add_css_class (button, "sam-team-toggle");
      gtk_flow_box_append (GTK_FLOW_BOX (box), button);
    }
  g_signal_connect_object (agreement, "notify::team-ids", G_CALLBACK (follow_teams), box, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static void
status_selected_cb (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    SamAgreement *agreement)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected != GTK_INVALID_LIST_POSITION && (int) selected != sam_agreement_get_status (agreement))
    gtk_widget_activate_action (GTK_WIDGET (row), "agreements.set-status", "(xu)",
                                sam_agreement_get_id (agreement), selected);
}

static void
follow_status (AdwComboRow  *row,
               GParamSpec   *pspec,
               SamAgreement *agreement)
{
  adw_combo_row_set_selected (row, CLAMP (sam_agreement_get_status (agreement), 0, SAM_AGREEMENT_NOT_KEPT));
}

static GtkWidget *
status_row_new (SamAgreement *agreement)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; status_names[i] != NULL; i++)
    gtk_string_list_append (names, _(status_names[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  follow_status (ADW_COMBO_ROW (row), NULL, agreement);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (status_selected_cb), agreement, 0);
  g_signal_connect_object (agreement, "notify::status", G_CALLBACK (follow_status), row, G_CONNECT_SWAPPED);
  return row;
}

static void
idea_selected_cb (AdwComboRow  *row,
                  GParamSpec   *pspec,
                  SamAgreement *agreement)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), "ids");
  guint selected = adw_combo_row_get_selected (row);
  gint64 id;

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return;

  id = g_array_index (ids, gint64, selected);
  if (id != sam_agreement_get_idea_id (agreement))
    gtk_widget_activate_action (GTK_WIDGET (row), "agreements.set-idea", "(xx)",
                                sam_agreement_get_id (agreement), id);
}

static GtkWidget *
idea_row_new (SamAgreement *agreement,
              GListModel   *ideas)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *row = adw_combo_row_new ();
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (names, _("Not linked to an idea"));
  g_array_append_val (ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (ideas); i++)
    {
      g_autoptr(SamCard) idea = g_list_model_get_item (ideas, i);
      gint64 id = sam_card_get_id (idea);

      gtk_string_list_append (names, sam_card_get_text (idea));
      g_array_append_val (ids, id);
      if (id == sam_agreement_get_idea_id (agreement))
        selected = i + 1;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Came from the idea"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (idea_selected_cb), agreement, 0);
  return row;
}

static void
delete_clicked_cb (GtkWidget    *button,
                   SamAgreement *agreement)
{
  gtk_widget_activate_action (button, "agreements.delete", "x", sam_agreement_get_id (agreement));
}

/* Every field to edit, made when the agreement is first opened: a folded
 * agreement is its title, summary and flags only. */
static void
fill_fields (AdwExpanderRow *row,
             GParamSpec     *pspec,
             gpointer        user_data)
{
  SamAgreement *agreement = g_object_get_data (G_OBJECT (row), "agreement");
  GListModel *teams = g_object_get_data (G_OBJECT (row), "teams");
  GListModel *ideas = g_object_get_data (G_OBJECT (row), "ideas");
  GObject *object = G_OBJECT (agreement);
  GtkWidget *delete_row;
  GtkWidget *delete;

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "filled") != NULL)
    return;

  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));
  adw_expander_row_add_row (row, entry_row_new (object, "what", _("What we agree"),
                                                G_CALLBACK (text_changed_cb), SAM_AGREEMENT_FIELD_WHAT));
  adw_expander_row_add_row (row, teams_row_new (agreement, teams));
  adw_expander_row_add_row (row, entry_row_new (object, "owner", _("Who carries it (owner)"),
                                                G_CALLBACK (text_changed_cb), SAM_AGREEMENT_FIELD_OWNER));
  add_date_rows (row, agreement, "due", _("By when"), SAM_AGREEMENT_FIELD_DUE);
  adw_expander_row_add_row (row, entry_row_new (object, "verification", _("How we will verify that it was kept"),
                                                G_CALLBACK (text_changed_cb), SAM_AGREEMENT_FIELD_VERIFICATION));
  adw_expander_row_add_row (row, idea_row_new (agreement, ideas));
  adw_expander_row_add_row (row, status_row_new (agreement));
  add_date_rows (row, agreement, "review-date", _("Review on"), SAM_AGREEMENT_FIELD_REVIEW_DATE);

  delete_row = adw_action_row_new ();
  delete = gtk_button_new_with_mnemonic (_("_Delete Agreement"));
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "destructive-action");
  g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_clicked_cb), agreement, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), delete);
  adw_expander_row_add_row (row, delete_row);
}

/**
 * sam_agreement_row_new:
 * @agreement: the agreement
 * @teams: the workshop's teams
 * @ideas: the workshop's brainstorm ideas, for the link to one of them
 *
 * Returns: (transfer floating): an expander showing the agreement and, when
 *   opened, every field to edit (made then)
 */
GtkWidget *
sam_agreement_row_new (SamAgreement *agreement,
                       GListModel   *teams,
                       GListModel   *ideas)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *flag_label = gtk_label_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "sam-agreement");
  /* The flag wraps rather than squeeze the agreement's own words into a
   * column of single words at 1024 px. */
  gtk_label_set_wrap (GTK_LABEL (flag_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (flag_label), 22);
  gtk_label_set_xalign (GTK_LABEL (flag_label), 0.0);
  gtk_box_append (GTK_BOX (flag), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_box_append (GTK_BOX (flag), flag_label);
  gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (flag, "sam-flag");
  sam_compat_expander_row_add_suffix (ADW_EXPANDER_ROW (row), flag);
  g_object_set_data_full (G_OBJECT (row), "agreement", g_object_ref (agreement), g_object_unref);
  g_object_set_data (G_OBJECT (row), "flag", flag);
  g_object_set_data (G_OBJECT (row), "flag-label", flag_label);
  g_signal_connect_object (agreement, "notify", G_CALLBACK (update_header), row, G_CONNECT_SWAPPED);
  update_header (row);

  g_object_set_data_full (G_OBJECT (row), "teams", g_object_ref (teams), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "ideas", g_object_ref (ideas), g_object_unref);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (fill_fields), NULL);

  return row;
}

/* The review of an earlier agreement */

static const char *const outcome_names[] = {
  NULL,
  N_("_Kept"),
  N_("_Partly"),
  N_("_Not kept"),
};

static void
outcome_toggled_cb (GtkToggleButton    *button,
                    SamAgreementReview *review)
{
  guint outcome = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "outcome"));

  if (gtk_toggle_button_get_active (button) && (int) outcome != sam_agreement_review_get_outcome (review))
    gtk_widget_activate_action (GTK_WIDGET (button), "agreements.set-review-outcome", "(xu)",
                                sam_agreement_review_get_id (review), outcome);
}

static void
follow_outcome (GtkWidget          *box,
                GParamSpec         *pspec,
                SamAgreementReview *review)
{
  for (GtkWidget *button = gtk_widget_get_first_child (box); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      guint outcome = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "outcome"));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    (int) outcome == sam_agreement_review_get_outcome (review));
    }
}

static void
why_changed_cb (GtkEditable *entry,
                GParamSpec  *pspec,
                gpointer     user_data)
{
  SamAgreementReview *review = g_object_get_data (G_OBJECT (entry), "object");
  SamStore *store = store_of (GTK_WIDGET (entry));
  g_autoptr(GError) error = NULL;

  if (store != NULL && g_strcmp0 (sam_agreement_review_get_why (review), gtk_editable_get_text (entry)) != 0 &&
      !sam_store_set_review_why (store, review, gtk_editable_get_text (entry), &error))
    sam_decide_show_error (GTK_WIDGET (entry), error);
}

static char *
review_details (SamAgreementReview *review)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (*sam_agreement_review_get_teams (review) != '\0')
    g_string_append (text, sam_agreement_review_get_teams (review));
  if (*sam_agreement_review_get_owner (review) != '\0')
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", sam_agreement_review_get_owner (review));
  if (*sam_agreement_review_get_due (review) != '\0')
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", sam_agreement_review_get_due (review));
  if (*sam_agreement_review_get_verification (review) != '\0')
    /* Translators: how an agreement was to be verified */
    g_string_append_printf (text, "\n%s", sam_agreement_review_get_verification (review));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * sam_review_row_new:
 * @review: an agreement of the earlier workshop
 *
 * Returns: (transfer floating): a row with the agreement as it was made,
 *   Kept / Partly / Not kept, and why
 */
GtkWidget *
sam_review_row_new (SamAgreementReview *review)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *what = gtk_label_new (sam_agreement_review_get_what (review));
  g_autofree char *details_text = review_details (review);
  GtkWidget *details = gtk_label_new (details_text);
  GtkWidget *outcomes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *why = entry_row_new (G_OBJECT (review), "why", _("Why? How did we notice, or what got in the way?"),
                                  G_CALLBACK (why_changed_cb), 0);
  GtkWidget *why_list = gtk_list_box_new ();
  GtkWidget *group = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_widget_set_hexpand (what, TRUE);
  gtk_widget_add_css_class (what, "title-3");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "dim-label");

  gtk_widget_add_css_class (outcomes, "linked");
  gtk_widget_set_valign (outcomes, GTK_ALIGN_START);
  for (guint i = SAM_REVIEW_KEPT; i <= SAM_REVIEW_NOT_KEPT; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_mnemonic (_(outcome_names[i]));

      g_object_set_data (G_OBJECT (button), "outcome", GUINT_TO_POINTER (i));
      gtk_widget_add_css_class (button, "sam-outcome");
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      group = button;
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), (int) i == sam_agreement_review_get_outcome (review));
      g_signal_connect_object (button, "toggled", G_CALLBACK (outcome_toggled_cb), review, 0);
      gtk_box_append (GTK_BOX (outcomes), button);
    }
  g_signal_connect_object (review, "notify::outcome", G_CALLBACK (follow_outcome), outcomes, G_CONNECT_SWAPPED);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (why_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (why_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (why_list), why);

  gtk_box_append (GTK_BOX (top), what);
  gtk_box_append (GTK_BOX (top), outcomes);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), details);
  gtk_box_append (GTK_BOX (box), why_list);
  gtk_widget_add_css_class (box, "sam-review");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "review", g_object_ref (review), g_object_unref);
  return row;
}
