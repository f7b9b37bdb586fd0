/* fz-figure-item.h: one figure of a document as a list item for the figure list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fz-decisions.h"
#include "fz-figure.h"

G_BEGIN_DECLS

#define FZ_TYPE_FIGURE_ITEM (fz_figure_item_get_type ())

G_DECLARE_FINAL_TYPE (FzFigureItem, fz_figure_item, FZ, FIGURE_ITEM, GObject)

/* The item refers to figure @index of @list; @text is the figure's text as shown. */
FzFigureItem   *fz_figure_item_new           (FzFigureList *list,
                                              guint         index,
                                              const char   *text,
                                              guint         view_start,
                                              guint         view_end);
const FzFigure *fz_figure_item_get_figure    (FzFigureItem *self);
guint           fz_figure_item_get_index     (FzFigureItem *self);
guint           fz_figure_item_get_view_start (FzFigureItem *self);
guint           fz_figure_item_get_view_end  (FzFigureItem *self);
const char     *fz_figure_item_get_text      (FzFigureItem *self);
const char     *fz_figure_item_get_kind_name (FzFigureItem *self);
char           *fz_figure_item_dup_tooltip   (FzFigureItem *self);
void            fz_figure_item_set_indicator_name (FzFigureItem *self,
                                                   const char   *name);
FzFigureList   *fz_figure_item_get_list      (FzFigureItem *self);
guint32         fz_figure_item_get_flags     (FzFigureItem *self);
FzFigureId      fz_figure_item_get_id        (FzFigureItem *self);
void            fz_figure_item_set_figure    (FzFigureItem *self,
                                              FzFigureList *list,
                                              guint         index,
                                              guint32       flags);
/* For FzFigureStatusFlags: a translated word ("" when untouched) and an icon name (or NULL). */
const char     *fz_figure_status_display_name (guint32      flags);
const char     *fz_figure_status_icon_name   (guint32       flags);
/* The translated name of a kind, for menus, columns and tooltips. */
const char     *fz_kind_display_name         (FzKind        kind);

G_END_DECLS
