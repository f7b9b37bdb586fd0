/* fz-summary-writer-index.c: the summary's index part: each region's values, dimension
 * scores, overall score, coverage and rank, each pointing to the figures it came from. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fz-summary-writer-private.h"

static const struct
{
  FzCellFlags  flag;
  const char  *name;
} cell_flags[] = {
  { FZ_CELL_COMPARED, "compared" },
  { FZ_CELL_PERIOD_UNSTATED, "period-unstated" },
  { FZ_CELL_UNKNOWN_YEAR, "unknown-year" },
  { FZ_CELL_NOT_COMPARABLE, "not-comparable" },
  { FZ_CELL_NO_SPREAD, "no-spread" },
  { FZ_CELL_SEVERAL, "several" },
};

static char *
flags_string (FzCellFlags flags)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cell_flags); i++)
    if (flags & cell_flags[i].flag)
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, cell_flags[i].name);
      }
  return g_string_free (out, FALSE);
}

/* The figures behind the compared values of @region, of @dimension only when it is
 * not FZ_N_DIMENSIONS. */
static char *
used_figures (FzSummaryWriter     *self,
              const FzIndexRegion *region,
              FzDimension          dimension)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; region->cells != NULL && i < region->cells->len; i++)
    {
      const FzIndexCell *cell = g_ptr_array_index (region->cells, i);

      if (cell->used == NULL || !cell->has_score)
        continue;
      if (dimension != FZ_N_DIMENSIONS && cell->dimension != dimension)
        continue;
      _fz_summary_figure_ids (self, cell->used, out);
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_cell (FzSummaryWriter   *self,
            const FzIndexCell *cell,
            GError           **error)
{
  g_autofree char *flags = flags_string (cell->flags);
  g_autoptr(GString) used = g_string_new (NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  const FzObservation *obs = cell->used;

  if (obs != NULL)
    _fz_summary_figure_ids (self, obs, used);
  for (guint i = 0; cell->observations != NULL && i < cell->observations->len; i++)
    _fz_summary_figure_ids (self, g_ptr_array_index (cell->observations, i), all);
  return _fz_summary_start (self, "value", error) &&
         _fz_summary_attr (self, "indicator", cell->indicator, error) &&
         _fz_summary_attr (self, "dimension", fz_dimension_to_string (cell->dimension), error) &&
         _fz_summary_attr (self, "flags", flags, error) &&
         (obs == NULL ||
          (_fz_summary_attr (self, "value-kind", fz_value_kind_to_string (obs->value_kind),
                             error) &&
           _fz_summary_attr_double (self, "value", NULL, obs->value, error) &&
           _fz_summary_attr (self, "unit", obs->unit, error) &&
           _fz_summary_attr (self, "period", obs->period, error))) &&
         (!cell->has_score || _fz_summary_attr_double (self, "score", "%.2f", cell->score,
                                                       error)) &&
         _fz_summary_attr (self, "figures", used->str, error) &&
         _fz_summary_attr (self, "observations", all->str, error) &&
         _fz_summary_end (self, error);
}

static gboolean
write_dimensions (FzSummaryWriter     *self,
                  const FzIndexRegion *region,
                  GError             **error)
{
  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    {
      g_autofree char *figures = NULL;

      if (!region->has_dimension[d])
        continue;
      figures = used_figures (self, region, d);
      if (!_fz_summary_start (self, "dimension", error) ||
          !_fz_summary_attr (self, "name", fz_dimension_to_string (d), error) ||
          !_fz_summary_attr_double (self, "score", "%.2f", region->dimension[d], error) ||
          !_fz_summary_attr (self, "figures", figures, error) ||
          !_fz_summary_end (self, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_region (FzSummaryWriter     *self,
              const FzIndexRegion *region,
              GError             **error)
{
  g_autofree char *figures = used_figures (self, region, FZ_N_DIMENSIONS);

  if (!_fz_summary_start (self, "region", error) ||
      !_fz_summary_attr (self, "name", region->name, error) ||
      !_fz_summary_attr_code (self, "code", region->code, error) ||
      !_fz_summary_attr (self, "level", fz_region_level_to_string (region->level), error) ||
      (region->rank > 0 && !_fz_summary_attr_int (self, "rank", region->rank, error)) ||
      (region->has_overall &&
       !_fz_summary_attr_double (self, "overall", "%.2f", region->overall, error)) ||
      !_fz_summary_attr_double (self, "coverage", "%.4f", region->coverage, error) ||
      !_fz_summary_attr_int (self, "scored", region->n_scored, error) ||
      !_fz_summary_attr_int (self, "with-data", region->n_with_data, error) ||
      !_fz_summary_attr (self, "figures", figures, error) ||
      !write_dimensions (self, region, error))
    return FALSE;
  for (guint i = 0; region->cells != NULL && i < region->cells->len; i++)
    if (!write_cell (self, g_ptr_array_index (region->cells, i), error))
      return FALSE;
  return _fz_summary_end (self, error);
}

gboolean
_fz_summary_write_index (FzSummaryWriter *self,
                         FzIndexResult   *result,
                         GError         **error)
{
  const char * const *warnings;

  if (!_fz_summary_start (self, "index", error))
    return FALSE;
  if (result != NULL)
    {
      if (fz_index_result_get_mixed_years (result) &&
          !_fz_summary_attr (self, "mixed-years", "true", error))
        return FALSE;
      for (guint i = 0; i < fz_index_result_get_n_regions (result); i++)
        if (!write_region (self, fz_index_result_get_region (result, i), error))
          return FALSE;
      warnings = fz_index_result_get_warnings (result);
      for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
        if (!_fz_summary_text (self, "warning", warnings[i], -1, error))
          return FALSE;
    }
  return _fz_summary_end (self, error);
}
