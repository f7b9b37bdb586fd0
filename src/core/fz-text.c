/* fz-text.c: the compact text that the word scanners match on, white space left out. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-text-private.h"

/* The indices of the characters of @chars that are not white space: matching on these finds a
 * name even where PDF layout spaced it out (破 案 率).  One slot more than needed, so that an
 * empty text still gets an array. */
guint32 *
_fz_text_compact_pos (const gunichar *chars,
                      gsize           n_chars,
                      guint          *n_pos)
{
  guint32 *pos = g_new (guint32, n_chars + 1);
  guint n = 0;

  for (gsize i = 0; i < n_chars; i++)
    if (!fz_text_isspace (chars[i]))
      pos[n++] = (guint32) i;
  *n_pos = n;
  return pos;
}

/* The characters of @text, and in @pos the indices of those that are not white space. */
gunichar *
_fz_text_compact (const char  *text,
                  gssize       len,
                  guint32    **pos,
                  guint       *n_pos)
{
  gunichar *chars;
  glong n_chars = 0;

  chars = g_utf8_to_ucs4_fast (text, len, &n_chars);
  *pos = _fz_text_compact_pos (chars, (gsize) n_chars, n_pos);
  return chars;
}
