/* fz-index-score.c: normalises compared values into scores, then aggregates and ranks regions. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-private.h"

#include <math.h>

static void
warn (Compute    *c,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (Compute    *c,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (c->result->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* ---------------------------------------------------------------- comparison */

typedef struct
{
  gboolean known;
  gboolean unknown;
  gboolean unstated;
  guint    n_levels;
} Survey;

/* The index of @obs among the observations: asked for every compared cell, so a table made
 * once rather than a search of them all each time (quadratic over an archive). */
static guint
observation_position (Compute             *c,
                      const FzObservation *obs)
{
  if (c->obs_position == NULL)
    {
      c->obs_position = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < c->self->observations->len; i++)
        g_hash_table_insert (c->obs_position, g_ptr_array_index (c->self->observations, i),
                             GUINT_TO_POINTER (i + 1));
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (c->obs_position, obs)) - 1;
}

/* What kinds of year, stated periods and region levels the compared cells mix. */
static void
survey_cells (Compute   *c,
              GPtrArray *cells,
              Survey    *sv)
{
  GHashTable *levels = g_hash_table_new (NULL, NULL);

  for (guint k = 0; k < cells->len; k++)
    {
      const FzIndexCell *cell = g_ptr_array_index (cells, k);
      guint i = observation_position (c, cell->used);

      if (fz_period_has_unknown_year (_fz_index_period_at (c->self, i)))
        sv->unknown = TRUE;
      else if (!fz_period_is_empty (_fz_index_period_at (c->self, i)))
        sv->known = TRUE;
      if (cell->flags & FZ_CELL_PERIOD_UNSTATED)
        sv->unstated = TRUE;
      g_hash_table_add (levels, GINT_TO_POINTER (cell->used->level));
    }

  sv->n_levels = g_hash_table_size (levels);
  g_hash_table_unref (levels);
}

void
_fz_index_describe_comparison (Compute         *c,
                               const Indicator *ind,
                               const Candidate *cand,
                               GPtrArray       *cells)
{
  const FzPeriod *ref = _fz_index_period_at (c->self, cand->obs);
  const FzObservation *ref_obs = g_ptr_array_index (c->self->observations, cand->obs);
  Survey sv = { FALSE, FALSE, FALSE, 0 };

  survey_cells (c, cells, &sv);
  if (c->sel.year != 0)
    sv.known = TRUE;

  g_ptr_array_add (c->result->compared,
                   g_strdup_printf ("%s %s %s, regions: %u", ind->id,
                                    fz_value_kind_to_string (cand->kind),
                                    fz_period_is_empty (ref) ? "(period not stated)" : ref_obs->period,
                                    cells->len));

  if (sv.unknown && sv.known)
    {
      c->result->mixed_years = TRUE;
      warn (c, "%s: compares a known year with a year that is not known (Y or PY)", ind->id);
    }
  else if (sv.unknown && cells->len > 1)
    warn (c, "%s: the year is not known (Y or PY) and is taken to be the same for all", ind->id);
  if (sv.unstated)
    warn (c, "%s: some values state no period and are compared as if they held for %s",
          ind->id, fz_period_is_empty (ref) ? "the same stretch" : ref_obs->period);
  if (sv.n_levels > 1)
    warn (c, "%s: compares regions of different levels", ind->id);
}

/* ---------------------------------------------------------------- normalise */

/* The share of the other values below @v, ties counting half. */
static double
percentile_score (GPtrArray *cells,
                  double     v)
{
  guint n = cells->len;
  guint below = 0, equal = 0;

  for (guint m = 0; m < n; m++)
    {
      double w = ((const FzIndexCell *) g_ptr_array_index (cells, m))->used->value;
      if (w < v)
        below++;
      else if (w == v)
        equal++;
    }
  return (below + 0.5 * (equal - 1)) / (n - 1) * 100.0;
}

