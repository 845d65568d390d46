/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sam-compat.h"
#include "sam-csv-reader.h"
#include "sam-customer-voice-page.h"
#include "sam-feedback-text.h"
#include "sam-decide-common.h"
#include "sam-feedback-chart.h"
#include "sam-store-agenda.h"
#include "sam-store-cards.h"
#include "sam-store-feedback.h"

/* The customer's voice: a survey export (CSV) is read in a worker thread,
 * the coach says which column holds the score, the comment, the date and
 * the team or channel, and every readable row is imported at once.  Then
 * the room sees the scores, the NPS per team and per month, and reads the
 * comments as cards; names in them can be hidden before projecting, and a
 * comment becomes a card of the brainstorm or the customer walk in one
 * click. */

enum {
  ROLE_SCORE,
  ROLE_COMMENT,
  ROLE_DATE,
  ROLE_CHANNEL,
  N_ROLES
};

#define PREVIEW_ROWS 6

struct _SamCustomerVoicePage
{
  SamExercisePage parent_instance;

  GtkStack *stack;
  GtkLabel *file_label;
  GtkGrid *columns_grid;
  GtkListView *preview_view;
  GtkLabel *summary_label;
  GtkLabel *problems_label;
  GtkLabel *working_label;
  GtkProgressBar *progress_bar;
  GtkBox *charts;
  GtkSwitch *redact_switch;
  GtkEntry *names_entry;
  GtkGridView *comments_view;

  GtkDropDown *roles[N_ROLES];
  GtkDropDown *scale_drop;
  GtkStringList *preview;
  GListModel *feedback;
  GtkFilterListModel *comments;
  SamCsvTable *table;
  char *file_name;
  GCancellable *cancellable;
  GTask *job;          /* the read or the check running in a thread */
  guint progress_id;   /* the timeout that shows its progress */

  guint counts[11];
  guint scale;
  GPtrArray *channels;
  GPtrArray *months;
  gboolean redact;
  char **names;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (SamCustomerVoicePage, sam_customer_voice_page, SAM_TYPE_EXERCISE_PAGE)

enum {
  PROP_0,
  PROP_REDACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SamStore *
page_store (SamCustomerVoicePage *self)
{
  return sam_exercise_page_get_store (SAM_EXERCISE_PAGE (self));
}

static SamStep *
page_step (SamCustomerVoicePage *self)
{
  return sam_exercise_page_get_step (SAM_EXERCISE_PAGE (self));
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Charts */

static void
draw_distribution (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  SamCustomerVoicePage *self = user_data;

  if (self->scale != 0)
    sam_feedback_chart_draw_distribution (cr, width, height, self->counts, self->scale, is_dark ());
}

static void
draw_channels (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  SamCustomerVoicePage *self = user_data;

  if (self->channels != NULL)
    sam_feedback_chart_draw_nps_bars (cr, width, height, self->channels, is_dark ());
}

static void
draw_months (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  SamCustomerVoicePage *self = user_data;

  if (self->months != NULL)
    sam_feedback_chart_draw_trend (cr, width, height, self->months, is_dark ());
}

static void
add_chart (SamCustomerVoicePage *self,
           const char           *title,
           GtkDrawingAreaDrawFunc draw,
           int                   height)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), height);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (self->charts, label);
  gtk_box_append (self->charts, area);
}

static void
queue_charts (SamCustomerVoicePage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (child);
}

/* Results */

static void
reload (SamCustomerVoicePage *self)
{
  SamStore *store = page_store (self);
  SamStep *step = page_step (self);
  g_autofree char *summary = NULL;
  g_autoptr(GListModel) feedback = NULL;

  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->months, g_ptr_array_unref);
  self->scale = 0;
  if (store == NULL || step == NULL)
    {
      gtk_filter_list_model_set_model (self->comments, NULL);
      return;
    }

  self->scale = sam_store_get_feedback_scale (store, step);
  sam_store_get_feedback_distribution (store, step, self->counts);
  self->channels = sam_store_get_feedback_groups (store, step, SAM_FEEDBACK_BY_CHANNEL);
  self->months = sam_store_get_feedback_groups (store, step, SAM_FEEDBACK_BY_MONTH);
  feedback = sam_store_list_feedback (store, step);
  gtk_filter_list_model_set_model (self->comments, feedback);

  summary = sam_feedback_text_summary (self->channels);
  gtk_label_set_text (self->summary_label, summary);
  queue_charts (self);
  if (self->job == NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") != 0)
    gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (feedback) > 0 ? "results" : "empty");
}

