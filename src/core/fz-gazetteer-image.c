/* fz-gazetteer-image.c: a built gazetteer written to a file and mapped back, so that a run starts without building it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-gazetteer-private.h"

#include "fz-error.h"
#include "fz-source-key.h"

#include <glib/gstdio.h>
#include <string.h>

/* Building the gazetteer from its files takes most of a short run's time: 140 million
 * instructions and four thousand pages of fresh memory, against a few milliseconds to map an
 * image. The image's key is a hash of the code (FZ_SOURCE_KEY) and of every file the gazetteer
 * was built from, so that a changed file or a new version builds and writes it anew. */

#define IMAGE_MAGIC "FZGAZIM1"
#define BYTE_ORDER_MARK 0x01020304u

enum
{
  PART_POOL,
  PART_PLACES,
  PART_CANDIDATES,
  PART_ENTRIES,
  PART_NAME_SLOTS,
  PART_CODE_SLOTS,
  PART_FIRST_BITS,
  PART_CELLS,
  PART_ROOT,
  PART_PAIRS,
  PART_FILTER,
  N_PARTS
};

typedef struct
{
  char    magic[8];
  guint32 byte_order;
  guint32 pointer_size;
  guint64 key;
  guint64 checksum;    /* of the bytes after the header */
  guint64 size;        /* the bytes after the header */
  guint32 n_places;
  guint32 n_candidates;
  guint32 n_entries;
  guint32 name_bits;
  guint32 code_bits;
  guint32 pairs_bits;
  guint32 n_pairs;
  guint32 filter_bits;
  guint64 n_cells;
  guint64 pool_size;
  guint64 offsets[N_PARTS];  /* from the end of the header */
} Header;

/* Places, candidates and entries as written: names are offsets into the pool. */
typedef struct
{
  gint64  code;
  guint32 name;
  guint32 parent;
  guint8  level;
  guint8  type;
  guint8  unused[6];
} ImagePlace;

typedef struct
{
  guint32 id;
  guint32 next;
  guint8  is_short;
  guint8  unused[3];
} ImageCandidate;

typedef struct
{
  guint32 name;
  guint32 head;
  guint32 head_id;
  guint32 after_head;
  guint8  head_short;
  guint8  generic;
  guint8  unused[2];
} ImageEntry;

/* Four lanes of eight bytes, so that hashing megabytes is not one long chain of
 * multiplications. Not cryptographic: it tells a changed file, not a forged one. */
static guint64
hash_bytes (guint64       seed,
            gconstpointer data,
            gsize         len)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  const guchar *p = data;
  guint64 h[4] = { seed, seed ^ 1, seed ^ 2, seed ^ 3 };
  guint64 tail = 0;

  for (; len >= 32; p += 32, len -= 32)
    for (guint i = 0; i < 4; i++)
      {
        guint64 w;

        memcpy (&w, p + 8 * i, 8);
        h[i] = (h[i] ^ w) * k;
        h[i] ^= h[i] >> 29;
      }
  for (gsize i = 0; i < len; i++)
    tail = (tail << 8) ^ p[i] ^ (tail >> 56);
  h[0] ^= (h[1] * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9)) ^ (h[2] >> 17) ^
          (h[3] * G_GUINT64_CONSTANT (0x94D049BB133111EB)) ^ (tail * k) ^ len;
  h[0] ^= h[0] >> 31;
  return h[0] * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
}

static gsize
part_size (const Header *h,
           guint         part)
{
  switch (part)
    {
    case PART_POOL: return h->pool_size;
    case PART_PLACES: return (gsize) h->n_places * sizeof (ImagePlace);
    case PART_CANDIDATES: return (gsize) h->n_candidates * sizeof (ImageCandidate);
    case PART_ENTRIES: return (gsize) h->n_entries * sizeof (ImageEntry);
    case PART_NAME_SLOTS: return sizeof (NameSlot) << h->name_bits;
    case PART_CODE_SLOTS: return sizeof (CodeSlot) << h->code_bits;
    case PART_FIRST_BITS: return 0x10000 / 8;
    case PART_CELLS: return h->n_cells * sizeof (guint32);
    case PART_ROOT: return _fz_trie_image_size (FZ_TRIE_IMAGE_ROOT, 0);
    case PART_PAIRS: return _fz_trie_image_size (FZ_TRIE_IMAGE_PAIRS, h->pairs_bits);
    case PART_FILTER: default: return _fz_trie_image_size (FZ_TRIE_IMAGE_FILTER, h->filter_bits);
    }
}

/* ---- writing ---- */

typedef struct
{
  GString    *pool;
  GHashTable *offsets;   /* name -> its offset in the pool + 1 */
} Pool;

