/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-compat.h"
#include "sam-map-page.h"
#include "sam-test-utils.h"

/* Every accelerator is unique and does what the shortcuts window says
 * (issue 10, defect 5).  GTK cannot synthesise key events, so the test
 * reads the accelerators where GTK keeps them: on the application, whose
 * accelerators the window handles before any widget, and in the shortcut
 * controllers of our widgets; and it runs the actions they name. */

typedef struct
{
  guint keyval;
  GdkModifierType mods;
  char *owner;   /* an action of the application, or a widget type */
  char *action;
} Accel;

static void
accel_free (gpointer data)
{
  Accel *accel = data;

  g_free (accel->owner);
  g_free (accel->action);
  g_free (accel);
}

static Accel *
accel_new (guint            keyval,
           GdkModifierType  mods,
           const char      *owner,
           const char      *action)
{
  Accel *accel = g_new0 (Accel, 1);

  accel->keyval = gdk_keyval_to_lower (keyval);
  accel->mods = mods & gtk_accelerator_get_default_mod_mask ();
  accel->owner = g_strdup (owner);
  accel->action = g_strdup (action);
  return accel;
}

/* The accelerator for @keyval and @mods; of @owner only, unless NULL. */
static const Accel *
find_owned_accel (GPtrArray       *accels,
                  guint            keyval,
                  GdkModifierType  mods,
                  const char      *owner)
{
  keyval = gdk_keyval_to_lower (keyval);
  mods &= gtk_accelerator_get_default_mod_mask ();
  for (guint i = 0; i < accels->len; i++)
    {
      const Accel *accel = g_ptr_array_index (accels, i);

      if (accel->keyval == keyval && accel->mods == mods &&
          (owner == NULL || g_strcmp0 (accel->owner, owner) == 0))
        return accel;
    }

  return NULL;
}

static const Accel *
find_accel (GPtrArray       *accels,
            guint            keyval,
            GdkModifierType  mods)
{
  return find_owned_accel (accels, keyval, mods, NULL);
}

/* Every accelerator set on the application; each is set once. */
static GPtrArray *
list_app_accels (GtkApplication *app)
{
  GPtrArray *accels = g_ptr_array_new_with_free_func (accel_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) keys = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; keys[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType mods;
          const Accel *other;

          g_assert_true (gtk_accelerator_parse (keys[j], &keyval, &mods));
          other = find_accel (accels, keyval, mods);
          if (other != NULL)
            g_error ("%s is set for both %s and %s", keys[j], other->owner, actions[i]);
          g_ptr_array_add (accels, accel_new (keyval, mods, actions[i], actions[i]));
        }
    }

  return accels;
}

static char *
dup_shortcut_action (GtkShortcut *shortcut)
{
  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

  if (GTK_IS_NAMED_ACTION (action))
    return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));

  return gtk_shortcut_action_to_string (action);
}

/* The key shortcuts in the shortcut controllers (class bindings included)
 * of our own widgets under @widget.  A widget binds a key to one action
 * only; a widget inside another may bind the same key (the map binds the
 * zoom keys, and its page too, for when the focus is on the toolbar).  No
 * widget's key may be one of the application's accelerators, which the
 * window handles first: the widget would never see it. */
static void
collect_widget_accels (GtkWidget *widget,
                       GPtrArray *app_accels,
                       GPtrArray *accels)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  const char *type = G_OBJECT_TYPE_NAME (widget);

  for (guint i = 0; g_str_has_prefix (type, "Sam") && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *action = dup_shortcut_action (shortcut);
          g_autofree char *key = gtk_shortcut_trigger_to_string (trigger);
          const Accel *app_accel, *other;
          guint keyval;
          GdkModifierType mods;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;

          keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          mods = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
          /* The window keeps the application's accelerators in a
           * controller of its own. */
          app_accel = find_accel (app_accels, keyval, mods);
          if (app_accel != NULL && g_strcmp0 (app_accel->action, action) == 0)
            continue;
          if (app_accel != NULL)
            g_error ("%s of %s (%s) is hidden by %s", key, type, action, app_accel->action);

          other = find_owned_accel (accels, keyval, mods, type);
          if (other != NULL && g_strcmp0 (other->action, action) != 0)
            g_error ("%s of %s is bound to %s and %s", key, type, other->action, action);
          if (other == NULL)
            g_ptr_array_add (accels, accel_new (keyval, mods, type, action));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_widget_accels (child, app_accels, accels);
}

