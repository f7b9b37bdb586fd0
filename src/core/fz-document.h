/* fz-document.h: a loaded document: decoded text, articles and figures. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fz-article.h"
#include "fz-figure.h"
#include "fz-layout.h"
#include "fz-page-map.h"

G_BEGIN_DECLS

#define FZ_TYPE_DOCUMENT (fz_document_get_type ())

G_DECLARE_FINAL_TYPE (FzDocument, fz_document, FZ, DOCUMENT, GObject)

/* Reads, checks (size, binary, encoding), decodes to UTF-8 and segments; a PDF or a saved
 * web page (by content or a .html/.htm name) is read by its own reader. */
FzDocument   *fz_document_load            (GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);
/* The same, and for plain UTF-8 text its code points, read while the text was checked, in
 * *@chars (NULL for other files; free with g_free ()): for an analysis that follows at once. */
FzDocument   *fz_document_load_chars      (GFile         *file,
                                           GCancellable  *cancellable,
                                           gunichar     **chars,
                                           guint         *n_chars,
                                           GError       **error);
/* Only the reading and its checks (special file, size, empty), undecoded; errors name the file. */
guint8       *fz_document_read            (GFile         *file,
                                           GCancellable  *cancellable,
                                           gsize         *len,
                                           GError       **error);
FzDocument   *fz_document_new_from_data   (const char    *name,
                                           const guint8  *data,
                                           gsize          len,
                                           GError       **error);
GFile        *fz_document_get_file        (FzDocument    *self);
const char   *fz_document_get_name        (FzDocument    *self);
const char   *fz_document_get_title       (FzDocument    *self);
const char   *fz_document_get_outlet      (FzDocument    *self);
const char   *fz_document_get_encoding    (FzDocument    *self);
/* UTF-8, no BOM, line breaks as in the file: figure offsets count in this text. */
const char   *fz_document_get_text        (FzDocument    *self,
                                           gsize         *len);
guint         fz_document_get_n_chars     (FzDocument    *self);
FzLayout     *fz_document_get_layout      (FzDocument    *self);
GPtrArray    *fz_document_get_articles    (FzDocument    *self);
/* A PDF's pages and the box of each character of the text on them; NULL for other files. */
FzPageMap    *fz_document_get_page_map    (FzDocument    *self);
FzFigureList *fz_document_get_figures     (FzDocument    *self);
void          fz_document_set_figures     (FzDocument    *self,
                                           FzFigureList  *figures);
/* ISO YYYY-MM-DD or NULL; from the page, or set by the analyst. */
const char   *fz_document_get_date        (FzDocument    *self);
void          fz_document_set_date        (FzDocument    *self,
                                           const char    *iso_date);
char         *fz_document_dup_regions     (FzDocument    *self);

G_END_DECLS
