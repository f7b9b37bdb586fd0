/* test-segmenter.c: articles of the corpus pages against gold/articles.tsv, and small pages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "fz-charset.h"
#include "fz-segmenter.h"
#include "fz-test-gold.h"

/* spec/figures.md "Articles": compare with all white space removed */
static char *
squash (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !fz_charset_is_space (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
body_matches (const char *got,
              const char *want)
{
  glong n = MIN (g_utf8_strlen (got, -1), g_utf8_strlen (want, -1));
  const char *ge = g_utf8_offset_to_pointer (got, n);
  const char *we = g_utf8_offset_to_pointer (want, n);

  return n >= 6 && ge - got == we - want && memcmp (got, want, ge - got) == 0;
}

static void
test_gold (void)
{
  g_autofree char *gold_path = fz_test_shared_path ("gold", "articles.tsv", NULL);
  g_autofree char *gold = NULL;
  g_auto(GStrv) rows = NULL;
  g_autoptr(GHashTable) pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_gold = 0, n_found = 0;

  if (!g_file_get_contents (gold_path, &gold, NULL, NULL))
    {
      g_test_skip ("no gold/articles.tsv: set FZ_SHARED_DIR");
      return;
    }
  rows = g_strsplit (gold, "\n", -1);
  for (guint i = 1; rows[i]; i++)
    {
      g_auto(GStrv) col = g_strsplit (rows[i], "\t", -1);
      GPtrArray *arts;
      const char *text;
      g_autofree char *want_title = NULL;
      g_autofree char *want_body = NULL;
      gboolean found = FALSE;

      if (g_strv_length (col) < 3)
        continue;
      n_gold++;
      arts = g_hash_table_lookup (pages, col[0]);
      if (arts == NULL)
        {
          g_autofree char *path = fz_test_shared_path ("corpus", col[0], NULL);
          char *contents = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
          arts = fz_segment (contents, len);
          g_hash_table_insert (pages, g_strdup (col[0]), arts);
          g_hash_table_insert (texts, g_strdup (col[0]), contents);
        }
      text = g_hash_table_lookup (texts, col[0]);
      want_title = squash (col[1]);
      want_body = squash (col[2]);
      for (guint j = 0; j < arts->len && !found; j++)
        {
          FzArticle *a = g_ptr_array_index (arts, j);
          g_autofree char *t = squash (a->title);
          g_autofree char *span = fz_segment_dup_span (text, strlen (text), a->body_start,
                                                       a->body_end, 40);
          g_autofree char *b = squash (span);

          g_assert_cmpuint (a->start, <=, a->end);
          g_assert_cmpuint (a->body_start, <=, a->body_end);
          found = strcmp (t, want_title) == 0 && body_matches (b, want_body);
        }
      if (found)
        n_found++;
      else
        fprintf (stderr, "MISSED %s\t%s\t%s\n", col[0], col[1], col[2]);
    }
  g_test_message ("articles: %u of %u found", n_found, n_gold);
  if (g_test_verbose () || n_found != n_gold)
    g_printerr ("articles: %u of %u found\n", n_found, n_gold);
  g_assert_cmpuint (n_gold, >, 0);
  g_assert_cmpuint (n_found, ==, n_gold);
}

static FzArticle *
nth (GPtrArray *arts,
     guint      i)
{
  g_assert_cmpuint (i, <, arts->len);
  return g_ptr_array_index (arts, i);
}

static void
test_synthetic (void)
{
  /* kicker, title, byline, 本报讯 body; a subheading; a second article; a photo caption */
  const char *page =
    "加强防范 守护平安\n\n"
    "全市开展反诈宣传月活动\n\n"
    "本报记者 张三 通讯员 李四\n\n"
    "本报讯 今年以来，全市公安机关破获电信诈骗案件120起，同比下降15%。\n\n"
    "宣传走进社区\n\n"
    "民警走进社区，向居民讲解防骗知识。\n\n"
    "县里召开平安建设会议\n\n"
    "本报讯 近日，县里召开会议，部署下一阶段工作。\n\n\n\n"
    "民警在广场宣讲反诈知识\n\n\n\n";
  g_autoptr(GPtrArray) arts = fz_segment (page, strlen (page));

  g_assert_cmpuint (arts->len, ==, 3);
  g_assert_cmpstr (nth (arts, 0)->title, ==, "全市开展反诈宣传月活动");
  g_assert_cmpstr (nth (arts, 0)->byline, ==, "本报记者 张三 通讯员 李四");
  g_assert_false (nth (arts, 0)->is_caption);
  /* the body starts at 本报讯: code point offset of that line */
  g_assert_cmpuint (nth (arts, 0)->body_start, ==,
                    g_utf8_strlen (page, strstr (page, "本报讯") - page));
  g_assert_cmpstr (nth (arts, 1)->title, ==, "县里召开平安建设会议");
  g_assert_null (nth (arts, 1)->byline);
  g_assert_true (nth (arts, 2)->is_caption);
  g_assert_cmpstr (nth (arts, 2)->title, ==, "");
}

static void
test_title_after_body (void)
{
  /* PDF order: body first, its title under it, then the next article */
  const char *page =
    " 近日，县里组织义务植树，干部群众一起来到\n"
    "河边荒地，种下树苗。\n\n"
    "绿化家园 人人有责\n"
    "县里组织春季义务植树活动\n\n"
    "本报讯（记者）3月5日，县图书馆新增图书2000册。\n\n"
    "县图书馆为读者\n"
    "添置一批新书\n";
  g_autoptr(GPtrArray) arts = fz_segment (page, strlen (page));

  g_assert_cmpuint (arts->len, ==, 2);
  g_assert_cmpstr (nth (arts, 0)->title, ==, "绿化家园 人人有责 县里组织春季义务植树活动");
  g_assert_cmpuint (nth (arts, 0)->body_start, ==, 1);
  g_assert_cmpuint (nth (arts, 0)->title_start, >, nth (arts, 0)->body_end);
  g_assert_cmpstr (nth (arts, 1)->title, ==, "县图书馆为读者添置一批新书");
}

/* A web page pasted as it shows: no blank line between its headline, its dateline and its
 * paragraphs. A narrow column broken into short lines still runs on. */
static void
test_web_page (void)
{
  const char *page =
    "全市开展反诈宣传月活动，发案下降\n"
    "发布时间：2024-11-15 09:30 来源：某某网\n"
    "今年以来，全市公安机关破获电信网络诈骗案件120起，抓获犯罪嫌疑人300名，同比分别上升"
    "15%、20%，电信网络诈骗发案数同比下降15%。\n"
    "民警走进社区，向居民讲解防骗知识，发放宣传资料一万余份，覆盖群众三万余人次。\n";
  const char *column =
    "县里召开平安建设会议\n"
    "近日，县里召开会议，部署下一阶段平安建设工作，要求各乡镇各部门切实落实责任，确保各项措施"
    "落到实处，全力维护社会稳定。\n";
  const char *narrow =
    "近日县里组织义务植树\n"
    "干部群众一起来到河边荒地，种下树苗。\n";
  g_autoptr(GPtrArray) arts = fz_segment (page, strlen (page));
  g_autoptr(GPtrArray) col = fz_segment (column, strlen (column));
  g_autoptr(GPtrArray) nar = fz_segment (narrow, strlen (narrow));

  g_assert_cmpuint (arts->len, ==, 1);
  g_assert_cmpstr (nth (arts, 0)->title, ==, "全市开展反诈宣传月活动，发案下降");
  g_assert_cmpuint (nth (arts, 0)->body_start, ==,
                    g_utf8_strlen (page, strstr (page, "今年以来") - page));
  g_assert_cmpuint (col->len, ==, 1);
  g_assert_cmpstr (nth (col, 0)->title, ==, "县里召开平安建设会议");
  /* a short first line before a short one with commas: one paragraph broken in two */
  g_assert_cmpuint (nar->len, ==, 1);
  g_assert_cmpstr (nth (nar, 0)->title, ==, "");
}

/* A post's headline at the top of the page may end in an exclamation; a paragraph that does,
 * lower down, stays a paragraph. */
static void
test_crying_headline (void)
{
  const char *page =
    "警惕！这种骗局又来了！\n"
    "\n"
    "近日，某县公安局破获一起冒充客服诈骗案，抓获犯罪嫌疑人3名。\n"
    "\n"
    "请大家提高警惕！\n"
    "\n"
    "民警提醒，凡是要求转账的都是诈骗。\n";
  g_autoptr(GPtrArray) arts = fz_segment (page, strlen (page));

  g_assert_cmpuint (arts->len, ==, 1);
  g_assert_cmpstr (nth (arts, 0)->title, ==, "警惕！这种骗局又来了！");
  g_assert_cmpuint (nth (arts, 0)->body_start, ==,
                    g_utf8_strlen (page, strstr (page, "近日") - page));
}

static void
test_line_ends (void)
{
  const char *lf = "标题在这里\n\n本报记者 王五\n\n本报讯 正文第一句。\n";
  const char *cr = "标题在这里\r\r本报记者 王五\r\r本报讯 正文第一句。\r";
  const char *crlf = "标题在这里\r\n\r\n本报记者 王五\r\n\r\n本报讯 正文第一句。\r\n";
  g_autoptr(GPtrArray) a = fz_segment (lf, strlen (lf));
  g_autoptr(GPtrArray) b = fz_segment (cr, strlen (cr));
  g_autoptr(GPtrArray) c = fz_segment (crlf, strlen (crlf));

  g_assert_cmpuint (a->len, ==, 1);
  g_assert_cmpuint (b->len, ==, 1);
  g_assert_cmpuint (c->len, ==, 1);
  g_assert_cmpstr (nth (b, 0)->title, ==, "标题在这里");
  g_assert_cmpstr (nth (c, 0)->title, ==, "标题在这里");
  g_assert_cmpuint (nth (a, 0)->body_start, ==, nth (b, 0)->body_start);
  /* CR LF counts two code points a line */
  g_assert_cmpuint (nth (c, 0)->body_start, ==, nth (a, 0)->body_start + 4);
  {
    g_autoptr(GPtrArray) none = fz_segment (NULL, 0);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* @n characters of Han (U+4000..U+9FFF) from a list, wrapping round */
static void
append_han (GString *s,
            guint    n)
{
  static const char han[] = "全市开展反诈宣传月活动破获电信诈骗案件同比下降";

  for (guint i = 0; i < n; i++)
    {
      const char *p = g_utf8_offset_to_pointer (han, i % g_utf8_strlen (han, -1));

      g_string_append_len (s, p, g_utf8_next_char (p) - p);
    }
}

/* Runs of Han are counted many characters at a time: a character of another kind at any
 * place in a run, near the end of the page too, must still count as one code point. */
static void
test_runs (void)
{
  static const char *const others[] = {
    "\xe3\x90\x80",       /* U+3400, Han outside the run's range */
    "\xea\x80\x80",       /* U+A000 */
    "\xea\xb0\x80",       /* U+AC00, Hangul */
    "\xe2\x80\x94",       /* U+2014 */
    "\xef\xbc\x91",       /* U+FF11, full-width 1 */
    "\xf0\xa0\x80\x80",   /* U+20000 */
    "\xc3\xa9",           /* U+00E9 */
    "a",
  };

  for (guint o = 0; o < G_N_ELEMENTS (others); o++)
    for (guint k = 1; k < 16; k++)
      for (guint m = 1; m < 16; m += 3)
        {
          g_autoptr(GString) title = g_string_new (NULL);
          g_autoptr(GString) page = g_string_new (NULL);
          g_autoptr(GPtrArray) arts = NULL;
          glong title_chars, body_start;

          append_han (title, k);
          g_string_append (title, others[o]);
          append_han (title, m);
          g_string_append_printf (page, "%s\n\n本报讯 ", title->str);
          append_han (page, m);
          g_string_append (page, others[o]);
          append_han (page, k);
          g_string_append (page, "。");
          title_chars = g_utf8_strlen (title->str, -1);
          body_start = title_chars + 2;

          arts = fz_segment (page->str, page->len);
          g_assert_cmpuint (arts->len, ==, 1);
          g_assert_cmpstr (nth (arts, 0)->title, ==, title->str);
          g_assert_cmpuint (nth (arts, 0)->title_end, ==, title_chars);
          g_assert_cmpuint (nth (arts, 0)->body_start, ==, body_start);
          g_assert_cmpuint (nth (arts, 0)->body_end, ==, g_utf8_strlen (page->str, -1));
        }
}

/* Many more lines than a page of its length usually has; a title's white space made single
 * spaces, its lines joined. */
static void
test_lines_and_spaces (void)
{
  g_autoptr(GString) page = g_string_new (NULL);
  g_autoptr(GPtrArray) arts = NULL;
  g_autoptr(GPtrArray) spaced = NULL;
  const char *title = "守护\xe3\x80\x80平安 \t 共建\xc2\xa0和谐\n反诈宣传走进社区\n\n本报讯 民警走进社区。\n";

  for (guint i = 0; i < 500; i++)
    g_string_append (page, i % 7 == 0 ? " \n" : "\n");
  g_string_append (page, "标题在这里\n\n本报讯 正文第一句。\n");
  arts = fz_segment (page->str, page->len);
  g_assert_cmpuint (arts->len, ==, 1);
  g_assert_cmpstr (nth (arts, 0)->title, ==, "标题在这里");
  g_assert_cmpuint (nth (arts, 0)->title_start, ==, 500 + 500 / 7 + 1);
  g_assert_cmpuint (nth (arts, 0)->body_start, ==, 500 + 500 / 7 + 1 + 7);

  spaced = fz_segment (title, strlen (title));
  g_assert_cmpuint (spaced->len, ==, 1);
  g_assert_cmpstr (nth (spaced, 0)->title, ==, "守护 平安 共建 和谐 反诈宣传走进社区");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segmenter/gold", test_gold);
  g_test_add_func ("/segmenter/synthetic", test_synthetic);
  g_test_add_func ("/segmenter/title-after-body", test_title_after_body);
  g_test_add_func ("/segmenter/web-page", test_web_page);
  g_test_add_func ("/segmenter/line-ends", test_line_ends);
  g_test_add_func ("/segmenter/crying-headline", test_crying_headline);
  g_test_add_func ("/segmenter/runs", test_runs);
  g_test_add_func ("/segmenter/lines-and-spaces", test_lines_and_spaces);
  return g_test_run ();
}
