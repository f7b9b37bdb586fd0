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

/* Words added after a walk (the trie compiled itself for it) are found with the earlier ones,
 * and a second walk after them still finds the earlier ones: the trie thaws and compiles
 * again. Pairs first seen after the walk are found too. */
static void
test_add_after_walk (void)
{
  static const char text[] = "湖州市吴兴区破案率反诈骗中心";
  static const char *first[] = { "湖州", "湖州市", "破案", NULL };
  static const char *later[] = { "吴兴区", "吴兴", "反诈骗中心", "湖州市吴兴区", "率", NULL };
  static const char *all[] = { "湖州", "湖州市", "破案", "吴兴区", "吴兴", "反诈骗中心",
                               "湖州市吴兴区", "率", NULL };
  FzTrie *trie = _fz_trie_new ();
  g_autofree gunichar *chars = NULL;
  g_autofree guint32 *pos = NULL;
  gpointer value = NULL;
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  pos = g_new (guint32, n);
  for (glong i = 0; i < n; i++)
    pos[i] = (guint32) i;
  for (guint w = 0; first[w] != NULL; w++)
    _fz_trie_insert (trie, first[w], (gpointer) first[w]);
  g_assert_cmpuint (_fz_trie_longest (trie, chars, pos, n, 0, 2, &value), ==, 3);
  g_assert_cmpuint (_fz_trie_longest (trie, chars, pos, n, 3, 2, &value), ==, 0);
  for (guint w = 0; later[w] != NULL; w++)
    _fz_trie_insert (trie, later[w], (gpointer) later[w]);
  for (guint min_chars = 1; min_chars <= 2; min_chars++)
    for (guint j = 0; j < (guint) n; j++)
      {
        gpointer got = NULL, want = NULL;
        guint found = _fz_trie_longest (trie, chars, pos, n, j, min_chars, &got);

        g_assert_cmpuint (found, ==, longest_by_search ((char **) all, chars, n, j, min_chars,
                                                        &want));
        if (found > 0)
          g_assert_cmpstr (got, ==, want);
      }
  _fz_trie_free (trie);
}

typedef struct
{
  FzTrie         *trie;
  const gunichar *chars;
  const guint32  *pos;
  guint           n;
  guint           found;
} Walker;

static gpointer
walk_all (gpointer data)
{
  Walker *w = data;

  for (guint j = 0; j < w->n; j++)
    {
      gpointer value = NULL;

      w->found += _fz_trie_longest (w->trie, w->chars, w->pos, w->n, j, 2, &value);
    }
  return NULL;
}

/* Threads that share a trie may all make the first walk at once: each finds every word. */
static void
test_first_walk_threads (void)
{
  static const char text[] = "湖州市公安局破获电信网络诈骗案件湖州市";
  FzTrie *trie = _fz_trie_new ();
  g_autofree gunichar *chars = NULL;
  g_autofree guint32 *pos = NULL;
  Walker walkers[4];
  GThread *threads[4];
  glong n = 0;

  _fz_trie_insert (trie, "湖州市", "湖州市");
  _fz_trie_insert (trie, "公安局", "公安局");
  _fz_trie_insert (trie, "电信网络诈骗", "电信网络诈骗");
  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  pos = g_new (guint32, n);
  for (glong i = 0; i < n; i++)
    pos[i] = (guint32) i;
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      walkers[t] = (Walker) { trie, chars, pos, (guint) n, 0 };
      threads[t] = g_thread_new ("walk", walk_all, &walkers[t]);
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_thread_join (threads[t]);
      /* 湖州市 twice, 公安局 and 电信网络诈骗: 3 + 3 + 3 + 6 characters. */
      g_assert_cmpuint (walkers[t].found, ==, 15);
    }
  _fz_trie_free (trie);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trie/small", test_small);
  g_test_add_func ("/trie/against-search", test_against_search);
  g_test_add_func ("/trie/add-after-walk", test_add_after_walk);
  g_test_add_func ("/trie/first-walk-threads", test_first_walk_threads);
  return g_test_run ();
}
