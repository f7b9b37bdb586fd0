/* test-chart-render.c: charts drawn into images, SVG and PDF: lengths, hatching, labels, hits. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fz-chart-export.h"
#include "fz-chart-format.h"
#include "fz-chart-frame.h"
#include "fz-chart-pass-private.h"
#include "fz-figure.h"

#define WIDTH  800
#define HEIGHT 500

static const double bar_values[] = { 972.5, 640, 333.3, 87, 12.5 };

/* Names of varied length, Chinese and mixed, none copied from any page. */
static char *
region_name (guint i)
{
  static const char * const parts[] = { "东湖", "西山", "南岭开发", "北港", "中关", "青石桥" };

  return g_strdup_printf ("%s%s第%u区", parts[i % 6], (i % 7 == 0) ? "经济技术开发区管委会" : "",
                          i + 1);
}

static FzChartModel *
make_bars (guint n,
           gint  missing)
{
  FzChartModel *model = fz_chart_model_new (FZ_CHART_BAR, "zh");

  fz_chart_model_set_title (model, "测试");
  fz_chart_model_set_unit (model, "起");
  fz_chart_model_add_series (model, "value");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = region_name (i);
      guint c = fz_chart_model_add_category (model, name, "3/34");
      FzChartValue *v;

      if ((gint) i == missing)
        continue;
      v = fz_chart_model_set_value (model, 0, c, i < G_N_ELEMENTS (bar_values) ?
                                    bar_values[i] : 1000.0 / (i + 1), 0);
      fz_chart_value_add_source (v, "page.txt", 10 * i, 10 * i + 4, NULL);
      if (i == 1)
        fz_chart_value_add_source (v, "other.txt", 7, 12, NULL);
    }
  return model;
}

static cairo_surface_t *
render (FzChartModel       *model,
        const FzChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  fz_chart_render (model, style, cr, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + y * stride))[x] & 0xffffff;
}

static guint32
rgb (const FzChartColor *c)
{
  return ((guint32) lround (c->red * 255) << 16) | ((guint32) lround (c->green * 255) << 8) |
         (guint32) lround (c->blue * 255);
}

/* How much of the row through @y the bar's colour covers, in pixels: an edge pixel counts by
 * how far it has moved from the background towards the bar. */
static double
bar_pixels (cairo_surface_t *surface,
            int              y,
            guint32          color,
            guint32          background)
{
  int shift = 0, best = 0;
  double n = 0;

  /* The channel where bar and background differ most gives the finest measure. */
  for (int k = 0; k < 24; k += 8)
    {
      int d = abs ((int) ((color >> k) & 0xff) - (int) ((background >> k) & 0xff));
      if (d > best)
        {
          best = d;
          shift = k;
        }
    }
  for (int x = 0; x < WIDTH; x++)
    {
      guint32 p = pixel (surface, x, y);
      double bg = (background >> shift) & 0xff, fg = (color >> shift) & 0xff;
      double t = (((p >> shift) & 0xff) - bg) / (fg - bg);

      if (p == color)
        n += 1;
      else if (t > 0 && t < 1 && (pixel (surface, x - 1, y) == color ||
                                  pixel (surface, x + 1, y) == color))
        n += t;   /* an antialiased end of the bar */
    }
  return n;
}

