/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sam-feedback.h"
#include "sam-store-feedback.h"
#include "sam-store-decide-private.h"

/* The customer's voice (schema version 8): survey responses imported from
 * a CSV file into a step, all of them or none (one transaction); rows that
 * cannot be read are skipped and listed by their line, so the coach knows
 * exactly what is missing. */

#define MAX_COMMENT 20000
#define MAX_CHANNEL 200

static void
group_free (gpointer data)
{
  SamFeedbackGroup *group = data;

  g_free (group->name);
  g_free (group);
}

/**
 * sam_feedback_parse_date:
 * @text: a date as survey tools write it: `2026-03-14`, `2026/03/14`,
 *   `14-03-2026`, `14/3/2026` or `14.03.2026`, with or without a time after it
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, "" for an
 *   empty @text, %NULL when it is no date
 */
char *
sam_feedback_parse_date (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  g_auto(GStrv) parts = NULL;
  char *space;
  guint a, b, c, year, month, day;

  if (*copy == '\0')
    return g_strdup ("");

  /* "2026-03-14 09:30" or "2026-03-14T09:30:00Z": the date is enough. */
  if ((space = strpbrk (copy, " T")) != NULL)
    *space = '\0';

  g_strdelimit (copy, "/.", '-');
  parts = g_strsplit (copy, "-", -1);
  if (g_strv_length (parts) != 3)
    return NULL;

  for (guint i = 0; i < 3; i++)
    if (*parts[i] == '\0' || strspn (parts[i], "0123456789") != strlen (parts[i]) || strlen (parts[i]) > 4)
      return NULL;

  a = atoi (parts[0]);
  b = atoi (parts[1]);
  c = atoi (parts[2]);
  if (strlen (parts[0]) == 4)
    year = a, month = b, day = c;
  else if (strlen (parts[2]) == 4)
    year = c, month = b, day = a;
  else
    return NULL;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Reads a score on @scale; FALSE when it is no whole number in range. */
static gboolean
parse_score (const char *text,
             guint       scale,
             int        *score)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  /* "8", "8.0" and the Dutch "8,0" are the same whole score. */
  g_strdelimit (copy, ",", '.');
  value = g_ascii_strtod (copy, &end);
  if (*copy == '\0' || end == NULL || *end != '\0' || value != floor (value))
    return FALSE;

  *score = (int) value;
  return *score >= (scale == 5 ? 1 : 0) && *score <= (int) scale;
}

/* Checks one row; returns NULL when it can be imported, else why not. */
static char *
check_row (const SamFeedbackInput  *row,
           guint                    scale,
           int                     *score,
           char                   **date)
{
  g_autofree char *stripped = g_strstrip (g_strdup (row->score ? row->score : ""));
  gboolean has_score = *stripped != '\0';
  gboolean has_comment = row->comment != NULL && *row->comment != '\0';

  *score = -1;
  *date = NULL;
  if ((row->comment && !g_utf8_validate (row->comment, -1, NULL)) ||
      (row->channel && !g_utf8_validate (row->channel, -1, NULL)))
    return g_strdup_printf (_("Line %u: the text contains characters that are not valid"), row->line);
  if (has_score && !parse_score (row->score, scale, score))
    return scale == 5
      ? g_strdup_printf (_("Line %u: “%s” is not a score from 1 to 5"), row->line, row->score)
      : g_strdup_printf (_("Line %u: “%s” is not a score from 0 to 10"), row->line, row->score);
  if (!has_score && !has_comment)
    return g_strdup_printf (_("Line %u: no score and no comment"), row->line);
  if (row->comment && g_utf8_strlen (row->comment, -1) > MAX_COMMENT)
    return g_strdup_printf (_("Line %u: the comment is longer than %u characters"), row->line, MAX_COMMENT);
  if (row->channel && g_utf8_strlen (row->channel, -1) > MAX_CHANNEL)
    return g_strdup_printf (_("Line %u: the team or channel is longer than %u characters"), row->line, MAX_CHANNEL);

  *date = sam_feedback_parse_date (row->date);
  if (*date == NULL)
    return g_strdup_printf (_("Line %u: “%s” is not a date"), row->line, row->date);

  return NULL;
}

