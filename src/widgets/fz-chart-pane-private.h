/* fz-chart-pane-private.h: the chart pane's fields, shared by its controls and its drawing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-chart-frame.h"
#include "fz-chart-model-index.h"
#include "fz-chart-pane.h"

G_BEGIN_DECLS

struct _FzChartPane
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *type_dropdown;
  GtkWidget     *measure_dropdown;
  GtkWidget     *regions_dropdown;
  GtkWidget     *choose_button;
  GtkWidget     *choose_box;
  GtkWidget     *period_entry;
  GtkWidget     *method_dropdown;
  GtkWidget     *area;
  GtkWidget     *sources_popover;

  FzIndex       *index;          /* borrowed */
  FzIndexResult *result;         /* borrowed */
  FzLexicon     *lexicon;        /* borrowed */
  GPtrArray     *measures;       /* char *: "overall", dimensions, indicator ids */
  GHashTable    *chosen;         /* region names ticked in the choose popover */
  FzChartModel  *model;
  FzChartFrame  *frame;          /* laid out at the last drawn size */
  FzChartStyle   style;
  gboolean       updating;       /* controls set from code: no options-changed */
  gint           focus_mark;     /* the value chosen with the arrow keys, or -1 */
};

enum {
  FZ_CHART_PANE_FIGURE_ACTIVATED,
  FZ_CHART_PANE_OPTIONS_CHANGED,
  FZ_CHART_PANE_N_SIGNALS
};

extern guint _fz_chart_pane_signals[FZ_CHART_PANE_N_SIGNALS];

/* fz-chart-pane-area.c: drawing, hover, click, export. */
void          _fz_chart_pane_area_init     (FzChartPane *self);
void          _fz_chart_pane_redraw        (FzChartPane *self);
void          _fz_chart_pane_export        (FzChartPane *self);
FzChartFrame *_fz_chart_pane_get_frame     (FzChartPane *self);
char         *_fz_chart_pane_describe      (FzChartPane *self);

G_END_DECLS