static void
test_bar_lengths (void)
{
  g_autoptr(FzChartModel) model = make_bars (G_N_ELEMENTS (bar_values), -1);
  g_autoptr(FzChartFrame) frame = NULL;
  FzChartStyle style;
  FzChartColor color;
  FzChartRect plot, mark;
  FzChartScale scale;
  cairo_surface_t *surface;

  fz_chart_style_init (&style, FALSE);
  fz_chart_style_series_color (&style, 0, &color);
  frame = fz_chart_frame_new (model, &style, WIDTH, HEIGHT);
  fz_chart_frame_get_plot (frame, &plot, &scale);
  surface = render (model, &style);
  for (guint c = 0; c < G_N_ELEMENTS (bar_values); c++)
    {
      double expected = bar_values[c] / (scale.max - scale.min) * plot.width;
      double measured;

      g_assert_true (fz_chart_frame_get_mark (frame, 0, c, &mark));
      measured = bar_pixels (surface, (int) (mark.y + mark.height / 2), rgb (&color),
                             rgb (&style.background));
      g_test_message ("%g: %.2f px, expected %.2f", bar_values[c], measured, expected);
      g_assert_cmpfloat (fabs (measured - expected), <=, 1.0);
    }
  cairo_surface_destroy (surface);
  fz_chart_style_clear (&style);
}

static void
test_missing_hatched (void)
{
  g_autoptr(FzChartModel) model = make_bars (4, 2);
  g_autoptr(FzChartFrame) frame = NULL;
  FzChartStyle style;
  FzChartColor color;
  FzChartRect mark;
  cairo_surface_t *surface;
  guint hatch = 0, bar = 0, total = 0;

  fz_chart_style_init (&style, FALSE);
  fz_chart_style_series_color (&style, 0, &color);
  frame = fz_chart_frame_new (model, &style, WIDTH, HEIGHT);
  g_assert_true (fz_chart_model_get_value (model, 0, 2)->missing);
  g_assert_true (fz_chart_frame_get_mark (frame, 0, 2, &mark));
  surface = render (model, &style);
  for (int y = (int) mark.y + 2; y < (int) (mark.y + mark.height) - 2; y++)
    for (int x = (int) mark.x + 2; x < (int) (mark.x + mark.width) - 2; x++)
      {
        guint32 p = pixel (surface, x, y);
        bar += p == rgb (&color);
        hatch += p != rgb (&style.background);
        total++;
      }
  g_assert_cmpuint (bar, ==, 0);
  /* Diagonals 5 px apart: lines with background between them, not a filled box. */
  g_assert_cmpuint (hatch, >, total / 10);
  g_assert_cmpuint (total - hatch, >, total / 10);
  cairo_surface_destroy (surface);
  fz_chart_style_clear (&style);
}

static gboolean
overlap (const FzChartRect *a,
         const FzChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
check_labels (FzChartModel *model,
              double        width,
              double        height)
{
  g_autoptr(FzChartFrame) frame = NULL;
  FzChartStyle style;
  guint n;

  fz_chart_style_init (&style, FALSE);
  frame = fz_chart_frame_new (model, &style, width, height);
  n = fz_chart_frame_get_n_labels (frame);
  g_test_message ("%s: %u labels drawn", fz_chart_type_to_string (
                    fz_chart_model_get_chart_type (model)), n);
  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < n; i++)
    {
      FzChartRect a;
      fz_chart_frame_get_label (frame, i, &a, NULL);
      g_assert_cmpfloat (a.x, >=, 0);
      g_assert_cmpfloat (a.y, >=, 0);
      g_assert_cmpfloat (a.x + a.width, <=, width);
      g_assert_cmpfloat (a.y + a.height, <=, height);
      for (guint j = i + 1; j < n; j++)
        {
          FzChartRect b;
          fz_chart_frame_get_label (frame, j, &b, NULL);
          g_assert_false (overlap (&a, &b));
        }
    }
  fz_chart_style_clear (&style);
}

static FzChartModel *
make_grid (FzChartType type,
           guint       n_rows,
           guint       n_cols)
{
  FzChartModel *model = fz_chart_model_new (type, "zh");

  for (guint s = 0; s < n_cols; s++)
    {
      g_autofree char *name = g_strdup_printf ("指标名称%u号", s);
      fz_chart_model_add_series (model, name);
    }
  for (guint c = 0; c < n_rows; c++)
    {
      g_autofree char *name = type == FZ_CHART_TREND ? g_strdup_printf ("%u-%02u/%u-%02u",
                                                                         2000 + c / 12, c % 12 + 1,
                                                                         2000 + c / 12, c % 12 + 1)
                                                     : region_name (c);
      fz_chart_model_add_category (model, name, NULL);
      for (guint s = 0; s < n_cols; s++)
        if ((c + s) % 3 != 0)
          fz_chart_model_set_value (model, s, c, (c * 37 + s * 11) % 100, 0);
    }
  return model;
}

