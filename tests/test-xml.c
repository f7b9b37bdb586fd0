/* test-xml.c: the safe XML doors (a whole tree, or node by node) refuse hostile files with one
 * clear message and read good ones. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fz-error.h"
#include "fz-xml.h"
#include "fz-xml-stream.h"

#define LIMIT (1024 * 1024)

/* Reads @data node by node to its end: 0, or -1 with @error set. */
static int
stream_all (const char  *data,
            gsize        len,
            const char  *root,
            gsize        limit,
            GError     **error)
{
  g_autoptr(FzXmlStream) stream = fz_xml_stream_new_for_memory (data, len, "in.xml", root, limit,
                                                                error);
  int rc;

  if (stream == NULL)
    return -1;
  while ((rc = fz_xml_stream_read (stream, error)) > 0)
    ;
  return rc;
}

/* The stream door refuses what the tree door refuses, in the same words. */
static void
expect_stream_refused (const char *data,
                       gsize       len,
                       const char *root,
                       gint        code,
                       const char *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (stream_all (data, len, root, LIMIT, &error), ==, -1);
  g_assert_error (error, FZ_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "in.xml: "));
  if (strstr (error->message, words) == NULL)
    g_error ("stream: message «%s» does not say «%s»", error->message, words);
}

static void
expect_refused (const char *data,
                gsize       len,
                const char *root,
                gint        code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = fz_xml_read_memory (data, len, "in.xml", root, LIMIT, &error);

  g_assert_null (doc);
  g_assert_error (error, FZ_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "in.xml: "));
  if (strstr (error->message, words) == NULL)
    g_error ("message «%s» does not say «%s»", error->message, words);
  expect_stream_refused (data, len, root, code, words);
}

static void
test_good (void)
{
  const char *xml = "<?xml version=\"1.0\"?>\n<workspace version=\"1\"><a b=\"破获案件\"/></workspace>";
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = fz_xml_read_memory (xml, strlen (xml), "ok.xml", "workspace", LIMIT,
                                              &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "workspace");
}

static void
test_declarations (void)
{
  const char *laughs =
    "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
    "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";
  const char *external =
    "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
  const char *url =
    "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"http://example.com/x\">]><r>&x;</r>";
  const char *dtd = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://example.com/r.dtd\"><r/>";

  expect_refused (laughs, strlen (laughs), "lolz", FZ_ERROR_PARSE, "declaration");
  expect_refused (external, strlen (external), "r", FZ_ERROR_PARSE, "declaration");
  expect_refused (url, strlen (url), "r", FZ_ERROR_PARSE, "declaration");
  expect_refused (dtd, strlen (dtd), "r", FZ_ERROR_PARSE, "declaration");
}

static void
test_quadratic_entity_use (void)
{
  /* Without a declaration an entity reference is simply undefined: not well-formed. */
  GString *s = g_string_new ("<r>");

  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "&a;");
  g_string_append (s, "</r>");
  expect_refused (s->str, s->len, "r", FZ_ERROR_PARSE, "not well-formed");
  g_string_free (s, TRUE);
}

static void
test_depth (void)
{
  GString *s = g_string_new ("<r>");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "<a>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "</a>");
  g_string_append (s, "</r>");
  expect_refused (s->str, s->len, "r", FZ_ERROR_PARSE, "nested deeper");
  g_string_free (s, TRUE);
}

static void
test_bytes (void)
{
  const char bad_utf8[] = "<r>\xff\xfe</r>";
  const char *truncated = "<?xml version=\"1.0\"?><workspace><doc path=\"a";
  g_autofree char *huge = g_strnfill (LIMIT + 1, 'a');

  expect_refused ("", 0, "r", FZ_ERROR_EMPTY, "empty");
  expect_refused (bad_utf8, sizeof bad_utf8 - 1, "r", FZ_ERROR_ENCODING, "UTF-8");
  expect_refused (truncated, strlen (truncated), "workspace", FZ_ERROR_PARSE, "line 1");
  expect_refused (huge, LIMIT + 1, "r", FZ_ERROR_TOO_LARGE, "limit");
  expect_refused ("<summary/>", 10, "workspace", FZ_ERROR_PARSE, "<summary>");
  expect_refused ("plain text, not XML", 19, NULL, FZ_ERROR_PARSE, "not well-formed");
}

