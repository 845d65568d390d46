/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DNS-SD of the live room against a fake Avahi: a small GDBus object on a
 * private bus (GTestDBus) that implements the calls SamLiveDnssd makes, so
 * the test runs without avahi-daemon.  A service committed to one of its
 * entry groups is announced to every browser, twice (IPv4 and IPv6, as a real
 * network does), and withdrawn when its group is reset or freed. */

#include "config.h"

#include "sam-live-dnssd.h"

static const char fake_xml[] =
  "<node>"
  " <interface name='org.freedesktop.Avahi.Server'>"
  "  <method name='EntryGroupNew'><arg type='o' direction='out'/></method>"
  "  <method name='ServiceBrowserNew'>"
  "   <arg type='i' direction='in'/><arg type='i' direction='in'/>"
  "   <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "   <arg type='u' direction='in'/><arg type='o' direction='out'/></method>"
  "  <method name='ResolveService'>"
  "   <arg type='i' direction='in'/><arg type='i' direction='in'/>"
  "   <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "   <arg type='s' direction='in'/><arg type='i' direction='in'/>"
  "   <arg type='u' direction='in'/>"
  "   <arg type='i' direction='out'/><arg type='i' direction='out'/>"
  "   <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "   <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "   <arg type='i' direction='out'/><arg type='s' direction='out'/>"
  "   <arg type='q' direction='out'/><arg type='aay' direction='out'/>"
  "   <arg type='u' direction='out'/></method>"
  "  <method name='GetAlternativeServiceName'>"
  "   <arg type='s' direction='in'/><arg type='s' direction='out'/></method>"
  " </interface>"
  " <interface name='org.freedesktop.Avahi.EntryGroup'>"
  "  <method name='AddService'>"
  "   <arg type='i' direction='in'/><arg type='i' direction='in'/>"
  "   <arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "   <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "   <arg type='s' direction='in'/><arg type='q' direction='in'/>"
  "   <arg type='aay' direction='in'/></method>"
  "  <method name='Commit'/>"
  "  <method name='Reset'/>"
  "  <method name='Free'/>"
  "  <signal name='StateChanged'><arg type='i'/><arg type='s'/></signal>"
  " </interface>"
  " <interface name='org.freedesktop.Avahi.ServiceBrowser'>"
  "  <method name='Free'/>"
  " </interface>"
  "</node>";

typedef struct
{
  char     *name;
  char     *type;
  guint16   port;
  GStrv     txt;
  gboolean  committed;
} FakeService;

typedef struct
{
  GDBusConnection *bus;
  GDBusNodeInfo   *info;
  guint            owner_id;
  GPtrArray       *registrations;
  GHashTable      *groups;    /* path -> FakeService (or NULL before AddService) */
  GPtrArray       *browsers;  /* paths */
  const char      *taken;     /* a name already on the network */
  guint            n_objects;
  guint            n_resolves;
  guint            n_idles;   /* announcements still to make */
} FakeAvahi;

static void
fake_service_free (gpointer data)
{
  FakeService *service = data;

  if (service == NULL)
    return;
  g_free (service->name);
  g_free (service->type);
  g_strfreev (service->txt);
  g_free (service);
}

static void
emit_item (FakeAvahi   *fake,
           const char  *browser,
           const char  *signal,
           FakeService *service)
{
  /* The same room seen over IPv4 and IPv6 on one interface. */
  for (gint32 protocol = 0; protocol <= 1; protocol++)
    g_dbus_connection_emit_signal (fake->bus, NULL, browser,
                                   "org.freedesktop.Avahi.ServiceBrowser", signal,
                                   g_variant_new ("(iisssu)", 2, protocol, service->name,
                                                  service->type, "local", 0u),
                                   NULL);
}

static void
announce (FakeAvahi   *fake,
          const char  *signal,
          FakeService *service)
{
  for (guint i = 0; i < fake->browsers->len; i++)
    emit_item (fake, g_ptr_array_index (fake->browsers, i), signal, service);
}

