/* test-numeral-forms.c: the spec's numeral forms line by line, non-figures, traditional pages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-extractor.h"
#include "fz-figure.h"
#include "fz-script.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

/* One figure expected in a sentence: its text, kind, value, unit, qualifier and change. */
typedef struct
{
  const char *sentence;
  const char *text;
  const char *kind;
  const char *value;
  const char *unit;
  const char *qualifier;
  const char *change;
} Form;

/* Grouped by the lines of spec/figures.md, "Numerals: every way a number is written". */
static const Form forms[] = {
  /* Arabic digits, separators */
  { "共破获1,234,567起", "1,234,567起", "count", "1234567", "起", "exact", "" },
  { "共破获1，234起", "1，234起", "count", "1234", "起", "exact", "" },
  { "共破获１２３起", "１２３起", "count", "123", "起", "exact", "" },
  /* decimals */
  { "挽回损失97.7万元", "97.7万元", "money", "977000", "元", "exact", "" },
  { "挽回损失０．５万元", "０．５万元", "money", "5000", "元", "exact", "" },
  { "平均三点五小时", "三点五小时", "duration", "3.5", "小时", "exact", "" },
  { "人均零点零八元", "零点零八元", "money", "0.08", "元", "exact", "" },
  /* digits with units */
  { "涉案1.6万元", "1.6万元", "money", "16000", "元", "exact", "" },
  { "涉案2.5亿元", "2.5亿元", "money", "250000000", "元", "exact", "" },
  { "涉案0.1亿元", "0.1亿元", "money", "10000000", "元", "exact", "" },
  { "涉案3千元", "3千元", "money", "3000", "元", "exact", "" },
  { "发放12万5千份", "12万5千份", "count", "125000", "份", "exact", "" },
  { "发放1万2份", "1万2份", "count", "12000", "份", "exact", "" },
  { "App安装量270.4万，", "270.4万", "count", "2704000", "", "exact", "" },
  { "冻结涉案资金6000余万。", "6000余万", "money", "60000000", "元", "over", "" },
  { "播放量突破百万，", "百万", "count", "1000000", "", "over", "" },
  /* Chinese numerals */
  { "抓获十五人", "十五人", "count", "15", "人", "exact", "" },
  { "抓获一百零八人", "一百零八人", "count", "108", "人", "exact", "" },
  { "抓获三千零五十人", "三千零五十人", "count", "3050", "人", "exact", "" },
  { "抓获一万零三百人", "一万零三百人", "count", "10300", "人", "exact", "" },
  { "覆盖四十二万七千人", "四十二万七千人", "count", "427000", "人", "exact", "" },
  /* 百 and 千 before a myriad, and 百 alone, multiply Arabic digits too */
  { "涉案5千万元", "5千万元", "money", "50000000", "元", "exact", "" },
  { "涉案10亿5千万元", "10亿5千万元", "money", "1050000000", "元", "exact", "" },
  { "抓获1千2百人", "1千2百人", "count", "1200", "人", "exact", "" },
  { "抓获3百人，占3百分点", "3百人", "count", "300", "人", "exact", "" },
  /* 多 after a length of time is more than it; working days are days */
  { "历时3年多来", "3年多来", "duration", "3", "年", "over", "" },
  { "3个工作日内办结", "3个工作日内", "duration", "3", "日", "under", "" },
  /* per mille and per myriad are percents */
  { "万人发案率为0.5‰", "0.5‰", "percent", "0.05", "%", "exact", "" },
  { "占5‱", "5‱", "percent", "0.05", "%", "exact", "" },
  /* 10万+ is more than */
  { "阅读量10万+", "10万+", "count", "100000", "", "over", "" },
  /* a myriad of myriads is 亿; 万万不可 is no number */
  { "四万万人，万万不可", "四万万人", "count", "400000000", "人", "exact", "" },
  { "抓获两人", "两人", "count", "2", "人", "exact", "" },
  /* a unit's last digit */
  { "抓获一百五人", "一百五人", "count", "150", "人", "exact", "" },
  { "抓获三千二人", "三千二人", "count", "3200", "人", "exact", "" },
  { "发放两万五份", "两万五份", "count", "25000", "份", "exact", "" },
  { "覆盖九万四人", "九万四人", "count", "94000", "人", "exact", "" },
  { "共千六人", "千六人", "count", "1600", "人", "exact", "" },
  { "抓获一百零五人", "一百零五人", "count", "105", "人", "exact", "" },
  /* capital numerals */
  { "退还叁万伍仟元整", "叁万伍仟元", "money", "35000", "元", "exact", "" },
  { "退还壹佰零捌元", "壹佰零捌元", "money", "108", "元", "exact", "" },
  /* traditional script */
  { "涉案8.2億元", "8.2億元", "money", "820000000", "元", "exact", "" },
  { "攔截12萬餘條", "12萬餘條", "count", "120000", "條", "over", "" },
  { "查獲3650個", "3650個", "count", "3650", "個", "exact", "" },
  { "查獲兩萬筆", "兩萬筆", "count", "20000", "筆", "exact", "" },
  { "查獲貳拾參張", "貳拾參張", "count", "23", "張", "exact", "" },
  /* digit by digit */
  { "二〇二二年全市", "二〇二二年", "date", "2022", "", "exact", "" },
  { "一九九八年以来", "一九九八年以来", "date", "1998", "", "exact", "" },
  /* signs */
  { "气温为负5度，其中负5人", "负5人", "count", "-5", "人", "exact", "" },
  { "结余为 −5万元", "−5万元", "money", "-50000", "元", "exact", "" },
  { "案件同比-22.2%", "-22.2%", "percent", "22.2", "%", "exact", "down" },
  { "案件同比负5%", "负5%", "percent", "5", "%", "exact", "down" },
  { "案件同比负增长22.2%", "22.2%", "percent", "22.2", "%", "exact", "down" },
  /* fractions and shares */
  { "占比约三分之一。", "约三分之一", "percent", "33.33", "%", "about", "" },
  { "占三分之一。", "三分之一", "percent", "33.33", "%", "exact", "" },
  { "比例为千分之五。", "千分之五", "percent", "0.5", "%", "exact", "" },
  { "占百分之二点一五。", "百分之二点一五", "percent", "2.15", "%", "exact", "" },
  { "下降三成。", "三成", "percent", "30", "%", "exact", "down" },
  { "占2.5成。", "2.5成", "percent", "25", "%", "exact", "" },
  { "打八折。", "八折", "percent", "80", "%", "exact", "" },
  /* halves */
  { "持续半年。", "半年", "duration", "0.5", "年", "exact", "" },
  { "持续一个半月。", "一个半月", "duration", "1.5", "月", "exact", "" },
  { "持续两个半小时。", "两个半小时", "duration", "2.5", "小时", "exact", "" },
  /* approximate */
  { "走访十几家。", "十几家", "count", "10", "家", "over", "" },
  { "涉案二十几万元。", "二十几万元", "money", "200000", "元", "over", "" },
  { "吸引数百人。", "数百人", "count", "100", "人", "over", "" },
  { "吸引上千人。", "上千人", "count", "1000", "人", "about", "" },
  { "挽回近万元。", "近万元", "money", "10000", "元", "about", "" },
  { "破获几十起。", "几十起", "count", "10", "起", "over", "" },
  { "将近300人受骗", "将近300人", "count", "300", "人", "about", "" },
  { "接近300人受骗", "接近300人", "count", "300", "人", "about", "" },
  { "大约300人受骗", "大约300人", "count", "300", "人", "about", "" },
  { "受骗300人上下。", "300人上下", "count", "300", "人", "about", "" },
  /* a range without a separator */
  { "吸引三四百人。", "三四百人", "count", "300", "人", "over", "" },
  { "涉案七八十万元。", "七八十万元", "money", "700000", "元", "over", "" },
  /* a range with a separator is two figures, the low end with the high end's unit */
  { "抓获3至5人", "3", "count", "3", "人", "exact", "" },
  { "抓获3至5人", "5人", "count", "5", "人", "exact", "" },
  { "抓获三到五名", "三", "count", "3", "名", "exact", "" },
  { "涉案3至5万元", "3", "money", "30000", "元", "exact", "" },
  { "涉案5-10万元", "5", "money", "50000", "元", "exact", "" },
  { "涉案5-10万元", "10万元", "money", "100000", "元", "exact", "" },
  { "每组2-3人", "2", "count", "2", "人", "exact", "" },
  { "判处3至5年有期徒刑", "3", "duration", "3", "年", "exact", "" },
  { "判处3—5年有期徒刑", "3", "duration", "3", "年", "exact", "" },
  /* …but a code joined by a hyphen stays one identifier */
  { "邮发代号31-25。", "31-25", "identifier", "31-25", "", "exact", "" },
  { "热线0571-85310548。", "0571-85310548", "identifier", "0571-85310548", "", "exact", "" },
  /* spaced by PDF layout */
  { "共有三 千 九 百 人参加", "三 千 九 百 人", "count", "3900", "人", "exact", "" },
};

