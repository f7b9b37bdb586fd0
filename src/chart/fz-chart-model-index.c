/* fz-chart-model-index.c: bars, grouped bars, radar and heatmap from the index's region table. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-model-index.h"

#include "fz-chart-format.h"
#include "fz-chart-model-private.h"
#include "fz-error.h"

#define RADAR_MAX 6

void
fz_chart_spec_init (FzChartSpec *spec,
                    FzChartType  type)
{
  g_return_if_fail (spec != NULL);
  *spec = (FzChartSpec) { .type = type, .lang = "en", .level = FZ_REGION_LEVEL_UNKNOWN };
}

/* A chosen region is named by its name (every region of that name) or by its label. */
gboolean
_fz_chart_spec_takes_region (const FzChartSpec *spec,
                             const char        *name,
                             const char        *label)
{
  return spec->regions == NULL || g_strv_contains (spec->regions, name) ||
         (label != NULL && g_strv_contains (spec->regions, label));
}

const char *
_fz_chart_indicator_name (const FzChartSpec *spec,
                          const char        *id)
{
  const FzIndicator *ind = spec->lexicon != NULL ? fz_lexicon_lookup (spec->lexicon, id) : NULL;

  if (ind == NULL)
    return id;
  return g_str_has_prefix (spec->lang, "zh") ? ind->name_zh : ind->name_en;
}

void
_fz_chart_add_observation (FzChartValue        *value,
                           const FzObservation *obs)
{
  fz_chart_value_add_source_full (value, obs->document, obs->path, obs->start, obs->end,
                                  obs->text);
}

/* The compared observation first, then the others of the cell: every figure behind it. */
void
_fz_chart_add_cell_sources (FzChartValue      *value,
                            const FzIndexCell *cell)
{
  if (cell->used != NULL)
    _fz_chart_add_observation (value, cell->used);
  for (guint k = 0; k < cell->observations->len; k++)
    {
      const FzObservation *obs = g_ptr_array_index (cell->observations, k);
      if (obs == cell->used)
        continue;
      _fz_chart_add_observation (value, obs);
    }
}

/* A score built from several cells: their compared figures, and approximate if one is. */
static void
set_score (FzChartModel        *model,
           guint                series,
           guint                category,
           double               score,
           const FzIndexRegion *region,
           gint                 dimension)
{
  FzChartValue *value = fz_chart_model_set_value (model, series, category, score, 0);

  for (guint k = 0; k < region->cells->len; k++)
    {
      const FzIndexCell *cell = g_ptr_array_index (region->cells, k);

      if (cell->used == NULL || !cell->has_score ||
          (dimension >= 0 && cell->dimension != (FzDimension) dimension))
        continue;
      if (cell->used->qualifier != FZ_QUALIFIER_EXACT && value->qualifier == 0)
        value->qualifier = FZ_QUALIFIER_ABOUT;
      _fz_chart_add_observation (value, cell->used);
    }
}

static GPtrArray *
chosen_regions (FzIndexResult     *result,
                const FzChartSpec *spec,
                GHashTable        *labels,
                guint              limit)
{
  GPtrArray *regions = g_ptr_array_new ();

  for (guint i = 0; i < fz_index_result_get_n_regions (result); i++)
    {
      const FzIndexRegion *r = fz_index_result_get_region (result, i);

      if (limit > 0 && regions->len >= limit)
        break;
      if (_fz_chart_spec_takes_region (spec, r->name, _fz_chart_region_label (labels, r)))
        g_ptr_array_add (regions, (gpointer) r);
    }
  return regions;
}

static void
fill_indicator_bar (FzChartModel        *model,
                    const FzIndexRegion *r,
                    guint                c,
                    const char          *indicator)
{
  const FzIndexCell *cell = fz_index_region_get_cell (r, indicator);
  FzChartValue *value;

  if (cell == NULL || cell->used == NULL)
    return;
  if (fz_chart_model_get_unit (model) == NULL)
    fz_chart_model_set_unit (model, cell->used->unit);
  value = fz_chart_model_set_value (model, 0, c, cell->used->value, cell->used->qualifier);
  _fz_chart_add_cell_sources (value, cell);
}

