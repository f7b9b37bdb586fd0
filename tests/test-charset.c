/* test-charset.c: loading text in every supported encoding, and the errors for what is not text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fz-charset.h"
#include "fz-document.h"
#include "fz-error.h"
#include "fz-text-private.h"

/* Sentences written for this test. */
#define SIMPLIFIED "今年以来，全市公安机关破获电信网络诈骗案件120起，同比下降15%。我们坚持打防并举，守护群众的钱袋子。"
#define TRADITIONAL "今年以來，全市公安機關破獲電信網路詐騙案件120起，同比下降15%。我們堅持打防並舉，守護群眾的錢袋子。"

static char *tmp_dir;

static GBytes *
encode (const char *utf8,
        const char *charset,
        const char *prefix,
        gsize       prefix_len)
{
  g_autoptr(GError) error = NULL;
  gsize n = 0;
  g_autofree char *bytes = g_convert (utf8, -1, charset, "UTF-8", NULL, &n, &error);
  GByteArray *out = g_byte_array_new ();

  g_assert_no_error (error);
  g_byte_array_append (out, (const guint8 *) prefix, prefix_len);
  g_byte_array_append (out, (const guint8 *) bytes, n);
  return g_byte_array_free_to_bytes (out);
}

/* Writes @data to a file, loads it from disk, and checks the text. */
static void
check_file (const char *name,
            GBytes     *data,
            const char *want_text,
            const char *want_encoding)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;
  gsize len;
  const char *text;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (data, NULL),
                                      g_bytes_get_size (data), NULL));
  doc = fz_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  text = fz_document_get_text (doc, &len);
  g_assert_cmpuint (len, ==, strlen (want_text));
  g_assert_cmpstr (text, ==, want_text);
  g_assert_cmpuint (fz_document_get_n_chars (doc), ==, g_utf8_strlen (want_text, -1));
  if (want_encoding)
    g_assert_cmpstr (fz_document_get_encoding (doc), ==, want_encoding);
  g_assert_cmpstr (fz_document_get_name (doc), ==, name);
}

static void
test_utf8 (void)
{
  g_autoptr(GBytes) plain = g_bytes_new_static (SIMPLIFIED "\n", strlen (SIMPLIFIED "\n"));
  g_autoptr(GBytes) bom = encode (SIMPLIFIED "\n", "UTF-8", "\xEF\xBB\xBF", 3);

  check_file ("utf8.txt", plain, SIMPLIFIED "\n", "UTF-8");
  /* the BOM is not part of the text: offsets start at the first character */
  check_file ("utf8-bom.txt", bom, SIMPLIFIED "\n", "UTF-8");
}

static void
test_utf16 (void)
{
  g_autoptr(GBytes) le = encode (SIMPLIFIED "\n", "UTF-16LE", "\xFF\xFE", 2);
  g_autoptr(GBytes) be = encode (SIMPLIFIED "\n", "UTF-16BE", "\xFE\xFF", 2);

  check_file ("utf16le.txt", le, SIMPLIFIED "\n", "UTF-16LE");
  check_file ("utf16be.txt", be, SIMPLIFIED "\n", "UTF-16BE");
}

static void
test_gb18030 (void)
{
  g_autoptr(GBytes) gb = encode (SIMPLIFIED "\n" SIMPLIFIED "\n", "GB18030", "", 0);
  g_autoptr(GBytes) gbk = encode (SIMPLIFIED "\n", "GBK", "", 0);
  g_autoptr(GBytes) gb2312 = encode (SIMPLIFIED, "GB2312", "", 0);

  check_file ("gb18030.txt", gb, SIMPLIFIED "\n" SIMPLIFIED "\n", "GB18030");
  check_file ("gbk.txt", gbk, SIMPLIFIED "\n", "GB18030");
  check_file ("gb2312.txt", gb2312, SIMPLIFIED, "GB18030");
}

static void
test_big5 (void)
{
  g_autoptr(GBytes) big5 = encode (TRADITIONAL "\n" TRADITIONAL "\n", "BIG5", "", 0);
  g_autoptr(GBytes) short_big5 = encode (TRADITIONAL, "BIG5", "", 0);

  check_file ("big5.txt", big5, TRADITIONAL "\n" TRADITIONAL "\n", "BIG5");
  check_file ("big5-short.txt", short_big5, TRADITIONAL, "BIG5");
}

static void
test_line_ends (void)
{
  const char *crlf = "标题\r\n\r\n" SIMPLIFIED "\r\n";
  const char *cr = "标题\r\r" SIMPLIFIED "\r";
  g_autoptr(GBytes) a = g_bytes_new_static (crlf, strlen (crlf));
  g_autoptr(GBytes) b = g_bytes_new_static (cr, strlen (cr));
  g_autoptr(GBytes) c = encode (crlf, "GB18030", "", 0);

  /* line breaks stay as in the file: figure offsets count them */
  check_file ("crlf.txt", a, crlf, NULL);
  check_file ("cr.txt", b, cr, NULL);
  check_file ("gb-crlf.txt", c, crlf, "GB18030");
}

