/* fz-document-html.h: the article text of a saved web page (libxml2's HTML parser), its
 * charset, date and outlet. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char       *text;       /* headings and paragraphs, a blank line between blocks */
  gsize       len;
  const char *encoding;   /* interned */
  char       *date;       /* ISO YYYY-MM-DD from the page's metadata, or NULL */
  char       *outlet;     /* og:site_name and the like, or NULL */
} FzHtmlPage;

void      fz_html_page_free      (FzHtmlPage    *page);

/* TRUE for a name ending in .html, .htm or .xhtml, or bytes that start (after a BOM and
 * white space) with <!DOCTYPE html or <html. */
gboolean  fz_document_html_sniff (const char    *name,
                                  const guint8  *data,
                                  gsize          len);
/* Never fetches anything and never expands a DTD's entities. Fails with the errors of
 * fz_charset_decode, or FZ_ERROR_EMPTY when the page holds no article text. */
FzHtmlPage *fz_document_html_read (const guint8  *data,
                                   gsize          len,
                                   GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzHtmlPage, fz_html_page_free)

G_END_DECLS
