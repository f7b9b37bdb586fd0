/* fz-chart-export.h: a chart into a PNG, SVG or PDF file, by the same render function. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-chart-model.h"
#include "fz-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  FZ_CHART_FORMAT_PNG,
  FZ_CHART_FORMAT_SVG,
  FZ_CHART_FORMAT_PDF
} FzChartFormat;

/* From the name's extension (.png, .svg, .pdf, any case); FALSE for any other. */
gboolean fz_chart_format_from_path (const char         *path,
                                    FzChartFormat      *format);
/* @width and @height in pixels (PNG, SVG) or points (PDF). */
gboolean fz_chart_export           (FzChartModel       *model,
                                    const FzChartStyle *style,
                                    const char         *path,
                                    double              width,
                                    double              height,
                                    GError            **error);

G_END_DECLS
