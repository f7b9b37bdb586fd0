/* test-chart-model.c: chart models from the index of the seed pages and from a small series. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "fz-chart-model-index.h"
#include "fz-test-chart.h"

typedef struct
{
  FzPipeline *pipeline;
  GHashTable *documents;   /* name → FzDocument */
  FzIndex    *index;
} Seed;

static gboolean
seed_init (Seed *seed)
{
  seed->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  seed->index = fz_test_chart_seed_index (&seed->pipeline, seed->documents);
  return seed->index != NULL;
}

static void
seed_clear (Seed *seed)
{
  g_clear_pointer (&seed->index, fz_index_free);
  g_clear_pointer (&seed->pipeline, fz_pipeline_unref);
  g_clear_pointer (&seed->documents, g_hash_table_unref);
}

/* Every source names a loaded page, and its span there is the figure's text. */
static guint
check_sources (Seed               *seed,
               const FzChartValue *value)
{
  for (guint k = 0; k < value->sources->len; k++)
    {
      const FzChartSource *s = g_ptr_array_index (value->sources, k);
      FzDocument *document = g_hash_table_lookup (seed->documents, s->document);
      g_autofree char *span = NULL;

      g_assert_nonnull (document);
      /* The path names the same file, so that two pages of one name stay apart. */
      g_assert_nonnull (s->path);
      g_assert_true (g_str_has_suffix (s->path, s->document));
      g_assert_cmpuint (s->start, <, s->end);
      g_assert_cmpuint (s->end, <=, fz_document_get_n_chars (document));
      span = g_utf8_substring (fz_document_get_text (document, NULL), s->start, s->end);
      if (s->text != NULL)
        g_assert_cmpstr (span, ==, s->text);
    }
  return value->sources->len;
}

static FzChartModel *
seed_model (Seed          *seed,
            FzChartType    type,
            const char    *indicator,
            FzIndexResult **result_out)
{
  g_autoptr(GError) error = NULL;
  FzIndexOptions opts;
  FzChartSpec spec;
  FzChartModel *model;

  fz_index_options_init (&opts);
  *result_out = fz_index_compute (seed->index, &opts, &error);
  g_assert_no_error (error);
  fz_chart_spec_init (&spec, type);
  spec.lang = "zh";
  spec.indicator = indicator;
  spec.lexicon = fz_pipeline_get_lexicon (seed->pipeline);
  model = fz_chart_model_new_from_index (seed->index, *result_out, &spec, &error);
  g_assert_no_error (error);
  return model;
}

static void
test_bar_overall (void)
{
  Seed seed = { 0 };
  g_autoptr(FzIndexResult) result = NULL;
  g_autoptr(FzChartModel) model = NULL;
  guint n_missing = 0, n_unscored = 0, n_sources = 0;

  if (!seed_init (&seed))
    return;
  model = seed_model (&seed, FZ_CHART_BAR, NULL, &result);
  g_assert_cmpuint (fz_chart_model_get_n_categories (model), ==,
                    fz_index_result_get_n_regions (result));
  for (guint c = 0; c < fz_chart_model_get_n_categories (model); c++)
    {
      const FzChartValue *v = fz_chart_model_get_value (model, 0, c);
      const FzIndexRegion *r = fz_index_result_lookup_region (result,
                                                             fz_chart_model_get_category (model,
                                                                                          c));
      g_autofree char *note = g_strdup_printf ("%u/%u", r->n_scored,
                                               fz_index_get_n_indicators (seed.index));

      g_assert_cmpstr (fz_chart_model_get_note (model, c), ==, note);
      n_unscored += !r->has_overall;
      if (v->missing)
        {
          n_missing++;
          continue;
        }
      g_assert_cmpfloat (v->value, ==, r->overall);
      g_assert_cmpuint (check_sources (&seed, v), >, 0);
      n_sources += v->sources->len;
      /* Ranked: each bar at most as long as the one above. */
      if (c > 0)
        g_assert_cmpfloat (v->value, <=, fz_chart_model_get_value (model, 0, c - 1)->value);
    }
  g_assert_cmpuint (n_missing, ==, n_unscored);
  g_assert_cmpuint (n_sources, >, 0);
  seed_clear (&seed);
}