static char *
figure_line (const FzFigureList *list,
             const FzFigure     *f,
             const char         *sentence)
{
  g_autofree char *text = g_utf8_substring (sentence, f->start, f->end);

  return g_strdup_printf ("%s %s %s %s %s %s", text, fz_kind_to_string (f->kind),
                          fz_figure_list_str (list, f->value), fz_figure_list_str (list, f->unit),
                          fz_qualifier_to_string (f->qualifier), fz_change_to_string (f->change));
}

static void
test_forms (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      const Form *w = &forms[i];
      g_autoptr(FzFigureList) list = fz_extract (w->sentence, strlen (w->sentence));
      g_autofree char *want = g_strdup_printf ("%s %s %s %s %s %s", w->text, w->kind, w->value,
                                               w->unit, w->qualifier, w->change);
      gboolean found = FALSE;

      for (guint k = 0; k < fz_figure_list_get_n (list) && !found; k++)
        {
          g_autofree char *got = figure_line (list, fz_figure_list_get (list, k), w->sentence);

          found = strcmp (got, want) == 0;
          if (!found)
            g_test_message ("%s: got %s", w->sentence, got);
        }
      if (!found)
        g_error ("%s: no figure '%s'", w->sentence, want);
    }
}

/* Words and names built from numeral characters: no figure may overlap them. */
static const struct { const char *sentence; const char *word; } non_figures[] = {
  { "大家一起来反诈", "一起" },
  { "一起来看看", "一起" },
  { "万一被骗，请报警", "万一" },
  { "反诈工作十分重要", "十分" },
  { "单位一把手带头", "一把手" },
  { "提醒一些群众", "一些" },
  { "一定要提高警惕", "一定" },
  { "奋战在一线的民警", "一线" },
  { "守护百姓钱袋子", "百姓" },
  { "千方百计挽回损失", "千方百计" },
  { "三令五申不要转账", "三令五申" },
  { "万人发案率持续下降", "万人" },
  { "每万人发案数为3.2起", "万人" },
  { "开展千警进万家活动", "千警进万家" },
  { "启动百万青年反诈行动", "百万" },
  { "组织专业队伍人手短缺", "伍" },
  { "数据显示，诈骗案件下降", "数" },
  { "负责人介绍", "负" },
  { "经过几经周折", "几" },
  { "折合人民币", "折" },
  { "晚上八点三十分", "八点三十" },
};

