/* test-layout.c: layout repair and its offset map, on synthetic text and on every corpus page. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <string.h>

#include "fz-layout.h"
#include "fz-test-gold.h"

static char *
repair (const char *in)
{
  g_autoptr(FzLayout) layout = fz_layout_new (in, strlen (in));

  return g_strdup (fz_layout_get_text (layout, NULL));
}

/* For every kept character, the maps go there and back and the characters agree. */
static void
check_round_trip (const char *text,
                  gsize       len)
{
  g_autoptr(FzLayout) layout = fz_layout_new (text, len);
  gsize rlen;
  const char *rep = fz_layout_get_text (layout, &rlen);
  guint n_rep = fz_layout_get_n_chars (layout);
  glong n_orig = g_utf8_strlen (text, len);
  g_autofree gunichar *orig_chars = g_utf8_to_ucs4_fast (text, len, NULL);
  g_autofree gunichar *rep_chars = g_utf8_to_ucs4_fast (rep, rlen, NULL);
  guint32 prev = 0;

  g_assert_true (g_utf8_validate (rep, rlen, NULL));
  g_assert_cmpuint (g_utf8_strlen (rep, rlen), ==, n_rep);

  for (guint32 r = 0; r < n_rep; r++)
    {
      guint32 o = fz_layout_to_original (layout, r);

      g_assert_cmpint (o, <, n_orig);
      g_assert_cmpuint (orig_chars[o], ==, rep_chars[r]);
      g_assert_cmpuint (fz_layout_to_repaired (layout, o), ==, r);
      /* reading order is kept */
      if (r > 0)
        g_assert_cmpuint (o, >, prev);
      prev = o;
    }
  for (glong o = 0; o < n_orig; o++)
    {
      guint32 r = fz_layout_to_repaired (layout, o);

      g_assert_cmpuint (r, <=, n_rep);
      if (r < n_rep && fz_layout_to_original (layout, r) == (guint32) o)
        g_assert_cmpuint (orig_chars[o], ==, rep_chars[r]);
      else
        /* a dropped character maps to the next kept one, which comes after it */
        g_assert_true (r == n_rep || fz_layout_to_original (layout, r) > (guint32) o);
    }
  g_assert_cmpuint (fz_layout_to_original (layout, n_rep), ==, n_orig);
}

static void
test_spaced_cjk (void)
{
  g_autofree char *a = repair ("民警走进学校开展多种形式的防\n骗 讲 座 36 余 场 次 ，听 众 超 过\n");
  g_autofree char *b = repair ("He said hello world to 你们。\n");
  g_autofree char *c = repair ("守护平安 共建和谐\n\n本报讯 今天下雨。\n");
  g_autofree char *d = repair ("电话 0100-12345678 查询。\n");

  g_assert_cmpstr (a, ==, "民警走进学校开展多种形式的防骗讲座36余场次，听众超过\n");
  g_assert_cmpstr (b, ==, "He said hello world to 你们。\n");
  /* two phrases of a title keep their space; a heading keeps its own line */
  g_assert_cmpstr (c, ==, "守护平安 共建和谐\n\n本报讯 今天下雨。\n");
  /* a phone number is not a count: its space stays */
  g_assert_cmpstr (d, ==, "电话 0100-12345678 查询。\n");
}

