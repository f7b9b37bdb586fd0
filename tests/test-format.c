/* test-format.c: values, dates and periods for a person, in English and in Chinese. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <libintl.h>

#include "fz-format.h"

typedef struct
{
  const char *in;
  const char *en;
  const char *zh;
} Case;

/* The build's own catalogue: the test switches the interface language as a user would. */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

static FzFormatLang
switch_to (gboolean zh)
{
  use_language (zh ? "zh_CN" : "C");
  g_assert_cmpint (fz_format_lang_current (), ==, zh ? FZ_FORMAT_LANG_ZH : FZ_FORMAT_LANG_EN);
  return zh ? FZ_FORMAT_LANG_ZH : FZ_FORMAT_LANG_EN;
}

/* Every period spelling of spec/figures.md "Period". */
static const Case periods[] = {
  { "Y-01/", "this year to date", "今年以来" },
  { "PY-01/", "since last year", "去年以来" },
  { "2026-01/", "January 2026 to date", "2026年1月至今" },
  { "2019-09/", "September 2019 to date", "2019年9月至今" },
  { "Y-06/", "June this year to date", "今年6月至今" },
  { "/Y-07-15", "up to 15 July", "截至7月15日" },
  { "/PY-12-31", "up to 31 December last year", "截至去年12月31日" },
  { "/2022-07-15", "up to 15 July 2022", "截至2022年7月15日" },
  { "Y-03/Y-03", "March this year", "今年3月" },
  { "PY-11/PY-11", "November last year", "去年11月" },
  { "2021-05/2021-05", "May 2021", "2021年5月" },
  { "Y-01/Y-12", "this year", "今年" },
  { "PY-01/PY-12", "last year", "去年" },
  { "2020-01/2020-12", "2020", "2020年" },
  { "Y-01/Y-03", "January to March this year", "今年1月至3月" },
  { "Y-01/Y-06", "January to June this year", "今年1月至6月" },
  { "Y-07/Y-12", "July to December this year", "今年7月至12月" },
  { "Y-01/Y-09", "January to September this year", "今年1月至9月" },
  { "Y-01/Y-11", "January to November this year", "今年1月至11月" },
  { "Y-06/Y-08", "June to August this year", "今年6月至8月" },
  { "Y-01/Y-01", "January this year", "今年1月" },
  { "Y-12/Y-12", "December this year", "今年12月" },
  { "2019-09/2020-03", "September 2019 to March 2020", "2019年9月至2020年3月" },
  { "Y-05-01/Y-05-01", "1 May", "5月1日" },
  { "", "", "" },
  { "not a period", "not a period", "not a period" },
  { "Y-13/", "Y-13/", "Y-13/" },
};

static const Case dates[] = {
  { "--06-06", "6 June", "6月6日" },
  { "--05-13", "13 May", "5月13日" },
  { "2019-05", "May 2019", "2019年5月" },
  { "2019-05-13", "13 May 2019", "2019年5月13日" },
  { "2021", "2021", "2021年" },
  { "--13-01", "--13-01", "--13-01" },
  { "soon", "soon", "soon" },
};

static const Case numbers[] = {
  { "38000000", "38 million", "3,800万" },
  { "9770000000", "9.77 billion", "97.7亿" },
  { "250000000", "250 million", "2.5亿" },
  { "1500000", "1.5 million", "150万" },
  { "16000", "16,000", "1.6万" },
  { "10000", "10,000", "1万" },
  { "9999", "9,999", "9,999" },
  { "1234567", "1,234,567", "1,234,567" },
  { "43.26", "43.26", "43.26" },
  { "0.08", "0.08", "0.08" },
  { "0", "0", "0" },
  { "007", "7", "7" },
  { "-5", "-5", "-5" },
  { "1.", "1.", "1." },
  { "abc", "abc", "abc" },
};

typedef struct
{
  FzKind      kind;
  const char *value;
  const char *unit;
  FzQualifier qualifier;
  const char *en;
  const char *zh;
} ValueCase;

static const ValueCase values[] = {
  { FZ_KIND_MONEY, "38000000", "元", FZ_QUALIFIER_EXACT, "38 million yuan", "3,800万元" },
  { FZ_KIND_MONEY, "38000000", "元", FZ_QUALIFIER_OVER, "over 38 million yuan", "3,800万余元" },
  { FZ_KIND_MONEY, "9770000000", "元", FZ_QUALIFIER_ABOUT, "about 9.77 billion yuan",
    "约97.7亿元" },
  { FZ_KIND_MONEY, "5000", "美元", FZ_QUALIFIER_UNDER, "under 5,000 US dollars", "不足5,000美元" },
  { FZ_KIND_COUNT, "16000", "人次", FZ_QUALIFIER_EXACT, "16,000 person-times", "1.6万人次" },
  { FZ_KIND_COUNT, "9", "名", FZ_QUALIFIER_EXACT, "9 people", "9名" },
  { FZ_KIND_COUNT, "127", "场次", FZ_QUALIFIER_OVER, "over 127 sessions", "127余场次" },
  { FZ_KIND_COUNT, "3", "个", FZ_QUALIFIER_EXACT, "3", "3个" },
  { FZ_KIND_COUNT, "12", "辆", FZ_QUALIFIER_EXACT, "12 辆", "12辆" },
  { FZ_KIND_PERCENT, "43.26", "%", FZ_QUALIFIER_EXACT, "43.26%", "43.26%" },
  { FZ_KIND_PERCENT, "14", "pp", FZ_QUALIFIER_EXACT, "14 percentage points", "14个百分点" },
  { FZ_KIND_SCORE, "94.69", "分", FZ_QUALIFIER_EXACT, "94.69 points", "94.69分" },
  { FZ_KIND_DURATION, "24", "小时", FZ_QUALIFIER_UNDER, "under 24 hours", "不足24小时" },
  { FZ_KIND_DURATION, "0.5", "年", FZ_QUALIFIER_EXACT, "0.5 years", "0.5年" },
  { FZ_KIND_AREA, "83.77", "平方公里", FZ_QUALIFIER_EXACT, "83.77 km²", "83.77平方公里" },
  { FZ_KIND_DATE, "--06-06", "", FZ_QUALIFIER_EXACT, "6 June", "6月6日" },
  { FZ_KIND_DATE, "2019-05", "", FZ_QUALIFIER_EXACT, "May 2019", "2019年5月" },
  { FZ_KIND_ORDINAL, "6484", "期", FZ_QUALIFIER_EXACT, "no. 6484", "第6484期" },
  { FZ_KIND_IDENTIFIER, "0571-85310548", "", FZ_QUALIFIER_EXACT, "0571-85310548",
    "0571-85310548" },
};

