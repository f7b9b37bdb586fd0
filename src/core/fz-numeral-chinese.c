/* fz-numeral-chinese.c: Chinese digits and numerals such as 三千五百, 二〇一九 and 十几. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-numeral-private.h"

#include <string.h>

int
fz_numeral_digit_value (gunichar c)
{
  gint value = fz_text_cn_digit_value (c);

  /* Capital and traditional forms on top of the shared table. */
  if (value >= 0)
    return value;
  switch (c)
    {
    case 0x58F9: /* 壹 */
      return 1;
    case 0x5169: /* 兩 */
    case 0x8D30: /* 贰 */
    case 0x8CB3: /* 貳 */
      return 2;
    case 0x53C1: /* 叁 */
    case 0x53C3: /* 參 */
    case 0x53C4: /* 叄 */
      return 3;
    case 0x8086: /* 肆 */
      return 4;
    case 0x4F0D: /* 伍 */
      return 5;
    case 0x9646: /* 陆 */
    case 0x9678: /* 陸 */
      return 6;
    case 0x67D2: /* 柒 */
      return 7;
    case 0x634C: /* 捌 */
      return 8;
    case 0x7396: /* 玖 */
      return 9;
    default:
      return fz_text_digit_value (c);
    }
}

static inline int
chinese_unit (gunichar c)
{
  switch (c)
    {
    case 0x5341: /* 十 */
    case 0x62FE: /* 拾 */
      return 10;
    case 0x767E: /* 百 */
    case 0x4F70: /* 佰 */
      return 100;
    case 0x5343: /* 千 */
    case 0x4EDF: /* 仟 */
      return 1000;
    default:
      return 0;
    }
}

#define CH_WAN   0x4E07  /* 万 */
#define CH_YI    0x4EBF  /* 亿 */
#define CH_WAN_T 0x842C  /* 萬 */
#define CH_YI_T  0x5104  /* 億 */
#define CH_QIAN  0x5343  /* 千 */
#define CH_BAI   0x767E  /* 百 */
#define CH_YU    0x4F59  /* 余 */
#define CH_DUO   0x591A  /* 多 */
#define CH_JI    0x51E0  /* 几 */
#define CH_NIAN  0x5EFF  /* 廿 */
#define CH_SA    0x5345  /* 卅 */
#define CH_CHENG 0x6210  /* 成 */

#define CH_SHU   0x6570  /* 数 */
#define CH_SHU_T 0x6578  /* 數 */
#define CH_JI_T  0x5E7E  /* 幾 */
#define CH_DIAN  0x70B9  /* 点 */
#define CH_DIAN_T 0x9EDE /* 點 */

static inline gboolean
is_myriad (gunichar c)
{
  return c == CH_WAN || c == CH_YI || c == CH_WAN_T || c == CH_YI_T;
}

/* The state of a Chinese numeral read left to right: 三千五百 adds units into
 * cur, 万 and 亿 close a section, and a bare run such as 二〇一九 is positional. */
typedef struct
{
  gint64   yi;
  gint64   wan;
  gint64   cur;
  gint64   positional;
  gint64   prev_unit;   /* the unit right before the last digit: 一百五 is 150 */
  gint64   tail;        /* that unit when the last digit follows it directly */
  int      digit;
  int      last_unit;
  int      n_digits_only;
  gsize    first_len;   /* bytes of the first character */
  gboolean any;
  gboolean units;
  gboolean zero_gap;
  gboolean seen_wan;
  gboolean saw_zero;
  gboolean range;       /* 三四百: two neighbouring digits before a unit */
  gboolean guess;       /* 几十, 数百: no digit, only "some" */
  guint8   flags;
} ChineseRun;

static inline gboolean
chinese_take_digit (ChineseRun *r,
                    int         d)
{
  /* 三四百, 七八十万: a range written without a separator reads as its low end. */
  if (!r->units && r->n_digits_only == 1 && !r->range && !r->guess && r->digit >= 1 &&
      d == r->digit + 1)
    {
      r->range = TRUE;
      return TRUE;
    }
  if (r->range || r->guess)
    return FALSE;
  /* Digit after digit: only a positional run such as 二〇一九. */
  if (r->digit >= 0 && !r->zero_gap && r->units)
    return FALSE;
  if (!r->units)
    {
      if (r->n_digits_only >= 12)
        return FALSE;
      r->positional = r->positional * 10 + d;
      r->n_digits_only++;
    }
  r->tail = (r->units && r->digit < 0 && !r->zero_gap) ? r->prev_unit : 0;
  r->zero_gap = (d == 0 && r->units);
  r->saw_zero |= (d == 0);
  r->digit = d;
  r->any = TRUE;
  return TRUE;
}

