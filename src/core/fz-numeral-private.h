/* fz-numeral-private.h: UTF-8 and digit helpers shared by the numeral readers. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-numeral.h"

#include <string.h>

G_BEGIN_DECLS

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

static inline gboolean
has_prefix (const char *s,
            gsize       len,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && memcmp (s, prefix, n) == 0;
}

gboolean  _fz_numeral_parse_arabic  (const char *s,
                                     gsize       len,
                                     FzDecimal  *out,
                                     gsize      *consumed);

G_END_DECLS