static void
check_periods (gconstpointer data)
{
  gboolean zh = GPOINTER_TO_INT (data);

  switch_to (zh);
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *text = fz_format_period (periods[i].in);

      g_test_message ("%s", periods[i].in);
      g_assert_cmpstr (text, ==, zh ? periods[i].zh : periods[i].en);
    }
}

static void
check_dates (gconstpointer data)
{
  gboolean zh = GPOINTER_TO_INT (data);
  g_autofree char *unknown = NULL;
  g_autofree char *known = NULL;

  switch_to (zh);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = fz_format_date (dates[i].in, FALSE);

      g_assert_cmpstr (text, ==, zh ? dates[i].zh : dates[i].en);
    }
  unknown = fz_format_date ("--06-06", TRUE);
  g_assert_cmpstr (unknown, ==, zh ? "6月6日（年份不详）" : "6 June (year unknown)");
  known = fz_format_date ("2019-06-06", TRUE);
  g_assert_cmpstr (known, ==, zh ? "2019年6月6日" : "6 June 2019");
}

static void
check_numbers (gconstpointer data)
{
  FzFormatLang lang = switch_to (GPOINTER_TO_INT (data));

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = fz_format_number (numbers[i].in, lang);

      g_assert_cmpstr (text, ==, lang == FZ_FORMAT_LANG_ZH ? numbers[i].zh : numbers[i].en);
    }
}

static void
check_values (gconstpointer data)
{
  FzFormatLang lang = switch_to (GPOINTER_TO_INT (data));

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      const ValueCase *c = &values[i];
      g_autofree char *text = fz_format_value (c->kind, c->value, c->unit, c->qualifier, lang);

      g_assert_cmpstr (text, ==, lang == FZ_FORMAT_LANG_ZH ? c->zh : c->en);
    }
}

static void
add_percent (FzFigureList *list,
             FzChange      change,
             FzBasis       basis)
{
  FzFigure *f = fz_figure_list_append (list);

  f->kind = FZ_KIND_PERCENT;
  f->value = fz_figure_list_intern (list, "43.26", -1);
  f->unit = fz_figure_list_intern (list, "%", -1);
  f->change = change;
  f->basis = basis;
}

static void
check_changes (gconstpointer data)
{
  FzFormatLang lang = switch_to (GPOINTER_TO_INT (data));
  gboolean zh = lang == FZ_FORMAT_LANG_ZH;
  g_autoptr(FzFigureList) list = fz_figure_list_new ();
  const char *expected[][2] = {
    { "43.26%", "43.26%" },
    { "down 43.26% year on year", "同比下降43.26%" },
    { "up 43.26% on the previous period", "环比上升43.26%" },
    { "flat year on year", "同比持平" },
    { "up 43.26%", "上升43.26%" },
  };

  add_percent (list, FZ_CHANGE_NONE, FZ_BASIS_NONE);
  add_percent (list, FZ_CHANGE_DOWN, FZ_BASIS_YOY);
  add_percent (list, FZ_CHANGE_UP, FZ_BASIS_MOM);
  add_percent (list, FZ_CHANGE_FLAT, FZ_BASIS_YOY);
  add_percent (list, FZ_CHANGE_UP, FZ_BASIS_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const FzFigure *f = fz_figure_list_get (list, i);
      g_autofree char *value = fz_format_value (f->kind, fz_figure_list_str (list, f->value),
                                                fz_figure_list_str (list, f->unit), f->qualifier,
                                                lang);
      g_autofree char *text = fz_format_change (f->change, f->basis, value);

      g_assert_cmpstr (text, ==, expected[i][zh]);
    }
}

static void
check_indicator_id (void)
{
  g_autofree char *words = fz_format_indicator_id ("cases_per_10k");
  g_autofree char *empty = fz_format_indicator_id (NULL);

  g_assert_cmpstr (words, ==, "cases per 10k");
  g_assert_cmpstr (empty, ==, "");
}

static void
add_both (const char    *name,
          GTestDataFunc  func)
{
  g_autofree char *en = g_strdup_printf ("/format/%s/en", name);
  g_autofree char *zh = g_strdup_printf ("/format/%s/zh", name);

  g_test_add_data_func (en, GINT_TO_POINTER (FALSE), func);
  g_test_add_data_func (zh, GINT_TO_POINTER (TRUE), func);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* The build's own catalogues, compiled into build/po. */
  localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  add_both ("periods", check_periods);
  add_both ("dates", check_dates);
  add_both ("numbers", check_numbers);
  add_both ("values", check_values);
  add_both ("changes", check_changes);
  g_test_add_func ("/format/indicator-id", check_indicator_id);
  return g_test_run ();
}
