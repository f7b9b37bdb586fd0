/* fz-extractor-numeric-date.c: dates written in digits and signs (2022-01-09, 26.12.2017,
 * 日期:05-30) and the first month or year of a range (1—7月, 1至10月, 2019-2021年). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-extractor-private.h"

#include <string.h>

/* The ASCII digits at @pos, at most @max of them: their value, and how many (0 for none). */
static gsize
ascii_number (const Scan *sc,
              gsize       pos,
              gsize       max,
              int        *value)
{
  gsize n = 0;

  *value = 0;
  while (pos + n < sc->len && g_ascii_isdigit (sc->text[pos + n]))
    {
      if (++n > max)
        return 0;
      *value = *value * 10 + (sc->text[pos + n - 1] - '0');
    }
  return n;
}

static gboolean
valid_date (int year,
            int month,
            int day)
{
  return (year == 0 || (year >= 1900 && year <= 2100)) && month >= 1 && month <= 12 &&
         day >= 1 && day <= 31;
}

static gsize
emit_numeric_date (Scan  *sc,
                   gsize  from,
                   gsize  to,
                   int    year,
                   int    month,
                   int    day)
{
  Cand c;

  memset (&c, 0, sizeof c);
  c.bstart = from;
  c.bend = to;
  c.kind = FZ_KIND_DATE;
  c.unit = "";
  c.qualifier = FZ_QUALIFIER_EXACT;
  if (year > 0 && day > 0)
    g_snprintf (c.str, sizeof c.str, "%04d-%02d-%02d", year, month, day);
  else if (year > 0 && month > 0)
    g_snprintf (c.str, sizeof c.str, "%04d-%02d", year, month);
  else if (year > 0)
    g_snprintf (c.str, sizeof c.str, "%04d", year);
  else if (day > 0)
    g_snprintf (c.str, sizeof c.str, "--%02d-%02d", month, day);
  else
    g_snprintf (c.str, sizeof c.str, "--%02d", month);
  _fz_extractor_emit (sc, &c);
  if (month > 0)
    sc->month_seen = month;
  return to;
}

/* Three fields joined by one sign, the same both times; FALSE unless exactly that. */
static gboolean
three_fields (const Scan *sc,
              gsize       pos,
              int         f[3],
              gsize       len[3],
              gsize      *end)
{
  char sep = 0;

  for (guint i = 0; i < 3; i++)
    {
      len[i] = ascii_number (sc, pos, 4, &f[i]);
      if (len[i] == 0)
        return FALSE;
      pos += len[i];
      if (i == 2)
        break;
      if (pos >= sc->len || (sep != 0 && sc->text[pos] != sep) ||
          (sc->text[pos] != '-' && sc->text[pos] != '/' && sc->text[pos] != '.'))
        return FALSE;
      sep = sc->text[pos++];
    }
  /* 2022-01-09-3 or 1.2.3.4 is a code, not a date. */
  if (pos < sc->len && (sc->text[pos] == sep || g_ascii_isalnum (sc->text[pos])))
    return FALSE;
  *end = pos;
  return TRUE;
}

/* A date label before @pos (日期：, 时间:), which makes 05-30 a month and day. */
static gboolean
after_date_label (const Scan *sc,
                  gsize       pos)
{
  pos = skip_space_back (sc->text, pos, 0);
  if (ends_with_at (sc->text, pos, ":"))
    pos--;
  else if (ends_with_at (sc->text, pos, "："))
    pos -= strlen ("：");
  pos = skip_space_back (sc->text, pos, 0);
  return ends_with_at (sc->text, pos, "日期") || ends_with_at (sc->text, pos, "时间") ||
         ends_with_at (sc->text, pos, "時間");
}

/* 2022-01-09, 2022/1/9, 2022.01.09, 26.12.2017 and, after a date label, 05-30: the dates of
 * datelines. Returns where the scan goes on, 0 when no such date starts at @pos. */