static void
test_join_lines (void)
{
  g_autofree char *a = repair ("今年以来，全市共破获案件\n38起，同比上升。\n");
  g_autofree char *b = repair ("去年冬天，我们走访了几个村子，发现有\n\n5家小店仍在出售过期食品。\n");
  g_autofree char *c = repair ("第一段结束。\n\n\n\n第二段开始。\n");
  g_autofree char *d = repair ("社区宣传有新招\n\n今年以来，案件下降。\n");
  g_autofree char *e = repair ("今年以来，全市共破获案件\r\n38起。\r\n\r\n下一段。\r\n");
  g_autofree char *f = repair ("今年以来，全市共破获案件\r38起。\r\r下一段。\r");
  g_autofree char *g = repair ("正文到此为止，记者\n\n本报记者 张三\n");
  /* a web page's headline (a comma allowed) and dateline over its first paragraph */
  const char *web = "全市开展反诈宣传月活动，发案下降\n发布时间：2024-11-15 09:30 来源：某某网\n"
                    "今年以来，全市公安机关破获电信网络诈骗案件120起，抓获犯罪嫌疑人300名，同比分别上升"
                    "15%、20%。\n";
  g_autofree char *h = repair (web);

  g_assert_cmpstr (a, ==, "今年以来，全市共破获案件38起，同比上升。\n");
  g_assert_cmpstr (b, ==, "去年冬天，我们走访了几个村子，发现有5家小店仍在出售过期食品。\n");
  /* many blank lines are one paragraph break */
  g_assert_cmpstr (c, ==, "第一段结束。\n\n第二段开始。\n");
  /* a heading standing alone is not joined to the paragraph after it */
  g_assert_cmpstr (d, ==, "社区宣传有新招\n\n今年以来，案件下降。\n");
  g_assert_cmpstr (e, ==, "今年以来，全市共破获案件38起。\n\n下一段。\n");
  g_assert_cmpstr (f, ==, "今年以来，全市共破获案件38起。\r\r下一段。\r");
  /* a byline is never joined */
  g_assert_cmpstr (g, ==, "正文到此为止，记者\n\n本报记者 张三\n");
  g_assert_cmpstr (h, ==, web);
}

/* A headline with a colon or an exclamation stands apart from the paragraph after it; a
 * double-spaced column's line with a colon and a question inside still runs on. */
static void
test_headline_marks (void)
{
  g_autofree char *a = repair ("公安部：今年以来全国破获案件26.1万起\n\n记者从公安部获悉，今年以来案件下降。\n");
  g_autofree char *b = repair ("警惕！这种新骗局已有多人中招\n\n近日，市民张女士被骗5万元。\n");
  g_autofree char *c = repair ("即便工作卓有成效，可有\n\n3个问题困扰着他们：工作做得好不好？各部门\n\n"
                               "行业的责任是否压实？\n");

  g_assert_cmpstr (a, ==, "公安部：今年以来全国破获案件26.1万起\n\n记者从公安部获悉，今年以来案件下降。\n");
  g_assert_cmpstr (b, ==, "警惕！这种新骗局已有多人中招\n\n近日，市民张女士被骗5万元。\n");
  g_assert_cmpstr (c, ==, "即便工作卓有成效，可有3个问题困扰着他们：工作做得好不好？各部门行业的责任是否压实？\n");
}

static void
test_map_synthetic (void)
{
  const char *text = "  防 骗 讲 座 36 余 场 次\n\n\n标题\n正文，接着\n写。\r\n";
  g_autoptr(FzLayout) layout = fz_layout_new (text, strlen (text));

  /* the leading spaces are dropped: offset 0 maps to the first kept character */
  g_assert_cmpuint (fz_layout_to_repaired (layout, 0), ==, 0);
  g_assert_cmpuint (fz_layout_to_original (layout, 0), ==, 2);
  /* "骗" is original 4, repaired 1 */
  g_assert_cmpuint (fz_layout_to_repaired (layout, 4), ==, 1);
  g_assert_cmpuint (fz_layout_to_original (layout, 1), ==, 4);
  /* the space after 防 (original 3) maps to the next kept character, 骗 */
  g_assert_cmpuint (fz_layout_to_repaired (layout, 3), ==, 1);
  check_round_trip (text, strlen (text));
  check_round_trip ("", 0);
  check_round_trip ("\n\n\n", 3);
  check_round_trip ("a", 1);
  check_round_trip ("\r\r\n \t\xe3\x80\x80\n", 9);
}

static void
test_corpus_round_trip (void)
{
  g_autofree char *dir = fz_test_shared_path ("corpus", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    {
      g_test_skip ("no corpus: set FZ_SHARED_DIR");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      check_round_trip (text, len);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/spaced-cjk", test_spaced_cjk);
  g_test_add_func ("/layout/join-lines", test_join_lines);
  g_test_add_func ("/layout/headline-marks", test_headline_marks);
  g_test_add_func ("/layout/map-synthetic", test_map_synthetic);
  g_test_add_func ("/layout/corpus-round-trip", test_corpus_round_trip);
  return g_test_run ();
}