static void
check_error (const char   *name,
             const guint8 *data,
             gsize         len,
             gint          code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_document_new_from_data (name, data, len, &error);

  g_assert_null (doc);
  g_assert_error (error, FZ_ERROR, code);
  /* one line, naming the input */
  g_assert_nonnull (strstr (error->message, name));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_errors (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };
  static const guint8 pdf[] = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  static const guint8 zip[] = { 'P', 'K', 3, 4, 20, 0, 0, 0 };
  static const guint8 jpeg[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F' };
  static const guint8 nul[] = "text\0more text";
  static const guint8 junk[] = { 0x80, 0xFF, 0x80, 0x80, 0xFF, 0xFF, 0x80, 0xFF, 0x80, 0x80,
                                 0xFF, 0x80, 0xFF, 0xFF, 0x80, 0x80, 0xFF, 0x80, 0x80, 0xFF };

  check_error ("empty.txt", (const guint8 *) "", 0, FZ_ERROR_EMPTY);
  check_error ("blank.txt", (const guint8 *) " \n\r\n\t ", 6, FZ_ERROR_EMPTY);
  check_error ("bom-only.txt", (const guint8 *) "\xEF\xBB\xBF", 3, FZ_ERROR_EMPTY);
  check_error ("image.png", png, sizeof png, FZ_ERROR_BINARY);
  /* a PDF goes to its own reader, which finds no pages behind the header */
  check_error ("paper.pdf", pdf, sizeof pdf - 1, FZ_ERROR_PARSE);
  check_error ("archive.zip", zip, sizeof zip, FZ_ERROR_BINARY);
  check_error ("photo.jpg", jpeg, sizeof jpeg, FZ_ERROR_BINARY);
  check_error ("nul.txt", nul, sizeof nul - 1, FZ_ERROR_BINARY);
  check_error ("junk.txt", junk, sizeof junk, FZ_ERROR_ENCODING);
}

static void
test_decode_direct (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) gb = encode (SIMPLIFIED, "GB18030", "", 0);
  gsize n = 0;
  const char *enc = NULL;
  g_autofree char *out = fz_charset_decode (g_bytes_get_data (gb, NULL), g_bytes_get_size (gb),
                                            &n, &enc, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, SIMPLIFIED);
  g_assert_cmpuint (n, ==, strlen (SIMPLIFIED));
  g_assert_true (fz_charset_is_cjk (g_utf8_get_char ("诈")));
  g_assert_false (fz_charset_is_cjk ('a'));
  g_assert_true (fz_charset_is_final (g_utf8_get_char ("。")));
  g_assert_false (fz_charset_is_final (g_utf8_get_char ("，")));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  (void) object;
  g_string_append_printf (log, "%s;", g_param_spec_get_name (pspec));
}

/* The scans' own white-space test agrees with GLib's on every code point. */
static void
test_isspace (void)
{
  guint n_space = 0;

  for (gunichar c = 0; c <= 0x10FFFF; c++)
    {
      if (fz_text_isspace (c) != g_unichar_isspace (c))
        g_test_fail_printf ("U+%04X: %d, GLib says %d", c, fz_text_isspace (c),
                            g_unichar_isspace (c));
      n_space += fz_text_isspace (c);
    }
  /* ASCII's five and Unicode's separators: enough to show the loop read them. */
  g_assert_cmpuint (n_space, >, 20);
}

/* Characters counted eight bytes at a time agree with GLib's count on every prefix of a text
 * of one-, two-, three- and four-byte characters, at every alignment. */
static void
test_count_chars (void)
{
  static const gunichar sample[] = { 'a', 0xE9, 0x4E2D, 0x1F600, 0x3002, '7', 0x20AC, 0x20000 };
  g_autoptr(GString) text = g_string_new (NULL);
  guint32 seed = 1;

  for (guint i = 0; i < 500; i++)
    {
      seed = seed * 1103515245u + 12345u;
      g_string_append_unichar (text, sample[(seed >> 16) % G_N_ELEMENTS (sample)]);
    }
  for (const char *start = text->str; start < text->str + 8; start = g_utf8_next_char (start))
    for (const char *p = start; p <= text->str + text->len; p = p < text->str + text->len ?
                                                                g_utf8_next_char (p) : p + 1)
      g_assert_cmpuint (fz_text_count_chars (start, p - start), ==,
                        (gsize) g_utf8_strlen (start, p - start));
}

