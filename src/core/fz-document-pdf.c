/* fz-document-pdf.c: a PDF's text layer read with poppler, lines ordered into columns. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-document-pdf.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fz-error.h"

/* One line of a page: poppler's characters [start, end) of the page text, and its box. */
typedef struct
{
  guint  start;
  guint  end;
  double x1, y1, x2, y2;
} PdfLine;

typedef struct
{
  const gunichar         *chars;
  const PopplerRectangle *rects;
  GArray                 *lines;
} PdfPage;

static inline PdfLine *
line_at (GArray *lines,
         guint   i)
{
  return &g_array_index (lines, PdfLine, i);
}

static inline double
line_height (const PdfLine *l)
{
  return MAX (l->y2 - l->y1, 1.0);
}

/* ------------------------------------------------------------- Lines */

static void
close_line (PdfPage *pg,
            PdfLine *l,
            guint    end)
{
  l->end = end;
  /* white space at either end is not part of the line */
  while (l->start < l->end && g_unichar_isspace (pg->chars[l->start]))
    l->start++;
  while (l->end > l->start && g_unichar_isspace (pg->chars[l->end - 1]))
    l->end--;
  if (l->start == l->end)
    return;
  l->x1 = l->y1 = G_MAXDOUBLE;
  l->x2 = l->y2 = -G_MAXDOUBLE;
  for (guint i = l->start; i < l->end; i++)
    {
      l->x1 = MIN (l->x1, pg->rects[i].x1);
      l->y1 = MIN (l->y1, pg->rects[i].y1);
      l->x2 = MAX (l->x2, pg->rects[i].x2);
      l->y2 = MAX (l->y2, pg->rects[i].y2);
    }
  g_array_append_val (pg->lines, *l);
}

/* Whether character @i starts a new line though poppler put no break before it: from the
 * last character drawn before it (spaces are poppler's own), it jumps back left, far right
 * (across a column gutter) or off the line's height. */
static gboolean
breaks_line (const PdfPage *pg,
             guint          from,
             guint          i)
{
  const PopplerRectangle *a, *b = &pg->rects[i];
  guint j = i;
  double h;

  if (g_unichar_isspace (pg->chars[i]))
    return FALSE;
  while (j > from && g_unichar_isspace (pg->chars[j - 1]))
    j--;
  if (j == from)
    return FALSE;
  a = &pg->rects[j - 1];
  h = MAX (a->y2 - a->y1, 1.0);
  return b->x1 < a->x1 - h / 2 || b->x1 > a->x2 + 2 * h ||
         MIN (a->y2, b->y2) - MAX (a->y1, b->y1) < h / 3;
}

static void
split_lines (PdfPage *pg,
             guint    n)
{
  PdfLine l = { 0 };

  for (guint i = 0; i < n; i++)
    {
      if (pg->chars[i] == '\n')
        {
          close_line (pg, &l, i);
          l.start = i + 1;
        }
      else if (i > l.start && breaks_line (pg, l.start, i))
        {
          close_line (pg, &l, i);
          l.start = i;
        }
    }
  close_line (pg, &l, n);
}

/* A gap between two words of one line: the space drawn from @x1 to @x2, the next word
 * starting at character @at. */
typedef struct
{
  guint  line;
  guint  at;
  double x1, x2, y;
  double h;
  gboolean gutter;
} PdfGap;

static void
find_gaps (const PdfPage *pg,
           guint          li,
           GArray        *gaps)
{
  const PdfLine *l = line_at (pg->lines, li);
  double em = 0;
  guint n = 0;

  for (guint i = l->start; i < l->end; i++)
    if (!g_unichar_isspace (pg->chars[i]))
      em += pg->rects[i].x2 - pg->rects[i].x1, n++;
  em = n > 0 ? em / n : 0;
  for (guint i = l->start + 1; i < l->end; i++)
    {
      guint k = i;
      PdfGap g = { li, 0, 0, 0, (l->y1 + l->y2) / 2, line_height (l), FALSE };

      if (!g_unichar_isspace (pg->chars[i]))
        continue;
      while (k < l->end && g_unichar_isspace (pg->chars[k]))
        k++;
      g.at = k;
      g.x1 = pg->rects[i - 1].x2;
      g.x2 = pg->rects[k].x1;
      /* word spaces are narrower than half a character; a gutter is wider */
      if (g.x2 - g.x1 >= em / 2 && em > 0)
        g_array_append_val (gaps, g);
      i = k;
    }
}