/* A row that passed its checks, ready to be stored: the text stripped,
 * the date as YYYY-MM-DD or "", the score -1 when there is none. */
typedef struct
{
  guint  line;
  int    score;
  char  *comment;
  char  *date;
  char  *channel;
  char   uuid[37];
} CheckedRow;

struct _SamFeedbackBatch
{
  guint      scale;
  GArray    *rows;      /* CheckedRow */
  GPtrArray *problems;  /* "Line N: why" */
};

static void
checked_row_clear (gpointer data)
{
  CheckedRow *row = data;

  g_free (row->comment);
  g_free (row->date);
  g_free (row->channel);
}

/**
 * sam_feedback_batch_free:
 * @batch: (transfer full): a checked batch of survey responses
 */
void
sam_feedback_batch_free (SamFeedbackBatch *batch)
{
  if (batch == NULL)
    return;

  g_array_unref (batch->rows);
  g_ptr_array_unref (batch->problems);
  g_free (batch);
}

/**
 * sam_feedback_batch_check:
 * @rows: (array length=n_rows): the responses
 * @n_rows: how many
 * @scale: 10 for scores 0–10, 5 for 1–5
 * @cancellable: (nullable): stops the check between two rows
 * @progress: (nullable): set (atomically) to the number of rows checked so
 *   far, for a progress bar in another thread
 * @error: return location for a #GError
 *
 * Checks every row, without the store: it may run in a worker thread (the
 * texts of @rows are copied).  The rows that cannot be read are kept as
 * problems, each as "Line N: why".
 *
 * Returns: (transfer full) (nullable): the batch to give to
 *   sam_store_add_feedback_batch(), or %NULL when cancelled
 */
SamFeedbackBatch *
sam_feedback_batch_check (const SamFeedbackInput  *rows,
                          guint                    n_rows,
                          guint                    scale,
                          GCancellable            *cancellable,
                          int                     *progress,
                          GError                 **error)
{
  SamFeedbackBatch *batch;

  g_return_val_if_fail (scale == 5 || scale == 10, NULL);
  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);

  batch = g_new0 (SamFeedbackBatch, 1);
  batch->scale = scale;
  batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (CheckedRow), n_rows);
  g_array_set_clear_func (batch->rows, checked_row_clear);
  batch->problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_rows; i++)
    {
      CheckedRow checked = { .line = rows[i].line };
      g_autofree char *uuid = NULL;
      char *problem;

      /* Often enough to stop at once, seldom enough to cost nothing. */
      if (i % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              sam_feedback_batch_free (batch);
              return NULL;
            }
          if (progress != NULL)
            g_atomic_int_set (progress, (int) i);
        }

      if ((problem = check_row (&rows[i], scale, &checked.score, &checked.date)) != NULL)
        {
          g_ptr_array_add (batch->problems, problem);
          continue;
        }

      checked.comment = g_strstrip (g_strdup (rows[i].comment ? rows[i].comment : ""));
      checked.channel = g_strstrip (g_strdup (rows[i].channel ? rows[i].channel : ""));
      uuid = g_uuid_string_random ();
      memcpy (checked.uuid, uuid, sizeof checked.uuid);
      g_array_append_val (batch->rows, checked);
    }

  if (progress != NULL)
    g_atomic_int_set (progress, (int) n_rows);
  return batch;
}

/**
 * sam_feedback_batch_get_n_rows:
 * @batch: a checked batch
 *
 * Returns: how many rows of the batch can be stored
 */
guint
sam_feedback_batch_get_n_rows (SamFeedbackBatch *batch)
{
  g_return_val_if_fail (batch != NULL, 0);

  return batch->rows->len;
}

