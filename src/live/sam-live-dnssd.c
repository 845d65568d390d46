/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DNS-SD for the live room through Avahi's D-Bus API, with GDBus only: the
 * coach's open room is published as a _samenspel._tcp service (an entry
 * group), and a laptop browses for such services and resolves each into an
 * address and port.  Without Avahi on the bus nothing is published or found
 * ("available" is FALSE, said once in the log); the typed address and the QR
 * code still work. */

#include "config.h"

#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include "sam-live-dnssd.h"

#define AVAHI_NAME              "org.freedesktop.Avahi"
#define AVAHI_SERVER            "org.freedesktop.Avahi.Server"
#define AVAHI_ENTRY_GROUP       "org.freedesktop.Avahi.EntryGroup"
#define AVAHI_SERVICE_BROWSER   "org.freedesktop.Avahi.ServiceBrowser"
#define AVAHI_IF_UNSPEC         -1
#define AVAHI_PROTO_UNSPEC      -1
#define AVAHI_PROTO_INET        0
#define AVAHI_GROUP_COLLISION   3
#define AVAHI_GROUP_FAILURE     4
#define CALL_TIMEOUT_MS         10000

/* SamLiveFoundRoom: one room found on the network. */

struct _SamLiveFoundRoom
{
  GObject parent_instance;

  char   *name;
  char   *host;
  char   *host_name;
  char   *fingerprint;
  guint   version;
  guint16 port;
};

G_DEFINE_FINAL_TYPE (SamLiveFoundRoom, sam_live_found_room, G_TYPE_OBJECT)

enum {
  ROOM_PROP_0,
  ROOM_PROP_NAME,
  ROOM_PROP_HOST,
  ROOM_PROP_PORT,
  ROOM_PROP_FINGERPRINT,
  ROOM_N_PROPS
};

static GParamSpec *room_properties[ROOM_N_PROPS];

static void
sam_live_found_room_finalize (GObject *object)
{
  SamLiveFoundRoom *self = SAM_LIVE_FOUND_ROOM (object);

  g_free (self->name);
  g_free (self->host);
  g_free (self->host_name);
  g_free (self->fingerprint);

  G_OBJECT_CLASS (sam_live_found_room_parent_class)->finalize (object);
}

static void
sam_live_found_room_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SamLiveFoundRoom *self = SAM_LIVE_FOUND_ROOM (object);

  switch (prop_id)
    {
    case ROOM_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ROOM_PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case ROOM_PROP_PORT:
      g_value_set_uint (value, self->port);
      break;
    case ROOM_PROP_FINGERPRINT:
      g_value_set_string (value, self->fingerprint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_live_found_room_class_init (SamLiveFoundRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_live_found_room_finalize;
  object_class->get_property = sam_live_found_room_get_property;

  room_properties[ROOM_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  room_properties[ROOM_PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  room_properties[ROOM_PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL, 0, G_MAXUINT16, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  room_properties[ROOM_PROP_FINGERPRINT] =
    g_param_spec_string ("fingerprint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROOM_N_PROPS, room_properties);
}

static void
sam_live_found_room_init (SamLiveFoundRoom *self)
{
}

/**
 * sam_live_found_room_get_name:
 *
 * The room's service name: the workshop's name, as the coach's Samenspel
 * published it (Avahi may have added " #2" after a clash).
 */
const char *
sam_live_found_room_get_name (SamLiveFoundRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_FOUND_ROOM (self), NULL);
  return self->name;
}

/**
 * sam_live_found_room_get_host:
 *
 * The address to connect to (an IPv4 address as text).
 */
const char *
sam_live_found_room_get_host (SamLiveFoundRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_FOUND_ROOM (self), NULL);
  return self->host;
}

/**
 * sam_live_found_room_get_host_name:
 *
 * The coach's machine as mDNS names it ("coach-laptop.local").
 */
const char *
sam_live_found_room_get_host_name (SamLiveFoundRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_FOUND_ROOM (self), NULL);
  return self->host_name;
}

guint16
sam_live_found_room_get_port (SamLiveFoundRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_FOUND_ROOM (self), 0);
  return self->port;
}

/**
 * sam_live_found_room_get_fingerprint:
 *
 * The short fingerprint the room announced in its TXT record
 * ("4F2A-91C0-77DE"), or %NULL.  Only a hint for the list: anyone on the
 * network can announce anything, so the laptop still checks the one the
 * coach's certificate really has.
 */
const char *
sam_live_found_room_get_fingerprint (SamLiveFoundRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_FOUND_ROOM (self), NULL);
  return self->fingerprint;
}

/**
 * sam_live_found_room_get_version:
 *
 * The protocol version the room announced ("v=" in its TXT record), 0 when
 * it announced none.
 */
guint
sam_live_found_room_get_version (SamLiveFoundRoom *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_FOUND_ROOM (self), 0);
  return self->version;
}

