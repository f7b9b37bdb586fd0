/* fz-chart-pass-private.h: one pass over a chart: layout alone (no cairo_t) or layout and draw. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "fz-chart-format.h"
#include "fz-chart-frame.h"

G_BEGIN_DECLS

typedef struct
{
  FzChartRect rect;
  gboolean    round;     /* a point: hit within the circle inscribed in rect */
  guint       series;
  guint       category;
} FzChartMark;

typedef struct
{
  FzChartRect rect;
  char       *text;
} FzChartLabel;

/* The pass draws when cr is set; either way it records marks, labels and the plot. */
typedef struct
{
  FzChartModel       *model;
  const FzChartStyle *style;
  cairo_t            *cr;
  PangoLayout        *layout;
  gboolean            zh;
  double              width;
  double              height;
  double              line_height;   /* of the normal font, pixels */
  FzChartRect         area;          /* what is left for the plot after title and legend */
  FzChartRect         plot;
  FzChartScale        scale;
  GArray             *marks;         /* FzChartMark */
  GArray             *labels;        /* FzChartLabel */
  cairo_pattern_t    *hatch;         /* made on first use in a drawing pass */
  PangoFontDescription *font;        /* the style's family, sized at each use */
  gboolean            snap;          /* boxes in whole pixels: on screen and in images, not in
                                      * SVG or PDF, where lengths stay exact */
} FzChartPass;

#define FZ_CHART_MARGIN 12.0

/* Text. @size is relative to the normal font (1.0); @max_width 0 means no limit. */
void     _fz_chart_text_set    (FzChartPass  *p,
                                const char   *text,
                                double        size,
                                gboolean      bold,
                                double        max_width);
void     _fz_chart_text_size   (FzChartPass  *p,
                                double       *width,
                                double       *height);
/* Draws the text last set with its top left at (x, y), turned by @angle (radians). */
void     _fz_chart_text_show   (FzChartPass        *p,
                                double              x,
                                double              y,
                                double              angle,
                                const FzChartColor *color);
void     _fz_chart_add_label   (FzChartPass  *p,
                                double        x,
                                double        y,
                                double        width,
                                double        height,
                                const char   *text);
void     _fz_chart_add_mark    (FzChartPass  *p,
                                double        x,
                                double        y,
                                double        width,
                                double        height,
                                gboolean      round,
                                guint         series,
                                guint         category);

void     _fz_chart_set_color   (FzChartPass        *p,
                                const FzChartColor *color);
void     _fz_chart_hatch       (FzChartPass  *p,
                                double        x,
                                double        y,
                                double        width,
                                double        height);
/* One hatching over many boxes at once: a clip of all, one stroke (speed for 300 regions). */
void     _fz_chart_hatch_rects (FzChartPass       *p,
                                const FzChartRect *rects,
                                guint              n);
/* The value as printed: number, unit, and the qualifier's mark (约97.7亿元, 672余起). */
char    *_fz_chart_value_text  (FzChartPass        *p,
                                const FzChartValue *value);
/* How many of @n rows of @pitch pixels to skip between two labels of @text_height. */
guint    _fz_chart_label_step  (double        pitch,
                                double        text_height);

/* Title and legend on top; they shrink p->area. The legend names the first @n_series series,
 * coloured by their number, or with @colors and @dashes (lines) in those styles. */
void     _fz_chart_title       (FzChartPass  *p);
void     _fz_chart_legend      (FzChartPass  *p,
                                guint         n_series,
                                const guint8 *colors,
                                const guint8 *dashes);
/* The colour and dash of each line (one byte per series each). */
void     _fz_chart_line_styles (const FzChartModel *model,
                                guint8             *colors,
                                guint8             *dashes);
/* Adds the point marker that goes with @dash to the path. */
void     _fz_chart_marker_path (cairo_t      *cr,
                                double        x,
                                double        y,
                                double        radius,
                                guint         dash);
/* The scale over every present value, and the number of ticks that fit in @length pixels. */
void     _fz_chart_scale_values (FzChartPass *p,
                                 double       length,
                                 double       tick_spacing);

void     _fz_chart_pass_bars    (FzChartPass  *p);
void     _fz_chart_pass_radar   (FzChartPass  *p);
void     _fz_chart_pass_trend   (FzChartPass  *p);
void     _fz_chart_pass_heatmap (FzChartPass  *p);

G_END_DECLS