static gboolean
insert_row (SamStore          *self,
            SamStep           *step,
            guint              scale,
            const CheckedRow  *row,
            GError           **error)
{
  sqlite3_stmt *stmt;

  stmt = _sam_store_prepare (self, "INSERT INTO feedback (uuid, workshop_id, step_id, scale, score, comment, date, "
                             "channel, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, sam_step_get_workshop_id (step));
  sqlite3_bind_int64 (stmt, 3, sam_step_get_id (step));
  sqlite3_bind_int (stmt, 4, scale);
  if (row->score < 0)
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_int (stmt, 5, row->score);
  sqlite3_bind_text (stmt, 6, row->comment, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, row->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, row->channel, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, row->line);
  return _sam_store_step_done (self, stmt, error);
}

/**
 * sam_store_add_feedback_batch:
 * @self: a #SamStore
 * @step: a live customer-voice step
 * @batch: rows checked by sam_feedback_batch_check()
 * @problems: (out) (optional) (element-type utf8) (transfer full): the rows
 *   that were skipped, each as "Line N: why"
 * @error: return location for a #GError
 *
 * Stores every row of @batch in one transaction: either all of them are
 * stored or, on a failure, none.  A step holds responses of one scale.
 *
 * Returns: how many responses were added; 0 with @error set when none
 *   could be
 */
guint
sam_store_add_feedback_batch (SamStore          *self,
                              SamStep           *step,
                              SamFeedbackBatch  *batch,
                              GPtrArray        **problems,
                              GError           **error)
{
  guint existing;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  g_return_val_if_fail (SAM_IS_STEP (step), 0);
  g_return_val_if_fail (batch != NULL, 0);

  existing = sam_store_get_feedback_scale (self, step);
  if (existing != 0 && existing != batch->scale)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("This step holds scores from %u to %u already; import the other survey into a step of its own"),
                   existing == 5 ? 1 : 0, existing);
      return 0;
    }

  if (batch->rows->len == 0)
    {
      if (batch->problems->len > 0)
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                     _("No row could be imported. %s"), (char *) batch->problems->pdata[0]);
      else
        g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("The file has no responses"));
      return 0;
    }

  if (!_sam_store_begin (self, error))
    return 0;

  for (guint i = 0; i < batch->rows->len; i++)
    if (!insert_row (self, step, batch->scale, &g_array_index (batch->rows, CheckedRow, i), error))
      {
        _sam_store_rollback (self);
        return 0;
      }

  if (!_sam_store_touch_workshop (self, sam_step_get_workshop_id (step), error))
    {
      _sam_store_rollback (self);
      return 0;
    }

  if (!_sam_store_commit (self, error))
    return 0;

  if (problems != NULL)
    *problems = g_ptr_array_ref (batch->problems);
  return batch->rows->len;
}

/**
 * sam_store_import_feedback:
 * @self: a #SamStore
 * @step: a live customer-voice step
 * @rows: (array length=n_rows): the responses
 * @n_rows: how many
 * @scale: 10 for scores 0–10, 5 for 1–5
 * @problems: (out) (optional) (element-type utf8) (transfer full): the rows
 *   that were skipped, each as "Line N: why"
 * @error: return location for a #GError
 *
 * Checks and adds every row that can be read, in one transaction (see
 * sam_feedback_batch_check() to check in a worker thread).
 *
 * Returns: how many responses were added; 0 with @error set when none
 *   could be
 */
guint
sam_store_import_feedback (SamStore                *self,
                           SamStep                 *step,
                           const SamFeedbackInput  *rows,
                           guint                    n_rows,
                           guint                    scale,
                           GPtrArray              **problems,
                           GError                 **error)
{
  g_autoptr(SamFeedbackBatch) batch = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  g_return_val_if_fail (SAM_IS_STEP (step), 0);
  g_return_val_if_fail (scale == 5 || scale == 10, 0);

  batch = sam_feedback_batch_check (rows, n_rows, scale, NULL, NULL, error);
  return sam_store_add_feedback_batch (self, step, batch, problems, error);
}

/**
 * sam_store_get_feedback_scale:
 * @self: a #SamStore
 * @step: a customer-voice step
 *
 * Returns: 10 or 5, the scale of the step's responses; 0 while it has none
 */