/* Decoding while checking: where it vouches for a text, its code points are those of the
 * decoder every stage uses, and it leaves to GLib what GLib alone may judge (NUL, overlong
 * forms, surrogates, noncharacters, four-byte characters, broken sequences). */
static void
test_utf8_to_ucs4 (void)
{
  static const char *vouched[] = {
    SIMPLIFIED, "abc 123\n\t", "caf\xC3\xA9 \xC2\xA0\xDF\xBF", "\xE1\x80\x80\xEC\xBF\xBF",
    "\xEE\x80\x80\xEF\xBC\x8C\xEF\xBC\x85\xEF\xB7\x8F\xEF\xBF\xBD", "\xE3\x80\x82\xE2\x80\x9C", "",
  };
  static const char *left[] = {
    "a\xC0\x80", "\xE0\xA4\x85", "\xED\x9F\xBF", "\xEF\xB7\x90", "\xEF\xBF\xBE", "\xF0\x9F\x98\x80",
    "\xE4\xB8", "\xE4\x41\x41", "\x80", "\xC2", "\xFF",
  };

  for (guint i = 0; i < G_N_ELEMENTS (vouched); i++)
    {
      gsize len = strlen (vouched[i]);
      g_autofree gunichar *got = g_new (gunichar, len + 1);
      g_autofree gunichar *want = NULL;
      guint n = G_MAXUINT, n_want = 0;

      g_assert_true (g_utf8_validate (vouched[i], len, NULL));
      g_assert_true (fz_charset_utf8_to_ucs4 (vouched[i], len, got, &n));
      want = fz_charset_to_ucs4 (vouched[i], len, FALSE, &n_want);
      g_assert_cmpuint (n, ==, n_want);
      g_assert_cmpmem (got, n * sizeof (gunichar), want, n_want * sizeof (gunichar));
    }
  for (guint i = 0; i < G_N_ELEMENTS (left); i++)
    {
      g_autofree char *text = g_strconcat ("中文", left[i], "中文", NULL);
      gsize len = strlen (text);
      g_autofree gunichar *got = g_new (gunichar, len + 1);
      guint n = 0;

      g_assert_false (fz_charset_utf8_to_ucs4 (text, len, got, &n));
    }
  /* NUL is left too: the text is not cut short at it. */
  {
    static const char with_nul[] = "中\0文";
    gunichar got[8];
    guint n = 0;

    g_assert_false (fz_charset_utf8_to_ucs4 (with_nul, sizeof with_nul - 1, got, &n));
  }
}

/* The code points read while a file is decoded are those of the text it gives, after a byte
 * order mark; other encodings and texts GLib must judge give none, and the same text. */
static void
test_decode_chars (void)
{
  static const char *texts[] = { SIMPLIFIED, "\xEF\xBB\xBF" SIMPLIFIED, "中文\xF0\x9F\x98\x80中文" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gunichar *chars = NULL;
      g_autofree char *plain = NULL;
      g_autofree char *text = NULL;
      g_autofree gunichar *want = NULL;
      gsize len = 0, plain_len = 0;
      guint n = 0, n_want = 0;

      text = fz_charset_decode_chars ((const guint8 *) texts[i], strlen (texts[i]), &len, NULL,
                                      &chars, &n, &error);
      g_assert_no_error (error);
      plain = fz_charset_decode ((const guint8 *) texts[i], strlen (texts[i]), &plain_len, NULL,
                                 &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, plain);
      if (i == 2)
        {
          g_assert_null (chars);
          continue;
        }
      g_assert_nonnull (chars);
      want = fz_charset_to_ucs4 (text, len, FALSE, &n_want);
      g_assert_cmpuint (n, ==, n_want);
      g_assert_cmpmem (chars, (n + 1) * sizeof (gunichar), want, (n_want + 1) * sizeof (gunichar));
    }
  {
    g_autoptr(GBytes) gb = encode (SIMPLIFIED, "GB18030", "", 0);
    g_autoptr(GError) error = NULL;
    g_autofree gunichar *chars = NULL;
    g_autofree char *text = NULL;
    guint n = 0;

    text = fz_charset_decode_chars (g_bytes_get_data (gb, NULL), g_bytes_get_size (gb), NULL,
                                    NULL, &chars, &n, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, SIMPLIFIED);
    g_assert_null (chars);
  }
}

/* A page's count of characters is GLib's, four-byte characters counted once, whether the page
 * was UTF-8 or converted from UTF-16; and a page loaded with its code points counts as many as
 * it was given. */
