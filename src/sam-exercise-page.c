/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-exercise-page.h"

/**
 * SamExercisePage:
 *
 * The base of every exercise's page: it holds the store, the workshop and
 * the agenda step the page shows, which the step view (and, for the map,
 * the workshop view) hands down by name with g_object_set().  A page
 * reacts to them in #SamExercisePageClass.context_changed, lays out its
 * template's single child with a #GtkBinLayout and has its children
 * unparented after its own dispose ran.
 *
 * It also keeps what nearly every page watches: the workshop's teams
 * (#SamExercisePage:teams, followed with one #GSignalGroup, reported in
 * #SamExercisePageClass.teams_changed) and the step's cards
 * (#SamExercisePage:cards).  A page builds its list models on these in
 * context_changed and lets its list views follow them; it has no
 * rebuild loop of its own.
 */
typedef struct
{
  SamStore *store;
  SamWorkshop *workshop;
  SamStep *step;
  GSignalGroup *teams_signals;
} SamExercisePagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SamExercisePage, sam_exercise_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_WORKSHOP,
  PROP_STEP,
  PROP_TEAMS,
  PROP_CARDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sam_exercise_page_dispose (GObject *object)
{
  SamExercisePage *self = (SamExercisePage *)object;
  SamExercisePagePrivate *priv = sam_exercise_page_get_instance_private (self);

  /* The subclass disposed its template already; what is left are children
   * it added by hand. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  if (priv->teams_signals != NULL)
    g_signal_group_set_target (priv->teams_signals, NULL);
  g_clear_object (&priv->teams_signals);
  g_clear_object (&priv->step);
  g_clear_object (&priv->workshop);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (sam_exercise_page_parent_class)->dispose (object);
}

static void
sam_exercise_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SamExercisePage *self = SAM_EXERCISE_PAGE (object);
  SamExercisePagePrivate *priv = sam_exercise_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, priv->store); break;
    case PROP_WORKSHOP: g_value_set_object (value, priv->workshop); break;
    case PROP_STEP: g_value_set_object (value, priv->step); break;
    case PROP_TEAMS: g_value_set_object (value, sam_exercise_page_get_teams (self)); break;
    case PROP_CARDS: g_value_set_object (value, sam_exercise_page_get_cards (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teams_changed_cb (SamExercisePage *self)
{
  if (SAM_EXERCISE_PAGE_GET_CLASS (self)->teams_changed != NULL)
    SAM_EXERCISE_PAGE_GET_CLASS (self)->teams_changed (self);
}

static void
sam_exercise_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SamExercisePage *self = SAM_EXERCISE_PAGE (object);
  SamExercisePagePrivate *priv = sam_exercise_page_get_instance_private (self);
  SamExercisePagePrivate old = *priv;
  g_autoptr(GObject) previous = NULL;
  GObject **field;

  switch (prop_id)
    {
    case PROP_STORE: field = (GObject **) &priv->store; break;
    case PROP_WORKSHOP: field = (GObject **) &priv->workshop; break;
    case PROP_STEP: field = (GObject **) &priv->step; break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec); return;
    }

  if (*field == g_value_get_object (value))
    return;

  /* Keep the previous object alive until the page let go of it. */
  previous = g_steal_pointer (field);
  *field = g_value_dup_object (value);

  g_signal_group_set_target (priv->teams_signals, sam_exercise_page_get_teams (self));
  if (SAM_EXERCISE_PAGE_GET_CLASS (self)->context_changed != NULL)
    SAM_EXERCISE_PAGE_GET_CLASS (self)->context_changed (self, old.store, old.workshop, old.step);
  g_object_notify_by_pspec (object, pspec);
  if (prop_id != PROP_STEP)
    g_object_notify_by_pspec (object, properties[PROP_TEAMS]);
  if (prop_id != PROP_WORKSHOP)
    g_object_notify_by_pspec (object, properties[PROP_CARDS]);
}

