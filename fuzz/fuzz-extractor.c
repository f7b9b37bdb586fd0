/* fuzz-extractor.c: libFuzzer target that runs the extractor on arbitrary text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdint.h>
#include <string.h>

#include "fz-extractor.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  gsize len = strlen (text);
  g_autoptr(FzFigureList) list = fz_extract (text, len);
  guint n = fz_figure_list_get_n (list);
  guint32 prev = 0;

  /* The fast count must agree with the full extraction. */
  if (fz_extract_count (text, len) != n)
    __builtin_trap ();
  for (guint i = 0; i < n; i++)
    {
      const FzFigure *f = fz_figure_list_get (list, i);

      if (f->byte_start > f->byte_end || f->byte_end > len || f->start > f->end ||
          f->start < prev ||
          !g_utf8_validate (text + f->byte_start, f->byte_end - f->byte_start, NULL) ||
          (glong) f->start != g_utf8_pointer_to_offset (text, text + f->byte_start) ||
          (glong) f->end != g_utf8_pointer_to_offset (text, text + f->byte_end))
        __builtin_trap ();
      prev = f->start;
      (void) fz_figure_list_str (list, f->value);
    }
  return 0;
}
