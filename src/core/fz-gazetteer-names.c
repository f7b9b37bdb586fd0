/* fz-gazetteer-names.c: the gazetteer's table of names, sized once for the load and probed in
 * place. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-gazetteer-private.h"

#include <string.h>

/* Eight bytes at a time: a name has three bytes a character, and a GHashTable hashed each
 * name byte by byte twice (to look it up, then to insert it) and grew step by step. */
static inline guint32
name_hash (const char *s,
           gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ len;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, s + i, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
      h ^= h >> 31;
    }
  /* The last bytes: eight that overlap those read, or four and four, or one by one. */
  if (i < len)
    {
      guint64 w = 0;

      if (len >= 8)
        memcpy (&w, s + len - 8, 8);
      else if (len >= 4)
        {
          guint32 a, b;

          memcpy (&a, s, 4);
          memcpy (&b, s + len - 4, 4);
          w = ((guint64) a << 32) | b;
        }
      else
        for (; i < len; i++)
          w = (w << 8) | (guchar) s[i];
      h = (h ^ w) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
      h ^= h >> 31;
    }
  h *= G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return (guint32) (h >> 32);
}

static inline gsize
first_slot (guint32 hash,
            guint   bits)
{
  return hash >> (32 - bits);
}

/* The slot of the name hashed @hash: its own, or the free one where it would go. */
static NameSlot *
find_slot (FzGazetteer *self,
           const char  *name,
           guint32      hash)
{
  gsize mask = ((gsize) 1 << self->name_bits) - 1;

  for (gsize i = first_slot (hash, self->name_bits);; i = (i + 1) & mask)
    {
      NameSlot *s = &self->name_slots[i];

      if (s->index == 0)
        return s;
      if (s->hash == hash &&
          strcmp (g_array_index (self->entries, NameEntry, s->index - 1).name, name) == 0)
        return s;
    }
}

static inline gboolean
has_room (guint bits,
          gsize n_names)
{
  return n_names * 3 <= ((gsize) 2 << bits);
}

/* Room for @n_names with the slots at most two-thirds full, so that probes stay short. */
void
_fz_gazetteer_reserve_names (FzGazetteer *self,
                             guint        n_names)
{
  g_autofree NameSlot *old = NULL;
  gsize n_old = (gsize) 1 << self->name_bits;
  guint bits = MAX (self->name_bits, 4);
  gsize mask;

  _fz_gazetteer_own_slots (self);
  while (!has_room (bits, n_names))
    bits++;
  if (self->name_slots != NULL && bits == self->name_bits)
    return;
  old = g_steal_pointer (&self->name_slots);
  if (old == NULL)
    n_old = 0;
  self->name_bits = bits;
  self->name_slots = g_new0 (NameSlot, (gsize) 1 << bits);
  mask = ((gsize) 1 << bits) - 1;
  for (gsize i = 0; i < n_old; i++)
    if (old[i].index != 0)
      {
        gsize j = first_slot (old[i].hash, bits);

        while (self->name_slots[j].index != 0)
          j = (j + 1) & mask;
        self->name_slots[j] = old[i];
      }
}

/* The slot of @name (@len bytes), with room for one more name: a free slot (index 0, its hash
 * set) is where the caller adds it. */
NameSlot *
_fz_gazetteer_name_slot (FzGazetteer *self,
                         const char  *name,
                         gsize        len)
{
  guint32 hash = name_hash (name, len);
  NameSlot *slot;

  /* The slot is written: an image's table is copied first. */
  _fz_gazetteer_own_slots (self);
  if (self->name_slots == NULL || !has_room (self->name_bits, (gsize) self->n_entries + 1))
    _fz_gazetteer_reserve_names (self, self->n_entries + 1);
  slot = find_slot (self, name, hash);
  slot->hash = hash;
  return slot;
}

NameEntry *
_fz_gazetteer_entry (FzGazetteer *self,
                     const char  *name)
{
  guint32 hash;
  const NameSlot *slot;

  if (self->name_slots == NULL)
    return NULL;
  hash = name_hash (name, strlen (name));
  slot = find_slot (self, name, hash);
  return slot->index != 0 ? &g_array_index (self->entries, NameEntry, slot->index - 1) : NULL;
}