/* SamLiveDnssd */

struct _SamLiveDnssd
{
  GObject parent_instance;

  GDBusConnection *bus;
  GCancellable    *cancellable;
  guint            watch_id;
  gboolean         available;
  gboolean         said_absent;

  /* Publishing: what the coach wants, and Avahi's entry group for it. */
  gboolean         want_publish;
  char            *want_name;
  char            *want_fingerprint;
  guint16          want_port;
  char            *group_path;
  gboolean         group_pending;
  guint            group_signal;
  char            *published_name;

  /* Browsing: the browser, every sighting (interface, protocol, name) of a
   * room, how many sightings each name has, and the rooms resolved. */
  gboolean         want_browse;
  char            *browser_path;
  gboolean         browser_pending;
  guint            browser_signal;
  GHashTable      *sightings;
  GHashTable      *name_counts;
  GHashTable      *resolving;
  GListStore      *rooms;
};

G_DEFINE_FINAL_TYPE (SamLiveDnssd, sam_live_dnssd, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_publishing (SamLiveDnssd *self);
static void start_browsing   (SamLiveDnssd *self);

static void
set_available (SamLiveDnssd *self,
               gboolean      available)
{
  if (!available && !self->said_absent)
    {
      self->said_absent = TRUE;
      g_message ("Avahi is not on the bus: the live room is neither announced "
                 "nor found on the network; a typed address and the QR code still work");
    }
  if (self->available == available)
    return;
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
call_avahi (SamLiveDnssd        *self,
            const char          *path,
            const char          *interface,
            const char          *method,
            GVariant            *parameters,
            const GVariantType  *reply_type,
            GAsyncReadyCallback  callback)
{
  g_dbus_connection_call (self->bus, AVAHI_NAME, path, interface, method,
                          parameters, reply_type, G_DBUS_CALL_FLAGS_NONE,
                          CALL_TIMEOUT_MS, self->cancellable, callback,
                          callback ? g_object_ref (self) : NULL);
}

/* A failed call: the log says what, in words for whoever reads it. */
static void
note_failure (const char *what,
              GError     *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Avahi: %s failed: %s", what, error->message);
}

/* Finishes a call that makes an Avahi object (an entry group, a service
 * browser) and puts the object's path in @path.  The request is no longer
 * pending, unless it was cancelled: then the #SamLiveDnssd is being
 * disposed and nothing may start again. */
static gboolean
finish_object_new (GObject       *source,
                   GAsyncResult  *result,
                   const char    *method,
                   gboolean      *pending,
                   char         **path)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      note_failure (method, error);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        *pending = FALSE;
      return FALSE;
    }
  *pending = FALSE;
  g_variant_get (reply, "(o)", path);
  return TRUE;
}

/* Publishing */

