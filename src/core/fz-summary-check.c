/* fz-summary-check.c: validates a summary against the RELAX NG schema, gathering the
 * validator's messages (with their lines) into one error. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/relaxng.h>

#include "fz-error.h"
#include "fz-summary-check.h"
#include "fz-summary-reader.h"
#include "fz-xml.h"
#include "fz-xml-stream.h"

#define SCHEMA_NAME "fanzha-summary.rng"
/* A broken file can give thousands of messages: the first few say where to look. */
#define MAX_MESSAGES 10
/* Ours is 12 KiB. */
#define SCHEMA_MAX_SIZE (1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNG, xmlRelaxNGFree)

char *
fz_summary_find_schema (void)
{
  const char *env = g_getenv ("FANZHA_DATADIR");
  char *path;

  if (env != NULL)
    {
      path = g_build_filename (env, SCHEMA_NAME, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_free (path);
    }
  path = g_build_filename (PKGDATADIR, SCHEMA_NAME, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_free (path);
  return g_build_filename (SOURCE_DATADIR, SCHEMA_NAME, NULL);
}

typedef struct
{
  GString *text;
  guint    n;
} Messages;

static void
collect_invalid (gpointer    data,
                 const char *message,
                 long        line)
{
  Messages *m = data;

  if (m->n++ >= MAX_MESSAGES)
    return;
  g_string_append_c (m->text, '\n');
  if (line > 0)
    g_string_append_printf (m->text, _("  line %ld: %s"), line, message);
  else
    g_string_append_printf (m->text, "  %s", message);
}

static void
collect (void        *data,
         xmlErrorPtr  e)
{
  g_autofree char *message = g_strchomp (g_strdup (e->message != NULL ? e->message : "?"));

  collect_invalid (data, message,
                   e->line > 0 ? e->line : e->node != NULL ? xmlGetLineNo (e->node) : 0);
}

/* The schema goes through the same safe door as any XML: a schema given on the command line
 * is a file like any other. */
static xmlRelaxNG *
load_schema (const char  *schema_path,
             GError     **error)
{
  g_autoptr(xmlDoc) doc = fz_xml_read_file (schema_path, "grammar", SCHEMA_MAX_SIZE, error);
  g_autoptr(xmlRelaxNGParserCtxt) ctxt = NULL;
  Messages m = { NULL, 0 };
  xmlRelaxNG *schema;

  if (doc == NULL)
    return NULL;
  ctxt = xmlRelaxNGNewDocParserCtxt (doc);
  if (ctxt == NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_FAILED, _("%s: out of memory"), schema_path);
      return NULL;
    }
  m.text = g_string_new (NULL);
  xmlRelaxNGSetParserStructuredErrors (ctxt, collect, &m);
  schema = xmlRelaxNGParse (ctxt);
  if (schema == NULL)
    g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, _("%s: the schema cannot be read:%s"),
                 schema_path, m.text->str);
  g_string_free (m.text, TRUE);
  return schema;
}

/* A newer format gets its own message: the schema would only say "invalid version". */
static gboolean
check_version (const char  *path,
               xmlNode     *root,
               GError     **error)
{
  xmlChar *version = xmlGetNoNsProp (root, BAD_CAST "version");
  guint64 n = 0;
  gboolean newer = version != NULL &&
    g_ascii_string_to_unsigned ((const char *) version, 10, 0, G_MAXUINT32, &n, NULL) &&
    n > FZ_SUMMARY_VERSION;

  xmlFree (version);
  if (newer)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
      g_autofree char *what =
        g_strdup_printf (_("made by a newer Fanzha (format version %s); this one reads up to %d"),
                         number, FZ_SUMMARY_VERSION);

      g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, _("%s: line %ld: %s"), path,
                   fz_xml_node_line (root), what);
    }
  return !newer;
}


/* Reads node by node: the schema is checked as the elements come, and what a schema cannot say
 * (an end before its start) as the reader checks it, element by element. The first message
 * of the reader waits: the schema's, when there are some, say more. */
static gboolean
check_stream (FzXmlStream  *stream,
              const char   *path,
              Messages     *m,
              GError      **error)
{
  xmlTextReader *reader = fz_xml_stream_get_reader (stream);
  g_autoptr(GError) unread = NULL;
  int rc;

  while ((rc = fz_xml_stream_read (stream, error)) > 0)
    {
      xmlNode *node;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      node = xmlTextReaderCurrentNode (reader);
      if (xmlTextReaderDepth (reader) == 0 && !check_version (path, node, error))
        return FALSE;
      if (unread == NULL)
        fz_summary_check_element (node, path, &unread);
    }
  if (rc < 0)
    return FALSE;
  /* A validator that failed without a word still failed. */
  if (m->n > 0 || xmlTextReaderIsValid (reader) == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: does not follow the summary schema (%u problem):%s",
                                "%s: does not follow the summary schema (%u problems):%s",
                                MAX (m->n, 1)),
                   path, MAX (m->n, 1), m->text->str);
      return FALSE;
    }
  if (unread != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&unread));
      return FALSE;
    }
  return TRUE;
}

/* Takes @stream, whatever happens. */
static gboolean
check_with_schema (FzXmlStream  *stream,
                   const char   *display,
                   const char   *schema_path,
                   GError      **error)
{
  g_autofree char *found = schema_path == NULL ? fz_summary_find_schema () : NULL;
  g_autoptr(FzXmlStream) owned = stream;
  g_autoptr(xmlRelaxNG) schema = NULL;
  Messages m = { NULL, 0 };
  gboolean ok;

  if (stream == NULL)
    return FALSE;
  schema = load_schema (found != NULL ? found : schema_path, error);
  if (schema == NULL)
    return FALSE;
  if (xmlTextReaderRelaxNGSetSchema (fz_xml_stream_get_reader (stream), schema) != 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_FAILED, _("%s: out of memory"), display);
      return FALSE;
    }
  m.text = g_string_new (NULL);
  fz_xml_stream_set_invalid_func (stream, collect_invalid, &m);
  ok = check_stream (stream, display, &m, error);
  /* The reader holds the schema: it goes first. */
  g_clear_pointer (&owned, fz_xml_stream_free);
  g_string_free (m.text, TRUE);
  return ok;
}

gboolean
fz_summary_check_file (const char  *path,
                       const char  *schema_path,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return check_with_schema (fz_xml_stream_new_for_file (path, "summary", FZ_SUMMARY_MAX_SIZE,
                                                        error),
                            path, schema_path, error);
}

gboolean
fz_summary_check_data (const char  *data,
                       gsize        len,
                       const char  *display,
                       const char  *schema_path,
                       GError     **error)
{
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (display != NULL, FALSE);

  return check_with_schema (fz_xml_stream_new_for_memory (data, len, display, "summary",
                                                          FZ_SUMMARY_MAX_SIZE, error),
                            display, schema_path, error);
}
