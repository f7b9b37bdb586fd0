/* fuzz-segmenter.c: libFuzzer target: segment any UTF-8 text and check the article offsets; lay
 * it out for reading and check the offset map both ways. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "fz-layout.h"
#include "fz-segmenter.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* the segmenter takes decoded document text: valid UTF-8 without NUL */
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  gsize len = strlen (text);
  glong n = g_utf8_strlen (text, len);
  g_autoptr(GPtrArray) articles = fz_segment (text, len);
  guint32 prev_start = 0;

  for (guint i = 0; i < articles->len; i++)
    {
      FzArticle *a = g_ptr_array_index (articles, i);
      g_autofree char *span = fz_segment_dup_span (text, len, a->body_start, a->body_end, 20);

      fz_fuzz_check (a->start <= a->end && a->end <= (guint32) n);
      fz_fuzz_check (a->body_start <= a->body_end && a->body_end <= (guint32) n);
      fz_fuzz_check (a->title_start <= a->title_end && a->title_end <= (guint32) n);
      fz_fuzz_check (a->start <= a->body_start || a->body_start == a->body_end);
      fz_fuzz_check (a->start >= prev_start);
      fz_fuzz_check (g_utf8_validate (a->title, -1, NULL));
      fz_fuzz_check (g_utf8_strlen (span, -1) <= 20);
      fz_fuzz_check (!a->is_caption || a->title[0] == '\0');
      prev_start = a->start;
    }

  {
    g_autoptr(FzLayout) layout = fz_layout_new (text, len);
    gsize rlen;
    const char *rep = fz_layout_get_text (layout, &rlen);
    guint n_rep = fz_layout_get_n_chars (layout);
    g_autofree gunichar *orig = g_utf8_to_ucs4_fast (text, len, NULL);
    g_autofree gunichar *repaired = NULL;

    fz_fuzz_check (g_utf8_validate (rep, rlen, NULL));
    fz_fuzz_check ((glong) n_rep == g_utf8_strlen (rep, rlen));
    repaired = g_utf8_to_ucs4_fast (rep, rlen, NULL);
    /* every kept character maps to the same character of the text, and back */
    for (guint32 r = 0; r < n_rep; r++)
      {
        guint32 o = fz_layout_to_original (layout, r);

        fz_fuzz_check (o < (guint32) n && orig[o] == repaired[r]);
        fz_fuzz_check (fz_layout_to_repaired (layout, o) == r);
      }
  }
  return 0;
}
