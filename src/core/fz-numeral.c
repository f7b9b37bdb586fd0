/* fz-numeral.c: exact decimals and the entry point that reads any numeral. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-numeral-private.h"

#include <string.h>

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

/* 百分之五十, 百分之12.5 */
static gboolean
parse_percent_of (const char *s,
                  gsize       len,
                  FzDecimal  *out,
                  gsize      *consumed)
{
  gsize off = strlen ("百分之"), n = 0;
  FzDecimal inner;
  gunichar c2;

  fz_text_decode (s + off, len - off, &c2);
  if ((fz_text_digit_value (c2) >= 0 &&
       _fz_numeral_parse_arabic (s + off, len - off, &inner, &n)) ||
      (fz_text_digit_value (c2) < 0 && fz_numeral_parse_chinese (s + off, len - off, &inner, &n)))
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

/* 三成 is 30%; 一成不变 and 建成 are not. */
static void
read_tenths (const char *s,
             gsize       len,
             FzDecimal  *out,
             gsize      *consumed)
{
  gsize after;
  gunichar next = 0;
  char next_utf8[4] = "";

  if ((out->flags & (FZ_NUMERAL_MULT | FZ_NUMERAL_OVER)) || out->mantissa < 1 ||
      out->mantissa > 10 || out->n_digits > 1 ||
      !has_prefix (s + *consumed, len - *consumed, "成"))
    return;
  after = *consumed + 3;
  fz_text_decode (s + after, len - after, &next);
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
  fz_text_decode (s, len, &c);
  if (fz_text_digit_value (c) >= 0 || c == '-' || c == '+' || c == 0xFF0D || c == 0xFF0B)
    return _fz_numeral_parse_arabic (s, len, out, consumed);

  if (has_prefix (s, len, "零增长"))
    {
      memset (out, 0, sizeof *out);
      out->flags = FZ_NUMERAL_CHINESE | FZ_NUMERAL_PERCENT | FZ_NUMERAL_FLAT;
      *consumed = strlen ("零增长");
      return TRUE;
    }
  if (has_prefix (s, len, "百分之"))
    return parse_percent_of (s, len, out, consumed);
  if (!fz_numeral_parse_chinese (s, len, out, consumed))
    return FALSE;
  read_tenths (s, len, out, consumed);
  return TRUE;
}
