/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-feedback.h"
#include "sam-model-props.h"

/* One survey response, as stored (sam-store-feedback.c); score -1 when the
 * response has a comment only. */
struct _SamFeedback
{
  GObject parent_instance;

  gint64 id;
  int score;
  guint scale;
  char *comment;
  char *date;
  char *channel;
};

G_DEFINE_FINAL_TYPE (SamFeedback, sam_feedback, G_TYPE_OBJECT)

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamFeedback, id) },
  { "score", SAM_PROP_INT, G_STRUCT_OFFSET (SamFeedback, score), SAM_PROP_FLAGS_NONE, -1 },
  { "scale", SAM_PROP_UINT, G_STRUCT_OFFSET (SamFeedback, scale), SAM_PROP_FLAGS_NONE, 10 },
  { "comment", SAM_PROP_STRING, G_STRUCT_OFFSET (SamFeedback, comment) },
  { "date", SAM_PROP_STRING, G_STRUCT_OFFSET (SamFeedback, date) },
  { "channel", SAM_PROP_STRING, G_STRUCT_OFFSET (SamFeedback, channel) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_feedback_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_feedback_parent_class)->finalize (object);
}

static void
sam_feedback_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_feedback_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_feedback_class_init (SamFeedbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_feedback_finalize;
  object_class->get_property = sam_feedback_get_property;
  object_class->set_property = sam_feedback_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_feedback_init (SamFeedback *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
}

/**
 * sam_feedback_new_take:
 * @id: the row's id
 * @score: the score, -1 for none
 * @scale: 10 or 5
 * @comment: (transfer full): the comment
 * @date: (transfer full): YYYY-MM-DD or ""
 * @channel: (transfer full): the team or channel
 *
 * Makes a response without going through the property machinery: a survey
 * of 100,000 responses is listed at once on the main thread.
 *
 * Returns: (transfer full): the response
 */
SamFeedback *
sam_feedback_new_take (gint64  id,
                       int     score,
                       guint   scale,
                       char   *comment,
                       char   *date,
                       char   *channel)
{
  SamFeedback *self = g_object_new (SAM_TYPE_FEEDBACK, NULL);

  self->id = id;
  self->score = score;
  self->scale = scale;
  g_free (self->comment);
  self->comment = comment;
  g_free (self->date);
  self->date = date;
  g_free (self->channel);
  self->channel = channel;
  return self;
}

gint64
sam_feedback_get_id (SamFeedback *self)
{
  g_return_val_if_fail (SAM_IS_FEEDBACK (self), 0);
  return self->id;
}

int
sam_feedback_get_score (SamFeedback *self)
{
  g_return_val_if_fail (SAM_IS_FEEDBACK (self), -1);
  return self->score;
}

guint
sam_feedback_get_scale (SamFeedback *self)
{
  g_return_val_if_fail (SAM_IS_FEEDBACK (self), 10);
  return self->scale;
}

const char *
sam_feedback_get_comment (SamFeedback *self)
{
  g_return_val_if_fail (SAM_IS_FEEDBACK (self), NULL);
  return self->comment;
}

const char *
sam_feedback_get_date (SamFeedback *self)
{
  g_return_val_if_fail (SAM_IS_FEEDBACK (self), NULL);
  return self->date;
}

const char *
sam_feedback_get_channel (SamFeedback *self)
{
  g_return_val_if_fail (SAM_IS_FEEDBACK (self), NULL);
  return self->channel;
}
