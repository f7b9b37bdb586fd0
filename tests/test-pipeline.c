/* test-pipeline.c: the whole analysis of a page, the analyst's own lexicon, and setting a date. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>

#include "fz-index-feed.h"
#include "fz-pipeline.h"

#include <string.h>

static FzDocument *
page (const char *text)
{
  g_autoptr(GError) error = NULL;
  FzDocument *document = fz_document_new_from_data ("page.txt", (const guint8 *) text,
                                                    strlen (text), &error);

  g_assert_no_error (error);
  return document;
}

static const FzFigure *
find_figure (FzDocument  *document,
             const char **value)
{
  FzFigureList *figures = fz_document_get_figures (document);

  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);

      if (g_strcmp0 (fz_figure_list_str (figures, f->value), *value) == 0)
        return f;
    }
  return NULL;
}

static void
test_set_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_autoptr(FzDocument) document = page ("本报讯 3月份，湖州市公安局破获电信网络诈骗案件30起。\n");
  const char *value = "30";
  FzFigureList *figures;
  const FzFigure *f;

  g_assert_no_error (error);
  fz_pipeline_analyze (pipeline, document);
  /* No masthead: the year stays Y, 3月份 is the month Y-03. */
  g_assert_null (fz_document_get_date (document));
  f = find_figure (document, &value);
  g_assert_nonnull (f);
  figures = fz_document_get_figures (document);
  g_assert_cmpstr (fz_figure_list_str (figures, f->period), ==, "Y-03/Y-03");
  g_assert_cmpstr (fz_figure_list_str (figures, f->indicator), ==, "cases_solved");
  g_assert_cmpstr (fz_figure_list_str (figures, f->region), ==, "湖州市");

  /* The analyst says the page is from 2023: the same figure now holds for March 2023. */
  fz_document_set_date (document, "2023-04-02");
  fz_pipeline_analyze (pipeline, document);
  g_assert_cmpstr (fz_document_get_date (document), ==, "2023-04-02");
  figures = fz_document_get_figures (document);
  f = find_figure (document, &value);
  g_assert_cmpstr (fz_figure_list_str (figures, f->period), ==, "2023-03/2023-03");
}

/* The run for a document others are reading writes nothing to it until its owner applies the
 * result, and then the document is as the writing run leaves it. */
static void
test_run_apart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  const char *text = "2024年5月6日 星期一\n\n绍兴警方通报\n今年以来，绍兴市公安局破获电信网络"
                     "诈骗案件210起，同比上升12.5%。\n";
  g_autoptr(FzDocument) apart = page (text);
  g_autoptr(FzDocument) direct = page (text);
  g_autoptr(FzAnalysis) analysis = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *regions_apart = NULL;
  FzArticle *article;

  g_assert_no_error (error);
  analysis = fz_pipeline_run_apart (pipeline, apart, NULL);
  g_assert_nonnull (analysis);
  article = g_ptr_array_index (fz_document_get_articles (apart), 0);
  g_assert_null (article->region);
  g_assert_null (fz_document_get_figures (apart));
  g_assert_null (fz_document_get_date (apart));
  g_assert_cmpstr (fz_analysis_get_found_date (analysis), ==, "2024-05-06");

  fz_analysis_apply (analysis, apart, NULL);
  fz_pipeline_analyze (pipeline, direct);
  g_assert_cmpstr (fz_document_get_date (apart), ==, "2024-05-06");
  regions = fz_document_dup_regions (direct);
  g_assert_nonnull (regions);
  regions_apart = fz_document_dup_regions (apart);
  g_assert_cmpstr (regions_apart, ==, regions);
  g_assert_cmpuint (fz_figure_list_get_n (fz_document_get_figures (apart)), ==,
                    fz_figure_list_get_n (fz_document_get_figures (direct)));
  for (guint i = 0; i < fz_figure_list_get_n (fz_document_get_figures (direct)); i++)
    {
      FzFigureList *a = fz_document_get_figures (apart), *d = fz_document_get_figures (direct);
      const FzFigure *fa = fz_figure_list_get (a, i), *fd = fz_figure_list_get (d, i);

      g_assert_cmpuint (fa->start, ==, fd->start);
      g_assert_cmpstr (fz_figure_list_str (a, fa->period), ==, fz_figure_list_str (d, fd->period));
      g_assert_cmpstr (fz_figure_list_str (a, fa->region), ==, fz_figure_list_str (d, fd->region));
      g_assert_cmpstr (fz_figure_list_str (a, fa->indicator), ==,
                       fz_figure_list_str (d, fd->indicator));
    }
}

