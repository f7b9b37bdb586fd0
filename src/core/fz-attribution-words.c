/* fz-attribution-words.c: sets of words decoded once, and whether a stretch of text holds one. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-attribution-private.h"

static void
word_set_compile (FzWordSet *set)
{
  g_assert (set->n_words <= FZ_WORD_SET_MAX_WORDS);
  for (guint w = 0; w < set->n_words; w++)
    {
      guint k = 0;

      for (const char *p = set->words[w]; *p != '\0'; p = g_utf8_next_char (p))
        {
          g_assert (k < FZ_WORD_SET_MAX_CHARS);
          set->chars[w][k++] = g_utf8_get_char (p);
        }
      set->len[w] = k;
      if (k > 0)
        set->first[(set->chars[w][0] & 4095) >> 6] |=
          G_GUINT64_CONSTANT (1) << (set->chars[w][0] & 63);
    }
}

/* Decoded on first use, by whichever thread comes first; only read after that. */
static inline const FzWordSet *
word_set_get (FzWordSet *set)
{
  if (g_once_init_enter (&set->ready))
    {
      word_set_compile (set);
      g_once_init_leave (&set->ready, 1);
    }
  return set;
}

static gboolean
word_set_at (const FzWordSet *set,
             const gunichar  *u,
             guint32          i,
             guint32          end)
{
  gunichar c = u[i];

  /* Most words of a set start with another character: one comparison passes them. Callers ask
   * only where i < end. */
  for (guint w = 0; w < set->n_words; w++)
    {
      guint k = 1;

      if (set->chars[w][0] != c || set->len[w] == 0)
        continue;
      while (k < set->len[w] && i + k < end && u[i + k] == set->chars[w][k])
        k++;
      if (k == set->len[w])
        return TRUE;
    }
  return FALSE;
}

gboolean
_fz_attribution_word_at (const gunichar *u,
                         guint32         i,
                         guint32         end,
                         FzWordSet      *words)
{
  return i < end && word_set_at (word_set_get (words), u, i, end);
}

/* One pass over the text for all the words: a bit for each first character (folded to 4096)
 * passes over nearly every other position with one test. */
gboolean
_fz_attribution_contains_any (const gunichar *u,
                              guint32         start,
                              guint32         end,
                              FzWordSet      *words)
{
  const FzWordSet *set = word_set_get (words);

  for (guint32 i = start; i < end; i++)
    if ((set->first[(u[i] & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << (u[i] & 63))) != 0 &&
        word_set_at (set, u, i, end))
      return TRUE;
  return FALSE;
}

/* Marks in @bits, a bit for each character of the BMP, the first characters of @words: a
 * page's pass notes where they stand, for _fz_attribution_contains_any_at (). */
void
_fz_attribution_mark_first_chars (FzWordSet *words,
                                  guint8    *bits)
{
  const FzWordSet *set = word_set_get (words);

  for (guint w = 0; w < set->n_words; w++)
    if (set->len[w] > 0 && set->chars[w][0] < 0x10000)
      bits[set->chars[w][0] >> 3] |= (guint8) (1u << (set->chars[w][0] & 7));
}

/* _fz_attribution_contains_any () that looks only at @at, the places of the text (ascending,
 * @n_at of them) where a word of @words may start: a sentence is searched through the few
 * of them it holds, not character by character. */
gboolean
_fz_attribution_contains_any_at (const gunichar *u,
                                 const guint32  *at,
                                 guint           n_at,
                                 guint32         start,
                                 guint32         end,
                                 FzWordSet      *words)
{
  const FzWordSet *set = word_set_get (words);

  for (guint k = _fz_attribution_first_from (at, n_at, start); k < n_at && at[k] < end; k++)
    {
      gunichar c = u[at[k]];

      if ((set->first[(c & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << (c & 63))) != 0 &&
          word_set_at (set, u, at[k], end))
        return TRUE;
    }
  return FALSE;
}
