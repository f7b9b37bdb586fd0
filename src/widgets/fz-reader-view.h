/* fz-reader-view.h: the reader pane: a document's repaired text with every figure highlighted. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fz-document.h"
#include "fz-figure-table.h"
#include "fz-lexicon.h"
#include "fz-workspace.h"

G_BEGIN_DECLS

#define FZ_TYPE_READER_VIEW (fz_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (FzReaderView, fz_reader_view, FZ, READER_VIEW, GtkWidget)

GtkWidget     *fz_reader_view_new               (void);
/* @article: index of the article to show, or -1 for the whole page. */
void           fz_reader_view_set_document      (FzReaderView *self,
                                                 FzDocument   *document,
                                                 int           article);
FzDocument    *fz_reader_view_get_document      (FzReaderView *self);
/* Shows the document shown again, read anew (analysed, say), as @article; its text stays in
 * place where it has not changed. */
void           fz_reader_view_refresh           (FzReaderView *self,
                                                 int           article);
/* The next document set or refreshed on the view, while it is drawn, goes in over frames: the
 * pane, then its text and highlights, then its figure list; all in one frame took longer than
 * a frame should. */
void           fz_reader_view_stage_next        (FzReaderView *self);
/* Names indicators in the figure list and tooltips; without it their ids are shown. */
void           fz_reader_view_set_lexicon       (FzReaderView *self,
                                                 FzLexicon    *lexicon);
/* The figures shown are @workspace's corrected ones, and corrections made here go into its
 * decisions. */
void           fz_reader_view_set_workspace     (FzReaderView *self,
                                                 FzWorkspace  *workspace);
gboolean       fz_reader_view_get_review_mode   (FzReaderView *self);
GActionGroup  *fz_reader_view_get_actions       (FzReaderView *self);
/* TRUE while text or highlights are still being added in idle batches. */
gboolean       fz_reader_view_is_busy           (FzReaderView *self);
guint          fz_reader_view_get_n_highlighted (FzReaderView *self);
GtkTextView   *fz_reader_view_get_text_view     (FzReaderView *self);
FzFigureTable *fz_reader_view_get_figure_table  (FzReaderView *self);
/* Shows the find bar searching @text; returns the number of matches. */
guint          fz_reader_view_find              (FzReaderView *self,
                                                 const char   *text);
/* Selects the figure of the page shown whose span (code points of the document text) is
 * [@start, @end), in the text and the list; FALSE when there is none. */
gboolean       fz_reader_view_select_figure     (FzReaderView *self,
                                                 guint         start,
                                                 guint         end);
/* The figure at the cursor, or NULL. */
FzFigureItem  *fz_reader_view_get_figure_at_cursor (FzReaderView *self);

G_END_DECLS
