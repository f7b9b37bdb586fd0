/* fz-numeral.c: exact parsing of Arabic, full-width and Chinese numerals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-numeral.h"

#include <string.h>

/* Bounded UTF-8 decode; bad or cut bytes decode as U+FFFD of length 1 so that
 * a caller handed arbitrary bytes still moves forward. */
static inline gsize
decode (const char *s,
        gsize       len,
        gunichar   *out)
{
  const guchar *u = (const guchar *) s;

  if (len == 0)
    {
      *out = 0;
      return 0;
    }
  if (u[0] < 0x80)
    {
      *out = u[0];
      return 1;
    }
  if ((u[0] & 0xE0) == 0xC0 && len >= 2 && (u[1] & 0xC0) == 0x80)
    {
      *out = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
      return 2;
    }
  if ((u[0] & 0xF0) == 0xE0 && len >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
    {
      *out = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
      return 3;
    }
  if ((u[0] & 0xF8) == 0xF0 && len >= 4 && (u[1] & 0xC0) == 0x80 &&
      (u[2] & 0xC0) == 0x80 && (u[3] & 0xC0) == 0x80)
    {
      *out = ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
      return 4;
    }
  *out = 0xFFFD;
  return 1;
}

static inline int
arabic_digit (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19)
    return c - 0xFF10;
  return -1;
}