static void
sam_exercise_page_class_init (SamExercisePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = sam_exercise_page_dispose;
  object_class->get_property = sam_exercise_page_get_property;
  object_class->set_property = sam_exercise_page_set_property;

  /**
   * SamExercisePage:store:
   *
   * The store the page reads and writes.
   */
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE, flags);
  /**
   * SamExercisePage:workshop:
   *
   * The workshop the page belongs to.
   */
  properties[PROP_WORKSHOP] = g_param_spec_object ("workshop", NULL, NULL, SAM_TYPE_WORKSHOP, flags);
  /**
   * SamExercisePage:step:
   *
   * The agenda step the page shows, %NULL for a page shown outside the
   * agenda (the map as a workshop section).
   */
  properties[PROP_STEP] = g_param_spec_object ("step", NULL, NULL, SAM_TYPE_STEP, flags);
  /**
   * SamExercisePage:teams:
   *
   * The workshop's teams, in order (a #GListModel of #SamTeam), %NULL
   * without a store and workshop.
   */
  properties[PROP_TEAMS] = g_param_spec_object ("teams", NULL, NULL, G_TYPE_LIST_MODEL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SamExercisePage:cards:
   *
   * The step's cards (a #GListModel of #SamCard), %NULL without a store
   * and step.
   */
  properties[PROP_CARDS] = g_param_spec_object ("cards", NULL, NULL, G_TYPE_LIST_MODEL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sam_exercise_page_init (SamExercisePage *self)
{
  SamExercisePagePrivate *priv = sam_exercise_page_get_instance_private (self);

  priv->teams_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (priv->teams_signals, "items-changed", G_CALLBACK (teams_changed_cb), self);
}

/**
 * sam_exercise_page_get_store:
 * @self: a #SamExercisePage
 *
 * Returns: (transfer none) (nullable): the store the page works on
 */
SamStore *
sam_exercise_page_get_store (SamExercisePage *self)
{
  SamExercisePagePrivate *priv = sam_exercise_page_get_instance_private (self);

  g_return_val_if_fail (SAM_IS_EXERCISE_PAGE (self), NULL);

  return priv->store;
}

/**
 * sam_exercise_page_get_workshop:
 * @self: a #SamExercisePage
 *
 * Returns: (transfer none) (nullable): the workshop the page belongs to
 */
SamWorkshop *
sam_exercise_page_get_workshop (SamExercisePage *self)
{
  SamExercisePagePrivate *priv = sam_exercise_page_get_instance_private (self);

  g_return_val_if_fail (SAM_IS_EXERCISE_PAGE (self), NULL);

  return priv->workshop;
}

/**
 * sam_exercise_page_get_step:
 * @self: a #SamExercisePage
 *
 * Returns: (transfer none) (nullable): the agenda step the page shows
 */
SamStep *
sam_exercise_page_get_step (SamExercisePage *self)
{
  SamExercisePagePrivate *priv = sam_exercise_page_get_instance_private (self);

  g_return_val_if_fail (SAM_IS_EXERCISE_PAGE (self), NULL);

  return priv->step;
}

/**
 * sam_exercise_page_get_teams:
 * @self: a #SamExercisePage
 *
 * Returns: (transfer none) (nullable): the workshop's teams, a live
 *   #GListModel of #SamTeam
 */
GListModel *
sam_exercise_page_get_teams (SamExercisePage *self)
{
  SamExercisePagePrivate *priv = sam_exercise_page_get_instance_private (self);

  g_return_val_if_fail (SAM_IS_EXERCISE_PAGE (self), NULL);

  if (priv->store == NULL || priv->workshop == NULL)
    return NULL;
  return sam_store_get_teams (priv->store, priv->workshop);
}

/**
 * sam_exercise_page_get_cards:
 * @self: a #SamExercisePage
 *
 * Returns: (transfer none) (nullable): the step's cards, a live
 *   #GListModel of #SamCard (sam_card_bucket_get() picks buckets from it)
 */
GListModel *
sam_exercise_page_get_cards (SamExercisePage *self)
{
  SamExercisePagePrivate *priv = sam_exercise_page_get_instance_private (self);

  g_return_val_if_fail (SAM_IS_EXERCISE_PAGE (self), NULL);

  if (priv->store == NULL || priv->step == NULL)
    return NULL;
  return sam_store_get_cards (priv->store, priv->step);
}