static void
load_redaction (SamCustomerVoicePage *self)
{
  SamStep *step = page_step (self);
  g_autofree char *names = NULL;
  gboolean hide = FALSE;

  if (step == NULL)
    return;

  names = sam_store_get_feedback_redaction (step, &hide);
  g_strfreev (self->names);
  self->names = sam_feedback_split_names (names);
  self->syncing = TRUE;
  if (!gtk_widget_has_focus (GTK_WIDGET (self->names_entry)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->names_entry)), names) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->names_entry), names);
  self->syncing = FALSE;
  if (self->redact != hide)
    {
      self->redact = hide;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDACT]);
    }
}

static void
refresh_cards (SamCustomerVoicePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->comments));

  /* Rebinds every card, so each shows its comment with or without names. */
  g_list_model_items_changed (G_LIST_MODEL (self->comments), 0, n, n);
}

/* Comment cards */

static char *
shown_comment (SamCustomerVoicePage *self,
               SamFeedback          *feedback)
{
  if (self->redact && self->names != NULL && self->names[0] != NULL)
    return sam_feedback_redact (sam_feedback_get_comment (feedback), (const char * const *) self->names);
  return g_strdup (sam_feedback_get_comment (feedback));
}

static void
to_card_clicked_cb (GtkButton   *button,
                    GtkListItem *list_item)
{
  SamFeedback *feedback = gtk_list_item_get_item (list_item);

  if (feedback != NULL)
    gtk_widget_activate_action (GTK_WIDGET (button), "voice.to-card", "x", sam_feedback_get_id (feedback));
}

