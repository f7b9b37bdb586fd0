/* fz-extractor-date.c: dates (2022年3月5日, 5月13日至14日, 14日上午) and spans of days (1日至2日). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-extractor-private.h"

/* Reads a number in the window for month and day fields. */
static gboolean
window_number (const Window *w,
               gsize         at,
               int          *value,
               gsize        *used)
{
  FzDecimal d;
  gsize n;

  if (!fz_numeral_parse (w->buf + at, w->n - at, &d, &n) ||
      (d.flags & (FZ_NUMERAL_PERCENT | FZ_NUMERAL_OVER | FZ_NUMERAL_MULT | FZ_NUMERAL_DECIMAL)) ||
      d.mantissa < 0 || d.mantissa > 9999 || d.scale != 0)
    return FALSE;
  *value = (int) d.mantissa;
  *used = n;
  return TRUE;
}

static gsize
date_suffix (const Window *w,
             gsize         at)
{
  gsize n;

  if ((n = wlit (w, at, "份")) || (n = wlit (w, at, "底")) || (n = wlit (w, at, "初")) ||
      (n = wlit (w, at, "末")) || (n = wlit (w, at, "上旬")) || (n = wlit (w, at, "中旬")) ||
      (n = wlit (w, at, "下旬")))
    at += n;
  if ((n = wlit (w, at, "以来")))
    at += n;
  return at;
}

/* ISO 8601, with the leading dashes of its reduced forms for a missing year. */
static void
date_string (Cand *c,
             int   year,
             int   month,
             int   day)
{
  if (year > 0 && month > 0 && day > 0)
    g_snprintf (c->str, sizeof c->str, "%04d-%02d-%02d", year, month, day);
  else if (year > 0 && month > 0)
    g_snprintf (c->str, sizeof c->str, "%04d-%02d", year, month);
  else if (year > 0)
    g_snprintf (c->str, sizeof c->str, "%04d", year);
  else if (month > 0 && day > 0)
    g_snprintf (c->str, sizeof c->str, "--%02d-%02d", month, day);
  else if (month > 0)
    g_snprintf (c->str, sizeof c->str, "--%02d", month);
  else
    g_snprintf (c->str, sizeof c->str, "---%02d", day);
}

/* Only white space and a range word (至, 到, -, —, ~) between @from and @to. */
static gboolean
range_between (const Scan *sc,
               gsize       from,
               gsize       to)
{
  gboolean word = FALSE;
  gsize pos = from;

  if (from > to)
    return FALSE;
  while (pos < to)
    {
      gunichar c;
      gsize n = fz_text_decode (sc->text + pos, to - pos, &c);

      if (is_space (c))
        ;
      else if (!word && (c == 0x81F3 || c == 0x5230 || c == '-' || c == 0x2014 || c == 0x2013 ||
                         c == '~' || c == 0xFF5E || c == 0xFF0D))
        word = TRUE;
      else if (c == 0x2014 || c == 0x2013)
        ;
      else
        return FALSE;
      pos += n;
    }
  return word;
}

/* A day number right after @at, as in 3月5日 or 3月5号; 0 if none. */
static int
read_day (const Window *w,
          gsize        *at)
{
  int dv;
  gsize used;

  if (window_number (w, *at, &dv, &used) && dv >= 1 && dv <= 31 &&
      (wlit (w, *at + used, "日") || wlit (w, *at + used, "号")))
    {
      *at += used + 3;
      return dv;
    }
  return 0;
}

static gsize
emit_date (Number *num,
           gsize   at,
           int     year,
           int     month,
           int     day)
{
  Cand *c = &num->c;

  c->kind = FZ_KIND_DATE;
  c->unit = "";
  c->qualifier = FZ_QUALIFIER_EXACT;
  date_string (c, year, month, day);
  c->bend = wend (&num->w, at, num->num_end);
  _fz_extractor_emit (num->sc, c);
  remember (num->sc, c, year, month, FALSE);
  if (month > 0)
    num->sc->month_seen = month;
  return c->bend;
}

/* 2022年, 2022年3月, 2022年3月5日. */
gsize
_fz_extractor_year_date (Number *num,
                         gsize   year_len)
{
  int month = 0, day = 0, mv;
  gsize p = year_len, used;

  if (window_number (&num->w, p, &mv, &used) && mv >= 1 && mv <= 12 &&
      wlit (&num->w, p + used, "月"))
    {
      month = mv;
      p += used + 3;
      day = read_day (&num->w, &p);
    }
  else if ((used = wlit (&num->w, p, "度")))
    p += used;   /* 2021年度: the year as a term of accounts */
  p = date_suffix (&num->w, p);
  return emit_date (num, p, (int) num->iv, month, day);
}

/* 3月, 3月5日: a month of the year the text is about. */
gsize
_fz_extractor_month_date (Number *num,
                          gsize   month_len)
{
  gsize p = month_len;
  int day = read_day (&num->w, &p);

  p = date_suffix (&num->w, p);
  return emit_date (num, p, 0, (int) num->iv, day);
}

/* 1日至2日 without a month: the second day follows a range word. */
static gboolean
next_day_follows (const Window *w,
                  gsize         p)
{
  gunichar r = wchar (w, p);
  int dv;
  gsize used;

  if (r == 0x81F3 || r == 0x5230 || r == '-' || r == 0x2014 || r == 0xFF5E || r == '~')
    {
      p += g_utf8_skip[(guchar) w->buf[p]];
      if (wchar (w, p) == 0x2014)
        p += 3;
      if (window_number (w, p, &dv, &used) && wlit (w, p + used, "日"))
        return TRUE;
    }
  return FALSE;
}

/* 14日: the end of a range of dates, a span of days, or a day of an unnamed
 * month. */
gsize
_fz_extractor_day (Number *num,
                   gsize   day_len)
{
  Scan *sc = num->sc;
  Cand *c = &num->c;

  /* 5月13日至14日: the second end takes the month of the first. */
  if (sc->last_kind == FZ_KIND_DATE && sc->last_month > 0 && !sc->last_bare_day &&
      range_between (sc, sc->last_end, num->start))
    {
      c->kind = FZ_KIND_DATE;
      c->unit = "";
      date_string (c, sc->last_year, sc->last_month, (int) num->iv);
      c->bend = wend (&num->w, day_len, num->num_end);
      _fz_extractor_emit (sc, c);
      remember (sc, c, sc->last_year, sc->last_month, FALSE);
      return c->bend;
    }
  if (next_day_follows (&num->w, day_len) ||
      (sc->last_kind == FZ_KIND_DURATION && sc->last_bare_day &&
       range_between (sc, sc->last_end, num->start)))
    {
      c->kind = FZ_KIND_DURATION;
      c->unit = "日";
      c->bend = wend (&num->w, day_len, num->num_end);
      _fz_extractor_emit (sc, c);
      remember (sc, c, 0, 0, TRUE);
      return c->bend;
    }
  /* A day of the month last named (7月26日电…26日召开), else of an unnamed month (14日上午),
   * which ISO 8601 writes ---14. */
  c->kind = FZ_KIND_DATE;
  c->unit = "";
  date_string (c, 0, sc->month_seen, (int) num->iv);
  c->bend = wend (&num->w, day_len, num->num_end);
  _fz_extractor_emit (sc, c);
  return c->bend;
}