static void
test_non_figures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (non_figures); i++)
    {
      const char *s = non_figures[i].sentence;
      const char *at = strstr (s, non_figures[i].word);
      guint ws = g_utf8_pointer_to_offset (s, at);
      guint we = ws + g_utf8_strlen (non_figures[i].word, -1);
      g_autoptr(FzFigureList) list = fz_extract (s, strlen (s));

      g_assert_nonnull (at);
      for (guint k = 0; k < fz_figure_list_get_n (list); k++)
        {
          const FzFigure *f = fz_figure_list_get (list, k);

          if (f->start < we && f->end > ws)
            {
              g_autofree char *got = figure_line (list, f, s);

              g_error ("%s: '%s' is no figure, got %s", s, non_figures[i].word, got);
            }
        }
    }
}

/* A Hong Kong report, written here, in traditional characters. */
static const char traditional_page[] =
  "香港警方打擊電訊詐騙\n"
  "香港警務處反詐騙協調中心表示，今年以來共破獲電訊詐騙案件3650宗，同比下降12.5%，"
  "攔截詐騙電話12萬餘個，為市民挽回損失8.2億元。一百五十名警員參與行動。\n";

/* The same report in simplified characters, as its reader would write it. */
static const char simplified_page[] =
  "香港警方打击电讯诈骗\n"
  "香港警务处反诈骗协调中心表示，今年以来共破获电讯诈骗案件3650宗，同比下降12.5%，"
  "拦截诈骗电话12万余个，为市民挽回损失8.2亿元。一百五十名警员参与行动。\n";

