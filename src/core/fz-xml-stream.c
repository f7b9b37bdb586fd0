/* fz-xml-stream.c: XML read node by node through xmlTextReader, its bytes checked on the way
 * in (fz-xml-scan.c) with the limits of fz-xml.c, so that a file of any size takes little
 * memory. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "fz-error.h"
#include "fz-xml.h"
#include "fz-xml-scan.h"
#include "fz-xml-stream.h"

/* A RELAX NG validator reads an element whose content is text whole (xmlTextReaderExpand), and
 * a hostile file can put the rest of itself inside one: a step of the reader builds a few
 * nodes and reads a few KB, or one text; more is refused before memory grows with the file. */
#define MAX_NODES_PER_STEP 10000
#define MAX_BYTES_PER_STEP (2 * FZ_XML_SCAN_MAX_VALUE + (1 << 20))

struct _FzXmlStream
{
  xmlTextReader *reader;
  char          *name;
  char          *root_name;
  int            fd;          /* -1 when reading memory */
  const char    *data;
  gsize          len;
  gsize          pos;
  gsize          max_size;
  guint64        total;       /* bytes handed to the parser */
  char           carry[4];    /* the start of a character cut by the end of a read */
  gsize          n_carry;

  FzXmlScan      scan;        /* the bytes' checks, ahead of the parser */
  guint          tag_head;    /* the first of scan.tag_lines not yet built */

  gboolean       stepping;    /* in fz_xml_stream_read() */
  guint          step_nodes;
  guint64        step_start;  /* self->total when the step began */
  long           last_line;   /* of the last element built */

  char          *parse_message;
  int            parse_line;
  gboolean       seen_root;
  FzXmlStreamInvalidFunc invalid;
  gpointer       invalid_data;
};

/* The stream whose nodes the parser is building on this thread (see register_node). */
static GPrivate building;

static gboolean
refuse (FzXmlStream *self,
        GError      *error)
{
  if (self->scan.refusal == NULL)
    self->scan.refusal = error;
  else
    g_error_free (error);
  return FALSE;
}

/* The bytes at @p (fewer than 4) could begin a character that the next read completes. */
static gboolean
is_cut_character (const char *p,
                  gsize       n)
{
  guchar lead = p[0];
  gsize need = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;

  if (need == 0 || lead > 0xF4 || n >= need)
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if (((guchar) p[i] & 0xC0) != 0x80)
      return FALSE;
  return TRUE;
}

static gssize
source_read (FzXmlStream *self,
             char        *buffer,
             gsize        len)
{
  gssize n;

  if (self->fd < 0)
    {
      n = MIN (len, self->len - self->pos);
      memcpy (buffer, self->data + self->pos, n);
      self->pos += n;
      return n;
    }
  do
    n = read (self->fd, buffer, len);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;

      refuse (self, g_error_new (FZ_ERROR, FZ_ERROR_IO, _("%s: cannot be read: %s"),
                                 self->name, g_strerror (saved)));
    }
  return n;
}

/* Checks the bytes read before the parser sees them; a character cut by the end of a read
 * waits for the next one. */
static gssize
check_chunk (FzXmlStream *self,
             char        *buffer,
             gsize        n)
{
  const char *end = NULL;

  if (self->total + n > self->max_size)
    {
      GError *error = NULL;

      fz_xml_scan_set_too_large (&error, self->name, self->max_size);
      refuse (self, error);
      return -1;
    }
  if (!g_utf8_validate_len (buffer, n, &end))
    {
      gsize good = end - buffer;

      if (n - good >= G_N_ELEMENTS (self->carry) || !is_cut_character (end, n - good))
        {
          refuse (self, g_error_new (FZ_ERROR, FZ_ERROR_ENCODING,
                                     _("%s: not valid UTF-8 (at byte %lu)"),
                                     self->name, (unsigned long) (self->total + good)));
          return -1;
        }
      self->n_carry = n - good;
      memcpy (self->carry, end, self->n_carry);
      n = good;
    }
  if (self->stepping && self->total + n - self->step_start > MAX_BYTES_PER_STEP)
    {
      g_autofree char *limit = g_format_size_full (MAX_BYTES_PER_STEP, G_FORMAT_SIZE_IEC_UNITS);

      refuse (self, g_error_new (FZ_ERROR, FZ_ERROR_PARSE,
                                 _("%s: line %ld: an element that may only hold text holds "
                                   "more than %s"), self->name, self->last_line, limit));
      return -1;
    }
  if (!fz_xml_scan_bytes (&self->scan, buffer, n))
    return -1;
  self->total += n;
  return n;
}

