/* fz-page-map.h: where each character of a PDF's text sits on its pages, and the pages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <poppler.h>

G_BEGIN_DECLS

/* poppler-glib 22.12 declares no autoptr cleanups of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define FZ_TYPE_PAGE_MAP (fz_page_map_get_type ())

G_DECLARE_FINAL_TYPE (FzPageMap, fz_page_map, FZ, PAGE_MAP, GObject)

/* A character's box on its page, in PDF points from the page's top left corner. */
typedef struct
{
  guint32 page;     /* FZ_PAGE_MAP_NO_PAGE for a break the reader put in */
  float   x1, y1, x2, y2;
} FzCharBox;

#define FZ_PAGE_MAP_NO_PAGE G_MAXUINT32

/* Takes @document; @boxes (FzCharBox, one per code point of the text) is taken too. */
FzPageMap       *fz_page_map_new              (PopplerDocument *document,
                                               GArray          *boxes);
/* The PDF, to render its pages: use it only from the thread that owns the FzDocument. */
guint            fz_page_map_get_n_pages      (FzPageMap       *self);
guint            fz_page_map_get_n_chars      (FzPageMap       *self);
/* A page's size in points; FALSE when the page cannot be read. */
gboolean         fz_page_map_get_page_size    (FzPageMap       *self,
                                               guint            page,
                                               double          *width,
                                               double          *height);
/* Draws @page on white, @scale device units a point, from @cr's origin. */
void             fz_page_map_render           (FzPageMap       *self,
                                               guint            page,
                                               cairo_t         *cr,
                                               double           scale);
const FzCharBox *fz_page_map_get_box          (FzPageMap       *self,
                                               guint            offset);
/* The first page that shows a character of [start, end), or -1. */
int              fz_page_map_find_page        (FzPageMap       *self,
                                               guint            start,
                                               guint            end);
/* The boxes of [start, end) on @page, one per line of text (characters side by side merged);
 * PopplerRectangle in points. */
GArray          *fz_page_map_span_rects       (FzPageMap       *self,
                                               guint            start,
                                               guint            end,
                                               guint            page);
/* The offset of the character under (@x, @y) on @page, or -1. */
gint64           fz_page_map_hit              (FzPageMap       *self,
                                               guint            page,
                                               double           x,
                                               double           y);

G_END_DECLS