static void
setup_card (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            SamCustomerVoicePage     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *about = gtk_label_new (NULL);
  GtkWidget *comment = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Make a Card"));

  gtk_label_set_xalign (GTK_LABEL (about), 0);
  gtk_widget_add_css_class (about, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (comment), 0);
  gtk_label_set_wrap (GTK_LABEL (comment), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (comment), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_vexpand (comment, TRUE);
  gtk_widget_set_valign (comment, GTK_ALIGN_START);
  gtk_widget_add_css_class (comment, "sam-voice-quote");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (button, _("Add this comment as a card to the brainstorm or the customer walk"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (to_card_clicked_cb), list_item);

  gtk_box_append (GTK_BOX (box), about);
  gtk_box_append (GTK_BOX (box), comment);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "sam-voice-card");
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_card (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SamCustomerVoicePage     *self)
{
  SamFeedback *feedback = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *about = gtk_widget_get_first_child (box);
  GtkWidget *comment = gtk_widget_get_next_sibling (about);
  g_autofree char *text = shown_comment (self, feedback);
  g_autofree char *description = sam_feedback_text_response (feedback);

  gtk_label_set_text (GTK_LABEL (about), description);
  gtk_label_set_text (GTK_LABEL (comment), text);
}

static gboolean
has_comment (gpointer item,
             gpointer user_data)
{
  return *sam_feedback_get_comment (item) != '\0';
}

/* The preview */

static void
setup_line (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_line (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (list_item)));
}

static const char *const role_titles[] = {
  [ROLE_SCORE] = N_("Score"),
  [ROLE_COMMENT] = N_("Comment"),
  [ROLE_DATE] = N_("Date"),
  [ROLE_CHANNEL] = N_("Team or channel"),
};

/* Words in a column's heading that tell its role, in English and Dutch. */
static const char *const role_words[] = {
  [ROLE_SCORE] = "score|nps|cijfer|rating|waardering|aanbevelen|recommend",
  [ROLE_COMMENT] = "comment|opmerking|toelichting|feedback|reactie|waarom|why|text|tekst",
  [ROLE_DATE] = "date|datum|time|tijd|ingevuld|submitted",
  [ROLE_CHANNEL] = "team|channel|kanaal|afdeling|department|touchpoint|contact",
};

/* The dropdown's position: 0 is "not in the file", column i is i + 1. */
static guint
guess_column (SamCsvTable *table,
              guint        role)
{
  g_autoptr(GRegex) regex = g_regex_new (role_words[role], G_REGEX_CASELESS, 0, NULL);

  for (guint i = 0; i < table->n_columns; i++)
    if (g_regex_match (regex, table->header[i], 0, NULL))
      return i + 1;

  return 0;
}

static int
role_column (SamCustomerVoicePage *self,
             guint                 role)
{
  return (int) gtk_drop_down_get_selected (self->roles[role]) - 1;
}

static const char *
cell (const SamCsvRow *row,
      int              column)
{
  return column < 0 ? NULL : sam_csv_row_get (row, column);
}

static void
update_preview (SamCustomerVoicePage *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint n;

  if (self->table == NULL)
    return;

  /* While the dropdowns are being made. */
  for (guint role = 0; role < N_ROLES; role++)
    if (self->roles[role] == NULL)
      return;

  n = MIN (self->table->rows->len, PREVIEW_ROWS);
  for (guint i = 0; i < n; i++)
    {
      const SamCsvRow *row = self->table->rows->pdata[i];
      g_autoptr(GString) line = g_string_new (NULL);

      /* Translators: the start of a preview line of a CSV file */
      g_string_append_printf (line, _("Line %u:"), row->line);
      for (guint role = 0; role < N_ROLES; role++)
        {
          const char *value = cell (row, role_column (self, role));

          if (value != NULL && *value != '\0')
            g_string_append_printf (line, "  %s: %s", _(role_titles[role]), value);
        }
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->preview, 0, g_list_model_get_n_items (G_LIST_MODEL (self->preview)),
                          (const char * const *) lines->pdata);
}

static GtkDropDown *
column_drop_new (SamCustomerVoicePage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GtkDropDown *drop;

  g_ptr_array_add (names, (gpointer) _("(not in the file)"));
  for (guint i = 0; i < self->table->n_columns; i++)
    g_ptr_array_add (names, self->table->header[i]);
  g_ptr_array_add (names, NULL);
  drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *) names->pdata));
  g_signal_connect_swapped (drop, "notify::selected", G_CALLBACK (update_preview), self);
  return drop;
}

static char *
describe_file (SamCustomerVoicePage *self)
{
  const char *delimiter = self->table->delimiter == ';' ? _("semicolons")
                        : self->table->delimiter == '\t' ? _("tabs")
                        : self->table->delimiter == '|' ? _("vertical bars")
                        : _("commas");

  /* Translators: "“survey.csv”: 240 rows, values separated by semicolons, text in WINDOWS-1252." */
  return g_strdup_printf (ngettext ("“%s”: %u row, values separated by %s, text in %s.",
                                    "“%s”: %u rows, values separated by %s, text in %s.",
                                    self->table->rows->len),
                          self->file_name, self->table->rows->len, delimiter, self->table->encoding);
}