static guint32
pool_add (Pool       *pool,
          const char *name)
{
  guint32 offset = GPOINTER_TO_UINT (g_hash_table_lookup (pool->offsets, name));

  if (offset != 0)
    return offset - 1;
  offset = (guint32) pool->pool->len;
  g_string_append_len (pool->pool, name, strlen (name) + 1);
  g_hash_table_insert (pool->offsets, (gpointer) name, GUINT_TO_POINTER (offset + 1));
  return offset;
}

/* Appends @len bytes at an offset that is a multiple of 64, and notes where. */
static void
put_part (GByteArray    *out,
          Header        *h,
          guint          part,
          gconstpointer  data,
          gsize          len)
{
  static const guint8 zeros[64] = { 0 };
  gsize at = out->len - sizeof (Header);

  if (at % 64 != 0)
    {
      g_byte_array_append (out, zeros, 64 - at % 64);
      at = out->len - sizeof (Header);
    }
  h->offsets[part] = at;
  g_byte_array_append (out, data, len);
}

static GBytes *
make_image (FzGazetteer *self,
            guint64      key)
{
  Header h = { IMAGE_MAGIC, BYTE_ORDER_MARK, sizeof (gpointer), key };
  Pool pool = { g_string_new (NULL), g_hash_table_new (g_str_hash, g_str_equal) };
  GByteArray *out = g_byte_array_new ();
  g_autofree ImagePlace *places = g_new0 (ImagePlace, self->places->len + 1);
  g_autofree ImageCandidate *candidates = g_new0 (ImageCandidate, self->candidates->len + 1);
  g_autofree ImageEntry *entries = g_new0 (ImageEntry, self->entries->len + 1);
  FzTrieImage trie;

  _fz_trie_get_image (self->trie, &trie);
  for (guint i = 0; i < self->places->len; i++)
    {
      const Place *p = &g_array_index (self->places, Place, i);

      places[i] = (ImagePlace) { p->code, pool_add (&pool, p->name), p->parent, p->level, p->type };
    }
  for (guint i = 0; i < self->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (self->candidates, Candidate, i);

      candidates[i] = (ImageCandidate) { c->id, c->next, c->is_short };
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      const NameEntry *e = &g_array_index (self->entries, NameEntry, i);

      entries[i] = (ImageEntry) { pool_add (&pool, e->name), e->head, e->head_id, e->after_head,
                                  e->head_short, e->generic };
    }

  h.n_places = self->places->len;
  h.n_candidates = self->candidates->len;
  h.n_entries = self->entries->len;
  h.name_bits = self->name_bits;
  h.code_bits = self->code_bits;
  h.pairs_bits = trie.pairs_bits;
  h.n_pairs = trie.n_pairs;
  h.filter_bits = trie.filter_bits;
  h.n_cells = trie.n_cells;
  h.pool_size = pool.pool->len;

  g_byte_array_set_size (out, sizeof (Header));
  put_part (out, &h, PART_POOL, pool.pool->str, pool.pool->len);
  put_part (out, &h, PART_PLACES, places, part_size (&h, PART_PLACES));
  put_part (out, &h, PART_CANDIDATES, candidates, part_size (&h, PART_CANDIDATES));
  put_part (out, &h, PART_ENTRIES, entries, part_size (&h, PART_ENTRIES));
  put_part (out, &h, PART_NAME_SLOTS, self->name_slots, part_size (&h, PART_NAME_SLOTS));
  put_part (out, &h, PART_CODE_SLOTS, self->code_slots, part_size (&h, PART_CODE_SLOTS));
  put_part (out, &h, PART_FIRST_BITS, self->first_bits, part_size (&h, PART_FIRST_BITS));
  put_part (out, &h, PART_CELLS, trie.cells, part_size (&h, PART_CELLS));
  put_part (out, &h, PART_ROOT, trie.root, part_size (&h, PART_ROOT));
  put_part (out, &h, PART_PAIRS, trie.pairs, part_size (&h, PART_PAIRS));
  put_part (out, &h, PART_FILTER, trie.filter, part_size (&h, PART_FILTER));
  h.size = out->len - sizeof (Header);
  h.checksum = hash_bytes (key, out->data + sizeof (Header), h.size);
  memcpy (out->data, &h, sizeof h);

  g_string_free (pool.pool, TRUE);
  g_hash_table_unref (pool.offsets);
  return g_byte_array_free_to_bytes (out);
}

gboolean
_fz_gazetteer_write_image (FzGazetteer  *self,
                           const char   *path,
                           guint64       key,
                           GError      **error)
{
  g_autoptr(GBytes) image = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir,
                   g_strerror (saved));
      return FALSE;
    }
  image = make_image (self, key);
  /* Written beside and renamed: a run reading the image meanwhile sees the old one or this. */
  return g_file_set_contents_full (path, g_bytes_get_data (image, NULL), g_bytes_get_size (image),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* ---- reading ---- */

static gboolean
image_error (GError    **error,
             const char *path,
             const char *what)
{
  g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, "%s: %s", path, what);
  return FALSE;
}

