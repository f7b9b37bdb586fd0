/* fz-chart-frame.h: a chart laid out at a size: draws onto any cairo_t and answers hit tests. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "fz-chart-model.h"
#include "fz-chart-scale.h"
#include "fz-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} FzChartRect;

/* What lies under a point. */
typedef struct
{
  guint               series;
  guint               category;
  const FzChartValue *value;     /* borrowed from the model */
} FzChartHit;

typedef struct _FzChartFrame FzChartFrame;

/* Lays the chart out without drawing; @model and @style must outlive the frame. */
FzChartFrame *fz_chart_frame_new            (FzChartModel       *model,
                                             const FzChartStyle *style,
                                             double              width,
                                             double              height);
void          fz_chart_frame_free           (FzChartFrame       *self);
void          fz_chart_frame_draw           (FzChartFrame       *self,
                                             cairo_t            *cr);
/* TRUE when (@x, @y) lies on a bar, point, cell or no-data mark; nothing between them. */
gboolean      fz_chart_frame_hit            (FzChartFrame       *self,
                                             double              x,
                                             double              y,
                                             FzChartHit         *hit);
/* The box a mark of (@series, @category) was drawn in; FALSE when not drawn. */
gboolean      fz_chart_frame_get_mark       (FzChartFrame       *self,
                                             guint               series,
                                             guint               category,
                                             FzChartRect        *rect);
/* Every mark in drawing order (bars by series, then category), for keyboard navigation. */
guint         fz_chart_frame_get_n_marks    (FzChartFrame       *self);
void          fz_chart_frame_get_nth_mark   (FzChartFrame       *self,
                                             guint               i,
                                             FzChartRect        *rect,
                                             FzChartHit         *hit);
/* The category labels that were drawn (the others did not fit), with their extents. */
guint         fz_chart_frame_get_n_labels   (FzChartFrame       *self);
void          fz_chart_frame_get_label      (FzChartFrame       *self,
                                             guint               i,
                                             FzChartRect        *rect,
                                             const char        **text);
/* The value axis: the plot box and its scale (bars: x from left, others: y from bottom). */
void          fz_chart_frame_get_plot       (FzChartFrame       *self,
                                             FzChartRect        *plot,
                                             FzChartScale       *scale);

/* Lays out and draws in one go: the same function for screen, PNG, SVG and PDF. */
void          fz_chart_render               (FzChartModel       *model,
                                             const FzChartStyle *style,
                                             cairo_t            *cr,
                                             double              width,
                                             double              height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzChartFrame, fz_chart_frame_free)

G_END_DECLS
