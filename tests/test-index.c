/* test-index.c: the index on small hand-made tables whose scores are worked out below. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-error.h"
#include "fz-index.h"

#include <string.h>

#define EPS 0.005

/* A lexicon of seven indicators touching all six dimensions. */
static FzIndex *
make_index (void)
{
  static const struct { const char *id, *dim; gboolean lower; } lexicon[] = {
    { "crime_share", "outcome", TRUE },
    { "losses", "outcome", TRUE },
    { "clearance_rate", "strike", FALSE },
    { "dissuasion_rate", "prevention", FALSE },
    { "calls_sms_blocked", "control", FALSE },
    { "awareness_rate", "outreach", FALSE },
    { "staff", "governance", FALSE },
  };
  FzIndex *index = fz_index_new ();

  for (guint i = 0; i < G_N_ELEMENTS (lexicon); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (fz_index_add_indicator (index, lexicon[i].id, lexicon[i].dim,
                                             lexicon[i].lower, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (fz_index_get_n_indicators (index), ==, 7);
  return index;
}

static guint next_start;

static void
add_full (FzIndex     *index,
          const char  *region,
          const char  *indicator,
          FzValueKind  kind,
          double       value,
          const char  *period,
          FzQualifier  qualifier,
          const char  *document)
{
  g_autoptr(GError) error = NULL;
  FzObservation obs = {
    .region = region,
    .region_code = 0,
    .level = FZ_REGION_LEVEL_COUNTY,
    .indicator = indicator,
    .value_kind = kind,
    .value = value,
    .unit = "%",
    .qualifier = qualifier,
    .period = period,
    .document = document,
    .article = 0,
    .start = next_start,
    .end = next_start + 4,
    .text = "",
  };

  next_start += 10;
  g_assert_true (fz_index_add_observation (index, &obs, &error));
  g_assert_no_error (error);
}

static void
add (FzIndex     *index,
     const char  *region,
     const char  *indicator,
     FzValueKind  kind,
     double       value,
     const char  *period)
{
  add_full (index, region, indicator, kind, value, period, FZ_QUALIFIER_EXACT, "doc");
}

static const FzIndexRegion *
region (FzIndexResult *result,
        const char    *name)
{
  const FzIndexRegion *r = fz_index_result_lookup_region (result, name);
  g_assert_nonnull (r);
  return r;
}

static double
score (FzIndexResult *result,
       const char    *name,
       const char    *indicator)
{
  const FzIndexCell *cell = fz_index_region_get_cell (region (result, name), indicator);

  g_assert_nonnull (cell);
  g_assert_true (cell->has_score);
  return cell->score;
}

#define Y22 "2022-01/2022-12"

/* clearance_rate (higher): A 60, B 80, C 100 → min-max A 0, B 50, C 100.
 * crime_share (lower): A 10, B 30, C 20 → (v-10)/20: 0, 100, 50 → inverted 100, 0, 50.
 * dissuasion_rate (higher): A 50, B 70 → A 0, B 100; C has none.
 * A: strike 0, outcome 100, prevention 0 → 3 dimensions → overall 100/3 = 33.33.
 * B: strike 50, outcome 0, prevention 100 → overall 150/3 = 50.
 * C: strike 100, outcome 50 → 2 dimensions → insufficient data, unranked, last.
 * Coverage: A and B 3/7, C 2/7. */
static void
fill_three (FzIndex *index)
{
  add (index, "A", "clearance_rate", FZ_VALUE_RATE, 60, Y22);
  add (index, "B", "clearance_rate", FZ_VALUE_RATE, 80, Y22);
  add (index, "C", "clearance_rate", FZ_VALUE_RATE, 100, Y22);
  add (index, "A", "crime_share", FZ_VALUE_SHARE, 10, Y22);
  add (index, "B", "crime_share", FZ_VALUE_SHARE, 30, Y22);
  add (index, "C", "crime_share", FZ_VALUE_SHARE, 20, Y22);
  add (index, "A", "dissuasion_rate", FZ_VALUE_RATE, 50, Y22);
  add (index, "B", "dissuasion_rate", FZ_VALUE_RATE, 70, Y22);
}

static void
test_min_max (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(FzIndexResult) result = NULL;
  const FzIndexRegion *a, *b, *c;

  fill_three (index);
  result = fz_index_compute (index, NULL, NULL);
  g_assert_nonnull (result);
  g_assert_cmpuint (fz_index_result_get_n_regions (result), ==, 3);

  g_assert_cmpfloat_with_epsilon (score (result, "A", "clearance_rate"), 0, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "B", "clearance_rate"), 50, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "C", "clearance_rate"), 100, EPS);
  /* Polarity: the lowest share scores best. */
  g_assert_cmpfloat_with_epsilon (score (result, "A", "crime_share"), 100, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "B", "crime_share"), 0, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "C", "crime_share"), 50, EPS);

  a = region (result, "A");
  b = region (result, "B");
  c = region (result, "C");
  g_assert_true (a->has_overall);
  g_assert_cmpfloat_with_epsilon (a->overall, 100.0 / 3, EPS);
  g_assert_true (b->has_overall);
  g_assert_cmpfloat_with_epsilon (b->overall, 50, EPS);
  g_assert_false (c->has_overall);
  g_assert_cmpuint (c->n_dimensions, ==, 2);

  g_assert_true (a->has_dimension[FZ_DIMENSION_OUTCOME]);
  g_assert_cmpfloat_with_epsilon (a->dimension[FZ_DIMENSION_OUTCOME], 100, EPS);
  g_assert_false (a->has_dimension[FZ_DIMENSION_CONTROL]);

  /* Ranked by overall; the region without one comes after, unranked. */
  g_assert_true (fz_index_result_get_region (result, 0) == b);
  g_assert_true (fz_index_result_get_region (result, 1) == a);
  g_assert_true (fz_index_result_get_region (result, 2) == c);
  g_assert_cmpuint (b->rank, ==, 1);
  g_assert_cmpuint (a->rank, ==, 2);
  g_assert_cmpuint (c->rank, ==, 0);

  g_assert_cmpuint (a->n_scored, ==, 3);
  g_assert_cmpfloat_with_epsilon (a->coverage, 3.0 / 7, 1e-9);
  g_assert_cmpuint (c->n_scored, ==, 2);
  g_assert_cmpfloat_with_epsilon (c->coverage, 2.0 / 7, 1e-9);
  g_assert_false (fz_index_result_get_mixed_years (result));
}

