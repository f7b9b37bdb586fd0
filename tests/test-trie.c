/* test-trie.c: the trie the gazetteer and lexicon scans walk, against a plain search. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <string.h>

#include "fz-trie-private.h"

/* The longest of @words (at least @min_chars long) that stands at @j, the slow way. */
static guint
longest_by_search (char           **words,
                   const gunichar  *chars,
                   guint            n,
                   guint            j,
                   guint            min_chars,
                   gpointer        *value)
{
  guint best = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      glong len = 0;
      g_autofree gunichar *u = g_utf8_to_ucs4_fast (words[w], -1, &len);

      if ((guint) len < min_chars || (guint) len <= best || j + (guint) len > n)
        continue;
      if (memcmp (chars + j, u, len * sizeof (gunichar)) == 0)
        {
          best = (guint) len;
          *value = words[w];
        }
    }
  return best;
}

static void
test_small (void)
{
  FzTrie *trie = _fz_trie_new ();
  static const char text[] = "湖州市吴兴区破案率𠀀x";
  g_autofree gunichar *chars = NULL;
  g_autofree guint32 *pos = NULL;
  glong n = 0;
  gpointer value = NULL;

  _fz_trie_insert (trie, "湖州", "湖州");
  _fz_trie_insert (trie, "湖州市", "湖州市");
  _fz_trie_insert (trie, "破案", "破案");
  _fz_trie_insert (trie, "率", "率");
  _fz_trie_insert (trie, "𠀀x", "𠀀x");
  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  pos = g_new (guint32, n);
  for (glong i = 0; i < n; i++)
    pos[i] = (guint32) i;

  g_assert_cmpuint (_fz_trie_longest (trie, chars, pos, n, 0, 2, &value), ==, 3);
  g_assert_cmpstr (value, ==, "湖州市");
  g_assert_cmpuint (_fz_trie_longest (trie, chars, pos, n, 1, 2, &value), ==, 0);
  g_assert_cmpuint (_fz_trie_longest (trie, chars, pos, n, 6, 1, &value), ==, 2);
  g_assert_cmpstr (value, ==, "破案");
  /* A word of one character counts only when the caller takes one. */
  g_assert_cmpuint (_fz_trie_longest (trie, chars, pos, n, 8, 2, &value), ==, 0);
  g_assert_cmpuint (_fz_trie_longest (trie, chars, pos, n, 8, 1, &value), ==, 1);
  g_assert_cmpstr (value, ==, "率");
  /* Outside the Basic Multilingual Plane, and at the end of the text. */
  g_assert_cmpuint (_fz_trie_longest (trie, chars, pos, n, 9, 1, &value), ==, 2);
  g_assert_cmpstr (value, ==, "𠀀x");
  g_assert_cmpuint (_fz_trie_longest (trie, chars, pos, n, n - 1, 1, &value), ==, 0);
  _fz_trie_free (trie);
}

/* Many words over few characters, so that the tables grow and words share their prefixes. */
static void
test_against_search (void)
{
  /* Enough characters for hundreds of first pairs, so that their table and bitmap grow. */
  static const char *alphabet[] = {
    "湖", "州", "市", "区", "县", "破", "案", "率", "a", "𠀀", "吴", "兴", "长", "兴", "安", "吉",
    "德", "清", "南", "浔", "诈", "骗", "反", "警",
  };
  GRand *rand = g_rand_new_with_seed (7);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);
  g_autofree gunichar *chars = NULL;
  g_autofree guint32 *pos = NULL;
  FzTrie *trie = _fz_trie_new ();
  glong n = 0;

  _fz_trie_reserve (trie, 100, 10);
  for (guint w = 0; w < 4000; w++)
    {
      GString *word = g_string_new (NULL);
      guint len = g_rand_int_range (rand, 1, 7);

      for (guint k = 0; k < len; k++)
        g_string_append (word, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);
      g_ptr_array_add (words, g_string_free (word, FALSE));
    }
  g_ptr_array_add (words, NULL);
  /* A word added twice keeps its last value: the search keeps the last one too. */
  for (guint w = 0; g_ptr_array_index (words, w) != NULL; w++)
    _fz_trie_insert (trie, g_ptr_array_index (words, w), g_ptr_array_index (words, w));
  for (guint k = 0; k < 5000; k++)
    g_string_append (text, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);
  chars = g_utf8_to_ucs4_fast (text->str, -1, &n);
  pos = g_new (guint32, n);
  for (glong i = 0; i < n; i++)
    pos[i] = (guint32) i;

  for (guint min_chars = 1; min_chars <= 2; min_chars++)
    for (guint j = 0; j < (guint) n; j++)
      {
        gpointer got = NULL, want = NULL;
        guint found = _fz_trie_longest (trie, chars, pos, n, j, min_chars, &got);
        guint expected = longest_by_search ((char **) words->pdata, chars, n, j, min_chars,
                                            &want);

        g_assert_cmpuint (found, ==, expected);
        if (found > 0)
          g_assert_cmpstr (got, ==, want);
      }
  _fz_trie_free (trie);
  g_string_free (text, TRUE);
  g_ptr_array_unref (words);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trie/small", test_small);
  g_test_add_func ("/trie/against-search", test_against_search);
  return g_test_run ();
}
