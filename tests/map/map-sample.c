/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "map-sample.h"
#include "sam-map-layout.h"

/* Sample maps for tests and the benchmark.  Ids are readable names, so
 * tests can refer to "sales" and "it". */

static const struct
{
  const char *id;
  const char *name;
  guint       people;
} teams[] = {
  { "sales", "Sales", 14 },
  { "backoffice", "Back office", 22 },
  { "it", "IT", 18 },
  { "compliance", "Compliance", 6 },
  { "service", "Customer service", 25 },
  { "finance", "Finance", 8 },
  { "marketing", "Marketing", 7 },
  { "hr", "HR", 4 },
  { "legal", "Legal", 3 },
  { "operations", "Operations", 30 },
  { "product", "Product", 9 },
  { "management", "Management team", 5 },
};

const char *
map_sample_id (const char *name)
{
  return name;
}

static void
relation (SamMapModel   *model,
          const char    *a,
          const char    *b,
          guint          quality,
          SamMapTension  tension)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", a, b);

  g_assert_true (sam_map_model_add_relation (model, id, a, b, quality, tension, NULL));
}

static void
belief (SamMapModel *model,
        const char  *holder,
        const char  *about,
        const char  *text,
        guint        strength)
{
  g_autofree char *id = sam_map_new_id ();

  g_assert_true (sam_map_model_add_belief (model, id, holder, about, text, strength, NULL));
}

SamMapModel *
map_sample_twelve (void)
{
  SamMapModel *model = sam_map_model_new ();
  SamMapRect box = { 0, 0, 1200, 750 };

  for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
    g_assert_true (sam_map_model_add_node (model, teams[i].id, teams[i].name, SAM_MAP_NODE_TEAM,
                                           i, teams[i].people, NULL));
  g_assert_true (sam_map_model_add_node (model, "customer", "The customer",
                                         SAM_MAP_NODE_CUSTOMER, 0, 0, NULL));

  relation (model, "sales", "backoffice", 2, SAM_MAP_TENSION_HIGH);
  relation (model, "sales", "it", 2, SAM_MAP_TENSION_SOME);
  relation (model, "sales", "customer", 4, SAM_MAP_TENSION_NONE);
  relation (model, "backoffice", "it", 3, SAM_MAP_TENSION_SOME);
  relation (model, "backoffice", "compliance", 2, SAM_MAP_TENSION_HIGH);
  relation (model, "service", "customer", 5, SAM_MAP_TENSION_NONE);
  relation (model, "service", "backoffice", 3, SAM_MAP_TENSION_NONE);
  relation (model, "service", "it", 1, SAM_MAP_TENSION_HIGH);
  relation (model, "finance", "sales", 3, SAM_MAP_TENSION_SOME);
  relation (model, "marketing", "sales", 4, SAM_MAP_TENSION_NONE);
  relation (model, "marketing", "product", 4, SAM_MAP_TENSION_NONE);
  relation (model, "product", "it", 3, SAM_MAP_TENSION_SOME);
  relation (model, "legal", "compliance", 5, SAM_MAP_TENSION_NONE);
  relation (model, "operations", "backoffice", 4, SAM_MAP_TENSION_NONE);
  relation (model, "operations", "it", 2, SAM_MAP_TENSION_SOME);
  relation (model, "management", "sales", 3, SAM_MAP_TENSION_NONE);
  relation (model, "management", "compliance", 0, SAM_MAP_TENSION_NONE);
  relation (model, "hr", "management", 4, SAM_MAP_TENSION_NONE);
  relation (model, "operations", "customer", 3, SAM_MAP_TENSION_SOME);

  belief (model, "backoffice", "sales", "It is always us who pick up the pieces", 5);
  belief (model, "backoffice", "sales", "Sales sells things that do not exist yet", 4);
  belief (model, "sales", "it", "IT causes the delay", 4);
  belief (model, "it", "sales", "Requests arrive at the last minute", 3);
  belief (model, "service", "it", "Nobody tells us about outages", 5);
  belief (model, "service", "it", "Tickets disappear into a black hole", 3);
  belief (model, "service", "it", "They never call back", 2);
  belief (model, "compliance", "backoffice", "Rules are seen as optional", 3);
  belief (model, "operations", "it", "Changes break our planning", 3);

  g_assert_true (sam_map_model_add_link (model, "link-1", "service", "it",
                                         "Knows what customers run into",
                                         "Prioritising fixes", NULL));
  g_assert_true (sam_map_model_add_link (model, "link-2", "compliance", "sales",
                                         "Explains rules in plain words",
                                         "Promises that cannot be kept", NULL));
  g_assert_true (sam_map_model_add_link (model, "link-3", "it", "backoffice",
                                         "Automation", "Manual rework", NULL));

  sam_map_layout_apply (model, &box);

  return model;
}

