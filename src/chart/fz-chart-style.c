/* fz-chart-style.c: the chart palette for light and dark backgrounds. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-chart-style.h"

#include <math.h>

/* Okabe-Ito, blue first; its black is left out and the yellow, too pale on white, comes last. */
static const guint32 okabe_ito[FZ_CHART_N_SERIES_COLORS] = {
  0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442,
};

/* Solid, dashed, dotted, dash-dot: four patterns that read apart even at 2 px. */
static const double dashes[FZ_CHART_N_DASHES][4] = {
  { 0 }, { 14, 6 }, { 2, 4 }, { 14, 4, 2, 4 },
};
static const int dash_lengths[FZ_CHART_N_DASHES] = { 0, 2, 2, 4 };

/* Viridis at five stops: dark purple to yellow, ordered in lightness. */
static const guint32 viridis[] = { 0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725 };

static void
set_rgb (FzChartColor *color,
         guint32       rgb)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1;
}

void
fz_chart_style_init (FzChartStyle *style,
                     gboolean      dark)
{
  g_return_if_fail (style != NULL);

  style->dark = dark;
  set_rgb (&style->background, dark ? 0x242424 : 0xFFFFFF);
  set_rgb (&style->foreground, dark ? 0xEEEEEE : 0x1E1E1E);
  set_rgb (&style->muted, dark ? 0xA8A8A8 : 0x5E5E5E);
  set_rgb (&style->grid, dark ? 0x3C3C3C : 0xDEDEDE);
  set_rgb (&style->hatch, dark ? 0x8A8A8A : 0x9A9A9A);
  style->font_family = g_strdup ("Noto Sans CJK SC, Noto Sans, Sans");
  style->font_size = 9;
}

void
fz_chart_style_clear (FzChartStyle *style)
{
  g_clear_pointer (&style->font_family, g_free);
}

void
fz_chart_style_series_color (const FzChartStyle *style,
                             guint               i,
                             FzChartColor       *color)
{
  guint32 rgb = okabe_ito[i % G_N_ELEMENTS (okabe_ito)];

  /* The dark blue fades into a dark background; its lighter sibling takes its place. */
  if (style->dark && rgb == 0x0072B2)
    rgb = 0x56B4E9;
  else if (style->dark && rgb == 0x56B4E9)
    rgb = 0x0072B2;
  set_rgb (color, rgb);
}

void
fz_chart_style_line_dash (guint          i,
                          const double **pattern,
                          int           *n)
{
  i %= FZ_CHART_N_DASHES;
  *pattern = dashes[i];
  *n = dash_lengths[i];
}

void
fz_chart_style_even_color (const FzChartStyle *style,
                           FzChartColor       *color)
{
  /* A grey of no hue: no value on the viridis scale looks like it. */
  set_rgb (color, style->dark ? 0x6A6A6A : 0xC8C8C8);
}

void
fz_chart_style_ramp_color (const FzChartStyle *style,
                           double              t,
                           FzChartColor       *color)
{
  guint n = G_N_ELEMENTS (viridis) - 1;
  double pos = CLAMP (t, 0, 1) * n;
  guint k = MIN ((guint) floor (pos), n - 1);
  double f = pos - k;
  FzChartColor a, b;

  set_rgb (&a, viridis[k]);
  set_rgb (&b, viridis[k + 1]);
  color->red = a.red + (b.red - a.red) * f;
  color->green = a.green + (b.green - a.green) * f;
  color->blue = a.blue + (b.blue - a.blue) * f;
  color->alpha = 1;
}
