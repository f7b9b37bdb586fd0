/* fz-charset.h: encoding detection and conversion to UTF-8, and character classes for layout
 * work. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decodes @data (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK/GB2312
 * or Big5) to NUL-terminated UTF-8 without BOM. Line breaks are kept as they are.
 * Fails with FZ_ERROR_EMPTY, FZ_ERROR_BINARY or FZ_ERROR_ENCODING; the message
 * says why but does not name a file, so callers prefix it. */
char       *fz_charset_decode        (const guint8  *data,
                                      gsize          len,
                                      gsize         *out_len,
                                      const char   **out_encoding,
                                      GError       **error);

/* The same, and for valid UTF-8 its code points (as fz_charset_to_ucs4 () would give them,
 * NUL-terminated) in *@chars, read in the same pass; *@chars is NULL when the text was not
 * UTF-8 or held a character left to a slower check. */
char       *fz_charset_decode_chars  (const guint8  *data,
                                      gsize          len,
                                      gsize         *out_len,
                                      const char   **out_encoding,
                                      gunichar     **chars,
                                      guint         *n_chars,
                                      GError       **error);
/* Decodes @text (@len bytes) into @out (room for @len code points) when every character is
 * one no UTF-8 validator rejects: ASCII but NUL, two-byte sequences, three-byte ones that are
 * no overlong form, surrogate or noncharacter. FALSE at anything else, which needs
 * g_utf8_validate (); *@n_out is set only on TRUE. Most Chinese text is only such characters. */
gboolean    fz_charset_utf8_to_ucs4  (const char    *text,
                                      gsize          len,
                                      gunichar      *out,
                                      guint         *n_out);

/* Code points of @text, NUL-terminated, *n_out of them. A byte that is not UTF-8 becomes
 * U+FFFD (one for one); with @drop_space, white space and BOMs are left out. */
gunichar   *fz_charset_to_ucs4       (const char   *text,
                                      gsize         len,
                                      gboolean      drop_space,
                                      guint        *n_out);
/* The same into @out, at most @max code points (the first @max of them: a caller that only
 * wants short lines stops decoding a long one early); returns how many, without a NUL. */
guint       fz_charset_to_ucs4_into  (const char   *text,
                                      gsize         len,
                                      gboolean      drop_space,
                                      gunichar     *out,
                                      guint         max);
/* TRUE when @data starts with the signature of an image, archive, PDF or executable. */
gboolean    fz_charset_has_binary_signature (const guint8 *data,
                                             gsize         len);

/* Character classes shared by the layout repair and the segmenter. */
static inline gboolean
fz_charset_is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\f' || c == '\v';
}

/* Han, kana, CJK symbols and full-width forms, and the curly quotes and dashes
 * that Chinese text uses: the characters between which PDF spaces are noise. */
static inline gboolean
fz_charset_is_cjk (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF) ||
         c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
         c == 0x2014 || c == 0x2026 || c == 0x00B7;
}

/* Punctuation that ends a sentence (or a clause that the next line does not continue). */
static inline gboolean
fz_charset_is_final (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0x201D: /* ” */
    case 0x2026: /* … */
    case 0xFF1A: /* ： */
    case 0xFF1B: /* ； */
    case ';':
    case '!':
    case '?':
    case ':':
    case '.':
      return TRUE;
    default:
      return FALSE;
    }
}

/* Punctuation inside a sentence: a line holding one is not a heading. */
static inline gboolean
fz_charset_is_clause_punct (gunichar c)
{
  switch (c)
    {
    case 0xFF0C: /* ， */
    case 0x3002: /* 。 */
    case 0xFF1B: /* ； */
    case 0x3001: /* 、 */
    case ',':
    case ';':
      return TRUE;
    default:
      return FALSE;
    }
}

G_END_DECLS
