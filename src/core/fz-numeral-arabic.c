/* fz-numeral-arabic.c: reads numerals written with digits: 1,234.5, 43.26%, 3880余万. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-numeral-private.h"

#include <string.h>

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
      gsize n = fz_text_decode (s + pos, len - pos, &c);
      int v = fz_text_digit_value (c);

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
      gsize n = fz_text_decode (s + pos, len - pos, &c);

      if (fz_text_digit_value (c) < 0)
        break;
      count++;
      pos += n;
    }
  return count;
}

/* 千 and 百 after a number are multipliers unless they start a unit (千米, 千克, 百分); 3千元 is
 * 3000 元 and 5千万 fifty million. */
static gboolean
multiplier_at (const char *s,
               gsize       len,
               int        *exp,
               gsize      *used)
{
  gboolean wan = has_prefix (s, len, "万") || has_prefix (s, len, "萬");

  if (wan && (has_prefix (s + 3, len - 3, "亿") || has_prefix (s + 3, len - 3, "億")))
    {
      *exp = 12;
      *used = 6;
      return TRUE;
    }
  if (has_prefix (s, len, "亿") || has_prefix (s, len, "億"))
    {
      *exp = 8;
      *used = 3;
      return TRUE;
    }
  if (wan)
    {
      *exp = 4;
      *used = 3;
      return TRUE;
    }
  if (has_prefix (s, len, "千") && !has_prefix (s, len, "千米") &&
      !has_prefix (s, len, "千克") && !has_prefix (s, len, "千瓦"))
    *exp = 3;
  else if (has_prefix (s, len, "百") && !has_prefix (s, len, "百分") &&
           !has_prefix (s, len, "百米"))
    *exp = 2;
  else
    return FALSE;
  *used = 3;
  /* 5千万, 3百万, 2千亿: a hundred or a thousand of the myriad after it */
  if (has_prefix (s + 3, len - 3, "万") || has_prefix (s + 3, len - 3, "萬"))
    *exp += 4, *used = 6;
  else if (has_prefix (s + 3, len - 3, "亿") || has_prefix (s + 3, len - 3, "億"))
    *exp += 8, *used = 6;
  return TRUE;
}

static gboolean
over_at (const char *s,
         gsize       len)
{
  return has_prefix (s, len, "余") || has_prefix (s, len, "多") || has_prefix (s, len, "餘");
}

/* A sign counts only when a digit follows it. */
static inline gboolean
read_sign (const char *s,
           gsize       len,
           gboolean   *neg,
           gsize      *pos)
{
  gunichar c;
  gsize n = fz_text_decode (s, len, &c);

  if (c == '-' || c == 0xFF0D || c == '+' || c == 0xFF0B || c == 0x2212)
    {
      gunichar d;

      *neg = (c == '-' || c == 0xFF0D || c == 0x2212);
      fz_text_decode (s + n, len - n, &d);
      if (fz_text_digit_value (d) < 0)
        return FALSE;
      *pos = n;
    }
  return TRUE;
}

/* Thousands separators: a comma followed by exactly three digits. */
static inline gsize
read_groups (const char *s,
             gsize       len,
             gsize       pos,
             FzDecimal  *out,
             gboolean   *overflow)
{
  while (pos < len)
    {
      gsize sep = 0;

      if (s[pos] == ',')
        sep = 1;
      else if (has_prefix (s + pos, len - pos, "，"))
        sep = 3;
      if (sep == 0 || out->n_digits > 3 * 6 || count_digits (s + pos + sep, len - pos - sep) != 3)
        break;
      pos += sep + read_digits (s + pos + sep, len - pos - sep, out, overflow, FALSE);
    }
  return pos;
}

static inline gsize
read_fraction (const char *s,
               gsize       len,
               gsize       pos,
               FzDecimal  *out,
               gboolean   *overflow)
{
  if (pos < len && (s[pos] == '.' || has_prefix (s + pos, len - pos, "．")))
    {
      gsize sep = s[pos] == '.' ? 1 : 3;

      if (count_digits (s + pos + sep, len - pos - sep) > 0)
        {
          pos += sep + read_digits (s + pos + sep, len - pos - sep, out, overflow, TRUE);
          out->flags |= FZ_NUMERAL_DECIMAL;
        }
    }
  return pos;
}

