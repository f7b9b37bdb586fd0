/* fuzz-html.c: libFuzzer target: read any bytes as a saved web page; the text must be UTF-8
 * without NULs and the document built on it must hold together. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "fz-document.h"
#include "fz-document-html.h"
#include "fz-error.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzHtmlPage) page = fz_document_html_read (data, size, &error);
  g_autoptr(FzDocument) doc = NULL;
  GPtrArray *articles;
  guint n;

  if (page == NULL)
    {
      fz_fuzz_check (error != NULL && error->domain == FZ_ERROR);
      return 0;
    }
  fz_fuzz_check (page->len > 0 && g_utf8_validate (page->text, page->len, NULL));
  fz_fuzz_check (memchr (page->text, '\0', page->len) == NULL);
  fz_fuzz_check (page->date == NULL || strlen (page->date) == 10);
  fz_fuzz_check (page->outlet == NULL || g_utf8_validate (page->outlet, -1, NULL));

  doc = fz_document_new_from_data ("fuzz.html", data, size, &error);
  /* Bytes that begin like a PDF are read as one, whatever the name says, and may be refused
   * as a damaged PDF; any other page the HTML reader took must make a document. */
  if (doc == NULL && size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      fz_fuzz_check (error != NULL && error->domain == FZ_ERROR);
      return 0;
    }
  fz_fuzz_check (doc != NULL);
  n = fz_document_get_n_chars (doc);
  articles = fz_document_get_articles (doc);
  for (guint i = 0; i < articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (articles, i);

      fz_fuzz_check (a->start <= a->end && a->end <= n);
    }
  fz_layout_get_n_chars (fz_document_get_layout (doc));
  return 0;
}