static void
test_user_lexicon (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "fanzha", NULL);
  g_autofree char *path = g_build_filename (dir, "indicators.tsv", NULL);
  g_autoptr(FzPipeline) pipeline = NULL;
  const char *row = "id\tname_zh\tname_en\tdimension\tpolarity\tkinds\ttriggers\n"
                    "test_patrols\t巡逻次数\tpatrols\toutreach\thigher\tcount\t巡逻\n";

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, row, -1, &error);
  g_assert_no_error (error);
  pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_assert_no_error (error);
  /* The shipped lexicon plus the analyst's one row. */
  g_assert_nonnull (fz_lexicon_lookup (fz_pipeline_get_lexicon (pipeline), "test_patrols"));
  g_assert_nonnull (fz_lexicon_lookup (fz_pipeline_get_lexicon (pipeline), "cases_solved"));
  g_unlink (path);
  g_rmdir (dir);
}

/* A page analysed with the code points read while it was loaded ends as one decoded again
 * by the pipeline: the same figures with the same indicator, region and period. A
 * traditional page, analysed in its simplified view, does not use them. */
static void
test_load_chars (void)
{
  static const char *texts[] = {
    "2024年5月6日 星期一\n\n绍兴警方通报\n今年以来，绍兴市公安局破获电信网络诈骗案件210起，"
    "同比上升12.5%，止付冻结涉诈资金1.6亿元。\n　　3月份，上虞区劝阻群众1.2万余人次。\n",
    "本報訊 今年以來，湖州市公安局破獲電信網路詐騙案件120起，同比下降15%。\n",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_autofree char *dir = g_dir_make_tmp ("fz-pipeline-chars-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.txt", NULL);

  g_assert_no_error (error);
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(FzDocument) plain = NULL;
      g_autoptr(FzDocument) with_chars = NULL;
      g_autofree gunichar *chars = NULL;
      FzFigureList *a, *b;
      guint n_chars = 0;

      g_assert_true (g_file_set_contents (path, texts[t], -1, NULL));
      plain = fz_document_load (file, NULL, &error);
      g_assert_no_error (error);
      with_chars = fz_document_load_chars (file, NULL, &chars, &n_chars, &error);
      g_assert_no_error (error);
      g_assert_nonnull (chars);
      g_assert_cmpuint (n_chars, ==, g_utf8_strlen (texts[t], -1));
      fz_pipeline_analyze (pipeline, plain);
      fz_pipeline_analyze_chars (pipeline, with_chars, chars, n_chars);
      a = fz_document_get_figures (plain);
      b = fz_document_get_figures (with_chars);
      g_assert_cmpuint (fz_figure_list_get_n (a), >=, 2);
      g_assert_cmpuint (fz_figure_list_get_n (a), ==, fz_figure_list_get_n (b));
      for (guint i = 0; i < fz_figure_list_get_n (a); i++)
        {
          const FzFigure *fa = fz_figure_list_get (a, i), *fb = fz_figure_list_get (b, i);

          g_assert_cmpuint (fa->start, ==, fb->start);
          g_assert_cmpuint (fa->end, ==, fb->end);
          g_assert_cmpstr (fz_figure_list_str (a, fa->indicator), ==,
                           fz_figure_list_str (b, fb->indicator));
          g_assert_cmpstr (fz_figure_list_str (a, fa->region), ==,
                           fz_figure_list_str (b, fb->region));
          g_assert_cmpstr (fz_figure_list_str (a, fa->period), ==,
                           fz_figure_list_str (b, fb->period));
        }
      /* The regions are found from the characters: a page read wrongly would lose them. */
      g_assert_cmpstr (fz_figure_list_str (b, fz_figure_list_get (b, 0)->region), !=, "");
      g_assert_cmpstr (fz_document_get_date (plain), ==, fz_document_get_date (with_chars));
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* The unit of the figure @text of a page of @page, analysed as the app and the command line do. */
static char *
unit_on_page (FzPipeline *pipeline,
              const char *page,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fz-pipeline-unit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FzDocument) doc = NULL;
  FzFigureList *figures;
  char *unit = NULL;

  g_assert_true (g_file_set_contents (path, page, -1, NULL));
  doc = fz_document_load (file, NULL, &error);
  g_assert_no_error (error);
  fz_pipeline_analyze (pipeline, doc);
  figures = fz_document_get_figures (doc);
  for (guint i = 0; i < fz_figure_list_get_n (figures) && unit == NULL; i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);
      const char *at = fz_document_get_text (doc, NULL) + f->byte_start;

      if (f->byte_end - f->byte_start == strlen (text) && strncmp (at, text, strlen (text)) == 0)
        unit = g_strdup (fz_figure_list_str (figures, f->unit));
    }
  g_unlink (path);
  g_rmdir (dir);
  g_assert_nonnull (unit);
  return unit;
}

