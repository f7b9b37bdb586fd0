/* fz-text-private.h: UTF-8 decoding, digits and the compact text, shared by the core's scanners. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

#include "fz-gazetteer.h"
#include "fz-lexicon.h"

G_BEGIN_DECLS

/* These run at every position of a page: inline, so that a call costs nothing. */

/* Bounded UTF-8 decode; bad or cut bytes decode as U+FFFD of length 1 so that
 * a caller handed arbitrary bytes still moves forward. */
static inline gsize
fz_text_decode (const char *s,
                gsize       len,
                gunichar   *out)
{
  const guchar *u = (const guchar *) s;

  if (len == 0)
    {
      *out = 0;
      return 0;
    }
  if (u[0] < 0x80)
    {
      *out = u[0];
      return 1;
    }
  if ((u[0] & 0xE0) == 0xC0 && len >= 2 && (u[1] & 0xC0) == 0x80)
    {
      *out = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
      return 2;
    }
  if ((u[0] & 0xF0) == 0xE0 && len >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
    {
      *out = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
      return 3;
    }
  if ((u[0] & 0xF8) == 0xF0 && len >= 4 && (u[1] & 0xC0) == 0x80 &&
      (u[2] & 0xC0) == 0x80 && (u[3] & 0xC0) == 0x80)
    {
      *out = ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
      return 4;
    }
  *out = 0xFFFD;
  return 1;
}

/* The character at *@pp, well-formed UTF-8, and *@pp moved past it: inline, for the loops
 * that decode every character of a page or of a word list, where a call per character cost
 * more than the rest of their work. */
static inline gunichar
fz_text_next_char (const char **pp)
{
  const guchar *p = (const guchar *) *pp;
  gunichar c = p[0];

  if (c < 0x80)
    {
      *pp += 1;
      return c;
    }
  if (c < 0xE0)
    {
      *pp += 2;
      return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
  if (c < 0xF0)
    {
      *pp += 3;
      return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
  *pp += 4;
  return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* g_unichar_isspace () without its call: the scans ask it of every character. Beyond ASCII,
 * white space is the separators of Unicode (Zs, Zl, Zp), a short list that Unicode keeps
 * stable; a test compares this with GLib's over every code point. */
static inline gboolean
fz_text_isspace (gunichar c)
{
  /* Han, most of a page, is past the last space: one comparison rules it out. */
  if (c > 0x3000)
    return FALSE;
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  if (c < 0x2000)
    return c == 0x00A0 || c == 0x1680;
  if (c <= 0x205F)
    return c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F;
  return c == 0x3000;
}

/* A mark that closes a quotation or an aside (”, 」, ）, 》): a sentence may end before it,
 * and a paragraph after it. */
static inline gboolean
fz_text_is_closer (gunichar c)
{
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == ')' ||
         c == 0x300B;
}

/* What the compact texts leave out: white space and the byte order mark. */
static inline gboolean
fz_text_is_left_out (gunichar c)
{
  return fz_text_isspace (c) || c == 0xFEFF;
}

/* g_unichar_to_utf8 () inline for the Basic Multilingual Plane, where most text is. */
static inline gint
fz_text_to_utf8 (gunichar  c,
                 char     *out)
{
  if (c < 0x80)
    {
      out[0] = (char) c;
      return 1;
    }
  if (c < 0x800)
    {
      out[0] = (char) (0xC0 | (c >> 6));
      out[1] = (char) (0x80 | (c & 0x3F));
      return 2;
    }
  if (c < 0x10000)
    {
      out[0] = (char) (0xE0 | (c >> 12));
      out[1] = (char) (0x80 | ((c >> 6) & 0x3F));
      out[2] = (char) (0x80 | (c & 0x3F));
      return 3;
    }
  return g_unichar_to_utf8 (c, out);
}

/* Whether @c is one of the characters of @set: its UTF-8 is a substring of @set's (UTF-8 lets
 * no character's bytes start inside another's), found without decoding @set. */
static inline gboolean
fz_text_char_in (gunichar    c,
                 const char *set)
{
  char utf8[8];
  gint n;

  if (c == 0)
    return FALSE;
  if (c < 0x80)
    return strchr (set, (int) c) != NULL;
  n = fz_text_to_utf8 (c, utf8);
  utf8[n] = '\0';
  return strstr (set, utf8) != NULL;
}

/* A Chinese character (an ideograph of the unified blocks, extension A or the compatibility
 * block), as every scanner of the core tells words from the rest. */
static inline gboolean
fz_text_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

/* The value of a Chinese digit as dates, periods and counts write it (〇 零 一 二 两 三 四 五 六
 * 七 八 九), -1 for any other character; capital and traditional forms are the numeral
 * parser's (fz_numeral_digit_value). */
static inline gint
fz_text_cn_digit_value (gunichar c)
{
  switch (c)
    {
    case 0x3007: case 0x96F6: return 0;   /* 〇 零 */
    case 0x4E00: return 1;                /* 一 */
    case 0x4E8C: case 0x4E24: return 2;   /* 二 两 */
    case 0x4E09: return 3;                /* 三 */
    case 0x56DB: return 4;                /* 四 */
    case 0x4E94: return 5;                /* 五 */
    case 0x516D: return 6;                /* 六 */
    case 0x4E03: return 7;                /* 七 */
    case 0x516B: return 8;                /* 八 */
    case 0x4E5D: return 9;                /* 九 */
    default: return -1;
    }
}

/* The value of an ASCII or full-width digit, -1 for any other character. */
static inline gint
fz_text_digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (gint) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (gint) (c - 0xFF10);
  return -1;
}

/* The characters of the @n bytes of valid UTF-8 at @s: its bytes that continue none, counted
 * eight at a time (a continuation byte has its top bits 10). */
static inline gsize
fz_text_count_chars (const char *s,
                     gsize       n)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize chars = 0, i = 0;

  for (; i + 8 <= n; i += 8)
    {
      guint64 w;

      memcpy (&w, s + i, 8);
      /* One bit in each continuation byte, summed into the top byte by a multiplication. */
      w = (w & ~(w << 1) & high) >> 7;
      chars += 8 - (gsize) ((w * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
    }
  for (; i < n; i++)
    chars += ((guchar) s[i] & 0xC0) != 0x80;
  return chars;
}

/* fz-text.c */
gunichar  *_fz_text_compact  (const char  *text,
                              gssize       len,
                              guint32    **pos,
                              guint       *n_pos);
guint32   *_fz_text_compact_pos (const gunichar *chars,
                                 gsize           n_chars,
                                 guint          *n_pos);

/* The scans of fz-gazetteer-scan.c and fz-lexicon.c on a compact text made once by the caller
 * (fz-attribution.c runs three of them on each page). */
void       _fz_gazetteer_scan_compact (FzGazetteer    *self,
                                       const gunichar *chars,
                                       const guint32  *pos,
                                       guint           n_pos,
                                       FzGazetteerScanFunc func,
                                       gpointer        user_data);
void       _fz_lexicon_scan_compact   (FzLexicon      *self,
                                       const gunichar *chars,
                                       const guint32  *pos,
                                       guint           n_pos,
                                       FzLexiconScanFunc func,
                                       gpointer        user_data);
/* The places @starts (ascending indices into @pos) must hold every place where a trigger of
 * @a or @b may start: a character of _fz_lexicon_first_bits () or one beyond the BMP. */
void       _fz_lexicon_scan_compact_two (FzLexicon      *a,
                                         FzLexiconScanFunc func_a,
                                         gpointer        data_a,
                                         FzLexicon      *b,
                                         FzLexiconScanFunc func_b,
                                         gpointer        data_b,
                                         const gunichar *chars,
                                         const guint32  *pos,
                                         guint           n_pos,
                                         const guint32  *starts,
                                         guint           n_starts);
const guint8 *_fz_lexicon_first_bits  (FzLexicon      *self);
typedef gpointer (*FzLexiconDeriveFunc) (const guint8  *first_bits,
                                         gconstpointer  key);
gconstpointer _fz_lexicon_derived     (FzLexicon          *self,
                                       gconstpointer       key,
                                       FzLexiconDeriveFunc make,
                                       GDestroyNotify      free_func);

G_END_DECLS
