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

static const double dashes[][2] = { { 0, 0 }, { 6, 3 }, { 2, 2 }, { 8, 2 } };

/* The n-th series of a group (a region's stretch lengths) gets the n-th dash. */
static guint
dash_of (FzChartPass *p,
         guint        s)
{
  guint group = fz_chart_model_get_series_group (p->model, s), nth = 0;

  for (guint i = s; i-- > 0 && fz_chart_model_get_series_group (p->model, i) == group;)
    nth++;
  return nth % G_N_ELEMENTS (dashes);
}

/* Each segment is its own stroke: cairo rasterises a stroke over its whole bounding box, so
 * a zigzag across the plot costs far more as one path than as its pieces. Round caps join
 * the pieces. */
static void
stroke_line (FzChartPass         *p,
             const TrendGeometry *g,
             guint                s)
{
  guint n = fz_chart_model_get_n_categories (p->model);
  gboolean started = FALSE;
  double px = 0, py = 0;

  for (guint c = 0; c < n; c++)
    {
      const FzChartValue *v = fz_chart_model_get_value (p->model, s, c);
      double x = p->plot.x + (c + 0.5) * g->slot, y;

      if (v->missing)
        continue;
      y = value_y (p, v->value);
      if (started)
        {
          cairo_move_to (p->cr, px, py);
          cairo_line_to (p->cr, x, y);
          cairo_stroke (p->cr);
        }
      px = x;
      py = y;
      started = TRUE;
    }
}

static void
draw_lines (FzChartPass         *p,
            const TrendGeometry *g)
{
  guint n_series = fz_chart_model_get_n_series (p->model);

  if (p->cr == NULL)
    return;
  cairo_save (p->cr);
  cairo_set_line_width (p->cr, 2);
  cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = 0; s < n_series; s++)
    {
      guint d = dash_of (p, s);
      FzChartColor color;

      fz_chart_style_series_color (p->style, fz_chart_model_get_series_group (p->model, s),
                                   &color);
      _fz_chart_set_color (p, &color);
      cairo_set_dash (p->cr, dashes[d], d == 0 ? 0 : 2, 0);
      stroke_line (p, g, s);
    }
  cairo_restore (p->cr);
}

/* All points of a series in one path; approximate ones are then hollowed out. */
static void
draw_points (FzChartPass         *p,
             const TrendGeometry *g,
             guint                s)
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
      cairo_new_sub_path (p->cr);
      cairo_arc (p->cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
    }
  if (p->cr == NULL)
    return;
  fz_chart_style_series_color (p->style, fz_chart_model_get_series_group (p->model, s), &color);
  _fz_chart_set_color (p, &color);
  cairo_fill (p->cr);
  if (!any_approximate)
    return;
  for (guint c = 0; c < n; c++)
    {
      const FzChartValue *v = fz_chart_model_get_value (p->model, s, c);

      if (v->missing || v->qualifier == 0)
        continue;
      cairo_new_sub_path (p->cr);
      cairo_arc (p->cr, p->plot.x + (c + 0.5) * g->slot, value_y (p, v->value),
                 POINT_RADIUS - 1.5, 0, 2 * G_PI);
    }
  /* An approximate value is a hollow point. */
  _fz_chart_set_color (p, &p->style->background);
  cairo_fill (p->cr);
}

void
_fz_chart_pass_trend (FzChartPass *p)
{
  guint n_series = fz_chart_model_get_n_series (p->model);
  TrendGeometry g;

  if (n_series > 0)
    _fz_chart_legend (p, n_series, TRUE);
  lay_out (p, &g);
  draw_value_axis (p);
  draw_period_labels (p, &g);
  draw_lines (p, &g);
  for (guint s = 0; s < n_series; s++)
    draw_points (p, &g, s);
}