void
_fz_index_normalise (Compute         *c,
                     const Indicator *ind,
                     const Candidate *cand,
                     GPtrArray       *cells)
{
  FzNormalisation method = c->opts->normalisation;
  double lo = 0, hi = 100;
  double min = INFINITY, max = -INFINITY;
  guint n = cells->len;

  if (method == FZ_NORMALISATION_GOALPOSTS)
    {
      if (cand->kind == FZ_VALUE_YOY || cand->kind == FZ_VALUE_MOM)
        {
          lo = c->opts->change_low;
          hi = c->opts->change_high;
        }
      else if (cand->kind == FZ_VALUE_LEVEL)
        {
          warn (c, "%s: raw levels have no goalposts; min-max used", ind->id);
          method = FZ_NORMALISATION_MIN_MAX;
        }
    }

  for (guint k = 0; k < n; k++)
    {
      const FzIndexCell *cell = g_ptr_array_index (cells, k);
      min = MIN (min, cell->used->value);
      max = MAX (max, cell->used->value);
    }

  for (guint k = 0; k < n; k++)
    {
      FzIndexCell *cell = g_ptr_array_index (cells, k);
      double v = cell->used->value;
      double s;

      if (method != FZ_NORMALISATION_GOALPOSTS && !(max > min))
        {
          /* One value, or all equal: a relative method has nothing to tell. */
          cell->flags |= FZ_CELL_NO_SPREAD;
          continue;
        }

      if (method == FZ_NORMALISATION_MIN_MAX)
        s = (v - min) / (max - min) * 100.0;
      else if (method == FZ_NORMALISATION_PERCENTILE)
        s = percentile_score (cells, v);
      else
        s = CLAMP ((v - lo) / (hi - lo), 0.0, 1.0) * 100.0;

      cell->has_score = TRUE;
      cell->score = ind->lower_is_better ? 100.0 - s : s;
    }
}

/* ---------------------------------------------------------------- aggregate */

void
_fz_index_aggregate (Compute       *c,
                     FzIndexRegion *r)
{
  double sum[FZ_N_DIMENSIONS] = { 0 };
  guint n[FZ_N_DIMENSIONS] = { 0 };
  double total = 0, weights = 0;
  guint n_ind = c->self->indicators->len;

  for (guint k = 0; k < r->cells->len; k++)
    {
      const FzIndexCell *cell = g_ptr_array_index (r->cells, k);

      r->n_with_data++;
      if (!cell->has_score)
        continue;
      r->n_scored++;
      sum[cell->dimension] += cell->score;
      n[cell->dimension]++;
    }

  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    {
      if (n[d] == 0)
        continue;
      r->has_dimension[d] = TRUE;
      r->dimension[d] = sum[d] / n[d];
      if (c->opts->weights[d] > 0)
        {
          r->n_dimensions++;
          total += c->opts->weights[d] * r->dimension[d];
          weights += c->opts->weights[d];
        }
    }

  r->coverage = n_ind > 0 ? (double) r->n_scored / n_ind : 0.0;
  if (r->n_dimensions >= c->opts->min_dimensions && weights > 0)
    {
      r->has_overall = TRUE;
      r->overall = total / weights;
    }
}

/* ---------------------------------------------------------------- rank */

/* Scores are 0..100; differences below this are rounding, not merit. */
#define TIE_EPSILON 1e-9

static gboolean
same_score (double a,
            double b)
{
  return fabs (a - b) < TIE_EPSILON;
}

static gint
region_order (gconstpointer a,
              gconstpointer b)
{
  const FzIndexRegion *ra = *(const FzIndexRegion * const *) a;
  const FzIndexRegion *rb = *(const FzIndexRegion * const *) b;
  gint cmp;

  if (ra->has_overall != rb->has_overall)
    return ra->has_overall ? -1 : 1;
  if (ra->has_overall && !same_score (ra->overall, rb->overall))
    return ra->overall > rb->overall ? -1 : 1;
  cmp = g_strcmp0 (ra->name, rb->name);
  if (cmp != 0)
    return cmp;
  return ra->code < rb->code ? -1 : ra->code > rb->code;
}

void
_fz_index_rank (GPtrArray *regions)
{
  g_ptr_array_sort (regions, region_order);

  for (guint k = 0; k < regions->len; k++)
    {
      FzIndexRegion *r = g_ptr_array_index (regions, k);
      const FzIndexRegion *prev = k > 0 ? g_ptr_array_index (regions, k - 1) : NULL;

      if (!r->has_overall)
        break;
      /* Ties share a rank and the next rank is skipped (1, 2, 2, 4). */
      r->rank = prev != NULL && same_score (prev->overall, r->overall) ? prev->rank : k + 1;
    }
}
