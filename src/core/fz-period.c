/* fz-period.c: parse, write, resolve and compare periods such as Y-01/, /Y-07-15 and Y-03/Y-03. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-period.h"

#include <string.h>

#include "fz-error.h"

void
fz_period_clear (FzPeriod *self)
{
  g_return_if_fail (self != NULL);
  memset (self, 0, sizeof *self);
}

gboolean
fz_period_is_empty (const FzPeriod *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->start.year_kind == FZ_PERIOD_YEAR_OPEN &&
         self->end.year_kind == FZ_PERIOD_YEAR_OPEN;
}

static guint
days_in_month (const FzPeriodEnd *e)
{
  /* Y and PY may be a leap year: allow 29 February until resolved. */
  guint16 year = e->year_kind == FZ_PERIOD_YEAR_ABSOLUTE ? e->year : 2000;

  if (e->month < 1 || e->month > 12 || year < 1)
    return 0;
  return g_date_get_days_in_month (e->month, year);
}

static gboolean
end_is_valid (const FzPeriodEnd *e)
{
  switch (e->year_kind)
    {
    case FZ_PERIOD_YEAR_OPEN:
      return e->month == 0 && e->day == 0 && e->year == 0;
    case FZ_PERIOD_YEAR_ABSOLUTE:
      if (e->year < 1000 || e->year > 9999)
        return FALSE;
      break;
    case FZ_PERIOD_YEAR_CURRENT:
    case FZ_PERIOD_YEAR_PREVIOUS:
      if (e->year != 0)
        return FALSE;
      break;
    default:
      return FALSE;
    }
  if (e->month == 0)
    return e->day == 0;
  if (e->month > 12)
    return FALSE;
  return e->day == 0 || e->day <= days_in_month (e);
}

/* Orders two ends when their years are comparable; returns FALSE when not
 * (an absolute year against Y or PY). A missing month or day of the start
 * counts from the beginning, of the end up to the end. */
static gboolean
ends_ordered (const FzPeriodEnd *s,
              const FzPeriodEnd *e,
              gboolean          *ordered)
{
  gint sy, ey;
  guint sm, em, sd, ed;

  if (s->year_kind == FZ_PERIOD_YEAR_OPEN || e->year_kind == FZ_PERIOD_YEAR_OPEN)
    {
      *ordered = TRUE;
      return TRUE;
    }
  if ((s->year_kind == FZ_PERIOD_YEAR_ABSOLUTE) != (e->year_kind == FZ_PERIOD_YEAR_ABSOLUTE))
    return FALSE;
  if (s->year_kind == FZ_PERIOD_YEAR_ABSOLUTE)
    {
      sy = s->year;
      ey = e->year;
    }
  else
    {
      sy = s->year_kind == FZ_PERIOD_YEAR_PREVIOUS ? -1 : 0;
      ey = e->year_kind == FZ_PERIOD_YEAR_PREVIOUS ? -1 : 0;
    }
  sm = s->month ? s->month : 1;
  em = e->month ? e->month : 12;
  sd = s->day ? s->day : 1;
  ed = e->day ? e->day : 31;
  if (sy != ey)
    *ordered = sy < ey;
  else if (sm != em)
    *ordered = sm < em;
  else
    *ordered = sd <= ed;
  return TRUE;
}

gboolean
fz_period_is_valid (const FzPeriod *self)
{
  gboolean ordered = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  if (!end_is_valid (&self->start) || !end_is_valid (&self->end))
    return FALSE;
  if (ends_ordered (&self->start, &self->end, &ordered) && !ordered)
    return FALSE;
  return TRUE;
}

static gboolean
parse_digits (const char *p,
              gsize       n,
              guint      *value)
{
  guint v = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (guint) (p[i] - '0');
    }
  *value = v;
  return TRUE;
}

/* One end, exactly as the spec writes it: "", "2019", "Y-03", "PY-12-31". */
static gboolean
parse_end (const char  *p,
           gsize        n,
           FzPeriodEnd *out)
{
  gsize i = 0;
  guint v;

  memset (out, 0, sizeof *out);
  if (n == 0)
    return TRUE;
  if (n >= 2 && p[0] == 'P' && p[1] == 'Y')
    {
      out->year_kind = FZ_PERIOD_YEAR_PREVIOUS;
      i = 2;
    }
  else if (p[0] == 'Y')
    {
      out->year_kind = FZ_PERIOD_YEAR_CURRENT;
      i = 1;
    }
  else if (n >= 4 && parse_digits (p, 4, &v))
    {
      out->year_kind = FZ_PERIOD_YEAR_ABSOLUTE;
      out->year = (guint16) v;
      i = 4;
    }
  else
    return FALSE;

  if (i == n)
    return TRUE;
  if (n - i < 3 || p[i] != '-' || !parse_digits (p + i + 1, 2, &v) || v == 0)
    return FALSE;
  out->month = (guint8) v;
  i += 3;
  if (i == n)
    return TRUE;
  if (n - i != 3 || p[i] != '-' || !parse_digits (p + i + 1, 2, &v) || v == 0)
    return FALSE;
  out->day = (guint8) v;
  return TRUE;
}