static void
show_preview (SamCustomerVoicePage *self)
{
  static const char *const scales[] = { N_("0 to 10 (NPS)"), N_("1 to 5"), NULL };
  g_autofree char *description = describe_file (self);
  GtkWidget *child;
  guint score_column;

  memset (self->roles, 0, sizeof self->roles);
  self->scale_drop = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_grid))) != NULL)
    gtk_grid_remove (self->columns_grid, child);

  for (guint role = 0; role < N_ROLES; role++)
    {
      GtkWidget *label = gtk_label_new (_(role_titles[role]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      self->roles[role] = column_drop_new (self);
      gtk_drop_down_set_selected (self->roles[role], guess_column (self->table, role));
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->roles[role]));
      gtk_grid_attach (self->columns_grid, label, 0, role, 1, 1);
      gtk_grid_attach (self->columns_grid, GTK_WIDGET (self->roles[role]), 1, role, 1, 1);
    }

  {
    const char *translated[] = { _(scales[0]), _(scales[1]), NULL };
    GtkWidget *label = gtk_label_new (_("Scale"));

    self->scale_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_grid_attach (self->columns_grid, label, 2, ROLE_SCORE, 1, 1);
    gtk_grid_attach (self->columns_grid, GTK_WIDGET (self->scale_drop), 3, ROLE_SCORE, 1, 1);
  }

  /* A score column with nothing above 5 is a 1–5 survey. */
  score_column = gtk_drop_down_get_selected (self->roles[ROLE_SCORE]);
  if (score_column > 0)
    {
      gboolean above_five = FALSE;

      for (guint i = 0; i < self->table->rows->len && !above_five; i++)
        above_five = g_ascii_strtod (sam_csv_row_get (self->table->rows->pdata[i], score_column - 1), NULL) > 5;
      gtk_drop_down_set_selected (self->scale_drop, above_five ? 0 : 1);
    }

  gtk_label_set_text (self->file_label, description);
  update_preview (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

/* Work in a thread: reading and parsing the file, then checking every row
 * against the chosen columns.  The page shows its progress with a Cancel
 * button; only the checked rows reach the store, in one transaction on
 * the main thread (the store's connection stays in that thread), so a
 * cancel or an error leaves the workshop as it was. */

typedef struct
{
  GFile            *file;
  SamCsvTable      *table;     /* the check's input; given back on cancel */
  SamStep          *step;      /* where the rows go */
  int               columns[N_ROLES];
  guint             scale;
  int               progress;  /* rows checked, set atomically */
  SamFeedbackBatch *batch;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->table, sam_csv_table_free);
  g_clear_object (&job->step);
  g_clear_pointer (&job->batch, sam_feedback_batch_free);
  g_free (job);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  SamCustomerVoicePage *self = user_data;
  Job *job = self->job ? g_task_get_task_data (self->job) : NULL;
  guint total = job && job->table ? job->table->rows->len : 0;
  g_autofree char *text = NULL;
  guint done;

  if (total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      return G_SOURCE_CONTINUE;
    }

  done = MIN ((guint) g_atomic_int_get (&job->progress), total);
  /* Translators: under a progress bar while a survey is checked, e.g. "12000 of 100000 rows" */
  text = g_strdup_printf (ngettext ("%u of %u row", "%u of %u rows", total), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (SamCustomerVoicePage *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->job);
}

/* Starts @task in a thread, with the working page and its progress. */
static void
start_job (SamCustomerVoicePage *self,
           GTask                *task,
           const char           *title,
           GTaskThreadFunc       func)
{
  stop_progress (self);
  self->job = g_object_ref (task);
  gtk_label_set_text (self->working_label, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, "");
  gtk_stack_set_visible_child_name (self->stack, "working");
  self->progress_id = g_timeout_add (100, show_progress_cb, self);
  g_task_run_in_thread (task, func);
}

/* TRUE when @result is the job the page waits for (not one that was
 * cancelled and replaced, nor one that ended after the page went). */
static gboolean
is_current_job (SamCustomerVoicePage *self,
                GAsyncResult         *result)
{
  return self->job == G_TASK (result) && self->cancellable != NULL &&
         g_task_get_cancellable (G_TASK (result)) == self->cancellable;
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  SamCsvTable *table;

  if (!g_file_load_contents (job->file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  table = sam_csv_read (contents, length, &error);
  if (table == NULL)
    g_task_return_error (task, error);
  else if (g_task_return_error_if_cancelled (task))
    sam_csv_table_free (table);
  else
    g_task_return_pointer (task, table, (GDestroyNotify) sam_csv_table_free);
}

static void
back_from_job (SamCustomerVoicePage *self)
{
  if (self->table != NULL)
    gtk_stack_set_visible_child_name (self->stack, "preview");
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      reload (self);
    }
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SamCustomerVoicePage *self = SAM_CUSTOMER_VOICE_PAGE (source);
  g_autoptr(GError) error = NULL;
  SamCsvTable *table = g_task_propagate_pointer (G_TASK (result), &error);

  if (!is_current_job (self, result))
    {
      g_clear_pointer (&table, sam_csv_table_free);
      return;
    }

  stop_progress (self);
  if (table == NULL)
    {
      back_from_job (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", self->file_name, error->message);
          sam_decide_show_toast (GTK_WIDGET (self), message);
        }
      return;
    }

  g_clear_pointer (&self->table, sam_csv_table_free);
  self->table = table;
  show_preview (self);
}

static void
read_file (SamCustomerVoicePage *self,
           GFile                *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;
  Job *job = g_new0 (Job, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);
  g_clear_pointer (&self->table, sam_csv_table_free);

  job->file = g_object_ref (file);
  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_task_data (task, job, job_free);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Reading “%s”…"), self->file_name);
  start_job (self, task, title, read_in_thread);
}

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SamCustomerVoicePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sam_compat_open_file_finish (result, &error);

  if (file != NULL)
    read_file (self, file);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GListModel) filters = sam_compat_file_filters_new (_("Survey results (CSV)"), "text/csv", "*.csv");

  sam_compat_open_file_async (GTK_WINDOW (gtk_widget_get_root (widget)), _("Import Survey Results"), filters,
                              NULL, file_chosen_cb, g_object_ref (widget));
}

