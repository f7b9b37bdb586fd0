/* fz-numeral.h: exact parsing of Arabic, full-width and Chinese numerals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FZ_NUMERAL_ARABIC  = 1 << 0,  /* written with (ASCII or full-width) digits */
  FZ_NUMERAL_CHINESE = 1 << 1,  /* written with Chinese numerals */
  FZ_NUMERAL_PERCENT = 1 << 2,  /* 43.26%, 百分之五十, 三成, 零增长 */
  FZ_NUMERAL_OVER    = 1 << 3,  /* 余, 多 or 几 inside: 3880余万, 十几 */
  FZ_NUMERAL_MULT    = 1 << 4,  /* a multiplier 千 万 亿 was applied */
  FZ_NUMERAL_FLAT    = 1 << 5,  /* 零增长 */
  FZ_NUMERAL_DECIMAL = 1 << 6,  /* a decimal point was written */
} FzNumeralFlags;

/* An exact decimal: mantissa / 10^scale.  Binary floating point would print
 * 97.7亿 as 9769999999.99… */
typedef struct
{
  gint64  mantissa;
  guint8  scale;
  guint8  flags;   /* FzNumeralFlags */
  guint8  n_digits; /* digits written before the decimal point (Arabic) */
} FzDecimal;

#define FZ_DECIMAL_MAX_SCALE 18

gboolean  fz_numeral_parse          (const char      *s,
                                     gsize            len,
                                     FzDecimal       *out,
                                     gsize           *consumed);
gboolean  fz_numeral_parse_chinese  (const char      *s,
                                     gsize            len,
                                     FzDecimal       *out,
                                     gsize           *consumed);
gboolean  fz_decimal_mul_pow10      (FzDecimal       *self,
                                     int              exp);
gboolean  fz_decimal_mul_int        (FzDecimal       *self,
                                     gint64           factor);
gboolean  fz_decimal_add            (FzDecimal       *self,
                                     const FzDecimal *other);
gboolean  fz_decimal_is_integer     (const FzDecimal *self);
gint64    fz_decimal_to_int         (const FzDecimal *self);
char     *fz_decimal_to_string      (const FzDecimal *self);
gsize     fz_decimal_format         (const FzDecimal *self,
                                     char            *buf,
                                     gsize            size);
int       fz_numeral_digit_value    (gunichar         c);

G_END_DECLS
