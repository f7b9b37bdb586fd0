/* fz-index-observation.c: copying observations, naming their enums, reading START/END periods. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-observation.h"
#include "fz-period.h"

#include "fz-error.h"

#include <string.h>

FzObservation *
fz_observation_copy (const FzObservation *obs)
{
  FzObservation *copy;

  g_return_val_if_fail (obs != NULL, NULL);

  copy = g_new (FzObservation, 1);
  *copy = *obs;
  copy->region = g_strdup (obs->region ? obs->region : "");
  copy->indicator = g_strdup (obs->indicator ? obs->indicator : "");
  copy->unit = g_strdup (obs->unit ? obs->unit : "");
  copy->period = g_strdup (obs->period ? obs->period : "");
  copy->document = g_strdup (obs->document ? obs->document : "");
  copy->path = g_strdup (obs->path);
  copy->text = g_strdup (obs->text ? obs->text : "");

  return copy;
}

void
fz_observation_free (FzObservation *obs)
{
  if (obs == NULL)
    return;

  /* Only copies are freed, and their strings are ours. */
  g_free ((char *) obs->region);
  g_free ((char *) obs->indicator);
  g_free ((char *) obs->unit);
  g_free ((char *) obs->period);
  g_free ((char *) obs->document);
  g_free ((char *) obs->path);
  g_free ((char *) obs->text);
  g_free (obs);
}

const char *
fz_value_kind_to_string (FzValueKind kind)
{
  return fz_enum_to_string (FZ_TYPE_VALUE_KIND, kind);
}

gboolean
fz_value_kind_from_string (const char  *str,
                           FzValueKind *kind)
{
  int v;

  g_return_val_if_fail (kind != NULL, FALSE);
  if (!fz_enum_from_string (FZ_TYPE_VALUE_KIND, str, &v))
    return FALSE;
  *kind = v;
  return TRUE;
}

const char *
fz_region_level_to_string (FzRegionLevel level)
{
  return fz_enum_to_string (FZ_TYPE_REGION_LEVEL, level);
}

gboolean
fz_region_level_from_string (const char    *str,
                             FzRegionLevel *level)
{
  int v;

  g_return_val_if_fail (level != NULL, FALSE);
  if (!fz_enum_from_string (FZ_TYPE_REGION_LEVEL, str, &v))
    return FALSE;
  *level = v;
  return TRUE;
}


/* The index keeps years as numbers with sentinels; the text is read by fz-period. */
static void
end_from_period (const FzPeriodEnd      *in,
                 FzObservationPeriodEnd *out)
{
  switch (in->year_kind)
    {
    case FZ_PERIOD_YEAR_ABSOLUTE:
      out->year = in->year;
      break;
    case FZ_PERIOD_YEAR_CURRENT:
      out->year = FZ_OBSERVATION_YEAR_Y;
      break;
    case FZ_PERIOD_YEAR_PREVIOUS:
      out->year = FZ_OBSERVATION_YEAR_PY;
      break;
    case FZ_PERIOD_YEAR_OPEN:
    default:
      out->year = FZ_OBSERVATION_YEAR_OPEN;
      break;
    }
  out->month = in->month;
  out->day = in->day;
}

gboolean
fz_observation_period_parse (const char           *str,
                             FzObservationPeriod  *period,
                             GError              **error)
{
  FzPeriod parsed;

  g_return_val_if_fail (period != NULL, FALSE);

  memset (period, 0, sizeof *period);
  if (str == NULL || *str == '\0')
    return TRUE;
  if (!fz_period_parse (str, -1, &parsed, error))
    return FALSE;
  end_from_period (&parsed.start, &period->start);
  end_from_period (&parsed.end, &period->end);
  period->stated = TRUE;
  return TRUE;
}

gboolean
fz_observation_period_end_year_is_unknown (const FzObservationPeriodEnd *end)
{
  return end->year == FZ_OBSERVATION_YEAR_Y || end->year == FZ_OBSERVATION_YEAR_PY;
}

gboolean
fz_observation_period_has_unknown_year (const FzObservationPeriod *period)
{
  return period->stated &&
         (fz_observation_period_end_year_is_unknown (&period->start) ||
          fz_observation_period_end_year_is_unknown (&period->end));
}

/* Unknown years sort after every known one, PY before Y. An open start
 * sorts first and an open end last; a missing month or day sorts as the
 * beginning of the stretch for a start and as its end for an end. */
static gint64
end_key (const FzObservationPeriodEnd *e,
         gboolean                      is_end)
{
  gint64 year;
  gint month = e->month;
  gint day = e->day;

  if (e->year == FZ_OBSERVATION_YEAR_OPEN)
    return is_end ? G_MAXINT64 : G_MININT64;

  if (e->year == FZ_OBSERVATION_YEAR_Y)
    year = 100000;
  else if (e->year == FZ_OBSERVATION_YEAR_PY)
    year = 99999;
  else
    year = e->year;
  if (month == 0)
    month = is_end ? 12 : 1;
  if (day == 0)
    day = is_end ? 31 : 1;

  return year * 10000 + month * 100 + day;
}

/* Periods without one sort first; then by one end, then the other. */
static gint
compare_periods (const FzObservationPeriod *a,
                 const FzObservationPeriod *b,
                 gboolean                   end_first)
{
  gint64 ka, kb;

  if (a->stated != b->stated)
    return a->stated ? 1 : -1;
  if (!a->stated)
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

gint
fz_observation_period_compare (const FzObservationPeriod *a,
                               const FzObservationPeriod *b)
{
  return compare_periods (a, b, FALSE);
}

/* For "the latest": the later end first, then the later (so shorter) start. */
gint
fz_observation_period_compare_latest (const FzObservationPeriod *a,
                                      const FzObservationPeriod *b)
{
  return compare_periods (a, b, TRUE);
}
