/* test-summary-hostile.c: hostile summaries are refused, each with one clear message, by the
 * reader and by the schema check, without a crash or a hang. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>

#include "fz-error.h"
#include "fz-summary-check.h"
#include "fz-summary-reader.h"

static char *tmp_dir;
static char *schema;

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<summary xmlns=\"urn:x-fanzha:summary\" version=\"1\" " \
             "created=\"2026-01-02T03:04:05Z\" generator=\"t\">"
#define SETTINGS "<settings level=\"any\" period=\"all\" method=\"minmax\" min-dimensions=\"3\" " \
                 "change-low=\"-50\" change-high=\"50\"><weight dimension=\"outcome\" " \
                 "value=\"1\"/></settings>"

/* Both doors refuse @data; each message names the file and says @words (check may give the
 * schema's words instead). */
static void
expect_refused (const char *name,
                const char *data,
                gsize       len,
                const char *words)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(FzSummary) summary = NULL;

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  summary = fz_summary_read_file (path, &error);
  g_assert_null (summary);
  g_assert_nonnull (error);
  g_assert_true (error->domain == FZ_ERROR);
  g_assert_true (g_str_has_prefix (error->message, path));
  if (strstr (error->message, words) == NULL)
    g_error ("%s: «%s» does not say «%s»", name, error->message, words);
  g_assert_false (fz_summary_check_file (path, schema, &check_error));
  g_assert_nonnull (check_error);
  g_assert_true (g_str_has_prefix (check_error->message, path));
  /* check says it in the same words, or the schema says more (another namespace, a kind). */
  if (strstr (check_error->message, words) == NULL &&
      strstr (check_error->message, "does not follow the summary schema") == NULL)
    g_error ("%s: check's «%s» does not say «%s»", name, check_error->message, words);
  g_test_message ("%s: %s", name, error->message);
  g_test_message ("%s (check): %s", name, check_error->message);
  g_remove (path);
}

static void
expect_refused_str (const char *name,
                    const char *data,
                    const char *words)
{
  expect_refused (name, data, strlen (data), words);
}

static void
test_entities (void)
{
  expect_refused_str ("laughs.xml", HEAD "<!DOCTYPE summary [<!ENTITY a \"aaaaaaaaaa\">"
                      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                      ROOT SETTINGS "<documents>&c;</documents><index/></summary>",
                      "declaration");
  expect_refused_str ("external-file.xml", HEAD "<!DOCTYPE summary [<!ENTITY x SYSTEM "
                      "\"file:///etc/passwd\">]>" ROOT SETTINGS
                      "<documents><document id=\"d1\" name=\"&x;\" chars=\"0\"/></documents>"
                      "<index/></summary>", "declaration");
  expect_refused_str ("external-url.xml", HEAD "<!DOCTYPE summary [<!ENTITY x SYSTEM "
                      "\"http://127.0.0.1:9/x\">]>" ROOT SETTINGS "<documents>&x;</documents>"
                      "<index/></summary>", "declaration");
  expect_refused_str ("external-dtd.xml",
                      HEAD "<!DOCTYPE summary SYSTEM \"http://127.0.0.1:9/s.dtd\">"
                      ROOT SETTINGS "<documents/><index/></summary>", "declaration");
}

static void
test_quadratic (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD "<!DOCTYPE summary [<!ENTITY a \"");

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\">]>" ROOT SETTINGS "<documents><document id=\"d1\" name=\"");
  for (guint i = 0; i < 50000; i++)
    g_string_append (xml, "&a;");
  g_string_append (xml, "\" chars=\"0\"/></documents><index/></summary>");
  expect_refused ("quadratic.xml", xml->str, xml->len, "declaration");
}

static void
test_deep (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD ROOT SETTINGS "<documents>");

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<note>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "</note>");
  g_string_append (xml, "</documents><index/></summary>");
  expect_refused ("deep.xml", xml->str, xml->len, "deep");
}

static void
test_huge_attribute (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD ROOT SETTINGS
                                         "<documents><document id=\"d1\" name=\"");

  for (guint i = 0; i < 12 * 1024 * 1024; i++)
    g_string_append_c (xml, 'x');
  g_string_append (xml, "\" chars=\"0\"/></documents><index/></summary>");
  expect_refused ("huge-attribute.xml", xml->str, xml->len, "line");
}