static void
load_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  read_file (SAM_CUSTOMER_VOICE_PAGE (widget), file);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamCustomerVoicePage *self = SAM_CUSTOMER_VOICE_PAGE (widget);

  g_clear_pointer (&self->table, sam_csv_table_free);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  reload (self);
}

static void
show_problems (SamCustomerVoicePage *self,
               guint                 added,
               GPtrArray            *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems != NULL && problems->len > 0);
  if (problems == NULL || problems->len == 0)
    return;

  g_string_append_printf (text, ngettext ("%u row was skipped:", "%u rows were skipped:", problems->len),
                          problems->len);
  for (guint i = 0; i < MIN (problems->len, 10); i++)
    g_string_append_printf (text, "\n%s", (char *) problems->pdata[i]);
  if (problems->len > 10)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("…and %u more", "…and %u more", problems->len - 10), problems->len - 10);
    }
  gtk_label_set_text (self->problems_label, text->str);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (SamFeedbackInput), job->table->rows->len);
  GError *error = NULL;

  for (guint i = 0; i < job->table->rows->len; i++)
    {
      const SamCsvRow *row = job->table->rows->pdata[i];
      SamFeedbackInput input = { row->line, cell (row, job->columns[ROLE_SCORE]),
                                 cell (row, job->columns[ROLE_COMMENT]), cell (row, job->columns[ROLE_DATE]),
                                 cell (row, job->columns[ROLE_CHANNEL]) };

      g_array_append_val (rows, input);
    }

  job->batch = sam_feedback_batch_check ((SamFeedbackInput *) rows->data, rows->len, job->scale, cancellable,
                                         &job->progress, &error);
  if (job->batch == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SamCustomerVoicePage *self = SAM_CUSTOMER_VOICE_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint added;

  if (!g_task_propagate_boolean (G_TASK (result), &error) || !is_current_job (self, result) ||
      job->step != page_step (self) || page_store (self) == NULL)
    {
      if (is_current_job (self, result))
        {
          stop_progress (self);
          /* Back to the preview: nothing was stored. */
          g_clear_pointer (&self->table, sam_csv_table_free);
          self->table = g_steal_pointer (&job->table);
          back_from_job (self);
          sam_decide_show_toast (GTK_WIDGET (self), _("Import cancelled; nothing was added"));
        }
      return;
    }

  stop_progress (self);
  added = sam_store_add_feedback_batch (page_store (self), job->step, job->batch, &problems, &error);
  if (added == 0)
    {
      self->table = g_steal_pointer (&job->table);
      back_from_job (self);
      sam_decide_show_error (GTK_WIDGET (self), error);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "results");
  show_problems (self, added, problems);
  reload (self);
}