static int
stream_read (void *context,
             char *buffer,
             int   len)
{
  FzXmlStream *self = context;
  gssize n = 0;

  if (self->scan.refusal != NULL || len < (int) G_N_ELEMENTS (self->carry))
    return -1;
  /* A read that only holds the start of a character gives 0, which would be the end. */
  while (n == 0)
    {
      gsize had = self->n_carry;
      gssize got;

      memcpy (buffer, self->carry, had);
      self->n_carry = 0;
      got = source_read (self, buffer + had, len - had);
      if (got < 0)
        return -1;
      if (got == 0)
        {
          if (had == 0)
            return 0;
          refuse (self, g_error_new (FZ_ERROR, FZ_ERROR_ENCODING,
                                     _("%s: not valid UTF-8 (at byte %lu)"),
                                     self->name, (unsigned long) self->total));
          return -1;
        }
      n = check_chunk (self, buffer, had + got);
      if (n < 0)
        return -1;
    }
  return n;
}

/* Each element the parser builds takes the line of its start tag, in order. */
static void
register_node (xmlNode *node)
{
  FzXmlStream *self = g_private_get (&building);

  if (self == NULL)
    return;
  /* The parser stops at its next read, which refuses. */
  if (++self->step_nodes > MAX_NODES_PER_STEP && self->scan.refusal == NULL)
    refuse (self, g_error_new (FZ_ERROR, FZ_ERROR_PARSE,
                               _("%s: line %ld: an element that may only hold text holds more "
                                 "than %d nodes"), self->name, self->last_line,
                               MAX_NODES_PER_STEP));
  if (node->type != XML_ELEMENT_NODE || self->tag_head >= self->scan.tag_lines->len)
    return;
  self->last_line = g_array_index (self->scan.tag_lines, long, self->tag_head++);
  node->_private = GSIZE_TO_POINTER (self->last_line);
  if (self->tag_head > 4096 && self->tag_head * 2 > self->scan.tag_lines->len)
    {
      g_array_remove_range (self->scan.tag_lines, 0, self->tag_head);
      self->tag_head = 0;
    }
}

long
fz_xml_node_line (xmlNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  if (node->type == XML_ELEMENT_NODE && node->_private != NULL)
    return (long) GPOINTER_TO_SIZE (node->_private);
  return xmlGetLineNo (node);
}

static void
on_error (void        *user_data,
          xmlErrorPtr  e)
{
  FzXmlStream *self = user_data;
  g_autofree char *message = g_strstrip (g_strdup (e->message != NULL ? e->message : "?"));

  if (e->domain == XML_FROM_RELAXNGV)
    {
      xmlNode *node = e->node;
      long line = node != NULL ? fz_xml_node_line (node) : e->line;

      if (self->invalid != NULL)
        self->invalid (self->invalid_data, message, line);
    }
  else if (e->level >= XML_ERR_ERROR && self->parse_message == NULL)
    {
      self->parse_message = g_steal_pointer (&message);
      self->parse_line = e->line;
    }
}

static FzXmlStream *
stream_new (const char  *name,
            const char  *root_name,
            gsize        max_size)
{
  FzXmlStream *self = g_new0 (FzXmlStream, 1);

  self->name = g_strdup (name);
  self->root_name = g_strdup (root_name);
  self->max_size = max_size;
  self->fd = -1;
  fz_xml_scan_init (&self->scan, self->name);
  return self;
}

static gboolean
stream_start (FzXmlStream  *self,
              GError      **error)
{
  self->reader = xmlReaderForIO (stream_read, NULL, self, NULL, "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (self->scan.refusal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->scan.refusal));
      return FALSE;
    }
  if (self->reader == NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_FAILED, _("%s: out of memory"), self->name);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (self->reader, on_error, self);
  return TRUE;
}

FzXmlStream *
fz_xml_stream_new_for_memory (const char  *data,
                              gsize        len,
                              const char  *display_name,
                              const char  *root_name,
                              gsize        max_size,
                              GError     **error)
{
  const char *name = display_name != NULL ? display_name : "XML";
  g_autoptr(FzXmlStream) self = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > max_size)
    {
      fz_xml_scan_set_too_large (error, name, max_size);
      return NULL;
    }
  if (len == 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }
  self = stream_new (name, root_name, max_size);
  self->data = data;
  self->len = len;
  return stream_start (self, error) ? g_steal_pointer (&self) : NULL;
}

