/* fz-trie.c: a trie of words whose edges, keyed by node and code point, share one hash table. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-trie-private.h"

#include <string.h>

#define NO_NODE G_MAXUINT32
#define N_ROOT 0x10000
#define PAIR_BITS 19

/* A walk touches memory at random, and the gazetteer's edges fill megabytes: its time goes in
 * waiting for memory. A bitmap of the first two characters of the words, small enough to stay
 * in cache, ends most walks before anything else is read; the root's children in the Basic
 * Multilingual Plane are an array, and a bitmap says which nodes end a word. */
/* An edge keeps its key and its child together: a probe reads one place in memory. */
typedef struct
{
  guint64 key;    /* (parent + 1) << 32 | character, 0 when the slot is free */
  guint32 child;
} Edge;

struct _FzTrie
{
  GPtrArray *values;   /* node -> value, NULL where no word ends; node 0 is the root */
  GArray    *ends;     /* guint64: a bit for each node that ends a word */
  guint32   *root;     /* BMP character -> child of the root, NO_NODE when none */
  guint64   *pairs;    /* pair_bit () of the first two characters of each word */
  Edge      *edges;    /* open-addressed slots */
  guint      bits;     /* log2 of the number of slots */
  guint      n_edges;
};

static inline guint32
pair_bit (gunichar a,
          gunichar b)
{
  return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u)) >> (32 - PAIR_BITS);
}

static inline gboolean
has_pair (const FzTrie *self,
          gunichar      a,
          gunichar      b)
{
  guint32 bit = pair_bit (a, b);

  return (self->pairs[bit >> 6] & (G_GUINT64_CONSTANT (1) << (bit & 63))) != 0;
}

static inline gboolean
ends_word (const FzTrie *self,
           guint32       node)
{
  return (g_array_index (self->ends, guint64, node >> 6) & (G_GUINT64_CONSTANT (1) << (node & 63)))
         != 0;
}

static inline guint64
edge_key (guint32  node,
          gunichar c)
{
  return ((guint64) node + 1) << 32 | c;
}

static inline gsize
edge_slot (const FzTrie *self,
           guint64       key)
{
  return (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - self->bits));
}

static inline guint32
edge_find (const FzTrie *self,
           guint32       node,
           gunichar      c)
{
  guint64 key = edge_key (node, c);
  gsize mask = ((gsize) 1 << self->bits) - 1;

  if (node == 0 && c < N_ROOT)
    return self->root[c];
  for (gsize i = edge_slot (self, key);; i = (i + 1) & mask)
    {
      if (self->edges[i].key == key)
        return self->edges[i].child;
      if (self->edges[i].key == 0)
        return NO_NODE;
    }
}

static void
edge_put (FzTrie  *self,
          guint64  key,
          guint32  child)
{
  gsize mask = ((gsize) 1 << self->bits) - 1;
  gsize i = edge_slot (self, key);

  while (self->edges[i].key != 0)
    i = (i + 1) & mask;
  self->edges[i].key = key;
  self->edges[i].child = child;
}

static void
alloc_slots (FzTrie *self,
             guint   bits)
{
  self->bits = bits;
  self->edges = g_new0 (Edge, (gsize) 1 << bits);
}

/* Twice the slots once they are two-thirds full: probes stay short. */
static void
grow (FzTrie *self)
{
  g_autofree Edge *edges = self->edges;
  gsize n = (gsize) 1 << self->bits;

  alloc_slots (self, self->bits + 1);
  for (gsize i = 0; i < n; i++)
    if (edges[i].key != 0)
      edge_put (self, edges[i].key, edges[i].child);
}

FzTrie *
_fz_trie_new (void)
{
  FzTrie *self = g_new0 (FzTrie, 1);

  self->values = g_ptr_array_new ();
  g_ptr_array_add (self->values, NULL);
  self->ends = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_array_set_size (self->ends, 1);
  self->root = g_new (guint32, N_ROOT);
  memset (self->root, 0xFF, N_ROOT * sizeof (guint32));
  self->pairs = g_new0 (guint64, ((gsize) 1 << PAIR_BITS) / 64);
  alloc_slots (self, 10);
  return self;
}

void
_fz_trie_free (FzTrie *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->values);
  g_array_unref (self->ends);
  g_free (self->root);
  g_free (self->pairs);
  g_free (self->edges);
  g_free (self);
}

void
_fz_trie_insert (FzTrie     *self,
                 const char *word,
                 gpointer    value)
{
  guint32 node = 0;
  gunichar first = 0;
  guint k = 0;

  g_return_if_fail (value != NULL);
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p), k++)
    {
      gunichar c = g_utf8_get_char (p);
      guint32 child = edge_find (self, node, c);

      if (k == 0)
        first = c;
      else if (k == 1)
        {
          guint32 bit = pair_bit (first, c);

          self->pairs[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
        }
      if (child == NO_NODE)
        {
          child = self->values->len;
          g_ptr_array_add (self->values, NULL);
          if (self->ends->len * 64 <= child)
            g_array_set_size (self->ends, self->ends->len + 1);
          if (node == 0 && c < N_ROOT)
            self->root[c] = child;
          else
            {
              if ((self->n_edges + 1) * 3 > ((gsize) 2 << self->bits))
                grow (self);
              edge_put (self, edge_key (node, c), child);
              self->n_edges++;
            }
        }
      node = child;
    }
  if (node != 0)
    {
      g_ptr_array_index (self->values, node) = value;
      g_array_index (self->ends, guint64, node >> 6) |= G_GUINT64_CONSTANT (1) << (node & 63);
    }
}

guint
_fz_trie_longest (const FzTrie   *self,
                  const gunichar *chars,
                  const guint32  *pos,
                  guint           n_pos,
                  guint           j,
                  guint           min_chars,
                  gpointer       *value)
{
  guint32 node;
  guint best = 0;

  /* No word starts with these two characters: only a word of one may stand here. */
  if (j + 1 >= n_pos || !has_pair (self, chars[pos[j]], chars[pos[j + 1]]))
    {
      if (min_chars > 1 || (node = edge_find (self, 0, chars[pos[j]])) == NO_NODE ||
          !ends_word (self, node))
        return 0;
      *value = g_ptr_array_index (self->values, node);
      return 1;
    }
  node = 0;
  for (guint k = j; k < n_pos; k++)
    {
      node = edge_find (self, node, chars[pos[k]]);
      if (node == NO_NODE)
        break;
      if (ends_word (self, node) && k + 1 - j >= min_chars)
        {
          best = k + 1 - j;
          *value = g_ptr_array_index (self->values, node);
        }
    }
  return best;
}