/* (score, comment, date, channel column: -1 for none; scale 10 or 5) */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SamCustomerVoicePage *self = SAM_CUSTOMER_VOICE_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;
  Job *job;

  if (self->table == NULL || page_store (self) == NULL || page_step (self) == NULL || self->job != NULL)
    return;

  job = g_new0 (Job, 1);
  g_variant_get (param, "(iiiiu)", &job->columns[0], &job->columns[1], &job->columns[2], &job->columns[3],
                 &job->scale);
  if (job->scale != 5 && job->scale != 10)
    {
      job_free (job);
      return;
    }

  /* The thread reads the table: it is the job's until the job ends. */
  job->table = g_steal_pointer (&self->table);
  job->step = g_object_ref (page_step (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  g_task_set_task_data (task, job, job_free);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Importing “%s”…"), self->file_name);
  start_job (self, task, title, check_in_thread);
}

/* Cancel while a file is read or checked: nothing is stored. */
static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SamCustomerVoicePage *self = SAM_CUSTOMER_VOICE_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
import_chosen_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SamCustomerVoicePage *self = SAM_CUSTOMER_VOICE_PAGE (widget);

  if (self->table == NULL || self->scale_drop == NULL)
    return;

  gtk_widget_activate_action (widget, "voice.import", "(iiiiu)",
                              role_column (self, ROLE_SCORE), role_column (self, ROLE_COMMENT),
                              role_column (self, ROLE_DATE), role_column (self, ROLE_CHANNEL),
                              gtk_drop_down_get_selected (self->scale_drop) == 1 ? 5u : 10u);
}

static SamStep *
card_target (SamCustomerVoicePage *self,
             const char          **kind)
{
  SamWorkshop *workshop = sam_exercise_page_get_workshop (SAM_EXERCISE_PAGE (self));
  GListModel *steps = sam_store_get_steps (page_store (self), workshop);
  static const char *const targets[][2] = { { "brainstorm", "idea" }, { "customer-walk", "customer-step" } };

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
      {
        g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

        if (g_str_equal (sam_step_get_kind (step), targets[t][0]))
          {
            *kind = targets[t][1];
            return step;
          }
      }

  return NULL;
}

static void
to_card_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SamCustomerVoicePage *self = SAM_CUSTOMER_VOICE_PAGE (widget);
  GListModel *feedback = gtk_filter_list_model_get_model (self->comments);
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(GError) error = NULL;
  const char *kind = NULL;
  SamStep *target;

  target = page_store (self) ? card_target (self, &kind) : NULL;
  if (target == NULL)
    {
      sam_decide_show_toast (widget, _("Add a brainstorm or a customer walk to the agenda first"));
      return;
    }

  for (guint i = 0; feedback != NULL && i < g_list_model_get_n_items (feedback); i++)
    {
      g_autoptr(SamFeedback) item = g_list_model_get_item (feedback, i);
      g_autofree char *text = NULL;
      g_autofree char *message = NULL;
      SamCardInit init = { .kind = kind };

      if (sam_feedback_get_id (item) != id)
        continue;

      /* The card shows what the room saw: without the hidden names. */
      text = shown_comment (self, item);
      init.text = text;
      if (sam_store_add_card (page_store (self), target, &init, &error) == NULL)
        sam_decide_show_error (widget, error);
      else
        {
          /* Translators: %s is a step of the agenda, e.g. "Brainstorm" */
          message = g_strdup_printf (_("The comment is a card in “%s” now"), sam_step_get_title (target));
          sam_decide_show_toast (widget, message);
        }
      return;
    }
}

static void
store_redaction (SamCustomerVoicePage *self)
{
  g_autoptr(GError) error = NULL;

  if (page_store (self) == NULL || page_step (self) == NULL)
    return;

  if (!sam_store_set_feedback_redaction (page_store (self), page_step (self), self->redact,
                                         gtk_editable_get_text (GTK_EDITABLE (self->names_entry)), &error))
    sam_decide_show_error (GTK_WIDGET (self), error);
  load_redaction (self);
  refresh_cards (self);
}

static void
names_changed_cb (SamCustomerVoicePage *self)
{
  if (!self->syncing)
    store_redaction (self);
}

