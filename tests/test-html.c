/* test-html.c: saved web pages written here: the article's text without the page around it,
 * the charset, the date and outlet of the metadata, hostile pages, the command line. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>

#include "fz-document-html.h"
#include "fz-error.h"
#include "fz-loader.h"
#include "fz-pipeline.h"

/* Sentences in the style of the news Fanzha reads, written for this test. */
#define PARA1 "本报讯 今年以来，全市公安机关共破获电信网络诈骗案件672起，同比上升12.5%。"
#define PARA2 "止付冻结涉诈资金3.5亿元，开展反诈宣传活动360场次。"
#define TITLE "全市反诈专项行动取得阶段性成效"

static const char page[] =
  "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
  "<title>" TITLE "_样例新闻网</title>\n"
  "<meta property=\"og:site_name\" content=\"样例晚报\">\n"
  "<meta property=\"article:published_time\" content=\"2022-04-25T08:30:00+08:00\">\n"
  "<script>document.write('<p>脚本里的段落破获案件999起</p>');</script>\n"
  "<style>p { margin: 0 }</style></head>\n<body>\n"
  "<header><a href=\"/\">首页</a> <a href=\"/a\">要闻</a></header>\n"
  "<nav><ul><li>本地</li><li>国内</li><li>视频</li></ul></nav>\n"
  "<div class=\"main\"><h1>" TITLE "</h1>\n<div class=\"info\">来源：样例晚报</div>\n"
  "<div class=\"content\">\n<p>" PARA1 "</p>\n<!-- 广告 破获案件888起 -->\n"
  "<p>  " PARA2 "\n  </p>\n<p>这是第三段，记者 样例。</p></div></div>\n"
  "<aside><h3>热门</h3><ul><li>破获案件777起</li></ul></aside>\n"
  "<form><input name=\"q\"><button>搜索</button></form>\n"
  "<footer>版权所有 样例晚报 破获案件666起</footer>\n</body></html>\n";

static FzDocument *
load (const char *name,
      const char *data,
      gsize       len,
      GError    **error)
{
  return fz_document_new_from_data (name, (const guint8 *) data, len, error);
}

static void
test_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzHtmlPage) html = fz_document_html_read ((const guint8 *) page, strlen (page),
                                                      &error);

  g_assert_no_error (error);
  /* the title, then each paragraph a block of its own */
  g_assert_true (g_str_has_prefix (html->text, TITLE "\n\n"));
  g_assert_nonnull (strstr (html->text, "\n\n" PARA1 "\n\n" PARA2 "\n\n"));
  /* nothing of the scripts, comments, navigation, sidebar, form or footer */
  for (guint i = 0; i < 5; i++)
    {
      const char *never[] = { "999", "888", "777", "666", "首页" };

      g_assert_null (strstr (html->text, never[i]));
    }
  g_assert_null (strstr (html->text, "搜索"));
  g_assert_cmpstr (html->date, ==, "2022-04-25");
  g_assert_cmpstr (html->outlet, ==, "样例晚报");
  g_assert_cmpstr (html->encoding, ==, "UTF-8");
}

static void
test_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_autoptr(FzDocument) doc = load ("page.html", page, strlen (page), &error);
  FzFigureList *figures;
  GPtrArray *articles;
  gboolean found = FALSE;

  g_assert_no_error (error);
  fz_pipeline_analyze (pipeline, doc);
  g_assert_cmpstr (fz_document_get_date (doc), ==, "2022-04-25");
  g_assert_cmpstr (fz_document_get_outlet (doc), ==, "样例晚报");
  g_assert_null (fz_document_get_page_map (doc));
  articles = fz_document_get_articles (doc);
  for (guint i = 0; i < articles->len; i++)
    found |= g_strcmp0 (((FzArticle *) g_ptr_array_index (articles, i))->title, TITLE) == 0;
  g_assert_true (found);
  figures = fz_document_get_figures (doc);
  g_assert_cmpuint (fz_figure_list_get_n (figures), >=, 4);
  for (guint i = 0; i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);

      g_assert_cmpstr (fz_figure_list_str (figures, f->value), !=, "999");
    }
}

/* The largest run of paragraphs wins over the lists of links around it; an <article> is
 * taken as it is. */
static void
test_main_content (void)
{
  const char *no_article =
    "<html><body><div id=\"links\"><a>链接一</a><a>链接二</a><a>链接三</a></div>"
    "<div id=\"text\"><p>" PARA1 "</p><p>" PARA2 "</p></div>"
    "<div id=\"more\"><p>推荐阅读</p></div></body></html>";
  const char *article =
    "<html><body><div><p>站点公告：本站更新。</p></div><article><header><h2>" TITLE
    "</h2></header><p>" PARA1 "</p></article><div><p>推荐阅读</p></div></body></html>";
  g_autoptr(FzHtmlPage) a = fz_document_html_read ((const guint8 *) no_article,
                                                   strlen (no_article), NULL);
  g_autoptr(FzHtmlPage) b = fz_document_html_read ((const guint8 *) article,
                                                   strlen (article), NULL);

  g_assert_cmpstr (a->text, ==, PARA1 "\n\n" PARA2);
  g_assert_cmpstr (b->text, ==, TITLE "\n\n" PARA1);
}

