/* fz-gazetteer-scan.c: places by id, code and name, and the scan for place names in a text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-gazetteer-private.h"
#include "fz-text-private.h"

#include <string.h>

guint
fz_gazetteer_get_n (FzGazetteer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->places->len;
}

static const Place *
get_place (FzGazetteer *self,
           guint32      id)
{
  if (self == NULL || id >= self->places->len)
    return NULL;
  return &g_array_index (self->places, Place, id);
}

gint64
fz_gazetteer_get_code (FzGazetteer *self,
                       guint32      id)
{
  const Place *p = get_place (self, id);

  return p != NULL ? p->code : 0;
}

/* Zones have no code of their own: they take the code of the division holding them. */
gint64
fz_gazetteer_get_nearest_code (FzGazetteer *self,
                               guint32      id)
{
  for (const Place *p = get_place (self, id); p != NULL; p = get_place (self, p->parent))
    if (p->code != 0)
      return p->code;
  return 0;
}

guint32
fz_gazetteer_get_parent (FzGazetteer *self,
                         guint32      id)
{
  const Place *p = get_place (self, id);

  return p != NULL ? p->parent : FZ_GAZETTEER_NONE;
}

guint
fz_gazetteer_get_level (FzGazetteer *self,
                        guint32      id)
{
  const Place *p = get_place (self, id);

  return p != NULL ? p->level : 0;
}

FzPlaceType
fz_gazetteer_get_place_type (FzGazetteer *self,
                             guint32      id)
{
  const Place *p = get_place (self, id);

  return p != NULL ? p->type : FZ_PLACE_GENERIC;
}

const char *
fz_gazetteer_get_name (FzGazetteer *self,
                       guint32      id)
{
  const Place *p = get_place (self, id);

  return p != NULL ? p->name : NULL;
}

char *
fz_gazetteer_dup_full_name (FzGazetteer *self,
                            guint32      id)
{
  const char *parts[8];
  guint n = 0;
  GString *s;

  for (const Place *p = get_place (self, id); p != NULL && n < G_N_ELEMENTS (parts);
       p = get_place (self, p->parent))
    parts[n++] = p->name;
  if (n == 0)
    return NULL;
  s = g_string_new (NULL);
  while (n > 0)
    g_string_append (s, parts[--n]);
  return g_string_free (s, FALSE);
}

guint32
fz_gazetteer_rollup (FzGazetteer *self,
                     guint32      id,
                     guint        level)
{
  for (const Place *p = get_place (self, id); p != NULL; p = get_place (self, p->parent))
    {
      if (p->level == level)
        return id;
      if (p->level < level)
        break;
      id = p->parent;
    }
  return FZ_GAZETTEER_NONE;
}

gboolean
fz_gazetteer_is_within (FzGazetteer *self,
                        guint32      id,
                        guint32      ancestor)
{
  for (guint depth = 0; id != FZ_GAZETTEER_NONE && depth < 8; depth++)
    {
      if (id == ancestor)
        return TRUE;
      id = fz_gazetteer_get_parent (self, id);
    }
  return FALSE;
}

guint32
fz_gazetteer_common_ancestor (FzGazetteer *self,
                              guint32      a,
                              guint32      b)
{
  for (guint depth = 0; a != FZ_GAZETTEER_NONE && depth < 8; depth++)
    {
      if (fz_gazetteer_is_within (self, b, a))
        return a;
      a = fz_gazetteer_get_parent (self, a);
    }
  return FZ_GAZETTEER_NONE;
}

guint32
fz_gazetteer_lookup_code (FzGazetteer *self,
                          gint64       code)
{
  const CodeSlot *slot;

  g_return_val_if_fail (self != NULL, FZ_GAZETTEER_NONE);
  if (code <= 0)
    return FZ_GAZETTEER_NONE;
  slot = _fz_gazetteer_code_slot (self, code);
  return slot != NULL ? slot->id - 1 : FZ_GAZETTEER_NONE;
}

/* The candidates of @entry, the first read from the entry itself. */
static guint
collect (FzGazetteer     *self,
         const NameEntry *entry,
         guint32         *ids,
         guint8          *is_short,
         guint            max_ids)
{
  guint n = 0;

  if (max_ids == 0)
    return 0;
  ids[n] = entry->head_id;
  if (is_short != NULL)
    is_short[n] = entry->head_short;
  n++;
  for (guint32 i = entry->after_head; i != FZ_GAZETTEER_NONE && n < max_ids;
       i = g_array_index (self->candidates, Candidate, i).next)
    {
      const Candidate *c = &g_array_index (self->candidates, Candidate, i);
      ids[n] = c->id;
      if (is_short != NULL)
        is_short[n] = c->is_short;
      n++;
    }
  return n;
}

guint
fz_gazetteer_lookup_name (FzGazetteer *self,
                          const char  *name,
                          guint32     *ids,
                          guint        max_ids)
{
  const NameEntry *entry;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  entry = _fz_gazetteer_entry (self, name);
  if (entry == NULL)
    return 0;
  return collect (self, entry, ids, NULL, max_ids);
}


/* A name found and not yet reported: where it starts, how long it is, its entry. */
typedef struct
{
  guint    j;
  guint    found;
  guint32  entry;
} Found;

