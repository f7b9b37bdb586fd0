/* fz-xml.c: the one door through which XML comes in (limits, no DTD, no entities, no network). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>

#include "fz-error.h"
#include "fz-xml-scan.h"
#include "fz-xml.h"

/* A DTD can declare entities (billion laughs, external files and URLs); none of our formats has
 * one, so any declaration is refused before libxml2 sees it. */
static gboolean
has_declarations (const char *data,
                  gsize       len)
{
  static const char * const marks[] = { "<!DOCTYPE", "<!ENTITY", "<!doctype" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_strstr_len (data, len, marks[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* More attributes on one element than any of our formats has. libxml2 2.9 compares each
 * attribute with every one before it, so 200,000 of them take minutes to parse. */
#define MAX_ATTRIBUTES 100
/* libxml2's own limit on a value or a text without XML_PARSE_HUGE (XML_MAX_TEXT_LENGTH): over
 * it, the parser stops with a message about the end of the document, not about the value. */
#define MAX_VALUE_BYTES 10000000

static int
line_at (const char *data,
         const char *p)
{
  int line = 1;

  for (const char *q = data; q < p && (q = memchr (q, '\n', p - q)) != NULL; q++)
    line++;
  return line;
}

static gboolean
refuse_at (const char  *data,
           const char  *p,
           const char  *name,
           const char  *what,
           GError     **error)
{
  g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, _("%s: not well-formed XML at line %d: %s"),
               name, line_at (data, p), what);
  return FALSE;
}

/* One pass over the bytes before libxml2 sees them: no element with too many attributes, no
 * attribute value or text over libxml2's limit. Comments, CDATA sections and processing
 * instructions are skipped whole; what is not well-formed is left to the parser to name. */
static gboolean
check_limits (const char  *data,
              gsize        len,
              const char  *name,
              GError     **error)
{
  const char *p = data, *end = data + len;

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *close = NULL;
      guint attributes = 0;

      if ((gsize) ((lt != NULL ? lt : end) - p) > MAX_VALUE_BYTES)
        return refuse_at (data, p, name, "a text longer than 10 MB", error);
      if (lt == NULL)
        break;
      p = lt;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p + 4, end - p - 4, "-->");
      else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        close = g_strstr_len (p + 9, end - p - 9, "]]>");
      else if (end - p >= 2 && p[1] == '?')
        close = g_strstr_len (p + 2, end - p - 2, "?>");
      else
        {
          /* A tag: count the '=' outside quoted values, up to the '>' outside them. */
          for (p++; p < end && *p != '>'; p++)
            {
              if (*p == '"' || *p == '\'')
                {
                  const char *q = memchr (p + 1, *p, end - p - 1);

                  if (q == NULL)
                    return TRUE;
                  if ((gsize) (q - p - 1) > MAX_VALUE_BYTES)
                    return refuse_at (data, p, name, "an attribute value longer than 10 MB",
                                      error);
                  p = q;
                }
              else if (*p == '=' && ++attributes > MAX_ATTRIBUTES)
                return refuse_at (data, p, name, "an element with more than 100 attributes",
                                  error);
            }
          continue;
        }
      if (close == NULL)
        return TRUE;
      if ((gsize) (close - p) > MAX_VALUE_BYTES)
        return refuse_at (data, p, name, "a text longer than 10 MB", error);
      p = close + 1;
    }
  return TRUE;
}

static gboolean
check_bytes (const char  *data,
             gsize        len,
             const char  *name,
             gsize        max_size,
             GError     **error)
{
  const char *end = NULL;

  if (len > max_size)
    {
      fz_xml_scan_set_too_large (error, name, max_size);
      return FALSE;
    }
  if (len == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY, _("%s: the file is empty"), name);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, len, &end))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_ENCODING,
                   _("%s: not valid UTF-8 (at byte %lu)"),
                   name, (unsigned long) (end - data));
      return FALSE;
    }
  if (has_declarations (data, len))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                   _("%s: holds a document type or entity declaration, which Fanzha never reads"),
                   name);
      return FALSE;
    }
  return check_limits (data, len, name, error);
}

static void
set_parse_error (xmlParserCtxt  *ctxt,
                 const char     *name,
                 GError        **error)
{
  const xmlError *e = xmlCtxtGetLastError (ctxt);
  g_autofree char *msg = g_strstrip (g_strdup (e != NULL && e->message != NULL
                                               ? e->message : "unknown error"));

  if (e != NULL && strstr (msg, "depth") != NULL)
    g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                 _("%s: elements nested deeper than %d (line %d)"),
                 name, FZ_XML_MAX_DEPTH, e->line);
  else
    g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                 _("%s: not well-formed XML at line %d: %s"),
                 name, e != NULL ? e->line : 0, msg);
}

xmlDoc *
fz_xml_read_memory (const char  *data,
                    gsize        len,
                    const char  *display_name,
                    const char  *root_name,
                    gsize        max_size,
                    GError     **error)
{
  const char *name = display_name != NULL ? display_name : "XML";
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  xmlNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!check_bytes (data, len, name, max_size, error))
    return NULL;
  if (len > G_MAXINT)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_TOO_LARGE, _("%s: the file is too large"), name);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_FAILED, _("%s: out of memory"), name);
      return NULL;
    }
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      set_parse_error (ctxt, name, error);
      g_clear_pointer (&doc, xmlFreeDoc);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  xmlFreeParserCtxt (ctxt);

  root = xmlDocGetRootElement (doc);
  if (doc->intSubset != NULL || doc->extSubset != NULL || root == NULL ||
      (root_name != NULL && !xmlStrEqual (root->name, (const xmlChar *) root_name)))
    {
      if (root != NULL && root_name != NULL && !xmlStrEqual (root->name, (const xmlChar *) root_name))
        g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                     _("%s: the root element is <%s>, not <%s>: not a file of this kind"),
                     name, (const char *) root->name, root_name);
      else
        g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, _("%s: not a file of this kind"), name);
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

xmlDoc *
fz_xml_read_file (const char  *path,
                  const char  *root_name,
                  gsize        max_size,
                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_filename_display_name (path);
  GStatBuf st;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_size)
    {
      fz_xml_scan_set_too_large (error, name, max_size);
      return NULL;
    }
  if (!fz_file_get_contents (path, &data, &len, error))
    return NULL;
  return fz_xml_read_memory (data, len, name, root_name, max_size, error);
}

static gboolean
xml_allows (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

char *
fz_xml_clean_text (const char *text,
                   gssize      len,
                   guint      *n_replaced)
{
  GString *out;
  const char *p, *end;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);
  out = g_string_sized_new (len);
  for (p = text, end = text + len; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2 || !xml_allows (c))
        {
          g_string_append_unichar (out, 0xFFFD);
          if (n_replaced != NULL)
            (*n_replaced)++;
          /* Past the whole character when it decoded, else past the one bad byte. */
          p += (c == (gunichar) -1 || c == (gunichar) -2) ? 1 : (gsize) g_utf8_skip[*(guchar *) p];
          continue;
        }
      g_string_append_len (out, p, g_utf8_skip[*(guchar *) p]);
      p += g_utf8_skip[*(guchar *) p];
    }
  return g_string_free (out, FALSE);
}

gboolean
fz_xml_check (int      rc,
              GError **error)
{
  if (rc >= 0)
    return TRUE;
  g_set_error (error, FZ_ERROR, FZ_ERROR_IO, _("Could not write the XML (disk full or closed?)"));
  return FALSE;
}
