/* fz-numeral.c: exact decimals and the entry point that reads any numeral. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-numeral-private.h"

#include <string.h>

static gboolean
char_is_one_of (gunichar    c,
                const char *set)
{
  char buf[8];
  int n = g_unichar_to_utf8 (c, buf);

  buf[n] = '\0';
  return strstr (set, buf) != NULL;
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

/* The numeral after 分之: digits or Chinese, never itself a percent. */
static gboolean
parse_plain (const char *s,
             gsize       len,
             FzDecimal  *out,
             gsize      *consumed)
{
  gunichar c;

  fz_text_decode (s, len, &c);
  if (fz_text_digit_value (c) >= 0)
    {
      if (!_fz_numeral_parse_arabic (s, len, out, consumed))
        return FALSE;
    }
  else if (!fz_numeral_parse_chinese (s, len, out, consumed))
    return FALSE;
  return !(out->flags & FZ_NUMERAL_PERCENT) && out->mantissa >= 0;
}

/* @num / @den as a percent: exact where a few more decimals make it so (千分之五 is
 * 0.5), else rounded half up to two decimals (三分之一 is 33.33). */
static gboolean
share_percent (const FzDecimal *num,
               gint64           den,
               FzDecimal       *out)
{
  __int128 n = (__int128) num->mantissa * 100;
  guint scale = num->scale;

  if (den <= 0)
    return FALSE;
  for (guint extra = 0; extra <= 6 && scale <= FZ_DECIMAL_MAX_SCALE; extra++)
    {
      if (n % den == 0)
        break;
      if (extra == 6 || (extra >= 2 && scale >= 2))
        {
          n = (n + den / 2) / den * den;
          break;
        }
      n *= 10;
      scale++;
    }
  n /= den;
  if (n > G_MAXINT64)
    return FALSE;
  memset (out, 0, sizeof *out);
  out->mantissa = (gint64) n;
  out->scale = scale;
  out->flags = FZ_NUMERAL_PERCENT | FZ_NUMERAL_CHINESE | (num->flags & FZ_NUMERAL_DECIMAL);
  return TRUE;
}

/* 百分之五十, 百分之12.5, 三分之一, 千分之五: a share of a whole written before 分之. */
static gboolean
read_share (const char      *s,
            gsize            len,
            const FzDecimal *den,
            FzDecimal       *out,
            gsize           *consumed)
{
  gsize off = *consumed + strlen ("分之"), n = 0;
  FzDecimal inner;

  if (*consumed + 6 > len || !has_prefix (s + *consumed, len - *consumed, "分之") ||
      !fz_decimal_is_integer (den) || den->mantissa <= 0 ||
      (den->flags & (FZ_NUMERAL_OVER | FZ_NUMERAL_DECIMAL)) ||
      !parse_plain (s + off, len - off, &inner, &n) || (inner.flags & FZ_NUMERAL_OVER) ||
      !share_percent (&inner, fz_decimal_to_int (den), out))
    return FALSE;
  *consumed = off + n;
  return TRUE;
}

/* 三成 is 30% and 2.5成 25%; 一成不变 and 建成 are not. */
static void
read_tenths (const char *s,
             gsize       len,
             FzDecimal  *out,
             gsize      *consumed)
{
  gsize after;
  gunichar next = 0;
  char next_utf8[4] = "";
  FzDecimal tenfold = *out;

  if (!has_prefix (s + *consumed, len - *consumed, "成") ||
      (out->flags & (FZ_NUMERAL_MULT | FZ_NUMERAL_OVER | FZ_NUMERAL_PERCENT)) ||
      out->mantissa <= 0 || out->n_digits > 2 || !fz_decimal_mul_pow10 (&tenfold, 1) ||
      fz_decimal_to_int (&tenfold) > 100 || !has_prefix (s + *consumed, len - *consumed, "成"))
    return;
  after = *consumed + 3;
  fz_text_decode (s + after, len - after, &next);
  /* Only a three-byte character can be one of the list below. */
  if (fz_text_is_han (next) && next < 0x10000)
    memcpy (next_utf8, s + after, 3);
  /* 成 starts many words (成为, 成立, 成员, 一成不变). */
  if (next_utf8[0] == '\0' ||
      strstr ("不为立员功果本效绩都长熟型交就年人品了片群批套倍形", next_utf8) == NULL)
    {
      gint digit = fz_text_cn_digit_value (next);

      /* 七成五 is 75%: a digit after 成 of whole tenths, where no word goes on */
      if (digit > 0 && fz_decimal_is_integer (out) && !(out->flags & FZ_NUMERAL_DECIMAL))
        {
          gunichar then = 0;
          FzDecimal units = { digit, 0, 0, 1 };

          if (after + 3 < len)
            fz_text_decode (s + after + 3, len - after - 3, &then);
          if ((!fz_text_is_han (then) || then == 0x4EE5 /* 以 */ || then == 0x5DE6 /* 左 */ ||
               then == 0x7684 /* 的 */) &&
              fz_decimal_add (&tenfold, &units))
            after += 3;
        }
      *out = tenfold;
      out->flags |= FZ_NUMERAL_PERCENT;
      *consumed = after;
    }
}

