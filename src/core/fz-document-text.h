/* fz-document-text.h: a file's bytes made into the text Fanzha reads, whatever the file holds
 * (plain text in any supported charset, a PDF, a saved web page). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fz-page-map.h"

G_BEGIN_DECLS

typedef struct
{
  char       *text;          /* UTF-8: figure offsets count code points of it */
  gsize       len;
  const char *encoding;      /* static or interned: "UTF-8", "GB18030", "PDF"… */
  char       *date;          /* ISO date from the file's metadata, or NULL */
  gboolean    date_is_page;  /* the page's own date (HTML meta), not just the file's (PDF) */
  char       *outlet;        /* from the metadata, or NULL */
  FzPageMap  *page_map;      /* a PDF's pages and character boxes, or NULL */
  gunichar   *chars;         /* the code points of text, when asked for and read in passing */
  guint       n_chars;
} FzDocumentText;

void            fz_document_text_free   (FzDocumentText *self);

/* Chooses the reader by content (the %PDF- signature, an HTML start) or @name's suffix
 * (.html, .htm); the errors do not name the file. */
FzDocumentText *fz_document_text_decode (const char     *name,
                                         const guint8   *data,
                                         gsize           len,
                                         GError        **error);

/* The same, with the code points of plain UTF-8 text read while it is checked, for an
 * analysis that follows at once; chars stays NULL for other files. */
FzDocumentText *fz_document_text_decode_chars (const char   *name,
                                               const guint8 *data,
                                               gsize         len,
                                               GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzDocumentText, fz_document_text_free)

G_END_DECLS