static void
withdraw (FakeAvahi  *fake,
          const char *group)
{
  FakeService *service = g_hash_table_lookup (fake->groups, group);

  if (service != NULL && service->committed)
    announce (fake, "ItemRemove", service);
  g_hash_table_replace (fake->groups, g_strdup (group), NULL);
}

static FakeService *
find_service (FakeAvahi  *fake,
              const char *name)
{
  GHashTableIter iter;
  FakeService *service;

  g_hash_table_iter_init (&iter, fake->groups);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &service))
    if (service != NULL && service->committed && g_str_equal (service->name, name))
      return service;
  return NULL;
}

static void register_object (FakeAvahi *fake, const char *path, const char *interface);

static void
group_call (FakeAvahi             *fake,
            const char            *path,
            const char            *method,
            GVariant              *parameters,
            GDBusMethodInvocation *invocation)
{
  FakeService *service = g_hash_table_lookup (fake->groups, path);

  if (g_str_equal (method, "AddService"))
    {
      g_autoptr(GVariant) txt = NULL;
      GVariantIter iter;
      GVariant *entry;
      GPtrArray *strings = g_ptr_array_new ();

      service = g_new0 (FakeService, 1);
      g_variant_get (parameters, "(iiussssq@aay)", NULL, NULL, NULL, &service->name,
                     &service->type, NULL, NULL, &service->port, &txt);
      g_variant_iter_init (&iter, txt);
      while ((entry = g_variant_iter_next_value (&iter)) != NULL)
        {
          gsize len;
          const char *bytes = g_variant_get_fixed_array (entry, &len, 1);

          g_ptr_array_add (strings, g_strndup (bytes, len));
          g_variant_unref (entry);
        }
      g_ptr_array_add (strings, NULL);
      service->txt = (GStrv) g_ptr_array_free (strings, FALSE);
      g_hash_table_replace (fake->groups, g_strdup (path), service);
    }
  else if (g_str_equal (method, "Commit") && service != NULL)
    {
      if (g_strcmp0 (service->name, fake->taken) == 0)
        g_dbus_connection_emit_signal (fake->bus, NULL, path, "org.freedesktop.Avahi.EntryGroup",
                                       "StateChanged", g_variant_new ("(is)", 3, "Local name collision"),
                                       NULL);
      else
        {
          service->committed = TRUE;
          announce (fake, "ItemNew", service);
        }
    }
  else if (g_str_equal (method, "Reset"))
    withdraw (fake, path);
  else if (g_str_equal (method, "Free"))
    {
      withdraw (fake, path);
      g_hash_table_remove (fake->groups, path);
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
announce_existing (gpointer data)
{
  gpointer *pair = data;
  FakeAvahi *fake = pair[0];
  g_autofree char *browser = pair[1];
  GHashTableIter iter;
  FakeService *service;

  g_hash_table_iter_init (&iter, fake->groups);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &service))
    if (service != NULL && service->committed)
      emit_item (fake, browser, "ItemNew", service);
  fake->n_idles--;
  g_free (pair);
  return G_SOURCE_REMOVE;
}