/* 八折 is 80% of the price, 七五折 75% and 8.5折 85%; 折合 and 折算 are other words. */
static void
read_discount (const char *s,
               gsize       len,
               FzDecimal  *out,
               gsize      *consumed)
{
  FzDecimal tenfold = *out;
  gsize after = *consumed;
  gunichar d2, next = 0;

  /* Most numerals are followed by neither 折 nor a digit and 折. */
  if (after + 3 > len || (!has_prefix (s + after, len - after, "折") &&
                          (after + 6 > len || !has_prefix (s + after + 3, len - after - 3, "折"))))
    return;
  /* 七五折: a second digit is the tenths. */
  fz_text_decode (s + after, len - after, &d2);
  if ((out->flags & FZ_NUMERAL_CHINESE) && out->n_digits == 1 &&
      fz_numeral_digit_value (d2) > 0 && fz_text_digit_value (d2) < 0 &&
      has_prefix (s + after + 3, len - after - 3, "折"))
    {
      tenfold.mantissa = out->mantissa * 10 + fz_numeral_digit_value (d2);
      tenfold.scale = 1;
      after += 3;
    }
  if ((out->flags & (FZ_NUMERAL_MULT | FZ_NUMERAL_OVER | FZ_NUMERAL_PERCENT)) ||
      out->mantissa <= 0 || out->n_digits > 1 || !fz_decimal_mul_pow10 (&tenfold, 1) ||
      fz_decimal_to_int (&tenfold) >= 100 || !has_prefix (s + after, len - after, "折"))
    return;
  fz_text_decode (s + after + 3, len - after - 3, &next);
  if (next != 0 && char_is_one_of (next, "合算叠腾射旧磨断服返扣价线页"))
    return;
  *out = tenfold;
  out->flags |= FZ_NUMERAL_PERCENT;
  *consumed = after + 3;
}

/* 负5, 負三: the sign written as a word. */
static gboolean
parse_negative (const char *s,
                gsize       len,
                FzDecimal  *out,
                gsize      *consumed)
{
  gsize n = 0;
  gunichar c;

  /* 负增长 is a change; 负5% a negative value. */
  fz_text_decode (s + 3, len - 3, &c);
  if (fz_text_digit_value (c) >= 0)
    {
      if (!_fz_numeral_parse_arabic (s + 3, len - 3, out, &n) || out->mantissa < 0)
        return FALSE;
    }
  else if (!fz_numeral_parse_chinese (s + 3, len - 3, out, &n))
    return FALSE;
  if (out->flags & FZ_NUMERAL_OVER)
    return FALSE;
  out->mantissa = -out->mantissa;
  *consumed = 3 + n;
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
 * 三千五百余, 二〇一九, 百分之五十, 三分之一, 三成, 八折, 零增长, 负5, 三点五, 一百五.
 * No white space is skipped.
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
  FzDecimal share;

  g_return_val_if_fail (out != NULL && consumed != NULL, FALSE);
  *consumed = 0;
  if (s == NULL || len == 0)
    return FALSE;
  fz_text_decode (s, len, &c);
  if (fz_text_digit_value (c) >= 0 || c == '-' || c == '+' || c == 0xFF0D || c == 0xFF0B ||
      c == 0x2212)
    {
      if (!_fz_numeral_parse_arabic (s, len, out, consumed))
        return FALSE;
    }
  else if (c == 0x8D1F || c == 0x8CA0) /* 负 負 */
    return parse_negative (s, len, out, consumed);
  else if (has_prefix (s, len, "零增长") || has_prefix (s, len, "零增長"))
    {
      memset (out, 0, sizeof *out);
      out->flags = FZ_NUMERAL_CHINESE | FZ_NUMERAL_PERCENT | FZ_NUMERAL_FLAT;
      *consumed = strlen ("零增长");
      return TRUE;
    }
  else if (!fz_numeral_parse_chinese (s, len, out, consumed))
    return FALSE;
  if (read_share (s, len, out, &share, consumed))
    {
      *out = share;
      return TRUE;
    }
  if (has_prefix (s, len, "百分之"))
    return FALSE;
  read_tenths (s, len, out, consumed);
  read_discount (s, len, out, consumed);
  return TRUE;
}
