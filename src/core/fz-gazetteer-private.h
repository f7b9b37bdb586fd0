/* fz-gazetteer-private.h: the flat tables of a gazetteer, shared by its loading and lookup
 * files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-gazetteer.h"
#include "fz-trie-private.h"

G_BEGIN_DECLS

/* Names longer than this are not matched; the longest division name has 19. */
#define MAX_NAME_CHARS 24
#define MAX_CANDIDATES 256

typedef struct
{
  gint64       code;
  const char  *name;
  guint32      parent;
  guint8       level;
  guint8       type;
} Place;

typedef struct
{
  guint32 id;
  guint32 next;      /* next candidate of the same name, or FZ_GAZETTEER_NONE */
  guint8  is_short;
} Candidate;

/* One name the gazetteer knows: what a scan needs of it, reached from the trie without
 * hashing the name again. */
typedef struct
{
  const char *name;        /* the key in names */
  guint32     head;        /* its first candidate */
  /* A copy of the first candidate and where the list goes on: most names name one place, and
   * a scan that finds one then reads nothing from the list of candidates (a wait for memory). */
  guint32     head_id;
  guint32     after_head;
  guint8      head_short;
  guint8      generic;     /* the name of a FZ_PLACE_GENERIC place */
} NameEntry;

/* A slot of the table of names: the name's hash beside its index in entries + 1 (0 when the
 * slot is free), so that a probe compares strings only when the hashes agree. */
typedef struct
{
  guint32 hash;
  guint32 index;
} NameSlot;

/* A slot of the table of codes: a division's code and its id + 1 (0 when the slot is free). */
typedef struct
{
  gint64  code;
  guint32 id;
  guint32 unused;
} CodeSlot;

struct _FzGazetteer
{
  gatomicrefcount  ref;
  char            *data;        /* the TSV, cut in place: names point into it */
  GStringChunk    *strings;     /* short forms and alias names */
  GArray          *places;      /* Place */
  GArray          *candidates;  /* Candidate; while divisions are added, room after the first
                                 * n_candidates, the ones added */
  guint            n_candidates;
  NameSlot        *name_slots;  /* name -> its index in entries + 1, by open addressing */
  guint            name_bits;   /* log2 of the number of slots */
  GArray          *entries;     /* NameEntry, likewise */
  guint            n_entries;
  CodeSlot        *code_slots;  /* code -> id + 1, by open addressing */
  guint            code_bits;
  FzTrie          *trie;        /* the names the scan matches -> their index in entries + 1 */
  guint8           first_bits[0x10000 / 8];  /* the first characters of the BMP's names */
  /* Read from an image (fz-gazetteer-image.c): the tables of names and codes and the trie lie
   * in it, and the names of places and entries point into it. */
  GMappedFile     *image;
  gboolean         slots_borrowed;
};

/* The getters inline, for the attribution, which asks them for every ancestor of every
 * candidate of every mention. */
static inline const Place *
_fz_gazetteer_place (FzGazetteer *self,
                     guint32      id)
{
  return id < self->places->len ? &g_array_index (self->places, Place, id) : NULL;
}

static inline guint32
_fz_gazetteer_parent (FzGazetteer *self,
                      guint32      id)
{
  const Place *p = _fz_gazetteer_place (self, id);

  return p != NULL ? p->parent : FZ_GAZETTEER_NONE;
}

static inline guint
_fz_gazetteer_level (FzGazetteer *self,
                     guint32      id)
{
  const Place *p = _fz_gazetteer_place (self, id);

  return p != NULL ? p->level : 0;
}

static inline FzPlaceType
_fz_gazetteer_place_type (FzGazetteer *self,
                          guint32      id)
{
  const Place *p = _fz_gazetteer_place (self, id);

  return p != NULL ? p->type : FZ_PLACE_GENERIC;
}

void      _fz_gazetteer_add_name         (FzGazetteer  *self,
                                          const char   *name,
                                          guint32       id,
                                          gboolean      is_short);
void      _fz_gazetteer_add_place_names  (FzGazetteer  *self,
                                          guint32       id);
NameEntry *_fz_gazetteer_entry           (FzGazetteer  *self,
                                          const char   *name);
void      _fz_gazetteer_reserve_names    (FzGazetteer  *self,
                                          guint         n_names);
NameSlot *_fz_gazetteer_name_slot        (FzGazetteer  *self,
                                          const char   *name,
                                          gsize         len);
gboolean  _fz_gazetteer_is_common_word  (const char   *s,
                                          gsize         len);
gboolean  _fz_gazetteer_short_form      (const char   *name,
                                          gsize         len,
                                          guint         level,
                                          char         *out,
                                          gsize         out_size,
                                          gsize        *out_len);
gboolean  _fz_gazetteer_parse_error      (GError      **error,
                                          const char   *origin,
                                          guint         line_no,
                                          const char   *what);
gboolean  _fz_gazetteer_parse_code       (const char   *s,
                                          gint64       *code);
void      _fz_gazetteer_own_slots        (FzGazetteer  *self);
/* The gazetteer of the file at @path, read into @data (@len bytes, NUL after them), which it
 * takes. */
FzGazetteer *_fz_gazetteer_new_from_contents (const char *path,
                                          char         *data,
                                          gsize         len,
                                          GError      **error);
/* The gazetteer as an image at @path (fz-gazetteer-image.c), and back: NULL and @error when the
 * file is missing, damaged, or its key is not @key. */
gboolean  _fz_gazetteer_write_image      (FzGazetteer  *self,
                                          const char   *path,
                                          guint64       key,
                                          GError      **error);
FzGazetteer *_fz_gazetteer_new_from_image (const char  *path,
                                          guint64       key,
                                          GError      **error);
/* Whether @self was read from an image; and, for tests, an image's checksum made anew after
 * its bytes were changed, its key in @key. */
gboolean  _fz_gazetteer_is_mapped        (FzGazetteer  *self);
gboolean  _fz_gazetteer_reseal_image     (const char   *path,
                                          guint64      *key,
                                          GError      **error);
FzGazetteer *_fz_gazetteer_new_empty    (void);
void      _fz_gazetteer_reserve_codes    (FzGazetteer  *self,
                                          guint         n_codes);
/* The slot of @code: its own, or the free one where it would go. */
CodeSlot *_fz_gazetteer_code_slot        (FzGazetteer  *self,
                                          gint64        code);

G_END_DECLS