/* Poppler joins the lines of two columns set close together into one, with a space between.
 * A gap is a gutter when a line near it has a gap at the same place: word spaces do not
 * line up from line to line, gutters do. */
static void
mark_gutters (GArray *gaps)
{
  for (guint i = 0; i < gaps->len; i++)
    for (guint j = i + 1; j < gaps->len; j++)
      {
        PdfGap *a = &g_array_index (gaps, PdfGap, i), *b = &g_array_index (gaps, PdfGap, j);

        if (a->line != b->line && ABS (a->y - b->y) <= 3 * MAX (a->h, b->h) &&
            MIN (a->x2, b->x2) > MAX (a->x1, b->x1))
          a->gutter = b->gutter = TRUE;
      }
}

static void
split_gutters (PdfPage *pg)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (PdfGap));
  GArray *old = pg->lines;
  guint g = 0;

  for (guint i = 0; i < old->len; i++)
    find_gaps (pg, i, gaps);
  mark_gutters (gaps);
  pg->lines = g_array_new (FALSE, FALSE, sizeof (PdfLine));
  for (guint i = 0; i < old->len; i++)
    {
      PdfLine l = *line_at (old, i);
      guint end = l.end;

      for (; g < gaps->len && g_array_index (gaps, PdfGap, g).line == i; g++)
        {
          const PdfGap *gap = &g_array_index (gaps, PdfGap, g);

          if (!gap->gutter)
            continue;
          close_line (pg, &l, gap->at);
          l.start = gap->at;
        }
      close_line (pg, &l, end);
    }
  g_array_unref (old);
}

/* ----------------------------------------------------- Reading order */

/* Space between two columns, in points: narrower gaps are word spacing. */
#define GUTTER 3.0

static int
by_x (gconstpointer a,
      gconstpointer b,
      gpointer      lines)
{
  const PdfLine *la = line_at (lines, *(const guint *) a);
  const PdfLine *lb = line_at (lines, *(const guint *) b);

  return la->x1 < lb->x1 ? -1 : la->x1 > lb->x1 ? 1 : 0;
}

static int
by_y (gconstpointer a,
      gconstpointer b,
      gpointer      lines)
{
  const PdfLine *la = line_at (lines, *(const guint *) a);
  const PdfLine *lb = line_at (lines, *(const guint *) b);

  if (la->y1 != lb->y1)
    return la->y1 < lb->y1 ? -1 : 1;
  return la->x1 < lb->x1 ? -1 : la->x1 > lb->x1 ? 1 : 0;
}

static void
sort_lines (GArray         *lines,
            guint          *idx,
            guint           n,
            GCompareDataFunc func)
{
  g_qsort_with_data (idx, n, sizeof (guint), func, lines);
}

/* With @idx sorted by x: the index after which a gutter no line crosses starts, or 0. */
static guint
next_gutter (GArray      *lines,
             const guint *idx,
             guint        n)
{
  double right = line_at (lines, idx[0])->x2;

  for (guint i = 1; i < n; i++)
    {
      const PdfLine *l = line_at (lines, idx[i]);

      if (l->x1 > right + GUTTER)
        return i;
      right = MAX (right, l->x2);
    }
  return 0;
}

/* Whether the band [@from, @to) of @idx reads on in the columns of the group [@start, @from):
 * together they keep a gutter, no line of the band bridges one of the group's gutters (a
 * paragraph across the page ends the columns), and the type is the body's (a headline over
 * the next columns, however short, is not part of the last ones). */
