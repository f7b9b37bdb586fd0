/* fz-chart-bars.c: horizontal bars, ranked (one series) or grouped (one bar per series). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-pass-private.h"

#include <math.h>

#define TICK_SPACING 90.0
#define VALUE_ROOM   96.0

typedef struct
{
  double label_width;   /* the category names, right-aligned */
  double note_width;    /* the coverage column beside them, 0 when no category has a note */
  double pitch;         /* pixels per category */
  double band;          /* of the pitch, the part the bars fill */
} BarGeometry;

static double
value_x (FzChartPass *p,
         double       value)
{
  return p->plot.x + fz_chart_scale_map (&p->scale, value) * p->plot.width;
}

static double
measure_notes (FzChartPass *p)
{
  guint n = fz_chart_model_get_n_categories (p->model);
  double width = 0;

  for (guint c = 0; c < n; c++)
    {
      const char *note = fz_chart_model_get_note (p->model, c);
      if (note != NULL)
        {
          double w;
          _fz_chart_text_set (p, note, 0.85, FALSE, 0);
          _fz_chart_text_size (p, &w, NULL);
          width = MAX (width, w + 8);
          /* Every coverage note has the same shape ("7/34"): one measure is enough. */
          break;
        }
    }
  return width;
}

static void
lay_out (FzChartPass *p,
         BarGeometry *g)
{
  guint n = MAX (fz_chart_model_get_n_categories (p->model), 1);
  double tick_height;

  g->label_width = MIN (p->area.width * 0.22, 200);
  g->note_width = measure_notes (p);
  _fz_chart_text_set (p, "0", 0.9, FALSE, 0);
  _fz_chart_text_size (p, NULL, &tick_height);
  p->plot.x = p->area.x + g->label_width + 8 + g->note_width;
  p->plot.y = p->area.y;
  p->plot.width = MAX (p->area.x + p->area.width - VALUE_ROOM - p->plot.x, 10);
  p->plot.height = MAX (p->area.height - tick_height - 4, 10);
  _fz_chart_scale_values (p, p->plot.width, TICK_SPACING);
  g->pitch = p->plot.height / n;
  g->band = g->pitch * 0.8;
}

static void
draw_axis (FzChartPass *p)
{
  double bottom = p->plot.y + p->plot.height;

  for (guint i = 0; i < p->scale.n_ticks; i++)
    {
      double v = fz_chart_scale_tick (&p->scale, i);
      double x = round (value_x (p, v)) + 0.5, w;
      g_autofree char *text = fz_chart_format_value (p->zh, v, NULL);

      if (p->cr != NULL)
        {
          _fz_chart_set_color (p, v == 0 ? &p->style->muted : &p->style->grid);
          cairo_set_line_width (p->cr, 1);
          cairo_move_to (p->cr, x, p->plot.y);
          cairo_line_to (p->cr, x, bottom);
          cairo_stroke (p->cr);
        }
      _fz_chart_text_set (p, text, 0.9, FALSE, 0);
      _fz_chart_text_size (p, &w, NULL);
      _fz_chart_text_show (p, x - w / 2, bottom + 4, 0, &p->style->muted);
    }
}

static void
draw_value_label (FzChartPass        *p,
                  const FzChartValue *v,
                  double              x,
                  double              y,
                  double              height)
{
  g_autofree char *text = NULL;
  double h;

  /* Thin rows leave the number to the tooltip; no text to lay out. */
  if (height * 1.25 < p->line_height * 0.85)
    return;
  text = _fz_chart_value_text (p, v);
  _fz_chart_text_set (p, text, 0.85, FALSE, VALUE_ROOM - 6);
  _fz_chart_text_size (p, NULL, &h);
  if (h > height * 1.25)
    return;
  _fz_chart_text_show (p, x + 4, y + (height - h) / 2, 0,
                       v->missing ? &p->style->muted : &p->style->foreground);
}

/* The box of a value: its bar, or for no data a hatched box of fixed size, away from any
 * length a value could have. */
static void
bar_box (FzChartPass        *p,
         const FzChartValue *v,
         double              y,
         double              height,
         FzChartRect        *box)
{
  double x0 = value_x (p, 0), x1, y1 = y + height;

  x1 = v->missing ? x0 + MIN (p->plot.width * 0.1, 60) : value_x (p, v->value);
  if (p->snap)
    {
      /* Within half a pixel of the value, and at least a pixel thick. */
      x0 = round (x0);
      x1 = round (x1);
      y = round (y);
      y1 = MAX (round (y1), y + 1);
    }
  *box = (FzChartRect) { MIN (x0, x1), y, fabs (x1 - x0), y1 - y };
}