/* What the room changed during the day. */
void
map_sample_day_later (SamMapModel *model)
{
  sam_map_model_update_relation (model, "sales-backoffice", 4, SAM_MAP_TENSION_SOME);
  sam_map_model_update_relation (model, "service-it", 3, SAM_MAP_TENSION_SOME);
  sam_map_model_update_relation (model, "sales-it", 3, SAM_MAP_TENSION_NONE);
  sam_map_model_update_relation (model, "operations-it", 1, SAM_MAP_TENSION_HIGH);
  sam_map_model_update_relation (model, "finance-sales", 4, SAM_MAP_TENSION_HIGH);
  sam_map_model_remove_relation (model, "management-compliance");
  relation (model, "compliance", "it", 3, SAM_MAP_TENSION_NONE);
  belief (model, "it", "backoffice", "They change priorities every week", 3);
}

/* The densest room a workshop has: the twelve teams, every pair related
 * (qualities and tensions of every kind), each team holding a belief about
 * every other one, and a few links. */
SamMapModel *
map_sample_full_room (void)
{
  SamMapModel *model = sam_map_model_new ();
  SamMapRect box = { 0, 0, 1600, 900 };
  guint n = G_N_ELEMENTS (teams), k = 0;

  for (guint i = 0; i < n; i++)
    g_assert_true (sam_map_model_add_node (model, teams[i].id, teams[i].name, SAM_MAP_NODE_TEAM,
                                           i, teams[i].people, NULL));

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++, k++)
      {
        relation (model, teams[i].id, teams[j].id, k % (SAM_MAP_QUALITY_MAX + 1), k % 3);
        belief (model, teams[i].id, teams[j].id, "They do not listen", 1 + k % 5);
        belief (model, teams[j].id, teams[i].id, "They are always late", 1 + (k + 2) % 5);
      }

  g_assert_true (sam_map_model_add_link (model, "link-1", "service", "it",
                                         "Knows what customers run into",
                                         "Prioritising fixes", NULL));
  g_assert_true (sam_map_model_add_link (model, "link-2", "compliance", "sales",
                                         "Explains rules in plain words",
                                         "Promises that cannot be kept", NULL));
  g_assert_true (sam_map_model_add_link (model, "link-3", "it", "backoffice",
                                         "Automation", "Manual rework", NULL));

  sam_map_layout_apply (model, &box);

  return model;
}

/* A large map with a fixed seed, for the benchmark and performance tests. */
SamMapModel *
map_sample_big (guint n_nodes,
                guint n_relations)
{
  SamMapModel *model = sam_map_model_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  SamMapRect box = { 0, 0, 1600, 900 };
  guint made = 0, beliefs = 0;

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *id = g_strdup_printf ("node-%03u", i);
      g_autofree char *name = g_strdup_printf ("Team %u", i + 1);

      sam_map_model_add_node (model, id, name, SAM_MAP_NODE_TEAM, i, 2 + i % 20, NULL);
    }

  while (made < n_relations)
    {
      guint a = g_rand_int_range (rand, 0, n_nodes);
      guint b = g_rand_int_range (rand, 0, n_nodes);
      g_autofree char *ida = g_strdup_printf ("node-%03u", a);
      g_autofree char *idb = g_strdup_printf ("node-%03u", b);
      g_autofree char *id = g_strdup_printf ("rel-%u", made);

      if (a == b || sam_map_model_find_relation (model, ida, idb))
        continue;

      sam_map_model_add_relation (model, id, ida, idb, g_rand_int_range (rand, 0, 6),
                                  g_rand_int_range (rand, 0, 3), NULL);
      if (made % 3 == 0)
        {
          g_autofree char *bid = g_strdup_printf ("belief-%u", beliefs++);
          sam_map_model_add_belief (model, bid, ida, idb, "A belief", 3, NULL);
        }
      if (made % 20 == 0)
        {
          g_autofree char *lid = g_strdup_printf ("link-%u", made);
          sam_map_model_add_link (model, lid, ida, idb, "Strength", "Challenge", NULL);
        }
      made++;
    }

  sam_map_layout_apply (model, &box);

  return model;
}