static void
test_script_view (void)
{
  const char *simplified = "今年以来共破获电信网络诈骗案件3650起，同比下降12.5%。";
  g_autofree char *view = fz_script_view (traditional_page, strlen (traditional_page));

  g_assert_false (fz_script_is_traditional (simplified, strlen (simplified)));
  g_assert_null (fz_script_view (simplified, strlen (simplified)));
  g_assert_true (fz_script_is_traditional (traditional_page, strlen (traditional_page)));
  g_assert_nonnull (view);
  /* Offset for offset: same bytes, same code points, every ASCII byte in place. */
  g_assert_cmpuint (strlen (view), ==, strlen (traditional_page));
  for (const char *a = traditional_page, *b = view; *a; a = g_utf8_next_char (a),
       b = g_utf8_next_char (b))
    {
      g_assert_cmpint (g_utf8_next_char (a) - a, ==, g_utf8_next_char (b) - b);
      if ((guchar) *a < 0x80)
        g_assert_cmpint (*a, ==, *b);
    }
  g_assert_nonnull (strstr (view, "香港警务处反诈骗协调中心"));
  g_assert_nonnull (strstr (view, "拦截诈骗电话12万余个，为市民挽回损失8.2亿元"));
}

static char *
run_cli (const char *path)
{
  const char *argv[] = { g_getenv ("FANZHA_CLI"), "extract", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Columns 3 to 13 of a line of `fanzha-cli extract` whose text is @text. */
static void
assert_row (const char *tsv,
            const char *want)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      g_autofree char *got = NULL;

      if (g_strv_length (cols) < 13)
        continue;
      got = g_strjoinv ("|", cols + 3);
      if (g_str_has_prefix (got, want))
        return;
    }
  g_error ("no row starting %s in:\n%s", want, tsv);
}

/* Every column but the document's name, the text and the unit (a measure word
 * as written): a traditional page is read as its simplified twin, at the same offsets. */
static char *
analysis_columns (const char *tsv)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      g_autofree char *rest = NULL;

      if (g_strv_length (cols) < 8)
        continue;
      rest = g_strjoinv ("|", cols + 7);
      g_string_append_printf (out, "%s|%s|%s|%s|%s\n", cols[1], cols[2], cols[4], cols[5], rest);
    }
  return g_string_free (out, FALSE);
}

static void
check_traditional_output (const char *tsv)
{
  /* The text as written, the value exact, the indicator and the place found. */
  assert_row (tsv, "3650宗|count|3650|宗|exact|||cases_solved|香港|1");
  assert_row (tsv, "12.5%|percent|12.5|%|exact|down|yoy|cases_solved|香港|1");
  assert_row (tsv, "12萬餘個|count|120000|個|over|||calls_sms_blocked|香港|1");
  /* Hong Kong's own press writes its dollar as 元 */
  assert_row (tsv, "8.2億元|money|820000000|港元|exact|||funds_recovered|香港|1");
  assert_row (tsv, "一百五十名|count|150|名|exact");
}

static void
test_cli_traditional (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *utf8_path = NULL;
  g_autofree char *big5_path = NULL;
  g_autofree char *big5 = NULL;
  g_autofree char *out_utf8 = NULL;
  g_autofree char *out_big5 = NULL;
  g_autoptr(GError) error = NULL;
  gsize big5_len = 0;

  if (g_getenv ("FANZHA_CLI") == NULL)
    {
      g_test_skip ("FANZHA_CLI is not set");
      return;
    }
  dir = g_dir_make_tmp ("fanzha-traditional-XXXXXX", &error);
  g_assert_no_error (error);
  utf8_path = g_build_filename (dir, "hk-utf8.txt", NULL);
  big5_path = g_build_filename (dir, "hk-big5.txt", NULL);
  big5 = g_convert (traditional_page, -1, "BIG5", "UTF-8", NULL, &big5_len, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (utf8_path, traditional_page, -1, NULL));
  g_assert_true (g_file_set_contents (big5_path, big5, big5_len, NULL));
  out_utf8 = run_cli (utf8_path);
  out_big5 = run_cli (big5_path);
  check_traditional_output (out_utf8);
  check_traditional_output (out_big5);
  {
    g_autofree char *twin_path = g_build_filename (dir, "hk-simplified.txt", NULL);
    g_autofree char *out_twin = NULL;
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    g_assert_true (g_file_set_contents (twin_path, simplified_page, -1, NULL));
    out_twin = run_cli (twin_path);
    a = analysis_columns (out_utf8);
    b = analysis_columns (out_twin);
    g_assert_cmpstr (a, ==, b);
    g_unlink (twin_path);
  }
  g_unlink (utf8_path);
  g_unlink (big5_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/numeral-forms/spec-lines", test_forms);
  g_test_add_func ("/numeral-forms/non-figures", test_non_figures);
  g_test_add_func ("/numeral-forms/script-view", test_script_view);
  g_test_add_func ("/numeral-forms/cli-traditional", test_cli_traditional);
  return g_test_run ();
}
