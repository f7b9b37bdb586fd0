/* fz-decisions-anchor.c: anchoring a decision to its text and finding it again after the
 * file changed: exact offsets, then quote and context, then the quote alone if unique. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-decisions-private.h"

#include <string.h>

/* Context that must agree, in characters, before a quote found several times is trusted. */
#define MIN_CONTEXT 4

void
_fz_anchor_clear (FzAnchor *anchor)
{
  g_clear_pointer (&anchor->quote, g_free);
  g_clear_pointer (&anchor->prefix, g_free);
  g_clear_pointer (&anchor->suffix, g_free);
}

void
_fz_anchor_copy (FzAnchor       *dest,
                 const FzAnchor *src)
{
  dest->start = src->start;
  dest->end = src->end;
  dest->quote = g_strdup (src->quote);
  dest->prefix = g_strdup (src->prefix);
  dest->suffix = g_strdup (src->suffix);
}

/* The byte @n code points on from @p, or NULL past @end. */
static const char *
skip_chars (const char *p,
            const char *end,
            guint32     n)
{
  for (guint32 i = 0; i < n; i++)
    {
      if (p >= end)
        return NULL;
      p = g_utf8_next_char (p);
    }
  return p <= end ? p : NULL;
}

gboolean
_fz_anchor_init (FzAnchor   *anchor,
                 const char *text,
                 gsize       len,
                 guint32     start,
                 guint32     end)
{
  const char *text_end = text + len;
  const char *p = skip_chars (text, text_end, start);
  const char *q = p != NULL && end >= start ? skip_chars (p, text_end, end - start) : NULL;
  const char *before, *after;

  if (q == NULL)
    return FALSE;
  before = p;
  for (guint i = 0; i < FZ_ANCHOR_CONTEXT && before > text; i++)
    before = g_utf8_find_prev_char (text, before);
  after = q;
  for (guint i = 0; i < FZ_ANCHOR_CONTEXT && after < text_end; i++)
    after = g_utf8_next_char (after);
  _fz_anchor_clear (anchor);
  anchor->start = start;
  anchor->end = end;
  anchor->quote = g_strndup (p, q - p);
  anchor->prefix = g_strndup (before, p - before);
  anchor->suffix = g_strndup (q, MIN (after, text_end) - q);
  return TRUE;
}

/* How many characters before @at agree with the end of @prefix, and after @at + @qn with the
 * start of @suffix. */
static glong
context_score (const gunichar *text,
               glong           n,
               glong           at,
               glong           qn,
               const gunichar *prefix,
               glong           pn,
               const gunichar *suffix,
               glong           sn)
{
  glong score = 0;

  for (glong i = 1; i <= pn && at - i >= 0 && text[at - i] == prefix[pn - i]; i++)
    score++;
  for (glong i = 0; i < sn && at + qn + i < n && text[at + qn + i] == suffix[i]; i++)
    score++;
  return score;
}

typedef struct
{
  glong found;   /* best position, -1 when none */
  glong score;
  glong n_occurrences;
  gboolean tied;
} Search;

static void
search_quote (const FzAnchor *anchor,
              const gunichar *text,
              glong           n,
              const gunichar *quote,
              glong           qn,
              Search         *search)
{
  glong pn = 0, sn = 0;
  g_autofree gunichar *prefix = g_utf8_to_ucs4_fast (anchor->prefix ? anchor->prefix : "", -1,
                                                     &pn);
  g_autofree gunichar *suffix = g_utf8_to_ucs4_fast (anchor->suffix ? anchor->suffix : "", -1,
                                                     &sn);

  *search = (Search) { -1, -1, 0, FALSE };
  for (glong i = 0; i + qn <= n; i++)
    {
      glong score;

      if (text[i] != quote[0] || memcmp (text + i, quote, qn * sizeof (gunichar)) != 0)
        continue;
      search->n_occurrences++;
      score = context_score (text, n, i, qn, prefix, pn, suffix, sn);
      if (score > search->score)
        *search = (Search) { i, score, search->n_occurrences, FALSE };
      else if (score == search->score)
        search->tied = TRUE;
    }
}

gboolean
_fz_anchor_locate (const FzAnchor *anchor,
                   const gunichar *text,
                   glong           n,
                   guint32        *start,
                   guint32        *end)
{
  glong qn = 0;
  g_autofree gunichar *quote = g_utf8_to_ucs4_fast (anchor->quote ? anchor->quote : "", -1, &qn);
  Search search;

  if (anchor->end <= n && anchor->end >= anchor->start && anchor->end - anchor->start == qn &&
      memcmp (text + anchor->start, quote, qn * sizeof (gunichar)) == 0)
    {
      *start = anchor->start;
      *end = anchor->end;
      return TRUE;
    }
  if (qn == 0)
    return FALSE;
  search_quote (anchor, text, n, quote, qn, &search);
  if (search.found < 0)
    return FALSE;
  /* Context picks among several occurrences only when it agrees, and without a tie. */
  if (search.n_occurrences > 1 && (search.score < MIN_CONTEXT || search.tied))
    return FALSE;
  *start = (guint32) search.found;
  *end = (guint32) (search.found + qn);
  return TRUE;
}

static char *
ucs4_to_utf8 (const gunichar *text,
              glong           n)
{
  char *s = g_ucs4_to_utf8 (text, n, NULL, NULL, NULL);

  return s != NULL ? s : g_strdup ("");
}

void
_fz_anchor_set_ucs4 (FzAnchor       *anchor,
                     const gunichar *text,
                     glong           n,
                     guint32         start,
                     guint32         end)
{
  glong before = MAX (0, (glong) start - FZ_ANCHOR_CONTEXT);
  glong after = MIN (n, (glong) end + FZ_ANCHOR_CONTEXT);

  g_return_if_fail (start <= end && end <= n);
  _fz_anchor_clear (anchor);
  anchor->start = start;
  anchor->end = end;
  anchor->quote = ucs4_to_utf8 (text + start, end - start);
  anchor->prefix = ucs4_to_utf8 (text + before, start - before);
  anchor->suffix = ucs4_to_utf8 (text + end, after - end);
}