static GVariant *
make_txt (SamLiveDnssd *self)
{
  GVariantBuilder txt;
  g_autofree char *version = g_strdup_printf ("v=%d", SAM_LIVE_DNSSD_PROTOCOL_VERSION);

  g_variant_builder_init (&txt, G_VARIANT_TYPE ("aay"));
  g_variant_builder_add_value (&txt,
    g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, version, strlen (version), 1));
  if (self->want_fingerprint != NULL)
    {
      g_autofree char *fp = g_strconcat ("fp=", self->want_fingerprint, NULL);
      g_variant_builder_add_value (&txt,
        g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, fp, strlen (fp), 1));
    }
  return g_variant_builder_end (&txt);
}

static void
add_service (SamLiveDnssd *self)
{
  GVariant *params;

  params = g_variant_new ("(iiussssq@aay)", AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC, 0u,
                          self->published_name, SAM_LIVE_DNSSD_TYPE, "", "",
                          self->want_port, make_txt (self));
  call_avahi (self, self->group_path, AVAHI_ENTRY_GROUP, "AddService", params, NULL, NULL);
  call_avahi (self, self->group_path, AVAHI_ENTRY_GROUP, "Commit", NULL, NULL, NULL);
}

static void
alternative_name_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SamLiveDnssd) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      note_failure ("GetAlternativeServiceName", error);
      return;
    }
  if (self->group_path == NULL)
    return;
  g_clear_pointer (&self->published_name, g_free);
  g_variant_get (reply, "(s)", &self->published_name);
  call_avahi (self, self->group_path, AVAHI_ENTRY_GROUP, "Reset", NULL, NULL, NULL);
  add_service (self);
}

/* Another service on the network has the workshop's name: Avahi proposes
 * the next free one ("Acme #2"), as its own tools do. */
static void
group_state_changed (GDBusConnection *bus,
                     const char      *sender,
                     const char      *path,
                     const char      *interface,
                     const char      *signal,
                     GVariant        *parameters,
                     gpointer         user_data)
{
  SamLiveDnssd *self = user_data;
  gint32 state;
  const char *message;

  if (g_strcmp0 (path, self->group_path) != 0
      || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(is)")))
    return;
  g_variant_get (parameters, "(i&s)", &state, &message);
  if (state == AVAHI_GROUP_COLLISION)
    call_avahi (self, "/", AVAHI_SERVER, "GetAlternativeServiceName",
                g_variant_new ("(s)", self->published_name), G_VARIANT_TYPE ("(s)"),
                alternative_name_cb);
  else if (state == AVAHI_GROUP_FAILURE)
    g_debug ("Avahi: publishing the room failed: %s", message);
}

static void
drop_group (SamLiveDnssd *self)
{
  if (self->group_signal != 0)
    g_dbus_connection_signal_unsubscribe (self->bus, self->group_signal);
  self->group_signal = 0;
  g_clear_pointer (&self->group_path, g_free);
  g_clear_pointer (&self->published_name, g_free);
}

static void
free_group (SamLiveDnssd *self)
{
  if (self->group_path != NULL && self->available)
    call_avahi (self, self->group_path, AVAHI_ENTRY_GROUP, "Free", NULL, NULL, NULL);
  drop_group (self);
}

static void
entry_group_new_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SamLiveDnssd) self = user_data;

  if (!finish_object_new (source, result, "EntryGroupNew",
                          &self->group_pending, &self->group_path))
    return;
  if (!self->want_publish)
    {
      /* Closed while Avahi was making the group. */
      free_group (self);
      return;
    }
  self->group_signal =
    g_dbus_connection_signal_subscribe (self->bus, NULL, AVAHI_ENTRY_GROUP, "StateChanged",
                                        self->group_path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        group_state_changed, self, NULL);
  self->published_name = g_strdup (self->want_name);
  add_service (self);
}

