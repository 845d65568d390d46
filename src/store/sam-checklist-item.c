/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-checklist-item.h"
#include "sam-model-props.h"

/* One statement of a checklist, in its theme.  Properties mirror the
 * database; edits go through SamStore (sam-store-checklist.c). */
struct _SamChecklistItem
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 step_id;
  char *key;
  char *theme;
  char *text;
  guint position;
};

G_DEFINE_FINAL_TYPE (SamChecklistItem, sam_checklist_item, G_TYPE_OBJECT)

static const SamPropInfo props[] = {
  { "id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamChecklistItem, id) },
  { "uuid", SAM_PROP_STRING, G_STRUCT_OFFSET (SamChecklistItem, uuid) },
  { "step-id", SAM_PROP_INT64, G_STRUCT_OFFSET (SamChecklistItem, step_id) },
  { "key", SAM_PROP_STRING, G_STRUCT_OFFSET (SamChecklistItem, key) },
  { "theme", SAM_PROP_STRING, G_STRUCT_OFFSET (SamChecklistItem, theme) },
  { "text", SAM_PROP_STRING, G_STRUCT_OFFSET (SamChecklistItem, text) },
  { "position", SAM_PROP_UINT, G_STRUCT_OFFSET (SamChecklistItem, position) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props)];

static void
sam_checklist_item_finalize (GObject *object)
{
  _sam_model_free (object, props, G_N_ELEMENTS (props));
  G_OBJECT_CLASS (sam_checklist_item_parent_class)->finalize (object);
}

static void
sam_checklist_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  _sam_model_get (object, props, prop_id, value);
}

static void
sam_checklist_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  _sam_model_set (object, props, prop_id, value, pspec);
}

static void
sam_checklist_item_class_init (SamChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_checklist_item_finalize;
  object_class->get_property = sam_checklist_item_get_property;
  object_class->set_property = sam_checklist_item_set_property;
  _sam_model_install (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
sam_checklist_item_init (SamChecklistItem *self)
{
  _sam_model_init (G_OBJECT (self), props, G_N_ELEMENTS (props));
}

gint64
sam_checklist_item_get_id (SamChecklistItem *self)
{
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (self), 0);
  return self->id;
}

const char *
sam_checklist_item_get_uuid (SamChecklistItem *self)
{
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (self), NULL);
  return self->uuid;
}

gint64
sam_checklist_item_get_step_id (SamChecklistItem *self)
{
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (self), 0);
  return self->step_id;
}

const char *
sam_checklist_item_get_key (SamChecklistItem *self)
{
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (self), NULL);
  return self->key;
}

const char *
sam_checklist_item_get_theme (SamChecklistItem *self)
{
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (self), NULL);
  return self->theme;
}

const char *
sam_checklist_item_get_text (SamChecklistItem *self)
{
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (self), NULL);
  return self->text;
}

guint
sam_checklist_item_get_position (SamChecklistItem *self)
{
  g_return_val_if_fail (SAM_IS_CHECKLIST_ITEM (self), 0);
  return self->position;
}