int
fz_numeral_digit_value (gunichar c)
{
  switch (c)
    {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
      return 0;
    case 0x4E00: /* 一 */
    case 0x58F9: /* 壹 */
      return 1;
    case 0x4E8C: /* 二 */
    case 0x4E24: /* 两 */
    case 0x8D30: /* 贰 */
      return 2;
    case 0x4E09: /* 三 */
    case 0x53C1: /* 叁 */
      return 3;
    case 0x56DB: /* 四 */
    case 0x8086: /* 肆 */
      return 4;
    case 0x4E94: /* 五 */
    case 0x4F0D: /* 伍 */
      return 5;
    case 0x516D: /* 六 */
    case 0x9646: /* 陆 */
      return 6;
    case 0x4E03: /* 七 */
    case 0x67D2: /* 柒 */
      return 7;
    case 0x516B: /* 八 */
    case 0x634C: /* 捌 */
      return 8;
    case 0x4E5D: /* 九 */
    case 0x7396: /* 玖 */
      return 9;
    default:
      return arabic_digit (c);
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
#define CH_QIAN  0x5343  /* 千 */
#define CH_BAI   0x767E  /* 百 */
#define CH_YU    0x4F59  /* 余 */
#define CH_DUO   0x591A  /* 多 */
#define CH_JI    0x51E0  /* 几 */
#define CH_NIAN  0x5EFF  /* 廿 */
#define CH_SA    0x5345  /* 卅 */
#define CH_CHENG 0x6210  /* 成 */

static gboolean
is_ideograph (gunichar c)
{
  return c >= 0x4E00 && c <= 0x9FFF;
}

gboolean
fz_decimal_mul_int (FzDecimal *self,
                    gint64     factor)
{
  gint64 r;

  if (__builtin_mul_overflow (self->mantissa, factor, &r))
    return FALSE;
  self->mantissa = r;
  return TRUE;
}

gboolean
fz_decimal_mul_pow10 (FzDecimal *self,
                      int        exp)
{
  while (exp > 0)
    {
      if (self->scale > 0)
        self->scale--;
      else if (!fz_decimal_mul_int (self, 10))
        return FALSE;
      exp--;
    }
  while (exp < 0)
    {
      if (self->scale >= FZ_DECIMAL_MAX_SCALE)
        return FALSE;
      self->scale++;
      exp++;
    }
  return TRUE;
}

gboolean
fz_decimal_add (FzDecimal       *self,
                const FzDecimal *other)
{
  FzDecimal o = *other;
  gint64 r;

  while (self->scale < o.scale)
    {
      if (!fz_decimal_mul_int (self, 10))
        return FALSE;
      self->scale++;
    }
  while (o.scale < self->scale)
    {
      if (!fz_decimal_mul_int (&o, 10))
        return FALSE;
      o.scale++;
    }
  if (__builtin_add_overflow (self->mantissa, o.mantissa, &r))
    return FALSE;
  self->mantissa = r;
  return TRUE;
}

gboolean
fz_decimal_is_integer (const FzDecimal *self)
{
  gint64 m = self->mantissa;

  for (guint i = 0; i < self->scale; i++)
    {
      if (m % 10 != 0)
        return FALSE;
      m /= 10;
    }
  return TRUE;
}

/* Truncates toward zero. */
gint64
fz_decimal_to_int (const FzDecimal *self)
{
  gint64 m = self->mantissa;

  for (guint i = 0; i < self->scale; i++)
    m /= 10;
  return m;
}

gsize
fz_decimal_format (const FzDecimal *self,
                   char            *buf,
                   gsize            size)
{
  char digits[32];
  char tmp[48];
  guint64 m;
  int n = 0, scale = self->scale, len = 0;
  gboolean neg = self->mantissa < 0;

  m = neg ? (guint64) 0 - (guint64) self->mantissa : (guint64) self->mantissa;
  do
    {
      digits[n++] = '0' + (m % 10);
      m /= 10;
    }
  while (m > 0);
  /* Trailing zeros of the fraction say nothing. */
  {
    int skip = 0;

    while (skip < scale && skip < n - 1 && digits[skip] == '0')
      skip++;
    memmove (digits, digits + skip, n - skip);
    n -= skip;
    scale -= skip;
    if (n == 1 && digits[0] == '0')
      scale = 0;
  }
  while (n <= scale)
    digits[n++] = '0';
  if (neg && !(n == 1 && digits[0] == '0'))
    tmp[len++] = '-';
  for (int i = n - 1; i >= 0; i--)
    {
      tmp[len++] = digits[i];
      if (i == scale && scale > 0)
        tmp[len++] = '.';
    }
  tmp[len] = '\0';
  if (size > 0)
    {
      gsize c = MIN ((gsize) len, size - 1);
      memcpy (buf, tmp, c);
      buf[c] = '\0';
    }
  return len;
}

char *
fz_decimal_to_string (const FzDecimal *self)
{
  char buf[48];

  g_return_val_if_fail (self != NULL, NULL);
  fz_decimal_format (self, buf, sizeof buf);
  return g_strdup (buf);
}

/* Chinese numerals: 三千五百, 二〇一九, 十几, 两万, 廿三. */
gboolean
fz_numeral_parse_chinese (const char *s,
                          gsize       len,
                          FzDecimal  *out,
                          gsize      *consumed)
{
  gint64 yi = 0, wan = 0, cur = 0;
  int digit = -1, last_unit = 100000, n_digits_only = 0;
  gboolean any = FALSE, units = FALSE, zero_gap = FALSE, seen_wan = FALSE, saw_zero = FALSE;
  gint64 positional = 0;
  gsize pos = 0;
  guint8 flags = FZ_NUMERAL_CHINESE;

  memset (out, 0, sizeof *out);
  while (pos < len)
    {
      gunichar c;
      gsize n = decode (s + pos, len - pos, &c);
      int d = fz_numeral_digit_value (c);
      int u = chinese_unit (c);

      if (d >= 0 && arabic_digit (c) < 0)
        {
          if (digit >= 0 && !zero_gap)
            {
              /* Digit after digit: only a positional run such as 二〇一九. */
              if (units)
                break;
            }
          if (!units)
            {
              if (n_digits_only >= 12)
                break;
              positional = positional * 10 + d;
              n_digits_only++;
            }
          zero_gap = (d == 0 && units);
          saw_zero |= (d == 0);
          digit = d;
          any = TRUE;
        }
      else if (u > 0 || c == CH_NIAN || c == CH_SA)
        {
          int val = u > 0 ? u : 10;
          int mul = c == CH_NIAN ? 2 : c == CH_SA ? 3 : (digit < 0 ? 1 : digit);

          if (n_digits_only > 1 || val >= last_unit)
            break;
          cur += (gint64) mul * val;
          last_unit = val;
          digit = -1;
          units = TRUE;
          zero_gap = FALSE;
          any = TRUE;
        }
      else if (c == CH_WAN || c == CH_YI)
        {
          gint64 v = cur + MAX (digit, 0);

          if (n_digits_only > 1)
            break;
          if (!any)
            v = 1;
          if (c == CH_WAN)
            {
              if (seen_wan)
                break;
              wan = v * 10000;
              seen_wan = TRUE;
            }
          else
            {
              if (yi != 0)
                break;
              yi = (wan + v) * 100000000;
              wan = 0;
              seen_wan = FALSE;
            }
          cur = 0;
          digit = -1;
          last_unit = 100000;
          units = TRUE;
          zero_gap = FALSE;
          any = TRUE;
          flags |= FZ_NUMERAL_MULT;
        }
      else
        break;
      pos += n;
    }
  if (!any)
    return FALSE;
  if (!units && n_digits_only > 1 && n_digits_only != 4 && !saw_zero)
    {
      /* 两三个, 五六十: neighbouring digits state a guess, not a positional
       * number; only years (一九九八, 二〇二一) are written digit by digit. */
      gunichar first;

      pos = decode (s, len, &first);
      out->mantissa = fz_numeral_digit_value (first);
      out->n_digits = 1;
    }
  else if (!units)
    {
      out->mantissa = positional;
      out->n_digits = n_digits_only;
    }
  else
    {
      out->mantissa = yi + wan + cur + MAX (digit, 0);
      out->n_digits = 0;
    }
  /* 十几, 三千五百余 */
  if (pos < len)
    {
      gunichar c;
      gsize n = decode (s + pos, len - pos, &c);

      if (c == CH_YU || c == CH_DUO || c == CH_JI)
        {
          flags |= FZ_NUMERAL_OVER;
          pos += n;
        }
    }
  out->flags = flags;
  *consumed = pos;
  return TRUE;
}

static gboolean
has_prefix (const char *s,
            gsize       len,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && memcmp (s, prefix, n) == 0;
}

/* Reads digits at s; returns bytes used, 0 when there is no digit. */
static gsize
read_digits (const char *s,
             gsize       len,
             FzDecimal  *d,
             gboolean   *overflow,
             gboolean    fraction)
{
  gsize pos = 0;

  while (pos < len)
    {
      gunichar c;
      gsize n = decode (s + pos, len - pos, &c);
      int v = arabic_digit (c);

      if (v < 0)
        break;
      if (__builtin_mul_overflow (d->mantissa, 10, &d->mantissa) ||
          __builtin_add_overflow (d->mantissa, v, &d->mantissa))
        *overflow = TRUE;
      if (fraction)
        {
          if (d->scale >= FZ_DECIMAL_MAX_SCALE)
            *overflow = TRUE;
          else
            d->scale++;
        }
      else if (d->n_digits < 255)
        d->n_digits++;
      pos += n;
    }
  return pos;
}

static gsize
count_digits (const char *s,
              gsize       len)
{
  gsize pos = 0, count = 0;

  while (pos < len)
    {
      gunichar c;
      gsize n = decode (s + pos, len - pos, &c);

      if (arabic_digit (c) < 0)
        break;
      count++;
      pos += n;
    }
  return count;
}

/* 千 after a number is a multiplier unless it starts a unit (千米, 千克). */
static gboolean
multiplier_at (const char *s,
               gsize       len,
               int        *exp,
               gsize      *used)
{
  if (has_prefix (s, len, "万亿"))
    {
      *exp = 12;
      *used = 6;
      return TRUE;
    }
  if (has_prefix (s, len, "亿"))
    {
      *exp = 8;
      *used = 3;
      return TRUE;
    }
  if (has_prefix (s, len, "万"))
    {
      *exp = 4;
      *used = 3;
      return TRUE;
    }
  if (has_prefix (s, len, "千") && !has_prefix (s, len, "千米") &&
      !has_prefix (s, len, "千克") && !has_prefix (s, len, "千瓦") &&
      !has_prefix (s, len, "千元"))
    {
      *exp = 3;
      *used = 3;
      return TRUE;
    }
  return FALSE;
}

static gboolean
over_at (const char *s,
         gsize       len)
{
  return has_prefix (s, len, "余") || has_prefix (s, len, "多");
}

static gboolean
parse_arabic (const char *s,
              gsize       len,
              FzDecimal  *out,
              gsize      *consumed)
{
  gsize pos = 0, n;
  gboolean overflow = FALSE, neg = FALSE;
  gunichar c;
  int exp;
  gsize used;

  memset (out, 0, sizeof *out);
  n = decode (s, len, &c);
  if (c == '-' || c == 0xFF0D || c == '+' || c == 0xFF0B)
    {
      gunichar d;

      neg = (c == '-' || c == 0xFF0D);
      decode (s + n, len - n, &d);
      if (arabic_digit (d) < 0)
        return FALSE;
      pos = n;
    }
  n = read_digits (s + pos, len - pos, out, &overflow, FALSE);
  if (n == 0)
    return FALSE;
  pos += n;
  /* Thousands separators: a comma followed by exactly three digits. */
  while (pos < len)
    {
      gsize sep = 0;

      if (s[pos] == ',')
        sep = 1;
      else if (has_prefix (s + pos, len - pos, "，"))
        sep = 3;
      if (sep == 0 || out->n_digits > 3 * 6 || count_digits (s + pos + sep, len - pos - sep) != 3)
        break;
      pos += sep + read_digits (s + pos + sep, len - pos - sep, out, &overflow, FALSE);
    }
  if (pos < len && (s[pos] == '.' || has_prefix (s + pos, len - pos, "．")))
    {
      gsize sep = s[pos] == '.' ? 1 : 3;

      if (count_digits (s + pos + sep, len - pos - sep) > 0)
        {
          pos += sep + read_digits (s + pos + sep, len - pos - sep, out, &overflow, TRUE);
          out->flags |= FZ_NUMERAL_DECIMAL;
        }
    }
  if (overflow)
    return FALSE;
  if (neg)
    out->mantissa = -out->mantissa;
  out->flags |= FZ_NUMERAL_ARABIC;

  /* 3880余万, 1.6万余, 97.7亿, 1万2千 */
  if (over_at (s + pos, len - pos))
    {
      gsize p2 = pos + 3;

      if (multiplier_at (s + p2, len - p2, &exp, &used))
        {
          out->flags |= FZ_NUMERAL_OVER;
          pos = p2;
        }
    }
  if (multiplier_at (s + pos, len - pos, &exp, &used))
    {
      if (!fz_decimal_mul_pow10 (out, exp))
        return FALSE;
      out->flags |= FZ_NUMERAL_MULT;
      pos += used;
      /* 1万2千: a smaller multiplied part follows. */
      if (exp >= 4 && count_digits (s + pos, len - pos) > 0)
        {
          FzDecimal part = { 0, };
          gboolean of = FALSE;
          gsize dn = read_digits (s + pos, len - pos, &part, &of, FALSE);
          int exp2;
          gsize used2;

          if (!of && multiplier_at (s + pos + dn, len - pos - dn, &exp2, &used2) && exp2 < exp &&
              fz_decimal_mul_pow10 (&part, exp2) && fz_decimal_add (out, &part))
            pos += dn + used2;
        }
      if (over_at (s + pos, len - pos))
        {
          out->flags |= FZ_NUMERAL_OVER;
          pos += 3;
        }
    }
  if (pos < len && (s[pos] == '%' || has_prefix (s + pos, len - pos, "％")))
    {
      out->flags |= FZ_NUMERAL_PERCENT;
      pos += s[pos] == '%' ? 1 : 3;
    }
  *consumed = pos;
  return TRUE;
}

/**
 * fz_numeral_parse:
 * @s: UTF-8 text starting at the numeral
 * @len: bytes available at @s
 * @out: the value and flags
 * @consumed: (out): bytes the numeral takes
 *
 * Reads the longest numeral at @s: 43.26%, 1,234.5, １２％, 3880余万, 1万2千,
 * 三千五百余, 二〇一九, 百分之五十, 三成, 零增长.  No white space is skipped.
 *
 * Returns: %FALSE when @s does not start with a numeral or it overflows.
 */
gboolean
fz_numeral_parse (const char *s,
                  gsize       len,
                  FzDecimal  *out,
                  gsize      *consumed)
{
  gunichar c;

  g_return_val_if_fail (out != NULL && consumed != NULL, FALSE);
  *consumed = 0;
  if (s == NULL || len == 0)
    return FALSE;
  decode (s, len, &c);
  if (arabic_digit (c) >= 0 || c == '-' || c == '+' || c == 0xFF0D || c == 0xFF0B)
    return parse_arabic (s, len, out, consumed);

  if (has_prefix (s, len, "零增长"))
    {
      memset (out, 0, sizeof *out);
      out->flags = FZ_NUMERAL_CHINESE | FZ_NUMERAL_PERCENT | FZ_NUMERAL_FLAT;
      *consumed = strlen ("零增长");
      return TRUE;
    }
  if (has_prefix (s, len, "百分之"))
    {
      gsize off = strlen ("百分之"), n = 0;
      FzDecimal inner;
      gunichar c2;

      decode (s + off, len - off, &c2);
      if ((arabic_digit (c2) >= 0 && parse_arabic (s + off, len - off, &inner, &n)) ||
          (arabic_digit (c2) < 0 && fz_numeral_parse_chinese (s + off, len - off, &inner, &n)))
        {
          if (inner.flags & FZ_NUMERAL_PERCENT)
            return FALSE;
          *out = inner;
          out->flags |= FZ_NUMERAL_PERCENT;
          *consumed = off + n;
          return TRUE;
        }
      return FALSE;
    }
  if (!fz_numeral_parse_chinese (s, len, out, consumed))
    return FALSE;
  /* 三成 is 30%; 一成不变 and 建成 are not. */
  if (!(out->flags & (FZ_NUMERAL_MULT | FZ_NUMERAL_OVER)) && out->mantissa >= 1 &&
      out->mantissa <= 10 && out->n_digits <= 1 && has_prefix (s + *consumed, len - *consumed, "成"))
    {
      gsize after = *consumed + 3;
      gunichar next = 0;

      char next_utf8[4] = "";

      decode (s + after, len - after, &next);
      if (is_ideograph (next))
        memcpy (next_utf8, s + after, 3);
      /* 成 starts many words (成为, 成立, 成员, 一成不变). */
      if (next_utf8[0] == '\0' ||
          strstr ("不为立员功果本效绩都长熟型交就年人品了片群批套倍形", next_utf8) == NULL)
        {
          out->mantissa *= 10;
          out->flags |= FZ_NUMERAL_PERCENT;
          *consumed = after;
        }
    }
  return TRUE;
}