static void
start_publishing (SamLiveDnssd *self)
{
  if (!self->available || !self->want_publish)
    return;
  if (self->group_path != NULL)
    {
      /* Published already: the same group takes the new record. */
      g_free (self->published_name);
      self->published_name = g_strdup (self->want_name);
      call_avahi (self, self->group_path, AVAHI_ENTRY_GROUP, "Reset", NULL, NULL, NULL);
      add_service (self);
      return;
    }
  if (self->group_pending)
    return;
  self->group_pending = TRUE;
  call_avahi (self, "/", AVAHI_SERVER, "EntryGroupNew", NULL, G_VARIANT_TYPE ("(o)"),
              entry_group_new_cb);
}

/**
 * sam_live_dnssd_publish:
 * @name: the service's name: the workshop's name
 * @port: where the room listens
 * @short_fingerprint: (nullable): the certificate's short fingerprint
 *
 * Announces the open room on the local network (again, with new details,
 * when called twice).  Avahi may rename it after a clash with another
 * service of the same name (sam_live_dnssd_get_published_name()).
 */
void
sam_live_dnssd_publish (SamLiveDnssd *self,
                        const char   *name,
                        guint16       port,
                        const char   *short_fingerprint)
{
  g_return_if_fail (SAM_IS_LIVE_DNSSD (self));
  g_return_if_fail (name != NULL);

  self->want_publish = TRUE;
  g_free (self->want_name);
  /* A DNS label holds at most 63 bytes: cut at a character. */
  self->want_name = g_utf8_make_valid (name, -1);
  if (strlen (self->want_name) > 63)
    *g_utf8_find_prev_char (self->want_name, self->want_name + 64) = '\0';
  g_free (self->want_fingerprint);
  self->want_fingerprint = g_strdup (short_fingerprint);
  self->want_port = port;
  start_publishing (self);
}

/**
 * sam_live_dnssd_unpublish:
 *
 * Takes the room's announcement off the network (the room closed).
 */
void
sam_live_dnssd_unpublish (SamLiveDnssd *self)
{
  g_return_if_fail (SAM_IS_LIVE_DNSSD (self));

  self->want_publish = FALSE;
  free_group (self);
}

/**
 * sam_live_dnssd_get_published_name:
 *
 * Returns: (nullable): the name the room is announced under, %NULL when it
 * is not announced
 */
const char *
sam_live_dnssd_get_published_name (SamLiveDnssd *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_DNSSD (self), NULL);
  return self->published_name;
}

/* Browsing */

static gboolean
find_room (SamLiveDnssd *self,
           const char   *name,
           guint        *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rooms));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamLiveFoundRoom) room = g_list_model_get_item (G_LIST_MODEL (self->rooms), i);

      if (g_strcmp0 (room->name, name) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
read_txt (SamLiveFoundRoom *room,
          GVariant         *txt)
{
  GVariantIter iter;
  GVariant *entry;

  g_variant_iter_init (&iter, txt);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      gsize len;
      const char *bytes = g_variant_get_fixed_array (entry, &len, 1);
      g_autofree char *text = g_strndup (bytes, len);

      if (g_str_has_prefix (text, "v="))
        room->version = (guint) g_ascii_strtoull (text + 2, NULL, 10);
      else if (g_str_has_prefix (text, "fp=") && g_utf8_validate (text, -1, NULL))
        {
          g_free (room->fingerprint);
          room->fingerprint = g_strdup (text + 3);
        }
      g_variant_unref (entry);
    }
}

typedef struct
{
  SamLiveDnssd *self;
  char         *name;
} Resolving;

static void
resolve_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Resolving *resolving = user_data;
  g_autoptr(SamLiveDnssd) self = resolving->self;
  g_autofree char *asked = resolving->name;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) txt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamLiveFoundRoom) room = NULL;
  const char *host_name, *address;
  guint16 port;

  g_free (resolving);
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_hash_table_remove (self->resolving, asked);
  if (reply == NULL)
    {
      /* The next sighting of the name tries again. */
      note_failure ("ResolveService", error);
      return;
    }
  g_variant_get (reply, "(ii&s&s&s&si&sq@aayu)", NULL, NULL, NULL, NULL, NULL,
                 &host_name, NULL, &address, &port, &txt, NULL);
  /* Gone again while resolving. */
  if (!g_hash_table_contains (self->name_counts, asked) || find_room (self, asked, NULL))
    return;

  room = g_object_new (SAM_TYPE_LIVE_FOUND_ROOM, NULL);
  room->name = g_strdup (asked);
  room->host = g_strdup (address);
  room->host_name = g_strdup (host_name);
  room->port = port;
  read_txt (room, txt);
  g_list_store_append (self->rooms, room);
}

