/* test-period.c: period values (parse, write, resolve, compare) and the period finder on pages
 * written here; its gate on the first character loses no phrase of the shared pages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <string.h>

#include "fz-error.h"
#include "fz-figure.h"
#include "fz-period.h"
#include "fz-period-finder.h"
#include "fz-period-finder-private.h"

/* ---- values ---------------------------------------------------------------- */

static void
test_parse_forms (void)
{
  FzPeriod p;
  g_autoptr(GError) error = NULL;

  /* Y-01/: this year so far. */
  g_assert_true (fz_period_parse ("Y-01/", -1, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.start.year_kind, ==, FZ_PERIOD_YEAR_CURRENT);
  g_assert_cmpint (p.start.month, ==, 1);
  g_assert_cmpint (p.start.day, ==, 0);
  g_assert_cmpint (p.end.year_kind, ==, FZ_PERIOD_YEAR_OPEN);

  /* /Y-07-15: everything up to 15 July. */
  g_assert_true (fz_period_parse ("/Y-07-15", -1, &p, NULL));
  g_assert_cmpint (p.start.year_kind, ==, FZ_PERIOD_YEAR_OPEN);
  g_assert_cmpint (p.end.year_kind, ==, FZ_PERIOD_YEAR_CURRENT);
  g_assert_cmpint (p.end.month, ==, 7);
  g_assert_cmpint (p.end.day, ==, 15);

  g_assert_true (fz_period_parse ("2019-05/", -1, &p, NULL));
  g_assert_cmpint (p.start.year_kind, ==, FZ_PERIOD_YEAR_ABSOLUTE);
  g_assert_cmpint (p.start.year, ==, 2019);
  g_assert_cmpint (p.start.month, ==, 5);

  g_assert_true (fz_period_parse ("PY-01/PY-12", -1, &p, NULL));
  g_assert_cmpint (p.start.year_kind, ==, FZ_PERIOD_YEAR_PREVIOUS);
  g_assert_cmpint (p.end.month, ==, 12);

  /* A year alone is a valid end. */
  g_assert_true (fz_period_parse ("2021/2022", -1, &p, NULL));
  g_assert_cmpint (p.end.year, ==, 2022);

  /* Empty means no period. */
  g_assert_true (fz_period_parse ("", -1, &p, NULL));
  g_assert_true (fz_period_is_empty (&p));
  g_assert_true (fz_period_parse (NULL, -1, &p, NULL));
  g_assert_true (fz_period_is_empty (&p));

  /* Only @len bytes count. */
  g_assert_true (fz_period_parse ("Y-03/Y-03garbage", 9, &p, NULL));
  g_assert_cmpint (p.end.month, ==, 3);
}

static void
test_parse_invalid (void)
{
  static const char * const bad[] = {
    "/", "Y-01", "Y-1/", "Y-13/", "Y-00/", "Y-02-30/", "Y-04-31/", "2019-5/", "19-05/",
    "Y-01//", "Y/Y/Y", "y-01/", "Y-01-01-01/", "X-01/", "Y-03/Y-01", "2020/2019",
    "PY-01/PPY", "2019-05-1/", " Y-01/", "Y-01/ ", "Y-01-/", "YY/", "PY/PY-13", "Y/PY",
  };
  FzPeriod p;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      if (fz_period_parse (bad[i], -1, &p, &error))
        g_error ("“%s” should not parse", bad[i]);
      g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
      g_assert_true (fz_period_is_empty (&p));
    }
  /* 29 February: fine in a leap year, and for Y until the year is known. */
  g_assert_true (fz_period_parse ("2020-02-29/", -1, &p, NULL));
  g_assert_false (fz_period_parse ("2021-02-29/", -1, &p, NULL));
  g_assert_true (fz_period_parse ("Y-02-29/", -1, &p, NULL));
  /* Last year before this year is in order. */
  g_assert_true (fz_period_parse ("PY-06/Y-03", -1, &p, NULL));
}

static void
test_write_round_trip (void)
{
  static const char * const forms[] = {
    "Y-01/", "/Y-07-15", "Y-03/Y-03", "2019-05/", "2019-09/", "Y-01/Y-12", "Y-06/",
    "PY-01/PY-12", "2021/2021", "/2022-12-31", "Y-05-13/Y-05-14", "PY-06/Y-03", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      FzPeriod p;
      g_autofree char *written = NULL;

      g_assert_true (fz_period_parse (forms[i], -1, &p, NULL));
      written = fz_period_to_string (&p);
      g_assert_cmpstr (written, ==, forms[i]);
    }
}

static void
test_write_built (void)
{
  FzPeriod p;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  fz_period_clear (&p);
  p.start.year_kind = FZ_PERIOD_YEAR_ABSOLUTE;
  p.start.year = 2019;
  p.start.month = 9;
  a = fz_period_to_string (&p);
  g_assert_cmpstr (a, ==, "2019-09/");

  fz_period_clear (&p);
  p.end.year_kind = FZ_PERIOD_YEAR_CURRENT;
  p.end.month = 7;
  p.end.day = 5;
  b = fz_period_to_string (&p);
  /* Months and days always have two digits. */
  g_assert_cmpstr (b, ==, "/Y-07-05");

  /* The widest the fields hold fits the room fz_period_write () is given. */
  {
    char buf[FZ_PERIOD_WRITE_MAX + 8];

    memset (buf, 'x', sizeof buf);
    p.start.year_kind = p.end.year_kind = FZ_PERIOD_YEAR_ABSOLUTE;
    p.start.year = p.end.year = G_MAXUINT16;
    p.start.month = p.end.month = p.start.day = p.end.day = G_MAXUINT8;
    g_assert_cmpuint (fz_period_write (&p, buf), ==, 27);
    g_assert_cmpstr (buf, ==, "65535-255-255/65535-255-255");
    g_assert_cmpint (buf[FZ_PERIOD_WRITE_MAX], ==, 'x');
    p.start.year_kind = FZ_PERIOD_YEAR_PREVIOUS;
    p.start.month = 0;
    g_assert_cmpuint (fz_period_write (&p, buf), ==, 16);
    g_assert_cmpstr (buf, ==, "PY/65535-255-255");
    fz_period_clear (&p);
    g_assert_cmpuint (fz_period_write (&p, buf), ==, 0);
    g_assert_cmpstr (buf, ==, "");
  }
}

