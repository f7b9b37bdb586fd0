/* fz-chart-format.h: numbers and the few words a chart prints, in Chinese or English. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The chart's own words. They follow the chart's language, not the interface's, so that an
 * English session can export a Chinese report. */
typedef enum
{
  FZ_CHART_TEXT_NO_DATA,
  FZ_CHART_TEXT_OVERALL,
  FZ_CHART_TEXT_DIMENSIONS,
  FZ_CHART_TEXT_SCORE,
  FZ_CHART_TEXT_NOT_STATED,
  FZ_CHART_TEXT_MORE,          /* "+%u more" in the legend */
  FZ_CHART_TEXT_ALL_EQUAL,     /* a heatmap column where every region has the same value */
  FZ_N_CHART_TEXTS
} FzChartText;

const char *fz_chart_text            (gboolean    zh,
                                      FzChartText text);
const char *fz_chart_dimension_name  (gboolean    zh,
                                      guint       dimension);
/* 余, 约, 以上 as the chart marks an approximate value, from the qualifier's name. */
const char *fz_chart_qualifier_mark  (gboolean    zh,
                                      guint       qualifier);

/* Chinese style (97.7亿元, 1.6万) or grouped digits (9,770,000,000 yuan). @unit may be NULL. */
char       *fz_chart_format_value    (gboolean    zh,
                                      double      value,
                                      const char *unit);

/* A period as spec/figures.md writes it (Y-01/Y-12, 2019-05/, /Y-07-15) in words: 今年1—12月,
 * 2019年5月以来, 截至今年7月15日; Jan–Dec this year, since May 2019, up to 15 Jul this year. */
char       *fz_chart_format_period   (gboolean    zh,
                                      const char *period);

G_END_DECLS