static void
test_bar_indicator (void)
{
  Seed seed = { 0 };
  g_autoptr(FzIndexResult) result = NULL;
  g_autoptr(FzChartModel) model = NULL;
  guint n = 0;

  if (!seed_init (&seed))
    return;
  model = seed_model (&seed, FZ_CHART_BAR, "cases_solved", &result);
  for (guint c = 0; c < fz_chart_model_get_n_categories (model); c++)
    {
      const FzChartValue *v = fz_chart_model_get_value (model, 0, c);
      const FzIndexRegion *r =
        fz_index_result_lookup_region (result, fz_chart_model_get_category (model, c));
      const FzIndexCell *cell = fz_index_region_get_cell (r, "cases_solved");
      const FzChartSource *first;

      g_assert_cmpint (v->missing, ==, cell == NULL || cell->used == NULL);
      if (v->missing)
        continue;
      g_assert_cmpfloat (v->value, ==, cell->used->value);
      g_assert_cmpuint (check_sources (&seed, v), ==, cell->observations->len);
      first = g_ptr_array_index (v->sources, 0);
      g_assert_cmpuint (first->start, ==, cell->used->start);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (fz_chart_model_get_title (model), ==, "破案数");
  seed_clear (&seed);
}

static void
test_radar_and_grouped (void)
{
  Seed seed = { 0 };
  g_autoptr(FzIndexResult) result = NULL;
  g_autoptr(FzChartModel) radar = NULL;
  g_autoptr(FzIndexResult) result2 = NULL;
  g_autoptr(FzChartModel) grouped = NULL;

  if (!seed_init (&seed))
    return;
  radar = seed_model (&seed, FZ_CHART_RADAR, NULL, &result);
  grouped = seed_model (&seed, FZ_CHART_GROUPED, NULL, &result2);
  g_assert_cmpuint (fz_chart_model_get_n_categories (radar), ==, FZ_N_DIMENSIONS);
  g_assert_cmpuint (fz_chart_model_get_n_series (radar), ==,
                    MIN (6, fz_index_result_get_n_regions (result)));
  g_assert_cmpuint (fz_chart_model_get_n_series (grouped), ==, FZ_N_DIMENSIONS);
  for (guint s = 0; s < fz_chart_model_get_n_series (radar); s++)
    {
      const FzIndexRegion *r = fz_index_result_get_region (result, s);
      for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
        {
          const FzChartValue *v = fz_chart_model_get_value (radar, s, d);
          const FzChartValue *g = fz_chart_model_get_value (grouped, d, s);
          g_assert_cmpint (v->missing, ==, !r->has_dimension[d]);
          g_assert_cmpint (g->missing, ==, !r->has_dimension[d]);
          if (!v->missing)
            check_sources (&seed, v);
        }
    }
  seed_clear (&seed);
}

static void
add_kind (FzIndex    *index,
          const char *region,
          FzValueKind kind,
          double      value,
          FzQualifier qualifier,
          const char *period,
          guint       start)
{
  g_autoptr(GError) error = NULL;
  FzObservation obs = {
    .region = region, .level = FZ_REGION_LEVEL_COUNTY, .indicator = "cases_reported",
    .value_kind = kind, .value = value, .unit = kind == FZ_VALUE_LEVEL ? "起" : "%",
    .qualifier = qualifier, .period = period, .document = "d.txt", .article = 0,
    .start = start, .end = start + 3, .text = "",
  };

  g_assert_true (fz_index_add_observation (index, &obs, &error));
  g_assert_no_error (error);
}

static void
add (FzIndex    *index,
     const char *region,
     double      value,
     FzQualifier qualifier,
     const char *period,
     guint       start)
{
  add_kind (index, region, FZ_VALUE_LEVEL, value, qualifier, period, start);
}

/* Months and a whole year of one region are two lines of one colour, never one line. */
static void
test_trend_stretches (void)
{
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  FzChartSpec spec;
  guint year_col = G_MAXUINT;

  g_assert_true (fz_index_add_indicator (index, "cases_reported", "outcome", TRUE, NULL));
  add (index, "A", 10, FZ_QUALIFIER_EXACT, "2022-01/2022-01", 0);
  add (index, "A", 12, FZ_QUALIFIER_EXACT, "2022-02/2022-02", 10);
  add (index, "A", 150, FZ_QUALIFIER_ABOUT, "2022-01/2022-12", 20);
  add (index, "A", 149, FZ_QUALIFIER_EXACT, "2022-01/2022-12", 30);
  add (index, "B", 7, FZ_QUALIFIER_OVER, "2022-02/2022-02", 40);

  fz_chart_spec_init (&spec, FZ_CHART_TREND);
  spec.indicator = "cases_reported";
  model = fz_chart_model_new_from_index (index, NULL, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_chart_model_get_n_categories (model), ==, 3);
  g_assert_cmpuint (fz_chart_model_get_n_series (model), ==, 3);
  g_assert_cmpuint (fz_chart_model_get_series_group (model, 0), ==,
                    fz_chart_model_get_series_group (model, 1));
  g_assert_cmpuint (fz_chart_model_get_series_group (model, 2), !=,
                    fz_chart_model_get_series_group (model, 0));
  for (guint c = 0; c < 3; c++)
    if (g_str_equal (fz_chart_model_get_category (model, c), "Jan–Dec 2022"))
      year_col = c;
  g_assert_cmpuint (year_col, <, 3);
  /* No series holds both a month and the year. */
  for (guint s = 0; s < 3; s++)
    {
      gboolean has_year = !fz_chart_model_get_value (model, s, year_col)->missing;
      for (guint c = 0; c < 3; c++)
        if (c != year_col && has_year)
          g_assert_true (fz_chart_model_get_value (model, s, c)->missing);
    }
  /* The exact 149 over the approximate 150, both figures kept as its sources. */
  for (guint s = 0; s < 3; s++)
    {
      const FzChartValue *v = fz_chart_model_get_value (model, s, year_col);
      if (v->missing)
        continue;
      g_assert_cmpfloat (v->value, ==, 149);
      g_assert_cmpuint (v->qualifier, ==, FZ_QUALIFIER_EXACT);
      g_assert_cmpuint (v->sources->len, ==, 2);
    }
  for (guint s = 0; s < 3; s++)
    for (guint c = 0; c < 3; c++)
      if (g_str_equal (fz_chart_model_get_series (model, s), "B") &&
          g_str_equal (fz_chart_model_get_category (model, c), "Feb 2022"))
        g_assert_cmpuint (fz_chart_model_get_value (model, s, c)->qualifier, ==,
                          FZ_QUALIFIER_OVER);
}

/* The kind followed is one that the regions drawn report: a level reported only by a
 * region left out of the lines does not leave the chart empty. */
static void
test_trend_kind_of_drawn_regions (void)
{
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  FzChartSpec spec;
  gboolean any = FALSE;

  g_assert_true (fz_index_add_indicator (index, "cases_reported", "outcome", TRUE, NULL));
  add_kind (index, "A", FZ_VALUE_YOY, -20, FZ_QUALIFIER_EXACT, "2022-01/2022-12", 0);
  add_kind (index, "A", FZ_VALUE_YOY, -10, FZ_QUALIFIER_EXACT, "2023-01/2023-12", 10);
  add_kind (index, "B", FZ_VALUE_YOY, 5, FZ_QUALIFIER_EXACT, "2022-01/2022-12", 20);
  add_kind (index, "C", FZ_VALUE_LEVEL, 30, FZ_QUALIFIER_EXACT, "2022-01/2022-12", 30);

  fz_chart_spec_init (&spec, FZ_CHART_TREND);
  spec.indicator = "cases_reported";
  spec.max_regions = 2;
  model = fz_chart_model_new_from_index (index, NULL, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_chart_model_get_n_series (model), >, 0);
  /* The lines are changes in percent, not counts: the title says so. */
  g_assert_nonnull (strstr (fz_chart_model_get_title (model), "year on year, %"));
  for (guint s = 0; s < fz_chart_model_get_n_series (model); s++)
    {
      g_assert_cmpstr (fz_chart_model_get_series (model, s), !=, "C");
      for (guint c = 0; c < fz_chart_model_get_n_categories (model); c++)
        any |= !fz_chart_model_get_value (model, s, c)->missing;
    }
  g_assert_true (any);
}

static void
add_coded (FzIndex    *index,
           const char *region,
           gint64      code,
           const char *indicator,
           double      value,
           const char *period,
           guint       start)
{
  g_autoptr(GError) error = NULL;
  FzObservation obs = {
    .region = region, .region_code = code, .level = FZ_REGION_LEVEL_TOWNSHIP,
    .indicator = indicator, .value_kind = FZ_VALUE_LEVEL, .value = value, .unit = "起",
    .period = period, .document = "d.txt", .start = start, .end = start + 3, .text = "",
  };

  g_assert_true (fz_index_add_observation (index, &obs, &error));
  g_assert_no_error (error);
}

static const char *
city_of (FzGazetteer *gazetteer,
         gint64       code)
{
  guint32 id = fz_gazetteer_lookup_code (gazetteer, code);

  g_assert_cmpuint (id, !=, FZ_GAZETTEER_NONE);
  return fz_gazetteer_get_name (gazetteer, fz_gazetteer_rollup (gazetteer, id,
                                                                FZ_REGION_LEVEL_CITY));
}

/* Two streets of one name in different cities: the charts name each with its city, while the
 * index (and its TSV) keeps the name as written. */
static void
test_same_name_labels (void)
{
  static const gint64 codes[] = { 320321002, 341322001, 500115001 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzIndexResult) result = NULL;
  FzGazetteer *gazetteer;
  FzIndexOptions opts;

  g_assert_no_error (error);
  gazetteer = fz_pipeline_get_gazetteer (pipeline);
  g_assert_true (fz_index_add_indicator (index, "cases_reported", "outcome", TRUE, NULL));
  fz_index_set_gazetteer (index, gazetteer);
  add_coded (index, "凤城街道", codes[0], "cases_reported", 10, "2022-01/2022-01", 0);
  add_coded (index, "凤城街道", codes[1], "cases_reported", 20, "2022-01/2022-01", 10);
  add_coded (index, "凤城街道", codes[1], "cases_reported", 25, "2022-02/2022-02", 15);
  add_coded (index, "B", 0, "cases_reported", 30, "2022-01/2022-01", 20);
  /* A street of Chongqing: no city between district and province, so its district. */
  add_coded (index, "凤城街道", codes[2], "cases_reported", 40, "2022-01/2022-01", 30);
  fz_index_options_init (&opts);
  result = fz_index_compute (index, &opts, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < fz_index_result_get_n_regions (result); i++)
    g_assert_null (strchr (fz_index_result_get_region (result, i)->name, '('));

  for (guint lang = 0; lang < 2; lang++)
    {
      const char *format = lang == 0 ? "凤城街道（%s）" : "凤城街道 (%s)";
      g_autofree char *first = g_strdup_printf (format, city_of (gazetteer, codes[0]));
      g_autofree char *second = g_strdup_printf (format, city_of (gazetteer, codes[1]));
      g_autofree char *third = g_strdup_printf (format, "长寿区");
      const char *chosen[] = { second, NULL };
      g_autoptr(FzChartModel) heatmap = NULL, bars = NULL, trend = NULL;
      FzChartSpec spec;
      guint found = 0;

      fz_chart_spec_init (&spec, FZ_CHART_HEATMAP);
      spec.lang = lang == 0 ? "zh" : "en";
      heatmap = fz_chart_model_new_from_index (index, result, &spec, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fz_chart_model_get_n_categories (heatmap), ==, 4);
      for (guint c = 0; c < 4; c++)
        {
          const char *name = fz_chart_model_get_category (heatmap, c);
          found += g_str_equal (name, first) + 2 * g_str_equal (name, second) +
                   4 * g_str_equal (name, third);
          if (!g_str_has_prefix (name, "凤城街道"))
            g_assert_cmpstr (name, ==, "B");
        }
      g_assert_cmpuint (found, ==, 7);

      /* The pane's chooser lists the same labels, one a region, in the result's order. */
      {
        g_auto(GStrv) labels = fz_chart_region_labels (index, result, lang == 0);

        g_assert_cmpuint (g_strv_length (labels), ==, fz_index_result_get_n_regions (result));
        g_assert_true (g_strv_contains ((const char * const *) labels, first));
        g_assert_true (g_strv_contains ((const char * const *) labels, second));
        g_assert_true (g_strv_contains ((const char * const *) labels, third));
        g_assert_true (g_strv_contains ((const char * const *) labels, "B"));
      }

      /* A chosen label takes that region alone. */
      fz_chart_spec_init (&spec, FZ_CHART_BAR);
      spec.lang = lang == 0 ? "zh" : "en";
      spec.indicator = "cases_reported";
      spec.regions = chosen;
      bars = fz_chart_model_new_from_index (index, result, &spec, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fz_chart_model_get_n_categories (bars), ==, 1);
      g_assert_cmpstr (fz_chart_model_get_category (bars, 0), ==, second);

      /* The trend follows each street on a line of its own. */
      fz_chart_spec_init (&spec, FZ_CHART_TREND);
      spec.lang = lang == 0 ? "zh" : "en";
      spec.indicator = "cases_reported";
      trend = fz_chart_model_new_from_index (index, NULL, &spec, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fz_chart_model_get_n_series (trend), ==, 4);
      found = 0;
      for (guint s = 0; s < 4; s++)
        found += g_str_equal (fz_chart_model_get_series (trend, s), first) +
                 2 * g_str_equal (fz_chart_model_get_series (trend, s), second);
      g_assert_cmpuint (found, ==, 3);
    }
}

/* All regions report the same value: the heatmap shows it compared but not scored, never as
 * no data. */
static void
test_heatmap_all_equal (void)
{
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzIndexResult) result = NULL;
  g_autoptr(FzChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  FzIndexOptions opts;
  FzChartSpec spec;
  guint even = 0;

  g_assert_true (fz_index_add_indicator (index, "cases_reported", "outcome", TRUE, NULL));
  g_assert_true (fz_index_add_indicator (index, "cases_solved", "strike", FALSE, NULL));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("R%u", i);
      add_coded (index, name, 0, "cases_reported", 94.4, "2022-01/2022-12", 10 * i);
      add_coded (index, name, 0, "cases_solved", 10.0 * i, "2022-01/2022-12", 10 * i + 5);
    }
  fz_index_options_init (&opts);
  result = fz_index_compute (index, &opts, &error);
  g_assert_no_error (error);
  fz_chart_spec_init (&spec, FZ_CHART_HEATMAP);
  model = fz_chart_model_new_from_index (index, result, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_chart_model_get_n_series (model), ==, 2);
  for (guint s = 0; s < 2; s++)
    for (guint c = 0; c < 3; c++)
      {
        const FzChartValue *v = fz_chart_model_get_value (model, s, c);

        g_assert_false (v->missing);
        g_assert_cmpuint (v->sources->len, ==, 1);
        if (!v->no_spread)
          continue;
        g_assert_cmpstr (fz_chart_model_get_series (model, s), ==, "cases_reported");
        g_assert_cmpfloat (v->value, ==, 50);
        even++;
      }
  g_assert_cmpuint (even, ==, 3);
}