/* Names are reported in batches: their entries and lists of candidates lie at random in
 * megabytes, and asking for them a few names ahead lets their reads overlap instead of each
 * waiting in turn. */
#define BATCH 64

/* One scan: the text as characters, the places of those that are not white
 * space, and room for the candidates of one mention. */
typedef struct
{
  FzGazetteer         *self;
  const gunichar      *chars;
  const guint32       *pos;
  guint                n_pos;
  FzGazetteerScanFunc  func;
  gpointer             user_data;
  Found                batch[BATCH];
  guint                n_batch;
  guint32              ids[MAX_CANDIDATES];
  guint8               shorts[MAX_CANDIDATES];
} GazScan;

static inline const NameEntry *
entry_of (const GazScan *s,
          guint32        index)
{
  return &g_array_index (s->self->entries, NameEntry, index);
}

static inline void
report_mention (GazScan         *s,
                guint            j,
                guint            found,
                const NameEntry *entry)
{
  FzPlaceMention m;

  m.start = s->pos[j];
  m.end = s->pos[j + found - 1] + 1;
  m.name = entry->name;
  m.n_ids = collect (s->self, entry, s->ids, s->shorts, MAX_CANDIDATES);
  m.ids = s->ids;
  m.is_short = s->shorts;
  m.is_generic = entry->generic;
  s->func (&m, s->user_data);
}

/* Reports the names found so far, in the order found. */
static void
flush (GazScan *s)
{
  for (guint i = 0; i < s->n_batch; i++)
    {
      const Found *f = &s->batch[i];

      /* The entry two names on was asked for when it was found: its list can be asked for. */
      if (i + 2 < s->n_batch)
        {
          const NameEntry *ahead = entry_of (s, s->batch[i + 2].entry);

          if (ahead->after_head != FZ_GAZETTEER_NONE)
            __builtin_prefetch (&g_array_index (s->self->candidates, Candidate,
                                                ahead->after_head));
        }
      report_mention (s, f->j, f->found, entry_of (s, f->entry));
    }
  s->n_batch = 0;
}

/* Notes the longest name at position @j, which some name may start at; returns the positions
 * to move on. */
static inline guint
scan_at (GazScan *s,
         guint    j)
{
  gpointer value = NULL;
  guint found;
  Found *f;

  found = _fz_trie_longest (s->self->trie, s->chars, s->pos, s->n_pos, j, 2, &value);
  if (found == 0)
    return 1;
  if (s->n_batch == BATCH)
    flush (s);
  f = &s->batch[s->n_batch++];
  f->j = j;
  f->found = found;
  f->entry = GPOINTER_TO_UINT (value) - 1;
  __builtin_prefetch (entry_of (s, f->entry));
  return found;
}

/* Longest match at each position in one pass: the trie follows the text from each place only
 * as far as some name does, so most positions cost one probe.
 * White space inside a name is skipped (PDF layout spaces characters out). */
void
_fz_gazetteer_scan_compact (FzGazetteer         *self,
                            const gunichar      *chars,
                            const guint32       *pos,
                            guint                n_pos,
                            FzGazetteerScanFunc  func,
                            gpointer             user_data)
{
  GazScan s;
  const guint8 *bits = self->first_bits;
  FzTriePairFilter pairs;

  s.self = self;
  s.chars = chars;
  s.pos = pos;
  s.n_pos = n_pos;
  s.func = func;
  s.user_data = user_data;
  s.n_batch = 0;
  _fz_trie_get_pair_filter (self->trie, &pairs);
  /* Names have two characters or more: the last place starts none. A bit says, without a
   * walk, that no name starts with a character, and a filter of first pairs rules out most of
   * the rest. Both are read for 64 places at a time into a mask, without a branch: whether a
   * place passes is a coin toss the processor would guess wrong a third of the time. */
  for (guint base = 0, next = 0; base + 1 < n_pos; base += 64)
    {
      guint n = MIN (64u, n_pos - 1 - base);
      guint64 may = 0;

      for (guint k = 0; k < n; k++)
        {
          gunichar c = chars[pos[base + k]];
          guint first = c < 0x10000 ? (bits[c >> 3] >> (c & 7)) & 1u : 1u;

          may |= (guint64) (first & (guint) _fz_trie_pair_filter_may (&pairs, c,
                                                                       chars[pos[base + k + 1]]))
                 << k;
        }
      /* A name found hides the places inside it. */
      for (; may != 0; may &= may - 1)
        {
          guint j = base + (guint) __builtin_ctzll (may);

          if (j >= next)
            next = j + scan_at (&s, j);
        }
    }
  flush (&s);
}

void
fz_gazetteer_scan (FzGazetteer         *self,
                   const char          *text,
                   gssize               len,
                   FzGazetteerScanFunc  func,
                   gpointer             user_data)
{
  g_autofree gunichar *chars = NULL;
  g_autofree guint32 *pos = NULL;
  guint n_pos = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);
  if (text == NULL)
    return;

  chars = _fz_text_compact (text, len, &pos, &n_pos);
  _fz_gazetteer_scan_compact (self, chars, pos, n_pos, func, user_data);
}
