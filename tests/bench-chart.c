/* bench-chart.c: milliseconds per frame of each chart type for 300 regions at 1600×1000. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <cairo.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fz-chart-frame.h"

#define WIDTH     1600
#define HEIGHT    1000
#define N_REGIONS 300
#define FRAMES    40
/* A trend follows at most 12 regions unless the analyst picks them (fz-chart-model-trend.c). */
#define TREND_LINES 12

/* Radar: 6 regions; trend: 12 lines over 24 months. Region names of Chinese characters and
 * varied length, with some values missing or approximate, as a county-level comparison has
 * them. */
static FzChartModel *
make_model (FzChartType type,
            GRand      *rand)
{
  guint n_cats = type == FZ_CHART_RADAR ? 6 : type == FZ_CHART_TREND ? 24 : N_REGIONS;
  guint n_series = type == FZ_CHART_BAR ? 1 : type == FZ_CHART_GROUPED ? 6
                   : type == FZ_CHART_RADAR ? 6 : type == FZ_CHART_TREND ? TREND_LINES : 34;
  FzChartModel *model = fz_chart_model_new (type, "zh");

  fz_chart_model_set_title (model, "反诈指数");
  for (guint s = 0; s < n_series; s++)
    {
      g_autofree char *name = g_strdup_printf (type == FZ_CHART_TREND ? "第%u区县" : "指标%u", s);
      fz_chart_model_add_series (model, name);
    }
  for (guint c = 0; c < n_cats; c++)
    {
      g_autofree char *name = type == FZ_CHART_TREND ?
        g_strdup_printf ("%u-%02u", 2021 + c / 12, c % 12 + 1) :
        g_strdup_printf ("%s第%u区县", c % 5 == 0 ? "经济技术开发区" : "城东", c);
      guint k = fz_chart_model_add_category (model, name, "12/34");

      for (guint s = 0; s < n_series; s++)
        {
          FzChartValue *v;
          if (g_rand_int_range (rand, 0, 10) == 0)
            continue;
          v = fz_chart_model_set_value (model, s, k, g_rand_double_range (rand, 0, 100),
                                        g_rand_int_range (rand, 0, 8) == 0 ? 2 : 0);
          fz_chart_value_add_source (v, "page.txt", c, c + 3, NULL);
        }
    }
  if (type == FZ_CHART_BAR)
    fz_chart_model_sort_ranked (model);
  return model;
}

/* CPU time of this thread: on a shared machine wall time mostly measures the others. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown\n");
  return g_strdup_printf ("%.*s\n", (int) strcspn (text, " "), text);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  FzChartStyle style;
  gboolean slow = FALSE;

  fz_chart_style_init (&style, FALSE);
  for (FzChartType type = 0; type < FZ_N_CHART_TYPES; type++)
    {
      g_autoptr(FzChartModel) model = make_model (type, rand);
      gint64 start;
      double ms, hit_ms, cpu;

      fz_chart_render (model, &style, cr, WIDTH, HEIGHT);   /* fonts loaded, caches warm */
      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      for (guint i = 0; i < FRAMES; i++)
        fz_chart_render (model, &style, cr, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      cpu = (cpu_ms () - cpu) / FRAMES;
      ms = (g_get_monotonic_time () - start) / 1000.0 / FRAMES;
      start = g_get_monotonic_time ();
      for (guint i = 0; i < FRAMES; i++)
        {
          g_autoptr(FzChartFrame) frame = fz_chart_frame_new (model, &style, WIDTH, HEIGHT);
          fz_chart_frame_hit (frame, WIDTH / 2.0, HEIGHT / 2.0, NULL);
        }
      hit_ms = (g_get_monotonic_time () - start) / 1000.0 / FRAMES;
      printf ("%-8s %6.2f ms per frame (%6.2f ms CPU), %5.2f ms per layout and hit test%s\n",
              fz_chart_type_to_string (type), ms, cpu, hit_ms, cpu > 8 ? "  (over 8 ms)" : "");
      slow |= cpu > 8;
    }
  g_autofree char *load = load_average ();

  printf ("# machine load average: %s", load);
  if (slow)
    printf ("# aim: under 8 ms per frame, to follow the pointer at 60 frames a second\n");
  fz_chart_style_clear (&style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
