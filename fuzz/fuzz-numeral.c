/* fuzz-numeral.c: libFuzzer target that parses numerals from arbitrary bytes. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdint.h>
#include <string.h>

#include "fz-numeral.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  gsize len = strlen (text);

  for (gsize pos = 0; pos < len; pos = g_utf8_next_char (text + pos) - text)
    {
      FzDecimal d;
      gsize consumed = 0;

      if (fz_numeral_parse (text + pos, len - pos, &d, &consumed))
        {
          g_autofree char *s = fz_decimal_to_string (&d);

          if (consumed == 0 || consumed > len - pos || s == NULL || *s == '\0')
            __builtin_trap ();
        }
    }
  return 0;
}
