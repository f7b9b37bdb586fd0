/* fz-numeral-private.h: helpers shared by the numeral readers. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-numeral.h"
#include "fz-text-private.h"

#include <string.h>

G_BEGIN_DECLS

static inline gboolean
has_prefix (const char *s,
            gsize       len,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && memcmp (s, prefix, n) == 0;
}

gboolean  _fz_numeral_parse_arabic  (const char *s,
                                     gsize       len,
                                     FzDecimal  *out,
                                     gsize      *consumed);

G_END_DECLS