static gboolean
continues_columns (GArray      *lines,
                   const guint *idx,
                   guint        start,
                   guint        from,
                   guint        to)
{
  g_autofree guint *group = g_memdup2 (idx + start, (from - start) * sizeof (guint));
  g_autofree guint *all = g_memdup2 (idx + start, (to - start) * sizeof (guint));
  guint n = from - start;
  double h_min = G_MAXDOUBLE, h_max = 0, right;

  sort_lines (lines, all, to - start, by_x);
  if (to - start < 2 || next_gutter (lines, all, to - start) == 0)
    return FALSE;
  sort_lines (lines, group, n, by_x);
  for (guint i = 0; i < n; i++)
    {
      h_min = MIN (h_min, line_height (line_at (lines, group[i])));
      h_max = MAX (h_max, line_height (line_at (lines, group[i])));
    }
  for (guint k = from; k < to; k++)
    {
      const PdfLine *l = line_at (lines, idx[k]);

      if (line_height (l) > 1.3 * h_max || line_height (l) * 1.3 < h_min)
        return FALSE;
      right = line_at (lines, group[0])->x2;
      for (guint i = 1; i < n; i++)
        {
          const PdfLine *g = line_at (lines, group[i]);

          /* the gutter between @right and g->x1 */
          if (g->x1 > right + GUTTER && l->x1 < right + 1 && l->x2 > g->x1 - 1)
            return FALSE;
          right = MAX (right, g->x2);
        }
    }
  return TRUE;
}

/* With @idx sorted by y: the end of the band of lines that share a height with idx[from]. */
static guint
band_end (GArray      *lines,
          const guint *idx,
          guint        n,
          guint        from)
{
  double bottom = line_at (lines, idx[from])->y2;
  guint j = from + 1;

  for (; j < n; j++)
    {
      const PdfLine *l = line_at (lines, idx[j]);

      if (l->y1 >= bottom - line_height (l) / 4)
        break;
      bottom = MAX (bottom, l->y2);
    }
  return j;
}

static void order_lines (GArray *lines, guint *idx, guint n, GArray *out);

/* No gutter runs down the whole set: cut it across into bands of lines at one height, and
 * read together the bands that share their gutters (the columns under a headline). */
static void
order_bands (GArray *lines,
             guint  *idx,
             guint   n,
             GArray *out)
{
  guint start = 0, end;

  sort_lines (lines, idx, n, by_y);
  end = band_end (lines, idx, n, 0);
  if (end == n)
    {
      g_array_append_vals (out, idx, n);
      return;
    }
  while (start < n)
    {
      while (end < n)
        {
          guint next = band_end (lines, idx, n, end);

          if (!continues_columns (lines, idx, start, end, next))
            break;
          end = next;
        }
      if (start == 0 && end == n)
        {
          g_array_append_vals (out, idx, n);
          return;
        }
      order_lines (lines, idx + start, end - start, out);
      start = end;
      if (start < n)
        end = band_end (lines, idx, n, start);
    }
}

/* Recursive cuts: down the gutters first (left column before right), else across. */
static void
order_lines (GArray *lines,
             guint  *idx,
             guint   n,
             GArray *out)
{
  guint cut;

  if (n <= 1)
    {
      g_array_append_vals (out, idx, n);
      return;
    }
  sort_lines (lines, idx, n, by_x);
  cut = next_gutter (lines, idx, n);
  if (cut == 0)
    {
      order_bands (lines, idx, n, out);
      return;
    }
  order_lines (lines, idx, cut, out);
  order_lines (lines, idx + cut, n - cut, out);
}

/* ------------------------------------------------------------ Output */

typedef struct
{
  GString *text;
  GArray  *boxes;
  guint    page;
} PdfOut;

static void
put_char (PdfOut                 *out,
          gunichar                c,
          guint32                 page,
          const PopplerRectangle *r)
{
  FzCharBox box = { page, 0, 0, 0, 0 };

  if (r != NULL)
    {
      box.x1 = r->x1;
      box.y1 = r->y1;
      box.x2 = r->x2;
      box.y2 = r->y2;
    }
  /* a NUL or control character from a font's map would end or break the text */
  if (!g_unichar_validate (c) || (c < 0x20 && c != '\n' && c != '\t'))
    c = c == 0 ? ' ' : 0xFFFD;
  g_string_append_unichar (out->text, c);
  g_array_append_val (out->boxes, box);
}

