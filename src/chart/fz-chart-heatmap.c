/* fz-chart-heatmap.c: categories (regions) by series (indicators), each cell a score 0..100. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-pass-private.h"

#include <math.h>
#include <string.h>

#define HEADER_HEIGHT 120.0
#define KEY_WIDTH     160.0

typedef struct
{
  double label_width;
  double row;      /* pixels per category */
  double column;   /* pixels per series */
} HeatGeometry;

static void
lay_out (FzChartPass  *p,
         HeatGeometry *g)
{
  guint n_rows = MAX (fz_chart_model_get_n_categories (p->model), 1);
  guint n_cols = MAX (fz_chart_model_get_n_series (p->model), 1);
  double key_height = p->line_height * 2 + 8;

  g->label_width = MIN (p->area.width * 0.2, 180);
  p->plot = (FzChartRect) { p->area.x + g->label_width + 8, p->area.y + HEADER_HEIGHT,
                            MAX (p->area.width - g->label_width - 8, 10),
                            MAX (p->area.height - HEADER_HEIGHT - key_height, 10) };
  g->row = p->plot.height / n_rows;
  g->column = p->plot.width / n_cols;
  fz_chart_scale_init (&p->scale, (double[]) { 0, 100 }, 2, 6);
}

static void
draw_column_labels (FzChartPass        *p,
                    const HeatGeometry *g)
{
  guint n = fz_chart_model_get_n_series (p->model);
  guint step = _fz_chart_label_step (g->column, p->line_height * 0.9);
  double bottom = p->plot.y - 6;

  for (guint s = 0; s < n; s += step)
    {
      const char *name = fz_chart_model_get_series (p->model, s);
      double x = p->plot.x + (s + 0.5) * g->column, w, h;

      _fz_chart_text_set (p, name, 0.9, FALSE, HEADER_HEIGHT - 10);
      _fz_chart_text_size (p, &w, &h);
      _fz_chart_text_show (p, x - h / 2, bottom, -G_PI / 2, &p->style->foreground);
      _fz_chart_add_label (p, x - h / 2, bottom - w, h, w, name);
    }
}

static void
draw_row_labels (FzChartPass        *p,
                 const HeatGeometry *g)
{
  guint n = fz_chart_model_get_n_categories (p->model);
  guint step = _fz_chart_label_step (g->row, p->line_height);

  for (guint c = 0; c < n; c += step)
    {
      const char *name = fz_chart_model_get_category (p->model, c);
      double center = p->plot.y + (c + 0.5) * g->row, w, h, right = p->plot.x - 8;

      _fz_chart_text_set (p, name, 1, FALSE, g->label_width);
      _fz_chart_text_size (p, &w, &h);
      _fz_chart_text_show (p, right - w, center - h / 2, 0, &p->style->foreground);
      _fz_chart_add_label (p, right - w, center - h / 2, w, h, name);
    }
}

#define N_SHADES 64
/* Shades beyond the ramp: no data (hatched) and all equal (a neutral fill). */
#define SHADE_MISSING G_MAXUINT8
#define SHADE_EVEN    (G_MAXUINT8 - 1)

/* The cells without data, hatched together in one fill. */
static void
draw_missing (FzChartPass  *p,
              guint         first,
              const guint8 *shade)
{
  guint n = p->marks->len - first;
  g_autoptr(GArray) boxes = g_array_sized_new (FALSE, FALSE, sizeof (FzChartRect), n);

  for (guint i = 0; i < n; i++)
    if (shade[i] == SHADE_MISSING)
      g_array_append_val (boxes, g_array_index (p->marks, FzChartMark, first + i).rect);
  _fz_chart_hatch_rects (p, (FzChartRect *) boxes->data, boxes->len);
}

/* The cells that every region shares a value in: neutral, with "=" where it fits. */
static void
draw_even (FzChartPass  *p,
           guint         first,
           const guint8 *shade)
{
  guint n = p->marks->len - first;
  gboolean any = FALSE;
  FzChartColor color;

  for (guint i = 0; i < n; i++)
    if (shade[i] == SHADE_EVEN)
      {
        const FzChartRect *r = &g_array_index (p->marks, FzChartMark, first + i).rect;
        cairo_rectangle (p->cr, r->x, r->y, r->width, r->height);
        any = TRUE;
      }
  if (!any)
    return;
  fz_chart_style_even_color (p->style, &color);
  _fz_chart_set_color (p, &color);
  cairo_fill (p->cr);
  for (guint i = 0; i < n; i++)
    {
      const FzChartRect *r = &g_array_index (p->marks, FzChartMark, first + i).rect;
      double cx = r->x + r->width / 2, cy = r->y + r->height / 2;

      if (shade[i] != SHADE_EVEN || r->width < 10 || r->height < 8)
        continue;
      cairo_rectangle (p->cr, cx - 3, cy - 2, 6, 1);
      cairo_rectangle (p->cr, cx - 3, cy + 1, 6, 1);
    }
  _fz_chart_set_color (p, &p->style->foreground);
  cairo_fill (p->cr);
}

/* Cells in order of shade (a counting sort), each shade one path: 300 × 34 cells in 64 fills. */
static void
fill_shades (FzChartPass  *p,
             guint         first,
             const guint8 *shade,
             guint         n)
{
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  guint starts[N_SHADES + 1] = { 0 }, next[N_SHADES + 1];

  for (guint i = 0; i < n; i++)
    if (shade[i] < N_SHADES)
      starts[shade[i] + 1]++;
  for (guint k = 0; k < N_SHADES; k++)
    starts[k + 1] += starts[k];
  memcpy (next, starts, sizeof next);
  for (guint i = 0; i < n; i++)
    if (shade[i] < N_SHADES)
      order[next[shade[i]]++] = i;
  for (guint k = 0; k < N_SHADES; k++)
    {
      FzChartColor color;

      if (starts[k] == starts[k + 1])
        continue;
      for (guint i = starts[k]; i < starts[k + 1]; i++)
        {
          const FzChartRect *r = &g_array_index (p->marks, FzChartMark, first + order[i]).rect;
          cairo_rectangle (p->cr, r->x, r->y, r->width, r->height);
        }
      fz_chart_style_ramp_color (p->style, (double) k / (N_SHADES - 1), &color);
      _fz_chart_set_color (p, &color);
      cairo_fill (p->cr);
    }
}

