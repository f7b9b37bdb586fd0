/* fz-index.c: like-with-like comparison of regions, normalisation, dimension and overall scores. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index.h"

#include "fz-error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  char        *id;
  FzDimension  dimension;
  gboolean     lower_is_better;
} Indicator;

struct _FzIndex
{
  GPtrArray  *indicators;    /* Indicator *, lexicon order */
  GHashTable *by_id;         /* id → position + 1 */
  GPtrArray  *observations;  /* FzObservation *, owned, shared with results */
  GArray     *periods;       /* FzObservationPeriod, parallel to observations */
};

/* How well an observation fits the period a comparison is made over. */
typedef enum
{
  FIT_NO,
  FIT_UNSTATED,
  FIT_UNKNOWN_YEAR,
  FIT_EXACT
} Fit;

typedef enum
{
  SEL_ALL,
  SEL_YEAR,
  SEL_MONTH,
  SEL_YTD
} SelMode;

typedef struct
{
  SelMode mode;
  gint    year;    /* 0 for "ytd" of any year */
  gint    month;
} Selection;

/* A (value kind, period) pair that an indicator could be compared over. */
typedef struct
{
  FzValueKind kind;
  guint       obs;       /* an observation that has this pair */
  guint       n_regions;
} Candidate;

struct _FzIndexResult
{
  GPtrArray  *observations;  /* a reference to the index's, so cells stay valid */
  GPtrArray  *regions;       /* FzIndexRegion *, ranked order */
  GPtrArray  *compared;      /* char *: one line per indicator with data */
  GPtrArray  *columns;       /* char *: indicator ids with data, lexicon order */
  GPtrArray  *warnings;      /* char *, NULL-terminated */
  gboolean    mixed_years;
  guint       n_indicators;
  char       *period;
  FzIndexOptions opts;
};

static inline const FzObservationPeriod *
period_at (FzIndex *self,
           guint    i)
{
  return &g_array_index (self->periods, FzObservationPeriod, i);
}

static const char * const dimension_names[FZ_N_DIMENSIONS] = {
  "outcome", "strike", "prevention", "control", "outreach", "governance"
};

static const char * const normalisation_names[] = {
  "min-max", "percentile", "goalposts"
};

/* Rates and changes compare regions of different sizes better than raw levels. */
static const guint kind_preference[FZ_N_VALUE_KINDS] = {
  [FZ_VALUE_RATE] = 0,
  [FZ_VALUE_SHARE] = 1,
  [FZ_VALUE_YOY] = 2,
  [FZ_VALUE_MOM] = 3,
  [FZ_VALUE_SCORE] = 4,
  [FZ_VALUE_LEVEL] = 5,
};

/* ---------------------------------------------------------------- helpers */

const char *
fz_dimension_to_string (FzDimension dimension)
{
  g_return_val_if_fail (dimension < FZ_N_DIMENSIONS, "");
  return dimension_names[dimension];
}

gboolean
fz_dimension_from_string (const char  *str,
                          FzDimension *dimension)
{
  g_return_val_if_fail (dimension != NULL, FALSE);

  for (guint i = 0; str != NULL && i < FZ_N_DIMENSIONS; i++)
    {
      if (g_str_equal (str, dimension_names[i]))
        {
          *dimension = i;
          return TRUE;
        }
    }
  return FALSE;
}

void
fz_index_options_init (FzIndexOptions *opts)
{
  g_return_if_fail (opts != NULL);

  memset (opts, 0, sizeof *opts);
  opts->normalisation = FZ_NORMALISATION_MIN_MAX;
  opts->period = NULL;
  opts->level = FZ_REGION_LEVEL_UNKNOWN;
  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    opts->weights[d] = 1.0;
  opts->min_dimensions = 3;
  opts->change_low = -50.0;
  opts->change_high = 50.0;
}

static void
indicator_free (Indicator *ind)
{
  g_free (ind->id);
  g_free (ind);
}

static char *
region_key (const FzObservation *obs)
{
  if (obs->region_code != 0)
    return g_strdup_printf ("c%" G_GINT64_FORMAT, obs->region_code);
  return g_strdup_printf ("n%d:%s", (int) obs->level, obs->region);
}

static void
append_field (GString    *out,
              const char *str)
{
  /* A tab or line break inside a field would break the table. */
  for (const char *p = str ? str : ""; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
append_number (GString *out,
               double   value,
               gboolean fixed)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, fixed ? "%.2f" : "%.10g", value);
  g_string_append (out, buf);
}

static void
append_source (GString             *out,
               const FzObservation *obs)
{
  append_field (out, obs->document);
  g_string_append_printf (out, ":%u-%u", obs->start, obs->end);
}

/* ---------------------------------------------------------------- periods */

