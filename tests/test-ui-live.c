/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The live room in the app, in Dutch (issue 18): the QR code as drawn, the
 * coach's Live Room page and the projector's join screen, and a team's
 * laptop joining through "Join a Room…" — against a real SamLiveRoom and
 * SamLiveLink in this process, on loopback, each side with its own
 * database.  Screenshots at 1024 × 768. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <qrencode.h>

#include "sam-compat.h"
#include "sam-i18n.h"
#include "sam-join-dialog.h"
#include "sam-live-link.h"
#include "sam-live-room.h"
#include "sam-presenter.h"
#include "sam-projector-view.h"
#include "sam-projector-window.h"
#include "sam-qr-code.h"
#include "sam-room-page.h"
#include "sam-sample-workshop.h"
#include "sam-store-cards.h"
#include "sam-store-packet.h"
#include "sam-team-window.h"
#include "sam-test-utils.h"
#include "sam-window-private.h"
#include "sam-workshop-view.h"

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  for (guint i = 0; i < 1000; i++)
    {
      if (condition (data))
        return;
      sam_test_pump (20);
    }
  g_error ("Waited 20 s in vain for %s", what);
}

static char *
test_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "live", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

static SamStore *
fresh_store (const char *name)
{
  g_autofree char *path = test_path (name);
  g_autoptr(GError) error = NULL;
  SamStore *store;

  g_unlink (path);
  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

/* Renders @widget and returns its pixels (Cairo's ARGB32, premultiplied). */
static GBytes *
render (GtkWidget *widget,
        int       *width,
        int       *height,
        gsize     *stride)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *data;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  *stride = (gsize) *width * 4;
  data = g_malloc (*stride * *height);
  gdk_texture_download (texture, data, *stride);
  return g_bytes_new_take (data, *stride * *height);
}

static guint32
pixel (GBytes *pixels,
       gsize   stride,
       int     x,
       int     y)
{
  const guchar *data = g_bytes_get_data (pixels, NULL);

  return *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4) & 0xffffff;
}

/* The code as drawn carries the URI: every module's centre has the colour
 * libqrencode gives that module for the same text, the quiet zone is
 * white, and modules are whole pixels — in light and in dark mode. */
static void
check_qr_drawn (SamQrCode  *qr,
                const char *uri)
{
  QRcode *expected = QRcode_encodeString8bit (uri, 0, QR_ECLEVEL_M);
  g_autoptr(GBytes) pixels = NULL;
  int width, height, module, side, x0, y0;
  gsize stride;

  g_assert_nonnull (expected);
  g_assert_cmpint (sam_qr_code_get_n_modules (qr), ==, expected->width);
  /* A page just shown is laid out in the next frames. */
  for (guint i = 0; i < 250 && sam_qr_code_get_module_size (qr) == 0; i++)
    sam_test_pump (20);
  module = sam_qr_code_get_module_size (qr);
  g_assert_cmpint (module, >=, 4);

  pixels = render (GTK_WIDGET (qr), &width, &height, &stride);
  side = (expected->width + 2 * SAM_QR_CODE_QUIET_ZONE) * module;
  x0 = (width - side) / 2;
  y0 = (height - side) / 2;
  for (int i = 0; i < SAM_QR_CODE_QUIET_ZONE * module; i++)
    {
      g_assert_cmphex (pixel (pixels, stride, x0 + i, y0 + i), ==, 0xffffff);
      g_assert_cmphex (pixel (pixels, stride, x0 + side - 1 - i, y0 + side - 1 - i), ==, 0xffffff);
    }
  x0 += SAM_QR_CODE_QUIET_ZONE * module;
  y0 += SAM_QR_CODE_QUIET_ZONE * module;
  for (int y = 0; y < expected->width; y++)
    for (int x = 0; x < expected->width; x++)
      {
        gboolean dark = expected->data[y * expected->width + x] & 1;
        /* Both corners of the module too: whole pixels, no blur. */
        guint32 centre = pixel (pixels, stride, x0 + x * module + module / 2, y0 + y * module + module / 2);
        guint32 corner = pixel (pixels, stride, x0 + x * module, y0 + y * module);
        guint32 last = pixel (pixels, stride, x0 + (x + 1) * module - 1, y0 + (y + 1) * module - 1);

        g_assert_cmphex (centre, ==, dark ? 0x000000 : 0xffffff);
        g_assert_cmphex (corner, ==, centre);
        g_assert_cmphex (last, ==, centre);
        g_assert_cmpint (sam_qr_code_get_module (qr, x, y), ==, dark);
      }
  QRcode_free (expected);
}