static gboolean
check_header (const Header *h,
              gsize         len,
              guint64       key,
              const char   *path,
              GError      **error)
{
  gsize end = 0;

  if (len < sizeof (Header) || memcmp (h->magic, IMAGE_MAGIC, 8) != 0 ||
      h->byte_order != BYTE_ORDER_MARK || h->pointer_size != sizeof (gpointer))
    return image_error (error, path, "not a gazetteer image of this machine");
  if (h->key != key)
    return image_error (error, path, "made from other files or by another version");
  if (h->size != len - sizeof (Header))
    return image_error (error, path, "cut short");
  if (h->name_bits > 30 || h->code_bits > 30 || h->pairs_bits > 30 || h->filter_bits > 33 ||
      h->n_cells > G_MAXUINT32 || h->pool_size == 0)
    return image_error (error, path, "sizes out of range");
  for (guint part = 0; part < N_PARTS; part++)
    {
      if (h->offsets[part] % 8 != 0 || h->offsets[part] < end ||
          h->offsets[part] > h->size || part_size (h, part) > h->size - h->offsets[part])
        return image_error (error, path, "a part lies outside the image");
      end = h->offsets[part] + part_size (h, part);
    }
  return TRUE;
}

static gconstpointer
part_data (const Header *h,
           guint         part)
{
  return (const guint8 *) (h + 1) + h->offsets[part];
}

/* The lists of ids an image holds: each within its array, so that no walk leaves them. */
static gboolean
read_lists (FzGazetteer  *self,
            const Header *h,
            const char   *pool)
{
  const NameSlot *name_slots = part_data (h, PART_NAME_SLOTS);
  const CodeSlot *code_slots = part_data (h, PART_CODE_SLOTS);
  gsize n_free_names = 0, n_free_codes = 0;
  const ImagePlace *places = part_data (h, PART_PLACES);
  const ImageCandidate *candidates = part_data (h, PART_CANDIDATES);
  const ImageEntry *entries = part_data (h, PART_ENTRIES);

  g_array_set_size (self->places, h->n_places);
  for (guint i = 0; i < h->n_places; i++)
    {
      const ImagePlace *ip = &places[i];
      Place *p = &g_array_index (self->places, Place, i);

      if (ip->name >= h->pool_size ||
          (ip->parent != FZ_GAZETTEER_NONE && ip->parent >= h->n_places))
        return FALSE;
      *p = (Place) { ip->code, pool + ip->name, ip->parent, ip->level, ip->type };
    }
  g_array_set_size (self->candidates, h->n_candidates);
  for (guint i = 0; i < h->n_candidates; i++)
    {
      const ImageCandidate *ic = &candidates[i];

      /* A name's list runs to candidates added before: it cannot run in a circle. */
      if (ic->id >= h->n_places || (ic->next != FZ_GAZETTEER_NONE && ic->next >= i))
        return FALSE;
      g_array_index (self->candidates, Candidate, i) =
        (Candidate) { ic->id, ic->next, ic->is_short };
    }
  g_array_set_size (self->entries, h->n_entries);
  for (guint i = 0; i < h->n_entries; i++)
    {
      const ImageEntry *ie = &entries[i];

      if (ie->name >= h->pool_size || ie->head >= h->n_candidates || ie->head_id >= h->n_places ||
          (ie->after_head != FZ_GAZETTEER_NONE && ie->after_head >= h->n_candidates))
        return FALSE;
      g_array_index (self->entries, NameEntry, i) =
        (NameEntry) { pool + ie->name, ie->head, ie->head_id, ie->after_head, ie->head_short,
                      ie->generic };
    }
  self->n_candidates = h->n_candidates;
  self->n_entries = h->n_entries;
  /* A probe of either table stops at a free slot: there must be one. */
  for (gsize i = 0; i < (gsize) 1 << h->name_bits; i++)
    {
      if (name_slots[i].index > h->n_entries)
        return FALSE;
      n_free_names += name_slots[i].index == 0;
    }
  for (gsize i = 0; i < (gsize) 1 << h->code_bits; i++)
    {
      if (code_slots[i].id > h->n_places)
        return FALSE;
      n_free_codes += code_slots[i].id == 0;
    }
  return n_free_names > 0 && n_free_codes > 0;
}