static inline gboolean
chinese_take_unit (ChineseRun *r,
                   gunichar    c,
                   int         u)
{
  int val = u > 0 ? u : 10;
  int mul = c == CH_NIAN ? 2 : c == CH_SA ? 3 : (r->digit < 0 ? 1 : r->digit);

  if (r->n_digits_only > 1 || val >= r->last_unit)
    return FALSE;
  if (r->guess && r->units)
    return FALSE;
  r->cur += (gint64) mul * val;
  r->last_unit = val;
  r->prev_unit = val;
  r->digit = -1;
  r->tail = 0;
  r->units = TRUE;
  r->zero_gap = FALSE;
  r->any = TRUE;
  return TRUE;
}

static inline gboolean
chinese_take_myriad (ChineseRun *r,
                     gunichar    c)
{
  gint64 v = r->cur + MAX (r->digit, 0);

  if (r->n_digits_only > 1)
    return FALSE;
  /* 万一 is "in case": only a myriad with a number before it takes a last digit. */
  r->prev_unit = r->any ? (c == CH_WAN || c == CH_WAN_T ? 10000 : 100000000) : 0;
  if (!r->any)
    v = 1;
  /* 四万万: a myriad of myriads, right after the first, is 亿 */
  if ((c == CH_WAN || c == CH_WAN_T) && r->seen_wan && r->yi == 0 && r->cur == 0 &&
      r->digit < 0 && r->last_unit == 100000)
    {
      r->yi = r->wan * 10000;
      r->wan = 0;
      r->seen_wan = FALSE;
    }
  else if (c == CH_WAN || c == CH_WAN_T)
    {
      if (r->seen_wan)
        return FALSE;
      r->wan = v * 10000;
      r->seen_wan = TRUE;
    }
  else
    {
      if (r->yi != 0)
        return FALSE;
      r->yi = (r->wan + v) * 100000000;
      r->wan = 0;
      r->seen_wan = FALSE;
    }
  r->cur = 0;
  r->digit = -1;
  r->tail = 0;
  r->last_unit = 100000;
  r->units = TRUE;
  r->zero_gap = FALSE;
  r->any = TRUE;
  r->flags |= FZ_NUMERAL_MULT;
  return TRUE;
}

/* Returns FALSE where the numeral ends before @c. */
static inline gboolean
chinese_take (ChineseRun *r,
              gunichar    c)
{
  int d = fz_numeral_digit_value (c);
  int u = chinese_unit (c);

  if (d >= 0 && fz_text_digit_value (c) < 0)
    return chinese_take_digit (r, d);
  if (u > 0 || c == CH_NIAN || c == CH_SA)
    return chinese_take_unit (r, c, u);
  if (is_myriad (c))
    return chinese_take_myriad (r, c);
  /* 几十起, 数百人: "some" in place of the first digit. */
  if (!r->any && (c == CH_JI || c == CH_JI_T || c == CH_SHU || c == CH_SHU_T))
    {
      r->guess = TRUE;
      r->any = TRUE;
      r->digit = 1;
      r->n_digits_only = 1;
      r->positional = 1;
      r->flags |= FZ_NUMERAL_OVER;
      return TRUE;
    }
  return FALSE;
}

/* Stores the value read; returns where the numeral ends, which moves back to
 * the first character when neighbouring digits only state a guess. */
static inline gsize
chinese_store (ChineseRun *r,
               const char *s,
               gsize       len,
               gsize       pos,
               FzDecimal  *out)
{
  if (!r->units && (r->range || (r->n_digits_only > 1 && r->n_digits_only != 4 &&
                                 !r->saw_zero)))
    {
      /* 两三个, 五六十: neighbouring digits state a guess, not a positional
       * number; only years (一九九八, 二〇二一) are written digit by digit. */
      gunichar first;

      pos = fz_text_decode (s, len, &first);
      out->mantissa = fz_numeral_digit_value (first);
      out->n_digits = 1;
      r->range = FALSE;
    }
  else if (!r->units)
    {
      out->mantissa = r->positional;
      out->n_digits = r->n_digits_only;
    }
  else
    {
      gint64 last = MAX (r->digit, 0);

      /* 一百五, 两万五, 千六: a last digit right after a unit counts in the next lower unit. */
      if (r->tail >= 100 && last > 0)
        last *= r->tail / 10;
      out->mantissa = r->yi + r->wan + r->cur + last;
      out->n_digits = 0;
    }
  if (r->range)
    r->flags |= FZ_NUMERAL_OVER;
  return pos;
}