static gboolean
selection_parse (const char  *str,
                 Selection   *sel,
                 GError     **error)
{
  memset (sel, 0, sizeof *sel);

  if (str == NULL || *str == '\0' || g_str_equal (str, "all"))
    return TRUE;

  if (g_str_has_prefix (str, "ytd"))
    {
      sel->mode = SEL_YTD;
      if (str[3] == '\0')
        return TRUE;
      if (str[3] == ':' && strlen (str + 4) == 4 &&
          g_ascii_isdigit (str[4]) && g_ascii_isdigit (str[5]) &&
          g_ascii_isdigit (str[6]) && g_ascii_isdigit (str[7]))
        {
          sel->year = atoi (str + 4);
          if (sel->year > 0)
            return TRUE;
        }
    }
  else if (strlen (str) >= 4 &&
           g_ascii_isdigit (str[0]) && g_ascii_isdigit (str[1]) &&
           g_ascii_isdigit (str[2]) && g_ascii_isdigit (str[3]))
    {
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
    }

  g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
               "“%s” is not a stretch of time: use all, a year (2022), "
               "a month (2022-03), ytd or ytd:2022", str);
  return FALSE;
}

/* TRUE when the end lies in @year; *unknown is set when its year is Y or PY. */
static gboolean
end_in_year (const FzObservationPeriodEnd *e,
             gint                          year,
             gboolean                     *unknown)
{
  if (fz_observation_period_end_year_is_unknown (e))
    {
      *unknown = TRUE;
      return TRUE;
    }
  return year == 0 || e->year == year;
}

/* An open end is taken to be the report's date, which a caller that knows
 * it should have written in; see docs/index-method.md. */
static Fit
selection_fit (const Selection           *sel,
               const FzObservationPeriod *p)
{
  gboolean unknown = FALSE;

  if (sel->mode == SEL_ALL)
    return FIT_EXACT;
  if (!p->stated)
    return FIT_NO;

  switch (sel->mode)
    {
    case SEL_YEAR:
      if (p->start.year == FZ_OBSERVATION_YEAR_OPEN)
        return FIT_NO;
      if (!end_in_year (&p->start, sel->year, &unknown))
        return FIT_NO;
      if (p->end.year != FZ_OBSERVATION_YEAR_OPEN && !end_in_year (&p->end, sel->year, &unknown))
        return FIT_NO;
      break;

    case SEL_MONTH:
      if (p->start.year == FZ_OBSERVATION_YEAR_OPEN || p->end.year == FZ_OBSERVATION_YEAR_OPEN ||
          p->start.month != sel->month || p->end.month != sel->month)
        return FIT_NO;
      if (!end_in_year (&p->start, sel->year, &unknown) ||
          !end_in_year (&p->end, sel->year, &unknown))
        return FIT_NO;
      break;

    case SEL_YTD:
      if (p->start.year == FZ_OBSERVATION_YEAR_OPEN || p->start.month > 1 || p->start.day > 1)
        return FIT_NO;
      if (!end_in_year (&p->start, sel->year, &unknown))
        return FIT_NO;
      if (p->end.year != FZ_OBSERVATION_YEAR_OPEN &&
          !(p->end.year == p->start.year ||
            fz_observation_period_end_year_is_unknown (&p->end) ||
            fz_observation_period_end_year_is_unknown (&p->start)))
        return FIT_NO;
      if (fz_observation_period_end_year_is_unknown (&p->end))
        unknown = TRUE;
      break;

    case SEL_ALL:
    default:
      break;
    }

  /* "ytd" of any year names no year, so nothing known is mixed in by it. */
  if (unknown && (sel->mode != SEL_YTD || sel->year != 0))
    return FIT_UNKNOWN_YEAR;
  return FIT_EXACT;
}

static Fit
end_fit (const FzObservationPeriodEnd *a,
         const FzObservationPeriodEnd *b)
{
  if (a->month != b->month || a->day != b->day)
    return FIT_NO;
  if ((a->year == FZ_OBSERVATION_YEAR_OPEN) != (b->year == FZ_OBSERVATION_YEAR_OPEN))
    return FIT_NO;
  if (a->year == b->year)
    return FIT_EXACT;
  if (fz_observation_period_end_year_is_unknown (a) !=
      fz_observation_period_end_year_is_unknown (b))
    return FIT_UNKNOWN_YEAR;
  return FIT_NO;
}

/* How an observation's period fits the period @ref that a comparison is made over. */
static Fit
period_fit (const FzObservationPeriod *ref,
            const FzObservationPeriod *p)
{
  Fit a, b;

  if (!ref->stated)
    return p->stated ? FIT_NO : FIT_EXACT;
  if (!p->stated)
    return FIT_UNSTATED;

  a = end_fit (&ref->start, &p->start);
  b = end_fit (&ref->end, &p->end);
  return MIN (a, b);
}

