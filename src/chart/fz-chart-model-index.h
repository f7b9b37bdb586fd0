/* fz-chart-model-index.h: chart models built from the index's region table and its series. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-chart-model.h"
#include "fz-index.h"
#include "fz-lexicon.h"

G_BEGIN_DECLS

typedef struct
{
  FzChartType         type;
  /* bar: an indicator id or a dimension (strike…), NULL for the overall index;
   * trend: the indicator (required); grouped, radar, heatmap: unused */
  const char         *indicator;
  const char         *lang;        /* "zh" or "en" */
  FzLexicon          *lexicon;     /* indicator names and order; may be NULL */
  const char * const *regions;     /* only these regions (NULL-terminated), or NULL for all */
  guint               max_regions; /* 0: no limit (trend: 12 unless regions are chosen);
                                    * a radar shows at most 6 */
  FzRegionLevel       level;       /* trend: the level of the regions followed */
} FzChartSpec;

void          fz_chart_spec_init              (FzChartSpec    *spec,
                                               FzChartType     type);
/* @result is the index computed for the chosen period, level and method (bars, radar,
 * heatmap); @index gives the series for a trend. The model copies what it needs. */
FzChartModel *fz_chart_model_new_from_index   (FzIndex           *index,
                                               FzIndexResult     *result,
                                               const FzChartSpec *spec,
                                               GError           **error);

/* The label of each region of @result, in its order: its name, or, when another region has
 * the same name, the name with the city (or county, province) it lies in, as the charts
 * write it; a chart's spec accepts either. */
GStrv         fz_chart_region_labels          (FzIndex           *index,
                                               FzIndexResult     *result,
                                               gboolean           zh);

G_END_DECLS
