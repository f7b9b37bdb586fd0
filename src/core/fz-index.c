/* fz-index.c: the region x indicator table: indicators, observations, options, result access. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-index.h"

#include "fz-error.h"
#include "fz-index-private.h"

#include <math.h>
#include <string.h>

/* ---------------------------------------------------------------- helpers */

const char *
fz_dimension_to_string (FzDimension dimension)
{
  return fz_enum_to_string (FZ_TYPE_DIMENSION, dimension);
}

gboolean
fz_dimension_from_string (const char  *str,
                          FzDimension *dimension)
{
  int v;

  g_return_val_if_fail (dimension != NULL, FALSE);
  if (!fz_enum_from_string (FZ_TYPE_DIMENSION, str, &v))
    return FALSE;
  *dimension = v;
  return TRUE;
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

char *
_fz_index_region_key (const FzObservation *obs)
{
  if (obs->region_code != 0)
    return g_strdup_printf ("c%" G_GINT64_FORMAT, obs->region_code);
  return g_strdup_printf ("n%d:%s", (int) obs->level, obs->region);
}

/* ---------------------------------------------------------------- index */

FzIndex *
fz_index_new (void)
{
  FzIndex *self = g_new0 (FzIndex, 1);

  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->observations = g_ptr_array_new ();
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->periods = g_array_new (FALSE, TRUE, sizeof (FzPeriod));

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
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->gazetteer, fz_gazetteer_unref);
  g_free (self);
}

void
fz_index_set_gazetteer (FzIndex     *self,
                        FzGazetteer *gazetteer)
{
  g_return_if_fail (self != NULL);

  if (self->gazetteer == gazetteer)
    return;
  g_clear_pointer (&self->gazetteer, fz_gazetteer_unref);
  self->gazetteer = gazetteer != NULL ? fz_gazetteer_ref (gazetteer) : NULL;
}

FzGazetteer *
fz_index_get_gazetteer (FzIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->gazetteer;
}

const Indicator *
_fz_index_lookup_indicator (FzIndex    *self,
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
  if (_fz_index_lookup_indicator (self, id, NULL) != NULL)
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

static gboolean
observation_check (FzIndex              *self,
                   const FzObservation  *obs,
                   GError              **error)
{
  if (_fz_index_lookup_indicator (self, obs->indicator, NULL) == NULL)
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
  return TRUE;
}

/* Observations are kept in large blocks, one after the other: an archive's hundred thousand
 * would otherwise be as many allocations, living on among the short-lived ones of the pages
 * being read, which then find the allocator's free memory cut into pieces. */
#define BLOCK_SIZE (256 * 1024)

static FzObservation *
store (FzIndex             *self,
       const FzObservation *obs)
{
  const FzObservation *prev = self->observations->len > 0
    ? g_ptr_array_index (self->observations, self->observations->len - 1) : NULL;
  guint repeats = _fz_observation_repeats (obs, prev);
  gsize size = _fz_observation_size (obs, repeats);
  FzObservation *copy;

  size = (size + 15) & ~(gsize) 15;
  if (size > self->block_left)
    {
      gsize block = MAX (size, BLOCK_SIZE);

      self->block_at = g_malloc (block);
      self->block_left = block;
      g_ptr_array_add (self->blocks, self->block_at);
    }
  copy = _fz_observation_copy_to (obs, prev, repeats, self->block_at);
  self->block_at += size;
  self->block_left -= size;
  return copy;
}

gboolean
fz_index_add_observation (FzIndex              *self,
                          const FzObservation  *obs,
                          GError              **error)
{
  FzPeriod period;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (obs != NULL, FALSE);

  if (!observation_check (self, obs, error) ||
      !fz_period_parse (obs->period, -1, &period, error))
    return FALSE;

  g_ptr_array_add (self->observations, store (self, obs));
  g_array_append_val (self->periods, period);

  return TRUE;
}

guint
fz_index_get_n_observations (FzIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->observations->len;
}

/* ---------------------------------------------------------------- result */

void
fz_index_result_free (FzIndexResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->regions, g_ptr_array_unref);
  g_clear_pointer (&result->observations, g_ptr_array_unref);
  g_clear_pointer (&result->blocks, g_ptr_array_unref);
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