static void
test_qr_code (void)
{
  const char *uri = "samenspel-live://192.168.1.20:48213/?code=K7QM3XPA"
                    "&fp=4f2a91c077de0123456789abcdef0123456789abcdef0123456789abcdef0123";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *qr = sam_qr_code_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  sam_qr_code_set_text (SAM_QR_CODE (qr), uri);
  g_assert_cmpstr (sam_qr_code_get_text (SAM_QR_CODE (qr)), ==, uri);
  gtk_window_set_child (GTK_WINDOW (window), qr);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 420);
  gtk_window_present (GTK_WINDOW (window));
  sam_test_pump (300);

  /* Version 6 or more at level M for this length: 41 modules and up. */
  g_assert_cmpint (sam_qr_code_get_n_modules (SAM_QR_CODE (qr)), >=, 41);
  check_qr_drawn (SAM_QR_CODE (qr), uri);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sam_test_pump (200);
  check_qr_drawn (SAM_QR_CODE (qr), uri);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  sam_qr_code_set_text (SAM_QR_CODE (qr), NULL);
  g_assert_cmpint (sam_qr_code_get_n_modules (SAM_QR_CODE (qr)), ==, 0);
  g_assert_cmpint (sam_qr_code_get_module_size (SAM_QR_CODE (qr)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  sam_test_pump (50);
}

/* The coach's side */

typedef struct
{
  SamLiveLink *link;
  gboolean     done;
  GError      *error;
  GListModel  *teams;
  SamWorkshop *workshop;   /* the store's */
} Laptop;

static void
laptop_connected_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Laptop *laptop = user_data;

  sam_live_link_connect_finish (SAM_LIVE_LINK (source), result, &laptop->error);
  laptop->done = TRUE;
}

static void
laptop_joined_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Laptop *laptop = user_data;

  laptop->teams = sam_live_link_join_finish (SAM_LIVE_LINK (source), result, &laptop->error);
  laptop->done = TRUE;
}

static void
laptop_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Laptop *laptop = user_data;

  laptop->workshop = sam_live_link_choose_team_finish (SAM_LIVE_LINK (source), result, &laptop->error);
  laptop->done = TRUE;
}

static gboolean
laptop_done (gpointer data)
{
  return ((Laptop *) data)->done;
}

/* A laptop with its own database joins @room as the team at @index. */
static void
laptop_join (Laptop      *laptop,
             SamStore    *store,
             SamLiveRoom *room,
             guint        index)
{
  g_autoptr(SamLiveTeam) team = NULL;

  laptop->link = sam_live_link_new (store);
  sam_live_link_connect_async (laptop->link, "127.0.0.1", sam_live_room_get_port (room),
                               sam_live_room_get_fingerprint (room), NULL, laptop_connected_cb, laptop);
  wait_until (laptop_done, laptop, "the laptop to reach the room");
  g_assert_no_error (laptop->error);

  laptop->done = FALSE;
  sam_live_link_join_async (laptop->link, sam_live_room_get_code (room), NULL, laptop_joined_cb, laptop);
  wait_until (laptop_done, laptop, "the room to take the code");
  g_assert_no_error (laptop->error);

  team = g_list_model_get_item (laptop->teams, index);
  laptop->done = FALSE;
  sam_live_link_choose_team_async (laptop->link, sam_live_team_get_uuid (team), NULL, laptop_chosen_cb, laptop);
  wait_until (laptop_done, laptop, "the team's packet");
  g_assert_no_error (laptop->error);
  g_assert_nonnull (laptop->workshop);
}

