/* fz-chart-scale.h: maps values onto 0..1 with readable tick marks, for every chart. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double min;
  double max;
  double step;       /* distance between ticks */
  guint  n_ticks;
  gboolean degenerate; /* all values equal or none: drawn as a flat line, not a division by zero */
} FzChartScale;

void   fz_chart_scale_init  (FzChartScale *scale,
                             const double *values,
                             guint         n_values,
                             guint         max_ticks);
double fz_chart_scale_map   (const FzChartScale *scale,
                             double        value);
double fz_chart_scale_tick  (const FzChartScale *scale,
                             guint         i);

G_END_DECLS