static void
item_new (SamLiveDnssd *self,
          gint32        interface,
          gint32        protocol,
          const char   *name,
          const char   *domain,
          char         *key)
{
  Resolving *resolving;
  guint count;

  if (!g_hash_table_add (self->sightings, key))
    return;
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->name_counts, name));
  g_hash_table_insert (self->name_counts, g_strdup (name), GUINT_TO_POINTER (count + 1));
  if (find_room (self, name, NULL) || g_hash_table_contains (self->resolving, name))
    return;
  resolving = g_new (Resolving, 1);
  resolving->self = g_object_ref (self);
  resolving->name = g_strdup (name);
  g_hash_table_add (self->resolving, g_strdup (name));
  /* An IPv4 address: an IPv6 link-local one needs its interface's scope,
   * which a typed address and the join URI cannot carry. */
  g_dbus_connection_call (self->bus, AVAHI_NAME, "/", AVAHI_SERVER, "ResolveService",
                          g_variant_new ("(iisssiu)", interface, protocol, name,
                                         SAM_LIVE_DNSSD_TYPE, domain, AVAHI_PROTO_INET, 0u),
                          G_VARIANT_TYPE ("(iissssisqaayu)"), G_DBUS_CALL_FLAGS_NONE,
                          CALL_TIMEOUT_MS, self->cancellable, resolve_cb, resolving);
}

static void
item_remove (SamLiveDnssd *self,
             const char   *name,
             const char   *key)
{
  guint count, position;

  if (!g_hash_table_remove (self->sightings, key))
    return;
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->name_counts, name));
  if (count > 1)
    {
      g_hash_table_insert (self->name_counts, g_strdup (name), GUINT_TO_POINTER (count - 1));
      return;
    }
  g_hash_table_remove (self->name_counts, name);
  if (find_room (self, name, &position))
    g_list_store_remove (self->rooms, position);
}

/* The browser's signals are subscribed to before it exists (Avahi may
 * send the first ones before ServiceBrowserNew returns), so they are told
 * apart by the service type they carry rather than by the browser's path. */
static void
browser_signal (GDBusConnection *bus,
                const char      *sender,
                const char      *path,
                const char      *interface,
                const char      *signal,
                GVariant        *parameters,
                gpointer         user_data)
{
  SamLiveDnssd *self = user_data;
  gint32 iface, protocol;
  const char *name, *type, *domain;
  char *key;

  if (!self->want_browse
      || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(iisssu)")))
    return;
  g_variant_get (parameters, "(ii&s&s&su)", &iface, &protocol, &name, &type, &domain, NULL);
  if (g_strcmp0 (type, SAM_LIVE_DNSSD_TYPE) != 0)
    return;

  key = g_strdup_printf ("%d/%d/%s/%s", iface, protocol, domain, name);
  if (g_str_equal (signal, "ItemNew"))
    item_new (self, iface, protocol, name, domain, key);
  else
    {
      item_remove (self, name, key);
      g_free (key);
    }
}

static void
browser_new_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SamLiveDnssd) self = user_data;

  finish_object_new (source, result, "ServiceBrowserNew",
                     &self->browser_pending, &self->browser_path);
}