/* Keys that our widgets handle in their own key handlers rather than in a
 * shortcut controller: editing a card (Return, Shift+Return), moving a
 * card or step (Alt+Up, Alt+Down), and Tab, which moves the focus and so
 * the map's selection. */
static const char *const key_handler_keys[] = {
  "Return", "<Shift>Return", "<Alt>Up", "<Alt>Down", "Tab",
};

static gboolean
is_key_handler_key (guint           keyval,
                    GdkModifierType mods)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_handler_keys); i++)
    {
      guint k;
      GdkModifierType m;

      g_assert_true (gtk_accelerator_parse (key_handler_keys[i], &k, &m));
      if (k == keyval && m == mods)
        return TRUE;
    }

  return FALSE;
}

/* Checks one key of the shortcuts window that names no action: one of our
 * widgets binds it (or handles it itself), and the window does not take
 * it first. */
static void
check_advertised_key (const char *key,
                      GPtrArray  *app_accels,
                      GPtrArray  *widget_accels)
{
  guint keyval;
  GdkModifierType mods;

  g_assert_true (gtk_accelerator_parse (key, &keyval, &mods));
  g_assert_true (find_accel (widget_accels, keyval, mods) != NULL ||
                 is_key_handler_key (keyval, mods));
  g_assert_null (find_accel (app_accels, keyval, mods));
}

/* Each entry of the shortcuts window (ui/help-overlay.ui, as sam-compat
 * reads it for GtkShortcutsWindow and AdwShortcutsDialog alike) names an
 * accelerator that exists: an action with an accelerator on the
 * application, or keys that one of our widgets binds. */
static void
check_advertised (SamApplication *app,
                  SamWindow      *window,
                  GPtrArray      *app_accels,
                  GPtrArray      *widget_accels)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = sam_compat_shortcuts_list_file (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (lines), >, 20);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *title = strstr (line, ": ");
      const char *keys = title != NULL ? strstr (title, " <") : NULL;
      const char *action = title != NULL ? strrchr (title, '[') : NULL;

      g_test_message ("%s", line);
      g_assert_nonnull (title);
      if (g_str_has_suffix (line, "]") && action != NULL)
        {
          g_autofree char *name = g_strndup (action + 1, strlen (action) - 2);
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), name);
          const char *dot = strchr (name, '.');

          g_assert_cmpuint (g_strv_length (accels), >, 0);
          if (g_str_has_prefix (name, "win."))
            g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), dot + 1));
          else if (g_str_has_prefix (name, "app."))
            g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), dot + 1));
          else
            g_assert_cmpstr (name, ==, "window.close");
        }
      else
        {
          g_autofree char *inner = NULL;
          g_auto(GStrv) each = NULL;

          g_assert_nonnull (keys);
          g_assert_true (g_str_has_suffix (line, ">"));
          /* " <KEYS>": KEYS may hold several accelerators, space-separated. */
          inner = g_strndup (keys + 2, strlen (keys) - 3);
          each = g_strsplit (inner, " ", -1);
          for (guint k = 0; each[k] != NULL; k++)
            if (*each[k] != '\0')
              check_advertised_key (each[k], app_accels, widget_accels);
        }
    }
}

static gint64
count_teams (SamStore    *store,
             SamWorkshop *workshop)
{
  return g_list_model_get_n_items (sam_store_get_teams (store, workshop));
}

/* Runs what the application's accelerator @key is set for. */
static gboolean
press_app_accel (SamApplication *app,
                 SamWindow      *window,
                 const char     *key)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), key);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;

  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_true (g_action_parse_detailed_name (actions[0], &name, &target, NULL));
  return gtk_widget_activate_action_variant (GTK_WIDGET (window), name, target);
}