/* Hong Kong's and Taiwan's own press write their dollar as 元: on a page in traditional
 * script about a place there, or whose article writes the dollar out, a bare 元 is that
 * dollar; 人民幣 keeps renminbi, and a simplified page keeps 元. */
static void
test_local_dollars (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  const char *hk = "香港警方通報\n今年首十個月，香港共錄得詐騙案31,256宗，損失金額約46億港元，"
                   "按年增加4.1億元，另涉人民幣200萬元。\n";
  const char *tw = "警政署公布詐騙統計\n今年1至9月，財物損失金額達新臺幣61.5億元，攔阻金額約12億元。\n";
  const char *mainland = "香港警方通报\n今年以来，香港共录得诈骗案1000宗，损失4.1亿元。\n";
  struct { const char *page, *text, *unit; } cases[] = {
    { hk, "4.1億元", "港元" }, { hk, "200萬元", "元" }, { tw, "約12億元", "新台币" },
    { mainland, "4.1亿元", "元" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *unit = unit_on_page (pipeline, cases[i].page, cases[i].text);

      g_assert_cmpstr (unit, ==, cases[i].unit);
    }
}

/* A count stated as a change (比去年同期增加20起) is a difference: the index, which compares
 * levels, is not fed it; the level beside it is. */
static void
test_index_skips_differences (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_autoptr(FzDocument) document =
    page ("本报讯 今年以来，湖州市公安局破获电信网络诈骗案件100起，比去年同期增加20起。\n");
  g_autoptr(FzIndex) index = fz_index_new ();
  const char *level = "100", *difference = "20";
  FzFigureList *figures;
  const FzFigure *f;

  g_assert_no_error (error);
  fz_pipeline_analyze (pipeline, document);
  figures = fz_document_get_figures (document);
  f = find_figure (document, &difference);
  g_assert_nonnull (f);
  g_assert_cmpint (f->change, ==, FZ_CHANGE_UP);
  g_assert_cmpint (f->basis, ==, FZ_BASIS_YOY);
  /* It would be an observation but for its change. */
  g_assert_cmpstr (fz_figure_list_str (figures, f->indicator), !=, "");
  g_assert_cmpstr (fz_figure_list_str (figures, f->region), ==, "湖州市");
  g_assert_true (f->core);
  f = find_figure (document, &level);
  g_assert_nonnull (f);
  g_assert_cmpint (f->change, ==, FZ_CHANGE_NONE);

  fz_index_feed_lexicon (index, fz_pipeline_get_lexicon (pipeline));
  g_assert_cmpuint (fz_index_feed_document (index, fz_pipeline_get_gazetteer (pipeline), document,
                                            FZ_REGION_LEVEL_UNKNOWN), ==, 1);
  g_assert_cmpuint (fz_index_get_n_observations (index), ==, 1);
}

/* The index compares amounts in renminbi: one in another currency is not fed to it. */
static void
test_index_renminbi_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_autoptr(FzDocument) document =
    page ("本报讯 今年以来，湖州市公安局止付冻结涉诈资金3000万元，另冻结涉诈资金50万美元。\n");
  g_autoptr(FzIndex) index = fz_index_new ();
  const char *dollars = "500000";
  const FzFigure *f;

  g_assert_no_error (error);
  fz_pipeline_analyze (pipeline, document);
  f = find_figure (document, &dollars);
  g_assert_nonnull (f);
  g_assert_cmpstr (fz_figure_list_str (fz_document_get_figures (document), f->unit), ==, "美元");
  g_assert_true (f->core);
  fz_index_feed_lexicon (index, fz_pipeline_get_lexicon (pipeline));
  g_assert_cmpuint (fz_index_feed_document (index, fz_pipeline_get_gazetteer (pipeline), document,
                                            FZ_REGION_LEVEL_UNKNOWN), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = g_dir_make_tmp ("fz-pipeline-config-XXXXXX", NULL);
  int status;

  /* The analyst's own files go to a folder of this test's, never the one the other tests and
   * the command line they run share (set before GLib first reads it). */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pipeline/set-date", test_set_date);
  g_test_add_func ("/pipeline/user-lexicon", test_user_lexicon);
  g_test_add_func ("/pipeline/run-apart", test_run_apart);
  g_test_add_func ("/pipeline/load-chars", test_load_chars);
  g_test_add_func ("/pipeline/index-skips-differences", test_index_skips_differences);
  g_test_add_func ("/pipeline/local-dollars", test_local_dollars);
  g_test_add_func ("/pipeline/index-renminbi-only", test_index_renminbi_only);
  status = g_test_run ();
  g_rmdir (config);
  return status;
}
