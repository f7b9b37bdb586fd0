/* fz-trie.c: a trie of words by code point: a root array, a table of first pairs, one of edges. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-trie-private.h"

#include <string.h>

#define NO_NODE G_MAXUINT32
#define N_ROOT 0x10000

/* A walk touches memory at random, and the gazetteer's edges fill megabytes: its time goes in
 * waiting for memory. Most places of a text start no word's first two characters, so a walk
 * starts with a bitmap of those pairs, eight bits for each slot of the table of pairs, small
 * enough to stay in cache; then one probe of that table, a tenth the size of the edges, finds
 * the node after the pair. The root's children in the Basic Multilingual Plane are an array
 * (for words of one character), and a bitmap says which nodes end a word, so that values are
 * read only where one does. */

/* An edge of an open-addressed table: its key and its child side by side, so that a probe
 * reads one place in memory. The key is a node + 1 and a character, or for the table of pairs
 * the two first characters; 0 marks a free slot. */
typedef struct
{
  guint32  from;
  gunichar c;
  guint32  child;
} Edge;

typedef struct
{
  Edge  *slots;
  guint  bits;   /* log2 of the number of slots */
  guint  n;
} Table;

struct _FzTrie
{
  GPtrArray *values;   /* node -> value, NULL where no word ends; node 0 is the root */
  GArray    *ends;     /* guint64: a bit for each node that ends a word */
  guint32   *root;     /* BMP character -> child of the root, NO_NODE when none */
  Table      pairs;    /* first two characters of a word -> the node after them */
  guint64   *filter;   /* pair_bit () of each pair in pairs */
  guint      filter_bits;
  Table      edges;    /* node + 1, character -> child */
};

static inline gsize
table_slot (const Table *t,
            guint32      from,
            gunichar     c)
{
  guint64 key = ((guint64) from << 32) | c;

  return (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - t->bits));
}

static inline guint32
table_find (const Table *t,
            guint32      from,
            gunichar     c)
{
  gsize mask = ((gsize) 1 << t->bits) - 1;

  for (gsize i = table_slot (t, from, c);; i = (i + 1) & mask)
    {
      const Edge *e = &t->slots[i];

      if (e->from == from && e->c == c)
        return e->child;
      if (e->from == 0)
        return NO_NODE;
    }
}

static void
table_alloc (Table *t,
             guint  bits)
{
  t->bits = bits;
  t->slots = g_new0 (Edge, (gsize) 1 << bits);
}

static void
table_put_new (Table    *t,
               guint32   from,
               gunichar  c,
               guint32   child)
{
  gsize mask = ((gsize) 1 << t->bits) - 1;
  gsize i = table_slot (t, from, c);

  while (t->slots[i].from != 0)
    i = (i + 1) & mask;
  t->slots[i].from = from;
  t->slots[i].c = c;
  t->slots[i].child = child;
}

/* Room for @n keys with the slots at most two-thirds full, so that probes stay short. */
static void
table_reserve (Table *t,
               gsize  n)
{
  g_autofree Edge *old = NULL;
  gsize n_old = (gsize) 1 << t->bits;
  guint bits = t->bits;

  while (n * 3 > ((gsize) 2 << bits))
    bits++;
  if (bits == t->bits)
    return;
  old = t->slots;
  table_alloc (t, bits);
  for (gsize i = 0; i < n_old; i++)
    if (old[i].from != 0)
      table_put_new (t, old[i].from, old[i].c, old[i].child);
}

/* Adds a key not in @t yet. */
static void
table_add (Table    *t,
           guint32   from,
           gunichar  c,
           guint32   child)
{
  table_reserve (t, t->n + 1);
  table_put_new (t, from, c, child);
  t->n++;
}

static inline guint32
pair_bit (const FzTrie *self,
          gunichar      a,
          gunichar      b)
{
  return _fz_trie_pair_bit (a, b, 32 - self->filter_bits);
}