static void
test_accelerators (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamStore *store = sam_application_get_store (app);
  SamWindow *window = sam_test_window_new (app);
  g_autoptr(GPtrArray) app_accels = list_app_accels (GTK_APPLICATION (app));
  g_autoptr(GPtrArray) widget_accels = g_ptr_array_new_with_free_func (accel_free);
  SamWorkshop *workshop;
  GtkWidget *view;
  g_auto(GStrv) ctrl_l = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s", "Sneltoetsen"));
  workshop = sam_window_get_workshop (window);
  view = sam_window_get_workshop_view (window);
  g_assert_true (gtk_widget_activate_action (view, "workshop.add-team", "s", "Sales"));
  g_assert_true (gtk_widget_activate_action (view, "workshop.add-step", "s", "changes"));

  /* Ctrl+T adds a team, from anywhere in the window. */
  g_assert_cmpint (count_teams (store, workshop), ==, 1);
  g_assert_true (press_app_accel (app, window, "<Control>t"));
  sam_test_pump (50);
  g_assert_cmpint (count_teams (store, workshop), ==, 2);

  /* Ctrl+L is the map's Arrange alone: never the library. */
  ctrl_l = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>l");
  g_assert_cmpuint (g_strv_length (ctrl_l), ==, 0);

  /* The accelerators of every page, the map's included. */
  collect_widget_accels (GTK_WIDGET (window), app_accels, widget_accels);
  g_assert_true (gtk_widget_activate_action (view, "workshop.show-page", "s", "map"));
  sam_test_pump (200);
  collect_widget_accels (GTK_WIDGET (window), app_accels, widget_accels);
  g_assert_nonnull (sam_test_find_mapped_child (view, SAM_TYPE_MAP_PAGE));

  /* What the map's tooltips promise, the map page does. */
  {
    static const struct { const char *key; const char *action; } map_keys[] = {
      { "<Control>l", "page.layout" }, { "0", "page.fit" },
      { "plus", "page.zoom-in" }, { "minus", "page.zoom-out" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (map_keys); i++)
      {
        guint keyval;
        GdkModifierType mods;
        const Accel *accel;

        g_assert_true (gtk_accelerator_parse (map_keys[i].key, &keyval, &mods));
        accel = find_owned_accel (widget_accels, keyval, mods, "SamMapPage");
        if (accel == NULL)
          g_error ("The map page does not bind %s", map_keys[i].key);
        g_assert_cmpstr (accel->action, ==, map_keys[i].action);
      }
  }

  check_advertised (app, window, app_accels, widget_accels);
  sam_test_destroy_window (window);
}

/* While a workshop is projected, no shortcut shows the library with every
 * client's workshop. */
static void
test_no_library_while_projecting (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  SamWindow *window = sam_test_window_new (app);
  SamWorkshop *workshop;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-workshop", "s", "Projectie"));
  workshop = sam_window_get_workshop (window);
  /* Under Xvfb without a window manager full screen is asked for and
   * never granted: the window counts as projected from the request on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fullscreen", NULL));
  sam_test_pump (100);

  g_assert_true (press_app_accel (app, window, "<Alt>Left"));
  g_assert_true (press_app_accel (app, window, "<Control>f"));
  sam_test_pump (50);
  g_assert_true (sam_window_get_workshop (window) == workshop);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fullscreen", NULL));
  sam_test_pump (100);
  g_assert_true (press_app_accel (app, window, "<Alt>Left"));
  g_assert_null (sam_window_get_workshop (window));
  sam_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Not gtk_test_init(): it forces en_US.UTF-8, which a minimal system
   * (the compat gate's root) does not have. */
  sam_test_isolate ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sam/ui/shortcuts/accelerators", test_accelerators);
  g_test_add_func ("/sam/ui/shortcuts/no-library-while-projecting", test_no_library_while_projecting);

  return g_test_run ();
}
