/* test-doc-date.c: the publication date of pages written here, with and without a masthead. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <string.h>

#include "fz-document-date.h"

static void
assert_found (const char *page,
              guint       year,
              guint       month,
              guint       day)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!fz_doc_date_find (page, strlen (page), &date))
    g_error ("no date found in:\n%s", page);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_day (&date), ==, day);
}

static void
assert_not_found (const char *page)
{
  GDate date;

  g_date_clear (&date, 1);
  if (fz_doc_date_find (page, strlen (page), &date))
    g_error ("found %u-%u-%u in a page without a masthead date:\n%s",
             g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), page);
}

static void
test_masthead_forms (void)
{
  /* 25 April 2022 was a Monday. */
  assert_found ("\n\n某某日报\n\n2022年4月25日 星期一\n\n第1234期 今日8版\n\n"
                "本市召开会议\n\n本报讯 会议于3月8日召开，共有50人参加。\n", 2022, 4, 25);
  assert_found ("某某日报 2022-04-25 星期一 第3版\n\n正文第一段。\n", 2022, 4, 25);
  assert_found ("某某日报\n2022.04.25\n第1234期\n\n正文。\n", 2022, 4, 25);
  assert_found ("某某日报\n\n二〇二二年四月二十五日 星期一\n\n正文。\n", 2022, 4, 25);
  assert_found ("某某日报\n\n2022年4月25日\n\n正文，内容。\n", 2022, 4, 25);
  /* in brackets, alone on its line under the title */
  assert_found ("标题\n（2022年4月25日）\n\n正文，内容。\n", 2022, 4, 25);
  assert_found ("标题\n【2022-04-25】\n\n正文，内容。\n", 2022, 4, 25);
  assert_found ("某某法制报 | 2022年4月25日 周一 | 责任编辑：某某\n\n正文，内容。\n", 2022, 4, 25);
  /* Full-width digits and a spaced layout. */
  assert_found ("２０２２年４月２５日　星期一\n\n正文。\n", 2022, 4, 25);
  assert_found ("2022 年 4 月 25 日 星期一\n\n正文。\n", 2022, 4, 25);
  /* A page header at the bottom, after the articles. */
  assert_found ("标题\n\n本报讯 今年以来，全市破获案件120起。\n\n2022年4月25日 星期一 第2版\n",
                2022, 4, 25);
}

static void
test_event_dates_only (void)
{
  /* Dates inside the sentences of a body are events. */
  assert_not_found ("标题\n\n本报讯 2022年3月8日，市公安局召开反诈工作会议。\n"
                    "会议指出，2021年12月31日前要完成排查。\n");
  /* Wrapped in a narrow column, the date stands alone on a line mid-sentence. */
  assert_not_found ("标题\n\n本报讯 会议于\n2022年3月8日\n在市公安局召开，共50人参加。\n");
  /* An event line that names a 期 is still an event. */
  assert_not_found ("标题\n\n民警于2022年3月8日开展第三期培训\n");
  /* a bracket that holds more than the date is a remark */
  assert_not_found ("标题\n\n（2022年3月8日开展）\n");
  /* No date at all. */
  assert_not_found ("标题\n\n全市共有志愿者500名。\n");
  assert_not_found ("");
}

static void
test_wrong_weekday (void)
{
  /* 25 April 2022 was not a Wednesday: that line is not a trustworthy masthead. */
  assert_not_found ("某某日报\n\n2022年4月25日 星期三\n\n正文。\n");
}

static void
test_invalid_dates (void)
{
  assert_not_found ("某某日报\n\n2022年2月30日 星期一\n\n正文。\n");
  assert_not_found ("某某日报\n\n2022-13-01\n\n正文。\n");
  assert_not_found ("某某日报\n\n12022-04-25\n\n正文。\n");
}