gboolean
fz_period_parse (const char  *str,
                 gssize       len,
                 FzPeriod    *out,
                 GError     **error)
{
  FzPeriod period;
  const char *slash;
  gsize n;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fz_period_clear (out);
  if (str == NULL)
    return TRUE;
  n = len < 0 ? strlen (str) : (gsize) len;
  if (n == 0)
    return TRUE;

  slash = memchr (str, '/', n);
  if (slash == NULL || memchr (slash + 1, '/', n - (gsize) (slash - str) - 1) != NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "A period is written START/END with one slash: “%.*s”", (int) MIN (n, 64), str);
      return FALSE;
    }
  if (!parse_end (str, (gsize) (slash - str), &period.start) ||
      !parse_end (slash + 1, n - (gsize) (slash - str) - 1, &period.end))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "Each end of a period is YEAR[-MM[-DD]] with YEAR four digits, Y or PY: “%.*s”",
                   (int) MIN (n, 64), str);
      return FALSE;
    }
  if (fz_period_is_empty (&period))
    {
      /* No period is written as nothing at all, never as a bare slash. */
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "A period needs at least one end: “%.*s”", (int) MIN (n, 64), str);
      return FALSE;
    }
  if (!fz_period_is_valid (&period))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "Not a valid period (month, day or order of the ends): “%.*s”",
                   (int) MIN (n, 64), str);
      return FALSE;
    }
  *out = period;
  return TRUE;
}

/* @value in decimal, padded with zeros to @width, at @out: what "%0*u" writes, without the
 * cost of a format string for each figure's period. Returns the end. */
static char *
write_padded (char  *out,
              guint  value,
              guint  width)
{
  char digits[16];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  while (n < width)
    digits[n++] = '0';
  while (n > 0)
    *out++ = digits[--n];
  return out;
}

static char *
write_end (const FzPeriodEnd *e,
           char              *out)
{
  switch (e->year_kind)
    {
    case FZ_PERIOD_YEAR_ABSOLUTE:
      out = write_padded (out, e->year, 4);
      break;
    case FZ_PERIOD_YEAR_CURRENT:
      *out++ = 'Y';
      break;
    case FZ_PERIOD_YEAR_PREVIOUS:
      *out++ = 'P';
      *out++ = 'Y';
      break;
    default:
      return out;
    }
  if (e->month == 0)
    return out;
  *out++ = '-';
  out = write_padded (out, e->month, 2);
  if (e->day != 0)
    {
      *out++ = '-';
      out = write_padded (out, e->day, 2);
    }
  return out;
}

gsize
fz_period_write (const FzPeriod *self,
                 char            out[FZ_PERIOD_WRITE_MAX])
{
  char *p = out;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (out != NULL, 0);
  if (!fz_period_is_empty (self))
    {
      p = write_end (&self->start, p);
      *p++ = '/';
      p = write_end (&self->end, p);
    }
  *p = '\0';
  return (gsize) (p - out);
}

void
fz_period_append (const FzPeriod *self,
                  GString        *out)
{
  char buf[FZ_PERIOD_WRITE_MAX];
  gsize len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);
  len = fz_period_write (self, buf);
  g_string_append_len (out, buf, (gssize) len);
}

char *
fz_period_to_string (const FzPeriod *self)
{
  GString *out = g_string_new (NULL);

  fz_period_append (self, out);
  return g_string_free (out, FALSE);
}

static gboolean
resolve_end (FzPeriodEnd *e,
             guint        doc_year)
{
  if (e->year_kind == FZ_PERIOD_YEAR_CURRENT)
    e->year = (guint16) doc_year;
  else if (e->year_kind == FZ_PERIOD_YEAR_PREVIOUS)
    e->year = (guint16) (doc_year - 1);
  else
    return FALSE;
  e->year_kind = FZ_PERIOD_YEAR_ABSOLUTE;
  /* 29 February of a Y that turns out not to be a leap year. */
  if (e->day > days_in_month (e))
    e->day = (guint8) days_in_month (e);
  return TRUE;
}

