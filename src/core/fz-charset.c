/* fz-charset.c: encoding detection (uchardet) and conversion to UTF-8. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-charset.h"
#include "fz-text-private.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <uchardet.h>

#include "fz-error.h"

/* Very frequent characters of Chinese text, simplified and traditional. A right
 * decode is full of them; decoding with the wrong table yields almost none. */
static const char common_chars[] =
  "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子"
  "那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面"
  "起看定天分还进好小部其些主样理心本前开但因只从想实日者意无力它与长把机十民"
  "第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
  "相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海"
  "通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神"
  "总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统"
  "区保至队形社便空决治展马科司五基书非则听白却界达光放强即像难且权思王象完设"
  "這個們來為國說時會對於著過發後裡種經麼學現當沒動面還進樣實與長機開問關點業"
  "將兩間應戰頭體見產從當變總數員題結區隊書則聽達遠強權設義處論條統資號";

static GHashTable *common_set;

static void
init_common_set (void)
{
  if (g_once_init_enter (&common_set))
    {
      GHashTable *set = g_hash_table_new (NULL, NULL);

      for (const char *p = common_chars; *p; p = g_utf8_next_char (p))
        g_hash_table_add (set, GUINT_TO_POINTER (g_utf8_get_char (p)));
      g_once_init_leave (&common_set, set);
    }
}

gboolean
fz_charset_has_binary_signature (const guint8 *data,
                                 gsize         len)
{
  static const struct { const char *magic; gsize len; } sigs[] = {
    { "\x89PNG", 4 },
    { "\xFF\xD8\xFF", 3 },
    { "PK\x03\x04", 4 },
    { "PK\x05\x06", 4 },
    { "%PDF-", 5 },
    { "GIF8", 4 },
    { "\x7F" "ELF", 4 },
    { "\x1F\x8B", 2 },
    { "BZh", 3 },
    { "\xFD" "7zXZ", 5 },
    { "7z\xBC\xAF", 4 },
    { "Rar!", 4 },
    { "\xD0\xCF\x11\xE0", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sigs); i++)
    if (len >= sigs[i].len && memcmp (data, sigs[i].magic, sigs[i].len) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  GString *out;
  guint    n_chars;
  guint    n_bad;      /* bytes that did not decode */
  guint    n_rare;     /* private use, control and compatibility characters */
  guint    n_common;
} Decode;

static void
decode_clear (Decode *d)
{
  if (d->out)
    g_string_free (d->out, TRUE);
  memset (d, 0, sizeof *d);
}

/* Converts with iconv, putting U+FFFD for each byte that does not decode, so
 * that a few bad bytes in a long page do not lose the page. */
static gboolean
convert_lenient (const guint8 *data,
                 gsize         len,
                 const char   *from,
                 gsize         unit,
                 Decode       *d)
{
  GIConv cd = g_iconv_open ("UTF-8", from);
  gchar *in = (gchar *) data;
  gsize in_left = len;
  gsize cap = len * 2 + 16;

  memset (d, 0, sizeof *d);
  if (cd == (GIConv) -1)
    return FALSE;

  d->out = g_string_sized_new (cap);
  while (in_left > 0)
    {
      gsize used = d->out->len;
      gsize room = d->out->allocated_len - used - 1;
      gchar *outp = d->out->str + used;
      gsize out_left = room;
      gsize r;

      if (room < 16)
        {
          g_string_set_size (d->out, used + len + 16);
          g_string_set_size (d->out, used);
          continue;
        }
      r = g_iconv (cd, &in, &in_left, &outp, &out_left);
      g_string_set_size (d->out, used + (room - out_left));
      if (r == (gsize) -1)
        {
          if (errno == E2BIG)
            {
              g_string_set_size (d->out, d->out->len + len + 16);
              g_string_set_size (d->out, used + (room - out_left));
              continue;
            }
          /* EILSEQ or EINVAL (truncated at the end): skip one code unit */
          g_string_append_unichar (d->out, 0xFFFD);
          d->n_bad++;
          gsize skip = MIN (unit, in_left);
          in += skip;
          in_left -= skip;
          g_iconv (cd, NULL, NULL, NULL, NULL);
        }
    }
  g_iconv_close (cd);
  return TRUE;
}

static void
score_decode (Decode *d)
{
  init_common_set ();
  for (const char *p = d->out->str; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      d->n_chars++;
      if (c == 0xFFFD)
        continue;
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') ||
          (c >= 0x7F && c < 0xA0) ||
          (c >= 0xE000 && c <= 0xF8FF) ||
          (c >= 0x3400 && c <= 0x4DBF) ||
          (c >= 0xF900 && c <= 0xFAFF) ||
          c >= 0x20000)
        d->n_rare++;
      else if (c >= 0x4E00 && g_hash_table_contains (common_set, GUINT_TO_POINTER (c)))
        d->n_common++;
    }
}

