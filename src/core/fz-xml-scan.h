/* fz-xml-scan.h: the checks of fz-xml.c made on bytes as they come, one read at a time, ahead
 * of a parser that reads them after. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The limits of fz-xml.c's check_limits(). */
#define FZ_XML_SCAN_MAX_ATTRIBUTES 100
#define FZ_XML_SCAN_MAX_VALUE 10000000
#define FZ_XML_SCAN_N_MARKS 3

typedef enum
{
  SCAN_TEXT,
  SCAN_LT,          /* after '<' */
  SCAN_BANG,        /* after "<!" */
  SCAN_BANG_DASH,   /* after "<!-" */
  SCAN_COMMENT,
  SCAN_CDATA_OPEN,  /* in "<![CDATA[" */
  SCAN_CDATA,
  SCAN_PI,
  SCAN_DECL,        /* another "<!…>", left to the parser */
  SCAN_END_TAG,
  SCAN_TAG,
  SCAN_VALUE,       /* an attribute value in a start tag */
} FzXmlScanState;

typedef struct
{
  const char      *name;       /* for messages */
  FzXmlScanState   state;
  guint            match;      /* how much of "-->", "]]>", "?>" or "[CDATA[" was seen */
  char             quote;
  guint            attributes;
  gsize            run;        /* bytes of the current text, comment or value */
  long             run_line;
  long             line;
  guint            marks[FZ_XML_SCAN_N_MARKS];
  GArray          *tag_lines;  /* long: where each start tag ends, in order */
  GError          *refusal;    /* the first problem found */
} FzXmlScan;

void      fz_xml_scan_init  (FzXmlScan   *self,
                             const char  *name);
void      fz_xml_scan_clear (FzXmlScan   *self);
/* Checks the next @n bytes (valid UTF-8): any document type or entity declaration, more than
 * 100 attributes on an element, a value, text, comment or CDATA section over 10 MB. FALSE
 * once refused, with self->refusal set in the words of fz-xml.c. */
gboolean  fz_xml_scan_bytes (FzXmlScan   *self,
                             const char  *p,
                             gsize        n);
/* "NAME: the file is larger than the limit of …", for every reader of XML files. */
void      fz_xml_scan_set_too_large (GError     **error,
                                     const char  *name,
                                     gsize        max_size);

G_END_DECLS