/* Y and PY become years once the document's year is known. */
gboolean
fz_period_resolve (FzPeriod *self,
                   guint     doc_year)
{
  FzPeriod resolved;
  gboolean changed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (doc_year >= 1001 && doc_year <= 9999, FALSE);
  resolved = *self;
  changed = resolve_end (&resolved.start, doc_year);
  changed |= resolve_end (&resolved.end, doc_year);
  /* 8181/Y read in a page of 2022 would end before it starts: the date contradicts the
   * period, so it stays as written rather than becoming nonsense. */
  if (!changed || !fz_period_is_valid (&resolved))
    return FALSE;
  *self = resolved;
  return TRUE;
}

/* NULL when @str is not a period. */
char *
fz_period_resolve_string (const char *str,
                          guint       doc_year)
{
  FzPeriod period;

  if (!fz_period_parse (str, -1, &period, NULL))
    return NULL;
  if (doc_year >= 1001 && doc_year <= 9999)
    fz_period_resolve (&period, doc_year);
  return fz_period_to_string (&period);
}

/* Equal as written: Y-01 and 2022-01 differ until resolved, which
 * fz_period_end_year_is_unknown() tells the caller. */
gboolean
fz_period_end_equal (const FzPeriodEnd *a,
                     const FzPeriodEnd *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return fz_period_end_same_year (a, b) && a->month == b->month && a->day == b->day;
}

gboolean
fz_period_equal (const FzPeriod *a,
                 const FzPeriod *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return fz_period_end_equal (&a->start, &b->start) && fz_period_end_equal (&a->end, &b->end);
}

/* The same year as written: Y and Y are, Y and 2022 are not. */
gboolean
fz_period_end_same_year (const FzPeriodEnd *a,
                         const FzPeriodEnd *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->year_kind == b->year_kind &&
         (a->year_kind != FZ_PERIOD_YEAR_ABSOLUTE || a->year == b->year);
}

gboolean
fz_period_end_year_is_unknown (const FzPeriodEnd *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->year_kind == FZ_PERIOD_YEAR_CURRENT ||
         self->year_kind == FZ_PERIOD_YEAR_PREVIOUS;
}

gboolean
fz_period_has_unknown_year (const FzPeriod *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return fz_period_end_year_is_unknown (&self->start) ||
         fz_period_end_year_is_unknown (&self->end);
}

/* Unknown years sort after every known one, PY before Y. An open start
 * sorts first and an open end last; a missing month or day sorts as the
 * beginning of the stretch for a start and as its end for an end. */
static gint64
end_key (const FzPeriodEnd *e,
         gboolean           is_end)
{
  gint64 year;
  gint month = e->month;
  gint day = e->day;

  switch (e->year_kind)
    {
    case FZ_PERIOD_YEAR_CURRENT:
      year = 100000;
      break;
    case FZ_PERIOD_YEAR_PREVIOUS:
      year = 99999;
      break;
    case FZ_PERIOD_YEAR_ABSOLUTE:
      year = e->year;
      break;
    case FZ_PERIOD_YEAR_OPEN:
    default:
      return is_end ? G_MAXINT64 : G_MININT64;
    }
  if (month == 0)
    month = is_end ? 12 : 1;
  if (day == 0)
    day = is_end ? 31 : 1;

  return year * 10000 + month * 100 + day;
}

/* Periods without one sort first; then by one end, then the other. */
static gint
compare_periods (const FzPeriod *a,
                 const FzPeriod *b,
                 gboolean        end_first)
{
  gboolean a_stated = !fz_period_is_empty (a);
  gboolean b_stated = !fz_period_is_empty (b);
  gint64 ka, kb;

  if (a_stated != b_stated)
    return a_stated ? 1 : -1;
  if (!a_stated)
    return 0;

  ka = end_first ? end_key (&a->end, TRUE) : end_key (&a->start, FALSE);
  kb = end_first ? end_key (&b->end, TRUE) : end_key (&b->start, FALSE);
  if (ka != kb)
    return ka < kb ? -1 : 1;

  ka = end_first ? end_key (&a->start, FALSE) : end_key (&a->end, TRUE);
  kb = end_first ? end_key (&b->start, FALSE) : end_key (&b->end, TRUE);
  if (ka != kb)
    return ka < kb ? -1 : 1;

  return 0;
}

/* By start, then end, as a series runs. */
gint
fz_period_compare (const FzPeriod *a,
                   const FzPeriod *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);
  return compare_periods (a, b, FALSE);
}

/* For "the latest": the later end first, then the later (so shorter) start. */
gint
fz_period_compare_latest (const FzPeriod *a,
                          const FzPeriod *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);
  return compare_periods (a, b, TRUE);
}