static void
test_broken (void)
{
  const char good[] = HEAD ROOT SETTINGS "<documents><document id=\"d1\" name=\"页\" chars=\"3\">"
                      "</document></documents><index/></summary>";
  g_autofree char *bad_utf8 = g_strdup (good);

  /* The first byte of 页 becomes a lone continuation byte. */
  *strstr (bad_utf8, "页") = '\x80';
  expect_refused ("invalid-utf8.xml", bad_utf8, strlen (bad_utf8), "UTF-8");
  expect_refused ("truncated.xml", good, sizeof good / 2, "line");
  expect_refused_str ("empty.xml", "", "empty");
  expect_refused_str ("wrong-root.xml", HEAD "<workspace version=\"1\"/>", "summary");
  expect_refused_str ("other-namespace.xml", HEAD "<summary version=\"1\"/>", "namespace");
  expect_refused_str ("newer.xml", HEAD "<summary xmlns=\"urn:x-fanzha:summary\" version=\"2\" "
                      "created=\"2030-01-01T00:00:00Z\" generator=\"Fanzha 9\">" SETTINGS
                      "<documents/><index/></summary>", "newer");
  expect_refused_str ("bad-kind.xml", HEAD ROOT SETTINGS "<documents><document id=\"d1\" "
                      "name=\"p\" chars=\"9\"><figure id=\"f\" status=\"machine\" start=\"1\" "
                      "end=\"3\" kind=\"lots\" qualifier=\"exact\" core=\"1\"><text>12</text>"
                      "<sentence start=\"0\" end=\"3\">x12</sentence></figure></document>"
                      "</documents><index/></summary>", "kind");
  expect_refused_str ("bad-offsets.xml", HEAD ROOT SETTINGS "<documents><document id=\"d1\" "
                      "name=\"p\" chars=\"9\"><figure id=\"f\" status=\"machine\" start=\"5\" "
                      "end=\"3\" kind=\"count\" qualifier=\"exact\" core=\"1\"><text>12</text>"
                      "<sentence start=\"0\" end=\"3\">x12</sentence></figure></document>"
                      "</documents><index/></summary>", "end");
}

/* What only the schema check refuses: the reader takes a note's text and nothing else. */
static void
expect_check_refused (const char *name,
                      GString    *xml,
                      const char *words)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));
  g_assert_false (fz_summary_check_file (path, schema, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, path));
  if (strstr (error->message, words) == NULL)
    g_error ("%s: «%s» does not say «%s»", name, error->message, words);
  g_test_message ("%s (check): %s", name, error->message);
  g_remove (path);
}

/* The validator reads an element meant for text whole: the rest of a file put inside one is
 * refused before it is in memory. */
static void
test_stuffed_text (void)
{
  g_autoptr(GString) nodes = g_string_new (HEAD ROOT SETTINGS "<documents><document id=\"d1\" "
                                           "name=\"p\" chars=\"9\"><note>");
  g_autoptr(GString) texts = g_string_new (nodes->str);

  for (guint i = 0; i < 200000; i++)
    g_string_append (nodes, "<x/>");
  g_string_append (nodes, "</note></document></documents><index/></summary>");
  expect_check_refused ("stuffed-nodes.xml", nodes, "10000 nodes");
  for (guint i = 0; i < 3; i++)
    {
      for (guint j = 0; j < 9 * 1000 * 1000; j++)
        g_string_append_c (texts, 'x');
      g_string_append (texts, "<!-- -->\n");
    }
  g_string_append (texts, "</note></document></documents><index/></summary>");
  expect_check_refused ("stuffed-texts.xml", texts, "line 2: an element that may only hold text");
}

static void
test_good_minimal (void)
{
  const char xml[] = HEAD ROOT SETTINGS "<documents><document id=\"d1\" name=\"p.txt\" "
                     "chars=\"9\"><note>n</note></document></documents><index/></summary>";
  g_autofree char *path = g_build_filename (tmp_dir, "minimal.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzSummary) summary = NULL;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  summary = fz_summary_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_summary_get_n_documents (summary), ==, 1);
  g_assert_cmpstr (fz_summary_get_document (summary, 0)->notes[0], ==, "n");
  g_assert_true (fz_summary_check_file (path, schema, &error));
  g_assert_no_error (error);
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  schema = g_build_filename (g_getenv ("FZ_DATA_DIR"), "fanzha-summary.rng", NULL);
  tmp_dir = g_dir_make_tmp ("test-summary-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/summary-hostile/good-minimal", test_good_minimal);
  g_test_add_func ("/summary-hostile/entities", test_entities);
  g_test_add_func ("/summary-hostile/quadratic", test_quadratic);
  g_test_add_func ("/summary-hostile/deep", test_deep);
  g_test_add_func ("/summary-hostile/huge-attribute", test_huge_attribute);
  g_test_add_func ("/summary-hostile/broken", test_broken);
  g_test_add_func ("/summary-hostile/stuffed-text", test_stuffed_text);
  status = g_test_run ();

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  g_free (schema);
  return status;
}
