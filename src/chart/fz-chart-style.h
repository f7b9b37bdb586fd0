/* fz-chart-style.h: colours and fonts of a chart, light or dark, as a plain struct (no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} FzChartColor;

typedef struct
{
  gboolean     dark;
  FzChartColor background;
  FzChartColor foreground;   /* text, axes */
  FzChartColor muted;        /* notes, tick labels */
  FzChartColor grid;
  FzChartColor hatch;        /* the hatching of a missing value */
  char        *font_family;  /* a Pango family list */
  double       font_size;    /* points */
} FzChartStyle;

void fz_chart_style_init          (FzChartStyle       *style,
                                   gboolean            dark);
void fz_chart_style_clear         (FzChartStyle       *style);
/* Lines are told apart by colour and by dash (with its point marker): this many styles. */
#define FZ_CHART_N_SERIES_COLORS 7
#define FZ_CHART_N_DASHES        4
#define FZ_CHART_N_LINE_STYLES   (FZ_CHART_N_SERIES_COLORS * FZ_CHART_N_DASHES)

/* The colour of series @i: the Okabe-Ito palette, told apart with red-green colour blindness
 * and readable on a light and a dark background. */
void fz_chart_style_series_color  (const FzChartStyle *style,
                                   guint               i,
                                   FzChartColor       *color);
/* Dash @i of a line: solid first; @n is 0 for solid. */
void fz_chart_style_line_dash     (guint               i,
                                   const double      **pattern,
                                   int                *n);
/* The neutral fill of a heatmap cell compared but not scored: every region had its value. */
void fz_chart_style_even_color    (const FzChartStyle *style,
                                   FzChartColor       *color);
/* A sequential scale for 0..1 (viridis), for the heatmap. */
void fz_chart_style_ramp_color    (const FzChartStyle *style,
                                   double              t,
                                   FzChartColor       *color);

G_END_DECLS
