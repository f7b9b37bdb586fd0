/* fz-page-map.c: a PDF's pages and the box of every character of its text on them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-page-map.h"

struct _FzPageMap
{
  GObject          parent_instance;

  PopplerDocument *document;
  GArray          *boxes;
  guint            n_pages;
  guint           *page_start;  /* n_pages + 1: the first offset of each page's characters */
};

G_DEFINE_FINAL_TYPE (FzPageMap, fz_page_map, G_TYPE_OBJECT)

static void
fz_page_map_finalize (GObject *object)
{
  FzPageMap *self = (FzPageMap *) object;

  g_clear_object (&self->document);
  g_clear_pointer (&self->boxes, g_array_unref);
  g_clear_pointer (&self->page_start, g_free);

  G_OBJECT_CLASS (fz_page_map_parent_class)->finalize (object);
}

static void
fz_page_map_class_init (FzPageMapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_page_map_finalize;
}

static void
fz_page_map_init (FzPageMap *self)
{
}

/* Pages are read in order, so each page's characters are one stretch of the text. */
static void
index_pages (FzPageMap *self)
{
  guint next = 0;

  self->page_start = g_new0 (guint, self->n_pages + 1);
  for (guint i = 0; i < self->boxes->len; i++)
    {
      guint32 page = g_array_index (self->boxes, FzCharBox, i).page;

      while (page != FZ_PAGE_MAP_NO_PAGE && page < self->n_pages && next <= page)
        self->page_start[next++] = i;
    }
  while (next <= self->n_pages)
    self->page_start[next++] = self->boxes->len;
}

FzPageMap *
fz_page_map_new (PopplerDocument *document,
                 GArray          *boxes)
{
  FzPageMap *self;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (boxes != NULL, NULL);

  self = g_object_new (FZ_TYPE_PAGE_MAP, NULL);
  self->document = document;
  self->boxes = boxes;
  self->n_pages = poppler_document_get_n_pages (document);
  index_pages (self);
  return self;
}

guint
fz_page_map_get_n_pages (FzPageMap *self)
{
  g_return_val_if_fail (FZ_IS_PAGE_MAP (self), 0);

  return self->n_pages;
}

guint
fz_page_map_get_n_chars (FzPageMap *self)
{
  g_return_val_if_fail (FZ_IS_PAGE_MAP (self), 0);

  return self->boxes->len;
}

gboolean
fz_page_map_get_page_size (FzPageMap *self,
                           guint      page,
                           double    *width,
                           double    *height)
{
  g_autoptr(PopplerPage) p = NULL;

  g_return_val_if_fail (FZ_IS_PAGE_MAP (self), FALSE);

  if (page >= self->n_pages || (p = poppler_document_get_page (self->document, page)) == NULL)
    return FALSE;
  poppler_page_get_size (p, width, height);
  return TRUE;
}

void
fz_page_map_render (FzPageMap *self,
                    guint      page,
                    cairo_t   *cr,
                    double     scale)
{
  g_autoptr(PopplerPage) p = NULL;
  double w, h;

  g_return_if_fail (FZ_IS_PAGE_MAP (self));

  if (page >= self->n_pages || (p = poppler_document_get_page (self->document, page)) == NULL)
    return;
  poppler_page_get_size (p, &w, &h);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  poppler_page_render (p, cr);
  cairo_restore (cr);
}

const FzCharBox *
fz_page_map_get_box (FzPageMap *self,
                     guint      offset)
{
  g_return_val_if_fail (FZ_IS_PAGE_MAP (self), NULL);

  if (offset >= self->boxes->len)
    return NULL;
  return &g_array_index (self->boxes, FzCharBox, offset);
}

int
fz_page_map_find_page (FzPageMap *self,
                       guint      start,
                       guint      end)
{
  g_return_val_if_fail (FZ_IS_PAGE_MAP (self), -1);

  for (guint i = start; i < end && i < self->boxes->len; i++)
    {
      guint32 page = g_array_index (self->boxes, FzCharBox, i).page;

      if (page != FZ_PAGE_MAP_NO_PAGE)
        return page;
    }
  return -1;
}

/* Two boxes of one line of text: they overlap in height and touch side by side. */
static gboolean
same_line (const PopplerRectangle *r,
           const FzCharBox        *b)
{
  double h = MIN (r->y2 - r->y1, b->y2 - b->y1);
  double overlap = MIN (r->y2, b->y2) - MAX (r->y1, b->y1);

  return overlap > h / 2 && b->x1 >= r->x1 - 1 && b->x1 <= r->x2 + h;
}

GArray *
fz_page_map_span_rects (FzPageMap *self,
                        guint      start,
                        guint      end,
                        guint      page)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));

  g_return_val_if_fail (FZ_IS_PAGE_MAP (self), rects);

  for (guint i = start; i < end && i < self->boxes->len; i++)
    {
      const FzCharBox *b = &g_array_index (self->boxes, FzCharBox, i);
      PopplerRectangle *last = rects->len ? &g_array_index (rects, PopplerRectangle,
                                                            rects->len - 1) : NULL;

      if (b->page != page || b->x2 <= b->x1)
        continue;
      if (last != NULL && same_line (last, b))
        {
          last->x2 = MAX (last->x2, b->x2);
          last->y1 = MIN (last->y1, b->y1);
          last->y2 = MAX (last->y2, b->y2);
        }
      else
        {
          PopplerRectangle r = { b->x1, b->y1, b->x2, b->y2 };

          g_array_append_val (rects, r);
        }
    }
  return rects;
}

gint64
fz_page_map_hit (FzPageMap *self,
                 guint      page,
                 double     x,
                 double     y)
{
  g_return_val_if_fail (FZ_IS_PAGE_MAP (self), -1);

  if (page >= self->n_pages)
    return -1;
  for (guint i = self->page_start[page]; i < self->page_start[page + 1]; i++)
    {
      const FzCharBox *b = &g_array_index (self->boxes, FzCharBox, i);

      if (b->page == page && x >= b->x1 && x < b->x2 && y >= b->y1 && y < b->y2)
        return i;
    }
  return -1;
}
