/* test-attribution-gold.c: indicator and region accuracy on the core rows of the gold figures. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-article.h"
#include "fz-attribution.h"
#include "fz-figure.h"
#include "fz-gazetteer.h"
#include "fz-lexicon.h"
#include "fz-test-gold.h"

#ifdef FZ_GOLD_HARNESS
/* Development harness: figures from the gold spans, the page as one article. */
#else
#include "fz-extractor.h"
#include "fz-segmenter.h"
#endif

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#define MIN_ACCURACY 0.90

typedef struct
{
  char         *text;
  FzFigureList *figures;
  GPtrArray    *articles;
} Page;

static void
page_free (Page *page)
{
  g_free (page->text);
  fz_figure_list_unref (page->figures);
  g_ptr_array_unref (page->articles);
  g_free (page);
}

#ifdef FZ_GOLD_HARNESS
/* Where `needle` starts in `u`, white space ignored on both sides, from `from`. */
static glong
find_squashed (const gunichar *u,
               glong           n,
               const char     *needle,
               glong           from)
{
  g_autofree char *sq = fz_test_squash (needle);
  glong wn = 0;
  g_autofree gunichar *w = g_utf8_to_ucs4_fast (sq, -1, &wn);

  if (wn == 0)
    return -1;
  wn = MIN (wn, 8);
  for (glong i = from; i < n; i++)
    {
      glong k = 0, j = i;
      while (k < wn && j < n)
        {
          if (g_unichar_isspace (u[j]))
            {
              j++;
              continue;
            }
          if (u[j] != w[k])
            break;
          j++;
          k++;
        }
      if (k == wn)
        return i;
    }
  return -1;
}

/* Articles placed where the gold says they begin, so that attribution can
 * be worked on before the segmenter exists. */
static GPtrArray *
harness_articles (const char *doc,
                  const char *text)
{
  g_autofree char *path = fz_test_shared_path ("gold", "articles.tsv", NULL);
  g_autoptr(GPtrArray) rows = fz_test_read_tsv (path);
  GPtrArray *arts = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_article_free);
  glong n = 0;
  g_autofree gunichar *u = g_utf8_to_ucs4_fast (text, -1, &n);
  glong from = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      FzArticle *a;
      glong b;

      if (!g_str_equal (row[0], doc))
        continue;
      b = find_squashed (u, n, row[2], from);
      if (b < 0)
        continue;
      a = g_new0 (FzArticle, 1);
      a->title = g_strdup (row[1]);
      a->body_start = a->start = b;
      if (row[1][0] != '\0')
        {
          glong t = find_squashed (u, n, row[1], MAX (0, from - 200));
          if (t >= 0)
            {
              a->title_start = t;
              a->title_end = MIN (n, t + g_utf8_strlen (row[1], -1));
            }
        }
      from = b + 1;
      g_ptr_array_add (arts, a);
    }
  for (guint i = 0; i < arts->len; i++)
    {
      FzArticle *a = g_ptr_array_index (arts, i);
      a->end = a->body_end = i + 1 < arts->len ?
                             ((FzArticle *) g_ptr_array_index (arts, i + 1))->start : n;
    }
  return arts;
}
#endif

static Page *
load_page (const char *doc,
           GPtrArray  *gold_rows)
{
  g_autofree char *path = fz_test_shared_path ("corpus", doc, NULL);
  g_autoptr(GError) error = NULL;
  Page *page = g_new0 (Page, 1);
  gsize len = 0;

  g_file_get_contents (path, &page->text, &len, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (page->text, len, NULL));
#ifdef FZ_GOLD_HARNESS
  page->figures = fz_figure_list_new ();
  for (guint i = 0; i < gold_rows->len; i++)
    {
      char **row = g_ptr_array_index (gold_rows, i);
      FzFigure *f;
      FzKind kind;

      if (!g_str_equal (row[0], doc))
        continue;
      g_assert_true (fz_kind_from_string (row[4], &kind));
      f = fz_figure_list_append (page->figures);
      f->start = atoi (row[1]);
      f->end = atoi (row[2]);
      f->kind = kind;
      f->article = -1;
    }
  page->articles = harness_articles (doc, page->text);
#else
  (void) gold_rows;
  page->figures = fz_extract (page->text, len);
  page->articles = fz_segment (page->text, len);
#endif
  return page;
}

static void
print_article_regions (GHashTable *pages)
{
  g_autofree char *path = fz_test_shared_path ("gold", "articles.tsv", NULL);
  g_autoptr(GPtrArray) rows = fz_test_read_tsv (path);
  guint same = 0, found = 0;

  g_printerr ("# article regions (informative): gold -> got\n");
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      Page *page = g_hash_table_lookup (pages, row[0]);
      g_autofree char *title = fz_test_squash (row[1]);
      g_autofree char *body = fz_test_squash (row[2]);
      const FzArticle *hit = NULL;

      if (page == NULL || g_strv_length (row) < 4)
        continue;
      for (guint k = 0; k < page->articles->len && hit == NULL; k++)
        {
          const FzArticle *a = g_ptr_array_index (page->articles, k);
          g_autofree char *t = fz_test_squash (a->title != NULL ? a->title : "");
          g_autofree char *b = NULL;
          glong n = 0;
          g_autofree gunichar *u = g_utf8_to_ucs4_fast (page->text, -1, &n);
          g_autofree char *bt = NULL;

          if (a->body_start >= n || a->body_end > n || a->body_start >= a->body_end)
            continue;
          bt = g_ucs4_to_utf8 (u + a->body_start, a->body_end - a->body_start, NULL, NULL, NULL);
          b = fz_test_squash (bt != NULL ? bt : "");
          if (g_str_equal (t, title) && g_str_has_prefix (b, body))
            hit = a;
        }
      if (hit != NULL)
        {
          found++;
          same += fz_test_region_matches (row[3], hit->region != NULL ? hit->region : "");
        }
      g_autofree char *short_title = g_utf8_substring (row[1], 0,
                                                       MIN (12, g_utf8_strlen (row[1], -1)));
      g_printerr ("#   %.3s %s | %s -> %s\n", row[0], short_title, row[3],
                  hit != NULL ? (hit->region != NULL ? hit->region : "") : "(article not found)");
    }
  g_printerr ("# article regions: %u of %u found, %u with the gold region\n",
              found, rows->len, same);
}

