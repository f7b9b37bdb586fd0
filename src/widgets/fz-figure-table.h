/* fz-figure-table.h: the list of a document's figures beside the text: sortable, filterable. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fz-figure-item.h"

G_BEGIN_DECLS

/* The status filter's choices, in the order of its drop-down. */
typedef enum
{
  FZ_STATUS_FILTER_ALL,
  FZ_STATUS_FILTER_CHANGED,
  FZ_STATUS_FILTER_ADDED,
  FZ_STATUS_FILTER_REJECTED,
  FZ_STATUS_FILTER_UNREVIEWED,
  FZ_STATUS_FILTER_CORE,
  FZ_N_STATUS_FILTERS
} FzStatusFilter;

#define FZ_TYPE_FIGURE_TABLE (fz_figure_table_get_type ())

G_DECLARE_FINAL_TYPE (FzFigureTable, fz_figure_table, FZ, FIGURE_TABLE, GtkWidget)

GtkWidget    *fz_figure_table_new          (void);
/* @items: FzFigureItem in text order; the table shows them all until filtered. */
void          fz_figure_table_set_items    (FzFigureTable *self,
                                            GListModel    *items);
void          fz_figure_table_select_item  (FzFigureTable *self,
                                            FzFigureItem  *item);
FzFigureItem *fz_figure_table_get_selected (FzFigureTable *self);
guint         fz_figure_table_get_n_shown  (FzFigureTable *self);
GListModel   *fz_figure_table_get_model    (FzFigureTable *self);
void          fz_figure_table_set_status_filter (FzFigureTable  *self,
                                                 FzStatusFilter  filter);
/* The details area: @rows alternates labels and values, NULL-terminated; NULL hides it. */
void          fz_figure_table_set_details  (FzFigureTable      *self,
                                            const char * const *rows);
/* The document's name and figures, for the doc and indicator columns of what Ctrl+C copies
 * (the list shows indicator names, the copy their ids). */
void          fz_figure_table_set_source   (FzFigureTable *self,
                                            const char    *name,
                                            FzFigureList  *figures);
/* The selected row (every shown row when none is) as TSV with a header: the columns of
 * `fanzha-cli extract`. What Ctrl+C puts on the clipboard. */
char         *fz_figure_table_dup_tsv      (FzFigureTable *self);

G_END_DECLS