/* A blank line (a new paragraph) where the type size changes, where the text goes down into
 * another block, after a paragraph's gap, or before an indented first line; else one line
 * break, which the layout repair may join. */
static gboolean
starts_paragraph (const PdfLine *a,
                  const PdfLine *b)
{
  double ha = line_height (a), hb = line_height (b);
  gboolean below = b->y1 >= a->y2 - ha / 4 && b->x1 < a->x2 && b->x2 > a->x1;

  if (MAX (ha, hb) > 1.2 * MIN (ha, hb))
    return TRUE;
  /* down into another block (columns end, a paragraph across the page); up is the next
   * column, which goes on with the sentence */
  if (!below && b->y1 > a->y2)
    return TRUE;
  return below && (b->y1 - a->y2 > 0.8 * MIN (ha, hb) || b->x1 > a->x1 + 1.5 * hb);
}

/* The right edge of @k's column: the furthest any line near it in reading order reaches. */
static double
column_right (const PdfPage *pg,
              GArray        *order,
              guint          k)
{
  const PdfLine *l = line_at (pg->lines, g_array_index (order, guint, k));
  double right = l->x2;

  for (guint i = k > 3 ? k - 3 : 0; i < order->len && i <= k + 3; i++)
    {
      const PdfLine *o = line_at (pg->lines, g_array_index (order, guint, i));

      if (o->x1 < l->x2 && o->x2 > l->x1)
        right = MAX (right, o->x2);
    }
  return right;
}

/* A number the type wrapped (覆盖群众4 / 5万人次): the line runs to the column's edge and the
 * next goes on below it. The layout repair of plain text keeps a break between two digits,
 * since without the page it cannot tell a wrap from a list; here the page tells. */
static gboolean
wraps_number (const PdfPage *pg,
              GArray        *order,
              guint          k)
{
  const PdfLine *a = line_at (pg->lines, g_array_index (order, guint, k - 1));
  const PdfLine *b = line_at (pg->lines, g_array_index (order, guint, k));
  double h = line_height (a);

  if (!g_unichar_isdigit (pg->chars[a->end - 1]) || !g_unichar_isdigit (pg->chars[b->start]))
    return FALSE;
  return b->y1 >= a->y2 - h / 4 && b->y1 - a->y2 < h && ABS (b->x1 - a->x1) < h &&
         a->x2 >= column_right (pg, order, k - 1) - 0.6 * h;
}

static void
put_lines (PdfOut        *out,
           const PdfPage *pg,
           GArray        *order)
{
  const PdfLine *prev = NULL;

  for (guint k = 0; k < order->len; k++)
    {
      const PdfLine *l = line_at (pg->lines, g_array_index (order, guint, k));

      if (prev != NULL && !starts_paragraph (prev, l) && wraps_number (pg, order, k))
        ;
      else if (out->text->len > 0)
        put_char (out, '\n', FZ_PAGE_MAP_NO_PAGE, NULL);
      if (out->text->len > 0 && (prev == NULL || starts_paragraph (prev, l)))
        put_char (out, '\n', FZ_PAGE_MAP_NO_PAGE, NULL);
      for (guint i = l->start; i < l->end; i++)
        put_char (out, pg->chars[i], out->page, &pg->rects[i]);
      prev = l;
    }
}