/* Opened without blocking (a FIFO with no writer would wait for ever), and only a regular
 * file is read. */
static int
open_regular (const char  *path,
              const char  *name,
              gsize        max_size,
              GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  int saved = errno;
  struct stat st;

  if (fd < 0)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_IO, _("%s: cannot be opened: %s"), name,
                   g_strerror (saved));
      return -1;
    }
  if (fstat (fd, &st) != 0)
    g_set_error (error, FZ_ERROR, FZ_ERROR_IO, _("%s: cannot be read: %s"), name,
                 g_strerror (errno));
  else if (!S_ISREG (st.st_mode))
    g_set_error (error, FZ_ERROR, FZ_ERROR_NOT_REGULAR,
                 S_ISDIR (st.st_mode) ? _("%s: is a folder, not a file")
                                      : _("%s: is a special file (pipe, device or socket), "
                                          "not a text file"), name);
  else if ((guint64) st.st_size > max_size)
    fz_xml_scan_set_too_large (error, name, max_size);
  else if (st.st_size == 0)
    g_set_error (error, FZ_ERROR, FZ_ERROR_EMPTY, _("%s: the file is empty"), name);
  else if (fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK) == 0)
    return fd;
  else
    g_set_error (error, FZ_ERROR, FZ_ERROR_IO, _("%s: cannot be read: %s"), name,
                 g_strerror (errno));
  close (fd);
  return -1;
}

FzXmlStream *
fz_xml_stream_new_for_file (const char  *path,
                            const char  *root_name,
                            gsize        max_size,
                            GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(FzXmlStream) self = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_name (path);
  fd = open_regular (path, name, max_size, error);
  if (fd < 0)
    return NULL;
  self = stream_new (name, root_name, max_size);
  self->fd = fd;
  return stream_start (self, error) ? g_steal_pointer (&self) : NULL;
}

void
fz_xml_stream_free (FzXmlStream *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->reader, xmlFreeTextReader);
  if (self->fd >= 0)
    close (self->fd);
  fz_xml_scan_clear (&self->scan);
  g_free (self->parse_message);
  g_free (self->root_name);
  g_free (self->name);
  g_free (self);
}

xmlTextReader *
fz_xml_stream_get_reader (FzXmlStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reader;
}

void
fz_xml_stream_set_invalid_func (FzXmlStream            *self,
                                FzXmlStreamInvalidFunc  func,
                                gpointer                user_data)
{
  g_return_if_fail (self != NULL);
  self->invalid = func;
  self->invalid_data = user_data;
}

/* The first error, in the words of fz-xml.c: the byte checks, then the parser's own. */
static void
set_read_error (FzXmlStream  *self,
                GError      **error)
{
  const char *msg = self->parse_message != NULL ? self->parse_message : "unknown error";

  if (self->scan.refusal != NULL)
    g_propagate_error (error, g_steal_pointer (&self->scan.refusal));
  else if (strstr (msg, "depth") != NULL)
    g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                 _("%s: elements nested deeper than %d (line %d)"),
                 self->name, FZ_XML_MAX_DEPTH, self->parse_line);
  else
    g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
                 _("%s: not well-formed XML at line %d: %s"),
                 self->name, self->parse_line, msg);
}

static gboolean
check_root (FzXmlStream  *self,
            GError      **error)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (self->reader);

  self->seen_root = TRUE;
  if (self->root_name == NULL || g_strcmp0 (name, self->root_name) == 0)
    return TRUE;
  g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE,
               _("%s: the root element is <%s>, not <%s>: not a file of this kind"),
               self->name, name, self->root_name);
  return FALSE;
}

int
fz_xml_stream_read (FzXmlStream  *self,
                    GError      **error)
{
  xmlRegisterNodeFunc old;
  int rc;

  g_return_val_if_fail (self != NULL, -1);

  g_private_set (&building, self);
  self->stepping = TRUE;
  self->step_nodes = 0;
  self->step_start = self->total;
  old = xmlRegisterNodeDefault (register_node);
  rc = xmlTextReaderRead (self->reader);
  xmlRegisterNodeDefault (old);
  self->stepping = FALSE;
  g_private_set (&building, NULL);
  if (rc < 0 || self->scan.refusal != NULL)
    {
      set_read_error (self, error);
      return -1;
    }
  if (rc == 1 && !self->seen_root &&
      xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT &&
      !check_root (self, error))
    return -1;
  if (rc == 0 && !self->seen_root)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_PARSE, _("%s: not a file of this kind"), self->name);
      return -1;
    }
  return rc;
}
