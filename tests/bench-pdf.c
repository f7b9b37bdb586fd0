/* bench-pdf.c: a 12-page e-paper PDF (drawn here, four columns a page) opened with its figures,
 * and one page drawn as the page view draws it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <time.h>

#include "fz-pipeline.h"
#include "fz-test-pdf.h"

#define PAGES 12
#define OPEN_RUNS 7
#define DRAW_RUNS 21
#define OPEN_TARGET_MS 300.0
#define DRAW_TARGET_MS 16.0
/* the page view at a common width: a side pane of 900 pixels */
#define VIEW_WIDTH 900

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this thread: on a busy machine, what the work costs without the waiting */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* One column of invented reports, numbers varied by @seed. */
static char *
column_text (guint seed)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 6; i++)
    {
      guint n = seed * 7 + i;

      g_string_append_printf (s, "本报讯 今年以来，第%u区公安机关共破获电信网络诈骗案件%u起，"
                              "抓获犯罪嫌疑人%u名，止付冻结涉诈资金%u.%u亿元，"
                              "同比上升%u.%u%%。开展反诈宣传活动%u场次，覆盖群众%u万人次。\n",
                              n % 30 + 1, 100 + n * 13 % 900, 50 + n * 7 % 400, n % 9 + 1,
                              n % 10, n % 40 + 1, n % 10, 20 + n % 300, n % 90 + 1);
    }
  return g_string_free (s, FALSE);
}

static GByteArray *
epaper (void)
{
  FzTestPdf *pdf = fz_test_pdf_new ("2022-04-25");

  for (guint p = 0; p < PAGES; p++)
    {
      g_autofree char *masthead = g_strdup_printf ("样例日报 第%u版", p + 1);
      double y;

      y = fz_test_pdf_text (pdf, 30, 30, 535, 24, masthead) + 8;
      y = fz_test_pdf_text (pdf, 30, y, 535, 18, "全市反诈专项行动取得阶段性成效") + 10;
      for (guint c = 0; c < 4; c++)
        {
          g_autofree char *text = column_text (p * 4 + c);

          fz_test_pdf_text (pdf, 30 + c * 136, y, 126, 9.5, text);
        }
      fz_test_pdf_next_page (pdf);
    }
  return fz_test_pdf_finish (pdf);
}

int
main (void)
{
  const char *keep = g_getenv ("FZ_BENCH_PDF_KEEP");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPipeline) pipeline = fz_pipeline_new (g_getenv ("FZ_DATA_DIR"), &error);
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(FzDocument) doc = NULL;
  double open_ms[OPEN_RUNS], draw_ms[DRAW_RUNS], open_cpu[OPEN_RUNS], draw_cpu[DRAW_RUNS];
  double w, h, scale;
  cairo_surface_t *surface;
  FzPageMap *map;

  if (pipeline == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bytes = epaper ();
  /* to look at the file: FZ_BENCH_PDF_KEEP=FILE.pdf */
  if (keep != NULL)
    g_file_set_contents (keep, (const char *) bytes->data, bytes->len, NULL);
  for (guint i = 0; i < OPEN_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms ();

      g_clear_object (&doc);
      doc = fz_document_new_from_data ("epaper.pdf", bytes->data, bytes->len, &error);
      if (doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      fz_pipeline_analyze (pipeline, doc);
      open_ms[i] = ms_since (start);
      open_cpu[i] = cpu_ms () - cpu;
    }
  qsort (open_ms, OPEN_RUNS, sizeof (double), compare_double);
  qsort (open_cpu, OPEN_RUNS, sizeof (double), compare_double);
  g_print ("open: %d pages, %u KB, %u characters, %u figures; over %d runs: min %.1f ms, "
           "median %.1f ms, max %.1f ms (target < %.0f ms)\n",
           PAGES, bytes->len / 1024, fz_document_get_n_chars (doc),
           fz_figure_list_get_n (fz_document_get_figures (doc)), OPEN_RUNS, open_ms[0],
           open_ms[OPEN_RUNS / 2], open_ms[OPEN_RUNS - 1], OPEN_TARGET_MS);
  g_print ("open: CPU time median %.1f ms\n", open_cpu[OPEN_RUNS / 2]);

  map = fz_document_get_page_map (doc);
  fz_page_map_get_page_size (map, 0, &w, &h);
  scale = VIEW_WIDTH / w;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, (int) (h * scale));
  for (guint i = 0; i < DRAW_RUNS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms ();

      fz_page_map_render (map, i % PAGES, cr, scale);
      cairo_surface_flush (surface);
      draw_ms[i] = ms_since (start);
      draw_cpu[i] = cpu_ms () - cpu;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  qsort (draw_ms, DRAW_RUNS, sizeof (double), compare_double);
  qsort (draw_cpu, DRAW_RUNS, sizeof (double), compare_double);
  g_print ("draw: a page at %d px wide; over %d runs: min %.1f ms, median %.1f ms, "
           "max %.1f ms (target < %.0f ms)\n", VIEW_WIDTH, DRAW_RUNS, draw_ms[0],
           draw_ms[DRAW_RUNS / 2], draw_ms[DRAW_RUNS - 1], DRAW_TARGET_MS);
  g_print ("draw: CPU time median %.1f ms\n", draw_cpu[DRAW_RUNS / 2]);
  if (open_ms[OPEN_RUNS / 2] >= OPEN_TARGET_MS)
    g_print ("open: over target\n");
  if (draw_ms[DRAW_RUNS / 2] >= DRAW_TARGET_MS)
    g_print ("draw: over target\n");
  return 0;
}
