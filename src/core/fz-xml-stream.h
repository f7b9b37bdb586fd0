/* fz-xml-stream.h: reading XML that anyone may have written node by node, with the limits of
 * fz-xml.h and memory that does not grow with the file. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

typedef struct _FzXmlStream FzXmlStream;

/* A validity error (a RELAX NG schema set on the reader): its message and its line. */
typedef void (*FzXmlStreamInvalidFunc) (gpointer    user_data,
                                        const char *message,
                                        long        line);

/* Opens @path for reading with xmlTextReader: the size is checked with fstat() before any
 * byte is read, then the bytes are checked as they come (invalid UTF-8, a document type or
 * entity declaration, more than 100 attributes on an element, a value or text over 10 MB),
 * the depth is libxml2's limit (FZ_XML_MAX_DEPTH) and the root element must be @root_name.
 * Each refusal is one FZ_ERROR with the message fz_xml_read_file() gives. */
FzXmlStream   *fz_xml_stream_new_for_file   (const char              *path,
                                             const char              *root_name,
                                             gsize                    max_size,
                                             GError                 **error);
/* The same over @data, which must outlive the stream. */
FzXmlStream   *fz_xml_stream_new_for_memory (const char              *data,
                                             gsize                    len,
                                             const char              *display_name,
                                             const char              *root_name,
                                             gsize                    max_size,
                                             GError                 **error);
void           fz_xml_stream_free           (FzXmlStream             *self);
/* For xmlTextReaderRelaxNGSetSchema() and the current node; only its nodes, not the reading. */
xmlTextReader *fz_xml_stream_get_reader     (FzXmlStream             *self);
void           fz_xml_stream_set_invalid_func (FzXmlStream           *self,
                                             FzXmlStreamInvalidFunc   func,
                                             gpointer                 user_data);
/* Moves to the next node: 1 on one, 0 at the end, -1 with @error set when refused. */
int            fz_xml_stream_read           (FzXmlStream             *self,
                                             GError                 **error);

/* The line of @node's start tag: exact from a stream, whatever the size of the file (libxml2
 * keeps 16 bits of it), else xmlGetLineNo(). */
long           fz_xml_node_line             (xmlNode                 *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzXmlStream, fz_xml_stream_free)

G_END_DECLS