static inline gboolean
may_be_pair (const FzTrie *self,
             gunichar      a,
             gunichar      b)
{
  guint32 bit = pair_bit (self, a, b);

  return (self->filter[bit >> 6] & (G_GUINT64_CONSTANT (1) << (bit & 63))) != 0;
}

static void
filter_add (FzTrie   *self,
            gunichar  a,
            gunichar  b)
{
  guint32 bit = pair_bit (self, a, b);

  self->filter[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
}

/* Eight bits for each slot of the table of pairs, made anew when the table grows. */
static void
filter_build (FzTrie *self)
{
  g_free (self->filter);
  self->filter_bits = self->pairs.bits + 3;
  self->filter = g_new0 (guint64, MAX (((gsize) 1 << self->filter_bits) / 64, 1));
  for (gsize i = 0; i < (gsize) 1 << self->pairs.bits; i++)
    if (self->pairs.slots[i].from != 0)
      filter_add (self, self->pairs.slots[i].from, self->pairs.slots[i].c);
}

static inline gboolean
ends_word (const FzTrie *self,
           guint32       node)
{
  return (g_array_index (self->ends, guint64, node >> 6) & (G_GUINT64_CONSTANT (1) << (node & 63)))
         != 0;
}

static inline guint32
child_of (const FzTrie *self,
          guint32       node,
          gunichar      c)
{
  if (node == 0 && c < N_ROOT)
    return self->root[c];
  return table_find (&self->edges, node + 1, c);
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
  table_alloc (&self->pairs, 8);
  table_alloc (&self->edges, 10);
  filter_build (self);
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
  g_free (self->pairs.slots);
  g_free (self->filter);
  g_free (self->edges.slots);
  g_free (self);
}

void
_fz_trie_reserve (FzTrie *self,
                  guint   n_nodes,
                  guint   n_pairs)
{
  guint bits = self->pairs.bits;

  table_reserve (&self->edges, n_nodes);
  table_reserve (&self->pairs, n_pairs);
  if (self->pairs.bits != bits)
    filter_build (self);
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
      guint32 child = child_of (self, node, c);

      if (child == NO_NODE)
        {
          child = self->values->len;
          g_ptr_array_add (self->values, NULL);
          if (self->ends->len * 64 <= child)
            g_array_set_size (self->ends, self->ends->len + 1);
          if (node == 0 && c < N_ROOT)
            self->root[c] = child;
          else
            table_add (&self->edges, node + 1, c, child);
          /* A new node at the second character is a new pair. */
          if (k == 1)
            {
              guint bits = self->pairs.bits;

              table_add (&self->pairs, first, c, child);
              if (self->pairs.bits != bits)
                filter_build (self);
              else
                filter_add (self, first, c);
            }
        }
      if (k == 0)
        first = c;
      node = child;
    }
  if (node != 0)
    {
      g_ptr_array_index (self->values, node) = value;
      g_array_index (self->ends, guint64, node >> 6) |= G_GUINT64_CONSTANT (1) << (node & 63);
    }
}

void
_fz_trie_get_pair_filter (const FzTrie     *self,
                          FzTriePairFilter *filter)
{
  filter->bits = self->filter;
  filter->shift = 32 - self->filter_bits;
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
  guint32 node = NO_NODE;
  guint best = 0;

  if (j + 1 < n_pos && may_be_pair (self, chars[pos[j]], chars[pos[j + 1]]))
    node = table_find (&self->pairs, chars[pos[j]], chars[pos[j + 1]]);
  /* A word of one character, when it is the longest. */
  if (min_chars <= 1)
    {
      guint32 one = child_of (self, 0, chars[pos[j]]);

      if (one != NO_NODE && ends_word (self, one))
        {
          best = 1;
          *value = g_ptr_array_index (self->values, one);
        }
    }
  for (guint k = j + 2; node != NO_NODE; k++)
    {
      if (ends_word (self, node) && k - j >= min_chars)
        {
          best = k - j;
          *value = g_ptr_array_index (self->values, node);
        }
      if (k >= n_pos)
        break;
      node = table_find (&self->edges, node + 1, chars[pos[k]]);
    }
  return best;
}
