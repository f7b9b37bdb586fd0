/* fz-chart-pass.c: what every chart type shares: text, hatching, title, legend, value scale. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-pass-private.h"

#include <math.h>

#include "fz-figure.h"

void
_fz_chart_text_set (FzChartPass *p,
                    const char  *text,
                    double       size,
                    gboolean     bold,
                    double       max_width)
{
  if (p->font == NULL)
    p->font = pango_font_description_from_string (p->style->font_family);
  pango_font_description_set_size (p->font, (int) (p->style->font_size * size * PANGO_SCALE));
  pango_font_description_set_weight (p->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (p->layout, p->font);
  pango_layout_set_width (p->layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (p->layout, max_width > 0 ? PANGO_ELLIPSIZE_END
                                                       : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (p->layout, text != NULL ? text : "", -1);
}

void
_fz_chart_text_size (FzChartPass *p,
                     double      *width,
                     double      *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (p->layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

void
_fz_chart_text_show (FzChartPass        *p,
                     double              x,
                     double              y,
                     double              angle,
                     const FzChartColor *color)
{
  if (p->cr == NULL)
    return;
  cairo_save (p->cr);
  cairo_translate (p->cr, x, y);
  if (angle != 0)
    cairo_rotate (p->cr, angle);
  _fz_chart_set_color (p, color);
  cairo_move_to (p->cr, 0, 0);
  pango_cairo_show_layout (p->cr, p->layout);
  cairo_restore (p->cr);
}

void
_fz_chart_add_label (FzChartPass *p,
                     double       x,
                     double       y,
                     double       width,
                     double       height,
                     const char  *text)
{
  FzChartLabel label = { { x, y, width, height }, g_strdup (text) };

  g_array_append_val (p->labels, label);
}

void
_fz_chart_add_mark (FzChartPass *p,
                    double       x,
                    double       y,
                    double       width,
                    double       height,
                    gboolean     round,
                    guint        series,
                    guint        category)
{
  FzChartMark mark = { { x, y, width, height }, round, series, category };

  g_array_append_val (p->marks, mark);
}

void
_fz_chart_set_color (FzChartPass        *p,
                     const FzChartColor *color)
{
  cairo_set_source_rgba (p->cr, color->red, color->green, color->blue, color->alpha);
}

#define HATCH_TILE 6

/* Diagonals as a repeating tile: one rectilinear fill however many boxes are hatched. The
 * tile is vector on SVG and PDF and a small image on screen and PNG. */