static void
sam_customer_voice_page_context_changed (SamExercisePage *page,
                                         SamStore        *old_store,
                                         SamWorkshop     *old_workshop,
                                         SamStep         *old_step)
{
  SamCustomerVoicePage *self = SAM_CUSTOMER_VOICE_PAGE (page);

  /* An import under way belongs to the step it was started on; a file
   * being read is shown for the step the page has when it is read. */
  if (self->job != NULL)
    {
      Job *job = g_task_get_task_data (self->job);

      if (job->step != NULL && job->step != page_step (self))
        {
          g_cancellable_cancel (self->cancellable);
          stop_progress (self);
        }
    }
  if (self->job == NULL)
    {
      g_clear_pointer (&self->table, sam_csv_table_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  load_redaction (self);
  reload (self);
}

static void
sam_customer_voice_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SamCustomerVoicePage *self = SAM_CUSTOMER_VOICE_PAGE (object);

  switch (prop_id)
    {
    case PROP_REDACT:
      g_value_set_boolean (value, self->redact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_customer_voice_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SamCustomerVoicePage *self = SAM_CUSTOMER_VOICE_PAGE (object);

  switch (prop_id)
    {
    case PROP_REDACT:
      if (self->redact != g_value_get_boolean (value))
        {
          self->redact = g_value_get_boolean (value);
          store_redaction (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_customer_voice_page_dispose (GObject *object)
{
  SamCustomerVoicePage *self = (SamCustomerVoicePage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_progress (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_CUSTOMER_VOICE_PAGE);
  g_clear_object (&self->preview);
  g_clear_object (&self->comments);
  g_clear_pointer (&self->table, sam_csv_table_free);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->months, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (sam_customer_voice_page_parent_class)->dispose (object);
}

static void
sam_customer_voice_page_class_init (SamCustomerVoicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SamExercisePageClass *page_class = SAM_EXERCISE_PAGE_CLASS (klass);

  object_class->dispose = sam_customer_voice_page_dispose;
  object_class->get_property = sam_customer_voice_page_get_property;
  object_class->set_property = sam_customer_voice_page_set_property;
  page_class->context_changed = sam_customer_voice_page_context_changed;

  /* Names in the comments are hidden (before projecting). */
  properties[PROP_REDACT] =
    g_param_spec_boolean ("redact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/sam-customer-voice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, file_label);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, columns_grid);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, preview_view);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, problems_label);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, working_label);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, charts);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, redact_switch);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, names_entry);
  gtk_widget_class_bind_template_child (widget_class, SamCustomerVoicePage, comments_view);
  gtk_widget_class_bind_template_callback (widget_class, names_changed_cb);

  gtk_widget_class_install_action (widget_class, "voice.choose-file", NULL, choose_file_action);
  /* (a path): reads the file as the file chooser would */
  gtk_widget_class_install_action (widget_class, "voice.load-file", "s", load_file_action);
  gtk_widget_class_install_action (widget_class, "voice.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "voice.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "voice.import", "(iiiiu)", import_action);
  gtk_widget_class_install_action (widget_class, "voice.import-chosen", NULL, import_chosen_action);
  gtk_widget_class_install_action (widget_class, "voice.to-card", "x", to_card_action);
  gtk_widget_class_install_property_action (widget_class, "voice.redact", "redact");
}

static void
sam_customer_voice_page_init (SamCustomerVoicePage *self)
{
  GtkListItemFactory *cards = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *lines = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) preview = NULL;
  g_autoptr(GtkNoSelection) comments = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sam-decide-page");

  self->preview = gtk_string_list_new (NULL);
  preview = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->preview)));
  gtk_list_view_set_model (self->preview_view, GTK_SELECTION_MODEL (preview));
  g_signal_connect (lines, "setup", G_CALLBACK (setup_line), NULL);
  g_signal_connect (lines, "bind", G_CALLBACK (bind_line), NULL);
  gtk_list_view_set_factory (self->preview_view, lines);
  g_object_unref (lines);

  self->comments = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (has_comment, NULL, NULL)));
  /* A survey of 100,000 responses is filtered in slices between frames. */
  gtk_filter_list_model_set_incremental (self->comments, TRUE);
  comments = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->comments)));
  gtk_grid_view_set_model (self->comments_view, GTK_SELECTION_MODEL (comments));
  g_signal_connect (cards, "setup", G_CALLBACK (setup_card), self);
  g_signal_connect (cards, "bind", G_CALLBACK (bind_card), self);
  gtk_grid_view_set_factory (self->comments_view, cards);
  g_object_unref (cards);

  add_chart (self, _("How customers scored"), draw_distribution, 200);
  add_chart (self, _("NPS per team or channel"), draw_channels, 160);
  add_chart (self, _("NPS per month"), draw_months, 180);
}
