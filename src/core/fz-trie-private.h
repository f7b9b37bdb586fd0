/* fz-trie-private.h: words by their characters, for the longest match at a place of a text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The gazetteer's names and the lexicon's triggers, keyed by code point: a scan walks the text
 * once from each place instead of hashing every length of key it might match.  Built while
 * its owner is built, then only read, so threads may share it. */
typedef struct _FzTrie FzTrie;

FzTrie  *_fz_trie_new      (void);
void     _fz_trie_free     (FzTrie         *self);
/* Makes room for about @n_nodes characters of words and @n_pairs distinct first pairs, so that
 * a large trie is not grown step by step as it is filled. */
void     _fz_trie_reserve  (FzTrie         *self,
                            guint           n_nodes,
                            guint           n_pairs);
/* Sets @value (not NULL) for @word, valid UTF-8; a word already there takes the new value. */
void     _fz_trie_insert   (FzTrie         *self,
                            const char     *word,
                            gpointer        value);
/* The longest word of at least @min_chars characters that stands at @pos[@j] in the compact
 * text (@chars at the @n_pos places @pos), its value in @value; 0 when there is none. */
guint    _fz_trie_longest  (const FzTrie   *self,
                            const gunichar *chars,
                            const guint32  *pos,
                            guint           n_pos,
                            guint           j,
                            guint           min_chars,
                            gpointer       *value);

/* The filter of first pairs, for a scan that passes over places without a call: a word of two
 * characters or more can stand only where fz_trie_pair_filter_may () says so. It changes when
 * words are inserted. */
typedef struct
{
  const guint64 *bits;
  guint          shift;
} FzTriePairFilter;

void     _fz_trie_get_pair_filter (const FzTrie     *self,
                                   FzTriePairFilter *filter);

static inline guint32
_fz_trie_pair_bit (gunichar a,
                   gunichar b,
                   guint    shift)
{
  return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u)) >> shift;
}

static inline gboolean
_fz_trie_pair_filter_may (const FzTriePairFilter *filter,
                          gunichar                a,
                          gunichar                b)
{
  guint32 bit = _fz_trie_pair_bit (a, b, filter->shift);

  return (filter->bits[bit >> 6] & (G_GUINT64_CONSTANT (1) << (bit & 63))) != 0;
}

/* A compiled trie as flat arrays, to be written to a file and mapped back: the values must be
 * numbers, not pointers (the gazetteer's are indices). */
typedef struct
{
  const guint32 *cells;
  gsize          n_cells;
  const guint32 *root;
  gconstpointer  pairs;
  guint          pairs_bits;
  guint          n_pairs;
  const guint64 *filter;
  guint          filter_bits;
} FzTrieImage;

typedef enum
{
  FZ_TRIE_IMAGE_ROOT,
  FZ_TRIE_IMAGE_PAIRS,
  FZ_TRIE_IMAGE_FILTER
} FzTrieImagePart;

/* Compiles the trie if a walk has not yet, and points @image at its arrays. */
void     _fz_trie_get_image      (const FzTrie      *self,
                                  FzTrieImage       *image);
/* The bytes of the root array, or of the table of pairs or the filter of @bits bits. */
gsize    _fz_trie_image_size     (FzTrieImagePart    part,
                                  guint              bits);
/* A trie reading @image's arrays in place, which must outlive it; a word inserted later copies
 * them first. */
FzTrie  *_fz_trie_new_from_image (const FzTrieImage *image);
gboolean _fz_trie_image_is_sound (const FzTrieImage *image,
                                  guint64            max_value);

G_END_DECLS