static void
test_labels_300 (void)
{
  g_autoptr(FzChartModel) bars = make_bars (300, 5);
  g_autoptr(FzChartModel) heatmap = make_grid (FZ_CHART_HEATMAP, 300, 34);
  g_autoptr(FzChartModel) grouped = make_grid (FZ_CHART_GROUPED, 300, 6);
  g_autoptr(FzChartModel) trend = make_grid (FZ_CHART_TREND, 300, 3);

  check_labels (bars, 1600, 1000);
  check_labels (bars, 600, 400);
  check_labels (heatmap, 1600, 1000);
  check_labels (grouped, 1600, 1000);
  check_labels (trend, 1600, 1000);
}

/* A radar whose series runs along the outer ring leaves the ring's tick label readable: every
 * pixel of the label drawn without the line is still the label's colour with it. */
static FzChartModel *
make_radar (gboolean full)
{
  FzChartModel *model = fz_chart_model_new (FZ_CHART_RADAR, "zh");
  static const char * const spokes[] = { "成效", "打击", "防范", "管控", "宣传", "治理" };

  fz_chart_model_set_title (model, "测试");
  fz_chart_model_add_series (model, "甲市");
  for (guint c = 0; c < G_N_ELEMENTS (spokes); c++)
    {
      fz_chart_model_add_category (model, spokes[c], NULL);
      if (full || c == 3)
        fz_chart_model_set_value (model, 0, c, 100, 0);
    }
  return model;
}

static gboolean
grey_ink (guint32 p,
          int     darkest)
{
  int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

  return abs (r - g) <= 2 && abs (g - b) <= 2 && r <= darkest;
}

static void
test_radar_tick_labels (void)
{
  g_autoptr(FzChartModel) lone = make_radar (FALSE);
  g_autoptr(FzChartModel) ring = make_radar (TRUE);
  FzChartStyle style;
  cairo_surface_t *without, *with;
  guint n = 0, kept = 0;

  fz_chart_style_init (&style, FALSE);
  without = render (lone, &style);
  with = render (ring, &style);
  /* In the top quarter (title, legend, the top spoke's name and the outer ring's tick label)
   * the text is grey ink on white; the series' line and area, blue, must not cover it. */
  for (int y = 0; y < HEIGHT / 4; y++)
    for (int x = 0; x < WIDTH; x++)
      if (grey_ink (pixel (without, x, y), 200))
        {
          n++;
          kept += grey_ink (pixel (with, x, y), 255);
        }
  g_assert_cmpuint (n, >, 50);
  g_assert_cmpuint (kept, ==, n);
  cairo_surface_destroy (without);
  cairo_surface_destroy (with);
  fz_chart_style_clear (&style);
}