static void
test_resolve (void)
{
  FzPeriod p;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  g_assert_true (fz_period_parse ("Y-01/", -1, &p, NULL));
  g_assert_true (fz_period_has_unknown_year (&p));
  g_assert_true (fz_period_resolve (&p, 2022));
  g_assert_false (fz_period_has_unknown_year (&p));
  a = fz_period_to_string (&p);
  g_assert_cmpstr (a, ==, "2022-01/");

  g_assert_true (fz_period_parse ("PY-01/PY-12", -1, &p, NULL));
  fz_period_resolve (&p, 2022);
  b = fz_period_to_string (&p);
  g_assert_cmpstr (b, ==, "2021-01/2021-12");

  /* Written years do not move. */
  g_assert_true (fz_period_parse ("2019-05/", -1, &p, NULL));
  g_assert_false (fz_period_has_unknown_year (&p));
  g_assert_false (fz_period_resolve (&p, 2022));
  c = fz_period_to_string (&p);
  g_assert_cmpstr (c, ==, "2019-05/");

  d = fz_period_resolve_string ("/Y-07-15", 2023);
  g_assert_cmpstr (d, ==, "/2023-07-15");
  g_assert_null (fz_period_resolve_string ("Y-13/", 2023));
}

static void
test_equal (void)
{
  FzPeriod a, b;

  g_assert_true (fz_period_parse ("Y-01/", -1, &a, NULL));
  g_assert_true (fz_period_parse ("Y-01/", -1, &b, NULL));
  g_assert_true (fz_period_equal (&a, &b));
  /* Until the year is known, Y-01/ is not 2022-01/. */
  g_assert_true (fz_period_parse ("2022-01/", -1, &b, NULL));
  g_assert_false (fz_period_equal (&a, &b));
  fz_period_resolve (&a, 2022);
  g_assert_true (fz_period_equal (&a, &b));
  g_assert_true (fz_period_parse ("Y-01/Y-01", -1, &b, NULL));
  g_assert_false (fz_period_equal (&a, &b));


  /* One end against another: the same year as written, then month and day. */
  g_assert_true (fz_period_parse ("Y-03/Y-05", -1, &a, NULL));
  g_assert_true (fz_period_end_same_year (&a.start, &a.end));
  g_assert_false (fz_period_end_equal (&a.start, &a.end));
  g_assert_true (fz_period_end_year_is_unknown (&a.start));
  g_assert_true (fz_period_parse ("PY-03/2022-03", -1, &b, NULL));
  g_assert_false (fz_period_end_same_year (&b.start, &b.end));
  g_assert_false (fz_period_end_equal (&a.start, &b.start));
  g_assert_false (fz_period_end_year_is_unknown (&b.end));
  g_assert_true (fz_period_parse ("2022-03/", -1, &a, NULL));
  g_assert_true (fz_period_end_equal (&a.start, &b.end));
  g_assert_false (fz_period_end_year_is_unknown (&a.end));
}

/* Each list in the order its comparison sorts it: no period first, an open start first and an
 * open end last, PY after every known year and Y after PY. */
static void
check_order (const char * const *strs,
             guint               n,
             gint              (*compare) (const FzPeriod *, const FzPeriod *))
{
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        FzPeriod a, b;
        gint cmp;

        g_assert_true (fz_period_parse (strs[i], -1, &a, NULL));
        g_assert_true (fz_period_parse (strs[j], -1, &b, NULL));
        cmp = compare (&a, &b);
        if ((i < j && cmp >= 0) || (i == j && cmp != 0) || (i > j && cmp <= 0))
          g_error ("“%s” against “%s”: %d", strs[i], strs[j], cmp);
      }
}

static void
test_compare (void)
{
  static const char * const by_start[] = {
    "", "/2019-06", "/Y", "2019-01/2019-03", "2019/", "2019-03/2019-03", "2020/2020",
    "PY-01/PY-12", "PY/Y", "Y-01/", "Y-03/Y-03",
  };
  static const char * const by_end[] = {
    "", "2019-01/2019-03", "2019-03/2019-03", "/2019-06", "2020/2020", "PY-01/PY-12",
    "Y-03/Y-03", "/Y", "PY/Y", "2019/", "Y-01/",
  };

  check_order (by_start, G_N_ELEMENTS (by_start), fz_period_compare);
  check_order (by_end, G_N_ELEMENTS (by_end), fz_period_compare_latest);
}

/* ---- finder ---------------------------------------------------------------- */

typedef struct
{
  const char *text;
  const char *figure;     /* the figure's text, the first occurrence after @after */
  const char *after;      /* NULL, or a piece of text the figure follows */
  FzKind      kind;
  const char *period;     /* expected, as the spec writes it */
} Case;

static const char *
period_of (const char  *text,
           const char  *figure,
           const char  *after,
           FzKind       kind,
           const GDate *doc_date,
           char       **owned)
{
  g_autoptr(FzFigureList) figures = fz_figure_list_new ();
  const char *from = text, *hit;
  FzFigure *f;

  if (after != NULL)
    {
      from = strstr (text, after);
      g_assert_nonnull (from);
    }
  hit = strstr (from, figure);
  g_assert_nonnull (hit);
  f = fz_figure_list_append (figures);
  f->start = (guint32) g_utf8_pointer_to_offset (text, hit);
  f->end = f->start + (guint32) g_utf8_strlen (figure, -1);
  f->byte_start = (guint32) (hit - text);
  f->byte_end = f->byte_start + (guint32) strlen (figure);
  f->kind = kind;
  fz_period_assign (text, strlen (text), figures, NULL, doc_date);
  *owned = g_strdup (fz_figure_list_str (figures, fz_figure_list_get (figures, 0)->period));
  return *owned;
}

static void
check_cases (const Case *cases,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *got = NULL;

      period_of (cases[i].text, cases[i].figure, cases[i].after, cases[i].kind, NULL, &got);
      if (g_strcmp0 (got, cases[i].period) != 0)
        g_error ("%s [%s]: got “%s”, expected “%s”", cases[i].text, cases[i].figure, got,
                 cases[i].period);
    }
}