/* Cumulative stretches since different starts are different things: never one line. */
static void
test_trend_cumulative_starts (void)
{
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  FzChartSpec spec;

  g_assert_true (fz_index_add_indicator (index, "cases_reported", "outcome", TRUE, NULL));
  add (index, "A", 900, FZ_QUALIFIER_EXACT, "2019-05/", 0);
  add (index, "A", 120, FZ_QUALIFIER_EXACT, "Y-03/", 10);
  add (index, "A", 10, FZ_QUALIFIER_EXACT, "2022-01/2022-01", 20);
  add (index, "A", 12, FZ_QUALIFIER_EXACT, "2022-02/2022-02", 30);

  fz_chart_spec_init (&spec, FZ_CHART_TREND);
  spec.indicator = "cases_reported";
  model = fz_chart_model_new_from_index (index, NULL, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_chart_model_get_n_categories (model), ==, 4);
  /* The months, and each start of its own. */
  g_assert_cmpuint (fz_chart_model_get_n_series (model), ==, 3);
  for (guint s = 0; s < 3; s++)
    {
      guint n = 0, since = 0;

      for (guint c = 0; c < 4; c++)
        if (!fz_chart_model_get_value (model, s, c)->missing)
          {
            n++;
            since += g_str_has_prefix (fz_chart_model_get_category (model, c), "since");
          }
      g_assert_true ((n == 2 && since == 0) || (n == 1 && since == 1));
    }
}

