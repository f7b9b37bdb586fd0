/* fz-window-charts.c: the Compare view: the chart pane follows the workspace's index, and a
 * click on a value opens its sentence in the reader. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include "fz-chart-pane.h"
#include "fz-document-list.h"
#include "fz-reader-view.h"
#include "fz-window-private.h"

/* Callbacks */

static void
index_changed (FzWindow    *self,
               FzWorkspace *workspace)
{
  FzIndexResult *result = fz_workspace_get_index_result (workspace);
  gboolean any = result != NULL && fz_index_result_get_n_regions (result) > 0;

  /* The pane borrows both; the workspace keeps them until its next index-changed. */
  fz_chart_pane_set_index (self->chart_pane, any ? fz_workspace_get_index (workspace) : NULL,
                           any ? result : NULL);
  gtk_stack_set_visible_child_name (self->chart_stack, any ? "chart" : "empty");
  if (any && !self->chart_chosen)
    {
      gboolean overall = FALSE;

      /* A first chart with something in it: the overall index needs several dimensions,
       * which a few pages rarely give; their dimension scores are there. */
      for (guint i = 0; i < fz_index_result_get_n_regions (result) && !overall; i++)
        overall = fz_index_result_get_region (result, i)->has_overall;
      if (!overall)
        fz_chart_pane_set_chart (self->chart_pane, FZ_CHART_GROUPED, NULL);
      self->chart_chosen = TRUE;
    }
}

static void
options_changed (FzWindow             *self,
                 const FzIndexOptions *options,
                 FzChartPane          *pane)
{
  fz_workspace_set_index_options (self->workspace, options);
}

/* The reader fills a long page in idle batches: the figure is selected once it is there. */
static gboolean
select_when_shown (gpointer data)
{
  FzWindow *self = data;
  FzReaderView *reader = FZ_READER_VIEW (self->reader);

  if (fz_reader_view_is_busy (reader))
    return G_SOURCE_CONTINUE;
  self->pending_source = 0;
  fz_reader_view_select_figure (reader, self->pending_start, self->pending_end);
  return G_SOURCE_REMOVE;
}

static void
figure_activated (FzWindow    *self,
                  const char  *path,
                  guint        start,
                  guint        end,
                  FzChartPane *pane)
{
  FzDocument *document = fz_workspace_lookup_document (self->workspace, path);

  if (document == NULL)
    return;
  fz_document_list_select_document (self->document_list, document);
  if (fz_reader_view_get_document (FZ_READER_VIEW (self->reader)) != document)
    fz_reader_view_set_document (FZ_READER_VIEW (self->reader), document, -1);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "read");
  self->pending_start = start;
  self->pending_end = end;
  g_clear_handle_id (&self->pending_source, g_source_remove);
  self->pending_source = g_timeout_add (20, select_when_shown, self);
}

/* Private API */

void
_fz_window_charts_set_lexicon (FzWindow  *self,
                               FzLexicon *lexicon)
{
  fz_chart_pane_set_lexicon (self->chart_pane, lexicon);
}

void
_fz_window_charts_init (FzWindow *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  /* On a phone the pane's row of choices is wider than the screen: it scrolls sideways. */
  self->chart_pane = FZ_CHART_PANE (fz_chart_pane_new ());
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->chart_pane));
  gtk_stack_add_named (self->chart_stack, scroller, "chart");
  g_signal_connect_object (self->workspace, "index-changed", G_CALLBACK (index_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_pane, "options-changed", G_CALLBACK (options_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_pane, "figure-activated",
                           G_CALLBACK (figure_activated), self, G_CONNECT_SWAPPED);
}

void
_fz_window_charts_dispose (FzWindow *self)
{
  g_clear_handle_id (&self->pending_source, g_source_remove);
  /* The workspace's index goes with it; the pane must not keep pointing into it. */
  if (self->chart_pane != NULL)
    fz_chart_pane_set_index (self->chart_pane, NULL, NULL);
}
