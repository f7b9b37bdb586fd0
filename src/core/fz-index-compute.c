/* fz-index-compute.c: the compute pass: gathers observations, picks what each indicator uses. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index-private.h"

#include "fz-error.h"

#include <math.h>

/* Rates and changes compare regions of different sizes better than raw levels. */
static const guint kind_preference[FZ_N_VALUE_KINDS] = {
  [FZ_VALUE_RATE] = 0,
  [FZ_VALUE_SHARE] = 1,
  [FZ_VALUE_YOY] = 2,
  [FZ_VALUE_MOM] = 3,
  [FZ_VALUE_SCORE] = 4,
  [FZ_VALUE_LEVEL] = 5,
};

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
                       "The weight of %s must be a number of 0 or more",
                       fz_dimension_to_string (d));
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

/* ---------------------------------------------------------------- collect */

/* A new region, with an empty observation list per indicator; returns its position. */
static guint
add_region (Compute             *c,
            const FzObservation *obs)
{
  FzIndexRegion *r = g_new0 (FzIndexRegion, 1);
  GPtrArray *per;

  r->name = g_strdup (obs->region);
  r->code = obs->region_code;
  r->level = obs->level;
  r->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  g_ptr_array_add (c->regions, r);

  per = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint j = 0; j < c->self->indicators->len; j++)
    g_ptr_array_add (per, g_array_new (FALSE, FALSE, sizeof (guint)));
  g_ptr_array_add (c->lists, per);

  return c->regions->len - 1;
}

static void
collect (Compute *c)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < c->self->observations->len; i++)
    {
      const FzObservation *obs = g_ptr_array_index (c->self->observations, i);
      const FzPeriod *p = _fz_index_period_at (c->self, i);
      Fit fit = _fz_index_selection_fit (&c->sel, p);
      g_autofree char *key = NULL;
      gpointer pos;
      GPtrArray *per;
      guint ind = 0;

      g_array_append_val (c->sel_fit, fit);
      if (fit == FIT_NO)
        continue;
      if (c->opts->level != FZ_REGION_LEVEL_UNKNOWN && obs->level != c->opts->level)
        continue;

      key = _fz_index_region_key (obs);
      if (!g_hash_table_lookup_extended (keys, key, NULL, &pos))
        {
          pos = GUINT_TO_POINTER (add_region (c, obs));
          g_hash_table_insert (keys, g_steal_pointer (&key), pos);
        }

      per = g_ptr_array_index (c->lists, GPOINTER_TO_UINT (pos));
      _fz_index_lookup_indicator (c->self, obs->indicator, &ind);
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

/* ---------------------------------------------------------------- candidates */

static Fit
obs_fit (Compute        *c,
         FzValueKind     kind,
         const FzPeriod *ref,
         guint           i)
{
  const FzObservation *obs = g_ptr_array_index (c->self->observations, i);
  Fit fit;

  if (obs->value_kind != kind)
    return FIT_NO;
  fit = _fz_index_period_fit (ref, _fz_index_period_at (c->self, i));
  return MIN (fit, g_array_index (c->sel_fit, Fit, i));
}

static gboolean
candidate_better (Compute         *c,
                  const Candidate *a,
                  const Candidate *b)
{
  const FzPeriod *pa = _fz_index_period_at (c->self, a->obs);
  const FzPeriod *pb = _fz_index_period_at (c->self, b->obs);
  gint cmp;

  if ((a->n_regions >= 2) != (b->n_regions >= 2))
    return a->n_regions >= 2;
  if (kind_preference[a->kind] != kind_preference[b->kind])
    return kind_preference[a->kind] < kind_preference[b->kind];
  if (a->n_regions != b->n_regions)
    return a->n_regions > b->n_regions;
  if (fz_period_is_empty (pa) != fz_period_is_empty (pb))
    return !fz_period_is_empty (pa);
  if (fz_period_has_unknown_year (pa) != fz_period_has_unknown_year (pb))
    return !fz_period_has_unknown_year (pa);
  cmp = fz_period_compare_latest (pa, pb);
  if (cmp != 0)
    return cmp > 0;
  return FALSE;
}

/* The regions with at least one observation that fits @cand. */
static guint
count_regions (Compute         *c,
               guint            ind,
               const Candidate *cand)
{
  const FzPeriod *ref = _fz_index_period_at (c->self, cand->obs);
  guint n = 0;

  for (guint r = 0; r < c->regions->len; r++)
    {
      GArray *list = obs_list (c, r, ind);

      for (guint k = 0; k < list->len; k++)
        {
          if (obs_fit (c, cand->kind, ref, g_array_index (list, guint, k)) != FIT_NO)
            {
              n++;
              break;
            }
        }
    }
  return n;
}

/* A candidate's count of regions depends only on its kind and period, which the observations
 * of an archive share by the thousand: counted once for each, not once for each observation
 * (that was quadratic in them). */
typedef struct
{
  guint64 start;
  guint64 end;   /* the period's end, and the value kind above it */
} CountKey;

static guint64
pack_end (const FzPeriodEnd *e)
{
  return (guint64) e->year_kind | ((guint64) e->month << 8) | ((guint64) e->day << 16) |
         ((guint64) e->year << 24);
}

static guint
count_key_hash (gconstpointer p)
{
  const CountKey *k = p;
  guint64 h = k->start * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ k->end;

  return (guint) (h ^ (h >> 32));
}

static gboolean
count_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const CountKey *x = a, *y = b;

  return x->start == y->start && x->end == y->end;
}

