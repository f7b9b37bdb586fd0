/* fz-chart-pane.h: the chart pane: choose a chart of the index, hover for values, click for the
 * figure a value came from, export it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fz-chart-model.h"
#include "fz-index.h"
#include "fz-lexicon.h"

G_BEGIN_DECLS

#define FZ_TYPE_CHART_PANE (fz_chart_pane_get_type ())

G_DECLARE_FINAL_TYPE (FzChartPane, fz_chart_pane, FZ, CHART_PANE, GtkWidget)

/* Signals:
 *   figure-activated (const char *document, guint start, guint end): a click (or Enter) on a
 *     value, or on one of its figures in the popover. @document is the observation's path
 *     (FzObservation.path), or its document name when it has no path; @start and @end the
 *     figure's span in code points of the decoded text.
 *   options-changed (const FzIndexOptions *opts): the analyst picked another period, level of
 *     regions or method. @opts (and its period string) is valid during the emission only:
 *     recompute the index with it and call fz_chart_pane_set_index() again.
 * Actions: chart.export (Ctrl+Shift+E), the export dialog. */

GtkWidget    *fz_chart_pane_new          (void);
/* @index (for trends) and @result (for the rest) are borrowed: they must stay alive until the
 * next call, or until the pane is disposed; NULL, NULL empties the chart. The pane copies what
 * it draws, so only a change of chart reads them again. */
void          fz_chart_pane_set_index    (FzChartPane   *self,
                                          FzIndex       *index,
                                          FzIndexResult *result);
/* Indicator names (in the interface's language) and order; may be NULL. Borrowed likewise. */
void          fz_chart_pane_set_lexicon  (FzChartPane   *self,
                                          FzLexicon     *lexicon);
/* @measure: NULL or "overall", a dimension (strike…) or an indicator id. */
void          fz_chart_pane_set_chart    (FzChartPane   *self,
                                          FzChartType    type,
                                          const char    *measure);
FzChartModel *fz_chart_pane_get_model    (FzChartPane   *self);
/* What a click at (@x, @y) of the drawing does: emits figure-activated for a value of one
 * figure, or offers each figure in a popover. TRUE when a value lies there. */
gboolean      fz_chart_pane_activate_at  (FzChartPane   *self,
                                          double         x,
                                          double         y);

G_END_DECLS
