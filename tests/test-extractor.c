/* test-extractor.c: unit cases of the figure extractor, written from spec/figures.md. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-extractor.h"

#include <string.h>

typedef struct
{
  const char *text;      /* the span, exactly */
  const char *kind;
  const char *value;
  const char *unit;
  const char *qualifier;
  const char *change;
  const char *basis;
} Expect;

typedef struct
{
  const char *input;
  Expect      figures[4];  /* all of them, in order; a NULL text ends the list */
} Case;

static const Case cases[] = {
  /* Kinds */
  { "今年共破获案件12起。", { { "12起", "count", "12", "起", "exact", "", "" } } },
  { "累计劝阻1.6万余人次。", { { "1.6万余人次", "count", "16000", "人次", "over", "", "" } } },
  { "冻结资金97.7亿元。", { { "97.7亿元", "money", "9770000000", "元", "exact", "", "" } } },
  { "获赔3万美元。", { { "3万美元", "money", "30000", "美元", "exact", "", "" } } },
  { "指数得分为88.5分，", { { "88.5分", "score", "88.5", "分", "exact", "", "" } } },
  { "全天24小时值守", { { "24小时", "duration", "24", "小时", "exact", "", "" } } },
  { "辖区面积12.5平方公里。", { { "12.5平方公里", "area", "12.5", "平方公里", "exact", "", "" } } },
  { "于2020年6月8日召开", { { "2020年6月8日", "date", "2020-06-08", "", "exact", "", "" } } },
  { "第三届论坛", { { "第三届", "ordinal", "3", "届", "exact", "", "" } } },
  { "热线电话0571-1234567。",
    { { "0571-1234567", "identifier", "0571-1234567", "", "exact", "", "" } } },
  { "请拨打12345反映", { { "12345", "identifier", "12345", "", "exact", "", "" } } },
  /* an identity card's 18 digits and a bank card's 19 are codes, not amounts */
  { "身份证号110101199003071234，卡号6222020200001234567。",
    { { "110101199003071234", "identifier", "110101199003071234", "", "exact", "", "" },
      { "6222020200001234567", "identifier", "6222020200001234567", "", "exact", "", "" } } },
  /* Full-width digits and Chinese numerals */
  { "占比１２％。", { { "１２％", "percent", "12", "%", "exact", "", "" } } },
  { "组建了两支队伍", { { "两支", "count", "2", "支", "exact", "", "" } } },
  { "三千五百余人参加", { { "三千五百余人", "count", "3500", "人", "over", "", "" } } },
  { "占百分之五十。", { { "百分之五十", "percent", "50", "%", "exact", "", "" } } },
  { "约有三成居民", { { "三成", "percent", "30", "%", "exact", "", "" } } },
  /* Qualifiers */
  { "超过200人参加", { { "超过200人", "count", "200", "人", "over", "", "" } } },
  { "约 50家单位", { { "约 50家", "count", "50", "家", "about", "", "" } } },
  { "处置率达95%以上。", { { "95%以上", "percent", "95", "%", "over", "", "" } } },
  { "要求30分钟内到场", { { "30分钟内", "duration", "30", "分钟", "under", "", "" } } },
  { "出动民警100人左右", { { "100人左右", "count", "100", "人", "about", "", "" } } },
  /* Change and basis */
  { "发案数同比下降12.5%，", { { "12.5%", "percent", "12.5", "%", "exact", "down", "yoy" } } },
  { "环比上升3%。", { { "3%", "percent", "3", "%", "exact", "up", "mom" } } },
  { "同比负增长7%。", { { "7%", "percent", "7", "%", "exact", "down", "yoy" } } },
  { "发案同比零增长。", { { "零增长", "percent", "0", "%", "exact", "flat", "yoy" } } },
  { "同比分别上升10%、20%。",
    { { "10%", "percent", "10", "%", "exact", "up", "yoy" },
      { "20%", "percent", "20", "%", "exact", "up", "yoy" } } },
  { "产值上升2.5倍。", { { "2.5倍", "percent", "250", "%", "exact", "up", "" } } },
  /* A clause of only a copula goes on with the change of the clause before; a clause with
   * words of its own does not */
  { "降幅最大，达到36.2%。", { { "36.2%", "percent", "36.2", "%", "exact", "down", "" } } },
  { "发案下降，覆盖率达到90%。", { { "90%", "percent", "90", "%", "exact", "", "" } } },
  { "提升4个百分点。", { { "4个百分点", "percent", "4", "pp", "exact", "up", "" } } },
  /* Layout spaces and line breaks inside a figure */
  { "开展活动 45 余 场 次 ，", { { "45 余 场 次", "count", "45", "场次", "over", "", "" } } },
  { "共有 9\n\n个 小组", { { "9\n\n个", "count", "9", "个", "exact", "", "" } } },
  /* Ranges */
  { "6月1日至3日举行", { { "6月1日", "date", "--06-01", "", "exact", "", "" },
                        { "3日", "date", "--06-03", "", "exact", "", "" } } },
  /* 以来 and 来 belong to the span */
  { "2020年以来，", { { "2020年以来", "date", "2020", "", "exact", "", "" } } },
  { "三年来，", { { "三年来", "duration", "3", "年", "exact", "", "" } } },
  /* A day with no month: ISO 8601 ---DD */
  { "14日上午召开会议", { { "14日", "date", "---14", "", "exact", "", "" } } },
  /* A bare day is a day of the month last named */
  { "7月26日电 26日召开", { { "7月26日", "date", "--07-26", "", "exact", "", "" },
                          { "26日", "date", "--07-26", "", "exact", "", "" } } },
  /* Datelines written in digits and signs */
  { "发布时间：2022-01-09 09:12", { { "2022-01-09", "date", "2022-01-09", "", "exact", "", "" } } },
  { "南通 26.12.2017  00:38", { { "26.12.2017", "date", "2017-12-26", "", "exact", "", "" } } },
  { "日期：05-30\n", { { "05-30", "date", "--05-30", "", "exact", "", "" } } },
  /* The first month of a range, and the parts of a month or a year */
  { "今年1—7月，", { { "1", "date", "--01", "", "exact", "", "" },
                   { "7月", "date", "--07", "", "exact", "", "" } } },
  { "截至8月中旬，", { { "8月中旬", "date", "--08", "", "exact", "", "" } } },
  { "纳入2021年度考核", { { "2021年度", "date", "2021", "", "exact", "", "" } } },
  /* A page after a date is a pointer; 110 before 处警 is the service number */
  { "《日报》2023年9月18日6版\n", { { "2023年9月18日", "date", "2023-09-18", "", "exact", "", "" },
                                  { "6版", "identifier", "6版", "", "exact", "", "" } } },
  { "再交由110处警。", { { "110", "identifier", "110", "", "exact", "", "" } } },
  /* A bracketed 次 joins the measure word; a rank that ends its clause */
  { "召开现场会9000余场(次)。", { { "9000余场(次)", "count", "9000", "场次", "over", "", "" } } },
  { "排名全省第一，建立第四级中心", { { "第一", "ordinal", "1", "", "exact", "", "" },
                                  { "第四级", "ordinal", "4", "级", "exact", "", "" } } },
  { "第一，加强宣传", { { NULL } } },
  { "为期一年的专项行动", { { "一年", "duration", "1", "年", "exact", "", "" } } },
  { "一年一度的活动", { { NULL } } },
  /* A version is no count of pages */
  { "预警系统3.0版上线", { { NULL } } },
  { "半年来，", { { "半年来", "duration", "0.5", "年", "exact", "", "" } } },
  { "十几家单位", { { "十几家", "count", "10", "家", "over", "", "" } } },
  /* Not figures */
  { "走进千家万户，千方百计", { { NULL } } },
  { "12时30分开会，十分重要", { { NULL } } },
  { "五种能力，两个维护，一类地区", { { NULL } } },
  { "学习十九大精神，反对四风，做到三不", { { NULL } } },
  { "开展“三个一”活动，落实十四五规划", { { NULL } } },
  { "第一时间赶到现场，一些群众", { { NULL } } },
  { "邮箱abc123@126.com，网址http://www.example.cn/2021/", { { NULL } } },
  { "我们一起努力，一个个难题", { { NULL } } },
  /* 一起 as a slogan's item, and as a count of the case named before it or after it */
  /* A count stated as a change, and the longer words for its basis */
  { "比去年同期增加93宗，上升5.7%。",
    { { "93宗", "count", "93", "宗", "exact", "up", "yoy" },
      { "5.7%", "percent", "5.7", "%", "exact", "up", "yoy" } } },
  { "上半年有443宗，上升33宗，发案减少了5起。",
    { { "443宗", "count", "443", "宗", "exact", "", "" },
      { "33宗", "count", "33", "宗", "exact", "up", "" },
      { "5起", "count", "5", "起", "exact", "down", "" } } },
  { "为群众减少损失20万元，拦截至少80余万元，最多一人被骗3万元。",
    { { "20万元", "money", "200000", "元", "exact", "", "" },
      { "80余万元", "money", "800000", "元", "over", "", "" },
      { "3万元", "money", "30000", "元", "exact", "", "" } } },
  { "全市立案比降2.2%，环比增长5%，按年上升15%，较上月下降3%。",
    { { "2.2%", "percent", "2.2", "%", "exact", "down", "yoy" },
      { "5%", "percent", "5", "%", "exact", "up", "mom" },
      { "15%", "percent", "15", "%", "exact", "up", "yoy" },
      { "3%", "percent", "3", "%", "exact", "down", "mom" } } },
  { "按月统计，发案数下降了5%。", { { "5%", "percent", "5", "%", "exact", "down", "" } } },
  { "电诈案件占比降至35%。", { { "35%", "percent", "35", "%", "exact", "down", "" } } },
  { "阅读量突破1亿人次。", { { "1亿人次", "count", "100000000", "人次", "over", "", "" } } },
  { "做到“发现一起、劝阻一起、少发一案”", { { NULL } } },
  { "破获诈骗案件一起、抓获嫌疑人3名", { { "一起", "count", "1", "起", "exact", "", "" },
                                      { "3名", "count", "3", "名", "exact", "", "" } } },
  { "成功劝阻一起刷单诈骗", { { "一起", "count", "1", "起", "exact", "", "" } } },
  /* 部, 册, 箱, 架 count things seized or made; 部门, 部分 are words of their own */
  { "查扣手机86部、账册12册，拍摄短视频3部，联合3部门，分为两部分",
    { { "86部", "count", "86", "部", "exact", "", "" },
      { "12册", "count", "12", "册", "exact", "", "" },
      { "3部", "count", "3", "部", "exact", "", "" } } },
  /* 七成五 is 75%; 一倍多 more than doubled */
  { "挽损比例达到七成五，破案数增长一倍多。",
    { { "七成五", "percent", "75", "%", "exact", "", "" },
      { "一倍多", "percent", "100", "%", "over", "up", "" } } },
  /* 多 or 少 right after a basis states the count as a change; 多措并举 does not */
  { "比上年同期多破案件86起，较去年少发30起，同比多5起，多措并举破获案件100起。",
    { { "86起", "count", "86", "起", "exact", "up", "yoy" },
      { "30起", "count", "30", "起", "exact", "down", "yoy" },
      { "5起", "count", "5", "起", "exact", "up", "yoy" },
      { "100起", "count", "100", "起", "exact", "", "" } } },
  /* a number a PDF's layout broke over two lines; not a table's cells, after white space */
  { "抓获嫌疑人2\n56名，破获案件1\n,234起，冻结资金3.\n5亿元，杭州市 3215\n2876起",
    { { "2\n56名", "count", "256", "名", "exact", "", "" },
      { "1\n,234起", "count", "1234", "起", "exact", "", "" },
      { "3.\n5亿元", "money", "350000000", "元", "exact", "", "" },
      { "2876起", "count", "2876", "起", "exact", "", "" } } },
  /* a plus sign in a change states a rise, as a minus states a fall; not 1+1 */
  { "发案数同比+3.2%，破案数同比＋5%，损失同比-2%，1+1人。",
    { { "+3.2%", "percent", "3.2", "%", "exact", "up", "yoy" },
      { "＋5%", "percent", "5", "%", "exact", "up", "yoy" },
      { "-2%", "percent", "2", "%", "exact", "down", "yoy" },
      { "1人", "count", "1", "人", "exact", "", "" } } },
  /* a table's unit is no amount; a round number of units after 单位 is */
  { "损失金额（万元），单位：亿元，成员单位千余家。",
    { { "千余家", "count", "1000", "家", "over", "", "" } } },
  /* in a list after the basis each item's own 多 or 少 tells the way */
  { "同比多破50起、少发30起、多抓获12人。",
    { { "50起", "count", "50", "起", "exact", "up", "yoy" },
      { "30起", "count", "30", "起", "exact", "down", "yoy" },
      { "12人", "count", "12", "人", "exact", "up", "yoy" } } },
  /* an arrow right before a percent states its change; a caption's arrow leads its line */
  { "↑民警发放资料500份，发案数↓25.3%，破案数↑ 31.6%。",
    { { "500份", "count", "500", "份", "exact", "", "" },
      { "25.3%", "percent", "25.3", "%", "exact", "down", "" },
      { "31.6%", "percent", "31.6", "%", "exact", "up", "" } } },
  /* the comma of a number's thousands ends no clause: the change reaches past it */
  { "按年增加3,221宗或12.7%。",
    { { "3,221宗", "count", "3221", "宗", "exact", "up", "yoy" },
      { "12.7%", "percent", "12.7", "%", "exact", "up", "yoy" } } },
  /* A currency named before the amount is its dollar's */
  { "涉及港币5000万元", { { "5000万元", "money", "50000000", "港元", "exact", "", "" } } },
  { "财损新臺幣45.6億元", { { "45.6億元", "money", "4560000000", "新台币", "exact", "", "" } } },
  { "财损约新台币62.3亿元", { { "62.3亿元", "money", "6230000000", "新台币", "about", "", "" } } },
  { "折合人民币1.2亿元", { { "1.2亿元", "money", "120000000", "元", "exact", "", "" } } },
  /* Taiwan's years count from 1912 */
  { "民國113年全國詐欺案件減少", { { "113年", "date", "2024", "", "exact", "", "" } } },
  /* 翻一番 states a ratio (spec: 200, no change); 一番 alone is no figure */
  { "劝阻人数翻了一番。", { { "翻了一番", "percent", "200", "%", "exact", "", "" } } },
  { "注册量翻两番，民警研究一番。", { { "翻两番", "percent", "400", "%", "exact", "", "" } } },
  /* 块 is the spoken 元 where money changes hands, and counts pieces elsewhere */
  { "就先投了几千块赚了一点", { { "几千块", "money", "1000", "元", "over", "", "" } } },
  { "运来三千块砖。", { { NULL } } },
  /* A round number in Chinese numerals before the money it saved */
  { "避免百亿经济损失", { { "百亿", "money", "10000000000", "元", "exact", "", "" } } },
  /* A score in Chinese numerals; a time of day, 十分 and a small 分 are none */
  { "反诈指数为九十四点六九分，", { { "九十四点六九分", "score", "94.69", "分", "exact", "", "" } } },
  { "满意度得分九十分。", { { "九十分", "score", "90", "分", "exact", "", "" } } },
  { "上午八点五分开会，十分重要，只差三分。", { { NULL } } },
  /* a ranking after the score; a decimal is a score whatever word follows */
  { "南浔区以96分位列第一", { { "96分", "score", "96", "分", "exact", "", "" },
                            { "第一", "ordinal", "1", "", "exact", "", "" } } },
  { "德清县93.87分分列第二", { { "93.87分", "score", "93.87", "分", "exact", "", "" },
                             { "第二", "ordinal", "2", "", "exact", "", "" } } },
  { "设立10分局", { { NULL } } },
  /* a list of ranks; the points of a list (第二、…) are none */
  { "位列全省第三、全市第一。\n第二、加强宣传。",
    { { "第三", "ordinal", "3", "", "exact", "", "" },
      { "第一", "ordinal", "1", "", "exact", "", "" } } },
  /* Hyphens: a range of amounts is two figures, a code one, and a range of years no length */
  { "每人被骗5-10万元。", { { "5", "money", "50000", "元", "exact", "", "" },
                           { "10万元", "money", "100000", "元", "exact", "", "" } } },
  { "邮发代号31-25，", { { "31-25", "identifier", "31-25", "", "exact", "", "" } } },
  { "2019-2021年间", { { "2019", "date", "2019", "", "exact", "", "" },
                      { "2021年", "date", "2021", "", "exact", "", "" } } },
  { "2019至2021年，1-11月", { { "2019", "date", "2019", "", "exact", "", "" },
                            { "2021年", "date", "2021", "", "exact", "", "" },
                            { "1", "date", "--01", "", "exact", "", "" },
                            { "11月", "date", "--11", "", "exact", "", "" } } },
  { "判处3至5年有期徒刑", { { "3", "duration", "3", "年", "exact", "", "" },
                          { "5年", "duration", "5", "年", "exact", "", "" } } },
  /* 来 right after tens or hundreds: about so many */
  { "涉案十来万元，二十来人，有五十来自外地。",
    { { "十来万元", "money", "100000", "元", "about", "", "" },
      { "二十来人", "count", "20", "人", "about", "", "" } } },
  /* a low end in 万 of its own, or a decimal, takes the high end's measure word */
  { "共有1万到2万人，每人约3.5万至5万元，", { { "1万", "count", "10000", "人", "exact", "", "" },
                                       { "2万人", "count", "20000", "人", "exact", "", "" },
                                       { "约3.5万", "money", "35000", "元", "about", "", "" },
                                       { "5万元", "money", "50000", "元", "exact", "", "" } } },
  { "损失1.5至2万元，涉案上千万元。", { { "1.5", "money", "15000", "元", "exact", "", "" },
                                  { "2万元", "money", "20000", "元", "exact", "", "" },
                                  { "上千万元", "money", "10000000", "元", "about", "", "" } } },
};

