/* fz-index-period.c: the stretch of time a comparison covers, and how well a period fits it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-private.h"

#include "fz-error.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- selection */

static gboolean
all_digits (const char *str,
            guint       n)
{
  for (guint k = 0; k < n; k++)
    if (!g_ascii_isdigit (str[k]))
      return FALSE;
  return TRUE;
}

/* @str follows "ytd": nothing, or ":" and a year. */
static gboolean
parse_ytd (const char *str,
           Selection  *sel)
{
  sel->mode = SEL_YTD;
  if (str[0] == '\0')
    return TRUE;
  if (str[0] == ':' && strlen (str + 1) == 4 && all_digits (str + 1, 4))
    {
      sel->year = atoi (str + 1);
      if (sel->year > 0)
        return TRUE;
    }
  return FALSE;
}

/* A year (2022) or a month of a year (2022-03). */
static gboolean
parse_year_month (const char *str,
                  Selection  *sel)
{
  if (strlen (str) < 4 || !all_digits (str, 4))
    return FALSE;

  sel->year = (str[0] - '0') * 1000 + (str[1] - '0') * 100 +
              (str[2] - '0') * 10 + (str[3] - '0');
  if (str[4] == '\0' && sel->year > 0)
    {
      sel->mode = SEL_YEAR;
      return TRUE;
    }
  if (str[4] == '-' && g_ascii_isdigit (str[5]) && g_ascii_isdigit (str[6]) &&
      str[7] == '\0')
    {
      sel->month = (str[5] - '0') * 10 + (str[6] - '0');
      sel->mode = SEL_MONTH;
      if (sel->year > 0 && sel->month >= 1 && sel->month <= 12)
        return TRUE;
    }
  return FALSE;
}

gboolean
_fz_index_selection_parse (const char  *str,
                           Selection   *sel,
                           GError     **error)
{
  gboolean ok;

  memset (sel, 0, sizeof *sel);

  if (str == NULL || *str == '\0' || g_str_equal (str, "all"))
    return TRUE;

  if (g_str_has_prefix (str, "ytd"))
    ok = parse_ytd (str + 3, sel);
  else
    ok = parse_year_month (str, sel);
  if (ok)
    return TRUE;

  g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
               "“%s” is not a stretch of time: use all, a year (2022), "
               "a month (2022-03), ytd or ytd:2022", str);
  return FALSE;
}

/* ---------------------------------------------------------------- fit */

/* TRUE when the end lies in @year; *unknown is set when its year is Y or PY. */
static gboolean
end_in_year (const FzPeriodEnd *e,
             gint               year,
             gboolean          *unknown)
{
  if (fz_period_end_year_is_unknown (e))
    {
      *unknown = TRUE;
      return TRUE;
    }
  return year == 0 || e->year == year;
}

static gboolean
fits_year (const Selection *sel,
           const FzPeriod  *p,
           gboolean        *unknown)
{
  if (p->start.year_kind == FZ_PERIOD_YEAR_OPEN)
    return FALSE;
  if (!end_in_year (&p->start, sel->year, unknown))
    return FALSE;
  if (p->end.year_kind != FZ_PERIOD_YEAR_OPEN && !end_in_year (&p->end, sel->year, unknown))
    return FALSE;
  return TRUE;
}

static gboolean
fits_month (const Selection *sel,
            const FzPeriod  *p,
            gboolean        *unknown)
{
  if (p->start.year_kind == FZ_PERIOD_YEAR_OPEN || p->end.year_kind == FZ_PERIOD_YEAR_OPEN ||
      p->start.month != sel->month || p->end.month != sel->month)
    return FALSE;
  return end_in_year (&p->start, sel->year, unknown) &&
         end_in_year (&p->end, sel->year, unknown);
}

static gboolean
fits_ytd (const Selection *sel,
          const FzPeriod  *p,
          gboolean        *unknown)
{
  if (p->start.year_kind == FZ_PERIOD_YEAR_OPEN || p->start.month > 1 || p->start.day > 1)
    return FALSE;
  if (!end_in_year (&p->start, sel->year, unknown))
    return FALSE;
  if (p->end.year_kind != FZ_PERIOD_YEAR_OPEN &&
      !(fz_period_end_same_year (&p->end, &p->start) ||
        fz_period_end_year_is_unknown (&p->end) ||
        fz_period_end_year_is_unknown (&p->start)))
    return FALSE;
  if (fz_period_end_year_is_unknown (&p->end))
    *unknown = TRUE;
  return TRUE;
}

/* An open end is taken to be the report's date, which a caller that knows
 * it should have written in; see docs/index-method.md. */
Fit
_fz_index_selection_fit (const Selection *sel,
                         const FzPeriod  *p)
{
  gboolean unknown = FALSE;
  gboolean fits;

  if (sel->mode == SEL_ALL)
    return FIT_EXACT;
  if (fz_period_is_empty (p))
    return FIT_NO;

  switch (sel->mode)
    {
    case SEL_YEAR:
      fits = fits_year (sel, p, &unknown);
      break;

    case SEL_MONTH:
      fits = fits_month (sel, p, &unknown);
      break;

    case SEL_YTD:
      fits = fits_ytd (sel, p, &unknown);
      break;

    case SEL_ALL:
    default:
      fits = TRUE;
      break;
    }

  if (!fits)
    return FIT_NO;
  /* "ytd" of any year names no year, so nothing known is mixed in by it. */
  if (unknown && (sel->mode != SEL_YTD || sel->year != 0))
    return FIT_UNKNOWN_YEAR;
  return FIT_EXACT;
}

static Fit
end_fit (const FzPeriodEnd *a,
         const FzPeriodEnd *b)
{
  if (a->month != b->month || a->day != b->day)
    return FIT_NO;
  if ((a->year_kind == FZ_PERIOD_YEAR_OPEN) != (b->year_kind == FZ_PERIOD_YEAR_OPEN))
    return FIT_NO;
  if (fz_period_end_same_year (a, b))
    return FIT_EXACT;
  if (fz_period_end_year_is_unknown (a) !=
      fz_period_end_year_is_unknown (b))
    return FIT_UNKNOWN_YEAR;
  return FIT_NO;
}

/* How an observation's period fits the period @ref that a comparison is made over. */
Fit
_fz_index_period_fit (const FzPeriod *ref,
                      const FzPeriod *p)
{
  Fit a, b;

  if (fz_period_is_empty (ref))
    return fz_period_is_empty (p) ? FIT_EXACT : FIT_NO;
  if (fz_period_is_empty (p))
    return FIT_UNSTATED;

  a = end_fit (&ref->start, &p->start);
  b = end_fit (&ref->end, &p->end);
  return MIN (a, b);
}
