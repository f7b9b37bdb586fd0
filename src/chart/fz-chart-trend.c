/* fz-chart-trend.c: one indicator over periods, a line per series (a region's stretch length). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-pass-private.h"

#include <math.h>

#define POINT_RADIUS  3.5
#define TICK_SPACING  60.0
#define MAX_LABEL     140.0

typedef struct
{
  double   slot;          /* pixels per period */
  gboolean rotated;       /* period labels turned to read upwards */
  double   label_extent;  /* their height below the plot */
} TrendGeometry;

static double
value_y (FzChartPass *p,
         double       value)
{
  return p->plot.y + p->plot.height * (1 - fz_chart_scale_map (&p->scale, value));
}

static double
measure_categories (FzChartPass *p)
{
  guint n = fz_chart_model_get_n_categories (p->model);
  double widest = 0;

  for (guint c = 0; c < n; c++)
    {
      double w;
      _fz_chart_text_set (p, fz_chart_model_get_category (p->model, c), 0.9, FALSE, MAX_LABEL);
      _fz_chart_text_size (p, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static double
tick_label_width (FzChartPass *p)
{
  double widest = 0;

  for (guint i = 0; i < p->scale.n_ticks; i++)
    {
      g_autofree char *text = fz_chart_format_value (p->zh, fz_chart_scale_tick (&p->scale, i),
                                                     NULL);
      double w;
      _fz_chart_text_set (p, text, 0.9, FALSE, 0);
      _fz_chart_text_size (p, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static void
lay_out (FzChartPass   *p,
         TrendGeometry *g)
{
  guint n = MAX (fz_chart_model_get_n_categories (p->model), 1);
  double widest = measure_categories (p), left;

  _fz_chart_scale_values (p, p->area.height * 0.7, TICK_SPACING);
  left = tick_label_width (p) + 8;
  g->slot = (p->area.width - left - 10) / n;
  g->rotated = widest > g->slot - 6;
  g->label_extent = g->rotated ? widest + 6 : p->line_height + 6;
  p->plot = (FzChartRect) { p->area.x + left, p->area.y, MAX (p->area.width - left - 10, 10),
                            MAX (p->area.height - g->label_extent, 10) };
}

static void
draw_value_axis (FzChartPass *p)
{
  for (guint i = 0; i < p->scale.n_ticks; i++)
    {
      double v = fz_chart_scale_tick (&p->scale, i), y = round (value_y (p, v)) + 0.5, w, h;
      g_autofree char *text = fz_chart_format_value (p->zh, v, NULL);

      if (p->cr != NULL)
        {
          _fz_chart_set_color (p, v == 0 ? &p->style->muted : &p->style->grid);
          cairo_set_line_width (p->cr, 1);
          cairo_move_to (p->cr, p->plot.x, y);
          cairo_line_to (p->cr, p->plot.x + p->plot.width, y);
          cairo_stroke (p->cr);
        }
      _fz_chart_text_set (p, text, 0.9, FALSE, 0);
      _fz_chart_text_size (p, &w, &h);
      _fz_chart_text_show (p, p->plot.x - 6 - w, y - h / 2, 0, &p->style->muted);
    }
}

static void
draw_period_labels (FzChartPass         *p,
                    const TrendGeometry *g)
{
  guint n = fz_chart_model_get_n_categories (p->model);
  guint step = g->rotated ? _fz_chart_label_step (g->slot, p->line_height * 0.9) : 1;
  double top = p->plot.y + p->plot.height + 4;

  for (guint c = 0; c < n; c += step)
    {
      const char *name = fz_chart_model_get_category (p->model, c);
      double x = p->plot.x + (c + 0.5) * g->slot, w, h;

      _fz_chart_text_set (p, name, 0.9, FALSE, MAX_LABEL);
      _fz_chart_text_size (p, &w, &h);
      if (g->rotated)
        {
          /* Turned a quarter: the text runs upwards, ending at the axis. */
          _fz_chart_text_show (p, x - h / 2, top + w, -G_PI / 2, &p->style->foreground);
          _fz_chart_add_label (p, x - h / 2, top, h, w, name);
        }
      else
        {
          _fz_chart_text_show (p, x - w / 2, top, 0, &p->style->foreground);
          _fz_chart_add_label (p, x - w / 2, top, w, h, name);
        }
    }
}

/* Each segment is its own stroke: cairo rasterises a stroke over its whole bounding box, so
 * a zigzag across the plot costs far more as one path than as its pieces. Round caps join
 * the pieces; a dash runs on from one piece to the next. */
static void
stroke_line (FzChartPass         *p,
             const TrendGeometry *g,
             guint                s,
             const double        *pattern,
             int                  n_dash)
{
  guint n = fz_chart_model_get_n_categories (p->model);
  gboolean started = FALSE;
  double px = 0, py = 0, offset = 0;

  for (guint c = 0; c < n; c++)
    {
      const FzChartValue *v = fz_chart_model_get_value (p->model, s, c);
      double x = p->plot.x + (c + 0.5) * g->slot, y;

      if (v->missing)
        continue;
      y = value_y (p, v->value);
      if (started)
        {
          cairo_set_dash (p->cr, pattern, n_dash, offset);
          cairo_move_to (p->cr, px, py);
          cairo_line_to (p->cr, x, y);
          cairo_stroke (p->cr);
          offset += hypot (x - px, y - py);
        }
      px = x;
      py = y;
      started = TRUE;
    }
}

static void
draw_lines (FzChartPass         *p,
            const TrendGeometry *g,
            const guint8        *colors,
            const guint8        *dashes)
{
  guint n_series = fz_chart_model_get_n_series (p->model);

  if (p->cr == NULL)
    return;
  cairo_save (p->cr);
  cairo_set_line_width (p->cr, 2);
  for (guint s = 0; s < n_series; s++)
    {
      const double *pattern;
      FzChartColor color;
      int n;

      fz_chart_style_series_color (p->style, colors[s], &color);
      _fz_chart_set_color (p, &color);
      fz_chart_style_line_dash (dashes[s], &pattern, &n);
      /* Round caps would fill the gaps of a dotted line. */
      cairo_set_line_cap (p->cr, n == 0 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      stroke_line (p, g, s, pattern, n);
    }
  cairo_restore (p->cr);
}

/* All points of a series in one path; approximate ones are then hollowed out. */
static void
draw_points (FzChartPass         *p,
             const TrendGeometry *g,
             guint                s,
             guint                color_index,
             guint                dash)
{
  guint n = fz_chart_model_get_n_categories (p->model);
  double size = 2 * POINT_RADIUS + 4;
  gboolean any_approximate = FALSE;
  FzChartColor color;

  for (guint c = 0; c < n; c++)
    {
      const FzChartValue *v = fz_chart_model_get_value (p->model, s, c);
      double x = p->plot.x + (c + 0.5) * g->slot, y;

      if (v->missing)
        continue;
      y = value_y (p, v->value);
      _fz_chart_add_mark (p, x - size / 2, y - size / 2, size, size, TRUE, s, c);
      any_approximate |= v->qualifier != 0;
      if (p->cr == NULL)
        continue;
      _fz_chart_marker_path (p->cr, x, y, POINT_RADIUS, dash);
    }
  if (p->cr == NULL)
    return;
  fz_chart_style_series_color (p->style, color_index, &color);
  _fz_chart_set_color (p, &color);
  cairo_fill (p->cr);
  if (!any_approximate)
    return;
  for (guint c = 0; c < n; c++)
    {
      const FzChartValue *v = fz_chart_model_get_value (p->model, s, c);

      if (v->missing || v->qualifier == 0)
        continue;
      _fz_chart_marker_path (p->cr, p->plot.x + (c + 0.5) * g->slot, value_y (p, v->value),
                             POINT_RADIUS - 1.5, dash);
    }
  /* An approximate value is a hollow point. */
  _fz_chart_set_color (p, &p->style->background);
  cairo_fill (p->cr);
}

void
_fz_chart_pass_trend (FzChartPass *p)
{
  guint n_series = fz_chart_model_get_n_series (p->model);
  g_autofree guint8 *colors = g_new (guint8, MAX (n_series, 1));
  g_autofree guint8 *dashes = g_new (guint8, MAX (n_series, 1));
  TrendGeometry g;

  _fz_chart_line_styles (p->model, colors, dashes);
  if (n_series > 0)
    _fz_chart_legend (p, n_series, colors, dashes);
  lay_out (p, &g);
  draw_value_axis (p);
  draw_period_labels (p, &g);
  draw_lines (p, &g, colors, dashes);
  for (guint s = 0; s < n_series; s++)
    draw_points (p, &g, s, colors[s], dashes[s]);
}