static void
test_document_n_chars (void)
{
  static const char *pages[] = {
    SIMPLIFIED "\n",
    "破获案件672起 \xF0\xA0\x80\x80\xF0\x9F\x98\x80 caf\xC3\xA9\n97.7亿元\n",
    "\xFF\xFE\x2D\x4E\x87\x65\x3D\xD8\x00\xDE\x0E\x54\x62\x97\x0A\x00",
    "a",
  };
  static const gsize lens[] = { 0, 0, 16, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gsize len = lens[i] != 0 ? lens[i] : strlen (pages[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(FzDocument) doc = fz_document_new_from_data ("page.txt", (const guint8 *) pages[i],
                                                             len, &error);
      const char *text;
      gsize text_len = 0;

      g_assert_no_error (error);
      text = fz_document_get_text (doc, &text_len);
      g_assert_cmpuint (fz_document_get_n_chars (doc), ==, g_utf8_strlen (text, text_len));
    }
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "fz-n-chars-XXXXXX.txt", NULL);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FzDocument) doc = NULL;
      g_autofree gunichar *chars = NULL;
      gsize len = lens[i] != 0 ? lens[i] : strlen (pages[i]);
      guint n_chars = 0;
      int fd = g_mkstemp (path);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (write (fd, pages[i], len), ==, (gssize) len);
      close (fd);
      file = g_file_new_for_path (path);
      doc = fz_document_load_chars (file, NULL, &chars, &n_chars, &error);
      g_unlink (path);
      g_assert_no_error (error);
      if (chars != NULL)
        g_assert_cmpuint (fz_document_get_n_chars (doc), ==, n_chars);
      else
        {
          const char *text = fz_document_get_text (doc, &len);

          g_assert_cmpuint (fz_document_get_n_chars (doc), ==, g_utf8_strlen (text, len));
        }
    }
}

static void
test_document_properties (void)
{
  const char *page =
    "“东海法制报”微信\n\n"
    "新闻热线:0000-00000000 | 邮发代号:00-00\n\n"
    "全市开展反诈宣传月活动\n\n"
    "本报记者 张三\n\n"
    "本报讯 " SIMPLIFIED "\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_document_new_from_data ("page.txt", (const guint8 *) page,
                                                         strlen (page), &error);
  g_autoptr(FzDocument) plain = NULL;
  g_autoptr(FzFigureList) figures = fz_figure_list_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *regions = NULL;
  guint n_articles = 0, n_figures = 99;

  g_assert_no_error (error);
  g_assert_cmpstr (fz_document_get_outlet (doc), ==, "东海法制报");
  g_assert_cmpstr (fz_document_get_title (doc), ==, "全市开展反诈宣传月活动");
  g_object_get (doc, "title", &title, "n-articles", &n_articles, "n-figures", &n_figures, NULL);
  g_assert_cmpstr (title, ==, "全市开展反诈宣传月活动");
  g_assert_cmpuint (n_articles, ==, 1);
  g_assert_cmpuint (n_figures, ==, 0);
  g_assert_null (fz_document_get_figures (doc));
  g_assert_null (fz_document_get_date (doc));
  g_assert_null (fz_document_get_file (doc));
  regions = fz_document_dup_regions (doc);
  g_assert_cmpstr (regions, ==, "");

  g_signal_connect (doc, "notify", G_CALLBACK (on_notify), log);
  fz_document_set_date (doc, "2022-04-25");
  fz_document_set_date (doc, "2022-04-25");
  g_assert_cmpstr (fz_document_get_date (doc), ==, "2022-04-25");
  fz_document_set_figures (doc, figures);
  g_assert_true (fz_document_get_figures (doc) == figures);
  /* each change is told once; setting the same value again is not a change */
  g_assert_cmpstr (log->str, ==, "date;n-figures;");

  /* no title anywhere: the file name stands in; no masthead: no outlet */
  plain = fz_document_new_from_data ("plain.txt", (const guint8 *) SIMPLIFIED, strlen (SIMPLIFIED),
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_document_get_title (plain), ==, "plain.txt");
  g_assert_null (fz_document_get_outlet (plain));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("fz-charset-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_test_add_func ("/charset/utf8", test_utf8);
  g_test_add_func ("/charset/utf16", test_utf16);
  g_test_add_func ("/charset/gb18030", test_gb18030);
  g_test_add_func ("/charset/big5", test_big5);
  g_test_add_func ("/charset/line-ends", test_line_ends);
  g_test_add_func ("/charset/errors", test_errors);
  g_test_add_func ("/charset/decode-direct", test_decode_direct);
  g_test_add_func ("/charset/utf8-to-ucs4", test_utf8_to_ucs4);
  g_test_add_func ("/charset/decode-chars", test_decode_chars);
  g_test_add_func ("/charset/document-properties", test_document_properties);
  g_test_add_func ("/charset/document-n-chars", test_document_n_chars);
  g_test_add_func ("/charset/isspace", test_isspace);
  g_test_add_func ("/charset/count-chars", test_count_chars);
  ret = g_test_run ();

  {
    g_autoptr(GDir) d = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return ret;
}
