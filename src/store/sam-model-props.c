/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-model-props.h"

/* A list of ids (the teams of an agreement) is a GVariant of type "ax",
 * never NULL once set. */

static GParamSpec *
new_pspec (const SamPropInfo *info)
{
  const char *name = info->name;
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;
  gint64 min64 = (info->flags & SAM_PROP_SIGNED) ? G_MININT64 : 0;
  guint max = info->maximum ? info->maximum : G_MAXUINT;

  if (info->flags & SAM_PROP_CONSTRUCT_ONLY)
    flags |= G_PARAM_CONSTRUCT_ONLY;
  else
    flags |= G_PARAM_EXPLICIT_NOTIFY;

  switch (info->type)
    {
    case SAM_PROP_INT64:
      return g_param_spec_int64 (name, NULL, NULL, min64, G_MAXINT64, info->default_value, flags);
    case SAM_PROP_INT:
      return g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, (int) info->default_value, flags);
    case SAM_PROP_UINT:
      return g_param_spec_uint (name, NULL, NULL, 0, max, (guint) info->default_value, flags);
    case SAM_PROP_STRING:
      return g_param_spec_string (name, NULL, NULL, "", flags);
    case SAM_PROP_INT64S:
      return g_param_spec_variant (name, NULL, NULL, G_VARIANT_TYPE ("ax"), NULL, flags);
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

void
_sam_model_install (GObjectClass      *klass,
                    const SamPropInfo *infos,
                    guint              n_infos,
                    GParamSpec       **pspecs)
{
  for (guint i = 0; i < n_infos; i++)
    {
      pspecs[i] = new_pspec (&infos[i]);
      g_object_class_install_property (klass, i + 1, pspecs[i]);
    }
}

/* Called from instance_init: every field starts at its property's default. */
void
_sam_model_init (GObject           *object,
                 const SamPropInfo *infos,
                 guint              n_infos)
{
  for (guint i = 0; i < n_infos; i++)
    {
      const SamPropInfo *info = &infos[i];
      gpointer field = G_STRUCT_MEMBER_P (object, info->offset);

      switch (info->type)
        {
        case SAM_PROP_INT64: *(gint64 *) field = info->default_value; break;
        case SAM_PROP_INT: *(int *) field = (int) info->default_value; break;
        case SAM_PROP_UINT: *(guint *) field = (guint) info->default_value; break;
        case SAM_PROP_STRING: *(char **) field = g_strdup (""); break;
        case SAM_PROP_INT64S:
          *(GVariant **) field = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE_INT64, NULL, 0));
          break;
        default: g_assert_not_reached ();
        }
    }
}

void
_sam_model_get (GObject           *object,
                const SamPropInfo *infos,
                guint              prop_id,
                GValue            *value)
{
  const SamPropInfo *info = &infos[prop_id - 1];
  gpointer field = G_STRUCT_MEMBER_P (object, info->offset);

  switch (info->type)
    {
    case SAM_PROP_INT64: g_value_set_int64 (value, *(gint64 *) field); break;
    case SAM_PROP_INT: g_value_set_int (value, *(int *) field); break;
    case SAM_PROP_UINT: g_value_set_uint (value, *(guint *) field); break;
    case SAM_PROP_STRING: g_value_set_string (value, *(char **) field ? *(char **) field : ""); break;
    case SAM_PROP_INT64S: g_value_set_variant (value, *(GVariant **) field); break;
    default: g_assert_not_reached ();
    }
}

static gboolean
set_variant (GVariant     **field,
             const GValue  *value)
{
  GVariant *fresh = g_value_get_variant (value);

  if (fresh == NULL)
    fresh = g_variant_new_array (G_VARIANT_TYPE_INT64, NULL, 0);
  if (*field != NULL && g_variant_equal (*field, fresh))
    {
      g_variant_unref (g_variant_ref_sink (fresh));
      return FALSE;
    }

  g_clear_pointer (field, g_variant_unref);
  *field = g_variant_ref_sink (fresh);
  return TRUE;
}

void
_sam_model_set (GObject           *object,
                const SamPropInfo *infos,
                guint              prop_id,
                const GValue      *value,
                GParamSpec        *pspec)
{
  const SamPropInfo *info = &infos[prop_id - 1];
  gpointer field = G_STRUCT_MEMBER_P (object, info->offset);
  gboolean changed = FALSE;

  switch (info->type)
    {
    case SAM_PROP_INT64:
      changed = *(gint64 *) field != g_value_get_int64 (value);
      *(gint64 *) field = g_value_get_int64 (value);
      break;
    case SAM_PROP_INT:
      changed = *(int *) field != g_value_get_int (value);
      *(int *) field = g_value_get_int (value);
      break;
    case SAM_PROP_UINT:
      changed = *(guint *) field != g_value_get_uint (value);
      *(guint *) field = g_value_get_uint (value);
      break;
    case SAM_PROP_STRING:
      {
        const char *text = g_value_get_string (value);

        text = text ? text : "";
        changed = g_strcmp0 (*(char **) field, text) != 0;
        if (changed)
          {
            g_free (*(char **) field);
            *(char **) field = g_strdup (text);
          }
      }
      break;
    case SAM_PROP_INT64S:
      changed = set_variant (field, value);
      break;
    default:
      g_assert_not_reached ();
    }

  /* Without EXPLICIT_NOTIFY (construct-only), GObject notifies itself. */
  if (changed && (pspec->flags & G_PARAM_EXPLICIT_NOTIFY) != 0)
    g_object_notify_by_pspec (object, pspec);
}

void
_sam_model_free (GObject           *object,
                 const SamPropInfo *infos,
                 guint              n_infos)
{
  for (guint i = 0; i < n_infos; i++)
    {
      gpointer field = G_STRUCT_MEMBER_P (object, infos[i].offset);

      if (infos[i].type == SAM_PROP_STRING)
        g_clear_pointer ((char **) field, g_free);
      else if (infos[i].type == SAM_PROP_INT64S)
        g_clear_pointer ((GVariant **) field, g_variant_unref);
    }
}
