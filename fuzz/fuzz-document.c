/* fuzz-document.c: libFuzzer target: decode any bytes as a document, repair its layout, check the offset map. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <stdlib.h>

#include "fz-document.h"
#include "fz-error.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_document_new_from_data ("fuzz.txt", data, size, &error);
  FzLayout *layout;
  GPtrArray *articles;
  const char *text;
  const char *rep;
  gsize len, rlen;
  guint n, n_rep;

  if (doc == NULL)
    {
      fz_fuzz_check (error != NULL && error->domain == FZ_ERROR);
      return 0;
    }
  text = fz_document_get_text (doc, &len);
  fz_fuzz_check (g_utf8_validate (text, len, NULL));
  n = fz_document_get_n_chars (doc);

  articles = fz_document_get_articles (doc);
  for (guint i = 0; i < articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (articles, i);

      fz_fuzz_check (a->start <= a->end && a->end <= n);
      fz_fuzz_check (a->body_start <= a->body_end && a->body_end <= n);
      fz_fuzz_check (a->title_start <= a->title_end && a->title_end <= n);
      fz_fuzz_check (a->title != NULL && g_utf8_validate (a->title, -1, NULL));
    }

  layout = fz_document_get_layout (doc);
  rep = fz_layout_get_text (layout, &rlen);
  fz_fuzz_check (g_utf8_validate (rep, rlen, NULL));
  n_rep = fz_layout_get_n_chars (layout);
  fz_fuzz_check (g_utf8_strlen (rep, rlen) == n_rep);
  {
    g_autofree gunichar *oc = g_utf8_to_ucs4_fast (text, len, NULL);
    g_autofree gunichar *rc = g_utf8_to_ucs4_fast (rep, rlen, NULL);

    for (guint r = 0; r < n_rep; r++)
      {
        guint32 o = fz_layout_to_original (layout, r);

        fz_fuzz_check (o < n);
        fz_fuzz_check (oc[o] == rc[r]);
        fz_fuzz_check (fz_layout_to_repaired (layout, o) == r);
      }
    for (guint o = 0; o <= n; o++)
      fz_fuzz_check (fz_layout_to_repaired (layout, o) <= n_rep);
  }
  return 0;
}