static guint
count_regions_once (Compute         *c,
                    GHashTable      *counted,
                    guint            ind,
                    const Candidate *cand)
{
  const FzPeriod *ref = _fz_index_period_at (c->self, cand->obs);
  CountKey key = { pack_end (&ref->start), pack_end (&ref->end) | ((guint64) cand->kind << 40) };
  gpointer found = g_hash_table_lookup (counted, &key);
  guint n;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  n = count_regions (c, ind, cand);
  g_hash_table_insert (counted, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (n + 1));
  return n;
}

/* Picks the value kind and period that most regions can be compared over. */
static gboolean
choose_candidate (Compute   *c,
                  guint      ind,
                  Candidate *best)
{
  g_autoptr(GHashTable) counted = g_hash_table_new_full (count_key_hash, count_key_equal,
                                                         g_free, NULL);
  gboolean found = FALSE;

  for (guint r = 0; r < c->regions->len; r++)
    {
      GArray *list = obs_list (c, r, ind);

      for (guint k = 0; k < list->len; k++)
        {
          guint i = g_array_index (list, guint, k);
          const FzObservation *obs = g_ptr_array_index (c->self->observations, i);
          Candidate cand = { obs->value_kind, i, 0 };

          cand.n_regions = count_regions_once (c, counted, ind, &cand);
          if (!found || candidate_better (c, &cand, best))
            *best = cand;
          found = TRUE;
        }
    }

  return found;
}

/* ---------------------------------------------------------------- cells */

/* Exact figures win over 余/约/不足; among equals the one added last (the later report). */
gboolean
_fz_index_observation_preferred (const FzObservation *obs,
                                 const FzObservation *used)
{
  return used == NULL || obs->qualifier == FZ_QUALIFIER_EXACT ||
         used->qualifier != FZ_QUALIFIER_EXACT;
}

/* The cell rule: the best fit to the comparison's period, then an exact
 * figure over 余/约/不足, then the observation added last (the later report). */
static void
fill_cell (Compute         *c,
           FzIndexCell     *cell,
           GArray          *list,
           const Candidate *cand)
{
  const FzPeriod *ref = _fz_index_period_at (c->self, cand->obs);
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
          (fit == best_fit && _fz_index_observation_preferred (obs, cell->used)))
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

  _fz_index_describe_comparison (c, ind, &cand, compared);
  _fz_index_normalise (c, ind, &cand, compared);
}

/* ---------------------------------------------------------------- pass */

static FzIndexResult *
result_new (FzIndex              *self,
            const FzIndexOptions *opts)
{
  FzIndexResult *result = g_new0 (FzIndexResult, 1);

  result->observations = g_ptr_array_ref (self->observations);
  result->blocks = g_ptr_array_ref (self->blocks);
  result->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) region_free);
  result->compared = g_ptr_array_new_with_free_func (g_free);
  result->columns = g_ptr_array_new_with_free_func (g_free);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  result->n_indicators = self->indicators->len;
  result->period = g_strdup (opts->period ? opts->period : "all");
  result->opts = *opts;
  result->opts.period = result->period;

  return result;
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
  if (!options_check (opts, error) || !_fz_index_selection_parse (opts->period, &c.sel, error))
    return NULL;

  result = result_new (self, opts);
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
    _fz_index_aggregate (&c, g_ptr_array_index (result->regions, r));

  /* The lists are indexed like the regions, so rank only after they go. */
  g_ptr_array_unref (c.lists);
  g_array_unref (c.sel_fit);
  g_clear_pointer (&c.obs_position, g_hash_table_unref);
  _fz_index_rank (result->regions);
  g_ptr_array_add (result->warnings, NULL);

  return result;
}