/* 十几, 三千五百余 */
static inline gsize
chinese_read_over (const char *s,
                   gsize       len,
                   gsize       pos,
                   guint8     *flags)
{
  gunichar c;
  gsize n;

  if (pos >= len)
    return pos;
  n = fz_text_decode (s + pos, len - pos, &c);
  if (c == CH_YU || c == CH_DUO || c == CH_JI || c == CH_JI_T || c == 0x9918 /* 餘 */)
    {
      *flags |= FZ_NUMERAL_OVER;
      pos += n;
    }
  return pos;
}

/* Fraction digits after 点: 三点五, 零点零八.  八点三十 and 八点五分 are times of day. */
static gsize
chinese_read_fraction (const char *s,
                       gsize       len,
                       gsize       pos,
                       FzDecimal  *out)
{
  gsize p = pos, n;
  gunichar c;
  FzDecimal v = *out;
  guint k = 0;

  n = fz_text_decode (s + p, len - p, &c);
  if (c != CH_DIAN && c != CH_DIAN_T)
    return pos;
  p += n;
  while (p < len)
    {
      int d;

      n = fz_text_decode (s + p, len - p, &c);
      d = fz_numeral_digit_value (c);
      if (d < 0 || fz_text_digit_value (c) >= 0 || c == 0x4E24 || c == 0x5169 || k >= 12)
        break;
      if (!fz_decimal_mul_int (&v, 10))
        return pos;
      v.mantissa += d;
      v.scale++;
      k++;
      p += n;
    }
  fz_text_decode (s + p, len - p, &c);
  /* No hour of the day is past 24: 九十四点六九分 is a score. */
  if (k == 0 || chinese_unit (c) > 0 ||
      (c == 0x5206 /* 分 */ && out->scale == 0 && out->mantissa <= 24) ||
      c == 0x65F6 /* 时 */ || c == 0x6642 /* 時 */ || c == 0x523B /* 刻 */)
    return pos;
  *out = v;
  out->flags |= FZ_NUMERAL_DECIMAL;
  return p;
}

/* 三点五万: a myriad after the fraction. */
static gsize
chinese_read_myriad (const char *s,
                     gsize       len,
                     gsize       pos,
                     FzDecimal  *out)
{
  gunichar c, c2;
  gsize n = fz_text_decode (s + pos, len - pos, &c);
  int exp;

  if (!is_myriad (c))
    return pos;
  exp = (c == CH_WAN || c == CH_WAN_T) ? 4 : 8;
  fz_text_decode (s + pos + n, len - pos - n, &c2);
  if (exp == 4 && (c2 == CH_YI || c2 == CH_YI_T))
    {
      exp = 12;
      n += 3;
    }
  if (!fz_decimal_mul_pow10 (out, exp))
    return pos;
  out->flags |= FZ_NUMERAL_MULT;
  return pos + n;
}

/* Chinese numerals: 三千五百, 二〇一九, 十几, 两万, 廿三, 一百五, 三四百, 数十, 三点五. */
gboolean
fz_numeral_parse_chinese (const char *s,
                          gsize       len,
                          FzDecimal  *out,
                          gsize      *consumed)
{
  ChineseRun r = { .digit = -1, .last_unit = 100000, .flags = FZ_NUMERAL_CHINESE };
  gsize pos = 0;

  memset (out, 0, sizeof *out);
  while (pos < len)
    {
      gunichar c;
      gsize n = fz_text_decode (s + pos, len - pos, &c);

      if (!chinese_take (&r, c))
        break;
      pos += n;
    }
  if (!r.any || (r.guess && !r.units))
    return FALSE;
  pos = chinese_store (&r, s, len, pos, out);
  if (!(r.flags & (FZ_NUMERAL_MULT | FZ_NUMERAL_OVER)) && (r.units || r.n_digits_only == 1))
    {
      gsize p = chinese_read_fraction (s, len, pos, out);

      if (p != pos)
        pos = chinese_read_myriad (s, len, p, out);
    }
  pos = chinese_read_over (s, len, pos, &r.flags);
  out->flags |= r.flags;
  *consumed = pos;
  return TRUE;
}