static void
test_hit (void)
{
  g_autoptr(FzChartModel) model = make_bars (G_N_ELEMENTS (bar_values), -1);
  g_autoptr(FzChartFrame) frame = NULL;
  FzChartStyle style;
  FzChartRect a, b;
  FzChartHit hit;
  const FzChartSource *source;

  fz_chart_style_init (&style, FALSE);
  frame = fz_chart_frame_new (model, &style, WIDTH, HEIGHT);
  g_assert_true (fz_chart_frame_get_mark (frame, 0, 1, &a));
  g_assert_true (fz_chart_frame_get_mark (frame, 0, 2, &b));

  g_assert_true (fz_chart_frame_hit (frame, a.x + 3, a.y + a.height / 2, &hit));
  g_assert_cmpuint (hit.category, ==, 1);
  g_assert_cmpfloat (hit.value->value, ==, bar_values[1]);
  g_assert_cmpuint (hit.value->sources->len, ==, 2);
  source = g_ptr_array_index (hit.value->sources, 1);
  g_assert_cmpstr (source->document, ==, "other.txt");
  g_assert_cmpuint (source->start, ==, 7);

  /* Keyboard order: one mark per value, the n-th being the bar of the n-th category. */
  g_assert_cmpuint (fz_chart_frame_get_n_marks (frame), ==, G_N_ELEMENTS (bar_values));
  fz_chart_frame_get_nth_mark (frame, 2, &a, &hit);
  g_assert_cmpuint (hit.category, ==, 2);
  g_assert_true (fz_chart_frame_get_mark (frame, 0, 1, &a));

  /* Between two bars, and past a bar's end, nothing. */
  g_assert_cmpfloat (b.y, >, a.y + a.height + 2);
  g_assert_false (fz_chart_frame_hit (frame, a.x + 3, (a.y + a.height + b.y) / 2, NULL));
  g_assert_false (fz_chart_frame_hit (frame, b.x + b.width + 3, b.y + b.height / 2, NULL));
  fz_chart_style_clear (&style);
}

static void
test_hit_trend (void)
{
  g_autoptr(FzChartModel) model = make_grid (FZ_CHART_TREND, 12, 2);
  g_autoptr(FzChartFrame) frame = NULL;
  FzChartStyle style;
  FzChartRect r;
  FzChartHit hit;

  fz_chart_style_init (&style, FALSE);
  frame = fz_chart_frame_new (model, &style, WIDTH, HEIGHT);
  g_assert_true (fz_chart_frame_get_mark (frame, 1, 4, &r));
  g_assert_true (fz_chart_frame_hit (frame, r.x + r.width / 2, r.y + r.height / 2, &hit));
  g_assert_cmpuint (hit.series, ==, 1);
  g_assert_cmpuint (hit.category, ==, 4);
  /* A missing value ((c + s) % 3 == 0) is no point. */
  g_assert_false (fz_chart_frame_get_mark (frame, 1, 2, &r));
  fz_chart_style_clear (&style);
}