static void
start_browsing (SamLiveDnssd *self)
{
  if (!self->available || !self->want_browse
      || self->browser_path != NULL || self->browser_pending)
    return;

  if (self->browser_signal == 0)
    self->browser_signal =
      g_dbus_connection_signal_subscribe (self->bus, NULL, AVAHI_SERVICE_BROWSER, NULL,
                                          NULL, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                          browser_signal, self, NULL);
  self->browser_pending = TRUE;
  call_avahi (self, "/", AVAHI_SERVER, "ServiceBrowserNew",
              g_variant_new ("(iissu)", AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC,
                             SAM_LIVE_DNSSD_TYPE, "", 0u),
              G_VARIANT_TYPE ("(o)"), browser_new_cb);
}

static void
forget_rooms (SamLiveDnssd *self)
{
  g_hash_table_remove_all (self->sightings);
  g_hash_table_remove_all (self->name_counts);
  g_hash_table_remove_all (self->resolving);
  g_list_store_remove_all (self->rooms);
}

/**
 * sam_live_dnssd_browse:
 *
 * Starts looking for open rooms on the local network; they come and go in
 * sam_live_dnssd_get_rooms() until @self is finalized.
 */
void
sam_live_dnssd_browse (SamLiveDnssd *self)
{
  g_return_if_fail (SAM_IS_LIVE_DNSSD (self));

  self->want_browse = TRUE;
  start_browsing (self);
}

/**
 * sam_live_dnssd_get_rooms:
 *
 * Returns: (transfer none): the rooms found, of #SamLiveFoundRoom, one per
 * name however many interfaces see it
 */
GListModel *
sam_live_dnssd_get_rooms (SamLiveDnssd *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_DNSSD (self), NULL);
  return G_LIST_MODEL (self->rooms);
}

/**
 * sam_live_dnssd_get_available:
 *
 * Returns: whether Avahi is on the bus (before the bus answered, %FALSE)
 */
gboolean
sam_live_dnssd_get_available (SamLiveDnssd *self)
{
  g_return_val_if_fail (SAM_IS_LIVE_DNSSD (self), FALSE);
  return self->available;
}

/* Avahi comes and goes (a restart of the daemon drops every group and
 * browser it had): start again whenever it appears. */
static void
avahi_appeared (GDBusConnection *bus,
                const char      *name,
                const char      *owner,
                gpointer         user_data)
{
  SamLiveDnssd *self = user_data;

  set_available (self, TRUE);
  start_publishing (self);
  start_browsing (self);
}

static void
avahi_vanished (GDBusConnection *bus,
                const char      *name,
                gpointer         user_data)
{
  SamLiveDnssd *self = user_data;

  drop_group (self);
  g_clear_pointer (&self->browser_path, g_free);
  self->group_pending = FALSE;
  self->browser_pending = FALSE;
  forget_rooms (self);
  set_available (self, FALSE);
}

static void
watch_avahi (SamLiveDnssd *self)
{
  self->watch_id =
    g_bus_watch_name_on_connection (self->bus, AVAHI_NAME,
                                    G_BUS_NAME_WATCHER_FLAGS_AUTO_START,
                                    avahi_appeared, avahi_vanished, self, NULL);
}

static void
bus_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SamLiveDnssd) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);

  if (bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("No system bus: %s", error->message);
          set_available (self, FALSE);
        }
      return;
    }
  self->bus = bus;
  watch_avahi (self);
}

static void
sam_live_dnssd_dispose (GObject *object)
{
  SamLiveDnssd *self = SAM_LIVE_DNSSD (object);

  g_cancellable_cancel (self->cancellable);
  if (self->bus != NULL)
    {
      free_group (self);
      if (self->browser_path != NULL && self->available)
        call_avahi (self, self->browser_path, AVAHI_SERVICE_BROWSER, "Free", NULL, NULL, NULL);
      if (self->browser_signal != 0)
        g_dbus_connection_signal_unsubscribe (self->bus, self->browser_signal);
      self->browser_signal = 0;
    }
  g_clear_handle_id (&self->watch_id, g_bus_unwatch_name);
  g_clear_pointer (&self->browser_path, g_free);
  g_clear_object (&self->bus);
  g_clear_object (&self->cancellable);
  if (self->rooms != NULL)
    forget_rooms (self);

  G_OBJECT_CLASS (sam_live_dnssd_parent_class)->dispose (object);
}

