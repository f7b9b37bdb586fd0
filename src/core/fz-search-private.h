/* fz-search-private.h: the search in a sorted list that the analysis makes for every figure. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The index of the first of @n items, @size bytes apart from @base, whose guint32 key at
 * @offset is at or after @pos (the keys ascending); @n when none is. Inline with the size
 * and offset known. It halves without a branch: which half holds the place is a coin toss at
 * each step, and a conditional move costs less than a wrong guess. */
static inline guint
_fz_search_first_from (gconstpointer base,
                       gsize         size,
                       gsize         offset,
                       guint         n,
                       guint32       pos)
{
  const guint8 *at;

  /* An empty list may have no storage at all: not even a zero offset is added to NULL. */
  if (n == 0)
    return 0;
  at = (const guint8 *) base + offset;
  while (n > 1)
    {
      guint half = n / 2;
      const guint8 *mid = at + (gsize) half * size;

      at = *(const guint32 *) (gconstpointer) mid < pos ? mid : at;
      n -= half;
    }
  return (guint) ((gsize) (at - ((const guint8 *) base + offset)) / size) +
         (*(const guint32 *) (gconstpointer) at < pos);
}

/* The number of items whose key is at or before @pos. */
static inline guint
_fz_search_n_up_to (gconstpointer base,
                    gsize         size,
                    gsize         offset,
                    guint         n,
                    guint32       pos)
{
  if (pos == G_MAXUINT32)
    return n;
  return _fz_search_first_from (base, size, offset, n, pos + 1);
}

G_END_DECLS