/* More lines than styles: whole regions are left out, and the title says how many. */
static void
test_trend_styles_limit (void)
{
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  FzChartSpec spec;

  g_assert_true (fz_index_add_indicator (index, "cases_reported", "outcome", TRUE, NULL));
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("R%02u", i);
      add (index, name, i, FZ_QUALIFIER_EXACT, "2022-01/2022-01", 100 * i);
      add (index, name, i + 1, FZ_QUALIFIER_EXACT, "2022-01/2022-03", 100 * i + 10);
      add (index, name, i + 2, FZ_QUALIFIER_EXACT, "2022-01/2022-12", 100 * i + 20);
    }
  fz_chart_spec_init (&spec, FZ_CHART_TREND);
  spec.indicator = "cases_reported";
  model = fz_chart_model_new_from_index (index, NULL, &spec, &error);
  g_assert_no_error (error);
  /* 28 styles hold nine regions of three lines. */
  g_assert_cmpuint (fz_chart_model_get_n_series (model), ==, 27);
  g_assert_nonnull (strstr (fz_chart_model_get_title (model), "3 more regions not drawn"));
}

static void
test_unknown_indicator (void)
{
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(GError) error = NULL;
  FzChartSpec spec;

  fz_chart_spec_init (&spec, FZ_CHART_TREND);
  g_assert_null (fz_chart_model_new_from_index (index, NULL, &spec, &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/model/bar-overall", test_bar_overall);
  g_test_add_func ("/chart/model/bar-indicator", test_bar_indicator);
  g_test_add_func ("/chart/model/radar-grouped", test_radar_and_grouped);
  g_test_add_func ("/chart/model/trend-stretches", test_trend_stretches);
  g_test_add_func ("/chart/model/trend-kind-of-drawn-regions", test_trend_kind_of_drawn_regions);
  g_test_add_func ("/chart/model/trend-needs-indicator", test_unknown_indicator);
  g_test_add_func ("/chart/model/same-name-labels", test_same_name_labels);
  g_test_add_func ("/chart/model/heatmap-all-equal", test_heatmap_all_equal);
  g_test_add_func ("/chart/model/trend-cumulative-starts", test_trend_cumulative_starts);
  g_test_add_func ("/chart/model/trend-styles-limit", test_trend_styles_limit);
  return g_test_run ();
}