static void
check_case (const Case *c)
{
  g_autoptr(FzFigureList) list = fz_extract (c->input, strlen (c->input));
  guint n_expected = 0;

  while (n_expected < G_N_ELEMENTS (c->figures) && c->figures[n_expected].text != NULL)
    n_expected++;
  g_assert_cmpuint (fz_figure_list_get_n (list), ==, n_expected);
  g_assert_cmpuint (fz_extract_count (c->input, strlen (c->input)), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const Expect *e = &c->figures[i];
      const FzFigure *f = fz_figure_list_get (list, i);
      g_autofree char *span = g_strndup (c->input + f->byte_start, f->byte_end - f->byte_start);
      glong cp_start = g_utf8_pointer_to_offset (c->input, c->input + f->byte_start);
      glong cp_end = g_utf8_pointer_to_offset (c->input, c->input + f->byte_end);

      g_assert_cmpstr (span, ==, e->text);
      g_assert_cmpint (f->start, ==, cp_start);
      g_assert_cmpint (f->end, ==, cp_end);
      g_assert_cmpstr (fz_kind_to_string (f->kind), ==, e->kind);
      g_assert_cmpstr (fz_figure_list_str (list, f->value), ==, e->value);
      g_assert_cmpstr (fz_figure_list_str (list, f->unit), ==, e->unit);
      g_assert_cmpstr (fz_qualifier_to_string (f->qualifier), ==, e->qualifier);
      g_assert_cmpstr (fz_change_to_string (f->change), ==, e->change);
      g_assert_cmpstr (fz_basis_to_string (f->basis), ==, e->basis);
      g_assert_cmpuint (f->core, ==, 0);
      g_assert_cmpuint (f->indicator, ==, 0);
      g_assert_cmpuint (f->region, ==, 0);
      g_assert_cmpuint (f->period, ==, 0);
    }
}

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      check_case (&cases[i]);
    }
}

static void
test_sorted_and_offsets (void)
{
  const char *text = "一、今年以来共破获案件38起，抓获12人，同比上升5%。\n另有3名民警。";
  g_autoptr(FzFigureList) list = fz_extract (text, strlen (text));
  guint n = fz_figure_list_get_n (list);

  g_assert_cmpuint (n, ==, 4);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (fz_figure_list_get (list, i - 1)->start, <=,
                      fz_figure_list_get (list, i)->start);
}

static void
test_empty (void)
{
  g_autoptr(FzFigureList) list = fz_extract ("", 0);

  g_assert_cmpuint (fz_figure_list_get_n (list), ==, 0);
  g_assert_cmpuint (fz_extract_count ("", 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extractor/cases", test_cases);
  g_test_add_func ("/extractor/sorted", test_sorted_and_offsets);
  g_test_add_func ("/extractor/empty", test_empty);
  return g_test_run ();
}