guint
sam_store_get_feedback_scale (SamStore *self,
                              SamStep  *step)
{
  sqlite3_stmt *stmt;
  guint scale = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  g_return_val_if_fail (SAM_IS_STEP (step), 0);

  stmt = _sam_store_prepare (self, "SELECT MAX(scale) FROM feedback WHERE step_id = ?1 AND trash IS NULL", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    scale = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return scale;
}

static void
count_score (SamFeedbackGroup *group,
             int               score,
             guint             scale)
{
  gboolean promoter = scale == 5 ? score == 5 : score >= 9;
  gboolean passive = scale == 5 ? score == 4 : score >= 7 && score <= 8;

  group->n_scored++;
  group->mean += score;
  if (promoter)
    group->promoters++;
  else if (passive)
    group->passives++;
  else
    group->detractors++;
}

/**
 * sam_store_get_feedback_groups:
 * @self: a #SamStore
 * @step: a customer-voice step
 * @grouping: per team or channel, or per month
 *
 * Returns: (transfer full) (element-type SamFeedbackGroup): the number of
 *   responses, mean and NPS of each channel (in alphabetical order) or
 *   month (in time order)
 */
GPtrArray *
sam_store_get_feedback_groups (SamStore            *self,
                               SamStep             *step,
                               SamFeedbackGrouping  grouping)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);
  SamFeedbackGroup *group = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), groups);
  g_return_val_if_fail (SAM_IS_STEP (step), groups);

  stmt = _sam_store_prepare (self, grouping == SAM_FEEDBACK_BY_MONTH
                             ? "SELECT substr(date, 1, 7), score, scale FROM feedback WHERE step_id = ?1 "
                               "AND trash IS NULL ORDER BY 1, line"
                             : "SELECT channel, score, scale FROM feedback WHERE step_id = ?1 "
                               "AND trash IS NULL ORDER BY channel COLLATE NOCASE, channel, line", NULL);
  if (stmt == NULL)
    return groups;

  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (group == NULL || g_strcmp0 (group->name, name ? name : "") != 0)
        {
          group = g_new0 (SamFeedbackGroup, 1);
          group->name = g_strdup (name ? name : "");
          g_ptr_array_add (groups, group);
        }

      group->n++;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        count_score (group, sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < groups->len; i++)
    {
      SamFeedbackGroup *g = groups->pdata[i];

      g->mean = g->n_scored ? g->mean / g->n_scored : NAN;
      g->nps = g->n_scored ? 100.0 * ((double) g->promoters - g->detractors) / g->n_scored : NAN;
    }

  return groups;
}

/**
 * sam_store_get_feedback_distribution:
 * @self: a #SamStore
 * @step: a customer-voice step
 * @counts: (out caller-allocates) (array fixed-size=11): how many
 *   responses gave each score
 *
 * Returns: %TRUE when the step has scores
 */
gboolean
sam_store_get_feedback_distribution (SamStore *self,
                                     SamStep  *step,
                                     guint     counts[11])
{
  sqlite3_stmt *stmt;
  gboolean any = FALSE;

  memset (counts, 0, sizeof (guint) * 11);
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = _sam_store_prepare (self, "SELECT score, COUNT(*) FROM feedback WHERE step_id = ?1 AND trash IS NULL "
                             "AND score IS NOT NULL GROUP BY score", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int score = sqlite3_column_int (stmt, 0);

      if (score >= 0 && score <= 10)
        {
          counts[score] = sqlite3_column_int (stmt, 1);
          any = TRUE;
        }
    }
  sqlite3_reset (stmt);
  return any;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '-' || c == '\'';
}

/**
 * sam_feedback_redact:
 * @text: a comment
 * @names: (array zero-terminated=1): names to hide, matched as whole words
 *   without regard to case
 *
 * Returns: (transfer full): @text with every name replaced by "…", for
 *   projecting a comment without the people in it
 */
