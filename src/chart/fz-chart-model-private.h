/* fz-chart-model-private.h: helpers shared by the builders of chart models from the index. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-chart-model-index.h"

G_BEGIN_DECLS

gboolean      _fz_chart_spec_takes_region  (const FzChartSpec *spec,
                                            const char        *name,
                                            const char        *label);
const char   *_fz_chart_indicator_name     (const FzChartSpec *spec,
                                            const char        *id);
void          _fz_chart_add_observation    (FzChartValue        *value,
                                            const FzObservation *obs);
void          _fz_chart_add_cell_sources   (FzChartValue      *value,
                                            const FzIndexCell *cell);
/* Region → label for the regions of @result whose name another region shares: the name
 * with the city (or county, province) it lies in, from the index's gazetteer. */
GHashTable   *_fz_chart_region_labels      (FzIndex           *index,
                                            FzIndexResult     *result,
                                            gboolean           zh);
/* The region's label, or its name when no other region has it. */
const char   *_fz_chart_region_label       (GHashTable          *labels,
                                            const FzIndexRegion *region);
FzChartModel *_fz_chart_model_new_trend    (FzIndex           *index,
                                            const FzChartSpec *spec,
                                            GError           **error);

G_END_DECLS
