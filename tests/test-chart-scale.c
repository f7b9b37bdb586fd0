/* test-chart-scale.c: axis bounds and ticks. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "fz-chart-scale.h"

static void
test_nice_bounds (void)
{
  /* 0..94.69 with at most 6 ticks: raw step 18.9 → 20, so 0..100 in 6 ticks. */
  double values[] = { 12.5, 94.69, 40 };
  FzChartScale s;

  fz_chart_scale_init (&s, values, G_N_ELEMENTS (values), 6);
  g_assert_cmpfloat (s.min, ==, 0);
  g_assert_cmpfloat (s.max, ==, 100);
  g_assert_cmpfloat (s.step, ==, 20);
  g_assert_cmpuint (s.n_ticks, ==, 6);
  g_assert_false (s.degenerate);
  g_assert_cmpfloat_with_epsilon (fz_chart_scale_map (&s, 50), 0.5, 1e-12);
  g_assert_cmpfloat (fz_chart_scale_tick (&s, 3), ==, 60);
}

static void
test_negative (void)
{
  /* −43.26..24.8, 5 ticks: span 68.06 / 4 = 17.0 → 20; bounds −60..40. */
  double values[] = { -43.26, 24.8 };
  FzChartScale s;

  fz_chart_scale_init (&s, values, 2, 5);
  g_assert_cmpfloat (s.min, ==, -60);
  g_assert_cmpfloat (s.max, ==, 40);
  g_assert_cmpfloat_with_epsilon (fz_chart_scale_map (&s, 0), 0.6, 1e-12);
}

static void
test_degenerate (void)
{
  double nan_only[] = { NAN };
  FzChartScale s;

  fz_chart_scale_init (&s, nan_only, 1, 5);
  g_assert_true (s.degenerate);
  g_assert_cmpfloat (s.max, >, s.min);
  fz_chart_scale_init (&s, NULL, 0, 5);
  g_assert_true (s.degenerate);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-scale/nice-bounds", test_nice_bounds);
  g_test_add_func ("/chart-scale/negative", test_negative);
  g_test_add_func ("/chart-scale/degenerate", test_degenerate);
  return g_test_run ();
}