/* Same table. Weights outcome 3, others 1:
 * A (0·1 + 100·3 + 0·1) / 5 = 60; B (50 + 0 + 100) / 5 = 30 → A ranks first.
 * Weight 0 for prevention: A and B keep only strike and outcome → insufficient.
 * min_dimensions 2: C gets (100 + 50) / 2 = 75. */
static void
test_weights (void)
{
  g_autoptr(FzIndex) index = make_index ();
  FzIndexOptions opts;

  fill_three (index);
  fz_index_options_init (&opts);
  opts.weights[FZ_DIMENSION_OUTCOME] = 3;
  {
    g_autoptr(FzIndexResult) result = fz_index_compute (index, &opts, NULL);
    g_assert_cmpfloat_with_epsilon (region (result, "A")->overall, 60, EPS);
    g_assert_cmpfloat_with_epsilon (region (result, "B")->overall, 30, EPS);
    g_assert_cmpuint (region (result, "A")->rank, ==, 1);
    g_assert_cmpuint (region (result, "B")->rank, ==, 2);
  }

  fz_index_options_init (&opts);
  opts.weights[FZ_DIMENSION_PREVENTION] = 0;
  {
    g_autoptr(FzIndexResult) result = fz_index_compute (index, &opts, NULL);
    g_assert_false (region (result, "A")->has_overall);
    g_assert_false (region (result, "B")->has_overall);
    /* The dimension score is still shown. */
    g_assert_true (region (result, "B")->has_dimension[FZ_DIMENSION_PREVENTION]);
  }

  fz_index_options_init (&opts);
  opts.min_dimensions = 2;
  {
    g_autoptr(FzIndexResult) result = fz_index_compute (index, &opts, NULL);
    g_assert_true (region (result, "C")->has_overall);
    g_assert_cmpfloat_with_epsilon (region (result, "C")->overall, 75, EPS);
    g_assert_cmpuint (region (result, "C")->rank, ==, 1);
  }

  fz_index_options_init (&opts);
  opts.weights[FZ_DIMENSION_STRIKE] = -1;
  {
    g_autoptr(GError) error = NULL;
    FzIndexResult *result = fz_index_compute (index, &opts, &error);
    g_assert_null (result);
    g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  }
}

/* Percentile rank = (below + (equal - 1) / 2) / (n - 1) · 100.
 * clearance_rate A 60, B 80, C 80, D 100 → A 0, B 1.5/3 = 50, C 50, D 100.
 * crime_share (lower) with the same values → 100, 50, 50, 0. */