/* The marks keep each cell's box, in whole pixels: cairo fills pixel-aligned boxes without a
 * scan converter. */
static void
draw_cells (FzChartPass        *p,
            const HeatGeometry *g,
            gboolean           *any_even)
{
  guint n_series = fz_chart_model_get_n_series (p->model);
  guint n_cats = fz_chart_model_get_n_categories (p->model);
  double gap = g->column > 4 && g->row > 4 ? 1 : 0;
  g_autofree guint8 *shade = g_new (guint8, MAX (n_series * n_cats, 1));
  guint first = p->marks->len;

  for (guint c = 0; c < n_cats; c++)
    for (guint s = 0; s < n_series; s++)
      {
        const FzChartValue *v = fz_chart_model_get_value (p->model, s, c);
        double x0 = round (p->plot.x + s * g->column);
        double x1 = round (p->plot.x + (s + 1) * g->column);
        double y0 = round (p->plot.y + c * g->row), y1 = round (p->plot.y + (c + 1) * g->row);

        _fz_chart_add_mark (p, x0, y0, MAX (x1 - x0 - gap, 1), MAX (y1 - y0 - gap, 1), FALSE,
                            s, c);
        shade[c * n_series + s] = v->missing ? SHADE_MISSING : v->no_spread ? SHADE_EVEN :
          (guint8) CLAMP (v->value / 100 * (N_SHADES - 1) + 0.5, 0, N_SHADES - 1);
        *any_even |= !v->missing && v->no_spread;
      }
  if (p->cr == NULL)
    return;
  draw_missing (p, first, shade);
  draw_even (p, first, shade);
  fill_shades (p, first, shade, n_series * n_cats);
}

/* 约, 余: a corner cut out of the cell. */
static void
draw_approximate (FzChartPass        *p,
                  const HeatGeometry *g)
{
  if (p->cr == NULL || g->row < 8 || g->column < 8)
    return;
  for (guint i = 0; i < p->marks->len; i++)
    {
      const FzChartMark *m = &g_array_index (p->marks, FzChartMark, i);
      const FzChartValue *v = fz_chart_model_get_value (p->model, m->series, m->category);

      if (v->missing || v->qualifier == 0)
        continue;
      cairo_move_to (p->cr, m->rect.x + m->rect.width, m->rect.y);
      cairo_rel_line_to (p->cr, -5, 0);
      cairo_rel_line_to (p->cr, 5, 5);
      cairo_close_path (p->cr);
    }
  _fz_chart_set_color (p, &p->style->background);
  cairo_fill (p->cr);
}

static void
draw_key (FzChartPass *p,
          gboolean     any_even)
{
  double x = p->plot.x, y = p->area.y + p->area.height - p->line_height * 2, w;
  g_autofree char *no_data = g_strdup_printf ("%s", fz_chart_text (p->zh, FZ_CHART_TEXT_NO_DATA));

  if (p->cr != NULL)
    {
      for (guint i = 0; i < KEY_WIDTH; i++)
        {
          FzChartColor color;
          fz_chart_style_ramp_color (p->style, i / KEY_WIDTH, &color);
          _fz_chart_set_color (p, &color);
          cairo_rectangle (p->cr, x + i, y, 1, p->line_height * 0.7);
          cairo_fill (p->cr);
        }
    }
  for (guint t = 0; t <= 100; t += 50)
    {
      g_autofree char *text = g_strdup_printf ("%u", t);
      _fz_chart_text_set (p, text, 0.8, FALSE, 0);
      _fz_chart_text_size (p, &w, NULL);
      _fz_chart_text_show (p, x + KEY_WIDTH * t / 100 - w / 2, y + p->line_height * 0.75, 0,
                           &p->style->muted);
    }
  _fz_chart_hatch (p, x + KEY_WIDTH + 20, y, 24, p->line_height * 0.7);
  _fz_chart_text_set (p, no_data, 0.85, FALSE, 0);
  _fz_chart_text_size (p, &w, NULL);
  _fz_chart_text_show (p, x + KEY_WIDTH + 50, y - 2, 0, &p->style->muted);
  if (!any_even)
    return;
  x += KEY_WIDTH + 50 + w + 20;
  if (p->cr != NULL)
    {
      FzChartColor color;
      fz_chart_style_even_color (p->style, &color);
      _fz_chart_set_color (p, &color);
      cairo_rectangle (p->cr, x, y, 24, p->line_height * 0.7);
      cairo_fill (p->cr);
    }
  _fz_chart_text_set (p, fz_chart_text (p->zh, FZ_CHART_TEXT_ALL_EQUAL), 0.85, FALSE, 0);
  _fz_chart_text_show (p, x + 30, y - 2, 0, &p->style->muted);
}

void
_fz_chart_pass_heatmap (FzChartPass *p)
{
  HeatGeometry g;
  gboolean any_even = FALSE;

  lay_out (p, &g);
  draw_cells (p, &g, &any_even);
  draw_approximate (p, &g);
  draw_column_labels (p, &g);
  draw_row_labels (p, &g);
  draw_key (p, any_even);
}