/* 1万2千: a smaller multiplied part follows. */
static inline gsize
read_lesser_part (const char *s,
                  gsize       len,
                  gsize       pos,
                  int         exp,
                  FzDecimal  *out)
{
  FzDecimal part = { 0, };
  gboolean of = FALSE;
  gsize dn = read_digits (s + pos, len - pos, &part, &of, FALSE);
  int exp2;
  gsize used2;

  if (!of && multiplier_at (s + pos + dn, len - pos - dn, &exp2, &used2) && exp2 < exp &&
      fz_decimal_mul_pow10 (&part, exp2) && fz_decimal_add (out, &part))
    return pos + dn + used2;
  /* 1万2345, 1萬2,345 (Taiwan's statistics): the rest written out in full, as many digits as
   * the unit has noughts. */
  if (!of && exp == 4 && dn == 1 && pos + dn < len && (s[pos + dn] == ',') &&
      count_digits (s + pos + dn + 1, len - pos - dn - 1) == 3)
    dn = read_groups (s, len, pos + dn, &part, &of) - pos;
  if (!of && exp == 4 && part.n_digits == 4 && !has_prefix (s + pos + dn, len - pos - dn, ".") &&
      !has_prefix (s + pos + dn, len - pos - dn, "%") && fz_decimal_add (out, &part))
    return pos + dn;
  /* 1万2, 3千5: one digit after the unit counts in the next lower one. */
  if (!of && dn == 1 && !has_prefix (s + pos + dn, len - pos - dn, ".") &&
      !has_prefix (s + pos + dn, len - pos - dn, "%") &&
      fz_decimal_mul_pow10 (&part, exp - 1) && fz_decimal_add (out, &part))
    pos += dn;
  return pos;
}

/* 3880余万, 1.6万余, 97.7亿, 1万2千; FALSE when the product overflows. */
static inline gboolean
read_multiplier (const char *s,
                 gsize       len,
                 gsize      *pos,
                 FzDecimal  *out)
{
  int exp;
  gsize used;

  if (over_at (s + *pos, len - *pos))
    {
      gsize p2 = *pos + 3;

      if (multiplier_at (s + p2, len - p2, &exp, &used))
        {
          out->flags |= FZ_NUMERAL_OVER;
          *pos = p2;
        }
    }
  if (!multiplier_at (s + *pos, len - *pos, &exp, &used))
    return TRUE;
  if (!fz_decimal_mul_pow10 (out, exp))
    return FALSE;
  out->flags |= FZ_NUMERAL_MULT;
  *pos += used;
  if (count_digits (s + *pos, len - *pos) > 0)
    *pos = read_lesser_part (s, len, *pos, exp, out);
  if (over_at (s + *pos, len - *pos))
    {
      out->flags |= FZ_NUMERAL_OVER;
      *pos += 3;
    }
  return TRUE;
}

static inline gsize
read_percent_sign (const char *s,
                   gsize       len,
                   gsize       pos,
                   FzDecimal  *out)
{
  if (pos < len && (s[pos] == '%' || has_prefix (s + pos, len - pos, "％")))
    {
      out->flags |= FZ_NUMERAL_PERCENT;
      pos += s[pos] == '%' ? 1 : 3;
    }
  /* 0.5‰ is 0.05%, 5‱ 0.05% */
  else if ((has_prefix (s + pos, len - pos, "‰") || has_prefix (s + pos, len - pos, "‱")) &&
           out->scale + 2 <= FZ_DECIMAL_MAX_SCALE)
    {
      out->scale += has_prefix (s + pos, len - pos, "‰") ? 1 : 2;
      out->flags |= FZ_NUMERAL_PERCENT | FZ_NUMERAL_DECIMAL;
      pos += 3;
    }
  return pos;
}

gboolean
_fz_numeral_parse_arabic (const char *s,
                          gsize       len,
                          FzDecimal  *out,
                          gsize      *consumed)
{
  gsize pos = 0, n;
  gboolean overflow = FALSE, neg = FALSE;

  memset (out, 0, sizeof *out);
  if (!read_sign (s, len, &neg, &pos))
    return FALSE;
  n = read_digits (s + pos, len - pos, out, &overflow, FALSE);
  if (n == 0)
    return FALSE;
  pos = read_groups (s, len, pos + n, out, &overflow);
  pos = read_fraction (s, len, pos, out, &overflow);
  if (overflow)
    return FALSE;
  if (neg)
    out->mantissa = -out->mantissa;
  out->flags |= FZ_NUMERAL_ARABIC;
  if (!read_multiplier (s, len, &pos, out))
    return FALSE;
  *consumed = read_percent_sign (s, len, pos, out);
  return TRUE;
}