static void
server_call (FakeAvahi             *fake,
             const char            *method,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation)
{
  if (g_str_equal (method, "EntryGroupNew"))
    {
      g_autofree char *path = g_strdup_printf ("/Client1/EntryGroup%u", ++fake->n_objects);

      register_object (fake, path, "org.freedesktop.Avahi.EntryGroup");
      g_hash_table_insert (fake->groups, g_strdup (path), NULL);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));
    }
  else if (g_str_equal (method, "ServiceBrowserNew"))
    {
      char *path = g_strdup_printf ("/Client1/ServiceBrowser%u", ++fake->n_objects);
      gpointer *pair = g_new (gpointer, 2);

      register_object (fake, path, "org.freedesktop.Avahi.ServiceBrowser");
      g_ptr_array_add (fake->browsers, g_strdup (path));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));
      pair[0] = fake;
      pair[1] = path;
      fake->n_idles++;
      g_idle_add (announce_existing, pair);
    }
  else if (g_str_equal (method, "ResolveService"))
    {
      const char *name;
      FakeService *service;
      GVariantBuilder txt;

      g_variant_get (parameters, "(ii&s&s&siu)", NULL, NULL, &name, NULL, NULL, NULL, NULL);
      fake->n_resolves++;
      service = find_service (fake, name);
      if (service == NULL)
        {
          g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.Avahi.TimeoutError",
                                                      "Timeout reached");
          return;
        }
      g_variant_builder_init (&txt, G_VARIANT_TYPE ("aay"));
      for (guint i = 0; service->txt[i] != NULL; i++)
        g_variant_builder_add_value (&txt,
          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, service->txt[i],
                                     strlen (service->txt[i]), 1));
      g_dbus_method_invocation_return_value (invocation,
        g_variant_new ("(iissssisqaayu)", 2, 0, service->name, service->type, "local",
                       "coach.local", 0, "192.0.2.7", service->port, &txt, 0u));
    }
  else if (g_str_equal (method, "GetAlternativeServiceName"))
    {
      const char *name;
      g_autofree char *alternative = NULL;

      g_variant_get (parameters, "(&s)", &name);
      alternative = g_strconcat (name, " #2", NULL);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(s)", alternative));
    }
}

static void
fake_method_call (GDBusConnection       *bus,
                  const char            *sender,
                  const char            *path,
                  const char            *interface,
                  const char            *method,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  FakeAvahi *fake = user_data;

  if (g_str_equal (interface, "org.freedesktop.Avahi.Server"))
    server_call (fake, method, parameters, invocation);
  else if (g_str_equal (interface, "org.freedesktop.Avahi.EntryGroup"))
    group_call (fake, path, method, parameters, invocation);
  else
    {
      for (guint i = 0; i < fake->browsers->len; i++)
        if (g_str_equal (g_ptr_array_index (fake->browsers, i), path))
          g_ptr_array_remove_index (fake->browsers, i);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static const GDBusInterfaceVTable fake_vtable = { fake_method_call, NULL, NULL, { 0 } };

static void
register_object (FakeAvahi  *fake,
                 const char *path,
                 const char *interface)
{
  guint id;
  g_autoptr(GError) error = NULL;

  id = g_dbus_connection_register_object (fake->bus, path,
                                          g_dbus_node_info_lookup_interface (fake->info, interface),
                                          &fake_vtable, fake, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (fake->registrations, GUINT_TO_POINTER (id));
}

static FakeAvahi *
fake_avahi_new (const char *taken)
{
  FakeAvahi *fake = g_new0 (FakeAvahi, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  fake->bus = g_dbus_connection_new_for_address_sync (address,
                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION, NULL, NULL, &error);
  g_assert_no_error (error);
  fake->info = g_dbus_node_info_new_for_xml (fake_xml, &error);
  g_assert_no_error (error);
  fake->registrations = g_ptr_array_new ();
  fake->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, fake_service_free);
  fake->browsers = g_ptr_array_new_with_free_func (g_free);
  fake->taken = taken;
  register_object (fake, "/", "org.freedesktop.Avahi.Server");
  fake->owner_id = g_bus_own_name_on_connection (fake->bus, "org.freedesktop.Avahi",
                                                 G_BUS_NAME_OWNER_FLAGS_NONE,
                                                 NULL, NULL, NULL, NULL);
  return fake;
}

static void
fake_avahi_free (FakeAvahi *fake)
{
  while (fake->n_idles > 0)
    g_main_context_iteration (NULL, TRUE);
  g_bus_unown_name (fake->owner_id);
  for (guint i = 0; i < fake->registrations->len; i++)
    g_dbus_connection_unregister_object (fake->bus,
                                         GPOINTER_TO_UINT (g_ptr_array_index (fake->registrations, i)));
  g_ptr_array_unref (fake->registrations);
  g_hash_table_unref (fake->groups);
  g_ptr_array_unref (fake->browsers);
  g_dbus_node_info_unref (fake->info);
  g_dbus_connection_close_sync (fake->bus, NULL, NULL);
  g_object_unref (fake->bus);
  g_free (fake);
}

static FakeService *
fake_published (FakeAvahi *fake)
{
  GHashTableIter iter;
  FakeService *service;

  g_hash_table_iter_init (&iter, fake->groups);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &service))
    if (service != NULL && service->committed)
      return service;
  return NULL;
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition condition,
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Spins the loop for a while, for what must NOT happen. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
has_rooms (gpointer data)
{
  return g_list_model_get_n_items (sam_live_dnssd_get_rooms (data)) > 0;
}

static gboolean
has_no_rooms (gpointer data)
{
  return g_list_model_get_n_items (sam_live_dnssd_get_rooms (data)) == 0;
}

static gboolean
is_available (gpointer data)
{
  return sam_live_dnssd_get_available (data);
}

static gboolean
fake_has_service (gpointer data)
{
  return fake_published (data) != NULL;
}

static GDBusConnection *
client_bus (void)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  return bus;
}

/* Each test's bus: a private one (GTestDBus) with, unless the test starts
 * without it, the fake Avahi on it, and the client's connection. */
typedef struct
{
  GTestDBus       *dbus;
  GDBusConnection *bus;
  FakeAvahi       *fake;
} Fixture;

static void
bus_up (Fixture    *f,
        gboolean    with_avahi,
        const char *taken)
{
  f->dbus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->dbus);
  if (with_avahi)
    f->fake = fake_avahi_new (taken);
  f->bus = client_bus ();
}