static char *
bar_title (const FzChartSpec *spec,
           gboolean           zh,
           gint               dimension)
{
  if (spec->indicator == NULL)
    return g_strdup (fz_chart_text (zh, FZ_CHART_TEXT_OVERALL));
  if (dimension >= 0)
    return g_strdup_printf ("%s%s%s", fz_chart_dimension_name (zh, dimension), zh ? "" : " ",
                            fz_chart_text (zh, FZ_CHART_TEXT_SCORE));
  return g_strdup (_fz_chart_indicator_name (spec, spec->indicator));
}

static FzChartModel *
new_bar (FzIndex           *index,
         FzIndexResult     *result,
         const FzChartSpec *spec)
{
  FzChartModel *model = fz_chart_model_new (FZ_CHART_BAR, spec->lang);
  g_autoptr(GHashTable) labels = _fz_chart_region_labels (index, result,
                                                          fz_chart_model_is_zh (model));
  g_autoptr(GPtrArray) regions = chosen_regions (result, spec, labels, spec->max_regions);
  FzDimension dim;
  gint dimension = fz_dimension_from_string (spec->indicator, &dim) ? (gint) dim : -1;
  g_autofree char *title = bar_title (spec, fz_chart_model_is_zh (model), dimension);
  guint n_indicators = index != NULL ? fz_index_get_n_indicators (index) : 0;

  fz_chart_model_set_title (model, title);
  fz_chart_model_add_series (model, title);
  if (spec->indicator == NULL || dimension >= 0)
    fz_chart_model_set_range (model, 0, 100);
  for (guint i = 0; i < regions->len; i++)
    {
      const FzIndexRegion *r = g_ptr_array_index (regions, i);
      g_autofree char *note = n_indicators > 0 ?
        g_strdup_printf ("%u/%u", r->n_scored, n_indicators) : NULL;
      guint c = fz_chart_model_add_category (model, _fz_chart_region_label (labels, r), note);

      if (spec->indicator == NULL && r->has_overall)
        set_score (model, 0, c, r->overall, r, -1);
      else if (dimension >= 0 && r->has_dimension[dimension])
        set_score (model, 0, c, r->dimension[dimension], r, dimension);
      else if (spec->indicator != NULL && dimension < 0)
        fill_indicator_bar (model, r, c, spec->indicator);
    }
  fz_chart_model_sort_ranked (model);
  return model;
}

/* Grouped bars (regions × dimensions) and the radar (dimensions × regions). */
static FzChartModel *
new_dimensions (FzIndex           *index,
                FzIndexResult     *result,
                const FzChartSpec *spec)
{
  gboolean radar = spec->type == FZ_CHART_RADAR;
  guint limit = radar ? MIN (spec->max_regions ? spec->max_regions : RADAR_MAX, RADAR_MAX)
                      : spec->max_regions;
  FzChartModel *model = fz_chart_model_new (spec->type, spec->lang);
  g_autoptr(GHashTable) labels = _fz_chart_region_labels (index, result,
                                                          fz_chart_model_is_zh (model));
  g_autoptr(GPtrArray) regions = chosen_regions (result, spec, labels, limit);
  gboolean zh = fz_chart_model_is_zh (model);

  fz_chart_model_set_title (model, fz_chart_text (zh, FZ_CHART_TEXT_DIMENSIONS));
  fz_chart_model_set_range (model, 0, 100);
  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    radar ? fz_chart_model_add_category (model, fz_chart_dimension_name (zh, d), NULL)
          : fz_chart_model_add_series (model, fz_chart_dimension_name (zh, d));
  for (guint i = 0; i < regions->len; i++)
    {
      const FzIndexRegion *r = g_ptr_array_index (regions, i);
      const char *label = _fz_chart_region_label (labels, r);
      guint k = radar ? fz_chart_model_add_series (model, label)
                      : fz_chart_model_add_category (model, label, NULL);

      for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
        if (r->has_dimension[d])
          set_score (model, radar ? k : d, radar ? d : k, r->dimension[d], r, d);
    }
  return model;
}

