/* fz-document-list.h: the list of open pages, each with its articles, sortable and filtered. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fz-workspace.h"

G_BEGIN_DECLS

#define FZ_TYPE_DOCUMENT_LIST (fz_document_list_get_type ())

G_DECLARE_FINAL_TYPE (FzDocumentList, fz_document_list, FZ, DOCUMENT_LIST, GtkWidget)

/* Signal "selection-changed" (): another page or article was selected.
 * Property "revealing" (gboolean, read-only): the pages of a large load are still going
 * into the view, a screenful a frame. */
GtkWidget  *fz_document_list_new                   (void);
void        fz_document_list_set_workspace         (FzDocumentList *self,
                                                    FzWorkspace    *workspace);
/* Shows the pages whose title, file name, outlet or regions hold @text (any case). */
void        fz_document_list_set_filter_text       (FzDocumentList *self,
                                                    const char     *text);
/* The page selected, or the page of the article selected (NULL: none); @article gets the
 * article's index, or -1 when a page is selected. */
FzDocument *fz_document_list_get_selected          (FzDocumentList *self,
                                                    int            *article);
void        fz_document_list_select_position       (FzDocumentList *self,
                                                    guint           position);
void        fz_document_list_select_document       (FzDocumentList *self,
                                                    FzDocument     *document);
/* The rows as shown (GtkTreeListRow of FzDocument or FzArticleRef), for tests. */
GListModel *fz_document_list_get_rows              (FzDocumentList *self);
gboolean    fz_document_list_get_revealing         (FzDocumentList *self);
/* "empty", "no-results" or "list". */
const char *fz_document_list_get_page              (FzDocumentList *self);

G_END_DECLS