/* ---------------------------------------------------------------- index */

FzIndex *
fz_index_new (void)
{
  FzIndex *self = g_new0 (FzIndex, 1);

  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->observations = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_observation_free);
  self->periods = g_array_new (FALSE, TRUE, sizeof (FzObservationPeriod));

  return self;
}

void
fz_index_free (FzIndex *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->observations, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_free (self);
}

static const Indicator *
lookup_indicator (FzIndex    *self,
                  const char *id,
                  guint      *position)
{
  guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id ? id : ""));

  if (pos == 0)
    return NULL;
  if (position != NULL)
    *position = pos - 1;
  return g_ptr_array_index (self->indicators, pos - 1);
}

gboolean
fz_index_add_indicator (FzIndex     *self,
                        const char  *id,
                        const char  *dimension,
                        gboolean     lower_is_better,
                        GError     **error)
{
  Indicator *ind;
  FzDimension dim;

  g_return_val_if_fail (self != NULL, FALSE);

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, "An indicator needs an id");
      return FALSE;
    }
  if (!fz_dimension_from_string (dimension, &dim))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "Indicator “%s”: “%s” is not a dimension (outcome, strike, "
                   "prevention, control, outreach, governance)",
                   id, dimension ? dimension : "");
      return FALSE;
    }
  if (lookup_indicator (self, id, NULL) != NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "Indicator “%s” is listed twice", id);
      return FALSE;
    }

  ind = g_new0 (Indicator, 1);
  ind->id = g_strdup (id);
  ind->dimension = dim;
  ind->lower_is_better = lower_is_better;
  g_ptr_array_add (self->indicators, ind);
  g_hash_table_insert (self->by_id, ind->id, GUINT_TO_POINTER (self->indicators->len));

  return TRUE;
}

guint
fz_index_get_n_indicators (FzIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->indicators->len;
}

gboolean
fz_index_add_observation (FzIndex              *self,
                          const FzObservation  *obs,
                          GError              **error)
{
  FzObservationPeriod period;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (obs != NULL, FALSE);

  if (lookup_indicator (self, obs->indicator, NULL) == NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "“%s” is not an indicator of the lexicon",
                   obs->indicator ? obs->indicator : "");
      return FALSE;
    }
  if ((obs->region == NULL || *obs->region == '\0') && obs->region_code == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "An observation of “%s” names no region", obs->indicator);
      return FALSE;
    }
  if (obs->level >= FZ_N_REGION_LEVELS || obs->value_kind >= FZ_N_VALUE_KINDS ||
      obs->qualifier > FZ_QUALIFIER_UNDER)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "An observation of “%s” has a level, value kind or qualifier out of range",
                   obs->indicator);
      return FALSE;
    }
  if (!isfinite (obs->value))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "An observation of “%s” has no finite value", obs->indicator);
      return FALSE;
    }
  if (!fz_observation_period_parse (obs->period, &period, error))
    return FALSE;

  g_ptr_array_add (self->observations, fz_observation_copy (obs));
  g_array_append_val (self->periods, period);

  return TRUE;
}

guint
fz_index_get_n_observations (FzIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->observations->len;
}

/* ---------------------------------------------------------------- compute */

static void
cell_free (FzIndexCell *cell)
{
  g_ptr_array_unref (cell->observations);
  g_free (cell);
}

static void
region_free (FzIndexRegion *region)
{
  g_free ((char *) region->name);
  g_clear_pointer (&region->cells, g_ptr_array_unref);
  g_free (region);
}

static gboolean
options_check (const FzIndexOptions  *opts,
               GError               **error)
{
  if (opts->normalisation > FZ_NORMALISATION_GOALPOSTS || opts->level >= FZ_N_REGION_LEVELS)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, "Unknown normalisation or region level");
      return FALSE;
    }
  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    {
      if (!isfinite (opts->weights[d]) || opts->weights[d] < 0)
        {
          g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                       "The weight of %s must be a number of 0 or more", dimension_names[d]);
          return FALSE;
        }
    }
  if (opts->min_dimensions < 1 || opts->min_dimensions > FZ_N_DIMENSIONS)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "The dimensions needed for an overall score must be 1 to %d",
                   FZ_N_DIMENSIONS);
      return FALSE;
    }
  if (!isfinite (opts->change_low) || !isfinite (opts->change_high) ||
      opts->change_low >= opts->change_high)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "The goalposts for changes need a low bound below the high bound");
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  FzIndex              *self;
  const FzIndexOptions *opts;
  Selection             sel;
  GArray               *sel_fit;      /* Fit per observation */
  GPtrArray            *regions;      /* FzIndexRegion * */
  GPtrArray            *lists;        /* per region: GPtrArray (per indicator) of GArray of guint */
  FzIndexResult        *result;
} Compute;

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