/* @data: a name already on the network, or %NULL */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  bus_up (f, TRUE, data);
}

static void
fixture_set_up_without_avahi (Fixture       *f,
                              gconstpointer  data)
{
  bus_up (f, FALSE, NULL);
}

/* The test's SamLiveDnssd objects went with its scope (g_autoptr), before
 * Avahi and the bus go. */
static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->fake, fake_avahi_free);
  g_clear_object (&f->bus);
  g_test_dbus_down (f->dbus);
  g_clear_object (&f->dbus);
}

/* The coach publishes; a laptop's browser finds the room once (though it
 * is seen over IPv4 and IPv6), resolved, with the TXT record's protocol
 * version and short fingerprint; when the room closes it leaves the list. */
static void
test_publish_browse (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SamLiveDnssd) coach = NULL;
  g_autoptr(SamLiveDnssd) laptop = NULL;
  g_autoptr(SamLiveFoundRoom) room = NULL;
  FakeService *service;

  coach = sam_live_dnssd_new (f->bus);
  laptop = sam_live_dnssd_new (f->bus);
  sam_live_dnssd_browse (laptop);
  wait_until (is_available, laptop);
  sam_live_dnssd_publish (coach, "Acme — Klanten centraal", 48213, "4F2A-91C0-77DE");
  wait_until (fake_has_service, f->fake);

  service = fake_published (f->fake);
  g_assert_nonnull (service);
  g_assert_cmpstr (service->type, ==, "_samenspel._tcp");
  g_assert_cmpstr (service->name, ==, "Acme — Klanten centraal");
  g_assert_cmpuint (service->port, ==, 48213);
  g_assert_true (g_strv_contains ((const char * const *) service->txt, "v=1"));
  g_assert_true (g_strv_contains ((const char * const *) service->txt, "fp=4F2A-91C0-77DE"));
  g_assert_cmpstr (sam_live_dnssd_get_published_name (coach), ==, "Acme — Klanten centraal");

  wait_until (has_rooms, laptop);
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (sam_live_dnssd_get_rooms (laptop)), ==, 1);
  room = g_list_model_get_item (sam_live_dnssd_get_rooms (laptop), 0);
  g_assert_cmpstr (sam_live_found_room_get_name (room), ==, "Acme — Klanten centraal");
  g_assert_cmpstr (sam_live_found_room_get_host (room), ==, "192.0.2.7");
  g_assert_cmpstr (sam_live_found_room_get_host_name (room), ==, "coach.local");
  g_assert_cmpuint (sam_live_found_room_get_port (room), ==, 48213);
  g_assert_cmpstr (sam_live_found_room_get_fingerprint (room), ==, "4F2A-91C0-77DE");
  g_assert_cmpuint (sam_live_found_room_get_version (room), ==, 1);
  /* One resolve per room, not per sighting. */
  g_assert_cmpuint (f->fake->n_resolves, ==, 1);

  sam_live_dnssd_unpublish (coach);
  wait_until (has_no_rooms, laptop);
  g_assert_null (sam_live_dnssd_get_published_name (coach));
  g_assert_null (fake_published (f->fake));
}