static gint
lexicon_order (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  FzLexicon *lexicon = user_data;
  const char *ia = *(const char * const *) a, *ib = *(const char * const *) b;

  return fz_lexicon_find (lexicon, ia) - fz_lexicon_find (lexicon, ib);
}

/* The indicators with data in any chosen region, in lexicon order. */
static GPtrArray *
heatmap_columns (GPtrArray         *regions,
                 const FzChartSpec *spec)
{
  GPtrArray *ids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < regions->len; i++)
    {
      const FzIndexRegion *r = g_ptr_array_index (regions, i);
      for (guint k = 0; k < r->cells->len; k++)
        {
          const FzIndexCell *cell = g_ptr_array_index (r->cells, k);
          if (g_hash_table_add (seen, (gpointer) cell->indicator))
            g_ptr_array_add (ids, (gpointer) cell->indicator);
        }
    }
  if (spec->lexicon != NULL)
    g_ptr_array_sort_with_data (ids, lexicon_order, spec->lexicon);
  return ids;
}

static FzChartModel *
new_heatmap (FzIndex           *index,
             FzIndexResult     *result,
             const FzChartSpec *spec)
{
  FzChartModel *model = fz_chart_model_new (FZ_CHART_HEATMAP, spec->lang);
  g_autoptr(GHashTable) labels = _fz_chart_region_labels (index, result,
                                                          fz_chart_model_is_zh (model));
  g_autoptr(GPtrArray) regions = chosen_regions (result, spec, labels, spec->max_regions);
  g_autoptr(GPtrArray) ids = heatmap_columns (regions, spec);

  fz_chart_model_set_title (model, fz_chart_model_is_zh (model) ? "各指标得分" : "Indicator scores");
  for (guint k = 0; k < ids->len; k++)
    fz_chart_model_add_series (model, _fz_chart_indicator_name (spec, ids->pdata[k]));
  for (guint i = 0; i < regions->len; i++)
    {
      const FzIndexRegion *r = g_ptr_array_index (regions, i);
      guint c = fz_chart_model_add_category (model, _fz_chart_region_label (labels, r), NULL);

      for (guint k = 0; k < ids->len; k++)
        {
          const FzIndexCell *cell = fz_index_region_get_cell (r, ids->pdata[k]);
          FzChartValue *value;

          if (cell == NULL || cell->used == NULL)
            continue;
          /* All compared regions equal: there is data, only no spread to score it by. */
          if (!cell->has_score && !(cell->flags & FZ_CELL_NO_SPREAD))
            continue;
          value = fz_chart_model_set_value (model, k, c, cell->has_score ? cell->score : 50,
                                            cell->used->qualifier);
          value->no_spread = !cell->has_score;
          _fz_chart_add_cell_sources (value, cell);
        }
    }
  return model;
}

FzChartModel *
fz_chart_model_new_from_index (FzIndex           *index,
                               FzIndexResult     *result,
                               const FzChartSpec *spec,
                               GError           **error)
{
  FzChartSpec local;

  g_return_val_if_fail (spec != NULL, NULL);

  if (g_strcmp0 (spec->indicator, "overall") == 0)
    {
      local = *spec;
      local.indicator = NULL;
      spec = &local;
    }
  if (spec->type == FZ_CHART_TREND)
    return _fz_chart_model_new_trend (index, spec, error);
  if (result == NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, "No index result to chart");
      return NULL;
    }
  if (spec->type == FZ_CHART_BAR && spec->indicator != NULL)
    {
      FzDimension dim;
      if (!fz_dimension_from_string (spec->indicator, &dim) &&
          spec->lexicon != NULL && fz_lexicon_lookup (spec->lexicon, spec->indicator) == NULL)
        {
          g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                       "“%s” is neither an indicator nor a dimension", spec->indicator);
          return NULL;
        }
    }
  switch (spec->type)
    {
    case FZ_CHART_BAR:
      return new_bar (index, result, spec);
    case FZ_CHART_GROUPED:
    case FZ_CHART_RADAR:
      return new_dimensions (index, result, spec);
    case FZ_CHART_HEATMAP:
    default:
      return new_heatmap (index, result, spec);
    }
}
