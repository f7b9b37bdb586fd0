/* fz-xml.h: reading XML that anyone may have written, safely, and writing it with every call checked. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

G_BEGIN_DECLS

/* libxml2 2.9's own limit without XML_PARSE_HUGE, which we never set. */
#define FZ_XML_MAX_DEPTH 256

/* Parses @data (UTF-8 only) as XML whose root element is @root_name (NULL: any). Refused, with
 * one FZ_ERROR naming @display_name, what is wrong and where: over @max_size bytes, empty,
 * invalid UTF-8, a document type declaration or entity declarations (never read, never
 * expanded), not well-formed, nested deeper than FZ_XML_MAX_DEPTH, the wrong root element.
 * Nothing is fetched from the network or the file system. */
xmlDoc   *fz_xml_read_memory (const char   *data,
                              gsize         len,
                              const char   *display_name,
                              const char   *root_name,
                              gsize         max_size,
                              GError      **error);
/* The same for a file; its size is checked before it is read. */
xmlDoc   *fz_xml_read_file   (const char   *path,
                              const char   *root_name,
                              gsize         max_size,
                              GError      **error);
/* @text as UTF-8 that XML 1.0 allows: invalid bytes and forbidden characters (controls but
 * tab and line breaks, surrogates, U+FFFE, U+FFFF) become U+FFFD; @n_replaced, if not NULL, is
 * increased by how many. */
char     *fz_xml_clean_text  (const char   *text,
                              gssize        len,
                              guint        *n_replaced);
/* For xmlTextWriter calls, which return a negative number on failure. */
gboolean  fz_xml_check       (int           rc,
                              GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)

G_END_DECLS