static void
collect (Compute *c)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_ind = c->self->indicators->len;

  for (guint i = 0; i < c->self->observations->len; i++)
    {
      const FzObservation *obs = g_ptr_array_index (c->self->observations, i);
      const FzObservationPeriod *p = period_at (c->self, i);
      Fit fit = selection_fit (&c->sel, p);
      g_autofree char *key = NULL;
      gpointer pos;
      GPtrArray *per;
      guint ind = 0;

      g_array_append_val (c->sel_fit, fit);
      if (fit == FIT_NO)
        continue;
      if (c->opts->level != FZ_REGION_LEVEL_UNKNOWN && obs->level != c->opts->level)
        continue;

      key = region_key (obs);
      if (!g_hash_table_lookup_extended (keys, key, NULL, &pos))
        {
          FzIndexRegion *r = g_new0 (FzIndexRegion, 1);

          r->name = g_strdup (obs->region);
          r->code = obs->region_code;
          r->level = obs->level;
          r->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
          g_ptr_array_add (c->regions, r);

          per = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
          for (guint j = 0; j < n_ind; j++)
            g_ptr_array_add (per, g_array_new (FALSE, FALSE, sizeof (guint)));
          g_ptr_array_add (c->lists, per);

          pos = GUINT_TO_POINTER (c->regions->len - 1);
          g_hash_table_insert (keys, g_steal_pointer (&key), pos);
        }

      per = g_ptr_array_index (c->lists, GPOINTER_TO_UINT (pos));
      lookup_indicator (c->self, obs->indicator, &ind);
      g_array_append_val (g_ptr_array_index (per, ind), i);
    }
}

static GArray *
obs_list (Compute *c,
          guint    region,
          guint    ind)
{
  GPtrArray *per = g_ptr_array_index (c->lists, region);
  return g_ptr_array_index (per, ind);
}

static Fit
obs_fit (Compute                   *c,
         FzValueKind                kind,
         const FzObservationPeriod *ref,
         guint                      i)
{
  const FzObservation *obs = g_ptr_array_index (c->self->observations, i);
  Fit fit;

  if (obs->value_kind != kind)
    return FIT_NO;
  fit = period_fit (ref, period_at (c->self, i));
  return MIN (fit, g_array_index (c->sel_fit, Fit, i));
}

static gboolean
candidate_better (Compute         *c,
                  const Candidate *a,
                  const Candidate *b)
{
  const FzObservationPeriod *pa = period_at (c->self, a->obs);
  const FzObservationPeriod *pb = period_at (c->self, b->obs);
  gint cmp;

  if ((a->n_regions >= 2) != (b->n_regions >= 2))
    return a->n_regions >= 2;
  if (kind_preference[a->kind] != kind_preference[b->kind])
    return kind_preference[a->kind] < kind_preference[b->kind];
  if (a->n_regions != b->n_regions)
    return a->n_regions > b->n_regions;
  if (pa->stated != pb->stated)
    return pa->stated;
  if (fz_observation_period_has_unknown_year (pa) != fz_observation_period_has_unknown_year (pb))
    return !fz_observation_period_has_unknown_year (pa);
  cmp = fz_observation_period_compare_latest (pa, pb);
  if (cmp != 0)
    return cmp > 0;
  return FALSE;
}

/* Picks the value kind and period that most regions can be compared over. */
static gboolean
choose_candidate (Compute   *c,
                  guint      ind,
                  Candidate *best)
{
  gboolean found = FALSE;

  for (guint r = 0; r < c->regions->len; r++)
    {
      GArray *list = obs_list (c, r, ind);

      for (guint k = 0; k < list->len; k++)
        {
          guint i = g_array_index (list, guint, k);
          const FzObservation *obs = g_ptr_array_index (c->self->observations, i);
          const FzObservationPeriod *ref = period_at (c->self, i);
          Candidate cand = { obs->value_kind, i, 0 };

          for (guint r2 = 0; r2 < c->regions->len; r2++)
            {
              GArray *l2 = obs_list (c, r2, ind);

              for (guint k2 = 0; k2 < l2->len; k2++)
                {
                  if (obs_fit (c, cand.kind, ref, g_array_index (l2, guint, k2)) != FIT_NO)
                    {
                      cand.n_regions++;
                      break;
                    }
                }
            }

          if (!found || candidate_better (c, &cand, best))
            *best = cand;
          found = TRUE;
        }
    }

  return found;
}

/* The cell rule: the best fit to the comparison's period, then an exact
 * figure over 余/约/不足, then the observation added last (the later report). */
