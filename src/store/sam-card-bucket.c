/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-card.h"
#include "sam-card-bucket.h"

/**
 * SECTION:sam-card-bucket
 * @title: Card buckets
 * @short_description: the live cards of a step that belong together
 *
 * A page shows the cards of a step in *buckets*: the cards of one kind
 * written by one team (about one team, under one parent card, for one
 * prompt).  sam_card_bucket_get() hands out such a bucket as a live
 * #GListModel of #SamCard, in the step's order, kept up to date with the
 * step's cards (added, removed, moved, or a card whose team, about-team,
 * parent or prompt changes).
 *
 * Every bucket of a step comes from one index, made on first use and kept
 * with the step's card list: it sorts each card into its bucket once, in a
 * single pass, and after a change of the step's cards redoes only the
 * buckets that change touched.  A page with a thousand buckets (the
 * impacts of every change) therefore costs one pass over the cards, not a
 * filter over all cards per bucket.  The models are GLib only, so the
 * pages, the projector and the command line can share them.
 */

typedef struct
{
  const char *kind;     /* interned */
  const char *prompt;   /* interned, "" for none */
  gint64 team_id;
  gint64 about_team_id;
  gint64 parent_id;
  GListStore *store;
} Bucket;

typedef struct
{
  GListModel *cards;      /* not owned: the index lives in its data */
  GPtrArray *mirror;      /* the cards in the step's order, owned */
  GHashTable *buckets;    /* Bucket → Bucket, owned */
  GHashTable *card_bucket;/* SamCard → Bucket */
} Index;

static const char *
intern_prompt (const char *prompt)
{
  return g_intern_string (prompt != NULL ? prompt : "");
}

static guint
bucket_hash (gconstpointer data)
{
  const Bucket *b = data;
  guint hash = g_direct_hash (b->kind) ^ (g_direct_hash (b->prompt) * 31u);

  hash = hash * 33u + (guint) b->team_id;
  hash = hash * 33u + (guint) b->about_team_id;
  hash = hash * 33u + (guint) b->parent_id;
  return hash;
}

static gboolean
bucket_equal (gconstpointer a,
              gconstpointer b)
{
  const Bucket *x = a, *y = b;

  return x->kind == y->kind && x->prompt == y->prompt && x->team_id == y->team_id &&
         x->about_team_id == y->about_team_id && x->parent_id == y->parent_id;
}

static void
bucket_free (gpointer data)
{
  Bucket *b = data;

  g_clear_object (&b->store);
  g_free (b);
}

static Bucket *
lookup_bucket (Index      *index,
               const char *kind,
               gint64      team_id,
               gint64      about_team_id,
               gint64      parent_id,
               const char *prompt)
{
  Bucket key = { g_intern_string (kind), intern_prompt (prompt), team_id, about_team_id, parent_id, NULL };
  Bucket *bucket = g_hash_table_lookup (index->buckets, &key);

  if (bucket == NULL)
    {
      bucket = g_memdup2 (&key, sizeof key);
      bucket->store = g_list_store_new (SAM_TYPE_CARD);
      g_hash_table_add (index->buckets, bucket);
    }
  return bucket;
}

static Bucket *
bucket_of_card (Index   *index,
                SamCard *card)
{
  return lookup_bucket (index, sam_card_get_kind (card), sam_card_get_team_id (card),
                        sam_card_get_about_team_id (card), sam_card_get_parent_id (card),
                        sam_card_get_prompt (card));
}

/* Makes each touched bucket hold its cards in the step's order again, with
 * one splice of what differs (nothing, for a bucket that did not change). */
static void
refill (Index      *index,
        GHashTable *touched)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_insert (members, key, g_ptr_array_new ());

  for (guint i = 0; i < index->mirror->len; i++)
    {
      gpointer card = g_ptr_array_index (index->mirror, i);
      GPtrArray *list = g_hash_table_lookup (members, g_hash_table_lookup (index->card_bucket, card));

      if (list != NULL)
        g_ptr_array_add (list, card);
    }

  g_hash_table_iter_init (&iter, members);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Bucket *bucket = key;
      GPtrArray *list = value;
      GListModel *model = G_LIST_MODEL (bucket->store);
      guint n = g_list_model_get_n_items (model);
      guint head = 0, tail = 0;

      while (head < n && head < list->len)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, head);

          if (item != g_ptr_array_index (list, head))
            break;
          head++;
        }
      while (tail < n - head && tail < list->len - head)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, n - 1 - tail);

          if (item != g_ptr_array_index (list, list->len - 1 - tail))
            break;
          tail++;
        }
      if (head == n && head == list->len)
        continue;
      g_list_store_splice (bucket->store, head, n - head - tail,
                           list->pdata + head, list->len - head - tail);
    }
}