static gint
decode_rank (const Decode *d)
{
  return (gint) d->n_common - 4 * (gint) d->n_bad - 2 * (gint) d->n_rare;
}

static const char *
normalise_charset (const char *name)
{
  if (name == NULL || *name == '\0')
    return NULL;
  if (g_ascii_strcasecmp (name, "GB18030") == 0 ||
      g_ascii_strcasecmp (name, "GBK") == 0 ||
      g_ascii_strcasecmp (name, "GB2312") == 0 ||
      g_ascii_strcasecmp (name, "EUC-CN") == 0)
    return "GB18030";
  if (g_ascii_strcasecmp (name, "BIG5") == 0 ||
      g_ascii_strcasecmp (name, "BIG5-HKSCS") == 0 ||
      g_ascii_strcasecmp (name, "EUC-TW") == 0)
    return "BIG5";
  return NULL;
}

static const char *
detect_charset (const guint8 *data,
                gsize         len)
{
  uchardet_t ud = uchardet_new ();
  const char *found = NULL;

  if (uchardet_handle_data (ud, (const char *) data, len) == 0)
    {
      uchardet_data_end (ud);
      found = normalise_charset (uchardet_get_charset (ud));
    }
  uchardet_delete (ud);
  return found;
}

static gboolean
only_white_space (const char *s,
                  gsize       len)
{
  const char *end = s + len;

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!fz_charset_is_space (c) && c != '\n' && c != '\r' && c != 0xFEFF)
        return FALSE;
    }
  return TRUE;
}

/* UTF-8 with a few stray bytes (cut in the middle of a character, a bad byte from a
 * copy, an encoded surrogate) is still UTF-8: decoded with U+FFFD for those bytes
 * when they are at most one in 50 (or just one), else Decode.out is NULL. Text in a Chinese
 * table fails here at once, on its first few characters. */
static Decode
mostly_utf8 (const guint8 *data,
             gsize         len)
{
  Decode d = { 0 };
  const char *p = (const char *) data, *end = p + len;
  gsize bad = 0;

  while (p < end)
    {
      const char *stop = NULL;

      if (g_utf8_validate_len (p, end - p, &stop))
        break;
      if (++bad > 1 && bad * 50 > len)
        return d;
      p = stop + 1;
    }
  if (convert_lenient (data, len, "UTF-8", 1, &d))
    score_decode (&d);
  return d;
}

/* The common case, valid UTF-8, costs one validation pass and one copy. */
static char *
finish (char         *text,
        gsize         text_len,
        gsize        *out_len,
        const char  **out_encoding,
        const char   *encoding,
        GError      **error)
{
  if (memchr (text, '\0', text_len) != NULL)
    {
      g_free (text);
      g_set_error (error, FZ_ERROR, FZ_ERROR_BINARY,
                   _("it holds NUL characters, so it is not a text file"));
      return NULL;
    }
  if (only_white_space (text, text_len))
    {
      g_free (text);
      g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY, _("the file holds no text"));
      return NULL;
    }
  if (out_len)
    *out_len = text_len;
  if (out_encoding)
    *out_encoding = encoding;
  return text;
}

static char *
decode_utf16 (const guint8  *data,
              gsize          len,
              gsize         *out_len,
              const char   **out_encoding,
              GError       **error)
{
  const char *from = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
  Decode best = { 0 };
  gsize n;

  if (!convert_lenient (data + 2, len - 2, from, 2, &best) ||
      (best.n_bad > 0 && best.n_bad * 20 > (len - 2) / 2))
    {
      decode_clear (&best);
      g_set_error (error, FZ_ERROR, FZ_ERROR_ENCODING,
                   _("it starts with a UTF-16 mark but is not valid UTF-16"));
      return NULL;
    }
  n = best.out->len;
  return finish (g_string_free (g_steal_pointer (&best.out), FALSE), n,
                 out_len, out_encoding, from, error);
}

static gboolean
check_not_binary (const guint8  *data,
                  gsize          len,
                  GError       **error)
{
  if (fz_charset_has_binary_signature (data, len))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_BINARY,
                   _("it is a binary file (image, archive or document), not text"));
      return FALSE;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_BINARY,
                   _("it holds NUL bytes, so it is binary data, not text"));
      return FALSE;
    }
  return TRUE;
}

