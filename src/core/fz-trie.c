/* fz-trie.c: a trie of words by code point: a root array, a table of first pairs, one of edges. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-trie-private.h"
#include "fz-text-private.h"

#include <string.h>

#define NO_NODE G_MAXUINT32
#define N_ROOT 0x10000

/* A walk touches memory at random, and the gazetteer's trie fills megabytes: its time goes in
 * waiting for memory. Most places of a text start no word's first two characters, so a walk
 * starts with a bitmap of those pairs, eight bits for each slot of the table of pairs, small
 * enough to stay in cache; then one probe of that table finds the node after the pair.
 *
 * Words are added to hash tables of edges. The first walk compiles those into one array of
 * nodes laid out depth first, each node followed by its sorted children and its first child
 * right after them, so that the rest of a walk reads on from where the pair led instead of
 * probing a table at each character. A word added after that thaws the trie back into tables.
 * The root's children in the Basic Multilingual Plane are an array, for words of one
 * character. */

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

/* A compiled node: the number of its children, its value (NULL where no word ends) in two
 * cells, then each child's character and offset, by character. */
#define NODE_CELLS 3

struct _FzTrie
{
  /* While words are added; NULL once compiled. */
  GPtrArray *values;   /* node -> value, NULL where no word ends; node 0 is the root */
  Table      edges;    /* node + 1, character -> child */
  /* Both: nodes while words are added, offsets into cells once compiled. */
  guint32   *root;     /* BMP character -> child of the root, NO_NODE when none */
  Table      pairs;    /* first two characters of a word -> the node after them */
  guint64   *filter;   /* pair_bit () of each pair in pairs */
  guint      filter_bits;
  /* The compiled trie; set once, under the lock, by the first walk. */
  guint32   *cells;
  gsize      n_cells;
  /* Cells, root, pairs and filter lie in a gazetteer's image (_fz_trie_new_from_image ()):
   * not ours to free or change. */
  gboolean   borrowed;
  GMutex     lock;
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

static inline gsize
filter_size (guint bits)
{
  return MAX (((gsize) 1 << bits) / 64, 1) * sizeof (guint64);
}

/* Eight bits for each slot of the table of pairs, made anew when the table grows. */
static void
filter_build (FzTrie *self)
{
  g_free (self->filter);
  self->filter_bits = self->pairs.bits + 3;
  self->filter = g_malloc0 (filter_size (self->filter_bits));
  for (gsize i = 0; i < (gsize) 1 << self->pairs.bits; i++)
    if (self->pairs.slots[i].from != 0)
      filter_add (self, self->pairs.slots[i].from, self->pairs.slots[i].c);
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

static void
builder_init (FzTrie *self,
              guint   edge_bits)
{
  self->values = g_ptr_array_new ();
  g_ptr_array_add (self->values, NULL);
  table_alloc (&self->edges, edge_bits);
  self->edges.n = 0;
}

static void
builder_clear (FzTrie *self)
{
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->edges.slots, g_free);
}

/* A new node under @node for @c; @first is the word's first character when @c, at @depth 1,
 * is its second. */
static guint32
builder_add (FzTrie   *self,
             guint32   node,
             gunichar  c,
             gunichar  first,
             guint     depth)
{
  guint32 child = self->values->len;

  g_ptr_array_add (self->values, NULL);
  if (node == 0 && c < N_ROOT)
    self->root[c] = child;
  else
    table_add (&self->edges, node + 1, c, child);
  if (depth == 1)
    {
      guint bits = self->pairs.bits;

      table_add (&self->pairs, first, c, child);
      if (self->pairs.bits != bits)
        filter_build (self);
      else
        filter_add (self, first, c);
    }
  return child;
}

static inline gpointer
cells_value (const guint32 *cells,
             guint32        node)
{
  gpointer value;

  memcpy (&value, &cells[node + 1], sizeof value);
  return value;
}

/* The child of compiled @node for @c, NO_NODE when none. */
static inline guint32
cells_child (const guint32 *cells,
             guint32        node,
             gunichar       c)
{
  guint n = cells[node];
  const guint32 *kids = &cells[node + NODE_CELLS];
  guint lo = 0, hi = n;

  /* Past the first pair most nodes have one child or a few. */
  if (n <= 8)
    {
      for (guint i = 0; i < n; i++)
        if (kids[2 * i] == c)
          return kids[2 * i + 1];
      return NO_NODE;
    }
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (kids[2 * mid] < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < n && kids[2 * lo] == c ? kids[2 * lo + 1] : NO_NODE;
}

typedef struct
{
  gunichar c;
  guint32  node;
} Kid;

static int
kid_compare (gconstpointer a,
             gconstpointer b)
{
  gunichar x = ((const Kid *) a)->c, y = ((const Kid *) b)->c;

  return x < y ? -1 : x > y;
}

/* Lays the tables out depth first as cells, turns the root array and the table of pairs from
 * nodes into offsets, and drops the tables. Once per trie, so kept out of the walk. */
static G_GNUC_NO_INLINE guint32 *
compile (FzTrie *self)
{
  guint n_nodes = self->values->len;
  g_autofree guint32 *first_kid = g_new0 (guint32, n_nodes + 1);
  g_autofree Kid *kids = NULL;
  g_autofree guint32 *offset = g_new (guint32, n_nodes);
  g_autofree guint32 *stack = g_new (guint32, n_nodes);
  gsize n_slots = (gsize) 1 << self->edges.bits, n_cells = 0, top = 0;
  guint32 *cells;

  /* The children of each node, by character: counted, placed, sorted. */
  for (gunichar c = 0; c < N_ROOT; c++)
    if (self->root[c] != NO_NODE)
      first_kid[1]++;
  for (gsize i = 0; i < n_slots; i++)
    if (self->edges.slots[i].from != 0)
      first_kid[self->edges.slots[i].from]++;
  for (guint v = 0; v < n_nodes; v++)
    first_kid[v + 1] += first_kid[v];
  kids = g_new (Kid, MAX (first_kid[n_nodes], 1));
  {
    g_autofree guint32 *fill = g_memdup2 (first_kid, n_nodes * sizeof (guint32));

    for (gunichar c = 0; c < N_ROOT; c++)
      if (self->root[c] != NO_NODE)
        kids[fill[0]++] = (Kid) { c, self->root[c] };
    for (gsize i = 0; i < n_slots; i++)
      {
        const Edge *e = &self->edges.slots[i];

        if (e->from != 0)
          kids[fill[e->from - 1]++] = (Kid) { e->c, e->child };
      }
  }
  for (guint v = 0; v < n_nodes; v++)
    if (first_kid[v + 1] - first_kid[v] > 1)
      qsort (kids + first_kid[v], first_kid[v + 1] - first_kid[v], sizeof (Kid), kid_compare);

  /* Depth first, the first child right after its parent, so that a walk reads on. */
  stack[top++] = 0;
  while (top > 0)
    {
      guint32 v = stack[--top];

      offset[v] = (guint32) n_cells;
      n_cells += NODE_CELLS + 2 * (first_kid[v + 1] - first_kid[v]);
      for (guint32 k = first_kid[v + 1]; k > first_kid[v]; k--)
        stack[top++] = kids[k - 1].node;
    }
  g_assert (n_cells < NO_NODE);
  self->n_cells = n_cells;
  cells = g_new (guint32, n_cells);
  for (guint32 v = 0; v < n_nodes; v++)
    {
      guint32 *cell = &cells[offset[v]];
      gpointer value = g_ptr_array_index (self->values, v);

      cell[0] = first_kid[v + 1] - first_kid[v];
      memcpy (&cell[1], &value, sizeof value);
      for (guint32 k = first_kid[v]; k < first_kid[v + 1]; k++)
        {
          cell[NODE_CELLS + 2 * (k - first_kid[v])] = kids[k].c;
          cell[NODE_CELLS + 2 * (k - first_kid[v]) + 1] = offset[kids[k].node];
        }
    }
  for (gunichar c = 0; c < N_ROOT; c++)
    if (self->root[c] != NO_NODE)
      self->root[c] = offset[self->root[c]];
  for (gsize i = 0; i < ((gsize) 1 << self->pairs.bits); i++)
    if (self->pairs.slots[i].from != 0)
      self->pairs.slots[i].child = offset[self->pairs.slots[i].child];
  builder_clear (self);
  return cells;
}

/* The compiled trie, made by the first reader: owners share a built trie between threads. */
static const guint32 *
compiled (const FzTrie *trie)
{
  FzTrie *self = (FzTrie *) trie;
  guint32 *cells = g_atomic_pointer_get (&self->cells);

  if (G_LIKELY (cells != NULL))
    return cells;
  g_mutex_lock (&self->lock);
  if (self->cells == NULL)
    g_atomic_pointer_set (&self->cells, compile (self));
  cells = self->cells;
  g_mutex_unlock (&self->lock);
  return cells;
}

typedef struct
{
  guint32  offset;
  guint32  node;
  gunichar first;
  guint    depth;
} Thaw;

/* Back to tables, for a word added after a walk. Owners add words only while they are built,
 * before any other thread reads, so no lock is needed. */
static void
thaw (FzTrie *self)
{
  const guint32 *cells = self->cells;
  g_autofree guint32 *owned = NULL;
  g_autoptr(GArray) stack = NULL;
  Thaw top = { 0, 0, 0, 0 };

  if (cells == NULL)
    return;
  self->cells = NULL;
  /* An image's cells are only read below; its root and pairs, emptied below, are made anew
   * and its filter, which keeps its bits, is copied. */
  if (self->borrowed)
    {
      self->root = g_new (guint32, N_ROOT);
      self->pairs.slots = g_new (Edge, (gsize) 1 << self->pairs.bits);
      self->filter = g_memdup2 (self->filter, filter_size (self->filter_bits));
      self->borrowed = FALSE;
    }
  else
    owned = (guint32 *) cells;
  stack = g_array_new (FALSE, FALSE, sizeof (Thaw));
  builder_init (self, self->edges.bits);
  memset (self->root, 0xFF, N_ROOT * sizeof (guint32));
  memset (self->pairs.slots, 0, ((gsize) 1 << self->pairs.bits) * sizeof (Edge));
  self->pairs.n = 0;
  g_array_append_val (stack, top);
  while (stack->len > 0)
    {
      Thaw t = g_array_index (stack, Thaw, stack->len - 1);
      const guint32 *kids = &cells[t.offset + NODE_CELLS];

      g_array_set_size (stack, stack->len - 1);
      for (guint i = 0; i < cells[t.offset]; i++)
        {
          Thaw child = { kids[2 * i + 1], 0, t.depth == 0 ? kids[2 * i] : t.first, t.depth + 1 };

          child.node = builder_add (self, t.node, kids[2 * i], t.first, t.depth);
          g_ptr_array_index (self->values, child.node) = cells_value (cells, child.offset);
          g_array_append_val (stack, child);
        }
    }
}

FzTrie *
_fz_trie_new (void)
{
  FzTrie *self = g_new0 (FzTrie, 1);

  g_mutex_init (&self->lock);
  builder_init (self, 10);
  self->root = g_new (guint32, N_ROOT);
  memset (self->root, 0xFF, N_ROOT * sizeof (guint32));
  table_alloc (&self->pairs, 8);
  filter_build (self);
  return self;
}

void
_fz_trie_free (FzTrie *self)
{
  if (self == NULL)
    return;
  builder_clear (self);
  if (!self->borrowed)
    {
      g_free (self->cells);
      g_free (self->root);
      g_free (self->pairs.slots);
      g_free (self->filter);
    }
  g_mutex_clear (&self->lock);
  g_free (self);
}

void
_fz_trie_reserve (FzTrie *self,
                  guint   n_nodes,
                  guint   n_pairs)
{
  guint bits = self->pairs.bits;

  thaw (self);
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
  thaw (self);
  for (const char *p = word; *p != '\0'; k++)
    {
      gunichar c = fz_text_next_char (&p);
      guint32 child = child_of (self, node, c);

      if (child == NO_NODE)
        child = builder_add (self, node, c, first, k);
      if (k == 0)
        first = c;
      node = child;
    }
  if (node != 0)
    g_ptr_array_index (self->values, node) = value;
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
  const guint32 *cells = compiled (self);
  guint32 node = NO_NODE;
  guint best = 0;

  if (j + 1 < n_pos && may_be_pair (self, chars[pos[j]], chars[pos[j + 1]]))
    node = table_find (&self->pairs, chars[pos[j]], chars[pos[j + 1]]);
  /* A word of one character, when it is the longest. */
  if (min_chars <= 1)
    {
      gunichar c = chars[pos[j]];
      guint32 one = c < N_ROOT ? self->root[c] : cells_child (cells, 0, c);

      if (one != NO_NODE && cells_value (cells, one) != NULL)
        {
          best = 1;
          *value = cells_value (cells, one);
        }
    }
  for (guint k = j + 2; node != NO_NODE; k++)
    {
      gpointer v = cells_value (cells, node);

      if (v != NULL && k - j >= min_chars)
        {
          best = k - j;
          *value = v;
        }
      if (k >= n_pos)
        break;
      node = cells_child (cells, node, chars[pos[k]]);
    }
  return best;
}

void
_fz_trie_get_image (const FzTrie *self,
                    FzTrieImage  *image)
{
  image->cells = compiled (self);
  image->n_cells = self->n_cells;
  image->root = self->root;
  image->pairs = self->pairs.slots;
  image->pairs_bits = self->pairs.bits;
  image->n_pairs = self->pairs.n;
  image->filter = self->filter;
  image->filter_bits = self->filter_bits;
}

gsize
_fz_trie_image_size (FzTrieImagePart part,
                     guint           bits)
{
  switch (part)
    {
    case FZ_TRIE_IMAGE_ROOT:
      return N_ROOT * sizeof (guint32);
    case FZ_TRIE_IMAGE_PAIRS:
      return ((gsize) 1 << bits) * sizeof (Edge);
    case FZ_TRIE_IMAGE_FILTER:
    default:
      return filter_size (bits);
    }
}

FzTrie *
_fz_trie_new_from_image (const FzTrieImage *image)
{
  FzTrie *self = g_new0 (FzTrie, 1);

  g_mutex_init (&self->lock);
  self->borrowed = TRUE;
  self->cells = (guint32 *) image->cells;
  self->n_cells = image->n_cells;
  self->root = (guint32 *) image->root;
  self->pairs.slots = (Edge *) image->pairs;
  self->pairs.bits = image->pairs_bits;
  self->pairs.n = image->n_pairs;
  self->filter = (guint64 *) image->filter;
  self->filter_bits = image->filter_bits;
  return self;
}

/* Whether every count, value and offset of @image lies within it, so that no walk can leave its
 * arrays: an image is a file, and files get damaged. Values are numbers up to @max_value. */
gboolean
_fz_trie_image_is_sound (const FzTrieImage *image,
                         guint64            max_value)
{
  const guint32 *cells = image->cells;
  const Edge *pairs = image->pairs;
  gsize n = image->n_cells, n_slots = (gsize) 1 << image->pairs_bits, n_free = 0;
  g_autofree guint64 *starts = NULL;
  gboolean sound = TRUE;

  if (n < NODE_CELLS || n >= NO_NODE || image->filter_bits != image->pairs_bits + 3)
    return FALSE;
  /* Nodes lie one after another from the root; an offset must lead to the start of one. */
  starts = g_new0 (guint64, n / 64 + 1);
  for (gsize at = 0; at < n;)
    {
      gsize kids = cells[at];

      if (kids > (n - at - NODE_CELLS) / 2 ||
          GPOINTER_TO_SIZE (cells_value (cells, (guint32) at)) > max_value)
        return FALSE;
      starts[at / 64] |= G_GUINT64_CONSTANT (1) << (at % 64);
      at += NODE_CELLS + 2 * kids;
    }
#define IS_NODE(o) ((o) < n && (starts[(o) / 64] >> ((o) % 64) & 1))
  for (gsize at = 0; sound && at < n; at += NODE_CELLS + 2 * cells[at])
    for (gsize k = 0; k < cells[at]; k++)
      sound &= IS_NODE (cells[at + NODE_CELLS + 2 * k + 1]);
  for (gunichar c = 0; c < N_ROOT; c++)
    sound &= image->root[c] == NO_NODE || IS_NODE (image->root[c]);
  /* A probe stops at a free slot: there must be one. */
  for (gsize i = 0; i < n_slots; i++)
    if (pairs[i].from == 0)
      n_free++;
    else
      sound &= IS_NODE (pairs[i].child);
#undef IS_NODE
  return sound && n_free > 0;
}