/* One path and one fill per series: 300 regions in one go. */
static void
draw_series_bars (FzChartPass       *p,
                  const BarGeometry *g,
                  guint              s,
                  GArray            *missing)
{
  guint n_cats = fz_chart_model_get_n_categories (p->model);
  double height = g->band / MAX (fz_chart_model_get_n_series (p->model), 1);
  FzChartColor color;

  for (guint c = 0; c < n_cats; c++)
    {
      const FzChartValue *v = fz_chart_model_get_value (p->model, s, c);
      double y = p->plot.y + c * g->pitch + (g->pitch - g->band) / 2 + s * height;
      FzChartRect box;

      bar_box (p, v, y, height, &box);
      _fz_chart_add_mark (p, box.x, box.y, box.width, box.height, FALSE, s, c);
      if (v->missing)
        g_array_append_val (missing, box);
      else if (p->cr != NULL)
        /* A value of 0 still shows a hairline: there is a value, unlike no data. */
        cairo_rectangle (p->cr, box.x, box.y, MAX (box.width, 1), box.height);
    }
  if (p->cr != NULL)
    {
      fz_chart_style_series_color (p->style, s, &color);
      _fz_chart_set_color (p, &color);
      cairo_fill (p->cr);
    }
}

/* 约, 余, 不足: an open, dashed end says the bar's length is not exact. */
static void
draw_approximate (FzChartPass *p)
{
  static const double dash[] = { 2, 2 };
  gboolean any = FALSE;

  if (p->cr == NULL)
    return;
  for (guint i = 0; i < p->marks->len; i++)
    {
      const FzChartMark *m = &g_array_index (p->marks, FzChartMark, i);
      const FzChartValue *v = fz_chart_model_get_value (p->model, m->series, m->category);
      double x;

      if (v->missing || v->qualifier == 0)
        continue;
      x = v->value < 0 ? m->rect.x : m->rect.x + m->rect.width;
      cairo_move_to (p->cr, x, m->rect.y - 2);
      cairo_line_to (p->cr, x, m->rect.y + m->rect.height + 2);
      any = TRUE;
    }
  if (!any)
    return;
  cairo_save (p->cr);
  _fz_chart_set_color (p, &p->style->foreground);
  cairo_set_line_width (p->cr, 1.5);
  cairo_set_dash (p->cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
}

static void
draw_value_labels (FzChartPass *p)
{
  for (guint i = 0; i < p->marks->len; i++)
    {
      const FzChartMark *m = &g_array_index (p->marks, FzChartMark, i);
      const FzChartValue *v = fz_chart_model_get_value (p->model, m->series, m->category);

      draw_value_label (p, v, m->rect.x + m->rect.width, m->rect.y, m->rect.height);
    }
}

static void
draw_category_label (FzChartPass       *p,
                     const BarGeometry *g,
                     guint              c,
                     double             center)
{
  const char *name = fz_chart_model_get_category (p->model, c);
  const char *note = fz_chart_model_get_note (p->model, c);
  double w, h, right = p->plot.x - 8 - g->note_width;

  _fz_chart_text_set (p, name, 1, FALSE, g->label_width);
  _fz_chart_text_size (p, &w, &h);
  _fz_chart_text_show (p, right - w, center - h / 2, 0, &p->style->foreground);
  _fz_chart_add_label (p, right - w, center - h / 2, w, h, name);
  if (note != NULL && g->note_width > 0)
    {
      _fz_chart_text_set (p, note, 0.85, FALSE, 0);
      _fz_chart_text_size (p, &w, &h);
      _fz_chart_text_show (p, p->plot.x - 4 - w, center - h / 2, 0, &p->style->muted);
    }
}

void
_fz_chart_pass_bars (FzChartPass *p)
{
  guint n_series = fz_chart_model_get_n_series (p->model);
  guint n_cats = fz_chart_model_get_n_categories (p->model);
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (FzChartRect));
  BarGeometry g;
  guint step;

  if (n_series > 1)
    _fz_chart_legend (p, n_series, NULL, NULL);
  lay_out (p, &g);
  draw_axis (p);
  for (guint s = 0; s < n_series; s++)
    draw_series_bars (p, &g, s, missing);
  _fz_chart_hatch_rects (p, (FzChartRect *) missing->data, missing->len);
  draw_approximate (p);
  draw_value_labels (p);
  step = _fz_chart_label_step (g.pitch, p->line_height);
  for (guint c = 0; c < n_cats; c += step)
    draw_category_label (p, &g, c, p->plot.y + (c + 0.5) * g.pitch);
}
