/* test-numeral.c: table-driven tests of exact numeral parsing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-numeral.h"

#include <string.h>

typedef struct
{
  const char *input;
  const char *value;     /* NULL when the input is not a numeral */
  gsize       consumed;  /* bytes; 0 means the whole input */
  guint8      flags;     /* flags that must be set */
} Case;

static const Case cases[] = {
  /* Arabic */
  { "0", "0", 0, FZ_NUMERAL_ARABIC },
  { "672", "672", 0, FZ_NUMERAL_ARABIC },
  { "43.26", "43.26", 0, FZ_NUMERAL_DECIMAL },
  { "1,234,567", "1234567", 0, 0 },
  { "12，345", "12345", 0, 0 },
  { "1,23", "1", 1, 0 },
  { "3.", "3", 1, 0 },
  { "-5", "-5", 0, 0 },
  { "0.50", "0.5", 0, 0 },
  { "0.00", "0", 0, 0 },
  { "10.10", "10.1", 0, 0 },
  /* Full-width digits and signs */
  { "１２％", "12", 0, FZ_NUMERAL_PERCENT },
  { "３．５", "3.5", 0, FZ_NUMERAL_DECIMAL },
  { "－７", "-7", 0, 0 },
  /* Multipliers are exact: no binary floating point */
  { "97.7亿", "9770000000", 0, FZ_NUMERAL_MULT },
  { "1.6万", "16000", 0, FZ_NUMERAL_MULT },
  { "3880余万", "38800000", 0, FZ_NUMERAL_MULT | FZ_NUMERAL_OVER },
  { "380万余", "3800000", 0, FZ_NUMERAL_MULT | FZ_NUMERAL_OVER },
  { "1万2千", "12000", 0, FZ_NUMERAL_MULT },
  { "2万亿", "2000000000000", 0, FZ_NUMERAL_MULT },
  { "0.03万", "300", 0, 0 },
  { "5千米", "5", 1, 0 },
  /* Percent */
  { "43.26%", "43.26", 0, FZ_NUMERAL_PERCENT },
  { "百分之五十", "50", 0, FZ_NUMERAL_PERCENT },
  { "百分之3.5", "3.5", 0, FZ_NUMERAL_PERCENT },
  { "三成", "30", 0, FZ_NUMERAL_PERCENT },
  { "零增长", "0", 0, FZ_NUMERAL_PERCENT | FZ_NUMERAL_FLAT },
  /* Chinese */
  { "〇", "0", 0, FZ_NUMERAL_CHINESE },
  { "零", "0", 0, FZ_NUMERAL_CHINESE },
  { "九", "9", 0, 0 },
  { "十", "10", 0, 0 },
  { "十三", "13", 0, 0 },
  { "二十", "20", 0, 0 },
  { "两", "2", 0, 0 },
  { "一百零五", "105", 0, 0 },
  { "三千五百", "3500", 0, 0 },
  { "三千五百余", "3500", 0, FZ_NUMERAL_OVER },
  { "十几", "10", 0, FZ_NUMERAL_OVER },
  { "两万", "20000", 0, FZ_NUMERAL_MULT },
  { "万", "10000", 0, 0 },
  { "三亿五千万", "350000000", 0, 0 },
  { "廿三", "23", 0, 0 },
  { "卅", "30", 0, 0 },
  { "二〇一九", "2019", 0, 0 },
  { "一九九八", "1998", 0, 0 },
  { "两三", "2", 3, 0 },
  /* A digit after a finished number ends it: 十四五 reads 十四. */
  { "十四五", "14", 6, 0 },
  /* 一成不变 is an idiom, not 10%. */
  { "一成不变", "1", 3, 0 },
  /* Spec, numerals: separators and decimals */
  { "1，234", "1234", 0, 0 },
  { "１２３", "123", 0, 0 },
  { "０．５", "0.5", 0, FZ_NUMERAL_DECIMAL },
  { "三点五", "3.5", 0, FZ_NUMERAL_DECIMAL },
  { "零点零八", "0.08", 0, FZ_NUMERAL_DECIMAL },
  { "十二点五万", "125000", 0, FZ_NUMERAL_MULT },
  { "八点三十", "8", 3, 0 },
  { "八点五分", "8", 3, 0 },
  { "八点半", "8", 3, 0 },
  /* digits with units */
  { "2.5亿", "250000000", 0, FZ_NUMERAL_MULT },
  { "3千", "3000", 0, FZ_NUMERAL_MULT },
  { "12万5千", "125000", 0, FZ_NUMERAL_MULT },
  { "1万2", "12000", 0, FZ_NUMERAL_MULT },
  { "3千5", "3500", 0, FZ_NUMERAL_MULT },
  { "1万2345", "12345", 0, FZ_NUMERAL_MULT },
  { "1萬2,345", "12345", 0, FZ_NUMERAL_MULT },
  { "九十四点六九分", "94.69", 18, FZ_NUMERAL_DECIMAL },
  /* Chinese numerals */
  { "十五", "15", 0, 0 },
  { "一百零八", "108", 0, 0 },
  { "三千零五十", "3050", 0, 0 },
  { "一万零三百", "10300", 0, 0 },
  { "四十二万七千", "427000", 0, 0 },
  /* a unit's last digit */
  { "一百五", "150", 0, 0 },
  { "三千二", "3200", 0, 0 },
  { "两万五", "25000", 0, 0 },
  { "九万四", "94000", 0, 0 },
  { "千六", "1600", 0, 0 },
  { "一亿五", "150000000", 0, 0 },
  { "一万二千五", "12500", 0, 0 },
  { "一百零五", "105", 0, 0 },
  /* capital numerals */
  { "叁万伍仟", "35000", 0, 0 },
  { "壹佰零捌", "108", 0, 0 },
  { "玖仟玖佰玖拾玖", "9999", 0, 0 },
  /* traditional script */
  { "8.2億", "820000000", 0, FZ_NUMERAL_MULT },
  { "12萬餘", "120000", 0, FZ_NUMERAL_OVER },
  { "兩萬", "20000", 0, 0 },
  { "貳拾參", "23", 0, 0 },
  { "陸萬", "60000", 0, 0 },
  { "三千萬", "30000000", 0, 0 },
  /* digit by digit */
  { "二〇二二", "2022", 0, 0 },
  /* signs */
  { "负5", "-5", 0, 0 },
  { "負5", "-5", 0, 0 },
  { "−5", "-5", 0, 0 },
  { "负三点五", "-3.5", 0, 0 },
  { "负增长", NULL, 0, 0 },
  { "负责", NULL, 0, 0 },
  /* fractions and shares */
  { "三分之一", "33.33", 0, FZ_NUMERAL_PERCENT },
  { "三分之二", "66.67", 0, FZ_NUMERAL_PERCENT },
  { "千分之五", "0.5", 0, FZ_NUMERAL_PERCENT },
  { "万分之三", "0.03", 0, FZ_NUMERAL_PERCENT },
  { "百分之二点一五", "2.15", 0, FZ_NUMERAL_PERCENT },
  { "2.5成", "25", 0, FZ_NUMERAL_PERCENT },
  { "八折", "80", 0, FZ_NUMERAL_PERCENT },
  { "七五折", "75", 0, FZ_NUMERAL_PERCENT },
  { "8.5折", "85", 0, FZ_NUMERAL_PERCENT },
  { "八折合", "8", 3, 0 },
  /* approximate */
  { "十几", "10", 0, FZ_NUMERAL_OVER },
  { "几十", "10", 0, FZ_NUMERAL_OVER },
  { "数百", "100", 0, FZ_NUMERAL_OVER },
  { "数十万", "100000", 0, FZ_NUMERAL_OVER },
  { "数据", NULL, 0, 0 },
  /* a range without a separator */
  { "三四百", "300", 0, FZ_NUMERAL_OVER },
  { "七八十万", "700000", 0, FZ_NUMERAL_OVER },
  { "二三十", "20", 0, FZ_NUMERAL_OVER },
  /* Not numerals */
  { "", NULL, 0, 0 },
  { "abc", NULL, 0, 0 },
  { "百分之", NULL, 0, 0 },
  { "-", NULL, 0, 0 },
  { "99999999999999999999", NULL, 0, 0 },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      FzDecimal d;
      gsize consumed = 0;
      gboolean ok = fz_numeral_parse (c->input, strlen (c->input), &d, &consumed);

      g_test_message ("input '%s'", c->input);
      if (c->value == NULL)
        {
          g_assert_false (ok);
          continue;
        }
      g_assert_true (ok);
      {
        g_autofree char *s = fz_decimal_to_string (&d);

        g_assert_cmpstr (s, ==, c->value);
      }
      g_assert_cmpuint (consumed, ==, c->consumed ? c->consumed : strlen (c->input));
      g_assert_cmpuint (d.flags & c->flags, ==, c->flags);
    }
}

static void
test_decimal_arith (void)
{
  FzDecimal d = { 977, 1, 0, 0 };
  FzDecimal half = { 5, 1, 0, 0 };
  FzDecimal huge = { G_MAXINT64 / 2, 0, 0, 0 };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (fz_decimal_mul_pow10 (&d, 8));
  a = fz_decimal_to_string (&d);
  g_assert_cmpstr (a, ==, "9770000000");
  g_assert_true (fz_decimal_is_integer (&d));
  g_assert_cmpint (fz_decimal_to_int (&d), ==, 9770000000);
  g_assert_false (fz_decimal_is_integer (&half));
  g_assert_true (fz_decimal_add (&half, &(FzDecimal) { 2, 0, 0, 0 }));
  b = fz_decimal_to_string (&half);
  g_assert_cmpstr (b, ==, "2.5");
  g_assert_false (fz_decimal_mul_pow10 (&huge, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/numeral/table", test_table);
  g_test_add_func ("/numeral/decimal-arith", test_decimal_arith);
  return g_test_run ();
}