static void
fill_cell (Compute         *c,
           FzIndexCell     *cell,
           GArray          *list,
           const Candidate *cand)
{
  const FzObservationPeriod *ref = period_at (c->self, cand->obs);
  Fit best_fit = FIT_NO;
  gint best = -1;
  guint n_fit = 0;

  for (guint k = 0; k < list->len; k++)
    {
      guint i = g_array_index (list, guint, k);
      const FzObservation *obs = g_ptr_array_index (c->self->observations, i);
      Fit fit = obs_fit (c, cand->kind, ref, i);

      g_ptr_array_add (cell->observations, (gpointer) obs);
      if (fit == FIT_NO)
        continue;
      n_fit++;
      if (best < 0 || fit > best_fit ||
          (fit == best_fit &&
           (obs->qualifier == FZ_QUALIFIER_EXACT ||
            cell->used->qualifier != FZ_QUALIFIER_EXACT)))
        {
          best = i;
          best_fit = fit;
          cell->used = obs;
        }
    }

  if (best < 0)
    {
      cell->flags |= FZ_CELL_NOT_COMPARABLE;
      return;
    }

  cell->flags |= FZ_CELL_COMPARED;
  if (n_fit > 1)
    cell->flags |= FZ_CELL_SEVERAL;
  if (best_fit == FIT_UNSTATED)
    cell->flags |= FZ_CELL_PERIOD_UNSTATED;
  if (best_fit == FIT_UNKNOWN_YEAR)
    cell->flags |= FZ_CELL_UNKNOWN_YEAR;
}

static void
normalise (Compute         *c,
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
        {
          guint below = 0, equal = 0;

          for (guint m = 0; m < n; m++)
            {
              double w = ((const FzIndexCell *) g_ptr_array_index (cells, m))->used->value;
              if (w < v)
                below++;
              else if (w == v)
                equal++;
            }
          s = (below + 0.5 * (equal - 1)) / (n - 1) * 100.0;
        }
      else
        s = CLAMP ((v - lo) / (hi - lo), 0.0, 1.0) * 100.0;

      cell->has_score = TRUE;
      cell->score = ind->lower_is_better ? 100.0 - s : s;
    }
}

static void
describe_comparison (Compute         *c,
                     const Indicator *ind,
                     const Candidate *cand,
                     GPtrArray       *cells)
{
  const FzObservationPeriod *ref = period_at (c->self, cand->obs);
  const FzObservation *ref_obs = g_ptr_array_index (c->self->observations, cand->obs);
  gboolean known = FALSE, unknown = FALSE, unstated = FALSE;
  GHashTable *levels = g_hash_table_new (NULL, NULL);

  for (guint k = 0; k < cells->len; k++)
    {
      const FzIndexCell *cell = g_ptr_array_index (cells, k);
      guint i;

      g_ptr_array_find (c->self->observations, cell->used, &i);
      if (fz_observation_period_has_unknown_year (period_at (c->self, i)))
        unknown = TRUE;
      else if (period_at (c->self, i)->stated)
        known = TRUE;
      if (cell->flags & FZ_CELL_PERIOD_UNSTATED)
        unstated = TRUE;
      g_hash_table_add (levels, GINT_TO_POINTER (cell->used->level));
    }

  if (c->sel.year != 0)
    known = TRUE;

  g_ptr_array_add (c->result->compared,
                   g_strdup_printf ("%s %s %s, regions: %u", ind->id,
                                    fz_value_kind_to_string (cand->kind),
                                    ref->stated ? ref_obs->period : "(period not stated)",
                                    cells->len));

  if (unknown && known)
    {
      c->result->mixed_years = TRUE;
      warn (c, "%s: compares a known year with a year that is not known (Y or PY)", ind->id);
    }
  else if (unknown && cells->len > 1)
    warn (c, "%s: the year is not known (Y or PY) and is taken to be the same for all", ind->id);
  if (unstated)
    warn (c, "%s: some values state no period and are compared as if they held for %s",
          ind->id, ref->stated ? ref_obs->period : "the same stretch");
  if (g_hash_table_size (levels) > 1)
    warn (c, "%s: compares regions of different levels", ind->id);

  g_hash_table_unref (levels);
}

static void
score_indicator (Compute *c,
                 guint    ind_pos)
{
  const Indicator *ind = g_ptr_array_index (c->self->indicators, ind_pos);
  g_autoptr(GPtrArray) compared = g_ptr_array_new ();
  Candidate cand;

  if (!choose_candidate (c, ind_pos, &cand))
    return;

  g_ptr_array_add (c->result->columns, g_strdup (ind->id));

  for (guint r = 0; r < c->regions->len; r++)
    {
      FzIndexRegion *region = g_ptr_array_index (c->regions, r);
      GArray *list = obs_list (c, r, ind_pos);
      FzIndexCell *cell;

      if (list->len == 0)
        continue;

      cell = g_new0 (FzIndexCell, 1);
      cell->indicator = ind->id;
      cell->dimension = ind->dimension;
      cell->observations = g_ptr_array_new ();
      fill_cell (c, cell, list, &cand);
      g_ptr_array_add (region->cells, cell);
      if (cell->used != NULL)
        g_ptr_array_add (compared, cell);
    }

  describe_comparison (c, ind, &cand, compared);
  normalise (c, ind, &cand, compared);
}