static char *
export (FzChartModel *model,
        const char   *ext)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fz-chart-XXXXXX", &error);
  char *path;
  FzChartStyle style;

  g_assert_no_error (error);
  path = g_build_filename (dir, ext, NULL);
  fz_chart_style_init (&style, FALSE);
  g_assert_true (fz_chart_export (model, &style, path, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  fz_chart_style_clear (&style);
  return path;
}

static void
remove_export (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_svg_xml (void)
{
  g_autoptr(FzChartModel) model = make_bars (12, 3);
  g_autofree char *path = export (model, "chart.svg");
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                            XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  xmlFreeDoc (doc);
  remove_export (path);
}

static void
test_pdf_text (void)
{
  g_autoptr(FzChartModel) model = make_bars (6, 2);
  g_autofree char *path = export (model, "chart.pdf");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, path, "-", NULL };
  int status;

  if (pdftotext == NULL)
    {
      remove_export (path);
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = region_name (i);
      g_assert_nonnull (strstr (out, name));
    }
  g_assert_nonnull (strstr (out, "无数据"));
  g_assert_nonnull (strstr (out, "972.5起"));
  remove_export (path);
}

static void
test_format (void)
{
  g_autofree char *a = fz_chart_format_value (TRUE, 9770000000, "元");
  g_autofree char *b = fz_chart_format_value (TRUE, 16000, NULL);
  g_autofree char *c = fz_chart_format_value (FALSE, 9770000000, "元");
  g_autofree char *d = fz_chart_format_value (FALSE, -43.26, "%");
  g_autofree char *e = fz_chart_format_value (TRUE, 672, "起");
  g_autofree char *f = fz_chart_format_value (FALSE, 1234567.5, NULL);

  g_assert_cmpstr (a, ==, "97.7亿元");
  g_assert_cmpstr (b, ==, "1.6万");
  g_assert_cmpstr (c, ==, "9,770,000,000 yuan");
  g_assert_cmpstr (d, ==, "-43.26%");
  g_assert_cmpstr (e, ==, "672起");
  g_assert_cmpstr (f, ==, "1,234,567.5");
}

static void
test_format_period (void)
{
  const struct { gboolean zh; const char *period, *words; } cases[] = {
    { TRUE, "Y-01/Y-12", "今年1—12月" },
    { TRUE, "2019-05/", "2019年5月以来" },
    { TRUE, "/Y-07-15", "截至今年7月15日" },
    { TRUE, "PY-03/PY-03", "去年3月" },
    { TRUE, "2021-11/2022-02", "2021年11月—2022年2月" },
    { FALSE, "2022-01/2022-12", "Jan–Dec 2022" },
    { FALSE, "2022-03/2022-03", "Mar 2022" },
    { FALSE, "Y-01/", "since Jan this year" },
    { FALSE, "not a period", "not a period" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = fz_chart_format_period (cases[i].zh, cases[i].period);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_approximate_label (void)
{
  g_autoptr(FzChartModel) model = fz_chart_model_new (FZ_CHART_BAR, "zh");
  g_autofree char *path = NULL, *out = NULL, *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, NULL, "-", NULL };

  fz_chart_model_set_unit (model, "起");
  fz_chart_model_add_series (model, "v");
  fz_chart_model_add_category (model, "甲", NULL);
  fz_chart_model_add_category (model, "乙", NULL);
  fz_chart_model_set_value (model, 0, 0, 670, FZ_QUALIFIER_OVER);
  fz_chart_model_set_value (model, 0, 1, 300, FZ_QUALIFIER_ABOUT);
  path = export (model, "approx.pdf");
  argv[1] = path;
  if (pdftotext == NULL)
    {
      remove_export (path);
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, NULL, &error));
  g_assert_nonnull (strstr (out, "670余起"));
  g_assert_nonnull (strstr (out, "约300起"));
  remove_export (path);
}

/* No regions, only missing values, one value, negative changes: every type draws something
 * and nothing fails, and a negative bar lies left of zero. */
static void
test_degenerate (void)
{
  FzChartStyle style;

  fz_chart_style_init (&style, TRUE);
  for (FzChartType type = 0; type < FZ_N_CHART_TYPES; type++)
    for (guint shape = 0; shape < 4; shape++)
      {
        g_autoptr(FzChartModel) model = fz_chart_model_new (type, "en");
        g_autoptr(FzChartFrame) frame = NULL;
        cairo_surface_t *surface;
        guint n = shape == 0 ? 0 : shape == 1 ? 1 : 7;

        fz_chart_model_add_series (model, "a");
        fz_chart_model_add_series (model, "b");
        for (guint c = 0; c < n; c++)
          {
            fz_chart_model_add_category (model, "x", NULL);
            if (shape >= 2)
              fz_chart_model_set_value (model, 0, c, shape == 3 ? -43.26 * c : 5, 0);
          }
        surface = render (model, &style);
        cairo_surface_destroy (surface);
        frame = fz_chart_frame_new (model, &style, 120, 90);   /* smaller than its margins */
        fz_chart_frame_hit (frame, 60, 45, NULL);
        if (type == FZ_CHART_BAR && shape == 3)
          {
            FzChartRect plot, r;
            FzChartScale scale;

            g_clear_pointer (&frame, fz_chart_frame_free);
            frame = fz_chart_frame_new (model, &style, WIDTH, HEIGHT);
            fz_chart_frame_get_plot (frame, &plot, &scale);
            g_assert_true (fz_chart_frame_get_mark (frame, 0, 6, &r));
            g_assert_cmpfloat (fabs (r.x + r.width - (plot.x + fz_chart_scale_map (&scale, 0) *
                                                      plot.width)), <, 0.01);
          }
      }
  fz_chart_style_clear (&style);
}

/* Twelve regions, one to three lines each: no two lines share colour and dash, and a
 * region's lines share a colour while colours last. */
static void
test_line_styles_unique (void)
{
  g_autoptr(FzChartModel) model = fz_chart_model_new (FZ_CHART_TREND, "en");
  guint8 colors[24], dashes[24];
  guint n = 0;

  for (guint g = 0; g < 12; g++)
    for (guint k = 0; k <= g % 3; k++)
      {
        g_autofree char *name = g_strdup_printf ("R%u · %u", g, k);
        guint s = fz_chart_model_add_series (model, name);
        fz_chart_model_set_series_group (model, s, g);
        n++;
      }
  g_assert_cmpuint (n, ==, 24);
  _fz_chart_line_styles (model, colors, dashes);
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      g_assert_false (colors[a] == colors[b] && dashes[a] == dashes[b]);
  for (guint s = 1; s < n; s++)
    if (fz_chart_model_get_series_group (model, s) == fz_chart_model_get_series_group (model, 0))
      g_assert_cmpuint (colors[s], ==, colors[0]);
}

/* A cell every region shares a value in is a flat neutral fill, not the hatching of no data. */
static void
test_heatmap_even_not_hatched (void)
{
  g_autoptr(FzChartModel) model = fz_chart_model_new (FZ_CHART_HEATMAP, "zh");
  g_autoptr(FzChartFrame) frame = NULL;
  FzChartStyle style;
  FzChartColor even;
  FzChartRect mark;
  cairo_surface_t *surface;
  guint flat = 0, total = 0;

  fz_chart_model_add_series (model, "相同");
  fz_chart_model_add_series (model, "不同");
  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *name = region_name (c);
      FzChartValue *v;

      fz_chart_model_add_category (model, name, NULL);
      v = fz_chart_model_set_value (model, 0, c, 50, 0);
      v->no_spread = TRUE;
      fz_chart_model_set_value (model, 1, c, 50.0 * c, 0);
    }
  fz_chart_style_init (&style, FALSE);
  fz_chart_style_even_color (&style, &even);
  frame = fz_chart_frame_new (model, &style, WIDTH, HEIGHT);
  g_assert_true (fz_chart_frame_get_mark (frame, 0, 1, &mark));
  surface = render (model, &style);
  for (int y = (int) mark.y + 2; y < (int) (mark.y + mark.height) - 2; y++)
    for (int x = (int) mark.x + 2; x < (int) (mark.x + mark.width) - 2; x++)
      {
        flat += pixel (surface, x, y) == rgb (&even);
        total++;
      }
  g_assert_cmpuint (flat, >, total * 9 / 10);
  cairo_surface_destroy (surface);
  fz_chart_style_clear (&style);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/bars/lengths", test_bar_lengths);
  g_test_add_func ("/chart/bars/missing-hatched", test_missing_hatched);
  g_test_add_func ("/chart/bars/approximate", test_approximate_label);
  g_test_add_func ("/chart/labels/300-regions", test_labels_300);
  g_test_add_func ("/chart/labels/radar-ticks", test_radar_tick_labels);
  g_test_add_func ("/chart/hit/bars", test_hit);
  g_test_add_func ("/chart/hit/trend", test_hit_trend);
  g_test_add_func ("/chart/export/svg", test_svg_xml);
  g_test_add_func ("/chart/export/pdf", test_pdf_text);
  g_test_add_func ("/chart/format", test_format);
  g_test_add_func ("/chart/degenerate", test_degenerate);
  g_test_add_func ("/chart/format-period", test_format_period);
  g_test_add_func ("/chart/trend/line-styles-unique", test_line_styles_unique);
  g_test_add_func ("/chart/heatmap/even-not-hatched", test_heatmap_even_not_hatched);
  return g_test_run ();
}