static void
test_percentile (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(FzIndexResult) result = NULL;
  FzIndexOptions opts;
  const char *names[] = { "A", "B", "C", "D" };
  double values[] = { 60, 80, 80, 100 };

  for (guint i = 0; i < 4; i++)
    {
      add (index, names[i], "clearance_rate", FZ_VALUE_RATE, values[i], Y22);
      add (index, names[i], "crime_share", FZ_VALUE_SHARE, values[i], Y22);
    }

  fz_index_options_init (&opts);
  opts.normalisation = FZ_NORMALISATION_PERCENTILE;
  result = fz_index_compute (index, &opts, NULL);
  g_assert_cmpfloat_with_epsilon (score (result, "A", "clearance_rate"), 0, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "B", "clearance_rate"), 50, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "C", "clearance_rate"), 50, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "D", "clearance_rate"), 100, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "A", "crime_share"), 100, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "C", "crime_share"), 50, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "D", "crime_share"), 0, EPS);
}

/* Goalposts: changes −50..+50, rates 0..100, clamped.
 * losses (lower) yoy: A −43.26 → (−43.26 + 50) / 100 = 6.74 → inverted 93.26;
 * B +10 → 60 → 40; C −80 → clamped 0 → 100; D +60 → clamped 100 → 0.
 * dissuasion_rate A 85 → 85 even with one region, since the bounds are fixed.
 * Goalposts −20..+20: A (−43.26 clamped) → 100, B (10 + 20) / 40 = 75 → 25. */
static void
test_goalposts (void)
{
  g_autoptr(FzIndex) index = make_index ();
  FzIndexOptions opts;

  add (index, "A", "losses", FZ_VALUE_YOY, -43.26, "2022-01/");
  add (index, "B", "losses", FZ_VALUE_YOY, 10, "2022-01/");
  add (index, "C", "losses", FZ_VALUE_YOY, -80, "2022-01/");
  add (index, "D", "losses", FZ_VALUE_YOY, 60, "2022-01/");
  add (index, "A", "dissuasion_rate", FZ_VALUE_RATE, 85, "2022-01/");

  fz_index_options_init (&opts);
  opts.normalisation = FZ_NORMALISATION_GOALPOSTS;
  {
    g_autoptr(FzIndexResult) result = fz_index_compute (index, &opts, NULL);
    g_assert_cmpfloat_with_epsilon (score (result, "A", "losses"), 93.26, EPS);
    g_assert_cmpfloat_with_epsilon (score (result, "B", "losses"), 40, EPS);
    g_assert_cmpfloat_with_epsilon (score (result, "C", "losses"), 100, EPS);
    g_assert_cmpfloat_with_epsilon (score (result, "D", "losses"), 0, EPS);
    g_assert_cmpfloat_with_epsilon (score (result, "A", "dissuasion_rate"), 85, EPS);
  }

  opts.change_low = -20;
  opts.change_high = 20;
  {
    g_autoptr(FzIndexResult) result = fz_index_compute (index, &opts, NULL);
    g_assert_cmpfloat_with_epsilon (score (result, "A", "losses"), 100, EPS);
    g_assert_cmpfloat_with_epsilon (score (result, "B", "losses"), 25, EPS);
  }

  opts.change_low = 20;
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (fz_index_compute (index, &opts, &error));
    g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  }
}

/* One region, or all regions equal: min-max and percentile have no spread
 * to measure, so the cell gets no score (never 0/0), the region no
 * dimension, and coverage counts it as data but not as scored. */
static void
test_single_region (void)
{
  g_autoptr(FzIndex) index = make_index ();
  FzIndexOptions opts;

  add (index, "A", "clearance_rate", FZ_VALUE_RATE, 60, Y22);
  add (index, "A", "crime_share", FZ_VALUE_SHARE, 10, Y22);
  add (index, "A", "awareness_rate", FZ_VALUE_RATE, 90, Y22);

  fz_index_options_init (&opts);
  for (guint m = FZ_NORMALISATION_MIN_MAX; m <= FZ_NORMALISATION_PERCENTILE; m++)
    {
      g_autoptr(FzIndexResult) result = NULL;
      const FzIndexRegion *a;
      const FzIndexCell *cell;

      opts.normalisation = m;
      result = fz_index_compute (index, &opts, NULL);
      a = region (result, "A");
      cell = fz_index_region_get_cell (a, "clearance_rate");
      g_assert_nonnull (cell);
      g_assert_true (cell->flags & FZ_CELL_COMPARED);
      g_assert_true (cell->flags & FZ_CELL_NO_SPREAD);
      g_assert_false (cell->has_score);
      g_assert_false (a->has_dimension[FZ_DIMENSION_STRIKE]);
      g_assert_false (a->has_overall);
      g_assert_cmpuint (a->n_with_data, ==, 3);
      g_assert_cmpuint (a->n_scored, ==, 0);
      g_assert_cmpuint (a->rank, ==, 0);
    }

  /* Goalposts need no other region: 60, 100 - 10 = 90 and 90 → overall 80. */
  opts.normalisation = FZ_NORMALISATION_GOALPOSTS;
  {
    g_autoptr(FzIndexResult) result = fz_index_compute (index, &opts, NULL);
    g_assert_cmpfloat_with_epsilon (region (result, "A")->overall, 80, EPS);
    g_assert_cmpuint (region (result, "A")->rank, ==, 1);
  }
}