static void
test_charset (void)
{
  g_autofree char *utf8 = g_strdup_printf ("<html><head><meta http-equiv=\"Content-Type\" "
                                           "content=\"text/html; charset=gb2312\"></head>"
                                           "<body><p>%s</p></body></html>", PARA1);
  g_autofree char *gbk = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autofree char *bare = g_strdup_printf ("<html><body><p>%s%s%s</p></body></html>",
                                           PARA1, PARA2, PARA1);
  g_autofree char *bare_gbk = g_convert (bare, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autoptr(FzHtmlPage) declared = fz_document_html_read ((const guint8 *) gbk, strlen (gbk),
                                                          NULL);
  g_autoptr(FzHtmlPage) detected = fz_document_html_read ((const guint8 *) bare_gbk,
                                                          strlen (bare_gbk), NULL);

  g_assert_cmpstr (declared->text, ==, PARA1);
  g_assert_cmpstr (declared->encoding, ==, "GB18030");
  g_assert_nonnull (detected);
  g_assert_true (g_str_has_prefix (detected->text, PARA1));
  g_assert_cmpstr (detected->encoding, !=, "UTF-8");

  /* saved again as UTF-8, the old declaration kept */
  {
    g_autoptr(FzHtmlPage) resaved = fz_document_html_read ((const guint8 *) utf8, strlen (utf8),
                                                           NULL);

    g_assert_cmpstr (resaved->text, ==, PARA1);
    g_assert_cmpstr (resaved->encoding, ==, "UTF-8");
  }
}

static void
test_hostile (void)
{
  const char *scripts = "<!DOCTYPE html><html><head><script>var a = 1;</script></head><body>"
                        "<script>document.write('破获案件672起')</script><noscript>请启用脚本"
                        "</noscript><style>body{}</style></body></html>";
  const char *laughs =
    "<!DOCTYPE html [\n <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    "]>\n<html><body><p>&lol3; " PARA1 "</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) none = load ("scripts.html", scripts, strlen (scripts), &error);
  g_autoptr(FzHtmlPage) bomb = NULL;

  g_assert_null (none);
  g_assert_error (error, FZ_ERROR, FZ_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "scripts.html: the web page holds no article text "
                   "(only scripts, styles or navigation)");
  /* the entity stays a name; the declarations are not text */
  bomb = fz_document_html_read ((const guint8 *) laughs, strlen (laughs), NULL);
  g_assert_cmpstr (bomb->text, ==, "&lol3; " PARA1);
}

/* A page without the .html name is still known by its start. */
static void
test_sniff (void)
{
  g_assert_true (fz_document_html_sniff ("a.HTM", (const guint8 *) "x", 1));
  g_assert_true (fz_document_html_sniff ("a.txt",
                                         (const guint8 *) "\xEF\xBB\xBF \n<!doctype HTML>", 19));
  g_assert_true (fz_document_html_sniff (NULL, (const guint8 *) "<HTML><body>", 12));
  g_assert_false (fz_document_html_sniff ("a.txt", (const guint8 *) PARA1, strlen (PARA1)));
  g_assert_false (fz_document_html_sniff ("a.xml", (const guint8 *) "<?xml version=\"1.0\"?>", 21));
}

static void
test_folder_and_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fz-html-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.htm", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(FzLoader) loader = fz_loader_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  const char *commands[] = { "extract", "articles", "index" };

  g_assert_true (g_file_set_contents (path, page, -1, NULL));
  g_assert_true (fz_loader_load_sync (loader, &folder, 1, NULL, &docs, &errors, NULL));
  g_assert_cmpuint (docs ? docs->len : 0, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *argv[] = { g_getenv ("FANZHA_CLI"), commands[i], path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpstr (err, ==, "");
      if (i == 0)
        g_assert_nonnull (strstr (out, "\t672起\tcount\t672\t"));
      if (i == 1)
        g_assert_nonnull (strstr (out, TITLE));
    }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html/article", test_article);
  g_test_add_func ("/html/document", test_document);
  g_test_add_func ("/html/main-content", test_main_content);
  g_test_add_func ("/html/charset", test_charset);
  g_test_add_func ("/html/hostile", test_hostile);
  g_test_add_func ("/html/sniff", test_sniff);
  g_test_add_func ("/html/folder-and-cli", test_folder_and_cli);
  return g_test_run ();
}