static void
aggregate (Compute       *c,
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

static void
rank (GPtrArray *regions)
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

FzIndexResult *
fz_index_compute (FzIndex               *self,
                  const FzIndexOptions  *opts,
                  GError               **error)
{
  FzIndexOptions defaults;
  Compute c = { 0 };
  FzIndexResult *result;

  g_return_val_if_fail (self != NULL, NULL);

  if (opts == NULL)
    {
      fz_index_options_init (&defaults);
      opts = &defaults;
    }
  if (!options_check (opts, error) || !selection_parse (opts->period, &c.sel, error))
    return NULL;

  result = g_new0 (FzIndexResult, 1);
  result->observations = g_ptr_array_ref (self->observations);
  result->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) region_free);
  result->compared = g_ptr_array_new_with_free_func (g_free);
  result->columns = g_ptr_array_new_with_free_func (g_free);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  result->n_indicators = self->indicators->len;
  result->period = g_strdup (opts->period ? opts->period : "all");
  result->opts = *opts;
  result->opts.period = result->period;

  c.self = self;
  c.opts = opts;
  c.result = result;
  c.sel_fit = g_array_new (FALSE, FALSE, sizeof (Fit));
  c.regions = result->regions;
  c.lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  collect (&c);
  for (guint j = 0; j < self->indicators->len; j++)
    score_indicator (&c, j);
  for (guint r = 0; r < result->regions->len; r++)
    aggregate (&c, g_ptr_array_index (result->regions, r));

  /* The lists are indexed like the regions, so rank only after they go. */
  g_ptr_array_unref (c.lists);
  g_array_unref (c.sel_fit);
  rank (result->regions);
  g_ptr_array_add (result->warnings, NULL);

  return result;
}

/* ---------------------------------------------------------------- result */

void
fz_index_result_free (FzIndexResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->regions, g_ptr_array_unref);
  g_clear_pointer (&result->observations, g_ptr_array_unref);
  g_clear_pointer (&result->compared, g_ptr_array_unref);
  g_clear_pointer (&result->columns, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result->period);
  g_free (result);
}

guint
fz_index_result_get_n_regions (FzIndexResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->regions->len;
}

const FzIndexRegion *
fz_index_result_get_region (FzIndexResult *result,
                            guint          i)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (i < result->regions->len, NULL);
  return g_ptr_array_index (result->regions, i);
}

const FzIndexRegion *
fz_index_result_lookup_region (FzIndexResult *result,
                               const char    *name)
{
  g_return_val_if_fail (result != NULL, NULL);

  for (guint k = 0; k < result->regions->len; k++)
    {
      const FzIndexRegion *r = g_ptr_array_index (result->regions, k);
      if (g_strcmp0 (r->name, name) == 0)
        return r;
    }
  return NULL;
}

const FzIndexCell *
fz_index_region_get_cell (const FzIndexRegion *region,
                          const char          *indicator)
{
  g_return_val_if_fail (region != NULL, NULL);

  for (guint k = 0; k < region->cells->len; k++)
    {
      const FzIndexCell *cell = g_ptr_array_index (region->cells, k);
      if (g_strcmp0 (cell->indicator, indicator) == 0)
        return cell;
    }
  return NULL;
}

gboolean
fz_index_result_get_mixed_years (FzIndexResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);
  return result->mixed_years;
}

const char * const *
fz_index_result_get_warnings (FzIndexResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return (const char * const *) result->warnings->pdata;
}

static void
append_cell (GString           *out,
             const FzIndexCell *cell)
{
  g_string_append_c (out, '\t');
  if (cell != NULL && cell->used != NULL)
    append_number (out, cell->used->value, FALSE);
  g_string_append_c (out, '\t');
  if (cell != NULL && cell->has_score)
    append_number (out, cell->score, TRUE);
  g_string_append_c (out, '\t');
  if (cell == NULL)
    return;

  /* The compared observation first, then the others of the cell. */
  if (cell->used != NULL)
    append_source (out, cell->used);
  for (guint k = 0; k < cell->observations->len; k++)
    {
      const FzObservation *obs = g_ptr_array_index (cell->observations, k);

      if (obs == cell->used)
        continue;
      if (k > 0 || cell->used != NULL)
        g_string_append_c (out, ';');
      append_source (out, obs);
    }
}

