/* fz-chart-scale.c: "nice" axis bounds and ticks (1, 2, 5 × 10^n steps). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-scale.h"

#include <math.h>

static double
nice_step (double span,
           guint  max_ticks)
{
  double raw = span / MAX (1, max_ticks - 1);
  double magnitude = pow (10, floor (log10 (raw)));
  double residual = raw / magnitude;

  if (residual > 5)
    return 10 * magnitude;
  if (residual > 2)
    return 5 * magnitude;
  if (residual > 1)
    return 2 * magnitude;
  return magnitude;
}

void
fz_chart_scale_init (FzChartScale *scale,
                     const double *values,
                     guint         n_values,
                     guint         max_ticks)
{
  double lo = INFINITY, hi = -INFINITY;

  g_return_if_fail (scale != NULL);
  g_return_if_fail (max_ticks >= 2);

  for (guint i = 0; i < n_values; i++)
    if (isfinite (values[i]))
      {
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
      }

  if (!isfinite (lo))
    lo = hi = 0;
  /* Bars start at zero so their lengths compare honestly. */
  lo = MIN (lo, 0);
  hi = MAX (hi, 0);

  scale->degenerate = (hi == lo);
  if (scale->degenerate)
    hi = lo + 1;

  scale->step = nice_step (hi - lo, max_ticks);
  scale->min = floor (lo / scale->step) * scale->step;
  scale->max = ceil (hi / scale->step) * scale->step;
  scale->n_ticks = (guint) llround ((scale->max - scale->min) / scale->step) + 1;
}

double
fz_chart_scale_map (const FzChartScale *scale,
                    double              value)
{
  g_return_val_if_fail (scale != NULL, 0);
  return (value - scale->min) / (scale->max - scale->min);
}

double
fz_chart_scale_tick (const FzChartScale *scale,
                     guint               i)
{
  g_return_val_if_fail (scale != NULL, 0);
  return scale->min + i * scale->step;
}