static void
test_huge_attribute (void)
{
  GString *s = g_string_new ("<r a=\"");

  for (guint i = 0; i < 250000; i++)
    g_string_append (s, "xxxxx");
  g_string_append (s, "\"/>");
  /* Under the caller's limit the attribute is read whole; over it, refused before parsing. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(xmlDoc) doc = fz_xml_read_memory (s->str, s->len, "big.xml", "r", 4 * LIMIT,
                                                &error);
    g_assert_no_error (error);
  }
  expect_refused (s->str, s->len, "r", FZ_ERROR_TOO_LARGE, "limit");
  g_string_free (s, TRUE);
}

/* libxml2 2.9 looks for a duplicate among the attributes read so far for every attribute: an
 * element with 200,000 of them kept the parser busy for minutes. Refused before parsing, as is
 * a value over libxml2's 10 MB, whose own message named the wrong fault. */
static void
test_many_attributes (void)
{
  GString *s = g_string_new ("<r");
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (s, " a%u='%u'", i, i);
  g_string_append (s, "/>");
  expect_refused (s->str, s->len, "r", FZ_ERROR_PARSE, "attributes");
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);

  /* A '>' or '=' inside a value is not the end of the tag nor another attribute. */
  g_string_assign (s, "<r");
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (s, " a%u=\"x=y>z\"", i);
  g_string_append (s, "><!-- a=b c=d --><![CDATA[ e=f ]]>g=h</r>");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(xmlDoc) doc = fz_xml_read_memory (s->str, s->len, "in.xml", "r", LIMIT, &error);
    g_assert_no_error (error);
  }

  g_string_assign (s, "<r a=\"");
  for (guint i = 0; i < 2100000; i++)
    g_string_append (s, "xxxxx");
  g_string_append (s, "\"/>");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(xmlDoc) doc = fz_xml_read_memory (s->str, s->len, "in.xml", "r", 16 * LIMIT,
                                                &error);
    g_assert_null (doc);
    g_assert_error (error, FZ_ERROR, FZ_ERROR_PARSE);
    if (strstr (error->message, "attribute value") == NULL)
      g_error ("message «%s» does not name the attribute value", error->message);
  }
  g_string_free (s, TRUE);
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fz-xml-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.xml", NULL);
  g_autofree char *missing = g_build_filename (dir, "none.xml", NULL);
  xmlDoc *doc;

  g_assert_true (g_file_set_contents (path, "<w/>", -1, NULL));
  doc = fz_xml_read_file (path, "w", 3, &error);
  g_assert_null (doc);
  g_assert_error (error, FZ_ERROR, FZ_ERROR_TOO_LARGE);
  g_clear_error (&error);
  doc = fz_xml_read_file (missing, "w", LIMIT, &error);
  g_assert_null (doc);
  g_assert_error (error, FZ_ERROR, FZ_ERROR_IO);
  g_clear_error (&error);
  doc = fz_xml_read_file (path, "w", LIMIT, &error);
  g_assert_no_error (error);
  xmlFreeDoc (doc);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_clean_text (void)
{
  const char in[] = "a\x01" "b\xff" "c\t\xef\xbf\xbe" "d\xe4\xb8\xad";
  guint n = 0;
  g_autofree char *out = fz_xml_clean_text (in, sizeof in - 1, &n);

  g_assert_cmpstr (out, ==, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\t\xef\xbf\xbd" "d\xe4\xb8\xad");
  g_assert_cmpuint (n, ==, 3);
}

/* Every element knows the line of its start tag, past the 65,535 that libxml2 counts to. */
static void
test_stream_lines (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<r>\n");
  g_autoptr(FzXmlStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint elements = 0;
  int rc;

  for (guint i = 0; i < 70000; i++)
    g_string_append_printf (xml, "<a n=\"%u\"><b>页</b><!-- <c> --><![CDATA[<d>]]></a>\n", i);
  g_string_append (xml, "</r>\n");
  stream = fz_xml_stream_new_for_memory (xml->str, xml->len, "in.xml", "r", 16 * LIMIT, &error);
  g_assert_no_error (error);
  while ((rc = fz_xml_stream_read (stream, &error)) > 0)
    {
      xmlTextReader *reader = fz_xml_stream_get_reader (stream);
      xmlNode *node = xmlTextReaderCurrentNode (reader);
      g_autofree char *n = NULL;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      elements++;
      if (xmlStrEqual (node->name, BAD_CAST "r"))
        g_assert_cmpint (fz_xml_node_line (node), ==, 2);
      else if (xmlStrEqual (node->name, BAD_CAST "a"))
        {
          n = (char *) xmlGetProp (node, BAD_CAST "n");
          g_assert_cmpint (fz_xml_node_line (node), ==, 3 + atol (n));
        }
      else
        g_assert_cmpint (fz_xml_node_line (node), ==, fz_xml_node_line (node->parent));
    }
  g_assert_no_error (error);
  g_assert_cmpint (rc, ==, 0);
  g_assert_cmpuint (elements, ==, 1 + 2 * 70000);
}

/* A declaration or a character cut by the end of one read and the start of the next is
 * seen whole. */
static void
test_stream_boundaries (void)
{
  for (guint pad = 4000; pad < 4200; pad++)
    {
      g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?><!--");
      g_autoptr(GString) zh = NULL;
      g_autoptr(GError) error = NULL;

      while (xml->len < pad)
        g_string_append_c (xml, 'x');
      zh = g_string_new (xml->str);
      g_string_append (xml, "--><!DOCTYPE r><r/>");
      expect_stream_refused (xml->str, xml->len, "r", FZ_ERROR_PARSE, "declaration");
      /* Three-byte characters across every place a read may end. */
      g_string_append (zh, "-->\n<r>");
      for (guint i = 0; i < 2000; i++)
        g_string_append (zh, "页");
      g_string_append (zh, "</r>");
      g_assert_cmpint (stream_all (zh->str, zh->len, "r", LIMIT, &error), ==, 0);
      g_assert_no_error (error);
      zh->str[zh->len - 100] = '\xff';
      g_assert_cmpint (stream_all (zh->str, zh->len, "r", LIMIT, &error), ==, -1);
      g_assert_error (error, FZ_ERROR, FZ_ERROR_ENCODING);
      g_assert_nonnull (strstr (error->message, "at byte"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xml/good", test_good);
  g_test_add_func ("/xml/declarations", test_declarations);
  g_test_add_func ("/xml/undeclared-entities", test_quadratic_entity_use);
  g_test_add_func ("/xml/depth", test_depth);
  g_test_add_func ("/xml/bytes", test_bytes);
  g_test_add_func ("/xml/huge-attribute", test_huge_attribute);
  g_test_add_func ("/xml/many-attributes", test_many_attributes);
  g_test_add_func ("/xml/file", test_file);
  g_test_add_func ("/xml/clean-text", test_clean_text);
  g_test_add_func ("/xml/stream-lines", test_stream_lines);
  g_test_add_func ("/xml/stream-boundaries", test_stream_boundaries);
  return g_test_run ();
}