static cairo_pattern_t *
make_hatch (FzChartPass *p)
{
  gboolean image = cairo_surface_get_type (cairo_get_target (p->cr)) == CAIRO_SURFACE_TYPE_IMAGE;
  cairo_rectangle_t extents = { 0, 0, HATCH_TILE, HATCH_TILE };
  cairo_surface_t *tile = image ?
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, HATCH_TILE, HATCH_TILE) :
    cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;
  const FzChartColor *c = &p->style->hatch;

  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
  cairo_set_line_width (cr, 1);
  /* The line and its two neighbours' ends, so that tiles join without gaps. */
  for (int k = -1; k <= 1; k++)
    {
      cairo_move_to (cr, k * HATCH_TILE, HATCH_TILE);
      cairo_line_to (cr, (k + 1) * HATCH_TILE, 0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

void
_fz_chart_hatch_rects (FzChartPass       *p,
                       const FzChartRect *rects,
                       guint              n)
{
  cairo_t *cr = p->cr;

  if (cr == NULL || n == 0)
    return;
  if (p->hatch == NULL)
    p->hatch = make_hatch (p);
  for (guint i = 0; i < n; i++)
    cairo_rectangle (cr, rects[i].x, rects[i].y, rects[i].width, rects[i].height);
  cairo_set_source (cr, p->hatch);
  cairo_fill (cr);
  for (guint i = 0; i < n; i++)
    {
      const FzChartRect *r = &rects[i];
      if (r->width > 3 && r->height > 3)
        cairo_rectangle (cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1);
    }
  _fz_chart_set_color (p, &p->style->hatch);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

void
_fz_chart_hatch (FzChartPass *p,
                 double       x,
                 double       y,
                 double       width,
                 double       height)
{
  FzChartRect r = { x, y, width, height };

  if (width > 0 && height > 0)
    _fz_chart_hatch_rects (p, &r, 1);
}

char *
_fz_chart_value_text (FzChartPass        *p,
                      const FzChartValue *value)
{
  const char *unit = fz_chart_model_get_unit (p->model);
  const char *mark = fz_chart_qualifier_mark (p->zh, value->qualifier);
  g_autofree char *number = NULL;

  if (value->missing)
    return g_strdup (fz_chart_text (p->zh, FZ_CHART_TEXT_NO_DATA));
  if (!p->zh)
    {
      number = fz_chart_format_value (FALSE, value->value, unit);
      return mark != NULL ? g_strdup_printf ("%s %s", mark, number) : g_steal_pointer (&number);
    }
  /* 余 sits between the number and its unit (672余起); 约 and 不足 come first. */
  number = fz_chart_format_value (TRUE, value->value, NULL);
  if (mark == NULL)
    return g_strconcat (number, unit, NULL);
  if (value->qualifier == FZ_QUALIFIER_OVER)
    return g_strconcat (number, mark, unit, NULL);
  return g_strconcat (mark, number, unit, NULL);
}

guint
_fz_chart_label_step (double pitch,
                      double text_height)
{
  if (pitch <= 0)
    return G_MAXUINT;
  return MAX (1, (guint) ceil ((text_height + 1) / pitch));
}

void
_fz_chart_title (FzChartPass *p)
{
  const char *title = fz_chart_model_get_title (p->model);
  double h;

  if (title == NULL || *title == '\0')
    return;
  _fz_chart_text_set (p, title, 1.35, TRUE, p->area.width);
  _fz_chart_text_size (p, NULL, &h);
  _fz_chart_text_show (p, p->area.x, p->area.y, 0, &p->style->foreground);
  p->area.y += h + 6;
  p->area.height -= h + 6;
}

/* Series @s takes its group's colour with the first dash free in it, else the first colour with
 * a dash free: no two of the first FZ_CHART_N_LINE_STYLES series look alike. */
void
_fz_chart_line_styles (const FzChartModel *model,
                       guint8             *colors,
                       guint8             *dashes)
{
  guint n = fz_chart_model_get_n_series (model);
  gboolean used[FZ_CHART_N_SERIES_COLORS][FZ_CHART_N_DASHES] = { { FALSE } };
  g_autoptr(GHashTable) group_colors = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < n; s++)
    {
      guint group = fz_chart_model_get_series_group (model, s);
      gpointer known = g_hash_table_lookup (group_colors, GUINT_TO_POINTER (group + 1));
      guint first = known != NULL ? GPOINTER_TO_UINT (known) - 1 : group % FZ_CHART_N_SERIES_COLORS;
      gboolean found = FALSE;

      colors[s] = s % FZ_CHART_N_SERIES_COLORS;
      dashes[s] = (s / FZ_CHART_N_SERIES_COLORS) % FZ_CHART_N_DASHES;
      for (guint k = 0; k < FZ_CHART_N_SERIES_COLORS && !found; k++)
        for (guint d = 0; d < FZ_CHART_N_DASHES && !found; d++)
          {
            guint c = (first + k) % FZ_CHART_N_SERIES_COLORS;

            if (used[c][d])
              continue;
            used[c][d] = found = TRUE;
            colors[s] = c;
            dashes[s] = d;
          }
      if (known == NULL)
        g_hash_table_insert (group_colors, GUINT_TO_POINTER (group + 1),
                             GUINT_TO_POINTER (colors[s] + 1));
    }
}

/* Circle, square, triangle, diamond: the marker goes with the dash, so that a line of one
 * point, which shows no dash, is still told apart. */
void
_fz_chart_marker_path (cairo_t *cr,
                       double   x,
                       double   y,
                       double   radius,
                       guint    dash)
{
  cairo_new_sub_path (cr);
  switch (dash % FZ_CHART_N_DASHES)
    {
    case 0:
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - radius * 0.9, y - radius * 0.9, radius * 1.8, radius * 1.8);
      break;
    case 2:
      cairo_move_to (cr, x, y - radius * 1.2);
      cairo_line_to (cr, x + radius * 1.1, y + radius * 0.8);
      cairo_line_to (cr, x - radius * 1.1, y + radius * 0.8);
      cairo_close_path (cr);
      break;
    default:
      cairo_move_to (cr, x, y - radius * 1.3);
      cairo_line_to (cr, x + radius * 1.1, y);
      cairo_line_to (cr, x, y + radius * 1.3);
      cairo_line_to (cr, x - radius * 1.1, y);
      cairo_close_path (cr);
      break;
    }
}

/* A line's swatch shows its dash pattern about twice, started half a dash in so that
 * the gaps fall clear of the marker in the middle. */
#define LINE_SWATCH     40.0
#define LINE_SWATCH_DASH 7.0

/* A square of the colour, or for lines a stretch of the line with its dash and marker. */
static double
legend_swatch (FzChartPass  *p,
               guint         i,
               const guint8 *colors,
               const guint8 *dashes,
               double        x,
               double        y)
{
  double row = p->line_height, swatch = row * 0.7, length = dashes != NULL ? LINE_SWATCH : swatch;
  const double *pattern;
  FzChartColor c;
  int n;

  if (p->cr == NULL)
    return length;
  fz_chart_style_series_color (p->style, colors != NULL ? colors[i] : i, &c);
  _fz_chart_set_color (p, &c);
  if (dashes == NULL)
    {
      cairo_rectangle (p->cr, x, y + (row - swatch) / 2, swatch, swatch);
      cairo_fill (p->cr);
      return length;
    }
  fz_chart_style_line_dash (dashes[i], &pattern, &n);
  cairo_save (p->cr);
  cairo_set_line_width (p->cr, 2);
  cairo_set_dash (p->cr, pattern, n, LINE_SWATCH_DASH);
  cairo_move_to (p->cr, x, y + row / 2);
  cairo_line_to (p->cr, x + length, y + row / 2);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
  _fz_chart_marker_path (p->cr, x + length / 2, y + row / 2, 3.5, dashes[i]);
  cairo_fill (p->cr);
  return length;
}

void
_fz_chart_legend (FzChartPass  *p,
                  guint         n_series,
                  const guint8 *colors,
                  const guint8 *dashes)
{
  double x = p->area.x, y = p->area.y, row = p->line_height;
  double length = dashes != NULL ? LINE_SWATCH : row * 0.7;
  guint max_rows = 3, rows = 1;

  for (guint i = 0; i < n_series; i++)
    {
      double w;

      _fz_chart_text_set (p, fz_chart_model_get_series (p->model, i), 1, FALSE, 200);
      _fz_chart_text_size (p, &w, NULL);
      if (x > p->area.x && x + length + 4 + w > p->area.x + p->area.width)
        {
          if (++rows > max_rows)
            {
              g_autofree char *more = g_strdup_printf (fz_chart_text (p->zh, FZ_CHART_TEXT_MORE),
                                                       n_series - i);
              _fz_chart_text_set (p, more, 1, FALSE, 0);
              _fz_chart_text_show (p, x, y - row, 0, &p->style->muted);
              rows--;
              break;
            }
          x = p->area.x;
          y += row;
        }
      legend_swatch (p, i, colors, dashes, x, y);
      _fz_chart_text_show (p, x + length + 4, y, 0, &p->style->foreground);
      x += length + 4 + w + 14;
    }
  p->area.y += rows * row + 6;
  p->area.height -= rows * row + 6;
}

void
_fz_chart_scale_values (FzChartPass *p,
                        double       length,
                        double       tick_spacing)
{
  guint n_series = fz_chart_model_get_n_series (p->model);
  guint n_cats = fz_chart_model_get_n_categories (p->model);
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_cats);
  guint max_ticks = CLAMP ((guint) (length / tick_spacing), 2, 11);
  double range[2];

  for (guint s = 0; s < n_series; s++)
    for (guint c = 0; c < n_cats; c++)
      {
        const FzChartValue *v = fz_chart_model_get_value (p->model, s, c);
        if (!v->missing)
          g_array_append_val (values, v->value);
      }
  if (fz_chart_model_get_range (p->model, &range[0], &range[1]))
    g_array_append_vals (values, range, 2);
  fz_chart_scale_init (&p->scale, (double *) values->data, values->len, max_ticks);
}