void
fz_index_result_write_tsv (FzIndexResult *result,
                           GString       *out)
{
  g_return_if_fail (result != NULL);
  g_return_if_fail (out != NULL);

  g_string_append_printf (out, "# period: %s; normalisation: %s; level: %s\n",
                          result->period,
                          normalisation_names[result->opts.normalisation],
                          result->opts.level == FZ_REGION_LEVEL_UNKNOWN ?
                          "any" : fz_region_level_to_string (result->opts.level));
  for (guint k = 0; k < result->compared->len; k++)
    g_string_append_printf (out, "# compared: %s\n",
                            (const char *) g_ptr_array_index (result->compared, k));
  for (guint k = 0; k + 1 < result->warnings->len; k++)
    g_string_append_printf (out, "# warning: %s\n",
                            (const char *) g_ptr_array_index (result->warnings, k));

  g_string_append (out, "region\tcode\tlevel\tcoverage");
  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    g_string_append_printf (out, "\t%s", dimension_names[d]);
  g_string_append (out, "\toverall\trank");
  for (guint k = 0; k < result->columns->len; k++)
    {
      const char *id = g_ptr_array_index (result->columns, k);
      g_string_append_printf (out, "\t%s\t%s:score\t%s:source", id, id, id);
    }
  g_string_append_c (out, '\n');

  for (guint k = 0; k < result->regions->len; k++)
    {
      const FzIndexRegion *r = g_ptr_array_index (result->regions, k);

      append_field (out, r->name);
      g_string_append_c (out, '\t');
      if (r->code != 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, r->code);
      g_string_append_printf (out, "\t%s\t%u/%u", fz_region_level_to_string (r->level),
                              r->n_scored, result->n_indicators);
      for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
        {
          g_string_append_c (out, '\t');
          if (r->has_dimension[d])
            append_number (out, r->dimension[d], TRUE);
        }
      g_string_append_c (out, '\t');
      if (r->has_overall)
        append_number (out, r->overall, TRUE);
      else
        g_string_append (out, "insufficient data");
      g_string_append_c (out, '\t');
      if (r->rank > 0)
        g_string_append_printf (out, "%u", r->rank);
      for (guint m = 0; m < result->columns->len; m++)
        append_cell (out, fz_index_region_get_cell (r, g_ptr_array_index (result->columns, m)));
      g_string_append_c (out, '\n');
    }
}

/* ---------------------------------------------------------------- series */

typedef struct
{
  const FzObservation *first;
  FzValueKind          kind;
  const char          *unit;
  GPtrArray           *cells;   /* per period: GPtrArray of const FzObservation *, or NULL */
} SeriesRow;

static void
clear_list (gpointer list)
{
  /* A period without a value leaves the slot NULL. */
  if (list != NULL)
    g_ptr_array_unref (list);
}