gsize
_fz_extractor_numeric_date (Scan  *sc,
                            gsize  pos)
{
  int f[3], v;
  gsize len[3], end, n;
  gunichar before = char_before (sc->text, pos);

  if (before < 0x80 && (g_ascii_isalnum (before) || before == '-' || before == '.' ||
                        before == '/'))
    return 0;
  if (three_fields (sc, pos, f, len, &end))
    {
      if (len[0] == 4 && len[1] <= 2 && len[2] <= 2 && valid_date (f[0], f[1], f[2]))
        return emit_numeric_date (sc, pos, end, f[0], f[1], f[2]);
      if (len[0] <= 2 && len[1] <= 2 && len[2] == 4 && sc->text[pos + len[0]] == '.' &&
          valid_date (f[2], f[1], f[0]))
        return emit_numeric_date (sc, pos, end, f[2], f[1], f[0]);
      return 0;
    }
  if (ascii_number (sc, pos, 2, &f[0]) != 2 || sc->text[pos + 2] != '-' ||
      (n = ascii_number (sc, pos + 3, 2, &v)) != 2 ||
      (pos + 5 < sc->len && (g_ascii_isalnum (sc->text[pos + 5]) || sc->text[pos + 5] == '-')) ||
      !valid_date (0, f[0], v) || !after_date_label (sc, pos))
    return 0;
  return emit_numeric_date (sc, pos, pos + 5, 0, f[0], v);
}

/* The sign or word between the ends of a range of months, and how many bytes it takes. */
static gsize
month_range_sign (const Scan *sc,
                  gsize       pos)
{
  static const char * const signs[] = { "——", "—", "至", "到", "-", "～", "~", "–", "－" };

  /* Most numbers are followed by a measure word: the first byte rules them out. */
  if (pos >= sc->len || sc->text[pos] == '\0' || !strchr ("-~\xE2\xE8\xE5\xEF", sc->text[pos]))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    {
      gsize n = strlen (signs[i]);

      if (pos + n <= sc->len && memcmp (sc->text + pos, signs[i], n) == 0)
        return n;
    }
  return 0;
}

/* The low end of a range of @digits-digit numbers from @min to @max, closed by @word: returns
 * the low end's value and length, 0 when no such range starts at @pos. */
static gsize
range_low (Scan       *sc,
           gsize       pos,
           guint       digits,
           int         min,
           int         max,
           const char *word,
           int        *value)
{
  int low, high;
  gsize n = ascii_number (sc, pos, digits, &low), sep, m, wn = strlen (word);
  gunichar before;

  if (n == 0 || low < min || low >= max || (sep = month_range_sign (sc, pos + n)) == 0)
    return 0;
  before = char_before (sc->text, pos);
  if (before < 0x80 && (g_ascii_isalnum (before) || before == '.' || before == '-'))
    return 0;
  m = ascii_number (sc, pos + n + sep, digits, &high);
  /* The text is not NUL-terminated where a caller hands a part of a page: bounded. */
  if (m == 0 || high <= low || high > max || pos + n + sep + m + wn > sc->len ||
      memcmp (sc->text + pos + n + sep + m, word, wn) != 0)
    return 0;
  *value = low;
  return n;
}

/* 1—7月, 1至10月, 1-11月: the first end of a range of months is the month it names. Returns
 * where the scan goes on, 0 when no such range starts at @pos. */
gsize
_fz_extractor_month_range_low (Scan  *sc,
                               gsize  pos)
{
  int low;
  gsize n = range_low (sc, pos, 2, 1, 12, "月", &low);

  return n != 0 ? emit_numeric_date (sc, pos, pos + n, 0, low, 0) : 0;
}

/* 2019-2021年, 2019至2021年: the first end of a range of years is the year it names. */
gsize
_fz_extractor_year_range_low (Scan  *sc,
                              gsize  pos)
{
  int low;
  gsize n = range_low (sc, pos, 4, 1900, 2100, "年", &low);

  if (n != 4)
    return 0;
  return emit_numeric_date (sc, pos, pos + n, low, 0, 0);
}