static void
read_page (PdfOut      *out,
           PopplerPage *page)
{
  g_autofree char *utf8 = poppler_page_get_text (page);
  g_autofree gunichar *chars = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *idx = NULL;
  glong n_chars = 0;
  guint n_rects = 0;
  PdfPage pg = { 0 };

  if (utf8 == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return;
  chars = g_utf8_to_ucs4_fast (utf8, -1, &n_chars);
  pg.chars = chars;
  pg.rects = rects;
  pg.lines = g_array_new (FALSE, FALSE, sizeof (PdfLine));
  split_lines (&pg, MIN ((guint) n_chars, n_rects));
  split_gutters (&pg);
  idx = g_new (guint, pg.lines->len + 1);
  for (guint i = 0; i < pg.lines->len; i++)
    idx[i] = i;
  order_lines (pg.lines, idx, pg.lines->len, order);
  put_lines (out, &pg, order);
  g_array_unref (pg.lines);
}

/* ---------------------------------------------------------- Public API */

gboolean
fz_document_pdf_sniff (const guint8 *data,
                       gsize         len)
{
  return len >= 5 && memcmp (data, "%PDF-", 5) == 0;
}

static PopplerDocument *
open_pdf (const guint8  *data,
          gsize          len,
          GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) local = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &local);
  int n_pages;

  if (doc == NULL && g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    g_set_error (error, FZ_ERROR, FZ_ERROR_FAILED,
                 _("the PDF is locked with a password; save a copy without the password "
                   "and open that"));
  else if (doc == NULL)
    g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                 _("the PDF is damaged or cut short and cannot be read"));
  if (doc == NULL)
    return NULL;
  n_pages = poppler_document_get_n_pages (doc);
  if (n_pages <= 0)
    g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                 _("the PDF is damaged or cut short and cannot be read"));
  else if (n_pages > FZ_PDF_MAX_PAGES)
    g_set_error (error, FZ_ERROR, FZ_ERROR_TOO_LARGE,
                 _("the PDF has %d pages, more than the limit of %d"),
                 n_pages, FZ_PDF_MAX_PAGES);
  else
    return doc;
  g_object_unref (doc);
  return NULL;
}

static gboolean
read_pages (PopplerDocument  *doc,
            PdfOut           *out,
            GError          **error)
{
  gint64 deadline = g_get_monotonic_time () + FZ_PDF_MAX_SECONDS * G_USEC_PER_SEC;
  int n_pages = poppler_document_get_n_pages (doc);
  guint n_read = 0;

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);

      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, FZ_ERROR, FZ_ERROR_TOO_LARGE,
                       _("reading the PDF took longer than %d seconds; it stopped at page %d"),
                       FZ_PDF_MAX_SECONDS, i + 1);
          return FALSE;
        }
      if (page == NULL)
        continue;
      n_read++;
      out->page = i;
      read_page (out, page);
    }
  if (n_read == 0)
    g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                 _("the PDF is damaged or cut short and cannot be read"));
  else if (out->text->len == 0)
    g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY,
                 _("the PDF has no text layer, only images (a scanned page?); Fanzha reads "
                   "the text of a PDF and does not recognise text in images"));
  return n_read > 0 && out->text->len > 0;
}

static char *
creation_date (PopplerDocument *doc)
{
  g_autoptr(GDateTime) when = poppler_document_get_creation_date_time (doc);

  return when ? g_date_time_format (when, "%Y-%m-%d") : NULL;
}

char *
fz_document_pdf_read (const guint8  *data,
                      gsize          len,
                      gsize         *text_len,
                      FzPageMap    **map,
                      char         **iso_date,
                      GError       **error)
{
  g_autoptr(PopplerDocument) doc = NULL;
  PdfOut out = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = open_pdf (data, len, error);
  if (doc == NULL)
    return NULL;
  out.text = g_string_new (NULL);
  out.boxes = g_array_new (FALSE, FALSE, sizeof (FzCharBox));
  if (!read_pages (doc, &out, error))
    {
      g_string_free (out.text, TRUE);
      g_array_unref (out.boxes);
      return NULL;
    }
  if (iso_date)
    *iso_date = creation_date (doc);
  if (text_len)
    *text_len = out.text->len;
  if (map)
    *map = fz_page_map_new (g_steal_pointer (&doc), g_steal_pointer (&out.boxes));
  else
    g_array_unref (out.boxes);
  return g_string_free (out.text, FALSE);
}