/* uchardet is unsure or wrong: keep whichever table reads more like Chinese */
static Decode
decode_by_rank (const guint8  *data,
                gsize          len,
                const char   **encoding)
{
  Decode gb, big5;

  convert_lenient (data, len, "GB18030", 1, &gb);
  convert_lenient (data, len, "BIG5", 1, &big5);
  if (gb.out)
    score_decode (&gb);
  if (big5.out)
    score_decode (&big5);
  if (big5.out && (gb.out == NULL || decode_rank (&big5) > decode_rank (&gb)))
    {
      decode_clear (&gb);
      *encoding = "BIG5";
      return big5;
    }
  decode_clear (&big5);
  *encoding = "GB18030";
  return gb;
}

static Decode
decode_legacy (const guint8  *data,
               gsize          len,
               const char   **encoding)
{
  Decode best = { 0 };
  const char *detected = detect_charset (data, len);

  *encoding = detected;
  if (detected != NULL)
    {
      convert_lenient (data, len, detected, 1, &best);
      if (best.out && best.n_bad > 0)
        decode_clear (&best);
    }
  if (best.out == NULL)
    return decode_by_rank (data, len, encoding);
  score_decode (&best);
  return best;
}

/* Neither valid UTF-8 nor marked: the best of mostly-UTF-8 and the Chinese
 * tables, refused when too much of it is damage. */
static char *
decode_unmarked (const guint8  *data,
                 gsize          len,
                 gsize         *out_len,
                 const char   **out_encoding,
                 GError       **error)
{
  Decode utf8 = mostly_utf8 (data, len);
  const char *encoding;
  Decode best = decode_legacy (data, len, &encoding);
  gsize n;

  if (utf8.out != NULL && (best.out == NULL || decode_rank (&utf8) > decode_rank (&best)))
    {
      decode_clear (&best);
      best = utf8;
      encoding = "UTF-8";
    }
  else if (utf8.out != NULL)
    decode_clear (&utf8);

  if (best.out == NULL ||
      (best.n_bad > 0 && best.n_bad * 20 > best.n_chars) ||
      (best.n_rare * 4 > best.n_chars))
    {
      decode_clear (&best);
      g_set_error (error, FZ_ERROR, FZ_ERROR_ENCODING,
                   _("its bytes are not UTF-8, UTF-16, GB18030 or Big5 text"));
      return NULL;
    }
  n = best.out->len;
  return finish (g_string_free (g_steal_pointer (&best.out), FALSE), n,
                 out_len, out_encoding, encoding, error);
}

/* Valid UTF-8 is the common case: one validation pass and one copy, and with @chars the
 * validation decodes the code points as it goes. FALSE when @data is not UTF-8; TRUE when it
 * is, with the text in *@text, or NULL and @error set when it is no text. */
static gboolean
decode_utf8 (const guint8  *data,
             gsize          len,
             gsize         *out_len,
             const char   **out_encoding,
             gunichar     **chars,
             guint         *n_chars,
             char         **text,
             GError       **error)
{
  g_autofree gunichar *buf = NULL;
  guint n = 0;

  if (chars != NULL && len < G_MAXUINT)
    {
      buf = g_new (gunichar, len + 1);
      if (!fz_charset_utf8_to_ucs4 ((const char *) data, len, buf, &n))
        g_clear_pointer (&buf, g_free);
    }
  if (buf == NULL && !g_utf8_validate_len ((const char *) data, len, NULL))
    return FALSE;
  *text = finish (g_strndup ((const char *) data, len), len, out_len, out_encoding, "UTF-8",
                  error);
  if (*text != NULL && buf != NULL)
    {
      buf[n] = 0;
      *chars = g_steal_pointer (&buf);
      *n_chars = n;
    }
  return TRUE;
}

char *
fz_charset_decode_chars (const guint8  *data,
                         gsize          len,
                         gsize         *out_len,
                         const char   **out_encoding,
                         gunichar     **chars,
                         guint         *n_chars,
                         GError       **error)
{
  char *text = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (chars != NULL)
    *chars = NULL;
  if (len == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY, _("the file is empty"));
      return NULL;
    }
  if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                   (data[0] == 0xFE && data[1] == 0xFF)))
    return decode_utf16 (data, len, out_len, out_encoding, error);
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      len -= 3;
      if (decode_utf8 (data, len, out_len, out_encoding, chars, n_chars, &text, error))
        return text;
    }
  if (!check_not_binary (data, len, error))
    return NULL;
  if (decode_utf8 (data, len, out_len, out_encoding, chars, n_chars, &text, error))
    return text;
  return decode_unmarked (data, len, out_len, out_encoding, error);
}

