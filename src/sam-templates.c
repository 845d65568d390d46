/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-templates.h"

/* Ready-made agendas the coach starts from and then adjusts.  The texts are
 * ours, written for the room: short sentences, a clear question, no jargon. */

static const SamTemplateStep day_steps[] = {
  { "custom", N_("Welcome"), 20,
    N_("Good morning! Today is about us: the teams of one organisation and the customers we all work for.\n\n"
       "Find your team's table. Say your name, your team and one thing you hope to take home tonight."),
    N_("Keep it light. Write the hopes down; you come back to them at the end of the day.") },
  { "changes", N_("Changes and Impact"), 40,
    N_("What is changing around us? Think of rules and audits, customers, competitors, technology.\n\n"
       "Per team: write each change on a card. Then, under every change, write what it means for your own work."),
    N_("Let teams read each other's changes afterwards. The same change often lands very differently in two teams.") },
  { "team-perspective", N_("In the Other Team's Shoes"), 60,
    N_("Each team now steps into another team's shoes.\n\n"
       "How do you see their work? What are their goals, what puts them under pressure, what are they good at, "
       "what makes their work hard, and what do they need from us?\n\n"
       "Afterwards the team itself answers every card: recognised, not right, or something to add."),
    N_("The gap between how a team is seen and how it sees itself is the point of this round. "
       "Ask the owners to answer gently; nobody has to defend themselves.") },
  { "custom", N_("Lunch"), 45,
    N_("Enjoy your lunch. We start again on time."),
    N_("A good moment to look at the cards so far and pick the examples for the afternoon.") },
  { "strengths", N_("Strengths and Challenges"), 45,
    N_("Per team: what are we strong at, and what do we struggle with? "
       "Other teams add what they see in us.\n\n"
       "Then look around: where could the strength of one team help with the challenge of another?"),
    N_("Linking a strength to someone else's challenge is where people start to see the potential. "
       "Give that part enough time.") },
  { "beliefs", N_("Us and Them"), 30,
    N_("Which sentences do we hear, or say, about other teams? "
       "“It is always us who…”, “They never…”.\n\n"
       "Write down who believes what about whom. Be honest; this stays in the room."),
    N_("Name the beliefs without judging them. They go on the relationship map next.") },
  { "map", N_("Relationship Map"), 30,
    N_("Here are all our teams and the customer. How do we work together today? "
       "Where does it run smoothly, and where does it rub?"),
    N_("Save this map. Drawing it again at the end of the day shows what moved.") },
  { "custom", N_("Break"), 15,
    N_("Stretch your legs and get a coffee."),
    NULL },
  { "brainstorm", N_("Brainstorm"), 45,
    N_("What could we do differently, together? Every idea is welcome; quantity first.\n\n"
       "Then group the ideas and give your votes to the ones you believe in."),
    N_("Make sure every team brings at least one idea about the key figures the organisation steers on.") },
  { "agreements", N_("Agreements"), 40,
    N_("Turn the best ideas into agreements: what exactly, which teams, who takes the lead, by when — "
       "and how will we check that it happened?"),
    N_("An agreement is an agreement. Prefer a few that will really be kept over a long wish list.") },
  { "absent", N_("Bringing the Others Along"), 20,
    N_("Not everyone could be here today. How do the colleagues who were absent get a taste of this day, "
       "and how do they join the new way of working?"),
    N_("Close with the hopes from this morning: which came true?") },
};

static const SamTemplateStep customer_steps[] = {
  { "custom", N_("Welcome"), 15,
    N_("Welcome! Today we follow one customer request from start to finish, through the eyes of the customer.\n\n"
       "Introduce yourself: your name, your team, and where you touch this request."),
    N_("Pick a request everyone knows, such as a house move or a change of address.") },
  { "customer-walk", N_("In the Customer's Shoes"), 60,
    N_("Imagine the customer is your mother or your brother. Walk the request step by step, as they live it.\n\n"
       "For each step ask: why do we do this? Keep asking until you reach the real reason."),
    N_("Write the steps as the customer sees them, not as the systems do. The “why” often hides a rule nobody remembers.") },
  { "customer-walk", N_("Value or No Value"), 30,
    N_("Look at every step again. Does it bring something to the customer, or only to us? "
       "Mark each step: value, or no value."),
    N_("Steps without value for the customer are not always useless, but each one deserves a good reason.") },
  { "custom", N_("Break"), 15,
    N_("Stretch your legs and get a coffee."),
    NULL },
  { "achieve-avoid", N_("What We Want to Achieve or Avoid"), 40,
    N_("What should the customer experience from now on, and what must never happen again?\n\n"
       "For each point, say how we will recognise that we got there."),
    N_("Keep the group on outcomes, not solutions. “The customer knows within a day where they stand” is good; "
       "“a new tool” is not.") },
  { "agreements", N_("Agreements"), 40,
    N_("What will we do, who takes the lead, by when — and how will we check it worked for the customer?"),
    N_("Plan the follow-up session now, while everyone is in the room.") },
};