/* All equal across regions: no spread, no score for anyone.
 * Tied overall scores share a rank and the next rank is skipped:
 * clearance A 50, B 50, C 100, D 50 → 0, 0, 100, 0
 * crime_share (lower) A 10, B 10, C 20, D 20 → 100, 100, 0, 0
 * dissuasion A 60, B 60, C 80, D 60 → 0, 0, 100, 0
 * overall A 33.33, B 33.33, C 66.67, D 0 → C 1, A 2, B 2, D 4. */
static void
test_ties (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(FzIndexResult) result = NULL;
  const char *names[] = { "A", "B", "C", "D" };
  double clearance[] = { 50, 50, 100, 50 };
  double share[] = { 10, 10, 20, 20 };
  double dissuasion[] = { 60, 60, 80, 60 };

  for (guint i = 0; i < 4; i++)
    {
      add (index, names[i], "clearance_rate", FZ_VALUE_RATE, clearance[i], Y22);
      add (index, names[i], "crime_share", FZ_VALUE_SHARE, share[i], Y22);
      add (index, names[i], "dissuasion_rate", FZ_VALUE_RATE, dissuasion[i], Y22);
      add (index, names[i], "awareness_rate", FZ_VALUE_RATE, 70, Y22);
    }

  result = fz_index_compute (index, NULL, NULL);
  g_assert_cmpfloat_with_epsilon (region (result, "A")->overall, 100.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (region (result, "C")->overall, 200.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (region (result, "D")->overall, 0, EPS);
  g_assert_cmpuint (region (result, "C")->rank, ==, 1);
  g_assert_cmpuint (region (result, "A")->rank, ==, 2);
  g_assert_cmpuint (region (result, "B")->rank, ==, 2);
  g_assert_cmpuint (region (result, "D")->rank, ==, 4);
  g_assert_cmpstr (fz_index_result_get_region (result, 1)->name, ==, "A");
  g_assert_cmpstr (fz_index_result_get_region (result, 2)->name, ==, "B");

  /* awareness_rate is 70 everywhere: no spread, so outreach has no score. */
  for (guint i = 0; i < 4; i++)
    {
      const FzIndexRegion *r = region (result, names[i]);
      const FzIndexCell *cell = fz_index_region_get_cell (r, "awareness_rate");
      g_assert_true (cell->flags & FZ_CELL_NO_SPREAD);
      g_assert_false (r->has_dimension[FZ_DIMENSION_OUTREACH]);
      g_assert_cmpuint (r->n_with_data, ==, 4);
      g_assert_cmpuint (r->n_scored, ==, 3);
    }
}

/* Like with like: yoy changes beat raw levels when two regions have them;
 * C, with only a level, is shown but not compared.
 * losses yoy A −20, B −40 (lower better) → A 0, B 100. */
static void
test_like_with_like (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(FzIndexResult) result = NULL;
  const FzIndexCell *cell;

  add (index, "A", "losses", FZ_VALUE_LEVEL, 500, Y22);
  add (index, "B", "losses", FZ_VALUE_LEVEL, 900, Y22);
  add (index, "C", "losses", FZ_VALUE_LEVEL, 1000000, Y22);
  add (index, "A", "losses", FZ_VALUE_YOY, -20, Y22);
  add (index, "B", "losses", FZ_VALUE_YOY, -40, Y22);

  result = fz_index_compute (index, NULL, NULL);
  g_assert_cmpfloat_with_epsilon (score (result, "A", "losses"), 0, EPS);
  g_assert_cmpfloat_with_epsilon (score (result, "B", "losses"), 100, EPS);
  cell = fz_index_region_get_cell (region (result, "A"), "losses");
  g_assert_cmpint (cell->used->value_kind, ==, FZ_VALUE_YOY);
  g_assert_cmpuint (cell->observations->len, ==, 2);

  cell = fz_index_region_get_cell (region (result, "C"), "losses");
  g_assert_nonnull (cell);
  g_assert_null (cell->used);
  g_assert_true (cell->flags & FZ_CELL_NOT_COMPARABLE);
  g_assert_false (cell->has_score);
  g_assert_cmpuint (region (result, "C")->n_with_data, ==, 1);
  g_assert_cmpuint (region (result, "C")->n_scored, ==, 0);
}

/* Periods: with "all", 2022 (A, B) and 2021 (A, C) tie on two regions each
 * and the later one is compared: A 60 vs B 80 → 0, 100; C not comparable.
 * With "2021": A 90 vs C 70 → 100, 0, and B has nothing in 2021. */
static void
test_periods (void)
{
  g_autoptr(FzIndex) index = make_index ();
  FzIndexOptions opts;

  add (index, "A", "clearance_rate", FZ_VALUE_RATE, 60, "2022-01/2022-12");
  add (index, "A", "clearance_rate", FZ_VALUE_RATE, 90, "2021-01/2021-12");
  add (index, "B", "clearance_rate", FZ_VALUE_RATE, 80, "2022-01/2022-12");
  add (index, "C", "clearance_rate", FZ_VALUE_RATE, 70, "2021-01/2021-12");
  add (index, "D", "clearance_rate", FZ_VALUE_RATE, 10, "2022-03/2022-03");
  add (index, "E", "clearance_rate", FZ_VALUE_RATE, 20, "2022-03/2022-03");
  add (index, "E", "clearance_rate", FZ_VALUE_RATE, 40, "2022-01/");
  add (index, "D", "clearance_rate", FZ_VALUE_RATE, 50, "2022-01/2022-06");
  add (index, "F", "clearance_rate", FZ_VALUE_RATE, 99, "2022-03/");

  fz_index_options_init (&opts);
  {
    g_autoptr(FzIndexResult) result = fz_index_compute (index, &opts, NULL);
    g_assert_cmpfloat_with_epsilon (score (result, "A", "clearance_rate"), 0, EPS);
    g_assert_cmpfloat_with_epsilon (score (result, "B", "clearance_rate"), 100, EPS);
    g_assert_true (fz_index_region_get_cell (region (result, "C"), "clearance_rate")->flags &
                   FZ_CELL_NOT_COMPARABLE);
  }

  opts.period = "2021";
  {
    g_autoptr(FzIndexResult) result = fz_index_compute (index, &opts, NULL);
    g_assert_cmpuint (fz_index_result_get_n_regions (result), ==, 2);
    g_assert_cmpfloat_with_epsilon (score (result, "A", "clearance_rate"), 100, EPS);
    g_assert_cmpfloat_with_epsilon (score (result, "C", "clearance_rate"), 0, EPS);
    g_assert_null (fz_index_result_lookup_region (result, "B"));
  }

  /* One month: only D 10 and E 20 are for March alone → 0, 100. */
  opts.period = "2022-03";
  {
    g_autoptr(FzIndexResult) result = fz_index_compute (index, &opts, NULL);
    g_assert_cmpuint (fz_index_result_get_n_regions (result), ==, 2);
    g_assert_cmpfloat_with_epsilon (score (result, "D", "clearance_rate"), 0, EPS);
    g_assert_cmpfloat_with_epsilon (score (result, "E", "clearance_rate"), 100, EPS);
  }

  /* Year so far: stretches from January to an open end or a later date of
   * the same year. A and B's whole year 2022 is held by two regions, so it
   * is compared (A 0, B 100); D's January–June and E's 2022-01/ are shown but
   * not compared; F (from March) and C (2021) are out. */
  opts.period = "ytd:2022";
  {
    g_autoptr(FzIndexResult) result = fz_index_compute (index, &opts, NULL);
    g_assert_null (fz_index_result_lookup_region (result, "F"));
    g_assert_null (fz_index_result_lookup_region (result, "C"));
    g_assert_cmpfloat_with_epsilon (score (result, "A", "clearance_rate"), 0, EPS);
    g_assert_cmpfloat_with_epsilon (score (result, "B", "clearance_rate"), 100, EPS);
    g_assert_true (fz_index_region_get_cell (region (result, "D"), "clearance_rate")->flags &
                   FZ_CELL_NOT_COMPARABLE);
    g_assert_true (fz_index_region_get_cell (region (result, "E"), "clearance_rate")->flags &
                   FZ_CELL_NOT_COMPARABLE);
  }

  opts.period = "2022-13";
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (fz_index_compute (index, &opts, &error));
    g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  }
}

/* Several observations in one cell: the exact figure wins over 余/约, and
 * of two exact ones the later added. A: 60 (over), 65 (exact), 70 (exact),
 * 75 (about) → 70 is used. B 90 → A 0, B 100. */
static void
test_cell_rule (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(FzIndexResult) result = NULL;
  const FzIndexCell *cell;

  add_full (index, "A", "clearance_rate", FZ_VALUE_RATE, 60, Y22, FZ_QUALIFIER_OVER, "d1");
  add_full (index, "A", "clearance_rate", FZ_VALUE_RATE, 65, Y22, FZ_QUALIFIER_EXACT, "d2");
  add_full (index, "A", "clearance_rate", FZ_VALUE_RATE, 70, Y22, FZ_QUALIFIER_EXACT, "d3");
  add_full (index, "A", "clearance_rate", FZ_VALUE_RATE, 75, Y22, FZ_QUALIFIER_ABOUT, "d4");
  add (index, "B", "clearance_rate", FZ_VALUE_RATE, 90, Y22);

  result = fz_index_compute (index, NULL, NULL);
  cell = fz_index_region_get_cell (region (result, "A"), "clearance_rate");
  g_assert_cmpfloat (cell->used->value, ==, 70);
  g_assert_cmpstr (cell->used->document, ==, "d3");
  g_assert_true (cell->flags & FZ_CELL_SEVERAL);
  g_assert_cmpuint (cell->observations->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (cell->score, 0, EPS);
}

static gboolean
has_warning (FzIndexResult *result,
             const char    *needle)
{
  for (const char * const *w = fz_index_result_get_warnings (result); *w; w++)
    if (strstr (*w, needle) != NULL)
      return TRUE;
  return FALSE;
}

/* A known year against Y (the year of a document whose date is not known)
 * is compared, but the result says so; two known years never raise it. */
static void
test_mixed_years (void)
{
  FzIndexOptions opts;

  fz_index_options_init (&opts);
  opts.period = "ytd";
  {
    g_autoptr(FzIndex) index = make_index ();
    g_autoptr(FzIndexResult) result = NULL;

    add (index, "A", "clearance_rate", FZ_VALUE_RATE, 60, "2022-01/");
    add (index, "B", "clearance_rate", FZ_VALUE_RATE, 80, "Y-01/");
    result = fz_index_compute (index, &opts, NULL);
    g_assert_true (fz_index_result_get_mixed_years (result));
    g_assert_true (has_warning (result, "known year"));
    g_assert_true (fz_index_region_get_cell (region (result, "B"), "clearance_rate")->flags &
                   FZ_CELL_UNKNOWN_YEAR);
    g_assert_cmpfloat_with_epsilon (score (result, "B", "clearance_rate"), 100, EPS);
  }
  {
    g_autoptr(FzIndex) index = make_index ();
    g_autoptr(FzIndexResult) result = NULL;

    add (index, "A", "clearance_rate", FZ_VALUE_RATE, 60, "2022-01/");
    add (index, "B", "clearance_rate", FZ_VALUE_RATE, 80, "2022-01/");
    result = fz_index_compute (index, &opts, NULL);
    g_assert_false (fz_index_result_get_mixed_years (result));
    g_assert_false (has_warning (result, "known year"));
  }
  /* Selecting the year 2022 and finding Y-01/Y-12 mixes them too. */
  opts.period = "2022";
  {
    g_autoptr(FzIndex) index = make_index ();
    g_autoptr(FzIndexResult) result = NULL;

    add (index, "A", "clearance_rate", FZ_VALUE_RATE, 60, "Y-01/Y-12");
    add (index, "B", "clearance_rate", FZ_VALUE_RATE, 80, "Y-01/Y-12");
    add (index, "C", "clearance_rate", FZ_VALUE_RATE, 80, "PY-01/PY-12");
    result = fz_index_compute (index, &opts, NULL);
    g_assert_true (fz_index_result_get_mixed_years (result));
    g_assert_nonnull (fz_index_result_lookup_region (result, "A"));
  }
}

/* A value without a period joins a comparison over a stated one, flagged. */
static void
test_unstated_period (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(FzIndexResult) result = NULL;

  add (index, "A", "clearance_rate", FZ_VALUE_RATE, 60, Y22);
  add (index, "B", "clearance_rate", FZ_VALUE_RATE, 80, "");
  result = fz_index_compute (index, NULL, NULL);
  g_assert_true (fz_index_region_get_cell (region (result, "B"), "clearance_rate")->flags &
                 FZ_CELL_PERIOD_UNSTATED);
  g_assert_cmpfloat_with_epsilon (score (result, "B", "clearance_rate"), 100, EPS);
  g_assert_true (has_warning (result, "no period"));
}

static void
test_errors (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(GError) error = NULL;
  FzObservation obs = { .region = "A", .indicator = "nope", .period = "" };

  g_assert_false (fz_index_add_observation (index, &obs, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_clear_error (&error);

  obs.indicator = "losses";
  obs.period = "2022-13/";
  g_assert_false (fz_index_add_observation (index, &obs, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_clear_error (&error);

  obs.period = "/";
  g_assert_false (fz_index_add_observation (index, &obs, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_clear_error (&error);

  obs.period = "Y-03/Y-03";
  g_assert_true (fz_index_add_observation (index, &obs, &error));
  g_assert_no_error (error);

  g_assert_false (fz_index_add_indicator (index, "x", "weather", FALSE, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (fz_index_add_indicator (index, "losses", "outcome", TRUE, &error));
  g_assert_error (error, FZ_ERROR, FZ_ERROR_INVALID);
  g_assert_cmpuint (fz_index_get_n_observations (index), ==, 1);
}

static GStrv
tsv_row (const char *tsv,
         const char *first_field)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  g_autofree char *prefix = g_strconcat (first_field, "\t", NULL);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strsplit (lines[i], "\t", -1);
  return NULL;
}

static gint
column (GStrv        header,
        const char  *name)
{
  for (guint i = 0; header[i]; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_assert_not_reached ();
  return -1;
}

/* The table of fill_three plus a second, uncompared source in A's cell. */
static void
test_write_tsv (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(FzIndexResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) c = NULL;

  next_start = 0;
  fill_three (index);   /* A's clearance_rate is the first: doc:0-4 */
  add_full (index, "A", "clearance_rate", FZ_VALUE_YOY, 5, Y22, FZ_QUALIFIER_EXACT, "other");
  result = fz_index_compute (index, NULL, NULL);
  fz_index_result_write_tsv (result, out);

  header = tsv_row (out->str, "region");
  a = tsv_row (out->str, "A");
  c = tsv_row (out->str, "C");
  g_assert_nonnull (header);
  g_assert_nonnull (a);
  g_assert_nonnull (c);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (header));

  g_assert_cmpstr (a[column (header, "level")], ==, "county");
  g_assert_cmpstr (a[column (header, "coverage")], ==, "3/7");
  g_assert_cmpstr (a[column (header, "strike")], ==, "0.00");
  g_assert_cmpstr (a[column (header, "outcome")], ==, "100.00");
  /* No data is an empty field, never 0. */
  g_assert_cmpstr (a[column (header, "control")], ==, "");
  g_assert_cmpstr (a[column (header, "overall")], ==, "33.33");
  g_assert_cmpstr (a[column (header, "rank")], ==, "2");
  g_assert_cmpstr (a[column (header, "clearance_rate")], ==, "60");
  g_assert_cmpstr (a[column (header, "clearance_rate:source")], ==, "doc:0-4;other:80-84");

  g_assert_cmpstr (c[column (header, "overall")], ==, "insufficient data");
  g_assert_cmpstr (c[column (header, "rank")], ==, "");
  g_assert_cmpstr (c[column (header, "dissuasion_rate")], ==, "");
  g_assert_cmpstr (c[column (header, "coverage")], ==, "2/7");

  /* Only indicators with data get columns. */
  for (guint i = 0; header[i]; i++)
    g_assert_false (g_str_has_prefix (header[i], "staff"));
}

/* The lexicon of spec/indicators.tsv: every row loads, all six dimensions
 * are used, and coverage is out of the number of rows. */
static void
test_shared_lexicon (void)
{
  const char *dir = g_getenv ("FZ_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(FzIndex) index = fz_index_new ();
  g_autoptr(FzIndexResult) result = NULL;
  gboolean seen[FZ_N_DIMENSIONS] = { FALSE };
  FzDimension dim;
  guint rows = 0;

  path = dir ? g_build_filename (dir, "spec", "indicators.tsv", NULL)
             : g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "spec",
                                      "indicators.tsv", NULL);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("spec/indicators.tsv not found; set FZ_SHARED_DIR");
      return;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_autoptr(GError) error = NULL;

      if (g_strv_length (f) < 5)
        continue;
      rows++;
      g_assert_true (fz_index_add_indicator (index, f[0], f[3],
                                             g_str_equal (f[4], "lower"), &error));
      g_assert_no_error (error);
      g_assert_true (fz_dimension_from_string (f[3], &dim));
      seen[dim] = TRUE;
    }
  g_assert_cmpuint (rows, >, 30);
  g_assert_cmpuint (fz_index_get_n_indicators (index), ==, rows);
  for (guint d = 0; d < FZ_N_DIMENSIONS; d++)
    g_assert_true (seen[d]);

  add (index, "A", "clearance_rate", FZ_VALUE_RATE, 60, Y22);
  add (index, "B", "clearance_rate", FZ_VALUE_RATE, 70, Y22);
  result = fz_index_compute (index, NULL, NULL);
  g_assert_cmpfloat_with_epsilon (region (result, "A")->coverage, 1.0 / rows, 1e-9);
}

/* Observations are kept in blocks, each sharing the strings it repeats of the one before:
 * every cell reads each of its observations whole, over several blocks. */
static void
test_observations_in_blocks (void)
{
  g_autoptr(FzIndex) index = make_index ();
  g_autoptr(FzIndexResult) result = NULL;
  const char *regions[] = { "A", "B", "C" };
  guint n = 1500, seen = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("%u%0*d", i, 400, 0);
      g_autofree char *document = g_strdup_printf ("page-%u", i / 4);
      FzObservation obs = {
        .region = regions[i % 3], .level = FZ_REGION_LEVEL_COUNTY,
        .indicator = i % 2 ? "crime_share" : "clearance_rate",
        .value_kind = i % 2 ? FZ_VALUE_SHARE : FZ_VALUE_RATE, .value = i, .unit = "%",
        .period = Y22, .document = document,
        .path = i % 5 ? document : NULL, .start = i, .end = i + 1, .text = text,
      };

      g_assert_true (fz_index_add_observation (index, &obs, &error));
      g_assert_no_error (error);
    }
  result = fz_index_compute (index, NULL, NULL);
  g_assert_nonnull (result);
  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    for (guint k = 0; k < 2; k++)
      {
        const FzIndexCell *cell = fz_index_region_get_cell (region (result, regions[r]),
                                                            k ? "crime_share" : "clearance_rate");

        g_assert_nonnull (cell);
        for (guint j = 0; j < cell->observations->len; j++)
          {
            const FzObservation *obs = g_ptr_array_index (cell->observations, j);
            guint i = obs->start;
            g_autofree char *text = g_strdup_printf ("%u%0*d", i, 400, 0);
            g_autofree char *document = g_strdup_printf ("page-%u", i / 4);

            g_assert_cmpstr (obs->region, ==, regions[i % 3]);
            g_assert_cmpstr (obs->indicator, ==, i % 2 ? "crime_share" : "clearance_rate");
            g_assert_cmpfloat (obs->value, ==, i);
            g_assert_cmpstr (obs->unit, ==, "%");
            g_assert_cmpstr (obs->document, ==, document);
            g_assert_cmpstr (obs->path, ==, i % 5 ? document : NULL);
            g_assert_cmpstr (obs->text, ==, text);
            seen++;
          }
      }
  g_assert_cmpuint (seen, ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/index/min-max", test_min_max);
  g_test_add_func ("/index/weights", test_weights);
  g_test_add_func ("/index/percentile", test_percentile);
  g_test_add_func ("/index/goalposts", test_goalposts);
  g_test_add_func ("/index/single-region", test_single_region);
  g_test_add_func ("/index/ties", test_ties);
  g_test_add_func ("/index/like-with-like", test_like_with_like);
  g_test_add_func ("/index/periods", test_periods);
  g_test_add_func ("/index/cell-rule", test_cell_rule);
  g_test_add_func ("/index/mixed-years", test_mixed_years);
  g_test_add_func ("/index/unstated-period", test_unstated_period);
  g_test_add_func ("/index/errors", test_errors);
  g_test_add_func ("/index/write-tsv", test_write_tsv);
  g_test_add_func ("/index/shared-lexicon", test_shared_lexicon);
  g_test_add_func ("/index/observations-in-blocks", test_observations_in_blocks);

  return g_test_run ();
}