static void
card_notify_cb (SamCard    *card,
                GParamSpec *pspec,
                Index      *index)
{
  g_autoptr(GHashTable) touched = NULL;
  Bucket *old, *now;

  if (!g_str_equal (pspec->name, "team-id") && !g_str_equal (pspec->name, "about-team-id") &&
      !g_str_equal (pspec->name, "parent-id") && !g_str_equal (pspec->name, "prompt") &&
      !g_str_equal (pspec->name, "kind"))
    return;

  old = g_hash_table_lookup (index->card_bucket, card);
  now = bucket_of_card (index, card);
  if (old == now)
    return;

  g_hash_table_insert (index->card_bucket, card, now);
  touched = g_hash_table_new (NULL, NULL);
  g_hash_table_add (touched, old);
  g_hash_table_add (touched, now);
  refill (index, touched);
}

static void
forget_card (gpointer data,
             gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (data, card_notify_cb, user_data);
}

static void
cards_changed_cb (GListModel *cards,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Index      *index)
{
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < removed; i++)
    {
      SamCard *card = g_ptr_array_index (index->mirror, position + i);

      g_hash_table_add (touched, g_hash_table_lookup (index->card_bucket, card));
      g_ptr_array_add (gone, g_object_ref (card));
    }
  g_ptr_array_remove_range (index->mirror, position, removed);
  /* A moved card is removed and added: its handler and bucket stay. */
  for (guint i = 0; i < added; i++)
    {
      SamCard *card = g_list_model_get_item (cards, position + i);
      Bucket *bucket = bucket_of_card (index, card);

      g_ptr_array_insert (index->mirror, position + i, card);
      if (!g_ptr_array_remove_fast (gone, card))
        g_signal_connect (card, "notify", G_CALLBACK (card_notify_cb), index);
      g_hash_table_insert (index->card_bucket, card, bucket);
      g_hash_table_add (touched, bucket);
    }
  for (guint i = 0; i < gone->len; i++)
    {
      forget_card (g_ptr_array_index (gone, i), index);
      g_hash_table_remove (index->card_bucket, g_ptr_array_index (gone, i));
    }

  refill (index, touched);
}

static void
index_free (gpointer data)
{
  Index *index = data;

  /* The card list is being finalised: only the cards need letting go. */
  g_ptr_array_foreach (index->mirror, forget_card, index);
  g_ptr_array_unref (index->mirror);
  g_hash_table_unref (index->card_bucket);
  g_hash_table_unref (index->buckets);
  g_free (index);
}

static Index *
index_get (GListModel *cards)
{
  Index *index = g_object_get_data (G_OBJECT (cards), "sam-card-bucket-index");
  guint n;

  if (index != NULL)
    return index;

  index = g_new0 (Index, 1);
  index->cards = cards;
  index->buckets = g_hash_table_new_full (bucket_hash, bucket_equal, bucket_free, NULL);
  index->card_bucket = g_hash_table_new (NULL, NULL);
  n = g_list_model_get_n_items (cards);
  index->mirror = g_ptr_array_new_full (n, g_object_unref);

  /* One pass: each card into its bucket, appended in the step's order. */
  for (guint i = 0; i < n; i++)
    {
      SamCard *card = g_list_model_get_item (cards, i);
      Bucket *bucket = bucket_of_card (index, card);

      g_ptr_array_add (index->mirror, card);
      g_hash_table_insert (index->card_bucket, card, bucket);
      g_list_store_append (bucket->store, card);
      g_signal_connect (card, "notify", G_CALLBACK (card_notify_cb), index);
    }

  g_signal_connect (cards, "items-changed", G_CALLBACK (cards_changed_cb), index);
  g_object_set_data_full (G_OBJECT (cards), "sam-card-bucket-index", index, index_free);
  return index;
}

/**
 * sam_card_bucket_get:
 * @cards: the live cards of a step, from sam_store_get_cards()
 * @kind: the cards' kind, e.g. "change"
 * @team_id: the writing team, or 0
 * @about_team_id: the team the cards are about, or 0
 * @parent_id: the card they belong to, or 0
 * @prompt: (nullable): the question they answer, or %NULL for none
 *
 * The cards of @cards whose kind, team_id, about_team_id, parent_id and
 * prompt are these, in the step's order, kept up to date.  The same bucket
 * is handed out again for the same values; do not change it.
 *
 * Returns: (transfer full): a #GListModel of #SamCard
 */
GListModel *
sam_card_bucket_get (GListModel *cards,
                     const char *kind,
                     gint64      team_id,
                     gint64      about_team_id,
                     gint64      parent_id,
                     const char *prompt)
{
  Bucket *bucket;

  g_return_val_if_fail (G_IS_LIST_MODEL (cards), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  bucket = lookup_bucket (index_get (cards), kind, team_id, about_team_id, parent_id, prompt);
  return g_object_ref (G_LIST_MODEL (bucket->store));
}

/**
 * sam_card_bucket_has_card:
 * @bucket: a bucket from sam_card_bucket_get()
 * @card: a #SamCard
 *
 * Returns: whether @card is in @bucket
 */
gboolean
sam_card_bucket_has_card (GListModel *bucket,
                          gpointer    card)
{
  g_return_val_if_fail (G_IS_LIST_STORE (bucket), FALSE);

  return g_list_store_find (G_LIST_STORE (bucket), card, NULL);
}
