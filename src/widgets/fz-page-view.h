/* fz-page-view.h: a PDF page as printed, fit to the width, with the selected figure boxed. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fz-document.h"

G_BEGIN_DECLS

#define FZ_TYPE_PAGE_VIEW (fz_page_view_get_type ())

G_DECLARE_FINAL_TYPE (FzPageView, fz_page_view, FZ, PAGE_VIEW, GtkWidget)

/* Signal "span-activated" (guint start, guint end): a click on the page hit a figure; its
 * code point offsets in the document text. Actions: page.next (Page Down), page.previous
 * (Page Up). Put the view in a GtkScrolledWindow: its height follows the width. */
GtkWidget  *fz_page_view_new            (void);
/* A document without printed pages (text, web page) shows a short note instead. */
void        fz_page_view_set_document   (FzPageView *self,
                                         FzDocument *document);
/* Boxes [start, end) of the document text and turns to its page; start == end clears. */
void        fz_page_view_select_span    (FzPageView *self,
                                         guint       start,
                                         guint       end);
/* What a click at (@x, @y) of the view does: boxes the figure there and emits
 * "span-activated"; FALSE when no figure is there. */
gboolean    fz_page_view_activate_at    (FzPageView *self,
                                         double      x,
                                         double      y);
guint       fz_page_view_get_n_pages    (FzPageView *self);
guint       fz_page_view_get_page       (FzPageView *self);
void        fz_page_view_set_page       (FzPageView *self,
                                         guint       page);

G_END_DECLS