static void
sam_live_dnssd_finalize (GObject *object)
{
  SamLiveDnssd *self = SAM_LIVE_DNSSD (object);

  g_free (self->want_name);
  g_free (self->want_fingerprint);
  g_clear_pointer (&self->sightings, g_hash_table_unref);
  g_clear_pointer (&self->name_counts, g_hash_table_unref);
  g_clear_pointer (&self->resolving, g_hash_table_unref);
  g_clear_object (&self->rooms);

  G_OBJECT_CLASS (sam_live_dnssd_parent_class)->finalize (object);
}

static void
sam_live_dnssd_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SamLiveDnssd *self = SAM_LIVE_DNSSD (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_live_dnssd_class_init (SamLiveDnssdClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_live_dnssd_dispose;
  object_class->finalize = sam_live_dnssd_finalize;
  object_class->get_property = sam_live_dnssd_get_property;

  /**
   * SamLiveDnssd:available:
   *
   * Whether Avahi is on the bus, so rooms are announced and found.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_live_dnssd_init (SamLiveDnssd *self)
{
  self->cancellable = g_cancellable_new ();
  self->sightings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->name_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->resolving = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rooms = g_list_store_new (SAM_TYPE_LIVE_FOUND_ROOM);
}

/**
 * sam_live_dnssd_new:
 * @bus: (nullable): the bus Avahi is on; %NULL for the system bus (tests
 *   give a private one with a fake Avahi)
 *
 * Returns: (transfer full): a new #SamLiveDnssd
 */
SamLiveDnssd *
sam_live_dnssd_new (GDBusConnection *bus)
{
  SamLiveDnssd *self;

  g_return_val_if_fail (bus == NULL || G_IS_DBUS_CONNECTION (bus), NULL);

  self = g_object_new (SAM_TYPE_LIVE_DNSSD, NULL);
  if (bus != NULL)
    {
      self->bus = g_object_ref (bus);
      watch_avahi (self);
    }
  else
    g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, bus_ready_cb, g_object_ref (self));
  return self;
}

/**
 * sam_live_dup_local_address:
 *
 * The address a laptop in the room reaches this machine at: the first IPv4
 * address of an interface that is up and not the loopback (a private
 * address first, as a room's network has), else "127.0.0.1".  It goes
 * into the join URI and is shown under the room code for typing.
 *
 * Returns: (transfer full): an IPv4 address as text
 */
char *
sam_live_dup_local_address (void)
{
  struct ifaddrs *list, *entry;
  g_autofree char *any = NULL;
  char *found = NULL;

  if (getifaddrs (&list) != 0)
    return g_strdup ("127.0.0.1");

  for (entry = list; entry != NULL && found == NULL; entry = entry->ifa_next)
    {
      g_autoptr(GInetAddress) address = NULL;
      struct sockaddr_in *in;

      if (entry->ifa_addr == NULL || entry->ifa_addr->sa_family != AF_INET
          || !(entry->ifa_flags & IFF_UP) || (entry->ifa_flags & IFF_LOOPBACK))
        continue;
      in = (struct sockaddr_in *) entry->ifa_addr;
      address = g_inet_address_new_from_bytes ((const guint8 *) &in->sin_addr, G_SOCKET_FAMILY_IPV4);
      if (g_inet_address_get_is_site_local (address))
        found = g_inet_address_to_string (address);
      else if (any == NULL)
        any = g_inet_address_to_string (address);
    }
  freeifaddrs (list);

  if (found != NULL)
    return found;
  return any != NULL ? g_steal_pointer (&any) : g_strdup ("127.0.0.1");
}