FzGazetteer *
_fz_gazetteer_new_from_image (const char  *path,
                              guint64      key,
                              GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(FzGazetteer) self = NULL;
  const Header *h;
  const char *pool;
  gsize len;
  FzTrieImage trie;

  g_return_val_if_fail (path != NULL, NULL);
  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;
  len = g_mapped_file_get_length (file);
  h = (const Header *) g_mapped_file_get_contents (file);
  /* An empty file maps to no contents. */
  if (h == NULL)
    {
      image_error (error, path, "empty");
      return NULL;
    }
  if (!check_header (h, len, key, path, error))
    return NULL;
  pool = part_data (h, PART_POOL);
  if (hash_bytes (key, h + 1, h->size) != h->checksum || pool[h->pool_size - 1] != '\0')
    {
      image_error (error, path, "damaged");
      return NULL;
    }

  trie = (FzTrieImage) { part_data (h, PART_CELLS), h->n_cells, part_data (h, PART_ROOT),
                         part_data (h, PART_PAIRS), h->pairs_bits, h->n_pairs,
                         part_data (h, PART_FILTER), h->filter_bits };
  self = _fz_gazetteer_new_empty ();
  if (!read_lists (self, h, pool) || !_fz_trie_image_is_sound (&trie, h->n_entries))
    {
      image_error (error, path, "an index lies outside its list");
      return NULL;
    }
  self->name_slots = (NameSlot *) part_data (h, PART_NAME_SLOTS);
  self->name_bits = h->name_bits;
  self->code_slots = (CodeSlot *) part_data (h, PART_CODE_SLOTS);
  self->code_bits = h->code_bits;
  self->slots_borrowed = TRUE;
  memcpy (self->first_bits, part_data (h, PART_FIRST_BITS), sizeof self->first_bits);
  self->trie = _fz_trie_new_from_image (&trie);
  self->image = g_steal_pointer (&file);
  return g_steal_pointer (&self);
}

/* For the tests of damaged images: an image changed in place is given the checksum of its new
 * bytes, so that the loader's other checks are what stand between it and a walk. */
gboolean
_fz_gazetteer_reseal_image (const char  *path,
                            guint64     *key,
                            GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  Header h;

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  if (len < sizeof h)
    return image_error (error, path, "cut short");
  memcpy (&h, data, sizeof h);
  h.checksum = hash_bytes (h.key, data + sizeof h, len - sizeof h);
  memcpy (data, &h, sizeof h);
  *key = h.key;
  return g_file_set_contents (path, data, len, error);
}

gboolean
_fz_gazetteer_is_mapped (FzGazetteer *self)
{
  return self->image != NULL;
}

/* ---- the gazetteer of a data folder ---- */

typedef struct
{
  const char *path;
  char       *data;   /* NULL: the file is not there */
  gsize       len;
} Source;

static guint64
image_key (const Source *sources,
           guint         n)
{
  guint64 key = hash_bytes (0, FZ_SOURCE_KEY, strlen (FZ_SOURCE_KEY));

  for (guint i = 0; i < n; i++)
    /* A file that is missing and one that is empty differ. */
    key = hash_bytes (key ^ (sources[i].data != NULL ? sources[i].len + 1 : 0),
                      sources[i].data, sources[i].data != NULL ? sources[i].len : 0);
  return key;
}

static FzGazetteer *
build (Source  *sources,
       guint    n,
       GError **error)
{
  g_autoptr(FzGazetteer) self = NULL;

  self = _fz_gazetteer_new_from_contents (sources[0].path, g_steal_pointer (&sources[0].data),
                                          sources[0].len, error);
  if (self == NULL)
    return NULL;
  for (guint i = 1; i < n; i++)
    if (sources[i].data != NULL &&
        !fz_gazetteer_add_aliases_from_data (self, sources[i].data, sources[i].len,
                                             sources[i].path, error))
      return NULL;
  return g_steal_pointer (&self);
}

FzGazetteer *
fz_gazetteer_new_cached (const char         *path,
                         const char * const *aliases,
                         const char         *image,
                         GError            **error)
{
  guint n = 1 + (aliases != NULL ? g_strv_length ((char **) aliases) : 0);
  g_autofree Source *sources = g_new0 (Source, n);
  g_autoptr(GError) local = NULL;
  FzGazetteer *self = NULL;
  guint64 key;

  g_return_val_if_fail (path != NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      sources[i].path = i == 0 ? path : aliases[i - 1];
      if (i > 0 && !g_file_test (sources[i].path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!fz_file_get_contents (sources[i].path, &sources[i].data, &sources[i].len, error))
        goto out;
    }
  key = image_key (sources, n);
  if (image != NULL)
    {
      self = _fz_gazetteer_new_from_image (image, key, &local);
      if (self != NULL)
        goto out;
      g_debug ("Building the gazetteer: %s", local->message);
      g_clear_error (&local);
    }
  self = build (sources, n, error);
  /* Without an image the next run builds the gazetteer again, and nothing worse. */
  if (self != NULL && image != NULL && !_fz_gazetteer_write_image (self, image, key, &local))
    g_debug ("The gazetteer's image was not written: %s", local->message);
out:
  for (guint i = 0; i < n; i++)
    g_free (sources[i].data);
  return self;
}