char *
fz_charset_decode (const guint8  *data,
                   gsize          len,
                   gsize         *out_len,
                   const char   **out_encoding,
                   GError       **error)
{
  return fz_charset_decode_chars (data, len, out_len, out_encoding, NULL, NULL, error);
}

/* The character at @p when it is plain ASCII or a three-byte sequence that is surely valid
 * (no overlong form, surrogate or noncharacter), as g_utf8_get_char_validated () would read it;
 * 0 for anything else, which that function then reads.  Most Chinese text is only these. */
static inline gunichar
fast_char (const char *p,
           const char *end)
{
  const guchar *u = (const guchar *) p;
  gunichar c;

  if (u[0] < 0x80)
    return u[0];
  if (end - p < 3 || u[0] < 0xE1 || u[0] == 0xED || u[0] > 0xEF ||
      (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
    return 0;
  c = ((gunichar) (u[0] & 0x0F) << 12) | ((gunichar) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);
  /* Below U+FDD0 (all of Han) one comparison rules out every noncharacter. */
  if (G_UNLIKELY (c >= 0xFDD0) && (c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE))
    return 0;
  return c;
}

gboolean
fz_charset_utf8_to_ucs4 (const char *text,
                         gsize       len,
                         gunichar   *out,
                         guint      *n_out)
{
  const guchar *p = (const guchar *) text, *end = p + len;
  guint n = 0;

  while (p < end)
    {
      guint b = p[0];
      gunichar c;

      /* Han from U+4000 to U+9FFF: any continuation bytes make a valid character. */
      if (b - 0xE4 <= 0xE9 - 0xE4 && end - p >= 3 && ((p[1] ^ 0x80u) | (p[2] ^ 0x80u)) < 0x40)
        {
          out[n++] = ((b & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
          p += 3;
        }
      /* The rest of ASCII and of the three-byte forms; NUL, an overlong form, a surrogate or a
       * noncharacter is left to GLib. */
      else if ((c = fast_char ((const char *) p, (const char *) end)) != 0)
        {
          out[n++] = c;
          p += c < 0x80 ? 1 : 3;
        }
      else if (b - 0xC2 <= 0xDF - 0xC2 && end - p >= 2 && (p[1] ^ 0x80u) < 0x40)
        {
          out[n++] = ((b & 0x1F) << 6) | (p[1] & 0x3Fu);
          p += 2;
        }
      else
        return FALSE;
    }
  *n_out = n;
  return TRUE;
}

guint
fz_charset_to_ucs4_into (const char *text,
                         gsize       len,
                         gboolean    drop_space,
                         gunichar   *out,
                         guint       max)
{
  const char *p = text, *end = text + len;
  guint n = 0;

  while (p < end && n < max)
    {
      const guchar *u = (const guchar *) p;
      gunichar c;

      /* Han from U+4000 to U+9FFF, most of a page: neither space, byte order mark nor
       * noncharacter, so only its continuation bytes need checking. */
      if (u[0] >= 0xE4 && u[0] <= 0xE9 && end - p >= 3 && ((u[1] ^ 0x80) | (u[2] ^ 0x80)) < 0x40)
        {
          out[n++] = ((gunichar) (u[0] & 0x0F) << 12) | ((gunichar) (u[1] & 0x3F) << 6) |
                     (u[2] & 0x3F);
          p += 3;
          continue;
        }
      c = fast_char (p, end);

      /* fast_char () reads one byte or three: step over them without the table. */
      if (c != 0)
        p += c < 0x80 ? 1 : 3;
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              out[n++] = 0xFFFD;
              p++;
              continue;
            }
          p = g_utf8_next_char (p);
        }
      if (!drop_space || !fz_text_is_left_out (c))
        out[n++] = c;
    }
  return n;
}

gunichar *
fz_charset_to_ucs4 (const char *text,
                    gsize       len,
                    gboolean    drop_space,
                    guint      *n_out)
{
  gunichar *u = g_new (gunichar, len + 1);
  guint n = fz_charset_to_ucs4_into (text, len, drop_space, u, G_MAXUINT);

  u[n] = 0;
  *n_out = n;
  return u;
}
