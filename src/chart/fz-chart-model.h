/* fz-chart-model.h: what a chart shows: categories, series of values, and where each came from. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FZ_CHART_BAR,       /* ranked horizontal bars, one series */
  FZ_CHART_GROUPED,   /* horizontal bars, one per series in each category */
  FZ_CHART_RADAR,     /* categories are the spokes, series the polygons */
  FZ_CHART_TREND,     /* categories are periods, series the lines */
  FZ_CHART_HEATMAP,   /* categories are rows, series the columns, values 0..100 */
  FZ_N_CHART_TYPES
} FzChartType;

/* One figure a value was read from: a span of code points of a document. */
typedef struct
{
  char  *document;    /* the document's name, as tables show it */
  char  *path;        /* its path, or NULL: names can repeat across folders */
  guint  start;
  guint  end;
  char  *text;        /* the figure as written, or NULL */
} FzChartSource;

typedef struct
{
  double      value;
  gboolean    missing;      /* no data: hatched, never drawn as zero */
  guint       qualifier;    /* FzQualifier: 0 (exact), or 余/以上, 约, 不足: drawn marked */
  GPtrArray  *sources;      /* FzChartSource *, the value's provenance; may be empty */
  gboolean    no_spread;    /* heatmap: compared, but every region had this value, so it
                             * scores the middle of the scale and is drawn as "all equal" */
} FzChartValue;

typedef struct _FzChartModel FzChartModel;

const char         *fz_chart_type_to_string      (FzChartType        type);
gboolean            fz_chart_type_from_string    (const char        *str,
                                                  FzChartType       *type);

FzChartModel       *fz_chart_model_new           (FzChartType        type,
                                                  const char        *lang);
FzChartModel       *fz_chart_model_ref           (FzChartModel      *self);
void                fz_chart_model_unref         (FzChartModel      *self);

FzChartType         fz_chart_model_get_chart_type (const FzChartModel *self);
/* "zh" or "en": numbers, the no-data label and the built-in names follow it. */
gboolean            fz_chart_model_is_zh         (const FzChartModel *self);
void                fz_chart_model_set_title     (FzChartModel      *self,
                                                  const char        *title);
const char         *fz_chart_model_get_title     (const FzChartModel *self);
/* The unit printed after values ("元", "%"), or NULL. */
void                fz_chart_model_set_unit      (FzChartModel      *self,
                                                  const char        *unit);
const char         *fz_chart_model_get_unit      (const FzChartModel *self);

/* Scores: the value axis spans at least @min..@max (0..100) whatever the values. */
void                fz_chart_model_set_range     (FzChartModel      *self,
                                                  double             min,
                                                  double             max);
gboolean            fz_chart_model_get_range     (const FzChartModel *self,
                                                  double            *min,
                                                  double            *max);

guint               fz_chart_model_add_category  (FzChartModel      *self,
                                                  const char        *name,
                                                  const char        *note);
guint               fz_chart_model_get_n_categories (const FzChartModel *self);
const char         *fz_chart_model_get_category  (const FzChartModel *self,
                                                  guint              category);
/* A short text beside the category, such as the coverage "7/34"; NULL when none. */
const char         *fz_chart_model_get_note      (const FzChartModel *self,
                                                  guint              category);

/* A new series has a missing value in every category. */
guint               fz_chart_model_add_series    (FzChartModel      *self,
                                                  const char        *name);
guint               fz_chart_model_get_n_series  (const FzChartModel *self);
const char         *fz_chart_model_get_series    (const FzChartModel *self,
                                                  guint              series);
/* Trend lines: series of the same group share a colour (one region's stretches of
 * different length are separate series, never joined into one line). */
void                fz_chart_model_set_series_group (FzChartModel   *self,
                                                  guint              series,
                                                  guint              group);
guint               fz_chart_model_get_series_group (const FzChartModel *self,
                                                  guint              series);

FzChartValue       *fz_chart_model_set_value     (FzChartModel      *self,
                                                  guint              series,
                                                  guint              category,
                                                  double             value,
                                                  guint              qualifier);
void                fz_chart_value_add_source    (FzChartValue      *value,
                                                  const char        *document,
                                                  guint              start,
                                                  guint              end,
                                                  const char        *text);
/* The same with the document's path (may be NULL). */
void                fz_chart_value_add_source_full (FzChartValue    *value,
                                                  const char        *document,
                                                  const char        *path,
                                                  guint              start,
                                                  guint              end,
                                                  const char        *text);
const FzChartValue *fz_chart_model_get_value     (const FzChartModel *self,
                                                  guint              series,
                                                  guint              category);

/* Bars only: orders the categories by the first series, highest first, missing last. */
void                fz_chart_model_sort_ranked   (FzChartModel      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzChartModel, fz_chart_model_unref)

G_END_DECLS