char *
sam_feedback_redact (const char         *text,
                     const char * const *names)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;

  /* Casefolding can change lengths: each name is compared with as many
   * characters of the text, both casefolded. */
  while (*p != '\0')
    {
      gboolean matched = FALSE;
      gboolean at_word = p == text || !is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, p)));

      for (guint i = 0; at_word && names != NULL && names[i] != NULL && !matched; i++)
        {
          g_autofree char *name = g_utf8_casefold (names[i], -1);
          glong n_chars = g_utf8_strlen (names[i], -1);
          const char *end = p;
          g_autofree char *piece = NULL;
          g_autofree char *piece_folded = NULL;

          if (n_chars == 0)
            continue;
          for (glong c = 0; c < n_chars && *end != '\0'; c++)
            end = g_utf8_next_char (end);
          piece = g_strndup (p, end - p);
          piece_folded = g_utf8_casefold (piece, -1);
          if (g_str_equal (piece_folded, name) && (*end == '\0' || !is_word_char (g_utf8_get_char (end))))
            {
              g_string_append (out, "…");
              p = end;
              matched = TRUE;
            }
        }

      if (!matched)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sam_store_list_feedback:
 * @self: a #SamStore
 * @step: a customer-voice step
 *
 * Returns: (transfer full): a new list of the step's #SamFeedback, in the
 *   order of the file(s) they came from
 */
GListModel *
sam_store_list_feedback (SamStore *self,
                         SamStep  *step)
{
  GListStore *list = g_list_store_new (SAM_TYPE_FEEDBACK);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), G_LIST_MODEL (list));
  g_return_val_if_fail (SAM_IS_STEP (step), G_LIST_MODEL (list));

  stmt = _sam_store_prepare (self, "SELECT id, COALESCE(score, -1), scale, comment, date, channel FROM feedback "
                             "WHERE step_id = ?1 AND trash IS NULL ORDER BY id", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (list);

  sqlite3_bind_int64 (stmt, 1, sam_step_get_id (step));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, sam_feedback_new_take (sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                                                   (guint) sqlite3_column_int (stmt, 2),
                                                   _sam_store_dup_column (stmt, 3), _sam_store_dup_column (stmt, 4),
                                                   _sam_store_dup_column (stmt, 5)));
  sqlite3_reset (stmt);
  /* One change for the whole list, not one per response. */
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

/**
 * sam_store_get_feedback_redaction:
 * @step: a customer-voice step
 * @hide: (out): whether the names are hidden now
 *
 * Returns: (transfer full): the names to hide, one per line
 */
char *
sam_store_get_feedback_redaction (SamStep  *step,
                                  gboolean *hide)
{
  g_autoptr(JsonObject) settings = _sam_decide_settings_of (step);

  *hide = json_object_get_boolean_member_with_default (settings, "redact", FALSE);
  return g_strdup (json_object_get_string_member_with_default (settings, "redact-names", ""));
}

/**
 * sam_store_set_feedback_redaction:
 * @self: a #SamStore
 * @step: a customer-voice step
 * @hide: whether names are hidden when the comments are shown
 * @names: the names to hide, one per line or separated by commas
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sam_store_set_feedback_redaction (SamStore    *self,
                                  SamStep     *step,
                                  gboolean     hide,
                                  const char  *names,
                                  GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_STEP (step), FALSE);

  if (!_sam_store_validate_text (names, 5000, TRUE, error))
    return FALSE;

  return _sam_decide_store_setting (self, step, "redact-names", json_node_init_string (json_node_alloc (), names), error) &&
         _sam_decide_store_setting (self, step, "redact", json_node_init_boolean (json_node_alloc (), hide), error);
}

/**
 * sam_feedback_split_names:
 * @names: names, one per line or separated by commas
 *
 * Returns: (transfer full): the names, trimmed, without empty ones
 */
char **
sam_feedback_split_names (const char *names)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;\\n]", names ? names : "", 0, 0);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (g_strdup (parts[i]));

      if (*name != '\0')
        g_ptr_array_add (out, name);
      else
        g_free (name);
    }

  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}
