/* fz-chart-radar.c: a radar of the categories (the six dimensions) for a few series (regions). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-pass-private.h"

#include <math.h>

#define POINT_RADIUS 4.0

typedef struct
{
  double cx, cy, radius;
  guint  n_spokes;
} Radar;

static void
spoke_point (const Radar *r,
             guint        spoke,
             double       fraction,
             double      *x,
             double      *y)
{
  double angle = -G_PI / 2 + 2 * G_PI * spoke / r->n_spokes;

  *x = r->cx + cos (angle) * r->radius * fraction;
  *y = r->cy + sin (angle) * r->radius * fraction;
}

static void
draw_grid (FzChartPass *p,
           const Radar *r)
{
  cairo_t *cr = p->cr;

  if (cr == NULL)
    return;
  cairo_set_line_width (cr, 1);
  _fz_chart_set_color (p, &p->style->grid);
  for (guint t = 1; t < p->scale.n_ticks; t++)
    {
      double f = fz_chart_scale_map (&p->scale, fz_chart_scale_tick (&p->scale, t)), x, y;
      for (guint k = 0; k <= r->n_spokes; k++)
        {
          spoke_point (r, k % r->n_spokes, f, &x, &y);
          if (k == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
    }
  for (guint k = 0; k < r->n_spokes; k++)
    {
      double x, y;
      spoke_point (r, k, 1, &x, &y);
      cairo_move_to (cr, r->cx, r->cy);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
}

static void
draw_ticks (FzChartPass *p,
            const Radar *r)
{
  for (guint t = 1; t < p->scale.n_ticks; t++)
    {
      double v = fz_chart_scale_tick (&p->scale, t);
      g_autofree char *text = fz_chart_format_value (p->zh, v, NULL);
      double x, y;

      spoke_point (r, 0, fz_chart_scale_map (&p->scale, v), &x, &y);
      _fz_chart_text_set (p, text, 0.8, FALSE, 0);
      /* Drawn over the series, on a rim of the background, so that a line or an area running
       * along the ring never covers its number. */
      if (p->cr != NULL)
        {
          cairo_save (p->cr);
          cairo_move_to (p->cr, x + 8, y + 2);
          pango_cairo_layout_path (p->cr, p->layout);
          _fz_chart_set_color (p, &p->style->background);
          cairo_set_line_width (p->cr, 3);
          cairo_set_line_join (p->cr, CAIRO_LINE_JOIN_ROUND);
          cairo_stroke (p->cr);
          cairo_restore (p->cr);
        }
      _fz_chart_text_show (p, x + 8, y + 2, 0, &p->style->muted);
    }
}

static void
draw_spoke_labels (FzChartPass *p,
                   const Radar *r)
{
  for (guint k = 0; k < r->n_spokes; k++)
    {
      const char *name = fz_chart_model_get_category (p->model, k);
      double x, y, w, h, angle = -G_PI / 2 + 2 * G_PI * k / r->n_spokes;

      spoke_point (r, k, 1, &x, &y);
      _fz_chart_text_set (p, name, 1, FALSE, 160);
      _fz_chart_text_size (p, &w, &h);
      /* Outside the ring, centred on the spoke's direction. */
      x += cos (angle) * (8 + w / 2) - w / 2;
      y += sin (angle) * (8 + h / 2) - h / 2;
      _fz_chart_text_show (p, x, y, 0, &p->style->foreground);
      _fz_chart_add_label (p, x, y, w, h, name);
    }
}