static void
laptop_clear (Laptop *laptop)
{
  g_clear_object (&laptop->link);
  g_clear_object (&laptop->teams);
  laptop->workshop = NULL;
  g_clear_error (&laptop->error);
}

static gboolean
has_laptops (gpointer data)
{
  return g_list_model_get_n_items (sam_live_room_get_laptops (data)) > 0;
}

static gboolean
link_removed (gpointer data)
{
  return sam_live_link_get_state (data) == SAM_LIVE_STATE_REMOVED;
}

static gboolean
alert_open (gpointer data)
{
  return sam_compat_alert_find_open () != NULL;
}

static gboolean
label_says (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child)
          && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (label_says (child, text))
        return TRUE;
    }
  return FALSE;
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return GTK_LABEL (child);
      if ((found = find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

/* The label showing @piece never breaks a line inside it, not even when
 * the line is just wide enough for its part up to a hyphen (where a line
 * breaks by default before a letter). */
static void
assert_kept_together (GtkWidget  *root,
                      const char *piece)
{
  GtkLabel *label = find_label (root, piece);
  const char *text = gtk_label_get_text (label);
  int start = strstr (text, piece) - text;
  g_autoptr(PangoLayout) layout = pango_layout_copy (gtk_label_get_layout (label));

  for (const char *hyphen = strchr (piece, '-'); hyphen != NULL; hyphen = strchr (hyphen + 1, '-'))
    {
      PangoRectangle pos;
      int first, last;

      pango_layout_set_width (layout, -1);
      pango_layout_index_to_pos (layout, start + (hyphen - piece) + 1, &pos);
      pango_layout_set_width (layout, pos.x + 2 * PANGO_SCALE);
      pango_layout_index_to_line_x (layout, start, FALSE, &first, NULL);
      pango_layout_index_to_line_x (layout, start + strlen (piece) - 1, FALSE, &last, NULL);
      g_assert_cmpint (first, ==, last);
    }
}

static SamRoomPage *
room_page (SamWindow *window)
{
  return sam_workshop_view_get_room_page (SAM_WORKSHOP_VIEW (sam_window_get_workshop_view (window)));
}

static void
test_coach_panel (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  g_autoptr(SamStore) laptop_store = fresh_store ("laptop.db");
  SamWindow *window = sam_test_window_new (app);
  SamStore *store = sam_window_get_store (window);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Acme");
  g_autofree char *code = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(SamLiveTeam) team = NULL;
  SamPresenter *presenter;
  SamProjectorView *view;
  SamJoinCard *card;
  SamRoomPage *page;
  SamLiveRoom *room;
  Laptop laptop = { 0 };
  GtkWidget *alert;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  sam_window_open_workshop (window, workshop);
  sam_test_pump (200);
  page = room_page (window);
  g_assert_null (sam_room_page_get_room (page));

  /* Open the Room: the page shows the code, the fingerprint, the address
   * and the QR code with the join link. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-room", NULL));
  sam_test_pump (200);
  g_assert_cmpstr (sam_workshop_view_get_page (SAM_WORKSHOP_VIEW (sam_window_get_workshop_view (window))), ==, "room");
  room = sam_room_page_get_room (page);
  g_assert_nonnull (room);
  g_assert_true (sam_live_room_is_open (room));
  code = sam_live_format_code (sam_live_room_get_code (room));
  fingerprint = sam_live_short_fingerprint (sam_live_room_get_fingerprint (room));
  uri = sam_live_room_dup_join_uri (room, sam_room_page_get_address (page));
  g_assert_cmpint (strlen (code), ==, SAM_LIVE_CODE_LENGTH + 1);
  g_assert_cmpstr (sam_room_page_get_code_text (page), ==, code);
  g_assert_true (label_says (GTK_WIDGET (page), code));
  g_assert_true (label_says (GTK_WIDGET (page), fingerprint));
  g_assert_true (label_says (GTK_WIDGET (page), sam_room_page_get_address (page)));
  g_assert_true (label_says (GTK_WIDGET (page), "Nog geen laptop"));
  g_assert_cmpstr (sam_qr_code_get_text (sam_room_page_get_qr_code (page)), ==, uri);
  check_qr_drawn (sam_room_page_get_qr_code (page), uri);
  sam_test_screenshot (GTK_WIDGET (window), "live-room-console.png");

  /* A laptop joins as the second team: its row says so. */
  laptop_join (&laptop, laptop_store, room, 1);
  wait_until (has_laptops, room, "the laptop in the coach's list");
  team = g_list_model_get_item (laptop.teams, 1);
  sam_test_pump (200);
  g_assert_true (label_says (GTK_WIDGET (sam_room_page_get_laptops_view (page)), sam_live_team_get_name (team)));
  g_assert_true (label_says (GTK_WIDGET (sam_room_page_get_laptops_view (page)), "Verbonden"));
  sam_test_screenshot (GTK_WIDGET (window), "live-room-console-laptop.png");

  /* The projector's join screen shows the room; switched off, the step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  sam_test_pump (300);
  presenter = sam_window_get_presenter (window);
  gtk_window_set_default_size (GTK_WINDOW (sam_presenter_get_window (presenter)), 1024, 768);
  view = sam_projector_window_get_view (sam_presenter_get_window (presenter));
  card = sam_projector_view_get_join_card (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.projector-join", NULL));
  sam_test_pump (300);
  g_assert_true (sam_projector_view_get_join (view));
  g_assert_cmpstr (sam_join_card_get_code (card), ==, code);
  g_assert_true (label_says (GTK_WIDGET (card), fingerprint));
  assert_kept_together (GTK_WIDGET (card), fingerprint);
  g_assert_cmpstr (sam_qr_code_get_text (sam_join_card_get_qr_code (card)), ==, uri);
  sam_test_pump (600);   /* past the stack's crossfade */
  sam_test_screenshot (GTK_WIDGET (sam_presenter_get_window (presenter)), "live-room-projector.png");
  check_qr_drawn (sam_join_card_get_qr_code (card), uri);
  /* From the back of a room: modules of 6 px and more at 1024 × 768. */
  g_assert_cmpint (sam_qr_code_get_module_size (sam_join_card_get_qr_code (card)), >=, 6);
  /* Letters after the hyphens: there a line may break by default. */
  sam_join_card_set_room (card, code, uri, "ABCD-EFAB-CDEF");
  assert_kept_together (GTK_WIDGET (card), "ABCD-EFAB-CDEF");
  sam_join_card_set_room (card, code, uri, fingerprint);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.projector-join", NULL));
  sam_test_pump (200);
  g_assert_false (sam_projector_view_get_join (view));

  /* Remove the laptop: asked first, then it is out of the room. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "room.remove-laptop", "u", 0));
  wait_until (alert_open, NULL, "the question before removing");
  alert = sam_compat_alert_find_open ();
  g_assert_nonnull (strstr (sam_compat_alert_get_heading (alert), sam_live_team_get_name (team)));
  g_assert_true (sam_compat_alert_respond (alert, "remove"));
  wait_until (link_removed, laptop.link, "the laptop to be removed");

  /* Close the Room: the projector forgets the code. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-room", NULL));
  sam_test_pump (200);
  g_assert_false (sam_live_room_is_open (room));
  g_assert_cmpstr (sam_join_card_get_code (card), ==, "");
  g_assert_true (label_says (GTK_WIDGET (page), "Zaal openen"));

  laptop_clear (&laptop);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-presenting", NULL);
  sam_test_destroy_window (window);
}

/* The laptop's side: "Join a Room…" */

typedef struct
{
  SamJoinDialog *dialog;
  const char    *page;
} PageWait;

static gboolean
on_page (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (sam_join_dialog_get_page (wait->dialog), wait->page) == 0;
}

static void
wait_for_page (SamJoinDialog *dialog,
               const char    *page)
{
  PageWait wait = { dialog, page };

  wait_until (on_page, &wait, page);
}

static gboolean
team_window_up (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (data);

  return SAM_IS_TEAM_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
team_window_connected (gpointer data)
{
  SamTeamWindow *window = data;

  return sam_team_window_get_link (window) != NULL
         && sam_live_link_get_state (sam_team_window_get_link (window)) == SAM_LIVE_STATE_CONNECTED;
}

typedef struct
{
  SamStore    *store;
  SamWorkshop *workshop;
  const char  *text;
} CardWait;

static gboolean
coach_has_card (gpointer data)
{
  CardWait *wait = data;
  GListModel *steps = sam_store_get_steps (wait->store, wait->workshop);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);
      GListModel *cards = sam_store_get_cards (wait->store, step);

      for (guint j = 0; j < g_list_model_get_n_items (cards); j++)
        {
          g_autoptr(SamCard) card = g_list_model_get_item (cards, j);

          if (g_strcmp0 (sam_card_get_text (card), wait->text) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  SamTeamWindow *window;
  const char    *uuid;
} StepWait;

static gboolean
team_window_on_step (gpointer data)
{
  StepWait *wait = data;
  SamStep *step = sam_team_window_get_step (wait->window);

  return step != NULL && g_strcmp0 (sam_step_get_uuid (step), wait->uuid) == 0;
}

/* A card the team writes on its laptop, on the changes step. */
static void
write_card (SamTeamWindow *window,
            SamStore      *store,
            const char    *text)
{
  GListModel *steps = sam_store_get_steps (store, sam_team_window_get_workshop (window));
  SamCardInit init = { "change", sam_team_get_id (sam_team_window_get_team (window)), 0, 0,
                       NULL, text, NULL, 0, 0 };
  g_autoptr(SamCard) card = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; card == NULL && i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      if (g_str_equal (sam_step_get_kind (step), "changes"))
        card = sam_store_add_card (store, step, &init, &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (card);
}

static void
test_join_dialog (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  g_autoptr(SamStore) coach = fresh_store ("coach.db");
  g_autoptr(SamLiveRoom) room = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *wrong = NULL;
  g_autoptr(SamLiveTeam) team = NULL;
  SamWorkshop *workshop = sam_sample_workshop_new (coach, "Acme");
  SamWindow *window = sam_test_window_new (app);
  SamTeamWindow *team_window;
  SamJoinDialog *dialog;
  GtkEditable *entry;
  CardWait card_wait;
  StepWait step_wait;

  room = sam_live_room_new (coach, workshop);
  g_assert_true (sam_live_room_open (room, 0, &error));
  g_assert_no_error (error);
  address = g_strdup_printf ("127.0.0.1:%u", sam_live_room_get_port (room));
  fingerprint = sam_live_short_fingerprint (sam_live_room_get_fingerprint (room));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.join-room", NULL));
  sam_test_pump (200);
  dialog = sam_join_dialog_find_open ();
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 620);
  g_assert_cmpstr (sam_join_dialog_get_page (dialog), ==, "find");
  sam_test_screenshot (GTK_WIDGET (dialog), "live-join-find.png");

  /* Typed wrongly: said in words, nothing else happens. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "join.connect", "s", "bij de koffie");
  g_assert_cmpstr (sam_join_dialog_get_page (dialog), ==, "find");
  g_assert_nonnull (sam_join_dialog_get_error (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "join.connect", "s", "127.0.0.1");
  g_assert_nonnull (strstr (sam_join_dialog_get_error (dialog), "poort"));

  /* A typed address: the coach's fingerprint to compare, then the code. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "join.connect", "s", address);
  wait_for_page (dialog, "check");
  g_assert_cmpstr (sam_join_dialog_get_fingerprint_text (dialog), ==, fingerprint);
  sam_test_screenshot (GTK_WIDGET (dialog), "live-join-check.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "join.confirm", NULL);
  wait_for_page (dialog, "code");

  /* The code entry is forgiving and says at once what is wrong. */
  entry = sam_join_dialog_get_code_entry (dialog);
  gtk_editable_set_text (entry, "k7q");
  g_assert_true (label_says (GTK_WIDGET (dialog), "3 van 8 tekens"));
  gtk_editable_set_text (entry, "k7q!");
  g_assert_true (label_says (GTK_WIDGET (dialog), "Alleen letters en cijfers"));
  wrong = g_strdup (g_str_equal (sam_live_room_get_code (room), "AAAA2222") ? "BBBB 3333" : "aaaa 2222");
  gtk_editable_set_text (entry, wrong);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "join.code", "s", wrong);
  wait_for_page (dialog, "code");
  for (guint i = 0; i < 500 && sam_join_dialog_get_error (dialog) == NULL; i++)
    sam_test_pump (20);
  g_assert_nonnull (strstr (sam_join_dialog_get_error (dialog), "niet de zaalcode"));
  sam_test_screenshot (GTK_WIDGET (dialog), "live-join-code-wrong.png");

  /* The right code, typed in lower case with a space and a dash. */
  typed = g_ascii_strdown (sam_live_room_get_code (room), -1);
  typed = g_strdup_printf ("%.4s -%s", (char *) g_steal_pointer (&typed), sam_live_room_get_code (room) + 4);
  gtk_editable_set_text (entry, typed);
  sam_test_screenshot (GTK_WIDGET (dialog), "live-join-code.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "join.code", "s", typed);
  wait_for_page (dialog, "teams");
  g_assert_cmpuint (g_list_model_get_n_items (sam_join_dialog_get_teams (dialog)), ==,
                    g_list_model_get_n_items (sam_store_get_teams (coach, workshop)));
  sam_test_screenshot (GTK_WIDGET (dialog), "live-join-teams.png");

  /* The team: its window opens in team mode, connected. */
  team = g_list_model_get_item (sam_join_dialog_get_teams (dialog), 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "join.team", "s", sam_live_team_get_uuid (team));
  wait_until (team_window_up, app, "the team's window");
  team_window = SAM_TEAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (team_window), 1024, 768);
  g_assert_null (sam_join_dialog_find_open ());
  g_assert_cmpstr (sam_team_get_uuid (sam_team_window_get_team (team_window)), ==, sam_live_team_get_uuid (team));
  wait_until (team_window_connected, team_window, "the team's window to connect");
  g_assert_cmpstr (sam_team_window_get_live_text (team_window), ==, "Verbonden met de zaal van de coach");
  sam_test_screenshot (GTK_WIDGET (team_window), "live-team-window.png");

  /* A card written on the laptop reaches the coach. */
  write_card (team_window, sam_application_get_store (app), "Klanten wachten te lang op antwoord");
  card_wait = (CardWait) { coach, workshop, "Klanten wachten te lang op antwoord" };
  wait_until (coach_has_card, &card_wait, "the laptop's card at the coach");
  g_assert_cmpstr (sam_team_window_get_live_text (team_window), ==, "Verbonden met de zaal van de coach");

  /* The coach moves the room on: the laptop follows ("caught-up"). */
  {
    g_autoptr(SamStep) next = g_list_model_get_item (sam_store_get_steps (coach, workshop), 3);

    sam_store_set_step_state (coach, next, SAM_STEP_CURRENT, &error);
    g_assert_no_error (error);
    sam_live_room_push_now (room);
    step_wait = (StepWait) { team_window, sam_step_get_uuid (next) };
    wait_until (team_window_on_step, &step_wait, "the laptop to follow the coach's step");
  }

  /* The coach removes the laptop: the bottom line says so. */
  {
    g_autoptr(SamLiveLaptop) laptop = g_list_model_get_item (sam_live_room_get_laptops (room), 0);

    sam_live_room_remove_laptop (room, laptop);
  }
  wait_until (link_removed, sam_team_window_get_link (team_window), "the laptop to be removed");
  sam_test_pump (100);
  g_assert_cmpstr (sam_team_window_get_live_text (team_window), ==,
                   "De coach heeft deze laptop uit de zaal gehaald");

  sam_live_room_close (room);
  gtk_window_destroy (GTK_WINDOW (team_window));
  sam_test_pump (100);
}

static gboolean
no_laptops (gpointer data)
{
  return g_list_model_get_n_items (sam_live_room_get_laptops (data)) == 0;
}

static gboolean
link_offline (gpointer data)
{
  return sam_live_link_get_state (data) == SAM_LIVE_STATE_OFFLINE;
}

static gboolean
coach_window_up (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (data);

  return SAM_IS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* Leaving team mode on a joined laptop (the team window's leave action)
 * tells the coach: the laptop leaves the room's list (its token is
 * revoked) and the laptop forgets its link, so a restart does not come
 * back to the room. */
static void
test_leave (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  g_autoptr(SamStore) coach = fresh_store ("coach-leave.db");
  g_autoptr(SamLiveRoom) room = NULL;
  g_autoptr(SamLiveLink) resumed = NULL;
  g_autoptr(GError) error = NULL;
  SamWorkshop *workshop = sam_sample_workshop_new (coach, "Acme");
  SamStore *store = sam_application_get_store (app);
  SamTeamWindow *team_window;
  Laptop laptop = { 0 };
  guint16 port;

  room = sam_live_room_new (coach, workshop);
  g_assert_true (sam_live_room_open (room, 0, &error));
  g_assert_no_error (error);
  laptop_join (&laptop, store, room, 1);
  team_window = sam_team_mode_start_live (app, laptop.workshop, NULL, laptop.link);
  gtk_window_set_default_size (GTK_WINDOW (team_window), 1024, 768);
  wait_until (team_window_connected, team_window, "the team's window to connect");
  g_assert_cmpuint (g_list_model_get_n_items (sam_live_room_get_laptops (room)), ==, 1);

  /* The longest state, offline, on its own line under the saved one. */
  port = sam_live_room_get_port (room);
  sam_live_room_close (room);
  wait_until (link_offline, sam_team_window_get_link (team_window), "the laptop to be offline");
  sam_test_pump (100);
  sam_test_screenshot (GTK_WIDGET (team_window), "live-team-window-offline.png");
  g_assert_true (sam_live_room_open (room, port, &error));
  g_assert_no_error (error);
  wait_until (team_window_connected, team_window, "the team's window to connect again");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (team_window), "team.leave-with-pin", "s", ""));
  wait_until (coach_window_up, app, "the coach's window after leaving");
  wait_until (no_laptops, room, "the coach to take the laptop off its list");
  g_assert_null (sam_store_find_team_mode (store));
  resumed = sam_live_link_resume (store, laptop.workshop);
  g_assert_null (resumed);

  laptop_clear (&laptop);
  sam_live_room_close (room);
  sam_test_pump (100);
}

/* The coach's side of a laptop's deletion: the card leaves the coach's
 * lists, a toast says which team deleted it, and Undo brings it back. */

static gboolean
coach_lacks_card (gpointer data)
{
  return !coach_has_card (data);
}

static void
trash_laptop_card (SamStore    *store,
                   SamWorkshop *workshop,
                   const char  *text)
{
  GListModel *steps = sam_store_get_steps (store, workshop);
  gboolean done = FALSE;

  for (guint i = 0; !done && i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);
      GListModel *cards = sam_store_get_cards (store, step);

      for (guint j = 0; !done && j < g_list_model_get_n_items (cards); j++)
        {
          g_autoptr(SamCard) card = g_list_model_get_item (cards, j);
          g_autoptr(GError) error = NULL;

          if (g_strcmp0 (sam_card_get_text (card), text) != 0)
            continue;
          g_assert_true (sam_store_trash_card (store, card, NULL, &error));
          g_assert_no_error (error);
          done = TRUE;
        }
    }
  g_assert_true (done);
}

static void
test_laptop_deletes (void)
{
  g_autoptr(SamApplication) app = sam_test_application_new ();
  g_autoptr(SamStore) laptop_store = fresh_store ("laptop-deletes.db");
  SamWindow *window = sam_test_window_new (app);
  SamStore *store = sam_window_get_store (window);
  SamWorkshop *workshop = sam_sample_workshop_new (store, "Acme");
  g_autoptr(SamLiveTeam) team = NULL;
  GListModel *teams;
  GListModel *steps;
  SamCardInit init = { "change" };
  SamCard *card = NULL;   /* the store's */
  g_autoptr(GError) error = NULL;
  Laptop laptop = { 0 };
  CardWait wait = { store, workshop, "Verhuizing klant: drie keer dezelfde vraag" };
  SamLiveRoom *room;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  sam_window_open_workshop (window, workshop);
  sam_test_pump (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-room", NULL));
  sam_test_pump (200);
  room = sam_room_page_get_room (room_page (window));
  laptop_join (&laptop, laptop_store, room, 1);

  /* The team writes a card on its laptop; it reaches the coach. */
  team = g_list_model_get_item (laptop.teams, 1);
  teams = sam_store_get_teams (laptop_store, laptop.workshop);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SamTeam) candidate = g_list_model_get_item (teams, i);

      if (g_str_equal (sam_team_get_uuid (candidate), sam_live_team_get_uuid (team)))
        init.team_id = sam_team_get_id (candidate);
    }
  g_assert_cmpint (init.team_id, !=, 0);
  init.text = wait.text;
  steps = sam_store_get_steps (laptop_store, laptop.workshop);
  for (guint i = 0; card == NULL && i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SamStep) step = g_list_model_get_item (steps, i);

      if (g_str_equal (sam_step_get_kind (step), "changes"))
        card = sam_store_add_card (laptop_store, step, &init, &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (card);
  wait_until (coach_has_card, &wait, "the laptop's card at the coach's");

  /* Deleted on the laptop: gone from the coach's lists, with a toast. */
  trash_laptop_card (laptop_store, laptop.workshop, wait.text);
  wait_until (coach_lacks_card, &wait, "the laptop's deletion at the coach's");
  sam_test_pump (400);
  sam_test_screenshot (GTK_WIDGET (window), "live-room-laptop-deleted.png");

  /* The coach's Undo brings it back, here and then on the laptop. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  sam_test_pump (100);
  g_assert_true (coach_has_card (&wait));
  {
    CardWait on_laptop = { laptop_store, laptop.workshop, wait.text };

    wait_until (coach_has_card, &on_laptop, "the card back on the laptop");
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-room", NULL);
  sam_test_pump (100);
  laptop_clear (&laptop);
  sam_test_destroy_window (window);
}

static void
skip_dutch (void)
{
  g_test_skip ("No Dutch locale here (localedef failed): the live room's panels are checked in Dutch");
}

int
main (int   argc,
      char *argv[])
{
  gboolean dutch;

  sam_test_isolate ();
  sam_i18n_init ();
  /* The panels' labels are checked in Dutch: where LANGUAGE alone is
   * ignored (newer C libraries in C.UTF-8), a Dutch locale is made. */
  dutch = sam_test_speak_dutch ();
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sam/ui/live/qr-code", test_qr_code);
  if (dutch)
    {
      g_test_add_func ("/sam/ui/live/coach-panel", test_coach_panel);
      g_test_add_func ("/sam/ui/live/join-dialog", test_join_dialog);
      g_test_add_func ("/sam/ui/live/leave", test_leave);
      g_test_add_func ("/sam/ui/live/laptop-deletes", test_laptop_deletes);
    }
  else
    g_test_add_func ("/sam/ui/live/dutch-unavailable", skip_dutch);

  return g_test_run ();
}
