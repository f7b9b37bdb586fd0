/* fz-observation.c: copying observations, naming their enums, reading START/END periods. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-observation.h"

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
  g_free ((char *) obs->text);
  g_free (obs);
}

static const char * const value_kind_names[FZ_N_VALUE_KINDS] = {
  "level", "yoy", "mom", "rate", "share", "score"
};

static const char * const level_names[FZ_N_REGION_LEVELS] = {
  "", "province", "city", "county", "township"
};

const char *
fz_value_kind_to_string (FzValueKind kind)
{
  g_return_val_if_fail (kind < FZ_N_VALUE_KINDS, "");
  return value_kind_names[kind];
}

gboolean
fz_value_kind_from_string (const char  *str,
                           FzValueKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; str != NULL && i < FZ_N_VALUE_KINDS; i++)
    {
      if (g_str_equal (str, value_kind_names[i]))
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
fz_region_level_to_string (FzRegionLevel level)
{
  g_return_val_if_fail (level < FZ_N_REGION_LEVELS, "");
  return level_names[level];
}

gboolean
fz_region_level_from_string (const char    *str,
                             FzRegionLevel *level)
{
  g_return_val_if_fail (level != NULL, FALSE);

  for (guint i = 0; str != NULL && i < FZ_N_REGION_LEVELS; i++)
    {
      if (g_str_equal (str, level_names[i]))
        {
          *level = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
fz_observation_qualifier_name (FzQualifier qualifier)
{
  /* Kept here so the index links against GLib alone. */
  static const char * const names[] = { "exact", "over", "about", "under" };
  g_return_val_if_fail (qualifier <= FZ_QUALIFIER_UNDER, "");
  return names[qualifier];
}

static gboolean
parse_two_digits (const char **p,
                  gint8       *out,
                  gint         max)
{
  const char *s = *p;
  gint v;

  if (!g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]))
    return FALSE;
  v = (s[0] - '0') * 10 + (s[1] - '0');
  if (v < 1 || v > max)
    return FALSE;
  *out = v;
  *p = s + 2;
  return TRUE;
}

static gboolean
parse_end (const char             *s,
           FzObservationPeriodEnd *end)
{
  end->year = FZ_OBSERVATION_YEAR_OPEN;
  end->month = 0;
  end->day = 0;

  if (*s == '\0')
    return TRUE;

  if (g_str_has_prefix (s, "PY"))
    {
      end->year = FZ_OBSERVATION_YEAR_PY;
      s += 2;
    }
  else if (*s == 'Y')
    {
      end->year = FZ_OBSERVATION_YEAR_Y;
      s += 1;
    }
  else
    {
      for (guint i = 0; i < 4; i++)
        if (!g_ascii_isdigit (s[i]))
          return FALSE;
      end->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
      if (end->year == 0)
        return FALSE;
      s += 4;
    }

  if (*s == '\0')
    return TRUE;
  if (*s++ != '-' || !parse_two_digits (&s, &end->month, 12))
    return FALSE;
  if (*s == '\0')
    return TRUE;
  if (*s++ != '-' || !parse_two_digits (&s, &end->day, 31))
    return FALSE;

  return *s == '\0';
}

gboolean
fz_observation_period_parse (const char           *str,
                             FzObservationPeriod  *period,
                             GError              **error)
{
  g_auto(GStrv) ends = NULL;

  g_return_val_if_fail (period != NULL, FALSE);

  memset (period, 0, sizeof *period);
  if (str == NULL || *str == '\0')
    return TRUE;

  ends = g_strsplit (str, "/", -1);
  if (g_strv_length (ends) != 2 ||
      !parse_end (ends[0], &period->start) ||
      !parse_end (ends[1], &period->end) ||
      (period->start.year == FZ_OBSERVATION_YEAR_OPEN &&
       period->end.year == FZ_OBSERVATION_YEAR_OPEN))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "“%s” is not a period: write START/END, each YEAR[-MM[-DD]] "
                   "with YEAR four digits, Y or PY, one end at most left open",
                   str);
      return FALSE;
    }

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

gint
fz_observation_period_compare (const FzObservationPeriod *a,
                               const FzObservationPeriod *b)
{
  gint64 ka, kb;

  if (a->stated != b->stated)
    return a->stated ? 1 : -1;
  if (!a->stated)
    return 0;

  ka = end_key (&a->start, FALSE);
  kb = end_key (&b->start, FALSE);
  if (ka != kb)
    return ka < kb ? -1 : 1;

  ka = end_key (&a->end, TRUE);
  kb = end_key (&b->end, TRUE);
  if (ka != kb)
    return ka < kb ? -1 : 1;

  return 0;
}

/* For "the latest": the later end first, then the later (so shorter) start. */
gint
fz_observation_period_compare_latest (const FzObservationPeriod *a,
                                      const FzObservationPeriod *b)
{
  gint64 ka, kb;

  if (a->stated != b->stated)
    return a->stated ? 1 : -1;
  if (!a->stated)
    return 0;

  ka = end_key (&a->end, TRUE);
  kb = end_key (&b->end, TRUE);
  if (ka != kb)
    return ka < kb ? -1 : 1;

  ka = end_key (&a->start, FALSE);
  kb = end_key (&b->start, FALSE);
  if (ka != kb)
    return ka < kb ? -1 : 1;

  return 0;
}