static void
test_parse_one (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (fz_doc_date_parse ("2022-04-25", -1, &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 25);
  g_assert_true (fz_doc_date_parse (" 2022年4月25日 ", -1, &date));
  g_assert_cmpuint (g_date_get_month (&date), ==, 4);
  g_assert_true (fz_doc_date_parse ("二〇二一年十二月三十一日", -1, &date));
  g_assert_cmpuint (g_date_get_year (&date), ==, 2021);
  g_assert_cmpuint (g_date_get_month (&date), ==, 12);
  g_assert_cmpuint (g_date_get_day (&date), ==, 31);
  g_assert_true (fz_doc_date_parse ("2020/02/29", -1, &date));

  g_assert_false (fz_doc_date_parse ("2021/02/29", -1, &date));
  g_assert_false (fz_doc_date_parse ("2022-04-25 星期一", -1, &date));
  g_assert_false (fz_doc_date_parse ("2022-04.25", -1, &date));
  g_assert_false (fz_doc_date_parse ("4月25日", -1, &date));
  g_assert_false (fz_doc_date_parse ("", -1, &date));
  g_assert_false (fz_doc_date_parse (NULL, -1, &date));
}

/* Web pages put their date on a dateline with the outlet, a time of day or a label. */
static void
test_web_datelines (void)
{
  assert_found ("示例标题：某市警方通报反诈成效\n湖南日报 2023-05-17 09:12\n"
                "本报讯 今年以来，全市破获案件12起。\n", 2023, 5, 17);
  assert_found ("示例标题\n日期:2022-11-03\n今年以来，某县劝阻群众300人。\n", 2022, 11, 3);
  assert_found ("示例标题\n记者 王某 2020-06-18 20:31\n某区今年以来发案下降。\n", 2020, 6, 18);
  assert_found ("示例标题\n2021-03-09  来源：某市公安\n今年以来，全区共破案5起。\n",
                2021, 3, 9);
  assert_found ("示例标题\n26.12.2017  00:38\n今年以来，发案下降逾三成。\n", 2017, 12, 26);
  assert_found ("示例标题\n来源：某某网 2024年11月15日\n今年以来，全市破案5起。\n", 2024, 11, 15);
  assert_found ("示例标题\n时间：2024.11.15\n今年以来，全市破案5起。\n", 2024, 11, 15);
  /* A time with no date of a page before it is no date; a code that looks like one neither. */
  assert_not_found ("示例标题\n编号 2022-11-034\n今年以来，某县劝阻群众300人。\n");
}

/* Lines are read as their bytes were: a mark after a byte that is not UTF-8 is a mark, a line of
 * white space (a CR and a tab too) is blank, the last line needs no line break. */
static void
test_lines_as_written (void)
{
  assert_not_found ("标题\xe3，续\n2022年4月25日\n下文\n");
  assert_found ("标题\xe3续\n2022年4月25日\n下文\n", 2022, 4, 25);
  assert_found ("标题，内容\n \t\r\n2022年4月25日\n下文，内容\n", 2022, 4, 25);
  assert_not_found ("标题，内容\r\n2022年4月25日\r\n下文，内容\r\n");
  assert_found ("正文，内容。\n2022年4月25日", 2022, 4, 25);
  assert_found ("\xff\n\n某某日报 \xef\xbb\xbf" "2022-04-25 星期一\n", 2022, 4, 25);
}

/* From characters given: a NUL inside the text is a character like any other, not an end. */
static void
test_from_chars (void)
{
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast ("某某日报X 2022年4月25日 星期一\n正文，内容。\n",
                                                    -1, NULL);
  glong n;
  GDate date;

  for (n = 0; chars[n] != 0; n++)
    ;
  g_date_clear (&date, 1);
  g_assert_true (fz_doc_date_find_chars (chars, (guint) n, &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 25);
  chars[4] = 0;
  g_date_clear (&date, 1);
  g_assert_true (fz_doc_date_find_chars (chars, (guint) n, &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 25);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/doc-date/masthead-forms", test_masthead_forms);
  g_test_add_func ("/doc-date/event-dates-only", test_event_dates_only);
  g_test_add_func ("/doc-date/wrong-weekday", test_wrong_weekday);
  g_test_add_func ("/doc-date/invalid-dates", test_invalid_dates);
  g_test_add_func ("/doc-date/parse-one", test_parse_one);
  g_test_add_func ("/doc-date/web-datelines", test_web_datelines);
  g_test_add_func ("/doc-date/lines-as-written", test_lines_as_written);
  g_test_add_func ("/doc-date/from-chars", test_from_chars);
  return g_test_run ();
}