static const SamTemplate templates[] = {
  { "colleagues-customers-day", N_("Colleagues and Customers — One Day"),
    N_("A full day for several teams: what changes, how we see each other, and what we agree on together."),
    day_steps, G_N_ELEMENTS (day_steps) },
  { "customer-process", N_("Customer Process"),
    N_("Half a day on one customer request, walked step by step in the customer's shoes."),
    customer_steps, G_N_ELEMENTS (customer_steps) },
};

/**
 * sam_template_get_all:
 * @n_templates: (out): how many there are
 *
 * Returns: (array length=n_templates): every template, in menu order
 */
const SamTemplate *
sam_template_get_all (guint *n_templates)
{
  *n_templates = G_N_ELEMENTS (templates);
  return templates;
}

/**
 * sam_template_lookup:
 * @id: a template id
 *
 * Returns: (nullable): the template, or %NULL
 */
const SamTemplate *
sam_template_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (templates[i].id, id) == 0)
      return &templates[i];

  return NULL;
}

/**
 * sam_template_get_minutes:
 * @self: a template
 *
 * Returns: the sum of its time boxes
 */
guint
sam_template_get_minutes (const SamTemplate *self)
{
  guint minutes = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->n_steps; i++)
    minutes += self->steps[i].minutes;

  return minutes;
}

/**
 * sam_template_apply:
 * @self: a template
 * @catalog: (nullable): the language of the steps' texts, which may differ
 *   from the app's (a Dutch app can prepare a French workshop); %NULL for
 *   the app's own
 * @store: the database
 * @workshop: where to add the agenda
 * @error: return location for a #GError
 *
 * Appends the template's steps, in @catalog's language, after the workshop's own, in
 * one transaction: on failure none is added, so the agenda is as it was.  A workshop without a language of its own takes @catalog's: a
 * workshop made from a French template is a French workshop, and its report
 * is French unless the coach chooses otherwise.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_template_apply (const SamTemplate  *self,
                    SamCatalog         *catalog,
                    SamStore           *store,
                    SamWorkshop        *workshop,
                    GError            **error)
{
  g_autofree SamNewStep *steps = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (SAM_IS_WORKSHOP (workshop), FALSE);

  /* One transaction: a crash or a refused step leaves no half agenda. */
  steps = g_new0 (SamNewStep, MAX (self->n_steps, 1));
  for (guint i = 0; i < self->n_steps; i++)
    {
      const SamTemplateStep *t = &self->steps[i];

      steps[i].kind = t->kind;
      steps[i].title = sam_catalog_gettext (catalog, t->title);
      steps[i].minutes = t->minutes;
      steps[i].instructions = sam_catalog_gettext (catalog, t->instructions);
      steps[i].notes = t->notes ? sam_catalog_gettext (catalog, t->notes) : NULL;
    }
  if (!sam_store_add_steps (store, workshop, steps, self->n_steps, error))
    return FALSE;

  if (catalog != NULL && *sam_workshop_get_language (workshop) == '\0' &&
      !sam_store_set_workshop_field (store, workshop, SAM_WORKSHOP_FIELD_LANGUAGE,
                                     sam_catalog_get_language (catalog), error))
    {
      GListModel *all = sam_store_get_steps (store, workshop);
      guint n = g_list_model_get_n_items (all);

      /* The agenda as it was: the steps just added go again. */
      for (guint j = 0; j < self->n_steps && j < n; j++)
        {
          g_autoptr(SamStep) step = g_list_model_get_item (all, n - 1 - j);

          sam_store_trash_step (store, step, NULL, NULL);
        }
      return FALSE;
    }

  return TRUE;
}