static void
series_row_free (SeriesRow *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static gint
series_row_order (gconstpointer a,
                  gconstpointer b)
{
  const SeriesRow *ra = *(const SeriesRow * const *) a;
  const SeriesRow *rb = *(const SeriesRow * const *) b;
  gint cmp = g_strcmp0 (ra->first->region, rb->first->region);

  if (cmp == 0 && ra->first->region_code != rb->first->region_code)
    cmp = ra->first->region_code < rb->first->region_code ? -1 : 1;
  if (cmp == 0 && ra->kind != rb->kind)
    cmp = ra->kind < rb->kind ? -1 : 1;
  if (cmp == 0)
    cmp = g_strcmp0 (ra->unit, rb->unit);
  return cmp;
}

typedef struct
{
  const char *text;
  FzObservationPeriod period;
} SeriesPeriod;

static gint
series_period_order (gconstpointer a,
                     gconstpointer b)
{
  const SeriesPeriod *pa = a;
  const SeriesPeriod *pb = b;
  gint cmp = fz_observation_period_compare (&pa->period, &pb->period);

  return cmp != 0 ? cmp : g_strcmp0 (pa->text, pb->text);
}

static void
append_series_cell (GString   *out,
                    GPtrArray *list)
{
  const FzObservation *used = NULL;

  g_string_append_c (out, '\t');
  if (list != NULL)
    {
      /* The same cell rule as the index: exact over 余/约/不足, then the later report. */
      for (guint k = 0; k < list->len; k++)
        {
          const FzObservation *obs = g_ptr_array_index (list, k);
          if (used == NULL || obs->qualifier == FZ_QUALIFIER_EXACT ||
              used->qualifier != FZ_QUALIFIER_EXACT)
            used = obs;
        }
      append_number (out, used->value, FALSE);
    }
  g_string_append_c (out, '\t');
  if (list == NULL)
    return;

  append_source (out, used);
  for (guint k = 0; k < list->len; k++)
    {
      const FzObservation *obs = g_ptr_array_index (list, k);
      if (obs == used)
        continue;
      g_string_append_c (out, ';');
      append_source (out, obs);
    }
}

gboolean
fz_index_write_series_tsv (FzIndex        *self,
                           const char     *indicator_id,
                           FzRegionLevel   level,
                           GString        *out,
                           GError        **error)
{
  g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (SeriesPeriod));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) series_row_free);
  g_autoptr(GHashTable) row_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) period_pos = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean known = FALSE, unknown = FALSE;
  guint unstated = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (lookup_indicator (self, indicator_id, NULL) == NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   "“%s” is not an indicator of the lexicon", indicator_id ? indicator_id : "");
      return FALSE;
    }

  /* First pass: the periods, in time order, so that rows can be laid out. */
  for (guint i = 0; i < self->observations->len; i++)
    {
      const FzObservation *obs = g_ptr_array_index (self->observations, i);
      const FzObservationPeriod *p = period_at (self, i);
      SeriesPeriod sp;

      if (!g_str_equal (obs->indicator, indicator_id) ||
          (level != FZ_REGION_LEVEL_UNKNOWN && obs->level != level))
        continue;
      if (!p->stated)
        {
          unstated++;
          continue;
        }
      if (fz_observation_period_has_unknown_year (p))
        unknown = TRUE;
      else
        known = TRUE;
      if (g_hash_table_contains (period_pos, obs->period))
        continue;
      sp.text = obs->period;
      sp.period = *p;
      g_array_append_val (periods, sp);
      g_hash_table_add (period_pos, (gpointer) obs->period);
    }
  g_array_sort (periods, series_period_order);
  for (guint k = 0; k < periods->len; k++)
    g_hash_table_insert (period_pos, (gpointer) g_array_index (periods, SeriesPeriod, k).text,
                         GUINT_TO_POINTER (k));

  for (guint i = 0; i < self->observations->len; i++)
    {
      const FzObservation *obs = g_ptr_array_index (self->observations, i);
      g_autofree char *region = NULL;
      g_autofree char *key = NULL;
      SeriesRow *row;
      guint col;

      if (!g_str_equal (obs->indicator, indicator_id) ||
          (level != FZ_REGION_LEVEL_UNKNOWN && obs->level != level) ||
          !period_at (self, i)->stated)
        continue;

      region = region_key (obs);
      key = g_strdup_printf ("%s\t%d\t%s", region, (int) obs->value_kind, obs->unit);
      row = g_hash_table_lookup (row_keys, key);
      if (row == NULL)
        {
          row = g_new0 (SeriesRow, 1);
          row->first = obs;
          row->kind = obs->value_kind;
          row->unit = obs->unit;
          row->cells = g_ptr_array_new_with_free_func (clear_list);
          g_ptr_array_set_size (row->cells, periods->len);
          g_ptr_array_add (rows, row);
          g_hash_table_insert (row_keys, g_steal_pointer (&key), row);
        }
      col = GPOINTER_TO_UINT (g_hash_table_lookup (period_pos, obs->period));
      if (g_ptr_array_index (row->cells, col) == NULL)
        g_ptr_array_index (row->cells, col) = g_ptr_array_new ();
      g_ptr_array_add (g_ptr_array_index (row->cells, col), (gpointer) obs);
    }
  g_ptr_array_sort (rows, series_row_order);

  g_string_append_printf (out, "# indicator: %s; level: %s\n", indicator_id,
                          level == FZ_REGION_LEVEL_UNKNOWN ?
                          "any" : fz_region_level_to_string (level));
  if (known && unknown)
    g_string_append (out, "# warning: periods of a known year and of a year not known (Y or PY) "
                          "stand side by side\n");
  if (unstated > 0)
    g_string_append_printf (out, "# left out: %u observations that state no period\n", unstated);

  g_string_append (out, "region\tcode\tlevel\tkind\tunit");
  for (guint k = 0; k < periods->len; k++)
    {
      const char *p = g_array_index (periods, SeriesPeriod, k).text;
      g_string_append_printf (out, "\t%s\t%s:source", p, p);
    }
  g_string_append_c (out, '\n');

  for (guint r = 0; r < rows->len; r++)
    {
      const SeriesRow *row = g_ptr_array_index (rows, r);

      append_field (out, row->first->region);
      g_string_append_c (out, '\t');
      if (row->first->region_code != 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, row->first->region_code);
      g_string_append_printf (out, "\t%s\t%s\t", fz_region_level_to_string (row->first->level),
                              fz_value_kind_to_string (row->kind));
      append_field (out, row->unit);
      for (guint k = 0; k < periods->len; k++)
        append_series_cell (out, g_ptr_array_index (row->cells, k));
      g_string_append_c (out, '\n');
    }

  return TRUE;
}
