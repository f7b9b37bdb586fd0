/* fz-document-pdf.h: the text of a PDF (poppler), page by page in reading order, with the box
 * of each character. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-page-map.h"

G_BEGIN_DECLS

/* Pages beyond this are a PDF bomb, not a newspaper. */
#define FZ_PDF_MAX_PAGES 2000
/* Reading the text layer of all pages may take no longer than this. */
#define FZ_PDF_MAX_SECONDS 20

/* TRUE when @data is a PDF (it starts with the %PDF- signature). */
gboolean  fz_document_pdf_sniff (const guint8  *data,
                                 gsize          len);
/* The text of every page, columns read one after the other, as UTF-8; @map gets each
 * character's page and box, @iso_date the creation date of the metadata (or NULL).
 * Fails with FZ_ERROR_FAILED (encrypted), FZ_ERROR_PARSE (damaged), FZ_ERROR_EMPTY (no text
 * layer) or FZ_ERROR_TOO_LARGE (too many pages, too slow); the message does not name the file. */
char     *fz_document_pdf_read  (const guint8  *data,
                                 gsize          len,
                                 gsize         *text_len,
                                 FzPageMap    **map,
                                 char         **iso_date,
                                 GError       **error);

G_END_DECLS