/* Present values are joined only to present neighbours: a missing one never counts as 0. */
static void
draw_series (FzChartPass *p,
             const Radar *r,
             guint        s)
{
  cairo_t *cr = p->cr;
  FzChartColor color;
  gboolean complete = TRUE;

  fz_chart_style_series_color (p->style, s, &color);
  for (guint k = 0; k < r->n_spokes; k++)
    complete &= !fz_chart_model_get_value (p->model, s, k)->missing;
  if (cr != NULL)
    {
      cairo_set_line_width (cr, 2);
      for (guint k = 0; k < r->n_spokes; k++)
        {
          const FzChartValue *a = fz_chart_model_get_value (p->model, s, k);
          const FzChartValue *b = fz_chart_model_get_value (p->model, s, (k + 1) % r->n_spokes);
          double x, y;

          if (a->missing || b->missing)
            continue;
          spoke_point (r, k, fz_chart_scale_map (&p->scale, a->value), &x, &y);
          cairo_move_to (cr, x, y);
          spoke_point (r, (k + 1) % r->n_spokes, fz_chart_scale_map (&p->scale, b->value), &x, &y);
          cairo_line_to (cr, x, y);
        }
      _fz_chart_set_color (p, &color);
      cairo_stroke (cr);
      if (complete)
        {
          for (guint k = 0; k < r->n_spokes; k++)
            {
              double x, y;
              spoke_point (r, k, fz_chart_scale_map (&p->scale,
                           fz_chart_model_get_value (p->model, s, k)->value), &x, &y);
              k == 0 ? cairo_move_to (cr, x, y) : cairo_line_to (cr, x, y);
            }
          cairo_close_path (cr);
          cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.12);
          cairo_fill (cr);
        }
    }
}

static void
draw_points (FzChartPass *p,
             const Radar *r,
             guint        s)
{
  FzChartColor color;

  fz_chart_style_series_color (p->style, s, &color);
  for (guint k = 0; k < r->n_spokes; k++)
    {
      const FzChartValue *v = fz_chart_model_get_value (p->model, s, k);
      double x, y, size = 2 * POINT_RADIUS + 2;

      if (v->missing)
        {
          /* A hatched square near the centre, one per series, stepping outwards. */
          spoke_point (r, k, 0.06 + 0.07 * s, &x, &y);
          _fz_chart_hatch (p, x - size / 2, y - size / 2, size, size);
          _fz_chart_add_mark (p, x - size / 2, y - size / 2, size, size, FALSE, s, k);
          if (p->cr != NULL)
            {
              /* Whose no-data it is: the region's colour round the hatching. */
              _fz_chart_set_color (p, &color);
              cairo_set_line_width (p->cr, 1.5);
              cairo_rectangle (p->cr, x - size / 2, y - size / 2, size, size);
              cairo_stroke (p->cr);
            }
          continue;
        }
      spoke_point (r, k, fz_chart_scale_map (&p->scale, v->value), &x, &y);
      _fz_chart_add_mark (p, x - size / 2, y - size / 2, size, size, TRUE, s, k);
      if (p->cr == NULL)
        continue;
      cairo_new_path (p->cr);
      cairo_arc (p->cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
      _fz_chart_set_color (p, v->qualifier != 0 ? &p->style->background : &color);
      cairo_fill_preserve (p->cr);
      _fz_chart_set_color (p, &color);
      cairo_set_line_width (p->cr, 1.5);
      cairo_stroke (p->cr);
    }
}

static void
draw_no_data_note (FzChartPass *p)
{
  g_autofree char *text = NULL;
  double h;

  text = g_strdup_printf ("▨ %s", fz_chart_text (p->zh, FZ_CHART_TEXT_NO_DATA));
  _fz_chart_text_set (p, text, 0.85, FALSE, 0);
  _fz_chart_text_size (p, NULL, &h);
  _fz_chart_text_show (p, p->area.x, p->area.y + p->area.height - h, 0, &p->style->muted);
}

void
_fz_chart_pass_radar (FzChartPass *p)
{
  guint n_series = fz_chart_model_get_n_series (p->model);
  Radar r;

  r.n_spokes = fz_chart_model_get_n_categories (p->model);
  if (n_series > 0)
    _fz_chart_legend (p, n_series, NULL, NULL);
  p->plot = p->area;
  _fz_chart_scale_values (p, 200, 40);
  if (r.n_spokes < 3)
    return;
  r.cx = p->area.x + p->area.width / 2;
  r.cy = p->area.y + p->area.height / 2;
  r.radius = MAX (MIN (p->area.width / 2 - 140, p->area.height / 2 - 2 * p->line_height - 8), 20);
  draw_grid (p, &r);
  for (guint s = 0; s < n_series; s++)
    draw_series (p, &r, s);
  for (guint s = 0; s < n_series; s++)
    draw_points (p, &r, s);
  draw_ticks (p, &r);
  draw_spoke_labels (p, &r);
  draw_no_data_note (p);
}