static void
test_finder_spec_words (void)
{
  static const Case cases[] = {
    { "今年以来，全市共侦破电诈案件120起，抓获犯罪嫌疑人85名。", "120起", NULL, FZ_KIND_COUNT, "Y-01/" },
    { "今年以来，全市共侦破电诈案件120起，抓获犯罪嫌疑人85名。", "85名", NULL, FZ_KIND_COUNT, "Y-01/" },
    { "截至7月15日，累计预警3000人。", "3000人", NULL, FZ_KIND_COUNT, "/Y-07-15" },
    { "截至今年12月，共破获案件40起。", "40起", NULL, FZ_KIND_COUNT, "Y-01/Y-12" },
    { "截至今年 12 月，共破获案件40起。", "40起", NULL, FZ_KIND_COUNT, "Y-01/Y-12" },
    { "1—11月，全市发案数同比下降20%。", "20%", NULL, FZ_KIND_PERCENT, "Y-01/Y-11" },
    { "1至7月，全市发案数下降15%。", "15%", NULL, FZ_KIND_PERCENT, "Y-01/Y-07" },
    { "3月份，全区共接警500起。", "500起", NULL, FZ_KIND_COUNT, "Y-03/Y-03" },
    { "上半年，全区共接警500起。", "500起", NULL, FZ_KIND_COUNT, "Y-01/Y-06" },
    { "下半年，全区共接警500起。", "500起", NULL, FZ_KIND_COUNT, "Y-07/Y-12" },
    { "一季度，全区共接警500起。", "500起", NULL, FZ_KIND_COUNT, "Y-01/Y-03" },
    { "今年三季度，全区共接警500起。", "500起", NULL, FZ_KIND_COUNT, "Y-07/Y-09" },
    { "前三季度，全区共接警500起。", "500起", NULL, FZ_KIND_COUNT, "Y-01/Y-09" },
    { "年初，全区共排查隐患60处。", "60处", NULL, FZ_KIND_COUNT, "Y-01/Y-01" },
    { "年底，全区共排查隐患60处。", "60处", NULL, FZ_KIND_COUNT, "Y-12/Y-12" },
    { "夏季，全区溺水事故下降30%。", "30%", NULL, FZ_KIND_PERCENT, "Y-06/Y-08" },
    { "今年夏季以来，全区溺水事故下降30%。", "30%", NULL, FZ_KIND_PERCENT, "Y-06/" },
    /* Holidays on a fixed day of the calendar */
    { "元旦以来，全区破获电诈案件20起。", "20起", NULL, FZ_KIND_COUNT, "Y-01/" },
    { "国庆假期，全区接报电诈案件12起。", "12起", NULL, FZ_KIND_COUNT, "Y-10/Y-10" },
    { "民警王国庆介绍，全区接报电诈案件12起。", "12起", NULL, FZ_KIND_COUNT, "" },
    /* 全月 and 当月: the month named last, even in an earlier paragraph; none after a stretch */
    { "10月份，县公安局开展专项行动。\n\n一是打击有力。全月破获案件27起。", "27起", NULL,
      FZ_KIND_COUNT, "Y-10/Y-10" },
    { "5月8日，县公安局召开会议。当月共抓获嫌疑人41人。", "41人", NULL, FZ_KIND_COUNT,
      "Y-05/Y-05" },
    { "1至10月，全县破获案件300起。\n\n当月抓获嫌疑人41人。", "41人", NULL, FZ_KIND_COUNT, "" },
    { "去年，全市共破获案件300起。", "300起", NULL, FZ_KIND_COUNT, "PY-01/PY-12" },
    { "自2020年9月以来，全市共劝阻群众2万人。", "2万人", NULL, FZ_KIND_COUNT, "2020-09/" },
    { "从2021年3月开始，发案数每月下降5%。", "5%", NULL, FZ_KIND_PERCENT, "2021-03/" },
    { "自今年4月专项行动开展以来，共查处案件90起。", "90起", NULL, FZ_KIND_COUNT, "Y-04/" },
    { "5月份至今，发案数下降12%。", "12%", NULL, FZ_KIND_PERCENT, "Y-05/" },
    /* 同比 and 去年同期 are the basis of the change, not its period. */
    { "今年以来，全市案发量同比下降43%。", "43%", NULL, FZ_KIND_PERCENT, "Y-01/" },
    { "今年以来，全市发案数较去年同期下降43%。", "43%", NULL, FZ_KIND_PERCENT, "Y-01/" },
    { "全市发案数比去年下降43%。", "43%", NULL, FZ_KIND_PERCENT, "" },
    /* 比上月 likewise: the sentence's month stays; 上月 alone is a time no year resolves. */
    { "4月份，全市止付资金1.2亿元，比上月增加3000万元。", "3000万元", NULL, FZ_KIND_MONEY,
      "Y-04/Y-04" },
    { "4月份，全市发案数较上个月下降5%。", "5%", NULL, FZ_KIND_PERCENT, "Y-04/Y-04" },
    { "上月，全市发案数下降5%。", "5%", NULL, FZ_KIND_PERCENT, "" },
    /* 目前, 如今 and 截至目前 give no period. */
    { "目前，全市共有反诈志愿者500名。", "500名", NULL, FZ_KIND_COUNT, "" },
    { "如今，全市已建成服务站30个。", "30个", NULL, FZ_KIND_COUNT, "" },
    { "截至目前，全市共捣毁窝点8个，抓获嫌疑人40人。", "40人", NULL, FZ_KIND_COUNT, "" },
    /* 从 without 开始 names a month, not a start. */
    { "发案数从1月份同比增长15%，到4月份同比下降9%。", "15%", NULL, FZ_KIND_PERCENT, "Y-01/Y-01" },
    { "发案数从1月份同比增长15%，到4月份同比下降9%。", "9%", NULL, FZ_KIND_PERCENT, "Y-04/Y-04" },
    /* Nothing said: nothing found. */
    { "全市共有反诈志愿者500名。", "500名", NULL, FZ_KIND_COUNT, "" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_finder_scope (void)
{
  static const Case cases[] = {
    /* The leading phrase governs the paragraph ... */
    { "今年以来，全市破获案件120起。同时，新建反诈站点15个。\n\n全市还有志愿者300名。",
      "15个", NULL, FZ_KIND_COUNT, "Y-01/" },
    /* ... but not the next one. */
    { "今年以来，全市破获案件120起。同时，新建反诈站点15个。\n\n全市还有志愿者300名。",
      "300名", NULL, FZ_KIND_COUNT, "" },
    /* A phrase after the figure does not govern it. */
    { "全市新建站点15个。今年以来，全市破获案件120起。", "15个", NULL, FZ_KIND_COUNT, "" },
    /* A line break inside a sentence is no boundary, even a blank line. */
    { "今年以来，全市共破获\n案件120起。", "120起", NULL, FZ_KIND_COUNT, "Y-01/" },
    { "今年以来，全市共破获电信网络诈骗案\n\n件120起。", "120起", NULL, FZ_KIND_COUNT, "Y-01/" },
    { "截至7月\n15日，累计预警3000人。", "3000人", NULL, FZ_KIND_COUNT, "/Y-07-15" },
    /* A relative start takes the start stated before it. */
    { "2018年6月，市公安局开通了反诈热线。一年来，热线共劝阻诈骗200起。",
      "200起", NULL, FZ_KIND_COUNT, "2018-06/" },
    { "今年以来，某区探索形成监督工作法。\n\n工作开展以来，该区建立监督阵地40个。",
      "40个", NULL, FZ_KIND_COUNT, "Y-01/" },
    { "工作开展以来，该区建立监督阵地40个。", "40个", NULL, FZ_KIND_COUNT, "" },
    /* A single day is an event: it does not govern the sentences after it. */
    { "5月20日，反诈平台开通运行。此后，全市12个部门接入平台。",
      "12个", NULL, FZ_KIND_COUNT, "" },
    /* Dates and durations get no period. */
    { "今年以来，热线24小时提供服务。", "24小时", NULL, FZ_KIND_DURATION, "" },
    { "今年以来，3月15日举行了活动。", "3月15日", NULL, FZ_KIND_DATE, "" },
    /* The clause wins over the sentence. */
    { "今年，全区发案数明显下降，5月份至今同比下降18%。", "18%", NULL, FZ_KIND_PERCENT, "Y-05/" },
    { "今年，全区发案数明显下降，同比下降18%。", "18%", NULL, FZ_KIND_PERCENT, "Y-01/" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* The error classes of articles nobody tuned to (issue 21), in sentences written here. */
static void
test_finder_unseen (void)
{
  static const Case cases[] = {
    /* The day of a press conference does not bound the statistics after it. */
    { "5月8日，市政府召开新闻发布会，今年一季度全市发案下降12%。", "12%", NULL,
      FZ_KIND_PERCENT, "Y-01/Y-03" },
    { "3月7日，记者从县公安局了解到，该局今年累计劝阻群众600人次。", "600人次", NULL,
      FZ_KIND_COUNT, "Y-01/" },
    { "3月7日，记者从县公安局了解到，该局累计劝阻群众600人次。", "600人次", NULL,
      FZ_KIND_COUNT, "" },
    /* The day of an event does bound what happened at it. */
    { "2月4日下午，区公安局举办返还活动，现场返还涉案资金37万元。", "37万元", NULL,
      FZ_KIND_MONEY, "Y-02-04/Y-02-04" },
    { "12月6日，分局举行返还仪式。\n\n当天，警方返还被骗资金412万元。", "412万元", NULL,
      FZ_KIND_MONEY, "Y-12-06/Y-12-06" },
    { "去年至今，全市共破获案件300起。", "300起", NULL, FZ_KIND_COUNT, "PY-01/" },
    { "去年以来，全市共破获案件300起。", "300起", NULL, FZ_KIND_COUNT, "PY-01/" },
    { "今年前4个月，全市发案下降9%。", "9%", NULL, FZ_KIND_PERCENT, "Y-01/Y-04" },
    { "今年首七個月，共接獲騙案2345宗。", "2345宗", NULL, FZ_KIND_COUNT, "Y-01/Y-07" },
    { "前9月，全市共受理诈骗案件2863件。", "2863件", NULL, FZ_KIND_COUNT, "Y-01/Y-09" },
    { "开年以来，全市共受理诈骗案件286件。", "286件", NULL, FZ_KIND_COUNT, "Y-01/" },
    /* 同期 alone is the stretch named last; after a time or a word of comparison, a basis */
    { "今年1至9月，全省检察机关起诉嫌疑人4312人。\n\n法院同期审结案件1876件。", "1876件", NULL,
      FZ_KIND_COUNT, "Y-01/Y-09" },
    { "今年以来，全市破获案件100起，与去年同期相比上升10%。", "10%", NULL, FZ_KIND_PERCENT,
      "Y-01/" },
    /* The year of an old value after 较 is its own, not the change's after it */
    { "2023年，全市破获电诈案件3215起，较2022年的2689起增长19.6%。", "2689起", NULL,
      FZ_KIND_COUNT, "2022-01/2022-12" },
    { "2023年，全市破获电诈案件3215起，较2022年的2689起增长19.6%。", "19.6%", NULL,
      FZ_KIND_PERCENT, "2023-01/2023-12" },
    /* A word that blocks (近年来) inside a clause after a phrase that leads the sentence */
    { "12月份，全市电诈发案数为近年来单月最低，仅为136起。", "136起", NULL, FZ_KIND_COUNT,
      "Y-12/Y-12" },
    { "近日，全市破获电诈案件36起。", "36起", NULL, FZ_KIND_COUNT, "" },
    /* A headline with a colon, a blank line after it, ends its paragraph */
    { "回眸2023：全市反诈工作年终盘点\n\n2023年，全市公安机关共破获电诈案件3215起，较2022年的"
      "2689起增长19.6%。", "3215起", NULL, FZ_KIND_COUNT, "2023-01/2023-12" },
    { "8月中旬以来，全市破获案件123起。", "123起", NULL, FZ_KIND_COUNT, "Y-08/" },
    /* Months in a list: next to each other they are one stretch */
    { "7、8月份，全市破获案件123起。", "123起", NULL, FZ_KIND_COUNT, "Y-07/Y-08" },
    { "今年7月和8月，全市破获案件123起。", "123起", NULL, FZ_KIND_COUNT, "Y-07/Y-08" },
    { "2021年4月至今，全市共破获案件300起。", "300起", NULL, FZ_KIND_COUNT, "2021-04/" },
    { "第一季度，全市共破获案件300起。", "300起", NULL, FZ_KIND_COUNT, "Y-01/Y-03" },
    { "2021年，全市共破获案件300起。", "300起", NULL, FZ_KIND_COUNT, "2021-01/2021-12" },
    { "2018年10月15日至2019年底，立案同比下降20%。", "20%", NULL, FZ_KIND_PERCENT,
      "2018-10-15/2019-12" },
    { "1—7月，全市发案数下降15%。", "15%", NULL, FZ_KIND_PERCENT, "Y-01/Y-07" },
    /* A web page's dateline ends its line, whatever follows on the next. */
    { "示例标题\n时间：2024-11-15\n今年以来，全市共破获案件300起。", "300起", NULL, FZ_KIND_COUNT,
      "Y-01/" },
    { "示例标题\n来源：某某网 2024年11月15日\n今年以来，全市共破获案件300起。", "300起", NULL,
      FZ_KIND_COUNT, "Y-01/" },
    /* The time a change is measured from is no period: 较年初, 比2023年, 与…同期相比. */
    { "全民反诈APP注册量达到1800万人，较年初增长56%。", "56%", NULL, FZ_KIND_PERCENT, "" },
    { "今年以来，全市破获案件300起，与2023年同期相比上升10%。", "10%", NULL, FZ_KIND_PERCENT,
      "Y-01/" },
    /* Taiwan's years count from 1912. */
    { "民國113年1至6月，全國受理詐欺案件12345件。", "12345件", NULL, FZ_KIND_COUNT,
      "2024-01/2024-06" },
    /* The first year of a range may leave out its 年. */
    { "2019至2021年，全市共破获案件300起。", "300起", NULL, FZ_KIND_COUNT,
      "2019-01/2021-12" },
    { "2019-2021年，全市共破获案件300起。", "300起", NULL, FZ_KIND_COUNT,
      "2019-01/2021-12" },
    /* 全年 and a month without a year speak of the year named before them. */
    { "2021年，全市推进反诈工作，全年下降11.4%。", "11.4%", NULL, FZ_KIND_PERCENT,
      "2021-01/2021-12" },
    { "2023年，继续保持压降势头，1-7月发案199起。", "199起", NULL, FZ_KIND_COUNT,
      "2023-01/2023-07" },
    /* 截至目前 after the phrase that leads the sentence leaves it governing. */
    { "今年以来，全市升级反诈中心，截至目前，全市侦破案件同比上升近二成。", "近二成", NULL,
      FZ_KIND_PERCENT, "Y-01/" },
    { "今年以来，截至8月中旬，全区共接警情389起。", "389起", NULL, FZ_KIND_COUNT, "Y-01/Y-08" },
    /* A start later than the end joins nothing: the end stands alone. */
    { "9月起，截至3月，全区共接警情389起。", "389起", NULL, FZ_KIND_COUNT, "/Y-03" },
    /* The year of a change's old value governs that value, not the new one after 至. */
    { "今年以来，被骗率从去年的3.16%降至0.042%。", "0.042%", NULL, FZ_KIND_PERCENT, "Y-01/" },
    { "今年以来，电诈案件占比由去年的48.6%下降至41.2%。", "41.2%", NULL, FZ_KIND_PERCENT,
      "Y-01/" },
    { "今年以来，被骗率从去年的3.16%降至0.042%。", "3.16%", NULL, FZ_KIND_PERCENT,
      "PY-01/PY-12" },
    /* and in the sentence before, on a clause of its own. */
    { "据介绍，今年以来，诈骗犯罪仍处高位。截至7月底，诈骗案同比上升23.7%。", "23.7%", NULL,
      FZ_KIND_PERCENT, "Y-01/Y-07" },
    /* A phrase heading a clause governs the clauses after it. */
    { "线上推广反诈APP；全年发布视频200余个，文章800余篇。", "800余篇", NULL,
      FZ_KIND_COUNT, "Y-01/Y-12" },
    /* A wire dispatch's dateline is no period. */
    { "新华社某地3月9日电 该中心2018年拦截资金4亿元，关停诈骗电话5821个。", "5821个", NULL,
      FZ_KIND_COUNT, "2018-01/2018-12" },
    /* Seasons in a list name no one stretch; 期间 closes a phrase. */
    { "通过开展春季、夏季打团伙行动，共打掉团伙35个。", "35个", NULL, FZ_KIND_COUNT, "" },
    { "全市警方夏季治安整治行动期间，共抓获违法人员79人。", "79人", NULL, FZ_KIND_COUNT,
      "Y-06/Y-08" },
    /* 是去年的 is the basis of a ratio. */
    { "今年以来，追赃挽损3200万元，是去年总额的4.3倍。", "4.3倍", NULL, FZ_KIND_PERCENT,
      "Y-01/" },
    /* A relative start takes the founding the text names. */
    { "2015年6月，某市成立反诈中心。2016年5月，组建省市合一的中心。2016年全市发案下降。"
      "近一年来，中心共冻结账户900余个。", "900余个", NULL, FZ_KIND_COUNT, "2016-05/" },
    { "2020年3月，某市组建反诈中心。三年来，中心共冻结账户900余个。", "900余个", NULL,
      FZ_KIND_COUNT, "2020-03/" },
    /* ... not the stretch a report covers, nor, for 三年来, a start this year. */
    { "今年1至10月，全市破获案件120起。近三年来，起诉在校学生87人。", "87人", NULL,
      FZ_KIND_COUNT, "" },
    { "一季度以来，全市办理案件356件。近三年来，起诉在校学生87人。", "87人", NULL,
      FZ_KIND_COUNT, "" },
    { "2023年1—6月，全市发案下降。工作开展以来，共建立阵地40个。", "40个", NULL,
      FZ_KIND_COUNT, "" },
    /* A day written in digits; not a version's number, nor a web page's dateline. */
    { "2023.10.15，全市破获案件12起。", "12起", NULL, FZ_KIND_COUNT, "2023-10-15/2023-10-15" },
    { "2023/10/16，全市破获案件13起。", "13起", NULL, FZ_KIND_COUNT, "2023-10-16/2023-10-16" },
    { "版本2023.10.15.1发布，抓获3人。", "3人", NULL, FZ_KIND_COUNT, "" },
    { "发布时间：2024-11-15 09:30 来源：某某网\n全市破获案件120起。", "120起", NULL,
      FZ_KIND_COUNT, "" },
    /* Days of one year, from one to the other. */
    { "11月27日至12月3日，全市共接报警情126起。", "126起", NULL, FZ_KIND_COUNT,
      "Y-11-27/Y-12-03" },
    { "1月1日—6月30日，全市破获案件300起。", "300起", NULL, FZ_KIND_COUNT,
      "Y-01-01/Y-06-30" },
    /* A clause that names the source of the news leaves the phrase after it leading. */
    { "记者从省公安厅获悉，今年以来，全省破获案件1200起。其中，甲县发案下降32.5%。", "32.5%",
      NULL, FZ_KIND_PERCENT, "Y-01/" },
    { "全省各地各部门认真落实，今年以来，全省破获案件1200起。其中，甲县发案下降32.5%。",
      "32.5%", NULL, FZ_KIND_PERCENT, "" },
    /* 较第二季度 is the basis of the change, read from its 二 as from its 第. */
    { "第三季度，全市共破获案件210件，较第二季度增长近三成。", "近三成", NULL,
      FZ_KIND_PERCENT, "Y-07/Y-09" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* 本月 in a monthly bulletin is the month it was published; unknown without its date. */
static void
test_finder_this_month (void)
{
  GDate date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, G_DATE_APRIL, 2022);
  period_of ("这类预警提醒，本月出现了5次。", "5次", NULL, FZ_KIND_COUNT, &date, &a);
  g_assert_cmpstr (a, ==, "2022-04/2022-04");
  period_of ("这类预警提醒，本月出现了5次。", "5次", NULL, FZ_KIND_COUNT, NULL, &b);
  g_assert_cmpstr (b, ==, "");
  /* 本月以来 starts the month and leaves the end open. */
  period_of ("本月以来，全市破获案件110起。", "110起", NULL, FZ_KIND_COUNT, &date, &c);
  g_assert_cmpstr (c, ==, "2022-04/");
  /* With no date of its own, a wire dispatch was filed in its dateline's month. */
  period_of ("新华社某地7月26日电 本月以来，全市破获案件110起。", "110起", NULL,
             FZ_KIND_COUNT, NULL, &d);
  g_assert_cmpstr (d, ==, "Y-07/");
  period_of ("新华社某地7月26日电 本月20日开始，全市劝阻群众1800人。", "1800人", NULL,
             FZ_KIND_COUNT, NULL, &e);
  g_assert_cmpstr (e, ==, "Y-07-20/");
}

/* 上月 is the month before the bulletin's, in the year before in January; unknown without
 * its date, and the basis of a change in 比上月. */
static void
test_finder_last_month (void)
{
  GDate date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, G_DATE_APRIL, 2022);
  period_of ("上月，全市共发案60起。", "60起", NULL, FZ_KIND_COUNT, &date, &a);
  g_assert_cmpstr (a, ==, "2022-03/2022-03");
  period_of ("上月，全市共发案60起。", "60起", NULL, FZ_KIND_COUNT, NULL, &b);
  g_assert_cmpstr (b, ==, "");
  g_date_set_dmy (&date, 10, G_DATE_JANUARY, 2022);
  period_of ("上个月，全市共发案60起。", "60起", NULL, FZ_KIND_COUNT, &date, &c);
  g_assert_cmpstr (c, ==, "2021-12/2021-12");
  g_date_set_dmy (&date, 25, G_DATE_APRIL, 2022);
  period_of ("3月份，全市发案比上月减少6起。", "6起", NULL, FZ_KIND_COUNT, &date, &d);
  g_assert_cmpstr (d, ==, "2022-03/2022-03");
}

/* A month or a quarter that writes no year and has not begun when the page was published
 * (12月份 in January) is of the year before; one written with its year, or 全年, is not. */
static void
test_finder_before_publication (void)
{
  static const struct { const char *text, *figure; FzKind kind; const char *want; } cases[] = {
    { "12月份，全市电诈发案136起。", "136起", FZ_KIND_COUNT, "2023-12/2023-12" },
    { "第四季度，全市发案同比下降41.7%。", "41.7%", FZ_KIND_PERCENT, "2023-10/2023-12" },
    { "今年12月，全市电诈发案136起。", "136起", FZ_KIND_COUNT, "2024-12/2024-12" },
    { "力争全年发案数下降15%。", "15%", FZ_KIND_PERCENT, "2024-01/2024-12" },
    { "下半年，力争发案数下降15%。", "15%", FZ_KIND_PERCENT, "2024-07/2024-12" },
  };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, G_DATE_JANUARY, 2024);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = NULL;

      period_of (cases[i].text, cases[i].figure, NULL, cases[i].kind, &date, &got);
      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

/* 截至24日 in a bulletin of a known month is up to that day of the month; 本月以来 leading the
 * sentence starts the stretch, a clause or more before it. */
static void
test_finder_until_day_of_month (void)
{
  GDate date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 26, G_DATE_JULY, 2024);
  period_of ("本月以来，电话骗案上升幅度加快，截至24日已有130宗。", "130宗", NULL, FZ_KIND_COUNT,
             &date, &a);
  g_assert_cmpstr (a, ==, "2024-07/2024-07-24");
  period_of ("截至24日，全市共劝阻群众300人。", "300人", NULL, FZ_KIND_COUNT, &date, &b);
  g_assert_cmpstr (b, ==, "/2024-07-24");
  /* without the month of the page, the day says nothing */
  period_of ("截至24日，全市共劝阻群众300人。", "300人", NULL, FZ_KIND_COUNT, NULL, &c);
  g_assert_cmpstr (c, ==, "");
}

/* Hong Kong's 首三季 and 第三季; 今年截至9月底 is this year up to September. */
static void
test_finder_hong_kong_parts (void)
{
  static const Case cases[] = {
    { "今年首三季整体罪案共录得67832宗。", "67832宗", NULL, FZ_KIND_COUNT, "Y-01/Y-09" },
    { "第三季，骗案录得900宗。", "900宗", NULL, FZ_KIND_COUNT, "Y-07/Y-09" },
    { "警方今年截至9月底共拘捕4215人。", "4215人", NULL, FZ_KIND_COUNT, "Y-01/Y-09" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* 截至6月底 leading the sentence ends the stretch that 今年 in the figure's clause starts. */
static void
test_finder_until_then_since (void)
{
  static const Case cases[] = {
    { "截至6月底，今年全市共发案210起。", "210起", NULL, FZ_KIND_COUNT, "Y-01/Y-06" },
    { "截至7月15日，今年以来全市共劝阻300人，同比上升5%。", "5%", NULL, FZ_KIND_PERCENT,
      "Y-01/Y-07-15" },
    /* 截至目前 gives no end */
    { "截至目前，今年全市发案90起。", "90起", NULL, FZ_KIND_COUNT, "Y-01/" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* The period's cue is the phrase it was read from, in code points of the text. */
static void
test_finder_cue (void)
{
  g_autoptr(FzFigureList) figures = fz_figure_list_new ();
  const char *text = "据悉，今年以来，全市破获案件120起。";
  const char *hit = strstr (text, "120起");
  FzFigure *f = fz_figure_list_append (figures);
  const FzFigure *got;
  g_autofree char *cue = NULL;

  f->start = (guint32) g_utf8_pointer_to_offset (text, hit);
  f->end = f->start + 4;
  f->byte_start = (guint32) (hit - text);
  f->byte_end = f->byte_start + (guint32) strlen ("120起");
  f->kind = FZ_KIND_COUNT;
  fz_period_assign (text, strlen (text), figures, NULL, NULL);
  got = fz_figure_list_get (figures, 0);
  g_assert_cmpuint (got->period_cue_start, ==, 3);
  g_assert_cmpuint (got->period_cue_end, ==, 7);
  cue = fz_figure_dup_cue_text (got, text, strlen (text), got->period_cue_start,
                                got->period_cue_end);
  g_assert_cmpstr (cue, ==, "今年以来");
}

static void
test_finder_doc_date (void)
{
  GDate date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, G_DATE_APRIL, 2022);
  period_of ("今年以来，全市破获案件120起。", "120起", NULL, FZ_KIND_COUNT, &date, &a);
  g_assert_cmpstr (a, ==, "2022-01/");
  period_of ("去年，全市破获案件120起。", "120起", NULL, FZ_KIND_COUNT, &date, &b);
  g_assert_cmpstr (b, ==, "2021-01/2021-12");
  period_of ("自2019年9月以来，全市破获案件120起。", "120起", NULL, FZ_KIND_COUNT, &date, &c);
  g_assert_cmpstr (c, ==, "2019-09/");
}

static void
test_finder_robust (void)
{
  g_autoptr(FzFigureList) figures = fz_figure_list_new ();
  FzFigure *f;
  const char *text = "截至";

  /* Spans past the end of the text and an empty text must not crash. */
  f = fz_figure_list_append (figures);
  f->start = 100;
  f->end = 120;
  f->kind = FZ_KIND_COUNT;
  fz_period_assign (text, strlen (text), figures, NULL, NULL);
  g_assert_cmpstr (fz_figure_list_str (figures, fz_figure_list_get (figures, 0)->period), ==, "");
  fz_period_assign ("", 0, figures, NULL, NULL);
  fz_period_assign ("\xff\xfe今年以来，\xc3", 17, figures, NULL, NULL);
}

/* Found by fuzzing: 8181/Y parses (the year of Y is not known yet), but in a page of 2022 it
 * would end before it starts. Resolving then refuses and leaves the period as written. */
static void
test_resolve_contradiction (void)
{
  FzPeriod period;
  g_autofree char *written = NULL;
  g_autofree char *resolved = NULL;

  g_assert_true (fz_period_parse ("8181/Y", -1, &period, NULL));
  g_assert_false (fz_period_resolve (&period, 2022));
  written = fz_period_to_string (&period);
  g_assert_cmpstr (written, ==, "8181/Y");
  g_assert_true (fz_period_is_valid (&period));
  resolved = fz_period_resolve_string ("8181/Y", 2022);
  g_assert_cmpstr (resolved, ==, "8181/Y");
}

/* The phrases of @text, tried where the gate lets them or everywhere. */
static GArray *
scan_phrases (const char *text,
              gsize       len,
              gboolean    everywhere)
{
  Scan s = { 0 };
  GArray *exprs;

  _fz_period_finder_try_everywhere = everywhere;
  _fz_period_finder_scan_init (&s, text, len);
  _fz_period_finder_scan_exprs (&s);
  _fz_period_finder_try_everywhere = FALSE;
  exprs = g_steal_pointer (&s.exprs);
  _fz_period_finder_scan_clear (&s);
  return exprs;
}

static guint
check_gate_folder (const char *folder)
{
  g_autofree char *path = g_build_filename (g_getenv ("FZ_SHARED_DIR"), folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n_exprs = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *text = NULL;
      gsize len;
      g_autoptr(GArray) gated = NULL, everywhere = NULL;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (file, &text, &len, NULL))
        continue;
      gated = scan_phrases (text, len, FALSE);
      everywhere = scan_phrases (text, len, TRUE);
      g_assert_cmpuint (gated->len, ==, everywhere->len);
      g_assert_cmpmem (gated->data, gated->len * sizeof (Expr),
                       everywhere->data, everywhere->len * sizeof (Expr));
      n_exprs += gated->len;
    }
  return n_exprs;
}

/* The scan tries a phrase only where its first character may start one: every phrase of the
 * shared pages is found as when it tries everywhere. */
static void
test_finder_gate (void)
{
  const char *text = "自2021年3月开展以来，截至目前，两年来，前三季度破获案件12起。";
  g_autoptr(GArray) exprs = NULL;

  exprs = scan_phrases (text, strlen (text), FALSE);
  g_assert_cmpuint (exprs->len, >=, 3);
  if (g_getenv ("FZ_SHARED_DIR") == NULL)
    {
      g_test_skip ("FZ_SHARED_DIR is not set");
      return;
    }
  g_assert_cmpuint (check_gate_folder ("corpus") + check_gate_folder ("corpus-dev"), >, 100);
}

/* ---- the compact text --------------------------------------------------------- */

static gboolean
is_left_out_char (gunichar c)
{
  return fz_text_isspace (c) || c == 0xFEFF;
}

/* The compact text of all[0, n_all) (all[n_all] is its NUL) against what it must be, read
 * one character at a time: the kept characters in order, a PARA only where white space stood,
 * a mark at each character that ends a clause, a start at each that starts a word, a gap for
 * each run of white space. */
static void
check_compact (const gunichar *all,
               guint           n_all)
{
  const guint8 *firsts = _fz_period_start_firsts ();
  Scan s = { 0 };
  guint k = 0, n_marks = 0, n_starts = 0, n_gaps = 0;

  _fz_period_finder_scan_init_chars (&s, all, n_all);
  g_assert_cmpuint (s.n_orig, ==, n_all);
  g_assert_cmpuint (s.u[s.n], ==, 0);
  for (guint i = 0; i <= n_all; i++)
    {
      if (i < n_all && is_left_out_char (all[i]))
        {
          guint j = i;

          while (j < n_all && is_left_out_char (all[j]))
            j++;
          g_assert_cmpuint (n_gaps, <, s.n_gaps);
          g_assert_cmpuint (s.gaps[n_gaps].orig_start, ==, i);
          g_assert_cmpuint (s.gaps[n_gaps].orig_end, ==, j);
          g_assert_cmpuint (s.gaps[n_gaps].compact_at, ==, k);
          /* A PARA, if any, stands for the run, with its mark. */
          if (s.gaps[n_gaps].compact_after == k + 1)
            {
              g_assert_cmpuint (s.u[k], ==, PARA);
              g_assert_cmpuint (n_marks, <, s.n_marks);
              g_assert_cmpuint (s.marks[n_marks++].pos, ==, k);
              k++;
            }
          g_assert_cmpuint (s.gaps[n_gaps].compact_after, ==, k);
          n_gaps++;
          i = j - 1;
          continue;
        }
      if (i == n_all)
        break;
      g_assert_cmpuint (k, <, s.n);
      g_assert_cmpuint (s.u[k], ==, all[i]);
      if (all[i] < 0x10000 && firsts[all[i]] != 0)
        {
          g_assert_cmpuint (n_starts, <, s.n_starts);
          g_assert_cmpuint (s.starts[n_starts++], ==, k);
        }
      if (is_clause_end (all[i]))
        {
          g_assert_cmpuint (n_marks, <, s.n_marks);
          g_assert_cmpuint (s.marks[n_marks++].pos, ==, k);
        }
      k++;
    }
  g_assert_cmpuint (k, ==, s.n);
  g_assert_cmpuint (n_marks, ==, s.n_marks);
  g_assert_cmpuint (n_starts, ==, s.n_starts);
  g_assert_cmpuint (n_gaps, ==, s.n_gaps);
  _fz_period_finder_scan_clear (&s);
}

static void
check_compact_text (const char *text)
{
  guint n;
  g_autofree gunichar *all = g_utf8_to_ucs4_fast (text, -1, NULL);

  for (n = 0; all[n] != 0; n++)
    ;
  check_compact (all, n);
}

/* The compact text is copied a stretch at a time between the characters that need more: none
 * is lost or noted twice, at the ends of the text or of its stretches either. */
static void
test_finder_compact (void)
{
  /* A NUL inside the text, and characters past the plane (U+20000, U+1F600). */
  static const gunichar with_nul[] = { 0x4ECA, 0x5E74, 0, '2', '0', 0x5E74, 0x20000, 0xFF0C,
                                       0x1F600, '\n', '\n', 0x4E00, 0 };

  check_compact_text ("");
  check_compact_text ("今");
  check_compact_text (" ");
  check_compact_text ("今年以来，全市破获案件12起。");
  check_compact_text ("\xef\xbb\xbf标题\n\n  今年 1 - 7 月，\t破获案件\u3000120起；\r\n去年同期：90起!\n");
  check_compact_text ("据悉，2023年5月8日，市政府召开发布会\n\n\n截至目前，一年来共\xe2\x80\xa8计3起？\n#\n");
  check_compact_text ("\xf0\xa0\x80\x80自从2021年，近日…上半年,前4个月;本月:当天\xe3\x80\x82");
  check_compact_text ("a\nb\nc\n一二三四五六七八九十两〇零\n\n");
  check_compact (with_nul, G_N_ELEMENTS (with_nul) - 1);
  check_compact (with_nul + 3, G_N_ELEMENTS (with_nul) - 4);

  /* Every character of the plane and some past it, each between two Han: each is told as it
   * should be. */
  {
    g_autofree gunichar *every = g_new (gunichar, 3 * 0x11000 + 1);
    guint n = 0;

    for (gunichar c = 1; c < 0x11000; c++)
      if (c < 0xD800 || c > 0xDFFF)
        {
          every[n++] = 0x4E2D;
          every[n++] = c;
          every[n++] = 0x6587;
        }
    every[n] = 0;
    check_compact (every, n);
  }
}

/* The gate tells numerals by its table: every numeral is in it as one, and nothing else is. */
static void
test_finder_gate_numerals (void)
{
  for (gunichar c = 0; c < 0x110000; c++)
    if (is_numeral (c) != _fz_period_start_is_numeral (c))
      g_error ("U+%04X: a numeral %d, by the gate's table %d", c, is_numeral (c),
               _fz_period_start_is_numeral (c));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/period/parse", test_parse_forms);
  g_test_add_func ("/period/parse-invalid", test_parse_invalid);
  g_test_add_func ("/period/write-round-trip", test_write_round_trip);
  g_test_add_func ("/period/write-built", test_write_built);
  g_test_add_func ("/period/resolve", test_resolve);
  g_test_add_func ("/period/resolve-contradiction", test_resolve_contradiction);
  g_test_add_func ("/period/equal", test_equal);
  g_test_add_func ("/period/compare", test_compare);
  g_test_add_func ("/period/finder/spec-words", test_finder_spec_words);
  g_test_add_func ("/period/finder/scope", test_finder_scope);
  g_test_add_func ("/period/finder/doc-date", test_finder_doc_date);
  g_test_add_func ("/period/finder/unseen", test_finder_unseen);
  g_test_add_func ("/period/finder/this-month", test_finder_this_month);
  g_test_add_func ("/period/finder/last-month", test_finder_last_month);
  g_test_add_func ("/period/finder/before-publication", test_finder_before_publication);
  g_test_add_func ("/period/finder/until-then-since", test_finder_until_then_since);
  g_test_add_func ("/period/finder/until-day-of-month", test_finder_until_day_of_month);
  g_test_add_func ("/period/finder/hong-kong-parts", test_finder_hong_kong_parts);
  g_test_add_func ("/period/finder/cue", test_finder_cue);
  g_test_add_func ("/period/finder/robust", test_finder_robust);
  g_test_add_func ("/period/finder/gate", test_finder_gate);
  g_test_add_func ("/period/finder/compact", test_finder_compact);
  g_test_add_func ("/period/finder/gate-numerals", test_finder_gate_numerals);
  return g_test_run ();
}