/* A laptop that starts browsing after the room was published finds it. */
static void
test_browse_late (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SamLiveDnssd) coach = NULL;
  g_autoptr(SamLiveDnssd) laptop = NULL;
  FakeService *service;

  coach = sam_live_dnssd_new (f->bus);
  sam_live_dnssd_publish (coach, "Acme", 5000, NULL);
  wait_until (fake_has_service, f->fake);
  service = fake_published (f->fake);
  g_assert_nonnull (service);
  /* Without a fingerprint, only the protocol version. */
  g_assert_true (g_strv_contains ((const char * const *) service->txt, "v=1"));
  g_assert_cmpuint (g_strv_length (service->txt), ==, 1);

  laptop = sam_live_dnssd_new (f->bus);
  sam_live_dnssd_browse (laptop);
  wait_until (has_rooms, laptop);
}

static gboolean
renamed (gpointer data)
{
  return g_strcmp0 (sam_live_dnssd_get_published_name (data), "Acme #2") == 0;
}

/* Another service on the network has the workshop's name: the room is
 * announced under Avahi's alternative, and found under it. */
static void
test_collision (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SamLiveDnssd) coach = NULL;
  g_autoptr(SamLiveDnssd) laptop = NULL;
  g_autoptr(SamLiveFoundRoom) room = NULL;

  coach = sam_live_dnssd_new (f->bus);
  laptop = sam_live_dnssd_new (f->bus);
  sam_live_dnssd_browse (laptop);
  sam_live_dnssd_publish (coach, "Acme", 5000, "0000-1111-2222");
  wait_until (renamed, coach);
  wait_until (has_rooms, laptop);
  room = g_list_model_get_item (sam_live_dnssd_get_rooms (laptop), 0);
  g_assert_cmpstr (sam_live_found_room_get_name (room), ==, "Acme #2");
}

/* Without Avahi nothing is announced or found and nothing fails; when it
 * appears (the daemon started), the room is announced and found after all,
 * and when it goes, the list empties. */
static void
test_absent (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SamLiveDnssd) coach = NULL;
  g_autoptr(SamLiveDnssd) laptop = NULL;

  coach = sam_live_dnssd_new (f->bus);
  laptop = sam_live_dnssd_new (f->bus);
  sam_live_dnssd_browse (laptop);
  sam_live_dnssd_publish (coach, "Acme", 5000, NULL);
  spin (300);
  g_assert_false (sam_live_dnssd_get_available (coach));
  g_assert_false (sam_live_dnssd_get_available (laptop));
  g_assert_cmpuint (g_list_model_get_n_items (sam_live_dnssd_get_rooms (laptop)), ==, 0);

  f->fake = fake_avahi_new (NULL);
  wait_until (is_available, laptop);
  wait_until (has_rooms, laptop);
  g_assert_true (sam_live_dnssd_get_available (coach));

  g_clear_pointer (&f->fake, fake_avahi_free);
  wait_until (has_no_rooms, laptop);
  g_assert_false (sam_live_dnssd_get_available (laptop));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sam/live/dnssd/publish-browse", Fixture, NULL,
              fixture_set_up, test_publish_browse, fixture_tear_down);
  g_test_add ("/sam/live/dnssd/browse-late", Fixture, NULL,
              fixture_set_up, test_browse_late, fixture_tear_down);
  g_test_add ("/sam/live/dnssd/collision", Fixture, "Acme",
              fixture_set_up, test_collision, fixture_tear_down);
  g_test_add ("/sam/live/dnssd/absent", Fixture, NULL,
              fixture_set_up_without_avahi, test_absent, fixture_tear_down);

  return g_test_run ();
}