static void
test_gold (void)
{
  g_autofree char *fig_path = fz_test_shared_path ("gold", "figures.tsv", NULL);
  g_autofree char *gaz_path = fz_test_data_path ("gazetteer.tsv");
  g_autofree char *alias_path = fz_test_data_path ("region-aliases.tsv");
  g_autofree char *lex_path = fz_test_data_path ("indicators.tsv");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzGazetteer) gaz = NULL;
  g_autoptr(FzLexicon) lex = NULL;
  g_autoptr(GPtrArray) gold = NULL;
  g_autoptr(GHashTable) pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) page_free);
  guint n_core = 0, ok_ind = 0, ok_reg = 0;
  guint n_other = 0, ok_other_ind = 0, ok_core = 0;
  double acc_ind, acc_reg;

  if (!g_file_test (fig_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no gold figures (set FZ_SHARED_DIR)");
      return;
    }
  gaz = fz_gazetteer_new_from_file (gaz_path, &error);
  g_assert_no_error (error);
  fz_gazetteer_add_aliases_from_file (gaz, alias_path, &error);
  g_assert_no_error (error);
  lex = fz_lexicon_new_from_file (lex_path, &error);
  g_assert_no_error (error);
  gold = fz_test_read_tsv (fig_path);

  for (guint i = 0; i < gold->len; i++)
    {
      char **row = g_ptr_array_index (gold, i);
      Page *page;
      const FzFigure *hit = NULL;
      FzKind kind;
      guint32 start, end;
      const char *ind, *reg;

      g_assert_cmpuint (g_strv_length (row), >=, 13);
      page = g_hash_table_lookup (pages, row[0]);
      if (page == NULL)
        {
          page = load_page (row[0], gold);
          fz_attribute (gaz, lex, page->text, strlen (page->text), page->articles, page->figures);
          g_hash_table_insert (pages, g_strdup (row[0]), page);
        }
      g_assert_true (fz_kind_from_string (row[4], &kind));
      start = atoi (row[1]);
      end = atoi (row[2]);
      for (guint k = 0; k < fz_figure_list_get_n (page->figures); k++)
        {
          const FzFigure *f = fz_figure_list_get (page->figures, k);
          if (f->start == start && f->end == end && f->kind == kind)
            hit = f;
        }
      if (!g_str_equal (row[12], "1"))
        {
          /* Informative: the other rows, and whether core is right. */
          if (hit != NULL)
            {
              n_other++;
              ok_other_ind += g_str_equal (fz_figure_list_str (page->figures, hit->indicator),
                                           row[10]);
              ok_core += hit->core == 0;
              if (g_getenv ("FZ_VERBOSE") != NULL && hit->core != 0)
                g_printerr ("#   (non-core) CORE %.3s %s %s got core=1\n", row[0], row[1], row[3]);
              if (g_getenv ("FZ_VERBOSE") != NULL &&
                  !g_str_equal (fz_figure_list_str (page->figures, hit->indicator), row[10]))
                g_printerr ("#   (non-core) INDICATOR %.3s %s %s gold=%s got=%s\n",
                            row[0], row[1], row[3],
                            row[10], fz_figure_list_str (page->figures, hit->indicator));
            }
          continue;
        }
      n_core++;
      if (hit == NULL)
        {
          g_printerr ("#   MISSED %.3s %s %s (not extracted)\n", row[0], row[1], row[3]);
          continue;
        }
      ind = fz_figure_list_str (page->figures, hit->indicator);
      reg = fz_figure_list_str (page->figures, hit->region);
      ok_core += hit->core == 1;
      if (g_getenv ("FZ_VERBOSE") != NULL && hit->core != 1)
        g_printerr ("#   (core) CORE %.3s %s %s got core=0\n", row[0], row[1], row[3]);
      if (g_str_equal (ind, row[10]))
        ok_ind++;
      else
        g_printerr ("#   INDICATOR %.3s %s %s gold=%s got=%s\n",
                    row[0], row[1], row[3], row[10], ind);
      if (fz_test_region_matches (row[11], reg))
        ok_reg++;
      else
        g_printerr ("#   REGION %.3s %s %s gold=%s got=%s\n", row[0], row[1], row[3], row[11], reg);
    }

  print_article_regions (pages);
  g_assert_cmpuint (n_core, >, 0);
  acc_ind = (double) ok_ind / n_core;
  acc_reg = (double) ok_reg / n_core;
  g_printerr ("# indicator %u/%u = %.3f on core rows\n", ok_ind, n_core, acc_ind);
  g_printerr ("# region    %u/%u = %.3f on core rows\n", ok_reg, n_core, acc_reg);
  g_printerr ("# (informative) indicator on the other gold rows found: %u/%u; "
              "core flag right on %u/%u rows found\n",
              ok_other_ind, n_other, ok_core, n_other + n_core);
  g_assert_cmpfloat (acc_ind, >=, MIN_ACCURACY);
  g_assert_cmpfloat (acc_reg, >=, MIN_ACCURACY);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/attribution/gold", test_gold);
  return g_test_run ();
}
